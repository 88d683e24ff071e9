"""Saving and loading classifiers with skops, trusting an explicit list of types.

A model file is a skops archive (a zip of `schema.json` and NumPy arrays; no
pickle) holding one dict: the format tag, the task, the fitted estimator, its
card and the digests of the training sentences.

Loading reads `schema.json` as plain JSON first and lists every type and node
kind it would construct. Anything not on `TRUSTED_TYPES` / `TRUSTED_NODES`
(a function such as `os.system`, an estimator this toolkit never trains, a
reduce call) refuses the file with `UntrustedModelError` before skops builds a
single object; only then does skops load it, with the same list as `trusted`
(skops audits the tree again). A file that is not a skops archive (a pickle)
is refused too.

Saving is reproducible: object ids that skops writes into the archive are
renumbered in order and timestamps fixed, so the same data and code give a
byte-identical file.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_path
from ..errors import NlpToolsError, UntrustedModelError

FORMAT = "nlp-tools-classifier"
FORMAT_VERSION = 1

# Every type a model trained by nlp-tools contains, and nothing else.
TRUSTED_TYPES = frozenset({
    # containers and scalars (skops' JSON, tuple, list, dict and slice nodes)
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.str", "builtins.slice",
    # numpy arrays and the dtypes estimators keep as parameters
    "numpy.ndarray", "numpy.float64", "numpy.int64",
    # scikit-learn: the pieces of the model families (see estimators.py)
    "sklearn.pipeline.Pipeline",
    "sklearn.compose._column_transformer.ColumnTransformer",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.naive_bayes.ComplementNB",
    "sklearn.ensemble._forest.RandomForestClassifier",
    "sklearn.tree._classes.DecisionTreeClassifier",
    "sklearn.tree._tree.Tree",
    # the topic detector (detector.py): one logistic regression per topic
    "sklearn.multiclass.OneVsRestClassifier",
    "sklearn.preprocessing._label.LabelBinarizer",
    # nlp-tools' own transformers (strings and booleans only)
    "nlp_tools.learn.features.ClaimInputs",
    "nlp_tools.learn.features.ParseCues",
    "nlp_tools.learn.detector.SegmentInputs",
})
# skops node kinds allowed to appear: no functions, methods, partials or reduce calls.
TRUSTED_NODES = frozenset({
    "DictNode", "ListNode", "TupleNode", "JsonNode", "TypeNode", "SliceNode", "NdArrayNode", "ObjectNode",
    "CachedNode", "TreeNode",
})


@dataclass
class LoadedModel:
    """A classifier read from a model file."""

    path: Path
    task: str
    estimator: object
    card: dict = field(default_factory=dict)
    seen: frozenset[str] = frozenset()  # digests of the training sentences
    digest: str = ""  # SHA-256 of the file

    @property
    def column(self) -> str:
        return output_column(self.task)

    @property
    def labels(self) -> list[str]:
        return [str(c) for c in self.estimator.classes_]

    @property
    def combine_threshold(self) -> float:
        """The threshold of `--stance-mode combine` chosen in training (the card), else the default."""
        from .combine import DEFAULT_THRESHOLD

        chosen = (self.card.get("combine") or {}).get("threshold")
        return float(chosen) if isinstance(chosen, (int, float)) else DEFAULT_THRESHOLD


def output_column(task: str) -> str:
    """Where a task's label goes: `stance` replaces the stance; a new task adds a column.

    A task named like an existing claim field (e.g. `topic`) gets `<task>_model`,
    so the rules' value stays next to the model's.
    """
    from ..claims.record import CLAIM_FIELDS

    if task == "stance":
        return "stance"
    return f"{task}_model" if task in CLAIM_FIELDS or task in ("claim_id", "extra", "extractor") else task


def text_digest(text: str) -> str:
    """A short digest of a sentence (whitespace- and case-insensitive), to recognise labelled ones."""
    return hashlib.sha1(" ".join(text.lower().split()).encode("utf-8")).hexdigest()[:12]


def save_model(estimator, path: str | Path, task: str, card: dict | None = None, seen=()) -> Path:
    """Write the fitted estimator and its metadata as a skops archive (atomic, reproducible)."""
    import skops.io as sio

    path = Path(path)
    payload = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "task": task,
        "estimator": _without_process_state(estimator),
        "card": _jsonable(card or {}),
        "seen": sorted(set(seen)),
    }
    data = _canonical(sio.dumps(payload))
    with atomic_path(path) as tmp:
        Path(tmp).write_bytes(data)
    return path


def load_model(path: str | Path) -> LoadedModel:
    """Read a model file, refusing anything outside the trusted lists before it is built."""
    sio = _skops_io()

    path = Path(path)
    data, trusted = check_model_file(path)
    try:
        payload = sio.loads(data, trusted=trusted)
    except Exception as exc:  # skops' own audit, or a damaged archive
        raise UntrustedModelError(f"{path}: refused: skops could not load it safely ({exc})") from None
    if not isinstance(payload, dict):
        raise NlpToolsError(f"{path}: a skops file, but not an nlp-tools classifier (train one with `nlp-tools train`)")
    _check_header(payload, path)
    estimator = payload.get("estimator")
    if not all(hasattr(estimator, m) for m in ("predict", "predict_proba", "classes_")):
        raise NlpToolsError(f"{path}: the model holds no fitted classifier")
    return LoadedModel(
        path=path,
        task=str(payload.get("task") or ""),
        estimator=estimator,
        card=dict(payload.get("card") or {}),
        seen=frozenset(payload.get("seen") or ()),
        digest=hashlib.sha256(data).hexdigest(),
    )


def _skops_io():
    """`skops.io`, imported without its discovery of every scikit-learn estimator.

    On import, skops lists every estimator scikit-learn has (`sklearn.utils.all_estimators`,
    which imports all of scikit-learn: a quarter of a second of each run's start-up) as the
    types it trusts by default, besides those a caller names. nlp-tools always names its own
    (`TRUSTED_TYPES`, checked before skops sees a file), so while skops is imported that
    discovery finds nothing: skops then trusts only the types named, which is stricter, never
    laxer. Imported first elsewhere, skops is used as it is."""
    import sys

    if "skops.io" in sys.modules:
        return sys.modules["skops.io"]
    import sklearn.utils

    discovery = getattr(sklearn.utils, "all_estimators", None)
    if discovery is not None:
        sklearn.utils.all_estimators = _no_estimators
    try:
        import skops.io
    finally:
        if discovery is not None:
            sklearn.utils.all_estimators = discovery
    return skops.io


def _no_estimators(*args, **kwargs) -> list:
    return []


def _check_header(payload: dict, path: Path) -> None:
    if payload.get("format") != FORMAT:
        raise NlpToolsError(f"{path}: a skops file, but not an nlp-tools classifier (train one with `nlp-tools train`)")
    if payload.get("format_version") != FORMAT_VERSION:
        raise NlpToolsError(f"{path}: model format version {payload.get('format_version')} is not supported (expected {FORMAT_VERSION})")


def peek_model(path: str | Path) -> dict:
    """The format, format version and task of a model file (checked as `check_model_file` does),
    read from its schema without building anything, so without importing scikit-learn or skops:
    the topic detector says at once that a file is not a detector, and loads the model later,
    where it is used."""
    _, header, _ = _checked(Path(path))
    return dict(header)


def check_model_file(path: str | Path) -> tuple[bytes, list[str]]:
    """Read a model file and refuse it if it names anything untrusted; nothing is constructed.

    Returns the bytes and the (trusted) types it names.
    """
    data, _, found = _checked(Path(path))
    return data, sorted(found)


# what the schema of a file says (its header, the types it names), by the file's digest: the
# command line checks a model before loading spaCy and the loader checks it again, and the
# schema is some megabytes of JSON
_AUDITED: dict[str, tuple[dict, frozenset[str]]] = {}


def _checked(path: Path) -> tuple[bytes, dict, frozenset[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NlpToolsError(f"{path}: cannot read the model file ({exc.strerror or exc})") from None
    digest = hashlib.sha256(data).hexdigest()
    if digest not in _AUDITED:
        schema = _schema(data, path)
        if len(_AUDITED) >= 8:
            _AUDITED.pop(next(iter(_AUDITED)))
        _AUDITED[digest] = (_header(schema), frozenset(_types(schema)))
    header, found = _AUDITED[digest]
    untrusted = {k for k in found if k not in TRUSTED_TYPES}
    if untrusted:
        listed = ", ".join(sorted(untrusted))
        raise UntrustedModelError(
            f"{path}: refused: the model file asks for types that are not on nlp-tools' trusted list "
            f"({listed}); nothing in it was loaded. Only classifiers trained by `nlp-tools train` load."
        )
    return data, header, found


def _header(schema: dict) -> dict:
    """The payload's format, format_version and task, as JSON nodes of the schema hold them."""
    content = schema.get("content") if isinstance(schema.get("content"), dict) else {}
    header = {}
    for key in ("format", "format_version", "task"):
        node = content.get(key)
        if isinstance(node, dict) and node.get("__loader__") == "JsonNode" and isinstance(node.get("content"), str):
            try:
                header[key] = json.loads(node["content"])
            except ValueError:
                pass
    return header


def untrusted_types(data: bytes, path: str | Path = "model") -> set[str]:
    """Types and node kinds in the archive that are not on the trusted lists (empty: safe)."""
    kinds = audit(data, path)
    return {k for k in kinds if k not in TRUSTED_TYPES}


def audit(data: bytes, path: str | Path = "model") -> set[str]:
    """Every type named in the archive's schema, as `module.name`; a foreign node kind as `node:Kind`."""
    return _types(_schema(data, path))


def _types(schema: dict) -> set[str]:
    found: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        if "__loader__" in node:
            loader = str(node.get("__loader__"))
            if loader not in TRUSTED_NODES:
                found.add(f"node:{loader} ({node.get('__module__')}.{node.get('__class__')})")
            if "__module__" in node and "__class__" in node:
                found.add(f"{node['__module__']}.{node['__class__']}")
        stack.extend(v for k, v in node.items() if isinstance(v, (dict, list)))
    return found


def _schema(data: bytes, path) -> dict:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            raw = archive.read("schema.json")
    except (zipfile.BadZipFile, KeyError):
        raise UntrustedModelError(
            f"{path}: refused: not a skops model archive (pickled models are never loaded; "
            "train one with `nlp-tools train`)"
        ) from None
    try:
        schema = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise UntrustedModelError(f"{path}: refused: the archive's schema.json is not valid JSON") from None
    if not isinstance(schema, dict):
        raise UntrustedModelError(f"{path}: refused: unexpected schema in the archive")
    return schema


_IDS = re.compile(r'("__id__": )(\d+)|"(\d+)(\.npy)"')


def _canonical(data: bytes) -> bytes:
    """The same archive with object ids renumbered in order and fixed timestamps."""
    mapping: dict[str, str] = {}

    def number(value: str) -> str:
        return mapping.setdefault(value, str(len(mapping) + 1))

    def renumber(m: re.Match) -> str:
        if m.group(1):
            return m.group(1) + number(m.group(2))
        return f'"{number(m.group(3))}{m.group(4)}"'

    with zipfile.ZipFile(io.BytesIO(data)) as src:
        schema = src.read("schema.json").decode("utf-8")
        schema = _IDS.sub(renumber, schema)
        members = {name: src.read(name) for name in src.namelist() if name != "schema.json"}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        entries = [("schema.json", schema.encode("utf-8"))]
        for name, content in members.items():
            stem = name[: -len(".npy")] if name.endswith(".npy") else name
            entries.append((f"{mapping.get(stem, stem)}.npy" if name.endswith(".npy") else name, content))
        for name, content in sorted(entries, key=lambda e: (e[0] != "schema.json", _natural(e[0]))):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, content, compresslevel=9)
    return out.getvalue()


# Attributes that record this process rather than the model: TF-IDF keeps `id(stop_words)`
# to skip a check it would otherwise repeat; without it the check runs once, nothing else changes.
_PROCESS_STATE = ("_stop_words_id",)


def _without_process_state(estimator):
    """A copy of the estimator without per-process attributes (so the file is reproducible)."""
    import copy

    from sklearn.base import BaseEstimator

    estimator = copy.deepcopy(estimator)
    seen: set[int] = set()
    stack = [estimator]
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, (list, tuple)):
            stack.extend(obj)
        elif isinstance(obj, dict):
            stack.extend(obj.values())
        elif isinstance(obj, BaseEstimator):
            for name in _PROCESS_STATE:
                if name in vars(obj):
                    delattr(obj, name)
            stack.extend(vars(obj).values())
    return estimator


def _natural(name: str) -> tuple:
    stem = name.split(".")[0]
    return (0, int(stem), name) if stem.isdigit() else (1, 0, name)


def _jsonable(value):
    """Card values as plain JSON types (skops stores them as JSON nodes)."""
    return json.loads(json.dumps(value, default=str))
