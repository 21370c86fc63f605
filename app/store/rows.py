"""Small storage helpers shared by the center and the terminals: gap-free counters, rows as JSON."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from app.store import models as m

# What a staff row looks like on a terminal: never password hashes or personal data.
STAFF_PRIVATE = frozenset({"password_hash", "id_number_hash"})
# Settings under this prefix are the center's own secrets: never replicated.
INTERNAL_SETTING_PREFIX = "auth."


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
