"""How each kind of node and relationship looks: one colour and shape per label.

Colours are chosen so the accountability chain reads at a glance: the recommendation
and its report in reds, what was said (findings) in blue, what was promised (actions)
in orange and their updates in yellow, meetings and boards in greens, people and roles
in purples. Shapes differ too, so the legend still works for colour-blind readers.

>>> style_for("Finding")["shape"]
'box'
>>> [e["label"] for e in legend(["Action", "Finding"])]
['Finding', 'Action']
"""

from __future__ import annotations

from typing import Any

from govgraph.graph.model import Label, Rel

# label -> vis-network node style. Shapes with the label inside ("box", "ellipse")
# are used for nodes whose text matters; shapes with the label below for the rest.
NODE_STYLES: dict[str, dict[str, Any]] = {
    Label.RECOMMENDATION: {"color": "#c0392b", "shape": "diamond", "size": 26},
    Label.QUESTION: {"color": "#e74c3c", "shape": "diamond", "size": 22},
    Label.REPORT: {"color": "#7b241c", "shape": "square", "size": 20},
    Label.FINDING: {"color": "#5dade2", "shape": "box"},
    Label.ACTION: {"color": "#f39c12", "shape": "box"},
    Label.UPDATE: {"color": "#f7dc6f", "shape": "box"},
    Label.DECISION: {"color": "#a3e4d7", "shape": "box"},
    Label.MEETING: {"color": "#27ae60", "shape": "ellipse"},
    Label.BOARD: {"color": "#145a32", "shape": "hexagon", "size": 24},
    Label.AGENDA_ITEM: {"color": "#d5dbdb", "shape": "box"},
    Label.PERSON: {"color": "#8e44ad", "shape": "dot", "size": 16},
    Label.ROLE: {"color": "#d2b4de", "shape": "triangle", "size": 16},
    Label.ORGANISATION: {"color": "#566573", "shape": "square", "size": 16},
    Label.DOCUMENT: {"color": "#bfc9ca", "shape": "star", "size": 14},
}
UNKNOWN_STYLE: dict[str, Any] = {"color": "#95a5a6", "shape": "dot", "size": 12}

# Labels whose shape draws the text inside it (a light background needs dark text).
_LIGHT = {Label.UPDATE, Label.DECISION, Label.AGENDA_ITEM, Label.FINDING, Label.ACTION, Label.ROLE}

# The order the legend lists labels in: along the accountability chain.
LEGEND_ORDER = [
    Label.RECOMMENDATION, Label.QUESTION, Label.REPORT, Label.FINDING, Label.ACTION, Label.UPDATE,
    Label.DECISION, Label.MEETING, Label.BOARD, Label.AGENDA_ITEM, Label.PERSON, Label.ROLE,
    Label.ORGANISATION, Label.DOCUMENT,
]

# Relationship colours: the chain (answers, updates, carried) stands out, the rest is grey.
EDGE_COLORS: dict[str, str] = {
    Rel.ANSWERS: "#c0392b",
    Rel.ISSUED_IN: "#7b241c",
    Rel.UPDATES: "#b7950b",
    Rel.NEXT: "#1e8449",
    "CARRIED": "#e67e22",
    Rel.OWNED_BY: "#8e44ad",
    Rel.STATED_BY: "#8e44ad",
    Rel.HELD: "#a569bd",
    Rel.CHAIRED: "#6c3483",
    Rel.CHAIRED_BY: "#6c3483",
}
EDGE_DEFAULT_COLOR = "#aab7b8"


# How the edge legend names a relationship (others: their type in lower case).
EDGE_NAMES: dict[str, str] = {
    "CARRIED": "action carried to a later meeting",
    Rel.NEXT: "next meeting",
    Rel.ANSWERS: "answers",
    Rel.UPDATES: "updates (an action)",
    Rel.HELD: "held (a role)",
    Rel.OF_BOARD: "meeting of",
}


def edge_legend(types: list[str] | set[str]) -> list[dict[str, str]]:
    """Legend entries (name, colour) for the relationship types present, coloured first.

    >>> edge_legend({"NEXT", "CARRIED"})[0]["name"]
    'action carried to a later meeting'
    """
    def key(t: str) -> tuple[bool, str]:
        return (t not in EDGE_COLORS, EDGE_NAMES.get(t, t))

    return [{"name": EDGE_NAMES.get(t, t.lower().replace("_", " ")), "color": edge_color(t)}
            for t in sorted(set(types), key=key)]


def style_for(label: str) -> dict[str, Any]:
    """The vis-network options (colour, shape, size, font) for a node of this label."""
    s = dict(NODE_STYLES.get(label, UNKNOWN_STYLE))
    s["font"] = {"color": "#1b2631" if label in _LIGHT or s["shape"] not in ("box", "ellipse") else "#ffffff"}
    return s


def edge_color(rel_type: str) -> str:
    return EDGE_COLORS.get(rel_type, EDGE_DEFAULT_COLOR)


def legend(labels: list[str] | set[str] | None = None) -> list[dict[str, str]]:
    """Legend entries (label, colour, shape) for the labels present, in chain order."""
    present = set(labels) if labels is not None else set(LEGEND_ORDER)
    out = [{"label": str(lab), **_entry(lab)} for lab in LEGEND_ORDER if lab in present]
    out += [{"label": str(lab), **_entry(lab)} for lab in sorted(present - set(LEGEND_ORDER))]
    return out


def _entry(label: str) -> dict[str, str]:
    s = NODE_STYLES.get(label, UNKNOWN_STYLE)
    return {"color": s["color"], "shape": s["shape"]}
