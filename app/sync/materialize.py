"""Turning pulled changes into rows of the terminal's own tables (the same schema as the center), so the
terminal's code reads reference data with the same queries online and offline. Entities without a table
of their own on terminals (case summaries for the kiosk's progress lookup) stay as replica rows."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, Uuid, delete, inspect, select
from sqlalchemy.orm import Session

from app.domain.states import CaseStatus
from app.protocol.api import CONFLICT_RESOLVED_ENTITY
from app.store import models as m
from app.store.rows import INTERNAL_SETTING_PREFIX, STAFF_PRIVATE
from app.store.types import UtcDateTime
from app.sync import outbox

ENTITY_MODELS: dict[str, type[m.Base]] = {
    "department": m.Department,
    "site": m.Site,
    "category": m.Category,
    "service_item": m.ServiceItem,
    "window": m.Window,
    "staff": m.Staff,
    "calendar_day": m.CalendarDay,
    "calendar_year": m.CalendarYear,
    "setting": m.Setting,
    "notice": m.Notice,
}


def _convert(cls: type[m.Base], data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for attr in inspect(cls).column_attrs:
        if attr.key not in data:
            continue
        value = data[attr.key]
        col_type = attr.columns[0].type
        if value is not None:
            if isinstance(col_type, Uuid):
                value = uuid.UUID(str(value))
            elif isinstance(col_type, UtcDateTime):
                value = dt.datetime.fromisoformat(value)
            elif isinstance(col_type, Date):
                value = dt.date.fromisoformat(value)
        out[attr.key] = value
    return out


def _pk_keys(cls: type[m.Base]) -> list[str]:
    return [a.key for a in inspect(cls).column_attrs if a.columns[0].primary_key]


def _staff_columns(cls: type[m.Base]) -> list[str]:
    return [
        a.key
        for a in inspect(cls).column_attrs
        if any(fk.column.table.name == "staff" for fk in a.columns[0].foreign_keys)
    ]


def _upsert(session: Session, cls: type[m.Base], values: dict[str, Any]) -> m.Base:
    for key in _staff_columns(cls):
        # a public terminal holds no staff roster (issue 15): a reference to a clerk it does not hold is
        # kept as "unknown" rather than refused by the cache's foreign keys
        if values.get(key) is not None and session.get(m.Staff, values[key]) is None:
            values[key] = None
    pk = tuple(values[k] for k in _pk_keys(cls))
    obj = session.get(cls, pk if len(pk) > 1 else pk[0])
    if obj is None:
        obj = cls(**values)
        session.add(obj)
    else:
        for key, value in values.items():
            setattr(obj, key, value)
    return obj


def apply_change(session: Session, entity: str, entity_id: str, op: str, data: dict[str, Any]) -> bool:
    """Apply one pulled change to the typed tables; False when the entity has no table (kept as replica row)."""
    if entity == CONFLICT_RESOLVED_ENTITY:
        try:
            outbox.resolve(session, uuid.UUID(str(entity_id)))
        except ValueError:  # not an op id: nothing of ours
            pass
        return True
    if entity == "case_status" and op != "delete":
        _follow_case(session, data)
        return False  # kept as a replica row as well (the kiosk's progress lookup, 出件 at any window)
    cls = ENTITY_MODELS.get(entity)
    if cls is None:
        return False
    if op == "delete":
        pk_key = _pk_keys(cls)[0]
        key = _convert(cls, {pk_key: entity_id})[pk_key]
        obj = session.get(cls, key)
        if obj is not None:
            session.delete(obj)
        return True
    if cls is m.ServiceItem:
        _apply_item(session, data)
    elif cls is m.Window:
        _apply_window(session, data)
    else:
        _upsert(session, cls, _convert(cls, data))
    session.flush()
    return True


CASE_FOLLOWS = ("status", "due_date", "received_on", "delivery_method", "tracking_number", "completed_at", "delivered_at")


def _follow_case(session: Session, data: dict[str, Any]) -> None:
    """A case this terminal holds takes the state the center decided (the back office's decision, a
    correction, 出件 at another window), so the accepting window sees it and checks its own steps against it."""
    try:
        case = session.get(m.Case, uuid.UUID(str(data.get("id"))))
    except ValueError:
        return
    if case is None:
        return
    values = _convert(m.Case, {k: data[k] for k in CASE_FOLLOWS if k in data})
    if "status" in values:
        values["status"] = CaseStatus(values["status"])
    for key, value in values.items():
        if value is not None:
            setattr(case, key, value)


def _apply_item(session: Session, data: dict[str, Any]) -> None:
    materials = data.get("materials") or []
    item = _upsert(session, m.ServiceItem, _convert(m.ServiceItem, data))
    session.flush()
    keep = {uuid.UUID(str(mat["id"])) for mat in materials}
    session.execute(delete(m.Material).where(m.Material.item_id == item.id, m.Material.id.not_in(keep)))  # type: ignore[attr-defined]
    for mat in materials:
        _upsert(session, m.Material, _convert(m.Material, mat))


def _apply_window(session: Session, data: dict[str, Any]) -> None:
    categories = data.get("categories") or []
    window = _upsert(session, m.Window, _convert(m.Window, data))
    session.flush()
    wid = window.id  # type: ignore[attr-defined]
    session.execute(delete(m.WindowCategory).where(m.WindowCategory.window_id == wid))
    for pos, cat in enumerate(categories):
        session.add(m.WindowCategory(window_id=wid, category_id=uuid.UUID(str(cat)), position=pos))


def reference_fingerprint(session: Session) -> dict[str, list[tuple[Any, ...]]]:
    """A comparable picture of the reference tables (for checking a terminal's copy equals the center's)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    for name, cls in ENTITY_MODELS.items():
        cols = [a for a in inspect(cls).column_attrs if not (cls is m.Staff and a.key in STAFF_PRIVATE)]
        q = select(*[a.class_attribute for a in cols])
        if cls is m.Setting:
            q = q.where(m.Setting.key.not_like(f"{INTERNAL_SETTING_PREFIX}%"))
        rows = session.execute(q).all()
        out[name] = sorted(tuple(str(v) for v in r) for r in rows)
    out["material"] = sorted(
        tuple(str(v) for v in r)
        for r in session.execute(
            select(m.Material.id, m.Material.item_id, m.Material.name, m.Material.deferrable)
        ).all()
    )
    out["window_category"] = sorted(
        tuple(str(v) for v in r)
        for r in session.execute(
            select(m.WindowCategory.window_id, m.WindowCategory.category_id, m.WindowCategory.position)
        ).all()
    )
    return out
