"""Holding-to-account questions: the lettered or numbered questions put to the force
("a. ... Is the CC confident that ...?", "b. What assurance can be given ...?").

A question keeps its preamble ("Both the 2017 inspection ... ask how well a force
understands demand. Is the CC confident ...?"), because the preamble is what the
answer is measured against. ``asked_of`` is the role the question names.
"""

from __future__ import annotations

import re

from .body_context import BodyContext, role_pattern
from .recommendations import source_of

_LABEL = re.compile(r"^(?:Question|Q)\s*\d*\s*[:.–-]\s+(?=\S)")


def find_questions(ctx: BodyContext, recommendations: list[dict]) -> list[dict]:
    taken = {r["_unit"] for r in recommendations}
    roles = role_pattern(ctx.roles)
    named = re.compile(rf"\bthe ({roles}|Chief Constable|Commissioner|Chief Executive|Chief Fire Officer)\b")
    out: list[dict] = []
    for u in ctx.units:
        b = u.block
        if u.index in taken or "?" not in b.text:
            continue
        labelled = _LABEL.match(ctx.text[b.body:b.end])
        if not (b.enum or labelled):
            continue
        start = b.body + (labelled.end() if labelled else 0)
        end = b.body + ctx.text[b.body:b.end].rfind("?") + 1
        text = ctx.quote(start, end)
        who = named.search(text)
        out.append({
            "id": f"q{len(out) + 1}", "ref": b.enum, "text": text, "asked_by": None,
            "asked_of": who.group(1) if who else None, "source": source_of(ctx, u),
            "item_ref": u.item.ref if u.item else None, "evidence": ctx.evidence(start, end),
            "rule": "labelled_question" if labelled else "enumerated_question", "_unit": u.index,
        })
    return out
