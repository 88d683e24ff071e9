"""The learned topic detector beside the rules: training, the claims it adds, both extraction paths.

A tiny detector is trained on documents written for these tests (a dozen
sentences per topic), with the real gold reader, the real candidate filter and
the real spaCy pipeline.
"""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

import nlp_tools
from nlp_tools.claims.detection import Detector
from nlp_tools.claims.record import TOPICS
from nlp_tools.errors import NlpToolsError, UntrustedModelError
from nlp_tools.evaluate import predict_gold, read_gold, score
from nlp_tools.extract import extract_claims
from nlp_tools.learn.detector import folds_of, gold_segments, train_detector
from nlp_tools.learn.model_io import load_model
from nlp_tools.learn.segments import SegmentFeatures
from nlp_tools.readers import document_from_text

from .conftest import SAMPLE

STRIKE = [
    "Warplanes hammered rebel hideouts in the hills overnight, the army said.",
    "Fighter jets blasted an insurgent depot near the river on Monday.",
    "Bombers hammered the militants' camps for a third night.",
    "Jets blasted enemy bunkers along the ridge, a spokesman said.",
    "Gunships hammered positions held by the fighters near the pass.",
    "The air force blasted a convoy of militants on the highway.",
    "Coalition aircraft struck targets near the city, officials said.",
    "Artillery shelled the rebel trenches before dawn.",
    "Drones hammered a command post of the militia late on Friday.",
    "Navy jets blasted the rebels' hideouts near the coast.",
    "Warplanes hammered the outskirts of the town, residents said.",
    "The jets blasted several bunkers and a fuel depot.",
]
NOTIFICATION = [
    "Moscow informed Washington of the flight an hour in advance, the ministry said.",
    "The coalition gave the Russians advance notice of the operation.",
    "We were notified ahead of the launch, the spokesman said.",
    "Ankara told Baghdad beforehand that its jets would cross the border.",
    "The ministry said it had received prior notification of the exercise.",
    "They warned us ahead of time about the drill, the official said.",
    "The exercise was announced to neighbouring states in advance.",
    "Our counterparts were informed in advance through the hotline.",
    "Beijing notified Tokyo of the drills two days before they began.",
    "We had advance warning of the flights, the admiral said.",
    "The navy said it had given the required notice to shipping.",
    "The allies were told of the exercise well ahead of time.",
]
COOPERATION = [
    "The two militaries agreed to coordinate their operations in the region.",
    "Washington and Moscow signed a memorandum on flight safety.",
    "We are working closely with our partners in the coalition.",
    "The ministers discussed closer cooperation against the militants.",
    "Officers of both armies met to deconflict their flights.",
    "Ankara and Washington will conduct joint patrols along the border.",
    "There is no coordination with the Russian side, the spokesman said.",
    "The allies share intelligence on the militants' movements.",
    "Both navies held a joint exercise in the gulf.",
    "The partners pledged to deepen military cooperation.",
    "The two air forces keep a channel open to avoid incidents.",
    "France joined the coalition last month, the minister said.",
]
NEITHER = [
    "The budget for the new barracks was approved on Tuesday.",
    "Snow closed the airfield for most of the day.",
    "The museum will open a new exhibit on naval history.",
    "Recruiting numbers rose slightly this year.",
    "The general thanked the families of the soldiers.",
    "The minister will travel to the capital next week.",
    "Officials said the weather would improve by the weekend.",
    "The ceremony honoured veterans of the last war.",
    "A new commander took charge of the base on Monday.",
    "The press conference ended shortly after noon.",
    "Fuel prices at the base rose again this month.",
    "The academy graduated four hundred cadets.",
]
# not in the training documents: the rules have no word for it
UNSEEN = "Jets hammered the rebel camps again on Sunday, the army said."


def _gold_lines() -> list[str]:
    lines = []
    for d in range(6):
        sentences = []
        for topic, pool in (("strike", STRIKE), ("notification", NOTIFICATION), ("cooperation", COOPERATION), ("", NEITHER)):
            sentences += [(s, topic) for s in pool[2 * d : 2 * d + 2]]
        order = [sentences[i] for i in (0, 6, 2, 4, 1, 7, 3, 5)]
        text, claims = "", []
        for sentence, topic in order:
            if topic:
                claims.append({"start_char": len(text), "end_char": len(text) + len(sentence), "topic": topic,
                               "stance": "acknowledge", "speaker": "", "official": False, "attribution": "author"})
            text += sentence + "\n"
        lines.append(json.dumps({"doc_id": f"tiny-{d}", "date": "2020-01-01", "source": "tests", "text": text,
                                 "claims": claims}))
    return lines


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("gold") / "tiny.jsonl"
    path.write_text("\n".join(_gold_lines()) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def trained(nlp, gold_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("models") / "tiny.skops"
    result = train_detector([gold_file], out=out, folds=3, nlp=nlp)
    return result, out


@pytest.fixture(scope="module")
def with_detector(trained):
    """The pipeline with the tiny detector, at the thresholds calibrated in training (strikes only)."""
    _, path = trained
    return nlp_tools.load(detector=str(path))


def test_training_examples_are_segments_labelled_by_overlapping_gold_claims(nlp, gold_file):
    data = gold_segments([gold_file], SegmentFeatures(nlp), nlp.get_pipe("press_claims").structure_rules)
    assert len(data.records) == 48  # one segment per line, six documents of eight lines
    assert data.y.sum(axis=0).tolist() == [12, 12, 12]  # notification, strike, cooperation
    by_text = dict(zip((r["text"] for r in data.records), data.y.tolist(), strict=True))
    assert by_text[STRIKE[0]] == [0, 1, 0] and by_text[NEITHER[0]] == [0, 0, 0]
    # the lexicon cues come from the loaded topic lexicon, without parsing
    record = next(r for r in data.records if r["text"] == STRIKE[6])
    assert record["cues"]["lex:strike=strong"] == 1.0 and record["cues"]["reporting"] == 1.0
    assert data.files[0]["documents"] == 6 and data.files[0]["claims"] == 36 and "path" not in data.files[0]


def test_grouped_folds_keep_each_document_on_one_side(nlp, gold_file):
    data = gold_segments([gold_file], SegmentFeatures(nlp))
    folds = folds_of(data.groups, 3)
    assert len(folds) == 3
    tested = set()
    for train_idx, test_idx in folds:
        train_docs = {data.groups[i] for i in train_idx}
        test_docs = {data.groups[i] for i in test_idx}
        assert train_docs and test_docs and not train_docs & test_docs
        tested |= test_docs
    assert tested == set(data.groups)


def test_the_detector_is_a_multilabel_estimator_with_a_card(nlp, trained):
    result, path = trained
    model = load_model(path)
    assert model.task == "detector"
    records = SegmentFeatures(nlp).document(UNSEEN + "\n" + NEITHER[3]).records
    probs = model.estimator.predict_proba(records)
    assert probs.shape == (2, 3)
    assert probs[0, 1] > result.thresholds.propose["strike"] > probs[1, 1]
    assert model.estimator.predict_proba([UNSEEN]).shape == (1, 3)  # a plain string works too (no lexicon cues)
    assert list(result.thresholds.propose) == ["strike"]  # the shipped configuration proposes strikes only
    assert model.estimator.get_params()["classify__estimator__C"] == result.variant.C
    card = json.loads(path.with_name("tiny.card.json").read_text())
    assert card["detector"]["thresholds"] == result.thresholds.to_dict()
    assert card["cross_validation"]["folds"] == 3
    assert set(card["cross_validation"]["claims_rules_and_detector"]) == {"notification", "strike", "cooperation"}
    # the card names its data by kind and size, and holds no sentence of it
    text = path.with_name("tiny.card.md").read_text() + json.dumps(card)
    assert str(path.parent) not in text and "tiny.jsonl" not in text
    assert not any(s in text for s in STRIKE + NOTIFICATION + COOPERATION + NEITHER)


def test_it_proposes_a_claim_the_rules_miss_and_the_rules_decide_its_fields(nlp, with_detector):
    assert nlp(UNSEEN)._.claims == []
    (claim,) = with_detector(UNSEEN)._.claims
    assert (claim.topic, claim.detector, claim.stance) == ("strike", "model", "acknowledge")
    assert claim.trigger == "hammered"  # the sentence's main verb: no word of the strike lexicon here
    assert claim.cue == "said" and claim.attribution == "reported"
    denied = with_detector("Jets never hammered the rebel camps, the army said.")._.claims
    assert [(c.topic, c.detector, c.stance) for c in denied] == [("strike", "model", "deny")]


def test_a_dateline_the_parser_cut_off_gets_no_proposal(with_detector):
    # (the detector scores the line; the parser makes the dateline a sentence of its own)
    claims = with_detector("BEIRUT, May 2 (Levant Wire) - Jets hammered the rebel camps overnight, the army said.")._.claims
    assert [(c.topic, c.detector, c.sentence[:4]) for c in claims] == [("strike", "model", "Jets")]


def test_a_rules_claim_the_model_agrees_with_is_both_and_another_sense_is_not_proposed(with_detector):
    claims = with_detector("Coalition aircraft struck targets near the town, officials said.")._.claims
    assert [(c.topic, c.detector) for c in claims] == [("strike", "both")]
    # the lexicon reads "struck a deal" in another sense: the detector does not overrule it
    assert [c.topic for c in with_detector("The two firms struck a deal with the ministry, officials said.")._.claims
            if c.detector == "model"] == []


def test_fast_and_exact_paths_give_the_same_claims_with_a_detector(with_detector):
    gold = list(read_gold(SAMPLE / "gold.jsonl"))
    fast = predict_gold(with_detector, gold, fast=True)
    exact = predict_gold(with_detector, gold, fast=False)
    rows = lambda claims: [json.dumps(c.to_dict(), sort_keys=True, default=str) for c in claims]  # noqa: E731
    for g in gold:
        assert rows(fast[g.doc_id]) == rows(exact[g.doc_id]), g.doc_id
    assert any(c.detector == "model" for claims in exact.values() for c in claims)
    assert score(gold, fast).to_dict() == score(gold, exact).to_dict()


def test_the_detector_only_adds_and_rules_only_keeps_the_rules_claims(nlp, with_detector):
    text = "\n".join([NEITHER[0], UNSEEN, STRIKE[6], "We have no coordination with them, the spokesman said."])
    document = document_from_text(text, doc_id="d", kind="txt", meta={})
    (_, rules), = extract_claims(nlp, [document])
    (_, mixed), = extract_claims(with_detector, [document])
    assert {c.detector for c in rules} == {"rules"}
    assert [c.detector for c in mixed] == ["model", "both", "rules"]
    kept = [c for c in mixed if c.detector != "model"]
    for c in kept:
        c.detector = "rules"
    assert [c.to_dict() for c in kept] == [c.to_dict() for c in rules]


def test_the_extractor_version_holds_the_detectors_digest(nlp, with_detector, trained):
    _, path = trained
    version = with_detector.get_pipe("press_claims").version
    assert version == nlp.get_pipe("press_claims").version + "+det" + load_model(path).digest[:8]
    override = Detector(path, threshold=0.5)  # an overriding threshold is part of it too
    assert override.version.endswith("@0.5") and override.thresholds.propose == dict.fromkeys(TOPICS, 0.5)


def test_the_same_data_and_code_give_the_same_file(nlp, gold_file, trained, tmp_path):
    _, path = trained
    again = tmp_path / "tiny.skops"
    train_detector([gold_file], out=again, folds=3, nlp=nlp)
    assert again.read_bytes() == path.read_bytes()


def test_a_model_file_with_untrusted_types_or_of_another_task_is_refused(trained, tmp_path):
    import skops.io as sio
    from sklearn.preprocessing import FunctionTransformer

    result, path = trained
    bad = tmp_path / "evil.skops"
    payload = {"format": "nlp-tools-classifier", "format_version": 1, "task": "detector",
               "estimator": FunctionTransformer(func=print), "card": {}, "seen": []}
    sio.dump(payload, bad)
    with pytest.raises(UntrustedModelError, match="refused"):
        Detector(bad)
    stance = SAMPLE.parent.parent / "models" / "stance.skops"
    with pytest.raises(NlpToolsError, match="not a topic detector"):
        Detector(stance)
    reloaded = Detector(path)
    records = [{"text": UNSEEN, "cues": {"lex:none": 1.0}}]
    assert np.allclose(reloaded.model.estimator.predict_proba(records), result.estimator.predict_proba(records))


def test_cli_run_with_a_detector_and_rules_only(trained, tmp_path):
    import csv

    from typer.testing import CliRunner

    from nlp_tools.cli import app

    _, path = trained
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "report.txt").write_text("\n".join([NEITHER[1], UNSEEN, STRIKE[6]]) + "\n", encoding="utf-8")
    runner = CliRunner()
    got = {}
    for name, options in (("model", ["--detector", str(path)]),
                          ("rules", ["--rules-only"])):
        out = tmp_path / name
        result = runner.invoke(app, ["run", str(folder), "--out", str(out), "-q", *options])
        assert result.exit_code == 0, result.output
        with open(out / "claims.csv", encoding="utf-8", newline="") as fh:
            got[name] = [(row["topic"], row["detector"]) for row in csv.DictReader(fh)]
    assert got["model"] == [("strike", "model"), ("strike", "both")]
    assert got["rules"] == [("strike", "rules")]
    both = runner.invoke(app, ["evaluate", str(SAMPLE / "gold.jsonl"), "--rules-only", "--detector", str(path)])
    assert both.exit_code == 1 and "not both" in both.output
    missing = runner.invoke(app, ["evaluate", str(SAMPLE / "gold.jsonl"), "--detector", str(tmp_path / "none.skops")])
    assert missing.exit_code == 1 and "none.skops" in missing.output and "Traceback" not in missing.output


def test_without_the_shipped_detector_one_line_says_so(monkeypatch, capsys):
    from nlp_tools import pipeline

    monkeypatch.setattr(pipeline, "DEFAULT_DETECTOR", SAMPLE / "no-such-detector.skops")
    pipeline._say_no_detector.cache_clear()
    assert pipeline.resolve_detector(pipeline.PipelineConfig()) is None
    assert pipeline.resolve_detector(pipeline.PipelineConfig()) is None
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no-such-detector.skops" in err and "rules alone" in err
    assert pipeline.resolve_detector(pipeline.PipelineConfig(rules_only=True)) is None


def _sample_records(nlp) -> list:
    from nlp_tools.structure import analyse

    features = SegmentFeatures(nlp)
    records = []
    for path in sorted(SAMPLE.rglob("*.txt"))[:12]:
        text = path.read_text(encoding="utf-8")
        records += features.document(text, analyse(text)).records
    return records


def test_the_detector_read_as_arrays_scores_as_the_fitted_pipeline(nlp, trained):
    """`learn.compiled` reads the fitted arrays from the skops file and scores in numpy: the
    probabilities of the skops-built Pipeline, on real segments, for the tiny detector and the
    shipped one, without importing scikit-learn."""
    from nlp_tools.learn.compiled import LinearDetector, read_detector
    from nlp_tools.pipeline import DEFAULT_DETECTOR

    records = _sample_records(nlp) + [UNSEEN, {"text": "", "cues": {}}]
    assert len(records) > 100
    for path in [trained[1], *([DEFAULT_DETECTOR] if DEFAULT_DETECTOR.is_file() else [])]:
        compiled, built = read_detector(path), load_model(path)
        assert isinstance(compiled.estimator, LinearDetector)
        assert (compiled.task, compiled.card, compiled.digest) == (built.task, built.card, built.digest)
        expected = built.estimator.predict_proba(records)
        assert np.abs(compiled.estimator.predict_proba(records) - expected).max() < 1e-12
        assert expected[:, 1].max() > 0.5 > expected[:, 1].min()  # (segments of both kinds were scored)
    code = ("import sys\nfrom nlp_tools.learn.compiled import read_detector\n"
            f"m = read_detector({str(trained[1])!r})\nm.estimator.predict_proba(['Jets struck the depot.'])\n"
            "print('sklearn' in sys.modules, 'skops' in sys.modules)\n")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split() == [
        "False", "False"]


def test_a_detector_of_another_shape_is_built_by_skops(nlp, gold_file, tmp_path):
    # character n-grams are not read as arrays: the file loads through skops, and scores the same
    from nlp_tools.claims.detection import Detector
    from nlp_tools.learn.compiled import read_detector
    from nlp_tools.learn.detector import Variant

    path = tmp_path / "chars.skops"
    train_detector([gold_file], out=path, folds=3, nlp=nlp, variant=Variant(chars=True))
    assert read_detector(path) is None
    model = Detector(path).model
    assert model.estimator.predict_proba([UNSEEN]).shape == (1, 3)
    assert type(model).__name__ == "LoadedModel" and model.digest == load_model(path).digest


def test_a_proposed_claim_on_a_word_of_another_topics_claim_takes_no_stance_from_it(trained):
    """The detector proposes a strike in a sentence the rules read as cooperation only: anchored on
    that claim's verb, the strike is not denied by the cooperation's negation."""
    nlp = nlp_tools.load(detector=str(trained[1]), detector_threshold=0.0)  # (every topic proposed)
    claims = nlp('"We did not coordinate the targets with Israel," one of the officials said.')._.claims
    by_topic = {c.topic: c for c in claims}
    assert by_topic["cooperation"].stance == "deny" and by_topic["cooperation"].detector != "model"
    strike = by_topic["strike"]
    assert strike.detector == "model" and strike.trigger == "coordinate" and strike.stance == "acknowledge"
