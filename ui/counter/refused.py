"""The counter's list of its records the center refused: which record, when it was written, why, in the
UI's language. Kept here until a manager resolves them in the console."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.views.refused import RefusedRow
from ui.refusals import fill_refused, refused_table


class RefusedDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Records the center refused"))
        self.note = QLabel(
            self.tr(
                "These records are kept on this counter but are not at the center. Tell the hall manager: "
                "they are resolved in the manager's console, and then leave this list."
            )
        )
        self.note.setWordWrap(True)
        self.table = refused_table(with_terminal=False)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self.resize(1100, 420)

    def show_rows(self, rows: list[RefusedRow]) -> None:
        self.rows = rows
        fill_refused(self.table, rows, with_terminal=False)
        if not rows:
            self.note.setText(self.tr("No refused records: the manager has resolved them all."))
