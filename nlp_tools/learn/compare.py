"""Figures for choosing a model: families side by side, and a learning curve.

    python -m nlp_tools.learn.compare TRAIN TEST [--task stance] [--json FILE]

TRAIN and TEST are label files (any format train reads; gold JSONL for the
figures in the README). For each model family it prints the cross-validated
macro-F1 on TRAIN and the macro-F1 on TEST after training on all of TRAIN, on
every TEST example and on the examples whose claim the rules found (those the
hybrid pipeline would label), with the built-in rules on the same examples.
When TEST is a gold file it also scores the whole pipeline as the codebook defines
(stance macro-F1 over matched claims), rules alone and with the model.

The learning curve trains the default family on stratified random subsets of
TRAIN (five draws per size) and scores each on TEST, and, in-domain, on the
held-out fold of a 5-fold split of TRAIN; the rules' score on the same
examples is the line to pass.
"""

from __future__ import annotations

import argparse
import json
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import StratifiedKFold, train_test_split

from .estimators import DEFAULT_FAMILY, FAMILIES, make_estimator
from .labels import read_labels
from .train import _LazyPipeline, cross_validate, frame_of, rules_predictions, scores

CURVE_SIZES = (20, 40, 60, 80, 100, 120, 160, 200)


def compare(train_path, test_path, task: str = "stance", families=tuple(FAMILIES), sizes=CURVE_SIZES,
            repeats: int = 5, folds: int = 5, seed: int = 0, nlp=None) -> dict:
    holder = _LazyPipeline(nlp)
    train = read_labels(train_path, task, nlp=holder.get()).examples
    test = read_labels(test_path, task, nlp=holder.get()).examples
    Xt, yt = frame_of(train), np.array([e.label for e in train], dtype=object)
    Xd, yd = frame_of(test), [e.label for e in test]
    found = [i for i, e in enumerate(test) if e.rules is not None] if all(e.doc_id for e in test) else list(range(len(test)))
    use_topic = task != "topic"
    out: dict = {"train": str(train_path), "test": str(test_path), "task": task,
                 "train_labels": dict(Counter(yt.tolist())), "test_labels": dict(Counter(yd)), "families": {}}
    rules_train = rules_predictions(train, task, holder)
    rules_test = rules_predictions(test, task, holder)
    if rules_train and rules_test:
        rt = rules_test[0]
        out["rules"] = {
            "train": scores(yt.tolist(), rules_train[0]).macro_f1,
            "test": scores(yd, rt).to_dict(),
            "test_found": scores([yd[i] for i in found], [rt[i] for i in found]).to_dict(),
        }
    for family in families:
        estimator = make_estimator(family, use_topic=use_topic, random_state=seed)
        cv_runs = [cross_validate(estimator, Xt, yt, folds, s)[0] for s in (seed, seed + 1, seed + 2)]
        model = clone(estimator).fit(Xt, yt)
        pred = model.predict(Xd).tolist()
        out["families"][family] = {
            "description": FAMILIES[family],
            "cv_macro_f1": float(np.mean([c.pooled.macro_f1 for c in cv_runs])),
            "cv_macro_f1_sd": float(np.std([c.pooled.macro_f1 for c in cv_runs])),
            "test": scores(yd, pred).to_dict(),
            "test_found": scores([yd[i] for i in found], [pred[i] for i in found]).to_dict(),
        }
        if family == DEFAULT_FAMILY and all(e.doc_id for e in test):
            out["pipeline"] = _pipeline_scores(test_path, model, task, holder.get())
    out["curve"] = learning_curve(Xt, yt, Xd, yd, found, task, sizes, repeats, folds, seed)
    return out


def _pipeline_scores(gold_path, estimator, task: str, nlp) -> dict:
    """The codebook's stance metrics over matched claims: the rules, then the rules' claims labelled by the model."""
    from ..evaluate import predict_gold, read_gold, score
    from .classify import apply_model
    from .model_io import LoadedModel

    gold = list(read_gold(gold_path))
    predicted = predict_gold(nlp, gold)
    rules = score(gold, predicted)
    model = LoadedModel(Path("compare"), task, estimator)
    for claims in predicted.values():
        apply_model(model, claims)
    hybrid = score(gold, predicted)
    return {
        "matched": rules.matched,
        "rules": {"stance_macro_f1": rules.stance_macro_f1, "stance_accuracy": rules.stance_accuracy,
                  "per_class": rules.stance_per_class},
        "hybrid": {"stance_macro_f1": hybrid.stance_macro_f1, "stance_accuracy": hybrid.stance_accuracy,
                   "per_class": hybrid.stance_per_class},
    }


def learning_curve(Xt, yt, Xd, yd, found, task, sizes, repeats, folds, seed) -> list[dict]:
    rows = []
    n_all = len(yt)
    use_topic = task != "topic"
    base = make_estimator(DEFAULT_FAMILY, use_topic=use_topic, random_state=seed)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    splits = list(splitter.split(Xt, yt))
    for size in [s for s in sizes if s < n_all] + [n_all]:
        test_f1, found_f1, cv_f1 = [], [], []
        draws = 1 if size >= n_all else repeats
        for r in range(draws):
            idx = _subset(yt, size, seed + r)
            model = clone(base).fit(Xt.iloc[idx], yt[idx])
            pred = model.predict(Xd).tolist()
            test_f1.append(scores(yd, pred).macro_f1)
            found_f1.append(scores([yd[i] for i in found], [pred[i] for i in found]).macro_f1)
            # in-domain: the same number of labels from each training fold, scored on its held-out fold
            pooled = np.empty(n_all, dtype=object)
            for train_idx, test_idx in splits:
                k = min(size, len(train_idx))
                sub = train_idx[_subset(yt[train_idx], k, seed + r)]
                pooled[test_idx] = clone(base).fit(Xt.iloc[sub], yt[sub]).predict(Xt.iloc[test_idx])
            cv_f1.append(scores(yt.tolist(), pooled.tolist()).macro_f1)
        rows.append({
            "labels": size, "draws": draws,
            "test_macro_f1": float(np.mean(test_f1)), "test_macro_f1_sd": float(np.std(test_f1)),
            "test_found_macro_f1": float(np.mean(found_f1)),
            "cv_macro_f1": float(np.mean(cv_f1)),
        })
    return rows


def _subset(y: np.ndarray, size: int, seed: int) -> np.ndarray:
    """Indices of a stratified random subset of `size` examples (at least 2 of each label if possible)."""
    if size >= len(y):
        return np.arange(len(y))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            idx, _ = train_test_split(np.arange(len(y)), train_size=size, stratify=y, random_state=seed)
        except ValueError:
            idx, _ = train_test_split(np.arange(len(y)), train_size=size, random_state=seed)
    return np.sort(idx)


def format_comparison(result: dict) -> str:
    lines = [f"train {result['train']} {result['train_labels']}", f"test  {result['test']} {result['test_labels']}", ""]
    lines.append(f"{'':<10}{'CV macro-F1 (train)':>22}{'test macro-F1':>16}{'test acc':>10}{'found F1':>10}{'found acc':>10}")
    for family, r in result["families"].items():
        lines.append(f"{family:<10}{r['cv_macro_f1']:>15.3f} ±{r['cv_macro_f1_sd']:.3f}{r['test']['macro_f1']:>16.3f}"
                     f"{r['test']['accuracy']:>10.3f}{r['test_found']['macro_f1']:>10.3f}{r['test_found']['accuracy']:>10.3f}")
    if "rules" in result:
        r = result["rules"]
        lines.append(f"{'rules':<10}{r['train']:>15.3f}{'':7}{r['test']['macro_f1']:>16.3f}{r['test']['accuracy']:>10.3f}"
                     f"{r['test_found']['macro_f1']:>10.3f}{r['test_found']['accuracy']:>10.3f}")
    if "pipeline" in result:
        p = result["pipeline"]
        lines += ["", f"whole pipeline on the test gold ({p['matched']} matched claims, codebook metrics):",
                  f"  rules    stance macro-F1 {p['rules']['stance_macro_f1']:.3f}, accuracy {p['rules']['stance_accuracy']:.3f}",
                  f"  hybrid   stance macro-F1 {p['hybrid']['stance_macro_f1']:.3f}, accuracy {p['hybrid']['stance_accuracy']:.3f}"]
    lines += ["", f"learning curve ({DEFAULT_FAMILY}): labels, test macro-F1 (sd), test found-claims macro-F1, in-domain CV macro-F1"]
    for row in result["curve"]:
        lines.append(f"  {row['labels']:>5}  {row['test_macro_f1']:.3f} ({row['test_macro_f1_sd']:.3f})"
                     f"  {row['test_found_macro_f1']:.3f}  {row['cv_macro_f1']:.3f}")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("train")
    parser.add_argument("test")
    parser.add_argument("--task", default="stance")
    parser.add_argument("--families", nargs="+", default=list(FAMILIES), choices=list(FAMILIES))
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    result = compare(args.train, args.test, args.task, tuple(args.families), repeats=args.repeats)
    print(format_comparison(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
