"""帮办代办's rules without a database: what the window refuses of an agent, and an investment project's
stages — their order, their dates, the working days they took on the hall's calendar (a weekend and the
2026 National Day holiday do not count), the project's due day and light against its target."""

from __future__ import annotations

import datetime as dt

from app.domain import agency_projects as ap
from app.domain.agency import Agency, AgentKind, check_agency
from app.domain.workdays import Light, WorkdayCalendar

D = dt.date
CAL = WorkdayCalendar.from_sources()
ZHANG, LI = "11010519491231002X", "440524188001010014"


def test_what_the_window_refuses_of_an_agent() -> None:
    ok = Agency(AgentKind.ENTRUSTED, "授权委托书", D(2026, 12, 31))
    today = D(2026, 12, 8)
    assert check_agency(ok, agent_id_number=LI, applicant_id_number=ZHANG, today=today) is None
    assert check_agency(Agency(AgentKind.HALL_AGENT, "代办委托书"), agent_id_number=LI, applicant_id_number=ZHANG, today=today) is None
    cases = {
        "agent_is_applicant": (ok, ZHANG.lower()),
        "authorisation_required": (Agency(AgentKind.ENTRUSTED, "  "), LI),
        "authorisation_too_long": (Agency(AgentKind.ENTRUSTED, "书" * 201), LI),
        "authorisation_expired": (Agency(AgentKind.ENTRUSTED, "授权委托书", D(2026, 12, 7)), LI),
    }
    for code, (agency, agent) in cases.items():
        got = check_agency(agency, agent_id_number=agent, applicant_id_number=ZHANG, today=today)
        assert got is not None and got.code == code
    # the last day of an entrustment still counts
    last = Agency(AgentKind.ENTRUSTED, "授权委托书", today)
    assert check_agency(last, agent_id_number=LI, applicant_id_number=ZHANG, today=today) is None


def _stages(*rows: tuple[str, str, D | None, D | None]) -> list[ap.Stage]:
    return [ap.Stage(i, n, ap.StageStatus(st), a, b) for i, (n, st, a, b) in enumerate(rows)]


def test_stages_go_one_after_another_and_never_back_in_time() -> None:
    st = _stages(("立项", "done", D(2026, 9, 1), D(2026, 9, 4)), ("施工许可", "pending", None, None), ("竣工验收", "pending", None, None))
    assert ap.can_start(st, 1, D(2026, 9, 4)) is None  # the day the one before ended
    assert ap.can_start(st, 1, D(2026, 9, 3)).code == "stage_date_order"  # type: ignore[union-attr]
    assert ap.can_start(st, 2, D(2026, 9, 10)).code == "stage_before_open"  # type: ignore[union-attr]
    assert ap.can_start(st, 0, D(2026, 9, 10)).code == "stage_not_pending"  # type: ignore[union-attr]
    assert ap.can_finish(st[1], D(2026, 9, 10)).code == "stage_not_active"  # type: ignore[union-attr]
    running = ap.Stage(1, "施工许可", ap.StageStatus.ACTIVE, D(2026, 9, 7))
    assert ap.can_finish(running, D(2026, 9, 6)).code == "stage_date_order"  # type: ignore[union-attr]
    assert ap.can_finish(running, D(2026, 9, 7)) is None
    assert ap.check_stage_names(["立项", " 立项 "]).code == "project_stage_names"  # type: ignore[union-attr]
    assert ap.check_stage_names([]).code == "project_stages_count"  # type: ignore[union-attr]
    assert ap.check_stage_names(ap.DEFAULT_STAGES) is None


def test_working_days_on_the_hall_calendar() -> None:
    # Friday 2026-09-25 → Friday 2026-10-09: 国庆 1–7 October off, Sunday 27 September and Saturday 10 October
    # are 调休 working days (the package's 2026 arrangement); the first day counts
    stage = ap.Stage(0, "立项", ap.StageStatus.DONE, D(2026, 9, 25), D(2026, 10, 9))
    expected = sum(CAL.is_workday(D(2026, 9, 25) + dt.timedelta(days=i)) for i in range(15))
    assert ap.stage_days(stage, D(2026, 12, 1), CAL) == expected
    assert expected < 11  # the holiday week did not count
    one = ap.Stage(0, "立项", ap.StageStatus.DONE, D(2026, 12, 7), D(2026, 12, 7))
    assert ap.stage_days(one, D(2026, 12, 8), CAL) == 1
    weekend = ap.Stage(0, "立项", ap.StageStatus.DONE, D(2026, 12, 4), D(2026, 12, 7))  # Friday → Monday
    assert ap.stage_days(weekend, D(2026, 12, 8), CAL) == 2
    assert ap.stage_days(ap.Stage(1, "x", ap.StageStatus.PENDING), D(2026, 12, 8), CAL) == 0


def test_a_projects_progress_against_its_target() -> None:
    st = _stages(("立项", "done", D(2026, 11, 2), D(2026, 11, 6)), ("施工许可", "active", D(2026, 11, 9), None), ("竣工验收", "pending", None, None))
    got = ap.progress(st, 37, D(2026, 11, 10), CAL, yellow_days=3)
    assert got.days_used == 5 + 2 and got.current == "施工许可" and not got.done
    assert got.due == CAL.add_working_days(D(2026, 11, 1), 37) and got.light == Light.GREEN
    late = ap.progress(st, 5, D(2026, 11, 10), CAL, yellow_days=3)
    assert late.light == Light.RED  # 5 working days from 2 November ended on the 6th
    finished = _stages(("立项", "done", D(2026, 11, 2), D(2026, 11, 6)))
    assert ap.progress(finished, 37, D(2026, 11, 10), CAL, 3).light is None  # done: no light
    assert ap.progress(_stages(("立项", "pending", None, None)), 37, D(2026, 11, 10), CAL, 3).due is None
