"""Collects one document's nodes, relationships and evidence into a ``GraphBatch``.

Two rules live here so that the record modules need not think about them:

- a node stated several times in one document gets one ``EVIDENCED_BY``, the earliest
  span (merging two spans property by property would pair one quote with another's
  offsets);
- every relationship end is a node of the same batch (stores refuse anything else),
  so relationships are checked as they are added.
"""

from __future__ import annotations

from typing import Any

from govgraph.graph.model import GraphBatch, Label, NodeRec, Rel, RelRec, make_id, merge_props


class BatchBuilder:
    def __init__(self, document: NodeRec) -> None:
        self.document = document
        self._nodes: dict[str, NodeRec] = {}
        self._rels: dict[tuple[str, str, str], RelRec] = {}
        self._evidence: dict[str, dict[str, Any]] = {}

    def node(self, label: Label, node_id: str, props: dict[str, Any], evidence: dict | None = None) -> str:
        """Add (or fill in) a node; ``None`` values are left out. Returns the id."""
        clean = {k: v for k, v in props.items() if v is not None and v != ""}
        if node_id in self._nodes:
            self._nodes[node_id].props = merge_props(self._nodes[node_id].props, clean)
        else:
            self._nodes[node_id] = NodeRec(label.value, node_id, clean)
        self.evidence(node_id, evidence)
        return node_id

    def evidence(self, node_id: str, evidence: dict | None) -> None:
        """Record the words that state a node (the earliest span wins inside one document)."""
        span = _span(evidence)
        if span is None:
            return
        old = self._evidence.get(node_id)
        if old is None or (span["start"], span["end"]) < (old["start"], old["end"]):
            self._evidence[node_id] = span

    def rel(self, rel: Rel, src: str, dst: str, props: dict[str, Any] | None = None) -> None:
        for end in (src, dst):
            if end not in self._nodes and end != self.document.id:
                raise ValueError(f"{rel.value} {src}->{dst}: {end} is not a node of this batch")
        clean = {k: v for k, v in (props or {}).items() if v is not None and v != ""}
        key = (rel.value, src, dst)
        if key in self._rels:
            self._rels[key].props = merge_props(self._rels[key].props, clean)
        else:
            self._rels[key] = RelRec(rel.value, src, dst, clean)

    def has(self, node_id: str) -> bool:
        return node_id in self._nodes

    def build(self) -> GraphBatch:
        for node_id, span in sorted(self._evidence.items()):
            if node_id in self._nodes:
                self.rel(Rel.EVIDENCED_BY, node_id, self.document.id, span)
        nodes = [self._nodes[k] for k in sorted(self._nodes)]
        rels = [self._rels[k] for k in sorted(self._rels)]
        return GraphBatch(self.document, nodes, rels)


def record_evidence(record: dict) -> dict | None:
    """A record's evidence span with the rule (and confidence) that produced it."""
    evidence = record.get("evidence")
    if not isinstance(evidence, dict):
        return None
    return {**{k: record.get(k) for k in ("rule", "confidence")}, **evidence}


def _span(evidence: dict | None) -> dict[str, Any] | None:
    if not isinstance(evidence, dict):
        return None
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    span: dict[str, Any] = {"start": start, "end": end, "quote": evidence.get("quote") or ""}
    for extra in ("rule", "confidence"):
        if evidence.get(extra) is not None:
            span[extra] = evidence[extra]
    return span


def document_node(sha256: str, props: dict[str, Any]) -> NodeRec:
    clean = {k: v for k, v in props.items() if v is not None and v != ""}
    return NodeRec(Label.DOCUMENT.value, make_id(Label.DOCUMENT, sha256), {"sha256": sha256, **clean})
