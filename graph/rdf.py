"""The graph as RDF (W3C ORG, PROV-O, Dublin Core terms and ``govgraph:``), and back.

Two layers are written for every node and relationship, on purpose:

- the *standard view*, for anyone with a SPARQL endpoint and no knowledge of govgraph:
  ``org:Post`` for a role, ``org:holds`` and an ``org:Membership`` with
  ``org:memberDuring`` a ``time:Interval`` for a tenure, ``prov:wasDerivedFrom`` and a
  ``prov:qualifiedDerivation`` carrying the quote and its offsets for evidence,
  ``dcterms:title/date/source`` for documents and meetings, and the small vocabulary
  published in ``docs/govgraph.ttl`` (``gg:answers``, ``gg:raisedAt``, ...);
- the *lossless layer*, so an export rebuilds the very same graph (same
  ``store.digest()``): every property as a ``gg:prop_<name>`` literal (strings,
  integers and booleans as themselves, anything else as ``rdf:JSON``), and every
  relationship reified as an ``rdf:Statement`` with a stable IRI that carries the
  relationship's own properties (``sources`` included).

IRIs are stable because ids are content-derived: ``https://govgraph.org/id/{id}`` for
a node, ``https://govgraph.org/id/rel/{TYPE}/{src}/{dst}`` for a relationship.

>>> from govgraph.graph.embedded import EmbeddedStore
>>> import tempfile
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> export(store, "nt")
''
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any, Literal
from urllib.parse import quote, unquote

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Namespace, URIRef
from rdflib import Literal as Lit
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, SKOS, TIME
from rdflib.query import ResultRow

from .model import GraphBatch, Label, NodeRec, Rel, RelRec, make_id
from .store import Store

GG = Namespace("https://govgraph.org/ns#")
ID_BASE = "https://govgraph.org/id/"
ID = Namespace(ID_BASE)
REL_BASE = ID_BASE + "rel/"

Format = Literal["ttl", "jsonld", "nt", "graphml"]
FORMATS: tuple[str, ...] = ("ttl", "jsonld", "nt", "graphml")
MEDIA_TYPES = {"ttl": "text/turtle", "jsonld": "application/ld+json", "nt": "application/n-triples",
               "graphml": "application/graphml+xml"}
_RDFLIB_FORMAT = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt"}

PREFIXES = {"gg": GG, "rdf": RDF, "org": ORG, "prov": PROV, "dcterms": DCTERMS, "foaf": FOAF, "time": TIME,
            "skos": SKOS, "rdfs": RDFS, "xsd": XSD, "id": ID}

# One gg: class per label; the standard classes each label also belongs to.
CLASS = {lbl.value: GG[lbl.value] for lbl in Label}
STANDARD_CLASSES: dict[str, tuple[URIRef, ...]] = {
    Label.DOCUMENT: (FOAF.Document, PROV.Entity),
    Label.MEETING: (PROV.Activity,),
    Label.BOARD: (ORG.OrganizationalUnit,),
    Label.ORGANISATION: (ORG.Organization,),
    Label.PERSON: (FOAF.Person,),
    Label.ROLE: (ORG.Post,),
}
EXTRACTED_CLASS = PROV.Entity  # everything read out of minutes is a prov:Entity


def _camel(rel: str) -> str:
    """ANSWERS -> answers, RAISED_AT -> raisedAt."""
    head, *rest = rel.lower().split("_")
    return head + "".join(w.capitalize() for w in rest)


# One gg: property per relationship type.
PREDICATE = {rel.value: GG[_camel(rel.value)] for rel in Rel}
REL_OF_PREDICATE = {v: k for k, v in PREDICATE.items()}

# The standard property written next to the gg: one (same direction, same ends).
STANDARD_PREDICATE: dict[str, URIRef] = {
    Rel.HELD: ORG.holds,
    Rel.OF: ORG.postIn,
    Rel.HAS_ITEM: DCTERMS.hasPart,
    Rel.ISSUED_BY: DCTERMS.publisher,
    Rel.MENTIONS: DCTERMS.references,
    Rel.EVIDENCED_BY: PROV.wasDerivedFrom,
    Rel.RECORDED_AT: PROV.wasGeneratedBy,
    Rel.RAISED_AT: PROV.wasGeneratedBy,
    Rel.DECIDED_AT: PROV.wasGeneratedBy,
}

# Node properties also written with a standard term (the gg:prop_ literal stays the record).
STANDARD_PROPERTY: dict[str, URIRef] = {
    "title": DCTERMS.title,
    "name": FOAF.name,
    "text": DCTERMS.description,
    "ref": DCTERMS.identifier,
    "format": DCTERMS.format,
    "sha256": DCTERMS.identifier,
    "abbr": SKOS.altLabel,
    "ingested_at": DCTERMS.dateSubmitted,
}
# The few govgraph-specific properties with a readable name of their own.
GG_PROPERTY = {"theme": GG.theme, "status": GG.status, "due": GG.due, "kind": GG.kind, "body": GG.body,
               "venue": GG.venue, "time": GG.time}

PROP_PREFIX = "prop_"
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")


# -- IRIs ------------------------------------------------------------------------------
def node_iri(node_id: str) -> URIRef:
    """The stable IRI of a node.

    >>> str(node_iri("rec_3f2a"))
    'https://govgraph.org/id/rec_3f2a'
    """
    return URIRef(ID_BASE + quote(node_id, safe=""))


def rel_iri(rel_type: str, src: str, dst: str) -> URIRef:
    """The stable IRI of a relationship (one per type, source and target)."""
    return URIRef(f"{REL_BASE}{quote(rel_type, safe='')}/{quote(src, safe='')}/{quote(dst, safe='')}")


def id_of(iri: URIRef | str) -> str:
    """The node id behind a node IRI (ValueError for a foreign IRI)."""
    text = str(iri)
    if not text.startswith(ID_BASE) or text.startswith(REL_BASE):
        raise ValueError(f"not a govgraph node IRI: {text}")
    return unquote(text[len(ID_BASE):])


def _prop_predicate(name: str) -> URIRef:
    return GG[PROP_PREFIX + quote(name, safe="")]


# -- literals --------------------------------------------------------------------------
def encode_value(value: Any) -> Lit:
    """A property value as a literal that decodes to exactly the same Python value.

    >>> decode_value(encode_value(["a", "b"]))
    ['a', 'b']
    >>> decode_value(encode_value(12)), decode_value(encode_value("12"))
    (12, '12')
    """
    if isinstance(value, bool):
        return Lit(value)
    if isinstance(value, int):
        return Lit(value, datatype=XSD.integer)
    if isinstance(value, str):
        return Lit(value)
    return Lit(json.dumps(value, ensure_ascii=False, sort_keys=True), datatype=RDF.JSON)


def decode_value(lit: Any) -> Any:
    """The inverse of ``encode_value``."""
    if not isinstance(lit, Lit):
        raise ValueError(f"a property value must be a literal, not {lit!r}")
    dt = lit.datatype
    text = str(lit)
    if dt is None or dt == XSD.string:
        return text
    if dt == XSD.integer:
        return int(text)
    if dt == XSD.boolean:
        return text.strip() in ("true", "1")
    if dt == RDF.JSON:
        return json.loads(text)
    value = lit.toPython()  # a foreign datatype: rdflib's reading of it, else the lexical form
    return text if isinstance(value, Lit) else value


def _date_literal(value: str) -> Lit:
    """A date for the standard view: typed when it is an ISO date or month, else plain."""
    if _FULL_DATE.match(value):
        return Lit(value, datatype=XSD.date)
    if _YEAR_MONTH.match(value):
        return Lit(value, datatype=XSD.gYearMonth)
    return Lit(value)


def _display(n: NodeRec) -> str | None:
    p = n.props
    for key in ("title", "name"):
        if p.get(key):
            return str(p[key])
    if n.label == Label.ROLE and (p.get("abbr") or p.get("title")):
        return str(p.get("abbr") or p.get("title"))
    if p.get("text"):
        text = str(p["text"])
        prefix = f"{p['ref']}. " if p.get("ref") else ""
        return prefix + (text if len(text) <= 80 else text[:79] + "…")
    if n.label == Label.MEETING and p.get("date"):
        return f"{p.get('body') or 'Meeting'} {p['date']}"
    return None


# -- store -> RDF ----------------------------------------------------------------------
def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def add_node(g: Graph, n: NodeRec) -> None:
    """A node: its classes, the standard view of its properties, and every property losslessly."""
    s = node_iri(n.id)
    g.add((s, RDF.type, CLASS.get(n.label, GG[quote(n.label, safe="")])))
    for cls in STANDARD_CLASSES.get(n.label, (EXTRACTED_CLASS,)):
        g.add((s, RDF.type, cls))
    label = _display(n)
    if label:
        g.add((s, RDFS.label, Lit(label)))
    for name, value in sorted(n.props.items()):
        g.add((s, _prop_predicate(name), encode_value(value)))
        if value is None or value == "" or isinstance(value, (list, dict)):
            continue
        if name == "date":
            g.add((s, DCTERMS.date, _date_literal(str(value))))
        elif name == "source" and n.label == Label.DOCUMENT:
            text = str(value)
            g.add((s, DCTERMS.source, URIRef(text) if re.match(r"^https?://\S+$", text) else Lit(text)))
        elif name in STANDARD_PROPERTY:
            g.add((s, STANDARD_PROPERTY[name], Lit(value)))
        elif name in GG_PROPERTY:
            g.add((s, GG_PROPERTY[name], Lit(value)))
    if n.label != Label.DOCUMENT:
        # Provenance even where no quote was kept: the documents that contributed the node.
        for sha in n.props.get("sources") or []:
            g.add((s, PROV.wasDerivedFrom, node_iri(make_id(Label.DOCUMENT, sha))))


def add_rel(g: Graph, r: RelRec) -> None:
    """A relationship: the direct triple(s) and a reified ``rdf:Statement`` with its properties."""
    s, o = node_iri(r.src), node_iri(r.dst)
    pred = PREDICATE.get(r.type, GG[_camel(r.type)])
    g.add((s, pred, o))
    if r.type in STANDARD_PREDICATE:
        g.add((s, STANDARD_PREDICATE[r.type], o))
    st = rel_iri(r.type, r.src, r.dst)
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, pred))
    g.add((st, RDF.object, o))
    for name, value in sorted(r.props.items()):
        g.add((st, _prop_predicate(name), encode_value(value)))
    if r.type == Rel.EVIDENCED_BY:
        # PROV-O qualified derivation: which document, and the exact words at which offsets.
        g.add((s, PROV.qualifiedDerivation, st))
        g.add((st, RDF.type, PROV.Derivation))
        g.add((st, PROV.entity, o))
        for name, term in (("quote", GG.quote), ("start", GG.start), ("end", GG.end)):
            if r.props.get(name) is not None:
                g.add((st, term, Lit(r.props[name])))
    elif r.type == Rel.HELD:
        # W3C ORG: a membership in the post, for the span of meetings it was seen held.
        g.add((o, ORG.heldBy, s))
        g.add((st, RDF.type, ORG.Membership))
        g.add((st, ORG.member, s))
        g.add((st, GG.post, o))
        start, end = r.props.get("from"), r.props.get("to")
        if start or end:
            interval = URIRef(str(st) + "#during")
            g.add((st, ORG.memberDuring, interval))
            g.add((interval, RDF.type, TIME.Interval))
            for bound, value in ((TIME.hasBeginning, start), (TIME.hasEnd, end)):
                if value:
                    instant = URIRef(f"{st}#{'start' if bound == TIME.hasBeginning else 'end'}")
                    g.add((interval, bound, instant))
                    g.add((instant, RDF.type, TIME.Instant))
                    term = TIME.inXSDDate if _FULL_DATE.match(str(value)) else TIME.inXSDgYearMonth \
                        if _YEAR_MONTH.match(str(value)) else GG.inDate
                    g.add((instant, term, _date_literal(str(value))))
            if start:
                g.add((st, GG["from"], _date_literal(str(start))))
            if end:
                g.add((st, GG.to, _date_literal(str(end))))


def graph_of(nodes: Iterable[NodeRec], rels: Iterable[RelRec]) -> Graph:
    """RDF for these nodes and relationships."""
    g = new_graph()
    for n in nodes:
        add_node(g, n)
    for r in rels:
        add_rel(g, r)
    return g


# Scoped exports: what "hangs off" a board or a report. Each entry is
# (direction, relationship types, whether the nodes reached are expanded in turn):
# a board's meetings are expanded, but a board merely *mentioned* by one of its
# findings is not (else one board would drag in every board it ever mentioned).
_Step = tuple[str, tuple[str, ...], bool]
BOARD_SCOPE: dict[str, list[_Step]] = {
    Label.BOARD: [("in", (Rel.OF_BOARD,), True), ("out", (Rel.CHAIRED_BY,), True), ("in", (Rel.MENTIONS,), False)],
    Label.MEETING: [("out", (Rel.HAS_ITEM,), True),
                    ("in", (Rel.RECORDED_AT, Rel.RAISED_AT, Rel.DECIDED_AT, Rel.DISCUSSED_AT), True),
                    ("in", (Rel.ATTENDED, Rel.CHAIRED, Rel.TOOK_MINUTES), True),
                    ("out", (Rel.NEXT,), False), ("in", (Rel.NEXT,), False)],
    Label.AGENDA_ITEM: [("out", (Rel.HAS_ITEM,), True)],
    Label.FINDING: [("out", (Rel.ANSWERS, Rel.STATED_BY), True), ("out", (Rel.MENTIONS,), False)],
    Label.ACTION: [("out", (Rel.ANSWERS, Rel.OWNED_BY), True), ("in", (Rel.UPDATES,), True),
                   ("out", (Rel.MENTIONS, Rel.RAISED_AT), False)],
    Label.UPDATE: [("out", (Rel.UPDATES,), True), ("out", (Rel.RECORDED_AT,), False)],
    Label.QUESTION: [("out", (Rel.ASKED_BY, Rel.ASKED_OF), True)],
    Label.RECOMMENDATION: [("out", (Rel.ISSUED_IN,), True)],
    Label.REPORT: [("out", (Rel.ISSUED_BY,), False)],
    Label.PERSON: [("out", (Rel.HELD,), True)],
    # Who held a post is how "the CC" resolves to a person on a date.
    Label.ROLE: [("out", (Rel.OF,), False), ("in", (Rel.HELD,), False)],
}
REPORT_SCOPE: dict[str, list[_Step]] = {
    Label.REPORT: [("in", (Rel.ISSUED_IN,), True), ("out", (Rel.ISSUED_BY,), False)],
    Label.RECOMMENDATION: [("in", (Rel.ANSWERS,), True), ("out", (Rel.DISCUSSED_AT,), True)],
    Label.FINDING: [("out", (Rel.RECORDED_AT, Rel.STATED_BY), True), ("out", (Rel.MENTIONS,), False)],
    Label.ACTION: [("out", (Rel.RAISED_AT, Rel.OWNED_BY), True), ("in", (Rel.UPDATES,), True),
                   ("out", (Rel.MENTIONS,), False)],
    Label.UPDATE: [("out", (Rel.RECORDED_AT,), True)],
    Label.MEETING: [("out", (Rel.OF_BOARD,), False)],
    Label.PERSON: [("out", (Rel.HELD,), True)],
    Label.ROLE: [("out", (Rel.OF,), False), ("in", (Rel.HELD,), False)],
}


def scope_subgraph(store: Store, seed: str, rules: dict[str, list[_Step]]) -> tuple[list[NodeRec], list[RelRec]]:
    """The nodes reachable from ``seed`` by ``rules``, the documents behind them, and every
    relationship among them. One batched ``edges`` call per step and hop, never per node."""
    first = store.get(seed)
    if first is None:
        raise LookupError(f"no node {seed}")
    nodes: dict[str, NodeRec] = {seed: first}
    expanded = {seed}
    frontier = [first]
    while frontier:
        expand: set[str] = set()
        by_step: dict[_Step, list[str]] = defaultdict(list)
        for n in frontier:
            for step in rules.get(n.label, []):
                by_step[step].append(n.id)
        for (direction, types, deeper), ids in sorted(by_step.items()):
            for edges in store.edges(ids, list(types), "in" if direction == "in" else "out").values():
                for e in edges:
                    nodes.setdefault(e.node.id, e.node)
                    if deeper and e.node.id not in expanded:
                        expand.add(e.node.id)
        expanded |= expand
        frontier = [nodes[i] for i in sorted(expand)]
    # The documents: those quoted as evidence and those listed as sources.
    ids = sorted(nodes)
    docs = {e.node.id: e.node for v in store.edges(ids, [Rel.EVIDENCED_BY], "out").values() for e in v}
    shas = {s for n in nodes.values() for s in n.props.get("sources") or []}
    docs.update(store.get_many(sorted({make_id(Label.DOCUMENT, s) for s in shas} - set(docs))))
    nodes.update(docs)
    ids = sorted(nodes)
    rels = [e.rel for v in store.edges(ids, None, "out").values() for e in v if e.rel.dst in nodes]
    return [nodes[i] for i in ids], sorted(rels, key=lambda r: r.key)


def _scoped(store: Store, scope: dict[str, str] | None) -> tuple[list[NodeRec], list[RelRec]]:
    if not scope:
        return sorted(store.all_nodes(), key=lambda n: n.id), sorted(store.all_rels(), key=lambda r: r.key)
    unknown = set(scope) - {"board", "report"}
    if unknown or len(scope) != 1:
        raise ValueError(f"scope must be {{'board': id}} or {{'report': id}}, not {scope!r}")
    kind, seed = next(iter(scope.items()))
    label = Label.BOARD if kind == "board" else Label.REPORT
    node = store.get(seed)
    if node is None or node.label != label:
        raise LookupError(f"no {label.value} {seed}")
    return scope_subgraph(store, seed, BOARD_SCOPE if kind == "board" else REPORT_SCOPE)


def to_rdf(store: Store, scope: dict[str, str] | None = None) -> Graph:
    """The whole graph, or one board / one report and what hangs off it, as RDF.

    ``scope`` is ``None``, ``{"board": board_id}`` or ``{"report": report_id}``;
    an unknown id raises ``LookupError``.
    """
    nodes, rels = _scoped(store, scope)
    return graph_of(nodes, rels)


def to_graphml(nodes: Iterable[NodeRec], rels: Iterable[RelRec]) -> str:
    """GraphML (networkx ``write_graphml``): the model label as ``label``, the relationship
    type as ``type``, every property as a string (JSON for lists)."""
    def flat(props: dict[str, Any], reserved: str) -> dict[str, str]:
        out = {}
        for k, v in sorted(props.items()):
            if v is None:
                continue
            key = f"prop_{k}" if k == reserved else k
            out[key] = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, sort_keys=True)
        return out

    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n.id, label=str(n.label), **flat(n.props, "label"))
    for r in rels:
        g.add_edge(r.src, r.dst, key=str(r.type), type=str(r.type), **flat(r.props, "type"))
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def export(store: Store, fmt: str = "ttl", out: IO | None = None, board_id: str | None = None,
           report_id: str | None = None) -> str:
    """Serialise the graph (or one board / one report) as Turtle, JSON-LD, N-Triples or GraphML.

    Returns the text; when ``out`` is given it is also written there (a text stream, or a
    binary one, which gets UTF-8). ``LookupError`` for an unknown board or report,
    ``ValueError`` for an unknown format.

    >>> from govgraph.graph.embedded import EmbeddedStore
    >>> import tempfile
    >>> export(EmbeddedStore(tempfile.mkdtemp()), "graphml").startswith("<?xml")
    True
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if board_id and report_id:
        raise ValueError("export one board or one report, not both")
    scope = {"board": board_id} if board_id else {"report": report_id} if report_id else None
    nodes, rels = _scoped(store, scope)
    if fmt == "graphml":
        text = to_graphml(nodes, rels)
    else:
        g = graph_of(nodes, rels)
        if fmt == "jsonld":
            context = {p: str(ns) for p, ns in PREFIXES.items()}
            text = g.serialize(format="json-ld", context=context, auto_compact=True)
        else:
            text = g.serialize(format=_RDFLIB_FORMAT[fmt])
    if out is not None:
        try:
            out.write(text)
        except TypeError:  # a binary stream
            out.write(text.encode("utf-8"))
    return text


# -- RDF -> store ----------------------------------------------------------------------
def from_rdf(g: Graph) -> tuple[list[NodeRec], list[RelRec]]:
    """Nodes and relationships from an export's lossless layer (``gg:prop_*`` and the
    reified statements). Triples of the standard view are ignored: they are derived."""
    labels: dict[Any, str] = {v: k for k, v in CLASS.items()}
    nodes: dict[str, NodeRec] = {}
    for s, cls in g.subject_objects(RDF.type):
        if cls in labels and isinstance(s, URIRef) and str(s).startswith(ID_BASE):
            nid = id_of(s)
            if nid in nodes and nodes[nid].label != labels[cls]:
                raise ValueError(f"{s} has two govgraph labels: {nodes[nid].label}, {labels[cls]}")
            nodes[nid] = NodeRec(labels[cls], nid, _props_of(g, s))
    rels: dict[tuple[str, str, str], RelRec] = {}
    for st in g.subjects(RDF.type, RDF.Statement):
        pred = g.value(st, RDF.predicate)
        if not isinstance(pred, URIRef) or pred not in REL_OF_PREDICATE:
            continue
        subj, obj = g.value(st, RDF.subject), g.value(st, RDF.object)
        if not isinstance(subj, URIRef) or not isinstance(obj, URIRef):
            raise ValueError(f"statement {st} lacks a subject or object IRI")
        r = RelRec(REL_OF_PREDICATE[pred], id_of(subj), id_of(obj), _props_of(g, st))
        for end in (r.src, r.dst):
            if end not in nodes:
                raise ValueError(f"relationship {r.type} {r.src}->{r.dst}: no node {end} in the RDF")
        rels[r.key] = r
    return sorted(nodes.values(), key=lambda n: n.id), sorted(rels.values(), key=lambda r: r.key)


def _props_of(g: Graph, s: Any) -> dict[str, Any]:
    props: dict[str, Any] = {}
    prefix = str(GG) + PROP_PREFIX
    for p, o in g.predicate_objects(s):
        if str(p).startswith(prefix):
            name = unquote(str(p)[len(prefix):])
            if name in props:
                raise ValueError(f"{s} has two values for {name}")
            props[name] = decode_value(o)
    return props


def batches_of(nodes: list[NodeRec], rels: list[RelRec]) -> list[GraphBatch]:
    """Per-document batches that, written to an empty store, rebuild exactly this graph.

    Stores stamp ``sources`` from the batch being written, so the only way to rebuild a
    node supported by documents A and B through the ``Store`` interface is to write it in
    A's batch and in B's. Each batch carries a thing's full properties; the stores' merge
    rule is idempotent, so writing the same properties twice changes nothing.

    Things with no ``sources`` at all (RDF not made by ``export``) are written as
    contributed by one synthetic document, ``rdf-import``, so they still load.
    """
    by_id = {n.id: n for n in nodes}
    docs = {str(n.props["sha256"]): n for n in nodes if n.label == Label.DOCUMENT and n.props.get("sha256")}
    node_ids: dict[str, set[str]] = defaultdict(set)
    rels_of: dict[str, list[RelRec]] = defaultdict(list)
    unsourced_nodes = [n.id for n in nodes if not n.props.get("sources") and n.label != Label.DOCUMENT]
    unsourced_rels = [r for r in rels if not r.props.get("sources")]
    if unsourced_nodes or unsourced_rels:
        key = "\n".join(sorted(unsourced_nodes) + sorted("|".join(r.key) for r in unsourced_rels))
        sha = hashlib.sha256(key.encode()).hexdigest()
        docs[sha] = NodeRec(Label.DOCUMENT, make_id(Label.DOCUMENT, sha),
                            {"sha256": sha, "source": "rdf-import", "format": "rdf"})
        node_ids[sha].update(unsourced_nodes)
        rels_of[sha].extend(unsourced_rels)
    for n in nodes:
        for sha in n.props.get("sources") or []:
            node_ids[sha].add(n.id)
    for r in rels:
        for sha in r.props.get("sources") or []:
            rels_of[sha].append(r)
    out = []
    for sha in sorted(set(docs) | set(node_ids) | set(rels_of)):
        doc = docs.get(sha) or NodeRec(Label.DOCUMENT, make_id(Label.DOCUMENT, sha), {"sha256": sha})
        ids = set(node_ids[sha])
        # A relationship's ends always share its sources in a store-built graph; a
        # hand-edited file may not, and a store refuses a batch without them.
        ids |= {end for r in rels_of[sha] for end in (r.src, r.dst)}
        ids.discard(doc.id)
        bnodes = [_bare(by_id[i]) for i in sorted(ids) if i in by_id]
        out.append(GraphBatch(_bare(doc), bnodes, [_bare(r) for r in rels_of[sha]]))
    return out


def _bare(x: Any) -> Any:
    props = {k: v for k, v in x.props.items() if k != "sources"}
    return NodeRec(x.label, x.id, props) if isinstance(x, NodeRec) else RelRec(x.type, x.src, x.dst, props)


def load_graph(path_or_graph: str | Path | Graph | IO, fmt: str | None = None) -> Graph:
    """An rdflib graph from a path (format from the extension unless given), a stream or a graph."""
    if isinstance(path_or_graph, Graph):
        return path_or_graph
    rdflib_fmt = _RDFLIB_FORMAT.get(fmt or "", fmt)
    g = Graph()
    if isinstance(path_or_graph, (str, Path)):
        path = Path(path_or_graph)
        if rdflib_fmt is None:
            ext = path.suffix.lower().lstrip(".")
            rdflib_fmt = {"ttl": "turtle", "jsonld": "json-ld", "json": "json-ld", "nt": "nt",
                          "rdf": "xml", "xml": "xml"}.get(ext)
            if rdflib_fmt is None:
                raise ValueError(f"{path}: cannot tell the RDF format from the extension; pass fmt")
        g.parse(str(path), format=rdflib_fmt)
    else:
        g.parse(source=path_or_graph, format=rdflib_fmt or "turtle")
    return g


def import_rdf(store: Store, path_or_graph: str | Path | Graph | IO, fmt: str | None = None) -> dict[str, int]:
    """Load an export into a store: the graph it describes, with every ``sources`` list.

    Into an empty store this rebuilds the exported graph exactly (same ``digest()``);
    into a non-empty one it merges, with the stores' usual merge rule. Returns counts.
    """
    nodes, rels = from_rdf(load_graph(path_or_graph, fmt))
    batches = batches_of(nodes, rels)
    # One write (one transaction) per document, as ingest does. (EmbeddedStore.bulk()
    # would save the file once, but a write inside it currently waits on its own lock.)
    for b in batches:
        store.write(b)
    return {"documents": len(batches), "nodes": len(nodes), "relationships": len(rels)}


# -- SPARQL ----------------------------------------------------------------------------
LINEAGE_SPARQL = """
SELECT ?x ?kind ?m ?date ?d ?quote ?start ?end ?sha WHERE {
  ?x gg:answers ?rec ; a ?kind .
  FILTER(STRSTARTS(STR(?kind), STR(gg:)))
  OPTIONAL {
    { ?x a gg:Finding ; gg:recordedAt ?m } UNION { ?x a gg:Action ; gg:raisedAt ?m }
    OPTIONAL { ?m dcterms:date ?date }
  }
  OPTIONAL {
    ?x prov:qualifiedDerivation ?d .
    ?d prov:entity ?doc .
    OPTIONAL { ?d gg:quote ?quote }
    OPTIONAL { ?d gg:start ?start }
    OPTIONAL { ?d gg:end ?end }
    OPTIONAL { ?doc dcterms:identifier ?sha }
  }
}
"""


def sparql_lineage(g: Graph, rec_id: str) -> list[dict[str, Any]]:
    """What answers a recommendation (or question), from RDF alone, by SPARQL.

    The same question as ``graph.queries.lineage``, using only the published
    vocabulary: each finding and action that ``gg:answers`` it, the meeting it was
    recorded or raised at (``gg:recordedAt`` / ``gg:raisedAt``, the lowest meeting id
    when there are several, as ``lineage`` does) with its ``dcterms:date``, and the
    quotes of its ``prov:qualifiedDerivation``s. Rows in ``lineage``'s order.

    >>> sparql_lineage(new_graph(), "rec_missing")
    []
    """
    rows = g.query(LINEAGE_SPARQL, initNs={"gg": GG, "prov": PROV, "dcterms": DCTERMS},
                   initBindings={"rec": node_iri(rec_id)})
    entries: dict[str, dict[str, Any]] = {}
    meetings: dict[str, dict[str, str | None]] = defaultdict(dict)
    evidence: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        assert isinstance(row, ResultRow)
        xid = id_of(row.x)
        entries.setdefault(xid, {"id": xid, "kind": str(row.kind)[len(str(GG)):]})
        if row.m is not None:
            meetings[xid][id_of(row.m)] = str(row.date) if row.date is not None else None
        if row.d is not None:
            evidence[xid][str(row.d)] = {
                "quote": str(row.quote) if row.quote is not None else None,
                "start": int(row.start) if row.start is not None else None,
                "end": int(row.end) if row.end is not None else None,
                "document": str(row.sha) if row.sha is not None else None,
            }
    out = []
    for xid, e in entries.items():
        mid = min(meetings[xid]) if meetings[xid] else None
        e["meeting"] = mid
        e["date"] = meetings[xid][mid] if mid else None
        e["evidence"] = sorted(evidence[xid].values(), key=lambda v: (v["document"] or "", v["start"] or 0))
        out.append(e)
    out.sort(key=lambda e: (e["date"] or "", e["kind"], e["id"]))
    return out
