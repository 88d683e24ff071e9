"""The `press_claims` spaCy component and its `Doc._` extensions.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("press_claims")          # after the parser and NER
    doc = nlp(text)
    doc._.claims                           # list[Claim]

It composes with any English pipeline that has a parser, lemmatizer and NER.
Document metadata (id, date, source) and, for a Doc holding only part of a
document, its offset travel in `doc._.press_context` (a DocumentContext).

With a `detector` (a model from `nlp-tools train GOLD --task detector`), a
topic the detector proposes for a sentence and the rules did not find becomes
a claim too, every field of it decided by the rules (see `detection.py`);
each claim's `detector` field says who found it: "rules", "model", or "both".
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from pathlib import Path

import numpy as np
from spacy.attrs import IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .. import __version__
from ..structure import (
    RANK_MARK_WORDS,
    StructureRules,
    analyse,
    dateline_end,
    dateline_only,
    default_rules,
    ends_like_caption,
)
from .actors import ActorDictionary
from .attribution import Attribution, Attributor, describes_speaker, opened_apart
from .context import DocumentContext
from .detection import Detector
from .lexicon import AttributionRules, PartyRules, StanceRules, TopicRules
from .participants import find_participants, untold_side
from .parties import PartyNamer
from .record import TOPICS, Claim, DocumentClaims
from .roles import name_role_speakers
from .stance import decide_stance, turned_down
from .topics import LOOKBACK, Trigger, _group, _ruled_out, answered_act, find_triggers

EXTRACTOR_VERSION = f"rules-{__version__}"
_TIME_MARKS = {"since", "after", "before", "when", "once", "until", "while", "as"}
_TIME_PREPS = {"after", "since", "following", "during", "amid"}


def register_extensions() -> None:
    """Doc/Span extensions used by the component (idempotent)."""
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)
    if not Doc.has_extension("press_context"):
        Doc.set_extension("press_context", default=None)
    if not Span.has_extension("claims"):
        Span.set_extension("claims", getter=_span_claims)


def _span_claims(span: Span) -> list[Claim]:
    ctx = span.doc._.press_context
    base = ctx.base_offset if ctx else 0
    lo, hi = base + span.start_char, base + span.end_char
    return [c for c in (span.doc._.claims or []) if c.start_char < hi and c.end_char > lo]


@Language.factory(
    "line_sentences",
    default_config={"structure": None, "title_tokens": True},
)
def make_line_sentences(nlp: Language, name: str, structure: str | None, title_tokens: bool):
    """A sentence starts after every line break (turns, headings and datelines stay apart),
    and never right after a title abbreviation before a name ("Capt. Jeff Davis").

    With `title_tokens`, the tokenizer also keeps each title abbreviation with its full
    stop as one token, as it already does for "Gen." and "Dr.": split in two ("Capt", "."),
    the full stop reads as the end of a sentence and the title as its subject.
    """
    rules = _structure_rules(structure)
    titles = rules.title_abbreviations
    if title_tokens:
        add_title_tokens(nlp, titles)
        add_whole_words(nlp, rules.whole_words)
        add_passive_participles(nlp, rules.passive_participles)
        add_name_norms(nlp, rules.name_norms)
    return LineSentences(titles)


def add_title_tokens(nlp: Language, titles) -> None:
    """Tokenizer special cases for "Capt." and "CAPT." (those it does not know already)."""
    known = nlp.tokenizer.rules or {}
    for title in titles:
        for form in {f"{title}.", f"{title.upper()}."}:
            if form not in known:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])


def add_whole_words(nlp: Language, words: dict[str, str]) -> None:
    """Hyphenated words kept whole ("co-operation", "Co-ordination"): tokenizer special cases,
    and, through the model's attribute ruler (which the lemmatizer does not overwrite), the
    lemma of the unhyphenated spelling, so that every rule reads "cooperation"."""
    known = nlp.tokenizer.rules or {}
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    for word, lemma in words.items():
        for form in {word, word[:1].upper() + word[1:]}:
            if form not in known:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        if ruler is not None:
            ruler.add([[{"LOWER": word.lower()}]], {"LEMMA": lemma})


def add_name_norms(nlp: Language, norms: dict[str, str]) -> None:
    """A name spelled like a common word ("IS") read by the model as the word it stands for
    ("isil"), through a tokenizer special case that sets its norm; its text is unchanged."""
    for name, norm in norms.items():
        nlp.tokenizer.add_special_case(name, [{ORTH: name, NORM: norm}])


_BE_FORMS = ["be", "is", "are", "was", "were", "been", "being", "'s", "’s", "'re", "’re"]


def add_passive_participles(nlp: Language, participles: dict[str, str]) -> None:
    """A participle of telling tagged as an adjective after a form of "be" ("were timely informed
    about") becomes, through the attribute ruler, the verb it is, with the verb's lemma."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if ruler is None or not participles:
        return
    for word, lemma in participles.items():
        # (the ruler runs before the lemmatizer and sets POS itself: match the surface and the tag;
        # no quantifiers, which the fast path's ruler does not take: with one adverb or none)
        be, participle = {"LOWER": {"IN": _BE_FORMS}}, {"LOWER": word.lower(), "TAG": "JJ"}
        verb = {"LEMMA": lemma, "POS": "VERB", "TAG": "VBN"}
        ruler.add([[be, participle]], verb, index=1)
        ruler.add([[be, {"TAG": {"IN": ["RB", "RBR", "RBS"]}}, participle]], verb, index=2)


class LineSentences:
    """Sentence starts set before the parser, which keeps them.

    At line breaks and after a dateline ("MOSCOW, Oct. 2 (AP) - ") a sentence
    starts; right after a title abbreviation ("Capt.", "Lt. Col.", "Amb.") followed
    by a capitalised word none does, so "Pentagon spokesman Capt. Jeff Davis said
    ..." stays one sentence with its speaker. The abbreviations come from
    `structure.yaml` (`sentences.title_abbreviations`).
    """

    def __init__(self, titles=()):
        self.titles = frozenset(t.lower().rstrip(".") for t in titles)
        # the tokenizer keeps some as one token ("Gen.", "Dr."), splits others ("Capt", ".")
        self._title_ids = np.array(sorted({hash_string(t) for t in self.titles} | {hash_string(t + ".") for t in self.titles}), dtype="uint64")
        self._dot = hash_string(".")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        _line_starts(doc)
        _join_names(doc)
        if len(self._title_ids):
            self._join_titles(doc)
        return doc

    def _join_titles(self, doc: Doc) -> None:
        lower = doc.to_array(LOWER)
        for i in np.flatnonzero(np.isin(lower, self._title_ids)):
            i = int(i)
            tok = doc[i]
            if tok.text.endswith("."):
                nxt = i + 1
            elif i + 1 < len(doc) and lower[i + 1] == self._dot and not tok.whitespace_:
                nxt = i + 2
            else:
                continue  # "Gen" without its full stop is a word
            if nxt >= len(doc) or not tok.text[:1].isupper():
                continue
            after = doc[nxt]
            if after.text == "(" and nxt + 2 < len(doc) and doc[nxt + 1].lower_.rstrip(".") in RANK_MARK_WORDS:
                # "Lt. Gen. (retd) Arvind Mehra": the mark and the name after it are the rank's
                close = nxt + 2 + (doc[nxt + 2].text == ".")
                if close + 1 < len(doc) and doc[close].text == ")" and doc[close + 1].text[:1].isupper():
                    for inner in doc[nxt : close + 2]:
                        inner.is_sent_start = False
                continue
            if after.text[:1].isupper() and "\n" not in doc[nxt - 1].whitespace_:
                after.is_sent_start = False



def _join_names(doc: Doc) -> None:
    """No sentence starts between two proper nouns on one line with only a space between them:
    the parser would otherwise cut "Vladimir | Putin held talks" after a dateline."""
    tags = doc.to_array(TAG)
    for i in np.flatnonzero((tags[1:] == _NNP) & (tags[:-1] == _NNP)):
        before, tok = doc[int(i)], doc[int(i) + 1]
        if before.whitespace_ == " " and tok.is_sent_start is None:
            tok.is_sent_start = False


_NNP = hash_string("NNP")


def _line_starts(doc: Doc) -> None:
    """Sentence starts at line breaks and after a dateline ("MOSCOW, Oct. 2 (AP) - ")."""
    text = doc.text
    space = doc.to_array(IS_SPACE)
    # the first token, and every token that is not space right after a space token holding a line break
    firsts = [0] + [int(i) + 1 for i in space[:-1].nonzero()[0] if not space[i + 1] and "\n" in doc[int(i)].text]
    for i in firsts:
        tok = doc[i]
        if tok.i > 0:
            tok.is_sent_start = True
        end = text.find("\n", tok.idx)
        line = text[tok.idx : end if end >= 0 else len(text)]
        cut = dateline_end(line)
        if cut:
            body = doc.char_span(tok.idx + cut, tok.idx + cut + 1, alignment_mode="expand")
            if body is not None and body.start > tok.i:
                doc[body.start].is_sent_start = True
                for inner in doc[tok.i + 1 : body.start]:
                    inner.is_sent_start = False


def _structure_rules(path: str | Path | None) -> StructureRules:
    if path:
        from ..resources import load_yaml

        return StructureRules(load_yaml(path))
    return default_rules()


@Language.factory(
    "press_claims",
    default_config={"topics": None, "stance": None, "attribution": None, "actors": [], "structure": None,
                    "detector": None, "detector_threshold": None},
)
def make_press_claims(
    nlp: Language,
    name: str,
    topics: str | None,
    stance: str | None,
    attribution: str | None,
    actors: list[str],
    structure: str | None,
    detector: str | None,
    detector_threshold: float | None,
):
    return PressClaims(nlp, name, topics=topics, stance=stance, attribution=attribution, actors=actors, structure=structure,
                       detector=detector, detector_threshold=detector_threshold)


# how a target hangs from the act that hits it: "strikes against missiles", "struck the depot of the militia"
_TARGET_PATH = frozenset({"dobj", "pobj", "prep", "conj", "appos"})


class PressClaims:
    """Finds claims about notifications, strikes and cooperation in a parsed Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str = "press_claims",
        topics: str | Path | None = None,
        stance: str | Path | None = None,
        attribution: str | Path | None = None,
        actors: list[str | Path] | None = None,
        structure: str | Path | None = None,
        detector: str | Path | None = None,
        detector_threshold: float | None = None,
    ):
        register_extensions()
        self.name = name
        self.detector = Detector(detector, detector_threshold) if detector else None
        self.version = _rules_version([topics, stance, attribution, structure, *(actors or [])], self.detector)
        self._nlp = nlp  # the detector's segment features read its lemmatizer, on first use
        self._features = None
        self.topic_rules = TopicRules.load(topics)
        self.stance_rules = StanceRules.load(stance)
        self.attribution_rules = AttributionRules.load(attribution)
        self.actors = ActorDictionary.load(list(actors or []))
        self.structure_rules = _structure_rules(structure) if structure else StructureRules()
        self.parties = PartyNamer(self.actors, PartyRules.load(), titles=self.structure_rules.title_words)
        # "told Reuters" reports speech: an outlet is an audience, never the one notified
        self.topic_rules = replace(self.topic_rules, outlets=self.actors.outlet_names())

    def __call__(self, doc: Doc) -> Doc:
        ctx = doc._.press_context
        if ctx is None:
            ctx = DocumentContext()
            doc._.press_context = ctx
        if ctx.full_text is None and ctx.base_offset == 0:
            ctx.full_text = doc.text  # read once: Doc.text joins every token
        if ctx.structure is None:
            ctx.structure = analyse(ctx.full_text if ctx.full_text is not None else doc.text, ctx.title, self.structure_rules)
        if self.detector is not None and ctx.detector_scores is None:
            if ctx.full_text is not None:
                ctx.detector_scores = self.segment_scores(ctx.full_text, ctx.structure)
            else:  # a part of a document given without the whole: its own text, at its offset
                ctx.detector_scores = self.segment_scores(doc.text, ctx.structure, ctx.base_offset)
        claims = list(self.extract(doc, ctx))
        if not ctx.windowed:
            claims = self.finish_document(claims, ctx.failures)  # (one read in windows is finished by its extractor)
        doc._.claims = claims
        return doc

    def finish_document(self, claims: list[Claim], failures: list[str] = ()) -> DocumentClaims:
        """What needs all of a document's claims: a speaker named by role in one sentence and by
        name in another is the named person throughout. `failures`: the sentences the rules
        failed on, which travel with the claims."""
        rules = self.attribution_rules
        named = name_role_speakers(claims, rules.person_roles, rules.generic_bodies, self.actors.is_country_form)
        return DocumentClaims(named, failures)

    def prepare(self) -> PressClaims:
        """Load now what is otherwise loaded on first use (the detector's model, the segment
        features, the actor dictionary's patterns): a Dask worker does it while the inputs
        are still being read."""
        if self.detector is not None:
            self.detector.load()
            self._segment_features()
        self.actors.compile()
        return self

    def _segment_features(self):
        if self._features is None:
            from ..learn.segments import SegmentFeatures

            self._features = SegmentFeatures(self._nlp, self.name)
        return self._features

    def segment_scores(self, text: str, structure, offset: int = 0):
        """The detector's scores of every raw-text segment of a document's whole text (see detection.py)."""
        return self.detector.score(self._segment_features(), text, structure, offset)

    def extract(self, doc: Doc, ctx: DocumentContext):
        attributor = Attributor(doc, ctx, self.attribution_rules, self.actors, self.stance_rules.falsity_predicates)
        recent: frozenset[str] = frozenset()
        history: deque[frozenset[str]] = deque(maxlen=LOOKBACK)  # topics of the last sentences, newest last
        turn = None
        for sent in doc.sents:
            current = ctx.structure.turn_at(ctx.base_offset + sent.start_char) if ctx.structure.turns else None
            if current is not turn:
                recent = frozenset()  # a new speaker: "this action" no longer refers back
                history.clear()
                turn = current
            if self._skip(sent, ctx):
                attributor.remember_sentence(sent)
                recent = frozenset()
                history.clear()
                continue
            earlier = frozenset().union(*history)
            try:
                found, topics = self._sentence_claims(sent, ctx, attributor, recent, earlier)
            except Exception as exc:  # noqa: BLE001 - one sentence the rules cannot read costs that sentence only
                ctx.failures.append(_failure(ctx.base_offset + sent.start_char, exc))
                found, topics = [], set()
            yield from found
            recent = frozenset(topics)  # (the rules' own topics: what the detector adds does not carry on)
            history.append(recent)
            attributor.remember_sentence(sent)

    def _sentence_claims(self, sent: Span, ctx: DocumentContext, attributor: Attributor, recent: frozenset[str],
                         earlier: frozenset[str]) -> tuple[list[Claim], set[str]]:
        """The claims of one sentence, and the topics the rules found in it."""
        triggers = [t for t in find_triggers(sent, self.topic_rules, recent, earlier)
                    if not describes_speaker(sent.doc[t.head], self.attribution_rules)]
        topics = set()
        trigger_tokens = {i for t in triggers for i in range(t.start, t.end)}
        found = []
        if triggers:
            decisions = {t: decide_stance(sent, t, self.stance_rules) for t in triggers}
            for trigger in self._one_per_topic(sent, triggers, decisions):
                topics.add(trigger.topic)
                claim = self._claim(sent, trigger, decisions[trigger], trigger_tokens, ctx, attributor, triggers)
                found.append(claim)
                source = self._rejected_source(sent, trigger, decisions[trigger], claim, attributor)
                if source is not None:  # "Israel denied a claim from X that ...": X's claim too
                    found.append(self._claim(sent, trigger, replace(decisions[trigger], stance="acknowledge", cue=""),
                                             trigger_tokens, ctx, attributor, triggers, attribution=source))
                other = self._second_voice(sent, triggers, trigger, decisions)
                if other is not None:
                    second = self._claim(sent, other, decisions[other], trigger_tokens, ctx, attributor, triggers)
                    if second.speaker != claim.speaker and (({claim.attribution, second.attribution} & {"author"} and (
                            {claim.attribution, second.attribution} & {"reported", "direct"})) or _two_reported(claim, second)):
                        found.append(second)  # the document's own voice beside a speaker it reports, or two speakers
        if ctx.detector_scores is not None and self.detector is not None:
            found = self._detected(sent, found, trigger_tokens, ctx, attributor)
        return found, topics

    def _skip(self, sent: Span, ctx: DocumentContext) -> bool:
        text = sent.text.strip()
        if not text or sum(1 for t in sent if t.is_alpha) < 3 or dateline_only(text):
            return True
        if text.rstrip("\"'”’)] ").endswith("?") or text.startswith(self.structure_rules.question_openings):
            return True  # (a question, with its mark or in a parliament's form: "To ask ... whether ...")
        # a present-tense scene, or no finite verb past or modal ("The destroyer X sails alongside ...",
        # which the tagger may read without a verb at all)
        present = sent.root.tag_ in ("VBZ", "VBP") or (
            sent.root.pos_ in ("NOUN", "PROPN") and not any(t.tag_ in ("VBD", "MD") for t in sent))
        if ends_like_caption(text) and present and not any(
                t.is_quote or t.lemma_.lower() in self.attribution_rules.reporting_verbs for t in sent):
            return True  # a photo caption: "Smoke rises after the strikes on the port, Sunday, Aug. 7, 2022."
        structure = ctx.structure
        start = ctx.base_offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        end = start + len(text)
        if structure.skip_reason(start, end):
            return True
        turn = structure.turn_at(start) if structure.turns else None
        return turn is not None and turn.holds_no_claim

    def _detected(self, sent: Span, found: list[Claim], trigger_tokens: set[int], ctx: DocumentContext,
                  attributor: Attributor) -> list[Claim]:
        """The rules' claims of a sentence with the detector's say: a rules claim the model
        agrees with is "both", one it scores below the veto is dropped; a topic it proposes
        that the rules did not find becomes a claim whose fields the rules decide."""
        start = ctx.base_offset + sent.start_char
        probs, lexical = ctx.detector_scores.at(start, start + len(sent.text.rstrip()))
        thresholds = self.detector.thresholds
        out = []
        for claim in found:
            t = TOPICS.index(claim.topic)
            if thresholds.vetoes(claim.topic, probs[t]):
                continue
            claim.detector = "both" if thresholds.proposes(claim.topic, probs[t], bool(lexical[t])) else "rules"
            out.append(claim)
        ruled = {c.topic for c in found}
        if not any(t.pos_ in ("VERB", "AUX", "NOUN") for t in sent):
            return out  # names and dates alone say nothing: a dateline the parser cut off ("WASHINGTON, Oct 8 (Wire) -")
        for t, topic in enumerate(TOPICS):
            if topic in ruled or not thresholds.proposes(topic, probs[t], bool(lexical[t])):
                continue
            trigger = self._anchor(sent, topic)
            if trigger is None:
                continue
            decision = decide_stance(sent, trigger, self.stance_rules)
            if trigger.head in trigger_tokens and decision.stance != "acknowledge":
                # anchored on a word of the rules' claim of another topic ('"We did not coordinate the
                # targets," the source said'): the negation or condition there is that claim's
                decision = replace(decision, stance="acknowledge", cue="")
            # (its parties are not remembered: the rules' claims read the same with and without the detector)
            claim = self._claim(sent, trigger, decision, trigger_tokens | {trigger.head}, ctx, attributor, remember=False)
            claim.detector = "model"
            out.append(claim)
        return sorted(out, key=lambda c: TOPICS.index(c.topic))

    def _anchor(self, sent: Span, topic: str) -> Trigger | None:
        """Where a claim the detector proposes hangs in the parse: a word of the topic's lexicon that
        the rules did not take up (a weak trigger without corroboration, a strong one they set
        aside), the one highest in the tree; else the main verb of the sentence (of the clause a
        reporting verb governs: "Jets hit X, the army said"). None when the topic's
        only words here are ones the lexicon reads in another sense ("struck a deal", "launch a
        satellite", "sexual assault"): the rules know better than a bag of words."""
        rules = self.topic_rules
        lex = rules.topics.get(topic)
        lemmas = [t.lemma_.lower() for t in sent]
        best, best_rank, other_sense = None, None, False
        for tok, lemma in zip(sent, lemmas, strict=True):
            weak = [w for t, _lex, w in rules.weak_by_lemma.get(lemma, ()) if t == topic and (not w.pos or tok.pos_ == w.pos)]
            pos = lex.lemmas.get(lemma, lex.lemmas.get(tok.lower_)) if lex is not None else None
            strong = pos is not None and (not pos or tok.pos_ == pos)
            if weak and not strong and all(_ruled_out(tok, w) or (w.not_with and not w.not_with.isdisjoint(lemmas))
                                           for w in weak):
                other_sense = True
                continue
            if not weak and not strong:
                continue
            rank = (sum(1 for a in tok.ancestors if sent.start <= a.i < sent.end), tok.i)
            if best_rank is None or rank < best_rank:
                best, best_rank = tok, rank
        if best is None:
            if other_sense:
                return None
            best = sent.root
            while best.lemma_.lower() in self.attribution_rules.reporting_verbs:  # "X did Y, the army said"
                clause = next((c for c in best.children if c.dep_ in ("ccomp", "parataxis") and sent.start <= c.i < sent.end), None)
                if clause is None:
                    break
                best = clause
            return Trigger(topic, best.i, best.i + 1, best.i, best.text, "", True)
        group = _group(lex, [best.lemma_.lower(), best.lower_]) if lex is not None else ""
        return Trigger(topic, best.i, best.i + 1, best.i, best.text, group, True)

    def _one_per_topic(self, sent: Span, triggers: list[Trigger], decisions: dict) -> list[Trigger]:
        """One claim per topic per sentence.

        A trigger outside a clause that describes what another trigger of its topic
        acts on beats one inside it ("strikes against missiles that were prepared to
        launch" states the strikes); a trigger outside an apposition beats one inside
        it (a description of someone); a marked stance (a denial, a condition, an evasion) beats a plain
        acknowledgement, since a sentence that denies one strike and mentions
        another is a denial; then strong triggers beat weak ones; then the
        trigger highest in the parse.
        """
        doc = sent.doc

        def describes_target(trig: Trigger) -> int:
            """1 for a trigger in a clause that describes what another of its topic is about ("strikes
            against missiles that were prepared to launch"): that one is what the sentence states."""
            heads = {o.head for o in triggers if o.topic == trig.topic and o.head != trig.head}
            for clause in doc[trig.head].ancestors:
                if not sent.start <= clause.i < sent.end or clause.dep_ not in ("relcl", "acl") or clause.head.pos_ not in (
                        "NOUN", "PROPN"):
                    continue
                node = clause.head  # the noun described: what another trigger acts on ("strikes against missiles")
                while node.dep_ in _TARGET_PATH and node.head.i != node.i and node.head.i not in heads:
                    node = node.head
                if node.dep_ in _TARGET_PATH and node.head.i in heads:
                    return 1
            return 0

        chosen: dict[str, Trigger] = {}
        for trig in triggers:
            best = chosen.get(trig.topic)
            if best is None or (describes_target(trig), *self._rank(sent, trig, decisions[trig])) < (
                    describes_target(best), *self._rank(sent, best, decisions[best])):
                chosen[trig.topic] = trig
        return [chosen[t] for t in ("notification", "strike", "cooperation") if t in chosen]

    def _rank(self, sent: Span, trig: Trigger, decision) -> tuple[int, ...]:
        head = sent.doc[trig.head]
        inside = [a for a in head.ancestors if sent.start <= a.i < sent.end]
        # a trigger in an apposition describes someone ("the secretary, a participant in the meeting,
        # said ..."): what the sentence states comes first; so does an act before the one it answers
        # (so does one inside the speaker's own phrase: "..., said Amr, whose country had brokered it")
        described = 1 if head.dep_ == "appos" or any(a.dep_ == "appos" or (
            a.dep_ == "nsubj" and a.head.lemma_.lower() in self.attribution_rules.reporting_verbs) for a in inside) else 0
        answered = 1 if trig.topic == "strike" and answered_act(head, self.topic_rules) else 0
        # an act that only times the one the sentence states ("since we last acted, there have been
        # nine attacks by the Houthis"): the main clause's comes first
        timing = 1 if (head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in head.children)) or (
            head.dep_ == "pobj" and head.head.lower_ in _TIME_PREPS) or (
            # ("Following the rocket launches, IDF jets struck ...", with "following" parsed as a verb)
            head.dep_ in ("dobj", "obj") and head.head.lower_ == "following" and head.head.dep_ in ("prep", "advcl")) else 0
        return (described, answered, timing, 1 if decision.stance == "acknowledge" else 0, 1 if trig.weak else 0,
                len(inside), trig.start)

    def _rejected_source(self, sent: Span, trigger: Trigger, decision, claim: Claim, attributor: Attributor):
        """The named source of a claim the speaker rejects, as the speaker of that claim, when the
        rejection is what denies it (not a notice inside the claim: "denied X's claim that Egypt
        warned Israel of the attack" leaves the attack acknowledged by both)."""
        if decision.stance != "deny":
            return None
        source = attributor.rejected_source(sent, sent.doc[trigger.head])
        return source if source is not None and source.speaker.name != claim.speaker else None

    def _second_voice(self, sent: Span, triggers: list[Trigger], chosen: Trigger, decisions: dict) -> Trigger | None:
        """Another trigger of the chosen one's topic with the opposite stance, or of the same
        stance in what another speaker says beside it, outside the clause the chosen one's
        speaker reports: a second voice on the same topic ("The hotline has become a
        coordination channel, even as the spokesman insists there is no coordination" holds
        the outlet's acknowledgement and the spokesman's denial). It is a claim of its own
        when one of the two is the document's own voice and the other a speaker it reports,
        or two speakers each with a name of their own."""
        stance = decisions[chosen].stance
        doc = sent.doc
        speech = self.attribution_rules.reporting_verbs
        reported = _reporting_verb(doc[chosen.head], speech)
        # (or of the same stance, each in what another speaker says: "the army said its drones struck X, while
        # the group accused the military of bombing Y")
        rivals = [t for t in triggers if t.topic == chosen.topic and t is not chosen and (
                      decisions[t].stance != stance or _apart(reported, _reporting_verb(doc[t.head], speech)))
                  and (t.end <= chosen.start or t.start >= chosen.end)
                  and not _in_clause_of(doc[t.head], doc[chosen.head], speech)
                  and not _in_clause_of(doc[chosen.head], doc[t.head], speech)]
        if not rivals:
            return None
        return min(rivals, key=lambda t: self._rank(sent, t, decisions[t]))

    def _claim(self, sent: Span, trigger: Trigger, decision, trigger_tokens: set[int], ctx: DocumentContext,
               attributor: Attributor, triggers: list[Trigger] = (), remember: bool = True,
               attribution: Attribution | None = None) -> Claim:
        head = sent.doc[trigger.head]
        attribution = attribution or attributor.attribute(sent, head, trigger_tokens)
        speaker = attribution.speaker
        if trigger.topic == "strike" and not answered_act(head, self.topic_rules):
            # (the act a strike answers has parties of its own: "these strikes respond to attacks on X")
            triggers = [t for t in triggers if t.topic != "strike" or not answered_act(sent.doc[t.head], self.topic_rules)]
        refusal = turned_down(sent, head, self.stance_rules, objects=True) if trigger.topic == "cooperation" else None
        agent, counterpart = find_participants(sent, trigger, speaker, ctx, self.parties, tuple(triggers), remember, refusal)
        if trigger.topic == "notification" and not counterpart and decision.stance == "deny":
            counterpart = untold_side(agent, speaker, self.parties)
        start = ctx.base_offset + sent.start_char
        end = start + len(sent.text.rstrip())
        turn = ctx.structure.turn_at(start) if ctx.structure.turns else None
        if turn is not None and start < turn.text_start < end:
            start = turn.text_start  # the turn's label ("MR. COOK:") is not part of the sentence
        text = (ctx.full_text if ctx.full_text is not None else sent.doc.text)
        offset = 0 if ctx.full_text is not None else ctx.base_offset
        end = _past_closing_quotes(text, end - offset) + offset
        return Claim(
            doc_id=ctx.doc_id,
            sentence=text[start - offset : end - offset].strip(),
            start_char=start,
            end_char=end,
            topic=trigger.topic,
            stance=decision.stance,
            hedged=decision.hedged,
            speaker=speaker.name,
            speaker_role=speaker.role,
            speaker_org=speaker.org,
            speaker_country=speaker.country,
            official=bool(speaker.official and speaker.name),
            attribution=attribution.kind,
            cue=attribution.cue,
            agent=agent.name,
            counterpart=counterpart.name,
            date=ctx.date,
            source=ctx.source,
            trigger=trigger.text,
            group=trigger.group,
            stance_cue=decision.cue,
            agent_country=agent.country,
            agent_org=agent.org,
            counterpart_country=counterpart.country,
            counterpart_org=counterpart.org,
        )


def _past_closing_quotes(text: str, end: int) -> int:
    """A sentence's end moved past the closing quotation marks right after its full stop
    ('... in Iran."'), which the parser gives to this sentence or to the next depending on what
    else it reads: the claim ends in the same place however much of the text was parsed."""
    while 0 < end < len(text) and text[end] in _CLOSING_QUOTES and text[end - 1] in ".!?\"”’'" and (
            end + 1 == len(text) or text[end + 1].isspace()):
        end += 1
    return end


_CLOSING_QUOTES = frozenset("\"”’'")


def _in_clause_of(a: Token, b: Token, speech: frozenset[str]) -> bool:
    """`b` is in `a`'s clause, not in what a second speaker set against it says ("X said Lebanon had been
    informed, but an aide said no one had been told": the parser hangs the aide's "said" on "informed")."""
    if not a.is_ancestor(b):
        return False
    return not any(x.dep_ == "conj" and x.lemma_.lower() in speech and any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in x.head.children if c.i < x.i)
        for x in [b, *b.ancestors] if a.is_ancestor(x))


def _reporting_verb(tok: Token, speech: frozenset[str]) -> Token | None:
    """The nearest verb of speech above `tok` that has a subject of its own."""
    return next((a for a in tok.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in speech
                 and any(c.dep_ == "nsubj" for c in a.children)), None)


def _apart(one: Token | None, other: Token | None) -> bool:
    """Two verbs of speech, neither reporting the other: two speakers' statements side by side
    ("X said ..., while Y accused ...", "X said ... and Y said ...")."""
    if one is None or other is None or one.i == other.i:
        return False
    for upper, lower in ((one, other), (other, one)):
        if upper.is_ancestor(lower):
            path = [lower, *(a for a in lower.ancestors if upper.is_ancestor(a))]
            # (a clause beside it, not what it reports, however the parser hung it: opened by "while" or
            # ", and", or joined as a clause of its own)
            return any(node.dep_ == "conj" or opened_apart(node) for node in path)
    return True


def _two_reported(claim: Claim, second: Claim) -> bool:
    """Two speakers the sentence reports, each with a name of its own ("while the ministry said it had
    not been informed, diplomatic sources said it had been briefed")."""
    names = (claim.speaker.lower(), second.speaker.lower())
    return (claim.attribution in ("reported", "direct") and second.attribution in ("reported", "direct")
            and all(names) and names[0] not in names[1] and names[1] not in names[0])


def _failure(start: int, exc: Exception) -> str:
    """One line for a sentence the rules failed on: where, and what went wrong."""
    message = " ".join(str(exc).split())[:200]
    return f"sentence at character {start}: {type(exc).__name__}" + (f": {message}" if message else "")


def _rules_version(paths: list, detector: Detector | None = None) -> str:
    """The extractor version: package version plus a digest of the rule files in use,
    and of the detector model (with an overriding threshold) when there is one.

    Editing a lexicon or retraining the detector changes the version, so the
    store re-extracts what the old ones produced instead of mixing the two.
    """
    import hashlib

    from ..resources import data_path

    digest = hashlib.sha1()
    defaults = ["topics.yaml", "stance.yaml", "attribution.yaml", "structure.yaml", "actors.yaml", "participants.yaml"]
    for path in [*(data_path(name) for name in defaults), *(p for p in paths if p)]:
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(str(path).encode())
    version = f"{EXTRACTOR_VERSION}+{digest.hexdigest()[:8]}"
    return f"{version}+{detector.version}" if detector is not None else version


