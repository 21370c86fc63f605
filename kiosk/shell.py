"""The kiosk shell: a frameless full-screen window that hosts one visit's page at a time, the header
(hall, clock, offline and device banners, idle countdown), card and scanner input, the idle timeout,
the periodic health check (sync, offline leases, printer and reader state reported to the center), the
elderly mode and the language. The only way out is the admin PIN."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from app.config import KioskSettings
from app.domain.clock import local_now
from app.runtime import TerminalRuntime, TerminalState
from kiosk.backend import KioskBackend
from kiosk.flows.feedback import ComplaintFlow, RatingFlow
from kiosk.flows.lookup import GuideFlow, ProgressFlow
from kiosk.flows.session import KioskSession
from kiosk.flows.ticket import CheckInFlow, TicketFlow
from kiosk.pages.base import Keypad, Page, button, entry, label
from kiosk.pages.feedback import ComplaintPage, RatingPage
from kiosk.pages.home import HomePage
from kiosk.pages.lookup import GuidePage, ProgressPage
from kiosk.pages.style import kiosk_qss
from kiosk.pages.ticket import CheckInPage, TicketPage
from ui.i18n import install_language
from ui.runtime_bridge import RuntimeBridge

log = logging.getLogger("hall.kiosk")


class CardBridge(QObject):
    """From the reader's owner thread to the GUI thread (queued signals)."""

    placed = Signal(str, str)  # id number, name
    removed = Signal()
    failed = Signal(str)


class PinPage(Page):
    key = "admin"

    def heading(self) -> str:
        return self.tr("Administrator")

    def can_go_back(self) -> bool:
        return False

    def build(self) -> None:
        self.body.addWidget(label(self.tr("Enter the administrator PIN to leave the kiosk"), "prompt"))
        pin = entry("")
        pin.setEchoMode(pin.EchoMode.Password)
        self.body.addWidget(pin)
        self.body.addWidget(Keypad(pin, "1234567890", columns=5, max_len=12))
        self.body.addWidget(button(self.tr("Leave kiosk"), lambda: self.shell.admin_exit(pin.text()), "primary"))
        self.body.addStretch(1)


class KioskShell(QWidget):
    exited = Signal()

    def __init__(
        self,
        backend: KioskBackend,
        settings: KioskSettings,
        *,
        hall_name: str,
        speak: Callable[[str], None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        runtime: TerminalRuntime | None = None,
    ) -> None:
        super().__init__()
        # the terminal's runtime: flows' steps run on its serialized executor; replication runs in it
        self._owns_runtime = runtime is None
        self.runtime = (runtime or TerminalRuntime(backend.term)).start()
        self.bridge = RuntimeBridge(self.runtime, self)
        self.bridge.state_changed.connect(self._on_state)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.backend, self.settings, self.speak = backend, settings, speak
        self.session = KioskSession(
            idle_timeout_s=settings.idle_timeout_s, warning_s=settings.idle_warning_s, clock=clock
        )
        self.allow_close = False
        self._base_size: QSize | None = None  # the size it was shown at, restored for the next citizen
        self.busy = False
        self.health: dict[str, Any] = {}
        self.notices: list[str] = []  # the hall's current notices, read off the GUI thread by the health check
        self._health_running = False
        self._taps: list[float] = []
        self._scan = ""
        self.setWindowTitle(self.tr("Self-service kiosk"))
        self.setWindowFlags(Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.setContentsMargins(40, 16, 40, 0)
        self.hall = label(hall_name, "hall", wrap=False)
        self.hall.installEventFilter(self)
        self.countdown = label("", "countdown", wrap=False)
        self.clock_label = label("", "clock", wrap=False)
        head.addWidget(self.hall)
        head.addStretch(1)
        head.addWidget(self.countdown)
        head.addWidget(self.clock_label)
        outer.addLayout(head)
        self.banner = label("", "banner")
        outer.addWidget(self.banner)
        self.busy_label = label("", "message", center=True)
        outer.addWidget(self.busy_label)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.page: Page = HomePage(self)
        self.stack.addWidget(self.page)
        self.card = CardBridge(self)
        self.card.placed.connect(self.on_card)
        self.card.failed.connect(self.on_card_error)
        self.card.removed.connect(self.on_card_removed)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.second)
        self.timer.start(1000)
        self.health_timer = QTimer(self)
        self.health_timer.timeout.connect(self.check_health)
        self.set_busy(False)
        self.apply_style()
        self.page.render()
        self.second()
        self.refresh_notices()
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    # ------------------------------------------------------------------ navigation
    def open(self, key: str) -> Page:
        b = self.backend
        page: Page
        if key == "ticket":
            page = TicketPage(self, self.session.start(TicketFlow(b, self.settings.real_name, self.settings.sms_reminder)))  # type: ignore[arg-type]
        elif key == "checkin":
            page = CheckInPage(self, self.session.start(CheckInFlow(b)))  # type: ignore[arg-type]
        elif key == "progress":
            page = ProgressPage(self, self.session.start(ProgressFlow(b)))  # type: ignore[arg-type]
        elif key == "guides":
            page = GuidePage(self, self.session.start(GuideFlow(b)))  # type: ignore[arg-type]
        elif key == "rating":
            page = RatingPage(self, self.session.start(RatingFlow(b)))  # type: ignore[arg-type]
        elif key == "complaint":
            page = ComplaintPage(self, self.session.start(ComplaintFlow(b)))  # type: ignore[arg-type]
        elif key == "admin":
            page = PinPage(self)
        else:
            page = HomePage(self)
        self._show(page)
        return page

    def _show(self, page: Page) -> None:
        old = self.page
        self.page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self.stack.removeWidget(old)
        old.deleteLater()
        page.render()
        self.page_changed()
        page.advance()

    def go_home(self) -> None:
        self.session.end()
        self._show(HomePage(self))

    def reset_for_next_citizen(self) -> None:
        """After the idle timeout (the visit is already wiped): the next citizen finds the kiosk as it
        starts, in Chinese, in the normal mode, at its own size, on the home page."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, self.session.language)
        self.apply_style()
        if self._base_size is not None and not self.isFullScreen():
            self.resize(self._base_size)
        self.go_home()

    def showEvent(self, event: QShowEvent) -> None:
        if self._base_size is None:
            self._base_size = self.size()
        super().showEvent(event)

    def page_changed(self) -> None:
        self.session.touch()
        if self.session.elderly and self.speak is not None:
            self.speak(self.page.prompt())

    def toggle_elderly(self) -> None:
        self.session.elderly = not self.session.elderly
        self.session.touch()
        self.apply_style()
        self.page.render()
        self.page_changed()

    def toggle_language(self) -> None:
        self.session.language = "en" if self.session.language == "zh_CN" else "zh_CN"
        self.set_language(self.session.language)

    def set_language(self, language: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_language(app, language)
        self.setWindowTitle(self.tr("Self-service kiosk"))
        self.session.touch()
        self.page.render()
        self.second()

    def apply_style(self) -> None:
        self.setStyleSheet(kiosk_qss(self.session.elderly, self.settings.elderly_scale))

    # ------------------------------------------------------------------ input
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress):
            self.session.touch()
        if watched is self.hall and kind == QEvent.Type.MouseButtonPress:
            self._corner_tap()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Barcode scanners type the QR text and press Enter."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text, self._scan = self._scan, ""
            if text.strip():
                self.page.scanned(text)
        elif event.text() and event.text().isprintable():
            self._scan += event.text()

    def _corner_tap(self) -> None:
        """Five taps on the hall name within three seconds open the admin PIN page."""
        now = time.monotonic()
        self._taps = [t for t in self._taps if now - t < 3] + [now]
        if len(self._taps) >= 5 and self.settings.admin_pin:
            self._taps.clear()
            self.open("admin")

    def admin_exit(self, pin: str) -> None:
        if self.settings.admin_pin and pin == self.settings.admin_pin:
            log.warning("kiosk left by the administrator")
            self.allow_close = True
            self.exited.emit()
            self.close()
        else:
            log.warning("wrong admin PIN at the kiosk")
            self.go_home()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            self.shutdown()
            event.accept()
        else:
            event.ignore()  # Alt+F4 and friends: the kiosk stays

    def on_card(self, id_number: str, name: str) -> None:
        self.session.touch()
        handler = getattr(self.page, "on_card", None)
        if handler is not None:
            handler(id_number, name)
            self.page_changed()

    def on_card_error(self, why: str) -> None:
        handler = getattr(self.page, "on_card_error", None)
        if handler is not None:
            handler(why)

    def on_card_removed(self) -> None:
        self.session.touch()

    # ------------------------------------------------------------------ status
    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_label.setText(self.tr("Please wait…") if busy else "")
        self.busy_label.setVisible(busy)

    def show_error(self, text: str | None) -> None:
        """A step failed unexpectedly (its traceback is in the log): a plain sentence for the citizen."""
        log.error("kiosk step failed: %s", text or "a bug (traceback above)")
        self.busy_label.setText(self.tr("Something went wrong. Please ask the staff at the service desk."))
        self.busy_label.setVisible(True)

    def shutdown(self) -> None:
        """Stop the runtime (replication, executor) when this shell made it."""
        self.health_timer.stop()
        self.bridge.close()
        if self._owns_runtime:
            self.runtime.close()

    def _on_state(self, new: TerminalState, old: TerminalState) -> None:
        if new.synced_once:
            self.backend.online = new.online
        if new.online and new.cursor != old.cursor:  # something was pulled: maybe the catalog, a notice
            self.bridge.submit(self.backend.refresh_guides, what="catalog index")
            self.refresh_notices()
        if (new.online, new.devices) != (old.online, old.devices):
            self.update_banner()

    def refresh_notices(self) -> None:
        """Read the current notices from the cache (on the runtime's executor) and show them at home."""
        self.bridge.submit(self.backend.notices, self._show_notices, what="notices")

    def _show_notices(self, notices: list[str]) -> None:
        if notices != self.notices:
            self.notices = notices
            if self.page.key == "home":
                self.page.render()

    def second(self) -> None:
        if self.session.tick():
            self.reset_for_next_citizen()
        left = self.session.countdown()
        self.countdown.setText(self.tr("Returning home in %1 s").replace("%1", str(left)) if left is not None else "")
        self.countdown.setVisible(left is not None)
        self.clock_label.setText(local_now().strftime("%Y-%m-%d %H:%M"))
        self.update_banner()

    def update_banner(self) -> None:
        notes = []
        if not self.backend.online:
            notes.append(self.tr("Network interrupted: tickets are still issued; some services need the network."))
        printer = self.health.get("printer") or {}
        if printer and not printer.get("ok", True):
            notes.append(self.tr("The printer is out of service: please note your number on screen."))
        elif printer.get("paper_near_end"):
            notes.append(self.tr("Paper is running low."))
        reader = self.health.get("reader") or {}
        if reader.get("ok") is False:
            notes.append(self.tr("The ID card reader is out of service: please ask the staff."))
        self.banner.setText("　".join(notes))
        self.banner.setVisible(bool(notes))

    def start_health(self, reader_state: Callable[[], tuple[bool | None, str]]) -> None:
        self._reader_state = reader_state
        self.health_timer.start(self.settings.health_interval_s * 1000)
        self.check_health()

    def check_health(self) -> None:
        if self._health_running:  # a slow center: never two checks at once
            return
        self._health_running = True
        reader = getattr(self, "_reader_state", lambda: (None, ""))

        def work() -> dict[str, Any]:
            # replication runs by itself in the runtime; the check keeps offline numbers and reports devices
            if self.backend.online:
                self.backend.ensure_leases()
            ok, note = reader()
            health = self.backend.device_health(ok, note)
            self.backend.report_health(health)
            return health

        def done(health: dict[str, Any]) -> None:
            self._health_running = False
            self.health = health
            printer = health.get("printer") or {}
            self.runtime.state.set_device("printer", printer.get("ok"), str(printer.get("note") or ""))
            rd = health.get("reader") or {}
            self.runtime.state.set_device("reader", rd.get("ok"), str(rd.get("note") or ""))
            self.update_banner()

        def failed(exc: BaseException) -> None:
            self._health_running = False
            log.warning("health check failed: %s", exc)

        self.runtime.wake_sync()  # and a sync round now: the banner tells offline at once
        self.bridge.submit(work, done, failed, what="kiosk health")
