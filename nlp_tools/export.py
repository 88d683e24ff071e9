"""Writing tables to CSV, Parquet and JSONL, safe to open in a spreadsheet.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @,
tab or carriage return) get a leading apostrophe, the convention OWASP
recommends; Parquet and JSONL keep values exactly as they are (they are not
opened by spreadsheets as formulas). CSV rows end in CRLF, as RFC 4180 has
it, so that a cell holding a lone carriage return is quoted too (with LF
endings it was not, and the row split in two when read back).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from .atomic import atomic_path
from .errors import NlpToolsError

FORMATS = ("csv", "parquet", "jsonl")
CSV_PART = 10_000  # rows made safe and written at a time
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """Neutralise a value a spreadsheet would execute; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(safe_cell)
    return out


def write_table(frame: pd.DataFrame, path: str | Path, fmt: str | None = None) -> Path:
    """Write `frame` atomically (a temporary file renamed into place)."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "csv").lower()
    if fmt not in FORMATS:
        raise NlpToolsError(f"{path}: unknown export format '{fmt}' (choose {', '.join(FORMATS)})")
    with atomic_path(path) as tmp:
        if fmt == "csv":  # a part at a time: a safe copy of the whole table would double its memory
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                for start in range(0, max(len(frame), 1), CSV_PART):
                    part = safe_frame(frame.iloc[start:start + CSV_PART])
                    part.to_csv(fh, index=False, header=start == 0, lineterminator="\r\n")
        elif fmt == "parquet":
            frame.to_parquet(tmp, index=False)
        else:
            with open(tmp, "w", encoding="utf-8") as fh:
                for record in frame.to_dict(orient="records"):
                    fh.write(json.dumps({k: _jsonable(v) for k, v in record.items()}, ensure_ascii=False) + "\n")
    return path


def write_csv_parts(parts: Iterable[pd.DataFrame], path: str | Path, columns: list[str]) -> Path:
    """The CSV file write_table writes, from a table's parts in order (of `columns`), so that the
    whole table need never be in memory."""
    path = Path(path)
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        header = True
        for part in parts:
            for start in range(0, len(part), CSV_PART):
                safe_frame(part.iloc[start:start + CSV_PART]).to_csv(fh, index=False, header=header, lineterminator="\r\n")
                header = False
        if header:
            pd.DataFrame(columns=columns).to_csv(fh, index=False, lineterminator="\r\n")
    return path


def _jsonable(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def rows_to_frame(rows: Iterable[dict], columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=columns)
