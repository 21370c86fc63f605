"""The console's administration tab against a real center opened by `hall init` and the sample workbook:
add a clerk, refuse a weak password, reset it, disable, set a window's A/B posts and categories, a
category's hours, suspend an item, approve and revoke a terminal; every change is in the audit trail."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from app.center.catalog_import import import_catalog
from app.center.hall_init import init_hall
from app.paths import resource
from app.store import models as m
from app.sync.client import CenterClient
from app.workbook.reader import read_workbook
from tests.support.center import CenterServer
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.console import ManagerConsole

PASSWORD = "Opening2026hall"


def test_the_admin_tab_changes_the_hall_and_audits_each_change(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "c") as center:
        with center.db.write_session() as s:
            init_hall(s, admin="chief", password=PASSWORD, full_name="管理员", hall_name="六合区政务服务中心", hall_code="LH")
        with center.db.write_session() as s:
            import_catalog(s, read_workbook(resource("catalog", "sample-hall.xlsx")).catalog)
        enrollment = httpx.post(f"{center.url}/api/v1/terminals/enroll", json={"name": "kiosk-9", "kind": "kiosk", "credential": "k" * 40})
        client = CenterClient(center.url)
        login = client.login_staff("chief", PASSWORD)
        client.token = login.token
        console = ManagerConsole(client, hall_name="六合区", wait_warning_min=30, export_dir=tmp_path / "out",
                                 admin=login.role == "admin")
        qtbot.addWidget(console)
        tab = console.admin
        assert tab is not None
        with qtbot.waitSignals([tab.loaded] * 4, timeout=15_000):
            tab.refresh()
        assert tab.staff.rowCount() == 15 and tab.windows.rowCount() == 12 and tab.terminals.rowCount() == 1

        def change(action) -> str:  # type: ignore[no-untyped-def]
            with qtbot.waitSignal(tab.loaded, timeout=10_000, check_params_cb=lambda p: p.startswith(("done", "failed"))) as got:
                action()
            return str(got.args[0])

        tab.new_username.setText("clerk99")
        tab.new_name.setText("赵新")
        tab.new_window.setValue(3)
        assert change(tab.add_staff).startswith("done")
        row = next(i for i, r in enumerate(tab.staff_rows) if r["username"] == "clerk99")
        tab.staff.selectRow(row)
        tab.password.setText("short")
        assert "10" in change(tab.reset_password)  # the policy says why
        assert "10" in tab.status.text()
        tab.password.setText("Window99clerk")
        assert change(tab.reset_password).startswith("done")
        assert httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "clerk99", "password": "Window99clerk"}).status_code == 200
        tab.staff.selectRow(next(i for i, r in enumerate(tab.staff_rows) if r["username"] == "clerk99"))
        assert change(lambda: tab.set_active(False)).startswith("done")
        assert httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "clerk99", "password": "Window99clerk"}).status_code == 401

        tab.windows.selectRow(2)  # window 3
        tab.window_categories.setText("D,C")
        tab.post_a.setText("clerk99")
        tab.post_b.setText("clerk04")
        assert change(tab.save_window).startswith("done")
        assert tab.windows.item(2, 2).text() == "D、C" and tab.windows.item(2, 3).text() == "clerk99"

        tab.categories.selectRow(0)
        tab.hours.setText("工作日 08:30-12:00")
        tab.quota.setValue(80)
        assert change(tab.save_category).startswith("done")
        tab.categories.selectRow(0)
        tab.hours.setText("25:00-26:00")
        assert change(tab.save_category).startswith("failed")

        code = read_workbook(resource("catalog", "sample-hall.xlsx")).catalog.items[0].code
        tab.item_code.setText(code)
        tab.item_reason.setText("依据调整，暂停受理")
        assert change(lambda: tab.set_item("suspended")).startswith("done")

        tab.terminals.selectRow(0)
        tab.enroll_code.setText("0000-0000")  # not the code the kiosk shows
        assert change(lambda: tab.terminal("approve")).startswith("failed") and tab.terminals.item(0, 2).text() == "待批准"
        tab.terminals.selectRow(0)
        tab.enroll_code.setText(enrollment.json()["code"])
        assert change(lambda: tab.terminal("approve")).startswith("done") and tab.terminals.item(0, 2).text() == "已批准"
        tab.terminals.selectRow(0)
        assert change(lambda: tab.terminal("revoke")).startswith("done") and tab.terminals.item(0, 2).text() == "已吊销"

        with center.db.read_session() as s:
            cat = s.scalar(select(m.Category).where(m.Category.prefix == "A"))
            assert cat is not None and cat.hours == "工作日 08:30-12:00" and cat.daily_quota == 80
            item = s.scalar(select(m.ServiceItem).where(m.ServiceItem.code == code))
            assert item is not None and item.status == "suspended"
            actions = set(s.scalars(select(m.AuditEvent.action).where(m.AuditEvent.actor == "chief")))
        assert {"staff.add", "staff.password_reset", "staff.disable", "window.update", "category.update",
                "item.suspended", "terminal.approved", "terminal.revoked"} <= actions

        # the hall workbook from the console: a bad one lists its cells, a good one imports by code
        from openpyxl import load_workbook

        book = load_workbook(resource("catalog", "sample-hall.xlsx"))
        book["事项"].cell(4, 3).value = "NOPE"
        bad = tmp_path / "bad.xlsx"
        book.save(bad)
        assert change(lambda: tab.import_workbook(bad, dry_run=False)).startswith("failed")
        assert "事项!C4（实施部门）" in tab.import_result.toPlainText()
        book["事项"].cell(4, 3).value = "SCJG"
        book["事项"].cell(2, 2).value = "企业设立登记（控制台导入）"
        good = tmp_path / "good.xlsx"
        book.save(good)
        assert change(lambda: tab.import_workbook(good, dry_run=True)).startswith("done")
        assert "71" in tab.import_result.toPlainText()
        assert change(lambda: tab.import_workbook(good, dry_run=False)).startswith("done")
        with center.db.read_session() as s:
            item = s.scalar(select(m.ServiceItem).where(m.ServiceItem.code == code))
            assert item is not None and item.name == "企业设立登记（控制台导入）" and item.status == "active"

