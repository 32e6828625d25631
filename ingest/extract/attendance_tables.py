"""Flattened attendance tables: a column of names followed by a column of roles.

PDF text often prints a two-column table ("Name | Role") as all the names and then all
the roles. The roles are paired with the names in order; when there are more role
lines than names, some roles wrapped over two lines and the extra lines are joined back
(ANNOTATION.md "Flattened tables"). Which lines to join is decided from how wrapping
works: a line only wraps when the next word would not fit the column, and a wrapped
line tends to end on a joining word ("&", "–", "of") or not on a post's head noun.
"""

from __future__ import annotations

import re

from .names import is_role_word, word_key

# nouns that end a complete post or organisation ("… Director", "… Council")
_TERMINAL = set("""
director officer manager chair chairman nurse gp doctor secretary member members executive treasurer
commissioner constable governor lead clerk adviser advisor minutes council team trust board committee
auditor consultant engineer partner president principal registrar superintendent inspector head chief
representative observer coordinator administrator solicitor analyst assistant leader controller mayor
""".split())
# words that open a post ("Director of …", "Head of …")
_HEADS = set("""
director head chief deputy assistant associate interim acting gp lay non-executive executive senior
consultant practice secondary medical managing retired chair vice
""".split())


def pair_roles(n_names: int, lines: list[str]) -> list[int] | None:
    """Group role ``lines`` into ``n_names`` roles; returns the group start indices.

    >>> pair_roles(2, ["Lay Member –", "Governance/Deputy Chair", "GP"])
    [0, 2]
    >>> pair_roles(3, ["Chief Officer", "GP"]) is None
    True
    """
    if n_names <= 0 or len(lines) < n_names:
        return None
    joins = len(lines) - n_names
    if joins == 0:
        return list(range(n_names))
    width = max(len(x) for x in lines)
    scored = sorted(((_join_score(lines[k], lines[k + 1], width), -k) for k in range(len(lines) - 1)), reverse=True)
    chosen = {-k for _, k in scored[:joins]}
    return [0] + [k + 1 for k in range(len(lines) - 1) if k not in chosen]


def _join_score(a: str, b: str, width: int) -> float:
    """How likely line ``b`` continues line ``a`` (higher is likelier)."""
    score = 0.0
    first_b = b.split()[0] if b.split() else ""
    if len(a) + 1 + len(first_b) <= width:
        score -= 10  # the next word would have fitted on line a: a did not wrap
    last_a = word_key(a.split()[-1]) if a.split() else ""
    if re.search(r"[–—\-&/,]$|\b(?:of|and|for|to|the|in|with)$", a.strip()):
        score += 3
    elif last_a in _TERMINAL:
        score -= 2
    else:
        score += 1
    if not any(word_key(w) in _TERMINAL or word_key(w) in _HEADS for w in a.split()):
        score += 2  # "Healthy Liverpool Integrated": no post named yet
    b_words = b.split()
    if first_b[:1].islower():
        score += 2
    if not any(word_key(w) in _TERMINAL or word_key(w) in _HEADS or is_role_word(w) and w.isupper()
               for w in b_words):
        score += 2  # "Engagement", "Sub Regional Team": not a post on its own
    if word_key(first_b) in _HEADS:
        score -= 0.5
    return score
