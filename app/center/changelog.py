"""The center's change log: gap-free, commit-ordered sequence numbers that terminals pull after.

A sequence number comes from the `counters` row `change_log`, taken with `UPDATE … RETURNING` inside the
writing transaction: the row lock makes concurrent writers take numbers in commit order, and a rolled
back transaction gives its number back, so a terminal's cursor can never skip a change that commits late.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.rows import INTERNAL_SETTING_PREFIX, STAFF_PRIVATE, jsonable, next_value, row_dict

__all__ = ["jsonable", "next_value", "publish_reference", "record_change", "row_dict"]


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
        if obj.key.startswith(INTERNAL_SETTING_PREFIX):
            raise ValueError(f"setting {obj.key} is internal to the center and never replicated")
        return record_change(session, "setting", obj.key, row_dict(obj))
    entity = {m.Department: "department", m.Category: "category", m.Notice: "notice"}.get(type(obj))
    if entity is None:
        raise TypeError(f"{type(obj).__name__} is not reference data")
    return record_change(session, entity, str(obj.id), row_dict(obj))  # type: ignore[attr-defined]
