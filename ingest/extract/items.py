"""Agenda items: numbered headings ("2.1.3", "Ref 01/26/07/2023", "72.", "PART 1")
and, where the numbering was lost, headings recognised by their shape.

Numbers in minutes are many and most are not item refs (dates, money, list
entries, recommendation numbers). Item refs are told apart by their *sequence*: every
candidate is collected with a strength (a short heading beats a numbered sentence,
a line start beats a mid-line ref) and the best chain in which each ref follows the
one before (next sibling, first child, or an ancestor's next sibling) is kept. That
one rule drops the minute numbers of a page that prints its agenda first, the
numbered paragraphs under a heading, and stray numbers, without naming any layout.

>>> [(i.ref, i.title) for i in find_items("1. Apologies\\nNone.\\n2. Minutes\\nAgreed.\\n")]
[('1.', 'Apologies'), ('2.', 'Minutes')]
"""

from __future__ import annotations

import re

from .body_headings import described, unnumbered
from .body_item_refs import Item, candidates, clean_title, finish, line_bounds, next_lines
from .body_lexicon import heading_like

__all__ = ["Item", "find_items"]


def _follows(prev: Item, cur: Item) -> float | None:
    """Penalty for ``cur`` following ``prev`` in one numbering, or None if it cannot."""
    if prev.scheme != cur.scheme:
        return None
    p, c = prev.key, cur.key
    if cur.scheme.startswith("pair"):
        for fixed, step in ((0, 1), (1, 0)):
            if p[fixed] == c[fixed] and 0 < c[step] - p[step] <= 4:
                return 0.4 * (c[step] - p[step] - 1)
        return None
    if c == p + (1,):
        return 0.0
    for k in range(len(p), 0, -1):
        if len(c) == k and c[:-1] == p[:k - 1] and 0 < c[-1] - p[k - 1] <= 4:
            return 0.4 * (c[-1] - p[k - 1] - 1) + 0.1 * (len(p) - k)
    return None


def _best_chain(cands: list[Item]) -> list[Item]:
    strong_levels = {(c.scheme, c.key[:-1], len(c.key)) for c in cands if c.strong}
    for c in cands:
        if not c.strong:
            c.score = 0.5 if (c.scheme, c.key[:-1], len(c.key)) in strong_levels else -1.0
    # HTML ordered lists flattened to text number every entry "1."
    keys = {c.key for c in cands if c.scheme == "dot"}
    restart_ok = (1,) in keys and (2,) not in keys
    n = len(cands)
    best = [c.score for c in cands]
    back = [-1] * n
    for i in range(n):
        for j in range(i):
            if cands[j].start >= cands[i].start:
                continue
            pen = _follows(cands[j], cands[i])
            if pen is None and restart_ok and cands[i].key == cands[j].key == (1,) and cands[i].strong and cands[j].strong:
                pen = 0.0
            if pen is None:
                continue
            val = best[j] - pen + cands[i].score
            if val > best[i]:
                best[i], back[i] = val, j
    if not cands or max(best) <= 0:
        return []
    i = max(range(n), key=lambda k: (best[k], -k))
    chain = []
    while i != -1:
        chain.append(cands[i])
        i = back[i]
    chain.reverse()
    return [c for c in chain if c.score > 0]


def _numbered(text: str) -> list[Item]:
    cands = candidates(text)
    chain = _best_chain(cands)
    chosen = {id(c) for c in chain}
    for c in cands:
        if id(c) in chosen or not c.strong:
            continue
        twin = next((it for it in chain if it.key == c.key and it.scheme == c.scheme and it.start < c.start), None)
        if twin is not None and (not chain or c.start > chain[-1].start):
            twin.aliases.append((c.start, c.title_end))
    for it in chain:
        if it.steal_from is not None:
            child = next((c for c in chain if c.start == it.steal_from), None)
            if child:  # the child's own title is on the lines after the stolen one
                nxt = next_lines(text, line_bounds(text, child.start)[1] + 1, 1)
                if nxt:
                    s, e = nxt[0]
                    child.title_start, child.title_end = s, e
                    child.title = clean_title(text[s:e])
                    finish(text, child)
    return chain


# ---- unnumbered headings -------------------------------------------------------------

_LETTER = re.compile(r"(?m)^[ \t]*(?P<ref>\((?P<a>[a-z])\)|(?P<b>[a-z])[.)])[ \t]+(?P<title>\S[^\n]*)$")


def _lettered(text: str, items: list[Item]) -> list[Item]:
    """Sub-items '(a) Revenue Budget', 'b) Capital Programme' inside a numbered item."""
    out: list[Item] = []
    for k, it in enumerate(items):
        end = items[k + 1].start if k + 1 < len(items) else len(text)
        expect = "a"
        for m in _LETTER.finditer(text, it.title_end, end):
            letter = m.group("a") or m.group("b")
            title = clean_title(m.group("title"))
            if letter != expect or not heading_like(title) or title.endswith(".") or len(title.split()) > 10:
                if letter == expect:
                    break
                continue
            sub = Item(m.group("ref"), title, m.start("ref"), m.start("title"), m.end("title"),
                       it.key + (ord(letter) - 96,), it.scheme)
            out.append(sub)
            expect = chr(ord(expect) + 1)
    return out


def find_items(text: str) -> list[Item]:
    """Items of this meeting, in order, with spans and parents filled in."""
    items = _numbered(text)
    if items and items[-1].title_end >= len(text.rstrip()) and not text.endswith("\n"):
        items.pop()  # the excerpt stops inside this heading: an item cut off mid-title
    if items:
        items = sorted(items + _lettered(text, items), key=lambda i: i.start)
    else:
        items = unnumbered(text)
        items = sorted(items + described(text, items), key=lambda i: i.start)
    starts = sorted([it.start for it in items] + [a for it in items for a, _ in it.aliases])
    for k, it in enumerate(items):
        nxt = next((p for p in starts if p > it.start), len(text))
        it.end = nxt
        it.content_start = min(max(it.title_end, it.start), nxt) if it.title_end <= nxt else nxt
        while it.content_start < nxt and text[it.content_start] in " \t:–—-|*":  # separator after the title
            it.content_start += 1
        it.aliases = [(c, next((p for p in starts if p > a), len(text))) for a, c in it.aliases]
        if it.key:
            for prev in reversed(items[:k]):
                if prev.key and len(prev.key) < len(it.key) and it.key[:len(prev.key)] == prev.key:
                    it.parent_ref = _plain_ref(prev.ref)
                    break
        it.ref = _plain_ref(it.ref) if it.ref else None
    return items


def _plain_ref(ref: str | None) -> str | None:
    if ref is None:
        return None
    return re.sub(r"^(PART|Part)\s+(\d+)$", r"\1 \2", ref.strip())

