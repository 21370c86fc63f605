"""The cases API (issue 17): the back office's work list and steps, 出件 at any window, the 容缺 watch,
and the case's papers. Department staff (`backoffice`) act on their own department's tasks only; a
department's own system can do the same with a backoffice account."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center import cases as cs
from app.center.api_errors import ApiError
from app.center.case_papers import licensing, paper_number
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.security import Principal
from app.domain.agency import AGENT_TITLE_ZH, AgentKind
from app.domain.clock import local_today
from app.domain.states import CaseStatus
from app.i18n.messages import msg
from app.store import models as m

router = APIRouter(prefix="/api/v1/cases", tags=["cases"])
READERS = ("backoffice", "clerk", "manager", "counter")
BACK = ("backoffice",)
WINDOW = ("clerk", "manager")


def _actor(s: Session, p: Principal) -> cs.Actor:
    staff = s.get(m.Staff, uuid.UUID(p.staff_id)) if p.staff_id else None
    if p.role == "backoffice" and (staff is None or staff.department_id is None):
        raise ApiError(403, "no_department", msg("no_department"))
    return cs.Actor(
        staff_id=staff.id if staff else None,
        name=p.name,
        role=p.role,
        department_id=staff.department_id if staff else None,
        window=p.window,
    )


def _day(day: dt.date | None) -> dt.date:
    if day is not None and not 2000 <= day.year <= 2100:
        raise ApiError(422, "invalid_request", f"date out of range: {day}")
    return day or local_today()


def _publisher(c: CenterContext) -> cs.Publish:
    return lambda s, type_, data: c.bus.publish(s, type_, data)


# ------------------------------------------------------------------ reading


@router.get("/tasks")
def tasks(
    department: str | None = Query(None, max_length=32, description="a department's code (managers)"),
    include_closed: bool = False,
    date: dt.date | None = Query(None, description="the day the lights are for (default today)"),
    who: Principal = Depends(require("backoffice", "manager")),
    s: Session = Depends(read_db),
    c: CenterContext = Depends(ctx),
) -> list[dict[str, Any]]:
    """The work list: the caller's department's tasks (a manager: every department's, or one), most
    urgent first by deadline light."""
    actor = _actor(s, who)
    dept_id = actor.department_id if who.role == "backoffice" else None
    if department and who.role != "backoffice":
        dept_id = s.scalar(select(m.Department.id).where(m.Department.code == department))
        if dept_id is None:
            raise ApiError(404, "not_found", f"no department {department!r}")
    return cs.work_list(s, dept_id, _day(date), c.settings.supervision.yellow_working_days, include_closed)


@router.get("/lookup")
def lookup(
    q: str = Query(min_length=1, max_length=200, description="a case number, an ID number or a notice's QR text"),
    who: Principal = Depends(require(*READERS)),
    s: Session = Depends(read_db),
    c: CenterContext = Depends(ctx),
) -> list[dict[str, Any]]:
    """出件 at any window: the center's cases of a case number, an ID card or the notice's QR code."""
    actor = _actor(s, who)
    found = []
    for case in cs.find_cases(s, q, c.cipher.lookup_hash):
        try:
            cs.may_read(s, case, actor)
        except ApiError:
            continue
        found.append(
            {
                **cs.case_summary(case, case.item.code),
                "item_name": case.item.name,
                "applicant": case.applicant.name[:1] + "**",
                "id_number": case.applicant.id_number_masked,
                "agent": case.agent.name[:1] + "**" if case.agent is not None else "",
            }
        )
    return found


@router.get("/{case_id}")
def detail(
    case_id: uuid.UUID,
    date: dt.date | None = Query(None),
    who: Principal = Depends(require(*READERS)),
    s: Session = Depends(read_db),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """The case with its applicant (masked), materials, tasks, pauses, notices and whole history."""
    case = cs.load_case(s, case_id)
    actor = _actor(s, who)
    cs.may_read(s, case, actor)
    out = cs.case_detail(s, case, _day(date), c.settings.supervision.yellow_working_days)
    dept = s.get(m.Department, actor.department_id) if actor.department_id else None
    out["my_department"] = dept.code if dept is not None and who.role == "backoffice" else None
    return out


# ------------------------------------------------------------------ the back office's steps


class OpinionIn(BaseModel):
    text: str = Field(min_length=1, max_length=2000)


class DecisionIn(BaseModel):
    decision: Literal["approve", "deny"]
    opinion: str = Field("", max_length=2000)


class CorrectionIn(BaseModel):
    missing: list[str] = Field(min_length=1, max_length=50)
    opinion: str = Field("", max_length=2000)


class ReportIn(BaseModel):
    receiver: str = Field(min_length=1, max_length=100)
    opinion: str = Field("", max_length=2000)


class VerifyIn(BaseModel):
    holds: bool
    opinion: str = Field("", max_length=2000)


class PauseIn(BaseModel):
    reason: str = Field(min_length=1, max_length=100)


class DeliverIn(BaseModel):
    method: Literal["window", "express"] = "window"
    tracking_number: str = Field("", max_length=40)


def _task_step(c: CenterContext, who: Principal, case_id: uuid.UUID, task_id: uuid.UUID, date: dt.date | None,
               run: Any) -> dict[str, Any]:
    with c.db.write_session() as s:
        actor = _actor(s, who)
        case = cs.load_case(s, case_id, lock=True)
        task = cs.load_task(s, case, task_id, actor)
        result: dict[str, Any] = run(cs.Step(s, _publisher(c), _day(date)), case, task, actor)
        return result


@router.post("/{case_id}/tasks/{task_id}/opinion")
def opinion(
    case_id: uuid.UUID, task_id: uuid.UUID, body: OpinionIn, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*BACK)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """审核意见: recorded on the task and in the history."""
    return _task_step(c, who, case_id, task_id, date, lambda st, case, t, a: st.opinion(case, t, a, body.text))


@router.post("/{case_id}/tasks/{task_id}/decide")
def decide(
    case_id: uuid.UUID, task_id: uuid.UUID, body: DecisionIn, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*BACK)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """准予 / 不予许可 of the caller's department; the case is decided when every department's task is."""
    return _task_step(
        c, who, case_id, task_id, date,
        lambda st, case, t, a: st.decide(case, t, a, body.decision == "approve", body.opinion),
    )


@router.post("/{case_id}/tasks/{task_id}/return")
def return_for_correction(
    case_id: uuid.UUID, task_id: uuid.UUID, body: CorrectionIn, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*BACK)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """退回补正 with the list of what is missing: the window prints the notice; the clock restarts when the
    corrected materials arrive."""
    return _task_step(
        c, who, case_id, task_id, date,
        lambda st, case, t, a: st.return_for_correction(case, t, a, body.missing, body.opinion),
    )


@router.post("/{case_id}/tasks/{task_id}/report")
def report(
    case_id: uuid.UUID, task_id: uuid.UUID, body: ReportIn, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*BACK)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """上报 to a higher level, recorded with its receiver."""
    return _task_step(
        c, who, case_id, task_id, date, lambda st, case, t, a: st.report(case, t, a, body.receiver, body.opinion)
    )


@router.post("/{case_id}/tasks/{task_id}/verify")
def verify(
    case_id: uuid.UUID, task_id: uuid.UUID, body: VerifyIn, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*BACK)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """核查 of a 告知承诺: the commitment holds or does not."""
    return _task_step(
        c, who, case_id, task_id, date, lambda st, case, t, a: st.verify(case, t, a, body.holds, body.opinion)
    )


def _case_step(c: CenterContext, who: Principal, case_id: uuid.UUID, date: dt.date | None, run: Any,
               own_department: bool = False) -> dict[str, Any]:
    with c.db.write_session() as s:
        actor = _actor(s, who)
        case = cs.load_case(s, case_id, lock=True)
        if own_department:
            cs.may_read(s, case, actor)
        result: dict[str, Any] = run(cs.Step(s, _publisher(c), _day(date)), case, actor)
        return result


@router.post("/{case_id}/pause")
def pause(
    case_id: uuid.UUID, body: PauseIn, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*BACK)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """特殊环节 starts (hearing, testing, expert review, 现场踏勘): the clock stops."""
    return _case_step(c, who, case_id, date, lambda st, case, a: st.pause(case, a, body.reason), True)


@router.post("/{case_id}/resume")
def resume(
    case_id: uuid.UUID, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*BACK)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """特殊环节 ends: the clock runs again and the deadlines move on by the step's working days."""
    return _case_step(c, who, case_id, date, lambda st, case, a: st.resume(case, a), True)


@router.post("/{case_id}/corrected")
def corrected(
    case_id: uuid.UUID, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*WINDOW)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """The corrected materials arrived at a window: accepted again, the clock restarts."""
    return _case_step(c, who, case_id, date, lambda st, case, a: st.corrected(case, a))


@router.post("/{case_id}/deliver")
def deliver(
    case_id: uuid.UUID, body: DeliverIn, date: dt.date | None = Query(None),
    who: Principal = Depends(require(*WINDOW)), c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """出件 at any window, or by express with its tracking number: only then is the case 办结."""
    return _case_step(
        c, who, case_id, date, lambda st, case, a: st.deliver(case, a, body.method, body.tracking_number)
    )


@router.post("/deferrals/sweep")
def sweep(
    date: dt.date | None = Query(None),
    remind_days: int | None = Query(None, ge=0, le=10, description="default cases.deferral_remind_working_days"),
    _: Principal = Depends(require("manager")), c: CenterContext = Depends(ctx),
) -> dict[str, list[str]]:
    """容缺 watch: a reminder before the promised date, termination once it is past (the center runs it
    every `cases.deferral_sweep_minutes` from `cases.deferral_sweep_from`; a manager may run it now)."""
    days = c.settings.cases.deferral_remind_working_days if remind_days is None else remind_days
    with c.db.write_session() as s:
        return cs.Step(s, _publisher(c), _day(date)).sweep_deferrals(days)


# ------------------------------------------------------------------ papers


PAPERS = ("decision", "correction", "termination", "commitment")


@router.get(
    "/{case_id}/papers/{paper}.pdf",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the paper as PDF"}},
)
def paper(
    case_id: uuid.UUID, paper: Literal["decision", "correction", "termination", "commitment"],
    who: Principal = Depends(require(*READERS)), s: Session = Depends(read_db), c: CenterContext = Depends(ctx),
) -> Response:
    """A case's paper: the decision notice (准予 / 不予许可决定书), the back office's 补正材料通知书, the
    终止办理通知书 of a 容缺 case, or the 告知承诺书 to sign."""
    case = cs.load_case(s, case_id)
    cs.may_read(s, case, _actor(s, who))
    with tempfile.TemporaryDirectory() as tmp:
        out = render_paper(s, c, case, paper, Path(tmp) / "paper.pdf")
        return Response(out.read_bytes(), media_type="application/pdf")


def render_paper(s: Session, c: CenterContext, case: m.Case, paper: str, out: Path) -> Path:
    """Check the paper can be drawn now, number it (once: `app.center.case_papers`), draw it."""
    from printers import case_notices as cn
    from printers.notices import Agent, Applicant, Header

    today = local_today()
    hall = c.settings.hall_name
    dept = case.item.department.short_name

    def header() -> Header:
        number, issued = paper_number(c.db, c.settings, case.id, paper, today)
        return Header(hall, number, issued, f"{hall}（{dept}）")

    a, g = case.applicant, case.agent
    agent = None
    if g is not None and case.agent_kind:  # 帮办代办: the papers name the agent beside the applicant
        title = AGENT_TITLE_ZH[AgentKind(case.agent_kind)]
        agent = Agent(g.name, c.cipher.decrypt(g.id_number_enc) or "", title, case.authorisation or "", case.authorised_until)
    who = Applicant(a.name, c.cipher.decrypt(a.id_number_enc) or "", c.cipher.decrypt(a.phone_enc) or "", agent)
    tasks = list(s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == case.id)))
    if paper == "decision":
        decided = [t for t in tasks if t.kind == "approve" and t.status in ("approved", "denied")]
        if case.status not in (CaseStatus.APPROVED, CaseStatus.DENIED, CaseStatus.DELIVERED) or not decided:
            raise ApiError(409, "not_decided", msg("not_decided", case=case.case_number))
        approved = all(t.status == "approved" for t in decided)
        opinions = [(t.department.short_name, t.opinion or ("同意" if t.status == "approved" else "")) for t in decided]
        return cn.render_decision(
            cn.DecisionNotice(header(), who, case.item.name, case.case_number, case.received_on, approved,
                              licensing(case.item), opinions),
            out,
        )
    if paper == "correction":
        missing = cs.case_detail(s, case, today, 2)["correction"]
        if not missing:
            raise ApiError(409, "no_correction", msg("no_correction", case=case.case_number))
        return cn.render_case_correction(
            cn.CaseCorrectionNotice(header(), who, case.item.name, case.case_number, list(missing),
                                    case.item.consult_phone),
            out,
        )
    if paper == "termination":
        if case.status != CaseStatus.TERMINATED or case.deferral_due is None:
            raise ApiError(409, "not_terminated", msg("not_terminated", case=case.case_number))
        names = [mt.name for mt in case.materials if mt.state == "deferred"]
        return cn.render_termination(
            cn.TerminationNotice(header(), who, case.item.name, case.case_number, case.received_on, case.deferral_due,
                                 names),
            out,
        )
    promised = [mt.name for mt in case.materials if mt.state == "commitment"]
    if not promised:
        raise ApiError(409, "no_commitment", msg("no_commitment", case=case.case_number))
    return cn.render_commitment_letter(cn.CommitmentLetter(header(), who, case.item.name, case.case_number, promised),
                                       out)
