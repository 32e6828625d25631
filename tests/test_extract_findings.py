"""Findings (what was said in answer) and the seed document's body records against
its gold file, scored with the shared scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from govgraph.ingest.extract.body import extract_body

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def findings(text: str) -> list[dict]:
    out = extract_body(text, {})["findings"]
    for f in out:
        ev = f["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"] and f["rule"]
    return out


def test_paragraph_split_at_speaker_sentences():
    text = (
        "2.1.1 Review\n1. The force should ensure teams engage. Findings: Problem solving had been identified in 2016. "
        "The CC provided assurance that work had been undertaken. This included a new platform. "
        "The CC confirmed that officers are no longer abstracted. Whilst there is some flexibility, SNTs in\n\n"
        "busier areas are protected.\n"
    )
    got = [(f["text"], f["speaker"], f["answers"]) for f in findings(text)]
    assert got == [
        ("Problem solving had been identified in 2016.", None, "r1"),
        ("The CC provided assurance that work had been undertaken. This included a new platform.", "CC", "r1"),
        ("The CC confirmed that officers are no longer abstracted. Whilst there is some flexibility, SNTs in "
         "busier areas are protected.", "CC", "r1"),
    ]


def test_bullets_wrapped_and_odd_glyphs():
    text = (
        "2.1.2 PEEL Efficiency 2017\n\na. Is the CC confident that demand is understood?\n\nFindings:\n\n"
        "- Data suggests that the savings anticipated as part of the new\n\n"
        "- model have not yet been realised.\n"
        "- The CC confirmed that the meetings were set up.\n There was now consistency around agendas and terms of\n"
        " reference.\n\n"
        "\uf0b7 The DPCC asked for the figures.\n"
        " The CEx highlighted workforce planning.\n"
    )
    got = [(f["text"], f["speaker"], f["answers"]) for f in findings(text)]
    assert got == [
        ("Data suggests that the savings anticipated as part of the new model have not yet been realised.", None, "q1"),
        ("The CC confirmed that the meetings were set up. There was now consistency around agendas and terms of "
         "reference.", "CC", "q1"),
        ("The DPCC asked for the figures. The CEx highlighted workforce planning.", "DPCC", "q1"),
    ]


def test_findings_answer_the_nearest_recommendation_or_question_in_the_item():
    text = (
        "2.1.3 PEEL Legitimacy 2017\n\na. What reassurance can the CC give on arrests?\n\nFindings:\n\n"
        "- The CC stated that training had been added.\n"
        "- b. What reassurance can the CC give on use of force?\n\nFindings:\n\n"
        "- Governance is in place via the Stop and Search Board which is chaired by the ACC.\n\n"
        "\tBody Worn Video had proved useful.\t\n3\tRISKS\t\n\tThere was a collision.\t\n"
    )
    out = extract_body(text, {})
    got = [(f["answers"], f["item_ref"]) for f in out["findings"]]
    assert got == [("q1", "2.1.3"), ("q2", "2.1.3"), ("q2", "2.1.3")]  # item 3 text is not a finding
    assert {"name": "Stop and Search Board", "chair": "ACC"} in [
        {"name": b["name"], "chair": b["chair"]} for b in out["bodies_mentioned"]]


def test_findings_label_without_a_question():
    text = "4. Vetting\nFindings:\n- The DCC confirmed the backlog had reduced.\n\n5. AOB\nNone.\n"
    assert [(f["text"], f["answers"], f["speaker"]) for f in findings(text)] == [
        ("The DCC confirmed the backlog had reduced.", None, "DCC")]


def test_no_findings_in_ordinary_minutes():
    assert findings("1. Apologies\nNone.\n2. Budget\n- The CFO presented the budget.\n- Members noted it.\n") == []


def _scorer():
    path = SHARED / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared (corpus and scorer) is not present")
def test_seed_body_records_match_gold():
    scorer = _scorer()
    seed = next((SHARED / "corpus" / "seed").glob("*.txt"))
    gold = json.loads(seed.with_name(seed.stem + ".gold.json").read_text(encoding="utf-8"))
    text = seed.read_text(encoding="utf-8")
    header = {"meeting": {"date": (gold.get("meeting") or {}).get("date")}, "participants": gold.get("participants", [])}
    pred = extract_body(text, header)
    keys = ("items", "actions", "decisions", "recommendations", "questions", "findings")
    scores = scorer.score(pred, {k: gold[k] for k in keys if k in gold})
    for field in ("items", "actions", "recommendations", "findings", "questions", "decisions"):
        assert scores[field]["f1"] >= 0.9, (field, scores[field])
    assert scores["findings.answers"]["acc"] >= 0.9
    assert scores["actions.owner"]["acc"] >= 0.9 and scores["actions.status"]["acc"] >= 0.9
    for key in keys:
        for rec in pred[key]:
            ev = rec["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["quote"]
