"""GET /boards and GET /boards/{id}."""

from __future__ import annotations


def test_boards_by_name_with_meeting_counts_and_chairs(client):
    body = client.get("/boards").json()
    names = [b["board"]["name"] for b in body["items"]]
    assert names == sorted(names, key=str.casefold)
    by_name = {b["board"]["name"]: b for b in body["items"]}
    assert by_name["Monthly Assurance Meeting"]["meetings"] >= 3
    # boards only mentioned in the minutes are nodes too, with their chair where stated
    assert by_name["Stop and Search Board"]["meetings"] == 0
    assert [c["abbr"] for c in by_name["Stop and Search Board"]["chair"]] == ["ACC"]


def test_a_board_in_full(client):
    boards = {b["board"]["name"]: b["board"]["id"] for b in client.get("/boards").json()["items"]}
    series = client.get(f"/boards/{boards['Monthly Assurance Meeting']}").json()
    dates = [m["date"] for m in series["meetings"]]
    assert dates == sorted(dates) and "2018-07-31" in dates
    mentioned = client.get(f"/boards/{boards['Stop and Search Board']}").json()
    assert mentioned["mentioned_by"] and all(n["label"] in ("Finding", "Action") for n in mentioned["mentioned_by"])


def test_board_404s(client, loaded_store):
    assert client.get("/boards/brd_0000000000000000").status_code == 404
    person = loaded_store.find("Person", limit=1)[0]
    assert client.get(f"/boards/{person.id}").status_code == 404
