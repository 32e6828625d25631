"""GET /people, GET /people/{id}, GET /roles/{abbr}?at=."""

from __future__ import annotations


def test_people_by_name_with_roles(client):
    body = client.get("/people").json()
    names = [p["person"]["name"] for p in body["items"]]
    assert names == sorted(names, key=str.casefold)
    assert {"Amanda Blakeman", "Anthony Bangham", "Tracey Onslow", "John Campion"} <= set(names)
    amanda = next(p for p in body["items"] if p["person"]["name"] == "Amanda Blakeman")
    assert [(t["role"]["abbr"], t["from"], t["to"]) for t in amanda["roles"]] == [("DCC", "2018-06-26", "2018-08-28")]


def test_a_person_in_full(client):
    people = client.get("/people").json()["items"]
    chair = next(p for p in people if p["person"]["name"] == "Tracey Onslow")
    r = client.get(f"/people/{chair['person']['id']}")
    assert r.status_code == 200
    person = r.json()
    assert {m["date"] for m in person["chaired"]} >= {"2018-06-26", "2018-07-31", "2018-08-28"}
    assert {a["meeting"]["date"] for a in person["attended"]} >= {"2018-07-31"}
    assert [t["role"]["abbr"] for t in person["roles"]] == ["DPCC"]


def test_who_held_a_role_on_a_date(client):
    r = client.get("/roles/DCC", params={"at": "2018-07-31"})
    assert r.status_code == 200
    body = r.json()
    assert (body["abbr"], body["at"]) == ("DCC", "2018-07-31")
    assert [h["person"]["name"] for role in body["roles"] for h in role["holders"]] == ["Amanda Blakeman"]
    before = client.get("/roles/dcc", params={"at": "2017-01-01"}).json()
    assert before["roles"] and all(role["holders"] == [] for role in before["roles"])
    anytime = client.get("/roles/CC").json()
    assert anytime["at"] is None
    assert [h["person"]["name"] for role in anytime["roles"] for h in role["holders"]] == ["Anthony Bangham"]


def test_people_and_roles_404_and_422(client, loaded_store):
    assert client.get("/people/per_0000000000000000").status_code == 404
    role = loaded_store.find("Role", limit=1)[0]
    assert client.get(f"/people/{role.id}").status_code == 404
    r = client.get("/roles/XYZ")
    assert r.status_code == 404 and r.json() == {"detail": "no role with id 'XYZ'"}
    assert client.get("/roles/DCC", params={"at": "31/07/2018"}).status_code == 422
    assert client.get("/roles/DCC", params={"at": "2018-02-30"}).status_code == 422
