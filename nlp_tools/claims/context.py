"""What the claim component knows about a document beyond its tokens.

A `DocumentContext` travels with a Doc (`doc._.press_context`): the document's
id, date and source, where the Doc's text sits in the full document (so a Doc
made of one passage still reports offsets in the whole text), its transcript
turns and skip spans, and, while the component runs, who has been named so far
(for "he said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import date

from ..structure import Structure, analyse

MAX_BODIES = 20
MAX_PARTIES = 5


@dataclass
class SpeakerInfo:
    """Who makes a statement, as far as the text tells."""

    name: str = ""
    role: str = ""
    org: str = ""
    country: str = ""
    official: bool = False
    is_person: bool = False
    plural: bool = False


@dataclass(frozen=True)
class Party:
    """An agent or counterpart: the name the claim table shows, and the state and
    canonical body it belongs to when the actor dictionary knows them."""

    name: str = ""
    country: str = ""
    org: str = ""

    def __bool__(self) -> bool:
        return bool(self.name)

    @property
    def countries(self) -> tuple[str, ...]:
        """The states the party belongs to ("Greece and Portugal": both)."""
        return tuple(self.country.split("; ")) if self.country else ()


@dataclass
class PartyMemory:
    """The parties of the claims found so far in a document, newest last per topic:
    a later claim that names no agent ("The strike destroyed a bridge") is most often
    about the same act as the ones before."""

    agents: dict[str, list[tuple[int, Party]]] = field(default_factory=dict)  # topic -> [(sentence start, party)]
    counterparts: dict[str, list[tuple[int, Party]]] = field(default_factory=dict)

    def note(self, topic: str, start: int, agent: Party, counterpart: Party) -> None:
        for memory, party in ((self.agents, agent), (self.counterparts, counterpart)):
            if party:
                kept = [e for e in memory.get(topic, []) if e[1] != party][-(MAX_PARTIES - 1):]
                memory[topic] = [*kept, (start, party)]

    def recent(self, role: str, topic: str) -> list[tuple[int, Party]]:
        """The parties of `role` ("agent" or "counterpart") of `topic`, newest first."""
        memory = self.agents if role == "agent" else self.counterparts
        return list(reversed(memory.get(topic, [])))


@dataclass
class Mentions:
    """People and bodies named so far in the document, for pronouns and surnames."""

    last_person: SpeakerInfo | None = None
    last_speaker: SpeakerInfo | None = None
    last_speaker_sentence: int = -1
    last_group: SpeakerInfo | None = None
    last_body: SpeakerInfo | None = None
    by_surname: dict[str, SpeakerInfo] = field(default_factory=dict)
    by_first: dict[str, SpeakerInfo] = field(default_factory=dict)
    bodies: list[SpeakerInfo] = field(default_factory=list)  # organisations named so far, newest last
    documents: dict[str, SpeakerInfo] = field(default_factory=dict)  # "statement" -> who issued the last one

    def note_body(self, info: SpeakerInfo) -> None:
        """An organisation named in the text, an antecedent for "the ministry" later on."""
        if info.name and not info.is_person:
            self.bodies = [b for b in self.bodies if b.name != info.name][-(MAX_BODIES - 1):] + [info]

    def body_named(self, noun: str) -> SpeakerInfo | None:
        """The organisation named most recently whose name has `noun` ("the ministry" -> the
        "Turkish Defence Ministry" named before)."""
        def named(info: SpeakerInfo | None) -> bool:
            return info is not None and not info.is_person and (
                noun in info.name.lower().replace("-", " ").split() or noun in info.org.lower().split())

        for info in (self.last_speaker, self.last_body):  # a body that spoke or acted first
            if named(info):
                return info
        for info in reversed(self.bodies):
            if named(info):
                return info
        return None

    def known(self, single_name: str) -> SpeakerInfo | None:
        """A person named earlier by the one name given now (surname, or family name first)."""
        key = single_name.lower()
        return self.by_surname.get(key) or self.by_first.get(key)

    def longer_form(self, name: str) -> SpeakerInfo | None:
        """A person named earlier in full whose name begins with this one ("Mumtaz
        Zahra" for "Mumtaz Zahra Baloch"): the later mention drops the last name."""
        words = name.lower().split()
        for info in self.by_surname.values():
            known = info.name.lower().split()
            if len(known) > len(words) >= 2 and known[: len(words)] == words:
                return info
        return None

    def remember(self, info: SpeakerInfo) -> None:
        if not info.name:
            return
        if info.is_person:
            parts = info.name.split()
            if len(parts) > 1:
                # "Zhang" for "Zhang Xiaogang": family names come first in some languages
                self.by_first.setdefault(parts[0].lower(), info)
            surname = parts[-1].lower()
            known = self.by_surname.get(surname)
            # keep the richest description of a person (full name, role, org)
            if known is None or len(info.name) >= len(known.name):
                self.by_surname[surname] = SpeakerInfo(
                    info.name,
                    info.role or (known.role if known else ""),
                    info.org or (known.org if known else ""),
                    info.country or (known.country if known else ""),
                    info.official or (known.official if known else False),
                    True,
                )
            # "Malki" for "Turki Al-Malki": a surname after an article ("al-", "el-") is also known without it
            bare = re.sub(r"^(?:al|el|ad|as|ash|at|az|ar|an|ul)[-‐]", "", surname)
            if bare != surname and len(bare) > 2:
                self.by_surname.setdefault(bare, self.by_surname.get(surname, info))
            # "she" is the person with all the text said of her ("a spokeswoman for ..., Deniz Ayhan")
            self.last_person = self.by_surname.get(surname) or info
        elif info.plural:
            self.last_group = info
        else:
            self.last_body = info
            self.note_body(info)

    def copy(self) -> Mentions:
        """A copy sharing nothing that can change with this one: what `copy.deepcopy` gives for
        these fields (one SpeakerInfo held in two places stays one), without its generic walk."""
        copies: dict[int, SpeakerInfo] = {}

        def own(info):
            if not isinstance(info, SpeakerInfo):
                return info
            if id(info) not in copies:
                copies[id(info)] = replace(info)
            return copies[id(info)]

        values = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dict):
                value = {k: own(v) for k, v in value.items()}
            elif isinstance(value, list):
                value = [own(v) for v in value]
            values[f.name] = own(value)
        return Mentions(**values)


@dataclass
class DocumentContext:
    doc_id: str = ""
    date: date | None = None
    source: str = ""
    title: str = ""
    base_offset: int = 0
    full_text: str | None = None  # the whole document when the Doc holds only part of it
    structure: Structure | None = None
    mentions: Mentions = field(default_factory=Mentions)
    issuer: SpeakerInfo | None = None
    issuer_resolved: bool = False
    sections: list = field(default_factory=list)  # (start, issuer) of each statement of a document of several
    detector_scores: object | None = None  # claims.detection.SegmentScores of the whole text, with a detector
    parties: PartyMemory = field(default_factory=PartyMemory)
    windowed: bool = False  # the document is read in windows: its extractor finishes it, not the component
    failures: list[str] = field(default_factory=list)  # sentences the rules failed on (`record.DocumentClaims`)

    def recent_parties(self, role: str, topic: str, start: int) -> list[tuple[int, Party]]:
        """The parties of `role` of `topic` noted before `start` in the same story, newest first
        (a roundup's next story is about other parties)."""
        entries = self.parties.recent(role, topic)
        if self.structure is None or not self.structure.story_starts:
            return entries
        return [e for e in entries if self.structure.same_story(e[0], start)]

    def ensure_structure(self, doc_text: str) -> Structure:
        if self.structure is None:
            text = self.full_text if self.full_text is not None else doc_text
            self.structure = analyse(text, self.title)
        return self.structure
