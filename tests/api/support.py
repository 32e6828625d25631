"""Shared helpers for the API tests: the minutes, settings and clients.

The minutes go through the real pipeline (``ingest.load.ingest_paths``: read ->
extract -> resolve -> write), so these tests exercise the API over what the
extractor actually finds in the seed and the June/August series.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from govgraph.api import create_app

from govgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "assurance-meeting-2018-07.txt"
SERIES_DIR = ROOT / "tests" / "fixtures" / "series"
JUNE = SERIES_DIR / "assurance-meeting-2018-06.txt"
AUGUST = SERIES_DIR / "assurance-meeting-2018-08.txt"
MINUTES = [JUNE, SEED, AUGUST]
TOKEN = "test-token-3f9a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def api_settings(**overrides) -> Settings:
    """Settings for a test app, independent of the environment and any .env file."""
    values = {"api_token": TOKEN, "max_upload_bytes": 2_000_000, "cors_origins": "", "store": "embedded"}
    values.update(overrides)
    return Settings(_env_file=None, **values)


def client_for(store, **settings) -> TestClient:
    """A client over an app over ``store`` (use it as a context manager)."""
    return TestClient(create_app(store, api_settings(**settings)))


def ingest_minutes(store, paths=MINUTES) -> None:
    """Load minutes through the real pipeline, as ``govgraph ingest`` does."""
    from govgraph.ingest.load import ingest_paths

    report = ingest_paths(list(paths), store, progress=False)
    assert report.ok, report.errors


def find_recommendation(client: TestClient, needle: str) -> dict:
    """The one recommendation whose text contains ``needle``, from the list endpoint."""
    items = client.get("/recommendations", params={"limit": 500}).json()["items"]
    found = [r for r in items if needle in (r["recommendation"].get("text") or "")]
    assert len(found) == 1, [r["recommendation"].get("text") for r in items]
    return found[0]
