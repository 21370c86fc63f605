"""办件进度查询 and 办事指南 pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.flows.lookup import GuideFlow, ProgressFlow
from kiosk.pages.base import Keypad, Page, button, entry, grid, label
from ui.i18n import hall_text, shown
from ui.i18n import label as ui_label


class ProgressPage(Page):
    key = "progress"

    def __init__(self, shell, flow: ProgressFlow) -> None:  # type: ignore[no-untyped-def]
        super().__init__(shell)
        self.flow = flow

    def heading(self) -> str:
        return self.tr("Case progress")

    def prompt(self) -> str:
        return self.tr("Scan the QR code on your notice, or enter the case number")

    def can_go_back(self) -> bool:
        return self.flow.state == "result"

    def go_back(self) -> None:
        self.flow.again()

    def scanned(self, text: str) -> None:
        self.work(lambda: self.flow.scanned(text))

    def build(self) -> None:
        f = self.flow
        if f.state == "input":
            self.message(f.message)
            self.body.addWidget(label(self.tr("Scan the QR code on your notice or receipt under the scanner."), "prompt"))
            self.body.addWidget(label(self.tr("Or enter the case number and the last 6 characters of the ID number:"), "hint"))
            number, tail = entry(self.tr("Case number, e.g. H01-20261122-0001")), entry(self.tr("Last 6 of ID"))
            number.setText(f.case_number)
            row = QHBoxLayout()
            row.addWidget(number, 3)
            row.addWidget(tail, 2)
            self.body.addLayout(row)
            target = {"edit": number}
            pad = QHBoxLayout()
            num_pad = Keypad(number, "1234567890H-", columns=6, max_len=24)
            tail_pad = Keypad(tail, "1234567890X", columns=6, max_len=6)
            pad.addWidget(num_pad)
            pad.addWidget(tail_pad)
            tail_pad.hide()

            def switch(to_tail: bool) -> None:
                num_pad.setVisible(not to_tail)
                tail_pad.setVisible(to_tail)
                target["edit"] = tail if to_tail else number

            self.body.addLayout(pad)
            self.body.addLayout(
                grid(
                    [
                        button(self.tr("Enter case number"), lambda: switch(False)),
                        button(self.tr("Enter ID tail"), lambda: switch(True)),
                        button(self.tr("Look up"), lambda: self._lookup(number.text(), tail.text()), "primary"),
                    ],
                    3,
                )
            )
            self.body.addStretch(1)
        else:
            r = f.result
            assert r is not None
            self.body.addWidget(label(r.item_name, "big"))
            rows = [
                (self.tr("Case number"), r.case_number),
                (self.tr("Status"), ui_label("case_status_citizen", r.status)),
                (self.tr("Received on"), r.received_on.isoformat()),
            ]
            if r.due_date:
                rows.append((self.tr("Due date"), r.due_date.isoformat()))
            if r.working_days_left is not None:
                rows.append(
                    (
                        self.tr("Working days left"),
                        str(r.working_days_left) if r.working_days_left >= 0 else self.tr("overdue"),
                    )
                )
            rows.append((self.tr("Collect at"), shown(r.collect)))
            self.body.addWidget(self._timeline(r.timeline()))
            for k, v in rows:
                self.body.addWidget(label(self.tr("%1: %2").replace("%1", k).replace("%2", v), "prompt"))
            self.body.addStretch(1)

    def _timeline(self, steps: list[tuple[str, Any, str]]) -> QWidget:
        """The case's steps left to right: done ones ticked, the current one marked, the rest dimmed."""
        names = {
            "received": self.tr("Application received"),
            "processing": self.tr("Being processed"),
            "decided": self.tr("Decided"),
            "delivered": self.tr("Result handed out"),
            "refused": self.tr("Not accepted"),
            "terminated": self.tr("Case terminated"),
        }
        marks = {"done": "✔", "current": "●", "pending": "○"}
        bar = QWidget()
        bar.setObjectName("timeline")
        row = QHBoxLayout(bar)
        for i, (key, day, state) in enumerate(steps):
            if i:
                row.addWidget(label("→", "hint", wrap=False))
            text = f"{marks[state]} {names[key]}" + (f"\n{day:%m-%d}" if day else "")
            step = label(text, f"step_{state}", center=True)
            step.setProperty("step", key)
            row.addWidget(step, 1)
        return bar

    def _lookup(self, number: str, tail: str) -> None:
        self.work(lambda: self.flow.lookup(number, tail))  # a slow key derivation and a cache read


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class GuidePage(Page):
    key = "guides"

    def __init__(self, shell, flow: GuideFlow) -> None:  # type: ignore[no-untyped-def]
        super().__init__(shell)
        self.flow = flow

    def heading(self) -> str:
        f = self.flow
        if f.state == "detail" and f.item:
            return self.tr("Service guide")
        if f.state == "list" and f.department:
            return f.department.name
        return self.tr("Service guides")

    def can_go_back(self) -> bool:
        return self.flow.state != "departments"

    def go_back(self) -> None:
        self.flow.back()

    def build(self) -> None:
        f = self.flow
        if f.state == "departments":
            query = entry(self.tr("Search: name or pinyin initials, e.g. qysl"))
            row = QHBoxLayout()
            row.addWidget(query, 1)
            row.addWidget(button(self.tr("Search"), lambda: self._search(query.text()), "primary"))
            self.body.addLayout(row)
            self.body.addWidget(Keypad(query, LETTERS, columns=7 if self.shell.session.elderly else 10, max_len=12))
            self.body.addWidget(label(self.tr("Or choose a department:"), "hint"))
            self.body.addLayout(
                grid(
                    [button(d.short_name or d.name, lambda c=d.code: self._dept(c)) for d in f.departments],
                    3 if self.shell.session.elderly else 4,
                )
            )
            self.body.addStretch(1)
        elif f.state == "list":
            self.message(f.message)
            if f.query:
                self.body.addWidget(label(self.tr("Results for “%1”").replace("%1", f.query), "hint"))
            self.body.addWidget(self._scroll([button(hall_text(it.name, it.name_en), lambda c=it.code: self._item(c)) for it in f.items]))
        else:
            self._detail()

    def _scroll(self, widgets: list[QWidget]) -> QScrollArea:
        inner = QWidget()
        inner.setObjectName("scrollbody")
        lay = QVBoxLayout(inner)
        for w in widgets:
            lay.addWidget(w)
        lay.addStretch(1)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(inner)
        return area

    def _detail(self) -> None:
        it = self.flow.item
        assert it is not None
        self.message(self.flow.message, self.flow.detail, error=bool(self.flow.message))
        if self.flow.printed:
            self.body.addWidget(label(self.tr("Printed. Please take the guide."), "ok"))
        parts = [label(hall_text(it.name, it.name_en), "big")]
        facts = [
            (self.tr("Department"), it.department_name),
            (self.tr("Type"), ui_label("item_kind", it.kind)),
            (self.tr("Time limit"), shown(it.time_limit_msg)),
            (self.tr("Fee"), it.fee),
            (self.tr("Where"), it.location),
            (self.tr("Hours"), it.hours),
            (self.tr("Visits needed"), str(it.visits)),
            (self.tr("Results delivered by"), self.tr(", ").join(ui_label("delivery", d) for d in it.delivery)),
            (self.tr("Phone"), it.consult_phone),
        ]
        pair = self.tr("%1: %2")
        parts += [label(pair.replace("%1", k).replace("%2", v), "body") for k, v in facts if v]
        if it.conditions:
            parts.append(label(pair.replace("%1", self.tr("Conditions")).replace("%2", it.conditions), "body"))
        parts.append(label(self.tr("Materials"), "prompt"))
        for i, mt in enumerate(it.materials, 1):
            counts = [
                x
                for x in (
                    self.tr("%1 original(s)").replace("%1", str(mt.originals)) if mt.originals else "",
                    self.tr("%1 copy(ies)").replace("%1", str(mt.copies)) if mt.copies else "",
                )
                if x
            ]
            extra = self.tr(" (%1)").replace("%1", self.tr("; ").join(counts)) if counts else ""
            parts.append(label(f"{i}. {mt.name}{extra}", "body"))
        if it.process:
            parts.append(label(pair.replace("%1", self.tr("Steps")).replace("%2", " → ".join(it.process)), "body"))
        for q, a in it.faq[:3]:
            parts.append(label(self.tr("Q: %1\nA: %2").replace("%1", q).replace("%2", a), "hint"))
        self.body.addWidget(self._scroll(parts), 1)
        self.body.addWidget(button(self.tr("Print this guide"), lambda: self.work(self.flow.print_), "primary"))

    def _search(self, text: str) -> None:
        self.flow.search(text)
        self.render()

    def _dept(self, code: str) -> None:
        self.flow.open_department(code)
        self.render()

    def _item(self, code: str) -> None:
        self.flow.open_item(code)
        self.render()
