"""The center's change log: gap-free, commit-ordered sequence numbers that terminals pull after.

A sequence number comes from the `counters` row `change_log`, taken with `UPDATE … RETURNING` inside the
writing transaction: the row lock makes concurrent writers take numbers in commit order, and a rolled
back transaction gives its number back, so a terminal's cursor can never skip a change that commits late.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from app.store import models as m


def next_value(session: Session, name: str, step: int = 1) -> int:
    """Advance a gap-free counter by `step` inside the current transaction; returns the new value."""
    stmt = text("UPDATE counters SET value = value + :step WHERE name = :n RETURNING value")
    value = session.execute(stmt, {"n": name, "step": step}).scalar()
    if value is None:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(
                text("INSERT INTO counters (name, value) VALUES (:n, 0) ON CONFLICT (name) DO NOTHING"),
                {"n": name},
            )
        else:
            session.execute(text("INSERT OR IGNORE INTO counters (name, value) VALUES (:n, 0)"), {"n": name})
        value = session.execute(stmt, {"n": name, "step": step}).scalar_one()
    return int(value)


def jsonable(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        raise TypeError("binary columns are never replicated")
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def row_dict(obj: m.Base, *, exclude: frozenset[str] = frozenset()) -> dict[str, Any]:
    return {
        a.key: jsonable(getattr(obj, a.key)) for a in inspect(type(obj)).column_attrs if a.key not in exclude
    }


def record_change(
    session: Session,
    entity: str,
    entity_id: str,
    data: dict[str, Any],
    *,
    op: str = "upsert",
    audience: str = "all",
) -> int:
    seq = next_value(session, "change_log")
    session.add(m.ChangeLog(seq=seq, entity=entity, entity_id=entity_id, op=op, data=data, audience=audience))
    return seq


def last_seq(session: Session) -> int:
    value = session.scalar(select(m.Counter.value).where(m.Counter.name == "change_log"))
    return int(value or 0)


# What each reference entity looks like on a terminal (never password hashes or personal data).
STAFF_PRIVATE = frozenset({"password_hash", "id_number_hash"})


def item_payload(item: m.ServiceItem) -> dict[str, Any]:
    data = row_dict(item)
    data["materials"] = [row_dict(mat) for mat in item.materials]
    return data


def window_payload(window: m.Window) -> dict[str, Any]:
    data = row_dict(window)
    data["categories"] = [str(wc.category_id) for wc in window.categories]
    return data


def publish_reference(session: Session, obj: m.Base) -> int:
    """Record a reference row (center-owned) in the change log, shaped for terminals."""
    if isinstance(obj, m.ServiceItem):
        return record_change(session, "service_item", str(obj.id), item_payload(obj))
    if isinstance(obj, m.Window):
        return record_change(session, "window", str(obj.id), window_payload(obj))
    if isinstance(obj, m.Staff):
        return record_change(session, "staff", str(obj.id), row_dict(obj, exclude=STAFF_PRIVATE))
    if isinstance(obj, m.CalendarDay):
        return record_change(session, "calendar_day", obj.day.isoformat(), row_dict(obj))
    if isinstance(obj, m.CalendarYear):
        return record_change(session, "calendar_year", str(obj.year), row_dict(obj))
    if isinstance(obj, m.Setting):
        return record_change(session, "setting", obj.key, row_dict(obj))
    entity = {m.Department: "department", m.Category: "category", m.Notice: "notice"}.get(type(obj))
    if entity is None:
        raise TypeError(f"{type(obj).__name__} is not reference data")
    return record_change(session, entity, str(obj.id), row_dict(obj))  # type: ignore[attr-defined]
