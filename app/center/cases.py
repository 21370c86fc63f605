"""Cases at the center (后台分类审批, 出件 at any window): dispatching an accepted case to its departments,
the back office's steps, delivery, and the 容缺 watch. Every step is a `case_transitions` row (actor, time,
the working-day clock, the task); every change of a case goes to the change log (`case_status`), so the
counters' caches see what the center decided, and an event is published.

The rules are `app.domain.case_life`'s; this module only stores them. Errors are `ApiError`s with a
stable code (409 `invalid_state` when the case's state does not allow the step)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError
from app.center.changelog import record_change
from app.center.notify_hooks import case_moved, deferral_due
from app.domain.case_life import (
    DISPATCHED,
    LIVE,
    PENDING,
    DeferralState,
    TaskKind,
    TaskStatus,
    case_result,
    clock_days,
    deferral_state,
    extend_for_pause,
    plan_tasks,
)
from app.domain.clock import local_today, utcnow
from app.domain.ids import new_id
from app.domain.public_link import page_key
from app.domain.states import CASE_TRANSITIONS, CaseStatus, ItemKind
from app.domain.workdays import WorkdayCalendar, supervision_light
from app.i18n.messages import msg, status_param
from app.store import models as m
from app.store.calendar_store import load_calendar

Publish = Callable[[Session, str, dict[str, Any]], None]


@dataclass(frozen=True)
class Actor:
    staff_id: uuid.UUID | None
    name: str
    role: str
    department_id: uuid.UUID | None = None
    window: int | None = None


# ------------------------------------------------------------------ what terminals may know of a case


def case_summary(case: Any, item_code: str) -> dict[str, Any]:
    """What every terminal may know of a case (the kiosk's progress lookup, the counters' caches): no
    personal data."""
    return {
        "id": str(case.id),
        "case_number": case.case_number,
        "item_code": item_code,
        "status": case.status.value,
        "received_on": case.received_on.isoformat(),
        "due_date": case.due_date.isoformat() if case.due_date else None,
        "window_number": case.window_number,
        "delivery_method": case.delivery_method,
        "tracking_number": case.tracking_number,
        "completed_at": case.completed_at.isoformat() if case.completed_at else None,
        "delivered_at": case.delivered_at.isoformat() if case.delivered_at else None,
        # a kiosk reading the notice's QR code (the page's URL) finds the case by this, never by the token
        "page_key": page_key(case.public_token),
    }


def _tail_hash(s: Session, case_id: uuid.UUID) -> str | None:
    prev = s.scalar(
        select(m.ChangeLog.data)
        .where(m.ChangeLog.entity == "case_status", m.ChangeLog.entity_id == str(case_id))
        .order_by(m.ChangeLog.seq.desc())
        .limit(1)
    )
    return (prev or {}).get("id_tail_hash")


def publish_case(s: Session, case: m.Case, publish: Publish, extra: dict[str, Any] | None = None) -> None:
    summary = case_summary(case, case.item.code)
    summary["id_tail_hash"] = _tail_hash(s, case.id)
    summary.update(extra or {})
    record_change(s, "case_status", str(case.id), summary)
    publish(s, "case.status", {k: summary[k] for k in ("case_number", "status", "due_date", "window_number")})


# ------------------------------------------------------------------ dispatch (at apply time)


def dispatch_rows(
    case: Any,
    item: m.ServiceItem,
    departments: dict[str, uuid.UUID],
    material_states: Iterable[str | None],
) -> list[tuple[type[m.Base], dict[str, Any]]]:
    """The tasks an accepted case starts at once (lead, every co-department, a 核查 of a 告知承诺) and the
    dispatch step, as new rows' column values (the apply writes them in bulk); nothing for a case decided
    on the spot, notified or refused. `case` is the case (or its staged values, read as attributes)."""
    if case.status not in DISPATCHED or (item.kind == ItemKind.IMMEDIATE and case.decision == "immediate"):
        return []
    lead_code = next((code for code, ident in departments.items() if ident == item.department_id), "")
    plan = plan_tasks(
        lead_code or str(item.department_id),
        [c for c in (item.co_department_codes or []) if c in departments],
        commitment=any(state == "commitment" for state in material_states),
    )
    now = utcnow()
    rows: list[tuple[type[m.Base], dict[str, Any]]] = []
    for p in plan:
        dept_id = departments.get(p.department_code, item.department_id)
        rows.append(
            (
                m.CaseTask,
                dict(
                    id=new_id(),
                    case_id=case.id,
                    department_id=dept_id,
                    kind=p.kind.value,
                    lead=p.lead,
                    status=TaskStatus.OPEN.value,
                    due_date=case.due_date,
                    created_at=now,
                    updated_at=now,
                ),
            )
        )
    rows.append(
        (
            m.CaseTransition,
            dict(
                id=uuid.uuid5(case.id, "dispatched"),
                case_id=case.id,
                from_status=case.status.value,
                to_status=case.status.value,
                at=now,
                step="dispatch",
                clock_days=0,
                reason="分送承办部门" + ("（并联审批）" if len({p.department_code for p in plan}) > 1 else ""),
                detail={"departments": sorted({p.department_code for p in plan})},
            ),
        )
    )
    return rows


def after_terminal_transition(s: Session, case: Any, before: str, cal: WorkdayCalendar | None,
                              tasks: Iterable[Any] | None = None) -> None:
    """A window's step (pushed by its counter, or through the API) reached the center's tasks:
    - 一次性告知 → accepted (the materials were brought): the case goes to its departments now;
    - the window's own 补正 request: the open approval tasks wait for the applicant (returned);
    - corrected materials received (补正 → 受理): the waiting tasks are open again, every pending task with
      the restarted deadline;
    - a termination closes the pending tasks.
    `tasks` are the case's tasks when the caller has them (a case of the same push batch, not written yet)."""
    if tasks is None:
        tasks = list(s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == case.id)))
    else:
        tasks = list(tasks)
    now = utcnow()
    if before == CaseStatus.NOTIFIED.value and case.status in DISPATCHED:
        for mt in case.materials:
            if mt.state in ("missing", "incorrect"):
                mt.state = "received"  # accepted: what the notice listed is now in hand
        if not tasks:
            departments: dict[str, uuid.UUID] = {code: ident for code, ident in s.execute(select(m.Department.code, m.Department.id))}
            states = [mt.state for mt in case.materials]
            s.add_all([cls(**values) for cls, values in dispatch_rows(case, case.item, departments, states)])
        return
    for t in tasks:
        if before == CaseStatus.ACCEPTED.value and case.status == CaseStatus.CORRECTION:
            if t.status == TaskStatus.OPEN and t.kind == TaskKind.APPROVE:
                t.status, t.updated_at = TaskStatus.RETURNED.value, now
        elif before == CaseStatus.CORRECTION.value and case.status == CaseStatus.ACCEPTED:
            if t.status in PENDING:
                t.due_date, t.updated_at = case.due_date, now
                if t.status == TaskStatus.RETURNED:
                    t.status = TaskStatus.OPEN.value
        elif case.status == CaseStatus.TERMINATED and t.status in PENDING:
            t.status, t.updated_at = TaskStatus.TERMINATED.value, now


# ------------------------------------------------------------------ loading and checking


def load_case(s: Session, case_id: uuid.UUID, *, lock: bool = False) -> m.Case:
    """The case; `lock` (every step that changes it) takes its row lock first, so two departments' steps
    on one 联办件 in different center processes run one after the other, each on the other's outcome (on
    PostgreSQL `FOR UPDATE`; SQLite's writers are serialized already)."""
    case = s.get(m.Case, case_id, with_for_update=lock or None)
    if case is None:
        raise ApiError(404, "not_found", msg("case_unknown"))
    return case


def load_task(s: Session, case: m.Case, task_id: uuid.UUID, who: Actor) -> m.CaseTask:
    task = s.get(m.CaseTask, task_id)
    if task is None or task.case_id != case.id:
        raise ApiError(404, "not_found", msg("task_unknown", case=case.case_number))
    if who.role == "backoffice" and task.department_id != who.department_id:
        raise ApiError(403, "other_department", msg("task_other_department"))
    return task


def may_read(s: Session, case: m.Case, who: Actor) -> None:
    """Department staff read the cases their department has a task in (the lead sees all of a 联办件)."""
    if who.role != "backoffice":
        return
    depts = set(s.scalars(select(m.CaseTask.department_id).where(m.CaseTask.case_id == case.id)))
    if who.department_id not in depts:
        raise ApiError(403, "other_department", msg("no_task_of_department"))


def _pending(task: m.CaseTask) -> None:
    if task.status not in PENDING:
        raise ApiError(409, "task_closed", msg("task_closed"))


def _pauses(s: Session, case_id: uuid.UUID, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    return [
        (p.first_day, p.last_day or today)
        for p in s.scalars(select(m.CasePause).where(m.CasePause.case_id == case_id))
    ]


def _step(
    s: Session,
    case: m.Case,
    who: Actor | None,
    step: str,
    *,
    to: CaseStatus | None = None,
    task: m.CaseTask | None = None,
    reason: str | None = None,
    detail: dict[str, Any] | None = None,
    cal: WorkdayCalendar,
    today: dt.date,
) -> None:
    """Record one step; `to` moves the case's status (checked against the state machine)."""
    before = case.status
    if to is not None and to != before:
        if to not in CASE_TRANSITIONS[before]:
            raise ApiError(
                409, "invalid_state", f"case {case.case_number} is {before.value}: it cannot become {to.value}"
            )
        case.status = to
    s.add(
        m.CaseTransition(
            id=new_id(),
            case_id=case.id,
            from_status=before.value,
            to_status=case.status.value,
            actor_id=who.staff_id if who else None,
            at=utcnow(),
            reason=reason,
            step=step,
            task_id=task.id if task else None,
            clock_days=clock_days(case.received_on, today, _pauses(s, case.id, today), cal),
            detail=detail,
        )
    )


# ------------------------------------------------------------------ the back office's steps


@dataclass
class Step:
    s: Session
    publish: Publish
    today: dt.date

    def __post_init__(self) -> None:
        self.cal = load_calendar(self.s)

    def _done(self, case: m.Case, extra: dict[str, Any] | None = None) -> dict[str, Any]:
        self.s.flush()
        publish_case(self.s, case, self.publish, extra)
        case_moved(self.s, case)  # the applicant's SMS, if they consented (issue 18)
        return {"case_number": case.case_number, "status": case.status.value}

    def opinion(self, case: m.Case, task: m.CaseTask, who: Actor, text: str) -> dict[str, Any]:
        task.opinion, task.updated_at = text, utcnow()
        _step(self.s, case, who, "opinion", task=task, reason=text, cal=self.cal, today=self.today)
        return self._done(case)

    def decide(self, case: m.Case, task: m.CaseTask, who: Actor, approve: bool, opinion: str) -> dict[str, Any]:
        """准予 or 不予许可 of one department; the case is decided when every approval task is."""
        _pending(task)
        if task.kind != TaskKind.APPROVE:
            raise ApiError(409, "wrong_task", msg("verify_not_decide"))
        if task.status == TaskStatus.RETURNED:
            raise ApiError(409, "waiting_correction", msg("waiting_correction", case=case.case_number))
        if case.status not in (CaseStatus.ACCEPTED, CaseStatus.DEFERRED, CaseStatus.CORRECTION):
            # while another department's 补正 is out, a co-department still decides its own task (并联审批)
            raise ApiError(409, "invalid_state", msg("no_decision_now", case=case.case_number, status=status_param("case_status", case.status.value)))
        if not approve and not opinion.strip():
            raise ApiError(422, "reason_required", msg("reason_required"))
        now = utcnow()
        task.status = (TaskStatus.APPROVED if approve else TaskStatus.DENIED).value
        task.opinion = opinion or task.opinion
        task.decided_by, task.decided_at, task.updated_at = who.staff_id, now, now
        _step(
            self.s, case, who, "approve" if approve else "deny", task=task, reason=opinion or None,
            cal=self.cal, today=self.today,
        )
        self.s.flush()
        tasks = list(self.s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == case.id)))
        result = case_result((t.kind, t.status) for t in tasks)
        if result is not None:
            _step(self.s, case, who, "decided", to=result, reason="各部门审批完成", cal=self.cal, today=self.today)
            case.completed_at = now
        return self._done(case)

    def return_for_correction(
        self, case: m.Case, task: m.CaseTask, who: Actor, missing: list[str], opinion: str
    ) -> dict[str, Any]:
        """退回补正: the case waits for the applicant (the accepting window prints the notice); the clock
        restarts when the corrected materials arrive."""
        _pending(task)
        if not [x for x in missing if x.strip()]:
            raise ApiError(422, "nothing_to_correct", msg("nothing_to_correct"))
        task.status, task.updated_at = TaskStatus.RETURNED.value, utcnow()
        task.opinion = opinion or task.opinion
        items = [x.strip() for x in missing if x.strip()]
        if case.status != CaseStatus.CORRECTION:
            if case.status != CaseStatus.ACCEPTED:
                raise ApiError(
                    409, "invalid_state", f"case {case.case_number} is {case.status.value}: it cannot go back for correction"
                )
        _step(
            self.s, case, who, "correction", to=CaseStatus.CORRECTION, task=task, reason="退回补正：" + "；".join(items),
            detail={"missing": items}, cal=self.cal, today=self.today,
        )
        return self._done(case, {"correction": items})

    def corrected(self, case: m.Case, who: Actor) -> dict[str, Any]:
        """The corrected materials arrived (at any window): accepted again, the clock restarts tomorrow. The
        materials a 一次性告知 listed, brought later: the case is accepted now and goes to its departments."""
        before = case.status
        if before not in (CaseStatus.CORRECTION, CaseStatus.NOTIFIED):
            raise ApiError(409, "invalid_state", msg("not_waiting_correction", case=case.case_number, status=status_param("case_status", case.status.value)))
        case.received_on = self.today
        case.due_date = self.cal.add_half_working_days(
            self.today, case.item.promised_days * 2 + int(case.item.promised_half_day)
        )
        if before == CaseStatus.NOTIFIED:
            case.accepted_at = utcnow()
        _step(self.s, case, who, "corrected", to=CaseStatus.ACCEPTED,
              reason="补正材料已收齐，重新计时" if before == CaseStatus.CORRECTION else "材料已补齐，予以受理",
              cal=self.cal, today=self.today)
        after_terminal_transition(self.s, case, before.value, self.cal)
        return self._done(case)

    def pause(self, case: m.Case, who: Actor, reason: str) -> dict[str, Any]:
        """特殊环节 starts: the clock stops."""
        if not reason.strip():
            raise ApiError(422, "reason_required", msg("special_step_required"))
        if case.status not in (CaseStatus.ACCEPTED, CaseStatus.DEFERRED):
            raise ApiError(409, "invalid_state", msg("no_special_step_now", case=case.case_number, status=status_param("case_status", case.status.value)))
        _step(self.s, case, who, "pause", to=CaseStatus.SUSPENDED, reason=reason, cal=self.cal, today=self.today)
        self.s.add(m.CasePause(id=new_id(), case_id=case.id, reason=reason[:100], first_day=self.today))
        return self._done(case)

    def resume(self, case: m.Case, who: Actor) -> dict[str, Any]:
        """特殊环节 ends: the clock runs again, the deadlines move on by the step's working days."""
        pause = self.s.scalar(
            select(m.CasePause).where(m.CasePause.case_id == case.id, m.CasePause.last_day.is_(None))
        )
        if case.status != CaseStatus.SUSPENDED or pause is None:
            raise ApiError(409, "invalid_state", msg("not_in_special_step", case=case.case_number))
        pause.last_day = self.today
        if case.due_date is not None:
            case.due_date = extend_for_pause(case.due_date, pause.first_day, self.today, self.cal)
        for t in self.s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == case.id)):
            if t.status in PENDING and t.due_date is not None:
                t.due_date = extend_for_pause(t.due_date, pause.first_day, self.today, self.cal)
        _step(self.s, case, who, "resume", to=CaseStatus.ACCEPTED, reason=f"特殊环节结束：{pause.reason}",
              detail={"first_day": pause.first_day.isoformat(), "last_day": self.today.isoformat()},
              cal=self.cal, today=self.today)
        return self._done(case)

    def report(self, case: m.Case, task: m.CaseTask, who: Actor, receiver: str, opinion: str) -> dict[str, Any]:
        """上报 to a higher level: recorded with its receiver; the task waits for the answer."""
        _pending(task)
        if not receiver.strip():
            raise ApiError(422, "receiver_required", msg("receiver_required"))
        task.status, task.receiver, task.updated_at = TaskStatus.REPORTED.value, receiver.strip(), utcnow()
        task.opinion = opinion or task.opinion
        _step(self.s, case, who, "report", task=task, reason=f"上报：{receiver.strip()}",
              detail={"receiver": receiver.strip()}, cal=self.cal, today=self.today)
        return self._done(case)

    def verify(self, case: m.Case, task: m.CaseTask, who: Actor, holds: bool, opinion: str) -> dict[str, Any]:
        """核查 of a 告知承诺: the commitment holds, or it does not. Not holding, before the decision: the
        applicant must bring the proofs the commitment stood for — the case goes to 补正 with them, and the
        department's approval waits for them (责令补正); after the decision: the decision stands and the
        finding is recorded for the department's 撤销 or 责令整改 (its own procedure)."""
        _pending(task)
        if task.kind != TaskKind.VERIFY:
            raise ApiError(409, "wrong_task", msg("only_verify_task"))
        if not holds and not opinion.strip():
            raise ApiError(422, "reason_required", msg("finding_required"))
        if not holds and case.status in (CaseStatus.DEFERRED, CaseStatus.SUSPENDED):
            raise ApiError(409, "invalid_state", msg("verify_later", case=case.case_number, status=status_param("case_status", case.status.value)))
        now = utcnow()
        task.status = (TaskStatus.VERIFIED if holds else TaskStatus.FAILED).value
        task.opinion, task.decided_by, task.decided_at, task.updated_at = opinion or None, who.staff_id, now, now
        decided = case.status in (CaseStatus.APPROVED, CaseStatus.DENIED, CaseStatus.DELIVERED)
        detail: dict[str, Any] = {"holds": holds}
        if not holds and decided:
            detail["follow_up"] = "已作出的决定须依法撤销或责令限期整改"
        _step(self.s, case, who, "verify", task=task, reason=("承诺属实" if holds else "承诺不实：") + (opinion or ""),
              detail=detail, cal=self.cal, today=self.today)
        if not holds and not decided:
            promised = [mt.name for mt in case.materials if mt.state == "commitment"]
            missing = [f"{name}（告知承诺经核查不实，须提交该证明材料）" for name in promised] or ["告知承诺所涉证明材料"]
            for t in self.s.scalars(select(m.CaseTask).where(m.CaseTask.case_id == case.id)):
                if t.kind == TaskKind.APPROVE and t.department_id == task.department_id and t.status in PENDING:
                    t.status, t.updated_at = TaskStatus.RETURNED.value, now
            _step(self.s, case, who, "correction", to=CaseStatus.CORRECTION, task=task,
                  reason="核查不实，退回补正：" + "；".join(missing), detail={"missing": missing, "verify": True},
                  cal=self.cal, today=self.today)
            return self._done(case, {"correction": missing})
        return self._done(case)

    def deliver(self, case: m.Case, who: Actor, method: str, tracking: str) -> dict[str, Any]:
        """出件 at any window or by express: only then is the case 办结."""
        if method not in ("window", "express"):
            raise ApiError(422, "invalid_request", f"unknown delivery method {method!r}")
        if method == "express" and not tracking.strip():
            raise ApiError(422, "tracking_required", msg("tracking_required"))
        if case.status not in (CaseStatus.APPROVED, CaseStatus.DENIED):
            raise ApiError(409, "invalid_state", msg("nothing_to_hand_out", case=case.case_number, status=status_param("case_status", case.status.value)))
        case.delivery_method, case.tracking_number = method, tracking.strip() or None
        case.delivered_at = utcnow()
        _step(self.s, case, who, "deliver", to=CaseStatus.DELIVERED,
              reason="出件：" + ("窗口领取" if method == "window" else f"快递 {tracking.strip()}"),
              detail={"window": who.window, "method": method}, cal=self.cal, today=self.today)
        return self._done(case)

    # ------------------------------------------------------------------ 容缺 watch
    def sweep_deferrals(self, remind_days: int = 1) -> dict[str, list[str]]:
        """Every 容缺 case whose promised date is near gets one reminder; one past it is terminated."""
        reminded: list[str] = []
        terminated: list[str] = []
        deferred = self.s.scalars(
            select(m.Case)
            .where(m.Case.status == CaseStatus.DEFERRED, m.Case.deferral_due.is_not(None))
            .with_for_update()
        )
        for case in list(deferred):
            assert case.deferral_due is not None
            state = deferral_state(case.deferral_due, self.today, self.cal, remind_days)
            if state == DeferralState.OVERDUE:
                _step(self.s, case, None, "terminate", to=CaseStatus.TERMINATED,
                      reason=f"容缺材料未在承诺期限（{case.deferral_due:%Y年%m月%d日}）内补齐，终止办理",
                      cal=self.cal, today=self.today)
                after_terminal_transition(self.s, case, CaseStatus.DEFERRED.value, self.cal)
                self._done(case)
                terminated.append(case.case_number)
            elif state == DeferralState.REMIND:
                seen = self.s.scalar(
                    select(m.CaseTransition.id).where(
                        m.CaseTransition.case_id == case.id, m.CaseTransition.step == "remind"
                    )
                )
                if seen is None:
                    _step(self.s, case, None, "remind",
                          reason=f"提醒：容缺材料须于{case.deferral_due:%Y年%m月%d日}前补齐",
                          cal=self.cal, today=self.today)
                    deferral_due(self.s, case)  # and by SMS, if the applicant consented (issue 18)
                    reminded.append(case.case_number)
        return {"reminded": reminded, "terminated": terminated}


# ------------------------------------------------------------------ reading


def agent_view(case: m.Case) -> dict[str, Any] | None:
    """帮办代办: the agent as the case shows them (masked), or None when the applicant came."""
    g = case.agent
    if g is None:
        return None
    return {
        "name": g.name,
        "id_number": g.id_number_masked,
        "phone": g.phone_masked,
        "kind": case.agent_kind,
        "authorisation": case.authorisation,
        "until": case.authorised_until.isoformat() if case.authorised_until else None,
    }


def task_row(t: m.CaseTask, case: m.Case, today: dt.date, cal: WorkdayCalendar, yellow: int) -> dict[str, Any]:
    light = ""
    if t.status in PENDING and t.due_date is not None and case.status in LIVE:
        light = "grey" if case.status == CaseStatus.SUSPENDED else supervision_light(t.due_date, today, yellow, cal).value
    return {
        "id": str(t.id),
        "case_id": str(case.id),
        "case_number": case.case_number,
        "item_name": case.item.name,
        "applicant": case.applicant.name[:1] + "**" if len(case.applicant.name) > 1 else case.applicant.name,
        "department": t.department.short_name,
        "department_code": t.department.code,
        "kind": t.kind,
        "lead": t.lead,
        "status": t.status,
        "case_status": case.status.value,
        "due_date": t.due_date.isoformat() if t.due_date else None,
        "light": light,
        "opinion": t.opinion,
        "receiver": t.receiver,
    }


LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2, "grey": 3, "": 4}


def work_list(
    s: Session, department_id: uuid.UUID | None, today: dt.date, yellow: int, include_closed: bool = False
) -> list[dict[str, Any]]:
    """A department's tasks, most urgent first (red, yellow, green; then by deadline)."""
    cal = load_calendar(s)
    q = select(m.CaseTask, m.Case).join(m.Case, m.Case.id == m.CaseTask.case_id)
    if department_id is not None:
        q = q.where(m.CaseTask.department_id == department_id)
    if not include_closed:
        q = q.where(m.CaseTask.status.in_([st.value for st in PENDING]))
    rows = [task_row(t, c, today, cal, yellow) for t, c in s.execute(q.order_by(m.CaseTask.due_date).limit(500))]
    rows.sort(key=lambda r: (LIGHT_ORDER.get(r["light"], 4), r["due_date"] or "9999", r["case_number"]))
    return rows


def case_detail(s: Session, case: m.Case, today: dt.date, yellow: int) -> dict[str, Any]:
    """The case with its applicant (masked), materials, tasks, pauses, notices and whole history."""
    cal = load_calendar(s)
    staff = {st.id: st.full_name for st in s.scalars(select(m.Staff))}
    tasks = list(
        s.scalars(
            select(m.CaseTask)
            .where(m.CaseTask.case_id == case.id)
            .order_by(m.CaseTask.lead.desc(), m.CaseTask.kind, m.CaseTask.department_id)
        )
    )
    history = list(
        s.scalars(
            select(m.CaseTransition)
            .where(m.CaseTransition.case_id == case.id)
            .order_by(m.CaseTransition.at, m.CaseTransition.id)
        )
    )
    pauses = _pauses(s, case.id, today)
    correction: list[str] = []  # what this 补正 round asks for, from every department that returned it
    for h in history:
        if h.step == "corrected":
            correction = []
        elif h.step == "correction" and h.detail:
            correction += [x for x in h.detail.get("missing") or [] if x not in correction]
    findings = [h.detail["follow_up"] for h in history if h.step == "verify" and h.detail and h.detail.get("follow_up")]
    notices = ["受理通知书"] if case.status != CaseStatus.NOTIFIED else ["一次性告知书"]
    if case.deferral_due:
        notices.append("容缺受理承诺书")
    if any(mt.state == "commitment" for mt in case.materials):
        notices.append("告知承诺书")
    if correction and case.status == CaseStatus.CORRECTION:
        notices.append("补正材料通知书")
    if case.status in (CaseStatus.APPROVED, CaseStatus.DENIED, CaseStatus.DELIVERED) and tasks:
        notices.append("准予许可决定书" if _approved(tasks) else "不予许可决定书")
    if case.status == CaseStatus.TERMINATED:
        notices.append("终止办理通知书")
    return {
        **case_summary(case, case.item.code),
        "item_name": case.item.name,
        "item_kind": case.item.kind.value,
        "department": case.item.department.short_name,
        "applicant": {
            "name": case.applicant.name,
            "id_number": case.applicant.id_number_masked,
            "phone": case.applicant.phone_masked,
        },
        "agent": agent_view(case),
        "deferral_due": case.deferral_due.isoformat() if case.deferral_due else None,
        "legal_due_date": case.legal_due_date.isoformat() if case.legal_due_date else None,
        "clock_days": clock_days(case.received_on, today, pauses, cal),
        "light": supervision_light(case.due_date, today, yellow, cal).value
        if case.due_date and case.status in LIVE
        else "",
        "materials": [
            {
                "name": mt.name,
                "state": mt.state,
                "originals": mt.originals_received,
                "copies": mt.copies_received,
                "promised_date": mt.promised_date.isoformat() if mt.promised_date else None,
            }
            for mt in case.materials
        ],
        "tasks": [task_row(t, case, today, cal, yellow) for t in tasks],
        "pauses": [{"first_day": a.isoformat(), "last_day": b.isoformat()} for a, b in pauses],
        "correction": correction if case.status == CaseStatus.CORRECTION and correction else None,
        "follow_up": findings[-1] if findings else None,
        "notices": notices,
        "history": [
            {
                "at": h.at.isoformat(),
                "step": h.step or ("accept" if h.from_status is None else "transition"),
                "from": h.from_status,
                "to": h.to_status,
                "actor": staff.get(h.actor_id) if h.actor_id else None,
                "reason": h.reason,  # as stored (Chinese); reason_msg: the same in the reader's language
                "reason_msg": history_reason(h.step, h.detail),
                "clock_days": h.clock_days,
                "detail": h.detail,
            }
            for h in history
        ],
    }


def history_reason(step: str | None, detail: dict[str, Any] | None) -> dict[str, Any] | None:
    """The reason the center wrote for its own step, as a message (None: a reason given by a person)."""
    detail = detail or {}
    if step == "dispatch":
        return msg("history.dispatch_joint" if len(detail.get("departments") or ()) > 1 else "history.dispatch").as_param()
    if step == "correction" and detail.get("missing"):
        code = "history.correction_verify" if detail.get("verify") else "history.correction"
        return msg(code, items="；".join(str(x) for x in detail["missing"])).as_param()
    if step == "report" and detail.get("receiver"):
        return msg("history.report", receiver=str(detail["receiver"])).as_param()
    return None


def _approved(tasks: list[m.CaseTask]) -> bool:
    return case_result((t.kind, t.status) for t in tasks) == CaseStatus.APPROVED


def find_cases(s: Session, query: str, lookup_hash: Callable[[str], str]) -> list[m.Case]:
    """出件 at any window: a case by its number, the applicant's or the agent's ID number (帮办代办: the
    agent collects for the applicant), or the notice's QR text."""
    from app.domain.idnumber import InvalidIdNumber, normalize_id_number
    from app.domain.lookup import parse_case_qr

    q = query.strip()
    if not q:
        return []
    qr = parse_case_qr(q)
    if qr is not None:
        number, key = qr  # the paper proves itself: its key must be the case's
        return [c for c in s.scalars(select(m.Case).where(m.Case.case_number == number)) if _tail_hash(s, c.id) == key]
    found = list(s.scalars(select(m.Case).where(m.Case.case_number == q.upper())))
    if found:
        return found
    try:
        id_number = normalize_id_number(q)
    except InvalidIdNumber:
        return []
    applicants = select(m.Applicant.id).where(m.Applicant.id_number_hash == lookup_hash(id_number))
    return list(
        s.scalars(
            select(m.Case)
            .where(or_(m.Case.applicant_id.in_(applicants), m.Case.agent_id.in_(applicants)))
            .order_by(m.Case.created_at.desc())
            .limit(50)
        )
    )


def today_or(day: dt.date | None) -> dt.date:
    return day or local_today()
