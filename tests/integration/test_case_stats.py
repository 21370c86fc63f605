"""Case statistics dated by the hall's local day, on SQLite and PostgreSQL, with fixed dates: the day's
report equals a count by hand (including a case completed at 03:03 Beijing time, which is still the
previous day in UTC), and so do the month report's window breakdown and the week and year reports."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.center.case_stats import case_report, week_range, year_range
from app.center.supervision import month_range, report
from app.domain.states import CaseStatus, ItemKind
from app.store import models as m
from app.store.calendar_store import load_calendar
from tests.support.center import seed_minimal

BJ = ZoneInfo("Asia/Shanghai")
DAY = dt.date(2026, 12, 2)  # a Wednesday


def bj(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BJ)


# number: (decision, status, accepted (BJ), created (BJ), due, completed (BJ), window, terminated (BJ))
CASES: dict[str, tuple[str, CaseStatus, dt.datetime | None, dt.datetime, dt.date | None, dt.datetime | None, int, dt.datetime | None]] = {
    # completed at 03:03 Beijing time on 12-02 = 19:03 UTC on 12-01: early (due 12-04)
    "A1": ("accept", CaseStatus.APPROVED, bj(12, 1, 10), bj(12, 1, 10), dt.date(2026, 12, 4), bj(12, 2, 3, 3), 1, None),
    # a 即办件 accepted and decided on the spot: received and completed on time
    "A2": ("immediate", CaseStatus.APPROVED, bj(12, 2, 9), bj(12, 2, 9), DAY, bj(12, 2, 9), 1, None),
    "A3": ("accept", CaseStatus.ACCEPTED, bj(12, 2, 10), bj(12, 2, 10), dt.date(2026, 12, 7), None, 2, None),
    # decided (不予许可) after its due date: overdue
    "A4": ("accept", CaseStatus.DENIED, bj(11, 25, 10), bj(11, 25, 10), dt.date(2026, 11, 30), bj(12, 2, 15), 2, None),
    # 23:30 local is still 12-02 (15:30 UTC); 00:30 local on 12-03 is 16:30 UTC on 12-02 but the next day
    "A5": ("accept", CaseStatus.ACCEPTED, bj(12, 2, 23, 30), bj(12, 2, 23, 30), dt.date(2026, 12, 7), None, 1, None),
    "A6": ("accept", CaseStatus.ACCEPTED, bj(12, 3, 0, 30), bj(12, 3, 0, 30), dt.date(2026, 12, 8), None, 1, None),
    "R1": ("refuse", CaseStatus.REFUSED, bj(12, 2, 11), bj(12, 2, 11), None, None, 2, None),  # 退办
    "N1": ("notify", CaseStatus.NOTIFIED, None, bj(12, 2, 11, 30), None, None, 2, None),  # 一次性告知
    # 容缺 accepted in November, terminated on 12-02 (materials never supplied)
    "D1": ("defer", CaseStatus.TERMINATED, bj(11, 20, 10), bj(11, 20, 10), dt.date(2026, 11, 25), None, 1, bj(12, 2, 14)),
    "A7": ("accept", CaseStatus.APPROVED, bj(12, 1, 16), bj(12, 1, 16), dt.date(2026, 12, 4), bj(12, 1, 17), 2, None),
}


@pytest.fixture
def hall(migrated_db):  # type: ignore[no-untyped-def]
    seed_minimal(migrated_db)
    with migrated_db.write_session() as s:
        item = s.scalars(select(m.ServiceItem)).one()
        instant = m.ServiceItem(
            code="ITEM-002",
            name="个体工商户名称变更",
            department_id=item.department_id,
            kind=ItemKind.IMMEDIATE,
        )
        s.add(instant)
        s.flush()
        clerk = s.scalar(select(m.Staff).where(m.Staff.username == "clerk01"))
        for number, (decision, status, accepted, created, due, completed, window, ended) in CASES.items():
            a = m.Applicant(name="王五")
            s.add(a)
            s.flush()
            case = m.Case(
                case_number=number,
                item_id=instant.id if decision == "immediate" else item.id,
                applicant_id=a.id,
                window_number=window,
                staff_id=clerk.id if clerk and window == 1 else None,
                status=status,
                decision=decision,
                received_on=(accepted or created).astimezone(BJ).date(),
                accepted_at=accepted,
                due_date=due,
                completed_at=completed,
                created_at=created,
            )
            s.add(case)
            s.flush()
            if ended is not None:
                s.add(m.CaseTransition(case_id=case.id, from_status="deferred", to_status="terminated", at=ended))
    return migrated_db


def test_the_day_report_equals_a_count_by_hand(hall) -> None:  # type: ignore[no-untyped-def]
    with hall.read_session() as s:
        rep = case_report(s, DAY, DAY, cal=load_calendar(s))
    t = rep["total"]
    # by hand: received A2 A3 A5; completed A1 (early, 03:03 local) A2 (on time) A4 (overdue)
    assert t["received"] == 3
    assert (t["completed"], t["completed_early"], t["completed_on_time"], t["completed_overdue"]) == (3, 1, 1, 1)
    assert t["early_rate"] == 0.3333 and t["on_time_rate"] == 0.6667 and t["overdue_rate"] == 0.3333
    assert t["completion_rate"] == 0.3333  # of A2 A3 A5, A2 is done
    assert t["in_progress"] == 2  # A3, A5 (A6 is the next day's, D1 terminated)
    assert (t["returned"], t["notified"], t["terminated"]) == (1, 1, 1)
    assert rep["days"] == 1 and t["daily_average"] == 3.0
    windows = {w["label"]: w for w in rep["by"]["window"]}
    assert windows["1号窗口"]["received"] == 2 and windows["1号窗口"]["completed"] == 2  # A2 A5 / A1 A2
    assert windows["2号窗口"]["received"] == 1 and windows["2号窗口"]["completed"] == 1  # A3 / A4
    assert windows["2号窗口"]["returned"] == 1 and windows["1号窗口"]["terminated"] == 1
    items = {i["label"]: i for i in rep["by"]["item"]}
    assert items["个体工商户名称变更"]["completed_on_time"] == 1 and items["企业设立登记"]["received"] == 2
    (dept,) = rep["by"]["department"]
    assert dept["label"] == "市场监管" and dept["received"] == 3 and dept["completed"] == 3
    clerks = {c["label"]: c["received"] for c in rep["by"]["clerk"]}
    assert sum(clerks.values()) == 3 and len(clerks) == 2  # window 1's clerk and "not recorded"
    (d,) = rep["by_day"]
    assert d["date"] == "2026-12-02" and d["received"] == 3 and d["completed"] == 3


def test_the_previous_day_still_had_the_case_open(hall) -> None:  # type: ignore[no-untyped-def]
    with hall.read_session() as s:
        t = case_report(s, dt.date(2026, 12, 1), dt.date(2026, 12, 1))["total"]
    # received A1 A7, completed A7 only (A1 was completed at 03:03 local on 12-02, 19:03 UTC on 12-01)
    assert (t["received"], t["completed"], t["completed_on_time"] + t["completed_early"]) == (2, 1, 1)
    assert t["in_progress"] == 3  # A1, A4, D1


def test_week_month_and_year(hall) -> None:  # type: ignore[no-untyped-def]
    with hall.read_session() as s:
        week = case_report(s, *week_range(DAY))
        month = report(s, *month_range(2026, 12), target_wait_min=15)
        year = case_report(s, *year_range(2026))
    assert week["from"] == "2026-11-30" and week["to"] == "2026-12-06"
    assert week["total"]["received"] == 6  # A1 A2 A3 A5 A6 A7
    assert [d["received"] for d in week["by_day"]] == [0, 2, 3, 1, 0, 0, 0]
    cs = month["case_stats"]
    assert cs["total"]["received"] == 6 and cs["total"]["completed"] == 4  # A1 A2 A4 A7
    windows = {w["label"]: (w["received"], w["completed"]) for w in cs["by"]["window"]}
    assert windows == {"1号窗口": (4, 2), "2号窗口": (2, 2)}
    assert year["total"]["received"] == 8 and len(year["by_month"]) == 12
    assert {mo["month"]: mo["received"] for mo in year["by_month"] if mo["received"]} == {"2026-11": 2, "2026-12": 6}


def test_exports_carry_the_same_figures(hall, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io
    import subprocess

    from openpyxl import load_workbook

    from app.center.report_export import report_csv, report_xlsx
    from printers.report_pdf import render_report

    with hall.read_session() as s:
        rep = report(s, *month_range(2026, 12), target_wait_min=15)
    csv = report_csv(rep)
    assert "办件（按窗口）" in csv and "1号窗口,4," in csv and "按时办结率" in csv
    wb = load_workbook(io.BytesIO(report_xlsx(rep)))
    sheet = wb["办件（按窗口）"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["1号窗口"][1] == 4 and rows["2号窗口"][3] == 2  # received / completed
    assert wb["办件合计"]["B2"].value == 6
    pdf = render_report(rep, "章贡区政务服务中心", tmp_path / "r.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = "".join(text.split())
    assert "办件（按窗口）" in flat and "办件（按部门）" in flat and "1号窗口" in flat and "市场监管" in flat


@pytest.mark.parametrize(
    "now",
    [bj(12, 1, 0, 5), dt.datetime(2027, 1, 1, 0, 5, tzinfo=BJ), bj(12, 2, 23, 30), bj(12, 3, 23, 30)],
    ids=["1st-of-month", "new-year", "23:30-local", "next-day-23:30"],
)
def test_reports_do_not_depend_on_the_clock(hall, monkeypatch, now) -> None:  # type: ignore[no-untyped-def]
    """The fake clock (every `local_today()` reads `clock.utcnow`): the 1st of a month, 23:30 local."""
    from app.domain import clock

    monkeypatch.setattr(clock, "utcnow", lambda: now.astimezone(dt.UTC))
    with hall.read_session() as s:
        day = case_report(s, DAY, DAY)["total"]
        month = report(s, *month_range(2026, 12), target_wait_min=15)["case_stats"]["total"]
    assert (day["received"], day["completed"], day["in_progress"]) == (3, 3, 2)
    assert (month["received"], month["completed"]) == (6, 4)


def test_a_notice_then_its_acceptance(hall) -> None:  # type: ignore[no-untyped-def]
    """一次性告知 on 12-01; the applicant brings the materials on 12-02 and the same case is accepted: a
    notice on 12-01, received (and in progress) on 12-02 — counted once each, never lost."""
    with hall.write_session() as s:
        item = s.scalars(select(m.ServiceItem).where(m.ServiceItem.code == "ITEM-001")).one()
        a = m.Applicant(name="赵六")
        s.add(a)
        s.flush()
        s.add(m.Case(case_number="N2", item_id=item.id, applicant_id=a.id, window_number=2, status=CaseStatus.ACCEPTED,
                     decision="notify", received_on=DAY, accepted_at=bj(12, 2, 10, 30), due_date=dt.date(2026, 12, 7),
                     created_at=bj(12, 1, 11)))
    with hall.read_session() as s:
        before = case_report(s, dt.date(2026, 12, 1), dt.date(2026, 12, 1))["total"]
        day = case_report(s, DAY, DAY)
    assert (before["received"], before["notified"], before["in_progress"]) == (2, 1, 3)  # A1 A7 / N2 / A1 A4 D1
    t = day["total"]
    assert (t["received"], t["notified"], t["in_progress"]) == (4, 1, 3)  # + N2 / N1 only / A3 A5 N2
    assert t["completion_rate"] == 0.25 and day["by_day"][0]["received"] == 4
    assert {w["label"]: w["received"] for w in day["by"]["window"]}["2号窗口"] == 2  # A3, N2
