"""corpora/build_gold.py on a folder of one's own: snippets become offsets in the text as
`nlp-tools run` reads it, and the result is a gold file `evaluate` and `agreement` read."""

import json
import subprocess
import sys

from nlp_tools.evaluate import read_gold

from .conftest import ROOT, SAMPLE

SCRIPT = ROOT / "corpora" / "build_gold.py"
TEXT = ("HARBOUR CITY REPORTS\n\n"
        "The navy struck a fuel depot near the port on Monday, the ministry said.\n"
        "It had warned the harbour authority an hour earlier, a spokeswoman added.\n")
YAML = """doc_id: reports/2024-03-04-port.txt
claims:
  - {sent: "struck a fuel depot near the port", topic: strike, stance: acknowledge, hedged: false,
     speaker: ministry, speaker_role: "", speaker_org: "", official: true, attribution: reported,
     agent: navy, counterpart: fuel depot}
  - {sent: "warned the harbour   authority", topic: notification, stance: acknowledge, speaker: spokeswoman,
     official: true, attribution: reported, agent: navy, counterpart: harbour authority}
"""


def _build(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=120)


def test_a_folder_of_ones_own(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "2024-03-04-port.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "2024-03-04-port.yaml").write_text(YAML, encoding="utf-8")
    done = _build(tmp_path)
    assert done.returncode == 0, done.stderr
    line = json.loads((tmp_path / "gold.jsonl").read_text(encoding="utf-8"))
    assert line["doc_id"] == "reports/2024-03-04-port.txt" and line["date"] == "2024-03-04"  # from the file name
    spans = [line["text"][c["start_char"] : c["end_char"]] for c in line["claims"]]
    assert spans == ["struck a fuel depot near the port", "warned the harbour authority"]
    (doc,) = read_gold(tmp_path / "gold.jsonl")  # missing flags are read as false
    assert [c.hedged for c in doc.claims] == [False, False] and doc.claims[1].official
    again = _build(tmp_path)  # the gold file it wrote is not read as a document the next time
    assert again.returncode == 0, again.stderr


def test_two_annotators_on_the_same_documents(tmp_path):
    from nlp_tools.agreement import agreement

    documents = tmp_path / "documents"
    (documents / "reports").mkdir(parents=True)
    (documents / "reports" / "2024-03-04-port.txt").write_text(TEXT, encoding="utf-8")
    for name, yaml_text in (("a", YAML), ("b", YAML.replace("stance: acknowledge, speaker: spokeswoman",
                                                            "stance: deny, speaker: spokeswoman"))):
        (tmp_path / f"ann_{name}").mkdir()
        (tmp_path / f"ann_{name}" / "port.yaml").write_text(yaml_text, encoding="utf-8")
        done = _build(documents, "--annotations", tmp_path / f"ann_{name}", "--out", tmp_path / f"{name}.jsonl")
        assert done.returncode == 0, done.stderr
    result = agreement(tmp_path / "a.jsonl", tmp_path / "b.jsonl")
    assert result.figures.micro["f1"] == 1.0 and result.figures.stance_accuracy == 0.5


def test_a_snippet_not_in_the_text_is_reported(tmp_path):
    (tmp_path / "2024-03-04-port.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "port.yaml").write_text(
        YAML.replace("reports/", "").replace("fuel depot near", "fuel dump near"), encoding="utf-8")
    done = _build(tmp_path, "--out", tmp_path / "g.jsonl")
    assert done.returncode == 1
    assert "port.yaml: snippet found 0 times: 'struck a fuel dump near the port'" in done.stderr


def test_the_sample_gold_is_what_the_script_builds(tmp_path):
    done = _build("--out", tmp_path / "gold.jsonl")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "gold.jsonl").read_bytes() == (SAMPLE / "gold.jsonl").read_bytes()
