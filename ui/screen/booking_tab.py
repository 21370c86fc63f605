"""The manager's appointments tab in the console (issue 18): each category's slot plan (slot length, places
per serving window and slot, days ahead, cut-off; on or off) set here, and the day's bookings by slot with
masked names, ID numbers and phones. Every request runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import local_today
from ui.i18n import label as ui_label
from ui.i18n import shown
from ui.tasks import run_in_background


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setStretchLastSection(True)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    return t


def _fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(value))
    t.resizeColumnsToContents()


class BookingTab(QWidget):
    loaded = Signal(str)  # "plans", "day" or "saved"

    def __init__(self, api: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.plans_data: list[dict[str, Any]] = []
        self.plans = _table(
            [self.tr("Category"), self.tr("Category name"), self.tr("Opening hours"), self.tr("Serving windows"),
             self.tr("Slot (min)"), self.tr("Places per window"), self.tr("Places per slot"),
             self.tr("Days ahead"), self.tr("Cut-off (min)"), self.tr("Booking")]
        )
        self.plans.itemSelectionChanged.connect(self._pick_row)
        edit = QGroupBox(self.tr("Slot plan"))
        form = QFormLayout(edit)
        self.category = QComboBox()
        self.category.currentIndexChanged.connect(self._load_form)
        self.slot_minutes = QSpinBox(minimum=5, maximum=240, singleStep=5, value=30)
        self.per_window = QSpinBox(minimum=0, maximum=100, value=2)
        self.days_ahead = QSpinBox(minimum=0, maximum=60, value=7)
        self.cutoff = QSpinBox(minimum=0, maximum=7 * 24 * 60, singleStep=30, value=60)
        self.active = QCheckBox(self.tr("Bookable from the phone"))
        self.active.setChecked(True)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Slot length (min)"), self.slot_minutes)
        form.addRow(self.tr("Places per window and slot"), self.per_window)
        form.addRow(self.tr("Bookable days ahead"), self.days_ahead)
        form.addRow(self.tr("Booking closes before a slot (min)"), self.cutoff)
        form.addRow("", self.active)
        self.save = QPushButton(self.tr("Save the plan"))
        self.save.clicked.connect(self.save_plan)
        form.addRow("", self.save)
        self.note = QLabel()
        day_row = QHBoxLayout()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = local_today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.dateChanged.connect(lambda _d: self.refresh_day())
        day_row.addWidget(QLabel(self.tr("Bookings of")))
        day_row.addWidget(self.day)
        self.counts = QLabel()
        day_row.addWidget(self.counts)
        day_row.addStretch(1)
        self.bookings = _table(
            [self.tr("Time"), self.tr("Category"), self.tr("Service item"), self.tr("Appointment code"), self.tr("Applicant"),
             self.tr("ID number"), self.tr("Mobile"), self.tr("Status")]
        )
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.plans, 3)
        top.addWidget(edit, 2)
        lay.addLayout(top, 2)
        lay.addWidget(self.note)
        lay.addLayout(day_row)
        lay.addWidget(self.bookings, 3)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        run_in_background(lambda: self.api("GET", "/booking/plans"), self.show_plans, self._failed)
        self.refresh_day()

    def refresh_day(self) -> None:
        day = self.day.date().toString("yyyy-MM-dd")
        run_in_background(
            lambda: self.api("GET", "/booking/appointments", params={"day": day}), self.show_day, self._failed
        )

    def show_plans(self, plans: list[dict[str, Any]]) -> None:
        self.plans_data = plans
        on, off = self.tr("on"), self.tr("off")
        rows = []
        for p in plans:
            plan = p.get("plan")
            if plan:
                rows.append([p["category"], ui_label("category", p["name"]), p["hours"] or self.tr("(no hours: no slots)"), str(p["windows"]),
                             str(plan["slot_minutes"]), str(plan["per_window"]), str(plan["per_window"] * p["windows"]),
                             str(plan["days_ahead"]), str(plan["cutoff_minutes"]), on if plan["active"] else off])
            else:
                rows.append([p["category"], ui_label("category", p["name"]), p["hours"], str(p["windows"]), "", "", "", "", "", off])
        _fill(self.plans, rows)
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for p in plans:
            self.category.addItem(ui_label("category", p["name"]), p["category"])
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(0, index))
        self.category.blockSignals(False)
        self._load_form()
        self.loaded.emit("plans")

    def show_day(self, got: dict[str, Any]) -> None:
        status = {"booked": self.tr("booked"), "checked_in": self.tr("checked in"), "cancelled": self.tr("cancelled"),
                  "missed": self.tr("missed")}
        _fill(
            self.bookings,
            [
                [f"{a['time']}–{a['end_time']}", ui_label("category", a["category_name"]), a.get("item_name") or "", a["code"],
                 a["name_masked"], a["id_number_masked"], a["phone_masked"], status.get(a["status"], a["status"])]
                for a in got["appointments"]
            ],
        )
        counts = got.get("counts", {})
        self.counts.setText(
            self.tr("{0} booked, {1} checked in, {2} cancelled, {3} missed").format(
                counts.get("booked", 0), counts.get("checked_in", 0), counts.get("cancelled", 0), counts.get("missed", 0)
            )
        )
        self.loaded.emit("day")

    # ------------------------------------------------------------------ editing
    def _pick_row(self) -> None:
        row = self.plans.currentRow()
        if 0 <= row < len(self.plans_data):
            self.category.setCurrentIndex(self.category.findData(self.plans_data[row]["category"]))

    def _load_form(self) -> None:
        prefix = self.category.currentData()
        plan = next((p.get("plan") for p in self.plans_data if p["category"] == prefix), None)
        if plan:
            self.slot_minutes.setValue(plan["slot_minutes"])
            self.per_window.setValue(plan["per_window"])
            self.days_ahead.setValue(plan["days_ahead"])
            self.cutoff.setValue(plan["cutoff_minutes"])
            self.active.setChecked(plan["active"])

    def save_plan(self) -> None:
        prefix = self.category.currentData()
        if not prefix:
            return
        body = {
            "slot_minutes": self.slot_minutes.value(),
            "per_window": self.per_window.value(),
            "days_ahead": self.days_ahead.value(),
            "cutoff_minutes": self.cutoff.value(),
            "active": self.active.isChecked(),
        }

        def done(_got: Any) -> None:
            self.note.setText(self.tr("Saved: the new plan applies to bookings from now on."))
            self.refresh()
            self.loaded.emit("saved")

        run_in_background(lambda: self.api("PUT", f"/booking/plans/{prefix}", json=body), done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.note.setText(self.tr("The appointments cannot be loaded: {0}").format(shown(exc)))
        self.loaded.emit("failed")
