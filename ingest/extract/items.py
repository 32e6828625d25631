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
from .body_item_refs import ACTION_RECORD, Item, candidates, clean_title, finish, line_bounds, next_lines
from .body_lexicon import heading_like
from .segments import sentence_spans

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
    if cur.scheme == "letter":  # 'A2' then 'A3' in one section, or 'B1' opening the next
        if p[0] == c[0] and 0 < c[1] - p[1] <= 4:
            return 0.4 * (c[1] - p[1] - 1)
        return 0.0 if 0 < c[0] - p[0] <= 2 and c[1] == 1 else None
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
    # numbered action records ('3.1 Action 45 – complete.') keep the numbering going
    # but are not items: their text stays with the item above
    return [it for it in chain if it.strong or not ACTION_RECORD.match(it.title)]


# ---- unnumbered headings -------------------------------------------------------------

_OUTCOME = re.compile(r"(?:RESOLVED|Resolved|AGREED|Agreed|DECISION|Decision|Recommendation|RECOMMENDATION)\b")
_DASH_OUTCOME = re.compile(
    r"(?P<title>[^\n]{3,80}?)\s+[–—-]\s+(?=(?:RESOLVED|Resolved|AGREED|Agreed|NOTED|Noted|noted|DECISION|Decision)\b)")
_LETTER = re.compile(r"(?m)^[ \t]*(?P<ref>\((?P<a>[a-z])\)|(?P<b>[a-z])[.)])[ \t]+(?P<title>\S[^\n]*)$")


def _lettered_title(text: str, s: int, e: int) -> tuple[str, int]:
    """The heading of a lettered line and where it ends: the whole line, or - when the
    minute runs on after it ('(a) 22/01877/FUL – 14 Mill Lane – extension. Resolved: to
    OBJECT ...') - its first sentence, full stop dropped."""
    title = clean_title(text[s:e])
    if re.match(r"That\b", title) or re.search(r"[;,]\s*(?:and|or)?$", title):
        return "", e  # '(a) That the Board approves the plan;': a part of a resolution, not a heading
    if heading_like(title) and not title.endswith(".") and len(title.split()) <= 10:
        return title, e
    dash = _DASH_OUTCOME.match(text, s, e)
    if dash and heading_like(clean_title(dash.group("title"))):  # 'a) Payments – Resolved: to approve ...'
        return clean_title(dash.group("title")), dash.end("title")
    sents = sentence_spans(text, s, e)
    if len(sents) > 1:
        first = clean_title(text[sents[0][0]:sents[0][1]]).rstrip(".")
        # a heading, not the first sentence of a lettered list: it is cut like a
        # heading ('ref – place – proposal') or the minute's outcome label follows it
        shaped = " – " in first or " - " in first or _OUTCOME.match(text, sents[1][0]) is not None
        if shaped and heading_like(first) and len(first.split()) <= 16:
            return first, sents[0][1]
    return "", e


def _continues_sentence(text: str, it: Item, pos: int) -> bool:
    """The line before a lettered list leaves its sentence open (no full stop, no
    colon) and is not the item's heading, so the letters enumerate that sentence."""
    before = text[:pos].rstrip()
    line_start = before.rfind("\n") + 1
    if line_start <= it.title_end and it.start <= line_start:
        return False  # the heading line itself
    prev = before[line_start:].strip()
    if not prev or re.search(r"[.?!:;]['’”\")]*$", prev):
        return False
    return not heading_like(prev) or re.match(r"^(?:It was\s+)?(?:RESOLVED|Resolved|AGREED|Agreed)\b", prev) is not None


def _lettered(text: str, items: list[Item]) -> list[Item]:
    """Sub-items '(a) Revenue Budget', 'b) Capital Programme' inside a numbered item."""
    out: list[Item] = []
    for k, it in enumerate(items):
        end = items[k + 1].start if k + 1 < len(items) else len(text)
        expect = "a"
        for m in _LETTER.finditer(text, it.title_end, end):
            letter = m.group("a") or m.group("b")
            title, title_end = _lettered_title(text, m.start("title"), m.end("title"))
            if letter == "a" and _continues_sentence(text, it, m.start()):
                break  # 'RESOLVED: That the Authority / (a) Approve ...': parts of one sentence
            if letter != expect or not title:
                if letter == expect:
                    break
                continue
            sub = Item(m.group("ref"), title, m.start("ref"), m.start("title"), title_end,
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
        # a weak item's 'title' is the numbered paragraph's first sentence: the body rules read it too
        head_end = it.title_end if it.strong else it.title_start
        it.content_start = min(max(head_end, it.start), nxt) if head_end <= nxt else nxt
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

