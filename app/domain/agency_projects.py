"""帮办代办 for investment projects: a hall agent (代办员) takes a company's project through the approval
stages of 工程建设项目审批 (国办发〔2019〕11号: 立项用地规划许可 → 工程建设许可 → 施工许可 → 竣工验收), one
stage after another, each with its start and end day and the case that carried it; the days it took are
working days, held against the project's target (「178个工作日缩短到37个工作日」). Qt-free, no database."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.workdays import Light, WorkdayCalendar, supervision_light
from app.i18n.messages import Msg, msg

# the four stages of 工程建设项目审批; a hall may give a project its own list
DEFAULT_STAGES = ("立项用地规划许可", "工程建设许可", "施工许可", "竣工验收")
STAGE_NAME_MAX = 60


class StageStatus(enum.StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    DONE = "done"


@dataclass(frozen=True)
class Stage:
    position: int
    name: str
    status: StageStatus
    started_on: dt.date | None = None
    done_on: dt.date | None = None


def check_stage_names(names: Sequence[str]) -> Msg | None:
    cleaned = [n.strip() for n in names]
    if not cleaned or len(cleaned) > 12:
        return msg("project_stages_count")
    if any(not n or len(n) > STAGE_NAME_MAX for n in cleaned) or len(set(cleaned)) != len(cleaned):
        return msg("project_stage_names")
    return None


def can_start(stages: Sequence[Stage], position: int, on: dt.date) -> Msg | None:
    """A stage starts when it is pending and the one before it is done (not before that one ended)."""
    stage = stages[position]
    if stage.status != StageStatus.PENDING:
        return msg("stage_not_pending", stage=stage.name)
    if position > 0:
        before = stages[position - 1]
        if before.status != StageStatus.DONE:
            return msg("stage_before_open", stage=stage.name, before=before.name)
        if before.done_on is not None and on < before.done_on:
            return msg("stage_date_order", stage=stage.name)
    return None


def can_finish(stage: Stage, on: dt.date) -> Msg | None:
    if stage.status != StageStatus.ACTIVE:
        return msg("stage_not_active", stage=stage.name)
    if stage.started_on is not None and on < stage.started_on:
        return msg("stage_date_order", stage=stage.name)
    return None


def stage_days(stage: Stage, today: dt.date, calendar: WorkdayCalendar) -> int:
    """Working days the stage took (a running stage: so far). The start day counts, as the hall counts it."""
    if stage.started_on is None:
        return 0
    end = stage.done_on or today
    return calendar.working_days_between(stage.started_on - dt.timedelta(days=1), end)


@dataclass(frozen=True)
class Progress:
    days_used: int  # working days of all stages so far
    current: str  # the stage under way, or "" (none started / all done)
    done: bool
    due: dt.date | None  # the target's last working day, counted from the first stage's start
    light: Light | None  # against the target; None before the first stage or once done


def progress(
    stages: Sequence[Stage], target_days: int, today: dt.date, calendar: WorkdayCalendar, yellow_days: int
) -> Progress:
    used = sum(stage_days(s, today, calendar) for s in stages)
    current = next((s.name for s in stages if s.status == StageStatus.ACTIVE), "")
    done = bool(stages) and all(s.status == StageStatus.DONE for s in stages)
    first = stages[0].started_on if stages else None
    due = calendar.add_working_days(first - dt.timedelta(days=1), target_days) if first and target_days > 0 else None
    light = supervision_light(due, today, yellow_days, calendar) if due and not done else None
    return Progress(used, current, done, due, light)
