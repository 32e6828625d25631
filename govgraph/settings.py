"""All configuration in one place, read from the environment (and a ``.env`` file).

| variable | default | meaning |
|---|---|---|
| GOVGRAPH_STORE | embedded | ``embedded`` (one file, nothing to install) or ``neo4j`` |
| GOVGRAPH_DATA_DIR | ./govgraph-data | where the embedded store keeps its file |
| NEO4J_URI | bolt://127.0.0.1:7687 | Neo4j server (``neo4j://`` / ``neo4j+s://`` for clusters, Aura) |
| NEO4J_USER | neo4j | |
| NEO4J_PASSWORD | (empty) | |
| NEO4J_DATABASE | neo4j | |
| GOVGRAPH_API_TOKEN | (unset) | bearer token for write endpoints; unset means writes are refused |
| GOVGRAPH_MAX_UPLOAD_BYTES | 20000000 | largest upload the API accepts |
| GOVGRAPH_MAX_DOCUMENT_BYTES | 50000000 | largest file the readers will open |
| GOVGRAPH_CORS_ORIGINS | (empty) | comma-separated origins allowed by CORS; empty means closed |
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    store: Literal["embedded", "neo4j"] = Field("embedded", alias="GOVGRAPH_STORE")
    data_dir: Path = Field(Path("govgraph-data"), alias="GOVGRAPH_DATA_DIR")
    neo4j_uri: str = Field("bolt://127.0.0.1:7687", alias="NEO4J_URI")
    neo4j_user: str = Field("neo4j", alias="NEO4J_USER")
    neo4j_password: str = Field("", alias="NEO4J_PASSWORD")
    neo4j_database: str = Field("neo4j", alias="NEO4J_DATABASE")
    api_token: str | None = Field(None, alias="GOVGRAPH_API_TOKEN")
    max_upload_bytes: int = Field(20_000_000, alias="GOVGRAPH_MAX_UPLOAD_BYTES")
    max_document_bytes: int = Field(50_000_000, alias="GOVGRAPH_MAX_DOCUMENT_BYTES")
    cors_origins: str = Field("", alias="GOVGRAPH_CORS_ORIGINS")

    @property
    def cors_origin_list(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
