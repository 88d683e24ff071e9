"""HTML pages: the main text and its metadata, via trafilatura.

trafilatura is a maintained main-content extractor (navigation, share buttons,
cookie banners and related-article lists are left out) that also reads the
page's title and publication date from its metadata.

Its date finder (htmldate) is kept to the markup (meta tags, JSON-LD, <time>,
date-classed elements, the canonical URL): its free-text search would take a
caption's or a sentence's date as the page's metadata. Dates in the text are
left to `dates.py`, which sets captions aside and ranks what it finds.
"""

from __future__ import annotations

import logging

from ..errors import InputError
from .text import decode_bytes


def read_html(data: bytes, path: str) -> tuple[str, dict]:
    markup, encoding = decode_bytes(data, path)
    import trafilatura
    from trafilatura.settings import set_date_params

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    try:
        result = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            date_extraction_params=set_date_params(extensive=False),
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(path, f"cannot parse HTML ({type(exc).__name__})") from None
    result = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = result.get("text") or ""
    if not text.strip():
        raise InputError(path, "HTML page has no main text (only scripts, navigation or markup)")
    meta = {
        "title": (result.get("title") or "").strip(),
        "date": result.get("date") or "",
        "url": result.get("url") or "",
        "source": result.get("sitename") or "",
        "encoding": encoding,
    }
    return text, meta
