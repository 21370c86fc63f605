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


# Who may pull a change: "all" (every terminal), "staff" (counters and staff, never the public kiosks and
# screens), "kind:kiosk|counter|screen" (one kind of terminal), "terminal:<id>" (one terminal only).
STAFF_AUDIENCE = "staff"
PUBLIC_ROLES = frozenset({"kiosk", "screen"})


def audience_for_setting(key: str) -> str:
    """A setting whose key starts with a terminal kind (`kiosk.idle_timeout_s`) or `terminal.<id>.` goes
    to those terminals (and staff) only; any other setting is hall-wide."""
    head, _, rest = key.partition(".")
    if head in ("kiosk", "counter", "screen") and rest:
        return f"kind:{head}"
    if head == "terminal" and "." in rest:
        return f"terminal:{rest.split('.', 1)[0]}"
    return "all"


def visible_to(audience: str, role: str, terminal_id: str | None) -> bool:
    """Whether a change addressed to `audience` goes to a caller of `role` (and terminal id)."""
    if audience == "all":
        return True
    if audience.startswith("terminal:"):
        return terminal_id is not None and audience == f"terminal:{terminal_id}"
    if role not in ("kiosk", "screen", "counter"):
        return True  # staff (clerk, manager, admin) see every hall-wide row
    if audience == STAFF_AUDIENCE:
        return role not in PUBLIC_ROLES
    return audience == f"kind:{role}"


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
        return record_change(
            session, "staff", str(obj.id), row_dict(obj, exclude=STAFF_PRIVATE), audience=STAFF_AUDIENCE
        )
    if isinstance(obj, m.CalendarDay):
        return record_change(session, "calendar_day", obj.day.isoformat(), row_dict(obj))
    if isinstance(obj, m.CalendarYear):
        return record_change(session, "calendar_year", str(obj.year), row_dict(obj))
    if isinstance(obj, m.Setting):
        if obj.key.startswith(INTERNAL_SETTING_PREFIX):
            raise ValueError(f"setting {obj.key} is internal to the center and never replicated")
        return record_change(session, "setting", obj.key, row_dict(obj), audience=audience_for_setting(obj.key))
    if isinstance(obj, m.Notice) and obj.audience in ("screens", "kiosks"):
        audience = "kind:screen" if obj.audience == "screens" else "kind:kiosk"
        return record_change(session, "notice", str(obj.id), row_dict(obj), audience=audience)
    entity = {m.Department: "department", m.Category: "category", m.Notice: "notice", m.Site: "site"}.get(type(obj))
    if entity is None:
        raise TypeError(f"{type(obj).__name__} is not reference data")
    return record_change(session, entity, str(obj.id), row_dict(obj))  # type: ignore[attr-defined]
