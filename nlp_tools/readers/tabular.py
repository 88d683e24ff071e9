"""JSONL and CSV: one document per line or row, metadata in the other fields.

Both are streamed from the file: a huge file is never held in memory, and a
broken line or row is reported with its number while the good ones are read.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError
from .base import ReadOptions, ReadProblem
from .text import decode_bytes

# Fields a record may carry beside its text; all others are kept as metadata.
KNOWN_FIELDS = ("doc_id", "date", "source", "title", "url")


@dataclass
class Record:
    """One document's fields as read from a JSONL line or a CSV row."""

    text: str
    fields: dict
    locator: str  # "line 12" / "row 4", for messages and default ids
    number: int


def _encoding(path: str) -> str:
    """The file's encoding, judged from its first 64 KiB."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
    if not head.strip():
        raise InputError(path, "empty file")
    # A cut in the middle of a multi-byte character must not count against UTF-8.
    for cut in range(4):
        try:
            _, encoding = decode_bytes(head[: len(head) - cut] if cut else head, path)
            break
        except InputError:
            if cut == 3:
                raise
    return "utf-8-sig" if encoding == "utf-8" else encoding


def iter_jsonl(path: str, options: ReadOptions) -> Iterator[Record | ReadProblem]:
    encoding = _encoding(path)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if len(raw) > options.max_bytes:
                yield ReadProblem(path, f"line {number}: too long ({len(raw) // 1_000_000} MB > limit {options.max_bytes // 1_000_000} MB)", partial=True)
                continue
            line = decoder.decode(raw).strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ReadProblem(path, f"line {number}: invalid JSON ({exc.msg})", partial=True)
                continue
            if not isinstance(obj, dict):
                yield ReadProblem(path, f"line {number}: not a JSON object", partial=True)
                continue
            record = _record(obj, options.text_column, f"line {number}", number)
            if isinstance(record, str):
                yield ReadProblem(path, record, partial=True)
            else:
                yield record


def iter_csv(path: str, options: ReadOptions) -> Iterator[Record | ReadProblem]:
    encoding = _encoding(path)
    csv.field_size_limit(max(options.max_bytes, 1024))
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        first_line = text.readline()
        text.seek(0)
        reader = csv.reader(text, csv.excel, delimiter=_delimiter(first_line))
        try:
            header = next(reader)
        except StopIteration:
            raise InputError(path, "empty file") from None
        except csv.Error as exc:
            raise InputError(path, f"cannot read CSV header ({exc})") from None
        header = [h.strip().lstrip("\ufeff") for h in header]
        if options.text_column not in header:
            raise InputError(
                path,
                f"no '{options.text_column}' column (columns: {', '.join(header)}); "
                "name the text column with --text-column",
            )
        number = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield ReadProblem(path, f"row {number + 1} (line {reader.line_num}): {exc}", partial=True)
                number += 1
                continue
            number += 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                yield ReadProblem(
                    path,
                    f"row {number} (line {reader.line_num}): expected {len(header)} fields, got {len(row)}",
                    partial=True,
                )
                continue
            record = _record(dict(zip(header, row, strict=False)), options.text_column, f"row {number}", number)
            if isinstance(record, str):
                yield ReadProblem(path, record, partial=True)
            else:
                yield record


def _delimiter(header: str) -> str:
    """Comma unless the header line is plainly separated by something else."""
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] > counts[","] else ","


def _record(obj: dict, text_column: str, locator: str, number: int) -> Record | str:
    text = obj.get(text_column)
    if text is None:
        return f"{locator}: no '{text_column}' field"
    if not isinstance(text, str):
        return f"{locator}: '{text_column}' is not a string"
    if not text.strip():
        return f"{locator}: empty text"
    fields = {k: v for k, v in obj.items() if k != text_column}
    return Record(text, fields, locator, number)
