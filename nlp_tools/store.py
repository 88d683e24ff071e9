"""The embedded store: a DuckDB file with `documents`, `claims`, `runs` and `problems`.

Every write is a transaction. A document's claims are inserted together with
its done-marker (`status = 'extracted'`), so a run killed half-way leaves no
half-written document, and the next run picks up the documents not yet marked
done. DuckDB allows one writing process per file; a second one gets a clear
StoreBusyError instead of a corrupt file.
"""

from __future__ import annotations

import json
import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from .claims.record import CLAIM_FIELDS, Claim
from .documents import Document
from .errors import NlpToolsError, StoreBusyError
from .memory import unordered

SCHEMA_VERSION = 4  # 2: claims.detector; 3: the parties' country and body; 4: statements

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id INTEGER PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, command VARCHAR,
    version VARCHAR, extractor VARCHAR, status VARCHAR,
    documents INTEGER, claims INTEGER, problems INTEGER, words BIGINT, seconds DOUBLE
);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY, seq BIGINT, content_hash VARCHAR, path VARCHAR, title VARCHAR,
    date DATE, date_source VARCHAR, source VARCHAR, url VARCHAR, kind VARCHAR, words INTEGER,
    text VARCHAR, metadata VARCHAR, status VARCHAR, n_claims INTEGER, extractor VARCHAR,
    ingested_run INTEGER, extracted_run INTEGER
);
CREATE TABLE IF NOT EXISTS claims (
    claim_id VARCHAR, doc_id VARCHAR, seq INTEGER, sentence VARCHAR, start_char INTEGER, end_char INTEGER,
    topic VARCHAR, stance VARCHAR, hedged BOOLEAN, speaker VARCHAR, speaker_role VARCHAR,
    speaker_org VARCHAR, speaker_country VARCHAR, official BOOLEAN, attribution VARCHAR, cue VARCHAR,
    agent VARCHAR, counterpart VARCHAR, date DATE, source VARCHAR, trigger VARCHAR, "group" VARCHAR,
    stance_cue VARCHAR, stance_confidence DOUBLE, extractor VARCHAR, extra VARCHAR, detector VARCHAR,
    agent_country VARCHAR, agent_org VARCHAR, counterpart_country VARCHAR, counterpart_org VARCHAR,
    statement_id VARCHAR, copies INTEGER,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS statement_signatures (
    sig BIGINT, doc_id VARCHAR, seq INTEGER, claim_id VARCHAR, block VARCHAR, date DATE, sentence_md5 VARCHAR,
    signature BLOB, statement_id VARCHAR
);
CREATE TABLE IF NOT EXISTS statement_buckets (bucket BIGINT, epoch INTEGER, sig BIGINT);
CREATE TABLE IF NOT EXISTS problems (
    run_id INTEGER, path VARCHAR, problem VARCHAR, kind VARCHAR
);
"""

DOCUMENT_COLUMNS = [
    "doc_id", "seq", "content_hash", "path", "title", "date", "date_source", "source", "url", "kind",
    "words", "text", "metadata", "status", "n_claims", "extractor", "ingested_run", "extracted_run",
]
CLAIM_COLUMNS = ["claim_id", "doc_id", "seq", *[f for f in CLAIM_FIELDS if f != "doc_id"], "extractor", "extra"]
STATEMENT_FIELDS = ["statement_id", "copies"]  # set by statements.link_statements, not by extraction


class Store:
    """One DuckDB file, opened by one process for writing."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise NlpToolsError(f"{self.path}: no such store (run `nlp-tools ingest` or `run` first)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreBusyError(
                    f"{self.path}: the store is in use by another nlp-tools process; "
                    "wait for it to finish or use another --store"
                ) from None
            raise NlpToolsError(f"{self.path}: cannot open the store ({message.splitlines()[0]})") from None
        except duckdb.Error as exc:
            raise NlpToolsError(f"{self.path}: not a usable store ({str(exc).splitlines()[0]})") from None
        self.read_only = read_only
        if not read_only:
            self.con.execute(_SCHEMA)
            self.con.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )
            _migrate(self.con)
        # a store written by an older version, opened read-only, lacks the newer columns
        self.claim_columns = {r[0] for r in self.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'claims'").fetchall()}

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self):
        """One transaction; Ctrl-C while it runs waits for it to end (a write takes a moment),
        so that an interrupt never turns into a half-done write or a database error."""
        with _interrupt_after():
            self.con.execute("BEGIN TRANSACTION")
            try:
                yield self.con
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")

    # -- meta ------------------------------------------------------------------
    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as con:
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    def get_meta(self, key: str) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    # -- runs ------------------------------------------------------------------
    def start_run(self, command: str, version: str, extractor: str) -> int:
        with self.transaction() as con:
            run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()[0]
            con.execute(
                "INSERT INTO runs (run_id, started, command, version, extractor, status) VALUES (?, ?, ?, ?, ?, 'running')",
                [run_id, _now(), command, version, extractor],
            )
        return run_id

    def finish_run(self, run_id: int, status: str, documents: int, claims: int, problems: int, words: int, seconds: float) -> None:
        with self.transaction() as con:
            con.execute(
                "UPDATE runs SET finished = ?, status = ?, documents = ?, claims = ?, problems = ?, words = ?, seconds = ? WHERE run_id = ?",
                [_now(), status, documents, claims, problems, words, seconds, run_id],
            )

    def record_problems(self, run_id: int, problems: Iterable[tuple[str, str, str]]) -> None:
        rows = list(problems)
        if not rows:
            return
        with self.transaction() as con:
            con.executemany("INSERT INTO problems VALUES (?, ?, ?, ?)", [(run_id, *r) for r in rows])

    # -- documents -----------------------------------------------------------------
    def known_hashes(self) -> dict[str, str]:
        """content hash -> doc_id of every stored document."""
        return dict(self.con.execute("SELECT content_hash, doc_id FROM documents").fetchall())

    def stored_hash(self, doc_id: str) -> str | None:
        row = self.con.execute("SELECT content_hash FROM documents WHERE doc_id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def add_documents(self, documents: list[Document], run_id: int) -> None:
        """Insert or replace documents (a changed text resets its claims)."""
        if not documents:
            return
        with self.transaction() as con:
            seq0 = con.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]
            rows = []
            for i, d in enumerate(documents, start=1):
                rows.append({
                    "doc_id": d.doc_id, "seq": seq0 + i, "content_hash": d.content_hash, "path": d.path,
                    "title": d.title, "date": d.date, "date_source": d.date_source, "source": d.source,
                    "url": d.url, "kind": d.kind, "words": d.words, "text": d.text,
                    "metadata": json.dumps(d.metadata, ensure_ascii=False, default=str),
                    "status": "ingested", "n_claims": None, "extractor": None,
                    "ingested_run": run_id, "extracted_run": None,
                })
            frame = pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)
            frame["date"] = pd.to_datetime(frame["date"]).dt.date
            ids = [d.doc_id for d in documents]
            con.execute("DELETE FROM claims WHERE doc_id IN (SELECT unnest(?))", [ids])
            con.execute("DELETE FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids])
            con.register("incoming_documents", frame)
            con.execute(f"INSERT INTO documents SELECT {', '.join(DOCUMENT_COLUMNS)} FROM incoming_documents")
            con.unregister("incoming_documents")

    def words_of(self, doc_ids: list[str]) -> int:
        """The words of these documents, all together."""
        if not doc_ids:
            return 0
        (total,) = self.con.execute(
            "SELECT coalesce(sum(words), 0) FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]
        ).fetchone()
        return int(total)

    def pending(self, extractor: str, force: bool = False) -> list[str]:
        """Documents whose claims are missing or came from another extractor version."""
        if force:
            sql = "SELECT doc_id FROM documents ORDER BY seq"
            return [r[0] for r in self.con.execute(sql).fetchall()]
        sql = "SELECT doc_id FROM documents WHERE status <> 'extracted' OR extractor IS DISTINCT FROM ? ORDER BY seq"
        return [r[0] for r in self.con.execute(sql, [extractor]).fetchall()]

    def iter_documents(self, doc_ids: list[str], chunk: int = 256) -> Iterator[Document]:
        """Stream stored documents in the given order, a chunk at a time."""
        for i in range(0, len(doc_ids), chunk):
            ids = doc_ids[i : i + chunk]
            frame = self.con.execute(
                "SELECT doc_id, text, path, title, date, date_source, source, url, kind, metadata "
                "FROM documents WHERE doc_id IN (SELECT unnest(?))",
                [ids],
            ).fetchall()
            by_id = {row[0]: row for row in frame}
            for doc_id in ids:
                row = by_id.get(doc_id)
                if row is None:
                    continue
                yield Document(
                    doc_id=row[0], text=row[1], path=row[2] or "", title=row[3] or "", date=row[4],
                    date_source=row[5] or "", source=row[6] or "", url=row[7] or "", kind=row[8] or "",
                    metadata=json.loads(row[9] or "{}"),
                )

    def save_claims(self, results: list[tuple[str, list[Claim]]], extractor: str, run_id: int) -> None:
        """Replace the claims of each document and mark it done, all in one transaction."""
        if not results:
            return
        rows = []
        for _doc_id, claims in results:
            for seq, claim in enumerate(claims):
                row = claim.to_dict()
                extra = {k: row.pop(k) for k in list(row) if k not in CLAIM_COLUMNS}
                extra.update(getattr(claim, "extra", None) or {})  # columns a trained classifier adds
                row.update({"seq": seq, "extractor": extractor, "extra": json.dumps(extra, default=str) if extra else None})
                rows.append(row)
        frame = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
        if len(frame):
            frame["date"] = pd.to_datetime(frame["date"]).dt.date
        ids = [doc_id for doc_id, _ in results]
        counts = pd.DataFrame({"doc_id": ids, "n": [len(c) for _, c in results]})
        with self.transaction() as con:
            con.execute("DELETE FROM claims WHERE doc_id IN (SELECT unnest(?))", [ids])
            if len(frame):
                con.register("incoming_claims", frame)
                columns = ", ".join(_q(c) for c in CLAIM_COLUMNS)
                con.execute(f"INSERT INTO claims ({columns}) SELECT {columns} FROM incoming_claims")
                con.unregister("incoming_claims")
            con.register("incoming_counts", counts)
            con.execute(
                "UPDATE documents SET status = 'extracted', n_claims = incoming_counts.n, extractor = ?, extracted_run = ? "
                "FROM incoming_counts WHERE documents.doc_id = incoming_counts.doc_id",
                [extractor, run_id],
            )
            con.unregister("incoming_counts")

    # -- reading ---------------------------------------------------------------------
    def claims_frame(self, where: str = "", params: list | None = None) -> pd.DataFrame:
        """The claim table; the JSON `extra` field comes out as columns before `extractor`."""
        sql = (
            "SELECT c.claim_id, c.doc_id, d.title, d.url, "
            + ", ".join(f"c.{_q(f)}" if f in self.claim_columns else f"NULL AS {_q(f)}"
                        for f in CLAIM_FIELDS if f != "doc_id")
            + "".join(f", c.{f}" if f in self.claim_columns else f", NULL AS {f}" for f in STATEMENT_FIELDS)
            + ", c.extra, c.extractor FROM claims c JOIN documents d USING (doc_id) "
            + (f"WHERE {where} " if where else "")
            + "ORDER BY d.seq, c.seq"
        )
        return _expand_extra(self.con.execute(sql, params or []).df())

    def documents_frame(self, with_text: bool = False) -> pd.DataFrame:
        """One row per document; `statements` counts its distinct statements, `shared_statements`
        those that other documents carry too, `shared_with` those documents (the first
        SHARED_WITH_SHOWN, by doc_id)."""
        cols = "doc_id, path, title, date, date_source, source, url, kind, words, n_claims AS claims, status"
        if with_text:
            cols += ", text"
        frame = self.con.execute(f"SELECT {cols} FROM documents ORDER BY seq").df()
        frame = frame.merge(self.shared_statements(), on="doc_id", how="left").reindex(
            columns=[*frame.columns, "statements", "shared_statements", "shared_with"])
        extracted = frame["claims"].notna()
        for column in ("statements", "shared_statements"):
            frame[column] = frame[column].where(~extracted | frame[column].notna(), 0).astype("Int64")
        frame["shared_with"] = frame["shared_with"].where(~extracted | frame["shared_with"].notna(), "")
        return frame

    def shared_statements(self) -> pd.DataFrame:
        """Per document with claims: distinct statements, how many other documents repeat, and which.

        Plain groupings and joins only (and the first SHARED_WITH_SHOWN other documents
        kept per document, not all), which DuckDB can spill to disk within its memory
        limit; distinct lists of every other document ran out of it on large corpora."""
        sid = "coalesce(statement_id, claim_id)" if "statement_id" in self.claim_columns else "claim_id"
        con = self.con
        with unordered(con):
            con.execute(f"CREATE OR REPLACE TEMP TABLE doc_statements AS SELECT DISTINCT doc_id, {sid} AS sid FROM claims")
        try:
            frame = con.execute(f"""
                WITH spread AS (SELECT sid, count(*) > 1 AS shared FROM doc_statements GROUP BY sid),
                     counts AS (SELECT s.doc_id, count(*) AS statements, count(*) FILTER (WHERE p.shared) AS shared_statements
                                FROM doc_statements s JOIN spread p USING (sid) GROUP BY s.doc_id),
                     repeated AS (SELECT s.* FROM doc_statements s SEMI JOIN (SELECT sid FROM spread WHERE shared) USING (sid)),
                     others AS (SELECT DISTINCT a.doc_id, b.doc_id AS other FROM repeated a JOIN repeated b USING (sid)
                                WHERE a.doc_id <> b.doc_id),
                     listed AS (SELECT doc_id, count(*) AS n_others, min(other, {SHARED_WITH_SHOWN}) AS shown
                                FROM others GROUP BY doc_id)
                SELECT c.doc_id, c.statements, c.shared_statements, l.n_others, l.shown
                FROM counts c LEFT JOIN listed l USING (doc_id)
            """).df()
        finally:
            con.execute("DROP TABLE IF EXISTS doc_statements")
        frame["shared_with"] = [_shown_list(shown, n) for shown, n in zip(frame.pop("shown"), frame.pop("n_others"), strict=True)]
        return frame

    def problems_frame(self, run_id: int | None = None) -> pd.DataFrame:
        if run_id is None:
            return self.con.execute("SELECT * FROM problems ORDER BY run_id").df()
        return self.con.execute("SELECT * FROM problems WHERE run_id = ?", [run_id]).df()

    def runs_frame(self) -> pd.DataFrame:
        return self.con.execute("SELECT * FROM runs ORDER BY run_id").df()

    def table(self, name: str) -> pd.DataFrame:
        """A whole table (or the joined claim view) for export."""
        if name == "claims":
            return self.claims_frame()
        if name == "documents":
            return self.documents_frame()
        if name in ("runs", "problems"):
            return self.con.execute(f"SELECT * FROM {name}").df()
        raise NlpToolsError(f"unknown table '{name}' (choose claims, documents, scores, dyads, contradictions, runs, problems)")

    def counts(self) -> dict[str, int]:
        docs, done = self.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE status = 'extracted') FROM documents"
        ).fetchone()
        claims = self.con.execute("SELECT count(*) FROM claims").fetchone()[0]
        return {"documents": docs, "extracted": done, "claims": claims}

    def count_statements(self) -> int:
        """Distinct statements (a claim not yet linked is one of its own)."""
        sid = "coalesce(statement_id, claim_id)" if "statement_id" in self.claim_columns else "claim_id"
        # a plain grouping, which DuckDB can spill to disk (a distinct count it holds in memory)
        return self.con.execute(f"SELECT count(*) FROM (SELECT DISTINCT {sid} FROM claims)").fetchone()[0]


def _migrate(con) -> None:
    """Bring a store written by an older version up to SCHEMA_VERSION (columns are only ever added)."""
    con.execute("ALTER TABLE claims ADD COLUMN IF NOT EXISTS detector VARCHAR")  # version 2
    for column in ("agent_country", "agent_org", "counterpart_country", "counterpart_org"):  # version 3
        con.execute(f"ALTER TABLE claims ADD COLUMN IF NOT EXISTS {column} VARCHAR")
    con.execute("ALTER TABLE claims ADD COLUMN IF NOT EXISTS statement_id VARCHAR")  # version 4
    con.execute("ALTER TABLE claims ADD COLUMN IF NOT EXISTS copies INTEGER")
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?",
                [str(SCHEMA_VERSION), SCHEMA_VERSION])


SHARED_WITH_SHOWN = 20


def _shown_list(shown, total) -> str:
    """The first other documents (`shown`, in order), and how many more of `total` there are."""
    if shown is None or (not isinstance(shown, (list, tuple, np.ndarray)) and pd.isna(shown)):
        return ""
    listed = "; ".join(str(v) for v in list(shown)[:SHARED_WITH_SHOWN])
    return listed + (f"; and {int(total) - SHARED_WITH_SHOWN} more" if int(total) > SHARED_WITH_SHOWN else "")


def _expand_extra(frame: pd.DataFrame) -> pd.DataFrame:
    """Spread the JSON `extra` field into columns (e.g. a classifier's NAME, NAME_confidence)."""
    raw = frame.pop("extra")
    parsed = [json.loads(v) if isinstance(v, str) and v else {} for v in raw]
    names = [k for k in dict.fromkeys(k for d in parsed for k in d) if k not in frame.columns]
    at = frame.columns.get_loc("extractor")
    for offset, name in enumerate(names):
        frame.insert(at + offset, name, [d.get(name) for d in parsed])
    return frame


def _q(name: str) -> str:
    return f'"{name}"' if name in ("group",) else name


@contextmanager
def _interrupt_after():
    """Hold SIGINT until the block ends, then raise KeyboardInterrupt (main thread only).

    DuckDB turns an interrupt that arrives during a query into "Query interrupted", or
    wraps a KeyboardInterrupt raised while it scans a pandas frame: either would end the
    run with an error instead of the clean stop that Ctrl-C promises.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    except ValueError:  # not in the main interpreter
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
