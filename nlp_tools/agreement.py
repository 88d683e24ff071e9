"""How far two annotators agree, measured with the evaluator's own matching.

    python -m nlp_tools.agreement A.jsonl B.jsonl [--json] [--disagreements FILE.csv]

Both files are gold files as `nlp-tools evaluate` reads them. Annotator A plays
the part of the gold, annotator B that of the predictions, and `evaluate.score`
compares them: the same pairing (same document, same topic, overlapping spans,
one-to-one, largest overlap first) and the same lenient actor match for speaker,
agent and counterpart. So the agreement figures are the ceiling against which
the extractor's figures on the same documents can be read. Claims F1 does not
depend on which file comes first (precision and recall swap); Cohen's kappa on
stance and on `official` over the matched claims corrects their raw agreement
for the agreement the two annotators' label frequencies give by chance.

Only documents present in both files (by `doc_id`) are compared; a document
whose text differs between the files is refused, since its offsets would not
compare.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import typer
from sklearn.metrics import cohen_kappa_score

from .claims.record import STANCES, TOPICS, Claim
from .cli import user_errors
from .errors import NlpToolsError
from .evaluate import ActorMatcher, Evaluation, GoldDocument, read_gold, score, write_errors


@dataclass
class Agreement:
    """The figures of B against A over the documents both annotated."""

    figures: Evaluation
    stance_kappa: float  # NaN when undefined (both annotators used one label only)
    official_kappa: float
    only_in_a: list[str] = field(default_factory=list)
    only_in_b: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        ev = self.figures
        return _finite({
            "documents": ev.documents, "claims_a": ev.gold_claims, "claims_b": ev.predicted_claims,
            "matched": ev.matched, "per_topic": ev.per_topic, "micro": ev.micro,
            "stance_agreement": ev.stance_accuracy, "stance_kappa": self.stance_kappa,
            "stance_macro_f1": ev.stance_macro_f1, "stance_per_class": ev.stance_per_class,
            "speaker_agreement": ev.speaker_accuracy, "agent_agreement": ev.agent_accuracy,
            "counterpart_agreement": ev.counterpart_accuracy, "official_agreement": ev.official_accuracy,
            "official_kappa": self.official_kappa, "attribution_agreement": ev.attribution_accuracy,
            "hedged_agreement": ev.hedged_accuracy, "only_in_a": self.only_in_a, "only_in_b": self.only_in_b,
        })


def agreement(path_a: str | Path, path_b: str | Path, matcher: ActorMatcher | None = None) -> Agreement:
    """Compare two annotators' gold files over the documents both hold."""
    docs_a = _by_id(path_a)
    docs_b = _by_id(path_b)
    shared = [doc_id for doc_id in docs_a if doc_id in docs_b]
    if not shared:
        raise NlpToolsError(f"{path_a}, {path_b}: no document (doc_id) in both files")
    for doc_id in shared:
        if docs_a[doc_id].text != docs_b[doc_id].text:
            raise NlpToolsError(f"{path_b}: document {doc_id!r} has another text than in {path_a}")
    gold = [docs_a[doc_id] for doc_id in shared]
    other = {doc_id: as_claims(docs_b[doc_id]) for doc_id in shared}
    ev = score(gold, other, matcher or ActorMatcher())
    stances_a = [p.gold.stance for p in ev.pairs]
    stances_b = [p.pred.stance for p in ev.pairs]
    official_a = [p.gold.official for p in ev.pairs]
    official_b = [p.pred.official for p in ev.pairs]
    return Agreement(
        ev, kappa(stances_a, stances_b, list(STANCES)), kappa(official_a, official_b, [True, False]),
        [d for d in docs_a if d not in docs_b], [d for d in docs_b if d not in docs_a],
    )


def kappa(a: list, b: list, labels: list) -> float:
    """Cohen's kappa, or NaN when chance agreement is certain (one label used by both)."""
    if not a or len(set(a) | set(b)) < 2:
        return math.nan
    return float(cohen_kappa_score(a, b, labels=labels))


def as_claims(doc: GoldDocument) -> list[Claim]:
    """One annotator's claims as Claim records, so `score` can take them as predictions."""
    return [
        Claim(doc_id=c.doc_id, sentence=doc.text[c.start_char : c.end_char], start_char=c.start_char,
              end_char=c.end_char, topic=c.topic, stance=c.stance, hedged=c.hedged, speaker=c.speaker,
              speaker_org=c.speaker_org, official=c.official, attribution=c.attribution, agent=c.agent,
              counterpart=c.counterpart)
        for c in doc.claims
    ]


def _by_id(path: str | Path) -> dict[str, GoldDocument]:
    docs: dict[str, GoldDocument] = {}
    for doc in read_gold(path):
        if doc.doc_id in docs:
            raise NlpToolsError(f"{path}: document {doc.doc_id!r} appears twice")
        docs[doc.doc_id] = doc
    return docs


def _finite(value):
    """NaN (an undefined kappa) as null, so the JSON stays valid."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    return value


def format_agreement(ag: Agreement) -> str:
    ev = ag.figures
    lines = [f"{'topic':<14}{'P':>7}{'R':>7}{'F1':>7}{'both':>6}{'B only':>8}{'A only':>8}"]
    for topic in (*TOPICS, "micro"):
        m = ev.micro if topic == "micro" else ev.per_topic[topic]
        lines.append(f"{topic:<14}{m['precision']:>7.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}"
                     f"{m['tp']:>6}{m['fp']:>8}{m['fn']:>8}")
    lines += [
        "",
        f"documents          {ev.documents} (claims: A {ev.gold_claims}, B {ev.predicted_claims}, matched {ev.matched})",
        f"stance agreement   {ev.stance_accuracy:.3f}   kappa {_show(ag.stance_kappa)}   macro-F1 {ev.stance_macro_f1:.3f}",
        f"speaker agreement  {ev.speaker_accuracy:.3f}",
        f"agent agreement    {ev.agent_accuracy:.3f}",
        f"counterpart agr.   {ev.counterpart_accuracy:.3f}",
        f"official agreement {ev.official_accuracy:.3f}   kappa {_show(ag.official_kappa)}",
        f"attribution agr.   {ev.attribution_accuracy:.3f}",
        f"hedged agreement   {ev.hedged_accuracy:.3f}",
    ]
    for name, ids in (("A", ag.only_in_a), ("B", ag.only_in_b)):
        if ids:
            lines.append(f"only in {name}: {len(ids)} documents, not compared ({', '.join(ids[:5])}{', ...' if len(ids) > 5 else ''})")
    return "\n".join(lines)


def _show(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.3f}"


app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@app.command()
@user_errors
def compare(
    a: Path = typer.Argument(..., metavar="A.jsonl", help="Annotator A's gold JSONL (taken as the reference)."),
    b: Path = typer.Argument(..., metavar="B.jsonl", help="Annotator B's gold JSONL, the same documents."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    disagreements: Path | None = typer.Option(
        None, "--disagreements", help="Write every claim only one annotator has, and every field they differ on, to this CSV."),
):
    """Inter-annotator agreement: claims P/R/F1 per topic, stance and official kappa, field agreement."""
    for path in (a, b):
        if not path.is_file():
            raise NlpToolsError(f"{path}: no such file")
    result = agreement(a, b)
    typer.echo(json.dumps(result.to_dict(), indent=2) if as_json else format_agreement(result))
    if disagreements:
        write_errors(result.figures, disagreements)
        typer.echo(f"wrote {len(result.figures.errors)} disagreement rows to {disagreements}", err=True)


if __name__ == "__main__":
    app(prog_name="python -m nlp_tools.agreement")
