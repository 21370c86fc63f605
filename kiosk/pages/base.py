"""Building blocks of the pages: the page frame (title, message, body, back / home), buttons, the
on-screen keypad, and running a flow's blocking step off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from ui.i18n import current_language, shown
from ui.runtime_bridge import plain_message

if TYPE_CHECKING:
    from kiosk.shell import KioskShell


def clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        w = item.widget()
        if w is not None:
            w.hide()
            w.deleteLater()
        elif item.layout() is not None:
            clear(item.layout())


def label(text: str, name: str = "body", *, wrap: bool = True, center: bool = False) -> QLabel:
    lab = QLabel(text)
    lab.setObjectName(name)
    lab.setWordWrap(wrap)
    if center:
        lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return lab


def button(text: str, on_click: Callable[[], Any], name: str = "", *, checkable: bool = False) -> QPushButton:
    b = QPushButton(text)
    if name:
        b.setObjectName(name)
    b.setCheckable(checkable)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a touch screen: the scanner's keystrokes stay in the page
    b.clicked.connect(lambda _checked=False: on_click())
    return b


def grid(buttons: Sequence[QWidget], columns: int) -> QGridLayout:
    g = QGridLayout()
    g.setSpacing(16)
    for i, b in enumerate(buttons):
        g.addWidget(b, i // columns, i % columns)
    return g


class Keypad(QWidget):
    """Keys for a QLineEdit: no physical keyboard on a kiosk."""

    changed = Signal(str)

    def __init__(self, target: QLineEdit, keys: str = "123456789X0", columns: int = 3, max_len: int = 20) -> None:
        super().__init__()
        self.target, self.max_len = target, max_len
        buttons: list[QWidget] = [button(k, lambda k=k: self.press(k), "key") for k in keys]
        buttons.append(button("⌫", self.backspace, "key"))
        buttons.append(button(self.tr("Clear"), self.clear_all, "key"))
        self.setLayout(grid(buttons, columns))

    def press(self, key: str) -> None:
        if len(self.target.text()) < self.max_len:
            self.target.setText(self.target.text() + key)
            self.changed.emit(self.target.text())

    def backspace(self) -> None:
        self.target.setText(self.target.text()[:-1])
        self.changed.emit(self.target.text())

    def clear_all(self) -> None:
        self.target.clear()
        self.changed.emit("")


def entry(placeholder: str) -> QLineEdit:
    e = QLineEdit()
    e.setPlaceholderText(placeholder)
    e.setReadOnly(True)  # typed through the keypad only
    e.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return e


class Page(QWidget):
    """A page: title, an optional message, a body rebuilt by `render()`, and the back / home bar."""

    key = "page"

    def __init__(self, shell: KioskShell) -> None:
        super().__init__()
        self.shell = shell
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 10, 40, 20)
        outer.setSpacing(16)
        self.title = label("", "title", wrap=False)
        outer.addWidget(self.title)
        # the body scrolls when it is taller than the screen (elderly mode on a landscape 1080 px panel), so
        # the window never grows past the screen and the back / home bar below always stays in reach
        inner = QWidget()
        inner.setObjectName("scrollbody")
        self.body = QVBoxLayout(inner)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(16)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("pagescroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(inner)
        QScroller.grabGesture(self.scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        outer.addWidget(self.scroll, 1)
        self.footer = QHBoxLayout()
        outer.addLayout(self.footer)

    # ---- to override
    def heading(self) -> str:
        return ""

    def build(self) -> None:
        pass

    def can_go_back(self) -> bool:
        return False

    def go_back(self) -> None:
        pass

    def prompt(self) -> str:
        """What the voice says when the elderly mode is on and the page changes."""
        return self.heading()

    def scanned(self, text: str) -> None:
        """A barcode scanner typed a line while this page was shown."""

    def advance(self) -> None:
        """Start the blocking step the flow's state calls for, if one is due and none is in flight. Called
        after a user's action and after a step finished, never from rendering."""
        flow = getattr(self, "flow", None)
        if flow is None or self.shell.busy:
            return
        step = flow.next_step()
        if step is not None:
            self.work(step)

    def refresh(self) -> None:
        """After a user's action: show the new state, then start what it calls for."""
        self.render()
        self.advance()

    # ---- shared
    def render(self) -> None:
        clear(self.body)
        clear(self.footer)
        self.title.setText(self.heading())
        self.build()
        if self.can_go_back():
            self.footer.addWidget(button(self.tr("Back"), self._back))
        self.footer.addStretch(1)
        self.footer.addWidget(button(self.tr("Home"), self.shell.go_home, "primary"))

    def step_bar(self, names: Sequence[str], current: int) -> QWidget:
        """Where the citizen is in a flow: "① 选择业务 → ② 刷身份证 → ③ 取号", the current step marked."""
        bar = QWidget()
        bar.setObjectName("steps")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        for i, name in enumerate(names):
            if i:
                row.addWidget(label("→", "hint", wrap=False))
            state = "done" if i < current else ("current" if i == current else "pending")
            step = label(f"{'①②③④⑤'[i]} {name}", f"step_{state}", center=True)
            step.setProperty("step", i)
            row.addWidget(step, 1)
        return bar

    def place_card_animation(self) -> QLabel:
        """The picture of an ID card lowered onto the reader, for the pages that wait for a card."""
        from kiosk.pages.icons import PlaceCardAnimation
        from kiosk.pages.style import ELDERLY, NORMAL

        elderly = self.shell.session.elderly
        return PlaceCardAnimation((ELDERLY if elderly else NORMAL)["accent"], 280 if elderly else 220)

    def _back(self) -> None:
        self.go_back()
        self.refresh()

    def message(self, text: str, detail: str = "", error: bool = False) -> None:
        if text:
            self.body.addWidget(label(shown(text), "error" if error else "message"))
        if detail and shown(detail) != shown(text):
            self.body.addWidget(label(shown(detail), "hint"))

    def work(self, fn: Callable[[], Any], then: Callable[[], None] | None = None) -> bool:
        """Run a flow's blocking step on the terminal's serialized executor; re-render when it is done,
        then start the next step the flow calls for. While one runs, another tap does nothing (a double
        tap never prints twice). False when refused for that reason."""
        if self.shell.busy:
            return False
        self.shell.set_busy(True)

        def done(_result: Any) -> None:
            self.shell.set_busy(False)
            if then is not None:
                then()
            if self.shell.page is not self:  # the visit went home meanwhile
                return
            self.render()
            self.shell.page_changed()
            self.advance()

        def failed(exc: BaseException) -> None:
            self.shell.set_busy(False)
            self.shell.show_error(plain_message(exc, current_language()))

        self.shell.bridge.submit(fn, done, failed, what=f"kiosk {self.key}")
        return True
