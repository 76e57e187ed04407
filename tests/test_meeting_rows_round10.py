"""Round 10 (issue 13): meetings and rounds rules (docs/rounds.md, "Round 10")."""

from __future__ import annotations

import datetime as dt

BURNS_BARNEA_THANI = "William Burns;David Barnea;Mohammed bin Abdulrahman Al Thani"


def _row(location, people, status="planned", date="", date_text=""):
    return {"date": date, "date_text": date_text, "location": location,
            "participants": people, "status": status}


def test_a_plan_without_a_day_takes_the_one_recorded_round_of_its_people():
    from analysis.assemble.meeting_days import record_round_day

    rows = [_row("Warsaw", BURNS_BARNEA_THANI),  # the record: Warsaw, Monday 18 Dec 2023
            _row("Warsaw", BURNS_BARNEA_THANI, date_text="next month"),  # words of its own
            _row("Warsaw", "William Burns"),  # one person: anybody's trip
            _row("Warsaw", BURNS_BARNEA_THANI, date="2023-12-20"),  # a day already
            _row("Cairo", BURNS_BARNEA_THANI)]  # no such round at the place
    record_round_day(rows, dt.date(2023, 12, 15), None)
    assert [r["date"] for r in rows] == ["2023-12-18", "", "", "2023-12-20", ""]


def test_the_round_must_begin_inside_the_reach_of_the_report():
    from analysis.assemble.meeting_days import record_round_day

    late = [_row("Warsaw", BURNS_BARNEA_THANI)]
    record_round_day(late, dt.date(2023, 11, 20), None)  # four weeks before the round
    held_after = [_row("Warsaw", BURNS_BARNEA_THANI, status="held")]
    record_round_day(held_after, dt.date(2023, 12, 15), None)  # held, yet the round is to come
    held = [_row("Warsaw", BURNS_BARNEA_THANI, status="held")]
    record_round_day(held, dt.date(2023, 12, 20), None)
    window = [_row("Warsaw", BURNS_BARNEA_THANI)]  # an inferred date: its window's first day
    record_round_day(window, dt.date(2024, 1, 2), (dt.date(2023, 12, 13), dt.date(2024, 1, 2)))
    assert [late[0]["date"], held_after[0]["date"], held[0]["date"], window[0]["date"]] == \
        ["", "", "2023-12-18", "2023-12-18"]


def test_people_several_recorded_rounds_name_give_no_day():
    from analysis.assemble.anchors import round_of_the_people

    people = {"William Burns", "David Barnea"}  # Paris 28 Jan and 23 Feb 2024 both name them
    assert round_of_the_people("Paris", people, dt.date(2024, 1, 20),
                               dt.date(2024, 3, 1)) is None
    assert round_of_the_people("Paris", people, dt.date(2024, 1, 20),
                               dt.date(2024, 2, 5)) == dt.date(2024, 1, 28)
    assert round_of_the_people("Europe", people | {"Ronen Bar"}, dt.date(2024, 1, 20),
                               dt.date(2024, 2, 5)) == dt.date(2024, 1, 28)


def test_today_in_an_article_of_an_inferred_date_is_the_recorded_round():
    from analysis.assemble.meeting_days import record_weekday

    window = (dt.date(2024, 4, 2), dt.date(2024, 4, 26))  # guessed report date: 5 April
    people = "Mohammed bin Abdulrahman Al Thani;William Burns"
    rows = [_row("Cairo", people, date="2024-04-05", date_text="today"),
            _row("Cairo", "William Burns", date="2024-04-05", date_text="today"),  # one person
            _row("Cairo", people, date="2024-04-05", date_text="in the coming days")]
    record_weekday(rows, window)  # the record: Cairo, Sunday 7 April 2024
    header = [_row("Cairo", people, date="2024-04-05", date_text="today")]
    record_weekday(header, (dt.date(2024, 4, 5), dt.date(2024, 4, 5)))  # dated by its header
    assert [r["date"] for r in rows + header] == \
        ["2024-04-07", "2024-04-05", "2024-04-05", "2024-04-05"]


def test_the_start_of_a_round_inside_a_recorded_round_is_its_first_day():
    from analysis.assemble.meeting_days import record_first_day

    window = (dt.date(2024, 3, 2), dt.date(2024, 3, 12))  # guessed report date: 7 March
    rows = [_row("Cairo", "", status="held", date="2024-03-07", date_text="has arrived"),
            _row("Cairo", "", status="held", date="2024-03-07"),  # starts nothing
            _row("Cairo", "William Burns;David Barnea", status="held", date="2024-03-07"),
            _row("Cairo", "", status="held", date="2024-03-07", date_text="on Thursday")]
    record_first_day(rows, [True, False, True, True], window)  # the record: Cairo, 3-7 March
    header = [_row("Cairo", "", status="held", date="2024-03-07", date_text="has arrived")]
    record_first_day(header, [True], (dt.date(2024, 3, 7), dt.date(2024, 3, 7)))
    assert [r["date"] for r in rows + header] == \
        ["2024-03-03", "2024-03-07", "2024-03-07", "2024-03-07", "2024-03-07"]


def test_a_round_starts_with_a_first_day_or_an_arrival():
    from analysis.assemble.meeting_days import starts_a_round
    from analysis.assemble.meeting_match import Cluster

    def cluster(**mention):
        return Cluster(mentions=[{"kind": "primary", "trigger": "", **mention}])

    assert starts_a_round(cluster(trigger="delegation arrived negotiations"))
    assert starts_a_round(cluster(boundary="start", trigger="negotiations"))
    assert not starts_a_round(cluster(trigger="talks"))
    assert not starts_a_round(cluster(kind="anaphor", trigger="arrived"))
