"""One attendance entry ("Name (INITIALS) – Role", "Name, Role (ABBR)", "Mr Name Role")
parsed into name, role and markers, with offsets into the document text.

Markers are taken out of the role as ANNOTATION.md asks: the chair marker ("Chair –",
"(Chair)", "- Chair") sets ``chair``, "(minutes)" sets ``minutes``, "(Observer)" sets
``observer``, bracketed initials and role abbreviations ("(JC)", "(DPCC)") leave the
role (the abbreviation goes to ``role_abbr``), and attendance qualifiers ("(for item
3.1)", "(part)") are dropped. When a bracket is the only capacity ("(VC)",
"(Secretary)", "(Chair)") it is the role. attendance_markers says which marker is which.

Posts are also printed before the name ("Chief Fire Officer S. Mulvaney", "Chief
Constable – John Smith", "Independent Member Mr Joseph Ambrose", "Chief Executive
(Martin Gale)"); the post is then the role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from .attendance_markers import (
    CHAIR,
    IN_CHAIR,
    MINUTES,
    MINUTES_ONLY,
    MINUTES_TAIL,
    TRAILING_QUALIFIER,
    bracket_kind,
    trailing_reason,
)
from .evidence import fold
from .names import (
    HONORIFICS,
    NOT_NAME_WORDS,
    PARTICLES,
    POSTNOMINALS,
    TITLES,
    _camel_split,
    is_abbreviation,
    is_initials,
    is_name_word,
    is_role_word,
    strip_honorifics,
    word_key,
)

SEPARATORS = {"–", "—", "-", ":", "|", "/", "−", "--"}
_COUNCIL_LEVELS = {"county", "district", "borough", "city", "town", "parish", "unitary", "ward"}
_BULLET = re.compile(r"[\s•·▪◦●○■□\*>\u2022\uf0b7]*")
_SENTENCE_VERB = re.compile(
    r"\b(?:was|were|is|are|has|had|have|will|would|could|should|said|noted|asked|welcomed|confirmed|"
    r"declared|reported|agreed|stated|advised|explained|provided|thanked|replacing|replaced|presented|"
    r"introduced|gave|received|raised|joined|left|attended|sent|took)\b"
)


@dataclass
class Entry:
    start: int
    end: int
    name: str
    role: str | None = None
    role_abbr: str | None = None
    organisation: str | None = None
    chair: bool = False
    minutes: bool = False
    observer: bool = False
    titled: bool = False  # had an honorific, title or initials: surely a person
    bare_tokens: int = 0  # name words without titles (a 3-word bare "name" may be a wrapped role)
    name_end: int = 0
    attendance: str | None = None  # set when the entry itself says (a status column)


# one part of a word: a bracket with what it holds ("(JC)", or "(Chief" when the bracket
# closes further on), a run without brackets, or a lone closing bracket. Searched over a
# whole span this gives the parts of every whitespace-separated word in order.
_TOKEN_PART = re.compile(r"\([^()\s]*\)?|[^()\s]+|\)")


def _iter_tokens(text: str, start: int, end: int) -> Iterator[tuple[str, int, int]]:
    """Words with offsets; brackets split off, run-together words split ("MilesGrant")."""
    for m in _TOKEN_PART.finditer(text, start, end):
        part = m.group()
        # "Campion(JC)" / "(JC)Chair": brackets are tokens of their own
        pieces = _camel_split(part) if part[0] != "(" else None
        if pieces is None or len(pieces) == 1:
            yield part, m.start(), m.end()
            continue
        off = m.start()
        for k, p in enumerate(pieces):
            # a lost space between name and role: the second piece starts the role
            yield ("\x00" + p if k else p), off, off + len(p)
            off += len(p)


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return list(_iter_tokens(text, start, end))


_PREFIX = 8  # tokens read first: most lines are told apart from an attendee within them


class _NeedAll(Exception):
    """The first tokens of a span did not settle :func:`parse_entry`; read them all."""


def parse_entry(text: str, start: int, end: int, *, allow_single: bool = False) -> Entry | None:
    """Parse ``text[start:end]`` as one attendee, or None if it is not one.

    >>> e = parse_entry(s := "Anthony Bangham Chief Constable (CC)", 0, len(s))
    >>> e.name, e.role, e.role_abbr
    ('Anthony Bangham', 'Chief Constable', 'CC')
    >>> e = parse_entry(s := "John Campion (JC) Chair – Police and Crime Commissioner", 0, len(s))
    >>> e.name, e.role, e.chair
    ('John Campion', 'Police and Crime Commissioner', True)
    >>> parse_entry(s := "Sean Brown welcomed everyone to the meeting", 0, len(s)) is None
    True
    """
    lead = _BULLET.match(text, start, end)
    s = lead.end() if lead else start
    org = _ORG_DASH.match(text, s, end)
    posted = _org_then_post(text, org, end) if org else None
    if posted is not None:
        return posted
    # Long lines of prose are rejected within their first words: parse those first, and
    # tokenise the whole span only when they do not settle it.
    tokens = _iter_tokens(text, s, end)
    first = list(islice(tokens, _PREFIX + 1))
    if len(first) <= _PREFIX:
        return _parse(text, end, first, True, allow_single)
    try:
        return _parse(text, end, first[:_PREFIX], False, allow_single)
    except _NeedAll:
        return _parse(text, end, first + list(tokens), True, allow_single)


# "MPS – Assistant Commissioner Jane Doe": the organisation's initials, a dash, then post and name
_ORG_DASH = re.compile(r"(?P<org>[A-Z][A-Z&/]{1,7})[ \t]+[–—-][ \t]+(?=[A-Z])")


def _org_then_post(text: str, org: re.Match, end: int) -> Entry | None:
    """The entry after "ORG – " when it is a post followed by a name; the role is printed with its
    organisation ("MPS – Assistant Commissioner"), like "ACC – Local Policing" after a name."""
    entry = parse_entry(text, org.end(), end)
    if entry is None or not entry.role or fold(text[org.end():end]).startswith(entry.name):
        return None  # not post-then-name ("ICO – Jane Doe, Head of Policy" is left alone)
    entry.role = fold(text[org.start():org.end()]) + " " + entry.role
    entry.organisation = entry.organisation or org.group("org")
    entry.start = org.start()
    return entry


def _parse(text: str, end: int, toks: list[tuple[str, int, int]], complete: bool, allow_single: bool) -> Entry | None:
    """parse_entry on ``toks``: all the tokens when ``complete``, else only the first ones
    (raises _NeedAll where those do not decide)."""
    if not toks:
        return None
    if word_key(toks[0][0]) == "the":
        if complete:
            return _the_role(text, toks, end)
        for tok, _, _ in toks[1:]:  # _the_role's first test, on the tokens read so far
            if tok.startswith("("):
                break
            if not tok[:1].isupper():
                return None
        raise _NeedAll
    tab = text.find("\t", toks[0][1], end)  # a table cell boundary ends the name
    tab = end if tab < 0 else tab
    # with only the first tokens read, each step below looks at most three tokens ahead;
    # while those are read, every "i < n" test comes out as with all tokens
    i, n = 0, len(toks) if complete else len(toks) + 1_000_000
    honorific = titled = False
    name_start = None
    role_prefix = None
    level = None
    while i < n:
        if not complete and i + 3 >= len(toks):
            raise _NeedAll
        k = word_key(toks[i][0])
        nxt = toks[i + 1][0] if i + 1 < n else ""
        if k in HONORIFICS and toks[i][0][0].isupper() and nxt and not nxt.startswith("("):
            honorific, i = True, i + 1
        elif k in _COUNCIL_LEVELS and word_key(nxt) in HONORIFICS and toks[i][0][:1].isupper():
            level = (toks[i][1], toks[i + 1][2])  # "District Cllr J. Doe": a councillor of another council
            i += 1
        elif k in TITLES and toks[i][0][0].isupper() and nxt and (is_name_word(nxt) or is_initials(nxt)
                                                                  or word_key(nxt) in TITLES):
            titled = True
            name_start = toks[i][1] if name_start is None else name_start
            i += 1
        else:
            break
    # "PFCC Stephen Mold": an office abbreviation printed before the name
    if not complete and i + 3 >= len(toks):
        raise _NeedAll
    if i + 2 < n + 1 and not honorific and name_start is None and i + 2 <= n - 0:
        t = toks[i][0].rstrip(",:")
        if len(t) >= 2 and re.fullmatch(r"[A-Z/]{2,7}", t) and i + 2 < n + 1 and i + 2 <= n - 1 + 1:
            if i + 2 < n and is_name_word(toks[i + 1][0]) and is_name_word(toks[i + 2][0].rstrip(",:")) \
                    and not toks[i + 1][0].endswith(","):
                role_prefix, i = t, i + 1
    name_toks: list[int] = []
    stop = "end"
    while i < n:
        if not complete and i + 3 >= len(toks):
            raise _NeedAll
        tok = toks[i][0]
        if tok.startswith("\x00") or toks[i][1] > tab:
            stop = "sep"
            break
        clean = tok.rstrip(",;:.") if not re.fullmatch(r"(?:[A-Z]\.)+", tok) else tok
        nxt = toks[i + 1][0] if i + 1 < n else ""
        if tok.startswith("(") or tok in SEPARATORS:
            stop = "sep"
            break
        if len(name_toks) >= 4:
            stop = "role"
            break
        if is_initials(clean) and not name_toks[1:] and (is_name_word(nxt.rstrip(",;:")) or is_initials(nxt)) \
                and word_key(clean) not in POSTNOMINALS | {"gp", "nhs"}:
            pass
        elif is_name_word(clean):
            pass
        elif word_key(clean) in PARTICLES and name_toks and is_name_word(nxt.rstrip(",;:")):
            pass
        elif name_toks and clean.isupper() and word_key(clean) in POSTNOMINALS:
            stop = "post"
            break
        else:
            if is_role_word(tok) or (tok[:1].isupper() and word_key(tok) not in NOT_NAME_WORDS):
                stop = "role"
            else:
                stop = "lower" if tok[:1].islower() else "word"
            break
        if name_start is None:
            name_start = toks[i][1]
        name_toks.append(i)
        i += 1
        if tok[-1] in ",;:" and tok != clean + "." :
            stop = "sep"
            break
    if not name_toks:
        if honorific or name_start is not None:
            return None
        if not complete:
            if not is_role_word(toks[0][0]) or not toks[0][0][:1].isupper():
                return None  # _role_first's first test
            raise _NeedAll
        return _role_first(text, toks, end)
    n_words = len([j for j in name_toks if not is_initials(toks[j][0].rstrip(",;:"))])
    if stop == "word" or stop == "lower" and n_words < 3:
        return None  # "Welcome and introductions", "Sean Brown welcomed …": not an attendee
    if not complete:
        raise _NeedAll
    stop = "role" if stop == "lower" else stop
    # Without a separator ("Elizabeth Houchin Freedom to Speak Up Guardian", "W Kearns Preston
    # City Council") a name is its initials and one word, or two words.
    if stop == "role":
        keep, bare_seen = 0, 0
        limit = 1 if is_initials(toks[name_toks[0]][0].rstrip(",;:")) else 2
        for j in name_toks:
            t = toks[j][0].rstrip(",;:")
            if is_initials(t) or word_key(t) in PARTICLES:
                keep += 1
                continue
            if bare_seen >= limit:
                break
            bare_seen += 1
            keep += 1
        if keep < len(name_toks):
            i = name_toks[keep]
            name_toks = name_toks[:keep]
    # post-nominals kept with the name ("Terry Moran CB", "Fiona Hyslop MSP")
    name_end = toks[name_toks[-1]][2]
    while i < n and toks[i][0].rstrip(",:").isupper() and word_key(toks[i][0]) in POSTNOMINALS and \
            not toks[i][0].startswith("(") and \
            (i + 1 >= n or not is_name_word(toks[i + 1][0])):
        name_end = toks[i][2]
        i += 1
    name = fold(strip_honorifics(text[name_start:name_end].rstrip(",;:")))
    if name.endswith(".") and len(name.split()[-1]) > 2:
        name = name[:-1]  # the sentence's full stop, not an initial's
    n_bare = len([j for j in name_toks if not is_initials(toks[j][0].rstrip(",;:"))
                  and word_key(toks[j][0]) not in PARTICLES])
    single_ok = allow_single or honorific or titled or re.fullmatch(r"[A-Z]{1,3}[A-Z][a-z]+", name)
    if len(name_toks) < 2 and not single_ok or n_bare < 1:
        return None
    entry = Entry(start=toks[0][1], end=toks[-1][2], name=name, titled=honorific or titled or n_bare < len(name_toks),
                  bare_tokens=n_bare, name_end=name_end)
    rest_start = toks[i][1] if i < n else end
    if not _role(entry, text, rest_start, end, role_prefix):
        return None
    if level and not entry.role:
        entry.role = fold(text[level[0]:level[1]])  # the capacity they attend in ("County Cllr")
    return entry


def _role_first(text: str, toks: list[tuple[str, int, int]], end: int) -> Entry | None:
    """Post, then name: "Chief Fire Officer M Evans", "Treasurer N Ford", "Chief Constable – John Smith",
    "Independent Member Mr Joseph Ambrose", "Internal Audit Manager (SWAP) T. Ridgeway",
    "Chief Executive (Martin Gale)"."""
    if not is_role_word(toks[0][0]) or not toks[0][0][:1].isupper():
        return None
    sep = next((j for j, (t, _, _) in enumerate(toks) if t in SEPARATORS or t.endswith(":")), None)
    if sep is not None and 0 < sep < len(toks) - 1:
        right = toks[sep + 1][1]
        entry = parse_entry(text, right, end)
        left = toks[sep - 1][2] if toks[sep][0] in SEPARATORS else toks[sep][2] - 1  # without the ":"
        if entry is not None and _no_capacity(entry, text) and any(is_role_word(t) for t, _, _ in toks[:sep + 1]):
            return _with_post(entry, fold(text[toks[0][1]:left]), toks[0][1])
    named = _bracketed_name(text, toks, end)
    if named is not None:
        return named
    # an honorific or title inside the line starts the name ("Independent Member Mr Joseph Ambrose")
    for j in range(1, min(len(toks) - 1, 7)):
        k = word_key(toks[j][0])
        if (k in HONORIFICS or k in TITLES) and toks[j][0][:1].isupper() and not toks[j][0].startswith("("):
            head = [t for t, _, _ in toks[:j]]
            if not all(_post_word(t) for t in head) or not any(is_role_word(t) for t in head):
                break
            entry = parse_entry(text, toks[j][1], end)
            if entry is not None and _no_capacity(entry, text):
                return _with_post(entry, fold(text[toks[0][1]:toks[j - 1][2]]).rstrip(",;:"), toks[0][1])
            break
    last = next((j for j, (t, _, _) in enumerate(toks) if t.startswith("(") and not _post_bracket(toks, j)), len(toks))
    comma = _post_name_comma(text, toks, end)
    if comma is not None:
        return comma
    for k in range(1, last - 1):
        # the post is toks[:k]: every word of it must read as a post; the words before the
        # last one were checked on the previous turns, so only the newest is checked here
        t = toks[k - 1][0]
        if not (_post_word(t) or t.startswith("(")) or word_key(t) in _NOT_IN_POST and not is_role_word(t):
            return None  # ("Head of Risk and Assurance Jane Doe": 'risk' is a post's word here)
        if last - k > 4:
            continue  # the name after the post is at most four words
        tail = [t.rstrip(".,;:") for t, _, _ in toks[k:last]]
        names = [t for t in tail if not is_initials(t)]
        if 1 <= len(names) <= 2 and len(tail) <= 4 and all(is_name_word(t) or is_initials(t) for t in tail) \
                and (len(tail) >= 2) and is_name_word(tail[-1]) and not is_role_word(tail[0]) \
                and not toks[k - 1][0].endswith(",") and word_key(toks[k - 1][0]) not in ("of", "for", "and", "the", "to"):
            name = fold(text[toks[k][1]:toks[last - 1][2]].rstrip(".,;:"))
            entry = Entry(start=toks[0][1], end=toks[-1][2], name=name, titled=True,
                          bare_tokens=len(names), name_end=toks[last - 1][2])
            post = fold(text[toks[0][1]:toks[k - 1][2]])
            if _marker_bracket(entry, text[toks[last - 1][2]:end]):
                entry.role = post  # "Mayor Jo Bloggs (In the Chair)", "Inspector X (case presenter, item 3)"
                return entry
            _role(entry, text, toks[last - 1][2], end, None)
            post = fold(text[toks[0][1]:toks[k - 1][2]])
            extra = entry.role if entry.role and "(" not in text[toks[last - 1][2]:end] else None
            entry.role = f"{post} ({entry.role})" if entry.role and not extra and not entry.minutes else post
            return entry
    return None


def _marker_bracket(entry: Entry, rest: str) -> bool:
    """A single bracket after the name that only marks the chair, the minute taker or when the
    person attended ("(In the Chair)", "(minutes)", "(case presenter, item 3)"): not a capacity."""
    br = re.fullmatch(r"\s*\((?P<inner>[^()]*)\)\s*\.?\s*", rest)
    if not br:
        return False
    parts = [p.strip() for p in re.split(r"[,;]", br.group("inner")) if p.strip()]
    kinds = {bracket_kind(p, entry.name) for p in parts}
    if not kinds or not (kinds <= {"chair", "minutes", "qualifier", "observer"} or "qualifier" in kinds):
        return False
    entry.chair = entry.chair or "chair" in kinds
    entry.minutes = entry.minutes or "minutes" in kinds
    entry.observer = entry.observer or "observer" in kinds
    return True


def _post_name_comma(text: str, toks: list[tuple[str, int, int]], end: int) -> Entry | None:
    """"Ch Supt Jane Doe, Head of Public Protection": a rank before the name, the post after a
    comma; the post is the role (the rank is the role when nothing follows)."""
    j = next((j for j, (t, _, _) in enumerate(toks) if t.endswith(",")), None)
    if j is None or j < 2 or j == len(toks) - 1:
        return None
    for k in range(1, j):
        head, tail = toks[:k], [t.rstrip(",") for t, _, _ in toks[k:j + 1]]
        if not all(is_role_word(t) and t[:1].isupper() for t, _, _ in head):
            return None
        if 1 <= len(tail) <= 3 and all(is_name_word(t) or is_initials(t) for t in tail) and is_name_word(tail[-1]):
            entry = Entry(start=toks[0][1], end=toks[-1][2], name=fold(text[toks[k][1]:toks[j][2]].rstrip(",")),
                          titled=True, bare_tokens=len([t for t in tail if not is_initials(t)]), name_end=toks[j][2] - 1)
            if not _role(entry, text, toks[j][2], end, None) or not entry.role:
                entry.role = fold(text[toks[0][1]:toks[k - 1][2]])
            return entry
    return None


# words that end a post read before a name ("Chief Executive Jane Doe"): heading and sentence words
_NOT_IN_POST = NOT_NAME_WORDS - {"and", "of", "for", "the", "to"}


def _post_word(tok: str) -> bool:
    return is_role_word(tok) or tok[:1].isupper() or tok in ("of", "and", "for", "the", "&", "to")


def _post_bracket(toks: list[tuple[str, int, int]], j: int) -> bool:
    """"(SWAP)" inside "Internal Audit Manager (SWAP) T. Ridgeway": a bracket in the post, a name after it."""
    if j + 1 >= len(toks):
        return False
    after = toks[j + 1][0].rstrip(".,;:")
    return j > 0 and is_role_word(toks[j - 1][0]) and (is_initials(after) or is_name_word(after)) \
        and not after.startswith("(")


def _no_capacity(entry: Entry, text: str) -> bool:
    """No role beside the name, or only a bracketed chair marker or a minutes marker
    ("… – Name (BK) (Chair)", "… (HG) – notes"); a bare "… Locality Chair" is a post."""
    after = text[entry.name_end:entry.end]
    return entry.role is None or (entry.chair and bool(re.fullmatch(CHAIR, entry.role, re.I))
                                  and bool(re.search(rf"(?i)\(\s*{CHAIR}\s*\)", after))) or \
        (entry.minutes and bool(MINUTES_ONLY.match(entry.role)))


def _with_post(entry: Entry, post: str, start: int) -> Entry:
    entry.start = start
    entry.role = re.sub(r"\s*\(([A-Za-z/&]{2,8})\)$", "", post) or None
    abbr = re.search(r"\(([A-Za-z/&]{2,8})\)$", post)
    entry.role_abbr = entry.role_abbr or (abbr.group(1) if abbr else None)
    # "Chair – Jane Doe", "Independent Chair – Jane Doe" (the board's chair is appointed independently)
    entry.chair = entry.chair or bool(re.fullmatch(rf"(?:independent\s+)?{CHAIR}", post, re.I))
    entry.minutes = entry.minutes or bool(MINUTES.search(post))  # "Note-taker – Jane Doe"
    return entry


def _bracketed_name(text: str, toks: list[tuple[str, int, int]], end: int) -> Entry | None:
    """"Chief Executive (Martin Gale)": the post, with the person's name in brackets."""
    j = next((j for j, (t, _, _) in enumerate(toks) if t.startswith("(")), None)
    if not j or not all(_post_word(t) for t, _, _ in toks[:j]) or not any(is_role_word(t) for t, _, _ in toks[:j]):
        return None
    close = text.find(")", toks[j][1], end)
    if close < 0 or text[close + 1:end].strip(" ,;.") :
        return None
    inner = parse_entry(text, toks[j][1] + 1, close, allow_single=False)
    if inner is None or inner.role is not None or inner.bare_tokens < 1 or len(inner.name.split()) > 4:
        return None
    if is_abbreviation(inner.name) or any(is_role_word(w) for w in inner.name.split()):
        return None
    inner.end = inner.name_end = close + 1
    return _with_post(inner, fold(text[toks[0][1]:toks[j - 1][2]]), toks[0][1])


def _the_role(text: str, toks: list[tuple[str, int, int]], end: int) -> Entry | None:
    """"The Permanent Secretary (Chair)": a post standing in for a name."""
    words = []
    for tok, s, e in toks[1:]:
        if tok.startswith("("):
            break
        if not tok[:1].isupper():
            return None
        words.append((s, e))
    if not words or not any(is_role_word(text[s:e]) for s, e in words) or len(words) > 5:
        return None
    name = fold(text[words[0][0]:words[-1][1]].rstrip(",;:"))
    entry = Entry(start=toks[0][1], end=toks[-1][2], name=name, titled=True, bare_tokens=len(words),
                  name_end=words[-1][1])
    _role(entry, text, words[-1][1], end, None)
    entry.role = name  # the post is both the name and the capacity
    return entry


def _role(entry: Entry, text: str, start: int, end: int, prefix: str | None) -> bool:
    """Fill role, markers and abbreviation from ``text[start:end]``; False if it is prose."""
    rest = text[start:end]
    # a marker bracket closes the entry: what follows is not this person's role
    # ("… Trust Secretary (for the minutes) Cumulative Record of Attendance …")
    for m in re.finditer(r"\(([^()]*)\)", rest):
        if bracket_kind(fold(m.group(1)), entry.name) in ("minutes", "qualifier", "observer") \
                and rest[:m.start()].strip(" ,;:–—-") and len(rest[m.end():].split()) >= 2:
            rest = rest[:m.end()]
            entry.end = start + m.end()
            break
    kept = []
    last = 0
    abbr_only = None
    for m in re.finditer(r"\(([^()]*)\)", rest):
        inner = fold(m.group(1))
        kind = bracket_kind(inner, entry.name)
        if kind == "keep":
            continue
        kept.append(rest[last:m.start()])
        last = m.end()
        if kind == "chair":
            entry.chair = True
            abbr_only = abbr_only or inner
        elif kind == "minutes":
            entry.minutes = True
        elif kind == "observer":
            entry.observer = True
        elif kind == "abbr":
            entry.role_abbr = entry.role_abbr or inner.split()[0]
            abbr_only = abbr_only or inner
    kept.append(rest[last:])
    role = fold(" ".join(kept))
    in_chair = IN_CHAIR.search(role)
    if in_chair:  # "(Chairman) in the Chair", "(Vice-Chair, in the Chair)"
        entry.chair = True
        role = fold(role[:in_chair.start()] + " " + role[in_chair.end():]).replace("()", "").strip()
    qual = TRAILING_QUALIFIER.search(role) or trailing_reason(role)
    if qual and role[:qual.start()].strip(" ,;:–—-"):
        role = role[:qual.start()]  # "(Head of Finance) – for item 5", "(Vice-Chair) – illness"
    elif trailing_reason(" – " + role.strip(" ,;:–—-")) and re.match(r"\s*(?:\([^()]*\)\s*)*[–—\-,;]", rest):
        role = ""  # "Cllr C White – illness": the reason is all there is
    words = role.split()
    if words and _full_initials(words[0].strip(",;:"), entry.name):
        role = " ".join(words[1:])  # "JS Chair": the initials column of a flattened table
    words = role.split()
    if words and _full_initials(words[-1], entry.name):
        role = " ".join(words[:-1])
    role = re.sub(r"^[\s,;:–—\-|/]+|[\s,;:–—\-|]+$", "", role).rstrip(".").strip()
    outside = re.sub(r"\([^()]*\)", " ", rest)  # a marker inside a bracket is part of the capacity
    if MINUTES_TAIL.search(re.sub(r"\([^()]*\)", "()", rest)) and MINUTES_TAIL.search(role):
        entry.minutes = True  # "(Town Clerk) – minutes": the marker follows the capacity
        role = MINUTES_TAIL.sub("", role).strip(" ,;:–—-")
    marker_only = bool(MINUTES_ONLY.match(outside))
    if marker_only:
        entry.minutes = True  # "Jane Doe – notes": the marker is the whole capacity (kept as the role)
    separated = bool(re.match(r"\s*(?:\([^()]*\)\s*)*[,;:–—\-|]", rest)) or not role
    if role and not marker_only:
        first = role.split()[0]
        if not separated and first[:1].islower() and word_key(first) not in PARTICLES:
            return False
        if _SENTENCE_VERB.search(role) or len(role.split()) > 22:
            return False
        if word_key(first) in NOT_NAME_WORDS - {"the", "and", "of", "for", "non", "members"} and not is_role_word(first) \
                and not re.match(r"\s*\(", rest):  # a bracket beside a name is a capacity ("(Voting Members)")
            return False
    lead = re.match(rf"(?i)^{CHAIR}(?=$|\s*[–—\-,:;/])\s*(?P<sep>[–—\-,:;/])?\s*", role)
    if lead:
        entry.chair = True
        if lead.group("sep") and lead.group("sep") != "/" and role[lead.end():].strip():
            role = role[lead.end():].strip()
    tail = re.search(rf"(?i)(?<!vice)(?<!deputy)\s*[–—\-,]\s*{CHAIR}$", role)
    if tail and role[:tail.start()].strip():
        entry.chair = True
        role = role[:tail.start()].strip()
    if role.startswith("(") and role.endswith(")") and role.count("(") == 1:
        role = role[1:-1].strip()
    if role and (MINUTES.search(role) or MINUTES_TAIL.search(role)):
        entry.minutes = True
    org = re.match(r"^(.*\S),\s*([A-Z]{2,6})$", role)
    if org and any(is_role_word(w) for w in org.group(1).split()):
        entry.organisation = org.group(2)  # "Policy Officer, OPCC": the role keeps it, as printed
    if prefix:
        entry.role_abbr = entry.role_abbr or prefix
        role = role or prefix
    if not role and abbr_only:
        role = abbr_only.split()[0] if is_abbreviation(abbr_only) else abbr_only
    entry.role = role or None
    if entry.role and re.fullmatch(r"[A-Z/&]{2,7}", entry.role):
        entry.role_abbr = entry.role_abbr or entry.role
    return True


def _full_initials(token: str, name: str) -> bool:
    """"JS" for Jane Smith, "RHL" for Rachel Hartland-Lane: every initial of the name."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and word_key(w) not in TITLES | POSTNOMINALS]
    initials = "".join(w[0] for w in words).upper()
    return len(token) >= 2 and token.isupper() and token.isalpha() and \
        (token == initials or len(words) >= 2 and token == words[0][0].upper() + words[-1][0].upper())


__all__ = ["Entry", "parse_entry", "POSTNOMINALS"]
