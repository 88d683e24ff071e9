"""A cheap candidate filter in front of the parser.

Most of a briefing says nothing about notifications, strikes or cooperation,
and the full spaCy pipeline (tagger, parser, NER) is what a run pays for. A
sentence can only hold a claim when it holds one of the lexicon's trigger
words, so the fast path parses only the sentences that do, with the sentence
before each one as context (and the head of the document, where a release
names its issuer); everything else is never parsed.

The vocabulary is derived from the loaded `press_claims` component's
`topic_rules` (strong lemmas, phrases, weak triggers), never from a copy, so it
follows the lexicons when they change. It is deliberately a superset:

- a lemma is turned into every surface form that the model's lemmatizer could
  map to it (its suffix rules and exception tables, inverted; the attribute
  ruler's lemma patterns; the tokenizer's special cases such as "cannot");
- a phrase counts when every position has one of its alternatives somewhere
  in the segment (order is not checked);
- a weak trigger counts when the corroboration it needs could be in the
  segment: for `context`, a context word or a strong trigger; for `timing`, a
  timing phrase or a strike trigger; for `event`, an event word; for a
  party (found on the parse and the entities), an actor word, a personal
  pronoun, or a word that may be a name (capitalised, unless it is a function
  word opening the segment); for `operation`, a military action word. Any
  other kind counts with no corroboration at all;
- words are runs of letters or digits, so "Russia's" gives "russia" and "s".

Segments are sentences as far as the raw text tells: lines (the
`line_sentences` component starts a sentence after every line break, so no
sentence crosses one), cut after a full stop, question or exclamation mark
followed by a capital letter, never after an abbreviation the tokenizer knows
("Gen.", "U.S."), a title abbreviation `line_sentences` joins to the name after
it ("Capt.", "Lieut.") or an initial, and never inside or right next to a quotation.
Segments the component skips anyway (header lines, headings, boilerplate,
reporters' questions in a transcript, as `structure.analyse` finds them) are
not candidates, though they may be context.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.parts_of_speech import IDS

from .claims.attribution import block_quotes
from .claims.topics import DEMONSTRATIVES, LOOKBACK
from .structure import Structure

_UPOS = tuple(p.lower() for p in IDS if p)
_WORD = re.compile(r"[^\W\d_]+|\d+")
# a possible sentence end: . ! ? (and closing quotes or brackets), spaces, a capital
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"“‘(\[]?[A-Z])")
# a pronoun the claim component resolves to someone named before, a quotation mark, or "the
# official(s)" or "the ministry" who may have spoken (or been cited) in the sentence before
_REFERS_BACK = re.compile(r"\b(?:[Hh]e|[Ss]he|him|[Hh]is|[Hh]er|[Tt]hey|them|[Tt]heir)\b|[\"“”‘’«»„]"
                          r"|\b[Tt]he (?:officials?|spokes(?:man|woman|person)|ministers?|sources?|diplomats?"
                          r"|ministry|department|command|office|agency)\b")
_QUOTES = "\"“”«»„'‘’"
_REACH_BACK = frozenset(DEMONSTRATIVES)

# The head of a document, parsed whenever it has a candidate: its heading lines
# (where a release names its issuer: attribution.Attributor.issuer reads up to 8
# heading or header lines within the first 2000 characters), and at least the
# first HEAD_CHARS characters (where a report names the people it quotes).
HEAD_CHARS = 600
HEADING_CHARS = 2000
HEADING_LINES = 8


def _pieces(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


Pattern = tuple[tuple[tuple[str, ...], ...], ...]  # positions > alternatives > word pieces


@dataclass
class Vocabulary:
    """Words and word patterns; `matches(words)` says whether a set of words holds one."""

    words: set[str] = field(default_factory=set)
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)  # key word -> patterns needing it
    always: bool = False  # some pattern needs nothing: every segment matches

    def add_form(self, form: str, aliases: dict[str, list[tuple[str, ...]]]) -> None:
        """One token's surface form (lower case)."""
        self.add_pattern(((form,),), aliases)

    def add_pattern(self, positions, aliases: dict[str, list[tuple[str, ...]]]) -> None:
        """A phrase: for each position, the token forms that may stand there."""
        compiled = []
        for alternatives in positions:
            alts: set[tuple[str, ...]] = set()
            for alt in alternatives:
                alt = alt.lower()
                alts.add(_pieces(alt))
                # a token the tokenizer cuts out of a longer string ("not" in "cannot")
                alts.update(aliases.get(alt, ()))
            if () in alts or not alts:
                continue  # satisfied by anything (a hyphen, punctuation)
            compiled.append(tuple(sorted(alts)))
        if not compiled:
            self.always = True
            return
        if len(compiled) == 1 and all(len(a) == 1 for a in compiled[0]):
            self.words.update(a[0] for a in compiled[0])
            return
        key_position = min(compiled, key=len)  # index under the position with fewest alternatives
        pattern = tuple(compiled)
        for alt in key_position:
            self.patterns.setdefault(alt[0], []).append(pattern)

    def matches(self, words: set[str]) -> bool:
        if self.always or not self.words.isdisjoint(words):
            return True
        for key in words.intersection(self.patterns):
            for pattern in self.patterns[key]:
                if all(any(words.issuperset(alt) for alt in position) for position in pattern):
                    return True
        return False


class Lemmas:
    """Surface forms a lemma can come from, with this model's lemmatizer."""

    def __init__(self, nlp: Language):
        self.rules: dict[str, list[tuple[str, str]]] = {}
        self.exceptions: dict[str, dict[str, set[str]]] = {}  # pos -> lemma -> forms
        self.ruler: dict[str, set[str]] = {}  # lemma -> forms (attribute ruler)
        for _name, pipe in nlp.pipeline:
            lookups = getattr(pipe, "lookups", None)
            tables = getattr(lookups, "tables", []) if lookups is not None else []
            if "lemma_rules" in tables:
                rules = lookups.get_table("lemma_rules")
                exc = lookups.get_table("lemma_exc") if "lemma_exc" in tables else {}
                for pos in _UPOS:  # the tables are keyed by hashed part-of-speech names
                    if pos in rules:
                        self.rules.setdefault(pos, []).extend(tuple(r) for r in rules[pos])
                    if pos in exc:
                        table = self.exceptions.setdefault(pos, {})
                        for form, lemmas in exc[pos].items():
                            for lemma in lemmas:
                                table.setdefault(str(lemma).lower(), set()).add(str(form).lower())
            if "lemma_lookup" in tables:
                lookup = self.exceptions.setdefault("*", {})
                for form, lemma in lookups.get_table("lemma_lookup").items():
                    if isinstance(form, str) and isinstance(lemma, str):
                        lookup.setdefault(lemma.lower(), set()).add(form.lower())
            for pattern in getattr(pipe, "patterns", None) or [] if type(pipe).__name__ == "AttributeRuler" else []:
                lemma = (pattern.get("attrs") or {}).get("LEMMA")
                if not lemma:
                    continue
                for token_patterns in pattern.get("patterns") or []:
                    if not isinstance(token_patterns, list) or not token_patterns:
                        continue
                    # only the token the attributes go to ("were informed": "informed", not "were")
                    tok = token_patterns[pattern.get("index", 0)]
                    for key in ("LOWER", "ORTH", "NORM", "TEXT"):
                        value = tok.get(key) if isinstance(tok, dict) else None
                        values = value.get("IN", []) if isinstance(value, dict) else [value]
                        for v in values:
                            if isinstance(v, str):
                                self.ruler.setdefault(str(lemma).lower(), set()).add(v.lower())

    def forms(self, lemma: str, pos: str = "") -> set[str]:
        """Every lower-case surface form whose lemma may be `lemma` (with part of speech `pos`)."""
        lemma = lemma.lower()
        out = {lemma}
        tables = [pos.lower()] if pos else [*self.rules, *(p for p in self.exceptions if p not in self.rules)]
        for table in tables:
            for old, new in self.rules.get(table, ()):
                if lemma.endswith(new):
                    out.add((lemma[: len(lemma) - len(new)] if new else lemma) + old)
            out.update(self.exceptions.get(table, {}).get(lemma, ()))
        out.update(self.exceptions.get("*", {}).get(lemma, ()))
        out.update(self.ruler.get(lemma, ()))
        return {f for f in out if f}


def _tokenizer_aliases(nlp: Language) -> dict[str, list[tuple[str, ...]]]:
    """Tokens the tokenizer cuts out of a longer run of letters ("can" + "not").

    For such a token, the words of the whole string are another way to see it
    in the raw text.
    """
    aliases: dict[str, list[tuple[str, ...]]] = {}
    for string, pieces in (getattr(nlp.tokenizer, "rules", None) or {}).items():
        orths = [str(p.get(65, p.get("ORTH", ""))) if isinstance(p, dict) else "" for p in pieces]  # 65: ORTH
        if len(orths) < 2:
            continue
        whole = _pieces(string)
        for orth in orths:
            if orth and _pieces(orth) != whole:
                aliases.setdefault(orth.lower(), []).append(whole)
    return aliases


@dataclass
class Lexicon:
    """The filter's view of the topic rules."""

    strong: Vocabulary  # any topic's lemmas and phrases
    strike: Vocabulary  # the strike topic's lemmas and phrases (timing corroboration)
    weak: dict[str, Vocabulary]  # needs -> weak trigger forms
    support: dict[str, Vocabulary]  # needs -> what corroborates it (besides a strong trigger)
    # the same, topic by topic (the learned detector's features): topic -> strong forms, topic -> needs -> weak forms
    strong_by_topic: dict[str, Vocabulary] = field(default_factory=dict)
    weak_by_topic: dict[str, dict[str, Vocabulary]] = field(default_factory=dict)


# What corroborates a weak trigger, as `claims.topics._corroborated` decides it on
# the parse; a kind not listed here (a party, a state, an object, continuity, or
# one added later) is taken as corroborated whatever the sentence holds.
#   context: a context word or a strong trigger of any topic
#   timing: a timing phrase or a strong strike trigger
#   advance: a timing phrase
#   event: an event word governing or governed by the trigger
# Whatever its kind, a weak trigger right after a candidate also counts (a topic
# carried over from the sentence before, `recent` in the component).
#   party, state: an actor word ("coalition", "counterpart"), a personal pronoun
#     ("told them"), or a word that may be a name (capitalised, and not a
#     function word opening the segment): the parse finds the party among the
#     entities and the actor words, and spaCy's entities are capitalised
#   actor: a timing phrase, or what a party needs
#   operation: a word of `operations` ("involved in the operation")
#   with, frame: one of the trigger's `with` words ("inspections under the treaty", "the truce was brokered")
#   terms: as context
#   object: one of the words the trigger takes as object ("used the base"), any trigger's
#   offer: a word of readiness ("ready to talk")
#   owner: a word that may be a name ("the Israeli operation", "anti-ISIS operations")
#   civilians: one of the words for civilians the trigger takes ("warned residents")
_SUPPORT = {"context": ("context", "strong"), "timing": ("timing", "strike"), "advance": ("timing",),
            "event": ("event",), "party": ("actors", "pronouns", "named"), "state": ("actors", "pronouns", "named"),
            "actor": ("timing", "strike", "actors", "pronouns", "named"), "operation": ("operations", "strike"),
            "object": ("objects",), "with": ("with_words",), "frame": ("with_words",), "terms": ("context", "strong"),
            "offer": ("readiness",), "owner": ("named",), "civilians": ("objects",)}
# the kinds a topic of the sentence before can stand in for (`topics._continues`); "" holds continuity
_CONTINUED = ("", "party", "actor", "state")
_PRONOUNS = ("us", "them", "we", "they", "i")
# a word that may be (part of) a name: capitalised, or an all-capital acronym
_NAMED = re.compile(r"(?<![\w'’])[A-Z][\w'’.-]*")


def build_lexicon(nlp: Language, component: str = "press_claims") -> Lexicon:
    """The filter's vocabularies, from the loaded rules of the pipeline's claim component."""
    rules = nlp.get_pipe(component).topic_rules
    lemmas = Lemmas(nlp)
    aliases = _tokenizer_aliases(nlp)
    strong, strike = Vocabulary(), Vocabulary()
    weak: dict[str, Vocabulary] = {}
    strong_by_topic: dict[str, Vocabulary] = {}
    weak_by_topic: dict[str, dict[str, Vocabulary]] = {}
    for topic, lex in rules.topics.items():
        own = strong_by_topic.setdefault(topic, Vocabulary())
        targets = [strong, strike, own] if topic == "strike" else [strong, own]
        for lemma, pos in lex.lemmas.items():
            for form in lemmas.forms(lemma, pos):
                for v in targets:
                    v.add_form(form, aliases)
        for phrase in lex.phrases:
            for v in targets:
                v.add_pattern(tuple(tuple(alt) for alt in phrase), aliases)
        for trigger in lex.weak:
            needs = trigger.needs if trigger.needs in _SUPPORT else ""
            for form in lemmas.forms(trigger.lemma, trigger.pos):
                weak.setdefault(needs, Vocabulary()).add_form(form, aliases)
                weak_by_topic.setdefault(topic, {}).setdefault(needs, Vocabulary()).add_form(form, aliases)
    support: dict[str, Vocabulary] = {}
    for needs in weak:
        vocab = Vocabulary()
        sources = _SUPPORT.get(needs, ())
        for name in sources:
            if name in ("strong", "strike", "named"):
                continue
            if name == "pronouns":
                for form in _PRONOUNS:
                    vocab.add_form(form, aliases)
                continue
            if name in ("objects", "with_words"):
                for lex in rules.topics.values():
                    for trigger in lex.weak:
                        for obj in getattr(trigger, name) if trigger.needs == needs else ():
                            vocab.add_form(obj, aliases)  # matched on the surface form too
                            for form in lemmas.forms(obj):
                                vocab.add_form(form, aliases)
                continue
            value = getattr(rules, name, None)
            if value is None:
                vocab.always = True  # the rules no longer have it: do not guess
                continue
            for item in value:
                if isinstance(item, str):
                    for form in lemmas.forms(item):
                        vocab.add_form(form, aliases)
                else:  # a phrase: a tuple of words, each maybe "a|b"
                    vocab.add_pattern(tuple(tuple(w.split("|")) for w in item), aliases)
        if not sources:
            vocab.always = True
        support[needs] = vocab
    return Lexicon(strong, strike, weak, support, strong_by_topic, weak_by_topic)


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    line: int  # index of its line


class CandidateFilter:
    """Which stretches of a document the full pipeline has to see.

    `windows(text, structure)` gives sorted, disjoint (start, end) character
    spans: every candidate segment with `context` segments before it (and
    `after` segments after it), and the document's head when there is any
    candidate; windows that touch are merged.
    """

    def __init__(self, nlp: Language, component: str = "press_claims", context: int = 0, after: int = 0,
                 sentences: bool = True, lead: int = 25, tail: int = 20, refers_back: bool = True):
        self.lexicon = build_lexicon(nlp, component)
        self.context = context
        self.after = after
        self.lead = lead
        self.tail = tail
        self.refers_back = refers_back
        self.sentences = sentences
        self.abbreviations = {k.lower() for k in (getattr(nlp.tokenizer, "rules", None) or {}) if k.endswith(".")}
        # the title abbreviations after which `line_sentences` lets no sentence start ("Capt. Jeff Davis")
        titles = getattr(nlp.get_pipe("line_sentences"), "titles", ()) if "line_sentences" in nlp.pipe_names else ()
        self.abbreviations |= {f"{t}." for t in titles}

    # -- which words ------------------------------------------------------------
    def matches(self, words: set[str], named: bool = True) -> bool:
        """Whether a segment with these (lower-case) words may hold a claim; `named`:
        whether it holds a word that may be a name (see `has_name`)."""
        lex = self.lexicon
        strong = lex.strong.matches(words)
        if strong:
            return True
        for needs, vocab in lex.weak.items():
            if not vocab.matches(words):
                continue
            sources = _SUPPORT.get(needs, ())
            if not sources or lex.support[needs].matches(words):
                return True
            if "strike" in sources and lex.strike.matches(words):
                return True
            if named and "named" in sources:
                return True
        return False

    def topic_cues(self, words: set[str], named: bool = True) -> dict[str, str]:
        """Per topic, what the lexicon sees in a segment with these words: "strong" (a
        strong trigger), "weak" (a weak trigger whose corroboration may be there), "bare"
        (a weak trigger with nothing that could corroborate it); topics with none are left out."""
        lex = self.lexicon
        if not lex.strong.matches(words) and not any(v.matches(words) for v in lex.weak.values()):
            return {}  # most segments: no word of any topic
        strike = None
        out = {}
        for topic, vocab in lex.strong_by_topic.items():
            if vocab.matches(words):
                out[topic] = "strong"
        for topic, by_needs in lex.weak_by_topic.items():
            if topic in out:
                continue
            for needs, vocab in by_needs.items():
                if not vocab.matches(words):
                    continue
                sources = _SUPPORT.get(needs, ())
                if strike is None:
                    strike = lex.strike.matches(words)
                if (not sources or lex.support[needs].matches(words) or ("strike" in sources and strike)
                        or ("strong" in sources and lex.strong.matches(words)) or (named and "named" in sources)):
                    out[topic] = "weak"
                    break
                out[topic] = "bare"
        return out

    def is_candidate(self, text: str) -> bool:
        return self.matches(set(_WORD.findall(text.lower())), has_name(text, 0, len(text)))

    # -- where --------------------------------------------------------------------
    def segments(self, text: str) -> list[Segment]:
        """Lines, cut into sentences where the raw text is unambiguous."""
        out = []
        pos, n, line_no = 0, len(text), 0
        while pos <= n:
            end = text.find("\n", pos)
            if end == -1:
                end = n
            raw = text[pos:end]
            if raw.strip():
                lo = pos + len(raw) - len(raw.lstrip())
                hi = pos + len(raw.rstrip())
                for a, b in self._cuts(text, lo, hi):
                    out.append(Segment(a, b, line_no))
                line_no += 1
            pos = end + 1
        return out

    def _cuts(self, text: str, lo: int, hi: int) -> list[tuple[int, int]]:
        line = text[lo:hi]
        if not self.sentences or len(line) < 80:
            return [(lo, hi)]
        quotes = _quote_zones(line)
        pieces, start = [], 0
        for m in _BOUNDARY.finditer(line):
            end = m.start()
            word = line[line.rfind(" ", start, end) + 1 : end]
            if _abbreviation(word, self.abbreviations):
                continue
            if any(a - 3 <= m.start() and m.end() <= b + 3 for a, b in quotes):
                continue
            pieces.append((lo + start, lo + m.start() + len(m.group(0).rstrip())))
            start = m.end()
        pieces.append((lo + start, hi))
        return [(a, b) for a, b in pieces if b > a]

    def candidate_segments(self, text: str, structure: Structure | None = None) -> tuple[list[Segment], list[bool]]:
        segments = self.segments(text)
        lowered = text.lower()
        findall = _WORD.findall
        flags = []
        weak = [v for k, v in self.lexicon.weak.items() if k in _CONTINUED]
        continuity = self.lexicon.weak.get("")  # the kinds taken up from a sentence before ("this action")
        previous = False
        last = -LOOKBACK - 1  # the last candidate segment
        for i, seg in enumerate(segments):
            words = set(findall(lowered, seg.start, seg.end))
            flag = self.matches(words, has_name(text, seg.start, seg.end)) or (
                previous and any(v.matches(words) for v in weak)
            )
            if not flag and continuity is not None and i - last <= LOOKBACK and not words.isdisjoint(_REACH_BACK) \
                    and continuity.matches(words):
                flag = True  # "This act will disrupt ...", two sentences after the strike
                for k in range(last + 1, i):
                    flags[k] = True  # the sentences between, so that one Doc holds them all
            if flag and structure is not None and _never_claims(seg, structure):
                flag = False
            flags.append(flag)
            previous = flag
            if flag:
                last = i
        return segments, flags

    def windows(self, text: str, structure: Structure | None = None, head: bool = True,
                also: Collection[int] = ()) -> list[tuple[int, int]]:
        """The spans to parse; with `head`, also the document's head (`head_end`); `also`:
        indexes of further segments (of `segments(text)`) to parse, as if they were candidates."""
        segments, flags = self.candidate_segments(text, structure)
        for i in also:
            flags[i] = True
        if not any(flags):
            return []
        n = len(segments)
        ranges = []
        if head:
            head_chars = head_end(text, structure)
            last_head = max((i for i, seg in enumerate(segments) if seg.start < head_chars), default=-1)
            if last_head >= 0:
                ranges.append((0, last_head))
        blocks = block_quotes(text) if any(flags) else []
        for i, flag in enumerate(flags):
            if flag:
                context = self.context
                if self.refers_back and _REFERS_BACK.search(text, segments[i].start, segments[i].end):
                    context = max(context, 1)  # "he said", a quotation: the sentence before may name who
                lo = max(0, i - context)
                for intro, start, end in blocks:  # a block quote: read from the words that say who speaks
                    if start <= segments[i].start < end:
                        lo = min(lo, next(k for k in range(i, -1, -1) if segments[k].start <= intro))
                ranges.append((lo, min(n - 1, i + self.after)))
        spans = []
        for lo, hi in ranges:
            start = 0 if lo == 0 else segments[lo].start
            end = segments[hi].end
            if self.lead and lo > 0:
                limit = segments[lo - 1].start
                start = _word_start(text, max(limit, start - self.lead), start)
            if self.tail and hi + 1 < n:
                limit = segments[hi + 1].end
                end = _word_end(text, min(limit, end + self.tail), end)
            spans.append((start, end))
        spans.sort()
        merged = [list(spans[0])]
        for start, end in spans[1:]:
            if start <= merged[-1][1] + 1 or not text[merged[-1][1] : start].strip():
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [(a, b) for a, b in merged]


def has_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a word that may be a name: a capitalised word,
    unless it is the segment's first word and a function word ("The", "But", "We")."""
    for i, m in enumerate(_NAMED.finditer(text, start, end)):
        word = m.group(0).rstrip(".").lower()
        if i == 0 and not text[start : m.start()].strip(" \t\"'“‘(-—") and word in STOP_WORDS:
            continue
        return True
    return False


def _word_start(text: str, pos: int, limit: int) -> int:
    """The first word start at or after `pos` (not after `limit`)."""
    while pos < limit and pos > 0 and not text[pos - 1].isspace():
        pos += 1
    return pos


def _word_end(text: str, pos: int, limit: int) -> int:
    """The last word end at or before `pos` (not before `limit`)."""
    while pos > limit and pos < len(text) and not text[pos].isspace():
        pos -= 1
    return pos


def head_end(text: str, structure: Structure | None) -> int:
    """Where the head of the document ends: after its heading lines, and not before HEAD_CHARS."""
    end, count, pos = 0, 0, 0
    for line in text[:HEADING_CHARS].split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        reason = structure.skip_reason(start, start + len(line)) if structure is not None else ""
        if reason not in ("heading", "header") or count >= HEADING_LINES:
            break
        count += 1
        end = start + len(line)
    return max(end, min(len(text), HEAD_CHARS))


def _abbreviation(word: str, known: set[str]) -> bool:
    """"Gen.", "U.S.", "J.", "Capt." and the like: a full stop that need not end a sentence."""
    if not word.endswith("."):
        return False
    core = word.lstrip(_QUOTES + "([")
    letters = core[:-1]
    if core.lower() in known or "." in letters or len(letters) <= 1:
        return True
    return letters[:1].isupper() and len(letters) <= 4  # "Lt.", "Col.", "Sgt." (or "Iraq.": no harm)


_OPENERS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c", '"': '"'}


def _quote_zones(line: str) -> list[tuple[int, int]]:
    """Quotations in a line, found as `claims.attribution.quote_spans` finds them
    (a quote left open runs to the end of the line), with their quote marks."""
    zones, open_at, closer = [], -1, ""
    for i, ch in enumerate(line):
        if open_at < 0:
            if ch in _OPENERS:
                open_at, closer = i, _OPENERS[ch]
        elif ch == closer or (ch in "\u201d\"" and closer in "\u201d\""):
            zones.append((open_at, i + 1))
            open_at = -1
    if open_at >= 0:
        zones.append((open_at, len(line)))
    return zones


def _never_claims(seg: Segment, structure: Structure) -> bool:
    """A segment the claim component skips whole: header, heading, boilerplate, a question turn."""
    if structure.skip_reason(seg.start, seg.end):
        return True
    if structure.turns:
        turn = structure.turn_at(seg.start)
        if turn is not None and turn.holds_no_claim and seg.end <= turn.end:
            return True
    return False


__all__ = ["CandidateFilter", "Vocabulary", "build_lexicon"]
