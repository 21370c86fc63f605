"""Visits outside the call loop: appointments (booked, checked in at a kiosk by code or ID card), a
kiosk's lookup of a finished visit to rate it, and the 投诉建议 the manager reads."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center import queue as q
from app.center.api_errors import ApiError
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.routes_queue import IssueOut, _tx, issued
from app.center.security import Principal
from app.domain.clock import local_today, utcnow
from app.domain.idnumber import InvalidIdNumber, mask_name, normalize_id_number
from app.domain.privacy import ID_SALT_SETTING, id_hash
from app.i18n.messages import msg
from app.store import models as m

router = APIRouter(prefix="/api/v1", tags=["visits"])


def _id_number(raw: str | None) -> str | None:
    if not raw:
        return None
    try:
        return normalize_id_number(raw)
    except InvalidIdNumber as exc:
        raise ApiError(422, "invalid_id_number", msg("invalid_id_number", reason=exc.args[0])) from exc


def _salted(s: Session, id_number: str) -> str:
    salt = s.get(m.Setting, ID_SALT_SETTING)
    if salt is None:
        raise ApiError(503, "not_ready", msg("not_ready"))
    return id_hash(id_number, str(salt.value["salt"]))


class BookIn(BaseModel):
    category: str = Field(min_length=1, max_length=2)
    name: str = Field(min_length=1, max_length=50)
    id_number: str | None = Field(None, max_length=40)
    day: dt.date | None = None
    slot_start: dt.datetime | None = None
    slot_minutes: int = Field(30, ge=5, le=240)
    code: str | None = Field(None, pattern=r"^[0-9A-Z]{4,20}$")


@router.post("/appointments", status_code=201)
def book(
    body: BookIn, _: Principal = Depends(require("manager")), c: CenterContext = Depends(ctx)
) -> dict[str, Any]:
    """Book an appointment (the online booking system's job in a real hall; here for managers and demos)."""
    id_number = _id_number(body.id_number)

    def work(s: Session) -> dict[str, Any]:
        cat = s.scalar(select(m.Category).where(m.Category.prefix == body.category.upper()))
        if cat is None:
            raise ApiError(404, "not_found", msg("unknown_category", prefix=body.category))
        start = body.slot_start or utcnow()
        code = body.code or f"{secrets.randbelow(10**8):08d}"
        appt = m.Appointment(
            code=code,
            category_id=cat.id,
            applicant_name_masked=mask_name(body.name),
            id_number_hash=_salted(s, id_number) if id_number else None,
            day=body.day or local_today(),
            slot_start=start,
            slot_end=start + dt.timedelta(minutes=body.slot_minutes),
        )
        s.add(appt)
        s.flush()
        return {"id": str(appt.id), "code": code, "category": cat.prefix, "day": appt.day.isoformat()}

    return _tx(c, work)


class CheckInIn(BaseModel):
    code: str | None = Field(None, max_length=20)
    id_number: str | None = Field(None, max_length=40)


class CheckInOut(IssueOut):
    appointment_code: str
    name_masked: str
    slot_start: dt.datetime | None = None  # the booked time slot, shown to the citizen who checked in
    slot_end: dt.datetime | None = None
    item_name: str | None = None  # the service item booked, when the booking named one


@router.post("/appointments/check-in", response_model=CheckInOut, status_code=201)
def check_in(
    body: CheckInIn,
    who: Principal = Depends(require("kiosk", "clerk", "manager", "counter")),
    c: CenterContext = Depends(ctx),
) -> CheckInOut:
    """预约签到: by the appointment code or the ID card; issues the appointment's ticket."""
    if not (body.code or body.id_number):
        raise ApiError(422, "invalid_request", msg("appointment_code_or_id"))
    id_number = _id_number(body.id_number)
    terminal = uuid.UUID(who.terminal_id) if who.terminal_id else None

    def work(s: Session) -> CheckInOut:
        today = local_today()
        query = select(m.Appointment).where(m.Appointment.day == today, m.Appointment.status == "booked")
        if body.code:
            query = query.where(m.Appointment.code == body.code.strip().upper())
        else:
            query = query.where(m.Appointment.id_number_hash == _salted(s, str(id_number)))
        appt = s.scalars(query.order_by(m.Appointment.slot_start)).first()
        if appt is None:
            raise q.QueueError(
                404,
                "no_appointment",
                msg("no_appointment"),
            )
        cat = s.get(m.Category, appt.category_id)
        got = q.issue_ticket(
            s, c.settings.queue, cat.prefix if cat else "", appointment_code=appt.code, terminal_id=terminal
        )
        out = issued(c, s, got, appointment=True)
        item = s.get(m.ServiceItem, appt.item_id) if appt.item_id else None
        return CheckInOut(
            **out.model_dump(),
            appointment_code=appt.code,
            name_masked=appt.applicant_name_masked,
            slot_start=appt.slot_start,
            slot_end=appt.slot_end,
            item_name=item.name if item else None,
        )

    return _tx(c, work)


@router.get("/tickets/visit")
def visit(
    number: str = Query(min_length=2, max_length=8),
    _: Principal = Depends(require("kiosk", "clerk", "manager", "counter")),
    s: Session = Depends(read_db),
) -> dict[str, Any]:
    """Today's newest ticket with this number, in any state: what a kiosk needs to rate the visit."""
    t = s.scalars(
        select(m.Ticket)
        .where(m.Ticket.service_day == local_today(), m.Ticket.number == number.strip().upper())
        .order_by(m.Ticket.issued_at.desc())
    ).first()
    if t is None:
        raise ApiError(404, "not_found", msg("no_ticket_today", number=number))
    rated = s.scalar(select(m.Rating.id).where(m.Rating.ticket_id == t.id)) is not None
    return {
        "id": str(t.id),
        "number": t.number,
        "status": t.status.value,
        "window_number": t.window_number,
        "staff_id": str(t.staff_id) if t.staff_id else None,
        "rated": rated,
    }


@router.get("/feedback")
def feedback(
    include_answered: bool = False,
    _: Principal = Depends(require("manager")),
    s: Session = Depends(read_db),
) -> list[dict[str, Any]]:
    query = select(m.Feedback).order_by(m.Feedback.created_at.desc()).limit(500)
    if not include_answered:
        query = query.where(m.Feedback.status == "open")
    return [
        {
            "id": str(f.id),
            "kind": f.kind,
            "topic": f.topic,
            "text": f.text,
            "phone": f.phone_masked,
            "window_number": f.window_number,
            "status": f.status,
            "created_at": f.created_at.isoformat(),
        }
        for f in s.scalars(query)
    ]


@router.post("/feedback/{feedback_id}/answer")
def answer_feedback(
    feedback_id: uuid.UUID, who: Principal = Depends(require("manager")), c: CenterContext = Depends(ctx)
) -> dict[str, str]:
    """The manager has called the citizen back (or handled a message without a phone number)."""
    from app.center.audit import append_center_event

    with c.db.write_session() as s:
        f = s.get(m.Feedback, feedback_id)
        if f is None:
            raise ApiError(404, "not_found", f"no feedback {feedback_id}")
        f.status = "answered"
        append_center_event(s, who.subject, "feedback.answered", object_type="feedback", object_id=str(feedback_id))
        return {"id": str(feedback_id), "status": "answered"}
