"""Meeting body: items, actions, decisions, recommendations, questions, findings,
bodies mentioned.

The header (who met, when, where) is another module's work; this one reads the
business of the meeting. Each kind of record has its own module of readable rules;
here they are run in the order their dependencies need (findings answer the
recommendations and questions found before them; actions inside an answer are linked
to it) and private working keys are dropped. A rule that fails on an odd document
costs only its own kind of record (logged), never the rest of the extraction.

>>> out = extract_body("1. Minutes\\nThe minutes were approved.\\nAction: JS to circulate the paper.\\n", {})
>>> [i["title"] for i in out["items"]], [a["owner"] for a in out["actions"]], len(out["decisions"])
(['Minutes'], ['JS'], 1)
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from .actions import find_actions
from .bodies import find_bodies
from .body_context import BodyContext, build
from .decisions import find_decisions
from .findings import anchors_by_unit, find_findings
from .questions import find_questions
from .recommendations import find_recommendations

log = logging.getLogger(__name__)


def _public(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in records]


def _guarded(kind: str, rule: Callable[[], list[dict]]) -> list[dict]:
    try:
        return rule()
    except Exception:  # a bug on one odd layout must not lose the whole document
        log.exception("body extraction: %s rules failed; no %s extracted", kind, kind)
        return []


def _items(ctx: BodyContext) -> list[dict]:
    return [
        {"ref": it.ref, "title": it.title, "parent_ref": it.parent_ref,
         "evidence": ctx.evidence(it.start, max(it.title_end, it.start + 1)),
         "rule": "numbered_heading" if it.key else "unnumbered_heading"}
        for it in ctx.items
    ]


def extract_body(text: str, header: dict) -> dict:
    """Body records of one minutes text; ``header`` is the header extraction (its
    meeting date resolves 'the June meeting', its roles name speakers and owners)."""
    ctx = build(text, header)
    recommendations = _guarded("recommendations", lambda: find_recommendations(ctx))
    questions = _guarded("questions", lambda: find_questions(ctx, recommendations))
    answers = _guarded("answers", lambda: [anchors_by_unit(ctx, recommendations, questions)])
    actions = _guarded("actions", lambda: find_actions(ctx, answers[0] if answers else {}))
    taken = [(a["evidence"]["start"], a["evidence"]["end"]) for a in actions if a["rule"].startswith("action_label")]
    return {
        "items": _items(ctx),
        "actions": _public(actions),
        "decisions": _public(_guarded("decisions", lambda: find_decisions(ctx))),
        "recommendations": _public(recommendations),
        "questions": _public(questions),
        "findings": _public(_guarded("findings", lambda: find_findings(ctx, recommendations, questions, taken))),
        "bodies_mentioned": _public(_guarded("bodies", lambda: find_bodies(ctx))),
    }
