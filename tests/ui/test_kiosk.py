"""The kiosk's pages with pytest-qt against a real center (demo hall) and a real kiosk cache: every page
tapped through in normal and elderly mode, the idle countdown and wipe, the admin PIN, scanner input,
card events, the offline and printer banners, the language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPushButton

from app.config import KioskSettings
from app.demo.day import StaffSession
from app.domain.clock import local_today
from app.domain.lookup import case_qr_payload
from kiosk.shell import KioskShell
from kiosk.tour import Tour, settle, tap
from printers.escpos.printer import EscposPrinter
from tests.support.kiosk import accepted_case, demo_center, kiosk_backend, kiosk_terminal
from ui.fonts import install_fonts
from ui.i18n import current_language, install_language

ZHANG = "11010519491231002X"


@pytest.fixture(scope="module")
def hall(tmp_path_factory):  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("kiosk-ui")
    center = demo_center(tmp)
    _settings, term = kiosk_terminal(center.url, tmp, "kiosk-ui")
    number = f"H01-{local_today():%Y%m%d}-8001"
    accepted_case(term, number, ZHANG, window=1, due_in_days=10)
    term.engine.sync_once()
    term.engine.sync_once()
    yield center, term, number
    term.close()
    center.close()


@pytest.fixture
def shell(qtbot, qapp, hall, tmp_path):  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    _center, term, _number = hall
    now = [1000.0]
    sh = KioskShell(
        kiosk_backend(term, tmp_path / "prints"),
        KioskSettings(admin_pin="2468", idle_timeout_s=60, idle_warning_s=15),
        hall_name="示范政务服务中心",
        clock=lambda: now[0],
    )
    sh.fake_now = now  # type: ignore[attr-defined]
    qtbot.addWidget(sh)
    sh.resize(1080, 1920)
    sh.show()
    yield sh
    sh.allow_close = True
    sh.shutdown()


def _has_ink(img: QImage) -> bool:
    colors = {img.pixel(x, y) for x in range(0, img.width(), 37) for y in range(0, img.height(), 41)}
    return len(colors) > 3


def test_tap_through_every_page_in_both_modes(shell, hall, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    center, _term, number = hall
    shell.settings.sms_reminder = True  # 「快到号时短信提醒」 offered: the phone step is toured too
    mgr = StaffSession(center.url, "manager", "manager")
    clerk = StaffSession(center.url, "clerk05", "clerk", 5)  # window 5 serves category B
    clerk.post("/windows/5/open")
    visit = mgr.post("/tickets", category="B")
    called = clerk.post("/windows/5/call", number=visit["number"])
    clerk.post(f"/tickets/{called['ticket']['id']}/finish")
    seen: dict[str, str] = {}

    def shoot(name: str) -> None:
        img = shell.grab().toImage()
        assert _has_ink(img), name
        seen[name] = shell.page.title.text()

    shots = Tour(shell, shoot).run("normal", case=(number, ZHANG[-6:]), visit_number=visit["number"])
    normal_title = shell.page.title.font().pixelSize()
    shell.toggle_elderly()
    settle(shell)
    elderly_title = shell.page.title.font().pixelSize()
    shots += Tour(shell, shoot).run("elderly", case=(number, ZHANG[-6:]), visit_number=None)
    assert elderly_title >= 1.5 * normal_title > 0
    for page in ("home", "ticket-category", "ticket-card", "ticket-phone", "ticket-done", "ticket-refused", "checkin",
                 "progress-result", "guides", "guides-results", "guides-detail", "rating", "complaint-phone"):
        assert f"{page}-normal" in shots and f"{page}-elderly" in shots
    assert "rating-levels-normal" in shots and "rating-reasons-normal" in shots
    assert seen["ticket-category-normal"] == "取号：请选择业务类别"
    assert seen["progress-result-normal"] == "办件进度查询"
    assert list((tmp_path / "prints").glob("*.png"))  # tickets really printed (sim printer PNGs)


def test_elderly_home_is_simpler(shell) -> None:  # type: ignore[no-untyped-def]
    def tiles() -> list[str]:
        settle(shell)
        return [b.text() for b in shell.page.findChildren(QPushButton) if b.objectName() == "tile" and b.isVisibleTo(shell.page)]

    assert len(tiles()) == 6
    shell.toggle_elderly()
    assert tiles() == ["取号", "预约签到", "办件进度查询", "好差评"]
    assert "#000000" in shell.styleSheet()  # high contrast: black background


def test_idle_countdown_then_home_with_the_visit_wiped(shell) -> None:  # type: ignore[no-untyped-def]
    shell.open("ticket")
    settle(shell)
    flow = shell.page.flow
    tap(shell, flow.categories[1].name)
    assert flow.state == "card"
    now = shell.fake_now
    now[0] += 50
    shell.second()
    assert shell.countdown.isVisibleTo(shell) and shell.countdown.text() == "10 秒后返回首页"
    now[0] += 11
    shell.second()
    assert shell.page.key == "home" and not shell.countdown.isVisibleTo(shell)
    assert flow.prefix == "" or flow.snapshot()["holding"] == []
    assert shell.session.flow is None


def test_the_idle_reset_gives_the_next_citizen_chinese_normal_mode_and_the_same_size(shell) -> None:  # type: ignore[no-untyped-def]
    size = shell.size()
    tap(shell, "English")
    shell.toggle_elderly()
    shell.open("guides")
    settle(shell)
    assert "#000000" in shell.styleSheet() and shell.page.title.text() != "办事指南"
    shell.fake_now[0] += 61
    shell.second()
    settle(shell)
    assert shell.page.key == "home" and shell.page.title.text() == "欢迎！请选择您要办理的服务"
    assert current_language() == "zh_CN" and not shell.session.elderly
    assert "#000000" not in shell.styleSheet()  # the normal colours again
    tiles = [b.text() for b in shell.page.findChildren(QPushButton) if b.objectName() == "tile"]
    assert "取号" in tiles[0] and len(tiles) == 6
    assert shell.size() == size


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_elderly_mode_fits_the_screen_in_both_orientations(shell, size, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shell.resize(*size)
    settle(shell)
    shell.toggle_elderly()
    for key in ("home", "ticket", "checkin", "progress", "guides", "rating", "complaint"):
        shell.open(key)
        settle(shell)
        assert (shell.width(), shell.height()) == size, key  # the window never grows past the screen
        home = [b for b in shell.page.findChildren(QPushButton) if b.text() == "首页" and b.isVisibleTo(shell)]
        if key != "home":
            assert home, key
            corner = home[0].mapTo(shell, home[0].rect().bottomRight())
            assert shell.rect().contains(corner), (key, corner)  # 首页 in reach, not below the screen
        shell.grab().save(str(tmp_path / f"elderly-{key}-{size[0]}x{size[1]}.png"))


def test_card_on_the_reader_issues_a_real_name_ticket(shell) -> None:  # type: ignore[no-untyped-def]
    """Through the real driver: the poller thread reads GA 467 frames from the simulated reader."""
    import time

    from app.devices.idcard.sim import get_sim
    from kiosk.reader import start_reader

    reader = start_reader("sim://kiosk-ui-reader?card=none", shell.card)
    try:
        shell.open("ticket")
        settle(shell)
        tap(shell, shell.page.flow.categories[5].name)
        get_sim("kiosk-ui-reader").place("wangfang")
        deadline = time.monotonic() + 10
        while shell.page.flow.state != "done" and time.monotonic() < deadline:
            settle(shell)
            time.sleep(0.02)
        assert shell.page.flow.state == "done", shell.page.flow.detail
        assert shell.page.flow.ticket.number.startswith(shell.page.flow.categories[5].prefix)
        assert shell.page.flow.id_number == ""
        assert reader.state() == (True, "")
    finally:
        reader.stop()


def test_no_open_window_promises_no_wait(shell, hall) -> None:  # type: ignore[no-untyped-def]
    """A category nobody serves yet: the ticket is issued, but neither 即将叫号 nor a wait is promised."""
    center, _term, _number = hall
    clerk = StaffSession(center.url, "clerk05", "clerk", 5)  # window 5 is the one that serves category B
    clerk.post("/windows/5/close")

    def ticket_for(prefix: str, id_number: str, name: str):  # type: ignore[no-untyped-def]
        shell.open("ticket")
        settle(shell)
        tap(shell, next(c.name for c in shell.page.flow.categories if c.prefix == prefix))
        shell.on_card(id_number, name)
        settle(shell)
        assert shell.page.flow.state == "done", shell.page.flow.detail
        return shell.page.flow.ticket, [lab.text() for lab in shell.page.findChildren(QLabel)]

    closed, texts = ticket_for("B", "36070219920315002X", "王芳")
    assert closed.no_open_window and closed.estimated_wait_min is None
    assert any("暂无窗口办理" in t for t in texts) and not any("即将叫号" in t or "预计等待" in t for t in texts)
    clerk.post("/windows/5/open")
    shell.go_home()
    served, texts = ticket_for("B", "440524188001010014", "李四")
    assert not served.no_open_window and served.estimated_wait_min is not None
    assert any("预计等待" in t for t in texts)
    clerk.post("/windows/5/close")


def test_an_older_foreigners_permanent_residence_card_takes_a_ticket(shell) -> None:  # type: ignore[no-untyped-def]
    shell.open("ticket")
    settle(shell)
    tap(shell, shell.page.flow.categories[2].name)
    shell.on_card("USA310080060101", "史密斯")  # 15 characters: refused before as "must have 18 characters"
    settle(shell)
    assert shell.page.flow.state == "done", shell.page.flow.detail
    texts = " ".join(lab.text() for lab in shell.page.findChildren(QLabel))
    assert "USA310080060101" not in texts


def test_a_notice_to_the_kiosks_appears_on_the_home_page(shell, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import time

    center, _term, _number = hall
    mgr = StaffSession(center.url, "manager", "manager")
    mgr.post("/notices", text="今日下午税务系统升级，14:00起暂停办理税务综合业务。", audience="kiosks")
    mgr.post("/notices", text="只发叫号屏的通知", audience="screens")
    def texts() -> str:
        return " ".join(lab.text() for lab in shell.page.findChildren(QLabel) if lab.isVisibleTo(shell))

    deadline = time.monotonic() + 15
    while "税务系统升级" not in texts() and time.monotonic() < deadline:
        shell.runtime.wake_sync()
        settle(shell)
        time.sleep(0.1)
    assert shell.page.key == "home" and "通知公告" in texts() and "税务系统升级" in texts()
    assert "只发叫号屏的通知" not in texts()  # a notice for the screens stays off the kiosks
    tiles = [b for b in shell.page.findChildren(QPushButton) if b.objectName() == "tile"]
    assert not tiles[0].icon().isNull() and tiles[0].height() > tiles[1].height()  # 取号: the biggest, with a pictogram
    assert tiles[0].width() > 15 / 0.265 and tiles[1].height() > 15 / 0.265  # ≥ 15 mm for a finger (0.265 mm/px, 23.8")
    shell.grab().save(str(tmp_path / "home-normal.png"))
    shell.toggle_elderly()
    settle(shell)
    shell.grab().save(str(tmp_path / "home-elderly.png"))


def test_a_moving_picture_shows_where_the_id_card_goes(shell, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.pages.icons import PlaceCardAnimation

    shell.open("ticket")
    settle(shell)
    tap(shell, shell.page.flow.categories[0].name)
    assert shell.page.flow.state == "card"
    steps = [lab for lab in shell.page.findChildren(QLabel) if lab.property("step") is not None and lab.isVisibleTo(shell)]
    assert [lab.objectName() for lab in steps] == ["step_done", "step_current", "step_pending"]
    assert "刷身份证" in steps[1].text()
    (anim,) = [a for a in shell.page.findChildren(PlaceCardAnimation) if a.isVisibleTo(shell)]
    first = anim.pixmap().toImage()
    qtbot.waitUntil(lambda: anim.frame >= 2, timeout=3000)
    assert anim.pixmap().toImage() != first  # the card moves
    shell.grab().save(str(tmp_path / "ticket-card.png"))
    shell.open("checkin")
    settle(shell)
    assert [a for a in shell.page.findChildren(PlaceCardAnimation) if a.isVisibleTo(shell)]


def test_check_in_shows_the_appointment(shell, hall) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from app.domain.clock import HALL_TZ

    center, _term, _number = hall
    nine = dt.datetime.combine(local_today(), dt.time(9, 0), tzinfo=HALL_TZ)
    booked = StaffSession(center.url, "manager", "manager").post(
        "/appointments", category="E", name="王芳", slot_start=nine.isoformat(), slot_minutes=30
    )
    shell.open("checkin")
    settle(shell)
    shell.page._code(booked["code"])
    settle(shell)
    texts = " ".join(lab.text() for lab in shell.page.findChildren(QLabel) if lab.isVisibleTo(shell))
    assert shell.page.flow.state == "done", shell.page.flow.message
    assert "签到成功" in texts and "预约时段：09:00–09:30" in texts and "预约人：王*" in texts, texts


@pytest.mark.parametrize("elderly", [False, True], ids=["normal", "elderly"])
def test_the_english_home_page_fits_the_screen(shell, elderly: bool, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Long English labels ("Complaints and suggestions") once pushed the page past the screen's right edge."""
    tap(shell, "English")
    if elderly:
        shell.toggle_elderly()
    settle(shell)
    buttons = [b for b in shell.page.findChildren(QPushButton) if b.isVisibleTo(shell)]
    assert any(b.text() == "中文" for b in buttons)
    for b in buttons:
        right = b.mapTo(shell, b.rect().topRight()).x()
        assert right <= shell.width(), (b.text(), right, shell.width())
        text_width = max(b.fontMetrics().horizontalAdvance(line) for line in b.text().split("\n"))
        needed = text_width + b.iconSize().width() + 2 * 18 + 8  # padding 18 px each side, icon spacing
        assert needed <= b.width(), (b.text(), needed, b.width())  # not cut inside the button
    shell.grab().save(str(tmp_path / f"home-en-{'elderly' if elderly else 'normal'}.png"))


def test_a_scanned_qr_shows_the_case(shell, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _center, _term, number = hall
    from PySide6.QtTest import QTest

    shell.open("progress")
    QTest.keyClicks(shell, case_qr_payload(number, ZHANG))
    QTest.keyClick(shell, Qt.Key.Key_Return)
    settle(shell)
    assert shell.page.flow.state == "result"
    assert shell.page.flow.result.case_number == number
    steps = {lab.property("step"): lab for lab in shell.page.findChildren(QLabel) if lab.property("step")}
    assert list(steps) == ["received", "processing", "decided", "delivered"]  # an accepted case's way
    assert steps["received"].objectName() == "step_done" and "已收件" in steps["received"].text()
    assert steps["processing"].objectName() == "step_current" and "办理中" in steps["processing"].text()
    assert steps["decided"].objectName() == steps["delivered"].objectName() == "step_pending"
    shell.grab().save(str(tmp_path / "progress-result.png"))


def test_only_the_admin_pin_leaves_the_kiosk(shell, qtbot) -> None:  # type: ignore[no-untyped-def]
    shell.close()
    assert shell.isVisible()  # closing is ignored
    for _ in range(5):
        qtbot.mouseClick(shell.hall, Qt.MouseButton.LeftButton)
    assert shell.page.key == "admin"
    for k in "1111":
        tap(shell, k)
    tap(shell, "退出自助终端")
    assert shell.page.key == "home" and shell.isVisible()
    for _ in range(5):
        qtbot.mouseClick(shell.hall, Qt.MouseButton.LeftButton)
    for k in "2468":
        tap(shell, k)
    with qtbot.waitSignal(shell.exited, timeout=2000):
        tap(shell, "退出自助终端")
    assert not shell.isVisible()


def test_language_switch_and_back(shell) -> None:  # type: ignore[no-untyped-def]
    tap(shell, "English")
    assert shell.page.title.text() == "Welcome. Please choose a service"
    tap(shell, "中文")
    assert shell.page.title.text() == "欢迎！请选择您要办理的服务"


def test_printer_out_of_paper_and_center_down_are_shown_plainly(shell, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    center, _term, _number = hall
    shell.backend.printer = EscposPrinter(f"sim://{tmp_path / 'p'}?paper=out")
    center.stop()
    try:
        shell.start_health(lambda: (False, "reader unplugged"))
        deadline = 100
        while "网络中断" not in shell.banner.text() and deadline:
            settle(shell)
            import time

            time.sleep(0.05)
            deadline -= 1
        text = shell.banner.text()
        assert "网络中断" in text and "打印机暂时故障" in text and "读卡器暂时故障" in text
    finally:
        shell.health_timer.stop()
        center.start()


def test_elderly_mode_speaks_each_page(qtbot, qapp, hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _center, term, _number = hall
    said: list[str] = []
    sh = KioskShell(kiosk_backend(term, tmp_path / "p"), KioskSettings(), hall_name="示范政务服务中心", speak=said.append)
    qtbot.addWidget(sh)
    sh.show()
    sh.open("ticket")
    assert said == []  # silent unless the elderly mode is on
    sh.go_home()
    tap(sh, "长者模式")
    assert said[-1] == "欢迎，请点击您要办理的服务"
    tap(sh, "取号")
    settle(sh)
    assert "请选择业务类别" in said[-1]
    sh.allow_close = True
    sh.shutdown()


def test_a_card_lifted_during_the_read_is_explained(shell) -> None:  # type: ignore[no-untyped-def]
    import time

    from app.devices.idcard.sim import get_sim
    from kiosk.reader import start_reader

    reader = start_reader("sim://kiosk-ui-lift?card=none&fault=remove_mid_read", shell.card)
    try:
        shell.open("ticket")
        settle(shell)
        tap(shell, shell.page.flow.categories[2].name)
        get_sim("kiosk-ui-lift").place("lisi")
        deadline = time.monotonic() + 10
        while "lay it flat" not in shell.page.flow.message and time.monotonic() < deadline:
            settle(shell)
            time.sleep(0.02)
        assert shell.page.flow.state == "card" and "lay it flat" in shell.page.flow.message
        assert "removed" in shell.page.flow.detail
    finally:
        reader.stop()
