"""The view builders on both stores: the networks hold exactly what the queries answer."""

from __future__ import annotations

from collections import Counter

from govgraph.graph import queries
from govgraph.graph.model import Label, make_id
from govgraph.viz import build, data
from govgraph.viz.build import Filters
from govgraph.viz.views import build_view
from viz_data import (
    A1,
    A2,
    AMANDA,
    ANTHONY,
    BOARD,
    CC,
    DCC,
    F1,
    F2,
    M6,
    M7,
    M8,
    QUOTE_F1,
    REC,
    RPT,
    TRACEY,
    U1,
    U2,
    lineage_ids,
    oc16,
)


def ids(net) -> set[str]:
    return {n["id"] for n in net.nodes}


def rels(net) -> Counter:
    return Counter(e["rel"] for e in net.edges)


def hostile_id(rec_id: str, meeting_id: str) -> str:
    from viz_data import HOSTILE_TEXT

    return make_id(Label.FINDING, meeting_id, HOSTILE_TEXT)


def test_lineage_holds_every_node_of_the_lineage(hand_store):
    lin = queries.lineage(hand_store, REC)
    net = build.lineage_network(lin)
    # recommendation + report + meetings discussed at + findings/actions + their meetings
    # + the role and the person holding it then + updates (at later meetings)
    want = {REC, RPT, M7, M8, F1, F2, A1, hostile_id(REC, M8), M6, DCC, AMANDA, U1, U2}
    assert ids(net) == want == lineage_ids(lin)
    assert (net.shown, net.total, net.capped) == (13, 13, False)
    assert rels(net) == Counter({"ANSWERS": 4, "RECORDED_AT": 5, "RAISED_AT": 1, "DISCUSSED_AT": 2, "UPDATES": 2,
                                 "ISSUED_IN": 1, "STATED_BY": 1, "OWNED_BY": 1, "HELD": 1})
    assert A2 not in ids(net) and CC not in ids(net)  # not answering this recommendation


def test_lineage_nodes_carry_text_evidence_source_and_date(hand_store):
    net = build.lineage_network(queries.lineage(hand_store, REC))
    f1 = next(n for n in net.nodes if n["id"] == F1)
    assert f1["kind"] == "Finding" and f1["date"] == "2018-07-31"
    assert f1["tip"]["text"] == QUOTE_F1
    assert f1["tip"]["evidence"] == [{"quote": QUOTE_F1, "source": "minutes/assurance-2018.txt",
                                      "title": "Assurance minutes", "date": "2018-07-31"}]
    assert ["status", "complete"] in next(n for n in net.nodes if n["id"] == A1)["tip"]["fields"]
    assert f1["path"] == f"/view/node/{F1}"
    assert next(n for n in net.nodes if n["id"] == M7)["path"] == f"/view/meeting/{M7}"
    assert next(n for n in net.nodes if n["id"] == REC)["borderWidth"] == 4  # the root stands out


def test_lineage_of_the_series_matches_the_query(series_store):
    rec = oc16(series_store)
    lin = queries.lineage(series_store, rec.id)
    net = build.lineage_network(lin)
    assert ids(net) == lineage_ids(lin)
    assert net.shown == net.total == len(lineage_ids(lin))
    assert rels(net)["ANSWERS"] == len(lin["entries"]) >= 4
    assert all(e["from"] in ids(net) and e["to"] in ids(net) for e in net.edges)
    quotes = [ev["quote"] for n in net.nodes for ev in n["tip"]["evidence"]]
    assert any("OC16" in q for q in quotes)


def test_filters_by_date_and_type(hand_store):
    lin = queries.lineage(hand_store, REC)
    later = build.lineage_network(lin, Filters(date_from="2018-07"))
    assert M6 not in ids(later) and A1 not in ids(later) and M7 in ids(later)
    assert REC in ids(later) and RPT in ids(later)  # undated nodes stay
    upto = build.lineage_network(lin, Filters(date_to="2018-07"))
    assert M8 not in ids(upto) and M7 in ids(upto) and M6 in ids(upto)
    only = build.lineage_network(lin, Filters(types=frozenset({"Finding"})))
    assert ids(only) == {REC, F1, F2, hostile_id(REC, M8)}  # the root always stays
    assert only.kinds[:3] == ["Recommendation", "Report", "Finding"]  # every type found, for the form


def test_cap_keeps_the_first_nodes_and_counts_the_rest(hand_store):
    net = build.lineage_network(queries.lineage(hand_store, REC), limit=5)
    assert (net.shown, net.total, net.capped) == (5, 13, True)
    assert REC in ids(net) and RPT in ids(net)
    assert all(e["from"] in ids(net) and e["to"] in ids(net) for e in net.edges)


def test_board_meetings_over_time(hand_store):
    tl = data.board_timeline(hand_store, BOARD)
    net = build.board_network(tl)
    assert ids(net) == {BOARD, M6, M7, M8, CC}
    assert rels(net) == Counter({"OF_BOARD": 3, "NEXT": 2, "CARRIED": 2, "CHAIRED_BY": 1})
    carried = [(e["from"], e["to"], e["label"]) for e in net.edges if e["rel"] == "CARRIED"]
    assert carried == [(M6, M7, "DCC to report on OC16 use"), (M7, M8, "DCC to report on OC16 use")]
    xs = [next(n for n in net.nodes if n["id"] == m)["x"] for m in (M6, M7, M8)]
    assert xs == sorted(xs)  # left to right in date order


def test_board_with_attendance_and_chairs(hand_store):
    net = build_view(hand_store, "board", BOARD, attendance=True, chairs=True)
    assert ids(net) == {BOARD, M6, M7, M8, CC, AMANDA, ANTHONY, TRACEY}
    assert rels(net)["ATTENDED"] == 6 and rels(net)["CHAIRED"] == 3
    apologies = [e for e in net.edges if e["rel"] == "ATTENDED" and e.get("dashes")]
    assert [(e["from"], e["to"]) for e in apologies] == [(ANTHONY, M8)]
    chairs_only = build_view(hand_store, "board", BOARD, chairs=True)
    assert ids(chairs_only) == {BOARD, M6, M7, M8, CC, TRACEY}


def test_board_of_the_series_carries_actions(series_store):
    board = next(b for b in series_store.find(Label.BOARD) if b.props.get("name") == "Monthly Assurance Meeting")
    net = build_view(series_store, "board", board.id)
    meetings = [n for n in net.nodes if n["kind"] == "Meeting"]
    assert len(meetings) >= 3
    carried = [e for e in net.edges if e["rel"] == "CARRIED"]
    assert any("knife crime" in e["tip"]["text"] for e in carried)
    assert rels(net)["NEXT"] >= 1


def test_person_view(hand_store):
    net = build.person_network(queries.person_detail(hand_store, AMANDA))
    # the person, the role held, meetings attended, the action owned (through the role)
    # with its updates, and the finding stated
    assert ids(net) == {AMANDA, DCC, M6, M7, M8, A1, U1, U2, F1}
    assert rels(net)["ATTENDED"] == 3 and rels(net)["OWNED_BY"] == 1 and rels(net)["STATED_BY"] == 1
    held = next(e for e in net.edges if e["rel"] == "HELD" and e["from"] == AMANDA and e.get("label"))
    assert held["label"] == "2018-06-26 to 2018-08-28"


def test_role_view(hand_store):
    net = build_view(hand_store, "person", DCC)  # a role id works on the person route
    assert net.root == DCC
    assert ids(net) == {DCC, AMANDA, A1, M6, U1, M7, U2, M8, F1}
    cc = build_view(hand_store, "role", CC)
    assert ids(cc) == {CC, ANTHONY, BOARD, A2, M7}


def test_meeting_view(hand_store):
    net = build_view(hand_store, "meeting", M7)
    assert {M7, BOARD, M6, M8, TRACEY, REC, F1, A2, CC, ANTHONY, A1, U1, AMANDA, DCC} <= ids(net)
    assert rels(net)["NEXT"] == 2 and rels(net)["CHAIRED"] == 1 and rels(net)["ATTENDED"] == 3


def test_neighbourhood_by_depth(hand_store):
    doc = make_id(Label.DOCUMENT, "e" * 64)
    one = build_view(hand_store, "node", F1, depth=1)
    assert ids(one) == {F1, REC, M7, DCC, doc}
    assert next(n for n in one.nodes if n["id"] == F1)["tip"]["evidence"][0]["quote"] == QUOTE_F1
    two = build_view(hand_store, "node", F1, depth=2)
    assert ids(one) < ids(two)
    assert {RPT, F2, A1, AMANDA, M6, M8, BOARD} <= ids(two)
    assert U2 not in ids(two)  # recorded at M8, three steps from F1
    # documents are shown but not walked through: nothing reached only through the document
    assert all(e["from"] in ids(two) and e["to"] in ids(two) for e in two.edges)
    zero = build_view(hand_store, "node", F1, depth=0)
    assert ids(zero) == {F1}


def test_neighbourhood_cap(hand_store):
    net = build_view(hand_store, "node", M7, depth=2, limit=4)
    assert net.shown == 4 and net.capped and net.total > 4
    assert M7 in ids(net)


def test_unknown_ids_give_none(hand_store):
    for kind in ("recommendation", "board", "person", "role", "meeting", "node"):
        assert build_view(hand_store, kind, "nope_123") is None
    assert build_view(hand_store, "board", REC) is None  # a node of another kind
    assert build_view(hand_store, "recommendation", M7) is None
