"""帮办代办 of investment projects: a project a hall agent takes through its approval stages, each with its
dates and the case that carried it (issue 21)

Revision ID: 0013_agency_projects
Revises: 0012_case_agent
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_agency_projects"
down_revision: str | None = "0012_case_agent"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "agency_projects",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(20), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("company", sa.String(200), nullable=False),
        sa.Column("credit_code", sa.String(18), nullable=True),
        sa.Column("agent_id", sa.Uuid(), nullable=False),
        sa.Column("target_days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["agent_id"], ["staff.id"], name=op.f("fk_agency_projects_agent_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_projects")),
        sa.UniqueConstraint("code", name=op.f("uq_agency_projects_code")),
    )
    op.create_table(
        "agency_project_stages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(60), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("case_number", sa.String(40), nullable=True),
        sa.Column("note", sa.String(500), nullable=True),
        sa.ForeignKeyConstraint(
            ["project_id"], ["agency_projects.id"], name=op.f("fk_agency_project_stages_project_id_agency_projects")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agency_project_stages")),
        sa.UniqueConstraint("project_id", "position", name=op.f("uq_agency_project_stages_project_id_position")),
    )
    op.create_index(op.f("ix_agency_project_stages_project_id"), "agency_project_stages", ["project_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_agency_project_stages_project_id"), table_name="agency_project_stages")
    op.drop_table("agency_project_stages")
    op.drop_table("agency_projects")
