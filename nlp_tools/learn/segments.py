"""Raw-text segments and their features: the unit the topic detector reads.

The detector works before any parsing, on the segments the candidate filter
cuts a document into (`candidates.CandidateFilter.segments`: lines, cut at
unambiguous sentence ends). The same function gives the segments and features
in training (gold documents) and at run time (the whole text of each
document), so that a model sees the same unit in both.

A segment's record is `{"text": ..., "cues": {...}}`. The cues are read from
the loaded rules without parsing: per topic, whether the topic lexicon holds a
strong trigger, a weak one whose corroboration may be there, or a bare weak
one (`CandidateFilter.topic_cues`); whether the segment holds a quotation
mark, a reporting verb (the attribution rules' verbs, in every surface form
the lemmatizer maps to them), a first-person pronoun, a negation; and what the
lexicon saw in the segment before (a topic carried on: "the call lasted an
hour").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..candidates import _WORD, CandidateFilter, Lemmas, Segment, _never_claims, has_name
from ..structure import Structure

_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
_FIRST_PERSON = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
_NEGATION = frozenset({"not", "no", "never", "t", "nor", "neither", "without", "none", "nothing"})
LEXICAL = ("strong", "weak", "bare")  # what the topic lexicon may see of a topic in a segment


@dataclass
class DocumentSegments:
    """The segments of one document, their feature records, and which ones can hold a claim."""

    segments: list[Segment]
    records: list[dict]
    lexicon: list[dict[str, str]]  # per segment: topic -> "strong" | "weak" | "bare"
    claimable: list[bool]


class SegmentFeatures:
    """Segments and feature records of a text, from a pipeline's claim component (no parsing)."""

    def __init__(self, nlp, component: str = "press_claims"):
        self.filter = CandidateFilter(nlp, component)
        rules = nlp.get_pipe(component).attribution_rules
        lemmas = Lemmas(nlp)
        self.reporting = frozenset(f for verb in rules.reporting_verbs for f in lemmas.forms(verb, "verb"))

    def document(self, text: str, structure: Structure | None = None) -> DocumentSegments:
        segments = self.filter.segments(text)
        lowered = text.lower()
        records, lexicon, claimable = [], [], []
        previous: dict[str, str] = {}
        for seg in segments:
            tokens = _WORD.findall(lowered, seg.start, seg.end)
            words = set(tokens)
            seen = self.filter.topic_cues(words, has_name(text, seg.start, seg.end))
            piece = text[seg.start : seg.end]
            cues = {f"lex:{topic}={kind}": 1.0 for topic, kind in seen.items()}
            cues.update({f"prev:{topic}={kind}": 1.0 for topic, kind in previous.items()})
            if not seen:
                cues["lex:none"] = 1.0
            if _QUOTE_MARKS.search(piece):
                cues["quote"] = 1.0
            if not words.isdisjoint(self.reporting):
                cues["reporting"] = 1.0
            if not words.isdisjoint(_FIRST_PERSON):
                cues["first_person"] = 1.0
            if not words.isdisjoint(_NEGATION):
                cues["negation"] = 1.0
            records.append({"text": piece, "cues": cues})
            lexicon.append(seen)
            claimable.append(_claimable(piece, tokens, seg, structure))
            previous = seen
        return DocumentSegments(segments, records, lexicon, claimable)


def _claimable(piece: str, tokens: list[str], seg: Segment, structure: Structure | None) -> bool:
    """Whether the claim component could claim anything here (not a heading, boilerplate,
    header line, reporter's question, or a question or fragment of its own)."""
    if len(tokens) < 3 or sum(1 for w in tokens[:12] if w.isalpha()) < 3 and sum(1 for w in tokens if w.isalpha()) < 3:
        return False
    if piece.rstrip("\"'”’)] ").endswith("?"):
        return False
    return not (structure is not None and _never_claims(seg, structure))
