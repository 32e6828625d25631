"""How far to trust what the rules found: a confidence per record and per document.

DESIGN.md asks for explainable extraction "with confidence and the rule that fired
recorded". Every record already names its ``rule``; the confidence here follows from
what kind of evidence that rule reads, not from any statistics:

- 0.9: the minutes marked it themselves: a label (``ACTION:``, ``RESOLVED``,
  ``Present:``), a row of a table or log, a numbered heading, a list under its heading;
- 0.7: a sentence read by its wording ("apologies were received from ...", "it was
  agreed that ...", an undertaking given in discussion);
- 0.5: a guess from layout alone (an unnumbered heading, a body named in passing).

A reviewer can sort or filter by it (the API and the graph keep it beside the rule in
each record's evidence) and read the rule to see why. The document gets ``warnings``
(what minutes nearly always have and this one seemed not to) and a ``confidence`` of
``"low"`` or ``"ok"``, so a person knows which documents to look at first.
"""

from __future__ import annotations

# Rules by the kind of evidence they read. A rule not listed falls back on its name
# (see ``rule_confidence``); tests/test_extract_confidence.py checks that every rule the
# extractor emits on the corpora is listed, so a new rule gets classified on purpose.
HIGH, MEDIUM, LOW = 0.9, 0.7, 0.5
RULES: dict[str, float] = {
    # marked by the minutes themselves
    "action_label": HIGH, "action_label_quoted": HIGH, "action_log_entry": HIGH,
    "action_owner_tag": HIGH, "action_table_row": HIGH, "actions_arising_list": HIGH,
    "decision_label": HIGH, "resolved_label": HIGH, "labelled_list": HIGH,
    "finding_bullet": HIGH, "inspection_list": HIGH, "enumerated_question": HIGH,
    "labelled_question": HIGH, "labelled": HIGH, "numbered_heading": HIGH,
    "attendance_list": HIGH, "attendance_list:table": HIGH, "minutes_label": HIGH,
    "officer_label": HIGH,
    # read from the wording of a sentence
    "action_arising": MEDIUM, "action_subject_cited": MEDIUM, "undertaking": MEDIUM,
    "earlier_undertaking": MEDIUM, "decision_sentence": MEDIUM, "recommended_that": MEDIUM,
    "action_number_cited": MEDIUM, "decision_parts": MEDIUM,
    "inspection_should": MEDIUM,
    "finding_paragraph": MEDIUM, "finding_speaker_sentence": MEDIUM,
    "headless_list": MEDIUM, "absent_sentence": MEDIUM, "apologies_sentence": MEDIUM,
    "late_or_joined_sentence": MEDIUM, "substitute_sentence": MEDIUM,
    "welcomed_sentence": MEDIUM, "named_body_chaired_by": MEDIUM,
    # layout alone
    "unnumbered_heading": LOW, "named_body": LOW,
}
RECORD_LISTS = ("participants", "items", "actions", "decisions", "recommendations",
                "questions", "findings", "bodies_mentioned")


def rule_confidence(rule: str | None) -> float:
    """The confidence of a rule; a combined rule (``a+b``) is as sure as its surest part.

    >>> rule_confidence("action_label"), rule_confidence("attendance_list:table+apologies_sentence")
    (0.9, 0.9)
    >>> rule_confidence("some_new_sentence_rule")
    0.7
    """
    if not rule:
        return LOW
    parts = rule.split("+")
    if len(parts) > 1:
        return max(rule_confidence(p) for p in parts)
    if rule in RULES:
        return RULES[rule]
    if any(w in rule for w in ("label", "table", "log", "list", "numbered")):
        return HIGH
    return MEDIUM


# What minutes nearly always say, and the warning when the extractor found none of it.
_STRUCTURE = (
    (lambda x: (x.get("meeting") or {}).get("date"), "no meeting date found"),
    (lambda x: (x.get("meeting") or {}).get("body") or (x.get("meeting") or {}).get("title"),
     "no board, committee or meeting title found"),
    (lambda x: x.get("participants") or x.get("chair"), "no attendance list or chair found"),
    (lambda x: x.get("items"), "no agenda items found"),
)
_RECORDS = ("actions", "decisions", "recommendations", "questions", "findings")


def assess(extraction: dict) -> dict:
    """The extraction with a ``confidence`` on every record that names its rule, and two
    top-level keys: ``warnings`` and ``confidence`` (``"low"`` when at most one of date,
    board, attendance and items was found, else ``"ok"``).

    Best effort stays best effort: nothing is dropped and the document still loads; the
    flags tell a person where to look. Records are copied, not changed in place.

    >>> x = assess({"meeting": {"date": None}, "participants": [], "items": []})
    >>> x["confidence"], x["warnings"][0]
    ('low', 'no meeting date found')
    """
    out = dict(extraction)
    for key in RECORD_LISTS:
        records = extraction.get(key)
        if isinstance(records, list):
            out[key] = [{**r, "confidence": rule_confidence(r.get("rule"))}
                        if isinstance(r, dict) and "rule" in r else r for r in records]
    missing = [message for present, message in _STRUCTURE if not present(extraction)]
    warnings = list(missing)
    if not any(extraction.get(k) for k in _RECORDS):
        warnings.append("no actions, decisions, recommendations, questions or findings found")
    out["warnings"] = warnings
    out["confidence"] = "low" if len(_STRUCTURE) - len(missing) <= 1 else "ok"
    return out
