"""The topic detector scored without scikit-learn: its fitted arrays read from the skops file.

Importing scikit-learn and building the detector through skops takes about two seconds, which
every process that scores pays (a run, and each Dask worker of a cluster): a tenth of a
150,000-word run. The detector is a linear model over TF-IDF word n-grams and a few lexicon
cues (`detector.make_detector`), so scoring needs only its vocabularies, idf weights,
coefficients and intercepts. `read_detector` takes them straight from the archive: the JSON
nodes of its schema and its `.npy` members, read with numpy's loader with `allow_pickle=False`;
nothing is imported or constructed from the file. `LinearDetector.predict_proba` then does
what the fitted Pipeline does, in numpy.

The file is checked against the trusted types first (`model_io.check_model_file`), as for any
model. A file of another shape (another detector variant, character n-grams, a scikit-learn
that stores its estimators otherwise) is not read here (`read_detector` returns None) and is
loaded through skops as before, with the same probabilities; tests hold the two to the same
probabilities on real segments.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from numbers import Number
from pathlib import Path

import numpy as np


class _Unreadable(Exception):
    """The file is not a detector of the shape this module reads."""


@dataclass(frozen=True)
class _Words:
    """A fitted TfidfVectorizer of word n-grams, its settings and arrays."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    pattern: re.Pattern
    ngrams: tuple[int, int]
    lowercase: bool
    sublinear: bool
    normalise: bool


@dataclass
class LinearDetector:
    """The fitted detector Pipeline (SegmentInputs -> word TF-IDF + DictVectorizer cues ->
    one-vs-rest logistic regressions), as arrays; `predict_proba` as the Pipeline's."""

    words: _Words
    cues: dict[str, int]
    separator: str
    cue_offset: int
    coef: np.ndarray  # (topics, features)
    intercept: np.ndarray  # (topics,)
    classes_: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def predict_proba(self, records) -> np.ndarray:
        """One row per segment record (a dict with `text` and `cues`, or a string), one column per topic."""
        rows = [self._features(r) for r in records]
        out = np.zeros((len(rows), self.coef.shape[0]))
        for i, (index, value) in enumerate(rows):
            decision = self.coef[:, index] @ value + self.intercept if len(index) else self.intercept.copy()
            out[i] = 1.0 / (1.0 + np.exp(-decision))
        return out

    def _features(self, record) -> tuple[np.ndarray, np.ndarray]:
        if isinstance(record, Mapping):
            text, cues = str(record.get("text", "")), dict(record.get("cues") or {})
        else:
            text, cues = str(record), {}
        index, value = self._word_features(text)
        cue_index, cue_value = self._cue_features(cues or {"lex:unknown": 1.0})
        return np.concatenate([index, cue_index]), np.concatenate([value, cue_value])

    def _word_features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        words = self.words
        tokens = words.pattern.findall(text.lower() if words.lowercase else text)
        low, high = words.ngrams
        grams = list(tokens) if low == 1 else []
        for n in range(max(low, 2), high + 1):
            grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        counts: dict[int, int] = {}
        vocabulary = words.vocabulary
        for gram in grams:
            j = vocabulary.get(gram)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        index = np.fromiter(sorted(counts), dtype=np.int64, count=len(counts))
        tf = np.array([counts[j] for j in index.tolist()], dtype=np.float64)
        if words.sublinear:
            tf = np.log(tf) + 1.0
        value = tf * words.idf[index]
        if words.normalise:
            norm = math.sqrt(float(value @ value))
            if norm > 0:
                value = value / norm
        return index, value

    def _cue_features(self, cues: dict) -> tuple[np.ndarray, np.ndarray]:
        index, value = [], []
        for name, v in cues.items():
            if isinstance(v, str):
                name, v = f"{name}{self.separator}{v}", 1.0
            elif not isinstance(v, Number):
                raise TypeError(f"a cue of an unexpected kind: {name}={v!r}")
            j = self.cues.get(name)
            if j is not None:
                index.append(self.cue_offset + j)
                value.append(float(v))
        return np.array(index, dtype=np.int64), np.array(value, dtype=np.float64)


@dataclass
class CompiledModel:
    """What `model_io.LoadedModel` gives the detector: the task, the card, the estimator, the digest."""

    path: Path
    task: str
    estimator: LinearDetector
    card: dict
    digest: str
    seen: frozenset = frozenset()


def read_detector(path: str | Path) -> CompiledModel | None:
    """The detector in `path` as arrays, or None when the file is not of the shape read here."""
    from .model_io import FORMAT, FORMAT_VERSION, check_model_file

    path = Path(path)
    data, _ = check_model_file(path)  # refused here if it names anything untrusted
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            nodes = _Nodes(archive)
            payload = nodes.dict(json.loads(archive.read("schema.json")))
            if nodes.plain(payload.get("format")) != FORMAT or nodes.plain(payload.get("format_version")) != FORMAT_VERSION:
                return None
            estimator = _detector(nodes, payload["estimator"])
            card = nodes.plain(payload.get("card"))
            task = nodes.plain(payload.get("task"))
    except (_Unreadable, KeyError, IndexError, TypeError, ValueError, zipfile.BadZipFile):
        return None
    if not isinstance(card, dict) or not isinstance(task, str):
        return None
    return CompiledModel(path, task, estimator, card, hashlib.sha256(data).hexdigest())


def _detector(nodes: _Nodes, node: dict) -> LinearDetector:
    steps = nodes.object(node, "sklearn.pipeline.Pipeline")["steps"]
    steps = [nodes.plain(s, keep_objects=True) for s in nodes.list(steps)]
    if [name for name, _ in steps] != ["inputs", "features", "classify"]:
        raise _Unreadable("not the detector's steps")
    nodes.object(steps[0][1], "nlp_tools.learn.detector.SegmentInputs")
    features = nodes.object(steps[1][1], "sklearn.compose._column_transformer.ColumnTransformer")
    transformers = [nodes.plain(t, keep_objects=True) for t in nodes.list(features["transformers_"])]
    if [(name, column) for name, _, column in transformers[:2]] != [("words", "text"), ("lexicon", "cues")] or any(
            (name, part) != ("remainder", "drop") for name, part, _ in transformers[2:]):
        raise _Unreadable("not the detector's features")
    words = _words(nodes, transformers[0][1])
    lexicon = nodes.object(transformers[1][1], "sklearn.feature_extraction._dict_vectorizer.DictVectorizer")
    cues = {str(k): int(nodes.plain(v)) for k, v in nodes.dict(lexicon["vocabulary_"]).items()}
    classify = nodes.object(steps[2][1], "sklearn.multiclass.OneVsRestClassifier")
    binarizer = nodes.object(classify["label_binarizer_"], "sklearn.preprocessing._label.LabelBinarizer")
    if nodes.plain(binarizer["y_type_"]) != "multilabel-indicator":
        raise _Unreadable("not a multi-label detector")
    estimators = [nodes.object(e, "sklearn.linear_model._logistic.LogisticRegression") for e in nodes.list(classify["estimators_"])]
    if any(nodes.array(e["classes_"]).tolist() != [0, 1] for e in estimators):
        raise _Unreadable("an estimator that is not binary")
    coef = np.vstack([nodes.array(e["coef_"]) for e in estimators]).astype(np.float64)
    intercept = np.concatenate([nodes.array(e["intercept_"]) for e in estimators]).astype(np.float64)
    width = len(words.vocabulary)
    if coef.shape != (len(estimators), width + len(cues)) or len(words.idf) != width:
        raise _Unreadable("arrays of unexpected shapes")
    return LinearDetector(words, cues, str(nodes.plain(lexicon["separator"])), width, coef, intercept,
                          nodes.array(classify["classes_"]))


def _words(nodes: _Nodes, node: dict) -> _Words:
    tfidf = nodes.object(node, "sklearn.feature_extraction.text.TfidfVectorizer")
    settings = {k: nodes.plain(tfidf[k]) for k in ("analyzer", "strip_accents", "preprocessor", "tokenizer", "stop_words",
                                                    "binary", "lowercase", "norm", "use_idf", "sublinear_tf")}
    if (settings["analyzer"] != "word" or settings["binary"] or not settings["use_idf"] or settings["norm"] not in ("l2", None)
            or any(settings[k] is not None for k in ("strip_accents", "preprocessor", "tokenizer", "stop_words"))):
        raise _Unreadable("TF-IDF settings this module does not reproduce")
    transformer = nodes.object(tfidf["_tfidf"], "sklearn.feature_extraction.text.TfidfTransformer")
    low, high = nodes.plain(tfidf["ngram_range"])
    vocabulary = {str(k): int(nodes.plain(v)) for k, v in nodes.dict(tfidf["vocabulary_"]).items()}
    return _Words(vocabulary, nodes.array(transformer["idf_"]).astype(np.float64), re.compile(nodes.plain(tfidf["token_pattern"])),
                  (int(low), int(high)), bool(settings["lowercase"]), bool(settings["sublinear_tf"]), settings["norm"] == "l2")


class _Nodes:
    """The few node kinds of a skops schema the detector is made of, read as plain values."""

    def __init__(self, archive: zipfile.ZipFile):
        self.archive = archive

    def object(self, node: dict, kind: str) -> dict:
        """The attributes (nodes) of an object node of the given `module.Class`."""
        if node.get("__loader__") != "ObjectNode" or f"{node.get('__module__')}.{node.get('__class__')}" != kind:
            raise _Unreadable(f"expected {kind}")
        return self.dict(node["content"])

    def dict(self, node: dict) -> dict:
        if node.get("__loader__") != "DictNode":
            raise _Unreadable("expected a dict")
        return node["content"]

    def list(self, node: dict) -> list:
        if node.get("__loader__") not in ("ListNode", "TupleNode"):
            raise _Unreadable("expected a list")
        return node["content"]

    def array(self, node: dict) -> np.ndarray:
        if node.get("__loader__") != "NdArrayNode" or node.get("type") != "numpy":
            raise _Unreadable("expected a numeric array")
        return np.load(io.BytesIO(self.archive.read(node["file"])), allow_pickle=False)

    def plain(self, node, keep_objects: bool = False):
        """A JSON, list, tuple or dict node as its value (object nodes kept as nodes when asked)."""
        if node is None:
            return None
        loader = node.get("__loader__")
        if loader == "JsonNode":
            return json.loads(node["content"])
        if loader in ("ListNode", "TupleNode"):
            values = [self.plain(v, keep_objects) for v in node["content"]]
            return tuple(values) if loader == "TupleNode" else values
        if loader == "DictNode":
            return {k: self.plain(v, keep_objects) for k, v in node["content"].items()}
        if keep_objects and loader == "ObjectNode":
            return node
        raise _Unreadable(f"a {loader} node")
