"""The one decision at the counter (综合受理): from the materials checklist to the case's status, due
date and the notice it prints. Pure rules, no storage.

- accept (受理): every required material received (or covered by 告知承诺); 即办件 are decided on the spot
  (办结 at once); 承诺件 get a due date `promised_days` working days after the day of receipt.
- defer (容缺受理): only deferrable materials missing, each with the date the applicant promises it;
  the clock runs as for an acceptance.
- notify (一次性告知): something required is missing; the notice lists every missing material at once.
- refuse (不予受理): a reason and its legal basis are required.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.domain.states import CaseStatus
from app.domain.workdays import WorkdayCalendar
from app.errors import HallError
from app.i18n.messages import msg


class Decision(StrEnum):
    ACCEPT = "accept"
    DEFER = "defer"
    NOTIFY = "notify"
    REFUSE = "refuse"


class AcceptanceError(HallError, ValueError):
    """The checklist does not allow this decision; the message says why, in the clerk's words."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="acceptance")


@dataclass(frozen=True)
class MaterialCheck:
    name: str
    required: bool = True
    deferrable: bool = False
    originals_needed: int = 1
    copies_needed: int = 0
    originals_received: int = 0
    copies_received: int = 0
    promise: bool = False  # 告知承诺: the applicant's written commitment replaces the material
    deferred_until: dt.date | None = None  # 容缺: the date the applicant promises to supply it
    note: str = ""

    @property
    def complete(self) -> bool:
        return self.promise or (
            self.originals_received >= self.originals_needed and self.copies_received >= self.copies_needed
        )

    @property
    def missing(self) -> bool:
        return self.required and not self.complete

    @property
    def state(self) -> str:
        if self.promise:
            return "promised"
        if self.complete:
            return "received"
        return "deferred" if self.deferred_until else "missing"

    def shortfall(self) -> str:
        parts = []
        if self.originals_received < self.originals_needed:
            parts.append(f"原件{self.originals_needed - self.originals_received}份")
        if self.copies_received < self.copies_needed:
            parts.append(f"复印件{self.copies_needed - self.copies_received}份")
        return "缺" + "、".join(parts) if parts else ""


@dataclass(frozen=True)
class Outcome:
    decision: Decision
    status: CaseStatus
    due_date: dt.date | None
    legal_due_date: dt.date | None
    deferral_due: dt.date | None
    missing: tuple[MaterialCheck, ...]
    notice: str  # which PDF notice the decision prints


def decide(
    decision: Decision,
    checks: list[MaterialCheck],
    *,
    kind: str,
    promised_days: int,
    legal_days: int,
    received_on: dt.date,
    calendar: WorkdayCalendar,
    reason: str = "",
    basis: str = "",
    promised_half_day: bool = False,
    legal_half_day: bool = False,
) -> Outcome:
    """`promised_days` / `legal_days` are whole working days; `*_half_day` adds half a working day (a
    limit of 2.5 days is due on the 3rd working day, by noon)."""
    missing = tuple(c for c in checks if c.missing)
    if decision == Decision.REFUSE:
        if not reason.strip() or not basis.strip():
            raise AcceptanceError(msg("refusal_needs_basis"))
        return Outcome(decision, CaseStatus.REFUSED, None, None, None, missing, "refusal")
    if decision == Decision.NOTIFY:
        if not missing:
            raise AcceptanceError(msg("nothing_missing_notify"))
        return Outcome(decision, CaseStatus.NOTIFIED, None, None, None, missing, "correction")
    if decision == Decision.DEFER:
        if not missing:
            raise AcceptanceError(msg("nothing_missing"))
        not_deferrable = [c.name for c in missing if not c.deferrable]
        if not_deferrable:
            raise AcceptanceError(
                "以下材料不可容缺，请一次性告知：" + "、".join(not_deferrable)
                + " / these materials cannot be deferred"
            )
        undated = [c.name for c in missing if c.deferred_until is None]
        if undated:
            raise AcceptanceError("请为容缺材料填写承诺补交日期：" + "、".join(undated))
        late = [c.name for c in missing if c.deferred_until and c.deferred_until < received_on]
        if late:
            raise AcceptanceError("承诺补交日期不能早于今天：" + "、".join(late))
    elif missing:
        raise AcceptanceError(
            "以下材料缺失，不能直接受理（可容缺受理或一次性告知）：" + "、".join(c.name for c in missing)
        )
    deferral_due = max((c.deferred_until for c in missing if c.deferred_until), default=None)
    legal_half = legal_days * 2 + int(legal_half_day)
    promised_half = promised_days * 2 + int(promised_half_day)
    legal_due = calendar.add_half_working_days(received_on, legal_half) if legal_half > 0 else None
    if kind == "immediate" or promised_half <= 0:
        if decision == Decision.DEFER:
            return Outcome(decision, CaseStatus.DEFERRED, received_on, legal_due, deferral_due, missing, "deferral")
        return Outcome(decision, CaseStatus.APPROVED, received_on, legal_due, None, (), "acceptance")
    due = calendar.add_half_working_days(received_on, promised_half)
    if decision == Decision.DEFER:
        return Outcome(decision, CaseStatus.DEFERRED, due, legal_due, deferral_due, missing, "deferral")
    return Outcome(decision, CaseStatus.ACCEPTED, due, legal_due, None, (), "acceptance")


def case_number(hall_code: str, day: dt.date, terminal_tag: int, seq: int) -> str:
    """办件编号: unique across terminals without asking the center (each terminal has its own tag from
    enrollment and counts its own cases per day), so it is safe offline."""
    return f"{hall_code}-{day:%Y%m%d}-{terminal_tag:02d}-{seq:04d}"
