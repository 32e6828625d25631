"""Agenda headings where the numbering was lost (web pages, excerpts).

An unnumbered heading is a short noun phrase on a line of its own that is followed by
the minute it heads (prose), by ModernGov's "Additional documents:"/"Minutes:"
markers, or that carries page furniture such as "pdf icon PDF 69 KB". Attendance
headings, name lists, dates, labels ("Venue: ..."), document titles and page
furniture are not items. When ModernGov loses a heading but keeps its description
just before "Minutes:", the description stands in as the title.
"""

from __future__ import annotations

import re

from .body_item_refs import Item, clean_title
from .body_lexicon import (
    ATTENDANCE_HEADING,
    DOC_TITLE,
    MODERNGOV_MARKER,
    fold,
    has_verb,
    heading_like,
    is_bare_name,
    is_date_line,
    is_furniture,
    is_person_line,
    is_table_row,
    mostly_capitalised,
    strip_title_furniture,
)
from .segments import Block, blocks, sentence_spans


def _is_prose(b: Block) -> bool:
    t = b.text
    if b.kind == "label" or is_person_line(t) or is_furniture(t) or is_table_row(t):
        return False
    return (has_verb(t) and len(t.split()) >= 4) or (t.endswith(".") and len(t.split()) >= 6)


def unnumbered(text: str) -> list[Item]:
    allb = blocks(text)
    # the blocks that are not page furniture, and where each sits among them: built once,
    # not per block (that made long documents quadratic)
    solid = [n for n in allb if not is_furniture(n.text)]
    solid_at = {id(n): k for k, n in enumerate(solid)}
    out: list[Item] = []
    seen_prose = False
    for i, b in enumerate(allb):
        raw = fold(text[b.start:b.end])
        marker = bool(MODERNGOV_MARKER.search(raw))
        if is_furniture(raw) and not marker:
            continue
        line_start = text.rfind("\n", 0, b.start) + 1
        deep = b.start - line_start >= 12 and not text[line_start:b.start].strip()  # a table cell's wrapped tail
        midline = bool(text[line_start:b.start].strip())  # a run-in label's tail, not a heading
        if b.kind != "para" or b.enum or deep or midline or is_table_row(text[b.start:b.end]) or re.match(r"^\d", raw):
            seen_prose = seen_prose or _is_prose(b)
            continue
        title_span = (b.start, b.end)
        title = strip_title_furniture(raw)
        ok = heading_like(title)
        if not ok:
            sents = sentence_spans(text, b.start, b.end)
            if len(sents) > 1:
                first = fold(text[sents[0][0]:sents[0][1]])
                if heading_like(first) and mostly_capitalised(first):
                    title_span, title, ok = sents[0], first, True
        k = solid_at.get(id(b), 0)
        neighbours = solid[max(0, k - 1):k] + solid[k + 1:k + 2]
        labelled = re.match(r"^[A-Z][\w/-]*(?:\s+[\w/-]+){0,2}\s*:\s", title) is not None  # 'Venue: ...', 'Action DB9-01: ...'
        if not ok or labelled or ATTENDANCE_HEADING.match(title) or is_person_line(title) or is_date_line(title):
            seen_prose = seen_prose or _is_prose(b)
            continue
        if is_bare_name(title) and any(is_bare_name(n.text) or is_person_line(n.text) or ATTENDANCE_HEADING.match(n.text)
                                       for n in neighbours):
            continue
        if DOC_TITLE.search(title) or (not seen_prose and not out and re.search(r"\b\d{4}\b", title) and not marker):
            continue
        raw_next = allb[i + 1] if i + 1 < len(allb) else None
        modern = raw_next is not None and re.match(r"^(?:Additional documents|Minutes)\s*:?$", raw_next.text, re.I)
        follows_prose = title_span != (b.start, b.end) or any(_is_prose(n) for n in solid[k + 1:k + 3])
        if marker or modern or follows_prose:
            out.append(Item(None, clean_title(title), b.start, title_span[0], title_span[1]))
        seen_prose = seen_prose or _is_prose(b)
    return out


def described(text: str, items: list[Item]) -> list[Item]:
    """ModernGov: an item whose heading is lost keeps its description before 'Minutes:'."""
    extra = []
    labels = [m.start() for m in re.finditer(r"(?m)^[ \t]*Minutes:[ \t]*$", text)]
    for k, at in enumerate(labels):
        since = labels[k - 1] if k else -1
        if any(since < it.start < at for it in items):
            continue
        # the paragraph (run of non-blank lines) just above the label
        lines = text[:at].rstrip("\n").split("\n")
        para: list[str] = []
        while lines and lines[-1].strip() and not is_furniture(lines[-1]):
            para.insert(0, lines.pop())
        if not para:
            continue
        s = len("\n".join(lines)) + (1 if lines else 0)
        s += len(para[0]) - len(para[0].lstrip())
        e = s + len("\n".join(para).strip())
        if s > since:
            extra.append(Item(None, clean_title(text[s:e]), s, s, e))
    return extra


