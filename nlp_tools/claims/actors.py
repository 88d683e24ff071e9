"""The actor dictionary: surface forms of states, organisations and people,
normalised to one canonical organisation and country.

"Pentagon", "Defense Department" and "DoD" become one organisation; "Russian
Defence Ministry" and "Ministry of Defence of Russia" are composed from a
country and a generic organisation type; a spokesperson's name gives the
organisation they spoke for on the document's date. The data lives in
`data/actors.yaml`; a user file with the same schema is merged on top.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import NlpToolsError
from ..resources import data_path, load_yaml

KINDS = {
    "government", "head_of_state_office", "ministry", "military", "intelligence", "embassy",
    "intergovernmental", "state_media", "media", "armed_group", "think_tank", "ngo", "company",
    "country",
}

# kinds of body that are not a state's own side even when based in it (its armed groups,
# outlets, think tanks, NGOs and companies): "Turkey" and "Turkish Armed Forces" are one side,
# "Iraq" and an Iraqi militia are not
NOT_OWN_SIDE = frozenset({"armed_group", "media", "state_media", "think_tank", "ngo", "company"})


@dataclass(frozen=True)
class Actor:
    """A canonical organisation (or a state, kind 'country')."""

    name: str
    country: str = ""
    kind: str = ""
    official: bool = False


@dataclass(frozen=True)
class Person:
    name: str
    org: str
    role: str = ""
    start: date | None = None
    end: date | None = None

    def active_on(self, when: date | None) -> bool:
        if when is None:
            return True
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class Country:
    name: str
    government: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]


# Last words of a dictionary form that is a title, not a body's name ("Secretary-General", "Defence Secretary")
_TITLE_WORDS = frozenset({"secretary", "secretary-general", "minister", "spokesman", "spokesperson", "spokeswoman",
                          "chief", "commander", "envoy", "ambassador", "adviser", "advisor", "director"})


def _titled(title_actor, found) -> object | None:
    """The body named right before a title that the dictionary gives another body: in "NATO Deputy
    Secretary-General", NATO, not the United Nations; None when there is no such pair."""
    for i, (m, actor) in enumerate(found):
        if i == 0 or actor is not title_actor or not _is_title(m.group(0)):
            continue
        before, owner = found[i - 1]
        # (the name just before the title, a word such as "Deputy" at most between them)
        if owner is not title_actor and len(m.string[before.end(): m.start()].split()) <= 1 and not _is_title(before.group(0)):
            return owner
    return None


def _is_title(form: str) -> bool:
    words = form.lower().split()
    return bool(words) and (words[-1] in _TITLE_WORDS or words[-1].split("-")[-1] in _TITLE_WORDS)


class ActorDictionary:
    """Look-ups from surface text to canonical actors. Built once, then read-only."""

    def __init__(self, sources: list[tuple[str, dict]]):
        self.countries: dict[str, Country] = {}
        self.organisations: dict[str, Actor] = {}
        self.people: list[Person] = []
        self._alias: dict[str, Actor] = {}  # exact surface form -> actor
        self._alias_lower: dict[str, Actor] = {}
        self._country_alias: dict[str, str] = {}  # surface -> country name
        self._org_types: list[tuple[str, str, bool, list[str]]] = []
        self._person_alias: dict[str, list[Person]] = {}
        self._person_loose: dict[str, list[Person]] = {}  # by `_loose` spelling ("Abdel Malek Al Houthi")
        self._surname: dict[str, list[Person]] = {}
        self._by_org: dict[str, list[Person]] = {}
        for source, data in sources:
            self._merge(source, data or {})
        self._compile()

    # -- loading -----------------------------------------------------------
    @classmethod
    def load(cls, extra: list[str | Path] | None = None) -> ActorDictionary:
        """The packaged dictionary, with user files merged on top (later wins)."""
        sources = []
        for path in [data_path("actors.yaml"), *(extra or [])]:
            data = load_yaml(path)
            if data is not None and not isinstance(data, dict):
                raise NlpToolsError(f"{path}: an actor dictionary must be a mapping with countries/organisations/people")
            sources.append((str(path), data))
        return cls(sources)

    def _merge(self, source: str, data: dict) -> None:
        for i, entry in enumerate(data.get("countries") or []):
            name = _field(entry, "name", source, "countries", i)
            government = str(entry.get("government") or f"{name} Government")
            aliases = tuple(str(a) for a in entry.get("aliases") or [])
            adjectives = tuple(str(a) for a in entry.get("adjectives") or [])
            country = Country(name, government, aliases + (name,), adjectives)
            self.countries[name] = country
            gov = Actor(government, name, "government", True)
            self.organisations[government] = gov
            for form in country.aliases:
                self._country_alias[form] = name
            for form in adjectives:
                self._country_alias.setdefault(form, name)
            for form in (*(str(a) for a in entry.get("nationals") or []), *_nationals(adjectives)):
                self._country_alias.setdefault(form, name)  # "the Russians", "the Turks": the state's side
        for i, entry in enumerate(data.get("organisations") or []):
            name = _field(entry, "name", source, "organisations", i)
            kind = str(entry.get("kind") or "")
            if kind and kind not in KINDS:
                raise NlpToolsError(f"{source}: organisations[{i}] ({name}): unknown kind '{kind}'")
            actor = Actor(name, str(entry.get("country") or ""), kind, bool(entry.get("official", False)))
            self.organisations[name] = actor
            for form in [name, *(entry.get("aliases") or [])]:
                self._alias[str(form)] = actor
        for i, entry in enumerate(data.get("org_types") or []):
            canonical = _field(entry, "canonical", source, "org_types", i)
            aliases = [str(a) for a in entry.get("aliases") or []] + [canonical]
            self._org_types.append(
                (canonical, str(entry.get("kind") or ""), bool(entry.get("official", True)), aliases)
            )
        for i, entry in enumerate(data.get("people") or []):
            name = _field(entry, "name", source, "people", i)
            person = Person(
                name,
                str(entry.get("org") or ""),
                # a note in brackets ("(also commander of ...)") is for the reader, not part of the title
                re.sub(r"\s*\([^)]*\)", "", str(entry.get("role") or "")).strip(),
                _date(entry.get("from"), source, name),
                _date(entry.get("to"), source, name),
            )
            self.people.append(person)
            forms = {name, *(str(a) for a in entry.get("aliases") or [])}
            for form in forms:
                self._person_alias.setdefault(form.lower(), []).append(person)
                loose = self._person_loose.setdefault(_loose(form), [])
                if person not in loose:
                    loose.append(person)
            self._surname.setdefault(name.lower().split()[-1], []).append(person)
            self._by_org.setdefault(person.org, []).append(person)

    def _compile(self) -> None:
        self._by_prefix: dict[str, dict[str, Person]] = {}
        for person in self.people:
            parts = person.name.lower().split()
            for k in range(2, len(parts)):
                self._by_prefix.setdefault(" ".join(parts[:k]), {})[person.name] = person
        self._name_heads: dict[str, set[str]] = {}  # actor -> the last words of its names, lower case
        for form, actor in self._alias.items():
            self._alias_lower.setdefault(form.lower(), actor)
            self._name_heads.setdefault(actor.name, set()).add(form.lower().split()[-1])
        self._type_lookup = {a.lower(): t for t in self._org_types for a in t[3]}

    def compile(self) -> ActorDictionary:
        """Compile the patterns now (they are otherwise compiled on first use)."""
        self._any_form, self._type_pattern, self._composed  # noqa: B018
        return self

    # The patterns are compiled on first use: a process that never looks a name up in free text
    # (the writer of a run whose workers extract, `--help`) does not pay for them.
    @functools.cached_property
    def _any_form(self) -> re.Pattern | None:
        forms = set(self._alias) | set(self._country_alias)
        return re.compile(rf"(?<![\w.])(?:{_trie(forms)})(?![\w])") if forms else None

    @functools.cached_property
    def _type_pattern(self) -> re.Pattern | None:
        if not self._type_lookup:
            return None
        return re.compile(r"(?<!\w)(?:" + _trie(self._type_lookup, ignore_case=True) + r")(?!\w)", re.IGNORECASE)

    @functools.cached_property
    def _composed(self) -> list[re.Pattern]:
        type_forms = {a for *_, aliases in self._org_types for a in aliases}
        if not self._country_alias or not type_forms:
            return []
        c = _trie(self._country_alias)
        t = _trie(type_forms, ignore_case=True)
        # the country part is case-sensitive ("us troops" is not "US troops")
        composed = [
            re.compile(rf"(?<!\w)(?P<c>{c})(?:['’]s)?\s+(?P<t>(?i:{t}))(?!\w)"),
            re.compile(rf"(?<!\w)(?P<t>(?i:{t}))\s+of\s+(?:the\s+)?(?P<c>{c})(?!\w)"),
        ]
        # a ministry named by where it sits ("the defence ministry in Ankara") is that state's;
        # troops or an embassy "in" a country are not that country's
        ministries = {a for _, kind, _, aliases in self._org_types if kind == "ministry" for a in aliases}
        if ministries:
            m = _trie(ministries, ignore_case=True)
            composed.append(re.compile(rf"(?<!\w)(?P<t>(?i:{m}))\s+in\s+(?P<c>{c})(?!\w)"))
        return composed

    # -- look-ups ----------------------------------------------------------
    def organisation(self, text: str) -> Actor | None:
        """The actor a whole phrase names ("the Pentagon", "Russia's defence ministry")."""
        phrase = _clean(text)
        if not phrase:
            return None
        actor = self._alias.get(phrase) or self._alias_lower.get(phrase.lower())
        if actor:
            return actor
        composed = self._compose(phrase, whole=True)
        if composed:
            return composed
        country = self.country_of(phrase)
        if country and self._country_alias.get(phrase) == country:
            return self.government(country)
        plain = _FORMAL_NAME.sub("", phrase) if " of " in phrase else phrase
        return self.organisation(plain) if plain != phrase else None

    def find(self, text: str) -> Actor | None:
        """The first (longest) actor mentioned anywhere in `text`."""
        text = text.replace("’", "'")  # ("China’s People’s Daily": the dictionary writes a straight apostrophe)
        composed = self._compose(text, whole=False)
        best = None
        found = []
        if self._any_form is not None:
            for m in self._any_form.finditer(text):
                form = m.group(0)
                actor = self._alias.get(form)
                if actor is None and form in self._country_alias:
                    country = self._country_alias[form]
                    actor = self.government(country)
                if actor:
                    found.append((m, actor))
                if actor and (best is None or len(form) > best[1]):
                    best = (actor, len(form))
        if best is not None and _titled(best[0], found):
            # "NATO Deputy Secretary-General": a title the dictionary gives one body, qualified by another's name
            return _titled(best[0], found)
        if composed and (best is None or best[0].kind == "government"):
            return composed
        return best[0] if best else None

    def _state_names(self, text: str):
        """(offset, state, by its own name) for each state the text names, the longest name at each
        place; "by its own name" is false for a government named otherwise ("the Kremlin")."""
        if self._any_form is None:
            return
        for m in self._any_form.finditer(text.replace("’", "'")):
            country = self._country_alias.get(m.group(0))
            actor = self._alias.get(m.group(0)) if not country else None
            if country or (actor is not None and actor.kind == "government"):
                yield m.start(), country or actor.country, bool(country)

    def state_mentions(self, text: str) -> list[tuple[int, str]]:
        """Where a text names a state or its government, in order, the longest name at each place
        ("Republic of China (Taiwan)": Taiwan, not China): (offset, state)."""
        return [(start, state) for start, state, _ in self._state_names(text)]

    def countries_in(self, text: str) -> list[str]:
        """The states a text names by their names, in order, each once ("U.S.-Japan-Australia ministers": three)."""
        return list(dict.fromkeys(state for _, state, own in self._state_names(text) if own))

    def named_as(self, actor_name: str, noun: str) -> bool:
        """Whether one of the actor's names ends in `noun` ("alliance" for NATO, the "North Atlantic
        Alliance"): what a bare "the alliance" in its own people's mouth stands for."""
        return noun.lower() in self._name_heads.get(actor_name, ())

    def outlet_names(self) -> frozenset[str]:
        """Every name of a news outlet, lower case ("reuters", "financial times", "ria novosti")."""
        return frozenset(form.lower() for form, actor in self._alias.items() if actor.kind in ("media", "state_media"))

    def government(self, country: str) -> Actor:
        info = self.countries.get(country)
        name = info.government if info else f"{country} Government"
        return self.organisations.get(name) or Actor(name, country, "government", True)

    def country_of(self, text: str) -> str:
        """The country a word or phrase names or qualifies ("Russian" -> Russia)."""
        phrase = _clean(text)
        if phrase in self._country_alias:
            return self._country_alias[phrase]
        actor = self._alias.get(phrase) or self._alias_lower.get(phrase.lower())
        if actor:
            return actor.country
        for word in reversed(phrase.split()):
            word = re.sub(r"['’]s$", "", word)
            if word in self._country_alias:
                return self._country_alias[word]
        plain = _FORMAL_NAME.sub("", phrase) if " of " in phrase else phrase
        return self.country_of(plain) if plain != phrase else ""

    def person(self, name: str, when: date | None = None, role: str = "") -> Person | None:
        """A known person by full name or alias, active on `when` when several match; without a
        date, the one whose role the text's `role` names ("Defence Minister Minoru Kihara" is the
        defence minister, not the later Chief Cabinet Secretary), else the most recent."""
        key = _clean(name).lower()
        candidates = self._person_alias.get(key, []) or self._person_loose.get(_loose(key), [])
        if not candidates and len(key.split()) >= 2:
            # "Mumtaz Zahra" for "Mumtaz Zahra Baloch": a unique longer name that starts the same
            longer = self._by_prefix.get(key, {})
            candidates = list(longer.values()) if len(longer) == 1 else []
        if not candidates:
            return None
        active = [p for p in candidates if p.active_on(when)]
        pool = active or candidates
        # One name, several roles over time: the one active on the date wins;
        # without a date, the most recent (of those the text's role names, when it names some).
        if role and len({p.role for p in pool}) > 1:
            said = _role_key(role)
            named = [p for p in pool if said and said <= _role_key(p.role)]
            pool = named or pool
        return sorted(pool, key=lambda p: p.start or date.min)[-1]

    def person_by_role(self, org: str, role_word: str, when: date) -> Person | None:
        """The one person of `org` whose role starts with `role_word` on `when`
        ("the Secretary" at the State Department in 2015 is the Secretary of State)."""
        role_word = role_word.lower()
        matches = [p for p in self._by_org.get(org, []) if p.active_on(when) and p.role.lower().split()[:1] == [role_word]]
        if not matches:
            matches = [
                p for p in self._by_org.get(org, [])
                if p.active_on(when) and role_word in p.role.lower().split() and not p.role.lower().startswith(("deputy", "assistant", "under", "acting", "vice"))
            ]
        names = {p.name for p in matches}
        return matches[0] if len(names) == 1 else None

    def person_by_surname(self, surname: str, when: date | None = None) -> Person | None:
        """A known person whose last name is `surname`, if exactly one is active then."""
        surname = surname.strip().lower()
        if not surname:
            return None
        matches = [p for p in self._surname.get(surname, []) if p.active_on(when)]
        names = {p.name for p in matches}
        if len(names) == 1:
            return sorted(matches, key=lambda p: p.start or date.min)[-1]
        return None

    def _compose(self, text: str, whole: bool) -> Actor | None:
        for pattern in self._composed:
            m = pattern.fullmatch(text) if whole else pattern.search(text)
            if m:
                country = self._country_alias.get(m.group("c"))
                canonical, kind, official, _ = self._type_lookup[m.group("t").lower()]
                if country:
                    return Actor(f"{country} {canonical}", country, kind, official)
        return None

    def find_org_type(self, text: str) -> tuple[str, str, bool] | None:
        """A generic organisation type mentioned anywhere in `text` ("the Foreign Office Spokesman")."""
        if self._type_pattern is None:
            return None
        m = self._type_pattern.search(text)
        if m is None:
            return None
        t = self._type_lookup[m.group(0).lower()]
        return (t[0], t[1], t[2])

    def type_words(self) -> frozenset[str]:
        """Lower-case words of the generic organisation types ("ministry", "forces",
        "military"): words that name a kind of body, never a particular one."""
        return frozenset(w for form in self._type_lookup for w in re.findall(r"[^\W\d_]+", form))

    def is_country_form(self, text: str) -> bool:
        """Whether the phrase is a state's own name or adjective ("Russia", "Moscow", "the US")."""
        return _clean(text) in self._country_alias

    def org_type(self, text: str) -> tuple[str, str, bool] | None:
        """A generic organisation type named by `text` ("defence ministry")."""
        t = self._type_lookup.get(_clean(text).lower())
        return (t[0], t[1], t[2]) if t else None


def _nationals(adjectives: tuple[str, ...]) -> list[str]:
    """The plural nouns for a state's people that its adjectives give regularly
    ("Russian" -> "Russians", "Iraqi" -> "Iraqis"); irregular ones ("Turks") are listed
    under `nationals` in the dictionary."""
    return [f"{a}s" for a in adjectives if a.isalpha() and a[:1].isupper() and not a.isupper() and a.endswith(("an", "i"))]


def _alternation(forms) -> str:
    """The forms as one regular-expression alternation, longest first (the longest form that
    fits wins, then the next longest: what `_trie` matches too)."""
    return "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))


def _trie(forms, ignore_case: bool = False) -> str:
    """The forms as a regular expression that matches what `_alternation(forms)` matches, in the
    same order of preference, but built as a tree of their common prefixes ("Russia(?:n(?:s)?)?").

    The alternation of some 7,000 names took Python's `re` a fifth of a second to compile and
    made it try every name at every position of a text; the tree compiles in a fraction of that
    and tries only the names that start like the text. The preference is the same: at one
    position the names that fit are prefixes of one another, so they lie on one branch, and the
    tree tries a longer continuation before stopping, longest first, as the sorted alternation
    does (a lookahead that fails after the longest sends both back to the next longest).
    `ignore_case`: for a pattern matched case-insensitively; the tree is then built on lower-case
    characters, unless two characters of one level would match the same text (then the
    alternation itself, as the preference could differ).
    """
    root: dict = {}
    for form in set(forms):
        node = root
        for ch in form:
            key = ch.lower() if ignore_case and len(ch.lower()) == 1 else ch
            node = node.setdefault(key, {})
        node[""] = {}

    def render(node: dict) -> str:
        keys = sorted(k for k in node if k)
        if ignore_case and any(re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in keys for b in keys if a != b):
            raise _NotAChain
        branches = [re.escape(k) + render(node[k]) for k in keys]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if branches else ""

    try:
        return render(root) if root else "(?!)"
    except _NotAChain:
        return _alternation(forms)


class _NotAChain(Exception):
    pass


_LEADING = re.compile(r"^(?:the|a|an|its|their|his|her|our)\s+", re.IGNORECASE)


def _loose(name: str) -> str:
    """A name's spelling without case or hyphens: "Abdel-Malek al-Houthi" = "Abdel Malek Al Houthi"."""
    return " ".join(name.lower().replace("-", " ").split())


def _role_key(role: str) -> frozenset[str]:
    """A role's words that say what the job is, US and UK spellings one ("Defense Minister" ->
    {"defence", "minister"}); a state's name and small words say nothing of the job."""
    words = re.findall(r"[a-z]+", role.lower().replace("defense", "defence"))
    return frozenset(w for w in words if w in _JOB_WORDS)


# the words of a job title
_JOB_WORDS = frozenset({"minister", "ministry", "defence", "foreign", "secretary", "president", "prime", "chief", "cabinet",
                        "deputy", "vice", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "general",
                        "commander", "staff", "adviser", "advisor", "security", "national", "interior", "army", "navy",
                        "chancellor", "premier", "affairs", "press"})


# a state's formal name around its short one, when the dictionary does not list it ("the Republic of
# Lithuania", "Ministry of Foreign Affairs of the Republic of Lithuania"); a listed one is read first
# ("Republic of Korea" is South Korea)
# (not the office "Secretary of State of ...")
_FORMAL_NAME = re.compile(r"(?<!\bof )\b(?:the\s+)?(?:Republic|Kingdom|Sultanate|Principality|Grand Duchy|State) of "
                          r"(?:the\s+)?(?=[A-Z])")


def _clean(text: str) -> str:
    # (a typographic apostrophe is the dictionary's straight one: "People’s Daily")
    text = " ".join(str(text).split()).strip(" ,.;:\"'“”‘’()").replace("’", "'")
    text = _LEADING.sub("", text)
    return text


def _field(entry, key: str, source: str, section: str, index: int) -> str:
    if not isinstance(entry, dict) or not entry.get(key):
        raise NlpToolsError(f"{source}: {section}[{index}] has no '{key}'")
    return str(entry[key])


def _date(value, source: str, name: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise NlpToolsError(f"{source}: person '{name}': date '{value}' is not YYYY-MM-DD") from None
