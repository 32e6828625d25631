"""Meeting header: title, body, date, time, venue; attendance; chair; minute taker;
previous-meeting references; the next meeting. (Placeholder until implemented.)"""

from __future__ import annotations


def extract_header(text: str) -> dict:
    return {
        "meeting": {"title": None, "body": None, "date": None, "time": None, "venue": None},
        "participants": [],
        "chair": None,
        "minute_taker": None,
        "previous_meeting_refs": [],
        "next_meeting": None,
    }
