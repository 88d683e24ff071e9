"""Label readers: CSV, doccano, Label Studio and gold files; bad rows are listed, not fatal."""

from __future__ import annotations

import json

import pytest

from nlp_tools.errors import NlpToolsError
from nlp_tools.learn.labels import LabelProblem, detect_format, read_labels

from .conftest import SAMPLE


def test_csv_reads_good_rows_and_lists_bad_ones(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text(
        "text,label,topic\n"
        "We were not informed.,Deny,notification\n"  # line 2
        '"A sentence, with a comma",acknowledge,\n'  # line 3
        ",deny,strike\n"  # line 4: empty text
        "No label here,,strike\n"  # line 5
        "Too,many,fields,here\n"  # line 6
        "Too few\n",  # line 7
        encoding="utf-8",
    )
    result = read_labels(path)
    assert [(e.text, e.label, e.topic, e.line) for e in result.examples] == [
        ("We were not informed.", "deny", "notification", 2),
        ("A sentence, with a comma", "acknowledge", "", 3),
    ]
    problems = {p.line: p.problem for p in result.problems}
    assert problems == {
        4: "empty text",
        5: "no label",
        6: "4 fields, the header has 3",
        7: "fewer fields than the header's 3",
    }
    assert str(result.problems[0]) == f"{path}:4: empty text"
    assert result.files[0]["format"] == "csv" and result.files[0]["skipped"] == 4
    assert len(result.files[0]["sha256"]) == 64


def test_csv_columns_are_selectable_and_missing_ones_say_so(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("id,sentence,ceasefire\n1,Both sides agreed to a truce.,yes\n2,The shelling went on.,no\n")
    result = read_labels(path, task="ceasefire", text_column="sentence")  # label column: the task's name
    assert [(e.text, e.label) for e in result.examples] == [("Both sides agreed to a truce.", "yes"), ("The shelling went on.", "no")]
    with pytest.raises(NlpToolsError, match="no column 'text'"):
        read_labels(path)
    with pytest.raises(NlpToolsError, match="no column 'verdict'"):
        read_labels(path, text_column="sentence", label_column="verdict")


def test_doccano_export(tmp_path):
    path = tmp_path / "doccano.jsonl"
    rows = [
        {"id": 1, "text": "There is no coordination.", "label": ["deny"], "meta": {"topic": "cooperation"}},
        {"id": 2, "text": "They told us beforehand.", "label": "acknowledge", "trigger": "told"},
        {"id": 3, "text": "Two labels.", "label": ["deny", "evade"]},
        {"id": 4, "text": "Spans.", "label": [[0, 5, "deny"]]},
        {"id": 5, "text": "Nothing yet.", "label": []},
    ]
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n")
    assert detect_format(path) == "doccano"
    result = read_labels(path)
    assert [(e.text, e.label, e.topic, e.trigger) for e in result.examples] == [
        ("There is no coordination.", "deny", "cooperation", ""),
        ("They told us beforehand.", "acknowledge", "", "told"),
    ]
    problems = {p.line: p.problem for p in result.problems}
    assert problems[3].startswith("not valid JSON")
    assert problems[4] == "2 labels (deny, evade); one expected"
    assert problems[5].startswith("span labels")
    assert problems[6] == "no label"


def test_label_studio_export(tmp_path):
    def task(i, text, annotations):
        return {"id": i, "data": {"text": text, "topic": "notification"}, "annotations": annotations}

    def choice(label, name="stance", cancelled=False):
        return {"was_cancelled": cancelled, "result": [
            {"type": "choices", "from_name": name, "to_name": "text", "value": {"choices": [label]}}]}

    tasks = [
        task(1, "We were informed in advance.", [choice("acknowledge")]),
        task(2, "No notice was given.", [choice("acknowledge"), choice("deny")]),  # the latest annotation wins
        task(3, "Cancelled.", [choice("deny", cancelled=True)]),
        task(4, "Not annotated.", []),
        task(5, "Two controls.", [{"result": choice("deny")["result"] + choice("yes", "ceasefire")["result"]}]),
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, indent=2))
    assert detect_format(path) == "labelstudio"
    result = read_labels(path)
    assert [(e.text, e.label, e.topic) for e in result.examples] == [
        ("We were informed in advance.", "acknowledge", "notification"),
        ("No notice was given.", "deny", "notification"),
    ]
    starts = [i + 1 for i, line in enumerate(path.read_text().splitlines()) if line == "  {"]
    problems = {p.line: p.problem for p in result.problems}
    assert problems == {
        starts[2]: "annotation cancelled",
        starts[3]: "not annotated",
        starts[4]: "several choice controls (stance, ceasefire); pick one with --label-column",
    }
    picked = read_labels(path, task="ceasefire", label_column="ceasefire")
    assert [(e.text, e.label) for e in picked.examples] == [("Two controls.", "yes")]


def test_label_studio_min_export_and_broken_json(tmp_path):
    path = tmp_path / "min.json"
    path.write_text(json.dumps([{"text": "They coordinate.", "stance": "acknowledge"}, {"text": "x"}]))
    result = read_labels(path)
    assert [(e.text, e.label) for e in result.examples] == [("They coordinate.", "acknowledge")]
    assert [p.problem for p in result.problems] == ["no label"]
    broken = tmp_path / "broken.json"
    broken.write_text('[\n  {"data": {"text": "a"}},\n  {"data": \n')
    with pytest.raises(NlpToolsError, match="broken.json: line 4: not valid JSON"):
        read_labels(broken)


def test_gold_file_gives_one_example_per_claim_with_the_rules_answer(nlp, tmp_path):
    lines = (SAMPLE / "gold.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    first = json.loads(lines[0])
    broken = dict(first, doc_id="broken", claims=[{"start_char": 0}, *first["claims"][:1]])
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([*lines, "{oops", json.dumps(broken)]) + "\n", encoding="utf-8")
    assert detect_format(path) == "gold"
    result = read_labels(path, task="stance", nlp=nlp)
    expected = sum(len(json.loads(line)["claims"]) for line in lines) + 1
    assert len(result.examples) == expected
    assert {e.label for e in result.examples} <= {"acknowledge", "deny", "conditional", "evade"}
    assert all(e.text and e.topic for e in result.examples)
    found = [e for e in result.examples if e.rules is not None]
    assert found and all(e.trigger for e in found)  # the rules' trigger travels with the sentence
    problems = {p.line: p.problem for p in result.problems}
    assert sorted(problems) == [3, 4]
    assert problems[3].startswith("not valid JSON") and problems[4].startswith("claim 1: malformed")
    topics = read_labels(path, task="topic", nlp=nlp)
    assert {e.label for e in topics.examples} <= {"notification", "strike", "cooperation", "none"}
    assert all(e.topic == "" for e in topics.examples)  # the topic is what a topic model predicts


def test_problem_text():
    assert str(LabelProblem("a.csv", 3, "no label")) == "a.csv:3: no label"
    assert str(LabelProblem("a.csv", 0, "unreadable")) == "a.csv: unreadable"
