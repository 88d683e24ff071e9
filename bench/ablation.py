"""What each step of the fast path buys: extraction alone, on the same texts, one process.

    python bench/ablation.py [--words 300000]

Runs bare `nlp.pipe`, the exact path, and the fast path with its steps added
one at a time, and prints words per second, the share of the text parsed,
and how many of the exact path's claims each variant reproduces in every field.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import run_bench  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300_000)
    args = parser.parse_args()
    import nlp_tools
    from nlp_tools.candidates import CandidateFilter
    from nlp_tools.documents import Document
    from nlp_tools.extract import FastExtractor, extract_claims
    from nlp_tools.pipeline import resolve_model
    from nlp_tools.readers import read_documents

    folder, _, _ = run_bench.build(args.words, 1, f"corpus-{args.words}")
    docs = [d for d in read_documents([str(folder)]) if isinstance(d, Document)]
    words = sum(d.words for d in docs)
    nlp = nlp_tools.load()
    bare = resolve_model()
    rows = []

    def key(claim) -> str:
        return json.dumps(claim.to_dict(), sort_keys=True, default=str)

    started = time.perf_counter()
    for _ in bare.pipe((d.text for d in docs), batch_size=64):
        pass
    rows.append(("bare nlp.pipe (full model, no claims)", time.perf_counter() - started, 1.0, None))
    started = time.perf_counter()
    exact = {d.doc_id: [key(c) for c in claims] for d, claims in extract_claims(nlp, docs, fast=False)}
    rows.append(("exact path (nlp.pipe, whole documents)", time.perf_counter() - started, 1.0, exact))

    variants = [
        ("1 filter: candidate lines + line before", dict(sentences=False, context=1, lead=0, tail=0, refers_back=False), False),
        ("2 + sentences as segments, sentence before", dict(context=1, lead=0, tail=0, refers_back=False), False),
        ("3 + a few words around, sentence before only for he/quotes",
         dict(context=0, lead=25, tail=20, refers_back=True), False),
        ("4 + attribute ruler without the Matcher", dict(context=0, lead=25, tail=20, refers_back=True), True),
        ("5 + parser and NER stepped from Python", dict(context=0, lead=25, tail=20, refers_back=True), "parser"),
    ]
    for label, options, ruler in variants:
        extractor = FastExtractor(nlp, fast_ruler=bool(ruler), fast_parser=ruler == "parser")
        extractor.filter = CandidateFilter(nlp, **options)
        started = time.perf_counter()
        out = {d.doc_id: [key(c) for c in claims] for d, claims in extractor.extract(docs)}
        seconds = time.perf_counter() - started
        rows.append((label, seconds, extractor.stats["parsed_chars"] / extractor.stats["chars"], out))
        steps = ", ".join(f"{k} {v / seconds:.0%}" for k, v in extractor.seconds.most_common(6))
        print(f"  {label}: {steps}", flush=True)

    total = sum(len(v) for v in exact.values())
    base = rows[0][1]
    print(f"\n{len(docs)} documents, {words:,} words; exact path: {total} claims\n")
    print(f"{'':62}{'words/s':>9}{'vs bare':>9}{'parsed':>8}{'same claims':>14}")
    for label, seconds, parsed, out in rows:
        same = "" if out is None else f"{sum(len(set(exact[k]) & set(out.get(k, []))) for k in exact)}/{total}"
        print(f"{label:62}{words / seconds:>9,.0f}{base / seconds:>8.2f}x{parsed:>8.0%}{same:>14}")


if __name__ == "__main__":
    main()
