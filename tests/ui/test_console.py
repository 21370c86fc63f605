"""The manager console against a real center: the window grid follows a clerk, a bad rating pushed by a
counter appears on the rectification list and is closed with measures and call-back, reports export."""

from __future__ import annotations

import subprocess

from app.demo.day import StaffSession, counter_cases
from app.sync.client import CenterClient
from tests.support.center import CenterServer
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.console import ManagerConsole


def test_console_pages_and_actions(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.center.seed import seed_demo
    from app.config import Settings
    from app.domain.catalog import load_catalog

    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "c") as center:
        with center.db.write_session() as s:
            seed_demo(s, load_catalog())
        client = CenterClient(center.url)
        client.token = str(client.login_staff("manager", "manager").token)
        console = ManagerConsole(
            client, hall_name="测试中心", wait_warning_min=30, export_dir=tmp_path / "out"
        )
        qtbot.addWidget(console)
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "overview"):
            console.refresh_overview()
        assert console.windows.rowCount() == 12 and console.windows.item(2, 1).text() == "未登录"

        clerk = StaffSession(center.url, "clerk03", "clerk", 3)
        clerk.post("/windows/3/open")
        clerk.post("/tickets", category="C")
        clerk.post("/windows/3/call-next")
        console.on_event({"type": "ticket.called", "data": {}})  # as the event stream would deliver it
        qtbot.waitUntil(lambda: console.windows.item(2, 3).text() == "C001", timeout=5000)
        assert console.windows.item(2, 1).text() == "服务中" and console.windows.item(2, 2).text() == "刘芳"

        clerk.post("/tickets", category="A")  # A001 waits; the manager moves it to 不动产
        console.on_event({"type": "ticket.issued", "data": {}})
        qtbot.waitUntil(lambda: console.queues.item(0, 2).text() == "1", timeout=5000)
        assert console.queues.item(0, 0).text() == "A" and console.queues.item(0, 4).text() == "0"
        assert console.queues.item(0, 5).text() == "有人等候但无开放窗口办理，请开窗"
        assert console.queues.item(0, 0).background().color().name() == "#fde2e1"  # red: nobody can call A001
        console.tabs.setCurrentIndex(0)
        console.grab().save(str(tmp_path / "console-overview.png"))
        console.move_number.setText("A001")
        console.move_to.setCurrentIndex(console.move_to.findData("B"))
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "action"):
            console.move_ticket()
        assert console.action_result.text() == "号码已调整"
        moved = client.call("GET", "/tickets/lookup", params={"number": "A001"})["ticket"]
        assert moved["category"] == "B" and moved["status"] == "waiting"

        counter_cases(center.url, Settings(data_dir=tmp_path / "t", keyring_file=tmp_path / "t" / "k.cfg"))
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "ratings"):
            console.on_event({"type": "rating.created", "data": {"level": 1}})
        assert console.rects.rowCount() == 1 and "一次性告知不清楚" in console.rects.item(0, 2).text()
        console.tabs.setCurrentIndex(2)
        console.rects.selectRow(0)
        rated = [console.rects.item(0, c).text() for c in range(console.rects.columnCount())]
        assert rated[4] and rated[5].startswith("H01-"), rated  # the clerk and the case, not a bare "2"
        assert not any(ch.isdigit() and len(cell) == 11 for cell in rated for ch in cell[:1])  # no phone in the list
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "phone"):
            console.reveal_phone()
        assert "（本次查看已记录）" in console.revealed.text(), console.revealed.text()
        from sqlalchemy import select as _select

        from app.store import models as _m

        with center.db.read_session() as s:
            logged = s.scalars(_select(_m.AuditEvent).where(_m.AuditEvent.action == "rating.phone_revealed")).all()
        assert len(logged) == 1 and logged[0].actor and logged[0].detail["reason"] == "差评回访"
        console.measures.setText("窗口统一材料清单，加强一次性告知培训")
        console.callback.setText("已电话回访，群众认可")
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "ratings"):
            console.record_rectification(done=True)
        assert console.rects.rowCount() == 0  # closed

        with qtbot.waitSignal(
            console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "supervision"
        ):
            console.refresh_all()
        assert int(console.red.text()) == 2 and int(console.yellow.text()) >= 1
        first = [console.cases.item(0, c).text() for c in range(console.cases.columnCount())]
        assert first[5].startswith("超期 ") and first[5].endswith(" 个工作日"), first  # never a bare "-3"
        assert console.cases.item(0, 0).background().color().name() == "#fde2e1"
        last = console.cases.rowCount() - 1
        assert console.cases.item(last, 0).background().color().name() == "#fff3cd"  # due soon: yellow
        console.tabs.setCurrentIndex(1)
        console.grab().save(str(tmp_path / "console-supervision.png"))
        console.grab().save(str(tmp_path / "console.png"))

        for month, fmt in ((False, "csv"), (False, "pdf"), (True, "pdf")):
            with qtbot.waitSignal(console.refreshed, timeout=20_000, check_params_cb=lambda p: p == "export"):
                console.export(month=month, fmt=fmt)
        files = sorted(p.name for p in (tmp_path / "out").iterdir())
        assert len(files) == 3
        csv_text = next((tmp_path / "out").glob("*.csv")).read_text(encoding="utf-8")
        assert "好差评" in csv_text and "办件" in csv_text
        pdf = next(p for p in (tmp_path / "out").glob("*.pdf") if p.stem.count("-") == 4)  # the day's report
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "测试中心运行报表" in text and "好差评" in text and "满意率" in text
        client.close()


def test_console_publishes_a_calendar_year(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.support.center import seed_minimal

    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "c") as center:
        seed_minimal(center.db)
        client = CenterClient(center.url)
        client.token = str(client.login_staff("admin", "admin").token)
        console = ManagerConsole(client, hall_name="测试中心", wait_warning_min=30, export_dir=tmp_path)
        qtbot.addWidget(console)
        console.cal_year.setValue(2030)
        console.cal_days.setPlainText("2030-10-01 休 国庆节\n2030-10-02 休 国庆节\nbad line\n")
        console.save_calendar()
        assert "无法识别" in console.action_result.text()
        console.cal_days.setPlainText("2030-10-01 休 国庆节\n2030-10-02 休 国庆节\n2030-09-29 班\n")
        with qtbot.waitSignal(console.refreshed, timeout=30_000, check_params_cb=lambda p: p == "action"):
            console.save_calendar()
        assert "2030年工作日历已发布：3天" in console.action_result.text()
        assert client.call("GET", "/calendar/2030")["days"][0]["day"] == "2030-09-29"
        client.close()


def test_complaints_from_a_kiosk_reach_the_console(qtbot, qapp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.center.seed import seed_demo
    from app.domain.catalog import load_catalog
    from tests.support.kiosk import kiosk_backend, kiosk_terminal

    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(f"sqlite:///{tmp_path / 'c.db'}", tmp_path / "c") as center:
        with center.db.write_session() as s:
            seed_demo(s, load_catalog())
        _settings, term = kiosk_terminal(center.url, tmp_path)
        backend = kiosk_backend(term, tmp_path / "prints")
        backend.feedback(["等候时间长", "设施环境"], "13812345678")
        assert backend.sync()
        client = CenterClient(center.url)
        client.token = str(client.login_staff("manager", "manager").token)
        console = ManagerConsole(client, hall_name="测试中心", wait_warning_min=30, export_dir=tmp_path / "out")
        qtbot.addWidget(console)
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "feedback"):
            console.refresh_all()
        assert console.feedback.rowCount() == 1
        assert console.feedback.item(0, 2).text() == "等候时间长；设施环境"
        assert console.feedback.item(0, 3).text() == "138****5678"
        console.feedback.selectRow(0)
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "feedback"):
            console.answer_feedback()
        assert console.feedback.rowCount() == 0
        term.close()
        client.close()
