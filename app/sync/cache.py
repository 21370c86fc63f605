"""A terminal's local SQLite cache: the same schema as the center, its replica of the reference data,
its own records and its outbox. A corrupted file is moved aside (kept, never deleted), what it still
holds is salvaged into a fresh cache (`app.sync.salvage`: records, unsent ops, numbering) and the
reference data is pulled again from the center."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from app.store import migrate
from app.store import models as m
from app.store.db import Database, sqlite_url
from app.sync.salvage import Salvage, salvage_into

log = logging.getLogger("hall.sync.cache")


class TerminalCache:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.recovered_from: Path | None = None
        self.salvage: Salvage | None = None
        self.db = self._open()

    def _open(self) -> Database:
        db = Database(sqlite_url(self.path))
        try:
            with db.engine.connect() as conn:
                check = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            if check != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {check}")
            migrate.upgrade(db.engine)
            return db
        except (DatabaseError, sqlite3.DatabaseError) as exc:
            db.dispose()
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
            for suffix in ("", "-wal", "-shm"):
                src = Path(str(self.path) + suffix)
                if src.exists():
                    src.rename(Path(str(aside) + suffix))
            log.error(
                "local cache %s is corrupted (%s); kept as %s, rebuilding from the center",
                self.path,
                exc,
                aside,
            )
            self.recovered_from = aside
            fresh = Database(sqlite_url(self.path))
            migrate.upgrade(fresh.engine)
            fresh.dispose()
            self.salvage = salvage_into(aside, self.path)
            log.warning("local cache rebuilt from %s: %s", aside, self.salvage.describe())
            return Database(sqlite_url(self.path))

    def close(self) -> None:
        self.db.dispose()

    # ------------------------------------------------------------------ small key/value state
    def get_state(self, key: str, default: Any = None) -> Any:
        with self.db.read_session() as s:
            row = s.get(m.SyncState, key)
            return default if row is None else row.value

    def set_state(self, key: str, value: Any, session: Session | None = None) -> None:
        if session is not None:
            _put(session, key, value)
            return
        with self.db.write_session() as s:
            _put(s, key, value)

    # ------------------------------------------------------------------ replica of center data
    def replica(self, entity: str) -> list[dict[str, Any]]:
        with self.db.read_session() as s:
            return [r.data for r in s.scalars(select(m.ReplicaRow).where(m.ReplicaRow.entity == entity))]

    def replica_row(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        with self.db.read_session() as s:
            row = s.get(m.ReplicaRow, (entity, entity_id))
            return None if row is None else dict(row.data)


def _put(session: Session, key: str, value: Any) -> None:
    row = session.get(m.SyncState, key)
    if row is None:
        session.add(m.SyncState(key=key, value=value))
    else:
        row.value = value
