"""queue at load: ticket request ids (idempotent issue), an index for every queue query, login failures
shared between center processes

Revision ID: 0004_queue_load
Revises: 0002
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = "0004_queue_load"
down_revision: str | None = "0003_protocol_sync"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as batch:
        batch.add_column(sa.Column("request_id", sa.Uuid(), nullable=True))
        batch.create_unique_constraint("uq_tickets_request_id", ["request_id"])
    op.create_index("ix_tickets_finished", "tickets", ["service_day", "status", "category_id", "finished_at"])
    op.create_index("ix_tickets_real_name", "tickets", ["id_number_hash", "service_day"])
    op.create_index("ix_tickets_window", "tickets", ["window_number", "service_day", "status"])
    op.create_index("ix_tickets_day_number", "tickets", ["service_day", "number"])
    op.create_index("ix_tickets_called", "tickets", ["service_day", "called_at"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("at", app.store.types.UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index("ix_login_failures_key_at", "login_failures", ["key", "at"])


def downgrade() -> None:
    op.drop_index("ix_login_failures_key_at", table_name="login_failures")
    op.drop_table("login_failures")
    op.drop_index("ix_tickets_called", table_name="tickets")
    op.drop_index("ix_tickets_day_number", table_name="tickets")
    op.drop_index("ix_tickets_window", table_name="tickets")
    op.drop_index("ix_tickets_real_name", table_name="tickets")
    op.drop_index("ix_tickets_finished", table_name="tickets")
    with op.batch_alter_table("tickets") as batch:
        batch.drop_constraint("uq_tickets_request_id", type_="unique")
        batch.drop_column("request_id")
