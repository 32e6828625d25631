"""Schemathesis against the app's own OpenAPI schema, on both stores with the seed and
the June/August minutes loaded: bounded examples per operation, no 5xx, every answer's
status code, content type, headers and body as documented.

Skipped when schemathesis is not installed (it is in the ``dev`` extra). One check is
left out, on purpose: ``allow_header_conformance``: Starlette's 405 names the methods of
the first route that matched the path only (``OPTIONS /documents`` says ``GET`` but not
``POST``).

Date parameters take ISO dates only (a number is no longer read as a Unix time), and
the HTML pages (``/`` and ``/view/...``) list their 400, 404, 500 and 503 pages and the
pattern of their ``from``/``to`` dates, so ``negative_data_rejection`` and
``status_code_conformance`` run on every operation. ``GET /export`` refuses a board and
a report together, which OpenAPI cannot express.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

schemathesis = pytest.importorskip("schemathesis")

from govgraph.api import create_app  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis import checks as st_checks  # noqa: E402

from .support import GOOD, api_settings  # noqa: E402

EXAMPLES = 8
# Whole-graph answers (RDF export, gap analysis, tracker downloads) take a second or so
# each on a small machine: fewer examples there.
HEAVY = {"/export", "/analysis/gaps", "/reports/{kind}", "/"}


@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def api_store(request):
    from govgraph.ingest.load import ingest_paths

    if request.param == "embedded":
        from govgraph.graph.embedded import EmbeddedStore

        tmp = tempfile.TemporaryDirectory(prefix="govgraph-st-")
        store = EmbeddedStore(Path(tmp.name) / "store")
    else:
        from govgraph.graph.neo4j_store import Neo4jStore

        uri, user, password = request.getfixturevalue("neo4j_conn")
        store = Neo4jStore(uri, user, password)
        store.wipe()
        tmp = None
    assert ingest_paths(list(GOOD), store, progress=False).ok
    yield store
    store.close()
    if tmp is not None:
        tmp.cleanup()


@pytest.fixture(scope="module")
def api_schema(api_store):
    app = create_app(api_store, api_settings())
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    return {f"{op.method.upper()} {op.path}": op for op in (r.ok() for r in schema.get_all_operations())}


def _operations() -> list[str]:
    """The operations, read from the app's schema at collection (over an empty store)."""
    from govgraph.graph.embedded import EmbeddedStore

    with tempfile.TemporaryDirectory() as tmp:
        spec = create_app(EmbeddedStore(tmp), api_settings()).openapi()
    return [f"{m.upper()} {p}" for p, ops in spec["paths"].items() for m in ops]


@pytest.mark.parametrize("operation", _operations())
def test_the_api_answers_as_documented(api_schema, operation):
    op = api_schema[operation]
    excluded = [st_checks.allow_header_conformance]
    if op.path.startswith("/view/"):  # valid ids that name no node: the documented 404 page
        excluded.append(st_checks.positive_data_acceptance)
    if op.path == "/export":  # board and report together are refused: OpenAPI cannot say so
        excluded.append(st_checks.positive_data_acceptance)
    count = {"n": 0}

    def run(case):
        count["n"] += 1
        case.call_and_validate(excluded_checks=excluded)

    examples = 3 if op.path in HEAVY else EXAMPLES
    for mode, n in ((GenerationMode.POSITIVE, examples), (GenerationMode.NEGATIVE, max(1, examples // 2))):
        strategy = op.as_strategy(generation_mode=mode)
        try:
            settings(max_examples=n, deadline=None, database=None,
                     suppress_health_check=list(HealthCheck))(given(case=strategy)(run))()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE  # nothing invalid to send (no parameters)
    assert count["n"] > 0


def test_schemathesis_wrote_nothing(api_store):
    """Schemathesis sends writes without a valid token: the loaded documents are all still there."""
    assert sorted(d.props["source"] for d in api_store.documents()) == sorted(str(f.resolve()) for f in GOOD)
