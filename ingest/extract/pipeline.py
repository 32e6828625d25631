"""One document in, one ``govgraph.extraction/1`` object out.

The work is split by what a reader of minutes looks for: the header (who met, when,
where, who was there) and the body (items, actions, decisions, recommendations,
questions, findings). Each half lives in its own module; this one only joins them.
"""

from __future__ import annotations

from ..readers import ReadDocument
from .body import extract_body
from .confidence import assess
from .header import extract_header

SCHEMA = "govgraph.extraction/1"


def extract_text(text: str, source: str = "<text>", fmt: str = "txt", sha256: str = "") -> dict:
    """Extract records from already-normalised text.

    >>> extract_text("Chair: Ann Smith")["schema"]
    'govgraph.extraction/1'
    """
    header = extract_header(text)
    body = extract_body(text, header)
    out: dict = {
        "schema": SCHEMA,
        "document": {"source": source, "sha256": sha256, "format": fmt},
        "meeting": header["meeting"],
        "participants": header["participants"],
        "chair": header["chair"],
        "minute_taker": header["minute_taker"],
        "items": body["items"],
        "actions": body["actions"],
        "decisions": body["decisions"],
        "recommendations": body["recommendations"],
        "questions": body["questions"],
        "findings": body["findings"],
        "bodies_mentioned": body["bodies_mentioned"],
        "previous_meeting_refs": header["previous_meeting_refs"],
        "next_meeting": header["next_meeting"],
    }
    return assess(out)


def extract_document(doc: ReadDocument) -> dict:
    """Extract records from a document a reader has produced."""
    return extract_text(doc.text, source=doc.source, fmt=doc.format, sha256=doc.sha256)
