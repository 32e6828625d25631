"""Attendance layouts, one small made-up snippet per rule (see ANNOTATION.md)."""

from __future__ import annotations

from govgraph.ingest.extract.attendance import extract_attendance
from govgraph.ingest.extract.attendance_entry import parse_entry
from govgraph.ingest.extract.attendance_tables import pair_roles


def people(text):
    return [(p["name"], p["role"], p["attendance"]) for p in extract_attendance(text).participants]


def entry(s):
    e = parse_entry(s, 0, len(s))
    return e and (e.name, e.role, e.role_abbr, e.chair, e.minutes)


def test_entry_forms():
    assert entry("Mary Adams Chief Constable (CC)") == ("Mary Adams", "Chief Constable", "CC", False, False)
    assert entry("Tom Reed (TR) Chair – Police and Crime Commissioner") == (
        "Tom Reed", "Police and Crime Commissioner", None, True, False)
    assert entry("Jo Hart (minutes) – Secretary") == ("Jo Hart", "Secretary", None, False, True)
    assert entry("• Ian Cole, Assistant Chief Constable (ACC Cole)") == (
        "Ian Cole", "Assistant Chief Constable", "ACC", False, False)
    assert entry("Mr Ray Lamb CBE Chair") == ("Ray Lamb CBE", "Chair", None, True, False)
    assert entry("Cllr Sue Dane: Elected Member - Chair") == ("Sue Dane", "Elected Member", None, True, False)
    assert entry("Professor Amy Fox (VC)")[:2] == ("Professor Amy Fox", "VC")
    assert entry("CFO Dan Ward (DW)")[:2] == ("Dan Ward", "CFO")
    assert entry("Chief Fire Officer M Evans")[:2] == ("M Evans", "Chief Fire Officer")
    assert entry("Mrs Ann Bell Freedom to Speak Up Guardian (for item 8.4)")[:2] == (
        "Ann Bell", "Freedom to Speak Up Guardian")


def test_entry_run_together_and_initials_columns():
    assert entry("N HoltSuperintendent, Head of Operations")[:2] == ("N Holt", "Superintendent, Head of Operations")
    assert entry("Mr I FoxGrant Thornton")[:2] == ("I Fox", "Grant Thornton")
    assert entry("Dr Jane Moss JM Medical Director")[:2] == ("Dr Jane Moss", "Medical Director")


def test_not_entries():
    for s in ("Sean Brown welcomed everyone to the meeting", "Welcome and introductions", "Police Eff",
              "Budget conditions letter update", "Julian Grubb was a retired Police Officer"):
        assert parse_entry(s, 0, len(s)) is None, s


def test_headed_lists_with_name_role_lines_and_wrapped_role():
    text = (
        "Chair: Ann Lowe\n\nMinutes: Kim Yates, Policy Officer, OPCC\n\n"
        "Attendance: Ann Lowe Deputy Police and Crime Commissioner (DPCC)\n\n"
        "Bill Marsh Chief Constable (CC)\n\n"
        "Carl Nash Chief Executive for the Police and Crime\n\nCommissioner (CEx)\n\n"
        "Apologies: Dina Orr Police and Crime Commissioner (PCC)\n\n1.1\tOUTSTANDING MATTERS\n"
    )
    a = extract_attendance(text)
    assert [(p["name"], p["role"], p["role_abbr"], p["attendance"]) for p in a.participants] == [
        ("Ann Lowe", "Deputy Police and Crime Commissioner", "DPCC", "present"),
        ("Bill Marsh", "Chief Constable", "CC", "present"),
        ("Carl Nash", "Chief Executive for the Police and Crime Commissioner", "CEx", "present"),
        ("Dina Orr", "Police and Crime Commissioner", "PCC", "apologies"),
        ("Kim Yates", "Policy Officer, OPCC", None, "in_attendance"),
    ]
    assert a.participants[-1]["organisation"] == "OPCC"
    assert a.chair == "Ann Lowe" and a.minute_taker == "Kim Yates"


def test_evidence_points_into_the_text():
    text = "Present:\nAnn Lowe (Chair)\nBill Marsh\n\n1. Welcome\n"
    for p in extract_attendance(text).participants:
        ev = p["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"] and p["name"] in ev["quote"]
        assert p["rule"]


def test_headless_groups_present_then_apologies():
    text = (
        "Example Governance Board\n\nNotes of Meeting\n\n\n"
        "Ann Lowe (AL) Chair – Police and Crime Commissioner\n\n"
        "Bill Marsh (BM) – Treasurer\n\n"
        "Cara Nye (minutes) – Secretary\n\n\n"
        "Dan Ould (DO) – Deputy Chief Executive\n\n"
        "Eve Pratt (EP) – Assistant Chief Constable\n\n\n"
        "Ref 01/26/07/2023\n\nIntroductions were made and apologies noted.\n"
    )
    a = extract_attendance(text)
    assert [(p["name"], p["attendance"]) for p in a.participants] == [
        ("Ann Lowe", "present"), ("Bill Marsh", "present"), ("Cara Nye", "present"),
        ("Dan Ould", "apologies"), ("Eve Pratt", "apologies")]
    assert a.chair == "Ann Lowe" and a.minute_taker == "Cara Nye"
    assert a.participants[2]["role"] == "Secretary"


def test_headless_groups_around_in_attendance():
    text = (
        "6. Any other business\n\nSee minutes.\n\n\n"
        "  • The Chief Officer (Chair)\n  • Gail Hunt\n  • Hal Innes\n\nIn attendance\n\n"
        "  • Ida Jones\n\n\n  • Jack Kemp\n\n\n  • Kate Lyle\n  • Liam Moor\n\n1. Welcome\n"
    )
    a = extract_attendance(text)
    assert [(p["name"], p["attendance"]) for p in a.participants] == [
        ("Chief Officer", "present"), ("Gail Hunt", "present"), ("Hal Innes", "present"),
        ("Ida Jones", "in_attendance"), ("Jack Kemp", "in_attendance"),
        ("Kate Lyle", "apologies"), ("Liam Moor", "apologies")]
    assert a.chair == "Chief Officer" and a.participants[0]["role"] == "Chief Officer"


def test_headless_list_after_an_unrelated_colon_is_not_attendance():
    text = "Questions had been submitted by:\n\n· Mr Able\n· Ms Baker\n\nThe Panel considered them.\n"
    assert people(text) == []


def test_flattened_table_names_then_wrapped_roles():
    text = (
        "PRESENT:\nVOTING MEMBERS:\nDr Ann Lowe\nBill Marsh\nCara Nye\n"
        "Chair/GP\nLay Member –\nGovernance/Deputy Chair\nPractice Nurse\n"
        "IN ATTENDANCE:\nDan Ould\nEve Pratt\nHealthy Living Integrated\nProgramme Director\nMinutes\n"
        "APOLOGIES:\nFay Quinn\nCouncillor Gus Rowe\nInterim Head of Finance\nExample City Council\nPublic: 6\n"
    )
    a = extract_attendance(text)
    assert [(p["name"], p["role"], p["attendance"]) for p in a.participants] == [
        ("Dr Ann Lowe", "Chair/GP", "present"),
        ("Bill Marsh", "Lay Member – Governance/Deputy Chair", "present"),
        ("Cara Nye", "Practice Nurse", "present"),
        ("Dan Ould", "Healthy Living Integrated Programme Director", "in_attendance"),
        ("Eve Pratt", "Minutes", "in_attendance"),
        ("Fay Quinn", "Interim Head of Finance", "apologies"),
        ("Gus Rowe", "Example City Council", "apologies"),
    ]
    assert a.chair == "Dr Ann Lowe" and a.minute_taker == "Eve Pratt"


def test_pair_roles_joins_wrapped_lines():
    lines = ["Lay Member –", "Governance/Deputy Chair", "Lay Member – Patient", "Engagement", "GP"]
    starts = pair_roles(3, lines)
    assert [" ".join(lines[a:b]) for a, b in zip(starts, starts[1:] + [len(lines)], strict=False)] == [
        "Lay Member – Governance/Deputy Chair", "Lay Member – Patient Engagement", "GP"]


def test_one_line_lists():
    text = (
        "MINUTES OF THE MEETING OF EXAMPLE COUNCIL HELD AT 3.00PM ON MONDAY 9 JULY 2018 IN ROOM 1, "
        "Present Professor Ann Lowe (Chair), Dr Bill Marsh, Ms Cara Nye (CFO)\n\n\n"
        "Mr Dan Ould, Reverend Canon Eve Pratt In Attendance\n\n"
        "Mrs Fay Quinn (minutes), Mr Gus Rowe (Secretary)\n\n\n1507 APOLOGIES The above listed apologies were noted.\n"
    )
    a = extract_attendance(text)
    assert [(p["name"], p["role"], p["attendance"]) for p in a.participants] == [
        ("Professor Ann Lowe", "Chair", "present"), ("Dr Bill Marsh", None, "present"),
        ("Cara Nye", "CFO", "present"), ("Dan Ould", None, "apologies"),
        ("Reverend Canon Eve Pratt", None, "apologies"), ("Fay Quinn", None, "in_attendance"),
        ("Gus Rowe", "Secretary", "in_attendance")]
    assert a.chair == "Professor Ann Lowe" and a.minute_taker == "Fay Quinn"


def test_run_together_pdf_line_split_at_honorifics_stops_at_tables():
    text = ("Present: Mr Al Bee CB Chair Dr Cy Dee Chief Executive Mrs Di Eve Chief Nurse In Attendance: "
            "Mr Ed Fay Trust Secretary Mrs Flo Gee Personal Assistant to the Chair (for the minutes) "
            "Cumulative Record of Attendance Name Possible Actual Mr Al Bee 3 3 Mrs Hal Ivy 3 2\n")
    a = extract_attendance(text)
    assert [(p["name"], p["role"], p["attendance"]) for p in a.participants] == [
        ("Al Bee CB", "Chair", "present"), ("Dr Cy Dee", "Chief Executive", "present"),
        ("Di Eve", "Chief Nurse", "present"), ("Ed Fay", "Trust Secretary", "in_attendance"),
        ("Flo Gee", "Personal Assistant to the Chair", "in_attendance")]
    assert a.chair == "Al Bee CB" and a.minute_taker == "Flo Gee"


def test_apologies_and_other_sentences():
    text = (
        "Apologies for absence were submitted by Councillor Ann Lowe (North Council), Councillor Bill Marsh "
        "(South Council – Co-Opted Member) and Councillor Cara Nye.\n\n"
        "Cllr Dan Ould was a substitute for Cllr Cara Nye (West).\n\n"
        "Councillor Eve Pratt would be late attending the meeting.\n\n"
        "The Chair welcomed Fay Quinn and Gus Rowe to the meeting.\n\n"
        "Councillor Hal Ince declared an interest as a member of the Fire Authority.\n"
    )
    assert people(text) == [
        ("Ann Lowe", "North Council", "apologies"),
        ("Bill Marsh", "South Council – Co-Opted Member", "apologies"),
        ("Cara Nye", None, "apologies"),
        ("Dan Ould", "substitute for Cllr Cara Nye (West)", "present"),
        ("Eve Pratt", None, "present"),
        ("Fay Quinn", None, "in_attendance"),
        ("Gus Rowe", None, "in_attendance"),
    ]


def test_apology_sentence_with_role_and_plural_councillors():
    assert people("Apologies were received from Councillors Ann Lowe, Bill Marsh and Cara Nye.") == [
        ("Ann Lowe", None, "apologies"), ("Bill Marsh", None, "apologies"), ("Cara Nye", None, "apologies")]
    assert people("Apologies were received from Professor Dan Ould, Non-Executive Director.") == [
        ("Professor Dan Ould", "Non-Executive Director", "apologies")]


def test_membership_list_with_minuted_apology_gives_one_apologies_entry():
    text = "Board\nAnn Lowe\nBill Marsh\nChairman\nNon-Executive Director\n\n" \
           "APOLOGIES FOR ABSENCE\nApologies were received from Bill Marsh, Non-Executive Director.\n"
    a = extract_attendance(text)
    assert [(p["name"], p["role"], p["attendance"]) for p in a.participants] == [
        ("Ann Lowe", "Chairman", "present"), ("Bill Marsh", "Non-Executive Director", "apologies")]
    assert a.chair == "Ann Lowe"


def test_observer_and_qualifiers():
    text = "Chair: PCC Ann Lowe\n\n  • Bill Marsh, Chief Constable (CC)\n  • Cara Nye (Observer), Head of Insight (CN)\n" \
           "  • Dan Ould, Consultant (Item 11.2)\n\nQuarter 4 Performance Meeting Notes\n"
    a = extract_attendance(text)
    assert [(p["name"], p["role"], p["attendance"]) for p in a.participants] == [
        ("Bill Marsh", "Chief Constable", "present"), ("Cara Nye", "Head of Insight", "in_attendance"),
        ("Dan Ould", "Consultant", "present"), ("Ann Lowe", "PCC", "present")]  # the chair label's person attends
    assert a.chair == "Ann Lowe"


def test_attendance_table_rows_with_status_column():
    text = "Attendance details\nAttendee\tRole\tAttendance\nCouncillor Ann Lowe\tChair\tPresent\n" \
           "Councillor Bill Marsh\tCommittee Member\tApologies\nCouncillor Cara Nye\tCommittee Member\tPresent\n"
    a = extract_attendance(text)
    assert [(p["name"], p["role"], p["attendance"]) for p in a.participants] == [
        ("Ann Lowe", "Chair", "present"), ("Bill Marsh", "Committee Member", "apologies"),
        ("Cara Nye", "Committee Member", "present")]
    assert a.chair == "Ann Lowe"


def test_semicolon_list_officers_and_post_before_name():
    text = ("Present: Councillor Ann Lowe (Chairman); Councillors B Marsh, C Nye and D Ould.\n\n"
            "ALSO IN ATTENDANCE: Chief Fire Officer E Pratt, Treasurer F Quinn.\n\n"
            "Officers: Gus Rowe (Democratic Services Officer)\n\n1. Apologies\n")
    assert people(text) == [
        ("Ann Lowe", "Chairman", "present"), ("B Marsh", None, "present"), ("C Nye", None, "present"),
        ("D Ould", None, "present"), ("E Pratt", "Chief Fire Officer", "in_attendance"),
        ("F Quinn", "Treasurer", "in_attendance"), ("Gus Rowe", "Democratic Services Officer", "in_attendance")]


def test_chair_elected_or_named_in_an_item_lead():
    assert extract_attendance("In attendance:\nMr Al Bee Head of Services\nMs Cy Dee Internal Audit\n\n"
                              "Mr Ed Fay was elected as Chair of the committee.\n").chair == "Ed Fay"
    text = "Apologies for Absence\n\nAnn Lowe, Bill Marsh\n\nMinutes\n\nCara Nye, Chairman\n\n· 5 May 2019\n"
    a = extract_attendance(text)
    assert a.chair == "Cara Nye"
    assert [(p["name"], p["attendance"]) for p in a.participants] == [("Ann Lowe", "apologies"), ("Bill Marsh", "apologies")]


def test_no_attendance_in_plain_minutes():
    text = ("2. Minutes\nThe minutes of the meeting held on 8 December 2021 were approved.\n"
            "Councillor Ann Lowe asked about the budget. Dr Bill Marsh, Medical Director, presented the report.\n")
    assert people(text) == []


def test_post_then_name_with_a_separator():
    assert entry("Police and Crime Commissioner (PCC) – Ann Lowe") == (
        "Ann Lowe", "Police and Crime Commissioner", "PCC", False, False)
    assert entry("Chair – Bill Marsh")[:4] == ("Bill Marsh", "Chair", None, True)


def test_attendance_sentences_variants():
    text = ("Also in attendance were Mr Al Bee (Head of Communications) and Ms Cy Dee (Healthwatch).\n"
            "Cllr Ed Fay substituted for Cllr Gus Hay.\nThe meeting was chaired by Councillor Ivy Jay.\n")
    a = extract_attendance(text)
    assert [(p["name"], p["role"], p["attendance"]) for p in a.participants] == [
        ("Al Bee", "Head of Communications", "in_attendance"), ("Cy Dee", "Healthwatch", "in_attendance"),
        ("Ed Fay", "substituted for Cllr Gus Hay", "present")]
    assert a.chair == "Ivy Jay"
    # a board "chaired by the ACC" elsewhere in the minutes says nothing about this meeting's chair
    assert extract_attendance("Governance is provided through the Stop and Search Board which is chaired by "
                              "the ACC.\n").chair is None


def test_post_before_name_forms():
    assert entry("Chief Executive (Ann Lowe)")[:3] == ("Ann Lowe", "Chief Executive", None)
    assert entry("Independent Member Mr Bill Marsh")[:2] == ("Bill Marsh", "Independent Member")
    assert entry("Internal Audit Manager (ABC) C. Nye")[:2] == ("C. Nye", "Internal Audit Manager (ABC)")
    assert entry("Clerk to the Authority D. Ould")[:2] == ("D. Ould", "Clerk to the Authority")
    # a bracketed chair marker or a trailing "– notes" after the name is a marker, not a capacity
    assert entry("Police and Crime Commissioner – Eve Pratt (EP) (Chair)") == (
        "Eve Pratt", "Police and Crime Commissioner", None, True, False)
    assert entry("Business Support Officer – Fay Quinn (FQ) – notes") == (
        "Fay Quinn", "Business Support Officer", None, False, True)
    # "… Locality Chair" is a post, not a name followed by a chair marker
    assert entry("GP – North Locality Chair") is None


def test_minute_taking_markers():
    # after the capacity: a marker, removed from the role
    assert entry("Mrs Ann Lowe (Town Clerk) – minutes") == ("Ann Lowe", "Town Clerk", None, False, True)
    assert entry("Bill Marsh, Governance Officer – minutes")[1:] == ("Governance Officer", None, False, True)
    # within the capacity text: kept in the role
    assert entry("C. Nye (Committee Services – minutes)")[1:] == ("Committee Services – minutes", None, False, True)
    assert entry("Dan Ould (Governance Officer, minutes)")[1:] == ("Governance Officer, minutes", None, False, True)
    assert entry("Eve Pratt (Democratic Services Officer – minute taker)")[1:] == (
        "Democratic Services Officer – minute taker", None, False, True)
    # the marker as the only capacity is the role
    assert entry("Fay Quinn – Minutes")[1:] == ("Minutes", None, False, True)
    a = extract_attendance("Present: Al Bee (Chair), Cy Dee\n\nThe minutes were taken by Ed Fay, Committee Clerk.\n")
    assert a.minute_taker == "Ed Fay"
    a = extract_attendance("Councillors: Al Bee (Chairman), Cy Dee\nClerk: Mrs Ed Fay (Town Clerk) – minutes\n")
    assert a.minute_taker == "Ed Fay" and ("Ed Fay", "Town Clerk", "in_attendance") in people(
        "Councillors: Al Bee (Chairman), Cy Dee\nClerk: Mrs Ed Fay (Town Clerk) – minutes\n")


def test_chair_markers_and_chair_posts():
    a = extract_attendance("PRESENT: Councillor Ann Lowe (Leader of the Council) (in the Chair), Councillors Bill Marsh "
                           "and Cara Nye.\n")
    assert a.chair == "Ann Lowe" and people_of(a)[0] == ("Ann Lowe", "Leader of the Council", "present")
    a = extract_attendance("Present: Councillor A. Lowe (Chairman) in the Chair, Councillors B. Marsh and C. Nye\n")
    assert a.chair == "A. Lowe" and [p[0] for p in people_of(a)] == ["A. Lowe", "B. Marsh", "C. Nye"]
    a = extract_attendance("Present: Councillor Dan Ould (Vice-Chair, in the Chair), Councillor Eve Pratt\n")
    assert a.chair == "Dan Ould" and people_of(a)[0] == ("Dan Ould", "Vice-Chair", "present")
    # "Trust Chair", "Chair of the Board": the post of chairing this body; another committee's chair is not
    a = extract_attendance("Members Present\nName\tRole\nProf Fay Quinn\tTrust Chair\nGus Rowe\tChief Executive\n")
    assert a.chair == "Prof Fay Quinn"
    a = extract_attendance("Present: Hal Ince (Audit and Risk Committee Chair), Ivy Jay\n")
    assert a.chair is None
    # "In the Chair: X" names someone who attends
    a = extract_attendance("In the Chair: Councillor Jo King\nPresent: Councillors T. Hill, R. Vance\n")
    assert a.chair == "Jo King" and ("Jo King", None, "present") in people_of(a)


def people_of(a):
    return [(p["name"], p["role"], p["attendance"]) for p in a.participants]


def test_group_labels_and_list_lines_under_a_heading():
    text = ("Members Present:\nCouncillor A. Lowe (Chairman)\nCouncillor B. Marsh (Vice-Chairman)\n"
            "Councillors C. Nye, D. Ould\nIndependent Person: Mr E. Pratt\nOfficers Present:\n"
            "Chief Fire Officer F. Quinn, Treasurer G. Rowe, and H. Ince (Committee Services – minutes)\n"
            "Item 1. Apologies\n")
    assert people(text) == [
        ("A. Lowe", "Chairman", "present"), ("B. Marsh", "Vice-Chairman", "present"), ("C. Nye", None, "present"),
        ("D. Ould", None, "present"), ("E. Pratt", "Independent Person", "present"),
        ("F. Quinn", "Chief Fire Officer", "in_attendance"), ("G. Rowe", "Treasurer", "in_attendance"),
        ("H. Ince", "Committee Services – minutes", "in_attendance")]
    text = ("Board members present: Sir Al Bee (Chair), Cy Dee (Chief Executive)\n"
            "Executive team: Ed Fay (Director of Policy), Gus Hay (Director of Finance)\nSecretariat: Ivy Jay\n"
            "Members of the public: 3\n")
    assert people(text) == [
        ("Sir Al Bee", "Chair", "present"), ("Cy Dee", "Chief Executive", "present"),
        ("Ed Fay", "Director of Policy", "in_attendance"), ("Gus Hay", "Director of Finance", "in_attendance"),
        ("Ivy Jay", None, "in_attendance")]
    assert people("Attending virtually: Dr Tom Baker, Ms Jane Cole\n") == [
        ("Dr Tom Baker", None, "present"), ("Jane Cole", None, "present")]


def test_in_attendance_block_of_a_status_table_and_semicolon_entries():
    text = ("Members\tTitle\tAttendance\nAnn Lowe\tLay Member (Chair)\tPresent\nBill Marsh\tChief Finance Officer\t"
            "Apologies\nIn attendance\nCara Nye\tLMC Representative\tPresent\n"
            "Dan Ould\tDeputy Chief Finance Officer (deputising for B Marsh)\tPresent\n")
    assert people(text) == [
        ("Ann Lowe", "Lay Member", "present"), ("Bill Marsh", "Chief Finance Officer", "apologies"),
        ("Cara Nye", "LMC Representative", "in_attendance"), ("Dan Ould", "Deputy Chief Finance Officer", "in_attendance")]
    text = ("Also in attendance: Dr Eve Pratt, Medical Director, Example Hospitals NHS Foundation Trust; "
            "Fay Quinn, Director of Adult Social Care.\n")
    assert people(text) == [
        ("Dr Eve Pratt", "Medical Director, Example Hospitals NHS Foundation Trust", "in_attendance"),
        ("Fay Quinn", "Director of Adult Social Care", "in_attendance")]


def test_apology_sentence_forms():
    assert people("Apologies were received from Councillor Ann Lowe and from Independent Member Mr Bill Marsh.") == [
        ("Ann Lowe", None, "apologies"), ("Bill Marsh", "Independent Member", "apologies")]
    assert people("Apologies: Apologies were received from Cara Nye, Non-Executive Director, and Dan Ould, "
                  "Director of Operations.\n") == [
        ("Cara Nye", "Non-Executive Director", "apologies"), ("Dan Ould", "Director of Operations", "apologies")]
    assert people("Apologies were received and accepted from Cllr Eve Pratt and Cllr Fay Quinn.") == [
        ("Eve Pratt", None, "apologies"), ("Fay Quinn", None, "apologies")]
    assert people("Apologies were received from Cllr Gus Rowe, who was on holiday, and from Cllr Hal Ince.") == [
        ("Gus Rowe", None, "apologies"), ("Hal Ince", None, "apologies")]
    # members marked absent map to apologies
    assert people("Apologies were received from Councillor I. Jay. Councillor J. King was absent.") == [
        ("I. Jay", None, "apologies"), ("J. King", None, "apologies")]
    assert people("Councillors K. Lamb and L. Moss did not attend.") == [
        ("K. Lamb", None, "apologies"), ("L. Moss", None, "apologies")]


def test_reasons_and_qualifiers_are_not_roles():
    assert people("Apologies were received from Cllr Ann Lowe (work commitments) and Cllr Bill Marsh (unwell).") == [
        ("Ann Lowe", None, "apologies"), ("Bill Marsh", None, "apologies")]
    assert people("Present: Cllr A Bee (Chair)\nApologies: Cllr C Dee (Vice-Chair) – illness, Cllr E Fay "
                  "(personal reasons)\n")[1:] == [("C Dee", "Vice-Chair", "apologies"), ("E Fay", None, "apologies")]
    assert people("Apologies: Mr Ed Lamb (accepted), Ms Flo Moss (apologies noted)\n") == [
        ("Ed Lamb", None, "apologies"), ("Flo Moss", None, "apologies")]
    assert entry("Ben Okafor\tHead of Safeguarding (item TB23/061 only)")[:2] == ("Ben Okafor", "Head of Safeguarding")
    assert entry("Mary Lamb (Head of Finance) – for item 5")[:2] == ("Mary Lamb", "Head of Finance")
    assert entry("Kay Bass\tDeputy Finance Officer (deputising for P Venn)")[:2] == ("Kay Bass", "Deputy Finance Officer")
    # a named substitution is the capacity the person sits in (as in "was a substitute for …")
    assert entry("Stu Fyfe (substitute for Councillor Lorna Keel)")[:2] == (
        "Stu Fyfe", "substitute for Councillor Lorna Keel")


def test_run_on_page_ends_the_list_where_the_first_item_starts():
    text = ("PRESENT: Mrs Ann Lowe (Chair), Mr Bill Marsh ALSO PRESENT: Ms Cara Nye – Chief Executive, OPCC; "
            "Mr Dan Ould – Governance Officer, OPCC (Minutes) APOLOGIES: Mr Eve Pratt – Deputy Chief Constable "
            "JIAC 01/23 APOLOGIES AND DECLARATIONS OF INTEREST The apologies were noted. Mr Marsh declared an interest.")
    a = extract_attendance(text)
    assert people_of(a) == [
        ("Ann Lowe", "Chair", "present"), ("Bill Marsh", None, "present"),
        ("Cara Nye", "Chief Executive, OPCC", "in_attendance"), ("Dan Ould", "Governance Officer, OPCC", "in_attendance"),
        ("Eve Pratt", "Deputy Chief Constable", "apologies")]
    assert a.chair == "Ann Lowe" and a.minute_taker == "Dan Ould"


def test_counted_people_and_plural_councillors_inside_a_list():
    assert people("Present: Cllrs A Bee (Chairman), C Dee. In attendance: Mrs E Fay (Clerk), 3 members of the public.\n") \
        == [("A Bee", "Chairman", "present"), ("C Dee", None, "present"), ("E Fay", "Clerk", "in_attendance")]
    assert people("PRESENT: Councillor Lowe (Chairman); Councillors Marsh, Nye and Ould.\n") == [
        ("Lowe", "Chairman", "present"), ("Marsh", None, "present"), ("Nye", None, "present"), ("Ould", None, "present")]


def test_absence_from_the_room_and_minutes_sentences():
    assert people("The Chief Executive was absent from the room for this item. Cllr Al Bee was absent for part "
                  "of the meeting.") == []
    assert extract_attendance("Present: Cy Dee (Chair)\nMr Ed Fay took the minutes.\n").minute_taker == "Ed Fay"
    assert extract_attendance("The Board recorded the minutes as accurate.\n").minute_taker is None
