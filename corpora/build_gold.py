"""Build a gold JSONL file from a folder of documents and its `annotations/` YAML files.

Each annotation YAML lists claims by a verbatim snippet (`sent`) of the claim's
sentence. This script reads every document exactly as `nlp-tools run` reads it
(same readers, same normalisation), finds each snippet in the normalised text
and writes its offsets, so the gold file and the extractor agree on the text.

    python corpora/build_gold.py                       # the sample corpus (or: make gold)
    python corpora/build_gold.py MY_FOLDER [--out F]   # your own: MY_FOLDER/gold.jsonl by default
    python corpora/build_gold.py MY_FOLDER --annotations ann_b/ --out b.jsonl   # a second annotator

The annotations folder and the output file are never read as documents.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

from nlp_tools.readers import ReadOptions, ReadProblem, read_documents

ROOT = Path(__file__).resolve().parent / "sample"
FIELDS = ["topic", "stance", "hedged", "speaker", "speaker_role", "speaker_org", "official", "attribution", "agent", "counterpart"]


def find_snippet(text: str, snippet: str) -> list[tuple[int, int]]:
    pattern = r"\s+".join(re.escape(word) for word in snippet.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build gold JSONL from documents and annotations/*.yaml.")
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT, help="folder of documents with an annotations/ folder")
    parser.add_argument("--annotations", type=Path, help="folder of annotation YAML files (default: FOLDER/annotations)")
    parser.add_argument("--out", type=Path, help="gold file to write (default: FOLDER/gold.jsonl)")
    args = parser.parse_args(argv)
    root = args.folder
    annotations = args.annotations or root / "annotations"
    out = args.out or root / "gold.jsonl"
    if not annotations.is_dir():
        print(f"{annotations}: no such folder (one YAML file of claims per document)", file=sys.stderr)
        return 1
    documents = {}
    for item in read_documents([str(root)], ReadOptions(exclude=[str(annotations), str(out)])):
        if isinstance(item, ReadProblem):
            if not item.ignored:
                print(f"problem: {item}", file=sys.stderr)
            continue
        documents[item.doc_id] = item
    problems = 0
    rows = []
    seen = set()
    for path in sorted(annotations.glob("*.yaml")):
        try:
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            doc_id = spec["doc_id"]
        except (yaml.YAMLError, TypeError, KeyError) as exc:
            print(f"{path.name}: not an annotation file (needs doc_id and claims): {exc}", file=sys.stderr)
            problems += 1
            continue
        seen.add(doc_id)
        doc = documents.get(doc_id)
        if doc is None:
            print(f"{path.name}: document {doc_id!r} not found among the documents of {root}", file=sys.stderr)
            problems += 1
            continue
        claims = []
        for claim in spec.get("claims") or []:
            if not isinstance(claim, dict) or not str(claim.get("sent") or "").strip():
                print(f"{path.name}: a claim without its snippet (sent): {claim!r}", file=sys.stderr)
                problems += 1
                continue
            spans = find_snippet(doc.text, str(claim["sent"]))
            if len(spans) != 1:
                print(f"{path.name}: snippet found {len(spans)} times: {claim['sent']!r}", file=sys.stderr)
                problems += 1
                continue
            start, end = spans[0]
            row = {"sent": doc.text[start:end], **{f: claim.get(f, "") for f in FIELDS}, "start_char": start, "end_char": end}
            claims.append(row)
        rows.append({
            "doc_id": doc_id, "date": doc.date.isoformat() if doc.date else "", "source": doc.source,
            "title": doc.title, "url": doc.url, "text": doc.text, "claims": claims,
        })
    for doc_id in sorted(set(documents) - seen):
        print(f"document {doc_id!r} has no annotation file", file=sys.stderr)
        problems += 1
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {out} ({len(rows)} documents, {sum(len(r['claims']) for r in rows)} claims, {problems} problems)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
