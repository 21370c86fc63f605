"""The public queue display as data: the latest calls, each window's current number, waiting counts,
notices. Built from the center's snapshot and updated by its events; never shows "0 waiting" from an
error: while the stream is down the last good state stays, marked as reconnecting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app.domain.announce import call_text
from app.domain.events import Event
from app.i18n.messages import render

MAX_RECENT = 6


@dataclass
class WindowLine:
    number: int
    name: str
    status: str
    ticket: str | None = None
    clerk: str | None = None
    since: str | None = None


@dataclass
class Call:
    number: str
    window: int
    at: str


def closed_map(raw: object) -> dict[str, dict[str, Any]]:
    """The snapshot's `closed` as prefix → message. A message comes as `{"code", "params"}`; a center before
    issue 19 sent the reason as Chinese text, kept as `{"code": None, "params": {}, "text": ...}`."""
    out: dict[str, dict[str, Any]] = {}
    for prefix, why in (raw or {}).items() if isinstance(raw, dict) else ():
        if isinstance(why, dict) and isinstance(why.get("code"), str):
            params = why.get("params")
            out[str(prefix)] = {"code": why["code"], "params": dict(params) if isinstance(params, dict) else {}}
        else:
            out[str(prefix)] = {"code": None, "params": {}, "text": "" if why is None else str(why)}
    return out


def closed_text(why: dict[str, Any], language: str) -> str:
    """A closed category's reason in `language` (an old center's text as it came)."""
    return render(why.get("code"), why.get("params"), language, fallback=str(why.get("text") or ""))


@dataclass
class QueueBoard:
    windows: dict[int, WindowLine] = field(default_factory=dict)
    waiting: dict[str, int] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    categories_en: dict[str, str] = field(default_factory=dict)  # the English names the hall gave, if any
    # prefix -> why no ticket is issued now: a message {"code", "params"} (an old center's plain text as "text")
    closed: dict[str, dict[str, Any]] = field(default_factory=dict)
    recent: list[Call] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    connected: bool = False
    last_update: str | None = None
    has_data: bool = False
    demo: bool = False  # the center runs with the demo accounts: every UI says so

    def now_calling(self) -> Call | None:
        """The newest call while its window still serves it: once that ticket is finished or marked
        no-show (its window tile says idle) the big panel no longer shows it."""
        if not self.recent:
            return None
        last = self.recent[0]
        line = self.windows.get(last.window)
        return last if line is None or line.ticket == last.number else None

    def apply(self, event: dict[str, Any]) -> list[str]:
        """Fold one message of the event stream into the board; returns announcements to speak."""
        kind, data = event.get("type"), event.get("data") or {}
        self.last_update = event.get("at") or dt.datetime.now(dt.UTC).isoformat()
        if kind == Event.SNAPSHOT:
            self._snapshot(data)
            return []
        if kind in (Event.TICKET_CALLED, Event.TICKET_RECALLED):
            number, window = data.get("number"), data.get("window")
            if number and window is not None:
                self.recent.insert(0, Call(number, int(window), self.last_update))
                del self.recent[MAX_RECENT:]
                line = self.windows.get(int(window))
                if line is not None:
                    line.ticket, line.status = number, "serving"
                if kind == Event.TICKET_CALLED:
                    self._waiting_delta(number[:1], -1)
                return [call_text(number, window)]
        elif kind == Event.TICKET_ISSUED:
            self._waiting_delta(str(data.get("category") or "")[:1], +1)
        elif kind == Event.TICKET_TRANSFERRED:
            ticket = data.get("ticket") or {}
            self._waiting_delta(str(ticket.get("category") or "")[:1], +1)
        elif kind in (Event.TICKET_FINISHED, Event.TICKET_NO_SHOW):
            window = data.get("window")
            if window is not None and int(window) in self.windows:
                self.windows[int(window)].ticket = None
        elif kind == Event.CATEGORIES_OPENING:  # the clock passed an opening boundary
            self.closed = closed_map(data.get("closed"))
        elif kind == Event.WINDOW_STATUS:
            window = data.get("window")
            if window is not None and int(window) in self.windows:
                line = self.windows[int(window)]
                line.status = str(data.get("status") or line.status)
                if line.status in ("idle", "paused", "logged_out"):
                    line.ticket = None
        elif kind == Event.NOTICE:
            text = str(data.get("text") or "")
            if text:
                self.notices.insert(0, text)
                del self.notices[10:]
        return []

    def _waiting_delta(self, prefix: str, delta: int) -> None:
        if prefix in self.waiting:
            self.waiting[prefix] = max(0, self.waiting[prefix] + delta)

    def _snapshot(self, snap: dict[str, Any]) -> None:
        self.windows = {
            int(w["number"]): WindowLine(
                int(w["number"]),
                w["name"],
                w["status"],
                (w.get("ticket") or {}).get("number"),
                w.get("clerk"),
                w.get("status_since"),
            )
            for w in snap.get("windows", [])
        }
        self.waiting = {k: int(v) for k, v in (snap.get("waiting") or {}).items()}
        self.categories = dict(snap.get("categories") or {})
        self.categories_en = {str(k): str(v) for k, v in (snap.get("categories_en") or {}).items() if v}
        self.closed = closed_map(snap.get("closed"))
        self.demo = bool(snap.get("demo"))
        self.recent = [
            Call(c["number"], int(c["window"]), c.get("called_at") or "")
            for c in snap.get("recent_calls", [])
            if c.get("window") is not None
        ][:MAX_RECENT]
        self.notices = [n["text"] for n in snap.get("notices", [])]
        self.has_data = True

    def disconnected(self) -> None:
        """The stream broke: keep everything, say so."""
        self.connected = False
