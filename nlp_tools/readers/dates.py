"""Finding a document's date: metadata, dateline, header, file name.

Candidate strings are found with a few regular expressions (where a date sits
in a dateline is a layout question); the string itself is parsed by
`dateparser`, a maintained parser that knows month names, abbreviations and
orders in many languages, or by `datetime` for the numeric dates of file names.

In a header, a date is ranked by what stands before it: a publication or byline
date first, then other header dates, then an "Updated" date. A caption or
picture credit dates the picture, never the document; a date in a running
sentence ("talks began on June 6, 2020") dates an event, and comes only after
the file name (`date_source` "body"). The cues are data, in `dates.yaml`.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePath

from ..errors import NlpToolsError
from ..resources import load_data, require
from ..structure import DATE_PATTERN as _DATE
from ..structure import DATELINE_PATTERN as _DATELINE

EARLIEST = date(1900, 1, 1)
# A date written out in full is well under this; anything longer is not a date
# (and would fill the parse cache).
MAX_DATE_LENGTH = 100
# A line of at most this many words that does not end like a sentence is a
# heading (as structure.yaml's heading_max_words): its dates are header dates.
HEADING_MAX_WORDS = 16

# Ranks of a date in a header, best first.
PUBLISHED, PLAIN, UPDATED, EVENT = range(4)


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
    return parsed if plausible(parsed) else None


def plausible(value: date | None) -> bool:
    """Within the years a statement read today can have been made in."""
    return value is not None and EARLIEST <= value <= date.today().replace(year=date.today().year + 1)


@dataclass(frozen=True)
class DateRules:
    """The cues of `dates.yaml`, compiled once."""

    caption_lines: tuple[re.Pattern, ...]
    caption_brackets: re.Pattern
    published: re.Pattern
    byline: re.Pattern
    updated: re.Pattern
    event: re.Pattern

    @classmethod
    def from_config(cls, config: dict, source: str = "dates.yaml") -> DateRules:
        def compile_(pattern: str) -> re.Pattern:
            try:
                return re.compile(pattern, re.IGNORECASE)
            except re.error as exc:
                raise NlpToolsError(f"{source}: bad pattern {pattern[:60]!r} ({exc})") from None

        weekday = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
        clock = r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[a-z]{2,4}\b)?\W*)?"  # "Updated: 14:32 GMT, 3 June"
        lead = r"^[\s|\u2022\u00b7,;:\u2013\u2014\-]*"
        return cls(
            caption_lines=tuple(compile_(p) for p in require(config, "caption_lines", source, list)),
            caption_brackets=compile_(require(config, "caption_brackets", source, str)),
            published=compile_(rf"{lead}{require(config, 'published_cues', source, str)}\b\W*(?:on\s+)?{clock}{weekday}$"),
            byline=compile_(require(config, "byline", source, str)),
            updated=compile_(rf"{lead}{require(config, 'updated_cues', source, str)}\b\W*(?:on\s+|at\s+)?{clock}{weekday}$"),
            event=compile_(rf"\b{require(config, 'event_words', source, str)}\s+{weekday}$"),
        )

    def is_caption(self, line: str) -> bool:
        return any(p.search(line) for p in self.caption_lines)


@functools.lru_cache(maxsize=1)
def default_date_rules() -> DateRules:
    """The packaged rules, compiled on first use and then shared (read-only)."""
    return DateRules.from_config(load_data("dates.yaml"))


def _readable_lines(text: str, rules: DateRules) -> list[str]:
    """The lines of `text` with captions set aside: a caption line becomes empty,
    a caption in brackets is blanked (offsets in the line are kept)."""
    lines = []
    for line in text.split("\n"):
        if rules.is_caption(line):
            lines.append("")
        else:
            lines.append(rules.caption_brackets.sub(lambda m: " " * len(m.group(0)), line))
    return lines


def find_dateline(text: str, rules: DateRules | None = None) -> date | None:
    """The date of a dateline in the first lines ("WASHINGTON, Oct. 1, 2015 —")."""
    rules = rules or default_date_rules()
    for line in _readable_lines(text[:3000], rules)[:12]:
        m = _DATELINE.search(line)
        if m:
            found = parse_date(m.group("date"))
            if found:
                return found
    return None


def _ends_sentence(line: str) -> bool:
    core = line.rstrip("\"'\u201d\u2019\u00bb) ")
    return bool(core) and core[-1] in ".!?;\u2026"


def _rank(line: str, lead: str, first_date: bool, first_line: bool, rules: DateRules) -> int:
    """How good a date is, from the words before it (`lead`, since the line's
    start or its previous date) and from its line (a heading, as structure.py
    tells them: the first line, or a short one, not ending like a sentence)."""
    if rules.published.search(lead) or (first_date and rules.byline.search(line) and len(lead.split()) <= 8):
        return PUBLISHED
    if rules.updated.search(lead):
        return UPDATED
    heading = not _ends_sentence(line) and (first_line or len(line.split()) <= HEADING_MAX_WORDS)
    if not heading and rules.event.search(lead):
        return EVENT
    return PLAIN


def header_date(header: str, rules: DateRules | None = None, transcript: bool = False) -> tuple[date | None, str]:
    """The best date of a header: (date, "header"), or (date, "body") for an
    event date in a running sentence, or (None, "").

    In a `transcript`'s header the title block's date comes before a byline
    or publication date: the statements were made at the briefing, and a
    republished transcript's byline can be days later.
    """
    rules = rules or default_date_rules()
    order = (PLAIN, PUBLISHED, UPDATED, EVENT) if transcript else (PUBLISHED, PLAIN, UPDATED, EVENT)
    best: tuple[int, int, date] | None = None
    for number, line in enumerate(_readable_lines(header[:4000], rules)):
        previous = 0
        for m in _DATE.finditer(line):
            lead_start, previous = previous, m.end()
            lead = line[lead_start : m.start()]
            found = parse_date(m.group(0))
            if found is None:
                continue
            candidate = (order.index(_rank(line, lead, lead_start == 0, number == 0, rules)), number, found)
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    if best is None:
        return None, ""
    return best[2], "body" if order[best[0]] == EVENT else "header"


def find_header_date(header: str, rules: DateRules | None = None) -> date | None:
    """The best date in a header (a transcript's title block, a release's top)."""
    return header_date(header, rules)[0]


# Year, month, day as file names write them: "2019-06-03", "2019_06_03",
# "2019.06.03", "20190603". Day-month orders are never guessed.
_NAME_DATE = re.compile(r"(?<!\d)(?P<y>\d{4})(?P<sep>[-_.]?)(?P<m>\d{2})(?P=sep)(?P<d>\d{2})(?!\d)")


def date_in_name(name: str) -> date | None:
    """The one date a file or folder name holds (year, month, day), or None.

    The three numbers must make a real calendar date in a plausible year and
    not be part of a longer number ("1220190603", "v1.2019.06.03"); numbers
    joined by a dash or underscore may stand beside them ("kurdistan24-2023-07-06",
    "2016-09-18-2"). A name holding two different dates is ambiguous and gives none.
    """
    found: set[date] = set()
    for m in _NAME_DATE.finditer(name):
        if m.group("sep") == "." and (re.search(r"\d\.$", name[: m.start()]) or re.match(r"\.\d", name[m.end() :])):
            continue  # one more number after a dot: a version ("v1.2019.06.03"), not a date
        try:
            value = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        if plausible(value):
            found.add(value)
    return found.pop() if len(found) == 1 else None


def date_from_path(path: str) -> date | None:
    """The date a document's file name gives, else the date its folder is named by.

    A folder counts only when its whole name is a date ("2016-09-18/statement.txt"):
    a folder named "crawl-2016-09-18" more likely says when files were collected.
    """
    pure = PurePath(os.path.abspath(path)) if path else PurePath()
    name = pure.name
    stem = name[: -len(pure.suffix)] if pure.suffix else name
    found = date_in_name(stem)
    if found is None and _NAME_DATE.fullmatch(pure.parent.name):
        found = date_in_name(pure.parent.name)
    return found


def find_date(text: str, header_end: int = 0, given: str = "", path: str = "") -> tuple[date | None, str]:
    """A document's date and where it came from, in order of evidence: the
    `given` metadata date, dateline, header, the file name (`path`: pass it only
    for a document that is a file of its own), and last a date in the opening
    sentences; (None, "") when none is found. `header_end` ends a transcript's header."""
    found = parse_date(given)
    if found:
        return found, "metadata"
    found = find_dateline(text[header_end:])
    if found:
        return found, "dateline"
    header = text[:header_end] if header_end else "\n".join(text.split("\n")[:6])
    in_header, source = header_date(header, transcript=header_end > 0)
    if in_header and source == "header":
        return in_header, source
    found = date_from_path(path) if path else None
    if found:
        return found, "filename"
    return in_header, source
