"""The rule lexicons (topics, stance cues, attribution words), loaded from YAML.

Each file in `data/` is turned into a frozen, read-only object here, so the
decision modules only see sets and lists, and a user's replacement file goes
through the same checks (with the file named in every error).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NlpToolsError
from ..resources import data_path, load_yaml
from .record import TOPICS


def _words(values, source: str, where: str) -> frozenset[str]:
    if values is None:
        return frozenset()
    if not isinstance(values, list):
        raise NlpToolsError(f"{source}: '{where}' should be a list")
    return frozenset(str(v).lower() for v in values)


_CONTRACTION = re.compile(r"(?<=\w)(n't|'d|'m|'s|'ll|'re|'ve)\b")


def tokens_of(text: str) -> list[str]:
    """Lower-case words split the way spaCy's English tokenizer splits them ("don't" -> do n't)."""
    text = text.lower().replace("\u2019", "'")
    return _CONTRACTION.sub(r" \1", text).split()


def _hyphens_apart(phrase: tuple[tuple[str, ...], ...]) -> list[tuple[tuple[str, ...], ...]]:
    """A phrase whose alternatives hold hyphenated words, as the tokenizer sees them: the hyphen
    is a token of its own, which matching skips, so "roof-knocking" is the words "roof" "knocking"
    ("anti-terrorist|counterterrorist operation": one variant per way of writing it)."""
    variants: list[tuple[tuple[str, ...], ...]] = [()]
    for alternatives in phrase:
        plain = tuple(a for a in alternatives if "-" not in a.strip("-"))
        split = list(dict.fromkeys(tuple(p for p in a.split("-") if p) for a in alternatives if "-" in a.strip("-")))
        variants = [v + step for v in variants
                    for step in ([(plain,)] if plain else []) + [tuple((p,) for p in parts) for parts in split]]
    return variants


class Phrases(tuple):
    """Phrases (tuples of words) in priority order, indexed by their first word."""

    def __new__(cls, items=()):
        obj = super().__new__(cls, items)
        obj.rank = {}
        for rank, phrase in enumerate(obj):
            obj.rank.setdefault(phrase[0], []).append((rank, phrase))
        return obj


def _phrases(values, source: str, where: str, alternatives: bool = True) -> Phrases:
    """Phrases as tuples of lower-case words (tokenised like spaCy), longest first; with
    `alternatives`, a word written `a|b` gives one phrase for each ("aware of the|those reports")."""
    if values is None:
        return Phrases()
    if not isinstance(values, list):
        raise NlpToolsError(f"{source}: '{where}' should be a list")
    words = [tuple(tokens_of(str(v))) for v in values if str(v).strip()]
    out = {variant for phrase in words for variant in (
        itertools.product(*(w.split("|") for w in phrase)) if alternatives else (phrase,))}
    # longest first, then alphabetical: the same order in every process (sets are hash-ordered)
    return Phrases(sorted(out, key=lambda p: (-len(p), p)))


NEEDS = ("context", "timing", "actor", "party", "state", "event", "lowercase", "advance", "continuity", "object",
         "operation", "with", "frame", "terms", "about", "plan", "given", "ahead", "offer", "owner", "civilians", "partner")


@dataclass(frozen=True)
class WeakTrigger:
    lemma: str
    pos: str = ""
    needs: str = "context"  # one of NEEDS
    not_objects: frozenset[str] = frozenset()
    not_heads: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()  # lemmas that, anywhere in the sentence, rule it out
    not_modifiers: frozenset[str] = frozenset()  # words attached to it that rule it out ("my understanding")
    with_words: frozenset[str] = frozenset()  # needs "with": one of these lemmas anywhere in the sentence
    active: bool = False  # only in the active voice ("attacks will be met with force" meets no one)
    passive: bool = False  # only in the passive voice ("was involved in the raid", not "a war involving")
    heads: frozenset[str] = frozenset()  # only under one of these words ("nothing to do with the strike")


@dataclass(frozen=True)
class TopicLexicon:
    topic: str
    lemmas: dict[str, str]  # lemma -> required POS ("" for any)
    phrases: tuple[tuple[tuple[str, ...], ...], ...]  # each position: alternatives
    weak: tuple[WeakTrigger, ...]
    groups: dict[str, frozenset[str]]
    by_first_word: dict[str, tuple[tuple[tuple[str, ...], ...], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class TopicRules:
    topics: dict[str, TopicLexicon]
    context: frozenset[str]
    timing: Phrases
    event: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    audiences: frozenset[str] = frozenset()
    operations: frozenset[str] = frozenset()
    legislatures: frozenset[str] = frozenset()  # audiences told of operations as a notice ("informed Congress of the raid")
    outlets: frozenset[str] = frozenset()  # names of news outlets (lower case), from the actor dictionary
    threats: frozenset[str] = frozenset()  # words that make what one is told a threat, not a notice
    plans: frozenset[str] = frozenset()  # words of what is about to happen ("the plans", "intended to")
    giving: frozenset[str] = frozenset()  # verbs that hand something over ("shared the coordinates")
    readiness: frozenset[str] = frozenset()  # words of one ready for talks ("ready to talk")
    aftermath: frozenset[str] = frozenset()  # what one is told after the fact ("the results of the assessment")
    answers: frozenset[str] = frozenset()  # words of answering an act ("a response to the attack")
    weak_by_lemma: dict = field(default_factory=dict)  # lemma -> [(topic, lexicon, WeakTrigger)]

    def __post_init__(self) -> None:
        index: dict[str, list] = {}
        for topic, lex in self.topics.items():
            for w in lex.weak:
                index.setdefault(w.lemma, []).append((topic, lex, w))
        object.__setattr__(self, "weak_by_lemma", {k: tuple(v) for k, v in index.items()})

    @classmethod
    def load(cls, path: str | Path | None = None) -> TopicRules:
        path = path or data_path("topics.yaml")
        source = str(path)
        data = load_yaml(path)
        if not isinstance(data, dict):
            raise NlpToolsError(f"{source}: expected a mapping of topics")
        topics = {}
        for topic in TOPICS:
            entry = data.get(topic)
            if entry is None:
                continue
            if not isinstance(entry, dict):
                raise NlpToolsError(f"{source}: topic '{topic}' should be a mapping")
            lemmas = {}
            hyphenated = []
            for item in entry.get("lemmas") or []:
                lemma, _, pos = str(item).partition("/")
                if "-" in lemma.strip("-"):
                    # the tokenizer splits "pre-notification": match it as a phrase
                    parts = [p for p in lemma.lower().split("-") if p]
                    hyphenated.append(tuple((p,) for p in parts[:-1]) + ((parts[-1], parts[-1] + "s"),))
                else:
                    lemmas[lemma.lower()] = pos.upper()
            phrases = tuple(
                variant
                for phrase in _phrases(entry.get("phrases"), source, f"{topic}.phrases", alternatives=False)
                for variant in _hyphens_apart(tuple(tuple(alt for alt in word.split("|")) for word in phrase))
            ) + tuple(hyphenated)
            phrases = tuple(sorted(set(phrases), key=lambda p: (-len(p), p)))
            weak = []
            for item in entry.get("weak") or []:
                if not isinstance(item, dict) or "lemma" not in item:
                    raise NlpToolsError(f"{source}: {topic}.weak entries need a 'lemma'")
                lemma, _, pos = str(item["lemma"]).partition("/")
                needs = str(item.get("needs", "context"))
                if needs not in NEEDS:
                    raise NlpToolsError(f"{source}: {topic}.weak '{lemma}': needs must be one of {', '.join(NEEDS)}")
                not_objects = _words(item.get("not_objects"), source, f"{topic}.weak.{lemma}.not_objects")
                not_heads = _words(item.get("not_heads"), source, f"{topic}.weak.{lemma}.not_heads")
                objects = _words(item.get("objects"), source, f"{topic}.weak.{lemma}.objects")
                not_with = _words(item.get("not_with"), source, f"{topic}.weak.{lemma}.not_with")
                not_modifiers = _words(item.get("not_modifiers"), source, f"{topic}.weak.{lemma}.not_modifiers")
                with_words = _words(item.get("with"), source, f"{topic}.weak.{lemma}.with")
                heads = _words(item.get("heads"), source, f"{topic}.weak.{lemma}.heads")
                if needs in ("about", "civilians") and not objects:
                    raise NlpToolsError(f"{source}: {topic}.weak '{lemma}': needs: {needs} requires an 'objects' list")
                if needs in ("with", "frame") and not with_words:
                    raise NlpToolsError(f"{source}: {topic}.weak '{lemma}': needs: {needs} requires a 'with' list")
                weak.append(WeakTrigger(lemma.lower(), pos.upper(), needs, not_objects, not_heads, objects, not_with,
                                        not_modifiers, with_words, bool(item.get("active", False)),
                                        bool(item.get("passive", False)), heads))
            groups = {
                str(name): _words(words, source, f"{topic}.groups.{name}")
                for name, words in (entry.get("groups") or {}).items()
            }
            index: dict[str, list] = {}
            for phrase in phrases:  # longest first, kept in that order per first word
                for word in phrase[0]:
                    index.setdefault(word, []).append(phrase)
            by_first = {w: tuple(v) for w, v in index.items()}
            topics[topic] = TopicLexicon(topic, lemmas, phrases, tuple(weak), groups, by_first)
        unknown = set(data) - set(TOPICS) - {"context", "timing", "event", "actors", "audiences", "legislatures", "operations",
                                             "threats", "plans", "giving", "readiness", "aftermath", "answers"}
        if unknown:
            raise NlpToolsError(f"{source}: unknown section(s) {sorted(unknown)}; topics are {', '.join(TOPICS)}")
        context = _words((data.get("context") or {}).get("lemmas"), source, "context.lemmas")
        timing = _phrases((data.get("timing") or {}).get("phrases"), source, "timing.phrases")
        event = _words((data.get("event") or {}).get("lemmas"), source, "event.lemmas")
        actors = _words((data.get("actors") or {}).get("lemmas"), source, "actors.lemmas")
        audiences = _words((data.get("audiences") or {}).get("lemmas"), source, "audiences.lemmas")
        legislatures = _words((data.get("legislatures") or {}).get("lemmas"), source, "legislatures.lemmas")
        operations = _words((data.get("operations") or {}).get("lemmas"), source, "operations.lemmas")
        threats = _words((data.get("threats") or {}).get("lemmas"), source, "threats.lemmas")
        plans = _words((data.get("plans") or {}).get("lemmas"), source, "plans.lemmas")
        giving = _words((data.get("giving") or {}).get("lemmas"), source, "giving.lemmas")
        readiness = _words((data.get("readiness") or {}).get("lemmas"), source, "readiness.lemmas")
        aftermath = _words((data.get("aftermath") or {}).get("lemmas"), source, "aftermath.lemmas")
        answers = _words((data.get("answers") or {}).get("lemmas"), source, "answers.lemmas")
        return cls(topics, context, timing, event, actors, audiences, operations, threats=threats, plans=plans,
                   legislatures=legislatures, giving=giving, readiness=readiness, aftermath=aftermath, answers=answers)


@dataclass(frozen=True)
class StanceRules:
    negation: frozenset[str]
    negation_phrases: Phrases
    deny_verbs: frozenset[str]
    deny_particles: dict[str, str]
    evasion_frames: frozenset[str]
    speech_verbs: frozenset[str]
    evasion_phrases: Phrases
    condition_marks: frozenset[str]
    condition_phrases: Phrases
    hedge_adverbs: frozenset[str]
    hedge_verbs: frozenset[str]
    belief_verbs: frozenset[str]
    hedge_modals: frozenset[str]
    hedge_phrases: Phrases
    after_words: frozenset[str]
    underway_words: frozenset[str]
    deny_nouns: frozenset[str] = frozenset()
    ending_words: frozenset[str] = frozenset()  # stopping what went on: denies a cooperation, not a strike
    ceasing_verbs: dict[str, str] = field(default_factory=dict)  # coming to an end of itself, with its particle
    unused_states: frozenset[str] = frozenset()  # "the hotline went unanswered"
    breaking_words: frozenset[str] = frozenset()  # breaking a rule denies no strike done in breaking it
    objecting_verbs: frozenset[str] = frozenset()  # opposing a cooperation denies it, opposing a strike does not
    leaving_verbs: frozenset[str] = frozenset()  # leaving what one took part in ("withdrew from the arrangement")
    negated_content_verbs: frozenset[str] = frozenset()
    falsity_predicates: frozenset[str] = frozenset()
    falsity_claims: frozenset[str] = frozenset()
    scope_barriers: frozenset[str] = frozenset()
    advance_barriers: frozenset[str] = frozenset()
    wish_nouns: frozenset[str] = frozenset()
    wish_verbs: frozenset[str] = frozenset()
    offer_verbs: frozenset[str] = frozenset()
    info_verbs: frozenset[str] = frozenset()
    info_nouns: frozenset[str] = frozenset()
    notice_verbs: frozenset[str] = frozenset()
    joint_verbs: frozenset[str] = frozenset()
    detail_verbs: frozenset[str] = frozenset()
    review_words: frozenset[str] = frozenset()  # reports of an act under review ("reviewing the reports of a strike")
    report_nouns: frozenset[str] = frozenset()
    ready_words: frozenset[str] = frozenset()
    prerequisite_nouns: frozenset[str] = frozenset()  # what must come first ("a prerequisite for talks")
    reserving_verbs: frozenset[str] = frozenset()  # a right held, not used ("reserves the right to respond")
    possible_words: frozenset[str] = frozenset()
    obliging_modals: frozenset[str] = frozenset()  # what should or must be done is not yet done
    negative_triggers: frozenset[str] = frozenset()  # triggers that deny by themselves ("unannounced")
    too_late: Phrases = field(default_factory=Phrases)  # notice that came too late to count ("just minutes before")
    supply_verbs: frozenset[str] = frozenset()  # "provide X with <trigger>": the trigger is what is provided
    assent_verbs: frozenset[str] = frozenset()  # "agree to <trigger>": the trigger is what is agreed

    @classmethod
    def load(cls, path: str | Path | None = None) -> StanceRules:
        path = path or data_path("stance.yaml")
        s = str(path)
        d = load_yaml(path)
        if not isinstance(d, dict):
            raise NlpToolsError(f"{s}: expected a mapping")
        neg = d.get("negation") or {}
        ev = d.get("evasion") or {}
        cond = d.get("condition") or {}
        hedge = d.get("hedge") or {}
        after = d.get("after_the_fact") or {}
        return cls(
            negation=_words(neg.get("words"), s, "negation.words"),
            negation_phrases=_phrases(neg.get("phrases"), s, "negation.phrases"),
            deny_verbs=_words(d.get("deny_verbs"), s, "deny_verbs"),
            deny_particles={str(k).lower(): str(v).lower() for k, v in (d.get("deny_particles") or {}).items()},
            evasion_frames=_words(ev.get("frame_verbs"), s, "evasion.frame_verbs"),
            speech_verbs=_words(ev.get("speech_verbs"), s, "evasion.speech_verbs"),
            evasion_phrases=_phrases(ev.get("phrases"), s, "evasion.phrases"),
            review_words=_words(ev.get("review_words"), s, "evasion.review_words"),
            report_nouns=_words(ev.get("report_nouns"), s, "evasion.report_nouns"),
            condition_marks=_words(cond.get("marks"), s, "condition.marks"),
            condition_phrases=_phrases(cond.get("phrases"), s, "condition.phrases"),
            hedge_adverbs=_words(hedge.get("adverbs"), s, "hedge.adverbs"),
            hedge_verbs=_words(hedge.get("verbs"), s, "hedge.verbs"),
            belief_verbs=_words(hedge.get("belief_verbs"), s, "hedge.belief_verbs"),
            hedge_modals=_words(hedge.get("modals"), s, "hedge.modals"),
            hedge_phrases=_phrases(hedge.get("phrases"), s, "hedge.phrases"),
            after_words=_words(after.get("words"), s, "after_the_fact.words"),
            underway_words=_words(after.get("underway"), s, "after_the_fact.underway"),
            deny_nouns=_words(d.get("deny_nouns"), s, "deny_nouns"),
            ending_words=_words(d.get("ending_words"), s, "ending_words"),
            ceasing_verbs={str(k).lower(): str(v or "").lower() for k, v in (d.get("ceasing_verbs") or {}).items()},
            unused_states=_words(d.get("unused_states"), s, "unused_states"),
            breaking_words=_words(d.get("breaking_words"), s, "breaking_words"),
            objecting_verbs=_words(d.get("objecting_verbs"), s, "objecting_verbs"),
            leaving_verbs=_words(d.get("leaving_verbs"), s, "leaving_verbs"),
            negated_content_verbs=_words(d.get("negated_content_verbs"), s, "negated_content_verbs"),
            falsity_predicates=_words((d.get("falsity") or {}).get("predicates"), s, "falsity.predicates"),
            falsity_claims=_words((d.get("falsity") or {}).get("claims"), s, "falsity.claims"),
            scope_barriers=_words(d.get("scope_barriers"), s, "scope_barriers"),
            advance_barriers=_words(d.get("advance_barriers"), s, "advance_barriers"),
            wish_nouns=_words(d.get("wish_nouns"), s, "wish_nouns"),
            wish_verbs=_words(cond.get("wish_verbs"), s, "condition.wish_verbs"),
            offer_verbs=_words(cond.get("offer_verbs"), s, "condition.offer_verbs"),
            info_verbs=_words(ev.get("info_verbs"), s, "evasion.info_verbs"),
            info_nouns=_words(ev.get("info_nouns"), s, "evasion.info_nouns"),
            notice_verbs=_words(d.get("notice_verbs"), s, "notice_verbs"),
            joint_verbs=_words(d.get("joint_verbs"), s, "joint_verbs"),
            detail_verbs=_words(ev.get("detail_verbs"), s, "evasion.detail_verbs"),
            ready_words=_words(cond.get("ready_words"), s, "condition.ready_words"),
            prerequisite_nouns=_words(cond.get("prerequisite_nouns"), s, "condition.prerequisite_nouns"),
            reserving_verbs=_words(cond.get("reserving_verbs"), s, "condition.reserving_verbs"),
            possible_words=_words(cond.get("possible_words"), s, "condition.possible_words"),
            obliging_modals=_words(cond.get("obliging_modals"), s, "condition.obliging_modals"),
            negative_triggers=_words(d.get("negative_triggers"), s, "negative_triggers"),
            too_late=_phrases(after.get("too_late"), s, "after_the_fact.too_late"),
            supply_verbs=_words(d.get("supply_verbs"), s, "supply_verbs"),
            assent_verbs=_words(d.get("assent_verbs"), s, "assent_verbs"),
        )


@dataclass(frozen=True)
class AttributionRules:
    reporting_verbs: frozenset[str]
    cognitive_verbs: frozenset[str]
    reporting_nouns: frozenset[str]
    source_prepositions: Phrases
    official_roles: frozenset[str]
    unofficial_roles: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    body_pronouns: frozenset[str]
    first_person: frozenset[str]
    release_markers: Phrases
    official_role_phrases: Phrases = field(default_factory=Phrases)
    unofficial_role_phrases: Phrases = field(default_factory=Phrases)
    reporting_particles: dict[str, str] = field(default_factory=dict)
    not_speakers: frozenset[str] = frozenset()
    clausal_only: frozenset[str] = frozenset()
    act_objects: frozenset[str] = frozenset()
    act_verbs: frozenset[str] = frozenset()
    passing_verbs: frozenset[str] = frozenset()  # reporting verbs that pass a notice on ("relayed the notice")
    notice_objects: frozenset[str] = frozenset()  # the notices they pass on
    legislatures: tuple[str, ...] = ()  # names of legislatures, whose members speak for no government by default
    generic_bodies: frozenset[str] = frozenset()
    falsity_claims_nouns: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    citing_verbs: frozenset[str] = frozenset()
    outlet_nouns: frozenset[str] = frozenset()
    role_nouns: frozenset[str] = frozenset()
    statement_nouns: frozenset[str] = frozenset()
    declining_verbs: frozenset[str] = frozenset()
    rejecting_verbs: frozenset[str] = frozenset()
    issuer_labels: frozenset[str] = frozenset()
    mouthpieces: frozenset[str] = frozenset()
    person_roles: frozenset[str] = frozenset()
    spoken_events: tuple[str, ...] = ()
    statement_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    state_groups: frozenset[str] = frozenset()
    stateless_qualifiers: frozenset[str] = frozenset()  # "a Western diplomat in Baghdad" serves no state named

    @classmethod
    def load(cls, path: str | Path | None = None) -> AttributionRules:
        path = path or data_path("attribution.yaml")
        s = str(path)
        d = load_yaml(path)
        if not isinstance(d, dict):
            raise NlpToolsError(f"{s}: expected a mapping")
        official = d.get("official_roles") or []
        unofficial = d.get("unofficial_roles") or []
        return cls(
            reporting_verbs=_words(d.get("reporting_verbs"), s, "reporting_verbs"),
            cognitive_verbs=_words(d.get("cognitive_verbs"), s, "cognitive_verbs"),
            reporting_nouns=_words(d.get("reporting_nouns"), s, "reporting_nouns"),
            source_prepositions=_phrases(d.get("source_prepositions"), s, "source_prepositions"),
            official_roles=_words([w for w in official if " " not in str(w)], s, "official_roles"),
            unofficial_roles=_words([w for w in unofficial if " " not in str(w)], s, "unofficial_roles"),
            person_pronouns=_words(d.get("person_pronouns"), s, "person_pronouns"),
            group_pronouns=_words(d.get("group_pronouns"), s, "group_pronouns"),
            body_pronouns=_words(d.get("body_pronouns"), s, "body_pronouns"),
            first_person=_words(d.get("first_person"), s, "first_person"),
            release_markers=_phrases(d.get("release_markers"), s, "release_markers"),
            official_role_phrases=_phrases([w for w in official if " " in str(w)], s, "official_roles"),
            unofficial_role_phrases=_phrases([w for w in unofficial if " " in str(w)], s, "unofficial_roles"),
            reporting_particles={str(k).lower(): str(v).lower() for k, v in (d.get("reporting_particles") or {}).items()},
            not_speakers=_words(d.get("not_speakers"), s, "not_speakers"),
            clausal_only=_words(d.get("clausal_only"), s, "clausal_only"),
            act_objects=_words(d.get("act_objects"), s, "act_objects"),
            act_verbs=_words(d.get("act_verbs"), s, "act_verbs"),
            passing_verbs=_words(d.get("passing_verbs"), s, "passing_verbs"),
            notice_objects=_words(d.get("notice_objects"), s, "notice_objects"),
            legislatures=tuple(str(w).lower() for w in d.get("legislatures") or ()),
            generic_bodies=_words(d.get("generic_bodies"), s, "generic_bodies"),
            falsity_claims_nouns=_words(d.get("report_nouns"), s, "report_nouns"),
            naming_verbs=_words(d.get("naming_verbs"), s, "naming_verbs"),
            citing_verbs=_words(d.get("citing_verbs"), s, "citing_verbs"),
            outlet_nouns=_words(d.get("outlet_nouns"), s, "outlet_nouns"),
            role_nouns=_words(d.get("role_nouns"), s, "role_nouns"),
            statement_nouns=_words(d.get("statement_nouns"), s, "statement_nouns"),
            declining_verbs=_words(d.get("declining_verbs"), s, "declining_verbs"),
            rejecting_verbs=_words(d.get("rejecting_verbs"), s, "rejecting_verbs"),
            issuer_labels=frozenset(str(w).lower() for w in d.get("issuer_labels") or []),
            mouthpieces=frozenset(str(w).lower() for w in d.get("mouthpieces") or []),
            person_roles=_words(d.get("person_roles"), s, "person_roles"),
            spoken_events=tuple(str(w).lower() for w in d.get("spoken_events") or []),
            statement_objects={str(k).lower(): _words(v, s, f"statement_objects.{k}")
                               for k, v in (d.get("statement_objects") or {}).items()},
            state_groups=_words(d.get("state_groups"), s, "state_groups"),
            stateless_qualifiers=_words(d.get("stateless_qualifiers"), s, "stateless_qualifiers"),
        )


def find_phrase(words: list[str], phrases: Phrases) -> tuple[int, tuple[str, ...]] | None:
    """The highest-priority phrase occurring in the lower-case word list, and where it
    starts (its first occurrence). One pass over the words, through the first-word index."""
    best = None
    for i, word in enumerate(words):
        for rank, phrase in phrases.rank.get(word, ()):
            if best is not None and rank >= best[0]:
                break
            if tuple(words[i : i + len(phrase)]) == phrase:
                best = (rank, i, phrase)
                break
    return (best[1], best[2]) if best else None


def phrase_starts(words: list[str], phrases: Phrases) -> list[int]:
    """Every position where a phrase of the list starts (`find_phrase` gives only the best one)."""
    return [i for i, word in enumerate(words)
            if any(tuple(words[i : i + len(phrase)]) == phrase for _rank, phrase in phrases.rank.get(word, ()))]


@dataclass(frozen=True)
class PartyRules:
    """Which common nouns can name an agent or counterpart, and which words never do
    (`participants.yaml`). Entries of two words ("air force") are kept as written."""

    party_nouns: frozenset[str]  # people, bodies, forces, platforms, and the target nouns below
    not_parties: frozenset[str]
    comment_verbs: frozenset[str] = frozenset()
    target_nouns: frozenset[str] = frozenset()  # installations and places: parties only as what is struck
    platforms: frozenset[str] = frozenset()  # what is flown or sailed ("aircraft", "warship"): parties too
    country_anaphors: tuple[str, ...] = ()  # "that country": the country named before
    regimes: tuple[tuple[str, str], ...] = ()  # a notification regime's name (lower case) and the parties owed its notices
    regime_activities: frozenset[str] = frozenset()  # what such a regime's notices are about ("exercises")
    office_heads: frozenset[str] = frozenset()  # the head words of an office named alone ("the President")

    @classmethod
    def load(cls, path: str | Path | None = None) -> PartyRules:
        path = path or data_path("participants.yaml")
        s = str(path)
        d = load_yaml(path)
        if not isinstance(d, dict):
            raise NlpToolsError(f"{s}: expected a mapping with party_nouns and not_parties")
        targets = _words(d.get("target_nouns"), s, "target_nouns")
        platforms = _words(d.get("platforms"), s, "platforms")
        regimes = d.get("regimes") or {}
        if not isinstance(regimes, dict):
            raise NlpToolsError(f"{s}: regimes should map a regime's name to the parties owed its notices")
        return cls(_words(d.get("party_nouns"), s, "party_nouns") | platforms | targets,
                   _words(d.get("not_parties"), s, "not_parties"), _words(d.get("comment_verbs"), s, "comment_verbs"),
                   targets, platforms, tuple(sorted(_words(d.get("country_anaphors"), s, "country_anaphors"))),
                   tuple((str(k).lower(), str(v)) for k, v in regimes.items()),
                   _words(d.get("regime_activities"), s, "regime_activities"), _words(d.get("office_heads"), s, "office_heads"))
