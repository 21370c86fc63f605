"""Offline ticket numbers on a kiosk: blocks of the offline band (A900–A999) leased from the center
while online, used while offline, each ticket replicated when the center is back."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from app.domain.clock import local_today, utcnow
from app.domain.idnumber import InvalidIdNumber, normalize_id_number
from app.domain.ids import new_id
from app.domain.public_link import new_token
from app.domain.states import TicketStatus
from app.errors import HallError
from app.i18n.messages import msg
from app.protocol.api import LeaseOut
from app.protocol.ops import OpKind, build_payload, wire_payload
from app.protocol.rows import op_rows
from app.store import models as m
from app.sync import outbox
from app.sync.terminal import Terminal


class NoLeasedNumbers(HallError):
    def __init__(self, prefix: str) -> None:
        super().__init__(
            msg("no_leased_numbers", prefix=prefix),
            code="no_leased_numbers",
        )


class AlreadyHasTicket(HallError):
    def __init__(self, number: str) -> None:
        super().__init__(msg("already_has_ticket", number=number), code="already_has_ticket")


OPEN = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)


@dataclass(frozen=True)
class OfflineTicket:
    id: uuid.UUID
    number: str
    category: str
    issued_at: dt.datetime
    public_token: str | None = None  # the phone page's token, printed in the QR's URL (issue 18)


def lease_block(term: Terminal, prefix: str, size: int = 10, day: dt.date | None = None) -> tuple[int, int]:
    """Ask the center for a block (online only) and keep it in the cache."""
    day = day or local_today()
    answer = term.client.call_as(
        LeaseOut, "POST", "/sync/leases", json={"category": prefix, "size": size, "day": day.isoformat()}
    )
    with term.cache.db.write_session() as s:
        cat = s.scalar(select(m.Category).where(m.Category.prefix == prefix))
        if cat is None:
            raise HallError(f"category {prefix} is not in this terminal's cache yet: sync first")
        s.add(
            m.NumberLease(
                id=answer.id,
                terminal_id=uuid.UUID(term.identity.terminal_id),
                category_id=cat.id,
                service_day=day,
                first_seq=answer.first,
                last_seq=answer.last,
                next_seq=answer.first,
            )
        )
    return answer.first, answer.last


def issue_offline_ticket(
    term: Terminal,
    prefix: str,
    *,
    id_number: str | None = None,
    priority: bool = False,
    day: dt.date | None = None,
    replaces_request: uuid.UUID | None = None,
    phone: str | None = None,
    sms_consent: str | None = None,
) -> OfflineTicket:
    """Issue a ticket from the leased block, locally, with its outbox op in the same transaction.
    Real name offline: one open ticket per ID number per category among this kiosk's own tickets, found
    by a hash keyed with the terminal's data key (kept in the keyring, not in the cache). The ID number
    itself travels sealed in the outbox to the center, which hashes it with its own key and records a
    clash with another kiosk's or an online ticket as a conflict.
    `replaces_request`: the id of the online request whose answer was lost; the center cancels the ticket
    that request made. `phone` with `sms_consent` (the consent text's version, given now): 「快到号时短信
    提醒」 — the phone travels sealed in the outbox and is not kept in the kiosk's cache."""
    day = day or local_today()
    with term.cache.db.write_session() as s:
        cat = s.scalar(select(m.Category).where(m.Category.prefix == prefix))
        if cat is None:
            raise HallError(f"unknown queue category {prefix}")
        lease = s.scalar(
            select(m.NumberLease)
            .where(
                m.NumberLease.category_id == cat.id,
                m.NumberLease.service_day == day,
                m.NumberLease.next_seq <= m.NumberLease.last_seq,
            )
            .order_by(m.NumberLease.first_seq)
            .limit(1)
        )
        if lease is None:
            raise NoLeasedNumbers(prefix)
        hashed = None
        if id_number:
            try:
                id_number = normalize_id_number(id_number)
            except InvalidIdNumber as exc:
                raise HallError(msg("invalid_id_number", reason=exc.args[0]), code="invalid_id_number") from exc
            hashed = term.cipher.lookup_hash(id_number)
            held = s.scalar(
                select(m.Ticket.number).where(
                    m.Ticket.id_number_hash == hashed,
                    m.Ticket.category_id == cat.id,
                    m.Ticket.service_day == day,
                    m.Ticket.status.in_(OPEN),
                )
            )
            if held is not None:
                raise AlreadyHasTicket(held)
        seq = lease.next_seq
        lease.next_seq = seq + 1
        ident, now, token = new_id(), utcnow(), new_token()
        number = f"{prefix}{seq:03d}"
        payload = build_payload(
            OpKind.OFFLINE_TICKET,
            id=ident,
            category=prefix,
            service_day=day,
            seq=seq,
            number=number,
            priority=priority,
            id_number_hash=hashed,  # keyed with this kiosk's data key: its own real-name check, offline
            id_number=id_number,  # sealed in the outbox; the center hashes it with its own key
            issued_at=now,
            replaces_request=replaces_request,
            public_token=token,
            phone=phone if phone and sms_consent else None,
            sms_consent=sms_consent if phone else None,
            sms_consent_at=now if phone and sms_consent else None,
        )
        # the same rows the center will write (issued_by stays empty here: terminals are not replicated),
        # but not the phone: the kiosk keeps no contact of a visitor, the center sends the reminder
        rows = op_rows(payload, cipher=term.cipher, terminal_id=None, category_id=cat.id)
        s.add_all([r for r in rows if not isinstance(r, m.TicketContact)])
        outbox.enqueue(
            s, OpKind.OFFLINE_TICKET.value, wire_payload(payload), cipher=term.cipher, sealed=("id_number", "phone")
        )
        return OfflineTicket(ident, number, prefix, now, token)
