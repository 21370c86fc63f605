"""Loading reference data into a center database: a catalog file (the demo hall's by default), the
working-day calendar of the years the package knows, and, for demos and tests only, demo accounts."""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.center.changelog import publish_reference
from app.center.security import hash_password
from app.domain.catalog import Catalog
from app.domain.states import Role
from app.domain.workdays import WorkdayCalendar
from app.store import models as m
from app.store.calendar_store import seed_package_calendar

log = logging.getLogger("hall.store.seed")

DEMO_PASSWORDS = {"admin": "admin", "manager": "manager", "clerk": "clerk", "backoffice": "backoffice"}


def catalog_loaded(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(m.ServiceItem)))


def load_catalog_into(session: Session, catalog: Catalog) -> dict[str, int]:
    """Load a catalog into an empty center database through the one import path (`hall import`).
    Refuses to load twice: a second load is an import (`hall import`), which updates by code."""
    from app.center.catalog_import import import_catalog

    if catalog_loaded(session):
        raise ValueError("the database already holds a catalog")
    report = import_catalog(session, catalog, actor="seed")
    return {
        key: report.created.get(key, 0) + report.updated.get(key, 0) + report.unchanged.get(key, 0)
        for key in ("departments", "categories", "items", "windows")
    }


def _plain(obj: Any) -> dict[str, Any]:
    return dict(asdict(obj)) if hasattr(obj, "__dataclass_fields__") else dict(obj)


def seed_calendar(session: Session) -> int:
    years = sorted(WorkdayCalendar.from_sources().known_years())
    n = seed_package_calendar(session, years)
    for row in session.scalars(select(m.CalendarYear)):
        publish_reference(session, row)
    for day in session.scalars(select(m.CalendarDay)):
        publish_reference(session, day)
    return n


def seed_demo_accounts(session: Session, catalog: Catalog) -> int:
    """admin/admin, manager/manager, clerkNN/clerk (clerkNN at window NN): for demos and tests only."""
    depts = {d.code: d.id for d in session.scalars(select(m.Department))}
    hashes: dict[str, str] = {}
    count = 0
    for st in catalog.staff:
        role = Role(st.role)
        password = DEMO_PASSWORDS.get(role.value, "clerk")
        existing = session.scalar(select(m.Staff).where(m.Staff.username == st.username))
        if existing is not None and existing.password_hash:
            continue
        if password not in hashes:
            hashes[password] = hash_password(password)
        if existing is not None:  # imported from the workbook without a password: the demo gives one
            existing.password_hash, existing.is_demo = hashes[password], True
            publish_reference(session, existing)
            count += 1
            continue
        staff = m.Staff(
            username=st.username,
            full_name=st.full_name,
            role=role,
            password_hash=hashes[password],
            window_number=st.window,
            department_id=depts.get(st.department) if st.department else None,
            is_demo=True,
        )
        session.add(staff)
        session.flush()
        publish_reference(session, staff)
        count += 1
    return count


def backoffice_username(department_code: str) -> str:
    return f"bo_{department_code.lower()}"


def seed_backoffice_accounts(session: Session) -> int:
    """One demo back-office account per department: bo_<code>/backoffice (e.g. bo_scjg, bo_swj)."""
    password: str | None = None
    count = 0
    for dept in session.scalars(select(m.Department).order_by(m.Department.code)):
        username = backoffice_username(dept.code)
        if session.scalar(select(m.Staff.id).where(m.Staff.username == username)) is not None:
            continue
        password = password or hash_password(DEMO_PASSWORDS["backoffice"])
        staff = m.Staff(
            username=username,
            full_name=f"{dept.short_name}审批员",
            role=Role.BACKOFFICE,
            password_hash=password,
            department_id=dept.id,
            is_demo=True,
        )
        session.add(staff)
        session.flush()
        publish_reference(session, staff)
        count += 1
    return count


def seed_demo(session: Session, catalog: Catalog) -> dict[str, int]:
    """The demo hall: its catalog through the same import as a real hall's workbook, the calendar, and the
    demo accounts. A demo is shown at any hour, so its categories take tickets around the clock."""
    counts = {} if catalog_loaded(session) else load_catalog_into(session, catalog)
    for cat in session.scalars(select(m.Category).where(m.Category.hours != "")):
        cat.hours, cat.daily_quota, cat.cutoff_minutes = "", None, 0
        publish_reference(session, cat)
    if not session.scalar(select(func.count()).select_from(m.CalendarYear)):
        counts["calendar_days"] = seed_calendar(session)
    counts["demo_accounts"] = seed_demo_accounts(session, catalog)
    counts["backoffice_accounts"] = seed_backoffice_accounts(session)
    log.warning("demo data loaded: %s", counts)
    return counts
