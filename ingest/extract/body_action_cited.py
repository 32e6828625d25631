"""Earlier actions this meeting reports on by citing their log numbers.

Minutes often close or update actions without repeating them: "actions 12/2023,
15/2023 and 17/2023 can be closed" (each number is an action, its text the number),
or with a bracketed subject that stands for the action: "Action 23/27 (review of the
scheme of delegation) is complete", "BM/24/02 (board effectiveness review terms of
reference) remains open pending ...", "Action JIAC 27/22 (treasury management
training) – delivered in December. Action complete." The subject is the text; what
the sentence (and a closing 'Action complete.' after it) says is the status.
"""

from __future__ import annotations

import re

from .body_action_log import record
from .body_action_status import is_status_sentence, lead_owner, status_of
from .body_context import BodyContext
from .segments import sentence_spans

_NUM = r"(?:[A-Z]{1,6}-)?[A-Z]{0,4}\d+(?:[/.-]\d+)*"  # '12/2023', 'A12', 'ABC-20221214-002'
# "Action 22/101 was complete", "actions 12/2023, 15/2023 and 17/2023 can be closed"
# "Action 22/101 was complete", "actions 12/2023, 15/2023 and 17/2023 can be closed",
# "Action 5 – Complete.", "Action No. 7: closed"
_STATUS = r"(?i:closed|complete[d]?|ongoing|on-going|discharged|in progress|open|done)"
_CITED = re.compile(
    rf"\b(?:[Aa]ctions?|ACTIONS?)(?:\s+(?:[Nn]os?\.?|[Nn]umbers?|[Pp]oints?))?\s+(?P<nums>{_NUM}(?:\s*(?:,|and|&)\s*{_NUM})*)"
    r"(?:\s+(?:(?:was|were|is|are|has been|have been|had been|can be|could be|can now be|could now be|remains?|remained)"
    rf"\s+(?:now\s+)?)?(?P<st>{_STATUS})\b|\s*[:–—-]\s*(?P<st2>{_STATUS})\s*(?:[.;,)]|$))"
)

# "agreed to close actions 12/2023 and 15/2023", "closed actions A12, A14": each number is closed
_CLOSE_CITED = re.compile(
    rf"\b(?:agreed\s+to\s+close|agreed\s+that\s+(?:the\s+)?following\s+(?:could|can|be)\s+(?:be\s+)?closed:?|closed|close)"
    rf"\s+(?:the\s+)?(?:[Aa]ctions?|ACTIONS?)(?:\s+(?:[Nn]os?\.?|[Nn]umbers?))?\s+(?P<nums>{_NUM}(?:\s*(?:,|and|&)\s*{_NUM})*)"
)

# A log number with a bracketed subject. Without the word 'Action' the number must look
# like a log reference ('BM/23/19', '23/27') and the item or sentence must be about actions.
_LOG_REF = r"(?:[A-Z]{1,6}[\s-]?)?\d+(?:[/.-]\d+)*"
_SUBJECT = re.compile(
    rf"(?:\b(?:[Aa]ction|ACTION)(?:\s+(?:[Pp]oint|[Nn]o\.?|[Nn]umber|[Rr]ef\.?))?\s+(?P<n1>{_LOG_REF})"
    r"|(?<![\w/])(?P<n2>[A-Z]{1,6}[ /-]?\d+(?:[/.-]\d+)+|\d{1,4}/\d{2,4}))"
    r"(?:\s+from\s+the\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?(?:\d{4}\s+)?meeting)?"  # 'Action 1 from the January meeting (…)'
    r"\s*\((?P<subject>[^()]{3,120})\)"
)
# After the subject the sentence reports on it: a verb or a dash/colon, then a status word
_REPORTS = re.compile(r"^\s*(?:[–—:-]|(?:was|were|is|are|has|have|had|remains?|can|could|now)\b|"
                      r",(?=[^.]*\bthe action\b))")  # '(estates audit), X advised that ...; the action remains open'
_STATUS_WORD = re.compile(
    r"\b(?:complete[d]?|closed?|done|discharged|delivered|achieved|superseded|ongoing|on-going|in progress|open|"
    r"outstanding|remains?|deferred|progress(?:ed|ing)?|underway|pending|on (?:the|this|today's) agenda)\b",
    re.I,
)
_ABOUT_ACTIONS = re.compile(r"\bactions?\b|\baction (?:log|tracker)\b|matters arising", re.I)


def cited_numbers(ctx: BodyContext) -> list[dict]:
    """Actions closed or updated by citing their log numbers only: one entry per number."""
    out = []
    for u in ctx.units:
        b = u.block
        for m in _CLOSE_CITED.finditer(ctx.text, b.body, b.end):
            for n in re.finditer(_NUM, m.group("nums")):
                st = m.start("nums") + n.start()
                out.append(record(ctx, u, st, st + len(n.group(0)), "action_number_cited", owner=None, status="complete"))
        for m in _CITED.finditer(ctx.text, b.body, b.end):
            status = status_of(m.group("st") or m.group("st2"))
            for n in re.finditer(_NUM, m.group("nums")):
                s = m.start("nums") + n.start()
                out.append(record(ctx, u, s, s + len(n.group(0)), "action_number_cited", owner=None, status=status))
    return out


def cited_subjects(ctx: BodyContext) -> list[dict]:
    """Earlier actions cited by number with a bracketed subject, one entry each."""
    out = []
    for u in ctx.units:
        b = u.block
        matches = list(_SUBJECT.finditer(ctx.text, b.body, b.end))
        for k, m in enumerate(matches):
            stop = matches[k + 1].start() if k + 1 < len(matches) else b.end
            said = _what_is_said(ctx, m.end(), stop)
            if not _REPORTS.match(said) or not _STATUS_WORD.search(said):
                continue
            if m.group("n2"):
                context = (u.item.title if u.item else "") + " " + ctx.text[b.body:m.start()]
                if not _ABOUT_ACTIONS.search(context):
                    continue
            s, e = m.start("subject"), m.end("subject")
            # a subject worded as the action ('(OPCC to arrange a visit ...)') names its owner
            out.append(record(ctx, u, s, e, "action_subject_cited", owner=lead_owner(ctx.text[s:e]),
                              status=status_of(said), update=said.strip(" –—:-") or None))
    return out


def _what_is_said(ctx: BodyContext, start: int, stop: int) -> str:
    """The rest of the citing sentence, and a status sentence after it ('Action complete.')."""
    sents = sentence_spans(ctx.text, start, stop)
    if not sents:
        return ""
    said = [ctx.text[start:sents[0][1]]]
    for s, e in sents[1:3]:
        if not is_status_sentence(ctx.text[s:e]):
            break
        said.append(ctx.text[s:e])
    return " ".join(said)
