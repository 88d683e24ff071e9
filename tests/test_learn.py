"""Training, the skops model file, the classifier in the pipeline, suggestions: real spaCy, small label sets."""

from __future__ import annotations

import csv
import io
import json
import pickle
import shutil
import sys
import zipfile

import numpy as np
import pandas as pd
import pytest
import skops.io as sio
from sklearn.base import clone
from sklearn.model_selection import cross_val_score
from typer.testing import CliRunner

import nlp_tools
from nlp_tools.cli import app
from nlp_tools.errors import NlpToolsError, UntrustedModelError
from nlp_tools.learn import ClaimClassifier, load_model, read_labels, train_classifier
from nlp_tools.learn.features import cues, parser
from nlp_tools.learn.model_io import FORMAT, FORMAT_VERSION, save_model

from .conftest import SAMPLE

runner = CliRunner()

# Sentences written for these tests (labels per the codebook), plus two labels too rare for five folds.
STANCE_LABELS = [
    ("The ministry said it had notified the embassy two hours before the exercise began.", "acknowledge", "notification"),
    ("We gave the coalition advance notice of the flights, the spokesman said.", "acknowledge", "notification"),
    ("Washington was informed in advance through the hotline.", "acknowledge", "notification"),
    ("The navy warned shipping ahead of the missile test.", "acknowledge", "notification"),
    ("Our partners were told beforehand about the route of the launch.", "acknowledge", "notification"),
    ("The two militaries coordinate their flights through a deconfliction line.", "acknowledge", "cooperation"),
    ("The allies agreed to share intelligence on the targets.", "acknowledge", "cooperation"),
    ("We are working closely with our partners in the region.", "acknowledge", "cooperation"),
    ("The defence ministers held talks on flight safety and signed a memorandum.", "acknowledge", "cooperation"),
    ("Aircraft struck three targets near the border overnight.", "acknowledge", "strike"),
    ("The warships fired cruise missiles at the depots.", "acknowledge", "strike"),
    ("The strikes hit command posts and ammunition stores.", "acknowledge", "strike"),
    ("We were not informed in advance of the operation.", "deny", "notification"),
    ("The embassy received no warning before the launch.", "deny", "notification"),
    ("They informed us only after the strikes had taken place.", "deny", "notification"),
    ("There was no prior notification of the test.", "deny", "notification"),
    ("There is no coordination between the two air forces.", "deny", "cooperation"),
    ("We do not cooperate with their military in any way.", "deny", "cooperation"),
    ("The ministry rejected any cooperation with the coalition.", "deny", "cooperation"),
    ("Our aircraft did not carry out any strikes in that area.", "deny", "strike"),
    ("The ministry denied that its jets had bombed the market.", "deny", "strike"),
    ("We could cooperate if they stop supporting the militants.", "conditional", "cooperation"),
    ("There will be no coordination until they change course.", "conditional", "cooperation"),
    ("The door to cooperation stays open as long as they respect the truce.", "conditional", "cooperation"),
    ("We would share intelligence provided that the targets are agreed.", "conditional", "cooperation"),
    ("They will be notified in advance only if the exercise exceeds the threshold.", "conditional", "notification"),
    ("She declined to say whether Moscow had informed the coalition.", "evade", "notification"),
    ("I am not going to get into whether we were notified.", "evade", "notification"),
    ("The spokesman refused to comment on the coordination with Russia.", "evade", "cooperation"),
    ("I cannot confirm whether the strikes took place.", "evade", "strike"),
    ("He would not discuss the details of the cooperation.", "evade", "cooperation"),
    ("It remains unclear whether the jets struck the depot.", "unclear", "strike"),
    ("Whether there was any coordination is not clear.", "unclear", "cooperation"),
    ("Sure, they coordinated beautifully, as always.", "sarcasm", "cooperation"),
]
# A new task: does the claim concern a truce or a humanitarian pause?
TRUCE_LABELS = [
    ("The two sides agreed to a ceasefire and will coordinate its monitoring.", "truce"),
    ("Both militaries will cooperate to keep the humanitarian corridor open.", "truce"),
    ("The truce talks were coordinated with the United Nations.", "truce"),
    ("They notified the observers before the pause in the fighting began.", "truce"),
    ("Aircraft will halt strikes during the humanitarian pause.", "truce"),
    ("The ceasefire commission shares information with both armies.", "truce"),
    ("The coalition struck oil facilities overnight.", "other"),
    ("Russia notified the embassy before the missile test.", "other"),
    ("The air forces coordinate flights through a hotline.", "other"),
    ("Warships fired cruise missiles at the depots.", "other"),
    ("The allies share intelligence on the militants.", "other"),
    ("The ministry was informed in advance of the exercise.", "other"),
]


def write_csv(path, rows, header=("text", "label", "topic")):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory, nlp):
    """The stance model trained once for the module (5-fold CV, rules beside it, card)."""
    folder = tmp_path_factory.mktemp("learn")
    labels = write_csv(folder / "stance.csv", [*STANCE_LABELS, ("", "deny", "strike")])
    result = train_classifier(labels, task="stance", out=folder / "models" / "stance.skops", nlp=nlp)
    return folder, result


@pytest.fixture(scope="module")
def truce_model(tmp_path_factory):
    """A model for a new task, trained through the command line (no rules to compare with)."""
    folder = tmp_path_factory.mktemp("truce")
    labels = write_csv(folder / "truce.csv", [*TRUCE_LABELS, ("A row nobody labelled.", "")], header=("text", "truce"))
    out = folder / "truce.skops"
    result = runner.invoke(app, ["train", str(labels), "--task", "truce", "--out", str(out), "--folds", "3"])
    assert result.exit_code == 0, result.output
    return out, result.output


# -- training ---------------------------------------------------------------------
def test_cross_validation_reports_every_label_and_handles_rare_ones(trained):
    _, result = trained
    cv = result.cv
    assert cv.folds == 5 and len(cv.fold_macro_f1) == 5
    assert set(cv.pooled.per_class) == {"acknowledge", "deny", "conditional", "evade", "unclear"}
    assert 0.0 < cv.pooled.macro_f1 <= 1.0
    for metrics in cv.pooled.per_class.values():
        assert set(metrics) == {"precision", "recall", "f1", "support"}
    assert cv.pooled.per_class["unclear"]["support"] == 2
    assert cv.pooled.n == len(STANCE_LABELS) - 1  # the single 'sarcasm' is left out
    notes = " | ".join(result.notes)
    assert "'sarcasm' has 1 example" in notes and "left out" in notes
    assert "'unclear' has 2 examples for 5 folds" in notes
    assert [str(p).split(":", 1)[1] for p in result.problems] == [f"{len(STANCE_LABELS) + 2}: empty text"]


def test_rules_are_scored_on_the_same_examples(trained):
    _, result = trained
    rules = result.rules
    assert rules is not None and rules.scores.n == result.cv.pooled.n
    assert 0 < rules.found <= rules.scores.n
    assert set(rules.scores.per_class) == set(result.cv.pooled.per_class)


def test_the_model_is_a_scikit_learn_estimator(trained):
    _, result = trained
    model = result.estimator
    assert "classify__C" in model.get_params() and "features__parse__cues__spacy_model" in model.get_params()
    assert list(model.classes_) == ["acknowledge", "conditional", "deny", "evade", "unclear"]
    sentences = ["We were not informed in advance.", "They gave us advance notice of the strikes."]
    proba = model.predict_proba(sentences)
    assert proba.shape == (2, 5) and np.allclose(proba.sum(axis=1), 1.0)
    assert list(model.predict(sentences)) == ["deny", "acknowledge"]
    # it can be cloned and cross-validated like any estimator
    frame = pd.DataFrame({"text": [t for t, *_ in STANCE_LABELS[:21]], "topic": [c for *_, c in STANCE_LABELS[:21]]})
    labels = [label for _, label, _ in STANCE_LABELS[:21]]
    assert len(cross_val_score(clone(model).set_params(classify__C=1.0), frame, labels, cv=3)) == 3


def test_parse_cues_see_whether_a_negation_or_condition_reaches_the_trigger():
    nlp = parser(None)
    denied = cues(nlp("We were not informed in advance."), "notification", "informed")
    told = cues(nlp("We were informed in advance."), "notification", "informed")
    elsewhere = cues(nlp("The areas that the jets struck were not military sites."), "strike", "struck")
    conditional = cues(nlp("We will cooperate if they stop the attacks."), "cooperation", "cooperate")
    assert denied["strict:neg"] == 1.0 and "strict:neg|notification" in denied
    assert "strict:neg" not in told and "cue:neg" not in told
    assert "cue:neg" in elsewhere and "strict:neg" not in elsewhere
    assert "strict:cond" in conditional


def test_card_next_to_the_model(trained):
    folder, result = trained
    md, js = folder / "models" / "stance.card.md", folder / "models" / "stance.card.json"
    card = json.loads(js.read_text())
    assert card["task"] == "stance" and card["family"] == "logreg"
    assert card["labels"] == {"acknowledge": 12, "conditional": 5, "deny": 9, "evade": 5, "unclear": 2}
    assert card["data"]["examples"] == 33 and card["data"]["skipped_rows"] == 1
    assert len(card["data"]["examples_sha256"]) == 64 and len(card["data"]["files"][0]["sha256"]) == 64
    assert card["model_file"]["bytes"] == (folder / "models" / "stance.skops").stat().st_size
    assert card["cross_validation"]["macro_f1"] == pytest.approx(result.cv.pooled.macro_f1)
    assert card["rules"]["macro_f1"] == pytest.approx(result.rules.scores.macro_f1)
    for package in ("nlp-tools", "scikit-learn", "skops", "spacy"):
        assert card["versions"][package]
    assert card["features"]["spacy_model"].startswith("en_core_web_sm")
    text = md.read_text()
    assert "## Cross-validated metrics" in text and "macro-F1" in text and card["model_file"]["sha256"] in text


def test_too_few_labels_is_a_clear_error(tmp_path):
    labels = write_csv(tmp_path / "one.csv", [("We coordinate.", "acknowledge", ""), ("We were told.", "acknowledge", "")])
    with pytest.raises(NlpToolsError, match="at least two labels"):
        train_classifier(labels, task="stance", compare_rules=False)
    with pytest.raises(NlpToolsError, match="lower-case name"):
        train_classifier(labels, task="Bad Name")


def test_api_train_returns_the_fitted_estimator(tmp_path):
    labels = write_csv(tmp_path / "truce.csv", TRUCE_LABELS, header=("text", "label"))
    model = nlp_tools.train(labels, task="truce", folds=3)
    assert list(model.classes_) == ["other", "truce"]
    assert model.predict(["Both sides agreed to a ceasefire along the front."])[0] == "truce"


# -- the model file -------------------------------------------------------------------
def test_skops_round_trip_is_exact_and_reproducible(trained, tmp_path):
    folder, result = trained
    path = folder / "models" / "stance.skops"
    loaded = load_model(path)
    assert loaded.task == "stance" and loaded.column == "stance"
    assert loaded.labels == list(result.estimator.classes_)
    sentences = [t for t, *_ in STANCE_LABELS]
    assert np.array_equal(loaded.estimator.predict_proba(sentences), result.estimator.predict_proba(sentences))
    again = save_model(result.estimator, tmp_path / "again.skops", "stance", result.card,
                       load_model(path).seen)
    assert again.read_bytes() == path.read_bytes()  # same model, same bytes
    with zipfile.ZipFile(path) as archive:
        assert not [n for n in archive.namelist() if n.endswith((".pkl", ".pickle"))]


def _payload(estimator) -> dict:
    return {"format": FORMAT, "format_version": FORMAT_VERSION, "task": "stance", "estimator": estimator,
            "card": {}, "seen": []}


def test_a_file_asking_for_untrusted_code_is_refused_before_anything_runs(tmp_path, monkeypatch):
    from sklearn.preprocessing import FunctionTransformer

    marker = tmp_path / "ran.txt"
    module = tmp_path / "evil_nlp_module.py"
    module.write_text(f"open({str(marker)!r}, 'w').write('imported')\n\ndef act(x):\n    return x\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import evil_nlp_module

    bad = tmp_path / "bad.skops"
    sio.dump(_payload(FunctionTransformer(func=evil_nlp_module.act)), bad)
    marker.unlink()
    del sys.modules["evil_nlp_module"]
    with pytest.raises(UntrustedModelError) as info:
        load_model(bad)
    message = str(info.value)
    assert "refused" in message and "evil_nlp_module.act" in message and "FunctionTransformer" in message
    assert not marker.exists() and "evil_nlp_module" not in sys.modules  # nothing was imported or run


def test_estimators_skops_trusts_but_nlp_tools_does_not_train_are_refused(tmp_path):
    from sklearn.neighbors import KNeighborsClassifier

    other = tmp_path / "knn.skops"
    sio.dump(_payload(KNeighborsClassifier(n_neighbors=1).fit([[0.0], [1.0]], ["a", "b"])), other)
    with pytest.raises(UntrustedModelError, match="KNeighborsClassifier"):
        load_model(other)


def test_pickles_and_foreign_files_are_refused(tmp_path, trained):
    pickled = tmp_path / "model.skops"
    pickled.write_bytes(pickle.dumps({"estimator": None}))
    with pytest.raises(UntrustedModelError, match="not a skops model archive"):
        load_model(pickled)
    plain = tmp_path / "plain.skops"
    sio.dump({"something": [1, 2]}, plain)
    with pytest.raises(NlpToolsError, match="not an nlp-tools classifier"):
        load_model(plain)
    with pytest.raises(NlpToolsError, match="cannot read"):
        load_model(tmp_path / "missing.skops")


# -- in the pipeline ------------------------------------------------------------------
def test_component_decides_the_stance_and_keeps_the_rules_answer(trained, nlp):
    folder, _ = trained
    component = ClaimClassifier("claim_classifier", folder / "models" / "stance.skops")
    doc = nlp("The embassy was not informed in advance of the exercise, the ministry said.")
    rules = [c.stance for c in doc._.claims]
    component(doc)
    claims = doc._.claims
    assert claims and all(0.0 < c.stance_confidence <= 1.0 for c in claims)
    assert [c.extra["rules_stance"] for c in claims] == rules
    assert {c.stance for c in claims} <= set(component.model.labels)
    before = [(c.stance, c.stance_confidence) for c in claims]
    component(doc)  # applying twice changes nothing
    assert [(c.stance, c.stance_confidence) for c in claims] == before
    assert [c.extra["rules_stance"] for c in claims] == rules


# Sentences for the rules + model combination: some decided by a rules cue, some by the rules' default.
COMBINE_SENTENCES = [
    "The two air forces refuse any coordination, the general said.",
    "The ministry rejected claims of cooperation with the coalition.",
    "The ministry said it had notified the embassy two hours before the exercise began.",
    "Moscow informed us only once the strikes had taken place.",
    "Whether there was coordination remains to be seen, the minister said.",
    "Aircraft struck three targets near the border overnight, the spokesman said.",
]


def test_combine_lets_the_model_relabel_only_the_rules_default_acknowledgements(trained, nlp):
    folder, _ = trained
    path = folder / "models" / "stance.skops"
    docs = [nlp(text) for text in COMBINE_SENTENCES]
    claims = [c for doc in docs for c in doc._.claims]
    rules = [(c.stance, c.stance_cue) for c in claims]
    model = load_model(path)
    proba = model.estimator.predict_proba(claims)
    best = [(model.labels[row.argmax()], float(row.max())) for row in proba]
    # the sentences cover every case: a cue the model disagrees with, a default the model would relabel
    # above the threshold, a default it agrees with
    assert any(cue and label != stance for (stance, cue), (label, _) in zip(rules, best, strict=True))
    assert any(not cue and label != "acknowledge" and p > 0.5 for (_, cue), (label, p) in zip(rules, best, strict=True))
    assert any(not cue and label == "acknowledge" for (_, cue), (label, _) in zip(rules, best, strict=True))
    component = ClaimClassifier("claim_classifier", path, mode="combine", threshold=0.5)
    assert component.version.endswith("~combine>0.5")
    for doc in docs:
        component(doc)
    for claim, (stance, cue), (label, p) in zip(claims, rules, best, strict=True):
        if stance == "acknowledge" and not cue and label != "acknowledge" and p > 0.5:
            assert (claim.stance, claim.stance_confidence) == (label, round(p, 4))
            assert claim.extra["rules_stance"] == "acknowledge"
        else:  # the rules' answer stands, and nothing says a model decided it
            assert claim.stance == stance and claim.stance_confidence is None
            assert "rules_stance" not in (getattr(claim, "extra", None) or {})
    refused = next(c for c in claims if c.stance_cue == "refuse")
    assert refused.stance == "deny"  # a cue decided it: the model (evade) is not asked
    after = [(c.stance, c.stance_confidence) for c in claims]
    for doc in docs:  # applying twice changes nothing
        component(doc)
    assert [(c.stance, c.stance_confidence) for c in claims] == after


def test_combine_threshold_is_chosen_in_training_and_bounds_the_changes(trained, nlp):
    from nlp_tools.learn.combine import GRID

    folder, result = trained
    path = folder / "models" / "stance.skops"
    card = json.loads((folder / "models" / "stance.card.json").read_text())
    chosen = card["combine"]
    assert [row["threshold"] for row in chosen["grid"]] == list(GRID) and chosen["threshold"] in GRID
    assert chosen["claims"] == result.rules.found and chosen["grid"][-1]["changed"] == 0  # 1.0: never
    assert chosen["rules"]["accuracy"] == pytest.approx(chosen["grid"][-1]["accuracy"])
    assert "## Combined with the rules" in (folder / "models" / "stance.card.md").read_text()
    assert ClaimClassifier("c", path, mode="combine").threshold == load_model(path).combine_threshold == chosen["threshold"]
    docs = [nlp(text) for text in COMBINE_SENTENCES]
    rules = [c.stance for doc in docs for c in doc._.claims]
    strict = ClaimClassifier("c", path, mode="combine", threshold=1.0)
    for doc in docs:
        strict(doc)
    assert [c.stance for doc in docs for c in doc._.claims] == rules
    with pytest.raises(NlpToolsError, match="unknown stance mode 'vote'"):
        ClaimClassifier("c", path, mode="vote")


def test_evaluate_takes_a_classifier_and_a_stance_mode(trained, tmp_path):
    folder, _ = trained
    model = str(folder / "models" / "stance.skops")
    text = ("The ministry said on Monday that the embassy was not informed in advance of the exercise. "
            "Aircraft struck three targets near the border overnight, the spokesman said. "
            "The two air forces refuse any coordination, the general said.")
    spans = [("not informed", " of the exercise", "notification", "deny"),
             ("Aircraft", " near the border", "strike", "acknowledge"),
             ("refuse any", ", the general", "cooperation", "deny")]
    claims = [{"start_char": text.index(a), "end_char": text.index(b), "topic": t, "stance": s} for a, b, t, s in spans]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "d1", "date": "2024-05-06", "text": text, "claims": claims}) + "\n")
    figures = {}
    for mode in ("rules", "replace", "combine"):
        options = [] if mode == "rules" else ["--classifier", model, "--stance-mode", mode]
        result = runner.invoke(app, ["evaluate", str(gold), "--json", *options])
        assert result.exit_code == 0, result.output
        figures[mode] = json.loads(result.output)
    assert figures["rules"]["matched"] == figures["replace"]["matched"] == figures["combine"]["matched"] == 3
    # the rules get all three; the model alone calls the refusal an evasion; combined, the rules' cue stands
    assert figures["rules"]["stance_accuracy"] == figures["combine"]["stance_accuracy"] == 1.0
    assert figures["replace"]["stance_accuracy"] == pytest.approx(2 / 3)
    result = runner.invoke(app, ["evaluate", str(gold), "--classifier", str(tmp_path / "none.skops")])
    assert result.exit_code == 1 and "cannot read the model file" in result.output
    assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def hybrid_run(tmp_path_factory, trained, truce_model):
    """`nlp-tools run` on four sample documents with a stance model and a new-task model."""
    folder, _ = trained
    corpus = tmp_path_factory.mktemp("corpus")
    for name in ("briefings/dod-2015-10-07-cook.txt", "releases/mod-russia-2015-10-20-memorandum.txt",
                 "news/2015-10-08-caspian-missiles.txt", "releases/nato-2017-09-14-zapad.txt"):
        shutil.copy(SAMPLE / name, corpus / name.split("/")[1])
    out = tmp_path_factory.mktemp("hybrid")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--quiet",
                                 "--classifier", str(folder / "models" / "stance.skops"),
                                 "--classifier", str(truce_model[0])])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_run_with_classifiers_adds_their_columns(hybrid_run):
    out, output = hybrid_run
    claims = pd.read_csv(out / "claims.csv", keep_default_na=False)
    assert len(claims) > 5
    columns = list(claims.columns)
    for name in ("stance_confidence", "rules_stance", "truce", "truce_confidence"):
        assert name in columns
    assert columns[-1] == "extractor_version"
    assert claims["stance_confidence"].map(lambda v: 0 < float(v) <= 1).all()
    assert set(claims["truce"]) <= {"truce", "other"}
    assert claims["truce_confidence"].map(lambda v: 0.5 <= float(v) <= 1).all()
    assert set(claims["stance"]) <= {"acknowledge", "deny", "conditional", "evade", "unclear"}
    assert claims["extractor_version"].str.contains("stance:stance@").all()
    assert claims["extractor_version"].str.contains("truce:truce@").all()


def test_exports_expand_the_extra_columns(hybrid_run, tmp_path):
    out, _ = hybrid_run
    target = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["export", "claims", "--store", str(out / "nlp_tools.duckdb"),
                                 "--format", "jsonl", "--out", str(target)])
    assert result.exit_code == 0, result.output
    first = json.loads(target.read_text().splitlines()[0])
    assert first["truce"] in ("truce", "other") and isinstance(first["truce_confidence"], float)


def test_the_new_task_cli_summary(truce_model):
    out, output = truce_model
    assert f"skipped: {out.parent / 'truce.csv'}:{len(TRUCE_LABELS) + 2}: no label" in output
    assert "read 12 labelled sentences from" in output and "(csv), 1 row skipped" in output
    assert "3-fold stratified cross-validation, 12 examples" in output
    assert "no built-in rules for the task 'truce'" in output
    assert "output column       truce" in output


def test_run_refuses_an_untrusted_classifier(tmp_path):
    from sklearn.preprocessing import FunctionTransformer

    bad = tmp_path / "bad.skops"
    sio.dump(_payload(FunctionTransformer(func=print)), bad)
    result = runner.invoke(app, ["run", str(SAMPLE / "releases" / "nato-2017-09-14-zapad.txt"),
                                 "--out", str(tmp_path / "out"), "--classifier", str(bad), "--quiet"])
    assert result.exit_code == 1
    assert "refused" in result.output and "builtins.print" in result.output


# -- what to label next --------------------------------------------------------------
def test_suggest_lists_the_least_sure_claims_for_labelling(hybrid_run, trained, tmp_path):
    out, _ = hybrid_run
    folder, _ = trained
    store, model = str(out / "nlp_tools.duckdb"), str(folder / "models" / "stance.skops")
    result = runner.invoke(app, ["suggest", "--store", store, "--classifier", model, "-n", "4"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 4 and all(r["label"] == "" for r in rows)
    confidence = [float(r["confidence"]) for r in rows]
    assert confidence == sorted(confidence)
    claims = pd.read_csv(out / "claims.csv", keep_default_na=False)
    assert max(confidence) <= sorted(claims["stance_confidence"].astype(float))[len(rows) + 2]
    target = tmp_path / "next.jsonl"
    result = runner.invoke(app, ["suggest", "--store", store, "--classifier", model, "-n", "3",
                                 "--format", "doccano", "--out", str(target)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(records) == 3 and all(r["label"] == [] and r["topic"] and r["predicted"] for r in records)
    # labelled in doccano and exported, the file goes back to training
    for record in records:
        record["label"] = [record["predicted"]]
    target.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    back = read_labels(target)
    assert len(back.examples) == 3 and not back.problems
    assert all(e.topic and e.trigger for e in back.examples)
