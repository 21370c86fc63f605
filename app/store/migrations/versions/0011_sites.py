"""sites of the three-level service system (县、乡、村): the county center, township halls, village points,
each with the items it may accept; a window belongs to a site (issue 21)

Revision ID: 0011_sites
Revises: 0010_public_tokens
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_sites"
down_revision: str | None = "0010_public_tokens"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("level", sa.String(10), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("hours", sa.String(200), nullable=False, server_default=""),
        sa.Column("address", sa.String(200), nullable=False, server_default=""),
        sa.Column("phone", sa.String(40), nullable=False, server_default=""),
        sa.Column("items", sa.JSON(), nullable=False, server_default="[]"),
        sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true()),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["sites.id"], name=op.f("fk_sites_parent_id_sites")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sites")),
        sa.UniqueConstraint("code", name=op.f("uq_sites_code")),
    )
    with op.batch_alter_table("windows") as b:
        b.add_column(sa.Column("site_id", sa.Uuid(), nullable=True))
        b.create_foreign_key(op.f("fk_windows_site_id_sites"), "sites", ["site_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("windows") as b:
        b.drop_constraint(op.f("fk_windows_site_id_sites"), type_="foreignkey")
        b.drop_column("site_id")
    op.drop_table("sites")
