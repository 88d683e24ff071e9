"""Naming a participant: from a word of the parse to the party a claim table shows.

The parse says which word is the agent or counterpart; this module says what it
names. A pronoun stands for someone named before ("we" is the speaker's side);
a state's name or adjective becomes the state ("Moscow" -> Russia), a known
body its canonical name; a description keeps its words ("radar sites in
Yemen"). Words that name no party (times, weapons, numbers, events, abstract
nouns: "at dawn", "one", "strikes", "the line") give no party at all, so a
later rule or the document's memory can fill the gap instead.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable
from contextvars import ContextVar

from spacy.tokens import Token

from ..structure import default_rules
from .actors import NOT_OWN_SIDE, ActorDictionary
from .context import DocumentContext, Party, SpeakerInfo
from .lexicon import PartyRules
from .topics import TELLING_VERBS

_FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
_FIRST_SINGULAR = {"i", "me", "my", "myself"}
FIRST_PERSON = frozenset(_FIRST_PLURAL | _FIRST_SINGULAR)
THIRD_PERSON = frozenset({"they", "them", "their", "it", "its"})
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_GROUP_PRONOUNS = {"they", "them", "their"}
_BODY_PRONOUNS = {"it", "its"}
# The tokens being named in this thread, outermost first (`PartyNamer.of_token` reads names
# through other names: a cycle among them names no party)
_NAMING: ContextVar[frozenset] = ContextVar("naming", default=frozenset())
_NOT_PARTY_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Plurals the lemmatizer takes for another word's: "bases" (military) read as "basis"
_LEMMA_SLIPS = {"bases"}
# Adjectives that follow the noun they qualify ("the countries concerned"), and focusing words before one
_POSTPOSITIVE = {"concerned", "involved"}
_FOCUSING = {"only", "even", "just", "also", "mainly", "mostly", "solely", "exclusively", "primarily"}
_NAME_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
# bodies that speak for themselves rather than for a state: "we" in their mouth is the body
_OWN_VOICE = {"military", "intergovernmental", "armed_group"}
_MODIFIERS = {"compound", "amod", "poss", "case", "nummod", "nmod", "quantmod", "flat", "npadvmod"}
_PLACE_PREPS = {"of", "in", "inside", "near", "on", "at", "across", "around", "along", "outside", "off"}
# a relation to someone else: "their counterparts" are not "them"
_RELATIONAL = {"counterpart", "colleague", "ally", "partner", "friend", "neighbour", "neighbor", "enemy", "adversary", "rival", "foe", "opponent"}
# those of them who are one's like on another side: "counterparts from Seoul" are Seoul's
_COLLEAGUES = frozenset({"counterpart", "colleague", "partner", "ally"})
# people who stand for the body they come from: "officials from the Defence Ministry"
DELEGATES = frozenset({"official", "representative", "delegation", "delegate", "officer", "envoy", "diplomat", "expert",
                       "leader", "minister", "commander"})
# who serve a state, whom its adjective names as its own ("Iraqi officials", "Lebanese officers")
_SERVANTS = DELEGATES | {"authorities", "force", "troop", "soldier", "army", "military", "navy"}
# who stands for a state abroad, named or not as a title ("the Chargé d'Affaires of Turkey")
_ENVOYS = {"ambassador", "d'affaires", "d’affaires", "affaires", "attaché", "attache", "consul", "emissary", "envoy"}
# both parties at once ("the two sides", "both countries"): who they are is said before
_COLLECTIVE = {"two", "both", "three"}
_EACH_OF_TWO = {"neither", "either", "each"}
_SIDES = {"side", "country", "nation", "party", "state", "government", "military", "navy", "leader", "minister", "delegation",
          "army", "power", "partner", "ally", "participant", "capital", "neighbour", "neighbor"}
_INDEFINITE_PRONOUNS = {"nobody", "somebody", "anybody", "everybody", "someone", "anyone", "everyone"}
# what one aims at: "its target" is no site of its own
_AIMS = {"target", "objective"}
# who a joint statement's issuers are in its own sentences ("The Ministers", "the three countries")
_JOINT_ISSUERS = {"minister", "leader", "government", "country", "nation", "state", "side", "party", "participant",
                  "signatory"}
_QUANTITIES = {"several", "some", "many", "most", "all", "one", "two", "three", "four", "five", "few", "number", "dozens",
               "hundreds", "majority", "each", "any", "both", "none", "part", "rest", "series", "group", "line", "row",
               "column"}
_OUTCOMES = {"death", "killing", "assassination", "elimination", "destruction", "downing", "loss", "sinking"}
_ROLE_TITLES = {"secretary", "minister", "president", "spokesman", "spokeswoman", "spokesperson", "ambassador",
                "chancellor", "premier", "general", "admiral", "commander"}
# what a person's "his country" stands for: the person's state
_HOMELANDS = {"country", "nation", "government", "state", "homeland"}
_HEADS = {"chairman", "chairwoman", "chair", "head", "chief", "director", "leader"}  # "Head of the General Staff X"


class PartyNamer:
    """Names parties through the actor dictionary and the participants lexicon."""

    def __init__(self, actors: ActorDictionary, rules: PartyRules | None = None, titles: Iterable[str] | None = None):
        self.actors = actors
        self.rules = rules or PartyRules.load()
        # the words of a title before a name ("Prime Minister Modi"), lower case: the structure lexicon's
        self.titles = frozenset(default_rules().title_words if titles is None else titles)
        self._body_words = frozenset({"ministry", "command", "coalition", "department", "office", "alliance"})

    # -- names from text ---------------------------------------------------
    def side(self, speaker: SpeakerInfo) -> Party:
        """The speaker's side, what "we" and "our forces" stand for: the state a ministry or
        government speaks for; a military command, an alliance or an armed group itself."""
        actor = self.actors.organisation(speaker.org) if speaker.org else None
        if actor is not None and actor.kind in _OWN_VOICE:
            return Party(actor.name, actor.country, actor.name)
        country = speaker.country or (actor.country if actor else "")
        if country:
            return Party(country, country, actor.name if actor and actor.kind != "government" else "")
        if speaker.org:
            return Party(speaker.org, "", speaker.org)
        if speaker.is_person:  # a person's name is no body's, whatever body shares it ("Wagner")
            person = self.known_person(speaker.name) if speaker.name else None
            body = self.actors.organisation(person.org) if person is not None and person.org else None
            return Party(body.country or body.name, body.country, body.name) if body is not None else Party()
        named = self.of_name(speaker.name) if speaker.name else Party()
        # a speaker known only by a role ("the spokesman") names no side; a body ("the ministry") does
        body = speaker.name.split()[-1].lower() in self._body_words if speaker.name else False
        return named if named.country or named.org or body or self.actors.is_country_form(speaker.name) else Party()

    def joint_side(self, speaker: SpeakerInfo) -> Party:
        """The states of a joint statement ("Defence ministers of France, Italy and Spain"), together:
        who "we", "the Ministers" and "the three countries" are in it; no party for any other speaker."""
        if not speaker.plural or speaker.org or speaker.country or speaker.is_person:
            return Party()
        countries = self.actors.countries_in(speaker.name)
        if len(countries) < 2:
            return Party()
        return together([Party(c, c, "") for c in countries])

    def same_side(self, a: Party, b: Party) -> bool:
        """Two names of one side: the same name or body, or a state and one of its own
        bodies ("Turkey", "the Turkish Armed Forces"); never a place in the state ("targets
        in Iraq") nor a group based there. A party does not strike or cooperate with itself."""
        if not a or not b:
            return False
        if a.name == b.name or (a.org and a.org == b.org):
            return True
        for state, other in ((a, b), (b, a)):
            if state.country and state.name == state.country and other.org and other.country == state.country:
                actor = self.actors.organisation(other.org)
                if actor is not None and actor.kind not in NOT_OWN_SIDE:
                    return True
            if state.country and state.name == state.country and not other.org and other.country == state.country and (
                    _qualifies(other.name, self.actors) and _serves(other.name)):
                return True  # "Lebanon" and "Lebanese officers" (not "Lebanese targets", "Syrian rebels")
        return False

    def of_name(self, text: str) -> Party:
        """The party a name stands for: a state, a known body or person, or the name itself."""
        text = " ".join(text.split()).strip(" ,;:")
        if not text:
            return Party()
        words = text.split()
        if words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        if len(words) > 2 and words[0].lower() in _STANDING and self.actors.organisation(" ".join(words[1:])) is not None:
            return self.of_name(" ".join(words[1:]))  # "the legitimate Syrian government", "the new Iraqi government"
        actor = self.actors.organisation(text)
        if actor is not None and actor.kind not in ("government", "country"):
            return Party(actor.name, actor.country, actor.name)
        country = self.actors.country_of(text)
        side = len(text.split()) == 2 and text.split()[1].lower() in ("side", "sides") and _qualifies(text, self.actors)
        if country and (actor is not None or self.actors.is_country_form(text) or side):  # ("the Israeli side")
            return Party(country, country, "")
        person = self.known_person(text)
        if person is not None:
            body = self.actors.organisation(person.org)
            return Party(text, body.country if body else "", person.org)
        # a description keeps its words ("Pakistani helicopters", "radar sites in Yemen"); the
        # state it belongs to is the one that qualifies it or the place it is in, not a word of a name
        found = self.actors.find(text)
        org = found.name if found is not None and found.kind not in ("government", "country") else ""
        if country and not _qualifies(text, self.actors) and not _located(text, self.actors):
            country = ""
        return Party(text, country or (found.country if org else ""), org)

    def known_person(self, text: str):
        """The dictionary's person a name stands for, with or without a title before it."""
        return self.actors.person(text) or self._titled_person(text)

    def _titled_person(self, text: str):
        """A known person behind a title ("President Putin", "Prime Minister Narendra Modi")."""
        words = text.split()
        while len(words) > 1 and words[0].lower().strip(".") in self.titles:
            words.pop(0)
        return self.actors.person(" ".join(words)) if len(words) < len(text.split()) else None

    # -- names from the parse ----------------------------------------------
    def of_token(self, tok: Token | None, speaker: SpeakerInfo, ctx: DocumentContext) -> Party:
        """The party `tok` (the head of a noun phrase) names, or no party.

        A name read through itself names no party there: in "the SDF and its Arab units" the
        coordination holds "its", whose antecedent is the SDF, whose coordination holds "its"."""
        if tok is None:
            return Party()
        key = (id(tok.doc), tok.i)
        naming = _NAMING.get()
        if key in naming:
            return Party()
        token = _NAMING.set(naming | {key})
        try:
            return self._of_token(tok, speaker, ctx)
        finally:
            _NAMING.reset(token)

    def _of_token(self, tok: Token, speaker: SpeakerInfo, ctx: DocumentContext) -> Party:
        low = tok.lower_
        if len(tok.text) > 1 and tok.text.isupper():
            low = ""  # "US" is a state, not "us"
        if low in _FIRST_SINGULAR and speaker.is_person:
            return self.of_name(speaker.name)  # "my call with the minister": the speaker in person
        if low in FIRST_PERSON:
            return self.side(speaker)
        if low in _PERSON_PRONOUNS:
            person = _person_in_sentence(tok)
            if person is not None:  # "Bush telephoned Putin to inform him": Putin, not the last one named
                return self.of_name(person.text)
        if low == "it" and (tok.head.lemma_.lower() == "be" or tok.head.lower_ in ("'s", "’s")):
            return Party()  # "it's a direct consequence of ...": no one
        if low == "it" and tok.dep_ in ("dobj", "obj"):
            place = _place_before(tok)
            if place is not None:  # "the port city of Arica ... troops shelled it": the place, not the speaker
                return self.of_token(place, speaker, ctx)
        if low == "its" and speaker.name and not speaker.is_person:
            # "the secretary said Moscow would suffer losses after expanding its support": the state
            # named as a subject before it, not the speaker's body ("the ministry said its jets ...")
            antecedent = _earlier_subject(tok, doer=True)
            if antecedent is not None:
                return self.of_token(antecedent, speaker, ctx)
        if low in _HALVES and tok.text[:1].isupper() and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            half = self._half_named(tok, ctx)  # "notification from the North": the North the text named
            if half:
                return half
        teller = _teller(tok) if low in ("it", "they") else None
        if teller is not None:  # "North Korea informed Japan that it planned a launch": North Korea, not the speaker
            return self.of_token(teller, speaker, ctx)
        pronoun = self._pronoun(low, speaker, ctx)
        if pronoun is not None and not pronoun and low in THIRD_PERSON:
            antecedent = _reporter(tok) or _conjoined_object(tok) or _earlier_subject(tok, doer=tok.dep_ == "poss")
            if antecedent is not None and speaker.is_person and antecedent.text in speaker.name.split():
                antecedent = None  # ("Reyes said: they told us": not the one who speaks)
            if antecedent is not None and in_turn_label(antecedent, ctx):
                antecedent = None  # ("Foreign Secretary, Shri X: ... we briefed them": the label is no one spoken of)
            if antecedent is not None:
                # "the US said it destroyed a drone", "ISIS was defeated in 2017, but it still attacks"
                return self.of_token(antecedent, speaker, ctx)
        if pronoun is not None:
            return pronoun
        known = _known_as(tok) if not _is_name(tok) else None
        if known is not None:  # "a group of Kurdish fighters, known as the Syrian Democratic Forces": the name
            named = self.of_token(known, speaker, ctx)
            if named:
                return named
        if tok.lower_ in _QUANTITIES or tok.lemma_.lower() in _OUTCOMES:
            # "several of our vessels", "one of the bases": what is counted; "the death of the commander": who died
            inner = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None and inner.lower_ in ("them", "these", "those"):
                # "consulted our partners, and several of them were briefed": the partners; "all of them were
                # shot down": things named before, not whoever reports it
                named = _conjoined_object(inner)
                return self.of_token(named, speaker, ctx) if named is not None else Party()
            if inner is not None:
                return self.of_token(inner, speaker, ctx)
        if tok.pos_ == "NUM" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return self._state_of_model(tok)  # "South Korean F-15K and KF-16 jets fired": a model tagged as a number
        if tok.pos_ == "PRON" or tok.pos_ in ("DET", "ADP", "VERB", "AUX", "SCONJ", "CCONJ", "PART", "NUM", "ADV"):
            return Party()
        conjuncts = _conjuncts(tok, ("PROPN", "NOUN"))
        if tok.pos_ == "ADJ" and self.is_actor_word(tok):  # "British and French air strikes"
            conjuncts = [c for c in _conjuncts(tok, ("ADJ", "PROPN")) if self.is_actor_word(c)]
        # ("neither Russia nor Belarus has applied the measures": both of them, as "and")
        if conjuncts and any(c.dep_ == "cc" and c.lower_ in ("and", "&", "nor") for t in [tok, *conjuncts] for c in t.children):
            return self._coordination(tok, conjuncts, speaker, ctx)
        party = self._phrase(tok, speaker, ctx)
        states = self._coordinated_states(tok) if party and tok.pos_ == "NOUN" else []
        if len(states) >= 2:  # "Indian and Pakistani troops": of both states
            return Party(party.name, "; ".join(states), party.org)
        return party

    def _coordinated_states(self, tok: Token) -> list[str]:
        """The states of a noun's coordinated modifiers ("Indian and Pakistani troops"), each once."""
        modifier = next((c for c in tok.children if c.dep_ in ("amod", "compound", "nmod")
                         and any(g.dep_ == "conj" for g in c.children) and self.is_actor_word(c)), None)
        if modifier is None:
            return []
        states = [self.actors.country_of(m.text) for m in [modifier, *_conjuncts(modifier, ("ADJ", "PROPN", "NOUN"))]]
        return list(dict.fromkeys(states)) if all(states) else []

    def _pair_named_before(self, tok: Token) -> list[Party]:
        """The two states a sentence named before "the two militaries" ("Washington had no warning from Moscow
        ..., but the two militaries keep a line open"); none unless exactly two are named."""
        states = []
        for ent in tok.sent.ents:
            if ent.end <= tok.i and ent.label_ in ("GPE", "NORP", "ORG"):
                country = self.of_name(ent.text).country
                if country and ";" not in country and country not in states:
                    states.append(country)
        return [Party(c, c, "") for c in states] if len(states) == 2 else []

    def _state_of_model(self, tok: Token) -> Party:
        """The state a weapon's model number belongs to, when a nationality qualifies it ("South Korean
        F-15"; the parser reads the model as a number); no party for a number alone."""
        for mod in tok.children:
            if mod.dep_ == "amod" and mod.i < tok.i:
                words = mod.doc[mod.left_edge.i : mod.i + 1].text
                country = self.actors.country_of(words)
                if country and self.actors.is_country_form(words):
                    return Party(country, country, "")
        return Party()

    def _half_named(self, half: Token, ctx: DocumentContext) -> Party:
        """"the North", "the South": the divided state's half the document names in full ("North Korea")."""
        text = ctx.full_text if ctx.full_text is not None else half.doc.text
        for m in re.finditer(rf"\b{half.text}\s+([A-Z][a-z]+)", text):
            country = self.actors.country_of(f"{half} {m.group(1)}")
            if country:
                return Party(country, country, "")
        return Party()

    def _pronoun(self, low: str, speaker: SpeakerInfo, ctx: DocumentContext) -> Party | None:
        """A pronoun's party; an empty party when only the document's earlier claims can
        tell ("they were struck": what was struck before); None for no pronoun."""
        if low in _PERSON_PRONOUNS:
            person = ctx.mentions.last_person
            return self.of_name(person.name) if person else Party()
        if (low in _GROUP_PRONOUNS and speaker.plural) or (low in _BODY_PRONOUNS and speaker.name and not speaker.is_person):
            return self.side(speaker)  # "officials said they had been told", "the ministry said it had informed"
        if low in _GROUP_PRONOUNS or low in _BODY_PRONOUNS:
            return Party()
        return None

    def of_each(self, tok: Token | None, speaker: SpeakerInfo, ctx: DocumentContext) -> list[Party]:
        """Each party of a coordination on its own ("India and Pakistan" -> India, Pakistan)."""
        if tok is None:
            return []
        if collective(tok) and not self.joint_side(speaker):
            return self._pair_named_before(tok)  # "the two militaries": the two the sentence named, each
        conjuncts = _conjuncts(tok, ("PROPN", "NOUN"))
        states = self._coordinated_states(tok) if not conjuncts else []
        if states:  # "U.S. and Russian generals": the states of the coordinated modifiers
            return [Party(c, c, "") for c in states]
        return [p for p in (self._conjunct(t, speaker, ctx) for t in sorted([tok, *conjuncts], key=lambda t: t.i)) if p]

    def _conjunct(self, tok: Token, speaker: SpeakerInfo, ctx: DocumentContext) -> Party:
        """One party of a coordination; a pronoun by whom it stands for ("he and Vladimir Putin")."""
        return self.of_token(tok, speaker, ctx) if tok.pos_ == "PRON" else self._phrase(tok, speaker, ctx)

    def is_actor_word(self, tok: Token) -> bool:
        """A word the actor dictionary knows as a state or a body ("Houthi", "Azeri", "NATO")."""
        return self.actors.is_country_form(tok.text) or self.actors.organisation(tok.text) is not None

    def states_of(self, tok: Token) -> list[Party]:
        """The states named in a noun's modifiers ("the US-Russia deconfliction line",
        "U.S.-Russian accords"), in text order."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        states = [self.actors.country_of(t.text) for t in tok.doc[tok.left_edge.i : tok.i]
                  if t.head.i == tok.i or t.head.head.i == tok.i]
        return [Party(c, c, "") for c in dict.fromkeys(s for s in states if s)]

    def _coordination(self, tok: Token, conjuncts: list[Token], speaker: SpeakerInfo, ctx: DocumentContext) -> Party:
        """"the US and UK", "Russian and Syrian forces": the parties together, as the text names them."""
        parts = [self._conjunct(t, speaker, ctx) for t in [tok, *conjuncts]]
        if not all(parts):
            return parts[0] if parts[0] else Party()
        if any(t.pos_ == "PRON" for t in [tok, *conjuncts]):
            return together(parts)  # ("he and Vladimir Putin": who "he" is, not the word)
        first, last = min(t.left_edge.i for t in [tok, *conjuncts]), max(_name_end(t) for t in [tok, *conjuncts])
        span = tok.doc[first : last + 1]
        words = [t for t in span if t.dep_ not in ("det", "punct", "preconj") or t.lower_ in (",", "&")]
        text = _join(words).replace(" nor ", " and ")
        if tok.pos_ == "ADJ":  # "British and French": the states
            text = together(parts).name
        countries = "; ".join(dict.fromkeys(p.country for p in parts if p.country))
        orgs = "; ".join(dict.fromkeys(p.org for p in parts if p.org))
        return Party(text, countries, orgs)

    def _phrase(self, tok: Token, speaker: SpeakerInfo, ctx: DocumentContext) -> Party:
        lemma = tok.lemma_.lower()
        if self._never_party(tok):
            return Party()
        if (collective(tok) or _plural_of(tok, _JOINT_ISSUERS)) and not any(
                c.dep_ in ("prep", "poss", "compound") for c in tok.children):
            joint = self.joint_side(speaker)
            if joint:
                return joint  # in a joint statement, its issuers: "The Ministers reaffirmed ...", "the three countries"
        if collective(tok):
            # "the two sides", "both countries": the pair the sentence named before, else the claims before name it
            pair = self._pair_named_before(tok)
            return together(pair) if pair else Party()
        if tok.pos_ == "PROPN" and operation_name(tok):
            known = self.of_name(_compact(tok))  # ("Operation Inherent Resolve" is also the coalition's command)
            return known if known.org or known.country else Party()  # "launched Operation Bunyan-um-Marsoos"
        if tok.pos_ == "NOUN" and _generic(tok):
            return Party()  # "not aimed at any country", "no nation was warned": no one in particular
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if lemma in _ROLE_TITLES | _HEADS and of is not None:
            # "Chairman of the US Joint Chiefs of Staff Mark Milley": the person the title's "of" phrase ends on
            person = next((e for e in tok.doc.ents if e.label_ == "PERSON" and of.i < e.start and e.end - 1 == of.right_edge.i
                           and e.root.head.i != e.root.i and of.is_ancestor(e.root)), None)
            if person is not None:
                return self.of_name(person.text)
        named = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if lemma in _RELATIONAL and named is not None:
            return self._phrase(named, speaker, ctx)  # "his Turkish counterpart Mevlut Cavusoglu"
        described = next((c for c in tok.children if c.dep_ == "appos"), None) if lemma in _RELATIONAL else None
        described_party = self._phrase(described, speaker, ctx) if described is not None else Party()
        if described_party:
            return described_party  # "its longtime ally, the Venezuelan government"
        if lemma in _RELATIONAL:
            state = next((c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and self.actors.is_country_form(c.text)), None)
            if state is not None and any(c.dep_ == "conj" for c in state.children):
                # "their Jordanian, Saudi and Emirati colleagues": each state, together
                states = [state, *(s for s in _conjuncts(state, ("ADJ", "PROPN", "NOUN")) if self.actors.is_country_form(s.text))]
                return together([self.of_name(s.text) for s in states])
            if state is not None:
                return self.of_name(state.text)  # "his Turkish counterpart", "their Russian counterparts"
            origin = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "in", "at")
                           for g in c.children if g.dep_ == "pobj"), None) if lemma in _COLLEAGUES else None
            party = self.of_token(origin, speaker, ctx) if origin is not None else Party()
            if party.country or party.org:
                return party  # "his counterparts from the United States and Korea", "our partners in Kyiv"
        if lemma in DELEGATES and tok.pos_ == "NOUN" and not any(c.dep_ in ("amod", "poss") for c in tok.children):
            body = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
            named = self._body_named(body.lemma_.lower(), speaker, ctx) if body is not None else Party()
            if named:
                return named  # "department officials discussed ...": the department named, or the speaker's own
        if (lemma in DELEGATES and tok.pos_ == "NOUN") or tok.lower_ in _ENVOYS:
            body = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "at")
                         for g in c.children if g.dep_ == "pobj"), None)
            if body is not None:
                party = self.of_token(body, speaker, ctx)
                if party or collective(body):
                    return party  # "senior officials from the Department of Defense"; "leaders of both nations"
        if lemma in _ROLE_TITLES and tok.pos_ in ("NOUN", "PROPN") and not any(c.dep_ in ("compound", "amod", "poss", "flat") for c in tok.children):
            # ("The Secretary did speak to ...": the title alone, capitalised or not)
            person = self._role_holder(lemma, speaker, ctx)
            if person:
                return person  # "the secretary agreed": the secretary of the speaker's department
        if lemma in _ROLE_TITLES and tok.pos_ in ("NOUN", "PROPN") and not any(
                c.dep_ in ("poss", "amod", "appos", "prep") or c.pos_ == "PROPN" and c.dep_ != "compound" for c in tok.children):
            person = self._titled_before(tok, ctx)
            if person:
                return person  # "the Foreign Minister agreed": the one the text named with that title
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" and not c.text.isupper()), None)
        relational = lemma in _RELATIONAL
        if owner is not None and owner.lower_ in FIRST_PERSON and not relational:
            return self.side(speaker)  # "our forces", "our aircraft"
        if _led_by_first_person(tok):
            return self.side(speaker)  # "the coalition we lead"
        if owner is not None and owner.lower_ in ("his", "her") and lemma in _HOMELANDS:
            # "the minister acknowledged that his country had supplied drones": the state of the
            # person named before in the sentence, else of the one who speaks
            person = _person_in_sentence(owner)
            return self._homeland(person.root if person is not None else None, person.text if person is not None else "", speaker)
        seat = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
                     for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "GPE"), None) if lemma in _HOMELANDS else None
        if seat is not None and self.actors.country_of(seat.text):
            country = self.actors.country_of(seat.text)  # "the government in Baghdad": Iraq
            return Party(country, country, "")
        whose = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
        if whose is not None and lemma in _HOMELANDS and tok.head.dep_ == "relcl":
            # "said Amr, whose country brokered the truce": the state of the one the clause describes
            described = tok.head.head
            if described.ent_type_ == "PERSON":
                return self._homeland(described, described.text, speaker)
            return self.of_token(described, speaker, ctx)
        if owner is not None and not relational:
            antecedent = _earlier_subject(owner, doer=True) if owner.lower_ in THIRD_PERSON else None
            # "France informed the Dutch before its jets struck": the subject named before in the sentence
            held = (self.of_token(antecedent, speaker, ctx) if antecedent is not None else None) or \
                self._pronoun(owner.lower_, speaker, ctx) or Party()
            if held and tok.pos_ == "NOUN" and lemma in _AIMS:
                return Party()  # "every missile hit its target": what one aims at, not one's own
            if held and tok.pos_ == "NOUN" and self.is_party_noun(tok):
                # "its forces": the body's own forces are the body; a state's are its forces
                if held.org or not held.country:
                    return held
                return self.of_name(f"{held.country} {tok.text}")
        if tok.pos_ == "NOUN" and not any(c.dep_ not in ("det", "punct") for c in tok.children if c.i < tok.i):
            body = self._body_named(lemma, speaker, ctx)
            if body:
                return body  # "the ministry", "the command": the body named before
        if tok.pos_ in ("NOUN", "PROPN") and not _is_name(tok) and not self.is_party_noun(tok) and not (
                tok.pos_ == "PROPN" and self.is_actor_word(tok)):  # ("Armenia gave ...", NER missing it)
            qualifier = next((c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")
                              and _is_name(c)), None)
            # "Russian aggression" names Russia; "an investigation" names no one
            return self._phrase(qualifier, speaker, ctx) if qualifier is not None else Party()
        return self.of_name(self._country_named_before(_compact(tok, self.rules.not_parties), tok))

    def _country_named_before(self, text: str, tok: Token) -> str:
        """"three sites inside that country": the country the sentence named before, by name."""
        padded = f" {text.lower()} "
        anaphor = next((a for a in self.rules.country_anaphors if f" {a} " in padded), None)
        named = [e for e in tok.sent.ents if e.label_ == "GPE" and e.end <= tok.i] if anaphor else []
        country = next((c for c in (self.actors.country_of(e.text) for e in reversed(named)) if c), "")
        if not country:
            return text
        at = padded.index(f" {anaphor} ")  # (in `text`, where the padded match starts after its space)
        return text[:at] + country + text[at + len(anaphor):]

    def of_target(self, tok: Token, speaker: SpeakerInfo, ctx: DocumentContext) -> Party:
        """What a verb of striking hits names its target whatever the noun ("destroyed a
        front-end loader", "struck a grain silo"); times, weapons and abstract words still do not."""
        party = self.of_token(tok, speaker, ctx)
        if party or tok.pos_ != "NOUN" or self._never_party(tok) or _generic(tok) or collective(tok):
            return party
        if tok.lemma_.lower() in _AIMS and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
            return party  # ("hit its target": the one who aims, not whom it hits)
        return self.of_name(_compact(tok, self.rules.not_parties))

    def _never_party(self, tok: Token) -> bool:
        """Times, numbers, and the lexicon's words that are no party ("strikes", "hour") unless a name."""
        return (tok.ent_type_ in _NOT_PARTY_ENTS and tok.ent_type_ not in ("DATE", "TIME")) or a_time(tok) or tok.like_num or (
            tok.lemma_.lower() in self.rules.not_parties and not _is_name(tok) and tok.lower_ not in _LEMMA_SLIPS)

    def placed(self, party: Party, tok: Token, place: Token) -> Party:
        """A target named by its kind ("foreign ships", "four villages") with the named place
        where the act hit it ("in the Red Sea"); a name, or a phrase that has a place, stays."""
        if not party or party.country or party.org or any(ch.isupper() for ch in party.name):
            return party
        prep = place.head
        named = _is_name(place) or any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in place.children)
        if prep.dep_ != "prep" or not named or tok.is_ancestor(place) or place.i < tok.i:
            return party
        span = place.doc[place.left_edge.i : place.right_edge.i + 1]
        where = span.text if len(span) <= 8 and not any(t.dep_ in ("relcl", "acl") for t in span) else _compact(place)
        located = self.of_name(f"{party.name} {prep.lower_} {where}")
        return Party(located.name, located.country, "")

    def person_state(self, tok: Token, party: Party) -> Party:
        """The state a named person acts for ("President Joe Biden ordered the strikes":
        the United States), or no party when the dictionary does not know them."""
        if not party.country:
            entity = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            known = self.actors.person(entity.text) if entity is not None else None
            body = self.actors.organisation(known.org) if known is not None else None
            country = body.country if body is not None else ""
            return Party(country, country, "") if country else Party()
        return Party(party.country, party.country, "")

    def _homeland(self, person: Token | None, name: str, speaker: SpeakerInfo) -> Party:
        """The state of a person named `name` ("his country"): the dictionary's for a known
        person, the speaker's when no one else or the speaker is meant; a person's name is no
        country, so no party when the state is not known."""
        state = self.person_state(person, self.of_name(name)) if person is not None else Party()
        if not state and speaker.country and (person is None or name.split()[-1] in speaker.name.split()):
            state = Party(speaker.country, speaker.country, "")
        return state

    def _body_named(self, noun: str, speaker: SpeakerInfo, ctx: DocumentContext) -> Party:
        """"the ministry" is the speaker's own ministry, or the one named last; "the government" in
        the mouth of a state's official is that state's."""
        if noun == "government" and speaker.official and speaker.country:
            return Party(speaker.country, speaker.country, "")
        own = self.actors.organisation(speaker.org) if speaker.org else None
        if noun == "group" and own is not None and own.kind == "armed_group":
            return Party(own.name, own.country, own.name)  # "the group" in its own spokesman's mouth
        if noun not in self._body_words:
            return Party()
        if noun in speaker.org.lower().split() or (
                own is not None and own.kind == "intergovernmental" and self.actors.named_as(own.name, noun)):
            # ("the alliance" in a NATO official's mouth: NATO, the North Atlantic Alliance)
            return self.side(speaker) if own is None else self.of_name(speaker.org)
        info = ctx.mentions.body_named(noun)
        return self.of_name(info.name) if info is not None else Party()

    def _titled_before(self, tok: Token, ctx: DocumentContext) -> Party:
        """A title without a name ("the Foreign Minister") that the document names someone with
        ("Turkish Foreign Minister Hakan Fidan"): that person, when the title names exactly one."""
        title = tok.doc[tok.left_edge.i : tok.i + 1]
        words = [t.text for t in title if t.dep_ != "det"]
        if not words or not all(w[:1].isupper() for w in words):
            return Party()  # (a title written as one: "Foreign Minister", not "the minister")
        text = ctx.full_text if ctx.full_text is not None else tok.doc.text
        names = {n for n in _named_with(tuple(words), text) if not any(w.lower() in self.titles for w in n.split())}
        return self.of_name(names.pop()) if len(names) == 1 else Party()

    def _role_holder(self, role: str, speaker: SpeakerInfo, ctx: DocumentContext) -> Party:
        """"the secretary" in a department's briefing: the one person holding that title there."""
        if speaker.org and ctx.date is not None:
            person = self.actors.person_by_role(speaker.org, role, ctx.date)
            if person is not None:
                return Party(person.name, speaker.country, person.org)
        return Party()

    def is_party_word(self, tok: Token) -> bool:
        """A word that names a party rather than an act: a name, a state's or body's word, a
        party noun ("the rebels", "the government") or a relational one ("its ally")."""
        return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or (
            tok.lemma_.lower() in _RELATIONAL) or self.is_party_noun(tok) or self.is_actor_word(tok)

    def is_party_noun(self, tok: Token) -> bool:
        """A word the lexicon lists as a party ("militants", "radar sites", "the regime", "a patrol")."""
        nouns = self.rules.party_nouns
        lemma = tok.lemma_.lower()
        if lemma in nouns or tok.lower_ in nouns:
            return True
        compound = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1), None)
        return compound is not None and f"{compound.lower_} {lemma}" in nouns


@functools.lru_cache(maxsize=16)
def _named_with(title: tuple[str, ...], text: str) -> frozenset[str]:
    """The names `text` writes right after a title ("Foreign Minister Hakan Fidan"); cached, as a long
    transcript says "the Secretary" many times (a string keeps its hash, so the text is hashed once;
    the few entries hold the documents under way, not a corpus)."""
    pattern = r"\b" + r"\s+".join(map(re.escape, title)) + r"\s+((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
    return frozenset(m.group(1) for m in re.finditer(pattern, text))


def a_time(tok: Token) -> bool:
    """A word of a date or a time; not a place's name the recogniser ran into one ("at Kyiv overnight")."""
    return tok.ent_type_ in ("DATE", "TIME") and not (tok.pos_ == "PROPN" and tok.lower_ not in _CALENDAR_NAMES)


_CALENDAR_NAMES = frozenset(n.lower() for n in (*calendar.day_name, *calendar.month_name, *calendar.month_abbr) if n)


def together(parties: list[Party]) -> Party:
    """Several parties as one ("Russia, Iran and Syria"), each named once."""
    if len(parties) == 1:
        return parties[0]
    names = list(dict.fromkeys(p.name for p in parties))
    name = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
    return Party(name, "; ".join(dict.fromkeys(p.country for p in parties if p.country)),
                 "; ".join(dict.fromkeys(p.org for p in parties if p.org)))


def _serves(name: str) -> bool:
    """A name whose head word is of those who serve a state ("Lebanese officers", "Iraqi authorities")."""
    last = name.split()[-1].lower()
    return last in _SERVANTS or last.removesuffix("s") in _SERVANTS


def _conjuncts(tok: Token, pos: tuple[str, ...]) -> list[Token]:
    """The words coordinated with `tok`, in a chain too ("France, Belgium and the Netherlands")."""
    found, frontier = [], [tok]
    while frontier and len(found) < 20:
        frontier = [c for t in frontier for c in t.children if (c.dep_ == "conj" or _listed_apart(c, t)) and c.pos_ in pos]
        found += frontier
    if found:
        found += _detached_first(tok)
    return found


def _detached_first(tok: Token) -> list[Token]:
    """A list's first name the parser hung apart on the verb: "KFOR, the Kosovo Police and EULEX
    are working together", read as "KFOR" (a modifier or a clause of its own), "," and a
    coordinated subject."""
    comma = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > tok.sent.start else None
    if comma is None or comma.text != "," or comma.i - 1 < tok.sent.start:
        return []
    item = tok.doc[comma.i - 1]
    while item.dep_ == "compound" and item.head.i < comma.i:
        item = item.head
    return [item] if (item.head.i == tok.head.i and _named(item) and item.left_edge.i == tok.sent.start
                      and item.ent_type_ not in ("DATE", "TIME")) else []


def _listed_apart(item: Token, first: Token) -> bool:
    """A list's second name the parser took for an apposition of the first: in "with the Republic
    of Chad, the Republic of Niger and the Republic of Benin" the second heads the rest's
    coordination; a true apposition ("Chad, a neighbour") coordinates nothing."""
    return item.dep_ == "appos" and _named(first) and _named(item) and any(
        c.dep_ == "conj" and _named(c) for c in item.children) and any(c.dep_ == "cc" for g in item.children for c in [g, *g.children])


def _named(tok: Token) -> bool:
    """A word of a name: a proper noun, or one the recogniser reads as a place, body or people."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "ORG", "NORP")


_OPERATION_WORDS = {"operation", "exercise", "exercises", "drills"}


def operation_name(tok: Token) -> bool:
    """The name of an operation or an exercise ("Operation Bunyan-um-Marsoos", "Exercise
    Trident Juncture"): an act, not a party."""
    first = tok.doc[tok.left_edge.i]
    # (a hyphenated name's parts may hang as modifiers: "Operation Bunyan-um-Marsoos")
    return (first.i < tok.i and first.text[:1].isupper() and first.lower_ in _OPERATION_WORDS
            and all(t.dep_ in ("compound", "punct", "intj", "nmod") for t in tok.doc[first.i : tok.i]))


_GENERIC_DETERMINERS = {"any", "every", "each", "no"}


def _generic(tok: Token) -> bool:
    """A common noun that names no one in particular: a quantifier and nothing that says who."""
    children = [c for c in tok.children if c.dep_ not in ("punct",)]
    if any(c.dep_ == "det" and c.lower_ in _GENERIC_DETERMINERS for c in children) and all(c.dep_ == "det" for c in children):
        return True
    # "an aggressive act against a sovereign country": a kind of state, not one of them
    return tok.lemma_.lower() in _HOMELANDS and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in children) and all(
        c.dep_ in ("det", "amod") and not c.ent_type_ for c in children)


def _plural_of(tok: Token, lemmas: set[str]) -> bool:
    """"the ministers", "The Parties": one of `lemmas` in the plural, with the definite article."""
    if tok.tag_ not in ("NNS", "NNPS") or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return False
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NNPS" and lemma == tok.lower_:  # (a capitalised plural keeps its form as its lemma)
        lemma = lemma[:-3] + "y" if lemma.endswith("ies") else lemma.removesuffix("s")
    return lemma in lemmas


def collective(tok: Token) -> bool:
    """"the two sides", "both countries", "the three nations", "neither country": parties named before."""
    lemma = tok.lemma_.lower()
    if tok.tag_ == "NN" and lemma in _SIDES and any(c.dep_ in ("det", "predet") and c.lower_ in _EACH_OF_TWO
                                                     for c in tok.children):
        return True  # ("neither country was consulted", "each side accused the other")
    return tok.tag_ in ("NNS", "NNPS") and lemma in _SIDES and any(
        c.lower_ in _COLLECTIVE or (c.dep_ == "poss" and c.lower_ == "their" and lemma not in _RELATIONAL)
        for c in tok.children if c.dep_ in ("nummod", "det", "predet", "amod", "poss"))


def _qualifies(text: str, actors: ActorDictionary) -> bool:
    """A state's name or adjective before a common noun ("Russian officials", "Iran's
    proxies"), not inside a proper name ("Vienna Document")."""
    words = text.split()
    while len(words) > 1 and (words[0].isdigit() or words[0].lower() in _QUANTITIES):
        words = words[1:]  # ("two U.S. destroyers", "several Turkish F-16s")
    cut = next((i for i, w in enumerate(words) if i > 1 and w in _PLACE_PREPS), len(words))
    words = words[:cut]  # ("the Romanian command in Constanta": where it sits is no part of the name)
    first = words[0].removesuffix("'s").removesuffix("’s")
    return actors.is_country_form(first) and all(w[:1].islower() or any(ch.isdigit() for ch in w) for w in words[1:])


def in_turn_label(tok: Token, ctx: DocumentContext) -> bool:
    """`tok` is a word of a transcript turn's label, which the parser may read into the sentence."""
    turns = ctx.structure.turns if ctx.structure is not None else ()
    if not turns:
        return False
    offset = ctx.base_offset + tok.idx
    turn = ctx.structure.turn_at(offset)
    return turn is not None and offset < turn.text_start


def _reporter(tok: Token) -> Token | None:
    """The named subject of the verb that reports the pronoun's clause ("Israel said it had
    struck ...": Israel), when the pronoun is its clause's subject."""
    clause = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    # ("Reyes said they had been told": "they" is not the person who reports it)
    return subject if subject is not None and _is_name(subject) and subject.ent_type_ != "PERSON" else None


def _conjoined_object(tok: Token) -> Token | None:
    """The named object of the verb an object pronoun's verb is coordinated with: "we neither
    coordinated with the Egyptians nor gave them notice", "informed the Iraqis and gave them the
    coordinates": them, the Egyptians, the Iraqis."""
    verb, role = tok.head, tok.dep_
    if role == "pobj" and verb.lower_ == "of" and verb.head.lower_ in _QUANTITIES:
        # "several of them were briefed": the pronoun in the count the clause is about
        role, verb = verb.head.dep_, verb.head.head
    if role not in ("dobj", "obj", "dative", "nsubjpass") or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return None
    first = verb.head
    objects = [c for c in first.children if c.dep_ in ("dobj", "obj", "dative")] + [
        g for c in first.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children if g.dep_ == "pobj"]
    # (a plural "them" stands for plural partners too: "consulted our coalition partners")
    return next((o for o in objects if _party_named(o) or (tok.lower_ == "them" and o.tag_ == "NNS" and any(
        c.dep_ in ("poss", "compound", "amod") for c in o.children))), None)


def _party_named(tok: Token) -> bool:
    """A noun that names a party: a name (not a date, nor one person: "the Houthis", which the
    recogniser may call a person, takes an article no person's name does), or a noun a state
    or a body qualifies ("the Syrian regime")."""
    people = tok.ent_type_ == "PERSON" and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    if _is_name(tok) and tok.ent_type_ not in ("DATE", "TIME") and not people:
        return True
    return tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN")
                                      for c in tok.children)


def _known_as(tok: Token) -> Token | None:
    """The name a phrase is "known as", "called" or "dubbed" by, on it or on the noun it counts."""
    for holder in (tok, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")):
        for c in holder.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("know", "call", "dub", "name"):
                name = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"),
                            None) or next((g for g in c.children if g.dep_ in ("oprd", "attr")), None)
                if name is not None and (name.pos_ == "PROPN" or name.ent_type_ in ("ORG", "NORP", "GPE")):
                    return name
    return None


# the halves of a divided state, named alone once the text has named them in full
_HALVES = frozenset({"north", "south"})


# verbs of a message to someone: those of a notice, and notifying or assuring (its "it" is the teller;
# its object the one told)
MESSAGE_VERBS = TELLING_VERBS | {"notify", "assure"}


def _teller(pronoun: Token) -> Token | None:
    """The named subject of a verb of telling whose message has `pronoun` as its subject ("X informed
    Y that it planned to launch": X), or None."""
    clause = pronoun.head
    if pronoun.dep_ == "nsubj" and pronoun.lower_ == "it" and clause.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in clause.children):
        # "Israel informed the United States shortly before it struck": the one whose act the time clause
        # follows, not whoever reports it
        actor = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        return actor if actor is not None and actor.tag_ in ("NNP", "NN") and actor.ent_type_ != "PERSON" else None
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in MESSAGE_VERBS:
        return None
    teller = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return teller if teller is not None and teller.pos_ in ("PROPN", "NOUN") else None


_TIME_MARKS = frozenset({"before", "after", "once", "when", "until", "as"})



# words of a government's or a body's standing that leave it the same party ("the interim Libyan government")
_STANDING = frozenset({"new", "interim", "transitional", "legitimate", "current", "incoming", "caretaker", "elected",
                       "provisional", "sitting"})


def _earlier_subject(tok: Token, doer: bool = False) -> Token | None:
    """The named subject of an earlier clause of the same sentence, the antecedent of "it"/"they"."""
    sent = tok.sent
    controller = _controller(tok)
    if controller is not None:
        return controller  # "Washington urged Israel to halt its strikes": Israel
    # an object is never its own clause's subject ("Chile expects Peru to notify it": Chile)
    own = _clause_subject(tok.head) if tok.dep_ in ("dobj", "obj", "dative") else None
    own_i = own.i if own is not None else -1
    # (a subject that is not a name may be owned by one: "Iran's strategy ... and their support": Iran)
    subject = next((n for t in reversed(sent[: tok.i - sent.start]) if t.dep_ in ("nsubj", "nsubjpass") and t.i != own_i
                    for n in (t if _is_name(t) else next((c for c in t.children if c.dep_ == "poss" and _is_name(c)), None),)
                    if n is not None and n.ent_type_ not in ("PERSON", "DATE", "TIME")), None)
    if doer and subject is not None and subject.dep_ == "nsubjpass" and subject.head.is_ancestor(tok):
        # "Japan was warned by China ahead of its tests": "its", inside the passive's own clause, is
        # the one who acts, the passive's agent (not in a clause of its own: "Iran was warned by the
        # US, but it launched strikes")
        agent = next((g for c in subject.head.children if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj" and _is_name(g)), None)
        subject = agent or subject
    return subject


# Verbs whose object does what their infinitive says: "urged Israel to halt", "asked Russia to notify"
OBJECT_CONTROL = frozenset({"ask", "require", "urge", "order", "tell", "allow", "force", "oblige", "obligate", "instruct",
                            "encourage", "permit", "authorize", "authorise", "direct", "expect", "want", "invite", "call",
                            "press", "push", "persuade", "convince", "request", "enable", "help", "compel", "commit",
                            "bind", "prompt", "lead", "cause", "get", "advise", "warn", "remind", "need", "prefer",
                            "trust", "empower"})


def controlled_object(verb: Token, before: int | None = None) -> Token | None:
    """The one a verb of `OBJECT_CONTROL` has act ("urged Israel to", "called on Russia to"): its
    object, or the object of "call on" (before token `before`, when given); None for other verbs."""
    if verb.lemma_.lower() not in OBJECT_CONTROL:
        return None
    limit = len(verb.doc) if before is None else before
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < limit), None) or (next((
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < limit
        for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")), None)
        if verb.lemma_.lower() == "call" else None)


def _controller(tok: Token) -> Token | None:
    """The named object of a verb whose infinitive holds a possessive or subject "its"/"their":
    the one urged, asked or allowed to act is the one the clause speaks of ("urged Israel to halt
    its strikes", "allowed Kyiv to use their missiles"); an object "it" is not ("expects Peru to
    notify it")."""
    if tok.dep_ not in ("poss", "nsubj"):
        return None
    node = tok.head
    for _ in range(6):
        if node.dep_ == "xcomp" and node.head.pos_ == "VERB":
            if node.head.lemma_.lower() not in OBJECT_CONTROL:
                return None  # ("telephoned Putin to inform him of its strikes": a purpose, not Putin's)
            obj = controlled_object(node.head, before=node.i)
            return obj if obj is not None and _is_name(obj) and obj.ent_type_ not in ("PERSON", "DATE", "TIME") else None
        if node.dep_ in ("ROOT", "ccomp", "advcl", "relcl") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _person_in_sentence(pronoun: Token):
    """The person a "he"/"him"/"his" stands for when its own sentence names one before it: for
    an object, the nearest one who is not the subject of its clause ("Bush telephoned Putin to
    inform him": Putin); for a subject or an owner, the nearest subject ("Bush said he had
    called": Bush). None when the sentence names no one before it."""
    doc = pronoun.doc
    people = [e for e in doc.ents if e.label_ == "PERSON" and pronoun.sent.start <= e.start and e.end <= pronoun.i]
    if not people:
        return None
    verb = pronoun.head
    while verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
        verb = verb.head
    own_subject = _clause_subject(verb)
    if pronoun.dep_ in ("dobj", "dative", "pobj", "obj"):
        others = [e for e in people if own_subject is None or not (e.start <= own_subject.i < e.end)]
        return others[-1] if others else None
    subjects = [e for e in people if e.root.dep_ in ("nsubj", "nsubjpass")]
    return subjects[-1] if subjects else None


def _place_before(pronoun: Token) -> Token | None:
    """The place an object "it" stands for: the nearest noun before it in its sentence, when that
    noun names a place ("the port city of Arica ... troops shelled it"); not the subject of its own
    clause ("Chile said Peru warned it": no place), nor a place something is in ("a ship in the
    Black Sea ... identified it": the ship)."""
    own = _clause_subject(pronoun.head)
    for t in reversed(pronoun.sent[: pronoun.i - pronoun.sent.start]):
        if t.pos_ not in ("NOUN", "PROPN") or t.dep_ == "compound" or t.ent_type_ in ("DATE", "TIME"):
            continue
        if own is not None and (t.i == own.i or own.is_ancestor(t)):
            continue
        if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE:
            continue
        return t if t.ent_type_ in ("GPE", "LOC", "FAC") else None
    return None


_LOCATIVE = {"in", "at", "near", "on", "across", "over", "from", "inside", "around", "off", "along"}


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it hangs from ("telephoned Putin to inform him")."""
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if node.dep_ in ("xcomp", "advcl", "conj") and node.head.i != node.i:
            node = node.head
        else:
            return None
    return None


def _located(text: str, actors: ActorDictionary) -> bool:
    """A description that ends in a state's name ("radar sites in Yemen", "northern Mali")."""
    words = text.split()
    return len(words) > 1 and actors.is_country_form(words[-1]) and (
        words[-2].lower() in _PLACE_PREPS or all(w[:1].islower() for w in words[:-1]))


def _is_name(tok: Token) -> bool:
    if tok.lemma_.lower() in _INDEFINITE_PRONOUNS:
        return False  # ("No-one informed us": the tagger may take the whole word for a name)
    if tok.is_sent_start and not tok.ent_type_ and not any(c.pos_ == "PROPN" for c in tok.children):
        return False  # "Near Raqqa, a strike ...", "Fighter aircraft conducted ...": a capital, not a name
    return tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_ENTS


def _led_by_first_person(tok: Token) -> bool:
    """"the coalition we lead": a relative clause whose subject is the speaker's side."""
    return any(c.dep_ == "relcl" and c.lemma_.lower() in ("lead", "head", "command", "form", "build", "chair")
               and any(g.dep_ == "nsubj" and g.lower_ in ("we", "i") for g in c.children) for c in tok.children)


def _compact(tok: Token, not_parties: frozenset[str] = frozenset()) -> str:
    """A short phrase for a participant: the head with its modifiers ("Kurdish positions",
    "Russia's defence ministry"), and, on a common noun, the place or owner it is of
    ("radar sites in Yemen", "positions of the army"), not the act it is told of
    ("notified its neighbours of the exercise": a word of `not_parties`)."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in ("det", "predet") and (node.i != tok.i or child.lower_ in ("all", "both", "each")):
                keep.add(child.i)  # "Aircraft of the Russian Aerospace Forces": no gap before the name
                continue
            if child.ent_type_ in ("DATE", "TIME") and child.i != tok.i:
                continue  # "embassy staff early Wednesday": the time is not part of who
            if child.dep_ == "case" and node.i == tok.i:
                continue  # "Armenia's shelling": the owner, without its "'s"
            if child.dep_ in _MODIFIERS or child.tag_ == "HYPH" or (child.dep_ == "punct" and child.text in ("-", "/")) or (
                child.dep_ in ("conj", "cc") and (node.i < tok.i or node.i > tok.i and node.dep_ in ("amod", "compound"))
                # "U.S. and British warplanes", "targets in northern and southern Iraq"
            ) or (
                child.dep_ == "punct" and child.text == "," and node.i < child.i < tok.i  # "Greek, Cypriot and Maltese"
            ) or (
                node.dep_ in ("pobj", "conj") and node.i > tok.i and (child.dep_ in ("conj", "cc") or (
                    child.dep_ == "punct" and child.text == "," and any(c.dep_ == "conj" and c.i > child.i for c in node.children)))
                # "residents of Aleppo, Homs and Hama": all the places it is of
            ) or (
                child.dep_ == "prep" and node.i == tok.i and child.i > tok.i and (
                    (tok.pos_ == "NOUN" and child.lower_ in _PLACE_PREPS and not any(
                        g.dep_ == "pobj" and g.lemma_.lower() in not_parties for g in child.children)
                     # (one's partners "in the region", not "on the support": what is worked on)
                     and not (tok.lemma_.lower() in _RELATIONAL and child.lower_ not in ("in", "of", "from", "across")))
                    or (child.lower_ == "of" and tok.pos_ == "PROPN"
                        and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)))
            ) or (
                child.dep_ == "prep" and child.lower_ == "of" and node.i > tok.i and node.pos_ == "PROPN"
                and node.dep_ == "pobj" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)
                # "the coalition in the Strait of Hormuz": a place's name goes on past its "of"
            ) or (child.dep_ == "pobj" and node.dep_ == "prep") or (  # ("Sea of Japan", not "the United States of the launch")
                node.i == tok.i and child.i == tok.i + 1 and child.lower_ in _POSTPOSITIVE  # "the countries concerned"
            ):
                keep.add(child.i)
                stack.append(child)
    tokens = sorted(i for i in keep if abs(i - tok.i) <= 8)
    # a gap (a clause cut out) ends the phrase: keep the run around the head
    run = [tok.i]
    for i in sorted(i for i in tokens if i > tok.i):
        if i != run[-1] + 1:
            break
        run.append(i)
    for i in sorted((i for i in tokens if i < tok.i), reverse=True):
        if i != run[0] - 1:
            break
        run.insert(0, i)
    run += _place_after(tok, run, not_parties)
    while len(run) > 1 and run[-1] > tok.i and tok.doc[run[-1]].dep_ in ("prep", "cc", "punct", "case", "det"):
        run.pop()  # a phrase cut after "of" or "the" ends before it ("other countries of the")
    while len(run) > 1 and run[0] < tok.i and tok.doc[run[0]].lower_ in _FOCUSING:
        run.pop(0)  # "only terrorist targets": the targets
    return _join([tok.doc[i] for i in run])


def _place_after(tok: Token, run: list[int], not_parties: frozenset[str]) -> list[int]:
    """Where a common noun is, told right after it though the parser hung the place on the verb
    ("issued warnings to residents in three northern Gaza cities", "struck targets in Syria"): the
    place's words, when the phrase ends at the noun."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or run[-1] != tok.i or tok.i + 1 >= len(doc):
        return []
    if any(doc[i].ent_type_ in ("GPE", "NORP") for i in run):
        return []  # a party its state already names ("a Russian warplane near the Syrian border" is Russia's)
    prep = doc[tok.i + 1]
    if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS - {"of", "on", "at"} or prep.head.i == tok.i or not (
            prep.head.is_ancestor(tok)):
        return []
    place = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if place is None or place.lemma_.lower() in not_parties or not (
            place.ent_type_ in ("GPE", "LOC", "FAC") or any(t.ent_type_ in ("GPE", "LOC", "NORP") for t in place.subtree)):
        return []
    words = sorted(t.i for t in prep.subtree)
    if words != list(range(prep.i, prep.i + len(words))) or len(words) > 6 or any(doc[i].pos_ == "PRON" for i in words):
        return []  # (not "the sea off its east coast": whose coast, the name does not say)
    return words


def _name_end(tok: Token) -> int:
    """Where a name ends: at its head, or after an "of" and a name ("the Republic of Korea")."""
    if tok.pos_ == "PROPN":
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                named = [g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
                if named:
                    return named[-1].right_edge.i
    return tok.i


def _join(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text if tokens else ""
    text = " ".join(text.split())
    return text.replace(" 's", "'s").replace(" ,", ",").replace(" - ", "-").strip(" ,;:•*·-–—\"'“”‘’()[]")
