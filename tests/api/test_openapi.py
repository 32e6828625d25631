"""The API documents itself (/docs, examples on the main models, every route described),
and no endpoint builds Cypher: the api/ package holds no query text at all."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from .support import client_for

API_DIR = Path(__file__).resolve().parents[2] / "api"
ROUTES = {
    ("get", "/meetings"), ("get", "/meetings/{meeting_id}"), ("get", "/recommendations"),
    ("get", "/recommendations/{rec_id}/lineage"), ("get", "/findings/{finding_id}"), ("get", "/actions"),
    ("get", "/actions/{action_id}"), ("get", "/people"), ("get", "/people/{person_id}"), ("get", "/roles/{abbr}"),
    ("get", "/boards"), ("get", "/boards/{board_id}"), ("get", "/search"), ("get", "/health"),
    ("get", "/documents"), ("get", "/documents/{sha256}"), ("post", "/documents"), ("delete", "/documents/{sha256}"),
}


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    from govgraph.graph.embedded import EmbeddedStore

    with client_for(EmbeddedStore(tmp_path_factory.mktemp("s"))) as c:
        assert c.get("/docs").status_code == 200
        yield c.get("/openapi.json").json()


def test_every_route_is_there_and_described(spec):
    found = {(m, p) for p, ops in spec["paths"].items() for m in ops}
    assert ROUTES <= found
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            assert op.get("description"), f"{method.upper()} {path} has no docstring"
            assert op.get("tags"), f"{method.upper()} {path} has no tag"


def test_main_models_carry_examples(spec):
    schemas = spec["components"]["schemas"]
    for name in ("Lineage", "Finding", "Action", "RecommendationSummary", "MeetingSummary", "MeetingDetail",
                 "RoleAnswer", "UploadResult", "Health", "Error"):
        assert schemas[name].get("examples"), name


def test_writes_are_documented_as_bearer_protected_uploads(spec):
    post = spec["paths"]["/documents"]["post"]
    assert "multipart/form-data" in post["requestBody"]["content"]
    assert {"201", "401", "403", "413", "415", "422"} <= set(post["responses"])
    assert post["security"] and spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert spec["paths"]["/documents/{sha256}"]["delete"]["security"]
    assert "security" not in spec["paths"]["/meetings"]["get"]


CYPHER = re.compile(r"\b(MATCH|MERGE|CREATE|DETACH|UNWIND)\b")


def _strings(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_no_endpoint_builds_cypher():
    """Everything goes through graph.queries and Store methods with parameters."""
    assert CYPHER.search("MATCH (n {id: $id}) RETURN n")  # the check can see Cypher
    files = sorted(API_DIR.rglob("*.py"))
    assert len(files) >= 10
    for f in files:
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for line, text in _strings(tree):
            assert not CYPHER.search(text), f"{f.name}:{line}: Cypher-like text {text[:60]!r}"
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                assert not module.startswith("neo4j") and not module.endswith("cypher"), f"{f.name}: imports {module}"
                assert not any(a.name == "cypher" for a in node.names), f"{f.name}: imports cypher"
            elif isinstance(node, ast.Import):
                assert not any(a.name.startswith("neo4j") for a in node.names), f"{f.name}: imports neo4j"
