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


# -- removing a document removes what it said, not just its sha -------------------------
# A node or relationship that other documents still support gets exactly the properties
# it would have had if the removed document had never been written.

def minutes_batch(sha: str, date: str, meeting: dict | None = None, held: bool = True,
                  source: str | None = None) -> GraphBatch:
    """Minutes of the meeting of ``date``'s month: the meeting, and the DCC present (HELD from = to = date)."""
    doc = doc_node(sha, source or f"minutes-{date}.txt")
    mtg = make_id(Label.MEETING, "assurance", date[:7])
    nodes = [
        NodeRec(Label.MEETING, mtg, {"date": date, **(meeting or {})}),
        NodeRec(Label.ROLE, ROLE, {"abbr": "DCC"}),
        NodeRec(Label.PERSON, PER, {"name": "Amanda Blakeman"}),
    ]
    rels = [RelRec(Rel.ATTENDED, PER, mtg, {"attendance": "present", "capacity": "DCC"})]
    if held:
        rels.append(RelRec(Rel.HELD, PER, ROLE, {"from": date, "to": date}))
    return GraphBatch(doc, nodes, rels)


def fresh_digest(tmp_path, batches: list[GraphBatch], name: str = "fresh") -> str:
    """The digest of a new store loaded with these batches only (stores' digests agree)."""
    from govgraph.graph.embedded import EmbeddedStore

    s = EmbeddedStore(tmp_path / name)
    for b in batches:
        s.write(b)
    return s.digest()


def held(store) -> dict:
    return next(e.rel.props for e in store.edges([PER], [Rel.HELD])[PER])


def test_delete_restores_the_value_a_shared_node_had_before(store):
    store.write(minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance"}))
    alone = store.digest()
    fuller = {"title": "Monthly Assurance Meeting", "venue": "Police HQ, Conference Room 2"}
    store.write(minutes_batch("b" * 64, "2018-07-31", fuller, source="agenda.txt"))
    assert store.get(MTG).props["title"] == "Monthly Assurance Meeting"  # the fuller value wins
    assert store.delete_document("b" * 64) is True
    meeting = store.get(MTG).props
    assert meeting["title"] == "Assurance" and "venue" not in meeting
    assert meeting["sources"] == ["a" * 64]
    assert store.digest() == alone


def test_replace_with_a_corrected_shorter_value_takes_effect(store):
    store.write(minutes_batch("c" * 64, "2018-07-31", {"title": "Assurance"}, source="agenda.txt"))
    store.write(minutes_batch("a" * 64, "2018-07-31", {"time": "10:30 am", "venue": "Police HQ, Room 2"}))
    corrected = minutes_batch("b" * 64, "2018-07-31", {"time": "09:30", "venue": "HQ"})
    summary = store.write(corrected, replaces=["a" * 64])
    assert summary.replaced == ["a" * 64]
    meeting = store.get(MTG).props
    assert (meeting["time"], meeting["venue"], meeting["title"]) == ("09:30", "HQ", "Assurance")
    assert meeting["sources"] == ["b" * 64, "c" * 64]


def test_held_tenure_shrinks_back_when_a_meeting_is_removed(store):
    june, july, august = ("1" * 64, "2018-06-26"), ("2" * 64, "2018-07-31"), ("3" * 64, "2018-08-28")
    for sha, date in (august, june, july):
        store.write(minutes_batch(sha, date))
    assert (held(store)["from"], held(store)["to"]) == ("2018-06-26", "2018-08-28")
    store.delete_document(august[0])
    assert (held(store)["from"], held(store)["to"]) == ("2018-06-26", "2018-07-31")
    store.delete_document(june[0])
    assert (held(store)["from"], held(store)["to"]) == ("2018-07-31", "2018-07-31")
    assert held(store)["sources"] == [july[0]]
    # July's minutes corrected: the DCC is no longer listed, so nothing says she held it.
    store.write(minutes_batch("4" * 64, "2018-07-31", held=False), replaces=[july[0]])
    assert store.edges([PER], [Rel.HELD])[PER] == []


def test_digest_after_delete_equals_a_fresh_store_of_the_rest_in_any_order(store, tmp_path):
    import itertools

    batches = [
        sample_batch("a" * 64),
        sample_batch("b" * 64, finding="The DCC said audits continue.", source="n.txt"),
        minutes_batch("c" * 64, "2018-07-31", {"title": "Monthly Assurance Meeting July 2018",
                                               "venue": "Police HQ", "time": "10:30"}),
        minutes_batch("d" * 64, "2018-08-28", {"title": "Assurance"}),
        minutes_batch("e" * 64, "2018-06-26", {"kind": "placeholder"}),
    ]
    batches[1].nodes[0] = NodeRec(Label.REPORT, RPT, {"title": "HMICFRS PEEL Effectiveness 2017",
                                                      "issuer": "HMICFRS"})
    for b in batches:
        store.write(b)
    remaining = list(batches)
    for gone in (batches[2], batches[0], batches[4]):
        assert store.delete_document(gone.sha256) is True
        remaining.remove(gone)
        got = store.digest()
        for i, order in enumerate(itertools.permutations(remaining)):
            assert got == fresh_digest(tmp_path, list(order), f"fresh-{gone.sha256[:4]}-{i}"), order
    # and writing the removed ones back gives the first graph again
    for b in (batches[4], batches[0], batches[2]):
        store.write(b)
    assert store.digest() == fresh_digest(tmp_path, batches, "all")


def test_a_document_written_twice_is_one_contribution(store, tmp_path):
    a = minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance"})
    store.write(a)
    again = minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance", "time": "10:30"})
    store.write(again)  # same sha, says more: merged, as before
    store.write(minutes_batch("b" * 64, "2018-07-31", {"venue": "HQ"}, source="agenda.txt"))
    assert store.delete_document("b" * 64) is True
    assert store.get(MTG).props["time"] == "10:30"
    assert store.digest() == fresh_digest(tmp_path, [a, again])
    assert store.delete_document("a" * 64) is True
    assert store.count() == 0 and store.count_rels() == 0


def _fail_next_write(store, monkeypatch) -> None:
    def boom(*args):
        raise OSError("simulated failure at the end of the write")

    if store.kind == "embedded":
        monkeypatch.setattr(type(store), "_before_rename", lambda self, tmp: boom())
    else:
        monkeypatch.setattr(type(store), "_after_writes", lambda self, tx: boom())


def test_a_failed_write_with_replaces_leaves_no_trace(store, monkeypatch, tmp_path):
    a = minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance"})
    b = minutes_batch("b" * 64, "2018-07-31", {"title": "Monthly Assurance Meeting", "time": "10:30"},
                      source="agenda.txt")
    store.write(a)
    store.write(b)
    before = store.digest()
    with monkeypatch.context() as m:
        _fail_next_write(store, m)
        with pytest.raises((OSError, StoreError)):
            store.write(minutes_batch("c" * 64, "2018-08-28", {"title": "A much fuller August title"},
                                      source="agenda.txt"), replaces=["b" * 64])
        with pytest.raises((OSError, StoreError)):
            store.write(minutes_batch("d" * 64, "2018-07-31", {"title": "A much fuller July title",
                                                                "venue": "HQ"}))
    assert store.digest() == before
    assert store.find(Label.DOCUMENT, {"sha256": "c" * 64}) == []
    # The contributions were rolled back too: removing b still leaves exactly a.
    assert store.delete_document("b" * 64) is True
    assert store.digest() == fresh_digest(tmp_path, [a])
    assert store.get(MTG).props["title"] == "Assurance"


def test_reads_never_show_the_stores_bookkeeping(store):
    store.write(sample_batch("a" * 64))
    store.write(sample_batch("b" * 64, finding="The DCC said audits continue.", source="n.txt"))
    store.delete_document("a" * 64)
    nodes = [*store.all_nodes(), *store.get_many([REC, ROLE, MTG]).values(), *store.find(Label.ROLE),
             *(n for n, _ in store.search("OC16"))]
    rels = list(store.all_rels())
    for edges in store.edges([REC, ROLE, MTG, PER], None, "both").values():
        nodes += [e.node for e in edges]
        rels += [e.rel for e in edges]
    assert nodes and rels
    assert not [x for x in nodes + rels if any(k.startswith("_contrib") or k == "contrib" for k in x.props)]
    assert all("sources" in x.props for x in nodes + rels)


@pytest.mark.neo4j
def test_neo4j_graph_written_before_contributions_were_kept(neo4j_store, tmp_path):
    """Nodes and relationships without contributions count their properties as contributed
    by all their sources: a delete then keeps them, as before, and never drops them."""
    s = neo4j_store
    s.write(minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance"}))
    s.write(minutes_batch("b" * 64, "2018-07-31", {"venue": "HQ"}, source="agenda.txt"))
    s._run(lambda tx: tx.run("MATCH (n:Entity) REMOVE n._contrib_keys, n._contrib_idx "
                             "WITH n MATCH (n)-[r]->() REMOVE r._contrib_keys, r._contrib_idx").consume(), write=True)
    before = {n.id: n.props for n in s.all_nodes()}
    assert s.delete_document("b" * 64) is True
    meeting = s.get(MTG).props
    assert meeting["sources"] == ["a" * 64] and meeting["venue"] == "HQ"  # legacy: kept as before
    assert set(before) - {n.id for n in s.all_nodes()} == {make_id(Label.DOCUMENT, "b" * 64)}
    s.write(minutes_batch("c" * 64, "2018-07-31", {"time": "10:30"}, source="c.txt"))
    assert s.delete_document("c" * 64) is True
    assert "time" not in s.get(MTG).props and s.get(MTG).props["venue"] == "HQ"


def test_concurrent_writers_of_shared_nodes_lose_nothing(store, tmp_path):
    """Two writers at once, each document sharing the meeting, role, person and HELD
    tenure: every source and every contribution survives (a delete then still gives
    exactly the graph of the other documents)."""
    import threading

    def batches(tag: str) -> list[GraphBatch]:
        return [minutes_batch(f"{tag}{i:02d}" * 16, f"2018-07-{10 + i:02d}", {"title": f"Assurance {tag} {i}"},
                              source=f"{tag}{i}.txt") for i in range(8)]

    errors: list[BaseException] = []

    def run(tag: str) -> None:
        try:
            for b in batches(tag):
                store.write(b)
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(tag,)) for tag in ("aa", "bb")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    everything = batches("aa") + batches("bb")
    assert store.digest() == fresh_digest(tmp_path, everything, "all")
    assert store.delete_document(everything[0].sha256) is True
    assert store.digest() == fresh_digest(tmp_path, everything[1:], "rest")


@pytest.mark.neo4j
def test_neo4j_contributions_in_the_earlier_json_form_are_read_and_converted(neo4j_store, tmp_path):
    """A graph written when contributions were one JSON string per node (``_contrib``):
    deletes and writes give what they give on a graph written now, and a write converts
    what it touches to the current form."""
    import json

    from govgraph.graph.neo4j_store import _split

    s = neo4j_store
    a = minutes_batch("a" * 64, "2018-07-31", {"title": "Assurance"})
    b = minutes_batch("b" * 64, "2018-07-31", {"venue": "HQ"}, source="agenda.txt")
    c = minutes_batch("c" * 64, "2018-08-28", {"time": "10:30"}, source="c.txt")
    s.write(a)
    s.write(b)

    def to_json_form(tx):
        for r in tx.run("MATCH (n:Entity) RETURN n.id AS id, properties(n) AS p").data():
            tx.run("MATCH (n:Entity {id: $id}) SET n._contrib = $c REMOVE n._contrib_keys, n._contrib_idx",
                   id=r["id"], c=json.dumps(_split(r["p"])[1])).consume()
        for r in tx.run("MATCH ()-[r]->() RETURN elementId(r) AS eid, properties(r) AS p").data():
            tx.run("MATCH ()-[r]->() WHERE elementId(r) = $eid SET r._contrib = $c REMOVE r._contrib_keys, "
                   "r._contrib_idx", eid=r["eid"], c=json.dumps(_split(r["p"])[1])).consume()

    s._run(to_json_form, write=True)
    assert s.delete_document("b" * 64) is True
    assert s.digest() == fresh_digest(tmp_path, [a], "a")
    s.write(c)
    s.write(b)
    assert s.digest() == fresh_digest(tmp_path, [a, b, c], "abc")
    assert s.delete_document("a" * 64) is True
    assert s.digest() == fresh_digest(tmp_path, [b, c], "bc")
    left = s._read("MATCH (n:Entity) WHERE n._contrib IS NOT NULL RETURN count(n) AS n")[0]["n"]
    assert left == 0  # every node a, b or c touched now keeps the current form


def test_lineage_in_one_view_answers_as_step_by_step_reads(store):
    """``lineage`` reads through ``snapshot`` / ``lineage_reads`` (Neo4j: one statement);
    the answer must be the one the store's own reads give, step by step."""
    from govgraph.graph import queries as Q

    store.write(sample_batch())
    store.write(minutes_batch("c" * 64, "2018-08-02"))
    upd = make_id(Label.UPDATE, "x")
    act = make_id(Label.ACTION, "assurance", "2018-07", "DCC to report on OC16")
    later = make_id(Label.MEETING, "assurance", "2018-08")
    store.write(GraphBatch(doc_node("d" * 64, "u.txt"), [
        NodeRec(Label.ACTION, act, {"text": "DCC to report on OC16"}),
        NodeRec(Label.MEETING, later, {"date": "2018-08-02"}),
        NodeRec(Label.UPDATE, upd, {"text": "Done.", "status": "complete"}),
    ], [RelRec(Rel.UPDATES, upd, act), RelRec(Rel.RECORDED_AT, upd, later)]))
    for rec_id in (REC, MTG, "no-such-id"):
        assert Q.lineage(store, rec_id) == Q._lineage(store, rec_id)
    answer = Q.lineage(store, REC)
    assert answer["actions"][0]["status"] == "complete"
    assert answer["findings"][0]["speaker"]["people"] == [{"id": PER, "name": "Amanda Blakeman"}]
    view = store.lineage_reads(REC)
    if view is not None:  # Neo4j: the view holds everything; no read goes to the store
        view.store = None
        assert Q._lineage(view, REC) == answer


def test_search_limit_cuts_the_full_ranking(store):
    store.write(sample_batch())
    store.write(sample_batch("b" * 64, finding="OC16 again: the DCC on OC16 audits.", source="n.txt"))
    full = store.search("OC16 DCC audits", limit=100)
    assert len(full) >= 4
    assert store.search("OC16 DCC audits", limit=2) == full[:2]
    only = store.search("OC16 DCC audits", labels=["Finding"], limit=1)
    assert only == [h for h in full if h[0].label == "Finding"][:1]


def test_light_search_is_the_same_hits_without_sources(store):
    store.write(sample_batch())

    def plain(hits):
        return [(n.id, n.label, {k: v for k, v in n.props.items() if k != "sources"}, s) for n, s in hits]

    full = store.search("OC16 DCC audits")
    light = store.search("OC16 DCC audits", sources=False)
    assert full and all("sources" in n.props for n, _ in full)
    assert plain(light) == plain(full)
    if store.kind == "neo4j":  # the light read leaves the lists on the server
        assert not any("sources" in n.props for n, _ in light)
