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

from .classify import COMPONENT, ClaimClassifier, add_classifiers, apply_model
from .estimators import DEFAULT_FAMILY, FAMILIES, make_estimator
from .features import ClaimInputs, ParseCues
from .labels import Example, LabelProblem, LabelSet, read_labels
from .model_io import TRUSTED_TYPES, LoadedModel, load_model, output_column, save_model
from .suggest import suggest, write_suggestions
from .train import TrainResult, format_report, train_classifier

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
