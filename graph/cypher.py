"""Every Cypher statement govgraph runs, as named constants with parameters.

No query is ever built from request or document text. Statements that name a label or
a relationship type are generated once, at import, from the model's closed enums
(``Label``, ``Rel``): reviewable, and impossible to reach with user input
(``node_upsert(label)`` refuses anything else). The one exception, the write of a
document's batch (``WRITE_BATCH``), passes labels and types as values (Neo4j 5.26's
dynamic labels, ``$(row.label)``), which ``Neo4jStore.write`` checks against the same
enums before sending.
"""

from __future__ import annotations

from .model import SEARCHABLE, Label, Rel

# All nodes carry this extra label so that one uniqueness constraint covers every id.
ENTITY = "Entity"
FULLTEXT_INDEX = "govgraph_text"

# Indexed lookup keys: index name -> (label, property).
INDEXES: dict[str, tuple[str, str]] = {
    "document_source": ("Document", "source"),
    "document_sha": ("Document", "sha256"),
    "meeting_date": ("Meeting", "date"),
    "meeting_body": ("Meeting", "body"),
    "role_abbr": ("Role", "abbr"),
    "person_name": ("Person", "name"),
    "board_name": ("Board", "name"),
    "action_status": ("Action", "status"),
    "recommendation_ref": ("Recommendation", "ref"),
}

SCHEMA = [
    # Uniqueness of ids (also the index every MERGE/MATCH by id uses).
    f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
    *[f"CREATE CONSTRAINT {lbl.value.lower()}_id IF NOT EXISTS FOR (n:{lbl.value}) REQUIRE n.id IS UNIQUE"
      for lbl in Label],
    # Lookup keys (``find`` by one of them is an index seek: see ``FIND_BY``).
    *[f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})" for name, (label, prop) in INDEXES.items()],
    # Full text over what people search for.
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{'|'.join(lbl.value for lbl in SEARCHABLE)}) "
    "ON EACH [n.text, n.title]",
]

# Which schema objects exist (for the with/without-index benchmark).
SHOW_INDEXES = "SHOW INDEXES YIELD name RETURN name"

# Bookkeeping properties (never returned by reads). Each node and relationship keeps
# every document's contribution to its properties as two lists beside ``sources``:
# ``_contrib_keys``, the distinct contributions (canonical JSON, ``model.contribution_key``),
# and ``_contrib_idx``, parallel to ``sources``: which key each source contributed. A
# document adding itself to a node that thousands of documents mention then inserts one
# sha and one index on the server (``WRITE_BATCH``), instead of the node's whole history
# travelling to Python and back. ``_contrib`` is the earlier form (one JSON string), still
# read, and replaced on the next write.
CONTRIB_KEYS = "_contrib_keys"
CONTRIB_IDX = "_contrib_idx"
CONTRIB_JSON = "_contrib"
INTERNAL = (CONTRIB_KEYS, CONTRIB_IDX, CONTRIB_JSON)
_HIDE = ", ".join(f"{k}: null" for k in INTERNAL)  # ``x {.*, _contrib_keys: null, ...}``
_LIGHT = f"sources: null, {_HIDE}"  # ... and without the sources list either

# One round trip before a document's write: lock its nodes, then read what the write
# needs of them and of its relationships. The lock creates bare nodes for new ids and
# sets ``id`` on existing ones (a MERGE that matches takes no write lock; the SET does),
# so two writers touching one node serialise instead of losing each other's sources;
# ids come sorted, so writers lock in one order. What is read leaves the ``sources`` list
# and the contribution indexes out (they grow with every document on shared nodes).
# Rows are lists, not maps (the driver packs every map key of every row, in Python):
# nodes ``[id, fresh, known, plain, contribution keys, properties]`` where ``fresh`` says
# the node is a bare lock (new), ``known`` that this document is already among the
# sources, ``plain`` that the contributions are kept in the current form (else the write
# reads everything, once); relationships ``[index in $rels, elementId, known, plain,
# contribution keys, properties]`` for those of ``$rels`` (``[type, src, dst]``) that exist.
LOCK_AND_READ = f"""
CALL () {{
  UNWIND $ids AS id
  MERGE (n:{ENTITY} {{id: id}})
  SET n.id = id
  RETURN collect([n.id, size(keys(n)) = 1, $sha IN coalesce(n.sources, []),
                  n.{CONTRIB_KEYS} IS NOT NULL AND n.{CONTRIB_JSON} IS NULL, n.{CONTRIB_KEYS},
                  n {{.*, {_LIGHT}}}]) AS nodes
}}
CALL () {{
  UNWIND range(0, size($rels) - 1) AS i
  WITH i, $rels[i] AS k
  MATCH (a:{ENTITY} {{id: k[1]}})-[r]->(b:{ENTITY} {{id: k[2]}})
  WHERE type(r) = k[0]
  RETURN collect([i, elementId(r), $sha IN coalesce(r.sources, []),
                  r.{CONTRIB_KEYS} IS NOT NULL AND r.{CONTRIB_JSON} IS NULL, r.{CONTRIB_KEYS},
                  r {{.*, {_LIGHT}}}]) AS rels
}}
RETURN nodes, rels
"""

# Everything of some nodes and relationships (the rare writes that need the history:
# a document written again, or contributions still in the earlier form).
READ_NODE_PROPS = f"""
MATCH (n:{ENTITY}) WHERE n.id IN $ids
RETURN n.id AS id, properties(n) AS props
"""
READ_RELS_BY_EID = """
UNWIND $eids AS eid
MATCH ()-[r]->() WHERE elementId(r) = eid
RETURN eid, properties(r) AS props
"""

# One round trip for a document's whole write: every label and relationship type in one
# statement (Neo4j 5.26 dynamic labels and types: ``$(row.label)``; the store sends only
# ``Label`` and ``Rel`` values, checked before). ``$sha`` is the document's. Rows (lists):
# - ``fresh`` ``[id, label, contribution key, props]`` / ``new_rels`` ``[type, src, dst,
#   contribution key, props]``: nodes that were bare locks and relationships that did not
#   exist (read under the lock of both ends, so no other writer can have created them
#   since), with their one contribution;
# - ``adds`` ``[id, ki, props]`` / ``rel_adds`` ``[elementId, ki, props]``: a document new
#   to an existing node or relationship (the common case on shared ones): the merged
#   properties that change and the index ``ki`` of its contribution; ``$sha`` goes into
#   the sorted ``sources`` on the server, ``ki`` at the same place in ``_contrib_idx``;
# - ``nodes`` ``[id, props]`` / ``rels`` ``[elementId, props]``: whole records to set (a
#   document written again, or converting contributions kept in an earlier form).
WRITE_BATCH = f"""
CALL () {{
  UNWIND $fresh AS row
  MATCH (n:{ENTITY} {{id: row[0]}})
  SET n:$(row[1])
  SET n += row[3]
  SET n.sources = [$sha], n.{CONTRIB_KEYS} = [row[2]], n.{CONTRIB_IDX} = [0]
  RETURN count(*) AS fresh
}}
CALL () {{
  UNWIND $adds AS row
  MATCH (n:{ENTITY} {{id: row[0]}})
  SET n += row[2]
  WITH n, row, size([s IN n.sources WHERE s < $sha]) AS at
  SET n.{CONTRIB_IDX} = n.{CONTRIB_IDX}[..at] + [row[1]] + n.{CONTRIB_IDX}[at..],
      n.sources = n.sources[..at] + [$sha] + n.sources[at..]
  RETURN count(*) AS adds
}}
CALL () {{
  UNWIND $nodes AS row
  MATCH (n:{ENTITY} {{id: row[0]}})
  SET n += row[1]
  RETURN count(*) AS nodes
}}
CALL () {{
  UNWIND $new_rels AS row
  MATCH (a:{ENTITY} {{id: row[1]}})
  MATCH (b:{ENTITY} {{id: row[2]}})
  CREATE (a)-[r:$(row[0])]->(b)
  SET r = row[4]
  SET r.sources = [$sha], r.{CONTRIB_KEYS} = [row[3]], r.{CONTRIB_IDX} = [0]
  RETURN count(*) AS new_rels
}}
CALL () {{
  UNWIND $rel_adds AS row
  MATCH ()-[r]->() WHERE elementId(r) = row[0]
  SET r += row[2]
  WITH r, row, size([s IN r.sources WHERE s < $sha]) AS at
  SET r.{CONTRIB_IDX} = r.{CONTRIB_IDX}[..at] + [row[1]] + r.{CONTRIB_IDX}[at..],
      r.sources = r.sources[..at] + [$sha] + r.sources[at..]
  RETURN count(*) AS rel_adds
}}
CALL () {{
  UNWIND $rels AS row
  MATCH ()-[r]->() WHERE elementId(r) = row[0]
  SET r += row[1]
  RETURN count(*) AS rels
}}
RETURN fresh, adds, nodes, new_rels, rel_adds, rels
"""

# Statements of the earlier write path, one per label and relationship type, kept for
# the side-by-side benchmark (benchmarks/bench_writes.py: batched vs one row at a time).
LOCK_NODES = f"""
UNWIND $ids AS id
MERGE (n:{ENTITY} {{id: id}})
SET n.id = id
"""
# The same lock on nodes that exist, creating none (for removals).
LOCK_EXISTING_NODES = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}})
SET n.id = id
"""


def _node_upsert(label: Label) -> str:
    return f"""
UNWIND $rows AS row
MATCH (n:{ENTITY} {{id: row.id}})
SET n:{label.value}
SET n = row.props
"""


def _rel_upsert(rel: Rel) -> str:
    return f"""
UNWIND $rows AS row
MATCH (a:{ENTITY} {{id: row.src}})
MATCH (b:{ENTITY} {{id: row.dst}})
MERGE (a)-[r:{rel.value}]->(b)
SET r = row.props
"""


NODE_UPSERT: dict[str, str] = {lbl.value: _node_upsert(lbl) for lbl in Label}
REL_UPSERT: dict[str, str] = {rel.value: _rel_upsert(rel) for rel in Rel}


def node_upsert(label: str) -> str:
    """The write statement for one label of the model (KeyError for anything else)."""
    return NODE_UPSERT[label]


def rel_upsert(rel_type: str) -> str:
    """The write statement for one relationship type of the model."""
    return REL_UPSERT[rel_type]


# Removing a document's contribution: find what lists its sha, lock the nodes involved
# (a relationship through its ends, as writes do), read them again, then (in Python, from
# the ``_contrib`` of each) set what other documents still support to the properties
# their contributions merge to, and delete the rest. Relationships first, so no node is
# deleted while still linked.
SOURCED_RELS = f"""
MATCH (a:{ENTITY})-[r]->(b:{ENTITY}) WHERE $sha IN r.sources
RETURN elementId(r) AS eid, a.id AS src, b.id AS dst
"""
SOURCED_NODE_IDS = f"""
MATCH (n:{ENTITY}) WHERE $sha IN n.sources
RETURN n.id AS id
"""
READ_NODES_LINKED = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}})
RETURN n.id AS id, properties(n) AS props, EXISTS {{ (n)--() }} AS linked
"""
SET_REL_PROPS = """
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.eid
SET r = row.props
"""
DELETE_RELS = """
UNWIND $eids AS eid
MATCH ()-[r]->() WHERE elementId(r) = eid
DELETE r
"""
SET_NODE_PROPS = f"""
UNWIND $rows AS row
MATCH (n:{ENTITY} {{id: row.id}})
SET n = row.props
"""
DELETE_NODES = f"""
UNWIND $ids AS id
MATCH (n:{ENTITY} {{id: id}}) WHERE NOT (n)--()
DELETE n
"""
DOCUMENT_EXISTS = "MATCH (d:Document {sha256: $sha}) RETURN count(d) AS n"

# Read paths project properties without the store's bookkeeping (the contribution lists,
# as long as a sources list): ``x {.*, _contrib_keys: null, ...}``; the store drops the
# nulls. Each has a light variant (``LIGHT[...]``) that leaves ``sources`` out too, for
# the questions of ``graph.queries``: on a board, a role or a national recommendation
# that list grows with every document that mentions it, and no answer shows it.
def _get_nodes(hide: str) -> str:
    return f"""
MATCH (n:{ENTITY}) WHERE n.id IN $ids
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label, n {{.*, {hide}}} AS props
"""


def _find(label: str, hide: str, prop: str | None = None) -> str:
    """``find``; with ``prop``, for a ``where`` that names an indexed key: the equality on
    it is an index seek (the generic ``n[k] = $where[k]`` filter cannot use an index)."""
    seek = f"n.{prop} = $value AND " if prop else ""
    return f"""
MATCH (n:{label})
WHERE {seek}all(k IN keys($where) WHERE n[k] = $where[k])
RETURN n.id AS id, n {{.*, {hide}}} AS props
ORDER BY n.id SKIP $offset LIMIT $limit
"""


def _edges(direction: str, hide: str) -> str:
    """Relationships of the nodes ``$ids`` and the nodes at their other end; ``both``
    answers out and in in one round trip (``UNION ALL``)."""
    if direction == "both":
        return _edges("out", hide) + "UNION ALL" + _edges("in", hide)
    pattern = "(a:{e} {{id: id}})-[r]->(b:{e})" if direction == "out" else "(a:{e})-[r]->(b:{e} {{id: id}})"
    other = "b" if direction == "out" else "a"
    return f"""
UNWIND $ids AS id
MATCH {pattern.format(e=ENTITY)}
WHERE $types IS NULL OR type(r) IN $types
RETURN id, type(r) AS type, a.id AS src, b.id AS dst, r {{.*, {hide}}} AS rprops,
       [l IN labels({other}) WHERE l <> '{ENTITY}'][0] AS label, {other} {{.*, {hide}}} AS props
"""


GET_NODES = _get_nodes(_HIDE)
FIND: dict[str, str] = {lbl.value: _find(lbl.value, _HIDE) for lbl in Label}
FIND_BY: dict[tuple[str, str], str] = {(label, prop): _find(label, _HIDE, prop) for label, prop in INDEXES.values()}
EDGES_OUT = _edges("out", _HIDE)
EDGES_IN = _edges("in", _HIDE)
EDGES_BOTH = _edges("both", _HIDE)
# The same reads without ``sources``, by the name of the full one.
LIGHT: dict[str, str] = {
    GET_NODES: _get_nodes(_LIGHT),
    EDGES_OUT: _edges("out", _LIGHT),
    EDGES_IN: _edges("in", _LIGHT),
    EDGES_BOTH: _edges("both", _LIGHT),
    **{FIND[lbl.value]: _find(lbl.value, _LIGHT) for lbl in Label},
    **{FIND_BY[(label, prop)]: _find(label, _LIGHT, prop) for label, prop in INDEXES.values()},
}

COUNT_ALL = f"MATCH (n:{ENTITY}) RETURN count(n) AS n"
COUNT_LABEL: dict[str, str] = {lbl.value: f"MATCH (n:{lbl.value}) RETURN count(n) AS n" for lbl in Label}
COUNT_RELS_ALL = "MATCH ()-[r]->() RETURN count(r) AS n"
COUNT_REL_TYPE: dict[str, str] = {rel.value: f"MATCH ()-[r:{rel.value}]->() RETURN count(r) AS n" for rel in Rel}

ALL_NODES = f"""
MATCH (n:{ENTITY})
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label, n {{.*, {_HIDE}}} AS props
"""
ALL_RELS = f"""
MATCH (a:{ENTITY})-[r]->(b:{ENTITY})
RETURN type(r) AS type, a.id AS src, b.id AS dst, r {{.*, {_HIDE}}} AS props
"""

def _search(hide: str) -> str:
    """Full-text search through the ``FULLTEXT_INDEX`` (Lucene), never a ``CONTAINS`` scan."""
    return f"""
CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN node.id AS id, [l IN labels(node) WHERE l <> '{ENTITY}'][0] AS label, node {{.*, {hide}}} AS props,
       score
ORDER BY score DESC, id
LIMIT $limit
"""


SEARCH = _search(_HIDE)
LIGHT[SEARCH] = _search(_LIGHT)

PING = "RETURN 1 AS ok"
WIPE = f"MATCH (n:{ENTITY}) DETACH DELETE n"

# Everything ``queries.lineage`` reads, in one round trip (``Neo4jStore.lineage_reads``):
# the recommendation; its relationships of the types of step ``around`` both ways; the
# nodes that answer it (``ANSWERS`` in): their ``answerer_out`` relationships out and
# ``update_in`` in; the updates found so: their ``update_out`` out; the roles the
# answerers link to: their ``role_in`` in (steps and types: ``queries.LINEAGE_STEPS``).
# Types are written into the pattern (closed enums, at import), not passed as a list:
# a role or a meeting has thousands of relationships, and a typed pattern reads only
# those of its types. Relationship rows are lists ``[node id, direction, type, src, dst,
# relationship properties, label and properties of the other end]``, as ``edges`` reads
# them; the id lists say which nodes each set covers (also those with none).
_LBL = "[l IN labels({v}) WHERE l <> '" + ENTITY + "'][0]"


def _lineage_rows(owner: str, other: str, direction: str) -> str:
    src, dst = (owner, other) if direction == "out" else (other, owner)
    return (f"collect([{owner}.id, '{direction}', type(r), {src}.id, {dst}.id, r {{.*, {_LIGHT}}}, "
            f"{_LBL.format(v=other)}, {other} {{.*, {_LIGHT}}}])")


def _types(step: str) -> str:
    from .queries import LINEAGE_STEPS  # the model's relationship types, by step

    return "|".join(Rel(t).value for t in LINEAGE_STEPS[step])


LINEAGE_READS = f"""
MATCH (rec:{ENTITY} {{id: $id}})
CALL (rec) {{
  MATCH (rec)-[r:{_types('around')}]->(b:{ENTITY})
  RETURN {_lineage_rows('rec', 'b', 'out')} AS around_out
}}
CALL (rec) {{
  MATCH (a:{ENTITY})-[r:{_types('around')}]->(rec)
  RETURN {_lineage_rows('rec', 'a', 'in')} AS around_in,
         collect(DISTINCT CASE WHEN type(r) = 'ANSWERS' THEN a END) AS answerers
}}
CALL (answerers) {{
  UNWIND answerers AS x
  MATCH (x)-[r:{_types('answerer_out')}]->(b:{ENTITY})
  RETURN {_lineage_rows('x', 'b', 'out')} AS answerer_out,
         collect(DISTINCT CASE WHEN {_LBL.format(v='b')} = 'Role' THEN b END) AS roles
}}
CALL (answerers) {{
  UNWIND answerers AS x
  MATCH (u:{ENTITY})-[r:{_types('update_in')}]->(x)
  RETURN {_lineage_rows('x', 'u', 'in')} AS update_in, collect(DISTINCT u) AS updates
}}
CALL (updates) {{
  UNWIND updates AS x
  MATCH (x)-[r:{_types('update_out')}]->(b:{ENTITY})
  RETURN {_lineage_rows('x', 'b', 'out')} AS update_out
}}
CALL (roles) {{
  UNWIND roles AS x
  MATCH (p:{ENTITY})-[r:{_types('role_in')}]->(x)
  RETURN {_lineage_rows('x', 'p', 'in')} AS role_in
}}
RETURN {_LBL.format(v='rec')} AS label, rec {{.*, {_LIGHT}}} AS props,
       [x IN answerers | x.id] AS answerers, [x IN updates | x.id] AS updates, [x IN roles | x.id] AS roles,
       around_out + around_in + answerer_out + update_in + update_out + role_in AS edges
"""
