"""The stages end to end: ingest → extract → score → export/report.

Each stage is a function over a Store; `run` chains them and writes the six
outputs. Nothing here prints: progress and problems go to a `Reporter`, which
the CLI implements with a progress bar and the API leaves silent.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__
from .documents import Document
from .export import write_table
from .readers import ReadOptions, ReadProblem, read_documents
from .scoring import ScoreOptions, scores
from .store import Store

INGEST_BATCH = 200
SAVE_EVERY_DOCS = 64
SAVE_EVERY_SECONDS = 2.0


class Reporter:
    """Receives progress and problems; the default one ignores them."""

    def problem(self, problem: ReadProblem) -> None:  # noqa: D401 - callback
        pass

    def phase(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, n: int = 1, words: int = 0) -> None:
        pass

    def done(self) -> None:
        pass


@dataclass
class IngestSummary:
    read: int = 0
    added: int = 0
    unchanged: int = 0
    undated: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (doc_id, duplicate of)
    problems: list[ReadProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[ReadProblem]:
        return [p for p in self.problems if not p.ignored]

    @property
    def ignored(self) -> list[ReadProblem]:
        return [p for p in self.problems if p.ignored]


@dataclass
class ExtractSummary:
    documents: int = 0
    claims: int = 0
    words: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    by_topic_stance: Counter = field(default_factory=Counter)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


def extractor_version(nlp) -> str:
    """What produced the claims: the press_claims rules (and, later, a classifier)."""
    from .claims import EXTRACTOR_VERSION

    component = nlp.get_pipe("press_claims") if "press_claims" in nlp.pipe_names else None
    return getattr(component, "version", EXTRACTOR_VERSION)


def ingest(
    paths: list[str],
    store: Store,
    run_id: int,
    options: ReadOptions | None = None,
    reporter: Reporter | None = None,
) -> IngestSummary:
    """Read inputs into the store; the same text twice is one document."""
    reporter = reporter or Reporter()
    summary = IngestSummary()
    batch: list[Document] = []
    batch_hashes: dict[str, str] = {}
    reporter.phase("reading")

    def flush():
        if not batch:
            return
        stored = dict(
            store.con.execute(
                "SELECT content_hash, doc_id FROM documents WHERE content_hash IN (SELECT unnest(?))",
                [list(batch_hashes)],
            ).fetchall()
        )
        current = dict(
            store.con.execute(
                "SELECT doc_id, content_hash FROM documents WHERE doc_id IN (SELECT unnest(?))",
                [[d.doc_id for d in batch]],
            ).fetchall()
        )
        fresh, seen = [], {}
        for doc in batch:
            h = doc.content_hash
            if current.get(doc.doc_id) == h:
                summary.unchanged += 1
            elif h in stored and stored[h] != doc.doc_id:
                summary.duplicates.append((doc.doc_id, stored[h]))
            elif h in seen:
                summary.duplicates.append((doc.doc_id, seen[h]))
            else:
                seen[h] = doc.doc_id
                fresh.append(doc)
        store.add_documents(fresh, run_id)
        summary.added += len(fresh)
        batch.clear()
        batch_hashes.clear()

    for item in read_documents(paths, options):
        if isinstance(item, ReadProblem):
            summary.problems.append(item)
            reporter.problem(item)
            continue
        summary.read += 1
        if item.date is None:
            summary.undated += 1
        batch.append(item)
        batch_hashes[item.content_hash] = item.doc_id
        reporter.advance(1, item.words)
        if len(batch) >= INGEST_BATCH:
            flush()
    flush()
    problems = [(p.path, p.problem, "ignored" if p.ignored else ("partial" if p.partial else "error")) for p in summary.problems]
    problems += [(doc_id, f"duplicate of {original}", "duplicate") for doc_id, original in summary.duplicates]
    store.record_problems(run_id, problems)
    reporter.done()
    return summary


def extract(
    store: Store,
    nlp,
    run_id: int,
    extractor: str,
    force: bool = False,
    reporter: Reporter | None = None,
    batch_size: int = 32,
) -> ExtractSummary:
    """Extract claims for every document not yet done by this extractor."""
    from .extract import extract_claims

    reporter = reporter or Reporter()
    summary = ExtractSummary()
    pending = store.pending(extractor, force)
    reporter.phase("extracting", total=len(pending))
    started = time.perf_counter()
    results: list[tuple[str, list]] = []
    last_save = time.monotonic()

    def save():
        nonlocal last_save
        store.save_claims(results, extractor, run_id)
        results.clear()
        last_save = time.monotonic()

    try:
        for document, claims in extract_claims(nlp, store.iter_documents(pending), batch_size=batch_size):
            results.append((document.doc_id, claims))
            summary.documents += 1
            summary.claims += len(claims)
            summary.words += document.words
            summary.by_topic_stance.update((c.topic, c.stance) for c in claims)
            reporter.advance(1, document.words)
            if len(results) >= SAVE_EVERY_DOCS or time.monotonic() - last_save > SAVE_EVERY_SECONDS:
                save()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        # what is complete is committed, even on Ctrl-C
        save()
        summary.seconds = time.perf_counter() - started
        reporter.done()
    return summary


@dataclass
class RunResult:
    ingest: IngestSummary
    extract: ExtractSummary
    outputs: dict[str, Path]
    store_path: Path
    run_id: int


def write_outputs(
    store: Store,
    out: Path,
    score_options: ScoreOptions,
    summary: dict,
    problems: list[ReadProblem] | None = None,
    duplicates: list[tuple[str, str]] | None = None,
) -> dict[str, Path]:
    """claims.csv, documents.csv, scores.csv, timeline.png and report.html in `out`."""
    from .report import plot_timeline, write_report

    out.mkdir(parents=True, exist_ok=True)
    claims = store.claims_frame()
    claims.insert(len(claims.columns) - 1, "extractor_version", claims.pop("extractor"))
    documents = store.documents_frame()
    documents["status"] = documents["status"].map({"extracted": "extracted", "ingested": "not extracted"}).fillna(documents["status"])
    extra_rows = [
        {"doc_id": p.path, "path": p.path, "status": f"skipped: {p.problem}"}
        for p in (problems or []) if not p.ignored and not p.partial
    ] + [
        {"doc_id": p.path, "path": p.path, "status": f"partly read: {p.problem}"}
        for p in (problems or []) if p.partial and not p.ignored
    ] + [
        {"doc_id": doc_id, "path": "", "status": f"skipped: duplicate of {original}"}
        for doc_id, original in (duplicates or [])
    ]
    if extra_rows:
        documents = pd.concat([documents, pd.DataFrame(extra_rows)], ignore_index=True)
    score_table = scores(store, score_options)
    outputs = {
        "claims": write_table(claims, out / "claims.csv"),
        "documents": write_table(documents, out / "documents.csv"),
        "scores": write_table(score_table, out / "scores.csv"),
        "timeline": plot_timeline(score_table, out / "timeline.png", score_options.period),
    }
    with_text = store.documents_frame(with_text=True)
    outputs["report"] = write_report(out / "report.html", summary, score_table, with_text, claims, outputs["timeline"])
    return outputs


def summary_table(ing: IngestSummary, ext: ExtractSummary, store: Store) -> dict:
    counts = store.counts()
    by_topic = Counter()
    for (topic, _), n in ext.by_topic_stance.items():
        by_topic[topic] += n
    return {
        "nlp-tools version": __version__,
        "documents read": ing.read,
        "new or changed": ing.added,
        "unchanged (already in the store)": ing.unchanged,
        "duplicates skipped": len(ing.duplicates),
        "files or records skipped": len([p for p in ing.errors if not p.partial]),
        "partly read": len([p for p in ing.errors if p.partial]),
        "ignored (hidden or .nlptoolsignore)": len(ing.ignored),
        "undated documents": ing.undated,
        "documents extracted this run": ext.documents,
        "claims extracted this run": ext.claims,
        "documents in store": counts["documents"],
        "claims in store": counts["claims"],
        "words per second": round(ext.words_per_second),
    }


def run(
    paths: list[str],
    out: str | Path,
    store_path: str | Path | None = None,
    nlp=None,
    read_options: ReadOptions | None = None,
    score_options: ScoreOptions | None = None,
    force: bool = False,
    reporter: Reporter | None = None,
    command: str = "run",
) -> RunResult:
    """The whole path: read, store, extract, score, and write the outputs in `out`."""
    from .pipeline import load

    out = Path(out)
    store_path = Path(store_path) if store_path else out / "nlp_tools.duckdb"
    score_options = score_options or ScoreOptions()
    nlp = nlp or load()
    extractor = extractor_version(nlp)
    started = time.perf_counter()
    with Store(store_path) as store:
        run_id = store.start_run(command, __version__, extractor)
        status = "failed"
        ing = IngestSummary()
        ext = ExtractSummary()
        try:
            ing = ingest(paths, store, run_id, read_options, reporter)
            ext = extract(store, nlp, run_id, extractor, force, reporter)
            status = "interrupted" if ext.interrupted else "done"
            summary = summary_table(ing, ext, store)
            outputs = {} if ext.interrupted else write_outputs(store, out, score_options, summary, ing.problems, ing.duplicates)
            outputs["store"] = store_path
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            store.finish_run(run_id, status, ext.documents, ext.claims, len(ing.problems), ext.words,
                             time.perf_counter() - started)
    return RunResult(ing, ext, outputs, store_path, run_id)
