"""A center database's (or a terminal cache's) reference data as a `Catalog`, so the same search and
guide code serves the demo file, the center and an offline terminal."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain import catalog as c
from app.store import models as m
from app.store.db import Database


def hall_from_session(s: Session) -> c.Hall | None:
    row = s.get(m.Setting, "hall.info")
    if row is None or not isinstance(row.value, dict):
        return None
    v = row.value
    return c.Hall(*(str(v.get(k) or "") for k in ("name", "code", "address", "hours", "phone", "complaint_phone")))


def catalog_from_session(s: Session, hall: c.Hall | None = None) -> c.Catalog:
    depts = {d.id: d for d in s.scalars(select(m.Department))}
    cats = {k.id: k for k in s.scalars(select(m.Category).order_by(m.Category.sort_order))}
    items = []
    for it in s.scalars(
        select(m.ServiceItem).options(selectinload(m.ServiceItem.materials)).order_by(m.ServiceItem.code)
    ):
        items.append(
            c.ServiceItem(
                code=it.code,
                name=it.name,
                department=depts[it.department_id].code,
                co_departments=tuple(it.co_department_codes or ()),
                category=cats[it.category_id].prefix if it.category_id in cats else "",
                kind=it.kind,
                legal_basis=it.legal_basis,
                conditions=it.conditions,
                process=tuple(it.process or ()),
                legal_days=it.legal_days,
                promised_days=it.promised_days,
                special_steps=tuple(c.SpecialStep(**sp) for sp in it.special_steps or ()),
                fee=c.Fee(it.fee_charged, it.fee_standard, it.fee_basis),
                location=it.location,
                hours=it.hours,
                visits=it.visits,
                consult_phone=it.consult_phone,
                complaint_phone=it.complaint_phone,
                delivery=tuple(it.delivery or ()),
                online=it.online,
                faq=tuple(c.Faq(**f) for f in it.faq or ()),
                status=it.status,
                materials=tuple(
                    c.Material(
                        mt.name,
                        mt.originals,
                        mt.copies,
                        mt.required,
                        mt.required_note,
                        mt.deferrable,
                        mt.form,
                        mt.source,
                        mt.sample,
                        mt.blank_form,
                        mt.commitment,
                    )
                    for mt in it.materials
                ),
                service_object=it.service_object,
                legal_half_day=it.legal_half_day,
                promised_half_day=it.promised_half_day,
                scope=it.scope,
                lists=tuple(it.lists or ()),
                item_type=it.item_type,
                name_en=it.name_en,
            )
        )
    site_rows = {st.id: st for st in s.scalars(select(m.Site).order_by(m.Site.code))}
    windows = tuple(
        c.Window(
            w.number,
            w.name,
            w.kind,
            tuple(cats[wc.category_id].prefix for wc in w.categories),
            tuple(w.spot_items or ()),
            (w.roster or {}).get("A"),
            (w.roster or {}).get("B"),
            site_rows[w.site_id].code if w.site_id in site_rows else None,
        )
        for w in s.scalars(select(m.Window).order_by(m.Window.number))
        if w.active
    )
    staff = tuple(
        c.StaffMember(
            st.username,
            st.full_name,
            st.role.value,
            st.window_number,
            depts[st.department_id].code if st.department_id in depts else None,
        )
        for st in s.scalars(select(m.Staff).order_by(m.Staff.username))
    )
    return c.Catalog(
        hall=hall or hall_from_session(s) or c.Hall("", "", "", "", "", ""),
        departments=tuple(c.Department(d.code, d.name, d.short_name) for d in depts.values()),
        categories=tuple(
            c.Category(k.prefix, k.name, k.description, k.sort_order, k.hours, k.daily_quota, k.cutoff_minutes, k.name_en)
            for k in cats.values()
            if k.active
        ),
        windows=windows,
        staff=staff,
        items=tuple(items),
        sites=tuple(
            c.Site(
                st.code,
                st.name,
                st.level,
                site_rows[st.parent_id].code if st.parent_id in site_rows else None,
                st.hours,
                st.address,
                st.phone,
                tuple(st.items or ()),
            )
            for st in site_rows.values()
            if st.active
        ),
    )


def catalog_from_db(url: str) -> c.Catalog:
    db = Database(url)
    try:
        with db.read_session() as s:
            return catalog_from_session(s)
    finally:
        db.dispose()
