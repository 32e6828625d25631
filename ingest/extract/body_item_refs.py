"""Item refs and the headings that follow them, as candidates for :mod:`items`.

A ref is whatever numbers an agenda item: "2.1.3", "72.", "1507", "Ref 01/26/07/2023",
"04/09", "TB 23/045", "MINUTE 23/45", "PART 1", "Item 4", "7(a)". It may open a line,
sit alone with its heading on the next line (flattened tables and PDFs), or follow a
sentence mid-line when a table row was run into one line. The heading is cut off the
text that follows it (a bold run, a CAPS run, the part before " – ", or the first
sentence); a candidate whose "heading" is really a sentence is kept as *weak*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .body_lexicon import (
    ROLE_WORDS,
    action_table_header,
    fold,
    has_verb,
    heading_like,
    is_caps,
    is_date_line,
    is_furniture,
    is_person_line,
    is_table_row,
    starts_with_month,
    strip_title_furniture,
)
from .names import is_role_word
from .segments import sentence_spans


@dataclass
class Item:
    ref: str | None
    title: str
    start: int  # where the heading (ref or title) starts
    title_start: int
    title_end: int
    key: tuple = ()
    scheme: str = ""
    strong: bool = True
    score: float = 0.0
    parent_ref: str | None = None
    content_start: int = 0
    end: int = 0  # start of the next item (or end of text)
    steal_from: int | None = None  # lone ref whose title sits on its first child's line
    # (start, content_start) of the same item's heading repeated later, as when a page
    # prints the agenda and then the minutes: the minute text belongs to this item
    aliases: list = field(default_factory=list)



# (the lookahead: the characters a ref can start with, so that most positions are
# turned away at once when the pattern is searched for)
_REF = re.compile(
    r"(?=[A-Z\d(i])(?P<ref>(?:Ref(?:erence)?\.?\s*)(?P<r1>\d{1,3}(?:/\d{1,4}){1,3})"
    r"|(?:PART|Part)\s+(?P<part>\d{1,2})"
    r"|(?:Agenda\s+|AGENDA\s+)?(?:Item|ITEM|item)\s+(?P<item>\d{1,3}(?:\.\d{1,2})*)(?:\.(?!\d))?"
    r"|(?:Minute|MINUTE|Min\.?)\s+(?:No\.?\s*)?(?P<minute>\d{1,4}(?:[./]\d{1,4})?)"
    r"|(?<![A-Za-z0-9])(?P<code>(?!(?:ACTION|ITEM|MINUTE|PAGE|PART|REF|Q)\b)[A-Z]{1,6}[ ./-]?\d{1,4}(?:[/.-]\d{1,4}){1,2})(?![/.\d-]*\d)"
    r"|(?<![A-Za-z0-9])(?P<code1>(?!(?:ACTION|ITEM|MINUTE|PAGE|PART|REF)\b)[A-Z]{2,6} ?\d{1,4})(?![/.\d-]*\d)"
    # 'A1.', 'B2': agenda sections lettered A, B, … with items numbered within each
    r"|(?<![A-Za-z0-9])(?P<lettered>[A-PR-Z]\d{1,2})\.?(?![/.\d-]*\d)(?![A-Za-z])"
    r"|(?P<slash>\d{1,4}/\d{2,4})(?![/\d])"
    r"|(?P<sub>\d{1,3})\((?P<subl>[a-z])\)"
    r"|\(?(?P<dot>\d{1,4}(?:\.\d{1,3}){0,3})(?P<close>\.|\))?)"
)
_SEP = re.compile(r"(?:[ \t]*(?:\||:|–|-(?=\s))?[ \t]*)")
_UNIT = re.compile(r"\s*(?:[KMG]B|Kb|kb|%|per cent|pm|am|hrs?)\b")
# A CAPS heading run after a coded ref ('JIAC 05/23 RISK MANAGEMENT The ...'): in a PDF
# flattened to one paragraph, the ref may follow anything, even a name.
_CAPS_AFTER = re.compile(
    r"[ \t]+(?:[A-Z][A-Z&’']+(?:[ \t]+[A-Z0-9&/’'(),–-]+)*[ \t]+[A-Z&]{2,}\b|[A-Z]{4,}[ \t]+(?=[A-Z][a-z]))")
ACTION_RECORD = re.compile(r"^(?:ACTIONS?|Actions?)\s*(?:[:–—-]|(?:No\.?\s*|Point\s+|POINT\s+)?[A-Z]{0,5}\d)")
_MIDLINE_BEFORE = re.compile(r"(?:[.?!:]['’”)]?|\*\*|\b[A-Z][A-Z&/]{1,}[A-Z])\s+$")


def _parse(m: re.Match) -> tuple[str, tuple] | None:
    """(numbering scheme, key) of a ref. Two-part refs ('23/45', 'TB 23/045', '60/17')
    are 'pair' schemes: whichever part counts up is the item number."""
    if m.group("r1"):
        return "ref", (int(m.group("r1").split("/")[0]),)
    if m.group("part"):
        return "dot", (int(m.group("part")),)
    if m.group("minute"):
        nums = re.split(r"[./]", m.group("minute"))
        return ("pair:minute", (int(nums[0]), int(nums[1]))) if len(nums) == 2 else ("minute", (int(nums[0]),))
    if m.group("item"):
        return "dot", tuple(int(x) for x in m.group("item").split("."))
    if m.group("sub"):  # 7(a)
        return "dot", (int(m.group("sub")), ord(m.group("subl")) - 96)
    if m.group("code"):
        prefix = re.sub(r"[^A-Z].*$", "", m.group("code"))
        nums = [int(x) for x in re.findall(r"\d+", m.group("code")[len(prefix):])]
        return (f"pair:{prefix}", tuple(nums[-2:])) if len(nums) >= 2 else (f"code:{prefix}", tuple(nums))
    if m.group("code1"):  # 'CAB 118': a committee prefix and a running minute number
        prefix, num = re.fullmatch(r"([A-Z]+) ?(\d+)", m.group("code1")).groups()
        return f"code:{prefix}", (int(num),)
    if m.group("lettered"):  # 'B2' -> section 2, item 2
        return "letter", (ord(m.group("lettered")[0]) - 64, int(m.group("lettered")[1:]))
    if m.group("slash"):
        a, b = m.group("slash").split("/")
        if re.fullmatch(r"(?:19|20)\d\d", a):  # 2023/24: a year range
            return None
        return "pair:", (int(a), int(b))
    dot = m.group("dot")
    if dot:
        parts = dot.split(".")
        if len(parts) == 1 and re.fullmatch(r"(?:19|20)\d\d", parts[0]):
            return None
        if m.group(0).startswith("(") and m.group("close") != ")":
            return None
        if len(parts) == 2 and int(parts[1]) == 0:  # '5.0 Finance' heads item 5; '5.1' is its first child
            parts = parts[:1]
        return "dot", tuple(int(x) for x in parts)
    return None


def _title_from(text: str, s: int, e: int) -> tuple[int, int]:
    """Cut a heading off the run-on text after a ref: bold run, CAPS run, or first sentence."""
    seg = text[s:e]
    bold = re.match(r"^(.{0,120}?)\*\*([^*\n]{2,120})\*\*", seg)
    if bold and len(bold.group(1).split()) <= 12 and "." not in bold.group(1).rstrip(". "):
        return s, s + bold.end()
    caps = re.match(r"^((?:[A-Z0-9&/’'(),\-–]+[ \t]+)*?[A-Z0-9&/’'(),\-–]*[A-Z0-9]{2,}[A-Z0-9&/’'(),\-–]*)[ \t]+(?=[A-Z][a-z]|\d{1,3}(?:\.\d{1,3})+\.?[ \t])", seg)
    if caps and is_caps(caps.group(1)) and has_verb(seg[caps.end():caps.end() + 200]):
        return s, s + caps.end(1)
    dash = re.match(r"^(.{3,80}?)(?:\s+[–—-]|:)\s+(?=[A-Z0-9])", seg)
    if dash and heading_like(dash.group(1)) and _minute_after_dash(seg[dash.end():dash.end() + 200]):
        return s, s + dash.end(1)
    sents = sentence_spans(text, s, e)
    return sents[0] if len(sents) > 1 else (s, e)  # a heading sentence, or the numbered sentence itself


def _minute_after_dash(after: str) -> bool:
    """What follows 'Heading – ' is the minute, not the rest of the heading: a sentence
    ('Resolved to accept ...'), a bare outcome ('None.', 'Noted.') or a date ('9 April 2024.')."""
    if re.match(r"(?i)(?:none|nil|noted|agreed|approved|n/?a)\b", after) or is_date_line(after.strip(" .")):
        return True
    said = after.lower() if is_caps(after) else re.sub(r"\b(?:RESOLVED|Resolved|AGREED|Agreed)\b", "resolved", after)
    return has_verb(said) and not heading_like(said)


def _sep_end(text: str, pos: int, end: int) -> int:
    """Where the title starts after a ref: past spaces, tabs, '|', ':' or a dash."""
    sep = _SEP.match(text, pos, end)
    return sep.end() if sep else pos


def clean_title(raw: str) -> str:
    t = strip_title_furniture(fold(raw))
    t = re.sub(r"\s*[:\-–]+$", "", t) if t.endswith(":") else t
    return t.strip()


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, len(text) if e == -1 else e


def _first_cell(text: str, s: int, e: int) -> tuple[int, int]:
    """The first non-empty tab/pipe cell of ``text[s:e]``, trimmed."""
    pos = s
    for part in re.split(r"(\t| \| )", text[s:e]):
        if part in ("\t", " | "):
            pos += len(part)
            continue
        if part.strip():
            a = pos + len(part) - len(part.lstrip())
            return a, pos + len(part.rstrip())
        pos += len(part)
    return e, e


def next_lines(text: str, pos: int, limit: int = 7) -> list[tuple[int, int]]:
    """Following non-blank, non-furniture lines as (start, end) of their first cell."""
    out: list[tuple[int, int]] = []
    while pos < len(text) and len(out) < limit:
        s, e = line_bounds(text, pos)
        cs, ce = _first_cell(text, s, e)
        if ce > cs and not is_furniture(text[cs:ce]):
            out.append((cs, ce))
        pos = e + 1
    return out


def line_start_ref(text: str, ls: int, le: int) -> tuple[re.Match, int, int] | None:
    """A ref opening the line, with the span of the text after it (its first cell)."""
    line = text[ls:le]
    if is_table_row(line) or re.match(r"^\s*(?:[-–•·●▪*]|[\ue000-\uf8ff])\s", line):
        return None
    lead = ls + (len(line) - len(line.lstrip()))
    marker = re.match(r"#{1,6}\s+|\*\*", text[lead:le])  # markdown heading or bold
    if marker:
        lead += marker.end()
    m = _REF.match(text, lead, le)
    if not m or not _parse(m):
        return None
    after = m.end()
    ts = _sep_end(text, after, le)
    glued = bool(m.group("slash")) and ts < le and text[ts].isupper()
    if not (ts == le or ts > after or glued):
        return None
    if starts_with_month(text[ts:le]) or (ts < le and text[ts] in "%£$") or _UNIT.match(text, ts, le):
        return None
    if re.match(r"\s+:\s.*\s:\s", text[m.end():le]):  # '165/19 : Safer Staffing : ...' is an action-log entry
        return None
    cs, ce = _first_cell(text, ts, le) if ts < le else (le, le)
    return m, cs, ce


def candidates(text: str) -> list[Item]:
    cands: list[Item] = []
    pos = 0
    in_list = False  # a numbered list introduced by "...:" (papers, names), not headings
    in_table = False  # rows of an action-log table are actions, not items
    list_key: tuple = ()
    prev_line = ""
    while pos < len(text):
        ls, le = line_bounds(text, pos)
        line = text[ls:le]
        pos = le + 1
        if not line.strip():
            in_table = False
            continue
        if action_table_header(line):
            in_table, in_list = True, False
        if in_table:
            continue
        start_end = -1
        hit = line_start_ref(text, ls, le)
        if hit:
            m, cs, ce = hit
            key = (_parse(m) or ("", ()))[1]
            if in_list and not (key[:-1] == list_key[:-1] and key[-1:] and list_key[-1:]
                                and key[-1] == list_key[-1] + 1):
                in_list = False  # the numbering starts again: the list is over
            if prev_line.rstrip().endswith(":") and not re.search(r"agenda", prev_line, re.I):
                in_list = True
            list_key = key
            if not in_list:
                it = _candidate_at(text, m, cs, ce, le, line_start=True)
                if it:
                    cands.append(it)
                    start_end = it.title_end
        else:
            in_list = False
        for mm in _REF.finditer(text, ls + (len(line) - len(line.lstrip())) + 1, le):
            if mm.start() <= start_end or in_list:
                continue
            caps_heading = bool(mm.group("code")) and _CAPS_AFTER.match(text, mm.end(), le) is not None
            if not (caps_heading or _MIDLINE_BEFORE.search(text[max(ls, mm.start() - 40):mm.start()])):
                continue
            dot = mm.group("dot") or ""
            if not _parse(mm) or not (mm.group("close") == "." or "." in dot or mm.group("slash")
                                      or mm.group("r1") or mm.group("item") or len(dot) >= 3 or caps_heading):
                continue
            ts = _sep_end(text, mm.end(), le)
            if ts >= le or ts == mm.end() or not (text[ts].isupper() or text[ts:ts + 2] == "**"):
                continue
            if starts_with_month(text[ts:le]) or _UNIT.match(text, mm.end(), le):
                continue
            it = _candidate_at(text, mm, ts, le, le, line_start=False)
            if it:
                cands.append(it)
        prev_line = line
    # a mid-line candidate's title stops where the next candidate starts
    cands.sort(key=lambda c: c.start)
    for a, b in zip(cands, cands[1:], strict=False):
        if a.title_end > b.start and a.start < b.start and a.steal_from is None:
            s, e = _title_from(text, a.title_start, b.start)
            a.title_start, a.title_end = s, e
            a.title = clean_title(text[s:e])
            a.strong = heading_like(a.title, numbered=True)
            a.score = 1.5 if a.strong else 0.5
    # a ref inside another heading's title ('... meeting: / Agenda item 4: X') is part of that title
    spans = [(c.title_start, c.title_end) for c in cands if c.strong and c.steal_from is None]
    cands = [c for c in cands if c.title and not any(a <= c.start < z for a, z in spans)]
    return [c for c in cands if not c.scheme.startswith("code:") and c.scheme != "letter" or _prefix_repeats(c, cands)]


def _prefix_repeats(c: Item, cands: list[Item]) -> bool:
    """A one-number code ('CAB 118') is an item ref only when the prefix numbers other
    headings too: alone, 'COVID 19 Update' or 'B3271 Station Road' is just a name."""
    return len({o.key for o in cands if o.scheme == c.scheme}) >= 2


def _candidate_at(text: str, m: re.Match, ts: int, te: int, le: int, line_start: bool) -> Item | None:
    parsed = _parse(m)
    if parsed is None:
        return None
    scheme, key = parsed
    ref = fold(m.group("ref"))
    if ts >= te:  # lone ref: the title sits on a following line
        nxt = next_lines(text, le + 1)
        if not nxt:
            return None
        s0, e0 = nxt[0]
        child = _REF.match(text, s0, e0)
        child_key = (_parse(child) or ("", ()))[1] if child else ()
        if child and child_key[:-1] == key and len(child_key) == len(key) + 1:
            cs, ce = _first_cell(text, child.end(), line_bounds(text, s0)[1])
            if ce > cs and is_caps(text[cs:ce]):
                it = Item(ref, clean_title(text[cs:ce]), m.start(), cs, ce, key, scheme, True, 2.0)
                it.steal_from = child.start()
                return it
        # the heading-like lines before the minute's prose; a flattened attendance table
        # may leave people's roles between a ref and its (CAPS) heading
        lines = []
        for s, e in nxt:
            t = text[s:e]
            rm = _REF.match(t)
            if has_verb(t) or len(t.split()) > 16 or (rm and _parse(rm) and rm.end() < len(t) and t[rm.end()] in " \t"):
                break
            if heading_like(strip_title_furniture(fold(t)), numbered=True):
                lines.append((s, e))
        if not lines:
            return None
        s, e = lines[0]
        caps = [(a, z) for a, z in lines if is_caps(text[a:z])]
        if caps and not is_caps(text[s:e]) and ROLE_WORDS.search(text[s:e]):
            s, e = caps[0]
        return finish(text, Item(ref, clean_title(text[s:e]), m.start(), s, e, key, scheme, True, 2.0))
    s, e = _title_from(text, ts, te)
    title = clean_title(text[s:e])
    if not title or not (title[0].isupper() or title[0].isdigit() or title[0] in "‘'\"("):
        return None
    # '1. Jane Smith (Chair)' is an attendee and '3.1 Action 45 – complete.' an action record, not headings
    strong = heading_like(title, numbered=True) and not is_person_line(title) and not ACTION_RECORD.match(title) \
        and not (re.fullmatch(r"\d{1,3}", m.group("ref")) and _is_action_line(title))
    it = Item(ref, title, m.start(), s, e, key, scheme, strong, (2.0 if line_start else 1.5) if strong else 0.5)
    return finish(text, it) if strong else it


# "Clerk to write to the highways authority.", "JS will circulate the draft.": an owner, then what they are to do
_ACTION_LINE = re.compile(r"(?P<who>[A-Z][\w/&'’.-]*(?:\s+[A-Z][\w/&'’.-]*){0,3})\s+(?:to|will)\s+"
                          r"(?!(?:the|a|an|be|this|that|date|follow)\b)[a-z]+\b.{6,}\.$")


def _is_action_line(title: str) -> bool:
    """A numbered action-log line with no separator after its number ("1 Clerk to write to …."): the
    sentence names who is to act, which a heading ("5 Changes to parking.") does not."""
    m = _ACTION_LINE.fullmatch(fold(title))
    return m is not None and is_role_word(m.group("who").split()[0])


def finish(text: str, it: Item) -> Item:
    """A heading that ends with ':' continues on the next line ('... meeting:' / 'Agenda item 4: X')."""
    raw = fold(text[it.title_start:it.title_end])
    wrapped = re.search(r"(?:\b(?:and|of|for|the|to|in|on|with|from)|[&,–-])$", raw, re.I) is not None
    if (raw.endswith(":") and not is_caps(raw)) or wrapped:
        nxt = next_lines(text, line_bounds(text, it.title_end)[1] + 1, 1)
        if nxt:
            s, e = nxt[0]
            t = fold(text[s:e])
            rm = _REF.match(t)
            numbered = bool(rm and rm.group("dot") and _parse(rm))
            if heading_like(t) and not numbered and not re.search(r"[.;]$", t):
                it.title_end = e
                it.title = clean_title(text[it.title_start:e])
    return it


