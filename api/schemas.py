"""Response models: the API's JSON contract, kept apart from the storage model.

``graph.queries`` answers in plain dicts; these models type, document and validate
them on the way out. Nodes keep every property they have (``extra="allow"``): a
meeting read from minutes may carry more than the fields named here.
"""

from __future__ import annotations

from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

_MEETING_EXAMPLE: dict[str, Any] = {
    "id": "mtg_121141e4684a9a3d", "label": "Meeting", "body": "Monthly Assurance Meeting",
    "date": "2018-07-31", "time": "10:30", "venue": "Meeting Room 1.38 – Hindlip",
    "title": "Monthly Assurance Meeting July 2018 – Meeting Notes", "kind": "holding to account",
}
_REC_EXAMPLE: dict[str, Any] = {
    "id": "rec_564f86267e9a1cff", "label": "Recommendation", "ref": "3",
    "theme": "Protecting vulnerable people and supporting victims",
    "text": "The force should take steps to understand the reasons why a high proportion of crimes related "
            "to domestic abuse fall into the category ... (OC16) ...",
}
_REPORT_EXAMPLE: dict[str, Any] = {"id": "rpt_4fe6af3448da6f35", "label": "Report", "title": "HMICFRS PEEL Effectiveness 2017",
                   "issuer": "HMICFRS"}
_EVIDENCE_EXAMPLE: dict[str, Any] = {
    "quote": "The DCC confirmed that work was being undertaken to better understand this.",
    "start": 5210, "end": 5285,
    "document": {"sha256": "04af6c05…", "source": "assurance-meeting-2018-07.txt",
                 "title": "Monthly Assurance Meeting July 2018 – Meeting Notes"},
}
_FINDING_EXAMPLE: dict[str, Any] = {
    "id": "fnd_cbd5851365b3f075", "kind": "Finding",
    "text": "The DCC confirmed that work was being undertaken to better understand this.",
    "meeting": _MEETING_EXAMPLE, "answers": [_REC_EXAMPLE], "mentions": [], "evidence": [_EVIDENCE_EXAMPLE],
    "speaker": {"role": {"id": "rol_db8ebf317b40fb01", "abbr": "DCC", "title": "Deputy Chief Constable"},
                "people": [{"id": "per_464f078ee7b9dfd4", "name": "Amanda Blakeman"}]},
}
_ACTION_EXAMPLE: dict[str, Any] = {
    "id": "act_30631a80191b305b", "kind": "Action", "text": "The DCC to circulate the OC16 audit report.",
    "meeting": _MEETING_EXAMPLE, "answers": [_REC_EXAMPLE], "mentions": [], "evidence": [],
    "owner": {"role": {"id": "rol_db8ebf317b40fb01", "abbr": "DCC", "title": "Deputy Chief Constable"},
              "people": [{"id": "per_464f078ee7b9dfd4", "name": "Amanda Blakeman"}]},
    "owner_text": "DCC", "status": "open", "updates": [],
}


def _examples(*examples: dict[str, Any], extra: bool = False) -> ConfigDict:
    """Model config with OpenAPI examples (and, for nodes, their other properties kept)."""
    config = ConfigDict(json_schema_extra={"examples": list(examples)})
    if extra:
        config["extra"] = "allow"
    return config


class Error(BaseModel):
    """Every error answer: a message, never a stack trace."""

    model_config = _examples({"detail": "no meeting with id 'mtg_0000000000000000'"})
    detail: str


# -- nodes --------------------------------------------------------------------------------
class Node(BaseModel):
    """Any node: its id, label and properties (bookkeeping such as ``sources`` left out)."""

    model_config = _examples(_REPORT_EXAMPLE, extra=True)
    id: str
    label: str


class MeetingRef(Node):
    model_config = _examples(_MEETING_EXAMPLE, extra=True)
    date: str | None = Field(default=None, description="ISO date (YYYY-MM-DD), or YYYY-MM for a meeting only referred to")
    title: str | None = None
    body: str | None = None
    kind: str | None = None


class BoardRef(Node):
    name: str | None = None


class PersonRef(Node):
    name: str | None = None


class RoleRef(Node):
    abbr: str | None = None
    title: str | None = None


class DocumentRef(BaseModel):
    sha256: str | None = None
    source: str | None = None
    title: str | None = None


class Evidence(BaseModel):
    """The words in the minutes that justify a node: offsets into the document's text."""

    model_config = _examples(_EVIDENCE_EXAMPLE)
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    document: DocumentRef


# -- who said / owns it ---------------------------------------------------------------------
class AgentRole(BaseModel):
    id: str
    abbr: str | None = None
    title: str | None = None


class AgentPerson(BaseModel):
    id: str
    name: str | None = None


class Agent(BaseModel):
    """A role as written ("the DCC") and the people behind it: named, or whoever held the
    role on the meeting's date."""

    role: AgentRole | None = None
    people: list[AgentPerson] = []


# -- findings and actions ---------------------------------------------------------------------
class Finding(BaseModel):
    """What was said in answer to a recommendation or question, by whom, where, in which words."""

    model_config = _examples(_FINDING_EXAMPLE)
    id: str
    kind: Literal["Finding"]
    text: str | None = None
    meeting: MeetingRef | None = None
    answers: list[Node] = []
    mentions: list[Node] = []
    evidence: list[Evidence] = []
    speaker: Agent


class ActionUpdate(BaseModel):
    id: str
    text: str | None = None
    status: str | None = None
    meeting: MeetingRef | None = None
    evidence: list[Evidence] = []


class Action(BaseModel):
    """An action: raised at a meeting, owned by a role or person, with its current status
    (that of its latest update)."""

    model_config = _examples(_ACTION_EXAMPLE)
    id: str
    kind: Literal["Action"]
    text: str | None = None
    meeting: MeetingRef | None = Field(default=None, description="the meeting it was raised at")
    answers: list[Node] = []
    mentions: list[Node] = []
    evidence: list[Evidence] = []
    owner: Agent
    owner_text: str | None = Field(default=None, description="the owner as written in the minutes")
    status: str = Field(description="open, updated or complete")
    updates: list[ActionUpdate] = []


class ActionLogEntry(Action):
    model_config = _examples({**_ACTION_EXAMPLE, "board": {"id": "brd_923cabadf94ccaa0", "label": "Board",
                                                           "name": "Monthly Assurance Meeting"},
                              "meetings_since_raised": 1})
    board: BoardRef | None = None
    meetings_since_raised: int = Field(default=0, description="meetings of its board held after the one that raised it")


Entry = Annotated[Finding | Action, Field(discriminator="kind")]


class Lineage(BaseModel):
    """A recommendation (or question) and everything that answers it, in date order."""

    model_config = _examples({
        "recommendation": _REC_EXAMPLE, "report": _REPORT_EXAMPLE, "discussed_at": [_MEETING_EXAMPLE],
        "evidence": [], "findings": [_FINDING_EXAMPLE], "actions": [_ACTION_EXAMPLE],
        "entries": [_FINDING_EXAMPLE, _ACTION_EXAMPLE],
    })
    recommendation: Node
    report: Node | None = None
    discussed_at: list[MeetingRef] = []
    evidence: list[Evidence] = []
    findings: list[Finding] = []
    actions: list[Action] = []
    entries: list[Entry] = Field(default_factory=list, description="findings and actions together, in date order")


class RecommendationSummary(BaseModel):
    model_config = _examples({"recommendation": _REC_EXAMPLE, "report": _REPORT_EXAMPLE, "findings": 7,
                              "actions": 1, "answered": True})
    recommendation: Node
    report: Node | None = None
    findings: int = Field(description="findings that answer it")
    actions: int = Field(description="actions that answer it")
    answered: bool


# -- meetings, people, roles, boards ----------------------------------------------------------
class MeetingSummary(BaseModel):
    model_config = _examples({"meeting": _MEETING_EXAMPLE,
                              "board": {"id": "brd_923cabadf94ccaa0", "label": "Board",
                                        "name": "Monthly Assurance Meeting"}})
    meeting: MeetingRef
    board: BoardRef | None = None


class Attendance(BaseModel):
    person: PersonRef
    attendance: str | None = Field(default=None, description="present, apologies or in_attendance")
    capacity: str | None = None
    roles: list[RoleRef] = []


class MeetingDetail(BaseModel):
    """A meeting: who was there in which role, its items, what was found, raised and decided."""

    model_config = _examples({
        "meeting": _MEETING_EXAMPLE, "board": {"id": "brd_923cabadf94ccaa0", "label": "Board",
                                               "name": "Monthly Assurance Meeting"},
        "chair": [{"id": "per_63b27149fa9d7620", "label": "Person", "name": "Tracey Onslow"}],
        "minute_taker": [], "attendance": [], "items": [], "findings": [], "actions_raised": [],
        "actions_updated": [], "decisions": [], "discussed": [], "next": [], "previous": [],
    })
    meeting: MeetingRef
    board: BoardRef | None = None
    chair: list[PersonRef] = []
    minute_taker: list[PersonRef] = []
    attendance: list[Attendance] = []
    items: list[Node] = []
    findings: list[Node] = []
    actions_raised: list[Action] = []
    actions_updated: list[Action] = []
    decisions: list[Node] = []
    discussed: list[Node] = Field(default_factory=list, description="recommendations and questions discussed at the meeting")
    next: list[MeetingRef] = []
    previous: list[MeetingRef] = []


class Tenure(BaseModel):
    """A role held between two dates (the first and last meetings attended in it)."""

    model_config = ConfigDict(populate_by_name=True)
    role: RoleRef
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None


class PersonSummary(BaseModel):
    model_config = _examples({"person": {"id": "per_464f078ee7b9dfd4", "label": "Person", "name": "Amanda Blakeman"},
                              "roles": [{"role": {"id": "rol_db8ebf317b40fb01", "label": "Role", "abbr": "DCC",
                                                  "title": "Deputy Chief Constable"},
                                         "from": "2018-06-26", "to": "2018-08-28"}]})
    person: PersonRef
    roles: list[Tenure] = []


class Attended(BaseModel):
    meeting: MeetingRef
    attendance: str | None = None


class PersonDetail(BaseModel):
    """A person: roles held, meetings, actions owned (directly or through a role held then),
    findings stated, boards chaired."""

    person: PersonRef
    roles: list[Tenure] = []
    attended: list[Attended] = []
    chaired: list[MeetingRef] = []
    actions: list[Action] = []
    open_actions: list[Action] = []
    findings: list[Finding] = []
    boards_chaired: list[BoardRef] = []


class Holder(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    person: PersonRef
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None


class RoleHolders(BaseModel):
    role: RoleRef
    holders: list[Holder] = []


class RoleAnswer(BaseModel):
    """Who held a role (one entry per board scope), on a date when ``at`` is given."""

    model_config = _examples({"abbr": "DCC", "at": "2018-07-31", "roles": [{
        "role": {"id": "rol_db8ebf317b40fb01", "label": "Role", "abbr": "DCC", "title": "Deputy Chief Constable"},
        "holders": [{"person": {"id": "per_464f078ee7b9dfd4", "label": "Person", "name": "Amanda Blakeman"},
                     "from": "2018-06-26", "to": "2018-08-28"}]}]})
    abbr: str
    at: str | None = None
    roles: list[RoleHolders]


class BoardSummary(BaseModel):
    board: BoardRef
    meetings: int = Field(description="how many of its meetings are known")
    chair: list[Node] = []


class BoardDetail(BaseModel):
    board: BoardRef
    meetings: list[MeetingRef] = []
    chair: list[Node] = []
    mentioned_by: list[Node] = []


# -- search, documents, health -------------------------------------------------------------
class SearchHit(BaseModel):
    node: Node
    score: float


class DocumentOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    label: str
    sha256: str
    source: str | None = None
    format: str | None = None
    title: str | None = None
    ingested_at: str | None = None


class UploadedDocument(DocumentRef):
    format: str | None = None


class WriteCounts(BaseModel):
    """What the store did (the ``WriteSummary`` of ``Store.write``)."""

    sha256: str
    nodes_created: int = 0
    nodes_updated: int = 0
    rels_created: int = 0
    rels_updated: int = 0
    replaced: list[str] = Field(default_factory=list, description="sha256 of earlier versions of the same source removed")


class ReplacedDocument(DocumentRef):
    """An earlier document with the same (sanitised) file name, removed by an upload."""

    ingested_at: str | None = Field(default=None, description="when the earlier document was loaded")


class UploadResult(BaseModel):
    model_config = _examples({
        "status": "created",
        "document": {"sha256": "04af6c05…", "source": "assurance-meeting-2018-07.txt", "format": "txt",
                     "title": "Monthly Assurance Meeting July 2018 – Meeting Notes"},
        "write": {"sha256": "04af6c05…", "nodes_created": 112, "nodes_updated": 0, "rels_created": 240,
                  "rels_updated": 0, "replaced": []},
        "extracted": {"participants": 6, "items": 14, "recommendations": 4, "findings": 31, "actions": 4},
        "replaced": [],
    })
    status: Literal["created", "unchanged"] = Field(description="unchanged: these exact bytes were already loaded")
    document: UploadedDocument
    write: WriteCounts
    extracted: dict[str, int] = Field(description="records extracted, by kind")
    replaced: list[ReplacedDocument] = Field(
        default_factory=list,
        description="earlier documents this upload replaced: an upload is a new version of any loaded document "
                    "with the same sanitised file name, whose contribution it removes in the same write")


class Deleted(BaseModel):
    sha256: str
    deleted: bool = True


class Health(BaseModel):
    model_config = _examples({"status": "ok", "store": "neo4j", "reachable": True,
                              "counts": {"Meeting": 6, "Finding": 38}, "relationships": 412})
    status: Literal["ok", "unavailable"]
    store: str
    reachable: bool
    counts: dict[str, int] = Field(default_factory=dict, description="nodes by label")
    relationships: int | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` counts every match, ``items`` holds at most ``limit``."""

    items: list[T]
    total: int
    limit: int
    offset: int
