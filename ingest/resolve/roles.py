"""Role titles and abbreviations: "Deputy Chief Constable" and "DCC" are one role.

Minutes write a role either way, and often both ("Amanda Blakeman Deputy Chief
Constable (DCC)"); findings and owners use the short form ("The DCC confirmed",
"Action: CC"). A role's identity within a board is its *key*: the canonical
abbreviation when one is known, else the title as written. "CFO" is ambiguous
(Chief Finance Officer in policing, Chief Fire Officer in fire services), so the
fire role has its own key and a bare "CFO" is read by the board's context.

>>> lookup_abbr("cex").key, lookup_title("Chief Executive for the Police and Crime Commissioner").key
('CEx', 'CEx')
>>> lookup_abbr("T/ACC").title
'Temporary Assistant Chief Constable'
>>> lookup_abbr("CFO", fire=True).title
'Chief Fire Officer'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govgraph.graph.model import normalise_key


@dataclass(frozen=True)
class RoleDef:
    key: str  # what the role id is made from (within a board's scope)
    abbr: str | None  # as minutes usually print it
    title: str


# (key, abbreviation, canonical title, other abbreviations, other titles)
_TABLE: list[tuple[str, str | None, str, tuple[str, ...], tuple[str, ...]]] = [
    ("PCC", "PCC", "Police and Crime Commissioner", (), ()),
    ("DPCC", "DPCC", "Deputy Police and Crime Commissioner", (), ()),
    ("PFCC", "PFCC", "Police, Fire and Crime Commissioner", (), ()),
    ("DPFCC", "DPFCC", "Deputy Police, Fire and Crime Commissioner", (), ()),
    ("CC", "CC", "Chief Constable", (), ()),
    ("DCC", "DCC", "Deputy Chief Constable", (), ()),
    ("ACC", "ACC", "Assistant Chief Constable", (), ()),
    ("ACO", "ACO", "Assistant Chief Officer", (), ()),
    ("CEx", "CEx", "Chief Executive", ("CEO", "CE", "Chief Exec"), ("Chief Executive Officer",)),
    ("CFO", "CFO", "Chief Finance Officer", (), ("Chief Financial Officer",)),
    ("CFO (fire)", "CFO", "Chief Fire Officer", (), ("Chief Fire Officer",)),
    ("DCFO", "DCFO", "Deputy Chief Fire Officer", (), ()),
    ("ACFO", "ACFO", "Assistant Chief Fire Officer", (), ()),
    ("Treasurer", None, "Treasurer", (), ()),
    ("MO", "MO", "Monitoring Officer", (), ()),
    ("Ch Supt", "Ch Supt", "Chief Superintendent", ("C/Supt",), ()),
    ("Supt", "Supt", "Superintendent", (), ()),
]

# Prefixes for temporary and acting post holders: "T/ACC", "Temporary Assistant Chief Constable".
_PREFIXES = {"T": "Temporary", "A": "Acting"}

_BY_ABBR: dict[str, RoleDef] = {}
_BY_TITLE: dict[str, RoleDef] = {}
for _key, _abbr, _title, _abbrs, _titles in _TABLE:
    _def = RoleDef(_key, _abbr, _title)
    for a in ([_abbr] if _abbr else []) + list(_abbrs):
        # "CFO" maps to the finance officer; fire context is handled in lookup_abbr.
        _BY_ABBR.setdefault(normalise_key(a), _def)
    for t in (_title, *_titles):
        _BY_TITLE[normalise_key(t)] = _def
_FIRE_CFO = RoleDef("CFO (fire)", "CFO", "Chief Fire Officer")

# "Chief Executive for the Police and Crime Commissioner", "Treasurer to the PCC":
# the qualifier names whom the post serves, not a different post.
_QUALIFIER = re.compile(r"\s+(?:for|of|to)\s+(?:the\s+)?\S.*$", re.IGNORECASE)
_TEMP_ABBR = re.compile(r"^([TA])\s*/\s*(.+)$")


def lookup_abbr(abbr: str | None, fire: bool = False) -> RoleDef | None:
    """The role an abbreviation stands for (None when it is not a known role)."""
    if not abbr:
        return None
    text = abbr.strip().strip(".")
    m = _TEMP_ABBR.match(text)
    if m and m.group(1).upper() in _PREFIXES:
        base = lookup_abbr(m.group(2), fire)
        if base is None or base.abbr is None:
            return None
        prefix = m.group(1).upper()
        return RoleDef(f"{prefix}/{base.key}", f"{prefix}/{base.abbr}", f"{_PREFIXES[prefix]} {base.title}")
    found = _BY_ABBR.get(normalise_key(text))
    if found is not None and found.key == "CFO" and fire:
        return _FIRE_CFO
    return found


def lookup_title(title: str | None) -> RoleDef | None:
    """The role a long-form title names (None when it is not a known role)."""
    if not title:
        return None
    text = title.strip()
    for prefix, word in _PREFIXES.items():
        if text.lower().startswith(word.lower() + " "):
            base = lookup_title(text[len(word) + 1:])
            if base is None or base.abbr is None:
                return None
            return RoleDef(f"{prefix}/{base.key}", f"{prefix}/{base.abbr}", f"{word} {base.title}")
    for candidate in (text, _QUALIFIER.sub("", text)):
        found = _BY_TITLE.get(normalise_key(re.sub(r"^the\s+", "", candidate, flags=re.IGNORECASE)))
        if found is not None:
            return found
    return None


def role_def(title: str | None, abbr: str | None, fire: bool = False) -> RoleDef | None:
    """One role from what an attendance line prints: a title, an abbreviation, or both.

    Known roles get their canonical key; an unknown role keeps the abbreviation (or the
    title) as written, so "Head of Finance (HoF)" is still one role per board.

    >>> role_def("Deputy Chief Constable", None).key
    'DCC'
    >>> role_def("Policy Officer", None)
    RoleDef(key='Policy Officer', abbr=None, title='Policy Officer')
    """
    title = (title or "").strip() or None
    abbr = (abbr or "").strip() or None
    # The title, when it names a known role, is the more precise of the two
    # ("Chief Finance Officer (CFO)" at a fire authority is not the Chief Fire Officer).
    known = lookup_title(title) or lookup_abbr(abbr, fire)
    if known is not None:
        return RoleDef(known.key, known.abbr, title or known.title)
    if abbr:
        return RoleDef(abbr, abbr, title or abbr)
    if title:
        return RoleDef(title, None, title)
    return None


def is_known_abbr(text: str | None) -> bool:
    return lookup_abbr(text) is not None
