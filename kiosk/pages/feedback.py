"""好差评 and 投诉建议 pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QVBoxLayout

from kiosk.flows.feedback import ComplaintFlow, RatingFlow
from kiosk.pages.base import Keypad, Page, button, entry, grid, label
from kiosk.pages.osk import PinyinKeyboard
from ui.i18n import current_language
from ui.i18n import label as ui_label


class RatingPage(Page):
    key = "rating"

    def __init__(self, shell, flow: RatingFlow) -> None:  # type: ignore[no-untyped-def]
        super().__init__(shell)
        self.flow = flow

    def heading(self) -> str:
        return self.tr("Rate a service")

    def prompt(self) -> str:
        if self.flow.state == "level":
            return self.tr("How satisfied are you with this service?")
        return self.tr("Enter the number on your ticket")

    def can_go_back(self) -> bool:
        return self.flow.state in ("level", "reasons", "submit")

    def go_back(self) -> None:
        self.flow.state = "number" if self.flow.state == "level" else "level"

    def build(self) -> None:
        f = self.flow
        if f.state == "number":
            self.message(f.message)
            self.body.addWidget(label(self.tr("Enter the number on your ticket"), "prompt"))
            number = entry("A023")
            row = QHBoxLayout()
            row.addWidget(number, 1)
            row.addWidget(button(self.tr("Next"), lambda: self.work(lambda: f.find(number.text())), "primary"))
            self.body.addLayout(row)
            self.body.addWidget(
                Keypad(number, "ABCDEFGHIJ1234567890", columns=7 if self.shell.session.elderly else 10, max_len=5)
            )
            self.body.addStretch(1)
        elif f.state == "level":
            self.body.addWidget(
                label(self.tr("Ticket %1, window %2").replace("%1", f.number).replace("%2", str(f.visit.window_number if f.visit else "")), "hint")
            )
            self.body.addWidget(label(self.tr("How satisfied are you with this service?"), "prompt"))
            self.body.addLayout(
                grid([button(ui_label("rating_level", n), lambda n=n: self._level(n), "level") for n in f.levels], 5)
            )
            self.body.addStretch(1)
        elif f.state in ("reasons", "submit"):
            self.body.addWidget(label(ui_label("rating_level", f.level), "big"))
            if f.state == "reasons":
                self.body.addWidget(label(self.tr("What went wrong? (optional, choose any)"), "prompt"))
                toggles = []
                for r in f.bad_reasons:
                    b = button(ui_label("rating_reason", r), lambda r=r: f.toggle_reason(r), checkable=True)
                    b.setChecked(r in f.reasons)
                    toggles.append(b)
                self.body.addLayout(grid(toggles, 3))
            self.body.addStretch(1)
            self.body.addWidget(button(self.tr("Submit"), lambda: self.work(f.submit), "primary"))
        else:
            self.body.addWidget(label(self.tr("Thank you for your rating!"), "ok", center=True))
            if f.level <= 2:
                self.body.addWidget(
                    label(self.tr("The hall will look into it and may call you back."), "prompt", center=True)
                )
            self.body.addStretch(1)

    def _level(self, n: int) -> None:
        self.flow.choose(n)
        self.render()


class ComplaintPage(Page):
    key = "complaint"

    def __init__(self, shell, flow: ComplaintFlow) -> None:  # type: ignore[no-untyped-def]
        super().__init__(shell)
        self.flow = flow

    def heading(self) -> str:
        return self.tr("Complaints and suggestions")

    def can_go_back(self) -> bool:
        return self.flow.state in ("note", "phone")

    def go_back(self) -> None:
        self.flow.state = "topics" if self.flow.state == "note" else "note"

    def build(self) -> None:
        f = self.flow
        if f.state == "topics":
            self.message(f.message)
            self.body.addWidget(label(self.tr("What is it about? (choose any)"), "prompt"))
            toggles = []
            for t in f.topics_offered:
                b = button(ui_label("feedback_topic", t), lambda t=t: f.toggle(t), checkable=True)
                b.setChecked(t in f.topics)
                toggles.append(b)
            self.body.addLayout(grid(toggles, 3))
            self.body.addStretch(1)
            self.body.addWidget(button(self.tr("Next"), self._next, "primary"))
        elif f.state == "note":
            elderly = self.shell.session.elderly
            landscape = self.shell.width() > self.shell.height()
            prompt = label(
                self.tr("Tell us more in your own words (optional, up to %1 characters):").replace("%1", str(f.note_max)), "prompt"
            )
            self.note = QPlainTextEdit(objectName="note")
            self.note.setReadOnly(True)  # typed on the keys below: a kiosk has no keyboard
            self.note.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.note.setPlaceholderText(self.tr("Type with the keys below"))
            self.note.setPlainText(f.note)
            # QPlainTextEdit#note's font is 30 px (45 px in the elderly mode); room for 3 lines (6 beside the keys)
            lines = 6 if landscape else (2 if elderly else 3)
            self.note.setFixedHeight(int(30 * (1.5 if elderly else 1.0) * 1.45 * lines) + 24)
            self.keyboard = PinyinKeyboard(
                self.note, max_len=f.note_max, chinese=current_language() != "en", on_change=self._note_changed
            )
            self.count = label("", "hint")
            done = button(self.tr("Next"), self._note_done, "primary")
            if landscape:  # the text and Next beside the keys: a 1080 px high screen has no room for both above
                side = QVBoxLayout()
                side.addWidget(prompt)
                side.addWidget(self.note)
                side.addWidget(self.count)
                side.addStretch(1)
                side.addWidget(done)
                row = QHBoxLayout()
                row.addLayout(side, 2)
                row.addSpacing(16)
                row.addWidget(self.keyboard, 3)
                self.body.addLayout(row)
                self.body.addStretch(1)
            else:
                self.body.addWidget(prompt)
                self.body.addWidget(self.note)
                self.body.addWidget(self.keyboard)
                self.body.addStretch(1)
                row = QHBoxLayout()
                row.addWidget(self.count, 1)
                row.addWidget(done, 2)
                self.body.addLayout(row)
            self._note_changed(f.note)
        elif f.state == "phone":
            self.message(f.message)
            self.body.addWidget(
                label(self.tr("Leave a mobile number if you would like a call back (optional):"), "prompt")
            )
            phone = entry(self.tr("Mobile number"))
            self.body.addWidget(phone)
            self.body.addWidget(Keypad(phone, "1234567890", columns=5, max_len=11))
            self.body.addStretch(1)
            self.body.addWidget(button(self.tr("Submit"), lambda: self.work(lambda: f.submit(phone.text())), "primary"))
        else:
            self.body.addWidget(label(self.tr("Thank you. Your message was recorded."), "ok", center=True))
            self.body.addWidget(
                label(self.tr("The hall manager reads every message; a call back comes within 5 working days."), "prompt", center=True)
            )
            self.body.addStretch(1)

    def _next(self) -> None:
        self.flow.next()
        self.render()

    def _note_changed(self, text: str) -> None:
        self.flow.set_note(text)
        self.count.setText(self.tr("%1 of %2 characters").replace("%1", str(len(text))).replace("%2", str(self.flow.note_max)))

    def _note_done(self) -> None:
        self.flow.note_done()
        self.render()
