"""Shared fixtures: one real spaCy pipeline for the whole session (no mocks)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"


@pytest.fixture(scope="session")
def nlp():
    import nlp_tools

    return nlp_tools.load()


@pytest.fixture(scope="session")
def extract(nlp):
    """Claims of one text, as the pipeline finds them."""
    from nlp_tools.claims import DocumentContext

    def run(text: str, **context):
        doc = nlp.make_doc(text)
        doc._.press_context = DocumentContext(**context)
        return nlp(doc)._.claims

    return run
