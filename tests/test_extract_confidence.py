"""Confidence on every record and document (DESIGN.md: "with confidence and the rule
that fired recorded"): every rule the extractor emits is classified on purpose, and the
classification follows the kind of evidence the rule reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from govgraph.ingest.extract.confidence import HIGH, LOW, MEDIUM, RECORD_LISTS, RULES, assess, rule_confidence
from govgraph.ingest.extract.pipeline import extract_text

SHARED = ROOT.parent / "shared" / "corpus"


def _texts() -> list[tuple[str, str]]:
    """Minutes we may read: the bundled sample, our fixtures, and the dev corpus if present."""
    out = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.txt"))]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))]
    out += [(p.name, p.read_text(encoding="utf-8")) for p in sorted((SHARED / "dev").glob("*.txt"))]
    return out


def test_every_rule_emitted_on_the_corpora_is_classified():
    emitted: dict[str, str] = {}
    for name, text in _texts():
        x = extract_text(text)
        for key in RECORD_LISTS:
            for r in x[key]:
                for part in r["rule"].split("+"):
                    emitted.setdefault(part, f"{name}:{key}")
                assert r["confidence"] == rule_confidence(r["rule"])
                assert 0 < r["confidence"] <= 1
    assert len(emitted) > 15  # the corpora exercise most rules; an empty run proves nothing
    unclassified = {rule: where for rule, where in emitted.items() if rule not in RULES}
    assert unclassified == {}, "classify these rules in ingest/extract/confidence.py RULES"


@pytest.mark.parametrize(("text", "key", "level"), [
    ("1. Actions\nACTION: CC to report on knife crime by July.", "actions", HIGH),
    ("2. Matters arising\nRESOLVED that the minutes be approved.", "decisions", HIGH),
    ("Present: Jane Doe (Chair), John Roe\n\n1. Welcome", "participants", HIGH),
])
def test_records_marked_by_the_minutes_are_high(text, key, level):
    records = extract_text(text)[key]
    assert records, f"expected {key} in {text!r}"
    assert {r["confidence"] for r in records} == {level}


def test_levels_are_ordered_and_combined_rules_take_their_surest_part():
    assert HIGH > MEDIUM > LOW
    assert rule_confidence("apologies_sentence") == MEDIUM
    assert rule_confidence("attendance_list:table+apologies_sentence") == HIGH
    assert rule_confidence("named_body") == LOW
    assert rule_confidence(None) == LOW


def test_document_confidence_and_warnings():
    seed = (ROOT / "examples" / "assurance-meeting-2018-07.txt").read_text(encoding="utf-8")
    x = extract_text(seed)
    assert x["confidence"] == "ok" and x["warnings"] == []
    empty = extract_text("Nothing to see here.")
    assert empty["confidence"] == "low"
    assert "no meeting date found" in empty["warnings"]
    # assessing twice changes nothing (ingest of a saved extraction re-assesses it)
    assert assess(x) == x


def test_confidence_reaches_the_graph(tmp_path: Path):
    from govgraph.graph.embedded import EmbeddedStore
    from govgraph.ingest.load import ingest_paths

    store = EmbeddedStore(tmp_path / "g")
    ingest_paths([ROOT / "examples" / "assurance-meeting-2018-07.txt"], store)
    spans = [r.props for r in store.all_rels() if r.type == "EVIDENCED_BY" and r.src.startswith("act_")]
    assert spans and all(p.get("confidence") in (HIGH, MEDIUM, LOW) for p in spans), spans[:3]
