"""Write a `Catalog` as a hall workbook (the same sheets the reader takes), or an empty template.

Every workbook carries a 说明 sheet documenting each column: its sheet, header, whether it is required,
its format and what it means.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.domain import catalog as c
from app.workbook import schema as w

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FILL = PatternFill("solid", fgColor="FCE4D6")


def _days(whole: int, half: bool) -> float | int:
    return whole + 0.5 if half else whole


def _label(choices: dict[str, str], value: str) -> str:
    for label, stored in choices.items():
        if stored == value:
            return label
    return value


def _join(values: Iterable[str]) -> str | None:
    joined = "、".join(values)
    return joined or None


def _rows(catalog: c.Catalog) -> dict[str, list[dict[str, Any]]]:
    h = catalog.hall
    hall = [
        {
            "name": h.name,
            "code": h.code,
            "address": h.address,
            "hours": h.hours,
            "phone": h.phone,
            "complaint_phone": h.complaint_phone,
        }
    ] if h.name else []
    items, materials, faqs = [], [], []
    for it in catalog.items:
        items.append(
            {
                "code": it.code,
                "name": it.name,
                "name_en": it.name_en or None,
                "department": it.department,
                "co_departments": _join(it.co_departments),
                "category": it.category,
                "kind": _label(w.KINDS, str(it.kind)),
                "service_object": it.service_object,
                "item_type": it.item_type,
                "legal_basis": it.legal_basis,
                "conditions": it.conditions,
                "process": _join(it.process),
                "legal_days": _days(it.legal_days, it.legal_half_day),
                "promised_days": _days(it.promised_days, it.promised_half_day),
                "special_steps": "；".join(f"{s.name}:{s.max_days}" for s in it.special_steps) or None,
                "fee_charged": "是" if it.fee.charged else "否",
                "fee_standard": it.fee.standard,
                "fee_basis": it.fee.basis,
                "location": it.location,
                "hours": it.hours,
                "visits": it.visits,
                "scope": it.scope,
                "delivery": _join(_label(w.DELIVERY, d) for d in it.delivery),
                "online": "是" if it.online else "否",
                "consult_phone": it.consult_phone,
                "complaint_phone": it.complaint_phone,
                "lists": _join(it.lists),
                "status": _label(w.STATUSES, it.status),
            }
        )
        for mt in it.materials:
            materials.append(
                {
                    "item": it.code,
                    "name": mt.name,
                    "originals": mt.originals,
                    "copies": mt.copies,
                    "required": "是" if mt.required else "否",
                    "required_note": mt.required_note,
                    "deferrable": "是" if mt.deferrable else "否",
                    "commitment": "是" if mt.commitment else "否",
                    "form": _label(w.FORMS, mt.form),
                    "source": mt.source,
                    "blank_form": mt.blank_form,
                    "sample": mt.sample,
                }
            )
        faqs += [{"item": it.code, "q": f.q, "a": f.a} for f in it.faq]
    return {
        "hall": hall,
        "departments": [{"code": d.code, "name": d.name, "short_name": d.short_name} for d in catalog.departments],
        "categories": [
            {
                "prefix": k.prefix,
                "name": k.name,
                "name_en": k.name_en or None,
                "description": k.description,
                "sort_order": k.sort_order,
                "hours": k.hours or None,
                "daily_quota": k.daily_quota,
                "cutoff_minutes": k.cutoff_minutes or None,
            }
            for k in catalog.categories
        ],
        "items": items,
        "materials": materials,
        "faq": faqs,
        "windows": [
            {
                "number": win.number,
                "name": win.name,
                "kind": _label(w.WINDOW_KINDS, win.kind),
                "categories": _join(win.categories),
                "spot_items": _join(win.spot_items),
                "post_a": win.post_a,
                "post_b": win.post_b,
                "site": win.site,
            }
            for win in catalog.windows
        ],
        "sites": [
            {
                "code": site.code,
                "name": site.name,
                "level": _label(w.SITE_LEVELS, site.level),
                "parent": site.parent,
                "hours": site.hours,
                "address": site.address,
                "phone": site.phone,
                "items": _join(site.items),
            }
            for site in catalog.sites
        ],
        "staff": [
            {
                "username": st.username,
                "full_name": st.full_name,
                "role": _label(w.ROLES, st.role),
                "department": st.department,
                "window": st.window,
            }
            for st in catalog.staff
        ],
    }


def _doc_sheet(book: Workbook) -> None:
    ws = book.create_sheet(w.DOC_SHEET)
    ws.append(["工作表", "列", "必填", "格式", "说明"])
    for cell in ws[1]:
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for sheet in w.SHEETS:
        ws.append([sheet.name, "", "是" if sheet.required else "否（可省略本表）", "", sheet.doc])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        for col in sheet.columns:
            ws.append(["", col.header, "是" if col.required else "", col.describe_format(), col.doc])
    ws.append([])
    ws.append(["", "", "", "", "导入前会检查每个单元格；有任何错误时不写入任何数据，并列出每个错误的工作表、行、列和原因。"])
    ws.append(["", "", "", "", "再次导入按编码更新；表中没有的事项会被暂停（不会删除），已有办件仍保留其事项。"])
    for letter, width in zip("ABCDE", (12, 16, 8, 44, 60), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def _cell(value: Any) -> Any:
    """A cell's value; control characters that a worksheet cannot hold are shown as U+FFFD."""
    if value == 0 and not isinstance(value, bool):
        return 0
    if not value:
        return None
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def _book(rows: dict[str, list[dict[str, Any]]] | None) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    for sheet in w.SHEETS:
        ws = book.create_sheet(sheet.name)
        ws.append([col.header for col in sheet.columns])
        for index, col in enumerate(sheet.columns, start=1):
            cell = ws.cell(1, index)
            cell.font = Font(bold=True)
            cell.fill = _REQUIRED_FILL if col.required else _HEADER_FILL
            ws.column_dimensions[get_column_letter(index)].width = col.width
        ws.freeze_panes = "A2"
        for row in (rows or {}).get(sheet.key, []):
            ws.append([_cell(row.get(col.key)) for col in sheet.columns])
    _doc_sheet(book)
    return book


def write_workbook(catalog: c.Catalog, path: Path) -> Path:
    """Write `catalog` as a hall workbook at `path`."""
    path = Path(path)
    _book(_rows(catalog)).save(path)
    return path


def write_template(path: Path) -> Path:
    """An empty hall workbook: every sheet with its headers, and the 说明 sheet."""
    path = Path(path)
    _book(None).save(path)
    return path
