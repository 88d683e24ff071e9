"""One person named by role in one sentence and by name in another.

A news report often leads with "the Revolutionary Guards commander said ..." and names
him further down ("..., Hajizadeh said"); "a US commander said" and later "Lt. Gen. X
told reporters". The claims of the role are then the named person's. Run once over a
whole document's claims, so that reading it whole or in candidate windows gives the same.
"""

from __future__ import annotations

from dataclasses import replace

from .attribution import OTHER_JOB
from .record import Claim


def name_role_speakers(claims: list[Claim], person_roles: frozenset[str], body_words: frozenset[str] = frozenset(),
                       is_country_form=lambda word: False) -> list[Claim]:
    """The claims whose speaker is a role only ("Revolutionary Guards commander") given to the
    one person of the document who speaks with that role ("Commander of the IRGC Aerospace
    Force", "Lt. Gen."), when there is exactly one and the role names no body the person's
    does not ("Iran's foreign ministry spokesman" is not "a JCS spokesman"); the others
    unchanged. `body_words`: the nouns of bodies ("ministry", "embassy")."""
    people: dict[str, Claim] = {}
    for c in claims:
        if c.speaker and c.speaker_role and c.speaker != c.speaker_role:
            people.setdefault(c.speaker, c)
    if not people:
        return claims
    named = []
    for c in claims:
        head = c.speaker.lower().split()[-1] if c.speaker and not c.speaker_role else ""
        if head in person_roles:
            own = _body_qualifiers(c.speaker, head, body_words, is_country_form)
            # (a role that names its state, "Iran's foreign minister", is no one's of whom the text has said
            # neither state nor body)
            stated = any(is_country_form(w) for w in _bare(c.speaker.split()))
            holders = [p for p in people.values() if _holds(p.speaker_role, c.speaker, head) and (
                not c.speaker_country or c.speaker_country == p.speaker_country
                or (not p.speaker_country and (p.speaker_org or not stated))) and _shares_body(own, p)]
            if len(holders) == 1:
                p = holders[0]
                c = replace(c, speaker=p.speaker, speaker_role=p.speaker_role,
                            speaker_org=c.speaker_org or p.speaker_org, speaker_country=c.speaker_country or p.speaker_country)
        named.append(c)
    return named


# what a role-only speaker may say they are that another holder of the same title is not
_NOT_IN_OFFICE = frozenset({"shadow", "former", "retired", "opposition"})


# the kind of body a role speaks for: two roles naming different kinds are two people
_BODY_KINDS = {**dict.fromkeys(("military", "army", "navy", "defence", "defense", "pentagon", "coalition"), "military"),
               **dict.fromkeys(("government", "presidential", "kremlin", "foreign", "embassy"), "government"),
               **dict.fromkeys(("police", "interior"), "police")}


def _body_qualifiers(speaker: str, head: str, body_words: frozenset[str], is_country_form) -> set[str]:
    """The words by which a role says whose it is: the capitalised names and the body nouns
    ("Strategic", "Framework" of "rebel Strategic Framework spokesman"; "ministry" of "Iran's
    foreign ministry spokesman"), not the state ("Iran's"), which is the country's test."""
    out = set()
    for word in _bare(speaker.split()):
        low = word.lower()
        if low == head or is_country_form(word):
            continue
        if (word[:1].isupper() and word.isalpha()) or low in body_words:
            out.add(low)
    return out


def _shares_body(qualifiers: set[str], holder: Claim) -> bool:
    """A holder whose role, organisation or name holds one of those words, or any holder when
    there are none."""
    if not qualifiers:
        return True
    held = set(_bare(f"{holder.speaker_role} {holder.speaker_org} {holder.speaker}".lower().replace(",", " ").split()))
    return bool(qualifiers & held)


def _bare(words: list[str]) -> list[str]:
    return [w.removesuffix("'s").removesuffix("’s") for w in words]


def _holds(role: str, speaker: str, head: str) -> bool:
    """A role that names `head`: the word itself, or its abbreviated title ("Gen." for general);
    not another job of that name ("the secretary" is not the press secretary)."""
    words = role.lower().replace(",", " ").split()
    spoken, held = set(_bare(speaker.lower().split())), set(_bare(words))
    if {w for w in held if w in OTHER_JOB} - spoken:
        return False
    if {w for w in spoken if w in OTHER_JOB | _NOT_IN_OFFICE} - held:
        return False  # ("a shadow minister" is not the rail minister, nor "a deputy minister" the minister)
    kinds, kinds_held = {_BODY_KINDS[w] for w in spoken if w in _BODY_KINDS}, {_BODY_KINDS[w] for w in held if w in _BODY_KINDS}
    if kinds and kinds_held and not kinds & kinds_held:
        return False  # ("a government spokesperson" is not the military or coalition spokesperson named before)
    return any(w == head or (w.endswith(".") and len(w) >= 4 and head.startswith(w[:-1])) for w in words)
