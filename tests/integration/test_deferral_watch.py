"""The 容缺 watch runs on its own inside a real center (issue 17): a 容缺 case accepted at a counter is
reminded the working day before its promised date and terminated the day after it, not before
`cases.deferral_sweep_from` in the morning, and the counter's cache follows. The watch's clock is set by
the test (never the real date or hour). Two watches at once (two center processes on PostgreSQL)
terminate a case once."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.center.deferral_watch import DeferralWatch
from app.center.events import EventBus
from app.center.seed import seed_demo
from app.config import CaseSettings, Settings
from app.counter.service import ApplicantIn
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.domain.clock import HALL_TZ, local_today
from app.domain.states import CaseStatus
from app.store import models as m
from tests.support.center import CenterServer
from tests.support.counter import counter_service, counter_terminal

LI = "440524188001010014"
RULES = CaseSettings(deferral_sweep_minutes=0.003, deferral_sweep_from=dt.time(7, 30))


@pytest.fixture
def center(db_url: str, tmp_path: Path) -> Iterator[CenterServer]:
    from app.demo.day import publish_next_year

    c = CenterServer(db_url, tmp_path / "center")
    c.settings = Settings(data_dir=tmp_path / "center", cases=RULES)
    with c.db.write_session() as s:
        seed_demo(s, load_catalog())
    with c:
        publish_next_year(c.url)
        yield c


def at(day: dt.date, hour: int) -> Callable[[], dt.datetime]:
    when = dt.datetime.combine(day, dt.time(hour), HALL_TZ)
    return lambda: when


def _rounds(watch: DeferralWatch, n: int = 3) -> None:
    """Wait until the watch has run `n` more rounds with its new clock."""
    start = watch.rounds
    deadline = time.monotonic() + 20
    while watch.rounds < start + n:
        assert time.monotonic() < deadline, "the watch did not run"
        time.sleep(0.02)


def _deferred_case(center: CenterServer, tmp_path: Path, promised_in: int = 2):  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    item = w1.search_items("企业设立登记")[0]
    checks = [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
              for c in w1.checklist(item)]
    i = next(n for n, c in enumerate(checks) if c.deferrable)
    promised = w1.calendar().add_working_days(local_today(), promised_in)
    checks[i] = dataclasses.replace(checks[i], originals_received=0, copies_received=0, deferred_until=promised)
    got = w1.accept(ApplicantIn("李四", LI), item, checks, Decision.DEFER)
    t1.engine.sync_once()
    return got, promised, w1, t1


def _steps(center: CenterServer, case_id) -> list[str | None]:  # type: ignore[no-untyped-def]
    with center.db.read_session() as s:
        return list(s.scalars(select(m.CaseTransition.step).where(m.CaseTransition.case_id == case_id)
                              .order_by(m.CaseTransition.at)))


def test_the_center_reminds_then_terminates_on_its_own(center: CenterServer, tmp_path: Path) -> None:
    got, promised, w1, t1 = _deferred_case(center, tmp_path)
    watch: DeferralWatch = center.app.state.deferral_watch
    cal = w1.calendar()
    day_before = cal.add_working_days(local_today(), 1)
    assert cal.working_days_between(day_before, promised) == 1

    watch.clock = at(day_before, 9)
    _rounds(watch)
    assert _steps(center, got.case_id).count("remind") == 1  # once, however many rounds ran
    watch.clock = at(promised, 16)  # the promised day itself: still on time
    _rounds(watch)
    after = promised + dt.timedelta(days=1)
    watch.clock = at(after, 6)  # the day after, before the hall's morning: not yet
    _rounds(watch)
    with center.db.read_session() as s:
        assert s.get(m.Case, got.case_id).status == CaseStatus.DEFERRED  # type: ignore[union-attr]
    watch.clock = at(after, 8)
    _rounds(watch)
    assert _steps(center, got.case_id).count("terminate") == 1
    with center.db.read_session() as s:
        assert s.get(m.Case, got.case_id).status == CaseStatus.TERMINATED  # type: ignore[union-attr]
        tasks = s.scalars(select(m.CaseTask.status).where(m.CaseTask.case_id == got.case_id)).all()
        assert tasks and set(tasks) == {"terminated"}
    t1.engine.sync_once()
    assert next(c for c in w1.cases() if c.id == got.case_id).status == "terminated"
    paper = w1.center_paper(got.case_id, "termination", got.case_number)
    assert paper.stat().st_size > 0
    t1.close()


def test_two_watches_at_once_terminate_a_case_once(center: CenterServer, tmp_path: Path) -> None:
    got, promised, _, t1 = _deferred_case(center, tmp_path, promised_in=1)
    center.app.state.deferral_watch.clock = at(local_today(), 9)  # the center's own: out of the way
    after = at(promised + dt.timedelta(days=1), 10)
    watches = [DeferralWatch(center.db, EventBus(center.db), RULES, clock=after) for _ in range(2)]
    answers: list[dict[str, list[str]] | None] = []
    threads = [threading.Thread(target=lambda w=w: answers.append(w.sweep())) for w in watches]
    for th in threads:
        th.start()
    for th in threads:
        th.join(20)
    assert sorted(len(a["terminated"]) for a in answers if a) == [0, 1]
    with center.db.read_session() as s:
        n = s.scalar(select(func.count()).select_from(m.CaseTransition)
                     .where(m.CaseTransition.case_id == got.case_id, m.CaseTransition.step == "terminate"))
    assert n == 1
    t1.close()


def test_the_watch_is_off_at_zero_minutes() -> None:
    from app.store.db import Database

    db = Database("sqlite://")
    watch = DeferralWatch(db, EventBus(db), CaseSettings(deferral_sweep_minutes=0))
    watch.start()  # no loop needed: nothing is scheduled
    assert watch._task is None
    db.dispose()
