"""Every list: ``limit`` (default 50, at most 500) and ``offset``, with the total count."""

from __future__ import annotations

import pytest

LISTS = ["/meetings", "/recommendations", "/actions", "/people", "/boards", "/documents", "/search"]
REQUIRED = {"/search": {"q": "OC16 DCC"}}


def _get(client, url, **params):
    return client.get(url, params={**REQUIRED.get(url, {}), **params})


@pytest.mark.parametrize("url", LISTS)
def test_pages_add_up_to_the_whole(client, url):
    whole = _get(client, url, limit=500).json()
    assert (whole["limit"], whole["offset"]) == (500, 0)
    assert whole["total"] == len(whole["items"]) > 0
    default = _get(client, url).json()
    assert default["limit"] == 50 and default["items"] == whole["items"][:50]
    pages = []
    for offset in range(0, whole["total"], 2):
        page = _get(client, url, limit=2, offset=offset).json()
        assert page["total"] == whole["total"] and len(page["items"]) <= 2
        pages += page["items"]
    assert pages == whole["items"]
    beyond = _get(client, url, offset=whole["total"] + 10).json()
    assert beyond["items"] == [] and beyond["total"] == whole["total"]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("params", [{"limit": 501}, {"limit": 0}, {"limit": -5}, {"offset": -1},
                                    {"limit": "ten"}, {"offset": 10**12}])
def test_limits_are_capped(client, url, params):
    r = _get(client, url, **params)
    assert r.status_code == 422
    assert isinstance(r.json()["detail"], list)  # which parameter, and why
