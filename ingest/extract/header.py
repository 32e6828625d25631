"""Meeting header: title, body, date, time, venue; attendance; chair; minute taker;
previous-meeting references; the next meeting.

This module only joins the parts, each of which lives in its own module:
header_meeting (title, date, time; header_body names the body, header_venue finds the
venue), attendance* (participants, chair, minute taker) and header_refs (earlier and
next meetings). Every participant carries
``evidence`` (offsets into ``text``) and the ``rule`` that produced it.
"""

from __future__ import annotations

from .attendance import extract_attendance
from .header_meeting import extract_meeting
from .header_refs import next_meeting, previous_meeting_refs


def extract_header(text: str) -> dict:
    """Header records of one minutes text.

    >>> h = extract_header("Audit Committee\\nDate: 3 May 2022, 2pm\\nPresent: Ann Smith (Chair), Bob Jones\\n")
    >>> h["meeting"]["date"], h["chair"], [p["name"] for p in h["participants"]]
    ('2022-05-03', 'Ann Smith', ['Ann Smith', 'Bob Jones'])
    """
    meeting = extract_meeting(text)
    attendance = extract_attendance(text)
    return {
        "meeting": meeting,
        "participants": attendance.participants,
        "chair": attendance.chair,
        "minute_taker": attendance.minute_taker,
        "previous_meeting_refs": previous_meeting_refs(text, meeting["date"]),
        "next_meeting": next_meeting(text, meeting["date"]),
    }
