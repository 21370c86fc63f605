"""帮办代办: a case applied for by an agent on the applicant's behalf — the agent (an applicant row: their
sealed ID number), whether a hall/village 代办员 or a person entrusted by the applicant, and the
authorisation received (issue 21)

Revision ID: 0012_case_agent
Revises: 0011_sites
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_case_agent"
down_revision: str | None = "0011_sites"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cases") as b:
        b.add_column(sa.Column("agent_id", sa.Uuid(), nullable=True))
        b.add_column(sa.Column("agent_kind", sa.String(12), nullable=True))
        b.add_column(sa.Column("authorisation", sa.String(200), nullable=True))
        b.add_column(sa.Column("authorised_until", sa.Date(), nullable=True))
        b.create_foreign_key(op.f("fk_cases_agent_id_applicants"), "applicants", ["agent_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("cases") as b:
        b.drop_constraint(op.f("fk_cases_agent_id_applicants"), type_="foreignkey")
        for column in ("authorised_until", "authorisation", "agent_kind", "agent_id"):
            b.drop_column(column)
