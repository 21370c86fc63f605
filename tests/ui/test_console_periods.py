"""The console's statistics for a chosen period (day, week, month, year) against a real center with cases
on fixed dates (never today's): each period shows its own figures and charts, an answer for a period
chosen before is not shown over the current one, and the exports are the chosen period's."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from sqlalchemy import select

from app.domain.states import CaseStatus
from app.store import models as m
from app.sync.client import CenterClient
from tests.support.center import CenterServer, seed_minimal
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.console import ManagerConsole

BJ = ZoneInfo("Asia/Shanghai")
# accepted on: Mon 03-02 and Wed 03-04 (one week), 03-20 (the month), 07-01 (the year)
DAYS = [dt.date(2026, 3, 2), dt.date(2026, 3, 4), dt.date(2026, 3, 20), dt.date(2026, 7, 1)]


def _cases(center: CenterServer) -> None:
    with center.db.write_session() as s:
        item = s.scalars(select(m.ServiceItem)).one()
        for n, day in enumerate(DAYS):
            a = m.Applicant(name="王五")
            s.add(a)
            s.flush()
            at = dt.datetime.combine(day, dt.time(10), BJ)
            s.add(m.Case(case_number=f"P{n}", item_id=item.id, applicant_id=a.id, window_number=1, decision="accept",
                         status=CaseStatus.ACCEPTED, received_on=day, accepted_at=at, created_at=at,
                         due_date=day + dt.timedelta(days=7)))


def _show(qtbot, console: ManagerConsole, kind: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(console.refreshed, timeout=60_000, check_params_cb=lambda p: p == "stats"):
        console.period_kind.setCurrentIndex(console.period_kind.findData(kind))


def _received(console: ManagerConsole) -> int:
    return int(console.stats_departments.item(0, 1).text())


def test_statistics_for_a_day_a_week_a_month_and_a_year(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "c") as center:
        seed_minimal(center.db)
        _cases(center)
        client = CenterClient(center.url)
        client.token = str(client.login_staff("manager", "manager").token)
        console = ManagerConsole(client, hall_name="测试中心", wait_warning_min=30, export_dir=tmp_path / "out")
        qtbot.addWidget(console)
        console.resize(1440, 900)
        console.tabs.setCurrentIndex(3)
        assert [console.period_kind.itemText(i) for i in range(4)] == ["日", "周", "月", "年"]
        with qtbot.waitSignal(console.refreshed, timeout=20_000, check_params_cb=lambda p: p == "stats"):
            console.period_day.setDate(QDate(2026, 3, 4))
        assert "2026-03-04：" in console.stats_summary.text() and "收件1件" in console.stats_summary.text()
        assert _received(console) == 1
        console.grab().save(str(tmp_path / "console-day.png"))
        _show(qtbot, console, "week")
        assert console.period_range.text() == "2026-03-02 – 2026-03-08" and _received(console) == 2
        assert not console.chart.isVisibleTo(console)  # tickets per hour belong to one day
        _show(qtbot, console, "month")
        assert _received(console) == 3 and "2026-03：" in console.stats_summary.text()
        _show(qtbot, console, "year")
        assert _received(console) == 4 and "2026：" in console.stats_summary.text()
        console.grab().save(str(tmp_path / "console-year.png"))

        # a week chosen, then at once a day: the week's late answer does not replace the day's figures
        with qtbot.waitSignal(console.refreshed, timeout=60_000, check_params_cb=lambda p: p == "stats"):
            console.period_kind.setCurrentIndex(console.period_kind.findData("week"))
            console.period_kind.setCurrentIndex(console.period_kind.findData("day"))
        qtbot.wait(500)  # both answers are in
        assert _received(console) == 1 and console.stats_summary.text().startswith("2026-03-04：")

        _show(qtbot, console, "week")
        with qtbot.waitSignal(console.refreshed, timeout=20_000, check_params_cb=lambda p: p == "export"):
            console.export(month=False, fmt="csv")
        csv = (tmp_path / "out" / "hall-report-2026-03-02-week.csv").read_text(encoding="utf-8")
        assert "2026-03-02" in csv and "2026-03-08" in csv
        client.close()
