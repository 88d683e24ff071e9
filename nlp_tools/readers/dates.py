"""Finding a document's date: metadata, dateline, transcript header.

Candidate strings are found with a few regular expressions (where a date sits
in a dateline is a layout question); the string itself is parsed by
`dateparser`, a maintained parser that knows month names, abbreviations and
orders in many languages.
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "Oct. 1, 2015", "1 October 2015", "2015-10-01", "17 Aug 2016"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
# A dateline: an upper-case place, an optional agency, then the date and a dash,
# or the date followed by an agency in brackets.
_DATELINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z .'\-]*[A-Z]\s*(?:\([^)]{{0,40}}\))?,?\s+)?(?P<date>{_DATE.pattern})"
    r"\s*(?:\([^)]{0,40}\))?\s*(?:[,.:]?\s*[\u2014\u2013\-]|[,.:]\s|$)"
)

EARLIEST = date(1900, 1, 1)


@functools.lru_cache(maxsize=4096)
def parse_date(value: str) -> date | None:
    """Parse one date string; None when it is not a plausible date."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = date.fromisoformat(value[:10])
    except ValueError:
        parsed = None
    if parsed is None:
        import dateparser  # imported lazily: it takes a second to load

        found = dateparser.parse(
            value,
            languages=["en"],
            settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"]},
        )
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
