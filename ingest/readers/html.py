"""HTML minutes (council ModernGov / CMIS pages, OPCC and government web pages).

Web pages wrap the minutes in menus, cookie banners and footers; those are dropped.
Block elements become line breaks (a blank line after paragraphs and headings) and a
table row becomes one line with its cells joined by a tab, so a ModernGov
"agenda and minutes" page reads as "2.<tab>Minutes" followed by the minute text.
Images (the "pdf icon" of document links) are dropped; link text is kept.
"""

from __future__ import annotations

import re

from . import ReadError
from ._layout import tidy

DROP_TAGS = ("script", "style", "nav", "header", "footer", "form", "noscript", "iframe", "template",
             "svg", "img", "button", "select", "input", "textarea", "object", "embed", "canvas", "head")
# Void elements have no content, but lxml nests what follows an <embed> (a <source>,
# <track>, <wbr>) inside it: dropping such a tag must keep those children, which are the
# rest of the page.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
                  "source", "track", "wbr"})
DROP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "dialog"}
# class / id tokens that mark navigation boilerplate on the sites minutes come from
_BOILERPLATE = re.compile(
    r"^(?:breadcrumbs?|skip(?:-?link|-?to-?content|nav)?|cookie\w*|navbar|nav|navigation|menu|mainmenu|"
    r"sidebar|site-?header|site-?footer|share|social|banner|visually-?hidden|sr-only|screen-?reader-?text|"
    r"accessibility\w*|mgnavbar|mgbreadcrumb)$",
    re.I,
)
BLOCK = {"p", "div", "section", "article", "main", "aside", "ul", "ol", "dl", "dt", "dd", "li", "table",
         "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "address", "figure", "figcaption",
         "fieldset", "details", "summary", "center", "hr"}
PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "pre", "ul", "ol", "dl"}
_SPACES = re.compile(r"[ \t\n\r\f\v]+")  # HTML whitespace; NBSP is content and is kept


def read_html(raw: bytes, source: str) -> str:
    """Readable text of an HTML page."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:  # pragma: no cover - dependency is declared
        raise ReadError(f"{source}: beautifulsoup4 is not installed") from None
    try:
        soup = BeautifulSoup(raw, "lxml")
    except Exception as e:
        raise ReadError(f"{source}: cannot parse HTML ({e.__class__.__name__})") from None
    root = soup.body or soup
    _drop_boilerplate(root)
    out: list[str] = []
    _render(root, out)
    text = "".join(out)
    lines = [_SPACES.sub(" ", line).strip(" ") if "\t" not in line else
             "\t".join(_SPACES.sub(" ", c).strip(" ") for c in line.split("\t")) for line in text.split("\n")]
    return tidy("\n".join(lines))


def _drop_boilerplate(root) -> None:
    from bs4 import Comment, Tag

    for c in root.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for tag in root.find_all(DROP_TAGS):
        if tag.decomposed:
            continue
        if tag.name in VOID:
            tag.unwrap()
        else:
            tag.decompose()
    for tag in list(root.find_all(True)):
        if not isinstance(tag, Tag) or tag.decomposed or tag.attrs is None:
            continue
        role = str(tag.get("role") or "").lower()
        tokens = [str(t) for t in (tag.get("class") or [])] + [str(tag.get("id") or "")]
        hidden = tag.has_attr("hidden") or (tag.get("aria-hidden") == "true") or \
            re.search(r"display\s*:\s*none", str(tag.get("style") or ""), re.I)
        if role in DROP_ROLES or hidden or any(_BOILERPLATE.match(t) for t in tokens if t):
            tag.decompose()


def _render(node, out: list[str], pre: bool = False) -> None:
    from bs4 import NavigableString, Tag

    for child in node.children:
        if isinstance(child, NavigableString):
            # source line breaks inside text are just spaces (except in <pre>)
            out.append(str(child) if pre else _SPACES.sub(" ", str(child)))
        elif isinstance(child, Tag):
            name = child.name
            if name == "br":
                out.append("\n")
            elif name == "table":
                out.append("\n")
                out.extend(_table(child))
                out.append("\n\n")
            elif name in BLOCK or re.fullmatch(r"h[1-6]", name):
                out.append("\n")
                _render(child, out, pre or name == "pre")
                out.append("\n\n" if name in PARAGRAPH else "\n")
            elif name in ("td", "th", "tr"):  # stray cells outside a table
                out.append(" ")
                _render(child, out)
                out.append("\n" if name == "tr" else " ")
            else:
                _render(child, out, pre)


def _table(table) -> list[str]:
    """One line per row, cells joined by a tab (a cell's own paragraphs stay below it)."""
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    out: list[str] = []
    for tr in rows:
        cells = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            parts: list[str] = []
            _render(cell, parts)
            text = "\n".join(x for x in (_SPACES.sub(" ", ln).strip() for ln in "".join(parts).split("\n")) if x)
            cells.append(text)
        if any(cells):
            out.append("\t".join(c for c in cells if c) + "\n")
    return out
