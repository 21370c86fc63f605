"""The hall manager's console: live windows and queues, supervision lights, bad ratings to rectify,
statistics with a chart and exports, and the manager's actions. Every request runs off the GUI thread."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import local_text, local_today
from app.domain.events import Event
from app.sync.client import CenterClient
from app.views.manager import due_state, queue_rows, site_rows, window_rows
from app.views.report_period import KINDS, Kind, period_params, period_range, period_text
from ui.i18n import current_language, shown, stat_label
from ui.i18n import label as ui_label
from ui.screen.access_log import AccessLogPage
from ui.screen.admin_tab import AdminTab
from ui.screen.agency_page import AgencyPage
from ui.screen.booking_tab import BookingTab
from ui.screen.case_chart import CaseChart
from ui.screen.conflicts import ConflictsPage
from ui.tasks import run_in_background

CONSOLE_QSS = """
QWidget { font-size: 15px; }
QLabel#big_green { font-size: 40px; color: #1e8e3e; font-weight: bold; }
QLabel#big_yellow { font-size: 40px; color: #c77c02; font-weight: bold; }
QLabel#big_red { font-size: 40px; color: #c5221f; font-weight: bold; }
QLabel#banner { background: #fdecea; color: #c5221f; padding: 6px; }
QLabel#demo { background: #e67e22; color: white; padding: 4px 10px; border-radius: 4px; }
"""


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setStretchLastSection(True)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    return t


TINTS = {"red": QColor("#fde2e1"), "yellow": QColor("#fff3cd")}


def _fill(t: QTableWidget, rows: list[list[str]], highlight: list[bool] | list[str] | None = None) -> None:
    """Fill a table; `highlight` tints rows: True or "red" red, "yellow" yellow."""
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        tint = highlight[r] if highlight else None
        color = TINTS.get("red" if tint is True else tint) if isinstance(tint, (bool, str)) else None
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if color is not None:
                item.setBackground(color)
            t.setItem(r, c, item)
    t.resizeColumnsToContents()



def _topics(text: str) -> str:
    """Feedback topics as the kiosk stores them ("等候时间长；设施环境", the citizen's own words on the next line)
    in the UI's language; the citizen's words as written."""
    head, sep, words = text.partition("\n")
    parts = head.split("；")
    topics = ("; " if current_language() == "en" else "；").join(ui_label("feedback_topic", p) for p in parts)
    return topics + (f" — {words}" if sep and words else "")

class HourlyChart(QWidget):
    """Tickets issued per hour (7:00–19:00) as bars."""

    def __init__(self) -> None:
        super().__init__()
        self.values = [0] * 24
        self.setMinimumHeight(180)

    def set_values(self, values: list[int]) -> None:
        self.values = values or [0] * 24
        self.update()

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        busy = [h for h, v in enumerate(self.values) if v]
        hours = list(range(min([7, *busy]), max([18, *busy]) + 1))  # office hours, widened to any busy hour
        top = max(max(self.values[h] for h in hours), 1)
        w, h = self.width(), self.height()
        slot = (w - 40) / len(hours)
        p.setPen(QPen(QColor("#555555")))
        for i, hour in enumerate(hours):
            bar_h = (h - 40) * self.values[hour] / top
            x = 30 + i * slot
            p.fillRect(QRectF(x + 4, h - 22 - bar_h, slot - 8, bar_h), QColor("#2f6db5"))
            p.drawText(QRectF(x, h - 20, slot, 18), Qt.AlignmentFlag.AlignCenter, f"{hour}")
            if self.values[hour]:
                p.drawText(
                    QRectF(x, h - 40 - bar_h, slot, 16), Qt.AlignmentFlag.AlignCenter, str(self.values[hour])
                )
        p.end()


class ManagerConsole(QWidget):
    refreshed = Signal(str)  # which page finished loading (tests wait on it)

    def __init__(
        self,
        client: CenterClient,
        *,
        hall_name: str,
        wait_warning_min: float,
        export_dir: Path,
        admin: bool = False,
    ) -> None:
        super().__init__()
        self.client = client
        self.api = client.call
        self.hall_name, self.warn, self.export_dir = hall_name, wait_warning_min, export_dir
        self.snapshot: dict[str, Any] = {}
        self.setStyleSheet(CONSOLE_QSS)
        self.setWindowTitle(self.tr("Hall manager console"))
        self.resize(1440, 900)
        self.banner = QLabel(objectName="banner")
        self.banner.hide()
        self.demo = QLabel(self.tr("DEMO — not a real hall"), objectName="demo")
        self.demo.hide()
        head = QHBoxLayout()
        head.addWidget(QLabel(f"<b>{hall_name}</b> · " + self.tr("Manager console")))
        head.addWidget(self.demo)
        head.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview(), self.tr("Overview"))
        self.tabs.addTab(self._supervision(), self.tr("Supervision"))
        self.tabs.addTab(self._ratings(), self.tr("Ratings to rectify"))
        self.tabs.addTab(self._stats(), self.tr("Statistics"))
        self.tabs.addTab(self._actions(), self.tr("Actions"))
        self.tabs.addTab(self._feedback(), self.tr("Complaints and suggestions"))
        self.booking = BookingTab(self.api)  # issue 18: slot plans and the day's appointments
        self.booking.loaded.connect(lambda what: self.refreshed.emit("booking") if what == "day" else None)
        self.tabs.addTab(self.booking, self.tr("Appointments"))
        self.conflicts = ConflictsPage(self.api)
        self.conflicts.loaded.connect(lambda: self.refreshed.emit("conflicts"))
        self.tabs.addTab(self.conflicts, self.tr("Refused records"))
        self.agency = AgencyPage(self.api)  # 帮办代办 of investment projects (issue 21)
        self.agency.loaded.connect(lambda: self.refreshed.emit("agency"))
        self.tabs.addTab(self.agency, self.tr("Project agency"))
        self.admin: AdminTab | None = None
        if admin:  # the admin role: staff, windows, categories, items, terminals (issue 16)
            self.admin = AdminTab(self.api)
            self.tabs.addTab(self.admin, self.tr("Administration"))
        self.access_log = AccessLogPage(self.api)
        self.tabs.addTab(self.access_log, self.tr("Access log"))
        root = QVBoxLayout(self)
        root.addLayout(head)
        root.addWidget(self.banner)
        root.addWidget(self.tabs)
        self._coalesce = QTimer(self, singleShot=True, interval=300)
        self._coalesce.timeout.connect(self.refresh_overview)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self._render_overview)
        self._clock.start()
        self._slow = QTimer(self, interval=30_000)
        self._slow.timeout.connect(self.refresh_all)
        self._slow.start()

    # ------------------------------------------------------------------ pages
    def _overview(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addWidget(QLabel(self.tr("Windows")))
        self.windows = _table(
            [
                self.tr("Window"),
                self.tr("Status"),
                self.tr("Clerk"),
                self.tr("Ticket"),
                self.tr("Serving for"),
                self.tr("Site"),
            ]
        )
        lay.addWidget(self.windows, 3)
        self.sites_label = QLabel(self.tr("Sites"))
        self.sites = _table([self.tr("Site"), self.tr("Windows"), self.tr("Open"), self.tr("Serving")])
        lay.addWidget(self.sites_label)
        lay.addWidget(self.sites, 1)
        lay.addWidget(QLabel(self.tr("Queues")))
        self.queues = _table(
            [
                self.tr("Category"),
                self.tr("Name"),
                self.tr("Waiting"),
                self.tr("Longest wait (min)"),
                self.tr("Open windows"),
                self.tr("Attention"),
            ]
        )
        lay.addWidget(self.queues, 2)
        return page

    def _supervision(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        row = QHBoxLayout()
        self.green, self.yellow, self.red = (
            QLabel("0", objectName=n) for n in ("big_green", "big_yellow", "big_red")
        )
        for label, caption in (
            (self.green, self.tr("In time")),
            (self.yellow, self.tr("Due soon")),
            (self.red, self.tr("Overdue")),
        ):
            box = QVBoxLayout()
            box.addWidget(label, alignment=Qt.AlignmentFlag.AlignCenter)
            box.addWidget(QLabel(caption), alignment=Qt.AlignmentFlag.AlignCenter)
            row.addLayout(box)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Overdue and due-soon cases")))
        self.cases = _table(
            [
                self.tr("Case number"),
                self.tr("Item"),
                self.tr("Department"),
                self.tr("Window"),
                self.tr("Due"),
                self.tr("Working days left"),
            ]
        )
        lay.addWidget(self.cases)
        return page

    def _ratings(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.rects = _table(
            [
                self.tr("Rated"),
                self.tr("Level"),
                self.tr("Reasons"),
                self.tr("Window"),
                self.tr("Clerk"),
                self.tr("Case"),
                self.tr("Deadline"),
                self.tr("Measures"),
                self.tr("Call-back"),
            ]
        )
        lay.addWidget(self.rects)
        # the call-back needs the citizen's number: masked everywhere, revealed one at a time with a reason,
        # and every reveal is written to the center's audit chain
        reveal_row = QHBoxLayout()
        self.reveal_reason = QLineEdit()
        self.reveal_reason.setPlaceholderText(self.tr("Why (e.g. call-back of this bad rating)"))
        self.reveal_reason.setText(self.tr("Call-back of a bad rating"))
        reveal = QPushButton(self.tr("Show the phone for the call-back (logged)"))
        reveal.clicked.connect(self.reveal_phone)
        self.revealed = QLabel("")
        reveal_row.addWidget(self.reveal_reason, 1)
        reveal_row.addWidget(reveal)
        reveal_row.addWidget(self.revealed, 1)
        lay.addLayout(reveal_row)
        form = QFormLayout()
        self.measures = QLineEdit()
        self.callback = QLineEdit()
        form.addRow(self.tr("Measures"), self.measures)
        form.addRow(self.tr("Call-back result"), self.callback)
        lay.addLayout(form)
        buttons = QHBoxLayout()
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(lambda: self.record_rectification(done=False))
        close = QPushButton(self.tr("Save and close"))
        close.clicked.connect(lambda: self.record_rectification(done=True))
        buttons.addWidget(save)
        buttons.addWidget(close)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        self._rect_ids: list[str] = []
        return page

    def _feedback(self) -> QWidget:
        """投诉建议 left at the kiosks: read, call back (phone masked here), mark answered."""
        page = QWidget()
        lay = QVBoxLayout(page)
        self.feedback = _table([self.tr("Time"), self.tr("Kind"), self.tr("About"), self.tr("Phone"), self.tr("Window")])
        lay.addWidget(self.feedback)
        answered = QPushButton(self.tr("Called back / answered"))
        answered.clicked.connect(self.answer_feedback)
        row = QHBoxLayout()
        row.addWidget(answered)
        row.addStretch(1)
        lay.addLayout(row)
        self._feedback_ids: list[str] = []
        return page

    def _show_feedback(self, items: list[dict[str, Any]]) -> None:
        self._feedback_ids = [f["id"] for f in items]
        kinds = {"complaint": self.tr("complaint"), "suggestion": self.tr("suggestion")}
        _fill(
            self.feedback,
            [
                [local_text(f["created_at"], seconds=False), kinds.get(f["kind"], f["kind"]), _topics(f["text"]), f["phone"], str(f["window_number"] or "")]
                for f in items
            ],
        )
        self.refreshed.emit("feedback")

    def answer_feedback(self) -> None:
        row = self.feedback.currentRow()
        if row < 0 or row >= len(self._feedback_ids):
            return
        fid = self._feedback_ids[row]
        self._bg(
            lambda: (self.api("POST", f"/feedback/{fid}/answer"), self.api("GET", "/feedback"))[1],
            self._show_feedback,
        )

    def _stats(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        pick = QHBoxLayout()  # the period: a day, its week (Monday to Sunday), its month or its year
        pick.addWidget(QLabel(self.tr("Period")))
        self.period_kind = QComboBox()
        for kind, text in zip(KINDS, (self.tr("Day"), self.tr("Week"), self.tr("Month"), self.tr("Year")), strict=True):
            self.period_kind.addItem(text, kind)
        self.period_day = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        today = local_today()
        self.period_day.setDate(QDate(today.year, today.month, today.day))
        self.period_range = QLabel()
        pick.addWidget(self.period_kind)
        pick.addWidget(self.period_day)
        pick.addWidget(self.period_range)
        pick.addStretch(1)
        lay.addLayout(pick)
        self.period_kind.currentIndexChanged.connect(lambda _i: self.refresh_stats())
        self.period_day.dateChanged.connect(lambda _d: self.refresh_stats())
        self.stats_summary = QLabel()
        self.stats_summary.setWordWrap(True)
        lay.addWidget(self.stats_summary)
        self.chart = HourlyChart()
        lay.addWidget(self.chart)
        self.case_chart = CaseChart()
        lay.addWidget(self.case_chart)
        self.stats_departments = _table(
            [
                self.tr("Department"),
                self.tr("Received"),
                self.tr("Completed"),
                self.tr("On-time rate"),
                self.tr("Completion rate"),
                self.tr("In progress"),
                self.tr("Returned"),
                self.tr("Terminated"),
            ]
        )
        lay.addWidget(self.stats_departments)
        self.stats_windows = _table(
            [
                self.tr("Window"),
                self.tr("Served"),
                self.tr("No-shows"),
                self.tr("Average wait (min)"),
                self.tr("Average service (min)"),
                self.tr("Service level"),
            ]
        )
        lay.addWidget(self.stats_windows)
        row = QHBoxLayout()  # the chosen period's report
        csv = QPushButton(self.tr("Export as CSV"))
        csv.clicked.connect(lambda: self.export(month=False, fmt="csv"))
        pdf = QPushButton(self.tr("Export as PDF"))
        pdf.clicked.connect(lambda: self.export(month=False, fmt="pdf"))
        xlsx = QPushButton(self.tr("Export as Excel"))
        xlsx.clicked.connect(lambda: self.export(month=False, fmt="xlsx"))
        for b in (csv, pdf, xlsx):
            row.addWidget(b)
        row.addStretch(1)
        self.export_status = QLabel()
        row.addWidget(self.export_status)
        lay.addLayout(row)
        return page

    def _actions(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.notice_text = QLineEdit()
        send = QPushButton(self.tr("Broadcast to screens and kiosks"))
        send.clicked.connect(self.broadcast)
        form.addRow(self.tr("Notice"), self.notice_text)
        form.addRow("", send)
        self.window_no = QSpinBox(minimum=1, maximum=999)
        wrow = QHBoxLayout()
        for label, action in (
            (self.tr("Open"), "open"),
            (self.tr("Pause"), "pause"),
            (self.tr("Resume"), "resume"),
        ):
            b = QPushButton(label)
            b.clicked.connect(lambda _=False, a=action: self.window_action(a))
            wrow.addWidget(b)
        form.addRow(self.tr("Window"), self.window_no)
        form.addRow("", wrow)
        self.move_number = QLineEdit(placeholderText="A023")
        self.move_to = QComboBox()
        move = QPushButton(self.tr("Move ticket"))
        move.clicked.connect(self.move_ticket)
        form.addRow(self.tr("Ticket"), self.move_number)
        form.addRow(self.tr("To category"), self.move_to)
        form.addRow("", move)
        self.cal_year = QSpinBox(minimum=2000, maximum=2100, value=dt.date.today().year + 1)
        self.cal_days = QPlainTextEdit(placeholderText="2027-01-01 休 元旦\n2027-02-07 班 调休上班")
        self.cal_days.setFixedHeight(120)
        save_cal = QPushButton(self.tr("Publish the year's calendar"))
        save_cal.clicked.connect(self.save_calendar)
        form.addRow(self.tr("Working-day calendar"), self.cal_year)
        form.addRow(
            self.tr("Holidays (YYYY-MM-DD off) and make-up working days (YYYY-MM-DD work), one per line"),
            self.cal_days,
        )
        form.addRow("", save_cal)
        self.action_result = QLabel()
        form.addRow("", self.action_result)
        return page

    def save_calendar(self) -> None:
        """Parse `YYYY-MM-DD 休|班 [name]` lines (`off`/`work` for 休/班) and publish the year (admins only at the center)."""
        days, bad = [], []
        for line in self.cal_days.toPlainText().splitlines():
            parts = line.split()
            if not parts:
                continue
            try:
                day = dt.date.fromisoformat(parts[0])
                kind = parts[1] if len(parts) > 1 else "休"
                kind = {"off": "休", "work": "班"}.get(kind.lower(), kind)  # the English words too
                if kind not in ("休", "班"):
                    raise ValueError(kind)
            except (ValueError, IndexError):
                bad.append(line)
                continue
            days.append(
                {
                    "day": day.isoformat(),
                    "is_workday": kind == "班",
                    "name": " ".join(parts[2:]) or ("调休上班" if kind == "班" else None),
                }
            )
        if bad:
            self.action_result.setText(self.tr("Not understood: {0}").format("; ".join(bad)))
            return
        year = self.cal_year.value()
        self._bg(
            lambda: self.api("PUT", f"/calendar/{year}", json={"days": days}),
            lambda r: self._done(self.tr("Calendar {0} published: {1} days").format(year, len(r["days"]))),
        )

    # ------------------------------------------------------------------ loading
    def _bg(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        run_in_background(fn, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.banner.setText(self.tr("The center cannot be reached; showing the last data. ({0})").format(shown(exc)))
        self.banner.show()

    PAGES = frozenset({"overview", "supervision", "ratings", "stats", "feedback", "conflicts"})

    def load_all(self, timeout_ms: int = 20_000) -> set[str]:
        """Refresh every page and wait (in a local event loop) until each has loaded or the time is up;
        returns the pages that loaded. For screenshots and scripted demos, not for the live console."""
        from PySide6.QtCore import QEventLoop

        loaded: set[str] = set()
        loop = QEventLoop()

        def seen(page: str) -> None:
            loaded.add(page)
            if self.PAGES <= loaded:
                loop.quit()

        self.refreshed.connect(seen)
        self.refresh_all()
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.refreshed.disconnect(seen)
        return loaded

    def refresh_all(self) -> None:
        if self.admin is not None:
            self.admin.refresh()
        self.refresh_overview()
        self._bg(lambda: self.api("GET", "/supervision"), self._show_supervision)
        self._bg(lambda: self.api("GET", "/rectifications"), self._show_rects)
        self.refresh_stats()
        self._bg(lambda: self.api("GET", "/feedback"), self._show_feedback)
        self.booking.refresh()
        self.conflicts.refresh()
        self.agency.refresh()
        self.access_log.refresh()

    def refresh_overview(self) -> None:
        self._bg(lambda: self.api("GET", "/queue"), self.apply_snapshot)

    def on_event(self, _event: dict[str, Any]) -> None:
        """A burst of events repaints once: the snapshot is fetched 300 ms after the first."""
        if not self._coalesce.isActive():
            self._coalesce.start()
        if _event.get("type") in (Event.SYNC_CONFLICT, Event.SYNC_CONFLICT_RESOLVED):
            self.conflicts.refresh()
        if _event.get("type") == "rating.created" and int((_event.get("data") or {}).get("level", 5)) <= 2:
            self._bg(lambda: self.api("GET", "/rectifications"), self._show_rects)

    def apply_snapshot(self, snap: dict[str, Any]) -> None:
        self.banner.hide()
        self.snapshot = snap
        self.demo.setVisible(bool(snap.get("demo")))
        if self.move_to.count() == 0:
            for prefix, name in (snap.get("categories") or {}).items():
                self.move_to.addItem(f"{prefix} {ui_label('category', name)}", prefix)
        self._render_overview()
        self.refreshed.emit("overview")

    def _render_overview(self) -> None:
        if not self.snapshot:
            return
        now = dt.datetime.now(dt.UTC)
        wins = window_rows(self.snapshot, now)
        _fill(
            self.windows,
            [[w.name, ui_label("window_status", w.status_code), w.clerk, w.ticket, w.busy_for, w.site] for w in wins],
            [w.alert for w in wins],
        )
        sites = site_rows(wins)  # 县、乡、村: shown when the hall's windows belong to sites
        self.sites.setVisible(bool(sites))
        self.sites_label.setVisible(bool(sites))
        _fill(self.sites, [[r.site, str(r.windows), str(r.open_windows), str(r.serving)] for r in sites], [False] * len(sites))
        qs = queue_rows(self.snapshot, self.warn)
        attention = {
            "no_window": self.tr("People wait and no open window serves them: open one"),
            "long_wait": self.tr("Waiting longer than %1 min").replace("%1", f"{self.warn:g}"),
            "busy": self.tr("Many waiting per open window: consider opening another"),
            "ok": "",
        }
        _fill(
            self.queues,
            [
                [q.prefix, ui_label("category", q.name), str(q.waiting), str(q.longest_wait_min), str(q.open_windows), attention[q.state]]
                for q in qs
            ],
            [q.level for q in qs],
        )

    def _show_supervision(self, sup: dict[str, Any]) -> None:
        c = sup["counts"]
        self.green.setText(str(c["green"]))
        self.yellow.setText(str(c["yellow"]))
        self.red.setText(str(c["red"]))
        listed = sup["red"] + sup["yellow"]
        rows = [
            [
                x["case_number"],
                x["item"],
                x["department"],
                str(x["window"] or ""),
                x["due_date"],
                self._days_left(int(x["working_days_left"])),
            ]
            for x in listed
        ]
        _fill(self.cases, rows, ["red"] * len(sup["red"]) + ["yellow"] * len(sup["yellow"]))
        self.refreshed.emit("supervision")

    def _days_left(self, days: int) -> str:
        state = due_state(days)
        if state == "overdue":
            return self.tr("Overdue by %n working day(s)", "", -days)
        if state == "due_today":
            return self.tr("Due today")
        return self.tr("%n working day(s) left", "", days)

    def reveal_phone(self) -> None:
        row = self.rects.currentRow()
        if row < 0 or row >= len(self._rect_ids):
            self.revealed.setText(self.tr("Select a rating first"))
            return
        rect_id, reason = self._rect_ids[row], self.reveal_reason.text().strip()

        def done(got: dict[str, Any]) -> None:
            self.revealed.setText(self.tr("Phone: %1 (this reveal is logged)").replace("%1", got["phone"]))
            self.refreshed.emit("phone")

        def failed(exc: BaseException) -> None:  # no phone was left, or the center refused: say so here
            self.revealed.setText(self.tr("Not shown: %1").replace("%1", shown(exc)))
            self.refreshed.emit("phone")

        run_in_background(
            lambda: self.api("POST", f"/rectifications/{rect_id}/phone", json={"reason": reason}), done, failed
        )

    def _show_rects(self, rects: list[dict[str, Any]]) -> None:
        self.revealed.setText("")
        self._rect_ids = [r["id"] for r in rects]
        _fill(
            self.rects,
            [
                [
                    local_text(r["rated_at"], seconds=False),
                    str(r["rating_level"]),
                    "、".join(r["reasons"]),
                    str(r["window"] or ""),
                    r.get("clerk") or "",
                    " ".join(x for x in (r.get("case_number"), r.get("item")) if x),
                    r["deadline"],
                    r["measures"] or "",
                    r["callback_result"] or "",
                ]
                for r in rects
            ],
        )
        self.refreshed.emit("ratings")

    def period(self) -> tuple[Kind, dt.date]:
        d = self.period_day.date()
        kind: Kind = self.period_kind.currentData() or "day"
        return kind, dt.date(d.year(), d.month(), d.day())

    def refresh_stats(self) -> None:
        """The report of the chosen period (day, week, month, year)."""
        kind, day = self.period()
        self.period_range.setText(period_text(kind, day) if kind != "day" else "")
        self.chart.setVisible(kind == "day")  # tickets per hour: a day's chart
        params = period_params(kind, day)
        self._bg(lambda: self.api("GET", "/reports", params=params), self._show_stats)

    def _show_stats(self, rep: dict[str, Any]) -> None:
        first, last = period_range(*self.period())
        if (rep.get("from"), rep.get("to")) != (first.isoformat(), last.isoformat()):
            return  # the answer for a period chosen before: the current one's is on its way
        q, c, r = rep["queue"], rep["cases"], rep["ratings"]
        sat = f"{r['satisfaction_rate']:.1%}" if r["satisfaction_rate"] is not None else "—"
        self.stats_summary.setText(
            period_text(*self.period())
            + self.tr(
                ": {0} tickets issued, {1} served, {2} no-shows; average wait {3} min, longest {4} min. "
                "Cases received {5}, completed {6} (early {7}, on time {8}, overdue {9}). Satisfaction {10} "
                "of {11} ratings."
            ).format(
                q["issued"],
                q["served"],
                q["no_show"],
                q["avg_wait_min"] or 0,
                q["max_wait_min"] or 0,
                c["received"],
                c["completed"],
                c["completed_early"],
                c["completed_on_time"],
                c["completed_overdue"],
                sat,
                r["ratings"],
            )
        )
        self.chart.set_values(rep.get("hourly_issued") or [])
        cs = rep.get("case_stats") or {}
        t = cs.get("total") or {}

        def pct(v: float | None) -> str:
            return f"{v:.1%}" if v is not None else "—"

        if t:
            self.stats_summary.setText(
                self.stats_summary.text()
                + "\n"
                + self.tr(
                    "On-time rate {0}, completion rate {1}, early rate {2}; in progress {3}, returned {4}, "
                    "terminated {5}; daily average {6}."
                ).format(
                    pct(t["on_time_rate"]),
                    pct(t["completion_rate"]),
                    pct(t["early_rate"]),
                    t["in_progress"],
                    t["returned"],
                    t["terminated"],
                    t["daily_average"] if t["daily_average"] is not None else "—",
                )
            )
        depts = (cs.get("by") or {}).get("department") or []
        self.case_chart.set_entries(depts)
        _fill(
            self.stats_departments,
            [
                [
                    stat_label(d),
                    str(d["received"]),
                    str(d["completed"]),
                    pct(d["on_time_rate"]),
                    pct(d["completion_rate"]),
                    str(d["in_progress"]),
                    str(d["returned"]),
                    str(d["terminated"]),
                ]
                for d in depts
            ],
        )
        _fill(
            self.stats_windows,
            [
                [
                    f"{w}",
                    str(b["served"]),
                    str(b["no_show"]),
                    str(b["avg_wait_min"] or "—"),
                    str(b["avg_service_min"] or "—"),
                    f"{b['service_level']:.0%}" if b["service_level"] is not None else "—",
                ]
                for w, b in (rep.get("by_window") or {}).items()
            ],
        )
        self.refreshed.emit("stats")

    # ------------------------------------------------------------------ actions
    def export(self, *, month: bool, fmt: str) -> None:
        """The chosen period's report as a file (`month`: this month's, whatever is chosen)."""
        kind, day = ("month", local_today()) if month else self.period()  # the hall's day, whatever the zone
        params = period_params(kind, day)
        first, _ = period_range(kind, day)
        label = {"day": first.isoformat(), "week": f"{first.isoformat()}-week", "month": f"{day:%Y-%m}",
                 "year": str(day.year)}[kind]
        name = f"hall-report-{label}.{fmt}"
        target = self.export_dir / name

        def work() -> Path:
            self.export_dir.mkdir(parents=True, exist_ok=True)
            if fmt == "csv":
                target.write_text(
                    self.client.text("/reports", params={**params, "format": "csv"}), encoding="utf-8"
                )
            elif fmt == "xlsx":
                target.write_bytes(self.client.content("/reports", params={**params, "format": "xlsx"}))
            else:
                from printers.report_pdf import render_report

                render_report(self.api("GET", "/reports", params=params), self.hall_name, target)
            return target

        self._bg(
            work,
            lambda path: (
                self.export_status.setText(self.tr("Saved {0}").format(path)),
                self.refreshed.emit("export"),
            ),
        )

    def record_rectification(self, *, done: bool) -> None:
        row = self.rects.currentRow()
        if row < 0 or row >= len(self._rect_ids):
            QMessageBox.information(self, self.windowTitle(), self.tr("Choose a rating in the list first."))
            return
        rid = self._rect_ids[row]
        body: dict[str, Any] = {}
        if self.measures.text().strip():
            body["measures"] = self.measures.text().strip()
        if self.callback.text().strip():
            body["callback_result"] = self.callback.text().strip()

        def work() -> Any:
            if body:
                self.api("POST", f"/rectifications/{rid}", json=body)
            if done:
                self.api("POST", f"/rectifications/{rid}", json={"status": "done"})
            return self.api("GET", "/rectifications")

        self._bg(work, self._show_rects)

    def broadcast(self) -> None:
        text = self.notice_text.text().strip()
        if text:
            self._bg(
                lambda: self.api("POST", "/notices", json={"text": text}),
                lambda _r: self._done(self.tr("Notice sent")),
            )

    def window_action(self, action: str) -> None:
        n = self.window_no.value()
        self._bg(
            lambda: self.api("POST", f"/windows/{n}/{action}"),
            lambda _r: (self._done(self.tr("Done")), self.refresh_overview()),
        )

    def move_ticket(self, *, _unused: bool = False) -> None:
        number, prefix = self.move_number.text().strip().upper(), self.move_to.currentData()

        def work() -> Any:
            found = self.api("GET", "/tickets/lookup", params={"number": number})
            return self.api("POST", f"/tickets/{found['ticket']['id']}/transfer", json={"category": prefix})

        self._bg(work, lambda _r: (self._done(self.tr("Ticket moved")), self.refresh_overview()))

    def _done(self, text: str) -> None:
        self.action_result.setText(text)
        self.refreshed.emit("action")
