"""Running the pipeline over Documents: from Document to its claims.

The one place where Documents become spaCy Docs, so that `run`, `evaluate`
and the Dask workers extract in exactly the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .claims import Claim, DocumentContext
from .documents import Document

DEFAULT_BATCH_SIZE = 32


def context_for(document: Document) -> DocumentContext:
    return DocumentContext(
        doc_id=document.doc_id,
        date=document.date,
        source=document.source,
        title=document.title,
    )


def extract_claims(
    nlp: Language,
    documents: Iterable[Document],
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[tuple[Document, list[Claim]]]:
    """Yield each document with its claims, in input order, streaming."""

    def docs():
        for document in documents:
            doc = nlp.make_doc(document.text)
            doc._.press_context = context_for(document)
            yield doc, document

    for doc, document in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        yield document, list(doc._.claims or [])
