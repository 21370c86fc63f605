"""the citizen's phone pages (issue 18): an unguessable public token per ticket and per case, the key of
its page's URL (printed in the ticket's and the notice's QR code)

Revision ID: 0010_public_tokens
Revises: 0009_audience_width
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_public_tokens"
down_revision: str | None = "0009_audience_width"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets") as b:
        b.add_column(sa.Column("public_token", sa.String(length=32), nullable=True))
        b.create_unique_constraint("uq_tickets_public_token", ["public_token"])
    with op.batch_alter_table("cases") as b:
        b.add_column(sa.Column("public_token", sa.String(length=32), nullable=True))
        b.create_unique_constraint("uq_cases_public_token", ["public_token"])


def downgrade() -> None:
    with op.batch_alter_table("cases") as b:
        b.drop_constraint("uq_cases_public_token", type_="unique")
        b.drop_column("public_token")
    with op.batch_alter_table("tickets") as b:
        b.drop_constraint("uq_tickets_public_token", type_="unique")
        b.drop_column("public_token")
