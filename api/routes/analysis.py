"""Standards and analysis over HTTP: RDF export, accountability gaps, auditors' reports.

Thin wrappers over ``graph.rdf``, ``graph.analysis`` and ``graph.reports``, so the
command line and the API give the same answers.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response
from govgraph.graph import analysis, rdf, reports

from ..deps import IsoDate, StoreDep
from . import READ_ERRORS, UNAVAILABLE

router = APIRouter(tags=["analysis"])


class ExportFormat(StrEnum):
    ttl = "ttl"
    jsonld = "jsonld"
    nt = "nt"
    graphml = "graphml"


class ReportKind(StrEnum):
    recommendations = "recommendations"
    actions = "actions"


class ReportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"
    md = "md"


_REPORT_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "md": "text/markdown; charset=utf-8",
}
_EXPORT_MEDIA = {**rdf.MEDIA_TYPES, "graphml": "application/xml"}
# /export answers 422 in two shapes: FastAPI's list of invalid parameters, or one message
# (both a board and a report asked for).
_EXPORT_422: dict[int | str, dict[str, Any]] = {422: {
    "description": "invalid parameters, or both a board and a report asked for",
    "content": {"application/json": {"schema": {"anyOf": [
        {"$ref": "#/components/schemas/Error"}, {"$ref": "#/components/schemas/HTTPValidationError"}]}}},
}}
TodayQ = Annotated[IsoDate | None, Query(description="reference date for ages (default: today)")]


@router.get("/export", responses={**READ_ERRORS, **_EXPORT_422}, response_class=Response)
def export(
    store: StoreDep,
    format: Annotated[ExportFormat, Query(description="ttl, jsonld, nt or graphml")] = ExportFormat.ttl,
    board: Annotated[str | None, Query(max_length=200, description="only this board (id)")] = None,
    report: Annotated[str | None, Query(max_length=200, description="only this report (id)")] = None,
) -> Response:
    """The graph (or one board / one report) as RDF: W3C ORG, PROV-O, Dublin Core and the
    govgraph vocabulary, with stable IRIs from the deterministic ids."""
    try:
        body = rdf.export(store, format.value, None, board_id=board, report_id=report)
    except LookupError as e:
        raise HTTPException(404, detail=str(e)) from e
    except ValueError as e:
        raise HTTPException(422, detail=str(e)) from e
    return Response(body, media_type=_EXPORT_MEDIA.get(format.value, "text/plain"),
                    headers={"Content-Disposition": f'attachment; filename="govgraph.{format.value}"'})


@router.get("/analysis/gaps", responses=UNAVAILABLE)
def gaps(
    store: StoreDep,
    months: Annotated[int, Query(ge=1, le=240, description="evidence older than this is out of date")] = 12,
    stale_meetings: Annotated[int, Query(ge=1, le=100, description="meetings without an update that make an action stale")] = 2,
    today: TodayQ = None,
) -> dict[str, Any]:
    """Recommendations with no answering evidence, stale actions, owners with no known
    holder, owners ranked by open actions, and the most central boards and people."""
    return analysis.gaps(store, months=months, stale_meetings=stale_meetings,
                         today=today.isoformat() if today else None)


@router.get("/reports/{kind}", responses=UNAVAILABLE, response_class=Response)
def report(
    store: StoreDep,
    kind: ReportKind,
    format: Annotated[ReportFormat, Query(description="csv, xlsx or md")] = ReportFormat.csv,
    today: TodayQ = None,
) -> Response:
    """A download for auditors: the recommendation tracker or the action log."""
    day = today.isoformat() if today else None
    rows = reports.recommendation_tracker(store, today=day) if kind == ReportKind.recommendations \
        else reports.action_log_rows(store, today=day)
    body = reports.write_rows(rows, format.value, None)
    return Response(body, media_type=_REPORT_MEDIA[format.value],
                    headers={"Content-Disposition": f'attachment; filename="{kind.value}.{format.value}"'})
