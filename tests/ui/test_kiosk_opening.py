"""Opening hours at the kiosk: outside them it offers nothing and says plainly when the next opening is;
within them it offers the open categories. The kiosk's clock is injected, never today's hour."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from app.config import KioskSettings
from app.domain.clock import HALL_TZ
from kiosk.shell import KioskShell
from kiosk.tour import settle
from tests.support.kiosk import demo_center, kiosk_backend, kiosk_terminal
from ui.fonts import install_fonts
from ui.i18n import install_language

HOURS = "工作日 09:00-12:00,13:30-17:30；周六 09:00-12:00"
SUNDAY_EVENING = dt.datetime(2026, 11, 29, 20, 0, tzinfo=HALL_TZ)
MONDAY_MORNING = dt.datetime(2026, 11, 30, 10, 0, tzinfo=HALL_TZ)


@pytest.fixture(scope="module")
def hall(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("kiosk-opening")
    center = demo_center(tmp)
    api = f"{center.url}/api/v1"
    token = httpx.post(f"{api}/auth/login", json={"username": "admin", "password": "admin"}).json()["token"]
    admin = {"Authorization": f"Bearer {token}"}
    for cat in httpx.get(f"{api}/admin/categories", headers=admin).json():
        body = {"hours": HOURS, "cutoff_minutes": 30}
        httpx.put(f"{api}/admin/categories/{cat['prefix']}", json=body, headers=admin).raise_for_status()
    _settings, term = kiosk_terminal(center.url, tmp, "kiosk-hours")
    term.engine.sync_once()
    yield term
    term.close()
    center.close()


def _shell(qtbot, qapp, term, tmp_path, now: dt.datetime) -> KioskShell:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    backend = kiosk_backend(term, tmp_path / "prints")
    backend.clock = lambda: now  # type: ignore[method-assign]
    sh = KioskShell(backend, KioskSettings(), hall_name="示范政务服务中心")
    qtbot.addWidget(sh)
    sh.resize(1080, 1920)
    sh.show()
    sh.open("ticket")
    settle(sh)
    qtbot.waitUntil(lambda: sh.page.flow.loaded, timeout=10_000)
    settle(sh)
    return sh


def _tiles(sh: KioskShell) -> list[str]:
    return [b.text() for b in sh.page.findChildren(QPushButton) if b.objectName() == "tile" and b.isVisibleTo(sh.page)]


def test_outside_opening_hours_the_kiosk_offers_nothing_and_says_when_it_opens(qtbot, qapp, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sh = _shell(qtbot, qapp, hall, tmp_path, SUNDAY_EVENING)
    try:
        assert _tiles(sh) == []
        texts = " ".join(lb.text() for lb in sh.page.findChildren(QLabel) if lb.isVisibleTo(sh.page))
        assert "今天休息" in texts and "下次取号时间：11月30日（周一）09:00" in texts, texts
    finally:
        sh.allow_close = True


def test_within_opening_hours_the_kiosk_offers_the_open_categories(qtbot, qapp, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    sh = _shell(qtbot, qapp, hall, tmp_path, MONDAY_MORNING)
    try:
        assert len(_tiles(sh)) == 9 and any("企业开办" in t for t in _tiles(sh))
    finally:
        sh.allow_close = True
