"""cases at the center (issue 17): department tasks, every step of a case, the back-office role

- `case_tasks`: one department's part of a case (the lead's approval, each co-department's in a 联办件,
  the 核查 of a 告知承诺), with its own deadline and status.
- `case_transitions` also records steps that are not status changes (an opinion, 上报, a 容缺 reminder)
  with the task, the working-day clock and a detail.
- `staff.role` accepts `backoffice` (department staff).

Revision ID: 0007_case_tasks
Revises: 0006_hall_setup
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_case_tasks"
down_revision: str | None = "0006_hall_setup"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_ROLES = ("clerk", "manager", "admin", "kiosk", "screen", "counter")
NEW_ROLES = (*OLD_ROLES, "backoffice")


def _role_check(roles: tuple[str, ...]) -> str:
    return "role IN (" + ", ".join(f"'{r}'" for r in roles) + ")"


def upgrade() -> None:
    op.create_table(
        "case_tasks",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("case_id", sa.Uuid(), nullable=False),
        sa.Column("department_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("lead", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("opinion", sa.Text(), nullable=True),
        sa.Column("receiver", sa.String(length=100), nullable=True),
        sa.Column("decided_by", sa.Uuid(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_tasks_case_id_cases")),
        sa.ForeignKeyConstraint(
            ["department_id"], ["departments.id"], name=op.f("fk_case_tasks_department_id_departments")
        ),
        sa.ForeignKeyConstraint(["decided_by"], ["staff.id"], name=op.f("fk_case_tasks_decided_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_tasks")),
    )
    op.create_index(op.f("ix_case_tasks_case_id"), "case_tasks", ["case_id"])
    op.create_index("ix_case_tasks_work_list", "case_tasks", ["department_id", "status", "due_date"])
    with op.batch_alter_table("case_transitions") as b:
        b.add_column(sa.Column("step", sa.String(length=20), nullable=True))
        b.add_column(sa.Column("task_id", sa.Uuid(), nullable=True))
        b.add_column(sa.Column("clock_days", sa.Integer(), nullable=True))
        b.add_column(sa.Column("detail", sa.JSON(), nullable=True))
    with op.batch_alter_table("staff") as b:
        b.drop_constraint(op.f("ck_staff_ck_role"), type_="check")
        b.create_check_constraint(op.f("ck_staff_ck_role"), _role_check(NEW_ROLES))


def downgrade() -> None:
    with op.batch_alter_table("staff") as b:
        b.drop_constraint(op.f("ck_staff_ck_role"), type_="check")
        b.create_check_constraint(op.f("ck_staff_ck_role"), _role_check(OLD_ROLES))
    with op.batch_alter_table("case_transitions") as b:
        for col in ("detail", "clock_days", "task_id", "step"):
            b.drop_column(col)
    op.drop_index("ix_case_tasks_work_list", table_name="case_tasks")
    op.drop_index(op.f("ix_case_tasks_case_id"), table_name="case_tasks")
    op.drop_table("case_tasks")
