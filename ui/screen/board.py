"""The big queue display of the waiting area (叫号屏): latest call large and highlighted, every window's
current number, waiting counts per category, a scrolling notice, date and time, and a plain
"reconnecting" marker that keeps the last good state when the center is away."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.clock import HALL_TZ
from app.views.queue_board import QueueBoard
from ui.i18n import hall_text, message_text
from ui.i18n import label as ui_label
from ui.theme import BOARD_QSS


class BoardWidget(QWidget):
    """Renders a `QueueBoard`; `portrait` for 1080×1920 screens, else 1920×1080."""

    def __init__(self, hall_name: str, *, portrait: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("board")
        self.setWindowTitle(self.tr("Queue screen"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BOARD_QSS)
        self.portrait = portrait
        self.board = QueueBoard()
        self.setFixedSize(1080, 1920) if portrait else self.setFixedSize(1920, 1080)

        self.title = QLabel(hall_name, objectName="title")
        self.clock = QLabel(objectName="clock", alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status = QLabel(objectName="status_ok")
        self.demo_mark = QLabel(self.tr("DEMO — not a real hall"), objectName="demo")
        self.demo_mark.hide()
        top = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.title)
        first.addSpacing(24)
        # a portrait screen (1080 px) puts the demo mark and the live state on a second header line
        marks = second if portrait else first
        marks.addWidget(self.demo_mark)
        marks.addStretch(1)
        marks.addWidget(self.status)
        if portrait:
            first.addStretch(1)
        else:
            first.addSpacing(24)
        first.addWidget(self.clock)
        top.addLayout(first)
        if portrait:
            top.addLayout(second)

        self.latest = QFrame(objectName="latest")
        lay = QVBoxLayout(self.latest)
        self.latest_caption = QLabel(
            self.tr("Now calling"), objectName="latest_caption", alignment=Qt.AlignmentFlag.AlignCenter
        )
        self.latest_number = QLabel("—", objectName="latest_number", alignment=Qt.AlignmentFlag.AlignCenter)
        self.latest_window = QLabel("", objectName="latest_window", alignment=Qt.AlignmentFlag.AlignCenter)
        for w in (self.latest_caption, self.latest_number, self.latest_window):
            lay.addWidget(w)
        self.recent = QLabel(
            objectName="recent", alignment=Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        )
        self.recent.setTextFormat(Qt.TextFormat.RichText)

        self.window_grid = QGridLayout()
        self.window_grid.setSpacing(12)
        self.queue_row = QGridLayout()
        self.queue_row.setSpacing(10)
        self.notice = QLabel(objectName="notice")
        self._notice_text = ""
        self._notice_pos = 0

        left = QVBoxLayout()
        left.addWidget(self.latest, 3)
        left.addWidget(QLabel(self.tr("Recent calls"), objectName="section"))
        left.addWidget(self.recent, 2)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Windows"), objectName="section"))
        right.addLayout(self.window_grid, 1)
        middle = QVBoxLayout() if portrait else QHBoxLayout()
        middle.addLayout(left, 5 if not portrait else 4)
        middle.addSpacing(24)
        middle.addLayout(right, 6)

        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 20)
        root.addLayout(top)
        root.addLayout(middle, 1)
        root.addWidget(QLabel(self.tr("Waiting"), objectName="section"))
        root.addLayout(self.queue_row)
        self.closed_rows = QVBoxLayout()  # why a category takes no ticket now, a full-width line each
        self.closed_rows.setSpacing(0)
        root.addLayout(self.closed_rows)
        root.addWidget(self.notice)

        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._update_clock)
        self._tick.start()
        self._marquee = QTimer(self, interval=250)
        self._marquee.timeout.connect(self._scroll_notice)
        self._marquee.start()
        self._update_clock()
        self.render_board()

    # ------------------------------------------------------------------ updates
    def set_board(self, board: QueueBoard) -> None:
        self.board = board
        self.render_board()

    def render_board(self) -> None:
        b = self.board
        self.demo_mark.setVisible(b.demo)
        if b.connected:
            self.status.setObjectName("status_ok")
            self.status.setText(self.tr("● Live"))
        else:
            self.status.setObjectName("status_bad")
            self.status.setText(
                self.tr("Reconnecting… showing the last known state")
                if b.has_data
                else self.tr("Connecting…")
            )
        self.status.setStyleSheet(BOARD_QSS)
        last = b.now_calling()
        if last is not None:
            self.latest_number.setText(last.number)
            self.latest_window.setText(self.tr("Please go to window {0}").format(last.window))
        else:
            self.latest_number.setText("—")
            self.latest_window.setText(self.tr("Please wait for your number"))
        window_label = self.tr("Window {0}")
        self.recent.setText(
            "<br>".join(f"{c.number} &nbsp;→&nbsp; {window_label.format(c.window)}" for c in (b.recent[1:6] if last is not None else b.recent[:5]))
        )
        self._fill_windows()
        self._fill_queues()
        text = "　　　".join(b.notices) or self.tr(
            "Welcome. Please take a ticket at the self-service kiosk and wait for your number."
        )
        if text != self._notice_text:
            self._notice_text, self._notice_pos = text, 0
            self.notice.setText(text)

    def _clear(self, grid: QGridLayout) -> None:
        while grid.count():
            item = grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]

    def _fill_windows(self) -> None:
        self._clear(self.window_grid)
        cols = 3 if self.portrait else 4
        for i, line in enumerate(sorted(self.board.windows.values(), key=lambda w: w.number)):
            frame = QFrame(objectName="win_paused" if line.status in ("paused", "logged_out") else "win")
            lay = QVBoxLayout(frame)
            lay.setContentsMargins(12, 8, 12, 8)
            lay.addWidget(QLabel(line.name, objectName="win_name", alignment=Qt.AlignmentFlag.AlignCenter))
            if line.ticket:
                value = QLabel(line.ticket, objectName="win_ticket")
            elif line.status == "paused":
                value = QLabel(self.tr("Paused"), objectName="win_idle")
            elif line.status == "logged_out":
                value = QLabel(self.tr("Closed"), objectName="win_idle")
            else:
                value = QLabel(self.tr("Free"), objectName="win_idle")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(value)
            frame.setStyleSheet(BOARD_QSS)
            self.window_grid.addWidget(frame, i // cols, i % cols)

    def _fill_queues(self) -> None:
        self._clear(self.queue_row)
        self._clear(self.closed_rows)
        texts: list[tuple[str, str]] = []
        for prefix, count in sorted(self.board.waiting.items()):
            name = hall_text(self.board.categories.get(prefix, ""), self.board.categories_en.get(prefix), "category")
            if prefix in self.board.closed:
                texts.append((prefix, self.tr("{0} {1}: closed").format(prefix, name)))
            else:
                texts.append((prefix, self.tr("{0} {1}: {2} waiting").format(prefix, name, count)))
        # as many columns as the widest text allows (40 px text: "A 企业开办：等候 12 人" is about 440 px
        # wide, "B Real estate registration: closed" about 680 px): 4 (landscape) or 2 (portrait) at most
        width = self.width() - 64
        probe = QLabel(objectName="queue_text")
        probe.setStyleSheet(BOARD_QSS)
        probe.ensurePolished()
        metrics = QFontMetrics(probe.font())
        probe.deleteLater()
        widest = max((metrics.horizontalAdvance(t) for _p, t in texts), default=0) + 40  # the frame's margins
        cols = max(1, min(2 if self.portrait else 4, (width + 10) // (widest + 10)))
        for i, (_prefix, text) in enumerate(texts):
            frame = QFrame(objectName="queue")
            lay = QHBoxLayout(frame)
            lay.addWidget(QLabel(text, objectName="queue_text"))
            frame.setStyleSheet(BOARD_QSS)
            self.queue_row.addWidget(frame, i // cols, i % cols)
        for prefix, why in sorted(self.board.closed.items()):
            if prefix not in self.board.waiting:
                continue
            name = hall_text(self.board.categories.get(prefix, ""), self.board.categories_en.get(prefix), "category")
            reason = message_text(why.get("code"), why.get("params"), str(why.get("text") or ""))
            line = QLabel(self.tr("{0} {1}: {2}").format(prefix, name, reason), objectName="queue_why")
            line.setStyleSheet(BOARD_QSS)
            line.setWordWrap(True)
            line.setMinimumHeight(line.heightForWidth(width))  # a fixed-size screen would squeeze it away
            self.closed_rows.addWidget(line)

    def _update_clock(self) -> None:
        self.show_time(dt.datetime.now(HALL_TZ))

    def show_time(self, now: dt.datetime) -> None:
        # a portrait screen (1080 px wide) has no room for the date and the time beside the title: two lines
        sep = "\n" if self.portrait else " "
        self.clock.setText(f"{now:%Y-%m-%d} {ui_label('weekday', now.weekday())}{sep}{now:%H:%M:%S}")

    def _scroll_notice(self) -> None:
        text = self._notice_text
        if len(text) > 40:
            self._notice_pos = (self._notice_pos + 1) % (len(text) + 6)
            rolled = (text + "　　　") * 2
            self.notice.setText(rolled[self._notice_pos : self._notice_pos + 60])
