"""Scoring the extractor against gold files, exactly as the codebook (docs/codebook.md) says.

A predicted claim matches a gold claim when both are in the same document,
have the same topic, and their spans overlap (gold spans may cover only part of
a sentence). Pairs are formed one-to-one, largest overlap first. Detection is
precision/recall/F1 per topic and micro-averaged; stance, speaker, agent,
counterpart and `official` are accuracies over matched pairs (speaker, agent
and counterpart through one lenient actor match, `ActorMatcher`; a predicted
participant also through its canonical body, `agent_org`/`counterpart_org`); stance also
as macro-F1 over the stances present in the gold pairs. Several gold files are
scored each on its own and pooled (their pairs and counts together). Prediction
and evaluation are separate steps: `predict_gold` runs the pipeline, `score`
compares.
"""

from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS

from .claims.actors import NOT_OWN_SIDE
from .claims.record import ATTRIBUTIONS, STANCES, TOPICS, Claim
from .documents import normalise_with_offsets
from .errors import NlpToolsError
from .readers import document_from_text
from .structure import is_name_suffix


@dataclass
class GoldClaim:
    doc_id: str
    start_char: int  # in the normalised text
    end_char: int
    topic: str
    stance: str
    hedged: bool
    speaker: str
    speaker_org: str
    official: bool
    attribution: str
    agent: str
    counterpart: str


@dataclass
class GoldDocument:
    doc_id: str
    text: str  # normalised
    date: str
    source: str
    title: str
    claims: list[GoldClaim]


def read_gold(path: str | Path) -> Iterator[GoldDocument]:
    """Gold documents with their claim offsets moved onto the normalised text.

    A claim with a topic, stance or attribution outside the contract, a flag that is not
    true/false, or offsets outside its text is refused with one line: a typo would
    otherwise crash the scoring or silently count as a disagreement."""
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8-sig")
    except OSError as exc:
        raise NlpToolsError(f"{path}: cannot open gold file ({exc.strerror})") from None
    with fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                raw = obj["text"]
                doc_id = str(obj.get("doc_id") or f"{path.name}#{number}")
                if not isinstance(raw, str):
                    raise TypeError("'text' is not a string")
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise NlpToolsError(f"{path}: line {number}: not a gold document ({exc})") from None
            norm = normalise_with_offsets(raw)
            claims = []
            for i, c in enumerate(obj.get("claims") or []):
                try:
                    claims.append(_gold_claim(doc_id, c, raw, norm))
                except (KeyError, TypeError, ValueError) as exc:
                    raise NlpToolsError(f"{path}: line {number}: claim {i + 1} is malformed ({exc})") from None
            yield GoldDocument(doc_id, norm.text, str(obj.get("date") or ""), str(obj.get("source") or ""),
                               str(obj.get("title") or ""), claims)


def _gold_claim(doc_id: str, c: dict, raw: str, norm) -> GoldClaim:
    """One claim of a gold line, checked against the contract's values."""
    start_raw, end_raw = int(c["start_char"]), int(c["end_char"])
    if not 0 <= start_raw < end_raw <= len(raw):
        raise ValueError(f"offsets {start_raw}-{end_raw} outside the text of {len(raw)} characters")
    topic, stance = c["topic"], c.get("stance", "acknowledge")
    attribution = c.get("attribution") or ""
    for name, value, allowed in (("topic", topic, TOPICS), ("stance", stance, STANCES),
                                 ("attribution", attribution, ("", *ATTRIBUTIONS))):
        if value not in allowed:
            raise ValueError(f"{name} {value!r} is not one of {', '.join(a for a in allowed if a)}")
    for name in ("hedged", "official"):
        if c.get(name) not in (None, "", True, False):
            raise ValueError(f"{name} {c[name]!r} is not true or false")
    start = norm.to_normalised(start_raw)
    end = max(start + 1, norm.to_normalised(end_raw))
    return GoldClaim(
        doc_id, start, end, topic, stance, bool(c.get("hedged", False)), str(c.get("speaker") or ""),
        str(c.get("speaker_org") or ""), bool(c.get("official", False)), attribution,
        str(c.get("agent") or ""), str(c.get("counterpart") or ""),
    )


def predict_gold(nlp, gold: list[GoldDocument], fast: bool = True) -> dict[str, list[Claim]]:
    """Run the pipeline on the gold texts (metadata as a user's JSONL would give it).

    `fast=False` takes the exact path (every document parsed whole), as `--exact` does.
    """
    from .extract import extract_claims

    documents = [
        document_from_text(g.text, doc_id=g.doc_id, kind="jsonl",
                           meta={"date": g.date, "source": g.source, "title": g.title})
        for g in gold
    ]
    return {doc.doc_id: claims for doc, claims in extract_claims(nlp, documents, fast=fast)}


@dataclass
class Pair:
    gold: GoldClaim
    pred: Claim


# the fields scored through the lenient actor match, in report order
ACTOR_FIELDS = ("speaker", "agent", "counterpart")


@dataclass
class Evaluation:
    per_topic: dict[str, dict[str, float]] = field(default_factory=dict)
    micro: dict[str, float] = field(default_factory=dict)
    stance_accuracy: float = 0.0
    stance_macro_f1: float = 0.0
    stance_per_class: dict[str, dict[str, float]] = field(default_factory=dict)
    speaker_accuracy: float = 0.0
    agent_accuracy: float = 0.0
    counterpart_accuracy: float = 0.0
    official_accuracy: float = 0.0
    attribution_accuracy: float = 0.0
    hedged_accuracy: float = 0.0
    matched: int = 0
    gold_claims: int = 0
    predicted_claims: int = 0
    documents: int = 0
    errors: list[dict] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list, repr=False)
    # when several gold files were scored: each file's own figures (this one pools them)
    files: dict[str, Evaluation] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k not in ("errors", "pairs", "files")}
        if self.files:
            return {"files": {name: ev.to_dict() for name, ev in self.files.items()}, "all": d}
        return d


_LINKS = {"of", "for", "the", "at", "to", "in", "'s"}


def _content_words(name: _Name) -> frozenset[str]:
    return frozenset(w.lower() for w in name.words if w.lower() not in _LINKS)


def _parties_of(name: str) -> list[str]:
    """The parties a coordinated name joins: "U.S. and Russian forces" -> "U.S.", "Russian forces"."""
    parts = [x.strip(" ,") for x in re.split(r",\s*(?:and\s+)?|\s+and\s+", " ".join(name.split())) if x.strip(" ,")]
    return parts if len(parts) > 1 else [name]


class ActorMatcher:
    """The one lenient test of "same actor", for speaker, agent and counterpart alike.

    Two names match when, after tidying (case, accents, dots, hyphens, "the",
    a parenthesised gloss, a leading "one"/"another", a trailing "'s"):
    - both are empty (one empty and the other not is a miss);
    - they are the same words, in any order ("Spokesman of the Foreign Office" = "Foreign
      Office spokesman"), a state's name and its adjective alike ("Eritrea's information
      minister" = "Eritrean information minister");
    - both read as people: the same known person, or the same surname
      ("Peter Cook" = "Cook" = "Pentagon Press Secretary Peter Cook"); two
      people with different surnames never match, whatever body they speak for;
    - both resolve through the actor dictionary to the same canonical actor
      ("ROK Ministry of National Defense" = "South Korean Defence Ministry";
      a trailing role word is dropped first, so "Russia's Defence Ministry
      spokesman" is the ministry; "X's office" is the office person X held);
      two different actors never match;
    - otherwise one holds the other on word boundaries ("Iraqi military" in
      "Iraqi military statement"), when the shorter is a name (a known actor,
      a proper noun, or two content words such as "funeral hall"; not a
      function word, a single letter, nor "officials", "ministry", "town"
      alone) and neither is a state: a state matches only through the
      dictionary.
    So "Russia" does not match "Russian Defense Ministry": not on word
    boundaries, and a country and its own ministry are not the same actor;
    nor "Russia's Foreign Ministry", nor "India and Pakistan". "US" never
    matches inside "Russia"; "Defense Ministry" does not match "Russian
    Defense Ministry" (it names no particular ministry), nor "Turkish Defense
    Ministry" "Russian Defense Ministry" (the old last-word rule did).
    """

    def __init__(self, actors=None, rules=None):
        from .claims.actors import ActorDictionary
        from .claims.lexicon import AttributionRules

        self.actors = actors or ActorDictionary.load()
        rules = rules or AttributionRules.load()
        roles = rules.official_roles | rules.unofficial_roles | rules.reporting_nouns | rules.generic_bodies
        # role words name a kind of speaker; those the dictionary knows as a body ("Pentagon") stay names
        self._roles = frozenset(w for w in roles if self.actors.organisation(w) is None)
        self._generic = self._roles | self.actors.type_words()

    def __call__(self, gold: str, pred: str) -> bool:
        g, p = _Name.of(gold), _Name.of(pred)
        if not g.words or not p.words:
            return not g.words and not p.words
        if g.key == p.key or _content_words(g) == _content_words(p):
            return True  # (the same words in another order: "Spokesman of the Foreign Office" = "Foreign Office spokesman")
        g_plain, p_plain = self._without_formal_state(g), self._without_formal_state(p)
        if (g_plain is not g or p_plain is not p) and _content_words(g_plain) == _content_words(p_plain):
            return True  # (a state's formal name is the state: "Delegation of the Republic of Azerbaijan")
        if self._by_state(g) == self._by_state(p):
            return True  # (a state's name or adjective alike: "Eritrea's information minister" = "Eritrean information minister")
        g_surname, p_surname = self._surname(g), self._surname(p)
        if g_surname and p_surname:
            known_g, known_p = self.actors.person(g.text), self.actors.person(p.text)
            return g_surname == p_surname or bool(known_g and known_p and known_g.name == known_p.name)
        g_actor, p_actor = self._actor(g), self._actor(p)
        if g_actor and p_actor:
            return g_actor.name == p_actor.name
        inner, outer = (g, p) if len(g.words) < len(p.words) else (p, g)
        return self._inside(inner, outer)

    def _without_formal_state(self, name: _Name) -> _Name:
        """The name with a state's formal name read as the state's ("Delegation of the Republic of
        Azerbaijan" -> "Delegation of Azerbaijan"), when the dictionary says both are one state (not
        "Republic of China", which is not China)."""
        m = _FORMAL_STATE.search(name.text)
        if m is None:
            return name
        formal = m.group(0).removeprefix("the ").strip()
        state = self.actors.country_of(m.group("state"))
        if not state or self.actors.country_of(formal) != state:
            return name
        return _Name.of(name.text[: m.start()] + m.group("state") + name.text[m.end() :])

    def same_party(self, gold: str, pred: str) -> bool:
        """The test for `agent` and `counterpart`: the same actor, or a state and a body of
        that state's own.

        Participants are parties, and a claim table groups them by state: "Turkish
        fighter jets", "the Turkish Armed Forces" and "Turkey" all name the side that
        struck, where annotators most often write the state. So a state's name matches
        a name that resolves to one of that state's own bodies (through the
        dictionary, or a phrase the state's name or adjective qualifies: "Russian
        bombers", "Russia's forces"), a known official of its ("President Obama" for
        the United States) and plural nationals ("the Russians"); a place
        in the state ("radar sites in Yemen"), an armed group or an outlet based there,
        or another state's body never match. Two names of one state's own match too
        ("a Russian warplane" = "the Russian Su-24"), and a body's own unit its body ("the
        coalition's air operations centre" = "the U.S.-led coalition"). Two parties together
        match two together, each one its own ("United States and Russia" = "U.S. and Russian
        forces"). Speakers keep the stricter `__call__`.
        """
        if self(gold, pred):
            return True
        g, p = _Name.of(gold), _Name.of(pred)
        if not g.words or not p.words:
            return False
        g_parts, p_parts = _parties_of(str(gold)), _parties_of(str(pred))
        if len(g_parts) == len(p_parts) > 1 and all(any(self.same_party(a, b) for b in p_parts) for a in g_parts) and all(
                any(self.same_party(a, b) for a in g_parts) for b in p_parts):
            return True
        if self._state_and_own_body(g, p) or self._state_and_own_body(p, g):
            return True
        for whole, other in ((gold, pred), (pred, gold)):  # "the coalition's air operations centre" is the coalition's
            owner = _OWNER.match(" ".join(str(whole).split()))
            if owner and any(_own_asset(w) for w in owner.group(2).split()) and self(owner.group(1), other):
                return True
        if self._body_and_own(g, p) or self._body_and_own(p, g):
            return True
        # two of one state's own ("Russian warplane" = "Russian Su-24", "U.S. forces" = "Pentagon")
        state = self._own_state(g)
        return bool(state) and state == self._own_state(p)

    def same_participant(self, gold: str, pred: str, pred_org: str = "") -> bool:
        """`same_party`, or the gold name and the canonical body the claim table gives for the
        predicted participant ("Iran-backed Houthi militant group", body "Houthis")."""
        return self.same_party(gold, pred) or bool(pred_org and gold and self.same_party(gold, pred_org))

    def _body_and_own(self, body: _Name, other: _Name) -> bool:
        """A body that is not a state and a name of its own people, sites or targets: "Islamic
        State" and "ISIS targets in Syria" or "Daesh fighters near Hajin" (the dictionary
        resolves the leading words, the head noun is one of its own)."""
        actor = self.actors.organisation(body.text)
        if actor is None or actor.kind == "country":
            return False
        words = _head_phrase(other.text.split())
        for n in range(min(3, len(words) - 1), 0, -1):
            owner = self.actors.organisation(re.sub(r"['’]s$", "", " ".join(words[:n])))
            if owner is not None:
                return owner.name == actor.name and _own_asset(words[-1])
        return False

    def _own_state(self, name: _Name) -> str:
        """The state whose own body or asset a name is, or ''."""
        for country in {self.actors.country_of(w) for w in name.text.split()[:1]} | {self.actors.country_of(name.text)}:
            if country and self._state_and_own_body(_Name.of(country), name):
                return country
        return ""

    def _state_and_own_body(self, state: _Name, other: _Name) -> bool:
        if not self.actors.is_country_form(state.text):
            return False
        country = self.actors.country_of(state.text)
        actor = self.actors.organisation(other.text)
        if actor is not None:
            return actor.country == country and actor.kind not in NOT_OWN_SIDE
        words = other.text.split()
        while len(words) > 1 and words[0].lower() in self._roles:
            words.pop(0)  # "Secretary Kerry", "President Obama"
        person = self.actors.person(" ".join(words)) or (
            self.actors.person_by_surname(words[-1]) if len(words) == 1 else None)
        if person is not None:  # an official acting for the state ("President Obama" for the U.S.)
            body = self.actors.organisation(person.org)
            return body is not None and body.country == country and body.kind not in NOT_OWN_SIDE
        words = other.text.split()
        while len(words) > 2 and (words[0].isdigit() or words[0].lower() in _NUMBER_WORDS):
            words = words[1:]  # "two U.S. destroyers", "three Turkish F-16s"
        # the state's name or adjective (one or two words: "North Korean") before one of its own
        # forces, bodies or assets ("Turkish fighter jets"), not a place, a group or civilians in it
        words = _head_phrase(words)  # ("Turkish troops in Idlib": the troops)
        for n in (2, 1):
            qualifier = re.sub(r"['’]s$", "", " ".join(words[:n]))
            if len(words) > n and self.actors.is_country_form(qualifier):
                return self.actors.country_of(qualifier) == country and _own_asset(words[-1])
        return False

    # -- the rules ---------------------------------------------------------
    def _actor(self, name: _Name):
        """The canonical actor a whole name stands for, a trailing role word aside."""
        actor = self.actors.organisation(name.text)
        office = _OFFICE.fullmatch(name.text)
        person = self.actors.person(office.group(1)) if actor is None and office else None
        if person:  # "Adel Abdul Mahdi's office": the office the person held
            actor = self.actors.organisation(person.org)
        words = name.text.split()
        while actor is None and len(words) > 1 and words[-1].lower() in self._roles:
            words.pop()
            actor = self.actors.organisation(" ".join(words))
        return actor

    def _by_state(self, name: _Name) -> frozenset[str]:
        """The content words with a state's name or adjective written as the state."""
        return frozenset((self.actors.country_of(w) or w).lower() if self.actors.is_country_form(w) else w.lower()
                         for w in name.words if w.lower() not in _LINKS)

    def _surname(self, name: _Name) -> str:
        """The surname, lower-case, when the name reads as a person's; else ''. A family name
        written first in capitals ("HAYASAKA Kenji", as Japanese and Chinese releases print
        names) is the surname."""
        if self.actors.person(name.text):
            return name.words[-1].lower()
        first = name.words[0]
        if len(name.words) > 1 and len(first) > 1 and first.isalpha() and first.isupper() and not all(
                w.isupper() for w in name.words[1:]) and not self._is_generic(first) and not self.actors.organisation(first):
            return first.lower()
        last = name.words[-1]
        if len(last) < 2 or not last[0].isupper() or self._is_generic(last):
            return ""
        if self.actors.organisation(last) or self.actors.is_country_form(last) or self.actors.organisation(name.text):
            return ""
        return last.lower()

    def _inside(self, inner: _Name, outer: _Name) -> bool:
        n = len(inner.words)
        low_inner = [w.lower() for w in inner.words]
        low_outer = [w.lower() for w in outer.words]
        if not any(low_outer[i : i + n] == low_inner for i in range(len(low_outer) - n + 1)):
            return False
        # a state matches only through the dictionary: "Russia" is not "Russia's Foreign
        # Ministry", "India and Pakistan" is not "Pakistan", "Korea" is not "South Korea"
        if self.actors.is_country_form(inner.text) or self.actors.is_country_form(outer.text):
            return False
        return self._is_name(inner)

    def _is_name(self, name: _Name) -> bool:
        """A known actor, a proper noun, or at least two content words ("funeral hall"):
        not "officials", "ministry", "town" or "the" alone."""
        if self.actors.organisation(name.text) is not None:
            return True
        content = [w for w in name.words if self._is_content_word(w)]
        return len(content) >= 2 or any(w[0].isupper() for w in content)

    def _is_generic(self, word: str) -> bool:
        w = word.lower()
        return w in self._generic or (w.endswith("s") and w[:-1] in self._generic) or (
            w.endswith("ies") and w[:-3] + "y" in self._generic
        )

    def _is_content_word(self, word: str) -> bool:
        if len(word) < 2 or word.isdigit():
            return False
        if word.isupper():  # an acronym: "US", "IDF"
            return True
        return word.lower() not in _STOP_WORDS and not self._is_generic(word)


_STOP_WORDS = frozenset(STOP_WORDS)  # spaCy's English function words
_PAREN = re.compile(r"\([^()]*\)")
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"[^\W_]+")
_OWNER = re.compile(r"(?:the\s+)?(.+?)['’]s\s+(.+)")
# what a state or a body has of its own and acts or is struck through: its forces, bodies, people
# serving it, weapons, sites and targets (not its allies, proxies, rebels, territory or civilians)
_OWN_ASSETS = frozenset("""force forces military army armies navy navies troops soldiers units unit command
    ministry ministries government department office officials staff headquarters centre center
    jet jets aircraft warplane warplanes plane planes bomber bombers fighter fighters f-16 f-16s f-15s
    helicopter helicopters drone drones ship ships warship warships vessel vessels submarine destroyer
    frigate artillery missile missiles rocket rockets battery batteries guard guards corps pilots crews
    su-24 su-24s su-25 il-20 tu-22m3 defences defenses defense defence
    side servicemen personnel officers generals commanders counterpart counterparts base bases airbase
    facility facilities installation installations position positions target targets
    fighters militants members remnants facilitators hideouts camp camps""".split())


_NUMBER_WORDS = frozenset("""a an one two three four five six seven eight nine ten eleven twelve several some
    many dozens hundreds both all""".split())


def _head_phrase(words: list[str]) -> list[str]:
    """The words before a trailing place or gloss: "ISIS targets in Syria" -> "ISIS targets"."""
    cut = next((i for i, w in enumerate(words) if i > 0 and w in _TRAILING_PREPS), len(words))
    return words[:cut]


_TRAILING_PREPS = frozenset({"in", "near", "around", "at", "across", "inside", "along", "outside"})


def _own_asset(word: str) -> bool:
    word = word.lower().strip(".,")
    return word in _OWN_ASSETS or (word.endswith("s") and word[:-1] in _OWN_ASSETS)  # ("destroyers")
_OFFICE = re.compile(r"(.+)['’]s\s+office", re.IGNORECASE)


# a state named by its formal name ("the Republic of Azerbaijan"), the name itself in `state`
_FORMAL_STATE = re.compile(r"\b(?:the\s+)?(?:Republic|Kingdom|Sultanate|Principality) of (?:the\s+)?"
                           r"(?P<state>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")


@dataclass(frozen=True)
class _Name:
    """A name tidied for comparison: `text` for dictionary look-ups, `words` to compare."""

    text: str
    words: tuple[str, ...]

    @property
    def key(self) -> str:
        return " ".join(self.words).lower()

    @classmethod
    def of(cls, raw: str) -> _Name:
        text = " ".join(_PAREN.sub(" ", str(raw)).split()).strip(" ,.;:\"'“”‘’-–—")
        text = re.sub(r"\s+(['’]s)\b", r"\1", text)  # "Russia ’s" as a tokenizer leaves it
        text = re.sub(r"['’]s$", "", text)
        words = text.split()
        # leading function words ("the", "one", "another") say nothing of who; an acronym stays
        while len(words) > 1 and words[0].lower() in _STOP_WORDS and not words[0].isupper():
            words.pop(0)
        text = " ".join(words)
        plain = unicodedata.normalize("NFKD", _POSSESSIVE.sub("", text).replace(".", ""))
        plain = "".join(c for c in plain if not unicodedata.combining(c)).replace("'", "").replace("’", "")
        tokens = _WORD.findall(plain)
        tokens = [t for t in tokens if t.lower() != "the"] or tokens  # "Ministry of (the) Interior"
        while len(tokens) > 1 and is_name_suffix(tokens[-1]):
            tokens.pop()
        return cls(text, tuple(tokens))


def score(gold: list[GoldDocument], predicted: dict[str, list[Claim]], matcher: ActorMatcher | None = None) -> Evaluation:
    """Figures of one set of gold documents against the predicted claims."""
    matcher = matcher or ActorMatcher()
    ev = Evaluation(documents=len(gold))
    counts = {t: Counter() for t in TOPICS}
    texts = {g.doc_id: g.text for g in gold}
    for g in gold:
        preds = list(predicted.get(g.doc_id, []))
        ev.gold_claims += len(g.claims)
        ev.predicted_claims += len(preds)
        doc_pairs, misses, false_alarms = match(g.claims, preds)
        ev.pairs.extend(doc_pairs)
        for p in doc_pairs:
            counts[p.gold.topic]["tp"] += 1
        for m in misses:
            counts[m.topic]["fn"] += 1
            ev.errors.append(_error_row("miss", m, None, texts[g.doc_id]))
        for f in false_alarms:
            if f.topic in counts:
                counts[f.topic]["fp"] += 1
            ev.errors.append(_error_row("false_alarm", None, f, texts[g.doc_id]))
    for p in ev.pairs:
        wrong = [name for name, ok in _field_checks(p, matcher) if not ok]
        if wrong:
            ev.errors.append(_error_row("wrong:" + "+".join(wrong), p.gold, p.pred, texts[p.gold.doc_id]))
    _fill(ev, counts, matcher)
    return ev


def pool(evaluations: dict[str, Evaluation], matcher: ActorMatcher | None = None) -> Evaluation:
    """One evaluation of several gold files together: their pairs and counts summed,
    the figures computed again from them (not an average of the files' figures)."""
    matcher = matcher or ActorMatcher()
    ev = Evaluation(files=dict(evaluations))
    counts = {t: Counter() for t in TOPICS}
    for name, part in evaluations.items():
        ev.documents += part.documents
        ev.gold_claims += part.gold_claims
        ev.predicted_claims += part.predicted_claims
        ev.pairs.extend(part.pairs)
        ev.errors.extend({"file": name, **row} for row in part.errors)
        for topic, c in counts.items():
            c.update({k: part.per_topic.get(topic, {}).get(k, 0) for k in ("tp", "fp", "fn")})
    _fill(ev, counts, matcher)
    return ev


def _field_checks(p: Pair, matcher: ActorMatcher) -> list[tuple[str, bool]]:
    """Each scored field of a matched pair, and whether the prediction has it right."""
    return [
        ("stance", p.gold.stance == p.pred.stance),
        ("speaker", matcher(p.gold.speaker, p.pred.speaker)),
        *((name, matcher.same_participant(getattr(p.gold, name), getattr(p.pred, name), getattr(p.pred, f"{name}_org", "")))
          for name in ("agent", "counterpart")),
        ("official", p.gold.official == p.pred.official),
        ("attribution", p.gold.attribution == p.pred.attribution),
        ("hedged", p.gold.hedged == p.pred.hedged),
    ]


def _fill(ev: Evaluation, counts: dict[str, Counter], matcher: ActorMatcher) -> None:
    """The detection and field figures of `ev` from its topic counts and pairs."""
    total = Counter()
    for topic, c in counts.items():
        ev.per_topic[topic] = _prf(c["tp"], c["fp"], c["fn"])
        total.update(c)
    ev.micro = _prf(total["tp"], total["fp"], total["fn"])
    ev.matched = len(ev.pairs)
    if not ev.pairs:
        return
    right = Counter()
    for p in ev.pairs:
        right.update(name for name, ok in _field_checks(p, matcher) if ok)
    n = len(ev.pairs)
    ev.stance_accuracy = right["stance"] / n
    ev.speaker_accuracy = right["speaker"] / n
    ev.agent_accuracy = right["agent"] / n
    ev.counterpart_accuracy = right["counterpart"] / n
    ev.official_accuracy = right["official"] / n
    ev.attribution_accuracy = right["attribution"] / n
    ev.hedged_accuracy = right["hedged"] / n
    ev.stance_per_class, ev.stance_macro_f1 = _stance_f1(ev.pairs)


def match(gold: list[GoldClaim], preds: list[Claim]) -> tuple[list[Pair], list[GoldClaim], list[Claim]]:
    """One-to-one pairs of same-topic overlapping claims, largest overlap first; between pairs that
    overlap as much (two claims of one topic in one sentence: "Israel denied X's claim that ..."),
    those of the same stance and speaker first, so that each claim meets its own."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if g.topic != p.topic:
                continue
            overlap = min(g.end_char, p.end_char) - max(g.start_char, p.start_char)
            if overlap > 0:
                agree = (g.stance == p.stance) + _same_words(g.speaker, p.speaker)
                candidates.append((overlap, agree, gi, pi))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append(Pair(gold[gi], preds[pi]))
    misses = [g for i, g in enumerate(gold) if i not in used_g]
    false_alarms = [p for i, p in enumerate(preds) if i not in used_p]
    return pairs, misses, false_alarms


def _same_words(a: str, b: str) -> bool:
    """Two names sharing a word ("Michael McCaul", "McCaul"): enough to tell two speakers of one
    sentence apart when pairing."""
    return bool((set(_WORD.findall(str(a).lower())) & set(_WORD.findall(str(b).lower()))) - _STOP_WORDS)


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _stance_f1(pairs: list[Pair]) -> tuple[dict[str, dict[str, float]], float]:
    present = [s for s in STANCES if any(p.gold.stance == s for p in pairs)]
    per = {}
    for s in present:
        tp = sum(1 for p in pairs if p.gold.stance == s and p.pred.stance == s)
        fp = sum(1 for p in pairs if p.gold.stance != s and p.pred.stance == s)
        fn = sum(1 for p in pairs if p.gold.stance == s and p.pred.stance != s)
        per[s] = _prf(tp, fp, fn)
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0
    return per, macro


def _error_row(kind: str, gold: GoldClaim | None, pred: Claim | None, text: str) -> dict:
    start = gold.start_char if gold else pred.start_char
    end = gold.end_char if gold else pred.end_char
    # show the whole sentence around a gold span (which may be a fragment)
    lo = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    row = {
        "error": kind,
        "doc_id": (gold or pred).doc_id,
        "topic": (gold or pred).topic,
        "sentence": (pred.sentence if pred else text[lo:hi]).strip(),
        "gold_span": text[gold.start_char : gold.end_char] if gold else "",
        "gold_stance": gold.stance if gold else "",
        "pred_stance": pred.stance if pred else "",
        "stance_cue": pred.stance_cue if pred else "",
    }
    for name in ("speaker", *ACTOR_FIELDS[1:], "official", "attribution", "hedged"):
        row[f"gold_{name}"] = getattr(gold, name) if gold else ""
        row[f"pred_{name}"] = getattr(pred, name) if pred else ""
    row.update({"trigger": pred.trigger if pred else "", "detector": pred.detector if pred else "",
                "start_char": start, "end_char": end})
    return row


def write_errors(ev: Evaluation, path: str | Path) -> None:
    from .export import safe_cell

    rows = ev.errors
    fields = list(rows[0]) if rows else ["file", "error", "doc_id", "topic", "sentence"]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: safe_cell(v) for k, v in row.items()})


def evaluate(
    gold_path: str | Path | list[str | Path], nlp=None, errors_path: str | Path | None = None, fast: bool = True,
    classifier=None, stance_mode: str = "replace",
) -> Evaluation:
    """Evaluate the pipeline (default: `nlp_tools.load()`) on one gold file or several.

    With several, the result pools them and `files` holds each file's own figures;
    the errors table has a `file` column either way. `classifier`: trained model
    file(s) added to `nlp` as `nlp-tools run` adds them (a stance model decides the
    stance, in `stance_mode`; see learn.classify).
    """
    from .pipeline import load

    paths = [gold_path] if isinstance(gold_path, (str, os.PathLike)) else list(gold_path)
    if not paths:
        raise NlpToolsError("evaluate: no gold file given")
    names = [str(p) for p in paths]
    if len(set(names)) < len(names):
        raise NlpToolsError(f"{next(n for n in names if names.count(n) > 1)}: gold file given twice")
    golds = {str(path): list(read_gold(path)) for path in paths}
    nlp = nlp or load()
    if classifier:
        from .learn.classify import add_classifiers

        add_classifiers(nlp, classifier, stance_mode)
    matcher = ActorMatcher(actors=_pipeline_actors(nlp))
    per_file = {name: score(gold, predict_gold(nlp, gold, fast=fast), matcher) for name, gold in golds.items()}
    ev = pool(per_file, matcher)
    if len(per_file) == 1:
        ev.files = {}  # one file: its figures are the pooled ones
    if errors_path:
        write_errors(ev, errors_path)
    return ev


def _pipeline_actors(nlp):
    """The actor dictionary the pipeline extracts with (user files included), if it has one."""
    if "press_claims" in getattr(nlp, "pipe_names", ()):
        return getattr(nlp.get_pipe("press_claims"), "actors", None)
    return None


def format_report(ev: Evaluation) -> str:
    """The figures as a table; with several files, each file's and then all of them pooled."""
    if not ev.files:
        return _format_one(ev)
    blocks = [f"== {name}\n{_format_one(part)}" for name, part in ev.files.items()]
    blocks.append(f"== all ({len(ev.files)} files pooled)\n{_format_one(ev)}")
    return "\n\n".join(blocks)


def _format_one(ev: Evaluation) -> str:
    lines = [f"{'topic':<14}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for topic in TOPICS:
        m = ev.per_topic.get(topic, {})
        lines.append(f"{topic:<14}{m.get('precision', 0):>7.3f}{m.get('recall', 0):>7.3f}{m.get('f1', 0):>7.3f}"
                     f"{m.get('tp', 0):>6}{m.get('fp', 0):>6}{m.get('fn', 0):>6}")
    m = ev.micro
    lines.append(f"{'micro':<14}{m.get('precision', 0):>7.3f}{m.get('recall', 0):>7.3f}{m.get('f1', 0):>7.3f}"
                 f"{m.get('tp', 0):>6}{m.get('fp', 0):>6}{m.get('fn', 0):>6}")
    lines.append("")
    lines.append(f"matched pairs      {ev.matched} (gold {ev.gold_claims}, predicted {ev.predicted_claims}, documents {ev.documents})")
    lines.append(f"stance accuracy    {ev.stance_accuracy:.3f}   macro-F1 {ev.stance_macro_f1:.3f}")
    per = "  ".join(f"{s} {v['f1']:.2f} (n={v['tp'] + v['fn']})" for s, v in ev.stance_per_class.items())
    lines.append(f"  per stance F1    {per}")
    lines.append(f"speaker accuracy   {ev.speaker_accuracy:.3f}")
    lines.append(f"agent accuracy     {ev.agent_accuracy:.3f}")
    lines.append(f"counterpart acc.   {ev.counterpart_accuracy:.3f}")
    lines.append(f"official accuracy  {ev.official_accuracy:.3f}")
    lines.append(f"attribution acc.   {ev.attribution_accuracy:.3f}")
    lines.append(f"hedged accuracy    {ev.hedged_accuracy:.3f}")
    return "\n".join(lines)
