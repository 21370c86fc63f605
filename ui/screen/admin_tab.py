"""The console's administration tab (admin role): staff, windows and their A/B posts, categories' hours and
quotas, items' status, terminals. Every change goes through the admin API, which audits and replicates it;
every request runs off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.clock import local_text
from ui.i18n import message_text, shown
from ui.tables import read_only_table
from ui.tasks import run_in_background

Api = Callable[..., Any]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


_table = read_only_table


def _fill(t: QTableWidget, rows: list[list[str]]) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, QTableWidgetItem(value))
    t.resizeColumnsToContents()


def _button(text: str, slot: Callable[[], None]) -> QPushButton:
    b = QPushButton(text)
    b.clicked.connect(slot)
    return b


class AdminTab(QWidget):
    loaded = Signal(str)  # "staff", "windows", "categories", "terminals", or "done: …" after a change

    def __init__(self, api: Api) -> None:
        super().__init__()
        self.api = api
        self.status = QLabel()
        tabs = self.pages = QTabWidget()
        tabs.addTab(self._staff_page(), self.tr("Staff"))
        tabs.addTab(self._windows_page(), self.tr("Windows"))
        tabs.addTab(self._categories_page(), self.tr("Categories"))
        tabs.addTab(self._items_page(), self.tr("Items"))
        tabs.addTab(self._terminals_page(), self.tr("Terminals"))
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        lay.addWidget(self.status)
        self.staff_rows: list[dict[str, Any]] = []
        self.window_rows: list[dict[str, Any]] = []
        self.category_rows: list[dict[str, Any]] = []
        self.terminal_rows: list[dict[str, Any]] = []

    # ------------------------------------------------------------------ pages
    def _staff_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.staff = _table([self.tr("Username"), self.tr("Name"), self.tr("Role"), self.tr("Window"), self.tr("Active"), self.tr("Password"), self.tr("ID card")])
        lay.addWidget(self.staff)
        form = QFormLayout()
        self.new_username, self.new_name = QLineEdit(), QLineEdit()
        self.new_role = QComboBox()
        for role, text in (("clerk", self.tr("Clerk")), ("manager", self.tr("Hall manager")), ("admin", self.tr("Administrator"))):
            self.new_role.addItem(text, role)
        self.new_window = QSpinBox(minimum=0, maximum=999)
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.card = QLineEdit()
        form.addRow(self.tr("Username"), self.new_username)
        form.addRow(self.tr("Name"), self.new_name)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("Window (0: none)"), self.new_window)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("ID number of the clerk's own card"), self.card)
        lay.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(_button(self.tr("Add"), self.add_staff))
        row.addWidget(_button(self.tr("Disable"), lambda: self.set_active(False)))
        row.addWidget(_button(self.tr("Enable"), lambda: self.set_active(True)))
        row.addWidget(_button(self.tr("Reset password"), self.reset_password))
        row.addWidget(_button(self.tr("Register ID card"), self.register_card))
        row.addStretch(1)
        lay.addLayout(row)
        return page

    def _windows_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.windows = _table([self.tr("Window"), self.tr("Title"), self.tr("Categories in order"), self.tr("A post"), self.tr("B post"), self.tr("Active")])
        self.windows.itemSelectionChanged.connect(self._window_selected)
        lay.addWidget(self.windows)
        form = QFormLayout()
        self.window_categories, self.post_a, self.post_b = QLineEdit(), QLineEdit(), QLineEdit()
        form.addRow(self.tr("Categories in order (e.g. A,J)"), self.window_categories)
        form.addRow(self.tr("A post (username)"), self.post_a)
        form.addRow(self.tr("B post (username)"), self.post_b)
        lay.addLayout(form)
        lay.addWidget(_button(self.tr("Save window"), self.save_window))
        return page

    def _categories_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.categories = _table([self.tr("Prefix"), self.tr("Title"), self.tr("Opening hours"), self.tr("Daily quota"), self.tr("Cut-off (minutes)"), self.tr("Active")])
        self.categories.itemSelectionChanged.connect(self._category_selected)
        lay.addWidget(self.categories)
        form = QFormLayout()
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("工作日 09:00-12:00,13:30-17:30；周六 09:00-12:00")
        self.quota = QSpinBox(minimum=0, maximum=9999)
        self.cutoff = QSpinBox(minimum=0, maximum=240)
        form.addRow(self.tr("Opening hours (empty: no limit)"), self.hours)
        form.addRow(self.tr("Daily quota (0: none)"), self.quota)
        form.addRow(self.tr("Cut-off before closing (minutes)"), self.cutoff)
        lay.addLayout(form)
        lay.addWidget(_button(self.tr("Save category"), self.save_category))
        return page

    def _items_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        form = QFormLayout()
        self.item_code, self.item_reason = QLineEdit(), QLineEdit()
        form.addRow(self.tr("Item code"), self.item_code)
        form.addRow(self.tr("Reason"), self.item_reason)
        lay.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(_button(self.tr("Suspend"), lambda: self.set_item("suspended")))
        row.addWidget(_button(self.tr("Cancel the item"), lambda: self.set_item("cancelled")))
        row.addWidget(_button(self.tr("Back in use"), lambda: self.set_item("active")))
        row.addStretch(1)
        lay.addLayout(row)
        book = QHBoxLayout()  # the hall workbook, as `hall import`: checked whole, all or nothing
        book.addWidget(_button(self.tr("Check a workbook…"), lambda: self.choose_workbook(dry_run=True)))
        book.addWidget(_button(self.tr("Import a workbook…"), lambda: self.choose_workbook(dry_run=False)))
        book.addStretch(1)
        lay.addLayout(book)
        self.import_result = QPlainTextEdit(readOnly=True)
        lay.addWidget(self.import_result)
        return page

    def _terminals_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        self.terminals = _table([self.tr("Title"), self.tr("Kind"), self.tr("Terminal status"), self.tr("Last seen")])
        lay.addWidget(self.terminals)
        row = QHBoxLayout()
        self.enroll_code = QLineEdit(placeholderText=self.tr("Enrollment code shown on the terminal"))
        row.addWidget(QLabel(self.tr("Enrollment code")))
        row.addWidget(self.enroll_code)
        row.addWidget(_button(self.tr("Approve"), lambda: self.terminal("approve")))
        row.addWidget(_button(self.tr("Revoke"), lambda: self.terminal("revoke")))
        row.addStretch(1)
        lay.addLayout(row)
        return page

    # ------------------------------------------------------------------ loading
    def run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        run_in_background(fn, done, self._failed)

    def _failed(self, exc: BaseException) -> None:
        """A refused change (weak password, unknown category …) is shown with the center's reason."""
        text = shown(exc)
        self.status.setText(self.tr("Not saved: {0}").format(text))
        self.loaded.emit("failed: " + str(text))

    def refresh(self) -> None:
        self.run(lambda: self.api("GET", "/admin/staff"), self._show_staff)
        self.run(lambda: self.api("GET", "/admin/windows"), self._show_windows)
        self.run(lambda: self.api("GET", "/admin/categories"), self._show_categories)
        self.run(lambda: self.api("GET", "/terminals"), self._show_terminals)

    def _show_staff(self, rows: list[dict[str, Any]]) -> None:
        self.staff_rows = rows
        yes, no = self.tr("yes"), self.tr("no")
        roles = {self.new_role.itemData(i): self.new_role.itemText(i) for i in range(self.new_role.count())}
        _fill(self.staff, [[r["username"], r["full_name"], roles.get(r["role"], r["role"]), str(r["window"] or ""), yes if r["active"] else no,
                            yes if r["has_password"] else no, yes if r["has_card"] else no] for r in rows])
        self.loaded.emit("staff")

    def _show_windows(self, rows: list[dict[str, Any]]) -> None:
        self.window_rows = rows
        yes, no = self.tr("yes"), self.tr("no")
        _fill(self.windows, [[str(r["number"]), r["name"], "、".join(r["categories"]), r["post_a"] or "", r["post_b"] or "",
                              yes if r["active"] else no] for r in rows])
        self.loaded.emit("windows")

    def _show_categories(self, rows: list[dict[str, Any]]) -> None:
        self.category_rows = rows
        yes, no = self.tr("yes"), self.tr("no")
        _fill(self.categories, [[r["prefix"], r["name"], r["hours"], str(r["daily_quota"] or ""), str(r["cutoff_minutes"]),
                                 yes if r["active"] else no] for r in rows])
        self.loaded.emit("categories")

    def _show_terminals(self, rows: list[dict[str, Any]]) -> None:
        self.terminal_rows = rows
        status = {"pending": self.tr("waiting for approval"), "approved": self.tr("approved"),
                  "revoked": self.tr("revoked")}
        kinds = {"kiosk": self.tr("kiosk"), "counter": self.tr("counter"), "screen": self.tr("queue screen")}
        _fill(self.terminals, [[r["name"], kinds.get(r["kind"], r["kind"]), status.get(r["status"], r["status"]),
                                local_text(r["last_seen_at"], seconds=False)] for r in rows])
        self.loaded.emit("terminals")

    def _window_selected(self) -> None:
        r = self.windows.currentRow()
        if 0 <= r < len(self.window_rows):
            w = self.window_rows[r]
            self.window_categories.setText(",".join(w["categories"]))
            self.post_a.setText(w["post_a"] or "")
            self.post_b.setText(w["post_b"] or "")

    def _category_selected(self) -> None:
        r = self.categories.currentRow()
        if 0 <= r < len(self.category_rows):
            k = self.category_rows[r]
            self.hours.setText(k["hours"])
            self.quota.setValue(k["daily_quota"] or 0)
            self.cutoff.setValue(k["cutoff_minutes"])

    # ------------------------------------------------------------------ changes
    def _change(self, work: Callable[[], Any], done_text: str, reload: Callable[[], Any], show: Callable[[Any], None]) -> None:
        def both() -> Any:
            work()
            return reload()

        def shown(rows: Any) -> None:
            show(rows)
            self.status.setText(done_text)
            self.loaded.emit("done: " + done_text)

        self.run(both, shown)

    def _selected_username(self) -> str | None:
        r = self.staff.currentRow()
        return self.staff_rows[r]["username"] if 0 <= r < len(self.staff_rows) else None

    def _staff_change(self, work: Callable[[], Any], text: str) -> None:
        self._change(work, text, lambda: self.api("GET", "/admin/staff"), self._show_staff)

    def add_staff(self) -> None:
        body = {
            "username": self.new_username.text().strip(),
            "full_name": self.new_name.text().strip(),
            "role": self.new_role.currentData(),
            "window": self.new_window.value() or None,
            "password": self.password.text() or None,
        }
        self._staff_change(lambda: self.api("POST", "/admin/staff", json=body), self.tr("Added {0}").format(body["username"]))

    def set_active(self, active: bool) -> None:
        user = self._selected_username()
        if user:
            self._staff_change(lambda: self.api("POST", f"/admin/staff/{user}/active", json={"active": active}),
                               (self.tr("Enabled {0}") if active else self.tr("Disabled {0}")).format(user))

    def reset_password(self) -> None:
        user, password = self._selected_username(), self.password.text()
        if user and password:
            self._staff_change(lambda: self.api("POST", f"/admin/staff/{user}/password", json={"password": password}),
                               self.tr("New password set for {0}").format(user))
            self.password.clear()

    def register_card(self) -> None:
        user, number = self._selected_username(), self.card.text().strip()
        if user and number:
            self._staff_change(lambda: self.api("POST", f"/staff/{user}/card", json={"id_number": number}),
                               self.tr("ID card registered for {0}").format(user))
            self.card.clear()

    def save_window(self) -> None:
        r = self.windows.currentRow()
        if not 0 <= r < len(self.window_rows):
            return
        number = self.window_rows[r]["number"]
        body = {
            "categories": [p.strip() for p in self.window_categories.text().replace("、", ",").split(",") if p.strip()],
            "post_a": self.post_a.text().strip() or None,
            "post_b": self.post_b.text().strip() or None,
        }
        self._change(lambda: self.api("PUT", f"/admin/windows/{number}", json=body), self.tr("Window {0} saved").format(number),
                     lambda: self.api("GET", "/admin/windows"), self._show_windows)

    def save_category(self) -> None:
        r = self.categories.currentRow()
        if not 0 <= r < len(self.category_rows):
            return
        prefix = self.category_rows[r]["prefix"]
        body = {"hours": self.hours.text().strip(), "daily_quota": self.quota.value() or None, "cutoff_minutes": self.cutoff.value()}
        self._change(lambda: self.api("PUT", f"/admin/categories/{prefix}", json=body), self.tr("Category {0} saved").format(prefix),
                     lambda: self.api("GET", "/admin/categories"), self._show_categories)

    def set_item(self, status: str) -> None:
        code = self.item_code.text().strip()
        if code:
            body = {"status": status, "reason": self.item_reason.text().strip()}
            self._change(lambda: self.api("POST", f"/admin/items/{code}/status", json=body),
                         self.tr("Item {0}: {1}").format(code, status), lambda: None, lambda _: None)

    def choose_workbook(self, *, dry_run: bool) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Hall workbook"), "", "Excel (*.xlsx)")
        if path:
            self.import_workbook(Path(path), dry_run=dry_run)

    def import_workbook(self, path: Path, *, dry_run: bool) -> None:
        """Send the workbook to the center; show its summary, or every bad cell it found."""

        def work() -> Any:
            return self.api("POST", "/admin/import", params={"dry_run": dry_run}, content=path.read_bytes(),
                            headers={"Content-Type": XLSX})

        def done(report: dict[str, Any]) -> None:
            if dry_run:
                text = self.tr("Valid: {0} items; nothing written").format(report.get("items"))
            else:
                created, updated = report.get("created", {}), report.get("updated", {})
                text = self.tr("Imported: {0} new, {1} updated, {2} suspended").format(
                    sum(created.values()), sum(updated.values()), len(report.get("suspended_items", []))
                )
            said = report.get("warning_msgs") or []  # a center before issue 19 sent English text only
            warnings = [message_text(w.get("code"), w.get("params"), "") for w in said] or report.get("warnings", [])
            self.import_result.setPlainText("\n".join([text, *warnings]))
            self.status.setText(text)
            self.loaded.emit("done: " + text)

        def failed(exc: BaseException) -> None:
            self.import_result.setPlainText(shown(exc))
            self._failed(exc)

        run_in_background(work, done, failed)

    def terminal(self, action: str) -> None:
        r = self.terminals.currentRow()
        if 0 <= r < len(self.terminal_rows):
            name = self.terminal_rows[r]["name"]
            # Approval grants exactly the credential whose code the terminal's screen shows.
            body = {"json": {"code": self.enroll_code.text().strip()}} if action == "approve" else {}
            self._change(lambda: self.api("POST", f"/terminals/{name}/{action}", **body), self.tr("{0}: {1}").format(name, action),
                         lambda: self.api("GET", "/terminals"), self._show_terminals)
