"""The learned topic detector at run time: segment scores of a document, per sentence.

A detector (`nlp-tools train GOLD... --task detector`) gives each raw-text
segment of a document a probability per topic, before any parsing. The scores
of a document's whole text are computed once (one vectorised call) and kept in
its `DocumentContext`, so that the exact path (the whole document parsed) and
the fast path (only candidate windows parsed; the segments the detector
proposes are added to them) see the same numbers. A spaCy sentence takes, per
topic, the highest score of the segments it overlaps.

What the scores do is set by thresholds calibrated in training and stored in
the model file (`Thresholds`): the detector proposes a topic the rules did not
find at or above `propose` (or `propose_lexical` where the topic lexicon has a
trigger of that topic in the sentence, which the rules did not take up), and
vetoes a rules claim below `veto` (0: never).
"""

from __future__ import annotations

import functools
import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .record import TOPICS

TASK = "detector"


@dataclass(frozen=True)
class Thresholds:
    """Per topic: propose at or above `propose` (`propose_lexical` where the lexicon has a trigger
    of the topic), veto a rules claim below `veto`. A topic missing from `propose` is never proposed."""

    propose: dict[str, float]
    propose_lexical: dict[str, float]
    veto: dict[str, float] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict) -> Thresholds:
        propose = {t: float(v) for t, v in (data.get("propose") or {}).items()}
        return cls(propose, {t: float(v) for t, v in (data.get("propose_lexical") or propose).items()},
                   {t: float(v) for t, v in (data.get("veto") or {}).items()})

    def to_dict(self) -> dict:
        return {"propose": dict(self.propose), "propose_lexical": dict(self.propose_lexical), "veto": dict(self.veto)}

    def override(self, value: float) -> Thresholds:
        """One threshold for every topic, with or without a lexicon trigger (the veto stays)."""
        every = {t: float(value) for t in TOPICS}
        return Thresholds(every, dict(every), dict(self.veto))

    def lowest(self, topic: str) -> float:
        return min(self.propose.get(topic, 1.1), self.propose_lexical.get(topic, 1.1))

    def proposes(self, topic: str, p: float, lexical: bool) -> bool:
        return p >= (self.propose_lexical if lexical else self.propose).get(topic, 1.1)

    def vetoes(self, topic: str, p: float) -> bool:
        return p < self.veto.get(topic, 0.0)


@dataclass
class SegmentScores:
    """A document's segments (offsets in its whole text), their topic probabilities and lexicon cues."""

    starts: list[int]
    ends: list[int]
    probs: np.ndarray  # segments x topics
    lexical: np.ndarray  # segments x topics: the lexicon has a trigger of the topic there
    claimable: list[bool]

    def at(self, start: int, end: int) -> tuple[np.ndarray, np.ndarray]:
        """Per topic, the highest probability of the segments overlapping [start, end), and
        whether any of them holds a lexicon trigger of the topic."""
        lo = bisect_right(self.ends, start)
        hi = bisect_left(self.starts, end)
        if hi <= lo:
            return np.zeros(len(TOPICS)), np.zeros(len(TOPICS), dtype=bool)
        return self.probs[lo:hi].max(axis=0), self.lexical[lo:hi].any(axis=0)


class Detector:
    """A detector model file with its thresholds; the model itself is loaded on first use.

    Constructing one reads the file, refuses it if it names an untrusted type or is a model
    of another task, and takes its digest (the extractor version), all without scikit-learn;
    the estimator and the thresholds of its card are loaded when the first document is scored
    (`load()`), so that a process that never scores (the writer of a run whose workers
    extract) does not read it. The shipped detector's shape is read as arrays and scored
    without scikit-learn at all (`learn.compiled`); another shape is built by skops.
    """

    def __init__(self, path: str | Path, threshold: float | None = None):
        from ..errors import NlpToolsError
        from ..learn.model_io import check_model_file, peek_model

        self.path = Path(path)
        data, _ = check_model_file(self.path)
        task = peek_model(self.path).get("task", TASK)  # (checked again when the model is loaded)
        if task != TASK:
            raise NlpToolsError(f"{path}: a model for the task '{task}', not a topic detector "
                                f"(train one with `nlp-tools train GOLD.jsonl --task {TASK}`)")
        self.threshold = threshold
        self.digest = hashlib.sha256(data).hexdigest()

    def load(self) -> Detector:
        """Load the model now (it is otherwise loaded by the first use of `model` or `thresholds`)."""
        self.model  # noqa: B018
        return self

    @functools.cached_property
    def model(self):
        from ..errors import NlpToolsError
        from ..learn.model_io import load_model

        model = _load(self.path, self.digest)
        if model.task != TASK:
            raise NlpToolsError(f"{self.path}: a model for the task '{model.task}', not a topic detector "
                                f"(train one with `nlp-tools train GOLD.jsonl --task {TASK}`)")
        if model.digest != self.digest:
            model = load_model(self.path)  # the file changed since: what is scored must be what the version says
            if model.digest != self.digest:
                raise NlpToolsError(f"{self.path}: the model file changed during the run")
        info = model.card.get("detector") or {}
        topics = tuple(info.get("topics") or TOPICS)
        if topics != TOPICS:
            raise NlpToolsError(f"{self.path}: the detector's topics {list(topics)} are not {list(TOPICS)}")
        return model

    @property
    def topics(self) -> tuple[str, ...]:
        self.model  # noqa: B018 (loading it checks that its topics are these)
        return TOPICS

    @functools.cached_property
    def thresholds(self) -> Thresholds:
        thresholds = Thresholds.from_dict((self.model.card.get("detector") or {}).get("thresholds") or {})
        return thresholds.override(self.threshold) if self.threshold is not None else thresholds

    @property
    def version(self) -> str:
        """Part of the extractor version: the model file's digest, and an overriding threshold."""
        return f"det{self.digest[:8]}" + (f"@{self.threshold:g}" if self.threshold is not None else "")

    def score(self, features, text: str, structure, offset: int = 0) -> SegmentScores:
        """The scores of every segment of `text` (one call of the model); a segment the component
        never claims (a heading, a reporter's question, a fragment) scores 0. `offset`: where
        `text` starts in the document."""
        doc = features.document(text, structure if not offset else None)
        n = len(doc.segments)
        probs = np.zeros((n, len(TOPICS)))
        rows = [i for i, ok in enumerate(doc.claimable) if ok]
        if rows:
            probs[rows] = np.asarray(self.model.estimator.predict_proba([doc.records[i] for i in rows]), dtype=float)
        lexical = np.array([[t in seen for t in TOPICS] for seen in doc.lexicon], dtype=bool).reshape(n, len(TOPICS))
        return SegmentScores([offset + s.start for s in doc.segments], [offset + s.end for s in doc.segments], probs,
                             lexical, doc.claimable)

    def proposed(self, scores: SegmentScores) -> list[int]:
        """Indexes of the claimable segments where the detector may propose a topic (to be parsed)."""
        lowest = np.array([self.thresholds.lowest(t) for t in TOPICS])
        hits = (scores.probs >= lowest).any(axis=1) if len(scores.starts) else np.zeros(0, dtype=bool)
        return [i for i in np.flatnonzero(hits).tolist() if scores.claimable[i]]


@functools.lru_cache(maxsize=2)
def _load(path: Path, digest: str):
    """A detector model, loaded once per process and file content (pipelines built again, in
    tests or by a benchmark, share it; scoring does not change it): read as arrays and scored
    in numpy (`learn.compiled`, the same probabilities without importing scikit-learn), or,
    for a file of another shape, built by skops."""
    from ..learn.compiled import read_detector
    from ..learn.model_io import load_model

    return read_detector(path) or load_model(path)
