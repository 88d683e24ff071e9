"""Shared fixtures: one real spaCy pipeline for the whole session (no mocks)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"


@pytest.fixture(scope="session")
def nlp():
    """The rules alone (no topic detector): what the rule tests are about; test_detector.py
    trains and loads a detector of its own."""
    import nlp_tools

    return nlp_tools.load(rules_only=True)


@pytest.fixture(scope="session")
def extract(nlp):
    """Claims of one text, as the pipeline finds them."""
    from nlp_tools.claims import DocumentContext

    def run(text: str, **context):
        doc = nlp.make_doc(text)
        doc._.press_context = DocumentContext(**context)
        return nlp(doc)._.claims

    return run


@pytest.fixture(scope="session")
def extract_document(nlp):
    """Claims of one whole document, as `nlp-tools run` reads and extracts it (turns, header, issuer)."""
    from nlp_tools.extract import extract_claims
    from nlp_tools.readers import document_from_text

    def run(text: str, doc_id: str = "doc", **meta) -> list:
        ((_, claims),) = list(extract_claims(nlp, [document_from_text(text, doc_id=doc_id, kind="txt", meta=meta)]))
        return claims

    return run


# Documents written for the dyad, contradiction and report tests: the Russian Defence Ministry says
# it informed the Americans (carried by two outlets), the Pentagon confirms the notice and denies any
# coordination, Baghdad denies coordination of a U.S. strike, and a Pakistani statement and an Indian
# denial a year later.
DYAD_TEXTS = {
    "mod.txt": ("MOSCOW, May 3, 2019 (Volga Herald) - Russian aircraft struck militant positions in Idlib province "
                "overnight.\n\nThe Russian Defence Ministry said on Friday that it had informed the American side in "
                "advance of its air strikes near Idlib."),
    "copy.txt": ("ISTANBUL, May 4, 2019 (Bosphorus Daily) - Fighting went on around Idlib.\n\nThe Russian Defence "
                 "Ministry said on Friday that it had informed the American side in advance of its air strikes near Idlib."),
    "pentagon.txt": ("WASHINGTON, May 6, 2019 - Pentagon spokesman Sean Robertson said the United States had received a "
                     "notice from Russia shortly before the strikes.\n\n\"There is no coordination with Russia on these "
                     "strikes, and there will be none,\" Robertson said."),
    "baghdad.txt": ("BAGHDAD, May 7, 2019 - Iraq's government said on Tuesday that the United States had carried out the "
                    "drone strike on Iraqi soil without any coordination with Baghdad."),
    "islamabad.txt": ("ISLAMABAD, March 1, 2020 - Pakistan's Foreign Ministry said on Sunday that it had told India about "
                      "the missile test beforehand."),
    "delhi.txt": ("NEW DELHI, March 4, 2020 - India's External Affairs Ministry said New Delhi had received no advance "
                  "notice of the Pakistani missile test."),
}


@pytest.fixture(scope="session")
def dyad_run(nlp, tmp_path_factory):
    """`nlp-tools run` over DYAD_TEXTS: the output folder."""
    import nlp_tools

    corpus = tmp_path_factory.mktemp("dyad-corpus")
    for name, text in DYAD_TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("dyad-out")
    nlp_tools.run([str(corpus)], out=out, nlp=nlp)
    return out
