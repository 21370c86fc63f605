"""The service catalog (事项目录) as plain data: departments, queue categories, windows, staff and the
service items with every field of their guide (办事指南). Loaded from a JSON file (the demo hall's by
default) and converted into database rows by the center's seeding; independent of SQLAlchemy."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.states import ItemKind
from app.errors import ConfigError
from app.paths import resource

ITEM_KIND_ZH = {
    ItemKind.IMMEDIATE: "即办件",
    ItemKind.PROMISED: "承诺件",
    ItemKind.JOINT: "联办件",
    ItemKind.REPORTED: "上报件",
}
ITEM_TYPES = ("行政许可", "公共服务", "行政确认", "行政给付", "其他行政权力")
DELIVERY_ZH = {"window": "窗口领取", "express": "免费邮寄"}
FORM_ZH = {"paper": "纸质", "electronic": "电子", "both": "纸质或电子"}


@dataclass(frozen=True)
class Hall:
    name: str
    code: str
    address: str
    hours: str
    phone: str
    complaint_phone: str


@dataclass(frozen=True)
class Department:
    code: str
    name: str
    short_name: str


@dataclass(frozen=True)
class Category:
    prefix: str
    name: str
    description: str
    sort_order: int
    hours: str = ""  # opening hours on working days, "09:00-12:00,13:30-17:30"; empty: no limit
    daily_quota: int | None = None
    cutoff_minutes: int = 0  # tickets stop this many minutes before each closing
    name_en: str = ""  # the English name shown in English mode; "": the Chinese name


@dataclass(frozen=True)
class Window:
    number: int
    name: str
    kind: str
    categories: tuple[str, ...]
    spot_items: tuple[str, ...] = ()  # item codes this window may decide on the spot (马上办)
    post_a: str | None = None  # A/B岗: the username of the A post and of its B stand-in
    post_b: str | None = None
    site: str | None = None  # the code of the site it stands in (None: the center's own hall)


SITE_LEVELS = ("county", "township", "village")  # 县级中心 → 乡镇（街道）便民服务中心 → 村（社区）代办点
SITE_LEVEL_ZH = {"county": "县级政务服务中心", "township": "乡镇（街道）便民服务中心", "village": "村（社区）便民服务站"}


@dataclass(frozen=True)
class Site:
    """A place of the three-level service system (县、乡、村三级): the county center, a township hall or a
    village point, with the items it may accept (empty: every item of the catalog)."""

    code: str
    name: str
    level: str  # one of SITE_LEVELS
    parent: str | None = None  # the code of the site one level up (None: the county center)
    hours: str = ""
    address: str = ""
    phone: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class StaffMember:
    username: str
    full_name: str
    role: str
    window: int | None
    department: str | None


@dataclass(frozen=True)
class Fee:
    charged: bool
    standard: str
    basis: str | None


@dataclass(frozen=True)
class SpecialStep:
    name: str
    max_days: int


@dataclass(frozen=True)
class Faq:
    q: str
    a: str


@dataclass(frozen=True)
class Material:
    name: str
    originals: int
    copies: int
    required: bool
    required_note: str | None
    deferrable: bool
    form: str
    source: str
    sample: str | None
    blank_form: str | None = None
    commitment: bool = False  # may be replaced by a written commitment (告知承诺)


@dataclass(frozen=True)
class ServiceItem:
    code: str
    name: str
    department: str
    co_departments: tuple[str, ...]
    category: str
    kind: ItemKind
    legal_basis: str
    conditions: str
    process: tuple[str, ...]
    legal_days: int
    promised_days: int
    special_steps: tuple[SpecialStep, ...]
    fee: Fee
    location: str
    hours: str
    visits: int
    consult_phone: str
    complaint_phone: str
    delivery: tuple[str, ...]
    online: bool
    faq: tuple[Faq, ...]
    status: str
    materials: tuple[Material, ...]
    service_object: str = ""  # 服务对象
    legal_half_day: bool = False  # the legal limit is legal_days + ½ working day
    promised_half_day: bool = False
    scope: str = ""  # 通办范围
    lists: tuple[str, ...] = ()  # 最多跑一次, 马上办, 告知承诺 …
    item_type: str = "行政许可"  # 事项类型: decides the notices' legal wording (ITEM_TYPES)
    name_en: str = ""  # the English name shown in English mode; "": the Chinese name

    @property
    def legal_half_days(self) -> int:
        return self.legal_days * 2 + int(self.legal_half_day)

    @property
    def promised_half_days(self) -> int:
        return self.promised_days * 2 + int(self.promised_half_day)

    @property
    def kind_zh(self) -> str:
        return ITEM_KIND_ZH[self.kind]


@dataclass(frozen=True)
class Catalog:
    hall: Hall
    departments: tuple[Department, ...]
    categories: tuple[Category, ...]
    windows: tuple[Window, ...]
    staff: tuple[StaffMember, ...]
    items: tuple[ServiceItem, ...]
    sites: tuple[Site, ...] = ()
    _by_code: dict[str, ServiceItem] = field(default_factory=dict, compare=False, repr=False)

    def item(self, code: str) -> ServiceItem:
        if not self._by_code:
            self._by_code.update({i.code: i for i in self.items})
        try:
            return self._by_code[code]
        except KeyError:
            raise ConfigError(f"no service item with code {code!r}") from None

    def department(self, code: str) -> Department:
        for d in self.departments:
            if d.code == code:
                return d
        raise ConfigError(f"no department {code!r}")


def default_catalog_path() -> Path:
    return resource("catalog", "demo_hall.json")


def load_catalog(path: Path | None = None) -> Catalog:
    """Read and check a catalog file; a malformed one is a ConfigError naming the file and the record."""
    path = path or default_catalog_path()
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"catalog file not found: {path}") from None
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"catalog file {path} is not valid JSON: {exc}") from None
    where = "hall"
    try:
        hall = Hall(**raw["hall"])
        departments = tuple(Department(**d) for d in raw["departments"])
        categories = tuple(Category(**c) for c in raw["categories"])
        windows = tuple(
            Window(w["number"], w["name"], w["kind"], tuple(w["categories"])) for w in raw["windows"]
        )
        staff = tuple(StaffMember(**s) for s in raw["staff"])
        items = []
        for i, it in enumerate(raw["items"]):
            where = f"item {i} ({it.get('name', '?')})"
            items.append(_item(it))
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"catalog file {path}: {where} is malformed: {exc!r}") from None
    catalog = Catalog(hall, departments, categories, windows, staff, tuple(items))
    problems = validate(catalog)
    if problems:
        raise ConfigError(f"catalog file {path} is inconsistent: " + "; ".join(problems[:5]))
    return catalog


def _item(it: dict[str, Any]) -> ServiceItem:
    return ServiceItem(
        code=it["code"],
        name=it["name"],
        department=it["department"],
        co_departments=tuple(it["co_departments"]),
        category=it["category"],
        kind=ItemKind(it["kind"]),
        legal_basis=it["legal_basis"],
        conditions=it["conditions"],
        process=tuple(it["process"]),
        legal_days=int(it["legal_days"]),
        promised_days=int(it["promised_days"]),
        special_steps=tuple(SpecialStep(**s) for s in it["special_steps"]),
        fee=Fee(**it["fee"]),
        location=it["location"],
        hours=it["hours"],
        visits=int(it["visits"]),
        consult_phone=it["consult_phone"],
        complaint_phone=it["complaint_phone"],
        delivery=tuple(it["delivery"]),
        online=bool(it["online"]),
        faq=tuple(Faq(**f) for f in it["faq"]),
        status=it["status"],
        materials=tuple(Material(**m) for m in it["materials"]),
        item_type=_item_type(it.get("item_type", "行政许可")),
        name_en=str(it.get("name_en") or ""),
    )


def _item_type(v: str) -> str:
    if v not in ITEM_TYPES:
        raise ValueError(f"item_type {v!r} is not one of {', '.join(ITEM_TYPES)}")
    return v


def validate(c: Catalog) -> list[str]:
    """Every reference resolves, codes are unique, promised ≤ legal, every category has ≥ 2 windows."""
    problems = []
    depts = {d.code for d in c.departments}
    prefixes = {cat.prefix for cat in c.categories}
    codes: set[str] = set()
    for it in c.items:
        if it.code in codes:
            problems.append(f"duplicate item code {it.code}")
        codes.add(it.code)
        if it.department not in depts or not set(it.co_departments) <= depts:
            problems.append(f"{it.name}: unknown department")
        if it.category not in prefixes:
            problems.append(f"{it.name}: unknown category {it.category}")
        if it.legal_half_days and it.promised_half_days > it.legal_half_days:
            problems.append(f"{it.name}: promised {it.promised_days} > legal {it.legal_days} days")
        if it.status not in ("active", "suspended", "cancelled"):
            problems.append(f"{it.name}: unknown status {it.status}")
        if not it.materials:
            problems.append(f"{it.name}: no materials")
    for prefix in prefixes:
        serving = [w.number for w in c.windows if prefix in w.categories]
        if len(serving) < 2:
            problems.append(f"category {prefix} is served by {len(serving)} window(s); A/B posts need 2")
    for w in c.windows:
        if not set(w.categories) <= prefixes:
            problems.append(f"window {w.number}: unknown category")
    return problems
