"""``write_view``: one view to a standalone, offline HTML file."""

from __future__ import annotations

import pytest
from govgraph.viz.cli import write_view
from html_checks import Tags, assert_no_markup_from_documents, assert_offline
from viz_data import AMANDA, BOARD, DCC, F1, M7, REC


@pytest.mark.parametrize("kind, node_id", [("recommendation", REC), ("board", BOARD), ("person", AMANDA),
                                           ("role", DCC), ("meeting", M7), ("node", F1)])
def test_write_view(hand_store, tmp_path, kind, node_id):
    out = write_view(hand_store, kind, node_id, tmp_path / "sub" / f"{kind}.html")
    assert out == tmp_path / "sub" / f"{kind}.html"
    html = out.read_text(encoding="utf-8")
    assert "new vis.Network" in html
    assert "var linkBase = null;" in html  # a file has no server to link to
    assert 'id="gg-filters"' not in html
    assert not [a for t, a in Tags(html).tags if t == "a"]
    assert_offline(html)
    assert_no_markup_from_documents(html, scripts=2)
    assert not list(tmp_path.glob("sub/*.tmp"))


def test_write_view_depth_and_limit(hand_store, tmp_path):
    html = write_view(hand_store, "node", M7, tmp_path / "m.html", depth=2, limit=3).read_text(encoding="utf-8")
    assert "Showing 3 of at least" in html


def test_write_view_errors(hand_store, tmp_path):
    with pytest.raises(LookupError, match="no recommendation or question with id 'nope'"):
        write_view(hand_store, "recommendation", "nope", tmp_path / "x.html")
    with pytest.raises(ValueError, match="unknown view 'chart'"):
        write_view(hand_store, "chart", REC, tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()
