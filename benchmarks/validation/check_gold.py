#!/usr/bin/env python3
"""Self-check for the validation gold files (stdlib only).

For every vNN.gold.json next to vNN.txt: every annotated string must occur in the
excerpt (text after the 3-line provenance header) once whitespace is folded
(line breaks, tabs, runs of spaces and NBSPs count as one space); enum values and
dates are checked for shape; every list field must be present.
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LISTS = ("participants", "items", "actions", "decisions", "recommendations", "previous_meeting_refs")


def fold(s: str) -> str:
    return re.sub(r"[\s\u00a0]+", " ", s).strip()


def main() -> int:
    bad = 0
    golds = sorted(HERE.glob("v*.gold.json"))
    for g in golds:
        txt = g.with_name(g.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        lines = txt.split("\n")
        assert lines[0].startswith("source: ") and lines[1].startswith("retrieved-as: ") and lines[2] == "", g
        body = fold("\n".join(lines[3:]))
        gold = json.loads(g.read_text(encoding="utf-8"))
        probs = []

        def need(label, s, body=body, probs=probs):
            if s is not None and fold(s) not in body:
                probs.append(f"{label}: {s!r}")

        for k in LISTS + ("meeting", "chair", "minute_taker", "_notes"):
            if k not in gold:
                probs.append(f"missing key {k}")
        m = gold.get("meeting") or {}
        need("body", m.get("body"))
        need("venue", m.get("venue"))
        if m.get("date") and not re.fullmatch(r"\d{4}-\d\d-\d\d", m["date"]):
            probs.append(f"date {m['date']}")
        if m.get("time") and not re.fullmatch(r"\d\d:\d\d", m["time"]):
            probs.append(f"time {m['time']}")
        need("chair", gold.get("chair"))
        need("minute_taker", gold.get("minute_taker"))
        for p in gold.get("participants", []):
            need("name", p["name"])
            need("role", p.get("role"))
            if p["attendance"] not in ("present", "apologies", "in_attendance"):
                probs.append(f"attendance {p}")
        for it in gold.get("items", []):
            need("item ref", it.get("ref"))
            need("item title", it["title"])
        for a in gold.get("actions", []):
            need("action", a["text"])
            need("owner", a.get("owner"))
            if a.get("status") not in ("open", "complete", "updated", None):
                probs.append(f"status {a}")
        for k in ("decisions", "recommendations"):
            for d in gold.get(k, []):
                need(k, d["text"])
        for r in gold.get("previous_meeting_refs", []):
            if not re.fullmatch(r"\d{4}-\d\d(-\d\d)?", r):
                probs.append(f"prev ref {r}")
        size = len("\n".join(lines[3:]).encode("utf-8"))
        status = "ok" if not probs else "FAIL"
        print(f"{g.name}: {status} ({size} bytes)")
        for p in probs:
            print("   ", p)
        bad += bool(probs)
    print(f"{len(golds)} gold files, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
