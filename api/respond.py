"""JSON answers for the read routes: the query's dict, written once by orjson.

Given a dict and a ``response_model``, FastAPI validates the dict into the model (in a
second trip to the threadpool for a ``def`` route) and then serialises the model. For
the lineages of the benchmark corpus that cost about a fifth of the query itself
(1.5 ms against 7 ms), and orjson writes the same dict in a third of the time pydantic
takes to serialise the model (0.27 ms against 0.82 ms). So a read route returns
:class:`JSONBody`: FastAPI sends a ``Response`` as it is, from the worker thread that
ran the query.

The response models still describe every answer (``response_model=`` on each route,
so OpenAPI and ``/docs`` are unchanged); tests/api/test_contract.py checks that every
answer validates against its model and is what the model would write, except that an
optional field a node lacks is left out rather than sent as ``null``; schemathesis
(tests/reliability) checks the answers against the OpenAPI schema.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

import orjson
from fastapi.responses import Response
from pydantic import BaseModel


def _fallback(value: Any) -> Any:
    """What orjson cannot write itself: sets (sorted, so answers are stable), models."""
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    if isinstance(value, Enum):
        return value.value
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def dumps(content: Any) -> bytes:
    """``content`` as compact UTF-8 JSON (what ``JSONBody`` sends).

    >>> dumps({"a": [1, "é"], "b": None})
    b'{"a":[1,"\\xc3\\xa9"],"b":null}'
    """
    return orjson.dumps(content, default=_fallback, option=orjson.OPT_NON_STR_KEYS)


class JSONBody(Response):
    """``application/json`` written by orjson, without validation by FastAPI."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content)


def page(items: list[Any], total: int, limit: int, offset: int) -> JSONBody:
    """One page of a list (the ``Page`` model's four keys)."""
    return JSONBody({"items": items, "total": total, "limit": limit, "offset": offset})

