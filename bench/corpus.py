"""A benchmark corpus of briefings, releases and news reports, generated on the spot.

Real briefings run to thousands of words, and most of what is said in them is
about other things: schedules, budgets, personnel, exercises, disasters,
elections, "I'm not going to get ahead of the Secretary". The sample corpus was
written for annotation and is dense with claims; this generator mixes its
paragraphs (about one paragraph in six, varied: numbers, dates and weekdays
changed) into documents made of such ordinary briefing material, in the
sample's three formats:

- briefing transcripts: a header (title, presenter, date), an opening
  statement, then `Q:` / `MR. NAME:` turns;
- official releases: issuer, "Press release", a dateline, paragraphs;
- news reports: headline, dateline, paragraphs with quotes.

How much of the ordinary material touches the lexicon matters, since a
sentence with a trigger word (even a weak one, such as "talks", "told",
"meeting", "support") has to be parsed: about 25% of the filler sentences
hold one (`python bench/corpus.py --rate` prints it), against 17% of the
claim-free sentences of the sample corpus and 26% of those of a set of real
briefing excerpts (the project's development gold set). The filler is not
tuned to make the filter look good.

The **dense** variant (`--dense`) is what a researcher's selection looks
like: documents chosen for the subject, nearly every sentence about a notice,
a strike or cooperation (about 30 claims per 1,000 words, against about 4 in
the sparse one). Its paragraphs are the sample corpus's, varied as above,
and sentences made from templates of this module's own (`DENSE`): who
informed whom before which operation, who struck where, who does or does not
coordinate with whom, said by a ministry, a spokesman or "officials", with a
little ordinary material between them.

Every document is different (random draws, numbers, dates), so none is a
duplicate of another. The texts are written to a folder of `.txt` files (a
few hundred per folder), which `nlp-tools run` reads as it would a real
archive. `python bench/corpus.py OUT --words 2000000 [--dense]` builds one by
itself.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "corpora" / "sample"
VERSION = 2  # bump when the generator changes (run_bench.py rebuilds its corpora)
TOPICAL_SHARE = 1 / 6  # of paragraphs drawn from the sample corpus

PRESENTERS = [
    ("Pentagon Press Secretary", "Peter Cook", "MR. COOK", "Department of Defense"),
    ("Pentagon Press Secretary", "John Kirby", "MR. KIRBY", "Department of Defense"),
    ("Navy Capt.", "Jeff Davis", "CAPT. DAVIS", "Department of Defense"),
    ("Army Col.", "Steve Warren", "COL. WARREN", "Department of Defense"),
    ("State Department Spokesperson", "Mark Toner", "MR. TONER", "Department of State"),
    ("State Department Spokesperson", "John Kirby", "MR. KIRBY", "Department of State"),
    ("Deputy Spokesperson", "Elizabeth Trudeau", "MS. TRUDEAU", "Department of State"),
    ("Foreign Ministry Spokeswoman", "Maria Zakharova", "MARIA ZAKHAROVA", "Ministry of Foreign Affairs of Russia"),
    ("IDF Spokesperson", "Jonathan Conricus", "LT. COL. CONRICUS", "Israel Defense Forces"),
    ("Official Spokesperson", "Arindam Bagchi", "MR. BAGCHI", "Ministry of External Affairs"),
]
ISSUERS = [
    ("Ministry of Defence of the Russian Federation", "MOSCOW"),
    ("U.S. Department of Defense", "WASHINGTON"),
    ("UK Ministry of Defence", "LONDON"),
    ("Ministry of Foreign Affairs of the Republic of Turkey", "ANKARA"),
    ("NATO Public Diplomacy Division", "BRUSSELS"),
    ("Ministry of National Defense of the People's Republic of China", "BEIJING"),
    ("Ministry of Foreign Affairs of Pakistan", "ISLAMABAD"),
]
OUTLETS = ["Eastern Wire", "Tigris Wire", "Capital Courier", "Harbour Post", "Meridian News", "Northern Ledger"]
CITIES = ["Brussels", "Geneva", "Vienna", "Ankara", "Kabul", "Baghdad", "Amman", "Riyadh", "Tokyo", "Seoul",
          "Manila", "Warsaw", "Vilnius", "Bucharest", "Nairobi", "Djibouti", "Canberra", "Ottawa", "Oslo", "Madrid"]
COUNTRIES = ["Japan", "South Korea", "Poland", "Lithuania", "Romania", "Kenya", "Australia", "Canada", "Norway",
             "Spain", "Italy", "Germany", "France", "the Philippines", "Jordan", "Morocco", "Chile", "Indonesia"]
PEOPLE = ["Secretary Carter", "Deputy Secretary Work", "General Dunford", "Admiral Richardson", "General Milley",
          "Secretary Kerry", "Under Secretary Kendall", "General Goldfein", "the Chairman", "the Secretary"]
PROGRAMS = ["the F-35 program", "the new tanker", "the Ohio-class replacement", "the long-range bomber",
            "the third offset strategy", "the cyber mission force", "the commissary reform", "the new GI Bill",
            "the military health system", "the acquisition reform package", "the European Reassurance Initiative"]
SUBJECTS = ["hurricane relief", "the Ebola response", "the budget request", "recruiting", "military housing",
            "the readiness review", "the base closure round", "sexual assault prevention", "suicide prevention",
            "the opioid crisis among veterans", "the climate report", "the innovation unit", "space policy",
            "election security", "the trade talks", "the refugee resettlement program", "the flood response"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

FILLER = [
    "{person} leaves tomorrow for {city}, where he will attend a ministerial meeting and visit troops stationed there.",
    "We will get the details of the trip to the traveling press later this afternoon.",
    "The budget request for next year includes {n} billion dollars for {program}, and we expect Congress to take it up before the recess.",
    "I would refer you to the Office of Management and Budget for the overall figures.",
    "Turning to {subject}, more than {n} service members have taken part so far, and the numbers are still growing.",
    "{person} will host his counterpart from {country} here at the building on {weekday}.",
    "They are expected to discuss the modernization of the alliance's infrastructure and a range of regional issues.",
    "The department announced today the nomination of a new commander for the regional headquarters in {city}.",
    "We are very proud of the men and women who serve, and of their families, who make sacrifices every day.",
    "The review of {subject} is ongoing, and I do not want to get ahead of its findings.",
    "We expect the report to be delivered to the Secretary by the end of the month.",
    "I don't have an update for you on {program} today, but we will let you know when we do.",
    "The contract was awarded after a competition that drew {n} bids from companies in several states.",
    "We continue to monitor the weather, and several installations on the coast have been told to prepare for the storm.",
    "Families living on base have been advised to follow the guidance of local authorities.",
    "The National Guard has {n} personnel on duty in the affected counties, helping with evacuation and supplies.",
    "This is a whole-of-government effort, and the lead agency remains the Federal Emergency Management Agency.",
    "On personnel, the Secretary has approved a change to the parental leave policy that takes effect on {weekday}.",
    "The change will apply to roughly {n} thousand service members across all the branches.",
    "As you know, we are also working through the implementation of the new retirement system.",
    "The Secretary spoke this morning at a graduation ceremony at the academy and congratulated the class of {year}.",
    "He talked about the importance of innovation and of bringing new talent into the force.",
    "We will post the transcript of the speech on our website later today.",
    "There is nothing new to announce on {subject} today.",
    "I'm not going to speculate about the outcome of a process that is still under way.",
    "The inspector general is looking into the matter, and it would not be appropriate for me to comment.",
    "The hospital ship is scheduled to arrive in port on {weekday} and will stay for about {n} days.",
    "Medical teams aboard expect to treat several thousand patients during the visit.",
    "The exchange program brings cadets from {n} countries to study here for a semester.",
    "We have a long history of educational exchanges, and they remain a priority for the department.",
    "The new cyber strategy will be released next month after consultations with the interagency.",
    "It focuses on protecting the department's own networks and on recruiting and keeping skilled people.",
    "We had a good discussion with industry leaders last week about the supply chain for critical parts.",
    "The Secretary believes that the acquisition system has to move faster, and he has said so many times.",
    "Ticket sales for the annual air show have been suspended because of the government shutdown.",
    "The shutdown also affects civilian employees, about {n} thousand of whom have been furloughed.",
    "Commissaries overseas remain open, and pay for military personnel continues for now.",
    "The memorial ceremony will take place on {weekday} at {time}, and members of the press are welcome.",
    "We owe a debt of gratitude to those who gave their lives, and we will never forget them.",
    "The Secretary visited wounded warriors at the medical center yesterday and met their families.",
    "Recruiting numbers for the fiscal year are slightly ahead of last year, at about {n} thousand.",
    "The Army says retention in critical specialties remains a challenge, particularly for pilots and cyber specialists.",
    "We have asked Congress for more flexibility in how bonuses are paid.",
    "The environmental cleanup at the former base in {city} is expected to take another {n} years.",
    "Local officials have been briefed on the schedule and will hold a town hall meeting next week.",
    "The department's annual report on {subject} was sent to Congress on {weekday}.",
    "It shows some progress, but there is a great deal more work to do.",
    "I would refer you to the services for the details of their own programs.",
    "We are aware of the press reports, and we are looking into them.",
    "I don't have anything more for you on that at this point.",
    "The band will perform at the embassy reception in {city} on {weekday} evening.",
    "The trade delegation from {country} met with officials from the Commerce Department this week.",
    "The agreement on tariffs is a matter for the trade representatives, not for this building.",
    "The election observers from {country} will arrive next month, and their schedule is still being worked out.",
    "Voter registration on bases abroad has gone up by about {n} percent since the last cycle.",
    "The vaccination campaign for service members and their families is now in its {ordinal} week.",
    "More than {n} percent of active duty personnel have received the first dose.",
    "The health agency will publish updated guidance on travel for dependents on {weekday}.",
    "We will take a few questions, and then I have to get back to the Secretary.",
    "The Secretary also called the families of the two sailors who died in the training accident last month.",
    "The investigation into the training accident is still open, and the Navy will release its findings when it is complete.",
    "Schools on military installations will reopen on {weekday} after the holiday break.",
    "Housing allowances will rise by an average of {n} percent in the new year.",
    "We know that moving every few years is hard on families, and the new policy is meant to help.",
    "The department is also reviewing how it supports spouses who are looking for work after a move.",
    "The museum exhibit on the history of the service opens to the public on {weekday}.",
    "The Secretary thanked the staff of the veterans' home in {city} for their work during the pandemic.",
    "Our colleagues at Veterans Affairs are the lead on that, and I'd refer you to them.",
    "The report on {program} found cost overruns of about {n} percent, which the program office says it can reduce.",
    "The test schedule for the new radar has slipped by about {n} months because of software problems.",
    "The service expects to make a production decision in the spring.",
    "The first of the new patrol boats was delivered to the shipyard in {city} on schedule.",
    "Construction of the barracks is about {n} percent complete and should be finished by the summer.",
    "Snow closed two runways at the base for most of {weekday}, and flights resumed in the evening.",
    "The hurricane season officially ends at the end of next month.",
    "The annual fitness test will be revised so that it better reflects the demands of the job.",
    "Uniform allowances rose by {n} dollars this year.",
    "The dining facility at the academy served more than {n} thousand meals during the summer program.",
    "The service academies received a record number of applications this year.",
    "The department's financial audit is now in its {ordinal} year, and the auditors have found fewer problems.",
    "The new headquarters building is expected to save about {n} million dollars a year in energy costs.",
    "The wildfire near the range burned roughly {n} acres before crews contained it.",
    "No injuries were reported, and the cause of the fire is under investigation.",
    "The runway repairs in {city} will be finished ahead of schedule.",
    "The chaplain corps marked its anniversary with a service at the cathedral on {weekday}.",
    "Tuition assistance was used by about {n} thousand service members in the last fiscal year.",
    "The number of civilian employees eligible for telework has doubled since last spring.",
    "The price of jet fuel fell by about {n} percent over the quarter.",
    "A new child development center opened on post this week, with room for {n} children.",
    "The Army Corps of Engineers finished the levee repairs along the river last month.",
    "The marathon drew more than {n} runners from across the country.",
    "The ceremony honoring the code talkers will be broadcast live on our website.",
    "Several roads around the base will be closed for resurfacing through the end of the month.",
    "The new dress uniform will be phased in over the next {n} months.",
    "The department's small business office awarded {n} contracts to veteran-owned firms last year.",
    "The commissary will extend its opening hours during the holiday season.",
    "The cost estimate for the program rose because of inflation and a longer production run.",
    "Applications for the scholarship program close on {weekday}.",
    "The base hospital has added {n} beds and a second operating room.",
    "Researchers at the laboratory published a study on battery storage for remote outposts.",
    "The old hangar will be demolished next year to make room for a maintenance facility.",
    "Temperatures at the northern bases dropped below freezing for the first time this season.",
    "The ferry service to the island installation resumes on {weekday} after repairs to the pier.",
    "Enrollment in the language program grew by {n} students compared with last year.",
    "The new payroll system goes live at the start of the next pay period.",
    "About {n} percent of the fleet's vehicles are now electric or hybrid.",
    "The parade route will close to traffic at {time} on {weekday}.",
    "The historical society donated a collection of letters written by soldiers in the First World War.",
    "Road work outside the main gate is expected to cause delays for the rest of the month.",
    "The academy's football team won its final game of the season.",
    "A power outage affected several buildings on the base for about {n} minutes on {weekday}.",
    "The library at the headquarters building has extended its hours for students.",
    "The flu vaccine is now available at all clinics on post.",
    "The tree-lighting ceremony is scheduled for the first {weekday} of December.",
    "The new visitor center was built at a cost of {n} million dollars.",
    "Bus service between the two campuses will run every {n} minutes during the week.",
    "The department's energy bill fell for the {ordinal} year in a row.",
    "The orchestra's spring concert sold out within a day.",
    "The dental clinic will be closed for renovation until further notice.",
    "Water restrictions remain in place at installations in the drought area.",
    "The annual charity drive raised more than {n} thousand dollars this year.",
]
ANSWERS = [
    "I'm not going to get ahead of the Secretary on that.",
    "I don't have that number in front of me, but we can get it for you.",
    "That's a question for the White House.",
    "I think the Secretary has been very clear about his views on that.",
    "We'll take that question and get back to you.",
    "I'm not aware of any change in that policy.",
    "I'd refer you to the Army for the specifics.",
    "We'll have more to say about that later in the week.",
    "I haven't seen that report, so I can't comment on it.",
    "That decision hasn't been made yet.",
]
QUESTIONS = [
    "Can you give us an update on {subject}?",
    "What is the Secretary's view of the budget deal reached last night?",
    "Will {person} raise the issue of burden sharing when he is in {city}?",
    "How many service members are affected by the new policy on {subject}?",
    "Is there a timeline for the decision on {program}?",
    "Has the department received the letter from the committee chairman about {program}?",
    "Any update on the investigation into the training accident?",
    "Can you tell us how much the relief operation has cost so far?",
    "Did the Secretary discuss the trade dispute with his counterpart from {country}?",
    "Are there any plans to change the deployment schedule for the carrier?",
    "What can you tell us about the strikes in Syria overnight?",
    "Is there any coordination with the Russians on the airspace?",
    "Were you notified in advance of the missile launch?",
]
HEADLINES = [
    "Officials weigh next steps as talks in {city} resume",
    "Ministers meet in {city} amid budget dispute",
    "{country} announces new defence spending plan",
    "Storm relief effort expands as troops arrive in {city}",
    "Parliament debates {subject} as deadline nears",
]


# the dense corpus's own sentences: each says something about a notice, a strike or cooperation
DENSE = [
    "{org} said on {weekday} that it had informed {party} in advance of the air strikes near {place}.",
    "{speaker} told reporters that {party} had been notified about {n} hours before the strikes began.",
    "According to {org}, there was no coordination with {party} on the operation in {place}.",
    "{org} carried out {n} air strikes against militant positions near {place} on {weekday}, the ministry said.",
    "We did not coordinate these strikes with {party}, and we will not, {speaker} said.",
    "{org} denied that it had warned {party} before the missile launch on {weekday}.",
    "{speaker} said the country would inform {party} of any future missile tests in advance.",
    "The two militaries agreed to keep the deconfliction line over {place} open, {speaker} said.",
    "{party} was not notified before the strike on {place}, {org} said in a statement.",
    "{org} said its aircraft struck a weapons depot outside {place} overnight.",
    "{speaker} confirmed that {party} had received prior notice of the exercise through the hotline.",
    "Officials of {org} said they were working closely with {party} to avoid incidents in the air over {place}.",
    "{org} said it would cooperate with {party} only if the attacks on {place} stopped.",
    "{speaker} declined to say whether {party} had been told about the strikes beforehand.",
    "Cruise missiles launched by {org} hit targets in {place} on {weekday}, the ministry said.",
    "{org} has refused to share intelligence with {party} on the campaign around {place}, {speaker} said.",
]
DENSE_ORGS = ["the Russian Defence Ministry", "the Pentagon", "the Turkish Defence Ministry", "the Israeli military",
              "the Iraqi government", "U.S. Central Command", "the Chinese Defence Ministry", "Pakistan's Foreign Ministry",
              "the British Ministry of Defence", "the Syrian Foreign Ministry", "NATO"]
DENSE_SPEAKERS = ["Pentagon spokesman Peter Cook", "Foreign Ministry spokeswoman Maria Zakharova",
                  "General Igor Konashenkov", "Lt. Col. Jonathan Conricus", "State Department spokesman John Kirby",
                  "Col. Steve Warren", "the ministry's spokesman", "a senior defence official"]
DENSE_PARTIES = ["the American side", "Russia", "the United States", "Turkey", "Israel", "the Iraqi government",
                 "the Syrian government", "India", "Pakistan", "the coalition", "NATO", "Iran", "China", "Baghdad"]
DENSE_PLACES = ["Idlib", "Raqqa", "Deir ez-Zor", "Aleppo", "Palmyra", "Mosul", "Manbij", "Afrin", "Latakia", "al-Tanf",
                "the Euphrates", "the Golan Heights", "the Black Sea", "the Line of Control", "Abu Kamal", "Hama"]
DENSE_TOPICAL_SHARE = 0.3  # of the dense corpus's paragraphs drawn from the sample corpus (the rest: DENSE)
DENSE_ORDINARY = 2.2  # ordinary sentences after each of DENSE, on average (tuned to ~30 claims per 1,000 words)


@dataclass
class SamplePool:
    paragraphs: list[str]
    questions: list[str]


def _sample_pool() -> SamplePool:
    """Lines of the sample corpus: statements (with or without claims) and reporters' questions."""
    from nlp_tools.documents import Document
    from nlp_tools.readers import read_documents

    paragraphs, questions = [], []
    label = re.compile(r"^(?:[A-Z][A-Z.'\- ]{1,40}|Q|Question|QUESTION):\s*")
    for item in read_documents([str(SAMPLE)]):
        if not isinstance(item, Document):
            continue
        for line in item.text.split("\n"):
            line = line.strip()
            if len(line.split()) < 8:
                continue
            m = label.match(line)
            body = line[m.end():] if m else line
            if m and m.group(0).split(":")[0].strip() in ("Q", "Question", "QUESTION"):
                questions.append(body)
            elif len(body.split()) >= 8:
                paragraphs.append(body)
    return SamplePool(paragraphs, questions)


class Generator:
    def __init__(self, seed: int = 1, dense: bool = False):
        self.rng = random.Random(seed)
        self.pool = _sample_pool()
        self.dense = dense

    def _fill(self, template: str) -> str:
        r = self.rng
        return template.format(
            person=r.choice(PEOPLE), city=r.choice(CITIES), country=r.choice(COUNTRIES), program=r.choice(PROGRAMS),
            subject=r.choice(SUBJECTS), weekday=r.choice(WEEKDAYS), n=r.randint(2, 950), year=r.randint(2000, 2024),
            ordinal=r.choice(["second", "third", "fourth", "fifth", "sixth"]), time=f"{r.randint(8, 11)} a.m.",
        )

    def _vary(self, text: str) -> str:
        """A sample paragraph with its numbers and weekdays changed."""
        r = self.rng
        text = re.sub(r"\b\d{1,3}\b", lambda m: str(max(1, int(m.group(0)) + r.randint(-3, 9))), text)
        return re.sub("|".join(WEEKDAYS), lambda m: r.choice(WEEKDAYS), text)

    def filler(self, low: int = 2, high: int = 5) -> str:
        return " ".join(self._fill(self.rng.choice(FILLER)) for _ in range(self.rng.randint(low, high)))

    def paragraph(self) -> str:
        if self.dense:
            return self.dense_paragraph()
        if self.rng.random() < TOPICAL_SHARE:
            return self._vary(self.rng.choice(self.pool.paragraphs))
        return self.filler()

    def dense_paragraph(self) -> str:
        """A sample paragraph, or sentences of DENSE, now and then with an ordinary one between them."""
        r = self.rng
        if r.random() < DENSE_TOPICAL_SHARE:
            return self._vary(r.choice(self.pool.paragraphs))
        sentences = []
        for _ in range(r.randint(2, 4)):
            sentence = r.choice(DENSE).format(
                org=r.choice(DENSE_ORGS), speaker=r.choice(DENSE_SPEAKERS), party=r.choice(DENSE_PARTIES),
                place=r.choice(DENSE_PLACES), weekday=r.choice(WEEKDAYS), n=r.randint(2, 40))
            sentences.append(sentence[0].upper() + sentence[1:])
            ordinary = int(DENSE_ORDINARY) + (r.random() < DENSE_ORDINARY % 1)
            sentences.extend(self._fill(r.choice(FILLER)) for _ in range(ordinary))
        return " ".join(sentences)

    def briefing(self, day: date) -> str:
        r = self.rng
        role, name, label, org = r.choice(PRESENTERS)
        first = name.upper()
        lines = [f"{org} Press Briefing by {role} {name}", "Press Operations", f"Presenter: {role} {name}",
                 day.strftime("%B %-d, %Y"), ""]
        lines.append(f"{first}: Good afternoon, everybody. {self.filler(1, 2)}")
        for _ in range(r.randint(3, 6)):
            lines.append(self.paragraph())
        lines.append("With that, I'll take your questions.")
        for _ in range(r.randint(18, 45)):
            if r.random() < 0.25 and self.pool.questions:
                q = self._vary(r.choice(self.pool.questions))
            else:
                q = self._fill(r.choice(QUESTIONS))
            lines.append(f"Q: {q}")
            answer = [self.paragraph() for _ in range(r.randint(1, 3))]
            if r.random() < 0.3:
                answer.insert(0, r.choice(ANSWERS))
            lines.append(f"{label}: " + answer[0])
            lines.extend(answer[1:])
        lines.append(f"{label}: Thank you, everybody.")
        return "\n\n".join(lines) + "\n"

    def release(self, day: date) -> str:
        r = self.rng
        issuer, city = r.choice(ISSUERS)
        lines = [issuer, "Press release", f"{city}, {day.day} {day.strftime('%B %Y')}."]
        lines.extend(self.paragraph() for _ in range(r.randint(5, 12)))
        return "\n\n".join(lines) + "\n"

    def news(self, day: date) -> str:
        r = self.rng
        outlet = r.choice(OUTLETS)
        lines = [self._fill(r.choice(HEADLINES)),
                 f"{day.strftime('%b. %-d, %Y')} ({outlet.upper()}) - {self.filler(1, 2)}"]
        lines.extend(self.paragraph() for _ in range(r.randint(8, 18)))
        return "\n\n".join(lines) + "\n"


def build(out: Path, words: int, seed: int = 1, per_folder: int = 500, dense: bool = False) -> tuple[int, int]:
    """Write documents to `out` until they hold `words` words; returns (documents, words).
    `dense`: the dense variant (nearly every sentence about the subject)."""
    gen = Generator(seed, dense)
    out.mkdir(parents=True, exist_ok=True)
    start = date(2015, 9, 1)
    total = n = 0
    while total < words:
        day = start + timedelta(days=gen.rng.randint(0, 9 * 365))
        kind = gen.rng.choices(["briefing", "release", "news"], weights=[6, 2, 2])[0]
        text = getattr(gen, kind)(day)
        folder = out / f"part-{n // per_folder:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{kind}-{day.isoformat()}-{n:06d}.txt").write_text(text, encoding="utf-8")
        total += len(text.split())
        n += 1
    return n, total


def filler_candidate_rate(samples: int = 5) -> float:
    """The share of filler sentences that the fast path's candidate filter lets through."""
    import nlp_tools
    from nlp_tools.candidates import CandidateFilter

    check = CandidateFilter(nlp_tools.load())
    gen = Generator(1)
    hits = [check.is_candidate(gen._fill(t)) for t in FILLER for _ in range(samples)]
    return sum(hits) / len(hits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--words", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dense", action="store_true", help="the dense variant (about 30 claims per 1,000 words)")
    parser.add_argument("--rate", action="store_true", help="print the share of filler sentences with a candidate word")
    args = parser.parse_args()
    if args.rate:
        print(f"{filler_candidate_rate():.0%} of filler sentences hold a candidate word")
        return
    docs, words = build(args.out, args.words, args.seed, dense=args.dense)
    print(f"{docs} documents, {words:,} words in {args.out}")


if __name__ == "__main__":
    main()
