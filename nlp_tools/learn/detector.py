"""The topic detector: a probability per topic for each raw-text segment, before parsing.

The rule lexicon misses claims phrased in words it does not list; a plain
sentence classifier finds many of them. The detector is one scikit-learn
`Pipeline` (fit / predict_proba / get_params; it clones and cross-validates):

    SegmentInputs -> ColumnTransformer( word 1-2-grams (TF-IDF),
                                        [character 2-5-grams within words (TF-IDF)],
                                        lexicon cues -> DictVectorizer )
                  -> OneVsRestClassifier(LogisticRegression)      # multi-label: one per topic

Its input is a segment record from `segments.SegmentFeatures` (the text and
its parse-free cues: which topic triggers the loaded lexicon sees, quotes, a
reporting verb, a negation, the lexicon's topics in the segment before); a
plain string works too, without the cues. `predict_proba` gives one column per
topic in the order of `claims.record.TOPICS`.

**A training example** is a segment of a gold document as the candidate
filter cuts it (the unit the detector scores at run time), leaving out those
the claim component never claims (headings, boilerplate, reporters'
questions, questions, fragments); its labels are the topics of the gold
claims whose span overlaps it.

**The variant kept** (`DEFAULT`), chosen by document-grouped 5-fold
cross-validation on train + the sample corpus (177 documents, 1,782 segments;
`python -m nlp_tools.learn.detector_compare TRAIN... --variants` prints the
table): word 1-2-grams with the lexicon cues, C = 4, balanced class weights,
terms seen in at least two segments. Without the lexicon cues the best segment
F1 drops from 0.74 to 0.65 (notification) and 0.86 to 0.79 (strike); C = 1
is worse, C = 16 the same; weights and min_df change little. Character
2-5-grams add at most 0.006 of segment F1 and 0.001 of claim F1 on strikes
(the topic the detector proposes), for a detector six times slower (91,000
against 720,000 words a second for the TF-IDF step): left out.

**With the rules**, measured through the real pipeline on the development and
fresh gold files with a detector trained on train + the sample corpus only:
proposing strikes raises strike F1 from 0.818 to 0.838 pooled (0.842 to
0.867 on dev, 0.797 to 0.815 on fresh); proposing notifications lowers it
(0.815 to 0.802 pooled), proposing cooperation lowers it more (0.744 to 0.680:
on dev precision falls from 0.92 to 0.53 on talks, agreements and commitments
the dev annotators did not count, while fresh gains 0.05), though the
training folds said all three gain. So the detector proposes strikes only
(`PROPOSED`), with the `union` combination: `lexical` (a higher threshold
where the lexicon has a trigger of the topic) and `veto` (dropping rules claims
the detector scores very low) are within one claim of it on strikes, in
cross-validation and on the test files, and `union` is the simplest.

**Thresholds** are calibrated on the out-of-fold probabilities of the same
cross-validation, against the rules' claims on the same documents, claim by
claim as `nlp-tools evaluate` scores them (see `calibrate`); they travel in the
model file (`claims.detection.Thresholds`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline

from ..claims.detection import TASK, Thresholds
from ..claims.record import TOPICS, Claim
from ..errors import NlpToolsError

DEFAULT_FOLDS = 5
GRID = tuple(round(x, 3) for x in np.arange(0.05, 0.951, 0.025))
VETO_GRID = (0.0, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2)
COMBINATIONS = ("union", "lexical", "veto")


@dataclass(frozen=True)
class Variant:
    """What the detector reads and how it is regularised."""

    words: bool = True
    chars: bool = False
    lexicon: bool = True
    C: float = 4.0
    balanced: bool = True
    min_df: int = 2

    def describe(self) -> str:
        parts = [p for p, on in (("words", self.words), ("chars", self.chars), ("lexicon", self.lexicon)) if on]
        return f"{'+'.join(parts)}, C={self.C:g}, {'balanced' if self.balanced else 'unweighted'}, min_df={self.min_df}"


DEFAULT = Variant()


class SegmentInputs(BaseEstimator, TransformerMixin):
    """Segment records (dicts with `text` and `cues`), strings or a frame -> a frame `text`, `cues` (stateless)."""

    def fit(self, X, y=None):
        return self

    def transform(self, X) -> pd.DataFrame:
        if isinstance(X, pd.DataFrame):
            texts = [str(t) for t in X["text"]]
            cues = [dict(c) if isinstance(c, Mapping) else {} for c in (X["cues"] if "cues" in X else [{}] * len(X))]
        else:
            if isinstance(X, str):
                raise ValueError("expected a list of segments, not one string")
            items = list(X)
            texts = [str(i.get("text", "")) if isinstance(i, Mapping) else str(i) for i in items]
            cues = [dict(i.get("cues") or {}) if isinstance(i, Mapping) else {} for i in items]
        return pd.DataFrame({"text": texts, "cues": [c or {"lex:unknown": 1.0} for c in cues]})

    def __sklearn_is_fitted__(self) -> bool:
        return True


def make_detector(variant: Variant = DEFAULT) -> Pipeline:
    """An unfitted detector Pipeline of the given variant."""
    parts = []
    if variant.words:
        parts.append(("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=variant.min_df,
                                               token_pattern=r"(?u)\b\w+\b"), "text"))
    if variant.chars:
        parts.append(("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                               min_df=variant.min_df, max_features=60_000), "text"))
    if variant.lexicon:
        parts.append(("lexicon", DictVectorizer(), "cues"))
    if not parts:
        raise NlpToolsError("a detector needs at least one kind of feature")
    classifier = LogisticRegression(C=variant.C, class_weight="balanced" if variant.balanced else None, max_iter=5000)
    return Pipeline([
        ("inputs", SegmentInputs()),
        ("features", ColumnTransformer(parts, sparse_threshold=1.0)),
        ("classify", OneVsRestClassifier(classifier)),
    ])


# -- training data ----------------------------------------------------------------------


@dataclass
class GoldSegments:
    """The claimable segments of gold documents, with their topic labels, as training examples."""

    records: list[dict] = field(default_factory=list)
    y: np.ndarray = field(default_factory=lambda: np.zeros((0, len(TOPICS)), dtype=int))
    groups: list[str] = field(default_factory=list)  # one per segment: its document
    lexical: np.ndarray = field(default_factory=lambda: np.zeros((0, len(TOPICS)), dtype=bool))
    spans: list[tuple[int, int]] = field(default_factory=list)
    documents: list = field(default_factory=list)  # GoldDocument (doc_id made unique over files)
    files: list[dict] = field(default_factory=list)  # kind and size of each file (no paths)

    @property
    def claims(self) -> int:
        return sum(len(d.claims) for d in self.documents)


def gold_files(paths: Iterable) -> list[Path]:
    """Gold JSONL files from files and folders (a folder's `*.jsonl`, not recursive, in name order)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.jsonl") if p.is_file())
            if not found:
                raise NlpToolsError(f"{path}: no gold .jsonl files in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise NlpToolsError(f"{path}: no such file or folder")
    return files


def gold_segments(paths: Iterable, features, structure_rules=None) -> GoldSegments:
    """Read gold files (codebook) into segment examples (see the module's docstring)."""
    from dataclasses import replace

    from ..evaluate import read_gold
    from ..structure import analyse

    data = GoldSegments()
    records, labels, lexical = [], [], []
    for number, path in enumerate(gold_files(paths), start=1):
        documents = claims = segments = 0
        for gold in read_gold(path):
            gold = replace(gold, doc_id=f"{number}:{gold.doc_id}",
                           claims=[replace(c, doc_id=f"{number}:{gold.doc_id}") for c in gold.claims])
            data.documents.append(gold)
            documents += 1
            claims += len(gold.claims)
            doc = features.document(gold.text, analyse(gold.text, gold.title, structure_rules))
            for seg, record, seen, ok in zip(doc.segments, doc.records, doc.lexicon, doc.claimable, strict=True):
                if not ok:
                    continue
                records.append(record)
                labels.append([int(any(c.topic == t and c.start_char < seg.end and c.end_char > seg.start
                                       for c in gold.claims)) for t in TOPICS])
                lexical.append([t in seen for t in TOPICS])
                data.groups.append(gold.doc_id)
                data.spans.append((seg.start, seg.end))
                segments += 1
        data.files.append({"kind": "gold JSONL (codebook)", "documents": documents, "claims": claims,
                           "segments": segments, "sha256": hashlib.sha256(path.read_bytes()).hexdigest()})
    data.records = records
    data.y = np.array(labels, dtype=int).reshape(-1, len(TOPICS))
    data.lexical = np.array(lexical, dtype=bool).reshape(-1, len(TOPICS))
    if not len(data.y):
        raise NlpToolsError("the gold files hold no segment that could be a claim")
    missing = [t for i, t in enumerate(TOPICS) if data.y[:, i].sum() < 2]
    if missing:
        raise NlpToolsError(f"the gold files hold fewer than two claims of {', '.join(missing)}: nothing to learn")
    return data


def folds_of(groups: list[str], folds: int = DEFAULT_FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    """Document-grouped folds (GroupKFold): no document has segments in both sides of a split."""
    # (training only: not imported when a detector is loaded)
    from sklearn.model_selection import GroupKFold

    k = min(folds, len(set(groups)))
    if k < 2:
        raise NlpToolsError("cross-validation needs at least two documents")
    X = np.zeros((len(groups), 1))
    return list(GroupKFold(n_splits=k).split(X, groups=groups))


def out_of_fold(estimator, data: GoldSegments, folds: int = DEFAULT_FOLDS) -> np.ndarray:
    """Probabilities of each segment from a model trained on the other folds' documents."""
    probs = np.zeros(data.y.shape)
    for train_idx, test_idx in folds_of(data.groups, folds):
        model = clone(estimator).fit([data.records[i] for i in train_idx], data.y[train_idx])
        probs[test_idx] = model.predict_proba([data.records[i] for i in test_idx])
    return probs


# -- combining with the rules, claim by claim ---------------------------------------------


@dataclass
class Combination:
    """Predicted claims of the rules and the detector together, per topic, as evaluate.score counts them."""

    name: str
    thresholds: Thresholds

    def claims(self, data: GoldSegments, probs: np.ndarray, rules: dict[str, list[Claim]], topic: str) -> dict[str, list]:
        """The claims of `topic` per document: the rules' (less the vetoed) and the detector's proposals
        where the rules have none (one claim spanning each proposing segment)."""
        t = TOPICS.index(topic)
        out: dict[str, list] = {}
        by_doc: dict[str, list[int]] = {}
        for i, doc_id in enumerate(data.groups):
            by_doc.setdefault(doc_id, []).append(i)
        for gold in data.documents:
            rows = by_doc.get(gold.doc_id, [])
            found = [c for c in rules.get(gold.doc_id, []) if c.topic == topic]
            kept = []
            for c in found:
                over = [probs[i, t] for i in rows if data.spans[i][0] < c.end_char and data.spans[i][1] > c.start_char]
                if not self.thresholds.vetoes(topic, max(over, default=1.0)):
                    kept.append(c)
            for i in rows:
                start, end = data.spans[i]
                if any(c.start_char < end and c.end_char > start for c in found):
                    continue
                if self.thresholds.proposes(topic, probs[i, t], bool(data.lexical[i, t])):
                    kept.append(Claim(gold.doc_id, "", start, end, topic))
            out[gold.doc_id] = kept
        return out


def topic_counts(data: GoldSegments, predicted: dict[str, list], topic: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of one topic, matched as `evaluate.match` does."""
    from ..evaluate import match

    tp = fp = fn = 0
    for gold in data.documents:
        pairs, misses, false_alarms = match([c for c in gold.claims if c.topic == topic], predicted.get(gold.doc_id, []))
        tp, fp, fn = tp + len(pairs), fp + len(false_alarms), fn + len(misses)
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def calibrate(data: GoldSegments, probs: np.ndarray, rules: dict[str, list[Claim]], combination: str = "union") -> Thresholds:
    """The thresholds that maximise each topic's claim F1 of rules + detector on out-of-fold probabilities.

    union: one threshold per topic; lexical: one where the lexicon has a
    trigger of the topic in the segment and one where it has none; veto: the
    union's threshold and the highest veto that does not lower F1.
    """
    if combination not in COMBINATIONS:
        raise NlpToolsError(f"unknown combination '{combination}' (choose {', '.join(COMBINATIONS)})")
    propose, lexical, veto = {}, {}, {}
    for topic in TOPICS:
        def f1(p: float, lex: float, v: float = 0.0, topic: str = topic) -> float:
            th = Thresholds({topic: p}, {topic: lex}, {topic: v})
            return prf(*topic_counts(data, Combination("", th).claims(data, probs, rules, topic), topic))["f1"]

        # ties go to the higher threshold (fewer proposals for the same F1)
        best = max(GRID, key=lambda p: (round(f1(p, p), 6), p))
        propose[topic], lexical[topic] = best, best
        if combination == "lexical":
            lexical[topic] = max(GRID, key=lambda q: (round(f1(best, q), 6), q))
            propose[topic] = max(GRID, key=lambda p: (round(f1(p, lexical[topic]), 6), p))
        if combination == "veto":
            base = round(f1(best, best), 6)
            veto[topic] = max((v for v in VETO_GRID if round(f1(best, best, v), 6) >= base), default=0.0)
    return Thresholds(propose, lexical, veto)


def segment_scores(data: GoldSegments, probs: np.ndarray, thresholds: Thresholds) -> dict[str, dict[str, float]]:
    """The detector alone, segment by segment, at the thresholds: P/R/F1 per topic."""
    out = {}
    for t, topic in enumerate(TOPICS):
        predicted = np.array([thresholds.proposes(topic, p, bool(lex)) for p, lex in zip(probs[:, t], data.lexical[:, t],
                                                                                           strict=True)])
        truth = data.y[:, t].astype(bool)
        out[topic] = prf(int((predicted & truth).sum()), int((predicted & ~truth).sum()), int((~predicted & truth).sum()))
        out[topic]["support"] = int(truth.sum())
    return out


def best_f1(data: GoldSegments, probs: np.ndarray) -> dict[str, tuple[float, float]]:
    """Per topic, the detector's best segment F1 over the threshold grid and where it is (for variants)."""
    out = {}
    for t, topic in enumerate(TOPICS):
        truth = data.y[:, t].astype(bool)
        best = (0.0, 0.5)
        for th in GRID:
            pred = probs[:, t] >= th
            f = prf(int((pred & truth).sum()), int((pred & ~truth).sum()), int((~pred & truth).sum()))["f1"]
            best = max(best, (f, th))
        out[topic] = best
    return out


# -- training -----------------------------------------------------------------------------

DEFAULT_COMBINATION = "union"
# The topics the detector proposes claims of (see the module's docstring for why only strikes);
# a topic left out keeps its calibrated threshold in the card, and `--detector-threshold`
# turns every topic on.
PROPOSED = ("strike",)


def restrict(thresholds: Thresholds, topics: Iterable[str]) -> Thresholds:
    """The thresholds with proposals only for `topics` (vetoes likewise)."""
    keep = set(topics)
    return Thresholds({t: v for t, v in thresholds.propose.items() if t in keep},
                      {t: v for t, v in thresholds.propose_lexical.items() if t in keep},
                      {t: v for t, v in thresholds.veto.items() if t in keep})


@dataclass
class DetectorResult:
    """A fitted detector, its calibrated thresholds and its cross-validation."""

    estimator: Pipeline
    thresholds: Thresholds  # as used: proposals for the PROPOSED topics only
    calibrated: Thresholds  # for every topic
    combination: str
    variant: Variant
    data: GoldSegments
    cv: dict
    card: dict = field(default_factory=dict)
    model_path: Path | None = None
    card_paths: list[Path] = field(default_factory=list)


def rules_pipeline(nlp=None):
    """The rules without a detector: the lexicon the features read, and the claims calibration needs."""
    if nlp is None:
        from ..pipeline import PipelineConfig, load

        return load(PipelineConfig(rules_only=True))
    if getattr(nlp.get_pipe("press_claims"), "detector", None) is not None:
        raise NlpToolsError("training a detector needs the rules alone: load the pipeline with rules_only=True")
    return nlp


def cross_validation(data: GoldSegments, probs: np.ndarray, rules: dict[str, list[Claim]], thresholds: Thresholds,
                     folds: int) -> dict:
    """What the card reports: the detector alone segment by segment, and the rules alone and
    rules + detector claim by claim, on out-of-fold probabilities."""
    combined, alone = {}, {}
    for topic in TOPICS:
        alone[topic] = prf(*topic_counts(data, {d: [c for c in cs if c.topic == topic] for d, cs in rules.items()}, topic))
        combined[topic] = prf(*topic_counts(data, Combination("", thresholds).claims(data, probs, rules, topic), topic))
    return {
        "folds": min(folds, len(set(data.groups))),
        "grouped_by": "GroupKFold, groups = documents",
        "documents": len(data.documents),
        "segments": len(data.records),
        "segments_detector": segment_scores(data, probs, thresholds),
        "claims_rules": alone,
        "claims_rules_and_detector": combined,
    }


def train_detector(paths, out: str | Path | None = None, folds: int = DEFAULT_FOLDS, variant: Variant = DEFAULT,
                   combination: str = DEFAULT_COMBINATION, propose: Iterable[str] = PROPOSED, nlp=None) -> DetectorResult:
    """Train the detector on gold files (and folders of them), calibrate it, save it with its card.

    `propose`: the topics whose claims the detector may add (the others get no threshold)."""
    from ..evaluate import predict_gold
    from ..learn.segments import SegmentFeatures
    from .card import build_detector_card, write_card
    from .model_io import save_model

    if folds < 2:
        raise NlpToolsError("--folds must be at least 2")
    nlp = rules_pipeline(nlp)
    component = nlp.get_pipe("press_claims")
    data = gold_segments(paths, SegmentFeatures(nlp), component.structure_rules)
    estimator = make_detector(variant)
    probs = out_of_fold(estimator, data, folds)
    rules = predict_gold(nlp, data.documents)
    propose = tuple(propose)
    unknown = [t for t in propose if t not in TOPICS]
    if unknown:
        raise NlpToolsError(f"unknown topic(s) {', '.join(unknown)} (choose among {', '.join(TOPICS)})")
    calibrated = calibrate(data, probs, rules, combination)
    thresholds = restrict(calibrated, propose)
    cv = cross_validation(data, probs, rules, calibrated, folds)
    estimator.fit(data.records, data.y)
    result = DetectorResult(estimator, thresholds, calibrated, combination, variant, data, cv)
    result.card = build_detector_card(result, out=out, rules_version=component.version)
    if out is not None:
        result.model_path = save_model(estimator, out, TASK, result.card)
        result.card_paths = write_card(result.card, out)
    return result


def format_detector_report(result: DetectorResult) -> str:
    """The training summary the command line prints."""
    data, cv = result.data, result.cv
    lines = [f"read {f['documents']} gold documents, {f['claims']} claims, {f['segments']} segments (file {i})"
             for i, f in enumerate(data.files, start=1)]
    lines.append(f"model               topic detector: {result.variant.describe()}")
    lines.append(f"{cv['folds']}-fold cross-validation grouped by document, {cv['segments']} segments of "
                 f"{cv['documents']} documents; thresholds calibrated for '{result.combination}' "
                 "(no lexicon trigger / a lexicon trigger of the topic)")
    lines.append(f"  {'topic':<14}{'thresholds':>12}   {'detector alone (segments)':<27}{'rules (claims)':<24}"
                 "rules + detector (claims)")
    lines.append(f"  {'':<14}{'':>12}   {'P':>6}{'R':>7}{'F1':>7}{'n':>6}  {'P':>7}{'R':>7}{'F1':>7}   {'P':>7}{'R':>7}{'F1':>7}")
    for topic in TOPICS:
        s, r, c = cv["segments_detector"][topic], cv["claims_rules"][topic], cv["claims_rules_and_detector"][topic]
        th = f"{result.calibrated.propose[topic]:.2f}/{result.calibrated.propose_lexical[topic]:.2f}"
        lines.append(f"  {topic:<14}{th:>12}   {s['precision']:>6.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['support']:>6}  "
                     f"{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}   "
                     f"{c['precision']:>7.3f}{c['recall']:>7.3f}{c['f1']:>7.3f}"
                     + ("" if topic in result.thresholds.propose else "   (not proposed: the rules alone)"))
    if result.model_path:
        size = result.model_path.stat().st_size
        lines.append(f"wrote               {result.model_path} ({size / 1024:.0f} KB), "
                     + ", ".join(str(p) for p in result.card_paths))
    return "\n".join(lines)
