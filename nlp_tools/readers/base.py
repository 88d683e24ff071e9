"""Shared records of the readers: what a reader yields besides documents."""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MAX_BYTES = 64 * 1024 * 1024


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

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass
class ReadOptions:
    """How to read inputs; the CLI fills it from its options."""

    text_column: str = "text"
    max_bytes: int = DEFAULT_MAX_BYTES
    ignore_file: str = ".nlptoolsignore"
    extra_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class InputFile:
    """A file to read and the doc_id it (or its records) will be known by."""

    path: str
    doc_id: str
