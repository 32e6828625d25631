"""Attendance layouts line by line: headings, labels, list lines and role lines.

A line of minutes near the top is one of: an attendance heading ("Present:",
"In attendance", "APOLOGIES FOR ABSENCE", "Board members"), a label ("Chair: …",
"Minutes: …"), one attendee, a list of attendees on one line (comma separated, or
one after another behind honorifics as PDF text runs them together), a role printed
under a name column (flattened tables), page furniture, or something else that ends
the attendance block. Headings may also sit inside a line ("…, Present Professor …",
"… In Attendance: Mr …"), so lines are cut at them first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .attendance_entry import _SENTENCE_VERB, Entry, parse_entry
from .names import HONORIFICS, TITLES, is_name_word, is_role_word, word_key

PRESENT, IN_ATTENDANCE, APOLOGIES = "present", "in_attendance", "apologies"

# whole-line headings: text -> (attendance, strong); "strong" headings say outright that
# the people were there, weak ones ("Board", "Members") may head a membership list
_HEADINGS = {
    "present": (PRESENT, True), "sederunt": (PRESENT, True), "attendance": (PRESENT, True), "attendees": (PRESENT, True), "attendees present": (PRESENT, True),
    "attending": (PRESENT, True), "members present": (PRESENT, True), "councillors present": (PRESENT, True),
    "governors present": (PRESENT, True), "trustees present": (PRESENT, True), "directors present": (PRESENT, True),
    "present members": (PRESENT, True), "panel members present": (PRESENT, True), "board members present": (PRESENT, True),
    "committee members present": (PRESENT, True), "in the room": (PRESENT, True),
    "members": (PRESENT, False), "board": (PRESENT, False), "board members": (PRESENT, False),
    "committee members": (PRESENT, False), "panel members": (PRESENT, False), "voting members": (PRESENT, False),
    "non voting members": (PRESENT, False), "non-voting members": (PRESENT, False), "non-voting": (PRESENT, False),
    "non voting": (PRESENT, False), "voting": (PRESENT, False), "directors": (PRESENT, False),
    "executive directors": (PRESENT, False), "non-executive directors": (PRESENT, False), "governors": (PRESENT, False),
    "trustees": (PRESENT, False), "councillors": (PRESENT, False), "membership": (PRESENT, False),
    "in attendance": (IN_ATTENDANCE, True), "in attendence": (IN_ATTENDANCE, True), "also present": (IN_ATTENDANCE, True),
    "also in attendance": (IN_ATTENDANCE, True), "also attending": (IN_ATTENDANCE, True),
    "officers present": (IN_ATTENDANCE, True), "officers in attendance": (IN_ATTENDANCE, True),
    "officers": (IN_ATTENDANCE, True), "officials": (IN_ATTENDANCE, True), "supporting officials": (IN_ATTENDANCE, True),
    "secretariat": (IN_ATTENDANCE, True), "observers": (IN_ATTENDANCE, True), "observer": (IN_ATTENDANCE, True),
    "guests": (IN_ATTENDANCE, True), "present in part": (IN_ATTENDANCE, True), "advisers": (IN_ATTENDANCE, True),
    "advisors": (IN_ATTENDANCE, True), "staff present": (IN_ATTENDANCE, True), "others present": (IN_ATTENDANCE, True),
    "attending officers": (IN_ATTENDANCE, True), "by invitation": (IN_ATTENDANCE, True), "invited": (IN_ATTENDANCE, True),
    "presenters": (IN_ATTENDANCE, True), "in attendance for items": (IN_ATTENDANCE, True),
    "apologies": (APOLOGIES, True), "apologies for absence": (APOLOGIES, True), "absent": (APOLOGIES, True),
    "absence": (APOLOGIES, True), "apologies received": (APOLOGIES, True), "not present": (APOLOGIES, True),
}
_INLINE = re.compile(  # (the lookahead: the first letters of the headings, to search faster)
    r"(?=[AOMCGDTBPIiS])(?<![\w/])(?P<h>(?:Also [Pp]resent|ALSO PRESENT|Officers|OFFICERS|Officials|Members|MEMBERS|Councillors|"
    r"(?:Members|Councillors|Officers|Governors|Directors|Trustees) (?:present|in attendance)|"
    r"Observers|Guests|Board [Mm]embers|Committee [Mm]embers|Panel [Mm]embers)(?=\s*:)|(?:Members |Councillors |Officers |Also )?(?:Present|PRESENT)|Sederunt|SEDERUNT|(?:Also )?[Ii]n [Aa]ttend[ae]nce|"
    r"(?:ALSO )?IN ATTEND[AE]NCE|Apologies(?: for [Aa]bsence)?|APOLOGIES(?: FOR ABSENCE)?|Attendance|ATTENDANCE|"
    r"Attendees|ATTENDEES|Absent|ABSENT|Secretariat|SECRETARIAT)(?![\w/])(?P<colon>\s*:-?)?"
)
_NUMBERING = re.compile(r"^\s*(?:[•·▪◦●\-\*–]\s*)?(?:\(?[0-9]{1,3}(?:\.[0-9]+)*[.)]?|\(?[a-z]\)|[ivx]+\.)?\s+", re.I)
_FURNITURE = re.compile(
    r"(?i)^\s*(?:page \d+(?: of \d+)?|\d+(?:\.\d+)*\.?|[ivx]+\.?|additional documents:?|supplementary papers:?|"
    r"minutes:|name:?\s+(?:and\s+)?(?:capacity|role|title|position|designation|organisation):?|no\.?\s+item|items?|documents|media|"
    r"(?:\w+:\s*){1,3}|[-–—_=*•·]+|continued|\(continued\)|cont(?:inued|\.)?)\s*$"
)
_LABEL = re.compile(
    r"(?i)^\s*(?P<label>chair(?:man|woman|person)?|in the chair|co-?chairs?|minutes(?: taken by)?|minute[- ]?taker|"
    r"notes?(?: taken by)?|note[- ]?taker|notetaker|minute secretary|minuted by|minuting|recorder|clerk|secretary|date|time|venue|location|place|where|contact)"
    r"\s*:\s*(?P<value>\S.*)$"
)


@dataclass
class Item:
    """One piece of a line: kind is heading, entries, role, short, furniture, label or other."""
    kind: str
    start: int
    end: int
    blank_before: int = 0
    entries: list[Entry] = field(default_factory=list)
    is_list: bool = False
    attendance: str | None = None  # for headings
    strong: bool = False
    label: str | None = None


@lru_cache(maxsize=16384)  # pure; asked of every line, some lines more than once
def heading_kind(line: str) -> tuple[str, bool] | None:
    """The attendance group a whole-line heading opens, or None.

    >>> heading_kind("In Attendance:"), heading_kind("1. APOLOGIES FOR ABSENCE")
    (('in_attendance', True), ('apologies', True))
    >>> heading_kind("Apologies were received from Mr Smith") is None
    True
    """
    s = _NUMBERING.sub("", " " + line.strip()) if re.match(r"\s*(?:\d|[•·▪◦●\-\*–(])", line) else line.strip()
    s = re.sub(r"[\s:–—\-.]+$", "", s).strip()
    key = re.sub(r"\s+", " ", s.lower())
    if key in _HEADINGS:
        return _HEADINGS[key]
    how = re.fullmatch(r"(?P<w>present|attending|in attendance|attended|joined)\s+(?:virtually|remotely|in person|online|"
                       r"in the room|by (?:video|phone|telephone)(?: ?link)?|via (?:video|teams|zoom|ms teams|microsoft teams))", key)
    if how:  # "Attending virtually:", "Present in person:"
        return (IN_ATTENDANCE if how.group("w") == "in attendance" else PRESENT, True)
    if re.fullmatch(r"(?:members of the )?(?:public|press)(?: and (?:the )?(?:public|press))?|members of the public", key):
        return (IN_ATTENDANCE, True)  # observers, not members of the body
    words = key.split()
    if len(words) <= 7 and re.fullmatch(r"(?:[\w-]+ ){0,4}(?:members|councillors|governors|directors|trustees|representatives)"
                                         r"(?: of the [\w ]+)?(?: present| in attendance| attending)?", key) \
            and not _SENTENCE_VERB.search(key):
        return (PRESENT, key.endswith(("present", "attendance", "attending")))
    colon = line.rstrip().endswith(":")  # "Sub Regional Team" is a wrapped role, "Executive team:" a heading
    if len(words) <= 6 and re.fullmatch(r"(?:[\w-]+ ){0,3}(?:officers|officials|staff|advisers|advisors|guests|auditors|"
                                         r"observers|others" + (r"|team|visitors|presenters|speakers" if colon else "") +
                                         r")(?: members)?(?: present| in attendance| attending)?", key) \
            and not _SENTENCE_VERB.search(key):
        return (IN_ATTENDANCE, True)
    if "apolog" in key and len(words) <= 8 and not re.search(r":\s*\S", s) and not _SENTENCE_VERB.search(key) and " from " not in f" {key} " \
            and not re.search(r"\b(?:none|no|nil)\b", key):
        return (APOLOGIES, True)
    return None


def classify_line(text: str, start: int, end: int) -> list[Item]:
    """Items for one line ``text[start:end]`` (without its newline)."""
    line = text[start:end]
    if not line.strip():
        return []
    if "\t" in line.strip():
        row = _status_row(text, start, end)
        if row is not None:
            return [row]
    if _FURNITURE.match(line) and not heading_kind(line):
        return [Item("furniture", start, end)]
    m = _LABEL.match(line)
    if m:
        return [Item("label", start, end, label=m.group("label").lower())]
    head = heading_kind(line)
    if head:
        return [Item("heading", start, end, attendance=head[0], strong=head[1])]
    items: list[Item] = []
    pos = start
    label = _GROUP_LABEL.match(text, start, end)
    kind = heading_kind(label.group("h") + ":") if label else None
    if kind and text[label.end():end].strip():  # "Executive team: A (…), B (…)", "Board members present: …"
        items.append(Item("heading", label.start("h"), label.end(), attendance=kind[0], strong=kind[1]))
        pos = label.end()
    for m in _inline_headings(text, pos, end):
        if m.start() > pos:
            items.extend(_content(text, pos, m.start(), first=not items))
        kind = heading_kind(m.group("h")) or (PRESENT, True)
        items.append(Item("heading", m.start(), m.end(), attendance=kind[0], strong=kind[1]))
        pos = m.end()
    if pos < end and text[pos:end].strip():
        items.extend(_content(text, pos, end, first=not items))
    return items


_STATUS = {
    "present": PRESENT, "attended": PRESENT, "yes": PRESENT, "in person": PRESENT, "virtual": PRESENT,
    "present (virtual)": PRESENT, "present virtually": PRESENT, "remote": PRESENT, "present as substitute": PRESENT,
    "attended as substitute": PRESENT, "substitute": PRESENT, "apologies": APOLOGIES, "apologies received": APOLOGIES,
    "sent apologies": APOLOGIES, "absent": APOLOGIES, "did not attend": APOLOGIES, "not present": APOLOGIES,
    "no": APOLOGIES, "in attendance": IN_ATTENDANCE, "also present": IN_ATTENDANCE, "observer": IN_ATTENDANCE,
}
_TABLE_HEAD = {"attendee", "attendees", "name", "role", "attendance", "title", "position", "organisation",
               "capacity", "status", "designation", "member", "members", "job title", "representing"}


def _status_row(text: str, start: int, end: int) -> Item | None:
    """A row of an attendance table: "Councillor Mary Jones<tab>Chair<tab>Present"."""
    cells, pos = [], start
    for part in text[start:end].split("\t"):
        if part.strip():
            s = pos + len(part) - len(part.lstrip())
            cells.append((s, s + len(part.strip())))
        pos += len(part) + 1
    words = [text[s:e].strip().lower().rstrip(":") for s, e in cells]
    if words and all(w in _TABLE_HEAD for w in words):
        return Item("furniture", start, end)
    status = [k for k, w in enumerate(words) if w in _STATUS]
    if not status or status[0] == 0:
        return None
    entry = parse_entry(text, cells[0][0], cells[0][1], allow_single=True)
    if entry is None:
        return None
    k = status[0]
    if k > 1:
        from .attendance_entry import _role
        _role(entry, text, cells[1][0], cells[k - 1][1], None)
    entry.end = cells[k][1]
    entry.attendance = _STATUS[words[k]]
    return Item("entries", start, end, entries=[entry])


# a group label opening a line, its names after the colon
_GROUP_LABEL = re.compile(r"[ \t]*(?P<h>[A-Za-z][A-Za-z’' &-]{1,40}?)[ \t]*(?::-?|[ \t][–—-][ \t](?=\S))")
# ("Employer Representatives – Cllr A (Org), B (Org)": a group named before a dash, too)


def _inline_headings(text: str, start: int, end: int):
    """Headings inside a line: followed by ':' or by a name, or ending the line."""
    for m in _INLINE.finditer(text, start, end):
        after = text[m.end():end]
        before = text[start:m.start()]
        if m.group("colon"):
            if before.strip() and not re.search(r"[\s,;.)]$", before):
                continue
            yield m
            continue
        if not after.strip():
            if before.strip() and (split_list(text, start, m.start()) or parse_entry(text, start, m.start())):
                yield m  # "… Reverend Canon Gareth Powell In Attendance"
            continue
        if before.strip() and not re.search(r"[,;.)]\s*$|\s$", before):
            continue
        nxt = after.lstrip()
        first = word_key(nxt.split()[0]) if nxt.split() else ""
        if first in HONORIFICS | TITLES or split_list(text, end - len(nxt), end):
            yield m


def _content(text: str, start: int, end: int, first: bool) -> list[Item]:
    seg = text[start:end]
    if not seg.strip():
        return []
    lead = len(seg) - len(seg.lstrip())
    start += lead
    entries = split_list(text, start, end)
    if entries:
        return [Item("entries", start, end, entries=entries, is_list=True)]
    entry = parse_entry(text, start, end)
    if entry is None or entry.role and "\t" in text[start:end]:
        entry = _post_then_name_cells(text, start, end) or entry
    if entry:
        return [Item("entries", start, end, entries=[entry])]
    s = seg.strip()
    words = s.split()
    cut = _RUN_ON.search(text, start, end) if len(words) > 14 else None
    if cut and cut.start() > start:
        head = _content(text, start, cut.start(), first)
        if head and head[0].kind == "entries":  # the list, then the first item of a run-on PDF page
            return head + [Item("other", cut.start() + 1, end)]
    if len(words) <= 14 and not _SENTENCE_VERB.search(s) and not s.endswith(":") and \
            not re.search(r"[.!?]\s+[A-Z]", s) and not re.search(r"^\S+:\s*\d", s):
        if any(is_role_word(w) for w in words):
            return [Item("role", start, end)]
        if len(words) <= 6:
            return [Item("short", start, end)]
    return [Item("other", start, end)]


# where the minutes start in a page flattened to one line: an item ref before a capitalised
# heading ("… Deputy Chief Constable JIAC 01/23 APOLOGIES AND …", "… Ms Y 1. Welcome")
_RUN_ON = re.compile(r"\s(?=(?:[A-Z]{2,8}\s+)?\d{1,3}(?:[./]\d{1,4})*[.)]?\s+[A-Z][A-Za-z]+\b)|"
                     r"\s(?=(?:The|It|There)\s+[a-z]+\s+(?:was|were|is|had)\b)")
# (the lookahead: the first letters of the honorifics, so that searching turns most positions away at once)
_HON_START = re.compile(r"(?=[MDPCSLBJR])(?<![\w’'-])(?:Mr|Mrs|Ms|Miss|Dr|Professor|Prof|Cllr|Councillor|Sir|Dame|Lord|Lady|"
                        r"Baroness|Judge|Reverend|Rev|Revd)\.?(?=\s+[A-Z])")


def split_list(text: str, start: int, end: int, *, sentence: bool = False) -> list[Entry] | None:
    """Several attendees on one line, or None.

    Comma lists hold names (roles only in brackets): "Professor X (Chair), Mr Y, Ms Z";
    run-together PDF lines start each person with an honorific:
    "Mr Terry Moran CB Chair Dr Peter Reading Chief Executive …".
    """
    seg = text[start:end]
    plural = re.match(r"\s*(?:Councillors|Cllrs\.?)\s+", seg)
    base = start + (plural.end() if plural else 0)
    semi = [_before_remark(text, *p) for p in _split_commas(text, base, end, marks=";") if not _unnamed(text, *p)] \
        if ";" in seg else []
    if len(semi) >= 2:  # "Name, Post, Organisation; Name, Post": commas inside entries
        semi = [(s + len(m.group(0)), e) if (m := re.match(r"\s*(?:and|&)\s+", text[s:e])) else (s, e) for s, e in semi]
        k = next((k for k, (a, z) in enumerate(semi) if k and _PLURAL.match(text, a, z)), None)
        if k is not None:  # "…; and Councillors Brown, Green and White" (Scottish minutes)
            more = _PLURAL.match(text, *semi[k])
            last = [parse_entry(text, a, z, allow_single=True) for a, z in _split_commas(text, more.end(), semi[-1][1])]
            first = [parse_entry(text, a, z, allow_single=True) for a, z in semi[:k]]
            if all(first) and all(last) and not any(_names_only(text, a, z) for a, z in semi[:k]):
                return first + last
        entries = [parse_entry(text, s, e, allow_single=bool(plural)) for s, e in semi]
        if all(entries) and not any(_names_only(text, s, e) or _PLURAL.match(text, s, e) for s, e in semi):
            return entries
    cells = _tab_cells(text, base, end)
    if len(cells) >= 2:  # "Jane Doe (Chair)<TAB>John Smith": one person per column
        entries = [parse_entry(text, s, e, allow_single=bool(plural)) for s, e in cells]
        if all(x is not None and (x.role is None or x.chair and x.role.lower() == "chair") for x in entries):
            return entries
    all_parts = _split_commas(text, base, end)
    parts = [p for p in all_parts if not _unnamed(text, *p)]
    if len(parts) == 1 < len(all_parts):  # "Mrs D Green (Clerk), 3 members of the public"
        entry = parse_entry(text, *parts[0], allow_single=bool(plural))
        return [entry] if entry else None
    if len(parts) >= 2:
        entries = []
        for s, e in parts:
            more = _PLURAL.match(text, s, e)  # "Councillor X (Chairman); Councillors A, B and C"
            if more:
                plural, s = more, more.end()
            entry = parse_entry(text, s, e, allow_single=bool(plural))
            if entry and not _free_role(text, entry):
                entries.append(entry)
            elif entries and entries[-1].role is None and _role_only(text[s:e]) and (
                    sentence or parse_entry(text, s, e, allow_single=True) is None
                    and is_role_word(text[s:e].split()[0]) and not is_name_word(text[s:e].split()[0])):
                # "…, Jane Doe, Director of Public Health, John Smith, …": the post after a name
                entries[-1].role = text[s:e].strip().rstrip(".")
                entries[-1].end = e
            else:
                entries = []
                break
        if len(entries) >= 2:
            return entries
    starts = [m.start() for m in _HON_START.finditer(text, start, end)]
    starts = [s for k, s in enumerate(starts) if k == 0 or text[starts[k - 1]:s].split().__len__() > 1]
    if len(starts) >= 2 and not text[start:starts[0]].strip():
        entries = []
        for k, s in enumerate(starts):
            e = starts[k + 1] if k + 1 < len(starts) else end
            entry = parse_entry(text, s, e)
            if entry is None or (entry.role and re.fullmatch(r"[\d\s.,/()-]+", entry.role)):
                break  # a table of numbers (e.g. a cumulative attendance record) follows
            entries.append(entry)
        if len(entries) >= 2:
            return entries
    return None


def _post_then_name_cells(text: str, start: int, end: int) -> Entry | None:
    """"Internal Audit (Audit Partnership)<TAB>Jane Doe": a post cell, then a name cell."""
    cells = _tab_cells(text, start, end)
    if len(cells) != 2 or parse_entry(text, *cells[0]) is not None:
        return None
    post = text[cells[0][0]:cells[0][1]]
    entry = parse_entry(text, *cells[1])
    if entry is None or entry.role is not None or not any(is_role_word(w) for w in post.split()):
        return None
    entry.role, entry.start = re.sub(r"\s+", " ", post).strip(" ,;:"), cells[0][0]
    return entry


def _tab_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for part in text[start:end].split("\t"):
        if part.strip():
            s = pos + len(part) - len(part.lstrip())
            out.append((s, s + len(part.strip())))
        pos += len(part) + 1
    return out


def _before_remark(text: str, start: int, end: int) -> tuple[int, int]:
    """"John Smith (Org) – Jane Doe attended as substitute": the entry ends where a dash
    opens a remark with a verb (the remark is read as a sentence elsewhere)."""
    m = re.search(r"\s[–—-]\s+(?=[^–—]*" + _SENTENCE_VERB.pattern + ")", text[start:end])
    return (start, start + m.start()) if m else (start, end)


def _split_commas(text: str, start: int, end: int, marks: str = ",;") -> list[tuple[int, int]]:
    """Comma-separated parts at bracket depth 0; a final "A and B" is split too."""
    parts, depth, s = [], 0, start
    for mk in _split_chars(marks).finditer(text, start, end):  # only brackets and marks matter
        c, k = mk.group(), mk.start()
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            parts.append((s, k))
            s = k + 1
    parts.append((s, end))
    out = []
    for s, e in parts:
        lead = _LIST_LEAD.match(text[s:e])  # ", and C. Ellery", "and from Mr X"
        s += lead.end() if lead else 0
        m = None
        for m2 in _LAST_AND.finditer(text[s:e]):
            m = m2
        if m and parse_entry(text, s, s + m.start(), allow_single=True) and (
                parse_entry(text, s + m.end(), e, allow_single=True) or _unnamed(text, s + m.end(), e)):
            out.extend([(s, s + m.start()), (s + m.end(), e)])
        else:
            out.append((s, e))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out if text[s:e].strip()]


_LIST_LEAD = re.compile(r"\s*(?:(?:and|&)\s+)?(?:from\s+)?(?=\S)")
_LAST_AND = re.compile(r"\s+(?:and|&)\s+(?:from\s+)?")


@lru_cache(maxsize=8)
def _split_chars(marks: str) -> re.Pattern:
    """The characters _split_commas looks at: brackets and the separating marks."""
    return re.compile("[()" + re.escape(marks) + "]")


_PLURAL = re.compile(r"\s*(?:Councillors|Cllrs\.?|Messrs\.?)\s+")
# people counted, not named: "3 members of the public", "two observers"
_UNNAMED = re.compile(r"\s*(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some)\s+"
                      r"(?:members?\s+of\s+(?:the\s+)?(?:public|press)|(?:\w+\s+)?(?:public|press|observers?|"
                      r"residents?|visitors?|students?|others?|guests?))\b", re.I)


def _unnamed(text: str, start: int, end: int) -> bool:
    return bool(_UNNAMED.match(text, start, end))


def _names_only(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a comma list of two or more names ("Mr A, Ms B")?"""
    parts = _split_commas(text, start, end, marks=",")
    if len(parts) < 2:
        return False
    entries = [parse_entry(text, s, e) for s, e in parts]
    return all(x is not None and x.titled for x in entries)


def _free_role(text: str, entry: Entry) -> bool:
    """Role text printed outside brackets (a list part with one is a name + role, not a list item)."""
    rest = re.sub(r"\([^()]*\)|(?i:\bin\s+the\s+chair\b)", "", text[entry.name_end:entry.end]).strip(" ,;:.")
    return bool(rest) and not rest.isupper()


def _role_only(s: str) -> bool:
    words = s.split()
    return 0 < len(words) <= 10 and any(is_role_word(w) for w in words) and not _SENTENCE_VERB.search(s)
