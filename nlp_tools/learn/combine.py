"""The rules and a stance model together: the model speaks only where the rules found no cue.

The rules' stance is precise where they found a cue (a negation reaching the
trigger, a condition, an evasion frame): a model trained on a few hundred
claims seldom beats them there. Their weak side is the default: a claim with
no cue is an `acknowledge`, and some of those are denials, conditions or
evasions the rules' cues do not cover. `--stance-mode combine` lets the model
change exactly those claims, and only when it gives a non-acknowledge label a
probability above a threshold:

    rules' stance acknowledge, no cue, model's best label L != acknowledge, P(L) > threshold  ->  L
    anything else                                                                             ->  the rules' stance

The threshold is chosen when the model is trained (`choose_threshold`): out-of-
fold probabilities from a cross-validation grouped by document (sklearn
`GroupKFold`; claims of one document never sit on both sides of a split), the
rule above applied at each threshold of `GRID` to the claims the rules found,
and the threshold with the best accuracy + macro-F1 kept (ties: the higher, the
fewer changes). 1.0 means "never": no threshold did better than the rules.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
from sklearn.base import clone
from sklearn.model_selection import GroupKFold

ACKNOWLEDGE = "acknowledge"
MODES = ("replace", "combine")
GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.0)
# for a stance model whose card has no chosen threshold (trained before they were chosen):
# what the cross-validation picks for the default family on the largest labels measured
DEFAULT_THRESHOLD = 0.95


def open_to_model(rules_stance: str, cue: str) -> bool:
    """The rules decided by default (no cue): the only claims the model may relabel in `combine` mode."""
    return rules_stance == ACKNOWLEDGE and not cue


def combine_stance(rules_stance: str, cue: str, proba, classes, threshold: float) -> tuple[str, float] | None:
    """The model's (label, probability) where it may and does override the rules; None where the rules stand."""
    if not open_to_model(rules_stance, cue):
        return None
    best = int(np.argmax(proba))
    label, p = str(classes[best]), float(proba[best])
    if label == ACKNOWLEDGE or p <= threshold:
        return None
    return label, p


@dataclass
class ThresholdChoice:
    """The combine threshold chosen by document-grouped cross-validation, with the figures behind it."""

    threshold: float
    folds: int
    claims: int  # examples whose claim the rules found (those the combination applies to)
    rules: dict  # accuracy and macro-F1 of the rules alone on them
    grid: list[dict] = field(default_factory=list)  # per threshold: accuracy, macro-F1, changed

    def to_dict(self) -> dict:
        return {"threshold": self.threshold, "folds": self.folds, "claims": self.claims, "rules": self.rules,
                "grid": self.grid, "method": "GroupKFold by document, out-of-fold probabilities"}


def choose_threshold(estimator, X, y, groups, answers, folds: int = 5) -> ThresholdChoice | None:
    """Pick the combine threshold (see the module doc); None when the rules found none of the claims.

    `answers[i]` is the rules' (stance, cue) for example i, or None where they found no claim;
    `groups[i]` the document it comes from.
    """
    from .train import scores

    found = [i for i, a in enumerate(answers) if a is not None]
    n_groups = len(set(groups))
    if not found or n_groups < 2 or ACKNOWLEDGE not in set(y):
        return None
    k = min(folds, n_groups)
    y = np.asarray(y, dtype=object)
    classes = sorted(set(y.tolist()))
    proba = np.zeros((len(y), len(classes)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a label missing from a training fold
        for train_idx, test_idx in GroupKFold(n_splits=k).split(X, y, groups):
            model = clone(estimator).fit(X.iloc[train_idx], y[train_idx])
            columns = [classes.index(str(c)) for c in model.classes_]
            proba[np.ix_(test_idx, columns)] = model.predict_proba(X.iloc[test_idx])
    gold = [y[i] for i in found]
    labels = sorted(set(gold))
    rules_pred = [answers[i][0] for i in found]
    base = scores(gold, rules_pred, labels)
    grid, best = [], None
    for t in GRID:
        pred, changed = [], 0
        for i in found:
            stance, cue = answers[i]
            got = combine_stance(stance, cue, proba[i], classes, t)
            changed += got is not None
            pred.append(got[0] if got else stance)
        s = scores(gold, pred, labels)
        grid.append({"threshold": t, "accuracy": s.accuracy, "macro_f1": s.macro_f1, "changed": changed})
        if best is None or s.accuracy + s.macro_f1 >= best[0] - 1e-12:
            best = (s.accuracy + s.macro_f1, t)
    return ThresholdChoice(best[1], k, len(found), {"accuracy": base.accuracy, "macro_f1": base.macro_f1}, grid)
