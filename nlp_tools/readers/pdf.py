"""PDF: the text layer, via pypdf, with the layout's line wraps undone."""

from __future__ import annotations

import logging

from ..errors import InputError
from .text import join_wrapped_lines


def read_pdf(data: bytes, path: str) -> tuple[str, dict]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    import io

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")  # many PDFs are encrypted with an empty user password
            except Exception:
                opened = 0
            if not opened:
                raise InputError(path, "PDF is encrypted with a password: save an unprotected copy") from None
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata or {}
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(path, f"corrupt PDF ({type(exc).__name__}: {str(exc)[:80]})") from None
    except Exception as exc:  # pypdf surfaces malformed files as assorted errors
        raise InputError(path, f"corrupt PDF ({type(exc).__name__})") from None
    if not any(page.strip() for page in pages):
        raise InputError(path, "PDF has no text layer (a scan?): run OCR first")
    text = "\n\n".join(join_wrapped_lines(page.split("\n")) for page in pages if page.strip())
    # The file's CreationDate says when the PDF was made, not when the statement
    # was: it is not used as the document's date.
    return text, {"title": str(info.get("/Title") or "").strip()}
