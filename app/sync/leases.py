"""Offline ticket numbers on a kiosk: blocks of the offline band (A900–A999) leased from the center
while online, used while offline, each ticket replicated when the center is back."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from app.domain.clock import local_today, utcnow
from app.domain.ids import new_id
from app.domain.privacy import ID_SALT_SETTING, id_hash
from app.errors import HallError
from app.store import models as m
from app.sync import outbox
from app.sync.terminal import Terminal


class NoLeasedNumbers(HallError):
    def __init__(self, prefix: str) -> None:
        super().__init__(
            f"本机离线号段已用完（{prefix}类），请联系工作人员 / no leased offline numbers left for {prefix}",
            code="no_leased_numbers",
        )


@dataclass(frozen=True)
class OfflineTicket:
    id: uuid.UUID
    number: str
    category: str
    issued_at: dt.datetime


def lease_block(term: Terminal, prefix: str, size: int = 10, day: dt.date | None = None) -> tuple[int, int]:
    """Ask the center for a block (online only) and keep it in the cache."""
    day = day or local_today()
    answer = term.client.call(
        "POST", "/sync/leases", json={"category": prefix, "size": size, "day": day.isoformat()}
    )
    with term.cache.db.write_session() as s:
        cat = s.scalar(select(m.Category).where(m.Category.prefix == prefix))
        if cat is None:
            raise HallError(f"category {prefix} is not in this terminal's cache yet: sync first")
        s.add(
            m.NumberLease(
                id=uuid.UUID(answer["id"]),
                terminal_id=uuid.UUID(term.identity.terminal_id),
                category_id=cat.id,
                service_day=day,
                first_seq=answer["first"],
                last_seq=answer["last"],
                next_seq=answer["first"],
            )
        )
    return int(answer["first"]), int(answer["last"])


def issue_offline_ticket(
    term: Terminal,
    prefix: str,
    *,
    id_number: str | None = None,
    priority: bool = False,
    day: dt.date | None = None,
    replaces_request: uuid.UUID | None = None,
) -> OfflineTicket:
    """Issue a ticket from the leased block, locally, with its outbox op in the same transaction.
    Only a salted hash of a real-name ticket's ID number is kept. `replaces_request`: the id of the online
    request whose answer was lost; the center cancels the ticket that request made."""
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
        seq = lease.next_seq
        lease.next_seq = seq + 1
        salt_row = s.get(m.Setting, ID_SALT_SETTING)
        hashed = id_hash(id_number, str(salt_row.value["salt"])) if (id_number and salt_row) else None
        ident, now = new_id(), utcnow()
        number = f"{prefix}{seq:03d}"
        s.add(
            m.Ticket(
                id=ident,
                category_id=cat.id,
                service_day=day,
                seq=seq,
                number=number,
                priority=priority,
                id_number_hash=hashed,
                source="offline",
                issued_at=now,
                queue_at=now,
            )
        )
        outbox.enqueue(
            s,
            "ticket.offline",
            {
                "id": str(ident),
                "category": prefix,
                "service_day": day.isoformat(),
                "seq": seq,
                "number": number,
                "priority": priority,
                "id_number_hash": hashed,
                "issued_at": now.isoformat(),
                "replaces_request": str(replaces_request) if replaces_request else None,
            },
        )
        return OfflineTicket(ident, number, prefix, now)
