"""/docs and /redoc work offline: Swagger UI and ReDoc come from the server itself
(the assets shipped in the ``fastapi-offline`` package), not from a CDN."""

from __future__ import annotations

import re

import pytest

from .support import client_for


@pytest.mark.parametrize("page, script", [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")])
def test_docs_load_nothing_from_elsewhere(tmp_path, page, script):
    from govgraph.graph.embedded import EmbeddedStore

    with client_for(EmbeddedStore(tmp_path / "s")) as c:
        html = c.get(page).text
        urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']|(?:url|Url)\s*:\s*["']([^"']+)["']""", html)
        urls = [a or b for a, b in urls]
        assert any(u.endswith(script) for u in urls), urls
        assert not [u for u in urls if re.match(r"(?:https?:)?//", u)], urls
        for u in urls:
            if u.endswith((".js", ".css", ".png")):
                r = c.get(u)
                assert r.status_code == 200 and len(r.content) > 1000, u
        assert "fonts.googleapis" not in html
