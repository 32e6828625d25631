"""Decisions: labelled resolutions and the sentences in which the meeting decides."""

from __future__ import annotations

import pytest
from govgraph.ingest.extract.body import extract_body
from govgraph.ingest.extract.decisions import _is_decision


def decisions(text: str) -> list[str]:
    out = extract_body(text, {})["decisions"]
    for d in out:
        ev = d["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"] and d["rule"]
    return [d["text"] for d in out]


def test_decision_label_is_dropped_and_whole_paragraph_kept():
    text = "Decision: The recommendation was supported. A virement is authorised to pay the award.\n"
    assert decisions(text) == ["The recommendation was supported. A virement is authorised to pay the award."]


def test_resolved_wording_is_kept_and_joined_to_the_next_block():
    text = "2.\n\nMinutes\n\nMinutes:\n\nRESOLVED –\n\n\u00a0\n\nThat the Minutes of the meeting held on 8 December 2021, be approved.\n"
    assert decisions(text) == ["RESOLVED – That the Minutes of the meeting held on 8 December 2021, be approved."]
    assert decisions("Resolved: That the questions asked and the responses be noted.\n") == [
        "Resolved: That the questions asked and the responses be noted."]


def test_bare_decision_label_line_and_moved_seconded_resolved():
    assert decisions("5. Budget\nDECISION\nThat the budget be approved.\n") == ["That the budget be approved."]
    text = "8. AOB\nIt was moved by Cllr X, seconded by Cllr Y, and RESOLVED that the item be deferred.\n"
    assert decisions(text) == ["It was moved by Cllr X, seconded by Cllr Y, and RESOLVED that the item be deferred."]
    assert decisions("No\tItem\tDecision\n1\tBudget\tNoted\n") == []


def test_resolved_with_a_numbered_list_is_one_decision():
    text = "4. Policing\nRESOLVED that:\n1. the report be noted;\n2. a further report be brought to January.\n"
    assert decisions(text) == ["RESOLVED that: 1. the report be noted; 2. a further report be brought to January."]


def test_sentence_decisions_in_context():
    text = (
        "As the PCC and DPCC are already sighted on the work, it was agreed that the CC would provide an update.\n"
        "The quorum for the committee was confirmed as three members present.\n"
        "Mr Brian Compston was elected as Chair of the committee.\n"
        "  • The Action Log was updated and the minutes were approved.\n"
    )
    assert len(decisions(text)) == 4


@pytest.mark.parametrize("sentence", [
    "The minutes of the meeting held on 16 February 2022 were agreed as a correct record and signed by the Chairman, subject to the following:",
    "The minutes of the meeting of the Board held on 5 September 2019 were adopted and signed as a correct record.",
    "The Committee revisited section 10.4 of the standing orders and confirmed the terms of reference of the committee",
    "SM agreed to underwrite £215K on police pay overspend.",
    "The Committee AGREED to recommend the budget to Council.",
    "The report was received and noted.",
    "The Panel resolved to accept the recommendations.",
    "Members endorsed the approach set out in the paper.",
    "The Board NOTED the update.",
])
def test_decision_sentences(sentence):
    assert _is_decision(sentence)


@pytest.mark.parametrize("sentence", [
    "To approve the minutes of the meeting held on 26 January 2017.",
    "The minutes were recorded as an accurate record.",
    "Introductions were made and apologies noted.",
    "The above listed apologies were noted.",
    "The proposed precept increase was approved by the recently held Police and Crime Panel.",
    "It was noted that the establishment of the committee was approved in the Standing Orders of the 1st April 2009.",
    "It was recommended that the Panel agreed to the co-option of 5 elected members.",
    "Councillor Andrews stated that he agreed with Councillor Judd's comments.",
    "This having been refused, Cllr. Berry stated that the Conservatives would write separately.",
    "It had subsequently been agreed to move the meeting to the 15th August 2016.",
    "As part of the budget process for 2021/2022, the Commissioner and Chief Fire Officer agreed a budget letter.",
    "In May 2021, the Fire Service in England adopted a national Code of Ethics.",
    "It was confirmed that it is for the CC to determine the content of the papers.",
    "The Town Clerk agreed to consider this for any new recruitment of Members.",
    "Member are asked to note the Committee's Outstanding Actions List.",
    "The strategy, which was agreed last year, is being refreshed.",
    "The Board will be asked to approve the plan in May.",
    "Councillor X was appointed to the Board as an elected member.",
])
def test_not_decisions(sentence):
    assert not _is_decision(sentence)


def test_resolution_body_on_numbered_lines_is_taken_whole():
    text = (
        "CAB 20   BUDGET\nRESOLVED: That\n(1) the strategy be approved for consultation; and\n"
        "(2) the Director be authorised to finalise the documents.\nReason for decision: To set a budget.\n"
    )
    assert decisions(text) == [
        "RESOLVED: That (1) the strategy be approved for consultation; and (2) the Director be authorised to finalise "
        "the documents."
    ]
    text = "4. Budget\nRESOLVED (1) that the report be noted; and\n(2) that the Treasurer be authorised to set the precept.\n"
    assert decisions(text) == ["RESOLVED (1) that the report be noted; and (2) that the Treasurer be authorised to set the precept."]


def test_resolution_labels_inside_a_run_on_paragraph():
    text = (
        "The auditor presented the plan. Members asked about pensions. RESOLVED: That the Audit Plan 2022/23 be noted. "
        "The Committee then considered the risk register.\n"
        "(a) 22/01877/FUL – 14 Mill Lane. Resolved: no objection.\n"
    )
    assert decisions(text) == ["RESOLVED: That the Audit Plan 2022/23 be noted.", "Resolved: no objection."]


def test_agreed_labels_and_capitalised_verbs():
    text = (
        "5. Terms of reference\nAGREED: that the Board approve the revised terms of reference.\n"
        "The Committee AGREED to request a speed survey.\nMembers RESOLVED to defer the decision on reserves.\n"
    )
    assert decisions(text) == [
        "AGREED: that the Board approve the revised terms of reference.",
        "The Committee AGREED to request a speed survey.", "Members RESOLVED to defer the decision on reserves.",
    ]


def test_numbered_decision_label_is_dropped():
    assert decisions("6. Estates\nDecision 1: The Committee approved the estates strategy.\n") == [
        "The Committee approved the estates strategy."]
