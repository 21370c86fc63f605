"""case statistics (issue 17): indexes the report queries range over, the item's 事项类型, and 即办件
completed on the spot dated as such

Revision ID: 0008_report_indexes
Revises: 0007_case_tasks
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_report_indexes"
down_revision: str | None = "0007_case_tasks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # each index covers the columns its report queries read: a year's report never visits the table
    op.create_index(
        "ix_cases_accepted_at",
        "cases",
        ["accepted_at", "decision", "item_id", "window_number", "staff_id", "completed_at"],
    )
    op.create_index(
        "ix_cases_completed_at",
        "cases",
        ["completed_at", "status", "due_date", "item_id", "window_number", "staff_id", "accepted_at", "decision"],
    )
    op.create_index("ix_cases_created_at", "cases", ["created_at", "decision", "item_id", "window_number", "staff_id"])
    op.create_index("ix_cases_status_accepted", "cases", ["status", "accepted_at"])
    op.create_index("ix_case_transitions_to_at", "case_transitions", ["to_status", "at"])
    with op.batch_alter_table("service_items") as b:
        b.add_column(sa.Column("item_type", sa.String(length=20), server_default="行政许可", nullable=False))
    # a 即办件 is decided on the spot: completed when accepted (earlier versions left completed_at empty)
    op.execute(
        "UPDATE cases SET completed_at = accepted_at WHERE completed_at IS NULL AND decision = 'immediate' "
        "AND status IN ('approved', 'denied', 'delivered')"
    )


def downgrade() -> None:
    with op.batch_alter_table("service_items") as b:
        b.drop_column("item_type")
    op.drop_index("ix_case_transitions_to_at", table_name="case_transitions")
    op.drop_index("ix_cases_status_accepted", table_name="cases")
    op.drop_index("ix_cases_created_at", table_name="cases")
    op.drop_index("ix_cases_completed_at", table_name="cases")
    op.drop_index("ix_cases_accepted_at", table_name="cases")
