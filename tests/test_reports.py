"""The recommendation tracker and action log rows (graph.reports), and writing them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from govgraph.graph import reports
from govgraph.graph.model import Label, Rel
from test_analysis import ACT, REC, TODAY, load_world

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "assurance-meeting-2018-07.txt"
SERIES = ROOT / "tests" / "fixtures" / "series"


@pytest.fixture
def loaded(store):
    load_world(store)
    return store


def test_tracker_rows(loaded):
    rows = reports.recommendation_tracker(loaded, months=6, today=TODAY)
    assert [r["id"] for r in rows] == [REC[1], REC[2], REC[3], REC[4], REC[5], REC[6]]
    by = {r["id"]: r for r in rows}
    got = {i: (by[REC[i]]["findings"], by[REC[i]]["actions"], by[REC[i]]["meetings_discussed"],
               by[REC[i]]["last_discussed"], by[REC[i]]["status"]) for i in range(1, 7)}
    assert got == {
        1: (1, 0, 1, "2018-07-31", "stale"),
        2: (0, 1, 2, "2018-09-25", "answered"),  # raised at A2, updated at A4
        3: (2, 1, 2, "2018-10-30", "answered"),
        4: (0, 0, 1, "2018-07-31", "unanswered"),
        5: (0, 0, 1, "2018-05-10", "unanswered"),
        6: (0, 0, 1, "2018-05-10", "unanswered"),
    }
    assert by[REC[3]]["report"] == "HMICFRS PEEL Effectiveness 2017" and by[REC[6]]["report"] is None
    assert by[REC[3]]["latest_evidence_quote"].startswith("An OC16 audit found 60%")
    assert by[REC[2]]["latest_evidence_quote"] == "The review is half done."  # the action's update
    assert by[REC[2]]["latest_evidence_date"] == "2018-09-25"
    assert by[REC[4]]["latest_evidence_quote"] is None
    assert list(rows[0]) == list(reports.TRACKER_COLUMNS)
    assert reports.recommendation_tracker(loaded, months=12, today=TODAY)[0]["status"] == "answered"


def test_action_log_rows(loaded):
    rows = reports.action_log_rows(loaded, today=TODAY)
    by = {r["id"]: r for r in rows}
    got = {i: (by[ACT[i]]["raised_at"], by[ACT[i]]["owner_role"], by[ACT[i]]["owner_person"], by[ACT[i]]["updates"],
               by[ACT[i]]["status"], by[ACT[i]]["age_meetings"], by[ACT[i]]["age_days"]) for i in range(1, 7)}
    assert got == {
        1: ("2018-06-26", "DCC", "Amanda Blakeman", 1, "updated", 1, 157),
        2: ("2018-07-31", "CC", "Anthony Bangham", 0, "open", 2, 213),
        3: ("2018-04-24", None, "Andy Champness", 1, "complete", 0, 0),
        4: ("2018-05-10", "ACC", None, 0, "open", 1, 295),
        5: ("2018-10-30", "DCC", "Amanda Blakeman", 0, "open", 0, 122),
        6: ("2018-04-24", None, None, 0, "open", 4, 311),
    }
    assert by[ACT[1]]["last_update"] == "2018-09-25" and by[ACT[1]]["last_update_text"] == "The review is half done."
    assert by[ACT[4]]["board"] == "Performance Board"
    assert [r["raised_at"] for r in rows] == sorted(r["raised_at"] for r in rows)
    assert list(rows[0]) == list(reports.ACTION_COLUMNS)


ROWS = [
    {"ref": "3", "text": "=HYPERLINK(\"http://x\")", "n": 2, "tags": ["a", "b"], "none": None},
    {"ref": "4", "text": "- 3. The force should | pipe\nnew line", "n": 0, "extra": "only here"},
]


def test_write_csv_is_formula_safe(tmp_path):
    text = reports.write_rows(ROWS, "csv")
    back = list(csv.DictReader(io.StringIO(text)))
    assert list(back[0]) == ["ref", "text", "n", "tags", "none", "extra"]
    assert back[0]["text"] == "'=HYPERLINK(\"http://x\")" and back[0]["tags"] == "a; b" and back[0]["none"] == ""
    assert back[1]["text"].startswith("'- 3.") and back[1]["extra"] == "only here"
    raw = reports.write_rows(ROWS, "csv", formula_safe=False)
    assert list(csv.DictReader(io.StringIO(raw)))[0]["text"].startswith("=HYPERLINK")
    path = tmp_path / "t.csv"
    reports.write_rows(ROWS, "csv", path)
    assert path.read_bytes().decode("utf-8") == text
    b = io.BytesIO()
    reports.write_rows(ROWS, "csv", b)
    assert b.getvalue().decode("utf-8") == text


def test_write_xlsx_keeps_text_as_text(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "t.xlsx"
    reports.write_rows(ROWS + [{"ref": "5", "text": "bad \x01 char"}], "xlsx", path)
    ws = load_workbook(path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == ["ref", "text", "n", "tags", "none", "extra"]
    assert values[1][:4] == ["3", "=HYPERLINK(\"http://x\")", 2, "a; b"]
    assert ws.cell(row=2, column=2).data_type == "s"  # text, not a formula
    assert values[3][1] == "bad  char"
    data = reports.write_rows(ROWS, "xlsx")
    assert isinstance(data, bytes) and data[:2] == b"PK"
    with pytest.raises(TypeError):
        reports.write_rows(ROWS, "xlsx", io.StringIO())


def test_write_markdown():
    md = reports.write_rows(ROWS, "md", columns=["ref", "text"])
    lines = md.splitlines()
    assert lines[:2] == ["| ref | text |", "| --- | --- |"]
    assert lines[3] == "| 4 | - 3. The force should \\| pipe<br>new line |"
    with pytest.raises(ValueError):
        reports.write_rows(ROWS, "pdf")


def test_empty_store_reports(store):
    assert reports.recommendation_tracker(store) == [] and reports.action_log_rows(store) == []
    assert reports.write_rows([], "csv", columns=reports.TRACKER_COLUMNS).startswith("report,ref,text")


def test_oc16_row_on_the_ingested_seed_and_series(store):
    """PEEL Effectiveness 2017 recommendation 3 (OC16): four findings in the July 2018
    minutes and three in August's, last discussed at the August meeting."""
    from govgraph.ingest.load import ingest_paths

    if not SERIES.is_dir():
        pytest.skip("tests/fixtures/series is not in the tree yet")
    paths = [SEED, *sorted(SERIES.glob("*.txt"))]
    report = ingest_paths([str(p) for p in paths], store, progress=False)
    assert report.documents_failed == 0, report.errors
    rows = reports.recommendation_tracker(store, today="2019-01-31")
    text = reports.write_rows(rows, "csv")
    back = list(csv.DictReader(io.StringIO(text)))
    (oc16,) = [r for r in back if "PEEL Effectiveness 2017" in r["report"] and r["ref"] == "3"]
    assert "OC16" in oc16["text"]
    answering = store.edges([oc16["id"]], [Rel.ANSWERS], "in")[oc16["id"]]
    assert int(oc16["findings"]) == sum(1 for e in answering if e.node.label == Label.FINDING) == 7
    assert oc16["last_discussed"] == "2018-08-28"
    assert oc16["meetings_discussed"] == "2"
    assert oc16["status"] == "answered"
    assert oc16["latest_evidence_quote"]
