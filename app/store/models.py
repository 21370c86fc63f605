"""The data model: one SQLAlchemy metadata for the center database and every terminal cache.

Reference data (catalog, categories, windows, staff, calendar, settings) belongs to the center and is
read-only on terminals. Records born at terminals (tickets issued offline, applicants, cases, case
materials, ratings, audit events) are insert-only and idempotent by their UUIDv7 id; their status
changes are separate transition rows.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.clock import utcnow
from app.domain.ids import new_id
from app.domain.states import CaseStatus, ItemKind, Role, TerminalKind, TicketStatus, WindowStatus
from app.store.types import UtcDateTime, str_enum

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dt.datetime: UtcDateTime(), dict[str, Any]: JSON, list[Any]: JSON}  # noqa: RUF012


def _id() -> Mapped[uuid.UUID]:
    return mapped_column(Uuid, primary_key=True, default=new_id)


def _created() -> Mapped[dt.datetime]:
    return mapped_column(UtcDateTime(), default=utcnow, nullable=False)


# ----------------------------------------------------------------- reference data (center-owned)


class Department(Base):
    __tablename__ = "departments"
    id: Mapped[uuid.UUID] = _id()
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    short_name: Mapped[str] = mapped_column(String(30))
    updated_at: Mapped[dt.datetime] = _created()


class Site(Base):
    """A place of the three-level service system: the county center, a township hall, a village point."""

    __tablename__ = "sites"
    id: Mapped[uuid.UUID] = _id()
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(10))  # county / township / village
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"))
    hours: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    items: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")  # item codes; [] = all
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = _created()


class Category(Base):
    """A queue category (业务类别) with its ticket prefix."""

    __tablename__ = "categories"
    id: Mapped[uuid.UUID] = _id()
    prefix: Mapped[str] = mapped_column(String(2), unique=True)
    name: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(100), default="", server_default="")  # "": the Chinese name
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = _created()
    # opening hours (issue 16): "09:00-12:00,13:30-17:30" on working days; empty = no limit
    hours: Mapped[str] = mapped_column(String(100), default="", server_default="")
    daily_quota: Mapped[int | None] = mapped_column(Integer)  # tickets per day; None = no quota
    cutoff_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # before closing


class ServiceItem(Base):
    """A service item (事项) with every field of its 办事指南."""

    __tablename__ = "service_items"
    id: Mapped[uuid.UUID] = _id()
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    name_en: Mapped[str] = mapped_column(String(300), default="", server_default="")  # "": the Chinese name
    department_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("departments.id"))
    co_department_codes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("categories.id"))
    kind: Mapped[ItemKind] = mapped_column(str_enum(ItemKind))
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    conditions: Mapped[str] = mapped_column(Text, default="")
    process: Mapped[list[Any]] = mapped_column(JSON, default=list)
    legal_days: Mapped[int] = mapped_column(Integer, default=0)
    promised_days: Mapped[int] = mapped_column(Integer, default=0)
    special_steps: Mapped[list[Any]] = mapped_column(JSON, default=list)
    fee_charged: Mapped[bool] = mapped_column(Boolean, default=False)
    fee_standard: Mapped[str] = mapped_column(Text, default="不收费")
    fee_basis: Mapped[str | None] = mapped_column(Text)
    location: Mapped[str] = mapped_column(String(200), default="")
    hours: Mapped[str] = mapped_column(String(200), default="")
    visits: Mapped[int] = mapped_column(Integer, default=1)
    consult_phone: Mapped[str] = mapped_column(String(40), default="")
    complaint_phone: Mapped[str] = mapped_column(String(40), default="")
    delivery: Mapped[list[Any]] = mapped_column(JSON, default=list)
    online: Mapped[bool] = mapped_column(Boolean, default=False)
    faq: Mapped[list[Any]] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(12), default="active")
    updated_at: Mapped[dt.datetime] = _created()
    # the rest of the 办事指南 (issue 16)
    service_object: Mapped[str] = mapped_column(String(100), default="", server_default="")  # 服务对象
    legal_half_day: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # +0.5 day
    promised_half_day: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    scope: Mapped[str] = mapped_column(String(100), default="", server_default="")  # 通办范围
    lists: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")  # 最多跑一次, 马上办, …
    # 事项类型 (issue 17): 行政许可 / 公共服务 / 行政确认 / 行政给付 / 其他行政权力 — decides the notices' legal wording
    item_type: Mapped[str] = mapped_column(String(20), default="行政许可", server_default="行政许可")

    department: Mapped[Department] = relationship()
    category: Mapped[Category | None] = relationship()
    materials: Mapped[list[Material]] = relationship(
        back_populates="item", order_by="Material.position", cascade="all, delete-orphan"
    )
    __table_args__ = (
        CheckConstraint("promised_days <= legal_days OR legal_days = 0", name="promised_within_legal"),
        CheckConstraint("status IN ('active', 'suspended', 'cancelled')", name="item_status"),
    )


class Material(Base):
    """One material (申请材料) of a service item."""

    __tablename__ = "materials"
    id: Mapped[uuid.UUID] = _id()
    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    originals: Mapped[int] = mapped_column(Integer, default=1)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    required: Mapped[bool] = mapped_column(Boolean, default=True)
    required_note: Mapped[str | None] = mapped_column(Text)
    deferrable: Mapped[bool] = mapped_column(Boolean, default=False)  # 容缺 allowed
    form: Mapped[str] = mapped_column(String(12), default="paper")
    source: Mapped[str] = mapped_column(String(100), default="")
    sample: Mapped[str | None] = mapped_column(Text)
    blank_form: Mapped[str | None] = mapped_column(Text)  # the blank form's file (issue 16)
    commitment: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # 告知承诺 open

    item: Mapped[ServiceItem] = relationship(back_populates="materials")


class Window(Base):
    __tablename__ = "windows"
    id: Mapped[uuid.UUID] = _id()
    number: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(20), default="comprehensive")
    status: Mapped[WindowStatus] = mapped_column(str_enum(WindowStatus), default=WindowStatus.LOGGED_OUT)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    status_since: Mapped[dt.datetime] = _created()
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = _created()
    spot_items: Mapped[list[Any]] = mapped_column(JSON, default=list, server_default="[]")  # item codes decided on the spot
    roster: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")  # {"A": username, "B": username}
    site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"))  # None: the center's own hall

    categories: Mapped[list[WindowCategory]] = relationship(
        order_by="WindowCategory.position", cascade="all, delete-orphan"
    )


class WindowCategory(Base):
    """The ordered list of categories a window serves (position 0 = its main category)."""

    __tablename__ = "window_categories"
    window_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("windows.id", ondelete="CASCADE"), primary_key=True
    )
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    category: Mapped[Category] = relationship()


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[uuid.UUID] = _id()
    username: Mapped[str] = mapped_column(String(40), unique=True)
    full_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    window_number: Mapped[int | None] = mapped_column(Integer)
    department_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("departments.id"))
    id_number_hash: Mapped[str | None] = mapped_column(String(64))  # for ID-card login
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = _created()


class Terminal(Base):
    """An enrolled kiosk, counter or screen. Its credential is kept hashed; it never holds DB credentials."""

    __tablename__ = "terminals"
    id: Mapped[uuid.UUID] = _id()
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[TerminalKind] = mapped_column(str_enum(TerminalKind))
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending / approved / revoked
    credential_hash: Mapped[str | None] = mapped_column(String(200))
    requested_at: Mapped[dt.datetime] = _created()
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    last_seen_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    health: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    tag: Mapped[int | None] = mapped_column(Integer)  # short number given at enrollment: part of case numbers


class CalendarYear(Base):
    """A year whose holiday arrangement is known (from the package or entered by an admin)."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(12))  # package / admin
    entered_by: Mapped[str | None] = mapped_column(String(40))
    updated_at: Mapped[dt.datetime] = _created()


class CalendarDay(Base):
    """An exception to the Monday–Friday rule: a holiday on a weekday or a make-up working day (调休)."""

    __tablename__ = "calendar_days"
    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(12), default="package")
    updated_at: Mapped[dt.datetime] = _created()


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = _created()


class Notice(Base):
    """A notice broadcast by a manager to the screens and kiosks."""

    __tablename__ = "notices"
    id: Mapped[uuid.UUID] = _id()
    text: Mapped[str] = mapped_column(Text)
    audience: Mapped[str] = mapped_column(String(20), default="all")
    starts_at: Mapped[dt.datetime] = _created()
    ends_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))


# ----------------------------------------------------------------- queue


class Appointment(Base):
    __tablename__ = "appointments"
    id: Mapped[uuid.UUID] = _id()
    code: Mapped[str] = mapped_column(String(20), unique=True)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"))
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_items.id"))
    applicant_name_masked: Mapped[str] = mapped_column(String(50), default="")
    id_number_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    day: Mapped[dt.date] = mapped_column(Date)
    slot_start: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    slot_end: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    status: Mapped[str] = mapped_column(
        String(12), default="booked"
    )  # booked / checked_in / missed / cancelled
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[dt.datetime] = _created()
    # public booking (issue 18, migration 0012_booking): the citizen's own booking from the phone pages
    source: Mapped[str] = mapped_column(String(12), default="manager", server_default="manager")  # manager / public
    id_number_masked: Mapped[str] = mapped_column(String(20), default="", server_default="")
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # for the reminder the day before
    phone_hash: Mapped[str | None] = mapped_column(String(64), index=True)  # rate limits per phone
    phone_masked: Mapped[str] = mapped_column(String(20), default="", server_default="")
    manage_token: Mapped[str | None] = mapped_column(String(32), unique=True)  # the cancel/reschedule link's key
    language: Mapped[str] = mapped_column(String(8), default="zh_CN", server_default="zh_CN")
    reminded_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())  # appointment_tomorrow enqueued
    cancelled_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    reschedules: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    holds_place: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # counted in its slot


class BookingPlan(Base):
    """How a category is booked from the phone (issue 18): slot length, places per serving window and slot,
    how many days ahead, and the cut-off before a slot's start. No plan (or inactive): not bookable."""

    __tablename__ = "booking_plans"
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"), primary_key=True)
    slot_minutes: Mapped[int] = mapped_column(Integer, default=30)
    per_window: Mapped[int] = mapped_column(Integer, default=2)  # places per window serving the category, per slot
    days_ahead: Mapped[int] = mapped_column(Integer, default=7)
    cutoff_minutes: Mapped[int] = mapped_column(Integer, default=60)  # booking closes this long before a slot
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[dt.datetime] = _created()


class AppointmentSlot(Base):
    """The places taken in one slot of a category: the row that serialises bookings of the slot (a
    conditional UPDATE `booked < capacity` under its row lock; SQLite: the write transaction's lock)."""

    __tablename__ = "appointment_slots"
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"), primary_key=True)
    slot_start: Mapped[dt.datetime] = mapped_column(UtcDateTime(), primary_key=True)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class BookingHold(Base):
    """A booking asked for on the phone and waiting for its SMS code: nothing is booked before the code is
    confirmed. Also what the rate limits count (per ID number, phone and client address)."""

    __tablename__ = "booking_holds"
    id: Mapped[uuid.UUID] = _id()
    token: Mapped[str] = mapped_column(String(32), unique=True)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"))
    item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_items.id"))
    day: Mapped[dt.date] = mapped_column(Date)
    slot_start: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    slot_end: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    name_masked: Mapped[str] = mapped_column(String(50), default="")
    id_number_hash: Mapped[str] = mapped_column(String(64), index=True)
    id_number_masked: Mapped[str] = mapped_column(String(20), default="")
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    client: Mapped[str] = mapped_column(String(64), default="", index=True)
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    code_hash: Mapped[str] = mapped_column(String(64))
    tries: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    appointment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("appointments.id"))
    created_at: Mapped[dt.datetime] = _created()


class Ticket(Base):
    """A queue ticket. `number` (A023) is a label unique per (category, day); `id` is the visit's identity."""

    __tablename__ = "tickets"
    id: Mapped[uuid.UUID] = _id()
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"))
    service_day: Mapped[dt.date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(8))
    status: Mapped[TicketStatus] = mapped_column(str_enum(TicketStatus), default=TicketStatus.WAITING)
    priority: Mapped[bool] = mapped_column(Boolean, default=False)
    appointment_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("appointments.id"))
    id_number_hash: Mapped[str | None] = mapped_column(String(64))  # real-name tickets: salted hash only
    source: Mapped[str] = mapped_column(String(12), default="online")  # online / lease / offline
    issued_at: Mapped[dt.datetime] = _created()
    queue_at: Mapped[dt.datetime] = _created()  # ordering time (issue time, or the requeue time)
    issued_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("terminals.id"))
    window_number: Mapped[int | None] = mapped_column(Integer)
    target_window: Mapped[int | None] = mapped_column(Integer)  # transferred to a specific window
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    called_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    started_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    transferred_from: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id"))
    # queue at load (migration 0004_queue_load): the kiosk's client-made request id (a retry returns the
    # same ticket; an offline ticket that replaced a lost answer takes it over), and an index per query
    request_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    # the citizen's phone page (migration 0010_public_tokens): an unguessable token in the printed QR's URL,
    # made where the ticket is born (the center, or the kiosk offline); a transferred ticket keeps none,
    # its page follows `transferred_from` from the original
    public_token: Mapped[str | None] = mapped_column(String(32))
    __table_args__ = (
        UniqueConstraint("category_id", "service_day", "number", name="uq_tickets_number_per_day"),
        UniqueConstraint("request_id", name="uq_tickets_request_id"),
        UniqueConstraint("public_token", name="uq_tickets_public_token"),
        Index("ix_tickets_queue", "service_day", "status", "category_id", "queue_at"),
        Index("ix_tickets_finished", "service_day", "status", "category_id", "finished_at"),
        Index("ix_tickets_real_name", "id_number_hash", "service_day"),
        Index("ix_tickets_window", "window_number", "service_day", "status"),
        Index("ix_tickets_day_number", "service_day", "number"),
        Index("ix_tickets_called", "service_day", "called_at"),
    )


class TicketContact(Base):
    """The phone a citizen left with a ticket for 「快到号时短信提醒」 (issue 18, 0014_notify), sealed with the
    field cipher, with the consent they gave (its text's version and time). `turn_soon_at`: when the one
    "your turn soon" message was queued. A transferred ticket's new ticket gets a copy."""

    __tablename__ = "ticket_contacts"
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), primary_key=True)
    phone_enc: Mapped[bytes] = mapped_column(LargeBinary)
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    consent_version: Mapped[str] = mapped_column(String(20))
    consent_at: Mapped[dt.datetime] = mapped_column(UtcDateTime())
    turn_soon_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[dt.datetime] = _created()


class LoginFailure(Base):
    """A failed login (queue at load, 0004_queue_load): kept in the database so that every center process
    on it shares one rate limit. Old rows are pruned as new ones are written."""

    __tablename__ = "login_failures"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200))
    at: Mapped[dt.datetime] = _created()
    __table_args__ = (Index("ix_login_failures_key_at", "key", "at"),)


class TicketEvent(Base):
    """Every step of a ticket, with its time (issued, called, recalled, started, finished, no-show …)."""

    __tablename__ = "ticket_events"
    id: Mapped[uuid.UUID] = _id()
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    window_number: Mapped[int | None] = mapped_column(Integer)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[dt.datetime] = _created()
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


# ----------------------------------------------------------------- acceptance (born at terminals)


class Applicant(Base):
    """A person or company applying. ID numbers, phones and addresses are stored encrypted (`*_enc`),
    with a salted hash for look-ups and a masked form for display."""

    __tablename__ = "applicants"
    id: Mapped[uuid.UUID] = _id()
    kind: Mapped[str] = mapped_column(String(10), default="person")  # person / company
    name: Mapped[str] = mapped_column(String(100))
    id_type: Mapped[str] = mapped_column(String(12), default="resident")  # resident / J / I / Y / passport
    id_number_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_number_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    id_number_masked: Mapped[str] = mapped_column(String(40), default="")
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    address_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    company_name: Mapped[str | None] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码
    origin_terminal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[dt.datetime] = _created()


class Case(Base):
    """A case (办件). `case_number` is a human label unique across terminals (terminal code + sequence)."""

    __tablename__ = "cases"
    id: Mapped[uuid.UUID] = _id()
    case_number: Mapped[str] = mapped_column(String(40), unique=True)
    item_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_items.id"))
    applicant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applicants.id"))
    # the visit's ticket lives at the center, not in a counter's cache: a reference by id, not a foreign key
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    window_number: Mapped[int | None] = mapped_column(Integer)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    origin_terminal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    status: Mapped[CaseStatus] = mapped_column(str_enum(CaseStatus))
    decision: Mapped[str] = mapped_column(
        String(20)
    )  # immediate / accept / notify / deferred / commitment / refuse
    received_on: Mapped[dt.date] = mapped_column(Date)  # materials received (the clock starts the day after)
    accepted_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    legal_due_date: Mapped[dt.date | None] = mapped_column(Date)
    deferral_due: Mapped[dt.date | None] = mapped_column(Date)  # 容缺: materials promised by
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    refusal_basis: Mapped[str | None] = mapped_column(Text)
    delivery_method: Mapped[str | None] = mapped_column(String(12))  # window / express
    tracking_number: Mapped[str | None] = mapped_column(String(40))
    completed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    delivered_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[dt.datetime] = _created()
    # the case's phone page (issue 18, migration 0010_public_tokens): the token in the notice's QR code's URL
    public_token: Mapped[str | None] = mapped_column(String(32), unique=True)
    # 帮办代办 (issue 21, migration 0012_case_agent): who applied on the applicant's behalf, as what
    # (app.domain.agency.AgentKind), on which authorisation, valid until when; none when the applicant came
    agent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("applicants.id"))
    agent_kind: Mapped[str | None] = mapped_column(String(12))
    authorisation: Mapped[str | None] = mapped_column(String(200))
    authorised_until: Mapped[dt.date | None] = mapped_column(Date)
    # the applicant's consent to SMS about this case (issue 18, migration 0014_notify): accepted, 补正 needed,
    # result ready, 容缺 materials due — the version of the consent text read to them, and when
    sms_consent_version: Mapped[str | None] = mapped_column(String(20))
    sms_consent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())

    item: Mapped[ServiceItem] = relationship()
    applicant: Mapped[Applicant] = relationship(foreign_keys=[applicant_id])
    agent: Mapped[Applicant | None] = relationship(foreign_keys=[agent_id])
    materials: Mapped[list[CaseMaterial]] = relationship(
        back_populates="case", order_by="CaseMaterial.position"
    )
    __table_args__ = (
        Index("ix_cases_status_due", "status", "due_date"),
        # the reports range over these; each covers the columns its queries read (0008_report_indexes)
        Index("ix_cases_accepted_at", "accepted_at", "decision", "item_id", "window_number", "staff_id", "completed_at"),
        Index(
            "ix_cases_completed_at",
            "completed_at", "status", "due_date", "item_id", "window_number", "staff_id", "accepted_at", "decision",
        ),
        Index("ix_cases_created_at", "created_at", "decision", "item_id", "window_number", "staff_id"),
        Index("ix_cases_status_accepted", "status", "accepted_at"),  # 在办: the open cases by status
    )


class CaseMaterial(Base):
    __tablename__ = "case_materials"
    id: Mapped[uuid.UUID] = _id()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    material_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("materials.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(200))
    originals_received: Mapped[int] = mapped_column(Integer, default=0)
    copies_received: Mapped[int] = mapped_column(Integer, default=0)
    # received / missing / deferred (容缺) / commitment (告知承诺) / incorrect
    state: Mapped[str] = mapped_column(String(12), default="received")
    promised_date: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    case: Mapped[Case] = relationship(back_populates="materials")


class CaseTransition(Base):
    """A status change of a case (from → to), checked against the state machine where it is applied."""

    __tablename__ = "case_transitions"
    id: Mapped[uuid.UUID] = _id()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    at: Mapped[dt.datetime] = _created()
    reason: Mapped[str | None] = mapped_column(Text)
    # issue 17: every step of the case's life, not only status changes (an opinion, 上报, a reminder …)
    step: Mapped[str | None] = mapped_column(String(20))
    task_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    clock_days: Mapped[int | None] = mapped_column(Integer)  # working days counted so far (pauses excluded)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    __table_args__ = (Index("ix_case_transitions_to_at", "to_status", "at"),)


class CaseTask(Base):
    """One department's part of a case at the center (后台审批): the lead's approval, each co-department's
    in a 联办件 (all started at once, each with its own deadline), and the 核查 of a 告知承诺."""

    __tablename__ = "case_tasks"
    id: Mapped[uuid.UUID] = _id()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    department_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("departments.id"))
    kind: Mapped[str] = mapped_column(String(12), default="approve")  # approve / verify
    lead: Mapped[bool] = mapped_column(Boolean, default=True)
    # open / reported (上报, waiting for the higher level) / returned (退回补正) / approved / denied
    # verify tasks: open / verified / failed
    status: Mapped[str] = mapped_column(String(12), default="open")
    due_date: Mapped[dt.date | None] = mapped_column(Date)
    opinion: Mapped[str | None] = mapped_column(Text)
    receiver: Mapped[str | None] = mapped_column(String(100))  # 上报: the higher level that decides
    decided_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[dt.datetime] = _created()
    updated_at: Mapped[dt.datetime] = _created()

    department: Mapped[Department] = relationship()
    __table_args__ = (Index("ix_case_tasks_work_list", "department_id", "status", "due_date"),)


class CasePause(Base):
    """A special step (特殊环节: hearing, testing, expert review) whose days do not count."""

    __tablename__ = "case_pauses"
    id: Mapped[uuid.UUID] = _id()
    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("cases.id"), index=True)
    reason: Mapped[str] = mapped_column(String(100))
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date | None] = mapped_column(Date)


# ----------------------------------------------------------------- 好差评


class Rating(Base):
    """One rating per visit (ticket) or case, tied to window, clerk and case. Levels 1–5 (GB/T 39734)."""

    __tablename__ = "ratings"
    id: Mapped[uuid.UUID] = _id()
    # a kiosk or pad rates a visit whose ticket and case live elsewhere: references by id, one rating each
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, unique=True)
    case_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, unique=True)
    window_number: Mapped[int | None] = mapped_column(Integer)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    department_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("departments.id"))
    level: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list[Any]] = mapped_column(JSON, default=list)
    comment: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str] = mapped_column(String(12), default="pad")  # pad / kiosk / online / sms
    origin_terminal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    rated_at: Mapped[dt.datetime] = _created()
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="rating_level"),)


class Rectification(Base):
    """整改 of a bad rating: owner unit, deadline, measures, the call-back to the citizen, an appeal."""

    __tablename__ = "rectifications"
    id: Mapped[uuid.UUID] = _id()
    rating_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("ratings.id"), unique=True)
    department_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("departments.id"))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open / done / appealed / void
    deadline: Mapped[dt.date] = mapped_column(Date)
    measures: Mapped[str | None] = mapped_column(Text)
    callback_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    callback_result: Mapped[str | None] = mapped_column(Text)
    callback_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff.id"))
    appeal_reason: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[dt.datetime] = _created()


class Feedback(Base):
    """投诉建议 left at a kiosk (or a window): the text, an optional masked phone for the call-back (the
    phone itself encrypted), and the manager's handling."""

    __tablename__ = "feedback"
    id: Mapped[uuid.UUID] = _id()
    kind: Mapped[str] = mapped_column(String(12), default="complaint")  # complaint / suggestion / praise
    topic: Mapped[str] = mapped_column(String(40), default="")
    text: Mapped[str] = mapped_column(Text)
    phone_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    window_number: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open / answered
    origin_terminal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_at: Mapped[dt.datetime] = _created()


# ----------------------------------------------------------------- audit (审批留痕)


class AuditEvent(Base):
    """Audit trail: a hash chain per terminal (`prev_hash` → `hash`), verified by the center on push."""

    __tablename__ = "audit_events"
    id: Mapped[uuid.UUID] = _id()
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    seq: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[dt.datetime] = _created()
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str | None] = mapped_column(String(30))
    object_id: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    __table_args__ = (UniqueConstraint("terminal_id", "seq", name="uq_audit_chain_position"),)


# ----------------------------------------------------------------- replication (DESIGN.md, "Sync")


class Counter(Base):
    """Gap-free counters, taken under a row lock: the change-log sequence, case numbers, ticket numbers."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class ChangeLog(Base):
    """The center's change log that terminals pull, in a gap-free, commit-ordered sequence."""

    __tablename__ = "change_log"
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(10))  # upsert / delete
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    audience: Mapped[str] = mapped_column(String(64), default="all")  # all, kind:<kind>, role:<role>, terminal:<id>
    at: Mapped[dt.datetime] = _created()


class ProcessedOp(Base):
    """Each pushed operation is applied once: its id is recorded in the same transaction."""

    __tablename__ = "processed_ops"
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12))  # applied / rejected
    reason: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = _created()


class Conflict(Base):
    """A rejected operation, kept for the manager to read (never dropped silently)."""

    __tablename__ = "conflicts"
    id: Mapped[uuid.UUID] = _id()
    terminal_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    kind: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    at: Mapped[dt.datetime] = _created()
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)


class OutboxOp(Base):
    """Terminal side: an operation waiting to be pushed, written in the same transaction as the record."""

    __tablename__ = "outbox"
    op_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = _created()
    status: Mapped[str] = mapped_column(
        String(12), default="pending", index=True
    )  # pending / applied / rejected (by the center) / damaged (unreadable here, set aside) / resolved
    # (a manager closed the center's refusal)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    applied_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())  # pruned some days after


class SyncState(Base):
    """Terminal side: the pull cursor, the terminal's identity, the last sync times."""

    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class ReplicaRow(Base):
    """Terminal side: a read-only copy of one center record, as pulled from the change log."""

    __tablename__ = "replica_rows"
    entity: Mapped[str] = mapped_column(String(40), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class NumberLease(Base):
    """A block of ticket numbers leased to a kiosk for one category and day, for tickets issued offline."""

    __tablename__ = "number_leases"
    id: Mapped[uuid.UUID] = _id()
    terminal_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    category_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("categories.id"))
    service_day: Mapped[dt.date] = mapped_column(Date)
    first_seq: Mapped[int] = mapped_column(Integer)
    last_seq: Mapped[int] = mapped_column(Integer)
    next_seq: Mapped[int] = mapped_column(Integer)  # terminal side: the next unused number
    created_at: Mapped[dt.datetime] = _created()


# ----------------------------------------------------------------- 帮办代办 of investment projects (issue 21)
class AgencyProject(Base):
    """A company's investment project a hall agent takes through its approval stages
    (app/domain/agency_projects.py). Center-only: terminals do not replicate it."""

    __tablename__ = "agency_projects"
    id: Mapped[uuid.UUID] = _id()
    code: Mapped[str] = mapped_column(String(20), unique=True)  # XM2026-0001
    name: Mapped[str] = mapped_column(String(200))
    company: Mapped[str] = mapped_column(String(200))
    credit_code: Mapped[str | None] = mapped_column(String(18))  # 统一社会信用代码
    agent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"))  # the 代办员
    target_days: Mapped[int] = mapped_column(Integer, default=0)  # working days, all stages; 0: none set
    created_at: Mapped[dt.datetime] = _created()

    agent: Mapped[Staff] = relationship()
    stages: Mapped[list[AgencyStage]] = relationship(order_by="AgencyStage.position", back_populates="project")


class AgencyStage(Base):
    __tablename__ = "agency_project_stages"
    id: Mapped[uuid.UUID] = _id()
    project_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agency_projects.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending / active / done
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    case_number: Mapped[str | None] = mapped_column(String(40))  # the case that carried the stage
    note: Mapped[str | None] = mapped_column(String(500))

    project: Mapped[AgencyProject] = relationship(back_populates="stages")
    __table_args__ = (UniqueConstraint("project_id", "position"),)
# ----------------------------------------------------------------- notifications (issue 18, 0014_notify)


class NotifyMessage(Base):
    """A message to a citizen's phone in the center's outbox (app.notify): written in the transaction of
    what it tells, idempotent by `key`, delivered by the sender worker through a channel with retries.
    The phone is sealed with the center's field cipher; only its masked form is shown or logged.
    status: waiting (to send, at `next_attempt_at`) / sending (claimed until `lease_until`) / sent / failed
    (a permanent refusal, expiry or too many attempts: `last_error` says which)."""

    __tablename__ = "notify_messages"
    id: Mapped[uuid.UUID] = _id()
    key: Mapped[str] = mapped_column(String(160), unique=True)
    event: Mapped[str] = mapped_column(String(30))
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    phone_enc: Mapped[bytes] = mapped_column(LargeBinary)
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(12), default="waiting")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = _created()
    lease_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    expires_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    channel: Mapped[str | None] = mapped_column(String(20))
    provider_ref: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = _created()
    sent_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime())
    updated_at: Mapped[dt.datetime] = _created()
    __table_args__ = (
        Index("ix_notify_messages_due", "status", "next_attempt_at"),
        Index("ix_notify_messages_created", "created_at"),
        CheckConstraint("status IN ('waiting', 'sending', 'sent', 'failed')", name="notify_status"),
    )


class RateHit(Base):
    """One counted request of a rate-limited kind (SMS codes by phone and by client address …), kept in
    the database so that every center process agrees. `key` is a keyed hash, never a phone in clear;
    rows older than a day are pruned as new ones come."""

    __tablename__ = "rate_hits"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = _created()
    __table_args__ = (Index("ix_rate_hits_key_at", "key", "at"),)
