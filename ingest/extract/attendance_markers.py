"""Markers inside and beside an attendee's capacity (ANNOTATION.md "Role", "chair",
"minute_taker"): what they say and whether they leave the role.

- the chair: "(Chair)", "(in the Chair)", "(Vice-Chair, in the Chair)", "… in the Chair";
- the minute taker: "(minutes)", "(for the minutes)" and "… (Town Clerk) – minutes" leave the
  role; "minutes" written within the capacity ("(Committee Services – minutes)", "PA to … –
  Minute Taker") stays in it;
- attendance qualifiers ("(part)", "(item TB23/061 only)", "(deputising for P Venn)",
  "– for item 5") leave it; a named substitution ("(substitute for Councillor X)") is the
  capacity in which the person sits (the d04 precedent) and stays;
- apology reasons ("(work commitments)", "(unwell)", "– illness") are no capacity at all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .names import is_abbreviation, name_initials_match

CHAIR = r"(?:(?:co-?)?chair(?:man|woman|person)?|conven[eo]r)"  # Scottish bodies: the Convener chairs
MINUTES = re.compile(r"(?i)^(?:for\s+the\s+)?(?:minutes?|notes?)$|minute[- ]?tak(?:er|ing)|note[- ]?tak(?:er|ing)|notetaker|"
                     r"\b(?:taking|took|takes)\s+(?:the\s+)?(?:minutes|notes)\b")  # '(Parish Clerk, taking the minutes)'
# a bracket that only marks the minute taker: "(minutes)", "(for the minutes)", "(Note Taker)"
MINUTES_MARK = re.compile(r"(?i)(?:for\s+the\s+|taking\s+(?:the\s+)?)?(?:minutes?|notes?|minute[- ]?taker|"
                          r"note[- ]?taker|notetaker|minute[- ]?secretary)")
# the marker as the whole capacity ("Jane Doe – notes"), or ending it ("… (Town Clerk) – minutes")
MINUTES_ONLY = re.compile(r"(?i)^[\s,;:–—\-|]*(?:for\s+the\s+)?(?:minutes?|notes?)\.?\s*$")
MINUTES_TAIL = re.compile(r"(?i)(?<=[\w)])\s*[–—\-,;/]\s*(?:for\s+the\s+|taking\s+(?:the\s+)?)?(?:minutes?|notes?)\.?\s*$")
# when, how or for whom someone attended: not their capacity ("(item TB23/061 only)",
# "(deputising for P Venn)", "(part)"); a named substitution ("substitute for Cllr X") is
# their capacity at this meeting and stays (ANNOTATION.md, d04)
QUALIFIER = re.compile(
    r"(?i)^(?:part(?: of (?:the )?meeting)?|for (?:agenda )?items?\b.*|(?:agenda )?items?\b.*|(?:from|to) item.*|"
    r"until\b.*|left\b.*|arrived\b.*|joined\b.*|virtual(?:ly)?|via\b.*|online|remote(?:ly)?|by (?:tele)?phone|"
    r"in person|attending virtually|present for\b.*|\d[\d.\s,&-]*|to minute\b.*|minutes? \d.*|"
    r"deputi[sz]ing\b.*|(?:as )?deputy for\b.*|on behalf of\b.*|in place of\b.*|"
    r"substitut\w*(?! for [A-Z]| for (?:cllr|councillor|mr|mrs|ms|dr)\b)\b.*|sub|"
    r"(?:apolog(?:y|ies) )?(?:accepted|approved|noted|received|sent|given|not accepted))$"  # an apology's status
)
# "… in the Chair", "(Vice-Chair, in the Chair)"
IN_CHAIR = re.compile(r"(?i)[\s,;–—-]*\bin\s+the\s+chair\b(?:\s*(?:for|during)\s+(?:this\s+)?items?\b[^()]*)?")
# a qualifier after the capacity: "(Head of Finance) – for item 5"
TRAILING_QUALIFIER = re.compile(
    r"(?i)\s*[–—\-,;]\s*(?:for\s+(?:agenda\s+)?items?\b.*|(?:agenda\s+)?items?\s+\d.*|part(?:\s+of\s+(?:the\s+)?meeting)?|"
    r"until\s+.*|from\s+(?:item|minute)\b.*|left\s+at\b.*|arrived\s+at\b.*|joined\s+at\b.*|virtual(?:ly)?|"
    r"remote(?:ly)?|via\s+\w+(?:\s+\w+)?|by\s+(?:video|phone|telephone)\b.*)$")
# nouns of a post: a bracket with one is a capacity, not an apology's reason
POST_NOUN = re.compile(r"\b(?:officer|director|member|chair\w*|manager|secretary|clerk|councillor|substitute|"
                       r"representative|lead|head|governor|trustee|adviser|advisor)s?\b")
# why someone sent apologies ("(work commitments)", "(unwell)"): not a capacity either
REASON = re.compile(
    r"(?i)\b(?:ill|illness|unwell|sick|sickness|holiday|leave|work|commitments?|engagements?|clash|personal|"
    r"family|bereavement|medical|appointment|training|travel(?:ling)?|maternity|paternity|isolating|covid|"
    r"other business|prior|unavailable|unable|abroad|away|hospital|operation|funeral|jury)\b")


@lru_cache(maxsize=16384)  # pure; the same brackets recur across entries
def bracket_kind(inner: str, name: str) -> str:
    """What a bracket after ``name`` holds: chair, minutes, observer, qualifier (dropped), initials,
    abbr (a role abbreviation) or keep (capacity text)."""
    low = inner.lower()
    if re.fullmatch(rf"(?:in\s+the\s+)?{CHAIR}", low):
        return "chair"
    if MINUTES_MARK.fullmatch(inner):
        return "minutes"
    if low == "observer" or low == "observers":
        return "observer"
    if QUALIFIER.match(inner):
        return "qualifier"
    if low[:1].islower() and REASON.search(low) and not POST_NOUN.search(low):
        return "qualifier"  # an apology's reason
    if name_initials_match(inner, name):
        return "initials"
    if is_abbreviation(inner):
        return "abbr"
    return "keep"


def trailing_reason(role: str) -> re.Match | None:
    """"… – illness", "…, due to work commitments": an apology's reason after the capacity."""
    m = re.search(r"\s*[–—\-,;]\s*(?P<r>[a-z][^–—\-,;()]*)$", role)
    if m and REASON.search(m.group("r")) and not POST_NOUN.search(m.group("r")):
        return m
    return None
