"""Agent and counterpart of a claim, from the dependency structure.

The agent acts (notifies, strikes, cooperates); the counterpart is notified,
struck, or cooperated with. Names are normalised through the actor
dictionary (a country's name or an organisation's canonical name); unknown
actors keep their surface form; "we" stands for the speaker's side.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .actors import ActorDictionary
from .context import DocumentContext, SpeakerInfo
from .topics import Trigger

_AGENT_PREPS = {"by", "from"}
# What is fired or launched, never the one struck ("fired two missiles into the sea")
_WEAPONS = {"missile", "rocket", "projectile", "shell", "drone", "bomb", "munition", "torpedo", "icbm", "slbm", "round",
            "salvo", "barrage", "weapon", "warhead"}
_COUNTER_PREPS = {
    "notification": {"to"},  # ("notice of the launch" names the action, not the one told)
    "strike": {"against", "on", "in", "at", "near", "into", "toward", "towards"},
    "cooperation": {"with", "between", "among", "alongside"},
}
# Verbs whose subject receives rather than gives ("we received no notice from Russia").
_RECEIVE = {"receive", "get", "have", "obtain", "hear", "learn"}
_SUPPORT = {"give", "provide", "conduct", "carry", "launch", "issue", "send", "hold", "have", "make", "offer",
            "mount", "stage", "undertake", "continue", "begin", "start", "resume", "establish", "maintain", "seek"}
_SUPPLYING = {"supply", "provide", "arm", "equip", "furnish", "send", "give", "deliver", "transfer", "sell"}
_FIRST_PLURAL = {"we", "us", "our", "ours"}
_FIRST_SINGULAR = {"i", "me", "my"}
_SKIP = {"PRON_REL", "it", "that", "which", "who", "this", "there"}


def find_participants(
    sent: Span, trigger: Trigger, speaker: SpeakerInfo, ctx: DocumentContext, actors: ActorDictionary
) -> tuple[str, str]:
    tok = sent.doc[trigger.head]
    agent, counter = None, None
    if trigger.topic == "cooperation" and not trigger.start <= trigger.head < trigger.end:
        # a joint action named by its coordinated parties ("U.S. and British forces bombed ...")
        first = sent.doc[trigger.start]
        while first.dep_ == "compound" and first.head.i < trigger.end:
            first = first.head  # "United States"
        partner = next((c for c in first.children if c.dep_ == "conj" and c.i < trigger.end), None) or next(
            (t for t in sent.doc[trigger.start + 1 : trigger.end] if t.ent_iob_ == "B" and t.ent_type_ in ("GPE", "NORP")), None)
        if partner is not None:
            return _render(first, speaker, ctx, actors), _render(partner, speaker, ctx, actors)
    if trigger.topic == "cooperation" and tok.lemma_.lower() in _TAKE_PART | {"take"}:
        part = tok if tok.lemma_.lower() != "take" else next((c for c in tok.children if c.lower_ == "part"), tok)
        taken = _take_part_roles(part)
        if taken is not None:
            return _render(taken[0], speaker, ctx, actors), _render(taken[1], speaker, ctx, actors)
    if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "a joint naval exercise": the exercise's parties
    if tok.pos_ in ("VERB", "AUX"):
        agent, counter = _verb_roles(tok, trigger.topic)
    else:
        agent, counter = _noun_roles(tok, trigger.topic)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            # "a wave of airstrikes on Hezbollah targets": the target may hang off the container
            c_agent, c_counter = _noun_roles(tok.head.head, trigger.topic)
            agent, counter = agent or c_agent, counter or c_counter
        verb = _support_verb(tok)
        if verb is not None:
            v_agent, v_counter = _verb_roles(verb, trigger.topic)
            if verb.lemma_.lower() in _RECEIVE:
                counter = counter or _subject(verb)
            else:
                agent = agent or (v_agent if v_agent is not None and v_agent.i != tok.i else None)
                # (not the noun phrase that holds the trigger: "carried out a wave of airstrikes")
                counter = counter or _dative(verb) or (v_counter if v_counter is not None and v_counter.i != tok.i
                                                       and not v_counter.is_ancestor(tok) else None)
                if counter is None and verb.i != tok.i:
                    counter = _prep_object(verb.children, _COUNTER_PREPS.get(trigger.topic, set()))
    if trigger.topic == "cooperation" and counter is None and agent is not None:
        partner = next((c for c in agent.children if c.dep_ == "conj"), None) or next(
            (g for c in agent.children if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("GPE", "NORP")
             for g in c.children if g.dep_ == "conj"), None)
        if partner is not None:
            counter = partner  # "Russia and Israel signed a memorandum", "Turkish and American officials met"
    if counter is None or trigger.start <= counter.i < trigger.end:
        counter = _counter_in_phrase(sent.doc[trigger.start:trigger.end], trigger.topic)
    return _render(agent, speaker, ctx, actors), _render(counter, speaker, ctx, actors)


def _counter_in_phrase(phrase: Span, topic: str) -> Token | None:
    """The counterpart a trigger phrase names itself: "used force against Azerbaijan"
    (the object "force" is part of the trigger, not the one struck)."""
    children = sorted((c for tok in phrase for c in tok.children),
                      key=lambda c: not (phrase.start <= c.i < phrase.end))  # the phrase's own "against" first
    return _prep_object(children, _COUNTER_PREPS.get(topic, set()))


_GIVING = {"contribute", "commit", "provide"}  # "provided aircraft for the campaign"
_TAKE_PART = {"involve", "involvement", "participate", "participation", "role", "complicity", "support", "part"} | _GIVING


def _take_part_roles(tok: Token) -> tuple[Token | None, Token | None] | None:
    """Taking part in someone's operation: "Washington was not involved in Israel's
    operation" has Washington as agent and Israel, whose operation it is, as counterpart."""
    if tok.lemma_.lower() not in _TAKE_PART:
        return None
    preps = list(tok.children)
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj"):
        preps += list(tok.head.children)  # "played no role in the strikes"
    giving = tok.lemma_.lower() in _GIVING
    if tok.pos_ == "VERB" and not giving and any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return None  # "supports the government in its fight": the object is the one supported
    if giving:  # "provided aircraft for the campaign": the purpose may hang off the object
        preps += [g for c in tok.children if c.dep_ in ("dobj", "obj") for g in c.children]
    action = next((g for c in preps if c.dep_ == "prep" and c.lower_ in (("for", "to") if giving else ("in", "of", "for"))
                   for g in c.children if g.dep_ == "pobj"), None)
    if action is None:
        return None
    owner, _ = _noun_roles(action, "strike")
    if tok.pos_ in ("VERB", "AUX"):
        agent = _subject(tok)
        if agent is None and tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head.pos_ in ("VERB", "AUX"):
            agent = _subject(tok.head)
    else:
        agent = next((c for c in tok.children if c.dep_ == "poss"), None)
        verb = _support_verb(tok)
        if agent is None and verb is None and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
            verb = tok.head.head  # "flew in support of the offensive"
        if agent is None and verb is not None:
            agent = _subject(verb)
    return agent, owner


def _verb_roles(verb: Token, topic: str) -> tuple[Token | None, Token | None]:
    agent, counter = None, None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for c in verb.children:
        if c.dep_ == "nsubj" and not passive:
            agent = c
        elif c.dep_ == "nsubjpass":
            counter = c
        elif c.dep_ == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
        elif c.dep_ in ("dobj", "dative", "obj") and counter is None and not (
            topic == "cooperation" and verb.lemma_.lower() in ("discuss", "raise", "address")  # what, not with whom
        ) and not (
            c.lower_ == "place" and verb.lemma_.lower() == "take"  # "the strike took place"
        ) and not (topic == "strike" and c.lemma_.lower() in _WEAPONS):  # "fired two missiles": what, not at whom
            counter = c
        elif c.dep_ == "prep" and c.lower_ in _COUNTER_PREPS.get(topic, set()) and counter is None:
            counter = _prep_object([c], _COUNTER_PREPS[topic])
    if topic == "notification" and passive and counter is not None and counter.dep_ == "nsubjpass":
        # "the launch was notified to the relevant parties": the parties were told
        counter = _prep_object(verb.children, {"to"}) or counter
    if topic == "cooperation":  # "coordinated its operations with Kabul": the partner, not what is coordinated
        objects = [o for o in verb.children if o.dep_ in ("dobj", "obj")]
        partner = _prep_object([*verb.children, *(g for o in objects for g in o.children)], {"with", "alongside"})
        if verb.lemma_.lower() in _SUPPLYING:
            # "sent artillery shells to Kyiv", "supplied the rebels with drones": the one supplied, not what
            recipient = _dative(verb)
            if recipient is not None and recipient.lower_ == "to":
                recipient = next((g for g in recipient.children if g.dep_ == "pobj"), None)
            counter = recipient or _prep_object(verb.children, {"to"}) or counter
        elif partner is not None and (counter is None or counter.dep_ in ("dobj", "obj")):
            counter = partner
    if agent is None and verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        agent = _subject(verb.head)
    return agent, counter


def _noun_roles(noun: Token, topic: str) -> tuple[Token | None, Token | None]:
    agent, counter = None, None
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN")):
            agent = agent or c
        elif c.dep_ == "prep" and c.lower_ in _AGENT_PREPS:
            agent = agent or next((g for g in c.children if g.dep_ == "pobj"), None)
        elif c.dep_ == "prep" and c.lower_ in _COUNTER_PREPS.get(topic, set()):
            counter = counter or _prep_object([c], _COUNTER_PREPS[topic])
    return agent, counter


_TIME_NOUNS = {"dawn", "dusk", "night", "morning", "evening", "afternoon", "midnight", "noon", "daybreak", "time",
               "moment", "hour", "week", "weekend", "day", "month", "year"}


# "carried out in violation of ...", "in response to ...": idioms, not places or parties
_PREP_IDIOMS = {"violation", "accordance", "response", "retaliation", "line", "order", "addition", "light", "view",
                "case", "effort", "bid", "attempt", "part", "way", "support", "coordination", "cooperation"}


def _circumstance(tok: Token) -> bool:
    """"at dawn", "on Friday", "in violation of": a time or an idiom, not a counterpart."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in _TIME_NOUNS or tok.lemma_.lower() in _PREP_IDIOMS


def _prep_object(children, preps: set[str]) -> Token | None:
    """The first object of a preposition in `preps` among `children`, times and idioms aside."""
    return next((g for c in children if c.dep_ == "prep" and c.lower_ in preps
                 for g in c.children if g.dep_ == "pobj" and not _circumstance(g)), None)


def _support_verb(noun: Token) -> Token | None:
    node = noun
    for _ in range(5):
        if node.dep_ in ("dobj", "attr", "nsubjpass", "nsubj", "obj", "pobj", "conj", "compound", "appos", "amod") and node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node
        elif node.dep_ == "prep" and node.lower_ == "of" and node.head.pos_ == "NOUN":
            node = node.head  # "carried out a wave of airstrikes"
        else:
            return None
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _dative(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dative"), None)


def _render(tok: Token | None, speaker: SpeakerInfo, ctx: DocumentContext, actors: ActorDictionary) -> str:
    if tok is None:
        return ""
    low = tok.lower_
    if low in _FIRST_PLURAL or low in _FIRST_SINGULAR:
        return speaker.country or speaker.org or speaker.name
    if low in ("he", "she", "him", "her"):
        person = ctx.mentions.last_person
        return person.name if person else ""
    if low in ("they", "them", "their"):
        group = ctx.mentions.last_group or ctx.mentions.last_body
        return group.name if group else ""
    if low == "it" and speaker.name and not speaker.is_person:
        return speaker.country or speaker.org or speaker.name  # "the ministry said it had informed ..."
    if low in _SKIP or tok.pos_ == "PRON":
        return ""
    phrase = _compact(tok)
    country = actors.country_of(phrase)
    actor = actors.organisation(phrase)
    if actor is not None and actor.kind != "government":
        return actor.name
    if country and (actor is not None or len(phrase.split()) <= 2):
        return country
    return phrase


_MODIFIERS = {"compound", "amod", "poss", "case", "nummod", "nmod", "quantmod", "flat", "npadvmod"}


def _compact(tok: Token) -> str:
    """A short phrase for a participant: the head with its modifiers ("Kurdish positions",
    "Russia's defence ministry"), and an "of" phrase on a common noun ("positions of the army")."""
    keep = {tok.i}
    stack = [tok]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ in _MODIFIERS or (child.tag_ == "HYPH" and node.i < tok.i) or (
                child.dep_ == "prep" and child.lower_ == "of" and node.i == tok.i and (tok.pos_ == "NOUN" or (
                    tok.pos_ == "PROPN" and any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children)))
            ) or (child.dep_ == "pobj" and node.dep_ == "prep"):  # ("Sea of Japan", not "the United States of the launch")
                keep.add(child.i)
                stack.append(child)
    tokens = sorted(i for i in keep if abs(i - tok.i) <= 8)
    text = " ".join(tok.doc[i].text for i in tokens)
    return text.replace(" 's", "'s").replace(" ,", ",").replace(" - ", "-").strip(" ,;:")
