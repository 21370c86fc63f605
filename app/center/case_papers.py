"""The document numbers of the papers the center draws for a case (准予 / 不予许可决定书, 办理结果通知书,
补正材料通知书, 终止办理通知书, 告知承诺书): the hall's scheme of `app.domain.doc_numbers` — the
configured pattern, one yearly sequence per kind for the whole hall, the same `counters` row
`doc:{kind}:{year}` the counters lease their blocks from, so the center's number is never one a counter
printed.

A paper is numbered once, the first time it is drawn, and the number (with its date) is kept in the
`detail` of the step that issued it (the decision, that round's 退回补正, the termination, the dispatch of
a 告知承诺 case): a reprint carries the same number, a second 补正 round gets a new one. The first draw
takes the case's row lock, so two first draws at once give one number."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError
from app.center.cases import load_case
from app.config import Settings
from app.domain.doc_numbers import DocKind, format_number
from app.domain.states import CaseStatus
from app.store import models as m
from app.store.db import Database
from app.store.rows import next_value

# which step issues each paper (the latest such step, for a 补正 round)
ISSUED_BY = {
    "decision": ("decided",),
    "correction": ("correction",),
    "termination": ("terminate",),
    "commitment": ("dispatch",),
}


def licensing(item: m.ServiceItem) -> bool:
    """行政许可 (its decision under 行政许可法) or another kind of item (a plain 办理结果通知书)."""
    return item.item_type == "行政许可"


def paper_kind(paper: str, case: m.Case) -> DocKind:
    if paper == "decision":
        if not licensing(case.item):
            return DocKind.RESULT
        return DocKind.APPROVAL if _approved(case) else DocKind.DENIAL
    return {"correction": DocKind.CORRECTION, "termination": DocKind.TERMINATION}.get(paper, DocKind.COMMITMENT)


def _approved(case: m.Case) -> bool:
    decided = next((h for h in reversed(_history(case)) if h.step == "decided"), None)
    return decided is not None and decided.to_status == CaseStatus.APPROVED.value


def _history(case: m.Case) -> list[m.CaseTransition]:
    s = Session.object_session(case)
    assert s is not None
    return list(
        s.scalars(
            select(m.CaseTransition).where(m.CaseTransition.case_id == case.id)
            .order_by(m.CaseTransition.at, m.CaseTransition.id)
        )
    )


def issuing_step(case: m.Case, paper: str) -> m.CaseTransition | None:
    history = _history(case)
    steps = ISSUED_BY[paper]
    found = next((h for h in reversed(history) if h.step in steps), None)
    if found is None and paper == "commitment" and history:
        return history[0]  # a 告知承诺 case that started no task: its acceptance
    return found


def stored(step: m.CaseTransition | None) -> tuple[str, dt.date] | None:
    d = (step.detail if step is not None else None) or {}
    if d.get("doc_number") and d.get("doc_date"):
        return str(d["doc_number"]), dt.date.fromisoformat(str(d["doc_date"]))
    return None


def paper_number(db: Database, settings: Settings, case_id: uuid.UUID, paper: str, today: dt.date) -> tuple[str, dt.date]:
    """The paper's number and date: the stored ones, or the next of the hall's sequence of its kind,
    taken and stored under the case's lock (call it once the paper is known to be drawable)."""
    with db.read_session() as s:
        got = stored(issuing_step(load_case(s, case_id), paper))
    if got is not None:
        return got
    with db.write_session() as s:
        case = load_case(s, case_id, lock=True)
        step = issuing_step(case, paper)
        if step is None:
            raise ApiError(409, "no_paper", f"case {case.case_number} has no step that issues this paper")
        got = stored(step)  # another first draw won the lock
        if got is not None:
            return got
        kind = paper_kind(paper, case)
        cfg = settings.notices
        seq = next_value(s, f"doc:{kind.value}:{today.year}")
        number = format_number(cfg.doc_number_pattern, org=cfg.doc_org or settings.hall_code, kind=kind,
                               year=today.year, seq=seq)
        step.detail = {**(step.detail or {}), "doc_number": number, "doc_date": today.isoformat()}
        return number, today
