"""The stages after extraction within DuckDB's memory limit (memory.py), on a real store.

A store of synthetic claims (bench/claim_store.py: dense in claims and in
copies of one statement) is linked and scored under a memory limit lowered
with NLP_TOOLS_STORE_MEMORY: 6,000 claims under 32MB stand for a few hundred
thousand under the default 64MB. Before the stages were written to spill
(plain groupings over stored tables, parts of a bounded size, one thread
under a small limit), the documents' shared statements ran out of memory here.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from nlp_tools.dyads import claim_pairs, contradictions, dyads
from nlp_tools.errors import NlpToolsError
from nlp_tools.memory import MEMORY_VARIABLE, bound_memory, stage
from nlp_tools.runner import write_outputs
from nlp_tools.scoring import ScoreOptions, scores
from nlp_tools.statements import link_statements
from nlp_tools.store import Store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("claim_store", ROOT / "bench" / "claim_store.py")
    claim_store = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(claim_store)
    path = tmp_path_factory.mktemp("memory") / "claims.duckdb"
    claim_store.build_store(path, 6000, seed=1, years=1, undated=0.1)
    return path


def _copy(store: Path, folder: Path) -> Path:
    shutil.copy(store, folder / store.name)
    return folder / store.name


def test_linking_dyads_and_contradictions_stay_within_a_small_limit(synthetic_store, tmp_path, monkeypatch):
    monkeypatch.setenv(MEMORY_VARIABLE, "32MB")
    options = ScoreOptions()
    with Store(_copy(synthetic_store, tmp_path)) as store:
        bound_memory(store)
        links = link_statements(store)
        documents = store.documents_frame()
        assert links.claims >= 6000 and links.statements < links.claims  # copies were linked
        assert (documents["shared_statements"] > 0).any()
        assert len(scores(store, options)) and len(dyads(store, options)) and len(contradictions(store, options))
        assert len(claim_pairs(store, options))
        (temporary,) = store.con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchone()
    assert temporary == 0  # the stages leave no table of their own behind


def test_running_out_of_memory_is_one_line_naming_the_stage(synthetic_store, tmp_path, monkeypatch):
    monkeypatch.setenv(MEMORY_VARIABLE, "2MB")
    with Store(_copy(synthetic_store, tmp_path)) as store:
        bound_memory(store)
        with pytest.raises(NlpToolsError, match=r"^statement linking: the store ran out of memory"):
            with stage("statement linking", store):
                link_statements(store)
        with pytest.raises(NlpToolsError) as caught:
            write_outputs(store, tmp_path / "out", ScoreOptions(), {})
    message = str(caught.value)
    assert "\n" not in message and "ran out of memory" in message and MEMORY_VARIABLE in message
    assert message.split(":")[0] in ("documents.csv", "scores", "claims.csv", "contradictions", "dyads", "report")


@pytest.mark.parametrize("value", ["lots", "64 parsecs", "-1GB"])
def test_a_memory_limit_that_is_no_amount_is_refused(tmp_path, monkeypatch, value):
    monkeypatch.setenv(MEMORY_VARIABLE, value)
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(NlpToolsError, match=MEMORY_VARIABLE):
        bound_memory(store)


def test_the_command_line_says_it_in_one_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from nlp_tools.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text("The ministry said it had informed Moscow in advance.\n", encoding="utf-8")
    monkeypatch.setenv(MEMORY_VARIABLE, "1MB")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ") and "ran out of memory" in lines[0], result.output
    assert "Traceback" not in result.output
