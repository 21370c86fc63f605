"""好差评 (one rating per visit, reasons for a bad one) and 投诉建议 (topics, a phone for the call-back)."""

from __future__ import annotations

import re

from app.domain.ratings import LEVELS
from app.i18n.messages import msg
from kiosk.backend import (
    BAD_REASONS,
    FEEDBACK_TOPICS,
    NOTE_MAX,
    KioskBackend,
    NeedsCenter,
    NotFound,
    Visit,
    VisitRefused,
)
from kiosk.flows.base import Flow


class RatingFlow(Flow):
    name = "rating"
    personal = frozenset({"number", "visit"})
    levels = LEVELS
    bad_reasons = BAD_REASONS

    def __init__(self, backend: KioskBackend) -> None:
        super().__init__()
        self.backend = backend
        self.state = "number"
        self.number = ""
        self.visit: Visit | None = None
        self.level = 0
        self.reasons: list[str] = []

    def find(self, number: str) -> None:
        """Blocking: the visit behind a ticket number (today's)."""
        self.number = number.strip().upper()
        if not re.fullmatch(r"[A-Z]{1,2}[0-9]{3}", self.number):
            self.fail("number", msg("kiosk.ticket_number"))
            return
        try:
            self.visit = self.backend.visit(self.number)
        except (NotFound, NeedsCenter, VisitRefused) as exc:
            self.fail("number", exc.as_msg)
            return
        self.clear_message()
        self.state = "level"

    def choose(self, level: int) -> None:
        if self.state != "level" or level not in self.levels:
            return
        self.level = level
        self.state = "reasons" if level <= 2 else "submit"

    def toggle_reason(self, reason: str) -> None:
        if reason in self.reasons:
            self.reasons.remove(reason)
        elif reason in self.bad_reasons:
            self.reasons.append(reason)

    def submit(self) -> None:
        """Blocking: the rating is written locally (then replicated)."""
        if self.visit is None or not self.level:
            return
        try:
            self.backend.rate(self.visit, self.level, self.reasons)
        except VisitRefused as exc:
            self.fail("number", exc.as_msg)
            return
        self.state = "done"


PHONE = re.compile(r"1[3-9][0-9]{9}")


class ComplaintFlow(Flow):
    """Topics (buttons), then free text (optional, on the on-screen keyboard), then a phone (optional)."""

    name = "complaint"
    personal = frozenset({"phone", "note"})
    topics_offered = FEEDBACK_TOPICS
    note_max = NOTE_MAX

    def __init__(self, backend: KioskBackend) -> None:
        super().__init__()
        self.backend = backend
        self.state = "topics"
        self.topics: list[str] = []
        self.phone = ""
        self.note = ""

    def toggle(self, topic: str) -> None:
        if topic in self.topics:
            self.topics.remove(topic)
        elif topic in self.topics_offered:
            self.topics.append(topic)

    def next(self) -> None:
        if not self.topics:
            self.message = msg("kiosk.choose_one")
            return
        self.clear_message()
        self.state = "note"

    def set_note(self, text: str) -> None:
        self.note = text[: self.note_max]

    def note_done(self) -> None:
        self.state = "phone"

    def submit(self, phone: str = "") -> None:
        """Blocking: written locally first; the phone (optional, for the call-back) is kept encrypted."""
        phone = phone.strip()
        if phone and not PHONE.fullmatch(phone):
            self.fail("phone", msg("kiosk.phone"))
            return
        self.phone = phone
        self.backend.feedback(self.topics, phone or None, note=self.note)
        self.phone = self.note = ""
        self.state = "done"
