"""`evaluate` on the sample gold file, with floors that catch regressions."""

from nlp_tools.claims import Claim
from nlp_tools.evaluate import GoldClaim, match, read_gold, score, speaker_match

from .conftest import SAMPLE


def test_sample_gold_floors(nlp):
    from nlp_tools.evaluate import evaluate

    ev = evaluate(SAMPLE / "gold.jsonl", nlp=nlp)
    assert ev.documents == 44 and ev.gold_claims >= 200
    # the targets of the project's quality issue, held on the sample as a regression floor
    for topic in ("notification", "strike", "cooperation"):
        assert ev.per_topic[topic]["f1"] >= 0.85, (topic, ev.per_topic[topic])
    assert ev.stance_accuracy >= 0.90
    assert ev.stance_macro_f1 >= 0.75
    assert ev.speaker_accuracy >= 0.90
    assert ev.official_accuracy >= 0.95


def _gold(topic, start, end, stance="acknowledge", speaker="Peter Cook"):
    return GoldClaim("d", start, end, topic, stance, False, speaker, "", True, "transcript", "", "")


def _pred(topic, start, end, stance="acknowledge", speaker="Cook"):
    return Claim(doc_id="d", sentence="", start_char=start, end_char=end, topic=topic, stance=stance, speaker=speaker)


def test_matching_is_one_to_one_by_topic_and_overlap():
    gold = [_gold("strike", 10, 20), _gold("cooperation", 10, 20), _gold("strike", 50, 60)]
    preds = [_pred("strike", 0, 30), _pred("strike", 5, 25), _pred("notification", 10, 20)]
    pairs, misses, false_alarms = match(gold, preds)
    assert len(pairs) == 1 and pairs[0].pred.end_char == 30 or pairs[0].pred.end_char == 25
    assert {(m.topic, m.start_char) for m in misses} == {("cooperation", 10), ("strike", 50)}
    assert len(false_alarms) == 2


def test_speaker_match_counts_surnames():
    assert speaker_match("Peter Cook", "Cook")
    assert speaker_match("peter cook", "Peter Cook")
    assert speaker_match("", "")
    assert not speaker_match("Peter Cook", "")
    assert not speaker_match("John Kirby", "Cook")


def test_scores_by_hand(tmp_path):
    import json

    path = tmp_path / "g.jsonl"
    text = "There has been no coordination. The strikes continued.\r\nWe were not informed."
    claims = [
        {"start_char": 0, "end_char": 30, "topic": "cooperation", "stance": "deny", "speaker": "", "official": False},
        {"start_char": 32, "end_char": 54, "topic": "strike", "stance": "acknowledge", "speaker": "", "official": False},
        {"start_char": 56, "end_char": 77, "topic": "notification", "stance": "deny", "speaker": "", "official": False},
    ]
    path.write_text(json.dumps({"doc_id": "d", "text": text, "claims": claims}) + "\n")
    (gold,) = list(read_gold(path))
    assert gold.text[gold.claims[2].start_char : gold.claims[2].end_char] == "We were not informed."
    preds = {"d": [
        _pred("cooperation", 0, 31, stance="acknowledge", speaker=""),
        _pred("notification", 55, 76, stance="deny", speaker=""),
        _pred("strike", 200, 210),
    ]}
    ev = score([gold], preds)
    assert ev.per_topic["cooperation"]["f1"] == 1.0
    assert ev.per_topic["strike"]["precision"] == 0.0 and ev.per_topic["strike"]["recall"] == 0.0
    assert ev.stance_accuracy == 0.5
    assert ev.stance_macro_f1 == 2 / 3  # only deny is in the gold pairs: P 1/1, R 1/2 -> F1 2/3
    assert ev.speaker_accuracy == 1.0
