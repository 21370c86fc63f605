"""Administration (admin role): staff, windows and their A/B posts, categories' hours and quotas, items'
status, and the hall workbook (import, export). Every change is audited and published to the terminals.
Terminal approval and ID-card registration stay where they are (routes_auth)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.center.access import announce_change, staff_key
from app.center.api_errors import ApiError
from app.center.audit import append_center_event
from app.center.changelog import publish_reference
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.hall_init import PasswordPolicyError, check_password_policy
from app.center.security import Principal, hash_password
from app.domain.opening import HoursError, parse_hours
from app.domain.states import Role
from app.i18n.messages import code_and_params, msg
from app.store import models as m

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _audit(s: Session, who: Principal, action: str, kind: str, ref: str, detail: dict[str, Any]) -> None:
    append_center_event(s, who.subject, action, object_type=kind, object_id=ref, detail=detail)


# ----------------------------------------------------------------- staff


class StaffOut(BaseModel):
    username: str
    full_name: str
    role: str
    window: int | None
    department: str | None
    active: bool
    has_password: bool
    has_card: bool


def _staff_out(st: m.Staff, depts: dict[Any, str]) -> StaffOut:
    return StaffOut(
        username=st.username,
        full_name=st.full_name,
        role=st.role.value,
        window=st.window_number,
        department=depts.get(st.department_id),
        active=st.active,
        has_password=bool(st.password_hash),
        has_card=bool(st.id_number_hash),
    )


def _depts(s: Session) -> dict[Any, str]:
    return {d.id: d.code for d in s.scalars(select(m.Department))}


def _find_staff(s: Session, username: str) -> m.Staff:
    st = s.scalar(select(m.Staff).where(m.Staff.username == username))
    if st is None:
        raise ApiError(404, "not_found", f"no staff member {username!r}")
    return st


@router.get("/staff", response_model=list[StaffOut])
def list_staff(_: Principal = Depends(require("admin")), s: Session = Depends(read_db)) -> list[StaffOut]:
    depts = _depts(s)
    return [_staff_out(st, depts) for st in s.scalars(select(m.Staff).order_by(m.Staff.username))]


class StaffIn(BaseModel):
    username: str = Field(min_length=2, max_length=40, pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$")
    full_name: str = Field(min_length=1, max_length=50)
    role: Literal["clerk", "manager", "admin", "backoffice"]
    window: int | None = Field(None, ge=1, le=999)
    department: str | None = Field(None, max_length=32)
    password: str | None = Field(None, max_length=200)


@router.post("/staff", response_model=StaffOut, status_code=201)
def add_staff(body: StaffIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)) -> StaffOut:
    with c.db.write_session() as s:
        if s.scalar(select(m.Staff.id).where(m.Staff.username == body.username)) is not None:
            raise ApiError(409, "exists", f"staff member {body.username!r} exists already")
        depts = _depts(s)
        dept_id = next((k for k, v in depts.items() if v == body.department), None)
        if body.department and dept_id is None:
            raise ApiError(422, "unknown_department", f"no department {body.department!r}")
        if body.role == "backoffice" and dept_id is None:
            raise ApiError(422, "department_required", msg("department_required"))
        st = m.Staff(
            username=body.username,
            full_name=body.full_name,
            role=Role(body.role),
            window_number=body.window,
            department_id=dept_id,
        )
        if body.password:
            _set_password(st, body.password)
        s.add(st)
        s.flush()
        publish_reference(s, st)
        _audit(s, who, "staff.add", "staff", body.username, {"role": body.role, "window": body.window})
        return _staff_out(st, depts)


def _set_password(st: m.Staff, password: str) -> None:
    try:
        check_password_policy(password, st.username)
    except PasswordPolicyError as exc:
        raise ApiError(422, "weak_password", exc.as_msg) from exc
    st.password_hash = hash_password(password)


class PasswordIn(BaseModel):
    password: str = Field(min_length=1, max_length=200)


@router.post("/staff/{username}/password", response_model=StaffOut)
def reset_password(
    username: str, body: PasswordIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> StaffOut:
    with c.db.write_session() as s:
        st = _find_staff(s, username)
        _set_password(st, body.password)
        _audit(s, who, "staff.password_reset", "staff", username, {})
        return _staff_out(st, _depts(s))


class ActiveIn(BaseModel):
    active: bool


@router.post("/staff/{username}/active", response_model=StaffOut)
def set_staff_active(
    username: str, body: ActiveIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> StaffOut:
    with c.db.write_session() as s:
        st = _find_staff(s, username)
        if not body.active and st.username == who.subject:
            raise ApiError(409, "self", "an admin cannot disable their own account")
        st.active = body.active
        s.flush()
        publish_reference(s, st)
        announce_change(c.bus, s, staff_key(st.id))  # every center process re-reads this account at once
        _audit(s, who, "staff.enable" if body.active else "staff.disable", "staff", username, {})
        return _staff_out(st, _depts(s))


# ----------------------------------------------------------------- windows


class WindowOut(BaseModel):
    number: int
    name: str
    categories: list[str]
    post_a: str | None
    post_b: str | None
    spot_items: list[str]
    active: bool
    site: str | None = None  # the code of the site it stands in (None: the center's own hall)


def _window_out(w: m.Window, prefixes: dict[Any, str], sites: dict[Any, str]) -> WindowOut:
    return WindowOut(
        number=w.number,
        name=w.name,
        categories=[prefixes[wc.category_id] for wc in sorted(w.categories, key=lambda wc: wc.position)],
        post_a=(w.roster or {}).get("A"),
        post_b=(w.roster or {}).get("B"),
        spot_items=list(w.spot_items or ()),
        active=w.active,
        site=sites.get(w.site_id) if w.site_id else None,
    )


def _site_codes(s: Session) -> dict[Any, str]:
    return {st.id: st.code for st in s.scalars(select(m.Site))}


def _prefixes(s: Session) -> dict[Any, str]:
    return {k.id: k.prefix for k in s.scalars(select(m.Category))}


@router.get("/windows", response_model=list[WindowOut])
def list_windows(_: Principal = Depends(require("admin")), s: Session = Depends(read_db)) -> list[WindowOut]:
    prefixes, sites = _prefixes(s), _site_codes(s)
    rows = s.scalars(select(m.Window).options(selectinload(m.Window.categories)).order_by(m.Window.number))
    return [_window_out(w, prefixes, sites) for w in rows]


# ----------------------------------------------------------------- sites (县、乡、村)


class SiteOut(BaseModel):
    code: str
    name: str
    level: Literal["county", "township", "village"]
    parent: str | None
    hours: str
    address: str
    phone: str
    items: list[str]  # item codes it may accept; [] = every item
    windows: list[int]  # the numbers of its active windows
    active: bool


@router.get("/sites", response_model=list[SiteOut])
def list_sites(_: Principal = Depends(require("manager")), s: Session = Depends(read_db)) -> list[SiteOut]:
    """The three-level service system as loaded from the hall workbook's 站点 sheet, parents first."""
    rows = list(s.scalars(select(m.Site)))
    codes = {st.id: st.code for st in rows}
    windows: dict[Any, list[int]] = {}
    for number, site_id in s.execute(
        select(m.Window.number, m.Window.site_id).where(m.Window.active.is_(True)).order_by(m.Window.number)
    ):
        windows.setdefault(site_id, []).append(number)
    order = {"county": 0, "township": 1, "village": 2}
    return [
        SiteOut(
            code=st.code,
            name=st.name,
            level=st.level,
            parent=codes.get(st.parent_id) if st.parent_id else None,
            hours=st.hours,
            address=st.address,
            phone=st.phone,
            items=list(st.items or ()),
            windows=windows.get(st.id, []),
            active=st.active,
        )
        for st in sorted(rows, key=lambda st: (order.get(st.level, 3), st.code))
    ]


class WindowIn(BaseModel):
    categories: list[str] = Field(min_length=1, max_length=26)
    post_a: str | None = Field(None, max_length=40)
    post_b: str | None = Field(None, max_length=40)
    active: bool = True


@router.put("/windows/{number}", response_model=WindowOut)
def update_window(
    number: int, body: WindowIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> WindowOut:
    with c.db.write_session() as s:
        w = s.scalar(select(m.Window).where(m.Window.number == number))
        if w is None:
            raise ApiError(404, "not_found", f"no window {number}")
        by_prefix = {v: k for k, v in _prefixes(s).items()}
        unknown = [p for p in body.categories if p not in by_prefix]
        if unknown:
            raise ApiError(422, "unknown_category", f"unknown categories: {', '.join(unknown)}")
        for post in (body.post_a, body.post_b):
            if post:
                _find_staff(s, post)
        w.categories.clear()
        s.flush()
        w.categories.extend(m.WindowCategory(category_id=by_prefix[p], position=i) for i, p in enumerate(body.categories))
        w.roster = {k: v for k, v in (("A", body.post_a), ("B", body.post_b)) if v}
        w.active = body.active
        s.flush()
        publish_reference(s, w)
        _audit(s, who, "window.update", "window", str(number), body.model_dump())
        return _window_out(w, _prefixes(s), _site_codes(s))


# ----------------------------------------------------------------- categories


class CategoryOut(BaseModel):
    prefix: str
    name: str
    hours: str
    daily_quota: int | None
    cutoff_minutes: int
    active: bool


class CategoryIn(BaseModel):
    hours: str = Field("", max_length=100)
    daily_quota: int | None = Field(None, ge=1, le=9999)
    cutoff_minutes: int = Field(0, ge=0, le=240)
    active: bool = True


def _category_out(k: m.Category) -> CategoryOut:
    return CategoryOut(
        prefix=k.prefix, name=k.name, hours=k.hours, daily_quota=k.daily_quota, cutoff_minutes=k.cutoff_minutes, active=k.active
    )


@router.get("/categories", response_model=list[CategoryOut])
def list_categories(_: Principal = Depends(require("admin")), s: Session = Depends(read_db)) -> list[CategoryOut]:
    return [_category_out(k) for k in s.scalars(select(m.Category).order_by(m.Category.sort_order))]


@router.put("/categories/{prefix}", response_model=CategoryOut)
def update_category(
    prefix: str, body: CategoryIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> CategoryOut:
    try:
        parse_hours(body.hours)
    except HoursError as exc:
        raise ApiError(422, "bad_hours", exc.args[0]) from exc
    with c.db.write_session() as s:
        k = s.scalar(select(m.Category).where(m.Category.prefix == prefix))
        if k is None:
            raise ApiError(404, "not_found", f"no category {prefix!r}")
        k.hours, k.daily_quota, k.cutoff_minutes, k.active = body.hours, body.daily_quota, body.cutoff_minutes, body.active
        s.flush()
        publish_reference(s, k)
        _audit(s, who, "category.update", "category", prefix, body.model_dump())
        return _category_out(k)


# ----------------------------------------------------------------- items


class ItemStatusIn(BaseModel):
    status: Literal["active", "suspended", "cancelled"]
    reason: str = Field("", max_length=200)


@router.post("/items/{code}/status")
def set_item_status(
    code: str, body: ItemStatusIn, who: Principal = Depends(require("admin")), c: CenterContext = Depends(ctx)
) -> dict[str, str]:
    """Suspend or cancel an item (never deleted: its cases keep it), or put it back in use."""
    with c.db.write_session() as s:
        item = s.scalar(select(m.ServiceItem).options(selectinload(m.ServiceItem.materials)).where(m.ServiceItem.code == code))
        if item is None:
            raise ApiError(404, "not_found", f"no item {code!r}")
        before = item.status
        item.status = body.status
        s.flush()
        publish_reference(s, item)
        _audit(s, who, f"item.{body.status}", "service_item", code, {"from": before, "reason": body.reason})
        return {"code": code, "status": item.status}


# ----------------------------------------------------------------- the hall workbook


@router.post("/import", responses={422: {"description": "the bad cells, nothing written"}})
async def import_workbook(
    request: Request,
    dry_run: bool = Query(False, description="check only"),
    who: Principal = Depends(require("admin")),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """Import a hall workbook sent as the request body (.xlsx bytes): all checked first, all or nothing."""
    from app.center.catalog_import import import_catalog
    from app.workbook.reader import WorkbookError, read_workbook

    data = await request.body()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "upload.xlsx"
        path.write_bytes(data)
        try:
            parsed = read_workbook(path)
        except WorkbookError as exc:
            raise ApiError(422, "invalid_workbook", exc.message_for("workbook")) from exc
    # the warnings as English text, and as messages for a reader in another language
    warnings = {"warnings": [str(w) for w in parsed.warnings], "warning_msgs": [_as_param(w) for w in parsed.warnings]}
    if dry_run:
        return {"valid": True, "items": len(parsed.catalog.items), **warnings}
    with c.db.write_session() as s:
        report = import_catalog(s, parsed.catalog, actor=who.subject)
    return {"valid": True, **warnings, **report.as_dict()}


def _as_param(text: str) -> dict[str, Any]:
    code, params = code_and_params(text)
    return {"code": code, "params": params}


@router.get("/export", response_class=Response, responses={200: {"content": {XLSX: {}}}})
def export_workbook(_: Principal = Depends(require("admin")), s: Session = Depends(read_db)) -> Response:
    from app.store.catalog_export import catalog_from_session
    from app.workbook.writer import write_workbook

    with tempfile.TemporaryDirectory() as tmp:
        path = write_workbook(catalog_from_session(s), Path(tmp) / "hall.xlsx")
        return Response(path.read_bytes(), media_type=XLSX)
