"""办件进度查询 (QR scan or case number + ID tail) and 办事指南 (browse, search, read, print)."""

from __future__ import annotations

from app.errors import DeviceError
from app.i18n.messages import msg
from app.views.guides import GuideDepartment, GuideItem
from kiosk.backend import KioskBackend, NotFound, Progress
from kiosk.flows.base import Flow


class ProgressFlow(Flow):
    name = "progress"
    personal = frozenset({"case_number", "id_tail", "result"})

    def __init__(self, backend: KioskBackend) -> None:
        super().__init__()
        self.backend = backend
        self.state = "input"
        self.case_number = ""
        self.id_tail = ""
        self.result: Progress | None = None

    def scanned(self, text: str) -> None:
        """A barcode scanner typed a QR text (ends with Enter)."""
        try:
            self.result = self.backend.progress_by_qr(text)
        except NotFound as exc:
            self.fail("input", exc.as_msg)
            return
        self.clear_message()
        self.state = "result"

    def lookup(self, case_number: str, id_tail: str) -> None:
        self.case_number, self.id_tail = case_number, id_tail
        if not case_number.strip():
            self.fail("input", msg("kiosk.case_number"))
            return
        try:
            self.result = self.backend.progress_by_number(case_number, id_tail)
        except NotFound as exc:
            self.fail("input", exc.as_msg)
            return
        self.id_tail = ""
        self.clear_message()
        self.state = "result"

    def again(self) -> None:
        self.wipe()
        self.state = "input"


class GuideFlow(Flow):
    name = "guides"

    def __init__(self, backend: KioskBackend) -> None:
        super().__init__()
        self.backend = backend
        self.state = "departments"
        self.department: GuideDepartment | None = None
        self.query = ""
        self.items: list[GuideItem] = []
        self.item: GuideItem | None = None
        self.printed = False

    @property
    def departments(self) -> list[GuideDepartment]:
        return self.backend.guides.departments

    def open_department(self, code: str) -> None:
        self.department = next((d for d in self.departments if d.code == code), None)
        self.items = self.backend.guides.of_department(code)
        self.query = ""
        self.state = "list"

    def search(self, query: str) -> None:
        self.query = query
        self.department = None
        self.items = self.backend.guides.search(query, limit=30) if query.strip() else []
        self.message = "" if self.items or not query.strip() else msg("kiosk.no_items")
        self.state = "list"

    def open_item(self, code: str) -> None:
        self.item = self.backend.guides.by_code(code)
        if self.item is not None:
            self.printed = False
            self.clear_message()
            self.state = "detail"

    def print_(self) -> None:
        """Blocking: print the guide on the kiosk's printer."""
        if self.item is None:
            return
        try:
            self.backend.print_guide(self.item)
            self.printed = True
            self.clear_message()
        except DeviceError as exc:
            self.fail("detail", msg("kiosk.guide_print_failed"), exc.as_msg)

    def back(self) -> None:
        if self.state == "detail":
            self.state = "list"
        elif self.state == "list":
            self.state, self.items, self.query, self.department = "departments", [], "", None
        self.clear_message()
