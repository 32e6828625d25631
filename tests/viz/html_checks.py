"""HTML checks shared by the page and CLI tests: offline, and no markup from documents."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from govgraph.viz.render import VIS_DIR
from viz_data import IMG, SCRIPT

VIS_JS = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each script."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


def assert_offline(html: str) -> None:
    """No script, style sheet, image or frame is loaded from anywhere but 127.0.0.1 (or
    the page's own server, by a relative URL); scripts and styles are all inline."""
    tags = Tags(html)
    for tag, attrs in tags.tags:
        for attr in ("src", "href", "action", "data", "poster", "srcset"):
            url = attrs.get(attr)
            if not url:
                continue
            parsed = urlparse(url)
            if parsed.scheme in ("http", "https") or url.startswith("//"):
                assert parsed.hostname == "127.0.0.1", f"<{tag} {attr}={url!r}> leaves this machine"
            assert parsed.scheme in ("", "data", "http", "https"), f"<{tag} {attr}={url!r}>"
        if tag == "script":
            assert "src" not in attrs, "scripts are inlined"
        if tag == "link" and attrs.get("rel") == "stylesheet":
            pytest.fail(f"style sheets are inlined, not linked: {attrs}")
    assert not re.search(r"@import|cdn\.jsdelivr|cdnjs|unpkg\.com|googleapis", html)


def assert_no_markup_from_documents(html: str, scripts: int) -> None:
    """Hostile text appears only escaped: no element came from it."""
    tags = Tags(html)
    ours = html.replace(VIS_JS, "")  # vis-network's own code mentions <img and onerror
    assert SCRIPT not in ours and IMG not in ours
    assert "<img" not in ours  # ("onerror" is there, inside escaped JSON data)
    assert tags.count("script") == scripts
    assert tags.count("img") == 0
    assert not any(k.startswith("on") for _, attrs in tags.tags for k in attrs)
