"""Data for the viz tests (fixtures in conftest.py; also used by shots.py): the seed + test series minutes, and a hand-made graph.

``load_series`` loads the July 2018 seed and the June/August test series, either
through ``ingest_paths`` (the whole pipeline) or from their gold extractions
(``ingest_extraction``: the real resolver and store, with each record's evidence located
in the document's text, as the extractor gives it). The builder tests use the gold
route, so they check the views whatever state the extractor is in; the browser test
of the lineage page uses the whole pipeline.

``hostile_batch`` adds a finding to a recommendation whose text, quote and source carry
script and markup: every view must show it as text.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from govgraph.graph.model import GraphBatch, Label, NodeRec, Rel, RelRec, make_id
from govgraph.graph.store import Store

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
SERIES = TESTS / "fixtures" / "series"
SEED_TXT = ROOT / "examples" / "assurance-meeting-2018-07.txt"
DOCS = [
    (SERIES / "assurance-meeting-2018-06.txt", SERIES / "assurance-meeting-2018-06.gold.json"),
    (SEED_TXT, TESTS / "fixtures" / "assurance-meeting-2018-07.gold.json"),
    (SERIES / "assurance-meeting-2018-08.txt", SERIES / "assurance-meeting-2018-08.gold.json"),
]
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = f"The DCC said {SCRIPT} and {IMG} about OC16."
HOSTILE_SOURCE = f"minutes-{IMG}.txt"


def oc16(store: Store) -> NodeRec | None:
    """The OC16 recommendation (HMICFRS PEEL Effectiveness 2017, recommendation 3)."""
    return next((r for r in store.find(Label.RECOMMENDATION) if "OC16" in str(r.props.get("text") or "")), None)


def _folded(text: str) -> str:
    return " ".join(text.split())


def _with_evidence(record: dict, text: str, key: str = "text") -> None:
    value = record.get(key)
    if not isinstance(value, str) or not value:
        return
    pattern = r"\s+".join(re.escape(w) for w in value.split())
    m = re.search(pattern, text)
    if m:
        record["evidence"] = {"start": m.start(), "end": m.end(), "quote": _folded(m.group(0))}


def gold_extraction(txt: Path, gold: Path) -> dict:
    """A document's gold extraction with its real path and hash, and evidence spans."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    text = txt.read_text(encoding="utf-8")
    data["document"] = {"source": str(txt.resolve()), "sha256": hashlib.sha256(txt.read_bytes()).hexdigest(),
                        "format": "txt"}
    for section in ("recommendations", "questions", "findings", "actions", "decisions"):
        for rec in data.get(section) or []:
            _with_evidence(rec, text)
    return data


def load_series(store: Store, via: str = "gold") -> None:
    """Load the seed + series minutes: ``via="text"`` through ``ingest_paths`` (reader,
    extractor, resolver, store), ``via="gold"`` from their gold extractions (resolver and
    store only: the same graph whatever state the extractor is in)."""
    from govgraph.ingest.load import ingest_extraction, ingest_paths

    if via == "text":
        report = ingest_paths([txt for txt, _ in DOCS], store, progress=False)
        assert report.ok, report.errors
        return
    for txt, gold in DOCS:
        r = ingest_extraction(gold_extraction(txt, gold), store)
        assert r.ok, r.errors


def hostile_batch(rec_id: str, meeting_id: str) -> GraphBatch:
    """A finding answering ``rec_id`` whose text, quote and source are hostile markup."""
    sha = "f" * 64
    doc = NodeRec(Label.DOCUMENT, make_id(Label.DOCUMENT, sha),
                  {"sha256": sha, "source": HOSTILE_SOURCE, "format": "txt", "title": f"Minutes {SCRIPT}"})
    fnd = make_id(Label.FINDING, meeting_id, HOSTILE_TEXT)
    nodes = [
        NodeRec(Label.RECOMMENDATION, rec_id, {}),
        NodeRec(Label.MEETING, meeting_id, {}),
        NodeRec(Label.FINDING, fnd, {"text": HOSTILE_TEXT}),
    ]
    rels = [
        RelRec(Rel.ANSWERS, fnd, rec_id),
        RelRec(Rel.RECORDED_AT, fnd, meeting_id),
        RelRec(Rel.EVIDENCED_BY, fnd, doc.id, {"start": 0, "end": len(HOSTILE_TEXT), "quote": HOSTILE_TEXT}),
    ]
    return GraphBatch(doc, nodes, rels)


# -- a small hand-made graph: every kind of node and link the views draw --------------

BOARD = make_id(Label.BOARD, "assurance")
M6, M7, M8 = (make_id(Label.MEETING, "assurance", m) for m in ("2018-06", "2018-07", "2018-08"))
RPT = make_id(Label.REPORT, "HMICFRS PEEL Effectiveness 2017")
REC = make_id(Label.RECOMMENDATION, RPT, "3")
DCC = make_id(Label.ROLE, "assurance", "DCC")
CC = make_id(Label.ROLE, "assurance", "CC")
AMANDA = make_id(Label.PERSON, "Amanda Blakeman")
ANTHONY = make_id(Label.PERSON, "Anthony Bangham")
TRACEY = make_id(Label.PERSON, "Tracey Onslow")
F1 = make_id(Label.FINDING, M7, "f1")
F2 = make_id(Label.FINDING, M8, "f2")
A1 = make_id(Label.ACTION, "assurance", "2018-06", "a1")
A2 = make_id(Label.ACTION, "assurance", "2018-07", "a2")
U1 = make_id(Label.UPDATE, A1, M7)
U2 = make_id(Label.UPDATE, A1, M8)
QUOTE_F1 = "The DCC confirmed that work was being undertaken to better understand OC16."


def hand_batch() -> GraphBatch:
    sha = "e" * 64
    doc = NodeRec(Label.DOCUMENT, make_id(Label.DOCUMENT, sha),
                  {"sha256": sha, "source": "minutes/assurance-2018.txt", "format": "txt", "title": "Assurance minutes"})
    n = NodeRec
    nodes = [
        n(Label.BOARD, BOARD, {"name": "Monthly Assurance Meeting"}),
        n(Label.MEETING, M6, {"date": "2018-06-26", "body": "Monthly Assurance Meeting", "title": "June 2018"}),
        n(Label.MEETING, M7, {"date": "2018-07-31", "body": "Monthly Assurance Meeting", "title": "July 2018"}),
        n(Label.MEETING, M8, {"date": "2018-08-28", "body": "Monthly Assurance Meeting", "title": "August 2018"}),
        n(Label.REPORT, RPT, {"title": "HMICFRS PEEL Effectiveness 2017"}),
        n(Label.RECOMMENDATION, REC, {"ref": "3", "text": "The force should understand its use of OC16."}),
        n(Label.ROLE, DCC, {"abbr": "DCC", "title": "Deputy Chief Constable"}),
        n(Label.ROLE, CC, {"abbr": "CC", "title": "Chief Constable"}),
        n(Label.PERSON, AMANDA, {"name": "Amanda Blakeman"}),
        n(Label.PERSON, ANTHONY, {"name": "Anthony Bangham"}),
        n(Label.PERSON, TRACEY, {"name": "Tracey Onslow"}),
        n(Label.FINDING, F1, {"text": QUOTE_F1}),
        n(Label.FINDING, F2, {"text": "An audit of OC16 outcomes was completed."}),
        n(Label.ACTION, A1, {"text": "DCC to report on OC16 use", "status": "open", "owner": "DCC"}),
        n(Label.ACTION, A2, {"text": "CC to brief the DPCC on knife crime", "status": "open", "owner": "CC"}),
        n(Label.UPDATE, U1, {"text": "Work continues on OC16.", "status": "updated"}),
        n(Label.UPDATE, U2, {"text": "The OC16 report was delivered.", "status": "complete"}),
    ]
    r = RelRec
    rels = [
        r(Rel.OF_BOARD, M6, BOARD), r(Rel.OF_BOARD, M7, BOARD), r(Rel.OF_BOARD, M8, BOARD),
        r(Rel.NEXT, M6, M7), r(Rel.NEXT, M7, M8),
        r(Rel.ISSUED_IN, REC, RPT), r(Rel.DISCUSSED_AT, REC, M7), r(Rel.DISCUSSED_AT, REC, M8),
        r(Rel.ANSWERS, F1, REC), r(Rel.RECORDED_AT, F1, M7), r(Rel.STATED_BY, F1, DCC),
        r(Rel.ANSWERS, F2, REC), r(Rel.RECORDED_AT, F2, M8),
        r(Rel.ANSWERS, A1, REC), r(Rel.RAISED_AT, A1, M6), r(Rel.OWNED_BY, A1, DCC),
        r(Rel.RAISED_AT, A2, M7), r(Rel.OWNED_BY, A2, CC),
        r(Rel.UPDATES, U1, A1), r(Rel.RECORDED_AT, U1, M7),
        r(Rel.UPDATES, U2, A1), r(Rel.RECORDED_AT, U2, M8),
        r(Rel.HELD, AMANDA, DCC, {"from": "2018-06-26", "to": "2018-08-28"}),
        r(Rel.HELD, ANTHONY, CC, {"from": "2018-07-31", "to": "2018-07-31"}),
        r(Rel.ATTENDED, AMANDA, M6, {"attendance": "present"}), r(Rel.ATTENDED, AMANDA, M7, {"attendance": "present"}),
        r(Rel.ATTENDED, AMANDA, M8, {"attendance": "present"}), r(Rel.ATTENDED, ANTHONY, M7, {"attendance": "present"}),
        r(Rel.ATTENDED, ANTHONY, M8, {"attendance": "apologies"}), r(Rel.ATTENDED, TRACEY, M7, {"attendance": "present"}),
        r(Rel.CHAIRED, TRACEY, M6), r(Rel.CHAIRED, TRACEY, M7), r(Rel.CHAIRED, TRACEY, M8),
        r(Rel.CHAIRED_BY, BOARD, CC),
        r(Rel.EVIDENCED_BY, F1, doc.id, {"start": 100, "end": 176, "quote": QUOTE_F1}),
        r(Rel.EVIDENCED_BY, A1, doc.id, {"start": 10, "end": 40, "quote": "DCC to report on OC16 use"}),
        r(Rel.EVIDENCED_BY, U2, doc.id, {"start": 300, "end": 330, "quote": "The OC16 report was delivered."}),
    ]
    return GraphBatch(doc, nodes, rels)


def load_all(store: Store, via: str = "gold") -> str:
    """The series and, on its OC16 recommendation, the hostile finding; returns OC16's id."""
    load_series(store, via)
    rec = oc16(store)
    assert rec is not None, "the OC16 recommendation was not loaded"
    meetings = [e.node.id for e in store.edges([rec.id], [Rel.DISCUSSED_AT], "out")[rec.id]]
    answering = [e.node.id for e in store.edges([rec.id], [Rel.ANSWERS], "in")[rec.id]]
    meetings += [e.node.id for es in store.edges(answering, [Rel.RECORDED_AT, Rel.RAISED_AT], "out").values()
                 for e in es]
    store.write(hostile_batch(rec.id, sorted(meetings)[0] if meetings else make_id(Label.MEETING, "hostile")))
    return rec.id


def lineage_ids(lin: dict) -> set[str]:
    """Every node a lineage names: recommendation, report, meetings discussed at, each
    finding and action, their meetings, roles and people, updates and their meetings."""
    ids = {lin["recommendation"]["id"]}
    if lin.get("report"):
        ids.add(lin["report"]["id"])
    ids |= {m["id"] for m in lin.get("discussed_at") or []}
    for e in lin["entries"]:
        ids.add(e["id"])
        if e.get("meeting"):
            ids.add(e["meeting"]["id"])
        agent = e.get("owner") or e.get("speaker") or {}
        if agent.get("role"):
            ids.add(agent["role"]["id"])
        ids |= {p["id"] for p in agent.get("people") or []}
        for u in e.get("updates") or []:
            ids.add(u["id"])
            if u.get("meeting"):
                ids.add(u["meeting"]["id"])
    return ids
