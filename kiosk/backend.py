"""Everything a kiosk does that touches the center, the cache or a device, without Qt: issuing tickets
(online, else from the leased offline band), appointment check-in, progress lookups from the replicated
case summaries, service guides, ratings and 投诉建议 written locally first, device health.
Every call here may block: the pages run them off the GUI thread."""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select

from app.domain.clock import local_now, local_today, utcnow
from app.domain.idnumber import mask_id_number, redact_text
from app.domain.lookup import parse_case_qr, progress_key
from app.domain.public_link import CASE_PATH, page_key, ticket_url, token_in_url
from app.domain.ratings import BAD_REASONS as BAD_REASONS  # the kiosk's flows import it from here
from app.errors import CenterUnavailable, DeviceError, HallError
from app.i18n.messages import MESSAGES, msg
from app.store import models as m
from app.store.calendar_store import load_calendar
from app.sync.client import CenterRefused
from app.sync.leases import AlreadyHasTicket, issue_offline_ticket, lease_block
from app.sync.local_records import LocalRecorder
from app.sync.terminal import Terminal
from app.views.guides import GuideCatalog, GuideItem, catalog_signature
from kiosk.opening import open_categories
from printers.escpos.printer import EscposPrinter, PrintResult
from printers.escpos.slips import TicketData
from printers.escpos.worker import OwnedPrinter

log = logging.getLogger("hall.kiosk")
T = TypeVar("T")

STATUS_ZH = {
    "accepted": "已受理，正在办理",
    "deferred": "容缺受理，待补交材料",
    "notified": "已一次性告知，待补齐材料后受理",
    "refused": "不予受理",
    "correction": "补正中",
    "suspended": "特殊环节（暂停计时）",
    "approved": "已办结，可领取结果",
    "denied": "已办结（不予许可）",
    "delivered": "已出件",
    "terminated": "已终止",
}
# What a refusal means, in plain words: the messages `plain.<code>` (app/i18n/messages.py)
FEEDBACK_TOPICS = ("服务态度", "等候时间长", "材料要求不清楚", "多次跑腿", "设施环境", "意见建议")


class VisitRefused(HallError):
    """The center said no: `plain` explains the hall's rule in everyday words."""

    def __init__(self, code: str, message: str) -> None:  # message: a Msg, or the center's as it came
        self.plain: str = msg(f"plain.{code}") if f"plain.{code}" in MESSAGES else ""
        super().__init__(message, code=code)


class NeedsCenter(HallError):
    def __init__(self, what: str) -> None:  # what: a "what.*" message code
        super().__init__(msg("kiosk_needs_center", what={"code": what, "params": {}}), code="offline")


class NotFound(HallError):
    pass


NOTE_MAX = 200  # characters of free text a citizen may add to a complaint's topics (投诉建议)

@dataclass(frozen=True)
class CategoryInfo:
    prefix: str
    name: str
    description: str
    waiting: int | None  # None when offline
    name_en: str = ""  # the English name the hall gave; "": the Chinese name


@dataclass(frozen=True)
class TicketInfo:
    id: str
    number: str
    category: str
    category_name: str
    waiting_ahead: int | None
    estimated_wait_min: int | None
    issued_at: dt.datetime
    offline: bool = False
    appointment: bool = False
    no_open_window: bool = False  # no open window serves the category now: no wait can be promised
    category_name_en: str = ""  # the English name the hall gave the category
    appointment_slot: str | None = None  # 预约签到: the booked slot in hall time, "09:00–09:30"
    appointment_item: str | None = None
    appointment_name: str | None = None  # masked
    url: str | None = None  # the ticket's phone page, printed as its QR code (issue 18)


@dataclass(frozen=True)
class Progress:
    case_number: str
    item_name: str
    status: str
    received_on: dt.date
    due_date: dt.date | None
    working_days_left: int | None
    collect: str
    completed_on: dt.date | None = None
    delivered_on: dt.date | None = None

    @property
    def status_zh(self) -> str:
        return STATUS_ZH.get(self.status, self.status)

    def timeline(self) -> list[tuple[str, dt.date | None, str]]:
        """The case's way so far as steps for the citizen: (step, its date if known, done / current /
        pending). Steps: received (收件), processing (办理), decided (办结) or refused / terminated, delivered
        (出件)."""
        s = self.status
        if s in ("refused", "terminated"):
            return [("received", self.received_on, "done"), (s, self.completed_on, "done")]
        decided = s in ("approved", "denied", "delivered")
        steps = [
            ("received", self.received_on, "done"),
            ("processing", None, "done" if decided else "current"),
            ("decided", self.completed_on, "done" if decided else "pending"),
            ("delivered", self.delivered_on, "done" if s == "delivered" else ("current" if decided else "pending")),
        ]
        return steps


@dataclass(frozen=True)
class Visit:
    ticket_id: uuid.UUID
    number: str
    status: str
    window_number: int | None
    staff_id: uuid.UUID | None


class KioskBackend:
    clock: Callable[[], dt.datetime] = staticmethod(utcnow)  # injected by tests (opening hours)

    def __init__(
        self,
        term: Terminal,
        *,
        hall_name: str,
        printer: EscposPrinter | None,
        lease_size: int = 10,
        public_url: str | None = None,
    ) -> None:
        self.term, self.hall_name, self.lease_size = term, hall_name, lease_size
        self.public_url = public_url  # the phone pages' base URL, for the QR of tickets issued offline
        self._owner = OwnedPrinter(printer, msg("no_printer"))
        self.recorder = LocalRecorder(term.cipher, uuid.UUID(term.identity.terminal_id), f"kiosk:{term.identity.name}")
        self.online = True
        self._guides: GuideCatalog | None = None
        self._guides_signature: tuple[Any, ...] | None = None
        self.guide_builds = 0  # how often the search index was built (tests: not at every sync)
        self.closed_note = ""  # why no category is offered and when the next opens (issue 16)

    # ------------------------------------------------------------------ the printer's owner thread
    @property
    def printer(self) -> EscposPrinter | None:
        return self._owner.printer

    @printer.setter
    def printer(self, printer: EscposPrinter | None) -> None:
        self._owner.printer = printer

    def on_printer(self, job: Callable[[EscposPrinter], T]) -> T:
        return self._owner.run(job)

    # ------------------------------------------------------------------ center calls
    def _call(self, method: str, path: str, **kw: Any) -> Any:
        try:
            answer = self.term.client.call(method, path, **kw)
        except CenterUnavailable:
            self.online = False
            raise
        self.online = True
        return answer

    def sync(self) -> bool:
        """One sync round now (screenshots, tests; the terminal runtime's sync loop does it by itself)."""
        status = self.term.engine.sync_once()
        self.online = status.online
        if status.online:
            self.refresh_guides()
        return status.online

    def refresh_guides(self) -> bool:
        """Rebuild the catalog's search index when the catalog changed (never on the GUI thread); True when
        it was rebuilt."""
        with self.term.cache.db.read_session() as s:
            signature = catalog_signature(s)
            if self._guides is not None and signature == self._guides_signature:
                return False
            self._guides = GuideCatalog.load(s)
        self._guides_signature = signature
        self.guide_builds += 1
        return True

    # ------------------------------------------------------------------ queue
    def categories(self) -> list[CategoryInfo]:
        with self.term.cache.db.read_session() as s:
            cats = s.scalars(select(m.Category).where(m.Category.active.is_(True)).order_by(m.Category.sort_order, m.Category.prefix)).all()
            open_now, self.closed_note = open_categories(s, cats, self.clock())
            rows = [(c.prefix, c.name, c.description, c.name_en) for c in cats if c.prefix in open_now]
        waiting: dict[str, int] = {}
        try:
            snap = self._call("GET", "/queue")
            waiting = {str(k): int(v) for k, v in (snap.get("waiting") or {}).items()}
        except (CenterUnavailable, CenterRefused) as exc:
            log.info("queue counts unavailable: %s", exc)
        return [CategoryInfo(p, n, d, waiting.get(p) if self.online else None, en) for p, n, d, en in rows]

    def notices(self, limit: int = 10) -> list[str]:
        """The hall's current notices for the kiosks (a manager's broadcast to all or to the kiosks), newest
        first, from the replicated cache: shown offline too."""
        now = utcnow()
        with self.term.cache.db.read_session() as s:
            rows = s.scalars(
                select(m.Notice)
                .where(m.Notice.audience.in_(("all", "kiosks")), m.Notice.starts_at <= now)
                .order_by(m.Notice.starts_at.desc())
                .limit(limit)
            ).all()
            return [n.text for n in rows if n.ends_at is None or n.ends_at > now]

    def _category_name(self, prefix: str) -> str:
        with self.term.cache.db.read_session() as s:
            name = s.scalar(select(m.Category.name).where(m.Category.prefix == prefix))
        return name or prefix

    def _category_name_en(self, prefix: str) -> str:
        with self.term.cache.db.read_session() as s:
            return s.scalar(select(m.Category.name_en).where(m.Category.prefix == prefix)) or ""

    def take_ticket(
        self,
        prefix: str,
        id_number: str | None = None,
        *,
        phone: str | None = None,
        sms_consent: str | None = None,
        attempts: int = 2,
    ) -> TicketInfo:
        # one request id for every try: a retry after a lost answer gets the same ticket, and the offline
        # ticket names it, so the center cancels the online ticket nobody holds (issue 14). `phone` with
        # `sms_consent` (the consent text's version): 「快到号时短信提醒」, online and offline alike (issue 18)
        request: dict[str, Any] = {"category": prefix, "id_number": id_number, "request_id": str(uuid.uuid4())}
        if phone and sms_consent:
            request.update(phone=phone, sms_consent=sms_consent)
        for attempt in range(1, attempts + 1):
            try:
                got = self._call("POST", "/tickets", json=request)
                break
            except CenterRefused as exc:
                raise VisitRefused(exc.code, exc.as_msg) from exc
            except CenterUnavailable:
                if attempt < attempts:
                    continue
                log.warning("center unreachable: ticket %s from the offline band", prefix)
                try:
                    off = issue_offline_ticket(
                        self.term,
                        prefix,
                        id_number=id_number,
                        replaces_request=uuid.UUID(request["request_id"]),
                        phone=request.get("phone"),
                        sms_consent=request.get("sms_consent"),
                    )
                except AlreadyHasTicket as refused:
                    raise VisitRefused(refused.code, refused.as_msg) from refused
                return TicketInfo(
                    str(off.id), off.number, prefix, self._category_name(prefix), None, None, off.issued_at,
                    offline=True, url=ticket_url(self.public_url, off.public_token),
                    category_name_en=self._category_name_en(prefix),
                )
        return self._ticket(got)

    def _ticket(self, got: dict[str, Any], appointment: bool = False) -> TicketInfo:
        closed = int(got.get("open_windows", 1)) == 0
        return TicketInfo(
            id=str(got["id"]),
            number=str(got["number"]),
            category=str(got["category"]),
            category_name=self._category_name(str(got["category"])),
            category_name_en=self._category_name_en(str(got["category"])),
            waiting_ahead=int(got["waiting_ahead"]),
            estimated_wait_min=None if closed else int(got["estimated_wait_min"]),
            issued_at=_utc(got["issued_at"]),
            appointment=appointment,
            no_open_window=closed,
            appointment_slot=_slot(got.get("slot_start"), got.get("slot_end")),
            appointment_item=got.get("item_name") or None,
            appointment_name=got.get("name_masked") or None,
            url=got.get("url") or None,
        )

    def check_in(self, *, code: str | None = None, id_number: str | None = None) -> TicketInfo:
        try:
            got = self._call("POST", "/appointments/check-in", json={"code": code, "id_number": id_number})
        except CenterRefused as exc:
            raise VisitRefused(exc.code, exc.as_msg) from exc
        except CenterUnavailable as exc:
            raise NeedsCenter("what.check_in") from exc
        return self._ticket(got, appointment=True)

    def ensure_leases(self, low_water: int = 3) -> int:
        """Keep a block of offline numbers for every category while online; returns blocks leased."""
        leased = 0
        today = local_today()
        with self.term.cache.db.read_session() as s:
            prefixes = list(s.scalars(select(m.Category.prefix).where(m.Category.active.is_(True))))
            left = {
                p: sum(
                    max(0, lease.last_seq - lease.next_seq + 1)
                    for lease in s.scalars(
                        select(m.NumberLease)
                        .join(m.Category, m.Category.id == m.NumberLease.category_id)
                        .where(m.Category.prefix == p, m.NumberLease.service_day == today)
                    )
                )
                for p in prefixes
            }
        for prefix in prefixes:
            if left[prefix] < low_water:
                try:
                    lease_block(self.term, prefix, self.lease_size, today)
                    leased += 1
                except (CenterUnavailable, CenterRefused) as exc:
                    log.info("no offline lease for %s: %s", prefix, exc)
                    break
        return leased

    def print_ticket(self, t: TicketInfo, *, name: str | None = None, id_number: str | None = None) -> PrintResult:
        tag = "离线取号" if t.offline else ("预约" if t.appointment else None)
        data = TicketData(
            hall_name=self.hall_name,
            number=t.number,
            category=t.category_name,
            people_ahead=t.waiting_ahead,
            issued_at=local_now(t.issued_at),
            qr_payload=t.url or f"HALLVISIT:{t.id}",
            estimated_wait_minutes=t.estimated_wait_min,
            no_open_window=t.no_open_window,
            tag=tag,
            name=name,
            id_number=id_number,
        )
        return self.on_printer(lambda p: p.print_ticket(data))

    # ------------------------------------------------------------------ progress (from the cache)
    def _progress(self, summary: dict[str, Any]) -> Progress:
        due = dt.date.fromisoformat(summary["due_date"]) if summary.get("due_date") else None
        left = None
        with self.term.cache.db.read_session() as s:
            item_name = s.scalar(select(m.ServiceItem.name).where(m.ServiceItem.code == summary.get("item_code"))) or ""
            if due is not None and summary["status"] in ("accepted", "deferred", "correction", "suspended"):
                try:
                    cal = load_calendar(s)
                    today = local_today()
                    left = cal.working_days_between(today, due) if due >= today else -cal.working_days_between(due, today)
                except HallError as exc:
                    log.info("no working-day count: %s", exc)
        if summary.get("delivery_method") == "express":
            collect: str = (
                msg("collect.post_tracking", tracking=summary["tracking_number"])
                if summary.get("tracking_number")
                else msg("collect.post")
            )
        elif summary.get("window_number"):
            collect = msg("collect.window", window=summary["window_number"])
        else:
            collect = msg("collect.desk")
        return Progress(
            case_number=str(summary["case_number"]),
            item_name=item_name,
            status=str(summary["status"]),
            received_on=dt.date.fromisoformat(summary["received_on"]),
            due_date=due,
            working_days_left=left,
            collect=collect,
            completed_on=_local_day(summary.get("completed_at")),
            delivered_on=_local_day(summary.get("delivered_at")),
        )

    def _summary(self, case_number: str) -> dict[str, Any] | None:
        rows = [r for r in self.term.cache.replica("case_status") if r.get("case_number") == case_number]
        return rows[-1] if rows else None

    def progress_by_number(self, case_number: str, id_tail: str) -> Progress:
        case_number = case_number.strip().upper()
        tail = id_tail.strip().upper()
        if not re.fullmatch(r"[0-9]{5}[0-9X]", tail):
            raise NotFound(msg("bad_tail"), code="bad_tail")
        summary = self._summary(case_number)
        if summary is None or summary.get("id_tail_hash") != progress_key(case_number, tail):
            raise NotFound(msg("case_not_found"), code="not_found")
        return self._progress(summary)

    def progress_by_qr(self, text: str) -> Progress:
        token = token_in_url(text, CASE_PATH)  # a notice printed with the phone page's URL (issue 18)
        if token is not None:
            key = page_key(token)
            rows = [r for r in self.term.cache.replica("case_status") if r.get("page_key") == key]
            if not rows:
                raise NotFound("没有找到这个办件。刚受理的办件可能需要几分钟才能查到。", code="not_found")
            return self._progress(rows[-1])
        parsed = parse_case_qr(text)
        if parsed is None:
            raise NotFound(msg("bad_qr"), code="bad_qr")
        case_number, key = parsed
        summary = self._summary(case_number)
        if summary is None or summary.get("id_tail_hash") != key:
            raise NotFound(msg("case_not_found_qr"), code="not_found")
        return self._progress(summary)

    # ------------------------------------------------------------------ guides
    @property
    def guides(self) -> GuideCatalog:
        if self._guides is None:
            self.refresh_guides()
        assert self._guides is not None
        return self._guides

    def print_guide(self, item: GuideItem) -> PrintResult:
        from printers.escpos.guide_slip import build_guide

        return self.on_printer(lambda p: p.print_layout(build_guide(self.hall_name, item, p.paper.mm)))

    # ------------------------------------------------------------------ ratings and feedback
    def visit(self, number: str) -> Visit:
        try:
            v = self._call("GET", "/tickets/visit", params={"number": number.strip().upper()})
        except CenterRefused as exc:
            raise NotFound(exc.as_msg, code="not_found") from exc
        except CenterUnavailable as exc:
            raise NeedsCenter("what.rating") from exc
        if v.get("rated"):
            raise VisitRefused("already_rated", msg("already_rated"))
        if v["status"] not in ("done", "serving"):
            raise VisitRefused("not_served", msg("not_served"))
        return Visit(
            ticket_id=uuid.UUID(v["id"]),
            number=v["number"],
            status=v["status"],
            window_number=v.get("window_number"),
            staff_id=uuid.UUID(v["staff_id"]) if v.get("staff_id") else None,
        )

    def rate(self, visit: Visit, level: int, reasons: list[str] | None = None) -> None:
        try:
            with self.term.cache.db.write_session() as s:
                self.recorder.add_rating(
                    s,
                    level=level,
                    ticket_id=visit.ticket_id,
                    window_number=visit.window_number,
                    staff_id=visit.staff_id,
                    reasons=reasons,
                    channel="kiosk",
                )
        except ValueError as exc:
            raise VisitRefused("already_rated", msg("already_rated")) from exc

    def feedback(self, topics: list[str], phone: str | None = None, window: int | None = None, note: str = "") -> None:
        """The topics (the hall's Chinese wording, "；" between them) and the citizen's own words on the next
        line: at most NOTE_MAX characters, any ID or mobile number in them masked before it is stored."""
        if not topics:
            raise ValueError("choose at least one topic")
        words = redact_text(" ".join(note.split()))[:NOTE_MAX]
        with self.term.cache.db.write_session() as s:
            self.recorder.add_feedback(
                s,
                text="；".join(topics) + (f"\n{words}" if words else ""),
                kind="suggestion" if topics == ["意见建议"] else "complaint",
                topic=topics[0],
                phone=phone or None,
                window_number=window,
            )

    # ------------------------------------------------------------------ health
    def device_health(self, reader_ok: bool | None, reader_note: str = "") -> dict[str, Any]:
        health: dict[str, Any] = {"reader": {"ok": reader_ok, "note": reader_note}}
        if self.printer is None:
            health["printer"] = {"ok": False, "note": "no printer"}
        else:
            try:
                st = self.on_printer(lambda p: p.status())
                if st is None:
                    health["printer"] = {"ok": True, "note": "status unknown"}
                else:
                    health["printer"] = {
                        "ok": st.online and not st.paper_out and not st.cover_open,
                        "paper_out": st.paper_out,
                        "paper_near_end": st.paper_near_end,
                        "cover_open": st.cover_open,
                        "online": st.online,
                    }
            except DeviceError as exc:
                health["printer"] = {"ok": False, "note": str(exc)}
        return health

    def report_health(self, health: dict[str, Any]) -> None:
        """The latest health, straight to the center (never queued: a stale report has no value)."""
        try:
            self._call_health(health)
        except CenterUnavailable:
            log.info("health report skipped: the center is not reachable")

    def _call_health(self, health: dict[str, Any]) -> None:
        try:
            self.term.client.report_health(health)
        except CenterUnavailable:
            self.online = False
            raise
        self.online = True


def _utc(stamp: Any) -> dt.datetime:
    """A time in the center's answer (ISO 8601, "Z" or an offset)."""
    return dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))


def _local_day(stamp: Any) -> dt.date | None:
    return local_now(_utc(stamp)).date() if stamp else None


def _slot(start: Any, end: Any) -> str | None:
    """An appointment's slot as the hall's clock shows it: "09:00–09:30"."""
    if not start:
        return None

    def hm(value: Any) -> str:
        return local_now(_utc(value)).strftime("%H:%M")

    return hm(start) + (f"–{hm(end)}" if end else "")


def masked(id_number: str | None) -> str:
    return mask_id_number(id_number)
