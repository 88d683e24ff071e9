"""The Document record, text normalisation and the content hash.

Text is normalised once, when a document is read; the normalised text is what
the store keeps and what every character offset in a claim refers to.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

# Characters that carry no text but break matching and offsets.
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_DROP_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE))


@dataclass
class Document:
    """One input document, after reading and normalisation."""

    doc_id: str
    text: str
    path: str = ""
    title: str = ""
    date: date | None = None
    date_source: str = ""  # metadata | dateline | header | filename | body | "" (undated)
    source: str = ""
    url: str = ""
    kind: str = ""  # text | html | pdf | jsonl | csv
    metadata: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def words(self) -> int:
        return count_words(self.text)


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: the identity used to skip duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def count_words(text: str) -> int:
    return len(text.split())


@dataclass
class NormalisedText:
    """Normalised text plus, for each of its characters, the offset in the original."""

    text: str
    origin: list[int]

    def to_normalised(self, original_offset: int) -> int:
        """Map an offset of the original text to the normalised text."""
        return bisect.bisect_left(self.origin, original_offset)


def normalise(text: str) -> str:
    """Unicode NFC, one kind of line break, collapsed spaces, at most one blank line.

    The same text as `normalise_with_offsets(text).text`, done with str methods
    and regular expressions rather than character by character (the readers
    call it on every document)."""
    parts: list[str] = []
    blank_run = False
    for line in _BREAK.split(text):
        stripped = line.strip()
        if not stripped:
            blank_run = True
            continue
        visible = stripped.translate(_DROP_INVISIBLE)
        if not visible:
            blank_run = True  # only invisible characters
            continue
        if parts:
            parts.append("\n\n" if blank_run else "\n")
        blank_run = False
        parts.append(_SPACES.sub(" ", visible))
    normal = "".join(parts)
    if not unicodedata.is_normalized("NFC", normal):
        return normalise_with_offsets(text).text  # rare: compose exactly as the offset-keeping path does
    return _straight_apostrophes(normal)


# A typographic apostrophe inside a word ("didn’t", "Russia’s"); not a closing quotation mark.
_CURLY_APOSTROPHE = re.compile(r"(?<=[^\W\d_])[\u2019\u02bc](?=[^\W\d_])")


def _straight_apostrophes(text: str) -> str:
    """"didn’t" as "didn't": the model was trained on straight apostrophes, and with a curly one
    it tags "n’t" as a noun and misses the negation. One character for one, so offsets hold."""
    return _CURLY_APOSTROPHE.sub("'", text) if "\u2019" in text or "\u02bc" in text else text


_BREAK = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"\s+")


def normalise_with_offsets(text: str) -> NormalisedText:
    """Normalise `text` and keep the origin of every output character.

    The origin map lets the evaluator translate gold offsets, which refer to the
    raw text of a gold file, to the normalised text the extractor sees.
    """
    out: list[str] = []
    origin: list[int] = []
    blank_run = 0
    for match in _LINE.finditer(text):
        line = match.group(1)
        if not line and match.end() == len(text) and match.start() == len(text):
            break
        stripped = line.strip()
        if not stripped or all(ch in _INVISIBLE for ch in stripped):
            blank_run += 1
            continue
        if out:
            # one newline between lines, two for a paragraph break
            for ch in "\n\n" if blank_run else "\n":
                out.append(ch)
                origin.append(match.start() - 1)
        blank_run = 0
        lead = len(line) - len(line.lstrip())
        _append_line(stripped, match.start() + lead, out, origin)
    normal = "".join(out)
    if not unicodedata.is_normalized("NFC", normal):
        normal, origin = _nfc_with_offsets(normal, origin)
    return NormalisedText(_straight_apostrophes(normal), origin)


# A line and its terminator (CRLF, CR, LF, or the end of the text).
_LINE = re.compile(r"([^\r\n]*)(?:\r\n|\r|\n|$)")


def _append_line(line: str, start: int, out: list[str], origin: list[int]) -> None:
    prev_space = False
    for i, ch in enumerate(line):
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            if prev_space:
                continue
            ch = " "
            prev_space = True
        else:
            prev_space = False
        out.append(ch)
        origin.append(start + i)


def _nfc_with_offsets(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """NFC-compose `text` cluster by cluster, keeping the origin of each cluster's start."""
    out: list[str] = []
    new_origin: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        composed = unicodedata.normalize("NFC", text[i:j])
        out.append(composed)
        new_origin.extend([origin[i]] * len(composed))
        i = j
    return "".join(out), new_origin
