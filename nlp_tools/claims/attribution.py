"""Who makes a statement: quotes, reporting verbs, transcript turns, the issuer.

Order of evidence for a trigger: inside quotation marks, the quote's speaker
(found once per quote, so a quote running over several sentences keeps it);
under a reporting verb, the verb's subject; in a transcript, the turn's
speaker; otherwise the document's own voice: the issuing body of an official
release, or nobody (the outlet) in a news report.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..structure import (
    DATE_PATTERN,
    RANK_MARK_WORDS,
    dateline_end,
    dateline_only,
    default_rules,
    people_in,
    signature,
    statement_before_turns,
)
from .actors import ActorDictionary
from .context import DocumentContext, SpeakerInfo
from .lexicon import AttributionRules, find_phrase
from .stance import called_false, clause_mark

# relations through which a reporting verb governs what it reports
_COMPLEMENT = {"ccomp", "xcomp", "parataxis", "conj", "advcl", "acomp", "oprd"}
_CUT_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "prep", "dep"}
_KEEP_PREPS = {"of", "for", "at", "in", "from", "to"}
_SPOKESPEOPLE = {"spokesman", "spokesperson", "spokeswoman"}  # reporting nouns that are people
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "some", "its", "their", "his", "her", "our"}
_QUOTE_PAIRS = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201c", "\u2018": "\u2019"}


@dataclass(frozen=True)
class Attribution:
    speaker: SpeakerInfo
    kind: str  # direct | reported | transcript | author
    cue: str


@dataclass(frozen=True)
class Frame:
    verb: Token
    subject: Token | None  # None when the frame names no one ("it was reported")


class Attributor:
    """Finds speakers in one Doc; holds the Doc's quotes and caches quote speakers."""

    def __init__(self, doc: Doc, ctx: DocumentContext, rules: AttributionRules, actors: ActorDictionary,
                 falsity: frozenset[str] = frozenset()):
        self.falsity = falsity  # predicates that call a claim false ("a lie"): the stance lexicon's
        self.doc = doc
        self.ctx = ctx
        self.rules = rules
        self.actors = actors
        # (Doc.text joins every token: read once, and a window's is the stretch of the document it holds)
        self.text = _doc_text(doc, ctx)
        self.quotes = quote_spans(self.text)
        # (computed once: Span.ents re-reads the Doc's every time; a group the recogniser took for a
        # person, "the Houthis", is read as the body the dictionary knows, never as a "he")
        self._retitled: dict[int, str] = {}  # a name's first token -> the title the recogniser took in with it
        self.ents = [self._as_known(e) for e in doc.ents]
        self._person_of_token = {i: e for e in self.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        self._quote_speaker: dict[tuple[int, int], tuple[SpeakerInfo | None, str]] = {}
        self._issued: set[int] = set()  # tokens of "in a statement" whose issuer is remembered
        self._previous_speaker: SpeakerInfo | None = None  # who spoke in the sentence before, if it held no claim
        self._previous_voice: SpeakerInfo | None = None  # who spoke in the sentence before, claim or none
        self._previous_cited: SpeakerInfo | None = None  # the body the sentence before cited ("according to")
        self._previous_end = -1
        self._sentence_start = 0
        self.sents = list(doc.sents)

    # -- public ------------------------------------------------------------
    def attribute(self, sent: Span, trigger_tok: Token, trigger_tokens: set[int]) -> Attribution:
        self._sentence_start = self.ctx.base_offset + sent.start_char  # (the section whose issuer speaks)
        turn = self._turn(sent)
        quote = self._quote_at(trigger_tok.idx)
        inner = self._quoted_report(quote, trigger_tok, trigger_tokens) if quote is not None else None
        if inner is not None:  # '"Lisbon did notify Madrid, a Portuguese official said."': the source quoted
            return Attribution(self.describe(inner.subject, sent), "reported", inner.verb.lower_)
        if quote is not None:
            speaker, cue = self._speaker_of_quote(quote, trigger_tokens)
            if speaker is not None:
                return Attribution(speaker, "direct", cue)
        frame = self._relative_frame(trigger_tok, trigger_tokens) or self.frame_for(sent, trigger_tok, trigger_tokens)
        if frame is not None and frame.subject is not None and frame.subject.tag_ in ("WP", "WDT") and (
                frame.verb.dep_ == "relcl" and frame.verb.head.pos_ in ("NOUN", "PROPN")):
            frame = Frame(frame.verb, frame.verb.head)  # "the chief spokesman, who said it arrived before the strikes"
        if frame is not None and frame.subject is not None:
            frame = self._cited_source(frame, sent, trigger_tokens)
            frame = self._person_for_body(frame, sent, trigger_tokens)
        if frame is not None and frame.subject is not None and not self._first_person(frame.subject):
            speaker = self.describe(frame.subject, sent)
            self.ctx.mentions.last_speaker, self.ctx.mentions.last_speaker_sentence = speaker, sent.start
            self._remember_document(frame, speaker)
            issuer = self.issuer() if turn is None else None
            if issuer is not None and not speaker.is_person and (
                (speaker.org and speaker.org in (issuer.org, self._government_of(issuer)))
                or (not speaker.org and len(speaker.name) > 3 and speaker.name.lower() in f"{issuer.name} {issuer.org}".lower())
            ):
                if issuer.is_person:  # "The Spokesman recalled that ...", in the spokesman's release: told of
                    return Attribution(issuer, "reported", frame.verb.lower_)
                return Attribution(issuer, "author", "")  # "The Ministry regrets that ...", in its own release
            if speaker.name:
                return Attribution(speaker, "reported", frame.verb.lower_ if frame.verb.lower_ != "according" else "according to")
        if turn is not None:
            return Attribution(self.turn_speaker(turn), "transcript", "")
        issuer = self.issuer()
        if issuer is not None:
            return Attribution(issuer, "author", "")
        voice = self._previous_voice if self._adjacent(sent) else None
        if voice is not None and voice.name and any(self._first_person(t) and t.dep_ in ("nsubj", "nsubjpass", "poss")
                                                     for t in sent):
            # "... the ministry said: ... . We strongly urge Washington to ...": a report does not say "we";
            # the one who spoke just before goes on (and on, into the next such sentence)
            self.ctx.mentions.last_speaker, self.ctx.mentions.last_speaker_sentence = voice, sent.start
            return Attribution(voice, "direct", "")
        return Attribution(SpeakerInfo(), "author", "")

    def remember_sentence(self, sent: Span) -> None:
        """After a sentence is done: the people and bodies it names become antecedents.

        A person who spoke in the sentence stays the antecedent of "he"/"she"
        over people merely mentioned (the minister who told the president).
        """
        mentions = self.ctx.mentions
        self._note_documents(sent)
        speaker = mentions.last_speaker if mentions.last_speaker_sentence == sent.start else None
        self._previous_speaker = self._speaker_without_claim(sent) if speaker is None else None
        self._previous_voice = speaker or self._previous_speaker
        self._previous_cited = self._cited_body(sent)
        self._previous_end = sent.end
        # (the sentence's subject last, so that it is the antecedent of the next "he": "Lavrov discussed the
        # efforts with his counterpart Cavusoglu. He said ...": Lavrov)
        ents = sorted(self._ents_in(sent), key=lambda e: e.label_ == "PERSON" and e.root.dep_ in ("nsubj", "nsubjpass"))
        for ent in ents:
            if ent.label_ == "PERSON" and ent.root.dep_ in ("nsubj", "nsubjpass", "appos", "compound", "pobj", "dobj"):
                # "a spokeswoman for the ministry, Deniz Ayhan,": the noun she is in apposition to is her role
                role = _phrase_text(ent.root.head) if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN" else ""
                info = self._person_info(ent, sent, extra_role=role)
                if info.name:
                    mentions.remember(info)
            elif ent.label_ in ("ORG", "GPE", "NORP") and ent.root.dep_ in ("nsubj", "nsubjpass"):
                actor = self.actors.organisation(ent.text) or self.actors.find(ent.text)
                if actor is not None:
                    mentions.remember(SpeakerInfo(_strip_determiners(ent.text.strip()), "", actor.name, actor.country, actor.official, False, ent.root.tag_ in ("NNS", "NNPS")))
            elif ent.label_ == "ORG":  # named in passing: an antecedent for "the ministry" only
                actor = self.actors.organisation(ent.text) or self.actors.find(ent.text)
                name = _strip_determiners(ent.text.strip())
                mentions.note_body(SpeakerInfo(name, "", actor.name if actor else "", actor.country if actor else self.actors.country_of(name),
                                               actor.official if actor else self._official(name, None), False, False))
        if speaker is not None and speaker.is_person:
            mentions.last_person = speaker

    def _claim_stated(self, anc: Token, clause: Token) -> Token | None:
        """The claim noun whose content `clause` states: `anc` itself, or the object of `anc` when
        the parser hung a that-clause on its verb ("to address allegations from X that ...")."""
        nouns = self.rules.falsity_claims_nouns
        if anc.lemma_.lower() in nouns:
            return anc
        if clause.dep_ != "ccomp" or not any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            return None
        return next((c for c in anc.children if c.dep_ in ("dobj", "obj") and c.i < clause.i and c.lemma_.lower() in nouns), None)

    def _called_false(self, noun: Token) -> bool:
        """"The statements of X that ... are an absolute lie": a claim its sentence calls false."""
        return bool(called_false(noun, self.falsity))

    def _described_before(self, head: Token) -> SpeakerInfo | None:
        """The last description of this role earlier in the document text ("US officials",
        "a senior U.S. defence official"), read from the text itself, so that a run parsing
        only candidate passages finds the same."""
        text = self.ctx.full_text if self.ctx.full_text is not None else self.text
        offset = self.ctx.base_offset if self.ctx.full_text is not None else 0
        before = text[: offset + head.sent.start_char]
        found, person = "", ""
        for m in re.finditer(r"\b" + re.escape(head.lower_) + r"\b", before, flags=re.I):
            words = before[: m.start()].split()[-5:]
            qualifiers = []
            for word in reversed(words):
                bare = word.strip("“\"'(")
                if word[-1:] in ",.;:)" or not bare or not (bare[:1].isupper() or bare.lower() in _ROLE_QUALIFIERS):
                    break
                if bare.lower() in _DETERMINERS or bare.lower() in _QUANTITIES:
                    break
                qualifiers.insert(0, bare)
            named = "" if head.tag_ in ("NNS", "NNPS") else _named_with(before, m.start(), m.end())
            if named or any(q[:1].isupper() for q in qualifiers):
                found, person = " ".join([*qualifiers, head.lower_]), named
        if not found:
            return None
        known = self.ctx.mentions.by_surname.get(person.split()[-1].lower()) if person else None
        if known is not None and known.name == person:
            return known  # "defence official Mark Lyons ... the official said": Lyons, as named before
        actor = self.actors.find(found)
        country = actor.country if actor else self.actors.country_of(found)
        official = self._official(found, actor.official if actor else None)
        if person:
            return SpeakerInfo(person, found, actor.name if actor else "", country, official, True, False)
        org = actor.name if actor and actor.kind != "government" else (self.actors.government(country).name if country and official else "")
        return SpeakerInfo(found, "", org, country, official, False, head.tag_ in ("NNS", "NNPS"))

    def _adjacent(self, sent: Span) -> bool:
        """The sentence right after the one last remembered."""
        return sent.start == self._previous_end

    def _speaker_without_claim(self, sent: Span) -> SpeakerInfo | None:
        """Who speaks in a sentence that holds no claim ("US officials said the talks had
        stalled."): an antecedent for "the officials" in the very next sentence only, and
        remembered nowhere else, so that a run parsing only candidate passages (which keep
        the sentence before one that says "the officials") finds the same."""
        for tok in sent:
            # (or a participle that speaks for the main clause: "The ministry gave another account, saying ...")
            speaking = tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.dep_ == "ROOT"
            if (tok.dep_ in ("ROOT", "parataxis") or speaking) and tok.pos_ == "VERB" and not self._in_quote(tok.idx):
                frame = self._frame_at(tok, set())
                if frame is not None and frame.subject is not None and frame.subject.pos_ in ("NOUN", "PROPN"):
                    info = self._describe_apart(frame.subject, sent)
                    return info if info.name else None
        return None

    def _cited_body(self, sent: Span) -> SpeakerInfo | None:
        """The body a sentence cites ("According to the Turkish Defence Ministry, Akar told Shoigu
        ..."): the antecedent of "the ministry" in the very next sentence."""
        source = self._according_to(sent)
        if source is None or source.subject is None or source.subject.pos_ not in ("NOUN", "PROPN"):
            return None
        info = self._describe_apart(source.subject, sent)
        return info if info.name and not info.is_person else None

    def _describe_apart(self, head: Token, sent: Span) -> SpeakerInfo:
        """`describe`, leaving the document's memory of names as it was (describe remembers what it reads)."""
        kept = self.ctx.mentions.copy()
        info = self.describe(head, sent)
        vars(self.ctx.mentions).update(vars(kept))
        return info

    # -- frames --------------------------------------------------------------
    def frame_for(self, sent: Span, tok: Token, trigger_tokens: set[int]) -> Frame | None:
        """The reporting frame whose complement holds `tok`, if any.

        The trigger must sit in what the verb reports (its clausal complement, or
        the object of a verb such as "confirmed" or "denied"), not in an adjunct:
        in "Obama said, a day after the attacks, that ..." the attacks are the
        outlet's own account.
        """
        child = tok
        pronoun_frame = claim_frame = None
        clause_below = False  # "noted U.S. concern that ...": a clause under the object
        for anc in tok.ancestors:
            if anc.i < sent.start or anc.i >= sent.end:
                break
            if child.dep_ == "relcl" and anc.dep_ in ("dobj", "dative") and anc.head.lemma_.lower() in _TELLING and any(
                    c.lower_ == "that" and c.i == child.left_edge.i for c in child.children):
                # "told a parliamentary panel that India informed Pakistan": the parser took "that" for a
                # relative pronoun; what follows is what was told
                frame = self._frame_at(anc.head, trigger_tokens)
                if frame is not None and frame.subject is not None and frame.subject.pos_ != "PRON":
                    return self._outer_frame(anc.head, sent, trigger_tokens) or frame
            if anc.dep_ in _COMPLEMENT and _narrated_past(child, anc):
                break  # "said it is not helping Kyiv, after drone strikes hit bases in Russia": the outlet's
            if _closes_late(child, anc):
                # "told a panel that India informed Pakistan after the army struck the bases": an adjunct
                # after the clause reported, with no comma, belongs to that clause, wherever the parser hangs it
                frame = self._frame_at(anc, trigger_tokens)
                if frame is not None:
                    return self._outer_frame(anc, sent, trigger_tokens) or frame
            if _narration(child):
                pass  # "After the strike, Gunness tweeted ...", "... urged calm, following the airstrikes": the outlet's
            elif (child.dep_ in _COMPLEMENT and not (child.dep_ == "xcomp" and anc.lemma_.lower() in self.rules.clausal_only)) or (
                child.dep_ in ("dobj", "pcomp", "prep")
                and (anc.lemma_.lower() not in self.rules.clausal_only or clause_below)
            ) or (child.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in anc.children)):
                # (not "maintains exacting procedures to be precise": a verb that reports only a clause)
                # (passive: "the notice was confirmed by the ministry's spokesman")
                frame = self._frame_at(anc, trigger_tokens)
                if frame is not None and claim_frame is not None:
                    if anc.lemma_.lower() in self.rules.declining_verbs | self.rules.rejecting_verbs:
                        # "declined to comment on the ministry's claim that ...", "rejected Yerevan's assertion
                        # that ...": the one declining or rejecting
                        return frame
                elif frame is not None:
                    # "Abadi said he would welcome strikes", "We would welcome talks, the minister said":
                    # an outer frame names the "he" or the "we"
                    if frame.subject is not None and frame.subject.pos_ == "PRON":
                        pronoun_frame = pronoun_frame or frame
                    else:
                        return self._outer_frame(anc, sent, trigger_tokens) or frame
            if claim_frame is None and child.dep_ in ("acl", "ccomp", "relcl"):
                # "allegations from the Syrian regime that coalition aircraft struck ...", also when the parser
                # hangs the clause on the verb that governs the allegations ("to address allegations from X that ...")
                claim = self._claim_stated(anc, child)
                # (not "X's claims that ... are a lie": the one calling them so speaks)
                source = _source_of(claim) if claim is not None and not self._called_false(claim) else None
                if source is not None:
                    claim_frame = Frame(claim, source)
            # (a "that" clause or a relative one; not an infinitive, what the noun is for: "maintains the right to
            # respond")
            clause_below = clause_below or (child.dep_ in ("acl", "ccomp", "relcl") and not _infinitive(child))
            child = anc
        if claim_frame is not None:
            return claim_frame
        if pronoun_frame is not None:
            return pronoun_frame
        source = self._according_to(sent)  # "according to X" anywhere in the sentence
        if source is not None:
            return source
        # "As Centcom disclosed, ...": a reporting clause introduced by "as"
        for t in sent:  # (not "..., even as the spokesman insists ...": a contrast, another voice)
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" and not any(
                    m.lower_ in ("even", "just") for m in c.children) for c in t.children) and t.i < tok.i:
                frame = self._frame_at(t, trigger_tokens)
                if frame is not None and not t.is_ancestor(tok):
                    return frame
        # "the strikes, which it called a breach of sovereignty", "the raid, which Baghdad described as an
        # aggression": who names the act speaks of it
        named_by = next((c for c in tok.children if c.dep_ == "relcl" and c.i > tok.i and any(
            o.tag_ in ("WDT", "WP") for o in _objects(c))), None) if tok.pos_ in ("NOUN", "PROPN") else None
        if named_by is not None:
            frame = self._frame_at(named_by, trigger_tokens)
            if frame is not None:
                return frame
        # inverted or parenthetical: "The strikes will go on, Cook said." (the parser may
        # make the reporting verb the root, a parataxis, or a conjunct after a comma)
        for t in sent:
            # (", the ministry said, adding that ...": the parser may also take it for a complement)
            trailing = t.dep_ == "ccomp" and t.i > tok.i and t.doc[t.left_edge.i].text == "," and (
                t.head.i == tok.i or t.head.is_ancestor(tok))
            if (t.dep_ in ("parataxis", "ROOT", "conj") or trailing) and t.i not in trigger_tokens and not t.is_ancestor(tok) and t.i != tok.i:
                if t.dep_ == "conj" and not (t.i > tok.i and t.left_edge.i > sent.start and t.doc[t.left_edge.i - 1].text == ","):
                    continue
                frame = self._frame_at(t, trigger_tokens)
                if frame is not None and (t.dep_ == "parataxis" or t.i > tok.i):
                    return frame
        return self._trailing_frame(sent, tok, trigger_tokens)

    def rejected_source(self, sent: Span, tok: Token) -> Attribution | None:
        """Whose claim a speaker rejects, when the trigger sits in it and its source is named
        ("Israel denied a claim from Congressman X that Egypt had warned it", "Baku rejected
        Yerevan's assertion that ..."): the source's own statement, which the sentence reports."""
        child = tok
        for anc in tok.ancestors:
            if anc.i < sent.start or anc.i >= sent.end:
                return None
            if child.dep_ in ("acl", "ccomp", "relcl"):
                claim = self._claim_stated(anc, child)
                if claim is None:
                    return None
                verb = claim.head.head if claim.dep_ == "pobj" else claim.head
                source = _source_of(claim)
                if verb.lemma_.lower() not in self.rules.rejecting_verbs or source is None or not self._can_speak(source):
                    return None
                info = self.describe(source, sent)
                return Attribution(info, "reported", claim.text) if info.name else None
            child = anc
        return None

    def _according_to(self, sent: Span) -> Frame | None:
        """"according to X", "citing X": X, or the issuer of the document X is
        ("according to a monthly report released by the task force")."""
        words = [t.lower_ for t in sent]
        hit = find_phrase(words, self.rules.source_prepositions)
        if hit is None:
            return None
        i, phrase = hit
        last = sent[i + len(phrase) - 1]
        obj = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
        if obj is None and i + len(phrase) < len(sent):
            obj = sent[i + len(phrase)]
        if obj is not None and obj.lemma_.lower() in self.rules.reporting_nouns and obj.lemma_.lower() not in _SPOKESPEOPLE:
            obj = self._issuer_of(obj) or obj
        if obj is not None and not self._in_quote(obj.idx) and self._can_speak(obj):  # (not "citing legal concerns")
            return Frame(sent[i], obj)
        return None

    def _tells_press(self, verb: Token) -> bool:
        """"a diplomatic source informed TASS", "briefed reporters": a notice verb whose object is
        the press reports speech (informing a state is a notification, not speech)."""
        return verb.lemma_.lower() in _PRESS_VERBS and any(
            o.lemma_.lower() in _PRESS or self._is_outlet(o) for o in _objects(verb))

    def _outer_frame(self, verb: Token, sent: Span, trigger_tokens: set[int]) -> Frame | None:
        """The frame that reports a report: "Farmers reported damage from the strikes, the ministry
        said" is the ministry's statement, the one this text makes; not when the outer speaker is an
        outlet passing its source on ("the paper reported that the minister said ...")."""
        child = verb
        for anc in verb.ancestors:
            if anc.i < sent.start or anc.i >= sent.end:
                return None
            if child.dep_ == "advcl" and clause_mark(child) in _SET_AGAINST:
                return None  # "X said it struck a depot, while Y said its defences downed drones": Y's own statement
            if child.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("but", "yet", "while", "whereas")
                                            for c in anc.children if c.i < child.i):
                return None  # "X said Lebanon had been informed, but an aide said no one had been told": the aide's own
            if child.dep_ == "ccomp" and child.lemma_.lower() in self.rules.reporting_verbs and opened_apart(child) and any(
                    c.dep_ == "nsubj" for c in child.children):
                return None  # "X said it struck a depot, and Y said the strikes hit a school": Y's own statement
            if child.dep_ in ("ccomp", "parataxis") and not _narration(child):
                frame = self._frame_at(anc, trigger_tokens)
                if frame is not None and frame.subject is not None:
                    if frame.subject.pos_ == "PRON" or self._is_outlet(frame.subject):
                        return None
                    return self._outer_frame(anc, sent, trigger_tokens) or frame
            child = anc
        return None

    def _trailing_frame(self, sent: Span, tok: Token, trigger_tokens: set[int]) -> Frame | None:
        """", Africa Command said on Friday.": a trailing attribution the parser broke (the
        speaker hung on the noun before the comma, the verb left without a subject), read
        from the words: a noun phrase between the sentence's last comma and its last verb,
        a reporting verb, then only adjuncts."""
        doc = sent.doc
        verb = next((t for t in reversed(sent) if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux"), None)
        if verb is None or verb.i <= tok.i or verb.i in trigger_tokens or self._in_quote(verb.idx):
            return None
        if (verb.lemma_.lower() not in self.rules.reporting_verbs and not self._tells_press(verb)) or any(
                t.pos_ in ("VERB", "SCONJ") or t.lower_ == "that" for t in doc[verb.i + 1 : sent.end]):
            return None
        comma = next((t for t in reversed(doc[sent.start : verb.i]) if t.text == ","), None)
        if comma is None or comma.i <= tok.i or not 1 <= verb.i - comma.i - 1 <= 9:
            return None
        words = [t for t in doc[comma.i + 1 : verb.i] if t.dep_ not in ("aux", "advmod", "neg")]
        if not words or words[0].pos_ == "CCONJ" or any(t.pos_ not in ("DET", "ADJ", "PROPN", "NOUN", "ADP", "PART", "NUM", "PUNCT", "CCONJ")
                                                        and t.dep_ != "amod" for t in words):  # ("the US-led coalition")
            return None
        inside = {t.i for t in words}
        head = next((t for t in words if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or head.lemma_.lower() in self.rules.not_speakers:
            return None
        if head.lemma_.lower() in self.rules.reporting_nouns and head.lemma_.lower() not in _SPOKESPEOPLE and (
                self._known_document(head) is None and not self._mouthpiece_of(head)):
            return None  # "..., the statement said": whose statement the text has not said
        return Frame(verb, head)

    def _quoted_report(self, quote: tuple[int, int], trigger_tok: Token, trigger_tokens: set[int]) -> Frame | None:
        """A report quoted whole, its attribution inside the marks at the quote's end ('"Lisbon did
        notify Madrid in advance, a Portuguese official said."'): its named speaker is the source."""
        verb = next((t for t in trigger_tok.sent if t.i > trigger_tok.i and t.is_ancestor(trigger_tok)
                     and t.lemma_.lower() in self.rules.reporting_verbs and self._quote_at(t.idx) == quote), None)
        if verb is None or sum(t.is_alpha for t in verb.sent if t.i > verb.i and t.idx < quote[1]) > 3:
            return None  # (not at the quote's end: a speaker quoted saying that someone said)
        frame = self._frame_at(verb, trigger_tokens, quoted=True)
        if frame is None or frame.subject is None or frame.subject.pos_ not in ("NOUN", "PROPN"):
            return None  # ("we said", "he said": the quoted speaker's own words)
        return frame if self._quote_at(frame.subject.idx) == quote else None

    def _frame_at(self, verb: Token, trigger_tokens: set[int], quoted: bool = False) -> Frame | None:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        particle = self.rules.reporting_particles.get(lemma)
        objects = _objects(verb)
        # ("which it called a breach": the parser may give the relative pronoun and the name as two objects)
        naming = lemma in self.rules.naming_verbs and (any(c.dep_ in ("oprd", "xcomp") for c in verb.children) or any(
            _quoted_name(a) for o in objects for a in o.children if a.dep_ == "appos") or (
            len(objects) > 1 and any(o.tag_ in ("WDT", "WP") for o in objects)))
        stating = lemma in self.rules.statement_objects and any(
            c.lemma_.lower() in self.rules.statement_objects[lemma] for c in verb.children if c.dep_ in ("dobj", "obj"))
        if lemma not in self.rules.reporting_verbs and not naming and not stating and not self._tells_press(verb) and not (
            particle and any(c.lower_ == particle for c in verb.children)
        ):
            return None  # ("called the raid a mistake" names a stance; "called Moscow" does not)
        if verb.i in trigger_tokens or (self._in_quote(verb.idx) and not quoted):
            return None
        if any(c.dep_ in ("dobj", "obj") and c.lower_ == "nothing" for c in verb.children):
            return None  # "the Russians said nothing to indicate ... until they called": no one said it
        if lemma in self.rules.declining_verbs and any(
                c.dep_ == "xcomp" and c.lemma_.lower() not in self.rules.reporting_verbs
                and (c.i in trigger_tokens or any(o.i in trigger_tokens for o in _objects(c)))
                for c in verb.children):
            # "refused to coordinate", "declined to set up a hotline": the claim's act refused, not speech
            # ("declined to attribute the strikes to Kyiv" declines to say: speech)
            return None
        if lemma in self.rules.passing_verbs and any(o.lemma_.lower() in self.rules.notice_objects for o in objects):
            return None  # "whether Japan relayed the North's notice to us": a notice passed on, not speech
        if lemma in self.rules.act_verbs and (any(o.lemma_.lower() in self.rules.act_objects for o in objects)
                                              or not any(c.dep_ in ("ccomp", "parataxis", "dobj") for c in verb.children)):
            return None  # "answered the call", "responded to the attack", "responded decisively, shooting down ...": acts
        subject = _speaker_of_verb(verb)
        cited = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if lemma in self.rules.citing_verbs else None
        if cited is not None:
            subject = cited  # "X was quoted by the agency": X speaks, the agency reports it
        if subject is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl"):
            if lemma in self.rules.citing_verbs:
                source = next((c for c in _objects(verb) if c.lemma_.lower() not in self.rules.not_speakers), None)
                if source is not None and self._can_speak(source):  # "..., quoting the deputy minister, that ..."
                    return Frame(verb, source)
                if source is not None:
                    return None  # "declined to take part, citing legal concerns": a reason, not a source
            # ("issued a warning, stating ...": the parser may hang "stating" on the warning)
            governor = verb.head.head if verb.dep_ == "pcomp" or (verb.dep_ == "acl" and verb.head.pos_ == "NOUN") else verb.head
            if governor.lemma_.lower() in self.rules.citing_verbs and verb.dep_ == "pcomp":
                # "quoted the minister as saying": the minister; "the ministry was cited by Interfax as
                # saying": the ministry, not the agency that cites it
                subject = next(iter(_objects(governor)), None) or next(
                    (c for c in governor.children if c.dep_ == "nsubjpass"), None)
            elif governor.pos_ in ("VERB", "AUX"):  # "issued a warning, saying that ...": the issuer says it
                subject = _speaker_of_verb(governor)
        if subject is None and verb.tag_ == "VB" and verb.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "responded on Tuesday, taking to X to say that ...": the one who took to X says it (not
            # "urged Moscow to confirm": the one urged)
            governor = verb.head
            for _ in range(3):
                if any(c.dep_ in ("dobj", "obj", "dative") for c in governor.children) and verb.dep_ == "xcomp":
                    break
                subject = _speaker_of_verb(governor)
                if subject is not None or governor.dep_ not in ("advcl", "xcomp", "conj") or governor.head.i == governor.i:
                    break
                governor = governor.head
        if subject is not None and self._in_quote(subject.idx) and not self._in_quote(verb.idx):
            subject = self._subject_outside_quote(verb)  # '"... a man wounded ...," the director told AFP'
        if subject is None or self._in_label(subject.idx):
            return None  # (the turn's label, "Official Spokesperson, Shri ...:", parsed into the sentence)
        if subject.dep_ == "nsubjpass" and subject.lower_ in ("it",) and lemma not in self.rules.citing_verbs and (
                subject.head.lemma_.lower() not in self.rules.citing_verbs):
            return Frame(verb, None)  # "it was reported that": nobody named ("it was quoted as saying" is a body)
        if subject.lemma_.lower() in self.rules.reporting_nouns and subject.lemma_.lower() not in _SPOKESPEOPLE:
            owner = self._issuer_of(subject)  # "the ministry's weekly report said": the ministry
            if owner is None:
                if self._known_document(subject) is not None:
                    return Frame(verb, subject)  # "the note said": the note someone issued before
                return None  # "the message said": the source is named elsewhere ("according to")
            subject = owner
        if subject.lemma_.lower() in self.rules.not_speakers and subject.lower_ != "it":
            return None  # ("assessments indicate", "the footage shows": no speaker)
        if subject.lower_ in _MEDIA_KINDS and subject.ent_type_ != "ORG" and not any(
                c.dep_ in ("compound", "amod", "poss", "nmod") for c in subject.children):
            return None  # "News reports on whether ...": no one in particular ("CBS News", "Israeli media" are)
        if lemma in self.rules.cognitive_verbs and not self._can_believe(subject):
            return None  # "the aircraft believed", "Israel does not feel": not statements
        return Frame(verb, subject)

    def _issuer_of(self, document: Token) -> Token | None:
        """Who issued a document a text cites: its owner ("the ministry's report", "a statement
        from the ministry"), the one who released it ("a report released by the task force"), or a
        body named before it ("a Pentagon monthly report", "a ministry statement"); never what it
        is about ("a report of the incident"), a date ("a March report") or a kind ("a casualty
        report"). None when the text does not say."""
        source = _source_of(document)
        if source is not None and (source.dep_ == "poss" or source.head.lower_ != "of" or self._names_body(source)):
            return source
        for child in document.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                by = next((c for c in child.children if c.dep_ == "agent"), None)
                issuer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
                if issuer is not None and not self._is_outlet(issuer):
                    return issuer  # (not "a statement carried by the state news agency": who carried it)
        return next((c for c in document.children if c.dep_ in ("compound", "nmod") and c.i < document.i
                     and self._names_body(c)), None)

    def _names_body(self, tok: Token) -> bool:
        """A word that can name who issues a document: a name (not a date), or a body's or an
        office's word ("ministry", "command")."""
        if tok.ent_type_ in _TIME_ENTITIES or tok.lower_ in _MEDIA_KINDS:
            return False  # ("News reports", "Media reports": a kind of report, no one who issued it)
        return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or (
            tok.lemma_.lower() in self.rules.official_roles | self.rules.generic_bodies)

    def _person_above(self, pronoun: Token) -> Span | None:
        """The person named as the subject of a clause that holds the pronoun's ("Chad's President,
        X, said soldiers died in the attack, which he said ..."); not one named inside what the
        pronoun's own verb reports ("Rubio proposed talks, she said")."""
        for verb in pronoun.ancestors:
            for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i):
                ent = self._person_named_by(subject)
                if ent is not None:
                    return ent
        return None

    def _body_above(self, pronoun: Token) -> Token | None:
        """The body named as the subject of the clause a relative clause holding "it" qualifies ("the
        ministry summoned the envoy over the strikes, which it called a breach"); None for anything else."""
        clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
        if clause is None or pronoun.dep_ != "nsubj" or pronoun.head.i != clause.i:
            return None
        for verb in clause.ancestors:
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
            if subject is not None:
                named = subject.pos_ == "PROPN" or subject.ent_type_ in ("ORG", "GPE", "NORP") or (
                    subject.lemma_.lower() in self.rules.generic_bodies)
                return subject if named and subject.ent_type_ != "PERSON" and self._can_speak(subject) else None
        return None

    def _person_named_by(self, tok: Token) -> Span | None:
        """The person a noun phrase names, itself or in its apposition ("Chad's President, Idriss Deby")."""
        return self._person_ent_at(tok) or next(
            (e for a in tok.children if a.dep_ == "appos" for e in [self._person_ent_at(a)] if e is not None), None)

    def _subject_outside_quote(self, verb: Token) -> Token | None:
        """The speaker of a verb whose parsed subject fell inside the quote it follows: the
        noun phrase between the quote and the verb ('"...," provincial director Ahmad Zia told AFP')."""
        tok = verb.doc[verb.i - 1] if verb.i > 0 else None
        while tok is not None and tok.dep_ in ("advmod", "aux", "neg") and tok.i > 0:
            tok = tok.doc[tok.i - 1]
        if tok is None or self._in_quote(tok.idx) or tok.pos_ not in ("PROPN", "NOUN", "PRON"):
            return None
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.i < verb.i:
            tok = tok.head
        return tok

    def _person_for_body(self, frame: Frame, sent: Span, trigger_tokens: set[int]) -> Frame:
        """"NATO calls on Russia to allow inspections, he said", "Stoltenberg said the alliance
        urges ...": a person who reports what their own body says speaks for it."""
        subject = frame.subject
        if subject is None or subject.pos_ == "PRON" or subject.ent_type_ == "PERSON":
            return frame
        outer = self.frame_for(sent, frame.verb, trigger_tokens)
        if outer is None or outer.subject is None or outer.verb.i == frame.verb.i:
            return frame
        body = self.actors.organisation(_phrase_text(subject))
        if body is None:
            return frame
        person = outer.subject
        if person.lower_ in ("he", "she"):
            known = self.ctx.mentions.last_person
        elif person.ent_type_ == "PERSON":
            known = self._person_info(next(e for e in sent.doc.ents if e.start <= person.i < e.end), sent)
        else:
            return frame
        return outer if known is not None and known.org == body.name else frame

    def _relative_frame(self, tok: Token, trigger_tokens: set[int]) -> Frame | None:
        """A relative clause that reports on the trigger speaks of it: "the raid, which local
        officials said killed four fighters", "the attack, which Beirut blamed on Israel"."""
        for clause in tok.children:
            if clause.dep_ == "relcl":
                frame = self._frame_at(clause, trigger_tokens)
                if frame is not None and frame.subject is not None and frame.subject.tag_ not in ("WDT", "WP"):
                    return frame
        return None

    def _cited_source(self, frame: Frame, sent: Span, trigger_tokens: set[int]) -> Frame:
        """An outlet that cites or quotes a source passes the claim on to it: "the paper
        reported, citing three officials, that ...", "the agency quoted the deputy minister
        as saying ...", "..., one official said, the broadcaster reported"."""
        if frame.verb.lemma_.lower() in self.rules.citing_verbs:
            source = next((c for c in _objects(frame.verb) if not self._is_outlet(c)), None)
            if source is not None and self._can_speak(source):
                return Frame(frame.verb, source)
        for t in sent:  # whoever reports, citing a source gives the claim to the source
            if t.lemma_.lower() in self.rules.citing_verbs and t.tag_ == "VBG" and not self._in_quote(t.idx):
                source = next((c for c in _objects(t) if not self._is_outlet(c)), None)
                if source is not None and self._can_speak(source):
                    return Frame(t, source)
        if not self._is_outlet(frame.subject):
            return frame
        for child in frame.verb.children:
            if child.dep_ in ("parataxis", "ccomp") and child.i not in trigger_tokens:
                inner = self._frame_at(child, trigger_tokens)
                if inner is not None and inner.subject is not None and not self._is_outlet(inner.subject):
                    return inner
        return frame

    def _can_speak(self, tok: Token) -> bool:
        """Someone who can be cited as a source: a name, a role, people or a document someone
        issued ("citing three officials", "citing a ministry statement"); not a reason ("declined
        to take part, citing legal concerns"), nor a word of `not_speakers` ("assessments")."""
        lemma = tok.lemma_.lower()
        return lemma not in self.rules.not_speakers and (
            tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or lemma in self._source_words)

    @functools.cached_property
    def _title_words(self) -> frozenset[str]:
        """Words of a title or a role ("deputy", "spokesperson", "minister")."""
        return self.rules.official_roles | self.rules.role_nouns | self.rules.person_roles

    @functools.cached_property
    def _type_words(self) -> frozenset[str]:
        """Words of a kind of body ("ministry", "defence"), never a given name."""
        return self.actors.type_words()

    @functools.cached_property
    def _source_words(self) -> frozenset[str]:
        """The common nouns that can name a source (the lexicons' roles, bodies and documents)."""
        r = self.rules
        return frozenset(r.role_nouns | r.official_roles | r.unofficial_roles | r.reporting_nouns | r.generic_bodies
                         | r.outlet_nouns | self.actors.type_words() | {"people", "person", "source", "sources", "group",
                                                                        "side", "movement"})

    def _is_outlet(self, tok: Token) -> bool:
        """A news outlet: known to the actor dictionary as media, or named by its kind."""
        if tok.lemma_.lower() in self.rules.outlet_nouns or any(
                c.dep_ in ("compound", "appos") and c.lemma_.lower() in self.rules.outlet_nouns for c in tok.children):
            return True  # ("Finnish newspaper Ilta-Sanomat", "the broadcaster NHK")
        if tok.pos_ != "PROPN":
            return False
        actor = self.actors.organisation(_phrase_text(tok))
        return actor is not None and actor.kind in ("media", "state_media")

    def _remember_document(self, frame: Frame, speaker: SpeakerInfo) -> None:
        """"In a statement, the ministry said ...": a later "the statement said" is the ministry's."""
        if not speaker.name:
            return
        for child in frame.verb.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "through", "via"):
                for noun in child.children:
                    if noun.dep_ == "pobj" and noun.lemma_.lower() in self.rules.reporting_nouns:
                        self.ctx.mentions.documents[noun.lemma_.lower()] = speaker
                        self._issued.add(noun.i)

    def _note_documents(self, sent: Span) -> None:
        """Another statement mentioned: "Moscow released its own statement" makes Moscow the
        issuer of "the statement" from now on; a statement whose issuer the sentence does not
        name means "the statement" no longer points back to the one remembered."""
        documents = self.ctx.mentions.documents
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ != "NOUN" or tok.i in self._issued or _definite(tok) or lemma not in self.rules.reporting_nouns:
                continue
            issuer = next((c for c in tok.head.children if c.dep_ == "nsubj"), None) if tok.dep_ in ("dobj", "obj") else None
            sender = next((g for c in [*tok.children, *(tok.head.children if tok.dep_ in ("dobj", "obj") else ())]
                           if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"), None)
            if sender is not None or tok.head.lemma_.lower() in _RECEIVING:
                issuer = sender  # "received a verbal message from Iran": Iran's message, not the receiver's
            speaker = self.describe(issuer, sent) if issuer is not None and not self._first_person(issuer) else None
            if speaker is not None and speaker.name:
                documents[lemma] = speaker  # "The ministry issued a statement on Friday."
            elif lemma in documents:
                del documents[lemma]

    def _known_document(self, noun: Token) -> SpeakerInfo | None:
        """The issuer of "the statement" / "the note": the one the text named as issuing it
        before, else, for a statement or release, the body (or person) that spoke last, since
        a report names a statement's issuer before it quotes it."""
        if not _definite(noun):
            return None
        lemma = noun.lemma_.lower()
        mentions = self.ctx.mentions
        known = mentions.documents.get(lemma)
        if known is not None or lemma not in self.rules.statement_nouns:
            return known
        for info in (mentions.last_speaker, mentions.last_body):
            if info is not None and info.name and info.official:
                return info
        return None

    def _can_believe(self, subject: Token) -> bool:
        """Only people (named, or by their role) hold beliefs we can attribute."""
        if subject.pos_ == "PRON":
            return False
        if subject.ent_type_ == "PERSON":
            return True
        return subject.lemma_.lower() in self.rules.official_roles and subject.lemma_.lower() not in (
            "government", "military", "army", "navy", "forces", "command", "coalition", "administration"
        )

    # -- speakers -------------------------------------------------------------
    def describe(self, head: Token, sent: Span) -> SpeakerInfo:
        """Name, role, organisation and official status of the noun phrase at `head`."""
        low = head.lower_
        mentions = self.ctx.mentions
        if head.pos_ == "PRON" or low in self.rules.person_pronouns | self.rules.group_pronouns | self.rules.body_pronouns:
            spoke = mentions.last_speaker
            if low in self.rules.person_pronouns:
                named = self._person_above(head)
                if named is not None:  # "X said soldiers died in the attack, which he said was carried out by ...": X
                    return self._person_info(named, sent)
                voice = self._previous_voice if self._adjacent(head.sent) else None
                if self._one_by_role(voice) and not voice.is_person:
                    return voice  # "..., a military spokesman said. Asked whether ..., he declined to comment."
                if mentions.last_person:
                    return mentions.last_person
                if self._one_by_role(spoke):
                    return spoke  # "a military source told the agency ... 'We ...,' he said": no one named, the source
            if low in self.rules.group_pronouns:
                voice = self._previous_voice if self._adjacent(head.sent) else None
                if voice is not None and voice.plural and voice.name:
                    return voice  # "The Ministers condemned ... They noted that ...": those who spoke just before
                issuer = self.issuer()
                if issuer is not None and issuer.plural and self._turn(head.sent) is None:
                    return issuer  # "They welcomed ...", in a joint statement: its issuers
                return mentions.last_group or mentions.last_body or SpeakerInfo()
            if low in self.rules.body_pronouns:
                above = self._body_above(head)
                if above is not None:  # "the ministry summoned the envoy over the strikes, which it called ...": the ministry
                    return self.describe(above, sent)
                voice = self._previous_voice if self._adjacent(head.sent) else None
                for info in (voice, spoke):  # (never a person, not one named by a role either: "the official")
                    if info is not None and not info.is_person and info.name and not info.plural and not self._one_by_role(info):
                        # "The ministry denied it. In a statement, it said ...": the body that spoke just
                        # before, else the body that spoke last, over one merely named
                        return info
                if mentions.last_body:
                    return mentions.last_body
            return SpeakerInfo()
        group = _group_of_member(head, self.rules.role_nouns)
        if group is not None:  # "one of the sources said": those sources, as described before
            return self.describe(group, sent)
        # "The Pentagon's spokesman, Peter Cook," -> the appositive names the person
        appos = [c for c in head.children if c.dep_ == "appos"] + [
            # "envoy to the UN, Vassily Nebenzia,": the parser may hang the name on the role's "to" phrase
            g for c in head.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
            for g in o.children if g.dep_ == "appos" and (self._person_ent_at(g) or self._name_beside_role(head, g))]
        person_ent = self._person_ent_at(head)
        if person_ent is not None and (self._is_state_name(person_ent.text) or self.actors.organisation(person_ent.text)):
            person_ent = None  # "Baku accused ...", "according to Al Mayadeen": a capital or a body the recogniser took for a person
        if person_ent is None:
            for a in appos:
                ent = self._person_ent_at(a) or self._name_beside_role(head, a)
                if ent is not None:
                    role_text = _phrase_text(head)
                    info = self._person_info(ent, sent, extra_role=role_text)
                    mentions.remember(info)
                    return info
        if person_ent is not None:
            role_text = " ".join(_phrase_text(a) for a in appos) or self._split_role(head, person_ent) or _role_beside(head)
            info = self._person_info(person_ent, sent, extra_role=role_text)
            mentions.remember(info)
            # ("President X and his Peruvian counterpart Y": the conjunct's apposition names the second)
            others = [self._person_named_by(c) for c in head.children if c.dep_ == "conj"]
            others = [self._person_info(e, sent) for e in others if e is not None]
            if others:  # "President X and Prime Minister Y confirmed ...": both speak
                for other in others:
                    mentions.remember(other)
                names = [info.name, *(o.name for o in others)]
                return replace(info, name=", ".join(names[:-1]) + " and " + names[-1], plural=True)
            return info
        carried = next((a for a in appos if a.dep_ == "appos" and not self._is_outlet(a)), None) if self._is_outlet(head) else None
        if carried is not None:
            info = self.describe(carried, sent)
            if info.official:  # "..., the agency WAM, the UAE foreign ministry said": the ministry, not its carrier
                return info
        body = self._mouthpiece_of(head)
        if body is not None:  # "the press service of Russia's defence ministry": the ministry speaks
            return self.describe(body, sent)
        if self._is_mouthpiece(head):  # "the press service said": of the body that spoke or was named last
            for info in (mentions.last_speaker, mentions.last_body):
                if info is not None and info.name and not info.is_person and info.official:
                    return info
        document = self._known_document(head) if head.lemma_.lower() in self.rules.reporting_nouns else None
        if document is not None:
            return document
        phrase = _phrase_text(head)
        resolved = self._resolve_role(head)
        if resolved is not None:
            return resolved
        if (head.pos_ == "PROPN" or (head.text[:1].isupper() and head.i > head.sent.start)) and len(phrase.split()) == 1:
            # (a surname the tagger takes for a noun: "Price said")
            known = mentions.known(phrase)
            person = self.actors.person_by_surname(phrase, self.ctx.date) if known is None else None
            if known is not None:
                mentions.last_person = known
                return known
            if person is not None:
                info = self._from_person(person.name, person.role, person.org)
                mentions.remember(info)
                return info
        if head.pos_ == "PROPN" and 2 <= len(phrase.split()) <= 4:
            # a full name the entity recogniser missed: someone named before, or in the actor dictionary
            known = mentions.by_surname.get(phrase.split()[-1].lower())
            if known is not None and known.name.lower() == phrase.lower():
                mentions.last_person = known
                return known
            person = self.actors.person(phrase, self.ctx.date)
            if person is not None:
                info = self._from_person(person.name, person.role, person.org)
                mentions.remember(info)
                return info
        glued = self._person_after_title(head)
        if glued is not None:  # "Minister of National Defence Laurynas Kasciunas": the parser hung the name on the body
            info = self._person_info(glued[0], sent, extra_role=glued[1])
            mentions.remember(info)
            return info
        titled = self._titled_name(head)
        if titled is not None:  # "Foreign Ministry spokeswoman Ilse Varga", the name the recogniser missed
            mentions.remember(titled)
            return titled
        owned = self._owned_body(head, phrase) or self._body_of_kind(phrase, head)
        if owned is not None:  # "its defence ministry", "the foreign ministry": the state spoken of's
            mentions.remember(owned)
            return owned
        info = self._body_info(phrase, head)
        named = self._role_name(head)
        if named:  # "a spokeswoman for the Turkish defence ministry" -> "Turkish defence ministry spokeswoman"
            info.name = named
        elif head.lemma_.lower() in ("spokesman", "spokeswoman", "spokesperson") and not any(
                t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in head.subtree):
            self._qualify_role(info, head)
        later = self._named_later(head)
        if later:
            info = replace(info, name=later, role=info.name, is_person=True)
        mentions.remember(info)
        return info

    def _named_later(self, head: Token) -> str:
        """The person a role introduces and the text names elsewhere: "..., a Revolutionary Guards
        commander said." and "Amirali Hajizadeh, head of the Revolutionary Guards' aerospace
        division, ...": Hajizadeh. The other mention gives a full name beside a role word and shares a
        capitalised word of this one ("Revolutionary", "Guards"): the text after the sentence, and for a
        definite post ("the commander of ...") the text before it too. Read from the text, so that a run
        parsing only candidate passages finds the same."""
        lemma = head.lemma_.lower()
        det = next((c.lower_ for c in head.children if c.dep_ == "det"), "")
        definite = det == "the" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        # (a person's post, not an anonymous "official", "source" or "diplomat", who stays unnamed)
        if head.tag_ != "NN" or lemma not in self.rules.person_roles - {"diplomat"} or det not in ("a", "an", "the"):
            return ""
        # the words that tell this post from others of a state: "Revolutionary Guards", not "Iranian"
        words = [t.text for t in head.subtree if t.i != head.i and t.text[:1].isupper() and t.is_alpha and t.i > head.sent.start]
        qualifiers = {w for w in words if not self.actors.is_country_form(w)}
        # a post told only by its state ("a US commander said") is the one the text names next in
        # that post of that state ("Lt. Gen. Alexus Grynkewich, a commander for U.S. Central Command")
        states = {self.actors.country_of(t.text) for t in head.children if t.dep_ in ("amod", "compound", "nmod")
                  and self.actors.is_country_form(t.text)} - {""} if not qualifiers and det in ("a", "an") else set()
        if not qualifiers and not states:
            return ""
        text = self.ctx.full_text if self.ctx.full_text is not None else self.text
        offset = self.ctx.base_offset if self.ctx.full_text is not None else 0
        start, end = offset + head.sent.start_char, offset + head.sent.end_char
        pattern = _role_pattern(self.rules.role_nouns | self.rules.person_roles | _TITLE_HEADS)

        def same_post(part: str, m: re.Match) -> bool:
            near = part[max(0, m.start() - 60) : m.end() + 60]
            if qualifiers:
                return any(q in near.split() for q in qualifiers)
            body = self.actors.find(near)  # ("U.S. Central Command": a body of the state)
            named = set(self.actors.countries_in(near)) | ({body.country} if body is not None else set())
            return lemma in m.group(0).lower().split() and bool(states & named)

        parts = [(text[end : end + 3000], 0)] + ([(text[max(0, start - 3000) : start], -1)] if definite else [])
        for part, nearest in parts:
            found = [name for m in pattern.finditer(part) for name in [_named_with(part, m.start(), m.end())]
                     if name and same_post(part, m)]
            if found:
                return found[nearest]  # the first one after, the last one before
        return ""

    def _one_by_role(self, info: SpeakerInfo | None) -> bool:
        """One speaker named by a role ("military spokesman", "defence source"), a "he" or "she" to come."""
        return info is not None and bool(info.name) and not info.plural and (
            info.name.lower().split()[-1] in self.rules.role_nouns | self.rules.person_roles)

    def _qualify_role(self, info: SpeakerInfo, head: Token) -> None:
        """A spokesman named by a bare role ("a defence spokesman", "the spokeswoman") speaks for the
        body the text is about: the organisation the phrase names, else the release's issuer,
        the official source, or the official body named last; the name says whose role it is
        ("China Ministry of National Defense spokesman"), as one names such a speaker."""
        org = info.org
        if not org:
            org = self._context_org()
            last = self.ctx.mentions.last_body
            if not org and last is not None and last.official and last.org:
                org = last.org
        actor = self.actors.organisation(org) if org else None
        if actor is None or not actor.official or actor.kind == "government":
            return  # (a government has many spokesmen: "the spokesman" stays as the text says)
        words = [t.text for t in head.subtree if (t.i <= head.i and t.dep_ in ("amod", "compound") or t.i == head.i)
                 and t.lower_ not in _UNNAMED and t.lower_ not in actor.name.lower().split()]  # (not "Coalition coalition")
        info.name = f"{actor.name} {' '.join(words)}"
        info.org, info.country, info.official = actor.name, actor.country, True

    def _split_role(self, head: Token, person: Span) -> str:
        """"provincial director of information Ahmad Zia told": the parser made the role a
        second subject right before the name; it is the person's role."""
        if person.start == 0:
            return ""
        before = head.doc[person.start - 1]
        role = next((t for t in head.head.children if t.dep_ == head.dep_ and t.i < person.start
                     and t.right_edge.i == before.i and t.pos_ == "NOUN"), None)
        return _phrase_text(role) if role is not None else ""

    def _mouthpiece_of(self, head: Token) -> Token | None:
        """The body a press service or office speaks for ("the press service of X")."""
        if not self._is_mouthpiece(head):
            return None
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        if owner is not None:
            return owner  # "the ministry's press service"
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None

    def _is_mouthpiece(self, head: Token) -> bool:
        words = " ".join(t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod")) + " " + head.lower_
        return words.strip() in self.rules.mouthpieces

    def _body_of_kind(self, phrase: str, head: Token) -> SpeakerInfo | None:
        """A body named by its kind alone ("the foreign ministry", "the Defense Ministry"): the one
        of that kind the sentence named before it with its state ("informed Japan's coast guard
        ..., the coast guard said"), else the one of that kind named before, else that of the state
        the text speaks of (the body or government named last, else the issuer's or the source's), by
        its canonical name; in a release of a body of that kind, the issuer itself."""
        plain = _strip_determiners(phrase)
        kind = self.actors.org_type(plain)
        if kind is None or self.actors.country_of(plain):
            return None
        named_here = self._named_before_here(head, lambda c: bool(self.actors.country_of(c.text)))
        if named_here is not None:
            return named_here
        speaking = self._state_speaking_before(head)
        if speaking:  # "Kuwait said it was investigating, but a government spokesman said ...": Kuwait's
            return self._state_body(speaking, kind)
        issuer = self.issuer()
        if issuer is not None and issuer.country and issuer.org == f"{issuer.country} {kind[0]}":
            return SpeakerInfo(issuer.org, "", issuer.org, issuer.country, True, False, False)  # in its own release
        mentions = self.ctx.mentions
        # (by the word the text uses: "the ministry" is the "Foreign Ministry" named before; "the Department of
        # Foreign Affairs" after "China's Foreign Ministry", another state's)
        word = head.lemma_.lower()
        named = mentions.body_named(word if word in self.rules.generic_bodies else kind[0].split()[-1].lower())
        if named is not None and named.org:
            return named
        for info in (mentions.last_speaker, mentions.last_body):
            if info is not None and info.org and word in self.rules.generic_bodies and self.actors.find_org_type(info.org) == kind:
                continue  # a body of the same kind named otherwise: not the one this name is
            if info is not None and not info.is_person and info.country:
                country = info.country
                break
        else:
            actor = self._source_actor()
            # (else the state of the dateline's place: "BEIJING - ..., the Foreign Ministry said")
            country = actor.country if actor is not None and actor.official else self._dateline_country
        return self._state_body(country, kind) if country else None

    def _state_body(self, country: str, kind) -> SpeakerInfo:
        """A state's body of a kind (`ActorDictionary.org_type`), by its canonical name."""
        actor = self._state_actor(country, kind)
        return SpeakerInfo(actor.name, "", actor.name, actor.country, actor.official, False, False)

    def _state_actor(self, country: str, kind):
        """A state's body of a kind: the dictionary's, else one composed of the state and the kind."""
        return self.actors.organisation(f"{country} {kind[0]}") or self._composed(country, kind)

    def _state_speaking_before(self, head: Token) -> str:
        """The state that is the subject of a reporting verb earlier in the sentence ("Kuwait said
        ..., but a government spokesman said", "Saudi Arabia said"), or ""."""
        for tok in reversed(head.sent[: head.i - head.sent.start]):
            if tok.dep_ != "nsubj" or tok.pos_ == "PRON" or tok.head.lemma_.lower() not in self.rules.reporting_verbs or (
                    tok.head.i > head.i):
                continue
            actor = self.actors.organisation(tok.doc[tok.left_edge.i : tok.i + 1].text)
            if actor is not None and actor.kind == "government" and actor.country:
                return actor.country
        return ""

    @functools.cached_property
    def _dateline_country(self) -> str:
        """The state of the place a report's or a release's dateline names ("ANKARA" on a line of
        its own, "BEIJING, May 3 (Reuters) - ", "Paris, 14 April 2018"), or ""."""
        text = self.ctx.full_text if self.ctx.full_text is not None else self.text
        heading, (_, body) = _heading_lines(text, self.ctx.structure)
        for line in [*(line for _, line in heading[-3:]), body]:
            place = _dateline_place(line)
            country = self.actors.country_of(place) if place else ""
            if country:
                return country
        return ""

    def _named_before_here(self, head: Token, qualifies) -> SpeakerInfo | None:
        """The same noun named earlier in the sentence with a qualifier `qualifies` accepts ("The Kenyan
        defence ministry has informed Somalia, the ministry said"), described; else None."""
        earlier = next((t for t in reversed(head.sent[: head.i - head.sent.start]) if t.lemma_.lower() == head.lemma_.lower()
                        and any(c.dep_ in ("compound", "amod", "nmod", "poss") and qualifies(c) for c in t.children)), None)
        info = self.describe(earlier, head.sent) if earlier is not None else None
        return info if info is not None and info.name else None

    def _ministry_of_minister_here(self, head: Token) -> SpeakerInfo | None:
        """The ministry a minister named earlier in the sentence heads ("Russia's defence minister held
        calls with his counterparts, the ministry said": Russia's defence ministry), when the actor
        dictionary knows it; else None."""
        minister = next((t for t in reversed(head.sent[: head.i - head.sent.start]) if t.lemma_.lower() == "minister"
                         and any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in t.children)), None)
        if minister is None:
            return None
        phrase = _phrase_text(minister)
        ministry = re.sub(r"\bminister\b", "ministry", phrase, count=1, flags=re.I)
        actor = self.actors.organisation(ministry) or self.actors.find(ministry)
        if actor is None or "ministry" not in actor.name.lower():
            return None
        info = SpeakerInfo(_strip_determiners(ministry), "", actor.name, actor.country, actor.official, False, False)
        self.ctx.mentions.remember(info)
        return info

    def _person_after_title(self, head: Token) -> tuple[Span, str] | None:
        """A title whose "of" phrase ends in a person's name ("Minister of National Defence Laurynas
        Kasciunas"): the person, and the title before the name as the role."""
        if head.lower_ not in self.rules.official_roles:
            return None
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            ent = next((e for g in prep.children if g.dep_ == "pobj" for e in [self._person_ent_at(g)] if e is not None), None)
            if ent is not None and ent.start > prep.i + 1:
                return ent, head.doc[head.i : ent.start].text
        return None

    def _titled_name(self, head: Token) -> SpeakerInfo | None:
        """A proper name right after a role word in one noun phrase ("Foreign Ministry spokeswoman
        Ilse Varga"): a person with that role, even when the entity recogniser missed the name."""
        if head.pos_ != "PROPN":
            return None
        left = [t for t in head.doc[head.left_edge.i : head.i + 1] if t.i >= head.sent.start]
        role_at = max((k for k, t in enumerate(left) if t.lemma_.lower() in self.rules.official_roles and t.pos_ == "NOUN"),
                      default=None)
        if role_at is None and left and left[0].lower_ in self.rules.official_roles:
            # "Minister of National Defence Hanno Pevkur": a title with its body, then the name (the words
            # after the last one of a body's kind)
            start = len(left)
            while start > 1 and left[start - 1].pos_ == "PROPN" and left[start - 1].lower_ not in self.actors.type_words() and (
                    left[start - 1].lower_ not in self.rules.official_roles):
                start -= 1
            role_at = start - 1 if start < len(left) and left[start - 1].lower_ in self.actors.type_words() else None
        if role_at is None:
            return None
        name = left[role_at + 1 :]
        if not 1 <= len(name) <= 3 or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in name):
            return None
        if self.actors.organisation(_tokens_text(name)) is not None and self.actors.person(_tokens_text(name)) is None:
            return None  # ("Director General ISPR said": the body whose head speaks, not a person's name)
        role = _tokens_text([t for t in left[:role_at + 1] if t.lower_ not in _DETERMINERS])
        actor = self.actors.find(role) or self._issuer_of_kind(role)
        return SpeakerInfo(_clean_name(_tokens_text(name)), role, actor.name if actor else "",
                           actor.country if actor else self.actors.country_of(role),
                           self._official(role, actor.official if actor else None), True, False)

    def _is_state_name(self, text: str) -> bool:
        actor = self.actors.organisation(_clean_name(text))
        return actor is not None and actor.kind == "government" and self.actors.person(_clean_name(text)) is None

    def _owned_body(self, head: Token, phrase: str) -> SpeakerInfo | None:
        """A body named by its kind after "its"/"their" ("its defence ministry"), of the state
        named last: its canonical name ("Turkey Ministry of Defence")."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
            return None
        kind = self.actors.org_type(_strip_determiners(phrase))
        state = self.ctx.mentions.last_body
        if kind is None or state is None or not state.country:
            return None
        return self._state_body(state.country, kind)

    def _role_name(self, head: Token) -> str:
        """A speaker named only by a role and the body it serves, written as the body's
        role ("IDF spokesperson", "Pentagon officials"), as one names such a speaker."""
        if head.lemma_.lower() not in self.rules.role_nouns and head.lower_ not in self.rules.role_nouns:
            return ""
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from")), None)
        body = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if body is None or body.pos_ not in ("PROPN", "NOUN") or body.lemma_.lower() in self.rules.role_nouns:
            return ""
        owner = _strip_determiners(_phrase_text(body))
        if not owner or len(owner.split()) > 6:
            return ""
        modifiers = [t for t in head.lefts if t.dep_ in ("amod", "compound", "nmod") and t.lower_ not in _DETERMINERS]
        words = [t.text for m in modifiers for t in m.subtree if t.i < head.i]
        return " ".join([owner, *words, head.text])

    def _resolve_role(self, head: Token) -> SpeakerInfo | None:
        """"the press secretary said" -> the press secretary named earlier, or the one
        the actor dictionary knows for the document's organisation and date;
        "his office said" -> "<that person>'s office"."""
        mentions = self.ctx.mentions
        lemma = head.lemma_.lower()
        det = next((c for c in head.children if c.dep_ in ("det", "poss")), None)
        if det is not None and det.lower_ in ("his", "her") and lemma in (
            "office", "spokesman", "spokesperson", "spokeswoman", "ministry", "government", "aide", "aides", "staff"
        ):
            earlier = [e for e in self._ents_in(head.sent) if e.label_ == "PERSON" and e.end <= head.i]
            # (the one the sentence is about, its subject, before one named inside a phrase: "Abdul Mahdi
            # received a message that the retaliation for the killing of Soleimani had started, his spokesman said")
            subjects = [e for e in earlier if e.root.dep_ in ("nsubj", "nsubjpass") or (
                e.root.dep_ in ("appos", "compound") and e.root.head.dep_ in ("nsubj", "nsubjpass"))]
            earlier = subjects or earlier
            person = self._person_info(earlier[-1], head.sent) if earlier else mentions.last_person
            if person is not None:
                return SpeakerInfo(f"{person.name}'s {head.text}", "", person.org, person.country, True, False, False)
            # no one named: a principal known by role ("Iraq's prime minister ..., his office said");
            # someone with an office or a spokesman speaking for them is an official
            # (a person's role, one holder: not "the two armies ..., his spokesman said")
            roles = [t for t in head.sent if t.i < head.i and t.tag_ == "NN" and t.lemma_.lower() in self.rules.official_roles
                     and t.lemma_.lower() in self.rules.person_roles | self.rules.role_nouns]
            if roles:
                principal = _phrase_text(roles[-1])
                actor = self.actors.find(principal)
                return SpeakerInfo(f"{_strip_determiners(principal)}'s {head.text}", "", actor.name if actor else "",
                                   actor.country if actor else self.actors.country_of(principal), True, False, False)
        if det is not None and det.lower_ == "the" and lemma in self.rules.generic_bodies and not any(
            c.dep_ in ("compound", "amod", "nmod", "prep") for c in head.children
        ) and self._turn(head.sent) is None:  # (in a briefing "the department" is the briefer's own)
            named_here = self._named_before_here(head, lambda c: True)
            if named_here is not None:  # "The Kenyan defence ministry has informed Somalia, the ministry said"
                return named_here
            headed = self._ministry_of_minister_here(head) if lemma == "ministry" else None
            if headed is not None:  # "Russia's defence minister held calls ..., the ministry said": his ministry
                return headed
            cited = self._previous_cited if head.sent.start > 0 and self._adjacent(head.sent) else None
            if cited is not None and lemma in cited.name.lower().replace("-", " ").split():
                return cited  # "According to the Turkish ministry, ... . ..., the ministry said": the one just cited
            spoke = self._previous_speaker if head.sent.start > 0 and self._adjacent(head.sent) else None
            if spoke is not None and not spoke.is_person and lemma in spoke.name.lower().replace("-", " ").split():
                return spoke  # "The X ministry gave another account, saying ... . The ministry said ...": that one
            body = mentions.body_named(lemma)
            if body is not None:
                return body  # "the ministry said": the ministry named before
        previous = self._previous_speaker if head.sent.start > 0 and self._adjacent(head.sent) else None
        phrase = _phrase_text(head)
        # ("The representative of the United States said ...", after the Russian one: another's role; "the
        # Turkish foreign minister", after the Jordanian one)
        states = set(self.actors.countries_in(phrase)) | {
            self.actors.country_of(c.text) for c in head.children
            if c.dep_ in ("amod", "compound", "poss", "nmod") and self.actors.is_country_form(c.text)}
        # "the officials" refers back to those named before; a bare plural role only to the last that
        # spoke ("US officials told X ... Officials also told Y")
        if det is not None and det.lower_ == "the":
            antecedents = (previous, mentions.last_speaker, mentions.last_group)
        elif det is None and head.tag_ == "NNS" and lemma in self.rules.role_nouns:
            antecedents = (previous, mentions.last_speaker)
        else:
            antecedents = ()
        for last in antecedents:
            if states and last is not None and last.country and last.country not in states:
                continue
            if last is not None and not last.is_person and last.name and (
                last.name.lower().split()[-1] == head.lower_ and not any(
                    c.dep_ in ("compound", "amod") and c.lower_ != "same" for c in head.children)
            ):
                return last  # "A senior Syrian official denied ... 'Nobody told us,' the official said."; "the officials"
        if det is not None and det.lower_ == "the" and lemma in self.rules.role_nouns and not any(
                c.dep_ in ("compound", "amod", "prep", "nummod") and c.lower_ != "same" for c in head.children):
            # "the official(s)", "the same source": an anaphor
            voice = self._previous_voice if self._adjacent(head.sent) else None
            if voice is not None and voice.is_person and voice.official and head.tag_ == "NN" and lemma != "source":
                return voice  # "Rogachev noted that ... According to the official, ...": the official who just spoke
            earlier = self._described_before(head)
            if earlier is not None:
                return earlier  # "a senior U.S. defence official ... (sentences later) the official said"
        if det is None or det.lower_ != "the" or lemma not in self.rules.official_roles or head.tag_ in ("NNS", "NNPS"):
            return None
        if lemma in self.rules.generic_bodies:
            return None  # "the Ministry of Defence regrets": the body, not a person whose role names it
        if any(c.dep_ == "compound" and c.ent_type_ in ("PERSON",) for c in head.children):
            return None
        core = _role_core(phrase)
        named = [info for info in reversed(list(mentions.by_surname.values())) if info.role]
        served = {info.name: self._state_of(info) for info in named} if states else {}
        named = [info for info in named if not states or not served[info.name] or served[info.name] in states]
        for info in named:
            if _role_core(info.role) == core:
                return info
        for info in named:  # "the (deputy) minister": the "(Deputy) Foreign Minister" named before
            # (a role of a named state only one of that state's: not "Iran's foreign minister" for a minister
            # of government communication whose state the text has not said)
            if _role_within(core, info.role) and (not states or served[info.name] in states):
                return info
        org = self._context_org()
        if org and self.ctx.date is not None:
            match = self.actors.person_by_role(org, lemma, self.ctx.date)
            if match is not None:
                return self._from_person(match.name, match.role, match.org)
        previous = self._previous_speaker if self._adjacent(head.sent) else None
        for last in (previous, mentions.last_speaker):
            if states and last is not None and self._state_of(last) not in states:
                continue  # (nor one whose state the text has not said: "Iran's foreign minister" after Jordan's spokesman)
            if lemma in self.rules.person_roles and last is not None and last.is_person and last.official and not (
                    _role_words(last.role)[-1:] == [lemma] and not _role_within(core, last.role)):
                # "Zakharova said ... the diplomat wrote on her channel": the official who spoke last (not
                # the press secretary for "the Secretary": another job of the same name)
                return last
        return None

    def _state_of(self, info: SpeakerInfo) -> str:
        """The state a speaker serves: their own, else their body's."""
        body = self.actors.organisation(info.org) if info.org and not info.country else None
        return info.country or (body.country if body is not None else "")

    def _context_org(self) -> str:
        """The organisation the document speaks for: its turn's speaker, or its issuer."""
        issuer = self.issuer()
        if issuer is not None:
            return issuer.org
        actor = self._source_actor()
        return actor.name if actor is not None else ""

    def _body_info(self, phrase: str, head: Token) -> SpeakerInfo:
        phrase = self._spelled_out(phrase, head)
        # ("a Western diplomat in Baghdad": where a speaker no state is named for stands is not whom they serve)
        stateless = bool({w.lower() for w in phrase.split()} & self.rules.stateless_qualifiers)
        looked_up = re.split(r"\s+(?:in|at)\s+", phrase)[0] if stateless else phrase
        actor = (self._named_in_document(phrase) or self.actors.organisation(phrase) or self._kind_named_before(phrase)
                 or self.actors.find(looked_up))
        if actor is None:  # "a Defence Ministry spokesperson", no state named: the ministry of the state spoken of
            words = _strip_determiners(phrase).split()
            while words and words[-1].lower() in self.rules.role_nouns:
                words.pop()
            kind_body = self._body_of_kind(" ".join(words), head) if 0 < len(words) < len(phrase.split()) else None
            actor = self.actors.organisation(kind_body.org) if kind_body is not None and kind_body.org else None
        if actor is None and not self.actors.country_of(looked_up):
            # "A U.S. official said ... Another official said": one more of the same kind, of the same side
            same = self._another_of_kind(head)
            if same is not None:
                return replace(same, name=_strip_determiners(phrase), plural=head.tag_ in ("NNS", "NNPS"))
        country = actor.country if actor else self.actors.country_of(looked_up)
        words = {w.lower().strip(".,") for w in phrase.split()}
        plural = head.tag_ in ("NNS", "NNPS")
        official = self._official(phrase, actor.official if actor else None)
        org = actor.name if actor and (official or actor.kind != "government") else ""
        # ("Israeli media": of the state, but not its government's voice)
        if not org and official and country and words & {"official", "officials", "government", "authorities", "administration"}:
            org = self.actors.government(country).name
        return SpeakerInfo(_strip_determiners(phrase), "", org, country, official, False, plural)

    def _kind_named_before(self, role: str):
        """The body a role names by its kind alone ("coalition spokesman", "command spokesperson") that the text
        named before ("the Saudi-led coalition", "the U.S. Indo-Pacific Command"), not the one the dictionary
        knows by the bare word; None otherwise."""
        # ("a spokesperson for the command": its words past the articles and prepositions)
        role_words = [w for w in role.lower().split() if w not in _DETERMINERS and w not in ("for", "of", "at", "from")]
        body_word = [w for w in role_words if w in self.rules.generic_bodies or w == "coalition"]
        if len(body_word) != 1 or not all(w in self.rules.role_nouns | self.rules.official_roles for w in role_words
                                          if w != body_word[0]):
            return None
        named = self.ctx.mentions.body_named(body_word[0])
        return self.actors.organisation(named.org) if named is not None and named.org else None

    def _another_of_kind(self, head: Token) -> SpeakerInfo | None:
        """The speaker just before, when `head` is "another" or "a second" of their kind ("another official"
        after "a U.S. official"); else None."""
        more = any(c.lower_ in ("another", "second", "third", "other") and c.dep_ in ("det", "amod") for c in head.children)
        last = self.ctx.mentions.last_speaker
        if not more or last is None or last.is_person or not (last.org or last.country):
            return None
        kind = head.lemma_.lower()
        return last if kind in {w.lower().rstrip("s") for w in last.name.split()} | {w.lower() for w in last.name.split()} else None

    def _named_in_document(self, phrase: str):
        """The body a bare common word stands for in this document ("a coalition spokesman" after
        "the Saudi-led coalition said"): the one the text named with that word, not the body the
        dictionary gives the word alone (the US-led coalition)."""
        people = self.rules.role_nouns | self.rules.person_roles | self.rules.reporting_nouns
        core = [w for w in _strip_determiners(phrase).lower().split() if w not in people]
        default = self.actors.organisation(core[0]) if len(core) == 1 and core[0].isalpha() else None
        if default is None:
            return None
        named = self.ctx.mentions.body_named(core[0])
        actor = self.actors.organisation(named.org or named.name) if named is not None else None
        return actor if actor is not None and actor.name != default.name else None

    def _spelled_out(self, phrase: str, head: Token) -> str:
        """An acronym the document has spelled out before ("the Department of Foreign Affairs
        (DFA) ... The DFA said"): the full name, which the dictionary and a reader know. Read
        from the text, so that a run parsing only candidate passages finds the same."""
        short = _strip_determiners(phrase)
        if not _ACRONYM.fullmatch(short) or self.actors.organisation(short) is not None:
            return phrase
        text = self.ctx.full_text if self.ctx.full_text is not None else self.text
        offset = self.ctx.base_offset if self.ctx.full_text is not None else 0
        before = text[: offset + head.idx]
        found = None
        for m in re.finditer(r"((?:[A-Z][\w'’.-]*|of|for|and|the|on)(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|the|on)){1,8})\s*\(\s*"
                             + re.escape(short) + r"\s*\)", before):
            found = m
        if found is None:
            return phrase
        words = found.group(1).split()
        initials = [w for w in words if w[:1].isupper()]
        while words and (words[0][:1].islower() or len(initials) > len(short)):
            if words[0][:1].isupper():
                initials.pop(0)
            words.pop(0)  # ("... warned that the Department of Foreign Affairs (DFA)": the name only)
        return " ".join(words) if words else phrase

    def _person_info(self, ent: Span, sent: Span, extra_role: str = "") -> SpeakerInfo:
        name = _clean_name(ent.text)
        words = name.split()
        titled = self.rules.official_roles | self.rules.role_nouns
        # (a rank written without its full stop is a rank still: "Lt Gen Ahmed Sharif Chaudhry")
        titles = [w for w in words[:-2] if w.lower() in titled or f"{w.lower()}." in titled]
        if titles and words[: len(titles)] == titles:  # "Spokesperson Matthew Miller" the recogniser took whole
            name, extra_role = " ".join(words[len(titles):]), (extra_role or " ".join(titles))
            written = self._title_before(ent.start)
            if written and ent.start not in self._retitled:
                # (with the body and rank words before it: "NATO Deputy [Spokesperson Marit Odegaard]")
                self._retitled[ent.start] = f"{written} {' '.join(titles)}"
        known = (self.ctx.mentions.known(name) if len(name.split()) == 1 else self.ctx.mentions.by_surname.get(name.split()[-1].lower())) if name else None
        if known is None and len(name.split()) >= 2:
            known = self.ctx.mentions.longer_form(name)
            if known is not None:
                name = known.name
        person = self.actors.person(name, self.ctx.date)
        if person is None and ent.start > 0 and ent.doc[ent.start - 1].pos_ == "PROPN":
            # "Lloyd J. Austin III" whose first name the recogniser left out: the dictionary knows the whole
            longer = self.actors.person(f"{ent.doc[ent.start - 1].text} {name}", self.ctx.date)
            if longer is not None:
                person, name = longer, f"{ent.doc[ent.start - 1].text} {name}"
        if person is None and len(name.split()) == 1:
            if known is not None:
                name = known.name
            person = self.actors.person_by_surname(name, self.ctx.date)
        if person is not None and len(name.split()) < 2:
            name = person.name  # the text gave a surname only: the dictionary's full name
        # the role is what stands in front of the name in its noun phrase
        before = [t for t in ent.root.head.subtree if t.i < ent.start and t.dep_ in ("compound", "amod", "poss", "case", "nmod") and t.i >= sent.start] if ent.root.dep_ == "compound" else []
        left = [t for t in ent.root.children if t.i < ent.start and t.dep_ in ("compound", "amod", "poss", "nmod", "case")]
        role_tokens = sorted({*before, *[x for t in left for x in t.subtree]}, key=lambda t: t.i)
        role = _tokens_text([t for t in role_tokens if t.i < ent.start and t.lower_ not in _DETERMINERS])
        if ent.start in self._retitled:
            role, extra_role = self._retitled[ent.start], ""  # (the title the recogniser took in with the name)
        extra = _strip_determiners(extra_role)
        # (one title the parser split, "NATO Deputy" + "Spokesperson", reads as written)
        joint = ", " if role and extra and f"{role} {extra}" not in sent.text else " "
        role = (role + (joint if role and extra else "") + extra).strip(", ")
        if role and all(w.lower().rstrip(".") in _COURTESY_WORDS for w in role.split()):
            role = ""  # "Mr. Yavuzer": a courtesy, no role (the one named before keeps theirs)
        if role and person is not None and len(name.split()) >= 2:
            person = self.actors.person(name, self.ctx.date, role=role) or person  # (the job the text gives)
        if not role and known is not None:
            role = known.role
        if not role and person is not None:
            role = person.role
        org_actor = self._kind_named_before(role) or (self.actors.find(role) if role else None)
        if org_actor is None and person is None and known is None and role:
            org_actor = self._issuer_of_kind(role)  # "Minister of National Defence X" in the ministry's own release
        org = org_actor.name if org_actor else (person.org if person else (known.org if known else ""))
        if not org and person is None and known is None and role.lower() in self.rules.role_nouns:
            # "..., his spokesman said." then "The spokesman, Ahmed Mulla Talal, said": the one who spoke
            # just before in that role, now named
            last = self.ctx.mentions.last_speaker
            if last is not None and last.org and last.name.lower().endswith(f"'s {role.lower()}"):
                org = last.org
        if org_actor is None and org:
            org_actor = self.actors.organisation(org)
        country = org_actor.country if org_actor else self.actors.country_of(role)
        official = self._official(role, org_actor.official if org_actor else (True if person else None))
        if known is not None and not role and known.official:
            official = True
        if _RETIRED_MARK.search(ent.doc.text[max(sent.start_char, ent.start_char - 12) : ent.start_char]):
            # "Maj. Gen. (retd) X": retired, as a role says it ("retired" is no serving holder's, see roles.py)
            return SpeakerInfo(name, f"retired {role or self._title_before(ent.start)}".strip(), org, country, False, True, False)
        if not role and known is None and person is None:
            # a person the text names without any role: on these matters, mostly an official (analysts,
            # experts and journalists come with their role, which `_official` reads)
            official = True
        return SpeakerInfo(name, role, org, country, official, True, False)

    def _issuer_of_kind(self, role: str):
        """The release's issuer when it is a body of the kind a role names without a state ("Minister of
        National Defence" in a defence ministry's release): the body the person speaks for."""
        kind = self.actors.org_type(role)
        issuer = self.issuer() if kind is not None else None
        if issuer is None or not issuer.country or issuer.org != f"{issuer.country} {kind[0]}":
            return None
        return self.actors.organisation(issuer.org) or self._composed(issuer.country, kind)

    def _from_person(self, name: str, role: str, org: str) -> SpeakerInfo:
        actor = self.actors.organisation(org) if org else None
        return SpeakerInfo(name, role, org, actor.country if actor else "", actor.official if actor else True, True, False)

    def _official(self, text: str, org_official: bool | None) -> bool:
        words = [w.lower().strip(".,'’()") for w in text.split()]  # ("Maj. Gen. (retd)")
        # (past any article or count: "one former U.S. officer" leads with "former")
        lead = next((w for w in words if w not in _DETERMINERS and w not in _QUANTITIES), "")
        if org_official and words and (words[-1] in self.rules.official_roles or words[-1] in self.rules.generic_bodies) and (
                lead not in self.rules.unofficial_roles):
            # "Iraqi Security Media Cell spokesman", "the military's media wing": an official body's name or part may
            # hold "media" (not "former defence minister")
            return True
        if any(w in self.rules.unofficial_roles for w in words) or find_phrase(words, self.rules.unofficial_role_phrases):
            return False
        if org_official is not None:
            return org_official
        if any(w in self.rules.official_roles or _singular(w) in self.rules.official_roles or f"{w}." in self.rules.official_roles
               for w in words) or find_phrase(words, self.rules.official_role_phrases):
            # ("Lt. Gen.": an abbreviated rank, read without its full stop, is a rank still)
            return True  # ("Western governments", "the two ministries")
        return any(w in self.rules.state_groups for w in words)  # "some countries have not confirmed": states speaking

    def turn_speaker(self, turn) -> SpeakerInfo:
        name, role = turn.name, turn.role
        person = self.actors.person(name, self.ctx.date) if name else None
        if person is None and name:
            person = self.actors.person_by_surname(name.split()[-1], self.ctx.date)
            if person is not None and len(name.split()) > 1 and person.name.split()[0].lower() != name.split()[0].lower():
                person = None
        if person is not None:
            name = name if len(name.split()) >= 2 else person.name
            role = role or person.role
        # the body of a person the dictionary knows, before one a role reads as ("Secretary of State
        # for Defence Michael Fallon" is of the British defence ministry, not the State Department)
        org_actor = self.actors.organisation(person.org) if person is not None and person.org else None
        if org_actor is None and role:
            org_actor = self.actors.find(role)
        if org_actor is None:
            org_actor = self._source_actor() or self._transcript_body
        org = org_actor.name if org_actor else ""
        official = self._official(role, org_actor.official if org_actor else (True if person else None))
        if official and person is None and org_actor is not None and self._is_legislature(org_actor.name) and not self._official(role, None):
            official = False  # a member in a debate, with no office of their own ("Helen Y (Sheffield Norton) (Lab):")
        if org_actor is None and person is None and not role:
            official = True  # a briefer at an official podium, unless the text says otherwise
        if not name and org_actor is not None and official:
            # an answer ("A:") whose speaker the transcript does not name: the body it speaks for
            return SpeakerInfo(org_actor.name, "", org, org_actor.country, True, False, False)
        # (a transcript may name its briefer by role alone: "Foreign Ministry Spokesperson")
        return SpeakerInfo(name, role, org, org_actor.country if org_actor else "", official, person is not None or name != role,
                           False)

    def _is_legislature(self, name: str) -> bool:
        """A body's name that names a legislature ("United Kingdom Parliament", "U.S. Congress")."""
        low = f" {name.lower()} "
        return any(f" {word} " in low for word in self.rules.legislatures)

    @functools.cached_property
    def _transcript_body(self):
        """The official body a transcript's heading lines name as a whole line ("U.S. Department of
        State" above "Department Press Briefing"): whom a briefer the text names without one speaks for."""
        text = self.ctx.full_text if self.ctx.full_text is not None else self.text
        heading, _ = _heading_lines(text, self.ctx.structure)
        # (a line may date the briefing after its body: "Department of Defense, Feb. 2, 2024")
        lines = [_DATED_LINE.sub("", line) for _, line in heading]
        return self._org_in(lines, None, whole_lines=True) if heading else None

    def _government_of(self, info: SpeakerInfo) -> str:
        return self.actors.government(info.country).name if info.country else ""

    def _source_actor(self):
        """The body the metadata names as source ("Pakistan Foreign Office (via FAS)" -> the first)."""
        source = re.sub(r"\s*\((?:via|from|through)\b[^)]*\)", "", self.ctx.source or "").strip()
        if not source:
            return None
        actor = self.actors.organisation(source) or self.actors.find(source)
        if actor is not None and actor.kind == "government" and not _names_government(source, actor.country, self.actors):
            actor = None  # "Manila Bulletin", "The Moscow Times", "Pakistan Point News": a place in an outlet's name
        if actor is None or actor.kind == "government":
            kind = self.actors.find_org_type(source)
            country = self.actors.country_of(source) or (actor.country if actor else "")
            if kind is not None and country:
                return self._state_actor(country, kind)
        return actor

    def issuer(self) -> SpeakerInfo | None:
        """The body (or person) issuing an official release, or None for a news report.

        Found in the document's heading lines: a release marker ("Statement by
        Pentagon Press Secretary Peter Cook on ..."), or a heading that names an
        official body ("Ministry of Foreign Affairs, Pakistan"); else the source
        named in the metadata when it is an official body. A dateline with a news
        agency, a byline or a media source make it a news report.
        """
        ctx = self.ctx
        if not ctx.issuer_resolved:
            ctx.issuer_resolved = True
            ctx.issuer = self._signed(self._find_issuer())
            ctx.sections = self._section_issuers()
        if ctx.sections and self._sentence_start >= ctx.sections[0][0]:
            return next(info for start, info in reversed(ctx.sections) if start <= self._sentence_start)
        return ctx.issuer

    def _sections(self) -> list[tuple[int, SpeakerInfo]]:
        """Where each statement of a document of several begins, and its issuer (read once)."""
        self.issuer()
        return self.ctx.sections

    def _section_issuers(self) -> list[tuple[int, SpeakerInfo]]:
        """A document of several statements, each under a heading of its own ("1. Press release of
        ISPR" ... "2. Statement by Foreign Ministry Spokesman X", "RIGHT OF REPLY BY THE DELEGATION
        OF ..."): where each begins after the document's head, and its issuer; a heading that names
        none begins no new statement."""
        ctx = self.ctx
        text = ctx.full_text if ctx.full_text is not None else self.text
        if ctx.structure is None or ctx.structure.is_transcript:
            return []
        _, (body_start, _) = _heading_lines(text, ctx.structure)
        lines, pos = [], 0
        for line in text.split("\n"):
            if line.strip():
                lines.append((pos, line))
            pos += len(line) + 1
        sections = []
        for k, (start, line) in enumerate(lines):
            words = _marker_words(line)
            # ("1. Text of statement by the spokesman of the armed forces, carried by the news agency on 16 May:",
            # a monitor's line that introduces the text after it)
            # (numbered, or "Text of ...": not a story's "A statement by the military read:", which quotes it)
            opening = _marker_words(_SECTION_NUMBER.sub("", line))
            introduces = line.rstrip().endswith(":") and len(words) <= 45 and (
                _SECTION_NUMBER.match(line) or opening[:2] == ["text", "of"] or opening[:3] == ["full", "text", "of"]) and find_phrase(
                opening[:6], self.rules.release_markers) is not None
            if start <= body_start or (ctx.structure.skip_reason(start, start + len(line)) != "heading" and not introduces):
                continue
            if not (_SECTION_NUMBER.match(line) or find_phrase(words, self.rules.release_markers) or words[:3] == ["right", "of", "reply"]):
                continue
            if sections and sections[-1][2] >= start:
                continue  # (a line of the heading just read)
            group, end = [(start, line)], k + 1
            while end < len(lines) and len(group) < 5 and (ctx.structure.skip_reason(
                    lines[end][0], lines[end][0] + len(lines[end][1])) in ("heading", "header") or dateline_only(lines[end][1])):
                group.append(lines[end])
                end += 1
            body = lines[end] if end < len(lines) else (pos, "")
            cleaned = [(at, _plain_case(_SECTION_NUMBER.sub("", h))) for at, h in group]
            sections.append((start, self._find_issuer(section=(cleaned, body)), body[0]))
        # (a heading that names no issuer, "Communique No. 2 - 16:05", goes on with the one before)
        return [(start, info) for start, info, _ in sections if info is not None]

    def _signed(self, issuer: SpeakerInfo | None) -> SpeakerInfo | None:
        """A body's release signed at its end by a person ("Commodore X / PCG Spokesperson"): issued in
        that person's name, for the body."""
        if issuer is None or issuer.is_person:
            return issuer
        text = self.ctx.full_text if self.ctx.full_text is not None else self.text
        signed = signature(text, self._structure_rules)
        if signed is None:
            return issuer
        name, role = signed
        return SpeakerInfo(name, role, issuer.org or issuer.name, issuer.country, True, True, False)

    def _find_issuer(self, section: tuple | None = None) -> SpeakerInfo | None:
        """The document's issuer, or with `section` (its heading lines and first body line), that
        section's, read from its heading's words and that first line (not the parse, nor the
        document's metadata)."""
        ctx = self.ctx
        text = ctx.full_text if ctx.full_text is not None else self.text
        if section is None and ctx.structure is not None and ctx.structure.is_transcript and not statement_before_turns(
                text, ctx.structure):
            return None  # (a release with the press's questions after it still has its issuer)
        heading, (body_start, body) = section or _heading_lines(text, ctx.structure)
        opening = find_phrase(_marker_words(body)[:4], self.rules.release_markers)
        introduced = body.rstrip().endswith(":") and len(body.split()) <= 14 and find_phrase(
            _marker_words(body), self.rules.release_markers) is not None
        if (opening is not None and opening[0] == 0) or introduced:
            # ("The below is attributable to Spokesperson Matthew Miller:", a line that introduces the text)
            # a title too long for a heading that opens with a release marker ("Joint Statement from
            # Australia, Bahrain, ... on Additional Strikes ...") still names the issuer
            heading = [*heading, (body_start, body)]
        if section is None and ctx.title and all(ctx.title.strip() != line.strip() for _, line in heading):
            heading = [(-1, ctx.title), *heading]  # a page's or a PDF's title ("Press Release - Ministry of ...")
        source_actor = self._source_actor() if section is None else None
        previous = ""
        released = False  # a release marker that names no issuer ("Press Release (2025) 123")
        fallback = None  # the body a bare marker's heading names, when no later line names the speaker
        for start, line in heading:
            words = _marker_words(line)
            label = re.match(r"\s*([A-Za-z ]{2,20}):\s", line)
            if label and label.group(1).strip().lower() in self.rules.issuer_labels:
                hit = (0, tuple(label.group(1).lower().split()))  # "From: Ministry of Defence and ..."
            elif words[:1] == ["by"] and previous.strip(" .:").lower().endswith(tuple(self.rules.spoken_events)):
                hit = (0, ("by",))  # "Press conference" / "by NATO Secretary General ...": not a reporter's byline
            else:
                hit = find_phrase(words, self.rules.release_markers)
            previous = line
            if hit is None:
                titled = self._titled_release(line)
                if titled is not None:  # "IDF Statement: Strike on ...", "Ministry of Defence press release"
                    return titled
                continue
            released = True
            # ("Communiqué of the Ministry of the Armed Forces": the marker alone, then who issues it)
            named = re.sub(r"^(?:of|from|by)\s+", "", _after_marker(line, hit[0] + len(hit[1])), flags=re.IGNORECASE)
            behalf = _ON_BEHALF.search(named)
            if behalf is not None:
                actor = self.actors.organisation(behalf.group(1).strip(" ,.:;"))
                if actor is not None and actor.official:
                    return SpeakerInfo(actor.name, "", actor.name, actor.country, True, False, False)
                named = named[: behalf.start()]
            joint = self._joint_issuers(named) or self._joint_statement(line) or self._joint_statement_below(line, start, heading)
            if joint is not None:
                return joint
            # (a section's heading may lie outside the part of the text parsed: read from its words alone)
            person = self._person_in(start, line, named) if section is None else (
                self._person_named_in(named) or self._person_apposed_in(named))
            # (a section's headline after its marker names what was done, not who says it: "Release No. 2 /
            # U.S. forces strike a radar site")
            said = heading if section is None else [(at, h) for at, h in heading if at <= start]
            org = self._org_in([named, *(p for _, h in said for p in _heading_parts(h))], source_actor)
            if label and person is not None and org is None and person.org and self.actors.find_org_type(named):
                org = self.actors.organisation(person.org)  # the minister's own ministry, named without its country
            if label and org is not None and org.name.lower() != self._government_of_name(org):
                person = None  # "From: Ministry of Defence and The Rt Hon ... MP": the body issues it
            if person is not None:
                person.official = True  # an official release speaks for its issuer
                if org is not None and not person.org:
                    person.org, person.country = org.name, org.country
                return person
            role = _strip_determiners(named.strip(" ,.:;"))
            role = role.title() if role.isupper() else role  # ("BRIEFING BY THE OFFICIAL REPRESENTATIVE")
            # (the office whose spokesperson it is: named in the heading, else the official source)
            office = org or (source_actor if source_actor is not None and source_actor.official else None)
            holder = self._holder_in_heading(role, heading, start) if role else None
            if holder is not None:  # "Statement by the Prime Minister" under "Prime Minister of X - The Hon Y MP"
                if office is not None and not holder.org:
                    holder.org, holder.country = office.name, office.country
                holder.official = True
                return holder
            if office is not None and role and role.split()[-1].lower() in self.rules.official_roles and (
                    self.actors.organisation(role) is None and len(role.split()) <= 4):
                # "Weekly Media Briefing by the Spokesperson", "Press Release issued by the Foreign Office
                # Spokesman": the office's spokesperson
                return SpeakerInfo(role, role, office.name, office.country, True, True, False)
            if org is not None and not named.strip(" ,.:;") and fallback is None:
                # ("READOUT" over "The below is attributable to Spokesperson Matthew Miller:": a later line
                # may name the one it speaks for)
                fallback = SpeakerInfo(org.name, "", org.name, org.country, True, False, False)
                continue
            if org is not None:
                return SpeakerInfo(org.name, "", org.name, org.country, True, False, False)
        if fallback is not None:
            return fallback
        if section is not None:  # (a section's heading names its issuer or none: not a headline's subject, "U.S. forces strike ...")
            marked = [k for k, (_, h) in enumerate(heading) if find_phrase(_marker_words(h), self.rules.release_markers)]
            parts = [p for _, h in heading[: marked[-1] + 1 if marked else len(heading)] for p in _heading_parts(h)]
            org = self._org_in(parts, None, whole_lines=True)
            if org is not None:
                return SpeakerInfo(org.name, "", org.name, org.country, True, False, False)
            for part in parts:  # "Right of reply by the Delegation of the Republic of X": X's government, as written
                hit = find_phrase(_marker_words(part), self.rules.release_markers)
                named = _strip_determiners(_after_marker(part, hit[0] + len(hit[1])).strip(" ,.:;")) if hit else ""
                actor = self.actors.find(named) if named else None
                if actor is not None and actor.official:
                    return SpeakerInfo(named, "", actor.name, actor.country, True, False, False)
            return None
        opener = self._heading_opener(heading) if released else None
        kind_part = self._kind_in_first_line(heading) if released else ""
        if kind_part:
            # "Department of Defence | Media Release" over "RAAF conducts ...": the body of that kind, as written,
            # of the state the headline opens with when it names one
            kind = self.actors.org_type(kind_part)
            actor = self._state_actor(opener.country, kind) if opener is not None and opener.country else None
            return SpeakerInfo(kind_part, "", actor.name if actor else "", actor.country if actor else "", True, False, False)
        if opener is not None:  # "NATO Allies condemn ..." / "Press Release (2025) 123": the body the headline opens with
            return opener
        source = re.sub(r"\s*\([^)]*\)", "", ctx.source or "")  # ("... (via The Defence Space)")
        joint = self._joint_issuers(source) or self._joint_statement(source)
        if joint is not None:  # the metadata: "Governments of the United States, Japan and ...", "... joint statement"
            return joint
        if source_actor is not None and source_actor.official and _RELEASED.search(ctx.source or ""):
            # the metadata says the text is the body's own ("U.S. Africa Command (press release via ...)"),
            # whatever byline the site that reposted it added
            return SpeakerInfo(source_actor.name, "", source_actor.name, source_actor.country, True, False, False)
        news = _looks_like_news(heading, body) or (source_actor is not None and source_actor.kind in ("media", "state_media"))
        if news:
            return None
        org = self._org_in([p for _, h in heading for p in _heading_parts(h)], source_actor, whole_lines=True)
        if org is not None:
            return SpeakerInfo(org.name, "", org.name, org.country, True, False, False)
        if source_actor is not None and source_actor.official:
            return SpeakerInfo(source_actor.name, "", source_actor.name, source_actor.country, True, False, False)
        kind = self.actors.org_type(heading[0][1].strip(" ,.:;")) if heading else None
        if kind is not None and kind[2]:
            # a release headed by a kind of body alone ("Ministry of Defence" over "Update on ..."): that
            # body speaks, though no state is named for it
            return SpeakerInfo(kind[0], "", "", "", True, False, False)
        return None

    def _kind_in_first_line(self, heading: list[tuple[int, str]]) -> str:
        """A kind of body one part of a release's first line names, as written ("Department of Defence"
        in "Department of Defence | Media Release"), or ""."""
        if not heading:
            return ""
        parts = [p.strip(" ,.:;") for p in _heading_parts(heading[0][1])]
        if len(parts) < 2:
            return ""  # (a line that is a kind of body and nothing else is read as the whole heading's)
        return next((p for p in parts if (kind := self.actors.org_type(p)) is not None and kind[2]), "")

    def _heading_opener(self, heading: list[tuple[int, str]]) -> SpeakerInfo | None:
        """The official body a heading line opens with ("NATO Allies condemn ...", "Pentagon
        confirms ..."), in a release whose marker names no issuer."""
        for _, line in heading:
            words = line.split()
            for n in range(min(4, len(words)), 0, -1):
                actor = self.actors.organisation(" ".join(words[:n]).strip(",.:;"))
                if actor is not None:
                    # (not a capital standing for its government: "Paris, 14 April 2018")
                    if actor.official and actor.kind not in ("country", "government"):
                        return SpeakerInfo(actor.name, "", actor.name, actor.country, True, False, False)
                    break
        return None

    def _titled_release(self, line: str) -> SpeakerInfo | None:
        """A heading that opens with the official body whose release it is ("IDF Statement:
        Strike on ...", "NATO press release", "IDF Spokesperson's Announcement"); None otherwise."""
        m = _BODY_RELEASE.match(line)
        words = m.group(1).strip().rstrip("'’").split() if m else []
        actor = self.actors.organisation(" ".join(words)) if words else None
        while actor is None and len(words) > 1 and words[-1].lower() in _MEMBERS:
            words.pop()  # "G7 Leaders' Statement", "NATO Foreign Ministers' statement": the body they meet as
            actor = self.actors.organisation(" ".join(words))
        if actor is None or not actor.official:
            return None
        return SpeakerInfo(actor.name, "", actor.name, actor.country, True, False, False)

    def _holder_in_heading(self, role: str, heading: list[tuple[int, str]], skip: int) -> SpeakerInfo | None:
        """The person another heading line names in the office a release marker names ("Statement by
        the Prime Minister" under "Prime Minister of Australia - The Hon Peter Calloway MP")."""
        words = role.lower().split()
        if not words or words[-1] not in self.rules.person_roles | self.rules.official_roles:
            return None
        for start, line in heading:
            if start == skip or start < 0 or not re.search(rf"(?i)\b{re.escape(role)}\b", line):
                continue
            person = self._person_in(start, line, line)
            if person is None:
                # ("The Hon Peter Calloway MP", which the recogniser may not read as a name)
                honoured = _HONOURED_NAME.search(line)
                person = self._from_person(_clean_name(honoured.group(1)), role, "") if honoured else None
            if person is not None:
                return person
        return None

    def _joint_issuers(self, named: str) -> SpeakerInfo | None:
        """Several governments issuing one statement ("Joint Statement from Australia, Canada
        and the United Kingdom", "Governments of the United States and Japan"): together they
        speak, officially."""
        named = named.title() if named.isupper() else named  # (a heading in capitals names its states too)
        listed = re.sub(r"^\s*(?:from|by|of)\s+|^\s*governments?\s+of\s+", "", named.strip(), flags=re.I)
        parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed) if p.strip()]
        countries = [self.actors.country_of(p) for p in parts]
        if len(parts) < 2 or not all(countries) or any(self.actors.organisation(p) is None for p in parts):
            return None
        if not any(re.search(r"(?i)\bgovernment\b", p) for p in parts):
            return SpeakerInfo(f"Governments of {listed}", "", "", "", True, False, True)
        # (by the states' names: "the Government of the Republic of Colombia and the Government of ...")
        states = list(dict.fromkeys(countries))
        return SpeakerInfo(f"Governments of {', '.join(states[:-1])} and {states[-1]}", "", "", "", True, False, True)

    def _joint_statement(self, source: str) -> SpeakerInfo | None:
        """A source that names a joint statement of several states ("U.S.-Japan-Australia
        Trilateral Defense Ministers' Meeting joint statement", "Joint statement of the defence
        ministers of Norway, Sweden and Finland"): their ministers, or governments, speak together."""
        if not _JOINT.search(source):
            return None
        source = source.title() if source.isupper() else source  # ("JOINT STATEMENT OF THE GOVERNMENT OF ...")
        # (the states it is from, not those it is about: "Joint statement on the Russia-Ukraine talks")
        plain = re.split(r"\s+(?:on|about|regarding|concerning|over)\s+", source, maxsplit=1)[0]
        countries = self.actors.countries_in(plain)
        if len(countries) < 2:
            return None
        listed = ", ".join(countries[:-1]) + " and " + countries[-1]
        role = _JOINT_ROLE.search(plain)
        who = (f"{role.group(1).capitalize()} ministers" if role.group(1) else "Ministers") if role else "Governments"
        return SpeakerInfo(f"{who} of {listed}", "", "", "", True, False, True)

    def _joint_statement_below(self, line: str, start: int, heading: list[tuple[int, str]]) -> SpeakerInfo | None:
        """A joint statement's marker on a line that names fewer than two states ("JOINT PRESS
        STATEMENT"), the meeting of the states that issue it on the next heading line ("United
        States - Japan - Republic of Korea Trilateral Ministerial Meeting")."""
        if not _JOINT.search(line) or len(self.actors.countries_in(line)) > 1:
            return None
        below = next((h for at, h in heading if at > start), None)
        return self._joint_statement(f"{line} {below}") if below is not None else None

    def _government_of_name(self, org) -> str:
        return self.actors.government(org.country).name.lower() if org.country else ""

    @property
    def _structure_rules(self):
        """The structure rules the document was read with (a custom structure.yaml too)."""
        return (self.ctx.structure.rules if self.ctx.structure is not None else None) or default_rules()

    def _person_named_in(self, named: str) -> SpeakerInfo | None:
        """A person a heading names with a role ("Foreign Ministry Spokesman Hossein Karimirad"), read from
        the words, not the parse."""
        people = people_in(named, self._structure_rules)
        if not people:
            return None
        name, role = people[0]
        actor = self.actors.find(role)
        return SpeakerInfo(name, role, actor.name if actor else "", actor.country if actor else "", True, True, False)

    def _person_apposed_in(self, named: str) -> SpeakerInfo | None:
        """A person a heading names after a comma, past a rank, beside the role before it ("by the official
        spokesman of the armed forces, Brig. Gen. Amer Mohamed al-Hassan, carried by ...")."""
        parts = [p.strip() for p in named.split(",")]
        for before, part in itertools.pairwise(parts):
            words = part.split()
            ranks = list(itertools.takewhile(lambda w: w.endswith(".") and w[:1].isupper() and len(w) <= 6, words))
            name = words[len(ranks):]
            if 2 <= len(name) <= 5 and name[0][:1].isupper() and all(
                    w[:1].isupper() or _NAME_PARTICLE.match(w) for w in name) and any(
                    w.lower().strip(".") in self.rules.role_nouns | self.rules.person_roles for w in before.split()):
                role = _strip_determiners(" ".join([before, *ranks]))
                actor = self.actors.find(before)
                return SpeakerInfo(" ".join(name), role, actor.name if actor else "", actor.country if actor else "",
                                   True, True, False)
        return None

    def _person_in(self, start: int, line: str, named: str) -> SpeakerInfo | None:
        """A person named in a release marker line."""
        offset = start - self.ctx.base_offset
        if 0 <= offset and offset + len(line) <= len(self.text):
            span = self.doc.char_span(offset, offset + len(line), alignment_mode="expand")
            person = next((e for e in span.ents if e.label_ == "PERSON"), None) if span is not None else None
            if person is not None:
                return self._person_info(person, span)
        for m in re.finditer(r"(?:[A-Z][a-zA-Z'’\-]+\.?\s+){1,3}[A-Z][a-zA-Z'’\-]+", named):
            words = m.group(0).split()
            for i in range(len(words) - 1):
                known = self.actors.person(" ".join(words[i:]), self.ctx.date)
                if known is not None:
                    info = self._from_person(" ".join(words[i:]), known.role, known.org)
                    info.role = " ".join(words[:i]) or known.role
                    return info
        return None

    def _org_in(self, lines: list[str], source_actor, whole_lines: bool = False):
        """The official body the heading lines name (composed with a country if need be)."""
        country = source_actor.country if source_actor is not None else ""
        for line in lines:
            whole = self.actors.organisation(line.strip(" ,.:;"))
            country = country or (whole.country if whole is not None and whole.kind == "government" else "") or _country_in(self.actors, line)
        country = country or self._dateline_country  # ("Communiqué of the Ministry of the Armed Forces" / "Paris, 14 April 2018")
        for line in lines:
            clean = line.strip(" ,.:;-–—#*")
            actor = self.actors.organisation(clean) if whole_lines else (self.actors.organisation(clean) or self.actors.find(clean))
            if actor is not None and actor.official and actor.kind != "government":
                return actor
            for part in re.split(r"[,;:–—-]", clean):
                kind = self.actors.org_type(part)
                if kind is not None and country:
                    return self._state_actor(country, kind)
        for line in lines:
            actor = self.actors.organisation(line.strip(" ,.:;-–—#*"))
            if actor is not None and actor.official:
                return actor
        return None

    def _composed(self, country: str, kind):
        from .actors import Actor

        return Actor(f"{country} {kind[0]}", country, kind[1], kind[2])

    # -- quotes ----------------------------------------------------------------
    def _quote_at(self, char: int) -> tuple[int, int] | None:
        for q in self.quotes:
            if q[0] <= char < q[1]:
                return q
        return None

    def _in_quote(self, char: int) -> bool:
        return self._quote_at(char) is not None

    def _speaker_of_quote(self, quote: tuple[int, int], trigger_tokens: set[int]) -> tuple[SpeakerInfo | None, str]:
        if quote in self._quote_speaker:
            return self._quote_speaker[quote]
        result: tuple[SpeakerInfo | None, str] = (None, "")
        qs, qe = quote
        overlapping = [s for s in self.sents if s.start_char < qe and s.end_char > qs]
        candidates = []
        for s in overlapping:
            for t in s:
                if self._in_quote(t.idx) or t.lemma_.lower() not in self.rules.reporting_verbs:
                    continue
                frame = self._frame_at(t, set())
                if frame is not None and frame.subject is not None:
                    distance = min(abs(t.idx - qs), abs(t.idx - qe))
                    candidates.append((distance, frame, s))
            source = self._according_to(s) if not candidates else None
            if source is not None and not self._in_quote(source.verb.idx):
                # '"... They also discussed coordination," according to the ministry's readout'
                candidates.append((min(abs(source.verb.idx - qs), abs(source.verb.idx - qe)), source, s))
        if not candidates:
            # "He said:" before the quote, or "..., she said." right after it
            # (a section's heading introduces its issuer's text: it is no speaker)
            headings = {start for start, _ in self._sections()}
            before = [s for s in self.sents if s.end_char <= qs and (qs - s.end_char <= 3 or not self.text[s.end_char : qs].strip())
                      and self._line_start(s.start_char) not in headings]
            after = [s for s in self.sents if s.start_char >= qe and s.start_char - qe <= 3 and len(s) <= 12]
            for s in before + after:
                for t in s:
                    frame = self._frame_at(t, set())
                    if frame is not None and frame.subject is not None:
                        candidates.append((0, frame, s))
                source = self._according_to(s)
                if source is not None and not self._in_quote(source.verb.idx):
                    candidates.append((1, source, s))  # ('"...," according to the readout.' / '"..."': the readout's)
        if not candidates:
            introduced = self._introduced_by(quote, overlapping)
            if introduced is not None:
                candidates.append((0, introduced, introduced.verb.sent))
        if candidates:
            # the nearest frame, an outlet's only when no one else speaks ('X said ..., CNN reported: "..."')
            _, frame, s = min(candidates, key=lambda c: (self._is_outlet(c[1].subject), c[0]))
            # (a frame reported by another: 'Blinken emphasised that they "need to talk", his spokesperson said'
            # is the spokesperson's statement, as without the quotation marks)
            frame = self._outer_frame(frame.verb, s, set()) or frame
            speaker = self._voice(qs) if self._first_person(frame.subject) else self.describe(frame.subject, s)
            if speaker is not None and speaker.name:
                result = (speaker, frame.verb.lower_)
        elif self._turn_at(qs) is None:
            previous = self._previous_quote(quote)
            if previous is not None and previous in self._quote_speaker:
                result = self._quote_speaker[previous]
        self._quote_speaker[quote] = result
        return result

    def _line_start(self, char: int) -> int:
        """Where the line holding `char` starts, in the whole document."""
        text = self.ctx.full_text if self.ctx.full_text is not None else self.text
        at = self.ctx.base_offset + char
        return text.rfind("\n", 0, at) + 1

    def _introduced_by(self, quote: tuple[int, int], sents: list[Span]) -> Frame | None:
        """A quote opened after a colon by a statement its speaker made: "X opened the meeting with a
        short statement: '...'" (X speaks)."""
        for s in sents:
            for t in s:
                if t.idx >= quote[0] or t.lemma_.lower() not in self.rules.statement_nouns | _SPEECH_NOUNS or (
                        self.text[t.idx + len(t.text) : quote[0]].strip(" \"“”'‘’«»") != ":"):
                    continue
                verb = t.head if t.dep_ in ("dobj", "obj") else t.head.head if t.dep_ == "pobj" else None
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
                if subject is not None:
                    return Frame(verb, subject)
        return None

    def _previous_quote(self, quote: tuple[int, int]) -> tuple[int, int] | None:
        earlier = [q for q in self.quotes if q[1] <= quote[0]]
        if not earlier:
            return None
        prev = earlier[-1]
        gap = self.text[prev[1] : quote[0]]
        # a quote continued in the next paragraph, with nothing between but the break
        return prev if len(gap.strip(" \n\"\u201c\u201d")) == 0 else None

    def _voice(self, char: int) -> SpeakerInfo | None:
        """Who "I"/"we" is at `char`: the turn's speaker, or the release's issuer."""
        turn = self._turn_at(char)
        return self.turn_speaker(turn) if turn is not None else self.issuer()

    def _first_person(self, tok: Token) -> bool:
        """"we", "us", "I": not "US", the state (nor any word in capitals, as a headline writes "WE")."""
        return tok.lower_ in self.rules.first_person and not (len(tok.text) > 1 and tok.text.isupper())

    # -- turns -------------------------------------------------------------------
    def _turn(self, sent: Span):
        return self._turn_at(sent.start_char)

    def _in_label(self, char: int) -> bool:
        """Inside a transcript turn's label ("MR. KIRBY:"), which is no part of what is said."""
        structure = self.ctx.structure
        if structure is None or not structure.turns:
            return False
        turn = structure.turn_at(self.ctx.base_offset + char)
        return turn is not None and self.ctx.base_offset + char < turn.text_start

    def _turn_at(self, char: int):
        structure = self.ctx.structure
        if structure is None or not structure.turns:
            return None
        turn = structure.turn_at(self.ctx.base_offset + char)
        if turn is None or turn.is_question:
            return None
        return turn

    def _person_ent_at(self, tok: Token) -> Span | None:
        return self._person_of_token.get(tok.i)

    def _ranked_name(self, ent: Span) -> bool:
        """Two or three capitalised proper nouns right after a rank or title ("Col.", "General") that
        name no body the dictionary knows: a person's name."""
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is None or not before.text[:1].isupper() or before.lower_ not in self.rules.official_roles:
            return False
        if not 2 <= len(ent) <= 3 or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in ent):
            return False
        return self.actors.organisation(ent.text) is None and not self.actors.country_of(ent.text)

    def _titled_person_in(self, ent: Span) -> Span | None:
        """The person's name at the end of what the recogniser took for a body with the title before it
        ("[Spokesperson Ilse Marijnissen]"): two or three capitalised proper nouns after role words."""
        doc, k = ent.doc, ent.start
        roles = self._title_words
        while k < ent.end - 1 and doc[k].lower_.strip(".") in roles:
            k += 1
        name = doc[k : ent.end]
        if k == ent.start or not 2 <= len(name) <= 3 or any(t.pos_ != "PROPN" or not t.text[:1].isupper() for t in name):
            return None
        if self.actors.organisation(name.text) is not None or self.actors.country_of(name.text):
            return None
        # the title as written, with the body and rank words before it ("NATO Deputy Spokesperson")
        self._retitled[k] = f"{self._title_before(ent.start)} {doc[ent.start:k].text}".strip()
        return Span(doc, k, ent.end, label="PERSON")

    def _title_before(self, start: int) -> str:
        """The capitalised body and role words right before a token ("NATO Deputy" before "Spokesperson")."""
        doc, j = self.doc, start
        roles = self._title_words
        while j > 0 and doc[j - 1].text[:1].isupper() and not doc[j].is_sent_start and (
                doc[j - 1].lower_.strip(".") in roles or doc[j - 1].ent_type_ in ("ORG", "NORP", "GPE")):
            j -= 1
        return doc[j:start].text

    def _name_beside_role(self, role: Token, appos: Token) -> Span | None:
        """"Russia's envoy to the UN, Vassily Nebenzia,": a name set beside a person's role is a
        person's, though the recogniser took it for an organisation; not a known body or a state."""
        # (the tagger may read a name's last word as a verb: "Counselor Mahmoud El-Sayed")
        if role.lemma_.lower() not in self.rules.person_roles | self.rules.role_nouns or not (
                appos.pos_ == "PROPN" or (appos.text[:1].isupper() and appos.is_alpha)):
            return None
        words = [t for t in appos.subtree if t.i <= appos.i]
        start = words[0].i if words else appos.i
        while start < appos.i and appos.doc[start].lower_.strip(".") in self._title_words:
            start += 1  # ("Counselor", "Ambassador": a title before the name)
        span = appos.doc[start : appos.i + 1]
        names = [t for t in span if t.tag_ != "HYPH"]  # ("El-Sayed")
        if not 2 <= len(names) <= 4 or any(not t.text[:1].isupper() or (t.pos_ != "PROPN" and t.i != appos.i) for t in names):
            return None
        if self.actors.organisation(span.text) is not None or self._is_state_name(span.text) or any(
                t.ent_type_ in ("GPE", "NORP", "LOC", "FAC") for t in span):
            return None
        return span

    def _as_known(self, ent: Span) -> Span:
        """A PERSON entity the actor dictionary knows as a body and not as a person, as an ORG; a name
        right after a rank the recogniser took for a body ("said Col. Marcus Hale"), as a PERSON."""
        if ent.label_ == "ORG" and self._ranked_name(ent):
            return Span(ent.doc, ent.start, ent.end, label="PERSON")
        if ent.label_ == "ORG":
            titled = self._titled_person_in(ent)
            if titled is not None:
                return titled
        if ent.label_ == "PERSON":
            ent = self._whole_name(ent)
        if ent.label_ != "PERSON" or self.actors.person(ent.text) is not None:
            return ent
        name = _strip_determiners(ent.text.strip())
        if self.actors.organisation(name) is None:
            return ent
        return Span(ent.doc, ent.start, ent.end, label="ORG")

    def _whole_name(self, ent: Span) -> Span:
        """A person's name with the given name the recogniser left out in front ("Minister of Defence
        Hashem [Salman al-Rubaie]"): one capitalised proper noun right before it that is no title, role,
        state or body, in no entity of its own."""
        if ent.start == 0:
            return ent
        before = ent.doc[ent.start - 1]
        word = before.lower_
        if (before.pos_ != "PROPN" or not before.is_alpha or not before.text[:1].isupper() or before.ent_type_
                or before.is_sent_start or before.dep_ == "pobj" or word in self._type_words
                or word in self._title_words or f"{word}." in self.rules.official_roles or word in self.rules.unofficial_roles
                or self.actors.country_of(before.text) or self.actors.organisation(before.text) is not None):
            return ent
        return Span(ent.doc, ent.start - 1, ent.end, label="PERSON")

    def _ents_in(self, span: Span) -> list[Span]:
        return [e for e in self.ents if span.start <= e.start and e.end <= span.end]


_MEDIA_KINDS = {"news", "media", "press", "newspaper", "television", "tv", "radio", "wire", "unconfirmed"}
_RECEIVING = {"receive", "get", "obtain", "intercept", "see", "read"}  # the subject of these issued nothing

_ROLE_MODIFIERS = {"press", "deputy", "assistant", "vice", "chief", "foreign", "defense", "defence", "prime", "senior"}


# a date closing a heading line, after a comma ("Department of Defense, Feb. 2, 2024")
_DATED_LINE = re.compile(rf",\s*(?:{DATE_PATTERN.pattern})\s*$")
# a release's place and date on a line of their own: "Paris, 14 April 2018", "Kyiv, May 3, 2024"
_PLACE_DATE = re.compile(rf"^([A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)?),\s+(?:{DATE_PATTERN.pattern})\.?$")


def _dateline_place(line: str) -> str:
    """The place a dateline line names, title-cased ("ANKARA" alone, "BEIJING, May 3 (Reuters) - ...",
    "Paris, 14 April 2018"), or ""."""
    line = line.strip()
    if line.isupper() and 0 < len(line.split()) <= 3:
        return line.title()
    m = _PLACE_DATE.match(line)
    if m:
        return m.group(1)
    if dateline_end(line):
        place = re.split(r"[,(\u2014\u2013]|\s-", line, maxsplit=1)[0].strip()
        return place.title() if place.isupper() else ""
    return ""


# marks of a clause set against another, a statement of its own ("while", "whereas")
_SET_AGAINST = frozenset({"while", "whereas", "whilst"})



def _role_words(role: str) -> list[str]:
    """The words of a role before its "of"/"for" part: "Deputy Minister of Defence" -> deputy, minister."""
    return [w.strip(".") for w in re.split(r"\s+(?:for|of|to|at|in)\s+|,", role.lower())[0].split()]


# Nouns of something said that introduce a quote after a colon ("with a short statement: '...'")
_SPEECH_NOUNS = {"remark", "remarks", "address", "message", "words", "comment", "comments", "speech"}
_FULL_NAME = r"(?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]*"
_NAME_AFTER_ROLE = re.compile(r"\s+(" + _FULL_NAME + r")(?=[\s,.;:])")
_NAME_BEFORE_ROLE = re.compile(r"(" + _FULL_NAME + r"),\s+(?:(?:a|an|the)\s+)?(?:[\w.’'-]+\s+){0,5}$")
_TITLE_HEADS = {"head", "chief", "chairman", "chairwoman", "director", "leader"}
_NOT_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}


@functools.lru_cache(maxsize=8)
def _role_pattern(roles: frozenset[str]) -> re.Pattern:
    """Any of the role words, as whole words: built once per lexicon."""
    return re.compile(r"\b(?:" + "|".join(sorted(roles, key=len, reverse=True)) + r")\b", flags=re.I)


def _named_with(text: str, start: int, end: int) -> str:
    """The full name a role mention at text[start:end] describes, written beside it:
    "defence official Mark Lyons", "Mark Lyons, a senior defence official"; or ''."""
    for match in (_NAME_AFTER_ROLE.match(text, end), _NAME_BEFORE_ROLE.search(text[max(0, start - 120):start])):
        if match and not any(w.lower() in _NOT_NAMES for w in match.group(1).split()):
            return match.group(1)
    return ""


def _group_of_member(head: Token, role_nouns: frozenset[str]) -> Token | None:
    """"one of the officials", "two of the sources": the group of speakers named before that the
    speaker is one of (a definite plural role noun), or None."""
    if head.lower_ not in _QUANTITIES:
        return None
    group = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"), None)
    if group is None or group.tag_ != "NNS" or group.lemma_.lower() not in role_nouns and group.lower_ not in role_nouns:
        return None
    return group if any(c.dep_ == "det" and c.lower_ in ("the", "those", "these") for c in group.children) else None


def _definite(noun: Token) -> bool:
    """"the/this/that statement": one already spoken of."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)


def _role_core(role: str) -> str:
    """The head of a role and its one telling modifier: "Pentagon Press Secretary" -> "press
    secretary", "spokesman for the Defense Ministry" -> "spokesman"."""
    words = [w for w in _role_words(role) if w not in ("the", "a", "an")]
    if not words:
        return ""
    core = words[-1]
    if len(words) > 1 and words[-2] in _ROLE_MODIFIERS:
        core = f"{words[-2]} {core}"
    rank = next((w for w in words[:-1] if w in _RANKS), "")
    if rank and not core.startswith(rank):
        core = f"{rank} {core}"  # a deputy foreign minister is not "the foreign minister"
    return core


_RANKS = {"deputy", "vice", "assistant", "under", "acting"}


_GOVERNMENT_WORDS = re.compile(r"\b(?:governments?|state|republic|kingdom|presidency|cabinet|administration)\b", re.I)


def _names_government(source: str, country: str, actors) -> bool:
    """A source that names a government ("Government of Japan"), not an outlet named after a place."""
    plain = re.sub(r"\s*\([^)]*\)", "", source).strip(" .")
    return bool(_GOVERNMENT_WORDS.search(plain)) or actors.country_of(plain) == country and actors.organisation(plain) is not None


# Notice verbs that report speech when the press is the one told.
_TELLING = {"tell", "assure", "remind", "warn", "inform", "brief", "notify", "caution", "advise"}
_PRESS_VERBS = {"inform", "brief", "update", "assure", "notify"}
_PRESS = {"reporter", "journalist", "press", "media", "correspondent", "newsman"}
# Reporting verbs whose passive subject is the one addressed: "the envoys were told that ...".
_ADDRESSING = _TELLING | {"urge", "ask"}
_NARRATING = {"following", "after", "amid", "amidst", "despite", "because", "while", "although", "though"}


def describes_speaker(tok: Token, rules: AttributionRules) -> bool:
    """A word of the phrase that tells who speaks ("citing two officials familiar with the talks",
    "diplomats involved in the negotiations said", "a source close to the coordination cell"): it
    says who the speaker is, no claim of theirs."""
    child = tok
    for anc in tok.ancestors:
        # (a phrase of prepositions and participles, never a clause: "sources who denied reports that
        # X was warned" state what the sources say)
        if child.dep_ not in ("pobj", "prep", "amod", "acl", "compound", "conj") or (
                child.dep_ == "acl" and child.tag_ != "VBN"):
            return False
        if anc.pos_ in ("NOUN", "PROPN") and anc.lemma_.lower() in rules.role_nouns | _SOURCE_PEOPLE and (
                child.dep_ in ("prep", "amod", "acl")):
            verb = anc.head
            lemma = verb.lemma_.lower()
            if anc.dep_ == "nsubj" and lemma in rules.reporting_verbs:
                return True  # "diplomats involved in the talks said"
            if anc.dep_ in ("dobj", "pobj") and (lemma in rules.citing_verbs or (
                    verb.lower_ == "to" and verb.head.lower_ == "according")):
                return True  # "citing officials familiar with the talks", "according to people briefed on the raid"
            return False
        child = anc
    return False


# People a report may cite besides the role words ("people familiar with the matter")
_SOURCE_PEOPLE = frozenset({"people", "person", "individual", "expert", "analyst", "insider"})


def _quoted_name(tok: Token) -> bool:
    """A name in quotation marks set beside an object ("called its raid "legitimate self-defence"",
    which the parser may read as an apposition): what a naming verb names it."""
    doc = tok.doc
    return tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text in _OPENING_QUOTES or any(
        c.dep_ == "punct" and c.text in _OPENING_QUOTES and c.i < tok.i for c in tok.children)


_OPENING_QUOTES = frozenset({'"', "'", *_QUOTE_PAIRS})


def _narration(child: Token) -> bool:
    """An adjunct of a reporting verb that sets the scene ("after the strike", "as the army
    advanced", "following the airstrikes"): what it holds is the outlet's account, not the speaker's."""
    if child.dep_ == "prep":
        return child.lower_ in _NARRATING
    if child.dep_ == "advcl":  # ("following" itself read as a verb: "urged calm, following the airstrikes")
        return child.lower_ == "following" or any(c.dep_ in ("mark", "advmod") and c.lower_ in _NARRATING
                                                  for c in child.children)
    return False


def _closes_late(child: Token, verb: Token) -> bool:
    """An adverbial clause the parser hung on a reporting verb though it follows, with no comma,
    the clause the verb reports ("said that India informed Pakistan after the army struck"): it
    closes that clause, the nearest one, unless it sets a past event beside a present or future
    statement ("said it would send troops as the army began ...", the outlet's)."""
    if child.dep_ != "advcl" or child.i < verb.i or child.doc[child.left_edge.i - 1].text in (",", ";", "(", "—", "-"):
        return False
    reported = [c for c in verb.children if c.dep_ == "ccomp"] or [
        g for c in verb.children if c.dep_ in ("dobj", "dative") and verb.lemma_.lower() in _TELLING
        for g in c.children if g.dep_ == "relcl" and g.left_edge.lower_ == "that"]
    clause = next((c for c in reported if c.left_edge.i > verb.i and c.right_edge.i + 1 == child.left_edge.i), None)
    return clause is not None and not _narrated_past(child, clause)


def _narrated_past(child: Token, clause: Token) -> bool:
    """A past event set beside what a speaker says of the present or the future ("said it would
    send troops as the army began ground operations", "is not helping Kyiv, after drone
    strikes hit the bases"): the parser hangs it on the reported clause, but it is the outlet's."""
    if child.dep_ != "advcl" or child.tag_ != "VBD" or not any(
            c.dep_ in ("mark", "advmod") and (c.lower_ in _NARRATING or c.lower_ == "as") for c in child.children):
        return False
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    # ("said it was not helping": the speaker's present, put in the past by the report)
    # (a state that follows from the event stays the speaker's: "says six dead after rockets hit")
    return (clause.pos_ in ("VERB", "AUX") and clause.lemma_ != "be"
            and clause.tag_ not in ("VBD", "VBN") and not auxes & {"had", "did"})


_TIME_ENTITIES = frozenset({"DATE", "TIME"})


# a heading opening with a body and the kind of its release: "IDF Statement: ...", "MoD news release"
_BODY_RELEASE = re.compile(r"\s*(.{2,60}?)(?:['’]s)?\s+(?:official\s+)?(?:statement|press release|news release|"
                           r"communiqu[eé]|readout|announcement)\b", re.IGNORECASE)


# who meets as a body and issues its statements ("G7 Leaders", "NATO Defence Ministers")
_MEMBERS = frozenset({"leaders", "ministers", "heads", "members", "foreign", "defence", "defense", "finance", "chiefs"})
_DATE_WORDS = frozenset({"date", "dated", "updated", "published", "posted", "time"})


def opened_apart(clause: Token) -> bool:
    """A clause opened by "while", "whereas" or "but", or by "and" after a comma."""
    if any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in clause.children):
        return True
    start = clause.left_edge.i
    doc = clause.doc
    before = doc[start - 1] if start > 0 else None
    return before is not None and (before.lower_ in ("but", "whereas", "while") or (
        before.lower_ == "and" and start > 1 and doc[start - 2].text == ","))


def _speaker_of_verb(verb: Token) -> Token | None:
    """Who a reporting verb's speaker is: its subject, else the agent of a passive ("was
    confirmed by the spokesman"), else the passive subject ("X was quoted as saying"), else,
    after a comma, a name the parser took for the object of an inverted verb (", announced
    government spokesperson Karl Brandt")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or [
        g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"]
    # ("The navy has, for the first time, confirmed ...": the parser may hang the subject on the auxiliary)
    # a date the parser took for a second subject is none ("Kenya on Tuesday, March 4, 2025 accused ...")
    subjects = [c for c in subjects if c.ent_type_ not in _TIME_ENTITIES] or subjects
    # a person and a role taken for two subjects are one ("Lord Cameron the foreign secretary has said")
    if len(subjects) > 1:
        subjects = [c for c in subjects if c.ent_type_ == "PERSON"] or subjects
    if subjects:  # the nearest one ("New Delhi: ..., official sources have said": not the dateline)
        subject = min(subjects, key=lambda c: abs(verb.i - c.i))
        if subject.lemma_.lower() in _DATE_WORDS and any(c.ent_type_ in _TIME_ENTITIES for c in subject.children):
            # a page's "date 2022-11-05" read into the sentence: the one after it speaks
            return next((c for c in subject.children if c.dep_ == "appos"), subject)
        if subject.tag_ == "VBG" and subject.i == verb.sent.start:
            # "Writing on Telegram, the head of the administration said": the participle opens the sentence, the
            # noun after its comma (parsed as in apposition inside it) speaks
            return next((t for t in subject.subtree if t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN")), subject)
        return subject
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head.dep_ in ("ROOT", "conj") and any(
            c.dep_ == "ccomp" for c in verb.children) and not any(c.dep_ in ("nsubjpass", "agent") for c in verb.children):
        # a reporting verb coordinated with the main verb shares its subject ("agreed to the truce
        # but noted that ..."; not "did not maintain radio contact": no clause reported)
        shared = [c for c in verb.head.children if c.dep_ == "nsubj" and c.ent_type_ not in _TIME_ENTITIES]
        if shared:
            return shared[0]
    by = next((c for c in verb.children if c.dep_ == "agent"), None)
    agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    # (not "the envoys were told that ...": the one told is no speaker; nor "each side is expected to
    # inform the other": the subject of what is expected, said or believed of it)
    raised = any(c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in verb.children)
    subject = agent or next((c for c in verb.children if c.dep_ == "nsubjpass" and verb.lemma_.lower() not in _ADDRESSING
                             and not raised), None)
    if subject is None and verb.i > 0 and verb.doc[verb.i - 1].text == "," and verb.dep_ in ("conj", "parataxis", "ROOT"):
        inverted = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if inverted is not None and inverted.ent_type_ == "PERSON" and inverted.right_edge.i + 2 >= verb.sent.end:
            subject = inverted
    return subject


def _objects(verb: Token) -> list[Token]:
    """The direct object of a verb, and the object of its "to" ("responded to the attack")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    found += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    return found


def _role_within(core: str, role: str) -> bool:
    """A short role ("deputy minister") naming a longer one ("Deputy Defense Minister"): the
    same head noun, and every word of the short one in the long one; not another job ("the
    secretary" is not the press secretary, "the minister" not a deputy minister)."""
    words = _role_words(role)
    parts = core.split()
    return bool(words) and words[-1] == parts[-1] and set(parts) <= set(words) and set(words) & OTHER_JOB <= set(parts)


OTHER_JOB = _RANKS | {"press"}


def _role_beside(person: Token) -> str:
    """The role after a name that the parser took for a second subject ("Lord X the foreign
    secretary has said": "foreign secretary")."""
    if person.dep_ != "nsubj":
        return ""
    role = next((c for c in person.head.children if c.dep_ == "nsubj" and c.i > person.i and c.pos_ == "NOUN"), None)
    return _strip_determiners(_phrase_text(role)) if role is not None else ""


def _infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children)


def _heading_lines(text: str, structure) -> tuple[list[tuple[int, str]], tuple[int, str]]:
    """The lines before the first body line (headings, header), and that body line, each with
    where it starts."""
    heading = []
    pos = 0
    for line in text[:2000].split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        reason = structure.skip_reason(start, start + len(line)) if structure is not None else ""
        if reason in ("heading", "header") and len(heading) < 8:
            heading.append((start, line))
            continue
        return heading, (start, line)
    return heading, (pos, "")


_NEWS_MARKS = re.compile(r"\((?:Reuters|AP|AFP|UPI|Bloomberg|Xinhua|TASS|IANS|PTI|APP|Anadolu|dpa|EFE|Kyodo|Yonhap|Sputnik|RIA|Interfax|[A-Z][A-Za-z ]{1,30} Wire)\)|^By [A-Z]")


def _looks_like_news(heading: list[tuple[int, str]], body: str) -> bool:
    return any(_NEWS_MARKS.search(line) for _, line in heading) or bool(_NEWS_MARKS.search(body[:200]))


def _after_marker(line: str, word_index: int) -> str:
    """The words after a release marker, up to what the release is about, without the release's
    number ("Communiqué No. 087 of the General Staff ...": the General Staff)."""
    words = line.split()[word_index:]
    text = _RELEASE_NUMBER.sub("", " ".join(words))
    text = _CARRIED.split(text, maxsplit=1)[0]  # ("..., posted on its official page on 17 December:": where it ran)
    return _without_other_party(_ABOUT.split(text, maxsplit=1)[0])


def _heading_parts(heading: str) -> list[str]:
    """A heading's parts that can name its issuer: each part a page title joins with "|" ("Statement
    by the Ministry of Defence on the interception of a Russian aircraft | Ministry of Defence of
    Lithuania"), up to what it is about and to the other party of a call (not "Russian", the topic's)."""
    return [_without_other_party(_ABOUT.split(part, maxsplit=1)[0]) for part in re.split(r"\s+[|•]\s+", heading)]


# where a statement ran, after its issuer: "..., carried by the state news agency", "..., posted on its page"
_CARRIED = re.compile(r",\s+(?:as\s+)?(?:posted|carried|published|issued|released|broadcast|aired|read\s+out|reported|"
                      r"translated|relayed|quoted)\b")
# a lower-case particle inside a name ("al-Hassan", "bin Salman", "de Mistura")
_NAME_PARTICLE = re.compile(r"^(?:al|el|bin|ibn|bint|de|del|van|von|da|di|le|la)(?:-|$)")
_ABOUT = re.compile(r"\s+(?:on(?!\s+behalf\b)|regarding|about|concerning|following|in response to)\s+"
                    # where it was said: "Statement by Ambassador X at the OSCE Permanent Council"
                    r"|\s+at\s+(?=(?:the\s+)?(?:[\w.'’-]+\s+){0,5}(?:Council|Conference|Summit|Meeting|Session|Forum|Assembly"
                    r"|Dialogue|Hearing|Ceremony|Committee|Debate|Briefing)\b)")
# "Statement by the High Representative on behalf of the EU": the body the statement speaks for
_ON_BEHALF = re.compile(r"\s*\bon\s+behalf\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)


def _without_other_party(heading: str) -> str:
    """A heading up to the other party of a call or meeting ("Readout of the Secretary's Call with
    Ukrainian Defense Minister ...": the Secretary's readout, not the minister's)."""
    return _OTHER_PARTY.split(heading, maxsplit=1)[0]


_OTHER_PARTY = re.compile(r"\b(?:call|calls|meeting|meetings|conversation|talks|discussions?)\s+with\b.*", re.I)



_JOINT = re.compile(r"\bjoint\s+(?:(?:press|news|media)\s+)?(?:statement|communiqu[eé]|declaration|readout)\b", re.I)
_JOINT_ROLE = re.compile(r"\b(?:(defen[cs]e|foreign)\s+)?minist(?:ers|erial)", re.I)
_RELEASED = re.compile(r"\b(?:press release|news release|statement|readout|communiqu[eé]|transcript)\b", re.I)
_WHERE = re.compile(r"\b(?:in|into|over|against|on|across|near|inside|to|at)\s+$", re.I)


def _country_in(actors, line: str) -> str:
    """A government named in a heading line; not a place where something happens ("strikes in Syria")."""
    for start, country in actors.state_mentions(line):  # (the longest name: "Republic of China (Taiwan)")
        if country and not _WHERE.search(line[:start]):
            return country
    for m in re.finditer(r"[A-Z][a-zA-Z]+(?:\s+[A-Z][a-zA-Z]+)?", line):  # (inside a body's name the dictionary knows)
        word = m.group(0)
        if _WHERE.search(line[: m.start()]):
            continue
        country = actors.country_of(word)
        if country and actors.organisation(word) is not None and actors.organisation(word).kind == "government":
            return country
    return ""


def _source_of(noun: Token) -> Token | None:
    """The source of a report noun: "allegations from the regime", "the regime's claims"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _doc_text(doc: Doc, ctx: DocumentContext) -> str:
    """`doc.text`: spaCy's tokens keep every character, so a window's text is the stretch of the
    document it was made of."""
    if ctx.full_text is None or not len(doc):
        return doc.text
    last = doc[-1]
    text = ctx.full_text[ctx.base_offset : ctx.base_offset + last.idx + len(last.text_with_ws)]
    return text if len(text) == last.idx + len(last.text_with_ws) else doc.text


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, paragraph by paragraph, and the block
    quotes of `block_quotes`.

    A paragraph that opens a quote without closing it continues the quote to its
    end (the convention for quotes running over several paragraphs).
    """
    spans = []
    pos = 0
    for para in text.split("\n"):
        spans.extend((pos + a, pos + b) for a, b in _paragraph_quotes(para))
        pos += len(para) + 1
    spans += [(start, end) for _, start, end in block_quotes(text)]
    return sorted(spans)


_ACRONYM = re.compile(r"[A-Z]{2,6}")
# "... the ministry said in a statement:" ending a paragraph: the next paragraph is what it said
_INTRO = re.compile(r"\b(?:said|says|stated|states|added|adds|told|tells|wrote|writes|declared|declares|noted|notes"
                    r"|stressed|stresses|announced|announces|explained|explains|reads|read|warned|warns|insisted"
                    r"|insists|recalled|recalls|continued|continues|underlined|underlines|emphasi[sz]ed|statement)\b"
                    r"[^:\n\"“”]{0,120}:\s*$", re.IGNORECASE)


def block_quotes(text: str) -> list[tuple[int, int, int]]:
    """Quotations given as a whole paragraph without quotation marks, as (context start,
    start, end): the paragraph after one that ends "X said:" or "... said in a statement:"
    (the context, that line, says who speaks; quoted words inside the paragraph are still
    the statement's), and the paragraphs of a quote that runs on from an earlier paragraph
    without new marks (`_running_quotes`)."""
    lines, starts, pos = text.split("\n"), [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out = []
    previous = -1  # the last non-blank line before this one
    for i, line in enumerate(lines):
        body = line.strip()
        if not body:
            continue
        if previous >= 0 and body[0] not in '"“«„‘' and _INTRO.search(lines[previous]):
            lead = len(line) - len(line.lstrip())
            out.append((starts[previous], starts[i] + lead, starts[i] + len(line.rstrip())))
        previous = i
    return sorted(out + _running_quotes(lines, starts))


RUNNING_PARAGRAPHS = 3  # how many paragraphs a quote left open may run on to find its closing mark


def _running_quotes(lines: list[str], starts: list[int]) -> list[tuple[int, int, int]]:
    """A quote opened in a paragraph and left open runs on through the next paragraphs when
    one of them, within RUNNING_PARAGRAPHS and before any new opening mark, closes it: a
    curly closing mark, or a straight one ending its paragraph. As (start of the opening
    paragraph, start, end) for each paragraph it runs through. A quote left open that no
    later paragraph closes stops at its paragraph's end: in real text that is as often a
    typing slip as a quote running on (measured: carrying one to the document's end when no
    mark follows gave two speakers right and four wrong on the development set)."""
    out = []
    for i, line in enumerate(lines):
        spans = _paragraph_quotes(line)
        if not spans or spans[-1][1] != len(line):
            continue  # (no quote left open at this paragraph's end)
        through = []
        for j in range(i + 1, min(len(lines), i + 1 + RUNNING_PARAGRAPHS * 2)):
            body = lines[j].strip()
            if not body:
                continue
            lead = len(lines[j]) - len(lines[j].lstrip())
            marks = [(k, ch) for k, ch in enumerate(body) if ch in '"“”«»„']
            if marks and marks[0][1] in "“«„":
                break  # a new quote opens: not this one running on
            if marks and (marks[0][1] in "”»" or (marks[0][0] == len(body) - 1)):
                close = starts[j] + lead + marks[0][0]
                out += [(starts[i], a, b) for a, b in through] + [(starts[i], starts[j] + lead, close)]
                break
            if marks or len(through) >= RUNNING_PARAGRAPHS - 1:
                break  # (a straight mark inside the paragraph: which way it goes is not known)
            through.append((starts[j] + lead, starts[j] + lead + len(body)))
    return out


def _paragraph_quotes(para: str) -> list[tuple[int, int]]:
    out = []
    open_at = None
    closer = ""
    for i, ch in enumerate(para):
        if ch in "\u2018\u2019" and not _single_quote_mark(para, i, ch):
            continue  # an apostrophe ("don’t", "Russia’s"), not a quotation mark
        if open_at is None:
            if ch in _QUOTE_PAIRS:
                open_at, closer = i, _QUOTE_PAIRS[ch]
            elif ch == '"':
                open_at, closer = i, '"'
        elif ch == closer or (closer == "\u201d" and ch == '"') or (closer == '"' and ch == "\u201d"):
            out.append((open_at + 1, i))
            open_at = None
    if open_at is not None and len(para) - open_at > 2:
        out.append((open_at + 1, len(para)))
    return out


def _single_quote_mark(para: str, i: int, ch: str) -> bool:
    before = para[i - 1] if i > 0 else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if ch == "\u2018":
        return not before.isalnum()
    return not (before.isalnum() and after.isalnum()) and not (before in "sS" and after == " " and False)


_BODY_HEADS = frozenset({"ministry", "department", "office", "directorate", "bureau", "agency", "commission", "committee",
                         "council", "command"})


# courtesy words before a name, which say nothing of a role
_COURTESY_WORDS = frozenset({"mr", "mrs", "ms", "miss", "messrs", "mme", "m"})


def _marker_words(line: str) -> list[str]:
    """A heading's words as release markers are matched: lower case, without the punctuation around them."""
    return [w.lower().strip(",.:;-–—") for w in line.split()]


def _plain_case(line: str) -> str:
    """An upper-case heading in title case, its small words in lower case ("GOVERNMENT OF THE REPUBLIC OF
    RWANDA" -> "Government of the Republic of Rwanda"), as the actor dictionary reads names."""
    if not line.isupper():
        return line
    small = {"of", "the", "and", "for", "by", "on", "in", "to", "at"}
    # (an acronym stays as written: "DPRK", "U.S.", "IDF")
    words = [w.lower() if k and w.lower() in small else w if ("." in w or len(w.strip("(),")) <= 4) else "-".join(
        part.capitalize() for part in w.split("-")) for k, w in enumerate(line.split())]
    return " ".join(words)


# a release's number after its marker ("No. 087 of", "N° 14/2024 -", "No PR-11/2024-ISPR")
# (the marker may have taken the "No." already: "Release No. 14/2024 of the ISPR" leaves "14/2024 of ...")
_RELEASE_NUMBER = re.compile(r"^(?:(?:No\.?|N°|Nr\.?|Number)\s+)?(?=[\w/.\-]*\d)[\w/.\-]+\s*(?:[-–—:,]\s*)?(?:of\s+)?",
                             re.IGNORECASE)


# the number or letter a section's heading opens with ("I.", "2.", "B)")
_SECTION_NUMBER = re.compile(r"^\s*(?:[IVX]{1,4}|\d{1,2}|[A-H])[.)]\s+")


# a rank's retired mark between it and the name ("Lt. Gen. (retd) X", "Gen. (Ret.) X"): no longer serving
_RETIRED_MARK = re.compile(rf"\((?:{'|'.join(sorted(RANK_MARK_WORDS - {'res'}))})\.?\)\s*$", re.I)  # (not a reserve mark)


def _phrase_text(head: Token) -> str:
    """The noun phrase of `head` without relative clauses, appositions and trailing punctuation.

    Conjoined names stay ("Iraq and the US"), and so does the "with" of "sources
    familiar with the matter"."""
    keep = {head.i}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            keep_prep = child.dep_ == "prep" and (
                (child.lower_ in _KEEP_PREPS and node.i == head.i) or (child.lower_ == "with" and node.lemma_ == "familiar")
                or (child.lower_ == "on" and node.lemma_ == "brief" and node.dep_ == "acl")
            )
            # "people briefed on the matter": the anonymous source's description
            keep_prep = keep_prep or (child.dep_ == "acl" and node.i == head.i and child.lemma_ == "brief" and any(
                g.dep_ == "prep" and g.lower_ == "on" for g in child.children))
            # the "of" of a body named before a role: "a Ministry of Defence spokesperson" (not a title before a
            # name, "Secretary of Defense Lloyd Austin")
            keep_prep = keep_prep or (child.dep_ == "prep" and child.lower_ == "of" and node.i < child.i < head.i
                                      and head.pos_ == "NOUN" and node.lemma_.lower() in _BODY_HEADS)
            # the "of" inside a state's or body's name ("the Islamic Republic of Iran", "the Ministry of Defence")
            keep_prep = keep_prep or (child.dep_ == "prep" and child.ent_iob_ == "I" and child.ent_type_ == node.ent_type_ != "")
            keep_conj = child.dep_ in ("cc", "conj") and (
                (node.i == head.i and head.pos_ == "PROPN") or (node.i < head.i and child.i < head.i))  # "US and Israeli officials"
            keep_hyphen = child.tag_ == "HYPH" and child.i < node.i  # "the Saudi-led coalition", "for the US-led coalition"
            # the apostrophe of a plural owner ("the Philippines’ Department of Foreign Affairs")
            keep_apostrophe = child.dep_ == "punct" and child.text in ("'", "’") and child.i == node.i + 1 < head.i
            if child.dep_ in _CUT_DEPS and not (keep_prep or keep_conj or keep_hyphen or keep_apostrophe):
                continue
            if child.dep_ == "case" and node.i == head.i:
                continue  # (an owner named as a possessive, "the ministry's", is "the ministry")
            keep.add(child.i)
            stack.append(child)
    tokens = sorted(keep)
    lo, hi = tokens[0], tokens[-1]
    # keep it contiguous: stop at the first gap
    run = [lo]
    for i in tokens[1:]:
        if i != run[-1] + 1:
            if i > head.i and run[-1] >= head.i:
                break
            run = [i] if i <= head.i else run
            continue
        run.append(i)
    span = head.doc[run[0] : run[-1] + 1] if run else head.doc[lo : hi + 1]
    return _TIME_STAMP.sub("", span.text.strip(" ,;:\"'“”")).strip(" ,;:\"'“”")


# a live blog's time stamp the parser hung on the entry's first noun phrase ("22:45 GMT - Britain's Ministry ...")
_TIME_STAMP = re.compile(r"^(?:\d{1,2}[:.]\d{2}\s*)?(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local time)?\s*[-–—]\s+")
_UNNAMED = {"unnamed", "anonymous", "unidentified"}
# lower-case words that describe an official before the role ("senior defence official")
_ROLE_QUALIFIERS = {"senior", "top", "defense", "defence", "military", "administration", "government", "intelligence",
                    "security", "foreign", "ministry", "state", "department", "army", "navy", "air", "force"}
_QUANTITIES = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some",
               "many", "few", "a", "number", "of", "both"}


def _tokens_text(tokens: list[Token]) -> str:
    """The text of some tokens as the document spells it ("Lt. Col.", "Russia's", not "Lt . Col ."):
    each run of adjacent tokens is read from the text, runs joined by a space."""
    runs: list[list[Token]] = []
    for tok in tokens:
        if runs and tok.i == runs[-1][-1].i + 1:
            runs[-1].append(tok)
        else:
            runs.append([tok])
    return " ".join(" ".join(run[0].doc[run[0].i : run[-1].i + 1].text.split()) for run in runs).strip()


def _strip_determiners(text: str) -> str:
    """Without its article or quantity: "two Western diplomats" -> "Western diplomats"."""
    words = text.split()
    while len(words) > 1 and (words[0].lower() in _DETERMINERS or words[0].lower() in _QUANTITIES or words[0].isdigit()
                              or words[0].lower() in _UNNAMED or words[0].lower() == "neither"):
        words = words[1:]
    words = ["and" if w.lower() == "nor" else w for w in words]  # "Neither Syria nor Iran": Syria and Iran
    return " ".join(words)


# the honorifics of a parliamentarian's office ("The Rt Hon ... MP")
_HON_BEFORE = r"(?:the\s+)?(?:rt\.?\s+|right\s+)?hon(?:ourable|orable)?\.?\s+"
_HON_AFTER = r"MP|MEP|QC|KC|MLA|MNA"
_HONORIFICS = re.compile(rf"^{_HON_BEFORE}|\s+(?:{_HON_AFTER})$", re.I)
# a name between them ("Prime Minister of Australia - The Hon Peter Calloway MP")
_HONOURED_NAME = re.compile(rf"\b{_HON_BEFORE}((?:[A-Z][\w'’\-]+\s+){{0,2}}[A-Z][\w'’\-]+?)(?:\s+(?:{_HON_AFTER}|AC|AO))?\s*$", re.I)


def _singular(word: str) -> str:
    """A plural's singular, as far as a role word needs it ("governments", "ministries")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _clean_name(text: str) -> str:
    """A person's name without a possessive or the honorifics around it ("The Rt Hon ... MP")."""
    text = re.sub(r"['’]s$", "", text.strip())
    text = _HONORIFICS.sub("", _HONORIFICS.sub("", text.strip()))
    return " ".join(text.split()).strip(" ,.")
