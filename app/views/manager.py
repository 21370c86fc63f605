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


@dataclass(frozen=True)
class QueueRow:
    prefix: str
    name: str
    waiting: int
    longest_wait_min: int
    warning: bool  # longest wait past the configured limit


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
            )
        )
    return rows


def queue_rows(snap: dict[str, Any], warn_after_min: float) -> list[QueueRow]:
    names = snap.get("categories") or {}
    longest = snap.get("longest_wait_s") or {}
    rows = []
    for prefix, count in sorted((snap.get("waiting") or {}).items()):
        minutes = int(longest.get(prefix, 0)) // 60
        rows.append(
            QueueRow(
                prefix, names.get(prefix, ""), int(count), minutes, count > 0 and minutes >= warn_after_min
            )
        )
    return rows
