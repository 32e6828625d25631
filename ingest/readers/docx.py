"""Word (.docx) minutes: paragraphs and tables in document order.

Minutes are very often laid out as tables (item number | title and minute | action
owner), so a table row becomes one line with its cells joined by a tab: the item number
then stays next to its text. Word's automatic list numbering is not part of the
paragraph text, so it is rebuilt here ("1.", "2.1", "a)"): without it agenda items
would lose their refs.
"""

from __future__ import annotations

import io
from typing import Any

from . import ReadError
from ._layout import tidy

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(raw: bytes, source: str) -> str:
    """The text of a .docx file; raises :class:`ReadError` if it is not a valid docx."""
    try:
        import docx  # python-docx
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(raw))
    except ImportError:  # pragma: no cover - dependency is declared
        raise ReadError(f"{source}: python-docx is not installed") from None
    except Exception as e:  # zip, package and XML errors all mean "not a docx"
        raise ReadError(f"{source}: not a valid .docx file ({e.__class__.__name__})") from None
    try:
        numbers = _Numbering(document)
        lines = _blocks(document.element.body, document, numbers, Paragraph)
    except Exception as e:  # malformed XML inside an otherwise valid package
        raise ReadError(f"{source}: cannot read .docx content ({e.__class__.__name__}: {e})") from None
    return tidy("\n".join(lines))


def _blocks(parent: Any, document: Any, numbers: _Numbering, paragraph_cls: Any) -> list[str]:
    """Lines for the paragraphs and tables directly under ``parent``, in order."""
    out: list[str] = []
    for child in parent.iterchildren():
        if child.tag == W + "p":
            text = paragraph_cls(child, document).text
            label = numbers.label(child) if text.strip() else ""
            out.append(label + text)
        elif child.tag == W + "tbl":
            out.extend(_table(child, document, numbers, paragraph_cls))
            out.append("")
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"):
            out.extend(_blocks(child, document, numbers, paragraph_cls))
    return out


def _table(tbl: Any, document: Any, numbers: _Numbering, paragraph_cls: Any) -> list[str]:
    """One line per row, cells joined by a tab; merged cells counted once."""
    rows: list[str] = []
    for tr in tbl.iterchildren(W + "tr"):
        cells = []
        for tc in tr.iterchildren(W + "tc"):
            vmerge = tc.find(f"{W}tcPr/{W}vMerge")
            if vmerge is not None and vmerge.get(W + "val") in (None, "continue"):
                continue  # continuation of a cell merged from the row above
            text = "\n".join(x for x in _blocks(tc, document, numbers, paragraph_cls) if x.strip())
            cells.append(text.strip())
        if any(cells):
            rows.append("\t".join(cells))
    return rows


class _Numbering:
    """Rebuilds the visible labels of Word's numbered paragraphs."""

    def __init__(self, document: Any):
        self.levels: dict[str, dict[int, dict[str, Any]]] = {}  # abstractNumId -> ilvl -> spec
        self.num_to_abstract: dict[str, str] = {}
        self.overrides: dict[str, dict[int, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.styles = document.styles.element if document.styles is not None else None
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for an in root.iterchildren(W + "abstractNum"):
            spec = {}
            for lvl in an.iterchildren(W + "lvl"):
                spec[int(lvl.get(W + "ilvl", "0"))] = {
                    "start": int(_val(lvl, "start") or 1),
                    "fmt": _val(lvl, "numFmt") or "decimal",
                    "text": _val(lvl, "lvlText") or "",
                    "suff": _val(lvl, "suff") or "tab",
                }
            self.levels[an.get(W + "abstractNumId")] = spec
        for num in root.iterchildren(W + "num"):
            num_id = num.get(W + "numId")
            self.num_to_abstract[num_id] = _val(num, "abstractNumId") or ""
            for ov in num.iterchildren(W + "lvlOverride"):
                start = _val(ov, "startOverride")
                if start is not None:
                    self.overrides.setdefault(num_id, {})[int(ov.get(W + "ilvl", "0"))] = int(start)

    def _num_pr(self, p: Any) -> tuple[str | None, int]:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        style_id = _val(p.find(f"{W}pPr"), "pStyle") if p.find(f"{W}pPr") is not None else None
        seen = set()
        while num_pr is None and style_id and self.styles is not None and style_id not in seen:
            seen.add(style_id)  # numbering inherited from the paragraph style (numbered headings)
            style = next((s for s in self.styles.iterchildren(W + "style") if s.get(W + "styleId") == style_id), None)
            if style is None:
                break
            num_pr = style.find(f"{W}pPr/{W}numPr")
            style_id = _val(style, "basedOn")
        if num_pr is None:
            return None, 0
        return _val(num_pr, "numId"), int(_val(num_pr, "ilvl") or 0)

    def label(self, p: Any) -> str:
        num_id, ilvl = self._num_pr(p)
        abstract = self.num_to_abstract.get(num_id or "")
        if not num_id or num_id == "0" or abstract not in self.levels:
            return ""
        spec = self.levels[abstract]
        counters = self.counters.setdefault(abstract, {})
        if num_id not in self.started:  # a num with startOverride restarts the list
            self.started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                counters[lvl] = start - 1
        lvl_spec = spec.get(ilvl, {"start": 1, "fmt": "decimal", "text": f"%{ilvl + 1}.", "suff": "tab"})
        counters[ilvl] = counters.get(ilvl, lvl_spec["start"] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if lvl_spec["fmt"] == "bullet":
            text = "•"
        elif lvl_spec["fmt"] == "none":
            text = ""
        else:
            text = lvl_spec["text"]
            for k in range(ilvl + 1):
                k_spec = spec.get(k, {"start": 1, "fmt": "decimal"})
                value = counters.get(k, k_spec["start"])
                text = text.replace(f"%{k + 1}", _format(value, k_spec["fmt"]))
        if not text:
            return ""
        return text + {"space": " ", "nothing": ""}.get(lvl_spec["suff"], "\t")


def _val(el: Any, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(W + tag)
    return None if child is None else child.get(W + "val")


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s if fmt == "upperRoman" else s.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out
