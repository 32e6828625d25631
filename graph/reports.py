"""Tabular reports for people who live in spreadsheets: the recommendation tracker and the
action log, as rows of plain values, written as CSV, XLSX or a Markdown table.

Rows come from ``graph.analysis`` (itself over ``graph.queries``), so a tracker row says
exactly what the API and ``govgraph gaps`` say about the same recommendation.

>>> from govgraph.graph.embedded import EmbeddedStore
>>> import tempfile
>>> recommendation_tracker(EmbeddedStore(tempfile.mkdtemp()))
[]
>>> print(write_rows([{"ref": "3", "status": "answered"}], "md"), end="")
| ref | status |
| --- | --- |
| 3 | answered |
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from . import analysis
from .store import Store

TRACKER_COLUMNS = ("report", "ref", "text", "theme", "findings", "actions", "meetings_discussed",
                   "last_discussed", "latest_evidence_quote", "latest_evidence_date", "status", "id")
ACTION_COLUMNS = ("raised_at", "board", "text", "owner_role", "owner_person", "owner_text", "due", "updates",
                  "last_update", "last_update_text", "status", "age_meetings", "age_days", "id")


def _latest_quote(answered_by: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The latest words of evidence: the quote of the most recent answering finding or
    action, or update of such an action, by meeting date; and that date."""
    candidates = []
    for d in answered_by:
        for x in [d, *(d.get("updates") or [])]:
            quotes = [e["quote"] for e in x.get("evidence") or [] if e.get("quote")]
            date = (x.get("meeting") or {}).get("date") or ""
            if quotes:
                candidates.append((date, x["id"], quotes[0]))
    if not candidates:
        return None, None
    date, _, quote = max(candidates)
    return quote, date or None


def recommendation_tracker(store: Store, months: int = 12, today: str | None = None) -> list[dict[str, Any]]:
    """One row per recommendation: report, ref, text, theme, how many findings and actions
    answer it, at how many meetings it came up, when last, the latest words of evidence,
    and a status: ``unanswered`` (nothing answers it), ``stale`` (its last evidence is
    older than ``months`` before ``today``) or ``answered``.

    ``meetings_discussed`` counts the meetings that discussed the recommendation or where
    something answering it was recorded, raised or updated; ``last_discussed`` is the
    latest of their dates.
    """
    today = analysis.resolve_today(today)
    rows = []
    for r in analysis.recommendation_evidence(store, labels=("Recommendation",)):
        quote, quote_date = _latest_quote(r["answered_by"])
        if not r["answered_by"]:
            status = "unanswered"
        elif analysis.is_out_of_date(r["last_evidence"], today, months):
            status = "stale"
        else:
            status = "answered"
        rows.append({
            "report": (r["report"] or {}).get("title"), "ref": r["ref"], "text": r["text"], "theme": r["theme"],
            "findings": len(r["findings"]), "actions": len(r["actions"]),
            "meetings_discussed": len(r["meetings"]), "last_discussed": r["last_discussed"],
            "latest_evidence_quote": quote, "latest_evidence_date": quote_date,
            "status": status, "id": r["id"],
        })
    return rows


def action_log_rows(store: Store, today: str | None = None) -> list[dict[str, Any]]:
    """One row per action: when and where it was raised, its owner (the role, and the
    person who held it then or owns it directly), updates, current status and age.

    ``age_meetings`` is the number of meetings of the action's board held since its last
    update (or since it was raised) up to ``today``; ``age_days`` the days since then.
    For a completed action both stop at the update that completed it.
    """
    actions = analysis.action_ages(store, today)
    nodes = store.get_many([a["id"] for a in actions])
    rows = []
    for a in actions:
        role, people = analysis.owner_of(a)
        last = a["last_update"]
        done = a["status"] == "complete"
        rows.append({
            "raised_at": a["raised"], "board": (a.get("board") or {}).get("name"), "text": a["text"],
            "owner_role": (role or {}).get("abbr") or (role or {}).get("title"),
            "owner_person": "; ".join(p.get("name") or p["id"] for p in people) or None,
            "owner_text": a.get("owner_text"), "due": nodes[a["id"]].props.get("due") if a["id"] in nodes else None,
            "updates": len(a["updates"]),
            "last_update": last["date"] if last else None,
            "last_update_text": a["updates"][-1]["text"] if a["updates"] else None,
            "status": a["status"],
            "age_meetings": 0 if done else a["meetings_without_update"],
            "age_days": 0 if done else a["days_without_update"],
            "id": a["id"],
        })
    return rows


# -- writing ---------------------------------------------------------------------------

# Spreadsheet programs run a cell that starts with one of these as a formula; minutes are
# third-party text, so a CSV cell like that is prefixed with "'" (OWASP's advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters XML 1.0 (and so XLSX) cannot hold.
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    cols: dict[str, None] = {}
    for r in rows:
        for k in r:
            cols.setdefault(k, None)
    return list(cols)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: IO | str | Path | None = None,
               columns: Iterable[str] | None = None, formula_safe: bool = True) -> str | bytes | None:
    """Write rows as ``csv``, ``xlsx`` or ``md`` (a Markdown table).

    ``out`` is a path, or a stream (text for csv/md, binary for xlsx); with ``out=None``
    the content is returned instead (``bytes`` for xlsx). Columns are ``columns`` or the
    keys of the rows in first-seen order; lists are joined with "; ", None is empty.
    CSV cells that a spreadsheet would run as a formula are prefixed with "'"
    (``formula_safe``); XLSX cells are always written as text, never formulas.
    """
    rows = list(rows)
    cols = list(columns) if columns is not None else _columns(rows)
    if fmt == "csv":
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([_csv_safe(_cell(r.get(c))) if formula_safe else _cell(r.get(c)) for c in cols])
        data: str | bytes = buf.getvalue()
    elif fmt == "md":
        def md(v: Any) -> str:
            return str(_cell(v)).replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>") \
                .replace("\n", "<br>")

        lines = ["| " + " | ".join(md(c) for c in cols) + " |", "| " + " | ".join("---" for _ in cols) + " |"]
        lines += ["| " + " | ".join(md(r.get(c)) for c in cols) + " |" for r in rows]
        data = "\n".join(lines) + "\n"
    elif fmt == "xlsx":
        data = _xlsx(rows, cols)
    else:
        raise ValueError(f"unknown report format {fmt!r}; one of csv, xlsx, md")
    if out is None:
        return data
    if isinstance(out, (str, Path)):
        if isinstance(data, bytes):
            Path(out).write_bytes(data)
        else:
            Path(out).write_text(data, encoding="utf-8", newline="")
        return None
    try:
        out.write(data)
    except TypeError:
        if isinstance(data, bytes):
            raise TypeError("xlsx is binary: pass a binary stream or a path") from None
        out.write(data.encode("utf-8"))  # csv / md into a binary stream
    return None


def _xlsx(rows: list[dict[str, Any]], cols: list[str]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "report"
    ws.append(cols)
    for c in ws[1]:
        c.font = Font(bold=True)
    for i, r in enumerate(rows, start=2):
        for j, col in enumerate(cols, start=1):
            value = _cell(r.get(col))
            cell = ws.cell(row=i, column=j)
            if isinstance(value, str):
                value = _ILLEGAL_XLSX.sub("", value)
                cell.value = value
                cell.data_type = "s"  # openpyxl would otherwise make "=..." a formula
            else:
                cell.value = value
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


