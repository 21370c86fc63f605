"""A setting for one terminal (`terminal.<id>.…`) is replicated to that terminal only, on both databases
(its audience `terminal:<uuid>` did not fit the change log's column on PostgreSQL)."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from app.center.changelog import publish_reference, visible_to
from app.store import models as m


def test_a_setting_for_one_terminal_reaches_that_terminal_only(migrated_db) -> None:  # type: ignore[no-untyped-def]
    kiosk, other = str(uuid.uuid4()), str(uuid.uuid4())
    with migrated_db.write_session() as s:
        setting = m.Setting(key=f"terminal.{kiosk}.printer_url", value={"value": "tcp://10.0.0.7:9100"})
        s.add(setting)
        s.flush()
        publish_reference(s, setting)
    with migrated_db.read_session() as s:
        (row,) = s.scalars(select(m.ChangeLog).where(m.ChangeLog.entity == "setting")).all()
    assert row.audience == f"terminal:{kiosk}"
    assert visible_to(row.audience, "kiosk", kiosk) and not visible_to(row.audience, "kiosk", other)
