"""Dyads and contradictions (dyads.py) on documents written for them (conftest.DYAD_TEXTS)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from nlp_tools.cli import app
from nlp_tools.dyads import COMBINED, contradictions, dyads
from nlp_tools.scoring import ScoreOptions, credible_interval
from nlp_tools.store import Store


@pytest.fixture(scope="module")
def tables(dyad_run):
    dyad = pd.read_csv(dyad_run / "dyads.csv", keep_default_na=False)
    pairs = pd.read_csv(dyad_run / "contradictions.csv", keep_default_na=False)
    return dyad, pairs


def _row(table, direction, topic=COMBINED, period="2019-05"):
    rows = table[(table.direction == direction) & (table.topic == topic) & (table.period == period)]
    assert len(rows) == 1, (direction, topic, period)
    return rows.iloc[0]


def test_both_directions_of_a_pair_sit_side_by_side(tables):
    dyad, _ = tables
    russia = _row(dyad, "Russia on United States")
    us = _row(dyad, "United States on Russia")
    assert (russia.side_org, russia.side_country, russia.other_country) == ("Russia Ministry of Defence", "Russia", "United States")
    assert (us.side_org, us.other_country) == ("U.S. Department of Defense", "Russia")
    assert russia.pair == us.pair == "Russia | United States"
    # one row beside the other
    assert abs(int(russia.name) - int(us.name)) == 1
    # the notice received and the coordination denied
    assert (us.acknowledge, us.deny, us.n, us.score) == (1, 1, 2, 0.0)
    assert (us.ci_low, us.ci_high) == credible_interval(np.array([1, 1, 0, 0]))
    assert _row(dyad, "United States on Russia", "cooperation").deny == 1


def test_a_syndicated_statement_counts_once_in_the_dyad(tables, dyad_run):
    dyad, _ = tables
    russia = _row(dyad, "Russia on United States")
    assert (russia.acknowledge, russia.statements, russia.claims) == (1, 1, 2)  # two outlets, one statement
    with Store(dyad_run / "nlp_tools.duckdb", read_only=True) as store:
        by_claim = dyads(store, ScoreOptions(count="claims"))
    assert _row(by_claim, "Russia on United States").acknowledge == 2


def test_a_claim_naming_only_its_own_side_takes_the_other_from_its_sentence(tables):
    dyad, _ = tables
    # "Iraq's government said ... the United States had carried out the drone strike ... without any
    # coordination with Baghdad": coordination with Iraq, denied by Iraq; the strike names the United States
    baghdad = _row(dyad, "Iraq on United States", "cooperation")
    assert (baghdad.deny, baghdad.side_org) == (1, "Iraq Government")
    # a strike's other side is only one it names itself: Moscow's strikes near Idlib are not on the United States
    assert dyad[(dyad.direction == "Russia on United States") & (dyad.topic == "strike")].empty


def test_contradictions_pair_what_one_side_acknowledges_with_what_the_other_denies(tables):
    _, pairs = tables
    between = pairs[pairs.kind == "between sides"]
    seed = between[between.pair == "Russia | United States"]
    assert len(seed) == 1
    row = seed.iloc[0]
    assert row.label == "notice acknowledged / coordination denied"
    assert (row.period, row.gap_days) == ("2019-05", 3)
    assert (row.ack_side, row.ack_org, row.ack_doc_id, row.ack_date) == (
        "Russia", "Russia Ministry of Defence", "mod.txt", "2019-05-03")  # the first of its two copies
    assert row.ack_copies == 2 and row.ack_sentence.startswith("The Russian Defence Ministry said on Friday")
    assert (row.deny_side, row.deny_speaker, row.deny_doc_id) == ("United States", "Sean Robertson", "pentagon.txt")
    assert row.deny_sentence.startswith('"There is no coordination with Russia')
    india = between[between.pair == "India | Pakistan"].iloc[0]
    assert (india.label, india.ack_side, india.deny_side) == ("notice acknowledged / notice denied", "Pakistan", "India")
    # within one side: the Pentagon confirms the notice and denies coordination
    say_do = pairs[pairs.kind == "say-vs-do"]
    assert say_do[["ack_org", "deny_org", "label"]].values.tolist() == [
        ["U.S. Department of Defense", "U.S. Department of Defense", "notice acknowledged / coordination denied"]]


def test_no_contradiction_across_periods(dyad_run):
    with Store(dyad_run / "nlp_tools.duckdb", read_only=True) as store:
        by_day = contradictions(store, ScoreOptions(period="day"))
        by_year = contradictions(store, ScoreOptions(period="year"))
    assert by_day[by_day.kind == "between sides"].empty  # no two sides spoke on the same day
    assert set(by_year[by_year.kind == "between sides"].pair) == {"Russia | United States", "India | Pakistan"}


def test_export_writes_dyads_and_contradictions(dyad_run, tmp_path):
    runner = CliRunner()
    store = str(dyad_run / "nlp_tools.duckdb")
    for table in ("dyads", "contradictions"):
        result = runner.invoke(app, ["export", table, "--store", store, "--out", str(tmp_path / f"{table}.csv")])
        assert result.exit_code == 0, result.output
        pd.testing.assert_frame_equal(pd.read_csv(tmp_path / f"{table}.csv", keep_default_na=False),
                                      pd.read_csv(dyad_run / f"{table}.csv", keep_default_na=False))
    result = runner.invoke(app, ["export", "dyads", "--store", store, "--count", "claims", "--format", "jsonl",
                                 "--out", str(tmp_path / "d.jsonl")])
    assert result.exit_code == 0, result.output
    assert "rows to" in result.output
