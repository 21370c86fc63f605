"""The hall workbook: every bad workbook names its cell and writes nothing; a second import updates by code
and suspends instead of deleting; export writes the same workbook back; closed categories refuse tickets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from app.center import queue as q
from app.center.catalog_import import import_catalog
from app.cli.main import main
from app.config import QueueSettings
from app.domain.clock import HALL_TZ
from app.i18n.messages import Msg, render
from app.paths import resource
from app.store import models as m
from app.store.db import Database
from app.workbook.reader import WorkbookError, read_workbook
from app.workbook.writer import write_template, write_workbook

SAMPLE = resource("catalog", "sample-hall.xlsx")



def _zh(text: str) -> str:
    """A refusal as a Chinese terminal shows it."""
    assert isinstance(text, Msg), text
    return render(text.code, text.params, "zh_CN")

def _edit(tmp: Path, name: str, change) -> Path:  # type: ignore[no-untyped-def]
    book = load_workbook(SAMPLE)
    change(book)
    out = tmp / f"{name}.xlsx"
    book.save(out)
    return out


def _col(ws, header: str) -> int:  # type: ignore[no-untyped-def]
    return next(c.column for c in ws[1] if c.value == header)


def _missing_column(book) -> None:  # type: ignore[no-untyped-def]
    ws = book["事项"]
    ws.delete_cols(_col(ws, "承诺时限"))


def _duplicate_code(book) -> None:  # type: ignore[no-untyped-def]
    ws = book["事项"]
    ws.cell(3, 1).value = ws.cell(2, 1).value


def _promised_too_long(book) -> None:  # type: ignore[no-untyped-def]
    ws = book["事项"]
    legal = ws.cell(2, _col(ws, "法定时限")).value
    ws.cell(2, _col(ws, "承诺时限")).value = legal + 0.5


def _unknown_department(book) -> None:  # type: ignore[no-untyped-def]
    ws = book["事项"]
    ws.cell(4, _col(ws, "实施部门")).value = "NOPE"


def _window_unknown_category(book) -> None:  # type: ignore[no-untyped-def]
    ws = book["窗口"]
    ws.cell(2, _col(ws, "服务类别")).value = "A、Z"


BAD = {
    "missing_column": (_missing_column, "事项!1（承诺时限）", "缺少必填列"),
    "duplicate_code": (_duplicate_code, "事项!A3（事项编码）", "重复"),
    "promised_too_long": (_promised_too_long, "事项!M2（承诺时限）", "长于法定时限"),
    "unknown_department": (_unknown_department, "事项!C4（实施部门）", "NOPE"),
    "window_unknown_category": (_window_unknown_category, "窗口!D2（服务类别）", "“Z”"),
}


@pytest.fixture
def hall_db(db_url, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HALL_ADMIN_PASSWORD", "Hall2026opening")
    assert main(["init", "--db", db_url, "--admin", "chief"]) == 0
    return db_url


def _counts(url: str) -> tuple[int, int, int]:
    db = Database(url)
    try:
        with db.read_session() as s:
            return (
                int(s.scalar(select(func.count()).select_from(m.ServiceItem)) or 0),
                int(s.scalar(select(func.count()).select_from(m.Department)) or 0),
                int(s.scalar(select(func.count()).select_from(m.ChangeLog)) or 0),
            )
    finally:
        db.dispose()


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_workbook_names_its_cell_and_writes_nothing(case, hall_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    change, where, why = BAD[case]
    path = _edit(tmp_path, case, change)
    before = _counts(hall_db)
    assert main(["import", str(path), "--db", hall_db]) != 0
    err = capsys.readouterr().err
    assert where in err and why in err and "未写入任何数据" in err, err
    assert _counts(hall_db) == before


def test_a_file_that_is_not_a_workbook(hall_db, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hall.xlsx"
    path.write_text("部门,事项\n", encoding="utf-8")
    before = _counts(hall_db)
    assert main(["import", str(path), "--db", hall_db]) != 0
    assert "不是 Excel 工作簿" in capsys.readouterr().err
    assert _counts(hall_db) == before


def test_every_bad_cell_is_listed_at_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    def many(book) -> None:  # type: ignore[no-untyped-def]
        _duplicate_code(book)
        _unknown_department(book)
        _window_unknown_category(book)
        book["材料"].cell(2, 3).value = "两份"

    with pytest.raises(WorkbookError) as got:
        read_workbook(_edit(tmp_path, "many", many))
    text = [str(e) for e in got.value.errors]
    assert any(t.startswith("事项!A3") for t in text) and any(t.startswith("事项!C4") for t in text)
    assert any(t.startswith("窗口!D2") for t in text) and any(t.startswith("材料!C2（原件份数）") for t in text)


def test_dry_run_writes_nothing(hall_db, capsys) -> None:  # type: ignore[no-untyped-def]
    before = _counts(hall_db)
    assert main(["import", str(SAMPLE), "--db", hall_db, "--dry-run"]) == 0
    assert "71 items" in capsys.readouterr().out
    assert _counts(hall_db) == before


def test_second_import_updates_by_code_and_suspends_instead_of_deleting(hall_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["import", str(SAMPLE), "--db", hall_db]) == 0
    items, depts, logged = _counts(hall_db)
    assert (items, depts) == (71, 14)
    assert main(["import", str(SAMPLE), "--db", hall_db]) == 0  # unchanged: nothing new, nothing logged
    assert _counts(hall_db) == (items, depts, logged)

    book = load_workbook(SAMPLE)
    ws = book["事项"]
    first, second = ws.cell(2, 1).value, ws.cell(3, 1).value
    ws.cell(2, 2).value = "企业设立登记（新版）"
    ws.delete_rows(3)
    mats = book["材料"]
    for row in range(mats.max_row, 1, -1):
        if mats.cell(row, 1).value == second:
            mats.delete_rows(row)
    win = book["窗口"]
    for row in range(2, win.max_row + 1):
        cell = win.cell(row, _col(win, "即办授权事项"))
        if cell.value and second in cell.value:
            cell.value = "、".join(c for c in cell.value.split("、") if c != second) or None
    path = tmp_path / "second.xlsx"
    book.save(path)
    db = Database(hall_db)
    try:
        with db.read_session() as s:
            old_id = s.scalar(select(m.ServiceItem.id).where(m.ServiceItem.code == first))
        assert main(["import", str(path), "--db", hall_db]) == 0
        with db.read_session() as s:
            assert s.scalar(select(func.count()).select_from(m.ServiceItem)) == 71  # nothing deleted
            renamed = s.scalar(select(m.ServiceItem).where(m.ServiceItem.code == first))
            assert renamed is not None and renamed.id == old_id and renamed.name == "企业设立登记（新版）"
            gone = s.scalar(select(m.ServiceItem).where(m.ServiceItem.code == second))
            assert gone is not None and gone.status == "suspended"
            logged = s.scalars(select(m.ChangeLog.entity_id).where(m.ChangeLog.seq > logged)).all()
            assert str(old_id) in logged and str(gone.id) in logged  # terminals receive both changes
    finally:
        db.dispose()


def test_export_writes_the_same_workbook_and_the_template_documents_every_column(hall_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert main(["import", str(SAMPLE), "--db", hall_db]) == 0
    out = tmp_path / "export.xlsx"
    assert main(["export", str(out), "--db", hall_db]) == 0
    back, sample = read_workbook(out).catalog, read_workbook(SAMPLE).catalog
    assert {i.code: i for i in back.items} == {i.code: i for i in sample.items}
    assert back.windows == sample.windows and back.categories == sample.categories and back.hall == sample.hall
    template = write_template(tmp_path / "empty.xlsx")
    book = load_workbook(template)
    doc = [row for row in book["说明"].iter_rows(values_only=True)]
    documented = {r[1] for r in doc if r[1]}
    from app.workbook.schema import SHEETS

    assert all(col.header in documented for sheet in SHEETS for col in sheet.columns)
    assert all(book[sheet.name].max_row == 1 for sheet in SHEETS)


def test_a_closed_category_refuses_tickets_with_its_reason(migrated_db) -> None:  # type: ignore[no-untyped-def]
    with migrated_db.write_session() as s:
        import_catalog(s, read_workbook(SAMPLE).catalog)
    monday = dt.datetime(2026, 11, 30, 10, 0, tzinfo=HALL_TZ)  # a working day
    cfg = QueueSettings()
    with migrated_db.write_session() as s:
        got = q.issue_ticket(s, cfg, "A", now=monday)
        assert got.ticket.number == "A001"
    for when, words in (
        (monday.replace(hour=17, minute=10), "截止"),  # 30 minutes before 17:30
        (monday.replace(hour=12, minute=30), "下次取号时间：11月30日（周一）13:30"),
        (dt.datetime(2026, 10, 1, 10, 0, tzinfo=HALL_TZ), "国庆节"),
    ):
        with pytest.raises(q.QueueError) as refused, migrated_db.write_session() as s:
            q.issue_ticket(s, cfg, "A", now=when)
        assert refused.value.code == "category_closed" and words in _zh(refused.value.message)
    with migrated_db.write_session() as s:  # quota: B takes 120 a day
        s.scalar(select(m.Category).where(m.Category.prefix == "B")).daily_quota = 2  # type: ignore[union-attr]
    with migrated_db.write_session() as s:
        q.issue_ticket(s, cfg, "B", now=monday)
        q.issue_ticket(s, cfg, "B", now=monday)
    with pytest.raises(q.QueueError) as full, migrated_db.write_session() as s:
        q.issue_ticket(s, cfg, "B", now=monday)
    assert "号源已取完" in _zh(full.value.message) and "12月1日" in _zh(full.value.message)
    assert "all given out" in full.value.message and "12/1" in full.value.message  # English for the logs


def test_write_workbook_round_trips_the_sample(tmp_path) -> None:  # type: ignore[no-untyped-def]
    sample = read_workbook(SAMPLE).catalog
    again = read_workbook(write_workbook(sample, tmp_path / "again.xlsx")).catalog
    assert again.items == sample.items and again.staff == sample.staff and again.hall == sample.hall
