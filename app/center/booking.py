"""Appointments booked from the phone (issue 18), the center's side: slot plans, places per slot under
concurrency, SMS-code holds, cancel and reschedule, the no-show rule, the day-before reminder.

Capacity under concurrency: every slot of a category has one row in `appointment_slots`; a booking first
makes sure the row exists (`INSERT … ON CONFLICT DO NOTHING`) and then takes a place with ONE conditional
`UPDATE … SET booked = booked + 1 WHERE booked < capacity`. On PostgreSQL the second of two concurrent
bookings waits for the first's row lock and re-reads the row (READ COMMITTED), so it sees the place gone;
on SQLite the write transaction (`BEGIN IMMEDIATE`) serialises them. The appointment row is written in
the same transaction, so a place is never counted without its appointment, nor the reverse.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.config import BookingSettings
from app.domain.clock import HALL_TZ, local_today
from app.domain.opening import holiday_around, parse_hours
from app.domain.privacy import ID_SALT_SETTING, id_hash
from app.domain.slots import Plan, Slot, bookable_days, day_slots, still_bookable
from app.domain.slots import capacity as capacity
from app.i18n.messages import msg
from app.store import models as m
from app.store.calendar_store import load_calendar
from app.store.crypto import FieldCipher


class BookingError(Exception):
    """A refusal with its HTTP status, stable code and message (a `Msg`)."""

    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.extra = status, code, message, extra


# ------------------------------------------------------------------ plans, windows, slots


def plan_of(s: Session, cat: m.Category) -> Plan | None:
    row = s.get(m.BookingPlan, cat.id)
    if row is None or not row.active or not cat.active:
        return None
    return Plan(row.slot_minutes, row.per_window, row.days_ahead, row.cutoff_minutes)


def windows_serving(s: Session, category_id: uuid.UUID) -> int:
    """The active windows that serve the category (whatever their state this minute)."""
    return int(
        s.scalar(
            select(func.count())
            .select_from(m.Window)
            .join(m.WindowCategory, m.WindowCategory.window_id == m.Window.id)
            .where(m.WindowCategory.category_id == category_id, m.Window.active.is_(True))
        )
        or 0
    )


def category(s: Session, prefix: str) -> m.Category:
    cat = s.scalar(select(m.Category).where(m.Category.prefix == prefix.strip().upper()[:2]))
    if cat is None:
        raise BookingError(404, "unknown_category", msg("unknown_category", prefix=prefix[:2]))
    return cat


def bookable_category(s: Session, prefix: str) -> tuple[m.Category, Plan]:
    cat = category(s, prefix)
    plan = plan_of(s, cat)
    if plan is None:
        raise BookingError(404, "not_bookable", msg("booking.not_bookable", category=cat.name))
    return cat, plan


def _booked(s: Session, category_id: uuid.UUID, starts: list[dt.datetime]) -> dict[dt.datetime, int]:
    if not starts:
        return {}
    rows = s.execute(
        select(m.AppointmentSlot.slot_start, m.AppointmentSlot.booked).where(
            m.AppointmentSlot.category_id == category_id, m.AppointmentSlot.slot_start.in_(starts)
        )
    ).all()
    return {start: int(n) for start, n in rows}


def slots_of_day(s: Session, cat: m.Category, plan: Plan, day: dt.date, now: dt.datetime) -> list[dict[str, Any]]:
    """The day's slots with capacity, places taken, places free and whether they can still be booked."""
    slots = day_slots(parse_hours(cat.hours), day, load_calendar(s), plan, cat.cutoff_minutes)
    cap = capacity(plan, windows_serving(s, cat.id))
    taken = _booked(s, cat.id, [x.start for x in slots])
    today = local_today(now)
    in_range = today <= day <= today + dt.timedelta(days=plan.days_ahead)
    out = []
    for x in slots:
        booked = taken.get(x.start, 0)
        out.append(
            {
                "start": x.start.isoformat(),
                "end": x.end.isoformat(),
                "time": f"{x.local_start:%H:%M}",
                "end_time": f"{x.local_end:%H:%M}",
                "capacity": cap,
                "booked": booked,
                "free": max(0, cap - booked),
                "bookable": in_range and still_bookable(x, now, plan) and booked < cap,
            }
        )
    return out


def days_of(s: Session, cat: m.Category, plan: Plan, now: dt.datetime) -> list[dict[str, Any]]:
    """The bookable days: each with its free places, or why it is closed (a holiday's name)."""
    cal = load_calendar(s)
    out = []
    for day in bookable_days(local_today(now), plan):
        slots = slots_of_day(s, cat, plan, day, now)
        free = sum(x["free"] for x in slots if x["bookable"])
        holiday = None
        if not slots:
            try:
                holiday = holiday_around(day, cal)
            except Exception:  # a year the calendar does not know: simply closed
                holiday = None
        out.append(
            {
                "day": day.isoformat(),
                "weekday": day.weekday(),
                "open": bool(slots),
                "free": free,
                "full": bool(slots) and free == 0,
                "holiday": holiday,
            }
        )
    return out


def find_slot(s: Session, cat: m.Category, plan: Plan, start: dt.datetime, now: dt.datetime) -> Slot:
    """The slot starting at `start`, if it exists and can still be booked (else a clear refusal)."""
    if start.tzinfo is None:
        start = start.replace(tzinfo=HALL_TZ)
    start = start.astimezone(dt.UTC)
    day = start.astimezone(HALL_TZ).date()
    today = local_today(now)
    if not today <= day <= today + dt.timedelta(days=plan.days_ahead):
        raise BookingError(409, "day_not_bookable", msg("booking.day_not_bookable", days=plan.days_ahead))
    for x in day_slots(parse_hours(cat.hours), day, load_calendar(s), plan, cat.cutoff_minutes):
        if x.start == start:
            if not still_bookable(x, now, plan):
                raise BookingError(409, "slot_closed", msg("booking.slot_closed", minutes=plan.cutoff_minutes))
            return x
    raise BookingError(404, "no_such_slot", msg("booking.no_such_slot"))


def _insert_ignore(s: Session) -> Any:
    if s.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert


def take_place(s: Session, category_id: uuid.UUID, start: dt.datetime, cap: int) -> bool:
    """Take one place of the slot if one is free: True when taken. See the module's docstring."""
    insert = _insert_ignore(s)
    s.execute(
        insert(m.AppointmentSlot).values(category_id=category_id, slot_start=start, booked=0).on_conflict_do_nothing()
    )
    done = s.execute(
        update(m.AppointmentSlot)
        .where(
            m.AppointmentSlot.category_id == category_id,
            m.AppointmentSlot.slot_start == start,
            m.AppointmentSlot.booked < cap,
        )
        .values(booked=m.AppointmentSlot.booked + 1)
        .execution_options(synchronize_session=False)
    )
    return bool(done.rowcount == 1)  # type: ignore[attr-defined]


def free_place(s: Session, category_id: uuid.UUID, start: dt.datetime) -> None:
    s.execute(
        update(m.AppointmentSlot)
        .where(
            m.AppointmentSlot.category_id == category_id,
            m.AppointmentSlot.slot_start == start,
            m.AppointmentSlot.booked > 0,
        )
        .values(booked=m.AppointmentSlot.booked - 1)
        .execution_options(synchronize_session=False)
    )


def slot_full_error(s: Session, cat: m.Category, plan: Plan, day: dt.date, now: dt.datetime) -> BookingError:
    """Slot just taken, or the whole day full: which one, so the page can say it."""
    if not any(x["bookable"] for x in slots_of_day(s, cat, plan, day, now)):
        return BookingError(409, "day_full", msg("booking.day_full"))
    return BookingError(409, "slot_taken", msg("booking.slot_taken"))


# ------------------------------------------------------------------ people: hashes, masks, rules


def salt(s: Session) -> str:
    row = s.get(m.Setting, ID_SALT_SETTING)
    if row is None:
        raise BookingError(503, "not_ready", msg("not_ready"))
    return str(row.value["salt"])


def phone_hash(s: Session, phone: str) -> str:
    return hmac.new(salt(s).encode(), f"phone:{phone}".encode(), hashlib.sha256).hexdigest()


def id_number_hash(s: Session, id_number: str) -> str:
    return id_hash(id_number, salt(s))


def code_hash(s: Session, hold_id: uuid.UUID, code: str) -> str:
    return hmac.new(salt(s).encode(), f"code:{hold_id}:{code}".encode(), hashlib.sha256).hexdigest()


def normalize_phone(raw: str) -> str:
    from app.domain.phone import InvalidPhone, normalize_mobile

    try:
        return normalize_mobile(raw)
    except InvalidPhone:
        raise BookingError(422, "invalid_phone", msg("booking.invalid_phone")) from None


def check_code_rate(s: Session, phone: str, client: str, limits: Any) -> None:
    """The notifier's limit on SMS codes per phone and client address (counted when allowed)."""
    from app.notify import allow_sms_code

    got = allow_sms_code(s, phone=phone, ip=client or None, limits=limits)
    if not got.allowed:
        wait = int(getattr(got, "retry_after_s", 60) or 60)
        raise BookingError(429, "code_rate_limited", msg("booking.code_rate_limited", seconds=wait), seconds=wait)


def noshow_block_until(s: Session, rules: BookingSettings, hashed: str, today: dt.date) -> dt.date | None:
    """The day booking opens again for this ID number after too many missed appointments, or None."""
    if rules.noshow_block_days <= 0:
        return None
    since = today - dt.timedelta(days=rules.noshow_window_days)
    missed = list(
        s.scalars(
            select(m.Appointment.day)
            .where(m.Appointment.id_number_hash == hashed, m.Appointment.status == "missed", m.Appointment.day >= since)
            .order_by(m.Appointment.day.desc())
        )
    )
    if len(missed) < rules.noshow_count:
        return None
    until = missed[0] + dt.timedelta(days=rules.noshow_block_days)
    return until if until > today else None


def check_person(s: Session, rules: BookingSettings, hashed: str, today: dt.date) -> None:
    until = noshow_block_until(s, rules, hashed, today)
    if until is not None:
        raise BookingError(
            403, "booking_blocked",
            msg("booking.blocked", misses=rules.noshow_count, days=rules.noshow_window_days, until=until.isoformat()),
            until=until.isoformat(),
        )
    active = int(
        s.scalar(
            select(func.count())
            .select_from(m.Appointment)
            .where(m.Appointment.id_number_hash == hashed, m.Appointment.status == "booked", m.Appointment.day >= today)
        )
        or 0
    )
    if active >= rules.active_per_id:
        raise BookingError(409, "too_many_bookings", msg("booking.too_many", count=rules.active_per_id))


def check_rates(s: Session, rules: BookingSettings, *, id_h: str, phone_h: str, client: str, now: dt.datetime) -> None:
    """Booking requests (holds) per ID number and phone within a day and per client address within an hour."""
    day_ago, hour_ago = now - dt.timedelta(days=1), now - dt.timedelta(hours=1)

    def count(*where: Any) -> int:
        return int(s.scalar(select(func.count()).select_from(m.BookingHold).where(*where)) or 0)

    over = (
        count(m.BookingHold.id_number_hash == id_h, m.BookingHold.created_at > day_ago) >= rules.per_id_per_day
        or count(m.BookingHold.phone_hash == phone_h, m.BookingHold.created_at > day_ago) >= rules.per_phone_per_day
        or (bool(client) and count(m.BookingHold.client == client, m.BookingHold.created_at > hour_ago)
            >= rules.per_client_per_hour)
    )
    if over:
        raise BookingError(429, "rate_limited", msg("booking.rate_limited"))


def new_code() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def new_appointment_code(s: Session) -> str:
    while True:
        code = f"{secrets.randbelow(10**8):08d}"
        if s.scalar(select(m.Appointment.id).where(m.Appointment.code == code)) is None:
            return code


# ------------------------------------------------------------------ views


@dataclass
class Names:
    category: str
    prefix: str
    item: str | None


def names(s: Session, appt: m.Appointment | m.BookingHold) -> Names:
    cat = s.get(m.Category, appt.category_id)
    item = s.get(m.ServiceItem, appt.item_id) if appt.item_id else None
    return Names(cat.name if cat else "", cat.prefix if cat else "", item.name if item else None)


def public_view(s: Session, appt: m.Appointment, now: dt.datetime, hall: str, rules: BookingSettings) -> dict[str, Any]:
    """What the confirmation and manage page show: masked forms only."""
    n = names(s, appt)
    open_ = appt.status == "booked" and now < appt.slot_start
    return {
        "code": appt.code,
        "status": appt.status,
        "category": n.prefix,
        "category_name": n.category,
        "item_name": n.item,
        "day": appt.day.isoformat(),
        "start": appt.slot_start.isoformat(),
        "end": appt.slot_end.isoformat(),
        "time": f"{appt.slot_start.astimezone(HALL_TZ):%H:%M}",
        "end_time": f"{appt.slot_end.astimezone(HALL_TZ):%H:%M}",
        "name_masked": appt.applicant_name_masked,
        "id_number_masked": appt.id_number_masked,
        "phone_masked": appt.phone_masked,
        "can_cancel": open_,
        "can_reschedule": open_ and appt.reschedules < rules.reschedule_limit,
        "hall": hall,
    }


def manager_row(s: Session, appt: m.Appointment) -> dict[str, Any]:
    n = names(s, appt)
    return {
        "id": str(appt.id),
        "code": appt.code,
        "status": appt.status,
        "category": n.prefix,
        "category_name": n.category,
        "item_name": n.item,
        "day": appt.day.isoformat(),
        "time": f"{appt.slot_start.astimezone(HALL_TZ):%H:%M}",
        "end_time": f"{appt.slot_end.astimezone(HALL_TZ):%H:%M}",
        "name_masked": appt.applicant_name_masked,
        "id_number_masked": appt.id_number_masked,
        "phone_masked": appt.phone_masked,
        "source": appt.source,
    }


# ------------------------------------------------------------------ the watch's work


def mark_missed(s: Session, today: dt.date) -> int:
    """Booked appointments of past days that were never checked in become `missed` (the no-show rule's count)."""
    done = s.execute(
        update(m.Appointment)
        .where(m.Appointment.status == "booked", m.Appointment.day < today)
        .values(status="missed")
        .execution_options(synchronize_session=False)
    )
    return int(done.rowcount or 0)  # type: ignore[attr-defined]


def due_reminders(s: Session, tomorrow: dt.date) -> list[m.Appointment]:
    """Tomorrow's booked appointments with a phone and no reminder yet, locked against a second center
    process doing the same round (PostgreSQL: `FOR UPDATE SKIP LOCKED`)."""
    query = select(m.Appointment).where(
        m.Appointment.day == tomorrow,
        m.Appointment.status == "booked",
        m.Appointment.reminded_at.is_(None),
        m.Appointment.phone_enc.is_not(None),
    )
    if s.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    return list(s.scalars(query))


def decrypt_phone(cipher: FieldCipher, appt: m.Appointment) -> str | None:
    return cipher.decrypt(appt.phone_enc)
