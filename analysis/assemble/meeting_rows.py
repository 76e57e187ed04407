"""From an article's meetings (clusters of mentions) to its rows of meetings.csv.

:func:`finish_cluster` makes the row (people by the office they held that day, held or
planned, the day); the rest give a row without a place the place of the trip or of the day it
belongs to, or where any sentence puts its negotiator that day (the finder's sightings), make a
country precise by the one city of it the article names, and tell which rows are no meeting
(officials of one country consulting at home; neither place nor day).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from analysis.assemble.meeting_days import resolve_date
from analysis.rules.actors import load_actors, merge_by_surname
from analysis.rules.places import Gazetteer, load_gazetteer

if TYPE_CHECKING:
    from analysis.assemble.meeting_match import Cluster


def _city_of_country(location: str, places_in_doc: list[str], taken: set[str]) -> str:
    """A country made precise by the one city of it the article names ('travels to Egypt on
    Tuesday ... After Cairo, he is set to travel to Qatar' -> Cairo). Leaves the country when
    the article names none or several of its cities, or when that city is the place of
    another of its meetings ('met in Doha on Tuesday ... were previously in Qatar')."""
    gazetteer = load_gazetteer()
    if gazetteer.kind.get(gazetteer.canonical(location)) != "country":
        return location
    cities = {p for p in places_in_doc if gazetteer.kind.get(p) == "city"
              and gazetteer.contains(location, p)}
    return next(iter(cities)) if len(cities) == 1 and not cities & taken else location


def _internal(row: dict, gazetteer: Gazetteer) -> bool:
    """Officials of one country meeting at home ("Netanyahu held consultations with Katz and
    Halevi in Jerusalem") consult; that is not a round of talks."""
    table = load_actors()
    people = [p for p in row["participants"].split(";") if p]
    if len(people) < 2 or any(p not in table.actors for p in people):
        return False
    countries = {table.actors[p].country for p in people}
    if len(countries) != 1:
        return False
    country = next(iter(countries))
    place = row["location"]
    return not place or gazetteer.canonical(place) == country or gazetteer.contains(
        country, place)


def finish_cluster(cluster: Cluster, report_date: dt.date | None) -> dict:
    """A meetings-table row (without doc_id/report_date) from a cluster."""
    table = load_actors()
    named = set(cluster.participants)
    for mention in cluster.mentions:
        named.update(mention.get("named_in_doc", []))
    people = list(cluster.participants)
    when = cluster.date or cluster.soft or report_date
    for office in cluster.offices:
        holder = table.resolve_office(office, when, named)
        if holder and holder not in people:
            people.append(holder)
    people = merge_by_surname(people, table)
    location = cluster.location
    planned = any(m.get("kind") == "primary" and m.get("status") == "planned"
                  for m in cluster.mentions)
    status = "held" if cluster.held or (cluster.headline_held and not planned) else "planned"
    if cluster.date and report_date and cluster.date > report_date:
        status = "planned"
    first = cluster.first
    later = any(m.get("later") for m in cluster.mentions if m.get("kind") == "primary")
    day = cluster.date or (cluster.soft if not cluster.span and not later else None)
    # (the news of the day is no day of talks to resume "next week in Cairo")
    return {
        "date": day.isoformat() if day else "",
        "date_text": cluster.date_text,
        "location": location,
        "participants": ";".join(people),
        "status": status,
        "quote": first["quote"],
        "start_char": first["start_char"],
        "end_char": first["end_char"],
    }


def _named_meeting(cluster: Cluster) -> bool:
    """A meeting the text names without place or day but with its people: 'Blinken met with
    the Qatari prime minister', 'Barnea also met with Egyptian officials' (a primary mention
    whose meeting verb is 'met'/'meet' and one of whose people is a negotiator, not under
    way in passing). Leaves 'talks' in general and meetings of politicians."""
    table = load_actors()
    if any(m.get("date_text") for m in cluster.mentions):
        return False  # a day the article's missing report date could not resolve
    return any(m.get("kind") == "primary" and not m.get("passing") and not m.get("earlier")
               and {"met", "meet", "meets"} & set(m.get("trigger", "").lower().split())
               and any(map(table.is_negotiator, m.get("participants", [])))
               for m in cluster.mentions)


TRIP_TRIGGERS = {"landed", "lands", "land", "arrived", "arrives", "arrive", "travel",
                 "travels", "traveled", "travelled", "flew", "flies", "headed", "heads"}
TRIP_DAYS = 3  # a meeting up to three days after the arrival is on the same trip


def _place_of_the_trip(out: list[tuple[dict, Cluster]]) -> None:
    """A meeting without a place, of a negotiator whose arrival somewhere the article reported
    just before ('Witkoff landed in Qatar on Tuesday ... Witkoff will meet Wednesday with the
    Qatari prime minister'), is at the place he arrived. Leaves a meeting before the arrival
    or more than three days after it, and people the arrival does not name."""
    table = load_actors()
    for i, (row, _) in enumerate(out):
        if row["location"]:
            continue
        people = {p for p in row["participants"].split(";") if table.is_negotiator(p)}
        for before, cluster in reversed(out[:i]):
            words = {w for m in cluster.mentions
                     for w in m.get("trigger", "").lower().split()}
            if not before["location"] or not words & TRIP_TRIGGERS or \
                    not people & set(before["participants"].split(";")):
                continue
            if _days_after_trip(before["date"], row["date"]):
                row["location"] = before["location"]
            break


def _place_of_the_day(out: list[tuple[dict, Cluster]]) -> None:
    """A held meeting without a place whose day is that of a held meeting at a place sharing
    two or more of its people is at that place ('The emir held separate meetings on Monday
    evening with a Hamas delegation and with Witkoff in Doha ... Sheikh Tamim also met with
    Witkoff'). Leaves undated rows, planned ones, and meetings sharing one person (Netanyahu
    meets someone else at home the day he met the envoy in Washington)."""
    for row, _ in out:
        if row["location"] or not row["date"] or row["status"] != "held":
            continue
        people = set(row["participants"].split(";")) - {""}
        places = {other["location"] for other, _ in out
                  if other["location"] and other["date"] == row["date"]
                  and other["status"] == "held"
                  and len(people & set(other["participants"].split(";"))) >= 2}
        if len(places) == 1:
            row["location"] = places.pop()


SIGHTING_DAYS = 1  # a meeting a day before or after the day the article puts him there


def _sighted_on(sighting: dict, row: dict, report_date: dt.date | None) -> bool:
    """The sighting is of the row's day: both dated, at most SIGHTING_DAYS apart ('touched
    down in Israel on Sunday night' for a meeting on Monday); both undated ('Barnea "left
    Doha"' for 'Barnea was scheduled to meet with the Qatari Prime Minister'). A dated row
    takes no undated sighting, nor an undated row a dated one (which day the text means is
    not told)."""
    if not sighting["date_text"] or not row["date"]:
        return not sighting["date_text"] and not row["date"]
    day, _ = resolve_date(sighting["date_text"], report_date)
    return day is not None and abs(
        (dt.date.fromisoformat(row["date"]) - day).days) <= SIGHTING_DAYS


def _place_of_the_person(out: list[tuple[dict, Cluster]], report_date: dt.date | None) -> None:
    """A meeting without a place is where the article puts one of its negotiators on its
    day, in any sentence, told as a meeting or not ('Speaking to reporters in Doha on
    Tuesday, Blinken said ...' for 'Earlier, Blinken met Qatar's Emir' on Tuesday; 'Blinken
    touched down in Israel on Sunday night' for 'Netanyahu will meet Blinken on Monday';
    the annotators place such a meeting where the text puts its people). The sightings are
    the finder's (`analysis.rules.meeting_mentions.sightings`). Leaves the row when its
    negotiators are put at two places that day, or nowhere."""
    table = load_actors()
    for row, cluster in out:
        if row["location"]:
            continue
        people = {p for p in row["participants"].split(";") if table.is_negotiator(p)}
        places = {s["place"] for s in cluster.first.get("sightings_in_doc", [])
                  if s["name"] in people and _sighted_on(s, row, report_date)}
        if len(places) == 1:
            row["location"] = places.pop()


def _days_after_trip(arrival: str, day: str) -> bool:
    """The meeting's day is the arrival's or up to TRIP_DAYS after it (undated: yes)."""
    if not arrival or not day:
        return True
    gap = (dt.date.fromisoformat(day) - dt.date.fromisoformat(arrival)).days
    return 0 <= gap <= TRIP_DAYS
