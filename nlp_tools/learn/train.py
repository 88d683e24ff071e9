"""Training: read labels, cross-validate, compare with the rules, fit, save with a card.

`train_classifier` is what `nlp-tools train` and `nlp_tools.train()` run:

1. read the label files (labels.py); rows that cannot be used are listed;
2. leave out labels with fewer than two examples (nothing can be learned or
   tested from one), and report labels with fewer examples than folds;
3. stratified k-fold cross-validation of the chosen family: macro-F1 of the
   pooled out-of-fold predictions (and per fold), per-class precision/recall;
4. the built-in rules on the same examples, scored the same way (stance and
   topic tasks: the rules have no opinion on a task they do not know); for
   stance, the threshold of the rules + model combination (combine.py), chosen
   by a cross-validation grouped by document;
5. fit on everything, optionally score on a held-out label file, and save the
   model (skops) with its card next to it.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold

from ..errors import NlpToolsError
from .card import build_card, write_card
from .combine import ThresholdChoice, choose_threshold
from .estimators import DEFAULT_FAMILY, FAMILIES, make_estimator
from .labels import Example, LabelProblem, LabelSet, read_labels
from .model_io import output_column, save_model, text_digest

MIN_EXAMPLES = 2
DEFAULT_FOLDS = 5
_TASK = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


@dataclass
class Scores:
    """Predictions against labels: macro-F1 over the labels present, accuracy, per class."""

    n: int
    macro_f1: float
    accuracy: float
    per_class: dict[str, dict[str, float]]

    def to_dict(self) -> dict:
        return {"n": self.n, "macro_f1": self.macro_f1, "accuracy": self.accuracy, "per_class": self.per_class}


@dataclass
class CrossValidation:
    folds: int
    pooled: Scores  # out-of-fold predictions of all examples together
    fold_macro_f1: list[float]

    def to_dict(self) -> dict:
        return {
            "folds": self.folds,
            "macro_f1": self.pooled.macro_f1,
            "macro_f1_fold_mean": float(np.mean(self.fold_macro_f1)),
            "macro_f1_fold_sd": float(np.std(self.fold_macro_f1)),
            "accuracy": self.pooled.accuracy,
            "per_class": self.pooled.per_class,
        }


@dataclass
class RulesBaseline:
    scores: Scores
    found: int  # examples on which the rules found a claim (the others count as the rules' default)

    def to_dict(self) -> dict:
        return {**self.scores.to_dict(), "found": self.found}


@dataclass
class TrainResult:
    estimator: object
    task: str
    family: str
    labels: LabelSet
    used: list[Example]
    cv: CrossValidation | None
    rules: RulesBaseline | None
    test: dict | None = None
    notes: list[str] = field(default_factory=list)
    combine: ThresholdChoice | None = None  # stance: the threshold of `--stance-mode combine` (learn.combine)
    card: dict = field(default_factory=dict)
    model_path: Path | None = None
    card_paths: list[Path] = field(default_factory=list)

    @property
    def problems(self) -> list[LabelProblem]:
        return self.labels.problems


def train_classifier(
    labels,
    task: str = "stance",
    out: str | Path | None = None,
    family: str = DEFAULT_FAMILY,
    folds: int = DEFAULT_FOLDS,
    fmt: str | None = None,
    text_column: str = "text",
    label_column: str | None = None,
    spacy_model: str | None = None,
    test=None,
    seed: int = 0,
    compare_rules: bool = True,
    nlp=None,
) -> TrainResult:
    """Train a classifier for `task` on label files (or a LabelSet / list of Examples)."""
    if not _TASK.match(task or ""):
        raise NlpToolsError(f"task '{task}': use a lower-case name of letters, digits and _ (it becomes a column)")
    if family not in FAMILIES:
        raise NlpToolsError(f"unknown model family '{family}' (choose {', '.join(FAMILIES)})")
    if folds < 2:
        raise NlpToolsError("--folds must be at least 2")
    nlp_holder = _LazyPipeline(nlp)
    label_set = _as_label_set(labels, task, fmt, text_column, label_column, nlp_holder)
    used, notes = _usable(label_set.examples)
    counts = Counter(e.label for e in used)
    if len(counts) < 2:
        raise NlpToolsError(
            f"need at least two labels with {MIN_EXAMPLES} or more examples each; found {dict(counts) or 'none'}"
            + (f" ({len(label_set.problems)} rows skipped)" if label_set.problems else "")
        )
    X, y = frame_of(used), np.array([e.label for e in used], dtype=object)
    estimator = make_estimator(family, spacy_model=spacy_model, use_topic=task != "topic", random_state=seed)
    cv, cv_notes = cross_validate(estimator, X, y, folds, seed)
    notes.extend(cv_notes)
    answers = rules_answers(used, task, nlp_holder) if compare_rules else None
    rules = rules_baseline(used, task, nlp_holder, answers) if answers is not None else None
    combine = None
    if task == "stance" and answers is not None:
        groups = [e.doc_id or f"{e.source}:{e.line}" for e in used]
        combine = choose_threshold(estimator, X, y, groups, answers, folds)
    if rules is None and compare_rules and task not in ("stance", "topic"):
        notes.append(f"no built-in rules for the task '{task}': nothing to compare with")
    estimator.fit(X, y)
    held_out = None
    if test is not None:
        test_set = _as_label_set(test, task, None, text_column, label_column, nlp_holder)
        held_out = evaluate_on(estimator, test_set, task, nlp_holder if compare_rules else None)
    result = TrainResult(estimator, task, family, label_set, used, cv, rules, held_out, notes, combine=combine)
    rules_version = None
    if nlp_holder.loaded is not None:
        from ..runner import extractor_version

        rules_version = extractor_version(nlp_holder.loaded)
    result.card = build_card(result, spacy_model=spacy_model, out=out, rules_version=rules_version)
    if out is not None:
        out = Path(out)
        result.model_path = save_model(estimator, out, task, result.card, {text_digest(e.text) for e in used})
        result.card_paths = write_card(result.card, out)
    return result


class _LazyPipeline:
    """The rules pipeline (`nlp_tools.load()`), loaded the first time it is needed."""

    def __init__(self, nlp=None):
        self._nlp = nlp

    def get(self):
        if self._nlp is None:
            from ..pipeline import load

            self._nlp = load()
        return self._nlp

    @property
    def loaded(self):
        return self._nlp


def _as_label_set(labels, task, fmt, text_column, label_column, nlp_holder: _LazyPipeline) -> LabelSet:
    if isinstance(labels, LabelSet):
        return labels
    if isinstance(labels, (list, tuple)) and labels and all(isinstance(e, Example) for e in labels):
        return LabelSet(examples=list(labels))
    paths = [labels] if isinstance(labels, (str, Path)) else list(labels)
    needs_pipeline = any(
        (fmt or _guess(Path(p))) == "gold" for p in paths if Path(p).is_file()
    )
    return read_labels(paths, task, fmt, text_column, label_column, nlp_holder.get() if needs_pipeline else None)


def _guess(path: Path) -> str:
    from .labels import detect_format

    try:
        return detect_format(path)
    except NlpToolsError:
        return ""


def _usable(examples: list[Example]) -> tuple[list[Example], list[str]]:
    counts = Counter(e.label for e in examples)
    rare = sorted(label for label, n in counts.items() if n < MIN_EXAMPLES)
    notes = [
        f"label '{label}' has {counts[label]} example: too few to learn or test; left out (label at least {MIN_EXAMPLES})"
        for label in rare
    ]
    return [e for e in examples if e.label not in rare], notes


def frame_of(examples: list[Example]) -> pd.DataFrame:
    return pd.DataFrame(
        {"text": [e.text for e in examples], "topic": [e.topic for e in examples], "trigger": [e.trigger for e in examples]}
    )


def scores(y_true, y_pred, labels: list[str] | None = None) -> Scores:
    """Macro-F1 over the labels present in `y_true` (as evaluate.py does for stance)."""
    labels = labels or sorted(set(y_true))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    per = {
        lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
        for i, lab in enumerate(labels)
    }
    macro = float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0))
    return Scores(len(y_true), macro, float(accuracy_score(y_true, y_pred)), per)


def cross_validate(estimator, X: pd.DataFrame, y: np.ndarray, folds: int = DEFAULT_FOLDS, seed: int = 0):
    """Stratified k-fold CV; returns (CrossValidation, notes). Rare labels are reported, not fatal."""
    counts = Counter(y.tolist())
    k = max(2, min(folds, max(counts.values()), len(y) // 2 if len(y) >= 4 else 2))
    notes = []
    if k < folds:
        notes.append(f"{k} folds instead of {folds}: no label has {folds} examples")
    for label, n in sorted(counts.items()):
        if n < k:
            notes.append(
                f"label '{label}' has {n} examples for {k} folds: it is in {n} test folds only, its scores are rough"
            )
    splitter = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    pooled = np.empty(len(y), dtype=object)
    fold_f1 = []
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The least populated class")
        for train_idx, test_idx in splitter.split(X, y):
            model = clone(estimator).fit(X.iloc[train_idx], y[train_idx])
            pred = model.predict(X.iloc[test_idx])
            pooled[test_idx] = pred
            fold_labels = sorted(set(y[test_idx]))
            fold_f1.append(float(f1_score(y[test_idx], pred, labels=fold_labels, average="macro", zero_division=0)))
    labels = sorted(counts)
    return CrossValidation(k, scores(y.tolist(), pooled.tolist(), labels), fold_f1), notes


def rules_answers(examples: list[Example], task: str, nlp_holder: _LazyPipeline) -> list[tuple[str, str] | None] | None:
    """What the built-in rules say about each example: (stance or topic, stance cue), None where they
    found no claim; None for tasks the rules do not know.

    Gold-file examples carry the rules' answer from reading the whole document;
    other examples are run through the pipeline one sentence at a time, taking
    the claim of the example's topic (and trigger) when the rules find several.
    """
    if task not in ("stance", "topic"):
        return None
    todo = sorted({e.text for e in examples if e.rules is None and not e.doc_id})
    found_claims: dict[str, list] = {}
    if todo:
        nlp = nlp_holder.get()
        for text, doc in zip(todo, nlp.pipe(todo, batch_size=32), strict=True):
            found_claims[text] = list(doc._.claims or [])
    answers: list[tuple[str, str] | None] = []
    for e in examples:
        if e.rules is not None:
            answers.append((e.rules, e.rules_cue))
            continue
        claims = found_claims.get(e.text, [])
        if e.topic:
            claims = [c for c in claims if c.topic == e.topic] or []
        if e.trigger:
            claims = [c for c in claims if c.trigger.lower() == e.trigger.lower()] or claims
        if claims:
            c = claims[0]
            answers.append((c.stance, c.stance_cue) if task == "stance" else (c.topic, ""))
        else:
            answers.append(None)
    return answers


def rules_predictions(examples: list[Example], task: str, nlp_holder: _LazyPipeline, answers=None) -> tuple[list[str], int] | None:
    """The rules' label of each example and how many they found (see rules_answers). Where the
    rules find no claim, they count with their default (`acknowledge` for stance, `none` for topic)."""
    answers = rules_answers(examples, task, nlp_holder) if answers is None else answers
    if answers is None:
        return None
    default = "acknowledge" if task == "stance" else "none"
    return [a[0] if a else default for a in answers], sum(a is not None for a in answers)


def rules_baseline(examples: list[Example], task: str, nlp_holder: _LazyPipeline, answers=None) -> RulesBaseline | None:
    got = rules_predictions(examples, task, nlp_holder, answers)
    if got is None:
        return None
    predictions, found = got
    y = [e.label for e in examples]
    return RulesBaseline(scores(y, predictions, sorted(set(y))), found)


def evaluate_on(estimator, label_set: LabelSet, task: str, nlp_holder: _LazyPipeline | None = None) -> dict:
    """The fitted model (and the rules) on a held-out label set."""
    examples = [e for e in label_set.examples if e.label in set(estimator.classes_)]
    if not examples:
        raise NlpToolsError("the held-out labels share no label with the training labels")
    y = [e.label for e in examples]
    labels = sorted(set(y))
    out = {
        "files": label_set.files,
        "skipped_rows": len(label_set.problems),
        "unknown_labels": len(label_set.examples) - len(examples),
        "model": scores(y, estimator.predict(frame_of(examples)).tolist(), labels).to_dict(),
    }
    if nlp_holder is not None:
        got = rules_predictions(examples, task, nlp_holder)
        if got is not None:
            out["rules"] = {**scores(y, got[0], labels).to_dict(), "found": got[1]}
    return out


def format_report(result: TrainResult) -> str:
    """The training summary the command line prints."""
    ls = result.labels
    lines = []
    for f in ls.files:
        skipped = f"{f['skipped']} row{'' if f['skipped'] == 1 else 's'} skipped"
        lines.append(f"read {f['examples']} labelled sentences from {f['path']} ({f['format']}), {skipped}")
    counts = Counter(e.label for e in result.used)
    lines.append("labels              " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    lines.extend(f"note                {n}" for n in result.notes)
    cv = result.cv
    if cv is not None:
        lines.append(f"model               {result.family}: {FAMILIES[result.family]}")
        lines.append(f"{cv.folds}-fold stratified cross-validation, {cv.pooled.n} examples")
        rules = result.rules.scores.per_class if result.rules else {}
        head = f"  {'label':<16}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}"
        lines.append(head + (f"   rules{'P':>6}{'R':>7}{'F1':>7}" if rules else ""))
        for label, m in cv.pooled.per_class.items():
            row = f"  {label[:16]:<16}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['support']:>6}"
            if rules:
                r = rules.get(label, {})
                row += f"   {'':5}{r.get('precision', 0):>6.3f}{r.get('recall', 0):>7.3f}{r.get('f1', 0):>7.3f}"
            lines.append(row)
        sd = np.std(cv.fold_macro_f1)
        lines.append(f"macro-F1            model {cv.pooled.macro_f1:.3f} (folds {np.mean(cv.fold_macro_f1):.3f} ± {sd:.3f}), "
                     f"accuracy {cv.pooled.accuracy:.3f}")
        if result.rules:
            r = result.rules
            lines.append(f"                    rules {r.scores.macro_f1:.3f}, accuracy {r.scores.accuracy:.3f} "
                         f"(the rules found {r.found} of {r.scores.n} claims; the others count as their default)")
    if result.combine:
        c = result.combine
        chosen = next(g for g in c.grid if g["threshold"] == c.threshold)
        lines.append(f"combine             threshold {c.threshold:g} (--stance-mode combine): accuracy {chosen['accuracy']:.3f}, "
                     f"macro-F1 {chosen['macro_f1']:.3f}, {chosen['changed']} changed; rules {c.rules['accuracy']:.3f}, "
                     f"{c.rules['macro_f1']:.3f} ({c.claims} claims the rules found, {c.folds}-fold CV grouped by document)")
    if result.test:
        t = result.test
        lines.append(f"held-out            model macro-F1 {t['model']['macro_f1']:.3f} on {t['model']['n']} examples"
                     + (f", rules {t['rules']['macro_f1']:.3f}" if "rules" in t else ""))
    if result.model_path:
        size = result.model_path.stat().st_size
        lines.append(f"wrote               {result.model_path} ({size / 1024:.0f} KB), "
                     + ", ".join(str(p) for p in result.card_paths))
        lines.append(f"output column       {output_column(result.task)}"
                     + (" (replaces the rules' stance)" if result.task == "stance" else ""))
    return "\n".join(lines)
