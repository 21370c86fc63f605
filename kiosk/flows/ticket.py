"""取号 and 预约签到: choose → (ID card) → issue → print → confirmation. A refusal is explained in plain
words; a printer fault never loses the ticket: the number stays on screen with what to do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from app.domain.consent import TICKET_SMS
from app.domain.phone import InvalidPhone, normalize_mobile
from app.errors import DeviceError, HallError
from app.i18n.messages import msg
from kiosk.backend import CategoryInfo, KioskBackend, NeedsCenter, TicketInfo, VisitRefused
from kiosk.flows.base import Flow

PRINT_FAILED = msg("kiosk.ticket_print_failed")


class _IssueFlow(Flow):
    """Issue then print; shared by 取号 and 预约签到."""

    def __init__(self, backend: KioskBackend) -> None:
        super().__init__()
        self.backend = backend
        self.id_number = ""
        self.name_on_card = ""
        self.ticket: TicketInfo | None = None
        self.warnings: list[str] = []

    def _issue(self, call: Any) -> None:
        try:
            self.ticket = call()
        except VisitRefused as exc:
            self.fail("refused", exc.plain or exc.as_msg, exc.as_msg)
            return
        except NeedsCenter as exc:
            self.fail("failed", exc.as_msg)
            return
        except HallError as exc:
            self.fail("failed", msg("kiosk.no_ticket_now"), exc.as_msg)
            return
        self.state = "printing"

    def pending(self) -> tuple[str, Callable[[], None]] | None:
        if self.state == "issuing":
            return "issue", self.issue
        if self.state == "printing" and self.ticket is not None:
            return "print", self.print_
        return None

    def issue(self) -> None:  # overridden
        raise NotImplementedError

    def print_(self) -> None:
        """Blocking: print the ticket; on a printer fault the ticket is kept and shown."""
        assert self.ticket is not None
        try:
            self.warnings = list(
                self.backend.print_ticket(
                    self.ticket, name=self.name_on_card or None, id_number=self.id_number or None
                ).warnings
            )
            self.state = "done"
        except DeviceError as exc:
            self.fail("print_failed", PRINT_FAILED, exc.as_msg)
        finally:
            self.id_number = ""  # printed (masked) or not: the number is not needed any more


class TicketFlow(_IssueFlow):
    name = "ticket"
    personal = frozenset({"id_number", "name_on_card", "ticket", "phone"})

    def __init__(
        self,
        backend: KioskBackend,
        real_name: Literal["off", "optional", "required"] = "optional",
        sms_reminder: bool = False,
    ) -> None:
        super().__init__(backend)
        self.real_name = real_name
        # 「快到号时短信提醒」 (issue 18): after the card, an optional phone with its consent
        self.sms_reminder = sms_reminder
        self.phone = ""
        self.consent = TICKET_SMS
        self.state = "category"
        self.categories: list[CategoryInfo] = []
        self.prefix = ""
        self.loaded = False
        self.closed_note = ""  # why nothing is offered, and when the next opening is

    def load(self) -> None:
        """Blocking: the categories open now with their waiting counts."""
        self.categories = self.backend.categories()
        self.closed_note, self.loaded = self.backend.closed_note, True

    def pending(self) -> tuple[str, Callable[[], None]] | None:
        if self.state == "category" and not self.loaded:
            return "load", self.load
        return super().pending()

    def choose(self, prefix: str) -> None:
        if self.state != "category":
            return
        if prefix not in {c.prefix for c in self.categories}:
            raise ValueError(f"unknown category {prefix}")
        self.prefix = prefix
        self.clear_message()
        self.state = "card" if self.real_name != "off" else self._after_card()

    def _after_card(self) -> str:
        return "phone" if self.sms_reminder else "issuing"

    @property
    def card_required(self) -> bool:
        return self.real_name == "required"

    def card_read(self, id_number: str, name: str = "") -> None:
        if self.state != "card":
            return
        self.id_number, self.name_on_card = id_number, name
        self.clear_message()
        self.state = self._after_card()

    def card_failed(self, why: str) -> None:
        if self.state == "card":
            self.message, self.detail = msg("kiosk.card_not_read"), why

    def skip_card(self) -> None:
        if self.state != "card":
            return
        if self.card_required:
            self.message = msg("kiosk.card_required")
            return
        self.state = self._after_card()

    def enter_phone(self, phone: str, consent: bool) -> None:
        """The phone for the reminder, with the citizen's explicit consent; a wrong number or no tick is
        explained and nothing moves on."""
        if self.state != "phone":
            return
        try:
            number = normalize_mobile(phone)
        except InvalidPhone as exc:
            self.message = exc.args[0]
            return
        if not consent:
            self.message = msg("kiosk.sms_consent_needed")
            return
        self.phone = number
        self.clear_message()
        self.state = "issuing"

    def skip_phone(self) -> None:
        if self.state == "phone":
            self.phone = ""
            self.clear_message()
            self.state = "issuing"

    def back(self) -> None:
        if self.state in ("card", "phone", "refused", "failed"):
            self.state, self.prefix, self.id_number, self.name_on_card = "category", "", "", ""
            self.phone = ""
            self.clear_message()

    def issue(self) -> None:
        """Blocking: ask the center (or the offline band) for the ticket."""
        if self.state != "issuing":
            return
        phone, consent = self.phone or None, self.consent.version if self.phone else None
        try:
            self._issue(lambda: self.backend.take_ticket(self.prefix, self.id_number or None, phone=phone,
                                                         sms_consent=consent))
        finally:
            self.phone = ""  # with the center (sealed there), or in the outbox sealed: not kept here


class CheckInFlow(_IssueFlow):
    name = "checkin"
    personal = frozenset({"id_number", "name_on_card", "ticket", "code"})

    def __init__(self, backend: KioskBackend) -> None:
        super().__init__(backend)
        self.state = "method"
        self.code = ""

    def card_read(self, id_number: str, name: str = "") -> None:
        if self.state in ("method", "failed", "refused"):
            self.id_number, self.name_on_card, self.code = id_number, name, ""
            self.clear_message()
            self.state = "issuing"

    def enter_code(self, code: str) -> None:
        code = code.strip().upper()
        if not (4 <= len(code) <= 20 and code.isalnum()):
            self.message = msg("kiosk.appointment_code")
            return
        self.code, self.id_number = code, ""
        self.clear_message()
        self.state = "issuing"

    def issue(self) -> None:
        if self.state != "issuing":
            return
        self._issue(
            lambda: self.backend.check_in(code=self.code or None, id_number=self.id_number or None)
        )

    def back(self) -> None:
        self.state, self.code, self.id_number = "method", "", ""
        self.clear_message()
