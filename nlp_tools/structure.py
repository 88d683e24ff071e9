"""Document structure from the text alone: transcript turns, headers, boilerplate.

Runs on normalised text, before and independently of spaCy, so that readers
(dates) and the claim component (speakers, lines to skip) share one analysis.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from .errors import NlpToolsError
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


# A photo caption's close: the day the picture was taken ("..., Sunday, Aug. 7, 2022.", "..., on May 20, 2021.")
_CAPTION_CLOSE = re.compile(
    rf",\s+(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?(?:on\s+)?"
    rf"(?:{DATE_PATTERN.pattern})\.?\s*$"
)


def ends_like_caption(text: str) -> bool:
    """A sentence closed by the date a picture was taken, as photo captions are."""
    return bool(_CAPTION_CLOSE.search(text))


_CLOSING = tuple(".!?\"'”’:;)…")
# capitals and letters of the Latin alphabets names are printed in ("Stéphane Dujarric", "Çavuşoğlu", "ŠEFČOVIČ")
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
_LETTER = rf"[a-z{_UP}ß-öø-ÿā-žſ]"
_NAME_WORD = rf"(?:[{_UP}](?:{_LETTER}|['’\-])+|[{_UP}]\.)"


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

    @property
    def holds_no_claim(self) -> bool:
        """A reporter's question or a moderator's turn ("Next question"): no statement of the briefer's."""
        return self.is_question or self.is_moderator


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
    story_starts: tuple[int, ...] = ()  # a roundup's stories after the first: each opens on a dated dateline
    rules: StructureRules | None = None  # the rules it was read with (the header's titles and roles)

    def same_story(self, earlier: int, later: int) -> bool:
        """No story of a roundup begins between the two offsets."""
        return not any(earlier < s <= later for s in self.story_starts)

    def story_start(self, offset: int) -> int:
        """Where the story holding `offset` begins (0 outside a roundup)."""
        return max((s for s in self.story_starts if s <= offset), default=0)

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
        self.asking_labels = set(self.question_labels)  # a journalist asking, not an outlet's name
        self.media_labels = {_label_key(x) for x in transcript.get("media_labels", [])}
        self.outlet_words = {str(x).lower() for x in transcript.get("outlet_words", [])}
        self.question_labels |= self.media_labels
        self.answer_labels = {_label_key(x) for x in transcript.get("answer_labels", [])}
        self.dotted_labels = [str(x).strip(". ") for x in transcript.get("dotted_labels", [])]
        self.question_openings = tuple(f"{str(x).strip()} " for x in transcript.get("question_openings", []))
        self.mixed_case_names = bool(transcript.get("mixed_case_names", True))
        self.transcript_words = tuple(str(x).lower() for x in transcript.get("header_words", []))
        self.moderator_labels = {_label_key(x) for x in transcript.get("moderator_labels", [])}
        self.not_speakers = {_label_key(x) for x in transcript.get("not_speakers", [])}
        self.not_speakers |= {_label_key(x) for x in transcript.get("dateline_places", [])}
        honorifics = sorted(
            (_label_key(x) for x in transcript.get("honorifics", [])), key=len, reverse=True
        )
        self.honorifics = honorifics
        self.honorific_words = {w.lower().strip(".") for h in honorifics for w in h.split()}
        self.presenter_prefixes = [_label_key(x) for x in transcript.get("presenter_prefixes", [])]
        asking = "|".join(re.escape(str(x)) for x in transcript.get("interviewer_prefixes", []))
        self.interviewer_line = re.compile(rf"(?i)^({asking})\s*[:\-–]\s*(.+)$") if asking else re.compile(r"(?!)")
        self.not_speakers |= set(self.presenter_prefixes)  # "Briefer: ..." introduces, in the header
        self.title_words = {str(x).lower().strip(".") for x in transcript.get("title_words", [])}
        self.role_nouns = {str(x).lower().strip(".") for x in transcript.get("role_nouns", [])}
        self.boilerplate = [
            re.compile(p, re.IGNORECASE) for p in boilerplate.get("line_patterns", [])
        ]
        self.heading_max_words = int(boilerplate.get("heading_max_words", 16))
        self.bullets = tuple(str(x) for x in boilerplate.get("bullets", []) if str(x).strip())
        self.bullet_min_words = int(boilerplate.get("bullet_min_words", 6))
        sentences = config.get("sentences") or {}
        if not isinstance(sentences, dict):
            raise NlpToolsError(f"{source}: section 'sentences' should be a dict")
        # "Capt", "Lt", "H.E": as written, without the final full stop
        self.title_abbreviations = tuple(
            str(x).strip().rstrip(".") for x in sentences.get("title_abbreviations", []) if str(x).strip(" .")
        )
        self.whole_words = _word_map(sentences, "whole_words", "each word to its lemma", source)
        self.name_norms = _word_map(sentences, "name_norms", "each name to the word the model reads", source)
        self.passive_participles = _word_map(sentences, "passive_participles", "each participle to its verb", source)

    @cached_property
    def label_pattern(self) -> re.Pattern:
        honor = "|".join(re.escape(h).replace(r"\ ", r"\.?[ \t]+") for h in self.honorifics)
        # (labels stay on one line: [ \t], never \s, between their words)
        upper = rf"[{_UP}][{_UP}0-9.'’\-]*(?:[ \t]+[{_UP}][{_UP}0-9.'’\-]*){{0,8}}"
        titled = rf"(?i:{honor})\.?[ \t]+{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}}"
        labels = sorted(self.question_labels, key=len, reverse=True)
        question = "(?i:" + "|".join(re.escape(q).replace(r"\ ", r"[ \t]+") for q in labels) + ")"
        # (up to eight words: a role, ranks or an honorific and a name, "Foreign Secretary Shri Vikram Misri",
        # "Secretary of State Antony J. Blinken", "Pentagon Press Secretary Maj. Gen. Pat Ryder")
        # (a role noun may be written in lower case: "Foreign Office spokesperson Wagner", as
        # government press conferences print it)
        roles = "|".join(re.escape(r) for r in sorted(self.role_nouns, key=len, reverse=True)) or "(?!)"
        ranked = rf"(?:[{_UP}](?:{_LETTER}|['’\-])+\.?|[{_UP}]\.|(?:{roles})\b)"
        # ("The Secretary of State for Defence:": an office's last word may follow "for" or "of")
        mixed = (rf"(?P<mixed>{_NAME_WORD}(?:[ \t]+(?:(?:of|the|for|and)[ \t]+){{0,2}}{ranked}){{0,6}}"
                 rf"[ \t]+(?:(?:of|for|the)[ \t]+){{0,2}}{_NAME_WORD})"
                 if self.mixed_case_names else "(?!)")
        # one word in ordinary case ("Austin:", "Spokesperson:"): a turn only beside journalists' turns
        single = r"(?P<single>[A-Z](?=[A-Za-z'’\-]*[a-z])[A-Za-z'’\-]+)" if self.mixed_case_names else "(?!)"
        dotted = "|".join(re.escape(d) for d in self.dotted_labels) or "(?!)"
        # (and an abbreviated title or rank: "Ms. Derya Tanrıkulu, Deputy Director ...", "Lt. Gen. X, Spokesman")
        word = rf"(?:{_NAME_WORD}|[{_UP}][{_UP}0-9.'’\-]*|[A-Z][a-z]{{1,3}}\.)"
        # "Official Spokesperson, Shri Randhir Jaiswal:" and "Sidhant, WION:" (a role and a name, a name and an outlet)
        # ("Stéphane Dujarric, Spokesman for the Secretary-General": a role may hold "of"/"for the")
        # ("Rear Admiral X, Press and Public Relations Adviser": a role may hold "and")
        pair = (rf"(?P<pair>{word}(?:[ \t]+{word}){{0,4}},[ \t]*{word}(?:[ \t]+(?:(?:of|for|the|to|and)[ \t]+){{0,2}}{word}){{0,5}})"
                if self.mixed_case_names else "(?!)")
        # "The Secretary of State for Defence (Grant Shapps):", as parliaments print an office and its holder
        office = rf"(?P<office>(?:The[ \t]+)?{_NAME_WORD}(?:[ \t]+(?:of|for|the|and|{_NAME_WORD})){{1,8}})(?=[ \t]*\()"
        return re.compile(
            rf"^(?:(?P<label>{pair}|{upper}|{titled}|{question}|{office}|{mixed}|{single})"
            rf"(?:[ \t]*\((?P<note>[^)\n]{{0,60}})\))?(?:[ \t]*\([^)\n]{{0,30}}\)){{0,2}}[ \t]*:\s*"
            rf"|(?P<dotted>{dotted})\.[ \t]+(?=\S))",
            re.MULTILINE,
        )

    def says_transcript(self, header: str) -> bool:
        """The text before the first turn calls itself a transcript ("Press Briefing by ...")."""
        lowered = header.lower()
        return any(w in lowered for w in self.transcript_words)

    def pair_label(self, label: str) -> tuple[bool, str, str] | None:
        """A "role, name" or "name, outlet" label: (is a question, name, role), or None."""
        first, _, second = (part.strip() for part in label.partition(","))
        second_key = _label_key(second)
        if second_key in self.media_labels or (second.isupper() and len(second) <= 8):
            return True, "", ""  # "Sidhant, WION": a journalist and the outlet
        if len(first.split()) <= 2 and any(w.lower() in self.outlet_words for w in second.split()) and not any(
                w.lower().strip(".") in self.role_nouns for w in label.replace(",", " ").split()):
            return True, "", ""  # "Kavya, The Indian Express": an outlet by the words outlets' names are made of
        name = self.without_honorific(second)
        first_roles = [w.lower().strip(".") for w in first.split() if w.lower().strip(".") in self.role_nouns]
        second_roles = [w.lower().strip(".") for w in second.split() if w.lower().strip(".") in self.role_nouns]
        # ("Rear Admiral Murat Erdinç, Press and Public Relations Adviser": a rank is part of the name before a role)
        ranked_name = bool(first_roles) and set(first_roles) <= _RANK_WORDS and bool(second_roles)
        if first_roles and not ranked_name:
            return False, name, first  # "Official Spokesperson, Shri Randhir Jaiswal"
        if second_roles:
            # "Maria Zakharova, Foreign Ministry Spokeswoman" ("Ms. Derya Tanrıkulu, Deputy Director ...": without "Ms.")
            return False, self.without_honorific(first), second
        return None

    def without_honorific(self, name: str) -> str:
        """A label's name without the honorific or rank it opens with ("Shri X", "Ms. Y")."""
        key = _label_key(name)
        for h in self.honorifics:
            if key.startswith(h + " "):
                return " ".join(name.split()[len(h.split()):])
        return name




# military ranks, which stand before a name as a title does
_RANK_WORDS = frozenset({"general", "gen", "admiral", "adm", "colonel", "col", "captain", "capt", "lieutenant", "lt",
                         "major", "maj", "commander"})

_DATELINE_CHARS = 80


def dateline_only(text: str) -> bool:
    """The text is a dateline and nothing else ("KYIV, Aug 18 (Reuters) -"), as a sentence cut
    off before its report: no statement of its own."""
    text = text.strip()
    if not text or len(text) > _DATELINE_CHARS:
        return False  # (a sentence of the report is longer than any dateline: the patterns are not tried)
    probe = text + " A"  # (the patterns look ahead to the report's first letter)
    return any((m := p.match(probe)) is not None and m.end() >= len(text) for p in (
        DATELINE_PATTERN, _AGENCY_DATELINE, _CITY_AGENCY_DATELINE, _PLACE_DATELINE, _BARE_DATELINE))


def dateline_end(line: str) -> int:
    """Where the text proper starts after a dateline ("WASHINGTON, Oct. 1, 2015 — "), or 0."""
    m = DATELINE_PATTERN.match(line)
    if m:
        return m.end()
    m = (_AGENCY_DATELINE.match(line) or _CITY_AGENCY_DATELINE.match(line) or _CITY_DAY_DATELINE.match(line)
         or _PLACE_DATELINE.match(line) or _BARE_DATELINE.match(line))
    if m and m.re not in (_AGENCY_DATELINE, _CITY_AGENCY_DATELINE) and len(line[m.end():].split()) < 8:
        return 0  # ("KYIV, Ukraine - Talks Resume": a headline, not a place before a report)
    return m.end() if m else 0


# "ANKARA, Nov. 24 (Reuters) -", "BAGHDAD (AP) —": a place, an optional date, an agency, a dash
_AGENCY_DATELINE = re.compile(
    # ("ERBIL, Iraq, Jan 17 (Reuters) -": the place's country or region between them)
    r"^(?:[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=,\s*[A-Z][a-z]{2,8}\.?\s+\d))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\([^)]{1,40}\)"
    # ("Amman, April 14 (Petra) --": a place in ordinary case, then an agency's name in capitals)
    r"|[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){0,2}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\([A-Z][A-Za-z&.' ]{0,30}\))"
    r"\s*[\u2014\u2013\-]+\s*"
)


# "Tehran, IRNA - ", "Hama, SANA – ": a place, then an agency's upper-case initials and a dash;
# "MOSCOW, June 14. /TASS/. ": a place, a date, the agency between slashes
_CITY_AGENCY_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2},\s+[A-Z]{2,6}\s*(?:[\u2014\u2013]|--?)\s*(?=[A-Z])"
    r"|[A-Z][A-Z .'\-]{1,40},\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.?\s*/[A-Z]{2,8}/\.?\s+(?=\S)"
    # "Riyadh, Rajab 23, 1442 AH, corresponding to March 7, 2021, SPA -- ": a place, a date with a year, the agency
    r"|[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+){0,2},[^\n]{0,80}?\b\d{4}\b[^\n]{0,12}?,\s+[A-Z]{2,6}\s*(?:[\u2014\u2013]|--?)\s*(?=[A-Z]))"
)


# "KABUL, Aug 30 - ", "BAGHDAD, Jan. 8 — ": an upper-case place, a day without its year, a dash
_CITY_DAY_DATELINE = re.compile(rf"^[A-Z][A-Z .'\-]{{1,40}},\s*{_MONTH}\s+\d{{1,2}}\s*(?:[\u2014\u2013]|--?)\s+(?=\S)")


# "ERBIL, Kurdistan Region – ", "GAZA CITY, Gaza Strip -- ": an upper-case place, its region, a dash
_PLACE_DATELINE = re.compile(
    r"^[A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]+){0,2},\s+[A-Z][a-z][A-Za-z'\-]*(?: [A-Z][a-z][A-Za-z'\-]*){0,2}"
    r"\s+(?:[\u2014\u2013]|--?)\s+(?=[A-Z])"
)


# "BAKU - ", "ISLAMABAD -- ": an upper-case place alone, then a dash with a space either side
# (joined, "NATO-Russia" is one name)
_BARE_DATELINE = re.compile(r"^[A-Z][A-Z'\-]{2,}(?: [A-Z][A-Z'\-]{2,}){0,2}\s+(?:[\u2014\u2013]|--?)\s+(?=[A-Z])")


def _same_role(role: str, label: str) -> bool:
    """Whether a bare label names the role a person was named with: the whole role ("the prime
    minister"), or its first word for a one-word label ("spokesman" for "spokesman for the
    secretary general")."""
    role, label = role.lower(), label.lower()
    return role == label or (len(label.split()) == 1 and role.split()[:1] == [label])


def _label_key(label: str) -> str:
    return re.sub(r"[\s.]+", " ", str(label).upper()).strip()


def analyse(text: str, title: str = "", rules: StructureRules | None = None) -> Structure:
    """Find transcript turns, header lines, headings and boilerplate in `text`."""
    rules = rules or default_rules()
    structure = Structure()
    structure.turns = _find_turns(text, rules, title)
    if structure.turns:
        structure.header_end = structure.turns[0].start
    structure.skips = list(_find_skips(text, title, rules, structure.header_end))
    structure.story_starts = _story_starts(text)
    structure.rules = rules
    return structure


def _story_starts(text: str) -> tuple[int, ...]:
    """Where the stories of a roundup ("WORLD BRIEFS") begin after the first: lines opening on
    a dateline, when there are two or more. A story's parties are its own."""
    starts, offset = [], 0
    for line in text.split("\n"):
        if _dated_dateline(line):
            starts.append(offset)
        offset += len(line) + 1
    return tuple(starts[1:])


def _dated_dateline(line: str) -> bool:
    """A dateline with a date or an agency ("SEOUL, Jan 17 (WNW) - "), not a place alone or a label
    a bare-place pattern takes too ("BACKGROUND - ", "UPDATE - ")."""
    return any(p.match(line) for p in (DATELINE_PATTERN, _AGENCY_DATELINE, _CITY_AGENCY_DATELINE, _CITY_DAY_DATELINE))


@functools.lru_cache(maxsize=1)
def default_rules() -> StructureRules:
    """The packaged rules, compiled on first use and then shared (read-only)."""
    return StructureRules()


def _label_of(m: re.Match) -> str:
    """The label of a turn match: "MR. COOK", "Austin", or "Q" of a dotted "Q."."""
    return (m.group("label") or m.group("dotted") or "").strip()


# a label in square brackets at a line's start, as some governments print their transcripts ("[Park Ji-hoon] Good
# morning.", "[Reporter, Yonhap] Is the line ...?")
_BRACKETED_LABEL = re.compile(r"^\[([^\]\n:]{2,60})\][ \t](?=\S)", re.MULTILINE)


def _find_turns(text: str, rules: StructureRules, title: str = "") -> list[Turn]:
    # read as "Park Ji-hoon:  ", of the same length, so that every offset stays the text's own
    text = _BRACKETED_LABEL.sub(lambda m: m.group(0) if _label_key(m.group(1)) in rules.not_speakers else f"{m.group(1)}:  ",
                                text)
    matches = []
    mixed: dict[str, int] = {}
    pairs: dict[str, tuple[bool, str, str] | None] = {}  # "role, name" labels, read once
    for m in rules.label_pattern.finditer(text):
        key = _label_key(_label_of(m))
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
        if _ordinary_case(m, rules) and key not in rules.question_labels:
            mixed[key] = mixed.get(key, 0) + 1
        matches.append(m)
    # "Q." / "A.": turns when a dotted question has an answer (dotted, or labelled otherwise)
    dotted = [_label_key(m.group("dotted")) for m in matches if m.group("dotted")]
    if dotted:
        asked = any(k in rules.question_labels for k in dotted)
        answered = len(dotted) > dotted.count("Q") or any(not m.group("dotted") for m in matches)
        if not (asked and answered):
            matches = [m for m in matches if not m.group("dotted")]
    if mixed:
        # "Maria Zakharova:" in ordinary case: a turn in a briefing, or a label that comes back;
        # beside journalists' turns ("Q:", "QUESTION:", "Q."), also a label after the first
        # question or one the text before names ("Austin:", "Spokesperson:", one word: only then)
        first = min((m.start() for m in matches), default=0)
        briefing = rules.says_transcript(text[:first])
        # an office printed with its holder, as parliaments do, shows a transcript from there on
        held = min((m.start() for m in matches if _office_holder(m, rules)), default=len(text))
        def asks(m: re.Match) -> bool:  # (an outlet's name as a label asks when a question follows: "IRNA: Did ...?")
            key = _label_key(_label_of(m))
            return key in rules.asking_labels or (key in rules.media_labels and "?" in _rest_of_line(text, m.end()))

        asked = min((m.start() for m in matches if asks(m)), default=-1)

        def keep(m: re.Match) -> bool:
            key = _label_key(m.group("label") or "")
            if not _ordinary_case(m, rules) or key in rules.question_labels or key in rules.moderator_labels:
                return True
            if not m.group("single") and (briefing or mixed[key] >= 2 or m.start() > held):
                return True
            # (a name and a role, "Rear Admiral X, Press Adviser:", opens a turn before the first question too)
            named = bool(m.group("pair")) and pairs.get(m.group("label").strip()) is not None
            return asked >= 0 and (mixed[key] >= 2 or m.start() > asked or named or _named_before(m, text))

        matches = [m for m in matches if keep(m)]
    # One label alone may be "WARNING:" or a shouted heading: it makes a transcript
    # only when it names someone (two words or more) or the header says briefing.
    if len(matches) == 1:
        key = _label_key(_label_of(matches[0]))
        header = text[: matches[0].start()].lower()
        if len(key.split()) < 2 and not rules.says_transcript(header):
            return []
    if not matches:
        return []
    header = text[: matches[0].start()]
    interviewers = _interviewers(header, rules)
    turns = []
    resolved: dict[str, tuple[str, str]] = {}  # a transcript repeats the same few labels
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        label = _label_of(m)
        key = _label_key(label)
        # ("QUESTION HAGEDORN:", "Q MEINERS:": a journalist named after a word that marks a question, "Q" among them)
        is_question = key in rules.question_labels or key.split(" ", 1)[0] in rules.asking_labels
        is_moderator = key in rules.moderator_labels
        asking = interviewers.get(key)
        if asking and "?" in text[m.end() : end]:
            is_question = True  # the interviewer asking: what leads up to the question is part of it
        name, role = ("", "")
        pair = pairs.get(label) if m.group("pair") else None
        if pair is not None:
            is_question, name, role = pair
            if name and label not in resolved:
                full, header_role = resolve_label(name, header, rules, text)
                resolved[label] = (full if full.lower().endswith(name.lower().split()[-1]) else name, role or header_role)
            if name:
                name, role = resolved[label]
        elif key in rules.answer_labels:
            pass  # the speaker of "A:" is found once the others are known
        elif _office_holder(m, rules):  # "The Secretary of State for Defence (Grant Shapps):"
            name, role = _strip_honorific(m.group("note").strip()), label
        elif not (is_question or is_moderator):
            if label not in resolved:
                # "Spokesman:" after "Stéphane Dujarric, Spokesman for the Secretary-General:", "The Minister for the
                # Armed Forces:" after "The Minister for the Armed Forces (Mr X):": the one an earlier turn named in
                # that role, before any reading of the label's own words
                holder = next((t for t in reversed(turns) if t.name and t.name != t.label and t.role
                               and _same_role(_label_key(t.role), key)), None)
                resolved[label] = (holder.name, holder.role) if holder is not None else resolve_label(label, header, rules, text)
            name, role = resolved[label]
            if name and not role:
                # ("Mr Hale:" after "The Minister for the Armed Forces (Mr Geoffrey Hale):": the same person, in office)
                same_person = next((t for t in reversed(turns) if t.role and t.name and t.name.split()[-1] == name.split()[-1]), None)
                role = same_person.role if same_person is not None else role
            if asking and not role:
                role = asking  # ("Presenter": a journalist, who speaks for no government)
        turns.append(
            Turn(m.start(), m.end(), end, label, name, role, is_question, is_moderator)
        )
    turns = _split_answers(text, turns)
    answers = [i for i, t in enumerate(turns) if _label_key(t.label) in rules.answer_labels or not t.label]
    if answers:
        known = f"{title}\n{header}"  # the title is the document's too
        name, role = _answerer(turns, known if rules.says_transcript(known) else "", rules)
        if not name:  # (a statement's answers to the press, signed at its end by the one who answers)
            name, role = signature(text, rules) or ("", "")
        for i in answers:
            turns[i] = replace(turns[i], name=name, role=role)
    return turns


# the roles of one named at the end of a release to contact it, not to sign it
_CONTACT_ROLES = re.compile(r"(?i)\b(?:press|media|communications?|public affairs|information) officer\b|\bcontact\b")


def signature(text: str, rules: StructureRules) -> tuple[str, str] | None:
    """The one who signs a statement at its end: a line with a name (after any rank: "Commodore
    Ramon Villacorta") over a last line with a role ("PCG Spokesperson for the West Philippine
    Sea"), as (name, role); None when the text does not end so, or names a press contact."""
    lines = [line.strip() for line in text.rstrip().split("\n") if line.strip()][-2:]
    if len(lines) < 2:
        return None
    name_line, role_line = lines
    words = name_line.split()
    if name_line.endswith((".", ":", "?", "!")) or not 2 <= len(words) <= 6 or not all(w[:1].isupper() for w in words):
        return None
    k, titles, roles = 0, rules.title_words | rules.honorific_words, rules.title_words | rules.role_nouns
    while k < len(words) - 2 and words[k].lower().strip(".,") in titles:
        k += 1
    name = words[k:]
    if not 2 <= len(name) <= 4 or any(w.lower().strip(".,") in roles for w in name):
        return None
    role_words = [w.lower().strip(".,") for w in role_line.split()]
    if len(role_words) > 12 or not set(role_words) & rules.role_nouns or _CONTACT_ROLES.search(role_line):
        return None
    return " ".join(name), role_line.strip(" ,.")


def statement_before_turns(text: str, structure: Structure) -> bool:
    """A statement in prose before a transcript's first turn (a release with the answers to the
    press after it): two paragraphs or more of full sentences, 15 words or more each."""
    if not structure.turns:
        return False
    paragraphs = [p.strip() for p in text[: structure.turns[0].start].split("\n") if p.strip()]
    return sum(1 for p in paragraphs if len(p.split()) >= 15 and p.endswith((".", '"', "”"))) >= 2


def _interviewers(header: str, rules: StructureRules) -> dict[str, str]:
    """The labels (whole name, surname) of the one who asks in an interview, as its header names
    them ("Interview with the Minister ... / Presenter: Selin Tokgöz"), each with the word that
    names their part. In a briefing's header a "Presenter:" is the one who briefs, so only a
    header that says "interview" is read."""
    if "interview" not in header.lower():
        return {}
    keys = {}
    for line in header.splitlines():
        m = rules.interviewer_line.match(line.strip())
        if m and m.group(2).strip():
            name, part = m.group(2).strip(), m.group(1).strip().capitalize()
            keys.update({_label_key(name): part, _label_key(name.split()[-1]): part})
    return keys


def _office_holder(m: re.Match, rules: StructureRules) -> bool:
    """An office and its holder in parentheses ("The Secretary of State for Defence (Grant Shapps)")."""
    if not m.group("office") or not m.group("note"):
        return False
    note = m.group("note").split()
    return any(w.lower() in rules.role_nouns | rules.title_words for w in m.group("office").split()) and (
        2 <= len(note) <= 4 and all(re.fullmatch(_NAME_WORD, w) for w in note))


def _ordinary_case(m: re.Match, rules: StructureRules) -> bool:
    """A label in ordinary case, which makes a turn only where the text shows it is a transcript
    ("Maria Zakharova:", "Sidhant, WION:", "John Healey (Wentworth and Dearne) (Lab):")."""
    return bool(m.group("mixed") or m.group("pair") or m.group("single") or (
        m.group("office") and not _office_holder(m, rules)))


def _split_answers(text: str, turns: list[Turn]) -> list[Turn]:
    """A question turn ends with its question: "Q: Did they tell you beforehand?" and, on the
    next line, an answer with no label ("We were told an hour before.") is an answer turn
    (label ''), not part of the question."""
    out = []
    for turn in turns:
        if not turn.is_question:
            out.append(turn)
            continue
        cut = -1
        pos = turn.text_start
        for line in text[turn.text_start : turn.end].split("\n"):
            body = line.strip()
            if body and cut >= 0:
                if body.rstrip("\"'”’) ").endswith("?"):
                    cut = -1  # another question line: the question goes on
                else:
                    break
            elif body.rstrip("\"'”’) ").endswith("?"):
                cut = pos + len(line)
            pos += len(line) + 1
        else:
            cut = -1
        if cut < 0:
            out.append(turn)
            continue
        answer = cut + len(text[cut : turn.end]) - len(text[cut : turn.end].lstrip())
        out.append(replace(turn, end=cut))
        out.append(Turn(answer, answer, turn.end, "", "", "", False, False))
    return out


def _rest_of_line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : end if end >= 0 else len(text)]


def _named_before(m: re.Match, text: str) -> bool:
    """The label's last word is named in the text before it ("Lloyd Austin ... Austin:")."""
    last = m.group("label").split()[-1]
    return bool(re.search(rf"(?<![\w.]){re.escape(last)}\b", text[: m.start()]))


def _answerer(turns: list[Turn], header: str, rules: StructureRules) -> tuple[str, str]:
    """Who answers in "A:" turns: the one person answering elsewhere, else the one the header
    names (a transcript's header: an explainer's "Q:"/"A:" are the outlet's own)."""
    speakers = {(t.name, t.role) for t in turns if t.name and not (t.is_question or t.is_moderator)}
    if len(speakers) == 1:
        return next(iter(speakers))
    if not speakers:
        people = people_in(header, rules)
        if people:
            return people[0]
        roles = roles_in(header, rules)
        if roles:  # "Foreign Ministry Spokesperson's Regular Press Conference": named by role alone
            return roles[0], roles[0]
    return "", ""


def roles_in(text: str, rules: StructureRules) -> list[str]:
    """Every capitalised run of `text` that ends on a role noun ("Foreign Ministry Spokesperson's
    Regular Press Conference" gives "Foreign Ministry Spokesperson")."""
    out = []
    for m in _CAPITALISED_RUN.finditer(text):
        words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in m.group(0).split()]
        ends = [k for k, w in enumerate(words) if w.lower().strip(".,") in rules.role_nouns]
        if ends and ends[-1] > 0:
            out.append(" ".join(_without_leading_small_words(words[: ends[-1] + 1])))
    return out


def _without_leading_small_words(words: list[str]) -> list[str]:
    """A role without the small words a capitalised run may open with ("of", "The")."""
    while words and words[0] in _SMALL_WORDS | {"The"}:
        words = words[1:]
    return words


# a run of capitalised words, with the small words of a title between them ("Secretary of Defense Lloyd J. Austin III")
_RUN_WORD = rf"(?:(?:[A-Z]\.){{2,}}|{_NAME_WORD})"  # "U.S." too
_CAPITALISED_RUN = re.compile(rf"(?<![\w.]){_RUN_WORD}(?:[ \t]+(?:{_RUN_WORD}|of|for|the))*")
_SMALL_WORDS = {"of", "for", "the"}


def people_in(text: str, rules: StructureRules) -> list[tuple[str, str]]:
    """(name, role) of every "role First Last" phrase in `text`, in order: "Secretary of Defense
    Lloyd J. Austin III" gives ("Lloyd J. Austin III", "Secretary of Defense"). The role must
    hold a role noun and the name two words or more, neither of them a title word."""
    out = []
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        owner = next((k for k, w in enumerate(words) if w.endswith(("'s", "’s"))), None)
        if owner is not None:  # "Spokesperson Lin Hua's Regular Press Conference": the name ends there
            words = [*words[:owner], words[owner][:-2]]
        i = len(words)
        while i > 0 and words[i - 1].lower().strip(".,") not in rules.title_words and words[i - 1] not in _SMALL_WORDS:
            i -= 1
        name, role = _name_words(words[i:]), _without_leading_small_words(words[:i])
        if len(name) >= 2 and any(w.lower().strip(".,") in rules.role_nouns for w in role):
            out.append((" ".join(name), " ".join(role)))
    return out


# what follows a name and is part of it ("Jr.", "III"), lower case without its full stop
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def is_name_suffix(word: str) -> bool:
    """A name's suffix ("Jr.", "Sr.", "III"), however written."""
    return word.lower().rstrip(".") in NAME_SUFFIXES


def _name_words(words: list[str]) -> list[str]:
    """The name at the start of `words`: two words, with initials and "Jr."/"III" (three when
    nothing follows): "Lloyd Austin Holds Briefing" -> "Lloyd Austin"."""
    plain = [k for k, w in enumerate(words) if not (re.fullmatch(r"[A-Z]\.", w) or is_name_suffix(w))]
    if len(plain) <= 3:
        return words
    end = plain[1] + 1
    while end < len(words) and is_name_suffix(words[end]):
        end += 1
    return words[:end]


def resolve_label(label: str, header: str, rules: StructureRules, text: str = "") -> tuple[str, str]:
    """Full name and role for a turn label, using the transcript's header.

    "PETER COOK" gives "Peter Cook"; "MR. COOK" or "SECRETARY CARTER" give the
    surname, which is looked up in the header ("Presenter: Secretary of Defense
    Ash Carter") for the full name and the role in front of it; when the header
    has only the surname, in the rest of the text (`text`). A label that is a
    title alone ("Mr. Secretary", "Spokesperson") gives the person the header
    names with that title, else the title itself.
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
    if all(w.lower().strip(".") in rules.title_words | _SMALL_WORDS for w in words):
        return _titled_person(words, header, rules)
    if words[-1].lower().strip(".") in rules.title_words:
        # a body's title with no name ("NATO Secretary General", "Kremlin Spokesman"): the person the
        # header names with it, or the title as written
        return _titled_person(words, header, rules, written=label.strip() if label != label.upper() else "")
    # "SECRETARY OF STATE FOR DEFENSE MICHAEL FALLON": the name is the tail after the title
    tail = []
    for w in reversed(words):
        if w.lower().strip(".") in rules.title_words or w in ("OF", "FOR", "THE", "AND"):
            break
        tail.insert(0, w)
    title = words[: len(words) - len(tail)]
    while len(tail) > 2 and tail[0].rstrip(".") in rules.honorifics:
        tail.pop(0)  # "FOREIGN SECRETARY SHRI VIKRAM MISRI": the honorific between the title and the name
    numbered = tail and tail[-1] in ("ONE", "TWO", "THREE", "FOUR", "1", "2", "3", "4", "#1", "#2")
    if tail and len(tail) < len(words) and not numbered:
        words = tail
    else:
        title = []
    surname = words[-1]
    name = " ".join(_titlecase(w) for w in words)
    header_name, role = _find_in_header(surname, header, rules.title_words, rules.role_nouns)
    if len(header_name.split()) < 2 and len(words) == 1 and text:
        # the header names no one by that name: the body may ("Q: Secretary Austin, ...")
        body_name, body_role = _find_in_header(surname, text[len(header):], rules.title_words, rules.role_nouns, after=False)
        if len(body_name.split()) >= 2:
            header_name, role = body_name, role or body_role
    if header_name and (len(words) == 1 or header_name.lower().endswith(name.lower())):
        name = header_name
    elif honorific and not role and honorific not in {"MR", "MS", "MRS", "MISS", "DR"}:
        role = _titlecase(honorific)
    if title and not role:  # the title the label itself gives ("Foreign Secretary")
        role = _title_text(title)
    return name, role


def _titled_person(words: list[str], header: str, rules: StructureRules, written: str = "") -> tuple[str, str]:
    """A label that is a title alone ("MR. SECRETARY", "THE MINISTER", "Spokesperson"): the person
    the header names with that title, or else the title (`written`, when the label's own case is
    to be kept), as a speaker named by role."""
    title = written or _title_text(words)
    wanted = {w.lower().strip(".") for w in words} - _SMALL_WORDS - {"the"}
    for name, role in people_in(header, rules):
        if wanted and wanted <= {w.lower().strip(".,") for w in role.split()}:
            return name, role
    if wanted:  # "Remarks by President Biden on ...": the title before a surname alone
        core = [w for w in words if w.lower().strip(".") in wanted]
        m = re.search(r"\b" + r"\s+".join(re.escape(_titlecase(w.strip("."))) for w in core) + r"\s+([A-Z][a-z'’\-]+)\b(?!['’]?\s*[A-Z])",
                      header)
        if m and m.group(1).lower() not in rules.title_words and m.group(1).lower() not in _HEADLINE_EVENT_WORDS:
            return m.group(1), title
        # "Briefing by the Official Spokesperson, Shri Rohan Mathur (March 17, 2022)": the name set beside the title
        m = re.search(r"\b" + r"\s+".join(re.escape(_titlecase(w.strip("."))) for w in core)
                      + r",[ \t]+(?:(?:Shri|Smt|Mr|Ms|Mrs|Dr)\.?[ \t]+)?([A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){1,2})(?=[ \t]*(?:[(,.;:]|$))",
                      header, re.M)
        if m and not ({w.lower() for w in m.group(1).split()} & (rules.title_words | _HEADLINE_EVENT_WORDS)):
            return m.group(1), title
        named = _holder_named(core, header, rules)
        if named:
            return named
    return title, title


# the marks a rank may carry in brackets before a name: reserve, retired ("Lt. Col. (res.)", "Maj. Gen. (retd)")
RANK_MARK_WORDS = frozenset({"res", "ret", "retd", "retired"})
# ranks and such marks between a role and a name
_RANK_MARKS = rf"(?:[ \t]+(?:[A-Z][a-z]{{0,4}}\.|\((?i:{'|'.join(sorted(RANK_MARK_WORDS))})\.?\)))*"


def _holder_named(core: list[str], header: str, rules: StructureRules) -> tuple[str, str] | None:
    """The person a header names after the label's role noun, in any case and past a rank
    ("Participants: Kremlin spokesman Anatoly Verkhovsky", "IDF International Spokesperson Lt.
    Col. (res.) Noam Ashkenazi"), when the label's other words stand just before it: (name, role)."""
    noun, others = core[-1].strip("."), [w.strip(".").lower() for w in core[:-1]]
    pattern = re.compile(rf"\b(?i:{re.escape(noun)}){_RANK_MARKS}[ \t]+([A-Z][a-z'’\-]+(?:[ \t]+[A-Z][a-z'’\-]+){{1,2}})\b")
    for m in pattern.finditer(header):
        name = m.group(1)
        if {w.lower() for w in name.split()} & (rules.title_words | _HEADLINE_EVENT_WORDS):
            continue
        line_start = header.rfind("\n", 0, m.start()) + 1
        before = header[max(line_start, m.start() - 40) : m.start()]
        if all(re.search(rf"\b{re.escape(w)}\b", before, re.I) for w in others):
            role_words = []  # (the title's words right before the noun: "IDF International", "ministry"; not "briefing by")
            for word in reversed(before.split(":")[-1].split(",")[-1].split()):
                if not (word[:1].isupper() or word.lower().strip(".,") in rules.title_words):
                    break
                role_words.insert(0, word)
            return name, " ".join([*role_words, header[m.start() : m.start() + len(noun)]]).strip()
    return None


# words of a headline that follow a title without being a name ("Press Secretary Briefing")
_HEADLINE_EVENT_WORDS = frozenset({"briefing", "remarks", "statement", "call", "conference", "meeting", "interview",
                                   "readout", "press", "holds", "delivers", "speaks", "says", "visit", "trip", "message"})


def _title_text(words: list[str]) -> str:
    """Upper-case title words as a title is written ("CHIEF OF THE GENERAL STAFF": "Chief of the General Staff")."""
    return " ".join(_titlecase(w) if w not in ("OF", "FOR", "THE", "AND") else w.lower() for w in words)


def _titlecase(word: str) -> str:
    parts = re.split(r"([\-'’])", word.lower())
    return "".join(p[:1].upper() + p[1:] for p in parts)


def _find_in_header(surname: str, header: str, title_words: set[str], role_nouns: set[str], after: bool = True) -> tuple[str, str]:
    """Find `surname` in the header: the full name around it and the role before it (or, with
    `after`, after it: "Peter Cook, Pentagon Press Secretary")."""
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
            keep = min(keep, len(words) - 1) if len(words) > 1 and is_name_suffix(words[-1]) else keep
            if len(words) - keep >= 3 and re.search(r"\b(?:for|of|on)\s*$", line[: m.start() + len(" ".join(words[:keep]))]):
                # "Coordinator for Strategic Communications John Kirby": the title's object runs into the name;
                # the name is its last words (a middle initial kept: "Lloyd J. Austin")
                keep = len(words) - (3 if re.fullmatch(r"[A-Z]\.", words[-2]) else 2)
            start = m.start() + len(" ".join(words[:keep])) + (1 if keep else 0) if keep < len(words) else m.start()
            name = _strip_honorific(" ".join(words[keep:]))
            following = re.match(rf"\s+({_NAME_WORD})(?=[\s,.;:)]|$)", line[m.end() :])
            if name.lower() == _titlecase(surname).lower() and following and following.group(1).lower().strip(".") not in title_words:
                name = f"{name} {following.group(1)}"  # a label by the given name ("PRAVIT:", "Pravit Rattanakorn")
            before = line[:start].strip()
            role = _role_before(before)
            if not _is_role(role, role_nouns) and after:
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
    # (up to the next comma or bracket: "Struve, Kellermann (AA), Lt. Col. Reinke" lists others, no role)
    rest = re.split(r"[,;(]", rest.strip(" ,;:-\u2013\u2014"), maxsplit=1)[0].strip()
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
    name = re.sub(r"^(?:(?:His|Her)\s+Excellency|H\.\s?E\.)\s+", "", name)  # ("I invite His Excellency Pravit ...")
    return re.sub(r"^(?:Mr|Ms|Mrs|Dr|Gen|Adm|Col|Capt|Lt|Maj)\.?\s+", "", name).strip()


def _closes(line: str) -> bool:
    """A line ends like a sentence: closing punctuation, possibly inside quotes or brackets
    ("... said." or '... "routine."'), not a headline ending on a quoted word ('... 'satellite'')."""
    core = line.rstrip("\"'”’») ")
    return bool(core) and core[-1] in ".!?:;…"


def _opening_prose(line: str, rules: StructureRules) -> bool:
    """A line before a transcript's first turn that reads as sentences (longer than a heading, closed
    by a full stop, not in Title Case): what is said there, not the header's title or date."""
    core = line.rstrip("\"'”’») ")
    # (not a line that describes the event itself: "Gen. Tom Middendorp joined the briefing to discuss ...")
    return core.endswith((".", "!", "?")) and len(line.split()) > rules.heading_max_words and not _title_case(line) and (
        not rules.says_transcript(line))


def _find_skips(text: str, title: str, rules: StructureRules, header_end: int):
    title_key = " ".join(title.lower().split())
    first_line = True
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0).strip()
        start, end = m.start(), m.end()
        if header_end and end <= header_end and not _opening_prose(line, rules):
            # (an opening statement before the first turn is said, not a header: "On Syria, the
            # Secretary-General remains deeply concerned ... hit two health facilities yesterday.")
            yield SkipSpan(start, end, "header")
            first_line = False
            continue
        lowered = line.lower()
        if any(p.search(lowered) for p in rules.boilerplate):
            yield SkipSpan(start, end, "boilerplate")
        elif title_key and " ".join(lowered.split()) == title_key:
            yield SkipSpan(start, end, "heading")
        elif not _closes(line) and (
            first_line or len(line.split()) <= rules.heading_max_words or _title_case(line)
        ) and not _key_point(line, rules):
            yield SkipSpan(start, end, "heading")
        first_line = False


# words a Title-Case heading leaves in lower case
_HEADLINE_SMALL_WORDS = frozenset("a an the and or nor but of on in at to for from with by as via over into per vs".split())


def _title_case(line: str) -> bool:
    """A long heading written in Title Case ("Joint Statement from Australia, Bahrain, ... on
    Additional Strikes Against the Houthis in Yemen"), however many words it has."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", line) if w.lower() not in _HEADLINE_SMALL_WORDS]
    return len(words) >= 4 and sum(1 for w in words if w[0].isupper()) >= 0.85 * len(words)


def _key_point(line: str, rules: StructureRules) -> bool:
    """A bulleted statement ("• The minister says Moscow was told in advance"), not a heading:
    a bullet, then enough words written as a sentence rather than a Title-Case headline."""
    marker = next((b for b in rules.bullets if line.startswith(b)), None)
    if marker is None:
        return False
    words = [w for w in line[len(marker):].split() if w[:1].isalpha()]
    if len(words) < rules.bullet_min_words or (marker.isascii() and not line[len(marker):][:1].isspace()):
        return False  # "-5 degrees", "*Note": no bullet
    capitalised = sum(1 for w in words[1:] if w[0].isupper())
    return capitalised <= len(words[1:]) / 2


def _word_map(section: dict, key: str, what: str, source: str) -> dict[str, str]:
    """A `sentences` mapping of words to words ("co-operation: cooperation"), the values in lower case."""
    value = section.get(key) or {}
    if not isinstance(value, dict):
        raise NlpToolsError(f"{source}: 'sentences.{key}' should map {what}")
    return {str(k).strip(): str(v).strip().lower() for k, v in value.items() if str(k).strip() and v}
