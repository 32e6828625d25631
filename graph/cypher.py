"""Every Cypher statement govgraph runs, as named constants with parameters.

No query is ever built from request or document text. Labels and relationship types
cannot be parameters in Cypher, so the per-label and per-type statements are generated
once, at import, from the model's closed enums (``Label``, ``Rel``): reviewable, and
impossible to reach with user input (``node_upsert(label)`` refuses anything else).
"""

from __future__ import annotations

from .model import SEARCHABLE, Label, Rel

# All nodes carry this extra label so that one uniqueness constraint covers every id.
ENTITY = "Entity"
FULLTEXT_INDEX = "govgraph_text"

SCHEMA = [
    # Uniqueness of ids (also the index every MERGE/MATCH by id uses).
    f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
    *[f"CREATE CONSTRAINT {lbl.value.lower()}_id IF NOT EXISTS FOR (n:{lbl.value}) REQUIRE n.id IS UNIQUE"
      for lbl in Label],
    # Lookup keys.
    "CREATE INDEX document_source IF NOT EXISTS FOR (n:Document) ON (n.source)",
    "CREATE INDEX document_sha IF NOT EXISTS FOR (n:Document) ON (n.sha256)",
    "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
    "CREATE INDEX meeting_body IF NOT EXISTS FOR (n:Meeting) ON (n.body)",
    "CREATE INDEX role_abbr IF NOT EXISTS FOR (n:Role) ON (n.abbr)",
    "CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)",
    "CREATE INDEX board_name IF NOT EXISTS FOR (n:Board) ON (n.name)",
    "CREATE INDEX action_status IF NOT EXISTS FOR (n:Action) ON (n.status)",
    "CREATE INDEX recommendation_ref IF NOT EXISTS FOR (n:Recommendation) ON (n.ref)",
    # Full text over what people search for.
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{'|'.join(lbl.value for lbl in SEARCHABLE)}) "
    "ON EACH [n.text, n.title]",
]

# Which schema objects exist (for the with/without-index benchmark).
SHOW_INDEXES = "SHOW INDEXES YIELD name RETURN name"

# Lock the ids of a batch (create bare nodes for new ones) before reading them, so two
# writers touching the same node serialise instead of losing each other's sources and
# contributions. A MERGE that matches an existing node takes no write lock; the SET does
# (ids are passed sorted, so writers lock in one order).
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

READ_NODE_PROPS = f"""
MATCH (n:{ENTITY}) WHERE n.id IN $ids
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label, properties(n) AS props
"""

READ_REL_PROPS = f"""
UNWIND $keys AS k
MATCH (a:{ENTITY} {{id: k.src}})-[r]->(b:{ENTITY} {{id: k.dst}})
WHERE type(r) = k.type
RETURN k.type AS type, k.src AS src, k.dst AS dst, properties(r) AS props
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
READ_RELS_BY_EID = """
UNWIND $eids AS eid
MATCH ()-[r]->() WHERE elementId(r) = eid
RETURN eid, properties(r) AS props
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

# Read paths project properties without the store's bookkeeping (``_contrib``, which can
# be as long as a sources list): ``x {.*, _contrib: null}``; the store drops the null key.
GET_NODES = f"""
MATCH (n:{ENTITY}) WHERE n.id IN $ids
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label, n {{.*, _contrib: null}} AS props
"""


def _find(label: Label) -> str:
    return f"""
MATCH (n:{label.value})
WHERE all(k IN keys($where) WHERE n[k] = $where[k])
RETURN n.id AS id, n {{.*, _contrib: null}} AS props
ORDER BY n.id SKIP $offset LIMIT $limit
"""


FIND: dict[str, str] = {lbl.value: _find(lbl) for lbl in Label}

EDGES_OUT = f"""
UNWIND $ids AS id
MATCH (a:{ENTITY} {{id: id}})-[r]->(b:{ENTITY})
WHERE $types IS NULL OR type(r) IN $types
RETURN id, type(r) AS type, a.id AS src, b.id AS dst, r {{.*, _contrib: null}} AS rprops,
       [l IN labels(b) WHERE l <> '{ENTITY}'][0] AS label, b {{.*, _contrib: null}} AS props
"""
EDGES_IN = f"""
UNWIND $ids AS id
MATCH (a:{ENTITY})-[r]->(b:{ENTITY} {{id: id}})
WHERE $types IS NULL OR type(r) IN $types
RETURN id, type(r) AS type, a.id AS src, b.id AS dst, r {{.*, _contrib: null}} AS rprops,
       [l IN labels(a) WHERE l <> '{ENTITY}'][0] AS label, a {{.*, _contrib: null}} AS props
"""

COUNT_ALL = f"MATCH (n:{ENTITY}) RETURN count(n) AS n"
COUNT_LABEL: dict[str, str] = {lbl.value: f"MATCH (n:{lbl.value}) RETURN count(n) AS n" for lbl in Label}
COUNT_RELS_ALL = "MATCH ()-[r]->() RETURN count(r) AS n"
COUNT_REL_TYPE: dict[str, str] = {rel.value: f"MATCH ()-[r:{rel.value}]->() RETURN count(r) AS n" for rel in Rel}

ALL_NODES = f"""
MATCH (n:{ENTITY})
RETURN n.id AS id, [l IN labels(n) WHERE l <> '{ENTITY}'][0] AS label, n {{.*, _contrib: null}} AS props
"""
ALL_RELS = f"""
MATCH (a:{ENTITY})-[r]->(b:{ENTITY})
RETURN type(r) AS type, a.id AS src, b.id AS dst, r {{.*, _contrib: null}} AS props
"""

SEARCH = f"""
CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN node.id AS id, [l IN labels(node) WHERE l <> '{ENTITY}'][0] AS label, node {{.*, _contrib: null}} AS props,
       score
ORDER BY score DESC, id
LIMIT $limit
"""

PING = "RETURN 1 AS ok"
WIPE = f"MATCH (n:{ENTITY}) DETACH DELETE n"
