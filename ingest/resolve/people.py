"""People and roles as one meeting's minutes name them.

Minutes name people three ways: in full in the attendance list, by initials in
action owners ("Action: RHL", "RJ/DB/AC"), and by role in findings ("The DCC
confirmed"). Initials and roles are resolved *within the document*, through its
attendance list: "RHL" is Rachel Hartland-Lane when she is listed (her initials
printed as "(RHL)" or derived from her name), "the DCC" is whoever this attendance
lists as DCC. Who held a role on another date is answered at query time, from the
``HELD`` tenures all documents contribute, never frozen here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govgraph.graph.model import Label, make_id, normalise_key

from .roles import RoleDef, lookup_abbr, lookup_title, role_def

_HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "cllr", "councillor", "sir", "dame",
               "rev", "revd", "lord", "lady", "the"}
_NAME_WORD = re.compile(r"^[A-Z][A-Za-z'’\-]+$")
_INITIALS = re.compile(r"^[A-Z]{2,4}$")
# Owners and speakers are lists as often as not: "RJ/DB/AC", "CC and DCC", "PCC, CEx".
# A "/" right after T or A is a temporary/acting prefix ("T/ACC"), not a separator.
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|(?<!\b[TA])/)\s*", re.IGNORECASE)


def name_words(name: str) -> list[str]:
    """The words of a personal name without honorifics ("Cllr Jo Smith" -> Jo, Smith)."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    while words and normalise_key(words[0]) in _HONORIFICS and len(words) > 1:
        words = words[1:]
    return words


def person_id(name: str) -> str:
    """A person's id: the normalised full name, honorifics left out.

    >>> person_id("Cllr Jo Smith") == person_id("jo  smith")
    True
    """
    return make_id(Label.PERSON, " ".join(name_words(name)))


def initials_of(name: str) -> set[str]:
    """Initials minutes use for a name; a hyphenated surname gives both forms.

    >>> sorted(initials_of("Rachel Hartland-Lane"))
    ['RH', 'RHL']
    """
    words = name_words(name)
    if not words:
        return set()
    split = [p for w in words for p in re.split(r"[-‐]", w) if p]
    return {"".join(w[0] for w in words).upper(), "".join(p[0] for p in split).upper()}


def looks_like_name(text: str) -> bool:
    """Two to four capitalised words and no role word: "Andy Champness", not "Head of Finance"."""
    words = name_words(text)
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
        return False
    return lookup_title(text) is None and not any(normalise_key(w) in _ROLE_WORDS for w in words)


_CHAIR_WORDS = {"chair", "chairman", "chairwoman", "chairperson", "the chair"}
_ROLE_WORDS = {"chief", "deputy", "head", "director", "officer", "manager", "board", "team", "group", "commissioner",
               "constable", "executive", "lead", "chair", "police", "force", "council", "committee", "panel"}


@dataclass
class Attendee:
    name: str
    person_id: str
    role: RoleDef | None
    attendance: str | None
    capacity: str | None
    organisation: str | None
    initials: set[str] = field(default_factory=set)
    printed_initials: str | None = None  # as the attendance prints them: "(RHL)"
    record: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Party:
    """Who a speaker/owner/asker token stands for: a role of this board, or a person."""

    label: Label
    id: str
    name: str | None = None  # persons
    role: RoleDef | None = None  # roles


class Attendance:
    """This meeting's attendance list, as an index from names, initials and roles to people."""

    def __init__(self, participants: list[dict], scope_key: str, fire: bool = False,
                 chair: str | None = None) -> None:
        self.scope_key = scope_key
        self.fire = fire
        self.chair = chair  # as written: "The Chair asked ..." resolves to this person
        self.attendees: list[Attendee] = []
        for p in participants or []:
            if not isinstance(p, dict) or not (p.get("name") or "").strip():
                continue
            self.attendees.append(self._attendee(p))

    def _attendee(self, p: dict) -> Attendee:
        name = " ".join(p["name"].split())
        initials = initials_of(name)
        title, abbr = p.get("role"), p.get("role_abbr")
        printed = (p.get("initials") or "").strip().upper() or None
        if printed:
            initials.add(printed)
        # "Rachel Hartland-Lane (RHL)": a bracketed abbreviation that is not a role but
        # the person's initials (derived, or printed where no role title is given).
        if abbr and lookup_abbr(abbr, self.fire) is None and _INITIALS.match(abbr.strip()):
            a = abbr.strip()
            if a in initials or (not title and a[0] == (name_words(name) or [" "])[0][0].upper()):
                initials.add(a)
                printed = printed or a
                abbr = None
        return Attendee(
            name=name,
            person_id=person_id(name),
            role=role_def(title, abbr, self.fire),
            attendance=p.get("attendance"),
            capacity=(title or abbr or None),
            organisation=p.get("organisation"),
            initials=initials,
            printed_initials=printed,
            record=p,
        )

    def role_id(self, role: RoleDef) -> str:
        return make_id(Label.ROLE, self.scope_key, role.key)

    def holder(self, role: RoleDef) -> Attendee | None:
        """The one attendee listed in this role (not sending apologies), if exactly one."""
        found = [a for a in self.attendees
                 if a.role is not None and a.role.key == role.key and a.attendance != "apologies"]
        return found[0] if len(found) == 1 else None

    def by_name(self, text: str) -> Attendee | None:
        key = normalise_key(" ".join(name_words(text)))
        if not key:
            return None
        exact = [a for a in self.attendees if normalise_key(" ".join(name_words(a.name))) == key]
        if exact:
            return exact[0]
        # "Mr Bangham", "Hartland-Lane": a surname that only one attendee has.
        found = [a for a in self.attendees if normalise_key(name_words(a.name)[-1]) == key]
        return found[0] if len(found) == 1 else None

    def by_initials(self, text: str) -> Attendee | None:
        token = text.strip().upper()
        found = [a for a in self.attendees if token in a.initials]
        return found[0] if len(found) == 1 else None

    def _role_of_token(self, token: str) -> RoleDef | None:
        # An abbreviation this attendance uses for a role ("HoF") counts as a role too.
        for a in self.attendees:
            if a.role is not None and a.role.abbr and normalise_key(a.role.abbr) == normalise_key(token):
                return a.role
        return lookup_abbr(token, self.fire)

    def parties(self, text: str | None, with_holder: bool = False) -> list[Party]:
        """Resolve a speaker, owner or asker as written into roles and people.

        ``with_holder`` adds, for a role, the person this attendance lists in it.
        Tokens that are neither a role, an attendee nor a personal name are dropped
        (the text as written stays on the record that cited them).
        """
        out: list[Party] = []
        for token in split_parties(text):
            out.extend(self._token(token, with_holder))
        unique: dict[str, Party] = {}
        for p in out:
            unique.setdefault(p.id, p)
        return list(unique.values())

    def _token(self, token: str, with_holder: bool) -> list[Party]:
        if normalise_key(token) in _CHAIR_WORDS:
            if not self.chair or normalise_key(self.chair) in _CHAIR_WORDS:
                return []
            return [p for p in self.parties(self.chair) if p.label == Label.PERSON][:1]
        # "DCC Blakeman", "ACC Jo Smith": a role and its holder named together.
        head, _, rest = token.partition(" ")
        role = lookup_abbr(head, self.fire) if rest else None
        if role is not None:
            person = self.by_name(rest)
            if person is not None or looks_like_name(rest):
                return [self.role_party(role), self.person_party(person.name if person else rest)]
        initials = self.by_initials(token) if _INITIALS.match(token) else None
        # Initials the attendance prints beat a role abbreviation that looks the same.
        explicit = initials is not None and initials.printed_initials == token.upper()
        role = None if explicit else self._role_of_token(token)
        if role is None and initials is None:
            role = lookup_title(token)
            if role is None:
                for a in self.attendees:
                    if a.role is not None and normalise_key(a.role.title) == normalise_key(token):
                        role = a.role
        if role is not None:
            found = [self.role_party(role)]
            holder = self.holder(role) if with_holder else None
            if holder is not None:
                found.append(self.person_party(holder.name))
            return found
        person = initials or self.by_name(token)
        if person is not None:
            return [self.person_party(person.name)]
        if looks_like_name(token):
            return [self.person_party(" ".join(token.split()))]
        return []

    def role_party(self, role: RoleDef) -> Party:
        return Party(Label.ROLE, self.role_id(role), role=role)

    def person_party(self, name: str) -> Party:
        attendee = self.by_name(name)
        name = attendee.name if attendee else name
        return Party(Label.PERSON, person_id(name), name=name)

    def person(self, text: str | None) -> Party | None:
        """A chair or minute taker: a person, through a role's holder when a role is given."""
        for p in self.parties(text, with_holder=True):
            if p.label == Label.PERSON:
                return p
        return None


def split_parties(text: str | None) -> list[str]:
    """ "RJ/DB/AC" -> ["RJ", "DB", "AC"]; "T/ACC and the DCC" -> ["T/ACC", "DCC"];
    "Tracey Onslow (DPCC)" -> ["Tracey Onslow", "DPCC"]."""
    if not text:
        return []
    out = []
    for raw in _SPLIT.split(re.sub(r"[()\[\]]", ",", text.strip())):
        token = re.sub(r"^(?:the|by)\s+", "", raw.strip(" .:()[]"), flags=re.IGNORECASE).strip()
        if token:
            out.append(token)
    return out
