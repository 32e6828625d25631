"""The words and line shapes of the minutes genre, shared by the body rules.

Minutes of police, fire, NHS, council and government boards are written in a small,
stable vocabulary: headings are short noun phrases, prose sentences carry a finite
verb ("was noted", "confirmed"), attendance lists are runs of names, and web/PDF
captures add page furniture ("pdf icon PDF 69 KB", "Page 2 of 19"). Keeping these
tests in one place lets every rule ask the same questions of a line.
"""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
MONTH_NUM = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}
_MONTH_START = re.compile(rf"^(?:{MONTHS})\b", re.I)
_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\b|\b(?:{MONTHS})\s+\d{{4}}\b", re.I)

# Finite verbs and auxiliaries: a line holding one is a sentence, not a heading.
_VERBS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|shall|should|can|could|may|might|"
    r"must|did|does|do|welcomed|noted|agreed|reported|confirmed|stated|asked|advised|explained|"
    r"thanked|presented|discussed|received|provided|requested|highlighted|emphasised|emphasized|"
    r"raised|commented|informed|introduced|declared|resolved|approved|recognised|recognized|"
    r"acknowledged|suggested|expressed|outlined|gave|made|took|said|felt|added|reminded|"
    r"considered|undertook|queried|replied|responded|announced|wished|continued|opened|closed|"
    r"sought|needs|remains|includes|shows|sets)\b"
)
# Words that describe a person's post: a line "Name, <post>" is an attendance line.
ROLE_WORDS = re.compile(
    r"\b(?:Chair|Chairman|Chairwoman|Chairperson|Vice|Director|Officer|Chief|Commissioner|Constable|"
    r"Member|Councillor|Secretary|Treasurer|Manager|Head|Lead|Executive|Clerk|Nurse|GP|Doctor|"
    r"Governor|Superintendent|Inspector|Sergeant|Representative|Auditor|Adviser|Advisor|Minutes|"
    r"Officials?|MSP|MP|Consultant|Controller|Coordinator|Co-ordinator|Analyst|Assistant|Deputy|"
    r"President|Leader|Mayor|Solicitor|Accountant|Partner|Trustee|Non-Executive|Observer|Guest)\b"
)
HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Lord|Lady|Baroness|Rev|Reverend|Judge)"
_HONORIFIC_START = re.compile(rf"^{HONORIFIC}\.?\s+[A-Z]")
_NAME_TOKEN = r"[A-Z][A-Za-z'’.\-]*"
_BARE_NAME = re.compile(rf"^(?:[A-Z]{{2,6}}\s+)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}$")
_NAME_INITIALS = re.compile(rf"^(?:[A-Z/]{{2,6}}\s+)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}\s*\([A-Z][A-Za-z/&]{{0,7}}\)")
_NAME_ROLE = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}\s*(?:,|:|\s[–—-])\s*(.+)$")
_NAME_LIST = re.compile(rf"^{_NAME_TOKEN}\s+{_NAME_TOKEN}(?:,\s*{_NAME_TOKEN}\s+{_NAME_TOKEN})+\.?$")

# Headings of attendance groups: never agenda items.
ATTENDANCE_HEADING = re.compile(
    r"^(?:present|attendees|attendance|in attendance|in attendence|also (?:present|in attendance)|"
    r"members(?: present)?|(?:board|committee|panel) members|(?:non[- ]?)?voting members|officers"
    r"(?: present| in attendance)?|supporting officials|officials|secretariat|observers|guests|distribution|"
    r"absent|name|capacity|apologies(?: received)?)\s*:?$",
    re.I,
)
# Page furniture of web pages and flattened PDFs.
FURNITURE = re.compile(
    r"^(?:(?:accessibility settings\s*)?skip to (?:main )?content|home|media|items|no\.?\s*item|"
    r"agenda and minutes|agendas, meetings and minutes.*|agenda|minutes|documents|meeting details|"
    r"meeting summary|occurred|advertisement|view directions|members|attendees|print|share|"
    r"back to top|menu|search|page \d+(?: of \d+)?|\d+ views?|upload:.*|post on .*|"
    r"additional documents:?|supplementary papers:?|minutes:|decision:?|public: ?\d+|"
    r"official(?:[- ]sensitive)?|not protectively marked|restricted|protect|draft(?: minutes)?|"
    r"unconfirmed(?: minutes)?|(?:private and )?confidential|for publication|"
    r"(?:contact|venue|date|time|email|tel|location|place|chair|present|apologies|attendance|"
    r"in attendance|minutes|notes)\s*:.*)$",
    re.I,
)
# Furniture glued to a heading ("Minutes pdf icon PDF 677 KB", "Pdf Minutes (108Kb)").
_TITLE_FURNITURE = [
    re.compile(r"\s*(?:pdf icon\s*)?PDF\s+\d+(?:\.\d+)?\s*[KM]B\b.*$", re.I),
    re.compile(r"^Pdf\s+"),
    re.compile(r"\s*\(\d+(?:\.\d+)?\s*[KM]b\)", re.I),
    re.compile(r"\s*View the reasons why document is restricted.*$", re.I),
    re.compile(r"\s*View directions\s*$", re.I),
    re.compile(r"\s*\((?:Pages?|pp?\.)\s*\d+(?:\s*[-–]\s*\d+)?\)", re.I),
    re.compile(r"\s*\.{3,}\s*\d*\s*$"),  # dot leaders to a page number
    re.compile(r"\s*\((?:Paper|Report|Enc(?:losure)?\.?|Appendix)\s+[A-Z0-9]{1,4}\)$"),
]
MODERNGOV_MARKER = re.compile(r"pdf icon|PDF\s+\d+(?:\.\d+)?\s*KB|\(\d+(?:\.\d+)?\s*Kb\)|^Pdf\s", re.I)
# A document's own title line ("Monthly Assurance Meeting July 2018 – Meeting Notes").
DOC_TITLE = re.compile(
    r"\bmeeting (?:notes|minutes)\b|\bnotes of (?:the )?meeting\b|^minutes of (?!the (?:previous|last)\b)|"
    r"^minutes of (?:the )?(?:\w+ ){0,3}meeting (?:of|held)\b",
    re.I,
)
_NON_TITLES = re.compile(r"^(?:none|nil|n/?a|noted|agreed|approved|none\.|no items to update|see minutes)\.?$", re.I)
_DESCRIPTION = re.compile(r"^To\s+[a-z]+\b")  # "To approve the minutes ..." agenda descriptions

# Role abbreviations used as speakers and owners ("The CC confirmed", "CC to provide").
ROLE_ABBR = {
    "PCC", "DPCC", "PFCC", "DPFCC", "CC", "DCC", "ACC", "T/ACC", "T/DCC", "T/CC", "CEx", "CEO", "CE",
    "CFO", "ACO", "ACFO", "DCFO", "DCS", "DCI", "SPO", "PO", "COO", "CIO", "CNO", "MD", "FD",
    "SIRO", "DPO", "MO", "CMO", "DoF", "DoN", "DOF", "HoF", "T/Supt", "Supt", "CSupt", "DPM", "PM",
}
ROLE_PHRASE = (
    r"(?:Deputy |Assistant |Acting |Temporary |Interim )*(?:Chief Constable|Police(?:,)? (?:Fire )?and Crime "
    r"Commissioner|Commissioner|Chief Executive(?: Officer)?|Chief Fire Officer|Chief Finance Officer|"
    r"Chief Officer|Chair(?:man|woman|person)?|Vice[- ]Chair|Director(?: of [A-Z][a-z]+(?: [A-Z&][a-z]*)*)?|"
    r"Treasurer|Monitoring Officer|Town Clerk|Clerk|Chamberlain|Secretary|Head of [A-Z][a-z]+(?: [A-Z][a-z]+)*|"
    r"Leader|Mayor|Panel|Board|Committee|Constabulary|Force|Service|Officials|Officers)"
)


# The line tests below are pure, and several rules ask them of the same lines and
# blocks (headings, items, actions, decisions): their answers are cached.
@lru_cache(maxsize=16384)
def fold(text: str | None) -> str:
    """Whitespace folded, markdown bold markers dropped: the form records are kept in."""
    return re.sub(r"\s+", " ", (text or "").replace("**", " ")).strip()


@lru_cache(maxsize=16384)
def strip_title_furniture(title: str) -> str:
    """'Minutes pdf icon PDF 677 KB' -> 'Minutes'; 'Pdf Minutes (108Kb)' -> 'Minutes'."""
    for pat in _TITLE_FURNITURE:
        title = pat.sub("", title)
    return title.strip()


@lru_cache(maxsize=16384)
def has_verb(text: str) -> bool:
    return bool(_VERBS.search(text))


@lru_cache(maxsize=16384)
def is_person_line(text: str) -> bool:
    """A line naming someone: 'Mr S Dobson', 'Paul Fell (PF)', 'Jane Doe, Chief Nurse'.

    Bare two-word capitalised phrases ("Named Substitutes") are ambiguous and are
    judged by their neighbours (see :func:`in_name_run`), not here.
    """
    t = fold(text).strip("•·-–* ")
    if not t or len(t.split()) > 24:
        return False
    if _NAME_INITIALS.match(t) or _NAME_LIST.match(t):
        return True
    if _HONORIFIC_START.match(t):
        return not has_verb(t)
    m = _NAME_ROLE.match(t)
    return bool(m and ROLE_WORDS.search(m.group(1)) and not has_verb(m.group(1)))


@lru_cache(maxsize=16384)
def is_bare_name(text: str) -> bool:
    t = fold(text).strip("•·-–* ")
    return bool(_BARE_NAME.match(t)) and not has_verb(t) and not re.search(r"\d", t)


@lru_cache(maxsize=16384)
def is_date_line(text: str) -> bool:
    """A line that is only a date/time ('14th May 2019', '16 Feb 2017 - 14:30 to 17:00')."""
    t = fold(text)
    rest = _DATE.sub("", t)
    rest = re.sub(r"\b(?:\d{1,2}[:.]\d{2}\s*(?:am|pm)?|\d{1,2}\s*(?:am|pm)|\d{4}|\d{1,2}(?:st|nd|rd|th)?|"
                  r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|at|to|and|from|hrs)\b",
                  "", rest, flags=re.I)
    return bool(_DATE.search(t)) and not re.search(r"[A-Za-z]{3,}", rest)


def starts_with_month(text: str) -> bool:
    return bool(_MONTH_START.match(text.strip()))


@lru_cache(maxsize=16384)
def mostly_capitalised(text: str) -> bool:
    """Title Case or CAPS: most of the longer words start with a capital."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", text) if len(w) > 3]
    if not words:
        return True
    return sum(1 for w in words if w[0].isupper()) / len(words) >= 0.6


@lru_cache(maxsize=16384)
def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


@lru_cache(maxsize=16384)
def heading_like(text: str, numbered: bool = False) -> bool:
    """Could this be the title of an agenda item? Short noun phrase, no finite verb.

    ``numbered`` headings ("6 CONFIRMATION OF NEXT MEETING ...:") may end with a
    colon; an unnumbered line ending with one is a label ("Findings:").
    """
    t = fold(text)
    if not t or not (t[0].isupper() or t[0].isdigit() or t[0] in "‘'\"("):
        return False
    words = t.split()
    if len(words) > (22 if numbered else 20 if is_caps(t) else 16):
        return False
    if t.endswith("?") or (t.endswith(":") and not numbered) or t.endswith(":-") or re.search(r"\s[-–—]$", t):
        return False
    if _NON_TITLES.match(t) or (_DESCRIPTION.match(t) and not numbered):  # "3. To receive the report" is an item
        return False
    if has_verb(t.lower() if is_caps(t) else t):
        return False
    if t.endswith(".") and len(words) > (22 if numbered else 12):
        return False
    if re.match(r"^(?:The|A|An|It|This|There|These|We|He|She|They|In|On|As)\b", t) and not mostly_capitalised(t):
        return False
    return True


@lru_cache(maxsize=16384)
def is_table_row(line: str) -> bool:
    """A fixed-width table row: cells separated by runs of three or more spaces."""
    return len(re.findall(r"\S {3,}(?=\S)", line)) >= 2


@lru_cache(maxsize=16384)
def is_furniture(text: str) -> bool:
    return bool(FURNITURE.match(fold(text)))


def month_year(month: str, year: str | None, meeting_date: str | None) -> str | None:
    """'June', '2018' -> '2018-06'; with no year, the latest such month not after the meeting."""
    m = MONTH_NUM.get(month.lower()[:3] if month.lower()[:4] != "sept" else "sep")
    if not m:
        return None
    if year:
        return f"{int(year):04d}-{m:02d}"
    if meeting_date and re.match(r"\d{4}-\d{2}", meeting_date):
        y, mm = int(meeting_date[:4]), int(meeting_date[5:7])
        return f"{y if m <= mm else y - 1:04d}-{m:02d}"
    return None


_HEADER_ROLE = {
    "id": re.compile(r"^(?:NO\.?|REF(?:ERENCE)?\.?|NUMBER|#|ITEM(?: NO\.?)?|ID|LOG (?:NO\.?|REF\.?)|"
                     r"ACTION (?:NO\.?|REF\.?|NUMBER|ID|POINT)|MINUTE(?: NO\.?| REF\.?)?)$", re.I),
    "date": re.compile(r"^(?:MEETING(?: DATE)?|DATE (?:RAISED|OF MEETING|AGREED)|(?:DATE )?RAISED(?: AT| ON)?)$", re.I),
    "action": re.compile(r"^(?:ACTIONS?|DESCRIPTION|ACTION REQUIRED|AGREED ACTION|ACTION AGREED|ACTION DESCRIPTION|"
                         r"ACTION DETAILS?|DETAILS?)$", re.I),
    "owner": re.compile(r"^(?:(?:ACTION )?(?:LEAD(?: OFFICER| MEMBER)?|OWNER)|RESPONSIB\w*(?: OFFICER| PERSON| LEAD)?|"
                        r"BY WHOM|WHO|ACTION BY|ASSIGNED TO)$", re.I),
    "status": re.compile(r"^(?:STATUS.*|RAG.*|PROGRESS|COMPLETE\??|OPEN/CLOSED)$", re.I),
    "update": re.compile(r"^(?:(?:LATEST |PROGRESS )?UPDATE.*|PROGRESS .*|COMMENTS?.*|NOTES?|RESPONSE)$", re.I),
}


def table_cells(line: str) -> list[tuple[int, str, int]]:
    """Non-empty cells of a flattened table row: (offset, text, column). Cells are
    tab- or pipe-separated (Word, markdown), where the column counts empty cells too,
    else separated by runs of two or more spaces (fixed-width PDF text), where the
    offset tells the column."""
    sep = "\t" if "\t" in line else "|" if line.count("|") >= 2 else None
    if sep is None:
        return [(m.start(), m.group(0), k) for k, m in enumerate(re.finditer(r"\S+(?: \S+)*", line))]
    out, pos = [], 0
    parts = line.split(sep)
    if sep == "|" and not parts[0].strip():  # '| No | Action |': the leading bar opens the row
        pos, parts = len(parts[0]) + 1, parts[1:]
    for k, part in enumerate(parts):
        if part.strip():
            out.append((pos + len(part) - len(part.lstrip()), part.strip(), k))
        pos += len(part) + 1
    return out


def action_table_header(line: str) -> dict[str, int] | None:
    """Column roles of an action-log table header ('No | Action | Owner | Due | Status'):
    role -> cell index, or None if the line is not such a header."""
    if line.isascii():
        # the "action" column's heading says "action", "description" or "detail(s)": most lines are
        # not headers, and this says so without cutting them into cells (same answer, faster)
        low = line.lower()
        if "action" not in low and "description" not in low and "detail" not in low:
            return None
    cells = table_cells(line)
    roles: dict[str, int] = {}
    for _, word, k in cells:
        for role, pat in _HEADER_ROLE.items():
            if pat.match(word) and role not in roles:
                roles[role] = k
                break
    if "action" in roles and ({"owner", "status", "update"} & roles.keys()) and len(cells) >= 3:
        return roles
    return None
