"""Recommendations (inspection lists, 'It was recommended that') and the
holding-to-account questions put to the force."""

from __future__ import annotations

from govgraph.ingest.extract.body import extract_body


def body(text: str) -> dict:
    out = extract_body(text, {})
    for key in ("recommendations", "questions"):
        for r in out[key]:
            ev = r["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["quote"] and r["rule"]
    return out


INSPECTION = (
    "2.1 HMICFRS PEEL Effectiveness 2017\n"
    "2.1.1 Progress review of AFIs\n"
    "The following areas were chosen by the DPCC: Preventing crime and ASB 1. The force should ensure that teams "
    "engage with communities. Findings: Problem solving had been identified as an area for improvement.\n\n"
    "Protecting vulnerable people\n\n"
    "2. The force should improve its service to vulnerable people.\n\n"
    "Findings:\n\n"
    "- A new process has been put in place.\n"
    "- 3. The force should take steps to understand outcome 16.\n\n"
    "Tackling serious and organised crime\n\n"
    "4. West Mercia are currently graded as inadequate. There were 5 recommendations in the report.\n\n"
    "An update was provided around governance arrangements.\n"
)


def test_numbered_inspection_list_with_themes_source_and_continuation():
    recs = body(INSPECTION)["recommendations"]
    assert [(r["id"], r["ref"], r["theme"]) for r in recs] == [
        ("r1", "1", "Preventing crime and ASB"),
        ("r2", "2", "Protecting vulnerable people"),
        ("r3", "3", "Protecting vulnerable people"),
        ("r4", "4", "Tackling serious and organised crime"),
    ]
    assert recs[0]["text"] == "The force should ensure that teams engage with communities."
    assert recs[3]["text"].startswith("West Mercia are currently graded")  # a list keeps going whatever the wording
    assert {r["source"] for r in recs} == {"HMICFRS PEEL Effectiveness 2017"}
    assert {r["item_ref"] for r in recs} == {"2.1.1"}


def test_recommended_that_and_labelled_areas_for_improvement():
    text = (
        "Appointment of Co-opted Members\n\nAdditional documents:\n\n"
        "It was recommended that the Panel agreed to the co-option of 5 elected members.\n\n"
        "2. HMICFRS PEEL 2023\nResponding to the public\n"
        "AFI 1: The force should improve how quickly it answers non-emergency calls.\n"
    )
    out = body(text)
    assert [(r["text"], r["rule"]) for r in out["recommendations"]] == [
        ("It was recommended that the Panel agreed to the co-option of 5 elected members.", "recommended_that"),
        ("The force should improve how quickly it answers non-emergency calls.", "labelled"),
    ]
    assert out["decisions"] == []  # a recommendation put to the meeting is not its decision


def test_unnumbered_should_statement_needs_an_inspection_context():
    inspected = "5. HMICFRS INSPECTION 2022 – AREAS FOR IMPROVEMENT\nThe service should ensure it assesses risk.\n"
    assert len(body(inspected)["recommendations"]) == 1
    ordinary = "5. Budget\nThe service should ensure it assesses risk.\n"
    assert body(ordinary)["recommendations"] == []


def test_questions_keep_their_preamble_and_name_who_is_asked():
    text = (
        "2.1.2 | PEEL Efficiency 2017\n\n"
        "a. Both inspections ask how well a force understands demand. Is the CC confident that resources are aligned?\n\n"
        "Findings:\n\n- The DCC emphasised the importance of demand.\n"
        "- b. What assurance can be given that savings plans are robust?\n\n"
        "Q3. How is the force addressing sickness?\n"
    )
    qs = body(text)["questions"]
    assert [(q["id"], q["ref"], q["asked_of"], q["source"]) for q in qs] == [
        ("q1", "a", "CC", "PEEL Efficiency 2017"), ("q2", "b", None, "PEEL Efficiency 2017"),
        ("q3", "Q3", None, "PEEL Efficiency 2017")]
    assert qs[0]["text"].startswith("Both inspections ask") and qs[0]["text"].endswith("aligned?")
    assert qs[0]["item_ref"] == "2.1.2"


def test_numbered_items_and_plain_lists_are_not_recommendations():
    text = "1. Apologies\nNone.\n2. Minutes\nThe minutes were approved.\n3. Budget\n1. Pay award\n2. Capital\n"
    assert body(text)["recommendations"] == []


def test_recommended_in_capitals_and_by_a_named_committee():
    text = (
        "5. Statement of Accounts\nIt was RECOMMENDED that the Fire Authority approve the revised timetable.\n"
        "The Finance and Resources Committee recommended that the Board approve the forecasts.\n"
        "RECOMMENDED – that the Authority approve the Statement of Accounts.\n"
        "The committee recommended that the Board approve the Quality Strategy.\n"
        "RESOLVED to recommend the revised timetable to the Authority.\n"
    )
    assert [r["text"] for r in body(text)["recommendations"]] == [
        "It was RECOMMENDED that the Fire Authority approve the revised timetable.",
        "The Finance and Resources Committee recommended that the Board approve the forecasts.",
        "RECOMMENDED – that the Authority approve the Statement of Accounts.",
        "The committee recommended that the Board approve the Quality Strategy.",
    ]
