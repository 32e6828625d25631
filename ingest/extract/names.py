"""People's names in attendance lists: where a name stops and a role starts, and how a
name is written in the output (ANNOTATION.md "Names").

Lists print "Anthony Bangham Chief Constable (CC)", "Mr Terry Moran CB Chair",
"John Campion (JC) Chair – Police and Crime Commissioner", "PFCC Stephen Mold (SM)",
"N AshtonSuperintendent, Head of …". Without a separator the boundary is found with a
vocabulary of words that belong to posts and organisations rather than to names; a
name is a short run of capitalised words, optionally after honorifics and titles.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Dropped from names (social honorifics); the plural forms introduce lists.
HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "cllr", "councillor", "cllrs", "councillors", "master"}
# Kept in names (titles of rank, office or profession).
TITLES = {"dr", "doctor", "professor", "prof", "sir", "dame", "lord", "lady", "baroness", "baron", "judge",
          "reverend", "rev", "revd", "canon", "father", "rabbi", "imam", "bishop", "venerable", "ven",
          "rt", "hon", "right", "honourable", "alderman", "sheriff", "his", "her", "honour"}
POSTNOMINALS = {"cb", "cbe", "obe", "mbe", "kbe", "dbe", "qpm", "kpm", "msp", "mp", "ms", "am", "mla", "ma",
                "kc", "qc", "jp", "dl", "frcp", "frcs", "frs", "phd", "bem", "cvo", "lvo", "fca", "cpfa", "bsc"}
PARTICLES = {"de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "del", "della", "dos", "bin",
             "al", "el", "ap", "st", "st.", "ter", "ten", "mac", "mc"}

# Words of posts, offices and organisations: a name never contains them, so in
# "Anthony Bangham Chief Constable" the role starts at "Chief".
ROLE_WORDS = set("""
chair chairman chairwoman chairperson co-chair vice-chair vice deputy chief executive non-executive exec
director directors officer officers head manager secretary treasurer member members nurse doctor gp gps
consultant commissioner constable superintendent inspector sergeant constables assistant associate interim
acting temporary lead leader clerk auditor auditors audit council councillor governor governors lay practice
programme public health finance financial policy adviser advisor advisory coordinator co-ordinator
administrator administrative representative representing observer minutes minute secretariat solicitor counsel
controller president principal vice-chancellor chancellor registrar engineer analyst partner service services
police crime fire rescue authority board committee office team trust nhs corporate strategy strategic
operations operating operational governance quality communications estates facilities development
improvement performance safeguarding transformation resources medical clinical senior junior general legal
monitoring democratic scrutiny support business information data project planning technical internal
external independent professional specialist commercial people workforce human regional national county
borough district parish community cabinet minister mayor portfolio holder elected co-opted coopted
statutory invited guest presenter speaker apprentice pa personal accountable responsible constabulary force
department directorate division unit group partnership organisation agency commission inspectorate
university college school hospital hospitals foundation healthwatch membership managing accounting
accountant treasury coroner deputising substitute ombudsman architect surveyor officer,
executive, director, manager, adviser, note-taker notetaker note minute-taker taker volunteer patient
patients safety experience transport environment housing education children adult adults social care
estate digital technology it ict hr procurement contracts risk assurance compliance standards ethics
equality diversity inclusion engagement research evaluation insight intelligence investigations
investigation complaints victims victim justice prison probation youth offending registered mental
nursing midwifery midwife pharmacist pharmacy dental surgeon physician psychiatrist therapist paramedic
fellow lecturer student students union staff employee employees trade sub-committee panel forum
pension pensions administration fund scheme supt insp sgt ch det
""".replace(",", " ").split())

# Capitalised words that start headings and sentences, never names.
NOT_NAME_WORDS = set("""
item items agenda meeting meetings minutes apologies apology declarations declaration interest interests
matters matter arising report reports update updates papers paper welcome welcomed introductions
introduction review action actions any other business date time venue next questions question
announcements announcement notes note budget plan plans risk register quarter annual decision decisions
noting approval information part summary contact email tel telephone page pages documents document
additional home skip main content accessibility settings attendance attendees present absent substitutes
close closed aob none the and of in on at to a an is was were re ref no yes this that these those all
with from by as it we i our new old members non voting further also notice notices confirmation
resolved resolution agreed recommended recommendation recommendations noted discussion discussed
presentation presented chairman's chair's public questions petitions motion motions minutes: media view
directions upload post posted views download pdf kb mb reports: purpose for any see paper item:
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
room rooms chamber chambers building buildings centre center suite offices headquarters boardroom
conference video teams zoom online virtual webex microsoft
""".split())

_NAME_WORD = re.compile(r"^(?:[A-Z]['’][A-Z][a-z]+|(?:Mc|Mac|Fitz|O['’])?[A-Z][a-zà-ÿ]+(?:[-'’][A-Z]?[a-zà-ÿ]+)*"
                        r"(?:-[A-Z][a-zà-ÿ]+)*|[A-Z]{1,3}[A-Z][a-z]+)$")
_INITIALS = re.compile(r"^(?:[A-Z]\.?){1,3}$|^[A-Z]\.(?:[A-Z]\.)+$")
_CAMEL = re.compile(r"(?<=[a-z]{2})(?=[A-Z][a-z])")
_NAME_PREFIXES = {"Mac", "Mc", "Fitz", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "Della", "Ap"}
_ABBR = re.compile(r"^[A-Z][A-Za-z/&.\-]{0,9}$")


# The word tests below are pure and asked about the same words thousands of times per
# document (every line is tried as an attendance entry): their answers are cached.
@lru_cache(maxsize=32768)
def word_key(token: str) -> str:
    return token.strip(".,;:()–—-'’\"").lower()


@lru_cache(maxsize=32768)
def is_role_word(token: str) -> bool:
    """A word of a post or organisation (or an acronym such as "NHS", "OPCC")."""
    t = token.strip(".,;:()–—'’\"")
    if not t:
        return False
    if len(t) >= 2 and t.isupper() and t.isalpha() and word_key(t) not in POSTNOMINALS:
        return True
    if "/" in t or "-" in t[1:]:
        return word_key(t) in ROLE_WORDS or any(is_role_word(p) for p in re.split(r"[/-]", t) if p)
    return word_key(t) in ROLE_WORDS


@lru_cache(maxsize=32768)
def is_name_word(token: str) -> bool:
    """A capitalised word that may be part of a person's name."""
    t = token.strip(",;:")
    if t.endswith(".") and len(t) > 2 and not t[:-1].isupper():
        t = t[:-1]  # the full stop ending a sentence, not an initial's
    if not t or word_key(t) in ROLE_WORDS or word_key(t) in NOT_NAME_WORDS or ("-" in t and is_role_word(t)):
        return False
    return bool(_NAME_WORD.match(t))


@lru_cache(maxsize=32768)
def is_initials(token: str) -> bool:
    return bool(_INITIALS.match(token.strip(",;:")))


def camel_split(token: str) -> list[str]:
    """Split a run-together "AshtonSuperintendent" (a lost space in PDF text) in two.

    >>> camel_split("AshtonSuperintendent"), camel_split("MacDonald"), camel_split("JPuttock")
    (['Ashton', 'Superintendent'], ['MacDonald'], ['JPuttock'])
    """
    return list(_camel_split(token))


@lru_cache(maxsize=32768)
def _camel_split(token: str) -> tuple[str, ...]:
    parts: list[str] = []
    for p in _CAMEL.split(token):
        if parts and parts[-1] in _NAME_PREFIXES:  # "MacDonald", "DeVito" are one name
            parts[-1] += p
        elif p:
            parts.append(p)
    return tuple(parts)


@lru_cache(maxsize=32768)
def strip_honorifics(name: str) -> str:
    """"Cllr Peter Whatley" -> "Peter Whatley"; titles such as Dr and Professor stay.

    >>> strip_honorifics("Mrs TJ Rawlinson"), strip_honorifics("Dr Peter Reading")
    ('TJ Rawlinson', 'Dr Peter Reading')
    """
    words = name.split()
    while len(words) > 1 and word_key(words[0]) in HONORIFICS | {"county", "the"} and \
            (word_key(words[0]) != "county" or word_key(words[1]) in HONORIFICS):
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=32768)
def name_initials_match(abbr: str, name: str) -> bool:
    """Do bracketed initials such as "(JC)" or "(RHL)" stand for this person?

    >>> name_initials_match("JC", "John Campion"), name_initials_match("TM", "Anthony Morriss")
    (True, True)
    >>> name_initials_match("CC", "Anthony Bangham"), name_initials_match("VC", "Colin Riordan")
    (False, False)
    """
    letters = re.sub(r"[^A-Za-z]", "", abbr)
    if not letters or not letters.isupper() or len(letters) > 4:
        return False
    words = [w for w in re.split(r"[\s\-]+", strip_honorifics(name)) if w and word_key(w) not in TITLES
             and word_key(w) not in POSTNOMINALS]
    if not words:
        return False
    first, last = words[0][0].upper(), words[-1][0].upper()
    if len(letters) == 2:  # "TM" may stand for Anthony ("Tony") Morriss: one matching position is enough
        return letters[0] == first or letters[1] == last
    return letters[0] == first and last in letters[1:]


@lru_cache(maxsize=32768)
def is_abbreviation(text: str) -> bool:
    """A role abbreviation such as "DPCC", "CEx", "T/ACC" or "ACC Cooper"."""
    head = text.split()[0] if text.split() else ""
    if not _ABBR.match(head) or sum(c.isupper() for c in head) < 2:
        return False
    rest = text.split()[1:]
    return len(rest) <= 1 and all(_NAME_WORD.match(w) and not is_role_word(w) for w in rest)
