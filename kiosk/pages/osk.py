"""The kiosk's on-screen keyboard for free text, with pinyin input (a kiosk has no physical keyboard).

Letters typed in Chinese mode collect as pinyin above the keys; the candidate row offers the phrases and
characters they may mean (kiosk.pinyin, from pypinyin's data) and a tap, or the space key for the first,
puts one in the text. In ABC mode letters go in as they are. Why not Qt Virtual Keyboard: see the README
(Kiosk, 投诉建议)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.pages.base import button
from kiosk.pinyin import INDEX, Candidate, PinyinIndex

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
PUNCTUATION_ZH = "，。？"
PUNCTUATION_EN = ",.?"


class PinyinKeyboard(QWidget):
    """Keys for a QPlainTextEdit; `changed` carries the whole text after every change."""

    changed = Signal(str)

    def __init__(
        self,
        target: QPlainTextEdit,
        *,
        max_len: int,
        chinese: bool = True,
        index: PinyinIndex = INDEX,
        on_change: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("osk")
        self.target, self.max_len, self.index = target, max_len, index
        self.chinese = chinese  # pinyin (the Chinese UI) or letters as typed (the English UI); the mode key switches
        self.pinyin = ""
        self.candidates: list[Candidate] = []
        if on_change is not None:
            self.changed.connect(on_change)
        index.build_in_background()  # ready by the time the first letters are typed
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(6)
        top = QHBoxLayout()
        self.pinyin_label = QLabel(objectName="pinyin")
        top.addWidget(self.pinyin_label)
        self.candidate_row = QHBoxLayout()
        self.candidate_row.setSpacing(6)
        top.addLayout(self.candidate_row, 1)
        root.addLayout(top)
        keys = QGridLayout()
        keys.setSpacing(6)
        self.keys: dict[str, QPushButton] = {}
        for r, row in enumerate(ROWS):
            offset = (10 - len(row)) // 2 * 2  # the shorter rows centred (each key two grid columns wide)
            for i, ch in enumerate(row):
                b = button(ch, lambda ch=ch: self.press(ch), "osk_key")
                self.keys[ch] = b
                keys.addWidget(b, r, offset + i * 2, 1, 2)
        self.keys["⌫"] = button("⌫", self.backspace, "osk_key")
        keys.addWidget(self.keys["⌫"], 3, 16, 1, 4)
        self.mode_key = button("", self.toggle_mode, "osk_key")
        self.punct = [button("", lambda i=i: self.punctuation(i), "osk_key") for i in range(3)]
        self.keys["space"] = button(self.tr("Space"), self.space, "osk_key")
        self.keys["clear"] = button(self.tr("Clear"), self.clear_all, "osk_key")
        keys.addWidget(self.mode_key, 4, 0, 1, 4)
        for i, b in enumerate(self.punct):
            keys.addWidget(b, 4, 4 + i * 2, 1, 2)
        keys.addWidget(self.keys["space"], 4, 10, 1, 6)
        keys.addWidget(self.keys["clear"], 4, 16, 1, 4)
        root.addLayout(keys)
        self._refresh()

    # ------------------------------------------------------------------ keys
    def press(self, ch: str) -> None:
        if self.chinese and ch.isalpha():
            if len(self.pinyin) < 24:
                self.pinyin += ch
            self._refresh()
        else:
            self._commit_pinyin_as_is()
            self.insert(ch)

    def backspace(self) -> None:
        if self.pinyin:
            self.pinyin = self.pinyin[:-1]
            self._refresh()
            return
        self.target.setPlainText(self.target.toPlainText()[:-1])
        self._moved()

    def space(self) -> None:
        if self.pinyin and self.candidates:
            self.choose(0)
        elif self.pinyin:
            self._commit_pinyin_as_is()
        else:
            self.insert(" ")

    def choose(self, i: int) -> None:
        cand = self.candidates[i]
        self.insert(cand.text)
        self.pinyin = self.pinyin[cand.consumed :]
        self._refresh()

    def punctuation(self, i: int) -> None:
        self._commit_pinyin_as_is()
        self.insert((PUNCTUATION_ZH if self.chinese else PUNCTUATION_EN)[i])

    def toggle_mode(self) -> None:
        self._commit_pinyin_as_is()
        self.chinese = not self.chinese
        self._refresh()

    def clear_all(self) -> None:
        self.pinyin = ""
        self.target.setPlainText("")
        self._refresh()
        self._moved()

    def insert(self, text: str) -> None:
        current = self.target.toPlainText()
        room = self.max_len - len(current)
        if room <= 0:
            return
        self.target.setPlainText(current + text[:room])
        self._moved()

    # ------------------------------------------------------------------ state
    def _commit_pinyin_as_is(self) -> None:
        if self.pinyin:
            letters, self.pinyin = self.pinyin, ""
            self.insert(letters)
            self._refresh()

    def _moved(self) -> None:
        cursor = self.target.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.target.setTextCursor(cursor)
        self.changed.emit(self.target.toPlainText())

    def _refresh(self) -> None:
        self.candidates = self.index.candidates(self.pinyin, limit=8) if self.pinyin else []
        self.pinyin_label.setText(self.pinyin)
        self.pinyin_label.setVisible(bool(self.pinyin))
        while self.candidate_row.count():
            item = self.candidate_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().hide()  # type: ignore[union-attr]
                item.widget().deleteLater()  # type: ignore[union-attr]
        for i, cand in enumerate(self.candidates):
            b = button(cand.text, lambda i=i: self.choose(i), "candidate")
            self.candidate_row.addWidget(b)
            b.setVisible(self.isVisible() or not self.isHidden())  # at once, not at the next event loop turn
        self.candidate_row.addStretch(1)
        # the mode key names the mode a tap switches to
        self.mode_key.setText("ABC" if self.chinese else "中文")
        for b, ch in zip(self.punct, PUNCTUATION_ZH if self.chinese else PUNCTUATION_EN, strict=True):
            b.setText(ch)
