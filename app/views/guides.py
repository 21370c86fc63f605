"""The service catalog as a terminal reads it from its cache: departments, items with their 办事指南 and
materials, and the name / code / pinyin-initials search the kiosk and the counter share."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.domain.catalog import ITEM_KIND_ZH
from app.domain.search import CatalogIndex
from app.domain.states import ItemKind
from app.domain.workdays import days_text
from app.i18n.messages import Msg, msg
from app.store import models as m


@dataclass(frozen=True)
class GuideMaterial:
    id: uuid.UUID
    name: str
    originals: int
    copies: int
    required: bool
    deferrable: bool
    note: str | None
    source: str


@dataclass(frozen=True)
class GuideItem:
    id: uuid.UUID
    code: str
    name: str
    department: str  # department code (what the search filters on)
    department_name: str
    category: str | None  # queue prefix
    kind: str
    legal_days: int
    promised_days: int
    conditions: str
    legal_basis: str
    process: tuple[str, ...]
    fee: str
    location: str
    hours: str
    visits: int
    consult_phone: str
    complaint_phone: str
    delivery: tuple[str, ...]
    online: bool
    materials: tuple[GuideMaterial, ...] = field(default_factory=tuple)
    faq: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    legal_half_day: bool = False  # the limit is legal_days + half a working day
    promised_half_day: bool = False
    item_type: str = "行政许可"  # 事项类型: 行政许可 / 公共服务 / …
    name_en: str = ""  # the English name the hall gave; "": the Chinese name

    @property
    def kind_zh(self) -> str:
        try:
            return ITEM_KIND_ZH[ItemKind(self.kind)]
        except ValueError:
            return self.kind

    @property
    def time_limit_text(self) -> str:
        if self.promised_half_days <= 0:
            return "即时办结"
        return f"承诺{days_text(self.promised_half_days)}（法定{days_text(self.legal_half_days)}）"

    @property
    def time_limit_msg(self) -> Msg:
        """The time limit as a message (shown in the reader's language)."""
        if self.promised_half_days <= 0:
            return msg("time_limit.instant")

        def days(half_days: int) -> Msg:
            whole, half = divmod(half_days, 2)
            return msg("working_days", days=f"{whole}.5" if half else str(whole))

        return msg("time_limit", promised=days(self.promised_half_days), legal=days(self.legal_half_days))

    @property
    def promised_half_days(self) -> int:
        return self.promised_days * 2 + int(self.promised_half_day)

    @property
    def legal_half_days(self) -> int:
        return self.legal_days * 2 + int(self.legal_half_day)


@dataclass(frozen=True)
class GuideDepartment:
    code: str
    name: str
    short_name: str
    item_count: int


def _steps(raw: list[Any]) -> tuple[str, ...]:
    return tuple(str(x.get("name") or x.get("step") or x) if isinstance(x, dict) else str(x) for x in raw)


def _faq(raw: list[Any]) -> tuple[tuple[str, str], ...]:
    return tuple((str(x.get("q", "")), str(x.get("a", ""))) for x in raw if isinstance(x, dict))


def catalog_signature(s: Session) -> tuple[Any, ...]:
    """What changes when the catalog does (rows added, removed or updated): a terminal rebuilds its search
    index (pinyin of every item) only when this differs from the last one it built."""
    out: list[Any] = []
    for model in (m.Department, m.Category, m.ServiceItem):
        count, latest = s.execute(select(func.count(), func.max(model.updated_at)).select_from(model)).one()
        out += [int(count), str(latest)]
    # materials travel inside their item (its updated_at moves with them); their count catches a removal
    out.append(int(s.scalar(select(func.count()).select_from(m.Material)) or 0))
    return tuple(out)


class GuideCatalog:
    def __init__(self, items: list[GuideItem], departments: list[GuideDepartment]) -> None:
        self.items, self.departments = items, departments
        self._by_code = {it.code: it for it in items}
        self._by_id = {it.id: it for it in items}
        self.index = CatalogIndex(items, {d.code: d.name for d in departments})

    @classmethod
    def load(cls, s: Session) -> GuideCatalog:
        depts = {d.id: d for d in s.scalars(select(m.Department))}
        cats = {c.id: c.prefix for c in s.scalars(select(m.Category))}
        rows = s.scalars(
            select(m.ServiceItem)
            .where(m.ServiceItem.status == "active")
            .options(selectinload(m.ServiceItem.materials))
            .order_by(m.ServiceItem.code)
        ).all()
        items = []
        for r in rows:
            dept = depts.get(r.department_id)
            items.append(
                GuideItem(
                    id=r.id,
                    code=r.code,
                    name=r.name,
                    name_en=r.name_en or "",
                    department=dept.code if dept else "",
                    department_name=dept.name if dept else "",
                    category=cats.get(r.category_id) if r.category_id else None,
                    kind=r.kind.value if hasattr(r.kind, "value") else str(r.kind),
                    legal_days=r.legal_days,
                    promised_days=r.promised_days,
                    legal_half_day=bool(r.legal_half_day),
                    promised_half_day=bool(r.promised_half_day),
                    conditions=r.conditions,
                    legal_basis=r.legal_basis,
                    process=_steps(r.process),
                    fee=r.fee_standard if r.fee_charged else "不收费",
                    location=r.location,
                    hours=r.hours,
                    visits=r.visits,
                    consult_phone=r.consult_phone,
                    complaint_phone=r.complaint_phone,
                    delivery=tuple(str(x) for x in r.delivery),
                    online=r.online,
                    materials=tuple(
                        GuideMaterial(
                            id=mt.id,
                            name=mt.name,
                            originals=mt.originals,
                            copies=mt.copies,
                            required=mt.required,
                            deferrable=mt.deferrable,
                            note=mt.required_note,
                            source=mt.source,
                        )
                        for mt in r.materials
                    ),
                    faq=_faq(r.faq),
                    item_type=r.item_type,
                )
            )
        counts: dict[str, int] = {}
        for it in items:
            counts[it.department] = counts.get(it.department, 0) + 1
        departments = sorted(
            (
                GuideDepartment(d.code, d.name, d.short_name, counts.get(d.code, 0))
                for d in depts.values()
                if counts.get(d.code)
            ),
            key=lambda d: d.code,
        )
        return cls(items, departments)

    def by_code(self, code: str) -> GuideItem | None:
        return self._by_code.get(code)

    def by_id(self, ident: uuid.UUID) -> GuideItem | None:
        return self._by_id.get(ident)

    def of_department(self, code: str) -> list[GuideItem]:
        return [it for it in self.items if it.department == code]

    def search(self, query: str, limit: int = 20, department: str | None = None) -> list[GuideItem]:
        return self.index.search(query, limit=limit, department=department)
