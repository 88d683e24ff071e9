"""The press_claims component on sentences written for these tests (real spaCy parses).

Each case is a pattern that recurs in official language; the sentences are our
own. A case asserts the claims of one topic: stance, and where given, speaker,
attribution and hedging.
"""

from __future__ import annotations

import pytest


def _one(claims, topic):
    found = [c for c in claims if c.topic == topic]
    assert len(found) == 1, [(c.topic, c.stance, c.sentence) for c in claims]
    return found[0]


def _none(claims, topic):
    assert not [c for c in claims if c.topic == topic], [(c.topic, c.stance, c.trigger) for c in claims]


def _stances(extract, text, topic=None):
    """The stances of a text's claims of `topic`; without one, (topic, stance) of all of them."""
    claims = extract(text)
    return [c.stance for c in claims if c.topic == topic] if topic else [(c.topic, c.stance) for c in claims]


STANCE_CASES = [
    # notification
    ("Moscow gave us roughly an hour's advance notice before the first sorties.", "notification", "acknowledge"),
    ("The Russian side notified the coalition of its flight plans.", "notification", "acknowledge"),
    ("We were not informed in advance of the raid.", "notification", "deny"),
    ("Washington received no prior notification from Ankara.", "notification", "deny"),
    ("The raid on the school was carried out without any warning to civilians, the agency said.", "notification", "deny"),
    ("The ministry said it had tracked the aircraft and had not received any notice of the exercise.", "notification", "deny"),
    ("The ministry informed the embassy only after the missiles had landed.", "notification", "deny"),
    # the act came after the notice: an advance one
    ("The ministry said the jets took off after Riga had informed Vilnius.", "notification", "acknowledge"),
    ("Pyongyang did not notify Tokyo before the launch, the coast guard said.", "notification", "deny"),
    ("Neither Seoul nor Tokyo was warned ahead of time.", "notification", "deny"),
    ("He declined to say whether Beijing had informed Washington in advance.", "notification", "evade"),
    ("I'm not going to characterize what notice the Russians give us.", "notification", "evade"),
    ("Advance notice would be given if the exercise exceeds the agreed threshold.", "notification", "conditional"),
    # strike
    ("Coalition aircraft conducted 14 airstrikes near Mosul on Tuesday.", "strike", "acknowledge"),
    ("Russian warships fired cruise missiles at targets in Syria.", "strike", "acknowledge"),
    ("There were no coalition airstrikes in that area on that day.", "strike", "deny"),
    ("Coalition aircraft did not strike the hospital.", "strike", "deny"),
    ("Reports that American jets bombed the convoy are completely false.", "strike", "deny"),
    ("I won't go into how the raid was carried out.", "strike", "evade"),
    ("The shelling will stop if the militia withdraws from the town.", "strike", "conditional"),
    ("Further strikes will be approved only if the targets are confirmed.", "strike", "conditional"),
    # stopping strikes presupposes them; calling them off denies them
    ("The envoys are working to halt the shelling of the border villages.", "strike", "acknowledge"),
    ("The naval mission has failed to stop the rebel attacks on shipping.", "strike", "acknowledge"),
    ("The army called off the planned airstrikes at the last minute.", "strike", "deny"),
    # cooperation
    ("There has been no coordination with the Russian military.", "cooperation", "deny"),
    ("We are not cooperating with Moscow in Syria.", "cooperation", "deny"),
    ("Moscow has refused to cooperate with the inspectors.", "cooperation", "deny"),
    ("The ministry said it had suspended all military cooperation with Ankara.", "cooperation", "deny"),
    ("Washington has cut off its support for the rebel group.", "cooperation", "deny"),
    ("The memorandum on flight safety remains in force.", "cooperation", "acknowledge"),
    ("Our pilots use the deconfliction channel every day.", "cooperation", "acknowledge"),
    ("Secretary Carter spoke with his Russian counterpart on Friday.", "cooperation", "acknowledge"),
    ("The door is open to cooperation if Moscow changes course.", "cooperation", "conditional"),
    ("We would be willing to share intelligence once the ceasefire holds.", "cooperation", "conditional"),
    ("Until they alter that policy we see no room for cooperation.", "cooperation", "conditional"),
    ("She would not discuss whether the two militaries coordinate their operations.", "cooperation", "evade"),
]


@pytest.mark.parametrize("text,topic,stance", STANCE_CASES)
def test_stance(extract, text, topic, stance):
    assert _one(extract(text), topic).stance == stance


HEDGE_CASES = [
    ("Russian jets appear to have struck a hospital near Idlib.", True),
    ("The missiles reportedly fell short of their targets.", True),
    ("We believe the strike hit a weapons depot.", True),
    ("The strike hit a weapons depot.", False),
]


@pytest.mark.parametrize("text,hedged", HEDGE_CASES)
def test_hedge_keeps_the_stance(extract, text, hedged):
    claim = _one(extract(text), "strike")
    assert claim.hedged is hedged and claim.stance == "acknowledge"


def test_several_claims_in_one_sentence_one_per_topic(extract):
    claims = extract("The Russians gave us no warning before their jets bombed the town, and there was no coordination.")
    assert {c.topic for c in claims} == {"notification", "strike", "cooperation"}
    assert _one(claims, "notification").stance == "deny"
    assert _one(claims, "cooperation").stance == "deny"


def test_say_vs_do_both_claims(extract):
    claims = extract("We have a memorandum on safety of flight with the Russians. But there is no coordination with them.")
    coop = [c for c in claims if c.topic == "cooperation"]
    assert [c.stance for c in coop] == ["acknowledge", "deny"]
    assert coop[0].group == "deconfliction"


def test_a_sentence_holds_a_claim_for_every_topic_it_speaks_of(extract):
    # the strike a notice was about is a strike claim too, acknowledged, whatever the notice's stance
    claims = extract("The U.S. informed Iraq ahead of the strikes.")
    assert _one(claims, "notification").stance == "acknowledge"
    assert _one(claims, "strike").stance == "acknowledge"
    claims = extract("We only told the Iraqis about the raid after it was over.")
    assert _one(claims, "notification").stance == "deny"
    assert _one(claims, "strike").stance == "acknowledge"
    claims = extract("There was no advance warning of the missile launch, the coast guard said.")
    assert _one(claims, "notification").stance == "deny"
    assert _one(claims, "strike").stance == "acknowledge"
    claims = extract("Moscow notified us an hour before its jets struck targets near Homs.")
    _one(claims, "notification")
    _one(claims, "strike")
    # the one operation a notice is about or timed against, however weak its word, acknowledged;
    # a kind of operation ("of its operations", "before an operation") names no act
    for text in ('"Rabat informed us while the operation was already under way," the spokesman said.',
                 '"We were told about the test only two days ago," the Bangladeshi spokesman said.',
                 "Officials said the liaison officers told the Tunisians ten minutes in advance about the plan to "
                 "attack a depot near the border.",
                 "While confirming their intention to test, the Indian side did not provide information about its date.",
                 "Amman briefed the Iraqi defence minister on Sunday about an imminent operation in Anbar."):
        claims = extract(text)
        assert _one(claims, "strike").stance == "acknowledge", text
    for text in ("Algeria will keep notifying Morocco in advance of its operations.",
                 "Their officers typically alert the Egyptians shortly before an operation.",
                 "The Turks have not been telling us about their missions in Iraq."):
        _none(extract(text), "strike")
    # a joint strike is a strike and a cooperation
    claims = extract("Our aircraft conducted joint strikes with Jordanian jets on two depots.")
    _one(claims, "strike")
    _one(claims, "cooperation")


def test_modifiers_and_other_senses_are_not_triggers(extract):
    _none(extract("The two companies struck a deal on Monday."), "strike")
    _none(extract("The missile launch was a routine arrangement in the navy's annual training plan."), "cooperation")
    # what one engages in is no target: talks, conduct ("engaged the militants" is an attack)
    _none(extract("Army commanders from both sides engaged in direct talks at the border post on Monday."), "strike")
    _none(extract("Chinese fighter jets engaged in unsafe and unprofessional conduct near the patrol aircraft."), "strike")
    _one(extract("Coalition aircraft engaged the militants near the border on Monday."), "strike")
    _none(extract("The army displayed attack helicopters and multiple launch rocket systems."), "strike")
    _none(extract("Oslo and Helsinki launched a communication mechanism between their defence ministries."), "strike")
    _none(extract("An inquiry was launched after the military exercise near the port."), "strike")
    # a name given in quotation marks is no phone call; the contact told after it still counts
    claims = extract('The coalition called its strike on the jet "collective self-defence," adding that it had '
                     "contacted the Russian military.")
    assert _one(claims, "cooperation").trigger == "contacted"
    _none(extract("Thank you for taking the time to join me here today."), "cooperation")


def test_questions_and_headlines_are_not_claims(extract):
    assert extract("Did the Russians notify you before the strikes?") == []
    text = "Russia denies coordination with coalition\n\nMOSCOW, Oct. 2, 2015 - Moscow said there was no coordination."
    claims = extract(text)
    assert len(claims) == 1 and claims[0].start_char > text.index("MOSCOW")


# -- attribution ------------------------------------------------------------------
def test_reported_speech_with_appositive_role(extract):
    c = _one(extract("There has been no coordination with Russia, Pentagon Press Secretary Peter Cook said."), "cooperation")
    assert (c.speaker, c.attribution, c.cue, c.official) == ("Peter Cook", "reported", "said", True)
    assert "Press Secretary" in c.speaker_role


def test_appositive_after_the_name(extract):
    c = _one(extract("Cook, the Pentagon spokesman, insisted that no coordination had taken place."), "cooperation")
    assert c.speaker.endswith("Cook") and c.attribution == "reported" and c.official
    assert c.cue == "insisted"


def test_quote_over_several_sentences_keeps_its_speaker(extract):
    text = ('"We had no warning. The call came while the raid was already under way," '
            'Defense Secretary Lloyd Austin told reporters.')
    claims = extract(text)
    first = [c for c in claims if c.topic == "notification"][0]
    assert first.speaker == "Lloyd Austin" and first.attribution == "direct"


def test_pronoun_resolves_to_the_person_named(extract):
    text = ("Foreign Ministry spokeswoman Maria Zakharova spoke to reporters on Thursday. "
            "She said Moscow had informed Washington in advance of the flights.")
    c = _one(extract(text), "notification")
    assert c.speaker == "Maria Zakharova" and c.attribution == "reported"


def test_institution_as_speaker(extract):
    c = _one(extract("The Russian Defence Ministry said in a statement that its aircraft had struck militant camps."), "strike")
    assert "Defence Ministry" in c.speaker and c.official and c.attribution == "reported"


def test_according_to_and_analysts(extract):
    c = _one(extract("According to a senior U.S. official, the coalition was not warned."), "notification")
    assert c.attribution == "reported" and c.official and c.speaker.endswith("official")
    c = _one(extract("Analyst Jane Roe said the strikes hit civilian areas."), "strike")
    assert c.speaker == "Jane Roe" and c.official is False


def test_a_passive_notice_the_tagger_took_for_an_adjective_is_one(extract):
    # "informed" after "were" and an adverb is tagged an adjective with itself as lemma
    c = _one(extract("The Maltese and Cypriot authorities were timely informed about cruise missile attacks, "
                     "the ministry said."), "notification")
    assert c.stance == "acknowledge"
    # an informed source is no notice
    _none(extract("An informed source said the cruise missile attacks began at dawn."), "notification")


def test_a_verb_that_reports_only_a_clause_does_not_report_an_infinitive(extract):
    c = _one(extract("The Danish navy maintains exacting procedures to be precise in its strikes on smugglers."), "strike")
    assert (c.speaker, c.attribution) == ("", "author")
    c = _one(extract("The Danish navy maintained that its strikes hit only smugglers."), "strike")
    assert (c.speaker, c.attribution) == ("Danish navy", "reported")


def test_a_trailing_speaker_the_parser_made_an_apposition_still_speaks(extract):
    text = ("Estonia and Latvia have agreed to deconflict flights over the bay near Parnu and Ainazi, "
            "a spokesperson for the Baltic air command told reporters.")
    c = _one(extract(text), "cooperation")
    assert "spokesperson" in c.speaker and c.attribution == "reported"


def test_what_a_sentence_states_comes_before_a_description_in_an_apposition(extract):
    text = ("The defence secretary, a participant in the meeting, said Moscow would soon suffer losses "
            "after expanding its military support for the Syrian army.")
    c = _one(extract(text), "cooperation")
    assert c.trigger == "support" and c.speaker == "defence secretary" and c.agent == "Russia"


def test_calling_off_is_no_call(extract):
    assert _one(extract("The minister called off his talks with the Turkish delegation."), "cooperation").stance == "deny"
    claims = extract("The general called off the exercise with the Turkish navy.")
    assert not [c for c in claims if c.trigger.split()[0].lower() == "called"]
    _one(extract("The general called his Turkish counterpart on Monday."), "cooperation")


def test_a_date_the_parser_took_for_a_second_subject_does_not_speak(extract):
    c = _one(extract("Kenya on Tuesday, March 4, 2025 accused Somalia of shelling border posts."), "strike")
    assert c.speaker == "Kenya"


def test_a_reporting_verb_coordinated_with_the_main_verb_shares_its_subject(extract):
    c = _one(extract("The militia agreed to the truce but noted that it kept the right to strike back."), "strike")
    assert c.speaker == "militia" and c.attribution == "reported"
    # a coordinated verb that reports no clause is no speech ("did not keep radio contact")
    claims = extract("The plane was flying with its transponder off and did not keep radio contact before the strike.")
    assert _one(claims, "strike").speaker == ""


def test_a_cited_document_speaks_for_its_issuer(extract):
    text = "The coalition has carried out 300 strikes since May, according to a monthly report released by the task force."
    assert _one(extract(text), "strike").speaker == "task force"
    text = "The coalition has carried out 300 strikes since May, according to a Pentagon monthly report."
    assert _one(extract(text), "strike").speaker == "Pentagon"
    assert _one(extract("The ministry's weekly report said the coalition carried out 300 strikes."), "strike").speaker == "ministry"
    # a document whose issuer the sentence does not name gives no speaker: not what it is about, nor its date
    assert _one(extract("A casualty report said the coalition carried out 300 strikes."), "strike").speaker == ""
    for source in ("a report of the incident", "a March report"):
        assert _one(extract(f"The coalition carried out 300 strikes, according to {source}."), "strike").speaker == ""


def test_a_report_quoted_whole_keeps_its_source_as_speaker(extract):
    text = 'The paper later corrected its story: "Lisbon did notify Madrid of the raid in advance, a Portuguese official said."'
    c = _one(extract(text), "notification")
    assert (c.speaker, c.attribution, c.official) == ("Portuguese official", "reported", True)
    # a speaker's own words with "we said" inside stay the speaker's
    text = '"We told Madrid about the raid in advance, as we said at the time," the Portuguese minister said.'
    assert _one(extract(text), "notification").speaker == "Portuguese minister"


def test_news_outlet_voice_has_no_speaker(extract):
    c = _one(extract("WASHINGTON, Oct. 8, 2015 - Russian warplanes carried out airstrikes near Homs on Thursday."), "strike")
    assert (c.speaker, c.attribution, c.official) == ("", "author", False)
    # a past event the outlet sets beside what a speaker says of now or of what comes
    claims = extract("The ministry said it would send more troops to the region as the army began ground operations.")
    assert (_one(claims, "strike").speaker, _one(claims, "strike").attribution) == ("", "author")
    claims = extract("The State Department said it was not helping Kyiv, after drone strikes hit air bases inside Russia.")
    assert _one(claims, "strike").speaker == "" and _one(claims, "cooperation").speaker == "State Department"
    # a state that follows from the event stays the speaker's
    c = _one(extract("A provincial official says six people are dead after rockets hit the village."), "strike")
    assert c.speaker == "provincial official"


TRANSCRIPT = """Department of Defense Press Briefing by Pentagon Press Secretary Peter Cook
Presenter: Pentagon Press Secretary Peter Cook
October 7, 2015

PETER COOK: Good afternoon. There has been no coordination with the Russians.

Q: Did the Russians notify you before their strikes?

MR. COOK: We have a memorandum on flight safety. The Secretary has said that the strikes were a mistake.
"""


def test_transcript_turns_speakers_and_questions(extract):
    claims = extract(TRANSCRIPT, source="U.S. Department of Defense")
    q = TRANSCRIPT.index("Did the Russians")
    assert not [c for c in claims if c.start_char <= q < c.end_char]  # a question is never a claim
    coop = [c for c in claims if c.topic == "cooperation"]
    assert [(c.speaker, c.attribution, c.stance) for c in coop] == [
        ("Peter Cook", "transcript", "deny"),
        ("Peter Cook", "transcript", "acknowledge"),
    ]
    assert coop[0].official and coop[0].speaker_org == "U.S. Department of Defense"
    assert not coop[0].sentence.startswith("PETER COOK")
    strike = _one(claims, "strike")
    assert strike.attribution == "reported" and strike.speaker.endswith("Secretary")


def test_official_release_speaks_with_its_issuer(extract):
    text = ("Statement by Pentagon Press Secretary Peter Cook on Coalition Strikes\n\n"
            "WASHINGTON, Sept. 17, 2016 - Coalition aircraft struck what they believed was an ISIL position.")
    c = _one(extract(text, source="U.S. Department of Defense"), "strike")
    assert c.speaker == "Peter Cook" and c.attribution == "author" and c.official
    # "Statement attributed to: <the person>" names the person the same way
    text = ("Statement attributed to: Navy Spokesperson Rear Admiral Dana Whitfield on the Collision in the Strait\n\n"
            "Dec. 3, 2024\n\nOur navy deconflicts its patrols with the coast guard of the other side.")
    c = _one(extract(text), "cooperation")
    assert (c.speaker, c.attribution, c.official) == ("Dana Whitfield", "author", True)


def test_agent_and_counterpart(extract):
    c = _one(extract("Russia notified the United States of the launch."), "notification")
    assert (c.agent, c.counterpart) == ("Russia", "United States")
    c = _one(extract("Turkish artillery shelled Kurdish positions near Azaz."), "strike")
    assert "Kurdish positions" in c.counterpart
    c = _one(extract("We will not coordinate with Russia.", ), "cooperation")
    assert c.counterpart == "Russia"


def test_offsets_and_span_extension(nlp):
    from nlp_tools.claims import DocumentContext

    text = "Nothing here.\nThere has been no coordination with Russia."
    doc = nlp.make_doc(text)
    doc._.press_context = DocumentContext(doc_id="d1")
    doc = nlp(doc)
    (claim,) = doc._.claims
    assert text[claim.start_char : claim.end_char] == claim.sentence
    sents = list(doc.sents)
    assert sents[-1]._.claims == [claim] and sents[0]._.claims == []


def test_component_composes_with_a_plain_pipeline():
    import spacy

    import nlp_tools.claims  # noqa: F401  (registers the factory)
    from nlp_tools.pipeline import resolve_model

    nlp = resolve_model()
    assert "press_claims" not in nlp.pipe_names
    nlp.add_pipe("press_claims")
    doc = nlp("Moscow said it had informed Washington in advance of the strikes.")
    assert [c.topic for c in doc._.claims] == ["notification", "strike"]
    assert isinstance(nlp, spacy.language.Language)


# -- patterns added for real official language (our own sentences) --------------------
def test_anaphora_continue_the_topic_of_the_sentence_before(extract):
    text = ("Coalition aircraft struck an ISIL weapons depot near Raqqa on Monday. "
            "This action will disrupt the group's supply lines.")
    strikes = [c for c in extract(text) if c.topic == "strike"]
    assert len(strikes) == 2
    # without the sentence before, "this action" is no claim
    _none(extract("This action will disrupt the group's supply lines."), "strike")


def test_contacts_need_a_party(extract):
    _one(extract("The minister spoke with his Turkish counterpart by phone on Sunday."), "cooperation")
    _none(extract("The minister spoke about the weather on Sunday."), "cooperation")
    _none(extract("Thanks, everyone, for joining us this afternoon."), "cooperation")
    _one(extract("Britain joined the coalition against ISIL in 2014."), "cooperation")


def test_reports_called_false_are_denials(extract):
    c = _one(extract("Allegations that Turkish jets bombed the village are baseless, the ministry said."), "strike")
    assert c.stance == "deny"


def test_a_possessive_office_speaks_for_its_principal(extract):
    c = _one(extract("Prime Minister Ali Hassan warned the garrison ahead of the raid, his office said."), "notification")
    assert c.speaker == "Ali Hassan's office" and c.official
    # the principal known only by role
    c = _one(extract("Ankara alerted Jordan's foreign minister before the raid, her office said."), "notification")
    assert c.speaker == "Jordan's foreign minister's office" and c.official


def test_allegations_from_a_source_are_its_claim(extract):
    text = "We reject allegations from the Syrian government that coalition aircraft struck an army post near Deir ez-Zor."
    # the government's claim, and the document's own denial of it
    assert sorted((c.attribution, c.stance) for c in extract(text) if c.topic == "strike") == [
        ("author", "deny"), ("reported", "acknowledge")]
    (c,) = [c for c in extract(text) if c.attribution == "reported"]
    assert "Syrian government" in c.speaker


def test_a_trailing_reporting_clause_after_a_comma(extract):
    text = "Six Russian cruise missiles crashed in Iran, falling short of their targets, a U.S. official confirmed to reporters."
    c = _one(extract(text), "strike")
    assert c.attribution == "reported" and c.speaker.endswith("official") and c.cue == "confirmed"


def test_as_clause_names_the_source(extract):
    c = _one(extract("As the ministry disclosed on Friday, its aircraft struck targets near Palmyra."), "strike")
    assert c.speaker.endswith("ministry") and c.attribution == "reported"


def test_notice_through_a_channel_is_not_a_separate_cooperation_claim(extract):
    claims = extract("Beijing informed the relevant countries through military and diplomatic channels.")
    _one(claims, "notification")
    _none(claims, "cooperation")
    _one(extract("The military-to-military channel with Moscow remains open."), "cooperation")


def test_the_ones_given_notice_and_the_channel_it_went_through_are_part_of_the_notice(extract):
    claims = extract("The two defence ministries will give their counterparts at least 48 hours of notice before each exercise.")
    _one(claims, "notification")
    _none(claims, "cooperation")
    claims = extract("The warning was passed through military channels shortly before the strike.")
    _one(claims, "notification")
    _none(claims, "cooperation")


def test_notice_of_what_is_about_to_happen_versus_a_report(extract):
    claims = extract("A Russian general told U.S. embassy staff that the airstrikes would begin within the hour.")
    _one(claims, "notification")
    assert _one(claims, "strike").stance == "acknowledge"  # what the notice said: a planned strike
    claims = extract("The defence minister told the president that all targets had been destroyed.")
    _none(claims, "notification")
    assert _one(claims, "strike").speaker.endswith("minister")
    # a clause of what the one warned has to do before the act comes: a notice, not a report
    claims = extract("A Georgian officer warned him he had half an hour to get everyone out before the jets struck.")
    assert _one(claims, "notification").stance == "acknowledge"
    # parliament told of an operation is notified; told that something happened, it hears a report
    c = _one(extract("The prime minister informed senior lawmakers of the operation."), "notification")
    assert c.counterpart == "senior lawmakers", (c.agent, c.counterpart)
    _none(extract("The prime minister told lawmakers that the operation had succeeded."), "notification")


MORE_STANCE_CASES = [
    ("The American side has so far refused to exchange any data on militant positions.", "cooperation", "deny"),
    ("Moscow announced that it was suspending the memorandum on air safety.", "cooperation", "deny"),
    ("The talks did not mean that Washington was coordinating operations with Moscow.", "cooperation", "deny"),
    ("Iraqi officials would neither confirm nor deny that they had alerted U.S. commanders in advance.", "notification", "evade"),
    ("You'd have to ask the Iraqi government whether they were notified in advance.", "notification", "evade"),
    ("The alliance does not comment on whether it was notified before the drills.", "notification", "evade"),
    ("Without confirming that its jets carried out the raid, the ministry said the operation was over.", "strike", "evade"),
    ("If the Russians want to give us advance notice of their flights, we would take it.", "notification", "conditional"),
    ("Ankara remains ready to work with Moscow, provided that Turkish airspace is respected.", "cooperation", "conditional"),
    ("The embassy received a message from Tehran shortly after midnight warning of the attack.", "notification", "acknowledge"),
    ("If we mistakenly struck an army position, we regret the loss of life.", "strike", "acknowledge"),
    # a threat is readiness not yet acted on (codebook): conditional
    ("The minister said Turkey would not hesitate to shoot down any aircraft that violated its airspace.", "strike", "conditional"),
    # violating an arrangement, refraining, pausing, no agreement to act
    ("Russian patrols routinely violate the deconfliction protocols in the valley.", "cooperation", "deny"),
    ("The navy refrained from shooting down the second drone, the commander said.", "strike", "deny"),
    ("Washington announced a pause in intelligence sharing with Kyiv.", "cooperation", "deny"),
    ("There is no agreement to conduct joint air strikes with the Russians.", "strike", "deny"),
    ("Their account of striking twelve depots is pure fiction, the spokesman said.", "strike", "deny"),
    # threats, wishes and readiness
    ("Any attack on our ships will be met with a swift response, the admiral said.", "strike", "conditional"),
    ("The president wanted to talk to Tehran about the crisis, the envoy said.", "cooperation", "conditional"),
    ("We are all for coordinating our efforts with the opposition, the minister said.", "cooperation", "conditional"),
    ("I want to begin today with the strikes we carried out overnight.", "strike", "acknowledge"),
    # withholding comment or details is evasion; a past denial of notice is not
    ("The general did not offer any casualty figures from the strikes.", "strike", "evade"),
    ("The ministry has not commented on the air strikes near the border.", "strike", "evade"),
    ("We did not get a heads-up from the Russians beforehand.", "notification", "deny"),
    ("We did not give an OK to the raid on the hospital, the spokesman said.", "strike", "acknowledge"),
    # details withheld about something confirmed; a strike inside an evaded notice
    ("The ministry confirmed the strikes on the depots but did not provide any details.", "strike", "acknowledge"),
    ("She would not say whether Moscow had been told about the strikes in advance.", "strike", "acknowledge"),
    ("She would not say whether Moscow had been told about the strikes in advance.", "notification", "evade"),
    # details withheld in a coordinated clause, details of a confirmed meeting, a hedge "if confirmed"
    ("Officials did not specify the units involved but said two soldiers were wounded in the attack.", "strike", "acknowledge"),
    ("The colonel declined to specify where the meeting with his Russian counterpart was held.", "cooperation", "acknowledge"),
    ("The colonel declined to specify whether Moscow had been notified.", "notification", "evade"),
    ("The raid, which, if confirmed, would be the third this month, hit a depot.", "strike", "acknowledge"),
    # readiness, and time rather than condition
    ("Moscow is prepared to share information on the militants with the coalition.", "cooperation", "conditional"),
    ("We will support the government for as long as it is necessary.", "cooperation", "acknowledge"),
    ("Under the protocol, advance notification applies only to exercises held within 50 kilometres of the line.", "notification", "conditional"),
    # no one confirming is evasion; an active subject only ("no soldiers are reported hurt" is no one withholding)
    ("Neither Damascus nor Tehran immediately acknowledged the strike.", "strike", "evade"),
    ("No official in Ankara would confirm that the jets had bombed the depot.", "strike", "evade"),
    ("No soldiers are assessed to have been wounded in the raid on the depot.", "strike", "acknowledge"),
    ("The navy has not confirmed that its drones struck the pier.", "strike", "evade"),
    ("Several members have not yet acknowledged their participation in the naval mission.", "cooperation", "evade"),
    # a negated verb of enabling reaches the act it would enable, however the parser hangs it
    ("We did not help them strike the bridge, the minister said.", "strike", "deny"),
    ("\"We are not helping Kyiv to carry out strikes inside Russia,\" the secretary told reporters.", "strike", "deny"),
    ("We did not hesitate to strike the launch sites.", "strike", "acknowledge"),
    # an elliptic "did not" stands for the clause it follows
    ("\"The drone crossed into our airspace, and we could have shot it down, but we did not,\" the general said.", "strike", "deny"),
    ("Our pilots could have bombed the convoy, but they did not.", "strike", "deny"),
    ("Although Kazakhstan joined the joint exercise, Russia did not.", "cooperation", "deny"),
    ("They said they would strike the depot, and they did.", "strike", "acknowledge"),
    # what is hoped for, looking ahead, is not done yet; the means of it, or a past hoped of, is
    ("I would hope that Ankara would join us in patrolling the corridor.", "cooperation", "conditional"),
    ("The envoy said he hoped the talks on a joint patrol would resume next month.", "cooperation", "conditional"),
    ("We hope the militia will not use the drones to strike the convoy, the minister said.", "strike", "conditional"),
    ("We hope the strike destroyed the launcher, the colonel said.", "strike", "acknowledge"),
    ("We hope that by sharing the flight data with Moscow we can avoid incidents.", "cooperation", "acknowledge"),
    # a coming act against whatever comes is a threat; a promise not to is a denial
    ("Our forces would target any vessel that approaches the coast.", "strike", "conditional"),
    ("We will not strike any civilian site, the general said.", "strike", "deny"),
    # "if" after a verb of knowing or saying asks whether: the act it frames is no condition
    ("The spokesman said he could not confirm if Baku had notified Moscow before launching the operation.", "strike",
     "acknowledge"),
    ("Washington would share radar data if Moscow stopped its raids.", "cooperation", "conditional"),
    # reports of the act under review are not confirmed; reports of what came of it leave the act standing
    ("The army said it was reviewing the reports of an airstrike on the school.", "strike", "evade"),
    ("The ministry said it was investigating the claims that its jets struck the market.", "strike", "evade"),
    ("Africa Command is aware of reports alleging civilian casualties resulting from the airstrike.", "strike",
     "acknowledge"),
    # not knowing of a strike in advance denies the notice, not the strike; knowing of no such strikes denies them
    ("Ankara was not aware of the raid in advance.", "strike", "acknowledge"),
    ("We are not aware of any coalition strikes in that area, the spokesman said.", "strike", "deny"),
    ("We were not aware of any coalition strikes in that area ahead of the talks, the spokesman said.", "strike", "deny"),
]


@pytest.mark.parametrize("text,topic,stance", MORE_STANCE_CASES)
def test_more_stance_patterns(extract, text, topic, stance):
    assert _one(extract(text), topic).stance == stance


# Notification beyond the words "notify" and "advance notice": classes of statement that recur in
# official language (knowledge of plans, briefings about an operation, arms-control disclosure,
# positions of one's own forces handed over, notice that came too late), each with its stance.
NOTIFICATION_CASES = [
    ("The ministry was not aware that Minsk was going to move its tanks to the border.", "deny"),
    ("Washington did not know the details of Ankara's plans for the offensive.", "deny"),
    ("Moscow did not disclose the preparations for its incursion to its allies.", "deny"),
    ("The navy has been conducting unannounced exercises near the strait.", "deny"),
    ("The president called the prime minister to inform her of the raids.", "acknowledge"),
    ("The envoy briefed him about the operation on Sunday.", "acknowledge"),
    ("The Syrian air defence units were timely informed about the missile launches.", "acknowledge"),
    ("Ankara has kept us abreast of its operations in the north.", "acknowledge"),
    ("Kyiv did not consult with Warsaw before launching its counteroffensive.", "deny"),
    ("My call with the defence minister took place while the operation was already underway.", "deny"),
    ("The coordinates of our units were shared with the Turkish officers on the ground.", "acknowledge"),
    ("Minsk failed to provide its neighbours with the requested information on the exercise.", "deny"),
    ("The spokesman said the alliance did not provide information about the timing of the launch.", "deny"),
    ("Russia again failed to declare its part in the large-scale exercises.", "deny"),
    ("The information was handed to the peacekeepers just minutes before the assault began.", "deny"),
    ("There was no explanation given of the scale of the naval drills.", "deny"),
    ("The jet had no pre-filed flight plan and its transponder was switched off.", "deny"),
    ("Seoul has never agreed to prior notification of its patrols.", "deny"),
    ("Neither Moscow nor Minsk notified the alliance of the drills.", "deny"),
    ("He said he was not aware of any Turkish notification before the operation.", "deny"),
    ("Russia warned the U.S. military that it was going to conduct airstrikes near the town.", "acknowledge"),
    ("Ankara kept Washington in the dark about the offensive.", "deny"),
    ("Officials in Paris said they had been blindsided by the raid.", "deny"),
    ("Moscow sent word to Washington that the bombing would start within the hour.", "acknowledge"),
    # what the one told was told of, where the parser hangs it on them
    ("Haakon informed key Storting members of the operation.", "acknowledge"),
    ("After being told of the strikes, the ambassador left the talks.", "acknowledge"),
    ("Japan received a warning an hour before the launch.", "acknowledge"),
    # a denied claim whose "that" clause the parser hung on the claim's source
    ("Oslo on Thursday denied a claim from a senator that Swedish intelligence warned Norway about the attack "
     "three days before it happened.", "deny"),
]


@pytest.mark.parametrize("text,stance", NOTIFICATION_CASES)
def test_notification_classes(extract, text, stance):
    assert _one(extract(text), "notification").stance == stance


# Other senses of the words a notice is made of: a figurative message, a threat or an admonition,
# a telling with no military action in it, targeting information, evidence presented, a fire drill.
NOT_NOTIFICATION = [
    "Analysts warn the sanctions will bring no good to the economy.",
    "The foreign ministry warned that any attack on its ships would have grave consequences.",
    "The president warned his counterpart against arming the rebels.",
    "The decision sends a bad message to our allies.",
    "The Russians have informed us that this is their final decision.",
    "The ministry presented information confirming the role of the militia in the attack.",
    "The Pentagon said it did not give specific targeting information to the navy about the ship.",
    "The Department continues to gather information on a coalition airstrike near the river.",
    "We know that the raid had been planned for months.",
    "We just completed an unannounced drill, sorry for the delay.",
    "The coalition shared the locations of the militants with Iraqi forces.",
    "The message said the strike would be limited to the airfield.",
    "The Pentagon provided information about the strike to reporters on Monday.",
    "The ministry declared the exercise a success.",
    "The base was closed until further notice after the attack.",
    "Troops deployed at short notice after the strikes.",
    "The State Department issued a travel warning after the strikes.",
    "The minister told a news conference that the strikes would continue.",
    # the only timing word dates the telling itself, and nothing military is told
    "The premier said there had been no complaint from Oslo after being told of the decision.",
    # a stern or stark warning is an admonition, no advance notice
    "Moscow issued a stark warning to the alliance after the drills.",
    "The stern warning came after both sides traded accusations of recruiting fighters.",
]


@pytest.mark.parametrize("text", NOT_NOTIFICATION)
def test_other_senses_are_no_notification(extract, text):
    _none(extract(text), "notification")


def test_the_notice_accord_taken_up_and_commitments_not_met(extract):
    claims = extract("Both sides signed an agreement to notify each other of ballistic missile tests. "
                     "The agreement does not apply to cruise missiles.")
    assert [c.stance for c in claims if c.topic == "notification"] == ["acknowledge", "deny"]
    _none(extract("The two sides signed a trade agreement in May. The agreement covers steel and grain."), "notification")
    claim = _one(extract("The alliance said Minsk had failed to meet its commitments to be transparent about the exercise."),
                 "notification")
    assert claim.stance == "deny"
    # "the information" takes up the notice of the sentence before
    first = "The Russian side informed the coalition of its flights on Friday. "
    then = "It said the information had been provided in the spirit of goodwill."
    assert len([c for c in extract(first + then) if c.topic == "notification"]) == 2
    _none(extract(then), "notification")


def test_taking_part_in_an_operation_is_cooperation(extract):
    c = _one(extract("Washington was not involved in the Israeli operation, the spokesman said."), "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "United States", "Israel")
    c = _one(extract("Britain played no role in the strikes on Yemen, the ministry said."), "cooperation")
    assert c.stance == "deny" and c.agent == "United Kingdom"
    assert _one(extract("Russian bombers flew in support of the Syrian army's offensive near Aleppo."), "cooperation").stance == "acknowledge"
    # a description, one's own mission, and other senses of the words are not
    _none(extract("Jets involved in the raids crossed into Turkish airspace twice."), "cooperation")
    _none(extract("Our aircraft will keep flying in support of our mission against ISIL."), "cooperation")
    _none(extract("The minister's role in the cabinet has grown since the elections."), "cooperation")


def test_in_line_with_is_no_communication_line(extract):
    _none(extract("The drills are in line with the Vienna Document and earlier commitments of Azerbaijan."), "cooperation")
    _one(extract("The deconfliction line with Moscow remains open."), "cooperation")


def test_a_notified_strike_with_its_target_is_a_strike_claim_too(extract):
    claims = extract("Washington gave Baghdad no advance notice of the strikes on Friday against four depots near the border.")
    assert _one(claims, "notification").stance == "deny"
    _one(claims, "strike")
    # (the one test a notice is about is a strike claim too: see test_a_sentence_holds_a_claim_for_every_topic_it_speaks_of)
    _none(extract("Moscow gave Washington advance notice of the results."), "strike")


def test_an_agreement_the_parties_conclude_is_cooperation(extract):
    # the parties are the subject of the verb that holds the agreement
    c = _one(extract("Hungary and Slovakia concluded an agreement last week, the ministry said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Hungary", "Slovakia")
    _none(extract("The court concluded its hearing last week."), "cooperation")


def test_flying_alongside_and_joint_offers_are_cooperation(extract):
    _one(extract("Danish F-16s are flying alongside the United States and Britain over Iraq."), "cooperation")
    # a proposal made is acknowledged; one the other side turns down is rejected (codebook: deny)
    assert _one(extract("Moscow kept proposing joint patrols, the ministry said."), "cooperation").stance == "acknowledge"
    c = _one(extract("Moscow kept proposing joint patrols, and Washington kept declining."), "cooperation")
    assert c.stance == "deny"
    _none(extract("The Joint Chiefs of Staff published the budget figures on Monday."), "cooperation")


def test_what_a_post_is_in_charge_of_is_no_trigger(extract):
    claims = extract("Vilnius informed Riga's director general of military operations about the strikes after they "
                     "were carried out, officials said.")
    assert _one(claims, "strike").trigger == "strikes"
    _none(extract("The head of international cooperation at the ministry resigned on Monday."), "cooperation")


def test_refuelling_another_partys_aircraft_is_cooperation_and_refusing_to_let_denies(extract):
    c = _one(extract("Qatari tankers refuelled the French jets over Libya."), "cooperation")
    assert c.stance == "acknowledge"
    _none(extract("The bombers landed at the island base for refuelling."), "cooperation")
    c = _one(extract("Ankara refused to let Washington use the air base for the raids."), "cooperation")
    assert c.stance == "deny"


def test_a_strike_carried_out_beside_another_party_is_cooperation_too(extract):
    claims = extract("The raids on the depots were carried out alongside Dutch aircraft, the Belgian ministry said.")
    _one(claims, "strike")
    assert _one(claims, "cooperation").stance == "acknowledge"
    _one(extract("Polish gunners shelled the crossing together with Lithuania, officials said."), "cooperation")
    # company that is no party is none
    _none(extract("The commander was killed alongside two of his bodyguards in the strike."), "cooperation")


def test_parties_who_end_talks_are_parties_to_them(extract):
    c = _one(extract("The Russians decided to suspend the dialogue on Syria, the spokeswoman said."), "cooperation")
    assert c.stance == "deny"
    assert _one(extract("The Turks halted the talks on Monday."), "cooperation").stance == "deny"


def test_not_asking_for_what_a_party_gives_denies_it(extract):
    claims = extract("The Turkish side was told of the raid in advance over the hotline. But this was no coordination. "
                     "We did not ask for their permission.")
    assert [c.stance for c in claims if c.topic == "cooperation" and c.sentence.startswith("We")] == ["deny"]
    assert _one(extract("Yerevan never appealed for Russian military help."), "cooperation").stance == "deny"


def test_an_offer_to_talk_is_cooperation_without_a_named_partner(extract):
    c = _one(extract("We remain ready to talk, as long as they halt the shelling, the deputy minister said."), "cooperation")
    assert c.stance == "conditional"
    _one(extract("Ankara is open to negotiating a new arrangement on the corridor, the ministry said."), "cooperation")
    # dialogue or talks one is open or ready for, named by the noun
    for text in ('"We have always been open to dialogue on arms control, on an equal footing," the envoy said.',
                 "Hanoi said it was ready for talks on the maritime incidents."):
        assert _one(extract(text), "cooperation").stance == "conditional", text
    # talking to the press is no talks between parties
    _none(extract("The general said he was ready to talk to journalists after the raid."), "cooperation")


def test_a_name_without_its_last_part_is_the_person_named_in_full_before(extract):
    text = ("Foreign Office spokesperson Amna Rafiq Qureshi opened the weekly briefing on Friday. "
            "Later, Amna Rafiq said the neighbouring side had not informed Islamabad in advance of the test.")
    c = _one(extract(text), "notification")
    assert c.speaker == "Amna Rafiq Qureshi" and c.stance == "deny"


def test_disclosing_or_declaring_in_advance_is_a_notice(extract):
    _one(extract("Under the accord, each side must disclose its large exercises in advance."), "notification")
    _one(extract("The navy declared the firing zone to shipping two days in advance."), "notification")
    _none(extract("The ministry disclosed the figures in its annual report."), "notification")


def test_a_contact_is_taken_up_by_a_definite_noun_not_by_what_else_was_said(extract):
    first = "Secretary Hale spoke with his Turkish counterpart by phone on Sunday. "
    assert len([c for c in extract(first + "The call lasted about an hour.") if c.topic == "cooperation"]) == 2
    assert len([c for c in extract(first + "They also talked about the weather in Ankara.") if c.topic == "cooperation"]) == 1


def test_hitting_counted_targets_shootdowns_and_icbm_tests_are_strikes(extract):
    _one(extract("Two Tornado jets used guided bombs to hit eight targets at the depot on Sunday."), "strike")
    _one(extract("Ankara said its F-16s carried out the shootdown after ten warnings."), "strike")
    _one(extract("The ICBM test was the first of its kind over the Pacific in decades."), "strike")
    _none(extract("Defence spending hit a record high this year, the ministry said."), "strike")


def test_a_demonstrative_reaches_back_over_a_few_sentences_about_the_target(extract):
    strike = "Coalition aircraft struck an ISIL weapons depot near Raqqa on Monday. "
    about = "The depot held rockets and mortar rounds. The group had used it for months. "
    anaphor = "This action will disrupt the group's supply lines."
    assert len([c for c in extract(strike + about + anaphor) if c.topic == "strike"]) == 2
    far = about + "Its commander was a former army officer. He had fought in Iraq. "
    assert len([c for c in extract(strike + far + anaphor) if c.topic == "strike"]) == 1
    # conduct in general is no back-reference
    assert len([c for c in extract(strike + "Their actions are not helpful.") if c.topic == "strike"]) == 1


def test_a_satellite_launch_is_no_strike(extract):
    claims = extract("Pyongyang notified the coast guard that it would launch a satellite between May 31 and June 11.")
    _one(claims, "notification")
    _none(claims, "strike")
    _one(extract("North Korea launched two ballistic missiles into the sea on Thursday."), "strike")


def test_basing_and_access_are_cooperation(extract):
    _one(extract("Russian bombers used the air bases at Hamedan for a week."), "cooperation")
    c = _one(extract("Ankara has not given Washington access to the base, the ministry said."), "cooperation")
    assert c.stance == "deny"
    assert _one(extract("Any further use of the airfield would depend on a request from Moscow."), "cooperation").stance == "conditional"
    _none(extract("The planners used the data from last year to set the budget."), "cooperation")


def test_notice_given_to_a_party_read_as_one_noun_phrase(extract):
    # the parser makes "the U.S.-led coalition notice" one noun phrase
    c = _one(extract("Officials said Moscow had given the U.S.-led coalition notice of the flights."), "notification")
    assert c.stance == "acknowledge"


def test_telling_of_a_coming_strike_and_warning_each_other_are_notices(extract):
    claims = extract("Before the raid, the U.S. military told Russian forces about the coming strike over the hotline the two sides set up in 2015.")
    assert _one(claims, "notification").stance == "acknowledge"
    _one(extract("Under the accord the two navies warn each other of planned missile firings."), "notification")


def test_other_senses_of_call_channel_understanding_and_coordinates(extract):
    _none(extract("Moscow calls for an urgent meeting of the Security Council to discuss the strikes."), "cooperation")
    _none(extract("Footage will be posted on the Ministry of Defence's social media channels."), "cooperation")
    _none(extract("My understanding is that the Russians were not warned."), "cooperation")
    _none(extract("Nobody has been able to give the coordinates of the hospital they say was hit."), "cooperation")
    # an act that is itself the message, and a message of what one can do, are no notice
    _none(extract('"The launches were as much a message to Tokyo as a test of the missile," said an analyst in Seoul.'),
          "notification")
    _none(extract("The raids sent a message to Ankara that Moscow can strike anywhere in the region, one official said."),
          "notification")
    # naming something is no call, and its subject speaks
    claims = extract("The coalition called its strike on the government jet an act of self-defence.")
    _none(claims, "cooperation")
    assert _one(claims, "strike").speaker == "coalition"
    _one(extract("The two air forces coordinate their flights over Syria."), "cooperation")
    _one(extract("The two sides reached an understanding on air safety over Syria."), "cooperation")


def test_the_notice_someone_passed_and_what_a_briefer_can_tell_you(extract):
    c = _one(extract("I'm not going to get into the timing of the warning we passed to the Russian side."), "notification")
    assert c.stance == "evade"
    _none(extract("What I can tell you is that our jets were already back over the sea when the missile hit."), "notification")


def test_bilateral_accords_observers_and_transparency_measures(extract):
    c = _one(extract("Otherwise the Indo-Pakistani accords reached in Lahore may be jeopardized."), "cooperation")
    assert c.stance == "conditional"
    _one(extract("Minsk has invited foreign observers to attend the final day of the drills."), "cooperation")
    _one(extract("Neither side has applied the transparency measures to these drills, the alliance said."), "notification")
    claims = extract("Under the accord, each ministry will give the other 72 hours of notice before a missile test.")
    _one(claims, "notification")
    _none(claims, "cooperation")


def test_such_is_a_back_reference(extract):
    # the parser makes "such" an adjective, not a determiner
    claims = extract("Naval artillery shelled the harbour overnight. The ministry declined to comment on such operations.")
    strikes = [c for c in claims if c.topic == "strike"]
    assert [c.stance for c in strikes] == ["acknowledge", "evade"]
    _none(extract("The ship docked overnight. Such operations take a week."), "strike")


def test_using_force_against_a_state_is_a_strike(extract):
    c = _one(extract("Belgrade has used force against Pristina in the past, the envoy said."), "strike")
    assert (c.stance, c.counterpart) == ("acknowledge", "Kosovo")  # not "force" (inside the trigger); the capital names its state
    assert _one(extract("The cabinet denied using military force against the protesters."), "strike").stance == "deny"
    _none(extract("The senators debated the use of force in general terms."), "strike")


def test_a_strike_with_its_own_reported_outcome_beside_a_notice(extract):
    claims = extract("Ottawa had no advance warning of the raid, which local officials said killed four fighters.")
    assert _one(claims, "notification").stance == "deny"
    assert _one(claims, "strike").stance == "acknowledge"  # the notice is denied, not the raid
    claims = extract("Ottawa had no advance warning of the raid.")
    assert _one(claims, "strike").stance == "acknowledge"


def test_an_assault_is_a_strike_in_military_context(extract):
    _one(extract("The assault on the airfield began before dawn, the army said."), "strike")
    _none(extract("The minister condemned the sexual assault reported at the base."), "strike")


def test_verification_under_an_accord_and_confidence_building(extract):
    c = _one(extract("Inspections under the arms treaty were suspended in March, the ministry said."), "cooperation")
    assert c.stance == "deny"
    _one(extract("The visit is part of the voluntary confidence-building measures, the ministry said."), "cooperation")
    _none(extract("The inspection of the damaged hospital found no munitions."), "cooperation")
    # a readiness drill called an inspection is no verification
    _none(extract("The parties to the Vienna Document were told about the snap inspection of the fleet."), "cooperation")


def test_propping_up_and_contributing_to_a_campaign(extract):
    c = _one(extract("Tehran keeps propping up the regime in Damascus, the envoy said."), "cooperation")
    assert c.agent == "Iran"
    c = _one(extract("Norway contributed four fighter jets to the campaign against ISIL."), "cooperation")
    assert (c.agent, c.counterpart) == ("Norway", "")  # the jets are what is given, not a partner
    assert _one(extract("Madrid will not commit troops to the operation."), "cooperation").stance == "deny"
    _none(extract("I cannot provide details of the operation."), "cooperation")


def test_answering_a_call_is_an_act_not_speech(extract):
    claims = extract("Several allies answered the call and provided more aircraft for the campaign against ISIL.")
    c = _one(claims, "cooperation")
    assert c.speaker == ""  # the allies act; nobody is quoted
    c = _one(extract("The spokesman answered that there had been no coordination with Moscow."), "cooperation")
    assert c.speaker == "spokesman" or "spokesman" in c.speaker.lower()


def test_a_short_role_names_the_person_with_the_longer_one(extract):
    text = ("Deputy Foreign Minister Ivan Petrov said on Monday that the embassy had been informed in advance. "
            "\"We told all our partners beforehand,\" the deputy minister said.")
    notices = [c for c in extract(text) if c.topic == "notification"]
    assert [c.speaker for c in notices] == ["Ivan Petrov", "Ivan Petrov"]
    assert all(c.official for c in notices)


def test_a_denying_verb_in_the_passive_and_its_negation(extract):
    assert _one(extract("The joint patrols were cancelled after the incident, the ministry said."), "cooperation").stance == "deny"
    assert _one(extract("Talks with Ankara were suspended in March."), "cooperation").stance == "deny"
    assert _one(extract("A joint operation has not been ruled out."), "cooperation").stance == "acknowledge"
    assert _one(extract("Moscow did not reject cooperation with the coalition."), "cooperation").stance == "acknowledge"


def test_partner_and_supported_party_as_counterpart(extract):
    c = _one(extract("Dhaka has not coordinated its patrols with Naypyidaw, the ministry said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Bangladesh", "Myanmar")  # the partner, not the patrols
    c = _one(extract("Moscow supports the Syrian government in its fight against terrorists."), "cooperation")
    assert c.counterpart == "Syria"
    c = _one(extract("The ministry said it had informed the Israeli side in advance."), "notification")
    assert (c.agent, c.counterpart) == ("ministry", "Israel")


def test_dismissing_reports_denies_what_they_say(extract):
    claims = extract("The Kremlin dismissed reports that it had coordinated the raid with Tehran.")
    c = _one(claims, "cooperation")
    assert (c.stance, c.counterpart) == ("deny", "Iran")
    assert _one(extract("Russian guns pounded the town for a third day, the governor said."), "strike").stance == "acknowledge"


def test_conditional_on_and_contingent_upon(extract):
    c = _one(extract("Any cooperation with Minsk is conditional on the release of the prisoners, the envoy said."), "cooperation")
    assert c.stance == "conditional"
    assert _one(extract("Joint drills remain contingent upon progress in the talks."), "cooperation").stance == "conditional"
    # "until" in a past reported in the past is still a condition; "as soon as" in a narrated past is a time
    c = _one(extract("A Serbian official said Belgrade saw no prospect of talks with Pristina until the attacks ended."),
             "cooperation")
    assert c.stance == "conditional"
    c = _one(extract("Coalition aircraft had halted the strikes as soon as Russian officers raised concerns, the command said."),
             "strike")
    assert c.stance == "acknowledge"


def test_hyphenated_leaders_of_a_coalition_keep_their_name(extract):
    c = _one(extract("The Saudi-led coalition denied striking the market."), "strike")
    assert c.speaker.startswith("Saudi-led") and c.stance == "deny"


def test_a_contact_with_them_continues_the_cooperation_before(extract):
    claims = extract("There has been no coordination with Tbilisi. We would be open to talking to them if the troops pulled back.")
    assert [c.stance for c in claims if c.topic == "cooperation"] == ["deny", "conditional"]
    claims = extract("There has been no coordination with Tbilisi. He also talked about trade.")
    assert [c.stance for c in claims if c.topic == "cooperation"] == ["deny"]


def test_the_ministry_is_the_ministry_named_before(extract):
    text = ("Georgia was not warned before the exercise, contradicting a statement by the Armenian Defence Ministry. "
            "The ministry had said that coordination was carried out with Tbilisi.")
    c = _one([c for c in extract(text) if "ministry had said" in c.sentence], "cooperation")
    assert c.speaker == "Armenian Defence Ministry" and c.official
    assert "Armenia" in c.speaker_org or c.speaker_org == "Armenian Defence Ministry"
    # nobody named before: the ministry stays as the text says it
    c = _one(extract("The ministry said that coordination was carried out with Tbilisi."), "cooperation")
    assert c.speaker == "ministry"


def test_the_statement_said_is_its_issuers(extract):
    text = ("In a statement issued on Friday, the Foreign Ministry said the strike would take place at dawn. "
            "Oslo was not involved in the operation, the statement said.")
    claims = extract(text)
    c = _one([c for c in claims if c.sentence.startswith("Oslo")], "cooperation")
    assert (c.speaker, c.stance, c.attribution) == ("Foreign Ministry", "deny", "reported")
    first = _one([c for c in claims if c.sentence.startswith("In a statement")], "strike")
    assert first.counterpart == ""  # "took place" names no target
    # no statement named before: the outlet's own account
    c = _one(extract("Oslo was not involved in the operation, the statement said."), "cooperation")
    assert c.speaker == ""


def test_what_the_audience_knows_is_not_hedged_and_reports_of_are(extract):
    assert not _one(extract("I think many of you are aware that the navy struck two radar sites on Monday."), "strike").hedged
    assert _one(extract("I think the navy struck two radar sites on Monday."), "strike").hedged
    assert _one(extract("We have seen the reports of two clinics in the north being struck."), "strike").hedged


def test_negating_phrases_of_the_lexicon_before_the_trigger(extract):
    assert _one(extract("Canberra has no intention of coordinating with the junta, the minister said."), "cooperation").stance == "deny"
    assert _one(extract("We have no plans to cooperate with Minsk on this."), "cooperation").stance == "deny"
    assert _one(extract("The two navies no longer coordinate their patrols."), "cooperation").stance == "deny"
    assert _one(extract("The two navies coordinate their patrols."), "cooperation").stance == "acknowledge"


def test_a_channel_a_notice_went_through_is_part_of_the_notice(extract):
    claims = extract("The Russian side informed the American partners about the upcoming strike through the established communication channels.")
    assert _one(claims, "notification").stance == "acknowledge"
    _none(claims, "cooperation")
    c = _one(extract("The ministry said the launch had been notified to the relevant parties."), "notification")
    assert c.counterpart == "relevant parties"


def test_briefing_deflections_are_evasions(extract):
    assert _one(extract("I do not have anything for you on any coordination with Baku."), "cooperation").stance == "evade"
    c = _one(extract("That is a question for the Azerbaijani defence ministry, as to whether they informed Yerevan."), "notification")
    assert c.stance == "evade"
    assert _one(extract("I will leave it to the Georgians to characterize what notice they received."), "notification").stance == "evade"


def test_participants_of_joint_acts_salvos_and_waves(extract):
    c = _one(extract("Egypt and Greece signed a memorandum on maritime safety."), "cooperation")
    assert (c.agent, c.counterpart) == ("Egypt", "Greece")
    c = _one(extract("Egypt and Greece held a joint naval exercise in the Aegean."), "cooperation")
    assert (c.agent, c.counterpart) == ("Egypt", "Greece")
    c = _one(extract("Pyongyang fired two ballistic missiles into the sea off its east coast."), "strike")
    assert (c.agent, c.counterpart) == ("North Korea", "sea")  # the missiles are what was fired
    c = _one(extract("Turkish jets carried out a wave of airstrikes on PKK targets overnight."), "strike")
    assert c.counterpart == "PKK targets"


def test_review_cases_knowledge_reports_audience_documents_bodies_ranks(extract):
    # "no knowledge of X" still denies X; only an advance notice keeps its negation to itself
    assert _one(extract("We had no knowledge of any coordination with the Russians, the spokesman said."), "cooperation").stance == "deny"
    # what others report hedges only the claim inside the report
    claims = extract("Responding to reports of a strike on the clinic, the ministry said it had not coordinated with Moscow.")
    assert not _one(claims, "cooperation").hedged
    assert _one(extract("I think you will see more strikes against ISIL in the coming days."), "strike").hedged
    # a statement released later is its issuer's, not the one named before
    text = ("In a statement, the Turkish Defence Ministry said it had informed Russia of the operation. "
            "Moscow later released its own statement. The statement said Russia had not been notified.")
    last = [c for c in extract(text) if c.sentence.startswith("The statement")]
    assert [c.speaker for c in last] == ["Moscow"]
    # "the ministry" is the ministry that spoke, not one named in passing
    text = ("The Russian Defence Ministry said its aircraft had not struck the town. "
            "The shell hit a clinic run by the Syrian Health Ministry. The ministry said it had warned Ankara in advance.")
    last = [c for c in extract(text) if c.sentence.startswith("The ministry")]
    assert [c.speaker for c in last] == ["Russian Defence Ministry"]
    # a deputy is not the minister
    text = "Deputy Foreign Minister Ivan Petrov spoke on Monday. The foreign minister said Kyiv had been informed in advance."
    assert [c.speaker for c in extract(text) if c.topic == "notification"] == ["foreign minister"]
    # replying to a request is speech; the observers' ceasefire is no verification
    c = _one(extract("The spokesman responded to a request for comment by saying the coalition had coordinated the raid with Ankara."), "cooperation")
    assert c.speaker == "spokesman"
    _none(extract("The observers said the ceasefire agreement was being respected."), "cooperation")


def test_a_foreign_ministry_transcript_with_outlets_asking(extract_document):
    from .test_structure import FOREIGN_MINISTRY

    claims = extract_document(FOREIGN_MINISTRY)
    assert [(c.topic, c.speaker) for c in claims] == [("notification", "Lin Hua"), ("cooperation", "Lin Hua")]
    assert all(c.attribution == "transcript" and c.official for c in claims)  # the outlets' questions are no claims


def test_the_label_of_a_turn_is_not_a_speaker_and_no_proposal_for_denies(extract_document):
    from .test_structure import MINISTRY_Q_AND_A

    text = MINISTRY_Q_AND_A + ("\nMeera, NDTV: And the hotline?\n\nOfficial Spokesperson, Shri Vikram Rao: I won't comment on "
                               "whether Kathmandu was informed through the hotline. There is no proposal for joint patrols.\n")
    claims = extract_document(text)
    assert [(c.topic, c.stance, c.speaker, c.attribution) for c in claims] == [
        ("notification", "acknowledge", "Vikram Rao", "transcript"),
        ("notification", "evade", "Vikram Rao", "transcript"),
        ("cooperation", "deny", "Vikram Rao", "transcript"),
    ]


def test_a_launch_toward_a_named_sea(extract):
    c = _one(extract("Pyongyang launched a ballistic missile toward the Sea of Japan on Thursday morning."), "strike")
    assert (c.agent, c.counterpart) == ("North Korea", "Sea of Japan")


def test_the_official_is_the_official_who_just_spoke(extract):
    text = 'A senior Iraqi official denied that Baghdad had been informed. "Nobody told us anything," the official said.'
    notices = [c for c in extract(text) if c.topic == "notification"]
    assert [(c.speaker, c.stance, c.counterpart) for c in notices] == [
        ("senior Iraqi official", "deny", "Iraq"), ("senior Iraqi official", "deny", "Iraq")]


def test_a_release_naming_its_issuer_without_the_country_speaks_as_the_issuer(extract_document):
    text = ("PRESS RELEASE\nMinistry of Foreign Affairs of the Republic of Azerbaijan\n\n"
            "The Ministry of Foreign Affairs states that the Armenian side did not notify the OSCE participating "
            "States in advance of the exercises.\n")
    c = _one(extract_document(text), "notification")
    assert (c.stance, c.attribution, c.official) == ("deny", "author", True)
    assert "Azerbaijan" in c.speaker_org


def test_a_release_headed_by_a_kind_of_body_alone_is_that_bodys(extract_document):
    # no state is named for it, but it is an official body's text, not an outlet's
    text = ("Ministry of Defence\nUpdate on operations in the Red Sea\n4 March 2024\n\n"
            "Our aircraft struck two drone ground stations overnight.\n")
    c = _one(extract_document(text), "strike")
    assert (c.speaker, c.attribution, c.official) == ("Ministry of Defence", "author", True)
    # a news report's first line is no such heading
    c = _one(extract_document("Defence news\n\nThe ministry said its aircraft struck two drone stations.\n"), "strike")
    assert c.speaker == "ministry"


def test_a_bodys_regular_update_speaks_as_the_body(extract_document):
    text = ("Operational update of the General Staff of the Armed Forces of Ukraine as of 08:00 on 5 June 2024\n\n"
            "We do not coordinate our targets with foreign partners.\n")
    c = _one(extract_document(text), "cooperation")
    assert (c.speaker_country, c.attribution, c.official) == ("Ukraine", "author", True)


def test_a_readout_marker_over_a_line_attributing_it_speaks_as_the_one_named(extract_document):
    text = ("Secretary Rubio's Call with Norwegian Foreign Minister Eide\nREADOUT\nOFFICE OF THE SPOKESPERSON\n"
            "March 3, 2025\n\nThe below is attributable to Spokesperson Tammy Bruce:\n\n"
            "Secretary Rubio and Foreign Minister Eide agreed to deepen cooperation on Arctic security.\n")
    c = _one(extract_document(text), "cooperation")
    assert c.speaker == "Tammy Bruce"


def test_a_statement_of_a_bodys_leaders_or_ministers_speaks_as_the_body(extract_document):
    text = ("NATO Defence Ministers' Statement on the missile strikes on Odesa\n14 June 2024\n\n"
            "We condemn the strikes on the port of Odesa.\n")
    c = _one(extract_document(text), "strike")
    assert (c.speaker, c.official) == ("NATO", True)


def test_a_release_issued_by_a_spokesman_speaks_as_the_spokesman(extract_document):
    text = ("Press Release issued by the Foreign Ministry Spokesman on the missile test conducted by Armenia, 3 May 2019\n\n"
            "Reacting to the test, the Spokesman of the Foreign Ministry said that it was a matter of deep concern. "
            "We were informed about the test only a day before it took place.\n\n"
            "The Spokesman recalled that the two sides had agreed to notify each other of such tests well in advance.\n")
    claims = extract_document(text, source="Azerbaijan Ministry of Foreign Affairs")
    told = next(c for c in claims if c.topic == "notification" and c.sentence.startswith("We were"))
    assert (told.speaker, told.speaker_org, told.attribution) == (
        "Foreign Ministry Spokesman", "Azerbaijan Ministry of Foreign Affairs", "author"), (told.speaker, told.speaker_org)
    # the release telling of its spokesman in the third person reports him
    recalled = next(c for c in claims if c.sentence.startswith("The Spokesman recalled"))
    assert (recalled.speaker, recalled.attribution) == ("Foreign Ministry Spokesman", "reported")


def test_an_act_told_in_the_speakers_own_phrase_yields_to_what_the_speaker_says(extract):
    c = _one(extract("The truce would come into effect at midnight, said Amr, whose country had brokered it."), "cooperation")
    assert (c.trigger, c.speaker) == ("truce", "Amr"), (c.trigger, c.speaker)


def test_an_act_a_measure_is_there_to_prevent_has_not_happened(extract):
    claims = extract("The Greek military keeps a telephone line to the Turkish command in Izmir to avoid clashes with "
                     "Turkish aircraft over the Aegean.")
    _none(claims, "strike")
    _one(claims, "cooperation")
    _none(extract("The two countries launched a mechanism on Friday to avert accidental clashes in the air."), "strike")
    # the act that prevents is one; so is one to be prevented and answered
    assert _one(extract("Turkish jets struck the depot to prevent further attacks on the border posts."), "strike").trigger == "struck"
    _one(extract("The task force is there to prevent and respond to future attacks by the militia on shipping."), "strike")
    # a prevention that failed or was not made: the act happened
    _one(extract("The air defences failed to avert the strike on the depot."), "strike")
    # a kind of act an accord is about
    _none(extract("Kazakhstan has accused Kyrgyzstan of violating the agreement on missile tests."), "strike")


def test_a_quote_in_a_report_another_speaker_makes_is_that_speakers_statement(extract):
    c = _one(extract('Blinken emphasised that India and Pakistan "need to re-establish direct communication to avoid '
                     'miscalculation", State Department spokesperson Tammy Bruce said.'), "cooperation")
    assert c.speaker == "Tammy Bruce", c.speaker


def test_he_is_the_subject_named_before_not_the_one_it_mentions(extract):
    text = ("Foreign Minister Tomas Novak discussed the ceasefire with his Hungarian counterpart Peter Szabo on Sunday. "
            "He said the two sides would resume joint patrols next month.")
    c = next(c for c in extract(text) if c.topic == "cooperation" and c.sentence.startswith("He said"))
    assert c.speaker == "Tomas Novak", c.speaker


def test_saying_nothing_is_no_frame(extract):
    c = _one(extract("The Turks said nothing to indicate the presence of their troops until they called twenty minutes "
                     "into the raid, when the operation was stopped."), "strike")
    assert (c.speaker, c.attribution) == ("", "author"), c.speaker


def test_possible_only_and_would_require_are_conditions(extract):
    assert _one(extract("Coordination will only be possible after a ceasefire is agreed."), "cooperation").stance == "conditional"
    assert _one(extract("Any joint operation would require a UN mandate."), "cooperation").stance == "conditional"
    # a notice regime's "in the event of a test" is no condition on the regime
    c = _one(extract("The accord obliges both sides to give advance notification in the event of a planned test."), "notification")
    assert c.stance == "acknowledge"


# Who speaks, when the text names the speaker only by a role, cites a source, uses a passive
# or an evaluative verb, or names two people (sentences of our own for each class).
SPEAKER_CASES = [
    # a role and the body it serves, written as the body's role
    ("A spokeswoman for the Danish foreign ministry told reporters that Copenhagen had been informed in advance.",
     "notification", "Danish foreign ministry spokeswoman", True),
    ("Three European diplomats said there had been no coordination with Tehran.", "cooperation", "European diplomats", True),
    # passive attribution
    ("The advance notice was confirmed by the ministry's spokesman on Tuesday.", "notification", "ministry's spokesman", True),
    # a report citing or quoting a source gives the claim to the source
    ("The Guardian reported, citing two officials familiar with the plan, that London had warned Paris before the raid.",
     "notification", "officials familiar with the plan", True),
    ("The agency said, quoting a deputy defence minister, that Moscow had notified the Americans through the hotline.",
     "notification", "deputy defence minister", True),
    ("The paper quoted a senior army officer as saying that the jets had struck a radar site.",
     "strike", "senior army officer", True),
    ("The Iranians informed us in advance, one official said, the broadcaster reported.", "notification", "official", True),
    # evaluative verbs, a stance named through a complement, a participle reporting for its subject
    ("Foreign Ministry spokesman Lin Tao denounced the airstrikes on the port.", "strike", "Lin Tao", True),
    ("Prime Minister Olav Dahl called the bombing raid a grave mistake.", "strike", "Olav Dahl", True),
    ("The rebel commander issued a warning on Sunday, saying that his fighters would attack the convoy.",
     "strike", "rebel commander", None),
    # a relative clause reports on the strike it hangs off
    ("The press secretary denied any involvement in the attack, which local officials have blamed on the army.",
     "strike", "local officials", True),
    # an outlet is whom officials tell, not a party notified
    ("Iraqi officials told Reuters that Baghdad had received a message warning that an attack was imminent.",
     "strike", "Iraqi officials", True),
    # the allegation's source speaks for what it alleges, whichever word the parser hangs the clause on
    ("First, I want to address allegations from the Malian junta that French aircraft struck a wedding party in the "
     "central region of Mopti last week.", "strike", "Malian junta", True),
    # outlets of a country are no officials of it
    ("German outlets reported that Berlin had been told of the raid in advance.", "notification", "German outlets", False),
]


@pytest.mark.parametrize(("text", "topic", "speaker", "official"), SPEAKER_CASES)
def test_speakers_named_by_role_source_passive_or_verb(extract, text, topic, speaker, official):
    claim = _one(extract(text), topic)
    assert claim.speaker == speaker, (claim.speaker, claim.cue)
    assert claim.attribution == "reported"
    if official is not None:
        assert claim.official is official


def test_two_people_speaking_together_and_two_speakers_in_one_sentence(extract):
    claim = _one(extract("President Anna Weber and Prime Minister Piet Smit confirmed the strikes on the radar sites."), "strike")
    assert claim.speaker == "Anna Weber and Piet Smit"
    claims = extract("The press secretary denied any involvement in the attack, which local officials have blamed on the army.")
    assert _one(claims, "cooperation").speaker == "press secretary"
    assert not [c for c in extract("Iraqi officials told Reuters that Baghdad had been warned.") if c.counterpart == "Reuters"]


def test_an_outlet_named_after_a_place_is_no_issuer(extract):
    claim = _one(extract("The navy conducted two airstrikes on the harbour.", source="The Lisbon Times"), "strike")
    assert (claim.speaker, claim.official, claim.attribution) == ("", False, "author")
    claim = _one(extract("The navy conducted two airstrikes on the harbour.", source="Ministry of Defence of Portugal"), "strike")
    assert claim.official and claim.attribution == "author"


MORE_SPEAKER_CASES = [
    # an inverted attribution after a comma
    ("The cabinet has authorised the army to strike targets across the border, announced government spokesperson Karl Brandt.",
     "strike", "Karl Brandt", True),
    # statements made by taking responsibility or withholding details
    ("The militant group has taken responsibility for the drone attacks on the oil fields.", "strike", "militant group", False),
    ("The general did not offer any casualty figures from the strikes.", "strike", "general", True),
    # sources described as official speak officially
    ("The two armies held talks on the border today, official sources have said.", "cooperation", "official sources", True),
    # an adjunct right after the reported clause closes it, wherever the parser hangs it
    ("Army chief Omar Haddad told a senate committee that Jordan informed Syria after the Jordanian Air Force struck nine "
     "smuggling bases in Syria.", "strike", "Omar Haddad", True),
    # warned "about" the strikes is no strike still to come: the telling reports a past event
    ("A senior official told Channel Nine that the prime minister had not been warned ahead of time about the raids.",
     "notification", "senior official", True),
]


@pytest.mark.parametrize(("text", "topic", "speaker", "official"), MORE_SPEAKER_CASES)
def test_inverted_and_implicit_statements_have_their_speaker(extract, text, topic, speaker, official):
    claim = _one(extract(text), topic)
    assert (claim.speaker, claim.official) == (speaker, official)


def test_the_statement_is_the_one_who_spoke_last_and_it_was_quoted(extract):
    claims = extract("The Lithuanian Defence Ministry said on Monday that its jets had been scrambled. "
                     "The troops are there to provide training and security assistance to the national army, said the statement.")
    assert _one(claims, "cooperation").speaker == "Lithuanian Defence Ministry"
    claims = extract("The Turkish Defence Ministry issued a statement on Friday. "
                     "It was quoted as saying that Moscow had failed to notify Ankara of the convoy.")
    claim = _one(claims, "notification")
    assert (claim.speaker, claim.stance) == ("Turkish Defence Ministry", "deny")


def test_a_trailing_attribution_taken_for_a_complement_is_still_the_speaker(extract):
    # (the parser hangs ", the army said, adding that ..." on the notice verb as what it reports)
    claims = extract("Greece informed Albania in advance of its artillery strikes on smuggling camps near the border on "
                     "Friday, the Greek Defence Ministry said on Saturday, adding that the two countries' armies remained "
                     "in close contact.")
    notice = _one(claims, "notification")
    assert (notice.stance, notice.speaker, notice.agent, notice.counterpart) == (
        "acknowledge", "Greek Defence Ministry", "Greece", "Albania")
    assert _one(claims, "strike").speaker == "Greek Defence Ministry"


def test_readiness_of_what_an_act_hits_is_no_condition_on_the_act(extract):
    c = _one(extract("On Sunday, coalition forces conducted three strikes against Houthi cruise missiles that were "
                     "prepared to launch into the Gulf of Aden."), "strike")
    assert c.stance == "acknowledge", c.cue
    # (readiness of the one who acts still is: "we are prepared to strike again")
    assert _one(extract("The navy said it was prepared to strike the launch sites again."), "strike").stance == "conditional"


def test_a_bare_coalition_is_the_one_the_document_named(extract):
    text = ("The Saudi-led coalition said on Monday that the drones had been launched from the north. "
            '"We did not coordinate our response with anyone," a coalition spokesman said.')
    c = _one(extract(text), "cooperation")
    assert (c.speaker, c.speaker_org) == ("Saudi-led Coalition spokesman", "Saudi-led Coalition")
    # with no other coalition named, the dictionary's own
    c = _one(extract('"We did not coordinate with the Russians," a coalition spokesman said.'), "cooperation")
    assert c.speaker_org == "Combined Joint Task Force – Operation Inherent Resolve"


def test_the_ministry_is_the_one_the_sentence_before_cited(extract):
    text = ("The Greek Foreign Ministry said on Friday that the minister had returned from Brussels. "
            "According to the Cypriot Defence Ministry, Petrou said the visit had gone well. "
            "Nicosia backs the joint air patrols over the island, the ministry said.")
    assert _one(extract(text), "cooperation").speaker == "Cypriot Defence Ministry"
    # cited two sentences before, it no longer stands before the one that spoke
    text = text.replace("gone well.", "gone well. He flew home on Sunday.")
    assert _one(extract(text), "cooperation").speaker == "Greek Foreign Ministry"


def test_hostilities_named_by_their_kind_are_strikes(extract):
    _one(extract("The army launched an offensive to retake the two villages, the ministry said."), "strike")
    _one(extract("Two soldiers were killed when their post came under fire from across the border."), "strike")
    _one(extract("The drone was downed by air defences over the bay, the military said."), "strike")
    _none(extract("The company's shares were downed by weak sales on Monday."), "strike")
    _none(extract("Higher costs could sink the deal, the minister said."), "strike")


def test_strikes_and_cooperation_without_their_usual_words(extract):
    claims = extract("British jets struck two depots near the border overnight. This was a purely British mission.")
    assert len([c for c in claims if c.topic == "strike"]) == 2
    claims = extract("Our aircraft hit the launch sites on Tuesday. We acted decisively last night.")
    assert len([c for c in claims if c.topic == "strike"]) == 2
    _one(extract("The downing of the aircraft was a grave provocation, the ministry said."), "strike")
    assert _one(extract("Our forces will take no part in that offensive, the minister said."), "cooperation").stance == "deny"
    assert _one(extract("Washington does not back the planned incursion, the spokesman said."), "cooperation").stance == "deny"
    _one(extract("We acted on intelligence provided by our partners, the general said."), "cooperation")


def test_an_outer_speaker_names_the_we_and_the_one_declining_evades(extract):
    claim = _one(extract("We would welcome a dialogue with Moscow on these issues, the minister said."), "cooperation")
    assert (claim.speaker, claim.stance) == ("minister", "conditional")
    claim = _one(extract("The spokesman declined to comment on the ministry's claim that Ankara had been notified."), "notification")
    assert (claim.speaker, claim.stance) == ("spokesman", "evade")


def test_the_outlets_voice_beside_a_speaker_it_reports(extract):
    claims = extract("The hotline has become a coordination channel in all but name, even as the spokesman insists "
                     "there is no coordination.")
    coop = sorted((c.stance, c.speaker) for c in claims if c.topic == "cooperation")
    assert coop == [("acknowledge", ""), ("deny", "spokesman")]
    # one voice, two triggers: one claim
    claims = extract("The ministry said it had informed Washington and that there was no coordination with the coalition.")
    assert len([c for c in claims if c.topic == "cooperation"]) == 1


def test_the_issuer_of_a_release_from_its_title_or_from_label(extract_document, extract):
    text = ("Ministry of Defence\nNews story\n\nNavy jets strike militant depots in Yemen\n\n"
            "From: Ministry of Defence and The Rt Hon Michael Fallon MP\n\n"
            "Royal Navy aircraft struck two militant depots near the coast overnight.\n")
    claim = _one(extract_document(text), "strike")
    # the country of the issuer is not the country where the strikes were
    assert (claim.speaker, claim.official, claim.attribution) == ("United Kingdom Ministry of Defence", True, "author")
    claim = _one(extract("India informed Pakistan only after the projectile had landed.",
                         title="Press Release - Ministry of Foreign Affairs, Pakistan"), "notification")
    assert (claim.speaker, claim.official, claim.stance) == ("Pakistan Ministry of Foreign Affairs", True, "deny")


def test_people_and_bodies_keep_what_the_text_said_of_them(extract):
    # a surname the tagger may read as a noun, after the full name and role
    claims = extract('State Department spokesman Ned Price told reporters on Monday that the review was under way. '
                     '"Security cooperation with the kingdom is not a blank check," Price said.')
    claim = _one(claims, "cooperation")
    assert (claim.speaker, claim.official) == ("Ned Price", True)
    # "she" is the spokeswoman the text introduced, role and all
    claims = extract("A spokeswoman for the Turkish defence ministry, Deniz Ayhan, said the jets had returned safely. "
                     "She declined to say how much advance warning Damascus had been given.")
    claim = _one(claims, "notification")
    assert (claim.speaker, claim.official, claim.stance) == ("Deniz Ayhan", True, "evade")
    # "its defence ministry": the ministry of the state named before
    claims = extract("Turkey launched a wave of air strikes on Kurdish-held areas on Sunday. "
                     "Its defence ministry insisted that the other militaries had been told in advance.")
    assert _one(claims, "notification").speaker == "Turkey Ministry of Defence"
    # a capital speaks for its government, even when the recogniser takes it for a person
    claim = _one(extract("Before this, Baku accused the Armenian army of shelling its positions."), "strike")
    assert (claim.speaker, claim.official, claim.speaker_org) == ("Baku", True, "Azerbaijan Government")
    # a body whose name holds "media" still speaks officially through its spokesman
    claim = _one(extract("Iraqi Security Media Cell spokesman Yahia Rasool said the army had struck the militants."), "strike")
    assert claim.official


def test_answers_labelled_by_surname_after_questions(extract_document):
    from .test_structure import SURNAME_EXCERPT

    claims = extract_document(SURNAME_EXCERPT)
    assert [(c.topic, c.stance, c.speaker, c.speaker_role, c.attribution) for c in claims] == [
        ("notification", "acknowledge", "Harold P. Whitcombe III", "Secretary of Defense", "transcript"),
        ("cooperation", "deny", "Harold P. Whitcombe III", "Secretary of Defense", "transcript"),
        ("notification", "acknowledge", "Dana Ortiz", "Pentagon Press Secretary", "transcript"),
    ]
    assert all(c.official for c in claims)
    questions = [SURNAME_EXCERPT.index(q) for q in ("Minsk beforehand", "Any coordination", "Vilnius warned")]
    assert not [c for c in claims if any(c.start_char <= q < c.end_char for q in questions)]
    assert not any(c.sentence.startswith("Whitcombe") for c in claims)  # the label is no part of the sentence


def test_dotted_q_and_a_and_unlabelled_answers_speak_for_the_briefer(extract_document):
    text = ("Press Briefing by Foreign Ministry Spokesperson Anna Berg\n\n"
            "Q. Did the navy notify the coastguard before the exercise?\n\nA. The coastguard was notified on Monday.\n\n"
            "Q: Is there coordination with the neighbouring navies?\nWe coordinate closely with them every week.\n")
    claims = extract_document(text)
    assert [(c.topic, c.stance, c.speaker, c.attribution) for c in claims] == [
        ("notification", "acknowledge", "Anna Berg", "transcript"),
        ("cooperation", "acknowledge", "Anna Berg", "transcript"),
    ]
    assert not claims[0].sentence.startswith("A.")


@pytest.mark.parametrize("text,speaker,role", [
    ("Pentagon spokesman Capt. Jeff Carrow said there was no coordination with Russia.", "Jeff Carrow", "Pentagon spokesman Capt."),
    ("Lt. Col. Ann Moss said coalition jets struck two bridges.", "Ann Moss", "Lt. Col."),
    ("US envoy Amb. Linda Reed said there had been no advance notice.", "Linda Reed", "US envoy Amb."),
    ("Military spokesman Brig. Gen. Omar Haddad said the strikes were coordinated with Iraqi forces.", "Omar Haddad", "Military spokesman Brig. Gen."),
])
def test_a_title_abbreviation_does_not_end_the_sentence(nlp, text, speaker, role):
    doc = nlp(text)
    assert len(list(doc.sents)) == 1, [s.text for s in doc.sents]
    assert doc._.claims and all((c.speaker, c.speaker_role) == (speaker, role) for c in doc._.claims)


def test_a_title_abbreviation_at_a_line_end_or_before_a_lower_case_word(nlp):
    doc = nlp("He was promoted to Capt. in May. Then he left.\nThe unit was led by a Sgt.\nNobody was told.")
    assert [s.text.strip() for s in doc.sents] == [
        "He was promoted to Capt. in May.", "Then he left.", "The unit was led by a Sgt.", "Nobody was told."]


def test_no_sentence_starts_inside_a_name_after_a_dateline(nlp):
    # the parser alone cuts "Vladimir | Putin held talks ..." after a heading and a dateline line
    doc = nlp("Russian-Turkish talks\nOctober 22, 2019, Sochi\n\nVladimir Putin held talks with President Erdogan.")
    assert "Vladimir Putin held talks with President Erdogan." in [s.text.strip() for s in doc.sents]
    # a line break still starts a sentence between two names
    doc = nlp("Reporting by Anna Berg\nMoscow Bureau")
    assert [s.text.strip() for s in doc.sents] == ["Reporting by Anna Berg", "Moscow Bureau"]


def test_an_answer_whose_speaker_is_not_named_speaks_for_the_source(extract):
    text = ("Background briefing on the patrols\n\nQ. Was the coastguard notified before the exercise?\n\n"
            "A. The coastguard was notified on Monday.\n")
    c = _one(extract(text, source="U.S. Department of Defense"), "notification")
    assert (c.speaker, c.official, c.attribution) == ("U.S. Department of Defense", True, "transcript")
    c = _one(extract(text), "notification")  # no source: nobody known
    assert (c.speaker, c.official) == ("", False)


# Cooperation beyond its usual words, class by class (issue 12). Each case: the sentence and the
# stance of its one cooperation claim, or None when it holds none (another sense of the word).
COOPERATION_CLASSES = [
    # talks, calls and contacts between officials of two states
    ("Senior commanders of the two armies held talks at the border crossing on Tuesday.", "acknowledge"),
    ("The admiral held phone negotiations with his Chinese counterpart.", "acknowledge"),
    ("The two defence ministers had a frank exchange of views in Jakarta.", "acknowledge"),
    ("Hanoi and Manila maintained diplomatic communication throughout the standoff.", "acknowledge"),
    ("The envoy dialled the Iranian foreign minister late on Friday.", "acknowledge"),
    ("The general gave a talk on leadership at the military academy.", None),
    # agreements, ceasefires and their mediation
    ("Both armies agreed to pull their troops back from the ridge.", "acknowledge"),
    ("The ceasefire brokered by Qatar came into effect at midnight.", "acknowledge"),
    ("Kenya said Somalia had violated the security deal with Nairobi.", "deny"),
    ("I agree that the strike was a serious escalation of the war.", None),
    # support and help given to a party
    ("The militia captured the town with the support of the Turkish army.", "acknowledge"),
    ("Western instructors helped Ukrainian units plan the river crossing.", "acknowledge"),
    ("She will attend the meeting of NATO defence ministers in Brussels.", None),
    # arms, equipment and intelligence given to a party
    ("Tehran has supplied the rebels with attack drones.", "acknowledge"),
    ("Seoul denied that it had sent artillery shells to Kyiv.", "deny"),
    ("There have been no weapons shipments from Beijing to Moscow, the official said.", "deny"),
    ("The rocket force sent a missile into the Pacific during a test launch.", None),
    ("The depots used by the militia were destroyed overnight.", None),
    # a strike carried out by two states together
    ("U.S., British and French planes targeted air-defence sites for a second night.", "acknowledge"),
    ("The Indian and Pakistani armies shelled each other's positions overnight.", None),
    ("Israeli jets struck Iranian radar sites on Friday.", None),
    # backing, requests, permission, basing and overflight, attendance, multinational frames
    ("Tehran is backing the rebels in the north.", "acknowledge"),
    ("Moscow launched its air campaign at the request of the Syrian government.", "acknowledge"),
    ("There has been no request from Washington for more troops, the minister said.", "deny"),
    ("Kazakhstan granted the alliance limited overflight and basing rights.", "acknowledge"),
    ("Hungary attended the consultation meeting in Vienna.", "acknowledge"),
    ("The minister will attend the meeting of the cabinet on Monday.", None),
    ("Washington is setting up a multinational naval force in the Gulf.", "acknowledge"),
    ("We remain in close contact with our Gulf partners.", "acknowledge"),
    # quantities of materiel, purchases, authorisations, requests, asking a party for help, consulting
    ("Minsk is quietly supplying Moscow with a large number of artillery shells.", "acknowledge"),
    ("Hanoi bought two frigates and a batch of missiles from New Delhi.", "acknowledge"),
    ("The government has authorised Kyiv to use the donated rockets against targets across the border.", "acknowledge"),
    ("Ankara approved a U.S. request for overflights on Monday.", "acknowledge"),
    ("The Libyan government asked Egypt for military assistance in July.", "acknowledge"),
    ("Kyiv did not consult with Berlin before the incursion, the chancellor told reporters.", "deny"),
    ("We will not allow any disruption to the lives of our citizens.", None),
    ("The minister discussed the crisis with his Greek counterpart.", "acknowledge"),
    ("The cabinet met on Friday to discuss the situation in Lebanon.", None),
    # hyphenated frames, talks resumed by two capitals, joining named in the passive
    ("Karimov would grant the United States limited fly-over and basing privileges.", "acknowledge"),
    ("Washington is building a multi-national maritime effort in the Gulf.", "acknowledge"),
    ("Back-channel talks keep happening with many countries, a source said.", "acknowledge"),
    ("Manila and Beijing resumed talks to ease tensions at the shoal.", "acknowledge"),
    ("The patrols will be joined by Norway and Spain, the minister said.", "acknowledge"),
    # taking part in another's action, as a passive; not a thing that involves, nor those involved
    ("Paris was not involved in the raid on the port, the minister said.", "deny"),
    ("British officers were closely involved in the planning of the offensive.", "acknowledge"),
    ("The exercise involved the launch of two cruise missiles.", None),
    # a conversation with the press is an interview, not a contact between states
    ("In a conversation with Reuters, the general said his troops had opened fire on the convoy.", None),
    ("The two ministers speak to reporters in Tashkent after their talks on the air corridor.", "acknowledge"),
    # naming is no phone call ("what officials called ...")
    ("Chilean forces began what officials called limited ground operations inside Peru.", None),
    ("The pilots involved in the bombing have been grounded.", None),
    # intelligence sharing and its pause
    ("Officials say Washington has paused the flow of intelligence to Kyiv.", "deny"),
    ("The pause in intelligence sharing with Kyiv will last a week.", "deny"),
    # meetings and conversations in a military sentence, not a body's own session
    ("The defence chiefs held a second meeting on border security on Tuesday.", "acknowledge"),
    ("Moscow asked for an emergency meeting of the Security Council on the strikes.", None),
    ("The board meeting on the military budget was postponed.", None),
    # other senses: a press conference held jointly, one's own framework, support for a principle, an audience
    ("The two leaders took questions at a joint news conference in Ankara.", None),
    ("Greek jets were scrambled twice as part of NATO's air policing mission.", None),
    ("Egypt and Jordan will not take part in the offensive.", "deny"),
    ("Washington supports Iraqi sovereignty, the spokesman said.", None),
    ("Speaking to Al Jazeera TV, the spokesman said more attacks would follow.", None),
]


@pytest.mark.parametrize("text,stance", COOPERATION_CLASSES)
def test_cooperation_classes(extract, text, stance):
    claims = extract(text)
    if stance is None:
        _none(claims, "cooperation")
    else:
        assert _one(claims, "cooperation").stance == stance


def test_the_one_supplied_is_the_counterpart(extract):
    c = _one(extract("Seoul denied that it had sent artillery shells to Kyiv."), "cooperation")
    assert (c.agent, c.counterpart) == ("South Korea", "Ukraine")
    c = _one(extract("Washington will provide Kyiv with intelligence on Russian air defences."), "cooperation")
    assert (c.agent, c.counterpart) == ("United States", "Ukraine")


def test_a_joint_strike_has_the_two_states_as_parties(extract):
    c = _one(extract("The United States and Britain did not strike the depots on Sunday."), "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "United States", "United Kingdom")


def test_bodies_groups_and_speakers_after_a_quote(extract):
    # a body named by its kind alone is that of the state the text speaks of
    claims = extract("Afghanistan summoned the envoy on Tuesday. The foreign ministry said Pakistani jets had bombed two villages.")
    assert _one(claims, "strike").speaker == "Afghanistan Ministry of Foreign Affairs"
    # conjoined modifiers stay with the group
    claim = _one(extract("US and Israeli officials told Axios that Israel notified Central Command ahead of the strikes."),
                 "notification")
    assert claim.speaker == "US and Israeli officials"
    # a speaker after a quote the parser read into it
    claim = _one(extract('"Five children were killed and a man wounded in rocket attacks on the district," '
                         "provincial director of information Ahmad Zia told AFP."), "strike")
    assert claim.speaker == "Ahmad Zia"
    # "the officials" who spoke in a sentence without a claim
    claims = extract("US officials said the talks had stalled. "
                     "The officials also told the network that the army had struck the ship.")
    assert _one(claims, "strike").speaker == "US officials"


def test_a_joint_statement_is_its_governments(extract):
    text = ("Joint Statement from Australia, Canada, the United Kingdom and the United States\n\n"
            "Yesterday our militaries conducted strikes against radar sites.")
    claim = _one(extract(text), "strike")
    assert (claim.speaker, claim.official, claim.attribution) == (
        "Governments of Australia, Canada, the United Kingdom and the United States", True, "author")
    # a title too long for a heading, after the body's own name, opens with the release marker all the same
    text = ("Ministry of Defence\n"
            "Joint Statement from Canada, Denmark, Norway, and United States on Additional Strikes Against the Militants "
            "in Yemen\nYesterday our militaries conducted further strikes against radar sites.")
    assert {c.speaker for c in extract(text)} == {"Governments of Canada, Denmark, Norway, and United States"}
    claim = _one(extract("Our three countries will hold joint drills in the region next month.",
                         source="Governments of the United States, Japan and the Republic of Korea (via Example News)"),
                 "cooperation")
    assert claim.speaker == "Governments of the United States, Japan and the Republic of Korea"
    # "the minister" is the foreign minister named before, "the secretary" is not the press secretary
    claims = extract("Foreign Minister Anna Berg arrived in Riga on Monday. "
                     "There is no coordination with the coalition, the minister said.")
    assert _one(claims, "cooperation").speaker == "Anna Berg"


def test_trailing_attributions_the_parser_breaks(extract):
    # the speaker hangs on the noun before the comma; the verb is left without a subject
    claim = _one(extract("Allied jets carried out an airstrike against militants in the south of the valley, "
                         "Africa Command said on Friday."), "strike")
    assert claim.speaker == "Africa Command" and claim.official
    # a dateline subject is not the speaker of a trailing attribution
    claim = _one(extract("New Delhi: Senior commanders of the two armies met today for the tenth time, official sources have said."),
                 "cooperation")
    assert claim.speaker == "official sources"
    # nor a dateline of a place and its region, without a date ("TARTU, Tartu County – ")
    for text in ("TARTU, Tartu County \u2013 The Estonian defence ministry confirmed on Monday that it had coordinated the "
                 "patrol with the Latvian navy.",
                 "NARVA, Ida-Viru County -- The Estonian defence ministry confirmed on Monday that it had coordinated the "
                 "patrol with the Latvian navy."):
        claim = _one(extract(text), "cooperation")
        assert claim.speaker == "Estonian defence ministry", text
    # a press service speaks for its body
    claim = _one(extract("The two militaries have signed a memorandum on air safety over the sea, "
                         "the press service of the Estonian defence ministry said in a statement."), "cooperation")
    assert claim.speaker == "Estonian defence ministry"
    # ", but X declined" is a clause, not an attribution
    claims = extract("We proposed that both sides exchange information on the militants, but Washington has declined, "
                     "Maria Zakharova said.")
    assert _one(claims, "cooperation").speaker == "Maria Zakharova"


def test_a_speech_or_briefing_heading_names_its_speaker(extract_document):
    text = ("Press conference\n\nby NATO Secretary General Jens Stoltenberg following a meeting of the council\n\n"
            "Good afternoon.\n\nWe just held a meeting of the NATO-Russia Council.\n")
    claim = _one(extract_document(text), "cooperation")
    assert claim.speaker == "Jens Stoltenberg" and claim.official
    text = ("Ministry of Foreign Affairs of Pakistan\n\nTranscript of the Weekly Media Briefing by the Spokesperson\n\n"
            "Our armed forces responded decisively, shooting down three fighter aircraft.\n")
    claim = _one(extract_document(text), "strike")
    assert (claim.speaker, claim.speaker_org, claim.official) == ("Spokesperson", "Pakistan Ministry of Foreign Affairs", True)
    # a reporter's byline is no speaker
    text = "Jets strike depots near the border\n\nBy Anna Smith\n\nJets struck two depots near the border on Monday.\n"
    assert _one(extract_document(text), "strike").speaker == ""


def test_a_scene_set_around_a_statement_is_the_outlets(extract):
    claim = _one(extract("Shortly after the strike, the agency's spokesman tweeted that the talks would go on."), "strike")
    assert (claim.speaker, claim.attribution) == ("", "author")
    claim = _one(extract("UN peacekeepers urged calm on Friday, following the most intense airstrikes in a year."), "strike")
    assert claim.speaker == ""
    # (also where the parser reads "following" as a verb)
    claim = _one(extract("UN peacekeepers in Lebanon urged immediate de-escalation on Friday, following Israel's most "
                         "intense airstrikes in a year."), "strike")
    assert (claim.speaker, claim.attribution) == ("", "author")
    # what the speaker says stays theirs
    claim = _one(extract("The spokesman said the airstrikes had hit two depots."), "strike")
    assert claim.speaker == "spokesman"


def test_split_roles_and_surnames_after_an_article(extract):
    claim = _one(extract('"Five children were killed in rocket attacks in the district," '
                         "provincial director of information Ahmad Zia Karimi told AFP."), "strike")
    assert (claim.speaker, claim.official) == ("Ahmad Zia Karimi", True)
    claims = extract("Army spokesman Colonel Khalid Al-Harbi spoke to reporters in the capital on Monday. "
                     '"The attack against the depot was an attack on all of us," Harbi said.')
    assert _one(claims, "strike").speaker == "Khalid Al-Harbi"


def test_a_bare_spokesman_speaks_for_the_body_the_text_is_about(extract):
    claims = extract("The Estonian Defence Forces said on Monday that two drones had crossed the border. "
                     "Allied jets were scrambled but did not open fire, a spokesman said.")
    claim = [c for c in claims if c.sentence.startswith("Allied")][0]
    assert claim.speaker.endswith("spokesman") and claim.official
    # officials stay as the text names them
    claim = _one(extract("Israeli officials said the strikes had hit two depots."), "strike")
    assert claim.speaker == "Israeli officials"


def test_the_official_is_the_one_described_before_and_lies_belong_to_those_who_call_them(extract):
    claims = extract("A senior U.S. defense official described the talks on Tuesday. The talks will resume next week. "
                     "Washington was told about the strikes an hour in advance, the official said.")
    assert _one(claims, "notification").speaker == "senior U.S. defense official"
    # a claim its sentence calls a lie is not its source's statement
    claim = _one(extract("The statements of the Ministry of Defence of Azerbaijan that the Armenian side started the "
                         "shelling are an absolute lie."), "strike")
    assert (claim.speaker, claim.stance) == ("", "deny")
    claims = extract("Neither Syria nor Iran immediately acknowledged the attack on the convoy.")
    assert _one(claims, "strike").speaker == "Syria and Iran"
    _none(claims, "cooperation")  # those who speak of a strike did not carry it out together

def test_who_speaks_in_a_relative_clause_is_the_one_it_qualifies(extract):
    claims = extract("The notice to Riga was later confirmed by the ministry's chief spokeswoman, who said it had "
                     "arrived shortly before the first strikes.")
    assert _one(claims, "strike").speaker == "ministry's chief spokeswoman"
    claims = extract("The raid was condemned by Lithuanian President Gitanas Nauseda, who said the strikes had hit a school.")
    assert _one(claims, "strike").speaker == "Gitanas Nauseda"


def test_a_post_named_further_on_is_the_person_holding_it(extract):
    text = ("The frigate was warned twice before the drone was downed, a Coastal Guard commander said on Friday.\n\n"
            "Ilmar Tamm, head of the Coastal Guard's air wing, told state radio the warnings were clear.")
    claim = [c for c in extract(text) if c.topic == "notification"][0]
    assert claim.speaker == "Ilmar Tamm"
    # an anonymous official stays anonymous
    text = ("The frigate was warned twice before the drone was downed, an Estonian official said on Friday.\n\n"
            "Ilmar Tamm, the Coastal Guard's head, told state radio the talks would go on.")
    assert [c for c in extract(text) if c.topic == "notification"][0].speaker == "Estonian official"


def test_a_name_beside_a_role_is_a_person_though_the_recogniser_says_organisation(extract):
    for text in ("Latvia's envoy to the OSCE, Vassily Nebenzia, accused Vilnius of coordinating the drills with Warsaw.",
                 "The leader of the breakaway region, Arvo Kask, alleged that Vilnius had coordinated the drills with "
                 "Warsaw."):
        assert _one(extract(text), "cooperation").speaker.endswith(("Nebenzia", "Kask")), text
    # a body set beside a role stays a body
    claim = _one(extract("The ministry's press service, TASS, said Vilnius had coordinated the drills with Warsaw."),
                 "cooperation")
    assert claim.speaker != "TASS"


def test_the_official_is_the_person_named_with_the_role_before(extract):
    for text in ("Defence official Tomas Varga briefed journalists on the drills. "
                 "The official said Warsaw had been notified of the drills in advance.",
                 "Tomas Varga, a senior defence official, briefed journalists on the drills. "
                 "According to the official, Warsaw had been notified of the drills in advance."):
        claim = _one(extract(text), "notification")
        assert (claim.speaker, claim.official) == ("Tomas Varga", True), text
    # an official who spoke in the sentence just before is "the official" of the next
    claims = extract("Deputy Minister Tomas Varga noted that the joint centre would open soon, as coordination "
                     "with Warsaw goes on in any case. According to the official, Prague attaches great importance "
                     "to deconfliction.")
    assert [c.speaker for c in claims if c.topic == "cooperation"] == ["Tomas Varga", "Tomas Varga"]
    # an official described without a name stays the description; a group is never one person
    claim = _one(extract("A senior defence official, speaking on Monday, described the drills. "
                         "The official said Warsaw had been notified of the drills in advance."), "notification")
    assert claim.speaker == "senior defence official"
    # "the same source" is the one described before
    claim = _one(extract('A senior Polish source, who asked not to be named, described the drills. Warsaw, according '
                         'to the same source, "was never told about the drills in advance".'), "notification")
    assert (claim.speaker, claim.official) == ("senior Polish source", True)
    claim = _one(extract("Defence officials briefed journalists on Monday, and Minister Tomas Varga spoke later. "
                         "The officials said Warsaw had been notified of the drills in advance."), "notification")
    assert claim.speaker != "Tomas Varga"



def test_a_joint_statement_named_by_the_source_is_its_states_ministers(extract):
    text = "The Ministers committed to deepen trilateral defence cooperation among the three countries."
    claim = _one(extract(text, source="Norway-Sweden-Finland Defence Ministers' Meeting joint statement (via Example News)"),
                 "cooperation")
    assert (claim.speaker, claim.official, claim.attribution) == (
        "Defence ministers of Norway, Sweden and Finland", True, "author")
    # the states a joint statement is about do not issue it
    claim = _one(extract(text, source="Joint statement on the Norway-Sweden talks (via Example News)"), "cooperation")
    assert "Norway" not in claim.speaker


def test_a_reposted_release_is_its_issuers_and_a_counterpart_is_a_role(extract):
    text = "By Jane Roe\n\nAfrica Command conducted an airstrike against militants near the town on Monday."
    claim = _one(extract(text, source="U.S. Africa Command (press release via Example News)"), "strike")
    assert (claim.speaker, claim.official, claim.attribution) == ("U.S. Africa Command", True, "author")
    claims = extract("The centre was announced by Foreign Minister Anna Berg and her Danish counterpart Ole Dam in Oslo.")
    assert not [c for c in claims if c.trigger == "counterpart"]


def test_it_said_is_the_body_that_spoke_and_the_diplomat_is_the_official_who_did(extract):
    claims = extract("The Defence Ministry of Estonia said the drones had entered from the south. "
                     "Riga was not informed in advance, it said.")
    assert _one(claims, "notification").speaker.endswith("Defence Ministry of Estonia")
    claims = extract("Foreign Ministry spokeswoman Ilse Varga said the notice had come late. "
                     "The warning was given to the peacekeepers minutes before the shelling began, the diplomat wrote.")
    assert _one(claims, "notification").speaker == "Ilse Varga"


def test_it_is_never_a_person_named_by_a_role_but_the_body_that_spoke_just_before(extract):
    claims = extract('"We told the peacekeepers an hour before the shelling began," the Latvian official told the agency. '
                     "Estonia's Defence Ministry disputed that account. "
                     "In a statement, it said the Latvian side had not shared the coordinates of its units before the shelling.")
    told = [c.speaker for c in claims if c.topic == "notification"]
    assert told == ["Latvian official", "Estonia's Defence Ministry"], told


def test_received_or_given_any_notice_is_a_notice(extract):
    claims = extract("The Estonian border guard denied that it had received any notice. ")
    assert [(c.topic, c.stance) for c in claims] == [("notification", "deny")]
    claims = extract("Tallinn said it was never given any notice.")
    assert [(c.topic, c.stance) for c in claims] == [("notification", "deny")]


def test_a_quote_an_outlet_passes_on_is_its_speakers(extract):
    claims = extract('Defence ministry spokesman Jan Novak said in a statement on Thursday, the agency reported: '
                     '"We did not give the army any targeting data for the strike."')
    assert _one(claims, "strike").speaker == "Jan Novak"


def test_a_person_named_without_a_role_speaks_officially_an_analyst_does_not(extract):
    claim = _one(extract('"We were informed an hour before the strikes," Halvorsen said.'), "notification")
    assert claim.official
    claim = _one(extract('"Nobody was informed before the strikes," said Lena Moss, an analyst at a research institute.'),
                 "notification")
    assert not claim.official


def test_a_ministry_named_by_its_capital_is_that_states_ministry(extract):
    (claim, *_) = extract("Turkish jets bombed militant positions overnight, the defence ministry in Ankara said on Sunday.")
    assert (claim.speaker_org, claim.speaker_country) == ("Turkey Ministry of Defence", "Turkey")
    (claim, *_) = extract("Moscow was informed in advance of the strikes, the foreign ministry in Moscow said.")
    assert claim.speaker_org == "Russia Ministry of Foreign Affairs"
    # troops or an embassy "in" a state are not that state's
    from nlp_tools.claims.actors import ActorDictionary

    actors = ActorDictionary.load()
    assert actors.organisation("troops in Iraq") is None
    assert actors.organisation("the U.S. embassy in Ankara").country == "United States"


def test_a_title_another_body_holds_too_is_the_named_bodys(extract):
    # the dictionary gives "Deputy Secretary-General" to the United Nations; NATO's is NATO's
    c = _one(extract('Russia had staged large drills with no advance notification "with increasing frequency," '
                     "NATO Deputy Secretary-General Mircea Geoana said."), "notification")
    assert (c.speaker_org, c.counterpart) == ("NATO", "NATO"), (c.speaker_org, c.counterpart)


def test_a_known_person_spelled_without_hyphens_is_still_known(extract):
    from nlp_tools.claims.actors import ActorDictionary

    actors = ActorDictionary.load()
    assert actors.person("Ahmed al Sharaa").name == actors.person("Ahmed al-Sharaa").name
    assert actors.person("AHMAD AL-SHARA") is not None
    # an armed group's leader, however spelled, speaks for the group: no official voice
    (claim, *_) = extract("Abdel Malek Al Houthi said his fighters had struck the tanker before dawn.")
    assert (claim.speaker_org, claim.official) == ("Houthis", False)


def test_a_strike_without_warning_or_knowledge_denies_the_notice(extract):
    c = _one(extract("The ministry condemned the raid, carried out without warning to the Lebanese government."),
             "notification")
    assert (c.stance, c.stance_cue) == ("deny", "without")
    c = _one(extract("The ministry condemned the raid, carried out without the knowledge of the Lebanese government."),
             "notification")
    assert c.stance == "deny"
    # knowledge in another sense is no notice
    _none(extract("To the best of my knowledge, no decision on the exercise has been taken, the minister said."),
          "notification")


def test_notice_qualified_by_how_much(extract):
    c = _one(extract("Officials said Ankara gave broad notice days before its artillery barrage on the border towns."),
             "notification")
    assert (c.stance, c.agent) == ("acknowledge", "Turkey")


def test_cooperation_as_standing_together_working_closely_and_dialogue(extract):
    c = _one(extract("The four navies stand together against piracy in the strait, the joint statement said."),
             "cooperation")
    assert c.stance == "acknowledge"
    c = _one(extract("Officials from both ministries committed to working closely together on maritime security."),
             "cooperation")
    assert c.stance == "acknowledge"
    c = _one(extract("The alliance remains open to meaningful dialogue on the military exercises, the spokesman said."),
             "cooperation")
    assert c.speaker == "spokesman"
    # standing still, or a dialogue in a sentence about something else, is none
    _none(extract("The soldiers stood together at the memorial."), "cooperation")
    _none(extract("The film is mostly dialogue."), "cooperation")


def test_the_answer_to_a_question_about_the_claim_decides_its_stance(extract):
    # an answer that does not address what was asked evades it
    c = _one(extract('"Our chiefs of staff keep in touch," the spokesman said, when asked if Ankara had notified Moscow '
                     'of the raid.'), "notification")
    assert (c.stance, c.stance_cue) == ("evade", "when asked")
    c = _one(extract('"We do not comment on confidential contacts," a ministry spokeswoman said when asked about '
                     'the warnings sent to Gulf states.'), "notification")
    assert c.stance == "evade"
    # a short answer is the stance
    claims = extract("Asked whether Moscow had been notified of the raid, the spokesman said it had not.")
    assert _one(claims, "notification").stance == "deny"
    assert _one(claims, "strike").stance == "acknowledge"  # the raid happened either way
    c = _one(extract("Asked whether Moscow had been notified of the raid, the spokesman said it had."), "notification")
    assert c.stance == "acknowledge"


def test_deadlines_and_no_other_are_no_denials(extract):
    c = _one(extract("Each neighbouring state will be notified no later than 30 days before the drills."),
             "notification")
    assert c.stance == "acknowledge"
    c = _one(extract("No other navy could have carried out the raid, the admiral said."), "strike")
    assert c.stance == "acknowledge"
    c = _one(extract("No airstrikes were carried out near the city, the ministry said."), "strike")
    assert c.stance == "deny"


def test_unwillingness_and_going_without_a_partners_help_deny_cooperation(extract):
    c = _one(extract("The clash stems from the obstinate unwillingness of the Greek side to coordinate with Ankara."),
             "cooperation")
    assert (c.stance, c.stance_cue) == ("deny", "unwillingness")
    c = _one(extract("The brigade carried out the evacuation without relying on French support, the colonel said."),
             "cooperation")
    assert (c.stance, c.stance_cue) == ("deny", "without")
    c = _one(extract("The two navies agreed to coordinate their patrols."), "cooperation")
    assert c.stance == "acknowledge"
    # being against an act opposes it; not being against it does not
    c = _one(extract('"We are against air strikes launched from our territory," the president said.'), "strike")
    assert (c.stance, c.stance_cue) == ("deny", "against")
    c = _one(extract("We are not against joint patrols with Tallinn, the minister said."), "cooperation")
    assert c.stance == "acknowledge"
    # ending the part taken in a cooperation ends it; confirming it does not; the strike stays
    c = _one(extract("Riga has halted its participation in the deconfliction mechanism, the ministry said."), "cooperation")
    assert c.stance == "deny"
    c = _one(extract("Riga has confirmed its participation in the deconfliction mechanism."), "cooperation")
    assert c.stance == "acknowledge"
    claims = extract("The spokeswoman denied any Latvian involvement in the explosions at the depot.")
    assert _one(claims, "strike").stance == "acknowledge"
    # a trigger written with the prefix "non-" is its own negation
    c = _one(extract("The minister stressed Chile's non-participation in the offensive against the rebels."), "cooperation")
    assert (c.stance, c.stance_cue) == ("deny", "non-")


def test_a_quote_opened_by_a_statement_after_a_colon_is_its_makers(extract):
    c = _one(extract('Prime Minister Evika Silina opened the cabinet meeting with a short statement: "We acted '
                     'decisively last night, and we coordinated nothing with anyone."'), "cooperation")
    assert (c.speaker, c.attribution) == ("Evika Silina", "direct")


def test_he_after_a_spokesman_who_just_spoke_is_that_spokesman(extract):
    text = ("Prime Minister Krisjanis Karins spoke in Riga on Sunday. The strike hit the depot overnight, a Latvian "
            "military spokesman said. Asked whether Riga had passed any warning on to Vilnius, he declined to comment.")
    assert _one(extract(text), "notification").speaker == "Latvian military spokesman"


def test_people_briefed_on_the_matter_keep_their_description(extract):
    claims = extract("The paper reported, citing three people briefed on the matter, that Warsaw had been given several "
                     "days' warning of the strikes.")
    assert _one(claims, "notification").speaker == "people briefed on the matter"


def test_a_former_or_retired_official_speaks_for_no_one(extract):
    c = _one(extract("Former defence minister Artis Pabriks said Riga had not been warned of the strikes."), "notification")
    assert (c.speaker, c.official) == ("Artis Pabriks", False)
    c = _one(extract('"Moscow kept offering joint patrols," said Ilze Kalnina, a former Latvian navy planner.'), "cooperation")
    assert c.official is False
    c = _one(extract("Defence minister Artis Pabriks said Riga had not been warned of the strikes."), "notification")
    assert c.official is True


def test_a_radio_station_is_no_official_voice(extract):
    c = _one(extract('"The two navies coordinated their patrols," said Coastal Army Radio on Tuesday.'), "cooperation")
    assert (c.speaker, c.official) == ("Coastal Army Radio", False)


def test_a_person_reporting_their_own_bodys_call_speaks_for_it(extract):
    c = _one(extract("NATO Secretary General Jens Stoltenberg spoke in Brussels on Tuesday. For that reason NATO urges "
                     "Belarus to give advance notice of its manoeuvres, he said."), "notification")
    assert c.speaker == "Jens Stoltenberg"
    # another body's statement stays that body's
    c = _one(extract("Pentagon spokesman John Kirby spoke on Monday. He said Russia denied any coordination with Iran."),
             "cooperation")
    assert c.speaker == "Russia"


def test_questions_requests_and_double_negatives_keep_their_stance(extract):
    # an answer that takes the question up gives the stance; "no comment" evades; a request is no question
    c = _one(extract("Asked whether Israel had notified Russia before the strike, Peskov said Israel had notified "
                     "Moscow an hour in advance."), "notification")
    assert c.stance == "acknowledge"
    c = _one(extract('Asked whether Israel had notified Russia, Peskov said: "No comment."'), "notification")
    assert c.stance == "evade"
    claims = extract("Turkey, asked by Washington to coordinate its strikes with the coalition, launched an offensive "
                     "against Kurdish positions.")
    assert all(c.stance != "evade" for c in claims)
    # "without" under a negation is no denial
    c = _one(extract("No exercise is held without notice to the neighbouring states, the ministry said."),
             "notification")
    assert c.stance == "acknowledge"
    c = _one(extract("Turkey will not launch any operation without coordinating with Russia."), "cooperation")
    assert c.stance == "acknowledge"
    # "no other" on the one told still denies
    c = _one(extract("No other state was informed before the launch, Tokyo said."), "notification")
    assert c.stance == "deny"


def test_everyday_togetherness_is_no_cooperation(extract):
    for text in ("Security and development go hand in hand.", "Prices rose in tandem with wages last year.",
                 "We stand together in grief with the families of the victims.", "The nation stands united in mourning.",
                 "The ministry works closely with local charities to distribute food."):
        _none(extract(text), "cooperation")


def test_not_behind_or_responsible_and_accusations_dismissed_deny_the_act(extract):
    def stance(text, topic="strike"):
        return [c.stance for c in extract(text) if c.topic == topic]

    assert stance("The ministry said its forces were not behind the rocket attacks on the depot.") == ["deny"]
    assert stance("Damascus says it is not responsible for the shelling of the border town.") == ["deny"]
    assert stance("The general dismissed the allegations about the air strikes on the market.") == ["deny"]
    # a part in another's act denied leaves the act standing
    assert stance("The White House denied any American involvement in the drone strike on the port.") == ["acknowledge"]
    # "not" hung by the parser on "at all"
    assert stance("The neighbouring state did not at all provide the rebels with intelligence for the raid, "
                  "the source said.", "cooperation") == ["deny"]


def test_briefing_phrases_that_give_nothing_evade(extract):
    c = [c for c in extract('"We are looking into the reports of a strike near the dam," the spokesman said.')
         if c.topic == "strike"]
    assert [x.stance for x in c] == ["evade"]
    c = [c for c in extract("The command said it was aware of the air strike but had no information to provide.")
         if c.topic == "strike"]
    assert [x.stance for x in c] == ["evade"]


def test_declining_in_a_clause_beside_the_claim_does_not_evade_it(extract):
    claim = _one(extract("The minister said Oslo had provided assistance to the inquiry, but he declined to discuss "
                         "specifics."), "cooperation")
    assert claim.stance == "acknowledge"
    # a sentence built on the refusal still evades
    claim = _one(extract("We are not going to be able to comment on whether Moscow was informed in advance."),
                 "notification")
    assert claim.stance == "evade"


def test_the_one_cited_or_quoted_in_a_passive_speaks_not_the_outlet(extract):
    claims = extract("Earlier, Greece's defence ministry was cited by the Kathimerini daily as saying that Turkish jets "
                     "had struck the islet. It was quoted as saying that Ankara had not notified Athens of the flights.")
    assert [c.speaker for c in claims if c.topic == "strike"] == ["Greece's defence ministry"]
    notice = [c for c in claims if c.topic == "notification"]
    assert [(c.speaker, c.stance, c.official) for c in notice] == [("Greece's defence ministry", "deny", True)]


def test_a_first_name_the_recogniser_left_out_is_taken_back_when_the_dictionary_knows_the_whole(extract):
    claims = extract("Secretary of Defense Lloyd J. Austin III said Washington had not been informed of the raid.")
    assert [(c.speaker, c.speaker_org) for c in claims if c.topic == "notification"] == [
        ("Lloyd J. Austin III", "U.S. Department of Defense")]


def test_news_in_general_is_no_speaker_and_a_states_media_are_not_its_government(extract):
    claim = _one(extract("News reports on whether Riga was warned before the raid remain unclear."), "notification")
    assert claim.speaker == ""
    claim = _one(extract("Latvian media reported that Vilnius had been informed in advance."), "notification")
    assert (claim.speaker, claim.speaker_org, claim.official) == ("Latvian media", "", False)
    claim = _one(extract("CBS News reported that Vilnius had been informed in advance."), "notification")
    assert claim.speaker == "CBS News"


def test_the_police_speak_officially(extract):
    claim = _one(extract("Two rockets hit the embassy compound late on Sunday, police said."), "strike")
    assert (claim.speaker, claim.official) == ("police", True)


def test_a_reason_cited_is_no_source(extract):
    claim = _one(extract("Oslo declined to take part in the joint operation, citing legal concerns."), "cooperation")
    assert claim.speaker == ""
    claim = _one(extract("The daily reported, citing two people briefed on the matter, that Riga had been informed "
                         "in advance."), "notification")
    assert claim.speaker == "people briefed on the matter"
    claim = _one(extract("According to the group, its fighters carried out an assault on the town."), "strike")
    assert claim.speaker == "group"


def test_a_message_received_from_someone_is_the_senders(extract):
    claims = extract('The premier\'s office said it had received a verbal message from Vilnius. "The strike will be '
                     'limited to the depots," the message said.')
    assert [c.speaker for c in claims if c.sentence.startswith('"The strike')] == ["Vilnius"]


def test_an_acronym_spelled_out_before_is_named_in_full(extract):
    claims = extract("The Maritime Security Directorate (MSD) said on Friday it had been given no notice of the "
                     "naval drill. The MSD said the strikes on the pier were unlawful.")
    assert {c.speaker for c in claims} == {"Maritime Security Directorate"}


def test_stating_after_an_issued_warning_names_the_issuer(extract):
    claims = extract('The rebel commander issued a stern warning, stating, "Any attack on our ports will be answered '
                     'with strikes on their warships."')
    assert {c.speaker for c in claims if c.topic == "strike"} == {"rebel commander"}


def test_plural_government_bodies_are_official(extract):
    claims = extract("Several Gulf governments said they had not been consulted before the air strikes.")
    assert {(c.speaker, c.official) for c in claims} == {("Gulf governments", True)}
    # a group of states speaks for states; a group of analysts does not
    claims = extract("Several countries have not confirmed their participation in the naval mission.")
    assert [(c.speaker, c.official) for c in claims] == [("countries", True)]
    claims = extract("Some analysts have not confirmed their participation in the naval mission.")
    assert [(c.speaker, c.official) for c in claims] == [("analysts", False)]


def test_an_offer_is_conditional_and_a_passive_meet_is_no_meeting(extract):
    claims = extract("The minister offered Norwegian help in facilitating talks between the two sides.")
    assert [(c.topic, c.stance) for c in claims] == [("cooperation", "conditional")]
    claims = extract("Any attack on our ships will be met with a crushing military response, the admiral said.")
    assert [(c.topic, c.stance) for c in claims] == [("strike", "conditional")]


def test_refuting_and_declining_to_attribute_are_statements(extract):
    claims = extract("The Hungarian foreign ministry refuted reports that it had coordinated the patrols with Serbia.")
    assert [(c.speaker, c.stance) for c in claims if c.topic == "cooperation"] == [("Hungarian foreign ministry", "deny")]
    claims = extract("Spokesman Piotr Nowak declined to attribute the drone strikes to Minsk.")
    assert [(c.speaker, c.stance) for c in claims if c.topic == "strike"] == [("Piotr Nowak", "evade")]


def test_a_subject_hung_on_the_auxiliary_still_speaks(extract):
    claims = extract("The Chilean navy has, for the first time, confirmed its participation in the joint patrols with Peru.")
    c = next(c for c in claims if c.topic == "cooperation")
    assert (c.speaker, c.official, c.agent_country) == ("Chilean navy", True, "Chile")


def test_a_state_that_expects_or_raises_concerns_states_a_position(extract):
    claims = extract("Argentina expects Chile to notify it before the next missile launch.")
    assert {(c.topic, c.speaker) for c in claims} >= {("notification", "Argentina")}
    claims = extract("Lima has raised concerns about Quito helping Bogota in the offensive.")
    assert [c.speaker for c in claims if c.topic == "cooperation"] == ["Lima"]
    claims = extract("The Bolivian army did not provide comment on the strike.")
    assert [(c.speaker, c.stance) for c in claims] == [("Bolivian army", "evade")]


def test_a_report_of_a_report_is_the_outer_speakers_statement(extract):
    claims = extract("Farmers reported heavy damage from the Chilean airstrikes, the Peruvian Defence Ministry said on Tuesday.")
    assert [(c.speaker, c.official) for c in claims] == [("Peruvian Defence Ministry", True)]
    # an outlet passes its source's statement on
    claims = extract("Estonia has also said it was given advance warning of the strike, Estonian newspaper Postimees reported.")
    assert {c.speaker for c in claims} == {"Estonia"}


def test_the_one_told_is_not_the_speaker(extract):
    claims = extract("Sources said the envoys were told that Lima had notified Quito before the strikes.")
    assert {(c.topic, c.speaker) for c in claims} == {("notification", "Sources"), ("strike", "Sources")}


def test_denying_the_allegations_or_most_of_the_attacks_denies_them(extract):
    assert _stances(extract, "Peru denied on Monday Chilean claims that it had coordinated the raids with Bolivia.", "cooperation") == ["deny"]
    assert _stances(extract, "Lima strongly rebutted Santiago's allegations of firing rockets at border posts.", "strike") == ["deny"]
    assert _stances(extract, "Bolivia has denied most of the reported drone attacks.", "strike") == ["deny"]
    # the claims rejected "as false", wherever the parser hangs them
    assert _stances(extract, "Lima rejected as false the allegation that it had coordinated the raids with La Paz.",
                   "cooperation") == ["deny"]
    assert _stances(extract, "Lima dismissed as baseless claims that La Paz had been warned before the raids.",
                   "notification") == ["deny"]
    # a quantified subject of a negated verb denies nothing about the strikes themselves
    assert _stances(extract, "Most of these strikes were not pre-planned, the colonel said.", "strike") == ["acknowledge"]


def test_nor_and_never_phrases_deny(extract):
    assert _stances(extract, "Chile was not involved, nor did it coordinate or assist Peru with the airstrikes, the ministry said.",
                   "cooperation") == ["deny"]
    assert _stances(extract, "At no time did Chile notify Peru of the exercise.", "notification") == ["deny"]
    assert _stances(extract, "Under no circumstances will we coordinate with the junta, the minister said.", "cooperation") == ["deny"]
    assert _stances(extract, "In no case have we offered any assistance to the rebels, the minister said.", "cooperation") == ["deny"]
    # an offer or proposal the other side turned down in the clause beside it
    assert _stances(extract, "Ankara kept offering joint patrols, and Athens kept saying no.", "cooperation") == ["deny"]
    assert _stances(extract, "We proposed to Vienna that we exchange radar data, but the Austrians have declined, the minister said.",
                   "cooperation") == ["deny"]
    assert _stances(extract, "We proposed to Vienna that we exchange radar data, and the Austrians agreed, the minister said.",
                   "cooperation") == ["acknowledge"]
    # what a thing does not amount to is denied
    assert _stances(extract, "The minister said a call minutes before the raid did not amount to coordination.", "cooperation") == ["deny"]
    # "in no time" is quickly, no negation
    assert _stances(extract, "The rebels were routed in no time by the joint patrols, the army said.", "cooperation") == ["acknowledge"]


def test_ending_the_contacts_or_aid_denies_cooperation(extract):
    claims = extract("Chile suspended military aid to Peru, the official said.")
    assert [(c.topic, c.stance, c.agent, c.counterpart) for c in claims] == [("cooperation", "deny", "Chile", "Peru")]
    # the dealings ended under an agreement end it; the agreement honoured by halting a fight does not
    claim = _one(extract("Lima said it had suspended all interactions with Santiago within the framework of the "
                         "memorandum on air safety."), "cooperation")
    assert claim.stance == "deny"
    claim = _one(extract("Lima said it had halted its offensive under the ceasefire agreement with Santiago."),
                 "cooperation")
    assert claim.stance == "acknowledge"


def test_a_pause_in_cooperation_denies_it_but_acting_in_cooperation_does_not(extract):
    assert _one(extract("The adviser confirmed the pause in cooperation with Kyiv."), "cooperation").stance == "deny"
    assert _one(extract("They acted in cooperation with the Danish navy."), "cooperation").stance == "acknowledge"


def test_not_yet_having_done_it_denies_it(extract):
    c = _one(extract("Helsinki has yet to notify its neighbours of the exercise, the Estonian ministry said."), "notification")
    assert (c.stance, c.counterpart) == ("deny", "its neighbours")  # (not "its neighbours of the exercise")
    c = _one(extract("Helsinki notified its neighbours of the exercise, the Estonian ministry said."), "notification")
    assert c.stance == "acknowledge"


def test_leaving_an_arrangement_denies_it_from_then_on(extract):
    assert _one(extract("Hungary withdrew from the deconfliction arrangement in March, the ministry said."),
                "cooperation").stance == "deny"
    assert _one(extract("Slovakia pulled out of the joint patrols last week, officials said."), "cooperation").stance == "deny"
    # nor does being removed from it, the particle parsed apart or not
    for text in ("Their frigates were taken off the joint patrol rota, the Estonian ministry said.",
                 "Minsk was excluded from the joint exercise, officials said."):
        assert _one(extract(text), "cooperation").stance == "deny", text
    # ("took out" destroys: no leaving)
    assert _one(extract("Coalition jets took out the joint command post of the militias."), "cooperation").stance != "deny"
    # not having left it is no denial
    assert _one(extract("Slovakia has not pulled out of the joint patrols, officials said."), "cooperation").stance != "deny"


def test_a_notice_confirmed_later_was_not_given_later(extract):
    claims = extract("Peru warned Chile an hour before the raid, a Chilean paper reported. "
                     "The warning was later confirmed by the defence ministry's spokeswoman.")
    confirmed = [c for c in claims if c.topic == "notification" and "confirmed" in c.sentence]
    assert len(confirmed) == 1 and confirmed[0].stance == "acknowledge"
    assert (confirmed[0].agent, confirmed[0].counterpart) == ("Peru", "Chile")  # the one who gave it, not who confirmed it


def test_any_act_spoken_of_in_a_plain_clause_is_hypothetical(extract):
    assert _stances(extract, "We told the envoy that any attack on Peru will have serious consequences.") == [("strike", "conditional")]
    assert _stances(extract, "Any strike on our territory will be answered, the general said.") == [("strike", "conditional")]
    # negated, denied or asked about, "any" is no condition
    assert _stances(extract, "Chile did not carry out any strikes, the minister said.") == [("strike", "deny")]
    assert _stances(extract, "Peru denied any coordination with Chile.") == [("cooperation", "deny")]


def test_going_somewhere_is_not_going_into_it(extract):
    claims = extract("A Peruvian warship won't be going to the area despite a call from Chile for joint patrols.")
    assert [c.topic for c in claims] == ["cooperation"] and claims[0].stance != "evade"
    assert _stances(extract, "I won't go into the details of the coordination with Peru.") == [("cooperation", "evade")]
    assert _stances(extract, "I'm not going to get ahead of the investigation into the strike on the depot.") == [("strike", "evade")]


def test_mentioning_is_a_statement(extract):
    claims = extract("Tomas Varga, an analyst in Lima, mentioned that Peruvian jets had struck the depot.")
    assert [(c.speaker, c.official) for c in claims] == [("Tomas Varga", False)]


def test_an_outlet_the_recogniser_took_for_a_person_is_not_official(extract):
    claims = extract("According to Al Mayadeen, the strikes hit port facilities near the airport.")
    assert [(c.speaker, c.official) for c in claims] == [("Al Mayadeen", False)]
    claims = extract("China’s People’s Daily said that Chinese jets had struck the island.")  # typographic apostrophes
    assert [c.official for c in claims] == [False]


def test_british_spellings_are_the_same_words(extract):
    def claims_of(text):
        return [(c.topic, c.stance, c.counterpart_country) for c in extract(text)]
    assert claims_of("There was no co-ordination with Lima, the spokesman said.") == [("cooperation", "deny", "Peru")]
    assert claims_of("Chile will co-operate with Peru on the patrols, the minister said.") == [
        ("cooperation", "acknowledge", "Peru")]
    assert claims_of("Co-operation with the Peruvian navy has never been closer, the admiral said.")[0][:2] == (
        "cooperation", "acknowledge")


def test_targeting_information_given_is_cooperation_not_a_strike(extract):
    claims = extract("The Chilean general said the fusion centre was not providing targeting information to Peru.")
    assert [(c.topic, c.stance) for c in claims] == [("cooperation", "deny")]


def test_contact_capabilities_and_a_decision_to_strike(extract):
    claims = extract("Lima said the Chilean navy didn't contact the Peruvian military over the incident.")
    assert [(c.topic, c.stance) for c in claims] == [("cooperation", "deny")]
    claims = extract("The British government announced that it would provide Estonia with anti-aircraft capabilities.")
    assert [(c.topic, c.counterpart_country) for c in claims] == [("cooperation", "Estonia")]
    claims = extract("We were not involved in the Peruvian decision to strike the ship, the Chilean minister said.")
    assert ("cooperation", "deny") in [(c.topic, c.stance) for c in claims]


def _topics(extract, text):
    return [c.topic for c in extract(text)]


def test_invasion_sabotage_explosions_and_hostile_fire_are_strikes(extract):
    def topics(text):
        return _topics(extract, text)
    assert topics("The ministry said the Peruvian troops came under hostile fire near the border on Tuesday.") == ["strike"]
    assert topics("The Chilean army said the invasion of the border province began at dawn.") == ["strike"]
    assert topics("The militants carried out acts of sabotage against the army's depots, the ministry said.") == ["strike"]
    assert topics("The military said two soldiers died in the explosions at the depot.") == ["strike"]
    # without anything military around them, no strike
    assert topics("The invasion of tourists filled the old town every summer.") == []


def test_fire_opened_come_under_or_returned_however_described(extract):
    assert _topics(extract, "Border units opened heavy machine-gun fire at the Georgian posts overnight.") == ["strike"]
    assert _topics(extract, "The convoy came under the insurgents' fire near the pass, the ministry said.") == ["strike"]
    assert _topics(extract, "The patrol returned fire and withdrew, the army said.") == ["strike"]
    assert _topics(extract, "A fire broke out in the kitchen of the barracks on Sunday.") == []


def test_a_typographic_apostrophe_negates_as_a_straight_one(extract):
    assert [(c.topic, c.stance) for c in extract("In this case Chile didn\u2019t inform Peru ahead of time.")] == [
        ("notification", "deny")]
    assert [(c.topic, c.stance) for c in extract("Chile doesn\u2019t coordinate with Peru, the minister said.")] == [
        ("cooperation", "deny")]


def test_told_a_panel_that_is_a_statement_even_parsed_as_a_relative_clause(extract):
    claims = extract("External Affairs Minister S Kumar on Monday told a parliamentary panel that India informed Pakistan "
                     "after the Indian Armed Forces struck nine terror bases on May 7.")
    c = next(c for c in claims if c.topic == "notification")
    assert (c.speaker, c.stance, c.agent_country, c.counterpart_country) == ("S Kumar", "deny", "India", "Pakistan")


def test_informing_the_press_and_speculating_are_statements(extract):
    claims = extract("Peruvian and Chilean military officials continue negotiations to improve the deconfliction "
                     "mechanism, a Chilean diplomatic source informed TASS.")
    assert [c.speaker for c in claims] == ["Chilean diplomatic source"]
    claims = extract("The official also speculated that the minister may not have received the warning before the strike.")
    assert {c.speaker for c in claims} == {"official"}


def test_two_speakers_the_second_named_by_a_role_and_a_name(extract):
    claims = extract("President Gabriel Boric and his Peruvian counterpart Dina Boluarte said on Monday they had agreed "
                     "to create joint patrols.")
    assert [c.speaker for c in claims] == ["Gabriel Boric and Dina Boluarte"]


def test_taking_to_social_media_to_say_is_the_subjects_statement(extract):
    claims = extract("The Chilean minister responded on Tuesday, taking to X to say that Chile had not coordinated "
                     "the strikes with Peru.")
    assert {(c.speaker, c.official) for c in claims} == {("Chilean minister", True)}


RUNNING_QUOTE = (
    "BAKU, March 13, 2018 (Caspian Wire) - Large exercises began in the west of the country on Monday.\n\n"
    "Thousands of troops and hundreds of vehicles took part, officials said.\n\n"
    "Ministry spokesman Farid Aliyev said the neighbour's forces broke their commitments: \u201cTheir drills near "
    "the line are a serious threat to regional peace.\n\n"
    "    Yerevan gives no information about the troops deployed in the occupied districts. These units are "
    "hidden from the inspections required under the Vienna Document.\n\n"
    "    We call on the OSCE to respond.\u201d\n\n"
    "The exercises are due to end on Friday.\n"
)


def test_a_quote_running_over_paragraphs_to_its_closing_mark_keeps_its_speaker(nlp):
    from nlp_tools.extract import extract_claims
    from nlp_tools.readers import document_from_text

    document = document_from_text(RUNNING_QUOTE, doc_id="baku", kind="txt", meta={})
    for fast in (True, False):  # the same on the fast path, which parses only candidate passages
        ((_, claims),) = list(extract_claims(nlp, [document], fast=fast))
        running = [c for c in claims if c.sentence.startswith("Yerevan gives no information")]
        assert running and all(c.speaker == "Farid Aliyev" and c.attribution == "direct" for c in running), (
            fast, [(c.topic, c.speaker, c.attribution) for c in claims])
    # a quote left open that no later paragraph closes stops at its paragraph's end
    open_only = RUNNING_QUOTE.replace("respond.\u201d", "respond.")
    ((_, claims),) = list(extract_claims(nlp, [document_from_text(open_only, doc_id="b", kind="txt", meta={})]))
    assert all(c.attribution != "direct" for c in claims if c.sentence.startswith("Yerevan gives no information"))


def test_a_speaker_named_by_role_and_later_by_name_is_the_person(extract):
    text = ("The Revolutionary Guards commander said Iran had sent two warnings before the drone was downed. "
            '"Twice we sent warnings," Hajizadeh said.')
    assert {c.speaker for c in extract(text)} == {"Amir Ali Hajizadeh"}
    # not another job of the same name: the secretary is not the press secretary
    text = ("The Secretary has said the talks with Moscow will go on. "
            "Pentagon Press Secretary Peter Cook said the strikes near Raqqa were coordinated with Ankara.")
    assert {c.sentence[:4]: c.speaker for c in extract(text)} == {"The ": "Secretary", "Pent": "Peter Cook"}
    # a post told only by its state is the one of that state the text names next in that post
    lede = "Syrian jets have flown over French outposts almost daily in breach of the deconfliction deal, a French commander said. "
    named = ('"It is a tense situation," Gen. Marc Aubry, a commander for the French Army, told the radio. ', "Aubry")
    other = ('"It is a tense situation," Kurdish commander Rezan Ali told the radio. ', "French commander")
    for follow, speaker in (named, other):
        assert _one(extract(lede + follow), "cooperation").speaker.endswith(speaker), follow
    # a definite post with its own qualifier: the person named next with it
    text = ("Turkish and Russian officers have stepped up their contacts over Idlib, said the top Air Force general in "
            "the region. Lt. Gen. Kemal Ozturk, the commander of the Air Force, told reporters the talks were useful.")
    assert _one(extract(text), "cooperation").speaker == "Kemal Ozturk"


def test_an_abbreviated_military_rank_speaks_officially(extract):
    c = _one(extract("Lt. Gen. Dana Whitcombe told reporters that the Russians no longer answer the hotline."), "cooperation")
    assert c.speaker == "Dana Whitcombe" and c.official
    c = _one(extract("Dr. Dana Whitcombe told reporters that the Russians no longer answer the hotline."), "cooperation")
    assert not c.official


def test_he_after_an_unnamed_source_is_the_source(extract):
    text = ("ANKARA, May 3. Turkish and Iraqi officers continue talks on a hotline for the border area, a Turkish "
            "military source told the agency on Monday.\n"
            '"We have had an understanding with Baghdad for years. The talks between the two general staffs go on. '
            'We expect them to finish soon," he said.')
    assert [c.speaker for c in extract(text)] == ["Turkish military source"] * 2


def test_a_quote_over_sentences_attributed_by_according_to(extract):
    text = ("Defence Secretary Jane Hollis spoke with her Greek counterpart on Tuesday.\n"
            '"Secretary Hollis reaffirmed her commitment to joint patrols. They also discussed ongoing coordination of '
            'air defence," according to the ministry\'s readout of the call.')
    quoted = [c for c in extract(text) if c.sentence.startswith(('"', "They"))]
    assert len(quoted) == 2 and {(c.speaker, c.attribution) for c in quoted} == {("ministry", "direct")}


def test_his_spokesman_speaks_for_a_person_not_for_a_plural_body(extract):
    text = "The minister stressed that the two armies must coordinate their patrols, his spokesman said on Friday."
    assert _one(extract(text), "cooperation").speaker == "minister's spokesman"


def test_a_states_mission_to_a_regional_body_issues_its_statements(extract):
    text = ("Canada Mission to the OSCE\nStatement at the Forum for Security Co-operation\n"
            "We note that Russia gave no prior notification of the exercise near the border.")
    c = _one(extract(text), "notification")
    assert (c.speaker, c.attribution, c.official, c.speaker_country) == ("Canada Mission to the OSCE", "author", True, "Canada")


def test_a_notice_of_what_came_after_an_act_is_no_notification(extract):
    text = "On March 30, the command was notified about the results of an internal assessment of the strike."
    assert not [c for c in extract(text) if c.topic == "notification"]
    # a notice of the act itself still is one, whatever date opens the sentence
    text = "On March 30, the command notified Baghdad of the strike an hour in advance."
    assert _one(extract(text), "notification").counterpart == "Iraq"


def test_a_bare_plural_role_refers_back_to_the_group_named_before(extract_document):
    text = ("US officials told Reuters that Washington gave Kyiv intelligence before the strike on the cruiser.\n\n"
            "Officials also told The New York Times that US intelligence was key to the strike on the ship.\n")
    assert [c.speaker for c in extract_document(text) if c.topic == "strike"][-1] == "US officials"


def test_a_plural_owners_apostrophe_keeps_the_owner_in_the_speakers_name(extract_document):
    text = ("The Chinese Foreign Ministry on Monday said it would allow the resupply of the outpost if it is informed "
            "beforehand.\n\nBut the Philippines’ Department of Foreign Affairs said it had never agreed to prior "
            "notification during talks with Chinese officials.\n")
    c = extract_document(text)[-1]
    assert (c.speaker_org, c.speaker_country) == ("Philippines Ministry of Foreign Affairs", "Philippines")


def test_he_in_a_relative_clause_is_the_person_the_sentence_has_speak(extract):
    text = ("Chad's President Idriss Deby said several soldiers died in the attack which he said was carried out by "
            "extremists based across the border.")
    assert (_one(extract(text), "strike").speaker, _one(extract(text), "strike").attribution) == ("Idriss Deby", "reported")
    # not a person named inside what the pronoun's own verb reports
    text = ('Press secretary Jane Roe spoke first. Dorn "proposed support for direct talks between the two armies", '
            "she said.")
    assert [c.speaker for c in extract(text) if "proposed" in c.sentence] == ["Jane Roe"]


def test_a_quoted_paragraph_after_an_according_to_quote_keeps_its_source(extract):
    text = ("Defence Secretary Jane Hollis spoke with her Greek counterpart on Tuesday.\n\n"
            '"They discussed the threats posed by militias in the region," according to the ministry\'s readout of '
            "the call.\n\n"
            '"Secretary Hollis reaffirmed her commitment to joint air patrols."')
    c = [c for c in extract(text) if "joint air patrols" in c.sentence]
    assert [(x.speaker, x.attribution) for x in c] == [("ministry", "direct")]


def test_a_person_and_an_unmarked_role_after_the_name_are_one_speaker(extract):
    text = ("Transport minister Huw Pennant said the government had informed the opposition.\n\n"
            "Lord Whitley the foreign secretary has said the fresh airstrikes against militant targets were intended "
            "to send a clear message.")
    assert [(c.speaker, c.official) for c in extract(text) if c.topic == "strike"] == [("Whitley", True)]


def test_having_no_information_and_holding_back_blame_evade(extract):
    text = '"The command is aware of the strike, but does not have information to provide on this," a spokesman said.'
    assert _one(extract(text), "strike").stance == "evade"
    text = "The ministry said it would wait for the results of the investigation before apportioning blame for the attack."
    assert _one(extract(text), "strike").stance == "evade"
    # information that was had is no evasion
    text = "The command said it had information that the strike hit a depot."
    assert _one(extract(text), "strike").stance == "acknowledge"


def test_a_photo_caption_holds_no_claim(extract):
    for text in ("Smoke rises after airstrikes on a warehouse in the port, Sunday, Aug. 7, 2022.",
                 "A rescue team inspects a house hit by a rocket fired from across the border, on May 20, 2021.",
                 # (a caption the tagger reads without a verb)
                 "The frigate HDMS Iver Huitfeldt sails alongside the Dutch frigate Tromp in the Red Sea, Feb. 3, 2024."):
        assert extract(text) == [], text
    # a statement dated the same way still is one
    claims = extract("Latvia carries out airstrikes on the depot, the army says, Sunday, Aug. 7, 2022.")
    assert _one(claims, "strike").speaker == "army"


def test_taking_part_in_a_strike_a_pronoun_refers_back_to(extract):
    claims = extract('Jets struck a fuel depot near the port overnight. "I can tell you that Canada was not involved '
                     'in it," the minister said.')
    c = _one(claims, "cooperation")
    assert (c.stance, c.agent) == ("deny", "Canada")
    assert _one(extract("Jets struck a fuel depot near the port overnight. The spokesman said Britain played no role "
                        "in it."), "cooperation").stance == "deny"
    # without a strike before, "it" is no act to take part in
    _none(extract("The minister said it was involved in a dispute over fuel prices."), "cooperation")
    _none(extract("Jets struck a fuel depot near the port overnight. The minister said it was involved in a dispute "
                  "over fuel prices."), "cooperation")


def test_being_supportive_of_a_military_action_is_cooperation(extract):
    c = _one(extract("The minister said Tehran was supportive of Israel's attack on the base."), "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("acknowledge", "Iran", "Israel")
    _none(extract("The minister said the public was supportive of the new budget."), "cooperation")


def test_having_nothing_to_do_with_a_strike_denies_taking_part(extract):
    c = _one(extract("Paris had nothing to do with Israel's strike on the port, the minister said."), "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "France", "Israel")
    c = _one(extract("Washington did not have anything to do with the raid, the spokesman said."), "cooperation")
    assert c.stance == "deny"
    _none(extract("The minister said the decision had nothing to do with the budget."), "cooperation")
    # taking part in the strike the same sentence tells, by a pronoun
    c = _one(extract("We had no advance notice of that strike, and we were not involved in it in any way."),
             "cooperation")
    assert c.stance == "deny"


def test_standing_with_a_partner_and_no_part_in_a_shootdown_are_cooperation(extract):
    c = _one(extract('"We stand with our Latvian ally," the Estonian defence minister said.'), "cooperation")
    assert (c.stance, c.counterpart) == ("acknowledge", "Latvia")
    c = _one(extract("Estonian aircraft had taken no part in the shootdown, the spokesman said."), "cooperation")
    assert c.stance == "deny"
    _none(extract("The minister said he would stand by his decision."), "cooperation")


def test_munitions_dropped_are_a_strike_and_leaflets_are_not(extract):
    c = _one(extract("Aircraft including long-range bombers flown from the United States dropped more than 40 precision "
                     "munitions on command centres, the command said."), "strike")
    assert c.agent == "United States" and "command centres" in c.counterpart  # (aircraft a state's the phrase names)
    assert _one(extract("Israeli jets dropped bombs on a building in the southern suburbs overnight."), "strike")
    _none(extract("The army dropped leaflets over the town urging civilians to move south."), "strike")


def test_an_outlet_that_carries_a_statement_is_not_its_speaker(extract):
    c = _one(extract("In a statement carried by the state news agency WAM, the UAE foreign ministry said it had not "
                     "been consulted before the raids."), "notification")
    assert (c.speaker, c.official) == ("UAE foreign ministry", True)


def test_lies_and_disinformation_about_an_act_deny_it(extract):
    c = _one(extract("The ministry condemned the daily disinformation about the alleged Georgian shelling of the "
                     "villages."), "strike")
    assert c.stance == "deny"
    c = _one(extract("The spokesman said these were lies about our role in the raid on the port."), "cooperation")
    assert c.stance == "deny"


def test_a_condition_with_no_main_clause_is_conditional(extract):
    c = _one(extract("That is, if Hanoi informs Beijing in advance about the patrols."), "notification")
    assert c.stance == "conditional"
    # the premise of a main clause still tells what happened
    c = _one(extract("If we struck the wrong position, we regret it, the spokesman said."), "strike")
    assert c.stance == "acknowledge"


def test_a_press_service_and_the_body_named_earlier_in_the_sentence_speak_for_that_body(extract):
    c = _one(extract("The Russian Defense Ministry has informed the US side about the planned exercise, the ministry's "
                     "press service said on Thursday."), "notification")
    assert (c.speaker, c.speaker_org, c.official) == ("Russian Defense Ministry", "Russia Ministry of Defence", True)
    c = _one(extract("The Kenyan defence ministry has informed Somalia of the raids, the ministry said."), "notification")
    assert c.speaker_org == "Kenya Ministry of Defence"
    claims = extract('The Latvian navy said it had tracked the ship. "The Russian side was notified in advance," the '
                     'press service said.')
    assert _one(claims, "notification").official


def test_a_release_named_by_its_body_a_joint_statement_and_an_attributable_readout(extract_document):
    claim = _one(extract_document("IDF Statement: Strike on Hezbollah Infrastructure\n\nOvernight, IDF fighter jets "
                                  "struck weapons storage sites in southern Lebanon.\n"), "strike")
    assert (claim.speaker, claim.official, claim.attribution) == ("Israel Defense Forces", True, "author")
    claim = _one(extract_document("Joint Statement by the Defence Ministers of Estonia, Latvia and Lithuania\n\n"
                                  "We call on Belarus to provide advance notification of its large-scale exercises.\n"),
                 "notification")
    assert claim.speaker == "Defence ministers of Estonia, Latvia and Lithuania" and claim.official
    text = ("Secretary Blinken's Call with Turkish Foreign Minister Fidan\n\n"
            "The below is attributable to Spokesperson Matthew Miller:\n\n"
            "The Secretary and the Foreign Minister discussed the coordination of their militaries in Syria.\n")
    claim = _one(extract_document(text), "cooperation")
    assert (claim.speaker, claim.speaker_org, claim.attribution) == ("Matthew Miller", "U.S. Department of State", "author")


def test_a_partys_operation_one_stays_out_of_is_a_strike_told_too(extract):
    claims = extract("Washington was not involved in Israel's operation, the spokesman said.")
    assert _one(claims, "cooperation").stance == "deny"
    strike = _one(claims, "strike")
    assert (strike.stance, strike.agent) == ("acknowledge", "Israel")
    # one's own operation is no one else's to take part in
    _none(extract("The minister said the rescue teams were involved in the operation to free the hostages."), "strike")


def test_hyphenated_words_of_the_lexicon_match_as_the_tokenizer_splits_them(extract):
    # a lexicon phrase written with hyphens ("roof-knocking", "anti-terrorist|counter-terrorism operation")
    # matches the words the tokenizer makes of it, the hyphen apart
    c = _one(extract("The Tunisian army launched local anti-terrorist operations in the Chaambi mountains."), "strike")
    assert c.trigger == "anti-terrorist operations"
    _one(extract("Residents said the army used roof-knocking before the raid on the building."), "notification")
    # the American "cease-fire" is one word, as "ceasefire" is
    assert _one(extract("The cease-fire came into effect at midnight, the ministry said."), "cooperation").trigger == "cease-fire"
    # a no-fly zone is no notice; a "no-" word is no negation
    _none(extract("The alliance enforced a no-fly zone over the north for months."), "notification")
    c = _one(extract("The navy declared no-sail zones east of the island ahead of the missile launch."), "notification")
    assert c.stance == "acknowledge"
    # "no-one" is one word and a negation, and names no party
    c = _one(extract('"No-one informed us before the raid," the Nepali minister said.'), "notification")
    assert (c.stance, c.agent) == ("deny", "")
    # hostilities a notice was timed against are a strike claim too
    claims = extract("The information was passed to the monitors minutes before the start of hostilities, the envoy said.")
    assert _one(claims, "strike").stance == "acknowledge"


def test_a_word_written_with_alternatives_in_a_plain_phrase_list_gives_one_phrase_each():
    from nlp_tools.claims.lexicon import TopicRules, find_phrase

    timing = TopicRules.load().timing  # ("hours before|after")
    assert ("hours", "after") in timing and ("hours", "before") in timing
    assert find_phrase("the notice came two hours after the launch".split(), timing)[1] == ("hours", "after")


def test_a_notice_given_to_us_in_a_clause_set_against_a_referral(extract):
    # "given to us" (the parser's dative) names the one told; a referral in the clause before "but"
    # does not reach the clause after it
    text = ("I'd refer you to the defence ministry for the operational details, but my understanding is that "
            "there was no warning given to us, the Latvian spokesman said.")
    c = _one(extract(text), "notification")
    assert (c.stance, c.counterpart) == ("deny", "Latvia"), (c.stance, c.counterpart)
    # the referral alone still evades
    c = _one(extract("I'd refer you to the defence ministry on whether a warning was given to us, the Latvian "
                     "spokesman said."), "notification")
    assert c.stance == "evade"


def test_an_act_that_only_dates_the_sentence_yields_to_the_one_it_quotes(extract):
    # "after Friday's raids" dates the accusation; the quoted strikes are the minister's claim
    c = _one(extract('Meanwhile, Defence Minister Florence Parly after Friday\'s raids accused Moscow of "stoking the fire" '
                     'in Syria, as it appeared "the strikes were in areas where there were no militants."'), "strike")
    assert (c.speaker, c.official, c.trigger) == ("Florence Parly", True, "strikes"), (c.speaker, c.trigger)


def test_the_state_us_is_a_speaker_not_the_pronoun_us(extract):
    # a speech clause inside an adjunct: the US says it, whatever the main clause narrates
    c = _one(extract("The exercise began two days after the US said it had shot down a drone over the gulf."), "strike")
    assert (c.speaker, c.attribution, c.official) == ("US", "reported", True)
    c = _one(extract("The envoy was recalled on Friday, soon after the US accused Syria of involvement in the "
                     "bombing."), "strike")
    assert (c.speaker, c.attribution) == ("US", "reported")


def test_a_body_named_by_its_kind_in_its_own_release_is_the_issuer_not_its_spokesman(extract_document):
    text = ("Ministry of Defence of the Russian Federation\nPress release\n\nMOSCOW, 3 March 2016.\n\n"
            "Officers of the ministry spoke to journalists about the United States Department of Defense.\n\n"
            "The Ministry of Defence regrets that the American side still refuses to exchange data on targets.\n")
    (c,) = [c for c in extract_document(text) if "regrets" in c.sentence]
    assert (c.speaker, c.attribution) == ("Russia Ministry of Defence", "author")


def test_a_naming_verb_with_a_quoted_name_beside_its_object_is_speech(extract):
    c = _one(extract('The Turkish army called its raid on the convoy "legitimate self-defence," adding that it had '
                     'warned the Russian side beforehand.'), "strike")
    assert (c.speaker, c.attribution) == ("Turkish army", "reported")
    # (calling someone is no statement)
    c = _one(extract("The minister called his counterpart, Sergei Lavrov, after the strike on the depot."), "strike")
    assert c.attribution == "author"


def test_the_operation_of_an_accord_or_a_channel_is_no_military_operation(extract):
    claims = extract("The US struck the airbase with cruise missiles on Friday. Moscow is therefore suspending the "
                     "operation of the 2015 memorandum with Washington on air safety.")
    assert [c.trigger for c in claims if c.topic == "strike"] == ["struck"]
    # (an operation of forces still is one)
    claims = extract("The US struck the airbase with cruise missiles on Friday. The operation of the coalition "
                     "against the militants went on for weeks.")
    assert [c.trigger for c in claims if c.topic == "strike"] == ["struck", "operation"]


def test_a_refusal_for_as_long_as_something_lasts_is_conditional(extract):
    assert _stances(extract, "Ankara will not coordinate with Moscow while it arms the militia, the minister said.",
                    "cooperation") == ["conditional"]
    # (a time, not a condition: "while" on what will be done)
    assert _stances(extract, "The minister will consult the allies on joint patrols while she is in Brussels.",
                    "cooperation") == ["acknowledge"]
    # resolve to do something is not having done it
    assert _stances(extract, "Both navies are determined to coordinate their patrols more closely.",
                    "cooperation") == ["conditional"]


def test_no_updates_on_what_was_asked_is_an_evasion(extract):
    assert _stances(extract, "I don't have any updates for you on the coordination with Moscow.",
                    "cooperation") == ["evade"]
    assert _stances(extract, "We do not have an update on whether the Russians were notified before the raid.",
                    "notification") == ["evade"]
    assert _stances(extract, "We have no updates on the joint patrols with the Turkish army.", "cooperation") == ["evade"]


def test_readiness_named_by_a_noun_is_conditional(extract):
    assert _stances(extract, "The minister stressed Ankara's readiness to cooperate with Moscow on the corridor.",
                    "cooperation") == ["conditional"]
    assert _stances(extract, "He reiterated Washington's willingness to share intelligence with the Iraqi army.",
                    "cooperation") == ["conditional"]


def test_a_notice_the_parser_reads_as_a_kind_of_minutes_is_still_a_notice(extract):
    claims = extract("Sanaa had received a warning minutes before the aircraft struck.")
    assert [c.topic for c in claims] == ["notification", "strike"]
    # (a modifier of a thing stays no event: "attack helicopters")
    assert extract("The army bought new attack helicopters this year.") == []


def test_what_tells_who_the_speaker_is_holds_no_claim(extract):
    claims = extract("The agency reported, citing two officials familiar with the talks, that Tehran had warned "
                     "Baghdad ahead of the missile attack.")
    assert sorted(c.topic for c in claims) == ["notification", "strike"]
    claims = extract("Diplomats involved in the negotiations said Moscow had been informed of the exercise.")
    assert [c.topic for c in claims] == ["notification"]
    # (a clause on the source says what the source says)
    claims = extract("The paper cited security sources who denied reports that Cairo had warned Israel before the attack.")
    assert "notification" in {c.topic for c in claims}


def test_a_false_claim_of_a_notice_leaves_the_act_it_was_about(extract):
    claims = extract("The claim that Jordan had warned Israel of the attack is baseless, a palace official told AFP.")
    assert {c.topic: c.stance for c in claims} == {"notification": "deny", "strike": "acknowledge"}
    # (a false claim of the act itself denies it)
    assert _stances(extract, "Claims that coalition jets struck the hospital are false.", "strike") == ["deny"]


def test_a_rejected_claim_is_the_rejecters_denial_and_its_named_sources_statement(extract):
    claims = extract("Baku rejected Yerevan's assertion that Turkish F-16s had bombed Armenian positions.")
    assert sorted((c.speaker, c.stance) for c in claims if c.topic == "strike") == [
        ("Baku", "deny"), ("Yerevan", "acknowledge")]
    claims = extract("Israel denied a claim from Senator Dana Whitfield that Egyptian intelligence had warned Israel "
                     "before the attack.")
    assert sorted((c.speaker, c.stance) for c in claims if c.topic == "notification") == [
        ("Dana Whitfield", "acknowledge"), ("Israel", "deny")]
    # (reports of no one named: the rejecter's denial alone)
    claims = extract("The Kremlin dismissed reports that it had coordinated the raid with Tehran.")
    assert [(c.speaker, c.stance) for c in claims if c.topic == "cooperation"] == [("Kremlin", "deny")]


def test_the_other_party_of_a_readout_call_does_not_issue_it(extract_document):
    text = ("Readout of the Minister's Call with the Egyptian Foreign Minister\n\nThe Minister spoke today with his "
            "Egyptian counterpart about the situation in Gaza. The two ministers agreed to coordinate their "
            "humanitarian efforts.\n")
    assert {c.speaker_org for c in extract_document(text)} == {""}


def test_the_secretary_is_not_the_press_secretary_who_spoke_last(extract):
    claims = extract("Pentagon Press Secretary Lina Park told reporters the talks had gone well. The Secretary said "
                     "later that the Russians had not been notified of the exercise.")
    assert _one(claims, "notification").speaker == "Secretary"


def test_an_act_someone_claims_is_not_ruled_out_as_a_claim_of_responsibility(extract):
    assert _stances(extract, '"Delhi\'s claim that Islamabad attacked Jammu is completely false," the minister said.',
                    "strike") == ["deny"]
    # (the words that govern an act as their object still rule it out: a plot is no attack)
    assert _stances(extract, "The cell was plotting an attack on the pipeline, the police said.", "strike") == []


def test_a_drone_named_by_what_it_did_is_a_strike(extract):
    assert [c.topic for c in extract("The commander was killed by two drones near the border on Tuesday.")] == ["strike"]
    assert [c.topic for c in extract("Israeli drones slammed into the port facilities overnight.")] == ["strike"]
    # (one that flew, was bought or seen did nothing of the kind)
    assert extract("A surveillance drone flew over the base on Monday.") == []
    assert [c for c in extract("The army bought forty drones from a Turkish firm last year.") if c.topic == "strike"] == []


def test_an_operation_a_state_or_an_anti_group_names_is_a_strike(extract):
    c = _one(extract("The White House said it had not approved the Israeli operation at the hospital."), "strike")
    assert (c.stance, c.agent) == ("deny", "Israel")
    c = _one(extract("CENTCOM and its partners conducted 41 anti-ISIS operations in Iraq and Syria in May."), "strike")
    assert c.counterpart == "Islamic State" and "Islamic State" not in c.agent  # (against ISIS, not by it)
    # (an operation to evacuate or rescue is none)
    assert extract("The Turkish operation to evacuate its citizens from Sudan ended on Friday.") == []


def test_not_knowing_that_a_party_intended_or_planned_an_act_is_no_notice(extract):
    c = _one(extract("The Pentagon said it was not aware that Ukraine intended to strike the ship."), "notification")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "Ukraine", "United States")
    c = _one(extract("Washington said it had no knowledge that Israel planned to strike the consulate."), "notification")
    assert c.stance == "deny"
    c = _one(extract("Paris said it was not aware that Kyiv intended on hitting the refinery."), "notification")
    assert c.stance == "deny"
    # (knowledge of what happened is no notice: "knowledge of the strikes' results")
    assert [c.topic for c in extract("The analysts have deep knowledge of the region.")] == []


def test_until_a_time_is_no_condition(extract):
    assert _stances(extract, "The joint patrols will continue until Friday, the ministry said.",
                    "cooperation") == ["acknowledge"]
    assert _stances(extract, "We will not share intelligence until further notice.", "cooperation") == ["deny"]
    # (until something is done is one)
    assert _stances(extract, "There will be no coordination with them until they withdraw their troops.",
                    "cooperation") == ["conditional"]


def test_possible_open_doors_and_ifs_on_an_act_with_its_own_object_are_conditional(extract):
    assert _stances(extract, "Cooperation with NATO is possible in principle, the minister said.", "cooperation") == [
        "conditional"]
    assert _stances(extract, "The door to talks with Tehran remains open, the envoy said.", "cooperation") == [
        "conditional"]
    assert _stances(extract, "A hotline could be established if both sides agree on its rules.", "cooperation") == [
        "conditional"]
    # (a channel that is open is at work; "it could not be confirmed if" asks whether)
    assert _stances(extract, "The deconfliction channel with Moscow is open, the spokesman said.", "cooperation") == [
        "acknowledge"]
    assert _stances(extract, "It could not be confirmed if the Russians had been notified before the raid.",
                    "notification") == ["evade"]


def test_a_notice_participle_the_tagger_reads_as_an_adjective_is_still_a_notice(extract):
    claims = extract("At no point were we informed of the launch, the minister said.")
    assert {c.topic: c.stance for c in claims} == {"notification": "deny", "strike": "acknowledge"}
    # (a well-informed source is told nothing)
    assert "notification" not in {c.topic for c in extract("Well-informed sources in Ankara said a raid hit the border post.")}


def test_an_evasion_or_a_no_about_coordinating_a_strike_leaves_the_strike(extract):
    claims = extract("Officials refused to say whether the strikes had been coordinated with Baghdad.")
    assert {c.topic: c.stance for c in claims} == {"strike": "acknowledge", "cooperation": "evade"}
    claims = extract("Asked if the strikes had been coordinated with Baghdad, the spokesman said they had not.")
    assert {c.topic: c.stance for c in claims} == {"strike": "acknowledge", "cooperation": "deny"}


def test_review_of_the_new_stance_rules(extract):
    # "won't" is "wo" + "n't": still refused for as long as
    assert _stances(extract, "Ankara won't coordinate with Moscow while it arms the militia.", "cooperation") == [
        "conditional"]
    # asking someone whether still asks, an object or not
    assert _stances(extract, "We will ask Moscow if its forces were notified before the strike.",
                    "notification") != ["conditional"]
    # "not getting into" a war is no evasion
    assert _stances(extract, "The United States is not getting into a war with Iran over the strikes.",
                    "strike") != ["evade"]
    # the end of something that is no time is a condition
    assert _stances(extract, "There will be no cooperation with them until the end of the occupation.",
                    "cooperation") == ["conditional"]


def test_a_briefer_speaks_for_the_body_the_transcripts_heading_names(extract_document):
    text = ("U.S. Department of State\nDepartment Press Briefing\nJane Doe, Deputy Spokesperson\nWashington, D.C.\n\n"
            "MS DOE: Good afternoon.\n\nQUESTION: Do you talk to the Israelis?\n\n"
            "MS DOE: We have a very close relationship with Israel, and we talk to them every day.\n")
    c = _one(extract_document(text), "cooperation")
    assert (c.speaker, c.speaker_org, c.attribution) == ("Jane Doe", "U.S. Department of State", "transcript")
    assert (c.agent, c.counterpart) == ("United States", "Israel")  # "we": the State Department's side


def test_a_clause_before_a_colon_is_no_content_of_the_negated_verb_after_it(extract):
    claims = extract("So we were informed shortly before the operation began, but I want to be very clear: "
                     "the United States was not involved in these strikes.")
    assert _one(claims, "notification").stance == "acknowledge"


def test_refusing_a_label_denies_it_and_declining_to_say_evades(extract):
    assert _one(extract("No. I would not characterize it as coordination."), "cooperation").stance == "deny"
    assert _one(extract("I wouldn't describe that as cooperation with the Russians."), "cooperation").stance == "deny"
    assert _one(extract("He would not say whether there was coordination."), "cooperation").stance == "evade"


def test_word_received_and_kept_in_the_loop_are_notices(extract):
    c = _one(extract("Tallinn received word of the operation hours before it began."), "notification")
    assert (c.stance, c.counterpart) == ("acknowledge", "Estonia")
    assert _one(extract("The Estonians were kept in the loop about the strikes."), "notification").stance == "acknowledge"
    assert _one(extract("We were not kept in the loop about the raid."), "notification").stance == "deny"
    assert not [c for c in extract("The sergeant got word that his brother had been wounded.") if c.topic == "notification"]


def test_no_agreement_or_decision_on_a_joint_act_denies_it(extract):
    assert _one(extract("There is no agreement between us on the use of the airspace."), "cooperation").stance == "deny"
    assert _one(extract("There is still no decision on joint patrols."), "cooperation").stance == "deny"
    assert _one(extract("The ministers reached an agreement on joint patrols."), "cooperation").stance == "acknowledge"


def test_a_that_clause_of_the_source_who_told_reporters_is_no_report_of_the_notice(extract):
    claims = extract("Iran had warned its neighbours about 72 hours before the attack, according to Foreign Minister "
                     "Aylin Demir, who told reporters in Izmir that Tehran had said the response would be limited.")
    c = _one(claims, "notification")
    assert (c.stance, c.speaker, c.agent) == ("acknowledge", "Aylin Demir", "Iran")


def test_otherwise_is_a_condition_only_where_it_opens_a_clause(extract):
    c = _one(extract('"They did not give us any heads-up, and any suggestion otherwise is false," the official said.'),
             "notification")
    assert c.stance == "deny"
    assert _one(extract("We must coordinate our flights, or otherwise our jets will collide."), "cooperation").stance == "conditional"


def test_one_of_the_sources_is_those_sources(extract):
    claims = extract("Jordanian jets shot down dozens of drones, two regional security sources said. "
                     "The operation was coordinated with the United States, one of the sources said.")
    c = _one(claims, "cooperation")
    assert (c.speaker, c.official) == ("regional security sources", True)


def test_a_claim_said_to_be_fabricated_is_denied_by_who_says_so(extract):
    c = _one(extract("Latvia's claim that Estonian drones attacked the depot is entirely fabricated, Kallas said."), "strike")
    assert (c.stance, c.speaker) == ("deny", "Kaja Kallas")  # (the dictionary knows her full name)


def test_a_past_verb_joined_to_a_negated_present_one_keeps_no_negation(extract):
    claims = extract("He argued that such red lines do not actually exist and urged the allies to give more weapons to Kyiv.")
    assert _one(claims, "cooperation").stance == "acknowledge"
    assert _one(extract("We did not coordinate and share intelligence with them."), "cooperation").stance == "deny"


def test_help_withheld_from_a_strike_denies_the_help_not_the_strike(extract):
    claims = extract("Tallinn said on Tuesday it is not encouraging Kyiv to launch strikes deep inside Russia.")
    assert _one(claims, "strike").stance == "acknowledge"


def test_we_in_a_report_goes_on_with_the_one_who_spoke_just_before(extract_document):
    claims = extract_document("RIGA (Example Wire) - The Latvian army said on Monday it had held talks with Estonia. "
                              "Army spokesman Janis Ozols said the talks were useful. "
                              "We have no plans for joint patrols with the Estonians. "
                              "Our aircraft will keep striking the smugglers' camps near the border.")
    c = [c for c in claims if c.topic == "cooperation"][-1]
    assert (c.stance, c.speaker, c.official) == ("deny", "Janis Ozols", True)
    assert _one(claims, "strike").speaker == "Janis Ozols"  # (and on, while "we" speaks)
    # only right after the one who spoke: a sentence of the report's own between, and "we" is no one known
    claims = extract_document("RIGA (Example Wire) - Army spokesman Janis Ozols said the talks with Estonia were useful. "
                              "The talks were held at a base near Valga. "
                              "We have no plans for joint patrols with the Estonians.")
    c = [c for c in claims if c.topic == "cooperation"][-1]
    assert (c.stance, c.speaker) == ("deny", "")


def test_a_condition_in_a_clause_beside_does_not_make_a_denial_an_offer(extract):
    claims = extract("The minister stressed that Estonia does not coordinate its patrols with Russia and that any "
                     "future arrangement would require the consent of its allies.")
    assert _one(claims, "cooperation").stance == "deny"


def test_a_notice_keeps_its_trailing_attribution_and_the_body_it_named(extract):
    # ", the coast guard said, prompting Tallinn to warn that any launch ...": who told of the notice, no threat
    claims = extract("Russia informed Estonia's coast guard early on Monday that it planned to launch a rocket, the "
                     "coast guard said, prompting Tallinn to warn that any launch would breach the accord.")
    c = _one(claims, "notification")
    assert (c.stance, c.speaker, c.agent) == ("acknowledge", "Estonia's coast guard", "Russia")
    assert _one(claims, "strike").agent == "Russia"  # "it" in the message is the one who told it


def test_a_trailing_attribution_the_parser_hangs_on_the_notice_holds_no_threat(extract_document):
    text = ("North Korea notifies Japan of satellite launch window\n\n"
            "TOKYO, May 27 (Example Wire) - North Korea informed Japan's coast guard early on Monday that it planned "
            "to launch a satellite rocket between May 27 and June 4, the coast guard said, prompting Tokyo to warn "
            "that any launch would violate U.N. resolutions.\n")
    c = _one(extract_document(text), "notification")
    assert (c.stance, c.agent) == ("acknowledge", "North Korea")


def test_asking_another_to_call_off_an_act_leaves_the_act_standing(extract):
    assert _one(extract("Tallinn has asked Moscow to cancel the missile launch, the prime minister said."),
                "strike").stance == "acknowledge"
    assert _one(extract("Moscow cancelled the missile launch."), "strike").stance == "deny"


def test_no_intention_to_act_denies_the_act_and_an_intention_offers_it(extract):
    c = _one(extract('"We have never supplied, and do not intend to supply, any weapons to Belarus," the ministry said.'),
             "cooperation")
    assert c.stance == "deny"
    assert _one(extract("We intend to coordinate our patrols with them."), "cooperation").stance == "conditional"


def test_eliminating_a_commander_is_a_strike_and_eliminating_a_threat_is_not(extract):
    c = _one(extract("Estonian forces eliminated a militant commander near the border on Sunday."), "strike")
    assert c.agent_country == "Estonia"
    assert not [c for c in extract("The accord would eliminate the risk of accidental incidents between the two "
                                   "militaries.") if c.trigger.startswith("eliminat")]


def test_a_review_or_leaflets_speak_for_whoever_made_or_dropped_them(extract):
    claims = extract("The Estonian army said on Friday that a review of its border operations had concluded that two "
                     "smugglers were killed in an April airstrike. The review found that a soldier was also wounded in "
                     "the airstrike.")
    assert [c.speaker for c in claims if c.topic == "strike"] == ["Estonian army", "Estonian army"]
    claims = extract("The Latvian army dropped leaflets over three villages on Sunday. The leaflets said the army would "
                     "carry out strikes on the area and told residents to leave.")
    assert {c.speaker for c in claims} == {"Latvian army"}
    claims = extract("The Latvian army said it had warned residents of three villages ahead of the strikes. The messages "
                     "explain that the army plans to carry out strikes on the area.")
    assert [c.speaker for c in claims if c.topic == "strike"][-1] == "Latvian army"


def test_a_release_about_another_states_aircraft_is_its_issuers_and_its_minister_speaks_for_it(extract_document):
    text = ("Statement by the Ministry of Defence on the interception of a Russian aircraft | Ministry of National "
            "Defence of Estonia\n\n12 March 2024\n\n"
            "The Ministry of Defence notes that Russia did not notify its neighbours of the flight.\n\n"
            '"Russia gave us no advance notice of the flight," Minister of National Defence Hanno Pevkur said.\n')
    first, second = [c for c in extract_document(text) if c.topic == "notification"]
    assert first.speaker == "Estonia Ministry of Defence"  # (the page's issuer, not the state the title is about)
    assert (second.speaker, second.speaker_role, second.speaker_org) == (
        "Hanno Pevkur", "Minister of National Defence", "Estonia Ministry of Defence")


def test_a_name_the_parser_hangs_on_the_body_of_a_title_is_the_person(extract_document):
    text = ("Statement by the Ministry of Defence on the interception of a Russian aircraft | Ministry of National "
            "Defence of Lithuania\n\n12 March 2024\n\n"
            '"Russia did not notify us of the flight," Minister of National Defence Laurynas Kasčiūnas said.\n')
    c = _one(extract_document(text), "notification")
    assert (c.speaker, c.speaker_role, c.speaker_org) == (
        "Laurynas Kasčiūnas", "Minister of National Defence", "Lithuania Ministry of Defence")
    assert (c.agent, c.counterpart) == ("Russia", "Lithuania")  # "us": the minister's side


def test_a_refused_or_missing_accord_denies_what_it_is_on(extract):
    # the negation of an arrangement, a mechanism or a memorandum reaches the notice or the cooperation it is on
    c = _one(extract("Manila never agreed to an arrangement on prior notification, the department said."), "notification")
    assert (c.stance, c.stance_cue) == ("deny", "never")
    c = _one(extract("Beijing has never accepted any memorandum for advance notice of such transits, she said."),
             "notification")
    assert c.stance == "deny"
    assert _one(extract("There is no mechanism for coordination with Moscow, the spokesman said."), "cooperation").stance == "deny"
    # an accord made is no denial
    c = _one(extract("The two sides signed an accord on advance notification of missile tests."), "notification")
    assert c.stance == "acknowledge"


def test_an_update_given_to_another_party_is_a_notice(extract):
    c = _one(extract("We updated the Russians through the deconfliction line before the strikes, the spokesman said."),
             "notification")
    assert (c.trigger, c.stance, c.counterpart) == ("updated", "acknowledge", "Russia")
    c = _one(extract("The ministry kept Congress updated on the operation."), "notification")
    assert c.trigger == "updated"
    # figures updated are no notice
    _none(extract("The ministry updated its casualty figures after the strike."), "notification")


def test_not_targeted_at_any_third_party_is_no_strike(extract):
    # the diplomats' formula for drills and patrols aims nothing at anyone
    _none(extract("The drills are not targeted at any third party, the spokesman said."), "strike")
    _none(extract("The exercises are not aimed against any third country."), "strike")
    c = _one(extract("The strikes targeted militants at a third location, the army said."), "strike")
    assert c.stance == "acknowledge"


def test_a_release_whose_marker_names_no_issuer_is_the_bodys_its_headline_opens_with(extract_document):
    text = ("NATO Allies condemn Russian drone incursion into Polish airspace\n\n"
            "Press Release (2025) 123, issued on 10 Sep. 2025\n\n"
            "Russia did not notify NATO or any Ally of its intentions.\n")
    c = _one(extract_document(text), "notification")
    assert (c.speaker, c.official, c.attribution, c.stance) == ("NATO", True, "author", "deny")
    # without the release marker the same headline heads a news report: the outlet's own voice
    c = _one(extract_document(text.replace("Press Release (2025) 123, issued on", "Published")), "notification")
    assert (c.speaker, c.official) == ("", False)


def test_a_transcript_heading_line_dated_after_its_body_names_the_briefers_body(extract_document):
    text = ("Background Briefing on U.S. Strikes in Syria\n\nDepartment of Defense, Feb. 2, 2024\n\n"
            "SENIOR DEFENSE OFFICIAL: Tonight, U.S. forces conducted strikes against more than 85 targets.\n\n"
            "Q: Were the Iraqis told in advance?\n\n"
            "SENIOR DEFENSE OFFICIAL: The Iraqi government was informed prior to the strikes.\n")
    c = _one(extract_document(text), "notification")
    assert (c.speaker_org, c.official, c.attribution) == ("U.S. Department of Defense", True, "transcript")


def test_a_ministry_named_by_its_kind_alone_is_that_of_the_datelines_state(extract_document):
    c = _one(extract_document("BEIJING, May 3 (Reuters) - China was not notified in advance of the drills, "
                              "the Foreign Ministry said on Friday.\n"), "notification")
    assert (c.speaker_org, c.speaker_country, c.official) == ("China Ministry of Foreign Affairs", "China", True)
    c = _one(extract_document("ANKARA\n\nThe Turkish Armed Forces struck PKK positions in northern Iraq, "
                              "the National Defense Ministry said on Saturday.\n"), "strike")
    assert c.speaker_country == "Turkey" and c.official
    # no dateline, no state: the ministry stays unplaced
    c = _one(extract_document("The army struck the camps overnight, the Defense Ministry said.\n"), "strike")
    assert c.speaker_country == ""


def test_a_participle_after_while_sets_no_condition(extract):
    c = _one(extract("Secretary Austin reiterated that the United States will not participate in any offensive action "
                     "against Iran, while underscoring the U.S. commitment to Israel's defense."), "cooperation")
    assert c.stance == "deny"
    c = _one(extract("We would not cooperate with Russia while it backed Assad, the minister said."), "cooperation")
    assert (c.stance, c.stance_cue) == ("conditional", "while")


def test_a_statement_on_behalf_of_a_body_is_the_bodys(extract_document):
    text = ("Statement by the High Representative on behalf of the EU on the missile strikes on Ukraine\n\n"
            "The EU will continue to provide Ukraine with all necessary military support, in close coordination "
            "with its partners.\n")
    c = _one(extract_document(text), "cooperation")
    assert (c.speaker, c.official, c.attribution) == ("European Union", True, "author")


def test_no_mention_of_an_act_does_not_deny_it(extract):
    # what is not said of an act is about the saying: the launch took place
    assert _one(extract("Pyongyang's state media made no mention of the launch."), "strike").stance == "acknowledge"
    assert _one(extract("The statement made no reference to the strikes."), "strike").stance == "acknowledge"
    # declining to comment still evades
    assert _one(extract("The ministry declined to comment on the strikes."), "strike").stance == "evade"


def test_an_act_that_dates_an_evaded_question_is_not_evaded(extract):
    claims = extract("Asked whether Moscow had used the military hotline with Washington since the attack, "
                     "Peskov declined to say.")
    assert _one(claims, "cooperation").stance == "evade"
    assert _one(claims, "strike").stance == "acknowledge"  # the attack took place; the hotline is what is evaded


def test_a_threat_beside_an_act_done_leaves_the_act_acknowledged(extract):
    c = _one(extract("We informed Congress before the strikes, and I will not hesitate to direct further measures "
                     "to protect our people."), "strike")
    assert c.stance == "acknowledge"
    # the threat of an act to come is still conditional
    c = _one(extract("We will strike again and will not hesitate to do so."), "strike")
    assert c.stance == "conditional"


def test_a_legislature_told_before_an_act_is_notified(extract):
    c = _one(extract("We informed Congress before the strikes, the president said."), "notification")
    assert (c.trigger, c.counterpart) == ("informed", "Congress")
    # told of something else, a legislature is an audience
    _none(extract("The minister informed parliament that the budget had been approved."), "notification")


def test_a_release_of_a_body_named_by_kind_is_that_of_the_state_of_its_place_line(extract_document):
    text = ("Communiqué of the Ministry of the Armed Forces\n\nParis, 14 April 2018\n\n"
            "Russia was informed in advance through the deconfliction channel.\n")
    c = _one(extract_document(text), "notification")
    assert (c.speaker, c.official, c.attribution) == ("France Ministry of Defence", True, "author")
    # without a place, the ministry is of no known state: the text speaks for no one named
    c = _one(extract_document(text.replace("Paris, 14 April 2018\n\n", "")), "notification")
    assert c.speaker == ""


def test_the_job_the_text_gives_picks_among_a_persons_jobs_when_the_date_does_not(extract):
    # the dictionary knows Minoru Kihara as defence minister and, later, as chief cabinet secretary
    c = _one(extract("Defence Minister Minoru Kihara told reporters that Tokyo had not been notified in advance "
                     "of the drills."), "notification")
    assert (c.speaker, c.speaker_org) == ("Minoru Kihara", "Japan Ministry of Defence")
    c = _one(extract("Chief Cabinet Secretary Minoru Kihara told reporters that Tokyo had not been notified in advance "
                     "of the drills."), "notification")
    assert c.speaker_org == "Japan Prime Minister's Office"
    _none(extract("The ministry said the patrol did not target any third party."), "strike")


def test_a_parliaments_written_question_is_no_claim(extract_document):
    text = ("Written question: Yemen: Military Intervention\n\nAsked by Lord Smith, asked on 15 January 2024\n\n"
            "To ask His Majesty's Government whether they informed the governments of Saudi Arabia and the United "
            "Arab Emirates in advance of the strikes on Houthi targets.\n\n"
            "Answered by Lord Minto, answered on 25 January 2024\n\n"
            "The strikes were carried out in self-defence, alongside the United States.\n")
    claims = extract_document(text)
    assert not [c for c in claims if "To ask" in c.sentence]
    assert _one(claims, "strike").sentence.startswith("The strikes were carried out")


def test_a_statement_in_a_clause_set_against_another_is_its_own_speakers(extract):
    # "X said ..., while Y said ...": what Y says is Y's, not something X reports
    c = _one(extract("Kyiv said the night had been quiet in the capital, while Moscow said its air defences had "
                     "downed twenty drones over Belgorod."), "strike")
    assert c.speaker == "Moscow"
    # a report of a report is the outer speaker's
    c = _one(extract("Farmers reported damage from the strikes, the ministry said."), "strike")
    assert c.speaker == "ministry"


def test_rejecting_a_suggestion_of_what_was_done_denies_it(extract_document):
    # the parser may take the "that" of a content clause for the clause's object; and a suggestion of what
    # was done is a claim rejected, not a proposal turned down
    text = ("Department Press Briefing\n\nMatthew Miller, Department Spokesperson\n\n"
            "MR MILLER: And I would reject the suggestion that we coordinated with Iran in any way.\n")
    c = _one(extract_document(text), "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "United States", "Iran")
    # a proposal turned down is still one
    c = _one(extract_document("Washington rejected the suggestion that the two militaries coordinate their "
                              "strikes, the ministry said.\n"), "cooperation")
    assert c.stance == "deny"


def test_a_role_of_another_state_is_not_the_one_of_that_role_before(extract_document):
    # meeting records: "The representative of X said ..." one after the other, each their own state's
    text = ("Security Council, 9512th meeting\n\n"
            "The representative of the Russian Federation said that the United States had not informed Moscow "
            "before its strikes in Syria.\n\n"
            "The representative of the United States said her country had informed the Russian side in advance.\n\n"
            "The representative of Türkiye said his Government had been informed of the operation.\n")
    claims = [c for c in extract_document(text) if c.topic == "notification"]
    assert [c.speaker_country for c in claims] == ["Russia", "United States", "Turkey"]
    assert [c.stance for c in claims] == ["deny", "acknowledge", "acknowledge"]
    # the same role again, with no state of its own, is the one before
    claims = extract_document("A senior Syrian official said the coalition did not notify Damascus. "
                              "'Nobody told us,' the official said.\n")
    assert {c.speaker for c in claims if c.topic == "notification"} == {"senior Syrian official"}


def test_an_act_after_following_only_times_the_one_the_sentence_states(extract_document):
    # "Following the rocket launches ..., IDF jets struck ...": the strike told is the jets'
    text = ("IDF Spokesperson's Unit\n\nFollowing the rocket launches from southern Lebanon earlier today, IDF fighter "
            "jets struck Hezbollah military compounds in the areas of Kfar Kila and Odaisseh.\n")
    c = _one(extract_document(text), "strike")
    assert c.trigger == "struck" and c.agent == "IDF fighter jets" and c.counterpart.startswith("Hezbollah")


def test_a_ministrys_summary_is_its_release(extract_document):
    text = ("Summary of the Ministry of Defence of the Russian Federation on the progress of the special military "
            "operation (as of 14 June 2024)\n\n"
            "The Russian side informed the American side about the launch of the Yars intercontinental ballistic "
            "missile in advance, in accordance with the existing agreements.\n")
    c = _one(extract_document(text), "notification")
    assert (c.speaker, c.official, c.attribution) == ("Russia Ministry of Defence", True, "author")


def test_a_right_to_use_force_held_in_reserve_is_a_conditional_strike(extract):
    c = _one(extract("Islamabad reserves the right to respond at a time and place of its choosing, the army said."), "strike")
    assert (c.stance, c.agent) == ("conditional", "Pakistan")
    c = _one(extract("The group said it maintains the right to respond to any Turkish aggression."), "strike")
    assert (c.stance, c.counterpart) == ("conditional", "Turkey")
    c = _one(extract("The task force asserts its inherent right to act in self-defence, the statement said."), "strike")
    assert c.stance == "conditional"
    # holding a right is no reporting: the sentence is the outlet's
    c = _one(extract("Ankara maintains the right to retaliate with force if the truce is broken."), "strike")
    assert (c.stance, c.speaker, c.attribution) == ("conditional", "", "author")
    # a right used is a strike done; a right to answer words is no strike
    assert _one(extract("Islamabad was compelled to exercise its right to respond, the army said."), "strike").stance == "acknowledge"
    assert extract("Kyiv reserves the right to respond to these allegations in court, the ministry said.") == []


def test_what_conditions_are_for_is_not_yet_done(extract):
    c = _one(extract("Washington should create the necessary conditions for dialogue between the two militaries."),
             "cooperation")
    assert c.stance == "conditional"
    c = _one(extract("Certain conditions must be met before military contacts can resume, the spokesman said."), "cooperation")
    assert c.stance == "conditional"
    # what the condition's own clause says goes on is acknowledged
    claims = extract("An end to the shelling is a prerequisite for cooperation with Baku, the ministry said.")
    assert {(c.topic, c.stance) for c in claims} == {("strike", "acknowledge"), ("cooperation", "conditional")}


def test_coordinates_shared_in_a_passive_the_parser_reads_as_a_preposition_are_cooperation(extract):
    # "Despite the coordinates ... having been shared": the subject read as the object of "despite"
    claims = extract("Despite the coordinates of our units having been shared in advance with Russian officials, "
                     "our soldiers were targeted by an air strike in Idlib.")
    assert {c.topic for c in claims} == {"cooperation", "strike"}


def test_a_pages_date_read_into_the_sentence_is_no_speaker(extract):
    # a scraped "date 2023-03-14" before the first sentence: the parser makes "date" the subject
    c = _one(extract("date 2023-03-14 Turkey's defence minister on Tuesday confirmed that Ankara had informed Moscow "
                     "in advance of the operation."), "notification")
    assert "date" not in c.speaker and "minister" in c.speaker


def test_an_opposition_speaker_is_not_official_nor_the_minister_named_later(extract_document):
    text = ("Opposition not told of the strikes, shadow minister says\n\n"
            "A shadow minister said senior opposition figures had not been briefed ahead of the strikes last night.\n\n"
            "However, defence minister Alan Reeve said the Leader of the Opposition had been briefed in advance.\n")
    first, *rest = [c for c in extract_document(text) if c.topic == "notification"]
    assert (first.speaker, first.official) == ("shadow minister", False)
    assert rest and rest[0].speaker == "Alan Reeve" and rest[0].official


def test_while_before_a_participle_times_no_act(extract):
    # "while" + a participle adds what else is done: information shared with allies is no advance notice
    claims = extract('"Our forces have raised their readiness against further launches, while closely sharing '
                     'information with Washington and Tokyo," the joint staff said.')
    assert "notification" not in {c.topic for c in claims} and "cooperation" in {c.topic for c in claims}
    # "while" before a clause still times the telling
    c = _one(extract("Moscow passed the information to Washington while the strikes were under way, the official said."),
             "notification")
    assert c.topic == "notification"


def test_where_a_statement_was_made_is_not_whom_its_speaker_speaks_for(extract_document):
    text = ("Statement by Ambassador Laura Vance at the OSCE Permanent Council\nVienna, March 3, 2022\n\n"
            "Russia has not provided the notifications required under the Vienna Document for its exercises.\n")
    c = _one(extract_document(text), "notification")
    assert c.speaker == "Laura Vance" and "Organization for Security" not in c.speaker_org


def test_a_militarys_media_wing_is_official_and_a_rank_without_its_full_stop_is_a_title(extract_document):
    text = ("Pakistan strikes back\nMay 10, 2025\n\n"
            "Pakistan on Saturday launched strikes on several military sites across the border, the military's media "
            "wing said.\n")
    c = _one(extract_document(text, source="Inter-Services Public Relations"), "strike")
    assert c.official
    c = _one(extract_document("ISPR Director General Lt Gen Omar Farooq told reporters that the strikes hit eleven "
                              "targets across the border.\n"), "strike")
    assert (c.speaker, c.speaker_org) == ("Omar Farooq", "Inter-Services Public Relations")


def test_a_role_of_one_kind_of_body_is_not_the_person_named_with_another(extract_document):
    text = ("Drones shot down over the kingdom\nApril 14, 2024\n\n"
            "The army's spokesperson Col. Omar Haddad said dozens of drones were shot down overnight.\n\n"
            '"We did not coordinate with any party," a government spokesperson said.\n')
    c = _one(extract_document(text), "cooperation")
    assert c.speaker == "government spokesperson"


def test_who_may_not_speak_publicly_is_no_cooperation_and_a_participle_opening_is_no_speaker(extract):
    claims = extract("The officials, who spoke on condition of anonymity because they were not authorized to discuss "
                     "the matter publicly, said Tehran had notified Baghdad before the attack.")
    assert "cooperation" not in {c.topic for c in claims}
    assert _one(extract("Washington authorised Kyiv to use the missiles against targets inside Russia."),
                "cooperation").stance == "acknowledge"
    c = _one(extract("Writing on Telegram, the head of the regional administration said drones had struck an oil depot."),
             "strike")
    assert c.speaker == "head of the regional administration"


def test_word_passed_and_letting_one_know_are_notices(extract):
    c = _one(extract("Tehran passed word to Baghdad that the missiles were coming."), "notification")
    assert (c.stance, c.agent, c.counterpart) == ("acknowledge", "Iran", "Iraq")
    c = _one(extract("The Jordanians let us know shortly before the jets took off, the official said."), "notification")
    assert c.agent == "Jordan"


def test_not_knowing_of_an_act_until_it_was_over_does_not_make_it_conditional(extract):
    assert _one(extract("No one in London knew about the raid until it was over, the official said."),
                "strike").stance == "acknowledge"
    # a reported refusal until something changes is still a condition
    assert _one(extract("He said Ankara saw no prospect of talks until Damascus ended its support for the militants."),
                "cooperation").stance == "conditional"


def test_calls_on_a_hotline_left_unanswered_deny_its_use(extract):
    c = _one(extract("Pyongyang has not responded to calls on the inter-Korean hotline since April."), "cooperation")
    assert c.stance == "deny" and "inter" not in c.agent.split()
    assert _one(extract("Moscow responded to calls on the hotline within minutes."), "cooperation").stance == "acknowledge"


def test_one_former_officer_is_not_official(extract):
    c = _one(extract('"It is not coordination. It is a phone," one former U.S. officer told me.'), "cooperation")
    assert c.official is False
    assert _one(extract('"There was no coordination," one U.S. officer said.'), "cooperation").official is True


def test_a_role_named_in_capitals_in_a_release_heading_is_written_as_a_title(extract_document):
    text = ("MINISTRY OF DEFENCE OF THE RUSSIAN FEDERATION\nBRIEFING BY THE OFFICIAL REPRESENTATIVE\n2 November 2023\n\n"
            "The American side was notified in advance of the launch of the missile under existing agreements.\n")
    c = _one(extract_document(text), "notification")
    assert c.speaker == "Official Representative" and c.official


def test_information_shared_among_partners_as_it_happens_is_no_notice(extract):
    claims = extract("Japan, the United States and the Republic of Korea are working closely together and sharing "
                     "information in real time.")
    assert [c.topic for c in claims] == ["cooperation"]
    # shared ahead of an act it is, and the ones it is shared with were told
    c = _one(extract("We shared information with the Russians before the strikes."), "notification")
    assert (c.stance, c.counterpart) == ("acknowledge", "Russia")


def test_what_should_or_must_be_done_is_conditional(extract):
    assert _stances(extract, "The minister said the radar data should be shared with Ankara.", "cooperation") == [
        "conditional"]
    assert _stances(extract, "Exercises involving more than 9,000 troops must be notified in advance, the OSCE said.",
                    "notification") == ["conditional"]
    # (not a notice deeper in what must be done, nor what someone proposed that the parties should do)
    assert _stances(extract, "The agreement on advance notice must be respected in full, the spokeswoman said.",
                    "notification") == ["acknowledge"]
    assert _stances(extract, "Oslo had proposed to Moscow that the two navies should agree to a hotline.",
                    "cooperation") == ["acknowledge"]
    # (one refused stays denied)
    assert _stances(extract, "The data must not be shared with Moscow, the senator said.", "cooperation") == ["deny"]


def test_help_sent_for_a_purpose_is_denied_with_the_sending(extract):
    assert _stances(extract, "Minsk denied Ukrainian claims that it had sent troops to help Russia.", "cooperation") == [
        "deny"]
    assert _stances(extract, "Oslo sent two frigates to help Denmark protect the convoy, the ministry said.", "cooperation") == [
        "acknowledge"]


def test_every_attack_that_will_be_answered_is_conditional(extract):
    assert _stances(extract, '"We will respond to every attack on our border posts in kind," he said.', "strike") == [
        "conditional"]
    assert _stances(extract, "Every strike hit its target, the ministry said.", "strike") == ["acknowledge"]


def test_what_several_share_among_themselves_about_anothers_act_is_no_notice(extract_document):
    text = ("North Korea launched a ballistic missile on Tuesday.\n"
            "Japan, the United States and the Republic of Korea are closely sharing information on the launch.\n")
    claims = extract_document(text)
    assert "notification" not in {c.topic for c in claims}
    assert all(c.agent == "North Korea" for c in claims if c.topic == "strike")
    # (one side's information given to another about the act is a notice)
    assert "notification" in {c.topic for c in extract_document(
        "Seoul shared information on the launch with Tokyo before the missile was fired.\n")}


def test_his_spokesman_is_the_subjects_and_the_spokesman_named_next_keeps_that_office(extract_document):
    text = ("Iraq says Iran warned it\n"
            "BAGHDAD (Reuters) - Iraq's caretaker Prime Minister Adel Abdul Mahdi received an official verbal message "
            "from Iran shortly after midnight that its retaliation for the killing of Qassem Soleimani had started or "
            "was about to start, his spokesman said.\n"
            "The spokesman, Ahmed Mulla Talal, said the message said the strikes would be limited to U.S. bases.\n")
    claims = extract_document(text)
    assert len(claims) >= 2 and all("Soleimani" not in c.speaker and c.speaker_country == "Iraq" for c in claims)


def test_a_coalition_spokesman_speaks_for_the_coalition_the_text_named(extract_document):
    text = ("The Saudi-led coalition said on Monday that the attack on Aramco facilities was carried out with Iranian "
            "weapons.\n"
            '"No one informed us of the attack," coalition spokesman Turki al-Maliki told reporters in Riyadh.\n')
    c = _one(extract_document(text), "notification")
    assert c.speaker_org == "Saudi-led Coalition"


def test_a_state_named_by_its_kind_can_be_warned(extract):
    assert _stances(extract, "He said the kingdom had not been warned of the attack by any party.", "notification") == [
        "deny"]
    assert _stances(extract, "Officials said the administration was told of the raid an hour before.", "notification") == [
        "acknowledge"]


def test_a_cooperation_that_came_to_an_end_is_denied_a_strike_that_stopped_took_place(extract):
    assert _stances(extract, "Military cooperation with Moscow ended in 2014, the minister said.", "cooperation") == ["deny"]
    assert _stances(extract, "Coordination with the coalition broke down in March, he said.", "cooperation") == ["deny"]
    assert _stances(extract, "The talks with Tehran collapsed last week, the minister said.", "cooperation") == ["deny"]
    # (one that went on, or a strike that stopped, stands)
    assert _stances(extract, "Coordination with the coalition began in March, he said.", "cooperation") == ["acknowledge"]
    assert _stances(extract, "The air strikes on the town stopped on Friday, the monitor said.", "strike") == ["acknowledge"]


def test_where_a_western_diplomat_stands_is_not_whom_they_serve(extract):
    claims = extract("A Western diplomat in Baghdad said the Iraqi prime minister's office had been in contact with the "
                     "U.S. embassy throughout the night.")
    assert claims and all(c.speaker_country == "" for c in claims)
    # (a speaker of a named state, or sources placed in a capital with no other state named, keep theirs)
    claims = extract("An Egyptian diplomat in Baghdad said Cairo had been in contact with the U.S. embassy.")
    assert claims and all(c.speaker_country == "Egypt" for c in claims)


def test_military_or_defence_relations_are_cooperation(extract):
    assert _stances(extract, "The spokesman said China was willing to develop military relations with the United "
                              "States.", "cooperation") == ["conditional"]
    assert _stances(extract, "Defence ties with Ankara remain strong, the minister said.", "cooperation") == ["acknowledge"]


def test_a_channel_left_unanswered_is_denied(extract):
    assert _stances(extract, "The hotline between the militaries went unanswered during the incident, the official "
                              "added.", "cooperation") == ["deny"]


def test_a_ministry_spokesperson_with_no_state_speaks_for_the_ministry_of_the_state_spoken_of(extract_document):
    text = ("UK jets over the Black Sea\n"
            "LONDON, May 14 (Reuters) - Britain told Moscow through military channels that its jets would be flying "
            "over the Black Sea on Tuesday, a Ministry of Defence spokesperson said, adding that the flights were routine.\n")
    c = _one(extract_document(text), "notification")
    assert (c.speaker, c.speaker_country) == ("Ministry of Defence spokesperson", "United Kingdom")
    assert c.speaker_org.endswith("Ministry of Defence")


def test_breaking_a_rule_to_strike_does_not_deny_the_strike(extract):
    assert _stances(extract, "Iraq's government said Israeli aircraft had violated its airspace to carry out the attack.",
                    "strike") == ["acknowledge"]
    assert _stances(extract, "Russia violated the memorandum by flying over the deconfliction zone, the official said.",
                    "cooperation") == ["deny"]


def test_another_official_is_of_the_same_side_as_the_one_before(extract_document):
    text = ("A U.S. official said Washington had been notified before the raids but did not take part.\n"
            "Another official said American jets had played no part in the strikes.\n")
    claims = [c for c in extract_document(text) if c.sentence.startswith("Another")]
    assert claims and all(c.speaker_country == "United States" for c in claims)


def test_a_spokesperson_for_the_command_is_the_commands_named_before(extract_document):
    text = ("The U.S. Indo-Pacific Command said its forces were closely monitoring the exercises.\n"
            "A spokesperson for the command told CNN that American ships had not been warned by the Chinese side.\n")
    c = _one(extract_document(text), "notification")
    assert (c.speaker_org, c.speaker_country) == ("U.S. Indo-Pacific Command", "United States")


def test_a_body_saying_it_had_not_been_consulted_denies_the_consultation(extract):
    claims = extract("Iraq's military said the strikes were a violation of Iraqi sovereignty and that it had not been "
                     "consulted.")
    assert ("cooperation", "deny") in {(c.topic, c.stance) for c in claims}


def test_a_copy_of_the_names_remembered_shares_nothing_that_can_change():
    """`Mentions.copy` (what reading a name apart restores the memory from): equal to a deep copy,
    one person held in two places still one, and changing the copy leaves the original as it was."""
    import copy

    from nlp_tools.claims.context import Mentions, SpeakerInfo

    mentions = Mentions()
    mentions.remember(SpeakerInfo("Turki al-Maliki", "spokesman", "Saudi-led Coalition", "", True, True))
    mentions.remember(SpeakerInfo("Turkish Defence Ministry", "", "Turkey Ministry of National Defence", "Turkey"))
    mentions.documents["statement"] = mentions.last_body
    kept = mentions.copy()
    assert kept == copy.deepcopy(mentions)
    assert kept.by_surname["maliki"] is kept.by_surname["al-maliki"] is kept.last_person
    assert kept.last_person is not mentions.last_person and kept.bodies[0] is kept.documents["statement"]
    kept.last_person.official = False
    kept.bodies.append(SpeakerInfo("NATO"))
    assert mentions.last_person.official and [b.name for b in mentions.bodies] == ["Turkish Defence Ministry"]


def test_a_government_spokesman_after_a_state_that_spoke_is_that_states_not_a_coalitions(extract_document):
    text = ("The Saudi-led coalition said on Monday that the attack on the pipeline came from the north.\n"
            '"No one informed us of the attack," coalition spokesman Turki al-Maliki told reporters in Riyadh.\n'
            "Oman said it was looking into reports of drones over its waters, but a government spokesman said Oman "
            "had not been notified of any flights by its neighbours.\n")
    c = _one([c for c in extract_document(text) if "Oman" in c.sentence], "notification")
    assert (c.speaker, c.speaker_org) == ("government spokesman", "Oman Government")
    # (a state named in more than one word; a pronoun's clause in between)
    for sentence, org in (("Saudi Arabia said it was studying the debris, but a government spokesman said Riyadh had "
                           "not been informed of the strike.", "Saudi Arabia Government"),
                          ("Qatar said it denied any role, but a government spokesman said Doha had not been notified "
                           "of the strike.", "Qatar Government")):
        c = _one(extract_document(sentence + "\n"), "notification")
        assert c.speaker_org == org


def test_a_party_inside_the_phrase_of_a_cooperation_does_not_tell_it_again(extract_document):
    text = ("IDF Spokesperson Announcement\nMarch 2, 2026\n\n"
            "Overnight, IDF aircraft struck a rocket launcher in the southern Gaza Strip.\n\n"
            "Asked whether Moscow had been told in advance through the deconfliction mechanism of the raid, an IDF "
            "spokesman declined to comment.\n\n"
            'Col. Arie Danon said that coordination with the Jordanian side at the Allenby crossing "continues as usual".\n')
    claims = extract_document(text)
    c = _one([c for c in claims if "Danon" in c.sentence], "cooperation")
    assert (c.agent, c.counterpart) == ("Israel Defense Forces", "Jordan")
    # (the heading names who issues the release: "X Spokesperson's Announcement", "X Announcement")
    assert _one([c for c in claims if "Overnight" in c.sentence], "strike").speaker_org == "Israel Defense Forces"


@pytest.mark.parametrize("text", [
    "Tokyo warned Pyongyang not to repeat the launch, the ministry said.",
    "The minister told Ankara never to send its jets over the islands again.",
    "Washington has warned Riyadh that an offensive on the port would be a grave error.",
    "Moscow warned the alliance that sending the missiles would make it a party to the war.",
])
def test_telling_someone_what_not_to_do_or_what_an_act_would_be_is_no_notice(extract, text):
    claims = extract(text)
    assert "notification" not in {c.topic for c in claims}
    # (the act named in it is not one the notice is about: "not to repeat the launch")
    assert not any(c.topic == "strike" and c.stance == "deny" for c in claims)


@pytest.mark.parametrize("text", [
    "Moscow warned Washington that the strikes would be carried out at dawn.",
    "Ankara informed Baghdad that its forces would cross the border on Monday.",
    "Jerusalem informed Washington that the operation would be brief.",
])
def test_warning_of_an_act_to_come_stays_a_notice(extract, text):
    assert _stances(extract, text, "notification") == ["acknowledge"]


def test_a_states_formal_name_is_the_state_and_its_bodies_a_releases_issuer(extract_document):
    from nlp_tools.claims.actors import ActorDictionary

    actors = ActorDictionary.load()
    assert actors.organisation("the Republic of Estonia").name == "Estonia Government"
    assert actors.organisation("Ministry of Defence of the Republic of Estonia").name == "Estonia Ministry of Defence"
    assert actors.country_of("the Kingdom of the Netherlands") == "Netherlands"
    # (a listed formal name keeps its own state; an office "of State" is no state's formal name)
    assert actors.organisation("Republic of Korea").country == "South Korea"
    assert actors.country_of("Secretary of State of Ruritania") == ""
    text = ("Ministry of Foreign Affairs of the Republic of Estonia\nPress release\n2 March 2026\n\n"
            "Estonia regrets that the snap exercise launched by the Russian Armed Forces near its border was held "
            "without prior notification under the Vienna Document.\n")
    claims = extract_document(text)
    c = _one(claims, "notification")
    assert (c.speaker_org, c.official, c.stance) == ("Estonia Ministry of Foreign Affairs", True, "deny")
    # (an exercise launched is no strike)
    assert "strike" not in {c.topic for c in claims}


def test_a_name_after_a_rank_is_a_person_and_their_surname_later_is_them(extract_document):
    text = ('"We coordinate every step with our Nordic and Baltic partners," said Col. Marcus Hale, a spokesman '
            "for U.S. Army Europe and Africa.\n\n"
            "The drills are not directed against any country, Hale said, adding that Russia had been informed "
            "in line with the Vienna Document.\n")
    claims = extract_document(text)
    c = _one([c for c in claims if "informed" in c.sentence], "notification")
    assert c.speaker.endswith("Marcus Hale") and c.official


@pytest.mark.parametrize("text", [
    "Not a single Moldovan soldier is taking part in the operation, the minister said.",
    "Not one Danish aircraft took part in the raids, the ministry said.",
])
def test_a_subject_counted_as_none_denies(extract, text):
    assert _stances(extract, text, "cooperation") == ["deny"]


@pytest.mark.parametrize("text", [
    "Not only Norway but also Denmark took part in the raids, the ministry said.",
    "Not a few countries took part in the raids, the ministry said.",
])
def test_not_only_one_but_also_another_acknowledges(extract, text):
    assert _stances(extract, text, "cooperation") == ["acknowledge"]


def test_a_response_carried_out_is_a_strike_a_response_to_words_is_not(extract):
    assert _stances(extract, 'The mission posted: "Our lawful response to the aggression has been duly carried out."',
                    "strike") == ["acknowledge"]
    assert _stances(extract, "The ministry's response to the letter was sent on Monday.") == []


def test_a_title_before_a_bodys_short_name_is_the_body_speaking_not_a_person(extract):
    c = _one(extract("Director General ISPR said the Afghan side had been informed through official channels before "
                     "the operations commenced."), "notification")
    assert (c.speaker_org, c.official) == ("Inter-Services Public Relations", True)


def test_a_given_name_the_recogniser_left_out_is_part_of_the_name_and_the_role_then_names_them(extract):
    claims = extract("Minister of Defence Hashem Salman al-Rubaie said: \"We were told after the fact, not before.\"\n\n"
                     "The minister added that the strikes had killed two shepherds.")
    assert {c.speaker for c in claims} == {"Hashem Salman al-Rubaie"}
    # (a title or a state before the name is no given name)
    c = _one(extract("Defence Minister Karim Haddad said the ministry had not been informed of the strikes."), "notification")
    assert c.speaker == "Karim Haddad"


def test_two_speakers_the_sentence_reports_with_opposite_stances_make_two_claims(extract):
    claims = extract("While the foreign ministry spokesman said the government had not been informed in advance of the "
                     "operation, diplomatic sources told the agency that Baghdad had been briefed before the strikes.")
    notices = sorted((c.stance, c.speaker) for c in claims if c.topic == "notification")
    assert [s for s, _ in notices] == ["acknowledge", "deny"] and notices[0][1] != notices[1][1]


@pytest.mark.parametrize("text", [
    "Jordan was briefed, but this was a unilateral American operation, the official said.",
    "The ministry said the strikes had been carried out unilaterally.",
])
def test_acting_alone_denies_cooperation(extract, text):
    assert _stances(extract, text, "cooperation") == ["deny"]


def test_fighting_side_by_side_with_a_force_is_cooperation(extract):
    assert _stances(extract, "Their units fought side by side with the federal army, the officer said.",
                    "cooperation") == ["acknowledge"]


def test_a_named_operation_conducted_against_someone_is_a_strike(extract):
    assert _stances(extract, "Nigerien troops have been conducting Operation Desert Shield against the militants since April.",
                    "strike") == ["acknowledge"]
    # (an operation's name in a body's name is no strike)
    assert _stances(extract, "The Operation Inherent Resolve spokesman said the coalition had been informed.", "strike") == []


def test_shells_that_fell_are_a_strike(extract):
    assert _stances(extract, "Residents said shells had fallen on the town from across the border for three days.",
                    "strike") == ["acknowledge"]
    assert _stances(extract, "The company said its shell subsidiaries had been closed.", "strike") == []


def test_a_statement_by_an_office_is_spoken_by_the_holder_the_heading_names(extract_document):
    text = ("Prime Minister of New Zealand - The Hon Aroha Whitcombe MP\n\nMedia release\n\n4 March 2016\n\n"
            "Statement by the Prime Minister on New Zealand Defence Force operations in Iraq\n\n"
            "Our aircraft will conduct air strikes against the militants alongside the coalition.\n")
    claims = extract_document(text)
    assert claims and {(c.speaker, c.official) for c in claims} == {("Aroha Whitcombe", True)}


def test_a_joint_statement_of_two_governments_named_in_full_speaks_for_both_by_their_names(extract_document):
    text = ("Quito, 2 May 2023\n\nJOINT STATEMENT OF THE GOVERNMENT OF THE REPUBLIC OF ECUADOR AND THE GOVERNMENT OF THE "
            "REPUBLIC OF PERU ON BORDER SECURITY\n\n"
            "The two Governments have agreed to establish a joint mechanism for coordination between their armed forces.\n")
    c = _one(extract_document(text), "cooperation")
    assert c.speaker == "Governments of Ecuador and Peru"


def test_what_a_minister_requested_is_said_by_the_minister(extract):
    c = _one(extract("Minister Okafor stated that Nigeria values the hotline. He requested that Chad notify Nigeria in "
                     "advance of large-scale exercises near the border."), "notification")
    assert c.speaker == "Okafor"


def test_a_live_blogs_time_stamp_is_no_part_of_the_speakers_name(extract):
    c = _one(extract("01:10 GMT - Oman's government spokesman says Muscat received no prior notice of the launches."),
             "notification")
    assert c.speaker == "Oman's government spokesman"


def test_a_body_of_a_kind_named_otherwise_than_the_one_before_is_the_datelines_states(extract_document):
    text = ("ACCRA, June 3 (Wire) - Togo's Foreign Ministry said Ghana had agreed to inform the Togolese side before "
            "any border patrol.\n\n"
            "The Department of Foreign Affairs said separately that patrols would continue without giving notice to any "
            "other state.\n\nThe ministry said it had been informed.\n")
    speakers = [(c.sentence[:12], c.speaker_country) for c in extract_document(text) if c.topic == "notification"]
    assert speakers == [("Togo's Forei", "Togo"), ("The Departme", "Ghana"), ("The ministry", "Ghana")]


@pytest.mark.parametrize("text, topic, stance", [
    # refraining from comment evades
    ("The ministry refrains from commenting on whether intelligence was exchanged with Seoul.", "cooperation", "evade"),
    # objecting to a cooperation denies it; objecting to strikes leaves them strikes
    ("Beijing opposes military cooperation between Manila and countries outside the region.", "cooperation", "deny"),
    ("Moscow opposes the strikes on the militants.", "strike", "acknowledge"),
    # told hours after the act began: no advance notice (but "after midnight" is a time)
    ("The Turkish side informed the Iraqi attache of the operation several hours after it had begun.", "notification", "deny"),
    ("The Turkish side informed the Iraqi attache of the operation after midnight.", "notification", "acknowledge"),
    # a condition told by the order of its words
    ("Should the militia continue its attacks, it will face air strikes.", "strike", "conditional"),
    ("Were Ankara to give us advance notice, we would welcome it.", "notification", "conditional"),
])
def test_stances_of_independent_phrasings(extract, text, topic, stance):
    assert _stances(extract, text, topic) == [stance]


def test_notices_conveyed_or_passed_on_and_the_operation_they_came_ahead_of(extract):
    claims = extract("A diplomatic source said Iran informed Ankara ahead of the operation.")
    assert sorted(c.topic for c in claims) == ["notification", "strike"]
    assert _stances(extract, "She declined to say whether the line had been used to convey any notice since Wednesday.",
                    "notification") == ["evade"]
    assert _stances(extract, "The army kept passing warnings to the villages through the U.N. force.",
                    "notification") == ["acknowledge"]


def test_acting_together_with_a_party_is_cooperation_however_the_parser_hangs_the_with(extract):
    c = _one(extract("The Government acted together with its allies in the strait."), "cooperation")
    assert c.stance == "acknowledge" and c.counterpart.startswith("its allies")


def test_forces_embedded_with_another_partys_units_cooperate_journalists_do_not(extract):
    assert _stances(extract, "The contractors are embedded with Malian units in the centre of the country, the officer said.",
                    "cooperation") == ["acknowledge"]
    assert _stances(extract, "Journalists embedded with the army reported heavy shelling.", "cooperation") == []


def test_data_indicate_no_speaker(extract):
    c = _one(extract("The data at our disposal indicate that the coalition command reached an arrangement with the militants."),
             "cooperation")
    assert c.speaker == ""


def test_a_title_and_name_the_recogniser_took_for_a_body_is_the_person_and_the_title_later_them(extract_document):
    text = ('"Allies have received no satisfactory explanation from Moscow and no advance notice of the drills," said NATO '
            "Deputy Spokesperson Marit Odegaard.\n\n"
            "The exercise involved some 12,000 troops and 80 aircraft near the border.\n\n"
            "Asked whether Allies had been told of the launches in advance, the Deputy Spokesperson declined to say.\n")
    claims = extract_document(text, date="2021-09-14")
    assert {c.speaker for c in claims if c.topic == "notification"} == {"Marit Odegaard"}


def test_a_second_speaker_set_against_the_first_with_but_speaks_for_themselves(extract):
    claims = extract("A senior Turkish official said Baghdad had been informed in general terms of what was coming, but an "
                     "aide to Iraq's prime minister said no one in the government had been told anything beforehand.")
    notices = sorted((c.stance, c.speaker) for c in claims if c.topic == "notification")
    assert notices == [("acknowledge", "senior Turkish official"), ("deny", "aide to Iraq's prime minister")]


@pytest.mark.parametrize("text", [
    "Repeated combat actions by the air force against the border posts are a gross violation of international law.",
    "Some of our citizens expected an even harsher military response.",
])
def test_force_named_by_its_kind_is_a_strike(extract, text):
    assert _stances(extract, text, "strike") == ["acknowledge"]


def test_the_incident_after_a_strike_takes_the_strike_up(extract_document):
    text = ("On 9 March a missile was fired by mistake and struck a warehouse across the border.\n"
            "We deeply regret the incident, and an inquiry has been ordered.\n")
    claims = extract_document(text)
    assert [c.topic for c in claims if "incident" in c.sentence] == ["strike"]
    # (an incident no strike came before is no strike)
    assert not [c for c in extract_document("We deeply regret the incident at the border crossing.\n") if c.topic == "strike"]


@pytest.mark.parametrize("text, topic", [
    ("Nor will we be working with the junta in Bamako.", "cooperation"),
    ("Neither did Moscow inform us of the launch.", "notification"),
])
def test_a_clause_opened_by_nor_or_neither_denies(extract, text, topic):
    assert _stances(extract, text, topic) == ["deny"]


def test_a_heading_names_its_state_by_the_longest_name_and_a_kind_of_body_in_one_part_of_its_first_line(extract_document):
    text = ("Ministry of National Defense, Republic of China (Taiwan)\n\nNews Release | 2023-04-10\n\n"
            "PLA aircraft continue drills around Taiwan\n\n"
            "The PLA did not notify the ROC side of any of these activities in advance.\n")
    c = _one(extract_document(text), "notification")
    assert (c.speaker_country, c.official) == ("Taiwan", True)
    text = ("Department of Defence | Media Release\n\n16 September 2015 | MECC 178/15\n\n"
            "RAAF conducts first air strike in Syria\n\n"
            "A Royal Australian Air Force Hornet has conducted Australia's first air strike in Syria.\n")
    c = _one(extract_document(text), "strike")
    assert (c.speaker, c.speaker_country) == ("Department of Defence", "Australia")


def test_at_no_time_hung_on_the_helping_verb_denies(extract):
    assert _stances(extract, "At no point did the Belarusian side inform the Lithuanian authorities of the flights.",
                    "notification") == ["deny"]


def test_a_role_of_a_state_named_with_of_inside_its_name_is_that_states(extract_document):
    # (the "of" inside "the Republic of Korea" belongs to the name: the second envoy is not the first one again)
    text = ("In the debate, the representative of Japan said his country had been told of the launch in advance.\n\n"
            "The representative of the Democratic People's Republic of Korea said the launch had been notified to "
            "the maritime authorities of the region beforehand.\n")
    speakers = {c.speaker_country for c in extract_document(text) if c.topic == "notification"}
    assert speakers == {"Japan", "North Korea"}


def test_a_spokesman_of_one_body_is_not_the_named_spokesman_of_another(extract_document):
    text = ("A spokesman for the rebel Liberation Front said the air strike had hit a market in Gao.\n\n"
            "Maj. Tomas Ruiz, an army spokesman, said the strike had been coordinated with French forces.\n\n"
            "Spain's foreign ministry spokesman said Madrid had not been informed of the strike beforehand.\n")
    by_sentence = {c.sentence[:12]: c.speaker for c in extract_document(text)}
    assert by_sentence["A spokesman "] != "Tomas Ruiz"
    assert by_sentence["Spain's fore"] != "Tomas Ruiz"
    assert by_sentence["Maj. Tomas R"] == "Tomas Ruiz"
    # (one body's spokesman named once and by role alone later is still the one person)
    text = ("Maj. Tomas Ruiz, an army spokesman, said the strike had been coordinated with French forces.\n\n"
            "The army spokesman later said the strike had hit a depot.\n")
    assert {c.speaker for c in extract_document(text)} == {"Tomas Ruiz"}


def test_a_rank_marked_retired_is_one_speaker_and_no_official(extract):
    c = _one(extract('"We told them beforehand about every exercise," said Maj. Gen. (retd) Farid Lodhi, a former '
                     'director of operations.'), "notification")
    assert (c.speaker, c.official) == ("Farid Lodhi", False)
    c = _one(extract("Brig. Gen. (Ret.) Helen Ortiz said the strikes had been coordinated with Jordan."), "cooperation")
    assert (c.speaker, c.official) == ("Helen Ortiz", False)
    c = _one(extract("Brig. Gen. Helen Ortiz said the strikes had been coordinated with Jordan."), "cooperation")
    assert (c.speaker, c.official) == ("Helen Ortiz", True)  # (serving)


def test_a_courtesy_title_later_keeps_the_role_named_first(extract_document):
    text = ("Interior Minister Odile Varga said on Monday that Hungary had informed Austria before the operation.\n\n"
            "Mr. Varga said Vienna had also been told of the strikes in advance.\n")
    claims = [c for c in extract_document(text) if c.topic == "notification"]
    assert [(c.speaker, c.official) for c in claims] == [("Odile Varga", True)] * 2


def test_the_ministry_is_the_one_a_minister_or_a_speaking_body_just_named(extract_document):
    text = ("Serbia's interior ministry said Croatian police had fired across the river first.\n\n"
            "Croatia's interior ministry gave a different account, saying Serbian units had staged a provocation. "
            "The ministry said Belgrade had moved troops to the border without any notification.\n\n"
            "Hungary's defence minister held calls with both counterparts, after which the two sides agreed to "
            "coordinate their patrols, the ministry said.\n")
    by_sentence = {c.sentence[:14]: c.speaker_country for c in extract_document(text)}
    assert by_sentence["The ministry s"] == "Croatia"
    assert by_sentence["Hungary's defe"] == "Hungary"


def test_a_name_set_beside_a_role_with_a_title_and_a_hyphen_is_the_speaker(extract_document):
    # (the recogniser and tagger may miss such a name: a title before it, a hyphen inside, a last word read as a verb)
    text = ("Cairo, 28 May 2024\n\nThe Official Spokesman for the Presidency of the Republic, Counselor Mahmoud El-Sayed, "
            "stated that President Abdel Fattah El-Sisi received today a phone call from President Joseph R. Biden of the "
            "United States of America.\n\nThe Spokesman said that both presidents would coordinate closely on aid.\n")
    assert {c.speaker.split()[-1] for c in extract_document(text) if c.topic == "cooperation"} == {"El-Sayed"}


def test_a_moderators_turn_holds_no_claim(extract_document):
    text = ("Conference call with foreign press\nParticipants: army spokesperson Col. Dana Weiss; a moderator\n\n"
            "MODERATOR: The spokesperson will give an update on the strikes, and then we'll open the line.\n\n"
            "COL. WEISS: Our jets struck ten launch sites overnight.\n")
    assert [c.sentence[:3] for c in extract_document(text)] == ["Our"]


def test_a_statement_signed_at_its_end_with_the_press_answers_after_it(extract_document):
    text = ("PHILIPPINE NAVY\n\nOffice of the Navy Spokesperson\n\n4 May 2024\n\nSTATEMENT ON THE BOARDING INCIDENT\n\n"
            "At 05:10 today, a foreign patrol vessel rammed our supply boat on a routine mission near the reef. "
            "Two sailors were hurt and the boat was towed back to port.\n\n"
            "Let me be clear: the Navy did not notify the foreign coast guard in advance of the mission, and it "
            "had no reason to do so under any agreement.\n\n"
            "Q: Did the Navy coordinate the mission with its allies?\n\n"
            "A: We coordinated the mission closely with our allies, as we always do.\n\n"
            "Commodore Elena Marquez\n\nNavy Spokesperson\n")
    claims = extract_document(text)
    assert {c.speaker for c in claims} == {"Elena Marquez"}
    assert all(c.official for c in claims)
    # (a contact for the press named at the end does not sign it)
    contact = text.replace("Commodore Elena Marquez\n\nNavy Spokesperson\n", "Elena Marquez\n\nPress Officer\n")
    assert "Elena Marquez" not in {c.speaker for c in extract_document(contact)}


@pytest.mark.parametrize("text", [
    "Our crews did it in lockstep with the Danish command.",
    "Estonian ships operated in tandem with the Finnish navy throughout the night.",
])
def test_acting_in_step_with_a_partner_is_cooperation(extract, text):
    assert [c.topic for c in extract(text)] == ["cooperation"]
    _none(extract("Prices rose in lockstep with wages last year."), "cooperation")  # (no party)


@pytest.mark.parametrize("text, topic, stance", [
    ("There is no arrangement, written or spoken, under which Hanoi gives Beijing prior notice of its patrols.",
     "notification", "deny"),
    ("There is no mechanism by which the two navies coordinate their patrols.", "cooperation", "deny"),
    ("The 1991 agreement, under which both sides notify each other of exercises, is still observed.", "notification",
     "acknowledge"),
])
def test_what_a_framework_provides_is_denied_with_the_framework(extract, text, topic, stance):
    assert _stances(extract, text, topic) == [stance]


def test_conveying_and_reminding_report_and_a_raised_passive_subject_does_not_speak(extract):
    c = _one(extract("The Director General of the Ministry, Mr. Tanvir Alam, conveyed to the envoy that Dhaka had not "
                     "been given any prior information about the operations."), "notification")
    assert c.speaker == "Tanvir Alam"
    c = _one(extract("Each side is expected to inform the other before any exercise near the border."), "notification")
    assert c.speaker != "Each side"


def test_two_speakers_side_by_side_each_make_their_own_claim_of_one_topic(extract):
    claims = extract("Chad's army said on Sunday its drones had struck rebel positions near the lake, while the rebel "
                     "group accused the military of bombing a market.")
    assert sorted(c.speaker for c in claims if c.topic == "strike") == ["Chad's army", "rebel group"]
    claims = extract("The ministry said its jets had struck a depot, and the rebels said the strikes had hit a school.")
    assert sorted(c.speaker for c in claims if c.topic == "strike") == ["ministry", "rebels"]
    # (what one speaker reports another said is the first one's statement: one claim)
    claims = extract("The ministry said its jets had struck a depot that the rebels said was used to store drones.")
    assert [c.speaker for c in claims if c.topic == "strike"] == ["ministry"]


def test_a_document_of_two_statements_gives_each_its_own_issuer(extract_document):
    text = ("BORDER DOCUMENTS DIGEST\n\nIssue 4/2024 | Compiled 20 March 2024\n\n"
            "Two statements on the shelling of the border villages, reproduced in full.\n\n"
            "1. Press release of the Ministry of Defence of Georgia\n\nTbilisi, 19 March 2024\n\n"
            "Georgian artillery struck the positions from which the villages had been shelled.\n\n"
            "2. Statement by the Ministry of Foreign Affairs of Armenia\n\nYerevan, 19 March 2024\n\n"
            "Armenia was not informed in advance of the strikes.\n")
    by_sentence = {c.sentence[:8]: c.speaker_country for c in extract_document(text)}
    assert (by_sentence["Georgian"], by_sentence["Armenia "]) == ("Georgia", "Armenia")
    # (a person a section's heading names speaks for it, however little of the text around it is parsed)
    named = text.replace("2. Statement by the Ministry of Foreign Affairs of Armenia",
                         "2. Statement by Foreign Ministry Spokesman Ani Badalyan")
    assert {c.speaker for c in extract_document(named) if c.sentence.startswith("Armenia ")} == {"Ani Badalyan"}
    # (a release's number is no part of its issuer's name)
    numbered = text.replace("1. Press release of the Ministry of Defence of Georgia\n\nTbilisi, 19 March 2024",
                            "Communique No. 087 of the General Staff of the Armed Forces (Tbilisi, 19 March 2024)")
    speakers = [c.speaker for c in extract_document(numbered) if c.sentence.startswith("Georgian")]
    assert speakers and not any("087" in s for s in speakers)
    # (a series of communiqués of one body under headings that name none goes on with that body)
    text = ("Ministry of Defence of Georgia\n\nTbilisi, 19 March 2024\n\nCommunique No. 1 - 09:40\n\n"
            "Georgian artillery struck the positions from which the villages had been shelled.\n\n"
            "Communique No. 2 - 16:05\n\nArmenia was informed of the strikes in advance through the hotline.\n")
    assert {c.speaker_country for c in extract_document(text)} == {"Georgia"}


def test_a_series_of_numbered_releases_keeps_its_issuer_whatever_the_headlines_name(extract_document):
    text = ("U.S. CENTRAL COMMAND\n\nStatements | Red Sea Operations\n\nJan. 12, 2024\n\nRelease No. 20240112-01\n\n"
            "U.S. and U.K. forces strike Houthi targets\n\n"
            "U.S. and British forces struck radar sites in Yemen in coordination with their partners.\n\n"
            "Jan. 13, 2024\n\nRelease No. 20240113-01\n\nU.K. forces strike a radar site\n\n"
            "British forces struck a further radar site overnight, and regional partners were informed in advance.\n")
    assert {c.speaker for c in extract_document(text)} == {"U.S. Central Command"}


def test_a_section_of_a_state_named_by_its_acronym_in_capitals(extract_document):
    text = ("DOCUMENTS DIGEST\n\nIssue 2/2024 | Compiled 20 March 2024\n\n"
            "Two statements on the launch of 18 March, reproduced in full below.\n\n"
            "1. Statement by the Ministry of Foreign Affairs of Japan\n\nTokyo, 19 March 2024\n\n"
            "Japan was not notified of the launch in advance.\n\n"
            "2. RIGHT OF REPLY BY THE DELEGATION OF THE DPRK\n\n"
            "The DPRK informed the maritime authorities of the launch window in advance.\n")
    by_sentence = {c.sentence[:8]: c.speaker_country for c in extract_document(text)}
    assert (by_sentence["Japan wa"], by_sentence["The DPRK"]) == ("Japan", "North Korea")


def test_neighbours_are_a_party_to_work_with(extract):
    claims = extract("Armenia is ready to work with its neighbours on new border security arrangements, the foreign "
                     "minister said.")
    assert [(c.topic, c.counterpart) for c in claims] == [("cooperation", "its neighbours")]
    # (working with what is no party stays no claim)
    assert extract("Armenia is ready to work with its engineers on new border roads, the foreign minister said.") == []


def test_who_names_an_act_in_a_relative_clause_speaks_of_it(extract):
    (c,) = extract("Kenya's foreign ministry summoned the Somali ambassador on Friday over the shelling, which it "
                   "called a grave violation of Kenyan territory.")
    assert (c.topic, c.speaker, c.official) == ("strike", "Kenya's foreign ministry", True)
    (c,) = extract("Nairobi protested the shelling, which Kenya described as an unprovoked act.")
    assert c.speaker == "Kenya"


def test_a_role_of_a_named_state_is_no_one_of_another_or_unknown_state(extract_document):
    claims = extract_document(
        "BEIRUT, March 3 (Cedar Wire) - Lebanese Foreign Minister Karim Nassar said on Monday that Beirut had not been "
        "warned of the raid.\n\n"
        "The Cypriot foreign minister said Nicosia had been notified an hour before the raid.\n\n"
        "Minister of Information and government spokesman Walid Haddad said Beirut was in contact with all parties.\n\n"
        "Syria's foreign minister said Damascus had received no notice of the raid either.\n")
    speakers = {c.sentence.split()[1]: c.speaker for c in claims if c.topic == "notification"}
    assert speakers["Cypriot"] == "Cypriot foreign minister"  # (not Nassar, Lebanon's)
    assert speakers["foreign"] == "Syria's foreign minister"  # (not Haddad, of no state the text says)


def test_a_joint_statement_marker_over_its_meeting_line_is_the_meetings_ministers(extract_document):
    claims = extract_document(
        "JOINT PRESS STATEMENT\n\n"
        "Australia - New Zealand - Fiji Trilateral Ministerial Meeting\n\n"
        "Suva, 4 June 2025\n\n"
        "1. The Ministers noted that no prior notification had been given of the naval live-fire drills south of Fiji. "
        "They welcomed the new hotline between the three navies.\n")
    assert {c.speaker for c in claims} == {"Ministers of Australia, New Zealand and Fiji"}
    assert all(c.official for c in claims) and {c.topic for c in claims} == {"notification", "cooperation"}


def test_a_monitors_line_introducing_each_text_names_its_issuer(extract_document):
    text = ("GULF MEDIA DIGEST\n\n"
            "Yemen and Saudi Arabia trade statements over border shelling\n\n"
            "5 March 2021\n\n"
            "The two sides issued statements on Thursday and Friday. Texts follow, in our translation.\n\n"
            "1. Text of statement by the official spokesman of the Houthi armed forces, Brig. Yahya Saree, carried "
            "by Al-Masirah TV on 4 March:\n\n"
            "\"Our air force struck the airport in Abha with four drones.\n\n"
            "No party was told of the operation in advance.\"\n\n"
            "2. Text of statement by the Ministry of Defence of the Kingdom of Saudi Arabia, posted on its official "
            "account on 5 March:\n\n"
            "\"The air defences intercepted the drones. The Kingdom was given no warning of the attack.\"\n")
    speakers = {c.sentence[:12]: c.speaker for c in extract_document(text)}
    assert speakers["\"Our air for"] == "Yahya Saree" and speakers["No party was"] == "Yahya Saree"
    assert speakers["The Kingdom "] == "Saudi Arabia Ministry of Defence"
    (c,) = extract_document(text.split("2. Text")[0] + "2. Text of statement by the Ministry of Peace of the Federal Democratic "
                            "Republic of Ethiopia, posted on its official page on 5 March:\n\n\"Ethiopia was given no warning "
                            "of the strikes.\"\n", doc_id="two")[-1:]
    assert c.speaker.endswith("of Ethiopia") and c.official


def test_a_notice_relayed_is_no_speech_of_who_relayed_it(extract_document):
    claims = extract_document("Q: Did Seoul pass the warning on?\n\n"
                              "MR. KIM: Whether Seoul relayed the North's warning to Tokyo before the launch is a matter "
                              "I will not go into.\n")
    assert claims and {(c.speaker, c.attribution) for c in claims} == {("Kim", "transcript")}
    # (conveying to someone that ... is speech)
    (c,) = extract_document("The minister conveyed to the ambassador that Hanoi had not been notified of the drills "
                            "in advance.")
    assert c.speaker == "minister"


def test_engaging_with_a_party_is_talking_and_engaging_a_target_is_fire(extract):
    (c,) = extract("Ankara remains ready to engage with the authorities in Damascus, provided they act against the PKK, "
                   "the ministry said.")
    assert (c.topic, c.stance, c.counterpart_country) == ("cooperation", "conditional", "Syria")
    (c,) = extract("We remain closely engaged with Baghdad on the security of the border, the ambassador said.")
    assert (c.topic, c.counterpart_country) == ("cooperation", "Iraq")
    # (engaging aircraft, or engaging with fighters, is no talk)
    assert [c.topic for c in extract("Two Turkish F-16s engaged two Syrian helicopters near the border, the ministry "
                                     "said.")] == ["strike"]
    assert "cooperation" not in [c.topic for c in extract("Our patrol engaged with the militants near the bridge, the army "
                                                          "said.")]


def test_fighting_together_and_asking_for_anothers_strikes_are_cooperation(extract):
    (c,) = extract("The drills teach our marines and theirs to fight together and to operate together, the Philippine "
                   "spokesperson said.")
    assert c.topic == "cooperation"
    claims = extract("The Malian transitional government requested the airstrikes on the convoy, the French general "
                     "staff said.")
    assert {c.topic for c in claims} == {"strike", "cooperation"}
    coop = next(c for c in claims if c.topic == "cooperation")
    assert coop.agent_country == "Mali"
    assert [c.topic for c in extract("He declined to say whether Mali had requested any of the strikes.")] == [
        "strike", "cooperation"]
    # (one's own strikes asked for are no one else's)
    assert [c.topic for c in extract("We requested our own artillery strikes on the ridge, the captain said.")] == ["strike"]


def test_keeping_a_party_informed_and_a_message_passed_before_an_act_are_notices(extract):
    (c,) = extract("We trust that our allies will keep us informed, as they did this time, the Dutch spokeswoman said.")
    assert (c.topic, c.agent, c.counterpart_country) == ("notification", "our allies", "Netherlands")
    claims = extract("The Swiss envoy declined to say whether any message had been passed through the embassy before "
                     "the strikes.")
    assert ("notification", "evade") in {(c.topic, c.stance) for c in claims}
    # (a figurative message, or one after the act, is none)
    assert [c.topic for c in extract("The strikes sent a clear message to the militia, the minister said.")] == ["strike"]
    assert extract("Keep me informed about the budget, the minister told his aide.") == []


def test_an_ambush_and_an_aggression_carried_out_are_strikes(extract):
    (c,) = extract("Gunmen ambushed a Nigerien patrol near the border on Monday, killing six soldiers, the army said.")
    assert (c.topic, c.agent, c.counterpart) == ("strike", "Gunmen", "Nigerien patrol")
    claims = extract("This aggression was carried out without any prior notice to the government in Baghdad, the "
                     "ministry said.")
    assert {c.topic for c in claims} == {"strike", "notification"}
    # (an aggression as a policy, not an act carried out, is none)
    assert extract("Moscow must end its aggression against Georgia, the minister said.") == []


def test_a_debates_members_speak_for_no_government_and_its_minister_does(extract_document):
    text = ("House of Commons\nTuesday 9 May 2023\n\nSudan: Evacuation\n\n"
            "Priya Okafor (Leeds Central) (Lab) (Urgent Question): To ask the Secretary of State for Defence if he will "
            "make a statement on the evacuation flights from Sudan.\n\n"
            "The Minister for the Armed Forces (Mr Daniel Rowe): The RAF flew 23 sorties from Wadi Seidna, and the "
            "Sudanese Armed Forces were informed in advance of every flight.\n\n"
            "Priya Okafor: The House was not consulted before troops were deployed, and we learned of the operation from "
            "the radio. The Prime Minister did not inform the House before the strikes.\n\n"
            "Mr Rowe: We coordinated closely with our French and German allies throughout.\n\n"
            "The Minister for the Armed Forces: The Rapid Support Forces were also told of the flights in advance.\n")
    claims = extract_document(text)
    by_speaker = {(c.speaker, c.official) for c in claims}
    assert ("Daniel Rowe", True) in by_speaker and ("Priya Okafor", False) in by_speaker
    assert {c.speaker for c in claims if c.sentence.startswith(("We coordinated", "The Rapid"))} == {"Daniel Rowe"}
    assert all(c.official for c in claims if c.speaker == "Daniel Rowe")
    # (the Prime Minister in a member's mouth is still their own state's)
    told = next(c for c in claims if c.sentence.startswith("The Prime Minister") and c.topic == "notification")
    assert told.agent_country == "United Kingdom"


def test_readiness_is_conditional_and_being_told_nothing_denies(extract):
    (c,) = extract("Morocco reaffirms its readiness to cooperate with its neighbours against the armed groups, the ministry "
                   "said.")
    assert (c.topic, c.stance) == ("cooperation", "conditional")
    claims = extract("The farmers whose fields were shelled were told nothing beforehand, the governor said.")
    assert ("notification", "deny") in {(c.topic, c.stance) for c in claims}
    # (a strike that achieved nothing still took place)
    (c,) = extract("The raid achieved nothing, the general said.")
    assert (c.topic, c.stance) == ("strike", "acknowledge")


def test_a_storys_line_quoting_a_statement_opens_no_section_of_its_own(extract_document):
    text = ("BAGHDAD, Jan 5 (Tigris Wire) - Turkish jets struck villages near Zakho on Sunday, residents said.\n\n"
            "A statement by the Iraqi military read:\n\n"
            "\"Iraq was not notified of the strikes in advance.\"\n\n"
            "Kurdish officials were not notified before the raid either.\n")
    claims = extract_document(text)
    # (the story's own sentence after it is the outlet's, not the military's)
    own = [c for c in claims if c.sentence.startswith("Kurdish")]
    assert own and all((c.speaker, c.official, c.attribution) == ("", False, "author") for c in own)
