"""Figures for the topic detector: variants, cross-validation, and the rules combined with it on test files.

    python -m nlp_tools.learn.detector_compare TRAIN.jsonl [MORE.jsonl | FOLDER ...] \\
        --test DEV.jsonl --test FRESH.jsonl [--variants] [--folds 5]

1. (`--variants`) each detector variant under document-grouped cross-validation
   on the training files: the best segment F1 per topic over the threshold
   grid, and the claim F1 of rules + detector at calibrated thresholds;
2. the kept variant: out-of-fold claim P/R/F1 per topic of the rules alone,
   the detector alone and each combination (union, lexical, veto; see
   `detector.calibrate`), thresholds calibrated on the same folds, and the
   configuration `nlp-tools train --task detector` ships (its combination,
   proposing the PROPOSED topics only);
3. the detector fitted on all training files, run through the real pipeline
   (`nlp-tools evaluate`, fast path) on each test file with the thresholds of
   each combination: P/R/F1 per topic, per file and pooled.

The test files are never trained or calibrated on.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np

from ..claims.detection import Thresholds
from ..claims.record import TOPICS
from .detector import (
    COMBINATIONS,
    DEFAULT,
    DEFAULT_COMBINATION,
    PROPOSED,
    Combination,
    Variant,
    best_f1,
    calibrate,
    gold_segments,
    make_detector,
    out_of_fold,
    prf,
    restrict,
    rules_pipeline,
    topic_counts,
)

VARIANTS = (
    DEFAULT,
    Variant(chars=True),
    Variant(lexicon=False),
    Variant(words=False, chars=True),
    Variant(C=1.0),
    Variant(C=16.0),
    Variant(balanced=False),
    Variant(min_df=1),
)


def alone(thresholds: Thresholds) -> Thresholds:
    """The detector alone: it proposes as before, and a rules claim stays only where it agrees."""
    return Thresholds(dict(thresholds.propose), dict(thresholds.propose_lexical),
                      {t: min(thresholds.propose[t], thresholds.propose_lexical[t]) for t in TOPICS})


def _row(name: str, counts: dict[str, tuple[int, int, int]]) -> str:
    cells = []
    for topic in TOPICS:
        m = prf(*counts[topic])
        cells.append(f"{m['precision']:>6.3f}{m['recall']:>6.3f}{m['f1']:>7.3f}")
    total = np.sum([counts[t] for t in TOPICS], axis=0)
    micro = prf(*(int(x) for x in total))
    return f"  {name:<24}" + "  ".join(cells) + f"  {micro['f1']:>7.3f}"


def _header() -> str:
    return f"  {'':<24}" + "  ".join(f"{t[:13]:>19}" for t in TOPICS) + f"  {'micro':>7}\n" + \
        f"  {'':<24}" + "  ".join(f"{'P':>6}{'R':>6}{'F1':>7}" for _ in TOPICS) + f"  {'F1':>7}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp_tools.learn.detector_compare", description=__doc__.split("\n")[0])
    parser.add_argument("train", nargs="+", help="training gold JSONL files or folders")
    parser.add_argument("--test", action="append", default=[], help="held-out gold JSONL file (repeatable)")
    parser.add_argument("--variants", action="store_true", help="also compare the detector variants (slow)")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)

    from ..evaluate import predict_gold, read_gold, score
    from ..learn.segments import SegmentFeatures

    nlp = rules_pipeline()
    component = nlp.get_pipe("press_claims")
    data = gold_segments(args.train, SegmentFeatures(nlp), component.structure_rules)
    rules = predict_gold(nlp, data.documents)
    print(f"training: {len(data.documents)} documents, {data.claims} claims, {len(data.records)} segments; "
          f"{args.folds}-fold cross-validation grouped by document")

    if args.variants:
        print("\nvariants: best segment F1 per topic over the threshold grid; claim F1 of rules + detector (union)")
        for variant in VARIANTS:
            probs = out_of_fold(make_detector(variant), data, args.folds)
            best = best_f1(data, probs)
            th = calibrate(data, probs, rules, "union")
            union = [prf(*topic_counts(data, Combination("", th).claims(data, probs, rules, t), t))["f1"] for t in TOPICS]
            print(f"  {variant.describe():<48}" + "  ".join(f"{t[:5]} {best[t][0]:.3f} / {u:.3f}"
                                                             for t, u in zip(TOPICS, union, strict=True)), flush=True)

    probs = out_of_fold(make_detector(DEFAULT), data, args.folds)
    calibrated = {name: calibrate(data, probs, rules, name) for name in COMBINATIONS}
    print(f"\ncross-validation ({DEFAULT.describe()}), claim by claim:")
    print(_header())
    print(_row("rules", {t: topic_counts(data, {d: [c for c in cs if c.topic == t] for d, cs in rules.items()}, t)
                         for t in TOPICS}))
    rows = [("detector", alone(calibrated["union"]))] + [(name, calibrated[name]) for name in COMBINATIONS]
    rows.append((f"{DEFAULT_COMBINATION}, {'+'.join(t[:5] for t in PROPOSED)} only",
                 restrict(calibrated[DEFAULT_COMBINATION], PROPOSED)))
    for name, th in rows:
        print(_row(name, {t: topic_counts(data, Combination(name, th).claims(data, probs, rules, t), t) for t in TOPICS}))
    for name in COMBINATIONS:
        print(f"  thresholds {name}: {_thresholds(calibrated[name])}")
    if not args.test:
        return 0

    from ..pipeline import PipelineConfig, load
    from .model_io import save_model

    model = make_detector(DEFAULT).fit(data.records, data.y)
    card = {"detector": {"topics": list(TOPICS), "thresholds": calibrated["union"].to_dict()}}
    with tempfile.TemporaryDirectory() as tmp:
        path = save_model(model, Path(tmp) / "detector.skops", "detector", card)
        with_detector = load(PipelineConfig(detector=str(path)))
    detector = with_detector.get_pipe("press_claims").detector
    tests = {Path(p).name: list(read_gold(p)) for p in args.test}
    print("\nrules + detector (trained on the training files only) through the pipeline, claim by claim:")
    pooled: dict[str, dict[str, np.ndarray]] = {}
    for name, th in [("rules", None), *rows]:
        for file, gold in tests.items():
            if th is None:
                predicted = predict_gold(nlp, gold)
            else:
                detector.thresholds = th
                predicted = predict_gold(with_detector, gold)
            ev = score(gold, predicted)
            counts = {t: np.array([ev.per_topic[t][k] for k in ("tp", "fp", "fn")]) for t in TOPICS}
            pooled.setdefault(name, {}).setdefault(file, counts)
    for file in [*tests, "pooled"]:
        print(f"\n{file}")
        print(_header())
        for name in pooled:
            counts = pooled[name]
            if file == "pooled":
                row = {t: tuple(int(x) for x in sum(counts[f][t] for f in tests)) for t in TOPICS}
            else:
                row = {t: tuple(int(x) for x in counts[file][t]) for t in TOPICS}
            print(_row(name, row))
    return 0


def _thresholds(th: Thresholds) -> str:
    return "; ".join(f"{t} {th.propose.get(t, 1.0):.3f}" + (f"/{th.propose_lexical[t]:.3f}" if th.propose_lexical[t] != th.propose[t] else "")
                     + (f" veto<{th.veto[t]:.3f}" if th.veto.get(t) else "") for t in TOPICS)


if __name__ == "__main__":
    sys.exit(main())
