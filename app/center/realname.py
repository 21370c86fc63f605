"""Real-name checks at the center, for tickets a kiosk issued offline.

ID numbers are compared by a keyed hash whose key (`auth.id_hash_key`) never leaves the center: a
kiosk's cache holds no hash that its own data could be searched against. Offline, a kiosk enforces
"one open ticket per ID number per category" among the tickets it issued itself; when its tickets
reach the center, a second open ticket of the same ID number and category (issued online, or by another
kiosk) is kept — the citizen holds the paper — and recorded as a conflict the manager sees.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.idnumber import InvalidIdNumber
from app.domain.privacy import ID_SALT_SETTING, id_hash
from app.domain.states import TicketStatus
from app.store import models as m

OPEN = (TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING)


def center_id_hash(s: Session, id_number: str | None) -> str | None:
    """The center's keyed hash of an ID number (None without a number, a valid one, or the key)."""
    if not id_number:
        return None
    row = s.get(m.Setting, ID_SALT_SETTING)
    if row is None:
        return None
    try:
        return id_hash(id_number, str(row.value["salt"]))
    except InvalidIdNumber:
        return None


def note_offline_clash(s: Session, ticket: m.Ticket, terminal_id: uuid.UUID | None, op_id: uuid.UUID) -> str | None:
    """Record a conflict when another open ticket of the same category and day has the same ID hash."""
    if not ticket.id_number_hash:
        return None
    other = s.scalar(
        select(m.Ticket.number).where(
            m.Ticket.id_number_hash == ticket.id_number_hash,
            m.Ticket.category_id == ticket.category_id,
            m.Ticket.service_day == ticket.service_day,
            m.Ticket.status.in_(OPEN),
            m.Ticket.id != ticket.id,
        )
    )
    if other is None:
        return None
    reason = (
        f"实名取号冲突：离线号 {ticket.number} 与未办结的 {other} 为同一身份证 / "
        f"real-name clash: offline ticket {ticket.number} and open ticket {other} belong to the same ID number"
    )
    s.add(
        m.Conflict(
            terminal_id=terminal_id,
            op_id=op_id,
            kind="ticket.realname_clash",
            entity_id=str(ticket.id),
            reason=reason,
            payload={"ticket": ticket.number, "other": other},
        )
    )
    return reason
