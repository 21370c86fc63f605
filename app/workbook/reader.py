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
from app.i18n.messages import Msg, msg, render
from app.workbook import schema as w

_SPLIT = re.compile(r"\s*[、;；,，\n→]\s*")


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int | None
    column: str | None  # the column letter
    header: str | None
    reason: str  # a `Msg`

    def as_msg(self) -> Msg:
        """Where (sheet!cell and the column's header, as the workbook names them) and what is wrong."""
        where: object = msg("workbook.file")
        if self.sheet:
            where = self.sheet + (f"!{self.column or ''}{self.row}" if self.row is not None else "")
        if self.header:
            where = msg("workbook.header", where=where, header=self.header)
        return msg("workbook.cell", where=where, reason=self.reason)

    def __str__(self) -> str:  # in the workbook's language, Chinese
        said = self.as_msg()
        return render(said.code, said.params, "zh_CN", fallback=str(said))


class WorkbookError(HallError):
    def __init__(self, path: Path, errors: list[CellError]) -> None:
        self.errors = errors
        super().__init__(self.message_for(str(path)), code="invalid_workbook")

    def message_for(self, path: str) -> Msg:
        """The whole list (the first 200 problems) as one message, the file named `path`."""
        lines: list[object] = [msg("workbook.cell", **e.as_msg().params) for e in self.errors[:200]]
        if len(self.errors) > 200:
            lines.append(msg("workbook.more", count=len(self.errors) - 200))
        return msg("workbook.invalid", path=path, count=len(self.errors), lines=lines)


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
                raise ValueError(msg("workbook.required"))
            return None
        if col.kind == "text":
            if isinstance(raw, float) and raw.is_integer():
                return str(int(raw))
            if isinstance(raw, dt.datetime | dt.date | dt.time):
                raise ValueError(msg("workbook.text_not_date"))
            return str(raw)
        if col.kind == "int":
            if isinstance(raw, bool):
                raise ValueError(msg("workbook.whole_number"))
            try:
                number = float(raw)
            except (TypeError, ValueError):
                raise ValueError(msg("workbook.not_whole", value=str(raw))) from None
            if not number.is_integer() or number < 0:
                raise ValueError(msg("workbook.not_non_negative", value=str(raw)))
            return int(number)
        if col.kind == "days":
            try:
                number = float(raw)
            except (TypeError, ValueError):
                raise ValueError(msg("workbook.not_days", value=str(raw))) from None
            if number < 0 or (number * 2) != int(number * 2):
                raise ValueError(msg("workbook.half_days", value=str(raw)))
            return int(number * 2)  # half days
        if col.kind == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in ("是", "y", "yes", "true", "1"):
                return True
            if text in ("否", "n", "no", "false", "0"):
                return False
            raise ValueError(msg("workbook.yes_no", value=str(raw)))
        if col.kind == "choice":
            text = str(raw)
            if text in col.choices:
                return col.choices[text]
            if text in col.choices.values():
                return text
            raise ValueError(msg("workbook.not_a_choice", value=text, choices="、".join(col.choices)))
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
                        raise ValueError(msg("workbook.not_a_choice", value=p, choices="、".join(col.choices)))
                return tuple(out)
            return tuple(parts)
        if col.kind == "hours":
            try:
                parse_hours(str(raw))
            except HoursError as exc:
                raise ValueError(exc.args[0]) from None
            return str(raw)
        if col.kind == "steps":
            steps = []
            for p in re.split(r"\s*[;；\n]\s*", str(raw)):
                if not p:
                    continue
                match = re.fullmatch(r"(.+?)\s*[:：]\s*(\d+)", p)
                if not match:
                    raise ValueError(msg("workbook.step_form", value=p))
                steps.append(c.SpecialStep(match.group(1), int(match.group(2))))
            return tuple(steps)
        raise AssertionError(col.kind)

    # ------------------------------------------------------------------ sheets

    def sheet_rows(self, book: Any, sheet: w.Sheet) -> list[Row]:
        if sheet.name not in book.sheetnames:
            if sheet.required:
                self.error(sheet.name, None, None, None, msg("workbook.sheet_missing"))
            return []
        ws = book[sheet.name]
        rows = ws.iter_rows(values_only=True)
        header = next(rows, None)
        if header is None:
            self.error(sheet.name, 1, None, None, msg("workbook.header_missing"))
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
                self.error(sheet.name, 1, get_column_letter(index + 1), title, msg("workbook.unknown_column"))
                continue
            if col.key in positions:
                self.error(sheet.name, 1, get_column_letter(index + 1), title, msg("workbook.duplicate_column"))
                continue
            positions[col.key], letters[col.key] = index, get_column_letter(index + 1)
        for col in sheet.columns:
            if col.required and col.key not in positions:
                self.error(sheet.name, 1, None, col.header, msg("workbook.required_column"))
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
                    self.error(sheet.name, number, letters.get(col.key), col.header, exc.args[0])
                    parsed[col.key] = None
            out.append(Row(sheet, number, parsed, letters))
        return out

    def unique(self, rows: list[Row], key: str, what: Msg) -> dict[Any, Row]:
        seen: dict[Any, Row] = {}
        for r in rows:
            value = r.values[key]
            if value is None:
                continue
            if value in seen:
                self.cell_error(r, key, msg("workbook.duplicate", what=what, value=str(value), row=seen[value].number))
            else:
                seen[value] = r
        return seen

    def check_sites(self, rows: list[Row], items: dict[Any, Row]) -> dict[Any, Row]:
        """The 站点 sheet: one county center at the top, each township under the county, each village point
        under a township or the county, every listed item in the catalog."""
        sites = self.unique(rows, "code", msg("workbook.what.site"))
        allowed_parents = {"county": (None,), "township": ("county",), "village": ("township", "county")}
        counties = [r for r in sites.values() if r.values["level"] == "county"]
        if sites and len(counties) != 1:
            self.error(w.SITES.name, None, None, None, msg("workbook.one_county", count=len(counties)))
        for r in sites.values():
            v = r.values
            if v["level"] is None:
                continue
            parent = sites.get(v["parent"]) if v["parent"] is not None else None
            if v["parent"] is not None and parent is None:
                self.cell_error(r, "parent", msg("workbook.unknown_site", value=str(v["parent"])))
                continue
            parent_level = parent.values["level"] if parent is not None else None
            if parent_level not in allowed_parents[v["level"]]:
                wanted = msg(f"workbook.parent.{v['level']}")
                self.cell_error(r, "parent", msg("workbook.parent_level", wanted=wanted))
            for code in v["items"] or ():
                if code not in items:
                    self.cell_error(r, "items", msg("workbook.unknown_item", value=str(code)))
        return sites

    # ------------------------------------------------------------------ the whole book

    def read(self) -> ParsedWorkbook:
        try:
            book = load_workbook(self.path, read_only=True, data_only=True)
        except FileNotFoundError:
            raise WorkbookError(self.path, [CellError("", None, None, None, msg("workbook.file_not_found"))]) from None
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
            raise WorkbookError(
                self.path,
                [CellError("", None, None, None, msg("workbook.not_xlsx", error=str(exc)))],
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
            self.error(w.HALL.name, hall_rows[1].number, None, None, msg("workbook.one_hall_row"))
        hv = hall_rows[0].values if hall_rows else {}
        hall = c.Hall(*(str(hv.get(k) or "") for k in ("name", "code", "address", "hours", "phone", "complaint_phone")))

        depts = self.unique(rows["departments"], "code", msg("workbook.what.department"))
        cats = self.unique(rows["categories"], "prefix", msg("workbook.what.prefix"))
        for prefix, r in cats.items():
            if not re.fullmatch(r"[A-Z]", str(prefix)):
                self.cell_error(r, "prefix", msg("workbook.bad_prefix", prefix=str(prefix)))
        items = self.unique(rows["items"], "code", msg("workbook.what.item"))
        windows = self.unique(rows["windows"], "number", msg("workbook.what.window"))
        staff = self.unique(rows["staff"], "username", msg("workbook.what.username"))

        for r in rows["items"]:
            v = r.values
            if v["department"] is not None and v["department"] not in depts:
                self.cell_error(r, "department", msg("workbook.unknown_department", value=str(v["department"])))
            for code in v["co_departments"] or ():
                if code not in depts:
                    self.cell_error(r, "co_departments", msg("workbook.unknown_department", value=str(code)))
            if v["category"] is not None and v["category"] not in cats:
                self.cell_error(r, "category", msg("workbook.unknown_category", prefix=str(v["category"])))
            legal, promised = v["legal_days"], v["promised_days"]
            if legal is not None and promised is not None and legal and promised > legal:
                self.cell_error(
                    r,
                    "promised_days",
                    msg("workbook.promised_longer", promised=f"{promised / 2:g}", legal=f"{legal / 2:g}"),
                )
        materials: dict[str, list[c.Material]] = {code: [] for code in items}
        for r in rows["materials"]:
            v = r.values
            if v["item"] is not None and v["item"] not in items:
                self.cell_error(r, "item", msg("workbook.unknown_item", value=str(v["item"])))
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
                self.cell_error(r, "item", msg("workbook.unknown_item", value=str(v["item"])))
            elif v["item"] is not None and v["q"] and v["a"]:
                faqs[v["item"]].append(c.Faq(v["q"], v["a"]))
        if not rows["items"] and w.ITEMS.name in self.sheet_names:
            self.error(w.ITEMS.name, 2, None, None, msg("workbook.no_items"))
        for code, r in items.items():
            if not materials[code]:
                self.cell_error(r, "code", msg("workbook.no_materials"))

        sites = self.check_sites(rows["sites"], items)
        for r in rows["windows"]:
            v = r.values
            if v["site"] is not None and v["site"] not in sites:
                self.cell_error(r, "site", msg("workbook.unknown_site", value=str(v["site"])))
            for prefix in v["categories"] or ():
                if prefix not in cats:
                    self.cell_error(r, "categories", msg("workbook.unknown_category", prefix=str(prefix)))
            for code in v["spot_items"] or ():
                if code not in items:
                    self.cell_error(r, "spot_items", msg("workbook.unknown_item", value=str(code)))
            for post in ("post_a", "post_b"):
                if v[post] is not None and v[post] not in staff:
                    self.cell_error(r, post, msg("workbook.unknown_staff", name=str(v[post])))
        for r in rows["staff"]:
            v = r.values
            if v["department"] is not None and v["department"] not in depts:
                self.cell_error(r, "department", msg("workbook.unknown_department", value=str(v["department"])))
            if v["window"] is not None and v["window"] not in windows:
                self.cell_error(r, "window", msg("workbook.unknown_window", window=str(v["window"])))
        for prefix in cats:
            serving = [n for n, r in windows.items() if prefix in (r.values["categories"] or ())]
            if len(serving) < 2:
                self.warnings.append(msg("workbook.few_windows", prefix=str(prefix), count=len(serving)))
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
                name_en=v["name_en"] or "",
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
                    name_en=r.values["name_en"] or "",
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
