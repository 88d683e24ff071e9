"""Stance of a claim from the parse: evasion, condition, negation and its scope, hedging.

The decision walks the dependency tree from the trigger upwards. A cue counts
only when the trigger is in its scope: "did not notify us before the strikes"
denies the notice but not the strikes, because the strikes sit in a temporal
adjunct that the negation does not reach. Order of precedence: evade, then
conditional ("no cooperation until they change course" is conditional), then
deny, else acknowledge.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import StanceRules, find_phrase
from .topics import Trigger

# Relations through which a negation above reaches the trigger.
_ARGUMENT = {"dobj", "attr", "nsubjpass", "oprd", "dative", "acomp", "obj", "iobj"}
_NOUN_MODIFIER = {"compound", "amod", "nmod", "nummod", "poss"}
# Verbs that assert or deny existence: a negation on them negates their subject.
_EXISTENCE = {"be", "exist", "occur", "happen", "take", "come", "emerge", "remain", "begin", "start", "continue"}
# Support verbs of a strike noun: "did not conduct strikes" denies the strikes,
# "did not condemn the strikes" does not.
_STRIKE_SUPPORT = {
    "conduct", "carry", "launch", "make", "stage", "mount", "order", "authorize", "authorise", "approve",
    "undertake", "execute", "perform", "fly", "have", "see", "observe", "detect", "record", "confirm", "do",
    "plan", "target", "use", "fire", "deliver", "deploy", "include", "involve", "hit",
}
_NEG_RAISING = {"think", "believe", "expect", "suppose", "imagine", "anticipate", "see", "know"}
_LIGHT_NOUNS = {"lack", "absence", "kind", "sort", "type", "form", "level", "degree", "any", "sign", "evidence", "indication", "element", "part", "amount", "instance", "case", "question"}
_MODAL_NEG_FRAME = {"can", "could", "will", "would", "go", "able", "want", "prepare", "position", "intend", "plan"}


@dataclass(frozen=True)
class StanceDecision:
    stance: str
    hedged: bool
    cue: str  # the word(s) that decided the stance, for error analysis


def decide_stance(sent: Span, trigger: Trigger, rules: StanceRules) -> StanceDecision:
    doc = sent.doc
    tok = doc[trigger.head]
    words = [t.lower_ for t in sent]
    hedged = _hedged(sent, tok, words, rules)
    cue = _evasion(sent, tok, words, rules)
    if cue:
        return StanceDecision("evade", hedged, cue)
    cue = _condition(sent, tok, words, rules)
    if cue:
        return StanceDecision("conditional", hedged, cue)
    cue = _negation(tok, trigger, rules)
    if cue:
        return StanceDecision("deny", hedged, cue)
    if trigger.topic == "notification":
        cue = _after_the_fact(sent, tok, rules)
        if cue:
            return StanceDecision("deny", hedged, cue)
    return StanceDecision("acknowledge", hedged, "")


# -- evasion -----------------------------------------------------------------
def _evasion(sent: Span, tok: Token, words: list[str], rules: StanceRules) -> str:
    for node in _ancestors_and_self(tok, sent):
        lemma = node.lemma_.lower()
        if lemma in rules.speech_verbs and node.pos_ in ("VERB", "AUX"):
            head = node.head
            if node.dep_ == "xcomp" and head.lemma_.lower() in rules.evasion_frames:
                return f"{head.text} to {node.text}"
            if _negated(node) and _modal_frame(node):
                return f"not {node.text}"
            if node.dep_ == "xcomp" and _negated(head) and (
                head.lemma_.lower() in _MODAL_NEG_FRAME or _modal_frame(head)
            ):
                return f"not {head.text} {node.text}"
        if lemma in rules.evasion_frames and node.i != tok.i:
            # "declined comment", "refused any comment on"
            if any(c.lemma_.lower() in ("comment", "answer", "detail", "elaborate") for c in node.children):
                return node.text
    hit = find_phrase(words, rules.evasion_phrases)
    if hit:
        return " ".join(hit[1])
    return ""


def _modal_frame(node: Token) -> bool:
    for child in node.children:
        if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in _MODAL_NEG_FRAME:
            return True
    head = node.head
    # "not going to get into", "not able to say", "not in a position to confirm"
    return node.dep_ == "xcomp" and head.lemma_.lower() in _MODAL_NEG_FRAME


def _negated(node: Token) -> bool:
    return any(c.dep_ == "neg" for c in node.children)


# -- condition ---------------------------------------------------------------
def _condition(sent: Span, tok: Token, words: list[str], rules: StanceRules) -> str:
    for node in _ancestors_and_self(tok, sent):
        for child in node.children:
            if child.dep_ in ("advcl", "prep") or child.dep_ == "mark":
                mark = _clause_mark(child)
                if mark in rules.condition_marks:
                    return mark
        if node.dep_ == "advcl":
            mark = _clause_mark(node)
            if mark in rules.condition_marks:
                return mark
    hit = find_phrase(words, rules.condition_phrases)
    if hit:
        return " ".join(hit[1])
    return ""


def _clause_mark(clause: Token) -> str:
    if clause.dep_ == "prep":
        return clause.lower_ if clause.lower_ in ("unless", "until") else ""
    if clause.dep_ == "mark":
        return clause.lower_
    for child in clause.children:
        if child.dep_ == "mark":
            # "as long as", "provided that"
            if child.lower_ == "as" and child.i + 2 < len(clause.doc) and clause.doc[child.i - 1].lower_ == "long":
                return "as long as"
            return child.lower_
    return ""


# -- negation ----------------------------------------------------------------
def _negation(tok: Token, trigger: Trigger, rules: StanceRules) -> str:
    """A negation or a denying verb whose scope reaches the trigger."""
    node = tok
    topic = trigger.topic
    for _ in range(12):
        cue = _negation_on(node, rules)
        if cue:
            return cue
        head = node.head
        if head.i == node.i:
            return ""
        dep = node.dep_
        hl = head.lemma_.lower()
        if hl in rules.deny_verbs and dep in ("ccomp", "dobj", "xcomp", "pcomp", "obj"):
            particle = rules.deny_particles.get(hl)
            if not particle or any(c.lower_ == particle for c in head.children):
                if not (hl in ("decline", "refuse") and node.lemma_.lower() in rules.speech_verbs):
                    return head.text
        if dep in _NOUN_MODIFIER:
            node = head
        elif dep == "conj":
            if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in node.children):
                return ""
            node = head
        elif dep in ("xcomp", "acomp"):
            node = head
        elif dep in _ARGUMENT:
            if topic == "strike" and hl not in _STRIKE_SUPPORT and dep != "attr":
                return ""
            node = head
        elif dep == "nsubj":
            if hl not in _EXISTENCE:
                return ""
            node = head
        elif dep == "pobj":
            prep = head
            if prep.lower_ == "without":
                return "without"
            if prep.lower_ == "of" and prep.head.lemma_.lower() in _LIGHT_NOUNS:
                if prep.head.lemma_.lower() in ("lack", "absence"):
                    return f"{prep.head.text} of"
                node = prep.head
            elif prep.lower_ in ("in", "with") and prep.head.pos_ in ("VERB", "AUX") and topic == "cooperation":
                # "did not act in coordination with", "not working with"
                node = prep.head
            else:
                return ""
        elif dep == "ccomp":
            if hl in _NEG_RAISING and _negated(head) and _first_person_subject(head):
                return f"not {head.text}"
            return ""
        else:
            return ""
    return ""


def _negation_on(node: Token, rules: StanceRules) -> str:
    for child in node.children:
        low = child.lower_
        if child.dep_ == "neg" and low in rules.negation | {"not", "n't", "never", "no"}:
            return child.text
        if child.dep_ in ("det", "advmod", "preconj") and low in ("no", "neither", "never", "none", "nor"):
            return child.text
        if child.dep_ == "prep" and low == "without" and node.pos_ in ("VERB", "AUX"):
            continue
    if node.lower_ in ("none", "nothing"):
        return node.text
    return ""


def _first_person_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


# -- notice after the fact ----------------------------------------------------
def _after_the_fact(sent: Span, tok: Token, rules: StanceRules) -> str:
    """A notice given only during or after the action: not an advance notice."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else _governing_verb(tok)
    if verb is None:
        return ""
    for child in verb.children:
        if child.dep_ not in ("prep", "advcl", "advmod", "npadvmod", "mark", "pcomp"):
            continue
        sub = list(child.subtree)
        first = [t.lower_ for t in sub[:3]]
        if any(w in ("after", "afterwards", "afterward", "subsequently") for w in first):
            if "before" not in first:
                return "after"
        if child.lower_ == "later" or "later" in first[:1]:
            return "later"
        if any(w in ("while", "as", "once", "during") for w in first):
            if any(t.lower_ in rules.underway_words or t.lemma_.lower() in rules.underway_words for t in sub):
                return "while underway"
    return ""


def _governing_verb(tok: Token) -> Token | None:
    node = tok
    for _ in range(4):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


# -- hedges ------------------------------------------------------------------
def _hedged(sent: Span, tok: Token, words: list[str], rules: StanceRules) -> bool:
    if find_phrase(words, rules.hedge_phrases):
        return True
    for node in _ancestors_and_self(tok, sent):
        lemma = node.lemma_.lower()
        if lemma in rules.hedge_verbs and node.pos_ in ("VERB", "AUX") and node.i != tok.i:
            return True
        if lemma in rules.belief_verbs and node.i != tok.i and _first_person_subject(node):
            return True
        for child in node.children:
            cl = child.lower_
            if child.dep_ in ("advmod", "npadvmod") and cl in rules.hedge_adverbs:
                return True
            if child.dep_ == "aux" and cl in rules.hedge_modals:
                return True
            if child.dep_ == "amod" and cl in ("alleged", "apparent", "possible", "suspected", "reported", "purported", "likely", "probable"):
                return True
    return False


def _ancestors_and_self(tok: Token, sent: Span):
    yield tok
    for anc in tok.ancestors:
        if anc.i < sent.start or anc.i >= sent.end:
            break
        yield anc
