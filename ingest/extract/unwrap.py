"""Undo the line wrapping of a PDF flattened to text, without moving a character.

A PDF has no long lines: a paragraph, a run-on table row, even an item heading is
broken wherever the right margin falls ("... see below. 2." / "HOLDING TO ACCOUNT 2.1
..."), and its pages are joined with a blank line between running heads and feet
("Page 2 of 19"). The body rules read a line as a unit (a heading, a bullet, a
label), so a wrap in the wrong place hides an item ref from its title or cuts a
finding in two.

:func:`unwrap` returns a *view* of the text in which every line break that is only a
wrap is replaced by a space and page furniture by spaces. The view has the same
length as the text, so every offset found in it is an offset into the original:
rules read the view, evidence quotes the original.

A break is a wrap when the document is wrapped at a right margin (many lines end close
to one width, see :func:`wrap_width`), the line before it is full (the next line's
first word would not have fitted on it; after a full stop, a page break or in a CAPS
heading the test is strict) and the next line does not open a record of its own (a
bullet, an enumerator or item ref, a label, an "Action:" line, a heading that stops
short of the margin, a minute's outcome after a full stop). A heading line is not run
into the sentence under it. A ref left dangling at the end of a line after a sentence
("... see below. 2." / "HOLDING TO ACCOUNT") continues on the next line in any
document: nothing else ends a line that way.

>>> text = "The CC confirmed the plan was in place and would be\\nreviewed next year. See below. 2.\\nHOLDING TO ACCOUNT"
>>> unwrap(text, width=52).split("\\n")
['The CC confirmed the plan was in place and would be reviewed next year. See below. 2. HOLDING TO ACCOUNT']
>>> len(unwrap(text, width=52)) == len(text)
True
"""

from __future__ import annotations

import re

from .body_item_refs import line_start_ref
from .body_lexicon import fold, heading_like, is_caps, is_table_row, starts_with_month

# A break after a full line that ends a sentence is a wrap only if the line is
# (almost) as long as the widest; mid-sentence, a line well past most of the width is
# enough (proportional fonts fit more or fewer characters on a line).
_SLACK_AFTER_STOP = 0.03
_SLACK_MID_SENTENCE = 0.15
_DETECT = -1  # unwrap(): find the wrap width

_ENDS_SENTENCE = re.compile(r"[.?!:;]['’”\")*]*$")
_BULLET_START = re.compile(r"^(?:[-–—•·●○▪■◦*►➢✓➤»]|[\ue000-\uf8ff])(?:\s|(?=[A-Z]))")
# Enumerators ('3.', '2.1', 'b)', '(iv)', 'Q3'); item refs are asked of the item rules
_ENUM_START = re.compile(
    r"^(?:\(?(?:\d{1,3}(?:\.\d{1,3}){0,3}|[a-h]|[ivx]{1,4})(?:[.)]|(?=\s+[A-Z*|(‘'\"])|$)|Q\d{1,2}\b|Question\s+\d)"
)
_LABEL_START = re.compile(r"^(?:\*\*)?[A-Z][A-Za-z/&' ]{1,40}?(?:\*\*)?\s*(?::|[–—]\s)")
_OPENS_RECORD = re.compile(
    r"^(?:ACTIONS?|Actions?|DECISIONS?|Decisions?|RESOLVED|Resolved|AGREED|RECOMMENDED|Updates?|Findings?|"
    r"Response|Owner|Status)\b\s*(?:[:–—-]|[A-Z]{0,5}\d|\([A-Z]{2,5}|(?:BY|[Bb]y|POINT|[Pp]oint|NO|No)\b|$)"
)
_OUTCOME = re.compile(
    r"^(?:RESOLVED|AGREED|DECIDED|RECOMMENDED|It was (?:RESOLVED|AGREED|resolved|agreed|decided)|"
    r"(?:The |the )?(?:[A-Z][\w&'’-]*\s+){1,4}(?:unanimously\s+)?(?:RESOLVED|AGREED|resolved|agreed|decided|approved|"
    r"APPROVED|NOTED|noted)\b)"
)
_REF_LEAD = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3}){0,3}[.)]?\s+")
_OPEN_END = re.compile(r"(?:\b(?:and|or|of|for|the|a|an|to|in|on|at|by|with|from)|[,&/–—-])$", re.I)
# Running heads and feet of a PDF page: never part of the minutes' sentences.
_PAGE_FURNITURE = re.compile(
    r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s+of\s+\d+|[-–]\s*\d+\s*[-–]|official(?:\s*[-–]\s*sensitive)?|"
    r"not protectively marked|restricted|protect|(?:private and )?confidential)$",
    re.I,
)
# A ref left at the end of a line after a sentence: '... see below. 2.' or '... meeting: 2.1.1.'
# (after a colon only a ref with its full stop: 'Time: 10.30' is a value, not a ref)
_DANGLING_REF = re.compile(
    r"(?<=\S)(?:(?:[.?!]['’”)]?|\*\*)[ \t]+(?:\d{1,2}(?:\.\d{1,2}){0,3}\.|\d{1,2}(?:\.\d{1,2}){1,3})"
    r"|:[ \t]+\d{1,2}(?:\.\d{1,2}){0,3}\.)$"
)


def _content_lines(text: str) -> list[str]:
    lines = []
    for line in text.split("\n"):
        line = line.rstrip()
        if line.strip() and "\t" not in line and not is_table_row(line):
            lines.append(line)
    return lines


def wrap_width(text: str) -> int | None:
    """The right margin a wrapped document's lines break at, in characters, or None
    when the lines do not crowd against one width (typed text, web pages, Word)."""
    lengths = sorted((len(line) for line in _content_lines(text)), reverse=True)
    if len(lengths) < 8:
        return None
    width = lengths[len(lengths) // 50]  # ignore a stray over-long line or two
    if width < 40 or width > 200:
        return None
    near = sum(1 for n in lengths if n >= 0.85 * width)
    long = sum(1 for n in lengths if n >= 0.5 * width)
    return width if near >= 5 and near >= 0.4 * long else None


def _opens_record(line: str) -> bool:
    t = line.strip()
    if _BULLET_START.match(t) or _OPENS_RECORD.match(t) or _LABEL_START.match(t):
        return True
    # an item ref as the item rules read one ('23/41 Welcome', 'Ref 02/17', '3 AOB', 'a) Budget');
    # '2017/18 had ...' or '12 point action plan' go on with a sentence
    hit = line_start_ref(t, 0, len(t))
    m = _ENUM_START.match(t)
    rest = t[hit[1]:] if hit else t[m.end():].lstrip(" \t|:–-") if m else None
    if rest is None or re.match(r"(?:19|20)\d\d\b", t) or starts_with_month(rest):
        return False
    return not rest or not rest[0].islower()


def _full(line: str, nxt: str | None, width: int, slack: float) -> bool:
    """Would the first word of ``nxt`` have overflowed ``line``? (No next line: no.)"""
    words = (nxt or "").split()
    return bool(words) and len(line.rstrip()) + 1 + len(words[0]) > width * (1 - slack)


def _is_wrap(line: str, nxt: str, width: int | None, page_break: bool = False, in_bullet: bool = False,
             after: str | None = None) -> bool:
    """Is the break between ``line`` and the next line ``nxt`` only a wrap? With
    ``page_break`` blank lines or page furniture lie between them (a PDF joins its
    pages with a blank line), so the line must be full by the strict measure;
    ``in_bullet``: the paragraph opened with a bullet; ``after``: the line after ``nxt``."""
    cur, following = line.rstrip(), nxt.strip()
    if page_break and width is None:
        return False
    if not cur.strip() or not following or "\t" in cur or "\t" in nxt or is_table_row(cur) or is_table_row(nxt):
        return False
    dangling = _DANGLING_REF.search(cur)
    if dangling and (following[0].isupper() or following.startswith("**")) and not _opens_record(following):
        return True
    if width is None:
        return False
    stop = _ENDS_SENTENCE.search(cur) is not None
    if stop and cur.endswith(":") and not following[0].islower():
        return False  # '... subject to the following:' and the list it opens
    if stop and not in_bullet and _OUTCOME.match(following):
        return False  # a minute's outcome ('The Committee AGREED ...') is a paragraph of its own
    first_word = following.split()[0]
    slack = _SLACK_AFTER_STOP if stop or page_break else _SLACK_MID_SENTENCE
    if not _full(cur, following, width, slack):
        return False  # the next word would have fitted: the line ended where its writer ended it
    if stop and len(cur) > 1.1 * width:
        return False  # longer than the margin allows: not a line the margin broke
    head = _REF_LEAD.sub("", cur.strip())
    if is_caps(head) and not stop:
        # a CAPS heading goes on in CAPS ('3 OPERATIONAL AND REPUTATIONAL OPPORTUNITIES' /
        # 'AND RISKS'); the minute under it is not in CAPS
        return is_caps(following) and not _BULLET_START.match(following) and not _ENUM_START.match(following)
    if _opens_record(following):
        return False
    if stop and heading_like(fold(following)) and (
        len(following) < 0.6 * width or not _full(following, after, width, _SLACK_AFTER_STOP)
        or (len(following) < 0.9 * width and not _ENDS_SENTENCE.search(following))
    ):
        return False  # a heading after a full stop starts a new section (it stops short of the margin)
    if heading_like(fold(head)) and first_word[0].isupper() and not _OPEN_END.search(cur):
        return False  # a heading line ('Agenda item 6: Operational ... risks') and a sentence under it
    return True


def unwrap(text: str, width: int | None = _DETECT) -> str:
    """``text`` with the line breaks that are only wraps turned into spaces (same length).

    ``width`` is the wrap margin; by default it is detected with :func:`wrap_width`
    (None: the text is not margin-wrapped, only dangling refs are joined).
    Page furniture ("Page 2 of 19", "OFFICIAL") is blanked out of the view, and a
    sentence that runs on over a page break (blank line, furniture) is joined up.
    """
    if width == _DETECT:
        width = wrap_width(text)
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out = list(text)
    gap = [not line.strip() or _PAGE_FURNITURE.match(line.strip()) is not None for line in lines]
    for k, line in enumerate(lines):
        if line.strip() and gap[k]:
            out[starts[k]:starts[k] + len(line)] = " " * len(line)
    bullet = False  # the paragraph the line belongs to opened with a bullet
    for k, line in enumerate(lines[:-1]):
        if gap[k]:
            continue
        if k == 0 or out[starts[k] - 1] != " ":
            bullet = _BULLET_START.match(line.strip()) is not None
        j = k + 1
        while j < len(lines) and gap[j] and j - k <= 6:
            j += 1
        if j >= len(lines) or gap[j]:
            continue
        after = next((lines[n] for n in range(j + 1, min(j + 7, len(lines))) if not gap[n]), None)
        if _is_wrap(line, lines[j], width, page_break=j > k + 1, in_bullet=bullet, after=after):
            for n in range(k, j):
                out[starts[n] + len(lines[n])] = " "
    return "".join(out)
