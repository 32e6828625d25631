"""The JSON API (FastAPI): thin routes over ``graph.queries``.

Run it with ``uvicorn govgraph.api.app:create_app --factory`` (or ``govgraph serve``).
"""

from .app import create_app

__all__ = ["create_app"]
