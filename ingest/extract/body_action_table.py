"""Flattened action trackers: one action per table row.

An action log is a table whose header names its columns in a small vocabulary
(Ref | Meeting date | Action | Owner | Due | Status | Update). Word and PDF exports
flatten it to tab-separated cells, or to fixed-width text where a cell wraps onto
the lines below. Rows are told apart from wrapped tails by their first cell, a log
number ("12", "01.05", "FA/21/07", "TB23/058", "A12"). A row's status comes from its
status cell (Closed / Complete / Ongoing / Open / RAG colour) read together with
its update or comment cell; see :func:`tracker_status`.

>>> action_table_header("Ref\\tMeeting date\\tAction\\tOwner\\tDue\\tStatus\\tUpdate")
{'id': 0, 'date': 1, 'action': 2, 'owner': 3, 'status': 5, 'update': 6}
>>> tracker_status("Open", "")
>>> tracker_status("Open", "Letter drafted; awaiting comments.")
'updated'
"""

from __future__ import annotations

import re

from .body_action_log import ctx_unit, record
from .body_action_status import status_of
from .body_context import BodyContext
from .body_lexicon import MONTHS, action_table_header, month_year, table_cells

# First cell of a row: a log number, not a wrapped tail of the cell above
_ROW_NO = re.compile(r"[A-Z]{0,6}[ /.-]?\d+(?:[./-]\d+)*[a-z]?\.?")
# Status words that say the action is still open without reporting anything done
_STILL_OPEN = re.compile(r"(?:open|red|amber|green|not started|overdue|outstanding)\.?", re.I)
_BLUE = re.compile(r"(?:blue|b)\.?", re.I)  # BRAG trackers mark completed actions blue


def tracker_status(status: str, update: str, action: str = "") -> str | None:
    """Status of a tracked action from its status cell and its update cell.

    A bare 'Open' / RAG colour reports nothing yet (None); with an update it is
    progress ('updated'); 'Closed'/'Complete'/blue close it. With no status column the
    update text alone decides (:func:`status_of`)."""
    status, update = status.strip(), update.strip()
    if _BLUE.fullmatch(status):
        return "complete"
    if _STILL_OPEN.fullmatch(status):
        if not update:
            return None
        closed = status.lower().startswith("green") and status_of(update, action) == "complete"
        return "complete" if closed else "updated"
    return status_of(f"{status}. {update}" if status and update else status or update, action)


def table_actions(ctx: BodyContext) -> list[dict]:
    """One action per row of an action-log table (tab-separated or fixed-width)."""
    lines = []
    pos = 0
    for line in ctx.text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    out: list[dict] = []
    for k, (_, line) in enumerate(lines):
        roles = action_table_header(line)
        if roles:
            tabbed = "\t" in line or line.count("|") >= 2
            out.extend(_table_rows(ctx, lines[k + 1:], table_cells(line), roles, tabbed))
    return out


def _cell_role(header: list[tuple[int, str, int]], roles: dict, col: int, index: int, tabbed: bool) -> str | None:
    if tabbed:
        k = index
    else:  # fixed width: the header column this text starts under
        k = 0
        for j, (hc, _, _) in enumerate(header):
            if hc <= col + 1:
                k = j
    return next((r for r, j in roles.items() if j == k), None)


def _raised(cell: str | None, ctx: BodyContext) -> str | None:
    """'24/03/2021' or 'March 2021' in a meeting-date column -> '2021-03' (UK day/month order)."""
    if not cell:
        return None
    m = re.search(r"\b\d{1,2}[/.](\d{1,2})[/.](\d{4}|\d{2})\b", cell)
    if m and 1 <= int(m.group(1)) <= 12:
        year = int(m.group(2)) + (2000 if len(m.group(2)) == 2 else 0)
        return f"{year:04d}-{int(m.group(1)):02d}"
    m = re.search(rf"\b({MONTHS})\w*\s+(\d{{4}})\b", cell, re.I)
    return month_year(m.group(1), m.group(2), ctx.meeting_date) if m else None


def _table_rows(ctx: BodyContext, lines, header, roles: dict, tabbed: bool) -> list[dict]:
    rows: list[dict] = []
    raised = None
    for start, line in lines:
        cells = table_cells(line)
        if not cells:
            break  # a blank line ends the table
        if len(cells) == 1 and re.fullmatch(rf"(?:{MONTHS})\s+\d{{4}}", cells[0][1], re.I):
            mon, year = cells[0][1].split()
            raised = month_year(mon, year, ctx.meeting_date)
            continue
        first_role = _cell_role(header, roles, cells[0][0], cells[0][2], tabbed)
        is_row = (first_role == "id" and _ROW_NO.fullmatch(cells[0][1])) or (tabbed and "id" not in roles and len(cells) >= 2)
        if is_row:
            rows.append({"line": start, "cells": {}, "status": [], "update": [], "raised": raised})
        elif not rows or all(not c.isalpha() or c.isupper() for c in line):
            continue  # header continuation ('DATE  DATE  COMMENT') or stray text
        row = rows[-1]
        for col, word, k in cells:
            role = _cell_role(header, roles, col, k, tabbed)
            if role in ("status", "update"):
                row[role].append(word)
            elif role and (role not in row["cells"]) and (is_row or role != "action"):
                row["cells"][role] = (col, word)
    recs = []
    for r in rows:
        act = r["cells"].get("action")
        if not act:
            continue
        s = r["line"] + act[0]
        e = s + len(act[1])
        owner = r["cells"].get("owner", (0, None))[1]
        status, update = " ".join(r["status"]), " ".join(r["update"])
        reported = "status" in roles or "update" in roles  # a tracker; otherwise a table of new actions
        recs.append(record(ctx, ctx_unit(ctx, s), s, e, "action_table_row", owner=owner,
                           status=tracker_status(status, update, act[1]) if reported else "open",
                           raised_at=_raised(r["cells"].get("date", (0, None))[1], ctx) or r["raised"],
                           update=" ".join(x for x in (status, update) if x) or None))
    return recs
