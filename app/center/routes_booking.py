"""Appointment booking (issue 18): the manager's slot plans and day list, and the public booking API that
`hall public` reads (category or item → day → slot → name, ID number and phone → SMS code → appointment;
cancel and reschedule by the link's unguessable token).

Public routes carry no credential: the SMS code proves the phone, the manage token (128 random bits, sent
only to the booker's page) is the capability for cancel and reschedule. Answers show masked forms only.
`client` in a request is the address the public process saw (the rate limit per client); the center
trusts it as far as it trusts the DMZ host (see routes_public's deployment note).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from typing import Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.center import booking as b
from app.center.api_errors import ApiError, errors
from app.center.booking_notify import notify
from app.center.context import CenterContext
from app.center.deps import ctx, require
from app.center.security import Principal
from app.domain.clock import HALL_TZ, local_today, utcnow
from app.domain.idnumber import InvalidIdNumber, mask_id_number, mask_name, mask_phone, normalize_id_number
from app.domain.public_link import is_token, new_token
from app.i18n.messages import msg
from app.store import models as m

log = logging.getLogger("hall.center.booking")
router = APIRouter(prefix="/api/v1", tags=["booking"])


def _run(c: CenterContext, fn: Any, *, write: bool = True) -> Any:
    try:
        with c.db.write_session() if write else c.db.read_session() as s:
            return fn(s)
    except b.BookingError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from exc


# ------------------------------------------------------------------ manager: plans and the day's bookings


class PlanIn(BaseModel):
    slot_minutes: int = Field(30, ge=5, le=240)
    per_window: int = Field(2, ge=0, le=100, description="places per serving window and slot (0: none bookable)")
    days_ahead: int = Field(7, ge=0, le=60)
    cutoff_minutes: int = Field(60, ge=0, le=7 * 24 * 60, description="booking closes this long before a slot")
    active: bool = True


def _plan_row(s: Session, cat: m.Category) -> dict[str, Any]:
    row = s.get(m.BookingPlan, cat.id)
    return {
        "category": cat.prefix,
        "name": cat.name,
        "hours": cat.hours,
        "windows": b.windows_serving(s, cat.id),
        "plan": None
        if row is None
        else {
            "slot_minutes": row.slot_minutes,
            "per_window": row.per_window,
            "days_ahead": row.days_ahead,
            "cutoff_minutes": row.cutoff_minutes,
            "active": row.active,
        },
    }


@router.get("/booking/plans", responses=errors(401, 403))
def plans(_: Principal = Depends(require("manager")), c: CenterContext = Depends(ctx)) -> list[dict[str, Any]]:
    """Every category with its slot plan (None: not bookable) and the windows that serve it."""

    def work(s: Session) -> list[dict[str, Any]]:
        cats = s.scalars(select(m.Category).order_by(m.Category.sort_order, m.Category.prefix))
        return [_plan_row(s, cat) for cat in cats]

    return list(_run(c, work, write=False))


@router.put("/booking/plans/{prefix}", responses=errors(401, 403, 404, 413, 422))
def set_plan(
    prefix: str, body: PlanIn, who: Principal = Depends(require("manager")), c: CenterContext = Depends(ctx)
) -> dict[str, Any]:
    """Set a category's slot plan. Places already booked stay booked when the capacity goes down."""
    from app.center.audit import append_center_event

    def work(s: Session) -> dict[str, Any]:
        cat = b.category(s, prefix)
        row = s.get(m.BookingPlan, cat.id) or m.BookingPlan(category_id=cat.id)
        row.slot_minutes, row.per_window, row.days_ahead = body.slot_minutes, body.per_window, body.days_ahead
        row.cutoff_minutes, row.active, row.updated_at = body.cutoff_minutes, body.active, utcnow()
        s.add(row)
        s.flush()
        append_center_event(s, who.subject, "booking.plan", object_type="category", object_id=cat.prefix)
        return _plan_row(s, cat)

    return dict(_run(c, work))


@router.get("/booking/appointments", responses=errors(401, 403, 422))
def day_bookings(
    day: dt.date | None = None, _: Principal = Depends(require("manager")), c: CenterContext = Depends(ctx)
) -> dict[str, Any]:
    """The day's appointments (every status), by slot: masked name, ID number and phone only."""

    def work(s: Session) -> dict[str, Any]:
        the_day = day or local_today()
        rows = s.scalars(
            select(m.Appointment).where(m.Appointment.day == the_day).order_by(m.Appointment.slot_start, m.Appointment.code)
        )
        out = [b.manager_row(s, a) for a in rows]
        counts: dict[str, int] = {}
        for r in out:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        return {"day": the_day.isoformat(), "appointments": out, "counts": counts}

    return dict(_run(c, work, write=False))


# ------------------------------------------------------------------ public: what can be booked


@router.get("/public/booking/categories")
def public_categories(c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    """The bookable categories with their service items."""

    def work(s: Session) -> dict[str, Any]:
        out = []
        for cat in s.scalars(select(m.Category).order_by(m.Category.sort_order, m.Category.prefix)):
            plan = b.plan_of(s, cat)
            if plan is None:
                continue
            items = s.scalars(
                select(m.ServiceItem)
                .where(m.ServiceItem.category_id == cat.id, m.ServiceItem.status == "active")
                .order_by(m.ServiceItem.name)
            )
            out.append(
                {
                    "category": cat.prefix,
                    "name": cat.name,
                    "days_ahead": plan.days_ahead,
                    "slot_minutes": plan.slot_minutes,
                    "items": [{"code": i.code, "name": i.name} for i in items],
                }
            )
        return {"hall": c.settings.hall_name, "categories": out}

    return dict(_run(c, work, write=False))


@router.get("/public/booking/{prefix}/days", responses=errors(404, 422))
def public_days(prefix: str, c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    def work(s: Session) -> dict[str, Any]:
        cat, plan = b.bookable_category(s, prefix)
        return {"category": cat.prefix, "name": cat.name, "hall": c.settings.hall_name,
                "days": b.days_of(s, cat, plan, utcnow())}

    return dict(_run(c, work, write=False))


@router.get("/public/booking/{prefix}/slots", responses=errors(404, 422))
def public_slots(prefix: str, day: dt.date = Query(...), c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    def work(s: Session) -> dict[str, Any]:
        cat, plan = b.bookable_category(s, prefix)
        slots = b.slots_of_day(s, cat, plan, day, utcnow())
        return {"category": cat.prefix, "name": cat.name, "hall": c.settings.hall_name, "day": day.isoformat(),
                "slots": slots, "full": bool(slots) and not any(x["bookable"] for x in slots)}

    return dict(_run(c, work, write=False))


# ------------------------------------------------------------------ public: asking for a booking (SMS code)


class HoldIn(BaseModel):
    category: str = Field(min_length=1, max_length=2)
    item: str | None = Field(None, max_length=64, description="a service item's code (optional)")
    start: dt.datetime
    name: str = Field(min_length=1, max_length=50)
    id_number: str = Field(min_length=15, max_length=40)
    phone: str = Field(min_length=11, max_length=20)
    consent: bool = Field(description="the booker agrees that the hall texts this phone about the booking")
    language: str = Field("zh_CN", pattern=r"^(zh_CN|en)$")
    client: str = Field("", max_length=64, description="the address the public process saw")


@router.post("/public/booking/holds", status_code=201, responses=errors(403, 404, 409, 413, 422, 429, 503))
def public_hold(body: HoldIn, c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    """Ask for a booking: every check that can be made now, then an SMS code to the phone. Nothing is booked
    before the code comes back (`/confirm`); the place is taken then."""
    rules = c.settings.booking
    if not body.consent:
        raise ApiError(422, "consent_required", msg("booking.consent_required"))
    name = " ".join(body.name.split())
    if not name:
        raise ApiError(422, "invalid_name", msg("booking.invalid_name"))
    try:
        id_number = normalize_id_number(body.id_number)
    except InvalidIdNumber as exc:
        raise ApiError(422, "invalid_id_number", msg("invalid_id_number", reason=exc.args[0])) from exc
    try:
        phone = b.normalize_phone(body.phone)
    except b.BookingError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from exc

    def work(s: Session) -> dict[str, Any]:
        now = utcnow()
        cat, plan = b.bookable_category(s, body.category)
        item_id = None
        if body.item:
            item = s.scalar(select(m.ServiceItem).where(m.ServiceItem.code == body.item))
            if item is None or item.category_id != cat.id:
                raise b.BookingError(404, "unknown_item", msg("booking.unknown_item"))
            item_id = item.id
        slot = b.find_slot(s, cat, plan, body.start, now)
        id_h, phone_h = b.id_number_hash(s, id_number), b.phone_hash(s, phone)
        b.check_rates(s, rules, id_h=id_h, phone_h=phone_h, client=body.client, now=now)
        b.check_person(s, rules, id_h, local_today(now))
        free = [x for x in b.slots_of_day(s, cat, plan, slot.local_start.date(), now) if x["start"] == slot.start.isoformat()]
        if not free or not free[0]["bookable"]:
            raise b.slot_full_error(s, cat, plan, slot.local_start.date(), now)
        b.check_code_rate(s, phone, body.client, c.settings.notify.code_limits)
        code = b.new_code()
        hold = m.BookingHold(
            id=uuid.uuid4(), token=new_token(), category_id=cat.id, item_id=item_id,
            day=slot.local_start.date(), slot_start=slot.start, slot_end=slot.end,
            name_masked=mask_name(name), id_number_hash=id_h, id_number_masked=mask_id_number(id_number),
            phone_enc=c.cipher.encrypt(phone), phone_hash=phone_h, phone_masked=mask_phone(phone),
            client=body.client[:64], language=body.language, tries=0,
            expires_at=now + dt.timedelta(minutes=rules.code_minutes), created_at=now,
        )
        hold.code_hash = b.code_hash(s, hold.id, code)
        s.add(hold)
        s.flush()
        notify(s, event="booking_code", phone=phone, key=f"booking_code:{hold.id}", language=body.language,
               params={"code": code, "minutes": int(rules.code_minutes)})
        log.info("booking asked for: %s %s, phone %s", cat.prefix, slot.local_start.isoformat(), hold.phone_masked)
        return {"hold": hold.token, "phone_masked": hold.phone_masked, "expires_at": hold.expires_at.isoformat(),
                "minutes": int(rules.code_minutes)}

    return dict(_run(c, work))


@router.get("/public/booking/holds/{token}", responses=errors(404, 422))
def public_hold_view(token: str, c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    """What the code page shows of a booking request: where the code went (masked) and what is asked for."""

    def work(s: Session) -> dict[str, Any]:
        hold = s.scalar(select(m.BookingHold).where(m.BookingHold.token == token)) if is_token(token) else None
        if hold is None:
            raise b.BookingError(404, "no_such_hold", msg("booking.no_such_hold"))
        n = b.names(s, hold)
        appt = s.get(m.Appointment, hold.appointment_id) if hold.appointment_id else None
        return {
            "phone_masked": hold.phone_masked,
            "expires_at": hold.expires_at.isoformat(),
            "category": n.prefix,
            "category_name": n.category,
            "item_name": n.item,
            "day": hold.day.isoformat(),
            "time": f"{hold.slot_start.astimezone(HALL_TZ):%H:%M}",
            "end_time": f"{hold.slot_end.astimezone(HALL_TZ):%H:%M}",
            "confirmed": appt.manage_token if appt else None,
            "hall": c.settings.hall_name,
        }

    return dict(_run(c, work, write=False))


class ConfirmIn(BaseModel):
    code: str = Field(min_length=1, max_length=12)


@router.post("/public/booking/holds/{token}/confirm", status_code=201, responses=errors(403, 404, 409, 410, 413, 422, 429, 503))
def public_confirm(token: str, body: ConfirmIn, c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    """The SMS code back: the place is taken (or the slot was just taken: 409 `slot_taken` / `day_full`).
    A wrong code counts (committed even though the answer is an error); `code_tries` wrong ones end the hold."""
    rules = c.settings.booking
    if not is_token(token):
        raise ApiError(404, "no_such_hold", msg("booking.no_such_hold"))
    code = body.code.strip()

    def work(s: Session) -> dict[str, Any] | b.BookingError:
        now = utcnow()
        hold = s.scalar(select(m.BookingHold).where(m.BookingHold.token == token).with_for_update())
        if hold is None:
            raise b.BookingError(404, "no_such_hold", msg("booking.no_such_hold"))
        if hold.appointment_id is not None:
            appt = s.get(m.Appointment, hold.appointment_id)
            assert appt is not None
            return {"token": appt.manage_token, **b.public_view(s, appt, now, c.settings.hall_name, rules)}
        if hold.tries >= rules.code_tries:
            raise b.BookingError(429, "too_many_tries", msg("booking.too_many_tries"))
        if now > hold.expires_at:
            raise b.BookingError(410, "code_expired", msg("booking.code_expired"))
        if b.code_hash(s, hold.id, code) != hold.code_hash:
            hold.tries += 1
            left = rules.code_tries - hold.tries
            if left <= 0:
                return b.BookingError(429, "too_many_tries", msg("booking.too_many_tries"))
            return b.BookingError(422, "code_wrong", msg("booking.code_wrong", left=left), left=left)
        cat = s.get(m.Category, hold.category_id)
        assert cat is not None
        plan = b.plan_of(s, cat)
        if plan is None:
            raise b.BookingError(404, "not_bookable", msg("booking.not_bookable", category=cat.name))
        slot = b.find_slot(s, cat, plan, hold.slot_start, now)
        b.check_person(s, rules, hold.id_number_hash, local_today(now))
        if not b.take_place(s, cat.id, slot.start, b.capacity(plan, b.windows_serving(s, cat.id))):
            raise b.slot_full_error(s, cat, plan, hold.day, now)
        appt = m.Appointment(
            id=uuid.uuid4(), code=b.new_appointment_code(s), category_id=cat.id, item_id=hold.item_id,
            applicant_name_masked=hold.name_masked, id_number_hash=hold.id_number_hash, day=hold.day,
            slot_start=slot.start, slot_end=slot.end, status="booked", source="public",
            id_number_masked=hold.id_number_masked, phone_enc=hold.phone_enc, phone_hash=hold.phone_hash,
            phone_masked=hold.phone_masked, manage_token=new_token(), language=hold.language, holds_place=True,
        )
        s.add(appt)
        s.flush()
        hold.appointment_id = appt.id
        _booked_message(s, c, appt, key=f"appointment_booked:{appt.id}")
        log.info("booked %s: %s %s, phone %s", appt.code, cat.prefix, slot.local_start.isoformat(), appt.phone_masked)
        return {"token": appt.manage_token, **b.public_view(s, appt, now, c.settings.hall_name, rules)}

    got = _run(c, work)
    if isinstance(got, b.BookingError):  # the wrong try is committed; now the refusal
        raise ApiError(got.status, got.code, got.message)
    return dict(got)


def _booked_message(s: Session, c: CenterContext, appt: m.Appointment, *, key: str) -> None:
    phone = c.cipher.decrypt(appt.phone_enc) if appt.phone_enc else None
    if not phone:
        return
    n = b.names(s, appt)
    notify(s, event="appointment_booked", phone=phone, key=key, language=appt.language,
           params=_message_params(c, appt, n))


def _message_params(c: CenterContext, appt: m.Appointment, n: b.Names) -> dict[str, Any]:
    start = appt.slot_start.astimezone(HALL_TZ)
    return {
        "code": appt.code,
        "category": n.category,
        "item": n.item or n.category,
        "date": appt.day.isoformat(),
        "day": appt.day.isoformat(),
        "time": f"{start:%H:%M}",
        "end_time": f"{appt.slot_end.astimezone(HALL_TZ):%H:%M}",
        "hall": c.settings.hall_name,
    }


# ------------------------------------------------------------------ public: the booking's own page


def _appointment(s: Session, token: str, *, lock: bool = False) -> m.Appointment:
    if not is_token(token):
        raise b.BookingError(404, "no_such_appointment", msg("booking.no_such_appointment"))
    query = select(m.Appointment).where(m.Appointment.manage_token == token)
    appt = s.scalar(query.with_for_update() if lock else query)
    if appt is None:
        raise b.BookingError(404, "no_such_appointment", msg("booking.no_such_appointment"))
    return appt


@router.get("/public/appointments/{token}", responses=errors(404, 422))
def public_appointment(token: str, c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    def work(s: Session) -> dict[str, Any]:
        return b.public_view(s, _appointment(s, token), utcnow(), c.settings.hall_name, c.settings.booking)

    return dict(_run(c, work, write=False))


@router.post("/public/appointments/{token}/cancel", responses=errors(404, 409, 422))
def public_cancel(token: str, c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    """Cancel before the slot starts: the place is free again at once."""

    def work(s: Session) -> dict[str, Any]:
        now = utcnow()
        appt = _appointment(s, token, lock=True)
        if appt.status == "cancelled":
            return b.public_view(s, appt, now, c.settings.hall_name, c.settings.booking)
        if appt.status != "booked" or now >= appt.slot_start:
            raise b.BookingError(409, "cannot_cancel", msg("booking.cannot_cancel"))
        if appt.holds_place:
            b.free_place(s, appt.category_id, appt.slot_start)
        appt.status, appt.cancelled_at, appt.holds_place = "cancelled", now, False
        log.info("cancelled %s", appt.code)
        return b.public_view(s, appt, now, c.settings.hall_name, c.settings.booking)

    return dict(_run(c, work))


class MoveIn(BaseModel):
    start: dt.datetime


@router.post("/public/appointments/{token}/reschedule", responses=errors(404, 409, 413, 422))
def public_reschedule(token: str, body: MoveIn, c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    """Move to another slot of the same category: the new place is taken and the old one freed in one
    transaction (full: 409 and the old booking stands)."""
    rules = c.settings.booking

    def work(s: Session) -> dict[str, Any]:
        now = utcnow()
        appt = _appointment(s, token, lock=True)
        if appt.status != "booked" or now >= appt.slot_start:
            raise b.BookingError(409, "cannot_reschedule", msg("booking.cannot_reschedule"))
        if appt.reschedules >= rules.reschedule_limit:
            raise b.BookingError(409, "reschedule_limit", msg("booking.reschedule_limit", count=rules.reschedule_limit))
        cat = s.get(m.Category, appt.category_id)
        assert cat is not None
        plan = b.plan_of(s, cat)
        if plan is None:
            raise b.BookingError(404, "not_bookable", msg("booking.not_bookable", category=cat.name))
        slot = b.find_slot(s, cat, plan, body.start, now)
        if slot.start == appt.slot_start:
            return b.public_view(s, appt, now, c.settings.hall_name, rules)
        if not b.take_place(s, cat.id, slot.start, b.capacity(plan, b.windows_serving(s, cat.id))):
            raise b.slot_full_error(s, cat, plan, slot.local_start.date(), now)
        if appt.holds_place:
            b.free_place(s, appt.category_id, appt.slot_start)
        appt.slot_start, appt.slot_end, appt.day = slot.start, slot.end, slot.local_start.date()
        appt.reschedules += 1
        appt.holds_place, appt.reminded_at = True, None
        _booked_message(s, c, appt, key=f"appointment_booked:{appt.id}:{appt.reschedules}")
        log.info("rescheduled %s to %s", appt.code, slot.local_start.isoformat())
        return b.public_view(s, appt, now, c.settings.hall_name, rules)

    return dict(_run(c, work))
