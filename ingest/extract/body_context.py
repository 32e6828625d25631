"""What every body rule needs to know: the items, the blocks of each item's text,
and the roles this meeting uses. Built once per document by :func:`build`.

Blocks are cut per item region (the preamble before the first item is a region of
its own), so no block straddles two items and each record knows its ``item_ref``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .body_lexicon import ROLE_ABBR, fold
from .evidence import evidence
from .items import Item, find_items
from .segments import Block, blocks
from .unwrap import unwrap

log = logging.getLogger(__name__)
_WRAPPED_BULLET = re.compile(r"\n[ \t]*(?:[-–—•·●○▪■◦*►➢✓➤»]|[\ue000-\uf8ff])[ \t]+")


@dataclass
class Unit:
    block: Block
    item: Item | None
    index: int = 0  # position in ``BodyContext.units``


@dataclass
class BodyContext:
    text: str
    header: dict
    items: list[Item]
    units: list[Unit]
    roles: set[str] = field(default_factory=set)
    meeting_date: str | None = None
    # the document as written; ``text`` is its unwrapped view (same length, see
    # :mod:`unwrap`), which the rules read. Evidence quotes the original.
    original: str | None = None

    def ancestors(self, item: Item | None) -> list[Item]:
        """``item`` and its parents, nearest first."""
        out = []
        while item is not None:
            out.append(item)
            item = next((i for i in self.items if i.ref == item.parent_ref and i.start < item.start), None)
        return out

    def evidence(self, start: int, end: int) -> dict:
        return evidence(self.original if self.original is not None else self.text, start, end)

    def quote(self, start: int, end: int) -> str:
        """Record text for a span: whitespace folded, bullet glyphs repeated on wrapped lines
        and page furniture (blanked in the unwrapped view) dropped."""
        return fold(_WRAPPED_BULLET.sub("\n", self.text[start:end]))


def role_pattern(roles: set[str]) -> str:
    """Alternation of role abbreviations, longest first ('DPCC' before 'PCC')."""
    return "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))


def build(text: str, header: dict | None) -> BodyContext:
    header = header or {}
    original, text = text, unwrap(text)
    try:
        items = find_items(text)
    except Exception:  # an odd layout costs the item structure, not the document
        log.exception("body extraction: item rules failed; reading the text as one region")
        items = []
    regions: list[tuple[int, int, Item | None]] = []
    first = items[0].start if items else len(text)
    regions.append((0, first, None))
    for it in items:
        regions.append((it.content_start, it.end, it))
        regions.extend((c, e, it) for c, e in it.aliases)  # the item's minute after its agenda line
    regions.sort(key=lambda r: r[0])
    units: list[Unit] = []
    for s, e, owner in regions:
        if e > s:
            for b in blocks(text, s, e):
                units.append(Unit(b, owner, len(units)))
    roles = set(ROLE_ABBR)
    for p in header.get("participants") or []:
        abbr = (p or {}).get("role_abbr")
        if abbr and re.fullmatch(r"[A-Za-z/]{2,8}", abbr):
            roles.add(abbr)
    date = ((header.get("meeting") or {}).get("date")) or None
    return BodyContext(text, header, items, units, roles, date, original)
