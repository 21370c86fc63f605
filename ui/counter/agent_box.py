"""The acceptance form's 帮办代办 box: who applies on the applicant's behalf (their ID card read with
Shift+F9, or the number typed and checked), as what (an entrusted person or a hall/village 代办员), on which
authorisation, valid until when. Thin: the rules are app/domain/agency.py's, checked again at acceptance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.counter.service import AgentIn, ApplicantIn
from app.domain.agency import AUTHORISATIONS, Agency, AgentKind
from app.domain.clock import local_today
from app.domain.idnumber import is_valid_id_number, mask_id_number
from ui.i18n import label


class AgentBox(QGroupBox):
    changed = Signal()

    def __init__(self, read_card: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("An agent applies on the applicant's behalf"))
        self.setCheckable(True)
        self.setChecked(False)
        self.card_id, self.from_card = "", False
        self.fields = QWidget()  # shown only while the box is ticked: a visit without an agent keeps its room
        QVBoxLayout(self).addWidget(self.fields)
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(0, 0, 0, 0)
        self.name_edit, self.id_edit, self.phone_edit = QLineEdit(), QLineEdit(), QLineEdit()
        self.id_edit.textChanged.connect(self._check_id)
        self.name_edit.textChanged.connect(self.changed)
        self.id_hint = QLabel("")
        read = QPushButton(self.tr("Read the agent's ID card") + "  [Shift+F9]")
        read.clicked.connect(read_card)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Entrusted person (letter of entrustment)"), AgentKind.ENTRUSTED)
        self.kind.addItem(self.tr("Hall or village agent"), AgentKind.HALL_AGENT)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.paper = QComboBox()
        self.paper.setEditable(True)
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.this_case = QCheckBox(self.tr("For this case only"))
        self.this_case.toggled.connect(lambda on: self.until.setEnabled(not on))
        grid.addWidget(QLabel(self.tr("Agent")), 0, 0)
        grid.addWidget(self.name_edit, 0, 1)
        grid.addWidget(QLabel(self.tr("ID number")), 0, 2)
        grid.addWidget(self.id_edit, 0, 3)
        grid.addWidget(read, 0, 4)
        grid.addWidget(QLabel(self.tr("Agent's phone")), 1, 0)
        grid.addWidget(self.phone_edit, 1, 1)
        grid.addWidget(self.id_hint, 1, 3)
        grid.addWidget(QLabel(self.tr("Acting as")), 2, 0)
        grid.addWidget(self.kind, 2, 1)
        grid.addWidget(QLabel(self.tr("Authorisation received")), 2, 2)
        grid.addWidget(self.paper, 2, 3)
        grid.addWidget(QLabel(self.tr("Valid until")), 3, 0)
        grid.addWidget(self.until, 3, 1)
        grid.addWidget(self.this_case, 3, 2)
        self.toggled.connect(self.fields.setVisible)
        for combo in (self.kind, self.paper):  # their longest English entry must not widen the counter
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.toggled.connect(lambda _on: self.changed.emit())
        self.clear()

    def _kind_changed(self) -> None:
        self.paper.clear()
        for paper in AUTHORISATIONS[self.kind.currentData()]:  # shown in the clerk's language, stored in Chinese
            self.paper.addItem(label("authorisation", paper), paper)
        self.this_case.setChecked(self.kind.currentData() == AgentKind.HALL_AGENT)

    def _check_id(self, text: str) -> None:
        if self.card_id:
            return
        t = text.strip().upper()
        if len(t) == 18 and is_valid_id_number(t):  # checked: shown masked from now on, like the applicant's
            self._keep(t, from_card=False)
            self.id_hint.setText(self.tr("ID number OK"))
        elif len(t) == 18:
            self.id_hint.setText(self.tr("Check digit wrong: a typing mistake?"))
        else:
            self.id_hint.setText(self.tr("%1 of 18 characters").replace("%1", str(len(t))) if t else "")
        self.changed.emit()

    def _keep(self, id_number: str, *, from_card: bool) -> None:
        self.card_id, self.from_card = id_number, from_card
        self.id_edit.blockSignals(True)
        self.id_edit.setText(mask_id_number(id_number))
        self.id_edit.blockSignals(False)
        self.id_edit.setReadOnly(True)

    def fill_from_card(self, card: Any) -> None:
        self.setChecked(True)
        self.name_edit.setText(card.name)
        self._keep(card.id_number, from_card=True)
        self.id_hint.setText(self.tr("Read from the ID card"))
        self.changed.emit()

    def id_number(self) -> str:
        return self.card_id or self.id_edit.text().strip()

    def agent(self, today: dt.date) -> AgentIn | None:
        """The agent as the form holds it, or None when the applicant came in person."""
        if not self.isChecked():
            return None
        until = None if self.this_case.isChecked() else self.until.date().toPython()
        text, index = self.paper.currentText().strip(), self.paper.currentIndex()
        paper = str(self.paper.itemData(index)) if index >= 0 and text == self.paper.itemText(index) else text
        person = ApplicantIn(self.name_edit.text().strip(), self.id_number(), self.phone_edit.text().strip(), from_card=self.from_card)
        return AgentIn(person, Agency(AgentKind(self.kind.currentData()), paper, until))

    def summary(self) -> str:
        """What the customer window shows of the agent (masked), or ""."""
        if not self.isChecked() or not self.name_edit.text().strip():
            return ""
        name = self.name_edit.text().strip()
        return self.tr("Agent: %1").replace("%1", name[:1] + "*" * (len(name) - 1))

    def clear(self) -> None:
        self.card_id, self.from_card = "", False
        self.id_edit.setReadOnly(False)
        for w in (self.name_edit, self.id_edit, self.phone_edit):
            w.clear()
        self.id_hint.clear()
        self.kind.setCurrentIndex(0)
        self._kind_changed()
        self.until.setDate(QDate(local_today() + dt.timedelta(days=90)))  # an entrustment is given for months
        self.setChecked(False)
        self.fields.setVisible(False)  # unticked: only the box's title line takes room
