"""Cut a stretch of minutes into blocks (paragraphs, bullets, labels) and sentences.

Minutes reach us flattened: Word tables become tab-separated cells, PDFs wrap lines
mid-sentence (sometimes repeating the bullet on the wrapped half), web pages run a
whole table row into one line ("... behaviour. Findings: Structured problem ..."). The
body rules need the logical units back, each with offsets into the original text so
every record can quote its evidence. A :class:`Block` is one such unit.

>>> [b.text for b in blocks("Findings:\\n- The CC confirmed it was\\n  done. Next.\\n- Second")]
['Findings:', 'The CC confirmed it was done. Next.', 'Second']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .body_lexicon import fold, has_verb, heading_like, is_person_line

# Bullet glyphs, including the private-use symbols Word's Symbol font leaves behind.
_BULLET = re.compile(r"^(?:[-–—•·●○▪■◦*►➢✓➤»]|[\ue000-\uf8ff])(?:\s+|(?=[A-Z]))")
_BULLET_ONLY = re.compile(r"\s*(?:[-–—•·●○▪■◦*►➢✓➤»]|[\ue000-\uf8ff])\s*")
_ENUM = re.compile(
    r"^(?:\(?(?P<n>\d{1,2}|[a-h]|[ivx]{1,4})[.)](?!\d)|(?P<p>\d{1,3}(?:\.\d{1,3}){1,3})\.?(?=\s+[A-Z])"
    r"|(?P<q>Q\d{1,2})[.:)]?|Question\s+(?P<qn>\d{1,2})\s*[.:–-])\s+"
)
_LABEL = re.compile(r"^(?:\*\*)?[A-Z][A-Za-z/&' ]{1,40}?(?:\*\*)?\s*:(?:\*\*)?-?$")
# Labels that cut a run-on table row into parts ("... meeting. **Update:** The CC ...").
_INLINE_LABEL = re.compile(  # (the lookahead: the first characters of a label, to search faster)
    r"(?=[*FURPAD])(?:\*\*)?\b(?:Findings|Updates?|Response|Progress update|Actions? [Aa]rising|ACTIONS?|Actions?|DECISIONS?|Decisions?)"
    r"(?:\*\*)?\s*(?::|–|—|-(?=\s))(?:\*\*)?"
)
_ENUM_AFTER_STOP = re.compile(r"(?<=[.?!:])\s+(?=(?:\d{1,2}|[a-h])[.)]\s+[A-Z‘'\"(])")
_ENUM_AFTER_THEME = re.compile(r"\s(?=\d{1,2}\.\s+[A-Z‘'\"(])")
# A line opening with one of these labels starts a record of its own, never a wrapped tail.
_OPENS_RECORD = re.compile(
    r"^(?:ACTION|Action|DECISION|Decision|RESOLVED|Resolved|AGREED|Update|Findings)\b\s*"
    r"(?:[:–—-]|[A-Z]{0,6}[\s-]?\d|\([A-Z]{2,5}|(?:BY|[Bb]y|POINT|[Pp]oint|NO|No)\b)"
)
_SENT_SPLIT = re.compile(r"(?<=[.?!])[\"'’”)]*\s+(?=[\"'‘“(]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Cllr|Prof|e\.g|i\.e|etc|Co|Ltd|vs|approx|Rev|Supt|Insp|Sgt|Ref|para|Cl)|\b[A-Z])\.$")


@dataclass
class Block:
    """One logical unit: ``start``/``end`` span the whole unit, ``body`` starts after
    any bullet glyph and enumerator ("a.", "3."), which is kept in ``enum``."""

    start: int
    end: int
    body: int
    kind: str  # para | bullet | label
    enum: str | None
    text: str  # folded text from ``body`` to ``end``
    blank_before: bool = False
    cell: bool = False  # came from a tab-separated table cell


def _cells(text: str, start: int, end: int):
    """Yield (start, end, indent, blank_before, is_cell) for each non-empty line or tab cell."""
    blank = True
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        line = text[pos:line_end]
        if not line.strip():
            blank = True
        else:
            parts = re.split(r"\t| \| ", line)
            if len(parts) > 1 and _BULLET_ONLY.fullmatch(parts[0]):
                parts[:2] = [parts[0] + "\t" + parts[1]]  # Word's '•<TAB>text' is one bullet, not two cells
            is_cell = len(parts) > 1
            off = pos
            first = True
            for part in parts:
                s = off + (len(part) - len(part.lstrip()))
                e = off + len(part.rstrip())
                if e > s:
                    indent = len(part) - len(part.lstrip(" ")) if first else 0
                    yield s, e, indent, blank, is_cell
                    blank = False
                    first = False
                off += len(part) + (1 if text[off + len(part):off + len(part) + 1] == "\t" else 3)
        pos = line_end + 1


def _make(text: str, s: int, e: int, blank: bool, cell: bool, bullet_ok: bool = True) -> Block:
    body = s
    kind = "para"
    md = re.match(r"#{1,6}\s+", text[s:e])  # a markdown heading marker is not part of the words
    if md:
        body = s = s + md.end()
    m = _BULLET.match(text[s:e]) if bullet_ok else None
    if m:
        body = s + m.end()
        kind = "bullet"
    enum = None
    m2 = _ENUM.match(text[body:e])
    if m2:
        enum = m2.group("n") or m2.group("p") or m2.group("q") or m2.group("qn")
        body += m2.end()
    t = fold(text[body:e])
    if kind == "para" and not enum and _LABEL.match(fold(text[s:e])) and len(t.split()) <= 6:
        kind = "label"
    return Block(s, e, body, kind, enum, t, blank, cell)


def _ends_sentence(t: str) -> bool:
    return bool(re.search(r"[.?!:;]['’”\")]*$", t)) or t.endswith(":-")


def _split_inline(text: str, b: Block) -> list[Block]:
    """Cut a run-on block at labels and at enumerators that start a new paragraph."""
    cuts: set[int] = set()
    seg = text[b.body:b.end]
    for m in _INLINE_LABEL.finditer(seg):
        pre = seg[:m.start()].rstrip()
        if m.start() == 0 and b.body + m.end() < b.end:
            cuts.add(b.body + m.end())
        elif m.start() > 0 and (not pre or _ends_sentence(pre.replace("**", ""))):
            cuts.add(b.body + m.start())
            cuts.add(b.body + m.end())
    for m in _ENUM_AFTER_STOP.finditer(seg):
        cuts.add(b.body + m.end())
    for m in _ENUM_AFTER_THEME.finditer(seg):
        # "... chosen by the DPCC: Preventing crime and ASB 1. The force should ..."
        head = seg[:m.start()]
        stop = max(head.rfind(". "), head.rfind(": "), head.rfind("? "))
        theme = head[stop + 2:] if stop >= 0 else head
        if len(theme.split()) >= 2 and heading_like(theme) and not re.search(r"\b(?:item|section|paragraph|page|para|no|number|appendix|annex|table|figure|version|phase|stage|level|priority)$", theme, re.I):
            cuts.add(b.body + m.end())
            if stop >= 0:
                cuts.add(b.body + stop + 2)
    cuts = {c for c in cuts if b.body < c < b.end}
    if not cuts:
        return [b]
    out = []
    bounds = [b.start] + sorted(cuts) + [b.end]
    for i, (s, e) in enumerate(zip(bounds, bounds[1:], strict=False)):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if i == 0:
            nb = _make(text, b.start, e, b.blank_before, b.cell)
        else:
            nb = _make(text, s, e, False, b.cell, bullet_ok=False)
            if re.fullmatch(r"(?:\*\*)?[A-Z][A-Za-z ]+(?:\*\*)?\s*:(?:\*\*)?", text[s:e].strip()):
                nb.kind = "label"
        out.append(nb)
    return out


def blocks(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """The logical blocks of ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    out: list[Block] = []
    for s, e, indent, blank, cell in _cells(text, start, end):
        piece = _make(text, s, e, blank, cell)
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "label":
            first = piece.text[:1]
            wrapped_lower = first.islower() and not _ends_sentence(prev.text) and not piece.enum
            bullet_cont = (
                piece.kind == "para" and indent > 0 and not blank and prev.kind == "bullet" and not piece.enum
            )
            last_line = text[text.rfind("\n", 0, prev.end) + 1:prev.end].strip()
            hard_wrap = (
                piece.kind == "para" and not blank and not cell and not prev.cell and not piece.enum
                and not _ends_sentence(prev.text) and has_verb(prev.text) and not heading_like(prev.text)
                and len(last_line) >= 40 and not is_person_line(piece.text)
            )
            run_in = piece.kind == "para" and not blank and re.search(r"\s[-–—]$", prev.text) is not None
            if _OPENS_RECORD.match(piece.text):
                hard_wrap = run_in = False
            if wrapped_lower or bullet_cont or hard_wrap or run_in:
                prev.end = e
                prev.text = fold(text[prev.body:e])
                continue
        out.append(piece)
    out = _rejoin_bullet_tails(text, out)
    result: list[Block] = []
    for b in out:
        result.extend(_split_inline(text, b))
    return result


def _rejoin_bullet_tails(text: str, out: list[Block]) -> list[Block]:
    """A plain paragraph between two bullets of one list is the first bullet's tail
    whose indent a PDF dropped ('- The CC confirmed ... county.' / 'There was now
    ...' / '- The CC stated ...'): bullets do not interleave with prose."""
    merged: list[Block] = []
    for k, b in enumerate(out):
        prev = merged[-1] if merged else None
        nxt = out[k + 1] if k + 1 < len(out) else None
        tail = (
            prev is not None and prev.kind == "bullet" and b.kind == "para" and not b.enum and not b.blank_before
            and not b.cell and not prev.cell and nxt is not None and nxt.kind == "bullet" and not nxt.blank_before
            and not heading_like(b.text) and not _OPENS_RECORD.match(b.text) and not is_person_line(b.text)
        )
        if tail:
            prev.end = b.end
            prev.text = fold(text[prev.body:b.end])
            continue
        merged.append(b)
    return merged


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (titles like 'Mr.' and initials do not end one)."""
    return list(_sentence_spans(text, start, end))


@lru_cache(maxsize=4096)
def _sentence_spans(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    # kept: every body rule (actions, decisions, findings, ...) splits the same blocks again
    spans = []
    s = start
    seg = text[start:end]
    for m in _SENT_SPLIT.finditer(seg):
        cut = start + m.start()
        if _ABBREV.search(text[max(s, cut - 8):cut]):
            continue
        if cut > s:
            spans.append((s, cut))
        s = start + m.end()
    if s < end:
        spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return tuple(out)
