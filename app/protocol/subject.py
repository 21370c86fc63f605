"""What record an op is about, in a few characters a clerk or a manager recognises (a case number, a
ticket number, a masked name), read from its payload as stored or pushed. Never a personal field in
clear: ID and phone numbers are sealed on terminals and are not used here; a name is masked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.idnumber import mask_name, redact_text
from app.protocol.ops import OpKind


def op_subject(kind: str, payload: Any, case_numbers: Mapping[str, str] | None = None) -> str:
    """`case_numbers` maps case ids to their numbers (a transition names its case by id only)."""
    if not isinstance(payload, dict):
        return ""
    p, numbers = payload, case_numbers or {}

    def text(key: str) -> str:
        value = p.get(key)
        return "" if value is None else redact_text(str(value))[:60]

    if kind == OpKind.CASE_CREATE:
        return text("case_number")
    if kind == OpKind.CASE_TRANSITION:
        case = numbers.get(str(p.get("case_id")), "")
        step = " → ".join(x for x in (text("from"), text("to")) if x)
        return " ".join(x for x in (case, step) if x)
    if kind == OpKind.APPLICANT_CREATE:
        if p.get("kind") == "company" and p.get("company_name"):
            return text("company_name")  # a company's name is public; a person's is masked
        return mask_name(str(p.get("name") or ""))
    if kind == OpKind.OFFLINE_TICKET:
        return text("number")
    if kind == OpKind.RATING_CREATE:
        return f"{text('level')}/5" if p.get("level") is not None else ""
    if kind == OpKind.AUDIT_APPEND:
        return " ".join(x for x in (f"#{text('seq')}" if p.get("seq") else "", text("action")) if x)
    if kind == OpKind.FEEDBACK_CREATE:
        return text("topic")
    return ""
