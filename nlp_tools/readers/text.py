"""Plain text (.txt, .md): bytes to str with encoding detection, hard wraps undone."""

from __future__ import annotations

import codecs
import re

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

    UTF-8 and byte-order marks first; UTF-16 without a BOM from the pattern of
    its zero bytes; anything else through charset-normalizer, a maintained
    detector. Binary data raises an InputError naming the file.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom) :], encoding, path), encoding
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode(data, utf16, path), utf16
    if b"\x00" in data[:65536]:
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    results = list(from_bytes(data[: 4 * 1024 * 1024]))
    if not results:
        raise InputError(path, "unknown text encoding (not UTF-8, and no other encoding fits)")
    best = results[0]
    # Short texts leave several code pages equally plausible; the Western one is
    # by far the most common in the wild, so it wins a tie.
    tied = [r.encoding for r in results if r.chaos <= best.chaos and r.coherence >= best.coherence - 0.05]
    encoding = next((e for e in _PREFERRED if e in tied), best.encoding)
    text = _decode(data, encoding, path)
    if _unprintable_share(text) > 0.05:
        raise InputError(path, "binary file, not text")
    return text, encoding


_PREFERRED = ("cp1252", "latin_1", "iso8859_15")


def _decode(data: bytes, encoding: str, path: str) -> str:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(path, f"cannot decode as {encoding} ({exc})") from None
    if _unprintable_share(text) > 0.05:
        raise InputError(path, "binary file, not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


def _unprintable_share(text: str) -> float:
    sample = text[:100_000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if not ch.isprintable() and ch not in "\n\r\t\f\v")
    return bad / len(sample)


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
