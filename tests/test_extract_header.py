"""Meeting header: title/body/date/time/venue, earlier and next meetings, and the
whole header on the seed and on dev documents (expectations written from reading them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from govgraph.ingest.extract.dates import find_dates, parse_time
from govgraph.ingest.extract.header import extract_header
from govgraph.ingest.extract.header_meeting import extract_meeting
from govgraph.ingest.extract.header_refs import next_meeting, previous_meeting_refs

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.parametrize("s,expected", [
    ("2:00pm", "14:00"), ("3.00PM", "15:00"), ("11.00 am", "11:00"), ("1pm", "13:00"), ("@ 10:30", "10:30"),
    ("14:00-17:00", "14:00"), ("Time: 14:00hrs", "14:00"), ("1000hrs", "10:00"), ("12 noon", "12:00"),
    ("12.30 am", "00:30"),
])
def test_times_24h_and_range_start(s, expected):
    assert parse_time(s)[0] == expected


def test_room_numbers_are_not_times():
    assert parse_time("Meeting Room 1.38 – Hindlip") is None


def test_date_forms():
    iso = [d.iso() for d in find_dates("TUESDAY 8TH DECEMBER 2015; 15thAugust 2016; Friday, 8 April 2022; 12/03/2019")]
    assert iso == ["2015-12-08", "2016-08-15", "2022-04-08", "2019-03-12"]


def test_date_without_year_takes_it_from_the_title():
    m = extract_meeting("Monthly Assurance Meeting July 2018 – Meeting Notes\n\nDate: Tuesday 31 July @ 10:30\n\n"
                        "Venue Meeting Room 1.38 – Hindlip\n")
    assert m == {"title": "Monthly Assurance Meeting July 2018 – Meeting Notes", "body": "Monthly Assurance Meeting",
                 "date": "2018-07-31", "time": "10:30", "venue": "Meeting Room 1.38 – Hindlip"}


def test_date_without_year_from_item_refs():
    m = extract_meeting("Governance Board\n\nWednesday 26th July, 14:00\n\nRef 01/26/07/2023\nApologies\n")
    assert m["date"] == "2023-07-26"


def test_next_meeting_and_deadlines_are_not_the_meeting_date():
    text = ("Audit Committee\nDate: 3 May 2022\nResponses are due by 1 June 2022.\n\n"
            "5. Date of next meeting\nTuesday 5 July 2022, 10:00, Room 2, County Hall\n")
    m = extract_meeting(text)
    assert m["date"] == "2022-05-03" and m["time"] is None
    assert next_meeting(text, m["date"]) == {"date": "2022-07-05", "time": "10:00", "venue": "Room 2, County Hall",
                                             "type": None}
    text = "Fire Authority\nThe minutes of the meeting held on 8 December 2021 were approved.\n"
    assert extract_meeting(text)["date"] is None


def test_paper_date_loses_to_the_meeting_line():
    text = ("Joint Audit Committee\n\n15 August 2016Item 4\n\nJOINT AUDIT COMMITTEE\n\nMONDAY 13 JUNE 2016 AT 1:30PM\n"
            "COMMITTEE ROOM D, COUNTY HALL, PRESTON\n\nMINUTES\n")
    m = extract_meeting(text)
    assert (m["date"], m["time"], m["venue"]) == ("2016-06-13", "13:30", "COMMITTEE ROOM D, COUNTY HALL, PRESTON")


@pytest.mark.parametrize("text,body,date,time,venue", [
    ("Agenda and minutes\n\nExample Police, Fire and Crime Panel - Tuesday 21st February 2023 2:00pm\n\n"
     "Venue: Council Chamber, County Buildings, Stafford. View directions\n",
     "Example Police, Fire and Crime Panel", "2023-02-21", "14:00", "Council Chamber, County Buildings, Stafford"),
    ("X(20)199 TRUST BOARD OF DIRECTORS (PUBLIC) Minutes of the Public Meeting held on Tuesday, 4 August 2020 "
     "at 10.00 am Via Video Conference For the purpose of transacting the business set out below Present: Mr A B\n",
     "TRUST BOARD OF DIRECTORS", "2020-08-04", "10:00", "Video Conference"),
    ("Minutes of the First Meeting of the Example Governance and Audit Committee held on Tuesday 23rd June 2009 "
     "in Riverside House, Belfast\nMrs Ann Lowe\n",
     "Example Governance and Audit Committee", "2009-06-23", None, "Riverside House, Belfast"),
    ("MINUTES of a meeting of the FIRE AND RESCUE AUTHORITY held at Headquarters, Station Road on Thursday "
     "20 October 2022 at 10.30 am.\n", "FIRE AND RESCUE AUTHORITY", "2022-10-20", "10:30", "Headquarters, Station Road"),
    ("NHS EXAMPLE CLINICAL COMMISSIONING GROUP\nGOVERNING BODY\nMinutes of meeting held on TUESDAY 8TH DECEMBER 2015 1pm\n"
     "BOARDROOM, THE DEPARTMENT, EXAMPLE BUILDING\nPRESENT:\n",
     "NHS EXAMPLE CLINICAL COMMISSIONING GROUP GOVERNING BODY", "2015-12-08", "13:00",
     "BOARDROOM, THE DEPARTMENT, EXAMPLE BUILDING"),
    ("Location: Microsoft Teams\nPolice Accountability Board Notes 14th May 2019\n",
     "Police Accountability Board", "2019-05-14", None, "Microsoft Teams"),
])
def test_meeting_line_layouts(text, body, date, time, venue):
    m = extract_meeting(text)
    assert (m["body"], m["date"], m["time"], m["venue"]) == (body, date, time, venue)


@pytest.mark.parametrize("text,body", [
    ("To approve the Minutes of the meeting of the Fire Authority held on 8 December 2021", "Fire Authority"),
    ("To confirm the minutes of the meeting of Council held on 16 February 2022.", "Council"),
    ("The PCC welcomed attendees to the first Assurance & Accountability (A&A meeting) following the review.",
     "Assurance & Accountability"),
    ("The Chair welcomed all to the Example Hospitals NHS Foundation Trust Board meeting held in public.",
     "Example Hospitals NHS Foundation Trust Board"),
    ("The Chair welcomed all to the Board meeting.", None),
])
def test_body_named_in_passing(text, body):
    assert extract_meeting(text)["body"] == body


def test_previous_meeting_refs():
    text = ("Action arising from the June 2018 meeting:\nAction arising from the April 2018 meeting:\n"
            "The minutes of the previous meeting on 10th Nov were agreed.\n"
            "The Chair thanked all who attended the Annual Members Meeting held on 26 September 2018.\n"
            "The working group first met on 3 June 2018. The next meeting is on 5 December 2018.\n")
    assert previous_meeting_refs(text, "2018-12-01") == ["2018-06", "2018-04", "2018-11-10"]
    # this meeting's own date, and a missing year with no meeting date, are left out
    assert previous_meeting_refs("The minutes of the meeting held on 16 February 2017 were approved.",
                                 "2017-02-16") == []
    assert previous_meeting_refs("The minutes of the meeting of 02 December were agreed.", None) == []
    # a January meeting citing December: last year
    assert previous_meeting_refs("Minutes of the last meeting held on 12th December.", "2017-01-09") == ["2016-12-12"]


def test_action_log_month_headings():
    text = "TRUST BOARD ACTION TRACKING LIST\nActions arising from Board meetings\n May 2012\n 01.05 x\n April 2012\n"
    assert previous_meeting_refs(text, None) == ["2012-05", "2012-04"]


@pytest.mark.parametrize("text,body,date,time,venue", [
    # "Unconfirmed" is not the "confirm" of approved minutes; time and venue follow the date after commas
    ("Example College\nBoard of Trustees\nUnconfirmed minutes of the meeting held on Thursday 7 March 2024, "
     "16:30 hrs, Seminar Room, Tower Block\n", "Example College Board of Trustees", "2024-03-07", "16:30",
     "Seminar Room, Tower Block"),
    # the organisation over "Board meeting minutes: <date>"; the time range ends the "Held at" line
    ("Agency for Example Standards\nBoard meeting minutes: 4 June 2024\nHeld at 2 Example Street, Leeds, and online, "
     "10:00–12:30.\n", "Agency for Example Standards Board", "2024-06-04", "10:00", "2 Example Street, Leeds, and online"),
    ("Example Housing Association\nMinutes of the Board meeting held on 3 May 2022 at 6pm\n",
     "Example Housing Association Board", "2022-05-03", "18:00", None),
    # a page flattened to one run-on line: the committee, without the office printed before it
    ("Page 1 of 4 OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR NORTHTOWN JOINT AUDIT AND ETHICS COMMITTEE MINUTES "
     "OF THE MEETING HELD ON MONDAY 6 MARCH 2023 AT 2.00 P.M. IN ROOM 2, POLICE HQ PRESENT: Mr A Bee (Chair)\n",
     "JOINT AUDIT AND ETHICS COMMITTEE", "2023-03-06", "14:00", "ROOM 2, POLICE HQ"),
    ("EXAMPLE TOWN COUNCIL\nMinutes of the Finance Committee\nTuesday 8th November 2022, 7.30pm, The Pavilion, "
     "Recreation Ground, Exton\n", "Finance Committee", "2022-11-08", "19:30", "The Pavilion, Recreation Ground, Exton"),
    ("Example Trust Board\nDate: 25/05/2023\tTime: 09:30 – 12:45\nVenue: held virtually via Microsoft Teams\n",
     "Example Trust Board", "2023-05-25", "09:30", "Microsoft Teams"),
    ("Quality Committee\nWednesday, 15 March 2023 — 09:30–11:30\nVirtual meeting via MS Teams\n",
     "Quality Committee", "2023-03-15", "09:30", "MS Teams"),
    ("Finance Committee\nDate: Thursday 5th October 2023 Time: 7.00pm Venue: Village Hall\n",
     "Finance Committee", "2023-10-05", "19:00", "Village Hall"),
    ("Finance Committee\nTuesday 3 May 2022, 2pm\nHeld at The Grange, Ely\n",
     "Finance Committee", "2022-05-03", "14:00", "The Grange, Ely"),
    ("Minutes of the Annual Parish Meeting held in the Village Hall on Monday 15 May 2023 at 7pm\n",
     "Annual Parish Meeting", "2023-05-15", "19:00", "Village Hall"),
    ("NORTH EXAMPLE NHS FOUNDATION TRUST\nBOARD OF DIRECTORS MEETING IN PUBLIC\nMinutes of the meeting held on "
     "Thursday 26 January 2023 at 9.30am in the Boardroom, Trust HQ\n",
     "NORTH EXAMPLE NHS FOUNDATION TRUST BOARD OF DIRECTORS", "2023-01-26", "09:30", "Boardroom, Trust HQ"),
    ("Meeting: Corporate Parenting Board\nDate: 12 October 2022\nTime: 4.00 pm – 6.00 pm\nVenue: Room G.1, County Offices\n",
     "Corporate Parenting Board", "2022-10-12", "16:00", "Room G.1, County Offices"),
])
def test_more_meeting_line_layouts(text, body, date, time, venue):
    m = extract_meeting(text)
    assert (m["body"], m["date"], m["time"], m["venue"]) == (body, date, time, venue)


def test_minutes_of_the_previous_meeting_is_not_the_heading():
    text = ("THE EXAMPLE PENSION FUND COMMITTEE\n16 November 2022\nPresent: Councillor Jo Ash (Chair)\n"
            "Minutes of the previous meeting held on 21 September 2022 were approved.\n")
    assert extract_meeting(text)["date"] == "2022-11-16"
    assert extract_header(text)["previous_meeting_refs"] == ["2022-09-21"]


def test_previous_meetings_in_headings_and_log_columns():
    assert previous_meeting_refs("X 19/036\tMinutes of the Previous Meeting – 11 April 2019\n", "2019-06-13") == \
        ["2019-04-11"]
    assert previous_meeting_refs("3. Minutes of the last meeting (3 May 2022)\n", "2022-06-07") == ["2022-05-03"]
    # the document's own heading is not an earlier meeting, even when its date could not be chosen
    text = "Example Board\nDraft minutes of the meeting held on Friday 24 November, 2pm\n\n" \
           "3. Minutes of the meeting held on 29 September 2023\n"
    assert previous_meeting_refs(text, None) == ["2023-09-29"]
    # the "Meeting date" / "Date raised" column of an action log cites the meetings that raised them
    log = "Example Authority\nAction Log – updated for the meeting on 29 September 2021\n" \
          "Ref\tMeeting date\tAction\tOwner\nA/1\t24/03/2021\tDo x\tClerk\nA/2\t23/06/2021\tDo y\tClerk\n"
    assert previous_meeting_refs(log, None) == ["2021-03-24", "2021-06-23"]
    assert previous_meeting_refs("ID\tDate raised\tAction\n12\tJanuary 2023\tDo it\n", "2023-03-01") == ["2023-01"]


def _read(name: str) -> str:
    folder = SHARED / "corpus"
    if not folder.is_dir():
        pytest.skip("../shared is not present")
    path = folder / "seed" / f"{name}.txt" if not name.startswith("d") else folder / "dev" / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    return text if path.parent.name == "seed" else "".join(text.splitlines(keepends=True)[3:])


def test_seed_header_equals_gold():
    text = _read("assurance-meeting-2018-07")
    gold = json.loads((SHARED / "corpus/seed/assurance-meeting-2018-07.gold.json").read_text(encoding="utf-8"))
    h = extract_header(text)
    assert h["meeting"] == gold["meeting"]
    assert h["chair"] == gold["chair"] and h["minute_taker"] == gold["minute_taker"]
    assert h["previous_meeting_refs"] == gold["previous_meeting_refs"]
    assert h["next_meeting"] == gold["next_meeting"]
    got = [(p["name"], p["role_abbr"], p["attendance"]) for p in h["participants"]]
    assert got == [(p["name"], p["role_abbr"], p["attendance"]) for p in gold["participants"]]
    for p, g in zip(h["participants"], gold["participants"], strict=False):
        assert p["role"].startswith(g["role"])  # "Policy Officer, OPCC" keeps the organisation as printed
        ev = p["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"]


# Written from reading each excerpt: (date, chair, minute taker, [(name, attendance), ...]).
DEV = {
    "d01": ("2023-07-26", "John Campion", "Rachael Thorold", [
        ("John Campion", "present"), ("Marc Bayliss", "present"), ("Gareth Boulton", "present"),
        ("Paul Benfield", "present"), ("Pippa Mills", "present"), ("Alex Murray", "present"),
        ("Richard Muirhead", "present"), ("Damian Barratt", "present"), ("Rachel Jones", "present"),
        ("Rachel Hartland-Lane", "present"), ("Rachael Thorold", "present"), ("Tony Morriss", "apologies"),
        ("Richard Cooper", "apologies")]),
    "d03": ("2023-06-05", "John Campion", None, [
        ("John Campion", "present"), ("Marc Bayliss", "present"), ("Charity Pearce", "present"),
        ("Natasha Noorbakhsh", "present"), ("Pippa Mills", "present"), ("Alex Murray", "present"),
        ("Richard Cooper", "present"), ("Rachel Jones", "present"), ("Richard Muirhead", "present"),
        ("Matt Stiff", "in_attendance")]),
    "d04": (None, None, None, [
        ("Peter Whatley", "present"), ("Gwilym Butler", "apologies"), ("William Parr", "apologies"),
        ("Sarah Rouse", "apologies")]),
    "d07": ("2022-04-08", None, None, [
        ("Robin Bradburn", "apologies"), ("Emily Culverhouse", "apologies"), ("Neil Fawcett", "apologies")]),
    "d09": ("2015-11-04", "Julian Lee", None, [
        ("Julian Lee", "present"), ("Lewis Doyle", "present"), ("Antony Kildare", "present"),
        ("Professor Malcolm Reed", "apologies"), ("Dr Farine Clarke", "present"), ("Michael Edwards", "present"),
        ("Kirit Patel", "present"), ("Christine Farnish", "present"), ("Matthew Kershaw", "present"),
        ("Spencer Prosser", "present"), ("Sherree Fagge", "present"), ("Steve Holmberg", "present"),
        ("Amanda Fadero", "present"), ("Mark Smith", "present"), ("Dr Louise Pack", "in_attendance"),
        ("Dr Stuart White", "in_attendance"), ("Melanie Woodfield-Bailey", "in_attendance")]),
    "d12": ("2009-06-23", "Brian Compston", None, [
        ("Elizabeth Adger", "present"), ("Brian Compston", "present"), ("Sean McGuigan", "present"),
        ("Rena Shepard", "present"), ("Sean Brown", "in_attendance"), ("Chris Reid", "in_attendance"),
        ("Catherine Mckeown", "in_attendance"), ("Terry Woodhouse", "in_attendance"), ("Neil Gray", "in_attendance")]),
    "d14": (None, None, None, [
        ("Ray Brassington", "apologies"), ("Richard Keeling", "apologies"), ("Andrew Maclean", "apologies"),
        ("Dilys Neill", "apologies"), ("Clive Webster", "apologies"), ("Richard Morgan", "present")]),
    "d16": ("2019-05-14", None, None, [(n, "present") for n in (
        "Stephen Mold", "Paul Bullen", "Helen King", "Paul Fell", "Emily Evans", "Nick Adderley", "Simon Nickless",
        "Vaughan Ashcroft", "Sarah Crampton", "Colleen Rattigan")]),
    "d18": (None, "Liam Coleman", None, [("Jemima Milton", "apologies"), ("Julie Soutter", "apologies")]),
    "d22": ("2016-06-13", "Clive Portman", None, [
        ("Clive Portman", "present"), ("David Jones", "present"), ("Karol Sanderson", "present"),
        ("Russell Weaver", "present"), ("A Harrison", "in_attendance"), ("I Cosh", "in_attendance"),
        ("S Freeman", "in_attendance"), ("R Lowry", "in_attendance"), ("N Ashton", "in_attendance"),
        ("JPuttock", "in_attendance"), ("D Kitchen", "in_attendance"), ("W Kearns", "in_attendance"),
        ("I Miles", "in_attendance"), ("R Baker", "in_attendance"), ("J Taylor", "in_attendance"),
        ("A Robertson", "in_attendance"), ("S Dobson", "apologies")]),
}


@pytest.mark.parametrize("name", sorted(DEV))
def test_dev_documents(name):
    date, chair, minute_taker, participants = DEV[name]
    h = extract_header(_read(name))
    assert h["meeting"]["date"] == date
    assert h["chair"] == chair and h["minute_taker"] == minute_taker
    assert sorted((p["name"], p["attendance"]) for p in h["participants"]) == sorted(participants)


def test_dev_roles_as_printed():
    roles = {p["name"]: p["role"] for p in extract_header(_read("d22"))["participants"]}
    assert roles["N Ashton"] == "Superintendent, Head of Corporate Development, Lancashire Constabulary"
    assert roles["I Miles"] == "Grant Thornton" and roles["Clive Portman"] == "Chair"
    assert roles["W Kearns"] == "Preston City Council (Deputy Monitoring Officer)"
    roles = {p["name"]: p["role"] for p in extract_header(_read("d01"))["participants"]}
    assert roles["John Campion"] == "Police and Crime Commissioner" and roles["Rachael Thorold"] == "Secretary"
    assert roles["Damian Barratt"] == "T/ACC – Crime & Vulnerability"
