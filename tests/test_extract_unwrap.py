"""Line wrapping of PDFs flattened to text, on made-up snippets (every body, person and
figure here is invented).

A PDF breaks lines at its right margin: an item ref ends one line and its heading opens
the next, a bullet's sentence ends at the margin and the next sentence of the same
bullet starts a line, a heading runs over two lines, a page break puts "Page 1 of 3"
in the middle of a sentence. The body rules read an unwrapped *view* of the text
(same length, so evidence offsets still point into the text as written).
"""

from __future__ import annotations

import textwrap

import pytest
from govgraph.ingest.extract.body import extract_body
from govgraph.ingest.extract.body_lexicon import fold
from govgraph.ingest.extract.segments import blocks
from govgraph.ingest.extract.unwrap import unwrap, wrap_width

PARAS = [
    "The Chief Fire Officer presented the quarterly performance report for the Authority. Response times in the "
    "rural districts had improved for a third quarter running, although two retained stations had been "
    "unavailable for long periods over the summer because of crewing shortfalls.",
    "Members asked how the Service intended to recruit on-call firefighters in the northern villages, where "
    "employers were reluctant to release staff during the working day.",
    "The Head of Prevention reported that home fire safety visits had reached eighty per cent of the annual "
    "target, with the remaining visits scheduled before the end of the financial year.",
]


def wrap(lines: list[str], width: int) -> str:
    """Wrap each line as a PDF would (no blank lines between paragraphs)."""
    return "\n".join(part for line in lines for part in (textwrap.wrap(line, width) or [""])) + "\n"


def valid_evidence(records: list[dict], text: str) -> None:
    for rec in records:
        ev = rec["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["quote"]


# ---- the margin and the view ---------------------------------------------------------------------


@pytest.mark.parametrize("width", [50, 70, 90])
def test_wrap_width_finds_the_margin_of_wrapped_text(width):
    got = wrap_width(wrap(PARAS * 2, width))
    assert got is not None and width - 6 <= got <= width


def test_typed_text_has_no_margin():
    typed = "\n".join(PARAS + ["Apologies", "None received.", "Date of next meeting", "12 March, 10:00"]) + "\n"
    assert wrap_width(typed) is None


def test_the_view_moves_no_character():
    text = wrap(PARAS, 60) + "Page 1 of 3\n\nOFFICIAL\n" + wrap(PARAS[:1], 60)
    view = unwrap(text)
    assert len(view) == len(text)
    assert all(a == b or b == " " for a, b in zip(text, view, strict=True))
    assert fold(view) == fold(" ".join(PARAS + PARAS[:1]))  # every wrap joined, furniture blanked


# ---- refs and headings split from each other -----------------------------------------------------


def test_ref_left_at_the_end_of_a_line_heads_the_next_line():
    # a run-on table row wrapped: '2.' ends one line, its heading opens the next
    text = (
        "1. Minutes of the last meeting\n"
        "The minutes were approved as a true record. Matters arising are covered on the agenda – see below. 2.\n"
        "FINANCE AND RESOURCES 2.1 **Budget Monitoring 2023/24** The Treasurer presented the report and the\n"
        "forecast outturn was noted.\n"
    )
    out = extract_body(text, {})["items"]
    assert [(i["ref"], i["title"], i["parent_ref"]) for i in out] == [
        ("1.", "Minutes of the last meeting", None), ("2.", "FINANCE AND RESOURCES", None),
        ("2.1", "Budget Monitoring 2023/24", "2."),
    ]
    valid_evidence(out, text)


def test_caps_heading_stops_where_the_next_ref_starts():
    # the ref and its CAPS heading open a line that runs on into a sub-item
    text = (
        "1. Apologies\nNone received.\n"
        "2. HOLDING TO ACCOUNT 2.1 **Estates Strategy** The Director of Finance outlined the disposals planned.\n"
    )
    got = [(i["ref"], i["title"]) for i in extract_body(text, {})["items"]]
    assert ("2.", "HOLDING TO ACCOUNT") in got and ("2.1", "Estates Strategy") in got


def test_caps_heading_wrapped_over_two_lines_is_one_title():
    text = wrap(PARAS[:1], 44) + wrap(
        ["3 OPERATIONAL PERFORMANCE AND STATION CREWING REVIEW", PARAS[1], "4 ANY OTHER BUSINESS", "None."], 44)
    view = unwrap(text)
    assert "3 OPERATIONAL PERFORMANCE AND STATION CREWING REVIEW" in view
    got = [(i["ref"], i["title"]) for i in extract_body(text, {})["items"]]
    assert got == [("3", "OPERATIONAL PERFORMANCE AND STATION CREWING REVIEW"), ("4", "ANY OTHER BUSINESS")]


def test_heading_line_is_not_run_into_the_sentence_under_it():
    body = wrap(PARAS, 68)
    heading = "Agenda item 6: Operational and reputational opportunities and risks"
    caps = "1.1 OUTSTANDING MATTERS / ITEMS BROUGHT FORWARD FROM JUNE ACTION"
    text = body + heading + "\nCC to provide an update on knife crime to the July meeting.\n" + \
        caps + "\nAction arising from the June meeting.\n"
    view = unwrap(text, width=68)
    assert heading + "\nCC to provide" in view
    assert caps + "\nAction arising" in view


# ---- paragraphs and bullets ----------------------------------------------------------------------

RECOMMENDATION = (
    "1. The Service should review its on-call availability so that rural stations can be crewed at night and at "
    "weekends, and report progress to the Committee."
)
BULLETS = [
    "The Chief Fire Officer confirmed that a recruitment campaign aimed at the northern villages had started. "
    "Eleven applications had been received in the first fortnight.",
    "Employers were being offered a payment for releasing staff. The scheme was being monitored by the Head of "
    "Response.",
    "The Treasurer stated that the cost of the scheme would be met from the existing budget.",
    "A further update will come to the March meeting. Members welcomed the progress made to date.",
]


@pytest.mark.parametrize("width", [48, 56, 64, 72, 80, 96])
def test_a_wrapped_bullet_is_one_finding_wherever_the_margin_falls(width):
    lines = ["2. INSPECTION RECOMMENDATIONS", "2.1 Fire Inspection 2023", RECOMMENDATION, "Findings:"]
    lines += [f"- {b}" for b in BULLETS]
    text = wrap(PARAS + lines, width)
    out = extract_body(text, {})
    assert [r["text"] for r in out["recommendations"]] == [RECOMMENDATION[3:]]
    assert [f["text"] for f in out["findings"]] == BULLETS
    assert {f["answers"] for f in out["findings"]} == {"r1"}
    valid_evidence(out["findings"] + out["recommendations"], text)


def test_bullet_tail_that_lost_its_indent_stays_with_its_bullet():
    text = (
        "Findings:\n"
        "- The Chief Fire Officer confirmed the crews were trained.\n"
        "Refresher courses are booked for the spring.\n"
        "- The Treasurer stated the budget was balanced.\n"
        "Reserves\n"
        "- Reserves stand at four per cent of the budget.\n"
        "The Committee noted the report.\n"
    )
    assert [b.text for b in blocks(text)] == [
        "Findings:",
        "The Chief Fire Officer confirmed the crews were trained. Refresher courses are booked for the spring.",
        "The Treasurer stated the budget was balanced.",
        "Reserves",  # a heading between bullets is not a tail
        "Reserves stand at four per cent of the budget.",
        "The Committee noted the report.",  # prose after the last bullet is not a tail either
    ]


def test_full_line_ending_a_sentence_runs_on_but_a_short_one_does_not():
    width = 60
    full = "The Head of Prevention reported that the visits had finished."  # 62 > margin - 3%
    short = "The Head of Prevention reported the visits."
    filler = wrap(PARAS, width)
    assert "\nThe next" not in unwrap(filler + full + "\nThe next visit is in May.\n", width=width)
    assert short + "\nThe next" in unwrap(filler + short + "\nThe next visit is in May.\n", width=width)


def test_what_opens_a_record_is_never_joined_to_the_line_before():
    width = 60
    line = "Members asked how the Service intended to recruit firefighters"  # a full line, mid-sentence
    for opener in ("- The Treasurer replied.", "3. Any other business", "Findings:", "Action: JS to report.",
                   "23/41 Welcome and apologies", "b) Capital programme"):
        text = wrap(PARAS, width) + line + "\n" + opener + "\n"
        assert line + "\n" + opener in unwrap(text, width=width), opener


def test_a_minutes_outcome_after_a_full_stop_starts_its_own_paragraph():
    width = 100
    line = "questioned the availability of domiciliary care in rural areas and the use of short-term beds in homes."
    text = wrap(PARAS, width) + line + "\nThe Committee AGREED to recommend a review of care capacity.\n"
    assert line + "\nThe Committee AGREED" in unwrap(text, width=width)


# ---- page breaks ---------------------------------------------------------------------------------


def test_sentence_over_a_page_break_is_one_record_without_the_page_furniture():
    first, rest = "1. The Service should review its on-call availability so that rural stations can be", \
        "crewed at night and at weekends, and report progress to the Committee."
    text = wrap(["2. INSPECTION RECOMMENDATIONS", "2.1 Fire Inspection 2023"] + PARAS, len(first)) + \
        first + "\nPage 1 of 3\n\nOFFICIAL\n" + rest + "\n"
    assert wrap_width(text) is not None
    view = unwrap(text)
    assert "Page 1 of 3" not in view and "OFFICIAL" not in view
    recs = extract_body(text, {})["recommendations"]
    assert [r["text"] for r in recs] == [fold(first[3:] + " " + rest)]
    assert "Page 1 of 3" in recs[0]["evidence"]["quote"]  # evidence quotes the text as written
    valid_evidence(recs, text)
