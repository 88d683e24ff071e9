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
from .base import ReadOptions, ReadProblem, clean_text
from .text import UTF8_FALLBACK, stream_encoding

# Fields a record may carry beside its text; all others are kept as metadata.
KNOWN_FIELDS = ("doc_id", "date", "source", "title", "url")


@dataclass
class Record:
    """One document's fields as read from a JSONL line or a CSV row."""

    text: str
    fields: dict
    locator: str  # "line 12" / "row 4", for messages and default ids
    number: int


def _encoding(path: str) -> tuple[str, str]:
    """The file's encoding, judged from its first 64 KiB, and the error handler
    for what lies beyond: UTF-8 falls back to Windows-1252 byte by byte (feeds
    are often concatenated from several sources); others replace bad bytes."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
    for bom, encoding in _BOM_CODECS:
        if head.startswith(bom):
            return encoding, "replace"  # these codecs consume the BOM
    encoding = stream_encoding(head, path)
    if encoding == "utf-8":
        return "utf-8", UTF8_FALLBACK
    return encoding, "replace"


_BOM_CODECS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CHUNK = 1 << 20


def _lines(path: str, options: ReadOptions) -> Iterator[tuple[int, str | None]]:
    """(number, line) for each line, decoded; None for a line above the size
    limit, which is skipped a chunk at a time and never held whole in memory."""
    encoding, errors = _encoding(path)
    limit = max(options.max_bytes, 1024)
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")
        number = 0
        while True:
            line = text.readline(limit + 1)
            if not line:
                return
            number += 1
            if len(line) > limit and not line.endswith(("\n", "\r")):
                del line
                while True:  # skip the rest of the line
                    rest = text.readline(_CHUNK)
                    if not rest or rest.endswith(("\n", "\r")):
                        break
                yield number, None
                continue
            yield number, line


def iter_jsonl(path: str, options: ReadOptions) -> Iterator[Record | ReadProblem]:
    for number, line in _lines(path, options):
        if line is None:
            yield ReadProblem(
                path,
                f"line {number}: too long (over {options.max_bytes / 1e6:.0f} MB; raise the limit with --max-mb)",
                partial=True,
            )
            continue
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(path, f"line {number}: invalid JSON ({exc.msg})", partial=True)
            continue
        except RecursionError:
            yield ReadProblem(path, f"line {number}: invalid JSON (nested too deeply)", partial=True)
            continue
        if not isinstance(obj, dict):
            yield ReadProblem(path, f"line {number}: not a JSON object", partial=True)
            continue
        try:
            record = _record(obj, options.text_column, f"line {number}", number)
        except RecursionError:
            record = f"line {number}: nested too deeply"
        if isinstance(record, str):
            yield ReadProblem(path, record, partial=True)
        else:
            yield record


def iter_csv(path: str, options: ReadOptions) -> Iterator[Record | ReadProblem]:
    encoding, errors = _encoding(path)
    csv.field_size_limit(max(options.max_bytes, 1024))
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline="")
        first_line = text.readline(65536)
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
    obj = _clean(obj)
    text = obj.get(text_column)
    if text is None:
        return f"{locator}: no '{text_column}' field"
    if not isinstance(text, str):
        return f"{locator}: '{text_column}' is not a string"
    if not text.strip():
        return f"{locator}: empty text"
    fields = {k: v for k, v in obj.items() if k != text_column}
    return Record(text, fields, locator, number)


def _clean(value):
    """Lone surrogates (JSON allows "\\ud800") replaced, in keys and values at any depth."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
