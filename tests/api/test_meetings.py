"""GET /meetings (by board) and GET /meetings/{id}."""

from __future__ import annotations

BOARD = "Monthly Assurance Meeting"


def _july(client) -> dict:
    items = client.get("/meetings").json()["items"]
    return next(m for m in items if m["meeting"]["date"] == "2018-07-31")


def test_meetings_in_date_order_with_their_board(client):
    body = client.get("/meetings").json()
    dates = [m["meeting"]["date"] for m in body["items"]]
    assert dates == sorted(dates)
    assert {"2018-06-26", "2018-07-31", "2018-08-28"} <= set(dates)
    assert "2018-04" in dates  # a meeting only referred to ("the April 2018 meeting") is a node too
    assert body["total"] == len(dates)
    assert {m["board"]["name"] for m in body["items"]} == {BOARD}


def test_filter_by_board_id_or_name(client):
    everything = client.get("/meetings").json()
    board_id = everything["items"][0]["board"]["id"]
    by_id = client.get("/meetings", params={"board": board_id}).json()
    by_name = client.get("/meetings", params={"board": BOARD.upper()}).json()
    assert by_id == by_name
    assert by_id["total"] == everything["total"]
    assert client.get("/meetings", params={"board": "Stop and Search Board"}).json()["total"] == 0
    assert client.get("/meetings", params={"board": "nothing like it"}).json() == {
        "items": [], "total": 0, "limit": 50, "offset": 0}
    assert client.get("/meetings", params={"board": ""}).status_code == 422


def test_the_july_meeting_in_full(client):
    july = _july(client)
    r = client.get(f"/meetings/{july['meeting']['id']}")
    assert r.status_code == 200
    m = r.json()
    assert m["meeting"]["title"].startswith("Monthly Assurance Meeting July 2018")
    assert m["meeting"]["venue"] and m["meeting"]["time"] == "10:30"
    assert [p["name"] for p in m["chair"]] == ["Tracey Onslow"]
    assert [p["name"] for p in m["minute_taker"]] == ["Natasha Noorbakhsh"]
    attendance = {a["person"]["name"]: a for a in m["attendance"]}
    assert attendance["John Campion"]["attendance"] == "apologies"
    assert [r["abbr"] for r in attendance["Anthony Bangham"]["roles"]] == ["CC"]
    assert m["findings"] and m["items"]
    assert all(a["kind"] == "Action" for a in m["actions_raised"] + m["actions_updated"])
    # actions carried from June and updated in July
    assert any(a["meeting"]["date"] == "2018-06-26" for a in m["actions_updated"])
    assert [n["date"] for n in m["next"]] == ["2018-08-28"]
    assert [p["date"] for p in m["previous"]] == ["2018-06-26"]


def test_meeting_404s(client, loaded_store):
    r = client.get("/meetings/mtg_0000000000000000")
    assert r.status_code == 404
    assert r.json()["detail"] == "no meeting with id 'mtg_0000000000000000'"
    board = loaded_store.find("Board", limit=1)[0]
    assert client.get(f"/meetings/{board.id}").status_code == 404
