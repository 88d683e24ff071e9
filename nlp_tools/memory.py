"""DuckDB's memory: a fixed limit for the store, spilling beyond it, and a clear error past that.

Without a limit DuckDB keeps what it has read (up to 80% of RAM), so a long
run grows with the corpus. With one, what a query holds beyond it goes to
temporary files beside the store (`<store>.tmp`, removed when the store is
closed), so the stages after extraction (statement linking, scores, dyads,
contradictions, exports, report) are written as queries DuckDB can spill:
plain groupings and joins over stored tables, parts of a bounded size.

Should one still run out (a disk full of temporary files, a corpus far beyond
anything measured), the user gets one line naming the stage and what to do,
not a DuckDB traceback: `NLP_TOOLS_STORE_MEMORY` raises the limit.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from .errors import NlpToolsError

STORE_MEMORY = "64MB"  # the default limit: DuckDB's cache during extraction, its working memory after it
MEMORY_VARIABLE = "NLP_TOOLS_STORE_MEMORY"  # another limit, e.g. 1GB
# DuckDB's joins and groupings reserve memory for each thread: under 64MB, and under 128MB, two
# threads ran out of memory where one did not (bench/post_extraction.py); under 256MB two did not
MEMORY_PER_THREAD = 128 * 10**6
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)?\s*$", re.IGNORECASE)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
          "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}


def memory_limit() -> str:
    """The store's memory limit: NLP_TOOLS_STORE_MEMORY if set, else STORE_MEMORY."""
    value = os.environ.get(MEMORY_VARIABLE, "").strip() or STORE_MEMORY
    if not _SIZE.match(value):
        raise NlpToolsError(f"{MEMORY_VARIABLE}={value!r} is not an amount of memory (write e.g. 512MB or 2GB)")
    return value


def bound_memory(store) -> None:
    """Cap DuckDB's memory on a store opened for writing (a read-only one keeps DuckDB's defaults),
    with as many threads as the limit gives MEMORY_PER_THREAD (one under the default limit)."""
    if store.read_only:
        return
    limit = memory_limit()
    number, unit = _SIZE.match(limit).groups()
    threads = int(float(number) * _UNITS[(unit or "b").lower()]) // MEMORY_PER_THREAD
    store.con.execute(f"SET memory_limit = '{limit}'")
    store.con.execute(f"SET threads = {max(1, min(os.cpu_count() or 1, threads))}")


@contextmanager
def unordered(con) -> Iterator[None]:
    """For statements whose rows' order does not matter (a table made to be joined or grouped):
    DuckDB need not keep its input's order, and so holds less of it in memory."""
    (previous,) = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()
    con.execute("SET preserve_insertion_order = false")
    try:
        yield
    finally:
        con.execute(f"SET preserve_insertion_order = {'true' if previous else 'false'}")


@contextmanager
def stage(name: str, store) -> Iterator[None]:
    """Turn DuckDB running out of memory (or of room for its temporary files) during `name`
    into one line that says what to do."""
    try:
        yield
    except duckdb.OutOfMemoryException:
        try:
            (limit,) = store.con.execute("SELECT current_setting('memory_limit')").fetchone()
        except duckdb.Error:
            limit = memory_limit()
        raise NlpToolsError(f"{name}: {out_of_memory(limit, store.path)}") from None


def is_out_of_memory(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.OutOfMemoryException)


def out_of_memory(limit: str = "", path=None) -> str:
    """What to say when DuckDB ran out of memory (its limit and the store, when known)."""
    where = f"beside {path}" if path else "beside the store"
    limit = f"DuckDB's limit is {limit}, beyond it " if limit else ""
    return (f"the store ran out of memory ({limit}DuckDB writes temporary files {where}); make sure there is free "
            f"disk space there, or raise the limit with {MEMORY_VARIABLE}=2GB (or more), then run the same command "
            "again: what was stored is kept")
