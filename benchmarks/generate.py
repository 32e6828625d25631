"""A seeded generator of realistic minutes, for benchmarks (never committed: written
to a cache folder).

Two styles, as in the corpus:

- **assurance** (the seed, examples/assurance-meeting-2018-07.txt): an OPCC holding-to-
  account meeting with an attendance list of names, titles and abbreviations; actions
  carried from earlier meetings ("Action arising from the June 2018 meeting:" with
  "Update:"); HMICFRS recommendations and questions with "Findings:" bullets; new
  "Actions Arising:"; the next meeting;
- **governance** (/work/shared/corpus/dev/d01.txt): a governance board's notes with
  "Name (XX) – Title" attendance, "Ref NN/DD/MM/YYYY" items, the action log reviewed
  ("Action arising from …" + "Update:"), "Decision:" lines and "ACTION:" lines.

Boards come in pairs per invented force (assurance, governance), meeting monthly. The
two boards of a force share its people, whose posts change hands over time (elections,
retirements, temporary cover); actions are carried forward until closed;
recommendations are revisited at later meetings, and national thematic reports'
recommendations are discussed by every force (long lineages).

Deterministic: every board is drawn from its own RNG seeded by (seed, board), so the
same seed gives byte-identical files, and the first ``k`` boards of a larger corpus are
the ``k``-board corpus. Next to each ``.txt`` the generator writes the extraction it
*means* (``govgraph.extraction/1`` with evidence offsets) so that the store can be
benchmarked without the extractor and the extractor checked against it.

    python -m benchmarks.generate --boards 4 --meetings 12 --seed 1
    python -m benchmarks.generate --check 20      # extract 20 documents, compare counts

>>> a = render_board(7, 0, 3)[2][0]; b = render_board(7, 0, 3)[2][0]
>>> a == b and 8_000 < len(a.encode()) < 14_000
True
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import hashlib
import json
import os
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import textbank as T

VERSION = 1  # bump when the output changes: cached corpora are keyed by it
DEFAULT_ROOT = Path(os.environ.get("GOVGRAPH_BENCH_CACHE", Path.home() / ".cache" / "govgraph")) / "bench-corpus"
MONTHS = list(calendar.month_name)[1:]
ASSURANCE_TYPES = ["Meeting Notes", "Performance meeting", "Holding to account meeting"]


def _rng(*parts: object) -> random.Random:
    return random.Random(hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest())


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    m = year * 12 + (month - 1) + n
    return m // 12, m % 12 + 1


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given weekday of a month (n=-1: the last)."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
    return days[n]


def _ordinal(d: int) -> str:
    return f"{d}{'th' if 11 <= d % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"


# ---------------------------------------------------------------------------------------
# People: an injective map from (force, n) to a name, so no two forces share a person.
_LAST2 = [""] + T.LAST
_NAME_SPACE = len(T.FIRST) * len(T.LAST) * len(_LAST2)
_PER_FORCE = 64


def person_name(force: int, n: int) -> str:
    k = (force * _PER_FORCE + n) * 7919 % _NAME_SPACE  # 7919 is prime, coprime with the space
    first, rest = divmod(k, len(T.LAST) * len(_LAST2))
    last, last2 = divmod(rest, len(_LAST2))
    # Most people have one surname; the double-barrelled tail keeps the space large.
    surname = T.LAST[last] if last2 % 5 else f"{T.LAST[last]}-{_LAST2[last2]}" if last2 else T.LAST[last]
    return f"{T.FIRST[first]} {surname}"


def initials(name: str) -> str:
    return "".join(p[0] for w in name.split() for p in w.split("-")).upper()


@dataclass
class Holder:
    name: str
    temporary: bool = False


@dataclass
class Force:
    """An invented force and OPCC: name, headquarters, and who held which post each month."""

    idx: int
    seed: int
    name: str = ""
    hq: str = ""
    room: str = ""
    start: tuple[int, int] = (2016, 1)
    timeline: list[dict[str, Holder]] = field(default_factory=list)
    _next_person: int = 0

    def __post_init__(self) -> None:
        rng = _rng(self.seed, "force", self.idx)
        p, s = self.idx % len(T.FORCE_PREFIX), (self.idx // len(T.FORCE_PREFIX)) % len(T.FORCE_SUFFIX)
        self.name = T.FORCE_PREFIX[p] + T.FORCE_SUFFIX[s]
        if self.idx >= len(T.FORCE_PREFIX) * len(T.FORCE_SUFFIX):
            self.name += f" and {T.FORCE_PREFIX[(self.idx // 7) % len(T.FORCE_PREFIX)]}land"
        self.hq = rng.choice(T.HQ)
        self.room = rng.choice(T.ROOMS)
        self.start = (2014 + rng.randrange(6), 1 + rng.randrange(12))
        self._rng = rng

    def _new_holder(self, current: dict[str, Holder]) -> str:
        taken = {initials(h.name) for h in current.values()}
        while self._next_person < _PER_FORCE:
            name = person_name(self.idx, self._next_person)
            self._next_person += 1
            if initials(name) not in taken:
                return name
        raise RuntimeError("person space of a force exhausted")

    def holders(self, k: int) -> dict[str, Holder]:
        """Who held each post in the force's k-th month (extends the timeline as needed)."""
        rng = self._rng
        while len(self.timeline) <= k:
            if not self.timeline:
                cur: dict[str, Holder] = {}
                for key, *_ in T.ROLES:
                    cur[key] = Holder(self._new_holder(cur))
            else:
                cur = dict(self.timeline[-1])
                year, month = _add_months(*self.start, len(self.timeline))
                for key, *_ in T.ROLES:
                    if self._next_person >= _PER_FORCE - 2:
                        break
                    if key in ("PCC", "DPCC"):
                        change = month == 5 and year in (2016, 2021, 2024) and rng.random() < 0.4
                    elif cur[key].temporary:
                        change = rng.random() < 0.25  # temporary cover ends: confirmed or replaced
                    else:
                        change = rng.random() < (0.015 if key == "CC" else 0.03)
                    if not change:
                        continue
                    if cur[key].temporary and rng.random() < 0.5:
                        cur[key] = Holder(cur[key].name)  # confirmed in post
                    else:
                        temp = key in ("CC", "DCC", "ACC1", "ACC2") and rng.random() < 0.3
                        cur[key] = Holder(self._new_holder(cur), temporary=temp)
                if cur["PCC"] != self.timeline[-1]["PCC"]:
                    cur["DPCC"] = Holder(self._new_holder(cur))  # a new PCC appoints a deputy
            self.timeline.append(cur)
        return self.timeline[k]


# ---------------------------------------------------------------------------------------
# Reports and recommendations.
@dataclass
class Rec:
    report: str
    ref: str
    text: str
    theme: str
    national: bool


def _rec_text(rng: random.Random) -> str:
    return (f"The force should {rng.choice(T.REC_VERB)} {rng.choice(T.REC_SUBJECT)} "
            f"{rng.choice(T.REC_ACTION)}{rng.choice(T.REC_PURPOSE)}.")


def national_recs(seed: int) -> dict[str, list[Rec]]:
    out = {}
    for title, themes in T.NATIONAL_REPORTS:
        rng = _rng(seed, "national", title)
        out[title] = [Rec(title, str(i), _rec_text(rng), rng.choice(themes), True) for i in range(1, rng.randint(4, 8))]
    return out


def force_recs(seed: int, force: Force, report: str, themes: list[str]) -> list[Rec]:
    rng = _rng(seed, "recs", force.idx, report)
    return [Rec(report, str(i), _rec_text(rng), rng.choice(themes), False) for i in range(1, rng.randint(4, 8))]


# ---------------------------------------------------------------------------------------
# Writing text while recording evidence spans.
class Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def line(self, s: str = "", prefix: str = "") -> dict:
        """Write ``prefix + s`` and a newline; evidence spans ``s`` only."""
        self.add(prefix)
        start, end = self.add(s)
        self.add("\n")
        return {"start": start, "end": end, "quote": s}

    def blank(self) -> None:
        self.add("\n")

    @property
    def text(self) -> str:
        return "".join(self.parts)


@dataclass
class OpenAction:
    text: str
    owner: str | None  # as written: a role abbreviation (assurance) or initials (governance)
    owner_key: str | None  # the post, so the owner follows it when the holder changes
    raised: tuple[int, int]
    item_no: str
    item_title: str
    answers: Rec | None = None
    age: int = 0


def _fill(template: str, rng: random.Random, **known: str) -> str:
    values = {
        "topic": rng.choice(T.TOPICS), "staff": rng.choice(T.STAFF), "pct": str(rng.randint(3, 97)),
        "num": str(rng.randint(2, 60)), "trend": rng.choice(["decrease", "increase"]),
        "money": f"{rng.randint(1, 9)}.{rng.randint(0, 999):03d}", "road": rng.choice(T.ROADS),
        "town": rng.choice(T.TOWNS), "system": rng.choice(T.SYSTEMS), "thing": rng.choice(T.GOV_THINGS),
        **known,
    }
    return template.format(**values)


# ---------------------------------------------------------------------------------------
class BoardSim:
    """One board's meetings, month after month, with what carries between them."""

    def __init__(self, seed: int, board: int) -> None:
        self.seed, self.board = seed, board
        self.style = "assurance" if board % 2 == 0 else "governance"
        self.force = Force(board // 2, seed)
        self.rng = _rng(seed, "board", board)
        self.name = (f"{self.force.name} Monthly Assurance Meeting" if self.style == "assurance"
                     else f"{self.force.name} Governance Board")
        self.open: list[OpenAction] = []
        self.national = national_recs(seed)
        self._force_recs: dict[str, list[Rec]] = {}
        self.visits: dict[tuple[str, str], int] = {}

    # dates ----------------------------------------------------------------------------
    def month(self, k: int) -> tuple[int, int]:
        return _add_months(*self.force.start, k)

    def date(self, k: int) -> dt.date:
        y, m = self.month(k)
        return _nth_weekday(y, m, 1, -1) if self.style == "assurance" else _nth_weekday(y, m, 2, 3)

    def month_text(self, ym: tuple[int, int]) -> str:
        return f"{MONTHS[ym[1] - 1]} {ym[0]}"

    # groups of the force ---------------------------------------------------------------
    def group(self, rng: random.Random) -> str:
        return rng.choice(T.GROUP).format(force=self.force.name)

    def reports(self, year: int, month: int) -> list[tuple[str, list[str], bool]]:
        """Reports published by this date: the force's own (a year after the inspection
        year) and national thematic reports."""
        out = []
        for y in range(2012, year):
            if y == year - 1 and month < 3:
                continue
            for pattern, themes in T.FORCE_REPORTS:
                if "Integrity" in pattern and y % 3:
                    continue
                out.append((f"HMICFRS {pattern.format(year=y)} – {self.force.name} Police", themes, False))
        for title, themes in T.NATIONAL_REPORTS:
            if int(title.rsplit(" ", 1)[1]) < year:
                out.append((title, themes, True))
        return out

    def recs_of(self, title: str, themes: list[str], national: bool) -> list[Rec]:
        if national:
            return self.national[title]
        if title not in self._force_recs:
            self._force_recs[title] = force_recs(self.seed, self.force, title, themes)
        return self._force_recs[title]

    # attendance ----------------------------------------------------------------------
    def attendance(self, k: int, rng: random.Random) -> tuple[list[tuple[str, Holder, str]], str, str]:
        """[(role key, holder, attendance)], chair key, minute-taker key."""
        holders = self.force.holders(k)
        if self.style == "assurance":
            keys = ["DPCC", "CC", "DCC", "CEx", "PCC"] + [x for x in ("ACC1", "Treasurer") if rng.random() < 0.3]
            chair, minutes = "DPCC", "PO"
        else:
            keys = ["PCC", "DPCC", "CEx", "Treasurer", "CC", "DCC", "ACC1", "ACC2", "DCS", "DBS"]
            chair, minutes = "PCC", "SEC"
        out = []
        for key in keys:
            away = key != chair and rng.random() < (0.5 if key == "PCC" and self.style == "assurance" else 0.1)
            out.append((key, holders[key], "apologies" if away else "present"))
        return out, chair, minutes

    # -------------------------------------------------------------------------------
    def meeting(self, k: int, target_bytes: int) -> tuple[str, dict]:
        rng = _rng(self.seed, "board", self.board, "meeting", k)
        if self.style == "assurance":
            return self._assurance(k, rng, target_bytes)
        return self._governance(k, rng, target_bytes)

    def _speaker(self, rng: random.Random, present: set[str]) -> str | None:
        keys = [x for x in ("CC", "DCC", "ACC1", "CEx", "DPCC") if x in present]
        return _abbr(rng.choice(keys)) if keys and rng.random() < 0.7 else None

    def _finding(self, rng: random.Random, speaker: str | None, ym: tuple[int, int]) -> tuple[str, str | None]:
        later = self.month_text(_add_months(*ym, rng.randint(1, 4)))
        if speaker:
            clause = _fill(rng.choice(T.FINDING_CLAUSE), rng, group=self.group(rng), month=later,
                           role=rng.choice(["ACC", "DCC", "CC"]))
            return f"The {speaker} {rng.choice(T.SPEAK_VERB)} {clause}.", None
        group = self.group(rng)
        text = _fill(rng.choice(T.FINDING_PLAIN), rng, group=group, role=rng.choice(["ACC", "DCC", "CC"]))
        return text, group if group in text else None

    def _update(self, a: OpenAction, rng: random.Random, ym: tuple[int, int], gov: bool) -> tuple[str, str]:
        done = a.age >= 6 or rng.random() < 0.5
        later = self.month_text(_add_months(*ym, rng.randint(1, 3)))
        date_text = f"{rng.randint(1, 28)} {MONTHS[ym[1] - 1]} {ym[0]}"
        if gov:
            pool = T.GOV_UPDATE_DONE if done else T.GOV_UPDATE_OPEN
        else:
            pool = T.UPDATE_DONE if done else T.UPDATE_OPEN
        return _fill(rng.choice(pool), rng, month=later, date_text=date_text), "complete" if done else "updated"

    # the assurance style ----------------------------------------------------------------
    def _assurance(self, k: int, rng: random.Random, target: int) -> tuple[str, dict]:
        w = Writer()
        ym, date = self.month(k), self.date(k)
        kind = ASSURANCE_TYPES[k % 3]
        title = f"{self.name} {self.month_text(ym)} – {kind}"
        people, chair_key, minutes_key = self.attendance(k, rng)
        holders = self.force.holders(k)
        present = {key for key, _, att in people if att == "present"}
        roles = {r[0]: r for r in T.ROLES}
        truth = _truth_skeleton()
        time = rng.choice(["10:00", "10:30", "14:00"])
        w.blank(), w.blank()
        ev = w.line(title)
        truth["meeting"] = {"title": title, "body": self.name, "date": date.isoformat(), "time": time,
                            "venue": f"{self.force.room} – {self.force.hq}", "evidence": ev}
        w.blank()
        w.line(f"Date: {date.strftime('%A')} {date.day} {MONTHS[date.month - 1]} @ {time}")
        w.blank()
        chair = holders[chair_key].name
        w.line(f"Chair: {chair}")
        w.blank()
        taker = holders[minutes_key].name
        w.add("Minutes: ")
        ev_taker = w.line(f"{taker}, Policy Officer, OPCC")
        w.blank()
        w.line(f"Venue {self.force.room} – {self.force.hq}")
        w.blank()
        w.line("Name: Capacity:")
        w.blank()
        truth["chair"], truth["minute_taker"] = chair, taker
        first_apology = True
        for i, (key, h, att) in enumerate(sorted(people, key=lambda p: p[2] == "apologies")):
            _, abbr, title_a, _, org = roles[key]
            abbr_p = f"T/{abbr}" if h.temporary and abbr else abbr
            title_p = f"Temporary {title_a}" if h.temporary else title_a
            label = "Attendance: " if i == 0 else ""
            if att == "apologies" and first_apology:
                label, first_apology = "Apologies: ", False
            line = f"{h.name} {title_p}" + (f" ({abbr_p})" if abbr_p else "")
            ev = w.line(line, prefix=label)
            truth["participants"].append({"name": h.name, "role": title_p, "role_abbr": abbr_p,
                                          "organisation": None, "attendance": att, "evidence": ev})
            w.blank()
        truth["participants"].append({"name": taker, "role": "Policy Officer", "role_abbr": None,
                                      "organisation": "OPCC", "attendance": "in_attendance", "evidence": ev_taker})
        w.blank()

        # 1: outstanding matters
        ev = w.line("1\tOUTSTANDING MATTERS / ITEMS BROUGHT FORWARD\tACTION")
        _item(truth, "1", "OUTSTANDING MATTERS / ITEMS BROUGHT FORWARD", None, ev)
        still_open = []
        if not self.open:
            w.line("No outstanding actions.", prefix="\t")
        for n, a in enumerate(self.open, 1):
            ref = f"1.{n}"
            raised_text = self.month_text(a.raised)
            head = f"Action arising from the {raised_text} meeting:"
            ev_i = w.line(head, prefix=f"{ref}\t")
            sub = f"Agenda item {a.item_no}: {a.item_title}"
            w.line(sub, prefix="\t")
            _item(truth, ref, f"{head} {sub}", "1", ev_i)
            ev_a = w.line(a.text, prefix="\t")
            w.line("Update:", prefix="\t")
            update, status = self._update(a, rng, ym, gov=False)
            w.line(update, prefix="\t")
            truth["actions"].append({"text": a.text, "owner": a.owner, "status": status, "update": update,
                                     "raised_at": f"{a.raised[0]}-{a.raised[1]:02d}", "item_ref": ref,
                                     "answers": None, "evidence": ev_a})
            if status != "complete":
                a.age += 1
                still_open.append(a)
            prev = f"{a.raised[0]}-{a.raised[1]:02d}"
            if prev not in truth["previous_meeting_refs"]:
                truth["previous_meeting_refs"].append(prev)
        new_actions: list[OpenAction] = []

        # 2: holding to account, filled to the target size
        ev = w.line("2\tHOLDING TO ACCOUNT")
        _item(truth, "2", "HOLDING TO ACCOUNT", None, ev)
        available = self.reports(*ym)
        sub = 0
        tail = 900
        used: set[str] = set()
        while sub < 2 or w.pos < target - tail:
            national = [r for r in available if r[2] and r[0] not in used]
            local = [r for r in available if not r[2] and r[0] not in used]
            if not (national or local):
                break
            sub += 1
            ref = f"2.{sub}"
            pick = (rng.choice(national) if national and (rng.random() < 0.25 or not local)
                    else rng.choice(local[-9:]))
            report_title, themes, is_nat = pick
            used.add(report_title)
            ev = w.line(report_title, prefix=f"{ref}\t")
            _item(truth, ref, report_title, "2", ev)
            if not is_nat and rng.random() < 0.3:
                self._questions(w, truth, rng, ref, report_title, ym, present)
            else:
                self._recs(w, truth, rng, ref, report_title, themes, is_nat, ym, present, new_actions)

        # 3: risks, with new actions
        ev = w.line("3\tOPERATIONAL AND REPUTATIONAL OPPORTUNITIES AND RISKS")
        _item(truth, "3", "OPERATIONAL AND REPUTATIONAL OPPORTUNITIES AND RISKS", None, ev)
        for _ in range(rng.randint(1, 2)):
            day = f"{rng.randint(1, 28)} {MONTHS[ym[1] - 1]} {ym[0]}"
            w.line(_fill(rng.choice(T.RISK_PARA), rng, day_text=day,
                         month=self.month_text(_add_months(*ym, rng.randint(1, 3)))), prefix="\t")
        w.line("Actions Arising:", prefix="\t")
        for _ in range(1 + (rng.random() < 0.3)):
            a = self._new_action(rng, ym, "3", "Operational and reputational opportunities and risks", None, present,
                                 new_actions)
            ev = w.line(a.text, prefix="\t")
            truth["actions"].append({"text": a.text, "owner": a.owner, "status": "open", "update": None,
                                     "raised_at": None, "item_ref": "3", "answers": None, "evidence": ev})
            new_actions.append(a)
        for n, head, body in ((4, "CHIEF OFFICER MEETING / EXECUTIVE BOARD - UPDATE", "No items to update"),
                              (5, "AOB", "None")):
            ev = w.line(f"{n}\t{head}")
            _item(truth, str(n), head, None, ev)
            w.line(body, prefix="\t")
        ev = w.line("6\tCONFIRMATION OF NEXT MEETING TYPE / DATE / TIME / VENUE:")
        _item(truth, "6", "CONFIRMATION OF NEXT MEETING TYPE / DATE / TIME / VENUE:", None, ev)
        nxt = self.date(k + 1)
        nxt_type = ASSURANCE_TYPES[(k + 1) % 3]
        nxt_type = "Assurance meeting" if nxt_type == "Meeting Notes" else nxt_type
        w.line(nxt_type, prefix="\t")
        venue = f"{self.force.room}, {self.force.hq}"
        w.line(f"{nxt.strftime('%A')} {nxt.day} {MONTHS[nxt.month - 1]} {nxt.year}, {time}, {venue}", prefix="\t")
        truth["next_meeting"] = {"date": nxt.isoformat(), "time": time, "venue": venue, "type": nxt_type}
        self.open = still_open + new_actions
        return w.text, truth

    def _recs(self, w: Writer, truth: dict, rng: random.Random, ref: str, report: str, themes: list[str],
              national: bool, ym: tuple[int, int], present: set[str], new_actions: list[OpenAction]) -> None:
        recs = self.recs_of(report, themes, national)
        chosen = sorted(rng.sample(recs, min(len(recs), rng.randint(1, 3))), key=lambda r: int(r.ref))
        theme = None
        for rec in chosen:
            if rec.theme != theme:
                theme = rec.theme
                w.blank()
                w.line(theme)
            w.blank()
            ev = w.line(f"{rec.ref}. {rec.text}")
            rid = f"r{len(truth['recommendations']) + 1}"
            truth["recommendations"].append({"id": rid, "ref": rec.ref, "text": rec.text, "source": report,
                                             "theme": rec.theme, "item_ref": ref, "evidence": _sub(ev, len(rec.ref) + 2)})
            self.visits[(report, rec.ref)] = self.visits.get((report, rec.ref), 0) + 1
            self._findings(w, truth, rng, ref, rid, ym, present)
            if rng.random() < 0.08:
                w.blank()
                w.line("Actions Arising:")
                a = self._new_action(rng, ym, ref, report, rec, present, new_actions)
                ev = w.line(a.text, prefix="- ")
                truth["actions"].append({"text": a.text, "owner": a.owner, "status": "open", "update": None,
                                         "raised_at": None, "item_ref": ref, "answers": rid, "evidence": ev})
                new_actions.append(a)
        w.blank()

    def _questions(self, w: Writer, truth: dict, rng: random.Random, ref: str, report: str,
                   ym: tuple[int, int], present: set[str]) -> None:
        for letter in "ab"[: rng.randint(1, 2)]:
            role = rng.choice(["CC", "DCC", "CC"])
            q = _fill(rng.choice(T.QUESTION), rng, role=role)
            w.blank()
            ev = w.line(f"{letter}. {q}")
            qid = f"q{len(truth['questions']) + 1}"
            asked_of = role if f"the {role} " in q else None
            truth["questions"].append({"id": qid, "ref": letter, "text": q, "asked_by": None, "asked_of": asked_of,
                                       "source": report, "item_ref": ref, "evidence": _sub(ev, 3)})
            self._findings(w, truth, rng, ref, qid, ym, present)
        w.blank()

    def _findings(self, w: Writer, truth: dict, rng: random.Random, ref: str, answers: str,
                  ym: tuple[int, int], present: set[str]) -> None:
        w.blank()
        w.line("Findings:")
        w.blank()
        seen = {f["text"] for f in truth["findings"]}
        for _ in range(rng.randint(2, 5)):
            speaker = self._speaker(rng, present)
            text, group = self._finding(rng, speaker, ym)
            if text in seen:
                continue
            seen.add(text)
            ev = w.line(text, prefix="- ")
            truth["findings"].append({"id": f"f{len(truth['findings']) + 1}", "text": text, "answers": answers,
                                      "speaker": speaker, "item_ref": ref, "evidence": ev})
            if group and group not in {b["name"] for b in truth["bodies_mentioned"]}:
                chair = text.rsplit("chaired by the ", 1)[1].rstrip(".") if "chaired by the " in text else None
                truth["bodies_mentioned"].append({"name": group, "chair": chair})

    def _new_action(self, rng: random.Random, ym: tuple[int, int], item_no: str, item_title: str,
                    rec: Rec | None, present: set[str], new: list[OpenAction]) -> OpenAction:
        taken = {a.text for a in self.open + new}
        while True:  # an action is its board, month and text: two equal texts would be one action
            key = rng.choice([x for x in ("CC", "DCC", "ACC1", "CEx") if x in present] or ["CC"])
            role = _abbr(key)
            nxt = self.month_text(_add_months(*ym, 1)).split()[0]
            template = rng.choice(T.ACTION)
            text = _fill(template, rng, role=role, next_month=nxt, group=self.group(rng))
            text = text[0].upper() + text[1:]
            if text not in taken:
                break
        owner = None if "to be provided" in template else role
        return OpenAction(text, owner, key if owner else None, ym, item_no, item_title, rec)

    # the governance style ---------------------------------------------------------------
    def _governance(self, k: int, rng: random.Random, target: int) -> tuple[str, dict]:
        w = Writer()
        ym, date = self.month(k), self.date(k)
        people, chair_key, minutes_key = self.attendance(k, rng)
        holders = self.force.holders(k)
        roles = {r[0]: r for r in T.ROLES}
        truth = _truth_skeleton()
        dtext = f"{date.strftime('%A')} {_ordinal(date.day)} {MONTHS[date.month - 1]} {date.year}"
        venue = f"{self.force.room}, {self.force.hq}"
        ev = w.line(self.name)
        truth["meeting"] = {"title": None, "body": self.name, "date": date.isoformat(), "time": "14:00",
                            "venue": venue, "evidence": ev}
        w.blank()
        w.line("Notes of Meeting")
        w.blank()
        w.line(f"{dtext}, 14:00-17:00")
        w.blank()
        w.line(venue)
        w.blank()
        w.blank()
        w.line("Present:")
        w.blank()
        ini_of: dict[str, str] = {}
        for key, h, _att in people:
            ini_of[key] = initials(h.name)
        for group in ("present", "apologies"):
            rows = [p for p in people if p[2] == group]
            if group == "apologies":
                if not rows:
                    break
                w.blank()
                w.line("Apologies:")
                w.blank()
            for key, h, att in rows:
                t = roles[key][3]
                t = f"T/{t}" if h.temporary else t
                chair = " Chair" if key == chair_key else ""
                ev = w.line(f"{h.name} ({ini_of[key]}){chair} – {t}")
                truth["participants"].append({"name": h.name, "role": t, "role_abbr": None, "organisation": None,
                                              "attendance": att, "evidence": ev})
            if group == "present":
                taker = holders[minutes_key].name
                ev = w.line(f"{taker} (minutes) – Secretary")
                truth["participants"].append({"name": taker, "role": "Secretary", "role_abbr": None,
                                              "organisation": None, "attendance": "present", "evidence": ev})
        truth["chair"], truth["minute_taker"] = holders[chair_key].name, holders[minutes_key].name
        w.blank()
        w.blank()
        present = {key for key, _, att in people if att == "present"}
        n = 0

        def ref_line() -> str:
            nonlocal n
            n += 1
            w.blank()
            ref = f"Ref {n:02d}/{date.day:02d}/{date.month:02d}/{date.year}"
            w.line(ref)
            w.blank()
            return ref

        ref = ref_line()
        ev = w.line("Introduction / Attendance / Apologies.")
        _item(truth, ref, "Introduction / Attendance / Apologies.", None, ev)
        w.blank()
        w.line("Introductions were made and apologies noted.")

        ref = ref_line()
        prev = self.date(k - 1) if k > 0 else None
        prev_text = (f"{_ordinal(prev.day)} {MONTHS[prev.month - 1]} {prev.year}" if prev else "")
        head = f"Minutes and Action Log for the meeting held on {prev_text}." if prev else "Minutes and Action Log."
        ev = w.line(head)
        _item(truth, ref, head, None, ev)
        if prev:
            truth["previous_meeting_refs"].append(prev.isoformat())
        w.blank()
        w.line("The minutes were recorded as an accurate record.")
        still_open = []
        if self.open:
            w.line("The action log was reviewed:")
        else:
            w.line("The action log was updated.")
        for a in self.open:
            w.blank()
            ev = w.line(a.text, prefix=f"Action arising from the {self.month_text(a.raised)} meeting: ")
            update, status = self._update(a, rng, ym, gov=True)
            w.line(update, prefix="Update: ")
            truth["actions"].append({"text": a.text, "owner": a.owner, "status": status, "update": update,
                                     "raised_at": f"{a.raised[0]}-{a.raised[1]:02d}", "item_ref": ref,
                                     "answers": None, "evidence": ev})
            if status != "complete":
                a.age += 1
                still_open.append(a)
        new_actions: list[OpenAction] = []
        items = list(T.GOV_ITEMS)
        rng.shuffle(items)
        fy = f"{ym[0] if ym[1] >= 4 else ym[0] - 1}-{(ym[0] + 1 if ym[1] >= 4 else ym[0]) % 100:02d}"
        quarter = f"Q{((ym[1] - 4) % 12) // 3 + 1}"
        tail = 400
        for i, (title_t, topic) in enumerate(items):
            if i >= 2 and w.pos >= target - tail:
                break
            ref = ref_line()
            title = title_t.format(fy=fy, quarter=quarter)
            ev = w.line(title)
            _item(truth, ref, title, None, ev)
            w.blank()
            w.line(f"The {title.split(' – ')[0]} paper was presented and discussed. "
                   + _fill(rng.choice(T.GOV_PURPOSE), rng, month=self.month_text(_add_months(*ym, 2))))
            w.blank()
            for b in rng.sample(T.GOV_BULLETS[topic], min(len(T.GOV_BULLETS[topic]), rng.randint(2, 4))):
                role = _abbr(rng.choice(["PCC", "CC", "CEx", "DCC"]))
                w.line(_fill(b, rng, role=role, month=self.month_text(_add_months(*ym, 2))), prefix="  • ")
            if "Decision" in title or rng.random() < 0.3:
                w.blank()
                d = _fill(rng.choice(T.GOV_DECISION), rng, month=self.month_text(_add_months(*ym, 2)))
                ev = w.line(d, prefix="Decision: ")
                truth["decisions"].append({"text": d, "item_ref": ref, "evidence": ev})
            if rng.random() < 0.18:
                keys = [x for x in ("CEx", "Treasurer", "DCC", "ACC1", "ACC2", "DCS", "DBS") if x in present]
                taken = {a.text for a in self.open + new_actions}
                while True:
                    k1, k2 = rng.sample(keys, 2)
                    template = rng.choice(T.GOV_ACTION)
                    text = _fill(template, rng, ini=ini_of[k1], ini2=ini_of[k2])
                    if text not in taken:
                        break
                owner = f"{ini_of[k1]} and {ini_of[k2]}" if "{ini2}" in template else ini_of[k1]
                ev = w.line(text, prefix="  • ACTION: ")
                truth["actions"].append({"text": text, "owner": owner, "status": "open", "update": None,
                                         "raised_at": None, "item_ref": ref, "answers": None, "evidence": ev})
                new_actions.append(OpenAction(text, owner, k1, ym, ref, title))
        ref = ref_line()
        ev = w.line("Any Other Business.")
        _item(truth, ref, "Any Other Business.", None, ev)
        w.blank()
        w.line("None.")
        w.blank()
        nxt = self.date(k + 1)
        w.line(f"Date of next meeting: {nxt.strftime('%A')} {_ordinal(nxt.day)} {MONTHS[nxt.month - 1]} {nxt.year}, "
               f"14:00, {venue}.")
        truth["next_meeting"] = {"date": nxt.isoformat(), "time": "14:00", "venue": venue, "type": None}
        self.open = still_open + new_actions
        return w.text, truth


def _abbr(key: str) -> str:
    return {"ACC1": "ACC", "ACC2": "ACC"}.get(key, key)


def _sub(ev: dict, skip: int) -> dict:
    """Evidence for the text after a printed enumerator ("3. The force …")."""
    return {"start": ev["start"] + skip, "end": ev["end"], "quote": ev["quote"][skip:]}


def _item(truth: dict, ref: str, title: str, parent: str | None, ev: dict) -> None:
    truth["items"].append({"ref": ref, "title": title, "parent_ref": parent, "evidence": ev})


def _truth_skeleton() -> dict:
    return {"schema": "govgraph.extraction/1", "document": {}, "meeting": {}, "participants": [], "chair": None,
            "minute_taker": None, "items": [], "actions": [], "decisions": [], "recommendations": [],
            "questions": [], "findings": [], "bodies_mentioned": [], "previous_meeting_refs": [],
            "next_meeting": None}


# ---------------------------------------------------------------------------------------
def render_board(seed: int, board: int, meetings: int, kb: float = 10.0) -> tuple[str, str, list[str], list[dict]]:
    """(board name, style, texts, truths) of one board's first ``meetings`` meetings."""
    sim = BoardSim(seed, board)
    texts, truths = [], []
    for k in range(meetings):
        text, truth = sim.meeting(k, int(kb * 1024))
        texts.append(text)
        truths.append(truth)
    return sim.name, sim.style, texts, truths


COUNT_KEYS = ("participants", "items", "actions", "decisions", "recommendations", "questions", "findings")


def counts(extraction: dict) -> dict[str, int]:
    return {k: len(extraction.get(k) or []) for k in COUNT_KEYS}


@dataclass
class Corpus:
    """A generated corpus on disk: ``docs/`` (minutes) and ``truth/`` (the intended extraction)."""

    root: Path
    seed: int
    meetings: int
    kb: float

    def board_dir(self, board: int) -> Path:
        return self.root / "docs" / f"b{board:04d}"

    def ensure(self, boards: int) -> list[Path]:
        """Write any boards not yet on disk; return the documents of the first ``boards``."""
        files: list[Path] = []
        for b in range(boards):
            d = self.board_dir(b)
            marker = d / ".complete"
            if not marker.exists():
                self._write_board(b)
            files.extend(sorted(d.glob("*.txt")))
        return files

    def _write_board(self, b: int) -> None:
        name, style, texts, truths = render_board(self.seed, b, self.meetings, self.kb)
        d, t = self.board_dir(b), self.root / "truth" / f"b{b:04d}"
        d.mkdir(parents=True, exist_ok=True)
        t.mkdir(parents=True, exist_ok=True)
        entries = []
        for k, (text, truth) in enumerate(zip(texts, truths, strict=True)):
            fname = f"{truth['meeting']['date']}-{style}.txt"
            data = text.encode("utf-8")
            (d / fname).write_bytes(data)
            sha = hashlib.sha256(data).hexdigest()
            truth["document"] = {"source": f"b{b:04d}/{fname}", "sha256": sha, "format": "txt"}
            (t / (fname[:-4] + ".json")).write_text(json.dumps(truth, ensure_ascii=False, sort_keys=True) + "\n",
                                                    encoding="utf-8")
            entries.append({"file": fname, "meeting": k, "sha256": sha, "bytes": len(data), **counts(truth)})
        (t / "board.json").write_text(json.dumps({"board": b, "name": name, "style": style, "documents": entries},
                                                 indent=1, sort_keys=True) + "\n", encoding="utf-8")
        (d / ".complete").write_text("")

    def truths(self, boards: int) -> Iterable[dict]:
        """The intended extraction of each document of the first ``boards`` boards, in file order."""
        self.ensure(boards)
        for b in range(boards):
            for f in sorted((self.root / "truth" / f"b{b:04d}").glob("*.json")):
                if f.name != "board.json":
                    yield json.loads(f.read_text(encoding="utf-8"))


def corpus(seed: int = 1, meetings: int = 50, kb: float = 10.0, root: Path | None = None) -> Corpus:
    """The cached corpus for these parameters (boards are generated on demand)."""
    root = Path(root or DEFAULT_ROOT) / f"v{VERSION}-s{seed}-m{meetings}-k{kb:g}"
    return Corpus(root, seed, meetings, kb)


def scale(n_meetings: int, meetings_per_board: int = 50) -> int:
    """Boards needed for ``n_meetings`` meetings."""
    return max(1, -(-n_meetings // meetings_per_board))


# ---------------------------------------------------------------------------------------
def check(files: list[Path], c: Corpus) -> list[dict]:
    """Extract documents with the current extractor and compare counts with the truth."""
    from govgraph.ingest.extract.pipeline import extract_document
    from govgraph.ingest.readers import read_document

    rows = []
    for f in files:
        truth_file = c.root / "truth" / f.parent.name / (f.stem + ".json")
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        got = extract_document(read_document(f))
        rows.append({"file": f"{f.parent.name}/{f.name}", "truth": counts(truth), "got": counts(got),
                     "meeting_date": (got.get("meeting") or {}).get("date"),
                     "truth_date": truth["meeting"]["date"],
                     "body": (got.get("meeting") or {}).get("body"), "truth_body": truth["meeting"]["body"]})
    return rows


def print_check(rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"extractor vs generated truth ({len(rows)} documents): extracted / intended")
    table.add_column("field")
    table.add_column("extracted", justify="right")
    table.add_column("intended", justify="right")
    table.add_column("ratio", justify="right")
    table.add_column("docs exact", justify="right")
    for k in COUNT_KEYS:
        got = sum(r["got"][k] for r in rows)
        want = sum(r["truth"][k] for r in rows)
        exact = sum(r["got"][k] == r["truth"][k] for r in rows)
        table.add_row(k, str(got), str(want), f"{got / want:.2f}" if want else "-", f"{exact}/{len(rows)}")
    dates = sum(r["meeting_date"] == r["truth_date"] for r in rows)
    bodies = sum((r["body"] or "").casefold() == r["truth_body"].casefold() for r in rows)
    table.add_row("meeting.date", "", "", "", f"{dates}/{len(rows)}")
    table.add_row("meeting.body", "", "", "", f"{bodies}/{len(rows)}")
    Console().print(table)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    p.add_argument("--boards", type=int, default=2)
    p.add_argument("--meetings", type=int, default=50, help="meetings per board (monthly)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--kb", type=float, default=10.0, help="target size of a document in KB")
    p.add_argument("--root", type=Path, default=None, help=f"cache root (default {DEFAULT_ROOT})")
    p.add_argument("--check", type=int, default=0, metavar="N",
                   help="extract N documents (spread over the boards) and compare counts with the truth")
    args = p.parse_args(argv)
    c = corpus(args.seed, args.meetings, args.kb, args.root)
    files = c.ensure(args.boards)
    size = sum(f.stat().st_size for f in files)
    print(f"{len(files)} documents, {size / 1e6:.1f} MB ({size / max(1, len(files)) / 1024:.1f} KB each) in {c.root}")
    if args.check:
        step = max(1, len(files) // args.check)
        print_check(check(files[::step][: args.check], c))
    return 0


if __name__ == "__main__":
    sys.exit(main())
