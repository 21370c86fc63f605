"""public booking (issue 18): slot plans per category, the places taken per slot, booking holds waiting for
their SMS code, and the appointment's own fields for the phone (masked ID and phone, the encrypted phone
for the reminder, the cancel/reschedule link's token)

Revision ID: 0015_booking
Revises: 0014_notify
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.store.types import UtcDateTime

revision: str = "0015_booking"
down_revision: str | None = "0014_notify"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("appointments") as b:
        b.add_column(sa.Column("source", sa.String(12), nullable=False, server_default="manager"))
        b.add_column(sa.Column("id_number_masked", sa.String(20), nullable=False, server_default=""))
        b.add_column(sa.Column("phone_enc", sa.LargeBinary(), nullable=True))
        b.add_column(sa.Column("phone_hash", sa.String(64), nullable=True))
        b.add_column(sa.Column("phone_masked", sa.String(20), nullable=False, server_default=""))
        b.add_column(sa.Column("manage_token", sa.String(32), nullable=True))
        b.add_column(sa.Column("language", sa.String(8), nullable=False, server_default="zh_CN"))
        b.add_column(sa.Column("reminded_at", UtcDateTime(), nullable=True))
        b.add_column(sa.Column("cancelled_at", UtcDateTime(), nullable=True))
        b.add_column(sa.Column("reschedules", sa.Integer(), nullable=False, server_default="0"))
        b.add_column(sa.Column("holds_place", sa.Boolean(), nullable=False, server_default=sa.false()))
        b.create_unique_constraint("uq_appointments_manage_token", ["manage_token"])
        b.create_index("ix_appointments_phone_hash", ["phone_hash"])
    op.create_table(
        "booking_plans",
        sa.Column("category_id", sa.Uuid(), sa.ForeignKey("categories.id", name="fk_booking_plans_category_id_categories"), nullable=False),
        sa.Column("slot_minutes", sa.Integer(), nullable=False),
        sa.Column("per_window", sa.Integer(), nullable=False),
        sa.Column("days_ahead", sa.Integer(), nullable=False),
        sa.Column("cutoff_minutes", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("category_id", name="pk_booking_plans"),
    )
    op.create_table(
        "appointment_slots",
        sa.Column("category_id", sa.Uuid(), sa.ForeignKey("categories.id", name="fk_appointment_slots_category_id_categories"), nullable=False),
        sa.Column("slot_start", UtcDateTime(), nullable=False),
        sa.Column("booked", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("category_id", "slot_start", name="pk_appointment_slots"),
    )
    op.create_table(
        "booking_holds",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("token", sa.String(32), nullable=False),
        sa.Column("category_id", sa.Uuid(), sa.ForeignKey("categories.id", name="fk_booking_holds_category_id_categories"), nullable=False),
        sa.Column("item_id", sa.Uuid(), sa.ForeignKey("service_items.id", name="fk_booking_holds_item_id_service_items"), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("slot_start", UtcDateTime(), nullable=False),
        sa.Column("slot_end", UtcDateTime(), nullable=False),
        sa.Column("name_masked", sa.String(50), nullable=False),
        sa.Column("id_number_hash", sa.String(64), nullable=False),
        sa.Column("id_number_masked", sa.String(20), nullable=False),
        sa.Column("phone_enc", sa.LargeBinary(), nullable=True),
        sa.Column("phone_hash", sa.String(64), nullable=False),
        sa.Column("phone_masked", sa.String(20), nullable=False),
        sa.Column("client", sa.String(64), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("code_hash", sa.String(64), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.Column("expires_at", UtcDateTime(), nullable=False),
        sa.Column("appointment_id", sa.Uuid(), sa.ForeignKey("appointments.id", name="fk_booking_holds_appointment_id_appointments"), nullable=True),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_booking_holds"),
        sa.UniqueConstraint("token", name="uq_booking_holds_token"),
    )
    op.create_index("ix_booking_holds_id_number_hash", "booking_holds", ["id_number_hash"])
    op.create_index("ix_booking_holds_phone_hash", "booking_holds", ["phone_hash"])
    op.create_index("ix_booking_holds_client", "booking_holds", ["client"])


def downgrade() -> None:
    op.drop_table("booking_holds")
    op.drop_table("appointment_slots")
    op.drop_table("booking_plans")
    with op.batch_alter_table("appointments") as b:
        b.drop_index("ix_appointments_phone_hash")
        b.drop_constraint("uq_appointments_manage_token", type_="unique")
        for col in ("holds_place", "reschedules", "cancelled_at", "reminded_at", "language", "manage_token",
                    "phone_masked", "phone_hash", "phone_enc", "id_number_masked", "source"):
            b.drop_column(col)
