"""HTML pages for the networks: self-contained, offline, and safe with untrusted text.

The page inlines vis-network's script and stylesheet from the pyvis package (what pyvis
calls ``cdn_resources="in_line"``), so it works from a file or a server with no network:
nothing is fetched from anywhere but the server that served the page. We use our own
template rather than pyvis' own, which also pulls Bootstrap from a CDN.

Templates autoescape; node data goes into the page as JSON through Jinja's ``tojson``
(which escapes ``<``, ``>``, ``&`` and quotes, so no text can close the script tag), and
the page's script shows it with ``textContent`` only.

>>> from govgraph.viz.build import lineage_network
>>> net = lineage_network({"recommendation": {"id": "rec_1", "label": "Recommendation",
...     "text": "<b>x</b>"}, "report": None, "entries": []})
>>> html = render_network(net)
>>> "<b>x</b>" in html, "https://" in html.split("<script>")[0]
(False, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
import pyvis
from markupsafe import Markup

from .build import DEFAULT_LIMIT

if TYPE_CHECKING:
    from .build import ViewNetwork

HERE = Path(__file__).resolve().parent
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"


@lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                              autoescape=True, trim_blocks=True, lstrip_blocks=True)


@cache
def _asset(path: Path) -> Markup:
    text = path.read_text(encoding="utf-8")
    # Inlined into <script>/<style>: a closing tag inside would end the element early.
    if "</script" in text.lower() or "</style" in text.lower():
        raise RuntimeError(f"{path} cannot be inlined safely")
    return Markup(text)


def _common(link_base: str | None) -> dict[str, Any]:
    return {"page_css": _asset(HERE / "static" / "page.css"), "link_base": link_base}


def render_network(net: ViewNetwork, link_base: str | None = None, limit: int = DEFAULT_LIMIT,
                   keep_params: Iterable[tuple[str, str]] = (), extra_links: Iterable[tuple[str, str]] = ()) -> str:
    """The page for one network.

    ``link_base`` is the URL prefix the views are served under ("" at the root of a
    server); None makes a standalone file (no links to other views, no filter form).
    ``keep_params`` are query parameters the filter form carries over (depth, limit...).
    """
    nodes, edges, _heading, _h, _w, _options = net.get_network_data()
    options = net.options if isinstance(net.options, dict) else net.options.__dict__
    return _env().get_template("graph.html").render(
        net=net, nodes=nodes, edges=edges, options=options, limit=limit,
        keep_params=list(keep_params), extra_links=list(extra_links),
        vis_js=_asset(VIS_DIR / "vis-network.min.js"), vis_css=_asset(VIS_DIR / "vis-network.css"),
        **_common(link_base),
    )


def render_template(name: str, link_base: str | None = "", **context: Any) -> str:
    """Any other page (index, not found) with the shared layout."""
    return _env().get_template(name).render(**context, **_common(link_base))


def render_not_found(what: str, node_id: str, link_base: str | None = "") -> str:
    return render_template("message.html", link_base, heading=f"No {what} with id {node_id!r}",
                           message="It may have been removed, or the link is wrong.")


def render_message(heading: str, message: str, link_base: str | None = "") -> str:
    return render_template("message.html", link_base, heading=heading, message=message)
