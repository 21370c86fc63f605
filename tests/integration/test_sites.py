"""Sites of the three-level service system (issue 21, first part): the hall workbook's 站点 sheet — the
county center, its township halls, their village points, each with the items it may accept — checked cell
by cell, imported by code on both databases, read back by a manager, exported as it came in, and
replicated to a terminal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.cli.main import main
from app.paths import resource
from app.store import models as m
from app.store.db import Database
from app.workbook.reader import WorkbookError, read_workbook
from tests.support.lang import en, zh

SAMPLE = resource("catalog", "sample-hall.xlsx")
PASSWORD = "Sites2026opening"


def _edit(tmp: Path, name: str, change: Any) -> Path:
    book = load_workbook(SAMPLE)
    change(book)
    out = tmp / f"{name}.xlsx"
    book.save(out)
    return out


def _col(ws: Any, header: str) -> int:
    return next(c.column for c in ws[1] if c.value == header)


def _row_of(ws: Any, code: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)


def _second_county(book: Any) -> None:
    ws = book["站点"]
    ws.cell(_row_of(ws, "XZ02"), _col(ws, "层级")).value = "县级中心"
    ws.cell(_row_of(ws, "XZ02"), _col(ws, "上级站点")).value = None


def _village_under_village(book: Any) -> None:
    ws = book["站点"]
    ws.cell(_row_of(ws, "XZ02-C01"), _col(ws, "上级站点")).value = "XZ01-C01"


def _unknown_parent(book: Any) -> None:
    ws = book["站点"]
    ws.cell(_row_of(ws, "XZ01"), _col(ws, "上级站点")).value = "NOWHERE"


def _unknown_item(book: Any) -> None:
    ws = book["站点"]
    ws.cell(_row_of(ws, "XZ01-C01"), _col(ws, "可办事项")).value = "NOT-AN-ITEM"


def _window_at_unknown_site(book: Any) -> None:
    ws = book["窗口"]
    ws.cell(2, _col(ws, "所属站点")).value = "XZ99"


def _bad_level(book: Any) -> None:
    ws = book["站点"]
    ws.cell(_row_of(ws, "XZ01"), _col(ws, "层级")).value = "省级"


BAD = {
    "second_county": (_second_county, "站点", "只有一个县级中心"),
    "village_under_village": (_village_under_village, "站点!D", "上级站点应为乡镇（街道）或县级中心"),
    "unknown_parent": (_unknown_parent, "站点!D", "“NOWHERE”"),
    "unknown_item": (_unknown_item, "站点!H", "“NOT-AN-ITEM”"),
    "window_at_unknown_site": (_window_at_unknown_site, "窗口!H2（所属站点）", "“XZ99”"),
    "bad_level": (_bad_level, "站点!C", "层级"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_site_sheet_names_its_cell(case: str, tmp_path: Path) -> None:
    change, where, why = BAD[case]
    with pytest.raises(WorkbookError) as got:
        read_workbook(_edit(tmp_path, case, change))
    text = zh(got.value)
    assert where in text and why in text and "未写入任何数据" in text, text
    assert "nothing was written" in en(got.value) and where.split("（")[0] in en(got.value)


def test_the_sample_lists_a_county_its_townships_and_their_villages() -> None:
    cat = read_workbook(SAMPLE).catalog
    by_code = {s.code: s for s in cat.sites}
    county = [s for s in cat.sites if s.level == "county"]
    assert len(county) == 1 and county[0].code == cat.hall.code and county[0].items == ()
    villages = [s for s in cat.sites if s.level == "village"]
    assert villages and all(by_code[v.parent].level == "township" for v in villages if v.parent)
    codes = {i.code for i in cat.items}
    for site in cat.sites:
        assert set(site.items) <= codes
    assert all(w.site == cat.hall.code for w in cat.windows)


def _import(db_url: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HALL_ADMIN_PASSWORD", PASSWORD)
    if main(["init", "--db", db_url, "--admin", "chief"]) != 0:  # already initialised: fine
        pass
    assert main(["import", str(path), "--db", db_url]) == 0


def test_sites_import_by_code_export_and_reach_the_manager(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(db_url, SAMPLE, monkeypatch)
    db = Database(db_url)
    try:
        with db.read_session() as s:
            sites = {st.code: st for st in s.scalars(select(m.Site))}
            assert set(sites) == {"H01", "XZ01", "XZ02", "XZ01-C01", "XZ02-C01"}
            assert sites["XZ01-C01"].parent_id == sites["XZ01"].id and sites["XZ01"].parent_id == sites["H01"].id
            assert all(w.site_id == sites["H01"].id for w in s.scalars(select(m.Window)))
            log = {e.entity_id for e in s.scalars(select(m.ChangeLog).where(m.ChangeLog.entity == "site"))}
            assert log == {str(st.id) for st in sites.values()}  # replicated to the terminals

        # a second import: one village renamed, one dropped (switched off, never deleted), nothing duplicated
        def change(book: Any) -> None:
            ws = book["站点"]
            ws.cell(_row_of(ws, "XZ01-C01"), _col(ws, "站点名称")).value = "七里村党群服务中心代办点"
            ws.delete_rows(_row_of(ws, "XZ02-C01"))

        _import(db_url, _edit(tmp_path, "second", change), monkeypatch)
        with db.read_session() as s:
            sites = {st.code: st for st in s.scalars(select(m.Site))}
            assert len(sites) == 5 and not sites["XZ02-C01"].active
            assert sites["XZ01-C01"].name == "七里村党群服务中心代办点"

        out = tmp_path / "export.xlsx"
        assert main(["export", str(out), "--db", db_url]) == 0
        back = read_workbook(out).catalog
        assert {st.code for st in back.sites} == {"H01", "XZ01", "XZ02", "XZ01-C01"}
        sample = {st.code: st for st in read_workbook(SAMPLE).catalog.sites}
        assert {st.code: st for st in back.sites}["XZ01"] == sample["XZ01"]
        assert back.windows == read_workbook(SAMPLE).catalog.windows
    finally:
        db.dispose()


def test_a_manager_reads_the_sites_with_their_windows(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.support.center import CenterServer

    _import(pg_url, SAMPLE, monkeypatch)
    with CenterServer(pg_url, tmp_path / "center") as center:
        api = f"{center.url}/api/v1"
        token = httpx.post(f"{api}/auth/login", json={"username": "chief", "password": PASSWORD}).json()["token"]
        got = httpx.get(f"{api}/admin/sites", headers={"Authorization": f"Bearer {token}"})
        assert got.status_code == 200, got.text
        sites = got.json()
        assert [s["level"] for s in sites] == ["county", "township", "township", "village", "village"]
        county = sites[0]
        assert county["code"] == "H01" and county["parent"] is None and len(county["windows"]) == 12
        village = next(s for s in sites if s["code"] == "XZ01-C01")
        assert village["parent"] == "XZ01" and village["windows"] == [] and len(village["items"]) == 6
        windows = httpx.get(f"{api}/admin/windows", headers={"Authorization": f"Bearer {token}"}).json()
        assert {w["site"] for w in windows} == {"H01"}
