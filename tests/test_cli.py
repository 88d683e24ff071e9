"""The command line, through typer's runner and once as the installed command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from nlp_tools import __version__
from nlp_tools.cli import app

from .conftest import SAMPLE

runner = CliRunner()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """`nlp-tools run corpora/sample` once for the module."""
    out = tmp_path_factory.mktemp("demo")
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out, result


def test_run_writes_all_outputs(demo):
    out, result = demo
    for name in ("claims.csv", "documents.csv", "scores.csv", "dyads.csv", "contradictions.csv", "timeline.png",
                 "report.html", "run.json", "nlp_tools.duckdb"):
        assert (out / name).stat().st_size > 0, name
    assert "documents read      46" in result.output
    assert "claims extracted" in result.output and "words/s" in result.output


def test_the_sample_syndicated_statement_counts_once_and_its_contradiction_is_listed(demo):
    """Claw-Sword: one Turkish statement carried by three outlets; CENTCOM and Baghdad on the Iraq strikes."""
    out, result = demo
    assert "statements          " in result.output
    claims = pd.read_csv(out / "claims.csv", keep_default_na=False)
    quoted = claims[claims.sentence.str.contains("The countries concerned were informed of our air strikes")
                    & (claims.topic == "notification")]
    assert len(quoted) == 3 and quoted.statement_id.nunique() == 1 and set(quoted.copies) == {3}
    scores = pd.read_csv(out / "scores.csv", keep_default_na=False).set_index(["speaker_org", "period"])
    turkey = scores.loc[("Turkey Ministry of Defence", "2022-11")]
    assert turkey.n < turkey.claims and turkey.notification_ack == turkey.statements  # each statement once
    dyads = pd.read_csv(out / "dyads.csv", keep_default_na=False)
    assert {"United States on Iraq", "Iraq on United States"} <= set(dyads[dyads.pair == "Iraq | United States"].direction)
    assert (dyads.statements <= dyads.claims).all()
    pairs = pd.read_csv(out / "contradictions.csv", keep_default_na=False)
    seed = pairs[(pairs.ack_doc_id == "releases/centcom-2024-02-02-iraq-syria-strikes.txt")
                 & (pairs.deny_doc_id == "news/2024-02-05-iraq-denies-coordination.html")]
    assert "notice acknowledged / coordination denied" in set(seed.label)
    row = seed[seed.label == "notice acknowledged / coordination denied"].iloc[0]
    assert (row.ack_org, row.deny_org, row.period) == ("U.S. Central Command", "Iraq Government", "2024-02")
    assert row.ack_sentence.startswith("The Government of Iraq was notified ahead of the strikes")


def test_claims_csv_has_every_claims_md_field(demo):
    out, _ = demo
    claims = pd.read_csv(out / "claims.csv", keep_default_na=False)
    required = {"claim_id", "doc_id", "sentence", "start_char", "end_char", "topic", "stance", "hedged", "speaker",
                "speaker_role", "speaker_org", "official", "attribution", "cue", "agent", "counterpart", "date",
                "source", "title", "url", "extractor_version", "agent_country", "agent_org", "counterpart_country",
                "counterpart_org"}
    assert required <= set(claims.columns)
    assert claims["claim_id"].is_unique
    assert set(claims["topic"]) == {"notification", "strike", "cooperation"}
    assert set(claims["stance"]) <= {"acknowledge", "deny", "conditional", "evade"}
    # every offset points at its sentence in the stored text
    docs = pd.read_csv(out / "documents.csv", keep_default_na=False)
    assert len(docs[docs.status == "extracted"]) == 46
    undated = set(docs.loc[docs["date"] == "", "doc_id"])
    # kept and counted, not dropped: no date in the text nor in the file name
    assert undated == {"news/undated-analysis-deconfliction.txt"}
    # a dateline without a year ("MOSCOW, Oct. 8 (Northbridge Wire) -"): the file name dates it
    by_id = docs.set_index("doc_id")
    caspian = by_id.loc["news/2015-10-08-caspian-missiles.txt"]
    assert (caspian["date"], caspian["date_source"]) == ("2015-10-08", "filename")
    # a date only in the file name
    hotline = by_id.loc["news/wire-2019-06-03-golan-hotline.txt"]
    assert (hotline["date"], hotline["date_source"]) == ("2019-06-03", "filename")


def _stored_inputs_digest(store: Path) -> str:
    """Recomputed here from the store: sorted 'doc_id TAB content_hash' lines, SHA-256."""
    import hashlib

    import duckdb

    con = duckdb.connect(str(store), read_only=True)
    rows = sorted(con.execute("SELECT doc_id, content_hash FROM documents").fetchall())
    con.close()
    return hashlib.sha256("".join(f"{d}\t{h}\n" for d, h in rows).encode()).hexdigest()


def test_run_json_says_what_produced_the_outputs(demo, tmp_path):
    import hashlib
    from datetime import datetime

    import spacy

    from nlp_tools.resources import data_path

    out, _ = demo
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert not list(out.glob(".run.json.*"))  # written through a temporary file, renamed
    assert (record["nlp_tools_version"], record["command"], record["argv"]) == (__version__, "run", sys.argv)
    started, finished = (datetime.fromisoformat(record[k]) for k in ("started", "finished"))
    assert started.utcoffset().total_seconds() == 0 and started <= finished
    claims = pd.read_csv(out / "claims.csv", keep_default_na=False)
    assert {record["extractor_version"]} == set(claims.extractor_version)
    pipeline = record["pipeline"]
    assert pipeline["extractor_version"] == record["extractor_version"]
    files = {f["role"]: f for f in pipeline["rule_files"]}
    assert set(files) == {"topics", "stance", "attribution", "structure", "actors", "participants", "dates"}
    for role, entry in files.items():
        assert entry["file"] == f"nlp_tools/data/{role}.yaml"
        assert entry["sha1"] == hashlib.sha1(data_path(f"{role}.yaml").read_bytes()).hexdigest()
    assert pipeline["spacy_version"] == spacy.__version__ and pipeline["spacy_model"]["version"].startswith("3.8")
    shipped = Path(__file__).resolve().parent.parent / "models" / "detector.skops"
    assert pipeline["detector"]["file"] == "detector.skops"
    assert pipeline["detector"]["sha256"] == hashlib.sha256(shipped.read_bytes()).hexdigest()
    assert pipeline["classifiers"] == []
    assert record["inputs"] == {"documents": 46, "sha256": _stored_inputs_digest(out / "nlp_tools.duckdb")}
    assert record["options"]["scoring"] == {"period": "month", "official_only": True, "count": "statements"}
    assert record["options"]["statements"]["window_days"] == 3
    this_run, stored = record["counts"]["this_run"], record["counts"]["store"]
    assert (this_run["documents_read"], this_run["undated"], this_run["skipped"]) == (46, 1, 0)
    assert stored["claims"] == len(claims) == this_run["claims_extracted"]
    by_topic = claims.groupby(["topic", "stance"]).size()
    assert {(t, s): n for t, stances in stored["claims_by_topic_stance"].items() for s, n in stances.items()} == by_topic.to_dict()
    assert stored["statements"] == claims.statement_id.nunique() < len(claims)
    # `report` reads no pipeline: it takes the one the store recorded for its claims' extractor version
    result = runner.invoke(app, ["report", "--store", str(out / "nlp_tools.duckdb"), "--out", str(tmp_path / "rep"),
                                 "--period", "quarter"])
    assert result.exit_code == 0, result.output
    again = json.loads((tmp_path / "rep" / "run.json").read_text(encoding="utf-8"))
    assert again["command"] == "report" and "this_run" not in again["counts"]
    assert (again["pipeline"], again["inputs"], again["counts"]["store"]) == (pipeline, record["inputs"], stored)
    assert again["options"] == {"scoring": {"period": "quarter", "official_only": True, "count": "statements"}}


def test_offsets_point_into_the_stored_text(demo):
    import duckdb

    out, _ = demo
    con = duckdb.connect(str(out / "nlp_tools.duckdb"), read_only=True)
    rows = con.execute(
        "SELECT c.sentence, substr(d.text, c.start_char + 1, c.end_char - c.start_char) FROM claims c JOIN documents d USING (doc_id)"
    ).fetchall()
    con.close()
    assert rows and all(a == b for a, b in rows)


def test_rerun_resumes_and_changes_nothing(demo):
    out, _ = demo
    before = pd.read_csv(out / "claims.csv")
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "46 unchanged" in result.output and "claims extracted    0 from 0 documents" in result.output
    assert pd.read_csv(out / "claims.csv").equals(before)


def test_step_by_step_commands(demo, tmp_path):
    out, _ = demo
    store = out / "nlp_tools.duckdb"
    result = runner.invoke(app, ["score", "--store", str(store), "--period", "quarter"])
    assert result.exit_code == 0 and "speaker_org" in result.output
    for fmt in ("csv", "parquet", "jsonl"):
        target = tmp_path / f"claims.{fmt}"
        result = runner.invoke(app, ["export", "claims", "--store", str(store), "--format", fmt, "--out", str(target)])
        assert result.exit_code == 0, result.output
    assert len(pd.read_parquet(tmp_path / "claims.parquet")) == len(pd.read_csv(tmp_path / "claims.csv"))
    result = runner.invoke(app, ["report", "--store", str(store), "--out", str(tmp_path / "rep")])
    assert result.exit_code == 0 and (tmp_path / "rep" / "report.html").exists()


def test_ingest_then_extract(tmp_path):
    store = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(SAMPLE / "feeds"), "--store", str(store), "--quiet"])
    assert result.exit_code == 0 and "read 9 documents: 9 new" in result.output
    result = runner.invoke(app, ["extract", "--store", str(store), "--quiet"])
    assert result.exit_code == 0 and "extracted 9 documents" in result.output


def test_user_mistakes_get_one_line_and_no_traceback(tmp_path):
    result = runner.invoke(app, ["score", "--store", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1
    assert "missing.duckdb: no such store" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["evaluate", str(tmp_path / "gold.jsonl")])
    assert result.exit_code == 1 and "no such file" in result.output
    result = runner.invoke(app, ["run", str(SAMPLE), "--out", str(tmp_path), "--period", "fortnight"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["run", str(tmp_path / "nothing"), "--out", str(tmp_path / "o"), "--quiet", "--strict"])
    assert result.exit_code == 4 and "no such file or folder" in result.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"nlp-tools {__version__}"


def test_installed_command_runs_in_a_subprocess(tmp_path):
    exe = shutil.which("nlp-tools") or str(Path(sys.executable).parent / "nlp-tools")
    done = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and __version__ in done.stdout
    src = tmp_path / "in"
    src.mkdir()
    (src / "note.txt").write_text("WASHINGTON, Oct. 7, 2015 \u2014 There has been no coordination with Russia, "
                                  "Pentagon Press Secretary Peter Cook said.\n")
    (src / "bad.pdf").write_bytes(b"not a pdf at all")
    done = subprocess.run([exe, "run", str(src), "--out", str(tmp_path / "out")], capture_output=True, text=True,
                          timeout=300, env={**os.environ, "COLUMNS": "120"})
    assert done.returncode == 0, done.stderr
    assert "bad.pdf: corrupt PDF" in done.stderr and "Traceback" not in done.stderr
    claims = pd.read_csv(tmp_path / "out" / "claims.csv")
    assert claims.loc[0, "stance"] == "deny" and claims.loc[0, "speaker"] == "Peter Cook"
    record = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert record["argv"][1:] == ["run", str(src), "--out", str(tmp_path / "out")]
    assert record["counts"]["this_run"]["skipped"] == 1 and record["inputs"]["documents"] == 1
