"""The API's routes, one small module per kind of thing asked about."""

from __future__ import annotations

from typing import Any

from ..schemas import Error

# OpenAPI: the error answers a read route may give besides 200 and 422.
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Error, "description": "no such id"}}
UNAVAILABLE: dict[int | str, dict[str, Any]] = {503: {"model": Error, "description": "the store is unavailable"}}
READ_ERRORS = {**NOT_FOUND, **UNAVAILABLE}
