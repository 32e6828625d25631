"""Gaps, staleness, ownership and centrality (graph.analysis), on both stores.

``world()`` is a small hand-made graph whose answers are known by construction; the
RDF and report tests use it too. Today is 2019-03-01 throughout.

Board A (assurance) meets 2018-04-24 (A1), 06-26 (A2), 07-31 (A3), 09-25 (A4),
10-30 (A5), and a next meeting is announced for 2019-04 (A6, after today).
Board B (performance) meets 2018-05-10 (B1) and 2018-08-15 (B2).

Recommendations of report R1 (PEEL Effectiveness 2017):
  rec1: finding f1 at A3 only                    -> last evidence 2018-07-31
  rec2: action a1 at A2, updated (u1) at A4       -> last evidence 2018-09-25
  rec3: findings f2 (A3), f3 (A5); action a2 (A3) -> last evidence 2018-10-30
  rec4: discussed at A3, nothing answers it       -> unanswered
Report R2 (PEEL Efficiency 2017): rec5, nothing answers it -> unanswered.
rec6 has no report, nothing answers it -> unanswered.
Questions at A3: q1 answered by f4; q2 unanswered.

Actions (open unless said):
  a1 A2, DCC (Blakeman holds it), update u1 at A4 -> 1 later meeting (A5); 157 days
  a2 A3, CC (Bangham holds it), no update          -> 2 later meetings (A4, A5); 213 days
  a3 A1, owned by Champness, completed by u2 at A2
  a4 B1, ACC of board B, which nobody is known to hold -> 1 later meeting (B2); 295 days
  a5 A5, DCC (Blakeman)                            -> 0 later meetings (A6 is after today)
  a6 A1, no owner                                  -> 4 later meetings; 311 days
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from govgraph.graph import analysis
from govgraph.graph.model import GraphBatch, Label, NodeRec, Rel, RelRec, make_id

TODAY = "2019-03-01"

R1 = make_id(Label.REPORT, "HMICFRS PEEL Effectiveness 2017")
R2 = make_id(Label.REPORT, "HMICFRS PEEL Efficiency 2017")
HMIC = make_id(Label.ORGANISATION, "HMICFRS")
BA = make_id(Label.BOARD, "Monthly Assurance Meeting")
BB = make_id(Label.BOARD, "Performance Board")
M = {k: make_id(Label.MEETING, b, d[:7]) for k, b, d in [
    ("A1", "assurance", "2018-04-24"), ("A2", "assurance", "2018-06-26"), ("A3", "assurance", "2018-07-31"),
    ("A4", "assurance", "2018-09-25"), ("A5", "assurance", "2018-10-30"), ("A6", "assurance", "2019-04"),
    ("B1", "performance", "2018-05-10"), ("B2", "performance", "2018-08-15")]}
DATES = {"A1": "2018-04-24", "A2": "2018-06-26", "A3": "2018-07-31", "A4": "2018-09-25", "A5": "2018-10-30",
         "A6": "2019-04", "B1": "2018-05-10", "B2": "2018-08-15"}
DCC = make_id(Label.ROLE, "assurance", "DCC")
CC = make_id(Label.ROLE, "assurance", "CC")
ACC_B = make_id(Label.ROLE, "performance", "ACC")
BLAKEMAN = make_id(Label.PERSON, "Amanda Blakeman")
BANGHAM = make_id(Label.PERSON, "Anthony Bangham")
CHAMPNESS = make_id(Label.PERSON, "Andy Champness")
REC = {i: make_id(Label.RECOMMENDATION, R1 if i <= 4 else R2 if i == 5 else "", str(i)) for i in range(1, 7)}
Q1 = make_id(Label.QUESTION, M["A3"], "a")
Q2 = make_id(Label.QUESTION, M["A3"], "b")
ACT = {i: make_id(Label.ACTION, "act", i) for i in range(1, 7)}
FND = {i: make_id(Label.FINDING, "fnd", i) for i in range(1, 5)}
U1 = make_id(Label.UPDATE, ACT[1], M["A4"])
U2 = make_id(Label.UPDATE, ACT[3], M["A2"])


@dataclass
class Doc:
    """One meeting's minutes: a batch, with evidence offsets counted as text is quoted."""

    key: str
    nodes: list[NodeRec] = field(default_factory=list)
    rels: list[RelRec] = field(default_factory=list)
    pos: int = 0

    @property
    def sha(self) -> str:
        return (self.key.encode().hex() * 64)[:64]

    @property
    def doc_id(self) -> str:
        return make_id(Label.DOCUMENT, self.sha)

    def node(self, label: str, nid: str, props: dict, quote: str | None = None) -> str:
        self.nodes.append(NodeRec(label, nid, props))
        if quote is not None:
            self.rels.append(RelRec(Rel.EVIDENCED_BY, nid, self.doc_id,
                                    {"quote": quote, "start": self.pos, "end": self.pos + len(quote)}))
            self.pos += len(quote) + 1
        return nid

    def rel(self, rtype: str, src: str, dst: str, props: dict | None = None) -> None:
        self.rels.append(RelRec(rtype, src, dst, props or {}))

    def batch(self) -> GraphBatch:
        doc = NodeRec(Label.DOCUMENT, self.doc_id, {"sha256": self.sha, "source": f"minutes/{self.key}.txt",
                                                     "format": "txt", "title": f"Minutes {self.key}",
                                                     "ingested_at": "2019-01-01T00:00:00Z"})
        return GraphBatch(doc, self.nodes, self.rels)


def _meeting(d: Doc, key: str, board: str, body: str) -> str:
    d.node(Label.BOARD, board, {"name": body})
    d.node(Label.MEETING, M[key], {"date": DATES[key], "body": body, "title": f"{body} {DATES[key]}"},
           quote=f"{body} {DATES[key]}")
    d.rel(Rel.OF_BOARD, M[key], board)
    return M[key]


def _report(d: Doc, rid: str, title: str) -> None:
    d.node(Label.REPORT, rid, {"title": title, "issuer": "HMICFRS"})
    d.node(Label.ORGANISATION, HMIC, {"name": "HMICFRS"})
    d.rel(Rel.ISSUED_BY, rid, HMIC)


def _rec(d: Doc, i: int, mid: str, theme: str = "Protecting vulnerable people") -> str:
    texts = {3: "The force should take steps to understand the reasons why a high proportion of crimes "
                "related to domestic abuse fall into 'Evidential difficulties' (OC16)."}
    text = texts.get(i, f"The force should do thing {i}.")
    rid = R1 if i <= 4 else R2 if i == 5 else None
    if rid:
        _report(d, rid, "HMICFRS PEEL Effectiveness 2017" if rid == R1 else "HMICFRS PEEL Efficiency 2017")
    d.node(Label.RECOMMENDATION, REC[i], {"ref": str(i), "text": text, "theme": theme}, quote=text)
    if rid:
        d.rel(Rel.ISSUED_IN, REC[i], rid)
    d.rel(Rel.DISCUSSED_AT, REC[i], mid)
    return REC[i]


def _held(d: Doc, person: str, name: str, role: str, abbr: str, date: str) -> None:
    d.node(Label.PERSON, person, {"name": name})
    d.node(Label.ROLE, role, {"abbr": abbr, "title": abbr, "scope": "assurance"})
    d.rel(Rel.HELD, person, role, {"from": date, "to": date})


def _action(d: Doc, i: int, mid: str, text: str, owner: tuple[str, dict] | None, answers: str | None = None) -> str:
    d.node(Label.ACTION, ACT[i], {"text": text, "status": "open"}, quote=text)
    d.rel(Rel.RAISED_AT, ACT[i], mid)
    if owner:
        label = Label.ROLE if owner[0].startswith("rol_") else Label.PERSON
        d.node(label, owner[0], owner[1])
        d.rel(Rel.OWNED_BY, ACT[i], owner[0])
    if answers:
        d.rel(Rel.ANSWERS, ACT[i], answers)
    return ACT[i]


def _finding(d: Doc, i: int, mid: str, answers: str, text: str, by: str | None = None) -> None:
    d.node(Label.FINDING, FND[i], {"text": text, "confidence": 0.75, "rule": "answer-under-item"}, quote=text)
    d.rel(Rel.RECORDED_AT, FND[i], mid)
    d.rel(Rel.ANSWERS, FND[i], answers)
    if by:
        d.rel(Rel.STATED_BY, FND[i], by)


DCC_PROPS = {"abbr": "DCC", "title": "DCC", "scope": "assurance"}
CC_PROPS = {"abbr": "CC", "title": "CC", "scope": "assurance"}


def world() -> list[GraphBatch]:
    """The hand-made graph of this module's docstring, one batch per meeting's minutes."""
    docs = []
    # A1
    d = Doc("A1")
    m = _meeting(d, "A1", BA, "Monthly Assurance Meeting")
    _held(d, BLAKEMAN, "Amanda Blakeman", DCC, "DCC", DATES["A1"])
    d.rel(Rel.ATTENDED, BLAKEMAN, m, {"attendance": "present", "capacity": "DCC"})
    d.node(Label.PERSON, CHAMPNESS, {"name": "Andy Champness"})
    d.rel(Rel.CHAIRED, CHAMPNESS, m)
    _action(d, 3, m, "CEx to circulate the paper.", (CHAMPNESS, {"name": "Andy Champness"}))
    _action(d, 6, m, "Somebody to look at the estates strategy.", None)
    item = d.node(Label.AGENDA_ITEM, make_id(Label.AGENDA_ITEM, m, "1"), {"ref": "1", "title": "Matters arising"})
    d.rel(Rel.HAS_ITEM, m, item)
    docs.append(d)
    # A2
    d = Doc("A2")
    m = _meeting(d, "A2", BA, "Monthly Assurance Meeting")
    _held(d, BLAKEMAN, "Amanda Blakeman", DCC, "DCC", DATES["A2"])
    _held(d, BANGHAM, "Anthony Bangham", CC, "CC", DATES["A2"])
    _rec(d, 2, m, theme="Investigating crime")
    _action(d, 1, m, "DCC to report on the investigation standards review.", (DCC, DCC_PROPS), REC[2])
    d.node(Label.ACTION, ACT[3], {"text": "CEx to circulate the paper.", "status": "open"})
    d.node(Label.UPDATE, U2, {"text": "The paper was circulated.", "status": "complete"},
           quote="The paper was circulated.")
    d.rel(Rel.UPDATES, U2, ACT[3])
    d.rel(Rel.RECORDED_AT, U2, m)
    d.node(Label.MEETING, M["A1"], {"date": DATES["A1"]})
    d.rel(Rel.NEXT, M["A1"], m)
    docs.append(d)
    # A3
    d = Doc("A3")
    m = _meeting(d, "A3", BA, "Monthly Assurance Meeting")
    _held(d, BLAKEMAN, "Amanda Blakeman", DCC, "DCC", DATES["A3"])
    _held(d, BANGHAM, "Anthony Bangham", CC, "CC", DATES["A3"])
    d.rel(Rel.ATTENDED, BANGHAM, m, {"attendance": "present", "capacity": "CC"})
    d.rel(Rel.CHAIRED, BANGHAM, m)
    for i in (1, 3, 4):
        _rec(d, i, m)
    _finding(d, 1, m, REC[1], "Problem solving training was delivered to all SNTs.", by=CC)
    _finding(d, 2, m, REC[3], "West Mercia was deemed an outlier in regards to OC16.\nThe DCC said \"work continues\".",
             by=DCC)
    d.node(Label.QUESTION, Q1, {"ref": "a", "text": "Is the CC confident demand is understood?",
                                "source": "PEEL Efficiency 2017"}, quote="Is the CC confident demand is understood?")
    d.node(Label.QUESTION, Q2, {"ref": "b", "text": "Are savings plans robust?", "source": "PEEL Efficiency 2017"},
           quote="Are savings plans robust?")
    for q in (Q1, Q2):
        d.rel(Rel.DISCUSSED_AT, q, m)
        d.rel(Rel.ASKED_OF, q, CC)
    _finding(d, 4, m, Q1, "The CC said the demand model is complete.", by=CC)
    _action(d, 2, m, "CC to review OC16 outcomes.", (CC, CC_PROPS), REC[3])
    d.node(Label.BOARD, BB, {"name": "Performance Board"})
    d.rel(Rel.MENTIONS, FND[2], BB)
    d.node(Label.DECISION, make_id(Label.DECISION, m, "deep dive"), {"text": "A deep dive on OC16 was agreed."},
           quote="A deep dive on OC16 was agreed.")
    d.rel(Rel.DECIDED_AT, make_id(Label.DECISION, m, "deep dive"), m)
    docs.append(d)
    # A4
    d = Doc("A4")
    m = _meeting(d, "A4", BA, "Monthly Assurance Meeting")
    _held(d, BLAKEMAN, "Amanda Blakeman", DCC, "DCC", DATES["A4"])
    _held(d, BANGHAM, "Anthony Bangham", CC, "CC", DATES["A4"])
    d.node(Label.ACTION, ACT[1], {"text": "DCC to report on the investigation standards review.", "status": "open"})
    d.node(Label.UPDATE, U1, {"text": "The review is half done.", "status": "updated"},
           quote="The review is half done.")
    d.rel(Rel.UPDATES, U1, ACT[1])
    d.rel(Rel.RECORDED_AT, U1, m)
    docs.append(d)
    # A5
    d = Doc("A5")
    m = _meeting(d, "A5", BA, "Monthly Assurance Meeting")
    _held(d, BLAKEMAN, "Amanda Blakeman", DCC, "DCC", DATES["A5"])
    _held(d, BANGHAM, "Anthony Bangham", CC, "CC", DATES["A5"])
    _rec(d, 3, m)
    _finding(d, 3, m, REC[3], "An OC16 audit found 60% of outcomes correctly applied — ‘good’ progress.", by=DCC)
    _action(d, 5, m, "DCC to present the OC16 audit.", (DCC, DCC_PROPS))
    d.node(Label.MEETING, M["A6"], {"date": DATES["A6"], "body": "Monthly Assurance Meeting"})
    d.rel(Rel.OF_BOARD, M["A6"], BA)
    d.rel(Rel.NEXT, m, M["A6"])
    docs.append(d)
    # B1
    d = Doc("B1")
    m = _meeting(d, "B1", BB, "Performance Board")
    _rec(d, 5, m, theme="Efficiency")
    _rec(d, 6, m, theme="")
    _action(d, 4, m, "ACC to refresh the performance framework.",
            (ACC_B, {"abbr": "ACC", "title": "Assistant Chief Constable", "scope": "performance"}))
    d.node(Label.ROLE, ACC_B, {"abbr": "ACC", "title": "Assistant Chief Constable", "scope": "performance"})
    d.rel(Rel.CHAIRED_BY, BB, ACC_B)
    docs.append(d)
    # B2
    d = Doc("B2")
    _meeting(d, "B2", BB, "Performance Board")
    docs.append(d)
    return [x.batch() for x in docs]


def load_world(store) -> None:
    for b in world():
        store.write(b)


@pytest.fixture
def loaded(store):
    load_world(store)
    return store


def test_unanswered_grouped_per_report(loaded):
    g = analysis.gaps(loaded, months=6, today=TODAY)
    groups = {(x["report"] or {}).get("id") or x.get("source"): x for x in g["unanswered"]}
    assert sorted(i["id"] for i in groups[R1]["items"]) == [REC[4]]
    assert sorted(i["id"] for i in groups[R2]["items"]) == [REC[5]]
    assert [i["id"] for i in groups[None]["items"]] == [REC[6]]  # no report, no source
    assert [i["id"] for i in groups["PEEL Efficiency 2017"]["items"]] == [Q2]  # questions by source
    assert [x["report"]["id"] for x in g["unanswered"] if x["report"]] == [R1, R2]  # by title
    assert g["counts"]["unanswered"] == 4
    rec4 = groups[R1]["items"][0]
    assert rec4["ref"] == "4" and rec4["last_discussed"] == "2018-07-31"


def test_out_of_date_evidence(loaded):
    g = analysis.gaps(loaded, months=6, today=TODAY)  # cut-off 2018-09-01
    assert [(r["id"], r["last_evidence"]) for r in g["out_of_date"]] == [(REC[1], "2018-07-31")]
    assert g["out_of_date"][0]["months_since"] == 7
    g = analysis.gaps(loaded, months=4, today=TODAY)  # cut-off 2018-11-01: rec2's update is older too
    assert sorted(r["id"] for r in g["out_of_date"]) == sorted([REC[1], REC[2], REC[3]])
    g = analysis.gaps(loaded, months=12, today=TODAY)
    assert g["out_of_date"] == []


def test_stale_actions_with_ages(loaded):
    g = analysis.gaps(loaded, stale_meetings=2, today=TODAY)
    stale = {a["id"]: a for a in g["stale_actions"]}
    assert sorted(stale) == sorted([ACT[2], ACT[6]])
    assert (stale[ACT[2]]["meetings_without_update"], stale[ACT[2]]["days_without_update"]) == (2, 213)
    assert (stale[ACT[6]]["meetings_without_update"], stale[ACT[6]]["days_without_update"]) == (4, 311)
    assert stale[ACT[2]]["board"]["id"] == BA and stale[ACT[2]]["last_update"] is None
    g = analysis.gaps(loaded, stale_meetings=1, today=TODAY)
    ages = {a["id"]: (a["meetings_without_update"], a["days_without_update"]) for a in g["stale_actions"]}
    assert ages == {ACT[1]: (1, 157), ACT[2]: (2, 213), ACT[4]: (1, 295), ACT[6]: (4, 311)}
    a1 = next(a for a in g["stale_actions"] if a["id"] == ACT[1])
    assert a1["last_update"]["date"] == "2018-09-25" and a1["status"] == "updated"


def test_owner_without_holder_and_unowned(loaded):
    g = analysis.gaps(loaded, today=TODAY)
    assert [(a["id"], a["role"]["abbr"], a["date"]) for a in g["owner_without_holder"]] == [
        (ACT[4], "ACC", "2018-05-10")]
    assert [a["id"] for a in g["unowned_actions"]] == [ACT[6]]


def test_owners_ranked_by_open_actions(loaded):
    g = analysis.gaps(loaded, today=TODAY)
    ranked = [(o["id"], o["open_actions"]) for o in g["owners"]]
    assert ranked[:2] == [(BLAKEMAN, 2), (DCC, 2)]  # on a tie, the person first
    assert dict(ranked) == {BLAKEMAN: 2, DCC: 2, BANGHAM: 1, CC: 1, ACC_B: 1}
    dcc = next(o for o in g["owners"] if o["id"] == DCC)
    assert dcc["kind"] == "Role" and dcc["name"] == "DCC" and dcc["actions"] == sorted([ACT[1], ACT[5]])
    assert dcc["oldest_open"] == "2018-06-26"


def test_centrality_ranks_boards_and_people(loaded):
    c = analysis.centrality(loaded)
    assert c["measure"].startswith("pagerank")
    assert [b["id"] for b in c["boards"]] == [BA, BB]  # A: more meetings, actions and findings
    # The CC owns, states and is asked the most; Champness owns one (completed) action.
    assert [p["id"] for p in c["people"]] == [BANGHAM, BLAKEMAN, CHAMPNESS]
    assert all(0 < p["score"] < 1 for p in c["people"])


def test_gaps_is_json_and_the_same_on_every_store(loaded, request):
    import json

    g = analysis.gaps(loaded, today=TODAY)
    json.dumps(g)
    if loaded.kind != "embedded":
        other = request.getfixturevalue("embedded_store")
        load_world(other)
        assert analysis.gaps(other, today=TODAY) == g


def test_empty_store(store):
    g = analysis.gaps(store, today=TODAY)
    assert g["unanswered"] == [] and g["stale_actions"] == [] and g["owners"] == []
    assert g["centrality"]["people"] == []


def test_months_arithmetic():
    assert analysis.months_before("2019-03-31", 1) == "2019-02-28"
    assert analysis.months_before("2019-03-01", 12) == "2018-03-01"
    # found by schemathesis: /analysis/gaps?today=0001-01-01 was a 500
    assert analysis.months_before("0001-01-01", 1) == "0001-01-01"
    assert analysis.months_between("2018-07-31", "2019-03-01") == 7
    assert analysis.months_between("2018-07", "2019-03-01") == 7
