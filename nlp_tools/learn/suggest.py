"""What to label next: the claims a model is least sure about (uncertainty sampling).

The model labels every claim in a store; the claims whose most probable label
has the lowest probability (least confidence, ties broken by the smallest
margin to the second label) are the ones a new label teaches it most about.
Sentences the model was trained on, and repeats of the same sentence, topic
and trigger, are left out. The export has an empty `label` column (CSV) or an
empty `label` list (doccano JSONL), the model's guess beside it, and the
claim's topic and trigger, so the labelled file goes straight back to
`nlp-tools train`.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from ..atomic import write_text_atomic
from ..errors import NlpToolsError
from .model_io import load_model, text_digest

SUGGEST_FORMATS = ("csv", "doccano")
COLUMNS = ["text", "label", "predicted", "confidence", "margin", "topic", "trigger", "rules", "claim_id", "doc_id"]


def suggest(store_path: str | Path, classifier: str | Path, n: int = 50) -> pd.DataFrame:
    """The `n` claims of the store the classifier is least sure about, least sure first."""
    from ..store import Store

    if n < 1:
        raise NlpToolsError("-n must be at least 1")
    model = load_model(classifier)
    with Store(store_path, read_only=True) as store:
        claims = store.claims_frame()
    if claims.empty:
        return pd.DataFrame(columns=COLUMNS)
    frame = pd.DataFrame({
        "text": claims["sentence"].fillna("").astype(str),
        "topic": claims["topic"].fillna("").astype(str),
        "trigger": claims["trigger"].fillna("").astype(str),
        "claim_id": claims["claim_id"].astype(str),
        "doc_id": claims["doc_id"].astype(str),
        "rules": _rules_column(claims, model.task),
    })
    frame["_key"] = [text_digest(t) for t in frame["text"]]
    frame = frame[~frame["_key"].isin(model.seen)]
    frame = frame.drop_duplicates(subset=["_key", "topic", "trigger"]).reset_index(drop=True)
    if frame.empty:
        return pd.DataFrame(columns=COLUMNS)
    proba = model.estimator.predict_proba(frame[["text", "topic", "trigger"]])
    order = np.sort(proba, axis=1)
    frame["confidence"] = order[:, -1].round(4)
    frame["margin"] = (order[:, -1] - (order[:, -2] if proba.shape[1] > 1 else 0)).round(4)
    frame["predicted"] = [str(c) for c in model.estimator.classes_[proba.argmax(axis=1)]]
    frame["label"] = ""
    frame = frame.sort_values(["confidence", "margin", "doc_id", "claim_id"], kind="mergesort").head(n)
    return frame[COLUMNS].reset_index(drop=True)


def _rules_column(claims: pd.DataFrame, task: str) -> pd.Series:
    """What the rules said (stance task: the rules' stance, also when a model replaced it)."""
    if task == "stance":
        if "rules_stance" in claims.columns:
            return claims["rules_stance"].where(claims["rules_stance"].notna(), claims["stance"]).astype(str)
        return claims["stance"].astype(str)
    if task == "topic":
        return claims["topic"].astype(str)
    return pd.Series([""] * len(claims), index=claims.index)


def write_suggestions(frame: pd.DataFrame, out: str | Path | None, fmt: str = "csv") -> str | Path:
    """Write to `out` (CSV, spreadsheet-safe; or doccano JSONL); without `out`, return the text."""
    if fmt not in SUGGEST_FORMATS:
        raise NlpToolsError(f"unknown format '{fmt}' (choose {', '.join(SUGGEST_FORMATS)})")
    if fmt == "csv":
        if out is not None:
            from ..export import write_table

            return write_table(frame, out, "csv")
        from ..export import safe_frame

        return safe_frame(frame).to_csv(index=False, lineterminator="\n")
    lines = []
    for row in frame.to_dict(orient="records"):
        record = {"text": row["text"], "label": []}
        record.update({k: row[k] for k in COLUMNS if k not in ("text", "label")})
        lines.append(json.dumps(record, ensure_ascii=False, default=_plain))
    text = "\n".join(lines) + ("\n" if lines else "")
    if out is None:
        return text
    return write_text_atomic(out, text)


def _plain(value):
    return value.item() if hasattr(value, "item") else str(value)
