"""GET /recommendations, GET /recommendations/{id}/lineage, and the auditor's path through
the API: recommendation -> finding -> meeting -> who said it -> their roles and actions."""

from __future__ import annotations

from .support import find_recommendation

OC16 = "(OC16)"
PEEL = "HMICFRS PEEL Effectiveness 2017"


def test_list_recommendations_with_reports_and_answer_counts(client):
    body = client.get("/recommendations").json()
    assert body["total"] == len(body["items"]) >= 4
    assert (body["limit"], body["offset"]) == (50, 0)
    refs = [r["recommendation"]["ref"] for r in body["items"] if (r["report"] or {}).get("title") == PEEL]
    assert refs[:4] == ["1", "2", "3", "4"]  # ordered by report, then ref
    oc16 = find_recommendation(client, OC16)
    assert oc16["report"]["title"] == PEEL
    assert oc16["recommendation"]["ref"] == "3"
    assert oc16["findings"] >= 4 and oc16["answered"] is True
    assert "sources" not in oc16["recommendation"]  # bookkeeping stays inside


def test_filter_by_report_theme_and_evidence(client):
    everything = client.get("/recommendations").json()["total"]
    by_title = client.get("/recommendations", params={"report": PEEL.lower()}).json()
    assert by_title["total"] >= 4
    report_id = by_title["items"][0]["report"]["id"]
    assert client.get("/recommendations", params={"report": report_id}).json()["total"] == by_title["total"]
    assert client.get("/recommendations", params={"report": "No such report"}).json() == {
        "items": [], "total": 0, "limit": 50, "offset": 0}
    theme = client.get("/recommendations", params={"theme": "Protecting vulnerable people and supporting victims"})
    assert sorted(r["recommendation"]["ref"] for r in theme.json()["items"]) == ["2", "3"]
    answered = client.get("/recommendations", params={"evidence": "answered"}).json()
    unanswered = client.get("/recommendations", params={"evidence": "unanswered"}).json()
    assert answered["total"] + unanswered["total"] == everything
    assert all(r["answered"] for r in answered["items"])
    assert not any(r["answered"] for r in unanswered["items"])
    assert client.get("/recommendations", params={"evidence": "maybe"}).status_code == 422


def test_lineage_of_the_oc16_recommendation(client):
    rec = find_recommendation(client, OC16)["recommendation"]
    r = client.get(f"/recommendations/{rec['id']}/lineage")
    assert r.status_code == 200
    lineage = r.json()
    assert lineage["recommendation"]["id"] == rec["id"]
    assert lineage["report"]["title"] == PEEL
    assert [m["date"] for m in lineage["discussed_at"]][:1] == ["2018-07-31"]
    dates = [(e["meeting"] or {}).get("date") or "" for e in lineage["entries"]]
    assert dates == sorted(dates)  # in date order
    assert "Finding" in {e["kind"] for e in lineage["entries"]} <= {"Finding", "Action"}
    assert len(lineage["entries"]) == len(lineage["findings"]) + len(lineage["actions"])
    dcc = [f for f in lineage["findings"] if (f["speaker"]["role"] or {}).get("abbr") == "DCC"]
    assert dcc, "a finding stated by the DCC answers OC16"
    assert all(f["answers"][0]["id"] == rec["id"] for f in lineage["findings"])


def test_lineage_of_a_question(client, loaded_store):
    question = loaded_store.find("Question", limit=1)
    assert question, "the minutes put questions to the chief officers"
    r = client.get(f"/recommendations/{question[0].id}/lineage")
    assert r.status_code == 200
    assert r.json()["recommendation"]["label"] == "Question"
    assert r.json()["report"] is None


def test_lineage_404s(client, loaded_store):
    r = client.get("/recommendations/rec_0000000000000000/lineage")
    assert r.status_code == 404
    assert r.json() == {"detail": "no recommendation or question with id 'rec_0000000000000000'"}
    meeting = loaded_store.find("Meeting", limit=1)[0]  # an id that exists, of another kind
    assert client.get(f"/recommendations/{meeting.id}/lineage").status_code == 404


def test_the_auditors_path(client):
    """List recommendations -> the OC16 lineage -> a finding -> its meeting -> the person who
    stated it -> that person's roles and open actions."""
    rec = find_recommendation(client, OC16)["recommendation"]
    lineage = client.get(f"/recommendations/{rec['id']}/lineage").json()
    stated = next(f for f in lineage["findings"]
                  if (f["speaker"]["role"] or {}).get("abbr") == "DCC" and f["meeting"]["date"] == "2018-07-31")

    finding = client.get(f"/findings/{stated['id']}").json()
    assert finding["text"] == stated["text"]
    assert finding["answers"][0]["id"] == rec["id"]
    assert finding["speaker"]["people"] == [{"id": finding["speaker"]["people"][0]["id"], "name": "Amanda Blakeman"}]

    meeting = client.get(f"/meetings/{finding['meeting']['id']}").json()
    assert meeting["meeting"]["date"] == "2018-07-31"
    assert meeting["board"]["name"] == "Monthly Assurance Meeting"
    assert stated["id"] in {f["id"] for f in meeting["findings"]}
    there = {a["person"]["name"]: a for a in meeting["attendance"]}
    assert there["Amanda Blakeman"]["attendance"] == "present"
    assert [r["abbr"] for r in there["Amanda Blakeman"]["roles"]] == ["DCC"]

    person_id = finding["speaker"]["people"][0]["id"]
    person = client.get(f"/people/{person_id}").json()
    assert person["person"]["name"] == "Amanda Blakeman"
    assert [(t["role"]["abbr"], t["from"], t["to"]) for t in person["roles"]] == [("DCC", "2018-06-26", "2018-08-28")]
    assert stated["id"] in {f["id"] for f in person["findings"]}
    assert person["open_actions"], "the DCC owns the OC16 audit action raised in August"
    assert all(a["status"] != "complete" for a in person["open_actions"])
    assert any("OC16" in a["text"] for a in person["open_actions"])

    # the same open actions through the action log, by the person and by the role
    by_person = client.get("/actions", params={"owner": person_id, "status": "open"}).json()
    by_role = client.get("/actions", params={"owner": "dcc", "status": "open"}).json()
    assert {a["id"] for a in by_person["items"]} == {a["id"] for a in person["open_actions"]}
    assert {a["id"] for a in by_role["items"]} >= {a["id"] for a in person["open_actions"]}
    roles = client.get("/roles/DCC", params={"at": "2018-07-31"}).json()
    assert [h["person"]["name"] for r in roles["roles"] for h in r["holders"]] == ["Amanda Blakeman"]
