"""The clerk's window at a comprehensive-acceptance counter: login, the status bar, queue controls with
keyboard shortcuts, acceptance (applicant, item search, materials checklist, one decision), the case
list. A thin view: the rules live in app.counter.service and app.domain.acceptance."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.counter.service import Accepted, ApplicantIn, CaseRow, CounterService
from app.domain.acceptance import Decision, MaterialCheck
from app.domain.clock import local_today
from app.domain.consent import CASE_SMS
from app.domain.idnumber import is_valid_id_number, mask_id_number, mask_name, mask_phone
from app.errors import HallError
from app.runtime import TerminalRuntime, TerminalState
from app.views.guides import GuideItem
from ui.counter.agent_box import AgentBox
from ui.counter.customer import CustomerWindow
from ui.counter.refusal_choices import RefusalChoices
from ui.counter.refused import RefusedDialog
from ui.counter.search_keys import SearchKeys
from ui.i18n import current_language, hall_text, shown
from ui.i18n import label as ui_label
from ui.runtime_bridge import RuntimeBridge, plain_message

log = logging.getLogger("hall.ui.counter")
LIGHT_COLORS = {"green": "#d7f5dd", "yellow": "#fff1c2", "red": "#fdd6d3"}
COUNTER_QSS = """
QWidget { font-size: 15px; }
QLabel#status { background: #0b2a5b; color: white; padding: 6px 10px; font-size: 16px; }
QLabel#status_offline { background: #c5221f; color: white; padding: 6px 10px; font-size: 16px; }
QLabel#current { font-size: 44px; font-weight: bold; color: #c5221f; }
QLabel#paused { background: #e37400; color: white; font-size: 20px; font-weight: bold; padding: 8px; }
QLabel#warn { color: #7a4b00; background: #fff1c2; padding: 6px; font-weight: bold; }
QWidget#refused { background: #fff1c2; }
QLabel#refused_text { color: #7a4b00; font-weight: bold; padding: 4px 8px; }
QLabel#error { color: #a50e0e; background: #fde2e1; padding: 6px; }
QLabel#ok { color: #137333; background: #e6f4ea; padding: 6px; }
QPushButton { min-height: 34px; }
QPushButton#decide { font-weight: bold; min-height: 40px; }
"""


class CounterWindow(QMainWindow):
    done = Signal(str)  # what the last action did (tests wait on it)
    failed = Signal(str)

    def __init__(
        self,
        svc: CounterService,
        customer: CustomerWindow | None = None,
        *,
        read_card: Callable[[], Any] | None = None,
        runtime: TerminalRuntime | None = None,
        owns_runtime: bool | None = None,
    ) -> None:
        super().__init__()
        self.svc, self.customer, self.read_card = svc, customer, read_card
        # the terminal's runtime: every action below runs on its serialized executor, in the order pressed;
        # replication runs in it from now until the window closes, whoever is logged in
        self._owns_runtime = runtime is None if owns_runtime is None else owns_runtime
        self.runtime = (runtime or TerminalRuntime(svc.term)).start()
        svc.state = self.runtime.state
        self.bridge = RuntimeBridge(self.runtime, self)
        self.bridge.state_changed.connect(self._on_state)
        self._queue_info: dict[str, Any] | None = None
        self.state_seen = 0  # the version of the last snapshot the window has shown
        self.item: GuideItem | None = None
        self.results: list[GuideItem] = []
        self.last: Accepted | None = None
        self.case_rows: list[CaseRow] = []
        self.card_id = ""  # the ID number read from a card or typed and checked (shown masked)
        self.id_from_card = False
        self.awaiting_rating = False  # finished: the customer window's pad waits for the citizen
        self._shown_paused = False
        self._status_running = False
        self.busy = 0
        self.setWindowTitle(self.tr("Comprehensive acceptance counter"))
        self.setStyleSheet(COUNTER_QSS)
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self.pages.addWidget(self._login_page())
        self.pages.addWidget(self._main_page())
        if customer is not None:
            customer.rated.connect(self.rate)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh_status)
        self.resize(1440, 900)

    # ------------------------------------------------------------------ plumbing
    def run(
        self,
        fn: Callable[[], Any],
        then: Callable[[Any], None] | None = None,
        what: str = "",
        *,
        network_read: bool = False,
    ) -> None:
        """`fn` on the runtime's serialized executor (after every action pressed before it), `then` on the
        GUI thread; a failure shows its plain message (its traceback goes to the log when it is a bug)."""
        self.busy += 1

        def ok(result: Any) -> None:
            self.busy -= 1
            if then is not None:
                then(result)
            self.done.emit(what)

        def bad(exc: BaseException) -> None:
            self.busy -= 1
            text = self.plain(exc)
            self.show_error(text)
            self.failed.emit(text)
            if self.svc.current_stale:  # an answer was lost: the center knows what this window holds
                self.recover_current()

        self.bridge.submit(fn, ok, bad, network_read=network_read, what=what)

    def plain(self, exc: BaseException) -> str:
        code = getattr(exc, "code", None)
        if code == "no_ticket":
            return self.tr("No ticket is being served at this window: press F1 to call the next number.")
        if code == "window_paused":
            return self.tr("The window is paused: press F8 to resume the service first.")
        return plain_message(exc, current_language()) or self.tr(
            "Something went wrong. The details are in the log; please tell the administrator."
        )

    def show_warning(self, text: str) -> None:
        self.message.setObjectName("warn")
        self.message.setStyleSheet("")
        self.message.setText(text)

    def recover_current(self) -> None:
        """Ask the center which ticket this window holds, and show it."""

        def work() -> Any:
            try:
                return self.svc.sync_current()
            except HallError as exc:  # still cut off: the next key press tries again
                log.info("window %s: current ticket not recovered: %s", self.svc.window, exc)
                return None

        self.run(work, lambda _t: None, "recover")

    def _on_state(self, new: TerminalState, old: TerminalState) -> None:
        self.state_seen = max(self.state_seen, new.version)
        if new.current_ticket != old.current_ticket:
            self._show_current()
        if (new.online, new.pending_ops, new.rejected_ops) != (old.online, old.pending_ops, old.rejected_ops):
            self._show_status()
        if new.rejected_ops != old.rejected_ops and self.refused_dialog is not None and self.refused_dialog.isVisible():
            self.run(self.svc.refused_records, self.refused_dialog.show_rows, "refused")  # one resolved, one more
        if new.online and not old.online and old.synced_once and self.svc.clerk is not None:
            self.recover_current()  # reconnected: the center may have moved the window on

    def shutdown(self) -> None:
        """Stop the runtime (replication, executor) when this window made it."""
        self.timer.stop()
        self.bridge.close()
        if self._owns_runtime:
            self.runtime.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def show_error(self, text: str) -> None:
        self.message.setObjectName("error")
        self.message.setStyleSheet("")
        self.message.setText(text)

    def show_ok(self, text: str) -> None:
        self.message.setObjectName("ok")
        self.message.setStyleSheet("")
        self.message.setText(text)

    # ------------------------------------------------------------------ login
    def _login_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.login)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        login = QPushButton(self.tr("Log in"))
        login.clicked.connect(self.login)
        card_login = QPushButton(self.tr("Log in with my ID card"))
        card_login.clicked.connect(self.login_with_card)
        self.login_message = QLabel("")
        self.login_message.setObjectName("error")
        lay = QVBoxLayout(page)
        title = QLabel(self.tr("Window %1 — clerk login").replace("%1", str(self.svc.window)))
        title.setStyleSheet("font-size: 28px; font-weight: bold;")
        lay.addStretch(1)
        lay.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        box = QWidget()
        box.setLayout(form)
        box.setFixedWidth(420)
        lay.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(login, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(card_login, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addWidget(self.login_message, 0, Qt.AlignmentFlag.AlignHCenter)
        lay.addStretch(2)
        return page

    def login(self) -> None:
        user, password = self.user.text().strip(), self.password.text()
        self._login(lambda: self.svc.login(user, password))

    def login_with_card(self) -> None:
        read = self.read_card
        if read is None:
            self.login_message.setText(self.tr("No ID-card reader is configured: log in with your password."))
            return
        self._login(lambda: self.svc.login_card(read().id_number))

    def _login(self, do: Callable[[], Any]) -> None:
        def work() -> Any:
            clerk = do()
            _ = self.svc.guides  # load the catalog now, not at the first keystroke
            if not clerk.offline:
                try:
                    self.svc.open_window()
                except HallError as exc:  # the window may already be open
                    log.info("open window: %s", exc)
                try:
                    self.svc.sync_current()  # a restart: the center may already hold a ticket for this window
                except HallError as exc:
                    log.info("current ticket at login: %s", exc)
            return clerk

        def ok(clerk: Any) -> None:
            self.password.clear()
            self.pages.setCurrentIndex(1)
            self.timer.start(5000)
            self.refresh_status()
            self.refresh_cases()
            if clerk.offline:
                self.show_error(self.tr("Logged in offline: calling needs the center; acceptance goes on and syncs later."))

        self.busy += 1

        def bad(exc: BaseException) -> None:
            self.busy -= 1
            text = self.plain(exc)
            self.login_message.setText(text)
            self.failed.emit(text)

        def good(clerk: Any) -> None:
            self.busy -= 1
            ok(clerk)
            self.done.emit("login")

        self.bridge.submit(work, good, bad, what="login")

    # ------------------------------------------------------------------ main page
    def _main_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        self.status = QLabel("")
        self.status.setObjectName("status")
        outer.addWidget(self.status)
        outer.addWidget(self._refused_bar())
        self.message = QLabel("")
        self.message.setWordWrap(True)
        outer.addWidget(self.message)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        body.addWidget(self._queue_panel())
        self.tabs = QTabWidget()
        self.tabs.addTab(self._acceptance_tab(), self.tr("Acceptance"))
        self.tabs.addTab(self._cases_tab(), self.tr("Cases"))
        body.addWidget(self.tabs, 1)
        return page

    def _refused_bar(self) -> QWidget:
        """Shown while the center has refused some of this counter's records, until a manager resolves
        them: how many, and the list with the reason of each."""
        self.refused_bar = QWidget()
        self.refused_bar.setObjectName("refused")
        self.refused_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        row = QHBoxLayout(self.refused_bar)
        row.setContentsMargins(0, 0, 6, 0)
        self.refused_text = QLabel("")
        self.refused_text.setObjectName("refused_text")
        self.refused_button = QPushButton(self.tr("See the refused records"))
        self.refused_button.clicked.connect(self.show_refused)
        row.addWidget(self.refused_text, 1)
        row.addWidget(self.refused_button)
        self.refused_bar.hide()
        self.refused_dialog: RefusedDialog | None = None
        return self.refused_bar

    def show_refused(self) -> None:
        """The list of the refused records (read from the cache on the executor)."""

        def shown(rows: list[Any]) -> None:
            if self.refused_dialog is None:
                self.refused_dialog = RefusedDialog(self)
            self.refused_dialog.show_rows(rows)
            self.refused_dialog.show()

        self.run(self.svc.refused_records, shown, "refused")

    def _queue_panel(self) -> QWidget:
        panel = QWidget()
        panel.setFixedWidth(260)
        lay = QVBoxLayout(panel)
        lay.addWidget(QLabel(self.tr("At the window")))
        self.current = QLabel("—")
        self.current.setObjectName("current")
        lay.addWidget(self.current)
        self.window_state = QLabel(self.tr("SERVICE PAUSED\npress F8 to resume"))  # 暂停服务 at the window
        self.window_state.setObjectName("paused")
        self.window_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.window_state.hide()
        lay.addWidget(self.window_state)
        actions = [
            (self.tr("Call next"), "F1", self.call_next),
            (self.tr("Recall"), "F2", self.recall),
            (self.tr("No-show"), "F3", self.no_show),
            (self.tr("Start service"), "F4", self.start),
            (self.tr("Finish service"), "F5", self.finish),
            (self.tr("Pause"), "F7", self.pause),
            (self.tr("Resume"), "F8", self.resume),
        ]
        self.queue_buttons: dict[str, QPushButton] = {}
        for text, key, fn in actions:
            b = QPushButton(f"{text}  [{key}]")
            b.clicked.connect(lambda _c=False, f=fn: f())
            QShortcut(QKeySequence(key), self, activated=fn)
            lay.addWidget(b)
            self.queue_buttons[key] = b
        self.call_number_edit = QLineEdit()
        self.call_number_edit.setPlaceholderText(self.tr("Number, e.g. A023"))
        call = QPushButton(self.tr("Call this number") + "  [Ctrl+G]")
        call.clicked.connect(self.call_number)
        QShortcut(QKeySequence("Ctrl+G"), self, activated=lambda: self.call_number_edit.setFocus())
        self.call_number_edit.returnPressed.connect(self.call_number)
        lay.addWidget(self.call_number_edit)
        lay.addWidget(call)
        self.transfer_edit = QLineEdit()
        self.transfer_edit.setPlaceholderText(self.tr("Transfer to category, e.g. B"))
        transfer = QPushButton(self.tr("Transfer") + "  [F6]")
        transfer.clicked.connect(self.transfer)
        QShortcut(QKeySequence("F6"), self, activated=self.transfer)
        lay.addWidget(self.transfer_edit)
        lay.addWidget(transfer)
        lay.addStretch(1)
        logout = QPushButton(self.tr("Log out"))
        logout.clicked.connect(self.logout)
        lay.addWidget(logout)
        return panel

    def _show_current(self) -> None:
        t = self.runtime.state.get().current_ticket
        self.current.setText(t.number if t else "—")
        if self.customer is not None:
            clerk = self.svc.clerk
            self.customer.set_clerk(clerk.name if clerk else None, clerk.username if clerk else None)
            if t:
                self.awaiting_rating = False
                self.customer.show_ticket(t.number, t.status)
            elif self.awaiting_rating:
                pass  # the pad stays for the visit just finished
            elif self.svc.paused:
                self.customer.show_paused()
            else:
                self.customer.idle()
        self._show_window_state()

    def _show_window_state(self) -> None:
        """暂停服务 as the center holds it: a marker at the counter, 暂停服务 on the customer window."""
        paused = self.svc.paused and self.svc.clerk is not None
        self.window_state.setVisible(paused)
        if paused == self._shown_paused:
            return
        self._shown_paused = paused
        if self.customer is not None and self.runtime.state.get().current_ticket is None and not self.awaiting_rating:
            if paused:
                self.customer.show_paused()
            else:
                self.customer.idle()

    def _ticket(self, fn: Callable[[], Any], what: str, said: Callable[[Any], str]) -> None:
        """A queue key on the window's ticket; `said(ticket)` is what the message line tells the clerk."""

        def then(ticket: Any) -> None:
            self._show_current()
            self.show_ok(said(ticket))
            self.refresh_status()

        self.run(fn, then, what)

    def recall(self) -> None:
        self._ticket(self.svc.recall, "recall", lambda t: self.tr("Called %1 again").replace("%1", t["number"]))

    def no_show(self) -> None:
        self._ticket(
            self.svc.no_show, "no_show", lambda t: self.tr("%1 did not come: marked as no-show").replace("%1", t["number"])
        )

    def start(self) -> None:
        self._ticket(self.svc.start, "start", lambda t: self.tr("Serving %1 now").replace("%1", t["number"]))

    def pause(self) -> None:
        self._ticket(self.svc.pause, "pause", lambda _r: self.tr("The window is paused: press F8 to resume."))

    def resume(self) -> None:
        self._ticket(
            self.svc.resume, "resume", lambda _r: self.tr("The window serves again: press F1 to call the next number.")
        )

    def _new_visit(self) -> None:
        """A number was called: nothing of the previous citizen stays on screen."""
        self.clear_form()
        self.outcome.clear()
        self.last = None
        self.awaiting_rating = False

    def _called(self, t: Any) -> None:
        self._new_visit()
        self._show_current()
        if t is None:
            self.show_ok(self.tr("Nobody is waiting for this window."))
        else:
            self.show_ok(self.tr("Called %1").replace("%1", t["number"]))
            if t.get("real_name"):
                self.id_hint.setText(self.tr("Real-name ticket: read the holder's ID card (F9)"))
        self.refresh_status()

    def call_next(self) -> None:
        self.run(self.svc.call_next, self._called, "call_next")

    def call_number(self) -> None:
        number = self.call_number_edit.text().strip()
        if number:
            self.run(lambda: self.svc.call_number(number), lambda t: (self._called(t), self.call_number_edit.clear()), "call")

    def transfer(self) -> None:
        target = self.transfer_edit.text().strip().upper()
        if not target:
            self.show_error(self.tr("Enter the category to transfer to."))
            return

        def then(t: Any) -> None:
            self._show_current()
            self.transfer_edit.clear()
            self.show_ok(self.tr("%1 transferred to %2").replace("%1", t["number"]).replace("%2", target))

        self.run(lambda: self.svc.transfer(category=target), then, "transfer")

    def finish(self) -> None:
        def then(t: Any) -> None:
            self.awaiting_rating = self.customer is not None
            self._show_current()
            if self.customer is not None:
                self.customer.ask_rating()
            self.show_ok(self.tr("%1 finished: the citizen may rate the service.").replace("%1", t["number"]))
            self.refresh_status()

        self.run(self.svc.finish, then, "finish")

    def rate(self, level: int) -> None:
        def work() -> Any:
            return self.svc.rate(level)

        def then(_r: Any) -> None:
            self.awaiting_rating = False
            self.show_ok(self.tr("The citizen rated the service."))
            if self.svc.paused and self.customer is not None and self.runtime.state.get().current_ticket is None:
                self.customer.show_paused()

        self.run(work, then, "rated")

    def logout(self) -> None:
        self.timer.stop()
        self.run(self.svc.logout, lambda _r: self.pages.setCurrentIndex(0), "logout")

    def refresh_status(self) -> None:
        """The queue counts of this window's categories (a network read, off the executor); replication's
        state comes from the runtime's snapshots."""
        self._show_status()
        if self._status_running or self.svc.clerk is None:  # a slow center: never two reads at once
            return
        self._status_running = True
        svc = self.svc

        def work() -> dict[str, Any] | None:
            try:
                return svc.queue_status()
            except HallError as exc:  # offline: the bar says so
                log.info("queue status: %s", exc)
                return None

        def show(info: dict[str, Any] | None) -> None:
            self._status_running = False
            self._queue_info = info
            self._show_status()

        def failed(_exc: BaseException) -> None:
            self._status_running = False

        self.busy += 1
        self.bridge.submit(
            work,
            lambda r: (setattr(self, "busy", self.busy - 1), show(r)),
            lambda e: (setattr(self, "busy", self.busy - 1), failed(e)),
            network_read=True,
            what="status",
        )

    def _show_status(self) -> None:
        svc, sync = self.svc, self.runtime.state.get()
        clerk = svc.clerk.name if svc.clerk else ""
        if not sync.synced_once:
            state = self.tr("Connecting to the center…")
        elif sync.online:
            state = self.tr("synced") if not sync.pending_ops else self.tr("%1 to upload").replace("%1", str(sync.pending_ops))
        else:
            state = self.tr("OFFLINE: %1 waiting to upload").replace("%1", str(sync.pending_ops))
        parts = [self.tr("Window %1").replace("%1", str(svc.window)), clerk, state]
        if svc.paused and svc.clerk is not None:
            parts.append(self.tr("SERVICE PAUSED"))
        q = self._queue_info
        if q and sync.online:
            parts.append(
                " · ".join(
                    self.tr("%1: %2 waiting").replace("%1", hall_text(q["names"][c], (q.get("names_en") or {}).get(c), "category")).replace("%2", str(n))
                    for c, n in q["waiting"].items()
                )
            )
        self.status.setText("　|　".join(p for p in parts if p))
        self.status.setObjectName("status" if sync.online else "status_offline")
        self.status.setStyleSheet("")
        refused = sync.rejected_ops
        self.refused_text.setText(
            self.tr("The center refused %n of this counter's records: the hall manager must resolve them.", "", refused)
        )
        self.refused_bar.setVisible(refused > 0)
        self._show_window_state()

    # ------------------------------------------------------------------ acceptance
    def _acceptance_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        who = QGridLayout()
        self.name_edit, self.id_edit, self.phone_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.id_edit.textChanged.connect(self._check_id)
        for w in (self.name_edit, self.phone_edit):
            w.textChanged.connect(self._mirror)
        self.id_hint = QLabel("")
        read = QPushButton(self.tr("Read ID card") + "  [F9]")
        read.clicked.connect(self.read_id_card)
        QShortcut(QKeySequence("F9"), self, activated=self.read_id_card)
        who.addWidget(QLabel(self.tr("Applicant")), 0, 0)
        who.addWidget(self.name_edit, 0, 1)
        who.addWidget(QLabel(self.tr("ID number")), 0, 2)
        who.addWidget(self.id_edit, 0, 3)
        who.addWidget(read, 0, 4)
        reenter = QPushButton(self.tr("Re-enter"))
        reenter.clicked.connect(self.reenter_id)
        who.addWidget(reenter, 1, 4)
        who.addWidget(QLabel(self.tr("Applicant's phone")), 1, 0)  # 联系电话 (not the hall's 咨询电话)
        who.addWidget(self.phone_edit, 1, 1)
        # the case's SMS (受理, 补正, 办结, 容缺 due) only with the applicant's consent, read out to them (issue 18)
        self.sms_box = QCheckBox(self.tr("Applicant agrees to SMS about this case"))
        self.sms_box.setToolTip(CASE_SMS.text(current_language()))
        who.addWidget(self.sms_box, 2, 1, 1, 3)  # its own row: the long English text must not widen a column
        who.addWidget(self.id_hint, 1, 3)
        lay.addLayout(who)
        self.agent_box = AgentBox(self.read_agent_card)  # 帮办代办
        self.agent_box.changed.connect(self._mirror)
        QShortcut(QKeySequence("Shift+F9"), self, activated=self.read_agent_card)
        lay.addWidget(self.agent_box)
        search_row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find the item: name, code or pinyin initials (e.g. qysl)") + "  [Ctrl+F]")
        self.search.textChanged.connect(self.search_items)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: self.search.setFocus())
        search_row.addWidget(self.search, 1)
        lay.addLayout(search_row)
        self.result_list = QListWidget()
        self.result_list.setMaximumHeight(120)
        self.result_list.itemActivated.connect(self._pick)
        self.result_list.itemClicked.connect(self._pick)
        self._search_keys = SearchKeys(self.result_list, self.pick_row, self)  # ↑/↓ move, Enter picks
        self.search.installEventFilter(self._search_keys)
        lay.addWidget(self.result_list)
        self.item_label = QLabel(self.tr("No item chosen"))
        self.item_label.setStyleSheet("font-weight: bold; font-size: 17px;")
        lay.addWidget(self.item_label)
        self.checklist = QTableWidget(0, 7)
        self.checklist.setHorizontalHeaderLabels(
            [self.tr("Material"), self.tr("Needed"), self.tr("Originals"), self.tr("Copies"), self.tr("Deferred"), self.tr("Promise date"), self.tr("Commitment")]
        )
        self.checklist.horizontalHeader().setStretchLastSection(True)
        self.checklist.verticalHeader().setVisible(False)
        lay.addWidget(self.checklist, 1)
        received = QHBoxLayout()
        self.all_received = QPushButton(self.tr("All received") + "  [F10]")
        self.all_received.clicked.connect(self.receive_all_pressed)
        QShortcut(QKeySequence("F10"), self, activated=self.receive_all_pressed)
        received.addWidget(self.all_received)
        received.addStretch(1)
        lay.addLayout(received)
        row = QHBoxLayout()
        self.delivery = QComboBox()
        self.delivery.addItem(self.tr("Collect at the window"), "window")
        self.delivery.addItem(self.tr("Free express delivery"), "express")
        self.refusal = RefusalChoices(tab)  # common reasons and bases to choose from, still editable
        self.reason, self.basis = self.refusal.reason, self.refusal.basis
        row.addWidget(QLabel(self.tr("Delivery")))
        row.addWidget(self.delivery)
        row.addWidget(self.refusal.reason_box, 1)
        row.addWidget(self.refusal.basis_box, 1)
        lay.addLayout(row)
        buttons = QHBoxLayout()
        for text, decision, key in (
            (self.tr("Accept"), Decision.ACCEPT, "Ctrl+Return"),
            (self.tr("Accept with deferred materials"), Decision.DEFER, "Ctrl+D"),
            (self.tr("One-time notice of missing materials"), Decision.NOTIFY, "Ctrl+N"),
            (self.tr("Refuse"), Decision.REFUSE, "Ctrl+R"),
        ):
            b = QPushButton(f"{text}  [{key}]")
            b.setObjectName("decide")
            b.clicked.connect(lambda _c=False, d=decision: self.decide(d))
            QShortcut(QKeySequence(key), self, activated=lambda d=decision: self.decide(d))
            buttons.addWidget(b)
        lay.addLayout(buttons)
        self.outcome = QLabel("")
        self.outcome.setWordWrap(True)
        lay.addWidget(self.outcome)
        return tab

    def _check_id(self, text: str) -> None:
        if self.card_id:
            self._mirror()
            return
        t = text.strip().upper()
        if len(t) == 18 and is_valid_id_number(t):
            # checked: from now on shown masked like everywhere else; "Re-enter" types it again
            self.card_id, self.id_from_card = t, False
            self.id_edit.blockSignals(True)
            self.id_edit.setText(mask_id_number(t))
            self.id_edit.blockSignals(False)
            self.id_edit.setReadOnly(True)
            self.id_hint.setText(self.tr("ID number OK"))
        elif len(t) == 18:
            self.id_hint.setText(self.tr("Check digit wrong: a typing mistake?"))
        else:
            self.id_hint.setText(self.tr("%1 of 18 characters").replace("%1", str(len(t))) if t else "")
        self._mirror()

    def _mirror(self) -> None:
        if self.customer is None:
            return
        lines = []
        if self.name_edit.text().strip():
            lines.append(self.tr("Name: %1").replace("%1", mask_name(self.name_edit.text().strip())))
        if self.id_number():
            lines.append(self.tr("ID: %1").replace("%1", mask_id_number(self.id_number())))
        if self.phone_edit.text().strip():
            lines.append(self.tr("Phone: %1").replace("%1", mask_phone(self.phone_edit.text().strip())))
        if self.agent_box.summary():
            lines.append(self.agent_box.summary())
        if self.item is not None:
            lines.append(self.tr("Item: %1").replace("%1", hall_text(self.item.name, self.item.name_en)))
        self.customer.show_entry(lines)

    def read_id_card(self) -> None:
        if self.read_card is None:
            self.show_error(self.tr("No ID-card reader is configured: enter the ID number by hand."))
            return
        read, svc = self.read_card, self.svc

        def work() -> tuple[Any, dict[str, Any] | None]:
            card = read()
            return card, svc.ticket_holder(card.id_number)  # None: no ticket, or the center is away

        self.run(work, lambda got: self.fill_from_card(got[0], got[1]), "card")

    def read_agent_card(self) -> None:
        """Shift+F9: the agent's card (帮办代办), read on the reader's own thread like the applicant's."""
        if self.read_card is None:
            self.show_error(self.tr("No ID-card reader is configured: enter the ID number by hand."))
            return
        read, box = self.read_card, self.agent_box

        def shown(card: Any) -> None:
            box.fill_from_card(card)
            self.show_ok(self.tr("Agent's ID card read: %1").replace("%1", mask_id_number(card.id_number)))

        self.run(read, shown, "card")

    def fill_from_card(self, card: Any, holder: dict[str, Any] | None = None) -> None:
        """A card's number is kept aside and shown masked; typing a number by hand replaces it. On a
        real-name ticket, a card of someone else than its holder is said plainly (代办 is allowed)."""
        self.name_edit.setText(card.name)
        self.card_id, self.id_from_card = card.id_number, True
        self.id_edit.blockSignals(True)
        self.id_edit.setText(mask_id_number(card.id_number))
        self.id_edit.blockSignals(False)
        self.id_edit.setReadOnly(True)
        read = self.tr("ID card read: %1").replace("%1", mask_id_number(card.id_number))
        self.id_hint.setStyleSheet("")
        if holder and holder.get("real_name") and holder.get("same_holder") is False:
            self.id_hint.setText(self.tr("Not the ticket's holder"))
            self.id_hint.setStyleSheet("color: #a15c00; font-weight: bold;")
            self.show_warning(
                read + "　" + self.tr(
                    "This card is not the one ticket %1 was taken with. If another person applies on the "
                    "holder's behalf (代办), check the power of attorney and go on."
                ).replace("%1", str(holder.get("number", "")))
            )
            return
        if holder and holder.get("real_name"):
            self.id_hint.setText(self.tr("Same person as the real-name ticket"))
            self.show_ok(read + "　" + self.tr("The ticket's holder: the same person."))
            return
        self.id_hint.setText(self.tr("Read from the ID card"))
        self.show_ok(read)

    def search_items(self, text: str) -> None:
        self.results = self.svc.search_items(text) if text.strip() else []
        self.result_list.clear()
        for it in self.results:
            QListWidgetItem(
                self.tr("%1 (%2, %3, %4)").replace("%1", hall_text(it.name, it.name_en)).replace("%2", it.department_name)
                .replace("%3", ui_label("item_kind", it.kind)).replace("%4", it.code),
                self.result_list,
            )
        if self.results:
            self.result_list.setCurrentRow(0)

    def _pick(self, entry: QListWidgetItem) -> None:
        self.choose_item(self.results[self.result_list.row(entry)])

    def pick_row(self, row: int) -> None:
        """Enter in the search field: the highlighted result is the item; the checklist takes the keys."""
        if 0 <= row < len(self.results):
            self.choose_item(self.results[row])
            self.checklist.setFocus()
            self.show_ok(self.tr("%1 chosen: check the materials (F10 when all are received).").replace("%1", hall_text(self.results[row].name, self.results[row].name_en)))

    def choose_item(self, item: GuideItem) -> None:
        self.item = item
        self.item_label.setText(f"{hall_text(item.name, item.name_en)}　{ui_label('item_kind', item.kind)}　{shown(item.time_limit_msg)}")
        checks = self.svc.checklist(item)
        self.checklist.setRowCount(len(checks))
        self.checks = checks
        for r, c in enumerate(checks):
            self.checklist.setItem(r, 0, QTableWidgetItem(c.name + ("" if c.required else self.tr(" (if applicable)"))))
            self.checklist.setItem(r, 1, QTableWidgetItem(f"{c.originals_needed} / {c.copies_needed}"))
            # a required material starts at what the catalog asks for; one "if applicable" at 0
            for col, maximum, preset in ((2, 9, c.originals_needed), (3, 9, c.copies_needed)):
                spin = QSpinBox()
                spin.setRange(0, maximum)
                spin.setValue(preset if c.required else 0)
                self.checklist.setCellWidget(r, col, spin)
            defer = QCheckBox()
            defer.setEnabled(c.deferrable)
            defer.toggled.connect(lambda on, row=r: self._deferred_toggled(row, on))
            self.checklist.setCellWidget(r, 4, defer)
            promise = self.svc.default_deferral_date()  # a working day (the applicant signs it)
            date = QDateEdit(QDate(promise.year, promise.month, promise.day))
            date.setDisplayFormat("yyyy-MM-dd")
            date.setCalendarPopup(True)
            self.checklist.setCellWidget(r, 5, date)
            self.checklist.setCellWidget(r, 6, QCheckBox())
        self.checklist.resizeColumnsToContents()
        self._mirror()

    def set_received(self, row: int, originals: int, copies: int) -> None:
        self.checklist.cellWidget(row, 2).setValue(originals)  # type: ignore[attr-defined]
        self.checklist.cellWidget(row, 3).setValue(copies)  # type: ignore[attr-defined]

    def receive_all(self) -> None:
        """全部收齐: every material handed in as the catalog asks (none deferred)."""
        for r, c in enumerate(self.checks):
            self.checklist.cellWidget(r, 4).setChecked(False)  # type: ignore[attr-defined]
            self.set_received(r, c.originals_needed, c.copies_needed)

    def receive_all_pressed(self) -> None:
        if self.item is None:
            self.show_error(self.tr("Choose the service item first."))
            return
        self.receive_all()
        self.show_ok(self.tr("All %n materials received.", "", len(self.checks)))

    def _deferred_toggled(self, row: int, on: bool) -> None:
        """容缺 ticked: that material is not handed in today."""
        if on:
            self.set_received(row, 0, 0)

    def set_deferred(self, row: int, until: dt.date) -> None:
        self.checklist.cellWidget(row, 4).setChecked(True)  # type: ignore[attr-defined]
        self.checklist.cellWidget(row, 5).setDate(QDate(until.year, until.month, until.day))  # type: ignore[attr-defined]

    def collect_checks(self) -> list[MaterialCheck]:
        out = []
        for r, c in enumerate(self.checks):
            deferred = self.checklist.cellWidget(r, 4).isChecked()  # type: ignore[attr-defined]
            qd = self.checklist.cellWidget(r, 5).date()  # type: ignore[attr-defined]
            out.append(
                dataclasses.replace(
                    c,
                    originals_received=self.checklist.cellWidget(r, 2).value(),  # type: ignore[attr-defined]
                    copies_received=self.checklist.cellWidget(r, 3).value(),  # type: ignore[attr-defined]
                    deferred_until=dt.date(qd.year(), qd.month(), qd.day()) if deferred else None,
                    promise=self.checklist.cellWidget(r, 6).isChecked(),  # type: ignore[attr-defined]
                )
            )
        return out

    def decide(self, decision: Decision) -> None:
        if self.item is None:
            self.show_error(self.tr("Choose the service item first."))
            return
        applicant = ApplicantIn(
            self.name_edit.text().strip(), self.id_number(), self.phone_edit.text().strip(), from_card=self.id_from_card,
            sms_consent=self.sms_box.isChecked(),
        )
        item, checks = self.item, self.collect_checks()
        reason, basis = self.reason.text().strip(), self.basis.text().strip()
        delivery = str(self.delivery.currentData())
        agent = self.agent_box.agent(self.today())

        def work() -> Accepted:
            return self.svc.accept(
                applicant, item, checks, decision, reason=reason, basis=basis, delivery=delivery, agent=agent
            )

        def then(got: Accepted) -> None:
            self.last = got
            docs = "，".join(p.name for p in got.documents)
            text = self.tr("Case %1: %2. Printed: %3").replace("%1", got.case_number).replace(
                "%2", {"accept": self.tr("accepted"), "defer": self.tr("accepted with deferred materials"), "notify": self.tr("one-time notice given"), "refuse": self.tr("refused")}[decision.value]
            ).replace("%3", docs)
            if got.outcome.due_date:
                text += "　" + self.tr("Due %1").replace("%1", got.outcome.due_date.isoformat())
            if got.print_error:
                text += "\n" + self.tr("Receipt not printed: %1").replace("%1", got.print_error)
            self.outcome.setText(text)
            self.show_ok(text.split("\n")[0])
            self.clear_form()
            self.refresh_cases()

        self.run(work, then, "accepted")

    def id_number(self) -> str:
        return self.card_id or self.id_edit.text().strip()

    def reenter_id(self) -> None:
        self.card_id, self.id_from_card = "", False
        self.id_edit.setReadOnly(False)
        self.id_edit.clear()
        self.id_edit.setFocus()

    def clear_form(self) -> None:
        self.card_id, self.id_from_card = "", False
        self.id_edit.setReadOnly(False)
        for w in (self.name_edit, self.id_edit, self.phone_edit, self.search):
            w.clear()
        self.sms_box.setChecked(False)
        self.refusal.clear()
        self.agent_box.clear()
        self.delivery.setCurrentIndex(0)
        self.id_hint.clear()
        self.id_hint.setStyleSheet("")
        self.item = None
        self.checks = []
        self.checklist.setRowCount(0)
        self.item_label.setText(self.tr("No item chosen"))

    # ------------------------------------------------------------------ cases
    def _cases_tab(self) -> QWidget:
        tab = QWidget()
        lay = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.case_search = QLineEdit()
        self.case_search.setPlaceholderText(self.tr("Search by case number, item or applicant"))
        self.case_search.textChanged.connect(lambda _t: self.refresh_cases())
        self.open_only = QCheckBox(self.tr("Open cases only"))
        self.open_only.toggled.connect(lambda _b: self.refresh_cases())
        top.addWidget(self.case_search, 1)
        top.addWidget(self.open_only)
        self.find_center = QPushButton(self.tr("Find at the center (case number, ID card or QR)"))
        self.find_center.clicked.connect(self.find_center_cases)
        top.addWidget(self.find_center)
        lay.addLayout(top)
        self.case_table = QTableWidget(0, 7)
        self.case_table.setHorizontalHeaderLabels(
            [self.tr("Case number"), self.tr("Item"), self.tr("Applicant"), self.tr("Status"), self.tr("Received"), self.tr("Due"), self.tr("Delivery")]
        )
        self.case_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.case_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.case_table.verticalHeader().setVisible(False)
        self.case_table.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.case_table, 1)
        acts = QGridLayout()  # two rows: the English labels stay within a 1440-pixel screen
        self.correction_edit = QLineEdit()
        self.correction_edit.setPlaceholderText(self.tr("What must be corrected"))
        self.tracking_edit = QLineEdit()
        self.tracking_edit.setPlaceholderText(self.tr("Express tracking number"))
        for text, fn in (
            (self.tr("Request correction"), lambda cid: self.svc.request_correction(cid, [x for x in self.correction_edit.text().split("；") if x.strip()])),
            (self.tr("Corrections received"), self.svc.corrections_received),
            (self.tr("Deferred materials supplied"), self.svc.deferred_supplied),
            (self.tr("Complete"), lambda cid: self.svc.complete(cid, approved=True)),
            (self.tr("Print the back office's correction notice"), self.svc.correction_paper),
            (self.tr("Deliver at window"), lambda cid: self.svc.deliver(cid, "window")),
            (self.tr("Deliver by express"), lambda cid: self.svc.deliver(cid, "express", self.tracking_edit.text())),
        ):
            b = QPushButton(text)
            b.clicked.connect(lambda _c=False, f=fn: self.case_action(f))
            acts.addWidget(b, acts.count() // 4, acts.count() % 4)
        lay.addLayout(acts)
        extra = QHBoxLayout()
        extra.addWidget(self.correction_edit, 1)
        extra.addWidget(self.tracking_edit, 1)
        lay.addLayout(extra)
        return tab

    def refresh_cases(self) -> None:
        query, open_only = self.case_search.text(), self.open_only.isChecked()
        self.run(lambda: self.svc.cases(query, open_only=open_only), self._fill_cases, "cases")

    def _fill_cases(self, rows: list[CaseRow]) -> None:
        self.case_rows = rows
        self.case_table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            values = [
                c.case_number,
                c.item_name,
                c.applicant + (self.tr(" (agent %1)").replace("%1", c.agent) if c.agent else ""),
                ui_label("case_status", c.status),
                c.received_on.isoformat(),
                c.due_date.isoformat() if c.due_date else "",
                c.delivery,
            ]
            for col, v in enumerate(values):
                cell = QTableWidgetItem(v)
                if c.light:
                    cell.setBackground(QColor(LIGHT_COLORS[c.light]))
                self.case_table.setItem(r, col, cell)
        self.case_table.resizeColumnsToContents()

    def select_case(self, case_number: str) -> None:
        for r, c in enumerate(self.case_rows):
            if c.case_number == case_number:
                self.case_table.selectRow(r)
                return
        raise LookupError(case_number)

    def find_center_cases(self) -> None:
        """出件 at any window: the center's cases of a case number, an ID card or a notice's QR code."""
        query = self.case_search.text()
        self.run(lambda: self.svc.center_case_rows(query), self._fill_cases, "center_cases")

    def case_action(self, fn: Callable[[Any], Any]) -> None:
        row = self.case_table.currentRow()
        if row < 0 or row >= len(self.case_rows):
            self.show_error(self.tr("Select a case first."))
            return
        case_id = self.case_rows[row].id

        def then(result: Any) -> None:
            self.show_ok(self.tr("Done.") + (f" {result}" if result else ""))
            self.refresh_cases()

        self.run(lambda: fn(case_id), then, "case_action")

    def today(self) -> dt.date:
        return local_today()
