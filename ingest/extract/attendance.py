"""Who attended: participants, the chair and the minute taker.

Attendance lists come in many layouts (see ANNOTATION.md): headed lists ("Present:",
"In attendance", "Apologies"), lists whose headings were lost on the way to the web or
to PDF text, one-line lists, flattened name/role tables, and sentences. The lines are
classified (attendance_lines), grouped into blocks here, and the groups of a block get
their attendance from their heading or, when headless, from their place in the block:
the first group is the main list (present); a later group is read as apologies when it
is the last one or follows the present list, otherwise it continues the group before
it (ANNOTATION.md "Lost headings": attendance, then e.g. secretariat, then apologies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attendance_entry import Entry, parse_entry
from .attendance_lines import APOLOGIES, IN_ATTENDANCE, PRESENT, Item, classify_line
from .attendance_sentences import find_sentences
from .attendance_tables import pair_roles
from .evidence import evidence, fold
from .names import HONORIFICS, POSTNOMINALS, TITLES
from .wspattern import WsPattern

_MAX_GAP = 3  # blank lines that end an attendance block


@dataclass
class Group:
    attendance: str
    headed: bool
    strong: bool = False
    entries: list[Entry] = field(default_factory=list)
    role_lines: list[tuple[int, int]] = field(default_factory=list)
    min_gap: int | None = None
    list_line: bool = False
    gap: int = 0  # blank lines before the group's first line
    follows: bool = False  # continues the group before it


@dataclass
class Block:
    groups: list[Group] = field(default_factory=list)
    prose_before: int = 0
    rejected: bool = False  # headless list introduced by an unrelated "…:" line

    @property
    def headed(self) -> bool:
        return any(g.headed for g in self.groups)


@dataclass
class Attendance:
    participants: list[dict]
    chair: str | None
    minute_taker: str | None


def extract_attendance(text: str) -> Attendance:
    """Participants, chair and minute taker of a minutes text.

    >>> a = extract_attendance("Present: Ann Smith (Chair), Bob Jones\\nApologies: Carol White\\n")
    >>> [(p["name"], p["attendance"]) for p in a.participants], a.chair
    ([('Ann Smith', 'present'), ('Bob Jones', 'present'), ('Carol White', 'apologies')], 'Ann Smith')
    """
    original, text = text, _columns_as_cells(text)
    items = _items(text)
    blocks, singles = _blocks(text, items)
    people: list[dict] = []
    index: dict[str, list[dict]] = {}
    for block in blocks:
        for g in block.groups:
            rule = ("attendance_list" if g.headed else "headless_list") + (":table" if g.role_lines else "")
            for e in g.entries:
                att = e.attendance or (IN_ATTENDANCE if e.observer else g.attendance)
                if att == PRESENT and g.attendance == IN_ATTENDANCE and g.headed:
                    att = IN_ATTENDANCE  # "Present" in the status column of an "In attendance" block: there, not a member
                _add(people, index, text, e, att, rule, weak=not (g.headed and g.strong))
    labels = _labels(text, items)
    for e in labels.get("minutes", []):
        e.minutes = True
        _add(people, index, text, e, IN_ATTENDANCE, "minutes_label", weak=True)
    for e in labels.get("chair", []):  # "In the Chair: Councillor X" chairs the meeting, so attends it
        _add(people, index, text, e, PRESENT, "chair_label", weak=True)
    for e in labels.get("officer", []):  # "Clerk: …", "Secretary: …"
        _add(people, index, text, e, IN_ATTENDANCE, "officer_label", weak=True)
    for f in find_sentences(text):
        _add(people, index, text, f.entry, f.attendance, f.rule, weak=False)
    chair = _chair(text, labels, blocks, singles)
    minute_taker = next((e.name for e in labels.get("minutes", [])), None) or next(
        (e.name for b in blocks for g in b.groups for e in g.entries if e.minutes), None) or next(
        (e.name for e in labels.get("officer", []) if e.minutes), None) or _minutes_sentence(text)
    for p in people:
        p.pop("_weak", None)
        p["evidence"] = evidence(original, p["evidence"]["start"], p["evidence"]["end"])
    return Attendance(people, chair, minute_taker)


_COLUMN_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def _columns_as_cells(text: str) -> str:
    """A PDF laid out in columns ("Members:     Jane Doe (Chair)      John Smith")
    separates its cells with runs of spaces: read them as tab-separated cells (same length,
    so every offset still points into the original text)."""
    if "   " not in text:
        return text
    return _COLUMN_GAP.sub(lambda m: "\t" + " " * (len(m.group(0)) - 1), text)


def _items(text: str) -> list[Item]:
    items: list[Item] = []
    blank = 0
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        got = classify_line(text, start, end)
        if not got:
            blank += 1
            continue
        got[0].blank_before = blank
        blank = 0
        items.extend(got)
    return items


def _blocks(text: str, items: list[Item]) -> tuple[list[Block], list[Entry]]:
    """Group items into attendance blocks; also return lone entries (possible item leads)."""
    blocks: list[Block] = []
    singles: list[Entry] = []
    cur: Block | None = None
    prev: Item | None = None
    prose = 0

    def close():
        nonlocal cur
        if cur is not None:
            _finish(cur, text)
            n = sum(len(g.entries) for g in cur.groups)
            accept = cur.headed or (not cur.rejected and n >= 2 and cur.prose_before < 3
                                    and not any(b.groups for b in blocks))
            if accept:
                blocks.append(cur)
            else:
                singles.extend(e for g in cur.groups for e in g.entries)
        cur = None

    for k_item, it in enumerate(items):
        if cur is not None and it.blank_before > _MAX_GAP:
            close()
        g = cur.groups[-1] if cur and cur.groups else None
        table = g is not None and bool(g.role_lines)
        if it.kind == "heading":
            if cur is None:
                cur = Block(prose_before=prose)
            att = it.attendance or PRESENT
            if att == PRESENT and _OTHERS_HEADING.match(text[it.start:it.end]) and any(
                    x.headed and x.attendance == PRESENT and x.entries for x in cur.groups):
                att = IN_ATTENDANCE  # "Committee Members Present" … then "Attendees Present": the non-members
            cur.groups.append(Group(att, headed=True, strong=it.strong))
        elif table and g is not None and it.kind in ("entries", "role", "short") and (
                len(g.role_lines) < len(g.entries) or it.kind != "entries"
                or not it.is_list and not it.entries[0].titled):
            g.role_lines.append((it.start, it.end))  # still in the role column
        elif it.kind == "entries":
            if cur is None:
                cur = Block(prose_before=prose, rejected=prev is not None and prev.kind == "other"
                            and text[prev.start:prev.end].rstrip().endswith(":"))
            last_g = cur.groups[-1] if cur.groups else None
            if last_g is None or bool(last_g.role_lines) or (bool(last_g.entries) and (it.is_list or last_g.list_line)) \
                    or (bool(last_g.entries) and it.blank_before >= 2 and it.blank_before > (last_g.min_gap or 0)):
                last_g = Group(PRESENT, headed=False, gap=it.blank_before)  # heading lost, or a new list line
                cur.groups.append(last_g)
            elif last_g.entries:
                last_g.min_gap = it.blank_before if last_g.min_gap is None else min(last_g.min_gap, it.blank_before)
            last_g.entries.extend(it.entries)
            last_g.list_line = last_g.list_line or it.is_list
        elif it.kind in ("role", "short") and g is not None and g.entries and prev is not None:
            last = g.entries[-1]
            if prev.kind == "entries" and not prev.is_list and all(e.role is None for e in g.entries) \
                    and it.kind == "role":
                g.role_lines.append((it.start, it.end))  # a column of roles after a column of names
            elif prev.kind in ("entries", "role") and last.role and it.kind == "role" and not table \
                    and _continues(text[it.start:it.end], last, g):
                last.role = fold(last.role + " " + _strip_role_tail(text[it.start:it.end], last))
                last.end = it.end  # a role wrapped onto the next line
            elif not _org_subheading(items, k_item, cur):
                close()
        elif it.kind in ("role", "short") and _org_subheading(items, k_item, cur):
            pass  # "Police Service" over "Deputy Chief Officer Jane Doe": who they come from
        elif it.kind in ("furniture", "label"):
            pass
        else:
            if it.kind == "other" and len(text[it.start:it.end].split()) >= 15:
                prose += 1
            close()
        prev = it if it.kind not in ("furniture",) else prev
    close()
    return blocks, singles


_OTHERS_HEADING = re.compile(r"(?i)\s*(?:attendees|attending|others)(?:\s+present)?\s*:?\s*$")


def _org_subheading(items: list[Item], k: int, cur: Block | None) -> bool:
    """A line naming an organisation inside a headed attendance list, over people whose
    posts are printed with their names ("Police Service" / "Director of Finance Jane Doe")."""
    nxt = items[k + 1] if k + 1 < len(items) else None
    return cur is not None and cur.headed and nxt is not None and nxt.kind == "entries" and nxt.blank_before == 0 \
        and all(e.role for e in nxt.entries) and len(nxt.entries) == 1


def _continues(line: str, last: Entry, g: Group) -> bool:
    """Is ``line`` the wrapped end of the last entry's role ("… Police and Crime" / "Commissioner (CEx)")?"""
    if re.search(r"(?:[–—\-&,/]|\b(?:of|and|for|to|the|in|with))$", last.role or ""):
        return True
    if line[:1].islower():
        return True
    others = [e for e in g.entries[:-1]]
    return bool(re.search(r"\([A-Za-z/&]{2,8}\)\s*$", line)) and not last.role_abbr and bool(others) \
        and all(e.role_abbr for e in others)


def _strip_role_tail(role_line: str, entry: Entry) -> str:
    """Role text of a continuation line, with a trailing "(ABBR)" moved to role_abbr."""
    m = re.search(r"\(([A-Za-z/&]{2,8})\)\s*$", role_line)
    if m:
        entry.role_abbr = entry.role_abbr or m.group(1)
        role_line = role_line[:m.start()]
    return role_line.strip()


def _finish(block: Block, text: str) -> None:
    """Pair flattened tables, then give headless groups their attendance."""
    for g in block.groups:
        if g.role_lines:
            _pair(g, text)
    block.groups = [g for g in block.groups if g.entries]
    for k, g in enumerate(block.groups):
        if g.headed or k == 0:
            continue
        prev = block.groups[k - 1]
        if g.gap == 0 and (prev.headed or prev.follows):
            # "Members Present:" / "Councillor A (Chairman)" / "Councillors B, C, D": a list line
            # straight under a headed group is more of that group, not a group whose heading was lost
            g.attendance, g.follows = prev.attendance, True
            continue
        last = k == len(block.groups) - 1
        g.attendance = APOLOGIES if last or prev.attendance == PRESENT else prev.attendance


def _pair(g: Group, text: str) -> None:
    # a bare three-word "name" just before the roles is usually a wrapped role line
    while len(g.entries) > 1 and not g.entries[-1].titled and g.entries[-1].bare_tokens >= 3 and \
            all(e.bare_tokens <= 2 or e.titled for e in g.entries[:-1]):
        e = g.entries.pop()
        g.role_lines.insert(0, (e.start, e.end))
    lines = [fold(text[s:e]) for s, e in g.role_lines]
    starts = pair_roles(len(g.entries), lines)
    if starts is None:
        return
    bounds = starts + [len(lines)]
    for e, a, b in zip(g.entries, bounds, bounds[1:], strict=False):
        role_text = " ".join(lines[a:b])
        probe_text = "Quentin Zzyzx, " + role_text  # reuse the marker handling of entries
        probe = parse_entry(probe_text, 0, len(probe_text))
        if probe is not None:
            e.role, e.role_abbr = probe.role, e.role_abbr or probe.role_abbr
            e.chair = e.chair or probe.chair
            e.minutes = e.minutes or probe.minutes
            e.observer = e.observer or probe.observer
        else:
            e.role = role_text


def _labels(text: str, items: list[Item]) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = {}
    for it in items:
        if it.kind != "label":
            continue
        line = text[it.start:it.end]
        m = re.match(r"\s*[^:\-–]+[:\-–]\s*", line)
        if m is None:
            continue
        s = it.start + m.end()
        entry = parse_entry(text, s, it.end, allow_single=True)
        if entry is None:
            continue
        label = it.label or ""
        if re.match(r"(?:chair|in the chair|co-?chair)", label):
            out.setdefault("chair", []).append(entry)
        elif re.match(r"minute|note|recorder", label):
            out.setdefault("minutes", []).append(entry)
        elif label in ("clerk", "secretary"):
            entry.role = entry.role or line[:m.end()].strip(" :-–")
            out.setdefault("officer", []).append(entry)
    return out


_ORG = r"(?:Trust|Board|Council|Authority|Panel|Committee|Group|Company|Corporation|Society|Association|" \
       r"University|College|Foundation|Partnership|Commission|Governors|Governing\s+Body)"
_BODY_CHAIR = re.compile(rf"(?i)(?:the\s+)?{_ORG}\s+Chair(?:man|woman|person)?|"
                         rf"Chair(?:man|woman|person)?\s+of\s+(?:the\s+)?{_ORG}")
_ELECTED = WsPattern.after_space(r"was\s+(?:duly\s+|unanimously\s+)?(?:elected|appointed)\s+(?:as\s+)?(?:the\s+)?"
                                 r"(?:Chair(?:man|person|woman)?|Co-Chair)\b(?!\s+of\s+the\s+(?!meeting|committee))", re.I,
                                 needs=("elected", "appointed"))
_IN_THE_CHAIR = WsPattern(r"\(?\s*in\s+the\s+chair\s*\)?|\s+took\s+the\s+chair\b", re.I, needs=("chair",))
_CHAIRED_BY = re.compile(r"\bmeeting\s+(?:was\s+)?chaired\s+by\s+(?!the\b)", re.I)


_MINUTES_BY = re.compile(r"(?i)\b(?:minutes|notes)\s+(?:were\s+|was\s+)?(?:taken|recorded|written)\s+by\s+(?!the\b)")
_TOOK_MINUTES = WsPattern.after_space(r"(?:took|was\s+taking)\s+(?:the\s+)?(?:minutes|notes)\b|"
                                     r"(?:was|acted\s+as)\s+(?:the\s+)?(?:minute|note)[- ]?taker\b", re.I,
                                     needs=("minutes", "notes", "taker"))


def _minutes_sentence(text: str) -> str | None:
    """"The minutes were taken by Sue White", "Sue White took the minutes"."""
    from .attendance_sentences import _name_before

    for m in _MINUTES_BY.finditer(text):
        stop = re.search(r"[.;,\n(]", text[m.end():m.end() + 80])
        e = parse_entry(text, m.end(), m.end() + (stop.start() if stop else 80), allow_single=True)
        if e:
            return e.name
    for m in _TOOK_MINUTES.finditer(text):
        e = _name_before(text, m.start())
        if e:
            return e.name
    return None


def _chair(text: str, labels: dict, blocks: list[Block], singles: list[Entry]) -> str | None:
    from .attendance_sentences import _name_before

    for m in _ELECTED.finditer(text):
        e = _name_before(text, m.start())
        if e:
            return e.name
    if labels.get("chair"):
        return labels["chair"][0].name
    for m in _IN_THE_CHAIR.finditer(text):
        e = _name_before(text, m.start())
        if e:
            return e.name
    for m in _CHAIRED_BY.finditer(text):  # "The meeting was chaired by Councillor X."
        stop = re.search(r"[.;,\n(]", text[m.end():m.end() + 80])
        e = parse_entry(text, m.end(), m.end() + (stop.start() if stop else 80), allow_single=True)
        if e:
            return e.name
    attending = [e for b in blocks for g in b.groups if g.attendance != APOLOGIES for e in g.entries]
    for e in attending:
        if e.chair:
            return e.name
    for e in attending:  # "Trust Chair", "Chair of the Board": the post of chairing this body
        if e.role and _BODY_CHAIR.fullmatch(e.role.strip()):
            return e.name
    for e in singles:  # "Liam Coleman, Chairman" leading an item
        if e.chair and e.role and re.fullmatch(r"(?i)chair(?:man|woman|person)?", e.role):
            return e.name
    return None


def name_key(name: str) -> str:
    """Fold a name for comparison: case, punctuation and honorifics ignored."""
    words = re.findall(r"[a-z0-9]+", name.lower())
    return " ".join(w for w in words if w not in HONORIFICS | TITLES | POSTNOMINALS)


def same_person(a: str, b: str) -> bool:
    """"Smith" / "Mr Smith" / "A. Smith" / "Alan Smith" are one person; "Alan" and "Anne" Smith are not."""
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb or ka[-1] != kb[-1]:
        return False
    return all(x[0] == y[0] for x, y in zip(ka[:-1], kb[:-1], strict=False)) and (
        len(ka) == 1 or len(kb) == 1 or all(x == y or len(x) == 1 or len(y) == 1 for x, y in zip(ka[:-1], kb[:-1], strict=False)))


def _add(people: list[dict], index: dict[str, list[dict]], text: str, e: Entry, attendance: str, rule: str,
         weak: bool) -> None:
    key = name_key(e.name)
    if not key:
        return
    same = index.get(key) or [p for p in people if same_person(p["name"], e.name)]
    if same:
        if any(p["attendance"] == attendance for p in same):
            for p in same:
                if p["attendance"] == attendance and not p["role"] and e.role:
                    p["role"] = e.role
            return
        if rule.endswith("sentence") or rule == "minutes_label":
            if attendance == APOLOGIES:
                # a headless or membership-like list, with the apology minuted: one apologies entry
                for p in same:
                    if p["_weak"] and p["attendance"] == PRESENT:
                        p["attendance"] = APOLOGIES
                        p["rule"] += "+apologies_sentence"
                        return
            else:
                return
    p = {
        "name": e.name,
        "role": e.role,
        "role_abbr": e.role_abbr,
        "organisation": e.organisation,
        "attendance": attendance,
        "evidence": evidence(text, e.start, e.end),
        "rule": rule,
        "_weak": weak,
    }
    people.append(p)
    index.setdefault(key, []).append(p)
