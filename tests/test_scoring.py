"""The score on a small example computed by hand (codebook)."""

from datetime import date

import numpy as np
import pytest

from nlp_tools.claims import Claim
from nlp_tools.scoring import ScoreOptions, credible_interval, period_label, scores
from nlp_tools.store import Store


def _claim(doc, seq, topic, stance, org, when, official=True, group=""):
    return Claim(doc_id=doc, sentence=f"s{seq}", start_char=seq * 10, end_char=seq * 10 + 5, topic=topic, stance=stance,
                 speaker="X", speaker_org=org, official=official, date=when, group=group)


@pytest.fixture
def store(tmp_path):
    from nlp_tools.documents import Document

    s = Store(tmp_path / "s.duckdb")
    s.add_documents([Document("d1", "one"), Document("d2", "two")], run_id=1)
    oct1, oct20, nov3 = date(2015, 10, 1), date(2015, 10, 20), date(2015, 11, 3)
    s.save_claims([
        ("d1", [
            _claim("d1", 0, "cooperation", "deny", "Pentagon", oct1),
            _claim("d1", 1, "cooperation", "acknowledge", "Pentagon", oct1, group="deconfliction"),
            _claim("d1", 2, "notification", "acknowledge", "Pentagon", oct20),
            _claim("d1", 3, "strike", "acknowledge", "Pentagon", oct20),          # not scored: topic
            _claim("d1", 4, "cooperation", "deny", "Pentagon", oct20, official=False),  # not scored: unofficial
        ]),
        ("d2", [
            _claim("d2", 0, "cooperation", "conditional", "Pentagon", nov3),
            _claim("d2", 1, "cooperation", "deny", "Pentagon", nov3),
            _claim("d2", 2, "notification", "evade", "Russian MoD", nov3),
        ]),
    ], extractor="test", run_id=1)
    yield s
    s.close()


def test_monthly_scores_by_hand(store):
    table = scores(store, ScoreOptions(period="month"))
    pentagon = table[table.speaker_org == "Pentagon"].set_index("period")
    # October: ack 2 (deconfliction, notification), deny 1 -> (2 - 1) / 3
    assert pentagon.loc["2015-10", ["acknowledge", "deny", "conditional", "evade", "n"]].tolist() == [2, 1, 0, 0, 3]
    assert pentagon.loc["2015-10", "score"] == pytest.approx(1 / 3)
    assert bool(pentagon.loc["2015-10", "say_vs_do"]) is True
    # November: conditional 1, deny 1 -> (0 - 1) / 2
    assert pentagon.loc["2015-11", "score"] == pytest.approx(-0.5)
    assert bool(pentagon.loc["2015-11", "say_vs_do"]) is False
    russia = table[table.speaker_org == "Russian MoD"].iloc[0]
    assert russia["score"] == 0 and russia["evade"] == 1


def test_all_speakers_and_year(store):
    table = scores(store, ScoreOptions(period="year", official_only=False))
    pentagon = table[table.speaker_org == "Pentagon"].iloc[0]
    assert pentagon["period"] == "2015"
    assert pentagon["n"] == 6 and pentagon["deny"] == 3


def test_interval_contains_the_truth_and_narrows_with_evidence():
    lo, hi = credible_interval(np.array([2, 1, 0, 0]))
    assert -1 <= lo < 1 / 3 < hi <= 1
    lo_big, hi_big = credible_interval(np.array([200, 100, 0, 0]))
    assert lo_big < 1 / 3 < hi_big and (hi_big - lo_big) < (hi - lo) / 4
    assert credible_interval(np.array([2, 1, 0, 0])) == (lo, hi)  # reproducible


def test_period_labels():
    assert period_label(date(2016, 2, 29), "quarter") == "2016-Q1"
    assert period_label(date(2016, 1, 4), "week") == "2016-W01"
    assert period_label(None, "month") == "undated"
