"""Recommendations: what the meeting was asked or advised to do.

Two shapes occur. Holding-to-account minutes reproduce an inspectorate's numbered
list ("1. The force should ensure ...", grouped under theme headings such as
"Preventing crime and ASB") and take the findings under each; committee minutes
record "It was recommended that ..." or a panel recommending. An inspection list is
recognised by its first entries ("should"/"must"/"recommend"), and keeps going for
the numbers that follow it in the same item, whatever their wording.
"""

from __future__ import annotations

import re

from .body_context import BodyContext, Unit
from .body_lexicon import fold, heading_like, is_furniture
from .segments import sentence_spans

_REC_LANG = re.compile(
    r"^(?:The|All|Each|Every|Our)?\s*(?:[A-Za-z'’]+\s+){0,4}(?:should|must)\b|\brecommend(?:s|ed|ation)?\b|"
    r"\barea for improvement\b|\bAFIs?\b",
    re.I,
)
# The body that recommends may be named ('The Finance and Resources Committee
# recommended that the Board approve ...'): up to five capitalised words before its kind.
_NAMED = r"(?:[A-Z][\w&'’-]*\s+(?:(?:and|&|of|for|the)\s+)?){0,5}"
_RECOMMENDED = re.compile(
    r"^(?:It (?:was|is) (?:further |also )?(?i:recommended) that|RECOMMENDED(?:\s*[:–-])?\s|"
    r"(?:The )?(?:Panel|Committee|Board|Cabinet|Council|Members|Authority|Partnership|Meeting|Group|Forum) "
    r"(?:is|are|was|were) (?:(?:therefore|also|further) )?(?:recommended|advised|asked|invited|requested) to "
    # to decide something, not to declare interests or ask questions
    r"(?:note|approve|agree|endorse|consider|support|adopt|comment|review|accept|ratify|confirm|receive|delegate|"
    r"recommend|authorise|authorize|reject|defer|scrutinise|scrutinize|discuss|determine|appoint|set)\b|"
    # an inspectorate, auditor or report recommending ('HMICFRS recommended that by March 2024 all forces …')
    r"(?:HMICFRS|HMIC|HMI|CQC|Ofsted|(?:[Tt]he )?(?:[Ii]nspectorate|(?:external |internal )?[Aa]uditors?|"
    r"inspection|review|report|audit)) (?:had |has |have )?(?i:recommended|recommends) that\b|"
    # an officer or a report recommending what this meeting should do ('The Treasurer recommended that the Authority …')
    r"(?:The |the )?(?:[A-Z][\w&'’-]*|report|paper|review)(?:\s+(?:[A-Z][\w&'’-]*|of|and|for|the)){0,6} (?:had |has |have )?"
    r"(?i:recommended|recommends) that the (?:Board|Committee|Panel|Authority|Council|Cabinet|Members|meeting|Meeting|"
    r"Partnership|Sub-Committee|Group|Forum|Commissioner|PCC|force|Force|Trust|Governing Body)\b|"
    rf"(?:The |the )?{_NAMED}(?i:Panel|Committee|Board|Cabinet|Council|Sub-Committee|Officers?|Working Group|Group|"
    r"Forum|Authority|Executive|Auditors?) (?:had |has |have )?(?:unanimously |formally |also |further )?"
    r"(?i:recommend(?:ed|s)) (?:that|to)\b)"
)
_LABELLED = re.compile(r"^(?:Recommendations?|RECOMMENDATIONS?|Area for [Ii]mprovement|AFI|Rec\.?)\s*[A-Z]?\d*"
                       r"(?:\s*\([^()]{1,40}\))?\s*[:.–-]\s+(?=\S)")  # 'Recommendation 1 (HMICFRS, 2022): …'
_REPORT = re.compile(r"\b(?:HMICFRS|HMIC|HMI|PEEL|CQC|Ofsted|Inspectorate|[Ii]nspection|[Aa]udit|[Rr]eview|[Rr]eport)\b")


_ORG_SHOULD = re.compile(
    r"^(?:(?:Within|By|In|From)\s[^,.]{2,40}?,?\s+)?(?:(?:All|all)\s+)?(?:[Cc]hief [Cc]onstables|[Pp]olice forces|"
    r"[Ff]orces|PCCs)\s+(?:should|must)\b|"
    r"^(?:(?:Within|By|In|From)\s[^,.]{2,40}?,?\s+)?(?:The|the|All|all)\s+(?:[A-Z][\w&-]*\s+){0,3}"
    r"(?:force|service|constabulary|trust|council|authority|organisation|"
    r"organization|OPCC|police|FRS|board|department|provider|Force|Service|Constabulary|Trust|Council|Authority)\b"
    r"[^.]{0,40}?\b(?:should|must)\b"
)
_INSPECTION = re.compile(r"\b(?:HMICFRS|HMIC|HMI|PEEL|CQC|Ofsted|[Ii]nspection|[Rr]ecommendations?|[Aa]reas? for [Ii]mprovement|AFIs?)\b")


def _inspection_context(ctx: BodyContext, unit: Unit) -> bool:
    """Inside an item about an inspection, or just after a line naming one."""
    if any(_INSPECTION.search(it.title) for it in ctx.ancestors(unit.item)):
        return True
    before = [u for u in ctx.units[max(0, unit.index - 3):unit.index] if u.item is unit.item]
    return any(_INSPECTION.search(u.block.text) for u in before)


def source_of(ctx: BodyContext, unit: Unit) -> str | None:
    """The report a recommendation or question comes from: the nearest item title
    (this item or a parent) that names an inspection or report and its year."""
    chain = ctx.ancestors(unit.item)
    for strict in (True, False):
        for it in chain:
            if _REPORT.search(it.title) and re.search(r"\b(?:19|20)\d\d\b", it.title) and len(it.title.split()) <= 10:
                return it.title
            if not strict and re.search(r"\b(?:19|20)\d\d\b", it.title) and len(it.title.split()) <= 8:
                return it.title
    return None


def is_theme(unit: Unit) -> bool:
    b = unit.block
    return b.kind == "para" and not b.enum and heading_like(b.text) and not is_furniture(b.text) \
        and not _RECOMMENDED.match(b.text) and not _LABELLED.match(b.text) and not _REC_LANG.search(b.text)


def find_recommendations(ctx: BodyContext) -> list[dict]:
    out: list[dict] = []
    theme: str | None = None
    current_item = object()
    last_num: int | None = None
    under_label = None
    for u in ctx.units:
        b = u.block
        if u.item is not current_item:
            current_item, theme, last_num = u.item, None, None
        if is_theme(u):
            theme = b.text
            continue
        if b.enum and b.enum.isdigit():
            n = int(b.enum)
            continues = last_num is not None and n == last_num + 1
            if continues or _REC_LANG.search(b.text):
                out.append(_record(ctx, u, b.enum, b.body, b.end, theme, "inspection_list"))
                last_num = n
                continue
        if under_label is not None and under_label is u.item and (b.enum or b.kind == "bullet"):
            out.append(_record(ctx, u, b.enum, b.body, b.end, theme, "labelled_list"))
            continue  # 'Recommendations:' then '(a) That the Board approves …;' '(b) …'
        under_label = u.item if b.kind == "label" and re.fullmatch(r"(?i)recommendations?\s*:", b.text) else None
        m = _LABELLED.match(ctx.text[b.body:b.end])
        if m:
            out.append(_record(ctx, u, None, b.body + m.end(), b.end, theme, "labelled"))
            continue
        if not b.enum and _ORG_SHOULD.match(b.text) and _inspection_context(ctx, u):
            out.append(_record(ctx, u, None, b.body, b.end, theme, "inspection_should"))
            continue
        for s, e in sentence_spans(ctx.text, b.body, b.end):
            if _RECOMMENDED.match(fold(ctx.text[s:e])):
                out.append(_record(ctx, u, None, s, e, None, "recommended_that"))
    for k, r in enumerate(out, 1):
        r["id"] = f"r{k}"
    return out


def _record(ctx: BodyContext, u: Unit, ref, s: int, e: int, theme, rule: str) -> dict:
    source = source_of(ctx, u) if rule != "recommended_that" else None
    return {
        "id": "", "ref": ref, "text": ctx.quote(s, e), "source": source, "theme": theme,
        "item_ref": u.item.ref if u.item else None, "evidence": ctx.evidence(s, e), "rule": rule,
        "_unit": u.index,
    }
