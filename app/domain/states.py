"""Statuses and their state machines. A transition names its `from` state: one that does not match the
record's current state is rejected (and logged), so a late or replayed transition never moves a status
backward (DESIGN.md, "Data")."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TypeVar


class InvalidTransition(ValueError):
    def __init__(self, entity: str, current: str, wanted_from: str, to: str) -> None:
        super().__init__(f"{entity}: cannot move {wanted_from} → {to}; current status is {current}")
        self.entity, self.current, self.wanted_from, self.to = entity, current, wanted_from, to


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    DONE = "done"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    CANCELLED = "cancelled"


class WindowStatus(StrEnum):
    LOGGED_OUT = "logged_out"
    IDLE = "idle"
    SERVING = "serving"
    PAUSED = "paused"


class CaseStatus(StrEnum):
    ACCEPTED = "accepted"  # 受理: the clock runs
    DEFERRED = "deferred"  # 容缺受理: accepted, materials promised
    NOTIFIED = "notified"  # 一次性告知 given: not accepted, waits for the complete materials
    REFUSED = "refused"  # 不予受理
    CORRECTION = "correction"  # 补正: clock restarts when the corrected materials arrive
    SUSPENDED = "suspended"  # 特殊环节: clock paused
    APPROVED = "approved"  # 办结 (准予)
    DENIED = "denied"  # 办结 (不予许可)
    DELIVERED = "delivered"  # 已出件
    TERMINATED = "terminated"  # 终止 (容缺 not supplied, withdrawn)


class ItemKind(StrEnum):
    IMMEDIATE = "immediate"  # 即办件
    PROMISED = "promised"  # 承诺件
    JOINT = "joint"  # 联办件
    REPORTED = "reported"  # 上报件


class Role(StrEnum):
    CLERK = "clerk"
    MANAGER = "manager"
    ADMIN = "admin"
    KIOSK = "kiosk"
    SCREEN = "screen"
    COUNTER = "counter"
    BACKOFFICE = "backoffice"  # department staff deciding cases (后台审批), with a department


class TerminalKind(StrEnum):
    KIOSK = "kiosk"
    COUNTER = "counter"
    SCREEN = "screen"


TICKET_TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    TicketStatus.WAITING: frozenset({TicketStatus.CALLED, TicketStatus.CANCELLED, TicketStatus.TRANSFERRED}),
    TicketStatus.CALLED: frozenset(
        {TicketStatus.SERVING, TicketStatus.NO_SHOW, TicketStatus.TRANSFERRED, TicketStatus.WAITING}
    ),
    TicketStatus.SERVING: frozenset({TicketStatus.DONE, TicketStatus.TRANSFERRED}),
    TicketStatus.NO_SHOW: frozenset({TicketStatus.WAITING}),  # came back: requeued behind K tickets
    TicketStatus.DONE: frozenset(),
    TicketStatus.TRANSFERRED: frozenset(),
    TicketStatus.CANCELLED: frozenset(),
}

CASE_TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.NOTIFIED: frozenset({CaseStatus.ACCEPTED, CaseStatus.DEFERRED, CaseStatus.TERMINATED}),
    CaseStatus.ACCEPTED: frozenset(
        {
            CaseStatus.CORRECTION,
            CaseStatus.SUSPENDED,
            CaseStatus.APPROVED,
            CaseStatus.DENIED,
            CaseStatus.TERMINATED,
        }
    ),
    CaseStatus.DEFERRED: frozenset(
        {
            CaseStatus.ACCEPTED,
            CaseStatus.SUSPENDED,
            CaseStatus.APPROVED,
            CaseStatus.DENIED,
            CaseStatus.TERMINATED,
        }
    ),
    CaseStatus.CORRECTION: frozenset({CaseStatus.ACCEPTED, CaseStatus.TERMINATED}),
    CaseStatus.SUSPENDED: frozenset({CaseStatus.ACCEPTED, CaseStatus.TERMINATED}),
    CaseStatus.APPROVED: frozenset({CaseStatus.DELIVERED}),
    CaseStatus.DENIED: frozenset({CaseStatus.DELIVERED}),
    CaseStatus.REFUSED: frozenset(),
    CaseStatus.DELIVERED: frozenset(),
    CaseStatus.TERMINATED: frozenset(),
}


def check_ticket_transition(current: str, wanted_from: str, to: str) -> None:
    _check("ticket", TICKET_TRANSITIONS, TicketStatus(current), TicketStatus(wanted_from), TicketStatus(to))


def check_case_transition(current: str, wanted_from: str, to: str) -> None:
    _check("case", CASE_TRANSITIONS, CaseStatus(current), CaseStatus(wanted_from), CaseStatus(to))


S = TypeVar("S", bound=StrEnum)


def _check(entity: str, graph: Mapping[S, frozenset[S]], current: S, wanted_from: S, to: S) -> None:
    if current != wanted_from or to not in graph[current]:
        raise InvalidTransition(entity, str(current), str(wanted_from), str(to))
