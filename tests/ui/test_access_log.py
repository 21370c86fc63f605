"""The access log in the console: the admin sees logins, a refused login and a revocation, refusals
highlighted; a manager is told plainly that only an admin reads it."""

from __future__ import annotations

import httpx

from app.sync.client import CenterClient
from tests.support.center import CenterServer, seed_minimal
from ui.screen.access_log import AccessLogPage


def test_admin_reads_the_access_log_manager_is_told(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with CenterServer(sqlite_url, tmp_path / "c") as center:
        seed_minimal(center.db)
        base = center.url + "/api/v1"
        assert httpx.post(f"{base}/auth/login", json={"username": "clerk01", "password": "nope"}).status_code == 401
        admin = CenterClient(center.url)
        admin.token = str(admin.login_staff("admin", "admin").token)
        page = AccessLogPage(admin.call)
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.refresh()
        assert page.note.isHidden()
        cells = [[page.table.item(r, c).text() for c in range(5)] for r in range(page.table.rowCount())]
        failed = [row for row in cells if "login.failed" in row[2]]
        assert failed and failed[0][1] == "clerk01" and "登录失败" in failed[0][2]
        r = next(i for i, row in enumerate(cells) if "login.failed" in row[2])
        assert page.table.item(r, 0).background().color().name() == "#fde2e1"
        assert any(row[1] == "admin" and row[2].endswith("· login") for row in cells)

        manager = CenterClient(center.url)
        manager.token = str(manager.login_staff("manager", "manager").token)
        denied = AccessLogPage(manager.call)
        qtbot.addWidget(denied)
        with qtbot.waitSignal(denied.loaded, timeout=10_000):
            denied.refresh()
        assert not denied.note.isHidden() and denied.table.rowCount() == 0
        admin.close()
        manager.close()
