"""The item search from the keyboard: while the clerk types in the search field, ↑/↓ (and PgUp/PgDn) move
the highlight in the result list below it, and Enter picks the highlighted item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget

MOVES = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}
PICK = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class SearchKeys(QObject):
    """Installed on the search field: `pick(row)` on a plain Enter (Ctrl+Enter stays the 受理 shortcut)."""

    def __init__(self, results: QListWidget, pick: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results, self.pick = results, pick

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, mods = event.key(), event.modifiers()
        if mods & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Ctrl+Enter, Shift+↑ …: not ours
        count = self.results.count()
        if key in MOVES and count:
            row = min(max(self.results.currentRow() + MOVES[Qt.Key(key)], 0), count - 1)
            self.results.setCurrentRow(row)
            self.results.scrollToItem(self.results.item(row))
            return True
        if key in PICK and count:
            self.pick(max(self.results.currentRow(), 0))
            return True
        return False
