"""取号 and 预约签到 pages: categories, the ID-card step, the printed ticket and its confirmation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout

from kiosk.flows.ticket import CheckInFlow, TicketFlow
from kiosk.pages.base import Keypad, Page, button, entry, grid, label
from printers.escpos.slips import format_wait
from ui.i18n import current_language, hall_text, shown


class _IssuePage(Page):
    flow: TicketFlow | CheckInFlow

    def issued_view(self) -> None:
        f = self.flow
        t = f.ticket
        if t is None:
            return
        if f.state == "print_failed":
            self.message(f.message, f.detail, error=True)
        elif t.appointment:
            self.body.addWidget(label(self.tr("You are checked in. Please take your ticket"), "ok", center=True))
        else:
            self.body.addWidget(label(self.tr("Please take your ticket"), "ok", center=True))
        if t.appointment:
            booked = [
                self.tr("Booked slot: %1").replace("%1", t.appointment_slot) if t.appointment_slot else "",
                self.tr("Booked service: %1").replace("%1", t.appointment_item) if t.appointment_item else "",
                self.tr("Booked by: %1").replace("%1", t.appointment_name) if t.appointment_name else "",
            ]
            self.body.addWidget(label("　".join(b for b in booked if b), "prompt", center=True))
        self.body.addWidget(label(self.tr("Your number"), "prompt", center=True))
        self.body.addWidget(label(t.number, "number", center=True))
        self.body.addWidget(label(hall_text(t.category_name, t.category_name_en, "category"), "big", center=True))
        if t.waiting_ahead is not None:
            self.body.addWidget(
                # the base class's context, spelled out: PySide's tr() does not fall back to it for plurals
                label(
                    QCoreApplication.translate("_IssuePage", "%n people ahead of you", None, t.waiting_ahead),
                    "prompt",
                    center=True,
                )
            )
        if t.no_open_window:
            self.body.addWidget(
                label(
                    self.tr("No window for this service is open at the moment: numbers are called in order as soon as one opens."),
                    "prompt",
                    center=True,
                )
            )
        elif t.estimated_wait_min is not None:
            self.body.addWidget(
                label(self.tr("Estimated wait: %1").replace("%1", format_wait(t.estimated_wait_min)), "prompt", center=True)
            )
        if t.offline:
            self.body.addWidget(
                label(self.tr("Issued offline: the screen will call this number as usual."), "hint", center=True)
            )
        self.body.addWidget(
            label(self.tr("Listen for your number and go to the window it names."), "hint", center=True)
        )
        self.body.addStretch(1)

    def progress_view(self) -> None:
        f = self.flow
        if f.state == "issuing":
            self.body.addWidget(label(self.tr("Getting your number…"), "prompt", center=True))
        elif f.state == "printing":
            self.body.addWidget(label(self.tr("Printing your ticket…"), "prompt", center=True))

    def failed_view(self) -> None:
        self.message(self.flow.message, self.flow.detail, error=True)
        self.body.addStretch(1)


class TicketPage(_IssuePage):
    key = "ticket"

    def __init__(self, shell, flow: TicketFlow) -> None:  # type: ignore[no-untyped-def]
        super().__init__(shell)
        self.flow: TicketFlow = flow
        self.phone_typed, self.agreed = "", False  # kept across a re-render that shows a message

    def heading(self) -> str:
        return {
            "category": self.tr("Take a ticket: choose your business"),
            "card": self.tr("Take a ticket: ID card"),
            "phone": self.tr("Take a ticket: SMS reminder"),
        }.get(self.flow.state, self.tr("Take a ticket"))

    def prompt(self) -> str:
        if self.flow.state == "card":
            return self.tr("Please place your ID card on the reader")
        if self.flow.state == "phone":
            return self.tr("SMS reminder when your turn is near (optional)")
        if self.flow.state in ("done", "print_failed") and self.flow.ticket:
            return self.tr("Your number is %1").replace("%1", " ".join(self.flow.ticket.number))
        return self.heading()

    def can_go_back(self) -> bool:
        return self.flow.state in ("card", "phone", "refused", "failed")

    def go_back(self) -> None:
        self.flow.back()
        self.phone_typed, self.agreed = "", False

    def build(self) -> None:
        f = self.flow
        if f.state not in ("refused", "failed"):
            with_card = f.real_name != "off"  # 刷身份证 is a step unless the hall turned real-name tickets off
            names = [self.tr("Choose the business"), self.tr("Read the ID card"), self.tr("Take the ticket")]
            where = {"category": 0, "card": 1}.get(f.state, 2)
            self.body.addWidget(self.step_bar(names if with_card else names[::2], where if with_card else min(where, 1)))
        if f.state == "category":
            if not f.categories and not f.loaded:
                self.body.addWidget(label(self.tr("Loading…"), "prompt"))
                return
            if not f.categories:  # nothing is open now: say why and when it opens
                self.body.addWidget(label(shown(f.closed_note) if f.closed_note else self.tr("No business takes tickets now"), "big", center=True))
                self.body.addStretch(1)
                return
            buttons = []
            for c in f.categories:
                waiting = (
                    self.tr("%n waiting", "", c.waiting) if c.waiting is not None else self.tr("count unavailable")
                )
                buttons.append(button(f"{hall_text(c.name, c.name_en, 'category')}\n{waiting}", lambda p=c.prefix: self._choose(p), "tile"))
            self.body.addLayout(grid(buttons, 2 if self.shell.session.elderly else 3))
            self.body.addStretch(1)
        elif f.state == "card":
            self.message(f.message)
            self.body.addWidget(label(self.tr("Please place your ID card on the reader below"), "big", center=True))
            self.body.addWidget(self.place_card_animation())
            self.body.addWidget(
                label(
                    self.tr("Your ID number is only used to check the hall's one-ticket rule and is printed masked."),
                    "hint",
                    center=True,
                )
            )
            self.body.addStretch(1)
            if not f.card_required:
                self.body.addWidget(button(self.tr("Continue without ID card"), self._skip, "primary"))
        elif f.state == "phone":
            self.phone_view()
        elif f.state in ("issuing", "printing"):
            self.progress_view()
        elif f.state in ("done", "print_failed"):
            self.issued_view()
        else:
            self.failed_view()

    def phone_view(self) -> None:
        """「快到号时短信提醒」: optional; the number through the keypad, the consent ticked explicitly."""
        f = self.flow
        self.message(f.message)
        self.body.addWidget(label(self.tr("SMS reminder when your turn is near (optional)"), "big", center=True))
        self.body.addWidget(
            label(self.tr("Enter your mobile number: one SMS is sent when only a few people are ahead of you."),
                  "prompt", center=True)
        )
        phone = entry(self.tr("Mobile number"))
        phone.setText(self.phone_typed)
        self.body.addWidget(phone)
        keys = Keypad(phone, "1234567890", columns=5, max_len=11)
        keys.changed.connect(self._typed)
        self.body.addWidget(keys)
        self.body.addWidget(label(f.consent.text(current_language()), "hint"))
        agree = button(("☑ " if self.agreed else "☐ ") + self.tr("I agree"), self._toggle_agree, checkable=True)
        agree.setChecked(self.agreed)
        self.body.addWidget(agree)
        self.body.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(button(self.tr("No reminder, take the ticket"), self._no_reminder))
        row.addWidget(button(self.tr("Remind me by SMS"), self._remind, "primary"))
        self.body.addLayout(row)

    def _typed(self, text: str) -> None:
        self.phone_typed = text

    def _toggle_agree(self) -> None:
        self.agreed = not self.agreed
        self.refresh()

    def _remind(self) -> None:
        self.flow.enter_phone(self.phone_typed, self.agreed)
        if self.flow.state != "phone":
            self.phone_typed, self.agreed = "", False
        self.refresh()

    def _no_reminder(self) -> None:
        self.flow.skip_phone()
        self.phone_typed, self.agreed = "", False
        self.refresh()

    def _choose(self, prefix: str) -> None:
        self.flow.choose(prefix)
        self.render()
        self.shell.page_changed()
        self.advance()

    def _skip(self) -> None:
        self.flow.skip_card()
        self.refresh()

    def on_card(self, id_number: str, name: str) -> None:
        self.flow.card_read(id_number, name)
        self.refresh()

    def on_card_error(self, why: str) -> None:
        self.flow.card_failed(why)
        self.refresh()


class CheckInPage(_IssuePage):
    key = "checkin"

    def __init__(self, shell, flow: CheckInFlow) -> None:  # type: ignore[no-untyped-def]
        super().__init__(shell)
        self.flow: CheckInFlow = flow

    def heading(self) -> str:
        return self.tr("Appointment check-in")

    def prompt(self) -> str:
        return self.tr("Place your ID card on the reader, or enter your appointment code")

    def can_go_back(self) -> bool:
        return self.flow.state in ("refused", "failed")

    def go_back(self) -> None:
        self.flow.back()

    def build(self) -> None:
        f = self.flow
        if f.state == "method":
            self.message(f.message)
            self.body.addWidget(label(self.tr("Place your ID card on the reader, or enter your appointment code"), "prompt"))
            self.body.addWidget(self.place_card_animation())
            code = entry(self.tr("Appointment code"))
            row = QHBoxLayout()
            row.addWidget(code, 1)
            row.addWidget(button(self.tr("Check in"), lambda: self._code(code.text()), "primary"))
            self.body.addLayout(row)
            self.body.addWidget(Keypad(code, "1234567890", columns=5))
            self.body.addStretch(1)
        elif f.state in ("issuing", "printing"):
            self.progress_view()
        elif f.state in ("done", "print_failed"):
            self.issued_view()
        else:
            self.failed_view()

    def _code(self, code: str) -> None:
        self.flow.enter_code(code)
        self.refresh()

    def on_card(self, id_number: str, name: str) -> None:
        self.flow.card_read(id_number, name)
        self.refresh()
