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
from app.domain.states import ItemKind, Role
from app.domain.workdays import WorkdayCalendar
from app.store import models as m
from app.store.calendar_store import seed_package_calendar

log = logging.getLogger("hall.store.seed")

DEMO_PASSWORDS = {"admin": "admin", "manager": "manager", "clerk": "clerk"}


def catalog_loaded(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(m.ServiceItem)))


def load_catalog_into(session: Session, catalog: Catalog) -> dict[str, int]:
    """Insert the catalog's departments, categories, items with materials and windows; publish each to the
    change log so terminals receive them. Refuses to load twice."""
    if catalog_loaded(session):
        raise ValueError("the database already holds a catalog")
    depts: dict[str, m.Department] = {}
    for d in catalog.departments:
        depts[d.code] = m.Department(code=d.code, name=d.name, short_name=d.short_name)
    cats: dict[str, m.Category] = {}
    for c in catalog.categories:
        cats[c.prefix] = m.Category(
            prefix=c.prefix, name=c.name, description=c.description, sort_order=c.sort_order
        )
    session.add_all([*depts.values(), *cats.values()])
    session.flush()
    items = []
    for it in catalog.items:
        item = m.ServiceItem(
            code=it.code,
            name=it.name,
            department_id=depts[it.department].id,
            co_department_codes=list(it.co_departments),
            category_id=cats[it.category].id if it.category else None,
            kind=ItemKind(str(it.kind)),
            legal_basis=it.legal_basis,
            conditions=it.conditions,
            process=list(it.process),
            legal_days=it.legal_days,
            promised_days=it.promised_days,
            special_steps=[_plain(s) for s in it.special_steps],
            fee_charged=it.fee.charged,
            fee_standard=it.fee.standard,
            fee_basis=it.fee.basis,
            location=it.location,
            hours=it.hours,
            visits=it.visits,
            consult_phone=it.consult_phone,
            complaint_phone=it.complaint_phone,
            delivery=list(it.delivery),
            online=it.online,
            faq=[_plain(f) for f in it.faq],
            status=it.status,
        )
        for pos, mat in enumerate(it.materials):
            item.materials.append(
                m.Material(
                    position=pos,
                    name=mat.name,
                    originals=mat.originals,
                    copies=mat.copies,
                    required=mat.required,
                    required_note=mat.required_note,
                    deferrable=mat.deferrable,
                    form=mat.form,
                    source=mat.source,
                    sample=mat.sample,
                )
            )
        items.append(item)
    session.add_all(items)
    windows = []
    for w in catalog.windows:
        window = m.Window(number=w.number, name=w.name, kind=w.kind)
        for pos, prefix in enumerate(w.categories):
            window.categories.append(m.WindowCategory(category_id=cats[prefix].id, position=pos))
        windows.append(window)
    session.add_all(windows)
    session.flush()
    for obj in [*depts.values(), *cats.values(), *items, *windows]:
        publish_reference(session, obj)
    return {"departments": len(depts), "categories": len(cats), "items": len(items), "windows": len(windows)}


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
        if session.scalar(select(m.Staff.id).where(m.Staff.username == st.username)) is not None:
            continue
        role = Role(st.role)
        password = DEMO_PASSWORDS.get(role.value, "clerk")
        if password not in hashes:
            hashes[password] = hash_password(password)
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


def seed_demo(session: Session, catalog: Catalog) -> dict[str, int]:
    counts = {} if catalog_loaded(session) else load_catalog_into(session, catalog)
    if not session.scalar(select(func.count()).select_from(m.CalendarYear)):
        counts["calendar_days"] = seed_calendar(session)
    counts["demo_accounts"] = seed_demo_accounts(session, catalog)
    log.warning("demo data loaded: %s", counts)
    return counts
