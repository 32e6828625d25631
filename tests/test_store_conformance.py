"""One conformance suite, run against both stores: same writes, same answers."""

from __future__ import annotations

import pytest
from govgraph.graph.model import GraphBatch, Label, NodeRec, Rel, RelRec, make_id
from govgraph.graph.store import StoreError


def doc_node(sha: str, source: str = "minutes.txt") -> NodeRec:
    return NodeRec(Label.DOCUMENT, make_id(Label.DOCUMENT, sha), {"sha256": sha, "source": source, "format": "txt"})


REC = make_id(Label.RECOMMENDATION, "peel", "3")
RPT = make_id(Label.REPORT, "HMICFRS PEEL Effectiveness 2017")
MTG = make_id(Label.MEETING, "assurance", "2018-07")
ROLE = make_id(Label.ROLE, "assurance", "DCC")
PER = make_id(Label.PERSON, "Amanda Blakeman")


def sample_batch(sha: str = "a" * 64, finding: str = "The DCC confirmed work on OC16.", source: str = "m.txt") -> GraphBatch:
    doc = doc_node(sha, source)
    fnd = make_id(Label.FINDING, MTG, finding)
    act = make_id(Label.ACTION, "assurance", "2018-07", "DCC to report on OC16")
    nodes = [
        NodeRec(Label.REPORT, RPT, {"title": "HMICFRS PEEL Effectiveness 2017"}),
        NodeRec(Label.RECOMMENDATION, REC, {"ref": "3", "text": "The force should understand OC16."}),
        NodeRec(Label.MEETING, MTG, {"date": "2018-07-31", "body": "Monthly Assurance Meeting"}),
        NodeRec(Label.ROLE, ROLE, {"abbr": "DCC", "title": "Deputy Chief Constable"}),
        NodeRec(Label.PERSON, PER, {"name": "Amanda Blakeman"}),
        NodeRec(Label.FINDING, fnd, {"text": finding}),
        NodeRec(Label.ACTION, act, {"text": "DCC to report on OC16", "status": "open"}),
    ]
    rels = [
        RelRec(Rel.ISSUED_IN, REC, RPT),
        RelRec(Rel.ANSWERS, fnd, REC),
        RelRec(Rel.RECORDED_AT, fnd, MTG),
        RelRec(Rel.STATED_BY, fnd, ROLE),
        RelRec(Rel.ANSWERS, act, REC),
        RelRec(Rel.OWNED_BY, act, ROLE),
        RelRec(Rel.RAISED_AT, act, MTG),
        RelRec(Rel.HELD, PER, ROLE, {"from": "2018-07-31", "to": "2018-07-31"}),
        RelRec(Rel.ATTENDED, PER, MTG, {"attendance": "present", "capacity": "DCC"}),
        RelRec(Rel.EVIDENCED_BY, fnd, doc.id, {"start": 10, "end": 40, "quote": finding}),
    ]
    return GraphBatch(doc, nodes, rels)


def test_counts_after_write(store):
    summary = store.write(sample_batch())
    assert summary.nodes_created == 8
    assert summary.rels_created == 10
    assert store.count() == 8
    assert store.count(Label.FINDING) == 1
    assert store.count_rels() == 10
    assert store.count_rels(Rel.ANSWERS) == 2


def test_neighbours_both_directions(store):
    store.write(sample_batch())
    answering = store.edges([REC], [Rel.ANSWERS], "in")[REC]
    assert sorted(e.node.label for e in answering) == ["Action", "Finding"]
    out = store.edges([REC], None, "out")[REC]
    assert [(e.rel.type, e.node.id) for e in out] == [("ISSUED_IN", RPT)]
    both = store.edges([ROLE], None, "both")[ROLE]
    assert sorted(e.rel.type for e in both) == ["HELD", "OWNED_BY", "STATED_BY"]
    held = [e for e in both if e.rel.type == "HELD"][0]
    assert held.rel.props["from"] == "2018-07-31" and held.node.props["name"] == "Amanda Blakeman"


def test_lineage_of_a_recommendation(store):
    store.write(sample_batch())
    answering = store.edges([REC], [Rel.ANSWERS], "in")[REC]
    ids = [e.node.id for e in answering]
    where = store.edges(ids, [Rel.RECORDED_AT, Rel.RAISED_AT, Rel.STATED_BY, Rel.OWNED_BY, Rel.EVIDENCED_BY], "out")
    finding = next(e.node for e in answering if e.node.label == "Finding")
    kinds = sorted(e.rel.type for e in where[finding.id])
    assert kinds == ["EVIDENCED_BY", "RECORDED_AT", "STATED_BY"]
    ev = next(e for e in where[finding.id] if e.rel.type == "EVIDENCED_BY")
    assert ev.rel.props["quote"] == "The DCC confirmed work on OC16."
    assert ev.node.props["sha256"] == "a" * 64


def test_actions_of_an_owner(store):
    store.write(sample_batch())
    owned = store.edges([ROLE], [Rel.OWNED_BY], "in")[ROLE]
    assert [e.node.props["text"] for e in owned] == ["DCC to report on OC16"]
    assert store.find(Label.ACTION, {"status": "open"})[0].props["text"] == "DCC to report on OC16"
    assert store.find(Label.ACTION, {"status": "complete"}) == []


def test_rewrite_is_idempotent(store):
    store.write(sample_batch())
    before = store.digest()
    summary = store.write(sample_batch())
    assert (summary.nodes_created, summary.nodes_updated, summary.rels_created, summary.rels_updated) == (0, 0, 0, 0)
    assert store.digest() == before


def test_two_documents_share_nodes_and_delete_keeps_the_other(store):
    store.write(sample_batch("a" * 64))
    alone = store.digest()
    store.write(sample_batch("b" * 64, finding="The DCC said audits continue.", source="n.txt"))
    assert store.count(Label.FINDING) == 2
    assert store.count(Label.RECOMMENDATION) == 1  # shared, one node
    rec = store.get(REC)
    assert rec.props["sources"] == ["a" * 64, "b" * 64]
    assert store.delete_document("b" * 64) is True
    assert store.digest() == alone
    assert store.delete_document("b" * 64) is False


def test_replace_removes_only_the_old_version(store):
    store.write(sample_batch("a" * 64))
    store.write(sample_batch("c" * 64, finding="Another document's finding.", source="other.txt"))
    store.write(sample_batch("b" * 64, finding="The DCC revised the finding."), replaces=["a" * 64])
    texts = sorted(n.props["text"] for n in store.find(Label.FINDING))
    assert texts == ["Another document's finding.", "The DCC revised the finding."]
    assert [d.props["sha256"] for d in store.documents()] != []
    assert {d.props["sha256"] for d in store.documents()} == {"b" * 64, "c" * 64}


def test_order_free_merge_of_properties(store, request):
    """Two documents that say different amounts about one node agree whatever the order."""
    other = request.getfixturevalue("embedded_store") if store.kind == "neo4j" else None
    a = sample_batch("a" * 64)
    b = sample_batch("b" * 64, source="n.txt")
    b.nodes[2] = NodeRec(Label.MEETING, MTG, {"date": "2018-07", "title": "Monthly Assurance Meeting July 2018"})
    store.write(a)
    store.write(b)
    first = store.digest()
    meeting = store.get(MTG)
    assert meeting.props["date"] == "2018-07-31" and meeting.props["title"].startswith("Monthly")
    for sha in ("a" * 64, "b" * 64):
        store.delete_document(sha)
    assert store.count() == 0
    store.write(b)
    store.write(a)
    assert store.digest() == first
    if other is not None:  # and the embedded store builds the very same graph
        other.write(a)
        other.write(b)
        assert other.digest() == first


def test_search_finds_text(store):
    store.write(sample_batch())
    hits = store.search("OC16 audits")
    assert {n.label for n, _ in hits} >= {"Finding", "Recommendation", "Action"}
    assert store.search("zebra") == []
    assert store.search("' OR 1=1 --") == []  # no match, and no error


def test_rel_ends_must_be_in_the_batch(store):
    batch = sample_batch()
    batch.rels.append(RelRec(Rel.MENTIONS, batch.nodes[0].id, "brd_missing"))
    with pytest.raises(StoreError):
        store.write(batch)
    assert store.count() == 0
