"""The calendar in the database: package years seeded, an admin enters a new year through the API or
the CLI, and a terminal's pulled copy answers the same due dates."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from app.cli.main import main
from app.domain.workdays import UnknownCalendarYear
from app.store.calendar_store import load_calendar
from tests.support.center import CenterServer, seed_minimal


def test_admin_enters_2030_and_terminals_follow(db_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.integration.test_replication import make_terminal

    with CenterServer(db_url, tmp_path / "c") as center:
        seed_minimal(center.db)
        with center.db.read_session() as s, pytest.raises(UnknownCalendarYear):
            load_calendar(s).add_working_days(dt.date(2030, 9, 30), 1)
        token = httpx.post(
            f"{center.url}/api/v1/auth/login", json={"username": "admin", "password": "admin"}
        ).json()["token"]
        days = [{"day": f"2030-10-0{i}", "is_workday": False, "name": "国庆节"} for i in range(1, 8)]
        days.append({"day": "2030-10-12", "is_workday": True, "name": "调休上班"})
        r = httpx.put(
            f"{center.url}/api/v1/calendar/2030",
            json={"days": days},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert r.status_code == 200, r.text
        bad = httpx.put(
            f"{center.url}/api/v1/calendar/2030",
            json={"days": [{"day": "2031-01-01", "is_workday": False}]},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert bad.status_code == 422
        with center.db.read_session() as s:
            assert load_calendar(s).add_working_days(dt.date(2030, 9, 30), 5) == dt.date(
                2030, 10, 12
            )  # 8, 9, 10, 11 and make-up Sat 12
        term = make_terminal(center, tmp_path)
        term.engine.sync_once()
        with term.cache.db.read_session() as s:
            cal = load_calendar(s)
            assert cal.add_working_days(dt.date(2030, 9, 30), 5) == dt.date(
                2030, 10, 12
            )  # 8, 9, 10, 11 and make-up Sat 12
            assert cal.is_workday(dt.date(2030, 10, 12))
        term.close()


def test_cli_enter_year_then_due(sqlite_url, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["db", "upgrade", "--db", sqlite_url]) == 0
    assert main(["calendar", "due", "2030-09-30", "5", "--db", sqlite_url]) == 1
    assert (
        main(
            [
                "calendar",
                "enter-year",
                "2030",
                "--db",
                sqlite_url,
                *[f"--holiday=2030-10-0{i}:国庆节" for i in range(1, 8)],
                "--workday=2030-10-12",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["calendar", "due", "2030-09-30", "5", "--db", sqlite_url]) == 0
    assert capsys.readouterr().out.strip() == "2030-10-12"
    assert main(["calendar", "is-workday", "2030-10-12", "--db", sqlite_url]) == 0
    assert capsys.readouterr().out.strip() == "yes"
    assert main(["calendar", "enter-year", "2030", "--db", sqlite_url, "--holiday=2031-01-01"]) == 1
