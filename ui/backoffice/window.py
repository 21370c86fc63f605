"""The back office (后台分类审批) for department staff: a login, the department's work list by deadline
light, and a case with its applicant (masked), materials, tasks, notices and history, where the staff
member writes an opinion and decides: 准予 / 不予许可 (with the decision notice as PDF), 退回补正 (with
what is missing), 特殊环节 start and end, 上报 (with its receiver) and the 核查 of a 告知承诺.

Everything goes through the center's cases API (`/api/v1/cases`); every request runs off the GUI thread
(`ui.tasks.run_in_background`) and its answer or error comes back on it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import local_now
from app.errors import HallError
from app.sync.client import CenterClient
from ui.i18n import label as ui_label
from ui.i18n import message_text, shown
from ui.tables import read_only_table
from ui.tasks import run_in_background

QSS = """
QWidget { font-size: 15px; }
QLabel#title { font-size: 22px; font-weight: bold; }
QLabel#error { color: #c5221f; }
QLabel#info { color: #1e5aa8; }
QPushButton#approve { background: #1e8e3e; color: white; padding: 6px 14px; }
QPushButton#deny { background: #c5221f; color: white; padding: 6px 14px; }
QPushButton#approve:disabled, QPushButton#deny:disabled { background: #e0e0e0; color: #9e9e9e; }
"""
LIGHT_COLORS = {"red": "#f8d7da", "yellow": "#fff3cd", "green": "#d4edda", "grey": "#e2e3e5"}
def _history_reason(step: dict[str, Any]) -> str:
    """A step's reason in the UI's language: the center's message, the window's decision, or a person's words."""
    said = step.get("reason_msg")
    if isinstance(said, dict):
        return message_text(said.get("code"), said.get("params"), str(step.get("reason") or ""))
    return ui_label("decision", step.get("reason") or "")


def _local(iso: str) -> str:
    import datetime as dt

    return local_now(dt.datetime.fromisoformat(iso)).strftime("%Y-%m-%d %H:%M")


_table = read_only_table


def _fill(t: QTableWidget, rows: list[list[str]], colors: list[str] | None = None) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if colors and colors[r]:
                item.setBackground(QColor(colors[r]))
            t.setItem(r, c, item)
    t.resizeColumnsToContents()


class BackOfficeWindow(QWidget):
    """Login → work list → case. `client` talks to the center; `papers_dir` receives decision PDFs."""

    busy_changed = Signal(bool)

    def __init__(self, client: CenterClient, *, hall_name: str, papers_dir: Path) -> None:
        super().__init__()
        self.client, self.hall_name, self.papers_dir = client, hall_name, papers_dir
        self.user = ""
        self.tasks: list[dict[str, Any]] = []
        self.case: dict[str, Any] | None = None
        self.pending = 0
        self.setWindowTitle(self.tr("Back office") + f" — {hall_name}")
        self.setStyleSheet(QSS)
        self.resize(1280, 800)
        lay = QVBoxLayout(self)
        self.stack = QStackedWidget()
        lay.addWidget(self.stack)
        self.status = QLabel("")
        self.status.setObjectName("info")
        lay.addWidget(self.status)
        self.login_page, self.list_page, self.case_page = self._login(), self._list(), self._case()
        for page in (self.login_page, self.list_page, self.case_page):
            self.stack.addWidget(page)

    # ------------------------------------------------------------------ plumbing
    def run(self, fn: Callable[[], Any], done: Callable[[Any], None], what: str) -> None:
        self.pending += 1
        self.busy_changed.emit(True)
        self.status.setText(self.tr("Working: {0}…").format(what))
        self.status.setObjectName("info")

        def ok(result: Any) -> None:
            self.pending -= 1
            self.busy_changed.emit(self.pending > 0)
            self.status.setText("")
            done(result)

        def bad(exc: BaseException) -> None:
            self.pending -= 1
            self.busy_changed.emit(self.pending > 0)
            text = shown(exc) if isinstance(exc, HallError) else self.tr("Unexpected error: {0}").format(exc)
            self.status.setText(text)
            self.status.setObjectName("error")
            self.status.setStyleSheet(self.styleSheet())

        run_in_background(fn, ok, bad)

    # ------------------------------------------------------------------ login
    def _login(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        box = QGroupBox(self.tr("Back office login"))
        form = QFormLayout(box)
        title = QLabel(self.hall_name)
        title.setObjectName("title")
        form.addRow(title)
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.clicked.connect(self.do_login)
        self.password_edit.returnPressed.connect(self.do_login)
        form.addRow(self.login_button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def do_login(self) -> None:
        user, password = self.user_edit.text().strip(), self.password_edit.text()

        def login() -> str:
            got = self.client.login_staff(user, password)
            if got.role not in ("backoffice", "admin"):
                raise HallError(self.tr("This account is not department staff"), code="wrong_role")
            self.client.token = got.token
            return str(got.name)

        self.run(login, self._logged_in, self.tr("log in"))

    def _logged_in(self, name: str) -> None:
        self.user = name
        self.password_edit.clear()
        self.who.setText(self.tr("Logged in: {0}").format(name))
        self.stack.setCurrentWidget(self.list_page)
        self.refresh()

    def use_token(self, token: str, name: str) -> None:
        """Already logged in (the CLI asked for the password): straight to the work list."""
        self.client.token = token
        self._logged_in(name)

    # ------------------------------------------------------------------ work list
    def _list(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        top = QHBoxLayout()
        title = QLabel(self.tr("Work list"))
        title.setObjectName("title")
        top.addWidget(title)
        self.who = QLabel("")
        top.addWidget(self.who)
        top.addStretch(1)
        self.show_closed = QComboBox()
        self.show_closed.addItems([self.tr("Open tasks"), self.tr("All tasks")])
        self.show_closed.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.show_closed)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top.addWidget(refresh)
        lay.addLayout(top)
        self.legend = QLabel(self.tr("Red: overdue · Yellow: due soon · Green: on time · Grey: special step (clock stopped)"))
        lay.addWidget(self.legend)
        self.task_table = _table(
            [self.tr("Light"), self.tr("Case number"), self.tr("Item"), self.tr("Applicant"), self.tr("Department"),
             self.tr("Task"), self.tr("Status"), self.tr("Due")]
        )
        self.task_table.cellDoubleClicked.connect(lambda row, _c: self.open_task(row))
        lay.addWidget(self.task_table, 1)
        open_button = QPushButton(self.tr("Open the case"))
        open_button.clicked.connect(lambda: self.open_task(self.task_table.currentRow()))
        lay.addWidget(open_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def refresh(self) -> None:
        closed = self.show_closed.currentIndex() == 1
        self.run(lambda: self.client.call("GET", "/cases/tasks", params={"include_closed": closed}),
                 self._fill_tasks, self.tr("work list"))

    def _fill_tasks(self, rows: list[dict[str, Any]]) -> None:
        self.tasks = rows
        light_zh = {"red": self.tr("Red"), "yellow": self.tr("Yellow"), "green": self.tr("Green"),
                    "grey": self.tr("Paused"), "": "—"}
        _fill(
            self.task_table,
            [
                [
                    light_zh.get(r["light"], r["light"]),
                    r["case_number"],
                    r["item_name"],
                    r["applicant"],
                    r["department"] + (self.tr(" (lead)") if r["lead"] else ""),
                    self.tr("Approval") if r["kind"] == "approve" else self.tr("Verification of a commitment"),
                    ui_label("task_status", r["status"]),
                    r["due_date"] or "",
                ]
                for r in rows
            ],
            [LIGHT_COLORS.get(r["light"], "") for r in rows],
        )

    def open_task(self, row: int) -> None:
        if not 0 <= row < len(self.tasks):
            return
        self.open_case(self.tasks[row]["case_id"], self.tasks[row]["id"])

    # ------------------------------------------------------------------ one case
    def _case(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        head = QHBoxLayout()
        back = QPushButton(self.tr("Back to the work list"))
        back.clicked.connect(self.back_to_list)
        head.addWidget(back)
        self.case_title = QLabel("")
        self.case_title.setObjectName("title")
        head.addWidget(self.case_title, 1)
        grid.addLayout(head, 0, 0, 1, 2)
        left = QVBoxLayout()
        self.case_info = QLabel("")
        self.case_info.setTextFormat(Qt.TextFormat.RichText)
        self.case_info.setWordWrap(True)
        left.addWidget(self.case_info)
        left.addWidget(QLabel(self.tr("Materials")))
        self.material_table = _table([self.tr("Material"), self.tr("State"), self.tr("Originals"), self.tr("Copies"), self.tr("Promised by")])
        left.addWidget(self.material_table, 2)
        left.addWidget(QLabel(self.tr("Departments' tasks")))
        self.case_tasks = _table([self.tr("Department"), self.tr("Task"), self.tr("Status"), self.tr("Due"), self.tr("Opinion")])
        left.addWidget(self.case_tasks, 1)
        left.addWidget(QLabel(self.tr("History")))
        self.history_table = _table([self.tr("Time"), self.tr("Step"), self.tr("By"), self.tr("Working days used"), self.tr("Note")])
        left.addWidget(self.history_table, 2)
        grid.addLayout(left, 1, 0)
        right = QVBoxLayout()
        form = QFormLayout()
        self.task_pick = QComboBox()
        self.task_pick.currentIndexChanged.connect(lambda _i: self._enable())
        form.addRow(self.tr("My task"), self.task_pick)
        self.opinion_edit = QPlainTextEdit()
        self.opinion_edit.setPlaceholderText(self.tr("Review opinion"))
        self.opinion_edit.setFixedHeight(90)
        form.addRow(self.tr("Opinion"), self.opinion_edit)
        self.missing_edit = QPlainTextEdit()
        self.missing_edit.setPlaceholderText(self.tr("What must be corrected, one per line"))
        self.missing_edit.setFixedHeight(70)
        form.addRow(self.tr("To correct"), self.missing_edit)
        self.receiver_edit = QLineEdit()
        self.receiver_edit.setPlaceholderText(self.tr("e.g. the city's market regulation bureau"))
        form.addRow(self.tr("Report to"), self.receiver_edit)
        self.pause_edit = QLineEdit()
        self.pause_edit.setPlaceholderText(self.tr("Hearing, testing, expert review, site inspection"))
        form.addRow(self.tr("Special step"), self.pause_edit)
        right.addLayout(form)
        self.task_form = form
        self.buttons: dict[str, QPushButton] = {}
        # each group offers one kind of task's actions: only the chosen task's kind is shown
        groups = {
            "approve": [
                ("approve", self.tr("Grant")),
                ("deny", self.tr("Do not grant")),
                ("return", self.tr("Return for correction")),
                ("report", self.tr("Report to a higher level")),
            ],
            "verify": [
                ("verify_ok", self.tr("Commitment holds")),
                ("verify_bad", self.tr("Commitment does not hold")),
            ],
            "case": [
                ("opinion", self.tr("Save opinion")),
                ("pause", self.tr("Start special step")),
                ("resume", self.tr("End special step")),
                ("decision_pdf", self.tr("Decision notice (PDF)")),
            ],
        }
        self.groups: dict[str, QWidget] = {}
        for name, actions in groups.items():
            holder = QWidget()
            box = QGridLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            for i, (key, text) in enumerate(actions):
                b = QPushButton(text)
                if key in ("approve", "deny"):
                    b.setObjectName(key)
                b.clicked.connect(lambda _c=False, k=key: self.act(k))
                self.buttons[key] = b
                box.addWidget(b, i // 2, i % 2)
            self.groups[name] = holder
            right.addWidget(holder)
        self.follow_up = QLabel("")
        self.follow_up.setObjectName("error")
        self.follow_up.setWordWrap(True)
        right.addWidget(self.follow_up)
        self.notices_label = QLabel("")
        self.notices_label.setWordWrap(True)
        right.addWidget(self.notices_label)
        right.addStretch(1)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return page

    def back_to_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.refresh()

    def open_case(self, case_id: str, task_id: str | None = None) -> None:
        self._want_task = task_id
        self.run(lambda: self.client.call("GET", f"/cases/{case_id}"), self._show_case, self.tr("case"))

    def _show_case(self, case: dict[str, Any]) -> None:
        self.case = case
        a = case["applicant"]
        self.case_title.setText(f"{case['case_number']}　{case['item_name']}")
        light = {"red": self.tr("overdue"), "yellow": self.tr("due soon"), "green": self.tr("on time")}.get(case["light"], "")
        self.case_info.setText(
            "<br/>".join(
                [
                    self.tr("Applicant: {0} (ID {1}, phone {2})").format(a["name"][:1] + "**", a["id_number"], a["phone"] or "—"),
                ]
                + (  # 帮办代办: who applied on the applicant's behalf, on which authorisation
                    [
                        self.tr("Agent: {0}, {1} (ID {2}), authorisation: {3}").format(
                            g["name"][:1] + "**", ui_label("agent_kind", g["kind"]), g["id_number"],
                            ui_label("authorisation", g["authorisation"]),
                        )
                    ]
                    if (g := case.get("agent"))
                    else []
                )
                + [
                    self.tr("Received {0} · due {1} {2} · working days used {3}").format(
                        case["received_on"], case["due_date"] or "—", light, case["clock_days"]
                    ),
                    self.tr("Status: {0} · lead department: {1}").format(
                        ui_label("case_status_office", case["status"]), case["department"]
                    ),
                ]
                + ([self.tr("Materials promised by {0}").format(case["deferral_due"])] if case["deferral_due"] else [])
                + ([self.tr("Waiting for correction: {0}").format("；".join(case["correction"]))] if case["correction"] else [])
            )
        )
        _fill(
            self.material_table,
            [[mt["name"], ui_label("material_state", mt["state"]), str(mt["originals"]), str(mt["copies"]), mt["promised_date"] or ""]
             for mt in case["materials"]],
        )
        _fill(
            self.case_tasks,
            [[t["department"] + (self.tr(" (lead)") if t["lead"] else ""),
              self.tr("Approval") if t["kind"] == "approve" else self.tr("Verification of a commitment"),
              ui_label("task_status", t["status"]), t["due_date"] or "", t["opinion"] or ""] for t in case["tasks"]],
            [LIGHT_COLORS.get(t["light"], "") for t in case["tasks"]],
        )
        _fill(
            self.history_table,
            [[_local(h["at"]), ui_label("case_step", h["step"]), h["actor"] or self.tr("system"),
              "" if h["clock_days"] is None else str(h["clock_days"]),
              _history_reason(h)] for h in case["history"]],
        )
        mine = [t for t in case["tasks"] if t["department_code"] == case.get("my_department")]
        self.task_pick.clear()
        for t in mine or case["tasks"]:
            kind = self.tr("Approval") if t["kind"] == "approve" else self.tr("Verification of a commitment")
            self.task_pick.addItem(f"{t['department']} · {kind} · {ui_label('task_status', t['status'])}", t["id"])
        want = getattr(self, "_want_task", None)
        if want:
            index = self.task_pick.findData(want)
            if index >= 0:
                self.task_pick.setCurrentIndex(index)
        self.notices_label.setText(self.tr("Notices: {0}").format(self.tr(", ").join(ui_label("notice", n) for n in case["notices"])))
        self.follow_up.setText(
            self.tr("Verification failed after the decision: {0}").format(case["follow_up"]) if case.get("follow_up") else "")
        self._enable()
        self.stack.setCurrentWidget(self.case_page)

    def _enable(self) -> None:
        """Only the steps the case and the chosen task allow now (the center checks them again)."""
        case = self.case or {}
        task = next((t for t in case.get("tasks", []) if t["id"] == self.task_pick.currentData()), None)
        pending = bool(task) and task is not None and task["status"] in ("open", "reported", "returned")
        live = case.get("status") in ("accepted", "deferred")
        kind = task["kind"] if task is not None else "approve"
        self.groups["approve"].setVisible(kind == "approve")
        self.groups["verify"].setVisible(kind == "verify")
        for field in (self.missing_edit, self.receiver_edit):  # what only an approval task asks for
            self.task_form.setRowVisible(field, kind == "approve")
        approval = pending and task is not None and kind == "approve"
        verify = pending and task is not None and kind == "verify"
        # a co-department decides its part while another's 补正 is out; a returned task waits for it
        decidable = approval and task is not None and (
            live or (case.get("status") == "correction" and task["status"] != "returned"))
        allowed = {
            "opinion": pending,
            "approve": decidable,
            "deny": decidable,
            "return": approval and case.get("status") in ("accepted", "correction"),
            "pause": live,
            "resume": case.get("status") == "suspended",
            "report": approval and live,
            "verify_ok": verify,
            "verify_bad": verify and case.get("status") not in ("deferred", "suspended"),
            "decision_pdf": case.get("status") in ("approved", "denied", "delivered"),
        }
        for key, button in self.buttons.items():
            button.setEnabled(bool(allowed.get(key)))

    def act(self, key: str) -> None:
        if self.case is None:
            return
        cid = self.case["id"]
        tid = self.task_pick.currentData()
        opinion = self.opinion_edit.toPlainText().strip()
        base = f"/cases/{cid}"
        calls: dict[str, tuple[str, dict[str, Any] | None]] = {
            "opinion": (f"{base}/tasks/{tid}/opinion", {"text": opinion}),
            "approve": (f"{base}/tasks/{tid}/decide", {"decision": "approve", "opinion": opinion}),
            "deny": (f"{base}/tasks/{tid}/decide", {"decision": "deny", "opinion": opinion}),
            "return": (f"{base}/tasks/{tid}/return", {
                "missing": [x for x in self.missing_edit.toPlainText().splitlines() if x.strip()], "opinion": opinion}),
            "pause": (f"{base}/pause", {"reason": self.pause_edit.text().strip()}),
            "resume": (f"{base}/resume", None),
            "report": (f"{base}/tasks/{tid}/report", {"receiver": self.receiver_edit.text().strip(), "opinion": opinion}),
            "verify_ok": (f"{base}/tasks/{tid}/verify", {"holds": True, "opinion": opinion}),
            "verify_bad": (f"{base}/tasks/{tid}/verify", {"holds": False, "opinion": opinion}),
        }
        if key == "decision_pdf":
            self.run(lambda: self._save_decision(cid, self.case["case_number"] if self.case else cid),
                     lambda p: self.notices_label.setText(self.tr("Saved: {0}").format(p)), self.tr("decision notice"))
            return
        path, body = calls[key]
        if path.count("/tasks/None/"):
            self.status.setText(self.tr("No task of your department in this case"))
            return
        self.run(lambda: self.client.call("POST", path, json=body), lambda _r: self._after(cid), self.buttons[key].text())

    def _after(self, case_id: str) -> None:
        self.opinion_edit.clear()
        self.missing_edit.clear()
        self.open_case(case_id, self.task_pick.currentData())

    def _save_decision(self, case_id: str, number: str) -> Path:
        data = self.client.binary(f"/cases/{case_id}/papers/decision.pdf")
        self.papers_dir.mkdir(parents=True, exist_ok=True)
        out = self.papers_dir / f"{number}-审批决定书.pdf"
        out.write_bytes(data)
        return out
