"""hall setup (issue 16): opening hours and quotas of categories, the rest of the 办事指南, window rosters

Revision ID: 0006_hall_setup
Revises: 0002
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_hall_setup"
down_revision: str | None = "0005_access"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("categories") as b:
        b.add_column(sa.Column("hours", sa.String(length=100), server_default="", nullable=False))
        b.add_column(sa.Column("daily_quota", sa.Integer(), nullable=True))
        b.add_column(sa.Column("cutoff_minutes", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("service_items") as b:
        b.add_column(sa.Column("service_object", sa.String(length=100), server_default="", nullable=False))
        b.add_column(sa.Column("legal_half_day", sa.Boolean(), server_default=sa.false(), nullable=False))
        b.add_column(sa.Column("promised_half_day", sa.Boolean(), server_default=sa.false(), nullable=False))
        b.add_column(sa.Column("scope", sa.String(length=100), server_default="", nullable=False))
        b.add_column(sa.Column("lists", sa.JSON(), server_default="[]", nullable=False))
    with op.batch_alter_table("materials") as b:
        b.add_column(sa.Column("blank_form", sa.Text(), nullable=True))
        b.add_column(sa.Column("commitment", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("windows") as b:
        b.add_column(sa.Column("spot_items", sa.JSON(), server_default="[]", nullable=False))
        b.add_column(sa.Column("roster", sa.JSON(), server_default="{}", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("windows") as b:
        b.drop_column("roster")
        b.drop_column("spot_items")
    with op.batch_alter_table("materials") as b:
        b.drop_column("commitment")
        b.drop_column("blank_form")
    with op.batch_alter_table("service_items") as b:
        for col in ("lists", "scope", "promised_half_day", "legal_half_day", "service_object"):
            b.drop_column(col)
    with op.batch_alter_table("categories") as b:
        for col in ("cutoff_minutes", "daily_quota", "hours"):
            b.drop_column(col)
