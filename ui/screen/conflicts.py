"""The manager's page of the center's conflicts: records a terminal sent that the center refused (which
terminal, what record, when in hall time, why), and marking one resolved once dealt with. The terminal
that sent it stops showing it on its next sync. Loaded off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.views.refused import RefusedRow, conflict_rows
from ui.i18n import shown
from ui.refusals import fill_refused, refused_table
from ui.tasks import run_in_background


class ConflictsPage(QWidget):
    loaded = Signal()

    def __init__(self, api: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.rows: list[RefusedRow] = []
        self.resolved: set[str] = set()
        self.intro = QLabel(
            self.tr(
                "Records the terminals sent that the center could not take. Put each right (enter it again, "
                "tell the clerk), then mark it resolved: the terminal stops showing it."
            )
        )
        self.intro.setWordWrap(True)
        self.note = QLabel()
        self.note.setStyleSheet("color: #a50e0e;")
        self.note.hide()
        self.table = refused_table(with_terminal=True)
        self.empty = QLabel(self.tr("Nothing refused: every record the terminals sent is at the center."))
        self.empty.setStyleSheet("color: #137333; padding: 4px;")
        self.empty.hide()
        self.include_resolved = QCheckBox(self.tr("Show resolved ones too"))
        self.include_resolved.toggled.connect(lambda _b: self.refresh())
        self.resolve_note = QLineEdit()
        self.resolve_note.setPlaceholderText(self.tr("What was done (optional)"))
        self.resolve_button = QPushButton(self.tr("Mark resolved"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addWidget(self.note)
        lay.addWidget(self.empty)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.resolve_note, 1)
        row.addWidget(self.resolve_button)
        row.addWidget(self.include_resolved)
        row.addWidget(refresh)
        lay.addLayout(row)

    def _params(self) -> dict[str, Any]:
        return {"include_resolved": "true"} if self.include_resolved.isChecked() else {}

    def refresh(self) -> None:
        params = self._params()
        run_in_background(lambda: self.api("GET", "/conflicts", params=params), self.show_conflicts, self._failed)

    def show_conflicts(self, conflicts: list[dict[str, Any]]) -> None:
        self.note.hide()
        self.rows = conflict_rows(conflicts)
        self.resolved = {str(c["id"]) for c in conflicts if c.get("resolved")}
        fill_refused(self.table, self.rows, with_terminal=True)
        self.empty.setVisible(not self.rows)
        for r, row in enumerate(self.rows):
            if row.id in self.resolved:
                for c in range(self.table.columnCount()):
                    item = self.table.item(r, c)
                    if item is not None:
                        item.setForeground(self.palette().placeholderText())
        self.loaded.emit()

    def resolve_selected(self) -> None:
        r = self.table.currentRow()
        if r < 0 or r >= len(self.rows):
            self.note.setText(self.tr("Choose a record in the list first."))
            self.note.show()
            return
        conflict_id, note, params = self.rows[r].id, self.resolve_note.text().strip(), self._params()

        def work() -> Any:
            self.api("POST", f"/conflicts/{conflict_id}/resolve", json={"note": note})
            return self.api("GET", "/conflicts", params=params)

        def done(conflicts: list[dict[str, Any]]) -> None:
            self.resolve_note.clear()
            self.show_conflicts(conflicts)

        run_in_background(work, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.note.setText(self.tr("The conflicts cannot be loaded or changed: {0}").format(shown(exc)))
        self.note.show()
        self.loaded.emit()
