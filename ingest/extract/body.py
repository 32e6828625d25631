"""Meeting body: items, actions, decisions, recommendations, questions, findings,
bodies mentioned. (Placeholder until implemented.)"""

from __future__ import annotations


def extract_body(text: str, header: dict) -> dict:
    return {
        "items": [],
        "actions": [],
        "decisions": [],
        "recommendations": [],
        "questions": [],
        "findings": [],
        "bodies_mentioned": [],
    }
