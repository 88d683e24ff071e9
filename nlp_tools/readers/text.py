"""Plain text (.txt, .md): bytes to str with encoding detection, hard wraps undone."""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Decode `data` to text and name the encoding used.

    Byte-order marks first; UTF-16 without a BOM from the pattern of its zero
    bytes; then UTF-8 (a file that is mostly UTF-8 with a few Windows-1252
    bytes, as when feeds are concatenated, keeps both); anything else through
    charset-normalizer, a maintained detector. Stray control characters (NUL
    padding) are dropped. Binary data raises an InputError naming the file.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return strip_controls(_decode(data[len(bom) :], encoding, path)), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return strip_controls(_decode(data, utf16, path)), utf16
    data = data.rstrip(b"\x00")  # NUL padding at the end: a pre-allocated or cut-off file
    if not data.strip():
        raise InputError(path, "empty file")
    # Control bytes are rare in text in any one-byte encoding and in UTF-8; many
    # of them mean binary data, or a two-byte encoding left to the detector.
    controls = _control_byte_share(data[:65536]) > 0.05
    if not controls:
        try:
            return strip_controls(_checked(data.decode("utf-8"), path)), "utf-8"
        except UnicodeDecodeError:
            pass
        if _mostly_utf8(data):
            return strip_controls(_checked(data.decode("utf-8", UTF8_FALLBACK), path)), "utf-8"
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[: 4 * 1024 * 1024]))
    if not results:
        if controls:
            raise InputError(path, "binary file, not text")
        raise InputError(path, "unknown text encoding (not UTF-8, and no other encoding fits)")
    encoding = _choose(results, data)
    try:
        return strip_controls(_decode(data, encoding, path)), encoding
    except InputError:
        if controls:
            raise InputError(path, "binary file, not text") from None
        raise


def stream_encoding(head: bytes, path: str) -> str:
    """The encoding of a file read as a stream (JSONL, CSV), judged from its head.

    As `decode_bytes`, but a line or row that reads oddly is a problem of that
    line, not of the file: only control bytes in quantity make it binary.
    """
    if not head.strip():
        raise InputError(path, "empty file")
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    utf16 = _utf16_without_bom(head)
    if utf16:
        return utf16
    head = head.rstrip(b"\x00")
    if _control_byte_share(head) > 0.05:
        raise InputError(path, "binary file, not text")
    for cut in range(4):  # a cut in the middle of a character must not count against UTF-8
        try:
            (head[: len(head) - cut] if cut else head).decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            pass
    if _mostly_utf8(head):
        return "utf-8"
    from charset_normalizer import from_bytes

    results = list(from_bytes(head))
    if not results:
        raise InputError(path, "unknown text encoding (not UTF-8, and no other encoding fits)")
    return _choose(results, head)


_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
# Punctuation and signs of Windows-1252 that Western texts use: quotes, dashes,
# guillemets, currency, degrees, fractions, the ellipsis.
_WESTERN_SYMBOLS = set(
    "\u00a0\u00ab\u00bb\u00b0\u00a7\u00a9\u00ae\u00b7\u00bf\u00a1\u00ba\u00aa\u00b4\u00a3\u00a5\u00a2"
    "\u00b1\u00bd\u00bc\u00be\u00b5\u00b6\u20ac\u201a\u201e\u2026\u2020\u2021\u2030\u2039\u203a"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u2122"
)
_CLEARLY_BETTER = 0.1  # how much better the detector's language fit must be to beat Windows-1252
_FEW = 50  # below this many characters beyond ASCII, that fit is noise


def _choose(results, data: bytes) -> str:
    """The detector's pick, unless Windows-1252 reads as well.

    Short texts leave many code pages about equally plausible (the detector
    may even pick an East Asian one for a Western text with two accented
    letters). Windows-1252 is by far the most common legacy encoding of the
    texts this tool reads, so it wins when its reading looks like Western text
    and the detector found no language that another code page fits clearly
    better (Czech in Windows-1250, Turkish in Windows-1254).
    """
    best = results[0]
    if best.encoding in _PREFERRED:
        return best.encoding
    try:
        western = data[:65536].decode("cp1252")
    except UnicodeDecodeError:
        return best.encoding
    if not _looks_western(western):
        return best.encoding
    # With a few accented letters only, the detector's language fit is noise.
    if sum(1 for ch in western if ord(ch) > 127) < _FEW:
        return "cp1252"
    cp1252 = next((r for r in results if r.encoding == "cp1252"), None)
    if cp1252 is not None and best.coherence > cp1252.coherence + _CLEARLY_BETTER:
        return best.encoding
    return "cp1252"


# Letters of Windows-1252 that Central European and Turkish texts turn into when
# read in it (ř -> ø, ş -> þ, ğ -> ð, ı -> ý), and which the languages written in
# Windows-1252 and found in official statements hardly use.
_NOT_WESTERN_LETTERS = set("\u00f0\u00fe\u00fd\u00d0\u00de\u00dd\u00f8\u00d8")


def _looks_western(text: str) -> bool:
    """Mostly ASCII letters; accented letters and Western punctuation, never a
    symbol between two letters (as Polish or Czech read in the wrong code page)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:  # ("… … …": punctuation only, which Windows-1252 gives and Latin-1 reads as control codes)
        symbols = [ch for ch in text if ord(ch) > 127]
        return bool(symbols) and all(ch in _WESTERN_SYMBOLS for ch in symbols)
    if any(ch in _NOT_WESTERN_LETTERS for ch in letters):
        return False
    accented = sum(1 for ch in letters if ord(ch) > 127)
    if accented > 0.5 * len(letters):
        return False  # (Cyrillic or Greek read in Windows-1252: nearly every letter; not "A déjà vu déjà vu.")
    for i, ch in enumerate(text):
        if ord(ch) > 127 and not ch.isalpha():
            if ch not in _WESTERN_SYMBOLS:
                return False
            if 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha() and ch not in "\u2019\u00b7":
                return False
    return True


# Decoding UTF-8 with this error handler reads the bytes that are not UTF-8 as
# Windows-1252 (the usual culprit) instead of replacing them with U+FFFD.
UTF8_FALLBACK = "nlp_tools.cp1252"
_CP1252 = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256)]


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(_CP1252[b] for b in exc.object[exc.start : exc.end]), exc.end


codecs.register_error(UTF8_FALLBACK, _cp1252_fallback)


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 characters beyond ASCII than bytes that are not UTF-8."""
    replaced = data.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd") - data.count("\ufffd".encode())
    valid = len(replaced) - len(replaced.encode("ascii", "ignore")) - invalid  # characters beyond ASCII
    return valid > 0 and valid >= invalid


# Control bytes that text does not hold in quantity: in many, a file is binary
# (tab, line feed, vertical tab, form feed, carriage return are text; ESC
# occurs in old terminal captures). Those that do occur are dropped from the
# text, with ESC: they mean nothing in a document.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _control_byte_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def strip_controls(text: str) -> str:
    """Drop the control characters a mostly-text file may carry (NUL padding, BEL)."""
    return _CONTROL_CHARS.sub("", text) if _CONTROL_CHARS.search(text) else text



def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(path, f"cannot decode as {encoding} ({str(exc)[:80]})") from None
    return _checked(text, path)


def _checked(text: str, path: str) -> str:
    if _unprintable_share(text) > 0.05:
        raise InputError(path, "binary file, not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the zero bytes of ASCII characters (spaces, digits,
    punctuation, line breaks) all fall on the odd (little-endian) or the even
    (big-endian) positions, and the decoded sample reads as text."""
    sample = data[:65536]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    enough = max(2, len(sample) // 200)  # 1% of the characters: not a few stray NULs in UTF-8
    if odd > 4 * even and odd >= enough:
        encoding = "utf-16-le"
    elif even > 4 * odd and even >= enough:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    return encoding if text and _unprintable_share(text) <= 0.05 else None


def _unprintable_share(text: str) -> float:
    """Share of control, private-use, surrogate and unassigned characters: what a
    misread binary file is made of (spaces of any kind and format marks are text)."""
    sample = text[:100_000]
    if not sample:
        return 0.0
    if sample.isascii():  # the common case, without a look-up per character
        return len(_ASCII_CONTROL.findall(sample)) / len(sample)
    if sample.translate(_LAYOUT).isprintable():
        return 0.0  # no control, private-use, surrogate or unassigned character at all
    category = unicodedata.category
    bad = sum(1 for ch in sample if category(ch) in _NOT_TEXT and ch not in "\n\r\t\f\v\x1b")
    return bad / len(sample)


_NOT_TEXT = frozenset({"Cc", "Co", "Cs", "Cn"})
_ASCII_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_LAYOUT = dict.fromkeys(map(ord, "\n\r\t\f\v\x1b"), " ")


_CLOSING = tuple(".!?\"'”’:;)")


def unwrap_hard_lines(text: str) -> str:
    """Join lines that a fixed-width layout broke inside sentences.

    A line break is kept when it ends a paragraph, follows closing punctuation,
    or precedes a line that starts a turn or a list item; otherwise it becomes a
    space. Applied only when most lines look wrapped (long and unpunctuated).
    """
    lines = text.split("\n")
    body = [line for line in lines if line.strip()]
    if len(body) < 6:
        return text
    widths = [len(line.rstrip()) for line in body]
    wrapped = sum(1 for line, w in zip(body, widths, strict=False) if 50 <= w <= 100 and not line.rstrip().endswith(_CLOSING))
    if wrapped < 0.4 * len(body):
        return text
    return join_wrapped_lines(lines)


_STARTS_BLOCK = re.compile(r"^\s*(?:[A-Z][A-Z .'\-]{1,40}:|Q:|[-*\u2022]\s|\d+[.)]\s)")


def join_wrapped_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if (
            out
            and out[-1].strip()
            and line.strip()
            and not out[-1].rstrip().endswith(_CLOSING)
            and not _STARTS_BLOCK.match(line)
        ):
            prev = out[-1].rstrip()
            if prev.endswith("-") and not prev.endswith(" -"):
                out[-1] = prev[:-1] + line.strip()  # a word hyphenated at the line end
            else:
                out[-1] = prev + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def read_text(data: bytes, path: str) -> tuple[str, dict]:
    text, encoding = decode_bytes(data, path)
    return unwrap_hard_lines(text), {"encoding": encoding}
