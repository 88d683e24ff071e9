"""Applying a trained classifier to claims: the `claim_classifier` spaCy component.

    nlp = nlp_tools.load()
    add_classifiers(nlp, ["models/stance.skops"])      # after press_claims
    doc = nlp("We were not told in advance, the ministry said.")
    doc._.claims[0].stance, doc._.claims[0].stance_confidence

The rules find the claims; the model labels them. A `stance` model replaces the
rules' stance (mode `replace`), sets `stance_confidence` and keeps the rules'
answer in the claim's extra column `rules_stance`; in mode `combine` it relabels
only the claims the rules acknowledged by default, when it is sure enough of
another stance (see combine.py), and only those claims get `rules_stance` and
`stance_confidence`. A model for another task NAME adds the
extra columns NAME and NAME_confidence (see `model_io.output_column`). Extra
columns travel in `Claim.extra` (a dict) to the store's `extra` field and come
out as columns of the claim table.

The model re-parses each claim's sentence on its own, exactly as it did in
training, so a model trained on a CSV of sentences sees run-time claims the
same way. In a plain spaCy pipeline the component labels the claims of each
Doc; `nlp_tools.run` (the runner) also applies it to each document's claims
after extraction, so that it works whichever extraction path found them (the
fast path parses only candidate passages and runs press_claims by itself).
Applying a model twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import NlpToolsError
from .combine import MODES, combine_stance, open_to_model
from .model_io import LoadedModel, load_model

COMPONENT = "claim_classifier"


@Language.factory(COMPONENT, default_config={"model": "", "mode": "replace", "threshold": None})
def make_claim_classifier(nlp: Language, name: str, model: str, mode: str, threshold: float | None):
    return ClaimClassifier(name, model, mode, threshold)


class ClaimClassifier:
    """Labels the claims `press_claims` found with a trained model.

    `mode` matters for a stance model only: `replace` (the model decides every
    stance) or `combine` (the model relabels the rules' default acknowledgements
    above `threshold`; None: the threshold chosen in training, see combine.py).
    """

    def __init__(self, name: str, model: str | Path | LoadedModel, mode: str = "replace", threshold: float | None = None):
        if mode not in MODES:
            raise NlpToolsError(f"unknown stance mode '{mode}' (choose {', '.join(MODES)})")
        self.name = name
        self.model = model if isinstance(model, LoadedModel) else load_model(model)
        if self.model.task == "detector":
            raise NlpToolsError(f"{self.model.path}: a topic detector, not a claim classifier (give it with --detector)")
        self.mode = mode if self.model.task == "stance" else "replace"
        self.threshold = self.model.combine_threshold if threshold is None else float(threshold)
        self.version = f"{self.model.task}:{self.model.path.stem}@{self.model.digest[:8]}"
        if self.mode == "combine":
            self.version += f"~combine>{self.threshold:g}"

    def __call__(self, doc: Doc) -> Doc:
        self.classify_claims(list(doc._.claims or []))
        return doc

    def classify_claims(self, claims: list) -> None:
        """Label claims in place (the runner calls this after extraction; applying twice changes nothing)."""
        apply_model(self.model, claims, self.mode, self.threshold)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._batch(batch)
                batch = []
        if batch:
            yield from self._batch(batch)

    def _batch(self, docs: list[Doc]) -> list[Doc]:
        self.classify_claims([c for doc in docs for c in (doc._.claims or [])])
        return docs


def add_classifiers(nlp: Language, paths, stance_mode: str = "replace") -> list[str]:
    """Add one `claim_classifier` per model file after `press_claims` (idempotent per file).

    `stance_mode` (`replace` or `combine`) applies to stance models (see ClaimClassifier).
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    names = []
    after = "press_claims" if "press_claims" in nlp.pipe_names else None
    for path in paths or []:
        resolved = str(Path(path))
        existing = next(
            (n for n, pipe in nlp.pipeline if isinstance(pipe, ClaimClassifier) and str(pipe.model.path) == resolved),
            None,
        )
        if existing:
            names.append(existing)
            after = existing
            continue
        name = _free_name(nlp, f"{COMPONENT}_{Path(path).stem}")
        # the factory loads the file; an untrusted one raises before the pipeline changes
        nlp.add_pipe(COMPONENT, name=name, config={"model": resolved, "mode": stance_mode},
                     **({"after": after} if after else {"last": True}))
        names.append(name)
        after = name
    return names


def _free_name(nlp: Language, base: str) -> str:
    name, i = base, 2
    while name in nlp.pipe_names:
        name, i = f"{base}_{i}", i + 1
    return name


def classifier_versions(nlp: Language) -> list[str]:
    """The versions of the classifiers in a pipeline, in order (part of the extractor version)."""
    return [pipe.version for _, pipe in nlp.pipeline if isinstance(pipe, ClaimClassifier)]


def set_extra(claim, key: str, value) -> None:
    """Attach an extra column to a claim (kept in the store's `extra` field)."""
    extra = getattr(claim, "extra", None)
    if not isinstance(extra, dict):
        extra = {}
        claim.extra = extra
    extra[key] = value


def apply_model(model: LoadedModel, claims: list, mode: str = "replace", threshold: float | None = None) -> None:
    """Label `claims` in place with the model's decision and confidence (`mode`: see ClaimClassifier)."""
    if model.task == "stance" and mode == "combine":
        combine_claims(model, claims, model.combine_threshold if threshold is None else threshold)
        return
    if not claims:
        return
    proba = model.estimator.predict_proba(claims)
    labels = model.estimator.classes_
    best = proba.argmax(axis=1)
    column = model.column
    for claim, i, row in zip(claims, best, proba, strict=True):
        label, confidence = str(labels[i]), round(float(row[i]), 4)
        if model.task == "stance":
            if "rules_stance" not in (getattr(claim, "extra", None) or {}):
                set_extra(claim, "rules_stance", claim.stance)
            claim.stance = label
            claim.stance_confidence = confidence
        else:
            set_extra(claim, column, label)
            set_extra(claim, f"{column}_confidence", confidence)


def combine_claims(model: LoadedModel, claims: list, threshold: float) -> None:
    """The rules' stance, except where the model may and does override it (combine.py).

    The rules' own answer (`rules_stance` once set) decides what is open to the
    model, so that applying the model twice changes nothing.
    """
    def rules_of(claim) -> str:
        return (getattr(claim, "extra", None) or {}).get("rules_stance", claim.stance)

    open_claims = [c for c in claims if open_to_model(rules_of(c), c.stance_cue)]
    if not open_claims:
        return
    proba = model.estimator.predict_proba(open_claims)
    labels = model.estimator.classes_
    for claim, row in zip(open_claims, proba, strict=True):
        got = combine_stance(rules_of(claim), claim.stance_cue, row, labels, threshold)
        if got is None:
            continue
        set_extra(claim, "rules_stance", rules_of(claim))
        claim.stance, claim.stance_confidence = got[0], round(got[1], 4)
