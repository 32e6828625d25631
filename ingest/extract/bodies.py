"""Boards, groups and committees the minutes mention, with their chair when stated.

Governance is traced through these bodies ("Governance is provided through the West
Mercia Delivery Group ... is chaired by the ACC"), so each named body is kept with
the role or person said to chair it in the same or the next sentence. The meeting's
own body and bare generic words ("the Board") are not mentions.
"""

from __future__ import annotations

import re

from .body_context import BodyContext
from .body_lexicon import fold
from .segments import sentence_spans

_KIND = (r"(?:Board|Boards|Group|Groups|Committee|Committees|Sub-Committee|Panel|Partnership|Forum|Commission|"
         r"Network|Team|team|BOARD|GROUP|COMMITTEE|PANEL|PARTNERSHIP|FORUM|COMMISSION)")
_WORD = r"[A-Z][\w&'’-]*"
_NAME = re.compile(
    rf"(?P<name>(?:{_WORD}'s\s+)?{_WORD}(?:,?\s+(?:{_WORD}|and|of|for|on|against|in|&|/)){{0,8}}?\s+{_KIND})\b"
    r"(?!\s+[A-Z][a-z])(?:\s+\((?P<abbr>[A-Z][A-Za-z]{1,10})\))?"
)
_CHAIR = re.compile(r"\bchaired by (?:the\s+)?(?P<who>[A-Z][\w/]*(?:\s+[A-Z][\w/]*){0,3})")
_GENERIC = re.compile(
    r"^(?:The|This|That|A|An|Each|Every|Any|All|Our|Their|Its|Next|Previous|Last|Public|Board|Venue|Date|Time|"
    r"Chair|Present|Apologies)\s|\b(?:NEXT|PREVIOUS|LAST)\b",
)


def find_bodies(ctx: BodyContext) -> list[dict]:
    own = fold(((ctx.header.get("meeting") or {}).get("body")) or "").lower()
    out: list[dict] = []
    seen: dict[str, dict] = {}
    spans = [(it.title_start, it.title_end) for it in ctx.items]
    spans += [(u.block.body, u.block.end) for u in ctx.units]
    for start, end in sorted(spans):
        sents = sentence_spans(ctx.text, start, end)
        for k, (s, e) in enumerate(sents):
            for m in _NAME.finditer(ctx.text, s, e):
                name = fold(m.group(0))
                name = re.sub(r"^(?:the|The)\s+", "", name)
                if _GENERIC.match(name) or len(name.split()) < 2 or name.lower() == own:
                    continue
                if re.match(rf"^(?:[A-Z]+\s+)*{_KIND}$", name) and name.isupper():
                    continue
                chair = None
                for cs, ce in sents[k:k + 2]:
                    c = _CHAIR.search(ctx.text, cs, ce)
                    if c:
                        chair = c.group("who")
                        break
                key = name.lower()
                if key in seen:
                    if chair and not seen[key]["chair"]:
                        seen[key]["chair"] = chair
                    continue
                rec = {"name": name, "chair": chair, "evidence": ctx.evidence(m.start(), m.end()),
                       "rule": "named_body_chaired_by" if chair else "named_body"}
                seen[key] = rec
                out.append(rec)
    return out
