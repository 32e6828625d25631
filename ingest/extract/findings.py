"""Findings: what was said in answer to a recommendation or question.

After a recommendation or question (and after a "Findings:" label) every bullet is one
finding, however many sentences it has or lines it wraps over. A paragraph without
bullets is cut where a sentence's subject is a speaker ("The CC confirmed ...",
"The DCC provided assurance ..."): that sentence opens a finding and the sentences
after it belong to it. A finding answers the nearest recommendation/question before
it in the same item; its ``speaker`` is the role or person the sentence names.
"""

from __future__ import annotations

import re

from .body_context import BodyContext, Unit, role_pattern
from .body_lexicon import HONORIFIC, fold
from .recommendations import is_theme
from .segments import sentence_spans

_PERSON_ROLES = (
    r"(?:Deputy |Assistant |Acting |Interim )*(?:Chief Constable|Commissioner|Chief Executive|Chief Fire Officer|"
    r"Chief Finance Officer|Chief Officer|Chair(?:man|woman|person)?|Vice[- ]Chair|Treasurer|Monitoring Officer|"
    r"Director of [A-Z][a-z]+(?: [A-Z&][a-z]*)*|Head of [A-Z][a-z]+(?: [A-Z][a-z]+)*|Town Clerk|Chamberlain)"
)
_NOT_VERB = {"of", "and", "or", "in", "on", "at", "for", "with", "who", "which", "that", "team", "office", "to", "the"}
_FINDINGS_LABEL = re.compile(r"^(?:\*\*)?(?:Findings?|Response|Responses|Outcome|Assurance provided)(?:\*\*)?\s*:", re.I)
_STOP = re.compile(r"^(?:ACTION|Action|DECISION|Decision|RESOLVED|Resolved)\b\s*[:–—-]?")


def speaker_regex(ctx: BodyContext) -> re.Pattern:
    roles = role_pattern(ctx.roles)
    return re.compile(
        rf"^(?:The\s+)?(?P<who>{roles}|{_PERSON_ROLES}|{HONORIFIC}\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
        rf"\s+(?:(?:also|then|further|again|subsequently|both)\s+)?(?P<verb>[a-z]{{2,}})\b"
    )


def speaker_of(pattern: re.Pattern, sentence: str) -> str | None:
    m = pattern.match(sentence)
    if not m or m.group("verb") in _NOT_VERB:
        return None
    return m.group("who")


def anchors_by_unit(ctx: BodyContext, recommendations: list[dict], questions: list[dict]) -> dict[int, str | None]:
    """For each unit, the recommendation/question it answers (None when not in an answer)."""
    starts = {r["_unit"]: r["id"] for r in recommendations if r["rule"] != "recommended_that"}
    starts.update({q["_unit"]: q["id"] for q in questions})
    out: dict[int, str | None] = {}
    anchor, active, item = None, False, object()
    for u in ctx.units:
        if u.item is not item:
            anchor, active, item = None, False, u.item
        if u.index in starts:
            anchor, active = starts[u.index], True
            continue
        b = u.block
        if b.kind == "label":
            active = bool(_FINDINGS_LABEL.match(b.text))
            continue
        if active:
            out[u.index] = anchor
    return out


def find_findings(ctx: BodyContext, recommendations: list[dict], questions: list[dict],
                  actions: list[tuple[int, int]] | None = None) -> list[dict]:
    """Findings in the answers to ``recommendations``/``questions``; the words of a
    labelled action (``actions`` spans) are that action, not a finding."""
    answers = anchors_by_unit(ctx, recommendations, questions)
    spk = speaker_regex(ctx)
    out: list[dict] = []
    for u in ctx.units:
        if u.index not in answers or is_theme(u) or _STOP.match(u.block.text):
            continue
        if any(s < u.block.end and u.block.body < e for s, e in actions or []):
            continue
        for s, e, rule in _pieces(ctx, u, spk):
            text = ctx.quote(s, e)
            out.append({
                "id": f"f{len(out) + 1}", "text": text, "answers": answers[u.index],
                "speaker": speaker_of(spk, text), "item_ref": u.item.ref if u.item else None,
                "evidence": ctx.evidence(s, e), "rule": rule,
            })
    return out


def _pieces(ctx: BodyContext, u: Unit, spk: re.Pattern):
    b = u.block
    if b.kind == "bullet":
        yield b.body, b.end, "finding_bullet"
        return
    groups: list[list[int]] = []
    for s, e in sentence_spans(ctx.text, b.body, b.end):
        if not groups or speaker_of(spk, fold(ctx.text[s:e])):
            groups.append([s, e])
        else:
            groups[-1][1] = e
    for s, e in groups:
        yield s, e, "finding_speaker_sentence" if len(groups) > 1 else "finding_paragraph"
