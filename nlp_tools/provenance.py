"""run.json: what produced a folder of outputs, written beside them by `run` and `report`.

A count is only repeatable when the reader knows the tool and rule files, the
models, the command and the inputs behind it. `run.json` records them: the
nlp-tools and extractor versions, a SHA-1 of every rule file in use, the spaCy
model, the topic detector and classifiers with their digests, the command line,
a digest of the store's documents (sorted doc_id and content hash), the counts,
and when it started and ended (UTC). The pipeline's description is also kept in
the store (its `meta` table, under the extractor version), so that `report`,
which loads no pipeline, can say what extracted the claims it writes out.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from . import __version__
from .atomic import write_text_atomic
from .store import Store

RUN_FILE = "run.json"
FORMAT = 1  # the layout of run.json; raised when a field changes meaning
_META_KEY = "pipeline:"  # + extractor version: the pipeline's description in the store's meta table
_PACKAGE_DATA = "nlp_tools/data/"  # how a shipped rule file is named in run.json (not a local path)
_RULE_FILES = ("topics", "stance", "attribution", "structure")  # press_claims config keys with one file each


def utc_now() -> datetime:
    return datetime.now(UTC)


def describe_pipeline(nlp) -> dict:
    """The versions, rule files, models and digests of a pipeline built by `pipeline.load`
    (or any pipeline with `press_claims`)."""
    import spacy

    from .resources import data_path
    from .runner import claim_classifiers, extractor_version

    config = nlp.get_pipe_config("press_claims") if "press_claims" in nlp.pipe_names else {}
    files: list[tuple[str, str | None]] = [(key, config.get(key)) for key in _RULE_FILES]
    files += [("actors", None), *(("actors", path) for path in config.get("actors") or [])]
    files += [("participants", None), ("dates", None)]  # read by the participant rules and the readers
    rule_files = []
    for role, path in files:
        shipped = path is None
        source = data_path(f"{role}.yaml") if shipped else Path(path)
        rule_files.append({"role": role, "file": f"{_PACKAGE_DATA}{role}.yaml" if shipped else str(path),
                           "sha1": _sha1(source)})
    component = nlp.get_pipe("press_claims") if "press_claims" in nlp.pipe_names else None
    detector = getattr(component, "detector", None)
    meta = nlp.meta
    return {
        "nlp_tools_version": __version__,
        "extractor_version": extractor_version(nlp),
        "spacy_version": spacy.__version__,
        "spacy_model": {"name": f"{meta.get('lang', '')}_{meta.get('name', '')}", "version": meta.get("version", "")},
        "rule_files": rule_files,
        "detector": "rules only" if detector is None else {
            "file": Path(config.get("detector") or detector.path).name, "sha256": detector.digest,
            "threshold": detector.threshold,
        },
        "classifiers": [
            {"task": pipe.model.task, "file": Path(pipe.model.path).name, "sha256": pipe.model.digest, "mode": pipe.mode,
             **({"threshold": pipe.threshold} if pipe.mode == "combine" else {})}
            for pipe in claim_classifiers(nlp)
        ],
    }


def record_pipeline(store: Store, nlp, extractor: str) -> None:
    """Keep the pipeline's description in the store, for `report` (and later runs) to read."""
    if not store.read_only:
        store.set_meta(_META_KEY + extractor, json.dumps(describe_pipeline(nlp), sort_keys=True))


def inputs_digest(store: Store) -> dict:
    """SHA-256 over the store's documents, one 'doc_id TAB content_hash' line each, sorted by doc_id:
    the same documents give the same digest, whatever their order or the folder they came from."""
    digest = hashlib.sha256()
    rows = sorted(store.con.execute("SELECT doc_id, content_hash FROM documents").fetchall())
    for doc_id, content_hash in rows:
        digest.update(f"{doc_id}\t{content_hash}\n".encode())
    return {"documents": len(rows), "sha256": digest.hexdigest()}


def store_counts(store: Store) -> dict:
    """What the outputs were computed from: documents, claims by topic and stance, statements."""
    documents, extracted, undated = store.con.execute(
        "SELECT count(*), count(*) FILTER (WHERE status = 'extracted'), count(*) FILTER (WHERE date IS NULL) "
        "FROM documents").fetchone()
    by_topic: dict[str, dict[str, int]] = {}
    for topic, stance, n in store.con.execute(
            "SELECT topic, stance, count(*) FROM claims GROUP BY topic, stance ORDER BY topic, stance").fetchall():
        by_topic.setdefault(topic, {})[stance] = n
    return {
        "documents": documents, "documents_extracted": extracted, "documents_undated": undated,
        "claims": sum(n for stances in by_topic.values() for n in stances.values()),
        "claims_by_topic_stance": by_topic,
        "statements": store.count_statements(),
    }


def run_counts(ingest, extract) -> dict:
    """This run's reading and extraction (runner.IngestSummary, ExtractSummary)."""
    errors = ingest.errors
    return {
        "documents_read": ingest.read, "new_or_changed": ingest.added, "unchanged": ingest.unchanged,
        "skipped": len([p for p in errors if not p.partial]), "partly_read": len([p for p in errors if p.partial]),
        "duplicates": len(ingest.duplicates), "ignored": len(ingest.ignored), "undated": ingest.undated,
        "documents_extracted": extract.documents, "claims_extracted": extract.claims,
        "partly_extracted": len(extract.partial),
    }


def write_run_json(
    out: Path,
    store: Store,
    command: str,
    started: datetime,
    nlp=None,
    this_run: dict | None = None,
    options: dict | None = None,
    argv: list[str] | None = None,
) -> Path:
    """Write OUT/run.json atomically. With `nlp` (run) the pipeline is this run's; without (report),
    the one recorded in the store for the extractor version of most of its documents."""
    versions = dict(store.con.execute(
        "SELECT extractor, count(*) FROM documents WHERE status = 'extracted' AND extractor IS NOT NULL "
        "GROUP BY extractor ORDER BY count(*) DESC, extractor").fetchall())
    if nlp is not None:
        pipeline = describe_pipeline(nlp)
    else:
        recorded = store.get_meta(_META_KEY + next(iter(versions))) if versions else None
        pipeline = json.loads(recorded) if recorded else None
    record = {
        "format": FORMAT,
        "nlp_tools_version": __version__,
        "command": command,
        "argv": list(sys.argv if argv is None else argv),
        "started": _iso(started),
        "finished": None,
        "extractor_version": pipeline["extractor_version"] if pipeline else next(iter(versions), None),
        "pipeline": pipeline,  # None: a store written by a version that did not record it
        "store": {"file": store.path.name, "extractor_versions": versions},
        "inputs": inputs_digest(store),
        "options": options or {},
        "counts": {**({"this_run": this_run} if this_run is not None else {}), "store": store_counts(store)},
    }
    record["finished"] = _iso(utc_now())
    return write_text_atomic(Path(out) / RUN_FILE, json.dumps(record, indent=2, ensure_ascii=False) + "\n")


def options_of(**groups) -> dict:
    """Option dataclasses (scoring=ScoreOptions, statements=LinkOptions) as plain mappings."""
    return {name: dataclasses.asdict(obj) for name, obj in groups.items() if obj is not None}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _sha1(path: Path) -> str:
    try:
        return hashlib.sha1(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""  # a file gone since the pipeline was built: say so by an empty digest
