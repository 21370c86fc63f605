"""帮办代办 of investment projects at the center: a manager or a hall agent registers a company's project
with its 代办员 and target; the agent starts and finishes its approval stages one after another (the rules:
app/domain/agency_projects.py); everyone on the staff sees where each project stands, in working days
against its target. Every step is in the center's audit chain."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.center.api_errors import ApiError
from app.center.audit import append_center_event
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.routes_queue import _tx
from app.center.security import Principal
from app.domain import agency_projects as ap
from app.domain.clock import local_today
from app.domain.workdays import UnknownCalendarYear
from app.i18n.messages import msg
from app.store import models as m
from app.store.calendar_store import load_calendar
from app.store.rows import next_value

router = APIRouter(prefix="/api/v1/agency", tags=["agency"])
STAFF = ("clerk", "manager", "backoffice")
AGENTS = ("clerk", "manager")  # who registers projects and moves their stages


class ProjectIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    company: str = Field(min_length=1, max_length=200)
    credit_code: str | None = Field(None, pattern=r"^[0-9A-HJ-NPQRTUWXY]{18}$")
    agent: str = Field(min_length=1, max_length=40, description="the 代办员's user name")
    target_days: int = Field(0, ge=0, le=1000, description="working days for all stages; 0: none")
    stages: list[str] | None = Field(None, max_length=12, description="default: the four stages of 工程建设项目审批")


class StepIn(BaseModel):
    on: dt.date | None = Field(None, description="the day (hall time); default today")
    case_number: str | None = Field(None, max_length=40)
    note: str | None = Field(None, max_length=500)


def _stage(row: m.AgencyStage) -> ap.Stage:
    return ap.Stage(row.position, row.name, ap.StageStatus(row.status), row.started_on, row.done_on)


def project_view(p: m.AgencyProject, today: dt.date, c: CenterContext, s: Session) -> dict[str, Any]:
    stages = [_stage(r) for r in p.stages]
    try:
        cal = load_calendar(s)
        got: ap.Progress | None = ap.progress(
            stages, p.target_days, today, cal, c.settings.supervision.yellow_working_days
        )
    except UnknownCalendarYear:  # the year's working days are not published: say so, do not guess
        cal, got = None, None
    return {
        "id": str(p.id),
        "code": p.code,
        "name": p.name,
        "company": p.company,
        "credit_code": p.credit_code,
        "agent": p.agent.username,
        "agent_name": p.agent.full_name,
        "target_days": p.target_days,
        "days_used": got.days_used if got else None,
        "current": got.current if got else next((r.name for r in p.stages if r.status == "active"), ""),
        "done": all(r.status == "done" for r in p.stages),
        "due": got.due.isoformat() if got and got.due else None,
        "light": got.light.value if got and got.light else "",
        "stages": [
            {
                "position": r.position,
                "name": r.name,
                "status": r.status,
                "started_on": r.started_on.isoformat() if r.started_on else None,
                "done_on": r.done_on.isoformat() if r.done_on else None,
                "days": ap.stage_days(_stage(r), today, cal) if cal else None,
                "case_number": r.case_number,
                "note": r.note,
            }
            for r in p.stages
        ],
    }


def _load(s: Session, project_id: uuid.UUID, *, lock: bool = False) -> m.AgencyProject:
    stmt = select(m.AgencyProject).where(m.AgencyProject.id == project_id)
    if lock:  # two agents moving the same project: one after the other
        stmt = stmt.with_for_update()
    p = s.scalar(stmt.options(selectinload(m.AgencyProject.stages), selectinload(m.AgencyProject.agent)))
    if p is None:
        raise ApiError(404, "not_found", msg("project_not_found"))
    return p


@router.post("/projects", status_code=201)
def create_project(
    body: ProjectIn, who: Principal = Depends(require(*AGENTS)), c: CenterContext = Depends(ctx)
) -> dict[str, Any]:
    names = [n.strip() for n in (body.stages if body.stages is not None else ap.DEFAULT_STAGES)]
    refused = ap.check_stage_names(names)
    if refused is not None:
        raise ApiError(422, refused.code, refused)
    today = local_today()

    def work(s: Session) -> dict[str, Any]:
        agent = s.scalar(select(m.Staff).where(m.Staff.username == body.agent, m.Staff.active.is_(True)))
        if agent is None:
            raise ApiError(422, "project_agent_unknown", msg("project_agent_unknown", username=body.agent))
        code = f"XM{today.year}-{next_value(s, f'agency_project:{today.year}'):04d}"
        p = m.AgencyProject(
            code=code, name=body.name.strip(), company=body.company.strip(), credit_code=body.credit_code,
            agent_id=agent.id, target_days=body.target_days,
        )
        p.stages = [m.AgencyStage(position=i, name=n, status="pending") for i, n in enumerate(names)]
        s.add(p)
        s.flush()
        append_center_event(
            s, who.subject, "agency.project", object_type="agency_project", object_id=code,
            detail={"agent": agent.username, "stages": len(names), "target_days": body.target_days},
        )
        return project_view(_load(s, p.id), today, c, s)

    return _tx(c, work)


@router.get("/projects")
def list_projects(
    _: Principal = Depends(require(*STAFF)), c: CenterContext = Depends(ctx), s: Session = Depends(read_db)
) -> list[dict[str, Any]]:
    today = local_today()
    rows = s.scalars(
        select(m.AgencyProject)
        .options(selectinload(m.AgencyProject.stages), selectinload(m.AgencyProject.agent))
        .order_by(m.AgencyProject.created_at.desc())
        .limit(500)
    )
    return [project_view(p, today, c, s) for p in rows]


@router.get("/projects/{project_id}")
def get_project(
    project_id: uuid.UUID,
    _: Principal = Depends(require(*STAFF)),
    c: CenterContext = Depends(ctx),
    s: Session = Depends(read_db),
) -> dict[str, Any]:
    return project_view(_load(s, project_id), local_today(), c, s)


def _step(c: CenterContext, who: Principal, project_id: uuid.UUID, position: int, body: StepIn, start: bool) -> dict[str, Any]:
    on = body.on or local_today()

    def work(s: Session) -> dict[str, Any]:
        p = _load(s, project_id, lock=True)
        if not 0 <= position < len(p.stages):
            raise ApiError(404, "not_found", msg("stage_not_found", position=position + 1))
        row, stages = p.stages[position], [_stage(r) for r in p.stages]
        refused = ap.can_start(stages, position, on) if start else ap.can_finish(stages[position], on)
        if refused is not None:
            raise ApiError(409, refused.code, refused)
        if start:
            row.status, row.started_on = "active", on
        else:
            row.status, row.done_on = "done", on
        if body.case_number:
            row.case_number = body.case_number.strip()
        if body.note:
            row.note = body.note.strip()
        s.flush()
        append_center_event(
            s, who.subject, "agency.stage_start" if start else "agency.stage_done",
            object_type="agency_project", object_id=p.code, detail={"stage": row.name, "on": on.isoformat()},
        )
        return project_view(p, local_today(), c, s)

    return _tx(c, work)


@router.post("/projects/{project_id}/stages/{position}/start")
def start_stage(
    project_id: uuid.UUID, position: int, body: StepIn,
    who: Principal = Depends(require(*AGENTS)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """Start stage `position` (1 = the first): the one before it is done."""
    return _step(c, who, project_id, position - 1, body, start=True)


@router.post("/projects/{project_id}/stages/{position}/done")
def finish_stage(
    project_id: uuid.UUID, position: int, body: StepIn,
    who: Principal = Depends(require(*AGENTS)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """Finish stage `position` (1 = the first), e.g. with the case number of the licence it ended with."""
    return _step(c, who, project_id, position - 1, body, start=False)
