"""Actions: labelled, listed, undertaken, and carried from earlier meetings."""

from __future__ import annotations

from govgraph.ingest.extract.body import extract_body
from govgraph.ingest.extract.body_action_status import lead_owner, status_of, tag_owner


def actions(text: str, header: dict | None = None) -> list[dict]:
    out = extract_body(text, header or {})["actions"]
    for a in out:
        ev = a["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"]
        assert a["rule"]
    return out


def brief(text: str) -> list[tuple]:
    return [(a["text"], a["owner"], a["status"]) for a in actions(text)]


def test_labelled_actions_owner_from_leading_initials_or_role():
    text = (
        "  • ACTION: NA, MS, HK and CR to meet to discuss Section 106 further.\n"
        "Action – SH will pick this up and provide an update.\n"
        "Action: RHL is to review the estates plan.\n"
    )
    assert brief(text) == [
        ("NA, MS, HK and CR to meet to discuss Section 106 further.", "NA, MS, HK and CR", "open"),
        ("SH will pick this up and provide an update.", "SH", "open"),
        ("RHL is to review the estates plan.", "RHL", "open"),
    ]


def test_role_led_action_and_passive_action_without_owner():
    text = "3\tRISKS\t\n\tActions Arising:\t\n\tCC to provide an update on knife crime.\t\n\tThe DPCC to be provided with an update.\t\n"
    assert brief(text) == [
        ("CC to provide an update on knife crime.", "CC", "open"),
        ("The DPCC to be provided with an update.", None, "open"),
    ]


def test_owner_tags_are_cut_from_the_text():
    text = (
        "Actions:\n- Internal audit to share the cyber report with members (Owner: Head of Internal Audit)\n\n"
        "The report would be circulated to the Board before the next meeting. Action: RJ/DB/AC\n"
    )
    assert brief(text) == [
        ("Internal audit to share the cyber report with members", "Head of Internal Audit", "open"),
        ("The report would be circulated to the Board before the next meeting.", "RJ/DB/AC", "open"),
    ]


def test_label_in_the_middle_of_a_wrapped_paragraph():
    text = (
        "The Chief Nurse presented the report. The\nBoard discussed it. Action: The Chief Nurse to provide a trajectory\n"
        "for reduction at the March meeting.\nThe Board NOTED the report.\n"
    )
    assert brief(text) == [("The Chief Nurse to provide a trajectory for reduction at the March meeting.", "Chief Nurse", "open")]


def test_undertakings_but_not_requests_or_will_statements():
    text = (
        "The Commissioner undertook to respond to the enquiry outside of the meeting.\n"
        "Mr Cosh agreed to ensure that the training session would be arranged.\n"
        "The PCC asked that further detail be included in the report going forward.\n"
        "The Chairman responded that the Commissioner would feed back the concerns.\n"
        "SN provided assurance that this will be monitored and PB will be kept updated.\n"
        "The Panel agreed to support the precept. SM agreed to underwrite the overspend.\n"
    )
    assert brief(text) == [
        ("The Commissioner undertook to respond to the enquiry outside of the meeting.", "Commissioner", "open"),
        ("Mr Cosh agreed to ensure that the training session would be arranged.", "Mr Cosh", "open"),
    ]


def test_earlier_undertaking_cut_off_has_no_status():
    got = brief("The Committee noted that the Constabulary had agreed to provide minutes from ")
    assert got == [("the Constabulary had agreed to provide minutes from", "Constabulary", None)]


def test_action_arising_from_an_earlier_meeting_with_update():
    text = (
        "1.1\tAction arising from the June 2018 meeting:\t\n\tAgenda item 4: Unresourced incidents\t\n"
        "\tThe written paper to be circulated a week before the meeting.\t\n\tUpdate:\t\n"
        "\tThe written paper was circulated before the meeting as requested.\t\n"
        "1.2\tAction arising from the June meeting:\t\n\tCC to provide an update on knife crime.\t\n"
        "\tUpdate:\t\n\tWork is ongoing.\t\n"
    )
    out = actions(text, {"meeting": {"date": "2018-07-31"}})
    assert [(a["text"], a["status"], a["raised_at"], a["item_ref"]) for a in out] == [
        ("The written paper to be circulated a week before the meeting.", "complete", "2018-06", "1.1"),
        ("CC to provide an update on knife crime.", "updated", "2018-06", "1.2"),
    ]
    assert out[0]["update"] == "The written paper was circulated before the meeting as requested."


def test_pointer_to_a_later_item_is_joined_to_the_action_it_points_to():
    text = (
        "1.3 Action arising from the April 2018 meeting: **PEEL Effectiveness 2017** This item is a substantive "
        "item on the agenda – see below. 2. HOLDING TO ACCOUNT 2.1 **PEEL Effectiveness 2017** Action arising from "
        "the April 2018 meeting: 2.1.1. The CC will provide a progress review of all AFIs. 2.1.2 | Other 2017\nText.\n"
    )
    out = actions(text)
    assert len(out) == 1
    a = out[0]
    assert (a["text"], a["owner"], a["status"], a["raised_at"], a["item_ref"]) == (
        "The CC will provide a progress review of all AFIs.", "CC", "complete", "2018-04", "1.3")
    assert a["update"] == "This item is a substantive item on the agenda – see below."


def test_quoted_earlier_action_with_status_and_new_action():
    text = (
        "Review of Actions from Previous Meeting\n\n"
        "Action DB9-01: ‘Officials to report to the Cabinet Secretary on the plan’.  Briefing was provided.  Action closed.\n\n"
        "Action DB10-04: ‘Officials to prepare further analysis of regional data.’ Officials are preparing a paper "
        "which is likely to be shared with members. Action ongoing.\n\n"
        "Action DB10-01: Officials to work with Board members on examples of delivery.\n"
    )
    assert brief(text) == [
        ("Officials to report to the Cabinet Secretary on the plan", "Officials", "complete"),
        ("Officials to prepare further analysis of regional data.", "Officials", "updated"),
        ("Officials to work with Board members on examples of delivery.", "Officials", "open"),
    ]


def test_labelled_action_followed_by_update():
    text = "1. Action log\nAction 45: DCC to provide an update on vetting. Update: The DCC confirmed the backlog fell. Complete.\n"
    assert brief(text) == [("DCC to provide an update on vetting.", "DCC", "complete")]


def test_outstanding_action_list_entries():
    text = (
        "Outstanding actions of the Board (public) pdf icon PDF 512 KB\n\n"
        "The Board received and considered the outstanding action list with the following comments:-\n\n"
        "165/19 : Safer Staffing : Staff Survey : It was noted that the survey could not be split. Closed.\n\n"
        "171/19 : Appraisal : External Review - A note would be circulated to advise on the position\n\n"
        "Non-Public Questions (Chairs of\nthe Schools Boards) – It was noted that the action\nhad taken place and could now be closed.\n"
        "Induction Process - A Member raised a point about the induction process. The Town\n"
        "Clerk agreed to consider this for any new recruitment.\n"
        "Outstanding Declarations - There was an update on declarations, four resolved and four still\n"
        "outstanding. The Chamberlain agreed to liaise with colleagues.\n"
    )
    assert brief(text) == [
        ("165/19 : Safer Staffing : Staff Survey : It was noted that the survey could not be split.", None, "complete"),
        ("171/19 : Appraisal : External Review - A note would be circulated to advise on the position", None, None),
        ("Non-Public Questions (Chairs of the Schools Boards)", None, "complete"),
        ("The Town Clerk agreed to consider this for any new recruitment.", "Town Clerk", "open"),
        ("Outstanding Declarations - There was an update on declarations, four resolved and four still outstanding.",
         None, "updated"),
        ("The Chamberlain agreed to liaise with colleagues.", "Chamberlain", "open"),
    ]


def test_action_numbers_cited_only():
    text = "3. Action log\nActions 12/2023 and 15/2023 can be closed. Action 23/012 remains ongoing.\n"
    assert brief(text) == [("12/2023", None, "complete"), ("15/2023", None, "complete"), ("23/012", None, "updated")]


def test_fixed_width_action_tracker_table():
    text = (
        "TRUST BOARD ACTION TRACKING LIST\n"
        " NO      ACTION                                   LEAD     STATUS\n"
        " May 2012\n"
        " 01.05   Safeguarding training to be undertaken   MW       Reorganised to\n"
        "                                                           Aug due to lack of time\n"
        " 02.05   Date to be agreed for the solution       MW       Not yet due\n"
        " April 2012\n"
        " 4.01    Patient strategy to be developed         MW/YO    Complete\n"
    )
    out = actions(text)
    assert [(a["text"], a["owner"], a["status"], a["raised_at"]) for a in out] == [
        ("Safeguarding training to be undertaken", "MW", "updated", "2012-05"),
        ("Date to be agreed for the solution", "MW", None, "2012-05"),
        ("Patient strategy to be developed", "MW/YO", "complete", "2012-04"),
    ]


def test_tab_separated_action_table():
    text = "No\tAction\tOwner\tDue\tStatus\n12\tCirculate the fraud policy\tJS\tMarch\tComplete\n14\tReview risk appetite\tCFO\tJune\tIn progress\n"
    assert brief(text) == [("Circulate the fraud policy", "JS", "complete"), ("Review risk appetite", "CFO", "updated")]


def test_general_tracker_review_is_not_an_action():
    assert brief("1. Review of Action Tracker\nActions reviewed and progressed as per action tracker.\n") == []


def test_status_rules():
    assert status_of("Action closed.") == "complete"
    assert status_of("Not yet due") is None
    assert status_of("Verbal update to be given") is None
    assert status_of("Reorganised to Aug due to lack of available time") == "updated"
    assert status_of("Councillor X was appointed to the Board as an elected member", "Officials to liaise with the lead") == "updated"
    assert status_of("The CC provided assurance that there was no evidence.", "CC to provide an update") == "complete"
    assert status_of("A paper likely to be shared next time. Action ongoing.", "Officials to prepare a paper to be shared") == "updated"
    assert status_of("There was an update, four resolved and four still outstanding.") == "updated"


def test_owner_helpers():
    assert lead_owner("SN and SB to review use of the budget.") == "SN and SB"
    assert lead_owner("Unresourced incidents to be deferred until July.") is None
    assert lead_owner("The Board to receive a report.") is None
    assert tag_owner("Share the report (Owner: CC)") == ("CC", 17)


def test_actions_heading_without_colon_and_decision_column_header():
    text = "5. Budget\nThe Treasurer presented the budget.\nActions\n- Treasurer to publish the budget.\n\n6. AOB\nNone.\n"
    assert brief(text) == [("Treasurer to publish the budget.", "Treasurer", "open")]


def test_labelled_action_inside_findings_is_an_action_not_a_finding():
    text = "2.1 PEEL 2023\na. Is the CC confident?\nFindings:\n- The CC confirmed it.\n- Action: CC to provide the data.\n"
    out = extract_body(text, {})
    assert [(a["text"], a["answers"]) for a in out["actions"]] == [("CC to provide the data.", "q1")]
    assert [f["text"] for f in out["findings"]] == ["The CC confirmed it."]


def test_tracker_with_coded_refs_and_separate_status_and_update_columns():
    text = (
        "Ref\tMeeting date\tAction\tOwner\tDue\tStatus\tUpdate\n"
        "XA/21/07\t24/03/2021\tProvide a briefing note on recruitment\tDirector of People\tJune\tClosed\tCirculated 3 May.\n"
        "XA/21/11\t24/03/2021\tReview the charging policy\tHead of Prevention\tSept\tOngoing\tConsultation ends soon.\n"
        "XA/21/18\t23/06/2021\tWrite to the Home Office\tChair\tJuly\tOpen\tLetter drafted.\n"
        "XA/21/19\t23/06/2021\tCirculate the allowances scheme\tClerk\tJuly\tOpen\t\n"
    )
    out = actions(text)
    assert [(a["text"], a["owner"], a["status"], a["raised_at"]) for a in out] == [
        ("Provide a briefing note on recruitment", "Director of People", "complete", "2021-03"),
        ("Review the charging policy", "Head of Prevention", "updated", "2021-03"),
        ("Write to the Home Office", "Chair", "updated", "2021-06"),
        ("Circulate the allowances scheme", "Clerk", None, "2021-06"),
    ]


def test_tracker_rag_colours_pipe_tables_and_tables_of_new_actions():
    text = "Action No.\tAction\tResponsible Officer\tRAG\nA1\tCirculate the policy\tCFO\tBlue\nA2\tReview the register\tDoF\tAmber\n"
    assert brief(text) == [("Circulate the policy", "CFO", "complete"), ("Review the register", "DoF", None)]
    text = "| No | Action | Owner | Status |\n|----|----|----|----|\n| 1 | Circulate the paper | JS | Complete |\n"
    assert brief(text) == [("Circulate the paper", "JS", "complete")]
    text = "Action\tLead\tDeadline\nPublish the annual report\tComms\tMay 2024\n"
    assert brief(text) == [("Publish the annual report", "Comms", "open")]


def test_earlier_actions_cited_by_number_and_bracketed_subject():
    text = (
        "3. Matters arising and action log\n"
        "The Board received the action log. Action 23/27 (review of the scheme of delegation) is complete and was "
        "closed. Action 23/31 (benchmarking of senior pay) remains ongoing; a report will follow in March.\n"
        "The Board reviewed outstanding actions. BM/23/19 (stakeholder survey results) was completed. BM/24/02 "
        "(board review terms of reference) remains open pending sign-off.\n"
        "Matters arising: Action XYZ 27/22 (treasury training for members) – delivered in December. Action complete.\n"
        "4. Budget\nThe budget 2023/24 (revenue and capital) was discussed.\n"
    )
    assert brief(text) == [
        ("review of the scheme of delegation", None, "complete"), ("benchmarking of senior pay", None, "updated"),
        ("stakeholder survey results", None, "complete"), ("board review terms of reference", None, "updated"),
        ("treasury training for members", None, "complete"),
    ]


def test_action_numbers_cited_with_a_status_label():
    text = "2. Action log\nAction 5 – Complete. Action 7: closed. Actions 3 and 9 were closed.\n"
    assert brief(text) == [("5", None, "complete"), ("7", None, "complete"), ("3", None, "complete"),
                           ("9", None, "complete")]


def test_action_points_with_a_status_after_the_action():
    text = (
        "Minute 13 – Review of action tracker\n"
        "Action Point 3: AF to provide data on notices. – Closed. Data was shared on 2 September.\n"
        "Action Point 5: NR to review the 101 line. – Ongoing. Abandonment has fallen to 14%.\n"
        "Action Point 6: YA to present options. Closed. Options were presented in July.\n"
        "Action 8: CW to refresh the dashboard (In progress)\n"
    )
    out = actions(text)
    assert [(a["text"], a["owner"], a["status"]) for a in out] == [
        ("AF to provide data on notices.", "AF", "complete"), ("NR to review the 101 line.", "NR", "updated"),
        ("YA to present options.", "YA", "complete"), ("CW to refresh the dashboard", "CW", "updated"),
    ]
    assert out[1]["update"] == "Abandonment has fallen to 14%."


def test_explicit_owner_tag_beats_a_leading_role():
    text = (
        "4. Audit\nAction: Treasurer to report on the fuel cards at the October meeting. (Owner: LH)\n"
        "Action:\nDirector of Regulation to revise the framework. (Owner: CB)\n"
        "Action Point 1: The Vice-Chancellor to circulate the forecast. Owner: VC\n"
    )
    assert brief(text) == [
        ("Treasurer to report on the fuel cards at the October meeting.", "LH", "open"),
        ("Director of Regulation to revise the framework.", "CB", "open"),
        ("The Vice-Chancellor to circulate the forecast.", "VC", "open"),
    ]


def test_owner_written_before_the_action():
    text = (
        "3. Performance\nThe Board discussed call handling.\n"
        "ACTION: SK – circulate the slides to members.\n"
        "Action (DB): arrange the away day.\n"
        "ACTION BY: Head of Finance – prepare the budget timetable.\n"
        "Action: Head of HR to review the policy (Lead: HR Director; due June).\n"
    )
    assert brief(text) == [
        ("circulate the slides to members.", "SK", "open"), ("arrange the away day.", "DB", "open"),
        ("prepare the budget timetable.", "Head of Finance", "open"),
        ("Head of HR to review the policy", "HR Director", "open"),
    ]


def test_run_on_owner_tag_before_the_next_heading():
    text = (
        "The audit of seized property had limited assurance. The Committee asked that the action plan be brought "
        "to the next meeting. ACTION: DO RISK MANAGEMENT The Committee considered the risk register."
    )
    assert brief(text) == [("The Committee asked that the action plan be brought to the next meeting.", "DO", "open")]


def test_bracketed_initials_own_an_action_but_an_abbreviation_does_not():
    assert tag_owner("Circulate the revised terms of reference (JS)") == ("JS", 40)
    assert tag_owner("Report to the Police and Crime Panel (PCP)") == (None, 42)
    assert tag_owner("CC to brief members (DPCC)") == (None, 26)


def test_numbered_action_records_and_a_numbered_actions_arising_heading():
    text = (
        "3.\tMatters arising / action log\n3.1\tAction 45 – complete.\n"
        "3.2\tAction 46 – the DCC reported that recruitment was on track; action to remain open.\n"
        "3.3\tActions arising:\n1. JS to circulate the revised plan.\n2. The Clerk to book the venue.\n4.\tFinance\nNoted.\n"
    )
    out = extract_body(text, {})
    assert [i["ref"] for i in out["items"]] == ["3.", "3.3", "4."]
    assert [(a["text"], a["owner"], a["status"]) for a in out["actions"]] == [
        ("45", None, "complete"), ("46", None, "updated"),
        ("JS to circulate the revised plan.", "JS", "open"), ("The Clerk to book the venue.", "Clerk", "open"),
    ]


def test_trailing_initials_and_earlier_action_on_the_agenda():
    text = (
        "TB/24/46 Action log\nThe action log was reviewed. TB/24/010 (estates backlog report) is on the agenda.\n"
        "TB/24/47 Finance\nACTION: The Director of Finance to provide a recovery plan to the May Board. SK\n"
    )
    assert brief(text) == [("estates backlog report", None, "complete"),
                           ("The Director of Finance to provide a recovery plan to the May Board.", "SK", "open")]


def test_owner_on_the_line_below_and_a_deadline_after_the_owner_tag():
    text = (
        "5. Estates\nAction: Director of Estates to bring the business case to the next meeting.\nOwner: TR\n"
        "Deadline: May 2024\nAction: Review the fire safety audit findings. Lead: Head of Estates. Due: June 2024\n"
    )
    assert brief(text) == [
        ("Director of Estates to bring the business case to the next meeting.", "TR", "open"),
        ("Review the fire safety audit findings.", "Head of Estates", "open"),
    ]
