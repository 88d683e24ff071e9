"""Agent and counterpart: one test per class of participant, on sentences written for them."""

from __future__ import annotations

import pytest


def _one(claims, topic):
    found = [c for c in claims if c.topic == topic]
    assert len(found) == 1, [(c.topic, c.agent, c.counterpart, c.sentence) for c in claims]
    return found[0]


def _parties(claim):
    return claim.agent, claim.counterpart


def test_we_and_our_forces_are_the_speakers_side(extract):
    # a department speaks for its state ...
    c = _one(extract('"We gave the Russians advance notice," Pentagon Press Secretary Peter Cook said.'), "notification")
    assert (c.agent, c.agent_country, c.agent_org) == ("United States", "United States", "U.S. Department of Defense")
    assert (c.counterpart, c.counterpart_country) == ("Russia", "Russia")  # "the Russians" are the state's side
    # ... a military command for itself
    c = _one(extract('"Our aircraft struck two militant camps near Sirte," the U.S. Africa Command said.'), "strike")
    assert (c.agent, c.agent_country) == ("U.S. Africa Command", "United States")
    assert c.counterpart.startswith("two militant camps")
    c = _one(extract('"The coalition we lead struck the bridge," the British defence minister said.'), "strike")
    assert c.agent == "United Kingdom"


def test_us_as_the_one_told_and_they_left_to_the_document(extract):
    c = _one(extract('"They gave us no advance notice of the launch," a Japanese defence ministry spokesman said.'),
             "notification")
    # "us" is the speaker's state; "they" in the spokesman's mouth is not the spokesman
    assert _parties(c) == ("", "Japan")
    c = _one(extract('"We were not informed," Peskov said.'), "notification")
    assert (c.stance, c.counterpart, c.counterpart_country) == ("deny", "Russia", "Russia")
    # a speaker of several people: "they" is them
    c = _one(extract("US officials said they had not been told about the operation in advance."), "notification")
    assert c.counterpart == "United States"


def test_passive_notice_keeps_the_one_told_and_finds_the_notifier_nearby(extract):
    # the notifier is whoever's act the notice was about ...
    c = _one(extract("Russia was notified in advance of Israel's strike on the depot."), "notification")
    assert _parties(c) == ("Israel", "Russia")
    # ... or the one who acted in the sentence before
    claims = extract("Egypt carried out strikes on the port. Turkey was notified an hour before.")
    assert _parties(_one(claims, "notification")) == ("Egypt", "Turkey")
    # nobody named: no notifier
    c = _one(extract("Turkey was notified an hour before the operation."), "notification")
    assert _parties(c) == ("", "Turkey")
    c = _one(extract("Japan's coast guard said it had received notice from North Korea of a satellite launch."),
             "notification")
    assert (c.agent, c.counterpart_country) == ("North Korea", "Japan")


def test_who_strikes(extract):
    c = _one(extract("The strikes were carried out by Israeli aircraft, the monitor said."), "strike")
    assert (c.agent_country, c.agent_org) == ("Israel", c.agent) and c.agent
    c = _one(extract("The strikes were carried out by its forces, an Israeli official said."), "strike")
    assert c.agent_country == "Israel" and "Forces" in c.agent
    c = _one(extract("Jordan's jets bombed militant positions near the border at dawn."), "strike")
    assert (c.agent_country, c.counterpart) == ("Jordan", "militant positions near the border")
    c = _one(extract("Azerbaijani artillery shelled the village on Friday."), "strike")
    assert _parties(c) == ("Azerbaijan", "village")
    # a person stands for the state they lead
    c = _one(extract("President Emmanuel Macron ordered the strikes on Raqqa."), "strike")
    assert _parties(c) == ("France", "Raqqa")
    # who fired the weapon, not the weapon
    c = _one(extract("A drone launched by the militia hit the base on Tuesday."), "strike")
    assert _parties(c) == ("militia", "base")
    # who condemns an attack did not carry it out
    c = _one(extract("Iran condemned the airstrikes on the port of Hodeidah."), "strike")
    assert c.agent == ""
    c = _one(extract("The Iraqi ministry condemned the raid, alleging that the strikes aimed to intimidate the villagers."), "strike")
    assert c.agent == "", c.agent  # nor does who alleges something of it
    c = _one(extract("Washington accused Moscow of the strikes on the convoy."), "strike")
    assert c.agent == "Russia"


def test_what_is_struck(extract):
    c = _one(extract("The coalition conducted airstrikes targeting oil trucks in eastern Syria."), "strike")
    assert c.counterpart == "oil trucks in eastern Syria"  # a target told by its kind is told by its place too
    c = _one(extract("Britain launched strikes against radar sites in Yemen on Sunday."), "strike")
    assert (c.counterpart, c.counterpart_country) == ("radar sites in Yemen", "Yemen")
    # a place only when no target is named
    c = _one(extract("Warplanes carried out strikes in northern Mali on Sunday."), "strike")
    assert (c.counterpart, c.counterpart_country) == ("northern Mali", "Mali")
    c = _one(extract("The strikes hit the line of trucks near the crossing."), "strike")
    assert c.counterpart == "trucks"
    c = _one(extract("The militants fired rockets at several of the tankers."), "strike")
    assert c.counterpart == "tankers"


def test_words_that_name_no_party(extract):
    # a time, a number, an event, a weapon, an abstract noun: none is a party
    c = _one(extract("An hour's notice was given to the villagers before the strike."), "notification")
    assert _parties(c) == ("", "villagers")
    c = _one(extract("The strikes began at dawn."), "strike")
    assert _parties(c) == ("", "")
    c = _one(extract("The strikes marked the second time the rebels were hit this month."), "strike")
    assert c.counterpart != "second time"
    c = _one(extract("Kabul fired two missiles into the sea."), "strike")
    assert "missiles" not in c.counterpart
    # "the two navies", like "the two sides": the pair named before, not a party of its own
    c = _one(extract("The two navies will hold their first joint exercise in the Baltic next month."), "cooperation")
    assert c.agent != "two navies"
    # what an act is called, a kind of state, the target a weapon aims at
    c = _one(extract("Caracas called the raid a violation of international law and an attack on a sovereign nation."), "strike")
    assert _parties(c) == ("", ""), _parties(c)
    c = _one(extract("The Algerian defence ministry insisted that every rocket had hit its target."), "strike")
    assert _parties(c) == ("", ""), _parties(c)


def test_cooperation_pairs(extract):
    c = _one(extract("India and Pakistan agreed to set up a hotline between their militaries."), "cooperation")
    assert _parties(c) == ("India", "Pakistan")
    c = _one(extract("The US-Russia deconfliction line remained open."), "cooperation")
    assert _parties(c) == ("United States", "Russia")
    c = _one(extract("Minister Lavrov spoke with his Turkish counterpart Mevlut Cavusoglu about the ceasefire."),
             "cooperation")
    assert c.counterpart == "Mevlut Cavusoglu"
    c = _one(extract("The minister met his Turkish counterpart in Geneva."), "cooperation")
    assert c.counterpart == "Turkey"


def test_a_claim_that_names_no_party_takes_the_ones_before(extract):
    claims = extract("Britain launched strikes against radar sites in Yemen on Sunday. "
                     "The strikes were necessary, the minister said.")
    later = [c for c in claims if c.topic == "strike"][1]
    assert _parties(later) == ("United Kingdom", "radar sites in Yemen")
    # "the two sides" are the two named before
    claims = extract("Russia and Turkey signed a memorandum on flight safety. "
                     "The two sides will hold talks on the memorandum again in May.")
    later = [c for c in claims if c.topic == "cooperation"][1]
    assert _parties(later) == ("Russia", "Turkey")


def test_each_other_and_taking_part(extract):
    c = _one(extract("Chile and Peru agreed to notify each other in advance of missile tests."), "notification")
    assert _parties(c) == ("Chile and Peru", "Chile and Peru")
    assert (c.agent_country, c.counterpart_country) == ("Chile; Peru", "Chile; Peru")
    # (not "each other" of a clause beside the notice)
    c = _one(extract("Chilean Defence Minister Ana Rojas said her ministry had informed its Peruvian counterparts through "
                     "the joint centre and that the two armies had agreed to avoid each other's patrols."), "notification")
    assert c.counterpart_country == "Peru" and c.agent != c.counterpart
    c = _one(extract("The ministry confirmed that the Saudis renewed their participation in airstrikes last week."),
             "strike")
    assert c.agent == "Saudi Arabia"  # "the Saudis" are the state's side
    # "it": the name the sentence gave before
    c = _one(extract("The Islamic State was driven out of Mosul in 2017, but it has still carried out attacks on army posts."),
             "strike")
    assert c.agent == "Islamic State"


def test_its_after_a_passive_is_the_one_who_acted(extract):
    # "Japan was warned by China ahead of its tests": the tests are China's, not Japan's
    claims = extract("Japan was warned by China ahead of its missile tests, a ministry spokesman said.")
    assert _one(claims, "notification").agent == "China"
    assert _one(claims, "strike").agent_country == "China"
    c = _one(extract("The Netherlands was informed by France before its jets struck the depot, a Dutch official said."),
             "strike")
    assert c.agent_country == "France"


def test_nationals_name_their_state(extract):
    c = _one(extract('"The Turks told us nothing before the raid," a Syrian Kurdish commander said.'), "notification")
    assert c.agent_country == "Turkey"
    c = _one(extract("The Iraqis were informed an hour before the strike, the embassy said."), "notification")
    assert c.counterpart_country == "Iraq"


def test_officials_of_two_bodies_are_the_two_parties(extract):
    c = _one(extract("Officers from the Turkish General Staff and the Russian Ministry of Defence signed a memorandum "
                     "on air safety in Ankara."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Turkey", "Russia")
    c = _one(extract("Representatives of Japan and South Korea held talks on missile warning data."), "cooperation")
    assert (c.agent, c.counterpart) == ("Japan", "South Korea")


def test_it_in_a_clause_of_its_own_is_not_the_passives_agent(extract):
    c = _one(extract("Iran was warned by the United States, but it launched missile strikes on Iraqi bases anyway."),
             "strike")
    assert c.agent_country == "Iran"


def test_a_party_is_not_its_own_counterpart(extract):
    # the state and its own armed forces are one side: the target is what else is named
    c = _one(extract("Turkey said the Turkish Armed Forces had shelled YPG positions near Tal Rifaat overnight."), "strike")
    assert c.agent_country == "Turkey" and "YPG positions" in c.counterpart


def test_the_officials_side_is_the_one_told_or_worked_with(extract):
    # an official speaking of another state's notice speaks of notice to their own side ...
    c = _one(extract("Moscow gave no advance notice of the exercise, a NATO spokeswoman said."), "notification")
    assert _parties(c) == ("Russia", "NATO")
    # ... or of its cooperation with their side (the parser's "[advance] [notice]" split aside)
    c = _one(extract("The Japanese defence ministry said Beijing had refused to set up a hotline between the two militaries."),
             "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("China", "Japan")
    # the speaker's own side's notice keeps the one named
    c = _one(extract("Japan gave Seoul notice of the drill, the Japanese defence ministry said."), "notification")
    assert _parties(c) == ("Japan", "South Korea")


def test_a_person_reporting_is_not_they(extract):
    claims = extract('Asked about the raid, Halvorsen said: "They told us about it only afterwards."')
    c = _one(claims, "notification")
    assert "Halvorsen" not in c.agent


def test_a_state_qualifying_taking_part_acts(extract):
    c = _one(extract("Spokesman Tom Reyes rejected any American involvement in the raid on the port."), "cooperation")
    assert c.agent == "United States"


def test_refusing_an_act_is_not_speech(extract):
    # the subject of "refused to coordinate" acts; the one who reports it speaks
    c = _one(extract("Moscow has refused to coordinate its flights over the region, the Pentagon said on Tuesday."),
             "cooperation")
    assert (c.speaker, c.stance, c.agent) == ("Pentagon", "deny", "Russia")
    # declining to comment is still speech
    c = _one(extract("The ministry declined to comment on the air strikes."), "strike")
    assert (c.speaker, c.stance) == ("ministry", "evade")


def test_speech_verbs_beyond_say(extract):
    c = _one(extract("Tehran's foreign ministry spokesman termed the air strikes a flagrant violation of international law."),
             "strike")
    assert c.speaker_org and "Iran" in c.speaker_org
    c = _one(extract("The Pentagon has threatened to strike the launch sites if the attacks on shipping continue."),
             "strike")
    assert c.speaker == "Pentagon"


def test_the_second_party_of_a_cooperation_is_the_state_named_before(extract):
    claims = extract("Poland's defence minister arrived in Vilnius on Monday, a day after Lithuania's president visited "
                     'Warsaw. "Our two armies will keep working closely together," the Polish defence minister said.')
    c = _one(claims, "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Poland", "Lithuania")
    # where it happens is not a party
    claims = extract("The talks took place in Geneva and in Oman. \"Both sides agreed to keep the hotline open,\" "
                     "the Egyptian foreign ministry said.")
    assert _one(claims, "cooperation").counterpart_country != "Oman"


def test_it_of_a_copula_and_a_country_the_tagger_missed(extract):
    # "it is a consequence of ...": "it" is no one, not the ministry that speaks
    c = _one(extract('"It is a direct result of the unwillingness of the American side to coordinate with us," '
                     "the Russian Defence Ministry said."), "cooperation")
    assert (c.agent, c.counterpart) == ("United States", "Russia")
    c = _one(extract("Armenia gave no notice of the artillery strikes, in breach of its obligations."), "notification")
    assert c.agent == "Armenia"


def test_taking_part_beside_someone_names_the_partner(extract):
    c = _one(extract("Georgian troops took part in the exercise's live-fire offensive alongside Ukrainian units, "
                     "the defence ministry in Tbilisi said."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Georgia", "Ukraine")


def test_acting_alongside_or_together_with_someone_names_the_partner(extract):
    c = _one(extract("Norwegian frigates shelled the harbour alongside Danish warships, the navy said."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Norway", "Denmark")
    c = _one(extract("Estonian artillery struck the bridge together with Latvia, officials in Tallinn said."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Estonia", "Latvia")


def test_backing_or_helping_anothers_act_names_whose_act_it_is(extract):
    c = _one(extract("Vienna does not back Italy's planned incursion, the chancellor said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Austria", "Italy")
    claims = extract('"We are not helping Latvia to launch strikes in Belarus," the Polish minister told reporters.')
    assert _one(claims, "cooperation").counterpart == "Latvia"  # the one helped, not the one it strikes


def test_a_place_is_struck_but_never_told_or_a_partner(extract):
    c = _one(extract("Pyongyang's notice named the zones where debris could fall, a Seoul official said."), "notification")
    assert "zone" not in c.counterpart
    c = _one(extract("The rockets struck the zones near the border, a Seoul official said."), "strike")
    assert "zones" in c.counterpart


def test_what_a_strike_hit_is_its_target_whatever_the_noun(extract):
    claims = extract("Danish jets bombed a ferry terminal near Oslo. Near Bergen, a second strike destroyed a grain silo.")
    second = [c for c in claims if c.topic == "strike" and "silo" in c.sentence]
    assert len(second) == 1 and second[0].counterpart == "grain silo"  # not the terminal of the claim before
    c = _one(extract("The rocket struck a crowded bus station, officials said."), "strike")
    assert c.counterpart == "crowded bus station"
    c = _one(extract("Oslo said it would conduct airstrikes against smugglers in the fjords."), "strike")
    assert c.counterpart.startswith("smugglers")
    # what a strike did that is no hit has no target
    c = _one(extract("The raid deepened a growing rift between the allies."), "strike")
    assert "rift" not in c.counterpart


def test_an_operations_name_is_no_party(extract):
    c = _one(extract("Before dawn we launched Operation Iron Shutter, the Estonian army spokesman said."), "strike")
    assert "Shutter" not in c.counterpart
    c = _one(extract("Estonian jets launched Operation Iron Shutter against Latvia, the spokesman said."), "strike")
    assert c.counterpart == "Latvia"


def test_cooperation_that_is_ongoing_between_two_names_both(extract):
    c = _one(extract("Cooperation is ongoing between Norway and Sweden on the safety of their troops, the ministry said."),
             "cooperation")
    assert {c.agent, c.counterpart} == {"Norway", "Sweden"}


def test_is_in_capitals_is_a_name_the_strike_targets(extract):
    c = _one(extract("Russia began airstrikes against IS in Syria in September 2015."), "strike")
    assert c.counterpart.startswith("IS")
    # the verb keeps its meaning in ordinary spelling
    c = _one(extract("The strike is over, the ministry said."), "strike")
    assert c.counterpart == ""


def test_a_list_of_modifiers_with_commas_stays_whole(extract):
    c = _one(extract("The Greek, Cypriot and Maltese military authorities were informed about the missile attacks."),
             "notification")
    assert c.counterpart == "Greek, Cypriot and Maltese military authorities"


def test_neither_nor_names_both(extract):
    c = _one(extract("Neither Norway nor Denmark notified Sweden of the drills, the official said."), "notification")
    assert (c.agent, c.stance) == ("Norway and Denmark", "deny")


def test_any_country_is_no_one_in_particular(extract):
    c = _one(extract("The test was not aimed at any country, the defence ministry said."), "strike")
    assert c.counterpart == ""
    c = _one(extract("The test was aimed at the neighbouring country, the defence ministry said."), "strike")
    assert "country" in c.counterpart


def test_a_relative_pronoun_the_parser_took_for_an_object_is_not_the_one_told(extract):
    c = _one(extract("Foreign Minister Anna Berg on Monday told a parliamentary committee that Sweden informed Finland "
                     "after the strikes had begun."), "notification")
    assert _parties(c) == ("Sweden", "Finland")


def test_him_in_a_purpose_clause_is_the_one_called_and_the_caller_informs(extract):
    claims = extract("Marta Ruiz spoke to reporters in Madrid. Prime Minister Tomas Lindqvist telephoned Danish Prime "
                     "Minister Karen Holm to inform her of the Swedish air strikes.")
    c = _one(claims, "notification")
    assert c.counterpart == "Karen Holm"
    assert "Ruiz" not in c.counterpart and "Holm" not in c.agent
    # a verb of asking hands the act to its object
    c = _one(extract("Washington asked Israel to warn Moscow before any strike."), "notification")
    assert _parties(c) == ("Israel", "Russia")


def test_the_agent_of_conjoined_passives_and_of_those_ordered_to_act(extract):
    c = _one(extract("The army said Kurdish fighters were struck and wounded on Monday by a Syrian aircraft."), "strike")
    assert (c.agent_country, c.counterpart) == ("Syria", "Kurdish fighters")
    claims = extract("The Iranian units were probably ordered to warn the Iraqis in advance and carry out the strikes at night.")
    assert _one(claims, "strike").agent_country == "Iran"


def test_a_target_told_by_its_kind_takes_the_named_place(extract):
    c = _one(extract("Militia drones attacked two cargo ships in the Gulf of Aden on Sunday."), "strike")
    assert c.counterpart == "two cargo ships in the Gulf of Aden"
    c = _one(extract("Helicopters bombed three villages near the Wakhan corridor."), "strike")
    assert c.counterpart.startswith("three villages near the Wakhan corridor")
    # a named target keeps its name; an order is no place
    c = _one(extract("On the president's orders, the navy struck the port of Hodeidah in western Yemen."), "strike")
    assert c.counterpart.startswith("port of Hodeidah")


def test_an_agreement_to_notify_each_other_is_made_by_those_who_sign_it(extract):
    c = _one(extract("Armenia and Georgia on Friday signed an accord to notify each other in advance of large drills."),
             "notification")
    assert _parties(c) == ("Armenia and Georgia", "Armenia and Georgia")


def test_who_knew_of_an_act_in_advance_was_told_by_who_acts(extract):
    c = _one(extract("Japanese officials said Tokyo knew in advance about the Chinese missile launch."), "notification")
    assert (c.agent, c.counterpart) == ("China", "Japan")


def test_several_states_that_act_together_on_another(extract):
    # all of them act when the sentence names another party they act on or with
    c = _one(extract("France, Belgium and the Netherlands helped train the Malian battalions, the ministry said."),
             "cooperation")
    assert (c.agent, c.counterpart) == ("France, Belgium and Netherlands", "Malian battalions")
    c = _one(extract("Spain and Portugal have agreed to share radar data with Morocco, the spokesman said."), "cooperation")
    assert (c.agent, c.counterpart_country) == ("Spain and Portugal", "Morocco")
    # with no one else named, the first acts with the others
    c = _one(extract("Iraq's army command said that Iraq, Russia, Iran and Syria had agreed to share intelligence."),
             "cooperation")
    assert (c.agent, c.counterpart) == ("Iraq", "Russia, Iran and Syria")
    # strikes by two states named by their adjectives
    claims = extract("Fresh British and French air strikes hit rebel depots overnight, the ministry said.")
    assert _one(claims, "strike").agent == "United Kingdom and France"
    assert _parties(_one(claims, "cooperation")) == ("United Kingdom", "France")


def test_the_one_accused_or_blamed_is_the_one_who_acted(extract):
    c = _one(extract("The minister accused Moscow of bombing the power grid in the east."), "strike")
    assert (c.agent, c.counterpart) == ("Russia", "power grid")
    c = _one(extract("Officials in Quito blamed the attack on Peruvian rebels."), "strike")
    assert (c.agent, c.counterpart) == ("Peruvian rebels", "")
    claims = extract("The spokesman denied any Chilean involvement in the raid, which Bolivian officials have blamed on Peru.")
    assert _one(claims, "strike").agent == "Peru"


def test_an_object_pronoun_is_not_its_own_clauses_subject(extract):
    c = _one(extract("Chile expects Peru to notify it of future missile tests."), "notification")
    assert _parties(c) == ("Peru", "Chile")


def test_the_subject_of_an_attack_undergone_is_the_one_struck(extract):
    c = _one(extract("Polish border guards came under attack from Belarusian troops near the river, the ministry said."), "strike")
    assert (c.counterpart_country, c.agent_country) == ("Poland", "Belarus")
    c = _one(extract("Kenyan troops suffered heavy shelling by militants near the base, the army said."), "strike")
    assert c.counterpart_country == "Kenya" and c.agent.startswith("militants")
    c = _one(extract("Moldova has faced repeated drone attacks, the president said."), "strike")
    assert (c.agent, c.counterpart) == ("", "Moldova")


def test_a_place_the_parser_hung_on_the_verb_still_tells_where_the_party_is(extract):
    c = _one(extract("The army issued warnings to residents in three southern Lebanese towns, calling on them to evacuate "
                     "their homes for their own safety ahead of planned air strikes."), "notification")
    assert c.counterpart == "residents in three southern Lebanese towns"
    assert _one(extract("The jets struck militants in Somalia on Monday, the command said."), "strike").counterpart == (
        "militants in Somalia")
    # (not for a party its state already names: the place would give it the wrong state)
    c = _one(extract("Greek F-16 jets engaged a Turkish warplane near the Cypriot coast after ten warnings, the Greek "
                     "military said."), "strike")
    assert (c.counterpart, c.counterpart_country) == ("Turkish warplane", "Turkey")
    # civilians warned or called on to leave ahead of strikes are notified
    c = _one(extract("The army has called on residents of Bint Jbeil to leave their homes ahead of air strikes on the town."),
             "notification")
    assert (c.stance, c.agent) == ("acknowledge", "army")


def test_fire_against_incoming_weapons_is_against_who_fired_them(extract):
    claims = extract("This morning Hezbollah launched some forty rockets at Haifa. Israeli batteries fired dozens of "
                     "interceptors against the incoming rockets.")
    defence = [c for c in claims if c.topic == "strike" and c.sentence.startswith("Israeli")]
    assert len(defence) == 1 and defence[0].counterpart == "Hezbollah"  # not Haifa, the city the rockets were fired at
    c = _one(extract("A US destroyer shot down two Iranian drones over the Red Sea."), "strike")
    assert c.counterpart_country == "Iran"


def test_a_model_name_with_a_slash_stays_whole(extract):
    c = _one(extract("On 18 June, a Syrian Su-22 jet was shot down by a US Navy F/A-18 fighter near the town of Resafa."),
             "strike")
    assert "F/A-18 fighter" in c.agent and c.agent_country == "United States"


def test_a_relative_clause_acts_for_the_noun_it_qualifies(extract):
    c = _one(extract("The dead man was a commander who was killed in a Turkish drone strike last year."), "strike")
    assert (c.agent, c.counterpart) == ("Turkey", "commander")
    c = _one(extract("Officers named the militia that attacked the Jordanian outpost on Sunday."), "strike")
    assert c.agent == "militia" and c.counterpart_country == "Jordan"


def test_the_parties_between_whom_are_the_parties_not_the_one_who_tells(extract):
    c = _one(extract("Chilean spokeswoman Ana Ruiz confirmed four calls between the Peruvian and Bolivian defence ministers."),
             "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Peru", "Bolivia")


def test_who_had_no_knowledge_is_the_one_not_told(extract):
    claims = extract("Chilean officials confirmed no prior knowledge of the full scope of the attack.")
    c = _one(claims, "notification")
    assert c.stance == "deny" and c.counterpart_country == "Chile" and c.agent_country != "Chile"


def test_an_object_it_is_the_place_named_just_before(extract):
    c = _one(extract("During the siege of the port city of Arica, Peruvian troops shelled it for two months, the ministry said."),
             "strike")
    assert (c.agent_country, c.counterpart) == ("Peru", "Arica")
    # the subject of its own clause is no antecedent; the one who speaks is
    c = _one(extract("Chile said Peru warned it before the exercise."), "notification")
    assert (c.agent, c.counterpart) == ("Peru", "Chile")


def test_ground_operations_inside_a_state_strike_that_state(extract):
    c = _one(extract("Chilean forces began limited ground operations inside Peru, the ministry said."), "strike")
    assert (c.agent_country, c.counterpart) == ("Chile", "Peru")


def test_states_that_join_or_support_act_side_by_side_not_with_each_other(extract):
    c = _one(extract("On Thursday, the minister said Greece and Portugal had also joined the grouping."), "cooperation")
    assert (c.agent, c.counterpart) == ("Greece and Portugal", "")
    c = _one(extract("Chile, Peru and Bolivia will take part in the mission, the minister said."), "cooperation")
    assert c.agent == "Chile, Peru and Bolivia"
    # those who agree with each other are one side and the other
    c = _one(extract("Chile and Peru agreed to hold joint patrols, the minister said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Chile", "Peru")


def test_an_act_told_in_a_relative_clause_on_the_target_is_another_act(extract):
    c = _one(extract("The strikes hit radar and missile sites that the rebels have used to attack shipping, the ministry said."),
             "strike")
    assert c.agent != "rebels" and "sites" in c.counterpart


def test_a_party_never_cooperates_with_its_own_side(extract):
    claims = extract("No Chilean aircraft or ships took part in the operation, the Chilean Defence Ministry said.")
    c = _one(claims, "cooperation")
    assert c.stance == "deny" and c.counterpart_country != "Chile"


def test_who_took_no_part_in_the_strikes_did_not_strike(extract):
    claims = extract("No Chilean aircraft or ships took part in the strikes, the Chilean Defence Ministry said.")
    assert _one(claims, "strike").agent == "" and _one(claims, "cooperation").stance == "deny"
    assert _one(extract("Chilean aircraft took part in the strikes, the ministry said."), "strike").agent_country == "Chile"


def test_who_does_a_participle_or_a_gerund_and_who_takes_credit(extract):
    # the one a present participle qualifies does it
    c = _one(extract("The tip-off led to Moroccan jets striking the convoy near the border, the officials said."), "strike")
    assert c.agent_country == "Morocco"
    # the owner of the noun a gerund hangs from ("X's denial of conducting strikes")
    c = _one(extract("The minister rejected Algeria's denial of conducting drone strikes on the villages."), "strike")
    assert c.agent_country == "Algeria"
    # those involved in a raid did it, whatever place the raid is named by
    c = _one(extract("Reports said that Egyptian jets involved in the Libyan air raids had crossed into Sudanese airspace."),
             "strike")
    assert c.agent_country == "Egypt"
    # taking credit for an attack: the parser may hang "for" on the verb
    c = _one(extract("Hezbollah took credit for the rocket attacks on the northern towns."), "strike")
    assert c.agent == "Hezbollah"


def test_the_one_asked_answers_and_the_one_spoken_to(extract):
    # the one who declines or accepts a request is the agent, the one who asked the counterpart
    c = _one(extract("Canberra declined Washington's request to send a frigate to the Gulf."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Australia", "United States")
    c = _one(extract("Oslo has accepted the invitation from Helsinki to join the air patrols."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Norway", "Finland")
    # "spoke to", "provided ... to": the one spoken to, the one supplied
    c = _one(extract("The foreign minister also spoke by telephone to his Omani counterpart about the talks."), "cooperation")
    assert c.counterpart_country == "Oman"
    c = _one(extract("The Pentagon said it had not provided targeting data to the Ukrainians."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("United States", "Ukraine")


def test_what_is_shielded_from_a_strike_and_where_a_participle_places_it(extract):
    c = _one(extract("Canada will send two frigates to help safeguard merchant shipping from attacks by the rebel militia."),
             "strike")
    assert (c.agent, c.counterpart) == ("rebel militia", "merchant shipping")
    c = _one(extract("Kabul protested after air strikes conducted by Pakistani jets near the Kunar border crossing."), "strike")
    assert c.agent_country == "Pakistan" and "Kunar" in c.counterpart


def test_coming_to_a_partys_aid_names_who_comes_and_whom_it_helps(extract):
    c = _one(extract("The alliance did not come to Yerevan's assistance."), "cooperation")
    assert (c.agent, c.counterpart, c.stance) == ("alliance", "Armenia", "deny")
    c = _one(extract("The alliance came to Yerevan's assistance within hours."), "cooperation")
    assert (c.agent, c.counterpart, c.stance) == ("alliance", "Armenia", "acknowledge")


def test_who_acts_in_violation_of_an_arrangement_breaks_it(extract):
    text = ("Syrian jets have flown over coalition bases almost daily in violation of the deconfliction "
            "arrangements, an American general said.")
    c = _one(extract(text), "cooperation")
    assert c.agent == "Syrian jets" and c.counterpart == "United States" and c.stance == "deny"


def test_a_channel_talked_through_is_the_other_ends(extract):
    c = _one(extract("The coalition has been talking through the Russian deconfliction line for two weeks."), "cooperation")
    assert c.counterpart == "Russia" and c.agent != "Russia"
    text = '"For two weeks we have been talking through the Russian deconfliction line about this," the Pentagon spokesman said.'
    assert _parties(_one(extract(text), "cooperation")) == ("United States", "Russia")


def test_a_fronted_place_is_no_subject(extract):
    c = _one(extract("Near Raqqa, one strike engaged an ISIS tactical unit and destroyed a fighting position."), "strike")
    assert "Raqqa" not in c.agent and c.counterpart == "ISIS tactical unit"
    c = _one(extract("Near Tikrit, the coalition struck a depot and destroyed two boats."), "strike")
    assert "Tikrit" not in c.agent and c.agent


def test_its_is_the_state_named_as_a_subject_before_it_not_the_speakers_body(extract):
    text = "The defence secretary said Moscow would soon suffer losses after expanding its military support for the Syrian army."
    c = _one(extract(text), "cooperation")
    assert (c.agent, c.counterpart_country) == ("Russia", "Syria")  # (the army supported, Syria's own)
    assert _one(extract("The ministry said its jets had struck the depot."), "strike").agent == "ministry"


def test_a_known_person_behind_a_title_is_of_their_state(nlp):
    from nlp_tools.claims.parties import PartyNamer

    namer = PartyNamer(nlp.get_pipe("press_claims").actors)
    assert namer.of_name("President Putin").country == "Russia"
    assert namer.of_name("Prime Minister Narendra Modi").country == "India"
    assert namer.of_name("President Smithson").country == ""  # a title before no one known names no state


def test_a_target_the_parser_hung_on_the_verb_above_is_the_strikes(extract):
    text = "London did not give advance notice to Baghdad ahead of raids on Monday against four camps inside that country."
    c = _one(extract(text), "strike")
    # the target follows the strike noun with only a date between; "that country" is the one named before
    assert c.counterpart == "four camps inside Iraq"
    # a target attached to the strike itself is unchanged, and "against" before the strike is not its target
    c = _one(extract("The ministry protested against the shelling of the border post on Monday."), "strike")
    assert c.counterpart == "border post"


def test_the_title_alone_in_a_departments_briefing_is_its_holder_then(extract_document):
    text = ("State Department\nDaily Press Briefing\nJohn Kirby, Spokesperson\nWashington, DC\nMay 3, 2016\n\n"
            "MR KIRBY: The Secretary did speak to Foreign Minister Lavrov this morning about the ceasefire in Aleppo.\n")
    c = _one(extract_document(text), "cooperation")
    assert c.agent == "John Kerry"  # (capitalised, the parser takes "The Secretary" for a name)


def test_officials_of_a_body_named_only_by_its_kind_are_that_body(extract):
    text = ("Pentagon Press Secretary Peter Cook said department officials discussed the safety of air operations "
            "with their Russian counterparts.")
    c = _one(extract(text), "cooperation")
    assert (c.agent, c.counterpart) == ("U.S. Department of Defense", "Russia")
    # officials with a state's adjective stay that state's
    c = _one(extract("Turkish officials discussed the safety of air operations with their Russian counterparts."), "cooperation")
    assert c.agent_country == "Turkey"


def test_aircraft_no_one_owns_in_their_sentence_are_those_that_struck_before(extract_document):
    text = ("U.S. and coalition military forces continued to attack terrorists in Syria and Iraq yesterday, "
            "conducting 19 strikes.\n"
            "Fighter, bomber and remotely piloted aircraft conducted 11 strikes in Syria.\n"
            "Near Raqqa, a strike destroyed a fighting position.\n")
    assert {c.agent for c in extract_document(text) if c.topic == "strike"} == {"U.S. and coalition military forces"}
    # aircraft a name qualifies stay their own
    c = _one(extract_document("Militants shelled the town on Monday.\nRussian aircraft struck their positions overnight.\n")[1:],
             "strike")
    assert c.agent_country == "Russia"
    # ... as in a notice of the strike or a cooperation about it
    text = ("British jets bombed two depots near Hodeidah on Tuesday.\n"
            "Yemeni officials said Sanaa had been notified shortly before the aircraft struck.\n")
    c = _one(extract_document(text), "notification")
    assert c.agent_country == "United Kingdom"
    # (aircraft an owner of the parse qualifies are the owner's: "the country's aircraft")
    text = ("British jets bombed two depots near Hodeidah on Tuesday.\n"
            "Oman's news agency confirmed the country's aircraft took part in the strikes.\n")
    assert [c.agent_country for c in extract_document(text) if "Oman" in c.sentence and c.topic == "cooperation"] != [
        "United Kingdom"]


def test_a_party_of_several_places_keeps_them_all(extract):
    c = _one(extract("The army delivered warnings to residents of Aleppo, Homs and Hama before the strikes."), "notification")
    assert c.counterpart == "residents of Aleppo, Homs and Hama"
    c = _one(extract("The air forces of Norway and Denmark struck the depot on Friday."), "strike")
    assert c.agent == "air forces of Norway and Denmark"


def test_a_phrase_cut_short_does_not_end_on_of_or_the(nlp):
    from nlp_tools.claims.parties import _compact

    doc = nlp("We notified other countries of the long troubled and strategically very important wider region.")
    assert _compact(next(t for t in doc if t.text == "countries")) == "other countries"


def test_whose_responsibility_the_attacks_are_acts(extract):
    c = _one(extract("The colonel said the evidence proved Peru's responsibility for the attacks on the pipeline."), "strike")
    assert c.agent_country == "Peru"


def test_an_act_coordinated_with_a_partner_is_its_owners_and_its_confirmation_no_act(extract):
    # the passive: the partner of "with" is the counterpart, the act's owner acts
    c = _one(extract("The brigade's river crossing was coordinated with the Polish army, the colonel said."), "cooperation")
    assert (c.counterpart_country, "brigade" in c.agent) == ("Poland", True)
    c = _one(extract("Latvian forces were coordinated with the Estonian army during the drill, the colonel said."),
             "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Latvia", "Estonia")
    # who confirms an act does not do it, however deep the act sits in what is confirmed
    claims = extract("The colonel said Oslo's role in the airstrikes was confirmed by the Swedish defence ministry.")
    assert _one(claims, "strike").agent_country != "Sweden"


def test_who_grants_permission_is_the_counterpart_and_conjoined_verbs_share_their_partner(extract):
    c = _one(extract("A Turkish-led coalition has been striking the hills since May without the permission of Baghdad."),
             "cooperation")
    assert (c.agent, c.counterpart_country, c.stance) == ("Turkish-led coalition", "Iraq", "deny")
    c = _one(extract("Finland did not coordinate or assist Sweden with the patrols, the ministry said."), "cooperation")
    assert c.counterpart_country == "Sweden"


def test_a_joint_thing_of_two_states_names_both_and_is_no_party_itself(extract):
    c = _one(extract("The soldiers were with a joint Finnish and Estonian patrol near the border."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Finland", "Estonia")
    c = _one(extract("A joint Finnish-Estonian coordination centre will open in Narva."), "cooperation")
    assert {c.agent_country, c.counterpart_country} == {"Finland", "Estonia"}


def test_the_one_thanked_for_help_gave_it_to_the_one_who_thanks(extract):
    c = _one(extract("The Latvian president thanked Norway for its help in the air policing mission."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Norway", "Latvia")
    c = _one(extract("The minister praised Qatar for mediating the ceasefire between the two sides."), "cooperation")
    assert c.agent_country == "Qatar"


def test_the_long_adjectives_of_central_asian_states_name_them(extract):
    c = _one(extract("The minister said Kyrgyzstani cooperation on the border patrols had been excellent."), "cooperation")
    assert c.agent_country == "Kyrgyzstan"


def test_arms_strike_only_through_whose_they_are(extract):
    c = _one(extract("The shelling from multiple rocket systems went on for a whole day, the ministry said."), "strike")
    assert "system" not in c.agent
    c = _one(extract("Explosions, widely attributed to Israel, targeted the group's radio devices."), "strike")
    assert c.agent_country == "Israel"
    # what was struck may be a system still
    c = _one(extract("Kyiv said it targeted Russian air defence systems near the port."), "strike")
    assert (c.agent_country, c.counterpart_country) == ("Ukraine", "Russia")


def test_parties_hidden_by_the_parse_of_titles_and_names(extract):
    # "calls between A and B" whose "and" the parser hid inside one name
    c = _one(extract("The ministry spokeswoman confirmed four calls between Austin and Israeli Defense Minister "
                     "Yoav Gallant."), "cooperation")
    assert ("Austin", "Yoav Gallant") == (c.agent, c.counterpart)
    # a title "of" a body that ends on the person holding it
    c = _one(extract("Head of the Estonian General Staff Martin Herem held talks with Chairman of the Latvian Joint "
                     "Staff Kaspars Pudans, the ministry said."), "cooperation")
    assert c.counterpart == "Kaspars Pudans"
    # the state that qualifies the noun before the trigger's
    c = _one(extract("Riga has not seen evidence of any recent Belarusian weapons shipments to Russia, an official said."),
             "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Belarus", "Russia")


def test_an_operation_launched_is_its_owners_act_and_bases_are_targets(extract):
    c = _one(extract('"At dawn, Operation Winter Shield was launched against the militants\' bases in the north," '
                     "the Latvian defence ministry said."), "strike")
    assert "bases" in c.counterpart
    assert "Winter Shield" not in c.counterpart


def test_a_party_keeps_its_postpositive_adjective_and_drops_a_focusing_word(extract):
    c = _one(extract("Riga said it had informed the countries concerned before the drills began."), "notification")
    assert c.counterpart == "countries concerned"
    c = _one(extract('"Only military targets were hit," the ministry said.'), "strike")
    assert c.counterpart == "military targets"


def test_who_describes_an_act_in_a_relative_clause_is_no_party_to_it(extract):
    claims = extract("A Latvian official said Riga had received a heads-up ahead of the launch, which the official "
                     "described as a modest test.")
    assert _one(claims, "strike").agent != "official"
    c = _one(extract("The strike on the depot, which the ministry called a crime, killed two guards."), "strike")
    assert "ministry" not in c.agent


def test_a_place_with_coordinated_modifiers_keeps_its_name(extract):
    c = _one(extract("Latvian jets struck depots in eastern and central Ruritania overnight, the ministry said."), "strike")
    assert c.counterpart == "depots in eastern and central Ruritania"


def test_his_country_is_the_persons_state(extract):
    c = _one(extract("Latvia's foreign minister acknowledged on Monday that his country had supplied Estonia with "
                     "attack drones."), "cooperation")
    assert (c.agent, c.agent_country, c.counterpart) == ("Latvia", "Latvia", "Estonia")
    # the person named in the sentence, whose state the dictionary does not know: no party, not the person
    c = _one(extract("Arvid Kalnins announced that his country would share intelligence with Estonia."), "cooperation")
    assert "Kalnins" not in c.agent
    # "whose country": the state of the one the clause describes
    c = _one(extract("Lithuania, whose government brokered the truce, said the deal would hold."), "cooperation")
    assert c.agent == "Lithuania"
    c = _one(extract("The truce began at midnight, said Arvid Kalnins, whose country brokered it."), "cooperation")
    assert c.agent != "whose country"


def test_a_trigger_qualifying_an_activity_takes_the_activitys_parties(extract):
    for text in ('"We have had to expand the deconfliction work we are doing with the Russians," Halvorsen said.',
                 '"We have had to increase the amount of deconfliction work we are doing with the Russians," '
                 'Halvorsen said.'):
        assert _one(extract(text), "cooperation").counterpart == "Russia", text
    # a body the trigger qualifies is no activity: its own modifier is not the one who acts
    c = _one(extract("The Latvian liaison cell keeps permanent contact with the Estonian coordination centre, "
                     "the ministry said."), "cooperation")
    assert c.agent_country != "Estonia"


def test_our_colleagues_of_another_state_are_that_state(extract):
    c = _one(extract('"We are in constant contact with our Lithuanian colleagues," the Latvian defence minister said.'),
             "cooperation")
    assert (c.agent, c.counterpart) == ("Latvia", "Lithuania")


def test_without_the_knowledge_of_names_the_one_not_told(extract):
    c = _one(extract("The raid was carried out without the knowledge of the government in Vilnius, the official said."),
             "notification")
    assert (c.stance, c.counterpart, c.counterpart_country) == ("deny", "Lithuania", "Lithuania")


def test_a_trigger_adverb_takes_the_parties_of_its_verb(extract):
    c = _one(extract("The decision to close the strait was taken jointly with our Danish allies, the Norwegian "
                     "defence minister told parliament."), "cooperation")
    assert (c.agent, c.counterpart) == ("Norway", "Denmark")


def test_the_government_in_an_officials_mouth_is_that_officials_state(extract):
    c = _one(extract("An Estonian official who declined to be named said the government had informed Riga about the "
                     "drills."), "notification")
    assert (c.agent, c.counterpart) == ("Estonia", "Latvia")


def test_who_is_ready_to_act_acts_and_a_place_name_goes_on_past_its_of(extract):
    c = _one(extract("Riga is ready to resume military contacts with Vilnius once the dispute is settled, the deputy "
                     "minister said."), "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("conditional", "Latvia", "Lithuania")
    c = _one(extract("Tallinn said it had no plans to join the U.S.-led coalition in the Gulf of Riga."), "cooperation")
    assert c.counterpart.endswith("Gulf of Riga")


def test_a_weapons_model_name_is_no_one_who_fires_it(extract):
    c = _one(extract("Kalibr missiles hit the port of Liepaja overnight, the Latvian navy said."), "strike")
    assert "Kalibr" not in c.agent
    c = _one(extract("Hamas rockets hit the town of Sderot, the army said."), "strike")
    assert c.agent == "Hamas"


def test_the_group_in_its_own_spokesmans_mouth_is_the_group(extract):
    c = _one(extract("A Hamas spokesman said the group had not been informed of the raid in advance."), "notification")
    assert c.counterpart == "Hamas"


def test_together_with_on_the_subject_names_the_subject_and_its_partner(extract):
    c = _one(extract("Latvian forces, together with Estonia, conducted strikes against rebel depots."), "cooperation")
    assert (c.agent_country, c.counterpart) == ("Latvia", "Estonia")


def test_who_received_no_notice_in_a_second_clause_is_the_one_not_told(extract):
    c = _one(extract("Estonia's defence ministry said it had tracked the aircraft and had not received any notice of "
                     "the exercise."), "notification")
    assert c.counterpart == "Estonia"


def test_the_one_a_reporting_clause_blames_struck_and_rockets_land_where_named(extract):
    c = _one(extract("The attack on the border post killed three soldiers, the Latvian ministry said, blaming "
                     "Belarusian militias."), "strike")
    assert "Belarus" in c.agent or c.agent_country == "Belarus"
    c = _one(extract("Two rockets landed near the Estonian embassy in Riga late on Sunday, the police said."), "strike")
    assert "embassy" in c.counterpart.lower()
    c = _one(extract("The missile landed in a designated area of the high seas, the ministry said."), "strike")
    assert "designated area" not in c.counterpart


def test_help_lent_to_anothers_act_is_the_helpers_and_support_goes_to_the_party_named(extract):
    c = _one(extract("Kenyan troops retook the town with the help of the Somali army, the ministry said."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Somalia", "Kenya")
    c = _one(extract("The rebels are continuing their offensive, now with Iran's direct assistance, a State Department "
                     "spokesman said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Iran", "rebels")
    # support for a party goes to it, not to its acts; support for an act goes to whose act it is
    c = _one(extract("The spokesman said Germany would continue its support for Kyiv."), "cooperation")
    assert (c.agent, c.counterpart) == ("Germany", "Ukraine")
    c = _one(extract("The minister said Tehran had boosted its support for its longtime ally, the Venezuelan government."),
             "cooperation")
    assert c.counterpart == "Venezuela"
    c = _one(extract("The ministry said the United States had ended its support for the Saudi strikes in Yemen."),
             "cooperation")
    assert c.counterpart == "Saudi Arabia"


def test_a_strike_is_not_the_attack_it_answers(extract):
    claims = extract("Jordanian jets struck a militia depot in southern Syria on Tuesday. These strikes are a response "
                     "to the rocket attack of May 2 that killed two soldiers at the Tanf outpost.")
    second = [c for c in claims if c.topic == "strike"][-1]
    assert second.trigger == "strikes" and "Tanf" not in second.counterpart
    c = _one(extract("The raids respond to a series of drone attacks on Jordanian border posts, the army said."), "strike")
    assert c.trigger == "raids" and "border posts" not in c.counterpart



def test_a_partner_left_unnamed_is_the_one_who_acted_before_not_the_one_acted_on(nlp):
    # "China notified several countries ... The two militaries agreed to restore the channels": the
    # partner of a cooperation the sentence leaves unnamed is who acted in the claim before, not
    # the ones it told or struck
    from nlp_tools.claims import DocumentContext
    from nlp_tools.claims.context import Party
    from nlp_tools.claims.participants import _carry

    namer = nlp.get_pipe("press_claims").parties
    ctx = DocumentContext(doc_id="d")
    ctx.parties.note("notification", 0, Party("China", "China", ""), Party("several countries", "", ""))
    agent, counter = _carry("cooperation", 80, Party("United States", "United States", ""), Party(), ctx, namer)
    assert (agent.name, counter.name) == ("United States", "China")


def test_a_strike_meant_to_hurt_a_party_has_it_as_counterpart(extract):
    c = _one(extract("The strikes will disrupt the operations of Hezbollah in southern Lebanon, the army said."), "strike")
    assert c.counterpart == "Hezbollah"
    c = _one(extract("Coalition aircraft will continue to fly missions over Iraq and Syria to degrade and destroy ISIS, "
                     "the official said."), "strike")
    assert c.counterpart_org == "Islamic State" or c.counterpart == "Islamic State"
    c = _one(extract("The raid killed two senior al-Shabaab commanders, the command said."), "strike")
    assert "al-Shabaab" in c.counterpart  # (the hyphenated name whole)


def test_a_notice_owed_under_a_regime_goes_to_its_participants_and_who_acts_without_it_is_the_subject(extract):
    c = _one(extract("Belarus held the drills without the prior notification required under the Vienna Document, the "
                     "ministry said."), "notification")
    assert (c.agent, c.counterpart, c.stance) == ("Belarus", "OSCE participating States", "deny")
    c = _one(extract("Israel struck the depot without warning, the ministry said."), "notification")
    assert c.agent == "Israel"


def test_a_joint_statements_issuers_cooperate_with_one_another(extract_document):
    text = ("Joint Statement of the Defence Ministers of Portugal, Greece and Croatia\n\n"
            "The Ministers agreed to hold a combined naval exercise in the Ionian Sea next autumn.\n\n"
            "The three countries will deepen their cooperation on coastal surveillance.\n\n"
            "We will continue to exchange information on smuggling routes.\n\n"
            "Yesterday, the navies of Portugal and Greece, with support from Croatia, struck two smuggling depots.")
    claims = extract_document(text)
    by_sentence = {c.sentence.split()[1]: c for c in claims if c.topic == "cooperation"}
    for first_word in ("Ministers", "three", "will"):  # "The Ministers", "The three countries", "We"
        c = by_sentence[first_word]
        assert c.agent == c.counterpart == "Portugal, Greece and Croatia", (c.sentence, c.agent, c.counterpart)
        assert set(c.agent_country.split("; ")) == {"Portugal", "Greece", "Croatia"}
    # those who struck are named in the sentence: not the issuers together
    strike = next(c for c in claims if c.topic == "strike")
    assert strike.agent.startswith("navies of Portugal and Greece")


def test_the_other_side_told_through_a_pronoun_a_channel_or_several_states(extract):
    # "them" after a verb coordinated with one whose object names the party
    claims = extract('"We neither consulted the Hungarians nor gave them any warning of the strike," the Slovak army said.')
    assert _one(claims, "notification").counterpart == "Hungary"
    # a line kept "to" the other side
    c = _one(extract("The Bulgarian navy keeps a telephone line to the Romanian command in Constanta to avoid incidents at sea."), "cooperation")
    assert c.counterpart_country == "Romania", (c.agent, c.counterpart)
    # colleagues of several states, each of them
    c = _one(extract('"Our liaison officers share data with their Kenyan, Ugandan and Rwandan colleagues," '
                     "the Tanzanian defence ministry said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Tanzania", "Kenya, Uganda and Rwanda")
    assert c.counterpart_country.split("; ") == ["Kenya", "Uganda", "Rwanda"]


def test_an_envoy_summoned_and_informed_stands_for_the_state(extract):
    # the passive participle shares the subject of the passive before it; an envoy "of" a state is that state
    c = _one(extract("The Chargé d'Affaires of Norway in Helsinki was summoned to the ministry and notified of "
                     "the missile test only after it had taken place."), "notification")
    assert c.counterpart == "Norway", (c.agent, c.counterpart)


def test_a_struck_site_is_named_by_whose_it_is(extract):
    # a position or target the sentence says is held or used by a party: that party was struck
    c = _one(extract("Georgian artillery shelled positions held by the Abkhaz militia near Gali, officials said."), "strike")
    assert c.counterpart.startswith("Abkhaz militia"), c.counterpart
    c = _one(extract("Coalition jets struck 40 targets used by the Houthis in northern Yemen."), "strike")
    assert c.counterpart.startswith("Houthis"), c.counterpart
    c = _one(extract("Nigerien aircraft bombed positions of Boko Haram fighters near Lake Chad."), "strike")
    assert "positions" not in c.counterpart and "Boko Haram" in c.counterpart, c.counterpart
    # a place named after its kind stays the place
    c = _one(extract("Kenyan jets struck the port of Kismayo overnight."), "strike")
    assert c.counterpart == "port of Kismayo", c.counterpart


def test_a_notice_owed_under_a_regime_the_document_named_before(extract_document):
    text = ("Lithuania raised the Vienna Document at the OSCE Forum for Security Co-operation on Wednesday.\n\n"
            "Belarus also failed to notify its snap exercises near the border, the Lithuanian defence ministry said.")
    c = next(c for c in extract_document(text) if c.topic == "notification")
    assert c.counterpart == "OSCE participating States", (c.agent, c.counterpart)
    # without a regime named before, the official's own side is the one not told
    c = next(c for c in extract_document(text.split("\n\n")[1]) if c.topic == "notification")
    assert c.counterpart == "Lithuania", (c.agent, c.counterpart)


def test_a_strike_timed_against_a_call_is_not_the_callers(extract_document):
    text = ("Jordanian jets struck a militia depot near Daraa on Friday, the Jordanian army said.\n\n"
            '"My call with the Jordanian minister took place while the operation was already under way," '
            "the Egyptian defence minister told reporters.")
    strikes = [c for c in extract_document(text) if c.topic == "strike"]
    assert [c.agent_country for c in strikes] == ["Jordan", "Jordan"], [(c.agent, c.sentence[:30]) for c in strikes]


def test_a_known_person_speaks_for_their_own_body_whatever_their_title_reads_as(extract_document):
    # "Secretary of State for Defense" reads as the U.S. State Department; the dictionary knows the
    # person as Britain's defence secretary, so "we" and "our jets" are Britain; "friends" are a side
    text = ("Presenter: Secretary of Defense Lloyd J. Austin III and UK Secretary of State for Defense Ben Wallace, "
            "March 3, 2021\n\nJoint Press Conference in London\n\n"
            "SECRETARY OF STATE FOR DEFENSE BEN WALLACE: Thank you. Our jets are striking ISIL hideouts in Iraq every week.\n\n"
            "We are cooperating closely with our American friends on air policing.")
    claims = extract_document(text)
    assert {c.speaker_org for c in claims} == {"United Kingdom Ministry of Defence"}, [(c.speaker, c.speaker_org) for c in claims]
    assert [(c.topic, c.agent) for c in claims] == [("strike", "United Kingdom"), ("cooperation", "United Kingdom")]
    assert claims[1].counterpart == "United States"


def test_who_had_no_part_in_a_strike_or_describes_its_target_was_not_struck(extract):
    claims = extract("The minister said Britain had no advance knowledge of or role in the French raid.")
    assert _parties(_one(claims, "strike")) == ("France", ""), _parties(_one(claims, "strike"))
    assert _parties(_one(claims, "cooperation")) == ("United Kingdom", "France")
    # "what X said were Y", "what X called Y", "what X described as Y": Y was struck, not X
    for text, target in (("Jets struck what the army said were rocket launchers belonging to Hamas.", "rocket launchers"),
                         ("Russian jets struck what Moscow called terrorist positions near Idlib.", "terrorist positions"),
                         ("The strikes hit what officials described as weapons depots.", "weapons depots")):
        c = _one(extract(text), "strike")
        assert c.counterpart.startswith(target), (text, c.counterpart)


def test_who_strikes_in_partnership_with_another_strikes_with_it(extract):
    claims = extract("Kenyan forces, in coordination with the Somali army, carried out airstrikes on two camps.")
    assert _one(claims, "strike").agent_country.split("; ") == ["Kenya", "Somalia"], _parties(_one(claims, "strike"))
    c = _one(claims, "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Kenya", "Somalia"), _parties(c)
    c = _one(extract("The Federal Government of Somalia, in partnership with the Kenyan army, conducted an airstrike "
                     "against militants near Afmadow."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Somalia", "Kenya"), _parties(c)


def test_the_one_urged_or_allowed_to_act_and_whose_described_act_it_is(extract):
    # "its" in the infinitive of the one urged is the one urged, not the subject who urges
    c = _one(extract("Washington urged Israel to halt its strikes on Rafah."), "strike")
    assert c.agent == "Israel", _parties(c)
    # weapons supplied by a state are fired by the one who uses them
    c = _one(extract("The government has authorised Ukraine to use the missiles supplied by Britain to strike targets "
                     "on Russian territory."), "strike")
    assert c.agent == "Ukraine", _parties(c)
    # what someone else calls the act is still the act of the subject that began it
    c = _one(extract("Turkish forces began what Damascus described as a limited ground operation inside Syria."), "strike")
    assert c.agent_country == "Turkey", _parties(c)


def test_a_group_taken_for_a_person_is_no_he_and_a_timing_clause_yields_to_the_main_act(extract_document):
    text = ("LONDON, March 3, 2024 - The British defence secretary has said the new US and UK airstrikes against "
            "militant targets in Yemen were meant to send a clear message.\n\n"
            '"Since we last acted a week ago, there have been nine attacks on shipping by the Houthis in the Red Sea", '
            "he told the BBC.\n\n"
            'He added: "These attacks are illegal and must stop."')
    claims = extract_document(text)
    # the recogniser reads "the Houthis" as a person: "he" is still the secretary
    assert {c.speaker for c in claims} == {"British defence secretary"}, [(c.speaker, c.sentence[:30]) for c in claims]
    # the attacks the main clause states are the Houthis', not the act "since" times them by
    assert [c.agent for c in claims if c.sentence.startswith(("Since", '"Since'))] == ["Houthis"], [
        (c.agent, c.sentence[:30]) for c in claims]


def test_an_act_in_a_clause_that_conditions_anothers_is_not_its_target(extract):
    # the militia's attack on the posts is the condition; Turkey would not strike its own posts
    c = _one(extract("The minister said Ankara would strike again only if the militia attacked Turkish border posts."), "strike")
    assert (c.agent, c.counterpart) == ("Turkey", ""), _parties(c)
    # the same subject in both clauses: one side's acts, its targets stand
    c = _one(extract("Israeli jets struck the depot after they had bombed the airport."), "strike")
    assert c.counterpart == "depot", _parties(c)


def test_their_after_a_subject_owned_by_a_state_is_that_state(extract):
    c = _one(extract('"We continue to believe that Iran\'s strategy in Yemen is counterproductive and their support '
                     'for the rebels will only make the war worse," the spokesman said.'), "cooperation")
    assert c.agent == "Iran", _parties(c)


def test_a_target_told_in_someone_elses_words_is_struck_and_does_not_act(extract):
    claims = extract("Ankara was not given any warning before the air strikes in Iraq against what officials say "
                     "were arms depots run by the PKK.")
    # the PKK runs what was struck: it neither struck nor gave the notice
    assert _parties(_one(claims, "notification")) == ("", "Turkey"), _parties(_one(claims, "notification"))
    assert _one(claims, "strike").counterpart == "Kurdistan Workers' Party", _parties(_one(claims, "strike"))
    claims = extract("Ankara was not given any warning before air strikes in Iraq against what officials say were "
                     "weapons headed for PKK fighters.")
    assert [c.agent for c in claims] == ["", ""], [_parties(c) for c in claims]


def test_sellers_deeds_owners_and_names_given_as_known(extract):
    # the one bought from supplies the buyer
    c = _one(extract("U.S. officials said that Russia was buying drones and artillery shells from Iran."), "cooperation")
    assert _parties(c) == ("Iran", "Russia")
    # the actions supported are the acting state's
    c = _one(extract("The Turkish Foreign Ministry supported the actions of Azerbaijan."), "cooperation")
    assert c.counterpart == "Azerbaijan", _parties(c)
    # a group described, then named
    c = _one(extract("The United States has been cooperating with a group of Arab and Kurdish fighters, known as the "
                     "Syrian Democratic Forces."), "cooperation")
    assert c.counterpart == "Syrian Democratic Forces", _parties(c)
    # a partner's name the parser took for a second subject
    c = _one(extract("A short statement by the Russian Defence Ministry said Defence Minister Sergei Shoigu and his "
                     "Turkish counterpart Hulusi Akar discussed the situation in Idlib."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Russia", "Turkey"), _parties(c)


def test_a_flight_plan_is_owed_by_the_aircraft_to_air_traffic_control(extract):
    c = _one(extract("The aircraft was flying with its transponder off, did not keep radio contact with the regional "
                     "air traffic control centre and had no pre-filed flight plan."), "notification")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "aircraft", "regional air traffic control centre"), _parties(c)


def test_who_was_not_aware_in_advance_is_the_one_not_told(extract):
    c = _one(extract("Ankara was not aware of the raid in advance."), "notification")
    assert (c.stance, c.counterpart) == ("deny", "Turkey"), _parties(c)


def test_help_suspended_to_a_party_is_cooperation_denied_with_it(extract):
    c = _one(extract("Washington suspended military aid to Ukraine."), "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "United States", "Ukraine"), (c.stance, _parties(c))


def test_who_turns_a_proposal_down_does_not_cooperate_with_the_one_who_made_it(extract):
    for text in ('"We have repeatedly proposed to our Norwegian partners that we share radar data, but Oslo has so far '
                 'declined," the Dutch general said.',
                 "The Dutch defence ministry said the Norwegian side had again turned down its proposal to share radar data."):
        c = _one(extract(text), "cooperation")
        assert (c.stance, c.agent_country, c.counterpart_country) == ("deny", "Norway", "Netherlands"), (text, _parties(c))


def test_who_acted_without_coordination_is_the_one_who_did_not_coordinate(extract):
    c = _one(extract("Kenya's government said on Monday that Ethiopia had carried out last week's air strikes on Kenyan "
                     "territory without any coordination with Nairobi."), "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "Ethiopia", "Kenya"), (c.stance, _parties(c))


def test_strikes_not_coordinated_are_those_of_whoever_struck_before(extract_document):
    text = ("Turkish jets struck Kurdish positions in northern Iraq overnight, the ministry in Ankara said.\n\n"
            "A U.S. military spokesman said that the strikes had not been coordinated with Washington.")
    c = next(c for c in extract_document(text) if c.topic == "cooperation")
    assert (c.agent_country, c.counterpart) == ("Turkey", "United States"), _parties(c)


def test_an_act_said_to_be_a_states_operation_is_that_states(extract):
    c = _one(extract("Last night's raid was a British mission from start to finish."), "strike")
    assert c.agent == "United Kingdom"
    c = _one(extract("The strike was a purely Israeli operation, the army said."), "strike")
    assert c.agent_country == "Israel"


def test_a_notice_the_tagger_reads_as_a_verb_keeps_its_parties(extract):
    c = _one(extract("The government had given the Americans no advance warning."), "notification")
    assert (c.stance, c.counterpart) == ("deny", "United States")


def test_not_involved_in_the_act_told_before_is_the_subjects_and_whose_act_it_was(extract):
    claims = extract("Israeli jets struck the depot near Damascus overnight. A spokesman said Washington was not involved.")
    c = _one(claims, "cooperation")
    assert (c.stance, c.agent, c.counterpart) == ("deny", "United States", "Israel")
    # (what a strike hit is no partner: the cooperation names no other party then)
    claims = extract("The depot near Damascus was hit overnight. Nobody else was involved, the ministry said.")
    assert _one(claims, "cooperation").counterpart == ""


def test_an_outlet_named_after_a_city_is_no_partner(extract_document):
    # "told The Jerusalem Post": a newspaper, not the Israeli side of the coalition's deconfliction
    claims = extract_document(
        '"A Russian convoy ignored the agreed routes near Derik on Monday," Maj. Alan Brooks, a coalition spokesman, '
        'told The Jerusalem Post. He added: "Coalition forces seek to deconflict our movements through the channels we have."')
    c = _one(claims, "cooperation")
    assert c.counterpart and c.counterpart_country != "Israel", (c.agent, c.counterpart)


def test_a_go_between_carries_the_notice_and_is_no_party_to_it(extract):
    claims = extract("Iran had warned its neighbours before the attack. "
                     "Washington was also told of the plan through Swiss intermediaries.")
    told = [c for c in claims if c.topic == "notification"][-1]
    assert _parties(told) == ("Iran", "United States")


def test_the_other_side_of_a_cooperation_is_the_state_the_text_names_most_not_one_in_passing(extract):
    claims = extract("Russian and American officers met in Geneva on Monday to discuss the air corridors over Syria. "
                     "Moscow called the meeting useful. Jordan's king welcomed the talks. "
                     "The two militaries will keep working together, a U.S. official said.")
    last = [c for c in claims if c.topic == "cooperation"][-1]
    assert _parties(last) == ("United States", "Russia")


def test_a_director_general_of_military_operations_is_of_the_state_named_with_the_post(extract):
    # the post exists in both armies: "DGMO" alone names no state's
    c = _one(extract("The Director General of Military Operations of Pakistan called the Indian DGMO on Saturday."),
             "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Pakistan", "India")


def test_the_alliance_in_its_own_officials_mouth_is_that_alliance(extract):
    c = _one(extract("NATO spokeswoman Ana Lunde said the alliance had not been informed of the drills in advance."),
             "notification")
    assert c.counterpart == "NATO"


def test_a_place_named_before_an_act_is_where_it_happened_not_who_acted(extract):
    claims = extract("Kyiv did not inform Washington in advance of the Kursk incursion, the Pentagon said.")
    assert _one(claims, "strike").agent == "Ukraine"  # (the one who did not tell of it: not "Kursk")
    assert _one(extract("The U.S. strikes hit three radar sites."), "strike").agent == "United States"


def test_a_passive_notice_in_an_officials_mouth_was_given_by_their_side(extract):
    c = _one(extract("A spokeswoman for the Estonian defence ministry told reporters that Russia had been informed in "
                     "advance of the drills."), "notification")
    assert _parties(c) == ("Estonia", "Russia")
    # (not when the one told is the speaker's own side: who told them is for the text to say)
    c = _one(extract("An Estonian official said Tallinn had been informed in advance of the drills."), "notification")
    assert c.agent != "Estonia"


def test_the_north_is_the_half_of_the_divided_state_the_text_named(extract):
    claims = extract("North Korea told Japan it would launch a satellite this week. South Korea's Joint Chiefs of Staff "
                     "said it had not received any separate notification from the North.")
    assert [c.agent for c in claims if c.topic == "notification"][-1] == "North Korea"


def test_a_name_read_through_itself_ends_instead_of_looping(extract):
    # "its" in "the YPG and its allied militias" is the YPG, the coordination's own first part:
    # naming the coordination reads "its", whose antecedent is the coordination again
    c = _one(extract("Officials said the YPG and its allied militias shelled the villages overnight."), "strike")
    assert c.agent.startswith("YPG") and c.counterpart == "villages"
    c = _one(extract("The raids show that the SDF and its Arab units, backed by coalition aircraft, hold the town."),
             "strike")
    assert "SDF" in c.counterpart or "SDF" in c.agent


def test_how_a_notice_was_given_names_no_party(extract):
    # "on Privy Council terms", "on a confidential basis": how the notice was given, not whose act it was about
    c = _one(extract("The Leader of the Opposition was briefed on Privy Council terms before the operation began, "
                     "the minister said."), "notification")
    assert (c.agent, c.counterpart) == ("", "Leader of the Opposition")
    c = _one(extract("Washington was informed on a confidential basis about Israel's plan, an official said."),
             "notification")
    assert (c.agent, c.counterpart) == ("Israel", "United States")


def test_the_label_of_a_turn_is_no_party(extract_document):
    # a Hansard-style label ("The Secretary of State for Defence (Grant Shapps):") speaks; the parser may
    # read it into the sentence as a subject, but the ones who took part are the aircraft
    claims = extract_document("House of Commons, 12 January 2024\n\nYemen: Military Action\n\n"
                              "The Secretary of State for Defence (Grant Shapps): Last night, RAF Typhoons took part in "
                              "strikes against Houthi military targets in Yemen, alongside forces of the United States.\n")
    c = _one(claims, "cooperation")
    assert c.speaker == "Grant Shapps" and c.agent == "RAF Typhoons" and c.agent_country == "United Kingdom"
    assert c.counterpart_country == "United States"


def test_an_operations_name_and_a_joint_act_are_no_parties(extract):
    # "launched Operation X and struck ...": the operation is the act; what it struck is the counterpart
    c = _one(extract("India launched Operation Sindoor and hit nine sites in Pakistan, the ministry said."), "strike")
    assert (c.agent, c.counterpart) == ("India", "nine sites in Pakistan")
    # a joint patrol is what two parties do together, not a party of its own
    c = _one(extract("The joint patrol is part of the annual cooperation plan between the two militaries, "
                     "the spokesman said."), "cooperation")
    assert c.agent == ""
    c = _one(extract("Russian and Chinese bombers conducted a joint patrol near Alaska."), "cooperation")
    assert (c.agent, c.counterpart) == ("Russia", "China")


def test_the_one_that_moves_in_an_incursion_is_its_agent(extract):
    c = _one(extract("The incursion of Russian drones into Polish airspace was a reckless act, the minister said."),
             "strike")
    assert (c.agent, c.counterpart) == ("Russia", "Polish airspace")


def test_the_one_open_to_a_dialogue_is_its_agent(extract):
    c = _one(extract("National Security Adviser Eduardo Ano said Manila remained open to dialogue, as long as "
                     "Beijing respected the arbitral award."), "cooperation")
    assert (c.stance, c.agent) == ("conditional", "Philippines")


def test_who_acts_in_violation_is_the_one_who_breaks_it_when_the_parser_hangs_it_lower(extract):
    # "in violation of" hung on the object of the verb ("its actions"): the verb's subject still breaks it
    c = _one(extract("The coalition's command did not inform the Russian side about its actions near al-Tanf, "
                     "in violation of the memorandum on flight safety."), "cooperation")
    assert c.stance == "deny" and "coalition" in c.agent and c.counterpart == "Russia"


def test_a_hyphenated_operations_name_and_each_of_two_countries(extract, extract_document):
    c = _one(extract("Pakistan's armed forces have launched Operation Bunyan-um-Marsoos and struck military targets "
                     "inside India."), "strike")
    assert c.counterpart == "military targets inside India"
    # "neither country", "either side": the two named before, never the word "country"
    text = ("Joint Statement of the Defence Ministers of Finland and Sweden\n\n"
            "Neither country was consulted by Russia before its recent military activity in the Baltic Sea region.\n")
    c = _one(extract_document(text), "cooperation")
    assert (c.agent, c.counterpart) == ("Russia", "Finland and Sweden")
    c = _one(extract("Neither country was informed in advance of the drills, the ministers said."), "notification")
    assert c.counterpart == ""


def test_a_weapon_model_the_parser_reads_as_a_number_names_its_state(extract):
    # "F-15K" tokenised as a number: the nationality before it names who fired
    c = _one(extract("In response, South Korean F-15K and KF-16 fighter jets fired three air-to-ground missiles into "
                     "waters north of the maritime border."), "strike")
    assert c.agent == "South Korea"


def test_a_model_number_named_as_a_people_is_no_second_state(extract):
    # the recogniser may label "Su-34" a people: one state's bombers are no joint action
    claims = extract("Russian Su-34 bombers struck a fuel depot outside the town on Sunday.")
    assert [c.topic for c in claims] == ["strike"]
    # two states coordinated are one
    claims = extract("Danish and Dutch jets struck a fuel depot outside the town on Sunday.")
    assert sorted(c.topic for c in claims) == ["cooperation", "strike"]


def test_a_state_whose_name_holds_of_is_named_whole_in_a_pair(extract):
    c = _one(extract("The ministry is exchanging information closely with the United States and the Republic of Korea."),
             "cooperation")
    assert c.counterpart == "United States and Republic of Korea"


def test_who_joins_in_a_wave_of_strikes_strikes_unless_it_did_not(extract):
    c = _one(extract("Two RAF Typhoons joined American aircraft overnight in a third wave of strikes against "
                     "radar sites in Yemen."), "strike")
    assert "RAF" in c.agent
    c = _one(extract("Canada did not participate in the raids on the radar sites."), "strike")
    assert c.agent != "Canada"


def test_a_speakers_surname_is_no_body_of_that_name(extract_document):
    # "Wagner" is a spokesperson, not the Wagner Group: "we" stays unnamed rather than a militia
    text = ("Government press conference of 3 March 2024\nTranscript\n\n"
            "Question: Were you told beforehand about the strikes?\n"
            "Deputy spokesperson Wagner: We are in close contact with our partners in Washington about the strikes.\n")
    c = _one(extract_document(text), "cooperation")
    assert c.speaker == "Wagner" and "Wagner Group" not in (c.agent, c.counterpart)


def test_all_of_them_is_no_party_of_the_reporter(extract):
    # "them" in "all of them" are things named before, not the ministry that says so
    c = _one(extract('The defence ministry said six drones took part in a "terrorist attack" by the Kyiv regime and that '
                     'all of them had been shot down.'), "strike")
    assert "ministry" not in c.counterpart.lower()


def test_who_took_part_in_strikes_struck_and_a_turn_label_is_no_antecedent(extract, extract_document):
    c = _one(extract("Last night, RAF Typhoons took part in a further round of strikes against Houthi targets."), "strike")
    assert "RAF" in c.agent
    # "them" after a transcript label: the partners named before, never the label's "Foreign Secretary"
    text = ("Transcript of Special Briefing (May 9, 2025)\n\n"
            "Official Spokesperson, Shri Arun Mehta: Good evening, friends. Foreign Secretary will brief you.\n"
            "Foreign Secretary, Shri Kiran Rao: Thank you. We had informed a number of partner countries of our actions.\n"
            "Anita, NDTV: Sir, was the United States informed in advance?\n"
            "Foreign Secretary, Shri Kiran Rao: As I said, we had been in touch with our partners, including the United "
            "States, and we briefed them on the nature of our response.\n")
    claims = extract_document(text)
    assert len(claims) >= 3 and all("Secretary" not in c.counterpart for c in claims)


def test_what_one_works_with_partners_on_is_no_part_of_their_name(extract):
    c = _one(extract("We will continue to coordinate closely with our allies on the support Kyiv needs."), "cooperation")
    assert c.counterpart == "our allies"
    c = _one(extract("We coordinate daily with our partners in the region."), "cooperation")
    assert c.counterpart == "our partners in the region"


def test_those_in_contact_with_both_sides_are_the_ones_in_contact(extract):
    c = _one(extract("The minister said the United States and Qatar were in contact with both sides."), "cooperation")
    assert c.agent == "United States and Qatar"
    c = _one(extract("Ankara is in close contact with Moscow, the minister said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Turkey", "Russia")


def test_what_was_launched_is_not_what_was_struck(extract):
    c = _one(extract("The spokesman said more than 200 drones and missiles were launched overnight."), "strike")
    assert "drones" not in c.counterpart
    # what was shot down was struck
    c = _one(extract("The spokesman said two drones were shot down over the port."), "strike")
    assert "drones" in c.counterpart


def test_who_was_not_told_and_did_not_coordinate_and_who_took_no_part(extract, extract_document):
    # an active verb coordinated with a passive one shares its subject
    c = _one(extract("The spokesman added that the naval forces had not been informed of any arrangements and did not "
                     "coordinate with any party."), "cooperation")
    assert c.agent and "naval forces" in c.agent
    # who takes no part in an offensive is not who carries it out
    c = _one(extract_document("U.S. troops in the area have been pulled back from two border observation posts and will "
                              "take no part in the offensive, the official added.\n"), "strike")
    assert "U.S." not in c.agent and "United States" not in c.agent


def test_where_help_came_from_is_no_party_and_the_two_named_before_are_the_pair(extract, extract_document):
    claims = extract("Australia supports the strikes conducted by the United States and the United Kingdom. Australian "
                     "personnel provided support to the operation from the headquarters in Bahrain.")
    assert claims and all("headquarters" not in c.agent + c.counterpart for c in claims)
    # "the two militaries": the two states the sentence named, not a party of the claims before
    text = ("Russia pounds Ukrainian cities after Crimea bridge blast\n"
            "KYIV, Oct 10 (Reuters) - Russia launched dozens of missiles at cities across Ukraine on Monday, "
            "hitting energy facilities and killing at least 11 people, Ukrainian officials said.\n"
            "President Vladimir Putin said the strikes were retaliation for the blast on the Crimea bridge, which he "
            "blamed on Ukraine's special services.\n"
            "Kyiv has not claimed responsibility for the bridge explosion.\n"
            "The Pentagon said Washington had received no warning from Moscow before the barrage, but noted that the "
            "two militaries keep a deconfliction line open.\n")
    c = _one(extract_document(text), "cooperation")
    assert (c.agent, c.counterpart) == ("United States", "Russia")


def test_who_dies_or_is_killed_in_a_strike_is_struck_by_it(extract):
    # the subject of "died" suffered the attack; it never carried it out
    c = _one(extract("Nine soldiers died in the attack on the border post, the ministry said."), "strike")
    assert "soldiers" not in c.agent
    # a person killed in a strike is its counterpart before the place it fell on
    c = _one(extract("The group said its commander, Tariq Hamdan, was killed in an Israeli strike on a flat in Tyre."),
             "strike")
    assert (c.agent, c.counterpart) == ("Israel", "Tariq Hamdan")
    # (a plural victim named in a list stays the phrase the sentence gives)
    c = _one(extract("Israeli airstrikes killed four senior commanders: Rami Saleh, Omar Khalil, Sami Nasser and Adel Awad."),
             "strike")
    assert "commanders" in c.counterpart


def test_partners_named_together_after_with_are_one_counterpart(extract):
    # "we" acts, unknown to the sentence; the two named after "with" are its partners, together
    c = _one(extract("We will keep working closely with allies and partners to deter aggression, the spokesman said."),
             "cooperation")
    assert (c.agent, c.counterpart) == ("", "allies and partners")
    c = _one(extract("The Red Crescent said the convoy is moving in coordination with the World Food Programme and the "
                     "warring factions."), "cooperation")
    assert "World Food Programme" in c.counterpart and "factions" in c.counterpart
    # (those named after "between" are still each a side)
    c = _one(extract("There has been no coordination between the American and Russian militaries."), "cooperation")
    assert (c.agent, c.counterpart) == ("United States", "Russia")


def test_a_by_deeper_in_the_target_is_not_who_struck(extract):
    # "controlled by" qualifies the target: its owner is struck, the one "it" names strikes
    c = _one(extract("The U.S. military said it carried out airstrikes on Tuesday targeting depots in eastern Syria "
                     "controlled by the Wagner Group."), "strike")
    assert "Wagner" not in c.agent
    # (the clause's own "by", even through what someone said of it, is)
    c = _one(extract("Several guards died in the raid, which the governor said was carried out by Houthi fighters."), "strike")
    assert "Houthi" in c.agent


def test_who_invites_and_who_is_supported_after_a_bare_with(extract):
    # who invites (or asks) is the counterpart of those who come
    c = _one(extract("French forces stayed in Mali at the invitation of Bamako, the ministry said."), "cooperation")
    assert c.counterpart == "Mali"
    # "coordinated with and in support of X": the "with" has X as its object too
    c = _one(extract("Jets and drones conducted six strikes in Syria, coordinated with and in support of the Syrian "
                     "Democratic Forces."), "cooperation")
    assert c.counterpart == "Syrian Democratic Forces" and "drones" not in c.counterpart


def test_a_subject_the_parser_hung_on_a_helping_verb_acts(extract):
    # "and the US helped provide": the US acts, not the subject of the clause before
    c = _one(extract("The spokesman said Jordan told the coalition about the raid beforehand, and the US helped provide "
                     "intelligence."), "cooperation")
    assert c.agent == "United States"


def test_it_in_a_time_clause_is_the_one_whose_act_it_follows(extract_document):
    text = ("Navy says it was told of raid\n"
            "OSLO, May 2 (Reuters) - Sweden informed Norway shortly before it struck a depot near the border, "
            "two Norwegian officials told Reuters.\n")
    c = _one(extract_document(text), "strike")
    assert c.agent == "Sweden"


def test_a_sentence_the_parser_found_no_verb_in_keeps_who_fired(extract):
    c = _one(extract("On 4 October, the armed forces of Armenia fired missiles at the city of Ganja, the second "
                     "largest city of Azerbaijan, from the territory of Armenia."), "strike")
    assert c.agent == "Armenia"


def test_a_passive_joined_to_an_active_verb_is_undergone_by_its_subject(extract):
    c = _one(extract("Iran had no role in planning the operation and was not told about it beforehand."), "notification")
    assert (c.agent, c.counterpart) == ("", "Iran")


def test_a_right_to_retaliate_is_aimed_at_whoever_struck(extract_document):
    text = ("Drone strike hits border post\n"
            "ISLAMABAD, May 3 (Reuters) - Afghan forces struck a border post in Kurram on Friday, the army said.\n"
            "Pakistan reserves the right to retaliate, the foreign ministry said.\n")
    c = [c for c in extract_document(text) if c.stance == "conditional"][0]
    assert c.agent == "Pakistan" and "Afghan" in c.counterpart


def test_what_is_fired_is_no_target_however_many_and_a_place_run_into_a_time_is_a_place(extract):
    c = _one(extract("Iran fired hundreds of drones and missiles toward Israel."), "strike")
    assert c.counterpart == "Israel"
    # (the recogniser reads "Kyiv overnight" as a time)
    c = _one(extract("Russia fired dozens of missiles at Kyiv overnight."), "strike")
    assert c.counterpart and "missiles" not in c.counterpart
    # (a day's name stays a time)
    c = _one(extract("Jets struck the depot on Friday."), "strike")
    assert "Friday" not in c.counterpart


def test_the_partner_of_what_governs_the_trigger_phrase(extract):
    c = _one(extract("The Ministry of Defence of the Russian Federation suspends interaction with the American side "
                     "under the memorandum."), "cooperation")
    assert c.counterpart == "United States"


def test_a_pronoun_among_parties_a_stranded_with_and_what_weapons_were_used_against(extract):
    # "he and X": who "he" is, with X
    c = _one(extract("Belarusian President Alexander Lukashenko said he and Vladimir Putin had agreed to deploy a joint "
                     "regional group of forces."), "cooperation")
    assert "he" not in c.agent.split() and "Lukashenko" in c.agent + c.counterpart
    # the parser takes the object of "with" for the next clause's subject
    c = _one(extract("We will continue to work together with partners in the region to stabilize the situation."),
             "cooperation")
    assert c.counterpart == "partners in the region"
    # "fired first, using rocket launchers against civilian areas": what the weapons were used against
    c = _one(extract("The spokesman said the rebels fired first, using rocket launchers against civilian areas near "
                     "the border."), "strike")
    assert c.counterpart.startswith("civilian areas")


def test_a_title_without_a_name_is_the_one_the_document_named_with_it(extract_document):
    text = ("Secretary's call with the Foreign Minister of Norway\n\n"
            "Secretary of State Marco Rubio spoke today with Norwegian Foreign Minister Espen Barth Eide about the "
            "Arctic. The Secretary and Foreign Minister agreed to remain in close contact.\n")
    c = [c for c in extract_document(text) if "agreed" in c.sentence][0]
    assert c.counterpart == "Espen Barth Eide"


def test_a_states_police_is_a_body_of_its_own(extract):
    c = _one(extract("KFOR said it had been informed in advance by the Kosovo Police about the operation in Zvecan."),
             "notification")
    assert (c.agent, c.agent_country) == ("Kosovo Police", "Kosovo")


def test_a_notice_naming_no_one_told_is_the_speakers_unless_the_speaker_gives_it(extract):
    c = _one(extract("A spokesman for Ukraine's air force said there had been no advance warning of the barrage."),
             "notification")
    assert c.counterpart_country == "Ukraine"
    c = _one(extract('"Twice we sent warnings," the Iranian commander said.'), "notification")
    assert c.agent == "Iran" and c.counterpart == ""


def test_a_centre_named_before_speaks_as_the_body_and_elders_are_a_party(extract_document):
    text = ("Reconciliation centre: shelling of Aleppo\n"
            "MOSCOW, November 20. /TASS/. Militants shelled residential areas of Aleppo, the Russian Center for "
            "Reconciliation of the Opposing Sides in Syria said on Monday.\n"
            "According to the center, Russian servicemen informed the Turkish side about the violations.\n"
            "The center also said it had held talks with local elders in Daraa province.\n")
    claims = extract_document(text)
    told = _one(claims, "notification")
    assert "Reconciliation" in told.speaker
    talks = [c for c in claims if "elders" in c.sentence][0]
    assert talks.counterpart.startswith("local elders")


def test_permission_from_someone_is_theirs_to_grant(extract):
    c = _one(extract("The Philippines did not seek permission from China for this mission."), "cooperation")
    assert (c.agent, c.counterpart) == ("Philippines", "China")


def test_coordinates_shared_with_someone_the_parser_hung_deeper(extract):
    c = _one(extract("Turkey had shared the coordinates of its observation posts with Russia, the ministry said, but the "
                     "posts were still hit."), "notification")
    assert (c.agent, c.counterpart) == ("Turkey", "Russia")
    # (a speaker known only as "the ministry" names no side that would be the one told)
    c = _one(extract("Seoul received no advance notice of the launch, the ministry said."), "notification")
    assert c.counterpart in ("South Korea", "Seoul")


def test_a_notice_acknowledged_with_no_one_named_told_is_not_the_speakers(extract):
    c = _one(extract("The Foreign Ministry spokeswoman of Russia said all the necessary notifications were provided "
                     "through the relevant channels."), "notification")
    assert c.counterpart_country != "Russia"


def test_who_asks_another_for_help_acts_and_the_one_asked_is_the_counterpart(extract):
    c = _one(extract("Baku had not asked Turkey for military help, the aide said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Azerbaijan", "Turkey")
    c = _one(extract("Yerevan appealed to Moscow for military assistance, the ministry said."), "cooperation")
    assert (c.agent, c.counterpart) == ("Armenia", "Russia")


def test_a_names_suffix_is_no_second_subject(extract):
    c = _one(extract("President Joseph R. Biden, Jr. spoke today with President Recep Tayyip Erdoğan of Türkiye about "
                     "the strikes in northern Syria."), "cooperation")
    assert "Biden" in c.agent


def test_the_act_a_strike_answers_keeps_its_own_target_when_named_by_what_was_fired(extract_document):
    text = ("Overnight, IDF aircraft struck a Hamas weapons depot in Khan Younis.\n"
            "The strike was carried out in response to the rocket launched from Gaza toward Sderot earlier in the "
            "evening.\n")
    c = [c for c in extract_document(text) if c.topic == "strike" and "response" in c.sentence][0]
    assert "Sderot" not in c.counterpart


@pytest.mark.parametrize("text, agent", [
    ("Baghdad called on Ankara to halt its air strikes in the Sinjar region.", "Turkey"),
    ("The foreign ministry urged Washington to stop the strikes on Iraqi territory.", "United States"),
    ("Cairo called upon Israel to end the raids on Rafah at once.", "Israel"),
])
def test_the_one_called_on_to_stop_strikes_is_the_one_striking(extract, text, agent):
    c = [c for c in extract(text) if c.topic == "strike"][0]
    assert c.agent == agent


def test_the_one_who_stopped_an_attack_did_not_make_it(extract):
    c = [c for c in extract("The army stopped the attack on the convoy near Kidal.") if c.topic == "strike"][0]
    assert c.agent != "army"


@pytest.mark.parametrize("text", [
    "Tehran had received a message from Washington through Muscat warning of an imminent attack.",
    "Washington warned Tehran through Swiss diplomats of an imminent attack.",
])
def test_whom_a_warning_went_through_is_no_party_to_the_attack(extract, text):
    c = [c for c in extract(text) if c.topic == "strike"][0]
    assert c.agent == "United States"


def test_the_side_of_a_channel_used_stays_the_partner(extract):
    c = _one(extract("We have been talking via the Russian deconfliction line on this, the spokesman said."),
             "cooperation")
    assert c.counterpart == "Russia"


def test_at_the_request_of_a_state_that_state_is_the_partner(extract):
    c = _one(extract("At the request of the Federal Government of Somalia, U.S. Africa Command conducted an airstrike "
                     "against al-Shabaab fighters near Jilib."), "cooperation")
    assert (c.agent, c.counterpart) == ("U.S. Africa Command", "Somalia")


@pytest.mark.parametrize("text, counterpart", [
    ("Russia keeps striking at the request of the legitimate Syrian government.", "Syria"),
    ("Turkey coordinated with the interim Libyan government, the ministry said.", "Libya"),
])
def test_a_governments_standing_leaves_it_its_state(extract, text, counterpart):
    assert _one(extract(text), "cooperation").counterpart == counterpart


def test_the_one_told_of_an_operation_is_not_its_owner(extract):
    claims = extract("Ankara informed the Iraqi government of the operation.")
    assert _one(claims, "strike").agent == "Turkey"


def test_a_date_is_not_the_one_asked_to_act(extract):
    claims = extract("Israel was asked on Friday to inform Egypt before any strike on Rafah.")
    assert _one(claims, "notification").agent == "Israel"


def test_a_governments_standing_is_dropped_after_an_article_too(nlp):
    namer = nlp.get_pipe("press_claims").parties
    assert namer.of_name("the interim Libyan government").name == "Libya"
    assert namer.of_name("the former Libyan government").name != "Libya"


def test_the_one_ready_to_act_is_the_subject_of_the_act_an_if_clause_places_after_it(nlp):
    """"Russia would be ready to return to the memorandum only if Washington abandons further unilateral action":
    the action in the condition is Washington's, another act, whose parties are not the memorandum's."""
    from nlp_tools.claims.participants import _describes_other_act
    from nlp_tools.claims.topics import Trigger

    doc = nlp("Russia would be ready to return to the memorandum only if Washington abandons further unilateral action.")
    memorandum = next(t for t in doc if t.lower_ == "memorandum")
    action = next(t for t in doc if t.lower_ == "unilateral")
    chosen = Trigger("cooperation", memorandum.i, memorandum.i + 1, memorandum.i, "memorandum", "", False)
    other = Trigger("cooperation", action.i, action.i + 1, action.i, "unilateral", "", True)
    assert _describes_other_act(doc[:], other, chosen)


def test_two_sides_cooperating_with_each_other_are_one_side_and_the_other(extract):
    c = _one(extract("Chile and Peru agreed to coordinate their patrols with each other, the ministry said."), "cooperation")
    assert _parties(c) == ("Chile", "Peru")
    # (a notice both give each other is given both ways; three states together stay together)
    c = _one(extract("Chile and Peru agreed to notify each other in advance of missile tests."), "notification")
    assert _parties(c) == ("Chile and Peru", "Chile and Peru")


def test_on_whose_word_a_strike_was_made_is_not_what_it_hit(extract):
    c = _one(extract("At the Prime Minister's direction, Dutch aircraft this evening struck six depots in the north."), "strike")
    assert c.counterpart.startswith("six depots")


def test_an_office_alone_in_an_officials_words_is_their_own_states(extract):
    c = _one(extract('"The President directed those strikes to protect our personnel," Pentagon Press Secretary Peter Cook said.'),
             "strike")
    assert c.agent_country == "United States"


def test_a_roundups_stories_keep_their_parties_to_themselves(extract_document):
    text = ("REGIONAL BRIEFS\n\n"
            "NIAMEY, May 2 (Sahel Wire) - Niger's army said its drones had struck a rebel camp near Agadez.\n\n"
            "QUITO, Ecuador, May 2 (Sahel Wire) - Ecuador's defence minister said there had been no coordination whatsoever "
            "on the operation.\n")
    c = _one(extract_document(text), "cooperation")
    assert "Niger" not in (c.agent_country, c.counterpart_country)
    # (the same two paragraphs without datelines are one report: the strike's parties carry on)
    joined = text.replace("QUITO, Ecuador, May 2 (Sahel Wire) - ", "").replace("NIAMEY, May 2 (Sahel Wire) - ", "")
    c = _one(extract_document(joined), "cooperation")
    assert "Niger" in (c.agent_country, c.counterpart_country)


def test_them_in_a_second_clause_is_the_party_of_the_first(extract):
    def told(text):
        (claim,) = [c for c in extract(text) if c.topic == "notification" and c.sentence.startswith("We")]
        return claim

    c = told("Paris was told on Monday. We did not coordinate with the Sudanese junta, and we did not give them any "
             "advance notice.")
    assert c.counterpart_country == "Sudan"  # (not the party told in the sentence before)
    assert told("We did not coordinate with the Houthis, and we did not warn them before the strikes.").counterpart == "Houthis"
    c = told("Paris was told on Monday. We consulted closely with our Gulf partners, and several of them were briefed on "
             "our intent ahead of time.")
    assert "partners" in c.counterpart


def test_lists_the_parser_breaks_up_are_one_party_each(extract):
    # a list's second name read as an apposition of the first: every state named is a partner
    c = _one(extract("Ghana's navy said it would keep patrolling jointly with the Republic of Togo, the Republic of Benin "
                     "and the Federal Republic of Nigeria in the Gulf of Guinea."), "cooperation")
    assert {"Togo", "Benin", "Nigeria"} <= set(c.counterpart_country.split("; "))
    # a true apposition adds no one
    c = _one(extract("Ghana's navy said it would keep patrolling jointly with Togo, its eastern neighbour, in the Gulf of "
                     "Guinea."), "cooperation")
    assert c.counterpart_country == "Togo"


def test_a_lists_first_name_hung_apart_still_acts(extract):
    # "UNMISS, the police and the army" parsed as "UNMISS" (a modifier), ",", and a coordinated subject
    c = _one(extract("UNIFIL, the Lebanese Army and UNDOF are working hand in hand, the general said."), "cooperation")
    assert c.agent == "UNIFIL" and "Lebanese Armed Forces" in c.counterpart


def test_counterparts_from_a_state_are_that_state(extract):
    c = _one(extract("Canada's defence minister held a video call with his counterparts from Denmark and Norway on Arctic "
                     "surveillance cooperation."), "cooperation")
    assert set(c.counterpart_country.split("; ")) == {"Denmark", "Norway"}
    c = _one(extract("The chief of staff met his counterpart in Warsaw to coordinate the air policing rotation, the "
                     "German ministry said."), "cooperation")
    assert c.counterpart_country == "Poland"


def test_officers_of_two_armies_are_the_two_armies(extract):
    c = _one(extract("Senior officers of the Greek and Turkish navies met in Athens to discuss a hotline, the ministry "
                     "said."), "cooperation")
    assert {c.agent_country, c.counterpart_country} == {"Greece", "Turkey"}


def test_there_was_no_coordination_has_no_subject_of_its_own(extract):
    # the clause with "there" shares no subject with the clause before it: who struck did not coordinate
    c = _one(extract("A Lebanese minister said Beirut received no warning from Israel before the raid and that there was "
                     "no coordination whatsoever with Lebanese officers."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Israel", "Lebanon")


def test_interaction_under_an_agreement_is_the_subjects(extract):
    c = _one(extract("As of today the Turkish General Staff suspends its interaction with the Greek side under the "
                     "memorandum on air safety."), "cooperation")
    assert (c.agent_country, c.counterpart_country) == ("Turkey", "Greece")


def test_notification_of_a_party_is_owed_to_it(extract):
    c = _one(extract("Minsk began the snap drills without prior notification of the Baltic states, the Lithuanian "
                     "ministry said."), "notification")
    assert c.agent_country == "Belarus" and "Baltic states" in c.counterpart
    # ("of" the act, or of whose things they are, names no one told)
    c = _one(extract("Minsk gave no notification of the snap drills, the Lithuanian ministry said."), "notification")
    assert "drill" not in c.counterpart


def test_a_clause_on_the_one_told_is_another_act(extract):
    # the warnings the centre issues are not the notice given to it: its issuer is not who notified
    c = _one(extract("The advance notice was sent to the Regional Rescue Centre, which relays navigational warnings to "
                     "shipping, the defence ministry of Chile said."), "notification")
    assert "Rescue" not in c.agent and "Rescue Centre" in c.counterpart


def test_people_told_by_what_they_do(extract):
    c = _one(extract("The Israeli army said it warned the occupants of the tower before the strike."), "notification")
    assert "occupants" in c.counterpart


def test_an_exchange_of_fire_is_each_sides_at_the_other(extract):
    c = _one(extract("Thai and Cambodian troops traded artillery fire near the disputed temple overnight, a Thai army "
                     "spokesman said."), "strike")
    assert set(c.agent_country.split("; ")) == {"Thailand", "Cambodia"} and c.counterpart == c.agent
    # (firing "with" another: at that other, the two who fired together)
    c = _one(extract("Dutch and Danish frigates exchanged fire with Houthi boats in the Red Sea, the Dutch ministry "
                     "said."), "strike")
    assert c.counterpart_org == "Houthis" and c.counterpart != c.agent
    # (two sides firing at each other did not strike together)
    assert [x.topic for x in extract("Thai and Cambodian troops traded artillery fire near the disputed temple "
                                     "overnight, a Thai army spokesman said.")] == ["strike"]
