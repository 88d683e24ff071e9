"""The stages end to end: ingest → extract → score → export/report.

Each stage is a function over a Store; `run` chains them and writes the
outputs, and run.json beside them (provenance.py). Nothing here prints: progress and problems go to a `Reporter`, which
the CLI implements with a progress bar and the API leaves silent.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__
from .atomic import atomic_path
from .documents import Document
from .export import write_table
from .memory import bound_memory, stage
from .provenance import options_of, record_pipeline, run_counts, utc_now, write_run_json
from .readers import ReadOptions, ReadProblem, read_documents
from .scoring import ScoreOptions, scores
from .statements import LinkOptions, LinkSummary, link_statements
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
    # documents the rules failed on in part: one problem each, its other sentences' claims kept
    partial: list[ReadProblem] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


def extractor_version(nlp) -> str:
    """What produced the claims: the press_claims rules (and, later, a classifier)."""
    from .claims import EXTRACTOR_VERSION

    component = nlp.get_pipe("press_claims") if "press_claims" in nlp.pipe_names else None
    version = getattr(component, "version", EXTRACTOR_VERSION)
    return "+".join([version, *(pipe.version for pipe in claim_classifiers(nlp))])


def claim_classifiers(nlp) -> list:
    """The trained models in the pipeline (learn.classify), applied to each document's claims
    after extraction, so that they label the claims whichever extraction path found them."""
    return [pipe for _, pipe in nlp.pipeline if hasattr(pipe, "classify_claims")]


def ingest(
    paths: list[str],
    store: Store,
    run_id: int,
    options: ReadOptions | None = None,
    reporter: Reporter | None = None,
) -> IngestSummary:
    """Read inputs into the store; the same text twice is one document."""
    reporter = reporter or Reporter()
    bound_memory(store)
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

    in_this_run: dict[str, str] = {}  # doc_id -> content hash of every document read so far
    for item in read_documents(paths, options):
        if not isinstance(item, ReadProblem):
            earlier = in_this_run.setdefault(item.doc_id, item.content_hash)
            if earlier != item.content_hash:
                # two records with one doc_id: the store keeps one document per id
                item = ReadProblem(
                    item.path,
                    f"doc_id '{item.doc_id[:200]}' is already used by another document of this run; "
                    "this one is skipped (give each record its own doc_id)",
                    partial=item.kind in ("jsonl", "csv"),
                )
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
    batch_size: int | None = None,
    fast: bool = True,
    cluster=None,
) -> ExtractSummary:
    """Extract claims for every document not yet done by this extractor.

    `fast=False` parses every document whole (the exact path); `cluster`
    (distributed.ClusterOptions) sends the documents to Dask workers, with
    this process the only writer of the store.
    """
    from .extract import extract_claims

    reporter = reporter or Reporter()
    bound_memory(store)
    summary = ExtractSummary()
    classifiers = claim_classifiers(nlp)
    pending = store.pending(extractor, force)
    if getattr(cluster, "auto", False):  # one process or a cluster, by the work ahead
        from .distributed import auto_cluster

        cluster = auto_cluster(cluster, store.words_of(pending))
    elif getattr(cluster, "speculative", False):  # started on the inputs' size: kept if the work ahead says so
        from .distributed import confirm

        cluster = confirm(cluster, store.words_of(pending))
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
        documents = store.iter_documents(pending)
        if cluster is not None:
            from .distributed import extract_distributed

            stream = extract_distributed(nlp, documents, cluster)
        else:
            stream = extract_claims(nlp, documents, batch_size=batch_size, fast=fast)
        for document, claims in stream:
            failures = getattr(claims, "failures", None)
            if failures:
                problem = _partly_extracted(document, failures)
                summary.partial.append(problem)
                reporter.problem(problem)
            for classifier in classifiers:
                classifier.classify_claims(claims)
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
        store.record_problems(run_id, [(p.path, p.problem, "partial") for p in summary.partial])
        summary.seconds = time.perf_counter() - started
        reporter.done()
    return summary


def _partly_extracted(document: Document, failures: list[str]) -> ReadProblem:
    """The one line a document the rules failed on in part gets: the run goes on."""
    n = len(failures)
    return ReadProblem(document.path or document.doc_id,
                       f"{n} sentence{'s' if n > 1 else ''} not extracted, the rest kept ({failures[0]}"
                       f"{f'; {n - 1} more' if n > 1 else ''}): a fault in nlp-tools' rules, please report it",
                       partial=True)


@dataclass
class RunResult:
    ingest: IngestSummary
    extract: ExtractSummary
    outputs: dict[str, Path]
    store_path: Path
    run_id: int
    links: LinkSummary | None = None  # statement linking (None when extraction was interrupted)


def write_outputs(
    store: Store,
    out: Path,
    score_options: ScoreOptions,
    summary: dict,
    problems: list[ReadProblem] | None = None,
    duplicates: list[tuple[str, str]] | None = None,
) -> dict[str, Path]:
    """claims.csv, documents.csv, scores.csv, dyads.csv, contradictions.csv, timeline.png and
    report.html in `out` (run.json is written by the caller, provenance.write_run_json)."""
    from .dyads import DYAD_COLUMNS, dyad_parts, report_view
    from .export import write_csv_parts
    from .report import plot_timeline, write_report

    out.mkdir(parents=True, exist_ok=True)
    bound_memory(store)
    with stage("documents.csv", store):
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
    with stage("scores", store):
        score_table = scores(store, score_options)
    outputs = {}
    with stage("claims.csv", store):
        outputs["claims"] = _write_claims_csv(store, out / "claims.csv")
    outputs["documents"] = write_table(documents, out / "documents.csv")
    outputs["scores"] = write_table(score_table, out / "scores.csv")
    outputs["timeline"] = plot_timeline(score_table, out / "timeline.png", score_options.period)
    with stage("contradictions", store):
        contradiction_file, shown_pairs, pair_counts = _write_contradictions(store, score_options,
                                                                           out / "contradictions.csv")
    with stage("dyads", store):
        outputs["dyads"] = write_csv_parts(dyad_parts(store, score_options), out / "dyads.csv", DYAD_COLUMNS)
    outputs["contradictions"] = contradiction_file
    with stage("report", store):
        with_text, claims, totals, with_claims = _report_frames(store)
        view = report_view(store, score_options, shown_pairs, pair_counts)
    outputs["report"] = write_report(out / "report.html", summary, score_table, with_text, claims, outputs["timeline"],
                                     totals=totals, documents_with_claims=with_claims, dyad_view=view)
    return outputs


OUTPUT_CHUNK_DOCUMENTS = 200  # claims.csv is written this many documents at a time


def _write_claims_csv(store: Store, path: Path) -> Path:
    """claims.csv, read from the store and written a chunk of documents at a time.

    The same file `write_table(store.claims_frame(), path)` gives (columns, order,
    formatting), without holding every claim in memory at once.
    """
    from .export import safe_frame

    columns = None
    extras: dict[str, None] = {}  # the classifiers' extra columns, in order of first appearance
    for (raw,) in store.con.execute(
        "SELECT c.extra FROM claims c JOIN documents d USING (doc_id) WHERE c.extra IS NOT NULL ORDER BY d.seq, c.seq"
    ).fetchall():
        extras.update(dict.fromkeys(json.loads(raw) if raw else {}))
    low, high = store.con.execute("SELECT coalesce(min(seq), 0), coalesce(max(seq), -1) FROM documents").fetchone()
    with atomic_path(path) as tmp:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            start = low
            while True:
                frame = store.claims_frame("d.seq BETWEEN ? AND ?", [start, start + OUTPUT_CHUNK_DOCUMENTS - 1])
                frame.insert(len(frame.columns) - 1, "extractor_version", frame.pop("extractor"))
                if columns is None:
                    base = [c for c in frame.columns if c != "extractor_version" and c not in extras]
                    columns = [*base, *(k for k in extras if k not in base), "extractor_version"]
                frame = frame.reindex(columns=columns)
                safe_frame(frame).to_csv(fh, index=False, header=start == low, lineterminator="\r\n")
                start += OUTPUT_CHUNK_DOCUMENTS
                if start > high:
                    break
    return path


def _write_contradictions(store: Store, options: ScoreOptions, path: Path) -> tuple[Path, pd.DataFrame, Counter]:
    """contradictions.csv, written a part at a time; with what the report shows of it (the first
    MAX_PAIRS_SHOWN pairs of each kind and dyad) and how many pairs each kind and dyad has."""
    from .dyads import CONTRADICTION_COLUMNS, contradiction_parts
    from .export import write_csv_parts
    from .report import MAX_PAIRS_SHOWN

    shown: list[pd.DataFrame] = []
    counts: Counter = Counter()

    def parts():
        for part in contradiction_parts(store, options):
            keys = list(zip(part["kind"], part["pair"], strict=True))
            keep = []
            for key in keys:
                keep.append(counts[key] < MAX_PAIRS_SHOWN)
                counts[key] += 1
            shown.append(part[keep])
            yield part

    path = write_csv_parts(parts(), path, CONTRADICTION_COLUMNS)
    table = pd.concat(shown, ignore_index=True) if shown else pd.DataFrame(columns=CONTRADICTION_COLUMNS)
    return path, table, counts


def _report_frames(store: Store) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, int]:
    """What write_report needs, without the whole corpus in memory.

    The documents (metadata; the text only of those the report shows: the first
    MAX_REPORT_DOCUMENTS with claims), the claims of those documents, the
    claims of all documents counted by topic and stance (in DuckDB), and how
    many documents have claims.
    """
    from .report import MAX_REPORT_DOCUMENTS

    con = store.con
    shown = [r[0] for r in con.execute(
        "SELECT doc_id FROM documents WHERE doc_id IN (SELECT doc_id FROM claims) ORDER BY seq LIMIT ?",
        [MAX_REPORT_DOCUMENTS],
    ).fetchall()]
    documents = store.documents_frame()
    texts = dict(con.execute("SELECT doc_id, text FROM documents WHERE doc_id IN (SELECT unnest(?))", [shown]).fetchall())
    documents["text"] = documents["doc_id"].map(texts)
    claims = store.claims_frame("c.doc_id IN (SELECT unnest(?))", [shown])
    counts = con.execute("SELECT topic, stance, count(*) AS n FROM claims GROUP BY ALL").df()
    totals = counts.pivot_table(index="topic", columns="stance", values="n", aggfunc="sum", fill_value=0) if len(counts) else None
    with_claims = con.execute("SELECT count(DISTINCT doc_id) FROM claims").fetchone()[0]
    return documents, claims, totals, int(with_claims)


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
        "statements in store (claims repeating one statement count once)": store.count_statements(),
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
    classifier=None,
    fast: bool = True,
    cluster=None,
    stance_mode: str = "replace",
    link_options: LinkOptions | None = None,
) -> RunResult:
    """The whole path: read, store, extract, score, and write the outputs in `out`.

    `classifier`: trained model file(s) (`nlp-tools train`) added to the pipeline
    after press_claims: a stance model decides the stance (`stance_mode="combine"`:
    only where the rules found no cue, see learn.combine), another adds a column.
    `fast=False` takes the exact extraction path; `cluster` (distributed.ClusterOptions)
    extracts on Dask workers.
    """
    from .pipeline import load

    out = Path(out)
    store_path = Path(store_path) if store_path else out / "nlp_tools.duckdb"
    score_options = score_options or ScoreOptions()
    nlp = nlp or load()
    if classifier:
        from .learn.classify import add_classifiers

        add_classifiers(nlp, classifier, stance_mode)
    extractor = extractor_version(nlp)
    started, started_at = time.perf_counter(), utc_now()
    new_store = not store_path.exists()  # (with --workers auto, no document can be extracted already)
    with Store(store_path) as store:
        run_id = store.start_run(command, __version__, extractor)
        record_pipeline(store, nlp, extractor)
        status = "failed"
        ing = IngestSummary()
        ext = ExtractSummary()
        links = None
        try:
            # never read this run's own outputs ("nlp-tools run . --out out" twice)
            options = dataclasses.replace(read_options or ReadOptions(), exclude=[str(out), str(store_path)])
            if cluster is not None:  # start the workers now: they load the model while the inputs are read
                from .distributed import start_early

                cluster = start_early(cluster, nlp, paths, options.exclude, None if new_store else store_path)
            with stage("reading the inputs", store):
                ing = ingest(paths, store, run_id, options, reporter)
            with stage("extraction", store):
                ext = extract(store, nlp, run_id, extractor, force, reporter, fast=fast, cluster=cluster)
            if not ext.interrupted:
                with stage("statement linking", store):
                    links = link_statements(store, link_options)
            status = "interrupted" if ext.interrupted else "done"
            with stage("the run's summary", store):
                summary = summary_table(ing, ext, store)
            outputs = {} if ext.interrupted else write_outputs(store, out, score_options, summary, ing.problems, ing.duplicates)
            if not ext.interrupted:  # run.json: what produced these outputs (provenance.py)
                with stage("run.json", store):
                    outputs["run"] = write_run_json(
                        out, store, command, started_at, nlp=nlp, this_run=run_counts(ing, ext),
                        options=options_of(scoring=score_options, statements=link_options or LinkOptions()))
            outputs["store"] = store_path
        except KeyboardInterrupt:
            status = "interrupted"
            raise
        finally:
            if hasattr(cluster, "close"):  # (extraction closes it; not if reading failed)
                cluster.close()
            store.finish_run(run_id, status, ext.documents, ext.claims, len(ing.problems), ext.words,
                             time.perf_counter() - started)
    return RunResult(ing, ext, outputs, store_path, run_id, links)
