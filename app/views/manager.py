"""What the hall manager's console shows, computed from the center's snapshot (Qt-free)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

STATUS_ZH = {"logged_out": "未登录", "idle": "空闲", "serving": "服务中", "paused": "暂停"}


@dataclass(frozen=True)
class WindowRow:
    number: int
    name: str
    status: str
    clerk: str
    ticket: str
    busy_for: str  # service (or walking) time so far, m:ss
    alert: bool  # serving far longer than usual
    status_code: str = ""  # logged_out / idle / serving / paused (a label of the catalogue)
    site: str = ""  # the site of the three-level system the window is at ("" when the hall has none)


OPEN_STATUSES = ("idle", "serving")  # a window calling numbers (a paused or logged-out one does not)
OVERLOADED_PER_WINDOW = 10  # more people waiting than this per open window: the manager should open another


@dataclass(frozen=True)
class QueueRow:
    prefix: str
    name: str
    waiting: int
    longest_wait_min: int
    warning: bool  # longest wait past the configured limit, or people waiting and no open window
    open_windows: int = 0  # open windows that serve the category now
    state: str = "ok"  # ok / busy (many waiting per open window) / long_wait / no_window

    @property
    def level(self) -> str:
        """The row's colour: red when nobody can be called or the wait is past its limit, yellow when busy."""
        return {"no_window": "red", "long_wait": "red", "busy": "yellow"}.get(self.state, "")


def _since(iso: str | None, now: dt.datetime) -> int | None:
    if not iso:
        return None
    return max(0, int((now - dt.datetime.fromisoformat(iso)).total_seconds()))


def window_rows(snap: dict[str, Any], now: dt.datetime, alert_after_min: float = 30.0) -> list[WindowRow]:
    rows = []
    for w in snap.get("windows", []):
        t = w.get("ticket") or {}
        secs = _since(t.get("started_at") or t.get("called_at"), now)
        rows.append(
            WindowRow(
                number=int(w["number"]),
                name=w["name"],
                status=STATUS_ZH.get(w["status"], w["status"]),
                clerk=w.get("clerk") or "—",
                ticket=t.get("number") or "—",
                busy_for=f"{secs // 60}:{secs % 60:02d}" if secs is not None else "—",
                alert=secs is not None and secs > alert_after_min * 60,
                status_code=str(w["status"]),
                site=w.get("site") or "",
            )
        )
    return rows


@dataclass(frozen=True)
class SiteRow:
    site: str
    windows: int
    open_windows: int
    serving: int


def site_rows(windows: list[WindowRow]) -> list[SiteRow]:
    """Per site (county center, township halls, village points): its windows, how many are open, serving."""
    by: dict[str, list[WindowRow]] = {}
    for w in windows:
        if w.site:
            by.setdefault(w.site, []).append(w)
    return [
        SiteRow(site, len(ws), sum(w.status_code in OPEN_STATUSES for w in ws), sum(w.status_code == "serving" for w in ws))
        for site, ws in by.items()
    ]


def queue_rows(snap: dict[str, Any], warn_after_min: float) -> list[QueueRow]:
    names = snap.get("categories") or {}
    longest = snap.get("longest_wait_s") or {}
    serving: dict[str, int] = {}
    for w in snap.get("windows", []):
        if w.get("status") in OPEN_STATUSES:
            for prefix in w.get("categories") or []:
                serving[prefix] = serving.get(prefix, 0) + 1
    rows = []
    for prefix, count in sorted((snap.get("waiting") or {}).items()):
        minutes = int(longest.get(prefix, 0)) // 60
        windows = serving.get(prefix, 0)
        if count > 0 and windows == 0:
            state = "no_window"
        elif count > 0 and minutes >= warn_after_min:
            state = "long_wait"
        elif windows and count > OVERLOADED_PER_WINDOW * windows:
            state = "busy"
        else:
            state = "ok"
        rows.append(
            QueueRow(prefix, names.get(prefix, ""), int(count), minutes, state in ("no_window", "long_wait"), windows, state)
        )
    return rows


def due_state(days_left: int) -> str:
    """A case's working days left as a state the console words and colours: overdue (red, never shown as a
    bare "-3"), due_today and due_soon (yellow, 2 working days or fewer), or "" (in time)."""
    if days_left < 0:
        return "overdue"
    if days_left == 0:
        return "due_today"
    return "due_soon" if days_left <= 2 else ""
