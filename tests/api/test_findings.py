"""GET /findings/{id}: a finding with what it answers, where, by whom, in which words."""

from __future__ import annotations

from .support import find_recommendation


def test_a_finding_with_its_meeting_and_speaker(client):
    rec = find_recommendation(client, "(OC16)")["recommendation"]
    lineage = client.get(f"/recommendations/{rec['id']}/lineage").json()
    for entry in lineage["findings"]:
        r = client.get(f"/findings/{entry['id']}")
        assert r.status_code == 200
        finding = r.json()
        assert finding == entry  # the same description, whichever way it is reached
        assert finding["kind"] == "Finding"
        assert finding["meeting"]["label"] == "Meeting"
        assert set(finding["speaker"]) == {"role", "people"}


def test_finding_404s(client, loaded_store):
    r = client.get("/findings/fnd_0000000000000000")
    assert r.status_code == 404
    assert r.json() == {"detail": "no finding with id 'fnd_0000000000000000'"}
    action = loaded_store.find("Action", limit=1)[0]  # exists, but is not a finding
    assert client.get(f"/findings/{action.id}").status_code == 404
    long_id = "x" * 5000
    r = client.get(f"/findings/{long_id}")
    assert r.status_code == 404 and len(r.json()["detail"]) < 200
