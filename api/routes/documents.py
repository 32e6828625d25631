"""Documents: list them, upload one (read -> extract -> resolve -> write), delete one.

Writes need the bearer token (``deps.require_writer``). An upload replaces earlier
versions with the same (sanitised) file name in the same transaction, as ``govgraph
ingest`` does for a changed file: that is how a corrected version of a document is
loaded. Two different documents uploaded under one name would replace each other, so
the answer names what was replaced (``replaced``) and the server logs it. A delete
removes exactly what that document contributed and keeps what other documents still
support.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path as FsPath
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from govgraph.graph import Store, queries

from govgraph.settings import Settings

from .. import respond
from ..deps import PageDep, SettingsDep, StoreDep, WriterDep
from ..errors import not_found
from ..schemas import Deleted, DocumentOut, Error, Page, UploadResult
from ..upload import ALLOWED_EXTENSIONS, SavedUpload, receive_upload
from . import NOT_FOUND, READ_ERRORS, UNAVAILABLE

log = logging.getLogger("govgraph.api")
router = APIRouter(tags=["documents"])

Sha256 = Annotated[str, Path(pattern=r"^[0-9a-fA-F]{64}$", description="sha256 of the document's bytes")]

_AUTH_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Error, "description": "missing or wrong bearer token"},
    403: {"model": Error, "description": "writes are disabled (no token configured)"},
}
_UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary",
                            "description": f"one minutes file: {', '.join(ALLOWED_EXTENSIONS)}"}},
}}}}}


@router.get("/documents", response_model=Page[DocumentOut], responses=UNAVAILABLE)
def list_documents(store: StoreDep, page: PageDep):
    """Loaded documents, by source name."""
    total, items = queries.document_list(store, limit=page.limit, offset=page.offset)
    return respond.page(items, total, page.limit, page.offset)


@router.get("/documents/{sha256}", response_model=DocumentOut, responses=READ_ERRORS)
def get_document(store: StoreDep, sha256: Sha256):
    """One loaded document: its source name, format, title and when it was loaded."""
    found = queries.document_by_sha(store, sha256.lower())
    if found is None:
        raise not_found("document", sha256)
    return respond.JSONBody(found)


@router.post(
    "/documents", status_code=status.HTTP_201_CREATED, response_model=UploadResult, dependencies=[WriterDep],
    openapi_extra=_UPLOAD_BODY,
    responses={**_AUTH_ERRORS, **UNAVAILABLE,
               200: {"model": UploadResult, "description": "these exact bytes were already loaded"},
               413: {"model": Error, "description": "file larger than GOVGRAPH_MAX_UPLOAD_BYTES"},
               415: {"model": Error, "description": "not one of the accepted file types"},
               422: {"model": Error, "description": "the document could not be read"}},
)
async def upload_document(request: Request, response: Response, store: StoreDep, settings: SettingsDep):
    """Load one minutes file (multipart field ``file``); 201 with what was written and
    extracted. The document is queryable as soon as this returns."""
    with tempfile.TemporaryDirectory(prefix="govgraph-upload-") as tmp:
        saved = await receive_upload(request, FsPath(tmp), settings.max_upload_bytes)
        result = await run_in_threadpool(_load, store, saved, settings)
    if result["status"] == "unchanged":
        response.status_code = status.HTTP_200_OK
    return result


@router.delete("/documents/{sha256}", response_model=Deleted, dependencies=[WriterDep],
               responses={**_AUTH_ERRORS, **NOT_FOUND, **UNAVAILABLE})
def delete_document(store: StoreDep, sha256: Sha256):
    """Remove exactly what this document contributed (nodes and links other documents
    also support stay, with this document's mark removed)."""
    if not store.delete_document(sha256.lower()):
        raise not_found("document", sha256)
    return {"sha256": sha256.lower(), "deleted": True}


def _unreadable(saved: SavedUpload, message: str) -> HTTPException:
    return HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, f"{saved.name}: {message}")


def _load(store: Store, saved: SavedUpload, settings: Settings) -> dict[str, Any]:
    """read -> extract -> resolve -> write, for one saved upload (runs in a worker thread)."""
    from govgraph.ingest.extract.pipeline import extract_document
    from govgraph.ingest.load import now_iso
    from govgraph.ingest.readers import ReadError, read_document
    from govgraph.ingest.resolve import resolve

    try:
        doc = read_document(saved.path, max_bytes=settings.max_document_bytes)
    except ReadError as e:
        # The message starts with our temp path: show the client its own file name instead.
        reason = str(e).removeprefix(f"{saved.path}: ").replace(str(saved.path), saved.name)
        raise _unreadable(saved, f"could not be read: {reason}") from None
    except Exception:
        log.exception("reading upload %s", saved.name)
        raise _unreadable(saved, "could not be read") from None
    doc.source = saved.name
    document = {"sha256": doc.sha256, "source": saved.name, "format": doc.format}
    existing = queries.document_by_sha(store, doc.sha256)
    if existing is not None:
        return {"status": "unchanged", "document": {**document, "title": existing.get("title")},
                "write": {"sha256": doc.sha256}, "extracted": {}, "replaced": []}
    try:
        extraction = extract_document(doc)
    except Exception:
        log.exception("extracting upload %s", saved.name)
        raise _unreadable(saved, "no records could be extracted from this document") from None
    try:
        batch = resolve(extraction, now_iso())
    except Exception:
        log.exception("resolving upload %s", saved.name)
        raise _unreadable(saved, "the extracted records could not be resolved into the graph") from None
    earlier = {str(d.props.get("sha256")): d.props for d in store.document_by_source(saved.name)}
    earlier.pop(batch.sha256, None)
    replaces = sorted(earlier)
    summary = store.write(batch, replaces=replaces)
    replaced = [{"sha256": sha, "source": earlier[sha].get("source"), "title": earlier[sha].get("title"),
                 "ingested_at": earlier[sha].get("ingested_at")} for sha in replaces]
    for r in replaced:
        log.info("upload %s (%s) replaced the earlier %s (%s, loaded %s)", saved.name, batch.sha256[:12],
                 r["source"], r["sha256"][:12], r["ingested_at"])
    extracted = {k: len(v) for k, v in extraction.items() if isinstance(v, list)}
    return {"status": "created", "document": {**document, "title": batch.document.props.get("title")},
            "write": summary.as_dict(), "extracted": extracted, "replaced": replaced}
