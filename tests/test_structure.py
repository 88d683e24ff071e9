import pytest

from nlp_tools.structure import analyse, dateline_end

TRANSCRIPT = """Department of Defense Press Briefing by Secretary Carter and Gen. Dunford
Presenters: Secretary of Defense Ash Carter; Chairman of the Joint Chiefs of Staff Gen. Joseph F. Dunford Jr.
March 1, 2016

SECRETARY CARTER: Good afternoon. We continue to strike ISIL.

Q: Mr. Secretary, did the Russians notify you before their strikes?

GEN. DUNFORD: The deconfliction channel is working.

MR. SMITH: Thank you, everyone.
"""


def test_turns_are_found_and_resolved_from_the_header():
    s = analyse(TRANSCRIPT)
    assert s.is_transcript
    labels = [(t.label, t.name, t.is_question) for t in s.turns]
    assert labels[0][:2] == ("SECRETARY CARTER", "Ash Carter")
    assert labels[1][2] is True
    assert labels[2][1].startswith("Joseph F. Dunford")
    assert s.turns[0].role == "Secretary of Defense"
    assert labels[3][1] == "Smith"  # not in the header: the label itself


def test_question_turn_covers_its_text():
    s = analyse(TRANSCRIPT)
    q = TRANSCRIPT.index("did the Russians")
    assert s.turn_at(q).is_question
    assert not s.turn_at(TRANSCRIPT.index("deconfliction")).is_question


def test_header_headings_and_boilerplate_are_skipped():
    text = "Russia denies coordination with coalition\n\nMOSCOW \u2014 The ministry said there was no coordination.\n\nShare on Facebook\nSubscribe to our newsletter\nAll rights reserved."
    s = analyse(text)
    assert s.skip_reason(0, 40) == "heading"
    body = text.index("MOSCOW")
    assert s.skip_reason(body, body + 20) == ""
    share = text.index("Share")
    assert s.skip_reason(share, share + 17) == "boilerplate"
    assert s.skip_reason(text.index("All rights"), len(text)) == "boilerplate"


def test_a_long_title_case_line_is_a_heading_wherever_it_stands():
    title = ("Joint Statement from Denmark, Estonia, Finland, Latvia, Lithuania, Norway and Sweden on Further Air "
             "Patrols Over the Baltic Sea")
    text = f"Ministry of Defence\nPrintable version\n{title}\nThe allies said that their air patrols would go on.\n"
    s = analyse(text)
    start = text.index(title)
    assert s.skip_reason(start, start + len(title)) == "heading"
    body = text.index("The allies")
    assert s.skip_reason(body, body + 20) == ""


def test_a_single_colon_label_is_not_a_transcript():
    s = analyse("NOTE: this release was updated.\nThe ministry said the drills were notified.")
    assert not s.is_transcript


FOREIGN_MINISTRY = """Foreign Ministry Spokesperson Lin Hua's Regular Press Conference on May 6, 2025

Kyodo News: Did the Chinese side inform Japan before the missile test?

Lin Hua: As far as I know, the relevant parties were notified in advance.

Global Times: Will the two navies hold joint patrols again?

Lin Hua: The two militaries coordinate closely under their annual plan.
"""


def test_names_in_ordinary_case_and_news_outlets_label_turns_of_a_briefing():
    s = analyse(FOREIGN_MINISTRY)
    assert [(t.label, t.is_question) for t in s.turns] == [
        ("Kyodo News", True), ("Lin Hua", False), ("Global Times", True), ("Lin Hua", False)]
    assert s.turns[1].name == "Lin Hua" and "Spokesperson" in s.turns[1].role


def test_a_name_with_a_colon_in_a_news_report_is_no_turn():
    report = "Officials met on Monday.\n\nJohn Smith: a career in the foreign service\n\nThe talks went on for hours.\n"
    assert not analyse(report).turns


MINISTRY_Q_AND_A = """Transcript of Weekly Media Briefing by the Official Spokesperson (June 2, 2025)

Official Spokesperson, Shri Vikram Rao: Good afternoon.

Meera, NDTV: Was Nepal informed before the exercise?

Official Spokesperson, Shri Vikram Rao: Nepal was informed in advance through diplomatic channels.
"""


def test_role_and_name_labels_and_journalist_and_outlet_labels():
    s = analyse(MINISTRY_Q_AND_A)
    assert [(t.name, t.role, t.is_question) for t in s.turns] == [
        ("Vikram Rao", "Official Spokesperson", False), ("", "", True), ("Vikram Rao", "Official Spokesperson", False)]
    # a comma in an ordinary line is no label
    assert not analyse("In Brussels, Jens Stoltenberg: not a label line\n\nThe talks went on.\n").turns


def test_a_label_never_spans_lines():
    text = ("Department of Defense News Briefing\nPress Operations\n\nPresenter: Pentagon Press Secretary Jane Doe\n\n"
            "MS. DOE: Good afternoon.\n\nQ: Was Moscow told beforehand?\n\nMS. DOE: It was informed in advance.\n")
    s = analyse(text)
    assert [t.label for t in s.turns] == ["MS. DOE", "Q", "MS. DOE"]
    assert s.turns[0].name == "Jane Doe" and s.turns[0].role == "Pentagon Press Secretary"


SURNAME_EXCERPT = """Highlights: defence chiefs on the coastal patrol notice

Secretary of Defense Harold P. Whitcombe III and Pentagon Press Secretary Dana Ortiz took questions on Tuesday.

Note: answers are abridged.

WASHINGTON: The excerpts follow.

Q: What did you tell Minsk beforehand?

Whitcombe: We informed them through the military channel before the first patrol sailed.

Q: Any coordination with them on the routes?

Whitcombe: No. There has been no coordination on routes.

Q: Was Vilnius warned as well?

Ortiz: Lithuania was notified a day in advance.
"""


def test_surname_labels_beside_questions_are_turns_resolved_from_the_header():
    s = analyse(SURNAME_EXCERPT)
    assert [(t.label, t.name, t.role, t.is_question) for t in s.turns] == [
        ("Q", "", "", True),
        ("Whitcombe", "Harold P. Whitcombe III", "Secretary of Defense", False),
        ("Q", "", "", True),
        ("Whitcombe", "Harold P. Whitcombe III", "Secretary of Defense", False),
        ("Q", "", "", True),
        ("Ortiz", "Dana Ortiz", "Pentagon Press Secretary", False),
    ]  # "Note:" and the dateline "WASHINGTON:" are no turns
    assert s.turn_at(SURNAME_EXCERPT.index("Minsk beforehand")).is_question
    assert not s.turn_at(SURNAME_EXCERPT.index("We informed")).is_question


def test_a_surname_and_a_colon_without_questions_is_no_turn():
    # headlines of a news page: "Name: what they said"
    page = ("World news\n\nKeller: the talks have failed\n\nMarsh: no one was warned\n\n"
            "The minister said the drills had been notified in advance.\n")
    assert not analyse(page).turns


def test_dotted_q_and_a_and_a_title_alone_as_labels():
    text = ("Press Briefing by Foreign Ministry Spokesperson Anna Berg\n\n"
            "Q. Did the navy notify the coastguard?\n\nA. It was notified on Monday.\n")
    s = analyse(text)
    assert [(t.label, t.name, t.is_question) for t in s.turns] == [("Q", "", True), ("A", "Anna Berg", False)]
    assert s.turns[1].role == "Foreign Ministry Spokesperson"
    # "Mr. Secretary:" names the secretary of the header; "Spokesperson:" with no one named is the role itself
    s = analyse("Defense Secretary Paul Lindgren holds a news conference\n\nMr. Secretary: (00:01)\nGood morning.\n\n"
                "Q: Thank you. Were they told?\n\nSpokesperson: They were.\n")
    assert [(t.name, t.role) for t in s.turns if not t.is_question] == [
        ("Paul Lindgren", "Defense Secretary"), ("Spokesperson", "Spokesperson")]


def test_an_answer_without_a_label_ends_the_question():
    text = ("Interview with the chief of naval staff, Admiral Ines Varga\n\n"
            "Q: Were the coastal states told before the patrol?\nThey were notified two days in advance.\n\n"
            "Q: Will other navies join? And when?\nWe are talking with several partners.\n")
    s = analyse(text)
    assert [(t.is_question, t.name) for t in s.turns] == [(True, ""), (False, "Ines Varga"), (True, ""), (False, "Ines Varga")]
    assert s.turn_at(text.index("They were notified")).name == "Ines Varga"
    assert s.turn_at(text.index("And when?")).is_question


def test_a_surname_the_header_does_not_name_is_found_in_the_text():
    text = ("Excerpts from the press conference\n\nQ: Defence Minister Ruth Achebe, was Accra informed?\n\n"
            "Achebe: Accra was informed in advance.\n")
    assert [(t.name, t.role) for t in analyse(text).turns if not t.is_question] == [("Ruth Achebe", "Defence Minister")]


def test_bulleted_key_points_are_not_headings():
    text = ("Key points\n\n"
            "\u2022 The minister says the neighbouring states were notified before the drills\n"
            "\u2022 Minister Says States Were Notified Before Drills\n"
            "\u2022 More news\n")
    s = analyse(text)

    def reason(line):
        start = text.index(line)
        return s.skip_reason(start, start + len(line))

    assert reason("\u2022 The minister says") == ""
    assert reason("\u2022 Minister Says States Were Notified Before Drills") == "heading"  # a Title-Case headline
    assert reason("\u2022 More news") == "heading"


def test_label_shapes_of_one_briefing_resolve_to_the_presenters():
    text = ("Joint press conference on the corridor notice\n"
            "Presenters: Secretary of Defense Harold Whitcombe; State Department Spokesperson Owen Dunmore\n\n"
            "SECRETARY WHITCOMBE: Good afternoon.\n\nQUESTION: Was Moscow told?\n\n"
            "Mr. Dunmore: It was told through the usual channel.\n\nQ: And Ankara?\n\n"
            "Whitcombe: Ankara was informed.\n\nQ: Anyone else?\n\nSEC. WHITCOMBE: No one else.\n\n"
            "Update: the briefing ended at three.\n")
    s = analyse(text)
    assert [(t.label, t.name, t.role) for t in s.turns if not t.is_question] == [
        ("SECRETARY WHITCOMBE", "Harold Whitcombe", "Secretary of Defense"),
        ("Mr. Dunmore", "Owen Dunmore", "State Department Spokesperson"),
        ("Whitcombe", "Harold Whitcombe", "Secretary of Defense"),
        ("SEC. WHITCOMBE", "Harold Whitcombe", "Secretary of Defense"),  # a title's abbreviation
    ]


def test_questions_and_answers_of_an_explainer_are_not_given_to_someone_it_names():
    text = ("Why Defence Minister Ruth Achebe's notice matters\n\n"
            "Q: What was announced?\nA: The navy said the drills had been notified to the neighbours.\n")
    s = analyse(text)
    assert [(t.label, t.name, t.is_question) for t in s.turns] == [("Q", "", True), ("A", "", False)]


def test_a_place_and_its_region_before_a_dash_is_a_dateline_but_not_in_a_headline():
    line = "TARTU, Tartu County \u2013 The Estonian defence ministry said on Monday that the patrol was coordinated."
    assert line[dateline_end(line):].startswith("The Estonian")
    assert dateline_end("TARTU, Estonia - Talks Resume After Patrol") == 0  # a headline
    assert dateline_end("Tartu, Estonia - the ministry said on Monday that the patrol was coordinated with Riga.") == 0


def test_an_upper_case_place_alone_before_a_spaced_dash_is_a_dateline():
    line = "NARVA - The Estonian border guard said on Friday that it had warned the Russian side ahead of the drill."
    assert line[dateline_end(line):].startswith("The Estonian")
    wire = line.replace(" - ", " -- ", 1)
    assert wire[dateline_end(wire):].startswith("The Estonian")
    assert dateline_end("NARVA - Guards Warned Ahead Of Drill") == 0  # a headline
    assert dateline_end("NATO-Russia talks on the drills were held in Vienna on Friday, the ministry said.") == 0


PARLIAMENT = """Baltic Sea: Air Policing
Debated on Tuesday 4 March 2025

The Minister for the Armed Forces (Helen Dorsey): With permission, I will update the House on last night's interception.

Mark Ellery (Tynemouth North) (Con): Were our allies told before the jets were scrambled?

Helen Dorsey: The Estonian authorities were informed in advance.
"""


def test_an_office_printed_with_its_holder_and_a_member_with_a_constituency_are_turns():
    s = analyse(PARLIAMENT)
    turns = [(t.name, t.role) for t in s.turns]
    assert turns[0] == ("Helen Dorsey", "The Minister for the Armed Forces")
    assert turns[1][0] == "Mark Ellery"
    assert turns[2][0] == "Helen Dorsey"
    # a heading line with a colon is no turn
    assert s.turn_at(0) is None


def test_answers_of_a_briefing_its_title_names_by_role_alone_are_that_role():
    text = ("Foreign Ministry Spokesperson's Regular Press Conference on May 2, 2024\n\n"
            "Q: Was the Vietnamese side informed of the patrol?\n\nA: We had informed the Vietnamese side in advance.\n")
    s = analyse(text)
    answer = s.turn_at(text.index("We had"))
    assert (answer.name, answer.is_question) == ("Foreign Ministry Spokesperson", False)


def test_a_label_of_a_title_an_honorific_and_a_name_opens_a_turn():
    text = ("Transcript of Special Briefing by Foreign Secretary (May 10, 2025)\n\n"
            "Foreign Secretary Shri Anil Varma: Good evening. The two military operations chiefs spoke at 15:35 hours.\n\n"
            "Question: Was there any mediation?\n\n"
            "Foreign Secretary Shri Anil Varma: The understanding was worked out directly between the two sides.\n")
    s = analyse(text)
    assert [(t.name, t.role, t.is_question) for t in s.turns] == [
        ("Anil Varma", "Foreign Secretary", False), ("", "", True), ("Anil Varma", "Foreign Secretary", False)]


@pytest.mark.parametrize("label, name", [
    ("Chief of the General Staff Pavel Orlov", "Pavel Orlov"),
    ("Press Secretary Maj. Gen. Anna Holt", "Anna Holt"),
    ("Secretary of State Mark T. Reyes", "Mark T Reyes"),
])
def test_a_label_with_small_words_or_ranks_in_its_title_opens_the_first_turn_too(label, name):
    text = (f"Press briefing, June 3, 2024\n\n{label}: Good afternoon. We informed our allies before the strikes.\n\n"
            f"Question: Did you tell Moscow?\n\n{label}: We did not coordinate with Moscow.\n")
    answers = [t for t in analyse(text).turns if not t.is_question]
    assert [t.name for t in answers] == [name, name]  # (the opening statement is a turn, not header)


def test_a_place_and_an_agencys_initials_are_a_dateline(extract_document):
    # "Tehran, IRNA - ", "Hama, SANA – ", "MOSCOW, June 14. /TASS/. ": the place and the agency, then the report
    for line, body in [("Tehran, IRNA - Iran's Revolutionary Guards said they had warned Iraq.", "Iran's"),
                       ("Hama, SANA \u2013 Army units repelled an attack on Tuesday.", "Army"),
                       ("MOSCOW, June 14. /TASS/. Russian air defenses downed eleven drones.", "Russian")]:
        assert line[dateline_end(line):].startswith(body), line
    assert dateline_end("Russia, NATO - the talks") == 0
    # the place is no speaker: the body that speaks is
    [c, *_] = extract_document("Tehran, IRNA - Iran's Islamic Revolutionary Guard Corps said on Tuesday that it had "
                               "informed Iraqi officials in advance of its missile strikes in Erbil.\n")
    assert "Revolutionary Guard" in c.speaker and c.official


def test_a_title_label_is_the_person_the_heading_names_by_title_and_surname():
    # "Remarks by President Biden": the label "THE PRESIDENT" is Biden; a headline word after a title is no name
    s = analyse("Remarks by President Biden on the Situation in the Middle East\n\n"
                "THE PRESIDENT: Earlier today, U.S. forces struck targets in Yemen.\n")
    assert [(t.name, t.role) for t in s.turns] == [("Biden", "the President")]
    s = analyse("Press Secretary Briefing\n\nTHE PRESS SECRETARY: We informed Russia before the strikes.\n")
    assert [t.name for t in s.turns] == ["the Press Secretary"]


def test_a_dateline_alone_is_told_from_one_before_its_report():
    from nlp_tools.structure import dateline_only

    for text in ["KYIV, Aug 18 (Reuters) -", "WASHINGTON, Oct. 7, 2015 \u2014", "Tehran, IRNA -", "MOSCOW, June 14. /TASS/."]:
        assert dateline_only(text), text
    for text in ["KYIV, Aug 18 (Reuters) - Ukraine said it struck a depot.", "The army said.", ""]:
        assert not dateline_only(text), text


def test_a_label_with_a_role_noun_in_lower_case_opens_a_turn():
    # government press conferences print "Foreign Office spokesperson Wagner:"
    text = ("Government press conference of 9 May 2024\nTranscript\n\n"
            "Deputy spokesperson Krause: Good morning.\n"
            "Question: Were you told in advance about the strikes?\n"
            "Foreign Office spokesperson Lindner: We were informed shortly before the strikes.\n")
    s = analyse(text)
    assert [(t.name, t.role, t.is_question) for t in s.turns] == [
        ("Krause", "Deputy Spokesperson", False), ("", "", True), ("Lindner", "Foreign Office Spokesperson", False)]


def test_a_bodys_title_as_a_label_is_the_person_the_heading_names_and_a_moderator_is_no_speaker():
    text = ("Press conference by NATO Secretary General Mark Rutte\n2 April 2025\n\n"
            "NATO Secretary General: We keep our channels with Russia open.\n"
            "Moderator: The first question goes to Reuters.\n"
            "Q: Did Russia notify NATO of the exercise?\n"
            "NATO Secretary General: We received no notification.\n")
    s = analyse(text)
    assert [(t.name, t.role, t.is_moderator) for t in s.turns if not t.is_question] == [
        ("Mark Rutte", "NATO Secretary General", False), ("", "", True), ("Mark Rutte", "NATO Secretary General", False)]
    # a header that names no one with the title: the title as written, in its own case
    s = analyse("Press conference\n\nNATO Secretary General: We keep our channels open.\n\nQ: Any notice?\n")
    assert s.turns[0].name == "NATO Secretary General"


_NOON_BRIEFING = (
    "Daily Press Briefing by the Office of the Spokesperson\n"
    "12 March 2021\n\n"
    "Zoë Ferreira-Lindqvist, Spokesperson for the Secretary-General: Good afternoon.\n\n"
    "On Yemen, our colleagues on the ground report that an air strike hit a water station near Saada yesterday, "
    "and the Secretary-General calls on all parties to spare civilian infrastructure.\n\n"
    "Question: Were the coordinates of the station shared with the coalition?\n"
    "Spokesperson: I don't have that information with me.\n"
)


def test_labels_with_accents_and_a_role_for_someone_are_turns_and_name_the_later_role_label():
    turns = analyse(_NOON_BRIEFING).turns
    assert (turns[0].name, turns[0].role) == ("Zoë Ferreira-Lindqvist", "Spokesperson for the Secretary-General")
    # the bare role label later is the one the first turn named with it
    assert turns[-1].label == "Spokesperson" and turns[-1].name == "Zoë Ferreira-Lindqvist"
    turns = analyse("Press conference\n\nÇAĞLAR ÖZDEMİR: We were not told.\nQ: Never?\nÇAĞLAR ÖZDEMİR: Never.\n").turns
    assert [t.label for t in turns] == ["ÇAĞLAR ÖZDEMİR", "Q", "ÇAĞLAR ÖZDEMİR"]


def test_an_opening_statement_before_the_first_question_is_said_not_a_header():
    text = ("Daily Press Briefing\n12 March 2021\n\n"
            "On Yemen, our colleagues on the ground report that an air strike hit a water station near Saada "
            "yesterday, and the Secretary-General calls on all parties to spare civilian infrastructure.\n\n"
            "Question: Were the coordinates of the station shared with the coalition?\n"
            "Spokesperson: I don't have that information with me.\n")
    structure = analyse(text)
    statement = text.index("On Yemen")
    assert not any(s.start <= statement < s.end for s in structure.skips)
    # (the title and the date before it stay the header, and so does a line describing the event)
    assert any(s.start == 0 and s.reason == "header" for s in structure.skips)
    text = ("Department of Defense Press Briefing\nPress Secretary Omar Haddad and Gen. Lise Berg joined the briefing "
            "to discuss the Norwegian contribution to the air campaign against ISIS in Iraq and Syria.\nMay 3, 2016\n\n"
            "Q: Were you told in advance?\nMR. HADDAD: No.\n")
    structure = analyse(text)
    described = text.index("Press Secretary Omar")
    assert any(s.start <= described < s.end and s.reason == "header" for s in structure.skips)


def test_a_dateline_with_a_day_and_no_year_is_a_dateline():
    line = "KABUL, Aug 30 - A Taliban spokesman said the United States had not informed the group before the strike."
    assert line[dateline_end(line):].startswith("A Taliban spokesman")
    line = "BAGHDAD, Jan. 8 — Iraq said it had been told of the missile strikes shortly after midnight."
    assert line[dateline_end(line):].startswith("Iraq said")


def test_a_title_whose_object_runs_into_the_name_leaves_the_name_alone():
    text = ("Press Briefing by NSC Coordinator for Strategic Communications Nadia Okafor\nMarch 3, 2024\n\n"
            "MS. OKAFOR: Good afternoon.\nQ: Were you told in advance?\nMS. OKAFOR: No.\n")
    turn = analyse(text).turns[0]
    assert (turn.name, turn.role) == ("Nadia Okafor", "NSC Coordinator for Strategic Communications")
    text = ("Remarks by Secretary of Defense Lloyd J. Austin III\nMarch 3, 2024\n\n"
            "SECRETARY AUSTIN: Good afternoon.\nQ: Were you told in advance?\nSECRETARY AUSTIN: No.\n")
    assert analyse(text).turns[0].name.startswith("Lloyd J. Austin")


def test_a_releases_contact_lines_for_the_press_are_boilerplate():
    text = ("Press release\n\nAzerbaijan informed the OSCE Chairmanship in advance of the exercises.\n\n"
            "Note to editors: For further information, contact the Press Service at press@mfa.example.\n"
            "Media enquiries: the duty press officer, +44 20 7000 0000.\n")
    skips = analyse(text).skips
    for line in ("Note to editors", "Media enquiries"):
        at = text.index(line)
        assert any(s.start <= at < s.end and s.reason == "boilerplate" for s in skips), line
    at = text.index("Azerbaijan informed")
    assert not any(s.start <= at < s.end for s in skips)


def test_a_bare_office_label_is_the_holder_an_earlier_label_named_in_brackets():
    text = ("Defence: Gulf Deployments\nVolume 801: debated on Tuesday 3 March 2026\n\n"
            "The Secretary of State for Defence (Mara Quillon): Our aircraft flew two sorties over the strait.\n\n"
            "Dr Ansel Pike (Norbury) (LD): Were allied governments told beforehand?\n\n"
            "The Secretary of State for Defence: They were told on the morning of the flights.\n")
    turns = analyse(text).turns
    assert [t.name for t in turns] == ["Mara Quillon", "Ansel Pike", "Mara Quillon"]
    # (an office no earlier label named someone in stays the office)
    turns = analyse(text.replace("The Secretary of State for Defence: They", "The Minister for the Armed Forces: They")).turns
    assert turns[-1].name != "Mara Quillon"


def test_an_interviewers_turn_with_a_question_is_a_question_and_one_without_is_narration():
    text = ("Radio Nord - Evening Interview\nInterview with the Minister of Defence, Tomas Verhoef\n"
            "Presenter: Lena Maris\n\n"
            "MARIS: Good evening. Dutch jets flew over the strait again last night.\n\n"
            "VERHOEF: Good evening.\n\n"
            "MARIS: Officials in Ankara say they were never informed of the flights. Is that so?\n\n"
            "VERHOEF: They were informed a day before.\n")
    turns = analyse(text).turns
    asks = [t for t in turns if t.label == "MARIS"]
    assert [t.is_question for t in asks] == [False, True]
    assert asks[0].role == "Presenter"
    # (in a briefing's header a "Presenter:" is the one who briefs: no interview, no interviewer)
    briefing = text.replace("Interview with", "Press briefing by").replace("Evening Interview", "Briefing")
    assert not any(t.is_question for t in analyse(briefing).turns if t.label == "MARIS")


def test_a_label_by_the_given_name_is_the_person_the_text_named_in_full_without_excellency():
    text = ("Joint Press Conference\nTranscript\n\n"
            "MODERATOR: I invite His Excellency Somchai Wongsakul, Minister of Foreign Affairs, to speak first.\n\n"
            "MINISTER SOMCHAI WONGSAKUL: Thank you. We agreed to reopen the hotline.\n\n"
            "Question: Minister Somchai, was Phnom Penh told in advance?\n\n"
            "SOMCHAI: Yes, they were told a day before.\n")
    names = [t.name for t in analyse(text).turns if t.label.startswith(("SOMCHAI", "MINISTER"))]
    assert names == ["Somchai Wongsakul", "Somchai Wongsakul"]


def test_a_title_label_is_the_person_the_header_sets_beside_that_title_after_a_comma():
    text = ("Transcript of Weekly Media Briefing by the Official Spokesperson, Shri Tarun Bhatia (May 4, 2023)\n\n"
            "Official Spokesperson: Good afternoon.\n\nQuestion: Was Islamabad told in advance?\n\n"
            "Official Spokesperson: Yes, it was told a day before.\n")
    assert {t.name for t in analyse(text).turns if t.label == "Official Spokesperson"} == {"Tarun Bhatia"}
    # (a body after the comma is no name)
    text = text.replace("Official Spokesperson, Shri Tarun Bhatia (May 4, 2023)", "Official Spokesperson, Foreign Office")
    assert {t.name for t in analyse(text).turns if t.label == "Official Spokesperson"} == {"Official Spokesperson"}


def test_a_journalist_and_an_outlet_named_in_words_as_a_label_ask_a_question():
    text = ("Transcript of Weekly Media Briefing by the Official Spokesperson (May 4, 2023)\n\n"
            "Official Spokesperson: Good afternoon.\n\n"
            "Kavita, The Deccan Express: Sir, Islamabad says it was never told. Is that so?\n\n"
            "Official Spokesperson: It was told a day before.\n")
    turns = analyse(text).turns
    assert [(t.label, t.is_question) for t in turns][1] == ("Kavita, The Deccan Express", True)


def test_an_outlet_asking_makes_a_one_word_label_a_turn_and_the_header_names_it():
    text = ("Weekly press briefing of the Foreign Ministry Spokesman, Darius Karimi\n\nTehran, 15 April 2024\n\n"
            "Spokesman: Good morning. Our armed forces struck military targets last night.\n\n"
            "IRNA: Did Iran notify its neighbours in advance?\n\n"
            "Spokesman: We informed the countries of the region 72 hours before.\n")
    turns = analyse(text).turns
    assert [(t.label, t.name, t.is_question) for t in turns] == [
        ("Spokesman", "Darius Karimi", False), ("IRNA", "", True), ("Spokesman", "Darius Karimi", False)]


@pytest.mark.parametrize("line, rest", [
    ("Riyadh, Rajab 23, 1442 AH, corresponding to March 7, 2021, SPA -- The spokesman said", "The spokesman said"),
    ("Amman, April 14 (Petra) -- A source at the General Command said", "A source at the General Command said"),
])
def test_datelines_of_agencies_in_ordinary_case_and_with_two_calendars(line, rest):
    assert line[dateline_end(line):] == rest
    # (a sentence with a bracket and a dash is no dateline)
    assert dateline_end("Russia (the largest state) - is big") == 0


def test_a_journalist_named_after_question_asks_and_a_list_of_speakers_gives_no_role():
    text = ("Government press conference of 12 January 2024\n\n"
            "Speakers: Deputy Government Spokesperson Lindqvist, Brenner (Foreign Office), Lt. Col. Haas (Defence)\n\n"
            "QUESTION OTT: Was Berlin informed before the strikes?\n\n"
            "LINDQVIST: The Federal Government was informed in advance.\n\n"
            "BRENNER: We remain in close contact with our partners.\n")
    turns = analyse(text).turns
    assert [(t.label, t.is_question) for t in turns][0] == ("QUESTION OTT", True)
    brenner = next(t for t in turns if t.label == "BRENNER")
    assert brenner.name == "Brenner"


def test_a_dateline_may_name_the_places_country_between_place_and_date():
    line = "ERBIL, Iraq, Jan 17 (Gulf Wire) - Iraq recalled its ambassador after the strikes on Monday night."
    assert line[dateline_end(line):].startswith("Iraq recalled")


def test_a_role_label_is_the_person_the_header_names_in_that_role_in_any_case_and_past_a_rank():
    text = ("Weekly call of the Defence Ministry spokesman with journalists\n\n"
            "Ankara, 3 March 2022. Participants: ministry spokesman Zeki Aktan and correspondents.\n\n"
            "Anadolu: Was Baghdad informed?\n\nSpokesman: Yes, Baghdad was informed in advance.\n")
    turn = analyse(text).turns[-1]
    assert (turn.name, turn.role) == ("Zeki Aktan", "ministry spokesman")
    text = ("Media call\n\nParticipants: Army Spokesperson Lt. Col. (res.) Dana Weiss; a moderator\n\n"
            "Q: Did you warn the residents?\n\nARMY SPOKESPERSON: We warned them before the strike.\n")
    assert analyse(text).turns[-1].name == "Dana Weiss"


def test_a_fact_checks_labels_are_not_speakers():
    text = ('Fact check\n\nCLAIM: "Minsk told Vilnius a day before the drill." A post shared 9,000 times.\n\n'
            "VERDICT: FALSE. Lithuania was told nothing in advance.\n\nOur desk found no such notice.\n")
    assert not analyse(text).is_transcript


def test_an_update_note_and_a_bracketed_caption_are_boilerplate():
    text = ("Strikes hit depots near Sanaa\n\nThe coalition said its jets struck two depots near Sanaa on Monday.\n\n"
            "[Photo: A Tornado returns to its base after the strikes on the depots near Sanaa on Monday.]\n\n"
            "Editor's note: This article has been updated with comment from a coalition spokesman.\n")
    s = analyse(text)
    for line in ("[Photo:", "Editor's note:"):
        start = text.index(line)
        assert s.skip_reason(start, text.index("\n", start)) == "boilerplate"
    start = text.index("The coalition")
    assert s.skip_reason(start, text.index("\n", start)) == ""


def test_labels_in_square_brackets_are_turns_and_keep_the_texts_offsets():
    text = ("Ministry of National Defense\nRegular Briefing - 24 November 2023\nSpokesperson: Kim Do-yun\n\n"
            "[Kim Do-yun] Good morning. The line to the North went unanswered again.\n\n"
            "[Reporter, Yonhap] Did the North give any notice of the launch?\n\n"
            "[Kim Do-yun] No notice was given.\n\n[Photo: the briefing room] The room was full.\n")
    turns = analyse(text).turns
    assert [(t.name, t.is_question) for t in turns] == [("Kim Do-Yun", False), ("", True), ("Kim Do-Yun", False)]
    assert text[turns[0].text_start :].startswith("Good morning.")
    assert text[turns[2].start :].startswith("[Kim Do-yun] No notice")


def test_what_a_transcript_notes_in_brackets_is_no_turn_and_a_label_before_a_dateline_no_story():
    text = ("Press briefing\nParticipants: Defence spokesman Ali Reza Tabar\n\nQ: Was Baghdad told?\n\n"
            "SPOKESMAN: Yes.\n\n[Laughter] Not that I am aware of.\n")
    assert [t.label for t in analyse(text).turns] == ["Q", "SPOKESMAN"]
    one_story = ("Talks resume\n\nBACKGROUND - The talks went on for hours and nobody said much at all about them.\n\n"
                 "SEOUL, Jan 17 (WNW) - The JCS said it had informed Tokyo of the launch.\n")
    assert analyse(one_story).story_starts == ()


def test_a_name_and_role_label_on_its_own_line_opens_a_turn_before_the_first_question():
    text = ("MINISTRY OF DEFENCE\n\nWeekly Press Information Meeting\nAthens, 3 March 2023\n\n"
            "Rear Admiral Nikos Pappas, Press and Public Relations Director:\n\n"
            "Good afternoon. Our frigates escorted four convoys this week.\n\n"
            "Ms. Eleni Vlachou, Deputy Director of Public Affairs:\n\nThe exercise with Cyprus ended on Friday.\n\n"
            "Q: Were the Turkish authorities informed?\n\n"
            "Rear Admiral Pappas: They were informed through the usual channels.\n")
    turns = analyse(text).turns
    assert [(t.name, t.role) for t in turns[:2]] == [("Nikos Pappas", "Press and Public Relations Director"),
                                                     ("Eleni Vlachou", "Deputy Director of Public Affairs")]
    assert turns[0].start == text.index("Rear Admiral Nikos") and turns[1].start == text.index("Ms. Eleni")
