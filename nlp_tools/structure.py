"""Document structure from the text alone: transcript turns, headers, boilerplate.

Runs on normalised text, before and independently of spaCy, so that readers
(dates) and the claim component (speakers, lines to skip) share one analysis.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import cached_property

from .resources import load_data, require

# Dates as they open news items and releases: "Oct. 1, 2015", "1 October 2015", "2015-10-01".
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# "Oct. 1, 2015", "1 October 2015", "2015-10-01", "17 Aug 2016"
DATE_PATTERN = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
# A dateline: an upper-case place, an optional agency, then the date and a dash,
# or the date followed by an agency in brackets.
DATELINE_PATTERN = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z .'\-]*[A-Z]\s*(?:\([^)]{{0,40}}\))?,?\s+)?(?P<date>{DATE_PATTERN.pattern})"
    r"\s*(?:\([^)]{0,40}\))?\s*(?:[,.:]?\s*[\u2014\u2013\-]|[,.:]\s|$)"
)


_CLOSING = tuple(".!?\"'”’:;)…")
_NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"


@dataclass(frozen=True)
class Turn:
    """A speaker's turn in a transcript: the text from its label to the next label."""

    start: int  # offset of the label
    text_start: int  # offset of the first character after the label
    end: int
    label: str
    name: str  # best full name for the speaker ("Peter Cook" for "MR. COOK")
    role: str  # from the header when it gives one
    is_question: bool
    is_moderator: bool


@dataclass(frozen=True)
class SkipSpan:
    """A stretch of text that never holds claims, and why."""

    start: int
    end: int
    reason: str  # boilerplate | heading | header


@dataclass
class Structure:
    turns: list[Turn] = field(default_factory=list)
    skips: list[SkipSpan] = field(default_factory=list)
    header_end: int = 0

    @property
    def is_transcript(self) -> bool:
        return bool(self.turns)

    def turn_at(self, offset: int) -> Turn | None:
        for turn in self.turns:
            if turn.start <= offset < turn.end:
                return turn
        return None

    def skip_reason(self, start: int, end: int) -> str:
        """Why the span start..end holds no claim, or '' when it may hold one."""
        for span in self.skips:
            if span.start <= start and end <= span.end + 1:
                return span.reason
        return ""


class StructureRules:
    """The data-driven rules of `structure.yaml`, compiled once."""

    def __init__(self, config: dict | None = None):
        config = config if config is not None else load_data("structure.yaml")
        source = "structure.yaml"
        transcript = require(config, "transcript", source)
        boilerplate = require(config, "boilerplate", source)
        self.question_labels = {_label_key(x) for x in transcript.get("question_labels", [])}
        self.media_labels = {_label_key(x) for x in transcript.get("media_labels", [])}
        self.question_labels |= self.media_labels
        self.mixed_case_names = bool(transcript.get("mixed_case_names", True))
        self.moderator_labels = {_label_key(x) for x in transcript.get("moderator_labels", [])}
        self.not_speakers = {_label_key(x) for x in transcript.get("not_speakers", [])}
        honorifics = sorted(
            (_label_key(x) for x in transcript.get("honorifics", [])), key=len, reverse=True
        )
        self.honorifics = honorifics
        self.presenter_prefixes = [_label_key(x) for x in transcript.get("presenter_prefixes", [])]
        self.title_words = {str(x).lower().strip(".") for x in transcript.get("title_words", [])}
        self.role_nouns = {str(x).lower().strip(".") for x in transcript.get("role_nouns", [])}
        self.boilerplate = [
            re.compile(p, re.IGNORECASE) for p in boilerplate.get("line_patterns", [])
        ]
        self.heading_max_words = int(boilerplate.get("heading_max_words", 16))

    @cached_property
    def label_pattern(self) -> re.Pattern:
        honor = "|".join(re.escape(h).replace(r"\ ", r"\.?[ \t]+") for h in self.honorifics)
        # (labels stay on one line: [ \t], never \s, between their words)
        upper = r"[A-Z][A-Z0-9.'’\-]*(?:[ \t]+[A-Z][A-Z0-9.'’\-]*){0,8}"
        titled = rf"(?i:{honor})\.?[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
        labels = sorted(self.question_labels, key=len, reverse=True)
        question = "(?i:" + "|".join(re.escape(q).replace(r"\ ", r"[ \t]+") for q in labels) + ")"
        mixed = rf"(?P<mixed>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})" if self.mixed_case_names else "(?!)"
        word = rf"(?:{_NAME_WORD}|[A-Z][A-Z0-9.'’\-]*)"
        # "Official Spokesperson, Shri Randhir Jaiswal:" and "Sidhant, WION:" (a role and a name, a name and an outlet)
        pair = rf"(?P<pair>{word}(?:[ \t]+{word}){{0,4}},[ \t]*{word}(?:[ \t]+{word}){{0,4}})" if self.mixed_case_names else "(?!)"
        return re.compile(
            rf"^(?P<label>{pair}|{upper}|{titled}|{question}|{mixed})(?:[ \t]*\((?P<note>[^)\n]{{0,60}})\))?[ \t]*:\s*",
            re.MULTILINE,
        )

    def pair_label(self, label: str) -> tuple[bool, str, str] | None:
        """A "role, name" or "name, outlet" label: (is a question, name, role), or None."""
        first, _, second = (part.strip() for part in label.partition(","))
        second_key = _label_key(second)
        if second_key in self.media_labels or (second.isupper() and len(second) <= 8):
            return True, "", ""  # "Sidhant, WION": a journalist and the outlet
        name = second
        for h in self.honorifics:
            if second_key.startswith(h + " "):
                name = " ".join(second.split()[len(h.split()):])
                break
        if any(w.lower().strip(".") in self.role_nouns for w in first.split()):
            return False, name, first  # "Official Spokesperson, Shri Randhir Jaiswal"
        if any(w.lower().strip(".") in self.role_nouns for w in second.split()):
            return False, first, second  # "Maria Zakharova, Foreign Ministry Spokeswoman"
        return None


_TRANSCRIPT_WORDS = ("briefing", "transcript", "press conference", "remarks", "interview", "presenter", "q&a")


def dateline_end(line: str) -> int:
    """Where the text proper starts after a dateline ("WASHINGTON, Oct. 1, 2015 — "), or 0."""
    m = DATELINE_PATTERN.match(line)
    if m:
        return m.end()
    m = _AGENCY_DATELINE.match(line)
    return m.end() if m else 0


# "ANKARA, Nov. 24 (Reuters) -", "BAGHDAD (AP) —": a place, an optional date, an agency, a dash
_AGENCY_DATELINE = re.compile(
    r"^[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\([^)]{1,40}\)\s*[\u2014\u2013\-]+\s*"
)


def _label_key(label: str) -> str:
    return re.sub(r"[\s.]+", " ", label.upper()).strip()


def analyse(text: str, title: str = "", rules: StructureRules | None = None) -> Structure:
    """Find transcript turns, header lines, headings and boilerplate in `text`."""
    rules = rules or default_rules()
    structure = Structure()
    structure.turns = _find_turns(text, rules)
    if structure.turns:
        structure.header_end = structure.turns[0].start
    structure.skips = list(_find_skips(text, title, rules, structure.header_end))
    return structure


@functools.lru_cache(maxsize=1)
def default_rules() -> StructureRules:
    """The packaged rules, compiled on first use and then shared (read-only)."""
    return StructureRules()


def _find_turns(text: str, rules: StructureRules) -> list[Turn]:
    matches = []
    mixed: dict[str, int] = {}
    pairs: dict[str, tuple[bool, str, str] | None] = {}  # "role, name" labels, read once
    for m in rules.label_pattern.finditer(text):
        key = _label_key(m.group("label"))
        if key in rules.not_speakers or len(key) < 1:
            continue
        # An upper-case label must look like a name or a title, not a shouted sentence.
        if len(key.split()) > 9:
            continue
        if m.group("pair"):
            label = m.group("label").strip()
            if label not in pairs:
                pairs[label] = rules.pair_label(label)
            if pairs[label] is None:
                continue  # a comma in a line that is no label
        if (m.group("mixed") or m.group("pair")) and key not in rules.question_labels:
            mixed[key] = mixed.get(key, 0) + 1
        matches.append(m)
    if mixed:
        # "Maria Zakharova:" in ordinary case: a turn in a briefing, or a label that comes back
        first = min((m.start() for m in matches), default=0)
        briefing = any(w in text[:first].lower() for w in _TRANSCRIPT_WORDS)
        matches = [m for m in matches if not (m.group("mixed") or m.group("pair"))
                   or _label_key(m.group("label")) in rules.question_labels
                   or briefing or mixed[_label_key(m.group("label"))] >= 2]
    # One label alone may be "WARNING:" or a shouted heading: it makes a transcript
    # only when it names someone (two words or more) or the header says briefing.
    if len(matches) == 1:
        key = _label_key(matches[0].group("label"))
        header = text[: matches[0].start()].lower()
        if len(key.split()) < 2 and not any(w in header for w in _TRANSCRIPT_WORDS):
            return []
    if not matches:
        return []
    header = text[: matches[0].start()]
    turns = []
    resolved: dict[str, tuple[str, str]] = {}  # a transcript repeats the same few labels
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        label = m.group("label").strip()
        key = _label_key(label)
        is_question = key in rules.question_labels or key.startswith("Q ")
        is_moderator = key in rules.moderator_labels
        name, role = ("", "")
        pair = pairs.get(label) if m.group("pair") else None
        if pair is not None:
            is_question, name, role = pair
            if name and label not in resolved:
                full, header_role = resolve_label(name, header, rules)
                resolved[label] = (full if full.lower().endswith(name.lower().split()[-1]) else name, role or header_role)
            if name:
                name, role = resolved[label]
        elif not (is_question or is_moderator):
            if label not in resolved:
                resolved[label] = resolve_label(label, header, rules)
            name, role = resolved[label]
        turns.append(
            Turn(m.start(), m.end(), end, label, name, role, is_question, is_moderator)
        )
    return turns


def resolve_label(label: str, header: str, rules: StructureRules) -> tuple[str, str]:
    """Full name and role for a turn label, using the transcript's header.

    "PETER COOK" gives "Peter Cook"; "MR. COOK" or "SECRETARY CARTER" give the
    surname, which is looked up in the header ("Presenter: Secretary of Defense
    Ash Carter") for the full name and the role in front of it.
    """
    key = _label_key(label)
    honorific = ""
    for h in rules.honorifics:
        if key.startswith(h + " "):
            honorific = h
            key = key[len(h) + 1 :]
            break
    words = [w for w in key.split() if w]
    if not words:
        return label.strip(), ""
    # "SECRETARY OF STATE FOR DEFENSE MICHAEL FALLON": the name is the tail after the title
    tail = []
    for w in reversed(words):
        if w.lower().strip(".") in rules.title_words or w in ("OF", "FOR", "THE", "AND"):
            break
        tail.insert(0, w)
    numbered = tail and tail[-1] in ("ONE", "TWO", "THREE", "FOUR", "1", "2", "3", "4", "#1", "#2")
    if tail and len(tail) < len(words) and not numbered:
        words = tail
    surname = words[-1]
    name = " ".join(_titlecase(w) for w in words)
    header_name, role = _find_in_header(surname, header, rules.title_words, rules.role_nouns)
    if header_name and (len(words) == 1 or header_name.lower().endswith(name.lower())):
        name = header_name
    elif honorific and not role and honorific not in {"MR", "MS", "MRS", "MISS", "DR"}:
        role = _titlecase(honorific)
    return name, role


def _titlecase(word: str) -> str:
    parts = re.split(r"([\-'’])", word.lower())
    return "".join(p[:1].upper() + p[1:] for p in parts)


def _find_in_header(surname: str, header: str, title_words: set[str], role_nouns: set[str]) -> tuple[str, str]:
    """Find `surname` in the header: the full name around it and the role before it."""
    if not header:
        return "", ""
    sur = re.escape(_titlecase(surname))
    pattern = re.compile(
        rf"(?P<name>(?:{_NAME_WORD}\s+){{0,3}}{sur}(?:\s+(?:Jr\.|Sr\.|II|III))?)\b"
    )
    best_name, best_role = "", ""
    for line_no, line in enumerate(header.split("\n")):
        for m in pattern.finditer(line):
            words = m.group("name").split()
            # the name is the run of words before the surname that are not part of a title
            keep = len(words)
            for i in range(len(words) - 2, -1, -1):
                if words[i].lower().strip(".") in title_words:
                    break
                keep = i
            keep = min(keep, len(words) - 1) if len(words) > 1 and words[-1] in ("Jr.", "Sr.", "II", "III") else keep
            start = m.start() + len(" ".join(words[:keep])) + (1 if keep else 0) if keep < len(words) else m.start()
            name = _strip_honorific(" ".join(words[keep:]))
            before = line[:start].strip()
            role = _role_before(before)
            if not _is_role(role, role_nouns):
                role = _role_after(header.split("\n"), line_no, line[m.end() :])
            if not _is_role(role, role_nouns):
                role = ""
            if len(name) > len(best_name) or (role and not best_role):
                best_name, best_role = name, role or best_role
    return best_name, best_role


_ROLE_SPLIT = re.compile(r"(?:[:;,(]|\band\b|\bby\b|\bwith\b|\u2014|\u2013|-{1,2})\s*")


def _is_role(text: str, title_words: set[str]) -> bool:
    return any(w.lower().strip(".,") in title_words for w in text.split())


def _role_before(before: str) -> str:
    role = _ROLE_SPLIT.split(before)[-1].strip() if before else ""
    role = re.sub(r"\b(?:Mr|Ms|Mrs|Dr)\.?$", "", role).strip()
    # A role is a short run of capitalised words ("Pentagon Press Secretary").
    if not role or len(role.split()) > 10 or not role[0].isupper():
        return ""
    return role


def _role_after(lines: list[str], line_no: int, rest: str) -> str:
    rest = rest.strip(" ,;:-\u2013\u2014")
    if rest and rest[0].isupper() and len(rest.split()) <= 8:
        return rest
    # State Department style: the name on one line, the title on the next one.
    for nxt in lines[line_no + 1 : line_no + 3]:
        nxt = nxt.strip()
        if nxt:
            if len(nxt.split()) <= 6 and nxt[0].isupper() and not nxt.endswith("."):
                return nxt
            break
    return ""


def _strip_honorific(name: str) -> str:
    return re.sub(r"^(?:Mr|Ms|Mrs|Dr|Gen|Adm|Col|Capt|Lt|Maj)\.?\s+", "", name).strip()


def _closes(line: str) -> bool:
    """A line ends like a sentence: closing punctuation, possibly inside quotes or brackets
    ("... said." or '... "routine."'), not a headline ending on a quoted word ('... 'satellite'')."""
    core = line.rstrip("\"'”’») ")
    return bool(core) and core[-1] in ".!?:;…"


def _find_skips(text: str, title: str, rules: StructureRules, header_end: int):
    title_key = " ".join(title.lower().split())
    first_line = True
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0).strip()
        start, end = m.start(), m.end()
        if header_end and end <= header_end:
            yield SkipSpan(start, end, "header")
            first_line = False
            continue
        lowered = line.lower()
        if any(p.search(lowered) for p in rules.boilerplate):
            yield SkipSpan(start, end, "boilerplate")
        elif title_key and " ".join(lowered.split()) == title_key:
            yield SkipSpan(start, end, "heading")
        elif not _closes(line) and (
            first_line or len(line.split()) <= rules.heading_max_words
        ):
            yield SkipSpan(start, end, "heading")
        first_line = False
