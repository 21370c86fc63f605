"""The console's appointments tab against a real center: the manager sets a category's slot plan and sees
the day's bookings with masked data only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from app.domain.clock import HALL_TZ, local_today
from app.store import models as m
from app.sync.client import CenterClient
from tests.support.center import CenterServer, seed_minimal
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.booking_tab import BookingTab


def test_the_manager_sets_a_plan_and_sees_the_days_bookings(qtbot, qapp, sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "c") as center:
        seed_minimal(center.db)
        today = local_today()
        with center.db.write_session() as s:
            cat = s.scalar(select(m.Category).where(m.Category.prefix == "A"))
            assert cat is not None
            cat.hours = "09:00-12:00"
            t0 = dt.datetime.combine(today, dt.time(9, 30), HALL_TZ)
            s.add(m.Appointment(code="12345678", category_id=cat.id, day=today, slot_start=t0,
                                slot_end=t0 + dt.timedelta(minutes=30), applicant_name_masked="张*丰",
                                id_number_masked="110105********002X", phone_masked="138****5678", source="public"))
        client = CenterClient(center.url)
        client.token = str(client.login_staff("manager", "manager").token)
        tab = BookingTab(client.call)
        qtbot.addWidget(tab)
        with qtbot.waitSignal(tab.loaded, timeout=10_000, check_params_cb=lambda p: p == "day"):
            tab.refresh()
        qtbot.waitUntil(lambda: tab.plans.rowCount() == 2, timeout=5000)
        assert tab.plans.item(0, 0).text() == "A" and tab.plans.item(0, 9).text() == "关"
        assert tab.bookings.rowCount() == 1
        cells = [tab.bookings.item(0, c).text() for c in range(8)]
        assert cells == ["09:30–10:00", "企业开办", "", "12345678", "张*丰", "110105********002X", "138****5678", "已预约"]
        assert tab.counts.text() == "已预约1个，已签到0个，已取消0个，爽约0个"
        tab.category.setCurrentIndex(tab.category.findData("A"))
        tab.slot_minutes.setValue(20)
        tab.per_window.setValue(3)
        tab.days_ahead.setValue(5)
        tab.cutoff.setValue(30)
        with qtbot.waitSignal(tab.loaded, timeout=10_000, check_params_cb=lambda p: p == "plans"):
            tab.save_plan()
        plan = next(p for p in client.call("GET", "/booking/plans") if p["category"] == "A")["plan"]
        assert plan == {"slot_minutes": 20, "per_window": 3, "days_ahead": 5, "cutoff_minutes": 30, "active": True}
        qtbot.waitUntil(lambda: tab.plans.item(0, 6).text() == "6", timeout=5000)  # 3 places × 2 windows
        assert tab.plans.item(0, 9).text() == "开"
        tab.resize(1300, 700)
        shots = Path(__file__).resolve().parents[2] / "build" / "screenshots" / "console"
        shots.mkdir(parents=True, exist_ok=True)
        tab.grab().save(str(shots / "booking.png"))
