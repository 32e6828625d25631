"""Agenda items: numbered and unnumbered headings, on made-up snippets of the layouts
minutes arrive in (Word tables, flattened PDFs, ModernGov/CMIS pages)."""

from __future__ import annotations

from govgraph.ingest.extract.body import extract_body
from govgraph.ingest.extract.items import find_items


def items(text: str) -> list[tuple[str | None, str]]:
    return [(i["ref"], i["title"]) for i in extract_body(text, {})["items"]]


def test_numbered_headings_with_parents():
    text = "1. Apologies\nNone.\n2. Finance\n2.1 Budget 2024\nThe budget was approved.\n2.2 Capital Plan\nNoted.\n3. AOB\nNone.\n"
    out = extract_body(text, {})["items"]
    assert [(i["ref"], i["title"], i["parent_ref"]) for i in out] == [
        ("1.", "Apologies", None), ("2.", "Finance", None), ("2.1", "Budget 2024", "2."),
        ("2.2", "Capital Plan", "2."), ("3.", "AOB", None),
    ]


def test_evidence_quotes_the_heading():
    text = "Notes\n\n4. Risk Register\nThe register was reviewed.\n5. AOB\nNone.\n"
    for rec in extract_body(text, {})["items"]:
        ev = rec["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"]
        assert rec["title"] in ev["quote"] and rec["rule"] == "numbered_heading"


def test_heading_and_text_run_together_on_one_line():
    # a Word table flattened into one line: headings appear mid-line after a sentence end
    text = (
        "1 Apologies None received.\n"
        "2 Matters arising Nothing further. 2.1 Action arising from the April 2018 meeting: **PEEL 2017** "
        "This item is on the agenda – see below. 3. HOLDING TO ACCOUNT 3.1 **HMICFRS Review 2017** "
        "The CC gave an update.\n"
    )
    got = items(text)
    assert ("2.1", "Action arising from the April 2018 meeting: PEEL 2017") in got
    assert ("3.", "HOLDING TO ACCOUNT") in got
    assert ("3.1", "HMICFRS Review 2017") in got


def test_caps_heading_then_minute_on_the_same_line():
    text = "The Chair welcomed members. 1507 APOLOGIES The apologies were noted. 1508 DECLARATION OF INTERESTS\nNone.\n"
    assert items(text) == [("1507", "APOLOGIES"), ("1508", "DECLARATION OF INTERESTS")]


def test_ref_on_its_own_line_takes_the_next_heading_line():
    text = "70.\n\nApologies\n\nAdditional documents:\n\nMinutes:\n\nNone.\n\n71.\n\nMinutes pdf icon PDF 102 KB\n\nAgreed.\n"
    assert items(text) == [("70.", "Apologies"), ("71.", "Minutes")]


def test_roles_of_a_flattened_attendance_table_between_ref_and_heading():
    text = (
        "In Attendance\nDr Louise Pack\nDr Stuart White\n11.1\nConsultant Orthogeriatrician (Item 11.2)\n"
        "Assistant Trust Board Secretary\nAPOLOGIES FOR ABSENCE\nApologies were received from Professor Reed.\n"
        "11.2\nPATIENT STORY – HIP FRACTURE SERVICE\nDr Pack introduced the work of the service.\n"
    )
    assert items(text) == [("11.1", "APOLOGIES FOR ABSENCE"), ("11.2", "PATIENT STORY – HIP FRACTURE SERVICE")]


def test_flattened_table_ref_off_by_one_row():
    # the parent's number sits alone, its title is on its first child's line
    text = (
        "\t\t1\n1.1\tOUTSTANDING MATTERS\tACTION\n\tAction arising from the June 2018 meeting:\t\n"
        "\tAgenda item 4: Unresourced incidents\t\n\tPaper to be circulated.\t\n2\tAOB\t\n\tNone\t\n"
    )
    assert items(text) == [
        ("1", "OUTSTANDING MATTERS"),
        ("1.1", "Action arising from the June 2018 meeting: Agenda item 4: Unresourced incidents"),
        ("2", "AOB"),
    ]


def test_numbered_paragraphs_are_not_items_but_numbered_sentence_between_headings_is():
    paragraphs = "1. Welcome\n1.1 The Chair welcomed members.\n1.2 The minutes were agreed.\n2. Finance\n2.1 The CFO reported.\n"
    assert items(paragraphs) == [("1.", "Welcome"), ("2.", "Finance")]
    between = "2.1 Reviews\n2.1.1 The CC will provide a review of all AFIs.\n2.1.2 PEEL Efficiency 2017\nText.\n"
    assert [r for r, _ in items(between)] == ["2.1", "2.1.1", "2.1.2"]


def test_agenda_then_minutes_lists_each_item_once_and_minutes_belong_to_it():
    text = (
        "1. Welcome / Current issues\nSee minutes.\n2. Finance update\nPaper item 2\n\n"
        "1. Welcome\n1.1 The minutes of the meeting of 2 December were agreed.\n2. Finance update\nNoted.\n"
    )
    out = extract_body(text, {})
    assert [(i["ref"], i["title"]) for i in out["items"]] == [("1.", "Welcome / Current issues"), ("2.", "Finance update")]
    assert out["decisions"][0]["item_ref"] == "1."


def test_html_list_renumbering_every_item_one():
    text = "  1. APOLOGIES FOR ABSENCE\n\nMr S Dobson\n\n  1. CONSTITUTIONAL MATTERS\n\nNone\n\n  1. MATTERS ARISING\n\nNone\n"
    assert [t for _, t in items(text)] == ["APOLOGIES FOR ABSENCE", "CONSTITUTIONAL MATTERS", "MATTERS ARISING"]


def test_refs_with_prefixes_and_pairs():
    text = (
        "TB 23/045 Chair's welcome\nWelcome.\nTB 23/046 Declarations of interest\nNone.\n"
        "MINUTE 12/46 – FINANCE REPORT – The Treasurer presented the report.\n"
    )
    assert items(text)[:2] == [("TB 23/045", "Chair's welcome"), ("TB 23/046", "Declarations of interest")]
    assert items("Ref 01/26/07/2023\n\nIntroduction / Apologies.\n\nRef 02/26/07/2023\n\nMinutes.\n") == [
        ("Ref 01/26/07/2023", "Introduction / Apologies."), ("Ref 02/26/07/2023", "Minutes.")]
    assert items("04/09Committee Management and Reporting\nText.\n") == [("04/09", "Committee Management and Reporting")]
    assert items("PART 1:\nINTRODUCTIONS & APOLOGIES\nText here.\n1.1\nDECLARATIONS OF INTEREST\nNone.\n") == [
        ("PART 1", "INTRODUCTIONS & APOLOGIES"), ("1.1", "DECLARATIONS OF INTEREST")]


def test_wrapped_caps_title_and_page_furniture():
    text = "5.\nAPOLOGIES FOR ABSENCE AND\nDECLARATIONS OF INTEREST\nNone.\n6. Minutes of the last meeting (Pages 1 - 6)\nAgreed.\n"
    assert items(text) == [("5.", "APOLOGIES FOR ABSENCE AND DECLARATIONS OF INTEREST"), ("6.", "Minutes of the last meeting")]


def test_lettered_sub_items():
    text = "4. BUDGET MONITORING\n(a) Revenue Budget\nAn underspend.\n(b) Capital Programme\nSlippage noted.\n5. AOB\nNone.\n"
    out = extract_body(text, {})["items"]
    assert [(i["ref"], i["title"], i["parent_ref"]) for i in out][1:3] == [
        ("(a)", "Revenue Budget", "4."), ("(b)", "Capital Programme", "4.")]


def test_numbers_that_are_not_items():
    text = (
        "4 NOVEMBER 2015\nBoard minutes\n1 Apologies\nNone.\n2 Questions\nResponses to questions asked :\n\n"
        "1 PFCC Written response to Ms Mallender\n\n2 Response to Ms Mallender question 2\n\n"
        "No\tAction\tOwner\tStatus\n3\tCirculate the policy\tJS\tComplete\n\n3 Any other business\nNone.\n"
    )
    assert items(text) == [("1", "Apologies"), ("2", "Questions"), ("3", "Any other business")]


def test_heading_cut_off_by_the_end_of_an_excerpt():
    assert items("1. Apologies\nNone.\n2. Police Eff") == [("1.", "Apologies")]


def test_unnumbered_moderngov_headings():
    text = (
        "Agenda and minutes\n\nNo. Item\n\n\nApologies for Absence\n\n\nApologies were received from Cllr Brown.\n\n\n"
        "Minutes pdf icon PDF 590 KB\n\nTo agree the Minutes of the meeting held on 28 January 2022.\n\n"
        "The Minutes were agreed.\n\n\nNamed Substitutes\n\nAdditional documents:\n\nNone.\n\n\nPolice Eff"
    )
    assert items(text) == [(None, "Apologies for Absence"), (None, "Minutes"), (None, "Named Substitutes")]


def test_unnumbered_headings_skip_titles_names_and_labels():
    text = (
        "National Transport Board - Meeting Minutes - 20 February 2025\n\nAttendees\n\nBoard members\n\n"
        "  • Jane Smith: Director, Transport Scotland\n  • Ed Gordon, Policy Officer, COSLA\n\n"
        "Review of Actions from Previous Meeting\n\nThe action was closed after the briefing was provided.\n\n"
        "Assurance Statement:\nThe Commissioner commended the progress that had been made.\n"
    )
    assert items(text) == [(None, "Review of Actions from Previous Meeting")]


def test_heading_run_on_with_its_first_sentence():
    text = (
        "John Smith (JS) Chair\n\n\nIntroduction / Attendance / Apologies. Welcome and apologies were made.\n\n\n"
        "Budget Report 2024-25 – Papers – For Decision. The paper was presented and discussed.\n"
    )
    assert items(text) == [(None, "Introduction / Attendance / Apologies."),
                           (None, "Budget Report 2024-25 – Papers – For Decision.")]


def test_description_kept_when_the_heading_is_lost():
    text = "Member are asked to note the Committee’s\nOutstanding Actions List.\nMinutes:\nThe Committee received a report.\n"
    assert items(text) == [(None, "Member are asked to note the Committee’s Outstanding Actions List.")]


def test_find_items_spans_cover_the_text_in_order():
    text = "1. Apologies\nNone.\n2. Minutes\nAgreed.\n"
    found = find_items(text)
    assert [i.start for i in found] == sorted(i.start for i in found)
    assert found[0].end == found[1].start and found[-1].end == len(text)


def test_markdown_and_bold_headings_and_agenda_wording():
    text = (
        "# Minutes of the Audit Committee\n\n## 1. Apologies\nNone.\n\n**2. Minutes of the last meeting**\n"
        "The minutes were approved.\n\n3. To receive the report of the Chief Internal Auditor on progress\nNoted.\n"
    )
    assert items(text) == [("1.", "Apologies"), ("2.", "Minutes of the last meeting"),
                           ("3.", "To receive the report of the Chief Internal Auditor on progress")]


def test_heading_then_colon_or_dash_then_minute_on_one_line():
    text = "1. APOLOGIES: Apologies were received from Cllr X.\n2. Finance – The Treasurer reported an underspend.\n"
    out = extract_body(text, {})
    assert [(i["ref"], i["title"]) for i in out["items"]] == [("1.", "APOLOGIES"), ("2.", "Finance")]


def test_numbered_attendance_list_and_list_after_a_colon_are_not_items():
    text = "Present:\n1. Jane Smith (Chair)\n2. Tom Brown, Treasurer\n\n1. Apologies\nNone.\n2. Minutes\nAgreed.\n"
    assert items(text) == [("1.", "Apologies"), ("2.", "Minutes")]


def test_item_label_with_full_stop_and_tab():
    text = "Item 1.\tApologies for Absence\nNone.\nItem 2.\tDeclarations of Interest\nThere were none.\n"
    assert items(text) == [("Item 1.", "Apologies for Absence"), ("Item 2.", "Declarations of Interest")]


def test_coded_refs_with_caps_titles_in_a_run_on_paragraph():
    text = (
        "PRESENT: Mr A Jones (Chair) APOLOGIES: Mr P Lyle – Deputy Chief Constable XYZ 01/24 APOLOGIES The apologies "
        "were noted. XYZ 02/24 MINUTES OF THE PREVIOUS MEETING The minutes were approved. Action XYZ 27/23 (training) "
        "– delivered. XYZ 03/24 EXTERNAL AUDIT – AUDIT PLAN 2023/24 The auditor presented the plan."
    )
    assert items(text) == [
        ("XYZ 01/24", "APOLOGIES"), ("XYZ 02/24", "MINUTES OF THE PREVIOUS MEETING"),
        ("XYZ 03/24", "EXTERNAL AUDIT – AUDIT PLAN 2023/24"),
    ]


def test_one_number_codes_need_a_sequence():
    text = "CAB 18   DECLARATIONS OF INTEREST\nNone.\nCAB 19   MINUTES\nApproved.\n"
    assert items(text) == [("CAB 18", "DECLARATIONS OF INTEREST"), ("CAB 19", "MINUTES")]
    assert [r for r, _ in items("COVID 19 Recovery\nThe Board discussed the recovery plan.\n")] == [None]


def test_lettered_sub_items_whose_minute_runs_on():
    text = (
        "P/22/8 Planning applications\n"
        "(a) 22/01877/FUL – 14 Mill Lane – rear extension. Resolved: to OBJECT on the grounds of overdevelopment.\n"
        "(b) 22/01902/HOU – Rosemount – replacement windows. Resolved: no objection.\n"
        "P/22/9 Highways\nNone.\n"
    )
    out = extract_body(text, {})
    assert [(i["ref"], i["title"], i["parent_ref"]) for i in out["items"]] == [
        ("P/22/8", "Planning applications", None),
        ("(a)", "22/01877/FUL – 14 Mill Lane – rear extension", "P/22/8"),
        ("(b)", "22/01902/HOU – Rosemount – replacement windows", "P/22/8"),
        ("P/22/9", "Highways", None),
    ]
    assert [(d["text"], d["item_ref"]) for d in out["decisions"]] == [
        ("Resolved: to OBJECT on the grounds of overdevelopment.", "(a)"), ("Resolved: no objection.", "(b)")]


def test_lettered_parts_of_a_resolution_and_lettered_questions_are_not_items():
    text = "4. Budget\nRESOLVED: That the Authority\n(a) Approve the revenue budget\n(b) Approve the capital plan\n5. AOB\nNone.\n"
    assert items(text) == [("4.", "Budget"), ("5.", "AOB")]
    text = "2.1 PEEL 2017\na. Both reviews ask how demand is understood. Is the CC confident?\n3. AOB\nNone.\n"
    assert items(text) == [("2.1", "PEEL 2017"), ("3.", "AOB")]


def test_point_zero_numbering_heads_the_item():
    text = "5.0 Apologies\n5.1 Apologies were received from Dr Smith.\n6.0 Finance Report\n6.1 The report was noted.\n7.0 AOB\n"
    assert items(text) == [("5.0", "Apologies"), ("6.0", "Finance Report"), ("7.0", "AOB")]


def test_heading_cut_before_the_minute_that_runs_on_after_a_dash():
    text = (
        "24/031 Apologies for absence – Cllr D Green (holiday). Resolved to accept the apologies.\n"
        "24/032 Declarations of interest – None.\n"
        "24/033 Finance\na) Payments – Resolved: to approve payments totalling £1,234.56.\nb) Bank reconciliation – noted.\n"
        "24/034 Police and Crime Plan – Annual Update\nThe plan was noted.\n"
        "24/035 Date of next meeting – 9 April 2024.\n"
    )
    out = extract_body(text, {})
    assert [(i["ref"], i["title"]) for i in out["items"]] == [
        ("24/031", "Apologies for absence"), ("24/032", "Declarations of interest"), ("24/033", "Finance"),
        ("a)", "Payments"), ("b)", "Bank reconciliation"), ("24/034", "Police and Crime Plan – Annual Update"),
        ("24/035", "Date of next meeting"),
    ]
    assert [d["text"] for d in out["decisions"]][:2] == [
        "Resolved to accept the apologies.", "Resolved: to approve payments totalling £1,234.56."]
