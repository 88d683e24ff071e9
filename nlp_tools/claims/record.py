"""The Claim record: one statement about one topic in one sentence (codebook)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, fields
from datetime import date

TOPICS = ("notification", "strike", "cooperation")
STANCES = ("acknowledge", "deny", "conditional", "evade")
ATTRIBUTIONS = ("direct", "reported", "author", "transcript")


@dataclass
class Claim:
    """A claim as the codebook (docs/codebook.md) defines it, plus where and how it was found.

    `start_char`/`end_char` are the sentence's offsets in the document's
    normalised text. `trigger` is the word(s) that made it a claim of its topic;
    `group` names the trigger's subset (e.g. "deconfliction"), used by scoring.
    `detector` says whether the rules found it, the learned topic detector
    (the rules deciding its fields), or both.
    """

    doc_id: str
    sentence: str
    start_char: int
    end_char: int
    topic: str
    stance: str = "acknowledge"
    hedged: bool = False
    speaker: str = ""
    speaker_role: str = ""
    speaker_org: str = ""
    speaker_country: str = ""
    official: bool = False
    attribution: str = "author"
    cue: str = ""
    agent: str = ""
    counterpart: str = ""
    date: date | None = None
    source: str = ""
    trigger: str = ""
    group: str = ""
    stance_cue: str = ""
    stance_confidence: float | None = None
    detector: str = "rules"  # who found it: "rules", "model" (the learned detector), "both"
    # the parties' state and canonical body, for grouping ("" when the text gives none)
    agent_country: str = ""
    agent_org: str = ""
    counterpart_country: str = ""
    counterpart_org: str = ""

    @property
    def claim_id(self) -> str:
        """Stable id: the same claim in the same document always gets the same id."""
        key = f"{self.doc_id}\x1f{self.start_char}\x1f{self.end_char}\x1f{self.topic}\x1f{self.speaker}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict:
        row = {"claim_id": self.claim_id}
        row.update(asdict(self))
        return row


CLAIM_FIELDS = [f.name for f in fields(Claim)]


class DocumentClaims(list):
    """A document's claims (a list, to every caller), and `failures`: one line for each
    sentence the rules could not read (a bug in them, never the text's fault), so that the
    run reports the document as partly extracted instead of stopping or dropping it unsaid."""

    def __init__(self, claims=(), failures=()):
        super().__init__(claims)
        self.failures: list[str] = list(failures)
