"""Topic triggers: which words of a sentence make it a claim of which topic.

Single words are matched on their lemma (optionally with a part of speech),
phrases on their surface form with alternatives per position. Weak triggers
("attack", "talks", "informed") need corroboration in the sentence (see
`topics.yaml`). A sentence holds a claim for every topic it states something
about: the strike a notice was about ("notified us of the test") is a strike
claim too, and "joint strikes" is a strike and a cooperation. Two rules keep
one statement from counting twice:
- a weak cooperation word that frames a notification ("an agreement to
  notify", "informed them through military channels") is part of it;
- "told reporters" is a reporting verb, not a notice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import TopicRules, WeakTrigger, phrase_starts

_ENTITY_PARTIES = {"GPE", "NORP", "ORG", "PERSON", "FAC"}
_PARTY_DEPS = {"dobj", "dative", "nsubjpass", "obj", "iobj"}
_PARTY_PREPS = {"with", "to", "between", "among", "from", "by", "alongside", "for"}
# nouns whose "of" names the party that gives or asks: "with the support of the SDF", "at the request of Damascus"
_BACKING = {"support", "help", "backing", "assistance", "aid", "permission", "consent", "approval", "request", "blessing",
            "involvement", "complicity", "invitation", "sponsorship", "cooperation"}
# verbs whose object is what is talked about, not who with ("discussed the situation in Lebanon")
_TOPIC_VERBS = {"discuss", "raise", "address"}
# verbs that let or help a party do something: the doer of their complement is the party ("helped Kyiv carry out")
# verbs of enabling: what their complement says is the act enabled ("helping Ukraine conduct
# strikes"), and their negation reaches it ("we did not help them strike")
ENABLING_VERBS = {"help", "assist", "support", "back", "enable", "allow", "authorize", "authorise", "permit", "encourage",
             "train", "equip", "arm", "aid"}


@dataclass(frozen=True)
class Trigger:
    topic: str
    start: int  # first token (document index)
    end: int  # one past the last token
    head: int  # the trigger's syntactic head (document index)
    text: str
    group: str = ""
    weak: bool = False


def _times_an_act(words: list[str], index: list[int], doc, rules: TopicRules) -> bool:
    """A timing phrase in the sentence ("before", "in advance", "while the strike was under way"); not
    a trailing "while" before a participle, which adds what else was done ("..., while closely sharing
    information with the U.S.")."""
    for i in phrase_starts(words, rules.timing):
        if words[i] == "while" and i > 0:
            k = index[i] + 1
            while k < len(doc) and doc[k].pos_ == "ADV":
                k += 1
            if k < len(doc) and doc[k].tag_ == "VBG":
                continue
        return True
    return False


def _words(sent: Span) -> tuple[list[str], list[int]]:
    """Lower-case words of a sentence without hyphen tokens, and their indexes."""
    words, index = [], []
    for tok in sent:
        if tok.is_space or tok.text in ("-", "\u2010", "\u2011"):
            continue
        words.append(tok.lower_)
        index.append(tok.i)
    return words, index


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _trigger_lemma(tok: Token, rules: TopicRules) -> str:
    """The lemma, or, for a participle the tagger read as an adjective and left as it is ("at no
    point were we informed of the launch"), the verb's when the lexicon has it."""
    lemma = _lemma(tok)
    if tok.pos_ != "ADJ" or lemma != tok.lower_ or not lemma.endswith("ed"):
        return lemma
    for verb in (lemma[:-2], lemma[:-1], lemma[:-3] + "y"):  # informed; involved; notified
        if verb in rules.weak_by_lemma or any(verb in lex.lemmas for lex in rules.topics.values()):
            return verb
    return lemma


def find_triggers(sent: Span, rules: TopicRules, recent: frozenset[str] = frozenset(),
                  earlier: frozenset[str] = frozenset()) -> list[Trigger]:
    """All topic triggers of `sent`, strong ones first, weak ones only when corroborated.

    `recent` holds the topics claimed in the sentence before, in the same passage:
    an anaphor ("this action", "the call") continues that topic. `earlier` holds
    those of the few sentences before it: a demonstrative ("This act will
    disrupt ...") reaches back over a sentence or two that describe the target."""
    words, index = _words(sent)
    tokens = list(sent)
    lemmas = [_trigger_lemma(t, rules) for t in tokens]
    strong = list(_strong(sent, tokens, lemmas, words, index, rules))
    has_context = bool(strong) or any(lem in rules.context or t.lower_ in rules.context for t, lem in zip(tokens, lemmas, strict=True))
    has_advance = _times_an_act(words, index, sent.doc, rules)
    has_timing = has_advance or any(t.topic == "strike" for t in strong)
    # an advance timing word and a military action: "did not consult Berlin before launching the incursion"
    has_ahead = has_advance and (any(t.topic == "strike" for t in strong) or not rules.operations.isdisjoint(lemmas))
    # a word of one topic's strong trigger can be another topic's weak one: "joint strikes" is
    # cooperation and strike
    taken = {(t.topic, i) for t in strong for i in range(t.start, t.end)}
    # (a word inside the phrase of a trigger of the topic continues nothing: in "coordination with the
    # Egyptian side continues", after a sentence on cooperation, "side" is a party, not the topic told again)
    doc = sent.doc
    inside = {(t.topic, i) for t in strong for i in range(doc[t.head].left_edge.i, doc[t.head].right_edge.i + 1)} if (
        recent or earlier) else set()
    weak, referring = [], []
    for tok, lemma in zip(tokens, lemmas, strict=True):
        for topic, lex, w in rules.weak_by_lemma.get(lemma, ()):
            if (topic, tok.i) in taken:
                continue
            if w.pos and tok.pos_ != w.pos:
                continue
            if _ruled_out(tok, w) or (w.not_with and not w.not_with.isdisjoint(lemmas)):
                continue
            if topic == "cooperation" and _with_audience(tok, rules):
                continue  # "in a conversation with Armenpress", "talked with reporters": an interview
            if _corroborated(tok, w, rules, has_context, has_timing, has_advance, has_ahead) or (
                topic in recent and (topic, tok.i) not in inside and _continues(tok, w)
            ) or (topic in earlier and (topic, tok.i) not in inside and w.needs == "continuity" and _demonstrative(tok)):
                weak.append(Trigger(topic, tok.i, tok.i + 1, tok.i, tok.text, _group(lex, [lemma, tok.lower_]), True))
            elif w.needs == "operation" and _in_act_referred(tok):
                referring.append(Trigger(topic, tok.i, tok.i + 1, tok.i, tok.text, _group(lex, [lemma, tok.lower_]), True))
    if "strike" in recent | earlier or any(t.topic == "strike" for t in strong + weak):
        # "we were not involved in it": taking part in the strike told before or beside it
        weak += [t for t in referring if not any(w.topic == t.topic and w.head == t.head for w in weak)]
    weak += _operations_taken_part_in(sent, strong + weak, rules)
    weak += _acts_noticed(sent, strong + weak, rules)
    joint = [j for t in strong + weak if t.topic == "strike" for j in _joint_action(sent, t)]
    found = [t for t in strong + weak + joint[:1] if t.topic != "strike" or not (
        _to_be_prevented(sent.doc[t.head]) or _ruled_by_accord(sent.doc[t.head]) or _working_of_accord(sent.doc[t.head]))]
    return _drop_framed(sent, found, rules, has_advance)


_PREVENTING = {"avoid", "avert", "prevent", "preclude"}
# Accords and mechanisms whose subject a kind of military act is ("the agreement on missile tests")
_ACCORDS = {"agreement", "accord", "memorandum", "mou", "mechanism", "treaty", "protocol", "procedure", "rule",
            "arrangement", "framework", "regime"}


def _ruled_by_accord(tok: Token) -> bool:
    """A kind of act an accord or mechanism is about, not an act that happened: "violating the agreement on
    missile tests", "mechanisms for the conduct of safe air operations", "the Agreement on the Prohibition
    of Attack against Nuclear Installations"."""
    node = tok
    for _ in range(4):
        if node.dep_ != "pobj" or node.head.dep_ != "prep" or node.head.lower_ not in ("on", "for", "of", "during", "against"):
            return False
        node = node.head.head
        if node.pos_ not in ("NOUN", "PROPN"):
            return False
        if _lemma(node) in _ACCORDS:
            return True
    return False


def _working_of_accord(tok: Token) -> bool:
    """"halting the operation of the memorandum", "the operation of the hotline": an accord or a
    channel at work, not a military operation."""
    return _lemma(tok) == "operation" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _lemma(g) in _ACCORDS | _CHANNELS for g in c.children)
        for c in tok.children)


_CHANNELS = frozenset({"line", "hotline", "channel", "link", "centre", "center", "cell"})


def _to_be_prevented(tok: Token) -> bool:
    """An act a measure is there to prevent, which has not happened: "a line to avoid clashes with Russian
    aircraft", "a mechanism to avert accidental clashes in the air"."""
    node = tok
    for _ in range(3):
        if node.dep_ not in ("dobj", "obj", "pobj", "prep", "conj", "compound") or node.head.i == node.i:
            return False
        node = node.head
        if _lemma(node) in _PREVENTING and node.pos_ == "VERB":
            # (not "to prevent and respond to future attacks": answered, too; nor "did not prevent the attack",
            # "failed to avert the strike": it happened)
            failed = node.dep_ == "xcomp" and _lemma(node.head) in ("fail", "neglect")
            return not failed and not any(c.dep_ == "neg" for c in node.children) and not any(
                c.dep_ == "conj" and c.pos_ == "VERB" for c in node.children)
    return False


_ALLIED = {"allied", "coalition", "ally", "allies", "partner", "partners"}
_CARRY_OUT = {"conduct", "carry", "launch", "mount", "stage", "execute", "perform", "fly", "deliver", "make", "undertake"}


def _joint_action(sent: Span, strike: Trigger) -> list[Trigger]:
    """A strike carried out by two states together is a cooperation claim too: "U.S. and British
    forces bombed the sites", "the US and UK airstrikes", "Britain and France struck the depots"
    (not two sides firing at each other)."""
    doc = sent.doc
    tok = doc[strike.head]
    if any(t.lower_ in ("other", "another") and t.head.lower_ in ("each", "one") or t.lower_ == "each" for t in sent):
        return []
    if is_mutual_act(tok):
        return []  # ("Indian and Pakistani troops exchanged fire": each at the other)
    agents = [tok] if tok.pos_ in ("NOUN", "PROPN") else []
    verb = tok if tok.pos_ in ("VERB", "AUX") else (
        tok.head if tok.dep_ in ("dobj", "obj", "nsubjpass") and _lemma(tok.head) in _CARRY_OUT else None)
    # (not "Syria and Iran condemned the attack": those who speak of a strike did not carry it out)
    if verb is not None:
        agents += [c for c in verb.children if c.dep_ == "nsubj"]
        agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    # the states of one coordination: of the agents, or of one of their modifiers (not two modifiers
    # apart: "Russian Su-34 bombers", where the recogniser may take the model for a people)
    groups = [_coordinated(agent) for agent in agents if any(c.dep_ == "conj" for c in agent.children)]
    groups += [_coordinated(m) for agent in agents for m in agent.children if m.dep_ in ("nmod", "amod", "compound", "poss")]
    for members in groups:
        states = {_lemma(m) for m in members if m.ent_type_ in ("GPE", "NORP") or _lemma(m) in _ALLIED}
        if len(states) >= 2 and any(m.ent_type_ in ("GPE", "NORP") for m in members):
            span = doc[min(m.i for m in members): max(m.i for m in members) + 1]
            return [Trigger("cooperation", span.start, span.end, strike.head, span.text, "", True)]
    return []


def kept_informed(tok: Token) -> Token | None:
    """The one a notice word says is kept so ("our partners will keep us informed": us), or None."""
    if tok.dep_ not in ("oprd", "xcomp", "acomp", "ccomp") or _lemma(tok.head) != "keep":
        return None
    return next((c for c in tok.head.children if c.dep_ in ("dobj", "obj")), None)


# acts two sides do to each other: "exchanged fire", "traded artillery fire", "the clash at Galwan"
MUTUAL_ACTS = frozenset({"exchange", "trade", "clash"})


def mutual_act(tok: Token) -> Token | None:
    """The exchange or clash a trigger word is, or is the object of ("exchanged fire": exchanged), or None."""
    if _lemma(tok) in MUTUAL_ACTS:
        return tok
    return tok.head if tok.dep_ in ("dobj", "obj") and _lemma(tok.head) in MUTUAL_ACTS else None


def is_mutual_act(tok: Token) -> bool:
    """An exchange of fire or a clash among those who do it; not one "with" another party ("US and
    British warships exchanged fire with the Houthis": the two fired together)."""
    act = mutual_act(tok)
    return act is not None and not any(c.dep_ == "prep" and c.lower_ == "with" for t in (act, tok) for c in t.children)


def _with_objects(tok: Token) -> list[Token]:
    """What a "with" right after the word governs ("engaged with Kabul": Kabul)."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" and c.i == tok.i + 1
            for g in c.children if g.dep_ == "pobj"]


def _coordinated(tok: Token) -> list[Token]:
    """A word and the words coordinated with it ("U.S., British and French")."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ == "conj"]
    return out


def _with_in_subtree(tok: Token, w: WeakTrigger) -> bool:
    """One of the entry's `with` words inside the trigger's own phrase ("inspections under the
    treaty", "observation as set out in the Vienna Document"), not anywhere in the sentence."""
    phrase = list(tok.subtree)
    if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        phrase += list(tok.head.subtree)  # "unannounced military exercises"
    if tok.dep_ == "pobj" and tok.head.head.i != tok.head.i:
        phrase += list(tok.head.head.subtree)  # "the same level of observation as set out in ..."
    return any(_lemma(t) in w.with_words or t.lower_ in w.with_words for t in phrase if t.i != tok.i)


def _framed_by(tok: Token, w: WeakTrigger) -> bool:
    """One of the entry's `with` words in the trigger's phrase or in the clause that holds it:
    "the truce they brokered", "a ceasefire was reached", "the ceasefire came into effect"; a word
    in a name is read from the whole name ("conducted Operation Claw-Lock against the PKK")."""
    while tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i != tok.i:
        tok = tok.head
    near = [t for t in tok.subtree if t.i != tok.i]
    head = tok.head if tok.dep_ != "pobj" else tok.head.head
    if head.i != tok.i:
        near.append(head)
        for c in head.children:
            if c.i != tok.i and not tok.is_ancestor(c):
                near.append(c)
                near.extend(g for g in c.children if c.dep_ == "prep" and g.dep_ == "pobj")
    return any(_lemma(t) in w.with_words or t.lower_ in w.with_words for t in near)


def _agreed_terms(tok: Token) -> bool:
    """"Agree" as reaching terms ("agreed to disengage", "a ceasefire was agreed upon", "agreed on a
    line"), not as sharing a view ("I agree that ...", "we agree with the assessment")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "you") for c in tok.children):
        return False
    return not any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                   for c in tok.children)


def _continues(tok: Token, w: WeakTrigger) -> bool:
    """A weak word taking up the topic of the sentence before: "This action will
    disrupt ...", "The call lasted an hour". A contact word does so as a noun
    with a definite determiner ("the call", "that meeting"); as a verb it tells
    what else was said ("they also talked about Ukraine"), not the contact."""
    if w.needs == "continuity":
        if tok.pos_ in ("VERB", "AUX"):  # "We acted decisively last night": the speaker's side did it
            return any(c.dep_ == "nsubj" and c.lower_ in ("we", "they") for c in tok.children)
        if tok.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ in (*DEMONSTRATIVES, "it") for c in tok.head.children):
            return True  # "This was a purely British mission."
        # "this action", "the operation"; not "their actions" or a bare plural, which speak of conduct in general
        return not _determiners(tok).isdisjoint((*DEMONSTRATIVES, "the", "both", "each"))
    if w.needs not in ("party", "actor", "state"):
        return False
    if w.needs != "party":
        return True
    if tok.pos_ in ("VERB", "AUX"):
        # only with a pronoun for the party of the sentence before: "we would be open to talking to them"
        partners = [c for c in tok.children if c.dep_ in ("dobj", "obj", "dative")]
        partners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children if g.dep_ == "pobj"]
        return any(p.lower_ in ("them", "him", "her") for p in partners)
    return any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in tok.children)


def _demonstrative(tok: Token) -> bool:
    return not _determiners(tok).isdisjoint(DEMONSTRATIVES)


def _determiners(tok: Token) -> set[str]:
    """The determiners of a noun, "such" included (the parser makes it an adjective: "such missions")."""
    return {c.lower_ for c in tok.children if c.dep_ in ("det", "predet") or (c.dep_ == "amod" and c.lower_ == "such")}


DEMONSTRATIVES = ("this", "that", "these", "those", "such")
LOOKBACK = 3  # sentences a demonstrative anaphor reaches back (the filter knows it too)

_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "such"}


_THIRD_PARTIES = frozenset({"party", "country", "state", "nation"})


def _ruled_out(tok: Token, w: WeakTrigger) -> bool:
    """An object or a governing word the trigger's entry excludes, or a use as a modifier."""
    if w.not_objects and any(c.dep_ in ("dobj", "obj", "advmod", "npadvmod", "nsubjpass", "xcomp") and _lemma(c) in w.not_objects
                             for c in tok.children):
        # ("hit a record high" is often parsed with "high" as an adverb; "an inquiry was launched"; "not authorized
        # to discuss")
        return True
    if w.not_objects and any(_lemma(g) in w.not_objects for g in _with_objects(tok)):
        return True  # the one a verb acts with, as its object: "engaged with the militants" is no talk
    if w.not_objects and tok.dep_ in ("relcl", "acl") and _lemma(tok.head) in w.not_objects:
        return True  # "the arrangement that we struck", "the exercise launched by the army"
    if w.not_objects and tok.pos_ == "VERB" and not any(c.dep_ in ("dobj", "obj") for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ == "in" and (_lemma(g) in w.not_objects or g.lower_ in w.not_objects)
            for c in tok.children for g in c.children if g.dep_ == "pobj"):
        return True  # what one engages in: "engaged in high-level talks", "engaged in unprofessional behaviour"
    if w.not_modifiers and any((c.lower_ in w.not_modifiers or _lemma(c) in w.not_modifiers) and _modifies(c, tok) for c in tok.children):
        return True  # "my understanding is", "calls for a meeting", "social media channels"
    if w.not_modifiers and tok.i > 0 and tok.head.i == tok.i - 1 and tok.head.lower_ in w.not_modifiers:
        return True  # the modifier right before it, misparsed as its head ("surprise checks", "surprise" a verb)
    if tok.pos_ == "VERB" and any(c.dep_ == "oprd" for c in tok.children):
        return True  # "called its strike an act of self-defence": a verb naming something, not the act
    aimed_at = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("at", "against") for g in c.children
                if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if tok.pos_ == "VERB" and any(_lemma(g) in _THIRD_PARTIES and any(a.lower_ == "third" for a in g.children)
                                  for g in aimed_at):
        return True  # "the patrol is not targeted at (did not target) any third party": the diplomats' formula
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if tok.pos_ == "VERB" and len(objects) > 1 and any(c.lower_ in ("what", "which") for c in objects):
        return True  # "what officials called limited operations": naming again, the parse with two objects
    if tok.pos_ == "VERB" and objects and _lemma(tok) in _NAMING and any(
            t.is_quote and t.i > objects[0].i for t in tok.doc[objects[0].i : min(objects[0].right_edge.i + 2, len(tok.doc))]):
        return True  # 'called its attack "collective self-defence"': a name given in quotation marks
    if w.active and any(c.dep_ == "auxpass" for c in tok.children):
        return True  # "will be met with a response": a passive meets no one
    if w.passive and not any(c.dep_ == "auxpass" for c in tok.children):
        return True  # "a war involving tanks", "the crews involved in the drill": no one's part in it
    if w.not_heads and _lemma(tok.head) in w.not_heads and tok.head.i != tok.i and tok.dep_ not in _CLAUSES:
        return True  # "plotting attacks", "in line with" (not "the claim that Islamabad attacked Jammu": what is claimed)
    if w.heads and (_lemma(tok.head) not in w.heads or tok.head.i == tok.i):
        return True  # ("had nothing to do with the strike": "do" only under "nothing")
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN") and tok.pos_ != "ADJ" and (
            tok.head.lemma_.lower() not in _TIME_UNITS) and w.pos != "PROPN":  # (an entry for a word of a name)
        # "attack helicopters", "launch systems": a modifier, not an event ("joint" is one by nature; not
        # "received a warning minutes before", which the parser may read as a kind of minutes)
        return True
    return False


_NAMING = {"call", "term", "label", "dub", "describe", "brand"}
_CLAUSES = frozenset({"acl", "ccomp", "relcl", "advcl"})
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "moment"})


def _modifies(child: Token, tok: Token) -> bool:
    """A preposition or particle makes a phrasal verb only right after it ("called on Moscow to",
    "called off the visit"), not as the head of a later phrase ("called his counterpart on Monday")."""
    return child.dep_ not in ("prep", "prt") or tok.pos_ != "VERB" or child.i == tok.i + 1


def _corroborated(tok: Token, w: WeakTrigger, rules: TopicRules, has_context: bool, has_timing: bool, has_advance: bool,
                  has_ahead: bool = False) -> bool:
    if w.needs == "context":
        return has_context
    if w.needs == "timing":
        return has_timing
    if w.needs == "event":
        return _near_event(tok, rules)
    if w.needs == "party":
        return _has_party(tok, rules)
    if w.needs == "partner":
        return any(_is_party(g, rules) for g in _with_objects(tok))
    if w.needs == "state":
        return _has_state(tok)
    if w.needs == "owner":
        return _owned_by_state(tok)
    if w.needs == "operation":
        return _in_operation(tok, rules)
    if w.needs == "advance":
        return has_advance
    if w.needs == "ahead":
        return has_ahead
    if w.needs == "continuity":
        return False  # only through `recent`
    if w.needs == "with":
        return _with_in_subtree(tok, w)
    if w.needs == "frame":
        return _framed_by(tok, w)
    if w.needs == "terms":
        return has_context and _agreed_terms(tok)
    if w.needs == "lowercase":
        return tok.text.islower()
    if w.needs == "object":
        return _has_object(tok, w.objects)
    if w.needs == "about":
        return _about(tok, w.objects)
    if w.needs == "plan":
        return has_advance or _of_plans(tok, rules)
    if w.needs == "given":
        return _given(tok, w, rules, has_advance)
    if w.needs == "offer":
        return _offered(tok, rules)
    if w.needs == "civilians":
        return _to_civilians(tok, w.objects) and (has_context or not w.with_words.isdisjoint(_lemma(t) for t in tok.sent))
    return (has_timing and not _only_own_timing(tok, rules)) or _has_party(tok, rules)


def _only_own_timing(tok: Token, rules: TopicRules) -> bool:
    """The sentence's only timing word is the one that introduces the trigger itself ("after
    being told of the decision"): it dates the telling, it does not set it against an act."""
    own = {c.i for c in tok.children if c.dep_ == "mark"} | ({tok.head.i} if tok.dep_ == "pcomp" else set())
    if not own or _about(tok, rules.operations):
        return False  # ("after being told of the strikes": a telling of an act still)
    sent = tok.sent
    return all(sent[i].i in own for i in phrase_starts([t.lower_ for t in sent], rules.timing))


_ABOUT = {"about", "of", "on", "regarding", "concerning", "over"}


def _about(tok: Token, objects: frozenset[str]) -> bool:
    """One of `objects` as what the word, or the verb that hands it over, is about: "informed
    him of the attacks", "provided no information about the test", "provide Latvia with the
    requested information on the exercise", "general information already provided on the
    military activities"."""
    holders = [tok]
    if tok.pos_ == "NOUN":
        holders += [c for c in tok.children if c.dep_ in ("acl", "relcl")]
        if tok.dep_ in ("dobj", "obj", "nsubjpass", "dative"):
            holders.append(tok.head)
        elif tok.dep_ == "pobj" and tok.head.lower_ == "with":
            holders.append(tok.head.head)
    told = [c for c in tok.children if c.dep_ in ("dobj", "dative")] if tok.pos_ == "VERB" else []
    for holder in holders + told:
        for prep in holder.children:
            # (on the one told only "of"/"about": "informed key members of the operation", the parser's attachment)
            if prep.dep_ == "prep" and prep.lower_ in (_ABOUT if holder not in told else ("of", "about")):
                if any(_lemma(t) in objects or t.lower_ in objects
                       for g in prep.children if g.dep_ == "pobj" for t in g.subtree):
                    return True
    return False


def _to_civilians(tok: Token, objects: frozenset[str]) -> bool:
    """The ones warned are civilians (one of `objects`): "warned residents to leave", "residents were
    warned by text message", "called on the inhabitants of X to evacuate", "issued warnings to residents"."""
    told = [c for c in tok.children if c.dep_ in ("dobj", "obj", "dative", "nsubjpass")]
    holders = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj") else [tok]
    told += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("to", "on")
             for g in c.children if g.dep_ == "pobj"]
    return any(_lemma(t) in objects or t.lower_ in objects for t in told)


def _offered(tok: Token, rules: TopicRules) -> bool:
    """Talks offered by one who says it is ready for them ("we are ready to talk", "remains open to
    negotiating", "always open to dialogue", "ready for talks"), not with an audience ("ready to
    talk to reporters")."""
    holder = tok.head.head if (tok.dep_ == "pcomp" and tok.head.lower_ == "to") or (
        tok.dep_ == "pobj" and tok.head.lower_ in ("to", "for")) else tok.head if tok.dep_ == "xcomp" else None
    if holder is None or _lemma(holder) not in rules.readiness:
        return False
    return not any(_is_audience(g, rules) for p in tok.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj")


def _of_plans(tok: Token, rules: TopicRules) -> bool:
    """What was about to happen as what the word governs: "not aware that they were going to
    strike", "did not know the details of the plans", "did not disclose the preparations"; not
    "knew that it had been planned")."""
    for child in tok.children:
        if (child.dep_ in ("ccomp", "xcomp") or (child.dep_ == "acl" and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in child.children))) and (
            (_future(child) and child.tag_ != "VBN") or (_lemma(child) in rules.plans and not any(c.dep_ == "auxpass" for c in child.children))
        ):
            return True
        if child.dep_ in ("dobj", "obj", "prep", "attr"):
            if any(_lemma(t) in rules.plans and t.pos_ == "NOUN" for t in child.subtree):
                return True
    return False


def _given(tok: Token, w: WeakTrigger, rules: TopicRules, has_advance: bool) -> bool:
    """A noun handed over to another party: with `objects`, about one of them ("provided
    Latvia with no information on the exercise", "the information already provided on the
    military activities") or handed over in advance ("the information was passed minutes
    before the strike"); with `with` words, of one of them ("the coordinates of our troops
    were shared with them", not "the locations of the militants")."""
    verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl")]
    if tok.dep_ in ("dobj", "obj", "nsubjpass"):
        verbs.append(tok.head)
    elif tok.dep_ == "pobj" and tok.head.lower_ == "with":
        verbs.append(tok.head.head)  # "provide Latvia with information"
    verbs = [v for v in verbs if _lemma(v) in rules.giving and v.pos_ in ("VERB", "AUX")]
    if not verbs:
        return False
    recipients = [c for v in verbs for c in v.children if c.dep_ in ("dative", "dobj", "obj", "iobj") and c.i != tok.i]
    recipients += [t for v in verbs for t in v.subtree if t.dep_ == "pobj" and t.head.lower_ == "to"]
    if any(_is_audience(r, rules) for r in recipients):
        return False  # "provided information about the strike to reporters": a briefing, no notice
    if w.objects:
        exchanged = any(_lemma(v) in EXCHANGING for v in verbs) and not any(t.lower_ in _AHEAD for t in tok.sent)
        if exchanged and (not _about(tok, w.objects) or any(
                c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children) for v in verbs for c in v.children)):
            # information shared among partners "in real time" is cooperation, no notice ahead of an act; so is
            # what several share among themselves about another's act ("Japan, the United States and Korea
            # are sharing information on the launch")
            return False
        return _about(tok, w.objects) or has_advance
    whose = [c for c in tok.children if c.dep_ == "poss"]
    if any(a.lower_ == "whose" for a in whose) and tok.head.dep_ == "relcl":
        whose.append(tok.head.head)  # "servicemen, whose whereabouts were reported"
    whose += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    whose += [m for t in whose for m in t.children if m.dep_ in ("compound", "conj")]
    return any(_lemma(t) in w.with_words or t.lower_ in w.with_words for t in whose)


# sharing among partners, and the words that set a telling ahead of an act
EXCHANGING = frozenset({"share", "exchange"})
_AHEAD = frozenset({"advance", "before", "beforehand", "ahead", "prior", "earlier"})
_QUANTITIES = {"number", "amount", "quantity", "batch", "lot", "million", "thousand", "hundred", "dozen", "supply",
               "shipment", "consignment", "package"}


def _has_object(tok: Token, objects: frozenset[str]) -> bool:
    """One of `objects` as the word's object: "exchange data", "used Iranian air bases", "supplied
    Russia with drones", "the weapons supplied to Kyiv", "did not send targeting information";
    for a noun, after "of" or "to", or before it: "use of the base", "access to its airspace",
    "weapons shipments"."""
    def among(t: Token, depth: int = 0) -> bool:
        # (the surface form too: the lemmatizer makes "bases" "basis")
        if _lemma(t) in objects or t.lower_ in objects or any(  # ("targeting information")
                m.dep_ in ("compound", "amod") and (_lemma(m) in objects or m.lower_ in objects) for m in t.children):
            return True
        return depth == 0 and _lemma(t) in _QUANTITIES and any(  # "a significant number of artillery shells"
            p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and among(g, 1) for g in p.children)
            for p in t.children)

    if tok.pos_ == "VERB" and tok.dep_ in ("acl", "relcl") and among(tok.head) and any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in tok.children):
        return True  # ("facilities used by the militia" only describes them)
    for c in tok.children:
        if c.dep_ in ("dobj", "obj", "nsubjpass") and any(among(o) for o in (c, *(g for g in c.children if g.dep_ == "conj"))):
            return True  # ("bought two frigates and a batch of missiles")
        if c.dep_ in ("dobj", "obj") and tok.pos_ == "VERB" and any(  # "supplied the rebels with drones", misattached
                p.dep_ == "prep" and p.lower_ == "with" and any(g.dep_ == "pobj" and among(g) for g in p.children)
                for p in c.children):
            return True
        if c.dep_ == "prep" and (c.lower_ in ("of", "to") if tok.pos_ == "NOUN" else c.lower_ == "with"):
            if any(g.dep_ == "pobj" and among(g) for g in c.children):
                return True
        if tok.pos_ == "NOUN" and c.dep_ == "compound" and among(c):
            return True
    if tok.pos_ == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) and not any(
            c.dep_ == "nsubjpass" for c in tok.children):
        # a passive with its subject read into the preposition before it ("despite the coordinates of
        # our units having been shared with ...")
        return any(c.dep_ == "prep" and c.i < tok.i and any(g.dep_ == "pobj" and among(g) for g in c.children)
                   for c in tok.children)
    return False


def _near_event(tok: Token, rules: TopicRules) -> bool:
    """The weapon is launched, fired, hits, crashes... ("fired missiles", "missiles struck")."""
    node = tok
    for _ in range(2):
        if _lemma(node.head) in rules.event and node.head.i != node.i:
            return True
        if node.dep_ not in ("compound", "amod", "nmod", "pobj", "prep", "conj"):
            break
        node = node.head
    return any(_lemma(c) in rules.event for c in tok.children if c.dep_ in ("compound", "amod", "acl", "relcl", "nmod"))


_SYMMETRIC = {"meet", "talk", "agree", "discuss", "cooperate", "speak", "consult", "negotiate", "work"}
_SUPPORT_VERBS = {"hold", "have", "give", "provide", "receive", "get", "send", "issue", "pass", "conduct", "begin",
                  "resume", "continue", "start", "open", "keep", "offer", "sign", "reach",
                  # what parties do with an agreement or a channel ("India and Pakistan finalized an agreement")
                  "finalize", "finalise", "conclude", "seal", "ink", "negotiate", "renew", "extend", "establish", "set",
                  "maintain",
                  # what parties do to end one ("the Americans suspended the dialogue")
                  "suspend", "halt", "freeze", "interrupt", "end", "stop"}


# Nouns of what one party gives another ("aid to Ukraine", "support for Kyiv"): the party it goes to
GIVEN_HELP = frozenset({"aid", "assistance", "support", "help", "backing", "supply", "supplies", "delivery", "shipment",
                        "transfer"})


def _has_party(tok: Token, rules: TopicRules) -> bool:
    """A state, military or official as the other party of a contact or a notice.

    Looked for among the word's objects and partners ("spoke with Lavrov"),
    the plural subject of a symmetric verb ("the two militaries met"), and, for a
    noun, the parties of its support verb ("gave the coalition notice", "the two
    sides held talks").
    """
    if _party_among(tok, rules) or _beside_party(tok, rules):
        return True
    kept = kept_informed(tok)
    if kept is not None and _is_party(kept, rules):
        return True  # "we keep them informed", "our partners will keep us informed": the one kept informed
    if _lemma(tok) in _SYMMETRIC:
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is not None and _is_party(subject, rules) and (
            subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)
        ):
            return True
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj", "nsubjpass") and _lemma(tok) in GIVEN_HELP and (
            _party_among(tok.head, rules, skip=tok.i)):
        return True  # "suspended military aid to Ukraine": the one the help goes to, on whatever verb
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj", "attr", "dative", "nsubjpass") and _lemma(tok.head) in _SUPPORT_VERBS:
        verb = tok.head
        if any(c.dep_ in ("dative", "iobj") and c.i != tok.i and _is_party(c, rules) for c in verb.children):
            return True
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or (
            next((c for c in verb.head.children if c.dep_ == "nsubj"), None) if verb.dep_ == "xcomp" else None)
        # (the subject of the verb it completes: "the Americans decided to suspend the dialogue")
        if subject is not None and (
            (_is_party(subject, rules) and (subject.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in subject.children)))
            or subject.lower_ in ("we", "i", "they")
        ):  # ("Manila and Beijing resumed talks")
            return True  # "the Russians give us notice", "we had no warning", "what notice they received"
        if _party_among(verb, rules, skip=tok.i):
            return True
        if any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and _is_party(c, rules) for c in tok.children):
            return True  # "had given the coalition notice", parsed as one noun phrase
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in ("for", "with") and tok.head.head.pos_ == "VERB" \
            and _party_among(tok.head.head, rules, skip=tok.head.i):
        return True  # "asked Russia for military assistance", "provided Kyiv with intelligence"
    if tok.pos_ == "NOUN":
        for clause in tok.children:
            if clause.dep_ == "relcl" and _lemma(clause) in _SUPPORT_VERBS and _party_among(clause, rules):
                return True  # "the warning we passed to the Russian side", "the notice they gave us"
    return False


def answered_act(tok: Token, rules: TopicRules) -> bool:
    """`tok` names an act that another answers ("a response to the rocket attack", "respond to a
    series of drone attacks", "in retaliation for the shelling of the villages", "to avenge the
    raid", "in response to the rocket launched from Gaza"): the cause of the act a sentence tells, not that act."""
    node = tok.head if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" else tok
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN" and (
            node.head.head.lemma_.lower() not in rules.answers):
        node = node.head.head  # ("a series of drone attacks")
    if node.dep_ == "pobj" and node.head.lower_ in ("to", "for"):
        return node.head.head.lemma_.lower() in rules.answers
    return node.dep_ in ("dobj", "obj") and node.head.lemma_.lower() in rules.answers


# Nouns of acting together that name the partner in a "with" phrase: "in partnership with Kenya"
_ACTING_TOGETHER = {"partnership", "coordination", "cooperation", "conjunction", "concert", "collaboration", "tandem"}


def company_preposition(tok: Token) -> Token | None:
    """The preposition of a word of company: "alongside" itself ("carried out alongside France"),
    the "with" of "in partnership with" (or coordination, cooperation), or the "with" of "together" ("together with the United States", the parser may hang "together"
    on it or it on "together")."""
    if tok.pos_ == "ADP" and tok.lower_ == "alongside":
        return tok
    if tok.pos_ == "ADP" and tok.lower_ == "in":  # (the phrase "in coordination" headed by its preposition)
        tok = next((c for c in tok.children if c.dep_ == "pobj"), tok)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and _lemma(tok) in _ACTING_TOGETHER:
        return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)  # "in partnership with"
    if tok.pos_ == "ADV" and tok.lower_ == "together":
        if tok.dep_ == "advmod" and tok.head.lower_ == "with":
            return tok.head
        # (or both on the verb, side by side: "acted together with its allies")
        return next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None) or next(
            (c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "with" and c.i == tok.i + 1), None)
    return None


def _beside_party(tok: Token, rules: TopicRules) -> bool:
    """The party a word of company sets beside the one acting."""
    prep = company_preposition(tok)
    return prep is not None and any(g.dep_ == "pobj" and _is_party(g, rules) for g in prep.children)


_OPERATION_PREPS = {"in", "of", "for", "with", "to"}


def _in_operation(tok: Token, rules: TopicRules) -> bool:
    """The word is about taking part in a military action: "not involved in the
    operation", "no role in the strike", "in support of the offensive"."""
    if tok.dep_ == "acl":
        return False  # "jets involved in the raids": a description, not a statement about taking part
    children = list(tok.children)
    objects = [c for c in children if c.dep_ in ("dobj", "obj")]
    # ("requested any of the airstrikes": what the count is of)
    objects += [g for o in objects if o.pos_ in ("PRON", "NUM", "DET") for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]
    if tok.pos_ == "VERB" and any(_own_operation(c, rules) is False for c in objects):
        return True  # "does not back the planned incursion", "supported the offensive"
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj"):
        children += [c for c in tok.head.children if c.dep_ == "prep"]  # "played no role in the strikes"
    if tok.pos_ == "VERB":  # "provided aircraft for the campaign", the purpose attached to the object
        children += [p for c in tok.children if c.dep_ in ("dobj", "obj")
                     for p in c.children if p.dep_ == "prep" and p.lower_ in ("for", "to")]
    for child in children:
        if child.dep_ == "prep" and child.lower_ in _OPERATION_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and _own_operation(obj, rules) is False:
                    return True  # (one's own operation is no cooperation: "in support of our mission")
                if obj.dep_ == "pobj" and _lemma(obj) in _DECIDED and not _is_own(obj) and any(
                        c.dep_ in ("acl", "relcl") and _lemma(c) in rules.operations for c in obj.children):
                    return True  # "not involved in the Ukrainians' decision to strike the ship"
    return False


def _operations_taken_part_in(sent: Span, triggers: list[Trigger], rules: TopicRules) -> list[Trigger]:
    """A party's military action that one takes part in, supports or stays out of is a strike the
    sentence tells too ("Washington was not involved in Israel's operation"): the operation, when
    a state or body owns it and no strike trigger holds it."""
    held = {i for t in triggers if t.topic == "strike" for i in range(t.start, t.end)}
    found = []
    for t in triggers:
        if t.topic != "cooperation":
            continue
        head = sent.doc[t.head]
        preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in _OPERATION_PREPS]
        for obj in (g for p in preps for g in p.children if g.dep_ == "pobj"):
            owned = any(c.dep_ == "poss" and c.pos_ != "PRON" and c.ent_type_ in _STATE_ENTITIES
                        or c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in obj.children)
            if obj.i not in held and _own_operation(obj, rules) is False and owned:
                found.append(Trigger("strike", obj.i, obj.i + 1, obj.i, obj.text, "", True))
    return found


def _acts_noticed(sent: Span, triggers: list[Trigger], rules: TopicRules) -> list[Trigger]:
    """The military action a notice is about or timed against is a strike the sentence tells
    too, however weak its word ("informed us while the operation was under way", "were told
    about the test two days before", "told them of the plan to attack the compound")."""
    held = {i for t in triggers if t.topic == "strike" for i in range(t.start, t.end)}
    clauses = set()
    for t in triggers:
        if t.topic == "notification" and not _admonition(sent.doc[t.head]):
            head = sent.doc[t.head]
            clauses.add(head.i)
            if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass", "dobj", "obj"):
                clauses.add(head.head.i)  # ("my call ... took place while the operation was under way")
    if not clauses:
        return []
    found = []
    for tok in sent:
        if tok.i in held or tok.pos_ not in ("NOUN", "VERB") or (_lemma(tok) not in rules.operations and _lemma(tok) != "test"):
            continue
        if tok.dep_ in ("compound", "amod") or tok.lower_ in ("action", "actions"):
            continue  # ("operation room"; "action" names conduct more often than an act of force)
        if tok.pos_ == "NOUN" and _lemma(tok) != "hostility" and not _particular_act(tok):
            continue  # one act, not a kind of them ("notice of missile tests", "before an operation"; "hostilities" are one)
        node, steps = tok, 0
        while node.dep_ in _NOTICED_PATH and node.head.i != node.i and steps < 7 and node.i not in clauses:
            node, steps = node.head, steps + 1
        if node.i in clauses and node.i != tok.i:
            found.append(Trigger("strike", tok.i, tok.i + 1, tok.i, tok.text, "", True))
    return found


def _particular_act(tok: Token) -> bool:
    """One act the phrase singles out: "the operation", "its raid", "an upcoming operation in
    Lebanon"; not a kind of act ("notice of missile tests", "of their missions in Syria": what
    is done again and again)."""
    if tok.tag_ != "NN":
        return False
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in tok.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ in _PLACED for c in tok.children for g in c.children
               if g.dep_ == "pobj" and (g.ent_type_ in ("GPE", "LOC", "FAC") or _lemma(g) in _PLACES))


_PLACED = frozenset({"in", "inside", "on", "into", "over", "against"})
_PLACES = frozenset({"territory", "soil", "border", "region", "province", "city", "town", "village", "base", "coast", "strait"})


# how an act hangs from the notice that is about it: "of/about the test", "while the operation was
# under way", "before they launched the raid", "the plan to attack"
_NOTICED_PATH = {"pobj", "prep", "nsubj", "nsubjpass", "advcl", "dobj", "xcomp", "acl", "pcomp", "advmod"}  # ("ahead of the operation")


def _in_act_referred(tok: Token) -> bool:
    """The word is about taking part in an act a pronoun refers back to ("Canada was not
    involved in it", "we took no part in that", "Tehran backed it"), or a bare "was not involved",
    after a strike was told."""
    children = list(tok.children)
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "obj"):
        children += [c for c in tok.head.children if c.dep_ == "prep"]  # "played no role in it"
    objects = [c for c in children if c.dep_ in ("dobj", "obj") and tok.pos_ == "VERB"] + [
        g for c in children if c.dep_ == "prep" and c.lower_ in _OPERATION_PREPS for g in c.children if g.dep_ == "pobj"]
    if bare_involvement(tok):
        return True  # "the United States was not involved.": in what was just told
    return any(o.lower_ in _REFERRING for o in objects)


def bare_involvement(tok: Token) -> bool:
    """"was (not) involved" with nothing it is involved in: the act told before (not "the jets
    involved", a description)."""
    return _lemma(tok) == "involve" and tok.tag_ == "VBN" and tok.dep_ != "acl" and not any(
        c.dep_ in ("prep", "dobj", "obj", "agent") for c in tok.children)


_REFERRING = {"it", "that", "this", "them"}

# Nouns of a choice to act: "the decision to strike", "plans to attack".
_DECIDED = {"decision", "plan", "planning", "preparation", "intention", "order"}


def _own_operation(noun: Token, rules: TopicRules) -> bool | None:
    """None when the noun is no military action; else whether it is the speaker's own ("our mission")."""
    if _lemma(noun) not in rules.operations:
        return None
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in noun.children)


_STATE_ENTITIES = {"GPE", "NORP", "ORG"}


def _owned_by_state(tok: Token) -> bool:
    """An act a state's name or adjective qualifies, or one against a named group: "the Israeli
    operation at the hospital", "the 2008 Gaza operation", "anti-ISIS operations"."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < tok.i:
            if child.ent_type_ in ("NORP", "GPE") or child.lower_ == "anti" or opposed_name(child) or any(
                    opposed_name(t) for t in child.subtree):
                return True
    return False


def opposed_name(tok: Token) -> bool:
    """A name after "anti-" ("anti-ISIS"), however the tokenizer cut it: whom an act is against."""
    doc = tok.doc
    return tok.lower_.startswith("anti-") or (tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "anti")


def _has_state(tok: Token) -> bool:
    """A state or organisation as the word's object, partner or subject."""
    for child in tok.children:
        targets = [child] if child.dep_ in ("dobj", "nsubj", "nsubjpass", "dative") else [
            g for g in child.children if g.dep_ == "pobj"
        ] if child.dep_ in ("prep", "agent") else []  # ("the operation would be joined by Britain")
        for t in targets:
            if t.ent_type_ in _STATE_ENTITIES or _lemma(t) in ("coalition", "alliance", "nato"):
                if t.lower_ not in ("us", "me") or (len(t.text) > 1 and t.text.isupper()):  # ("US", the state)
                    return True
    return False


def _party_among(tok: Token, rules: TopicRules, skip: int = -1) -> bool:
    for child in tok.children:
        if child.i == skip:
            continue
        if child.dep_ in _PARTY_DEPS and _is_party(child, rules) and not (child.dep_ in ("dobj", "obj") and _lemma(tok) in _TOPIC_VERBS):
            return True
        if child.dep_ in ("xcomp", "ccomp") and _lemma(tok) in ENABLING_VERBS and skip != -2 and _helped(child, rules):
            return True  # "helping Ukraine conduct strikes", "helped to train the Ukrainian units"
        if (child.dep_ in ("prep", "dative") and (child.lower_ in _PARTY_PREPS or (child.lower_ == "of" and _lemma(tok) in _BACKING))) \
                or child.dep_ == "agent":  # ("no warning given to us": the parser's "to" as a dative)
            if any(_is_party(g, rules) and not (child.lower_ == "of" and _is_own(g)) for g in child.children if g.dep_ == "pobj"):
                return True  # (not one's own: "in support of our mission")
        if child.dep_ == "acl" and tok.pos_ == "NOUN" and skip != -2 and _party_among(child, rules, skip=-2):
            return True  # "intelligence provided by our partners"
        if child.dep_ == "poss" and _is_party(child, rules) and tok.pos_ == "NOUN":
            return True
        if child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("GPE", "NORP", "ORG") and _lemma(tok) in _BACKING:
            return True  # "approved a U.S. request", "proposed US support"
        if child.dep_ in ("amod", "compound") and tok.pos_ == "NOUN" and _bilateral(child):
            return True  # "the U.S.-Russian accords", "Indo-Pakistani talks"
    return False


def _is_own(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in noun.children)


def _helped(clause: Token, rules: TopicRules) -> bool:
    """The party a verb's complement clause is about: its subject ("helping Ukraine conduct
    strikes", "authorised Kyiv to use"), or for a bare infinitive, its object ("helped to train
    the units")."""
    subject = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subject:
        return any(_is_party(c, rules) or c.lower_ in ("them", "him", "her") for c in subject)
    return clause.dep_ == "xcomp" and any(c.dep_ in ("dobj", "obj", "dative") and _is_party(c, rules) for c in clause.children)


def _bilateral(tok: Token) -> bool:
    """A hyphenated pair of states or peoples ("U.S.-Russian", "Israeli-Palestinian")."""
    words = [w for w in tok.subtree if w.i <= tok.i]
    text = "".join(w.text_with_ws for w in words).strip()
    if "-" not in text.strip("-"):
        return False
    return any(w.ent_type_ in ("GPE", "NORP") for w in words) or _PAIR.fullmatch(text) is not None


_PAIR = re.compile(r"[A-Z][\w.]*\s?-\s?[A-Z][\w.]*")


def _is_audience(tok: Token, rules: TopicRules) -> bool:
    """Whom a speaker tells things in public: reporters, parliament, a news outlet ("told Reuters")."""
    if _lemma(tok) in rules.audiences:
        return True
    if tok.pos_ != "PROPN" or not rules.outlets:
        return False
    name = " ".join(t.lower_ for t in tok.subtree if t.dep_ == "compound" or t.i == tok.i)
    return name in rules.outlets or tok.lower_ in rules.outlets


def _with_audience(tok: Token, rules: TopicRules) -> bool:
    """The word's partner ("with", "to") is the public: a news outlet, reporters."""
    return any(g.dep_ == "pobj" and _is_audience(g, rules) for c in tok.children
               if c.dep_ == "prep" and c.lower_ in ("with", "to") for g in c.children)


def _is_party(tok: Token, rules: TopicRules) -> bool:
    if _is_audience(tok, rules):
        return False
    if tok.lower_ in ("us", "them", "we", "they", "other", "another") and (tok.dep_ in ("dobj", "dative", "obj", "iobj", "nsubjpass") or (
            tok.dep_ == "pobj" and tok.head.lower_ in ("to", "with"))):
        return True  # "Iran had not warned them", "we were informed", "to warn each other": the one told is a party
    if tok.lower_ == "it" and tok.dep_ == "nsubjpass":
        return True  # "the military said ... it had not been consulted": a body speaking of itself
    return any(
        (t.ent_type_ in _ENTITY_PARTIES or _lemma(t) in rules.actors) and abs(t.i - tok.i) <= 6 for t in tok.subtree
    )


def _drop_framed(sent: Span, triggers: list[Trigger], rules: TopicRules, has_advance: bool = False) -> list[Trigger]:
    doc = sent.doc
    reporting = {t for t in triggers if t.topic == "notification" and t.weak and _is_reporting(doc[t.head], triggers, rules)}
    # what a notice word says that is no notice of a military action ("warned that any attack ...")
    no_notice = {t for t in triggers if t.topic == "notification" and t.weak and t not in reporting
                 and _not_a_notice(doc[t.head], rules, has_advance)}
    no_notice |= {t for t in triggers if t.topic == "notification" and _told_after_the_fact(doc[t.head], rules)}
    notices = [t for t in triggers if t.topic == "notification" and t not in no_notice]
    notice_tokens = {i for t in notices if t not in reporting for i in range(t.start, t.end)}
    reporting_tokens = {i for t in reporting for i in range(t.start, t.end)}
    # what a reporting verb says is a claim of its own ("told reporters Kyiv did not consult with Berlin")
    reported = {i for t in reporting for c in doc[t.head].children if c.dep_ in ("ccomp", "parataxis") for i in
                (x.i for x in c.subtree)}
    kept = []
    for t in triggers:
        head = doc[t.head]
        if t in reporting or t in no_notice:
            continue
        if t.topic == "cooperation" and (t.weak or t.group == "deconfliction") and notices and (
                _frames(head, notice_tokens) or (t.head not in reported and _frames(head, reporting_tokens))):
            continue  # "informed them through military channels": a notice, not a claim about the channel
        # (a strike the notice was about is a claim of its own: "notified Russia about the strike")
        kept.append(t)
    return kept


_SAYING = {"say", "read", "state", "add", "note"}


def _told_after_the_fact(tok: Token, rules: TopicRules) -> bool:
    """A notice of what came after an act, not of an operation: "was notified about the results of
    an internal assessment", "a notification of the findings"."""
    about = [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _ABOUT for g in c.children
             if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]  # (not "On March 30, ...")
    return bool(about) and all(_lemma(g) in rules.aftermath for g in about)


def _not_a_notice(tok: Token, rules: TopicRules, has_advance: bool) -> bool:
    """What a notice word says that is no notice of a military action: the message as the one
    who speaks ("the message said"), an admonition ("warned Beijing against helping", "not to
    ..."), a judgement ("would be a mistake") or a threat ("warned that any attack will have consequences"); so is what one is told in a sentence with no military word at all
    ("informed us that this is their decision"), unless it is told in advance."""
    if tok.pos_ == "NOUN":
        if tok.dep_ == "attr" and _lemma(tok.head) == "be":
            # "the launches were as much a message to Washington as a strike": the act is the message
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subject is not None and (_lemma(subject) in rules.operations or _lemma(subject) in rules.event):
                return True
        holders = [tok] + ([tok.head] if tok.dep_ in ("dobj", "obj") else [])  # (the clause may hang on "sent")
        if any(c.dep_ in ("acl", "ccomp", "relcl") and any(a.dep_ == "aux" and a.lower_ in ("can", "could") for a in c.children)
               for h in holders for c in h.children):
            return True  # "sending a message that they can strike without fear": what one can do, no notice
        return tok.dep_ == "nsubj" and _lemma(tok.head) in _SAYING
    if _lemma(tok) not in TELLING_VERBS:
        return False
    if _admonition(tok):
        return True
    military = has_advance or any(_lemma(t) in rules.context or t.lower_ in rules.context for t in tok.sent)
    for clause in tok.children:
        if clause.dep_ != "ccomp" or _trailing_attribution(tok, clause):
            continue  # (", the coast guard said, prompting Tokyo to warn that any launch ...": who told it, no threat)
        if not military or any(_lemma(t) in rules.threats or (t.lower_ == "any" and t.dep_ == "det") for t in clause.subtree):
            return True
    return False


def _admonition(tok: Token) -> bool:
    """Telling someone what not to do or what an act would be, not of an act to come: "warned Beijing
    against helping", "warned Manila not to test its resolve", "warned Israel that a strike on Rafah
    would be a mistake"."""
    if _lemma(tok) not in TELLING_VERBS:
        return False
    told = [c for c in tok.children if c.dep_ in ("dobj", "obj", "dative")]
    if any(c.dep_ == "prep" and c.lower_ == "against" for x in (tok, *told) for c in x.children):
        return True  # (the parse may hang "against" on the one warned)
    if any(c.dep_ == "xcomp" and any(n.dep_ == "neg" for n in c.children) for c in tok.children):
        return True
    return any(c.dep_ == "ccomp" and _judged(c) and any(a.dep_ == "aux" and a.lower_ in ("would", "could") for a in c.children)
               for c in tok.children)


def _judged(clause: Token) -> bool:
    """A clause that says what something would be ("would be a mistake", "would constitute an escalation"),
    not what would happen ("its forces would cross the border", "the operation would be brief")."""
    if _lemma(clause) == "be":
        return any(c.dep_ == "attr" and c.pos_ == "NOUN" for c in clause.children)
    return _lemma(clause) in _JUDGING


# verbs of what an act would be, besides "be" with a noun: told with "would", a judgement of it, no notice
_JUDGING = frozenset({"constitute", "amount"})
# verbs that tell someone something: a notice when what they tell is about a military action
TELLING_VERBS = frozenset({"warn", "tell", "inform", "alert", "brief"})


def _is_reporting(tok: Token, triggers: list[Trigger], rules: TopicRules) -> bool:
    """"told reporters", a speech verb whose complement holds another claim, or one
    that reports a past event ("told Putin that the targets had been destroyed");
    telling of what is about to happen stays a notice ("told them strikes would begin")."""
    for child in tok.children:
        if child.dep_ in ("dobj", "dative", "obj", "iobj") and _is_audience(child, rules) and not (
                _lemma(child) in rules.legislatures and (_about(tok, rules.operations) or _before_act(tok, rules))):
            return True  # (parliament told of an operation, or before it, is notified: "informed lawmakers of the raid")
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("about", "of") and any(
            g.dep_ == "pobj" and _future(g) for g in child.children
        ):
            return False  # "told Russian forces about the coming strike": a notice, whatever follows
    for t in tok.subtree:
        if t.dep_ == "mark" and t.lower_ == "that" and t.head.i != tok.i and t.head.pos_ in ("VERB", "AUX"):
            clause = t.head
            # the clause must be what the verb says: its complement (or, misparsed,
            # hanging off its adjuncts), not a coordinated clause of another verb
            path = [clause, *(a for a in clause.ancestors if tok.is_ancestor(a))]
            if any(a.dep_ not in ("ccomp", "prep", "pobj", "relcl", "acl", "dobj") for a in path):
                continue
            if any(a.pos_ in ("VERB", "AUX") for a in path[1:]):
                continue  # another verb's clause ("..., according to X, who told reporters that ..."): not this one's
            auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
            if not _future(clause) and not auxes & {"could", "might", "may"} and (
                clause.tag_ in ("VBD", "VBN") or auxes & {"had", "has", "have", "was", "were"}
            ):
                return True
    others = [t for t in triggers if t.head != tok.i]
    for child in tok.children:
        if child.dep_ in ("ccomp", "parataxis") and not _trailing_attribution(tok, child):
            if _in_quotes(child):
                return True  # '"...," the official told Reuters'
            span = set(x.i for x in child.subtree)
            if any(o.head in span and not _yet_to_come(tok.doc[o.head]) for o in others) and not _future(child):
                return True
    return False


def _before_act(tok: Token, rules: TopicRules) -> bool:
    """The telling is set before a military action: "informed Congress before the strikes"."""
    return any(c.dep_ == "prep" and c.lower_ in ("before", "ahead", "prior") and any(
        _lemma(g) in rules.operations for g in c.subtree if g.dep_ == "pobj") for c in tok.children)


def _trailing_attribution(tok: Token, clause: Token) -> bool:
    """", the ministry said, adding that ...": the attribution of the sentence, which the parser
    may hang on its main verb as a complement, and not what that verb reports."""
    return (clause.i > tok.i and _lemma(clause) in _SAYING and any(c.dep_ == "nsubj" for c in clause.children)
            and clause.left_edge.i > 0 and clause.doc[clause.left_edge.i].text == ",")


def _yet_to_come(act: Token) -> bool:
    """An act the clause places after the telling: "warned him he had an hour to leave before the
    jets struck" tells of what is about to happen, it does not report a past event."""
    if any(c.dep_ == "mark" and c.lower_ in ("before", "until") for c in act.children):
        return True
    return act.dep_ == "pobj" and act.head.lower_ in ("before", "of", "to") and (
        act.head.lower_ == "before" or act.head.head.lower_ in ("ahead", "prior"))


def _future(clause: Token) -> bool:
    """What is about to happen: "the airstrikes would begin", "an attack was imminent"."""
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"would", "will", "'ll", "going", "shall"}:
        return True
    if clause.lower_ in ("going", "about") and any(c.dep_ == "xcomp" for c in clause.children):
        return True  # "that it was going to conduct airstrikes"
    if _lemma(clause) in _INTENDING and any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "on" and any(
            g.dep_ == "pcomp" for g in c.children)) for c in clause.children):
        return True  # "that Ukraine intended to strike the ship", "planned to attack", "intended on destroying"
    if any(c.dep_ == "conj" and _future(c) for c in clause.children):
        return True  # "that the response had begun or would begin shortly"
    # ("about" to happen, not the preposition: "had not been warned about the strikes")
    return any(t.lower_ in ("imminent", "coming", "upcoming", "planned") or (t.lower_ == "about" and t.dep_ != "prep")
               for t in clause.subtree)


_INTENDING = frozenset({"intend", "plan", "prepare", "aim", "mean", "seek"})


def _in_quotes(clause: Token) -> bool:
    doc = clause.doc
    left = doc[max(clause.left_edge.i - 1, 0)]
    return left.text in ('"', "\u201c", "\u201d") or clause.left_edge.text in ('"', "\u201c")


def _frames(tok: Token, notice_tokens: set[int]) -> bool:
    """A weak word standing right next to a notice in the tree ("agreement to notify",
    "informed them through military channels"); not one coordinated with it ("no advance
    knowledge of or participation in the strike" makes two claims)."""
    if tok.dep_ == "conj" and tok.head.i in notice_tokens:
        return False
    if tok.head.i in notice_tokens:
        return True
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.i in notice_tokens:
        return True
    if tok.dep_ in ("dative", "dobj", "iobj") and any(
        c.i in notice_tokens or (c.dep_ in ("dobj", "obj") and c.i != tok.i and any(g.i in notice_tokens for g in c.subtree))
        for c in tok.head.children
    ):
        return True  # "provide their counterparts 72 hours of notice"
    if tok.dep_ == "pobj" and tok.head.lower_ in ("through", "via") and any(
        a.i in notice_tokens for a in tok.head.ancestors
    ):
        return True  # "informed them about the strike through the channels", the channel misattached below the notice
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("through", "via", "over", "using", "by", "under"):
        verb = tok.head.head
        if verb.pos_ in ("VERB", "AUX") and any(
            c.i in notice_tokens or (c.dep_ in ("dobj", "obj", "nsubjpass") and any(g.i in notice_tokens for g in c.subtree))
            for c in verb.children if c.i != tok.head.i
        ):
            return True  # "information was sent through OSCE channels", "under the accord, ... will provide 72 hours of notice"
    for child in tok.children:
        if child.i in notice_tokens:
            return True
        if child.dep_ in ("prep", "acl", "xcomp", "relcl") and any(g.i in notice_tokens for g in child.subtree):
            return True
    return False


def _strong(sent: Span, tokens: list[Token], lemmas: list[str], words: list[str], index: list[int], rules: TopicRules) -> Iterator[Trigger]:
    doc = sent.doc
    for topic, lex in rules.topics.items():
        covered: set[int] = set()
        for i, word in enumerate(words):
            for phrase in lex.by_first_word.get(word, ()):
                n = len(phrase)
                if i + n <= len(words) and all(words[i + k] in phrase[k] for k in range(1, n)):
                    start, end = index[i], index[i + n - 1] + 1
                    if covered.intersection(range(start, end)) or _in_name(doc[start:end]):
                        continue
                    covered.update(range(start, end))
                    span = doc[start:end]
                    yield Trigger(topic, start, end, _phrase_head(span), span.text,
                                  _group(lex, [*words[i : i + n], span.text.lower()]))
        for tok, lemma in zip(tokens, lemmas, strict=True):
            if tok.i in covered:
                continue
            pos = lex.lemmas.get(lemma, lex.lemmas.get(tok.lower_))
            if pos is None or (pos and tok.pos_ != pos) or _in_name(doc[tok.i : tok.i + 1]):
                continue
            covered.add(tok.i)
            yield Trigger(topic, tok.i, tok.i + 1, tok.i, tok.text, _group(lex, [lemma, tok.lower_]))


def _phrase_head(span: Span) -> int:
    """The head of a trigger phrase. When the parser hangs several of its words outside it
    ("gave [advance] [notice]", "advance" a particle), the last noun: an English noun
    phrase ends in its head."""
    outside = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    nouns = [t for t in outside if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1].i if len(outside) > 1 and nouns else span.root.i


_NAME_ENTITIES = {"ORG", "FAC", "GPE", "NORP", "PERSON", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT"}


def _in_name(span: Span) -> bool:
    """Capitalised words inside a name ("Joint Operations Command", "Organization for
    Security and Cooperation in Europe") are not triggers; acronyms ("MOU") may be; nor is what
    a post is in charge of ("director general of military operations", "head of international
    cooperation")."""
    if all(t.text[:1].isupper() and not t.text.isupper() and t.ent_type_ in _NAME_ENTITIES for t in span):
        return True
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in ("of", "for") and root.head.head.lemma_.lower() in _POSTS


# posts whose "of"/"for" names what they are in charge of
_POSTS = {"director", "general", "directorate", "chief", "head", "deputy", "department", "commander", "secretary", "minister",
          "ministry", "office", "division", "bureau", "adviser", "advisor", "coordinator", "undersecretary"}


def _group(lex, forms: list[str]) -> str:
    for name, members in lex.groups.items():
        if any(f in members for f in forms):
            return name
    return ""
