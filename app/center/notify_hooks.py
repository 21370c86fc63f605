"""Where the queue and the cases enqueue their messages to citizens (app.notify), each in the
transaction of the change it tells of, each once by its key.

- 「快到号」: after a call, every waiting ticket of the called ticket's category that now has at most
  `notify.turn_soon_ahead` tickets ahead of it and a consented phone gets one `turn_soon` message
  (key `turn_soon:<ticket id>`; `ticket_contacts.turn_soon_at` marks it). Online and offline tickets alike:
  an offline ticket's phone arrives with its op. Two small indexed reads per call: the first N+1 waiting
  tickets in call order, and their contacts.
- Cases whose applicant consented (`cases.sms_consent_at`): accepted (受理 or 容缺受理, not a 即办件
  decided on the spot), 补正 needed (退回补正 by a department), result ready (办结, or mailed with its
  tracking number), and the 容缺 reminder of the deferral watch."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable

from sqlalchemy import case as sql_case
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.clock import utcnow
from app.domain.phone import is_mobile
from app.domain.states import CaseStatus, TicketStatus
from app.notify.outbox import cipher_for, enqueue, has_cipher
from app.store import models as m

log = logging.getLogger("hall.notify")
ITEM_MAX = 20  # an SMS template's variable stays short: the item's name is cut beyond this


# ------------------------------------------------------------------------------------------ the queue


def turn_soon(s: Session, ahead_limit: int, category_id: uuid.UUID, day: dt.date, now: dt.datetime | None = None) -> int:
    """Queue the 「快到号」 message of every waiting ticket of the category with at most `ahead_limit`
    ahead of it whose phone was left with consent and not told yet; the number queued."""
    if ahead_limit <= 0:
        return 0
    t = m.Ticket
    first = s.execute(
        select(t.id, t.number)
        .where(t.service_day == day, t.status == TicketStatus.WAITING, t.category_id == category_id)
        .order_by(
            sql_case((t.priority.is_(True), 0), else_=1),
            sql_case((t.appointment_id.is_not(None), 0), else_=1),
            t.queue_at,
        )
        .limit(ahead_limit + 1)
    ).all()
    if not first:
        return 0
    position = {ident: (ahead, number) for ahead, (ident, number) in enumerate(first)}
    contacts = list(
        s.scalars(
            select(m.TicketContact).where(
                m.TicketContact.ticket_id.in_(list(position)), m.TicketContact.turn_soon_at.is_(None)
            )
        )
    )
    if not contacts:
        return 0
    cipher = cipher_for(s)
    now = now or utcnow()
    queued = 0
    for contact in contacts:
        ahead, number = position[contact.ticket_id]
        phone = cipher.decrypt(contact.phone_enc) or ""
        contact.turn_soon_at = now
        if is_mobile(phone):
            queued += enqueue(s, event="turn_soon", phone=phone, params={"number": number, "ahead": ahead},
                              key=f"turn_soon:{contact.ticket_id}", cipher=cipher, now=now)
    return queued


def copy_contact(s: Session, old: m.Ticket, new: m.Ticket) -> None:
    """A transferred ticket keeps the phone its holder left. One already told, or already called to a
    window (the holder is at the counter), is not told again."""
    contact = s.get(m.TicketContact, old.id)
    if contact is None:
        return
    told = contact.turn_soon_at or (utcnow() if old.called_at is not None else None)
    s.add(
        m.TicketContact(
            ticket_id=new.id,
            phone_enc=contact.phone_enc,
            phone_masked=contact.phone_masked,
            consent_version=contact.consent_version,
            consent_at=contact.consent_at,
            turn_soon_at=told,
        )
    )


# ------------------------------------------------------------------------------------------ cases


def _date(day: dt.date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else "规定时限内"


def _item(name: str) -> str:
    return name if len(name) <= ITEM_MAX else name[: ITEM_MAX - 1] + "…"


def _phone(s: Session, case: m.Case) -> str | None:
    if case.sms_consent_at is None or not has_cipher(s):
        return None
    applicant = case.applicant
    if applicant is None or applicant.phone_enc is None:
        return None
    phone = cipher_for(s).decrypt(applicant.phone_enc)
    return phone if is_mobile(phone) else None


def case_moved(s: Session, case: m.Case, *, created: bool = False) -> bool:
    """The message the case's new status calls for, if its applicant consented; True if one was queued.
    `created`: the case was just accepted at the window (a 即办件 decided there needs no "result ready")."""
    phone = _phone(s, case)
    if phone is None:
        return False
    status, base = case.status, {"item": _item(case.item.name), "case_number": case.case_number}
    if status in (CaseStatus.ACCEPTED, CaseStatus.DEFERRED):
        return enqueue(s, event="case_accepted", phone=phone, params={**base, "due": _date(case.due_date)},
                       key=f"case_accepted:{case.id}")
    if status == CaseStatus.CORRECTION:
        rounds = s.scalar(
            select(func.count()).select_from(m.CaseTransition).where(
                m.CaseTransition.case_id == case.id, m.CaseTransition.to_status == CaseStatus.CORRECTION.value
            )
        )
        return enqueue(s, event="correction_needed", phone=phone, params=base,
                       key=f"correction_needed:{case.id}:{rounds or 1}")
    if status in (CaseStatus.APPROVED, CaseStatus.DENIED) and not created:  # not a 即办件 on the spot
        return enqueue(s, event="result_ready", phone=phone, params=base, key=f"result_ready:{case.id}")
    if status == CaseStatus.DELIVERED and case.delivery_method == "express" and case.tracking_number:
        return enqueue(s, event="result_mailed", phone=phone, params={**base, "tracking": case.tracking_number},
                       key=f"result_mailed:{case.id}")
    return False


def cases_moved(s: Session, moves: Iterable[tuple[uuid.UUID, bool]]) -> int:
    """`case_moved` for the cases of a push batch, (id, created) each, loaded once the batch's rows are in."""
    queued = 0
    for case_id, created in moves:
        case = s.get(m.Case, case_id)
        if case is not None and case.sms_consent_at is not None:
            queued += case_moved(s, case, created=created)
    return queued


def deferral_due(s: Session, case: m.Case) -> bool:
    """The 容缺 reminder: the promised materials are due."""
    phone = _phone(s, case)
    if phone is None or case.deferral_due is None:
        return False
    return enqueue(
        s,
        event="deferral_due",
        phone=phone,
        params={"item": _item(case.item.name), "case_number": case.case_number, "due": _date(case.deferral_due)},
        key=f"deferral_due:{case.id}:{case.deferral_due.isoformat()}",
    )
