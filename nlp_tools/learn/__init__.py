"""Learning from researchers' labels: the scikit-learn side of nlp-tools.

One module per concern:

    labels.py      readers of CSV, gold JSONL, doccano JSONL and Label Studio JSON -> Example records
    features.py    ClaimInputs (anything claim-like -> a frame) and ParseCues (spaCy-parse cues)
    estimators.py  the model families, each one sklearn Pipeline
    train.py       cross-validation, the rules on the same data, fitting (train_classifier)
    card.py        the model card next to the model
    model_io.py    skops save/load with an explicit list of trusted types
    classify.py    the `claim_classifier` spaCy component: a model labels the rules' claims
    combine.py     the rules and a stance model together (`--stance-mode combine`) and its threshold
    suggest.py     the claims a model is least sure about, for labelling next
    compare.py     model families and a learning curve on a train and a test file (figures)

    result = train_classifier("labels.csv", task="stance", out="models/mine.skops")
    result.estimator.predict(["We were not informed in advance."])
"""

from __future__ import annotations

import importlib

# The names below load their module on first use (PEP 562): loading a model (`model_io`, the
# topic detector at run time) then imports only the scikit-learn parts the model is made of,
# not those of training (ensembles, metrics, model selection), which cost a second of start-up.
_WHERE = {
    "COMPONENT": "classify", "ClaimClassifier": "classify", "add_classifiers": "classify", "apply_model": "classify",
    "DEFAULT_FAMILY": "estimators", "FAMILIES": "estimators", "make_estimator": "estimators",
    "ClaimInputs": "features", "ParseCues": "features",
    "Example": "labels", "LabelProblem": "labels", "LabelSet": "labels", "read_labels": "labels",
    "TRUSTED_TYPES": "model_io", "LoadedModel": "model_io", "load_model": "model_io", "output_column": "model_io",
    "save_model": "model_io",
    "TrainResult": "train", "format_report": "train", "train_classifier": "train",
}


# (`suggest` is both a module and its function: imported at once, so that the name is always the function)
from .suggest import suggest, write_suggestions  # noqa: E402


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = [
    "COMPONENT",
    "ClaimClassifier",
    "ClaimInputs",
    "DEFAULT_FAMILY",
    "Example",
    "FAMILIES",
    "LabelProblem",
    "LabelSet",
    "LoadedModel",
    "ParseCues",
    "TRUSTED_TYPES",
    "TrainResult",
    "add_classifiers",
    "apply_model",
    "format_report",
    "load_model",
    "make_estimator",
    "output_column",
    "read_labels",
    "save_model",
    "suggest",
    "train_classifier",
    "write_suggestions",
]
