"""Shared records of the readers: what a reader yields besides documents."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 64 * 1_000_000  # as --max-mb counts: 64 MB
# spaCy's default `nlp.max_length`: a longer text cannot go through the parser in
# one piece (it needs about 1 GB of memory per 100,000 characters), so it is
# reported and left out rather than crashing the extraction of the whole batch.
MAX_DOCUMENT_CHARS = 1_000_000

_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]")


def display_path(path: str) -> str:
    """A path as text that can be printed on one line and stored: bytes of a file
    name that are not UTF-8 are shown as \\xNN escapes, control characters (a
    line break in a file name) as \\n, \\t, \\x1b; distinct names stay distinct."""
    if _SURROGATES.search(path):
        try:
            path = path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # surrogates that did not come from undecodable bytes
            path = clean_text(path)
    if _CONTROLS.search(path):
        path = _CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), path)
    return path


def one_line(text: str) -> str:
    """A message on one line: line breaks and other control characters become spaces."""
    return _CONTROLS.sub(" ", clean_text(text)) if _CONTROLS.search(text) or _SURROGATES.search(text) else text


def clean_text(value: str) -> str:
    """Replace lone surrogates (a JSON "\\ud800", a broken file name) with U+FFFD:
    they cannot be encoded, hashed or stored."""
    return _SURROGATES.sub("\ufffd", value) if _SURROGATES.search(value) else value


@dataclass(frozen=True)
class ReadProblem:
    """Something in an input that could not be read; the batch goes on.

    `partial` is True when the rest of the file was read (a bad JSONL line);
    `ignored` marks files left out on purpose (hidden, or in an ignore file):
    counted in the summary rather than reported as errors.
    """

    path: str
    problem: str
    partial: bool = False
    ignored: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", display_path(self.path))
        object.__setattr__(self, "problem", one_line(self.problem))

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass
class ReadOptions:
    """How to read inputs; the CLI fills it from its options."""

    text_column: str = "text"
    max_bytes: int = DEFAULT_MAX_BYTES
    max_chars: int = MAX_DOCUMENT_CHARS
    ignore_file: str = ".nlptoolsignore"
    exclude: list[str] = field(default_factory=list)  # paths never read (the run's own outputs)


@dataclass(frozen=True)
class InputFile:
    """A file to read and the doc_id it (or its records) will be known by."""

    path: str
    doc_id: str
