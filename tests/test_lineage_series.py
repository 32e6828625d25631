"""Lineage across meetings: the June, July (seed) and August 2018 minutes as one graph.

June raises two actions that July carries forward; July raises one that August
updates; July and August both discuss HMICFRS PEEL Effectiveness 2017 recommendation 3
(OC16). The series is made up (tests/fixtures/series/, header line says so) except
the July seed. Each test runs on both stores (``store`` fixture).

Most tests load the series from its gold extraction files (``*.gold.json``: what a
perfect extractor returns, no evidence) with the real files' paths and hashes, so they
check resolution and storage whatever the extractor's quality; the permutation test
also runs on the extractor's own output, and ``test_text_series_lineage`` goes end to
end from the .txt minutes (reader, extractor, resolver, store) and checks evidence.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import itertools
import json
from pathlib import Path

import pytest
from govgraph.graph.embedded import EmbeddedStore
from govgraph.graph.store import Store
from govgraph.ingest.load import ingest_extraction, ingest_paths

TESTS = Path(__file__).resolve().parent
SERIES = TESTS / "fixtures" / "series"
SEED_TXT = TESTS.parent / "examples" / "assurance-meeting-2018-07.txt"
DOCS = {
    "2018-06": (SERIES / "assurance-meeting-2018-06.txt", SERIES / "assurance-meeting-2018-06.gold.json"),
    "2018-07": (SEED_TXT, TESTS / "fixtures" / "assurance-meeting-2018-07.gold.json"),
    "2018-08": (SERIES / "assurance-meeting-2018-08.txt", SERIES / "assurance-meeting-2018-08.gold.json"),
}
KNIFE = "CC to provide an update on knife crime to the July holding to account meeting."
RTC = "The DPCC to be provided with an update following the RTC review."


def extraction(month: str, mode: str = "gold") -> dict:
    """The month's extraction: its gold file as if extracted from the minutes file, or
    (``mode="extracted"``) what the extractor makes of the file, evidence included."""
    txt, gold = DOCS[month]
    if mode == "extracted":
        return copy.deepcopy(_extracted(txt))
    data = json.loads(gold.read_text(encoding="utf-8"))
    data["document"] = {"source": str(txt.resolve()), "sha256": hashlib.sha256(txt.read_bytes()).hexdigest(),
                        "format": "txt"}
    return data


@functools.cache
def _extracted(txt: Path) -> dict:
    from govgraph.ingest.extract.pipeline import extract_document
    from govgraph.ingest.readers import read_document

    doc = read_document(txt)
    doc.source = str(txt.resolve())
    return extract_document(doc)


def load(store: Store, months=("2018-06", "2018-07", "2018-08"), mode: str = "gold") -> None:
    for m in months:
        report = ingest_extraction(extraction(m, mode), store)
        assert report.ok, report.errors


def counts(report) -> tuple[int, int, int]:
    """(ok, failed, unchanged) documents of an ingest report."""
    return report.documents_ok, report.documents_failed, report.documents_unchanged


def fresh(store: Store, tmp_path: Path, name: str) -> Store:
    """An empty store of the same kind (Neo4j: the same database, wiped)."""
    if isinstance(store, EmbeddedStore):
        return EmbeddedStore(tmp_path / name)
    store.wipe()  # type: ignore[attr-defined]
    return store


def out(store: Store, node_id: str, rel: str) -> list:
    return store.edges([node_id], [rel], "out")[node_id]


def inn(store: Store, node_id: str, rel: str) -> list:
    return store.edges([node_id], [rel], "in")[node_id]


def holders_on(store: Store, role_id: str, date: str) -> list[str]:
    """Who held a role on a date, from the HELD tenures every document contributed."""
    return sorted(e.node.props["name"] for e in inn(store, role_id, "HELD")
                  if e.rel.props.get("from", "") <= date <= e.rel.props.get("to", ""))


def action(store: Store, text: str):
    (found,) = [n for n in store.find("Action") if n.props["text"] == text]
    return found


def check_oc16_lineage(store: Store) -> None:
    (rec,) = [n for n in store.find("Recommendation", {"ref": "3"}) if "OC16" in n.props["text"]]
    (report,) = [e.node for e in out(store, rec.id, "ISSUED_IN")]
    assert report.props["title"] == "HMICFRS PEEL Effectiveness 2017"
    findings = [e.node for e in inn(store, rec.id, "ANSWERS")]
    by_meeting: dict[str, list] = {}
    for f in findings:
        (mtg,) = [e.node for e in out(store, f.id, "RECORDED_AT")]
        by_meeting.setdefault(mtg.props["date"], []).append(f)
    assert set(by_meeting) == {"2018-07-31", "2018-08-28"}
    assert sorted(e.node.props["date"] for e in out(store, rec.id, "DISCUSSED_AT")) == ["2018-07-31", "2018-08-28"]

    (dcc_aug,) = [f for f in by_meeting["2018-08-28"] if f.props["text"].startswith("The DCC confirmed")]
    stated = {e.node.label: e.node for e in out(store, dcc_aug.id, "STATED_BY")}
    assert stated["Role"].props["abbr"] == "DCC"
    assert stated["Person"].props["name"] == "Amanda Blakeman"
    # and through tenure: the DCC on the meeting's date, from all three attendance lists
    assert holders_on(store, stated["Role"].id, "2018-08-28") == ["Amanda Blakeman"]
    tenure = {e.node.props["name"]: e.rel.props for e in inn(store, stated["Role"].id, "HELD")}
    assert tenure["Amanda Blakeman"] == {"from": "2018-06-26", "to": "2018-08-28", "sources": tenure[
        "Amanda Blakeman"]["sources"]}
    assert len(tenure["Amanda Blakeman"]["sources"]) == 3


def check_action_lineage(store: Store) -> None:
    knife = action(store, KNIFE)
    assert knife.props["status"] == "open"  # as raised; later statuses are on its updates
    (raised,) = [e.node for e in out(store, knife.id, "RAISED_AT")]
    assert raised.props["date"] == "2018-06-26"
    assert raised.props["title"] == "Monthly Assurance Meeting June 2018 – Meeting Notes"
    (owner,) = [e.node for e in out(store, knife.id, "OWNED_BY")]
    assert (owner.label, owner.props["abbr"]) == ("Role", "CC")
    assert holders_on(store, owner.id, raised.props["date"]) == ["Anthony Bangham"]
    (update,) = [e.node for e in inn(store, knife.id, "UPDATES")]
    assert update.props["status"] == "complete"
    (recorded,) = [e.node for e in out(store, update.id, "RECORDED_AT")]
    assert recorded.props["date"] == "2018-07-31"

    rtc = action(store, RTC)
    (raised,) = [e.node for e in out(store, rtc.id, "RAISED_AT")]
    assert raised.props["date"] == "2018-07-31"
    (update,) = [e.node for e in inn(store, rtc.id, "UPDATES")]
    (recorded,) = [e.node for e in out(store, update.id, "RECORDED_AT")]
    assert recorded.props["date"] == "2018-08-28"
    assert update.props["text"].startswith("The DPCC received a written update")

    # the meetings chain: June -NEXT-> July -NEXT-> August -NEXT-> September (announced only)
    dates = []
    node = raised  # July
    for _ in range(2):
        (node,) = [e.node for e in out(store, node.id, "NEXT")]
        dates.append(node.props["date"])
    assert dates == ["2018-08-28", "2018-09-25"]
    (june,) = [e.node for e in inn(store, raised.id, "NEXT")]
    assert june.props["date"] == "2018-06-26"


def test_series_lineage(store):
    load(store)
    check_oc16_lineage(store)
    check_action_lineage(store)
    (rec,) = [n for n in store.find("Recommendation", {"ref": "3"}) if "OC16" in n.props["text"]]
    assert len(inn(store, rec.id, "ANSWERS")) == 4 + 3  # July's four findings, August's three
    # April and May (referred to), June, July, August, September (announced)
    assert sorted(n.props["date"] for n in store.find("Meeting")) == [
        "2018-04", "2018-05", "2018-06-26", "2018-07-31", "2018-08-28", "2018-09-25"]


def test_series_through_the_query_layer(store):
    """The same lineage as the API answers it (graph.queries), from what ingest built."""
    from govgraph.graph import queries

    load(store)
    (rec,) = [n for n in store.find("Recommendation", {"ref": "3"}) if "OC16" in n.props["text"]]
    lin = queries.lineage(store, rec.id)
    (dcc,) = [f for f in lin["findings"] if f["meeting"]["date"] == "2018-08-28"
              and f["text"].startswith("The DCC confirmed")]
    assert dcc["speaker"]["role"]["abbr"] == "DCC"
    assert [p["name"] for p in dcc["speaker"]["people"]] == ["Amanda Blakeman"]
    knife = queries.action_detail(store, action(store, KNIFE).id)
    assert knife["status"] == "complete" and knife["meeting"]["date"] == "2018-06-26"
    assert knife["owner"]["role"]["abbr"] == "CC"
    assert [p["name"] for p in knife["owner"]["people"]] == ["Anthony Bangham"]  # the CC on 26 June 2018
    assert [u["meeting"]["date"] for u in knife["updates"]] == ["2018-07-31"]
    statuses = {a["text"]: a["status"] for a in queries.action_log(store)}
    assert statuses[RTC] == "complete"
    assert statuses["The DCC to circulate the OC16 audit report to the OPCC."] == "open"
    assert store.count("Document") == 3


@pytest.mark.parametrize("mode", ["gold", "extracted"])
def test_every_order_gives_one_graph(store, tmp_path, mode):
    orders = list(itertools.permutations(DOCS))
    if not isinstance(store, EmbeddedStore):
        # Neo4j is slower to refill: the three rotations put every document in every
        # position and every pair of documents in both orders.
        orders = [orders[0], orders[3], orders[4]]
        assert {o[0] for o in orders} == set(DOCS) and len({o[1] for o in orders}) == 3
    digests = set()
    for i, order in enumerate(orders):
        s = fresh(store, tmp_path, f"order{i}")
        load(s, order, mode)
        digests.add(s.digest())
    assert len(digests) == 1, f"{len(digests)} different graphs from {len(orders)} orders"


def test_reingest_changes_nothing(store):
    load(store)
    before = store.digest()
    for m in DOCS:
        report = ingest_extraction(extraction(m), store)
        assert counts(report) == (0, 0, 1)
        assert report.nodes_created == report.rels_created == 0
    assert store.digest() == before
    # and writing a batch that is already loaded creates nothing either
    from govgraph.ingest.resolve import resolve

    summary = store.write(resolve(extraction("2018-07")))
    assert (summary.nodes_created, summary.rels_created, summary.nodes_updated, summary.rels_updated) == (0, 0, 0, 0)
    assert store.digest() == before


def edited_august() -> dict:
    """A corrected August: a finding reworded, one finding dropped, the new action reworded."""
    data = extraction("2018-08")
    data["document"]["sha256"] = hashlib.sha256(b"edited august").hexdigest()  # same source, new bytes
    data["findings"][0]["text"] = data["findings"][0]["text"].replace("had been completed", "was complete")
    del data["findings"][1]
    data["actions"][1]["text"] = "The DCC to circulate the OC16 audit report to the OPCC and the PCC."
    return data


def expected_digest(tmp_path: Path, extractions: list[dict]) -> str:
    """The digest of a fresh embedded store loaded with these extractions (the stores'
    digests agree: test_both_stores_build_the_same_graph)."""
    s = EmbeddedStore(tmp_path / "expected")
    for e in extractions:
        assert ingest_extraction(e, s).ok
    return s.digest()


def test_changed_version_replaces_only_its_contribution(store, tmp_path):
    load(store)
    report = ingest_extraction(edited_august(), store)
    assert report.ok and report.replaced == [extraction("2018-08")["document"]["sha256"]]
    assert store.count("Document") == 3
    texts = {n.props["text"] for n in store.find("Action")}
    assert "The DCC to circulate the OC16 audit report to the OPCC." not in texts
    assert store.digest() == expected_digest(tmp_path, [extraction("2018-06"), extraction("2018-07"),
                                                        edited_august()])


def test_changed_version_of_shared_facts(embedded_store, tmp_path):
    """August corrected: another venue, and the minute taker no longer listed. The
    August meeting node (also announced by July) and the minute taker's HELD tenure
    (also stated by June and July) must lose what only the old version said."""
    def corrected() -> dict:
        data = extraction("2018-08")
        data["document"]["sha256"] = hashlib.sha256(b"corrected august").hexdigest()
        data["meeting"]["venue"] = "Council Chamber"
        data["participants"] = data["participants"][:-1]
        return data

    load(embedded_store)
    assert ingest_extraction(corrected(), embedded_store).ok
    assert embedded_store.digest() == expected_digest(tmp_path, [extraction("2018-06"), extraction("2018-07"),
                                                                 corrected()])


@pytest.mark.neo4j
def test_both_stores_build_the_same_graph(embedded_store, neo4j_store):
    load(embedded_store)
    load(neo4j_store, ("2018-08", "2018-06", "2018-07"))
    assert embedded_store.digest() == neo4j_store.digest()


def test_text_series_lineage(store, tmp_path):
    """End to end from the minutes files: reader, extractor, resolver, store."""
    files = [txt for txt, _ in DOCS.values()]
    report = ingest_paths(files, store, progress=False)
    assert counts(report) == (3, 0, 0), report.errors
    check_oc16_lineage(store)
    check_action_lineage(store)
    check_evidence(store, files)


def check_evidence(store: Store, files: list[Path]) -> None:
    """Every node a record states points at its words: the quote is the document's text there."""
    from govgraph.ingest.readers import read_document

    texts = {str(f.resolve()): read_document(f).text for f in files}
    stated = [n for label in ("Person", "Role", "AgendaItem", "Recommendation", "Question", "Finding", "Action",
                              "Update", "Decision") for n in store.find(label)]
    evidence = store.edges([n.id for n in stated], ["EVIDENCED_BY"], "out")
    for n in stated:
        assert evidence[n.id], f"{n.label} {n.props} has no evidence"
        for e in evidence[n.id]:
            start, end, quote = (e.rel.props[k] for k in ("start", "end", "quote"))
            assert texts[e.node.props["source"]][start:end] == quote
