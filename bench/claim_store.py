"""A store full of synthetic claims, for measuring what comes after extraction.

Statement linking, dyads, contradictions, scores and the exports read only the
store, so their memory and time on a corpus of millions of words can be
measured without parsing it: this module writes documents and claims through
the store's own API (`Store.add_documents`, `Store.save_claims`), shaped like
those of a claim-dense corpus (about 30 claims per 1,000 words, 75 per
document of 2,500 words):

- speakers from some thirty organisations of a dozen states, most of them
  official; topics, stances and the deconfliction group in roughly the sample
  corpus's shares; parties (agent, counterpart) from another state or a body;
- a quarter of the sentences hold two claims (a notice of a strike: one
  notification and one strike claim at the same offsets);
- sentences made from templates with many slots, so that different statements
  share some word pairs (as real ones do) without being near-identical;
- statements repeated as real ones are: quoted again by other documents
  within a few days (every other copy with a word changed), and stock lines
  ("there is no coordination with ...") said again and again for years;
- documents dated over `years` years from September 2015, a few (`undated`) undated.

Everything comes from one seeded generator: the same arguments give the same
store. `python bench/claim_store.py STORE --claims 100000` builds one.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp_tools.claims.record import Claim  # noqa: E402
from nlp_tools.documents import Document  # noqa: E402
from nlp_tools.store import Store  # noqa: E402

CLAIMS_PER_DOCUMENT = 75
WORDS_PER_DOCUMENT = 2500
SAVE_EVERY = 64  # documents per transaction, as runner.extract saves them

# (organisation, state, official)
SPEAKERS = [
    ("U.S. Department of Defense", "United States", True), ("U.S. Department of State", "United States", True),
    ("U.S. Central Command", "United States", True), ("U.S. Government", "United States", True),
    ("Russia Ministry of Defence", "Russia", True), ("Russia Ministry of Foreign Affairs", "Russia", True),
    ("Russia Government", "Russia", True), ("Turkey Ministry of Defence", "Turkey", True),
    ("Turkey Ministry of Foreign Affairs", "Turkey", True), ("Israel Defense Forces", "Israel", True),
    ("Israel Government", "Israel", True), ("Iraq Government", "Iraq", True), ("Iraq Ministry of Defence", "Iraq", True),
    ("Syria Ministry of Foreign Affairs", "Syria", True), ("Iran Ministry of Foreign Affairs", "Iran", True),
    ("Islamic Revolutionary Guard Corps", "Iran", True), ("China Ministry of National Defense", "China", True),
    ("China Ministry of Foreign Affairs", "China", True), ("Pakistan Ministry of Foreign Affairs", "Pakistan", True),
    ("Pakistan Armed Forces", "Pakistan", True), ("India Ministry of Foreign Affairs", "India", True),
    ("India Ministry of Defence", "India", True), ("UK Ministry of Defence", "United Kingdom", True),
    ("NATO", "", True), ("Combined Joint Task Force – Operation Inherent Resolve", "", True),
    ("Jordan Armed Forces", "Jordan", True), ("Saudi Ministry of Defence", "Saudi Arabia", True),
    ("", "United States", False), ("", "Russia", False), ("", "", False),
]
PARTIES = [  # (state, body)
    ("United States", ""), ("United States", "U.S. Armed Forces"), ("Russia", ""), ("Russia", "Russia Armed Forces"),
    ("Turkey", ""), ("Turkey", "Turkish Armed Forces"), ("Israel", ""), ("Israel", "Israel Defense Forces"),
    ("Iraq", ""), ("Iraq", "Iraqi Security Forces"), ("Syria", ""), ("Syria", "Syrian Arab Army"), ("Iran", ""),
    ("China", ""), ("Pakistan", ""), ("India", ""), ("United Kingdom", ""), ("Jordan", ""), ("Qatar", ""),
    ("", "Islamic State"), ("", "NATO"), ("", "Syrian opposition"), ("Iraq; Syria", ""),
]
TOPICS = [("strike", 44), ("cooperation", 36), ("notification", 20)]
STANCES = [("acknowledge", 65), ("deny", 19), ("conditional", 9), ("evade", 7)]
ATTRIBUTIONS = ["reported", "transcript", "author", "direct"]

OPENERS = ["The ministry said that", "A spokesman told reporters that", "In a statement on {day}, officials said that",
           "The spokeswoman confirmed that", "Speaking in {place}, the minister said", "According to the briefing,",
           "The command said on {day} that", "Officials insisted that", "The statement added that", ""]
NOTICES = ["{a} had informed {b} in advance of the {what} near {place}",
           "{b} was notified about {n} hours before the {what} began",
           "{a} gave {b} prior notice through the hotline before the {what}",
           "{a} did not warn {b} ahead of the {what} in {place}",
           "a warning was passed to {b} shortly before the {what} near {place}",
           "{a} would inform {b} of any {what} if the situation required it"]
STRIKES = ["{a} carried out {n} air strikes on positions near {place} on {day}",
           "{a} aircraft struck {n} targets around {place} overnight",
           "{a} launched cruise missiles at facilities in {place}",
           "{a} forces hit a weapons depot outside {place} on {day}",
           "no strikes were carried out by {a} in {place} this week"]
COOPERATION = ["{a} and {b} agreed to keep the deconfliction channel over {place} open",
               "there is no coordination between {a} and {b} on operations in {place}",
               "{a} is working closely with {b} on the security of {place}",
               "{a} has refused to coordinate with {b} on the campaign around {place}",
               "{a} and {b} held talks on a joint mechanism for {place} on {day}",
               "the pilots of {a} and {b} keep a safe distance under the memorandum on {place}"]
TEMPLATES = {"notification": NOTICES, "strike": STRIKES, "cooperation": COOPERATION}
WHAT = ["operation", "strike", "missile launch", "exercise", "flight", "air raid", "artillery fire", "naval drill"]
PLACES = ["Idlib", "Raqqa", "Deir ez-Zor", "Aleppo", "Palmyra", "Mosul", "Tal Afar", "Manbij", "Afrin", "Hama", "Homs",
          "Latakia", "al-Bab", "Kobani", "Tanf", "Abu Kamal", "the Golan", "the Euphrates valley", "the Black Sea",
          "the Caspian", "the Line of Control", "the Strait of Hormuz", "Ain al-Asad", "Erbil", "Kirkuk", "Baghdad"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "the weekend", "Friday night"]
CLOSERS = ["", "", " to avoid incidents", " despite earlier reports", " as agreed last year", " in line with the agreement",
           " according to the defence ministry", " the officials stressed", " and more were planned"]
STOCK = [  # (line, topic, stance): said by the busiest speakers, again and again
    ("There is no coordination with {b} on these operations, and there will be none.", "cooperation", "deny"),
    ("We informed {b} in advance, as we always do, through the established channel.", "notification", "acknowledge"),
    ("The deconfliction line with {b} remains open and is used every day.", "cooperation", "acknowledge"),
    ("We do not comment on operational matters or on our contacts with {b}.", "cooperation", "evade"),
]
BUSY = SPEAKERS[:6]  # the speakers of the stock lines
FILLER = "The briefing also covered the budget and the exercises planned for next month. "


class Generator:
    """Documents with their claims, one at a time, from one seeded random generator."""

    def __init__(self, seed: int = 1, years: int = 9, undated: float = 0.03):
        self.rng = random.Random(seed)
        self.undated = undated
        self.start = date(2015, 9, 1)
        self.span = years * 365
        self.recent: list[tuple[int, str, dict]] = []  # (day number, sentence, claim fields) quoted again later

    def _pick(self, weighted):
        return self.rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]

    def _party(self, speaker_country: str) -> tuple[str, str]:
        while True:
            country, body = self.rng.choice(PARTIES)
            if country != speaker_country or not country:
                return country, body

    def _fresh(self, topic: str, side: tuple[str, str], other: tuple[str, str]) -> str:
        r = self.rng
        a = side[1] or side[0] or "the coalition"
        b = other[1] or other[0] or "the other side"
        body = r.choice(TEMPLATES[topic]).format(a=a, b=b, what=r.choice(WHAT), place=r.choice(PLACES),
                                                 day=r.choice(DAYS), n=r.randint(2, 60))
        opener = r.choice(OPENERS).format(day=r.choice(DAYS), place=r.choice(PLACES))
        text = f"{opener} {body}{r.choice(CLOSERS)}.".strip()
        return text[0].upper() + text[1:]

    def _changed(self, sentence: str) -> str:
        """A copy with one word replaced, as an outlet edits a quote."""
        words = sentence.split()
        i = self.rng.randrange(len(words))
        words[i] = self.rng.choice(["reportedly", "also", "again", "formally", "quickly", "earlier"])
        return " ".join(words)

    def document(self, n: int) -> tuple[Document, list[Claim]]:
        r = self.rng
        day_number = r.randint(0, self.span)
        day = None if r.random() < self.undated else self.start + timedelta(days=day_number)
        doc_id = f"synthetic/part-{n // 500:04d}/doc-{n:07d}.txt"
        claims_wanted = max(5, int(r.gauss(CLAIMS_PER_DOCUMENT, CLAIMS_PER_DOCUMENT / 3)))
        self.recent = [item for item in self.recent if abs(item[0] - day_number) <= 4][-400:]
        parts: list[str] = []
        claims: list[Claim] = []
        offset = 0
        while len(claims) < claims_wanted:
            roll = r.random()
            if roll < 0.22 and self.recent:  # another document's statement, quoted again
                _, sentence, fields = r.choice(self.recent)
                if r.random() < 0.5:
                    sentence = self._changed(sentence)
                fields = [dict(f) for f in fields]
            else:
                stock = roll < 0.34
                org, country, official = r.choice(BUSY if stock else SPEAKERS)
                other = self._party(country)
                side = (country, org)
                if stock:  # a stock line, said again and again
                    line, topic, stance = r.choice(STOCK)
                    sentence = line.format(b=other[1] or other[0] or "the other side")
                else:
                    topic = self._pick(TOPICS)
                    stance = self._pick(STANCES)
                    sentence = self._fresh(topic, side, other)
                agent = (country, org) if r.random() < 0.7 else self._party(country)
                base = dict(topic=topic, stance=stance, speaker=f"{org or country or 'the author'} spokesperson",
                            speaker_role="spokesperson" if official else "", speaker_org=org,
                            speaker_country=country, official=official, attribution=r.choice(ATTRIBUTIONS),
                            agent_country=agent[0], agent_org=agent[1], counterpart_country=other[0],
                            counterpart_org=other[1], group="deconfliction" if topic == "cooperation" and r.random() < 0.3 else "",
                            trigger=topic[:6], stance_cue=stance[:4] if stance != "acknowledge" else "")
                fields = [base]
                if topic == "notification" and r.random() < 0.6:  # a notice of a strike: two claims
                    fields.append({**base, "topic": "strike", "stance": "acknowledge", "group": "",
                                   "counterpart_country": "", "counterpart_org": ""})
                if not stock and r.random() < 0.25:
                    self.recent.append((day_number, sentence, fields))
            start = offset
            end = start + len(sentence)
            for f in fields:
                claims.append(Claim(doc_id=doc_id, sentence=sentence, start_char=start, end_char=end, date=day,
                                    source="synthetic", **f))
            parts.append(sentence + " " + FILLER)
            offset += len(sentence) + 1 + len(FILLER)
        text = "".join(parts)
        words = len(text.split())
        wanted = len(claims) * WORDS_PER_DOCUMENT // CLAIMS_PER_DOCUMENT  # 30 claims per 1,000 words
        if words < wanted:
            text += FILLER * ((wanted - words) // len(FILLER.split()))
        title = f"Synthetic briefing {n}"
        return Document(doc_id=doc_id, text=text, path=doc_id, title=title, date=day,
                        date_source="metadata" if day else "", source="synthetic", kind="txt"), claims


def build_store(path: str | Path, claims: int, seed: int = 1, years: int = 9, undated: float = 0.03,
                extractor: str = "synthetic") -> dict:
    """Write documents and about `claims` claims to the store at `path` (created anew)."""
    path = Path(path)
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    gen = Generator(seed, years, undated)
    started = time.perf_counter()
    total = words = n = 0
    with Store(path) as store:
        store.con.execute("SET memory_limit = '512MB'")
        run_id = store.start_run("synthetic", "bench", extractor)
        while total < claims:
            batch = [gen.document(n + i) for i in range(SAVE_EVERY)]
            n += len(batch)
            store.add_documents([doc for doc, _ in batch], run_id)
            store.save_claims([(doc.doc_id, found) for doc, found in batch], extractor, run_id)
            total += sum(len(found) for _, found in batch)
            words += sum(doc.words for doc, _ in batch)
        store.finish_run(run_id, "done", n, total, 0, words, time.perf_counter() - started)
    return {"documents": n, "claims": total, "words": words, "seconds": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--years", type=int, default=9, help="the documents' dates span this many years")
    parser.add_argument("--undated", type=float, default=0.03, help="the share of undated documents")
    args = parser.parse_args()
    info = build_store(args.store, args.claims, args.seed, args.years, args.undated)
    print(f"{info['documents']:,} documents, {info['claims']:,} claims, {info['words']:,} words "
          f"in {info['seconds']:.0f} s: {args.store}")


if __name__ == "__main__":
    main()
