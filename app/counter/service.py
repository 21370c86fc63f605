"""What the counter does, as plain calls the Qt window runs off its GUI thread.

Queue controls need the center (the queue lives there) and say so plainly when it is down; acceptance,
the case list, corrections, delivery and ratings are written to the counter's cache first (each with its
outbox operation and audit event) and replicate when they can."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.config import Settings
from app.domain.acceptance import Decision, MaterialCheck, Outcome, case_number, decide
from app.domain.agency import Agency, check_agency
from app.domain.clock import local_now, local_today
from app.domain.consent import CASE_SMS
from app.domain.idnumber import InvalidIdNumber, mask_id_number, normalize_id_number
from app.domain.lookup import case_qr_payload
from app.domain.phone import InvalidPhone, normalize_mobile
from app.domain.public_link import case_url
from app.domain.states import CaseStatus, InvalidTransition
from app.domain.workdays import UnknownCalendarYear, WorkdayCalendar, supervision_light
from app.errors import CenterUnavailable, DeviceError, HallError
from app.i18n.messages import msg, status_param
from app.protocol.ops import ApplicantPayload
from app.protocol.subject import op_subject
from app.runtime.state import StateStore, TicketRef
from app.store import models as m
from app.store.calendar_store import load_calendar
from app.store.rows import next_value
from app.sync import outbox
from app.sync.client import CenterClient, CenterRefused
from app.sync.local_records import CaseIn, LocalRecorder, MaterialIn
from app.sync.terminal import Terminal
from app.views.guides import GuideCatalog, GuideItem
from app.views.refused import RefusedRow, refused_row
from printers.escpos.printer import EscposPrinter
from printers.escpos.worker import OwnedPrinter

log = logging.getLogger("hall.counter")
T = TypeVar("T")
DECISION_ZH = {"accept": "受理", "defer": "容缺受理", "notify": "一次性告知", "refuse": "不予受理"}
STATUS_ZH = {
    "accepted": "已受理",
    "deferred": "容缺受理",
    "notified": "已一次性告知",
    "refused": "不予受理",
    "correction": "补正中",
    "suspended": "特殊环节",
    "approved": "已办结",
    "denied": "不予许可",
    "delivered": "已出件",
    "terminated": "已终止",
}
# the protocol's limit (the center's column): a longer phone would be refused at every sync
PHONE_MAX = next(int(c.max_length) for c in ApplicantPayload.model_fields["phone"].metadata if hasattr(c, "max_length"))
OPEN_STATUSES = (CaseStatus.ACCEPTED, CaseStatus.DEFERRED, CaseStatus.CORRECTION, CaseStatus.SUSPENDED)


class NeedsCenter(HallError):
    def __init__(self, what: str) -> None:  # what: a "what.*" message code
        super().__init__(msg("counter_needs_center", what={"code": what, "params": {}}), code="offline")


class LoginFailed(HallError):
    pass


@dataclass(frozen=True)
class Clerk:
    username: str
    name: str
    staff_id: uuid.UUID | None
    window: int
    offline: bool = False


@dataclass
class ApplicantIn:
    name: str
    id_number: str
    phone: str = ""
    address: str = ""
    from_card: bool = False
    sms_consent: bool = False  # agreed to SMS about the case (app.domain.consent.CASE_SMS), issue 18


_UNREAD = object()


@dataclass(frozen=True)
class SiteScope:
    """A window's site that accepts only its list of items (a village or township point)."""

    name: str
    items: frozenset[str]  # item codes
    parent: str  # the site one level up, where the other items are applied for ("" at the top)


@dataclass
class AgentIn:
    """帮办代办: the person applying on the applicant's behalf (their card read like the applicant's) and
    the authorisation they brought (app/domain/agency.py)."""

    person: ApplicantIn
    agency: Agency


@dataclass(frozen=True)
class Accepted:
    case_id: uuid.UUID
    case_number: str
    outcome: Outcome
    documents: list[Path] = field(default_factory=list)
    receipt_preview: Path | None = None
    print_error: str = ""


@dataclass(frozen=True)
class CaseRow:
    id: uuid.UUID
    case_number: str
    item_name: str
    applicant: str  # masked
    status: str
    received_on: dt.date
    due_date: dt.date | None
    light: str  # green / yellow / red / "" (closed)
    window_number: int | None
    delivery: str
    agent: str = ""  # 帮办代办: the agent, masked; "" when the applicant came

    @property
    def status_zh(self) -> str:
        return STATUS_ZH.get(self.status, self.status)


def _verifier(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"{salt.hex()}${digest.hex()}"


def _verify(password: str, stored: str) -> bool:
    salt, _, _digest = stored.partition("$")
    return secrets.compare_digest(_verifier(password, bytes.fromhex(salt)), stored)


class CounterService:
    def __init__(
        self,
        term: Terminal,
        settings: Settings,
        *,
        window: int,
        receipt_printer: EscposPrinter | None = None,
        documents_dir: Path | None = None,
    ) -> None:
        self.term, self.settings, self.window = term, settings, window
        self._owner = OwnedPrinter(receipt_printer, msg("no_receipt_printer"))
        self.documents_dir = documents_dir or settings.resolved_data_dir() / "documents"
        self.clerk: Clerk | None = None
        self.staff = CenterClient(term.identity.center_url, ca_file=settings.center_ca_file)
        self.state: StateStore | None = None  # the terminal runtime's state: the current ticket is published there
        self._current: dict[str, Any] | None = None  # the ticket at this window
        self._deferral_default: tuple[dt.date, dt.date] | None = None  # (day, its default 容缺 promise)
        self.current_stale = False  # a queue call's answer was lost: ask the center what the window holds
        self.last_case: uuid.UUID | None = None  # the case of the current visit (for its rating)
        # the ticket of the current visit: the one called, kept after it is finished until the next call, so
        # the citizen's rating goes to the visit that just ended while the window holds no ticket any more
        self.visit: dict[str, Any] | None = None
        self.paused = False  # the window's 暂停服务 (as the center holds it)
        self._window_epoch = 0  # bumped by pause/resume: a queue read started before them is not the truth
        self.online = True
        self._guides: GuideCatalog | None = None
        self._site_scope: object = _UNREAD  # SiteScope | None once read (site_scope)

    # ------------------------------------------------------------------ the ticket at this window
    @property
    def current(self) -> dict[str, Any] | None:
        return self._current

    @current.setter
    def current(self, ticket: dict[str, Any] | None) -> None:
        self._current = ticket
        if self.state is not None:
            self.state.update(current_ticket=TicketRef.of(ticket))

    def sync_current(self) -> dict[str, Any] | None:
        """Take the window's current ticket from the center (after a lost answer, a restart, a reconnect):
        what the center holds for this window is the truth, so every key works again."""
        snap = self._call("GET", "/queue", "what.queue")
        win = next((w for w in snap["windows"] if w["number"] == self.window), None)
        ticket = win.get("ticket") if win else None
        if (ticket or {}).get("id") != (self.current or {}).get("id"):
            log.info(
                "window %s: the center holds %s, the counter had %s",
                self.window,
                (ticket or {}).get("number"),
                (self.current or {}).get("number"),
            )
            if ticket is not None:  # another visit; none: the visit ended (it may still be rated)
                self.last_case, self.visit = None, ticket
            self.current = ticket
        if win is not None:
            self.paused = win.get("status") == "paused"
        self.current_stale = False
        return self.current

    def _recover_if_stale(self) -> bool:
        """True when the window's ticket was taken again from the center just now."""
        if not self.current_stale:
            return False
        self.sync_current()
        return True

    # ------------------------------------------------------------------ the receipt printer's owner thread
    @property
    def printer(self) -> EscposPrinter | None:
        return self._owner.printer

    def on_printer(self, job: Callable[[EscposPrinter], T]) -> T:
        return self._owner.run(job)

    # ------------------------------------------------------------------ login
    def login(self, username: str, password: str) -> Clerk:
        """At the center when it answers; with the verifier of the last good login when it does not."""
        try:
            got = self.staff.login_staff(username, password, self.window).model_dump()
        except CenterRefused as exc:
            raise LoginFailed(msg("login_failed", reason=exc.as_msg), code=exc.code) from exc
        except CenterUnavailable:
            self.online = False
            saved = self.term.cache.get_state(f"clerk:{username}")
            if not saved or not _verify(password, saved["verifier"]):
                raise LoginFailed(
                    msg("offline_login"),
                    code="offline_login",
                ) from None
            self.clerk = Clerk(username, saved["name"], uuid.UUID(saved["staff_id"]) if saved.get("staff_id") else None, self.window, offline=True)
            log.warning("clerk %s logged in offline at window %s", username, self.window)
            return self.clerk
        self.staff.token = str(got["token"])
        self.online = True
        staff_id = self._staff_id(username)
        self.term.cache.set_state(
            f"clerk:{username}",
            {"verifier": _verifier(password), "name": got["name"], "staff_id": str(staff_id) if staff_id else None},
        )
        self.clerk = Clerk(username, str(got["name"]), staff_id, self.window)
        return self.clerk

    def login_card(self, id_number: str) -> Clerk:
        """A clerk's own ID card on the counter's reader (registered by an admin); needs the center."""
        try:
            got = self.term.client.call("POST", "/auth/card", json={"id_number": id_number, "window": self.window})
        except CenterRefused as exc:
            raise LoginFailed(msg("card_login_failed", reason=exc.as_msg), code=exc.code) from exc
        except CenterUnavailable:
            self.online = False
            raise LoginFailed(
                msg("card_login_offline"), code="offline"
            ) from None
        self.staff.token = str(got["token"])
        self.online = True
        username = str(got.get("username") or "")
        self.clerk = Clerk(username, str(got["name"]), self._staff_id(username), self.window)
        log.info("clerk %s logged in by ID card at window %s", username, self.window)
        return self.clerk

    def _staff_id(self, username: str) -> uuid.UUID | None:
        with self.term.cache.db.read_session() as s:
            return s.scalar(select(m.Staff.id).where(m.Staff.username == username))

    def logout(self) -> None:
        if self.clerk is not None and not self.clerk.offline:
            try:
                self._call("POST", f"/windows/{self.window}/close")
            except HallError as exc:
                log.info("window close at logout: %s", exc)
        self.clerk, self.staff.token, self.current, self.visit, self.paused = None, None, None, None, False

    @property
    def recorder(self) -> LocalRecorder:
        actor = self.clerk.username if self.clerk else "counter"
        return LocalRecorder(self.term.cipher, uuid.UUID(self.term.identity.terminal_id), actor)

    # ------------------------------------------------------------------ queue (needs the center)
    def _call(self, method: str, path: str, what: str = "what.call", **kw: Any) -> Any:
        if self.clerk is None:
            raise HallError.of("not_logged_in")
        if self.staff.token is None:
            raise NeedsCenter(what)
        try:
            answer = self.staff.call(method, path, **kw)
        except CenterUnavailable as exc:
            self.online = False
            if method != "GET":  # it may have been done and only its answer lost
                self.current_stale = True
            raise NeedsCenter(what) from exc
        self.online = True
        return answer

    def queue_status(self) -> dict[str, Any]:
        epoch = self._window_epoch
        snap = self._call("GET", "/queue", "what.queue")
        win = next((w for w in snap["windows"] if w["number"] == self.window), None)
        if win is not None and epoch == self._window_epoch:  # no pause/resume since the read started
            self.paused = win.get("status") == "paused"
        cats = win["categories"] if win else []
        return {
            "window": win,
            "waiting": {c: snap["waiting"].get(c, 0) for c in cats},
            "names": {c: snap["categories"].get(c, c) for c in cats},
            "names_en": {c: (snap.get("categories_en") or {}).get(c, "") for c in cats},
        }

    def open_window(self) -> None:
        self._call("POST", f"/windows/{self.window}/open")
        self._window_epoch += 1
        self.paused = False

    def pause(self) -> None:
        """暂停服务 (the center refuses while a ticket is at the window)."""
        self._call("POST", f"/windows/{self.window}/pause", "what.pause")
        self._window_epoch += 1
        self.paused = True

    def resume(self) -> None:
        self._call("POST", f"/windows/{self.window}/resume", "what.resume")
        self._window_epoch += 1
        self.paused = False

    def _called(self, ticket: dict[str, Any] | None) -> dict[str, Any] | None:
        """A new visit begins (or nobody waits): the last visit's case and ticket are done with."""
        self.current, self.visit, self.last_case = ticket, ticket, None
        return ticket

    def call_next(self) -> dict[str, Any] | None:
        if self._recover_if_stale() and self.current is not None:
            return self.current  # the lost call had called it: that is the answer
        got = self._call("POST", f"/windows/{self.window}/call-next")
        return self._called(got["ticket"] if got else None)

    def call_number(self, number: str) -> dict[str, Any]:
        got = self._call("POST", f"/windows/{self.window}/call", json={"number": number.strip().upper()})
        ticket = self._called(got["ticket"] if "ticket" in got else got)
        assert ticket is not None
        return ticket

    def _ticket_action(self, action: str, what: str, **body: Any) -> dict[str, Any]:
        """`action` on the window's ticket; the ticket acted on. No ticket at the window (none called, or
        the last one finished): refused in plain words, nothing sent."""
        self._recover_if_stale()
        if self.current is None:
            raise HallError.of("no_ticket")
        ticket = self.current
        self._call("POST", f"/tickets/{ticket['id']}/{action}", what, json=body or None)
        return ticket

    def recall(self) -> dict[str, Any]:
        return self._ticket_action("recall", "what.recall")

    def no_show(self) -> dict[str, Any]:
        ticket = self._ticket_action("no-show", "what.no_show")
        self.current, self.visit = None, None
        return ticket

    def start(self) -> dict[str, Any]:
        ticket = self._ticket_action("start", "what.start")
        if self.current is not None:
            self.current = {**self.current, "status": "serving"}
        return ticket

    def finish(self) -> dict[str, Any]:
        """结束办理: the window holds no ticket any more (keys after it say so); the visit stays for the
        citizen's rating (its ticket and case) until the next call."""
        ticket = self._ticket_action("finish", "what.finish")
        self.visit, self.current = ticket, None
        return ticket

    def transfer(self, category: str | None = None, window: int | None = None) -> dict[str, Any]:
        ticket = self._ticket_action("transfer", "what.transfer", category=category, window=window)
        self.current, self.visit = None, None
        return ticket

    def ticket_holder(self, id_number: str) -> dict[str, Any] | None:
        """Whether an ID card read at the window is the holder of the visit's real-name ticket, asked of
        the center (it compares its keyed hashes: the ticket's ID number never leaves it). None: no ticket
        at the window, or the center cannot be reached (nothing to compare with)."""
        ticket = self.current or self.visit
        if ticket is None or self.clerk is None or self.staff.token is None:
            return None
        try:  # a question, not a queue call: a lost answer changes nothing at the window
            got: dict[str, Any] = self.staff.call(
                "POST", f"/tickets/{ticket['id']}/holder", json={"id_number": id_number}
            )
        except CenterUnavailable as exc:
            self.online = False
            log.info("ticket %s holder not checked: %s", ticket.get("number"), exc)
            return None
        except CenterRefused as exc:
            log.info("ticket %s holder not checked: %s", ticket.get("number"), exc)
            return None
        return {**got, "number": ticket["number"]}

    # ------------------------------------------------------------------ catalog
    @property
    def guides(self) -> GuideCatalog:
        if self._guides is None:
            with self.term.cache.db.read_session() as s:
                self._guides = GuideCatalog.load(s)
        return self._guides

    def search_items(self, query: str, limit: int = 20) -> list[GuideItem]:
        """The items this window may accept (its site's list, 县、乡、村: a village point's 46 items), best first."""
        allowed = self.site_scope()
        if allowed is None:
            return self.guides.search(query, limit=limit)
        return [it for it in self.guides.search(query, limit=len(self.guides.items)) if it.code in allowed.items][:limit]

    def site_scope(self) -> SiteScope | None:
        """The site this counter's window belongs to, when it limits the items (None: every item). Read once,
        like the catalog itself: the item search runs on every key press."""
        if self._site_scope is _UNREAD:
            self._site_scope = self._read_site_scope()
        return self._site_scope  # type: ignore[return-value]

    def _read_site_scope(self) -> SiteScope | None:
        with self.term.cache.db.read_session() as s:
            site = s.scalar(select(m.Site).join(m.Window, m.Window.site_id == m.Site.id).where(m.Window.number == self.window))
            if site is None or not site.items:
                return None
            parent = s.get(m.Site, site.parent_id) if site.parent_id else None
            return SiteScope(site.name, frozenset(site.items), parent.name if parent else "")

    def check_site(self, item: GuideItem) -> None:
        scope = self.site_scope()
        if scope is not None and item.code not in scope.items:
            raise HallError.of("item_not_at_site", item=item.name, site=scope.name, parent=scope.parent or "—")

    @staticmethod
    def checklist(item: GuideItem) -> list[MaterialCheck]:
        return [
            MaterialCheck(
                name=mt.name,
                required=mt.required,
                deferrable=mt.deferrable,
                originals_needed=mt.originals,
                copies_needed=mt.copies,
            )
            for mt in item.materials
        ]

    def calendar(self) -> WorkdayCalendar:
        with self.term.cache.db.read_session() as s:
            return load_calendar(s)

    def default_deferral_date(self, today: dt.date | None = None) -> dt.date:
        """The 容缺 promise the window proposes: `notices.deferral_working_days` working days after the
        day of receipt — a working day, never a weekend or holiday (the applicant signs it). Computed once
        a day (the calendar is read from the local cache)."""
        today = today or local_today()
        cached = self._deferral_default
        if cached is not None and cached[0] == today:
            return cached[1]
        try:
            day = self.calendar().add_working_days(today, self.settings.notices.deferral_working_days)
        except UnknownCalendarYear:  # an unpublished year: the clerk picks the date (no guess)
            day = today
        self._deferral_default = (today, day)
        return day

    # ------------------------------------------------------------------ acceptance (local first)
    def check_applicant(self, a: ApplicantIn) -> ApplicantIn:
        if not a.name.strip():
            raise HallError.of("name_required")
        try:
            a.id_number = normalize_id_number(a.id_number)
        except InvalidIdNumber as exc:
            raise HallError(msg("invalid_id_number", reason=exc.args[0]), code="invalid_id_number") from exc
        a.phone = a.phone.strip()
        if len(a.phone) > PHONE_MAX:
            raise HallError(
                msg("phone_too_long", max=PHONE_MAX), code="phone_too_long"
            )
        if a.sms_consent:  # SMS about the case go to a mobile number only
            try:
                a.phone = normalize_mobile(a.phone)
            except InvalidPhone as exc:
                raise HallError(exc.args[0], code="invalid_phone") from exc
        return a

    def check_agent(self, agent: AgentIn, applicant: ApplicantIn, today: dt.date) -> AgentIn:
        if not agent.person.name.strip():
            raise HallError.of("agent_name_required")
        agent.person = self.check_applicant(agent.person)
        refused = check_agency(
            agent.agency, agent_id_number=agent.person.id_number, applicant_id_number=applicant.id_number, today=today
        )
        if refused is not None:
            raise HallError(refused, code=refused.code)
        return agent

    def accept(
        self,
        applicant: ApplicantIn,
        item: GuideItem,
        checks: list[MaterialCheck],
        decision: Decision,
        *,
        reason: str = "",
        basis: str = "",
        delivery: str = "window",
        print_documents: bool = True,
        agent: AgentIn | None = None,
    ) -> Accepted:
        applicant = self.check_applicant(applicant)
        self.check_site(item)
        today = local_today()
        if agent is not None:
            agent = self.check_agent(agent, applicant, today)
        outcome = decide(
            decision,
            checks,
            kind=item.kind,
            promised_days=item.promised_days,
            legal_days=item.legal_days,
            promised_half_day=item.promised_half_day,
            legal_half_day=item.legal_half_day,
            received_on=today,
            calendar=self.calendar(),
            reason=reason,
            basis=basis,
        )
        rec = self.recorder
        with self.term.cache.db.write_session() as s:
            seq = next_value(s, f"case:{today.isoformat()}")
            number = case_number(self.settings.hall_code, today, self.term.identity.tag, seq)
            applicant_id = self._applicant(s, rec, applicant)
            agent_id = self._applicant(s, rec, agent.person) if agent else None
            case_id = rec.add_case(
                s,
                CaseIn(
                    case_number=number,
                    item_id=item.id,
                    applicant_id=applicant_id,
                    status=outcome.status,
                    decision={"accept": "immediate" if outcome.status == CaseStatus.APPROVED else "accept"}.get(
                        decision.value, decision.value
                    ),
                    received_on=today,
                    due_date=outcome.due_date,
                    legal_due_date=outcome.legal_due_date,
                    deferral_due=outcome.deferral_due,
                    refusal_reason=reason or None,
                    refusal_basis=basis or None,
                    window_number=self.window,
                    staff_id=self.clerk.staff_id if self.clerk else None,
                    ticket_id=self._visit_ticket_id(),
                    delivery_method=delivery,
                    agent_id=agent_id,
                    agent_kind=agent.agency.kind.value if agent else None,
                    authorisation=agent.agency.authorisation.strip() if agent else None,
                    authorised_until=agent.agency.until if agent else None,
                    sms_consent=CASE_SMS.version if applicant.sms_consent else None,
                    materials=[
                        MaterialIn(
                            name=c.name,
                            originals_received=c.originals_received,
                            copies_received=c.copies_received,
                            state={"promised": "commitment"}.get(c.state, c.state),
                            promised_date=c.deferred_until,
                            note=c.note or None,
                        )
                        for c in checks
                    ],
                ),
            )
        self.last_case = case_id
        log.info(
            "case %s: %s (%s%s)", number, decision.value, mask_id_number(applicant.id_number),
            f", agent {mask_id_number(agent.person.id_number)}" if agent else "",
        )
        docs: list[Path] = []
        preview, print_error = None, ""
        if print_documents:
            from app.counter.documents import print_receipt, render_documents

            docs = render_documents(self, number, applicant, item, checks, outcome, reason, basis, delivery, agent)
            try:  # every decision gives the citizen a receipt of what was handed in and what came of it
                preview = print_receipt(self, number, applicant, item, checks, outcome, agent)
            except DeviceError as exc:
                print_error = str(exc)
                log.error("receipt for %s not printed: %s", number, exc)
        return Accepted(case_id, number, outcome, docs, preview, print_error)

    def _applicant(self, s: Session, rec: LocalRecorder, a: ApplicantIn) -> uuid.UUID:
        """One applicant record per ID number on this terminal (found by its keyed hash)."""
        found = s.scalar(
            select(m.Applicant)
            .where(m.Applicant.id_number_hash == self.term.cipher.lookup_hash(a.id_number))
            .order_by(m.Applicant.created_at.desc())
            .limit(1)
        )
        # the same person again: their record, unless they gave another phone for the case's SMS now
        if found is not None and not (a.sms_consent and self.term.cipher.decrypt(found.phone_enc) != a.phone):
            return found.id
        return rec.add_applicant(
            s, name=a.name, id_number=a.id_number, phone=a.phone or None, address=a.address or None
        )

    # ------------------------------------------------------------------ case list
    def cases(self, query: str = "", *, mine: bool = False, open_only: bool = False) -> list[CaseRow]:
        today = local_today()
        yellow = self.settings.supervision.yellow_working_days
        with self.term.cache.db.read_session() as s:
            cal = load_calendar(s)
            stmt = (
                select(m.Case)
                .options(selectinload(m.Case.item), selectinload(m.Case.applicant), selectinload(m.Case.agent))
                .where(m.Case.window_number == self.window)
                .order_by(m.Case.created_at.desc())
                .limit(500)
            )
            if mine and self.clerk and self.clerk.staff_id:
                stmt = stmt.where(m.Case.staff_id == self.clerk.staff_id)
            if open_only:
                stmt = stmt.where(m.Case.status.in_(OPEN_STATUSES))
            rows = []
            q = query.strip().lower()
            for c in s.scalars(stmt):
                if q and q not in c.case_number.lower() and q not in c.item.name.lower() and q not in c.applicant.name:
                    continue
                light = ""
                if c.status in OPEN_STATUSES and c.due_date is not None:
                    light = supervision_light(c.due_date, today, yellow, cal).value
                rows.append(
                    CaseRow(
                        id=c.id,
                        case_number=c.case_number,
                        item_name=c.item.name,
                        applicant=f"{c.applicant.name[:1]}**" if len(c.applicant.name) > 1 else c.applicant.name,
                        status=c.status.value,
                        received_on=c.received_on,
                        due_date=c.due_date,
                        light=light,
                        window_number=c.window_number,
                        delivery={"express": "快递", "window": "窗口领取"}.get(c.delivery_method or "", "")
                        + (f" {c.tracking_number}" if c.tracking_number else ""),
                        agent=f"{c.agent.name[:1]}**" if c.agent is not None else "",
                    )
                )
            return rows

    def refused_records(self) -> list[RefusedRow]:
        """This counter's records the center refused (or that were damaged here), newest first, until a
        manager resolves them at the center."""
        with self.term.cache.db.read_session() as s:
            ops = outbox.refused(s)
            case_ids = set()
            for op in ops:
                try:
                    case_ids.add(uuid.UUID(str(op.payload.get("case_id"))))
                except ValueError:
                    continue
            numbers = {
                str(i): n
                for i, n in s.execute(select(m.Case.id, m.Case.case_number).where(m.Case.id.in_(case_ids)))
            } if case_ids else {}
        return [
            refused_row(op.op_id, op.kind, op.written_at, op.status, op.reason, op_subject(op.kind, op.payload, numbers))
            for op in ops
        ]

    def request_correction(self, case_id: uuid.UUID, what: list[str]) -> Path:
        """补正: the clock stops; the citizen gets a notice listing what to correct."""
        if not what:
            raise HallError.of("nothing_to_correct")
        self._move(case_id, CaseStatus.CORRECTION, "补正：" + "；".join(what))
        from app.counter.documents import correction_notice

        return correction_notice(self, case_id, what)

    def corrections_received(self, case_id: uuid.UUID) -> dt.date:
        """The corrected materials arrived: accepted again, the clock restarts from today."""
        today = local_today()
        with self.term.cache.db.read_session() as s:
            case = s.get(m.Case, case_id)
            half_days = case.item.promised_days * 2 + int(case.item.promised_half_day) if case is not None else 0
        if case is None:  # accepted at another window: the center restarts the clock
            got = self._call("POST", f"/cases/{case_id}/corrected", "what.corrections")
            return dt.date.fromisoformat(self.center_case(case_id)["due_date"]) if got else today
        due = self.calendar().add_half_working_days(today, half_days)
        self._move(case_id, CaseStatus.ACCEPTED, "补正材料已收齐，重新计时", received_on=today, due_date=due)
        return due

    def complete(self, case_id: uuid.UUID, *, approved: bool) -> None:
        """A decision at the window: only for an item this window may decide on the spot (即办授权事项);
        every other case is decided by its departments in the back office."""
        with self.term.cache.db.read_session() as s:
            case = s.get(m.Case, case_id)
            if case is None:
                raise HallError.of("not_here")
            window = s.scalar(select(m.Window).where(m.Window.number == self.window))
            spot = case.item.code in ((window.spot_items or []) if window else [])
        if not spot:
            raise HallError.of("back_office")
        self._move(
            case_id,
            CaseStatus.APPROVED if approved else CaseStatus.DENIED,
            "窗口即办：" + ("准予" if approved else "不予许可"),
            completed_at=dt.datetime.now(dt.UTC),
        )

    # ------------------------------------------------------------------ cases at the center (出件 at any window)
    def find_center_cases(self, query: str) -> list[dict[str, Any]]:
        """A case at the center by its number, the applicant's ID number or the notice's QR text."""
        if not query.strip():
            raise HallError(msg("empty_case_query"), code="empty")
        found: list[dict[str, Any]] = self._call("GET", "/cases/lookup", "what.case_search", params={"q": query.strip()})
        return found

    def center_case_rows(self, query: str) -> list[CaseRow]:
        """The center's cases for the case list (出件 at any window): whichever window accepted them."""
        today = local_today()
        yellow = self.settings.supervision.yellow_working_days
        cal = self.calendar()
        rows = []
        for c in self.find_center_cases(query):
            due = dt.date.fromisoformat(c["due_date"]) if c.get("due_date") else None
            status = str(c["status"])
            rows.append(
                CaseRow(
                    id=uuid.UUID(c["id"]),
                    case_number=c["case_number"],
                    item_name=c["item_name"],
                    applicant=c["applicant"],
                    status=status,
                    received_on=dt.date.fromisoformat(c["received_on"]),
                    due_date=due,
                    light=supervision_light(due, today, yellow, cal).value if due and status in OPEN_STATUSES else "",
                    window_number=c.get("window_number"),
                    delivery={"express": "快递", "window": "窗口领取"}.get(c.get("delivery_method") or "", "")
                    + (f" {c['tracking_number']}" if c.get("tracking_number") else ""),
                    agent=str(c.get("agent") or ""),
                )
            )
        return rows

    def correction_paper(self, case_id: uuid.UUID) -> Path:
        """The back office's 补正材料通知书 of a case, from the center, for printing at this window."""
        return self.center_paper(case_id, "correction", self.center_case(case_id)["case_number"])

    def center_case(self, case_id: uuid.UUID) -> dict[str, Any]:
        got: dict[str, Any] = self._call("GET", f"/cases/{case_id}", "what.case_detail")
        return got

    def center_paper(self, case_id: uuid.UUID, paper: str, number: str) -> Path:
        """A paper of the case from the center (the back office's 补正材料通知书, the decision, the
        termination notice, the 告知承诺书), saved with the counter's documents for printing."""
        from app.counter.documents import paper_path

        names = {"correction": "补正材料通知书", "decision": "审批决定书", "termination": "终止办理通知书",
                 "commitment": "告知承诺书"}
        if self.clerk is None:
            raise HallError.of("not_logged_in")
        try:
            data = self.staff.binary(f"/cases/{case_id}/papers/{paper}.pdf")
        except CenterUnavailable as exc:
            raise NeedsCenter("what.print_notice") from exc
        except CenterRefused as exc:
            raise HallError(exc.as_msg, code=exc.code) from exc
        out = paper_path(self, number, names.get(paper, paper))
        out.write_bytes(data)
        return out

    def deliver(self, case_id: uuid.UUID, method: str = "window", tracking: str = "") -> Path | None:
        """出件 at the window or by express (with its tracking number); the citizen's notice as a slip.
        Through the center, which holds the case's decided state, whichever window accepted it; offline,
        only a case this counter holds (checked again by the center when the op arrives)."""
        if method not in ("window", "express"):
            raise HallError(f"unknown delivery method {method}")
        if method == "express" and not tracking.strip():
            raise HallError.of("tracking_required")
        if self.staff.token is not None:
            try:
                return self._deliver_at_center(case_id, method, tracking.strip())
            except NeedsCenter:
                if not self._holds(case_id):
                    raise
            except HallError as exc:
                # accepted here a moment ago and not pushed yet (a 即办件 handed out on the spot): the
                # center does not know it, the outbox delivers it after the case itself
                if exc.code != "not_found" or not self._holds(case_id):
                    raise
        if not self._holds(case_id):
            raise NeedsCenter("what.deliver_other")
        self._move(
            case_id,
            CaseStatus.DELIVERED,
            "出件",
            delivery_method=method,
            tracking_number=tracking.strip() or None,
            delivered_at=dt.datetime.now(dt.UTC),
        )
        self.last_case = case_id  # the citizen rates this case on the pad (一事一评)
        from app.counter.documents import delivery_slip

        return delivery_slip(self, case_id)

    def _holds(self, case_id: uuid.UUID) -> bool:
        with self.term.cache.db.read_session() as s:
            return s.get(m.Case, case_id) is not None

    def _deliver_at_center(self, case_id: uuid.UUID, method: str, tracking: str) -> Path | None:
        try:
            self._call("POST", f"/cases/{case_id}/deliver", "what.deliver", json={"method": method, "tracking_number": tracking})
        except CenterRefused as exc:
            raise HallError(msg("cannot_deliver", reason=exc.as_msg), code=exc.code) from exc
        got = self.center_case(case_id)
        with self.term.cache.db.write_session() as s:
            local = s.get(m.Case, case_id)
            if local is not None:  # the center's state, as the next pull will bring it
                local.status, local.delivery_method = CaseStatus.DELIVERED, method
                local.tracking_number, local.delivered_at = tracking or None, dt.datetime.now(dt.UTC)
        self.last_case = case_id  # the citizen rates this case on the pad (一事一评)
        from app.counter.documents import delivery_slip_of

        return delivery_slip_of(self, got["case_number"], got["item_name"], got["applicant"]["name"], method, tracking)

    def deferred_supplied(self, case_id: uuid.UUID) -> None:
        """容缺 materials arrived by their promised date: the case is an ordinary acceptance (clock unchanged)."""
        self._move(case_id, CaseStatus.ACCEPTED, "容缺材料已补齐")

    def _move(self, case_id: uuid.UUID, to: CaseStatus, reason: str, **changes: Any) -> None:
        try:
            with self.term.cache.db.write_session() as s:
                self.recorder.transition_case(s, case_id, to, reason=reason, actor_id=self._actor(), **changes)
        except KeyError:
            raise HallError(
                msg("not_here_center"), code="not_here"
            ) from None
        except InvalidTransition as exc:
            raise HallError(
                msg(
                    "invalid_transition",
                    current=status_param("case_status", exc.current),
                    target=status_param("case_status", to.value),
                ),
                code="invalid_transition",
            ) from exc

    def _actor(self) -> uuid.UUID | None:
        return self.clerk.staff_id if self.clerk else None

    # ------------------------------------------------------------------ rating (one per visit)
    def rate(self, level: int, reasons: list[str] | None = None) -> uuid.UUID:
        with self.term.cache.db.write_session() as s:
            return self.recorder.add_rating(
                s,
                level=level,
                ticket_id=self._visit_ticket_id(),
                case_id=self.last_case,
                window_number=self.window,
                staff_id=self._actor(),
                reasons=reasons,
                channel="pad",
            )

    def _visit_ticket_id(self) -> uuid.UUID | None:
        ticket = self.current or self.visit
        return uuid.UUID(ticket["id"]) if ticket else None

    def qr_for(self, number: str, id_number: str) -> str:
        """The notice's QR code: the case's phone page (issue 18) when the hall has public pages, else the
        kiosk's own HALLCASE payload (both open the progress at a kiosk)."""
        if self.settings.public_url:
            with self.term.cache.db.read_session() as s:
                token = s.scalar(select(m.Case.public_token).where(m.Case.case_number == number))
            url = case_url(self.settings.public_url, token)
            if url is not None:
                return url
        return case_qr_payload(number, id_number)

    def now(self) -> dt.datetime:
        return local_now()
