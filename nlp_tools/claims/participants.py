"""Agent and counterpart of a claim, from the dependency structure and the document.

The agent acts (notifies, strikes, cooperates); the counterpart is notified,
struck, or cooperated with. The parse offers words for each role, best first;
`parties.PartyNamer` says which of them name a party (a state, a body, a
force, a place struck) and how. When the sentence names none, another trigger
of the same topic in it may; then the claim before it in the document (the
same act told on: "The strike destroyed a bridge"), within a few sentences.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from spacy.tokens import Span, Token

from ..structure import is_name_suffix
from .actors import NOT_OWN_SIDE
from .context import DocumentContext, Party, SpeakerInfo
from .lexicon import PartyRules
from .parties import (
    DELEGATES,
    FIRST_PERSON,
    MESSAGE_VERBS,
    THIRD_PERSON,
    PartyNamer,
    a_time,
    collective,
    controlled_object,
    in_turn_label,
    operation_name,
    together,
)
from .topics import (
    EXCHANGING,
    GIVEN_HELP,
    Trigger,
    bare_involvement,
    company_preposition,
    is_mutual_act,
    kept_informed,
    mutual_act,
    opposed_name,
)

_AGENT_PREPS = {"by", "from"}
# places an act or help comes "from" that are no party ("from the headquarters in Bahrain", "from its territory")
_ORIGIN_PLACES = frozenset({"headquarters", "base", "airbase", "territory", "area", "region", "sea", "airspace", "soil",
                            "water", "waters", "coast", "ship", "carrier", "vessel", "position", "location", "zone"})
# What is fired or launched, never the one struck ("fired two missiles into the sea")
_WEAPONS = {"missile", "rocket", "projectile", "shell", "drone", "bomb", "munition", "torpedo", "icbm", "slbm", "round",
            "salvo", "barrage", "weapon", "warhead"}
# What strikes without being a party (an agent only through its owner): weapons, and what they are fired from
_ARMS = _WEAPONS | {"explosion", "blast", "system", "gun", "rifle", "mortar", "grenade", "launcher", "howitzer", "ak-47", "ak-47s"}
_OWNED_ARMS = _ARMS | {"arm", "arms", "equipment", "ammunition", "hardware"}
# verbs that send a weapon off: what they launch is no target ("300 drones were launched")
_LAUNCHING = frozenset({"launch", "fire", "lob", "release"})
_COUNTER_PREPS = {
    "notification": {"to"},  # ("notice of the launch" names the action, not the one told)
    "strike": {"against", "on", "at", "into", "toward", "towards", "upon", "inside"},
    "cooperation": {"with", "between", "among", "alongside"},
}
# Strike nouns whose "of" names the target, not the one who acts
# acts of moving into another's space, whose "of" is the one that moves ("the incursion of Russian
# drones into Polish airspace"), not what is struck
_MOVES_OF = {"incursion", "intrusion"}
_ACTS_OF = {"shelling", "bombing", "bombardment", "shooting", "downing", "destruction", "targeting", "invasion",
            "occupation", "siege", "storming", "sinking", "interception", "shootdown"}
# Where a strike fell: the counterpart when no target is named ("strikes in Syria")
_PLACE_PREPS = {"in", "near", "inside", "across", "over", "around", "outside", "along", "within", "throughout"}
# A trigger noun as the means of an act: "killed the commander in an airstrike"
_MEANS = {"in", "with", "during", "through", "by", "via", "using"}
# Verbs whose object (or "on" object) is the one who acted: "accused Moscow of the strikes"
_BLAME = {"accuse", "blame", "suspect"}
# Verbs whose subject receives rather than gives ("we received no notice from Russia").
_RECEIVE = {"receive", "get", "have", "obtain", "hear", "learn", "know"}
# Nouns of a notice held, not given: the subject of the verb that governs them is the one told.
_KNOWING = {"knowledge", "awareness"}
# Verbs whose subject is the one struck: "Moldova faced drone attacks", "troops came under fire"
# Verbs of death or wounds an act is told through: who dies or is killed in a strike is struck by it
_CASUALTY = {"kill", "die", "wound", "injure", "assassinate", "eliminate", "perish", "slay"}
_DYING = {"die", "perish"}  # (whose subject is the one who died, never one who acted)
# verbs of stopping an act: stopping one's own when asked to ("urged X to stop the strikes")
_CEASING = {"stop", "halt", "end"}  # (of the lexicon's comment verbs)
_UNDERGO = {"face", "suffer", "endure", "sustain", "experience", "withstand", "weather", "undergo"}
_SUPPORT = {"give", "provide", "conduct", "carry", "launch", "issue", "send", "hold", "have", "make", "offer",
            "mount", "stage", "undertake", "continue", "begin", "start", "resume", "establish", "maintain", "seek"}
SUPPLYING_VERBS = {"supply", "provide", "arm", "equip", "furnish", "send", "give", "deliver", "transfer", "sell"}
# Nouns that hold a trigger without being another act: "a wave of airstrikes"
_CONTAINERS = {"wave", "series", "round", "spate", "string", "barrage", "number", "couple", "set", "volley", "salvo",
               "flurry", "burst", "succession", "dozen", "dozens", "hundreds", "thousands", "campaign", "program",
               "programme", "kind", "type", "sort", "form", "part", "start", "beginning", "end", "resumption",
               "continuation", "use"}
# Prepositions that link a notice to the act it announces ("warned of the strike")
_ABOUT = {"of", "about", "on", "before", "ahead", "regarding", "concerning", "prior", "for"}
# How far back (characters) a claim's parties still stand for a later claim that names none
CARRY_CHARS = 1500


def find_participants(
    sent: Span, trigger: Trigger, speaker: SpeakerInfo, ctx: DocumentContext, namer: PartyNamer,
    others: tuple[Trigger, ...] = (), remember: bool = True, refusal: tuple[Token, Token] | None = None,
) -> tuple[Party, Party]:
    """The claim's agent and counterpart; `others` are the sentence's other triggers; `refusal`
    the proposal the cooperation sits in and the verb that turns it down (`stance.turned_down`).
    With `remember`, later claims of the document may take them up."""
    agents, counters, places = _candidates(sent, trigger, namer)
    credited = _credited(sent.doc[trigger.head]) if trigger.topic == "cooperation" else None
    if credited is not None:  # "thanked the Jordanian air force for its support in the strikes": the one thanked
        agents.insert(0, credited)
        if credited.head.lemma_.lower() in _THANKING:  # ... for help given to the one who thanks
            counters.append(_subject(credited.head))
    counters += places  # (where the strike fell before what another trigger of the sentence names)
    for other in others:  # "Israel launched a barrage of strikes across Iran": the same act, told twice
        if other is not trigger and other.topic == trigger.topic and not _describes_other_act(sent, other, trigger):
            more_agents, more_counters, more_places = _candidates(sent, other, namer)
            agents += more_agents
            counters += more_counters + more_places
    if trigger.topic == "notification":  # "Israel notified Russia in real time about the strike"
        for other in others:
            if other.topic == "strike":
                agents += _candidates(sent, other, namer)[0]
    # (an act of the topic is no party to it: "the joint patrol is part of the cooperation plan"; a party
    # word that is a trigger too still is: "the Alliance's commitment", "Ukraine's allies were involved")
    acts = {t.head for t in (trigger, *others) if t.topic == trigger.topic}
    agents = [a for a in agents if a is None or a.i not in acts or (
        namer.is_party_noun(a) and not any(c.lower_ in _SHARED for c in a.children)) or a.pos_ == "PROPN"]
    agent, agent_tok = _first(agents, speaker, ctx, namer, people=trigger.topic == "cooperation")
    # (a party neither strikes nor cooperates with itself: "Turkey" and "Turkish Armed Forces")
    apart = agent if trigger.topic in ("strike", "cooperation") else Party()
    agent_i = agent_tok.i if agent_tok is not None else -1
    counters = [c for c in counters if c is None or (c.i != agent_i and not (
        trigger.topic != "strike" and c.pos_ == "NOUN" and c.lemma_.lower() in namer.rules.target_nouns))]
    # (a place is struck, never told or a partner: "the notice specified areas where debris may fall")
    counter, counter_tok = _first(counters, speaker, ctx, namer, apart=apart)
    struck = next((c for c in counters if c is not None and _struck_object(c, sent.doc[trigger.head])), None) if (
        trigger.topic == "strike") else None
    if struck is not None and not namer.of_token(struck, speaker, ctx):
        # "near Tal Afar, a strike destroyed a front-end loader": what it hit, whatever the noun, before where
        target = namer.of_target(struck, speaker, ctx)
        if target:
            counter, counter_tok = target, struck
    holder = _target_holder(counter_tok, namer) if trigger.topic == "strike" and counter_tok is not None else None
    held_by = namer.of_token(holder, speaker, ctx) if holder is not None else Party()
    if held_by and not namer.same_side(held_by, agent):
        # "shelled positions held by the YPG", "struck targets used by the Quds Force": whose they are
        counter, counter_tok = held_by, holder
    if trigger.topic == "cooperation":
        pair = namer.of_each(agent_tok, speaker, ctx) if agent_tok is not None else []
        if agent_tok is not None and not any(p.country or p.org for p in pair) and agent_tok.lemma_.lower() in namer.rules.platforms:
            pair = []  # ("jets and drones conducted strikes coordinated with ...": one side's means, not two sides)
        body = _delegated_by(agent_tok) if len(pair) < 2 else None
        if body is not None:  # "officials from the Department of Defense and the Russian Ministry of Defence"
            pair = namer.of_each(body, speaker, ctx) or pair
        head = sent.doc[trigger.head]
        if len(pair) < 2:  # "the US-Russia deconfliction line", "a joint US-Turkey patrol"
            holder = head
            pair = namer.states_of(holder)
            if len(pair) < 2 and head.dep_ in ("amod", "compound") and head.head.pos_ in ("NOUN", "PROPN"):
                holder = head.head  # "a joint U.S. and Nigerien patrol", "the US-Russian coordination centre"
                pair = namer.states_of(holder)
            # (the agent named among its modifiers, or the joint thing itself, which is no party)
            named_there = agent_tok is not None and holder.left_edge.i <= agent_tok.i <= holder.i
            pair = pair if len(pair) == 2 and (not agent or named_there) else []
        outside = bool(counter) and counter not in pair and not _conjoined(agent_tok, counter_tok) and not any(
            p.country and p.country in counter.countries for p in pair)
        if len(pair) >= 2 and ((outside and agent) or _joins(head)):
            # "France, Belgium and the Netherlands helped train the Malian units": all of them act; so do
            # those who join, support or take part in what a third party does ("Greece and Portugal joined")
            agent = namer.of_token(agent_tok, speaker, ctx) or agent
            counter = counter if outside else Party()
        elif len(pair) >= 2 and not counter and any(c is not None and collective(c) for c in counters):
            # "the United States and Saudi Arabia were in contact with both sides": together, with the pair named before
            agent = namer.of_token(agent_tok, speaker, ctx) or agent
        elif len(pair) >= 2:  # "India and Pakistan agreed": one side and the other(s)
            agent, counter = pair[0], (counter if outside else together(pair[1:]))
        elif counter_tok is not None:  # "no coordination between the U.S. and Russian militaries"
            both = namer.of_each(counter_tok, speaker, ctx)
            # ("confirmed four calls between X and Y": X and Y, not the one who confirmed)
            between = counter_tok.head.lower_ == "between"
            if len(both) < 2 and between:  # (the parser hid the "and" inside one noun phrase: its names, each)
                names = [e for e in sent.ents if counter_tok.left_edge.i <= e.start and e.end <= counter_tok.i + 1
                         and e.label_ in ("PERSON", "GPE", "ORG")]
                both = [p for p in dict.fromkeys(namer.of_name(e.text) for e in names) if p] if len(names) == 2 else both
            if len(both) == 2 and agent in both:
                counter = next((p for p in both if p != agent), both[1])
            elif len(both) == 2 and ((not agent and agent_tok is None and counter_tok.head.lower_ not in ("with", "alongside"))
                                     or between):
                # (not "we will keep working with allies and partners", "in coordination with the UN and the
                # parties": both are partners of one the text names, or leaves unnamed)
                agent, counter = both
    if refusal is not None and trigger.topic == "cooperation":
        # "Moscow kept offering joint targeting, and Washington kept saying no": who refuses does not
        # cooperate, with the one who proposed
        refuser, proposer = _refusing_parties(*refusal)
        refused_by = namer.of_token(refuser, speaker, ctx) if refuser is not None else Party()
        if refused_by:
            proposed_by = namer.of_token(proposer, speaker, ctx) if proposer is not None else Party()
            if not proposed_by or namer.same_side(proposed_by, refused_by):
                proposed_by = agent if agent and not namer.same_side(agent, refused_by) else Party()
            agent, counter, agent_tok = refused_by, proposed_by, refuser
    head = sent.doc[trigger.head]
    exchanged = mutual_act(head) if trigger.topic == "strike" and not counter else None
    if exchanged is not None:
        # "exchanged fire with the Houthis": the other side of the exchange
        other = _prep_object([*exchanged.children, *head.children], {"with"})
        counter = namer.of_token(other, speaker, ctx) if other is not None else counter
    if exchanged is not None and agent and not counter and len(agent.countries) >= 2 and is_mutual_act(head):
        counter = agent  # "Indian and Pakistani troops exchanged fire", "the two armies clashed": each struck the other
    if agent and _reciprocal(head):
        agent_all = namer.of_token(agent_tok, speaker, ctx)
        agent, counter = agent_all, agent_all  # "India and Pakistan agreed to notify each other": both, both ways
    partner = _striking_with(agent_tok, others, sent) if trigger.topic == "strike" and agent else None
    partner_party = namer.of_token(partner, speaker, ctx) if partner is not None else Party()
    if partner_party and not namer.same_side(partner_party, agent) and partner_party != counter:
        # "Kenyan forces, in coordination with the Somali army, struck two camps": both struck
        agent = together([agent, partner_party])
    start = ctx.base_offset + sent.start_char
    if agent and not agent.country and not agent.org and _platform(agent_tok, namer):
        # "Fighter and rotary aircraft conducted eight strikes": aircraft no one owns in the sentence
        # are those of whoever struck in the claims just before; so are they in a notice or a
        # cooperation ("received a notice shortly before the aircraft struck")
        agent = _carry(trigger.topic, start, Party(), counter, ctx, namer, None if trigger.topic == "strike" else ("strike",))[0] or agent
    elif trigger.topic == "strike" and agent and not agent.country and not agent.org and agent_tok is not None and (
            agent_tok.lemma_.lower() in namer.rules.platforms):
        # "Aircraft including long-range bombers flown from the United States": the state it names
        agent = next((namer.of_name(country) for e in sent.ents if e.label_ in ("GPE", "NORP")
                      and agent_tok.i < e.start and e.end <= agent_tok.right_edge.i + 1
                      and (country := namer.actors.country_of(e.text))), agent)
    if counter_tok is not None and _bare_definite(counter_tok):
        # "the ship", "the town": the one named before, when a claim before named one
        counter = _recent(ctx.recent_parties("counterpart", trigger.topic, start), start, agent, False, namer) or counter
    unknown_we = agent_tok is not None and not agent and agent_tok.lower_ in FIRST_PERSON
    if trigger.topic == "notification" and not counter:
        # "Russia gave no notice of the drills under the Vienna Document": owed to all its participants; so
        # is a notice about exercises in a document that named the regime before ("Russia also failed to
        # declare its part in the exercises")
        scope = sent.text
        if any(t.lower_ in namer.rules.regime_activities for t in sent):
            scope = (ctx.full_text if ctx.full_text is not None else sent.doc.text)[: start + len(sent.text)]
        counter = next((namer.of_name(owed) for name, owed in namer.rules.regimes if name in scope.lower()), counter)
    side = namer.side(speaker) if speaker.official else Party()
    side = side if side.country or side.org else Party()  # ("the ministry" of no known state names no side)
    home = side or (Party(speaker.country, speaker.country, "") if speaker.country else Party())
    if home and agent and not agent.country and not agent.org and _bare_office(agent.name, namer):
        # "The President directed those strikes", "the Prime Minister spoke with ...": an office no state is
        # named for, in an official's words (or a member's of its parliament), is their own state's
        agent = home
    if trigger.topic != "strike" and not counter and agent and side and not namer.same_side(side, agent) and (
            not side.country or side.country not in agent.countries):
        # "Russia gave no notice of the drills, a NATO official said": an official on notice or
        # cooperation between their side and another speaks of dealings with their own side
        counter = side
    if trigger.topic == "cooperation" and not agent and side and not unknown_we and not namer.same_side(side, counter):
        agent = side  # an official on cooperation speaks of their own side's, with the party named before
    if trigger.topic == "notification" and not agent and side and counter and not namer.same_side(side, counter) and any(
            c.dep_ in ("nsubjpass", "auxpass") for c in sent.doc[trigger.head].children):
        agent = side  # "Russia had been informed in advance, a Turkish spokeswoman said": her side told it
    joint = namer.joint_side(speaker) if trigger.topic == "cooperation" else Party()
    if joint and agent in (joint, Party()):
        # a joint statement's own cooperation ("The Ministers agreed to deepen defence cooperation",
        # "we will share intelligence", "- Expand trilateral exercises"): its issuers, with one another
        agent, counter, unknown_we = joint, counter or joint, False
    if trigger.topic == "cooperation" and agent and not counter:
        # "the channels between our two countries": the other state named just before
        counter = _other_state_before(sent, trigger, agent, namer, ctx)
    if trigger.topic == "strike" and counter_tok is not None and places:
        # "attacked foreign ships in the Red Sea": a target told by its kind is told by its place too
        counter = namer.placed(counter, counter_tok, places[0])
    # (a strike timed against a call is not the caller's: "my call with the minister took place while
    # the operation was under way")
    sources = ("strike",) if trigger.topic == "strike" and any(
        o.topic == "notification" and sent.doc[o.head].lemma_.lower() in _CONTACTS for o in others) else None
    if trigger.topic == "cooperation" and not agent and any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in _STRIKE_ACTS for c in sent.doc[trigger.head].children):
        sources = ("strike", "cooperation")  # "the strikes had not been coordinated with Washington": whose strikes
    if trigger.topic == "strike" and not counter and head.lemma_.lower() in _ANSWERING:
        # "reserves the right to respond": a response is aimed at whoever struck just before, not at what they hit
        counter = _recent(ctx.recent_parties("agent", "strike", start), start, agent, False, namer)
    aimed = _weapon_aimed_at(head) if trigger.topic == "strike" and not counter else None
    if aimed is not None:
        # "fired interceptors against the incoming missiles", "shot down two drones": whoever fired them,
        # named with them or the one that struck just before; never the target of that strike
        owner = _weapon_owner(aimed)
        counter = (namer.of_token(owner, speaker, ctx) if owner is not None else Party()) or _recent(
            ctx.recent_parties("agent", "strike", start), start, agent, False, namer)
    if unknown_we:  # "we" of a speaker whose side is not known: not the party of the claim before
        counter = _carry(trigger.topic, start, agent, counter, ctx, namer, sources)[1]
    else:
        carried = _carry(trigger.topic, start, agent, counter, ctx, namer, sources)
        agent, counter = carried[0], (counter if aimed is not None else carried[1])
    if trigger.topic == "cooperation" and agent and agent.name == counter.name and len(agent.country.split("; ")) == 2:
        # ("the two Governments agreed to establish a mechanism", "talking to each other"): cooperating is
        # between one side and the other (three or more together stay together, each with the others)
        first, other = agent.country.split("; ")
        agent, counter = namer.of_name(first) or agent, namer.of_name(other) or counter
    if remember:
        ctx.parties.note(trigger.topic, start, agent, counter)
    return agent, counter


def untold_side(agent: Party, speaker: SpeakerInfo, namer: PartyNamer) -> Party:
    """Who a denied notice that names no one told was owed to: the official speaker's own side ("there had
    been no advance warning of the barrage", said by the side it fell on), unless that side is the one who
    would have given it; no party otherwise. (A notice acknowledged with no one named is as often the
    speaker's own side's to give: "all the necessary notifications were provided".)"""
    if not speaker.official:
        return Party()
    own = namer.side(speaker)
    if not (own.country or own.org) or (agent and namer.same_side(own, agent)):
        return Party()
    return own


def _refusing_parties(proposal: Token, answer: Token) -> tuple[Token | None, Token | None]:
    """Who turns a proposal down and who made it: the subjects of the answer and of the proposing
    verb, or the owner of a proposal noun ("turned down its proposal", "rejected the Russian offer")."""
    refuser = _subject(answer) or _inherited_subject(answer)
    if proposal.pos_ in ("VERB", "AUX"):
        return refuser, _subject(proposal) or _inherited_subject(proposal)
    owner = next((c for c in proposal.children if c.dep_ == "poss" or (
        c.dep_ in ("amod", "compound") and c.ent_type_ in ("GPE", "NORP", "ORG"))), None)
    return refuser, owner or _prep_object(proposal.children, {"from", "by"})


def _target_holder(tok: Token, namer: PartyNamer) -> Token | None:
    """The party a struck site or position belongs to, when the phrase says so: "positions held
    by the YPG", "targets used by the Quds Force", "bases belonging to the group", "positions of
    Kurdish militant groups" (not a place: "targets of Aleppo province" says where)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in namer.rules.target_nouns:
        return None
    for c in tok.children:
        if c.dep_ == "acl" and c.lemma_.lower() in _HOLDING:
            by = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            owner = by or _prep_object(c.children, {"to"})  # ("belonging to the militia")
            if owner is not None:
                return owner
        if c.dep_ == "prep" and c.lower_ == "of" and tok.lemma_.lower() in _HELD_SITES:  # (not "the port of Yanbu")
            owner = _prep_object([c], {"of"})
            # (a party by name or kind, not a place the parser left unnamed: "the town of al-Fuqaha")
            if owner is not None and owner.ent_type_ not in ("GPE", "LOC", "FAC") and (
                    owner.ent_type_ in ("ORG", "NORP") or owner.lemma_.lower() in namer.rules.party_nouns):
                return owner
    return None


# What a force holds rather than a place with a name of its own: "positions of the rebel groups"
_HELD_SITES = {"position", "target", "site", "facility", "installation", "base", "camp", "depot", "stronghold", "hideout",
               "compound", "infrastructure", "headquarters", "post", "outpost", "bunker"}
# Verbs that say whose a site is: "positions held by", "bases used by", "depots belonging to"
_HOLDING = {"hold", "use", "run", "operate", "control", "occupy", "man", "belong", "own", "build"}


def _platform(tok: Token | None, namer: PartyNamer) -> bool:
    """An aircraft, ship or launcher no name qualifies ("the aircraft", "Fighter and rotary aircraft"; not
    "a U.S. Bradley Fighting Vehicle"), by its head or a conjunct's."""
    if tok is None or not any(t.lemma_.lower() in namer.rules.platforms for t in (tok, *tok.conjuncts)):
        return False
    # (nor "the country's aircraft", "its jets": an owner the parse names)
    return not any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or t.dep_ == "poss"
                   for c in (tok, *tok.conjuncts) for t in c.subtree)


def _struck_object(tok: Token, trigger: Token) -> bool:
    """The object of the trigger's own verb ("bombed a grain silo"), of the verb a strike noun
    is the subject of ("a strike destroyed a loader"), or of its "against"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "against" and tok.head.head.i == trigger.i:
        return True  # "airstrikes against smugglers in the north"
    described = next((a for a in list(tok.ancestors)[:3] if a.dep_ in ("pcomp", "ccomp") and _what_described(a)
                      and _described_as(a) is not None and _described_as(a).i == tok.i), None)
    if described is not None and (described.head.i == trigger.i or described.head.head.i == trigger.i):
        return True  # "strikes against what officials say were weapons depots", "bombed what it called depots"
    if tok.dep_ not in ("dobj", "obj") or tok.head.pos_ != "VERB" or tok.head.lemma_.lower() not in _HITTING:
        return False
    verb = tok.head
    return verb.i == trigger.i or (trigger.dep_ == "nsubj" and trigger.head.i == verb.i)


# Verbs whose object is what a strike hit ("bombed a grain silo", "the raid destroyed a loader")
_HITTING = {"hit", "strike", "target", "bomb", "shell", "destroy", "damage", "demolish", "flatten", "level", "raze", "sink",
            "disable", "attack", "pound", "blast", "torch", "obliterate", "wreck"}


def _effect_target(tok: Token) -> Token | None:
    """Who a strike is meant to hurt, told by what it does rather than by what it hits: the
    object of a verb of harm the strike is the subject of ("the raid will disrupt Hezbollah's
    operations", "this act will help degrade ISIL") or that tells its purpose ("flew missions
    over Syria to degrade and destroy ISIS"); of an ability or operations, their owner."""
    verb = None
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        verb = tok.head
        while verb.lemma_.lower() in _AIDING_VERBS:  # "will help (to) disrupt", "is meant to degrade"
            verb = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
            if verb is None:
                return None
    elif tok.pos_ in ("VERB", "AUX"):
        holder = tok.head if tok.dep_ in ("xcomp",) and tok.head.pos_ == "VERB" else tok  # "continue to fly ... to degrade"
        verb = next((c for h in (tok, holder) for c in h.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _HARMING
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if verb is None or verb.lemma_.lower() not in _HARMING:
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:  # "to degrade and destroy ISIS": the object the coordinated verbs share
        obj = next((o for c in verb.children if c.dep_ == "conj" for o in c.children if o.dep_ in ("dobj", "obj")), None)
    if obj is not None and obj.lemma_.lower() in _CAPACITIES:
        owner = next((c for c in obj.children if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.pos_ == "PROPN")), None)
        return owner or _prep_object(obj.children, {"of"})
    return obj


# verbs of harm told of an act's effect, and what one harms in a party (its ability, its operations)
_HARMING = {"degrade", "disrupt", "destroy", "defeat", "weaken", "eliminate", "neutralize", "neutralise", "cripple",
            "dismantle", "deter", "punish", "hinder", "impede", "erode", "diminish", "reduce"}
_AIDING_VERBS = {"help", "serve", "aim", "seek", "continue", "mean", "intend", "design"}
_CAPACITIES = {"ability", "capability", "capacity", "operation", "network", "leadership", "infrastructure", "effort",
               "plan", "activity", "threat"}


def _detached_target(noun: Token) -> Token | None:
    """"gave no notice ahead of strikes on Friday against three sites": the target of a strike
    noun that the parser hung on the verb above it, right after the noun (a date or time between)."""
    verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "against" and prep.i > noun.i and all(
                t.ent_type_ in ("DATE", "TIME") or t.pos_ in ("ADP", "DET") for t in noun.doc[noun.i + 1 : prep.i]):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _describes_other_act(sent: Span, other: Trigger, trigger: Trigger) -> bool:
    """`other` sits in a relative clause on one of `trigger`'s own dependents: another act ("The
    strikes hit sites that the Houthis have used to attack shipping": the attacks are the
    Houthis', the strikes someone else's)."""
    doc = sent.doc
    head = doc[trigger.head]
    chain = [a for a in [doc[other.head], *doc[other.head].ancestors] if sent.start <= a.i < sent.end]
    # (or on a dependent of the verb the trigger is the subject or object of: "the notification was made to the
    # agency, which issues navigational warnings")
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and head.head.pos_ in ("VERB", "AUX") else head
    if any(a.dep_ == "relcl" and a.head.i != head.i and (head.is_ancestor(a.head) or (
            verb.i != head.i and a.head.dep_ in ("pobj", "dative") and verb.is_ancestor(a.head))) for a in chain):
        return True
    # an act in a clause that conditions or times the trigger's, done by another ("Iran would strike
    # again if the United States attacked Iranian interests": the attack is the United States')
    clause = next((a for a in chain if a.dep_ == "advcl"), None)
    if clause is None or clause.i == head.i or clause.is_ancestor(head) or not any(c.dep_ == "mark" for c in clause.children):
        return False
    verb = head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    own, theirs = _subject(verb), _subject(clause)
    while own is None and verb.dep_ in ("xcomp", "acomp") and verb.head.i != verb.i:
        verb = verb.head  # ("Russia would be ready to return to the memorandum": the one ready returns)
        own = _subject(verb)
    if own is None or theirs is None or theirs.pos_ == "PRON" or theirs.dep_ == "nsubjpass":
        return False  # ("if it were attacked": who attacks is not told)
    return own.lower_ != theirs.lower_


def _other_state_before(sent: Span, trigger: Trigger, agent: Party, namer: PartyNamer, ctx: DocumentContext) -> Party:
    """The state named most often before the trigger (in the sentence or the ones just before,
    within CARRY_CHARS; of those named as often, the first) that is not the agent's side:
    cooperation needs a second party, and a text names it before it speaks of "both sides" or
    "working together", more often than a state it mentions in passing. Read from the text,
    not the parse, so that a run parsing only candidate passages finds the same."""
    text = ctx.full_text if ctx.full_text is not None else sent.doc.text
    offset = ctx.base_offset if ctx.full_text is not None else 0
    low = max(0, offset + sent.start_char - CARRY_CHARS)
    if ctx.structure is not None:
        low = max(low, ctx.structure.story_start(offset + sent.start_char))
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in reversed(list(_CAPITALISED.finditer(text, low, offset + sent.doc[trigger.start].idx))):
        words = [re.sub(r"['’]s$", "", w) for w in m.group(0).split()]  # ("Lithuania's president")
        name = next((n for n in (" ".join(words), words[0]) if namer.actors.is_country_form(n)), "")
        before = text[max(low, m.start() - 12) : m.start()].split()
        if not name or (before and before[-1].lower() in _PLACE_PREPS):
            continue  # ("air safety in Syria": where, not with whom)
        if _names_non_state(text[m.start() :], namer):
            continue  # ("told The Jerusalem Post", "Saudi Aramco": an outlet or a company, not the state)
        country = namer.actors.country_of(name)
        if country and country not in agent.countries and not namer.same_side(Party(country, country, ""), agent):
            # (not one of the agent's own: "Greece and Portugal joined")
            counts[country] = counts.get(country, 0) + 1
            first[country] = m.start()  # (read backwards: the earliest mention stays)
    if not counts:
        return Party()
    best = max(counts, key=lambda c: (counts[c], -first[c]))  # the most named, then the first named
    return Party(best, best, "")


_CAPITALISED = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.-]*)?")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*")


def _names_non_state(text: str, namer: PartyNamer) -> bool:
    """Whether the capitalised name `text` opens is a body that is never a state's side (an outlet,
    a company, an armed group) although it holds a state's name ("The Jerusalem Post", "Tehran Times")."""
    run = _CAPITALISED_RUN.match(text)
    name = re.split(r"[.,;:]\s", run.group(0))[0].strip(" .") if run else ""  # (not on past a full stop)
    actor = namer.actors.organisation(name) if name else None
    return actor is not None and actor.kind in NOT_OWN_SIDE


def _conjoined(first: Token | None, other: Token | None) -> bool:
    """Whether `other` is one of the parties coordinated with `first` ("France, Belgium and ...")."""
    if first is None or other is None:
        return False
    return other.i == first.i or (other.dep_ == "conj" and first.is_ancestor(other))


def _delegated_by(tok: Token | None) -> Token | None:
    """The bodies people come from ("officials from X and Y", "delegations of X and Y")."""
    if tok is None or tok.lemma_.lower() not in DELEGATES:
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "of") for g in c.children
                 if g.dep_ == "pobj" and any(x.dep_ == "conj" for x in (*g.children, *(
                     m for n in g.children if n.dep_ in ("amod", "compound") for m in n.children)))), None)


def _bare_definite(tok: Token) -> bool:
    """"the ship", "these targets": a common noun with nothing but a definite determiner."""
    children = [c for c in tok.children if c.dep_ != "punct"]
    return tok.pos_ == "NOUN" and len(children) == 1 and children[0].lower_ in ("the", "this", "that", "these", "those")


def _reciprocal(tok: Token) -> bool:
    """"to notify each other", "give one another notice": the parties act on each other."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    # (its own phrase, not a clause beside it: "informed its counterparts and that the two had agreed
    # to avoid each other's forces")
    apart = {t.i for c in verb.children if c.dep_ in ("conj", "ccomp", "advcl", "parataxis", "relcl") for t in c.subtree}
    words = [t.lower_ for t in verb.subtree if t.i not in apart]
    return any(words[i : i + 2] in (["each", "other"], ["one", "another"]) for i in range(len(words) - 1))


def _first(tokens: list[Token | None], speaker: SpeakerInfo, ctx: DocumentContext,
           namer: PartyNamer, people: bool = True, apart: Party = Party()) -> tuple[Party, Token | None]:
    """The first word that names a party not on the side of `apart`, and its party. Without
    `people`, a person stands for the state they lead or serve ("Trump ordered strikes": the
    United States)."""
    for tok in tokens:
        if tok is not None and (tok.lemma_.lower() in _GO_BETWEENS or (
                tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.lemma_.lower() in _GO_BETWEENS)):
            continue  # "told of the plan through Swiss intermediaries": who carried the message is no party
        if tok is not None and _passed_through(tok):
            continue  # "a message from Washington through Muscat", "via Swiss diplomats": the way it went, no party
        if tok is not None and in_turn_label(tok, ctx):
            continue  # "The Secretary of State for Defence (Grant Shapps): RAF Typhoons took part": who speaks
        party = namer.of_token(tok, speaker, ctx)
        if party and namer.same_side(party, apart):
            continue
        if not party and tok is not None and tok.lower_ in THIRD_PERSON | FIRST_PERSON and tok.dep_ in (
                "nsubj", "nsubjpass", "dobj", "pobj", "dative"):
            return Party(), tok  # "they were struck": the document's earlier claims tell who
        if party and not people and (namer.known_person(party.name) or (not party.org and tok.ent_type_ == "PERSON")):
            # (a body the recogniser took for a person, "the Houthis", stays the body)
            party = namer.person_state(tok, party)
        if party:
            return party, tok
    return Party(), None


def _passed_through(tok: Token) -> bool:
    """A word of whom a message went through ("through Muscat", "via Swiss diplomats"), itself or as
    its modifier; not the side of a channel used ("via the Russian deconfliction line": with Russia)."""
    node = tok.head if tok.dep_ in ("compound", "amod", "poss", "nmod") else tok
    if node is not tok and node.lemma_.lower() in _CHANNELS:
        return False
    return node.dep_ == "pobj" and node.head.lower_ in ("through", "via")


# those who pass a message between the parties without being one of them
_GO_BETWEENS = frozenset({"intermediary", "mediator", "messenger", "go-between", "interlocutor", "emissary", "channel",
                          "backchannel", "conduit"})
# contact words that can carry a notice without being one given by whoever holds them
_CONTACTS = {"call", "conversation", "talk", "meeting", "contact", "discussion"}
# where else to look for an agent the sentence does not name: who notifies is most often who strikes
_STRIKE_ACTS = {"strike", "airstrike", "attack", "raid", "operation", "offensive", "bombing", "shelling", "incursion",
                "assault", "campaign", "mission", "sortie"}
_AGENT_FROM = {"notification": ("notification", "strike"), "strike": ("strike", "notification"), "cooperation": ("cooperation",)}
# Prepositions that set an act inside an arrangement: "ceases interaction with X under the memorandum"
_FRAMEWORK_PREPS = frozenset({"under", "within", "per"})
_SAME_SENTENCE_AGENT_FROM = MappingProxyType({"cooperation": ("cooperation", "notification", "strike")})


def _verbless_subject(sent: Span, trigger: Trigger) -> Token | None:
    """The noun a sentence the parser found no verb in hangs on, when the trigger opens with a verb it read as a
    modifier ("the armed forces of Armenia fired missiles at Ganja": "forces" as the root, "fired" on "missiles")."""
    first = sent.doc[trigger.start]
    root = sent.root
    if first.pos_ == "VERB" and first.dep_ == "amod" and root.pos_ in ("NOUN", "PROPN") and root.i < first.i and not any(
            t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl") for t in sent):
        # (whose forces they are, named before the misread verb: the parser hung its object there too)
        owner = next((g for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN" and g.i < first.i), None)
        return owner if owner is not None else root
    return None


def _fired(noun: Token) -> bool:
    """A weapon, or a number of them ("hundreds of drones and missiles"): what is fired, not at whom."""
    if noun.lemma_.lower() in _WEAPONS:
        return True
    counted = _prep_object(noun.children, {"of"}) if noun.lower_ in _CONTAINERS else None
    return counted is not None and counted.lemma_.lower() in _WEAPONS


def _misread_noun(tok: Token) -> bool:
    """A noun the tagger took for a verb: an object or subject with a determiner ("had given the
    Americans no advance warning")."""
    return tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and any(c.dep_ == "det" for c in tok.children)


# What an act is said to be when it is said whose it is ("a purely British mission")
_ACTS_OF_WAR = frozenset(_STRIKE_ACTS | {"action", "response", "act", "decision"})


def _carry(topic: str, start: int, agent: Party, counter: Party, ctx: DocumentContext,
           namer: PartyNamer, sources: tuple[str, ...] | None = None) -> tuple[Party, Party]:
    """Parties the sentence leaves unnamed, from the claims just before: of the same
    sentence first ("Ukraine did not notify Washington of the attack": Ukraine's attack),
    then of the same topic, newest first, within CARRY_CHARS, never the other role's party. A
    cooperation with a partner but no one said to do it is that of who notified or struck in
    its sentence ("Baghdad had no warning from Tehran, and there was no coordination with Iraq")."""
    for same in (True, False):
        for source in sources or (_SAME_SENTENCE_AGENT_FROM if same and counter else _AGENT_FROM).get(topic, _AGENT_FROM[topic]):
            agent = agent or _recent(ctx.recent_parties("agent", source, start), start, counter, same, namer)
    counter = counter or _recent(ctx.recent_parties("counterpart", topic, start), start, agent, False, namer)
    if topic == "cooperation" and not counter:
        # the other party of a cooperation is most often one the document has already named (a party
        # to a notice, or one that struck: not what a strike hit)
        for other in ("notification", "strike"):
            counter = counter or _recent(ctx.recent_parties("agent", other, start) + (
                ctx.recent_parties("counterpart", other, start) if other == "notification" else []), start, agent, False, namer)
    return agent, counter


def _bare_office(name: str, namer: PartyNamer) -> bool:
    """A name that is an office and nothing else ("President", "the Prime Minister", "Defence Minister")."""
    words = [w.lower().strip(".,'’") for w in name.split() if w.lower() not in ("the", "a", "an", "'s", "’s")]
    return bool(words) and all(w in namer.titles for w in words) and any(w in namer.rules.office_heads for w in words)


def _recent(entries: list[tuple[int, Party]], start: int, other: Party, same: bool, namer: PartyNamer) -> Party:
    for at, party in entries:
        if (at == start if same else start - at <= CARRY_CHARS) and party != other and not namer.same_side(party, other):
            return party
    return Party()


def _candidates(sent: Span, trigger: Trigger, namer: PartyNamer) -> tuple[list, list, list]:
    """Words for the agent, for the counterpart, and for where a strike fell (a counterpart
    only when the trigger names no target), best first."""
    topic = trigger.topic
    tok = sent.doc[trigger.head]
    agents: list[Token | None] = []
    counters: list[Token | None] = []
    places: list[Token | None] = []  # where a strike hit: a counterpart only when nothing better is named
    if topic == "cooperation" and not trigger.start <= trigger.head < trigger.end:
        # a joint action named by its coordinated parties ("U.S. and British forces bombed ...")
        first = sent.doc[trigger.start]
        while first.dep_ == "compound" and first.head.i < trigger.end:
            first = first.head  # "United States"
        partner = next((c for c in first.children if c.dep_ == "conj" and c.i < trigger.end), None) or next(
            (t for t in sent.doc[trigger.start + 1 : trigger.end] if t.ent_iob_ == "B" and t.ent_type_ in ("GPE", "NORP")), None)
        if partner is not None:
            return [first], [partner], []
    if topic == "notification" and tok.lemma_.lower() == "plan" and tok.dep_ in ("dobj", "obj") and tok.head.pos_ in ("VERB", "AUX"):
        # a flight plan (not) filed: the aircraft or its operator, and the air traffic control it is owed to
        control = next((t for t in sent if t.lower_ == "control" and t.i > sent.start and t.nbor(-1).lower_ == "traffic"), None)
        return [_subject(tok.head) or _inherited_subject(tok.head)], [
            control.head if control is not None and control.dep_ == "compound" else control], []
    kept = kept_informed(tok) if topic == "notification" else None
    if kept is not None:  # "our partners will keep us informed": who keeps the other informed tells them
        return [_subject(tok.head) or _inherited_subject(tok.head)], [kept], []
    if topic == "notification" and tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.head.pos_ in ("VERB", "AUX"):
        # "the U.S. was not aware of the strike in advance": who was (not) aware is the one (not) told
        counters.append(_subject(tok.head) or _inherited_subject(tok.head))
    lent = _lent_help(tok, namer) if topic == "cooperation" else None
    if lent is not None:  # "retook the town with the help of the Somali army": who helps, and the one helped
        return [lent[0]], [lent[1]], []
    if topic == "cooperation" and tok.lemma_.lower() in _TAKE_PART | {"take"}:
        part = tok if tok.lemma_.lower() != "take" else next((c for c in tok.children if c.lower_ == "part"), tok)
        taken = _take_part_roles(part, namer)
        if taken is not None:  # (what is given is not a partner: "contributed jets to the campaign")
            return [taken[0]], [taken[1]], []
    if topic == "cooperation" and tok.lemma_.lower() == "do" and tok.dep_ == "relcl" and tok.head.head.pos_ in ("VERB", "AUX"):
        # "Washington had nothing to do with the strike": the one who had, and whose act it was
        return [_subject(tok.head.head)], [_party_of_act(_prep_object(tok.children, {"with"}), namer)], []
    company = _company(tok) if topic == "cooperation" else None
    if company is not None:  # "British jets struck the site together with American bombers"
        return [company[0]], [company[1]], []
    if topic == "cooperation" and tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.head.pos_ in ("VERB", "AUX"):
        # "Tehran was supportive of the attack": the subject, and whose act it is
        # ("we remain engaged with Kabul": the one it is with)
        return [_subject(tok.head)], [_party_of_act(_prep_object(tok.children, {"of", "to", "toward", "towards", "with"}), namer)], []
    if tok.pos_ == "ADP" and tok.dep_ == "prep" and tok.head.pos_ in ("VERB", "AUX"):
        # "were in contact with both sides": the parties of the verb the phrase hangs on, and the one it is with
        counters.append(_prep_object([g for t in sent.doc[trigger.start:trigger.end] for g in t.children], {"with"}))
        tok = tok.head
    if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "a joint naval exercise": the exercise's parties
    elif tok.pos_ == "ADV" and tok.dep_ == "advmod" and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head  # "the decision was taken jointly with our allies": the parties of what was done
    channel = _channel_used(tok, namer) if topic == "cooperation" else None
    if channel is not None:  # "the coalition talked through the Russian deconfliction line"
        return [channel[0]], [channel[1]], []
    rescue = _came_to_aid(tok) if topic == "cooperation" else None
    if rescue is not None:  # "refused to come to Armenia's aid": the one who comes helps the one whose aid it is
        return [rescue[0]], [rescue[1]], []
    answered = _answered_request(tok) if topic == "cooperation" else None
    if answered is not None:  # "Canberra declined Washington's request to send a frigate"
        return [answered[0]], [answered[1]], []
    undergone = _undergone(tok) if topic == "strike" else None
    if undergone is not None:  # "Moldova faced attacks", "guards came under attack from ...", "suffered shelling by"
        agents.append(undergone[0])
        counters.append(undergone[1])
    elif tok.pos_ in ("VERB", "AUX") and not _misread_noun(tok):
        agent, counter = _verb_roles(tok, topic)
        agents.append(agent)
        counters.append(counter)
        if tok.dep_ in ("acl", "xcomp") and tok.head.lemma_.lower() == "right" and tok.head.head.pos_ in ("VERB", "AUX", "NOUN"):
            agents.append(_subject(tok.head.head) or next(  # "Pakistan reserves the right to respond": who holds it
                (c for c in tok.head.head.children if c.dep_ in ("amod", "compound", "nsubj") and c.i < tok.head.head.i), None))
        if topic == "strike" and tok.lemma_.lower() in _ANSWERING:
            # "the right to respond to any Israeli aggression": the one whose act is answered
            counters.append(_party_of_act(_prep_object(tok.children, {"to", "against"}), namer))
        if topic == "strike":  # "flew missions over Syria to degrade ISIS": the one the act is meant to hit
            counters.append(_effect_target(tok))
            # ("carried out strikes in northern Mali": where, under any word of the trigger)
            places.append(_prep_object([c for t in sent.doc[trigger.start:trigger.end] for c in t.children], _PLACE_PREPS))
    else:
        agent, counter = _noun_roles(tok, topic)
        if topic == "strike" and agent is not None and agent.dep_ == "compound" and agent.head.i == tok.i and (
                agent.ent_type_ not in ("NORP", "ORG", "PERSON") and not namer.is_actor_word(agent)):
            # "the Kursk incursion", "the Idlib offensive": a name the dictionary does not know as a party, before
            # the act, is where it happened (or a weapon's: "Kalibr strikes"), not who did it ("the U.S. strikes",
            # "Houthi attacks" are)
            if agent.ent_type_ in ("GPE", "LOC", "FAC"):
                places.append(agent)
            agent = None
        # "the deconfliction work we are doing with the Russians": the parties of the noun it qualifies
        held = tok.head if tok.dep_ == "compound" and tok.head.lemma_.lower() in _ACTIVITIES else tok
        if agent is None and counter is None and held is not tok:
            agent, counter = _noun_roles(held, topic)
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.dep_ == "acl" and (
                tok.head.head.lemma_.lower() in ("involve", "engage", "participate")):
            agents.append(tok.head.head.head)  # "Russian jets involved in the Syrian air raids": the jets
        joined = _joined_in(held)
        if joined is not None:  # "RAF Typhoons joined US forces in a second wave of strikes": the Typhoons
            agents.append(_subject(joined))
        agents.append(agent)
        # "Houthi attacks", "Azeri shelling": a modifier the actor dictionary knows; "anti-ISIS operations":
        # the one they are against
        named = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and namer.is_actor_word(c)]
        agents += [c for c in named if not opposed_name(c)]
        counters += [c for c in named if opposed_name(c)]
        if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            # "the strike was a purely Israeli operation": whose the act it is said to be
            agents += [c for a in tok.head.children if a.dep_ == "attr" and a.lemma_.lower() in _ACTS_OF_WAR
                       for c in a.children if c.dep_ in ("amod", "compound", "nmod") and namer.is_actor_word(c)]
        counters.append(counter)
        if topic == "strike" and counter is None:
            counters.append(_detached_target(tok))
            counters.append(_effect_target(tok))  # "the strikes will disrupt Hezbollah's operations"
        if topic == "strike":
            # ("strikes conducted by Pakistani jets near the border": where, on the participle too)
            places.append(_prep_object([*tok.children, *(g for c in tok.children if c.dep_ == "acl" for g in c.children)],
                                       _PLACE_PREPS))
            counters.append(_protected(tok))
        container = held.head.head
        if held.dep_ == "pobj" and held.head.lower_ == "of" and container.pos_ == "NOUN" and not (
                container.dep_ in ("dobj", "obj", "dative") and container.head.lemma_.lower() in MESSAGE_VERBS):
            # "a wave of airstrikes on Hezbollah targets": the target may hang off the container (not the one told
            # of it: "informed the Iraqi government of the operation", "of" hung on the government)
            c_agent, c_counter = _noun_roles(container, topic)
            agents.append(c_agent)
            counters.append(c_counter)
        agents.append(_responsible(tok))
        agents.append(_owner_of_described(tok))  # "Turkish forces began what Damascus called an incursion"
        if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in _TAKE_PART and tok.head.head.pos_ == "NOUN":
            # "the Saudi role in the operations": who takes part acts
            agents.append(next((c for c in tok.head.head.children if c.dep_ == "poss" or (
                c.dep_ in ("amod", "compound") and namer.is_actor_word(c))), None))
        breaker = _breaker(tok) if topic == "cooperation" else None
        if breaker is not None:  # "Syrian jets flew over the bases in violation of the deconfliction arrangements"
            agents.insert(0, breaker)
        verb = _support_verb(tok)
        if verb is None and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX") and (
                tok.head.lower_ in _MEANS or tok.head.head.lemma_.lower() in _BLAME or _comes_under(tok)) and not (
                _refused_part(tok.head.head)):
            verb = tok.head.head  # "killed the commander in an airstrike", "accused Moscow of the strikes"
        if verb is not None:
            _support_roles(verb, tok, topic, namer.rules, agents, counters)
            if topic == "strike" and tok.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in _LANDING:
                # "two rockets landed near the U.S. embassy": where what was fired came down, when named
                # (not "landed in a designated area of the high seas")
                place = _prep_object(verb.children, _PLACE_PREPS)
                places.append(place if place is not None and any(
                    t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "FAC", "ORG") for t in place.subtree) else None)
    if topic == "strike":  # "..., the Pentagon said, blaming Iran-backed militias": the one blamed acted
        agents.append(_blamed_by_speaker(sent))
    agents.append(_verbless_subject(sent, trigger))
    if topic == "cooperation" and agents and agents[0] is not None:
        partner = next((c for c in agents[0].children if c.dep_ == "conj"), None)
        if partner is not None and not any(c is not None for c in counters):
            counters.append(partner)  # "Russia and Israel signed a memorandum"
    if topic == "cooperation" and tok.dep_ == "pobj" and tok.head.head.pos_ == "ADJ" and tok.head.head.dep_ == "acomp" and (
            tok.head.head.lemma_.lower() in _OPEN_TO):
        agents.append(_subject(tok.head.head.head))  # "Manila remained open to dialogue": the one open to it
    if topic == "cooperation" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() == "be":
        # "cooperation is ongoing between Russia and the United States": the parties of the predicate
        counters.append(_prep_object([g for c in tok.head.children if c.dep_ in ("acomp", "attr", "advmod")
                                      for g in c.children] + list(tok.head.children), {"between"}))
    if topic == "cooperation":  # "spoke by telephone to his Omani counterpart", "provided targeting data to Kyiv"
        counters += [_prep_object([*v.children, *tok.children], {"to"}) for v in (tok, tok.head)
                     if v.pos_ in ("VERB", "AUX") and v.lemma_.lower() in SUPPLYING_VERBS | _SPEAKING]
        if tok.lemma_.lower() in _GIVEN and tok.dep_ in ("dobj", "obj") and tok.head.pos_ in ("VERB", "AUX"):
            counters.append(_prep_object(tok.head.children, {"to", "for"}))  # "suspended military aid to Ukraine"
        if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.lemma_.lower() in _ASKING:
            # "had not asked Turkey for military help": the one asked would give it
            # (and who asks acts, as the annotation has it: "Assad asked Russia for military assistance")
            asker_verb = tok.head.head
            counters.insert(0, next((c for c in asker_verb.children if c.dep_ in ("dobj", "obj", "dative")), None)
                            or _prep_object(asker_verb.children, {"to"}))
            agents.insert(0, _subject(asker_verb) or _inherited_subject(asker_verb))
        if tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
            # "suspends interaction with the American side under the memorandum": the partner of what the
            # verb governing the trigger's phrase acts on
            governing = tok.head.head
            counters.append(_prep_object([*governing.children, *(g for o in governing.children if o.dep_ in ("dobj", "obj")
                                                                 for g in o.children)], {"with"}))
            if tok.head.lower_ in _FRAMEWORK_PREPS:  # ... and the one who suspends it (not "was killed in the exercise")
                agents.append(_subject(governing) or _inherited_subject(governing))
        # "does not back Italy's planned incursion": the one whose act is backed, not the act
        counters = [_act_owner(c, namer.rules) for c in counters]
    if topic == "strike":  # "strikes on Friday against three sites": the target may hang lower
        counters.append(_deep_prep_object(tok, _COUNTER_PREPS["strike"]))
    # (nor the noun the trigger qualifies: "were with a joint U.S. and Nigerien patrol")
    counters = [c for c in counters if c is not None and not (trigger.start <= c.i < trigger.end) and c.i != tok.i]
    if topic == "strike":  # "shelling from multiple rocket systems", "fired upon by rifles": whose they are, if said
        agents = [_weapon_owner(a) if a is not None and a.lemma_.lower() in _ARMS else a for a in agents]
        # ("an MQ-9 Reaper drone", "Kalibr missiles": a weapon's model name is no one who fires it)
        agents = [None if a is not None and a.dep_ == "compound" and a.head.lemma_.lower() in _ARMS and (
            a.ent_type_ not in ("GPE", "NORP") and not namer.is_actor_word(a)) else a for a in agents]
    counters.append(_counter_in_phrase(sent.doc[trigger.start:trigger.end], topic))
    if topic == "notification" and tok.lemma_.lower() in _NOTICES:
        # "held the drills without notification of OSCE participating states": whom it is owed to, when the
        # "of" names a party, not the act ("notification of the launch"; nor "the locations of our troops")
        owed = _prep_object(tok.children, {"of"})
        if owed is not None and (namer.is_party_noun(owed) or owed.ent_type_ in ("GPE", "NORP") or namer.is_actor_word(owed)):
            counters.append(owed)
    if topic == "notification":
        agents += _act_owners(sent.doc[trigger.head])
    return agents, counters, [p for p in places if p is not None and not (trigger.start <= p.i < trigger.end)]


# Nouns of a notice itself, whose "of" may name the one owed it
_NOTICES = frozenset({"notification", "prenotification", "pre-notification", "notice", "warning"})

# Verbs that credit their object with an act told in a "for" phrase: "thanked Oslo for its help"
_THANKING = {"thank", "praise", "commend", "credit", "congratulate", "applaud", "hail", "salute", "laud"}
_CREDITING = _THANKING | {"blame", "criticize", "criticise", "condemn", "fault", "punish", "sanction"}


def _credited(tok: Token) -> Token | None:
    """The object of a verb that credits (or blames) it with the act the trigger is in:
    "thanked his Egyptian counterpart for his role in negotiating the truce"."""
    node = tok
    for _ in range(5):
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "for" and node.head.head.pos_ == "VERB" and (
                node.head.head.lemma_.lower() in _CREDITING):
            return next((c for c in node.head.head.children if c.dep_ in ("dobj", "obj")), None)
        if node.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "nsubj", "nsubjpass") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _act_owner(tok: Token | None, rules: PartyRules) -> Token | None:
    """For a noun that is an act and no party ("the planned incursion"), the one who acts in it;
    any other word stays."""
    if tok is None or tok.pos_ != "NOUN":
        return tok
    lemma = tok.lemma_.lower()
    if lemma not in rules.not_parties and lemma not in _DEEDS:
        return tok
    # ("supported the actions of Azerbaijan": whose actions they are)
    return _noun_roles(tok, "strike")[0] or _prep_object(tok.children, {"of"}) or tok


# Nouns of what a party does that stand for the party when supported or opposed, besides the lexicon's
# acts (`not_parties`: "action", "effort", "measure" ...): "backed Moscow's policy"
_DEEDS = {"policy", "stance", "move", "decision"}


def _blamed_by_speaker(sent: Span) -> Token | None:
    """The one a reporting clause blames ("..., the Pentagon said, blaming Iran-backed
    militias", "..., accusing Kyiv"): a participle of blaming beside the verb that reports."""
    for tok in sent:
        if tok.tag_ == "VBG" and tok.lemma_.lower() in _BLAME and tok.dep_ in ("advcl", "xcomp", "conj"):
            blamed = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
            if blamed is not None:
                return blamed
    return None


def _company(tok: Token) -> tuple[Token | None, Token] | None:
    """Who acts and beside whom, for a word of company: "carried out alongside French aircraft",
    "struck the site together with the United States" (the parser hangs "together" on "with"):
    the subject of the verb the phrase qualifies, and the object of the preposition."""
    prep = company_preposition(tok)
    partner = _prep_object([prep], {"alongside", "with"}) if prep is not None else None
    if partner is None:
        return None
    verb = prep.head if prep.head.i != tok.i else tok.head
    if prep.head.dep_ == "pobj" and prep.head.head.lower_ == "in":
        verb = prep.head.head.head  # "in partnership with": what the phrase qualifies
    if verb.dep_ in ("dobj", "obj"):
        verb = verb.head  # "bombed the depot alongside French aircraft"
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("nsubj", "nsubjpass"):
        return verb, partner  # "U.S. forces, together with the United Kingdom, conducted strikes"
    actor = _verb_roles(verb, "strike")[0] if verb.pos_ in ("VERB", "AUX") else None
    return actor, partner


def _striking_with(agent_tok: Token | None, others: tuple[Trigger, ...], sent: Span) -> Token | None:
    """The partner a cooperation trigger of the sentence sets beside the one who strikes: "in
    partnership with the Kenyan army", "together with the United Kingdom", "alongside French jets"."""
    if agent_tok is None:
        return None
    for other in others:
        if other.topic == "cooperation":
            company = _company(sent.doc[other.head])
            if company is not None and company[0] is not None and company[0].i == agent_tok.i:
                return company[1]
    return None


# verbs of answering an act with force ("respond", "retaliate"): aimed at whoever acted (the nouns, "a
# response", are more often named with their own target)
_ANSWERING = frozenset({"respond", "retaliate", "riposte", "reply"})


def _party_of_act(act: Token | None, namer: PartyNamer) -> Token | None:
    """The party a word one supports or stays out of stands for: the party itself ("support for
    Kyiv"), else the one whose act it is ("supportive of Israel's attack")."""
    if act is None:
        return None
    return act if namer.is_party_word(act) else _noun_roles(act, "strike")[0]


def _lent_help(tok: Token, namer: PartyNamer) -> tuple[Token, Token | None] | None:
    """Help as the means of another's act: in "Iraqi forces retook the city with the help of the
    coalition" (or "with Iran's assistance", "with American support") the one whose help it is
    acts and the one helped, the subject of the act, is the counterpart; None otherwise."""
    if tok.lemma_.lower() not in _GIVEN or tok.dep_ != "pobj" or tok.head.lower_ != "with":
        return None
    verb = tok.head.head
    helper = next((c for c in tok.children if c.dep_ == "poss"), None) or _prep_object(tok.children, {"of", "from"}) or next(
        (c for c in tok.children if c.dep_ in ("amod", "compound") and namer.is_actor_word(c)), None)
    if helper is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    return helper, _subject(verb) or _inherited_subject(verb)


def _undergone(tok: Token) -> tuple[Token | None, Token | None] | None:
    """Who struck and who was struck when the subject undergoes a strike told by a verb:
    "came under attack from X", "suffered shelling by X" (a gerund the parser hangs off the
    verb); None otherwise."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    under = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "under"), None)
    if tok.lemma_.lower() in _UNDER_VERBS and under is not None:
        holder = [g for g in under.children if g.dep_ == "pobj"]
        return _prep_object([*tok.children, *(c for h in holder for c in h.children)], {"by", "from", "of"}), _subject(tok)
    if tok.dep_ in ("advcl", "xcomp", "dobj") and tok.head.lemma_.lower() in _UNDERGO and _subject(tok.head) is not None:
        return _prep_object(tok.children, {"by", "from"}), _subject(tok.head)
    return None


def _channel_used(tok: Token, namer: PartyNamer) -> tuple[Token | None, Token] | None:
    """A channel talked "through" or "via", named by the other end's state ("talked through the
    Russian deconfliction line"): (who uses it, the state whose line it is)."""
    if tok.lemma_.lower() not in _CHANNELS or tok.dep_ != "pobj" or tok.head.lower_ not in ("through", "via", "over"):
        return None
    verb = tok.head.head
    other = next((c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and namer.is_actor_word(c)), None)
    if other is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    return _subject(verb) or _inherited_subject(verb), other


# a way of reaching another side: its "to" is the other side; through it, the sides talk
_CHANNELS = {"line", "channel", "hotline", "mechanism", "link"}


def _breaker(tok: Token) -> Token | None:
    """Who acts "in violation of" or "in breach of" an arrangement: the one who breaks it."""
    of = tok.head
    breach = of.head
    if tok.dep_ != "pobj" or of.lower_ != "of" or breach.lemma_.lower() not in ("violation", "breach", "defiance"):
        return None
    prep = breach.head
    verb = prep.head
    for _ in range(4):  # (the parser may hang it on the verb's object: "did not inform X about its actions, in violation of")
        if verb.pos_ not in ("NOUN", "PROPN", "ADP") or verb.head.i == verb.i:
            break
        verb = verb.head
    if breach.dep_ != "pobj" or prep.lower_ != "in" or verb.pos_ not in ("VERB", "AUX"):
        return None
    return _subject(verb) or _inherited_subject(verb)


def _came_to_aid(tok: Token) -> tuple[Token | None, Token] | None:
    """"came to Armenia's aid", "rushed to Kyiv's defence": (who came, whose aid it was)."""
    if tok.lemma_.lower() not in _RESCUE or tok.dep_ != "pobj" or tok.head.lower_ != "to":
        return None
    verb = tok.head.head
    helped = next((c for c in tok.children if c.dep_ == "poss"), None)
    if helped is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in COMING_VERBS:
        return None
    return _subject(verb) or _inherited_subject(verb), helped


_RESCUE = {"aid", "assistance", "help", "rescue", "defence", "defense"}
# verbs of coming to a party's aid ("came to Yerevan's assistance"): who comes helps; its negation denies the help
COMING_VERBS = {"come", "rush", "go", "race", "hurry", "spring", "leap", "move", "step"}


def _answered_request(tok: Token) -> tuple[Token, Token] | None:
    """A request for cooperation and the one who answers it: in "Canberra declined
    Washington's request to send a frigate" (or "... answered Moscow's call for cooperation")
    the one asked is the agent, the one asking the counterpart; None otherwise."""
    request = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "for" else tok  # ("call for cooperation")
    if request.lemma_.lower() not in _REQUESTS or request.dep_ not in ("dobj", "obj", "pobj"):
        return None
    verb = request.head.head if request.dep_ == "pobj" and request.head.lower_ == "to" else request.head
    asker = next((c for c in request.children if c.dep_ == "poss"), None) or _prep_object(request.children, {"from", "by"})
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _ANSWERING_REQUESTS or asker is None:
        return None
    asked = _subject(verb) or _inherited_subject(verb)
    return (asked, asker) if asked is not None else None


# what one party asks of another, and what the one asked does with it ("declined", "agreed to")
_REQUESTS = {"request", "call", "invitation", "offer", "proposal", "appeal", "demand", "plea", "overture", "suggestion"}
_ANSWERING_REQUESTS = {"decline", "reject", "refuse", "accept", "answer", "ignore", "turn", "heed", "rebuff", "spurn",
                       "respond", "agree", "grant", "deny", "consider", "welcome", "snub"}
# verbs of talking or writing to another party ("spoke to his counterpart")
_SPEAKING = {"speak", "talk", "write", "appeal", "reach", "convey", "relay", "explain", "turn", "reply"}


def _protected(tok: Token) -> Token | None:
    """What is shielded from a strike is its target: "to safeguard shipping from attacks by the
    Houthis", "defend the convoys against air raids"."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("from", "against"):
        return None
    verb = tok.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _PROTECTING:
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


_PROTECTING = {"protect", "safeguard", "defend", "shield", "guard", "secure", "shelter"}


def _comes_under(tok: Token) -> bool:
    """"came under attack", "were under fire": the subject is the one struck."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.lemma_.lower() in _UNDER_VERBS


_UNDER_VERBS = {"come", "be"}  # "came under attack", "were under fire"


def _responsible(tok: Token) -> Token | None:
    """Who is said to be behind an act: "Iran is responsible for the attacks", "took
    responsibility for the drone attacks", "militants were behind the attack", "Iran's
    responsibility for the attacks"."""
    if tok.dep_ != "pobj":
        return None
    prep, holder = tok.head, tok.head.head
    if prep.lower_ == "behind" and holder.pos_ in ("VERB", "AUX"):
        return _subject(holder)
    owning = ("responsible", "responsibility", "blame", "credit")
    if prep.lower_ == "for" and (holder.lemma_.lower() in owning or any(
            c.dep_ in ("dobj", "obj") and c.lemma_.lower() in owning for c in holder.children)):
        # ("took credit for the attacks": the parser may hang "for" on the verb)
        owner = next((c for c in holder.children if c.dep_ == "poss"), None) if holder.pos_ == "NOUN" else None
        if owner is not None:
            return owner  # "proved Iran's responsibility for the attacks"
        verb = holder.head if holder.dep_ in ("acomp", "dobj", "attr", "oprd") else holder
        if verb.pos_ in ("VERB", "AUX"):
            return _subject(verb)
    return None


def _support_roles(verb: Token, tok: Token, topic: str, rules: PartyRules, agents: list, counters: list) -> None:
    """The roles a verb governing a trigger noun adds: "Israel carried out strikes on
    Gaza", "Japan received notice", "Washington accused Moscow of the strikes"."""
    lemma = verb.lemma_.lower()
    v_agent, v_counter = _verb_roles(verb, topic)
    if topic == "strike" and (lemma in _UNDERGO or _comes_under(tok)):
        counters.append(_subject(verb))  # "Moldova faced drone attacks by ...", "came under attack from"
        agents.append(_prep_object([*tok.children, *verb.children], {"by", "from", "of"}))
        return
    if topic == "strike" and lemma in _RECEIVE and any(a.lemma_.lower() in _TAKE_PART for a in tok.ancestors if verb.is_ancestor(a)):
        return  # "Britain had no knowledge of or part in the raid": who had a part in a strike was not struck by it
    if lemma in _RECEIVE or (topic == "notification" and tok.lemma_.lower() in _KNOWING):
        # ("officials confirmed no prior knowledge of the attack": the one who would have known;
        # "detected the aircraft and had not received any notice": the subject the verbs share)
        counters.append(_subject(verb) or (_inherited_subject(verb) if lemma in ("receive", "get") else None))
        agents.append(_prep_object(verb.children, {"from"}))
        return
    if lemma in _BLAME:  # the one accused or blamed is the one who acted
        # ("blamed the attack on the rebels"; not "accused Moscow of the strikes on the convoy")
        blamed_on = _prep_object([*verb.children, *(tok.children if lemma == "blame" else ())], {"on"})
        if blamed_on is not None:
            agents.append(blamed_on)
            counters[:] = [c for c in counters if c is None or c.i != blamed_on.i]
        agents.append(next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i != tok.i), None))
        return
    if lemma in rules.comment_verbs and topic != "cooperation":
        if lemma in _CEASING and verb.dep_ == "xcomp":
            # "urged Washington to stop the strikes", "called on Ankara to halt the raids": asked to stop their own
            agents.append(controlled_object(verb.head, before=verb.i))
        return  # who condemns or discusses a strike neither does it nor suffers it (discussing is cooperating)
    if verb.i != tok.i and lemma in _DISCLOSING and any(
            c.dep_ == "nsubjpass" and (c.i == tok.i or c.is_ancestor(tok)) for c in verb.children):
        # "the warning was later confirmed by the ministry's spokesman", "their role in the strikes was
        # confirmed by ...": who speaks of it, not who gave it
        return
    if topic == "strike" and _took_no_part(verb):
        return  # "No Chilean aircraft took part in the strikes": the strikes are someone else's
    if topic == "strike" and lemma in _DYING:
        v_agent, v_counter = None, v_agent  # "nine soldiers died in the attack": the struck
    if topic == "strike" and lemma in _CASUALTY and v_counter is not None and v_counter.i != tok.i:
        named = next((c for c in v_counter.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None) if (
            v_counter.tag_ == "NN") else None  # ("the group's leader, Abu Musa"; not "three commanders: X, Y and Z")
        victim = named if named is not None else v_counter
        if victim.ent_type_ == "PERSON":
            # "Nasrallah was killed in an Israeli attack on the suburbs": the one killed, before the place
            counters.insert(0, victim)
    agents.append(v_agent if v_agent is not None and v_agent.i != tok.i else None)
    # (not the noun phrase that holds the trigger: "carried out a wave of airstrikes")
    counters.append(_dative(verb))
    antecedent = verb.dep_ == "relcl" and v_counter is not None and v_counter.i == verb.head.i  # ("a commander who was killed in ...")
    counters.append(v_counter if v_counter is not None and v_counter.i != tok.i and (
        antecedent or not v_counter.is_ancestor(tok)) else None)
    if verb.i != tok.i:
        counters.append(_prep_object(verb.children, _COUNTER_PREPS.get(topic, set())))
    if verb.i != tok.i and topic == "cooperation" and tok.lemma_.lower() in _CHANNELS and tok.dep_ in ("dobj", "obj"):
        counters.append(_prep_object(verb.children, {"to"}))  # "keeps a radio line to the Turkish command"


# Verbs that make an act known: its passive's agent speaks of the act, whoever did it.
_DISCLOSING = {"confirm", "acknowledge", "verify", "corroborate", "disclose", "reveal", "announce", "publicize", "publicise"}


def _took_no_part(verb: Token) -> bool:
    """"did not take part in", "was not involved in", "No X participated in": the subject is not
    among those who acted."""
    lemma = verb.lemma_.lower()
    participating = lemma in ("participate", "involve", "join") or (
        lemma == "take" and any(c.lower_ == "part" for c in verb.children))
    if not participating:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return any(c.dep_ == "neg" for c in verb.children) or (subject is not None and any(
        c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children))


# Nouns of how a notice was given, not of what it was about ("briefed on Privy Council terms",
# "informed on a confidential basis", "told on background")
_MANNER_NOUNS = frozenset({"term", "terms", "basis", "condition", "ground", "grounds", "behalf", "record", "background"})


def _act_owners(tok: Token) -> list[Token | None]:
    """Who does the act a notice is about: "not told in advance about Israel's strike",
    "warning of the Iranian missile attack" name the one who strikes, hence who notifies."""
    heads = [tok] + ([tok.head] if tok.head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "nsubjpass", "attr") else [])
    owners: list[Token | None] = []
    for head in heads:
        preps = [c for c in head.children if c.dep_ == "prep"]
        preps += [g for c in preps for o in c.children if o.dep_ == "pobj" for g in o.children if g.dep_ == "prep"]
        for prep in preps:  # ("knew in advance about Israel's plan": "about" may hang on "advance")
            if prep.lower_ not in _ABOUT:
                continue
            for act in prep.subtree:
                # (the act the notice is about, not a noun inside a clause of its own: "before strikes against
                # what officials say were weapons headed for PKK fighters" is no notice of the PKK's act)
                if act.dep_ == "pobj" and act.pos_ == "NOUN" and _phrase_path(act, prep) and (
                        act.lemma_.lower() not in _MANNER_NOUNS):
                    owner, _ = _noun_roles(act, "strike")
                    owners.append(owner)
    return owners


# adjectives of readiness for a cooperation ("open to dialogue", "ready for talks")
_OPEN_TO = frozenset({"open", "ready", "willing", "prepared", "committed", "receptive", "amenable"})
# what makes a thing one of several parties' together, never a party of its own ("a joint patrol")
_SHARED = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral"})


def _phrase_path(tok: Token, top: Token) -> bool:
    """`tok` hangs from `top` through prepositions and their objects only."""
    node = tok
    while node.i != top.i:
        if node.dep_ not in ("pobj", "prep") or node.head.i == node.i:
            return False
        node = node.head
    return True


def _counter_in_phrase(phrase: Span, topic: str) -> Token | None:
    """The counterpart a trigger phrase names itself: "used force against Azerbaijan"
    (the object "force" is part of the trigger, not the one struck)."""
    children = sorted((c for tok in phrase for c in tok.children),
                      key=lambda c: not (phrase.start <= c.i < phrase.end))  # the phrase's own "against" first
    preps = _COUNTER_PREPS.get(topic, set())
    if topic == "notification" and any(t.lemma_.lower() in _KNOWING for t in phrase):
        # "without the knowledge of the government": the one who was (not) told
        knowing = [c for t in phrase if t.lemma_.lower() in _KNOWING for c in t.children]
        return _prep_object(knowing, {"of"}) or _prep_object(children, preps)
    return _prep_object(children, preps)


_GIVING = {"contribute", "commit", "provide"}  # "provided aircraft for the campaign"
_TAKE_PART = {"involve", "involvement", "participate", "participation", "role", "complicity", "support", "part"} | _GIVING


def _prefix_piece(tok: Token) -> bool:
    """A prefix the tokenizer split off before a hyphen ("inter" of "inter-Korean"): no name of its own."""
    return tok.text.islower() and not tok.whitespace_ and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"


def _refused_part(verb: Token) -> bool:
    """A verb that says its subject had no part in the act: negated, or with "no" on its object ("will take
    no part in the offensive")."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ in ("dobj", "obj") and any(d.lower_ in ("no", "neither") for d in c.children) for c in verb.children)


def _joined_in(act: Token) -> Token | None:
    """The verb of joining or taking part whose "in" holds the act, itself or as "a wave of" it ("joined
    US forces in a second wave of strikes", "participated in the raids"), or None."""
    if act.dep_ == "pobj" and act.head.lower_ == "of" and act.head.head.dep_ == "pobj":
        act = act.head.head  # ("a wave of strikes", "a series of raids")
    if act.dep_ != "pobj" or act.head.lower_ != "in":
        return None
    verb = act.head.head
    taking_part = verb.lemma_.lower() == "take" and any(c.dep_ in ("dobj", "obj") and c.lower_ == "part" for c in verb.children)
    if verb.pos_ != "VERB" or not (taking_part or verb.lemma_.lower() in _JOIN_IN) or _refused_part(verb):
        return None  # (not "did not participate in the raids", "will take no part": someone else's)
    subject = _subject(verb)
    if subject is not None and any(c.lower_ in ("no", "neither") for c in subject.children):
        return None  # ("no Australian aircraft joined in the strikes")
    return verb


_JOIN_IN = frozenset({"join", "participate", "engage"})


def _take_part_roles(tok: Token, namer: PartyNamer) -> tuple[Token | None, Token | None] | None:
    """Taking part in someone's operation: "Washington was not involved in Israel's
    operation" has Washington as agent and Israel, whose operation it is, as counterpart (a bare
    "Washington was not involved": the act told before, whose owner the claims before give);
    support given to a party ("its support for Kyiv") has the party as counterpart."""
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
    if action is None and bare_involvement(tok):
        return _subject(tok), None  # "Washington was not involved": in the act told before, whoever's it is
    if action is None:
        return None
    given = giving or tok.lemma_.lower() in _GIVEN  # (what is given for a party goes to it, not to its act)
    owner = _party_of_act(action, namer) if given else _noun_roles(action, "strike")[0]
    # "took part in the offensive alongside Azerbaijani units": who one fights beside is the partner
    owner = _prep_object([*action.children, *preps], {"alongside", "with"}) or owner
    if tok.pos_ in ("VERB", "AUX"):
        agent = _subject(tok)
        if agent is None and tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head.pos_ in ("VERB", "AUX"):
            agent = _subject(tok.head)
    else:  # "Iran's role", "U.S. involvement", "American participation"
        agent = next((c for c in tok.children if c.dep_ == "poss" or (
            c.dep_ in ("compound", "amod", "nmod") and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN"))), None)
        verb = _support_verb(tok)
        if agent is None and verb is None and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
            verb = tok.head.head  # "flew in support of the offensive"
        if agent is None and verb is not None:
            agent = _subject(verb)
    return agent, owner


def _what_described(clause: Token) -> bool:
    """A clause that says what the object is in someone's words: "struck what the army said were
    launchers", "hit what officials described as depots" (its subject describes, it is not struck)."""
    return any(t.lower_ == "what" and t.i < clause.i for t in clause.subtree)


def _described_as(clause: Token) -> Token | None:
    """What a "what X said were Y" or "what X described as Y" clause says the object is: Y."""
    for c in clause.children:
        if c.dep_ == "oprd" or (c.dep_ == "ccomp" and c.pos_ == "NOUN"):
            return c  # "what the military called a command centre" ("what they say were depots", misparsed)
        if c.dep_ == "prep" and c.lower_ == "as":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() == "be":
            said = next((g for g in c.children if g.dep_ in ("attr", "acomp")), None)
            if said is not None:  # ("what we believed to be ISIL fighting positions", "ISIL" parsed as the attribute)
                return next((g for g in said.children if g.dep_ == "dobj"), said)
    return None


def _owner_of_described(noun: Token) -> Token | None:
    """Whose act a noun is when it is what someone calls another's act: in "Turkish forces began
    what Damascus described as a ground operation" the subject of "began", not Damascus."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        clause = noun.head.head
    elif noun.dep_ == "oprd":
        clause = noun.head
    elif noun.dep_ in ("attr", "acomp") and noun.head.lemma_.lower() == "be" and noun.head.dep_ in ("ccomp", "xcomp"):
        clause = noun.head.head
    else:
        return None
    if clause.dep_ != "ccomp" or not _what_described(clause) or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def _verb_roles(verb: Token, topic: str) -> tuple[Token | None, Token | None]:
    agent, counter = None, None
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    shared = _shared_passive_subject(verb)  # "the envoy was summoned and informed of the incident"
    passive = passive or shared is not None
    told = _dative(verb)  # "gave notice to Mali": the one told before the notice given
    if told is not None and topic == "notification":
        counter = told
    for c in verb.children:
        if c.dep_ == "nsubj" and not passive and not _fronted_circumstance(c) and not is_name_suffix(c.text):
            # (not the name of the first subject's partner, parsed apart: "Shoigu and his Turkish counterpart
            # Hulusi Akar discussed")
            named_partner = agent is not None and agent.dep_ == "nsubj" and any(
                j.dep_ == "conj" and j.i + 1 == c.left_edge.i for j in agent.children)
            agent = agent if named_partner else c
        elif c.dep_ == "nsubjpass" and topic == "strike" and operation_name(c):
            agent = agent or c  # "Operation Claw-Sword was launched against ...": the operation is the act, its owner acts
        elif c.dep_ == "nsubjpass" and topic == "strike" and c.lemma_.lower() in _WEAPONS and verb.lemma_.lower() in _LAUNCHING:
            pass  # "300 drones were launched": what was fired, not at whom (not "two drones were shot down")
        elif c.dep_ == "nsubjpass":
            counter = c
        elif c.dep_ == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
        elif c.dep_ in ("dobj", "dative", "obj") and counter is None and c.tag_ not in ("WDT", "WP") and not (
            topic == "cooperation" and verb.lemma_.lower() in ("discuss", "raise", "address")  # what, not with whom
        ) and not (
            c.lower_ == "place" and verb.lemma_.lower() == "take"  # "the strike took place"
        ) and not (topic == "strike" and _fired(c)):  # "fired two missiles", "hundreds of drones": what, not at whom
            counter = c
        elif c.dep_ == "prep" and c.lower_ in _COUNTER_PREPS.get(topic, set()) and counter is None:
            counter = _prep_object([c], _COUNTER_PREPS[topic])
    counter = counter or shared
    if topic == "strike" and counter is None:  # "fired first, using rocket launchers against civilian areas"
        counter = _prep_object([g for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ("use", "employ")
                                for g in c.children], _COUNTER_PREPS["strike"])
    if topic == "strike" and counter is None:  # "fired dozens of missiles at Kyiv": where what was fired was aimed
        fired = [o for c in verb.children if c.dep_ in ("dobj", "obj") and _fired(c)
                 for o in (c, *(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children))]
        counter = _prep_object([g for o in fired for g in o.children], _COUNTER_PREPS["strike"])
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and not passive:
        # "led to Kurdish fighters attacking it": the one a participle qualifies does it; "the convoy
        # attacked by militants": the one it qualifies undergoes it
        if verb.tag_ == "VBG" and agent is None:
            agent = verb.head
        elif verb.tag_ == "VBN" and counter is None and topic == "strike":
            counter = verb.head
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        # "a commander who was killed in the strike", "the militia that attacked the base": the noun it qualifies
        # (not "the port, which would represent an attack": what the noun is, not who acts)
        copular = verb.lemma_.lower() in ("be", "represent", "constitute", "mark", "become", "remain", "include", "involve",
                                          "comprise", "follow", "precede")
        agent = verb.head if agent is not None and agent.tag_ in ("WP", "WDT") and not copular else agent
        counter = verb.head if counter is not None and counter.tag_ in ("WP", "WDT") else counter
    if topic == "strike" and counter is None:  # "targeted the camp run by a militia" (parsed as a clause)
        described = [c for c in verb.children if c.dep_ == "ccomp" and _what_described(c)]
        counter = _described_as(described[0]) if described else next(
            (g for c in verb.children if c.dep_ == "ccomp" for g in c.children
             if g.dep_ in ("nsubj", "nsubjpass") and g.pos_ in ("NOUN", "PROPN")), None)
    if topic == "notification" and passive and counter is not None and counter.dep_ == "nsubjpass":
        # "the launch was notified to the relevant parties": the parties were told
        counter = _prep_object(verb.children, {"to"}) or counter
    if topic == "cooperation":  # "coordinated its operations with Kabul": the partner, not what is coordinated
        objects = [o for o in verb.children if o.dep_ in ("dobj", "obj")]
        partner = _prep_object([*verb.children, *(g for o in objects for g in o.children)], {"with", "alongside"})
        seller = _prep_object(verb.children, {"from"}) if verb.lemma_.lower() in _ACQUIRING and not passive else None
        if verb.lemma_.lower() in SUPPLYING_VERBS:
            # "sent artillery shells to Kyiv", "supplied the rebels with drones": the one supplied, not what
            counter = _dative(verb) or _prep_object(verb.children, {"to"}) or counter
        elif seller is not None:  # "Russia was buying shells from North Korea": the seller supplies the buyer
            agent, counter = seller, agent
        elif partner is not None and (counter is None or counter.dep_ in ("dobj", "obj", "nsubjpass")):
            if counter is not None and counter.dep_ == "nsubjpass" and agent is None:
                # "the coalition's campaign was coordinated with Baghdad": the campaign's owner acts
                agent = _noun_roles(counter, "strike")[0] or (
                    counter if counter.ent_type_ in ("GPE", "NORP", "ORG") or counter.pos_ == "PROPN" else None)
            counter = partner
        if counter is None:  # "agreed to share radar data with Morocco", "helped train the Malian units"
            counter = _partner_in_infinitive(verb)
        if counter is None and not objects:  # "did not coordinate or assist Lithuania": the object both verbs share
            counter = next((o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                            for o in c.children if o.dep_ in ("dobj", "obj") and o.pos_ == "PROPN"), None)
    if agent is None and passive:  # "were struck and injured by a Russian aircraft": the agent of both
        linked = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
        agent = next((g for v in linked for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if agent is None and not passive:  # "the US helped provide intelligence": the subject hung on "helped"
        agent = _subject(verb)
    if agent is None and counter is None and verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        # "Iran had no role in the operation and was not told about it": a passive of its own shares only
        # the subject before, which underwent it
        counter = _inherited_subject(verb)
    elif agent is None:
        agent = _inherited_subject(verb)
    if topic == "strike" and agent is not None and agent.lemma_.lower() in _ARMS:
        agent = _weapon_owner(agent)  # "a drone launched by the militia hit the base"
    if topic == "notification" and verb.lemma_.lower() in _RECEIVE:
        # "received notice from North Korea": the one it came from acts, the one who got it is told
        agent, counter = _prep_object(verb.children, {"from"}), _subject(verb) or _inherited_subject(verb)
        if agent is None and verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() == "let":
            agent = _subject(verb.head)  # "the Israelis let us know shortly before": who lets one know tells
    return agent, counter


def _partner_in_infinitive(verb: Token) -> Token | None:
    """The partner of a cooperation told in the infinitive after the trigger: its "with"
    object, or, after a helping verb, the one helped ("helped train the Malian units")."""
    if verb.lemma_.lower() in _HELPING:  # "helping Ukraine to launch strikes": the one helped, the clause's subject
        helped = next((g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children
                       if g.dep_ == "nsubj" and g.pos_ in ("PROPN", "NOUN")), None)
        if helped is not None:
            return helped
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if infinitive is None:
        return None
    objects = [o for o in infinitive.children if o.dep_ in ("dobj", "obj") and o.tag_ not in ("WDT", "WP")]
    partner = _prep_object([*infinitive.children, *(g for o in objects for g in o.children)], {"with", "alongside"})
    if partner is None and verb.lemma_.lower() in _HELPING and objects:
        partner = objects[0]
    return partner


_HELPING = {"help", "assist", "aid", "support"}
# Verbs whose conjoined subjects act side by side towards a third party, not with each other
_JOINING = {"join", "support", "back", "endorse", "contribute", "participate", "take", "send", "supply", "provide",
            "deploy", "help", "assist", "welcome"}


def _joins(trigger_head: Token) -> bool:
    """The trigger is a verb of joining or supporting ("joined the grouping", "took part in the
    mission", "supported the strikes"), or the object of one."""
    verb = trigger_head if trigger_head.pos_ in ("VERB", "AUX") else (
        trigger_head.head if trigger_head.dep_ in ("dobj", "obj") else None)
    return verb is not None and verb.lemma_.lower() in _JOINING


# Verbs of asking another for something ("asked Turkey for help", "appealed to Moscow for support")
_ASKING = frozenset({"ask", "request", "appeal", "turn", "call", "press", "beg", "petition"})
# Verbs that speak of an act: their subject is no party to it ("the strike, which the ministry called a crime")
_DESCRIBING = {"describe", "call", "term", "label", "characterize", "characterise", "dub", "say", "confirm", "announce",
               "deny", "report", "condemn", "criticize", "criticise", "welcome", "denounce", "claim", "see", "view", "regard"}
# Nouns of what one party grants or asks of another: "without the permission of Baghdad", "at the invitation of
# the Government of Iraq"
_GRANTED = {"permission", "approval", "consent", "authorization", "authorisation", "blessing", "go-ahead", "invitation",
            "behest"}
_GIVEN = GIVEN_HELP  # what one party gives another: "aid to Ukraine", "support for Kyiv"


def _noun_roles(noun: Token, topic: str) -> tuple[Token | None, Token | None]:
    agent, counter = None, None
    # (and "at the request of Baghdad": the one who asked, as the one who grants; not "the US request", whose
    # asker is the one seeking cooperation)
    granted = topic == "cooperation" and (noun.lemma_.lower() in _GRANTED or (
        noun.lemma_.lower() == "request" and noun.dep_ == "pobj" and noun.head.lower_ == "at"))
    for c in noun.children:
        if granted and (c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from"))):
            # "without the permission of Baghdad", "Kyiv's consent": the one who grants it
            counter = counter or (c if c.dep_ == "poss" else _prep_object([c], {"of", "from"}))  # ("permission from China")
            if noun.dep_ == "pobj" and noun.head.lower_ in ("with", "without", "at") and noun.head.head.pos_ in ("VERB", "AUX"):
                agent = agent or _subject(noun.head.head) or _inherited_subject(noun.head.head)
        elif c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN")
                                  and not _prefix_piece(c)):
            agent = agent or c
        elif c.dep_ == "prep" and (c.lower_ in _AGENT_PREPS or (c.lower_ == "of" and noun.lemma_.lower() in _MOVES_OF)):
            # (not where it came from: "support to the operation from the headquarters in Bahrain")
            agent = agent or next((g for g in c.children if g.dep_ == "pobj" and not (
                c.lower_ == "from" and g.lemma_.lower() in _ORIGIN_PLACES)), None)
        elif c.dep_ == "prep" and (c.lower_ in _COUNTER_PREPS.get(topic, set()) or (
                c.lower_ == "of" and noun.lemma_.lower() in _ACTS_OF) or (  # "shelling of the positions"
                topic == "notification" and c.lower_ == "with" and noun.head.lemma_.lower() in EXCHANGING)):
            # ("shared the information with the Russians": they were told)
            counter = counter or _prep_object([c], {c.lower_})
            if topic == "strike" and counter is not None:  # ("attacks on shipping by the Houthis", "by" hung on the target)
                agent = agent or _prep_object(counter.children, {"by"})
        elif c.dep_ == "prep" and c.lower_ in ("to", "for") and topic == "cooperation" and noun.lemma_.lower() in _GIVEN:
            counter = counter or _prep_object([c], {c.lower_})  # "military aid to Ukraine", "support for Kyiv"
        elif c.dep_ == "prep" and c.lower_ == "to" and topic == "cooperation" and noun.lemma_.lower() in _CHANNELS:
            counter = counter or _prep_object([c], {"to"})  # "keeps a telephone line to the Russian command"
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _BLAME:
            agent = agent or _prep_object(c.children, {"on"})  # "the raid, which officials blamed on Peru"
        elif c.dep_ in ("acl", "relcl") and c.pos_ in ("VERB", "AUX"):
            # "strikes launched by the US against Yemen", "the attack, which was carried out by militants",
            # "the strikes we took against radar sites"
            # (the clause's own "by", not one deeper in what it targets: "strikes targeting areas controlled by X")
            # ("the attack, which he said was carried out by militants": through what is said of it)
            by = next((g for v in (c, *(k for k in c.children if k.dep_ in ("conj", "ccomp"))) for a in v.children
                       if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
            if topic == "strike" and noun.lemma_.lower() in _ARMS and c.lemma_.lower() in _MADE_OR_SUPPLIED:
                by = None  # ("the missiles supplied by Britain": who fires them is not who supplied them)
            subject = next((g for g in c.children if g.dep_ == "nsubj" and g.tag_ not in ("WDT", "WP")), None)
            # (not who speaks of it: "the launch, which the official described as modest")
            agent = agent or by or (subject if c.dep_ == "relcl" and c.lemma_.lower() not in _DESCRIBING else None)
            obj = next((o for o in c.children if o.dep_ in ("dobj", "obj") and o.tag_ not in ("WDT", "WP")), None)
            counter = counter or _prep_object(c.children, _COUNTER_PREPS.get(topic, set())) or (
                obj if topic == "strike" else None)
    if counter is None and topic == "notification" and noun.head.lemma_.lower() in EXCHANGING:
        # "shared the coordinates of its observation posts with Russia": the parser hung the "with" on what the
        # coordinates are of
        counter = _prep_object([p for t in noun.subtree if t.i > noun.i and t.dep_ == "pobj" for p in t.children], {"with"})
    if agent is None and topic in ("notification", "cooperation") and noun.dep_ == "pobj" and noun.head.lower_ == "without" and (
            noun.head.head.pos_ in ("VERB", "AUX")):
        # "Belarus held the drills without notice", "the United States carried out the strikes without any
        # coordination with Baghdad": who acted without it (of an act "carried out without ...", whose act it is)
        verb = noun.head.head
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN":
            agent = _noun_roles(verb.head, "strike")[0]
        elif not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            agent = _subject(verb) or _inherited_subject(verb)
    if agent is None:  # "Chinese weapons shipments": the state whose arms they are
        agent = next((g for c in noun.children if c.dep_ == "compound" and c.lemma_.lower() in _OWNED_ARMS for g in c.children
                      if g.dep_ in ("amod", "compound") and g.ent_type_ in ("GPE", "NORP")), None)
    return agent, counter


# verbs of fired things coming down ("rockets landed near the embassy", "a missile fell in a field")
_LANDING = {"land", "fall", "hit", "strike", "explode", "impact", "crash"}
# nouns of doing that a trigger qualifies ("deconfliction work", "mediation efforts"), not bodies ("coordination centre")
_ACTIVITIES = {"work", "effort", "activity", "process", "procedure", "measure", "step"}

_TIME_NOUNS = {"dawn", "dusk", "night", "morning", "evening", "afternoon", "midnight", "noon", "daybreak", "time",
               "moment", "hour", "week", "weekend", "day", "month", "year"}


# "carried out in violation of ...", "in response to ...": idioms, not places or parties
_PREP_IDIOMS = {"violation", "accordance", "response", "retaliation", "line", "order", "addition", "light", "view",
                "case", "effort", "bid", "attempt", "part", "way", "support", "coordination", "cooperation",
                # on whose word it was done ("At the President's direction, U.S. forces struck ...")
                "direction", "behest", "instruction", "request", "invitation"}


def _circumstance(tok: Token) -> bool:
    """"at dawn", "on Friday", "in violation of": a time or an idiom, not a counterpart."""
    # ("the Durand line" is a place; "on President Trump's orders" still an idiom)
    idiom = tok.lemma_.lower() in _PREP_IDIOMS and not any(c.pos_ == "PROPN" and c.dep_ == "compound" for c in tok.children)
    return a_time(tok) or tok.lemma_.lower() in _TIME_NOUNS or idiom


def _prep_object(children, preps: set[str]) -> Token | None:
    """The first object of a preposition in `preps` among `children`, times and idioms aside;
    one of "against" first ("on Tuesday's orders ... against three sites": the sites)."""
    # (the parser makes some a dative: "no warning given to us")
    found = [(g, c.lower_) for c in children if c.dep_ in ("prep", "dative") and c.lower_ in preps
             for g in c.children if g.dep_ == "pobj" and not _circumstance(g)]
    # ("coordinated with and in support of the SDF": a preposition left without its object shares the next one's)
    found += [(g, c.lower_) for c in children if c.dep_ == "prep" and c.lower_ in preps
              and not any(k.dep_ == "pobj" for k in c.children)
              for k in c.children if k.dep_ == "conj" and k.pos_ == "ADP"
              for o in k.children if o.dep_ == "pobj"
              for g in ([g for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
                        if o.lemma_.lower() in _PREP_IDIOMS else [o])]
    # ("work together with partners in the region to stabilize ...": the parser took the object for the next
    # clause's subject, leaving the preposition bare)
    found += [(g, c.lower_) for c in children if c.dep_ == "prep" and c.lower_ in preps and not any(
        k.dep_ in ("pobj", "pcomp", "conj") for k in c.children) for g in (_stranded_object(c),) if g is not None]
    # ("against what officials say were weapons depots": the depots)
    found += [(d, c.lower_) for c in children if c.dep_ == "prep" and c.lower_ in preps
              for g in c.children if g.dep_ == "pcomp" and _what_described(g) for d in (_described_as(g),) if d is not None]
    return next((g for g, p in found if p == "against"), found[0][0] if found else None)


def _stranded_object(prep: Token) -> Token | None:
    """The noun right after a preposition the parser left without an object, when it hung it elsewhere."""
    if prep.i + 1 >= len(prep.doc):
        return None
    word = prep.doc[prep.i + 1]
    while word.pos_ in ("DET", "ADJ", "NUM") and word.head.i > word.i and word.head.i - prep.i <= 4:
        word = word.head  # "with the two partners"
    return word if word.pos_ in ("NOUN", "PROPN") and word.head.i != prep.i and word.dep_ in ("nsubj", "dobj", "npadvmod") else None


def _deep_prep_object(tok: Token, preps: set[str], depth: int = 3) -> Token | None:
    """The nearest object of a preposition in `preps` below `tok`, through other phrases."""
    frontier = [tok]
    for _ in range(depth):
        frontier = [c for node in frontier for c in node.children if c.dep_ in ("prep", "pobj", "npadvmod", "appos")]
        found = _prep_object(frontier, preps)
        if found is not None:
            return found
    return None


def _support_verb(noun: Token) -> Token | None:
    node = noun
    for _ in range(5):
        # ("dative": "gave advance notice" parsed as "gave [advance] [notice]")
        if node.dep_ in ("dobj", "attr", "nsubjpass", "nsubj", "obj", "pobj", "conj", "compound", "appos", "amod",
                         "dative") and node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node
        elif node.dep_ == "prep" and node.lower_ == "of" and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in _CONTAINERS:
            node = node.head  # "carried out a wave of airstrikes" (not "was given warning of the strike")
        elif node.dep_ == "prep" and node.lower_ in ("in", "of") and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in _TAKE_PART:
            node = node.head  # "renewed their participation in airstrikes"
        else:
            return None
    return None


# Verbs of getting arms or help from another: the one it comes from supplies ("bought drones from Iran")
_ACQUIRING = {"buy", "purchase", "acquire", "obtain", "import", "procure"}
_MADE_OR_SUPPLIED = SUPPLYING_VERBS | {"donate", "make", "manufacture", "produce", "build", "design", "develop", "pledge", "promise"}


def _weapon_aimed_at(act: Token) -> Token | None:
    """A weapon the act is aimed at, not one it fires: "interceptors against the incoming missiles",
    "shot down two drones", "intercepted the rockets"."""
    for tok in act.subtree:
        if tok.lemma_.lower() not in _WEAPONS or tok.dep_ == "compound":
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in ("against", "at") and tok.head.head.lemma_.lower() not in ("aim", "point"):
            return tok
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _DOWNING:
            return tok
    return None


# acts whose object is a weapon brought down, not one fired
_DOWNING = frozenset({"intercept", "down", "shoot", "destroy", "neutralize", "neutralise", "defeat", "engage"})


def _weapon_owner(weapon: Token) -> Token | None:
    """Who fired a weapon: "a drone launched by the militia", "Israeli missiles", "Hamas's rockets"."""
    # (not who made or supplied it: "the missiles supplied by Britain" are fired by whoever has them)
    by = next((g for c in weapon.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() not in _MADE_OR_SUPPLIED
               for a in c.subtree if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
    if by is not None:
        return by
    blamed = next((g for c in weapon.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("attribute", "blame")
                   for p in c.children if p.dep_ == "prep" and p.lower_ in ("to", "on") for g in p.children if g.dep_ == "pobj"), None)
    if blamed is not None:  # "explosions, widely attributed to Israel"
        return blamed
    return next((c for c in weapon.children if c.dep_ == "poss" or (
        c.dep_ in ("amod", "compound") and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN"))), None)


def _shared_passive_subject(verb: Token) -> Token | None:
    """The subject a passive participle shares with the passive it is coordinated with ("the
    chargé d'affaires was summoned and informed of the incident": the chargé was informed)."""
    # (a participle the tagger takes for a past tense has no object either: "was summoned and notified of")
    if verb.dep_ != "conj" or verb.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in ("nsubj", "nsubjpass", "auxpass", "dobj", "obj", "dative") for c in verb.children):
        return None
    first = verb.head
    if not any(c.dep_ == "auxpass" for c in first.children):
        return None
    return next((c for c in first.children if c.dep_ == "nsubjpass"), None)


def _inherited_subject(verb: Token) -> Token | None:
    """The subject a verb shares with the verbs it hangs from: "decided to strike",
    "responded decisively, shooting down six aircraft", "notified the US before launching
    the strikes", "by attacking ships". A clause with an expletive subject has none ("Baghdad
    got no warning, and there was no coordination with Iraq": no one is said to coordinate)."""
    if any(c.dep_ == "expl" for c in verb.children):
        return None
    node = verb
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "the unwillingness of the American side to coordinate", "Russia's refusal to notify"
        holder = verb.head
        owner = next((c for c in holder.children if c.dep_ == "poss"), None) or _prep_object(holder.children, {"of"})
        if owner is None and holder.dep_ in ("dobj", "obj") and holder.head.pos_ in ("VERB", "AUX"):
            owner = _subject(holder.head)  # "India and Pakistan finalized an agreement to notify each other"
        return owner
    controlled = verb.dep_ == "xcomp"
    for _ in range(3):
        if node.dep_ == "xcomp" and node.head.pos_ in ("VERB", "AUX"):
            controlled = True
            node = node.head
            controller = controlled_object(node)
            if controller is not None:
                return controller  # "required all sides to notify", "asked Israel to warn them", "called on X to"
            # (not "telephoned Putin to inform him": a purpose, the caller informs)
        elif node.dep_ == "xcomp" and node.head.pos_ == "ADJ" and node.head.dep_ == "acomp" and (
                node.head.head.pos_ in ("VERB", "AUX")):
            controlled = True
            node = node.head.head  # "Moscow is ready to resume contacts": who is ready acts
        elif node.dep_ in ("conj", "advcl") and node.head.pos_ in ("VERB", "AUX"):
            # ("had not been informed of any arrangements and did not coordinate": who was not told did not coordinate)
            # (an active verb of its own auxiliary: not "was summoned and notified", a passive sharing "was")
            controlled = controlled or (node.dep_ == "conj" and node.tag_ != "VBN" and any(
                c.dep_ == "aux" for c in node.children) and not any(c.dep_ in ("auxpass", "nsubj") for c in node.children))
            node = node.head
        elif node.dep_ == "pcomp" and node.head.head.pos_ == "NOUN":
            # "Turkey's denial of conducting strikes", "the Navy's record of firing on ships"
            return next((c for c in node.head.head.children if c.dep_ == "poss"), None)
        elif node.dep_ == "pcomp" and node.head.head.pos_ in ("VERB", "AUX"):
            node = node.head.head
            accused = next((c for c in node.children if c.dep_ in ("dobj", "obj")), None)
            if accused is not None and node.lemma_.lower() in _BLAME:
                return accused  # "accused Moscow of bombing the grid": Moscow bombed it
        else:
            return None
        # ("were ordered to notify the U.S. and conduct the strikes": the ones ordered act)
        subject = next((c for c in node.children if (c.dep_ == "nsubj" or (c.dep_ == "nsubjpass" and controlled))
                        and not _fronted_circumstance(c)), None)
        if subject is not None:
            return subject  # ("are obliged to give notice": the one obliged gives it)
    return None




def _subject(verb: Token) -> Token | None:
    """The verb's subject, or the one the parser hung on its auxiliary ("Chile has, since May, notified");
    not a fronted place or time the parser took for a second subject ("Near Raqqa, one strike engaged ...")."""
    # (not a name's suffix the parser made a second subject: "President Joseph R. Biden, Jr. spoke")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not is_name_suffix(c.text)]
    if len(subjects) > 1:
        subjects = [c for c in subjects if not _fronted_circumstance(c)] or subjects
    return (subjects[0] if subjects else None) or next(
        (g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)


def _fronted_circumstance(tok: Token) -> bool:
    """"Near Raqqa", "On Tuesday": a place or a time opening the clause, parsed as a subject."""
    first = tok.doc[tok.left_edge.i]
    return tok.ent_type_ in ("DATE", "TIME") or (first.i != tok.i and first.lower_ in _PLACE_PREPS)


def _dative(verb: Token) -> Token | None:
    """The one told: "gave Russia notice", "sent a message to Pakistan" (the parser calls "to" the dative)."""
    dative = next((c for c in verb.children if c.dep_ == "dative"), None)
    if dative is not None and dative.pos_ == "ADP":
        return next((g for g in dative.children if g.dep_ == "pobj"), None)
    return dative
