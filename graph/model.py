"""The graph model of DESIGN.md as plain data: labels, relationship types, ids.

Nothing here imports a database, a web framework or a renderer, so the model can be
read, tested and reused on its own. Stores (``graph.embedded``, ``graph.neo4j_store``)
persist these records; ``ingest.resolve`` builds them from extraction output.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Label(StrEnum):
    DOCUMENT = "Document"
    MEETING = "Meeting"
    BOARD = "Board"
    ORGANISATION = "Organisation"
    PERSON = "Person"
    ROLE = "Role"
    AGENDA_ITEM = "AgendaItem"
    REPORT = "Report"
    RECOMMENDATION = "Recommendation"
    QUESTION = "Question"
    FINDING = "Finding"
    ACTION = "Action"
    UPDATE = "Update"
    DECISION = "Decision"


class Rel(StrEnum):
    HELD = "HELD"
    OF = "OF"
    ATTENDED = "ATTENDED"
    CHAIRED = "CHAIRED"
    TOOK_MINUTES = "TOOK_MINUTES"
    OF_BOARD = "OF_BOARD"
    NEXT = "NEXT"
    HAS_ITEM = "HAS_ITEM"
    ISSUED_IN = "ISSUED_IN"
    ISSUED_BY = "ISSUED_BY"
    ANSWERS = "ANSWERS"
    STATED_BY = "STATED_BY"
    ASKED_BY = "ASKED_BY"
    ASKED_OF = "ASKED_OF"
    RAISED_AT = "RAISED_AT"
    OWNED_BY = "OWNED_BY"
    UPDATES = "UPDATES"
    RECORDED_AT = "RECORDED_AT"
    CHAIRED_BY = "CHAIRED_BY"
    MENTIONS = "MENTIONS"
    EVIDENCED_BY = "EVIDENCED_BY"
    DECIDED_AT = "DECIDED_AT"
    DISCUSSED_AT = "DISCUSSED_AT"


# Id prefixes keep ids readable in URLs and logs ("rec_3f2a…" is clearly a recommendation).
ID_PREFIX: dict[Label, str] = {
    Label.DOCUMENT: "doc",
    Label.MEETING: "mtg",
    Label.BOARD: "brd",
    Label.ORGANISATION: "org",
    Label.PERSON: "per",
    Label.ROLE: "rol",
    Label.AGENDA_ITEM: "itm",
    Label.REPORT: "rpt",
    Label.RECOMMENDATION: "rec",
    Label.QUESTION: "qst",
    Label.FINDING: "fnd",
    Label.ACTION: "act",
    Label.UPDATE: "upd",
    Label.DECISION: "dec",
}

# Properties that describe when/how a thing was loaded rather than what it is: they are
# left out of the digest so re-ingesting the same content gives the same hash.
VOLATILE_PROPS = frozenset({"ingested_at"})

# Labels whose nodes carry searchable text (the full-text index covers these).
SEARCHABLE = (Label.FINDING, Label.ACTION, Label.RECOMMENDATION, Label.AGENDA_ITEM, Label.QUESTION, Label.DECISION)
SEARCH_PROPS = ("text", "title")

_WS = re.compile(r"\s+")


def normalise_key(value: Any) -> str:
    """Fold case, accents, punctuation and whitespace so that spellings of one thing agree.

    >>> normalise_key("  Deputy  Chief-Constable ")
    'deputy chief constable'
    """
    text = unicodedata.normalize("NFKD", str(value if value is not None else ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w]+", " ", text)
    return _WS.sub(" ", text).strip()


def make_id(label: Label | str, *parts: Any) -> str:
    """A deterministic id from what a thing is (never from when it was loaded).

    >>> make_id(Label.ROLE, "DCC") == make_id("Role", " dcc ")
    True
    >>> make_id(Label.ROLE, "DCC")[:4]
    'rol_'
    """
    label = Label(label)
    key = "\x1f".join(normalise_key(p) for p in parts)
    digest = hashlib.sha256(f"{label.value}\x1e{key}".encode()).hexdigest()[:16]
    return f"{ID_PREFIX[label]}_{digest}"


def label_of_id(node_id: str) -> Label | None:
    """The label an id was made for, from its prefix (None for a foreign id)."""
    prefix = node_id.split("_", 1)[0]
    for label, p in ID_PREFIX.items():
        if p == prefix:
            return label
    return None


@dataclass
class NodeRec:
    """A node to write or one read back: its label, id and properties."""

    label: str
    id: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass
class RelRec:
    """A relationship from ``src`` to ``dst``; at most one per (type, src, dst)."""

    type: str
    src: str
    dst: str
    props: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.type, self.src, self.dst)


@dataclass
class GraphBatch:
    """Everything one document contributes: written in one transaction.

    ``document`` is the Document node; every node and relationship in the batch is
    tagged with its sha256 in a ``sources`` list, which is how a store can later remove
    exactly what one document contributed and keep what others still support.
    """

    document: NodeRec
    nodes: list[NodeRec] = field(default_factory=list)
    rels: list[RelRec] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return str(self.document.props["sha256"])

    def deduplicated(self) -> GraphBatch:
        """Merge repeated nodes/rels inside the batch with the store's own merge rule."""
        nodes: dict[str, NodeRec] = {}
        for n in [self.document, *self.nodes]:
            if n.id in nodes:
                nodes[n.id].props = merge_props(nodes[n.id].props, n.props)
            else:
                nodes[n.id] = NodeRec(n.label, n.id, dict(n.props))
        rels: dict[tuple[str, str, str], RelRec] = {}
        for r in self.rels:
            if r.key in rels:
                rels[r.key].props = merge_props(rels[r.key].props, r.props)
            else:
                rels[r.key] = RelRec(r.type, r.src, r.dst, dict(r.props))
        doc = nodes.pop(self.document.id)
        return GraphBatch(doc, list(nodes.values()), list(rels.values()))


def _rank(value: Any) -> tuple[int, str]:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return (len(text), text)


def merge_value(old: Any, new: Any) -> Any:
    """Pick one of two values for a property, the same whatever order they come in.

    The fuller value wins (longer, then greater), so a placeholder meeting that knows
    only its date is filled in by the minutes when they arrive, and two documents that
    spell a name differently agree on one spelling whichever was loaded first.
    ``from``-style bounds are not special-cased here: see ``merge_props``.
    """
    if old is None:
        return new
    if new is None:
        return old
    return new if _rank(new) > _rank(old) else old


# Tenure bounds merge by min/max so a role held across meetings spans them all.
_MIN_PROPS = frozenset({"from"})
_MAX_PROPS = frozenset({"to"})


def merge_props(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """Merge two property maps with a commutative, idempotent rule (order-free loading)."""
    out = dict(old)
    for k, v in new.items():
        if k == "sources":
            out[k] = sorted(set(out.get(k) or []) | set(v or []))
        elif v is None:
            continue
        elif k in _MIN_PROPS and out.get(k) is not None:
            out[k] = min(out[k], v)
        elif k in _MAX_PROPS and out.get(k) is not None:
            out[k] = max(out[k], v)
        else:
            out[k] = merge_value(out.get(k), v)
    return out


# -- per-document contributions ---------------------------------------------------------
# A node's (or relationship's) properties are the merge of what each supporting document
# contributed. Stores keep those contributions so that removing a document recomputes
# the properties from the documents that remain, exactly as if it had never been written.
# Identical contributions are grouped: canonical JSON of the contributed properties ->
# the sorted shas that contributed exactly that (a Role stated alike by 10k documents
# keeps one entry, as ``sources`` keeps one list).
Contributions = dict[str, list[str]]


def contribution_key(props: dict[str, Any]) -> str:
    """The canonical JSON of one document's contribution (no ``sources``, no null values).

    >>> contribution_key({"title": "DCC", "sources": ["a"], "abbr": None, "from": "2018"})
    '{"from":"2018","title":"DCC"}'
    """
    kept = {k: v for k, v in props.items() if k != "sources" and v is not None}
    return json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def in_sorted(shas: list[str] | None, sha: str) -> bool:
    if not shas:
        return False
    i = bisect.bisect_left(shas, sha)
    return i < len(shas) and shas[i] == sha


def _with(shas: list[str], sha: str) -> list[str]:
    out = list(shas)
    bisect.insort(out, sha)
    return out


def legacy_contributions(props: dict[str, Any]) -> Contributions:
    """Contributions of a node or relationship stored without them (older stores): its
    properties, as contributed by every one of its sources."""
    sources = sorted(set(props.get("sources") or []))
    return {contribution_key(props): sources} if sources else {}


def add_contribution(contrib: Contributions, sha: str, props: dict[str, Any],
                     known: bool = True) -> Contributions:
    """The contributions once ``sha`` has (also) contributed ``props``; never mutates ``contrib``.

    A document that contributes twice (written again) is kept once, with the merge of
    both, which is what the merged properties already hold. ``known=False`` tells that
    ``sha`` is not yet among the sources (saves looking for it). Returns ``contrib``
    itself when nothing changes.
    """
    key = contribution_key(props)
    if in_sorted(contrib.get(key), sha):
        return contrib
    out = dict(contrib)
    if known:
        for k, shas in contrib.items():
            if in_sorted(shas, sha):
                key = contribution_key(merge_props(json.loads(k), props))
                if key == k:
                    return contrib
                rest = [s for s in shas if s != sha]
                if rest:
                    out[k] = rest
                else:
                    del out[k]
                break
    out[key] = _with(out.get(key, []), sha)
    return out


def remove_contribution(contrib: Contributions, sha: str) -> Contributions:
    """The contributions without ``sha``'s (``contrib`` itself when it had none)."""
    out = contrib
    for k, shas in contrib.items():
        if in_sorted(shas, sha):
            if out is contrib:
                out = dict(contrib)
            rest = [s for s in shas if s != sha]
            if rest:
                out[k] = rest
            else:
                del out[k]
    return out


def props_of_contributions(contrib: Contributions) -> dict[str, Any]:
    """The properties these contributions merge to (with ``sources``), in a fixed order.

    ``merge_props`` is commutative, associative and idempotent, so this equals what the
    incremental merges of the same documents' writes built, in any order.
    """
    out: dict[str, Any] = {}
    sources: set[str] = set()
    for k in sorted(contrib):
        out = merge_props(out, json.loads(k))
        sources.update(contrib[k])
    out["sources"] = sorted(sources)
    return out


def canonical_line(kind: str, *parts: Any) -> str:
    """One canonical JSON line for the digest."""
    return json.dumps([kind, *parts], sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def digest_of(nodes: list[NodeRec], rels: list[RelRec]) -> str:
    """A canonical hash of a graph's content: equal graphs, equal digests, on any store."""
    lines = [
        canonical_line("N", n.label, n.id, {k: v for k, v in n.props.items() if k not in VOLATILE_PROPS})
        for n in nodes
    ]
    lines += [
        canonical_line("R", r.type, r.src, r.dst, {k: v for k, v in r.props.items() if k not in VOLATILE_PROPS})
        for r in rels
    ]
    h = hashlib.sha256()
    for line in sorted(lines):
        h.update(line.encode())
        h.update(b"\n")
    return h.hexdigest()
