"""Inter-annotator agreement with the evaluator's matching: F1 between two annotators'
files, Cohen's kappa on stance and `official`, checked by hand on records written here."""

import json
import math

import pytest
from typer.testing import CliRunner

from nlp_tools.agreement import agreement, app
from nlp_tools.errors import NlpToolsError

PORT = ("The navy struck a fuel depot near the port on Monday, the ministry said. "
        "It had warned the harbour authority an hour earlier. "
        "Officials would not say whether allied ships took part.")
HILLS = ("There is no cooperation with the militia, Colonel Maria Vance said. "
         "We are open to talks if the shelling stops.")


def _claim(text, snippet, topic, stance, speaker, **fields):
    start = text.index(snippet)
    return {"start_char": start, "end_char": start + len(snippet), "topic": topic, "stance": stance,
            "hedged": False, "speaker": speaker, "speaker_org": "", "official": True,
            "attribution": "reported", "agent": "", "counterpart": "", **fields}


def _annotator_a():
    return [
        {"doc_id": "port", "date": "2024-03-04", "source": "wire", "text": PORT, "claims": [
            _claim(PORT, "struck a fuel depot", "strike", "acknowledge", "ministry", agent="navy", counterpart="fuel depot"),
            _claim(PORT, "warned the harbour authority", "notification", "acknowledge", "ministry",
                   counterpart="harbour authority"),
            _claim(PORT, "whether allied ships took part", "cooperation", "evade", "officials"),
        ]},
        {"doc_id": "hills", "date": "2024-03-05", "source": "wire", "text": HILLS, "claims": [
            _claim(HILLS, "no cooperation with the militia", "cooperation", "deny", "Maria Vance", counterpart="militia"),
            _claim(HILLS, "open to talks", "cooperation", "conditional", "Maria Vance"),
        ]},
    ]


def _write(path, docs):
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path):
    """A and B: B leaves out one claim, reads one notice as denied, names two speakers another way."""
    a = _annotator_a()
    b = json.loads(json.dumps(a))
    b[0]["claims"][1]["stance"] = "deny"
    b[0]["claims"][2]["speaker"] = "the officials"  # the same speaker, with its article
    b[1]["claims"][0]["speaker"] = "Vance"  # the same person, by surname
    del b[1]["claims"][1]
    return _write(tmp_path / "a.jsonl", a), _write(tmp_path / "b.jsonl", b)


def test_identical_files_agree_fully(tmp_path):
    path = _write(tmp_path / "a.jsonl", _annotator_a())
    result = agreement(path, path)
    assert result.figures.micro["f1"] == 1.0 and result.figures.matched == 5
    assert result.stance_kappa == 1.0 and result.figures.speaker_accuracy == 1.0


def test_figures_by_hand(pair):
    result = agreement(*pair)
    ev = result.figures
    assert ev.per_topic["cooperation"]["recall"] == 2 / 3 and ev.per_topic["cooperation"]["precision"] == 1.0
    assert ev.per_topic["strike"]["f1"] == 1.0 and ev.micro["f1"] == pytest.approx(8 / 9)
    assert ev.stance_accuracy == 3 / 4
    # A: acknowledge x2, evade, deny; B: acknowledge, deny x2, evade. Observed 3/4; chance
    # 2/4*1/4 + 1/4*2/4 + 1/4*1/4 = 5/16; kappa = (3/4 - 5/16) / (1 - 5/16)
    assert result.stance_kappa == pytest.approx((3 / 4 - 5 / 16) / (11 / 16))
    assert ev.speaker_accuracy == 1.0  # "the officials" = "officials", "Vance" = "Maria Vance"
    assert math.isnan(result.official_kappa)  # every claim official on both sides: kappa undefined
    assert {row["error"] for row in ev.errors} == {"miss", "wrong:stance"}


def test_the_order_of_the_files_changes_no_f1_nor_kappa(pair):
    forward, backward = agreement(*pair), agreement(*reversed(pair))
    assert forward.figures.micro["f1"] == backward.figures.micro["f1"]
    assert forward.figures.micro["precision"] == backward.figures.micro["recall"]
    assert forward.stance_kappa == pytest.approx(backward.stance_kappa)


def test_only_documents_in_both_files_are_compared(tmp_path):
    a = _annotator_a()
    a_path = _write(tmp_path / "a.jsonl", a)
    b_path = _write(tmp_path / "b.jsonl", a[:1])
    result = agreement(a_path, b_path)
    assert result.figures.documents == 1 and result.only_in_a == ["hills"] and result.only_in_b == []
    assert result.figures.micro["f1"] == 1.0


def test_a_document_with_another_text_is_refused(tmp_path):
    a = _annotator_a()
    b = json.loads(json.dumps(a))
    b[1]["text"] = HILLS.replace("Colonel", "Col.")
    with pytest.raises(NlpToolsError, match="'hills' has another text"):
        agreement(_write(tmp_path / "a.jsonl", a), _write(tmp_path / "b.jsonl", b))


def test_command_line_json_and_disagreements(pair, tmp_path):
    out = tmp_path / "disagreements.csv"
    result = CliRunner().invoke(app, [str(pair[0]), str(pair[1]), "--json", "--disagreements", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["claims_a"] == 5 and figures["claims_b"] == 4 and figures["official_kappa"] is None
    assert out.read_text(encoding="utf-8").count("\n") == 3  # header, the missing claim, the stance


def test_a_misspelt_label_is_one_line_naming_the_file(tmp_path):
    a = _annotator_a()
    b = json.loads(json.dumps(a))
    b[0]["claims"][0]["topic"] = "strikes"
    b_path = _write(tmp_path / "b.jsonl", b)
    result = CliRunner().invoke(app, [str(_write(tmp_path / "a.jsonl", a)), str(b_path)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{b_path}: line 1: claim 1 is malformed (topic 'strikes'" in result.output
