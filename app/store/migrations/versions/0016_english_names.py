"""an optional English name of a queue category and of a service item, shown by the terminals in English
mode (issue 19); empty: the Chinese name

Revision ID: 0016_english_names
Revises: 0015_booking
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_english_names"
down_revision: str | None = "0015_booking"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("categories") as b:
        b.add_column(sa.Column("name_en", sa.String(100), nullable=False, server_default=""))
    with op.batch_alter_table("service_items") as b:
        b.add_column(sa.Column("name_en", sa.String(300), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("service_items") as b:
        b.drop_column("name_en")
    with op.batch_alter_table("categories") as b:
        b.drop_column("name_en")
