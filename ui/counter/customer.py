"""The screen facing the citizen: who serves at this window (name and 工号), the number called and then
served, what the clerk entered for the citizen to confirm (masked), and the 5-level rating pad at the end
of each service (one rating per visit)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.ratings import LEVELS
from ui.i18n import label as ui_label

CUSTOMER_QSS = """
QWidget#customer { background: #0b2a5b; }
QLabel { color: #ffffff; font-size: 28px; }
QLabel#number { font-size: 110px; font-weight: bold; color: #fff34d; }
QLabel#paused { font-size: 96px; font-weight: bold; color: #ffb74d; }
QLabel#window { font-size: 40px; font-weight: bold; }
QLabel#clerk { font-size: 30px; color: #cfe3ff; }
QLabel#confirm { font-size: 30px; background: #12386f; border-radius: 10px; padding: 16px; }
QLabel#thanks { font-size: 44px; color: #7CFC9A; font-weight: bold; }
QPushButton { font-size: 30px; min-height: 120px; border-radius: 14px; background: #ffffff; color: #0b2a5b; }
"""


class CustomerWindow(QWidget):
    rated = Signal(int)

    def __init__(self, window_number: int, hall_name: str) -> None:
        super().__init__()
        self.setObjectName("customer")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(CUSTOMER_QSS)
        self.setWindowTitle(hall_name)
        lay = QVBoxLayout(self)
        self.hall = QLabel(hall_name)
        self.window_label = QLabel(self.tr("Window %1").replace("%1", str(window_number)))
        self.window_label.setObjectName("window")
        self.clerk = QLabel("")
        self.clerk.setObjectName("clerk")
        self.number = QLabel("")
        self.number.setObjectName("number")
        self.paused = QLabel(self.tr("Service paused"))  # 暂停服务, in the number's place
        self.paused.setObjectName("paused")
        self.confirm = QLabel("")
        self.confirm.setObjectName("confirm")
        self.confirm.setWordWrap(True)
        self.prompt = QLabel("")
        self.thanks = QLabel("")
        self.thanks.setObjectName("thanks")
        for w in (self.hall, self.window_label, self.clerk, self.number, self.paused, self.confirm, self.prompt, self.thanks):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            lay.addWidget(w)
        self.pad = QWidget()
        grid = QGridLayout(self.pad)
        self.level_buttons: dict[int, QPushButton] = {}
        for i, level in enumerate(LEVELS):
            b = QPushButton(ui_label("rating_level", level))
            b.clicked.connect(lambda _c=False, lv=level: self._rate(lv))
            grid.addWidget(b, 0, i)
            self.level_buttons[level] = b
        lay.addWidget(self.pad)
        lay.addStretch(1)
        self.idle()

    def idle(self) -> None:
        self.number.setText("")
        self.paused.hide()
        self.confirm.setText(self.tr("Welcome"))
        self.confirm.show()
        self.prompt.setText("")
        self.thanks.setText("")
        self.pad.hide()

    def set_clerk(self, name: str | None, staff_no: str | None) -> None:
        """The clerk at the window, as on the 工作牌: name and staff number (工号); empty when nobody is in."""
        if not name:
            self.clerk.setText("")
            return
        text = self.tr("Served by %1").replace("%1", name)
        if staff_no:
            text += "　" + self.tr("Staff no. %1").replace("%1", staff_no)
        self.clerk.setText(text)

    def show_ticket(self, number: str, status: str) -> None:
        """A called number is asked to come to the window; 正在为您办理 only once the clerk has started."""
        self.number.setText(number)
        self.paused.hide()
        self.confirm.setText(self.tr("Now serving") if status == "serving" else self.tr("Please come to this window"))
        self.confirm.show()
        self.prompt.setText("")
        self.thanks.setText("")
        self.pad.hide()

    def show_paused(self) -> None:
        """The window has paused its service: 暂停服务 instead of a number, and where to go meanwhile."""
        self.number.setText("")
        self.paused.show()
        self.confirm.setText(self.tr("Please wait, or go to another window"))
        self.confirm.show()
        self.prompt.setText("")
        self.thanks.setText("")
        self.pad.hide()

    def show_entry(self, lines: list[str]) -> None:
        """What the clerk entered, masked, for the citizen to check."""
        self.confirm.setText(self.tr("Please check:") + "\n" + "\n".join(lines))

    def ask_rating(self) -> None:
        self.confirm.hide()  # the 请核对 box is done with: the citizen rates
        self.prompt.setText(self.tr("Please rate this service"))
        self.thanks.setText("")
        self.pad.show()

    def _rate(self, level: int) -> None:
        self.pad.hide()
        self.prompt.setText("")
        self.thanks.setText(self.tr("Thank you for your rating!"))
        self.rated.emit(level)
