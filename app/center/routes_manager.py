"""The manager's API: supervision lights, rectifications and call-backs, reports (JSON, CSV)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from app.center.api_errors import ApiError
from app.center.audit import append_center_event
from app.center.case_stats import week_range, year_range
from app.center.context import CenterContext
from app.center.deps import ctx, read_db, require
from app.center.report_export import report_csv, report_xlsx
from app.center.security import Principal
from app.center.supervision import lights, month_range, rated_case, rectifications, report
from app.domain.clock import local_today, utcnow
from app.domain.events import Event
from app.i18n.messages import msg
from app.store import models as m

router = APIRouter(prefix="/api/v1", tags=["manager"])


def _checked(day: dt.date | None) -> dt.date | None:
    if day is not None and not 2000 <= day.year <= 2100:
        raise ApiError(422, "invalid_request", f"date out of range: {day}")
    return day


@router.get("/supervision")
def supervision(
    date: dt.date | None = Query(None),
    _: Principal = Depends(require("manager", "clerk")),
    s: Session = Depends(read_db),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    return lights(s, _checked(date) or local_today(), c.settings.supervision.yellow_working_days)


@router.get("/rectifications")
def list_rectifications(
    include_closed: bool = False, _: Principal = Depends(require("manager")), s: Session = Depends(read_db)
) -> list[dict[str, Any]]:
    return rectifications(s, include_closed=include_closed)


class RevealIn(BaseModel):
    reason: str = Field(min_length=2, max_length=200)  # why the manager needs the full number (logged)


@router.post("/rectifications/{rect_id}/phone")
def reveal_phone(
    rect_id: uuid.UUID,
    body: RevealIn,
    who: Principal = Depends(require("manager")),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """The rated citizen's full phone number, for the call-back of a bad rating (实名差评回访). Shown masked
    everywhere else; each reveal is written to the center's audit chain with who, when and why."""
    with c.db.write_session() as s:
        rect = s.get(m.Rectification, rect_id)
        rating = s.get(m.Rating, rect.rating_id) if rect is not None else None
        if rect is None or rating is None:
            raise ApiError(404, "not_found", "no such rectification")
        case = rated_case(s, rating)
        phone = c.cipher.decrypt(case.applicant.phone_enc) if case and case.applicant.phone_enc else None
        if not phone:
            raise ApiError(404, "no_phone", msg("no_phone"))
        append_center_event(
            s,
            who.subject,
            "rating.phone_revealed",
            object_type="rectification",
            object_id=str(rect_id),
            detail={"case_number": case.case_number if case else None, "reason": body.reason},
        )
        return {"phone": phone, "case_number": case.case_number if case else None}


class RectifyIn(BaseModel):
    measures: str | None = Field(None, max_length=2000)
    callback_result: str | None = Field(None, max_length=2000)
    status: str | None = Field(None, pattern="^(open|done|appealed|void)$")
    appeal_reason: str | None = Field(None, max_length=2000)


@router.post("/rectifications/{rect_id}")
def record_rectification(
    rect_id: uuid.UUID,
    body: RectifyIn,
    who: Principal = Depends(require("manager")),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    """Record the measures, the call-back to the citizen (实名差评回访), or an appeal; `done` needs both."""
    with c.db.write_session() as s:
        rect = s.get(m.Rectification, rect_id)
        if rect is None:
            raise ApiError(404, "not_found", "no such rectification")
        if body.measures is not None:
            rect.measures = body.measures
        if body.callback_result is not None:
            rect.callback_result, rect.callback_at = body.callback_result, utcnow()
            rect.callback_by = uuid.UUID(who.staff_id) if who.staff_id else None
        if body.appeal_reason is not None:
            rect.appeal_reason = body.appeal_reason
        if body.status is not None:
            if body.status == "done" and not (rect.measures and rect.callback_result):
                raise ApiError(
                    409,
                    "incomplete",
                    msg("rectification_incomplete"),
                )
            rect.status = body.status
            rect.closed_at = utcnow() if body.status in ("done", "void") else None
        append_center_event(
            s,
            who.subject,
            "rectification.update",
            object_type="rectification",
            object_id=str(rect_id),
            detail={"status": rect.status},
        )
        c.bus.publish(s, Event.RECTIFICATION_UPDATED, {"id": str(rect_id), "status": rect.status})
        return {
            "id": str(rect.id),
            "status": rect.status,
            "measures": rect.measures,
            "callback_result": rect.callback_result,
        }


@router.get("/reports")
def get_report(
    date: dt.date | None = Query(None),
    month: str | None = Query(None, pattern=r"^\d{4}-\d{2}$"),
    week: dt.date | None = Query(None, description="any day of the week (Monday to Sunday)"),
    year: int | None = Query(None, ge=2000, le=2100),
    format: str = Query("json", pattern="^(json|csv|xlsx|pdf)$"),
    _: Principal = Depends(require("manager")),
    s: Session = Depends(read_db),
    c: CenterContext = Depends(ctx),
) -> Any:
    if month:
        year, mon = int(month[:4]), int(month[5:])
        if not (2000 <= year <= 2100 and 1 <= mon <= 12):
            raise ApiError(422, "invalid_request", f"month out of range: {month}")
        first, last = month_range(year, mon)
    elif week is not None:
        first, last = week_range(_checked(week) or week)
    elif year is not None:
        first, last = year_range(year)
    else:
        first = last = _checked(date) or local_today()
    rep = report(s, first, last, c.settings.queue.service_level_target_minutes)
    label = month or (f"{year}" if year is not None else first.isoformat() + ("-week" if week else ""))
    if format == "xlsx":
        return Response(
            report_xlsx(rep),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": f'attachment; filename="hall-report-{label}.xlsx"'},
        )
    if format == "pdf":
        import tempfile
        from pathlib import Path

        from printers.report_pdf import render_report

        with tempfile.TemporaryDirectory() as tmp:
            data = render_report(rep, c.settings.hall_name, Path(tmp) / "report.pdf").read_bytes()
        return Response(
            data,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="hall-report-{label}.pdf"'},
        )
    if format == "csv":
        name = f"hall-report-{label}.csv"
        return Response(
            "\ufeff" + report_csv(rep),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
    return rep
