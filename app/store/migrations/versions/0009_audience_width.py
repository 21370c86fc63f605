"""the change log's audience wide enough for one terminal (`terminal:<uuid>`, 45 characters): a setting
keyed `terminal.<id>.…` could not be replicated on PostgreSQL (String(20) overflowed)

Revision ID: 0009_audience_width
Revises: 0008_report_indexes
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_audience_width"
down_revision: str | None = "0008_report_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("change_log") as b:
        b.alter_column("audience", existing_type=sa.String(length=20), type_=sa.String(length=64))


def downgrade() -> None:
    with op.batch_alter_table("change_log") as b:
        b.alter_column("audience", existing_type=sa.String(length=64), type_=sa.String(length=20))
