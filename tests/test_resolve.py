"""Resolution: extraction records -> the graph of docs/graph-shape.md (no store needed)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from govgraph.graph.model import GraphBatch, Label, NodeRec, Rel, make_id
from govgraph.ingest.resolve import ResolveError, resolve
from govgraph.ingest.resolve.people import Attendance, initials_of, split_parties
from govgraph.ingest.resolve.roles import lookup_abbr, lookup_title, role_def

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SERIES = FIXTURES / "series"
BOARD = "monthly assurance meeting"


def gold(name: str) -> dict:
    path = FIXTURES / f"{name}.gold.json" if name.endswith("07") else SERIES / f"{name}.gold.json"
    return json.loads(path.read_text(encoding="utf-8"))


def minimal(**extra) -> dict:
    """A small extraction of an invented meeting, with evidence like real extractor output."""
    doc = {
        "schema": "govgraph.extraction/1",
        "document": {"source": "/minutes/board-2019-03.txt", "sha256": "c" * 64, "format": "txt"},
        "meeting": {"title": "Governance Board March 2019", "body": "Governance Board", "date": "2019-03-12",
                    "time": "14:00", "venue": "Room 2"},
        "participants": [
            {"name": "Rachel Hartland-Lane", "role": "Head of Strategic Planning", "role_abbr": None,
             "attendance": "present", "evidence": {"start": 10, "end": 60, "quote": "Rachel Hartland-Lane ..."}},
            {"name": "Richard Jones", "role": None, "role_abbr": "RJ", "attendance": "present"},
            {"name": "Dawn Baker", "role": "Chief Finance Officer", "role_abbr": "CFO", "attendance": "present"},
            {"name": "Alan Cole", "role": "Assistant Chief Constable", "role_abbr": None, "attendance": "present"},
            {"name": "Mr Paul Reed", "role": "Chief Constable", "role_abbr": "CC", "attendance": "apologies"},
        ],
        "chair": "Rachel Hartland-Lane",
        "minute_taker": None,
    }
    doc.update(extra)
    return doc


def by_label(batch: GraphBatch, label: Label) -> list[NodeRec]:
    return [n for n in batch.nodes if n.label == label.value]


def rels(batch: GraphBatch, rel: Rel, src: str | None = None) -> list:
    return [r for r in batch.rels if r.type == rel.value and (src is None or r.src == src)]


def targets(batch: GraphBatch, rel: Rel, src: str) -> dict[str, NodeRec]:
    nodes = {n.id: n for n in batch.nodes}
    return {r.dst: nodes[r.dst] for r in rels(batch, rel, src)}


def meeting_id(month: str) -> str:
    return make_id(Label.MEETING, BOARD, month)


# -- the shape of one document -----------------------------------------------------

def test_seed_gold_resolves_to_the_documented_shape():
    batch = resolve(gold("assurance-meeting-2018-07"))
    counts = {lbl: len(by_label(batch, lbl)) for lbl in Label}
    assert counts[Label.FINDING] == 35 and counts[Label.RECOMMENDATION] == 4 and counts[Label.QUESTION] == 4
    assert counts[Label.ACTION] == 4 and counts[Label.UPDATE] == 3 and counts[Label.AGENDA_ITEM] == 13
    # this meeting, the announced August one, and the June and April meetings it refers to
    assert {n.id for n in by_label(batch, Label.MEETING)} == {meeting_id(m) for m in
                                                              ("2018-04", "2018-06", "2018-07", "2018-08")}
    # every relationship end is in the batch: the stores refuse anything else
    ids = {n.id for n in batch.nodes} | {batch.document.id}
    assert all(r.src in ids and r.dst in ids for r in batch.rels)
    assert len({n.id for n in batch.nodes}) == len(batch.nodes)
    # gold records carry no evidence: no EVIDENCED_BY is invented
    assert not rels(batch, Rel.EVIDENCED_BY)


def test_resolve_is_deterministic_and_does_not_touch_its_input():
    data = gold("assurance-meeting-2018-07")
    before = copy.deepcopy(data)
    a, b = resolve(data), resolve(data)
    assert data == before
    assert [(n.id, n.props) for n in a.nodes] == [(n.id, n.props) for n in b.nodes]
    assert [(r.key, r.props) for r in a.rels] == [(r.key, r.props) for r in b.rels]


def test_meeting_board_next_and_attendance():
    batch = resolve(gold("assurance-meeting-2018-07"))
    july = meeting_id("2018-07")
    meetings = {n.id: n for n in by_label(batch, Label.MEETING)}
    assert meetings[july].props["date"] == "2018-07-31"
    assert meetings[july].props["kind"] == "assurance"
    assert meetings[meeting_id("2018-08")].props == {
        "board": make_id(Label.BOARD, BOARD), "body": "Monthly Assurance Meeting", "date": "2018-08-28",
        "time": "10:30", "venue": "Room 1.38, Hindlip", "kind": "performance"}
    assert [r.dst for r in rels(batch, Rel.NEXT, july)] == [meeting_id("2018-08")]
    assert {r.src for r in rels(batch, Rel.OF_BOARD)} == set(meetings)
    attended = {batch_node_name(batch, r.src): r.props for r in rels(batch, Rel.ATTENDED)}
    assert attended["John Campion"] == {"attendance": "apologies", "capacity": "Police and Crime Commissioner"}
    assert attended["Natasha Noorbakhsh"]["attendance"] == "in_attendance"
    held = {(batch_node_name(batch, r.src), r.dst): r.props for r in rels(batch, Rel.HELD)}
    assert held[("Amanda Blakeman", make_id(Label.ROLE, BOARD, "DCC"))] == {"from": "2018-07-31", "to": "2018-07-31"}
    chair = rels(batch, Rel.CHAIRED)
    assert [batch_node_name(batch, r.src) for r in chair] == ["Tracey Onslow"]
    assert [batch_node_name(batch, r.src) for r in rels(batch, Rel.TOOK_MINUTES)] == ["Natasha Noorbakhsh"]


def batch_node_name(batch: GraphBatch, node_id: str) -> str:
    return next(n.props.get("name") for n in batch.nodes if n.id == node_id)


def test_finding_stated_by_role_and_the_person_this_attendance_lists():
    batch = resolve(gold("assurance-meeting-2018-07"))
    finding = next(n for n in by_label(batch, Label.FINDING) if n.props["text"].startswith("The DCC confirmed"))
    stated = targets(batch, Rel.STATED_BY, finding.id)
    assert {(n.label, n.props.get("abbr") or n.props.get("name")) for n in stated.values()} == {
        ("Role", "DCC"), ("Person", "Amanda Blakeman")}
    answers = targets(batch, Rel.ANSWERS, finding.id)
    (rec,) = answers.values()
    assert rec.label == "Recommendation" and rec.props["ref"] == "3"
    assert rec.id == make_id(Label.RECOMMENDATION, make_id(Label.REPORT, "PEEL Effectiveness 2017"), "3")
    assert [r.dst for r in rels(batch, Rel.RECORDED_AT, finding.id)] == [meeting_id("2018-07")]


def test_role_holder_sending_apologies_is_not_the_speaker():
    data = minimal(findings=[{"text": "The CC stated that the plan was on track.", "speaker": "CC"}])
    batch = resolve(data)
    (finding,) = by_label(batch, Label.FINDING)
    stated = targets(batch, Rel.STATED_BY, finding.id)
    assert [n.label for n in stated.values()] == ["Role"]  # Mr Reed, the CC, sent apologies


def test_report_and_recommendation_are_shared_across_meetings():
    july = resolve(gold("assurance-meeting-2018-07"))
    august = resolve(gold("assurance-meeting-2018-08"))
    oc16 = {n.id for n in by_label(july, Label.RECOMMENDATION) if n.props["ref"] == "3"}
    assert oc16 == {n.id for n in by_label(august, Label.RECOMMENDATION)}
    (report,) = by_label(august, Label.REPORT)
    assert report.props == {"title": "HMICFRS PEEL Effectiveness 2017", "issuer": "HMICFRS"}
    assert [n.props["name"] for n in targets(august, Rel.ISSUED_BY, report.id).values()] == ["HMICFRS"]
    (rec_id,) = oc16
    assert {r.dst for r in rels(august, Rel.DISCUSSED_AT, rec_id)} == {meeting_id("2018-08")}


# -- actions across meetings -------------------------------------------------------

KNIFE = "CC to provide an update on knife crime to the July holding to account meeting."


def test_carried_action_is_the_action_the_earlier_meeting_raised():
    june, july = resolve(gold("assurance-meeting-2018-06")), resolve(gold("assurance-meeting-2018-07"))
    raised = next(n for n in by_label(june, Label.ACTION) if n.props["text"] == KNIFE)
    carried = next(n for n in by_label(july, Label.ACTION) if n.props["text"] == KNIFE)
    assert raised.id == carried.id == make_id(Label.ACTION, BOARD, "2018-06", KNIFE)
    assert carried.props["status"] == raised.props["status"] == "open"
    # both documents say it was raised at June: July through a placeholder meeting
    assert [r.dst for r in rels(june, Rel.RAISED_AT, raised.id)] == [meeting_id("2018-06")]
    assert [r.dst for r in rels(july, Rel.RAISED_AT, carried.id)] == [meeting_id("2018-06")]
    placeholder = next(n for n in by_label(july, Label.MEETING) if n.id == meeting_id("2018-06"))
    assert placeholder.props == {"board": make_id(Label.BOARD, BOARD), "body": "Monthly Assurance Meeting",
                                 "date": "2018-06"}
    # owned by the CC of this board, not a person: who the CC was is a query-time answer
    owners = targets(july, Rel.OWNED_BY, carried.id)
    assert list(owners) == [make_id(Label.ROLE, BOARD, "CC")]
    # June raises it without an update; July records one
    assert not rels(june, Rel.UPDATES)
    (update,) = [r.src for r in rels(july, Rel.UPDATES) if r.dst == carried.id]
    assert update == make_id(Label.UPDATE, carried.id, meeting_id("2018-07"))
    node = next(n for n in july.nodes if n.id == update)
    assert node.props["status"] == "complete" and node.props["date"] == "2018-07-31"
    assert node.props["text"].startswith("The CC provided assurance")
    assert [r.dst for r in rels(july, Rel.RECORDED_AT, update)] == [meeting_id("2018-07")]


def test_mutable_fields_never_enter_ids():
    base = gold("assurance-meeting-2018-07")
    edited = copy.deepcopy(base)
    for a in edited["actions"]:
        if a["raised_at"]:  # carried: already has an update, whose words and status change
            a["status"], a["update"] = "updated", "Something else entirely."
    ids = lambda b: {n.id for n in b.nodes if n.label in ("Action", "Update")}  # noqa: E731
    assert ids(resolve(base)) == ids(resolve(edited))


def test_new_action_raised_here_and_owned_through_attendance():
    data = minimal(actions=[
        {"text": "Circulate the revised risk register.", "owner": "RJ/DB/AC", "status": "open", "raised_at": None},
        {"text": "Review the estates strategy.", "owner": "RHL", "status": None, "raised_at": None},
        {"text": "Report on overtime spend.", "owner": "CFO", "raised_at": "2019-03"},
        {"text": "Brief the panel.", "owner": "Someone Unknown Entirely and the T/ACC", "raised_at": None},
    ])
    batch = resolve(data)
    board = "governance board"
    mtg = make_id(Label.MEETING, board, "2019-03")
    acts = {n.props["text"]: n for n in by_label(batch, Label.ACTION)}
    risk = acts["Circulate the revised risk register."]
    assert risk.id == make_id(Label.ACTION, board, "2019-03", "Circulate the revised risk register.")
    assert risk.props == {"text": "Circulate the revised risk register.", "status": "open", "owner": "RJ/DB/AC"}
    assert [r.dst for r in rels(batch, Rel.RAISED_AT, risk.id)] == [mtg]
    names = lambda a: sorted(n.props.get("name") or n.props.get("abbr") for n in targets(batch, Rel.OWNED_BY, a.id).values())  # noqa: E731
    # RJ printed as initials; DB and AC derived from the names
    assert names(risk) == ["Alan Cole", "Dawn Baker", "Richard Jones"]
    assert names(acts["Review the estates strategy."]) == ["Rachel Hartland-Lane"]
    assert names(acts["Report on overtime spend."]) == ["CFO"]  # raised_at this month: a new action
    assert names(acts["Brief the panel."]) == ["Someone Unknown Entirely", "T/ACC"]
    # a new action with no progress reported has no update
    assert not rels(batch, Rel.UPDATES)


def test_new_action_completed_in_the_same_meeting_gets_an_update():
    batch = resolve(minimal(actions=[{"text": "Agree the terms of reference.", "status": "complete",
                                      "update": "Agreed.", "raised_at": None}]))
    (update,) = by_label(batch, Label.UPDATE)
    assert update.props["status"] == "complete"


# -- people and roles --------------------------------------------------------------

@pytest.mark.parametrize(("title", "abbr", "key"), [
    ("Deputy Chief Constable", None, "DCC"),
    (None, "DCC", "DCC"),
    ("Chief Executive for the Police and Crime Commissioner", "CEx", "CEx"),
    ("Chief Executive Officer", None, "CEx"),
    (None, "CEO", "CEx"),
    ("Temporary Assistant Chief Constable", None, "T/ACC"),
    (None, "T/ACC", "T/ACC"),
    ("Police, Fire and Crime Commissioner", None, "PFCC"),
    ("Treasurer to the PCC", None, "Treasurer"),
    ("Head of Finance", "HoF", "HoF"),
    ("Policy Officer", None, "Policy Officer"),
])
def test_role_titles_and_abbreviations_agree(title, abbr, key):
    assert role_def(title, abbr).key == key


def test_cfo_is_read_by_context():
    assert lookup_abbr("CFO").title == "Chief Finance Officer"
    assert lookup_abbr("CFO", fire=True).key == "CFO (fire)"
    assert role_def("Chief Finance Officer", "CFO", fire=True).key == "CFO"
    assert lookup_title("Chief Fire Officer").key == "CFO (fire)"


def test_roles_are_scoped_by_board():
    a = resolve(minimal(findings=[{"text": "The ACC agreed.", "speaker": "ACC"}]))
    other = minimal(findings=[{"text": "The ACC agreed.", "speaker": "ACC"}])
    other["meeting"] = {**other["meeting"], "body": "Another Force Board"}
    b = resolve(other)
    acc = lambda batch: {n.id for n in by_label(batch, Label.ROLE) if n.props.get("abbr") == "ACC"}  # noqa: E731
    assert acc(a) and acc(b) and acc(a).isdisjoint(acc(b))


def test_initials_and_party_lists():
    assert initials_of("Rachel Hartland-Lane") == {"RH", "RHL"}
    assert initials_of("Cllr Jo Smith") == {"JS"}
    assert split_parties("RJ/DB/AC") == ["RJ", "DB", "AC"]
    assert split_parties("T/ACC and the DCC") == ["T/ACC", "DCC"]
    assert split_parties("Tracey Onslow (DPCC)") == ["Tracey Onslow", "DPCC"]
    att = Attendance(minimal()["participants"], "governance board")
    assert [p.name for p in att.parties("RHL")] == ["Rachel Hartland-Lane"]
    assert [p.name for p in att.parties("Hartland-Lane")] == ["Rachel Hartland-Lane"]
    assert [p.name for p in att.parties("Mr Reed")] == ["Mr Paul Reed"]
    assert att.parties("the Estates team") == []  # neither a role, a person nor a name: left as written
    assert [(p.label.value, p.name) for p in att.parties("ACC Cole")] == [("Role", None), ("Person", "Alan Cole")]
    chaired = Attendance(minimal()["participants"], "governance board", chair="Rachel Hartland-Lane")
    assert [p.name for p in chaired.parties("The Chair")] == ["Rachel Hartland-Lane"]
    assert Attendance([], "b", chair="Chair").parties("Chair") == []


def test_printed_initials_beat_a_role_abbreviation_that_looks_the_same():
    att = Attendance([{"name": "Colin Clark", "role": "Head of Audit", "initials": "CC"},
                      {"name": "Paul Reed", "role": "Chief Constable", "role_abbr": "CC"}], "b")
    assert [p.name for p in att.parties("CC")] == ["Colin Clark"]
    plain = Attendance([{"name": "Colin Clark", "role": "Head of Audit"},
                        {"name": "Paul Reed", "role": "Chief Constable", "role_abbr": "CC"}], "b")
    assert [(p.label.value, p.name) for p in plain.parties("CC", with_holder=True)] == [
        ("Role", None), ("Person", "Paul Reed")]


def test_person_ids_ignore_honorifics():
    batch = resolve(minimal(chair="Mr Paul Reed"))
    (chair,) = rels(batch, Rel.CHAIRED)
    assert chair.src == make_id(Label.PERSON, "Paul Reed")


# -- evidence ------------------------------------------------------------------------

def test_every_stated_node_is_evidenced_once_with_its_earliest_span():
    span = lambda s, e: {"start": s, "end": e, "quote": f"q{s}"}  # noqa: E731
    data = minimal(
        findings=[{"text": "The ACC agreed.", "speaker": "ACC", "evidence": span(100, 120), "rule": "finding.bullet"}],
        bodies_mentioned=[{"name": "Estates Board", "chair": None, "evidence": span(300, 313)},
                          {"name": "Estates Board", "chair": "ACC", "evidence": span(200, 213)}],
        decisions=[{"text": "It was agreed to proceed."}],
    )
    batch = resolve(data)
    ev = {r.src: r.props for r in rels(batch, Rel.EVIDENCED_BY)}
    assert all(r.dst == batch.document.id for r in rels(batch, Rel.EVIDENCED_BY))
    (finding,) = by_label(batch, Label.FINDING)
    assert ev[finding.id] == {"start": 100, "end": 120, "quote": "q100", "rule": "finding.bullet"}
    assert ev[make_id(Label.BOARD, "Estates Board")] == {"start": 200, "end": 213, "quote": "q200"}
    assert ev[make_id(Label.PERSON, "Rachel Hartland-Lane")]["start"] == 10
    (decision,) = by_label(batch, Label.DECISION)
    assert decision.id not in ev  # no evidence given, none invented


def test_document_node_and_volatile_ingest_time():
    batch = resolve(minimal(), ingested_at="2024-01-01T00:00:00+00:00")
    assert batch.document.id == make_id(Label.DOCUMENT, "c" * 64)
    assert batch.document.props == {"sha256": "c" * 64, "source": "/minutes/board-2019-03.txt", "format": "txt",
                                    "title": "Governance Board March 2019",
                                    "ingested_at": "2024-01-01T00:00:00+00:00"}
    assert batch.document.id == resolve(minimal()).document.id


def test_mentions_link_findings_and_actions_to_bodies():
    batch = resolve(gold("assurance-meeting-2018-08"))
    (finding,) = [n for n in by_label(batch, Label.FINDING) if "Domestic Abuse Board" in n.props["text"]]
    board = make_id(Label.BOARD, "Domestic Abuse Board")
    assert list(targets(batch, Rel.MENTIONS, finding.id)) == [board]
    assert list(targets(batch, Rel.CHAIRED_BY, board)) == [make_id(Label.ROLE, BOARD, "DCC")]


def test_undated_minutes_are_their_own_meeting():
    data = minimal(meeting={"title": "Governance Board", "body": "Governance Board", "date": None})
    batch = resolve(data)
    (mtg,) = by_label(batch, Label.MEETING)
    assert mtg.id == make_id(Label.MEETING, "governance board", "undated", "c" * 64)
    assert not rels(batch, Rel.HELD)[0].props  # no date, no tenure bounds


def test_extraction_without_sha_gets_a_content_hash():
    a, b = gold("assurance-meeting-2018-07"), gold("assurance-meeting-2018-06")
    assert resolve(a).sha256 == resolve(copy.deepcopy(a)).sha256 != resolve(b).sha256


@pytest.mark.parametrize("bad", [[], "text", {"schema": "govgraph.extraction/2"}])
def test_bad_input_is_refused_with_a_reason(bad):
    with pytest.raises(ResolveError):
        resolve(bad)  # type: ignore[arg-type]


def test_meeting_known_by_month_only_dates_tenures_and_updates_by_month():
    data = minimal(meeting={"title": "Governance Board March 2019", "body": "Governance Board", "date": None},
                   actions=[{"text": "Report back.", "raised_at": "2019-01", "update": "Done.", "status": "complete"}])
    batch = resolve(data)
    assert {n.props["date"] for n in by_label(batch, Label.MEETING)} == {"2019-03", "2019-01"}
    assert {tuple(sorted(r.props.items())) for r in rels(batch, Rel.HELD)} == {(("from", "2019-03"), ("to", "2019-03"))}
    (update,) = by_label(batch, Label.UPDATE)
    assert update.props["date"] == "2019-03"


def test_body_from_the_title_when_the_extraction_gives_none():
    data = minimal(meeting={"title": "Governance Board March 2019 – Minutes", "date": "2019-03-12"})
    (board,) = [n for n in by_label(resolve(data), Label.BOARD)]
    assert board.props["name"] == "Governance Board"
    nameless = resolve(minimal(meeting={"date": "2019-03-12"}))
    (board,) = by_label(nameless, Label.BOARD)
    assert board.props["name"] == "Unknown board (/minutes/board-2019-03.txt)"


def test_a_record_may_answer_several_recommendations():
    data = minimal(recommendations=[{"id": "r1", "ref": "1", "text": "A.", "source": "HMICFRS Report X"},
                                    {"id": "r2", "ref": "2", "text": "B.", "source": "HMICFRS Report X"}],
                   findings=[{"text": "Both are done.", "answers": ["r1", "r2", "r9"]}])
    batch = resolve(data)
    (finding,) = by_label(batch, Label.FINDING)
    assert len(rels(batch, Rel.ANSWERS, finding.id)) == 2
