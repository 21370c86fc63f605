"""The manager console's 帮办代办 page: the investment projects the hall's agents take through their approval
stages — where each stands, working days used against its target with the supervision colour — and the
agent's steps (register a project, start the next stage, finish the current one with its case number).
Thin: the rules are the center's (app/center/routes_agency.py); every call runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import local_today
from ui.i18n import label, shown
from ui.tasks import run_in_background

LIGHT = {"green": "#e6f4ea", "yellow": "#fef7e0", "red": "#fce8e6"}


class AgencyPage(QWidget):
    loaded = Signal()

    def __init__(self, api: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.projects: list[dict[str, Any]] = []
        intro = QLabel(
            self.tr(
                "Investment projects the hall's agents take through their approval stages, one after another: "
                "working days used against each project's target."
            )
        )
        intro.setWordWrap(True)
        self.note = QLabel()
        self.note.setStyleSheet("color: #a50e0e;")
        self.note.hide()
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Project"), self.tr("Project title"), self.tr("Company"), self.tr("Agent"), self.tr("Stage under way"),
             self.tr("Working days (target)"), self.tr("Stages")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        # the agent's step: on a day, with the case that carried the stage
        self.day = QDateEdit(QDate(local_today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.case_number = QLineEdit()
        self.case_number.setPlaceholderText(self.tr("Case number (optional)"))
        start = QPushButton(self.tr("Start the next stage"))
        start.clicked.connect(self.start_next)
        finish = QPushButton(self.tr("Finish the stage under way"))
        finish.clicked.connect(self.finish_current)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        steps = QHBoxLayout()
        for w in (QLabel(self.tr("Step date")), self.day, self.case_number, start, finish, refresh):
            steps.addWidget(w)
        # a new project
        self.name, self.company, self.agent = QLineEdit(), QLineEdit(), QLineEdit()
        self.name.setPlaceholderText(self.tr("Project name"))
        self.company.setPlaceholderText(self.tr("Company"))
        self.agent.setPlaceholderText(self.tr("Agent's user name"))
        self.target = QSpinBox()
        self.target.setRange(0, 1000)
        self.target.setSuffix(" " + self.tr("working days"))
        add = QPushButton(self.tr("Register the project"))
        add.clicked.connect(self.create)
        new = QHBoxLayout()
        for w in (self.name, self.company, self.agent, self.target, add):
            new.addWidget(w)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.note)
        lay.addWidget(self.table, 1)
        lay.addLayout(steps)
        lay.addLayout(new)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        run_in_background(lambda: self.api("GET", "/agency/projects"), self.show_projects, self._failed)

    def show_projects(self, projects: list[dict[str, Any]]) -> None:
        self.note.hide()
        self.projects = projects
        self.table.setRowCount(len(projects))
        for r, p in enumerate(projects):
            used = "—" if p.get("days_used") is None else str(p["days_used"])
            values = [
                p["code"],
                p["name"],
                p["company"],
                p.get("agent_name") or p["agent"],
                self.tr("All stages done")
                if p.get("done")
                else (label("project_stage", p["current"]) if p.get("current") else self.tr("Not started")),
                f"{used} / {p['target_days']}" if p.get("target_days") else used,
                " → ".join(
                    self.tr("%1 (%2)").replace("%1", label("project_stage", s["name"])).replace(
                        "%2", label("stage_status", s["status"])
                    )
                    for s in p["stages"]
                ),
            ]
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if p.get("light") in LIGHT:
                    cell.setBackground(QColor(LIGHT[p["light"]]))
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self.note.setText(self.tr("The projects cannot be loaded or changed: {0}").format(shown(exc)))
        self.note.show()
        self.loaded.emit()

    # ------------------------------------------------------------------ steps
    def _chosen(self) -> dict[str, Any] | None:
        r = self.table.currentRow()
        if r < 0 or r >= len(self.projects):
            self.note.setText(self.tr("Choose a project in the list first."))
            self.note.show()
            return None
        return self.projects[r]

    def _step(self, project: dict[str, Any], position: int, what: str) -> None:
        body = {"on": self.day.date().toPython().isoformat(), "case_number": self.case_number.text().strip() or None}
        pid, row = project["id"], self.table.currentRow()

        def work() -> Any:
            self.api("POST", f"/agency/projects/{pid}/stages/{position}/{what}", json=body)
            return self.api("GET", "/agency/projects")

        def done(projects: list[dict[str, Any]]) -> None:
            self.case_number.clear()
            self.show_projects(projects)
            self.table.selectRow(row)

        run_in_background(work, done, self._failed)

    def start_next(self) -> None:
        p = self._chosen()
        if p is None:
            return
        pending = [s for s in p["stages"] if s["status"] == "pending"]
        if not pending:
            self.note.setText(self.tr("Every stage of this project has started."))
            self.note.show()
            return
        self._step(p, pending[0]["position"] + 1, "start")

    def finish_current(self) -> None:
        p = self._chosen()
        if p is None:
            return
        active = [s for s in p["stages"] if s["status"] == "active"]
        if not active:
            self.note.setText(self.tr("No stage of this project is under way: start the next one first."))
            self.note.show()
            return
        self._step(p, active[0]["position"] + 1, "done")

    def create(self) -> None:
        body = {
            "name": self.name.text().strip(), "company": self.company.text().strip(),
            "agent": self.agent.text().strip(), "target_days": self.target.value(),
        }

        def work() -> Any:
            self.api("POST", "/agency/projects", json=body)
            return self.api("GET", "/agency/projects")

        def done(projects: list[dict[str, Any]]) -> None:
            for w in (self.name, self.company):
                w.clear()
            self.show_projects(projects)

        run_in_background(work, done, self._failed)
