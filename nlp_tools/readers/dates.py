"""Finding a document's date: metadata, dateline, transcript header.

Candidate strings are found with a few regular expressions (where a date sits
in a dateline is a layout question); the string itself is parsed by
`dateparser`, a maintained parser that knows month names, abbreviations and
orders in many languages.
"""

from __future__ import annotations

import functools
from datetime import date, datetime

from ..structure import DATE_PATTERN as _DATE
from ..structure import DATELINE_PATTERN as _DATELINE

EARLIEST = date(1900, 1, 1)
# A date written out in full is well under this; anything longer is not a date
# (and would fill the parse cache).
MAX_DATE_LENGTH = 100


@functools.lru_cache(maxsize=4096)
def parse_date(value: str) -> date | None:
    """Parse one date string; None when it is not a plausible date."""
    value = (value or "").strip()
    if not value or len(value) > MAX_DATE_LENGTH:
        return None
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError:
        parsed = None
    if parsed is None:
        import dateparser  # imported lazily: it takes a second to load

        try:
            found = dateparser.parse(
                value,
                languages=["en"],
                settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]},
            )
        except (ValueError, OverflowError, TypeError, KeyError, IndexError, AttributeError):
            found = None  # dateparser's way of failing on some nonsense strings
        parsed = found.date() if isinstance(found, datetime) else None
    if parsed is None or parsed < EARLIEST or parsed > date.today().replace(year=date.today().year + 1):
        return None
    return parsed


def find_dateline(text: str) -> date | None:
    """The date of a dateline in the first lines ("WASHINGTON, Oct. 1, 2015 —")."""
    for line in text[:3000].split("\n")[:12]:
        m = _DATELINE.search(line)
        if m:
            found = parse_date(m.group("date"))
            if found:
                return found
    return None


def find_header_date(header: str) -> date | None:
    """The first full date in a header (a transcript's title block, a release's top)."""
    for m in _DATE.finditer(header[:4000]):
        found = parse_date(m.group(0))
        if found:
            return found
    return None
