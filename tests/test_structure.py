from nlp_tools.structure import analyse

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
