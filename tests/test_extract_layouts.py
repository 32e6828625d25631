"""Layouts of real UK minutes the dev corpus lacks (found by the made-up set s13-s24,
tests/fixtures/synthetic): one focused test per rule, on short invented snippets."""

from __future__ import annotations

from govgraph.ingest.extract.attendance import extract_attendance
from govgraph.ingest.extract.attendance_entry import parse_entry
from govgraph.ingest.extract.body import extract_body
from govgraph.ingest.extract.header_meeting import extract_meeting
from govgraph.ingest.extract.items import find_items


def body(text: str) -> dict:
    out = extract_body(text, {})
    for key in ("actions", "decisions", "recommendations"):
        for rec in out[key]:
            ev = rec["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["quote"]
    return out


def acts(text: str) -> list[tuple]:
    return [(a["text"], a["owner"], a["status"]) for a in body(text)["actions"]]


def people(text: str) -> list[tuple]:
    a = extract_attendance(text)
    for p in a.participants:
        ev = p["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"]
    return [(p["name"], p["role"], p["attendance"]) for p in a.participants]


def entry(line: str) -> tuple:
    e = parse_entry(line, 0, len(line))
    return (e.name, e.role, e.chair, e.minutes) if e else None


# ---- actions ---------------------------------------------------------------------------

def test_action_log_entry_stops_before_its_status_and_takes_owner_from_subject_or_tag():
    text = (
        "1.\tWelcome\nThe Chair welcomed members.\n"
        "2.\tAction log\n"
        "IAM 23/31 – Police Service to bring the revised business case to October IAM. Complete – on today’s agenda.\n"
        "IAM 23/33 – Finance to confirm the financing assumptions. In progress – to be reported in November.\n"
        "LPB 23/11 – Arrange cyber security training for Board members. Owner: PGCO. Status: Open – provider being sourced.\n"
        "3.\tFleet\nThe Board noted the report.\n"
    )
    assert acts(text) == [
        ("IAM 23/31 – Police Service to bring the revised business case to October IAM.", "Police Service", "complete"),
        ("IAM 23/33 – Finance to confirm the financing assumptions.", "Finance", "updated"),
        ("LPB 23/11 – Arrange cyber security training for Board members.", "PGCO", "updated"),
    ]


def test_action_log_entry_reads_its_status_from_the_update_line_below():
    text = ("3    Action tracker\n     JAC 31 – Collaboration review to be shared with the Committee.\n"
            "     Update: The review was shared in August. Complete – remove.\n")
    assert acts(text) == [("JAC 31 – Collaboration review to be shared with the Committee.", None, "complete")]


def test_action_label_with_a_prefixed_log_number_and_trailing_owner_and_due_date():
    text = ("3. Fleet\nAction IAM 23/36: Police Service to provide a site plan before the decision is published. "
            "Owner: Ian Chalmers. Due: 30/11/2023\n"
            "ACTION ARAC-20230315-001: Police Scotland to provide a breakdown of overdue recommendations.\n")
    assert acts(text) == [
        ("Police Service to provide a site plan before the decision is published.", "Ian Chalmers", "open"),
        ("Police Scotland to provide a breakdown of overdue recommendations.", "Police Scotland", "open"),
    ]


def test_earlier_action_report_is_not_part_of_the_action_text():
    text = ("1. Actions\nAction 23/04: DCC to report on the vetting backlog. The DCC reported that the backlog "
            "had fallen to 310 cases. Ongoing.\n")
    assert acts(text) == [("DCC to report on the vetting backlog.", "DCC", "updated")]


def test_actions_closed_by_number_and_updated_by_bracketed_subject():
    text = ("Item 3 Rolling Actions Log\nThe Committee agreed to close actions ARAC-20221214-002 and ARAC-20221214-004. "
            "In relation to action ARAC-20220928-006 (estates disposal audit), Police Scotland advised that the case "
            "would come in June; the action remains open.\n")
    assert acts(text) == [
        ("ARAC-20221214-002", None, "complete"),
        ("ARAC-20221214-004", None, "complete"),
        ("estates disposal audit", None, "updated"),
    ]


def test_bracketed_subject_worded_as_an_action_names_its_owner_and_later_agenda_is_not_done():
    text = ("1. Notes and actions\nAction 12/23 (OPCC to arrange a custody visit) – outstanding; visit to be arranged "
            "for April.\nThe Board noted that action 23/44 (dental access plan) was on the agenda for March.\n")
    assert acts(text) == [("OPCC to arrange a custody visit", "OPCC", "updated"),
                          ("dental access plan", None, "updated")]


def test_trailing_bracketed_initials_own_the_action_and_bracketed_action_tags():
    assert acts("19. PNA\nAction: Public Health to notify neighbouring Boards of the statement (AP).\n") == [
        ("Public Health to notify neighbouring Boards of the statement", "AP", "open")]
    assert acts("1. Finance\nThe revised budget to be circulated before the next meeting. (Action: Treasurer)\n") == [
        ("The revised budget to be circulated before the next meeting.", "Treasurer", "open")]


def test_undertaking_in_a_later_clause_and_agreed_action_label():
    text = ("CA 64/23 TRANSPORT\nCouncillor Aziz asked that the scheme be brought forward, and the Director of "
            "Transport agreed to report back on the feasibility at the June meeting.\n"
            "AGREED ACTION: The DCC will provide an update on vetting.\n")
    out = body(text)
    assert [(a["text"], a["owner"]) for a in out["actions"]] == [
        ("the Director of Transport agreed to report back on the feasibility at the June meeting.",
         "Director of Transport"),
        ("The DCC will provide an update on vetting.", "DCC"),
    ]
    assert out["decisions"] == []


# ---- decisions -------------------------------------------------------------------------

def test_lead_line_over_enumerated_or_bulleted_parts_is_one_decision():
    scottish = ("3. Roads Capital Programme\nThe Committee:\ni. APPROVED the programme for 2023/24; and\n"
                "ii. AGREED that a Members' seminar be held.\n")
    assert [d["text"] for d in body(scottish)["decisions"]] == [
        "The Committee: i. APPROVED the programme for 2023/24; and ii. AGREED that a Members' seminar be held."]
    bullets = "ICB/24/05\tPlan\nThe Board:\n•\tAPPROVED the draft plan; and\n•\tDELEGATED approval to the Chair.\n"
    assert [d["text"] for d in body(bullets)["decisions"]] == [
        "The Board: APPROVED the draft plan; and DELEGATED approval to the Chair."]


def test_resolved_run_on_into_its_first_part_takes_all_parts():
    text = ("CA 64/23 PROGRAMME\nRESOLVED –\n(i) That the progress be noted.\n(ii) That the profile be approved.\n"
            "(iii) That authority be delegated to the Director.\n")
    assert [d["text"] for d in body(text)["decisions"]] == [
        "RESOLVED – (i) That the progress be noted. (ii) That the profile be approved. "
        "(iii) That authority be delegated to the Director."]


def test_outcome_label_stops_before_a_request_and_vote_note_is_dropped():
    assert [d["text"] for d in body("4.\tContract\nOutcome: Supported. The DMPC asked that future extensions "
                                    "come earlier.\n")["decisions"]] == ["Supported."]
    assert [d["text"] for d in body("24/006 Planning\nRESOLVED: No objection. (Cllr X did not vote.)\n")["decisions"]] \
        == ["RESOLVED: No objection."]


def test_deciding_clause_after_a_semicolon_and_other_deciding_forms():
    text = ("2. Declarations\nDr Pellow declared an interest as a partner in a practice; it was agreed that he "
            "would remain for the discussion.\n3. Minutes\nThe minutes were taken as read and adopted.\n"
            "4. Breaches\nThe Board noted the breaches log.\nThe Committee decided to defer the item.\n")
    assert [d["text"] for d in body(text)["decisions"]] == [
        "it was agreed that he would remain for the discussion.", "The minutes were taken as read and adopted.",
        "The Board noted the breaches log.", "The Committee decided to defer the item."]


def test_apologies_accepted_is_not_a_decision():
    assert body("24/001 Apologies\nApologies were received and accepted from Cllr J. Pemberton.\n")["decisions"] == []


# ---- recommendations -------------------------------------------------------------------

def test_recommendation_forms_beyond_it_was_recommended():
    text = (
        "3. HMICFRS PEEL inspection\n"
        "Rec 1\tWithin six months, the force should ensure that its referrals are made promptly.\tGreen\n"
        "The Business Board had recommended that 15% of the fund be ring-fenced.\n"
        "The Committee is asked to note the treasury management outturn.\n"
        "RECOMMENDATION: That the Panel notes the report.\n"
        "Members are invited to declare any interest in any item.\n"
    )
    assert [r["text"] for r in body(text)["recommendations"]] == [
        "Within six months, the force should ensure that its referrals are made promptly.",
        "The Business Board had recommended that 15% of the fund be ring-fenced.",
        "The Committee is asked to note the treasury management outturn.",
        "That the Panel notes the report.",
    ]


def test_recommendations_label_over_lettered_parts():
    out = body("3. Report\nRecommendations:\n(a) That the Board approves the plan;\n(b) That the Board notes the risks.\n")
    assert [r["text"] for r in out["recommendations"]] == ["That the Board approves the plan;",
                                                           "That the Board notes the risks."]


# ---- the body's name -------------------------------------------------------------------

def test_body_names_with_commas_meeting_kinds_and_headings_above():
    cases = {
        "Alba Police Authority\n\nMinutes of the Audit, Risk and Assurance Committee Meeting\nHeld on: 15 March 2023":
            "Audit, Risk and Assurance Committee",
        "Oakley Parish Council – Minutes of the Ordinary Meeting held on Monday 3 July 2023 at 7pm":
            "Oakley Parish Council",
        "NHS Fenmarsh Integrated Care Board\nMinutes of the Board Meeting held in Public\nThursday 18 January 2024":
            "NHS Fenmarsh Integrated Care Board",
        "WEST TARNDALE COMBINED AUTHORITY\n\nMINUTES OF THE MEETING OF THE COMBINED AUTHORITY HELD ON 24 MARCH 2023":
            "WEST TARNDALE COMBINED AUTHORITY",
        "ABERDEEN, 14 March 2023. Minute of Meeting of the FINANCE AND RESOURCES COMMITTEE. Present:- Councillor A":
            "FINANCE AND RESOURCES COMMITTEE",
        "Minutes of the Sixty-Second Meeting of the Oakshire Police Authority held on 3 May 2023":
            "Oakshire Police Authority",
        "Police and crime panel meeting – 3 May 2023\nPresent:": "Police and crime panel",
        "Investment Advisory & Monitoring meeting (IAM)\nMinutes\nDate: 3 May 2023":
            "Investment Advisory & Monitoring meeting",
    }
    for text, name in cases.items():
        assert extract_meeting(text)["body"] == name, text


def test_a_heading_that_is_not_a_name_is_not_the_body():
    assert extract_meeting("Date of next meeting\nMonday 5 June 2023")["body"] is None


# ---- attendance ------------------------------------------------------------------------

def test_post_before_name_with_chair_marker_qualifier_or_comma_post():
    assert entry("Mayor Joanne Whitcombe (In the Chair)") == ("Joanne Whitcombe", "Mayor", True, False)
    assert entry("Inspector Paul Kerrigan (case presenter, item 3)") == ("Paul Kerrigan", "Inspector", False, False)
    assert entry("Ch Supt Rob Halliwell, Head of Public Protection (item 3)") == (
        "Rob Halliwell", "Head of Public Protection", False, False)
    assert entry("Pensions Administration Manager – Helen Tapp") == (
        "Helen Tapp", "Pensions Administration Manager", False, False)
    assert entry("Head of Risk and Assurance Gary Tait") == ("Gary Tait", "Head of Risk and Assurance", False, False)
    assert entry("Ms P Corr, Probation Board for Northern Ireland")[:2] == ("P Corr", "Probation Board for Northern Ireland")


def test_minute_taker_written_inside_the_capacity_or_as_a_post():
    a = extract_attendance("Present: Cllrs G. Ashworth (Chairman), P. Blythe\nIn attendance: Mrs K. Fairbairn "
                           "(Parish Clerk and RFO, taking the minutes), District Cllr M. Quested, PCSO Dan Whitlow "
                           "(for item 24/004 only) and 4 members of the public\n")
    assert a.minute_taker == "K. Fairbairn"
    assert [(p["name"], p["role"]) for p in a.participants if p["attendance"] == "in_attendance"] == [
        ("K. Fairbairn", "Parish Clerk and RFO, taking the minutes"), ("M. Quested", "District Cllr"),
        ("Dan Whitlow", "PCSO")]
    assert extract_attendance("Present: Ann Smith (Chair)\nNote-taker – Jane Doe\n").minute_taker == "Jane Doe"
    assert extract_attendance("Present: Ann Smith (Chair)\nMinute Secretary: Jane Doe\n").minute_taker == "Jane Doe"


def test_scottish_sederunt_and_present_lists_and_apologies_intimated():
    text = ("Sederunt:\nMr R Gunn, Mrs M Cattanach, Ms L Kerr (remote)\n\nMr R Gunn in the Chair\n\n"
            "1. Apologies\nApologies for absence were intimated on behalf of Mrs H Grant and Mr W Swanson.\n")
    assert people(text) == [("R Gunn", None, "present"), ("M Cattanach", None, "present"), ("L Kerr", None, "present"),
                            ("H Grant", None, "apologies"), ("W Swanson", None, "apologies")]
    a = extract_attendance("Present:- Councillor Yuill, Convener; Councillor Houghton, Vice-Convener; and "
                           "Councillors Allard, Bonsell and Kusznir.\n")
    assert [p["name"] for p in a.participants] == ["Yuill", "Houghton", "Allard", "Bonsell", "Kusznir"]
    assert a.chair == "Yuill"


def test_organisation_subheadings_and_attendees_after_members():
    text = ("Committee Members Present\nGrant MacAulay (Committee Chair)\nFiona Strachan\n\nAttendees Present\n"
            "Police Scotland\nDeputy Chief Officer Catriona Mair\nHead of Risk and Assurance Gary Tait\n\n"
            "Alba Police Authority\nChief Executive Morag Leckie\n\nApologies\nMaureen Crichton, Board Member\n")
    assert people(text) == [
        ("Grant MacAulay", "Committee Chair", "present"), ("Fiona Strachan", None, "present"),
        ("Catriona Mair", "Deputy Chief Officer", "in_attendance"),
        ("Gary Tait", "Head of Risk and Assurance", "in_attendance"),
        ("Morag Leckie", "Chief Executive", "in_attendance"), ("Maureen Crichton", "Board Member", "apologies")]


def test_pdf_columns_separated_by_runs_of_spaces():
    text = ("Members:          Richard Pomeroy (Chair)            Angela Whitfield\n"
            "                  Dr Simon Achebe                    Karen Dowd\n\n"
            "Officers:         Chief Finance Officer, OPCC                   Gareth Lyle\n"
            "Auditors:         Internal Audit (Mercia Audit Partnership)     Ian Forrest\n")
    assert people(text) == [
        ("Richard Pomeroy", "Chair", "present"), ("Angela Whitfield", None, "present"),
        ("Dr Simon Achebe", None, "present"), ("Karen Dowd", None, "present"),
        ("Gareth Lyle", "Chief Finance Officer, OPCC", "in_attendance"),
        ("Ian Forrest", "Internal Audit (Mercia Audit Partnership)", "in_attendance")]


def test_group_named_before_a_dash_and_independent_chair():
    text = ("Board Members:\nEmployer Representatives – Cllr Nicola Braithwaite (Marchshire County Council), "
            "Stephen Oduya (Marchshire Academies Trust)\nIndependent Chair – Margaret Lowther\n")
    a = extract_attendance(text)
    assert [(p["name"], p["role"]) for p in a.participants] == [
        ("Nicola Braithwaite", "Marchshire County Council"), ("Stephen Oduya", "Marchshire Academies Trust"),
        ("Margaret Lowther", "Independent Chair")]
    assert a.chair == "Margaret Lowther"


def test_apologies_with_a_substitute_remark_and_a_for_whom_clause():
    text = "Apologies: Cllr Robert Vane; Nigel Ashby (Voluntary Action) – Sue Carrick attended as substitute\n"
    assert people(text) == [("Robert Vane", None, "apologies"), ("Nigel Ashby", "Voluntary Action", "apologies"),
                            ("Sue Carrick", "substitute", "present")]
    text = ("1. Apologies\nApologies for absence were received from Councillor Dean Brockway (Calder Vale Council), "
            "for whom Councillor Pennock attended as substitute, and from Councillor Yvette Lamb (Non-Constituent "
            "Member).\n")
    assert ("Yvette Lamb", "Non-Constituent Member", "apologies") in people(text)


def test_numbered_earlier_action_is_its_first_sentence_and_cited_with_its_meeting():
    text = ("1. Welcome\nThe PCC welcomed everyone to the meeting and apologies were noted.\n2. Action tracker\n"
            "Action 23/04 – ACC to provide data on response times. Data provided in the performance pack. CLOSED\n"
            "Action 1 from the January meeting (domestic abuse outcome data) was complete.\n"
            "3. Finance\nThe CFO presented the budget monitoring report for the quarter.\n")
    assert acts(text) == [("ACC to provide data on response times.", "ACC", "complete"),
                          ("domestic abuse outcome data", None, "complete")]


def test_an_inspectorate_recommending_is_a_recommendation():
    text = "2. Inspection\nHMICFRS recommended that by March 2024 all forces should adopt the new guidance.\n"
    assert [r["text"] for r in body(text)["recommendations"]] == [
        "HMICFRS recommended that by March 2024 all forces should adopt the new guidance."]


def test_posts_after_names_in_a_comma_list_and_a_bracketed_group():
    text = ("Present:\nCouncillor Ruth Dale (Chair), Councillor Leo Price, Helen Kirk, Director of Public Health, "
            "Paul Dawes, Healthwatch\n")
    assert people(text) == [("Ruth Dale", "Chair", "present"), ("Leo Price", None, "present"),
                            ("Helen Kirk", "Director of Public Health", "present"), ("Paul Dawes", "Healthwatch", "present")]
    assert people("Present: Councillor Ann Reid (Chair), Dr Lewis Grant, Mairi Ross (Voting Members)\n") == [
        ("Ann Reid", "Chair", "present"), ("Dr Lewis Grant", None, "present"), ("Mairi Ross", "Voting Members", "present")]


def test_an_action_label_saying_there_is_none_is_no_action():
    text = ("1. Welcome\nThe Chair welcomed members to the meeting and noted apologies received.\nAction: None.\n"
            "Further action: none required.\n2. Finance\nThe CFO presented the budget monitoring report.\n")
    assert acts(text) == []


def test_items_numbered_by_section_letter_and_number():
    text = ("A1. Apologies for absence\nApologies were received from Jane Smith.\n"
            "A2. Minutes of the previous meeting\nThe minutes were approved.\n"
            "B1 Financial report\nThe Committee noted the report.\n"
            "The A1 road closure was mentioned.\n")
    assert [(i.ref, i.title) for i in find_items(text)] == [
        ("A1.", "Apologies for absence"), ("A2.", "Minutes of the previous meeting"), ("B1", "Financial report")]


def test_a_single_lettered_ref_is_not_an_item_numbering():
    text = "1. Welcome\nThe Chair opened the meeting.\nB3 Highways\nWork on the junction continues.\n2. Any other business\nNone.\n"
    assert [i.ref for i in find_items(text)] == ["1.", "2."]


def test_venue_of_a_meeting_held_remotely_via_a_named_medium():
    text = "Minutes of the meeting of the Audit Committee held remotely via Zoom on 3 March 2023 at 10am\n\n1. Welcome\n"
    assert extract_meeting(text)["venue"] == "Zoom"
    text = "Police and Crime Panel\nMinutes of the meeting held virtually via Microsoft Teams on 3 March 2023\n"
    assert extract_meeting(text)["venue"] == "Microsoft Teams"


def test_organisation_initials_then_post_then_name():
    assert entry("MPS – Assistant Commissioner Jane Doe") == ("Jane Doe", "MPS – Assistant Commissioner", False, False)
    assert entry("ICO – Jane Doe") == ("Jane Doe", "ICO", False, False)  # no post: left as it was
    text = ("Present:\nJohn Smith – Deputy Mayor (Chair)\nMPS – Assistant Commissioner Jane Doe\n"
            "MOPAC – Chief Executive Officer Diana Luchford\n\n1. Welcome\n")
    assert people(text) == [("John Smith", "Deputy Mayor", "present"),
                            ("Jane Doe", "MPS – Assistant Commissioner", "present"),
                            ("Diana Luchford", "MOPAC – Chief Executive Officer", "present")]


def test_a_lone_attendees_list_is_present():
    text = "Board Meeting\n3 March 2023\n\nAttendees:\nJane Smith – Chair\nJohn Brown – Finance Director\n\n1. Welcome\n"
    assert people(text) == [("Jane Smith", "Chair", "present"), ("John Brown", "Finance Director", "present")]


def test_body_named_by_a_bare_series_noun_without_an_article():
    assert extract_meeting("Minutes of Full Council held on 3 March 2023\n\n1. Apologies\n")["body"] == "Full Council"
    assert extract_meeting("Minutes of the Board held on 3 March 2023\n\n1. Apologies\n")["body"] is None


def test_body_keeps_its_remit_in_brackets_but_not_a_session_marker():
    text = "Scrutiny Board (Environment, Housing and Communities)\nMinutes of the meeting held on 3 March 2023\n"
    assert extract_meeting(text)["body"] == "Scrutiny Board (Environment, Housing and Communities)"
    text = "Agenda and minutes\nScrutiny Board (Children and Families) - Tuesday, 3rd March, 2023 10.30 am\n"
    assert extract_meeting(text)["body"] == "Scrutiny Board (Children and Families)"
    text = "Trust Board (Public Session)\nMinutes of the meeting held on 3 March 2023\n"
    assert extract_meeting(text)["body"] == "Trust Board"


def test_body_in_common_uk_heading_layouts():
    cases = {
        "Oakshire County Council\nAudit and Governance Committee\nMinutes of the meeting held on 3 March 2023\n":
            "Oakshire County Council Audit and Governance Committee",  # stacked lines fold into one name
        "Minutes of the Planning Committee meeting held on 3 March 2023\n": "Planning Committee",
        "Planning Committee – Minutes\n3 March 2023\n\nPresent: Cllr Jane Smith\n": "Planning Committee",
        "Agenda and minutes\nAudit Committee\nTuesday, 3rd March, 2023 7.00 pm\nVenue: Council Chamber\n":
            "Audit Committee",
        "Minutes of a meeting of the Licensing Sub-Committee held on 3 March 2023\n": "Licensing Sub-Committee",
        "Cabinet - 3 March 2023 - Minutes\n": "Cabinet",
    }
    for text, want in cases.items():
        assert extract_meeting(text)["body"] == want, text


def test_numbered_action_log_lines_without_separator_are_actions_not_items():
    text = ("Action log\n1 Clerk to write to the highways authority about the verge.\n"
            "2 Chair to circulate the draft budget. Complete.\n"
            "3 JS to chase the contractor.\nUpdate: chased twice, no reply yet.\n")
    assert [(i.ref, i.title) for i in find_items(text)] == [(None, "Action log")]
    assert acts(text) == [("Clerk to write to the highways authority about the verge.", "Clerk", None),
                          ("Chair to circulate the draft budget.", "Chair", "complete"),
                          ("JS to chase the contractor.", "JS", "updated")]


def test_a_numbered_heading_with_to_is_still_an_item():
    text = "1 Apologies\nNone.\n2 Changes to parking restrictions.\nThe Council noted the changes.\n3 Any other business\nNone.\n"
    assert [i.ref for i in find_items(text)] == ["1", "2", "3"]
