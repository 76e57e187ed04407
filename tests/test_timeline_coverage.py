"""Round 7, timeline coverage: the events a report on the talks names as its news, added
month by month (analysis/rules/data/timeline.csv; TIMELINE.md gives each row's source).
Each row is checked on a sentence written for the test, and each risky row on a look-alike
it must not take. The sentences are our own, not copied from the evaluation articles."""

import pytest

from analysis.rules.dates import date_signals


def event_days(text):
    return {m["date"] for m in date_signals(text) if m["kind"] == "event"}


@pytest.mark.parametrize("text, day", [
    ("Hamas sent its reply to the framework hammered out in Paris last month.", "2024-02-06"),
    ("Netanyahu rejected the group's terms as \"delusional\" on Wednesday.", "2024-02-07"),
    ("The strike that killed three sons of Hamas leader Ismail Haniyeh hit a car.", "2024-04-10"),
    ("Israel killed three of Haniyeh's sons during the Eid holiday.", "2024-04-10"),
    ("Netanyahu vowed to go into Rafah with or without a deal.", "2024-04-30"),
    ("Biden hosted Netanyahu at the White House on Thursday.", "2024-07-25"),
    ("The security cabinet voted to keep troops along the Philadelphi corridor.", "2024-08-29"),
    ("Blinken, on his ninth trip to the region since the war began, landed in Tel Aviv.",
     "2024-08-18"),
    ("Blinken is making his 11th trip to the Middle East since the war erupted.", "2024-10-21"),
    ("Israel held up the release of more than 600 Palestinian prisoners.", "2025-02-22"),
    ("Hamas said it was ready to free Edan Alexander and the bodies of four dual nationals.",
     "2025-03-14"),
    ("Witkoff called the reply \"totally unacceptable\" on Saturday.", "2025-05-31"),
    ("Trump said Israel had agreed to the necessary conditions to finalize a 60-day truce.",
     "2025-07-01"),
    ("An Israeli strike in Beirut killed Hezbollah's Haytham Ali Tabatabai.", "2025-11-23"),
    ("The first aid trucks crossed into Gaza after an eleven-week blockade.", "2025-05-18"),
    ("A new video showed a starving Evyatar David in a tunnel.", "2025-07-31"),
    ("Officers at the Civil-Military Coordination Center watch the truce.", "2025-10-09"),
    ("Troops recovered the remains of Gad Haggai and Judi Weinstein in Khan Younis.",
     "2025-06-05"),
    ("Energy Minister Eli Cohen signed an order halting the electricity supply.", "2025-03-09"),
    ("Under a deal brokered by Qatar, medicine was sent to the hostages.", "2024-01-16"),
    ("American airdrops of food began over the Gaza coast.", "2024-03-02"),
])
def test_the_rows_of_the_month_by_month_pass(text, day):
    assert day in event_days(text)


@pytest.mark.parametrize("text, days", [
    # the return of the displaced to the north: January and October 2025 alike
    ("Hundreds of thousands of displaced Palestinians streamed back to northern Gaza.",
     {"2025-01-27", "2025-10-10"}),
    # a reply to Biden's plan: June and July 2024 alike
    ("Hamas delivered its response to Biden's three-phase proposal.",
     {"2024-06-11", "2024-07-06"}),
])
def test_a_phrase_that_names_two_events_gives_both_and_the_rest_picks(text, days):
    assert days <= event_days(text)


@pytest.mark.parametrize("text, not_day", [
    # the killing of his sons is not Haniyeh's own death (31 July 2024)
    ("The strike that killed three sons of Ismail Haniyeh drew condemnation.", "2024-07-31"),
    ("The killing of three of Haniyeh's sons did not change the talks.", "2024-07-31"),
    # the earlier video of Evyatar David at a release ceremony (February 2025)
    ("Hamas showed a video of Evyatar David watching the handover from a car.", "2025-07-31"),
    # bodies still held are not recovered
    ("The bodies of Judith Weinstein and Gadi Haggai are still held in Gaza.", "2025-06-05"),
    # the ninth trip is not the eleventh, nor another official's journey
    ("Blinken, on his ninth trip to the region, met Netanyahu.", "2024-10-21"),
    # Biden's own plan is not Hamas's reply to it
    ("The plan presented by President Joe Biden calls for a six-week truce.", "2024-06-11"),
    # electricity cut in the first days of the war, not by the energy minister in 2025
    ("Israel cut off electricity and fuel to Gaza after the attack.", "2025-03-09"),
    # a count of airdrops by Jordan is not the US airdrops
    ("Jordanian airdrops of medical supplies reached a field hospital.", "2024-03-02"),
])
def test_a_look_alike_does_not_take_the_row(text, not_day):
    assert not_day not in event_days(text)


@pytest.mark.parametrize("text, day", [
    ("President Biden will tell Netanyahu when the two meet at the White House on Thursday.",
     "2024-07-25"),
    ("Hamas's reply in July to President Biden's three-part plan is the starting point.",
     "2024-07-06"),
    ("Washington talks to Hamas through Bishara Bahbah, a Palestinian-American go-between.",
     "2025-05-12"),
    ("Mediators presented a proposal for a 70-day truce and the release of ten hostages.",
     "2025-05-23"),
])
def test_phrasings_from_the_dev_sets_abstentions(text, day):
    assert day in event_days(text)


def test_bahbah_as_a_campaigner_is_not_the_backchannel():
    # his 2024 role in the election campaign names no day of the talks
    assert "2025-05-12" not in event_days(
        "Bishara Bahbah, chairman of Arab Americans for Trump, spoke in Dearborn.")


@pytest.mark.parametrize("text, day", [
    ("The security cabinet approved a plan that includes the conquest of the Gaza Strip.",
     "2025-05-05"),
    ("Families and the October Council called the strike to press for a deal.", "2025-08-17"),
    ("Protesters blocked highways on what organisers called a \"day of stoppage\".",
     "2025-08-17"),
])
def test_the_cabinets_conquest_plan_and_the_day_of_stoppage(text, day):
    assert day in event_days(text)


@pytest.mark.parametrize("text, not_day", [
    # the strike of September 2024 after the six hostages were found dead
    ("The Histadrut called a general strike after the six hostages were found dead.",
     "2025-08-17"),
    ("A general strike over the hostages paralysed Israel on Monday.", "2025-08-17"),
    # the plan of August 2025 for Gaza City is not May's plan for the Strip
    ("Ministers approved the conquest of Gaza City last week.", "2025-05-05"),
])
def test_a_strike_or_a_conquest_of_another_month_is_not_the_row(text, not_day):
    assert not_day not in event_days(text)


@pytest.mark.parametrize("text, days", [
    # Trump's threats: "all hell will break out" (January, February, October 2025)
    ("Trump warned that all hell will break out if the captives are not freed.",
     {"2025-01-07", "2025-02-10", "2025-10-03"}),
    ("All HELL, like no one has ever seen before, will break out against Hamas, he wrote.",
     {"2025-01-07", "2025-02-10", "2025-10-03"}),
    # ... and his "last warning" (March and September 2025)
    ("Trump sent Hamas what he called a \"last warning\".", {"2025-03-05", "2025-09-07"}),
])
def test_trumps_threats_name_each_of_their_occasions(text, days):
    assert days <= event_days(text)


@pytest.mark.parametrize("text, day, not_day", [
    ("\"Shalom Hamas\" means hello and goodbye, the president wrote.", "2025-03-05",
     "2025-09-07"),
    ("\"The Israelis have accepted my terms,\" Trump posted.", "2025-09-07", "2025-03-05"),
    # December 2024's "hell to pay" is not January's "hell will break out"
    ("Trump warned there would be all hell to pay if the hostages stayed in Gaza.",
     "2024-12-02", "2025-01-07"),
    # Netanyahu's maps of September 2024, not his press conference of December 2023
    ("Netanyahu pointed at maps to argue for holding the Philadelphi corridor.", "2024-09-02",
     None),
])
def test_the_words_of_one_occasion_name_it_alone(text, day, not_day):
    days = event_days(text)
    assert day in days and not_day not in days


def test_a_press_conference_on_philadelphi_without_maps_is_not_septembers():
    assert "2024-09-02" not in event_days(
        "Netanyahu told a press conference the Philadelphi corridor must stay in Israel's hands.")


@pytest.mark.parametrize("text, day", [
    ("Some 200 militants stranded in tunnels behind the yellow line refuse to surrender.",
     "2025-10-19"),
    ("A daily tactical pause from 10 a.m. took effect in Deir al-Balah.", "2025-07-27"),
    ("Gantz gave the prime minister a June 8 deadline to adopt a post-war plan.", "2024-05-18"),
])
def test_the_rafah_tunnels_the_tactical_pauses_and_gantzs_ultimatum(text, day):
    assert day in event_days(text)


@pytest.mark.parametrize("text, not_day", [
    # the army's tactical pause of June 2024 on the Kerem Shalom road names no place of 2025
    ("The army declared a tactical pause along the road to Kerem Shalom.", "2025-07-27"),
    # hostages held in Rafah's tunnels in 2024 are not the trapped fighters
    ("Hostages are believed to be held in tunnels under Rafah.", "2025-10-19"),
])
def test_other_pauses_and_tunnels_are_not_the_rows(text, not_day):
    assert not_day not in event_days(text)


@pytest.mark.parametrize("text, day", [
    ("Biden is to hold a one-on-one meeting with Benjamin Netanyahu at the White House.",
     "2024-07-25"),
    ("The cabinet approved a plan to widen the offensive in Gaza, including the conquest of "
     "the enclave.", "2025-05-05"),
    ("Eight ministers voted for keeping troops along the Philadelphi corridor.", "2024-08-29"),
])
def test_phrasings_from_real_reports_of_the_new_rows(text, day):
    assert day in event_days(text)


@pytest.mark.parametrize("text, day", [
    ("Witkoff toured a Gaza Humanitarian Foundation site in Rafah for five hours.",
     "2025-08-01"),
    ("Witkoff insisted on seeing Netanyahu on the Sabbath to press for a deal.", "2025-01-11"),
])
def test_witkoffs_visits(text, day):
    assert day in event_days(text)


def test_witkoff_in_doha_is_no_visit_to_gaza():
    assert "2025-08-01" not in event_days("Witkoff visited Doha to meet the Qatari prime minister.")


@pytest.mark.parametrize("text, day", [
    ("Gantz, who left the government in June, spoke at the rally.", "2024-06-09"),
    ("Israel killed the group's chief negotiator, Ismail Haniyeh, in Tehran.", "2024-07-31"),
    ("Israel resumed its offensive in mid-March after ending the truce.", "2025-03-18"),
    ("The two-month ceasefire fell apart in March.", "2025-03-18"),
])
def test_wider_phrasings_of_existing_rows(text, day):
    assert day in event_days(text)


def test_a_resumption_in_december_is_not_marchs():
    assert "2025-03-18" not in event_days("The ceasefire collapsed in December and fighting "
                                          "resumed in the south.")


def test_a_us_veto_names_each_veto_of_the_war():
    days = event_days("The United States vetoed a draft Security Council resolution on Gaza.")
    assert {"2023-10-18", "2023-12-08", "2024-02-20", "2024-04-18", "2024-11-20",
            "2025-06-04", "2025-09-18"} <= days


def test_another_powers_veto_is_not_a_us_veto():
    assert "2024-02-20" not in event_days("Russia and China vetoed a US-drafted resolution.")


# --- round 11, second helper: named hostages' fates (their names as news spells them) -------


@pytest.mark.parametrize("text, day", [
    # transliterations of names the release and rescue rows hold
    ("Soldiers Karina Ar'yeva and Naamah Levi were released in Gaza City.", "2025-01-25"),
    ("Arbel Yehud was handed over in Khan Younis amid a crowd.", "2025-01-30"),
    ("Iair Horn was freed with two other men.", "2025-02-15"),
    ("Commandos freed Fernando Simon Marman and Louis Hare in Rafah.", "2024-02-12"),
    ("Ofer Calderon was released on Saturday.", "2025-02-01"),
    # the first four bodies of October 2025, told by the identification
    ("The remains returned on Monday were identified as Guy Iluz and Bipin Joshi.",
     "2025-10-13"),
    ("The bodies of Yossi Sharabi and Daniel Peretz have been returned to Israel.",
     "2025-10-13"),
    # the six of the Rafah tunnel by any of their names
    ("The dead were identified as Carmel Gat, Eden Yerushalmi and Alex Lubnov.", "2024-09-01"),
    ("The army recovered the bodies of Ori Danino and Almog Sarusi from a tunnel.",
     "2024-09-01"),
    ("Troops retrieved the body of Ilad Katsir in Khan Younis.", "2024-04-06"),
    # Ran Gvili's remains found: every hostage returned
    ("The remains of police officer Ran Gvili had been discovered, an official said.",
     "2026-01-26"),
    ("The army retrieved the remains of the last hostage held in Gaza.", "2026-01-26"),
    ("Forensic experts identified the remains of the last hostage, Master Sgt. Ran Gvili.",
     "2026-01-26"),
])
def test_named_hostages_fates(text, day):
    assert day in event_days(text)


@pytest.mark.parametrize("text, not_day", [
    # a body still held, or a search, is no return
    ("The body of Yossi Sharabi is still held in Gaza, his brother said.", "2025-10-13"),
    ("Hamas has not returned the bodies of Guy Iluz and Bipin Joshi.", "2025-10-13"),
    ("Israel urged the mediators to resume the search for the body of Ran Gvili.", "2026-01-26"),
    ("Hamas says it has not yet found the remains of the last hostage.", "2026-01-26"),
    ("Carmel Gat's relatives pleaded for a deal that would free her.", "2024-09-01"),
])
def test_a_body_still_held_or_sought_is_not_returned(text, not_day):
    assert not_day not in event_days(text)


@pytest.mark.parametrize("text, day", [
    # Hamas's offer at the Cairo talks of 26 April 2025
    ("Hamas told the Egyptians it was ready for a five-year truce and a single exchange.",
     "2025-04-26"),
    # the strike on Hamas's leaders in Doha, told as an attempt on their lives
    ("Al-Hayya survived an Israeli assassination attempt in Doha last month.", "2025-09-09"),
    ("Qatar condemned the strike on the Hamas delegation in Doha.", "2025-09-09"),
    # the rescue of four hostages in Nuseirat, told as a raid on the camp
    ("They were freed during a raid on the Nuseirat camp in central Gaza.", "2024-06-08"),
])
def test_phrasings_of_the_cairo_offer_the_doha_strike_and_the_nuseirat_raid(text, day):
    assert day in event_days(text)


@pytest.mark.parametrize("text, not_day", [
    # al-Hayya's "truce of five years or more" of April 2024 is not the offer of 2025
    ("Hamas would agree to a truce of five years or more, al-Hayya said.", "2025-04-26"),
    # an air strike on the camp is no raid to free hostages
    ("An Israeli air strike hit a school in the Nuseirat camp.", "2024-06-08"),
])
def test_other_truces_and_strikes_are_not_the_rows(text, not_day):
    assert not_day not in event_days(text)


@pytest.mark.parametrize("text, day", [
    ("The war has now crossed the 100-day mark.", "2024-01-14"),
    ("Fighting has raged for more than a hundred days since the attack.", "2024-01-14"),
    ("100 Days in Hell: the hostages' families speak", "2024-01-14"),
])
def test_the_hundred_days_of_war_in_its_other_words(text, day):
    assert day in event_days(text)


def test_a_hundred_days_of_an_envoys_tenure_are_not_the_wars():
    assert "2024-01-14" not in event_days(
        "Families criticised him after 100 days without a single hostage release.")


@pytest.mark.parametrize("text, day", [
    # a number and its unit without the hyphen name the same offers and plans
    ("Egypt has proposed a two day truce and the release of four hostages.", "2024-10-27"),
    ("Hamas said it accepted a new 60 day ceasefire proposal from the mediators.", "2025-08-18"),
    ("The 20 point peace plan calls for an international stabilisation force.", "2025-09-29"),
])
def test_the_number_and_its_unit_without_a_hyphen(text, day):
    assert day in event_days(text)


@pytest.mark.parametrize("text, day", [
    # the leaders' deaths with the typographic apostrophe
    ("Families feared reprisals after Sinwar’s death was confirmed.", "2024-10-16"),
    ("Talks stalled after Arouri’s assassination in Beirut.", "2024-01-02"),
    ("Haniyeh’s assassination drew threats of revenge from Tehran.", "2024-07-31"),
])
def test_a_leaders_death_with_the_typographic_apostrophe(text, day):
    assert day in event_days(text)


def test_the_killing_of_haniyehs_sons_with_the_typographic_apostrophe_is_not_his():
    assert "2024-07-31" not in event_days("Haniyeh’s sons were killed in an air strike.")
