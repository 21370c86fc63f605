"""Read a hall workbook into a `Catalog`, checking every cell first.

Nothing is half-read: either every sheet, row and reference is valid and a `Catalog` comes back, or a
`WorkbookError` lists every bad cell with its sheet, row, column and reason.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from app.domain import catalog as c
from app.domain.opening import HoursError, parse_hours
from app.domain.states import ItemKind
from app.errors import HallError
from app.workbook import schema as w

_SPLIT = re.compile(r"\s*[、;；,，\n→]\s*")


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int | None
    column: str | None  # the column letter
    header: str | None
    reason: str

    def __str__(self) -> str:
        where = self.sheet or "文件"
        if self.row is not None:
            where += f"!{self.column or ''}{self.row}"
        if self.header:
            where += f"（{self.header}）"
        return f"{where}：{self.reason}"


class WorkbookError(HallError):
    def __init__(self, path: Path, errors: list[CellError]) -> None:
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors[:200])
        more = f"\n  … and {len(errors) - 200} more" if len(errors) > 200 else ""
        super().__init__(
            f"{path}: {len(errors)} problem(s), nothing was written / 工作簿有 {len(errors)} 处错误，未写入任何数据：\n"
            f"{lines}{more}",
            code="invalid_workbook",
        )


@dataclass
class Row:
    sheet: w.Sheet
    number: int
    values: dict[str, Any]
    letters: dict[str, str]

    def ref(self, key: str) -> tuple[str, int, str, str]:
        col = self.sheet.column(key)
        return self.sheet.name, self.number, self.letters.get(key, ""), col.header


@dataclass(frozen=True)
class ParsedWorkbook:
    catalog: c.Catalog
    has_hall: bool
    warnings: tuple[str, ...]


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.errors: list[CellError] = []
        self.warnings: list[str] = []
        self.sheet_names: set[str] = set()

    def error(self, sheet: str, row: int | None, letter: str | None, header: str | None, reason: str) -> None:
        self.errors.append(CellError(sheet, row, letter, header, reason))

    def cell_error(self, row: Row, key: str, reason: str) -> None:
        self.error(*row.ref(key), reason)

    # ------------------------------------------------------------------ cells

    def convert(self, col: w.Column, raw: Any) -> Any:
        """A cell's value in the column's kind; raises ValueError with the reason."""
        if isinstance(raw, str):
            raw = raw.strip()
        if raw is None or raw == "":
            if col.required:
                raise ValueError("必填，不能为空 / required")
            return None
        if col.kind == "text":
            if isinstance(raw, float) and raw.is_integer():
                return str(int(raw))
            if isinstance(raw, dt.datetime | dt.date | dt.time):
                raise ValueError("应为文字，不是日期 / text expected, not a date")
            return str(raw)
        if col.kind == "int":
            if isinstance(raw, bool):
                raise ValueError("应为整数 / a whole number expected")
            try:
                number = float(raw)
            except (TypeError, ValueError):
                raise ValueError(f"“{raw}”不是整数 / {raw!r} is not a whole number") from None
            if not number.is_integer() or number < 0:
                raise ValueError(f"“{raw}”不是非负整数 / {raw!r} is not a non-negative whole number")
            return int(number)
        if col.kind == "days":
            try:
                number = float(raw)
            except (TypeError, ValueError):
                raise ValueError(f"“{raw}”不是工作日数 / {raw!r} is not a number of working days") from None
            if number < 0 or (number * 2) != int(number * 2):
                raise ValueError(f"“{raw}”应为整数或半天（如 2.5）/ whole or half working days expected")
            return int(number * 2)  # half days
        if col.kind == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in ("是", "y", "yes", "true", "1"):
                return True
            if text in ("否", "n", "no", "false", "0"):
                return False
            raise ValueError(f"“{raw}”应为 是 或 否 / yes or no expected")
        if col.kind == "choice":
            text = str(raw)
            if text in col.choices:
                return col.choices[text]
            if text in col.choices.values():
                return text
            raise ValueError(f"“{text}”不是 {'、'.join(col.choices)} 之一 / not one of the allowed values")
        if col.kind == "list":
            parts = [p for p in _SPLIT.split(str(raw)) if p]
            if col.choices:
                out = []
                for p in parts:
                    if p in col.choices:
                        out.append(col.choices[p])
                    elif p in col.choices.values():
                        out.append(p)
                    else:
                        raise ValueError(f"“{p}”不是 {'、'.join(col.choices)} 之一 / not an allowed value")
                return tuple(out)
            return tuple(parts)
        if col.kind == "hours":
            try:
                parse_hours(str(raw))
            except HoursError as exc:
                raise ValueError(str(exc)) from None
            return str(raw)
        if col.kind == "steps":
            steps = []
            for p in re.split(r"\s*[;；\n]\s*", str(raw)):
                if not p:
                    continue
                match = re.fullmatch(r"(.+?)\s*[:：]\s*(\d+)", p)
                if not match:
                    raise ValueError(f"“{p}”应写作 环节名:天数 / step {p!r} must be name:days")
                steps.append(c.SpecialStep(match.group(1), int(match.group(2))))
            return tuple(steps)
        raise AssertionError(col.kind)

    # ------------------------------------------------------------------ sheets

    def sheet_rows(self, book: Any, sheet: w.Sheet) -> list[Row]:
        if sheet.name not in book.sheetnames:
            if sheet.required:
                self.error(sheet.name, None, None, None, "缺少工作表 / the sheet is missing")
            return []
        ws = book[sheet.name]
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            self.error(sheet.name, 1, None, None, "缺少表头行 / the header row is missing")
            return []
        by_header = {col.header: col for col in sheet.columns}
        positions: dict[str, int] = {}
        letters: dict[str, str] = {}
        for index, title in enumerate(header):
            if title is None or str(title).strip() == "":
                continue
            title = str(title).strip()
            col = by_header.get(title)
            if col is None:
                self.error(sheet.name, 1, get_column_letter(index + 1), title, "未知的列 / unknown column")
                continue
            if col.key in positions:
                self.error(sheet.name, 1, get_column_letter(index + 1), title, "列重复 / duplicate column")
                continue
            positions[col.key], letters[col.key] = index, get_column_letter(index + 1)
        for col in sheet.columns:
            if col.required and col.key not in positions:
                self.error(sheet.name, 1, None, col.header, "缺少必填列 / a required column is missing")
        out = []
        for number, values in enumerate(rows, start=2):
            if values is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            parsed: dict[str, Any] = {}
            for col in sheet.columns:
                pos = positions.get(col.key)
                raw = values[pos] if pos is not None and pos < len(values) else None
                if pos is None and not col.required:
                    parsed[col.key] = None
                    continue
                try:
                    parsed[col.key] = self.convert(col, raw)
                except ValueError as exc:
                    self.error(sheet.name, number, letters.get(col.key), col.header, str(exc))
                    parsed[col.key] = None
            out.append(Row(sheet, number, parsed, letters))
        return out

    def unique(self, rows: list[Row], key: str, what: str) -> dict[Any, Row]:
        seen: dict[Any, Row] = {}
        for r in rows:
            value = r.values[key]
            if value is None:
                continue
            if value in seen:
                self.cell_error(r, key, f"{what}“{value}”重复（第 {seen[value].number} 行已有）/ duplicate {value}")
            else:
                seen[value] = r
        return seen

    def check_sites(self, rows: list[Row], items: dict[Any, Row]) -> dict[Any, Row]:
        """The 站点 sheet: one county center at the top, each township under the county, each village point
        under a township or the county, every listed item in the catalog."""
        sites = self.unique(rows, "code", "站点编码")
        allowed_parents = {"county": (None,), "township": ("county",), "village": ("township", "county")}
        counties = [r for r in sites.values() if r.values["level"] == "county"]
        if sites and len(counties) != 1:
            self.error(w.SITES.name, None, None, None, f"应有且只有一个县级中心，现有 {len(counties)} 个 / exactly one county center expected")
        for r in sites.values():
            v = r.values
            if v["level"] is None:
                continue
            parent = sites.get(v["parent"]) if v["parent"] is not None else None
            if v["parent"] is not None and parent is None:
                self.cell_error(r, "parent", f"站点表中没有站点“{v['parent']}”/ unknown site")
                continue
            parent_level = parent.values["level"] if parent is not None else None
            if parent_level not in allowed_parents[v["level"]]:
                wanted = {"county": "留空", "township": "县级中心", "village": "乡镇（街道）或县级中心"}[v["level"]]
                self.cell_error(r, "parent", f"上级站点应为{wanted} / the site one level up is not of the right level")
            for code in v["items"] or ():
                if code not in items:
                    self.cell_error(r, "items", f"事项表中没有编码“{code}”/ unknown item")
        return sites

    # ------------------------------------------------------------------ the whole book

    def read(self) -> ParsedWorkbook:
        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except FileNotFoundError:
            raise WorkbookError(self.path, [CellError("", None, None, None, "文件不存在 / file not found")]) from None
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise WorkbookError(
                self.path,
                [CellError("", None, None, None, f"不是 Excel 工作簿（.xlsx）/ not an Excel workbook: {exc}")],
            ) from None
        self.sheet_names = set(book.sheetnames)
        try:
            rows = {sheet.key: self.sheet_rows(book, sheet) for sheet in w.SHEETS}
        finally:
            book.close()
        catalog = self.build(rows)
        if self.errors:
            raise WorkbookError(self.path, self.errors)
        assert catalog is not None
        return ParsedWorkbook(catalog, bool(rows["hall"]), tuple(self.warnings))

    def build(self, rows: dict[str, list[Row]]) -> c.Catalog | None:
        hall_rows = rows["hall"]
        if len(hall_rows) > 1:
            self.error(w.HALL.name, hall_rows[1].number, None, None, "大厅表只能有一行 / one row only")
        hv = hall_rows[0].values if hall_rows else {}
        hall = c.Hall(*(str(hv.get(k) or "") for k in ("name", "code", "address", "hours", "phone", "complaint_phone")))

        depts = self.unique(rows["departments"], "code", "部门代码")
        cats = self.unique(rows["categories"], "prefix", "前缀")
        for prefix, r in cats.items():
            if not re.fullmatch(r"[A-Z]", str(prefix)):
                self.cell_error(r, "prefix", f"前缀“{prefix}”应为一个大写字母 / one capital letter")
        items = self.unique(rows["items"], "code", "事项编码")
        windows = self.unique(rows["windows"], "number", "窗口号")
        staff = self.unique(rows["staff"], "username", "用户名")

        for r in rows["items"]:
            v = r.values
            if v["department"] is not None and v["department"] not in depts:
                self.cell_error(r, "department", f"部门表中没有部门“{v['department']}”/ unknown department")
            for code in v["co_departments"] or ():
                if code not in depts:
                    self.cell_error(r, "co_departments", f"部门表中没有部门“{code}”/ unknown department")
            if v["category"] is not None and v["category"] not in cats:
                self.cell_error(r, "category", f"业务类别表中没有前缀“{v['category']}”/ unknown category")
            legal, promised = v["legal_days"], v["promised_days"]
            if legal is not None and promised is not None and legal and promised > legal:
                self.cell_error(
                    r,
                    "promised_days",
                    f"承诺时限 {promised / 2:g} 天长于法定时限 {legal / 2:g} 天 / the promised limit is longer than the legal one",
                )
        materials: dict[str, list[c.Material]] = {code: [] for code in items}
        for r in rows["materials"]:
            v = r.values
            if v["item"] is not None and v["item"] not in items:
                self.cell_error(r, "item", f"事项表中没有编码“{v['item']}”/ unknown item")
                continue
            if v["item"] is None or v["name"] is None:
                continue
            materials[v["item"]].append(
                c.Material(
                    name=v["name"],
                    originals=1 if v["originals"] is None else v["originals"],
                    copies=v["copies"] or 0,
                    required=True if v["required"] is None else v["required"],
                    required_note=v["required_note"],
                    deferrable=bool(v["deferrable"]),
                    form=v["form"] or "paper",
                    source=v["source"] or "",
                    sample=v["sample"],
                    blank_form=v["blank_form"],
                    commitment=bool(v["commitment"]),
                )
            )
        faqs: dict[str, list[c.Faq]] = {code: [] for code in items}
        for r in rows["faq"]:
            v = r.values
            if v["item"] is not None and v["item"] not in items:
                self.cell_error(r, "item", f"事项表中没有编码“{v['item']}”/ unknown item")
            elif v["item"] is not None and v["q"] and v["a"]:
                faqs[v["item"]].append(c.Faq(v["q"], v["a"]))
        if not rows["items"] and w.ITEMS.name in self.sheet_names:
            self.error(w.ITEMS.name, 2, None, None, "事项表没有任何事项 / the items sheet is empty")
        for code, r in items.items():
            if not materials[code]:
                self.cell_error(r, "code", "材料表中没有这个事项的材料 / the item has no materials")

        sites = self.check_sites(rows["sites"], items)
        for r in rows["windows"]:
            v = r.values
            if v["site"] is not None and v["site"] not in sites:
                self.cell_error(r, "site", f"站点表中没有站点“{v['site']}”/ unknown site")
            for prefix in v["categories"] or ():
                if prefix not in cats:
                    self.cell_error(r, "categories", f"业务类别表中没有前缀“{prefix}”/ unknown category")
            for code in v["spot_items"] or ():
                if code not in items:
                    self.cell_error(r, "spot_items", f"事项表中没有编码“{code}”/ unknown item")
            for post in ("post_a", "post_b"):
                if v[post] is not None and v[post] not in staff:
                    self.cell_error(r, post, f"人员表中没有用户名“{v[post]}”/ unknown staff member")
        for r in rows["staff"]:
            v = r.values
            if v["department"] is not None and v["department"] not in depts:
                self.cell_error(r, "department", f"部门表中没有部门“{v['department']}”/ unknown department")
            if v["window"] is not None and v["window"] not in windows:
                self.cell_error(r, "window", f"窗口表中没有窗口 {v['window']} / unknown window")
        for prefix in cats:
            serving = [n for n, r in windows.items() if prefix in (r.values["categories"] or ())]
            if len(serving) < 2:
                self.warnings.append(f"业务类别 {prefix} 只有 {len(serving)} 个窗口办理，A/B 岗需要 2 个 / category {prefix} has {len(serving)} window(s)")
        if self.errors:
            return None

        def item(r: Row) -> c.ServiceItem:
            v = r.values
            legal, promised = v["legal_days"], v["promised_days"]
            return c.ServiceItem(
                code=v["code"],
                name=v["name"],
                department=v["department"],
                co_departments=v["co_departments"] or (),
                category=v["category"],
                kind=ItemKind(v["kind"]),
                legal_basis=v["legal_basis"] or "",
                conditions=v["conditions"] or "",
                process=v["process"] or (),
                legal_days=legal // 2,
                promised_days=promised // 2,
                special_steps=v["special_steps"] or (),
                fee=c.Fee(bool(v["fee_charged"]), v["fee_standard"] or ("收费" if v["fee_charged"] else "不收费"), v["fee_basis"]),
                location=v["location"] or "",
                hours=v["hours"] or "",
                visits=1 if v["visits"] is None else v["visits"],
                consult_phone=v["consult_phone"] or "",
                complaint_phone=v["complaint_phone"] or "",
                delivery=v["delivery"] or ("window",),
                online=bool(v["online"]),
                faq=tuple(faqs[v["code"]]),
                status=v["status"] or "active",
                materials=tuple(materials[v["code"]]),
                service_object=v["service_object"] or "",
                item_type=v["item_type"] or "行政许可",
                legal_half_day=bool(legal % 2),
                promised_half_day=bool(promised % 2),
                scope=v["scope"] or "",
                lists=v["lists"] or (),
            )

        return c.Catalog(
            hall=hall,
            departments=tuple(c.Department(r.values["code"], r.values["name"], r.values["short_name"]) for r in depts.values()),
            categories=tuple(
                c.Category(
                    prefix=r.values["prefix"],
                    name=r.values["name"],
                    description=r.values["description"] or "",
                    sort_order=r.values["sort_order"] or 0,
                    hours=r.values["hours"] or "",
                    daily_quota=r.values["daily_quota"],
                    cutoff_minutes=r.values["cutoff_minutes"] or 0,
                )
                for r in cats.values()
            ),
            windows=tuple(
                c.Window(
                    number=r.values["number"],
                    name=r.values["name"],
                    kind=r.values["kind"] or "comprehensive",
                    categories=r.values["categories"] or (),
                    spot_items=r.values["spot_items"] or (),
                    post_a=r.values["post_a"],
                    post_b=r.values["post_b"],
                    site=r.values["site"],
                )
                for r in windows.values()
            ),
            sites=tuple(
                c.Site(
                    code=r.values["code"],
                    name=r.values["name"],
                    level=r.values["level"],
                    parent=r.values["parent"],
                    hours=r.values["hours"] or "",
                    address=r.values["address"] or "",
                    phone=r.values["phone"] or "",
                    items=r.values["items"] or (),
                )
                for r in sites.values()
            ),
            staff=tuple(
                c.StaffMember(
                    r.values["username"], r.values["full_name"], r.values["role"], r.values["window"], r.values["department"]
                )
                for r in staff.values()
            ),
            items=tuple(item(r) for r in items.values()),
        )


def read_workbook(path: Path) -> ParsedWorkbook:
    """The hall workbook at `path` as a checked catalog; raises WorkbookError listing every bad cell."""
    return _Reader(Path(path)).read()
