"""The access log as rows for the admin's console: time, who, what, on what, why (Qt-free)."""

from __future__ import annotations

from typing import Any

from app.domain.clock import local_text

ACTION_LABELS_ZH = {
    "login": "登录",
    "login.failed": "登录失败",
    "login.card_failed": "刷卡登录失败",
    "login.terminal": "终端登录",
    "login.terminal_failed": "终端登录失败",
    "login.terminal_refused": "终端登录被拒",
    "terminal.enroll": "终端申请注册",
    "terminal.enroll_refused": "终端注册被拒",
    "terminal.approved": "终端已批准",
    "terminal.approve_refused": "批准被拒（注册码不符）",
    "terminal.revoked": "终端已吊销",
    "staff.role_change": "角色变更",
    "staff.card": "登记工作证件",
    "access.refused": "拒绝访问",
}
REFUSALS = {"login.failed", "login.card_failed", "login.terminal_failed", "login.terminal_refused",
            "terminal.enroll_refused", "terminal.approve_refused", "access.refused"}


def _detail(action: str, detail: dict[str, Any]) -> str:
    if action == "staff.role_change":
        return f"{detail.get('from', '?')} → {detail.get('to', '?')}"
    parts = [f"{k}={v}" for k, v in detail.items()
             if k in ("reason", "status", "kind", "client", "window", "name") and v is not None]
    return ", ".join(parts)


def access_rows(lines: list[dict[str, Any]]) -> list[tuple[list[str], bool]]:
    """(cells, is_refusal) per line: time, actor, action, object, detail."""
    out: list[tuple[list[str], bool]] = []
    for line in lines:
        action = str(line.get("action", ""))
        label = f"{ACTION_LABELS_ZH[action]} · {action}" if action in ACTION_LABELS_ZH else action
        obj = " ".join(str(x) for x in (line.get("object_type"), line.get("object_id")) if x)
        cells = [
            local_text(line.get("at")),  # the hall's clock, not UTC
            str(line.get("actor", "")),
            label,
            obj,
            _detail(action, dict(line.get("detail") or {})),
        ]
        out.append((cells, action in REFUSALS))
    return out
