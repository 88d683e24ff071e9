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

    def run(text: str, doc_id: str = "doc") -> list:
        ((_, claims),) = list(extract_claims(nlp, [document_from_text(text, doc_id=doc_id, kind="txt", meta={})]))
        return claims

    return run
