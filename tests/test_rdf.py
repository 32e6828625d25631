"""RDF export and import (graph.rdf): standard terms, lossless round trips, SPARQL lineage.

The hand-made graph is ``test_analysis.world()``; the ingested seed (and the test series
when it is in the tree) is used where noted.
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx
import pytest
from govgraph.graph import queries, rdf
from govgraph.graph.model import Label, NodeRec, Rel, RelRec, digest_of, make_id
from rdflib import RDF, Graph, URIRef
from test_analysis import BA, BB, DCC, FND, R1, R2, REC, load_world

ROOT = Path(__file__).resolve().parent.parent
VOCAB = ROOT / "docs" / "govgraph.ttl"
SEED = ROOT / "examples" / "assurance-meeting-2018-07.txt"
SERIES = ROOT / "tests" / "fixtures" / "series"
GG, DCTERMS, ORG, PROV = rdf.GG, rdf.DCTERMS, rdf.ORG, rdf.PROV


def fresh(store, tmp_path, name="fresh"):
    """An empty store of the same kind (Neo4j has one database: it is wiped)."""
    if store.kind == "neo4j":
        store.wipe()
        return store
    from govgraph.graph.embedded import EmbeddedStore

    return EmbeddedStore(tmp_path / name)


@pytest.fixture
def loaded(store):
    load_world(store)
    return store


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_round_trip_gives_the_same_digest(loaded, tmp_path, fmt):
    digest, count = loaded.digest(), loaded.count()
    text = rdf.export(loaded, fmt)
    target = fresh(loaded, tmp_path)
    assert target.count() == 0
    path = tmp_path / f"graph.{fmt}"
    path.write_text(text, encoding="utf-8")
    summary = rdf.import_rdf(target, path)
    assert summary["nodes"] == count
    assert target.digest() == digest
    rec = target.get(REC[3])
    assert len(rec.props["sources"]) == 2  # discussed in two documents: both kept


def test_round_trip_across_stores(store, tmp_path, request):
    """Exported from the embedded store, imported into this one: the same graph."""
    from govgraph.graph.embedded import EmbeddedStore

    source = EmbeddedStore(tmp_path / "source")
    load_world(source)
    rdf.import_rdf(store, rdf.to_rdf(source))
    assert store.digest() == source.digest()


def test_turtle_has_types_provenance_and_standard_terms(loaded):
    g = Graph().parse(data=rdf.export(loaded, "ttl"), format="turtle")
    ids = {n.id for n in loaded.all_nodes()}
    typed = {rdf.id_of(s) for s, o in g.subject_objects(RDF.type)
             if str(s).startswith(rdf.ID_BASE) and not str(s).startswith(rdf.REL_BASE)}
    assert typed == ids  # every node has an rdf:type, and nothing else under id/ does
    findings = set(g.subjects(RDF.type, GG.Finding))
    assert len(findings) == 4
    for f in findings:
        assert (f, PROV.wasDerivedFrom, None) in g
        (d,) = g.objects(f, PROV.qualifiedDerivation)
        assert g.value(d, GG.quote) and g.value(d, GG.start) is not None and g.value(d, PROV.entity)
    f2 = rdf.node_iri(FND[2])
    quote = str(g.value(g.value(f2, PROV.qualifiedDerivation), GG.quote))
    assert quote.startswith("West Mercia was deemed an outlier") and "\n" in quote and '"' in quote
    # W3C ORG: posts, holders, a membership with its interval.
    dcc = rdf.node_iri(DCC)
    assert (dcc, RDF.type, ORG.Post) in g
    (m,) = g.subjects(GG.post, dcc)
    assert (m, RDF.type, ORG.Membership) in g
    interval = g.value(m, ORG.memberDuring)
    assert str(g.value(g.value(interval, rdf.TIME.hasBeginning), rdf.TIME.inXSDDate)) == "2018-04-24"
    assert str(g.value(g.value(interval, rdf.TIME.hasEnd), rdf.TIME.inXSDDate)) == "2018-10-30"
    assert (rdf.node_iri(BA), RDF.type, ORG.OrganizationalUnit) in g
    # Dublin Core on documents and meetings.
    doc = next(iter(g.subjects(RDF.type, GG.Document)))
    assert g.value(doc, DCTERMS.title) and g.value(doc, DCTERMS.source) and g.value(doc, DCTERMS.identifier)
    assert {str(o) for o in g.objects(None, DCTERMS.date)} >= {"2018-07-31", "2019-04"}


def test_every_gg_term_is_in_the_published_vocabulary(loaded):
    vocab = Graph().parse(VOCAB, format="turtle")
    declared = {s for s in vocab.subjects(RDF.type, None) if str(s).startswith(str(GG))}
    g = rdf.to_rdf(loaded)
    used = {p for p in g.predicates() if str(p).startswith(str(GG)) and not str(p).startswith(str(GG) + "prop_")}
    used |= {o for o in g.objects(None, RDF.type) if str(o).startswith(str(GG))}
    used |= {o for o in g.objects(None, RDF.predicate)}
    assert used - declared == set()
    assert {GG[lbl.value] for lbl in Label} <= declared
    assert {rdf.PREDICATE[r.value] for r in Rel} <= declared


def test_sparql_lineage_matches_queries_lineage(loaded):
    g = rdf.to_rdf(loaded)
    targets = [n.id for n in loaded.find(Label.RECOMMENDATION)] + [n.id for n in loaded.find(Label.QUESTION)]
    assert len(targets) == 8
    answered = 0
    for rid in targets:
        expected = [{
            "id": e["id"], "kind": str(e["kind"]),
            "meeting": (e["meeting"] or {}).get("id"), "date": (e["meeting"] or {}).get("date"),
            "evidence": [{"quote": v["quote"], "start": v["start"], "end": v["end"],
                          "document": v["document"]["sha256"]} for v in e["evidence"]],
        } for e in queries.lineage(loaded, rid)["entries"]]
        assert rdf.sparql_lineage(g, rid) == expected, rid
        answered += bool(expected)
    assert answered == 4  # rec1, rec2, rec3 and q1
    rows = rdf.sparql_lineage(g, REC[3])
    assert [r["kind"] for r in rows] == ["Action", "Finding", "Finding"]
    assert [r["date"] for r in rows] == ["2018-07-31", "2018-07-31", "2018-10-30"]


def test_board_scope_answers_like_the_whole_graph(loaded, tmp_path):
    nodes, rels = rdf.scope_subgraph(loaded, BB, rdf.BOARD_SCOPE)
    text = rdf.export(loaded, "ttl", board_id=BB)
    full = {m["id"]: queries.meeting_detail(loaded, m["id"]) for m in queries.board_detail(loaded, BB)["meetings"]}
    board = queries.board_detail(loaded, BB)
    assert len(full) == 2 and {n.id for n in nodes} >= set(full)
    target = fresh(loaded, tmp_path)
    rdf.import_rdf(target, Graph().parse(data=text, format="turtle"))
    assert target.digest() == digest_of(nodes, rels)
    assert target.count(Label.MEETING) < 8  # board A's meetings stay out
    for mid, detail in full.items():
        assert queries.meeting_detail(target, mid) == detail
    assert queries.board_detail(target, BB) == board  # mentions by board A's finding included


def test_report_scope_answers_lineage_like_the_whole_graph(loaded, tmp_path):
    expected = {r: queries.lineage(loaded, r) for r in (REC[1], REC[2], REC[3], REC[4])}
    g = rdf.to_rdf(loaded, {"report": R1})
    assert (rdf.node_iri(REC[5]), None, None) not in g  # another report's recommendation
    target = fresh(loaded, tmp_path)
    rdf.import_rdf(target, g)
    for rid, lin in expected.items():
        assert queries.lineage(target, rid) == lin, rid


def test_unknown_scope_and_format(loaded):
    with pytest.raises(LookupError):
        rdf.export(loaded, "ttl", board_id="brd_missing")
    with pytest.raises(LookupError):
        rdf.export(loaded, "ttl", report_id=BB)  # a board is not a report
    with pytest.raises(ValueError):
        rdf.export(loaded, "rdfxml")
    with pytest.raises(ValueError):
        rdf.to_rdf(loaded, {"meeting": "x"})


def test_graphml(loaded):
    text = rdf.export(loaded, "graphml")
    g = nx.read_graphml(io.StringIO(text))
    assert g.number_of_nodes() == loaded.count()
    assert g.number_of_edges() == loaded.count_rels()
    f = g.nodes[FND[2]]
    assert f["label"] == "Finding" and f["confidence"] == "0.75" and f["sources"].startswith('["')
    assert {d["type"] for _, _, d in g.edges(data=True)} >= {"ANSWERS", "EVIDENCED_BY", "HELD"}


def test_jsonld_is_the_same_graph_as_turtle(loaded):
    a = Graph().parse(data=rdf.export(loaded, "ttl"), format="turtle")
    b = Graph().parse(data=rdf.export(loaded, "jsonld"), format="json-ld")
    assert len(a) == len(b) and set(a) == set(b)


def test_export_writes_to_text_and_binary_streams(loaded):
    text = rdf.export(loaded, "nt")
    t, b = io.StringIO(), io.BytesIO()
    rdf.export(loaded, "nt", t)
    rdf.export(loaded, "nt", b)
    assert t.getvalue() == text and b.getvalue().decode("utf-8") == text


AWKWARD = {
    "text": 'Quotes "double" and \'single\', a backslash \\ and \\n literally,\r\nCRLF, tab\t, “curly” — £€, emoji 🚓',
    "empty": "",
    "number_text": "12",
    "big": 2**62,
    "negative": -7,
    "ratio": 0.1,
    "flag": True,
    "off": False,
    "tags": ["b", "a", ""],
    "nested": {"k": [1, None, {"x": "y"}]},
    "nothing": None,
    "date": "2018-07",
}


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld"])
def test_property_values_survive_every_format(fmt):
    doc = make_id(Label.DOCUMENT, "d" * 64)
    nodes = [NodeRec(Label.DOCUMENT, doc, {"sha256": "d" * 64, "sources": ["d" * 64]}),
             NodeRec(Label.FINDING, "fnd_x", {**AWKWARD, "sources": ["d" * 64]}),
             NodeRec(Label.MEETING, "mtg_odd id/with?chars", {"date": "2018-07-31", "sources": ["d" * 64]})]
    rels = [RelRec(Rel.EVIDENCED_BY, "fnd_x", doc, {"quote": AWKWARD["text"], "start": 0, "end": 9,
                                                    "sources": ["d" * 64]}),
            RelRec(Rel.RECORDED_AT, "fnd_x", "mtg_odd id/with?chars", {"sources": ["d" * 64]})]
    text = rdf.graph_of(nodes, rels).serialize(format=rdf._RDFLIB_FORMAT[fmt])
    back_nodes, back_rels = rdf.from_rdf(Graph().parse(data=text, format=rdf._RDFLIB_FORMAT[fmt]))
    assert back_nodes == sorted(nodes, key=lambda n: n.id)
    assert back_rels == sorted(rels, key=lambda r: r.key)
    assert all(type(back_nodes[1].props[k]) is type(v) for k, v in AWKWARD.items())


def test_foreign_rdf_without_sources_still_loads(embedded_store):
    g = rdf.new_graph()
    rdf.add_node(g, NodeRec(Label.BOARD, "brd_x", {"name": "Board X"}))
    rdf.add_node(g, NodeRec(Label.MEETING, "mtg_x", {"date": "2020-01-01"}))
    rdf.add_rel(g, RelRec(Rel.OF_BOARD, "mtg_x", "brd_x"))
    rdf.import_rdf(embedded_store, g)
    (doc,) = embedded_store.documents()
    assert doc.props["source"] == "rdf-import"
    assert embedded_store.get("mtg_x").props["sources"] == [doc.props["sha256"]]
    assert embedded_store.count_rels(Rel.OF_BOARD) == 1


def test_iris_are_stable(loaded):
    a = rdf.export(loaded, "nt")
    b = rdf.export(loaded, "nt")
    assert sorted(a.splitlines()) == sorted(b.splitlines())
    assert f"<https://govgraph.org/id/{REC[3]}>" in a
    assert f"<https://govgraph.org/id/rel/ANSWERS/{FND[2]}/{REC[3]}>" in a
    assert not any(line.startswith("_:") for line in a.splitlines())  # no blank nodes
    assert URIRef(rdf.ID_BASE + R2) in set(rdf.to_rdf(loaded).subjects())


# -- on the ingested seed (and the series, when it is in the tree) -------------------------------

def _ingest(store, with_series: bool) -> None:
    from govgraph.ingest.load import ingest_paths

    paths = [SEED] + (sorted(SERIES.glob("*.txt")) if with_series else [])
    report = ingest_paths([str(p) for p in paths], store, progress=False)
    assert report.documents_failed == 0, report.errors


def test_seed_turtle_parses_with_types_and_provenance(store):
    _ingest(store, with_series=False)
    g = Graph().parse(data=rdf.export(store, "ttl"), format="turtle")
    nodes = list(store.all_nodes())
    assert nodes
    for n in nodes:
        assert (rdf.node_iri(n.id), RDF.type, GG[n.label]) in g
    findings = list(g.subjects(RDF.type, GG.Finding))
    assert len(findings) == store.count(Label.FINDING)
    for f in findings:
        assert (f, PROV.wasDerivedFrom, None) in g


def test_seed_and_series_round_trip_and_sparql_lineage(store, tmp_path):
    if not SERIES.is_dir():
        pytest.skip("tests/fixtures/series is not in the tree yet")
    _ingest(store, with_series=True)
    digest = store.digest()
    text = rdf.export(store, "ttl")
    g = Graph().parse(data=text, format="turtle")
    recs = store.find(Label.RECOMMENDATION)
    assert recs
    for r in recs:
        expected = [(e["id"], (e["meeting"] or {}).get("date"), [v["quote"] for v in e["evidence"]])
                    for e in queries.lineage(store, r.id)["entries"]]
        got = [(e["id"], e["date"], [v["quote"] for v in e["evidence"]]) for e in rdf.sparql_lineage(g, r.id)]
        assert got == expected, r.id
    target = fresh(store, tmp_path)
    rdf.import_rdf(target, g)
    assert target.digest() == digest
