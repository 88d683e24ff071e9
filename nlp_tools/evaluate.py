"""Scoring the extractor against a gold file, exactly as CLAIMS.md says.

A predicted claim matches a gold claim when both are in the same document,
have the same topic, and their spans overlap (gold spans may cover only part of
a sentence). Pairs are formed one-to-one, largest overlap first. Detection is
precision/recall/F1 per topic and micro-averaged; stance, speaker (case-
insensitive, a surname match counts) and `official` are accuracies over
matched pairs; stance also as macro-F1 over the stances present in the gold
pairs. Prediction and evaluation are separate steps: `predict_gold` runs the
pipeline, `score` compares.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .claims.record import STANCES, TOPICS, Claim
from .documents import normalise_with_offsets
from .errors import NlpToolsError
from .readers import document_from_text


@dataclass
class GoldClaim:
    doc_id: str
    start_char: int  # in the normalised text
    end_char: int
    topic: str
    stance: str
    hedged: bool
    speaker: str
    speaker_org: str
    official: bool
    attribution: str
    agent: str
    counterpart: str


@dataclass
class GoldDocument:
    doc_id: str
    text: str  # normalised
    date: str
    source: str
    title: str
    claims: list[GoldClaim]


def read_gold(path: str | Path) -> Iterator[GoldDocument]:
    """Gold documents with their claim offsets moved onto the normalised text."""
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise NlpToolsError(f"{path}: cannot open gold file ({exc.strerror})") from None
    with fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                raw = obj["text"]
                doc_id = str(obj.get("doc_id") or f"{path.name}#{number}")
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise NlpToolsError(f"{path}: line {number}: not a gold document ({exc})") from None
            norm = normalise_with_offsets(raw)
            claims = []
            for i, c in enumerate(obj.get("claims") or []):
                try:
                    start = norm.to_normalised(int(c["start_char"]))
                    end = max(start + 1, norm.to_normalised(int(c["end_char"])))
                    claims.append(
                        GoldClaim(
                            doc_id, start, end, c["topic"], c.get("stance", "acknowledge"),
                            bool(c.get("hedged", False)), str(c.get("speaker") or ""),
                            str(c.get("speaker_org") or ""), bool(c.get("official", False)),
                            str(c.get("attribution") or ""), str(c.get("agent") or ""),
                            str(c.get("counterpart") or ""),
                        )
                    )
                except (KeyError, TypeError, ValueError) as exc:
                    raise NlpToolsError(f"{path}: line {number}: claim {i + 1} is malformed ({exc})") from None
            yield GoldDocument(doc_id, norm.text, str(obj.get("date") or ""), str(obj.get("source") or ""),
                               str(obj.get("title") or ""), claims)


def predict_gold(nlp, gold: list[GoldDocument], fast: bool = True) -> dict[str, list[Claim]]:
    """Run the pipeline on the gold texts (metadata as a user's JSONL would give it).

    `fast=False` takes the exact path (every document parsed whole), as `--exact` does.
    """
    from .extract import extract_claims

    documents = [
        document_from_text(g.text, doc_id=g.doc_id, kind="jsonl",
                           meta={"date": g.date, "source": g.source, "title": g.title})
        for g in gold
    ]
    return {doc.doc_id: claims for doc, claims in extract_claims(nlp, documents, fast=fast)}


@dataclass
class Pair:
    gold: GoldClaim
    pred: Claim


@dataclass
class Evaluation:
    per_topic: dict[str, dict[str, float]] = field(default_factory=dict)
    micro: dict[str, float] = field(default_factory=dict)
    stance_accuracy: float = 0.0
    stance_macro_f1: float = 0.0
    stance_per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    speaker_accuracy: float = 0.0
    official_accuracy: float = 0.0
    attribution_accuracy: float = 0.0
    hedged_accuracy: float = 0.0
    matched: int = 0
    gold_claims: int = 0
    predicted_claims: int = 0
    documents: int = 0
    errors: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "errors"}
        return d


def score(gold: list[GoldDocument], predicted: dict[str, list[Claim]]) -> Evaluation:
    ev = Evaluation(documents=len(gold))
    counts = {t: Counter() for t in TOPICS}
    pairs: list[Pair] = []
    texts = {g.doc_id: g.text for g in gold}
    for g in gold:
        preds = list(predicted.get(g.doc_id, []))
        ev.gold_claims += len(g.claims)
        ev.predicted_claims += len(preds)
        doc_pairs, misses, false_alarms = match(g.claims, preds)
        pairs.extend(doc_pairs)
        for p in doc_pairs:
            counts[p.gold.topic]["tp"] += 1
        for m in misses:
            counts[m.topic]["fn"] += 1
            ev.errors.append(_error_row("miss", m, None, texts[g.doc_id]))
        for f in false_alarms:
            if f.topic in counts:
                counts[f.topic]["fp"] += 1
            ev.errors.append(_error_row("false_alarm", None, f, texts[g.doc_id]))
    total = Counter()
    for topic, c in counts.items():
        ev.per_topic[topic] = _prf(c["tp"], c["fp"], c["fn"])
        total.update(c)
    ev.micro = _prf(total["tp"], total["fp"], total["fn"])
    ev.matched = len(pairs)
    if pairs:
        n = len(pairs)
        ev.stance_accuracy = sum(p.gold.stance == p.pred.stance for p in pairs) / n
        ev.speaker_accuracy = sum(speaker_match(p.gold.speaker, p.pred.speaker) for p in pairs) / n
        ev.official_accuracy = sum(p.gold.official == p.pred.official for p in pairs) / n
        ev.attribution_accuracy = sum(p.gold.attribution == p.pred.attribution for p in pairs) / n
        ev.hedged_accuracy = sum(p.gold.hedged == p.pred.hedged for p in pairs) / n
        ev.stance_per_class, ev.stance_macro_f1 = _stance_f1(pairs)
        for p in pairs:
            wrong = [
                name for name, ok in (
                    ("stance", p.gold.stance == p.pred.stance),
                    ("speaker", speaker_match(p.gold.speaker, p.pred.speaker)),
                    ("official", p.gold.official == p.pred.official),
                    ("attribution", p.gold.attribution == p.pred.attribution),
                    ("hedged", p.gold.hedged == p.pred.hedged),
                ) if not ok
            ]
            if wrong:
                ev.errors.append(_error_row("wrong:" + "+".join(wrong), p.gold, p.pred, texts[p.gold.doc_id]))
    return ev


def match(gold: list[GoldClaim], preds: list[Claim]) -> tuple[list[Pair], list[GoldClaim], list[Claim]]:
    """One-to-one pairs of same-topic overlapping claims, largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if g.topic != p.topic:
                continue
            overlap = min(g.end_char, p.end_char) - max(g.start_char, p.start_char)
            if overlap > 0:
                candidates.append((overlap, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append(Pair(gold[gi], preds[pi]))
    misses = [g for i, g in enumerate(gold) if i not in used_g]
    false_alarms = [p for i, p in enumerate(preds) if i not in used_p]
    return pairs, misses, false_alarms


_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}


def speaker_match(gold: str, pred: str) -> bool:
    """Case-insensitive; a surname match counts (generational suffixes aside)."""
    g, p = gold.strip().lower(), pred.strip().lower()
    if g == p:
        return True
    if not g or not p:
        return False
    return _surname(g) == _surname(p)


def _surname(name: str) -> str:
    words = [w.strip(",") for w in name.split()]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _stance_f1(pairs: list[Pair]) -> tuple[dict[str, dict[str, float]], float]:
    present = [s for s in STANCES if any(p.gold.stance == s for p in pairs)]
    per = {}
    for s in present:
        tp = sum(1 for p in pairs if p.gold.stance == s and p.pred.stance == s)
        fp = sum(1 for p in pairs if p.gold.stance != s and p.pred.stance == s)
        fn = sum(1 for p in pairs if p.gold.stance == s and p.pred.stance != s)
        per[s] = _prf(tp, fp, fn)
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return per, macro


def _error_row(kind: str, gold: GoldClaim | None, pred: Claim | None, text: str) -> dict:
    start = gold.start_char if gold else pred.start_char
    end = gold.end_char if gold else pred.end_char
    # show the whole sentence around a gold span (which may be a fragment)
    lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    return {
        "error": kind,
        "doc_id": (gold or pred).doc_id,
        "topic": (gold or pred).topic,
        "sentence": (pred.sentence if pred else text[lo:hi]).strip(),
        "gold_span": text[gold.start_char : gold.end_char] if gold else "",
        "gold_stance": gold.stance if gold else "",
        "pred_stance": pred.stance if pred else "",
        "stance_cue": pred.stance_cue if pred else "",
        "gold_speaker": gold.speaker if gold else "",
        "pred_speaker": pred.speaker if pred else "",
        "gold_official": gold.official if gold else "",
        "pred_official": pred.official if pred else "",
        "gold_attribution": gold.attribution if gold else "",
        "pred_attribution": pred.attribution if pred else "",
        "gold_hedged": gold.hedged if gold else "",
        "pred_hedged": pred.hedged if pred else "",
        "trigger": pred.trigger if pred else "",
        "detector": pred.detector if pred else "",
        "start_char": start,
        "end_char": end,
    }


def write_errors(ev: Evaluation, path: str | Path) -> None:
    from .export import safe_cell

    rows = ev.errors
    fields = list(rows[0]) if rows else ["error", "doc_id", "topic", "sentence"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: safe_cell(v) for k, v in row.items()})


def evaluate(gold_path: str | Path, nlp=None, errors_path: str | Path | None = None, fast: bool = True) -> Evaluation:
    """Evaluate the pipeline (default: `nlp_tools.load()`) on a gold file."""
    from .pipeline import load

    gold = list(read_gold(gold_path))
    nlp = nlp or load()
    ev = score(gold, predict_gold(nlp, gold, fast=fast))
    if errors_path:
        write_errors(ev, errors_path)
    return ev


def format_report(ev: Evaluation) -> str:
    lines = [f"{'topic':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for topic in TOPICS:
        m = ev.per_topic.get(topic, {})
        lines.append(f"{topic:<14}{m.get('precision', 0):>7.3f}{m.get('recall', 0):>7.3f}{m.get('f1', 0):>7.3f}"
                     f"{m.get('tp', 0):>6}{m.get('fp', 0):>6}{m.get('fn', 0):>6}")
    m = ev.micro
    lines.append(f"{'micro':<14}{m.get('precision', 0):>7.3f}{m.get('recall', 0):>7.3f}{m.get('f1', 0):>7.3f}"
                 f"{m.get('tp', 0):>6}{m.get('fp', 0):>6}{m.get('fn', 0):>6}")
    lines.append("")
    lines.append(f"matched pairs      {ev.matched} (gold {ev.gold_claims}, predicted {ev.predicted_claims}, documents {ev.documents})")
    lines.append(f"stance accuracy    {ev.stance_accuracy:.3f}   macro-F1 {ev.stance_macro_f1:.3f}")
    per = "  ".join(f"{s} {v['f1']:.2f} (n={v['tp'] + v['fn']})" for s, v in ev.stance_per_class.items())
    lines.append(f"  per stance F1    {per}")
    lines.append(f"speaker accuracy   {ev.speaker_accuracy:.3f}")
    lines.append(f"official accuracy  {ev.official_accuracy:.3f}")
    lines.append(f"attribution acc.   {ev.attribution_accuracy:.3f}")
    lines.append(f"hedged accuracy    {ev.hedged_accuracy:.3f}")
    return "\n".join(lines)
