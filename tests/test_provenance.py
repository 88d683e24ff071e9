"""run.json's pieces: the input digest, the pipeline's description, a store that recorded none."""

from __future__ import annotations

import hashlib
import json
import shutil

from nlp_tools.provenance import describe_pipeline, inputs_digest, utc_now, write_run_json
from nlp_tools.runner import ingest
from nlp_tools.store import Store

from .conftest import DYAD_TEXTS, ROOT

TEXTS = {
    "a.txt": "ATHENS, May 2, 2024 - The navy said the coastguard had been warned of the exercise a day ahead.",
    "b.txt": "ROME, May 3, 2024 - The ministry said there is no coordination with the militia.",
}


def _store_of(tmp_path, name: str, texts: dict[str, str], order: list[str]) -> Store:
    folder = tmp_path / name
    folder.mkdir()
    for file in order:
        (folder / file).write_text(texts[file], encoding="utf-8")
    store = Store(tmp_path / f"{name}.duckdb")
    for file in order:  # one ingest per file: the store's order follows `order`
        ingest([str(folder / file)], store, store.start_run("ingest", "test", "none"))
    return store


def test_inputs_digest_depends_on_the_documents_not_their_order(tmp_path):
    one = _store_of(tmp_path, "one", TEXTS, ["a.txt", "b.txt"])
    two = _store_of(tmp_path, "two", TEXTS, ["b.txt", "a.txt"])
    changed = _store_of(tmp_path, "changed", {**TEXTS, "b.txt": TEXTS["b.txt"].replace("no coordination", "coordination")},
                        ["a.txt", "b.txt"])
    digests = [inputs_digest(s) for s in (one, two, changed)]
    for store in (one, two, changed):
        store.close()
    assert digests[0] == digests[1] and digests[0]["documents"] == 2
    assert digests[2]["sha256"] != digests[0]["sha256"]


def test_describe_pipeline_names_user_files_and_classifiers(tmp_path):
    import nlp_tools
    from nlp_tools.learn.classify import add_classifiers

    actors = tmp_path / "my_actors.yaml"
    shutil.copy(ROOT / "nlp_tools" / "data" / "actors.yaml", actors)
    with actors.open("a", encoding="utf-8") as fh:
        fh.write("\n# a user's copy\n")
    nlp = nlp_tools.load(rules_only=True, actors=[str(actors)])
    model = ROOT / "models" / "stance.skops"
    add_classifiers(nlp, [model], "combine")
    described = describe_pipeline(nlp)
    assert described["detector"] == "rules only"
    mine = [f for f in described["rule_files"] if f["file"] == str(actors)]
    assert mine and mine[0]["role"] == "actors" and mine[0]["sha1"] == hashlib.sha1(actors.read_bytes()).hexdigest()
    (classifier,) = described["classifiers"]
    assert (classifier["task"], classifier["file"], classifier["mode"]) == ("stance", "stance.skops", "combine")
    assert classifier["sha256"] == hashlib.sha256(model.read_bytes()).hexdigest() and 0 < classifier["threshold"] <= 1
    assert described["extractor_version"].endswith("~combine>" + f"{classifier['threshold']:g}")


def test_a_store_that_recorded_no_pipeline_still_gets_run_json(dyad_run, tmp_path):
    """A store from before run.json: the extractor version comes from its documents, the pipeline is null."""
    store_path = tmp_path / "old.duckdb"
    shutil.copy(dyad_run / "nlp_tools.duckdb", store_path)
    with Store(store_path) as store:
        recorded = store.con.execute("SELECT count(*) FROM meta WHERE key LIKE 'pipeline:%'").fetchone()[0]
        store.con.execute("DELETE FROM meta WHERE key LIKE 'pipeline:%'")
    assert recorded == 1  # the run recorded its pipeline
    with Store(store_path, read_only=True) as store:
        version = store.con.execute("SELECT DISTINCT extractor FROM documents").fetchone()[0]
        path = write_run_json(tmp_path / "out", store, "report", utc_now(), argv=["nlp-tools", "report"])
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["pipeline"] is None and record["extractor_version"] == version
    assert record["argv"] == ["nlp-tools", "report"]
    assert record["counts"]["store"]["documents"] == record["inputs"]["documents"] == len(DYAD_TEXTS)


def test_report_on_a_missing_store_is_one_line_and_writes_nothing(tmp_path):
    from typer.testing import CliRunner

    from nlp_tools.cli import app

    result = CliRunner().invoke(app, ["report", "--store", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "no such store" in result.output and not (tmp_path / "o" / "run.json").exists()
