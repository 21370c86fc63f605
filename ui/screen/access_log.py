"""The admin's access log in the console: logins, enrollments, approvals, revocations, role changes and
refused access, newest first, refusals highlighted. Loaded off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.sync.client import CenterRefused
from app.views.access_log import access_rows
from ui.tasks import run_in_background


class AccessLogPage(QWidget):
    loaded = Signal()

    def __init__(self, api: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("Decision"), self.tr("On"), self.tr("Detail")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel()
        self.note.hide()
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.table)
        row = QHBoxLayout()
        row.addWidget(refresh)
        row.addStretch(1)
        lay.addLayout(row)

    def refresh(self) -> None:
        run_in_background(lambda: self.api("GET", "/access-log", params={"limit": 300}), self.show_lines, self._failed)

    def show_lines(self, lines: list[dict[str, Any]]) -> None:
        self.note.hide()
        rows = access_rows(lines)
        self.table.setRowCount(len(rows))
        for r, (cells, refused) in enumerate(rows):
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if refused:
                    item.setBackground(QColor("#fde2e1"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CenterRefused) and exc.status == 403:
            self.note.setText(self.tr("Only an admin reads the access log."))
        else:
            self.note.setText(self.tr("The access log cannot be loaded: {0}").format(exc))
        self.note.show()
        self.loaded.emit()
