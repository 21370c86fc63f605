"""Write a checked `Catalog` (from a hall workbook) into the center database, by code.

A second import updates what changed and never duplicates: departments by code, categories by prefix,
items by code (their materials by name), sites by code, windows by number, staff by username. What the workbook no
longer lists is never deleted: items are suspended (cases keep their item), windows and categories are
switched off. Every row that changed goes into the change log, so terminals replicate the new data;
an unchanged import writes nothing. One transaction: the caller's session commits it or rolls it back.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from app.center.audit import append_center_event
from app.center.changelog import publish_reference
from app.domain import catalog as c
from app.domain.clock import utcnow
from app.domain.states import ItemKind, Role
from app.store import models as m

HALL_SETTING = "hall.info"
Progress = Callable[[str, int, int], None]


@dataclass
class ImportReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    suspended_items: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    published: int = 0

    def count(self, what: str, outcome: str) -> None:
        bucket: dict[str, int] = getattr(self, outcome)
        bucket[what] = bucket.get(what, 0) + 1

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        parts = []
        for what in ("departments", "categories", "items", "materials", "sites", "windows", "staff"):
            n_new, n_upd = self.created.get(what, 0), self.updated.get(what, 0)
            n_same = self.unchanged.get(what, 0)
            parts.append(f"{what}: {n_new} new, {n_upd} updated, {n_same} unchanged")
        if self.suspended_items:
            parts.append(f"suspended (not in the workbook): {len(self.suspended_items)} item(s)")
        if self.deactivated:
            parts.append("switched off: " + ", ".join(self.deactivated))
        return "; ".join(parts)


def _assign(obj: Any, values: dict[str, Any]) -> bool:
    """Set the attributes that differ; True if any did."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def _plain(obj: Any) -> dict[str, Any]:
    return dict(asdict(obj))


def _item_values(it: c.ServiceItem, dept_id: uuid.UUID, cat_id: uuid.UUID | None) -> dict[str, Any]:
    return {
        "name": it.name,
        "department_id": dept_id,
        "co_department_codes": list(it.co_departments),
        "category_id": cat_id,
        "kind": ItemKind(str(it.kind)),
        "legal_basis": it.legal_basis,
        "conditions": it.conditions,
        "process": list(it.process),
        "legal_days": it.legal_days,
        "promised_days": it.promised_days,
        "legal_half_day": it.legal_half_day,
        "promised_half_day": it.promised_half_day,
        "special_steps": [_plain(s) for s in it.special_steps],
        "fee_charged": it.fee.charged,
        "fee_standard": it.fee.standard,
        "fee_basis": it.fee.basis,
        "location": it.location,
        "hours": it.hours,
        "visits": it.visits,
        "consult_phone": it.consult_phone,
        "complaint_phone": it.complaint_phone,
        "delivery": list(it.delivery),
        "online": it.online,
        "faq": [_plain(f) for f in it.faq],
        "status": it.status,
        "service_object": it.service_object,
        "scope": it.scope,
        "lists": list(it.lists),
        "item_type": it.item_type,
        "name_en": it.name_en,
    }


def _material_values(mat: c.Material, position: int) -> dict[str, Any]:
    return {
        "position": position,
        "originals": mat.originals,
        "copies": mat.copies,
        "required": mat.required,
        "required_note": mat.required_note,
        "deferrable": mat.deferrable,
        "form": mat.form,
        "source": mat.source,
        "sample": mat.sample,
        "blank_form": mat.blank_form,
        "commitment": mat.commitment,
    }


def _sync_materials(s: Session, item: m.ServiceItem, wanted: tuple[c.Material, ...], report: ImportReport) -> bool:
    have = {mt.name: mt for mt in item.materials}
    changed = False
    keep = []
    for pos, mat in enumerate(wanted):
        row = have.pop(mat.name, None)
        if row is None:
            row = m.Material(name=mat.name, **_material_values(mat, pos))
            report.count("materials", "created")
            changed = True
        elif _assign(row, _material_values(mat, pos)):
            report.count("materials", "updated")
            changed = True
        else:
            report.count("materials", "unchanged")
        keep.append(row)
    if have:  # materials no longer listed: cases that recorded them keep the name, not the link
        gone = [mt.id for mt in have.values() if mt.id is not None]
        if gone:
            s.execute(update(m.CaseMaterial).where(m.CaseMaterial.material_id.in_(gone)).values(material_id=None))
        changed = True
    if changed or [mt.name for mt in item.materials] != [mt.name for mt in keep]:
        item.materials[:] = keep
        changed = True
    return changed


def import_catalog(
    s: Session,
    catalog: c.Catalog,
    *,
    with_hall: bool = True,
    actor: str = "import",
    progress: Progress | None = None,
    suspend_missing: bool = True,
) -> ImportReport:
    """Upsert the catalog into the center database; see the module's docstring."""
    report = ImportReport()
    touched: list[m.Base] = []
    now = utcnow()
    total = len(catalog.items)

    def tick(stage: str, done: int, of: int) -> None:
        if progress is not None:
            progress(stage, done, of)

    # departments
    depts = {d.code: d for d in s.scalars(select(m.Department))}
    for d in catalog.departments:
        row: Any = depts.get(d.code)
        values: dict[str, Any] = {"name": d.name, "short_name": d.short_name}
        if row is None:
            row = depts[d.code] = m.Department(code=d.code, **values, updated_at=now)
            s.add(row)
            report.count("departments", "created")
        elif _assign(row, values):
            row.updated_at = now
            report.count("departments", "updated")
        else:
            report.count("departments", "unchanged")
            continue
        touched.append(row)

    # categories
    cats = {k.prefix: k for k in s.scalars(select(m.Category))}
    for k in catalog.categories:
        krow = cats.get(k.prefix)
        values = {
            "name": k.name,
            "name_en": k.name_en,
            "description": k.description,
            "sort_order": k.sort_order,
            "hours": k.hours,
            "daily_quota": k.daily_quota,
            "cutoff_minutes": k.cutoff_minutes,
            "active": True,
        }
        if krow is None:
            krow = cats[k.prefix] = m.Category(prefix=k.prefix, **values, updated_at=now)
            s.add(krow)
            report.count("categories", "created")
        elif _assign(krow, values):
            krow.updated_at = now
            report.count("categories", "updated")
        else:
            report.count("categories", "unchanged")
            continue
        touched.append(krow)
    listed = {k.prefix for k in catalog.categories}
    for prefix, krow in cats.items():
        if prefix not in listed and krow.active and suspend_missing:
            krow.active, krow.updated_at = False, now
            report.deactivated.append(f"category {prefix}")
            touched.append(krow)
    s.flush()
    tick("items", 0, total)

    # items and their materials
    items = {
        it.code: it for it in s.scalars(select(m.ServiceItem).options(selectinload(m.ServiceItem.materials)))
    }
    changed_items: list[m.ServiceItem] = []
    for n, it in enumerate(catalog.items, start=1):
        values = _item_values(it, depts[it.department].id, cats[it.category].id if it.category else None)
        irow = items.get(it.code)
        if irow is None:
            irow = items[it.code] = m.ServiceItem(code=it.code, **values, updated_at=now)
            _sync_materials(s, irow, it.materials, report)
            s.add(irow)
            report.count("items", "created")
            changed_items.append(irow)
        else:
            fields_changed = _assign(irow, values)
            mats_changed = _sync_materials(s, irow, it.materials, report)
            if fields_changed or mats_changed:
                irow.updated_at = now
                report.count("items", "updated")
                changed_items.append(irow)
            else:
                report.count("items", "unchanged")
        if n % 100 == 0:
            tick("items", n, total)
    listed = {it.code for it in catalog.items}
    for code, irow in items.items():
        if code not in listed and irow.status == "active" and suspend_missing:
            irow.status, irow.updated_at = "suspended", now
            report.suspended_items.append(code)
            changed_items.append(irow)
    tick("items", total, total)
    s.flush()

    # staff (before windows: a window's roster names them)
    staff = {st.username: st for st in s.scalars(select(m.Staff))}
    for st in catalog.staff:
        srow = staff.get(st.username)
        values = {
            "full_name": st.full_name,
            "role": Role(st.role),
            "window_number": st.window,
            "department_id": depts[st.department].id if st.department else None,
        }
        if srow is None:
            srow = staff[st.username] = m.Staff(username=st.username, password_hash=None, **values, updated_at=now)
            s.add(srow)
            report.count("staff", "created")
        elif _assign(srow, values):
            srow.updated_at = now
            report.count("staff", "updated")
        else:
            report.count("staff", "unchanged")
            continue
        touched.append(srow)

    # sites (before windows: a window stands in one), parents first
    sites = {st.code: st for st in s.scalars(select(m.Site))}
    for site in sorted(catalog.sites, key=lambda x: c.SITE_LEVELS.index(x.level)):
        strow = sites.get(site.code)
        values = {
            "name": site.name,
            "level": site.level,
            "parent_id": sites[site.parent].id if site.parent else None,
            "hours": site.hours,
            "address": site.address,
            "phone": site.phone,
            "items": list(site.items),
            "active": True,
        }
        if strow is None:
            strow = sites[site.code] = m.Site(code=site.code, **values, updated_at=now)
            s.add(strow)
            s.flush()  # its id, for the sites below it
            report.count("sites", "created")
        elif _assign(strow, values):
            strow.updated_at = now
            report.count("sites", "updated")
        else:
            report.count("sites", "unchanged")
            continue
        touched.append(strow)
    listed = {site.code for site in catalog.sites}
    for code, strow in sites.items():
        if code not in listed and strow.active and suspend_missing:
            strow.active, strow.updated_at = False, now
            report.deactivated.append(f"site {code}")
            touched.append(strow)

    # windows
    windows = {
        w.number: w for w in s.scalars(select(m.Window).options(selectinload(m.Window.categories)))
    }
    for win in catalog.windows:
        wrow = windows.get(win.number)
        roster = {k: v for k, v in (("A", win.post_a), ("B", win.post_b)) if v}
        values = {
            "name": win.name,
            "kind": win.kind,
            "spot_items": list(win.spot_items),
            "roster": roster,
            "active": True,
            "site_id": sites[win.site].id if win.site else None,
        }
        wanted = [cats[p].id for p in win.categories]
        if wrow is None:
            wrow = windows[win.number] = m.Window(number=win.number, **values, updated_at=now)
            wrow.categories = [m.WindowCategory(category_id=cid, position=pos) for pos, cid in enumerate(wanted)]
            s.add(wrow)
            report.count("windows", "created")
        else:
            changed = _assign(wrow, values)
            have = [wc.category_id for wc in sorted(wrow.categories, key=lambda wc: wc.position)]
            if have != wanted:
                wrow.categories.clear()
                s.flush()
                wrow.categories.extend(m.WindowCategory(category_id=cid, position=pos) for pos, cid in enumerate(wanted))
                changed = True
            if not changed:
                report.count("windows", "unchanged")
                continue
            wrow.updated_at = now
            report.count("windows", "updated")
        touched.append(wrow)
    numbers = {win.number for win in catalog.windows}
    for number, wrow in windows.items():
        if number not in numbers and wrow.active and suspend_missing:
            wrow.active, wrow.updated_at = False, now
            report.deactivated.append(f"window {number}")
            touched.append(wrow)

    # the hall's name and code
    if with_hall and catalog.hall.name:
        setting = s.get(m.Setting, HALL_SETTING)
        value = {k: v for k, v in asdict(catalog.hall).items()}
        if setting is None:
            setting = m.Setting(key=HALL_SETTING, value=value)
            s.add(setting)
            touched.append(setting)
        elif setting.value != value:
            setting.value, setting.updated_at = value, now
            touched.append(setting)

    s.flush()
    for obj in [*touched, *changed_items]:
        publish_reference(s, obj)
    report.published = len(touched) + len(changed_items)
    append_center_event(
        s,
        actor,
        "catalog.import",
        object_type="catalog",
        detail={"created": report.created, "updated": report.updated, "suspended": len(report.suspended_items)},
    )
    return report
