"""Reading inputs into normalised Documents: one module per input kind.

`read_documents` is the one entry point: it expands paths, picks the reader
by file type, normalises the text once, finds title and date, and yields a
`Document` for each document or a `ReadProblem` for each thing it could not
read. It never raises for a user's file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..documents import Document, normalise
from ..errors import InputError
from ..structure import analyse
from .base import InputFile, ReadOptions, ReadProblem, clean_text, display_path
from .dates import find_date
from .html import read_html
from .paths import SUPPORTED_SUFFIXES, expand_paths
from .pdf import read_pdf
from .tabular import Record, iter_csv, iter_jsonl
from .text import read_text, strip_controls

__all__ = [
    "Document",
    "InputFile",
    "ReadOptions",
    "ReadProblem",
    "SUPPORTED_SUFFIXES",
    "expand_paths",
    "read_documents",
    "read_file",
    "document_from_text",
]

_WHOLE_FILE_READERS = {
    ".txt": ("text", read_text),
    ".text": ("text", read_text),
    ".md": ("text", read_text),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
    ".xhtml": ("html", read_html),
    ".pdf": ("pdf", read_pdf),
}
# Kinds read one document per file: their file name may date them (a JSONL or
# CSV record has its own metadata, and the file's name is not its date).
_ONE_FILE_KINDS = {kind for kind, _ in _WHOLE_FILE_READERS.values()}
# Normalising collapses runs of spaces and blank lines: a raw text up to this many
# times the limit may still fit.
_SPACE_SLACK = 4
_RECORD_READERS = {".jsonl": ("jsonl", iter_jsonl), ".ndjson": ("jsonl", iter_jsonl), ".csv": ("csv", iter_csv)}


def read_documents(paths: list[str], options: ReadOptions | None = None) -> Iterator[Document | ReadProblem]:
    """Yield every document under `paths`, and every problem met on the way."""
    options = options or ReadOptions()
    for item in expand_paths(paths, options.ignore_file, options.exclude):
        if isinstance(item, ReadProblem):
            yield item
        else:
            yield from read_file(item, options)


def read_file(item: InputFile, options: ReadOptions) -> Iterator[Document | ReadProblem]:
    """Read one input file; problems are yielded, never raised."""
    suffix = Path(item.path).suffix.lower()
    try:
        if suffix in _RECORD_READERS:
            kind, reader = _RECORD_READERS[suffix]
            count = 0
            for record in reader(item.path, options):
                if isinstance(record, ReadProblem):
                    yield record
                    continue
                count += 1
                yield from _document_from_record(record, item, kind, options)
            if count == 0:
                yield ReadProblem(item.path, "no readable records")
            return
        kind, reader = _WHOLE_FILE_READERS[suffix]
        size = os.path.getsize(item.path)
        if size > options.max_bytes:
            raise InputError(
                item.path,
                f"too large ({size / 1e6:.0f} MB > limit {options.max_bytes / 1e6:.0f} MB; "
                "split it, or raise the limit with --max-mb)",
            )
        with open(item.path, "rb") as fh:
            data = fh.read()
        text, meta = reader(data, item.path)
        del data
        yield from _build(text, meta, item.doc_id, item.path, kind, options)
    except InputError as exc:
        yield ReadProblem(exc.path, exc.problem)
    except PermissionError:
        yield ReadProblem(item.path, "permission denied")
    except IsADirectoryError:
        yield ReadProblem(item.path, "is a folder, not a file")
    except OSError as exc:
        yield ReadProblem(item.path, f"cannot read ({exc.strerror or exc})")
    except MemoryError:
        yield ReadProblem(item.path, "not enough memory to read it (lower --max-mb, or split the file)")
    except Exception as exc:  # a user's file must never stop the batch
        yield ReadProblem(item.path, f"cannot read ({type(exc).__name__}: {str(exc)[:120]})")


def _document_from_record(
    record: Record, item: InputFile, kind: str, options: ReadOptions
) -> Iterator[Document | ReadProblem]:
    fields = record.fields
    doc_id = str(fields.get("doc_id") or "").strip() or f"{item.doc_id}#{record.number}"
    meta = {k: fields.get(k) for k in ("title", "date", "source", "url")}
    extra = {k: v for k, v in fields.items() if k not in ("doc_id", "title", "date", "source", "url")}
    yield from _build(record.text, meta, doc_id, item.path, kind, options, extra, record.locator)


def _build(
    raw_text: str,
    meta: dict,
    doc_id: str,
    path: str,
    kind: str,
    options: ReadOptions,
    extra: dict | None = None,
    locator: str = "",
) -> Iterator[Document | ReadProblem]:
    where = f"{locator}: " if locator else ""
    raw_text = strip_controls(clean_text(raw_text))
    # Checked on the normalised text; a text far above the limit is refused
    # before normalising it, which would cost memory for nothing.
    text = raw_text if len(raw_text) > _SPACE_SLACK * options.max_chars else normalise(raw_text)
    if len(text) > options.max_chars:
        yield ReadProblem(
            path,
            f"{where}text too long for one document ({len(text):,} characters; the parser takes at most "
            f"{options.max_chars:,}): split it into smaller documents",
            partial=bool(locator),
        )
        return
    if not text:
        yield ReadProblem(path, f"{where}no text after normalisation", partial=bool(locator))
        return
    doc_id, path = display_path(doc_id), display_path(path)
    doc = document_from_text(text, doc_id=doc_id, path=path, kind=kind, meta=meta, extra=extra)
    given = str(meta.get("date") or "").strip()
    if given and doc.date_source != "metadata":
        yield ReadProblem(path, f"{where}date '{given[:40]}' not understood; " + (
            f"used the {doc.date_source} date instead" if doc.date else "kept as undated"), partial=True)
    yield doc


def document_from_text(
    text: str,
    doc_id: str,
    path: str = "",
    kind: str = "text",
    meta: dict | None = None,
    extra: dict | None = None,
) -> Document:
    """Build a Document from already normalised text: title, date and metadata."""
    meta = meta or {}
    title = str(meta.get("title") or "").strip()
    structure = analyse(text, title)
    if not title:
        first = text.split("\n", 1)[0]
        if structure.skip_reason(0, len(first)) in ("heading", "header"):
            title = first.strip()
    found, date_source = find_date(
        text, structure.header_end, str(meta.get("date") or ""), path if kind in _ONE_FILE_KINDS else ""
    )
    return Document(
        doc_id=doc_id,
        text=text,
        path=path,
        title=title[:500],
        date=found,
        date_source=date_source if found else "",
        source=str(meta.get("source") or "").strip(),
        url=str(meta.get("url") or "").strip(),
        kind=kind,
        metadata={k: v for k, v in (extra or {}).items() if v not in (None, "")},
    )

