"""Build corpora/sample/gold.jsonl from the sample documents and their annotations.

Each annotation YAML lists claims by a verbatim snippet (`sent`) of the claim's
sentence. This script reads every document exactly as `nlp-tools run` reads it
(same readers, same normalisation), finds each snippet in the normalised text
and writes its offsets, so the gold file and the extractor agree on the text.

    python corpora/build_gold.py            # or: make gold
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

from nlp_tools.readers import ReadProblem, read_documents

ROOT = Path(__file__).resolve().parent / "sample"
FIELDS = ["topic", "stance", "hedged", "speaker", "speaker_role", "speaker_org", "official", "attribution", "agent", "counterpart"]


def find_snippet(text: str, snippet: str) -> list[tuple[int, int]]:
    pattern = r"\s+".join(re.escape(word) for word in snippet.split())
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def main() -> int:
    documents = {}
    for item in read_documents([str(ROOT)]):
        if isinstance(item, ReadProblem):
            if not item.ignored:
                print(f"problem: {item}", file=sys.stderr)
            continue
        documents[item.doc_id] = item
    problems = 0
    rows = []
    seen = set()
    for path in sorted((ROOT / "annotations").glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc_id = spec["doc_id"]
        seen.add(doc_id)
        doc = documents.get(doc_id)
        if doc is None:
            print(f"{path.name}: document {doc_id!r} not found among the sample documents", file=sys.stderr)
            problems += 1
            continue
        claims = []
        for claim in spec.get("claims") or []:
            spans = find_snippet(doc.text, claim["sent"])
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
    out = ROOT / "gold.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {out} ({len(rows)} documents, {sum(len(r['claims']) for r in rows)} claims, {problems} problems)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
