"""GET /actions (the action log and its filters) and GET /actions/{id}."""

from __future__ import annotations


def _log(client, **params) -> dict:
    r = client.get("/actions", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_the_action_log(client):
    body = _log(client)
    assert body["total"] == len(body["items"]) >= 4
    raised = [(a["meeting"] or {}).get("date") or "" for a in body["items"]]
    assert raised == sorted(raised)
    assert {a["status"] for a in body["items"]} <= {"open", "updated", "complete"}
    knife = next(a for a in body["items"] if "knife crime" in a["text"])
    assert knife["status"] == "complete"  # updated at the July meeting
    assert knife["owner"]["role"]["abbr"] == "CC"
    assert [p["name"] for p in knife["owner"]["people"]] == ["Anthony Bangham"]
    assert knife["board"]["name"] == "Monthly Assurance Meeting"
    assert knife["updates"] and knife["updates"][-1]["meeting"]["date"] == "2018-07-31"


def test_filters(client):
    everything = _log(client)["total"]
    open_ = _log(client, status="open")
    complete = _log(client, status="complete")
    assert open_["total"] + complete["total"] + _log(client, status="updated")["total"] == everything
    assert all(a["status"] == "open" for a in open_["items"])
    assert {a["id"] for a in _log(client, owner="CC")["items"]} == {a["id"] for a in _log(client, owner="cc")["items"]}
    assert all(a["owner"]["role"]["abbr"] == "CC" for a in _log(client, owner="CC")["items"])
    assert _log(client, owner="Anthony Bangham")["total"] >= 1
    assert _log(client, owner="Nobody At All")["total"] == 0
    assert _log(client, board="Monthly Assurance Meeting")["total"] == everything
    assert _log(client, board="Stop and Search Board")["total"] == 0
    before_july = _log(client, raised_before="2018-07-01")["items"]
    assert before_july and all(a["meeting"]["date"] < "2018-07-01" for a in before_july)
    assert _log(client, raised_before="2018-01-01")["total"] == 0
    lingering = _log(client, open_for_more_than=0)["items"]
    assert lingering and all(a["status"] != "complete" and a["meetings_since_raised"] > 0 for a in lingering)
    assert _log(client, open_for_more_than=50)["total"] == 0


def test_bad_filters_are_422(client):
    for params in ({"status": "pending"}, {"raised_before": "July 2018"}, {"raised_before": "2018-13-01"},
                   {"open_for_more_than": -1}, {"open_for_more_than": "many"}, {"owner": ""}):
        assert client.get("/actions", params=params).status_code == 422, params


def test_one_action(client):
    listed = _log(client)["items"][0]
    r = client.get(f"/actions/{listed['id']}")
    assert r.status_code == 200
    action = r.json()
    assert {k: v for k, v in listed.items() if k not in ("board", "meetings_since_raised")} == action


def test_action_404s(client, loaded_store):
    assert client.get("/actions/act_0000000000000000").status_code == 404
    finding = loaded_store.find("Finding", limit=1)[0]
    r = client.get(f"/actions/{finding.id}")
    assert r.status_code == 404 and r.json()["detail"].startswith("no action with id")
