"""Attendance recorded in running text rather than in a list.

Minutes say "Apologies were received from Councillors A, B and C", "Councillor X
would be late attending the meeting", "Cllr Y was a substitute for Cllr Z (Malvern)",
"The Chair welcomed A and B to the meeting". ANNOTATION.md counts these as recorded
attendance; people who merely speak or declare an interest are not participants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attendance_entry import Entry, parse_entry
from .attendance_lines import APOLOGIES, IN_ATTENDANCE, PRESENT, _role_only, _split_commas
from .wspattern import WsPattern

_APOLOGY_FROM = re.compile(
    r"\bapolog(?:ies|y)(?:\s+for\s+(?:absence|lateness))?(?:\s+(?:were|was|had\s+been|have\s+been|has\s+been))?"
    r"(?:\s+(?:received|submitted|given|tendered|noted|reported|recorded|made|offered|sent|accepted|intimated)"
    r"(?:\s+(?:and|&)\s+(?:accepted|noted|approved|received))?)?\s*:?\s+"
    r"(?:from|by|on\s+behalf\s+of)\s*:?\s+", re.I)
# the patterns below all open with the whitespace before their verb (WsPattern.after_space)
_SENT_APOLOGY = WsPattern.after_space(
    r"(?:sent|gave|tendered|offered|submitted|had\s+sent)\s+(?:their\s+|his\s+|her\s+)?apologies\b", re.I,
    needs=("apologies",))
# "Councillor F. Nuttall was absent", "Ms Y did not attend": members marked absent map to apologies
_ABSENT = WsPattern.after_space(r"(?:(?:was|were)\s+(?:also\s+)?(?:absent|not\s+present|unable\s+to\s+attend)|"
                                r"did\s+not\s+attend|could\s+not\s+attend|(?:was|were)\s+not\s+in\s+attendance)\b"
                                r"(?!\s+(?:from\s+the\s+(?:room|chamber|discussion)|for\s+(?:this|the|part|agenda)\b|during\b|"
                                r"when\b|while\b))", re.I,
                                needs=("absent", "present", "attend"))  # "absent from the room for this item" is not absence from the meeting
_LATE = WsPattern.after_space(r"(?:would\s+be|was|were|is|will\s+be)\s+late\b|(?:joined|arrived\s+at|entered)\s+the\s+meeting\b|"
                              r"(?:joined|arrived)\s+(?:at|during)\b", re.I,
                              needs=("late", "meeting", "joined", "arrived"))
_SUBSTITUTE = WsPattern.after_space(r"(?:(?:was|were|attended\s+as|acted\s+as|is)\s+(?:a\s+|the\s+)?(?:named\s+)?"
                                    r"|(?:attended\s+)?(?=substituted\s+for))(?P<role>substitut(?:e|ed)\s+for\s+[^.;\n]+"
                                    r"|(?<=as\s)(?:a\s+)?substitute\b(?!\s+for\b))", re.I,  # '… attended as substitute'
                                    needs=("substitut",))
_WERE_PRESENT = re.compile(r"\b(?P<also>also\s+)?(?P<what>present|in\s+attendance)\s+(?:were|was)\s*:?\s+"
                           r"(?P<list>[^.;\n]+)", re.I)
_WELCOMED = re.compile(r"\bwelcomed\s+(?P<list>[^.;\n]+?)\s+to\s+(?:the|their|his|her|this)\s+(?:first\s+)?meeting", re.I)
_WERE_WELCOMED = WsPattern.after_space(r"(?:was|were)\s+(?:also\s+)?welcomed\b", re.I, needs=("welcomed",))
_ABBREV_DOT = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Rev|Revd|St|Cllr|No|Nos|Co|Ltd|Hon|Rt)|\b[A-Z])$")


@dataclass
class Found:
    entry: Entry
    attendance: str
    rule: str


def find_sentences(text: str) -> list[Found]:
    """Attendance stated in sentences, in text order."""
    out: list[Found] = []
    for m in _APOLOGY_FROM.finditer(text):
        for e in _names(text, m.end(), _sentence_end(text, m.end()), roles=True):
            out.append(Found(e, APOLOGIES, "apologies_sentence"))
    for m in _SENT_APOLOGY.finditer(text):
        for e in _names(text, _sentence_start(text, m.start()), m.start(), roles=False):
            out.append(Found(e, APOLOGIES, "sent_apologies_sentence"))
    for m in _ABSENT.finditer(text):
        who = _names(text, _sentence_start(text, m.start()), m.start(), roles=False) or \
            [e for e in [_name_before(text, m.start())] if e]
        out.extend(Found(e, APOLOGIES, "absent_sentence") for e in who)
    for m in _LATE.finditer(text):
        who = _name_before(text, m.start())
        if who:
            out.append(Found(who, PRESENT, "late_or_joined_sentence"))
    for m in _SUBSTITUTE.finditer(text):
        who = _name_before(text, m.start())
        if who:
            who.role = re.sub(r"\s+", " ", m.group("role")).strip().rstrip(".")
            who.end = m.end("role")
            out.append(Found(who, PRESENT, "substitute_sentence"))
    for m in _WERE_PRESENT.finditer(text):  # "Also in attendance were Mr X (Head of …) and Ms Y."
        att = PRESENT if m.group("what").lower() == "present" and not m.group("also") else IN_ATTENDANCE
        for e in _names(text, m.start("list"), m.end("list"), roles=True):
            out.append(Found(e, att, "attendance_sentence"))
    for m in _WELCOMED.finditer(text):
        for e in _names(text, m.start("list"), m.end("list"), roles=False, skip_bad=True):
            out.append(Found(e, IN_ATTENDANCE, "welcomed_sentence"))
    for m in _WERE_WELCOMED.finditer(text):
        for e in _names(text, _sentence_start(text, m.start()), m.start(), roles=False, skip_bad=True):
            out.append(Found(e, IN_ATTENDANCE, "welcomed_sentence"))
    return sorted(out, key=lambda f: f.entry.start)


def _sentence_end(text: str, pos: int) -> int:
    for m in re.finditer(r"[.;:](?=\s|$)|\n\s*\n|\n(?=\s*[•·▪\-*])", text[pos:pos + 600]):
        k = pos + m.start()
        if text[k] == "." and _ABBREV_DOT.search(text[max(0, k - 6):k]):
            continue
        return k
    return min(len(text), pos + 600)


def _sentence_start(text: str, pos: int) -> int:
    k = pos
    while k > 0 and pos - k < 400:
        c = text[k - 1]
        if c in ";\n" or (c == "." and not _ABBREV_DOT.search(text[max(0, k - 7):k - 1])):
            break
        k -= 1
    return k


def _names(text: str, start: int, end: int, roles: bool, skip_bad: bool = False) -> list[Entry]:
    """People named in a list inside a sentence ("Councillors A, B and C")."""
    plural = re.match(r"\s*(?:Councillors|Cllrs\.?|Messrs\.?)\s+", text[start:end])
    base = start + (plural.end() if plural else 0)
    found: list[Entry] = []
    for s, e in _split_commas(text, base, end):
        if re.match(r"(?:who|whose|which|as|due|because|being|(?:for|with|in\s+place\s+of)\s+whom)\b", text[s:e]):
            continue  # ", who was on holiday,": a clause about the person before
        entry = parse_entry(text, s, e, allow_single=bool(plural))
        after = text[entry.name_end:e] if entry else ""
        if entry and (entry.role is None or "(" in after or not after.strip(" .,;")):  # no role, bracketed, or before the name
            found.append(entry)
        elif roles and found and found[-1].role is None and _role_only(text[s:e]):
            found[-1].role = text[s:e].strip().rstrip(".")  # "Professor X, Non-Executive Director"
            found[-1].end = e
        elif not skip_bad:
            return found
    return found


def _name_before(text: str, pos: int) -> Entry | None:
    """The person named just before ``pos`` ("Councillor Richard Morgan| would be late")."""
    start = _sentence_start(text, pos)
    words = list(re.finditer(r"\S+", text[start:pos]))
    for k in range(min(6, len(words)), 0, -1):
        s = start + words[-k].start()
        e = parse_entry(text, s, pos, allow_single=k <= 2 and k < len(words) + 1)
        if e and e.role is None and e.name_end >= pos - 1:
            return e
    return None
