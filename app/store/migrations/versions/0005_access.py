"""access: the ID-hash key becomes internal to the center; the change log's audience

- The hall-wide ID salt (`privacy.id_hash_salt`) was replicated to every terminal, so a kiosk's cache
  could be searched for ID numbers. It is dropped everywhere (the center, its change log, every
  terminal cache this migration runs on); the center makes a new key under `auth.id_hash_key`, which is
  never replicated. Real-name hashes made with the old salt no longer match: staff ID cards must be
  registered again, and the no-show history of real-name tickets starts afresh.
- Staff rows already in the change log are addressed to staff terminals only (`audience = 'staff'`).

Revision ID: 0005_access
Revises: 0002
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_access"
down_revision: str | None = "0004_queue_load"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEGACY_SALT = "privacy.id_hash_salt"


def upgrade() -> None:
    settings = sa.table("settings", sa.column("key", sa.String))
    change_log = sa.table(
        "change_log", sa.column("entity", sa.String), sa.column("entity_id", sa.String), sa.column("audience", sa.String)
    )
    op.execute(settings.delete().where(settings.c.key == LEGACY_SALT))
    op.execute(
        change_log.delete().where(change_log.c.entity == "setting", change_log.c.entity_id == LEGACY_SALT)
    )
    op.execute(change_log.update().where(change_log.c.entity == "staff").values(audience="staff"))


def downgrade() -> None:
    change_log = sa.table("change_log", sa.column("entity", sa.String), sa.column("audience", sa.String))
    op.execute(change_log.update().where(change_log.c.entity == "staff").values(audience="all"))
