"""A case's life at the center, as pure rules (no storage): which department tasks an accepted case
starts, when the case is decided, the working-day clock, special steps, and the 容缺 promised date.

- 前台综合受理、后台分类审批: an accepted 承诺件 (also 容缺) goes to its item's department; a 联办件 starts
  a task for the lead and for every co-department at once, each with its own deadline (并联审批); a
  告知承诺 adds a 核查 task for the lead department.
- The case is decided when every approval task is: 准予 when all approve, 不予许可 when any denies.
- The clock counts working days from the day after receipt (a 补正 restarts it); 特殊环节 days do not count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.domain.states import CaseStatus
from app.domain.workdays import WorkdayCalendar

ONE_DAY = dt.timedelta(days=1)


class TaskKind(StrEnum):
    APPROVE = "approve"  # 审批: 准予 / 不予许可
    VERIFY = "verify"  # 核查 of a 告知承诺


class TaskStatus(StrEnum):
    OPEN = "open"
    REPORTED = "reported"  # 上报: waits for the higher level, still this department's to decide
    RETURNED = "returned"  # 退回补正: waits for the applicant's corrected materials
    APPROVED = "approved"
    DENIED = "denied"
    VERIFIED = "verified"  # 核查: the commitment holds
    FAILED = "failed"  # 核查: the commitment does not hold
    TERMINATED = "terminated"  # the case ended without a decision (容缺 not supplied)


PENDING = frozenset({TaskStatus.OPEN, TaskStatus.REPORTED, TaskStatus.RETURNED})
DISPATCHED = frozenset({CaseStatus.ACCEPTED, CaseStatus.DEFERRED})  # a case born in these goes to the back office
LIVE = frozenset({CaseStatus.ACCEPTED, CaseStatus.DEFERRED, CaseStatus.CORRECTION, CaseStatus.SUSPENDED})


class CaseRuleError(ValueError):
    """A step the case's state does not allow; the message says why, in the user's words."""


@dataclass(frozen=True)
class PlannedTask:
    department_code: str
    kind: TaskKind
    lead: bool


def plan_tasks(lead: str, co_departments: Iterable[str], *, commitment: bool) -> list[PlannedTask]:
    """The tasks an accepted case starts, all at once: the lead's approval, each co-department's (联办件),
    and a 核查 for the lead when a material was replaced by a 告知承诺."""
    tasks = [PlannedTask(lead, TaskKind.APPROVE, True)]
    seen = {lead}
    for code in co_departments:
        if code and code not in seen:
            seen.add(code)
            tasks.append(PlannedTask(code, TaskKind.APPROVE, False))
    if commitment:
        tasks.append(PlannedTask(lead, TaskKind.VERIFY, True))
    return tasks


def case_result(tasks: Iterable[tuple[str, str]]) -> CaseStatus | None:
    """(kind, status) of every task → the case's decision once every approval task is decided, else None.
    A 核查 does not hold the decision back (事中事后: it may come after the permit)."""
    approvals = [TaskStatus(status) for kind, status in tasks if kind == TaskKind.APPROVE]
    if not approvals or any(st in PENDING for st in approvals):
        return None
    if any(st == TaskStatus.DENIED for st in approvals):
        return CaseStatus.DENIED
    if all(st == TaskStatus.APPROVED for st in approvals):
        return CaseStatus.APPROVED
    return None


def paused_working_days(first: dt.date, last: dt.date, calendar: WorkdayCalendar) -> int:
    """Working days of a special step, both ends included."""
    if last < first:
        return 0
    return calendar.working_days_between(first - ONE_DAY, last)


def clock_days(
    received_on: dt.date, today: dt.date, pauses: Sequence[tuple[dt.date, dt.date]], calendar: WorkdayCalendar
) -> int:
    """Working days used so far: from the day after receipt to today, special-step days left out."""
    if today <= received_on:
        return 0
    used = calendar.working_days_between(received_on, today)
    for first, last in pauses:
        lo, hi = max(first, received_on + ONE_DAY), min(last, today)
        used -= paused_working_days(lo, hi, calendar)
    return max(used, 0)


def extend_for_pause(due: dt.date, first: dt.date, last: dt.date, calendar: WorkdayCalendar) -> dt.date:
    """The deadline moved on by the working days a special step took."""
    return calendar.add_working_days(due, paused_working_days(first, last, calendar))


class DeferralState(StrEnum):
    ON_TIME = "on_time"
    REMIND = "remind"  # the promised date is near: remind the applicant
    OVERDUE = "overdue"  # past the promised date: the case is terminated


def deferral_state(promised: dt.date, today: dt.date, calendar: WorkdayCalendar, remind_days: int = 1) -> DeferralState:
    """容缺: overdue the day after the promised date; a reminder from `remind_days` working days before it."""
    if today > promised:
        return DeferralState.OVERDUE
    if calendar.working_days_between(today, promised) <= remind_days:
        return DeferralState.REMIND
    return DeferralState.ON_TIME


def default_promise_date(received_on: dt.date, working_days: int, calendar: WorkdayCalendar) -> dt.date:
    """The date a 容缺 material is promised by: `working_days` working days after receipt (never a weekend
    or holiday)."""
    return calendar.add_working_days(received_on, max(working_days, 1))
