"""Stance of a claim from the parse: evasion, condition, negation and its scope, hedging.

The decision walks the dependency tree from the trigger upwards. A cue counts
only when the trigger is in its scope: "did not notify us before the strikes"
denies the notice but not the strikes, because the strikes sit in a temporal
adjunct that the negation does not reach. Order of precedence: evade, then
conditional ("no cooperation until they change course" is conditional), then
deny, else acknowledge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import StanceRules, find_phrase
from .participants import COMING_VERBS, SUPPLYING_VERBS
from .topics import ENABLING_VERBS, Trigger

# Relations through which a negation above reaches the trigger.
# who is behind an act: "not responsible for" denies the act (a part in it, "no role in", does not:
# another may have done it)
_RESPONSIBLE = {"responsible", "responsibility", "blame", "culpable", "accountable"}
_NEVER_NOUNS = {"case", "time", "point", "circumstance", "way", "stage", "occasion", "moment", "mean"}
_QUANTIFIERS = {"most", "some", "all", "many", "several", "any", "each", "none", "few", "both", "one", "part"}
_ARGUMENT = {"dobj", "attr", "nsubjpass", "oprd", "dative", "acomp", "obj", "iobj"}
_NOUN_MODIFIER = {"compound", "amod", "nmod", "nummod", "poss"}
# what passes over a channel, and answering it: "has not responded to calls on the hotline"
_MESSAGES = frozenset({"call", "message", "request", "signal"})
_REPLYING = frozenset({"respond", "answer", "reply", "react"})
# asking for something: a negation on the asking reaches what is asked for
_ASKING = frozenset({"ask", "request", "seek", "appeal", "apply", "call"})
# A part taken in something: ending or refusing it ends the part ("suspended its participation in the mechanism")
_TAKING_PART = {"participation", "involvement", "role", "part", "interaction", "contact", "engagement", "membership",
                "presence", "work"}
# Verbs that assert or deny existence: a negation on them negates their subject.
_EXISTENCE = {"be", "exist", "occur", "happen", "take", "come", "emerge", "remain", "begin", "start", "continue", "apply"}
# Support verbs of a strike noun: "did not conduct strikes" denies the strikes,
# "did not condemn the strikes" does not.
_STRIKE_SUPPORT = {
    "conduct", "carry", "launch", "make", "stage", "mount", "order", "authorize", "authorise", "approve",
    "undertake", "execute", "perform", "fly", "have", "see", "observe", "detect", "record", "confirm", "do",
    "plan", "target", "use", "fire", "deliver", "deploy", "include", "involve", "hit",
}
# an auxiliary that can stand for a whole clause ("but they did not"), and what a clause has that
# an elliptic one does not
_ELLIPTIC_AUX = {"do", "be", "have", "can", "could", "will", "would", "should", "may", "might", "must"}
_CLAUSE_CONTENT = {"dobj", "obj", "xcomp", "ccomp", "acomp", "attr", "prep", "oprd", "dative", "advcl", "prt"}
# speech verbs whose negated perfect ("has not confirmed") withholds an answer
_CONFIRMING = {"confirm", "acknowledge", "comment", "say", "specify", "disclose", "reveal", "clarify", "announce"}
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
    words = [t.lower_.replace("\u2019", "'") for t in sent]
    hedged = _hedged(sent, tok, words, rules)
    cue = _evasion(sent, tok, words, rules, trigger.topic)
    if cue:
        return StanceDecision("evade", hedged, cue)
    # an offer the other side turned down is no offer still open
    cue = _turned_down(sent, tok, rules) if trigger.topic != "strike" else ""
    if cue:
        return StanceDecision("deny", hedged, cue)
    cue = _condition(sent, tok, words, rules)
    if cue:
        return StanceDecision("conditional", hedged, cue)
    cue = _negation(tok, trigger, rules) or _falsity(sent, tok, rules) or _answered_no(sent, tok, rules, trigger.topic)
    if cue:
        return StanceDecision("deny", hedged, cue)
    if trigger.topic == "notification":
        cue = _after_the_fact(sent, tok, rules)
        if cue:
            return StanceDecision("deny", hedged, cue)
    return StanceDecision("acknowledge", hedged, "")


_PROPOSING = {"propose", "offer", "suggest", "request", "ask", "invite", "seek", "urge"}


_PROPOSALS = {"proposal", "offer", "request", "suggestion", "invitation", "initiative"}


def _turned_down(sent: Span, tok: Token, rules: StanceRules) -> str:
    """A proposal the other side turned down in the clause beside it: "we proposed that we
    exchange information, but Rome has declined", "Moscow kept offering joint targeting, and
    Washington kept saying no": the cooperation does not happen."""
    found = turned_down(sent, tok, rules)
    if found is None:
        return ""
    answer = found[1]
    return "saying no" if answer.lemma_.lower() == "say" else answer.text


def turned_down(sent: Span, tok: Token, rules: StanceRules, objects: bool = False) -> tuple[Token, Token] | None:
    """The proposal `tok` sits in and the verb that turns it down, as (the proposing word, the
    answer): a clause beside the proposal ("we proposed ..., but Rome has declined", "kept
    offering ..., and Washington kept saying no"); with `objects`, also a verb that takes the
    proposal as its object ("the U.S. side turned down its proposal to exchange information")."""
    for node in list(_ancestors_and_self(tok, sent))[:6]:
        lemma = node.lemma_.lower()
        if objects and lemma in _PROPOSALS and node.pos_ == "NOUN" and node.dep_ in ("dobj", "obj") and (
                node.head.pos_ == "VERB") and not _negated(node.head) and not _tells_past(node):
            verb = node.head
            particle = rules.deny_particles.get(verb.lemma_.lower())
            if (verb.lemma_.lower() in rules.deny_verbs and verb.lemma_.lower() not in rules.ending_words) or (
                    particle and any(c.lower_ == particle for c in verb.children)):
                return node, verb
        if lemma not in _PROPOSING:
            continue
        holders = [node] + ([node.head] if node.dep_ == "xcomp" else [])  # ("kept offering ...")
        answers = [c for h in holders for c in h.children if c.dep_ == "conj"]
        cc = next((c for c in node.children if c.dep_ == "cc" and c.lower_ in ("but", "and")), None)
        if cc is not None and node.head.i != node.i:  # (the parser may hang the answer beside the proposal)
            answers += [c for c in node.head.children if c.dep_ in ("ccomp", "conj") and c.i > cc.i]
        for answer in answers:
            verb = next((x for x in answer.children if x.dep_ == "xcomp"), None) or answer  # ("kept saying no")
            lemma = verb.lemma_.lower()
            if lemma == "say" and any(c.lower_ == "no" and c.dep_ in ("intj", "dobj", "obj") for c in verb.children):
                return node, verb
            if lemma in rules.deny_verbs and lemma not in rules.ending_words and not _negated(verb) and not any(
                    c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in verb.children):
                return node, verb  # (elliptical: what is declined is the proposal)
        return None
    return None


def _tells_past(noun: Token) -> bool:
    """A suggestion or a report of what was done ("rejected the suggestion that we coordinated with
    Iran"): a claim, not a proposal, whatever its noun."""
    return any(c.dep_ in ("acl", "ccomp") and _past(c) and any(m.lower_ == "that" for m in c.children)
               for c in noun.children)


# -- evasion -----------------------------------------------------------------
def _hands_over_notice(verb: Token, rules: StanceRules) -> bool:
    """A verb whose object is a notice ("did not provide information about the time of the
    test", "gave no warning"): a notice verb in all but name."""
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in rules.scope_barriers | rules.advance_barriers for c in verb.children)


def _act_barrier(node: Token, rules: StanceRules, topic: str) -> bool:
    """A notice (or, for a strike, a coordination) that an evasion or a denial above it is about, not
    the act inside it: "would not say whether Moscow was told of the strikes", "refused to say whether
    the strikes had been coordinated"."""
    lemma = node.lemma_.lower()
    return lemma in rules.notice_verbs or lemma in rules.scope_barriers or (topic == "strike" and lemma in rules.joint_verbs)


# prepositions that set an act as a time ("since the attack", "after the strikes")
_DATING_PREPS = frozenset({"since", "after", "following", "before", "until", "during"})


def _evasion(sent: Span, tok: Token, words: list[str], rules: StanceRules, topic: str = "") -> str:
    """Declining to confirm or deny, with the trigger in the frame's scope or the sentence
    built around the frame ("As for the route, I'm not going to get into that").

    A strike inside an evaded notice is not evaded ("would not say whether Moscow was told
    of the strikes": the strikes happened), and withholding details of something confirmed
    in a clause of its own ("confirmed the strikes but did not provide any details") evades
    the details, not the strikes."""
    path = list(_ancestors_and_self(tok, sent))
    joined = next((i for i, n in enumerate(path) if n.dep_ == "conj"), None)
    if joined is not None:  # "did not specify X but said ... the attack": a coordinated clause is no scope
        path = path[: joined + 1]
    stop = None
    if topic == "strike":
        stop = next((i for i, n in enumerate(path) if i and (_act_barrier(n, rules, topic) or _hands_over_notice(n, rules))),
                    None)
        if stop is None and tok.dep_ == "pobj" and tok.head.lower_ in _DATING_PREPS:
            stop = 1  # "whether Moscow had used the hotline since the attack": the attack dates what is asked
        path = path[:stop] if stop is not None else path
    asked = _asked_about(path)
    if asked is not None:
        return _answer_evades(sent, asked, rules)
    cue = _under_review(path, rules)
    if cue:
        return cue
    cue = _evasion_frame(path, tok, rules)
    if cue:
        return cue
    if topic == "strike" and stop is not None:
        return ""
    around = [t for t in sent if _main_clause(t) and t.i != tok.i and not _withholds_details(t, rules)]
    cue = _evasion_frame(around, tok, rules)
    if cue:
        return cue
    hit = find_phrase(words, rules.evasion_phrases)
    if hit and _set_against(sent[hit[0]], tok):
        return ""  # "I'd refer you to the Pentagon for details, but my understanding is there was no warning"
    return " ".join(hit[1]) if hit else ""


def _under_review(path: list[Token], rules: StanceRules) -> str:
    """Reports of the act itself under review, not confirmed: "reviewing the reports of an
    airstrike", "investigating the claims that its jets struck", "looking into reports of a strike";
    not reports of what came of it ("aware of reports alleging casualties from the strike": a noun
    between them)."""
    for i, node in enumerate(path):
        if i and node.pos_ == "NOUN" and node.lemma_.lower() in rules.report_nouns:
            governor = node.head.head if node.head.dep_ == "prep" else node.head
            if governor.lemma_.lower() in rules.review_words and governor.i != node.i:
                return f"{governor.text} {node.text}"
            return ""
        if i and node.pos_ in ("NOUN", "PROPN"):
            return ""
    return ""


def _set_against(phrase_start: Token, tok: Token) -> bool:
    """A "but" or "yet" after the evading phrase, on its clause, before the trigger: what follows
    is said apart from the evasion."""
    verb = phrase_start
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return phrase_start.i < tok.i and any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") and phrase_start.i < c.i < tok.i for c in verb.children)


def _main_clause(tok: Token) -> bool:
    """The sentence's root or a verb it chains to ("I'm not going to be able to comment"); not a
    clause coordinated beside the claim's ("said X had helped, but declined to discuss specifics")."""
    chain = _frame_chain(tok)
    return (chain[-1] if chain else tok).dep_ == "ROOT"


def _asked_about(path: list[Token]) -> Token | None:
    """The question the trigger sits in: "..., Peskov said, when asked if Israel had notified
    Russia", "Asked whether Moscow was told, the spokesman said ..."; the trigger is what the
    official was asked about, and the answer decides the stance."""
    for node in path[1:]:
        if node.lemma_.lower() == "ask" and node.tag_ == "VBN" and node.dep_ in ("advcl", "acl", "conj") and not any(
                c.dep_ in ("nsubj", "aux") for c in node.children) and _a_question(node):
            return node
    return None


def _a_question(asked: Token) -> bool:
    """"asked whether/if ...", "asked about ...": a question, not a request ("asked to coordinate")."""
    return any(t.lower_ in ("whether", "if", "about") for t in asked.subtree if t.i > asked.i) and not any(
        c.dep_ == "xcomp" for c in asked.children)


def _addresses(answer: list[Token], asked: Token) -> bool:
    """The answer takes up the question's own verbs or nouns ("said Israel had notified Moscow")."""
    asked_words = {t.lemma_.lower() for t in asked.subtree if t.pos_ in ("VERB", "NOUN") and t.i != asked.i}
    return any(t.lemma_.lower() in asked_words for t in answer if t.pos_ in ("VERB", "NOUN"))


def _answer_evades(sent: Span, asked: Token, rules: StanceRules) -> str:
    """The answer to a question about the trigger: one that addresses it only by ellipsis
    ("said it had", "said it had not") leaves the stance to the negation; any other answer
    ("We don't comment on private conversations", "Our staffs keep up a dialogue") does not
    address what was asked, and evades it."""
    question = {t.i for t in asked.subtree}
    answer = [t for t in sent if t.i not in question and not t.is_punct]
    roots = [t for t in answer if t.dep_ in ("ROOT", "ccomp", "xcomp", "parataxis")]
    cue = _evasion_frame(roots, asked, rules)
    if cue:
        return cue
    hit = find_phrase([t.lower_ for t in answer], rules.evasion_phrases)
    if hit:
        return " ".join(hit[1])  # "No comment."
    if any(t.lemma_.lower() in ("know", "aware") and _negated(t) for t in answer):
        return "did not know"
    if _elliptic(answer, rules) or _addresses(answer, asked) or any(t.lower_ in ("yes", "confirmed") for t in answer):
        return ""  # "said it had", "said yes", "said Israel had notified Moscow": the answer gives the stance
    return "when asked"


def _elliptic(answer: list[Token], rules: StanceRules) -> bool:
    content = [t for t in answer if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and t.lemma_.lower() not in rules.speech_verbs
               and t.dep_ not in ("nsubj",)]
    return len(content) <= 1


def _answered_no(sent: Span, tok: Token, rules: StanceRules, topic: str = "") -> str:
    """"Asked whether Moscow had been told, the spokesman said it had not": the short answer denies."""
    path = list(_ancestors_and_self(tok, sent))
    asked = _asked_about(path)
    if asked is None:
        return ""
    if any(_act_barrier(n, rules, topic) for n in path[1 : path.index(asked)]):
        return ""  # "asked whether Moscow was told of the raid ... had not": the raid still happened
    question = {t.i for t in asked.subtree}
    answer = [t for t in sent if t.i not in question and not t.is_punct]
    if find_phrase([t.lower_ for t in answer], rules.evasion_phrases):
        return ""
    if not (_elliptic(answer, rules) or _addresses(answer, asked)):
        return ""
    return next((t.text for t in answer if t.lower_ in ("not", "n't", "never", "no")), "")


def _withholds_details(verb: Token, rules: StanceRules) -> bool:
    """"did not provide any details", "did not specify their timing": details withheld."""
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in rules.info_nouns for c in verb.children) or (
        verb.lemma_.lower() in ("specify", "detail", "elaborate"))


def _evasion_frame(nodes, tok: Token, rules: StanceRules) -> str:
    for node in nodes:
        lemma = node.lemma_.lower()
        if lemma in ("go", "get") and not any(c.lower_ in ("into", "ahead") for c in node.children):
            continue  # "go into", "get into", "get ahead of" are speech; "won't be going to the area" is not
        if lemma in _LABELLING and any(c.dep_ == "prep" and c.lower_ == "as" and c.left_edge.i <= tok.i <= c.right_edge.i
                                       for c in node.children):
            continue  # "would not characterize it as coordination" refuses the label: no evasion, a denial
        if lemma in rules.speech_verbs and node.pos_ in ("VERB", "AUX") and node.i != tok.i and not _details_of(node, rules):
            # (a speech verb that is itself the trigger is the act: "did not disclose the preparations" denies it)
            head = node.head
            if node.dep_ == "xcomp" and head.lemma_.lower() in rules.evasion_frames:
                return f"{head.text} to {node.text}"
            withheld = lemma not in rules.info_verbs or any(
                c.lemma_.lower() in rules.info_nouns and c.i != tok.i for c in node.children if c.dep_ in ("dobj", "obj"))
            # (information that is itself the claim is denied, not withheld: "did not provide
            # information about the test" is no notice given)
            if _negated(node) and _modal_frame(node) and withheld:
                return f"not {node.text}"  # ("did not give details", not "did not give an OK to the operation")
            if _negated_subject(node) and withheld:
                return f"no one {node.text}"  # "neither Damascus nor Tehran acknowledged the strike"
            if node.dep_ == "xcomp" and _negated(head) and (
                head.lemma_.lower() in _MODAL_NEG_FRAME or _modal_frame(head)
            ):
                return f"not {head.text} {node.text}"
            chain = _frame_chain(node) if node.dep_ == "xcomp" else []
            if withheld and any(_negated(t) for t in chain) and any(t.lemma_.lower() in _MODAL_NEG_FRAME for t in chain):
                return f"not {chain[-1].text} {node.text}"  # "we are not going to be able to comment on"
        if lemma in rules.speech_verbs and node.dep_ == "pcomp" and node.head.lower_ == "without" and node.i != tok.i:
            return f"without {node.text}"  # "Without confirming that Israel was behind the attacks, ..."
        if lemma in rules.evasion_frames and node.i != tok.i:
            # "declined comment", "refused any comment on"
            if any(c.lemma_.lower() in ("comment", "answer", "detail", "elaborate") for c in node.children):
                return node.text
    return ""


# verbs that ask another to act ("asked Pyongyang to cancel the launch", "urged Moscow to end its support")
_REQUESTING = frozenset({"ask", "urge", "call", "demand", "press", "request", "appeal", "implore", "push", "want"})
# verbs that put a label on something ("characterize it as coordination", "describe the talks as cooperation")
_LABELLING = frozenset({"characterize", "characterise", "describe", "call", "term", "label", "qualify", "classify", "see",
                        "regard", "view", "consider"})


def _frame_chain(verb: Token) -> list[Token]:
    """The verbs and adjectives a complement hangs from, up to its clause's head ("going to be
    able to comment": able, be, going)."""
    chain, node = [], verb
    while node.dep_ in ("xcomp", "acomp") and node.head.i != node.i and len(chain) < 4:
        node = node.head
        chain.append(node)
    return chain


def _details_of(verb: Token, rules: StanceRules) -> bool:
    """"declined to specify where the meeting was held": details of something confirmed, not
    whether it happened ("would not specify whether Moscow was told" stays an evasion)."""
    if verb.lemma_.lower() not in rules.detail_verbs:
        return False
    words = {t.lower_ for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj") for t in c.subtree}
    return not words & {"whether", "if"}


def _modal_frame(node: Token) -> bool:
    for child in node.children:
        if child.dep_ in ("aux", "auxpass") and child.lemma_.lower() in _MODAL_NEG_FRAME:
            return True
        if child.dep_ == "aux" and child.lemma_.lower() == "have" and node.lemma_.lower() in _CONFIRMING:
            return True  # "has not confirmed its participation", "have not acknowledged the strike"
        if child.dep_ == "aux" and child.lemma_.lower() == "do" and (
                child.tag_ in ("VBP", "VBZ") or node.lemma_.lower() not in ("get", "go")):
            return True  # "we don't comment on", "Israel does not confirm such missions", "did not say"
            # (not "did not get a heads-up": "get"/"go" evade only as "get into" a subject)
    head = node.head
    # "not going to get into", "not able to say", "not in a position to confirm"
    return node.dep_ == "xcomp" and head.lemma_.lower() in _MODAL_NEG_FRAME


def _negated(node: Token) -> bool:
    return any(c.dep_ == "neg" for c in node.children)


def _elliptic_denial(aux: Token, clause: Token | None = None) -> bool:
    """A negated auxiliary standing for the clause before it (`clause`, when the parser hangs
    that clause on it): "..., but we did not", "Although Kazakhstan joined, Russia did not"."""
    return aux.lemma_.lower() in _ELLIPTIC_AUX and _negated(aux) and not any(
        c.dep_ in _CLAUSE_CONTENT and c != clause for c in aux.children)


def _but_did_not(verb: Token) -> bool:
    """The clause of `verb` followed by "but/yet <subject> did not" and nothing more, however the
    parser hangs the elliptic clause ("we could have shot it down, but we did not")."""
    doc, end = verb.doc, verb.sent.end
    for tok in doc[verb.i + 1 : end]:
        if tok.lower_ in ("but", "yet") and tok.dep_ == "cc":
            aux = next((t for t in doc[tok.i + 1 : min(tok.i + 5, end)] if t.lemma_.lower() in _ELLIPTIC_AUX), None)
            # the negated auxiliary ends its clause: "did not" and a comma, a full stop, or the end
            return aux is not None and _elliptic_denial(aux) and (aux.i + 2 >= len(doc) or doc[aux.i + 2].is_punct)
        if tok.pos_ == "VERB" and tok.dep_ != "conj" and tok.head != verb:
            return False  # another clause before any "but"
    return False


def _negated_subject(verb: Token) -> bool:
    """"Neither Damascus nor Tehran acknowledged ...", "no official confirmed ...", "nobody commented"
    (an active subject: "no civilians are assessed to have been hurt" is no one withholding)."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("nobody", "none", "no-one"):
                return True
            if any(g.dep_ in ("det", "preconj") and g.lower_ in ("no", "neither") for g in child.children):
                return True
    return False


# -- condition ---------------------------------------------------------------
def _condition(sent: Span, tok: Token, words: list[str], rules: StanceRules) -> str:
    """A condition on the clause that holds the trigger.

    The condition must modify the trigger's own clause (or one above it): a
    trigger inside the "if" clause is the premise, not what is offered ("if we
    mistakenly struck a position, we regret it" admits the strike). "until" on a
    past-tense clause is time, not a condition ("said nothing until they called").
    """
    for node in _ancestors_and_self(tok, sent):
        if node.dep_ == "advcl" and clause_mark(node) == "if" and _asks_whether(node.head):
            break  # "could not confirm if Baku had notified Moscow": whether, not a condition
        if node.dep_ == "advcl" and clause_mark(node) in rules.condition_marks:
            # the trigger sits in the premise: conditional only when the main clause
            # offers or foresees ("If they give us notice, we'd take it")
            if _offer(node.head) and clause_mark(node) in ("if", "provided", "providing"):
                return clause_mark(node)
            if node.head.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
                return clause_mark(node)  # "That is, if Hanoi informs Beijing in advance.": no main clause it premises
            break
        for child in node.children:
            if child.dep_ in ("advcl", "prep") or (child.dep_ == "mark" and node.i != tok.i):
                mark = clause_mark(child)
                if mark == "while" and child.dep_ == "advcl" and not (child.i == tok.i or child.is_ancestor(tok)) and any(
                        c.dep_ == "aux" and c.lemma_.lower() in ("will", "would") for c in node.children) and any(
                        c.dep_ == "neg" for c in node.children) and any(
                        c.dep_ in ("nsubj", "nsubjpass") for c in child.children):  # (the lemma: "won't" is "wo" and "n't")
                    return mark  # "would not cooperate with Russia while it backed Assad": refused for as long as
                    # (not "will consult while he is in Brussels": a time; nor "will not take part, while
                    # underscoring ...": a participle of the same speaker's, no state of another's)
                if mark == "until" and child.dep_ == "prep" and _a_time(child):
                    continue  # "will continue until Friday", "until further notice": a time, no condition
                # (a past reported in a past: "said New Delhi saw no prospect of talks until Pakistan ended ...";
                # not a past knowing or telling of the act: "no one knew about the raid until it was over")
                if mark == "until" and _past(node) and node.i != tok.i and (
                        node.lemma_.lower() in rules.notice_verbs or node.lemma_.lower() in _KNOWING):
                    continue
                if mark in rules.condition_marks and not (mark == "until" and _past(node) and node.dep_ != "ccomp"):
                    if mark in ("if", "provided", "providing") and not _offer(node):
                        continue  # "if the strike was caused by ..., then it is ...": an inference
                    if mark == "if" and child.dep_ == "advcl" and _asks_whether(node):
                        continue  # "cannot say if they will strike": whether
                    if mark == "if" and child.lemma_.lower() in ("confirm", "verify", "true", "accurate", "correct"):
                        continue  # "which, if confirmed, would ...": a hedge on the report, no condition
                    return mark
    if tok.dep_ == "xcomp" and tok.pos_ == "VERB" and _lemma_in(tok.head, rules.wish_verbs) and not _negated(tok.head):
        return f"{tok.head.text} to"  # "wanted to talk to Tehran" (not "do not intend to supply": refused)
    obliged = _obliged(tok, rules)
    if obliged:
        return obliged
    possible = _said_possible(tok, rules) or _prerequisite(tok, sent, rules) or _right_held(tok, rules)
    if possible:
        return possible
    hoped = _hoped_for(tok, sent, rules)
    if hoped:
        return hoped
    if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in rules.offer_verbs and not _negation_on(tok.head, rules):
        # "offered Turkish help in facilitating talks": an offer not yet taken up (one never made,
        # "in no case have we offered help", is denied)
        return tok.head.text
    if _any_such(tok, sent, rules):
        return "any"  # "any attack on Iran will have consequences", "any provision of equipment": none happened
    if _against_any(tok):
        return "any"  # "air defences will intercept any aircraft that enters the zone"
    for node in _ancestors_and_self(tok, sent):
        if node.head.lemma_.lower() in rules.ready_words and (node.dep_ == "xcomp" or (node.dep_ == "acl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children))):
            return f"{node.head.text} to"  # "is prepared to share information", "its readiness to help": not yet done
        if node.head.lemma_.lower() in rules.ready_words and node.dep_ == "prep" and node.lower_ in ("to", "for") and (
                node.head.pos_ == "ADJ"):
            return f"{node.head.text} {node.lower_}"  # "open to dialogue", "ready for talks"
        if node.pos_ in ("VERB", "AUX") and node.i != tok.i:
            break
    hit = find_phrase(words, rules.condition_phrases)
    if hit and _in_clause_beside(sent[hit[0]], tok):
        clause = tok if tok.pos_ in ("VERB", "AUX") else (_governing_verb(tok) or tok)
        if _negated(clause):
            # "does not coordinate with Russia and that any arrangement would require ...": a condition in
            # another clause does not make a denial an offer
            return ""
        if _THREAT_WORDS & set(hit[1]) and _past(clause):
            # "we informed Congress before the strikes, and I will not hesitate to ...": an act done, and
            # beside it a threat of what is to come (an offer beside it may still be about the act: "have
            # reduced our support and are prepared to adjust it")
            return ""
    if hit and hit[1][:2] == ("as", "soon") and any(_past(n) for n in _ancestors_and_self(tok, sent) if n.pos_ in ("VERB", "AUX")):
        return ""  # "halted the strikes as soon as the Russians raised concerns": a time, in the past
    if hit and any(tok.is_ancestor(sent[hit[0] + k]) and w in rules.ready_words for k, w in enumerate(hit[1])):
        return ""  # readiness told of what the act is against: "struck missiles that were prepared to launch"
    if hit and hit[1] == ("otherwise",) and hit[0] > 0 and words[hit[0] - 1] not in _CLAUSE_OPENERS:
        return ""  # "any suggestion otherwise is false", "said otherwise": no clause of its own ("Otherwise, ...")
    if hit and not (hit[1][:2] == ("as", "long") and hit[0] > 0 and words[hit[0] - 1] == "for"):
        return " ".join(hit[1])  # (not "for as long as it is necessary": a time)
    return ""


# the words of a condition phrase that make it a threat ("will not hesitate to", "will be met with")
_THREAT_WORDS = frozenset({"hesitate", "met"})
# words after which "otherwise" opens a clause of its own ("..., or otherwise they will ...")
_CLAUSE_OPENERS = frozenset({",", ";", ":", "-", "—", "–", "and", "or", "but", "\"", "“"})


def _in_clause_beside(word: Token, tok: Token) -> bool:
    """`word` sits in a clause coordinated below the trigger's own ("we do not coordinate with them
    and that any deal would require ..."), not in the trigger's clause or one above it."""
    node = word
    while node.head.i != node.i and node.i != tok.i:
        head = node.head
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and (head.i == tok.i or head.is_ancestor(tok)):
            return True
        node = head
    return False


# verbs that make or settle what "should" be done: a proposal or an agreement that is itself the act
_SETTLING = {"propose", "suggest", "urge", "recommend", "demand", "insist", "agree", "decide", "ask", "request"}


def _came_to_an_end(verb: Token, rules: StanceRules) -> bool:
    """A verb saying its subject ended or lies unused, not negated: "ended", "collapsed", "broke down", "went
    unanswered"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ not in ("VERB", "AUX") or _negated(verb):
        return False
    if any(c.dep_ in ("acomp", "oprd") and c.lower_ in rules.unused_states for c in verb.children):
        return True  # "the hotline went unanswered"
    if lemma in rules.ending_words:
        return not any(c.dep_ in ("dobj", "obj") for c in verb.children)  # (not "ended its support": that denies the object)
    particle = rules.ceasing_verbs.get(lemma)
    return particle is not None and (not particle or any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children))


def _obliged(tok: Token, rules: StanceRules) -> str:
    """The trigger's clause says what should or must be done ("the data should be shared", "exercises must
    be notified in advance"): a demand or a rule, not an act. Not a past one missed ("should have told us"),
    nor one refused ("must not be shared"), which negation decides."""
    clause = tok if tok.pos_ in ("VERB", "AUX") else _governing_verb(tok)
    if clause is None or _negated(clause) or (clause is not tok and tok.head is not clause):
        return ""  # (not "the agreement on advance notice must be followed": a noun deeper in what must be done)
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in _SETTLING:
        return ""  # "proposed that the two countries should agree to ...": the proposal is made
    auxes = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    modal = next((c for c in auxes if c.lower_ in rules.obliging_modals), None)
    if modal is None or any(c.lemma_.lower() == "have" and c.i > modal.i for c in auxes):
        return ""
    return modal.text


def _prerequisite(tok: Token, sent: Span, rules: StanceRules) -> str:
    """The trigger is what a condition is "for" ("create the necessary conditions for dialogue", "a
    prerequisite for cooperation"), or what may follow only once conditions are met ("conditions must
    be met before contacts resume"): not yet done. Not what the condition's own clause says happens
    ("an end to the shelling is a prerequisite for ...")."""
    for node in _ancestors_and_self(tok, sent):
        if node.dep_ == "pobj" and node.head.lower_ == "for" and node.head.head.lemma_.lower() in rules.prerequisite_nouns:
            return f"{node.head.head.text} for"
        if node.dep_ == "advcl" and clause_mark(node) in ("before", "until") and node.head.lemma_.lower() == "meet" and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in rules.prerequisite_nouns for c in node.head.children):
            return f"met {clause_mark(node)}"
        if node.pos_ in ("VERB", "AUX") and node.i != tok.i and node.dep_ != "advcl":
            break
    return ""


def _right_held(tok: Token, rules: StanceRules) -> str:
    """A right to act that is kept in reserve ("reserves the right to respond", "maintains the right to
    retaliate if the truce is broken"): a threat, nothing done yet."""
    right = tok.head
    if tok.dep_ not in ("acl", "xcomp") or right.lemma_.lower() != "right" or right.dep_ not in ("dobj", "obj", "appos"):
        return ""
    verb = right.head
    if verb.lemma_.lower() not in rules.reserving_verbs or _negated(verb):
        return ""
    return f"{verb.text} the right"


def _said_possible(tok: Token, rules: StanceRules) -> str:
    """The subject of "is possible" ("cooperation with NATO is possible in principle"), or what "the door"
    is to when it "remains open" ("the door to talks with Tehran remains open"): not done yet."""
    subject = tok
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.lemma_.lower() == "door":
        subject = tok.head.head
    if subject.dep_ != "nsubj":
        return ""
    verb = subject.head
    if _negated(verb):
        return ""
    adjective = next((c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in rules.possible_words), None)
    if adjective is None or (adjective.lemma_.lower() == "open" and subject.lemma_.lower() != "door"):
        return ""  # ("open" of a door only: "the channel is open" is a channel at work)
    return f"{verb.text} {adjective.text}"


def _a_time(prep: Token) -> bool:
    """A preposition's object that is a time: a date, or a word of time ("further notice", "the end
    of the year"; not "the end of the occupation")."""
    for g in prep.children:
        if g.dep_ != "pobj":
            continue
        if g.ent_type_ in ("DATE", "TIME") or g.lemma_.lower() in _TIME_NOUNS:
            return True
        if g.lemma_.lower() == "end":
            return any(p.lower_ == "of" and any(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in _TIME_NOUNS
                                                for o in p.children) for p in g.children)
    return False


_TIME_NOUNS = frozenset({"notice", "time", "moment", "day", "week", "month", "year", "date", "now", "then",
                         "midnight", "noon", "morning", "evening", "night", "deadline", "expiry"})


# Verbs after which "if" asks whether ("could not confirm if", "did not know if", "asked if")
_WHETHER_VERBS = frozenset({"know", "ask", "check", "verify", "wonder", "see", "determine", "establish", "investigate",
                            "decide", "sure", "clear", "unclear", "certain", "aware", "say", "confirm", "comment",
                            "disclose", "reveal", "specify", "clarify", "answer", "explain", "indicate", "speculate"})


def _asks_whether(verb: Token) -> bool:
    """A verb after which "if" asks whether; of those that also take a thing as object, not one with
    an object of its own ("a hotline could be established if both sides agree": a condition; "asked
    Moscow if it was told" still asks)."""
    lemma = verb.lemma_.lower()
    return lemma in _WHETHER_VERBS and (lemma not in _ALSO_MAKING or not any(
        c.dep_ in ("dobj", "obj") or (c.dep_ == "nsubjpass" and c.lower_ != "it") for c in verb.children))


# Whether-verbs that also make or settle a thing ("established a hotline", "determined the route")
_ALSO_MAKING = frozenset({"establish", "determine", "decide", "check", "see"})


def _lemma_in(verb: Token, lemmas: frozenset[str]) -> bool:
    """The verb's lemma is one of `lemmas`, also where the lemmatizer cut a past tense's
    "e" with its "d" ("hoped" -> "hop")."""
    return verb.lemma_.lower() in lemmas or (verb.tag_ in ("VBD", "VBN") and verb.lower_[:-1] in lemmas)


_FUTURE = {"will", "would", "'ll"}
_FORESEEING = _FUTURE | {"should", "could", "can"}


def _hoped_for(tok: Token, sent: Span, rules: StanceRules) -> str:
    """A clause someone hopes or wishes will happen is not done yet: "I would hope that Moscow
    would join us", "we hope they will not use the data to strike". The hoped-for clause must
    look ahead (a modal), so "we hope the strike hit the depot" stays what it says."""
    for node in _ancestors_and_self(tok, sent):
        if node.dep_ == "prep" and node.lower_ == "by":
            return ""  # the means of what is hoped for is done ("we hope that by inviting observers we can ...")
        if node.dep_ == "ccomp" and node.pos_ in ("VERB", "AUX"):
            if _lemma_in(node.head, rules.wish_verbs) and any(
                    c.dep_ == "aux" and c.lower_ in _FORESEEING for c in node.children):
                return f"{node.head.text} that"
            return ""
    return ""


def _foreseen(tok: Token) -> bool:
    """The clause governing `tok` speaks of what will or would be ("will respond to every attack")."""
    verb = _governing_verb(tok)
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)


def _any_such(tok: Token, sent: Span, rules: StanceRules) -> bool:
    """A trigger noun with "any" in a clause that is neither negated nor a question nor a
    condition's premise: what is spoken of is hypothetical ("any attack will be met", "the
    consequences of any such provision")."""
    if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and (c.lower_ == "any" or (c.lower_ == "every" and _foreseen(tok)))
                                     for c in tok.children):
        return False  # (or "every" in what will be: "will respond to every attack"; not "every strike hit its target")
    if sent.text.rstrip().endswith("?") or any(t.lower_ in ("whether", "if") for t in sent):
        return False
    if any(t.dep_ == "neg" or t.lower_ in ("no", "never", "nor", "neither", "without", "none", "nothing", "nobody") for t in sent):
        return False  # ("did not carry out any strikes")
    return not any(node.lemma_.lower() in rules.deny_verbs or node.lemma_.lower() in rules.deny_nouns
                   for node in _ancestors_and_self(tok, sent))  # ("denied any coordination")


def _against_any(verb: Token) -> bool:
    """A coming act against whatever comes ("will intercept any aircraft in the zone", "would
    target any vessel that ..."): a threat, none done yet. Not negated ("will not strike any
    civilian site" denies)."""
    if verb.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(c.dep_ in ("dobj", "obj") and any(d.dep_ == "det" and d.lower_ == "any" for d in c.children)
               for c in verb.children)


_OFFER_WORDS = {"ready", "willing", "open", "prepared", "possible", "able", "welcome", "consider", "continue",
                "resume", "stop", "halt", "end", "begin", "start", "happen", "hold", "remain", "table"}


def _offer(node: Token) -> bool:
    """A clause that offers, threatens or foresees (modal, future, or 'ready'/'willing')."""
    for n in [node, *node.ancestors]:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "could", "can", "may", "might", "shall", "'ll", "should", "must") for c in n.children):
            return True
        if n.lemma_.lower() in _OFFER_WORDS or any(c.lemma_.lower() in _OFFER_WORDS and c.dep_ in ("acomp", "xcomp") for c in n.children):
            return True
        if n.tag_ == "VB" and n.dep_ == "ROOT":
            return True  # imperative
    return False


def _past(verb: Token) -> bool:
    if verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ not in ("would", "could", "should", "might") for c in verb.children)


def clause_mark(clause: Token) -> str:
    """The word that opens a clause as a condition, a time or a contrast ("if", "provided", "as
    long as", "while"), or ""."""
    if clause.dep_ == "prep":
        if clause.lower_ in ("provided", "providing") and any(c.dep_ in ("ccomp", "advcl") for c in clause.children):
            return "provided"  # "..., provided that the airspace is respected"
        return clause.lower_ if clause.lower_ in ("unless", "until") else ""
    if clause.dep_ == "mark":
        return clause.lower_
    if clause.lemma_.lower() == "provide" and clause.lower_ == "provided" and any(c.dep_ in ("ccomp", "advcl") for c in clause.children):
        return "provided"  # "..., provided that the airspace is respected", parsed as a verb
    for child in clause.children:
        if child.dep_ == "mark":
            # "as long as", "provided that"
            if child.lower_ == "as" and child.i + 2 < len(clause.doc) and clause.doc[child.i - 1].lower_ == "long":
                return "as long as"
            return child.lower_
        if child.dep_ in ("ccomp", "advcl") and child.lower_ == "provided":
            return "provided"
    first = clause.doc[clause.left_edge.i]
    if clause.dep_ == "advcl" and first.dep_ in ("aux", "auxpass") and first.lower_ in ("should", "were") and (
            first.head.i == clause.i and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in clause.children)):
        return "if"  # "Should the militia continue its attacks, ...": a condition told by the order of its words
    return ""


def _left(prep: Token, rules: StanceRules) -> str:
    """A verb of leaving or removal whose "from", "off" or "out of" the trigger's phrase hangs on:
    "withdrew from the arrangement", "pulled out of the joint patrols", "were removed from the
    joint schedule"."""
    verb = prep.head
    if prep.lower_ == "of":  # "pulled out of": "out" a particle, or the preposition "of" hangs on
        if verb.lower_ == "out":
            verb = verb.head
        elif not any(c.lower_ == "out" for c in verb.children):
            return ""
    elif prep.lower_ not in ("from", "off"):  # ("their jets were taken off the joint flight schedule")
        return ""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.leaving_verbs or _negated(verb):
        return ""
    return f"{verb.text} {prep.lower_}"


# -- negation ----------------------------------------------------------------
def _negation(tok: Token, trigger: Trigger, rules: StanceRules) -> str:
    """A negation or a denying verb whose scope reaches the trigger."""
    first = tok.doc[trigger.start]
    if first.lemma_.lower() in rules.negative_triggers or first.lower_ in rules.negative_triggers:
        if first.lower_ == "without" and _double_negative(first):
            return ""  # "never strikes without warning Russia first": always with a warning
        return first.text  # "unannounced exercises"
    if _non_prefixed(first):
        return "non-"  # "Moscow's non-involvement in the strikes", "non-cooperation"
    cue = (_negated_noun_phrase(tok.doc[trigger.start], rules) or _negation_phrase_before(tok.doc[trigger.start], rules)
           or _deny_noun_before(tok.doc[trigger.start], rules))
    topic = trigger.topic
    if cue and topic == "strike" and cue.split()[-2:] == ["aware", "of"] and _advance_in(tok.sent):
        return ""  # "the U.S. was not aware of the strike in advance": the notice is denied, the strike happened
    if cue:
        return "" if topic == "strike" and cue.lower() in rules.ending_words else cue  # ("a halt to strike")
    node = tok
    for _ in range(12):
        cue = _negation_on(node, rules)
        if cue:
            return cue
        head = node.head
        if head.i == node.i:
            return ""
        dep = node.dep_
        if dep in ("dobj", "obj") and head.dep_ in ("advcl", "oprd", "xcomp", "acomp", "ccomp") and any(
                c.lower_ == "as" for c in head.children) and head.head.lemma_.lower() in rules.deny_verbs:
            head = head.head  # "rejected as false the claim that ...": the parser hung the object on "false"
        hl = head.lemma_.lower()
        if hl in rules.deny_verbs and dep in ("ccomp", "dobj", "xcomp", "pcomp", "obj", "nsubjpass"):
            particle = rules.deny_particles.get(hl)
            if not particle or any(c.lower_ == particle for c in head.children):
                if _negated(head):
                    return ""  # "was not ruled out", "did not reject": no denial
                if topic == "strike" and hl in rules.breaking_words:
                    return ""  # "violated its airspace to carry out the attack": the attack took place
                if topic == "strike" and hl in rules.ending_words:
                    return ""  # "failed to stop the attacks", "to halt the hostilities": they took place
                if topic == "strike" and hl in rules.objecting_verbs:
                    return ""  # "opposes the strikes": a view of them, which took place or are planned
                if head.dep_ == "xcomp" and head.head.lemma_.lower() in _REQUESTING:
                    return ""  # "asked Pyongyang to cancel the launch": asked for, not done; the act stands
                if not (hl in ("decline", "refuse") and node.lemma_.lower() in rules.speech_verbs):
                    return head.text
        particle = next((c for c in head.children if c.dep_ == "prt" and c.lower_ in ("off", "out")
                         and not (c.lower_ == "out" and hl == "take")), None)  # ("took out" destroys)
        if dep in ("dobj", "obj") and hl in rules.leaving_verbs and particle is not None and not _negated(head):
            # "were taken off the joint flight schedule", "pulled out the liaison team" (the particle parsed apart)
            return "" if topic == "strike" else f"{head.text} {particle.lower_}"
        if dep in _NOUN_MODIFIER:
            node = head
        elif dep == "conj":
            if any(c.dep_ == "cc" and c.lower_ == "nor" and c.i < node.i for c in head.children):
                return "nor"  # "was not involved, nor did it coordinate with"
            if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in node.children):
                return ""
            if any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children if c.i < node.i):
                return ""  # "did not have any warning but spoke to his counterpart"
            if node.tag_ == "VBD" and any(c.dep_ in ("aux", "auxpass") for c in head.children):
                # "lines do not exist and urged the allies to give weapons": a past verb shares no auxiliary, so
                # no negation, with the one before (a clause of its own the parser joined to it)
                return ""
            node = head
        elif dep in ("xcomp", "acomp", "acl") and head.lemma_.lower() in rules.deny_nouns:
            return "" if topic == "strike" and hl in rules.ending_words else head.text
        elif dep == "acl" and hl in rules.wish_nouns and head.pos_ == "NOUN":
            node = head  # "no agreement to conduct joint strikes": what is (not) agreed
        elif dep in ("pobj", "pcomp") and head.lower_ in ("about", "regarding", "concerning") and (
                head.head.pos_ == "NOUN" and head.head.lemma_.lower() in rules.falsity_predicates):
            return head.head.text  # "the disinformation about the alleged shelling", "lies about our role"
        elif dep == "pcomp" and head.lower_ == "without":
            # "without relying on their support", "without consulting Ankara"; not "would not act without consulting"
            return "" if _double_negative(head) else "without"
        elif dep == "pcomp" and head.lower_ == "from" and head.head.lemma_.lower() in rules.deny_verbs:
            return head.head.text  # "refrained from shooting down the drone"
        elif dep == "pcomp" and head.lower_ in ("of", "about") and head.head.lemma_.lower() in rules.falsity_claims:
            node = head.head  # "rebutted the allegations of firing rockets": the allegations are what is rejected
        elif dep in ("acl", "ccomp", "relcl") and hl in rules.falsity_claims and (head.pos_ == "NOUN" or head.dep_ in ("dobj", "obj")) and any(
            c.lower_ == "that" and (c.dep_ == "mark" or (c.dep_ in ("dobj", "obj") and c.i == node.left_edge.i))
            for c in node.children
        ):
            # "dismissed reports that it had coordinated ...": the reports are what is rejected (a "that" the
            # parser took for the clause's object opens it all the same: "rejected the suggestion that we ...")
            node = head
        elif dep == "advcl" and topic != "strike" and hl in SUPPLYING_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            node = head  # "denied claims that it sent troops to help Russia": what is sent for a purpose, with it
        elif dep == "relcl" and topic != "strike" and head.pos_ == "NOUN" and _provided_under(node):
            node = head  # "there is no arrangement under which Manila gives Beijing notice": none is given under it
        elif dep == "relcl" and head.lower_ in ("nothing", "anything") and node.lemma_.lower() == "do":
            node = head  # "had nothing to do with the strike", "did not have anything to do with it"
        elif dep == "relcl" and (claim := _claim_of_source(node, head, rules)) is not None:
            # "denied a claim from a senator that Sweden warned Norway": the clause is the claim's, the
            # parser hung it on the source
            node = claim
        elif dep in ("xcomp", "acomp"):
            if hl == "hesitate":
                return ""
            if topic == "strike" and hl in ENABLING_VERBS and head.pos_ in ("VERB", "AUX"):
                return ""  # "is not encouraging Ukraine to launch strikes": the help is denied, not the strikes
            node = head
        elif dep in _ARGUMENT:
            if topic == "strike" and hl not in _STRIKE_SUPPORT and dep != "attr" and hl not in rules.negated_content_verbs:
                return ""
            if head.lemma_.lower() == "hesitate":
                return ""  # "would not hesitate to strike" is no denial
            node = head
        elif dep == "nsubj":
            if topic != "strike" and _came_to_an_end(head, rules):
                return head.text  # "coordination with the coalition had broken down", "the talks collapsed"
            if hl not in _EXISTENCE:
                return ""
            node = head
        elif dep == "prep" and node.lower_ in ("of", "in", "on") and hl in rules.deny_nouns and head.pos_ == "NOUN":
            # a trigger phrase that opens with its preposition ("a pause [in cooperation]")
            return "" if topic == "strike" and hl in rules.ending_words else f"{head.text} {node.lower_}"
        elif dep == "pobj":
            prep = head
            if prep.lower_ == "without":
                return "" if _double_negative(prep) else "without"
            if prep.lower_ == "as" and prep.head.lemma_.lower() in rules.deny_verbs and not _negated(prep.head) and (
                    node.lemma_.lower() in rules.falsity_claims):
                return prep.head.text  # "dismissed as baseless claims that ...": the claims are rejected
            if prep.lower_ == "against" and prep.head.lemma_.lower() == "be" and not _negated(prep.head):
                return "against"  # "we are against air strikes from our territory", "Moscow is against joint patrols"
            left = _left(prep, rules)
            if left:
                return "" if topic == "strike" else left
            if prep.lower_ in ("of", "in", "on") and prep.head.lemma_.lower() in rules.deny_nouns:
                if topic == "strike" and prep.head.lemma_.lower() in rules.ending_words:
                    return ""  # "the cessation of the shelling": it took place
                return f"{prep.head.text} {prep.lower_}"  # "failure of", "a pause in intelligence sharing"
            if prep.lower_ == "of" and topic != "notification" and _barrier(prep.head, rules):
                return ""  # "no notice of the strike": the notice is denied, not the strike
            if prep.lower_ == "of" and (prep.head.pos_ in ("NOUN", "PROPN", "PRON") or prep.head.lower_ in _QUANTIFIERS and prep.head.dep_ in ("dobj", "obj")):
                node = prep.head  # ("denied most of the reported attacks")
            elif prep.lower_ == "behind" and prep.head.pos_ in ("VERB", "AUX"):
                node = prep.head  # "were not behind the attacks"
            elif prep.lower_ == "to" and prep.head.lemma_.lower() in rules.negated_content_verbs:
                node = prep.head  # "did not amount to coordination"
            elif prep.lower_ == "as" and prep.head.lemma_.lower() in _LABELLING:
                node = prep.head  # "I would not characterize it as coordination": the label refused
            elif prep.lower_ == "for" and prep.head.lemma_.lower() in _RESPONSIBLE:
                node = prep.head  # "is not responsible for the strike", "denied responsibility for"
            elif prep.lower_ in ("about", "of", "over") and prep.head.lemma_.lower() in rules.falsity_claims:
                node = prep.head  # "dismissed the accusations about Iran's role in the attacks"
            elif topic != "strike" and prep.lower_ in ("in", "with", "within", "under") and prep.head.pos_ == "NOUN" and (
                    prep.head.lemma_.lower() in _TAKING_PART) and prep.head.dep_ in ("dobj", "obj", "nsubjpass"):
                node = prep.head  # "halted its participation in the deconfliction mechanism": the part taken is ended
            elif topic != "strike" and prep.lower_ in ("within", "under") and prep.head.pos_ == "VERB" and (
                    prep.head.lemma_.lower() in rules.ending_words) and any(
                    c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _TAKING_PART for c in prep.head.children):
                # "halted all interactions within the framework of the memorandum"
                return "" if _negated(prep.head) else prep.head.text
            elif prep.lower_ in ("for", "on") and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in rules.wish_nouns:
                # "no proposal for a joint investigation", "no plans for joint patrols", "no agreement on
                # the use of the airspace"
                node = prep.head
            elif prep.lower_ == "on" and prep.head.lemma_.lower() in ("rely", "depend", "count") and topic == "cooperation":
                node = prep.head  # "without relying on American support"
            elif prep.lower_ in ("in", "with") and prep.head.pos_ in ("VERB", "AUX") and topic == "cooperation":
                # "did not act in coordination with", "not working with"
                node = prep.head
            elif prep.lower_ == "to" and prep.head.lemma_.lower() in COMING_VERBS and topic == "cooperation":
                node = prep.head  # "did not come to Yerevan's assistance"
            elif prep.lower_ in ("on", "over", "through", "via") and prep.head.lemma_.lower() in _MESSAGES and topic == "cooperation":
                node = prep.head  # "calls on the hotline": what is (not) answered is the line's use
            elif prep.lower_ == "to" and prep.head.lemma_.lower() in _REPLYING and topic == "cooperation":
                node = prep.head  # "has not responded to calls on the hotline"
            elif prep.lower_ == "for" and prep.head.lemma_.lower() in _ASKING and topic == "cooperation":
                node = prep.head  # "we did not ask for their permission", "never appealed for Russian help"
            elif topic == "notification" and prep.head.pos_ in ("VERB", "AUX") and (
                (prep.lower_ == "with" and prep.head.lemma_.lower() in rules.supply_verbs)
                or (prep.lower_ == "to" and prep.head.lemma_.lower() in rules.assent_verbs)
            ):
                node = prep.head  # "failed to provide Latvia with the information", "never agreed to prior notification"
            else:
                return ""
        elif dep == "ccomp":
            if node.i < head.i:
                return ""  # ("we were informed before it began, but to be clear: we were not involved": a
                # clause before the verb is no content of that verb's, whatever the parser hung it on)
            if hl in _NEG_RAISING and _negated(head) and _first_person_subject(head):
                return f"not {head.text}"
            if (hl in rules.negated_content_verbs or hl in ENABLING_VERBS) and _negated(head):
                return f"not {head.text}"  # ("does not mean ...", "we did not help them strike the bridge")
            if (hl in ENABLING_VERBS or hl == "let") and head.dep_ == "xcomp" and (
                    head.head.lemma_.lower() in ("refuse", "decline")) and not _negated(head.head):
                return head.head.text  # "refused to let the United States use the base"
            return ""
        elif dep == "advcl" and _elliptic_denial(head, node):
            return "did not"  # "Although Kazakhstan joined the exercise, Russia did not."
        else:
            return ""
    return ""


def _claim_of_source(clause: Token, noun: Token, rules: StanceRules) -> Token | None:
    """The report noun a "that" clause belongs to when the parser made it a relative clause of the
    report's source ("a claim from a senator that ..."): a clause with its own subject, opened
    by "that", on the object of "from"/"by" after a report noun; or None."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) or not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in ("from", "by") and prep.head.lemma_.lower() in rules.falsity_claims:
        return prep.head
    return None


def _non_prefixed(first: Token) -> bool:
    """A trigger written with the prefix "non-" (the tokenizer splits it off)."""
    if first.lower_.startswith("non-"):
        return True
    doc = first.doc
    return first.i >= 2 and doc[first.i - 1].text == "-" and doc[first.i - 2].lower_ == "non" and not (
        doc[first.i - 2].whitespace_ or doc[first.i - 1].whitespace_)


def _double_negative(without: Token) -> bool:
    """"without" under a negated clause ("never strikes without warning", "no exercise is held
    without notice", "cannot defend itself without striking"): the two negations cancel."""
    clause = without.head
    for _ in range(3):
        if clause.pos_ in ("VERB", "AUX"):
            break
        if clause.head.i == clause.i:
            break
        clause = clause.head
    if any(c.dep_ == "neg" or c.lower_ in ("never", "nobody", "none") for c in clause.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ == "det" and g.lower_ in ("no", "neither")
               for g in c.children) for c in clause.children)


def _deny_noun_before(first: Token, rules: StanceRules) -> str:
    """"the unwillingness of the Turkish side to coordinate": a denying noun whose infinitive the
    parser attached elsewhere, read from the words (the noun, an "of" phrase, "to", the verb)."""
    doc = first.doc
    if first.pos_ not in ("VERB", "AUX") or first.i < 2 or doc[first.i - 1].lower_ != "to":
        return ""
    i = first.i - 2
    while i >= max(first.sent.start, first.i - 8):
        tok = doc[i]
        if tok.lemma_.lower() in rules.deny_nouns and tok.pos_ == "NOUN":
            return tok.text
        if tok.pos_ not in ("DET", "ADJ", "NOUN", "PROPN") and tok.lower_ != "of":
            return ""
        i -= 1
    return ""


def _hyphened(tok: Token) -> bool:
    """The first part of a hyphenated word ("no-sail zones", "a no-strike list"), not a negation
    ("no-one" is one)."""
    doc = tok.doc
    return not tok.whitespace_ and tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "\u2010", "\u2011") and (
        doc[tok.i + 2].lower_ not in ("one", "body"))


def _negated_noun_phrase(first: Token, rules: StanceRules) -> str:
    """"no [coalition] airstrikes", "no prior notice": a negative determiner in front of
    the trigger, with only modifiers between (robust to a misattached determiner)."""
    doc = first.doc
    i = first.i - 1
    steps = 0
    while i >= 0 and steps < 4:
        tok = doc[i]
        if tok.lower_ in ("no", "neither") and tok.pos_ in ("DET", "PRON", "ADV", "INTJ") and not _hyphened(tok):
            return tok.text
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN", "NUM", "ADV", "PUNCT") or tok.text in (",", ";", ":"):
            return ""
        i -= 1
        steps += 1
    return ""


def _barrier(noun: Token, rules: StanceRules) -> bool:
    """A notice noun whose negation stays with it ("no advance knowledge of the strike")."""
    lemma = noun.lemma_.lower()
    if lemma in rules.scope_barriers:
        return True
    return lemma in rules.advance_barriers and any(
        c.dep_ in ("amod", "compound") and c.lower_ in ("advance", "prior", "early", "forward") for c in noun.children
    )


_IN_ADVANCE = re.compile(r"\b(?:in advance|beforehand|ahead of time)\b", re.IGNORECASE)


def _advance_in(sent: Span) -> bool:
    """The sentence speaks of knowing or telling ahead: "in advance", "beforehand", "ahead of time"
    (not "ahead of the talks")."""
    return _IN_ADVANCE.search(sent.text) is not None


def _negation_phrase_before(first: Token, rules: StanceRules) -> str:
    """A negating phrase of the lexicon right before the trigger ("lack of coordination",
    "no intention of coordinating", "not aware of any notice", "not aware of any Israeli
    notification"), determiners, adjectives and names aside."""
    doc = first.doc
    sent_start = first.sent.start
    end = first.i
    while end > sent_start and first.i - end < 3 and (doc[end - 1].pos_ in ("DET", "ADJ", "NUM", "PROPN") or (
            doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= first.i)) and doc[end - 1].lower_ != "no":
        end -= 1  # (and a noun the trigger's head compounds: "not aware of any coalition strikes")
    phrases = rules.negation_phrases
    if not phrases:
        return ""
    # the words before, read once (not a Span per phrase)
    longest = max(len(phrase) for phrase in phrases)
    before = tuple(doc[i].lower_ for i in range(max(sent_start, end - longest), end))
    for phrase in phrases:
        if len(phrase) <= len(before) and before[len(before) - len(phrase):] == phrase:
            return " ".join(phrase)
    return ""


def _negation_on(node: Token, rules: StanceRules) -> str:
    if node.pos_ not in ("AUX",):
        # "no coalition airstrikes": the determiner may hang off a compound modifier
        for left in node.lefts:
            if left.dep_ in ("compound", "amod", "nmod"):
                for g in left.children:
                    if g.dep_ in ("det", "neg") and g.lower_ in ("no", "neither", "never") and not _hyphened(g):
                        return g.text
    for child in node.children:
        low = child.lower_
        if child.dep_ == "neg" and (low in rules.negation | {"not", "n't", "never", "no"} or child.norm_ == "not"):
            if low == "never" and _comparative_complement(node):
                continue  # "cooperation has never been closer": as close as it has ever been
            return child.text
        if child.dep_ == "advmod" and child.i < node.i:  # "did not at all provide": the parser hangs "not" on "at"
            neg = next((g for g in child.children if g.dep_ == "neg" and g.lower_ in ("not", "n't", "never")), None)
            if neg is not None:
                return neg.text
        if child.dep_ in ("det", "advmod", "preconj") and low in ("no", "neither", "never", "none", "nor") and not _hyphened(child):
            return child.text
        if child.dep_ in ("dobj", "obj") and low in ("nothing", "none") and node.lemma_.lower() in (
                rules.notice_verbs | rules.supply_verbs):
            return child.text  # "the villagers were told nothing", "provided nothing": no notice given
        if child.dep_ == "prep" and low == "without" and node.pos_ in ("VERB", "AUX"):
            continue
        if child.dep_ == "prep" and node.pos_ in ("VERB", "AUX") and _never_phrase(child):
            return f"{low} no"  # "in no case have we offered", "at no time did they notify"
    never = next((g for a in node.children if a.dep_ in ("aux", "auxpass") for g in a.children
                  if g.dep_ == "prep" and _never_phrase(g)), None) if node.pos_ in ("VERB", "AUX") else None
    if never is not None:
        return f"{never.lower_} no"  # "At no time did Moscow inform Warsaw": the phrase the parser hangs on "did"
    first = node.sent[0]
    if first.lower_ in ("nor", "neither") and first.i < node.i and node.pos_ in ("VERB", "AUX") and (
            first.head.i == node.i or (first.head.dep_ in ("aux", "auxpass") and first.head.head.i == node.i)):
        return first.text  # "Nor will we be working with the regime", "Neither did Moscow inform us": it denies
    if node.lower_ in ("none", "nothing"):
        return node.text
    if node.pos_ == "VERB" and (any(c.dep_ == "conj" and _elliptic_denial(c) for c in node.children) or _but_did_not(node)):
        return "did not"  # "we could have shot it down, but we did not"
    if node.lemma_.lower() in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in node.children) and any(
            c.dep_ == "xcomp" for c in node.children):
        return "yet to"  # "has yet to notify its neighbours", "is yet to respond": not so far
    if node.pos_ in ("VERB", "AUX"):
        # "no civilian buildings had been hit", "nobody informed us"
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in ("nobody", "none", "nothing", "no-one"):
                    return child.text
                if any(g.dep_ == "det" and g.lower_ in ("no", "neither") for g in child.children) and not (
                        child.dep_ == "nsubj" and any(g.lower_ in ("other", "else") for g in child.children)):
                    return "no"  # (not "no other country could have done it": someone did)
                if any(g.dep_ == "preconj" and g.lower_ == "neither" for g in child.children):
                    return "neither"  # "neither Moscow nor Minsk has applied the measures"
                if _not_one(child):
                    return "not"  # "not a single soldier took part", "not one jet"
    return ""


def _provided_under(clause: Token) -> bool:
    """A relative clause of what a framework provides: "under which", "by which", "through which", "whereby"."""
    return any((c.dep_ == "prep" and c.lower_ in ("under", "by", "through") and any(g.lower_ == "which" for g in c.children))
               or (c.lower_ == "whereby" and c.dep_ == "advmod") for c in clause.children)


def _not_one(noun: Token) -> bool:
    """A subject counted as none: "not a single soldier", "not one jet" (not "not only the US but also ...",
    "not a few countries")."""
    words = [*noun.children, *(g for c in noun.children if c.dep_ in ("nummod", "amod", "det") for g in c.children)]
    doc = noun.doc
    return any(g.dep_ == "neg" and g.lower_ == "not" and (
        doc[g.i + 1 : g.i + 2].text.lower() in ("one", "single") or doc[g.i + 1 : g.i + 3].text.lower() == "a single")
        for g in words)


def _comparative_complement(node: Token) -> bool:
    """"has never been stronger", "never been more important": a superlative, not a negation."""
    return any(c.dep_ in ("acomp", "attr", "advmod") and (c.tag_ in ("JJR", "RBR") or any(g.lower_ == "more" for g in c.children))
               for c in node.children)


def _never_phrase(prep: Token) -> bool:
    """"in no case", "at no time", "under no circumstances", "at no point", "in no way"
    (not "in no time", which means quickly)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and any(g.dep_ == "det" and g.lower_ == "no" for g in obj.children) and (
        obj.lemma_.lower() in _NEVER_NOUNS) and not (prep.lower_ == "in" and obj.lemma_.lower() == "time")


def _first_person_subject(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def _falsity(sent: Span, tok: Token, rules: StanceRules) -> str:
    """"Claims that coalition aircraft struck the hospital are false": the report is denied; not an act
    a notice in it was about ("the claim that Jordan had warned Israel of the attack is baseless": the
    attack happened)."""
    for anc in _ancestors_and_self(tok, sent):
        if anc.i != tok.i and _act_barrier(anc, rules, ""):
            return ""
        if anc.lemma_.lower() not in rules.falsity_claims:
            continue
        word = called_false(anc, rules.falsity_predicates)
        if word:
            return word
    # the parse of such sentences is often wrong: fall back to their surface shape,
    # "<claims> that ... <trigger> ... are/is [adverb] <false>"
    lowered = [t.lemma_.lower() for t in sent]
    for i, lemma in enumerate(lowered[:-1]):
        if lemma in rules.falsity_claims and sent[i + 1].lower_ == "that" and sent.start + i < tok.i:
            if any(_act_barrier(t, rules, "") for t in sent[i + 2 : tok.i - sent.start]):
                return ""  # ("the claim that Jordan warned Israel of the attack is false")
            for t in sent[tok.i - sent.start + 1 :]:
                if t.lemma_.lower() in rules.falsity_predicates and t.pos_ in ("ADJ", "NOUN") and t.head.lemma_ == "be":
                    return t.text
    return ""


def called_false(claim: Token, predicates: frozenset[str]) -> str:
    """The word that calls a claim noun false, its subject's predicate ("claims that ... are false",
    "the claim that ... is fabricated"), or ""."""
    if claim.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    verb = claim.head
    if claim.dep_ == "nsubjpass" and verb.lower_ in predicates:
        return verb.text
    return next((c.text for c in verb.children if c.dep_ in ("acomp", "attr", "oprd") and c.lemma_.lower() in predicates), "")


# -- notice after the fact ----------------------------------------------------
def _after_the_fact(sent: Span, tok: Token, rules: StanceRules) -> str:
    """A notice given only during or after the action, or too late to be one ("just minutes
    before the start of hostilities"): not an advance notice."""
    hit = find_phrase([t.lower_ for t in sent], rules.too_late)
    if hit:
        return " ".join(hit[1])
    verb = tok if tok.pos_ in ("VERB", "AUX") else _governing_verb(tok)
    if verb is None or (verb is not tok and tok.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in rules.speech_verbs):
        return ""  # "the warning was later confirmed by the spokesman": when it was spoken of, not given
    children = list(verb.children)
    if verb.dep_ in ("ccomp", "relcl") and verb.head.pos_ in ("VERB", "NOUN"):
        # "told the panel that India informed Pakistan after the strikes": the parser may hang the
        # "after" clause that follows the notice on the verb that reports it
        reporter = verb.head if verb.head.pos_ == "VERB" else verb.head.head
        children += [c for c in reporter.children if c.i > verb.i and c.dep_ in ("advcl", "prep")]
    for child in children:
        if child.dep_ not in ("prep", "advcl", "advmod", "npadvmod", "pcomp"):
            continue  # (not the notice's own "after": "struck after Delhi had informed Islamabad" came after it)
        sub = list(child.subtree)
        first = [t.lower_ for t in sub[:3]]
        at = next((i for i, w in enumerate(first) if w in ("after", "afterwards", "afterward", "subsequently")), None)
        if at is not None:
            # (what follows the word tells whether it is a time or the act: "after midnight"; "several hours
            # after it had begun")
            if "before" not in first and not _clock_time(sub[at + 1 :]):
                return "after"
        if (child.lower_ == "later" or "later" in first[:1]) and not _deadline(child):
            return "later"
        if any(w in ("while", "as", "once", "during") for w in first):
            clause = " " + " ".join(t.lower_ for t in sub) + " "
            if any(f" {w} " in clause for w in rules.underway_words) or any(
                t.lemma_.lower() in rules.underway_words for t in sub
            ):
                return "while underway"
    return ""


def _deadline(later: Token) -> bool:
    """"no later than 42 days before the exercise": a deadline, not a notice after the fact."""
    word = later if later.lower_ == "later" else next((t for t in later.subtree if t.lower_ == "later"), later)
    doc = word.doc
    before = doc[word.i - 1].lower_ if word.i > 0 else ""
    after = doc[word.i + 1].lower_ if word.i + 1 < len(doc) else ""
    return before in ("no", "not") and after == "than"


_TIME_WORDS = {"midnight", "noon", "dawn", "dusk", "morning", "evening", "night", "hour", "minute", "day", "week",
               "month", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
               "sunday", "meeting", "talk", "call", "briefing"}


def _clock_time(tokens: list[Token]) -> bool:
    """"after midnight", "after the meeting": a time, not the action the notice was about."""
    return any(t.lemma_.lower() in _TIME_WORDS or t.like_num for t in tokens[:4])


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
        # "the reports of two hospitals being struck": what is reported, not said (the parse puts
        # the trigger under "reports of", or makes "reports of ..." its subject)
        of = _reports_of(node)
        if node.i != tok.i and of is not None and of.is_ancestor(tok):
            return True
        if node.i == tok.i and any(c.dep_ in ("nsubj", "nsubjpass") and _reports_of(c) is not None for c in node.children):
            return True
        if lemma in rules.belief_verbs and node.i != tok.i and _first_person_subject(node) and not _to_the_audience(node):
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


def _reports_of(noun: Token) -> Token | None:
    """The "of" of "reports of ...", if `noun` is that."""
    if noun.lemma_.lower() != "report" or noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)


def _to_the_audience(belief: Token) -> bool:
    """"I think you all know that ...", "I think many of you are aware": what the audience
    knows is not hedged by the speaker's "I think"."""
    # the words between "I think" and the "that" of what is known (robust to how "aware" is parsed)
    between = []
    for t in belief.doc[belief.i + 1 : belief.sent.end]:
        if t.lower_ == "that" or t.dep_ == "mark" or len(between) > 8:
            break
        between.append(t)
    return any(t.lower_ == "you" for t in between) and any(t.lemma_.lower() in _KNOWING for t in between)


_KNOWING = {"know", "aware", "recall", "remember", "understand"}  # ("I think you will see more strikes" stays hedged)


def _ancestors_and_self(tok: Token, sent: Span):
    yield tok
    for anc in tok.ancestors:
        if anc.i < sent.start or anc.i >= sent.end:
            break
        yield anc
