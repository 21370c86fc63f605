"""A hypothesis state machine drives the queue engine (on a real SQLite file) against a small model of the
rules: call order (priority, appointment, category position, time), no ticket at two windows, recalls
within the limit, no-shows returning behind K, transfers, pauses."""

from __future__ import annotations

import datetime as dt
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from app.center import queue as q
from app.config import QueueSettings
from app.domain.clock import local_today
from app.domain.states import WindowStatus
from app.store import migrate
from app.store import models as m
from app.store.db import Database
from tests.support.center import seed_minimal

CFG = QueueSettings(recall_limit=2, noshow_requeue_after=2)


@dataclass
class MTicket:
    id: uuid.UUID
    category: str
    priority: bool
    appointment: bool
    order: float  # the model's queue time
    status: str = "waiting"
    window: int | None = None
    recalls: int = 0


@dataclass
class Model:
    tickets: dict[uuid.UUID, MTicket] = field(default_factory=dict)
    paused: set[int] = field(default_factory=set)
    clock: float = 0.0

    def waiting(self, category: str) -> list[MTicket]:
        return sorted(
            (t for t in self.tickets.values() if t.status == "waiting" and t.category == category),
            key=lambda t: (not t.priority, not t.appointment, t.order),
        )

    def next_for(self, window: int, cats: list[str]) -> MTicket | None:
        pool = [t for t in self.tickets.values() if t.status == "waiting" and t.category in cats]
        if not pool:
            return None
        return min(pool, key=lambda t: (not t.priority, not t.appointment, cats.index(t.category), t.order))

    def current(self, window: int) -> MTicket | None:
        return next(
            (t for t in self.tickets.values() if t.window == window and t.status in ("called", "serving")),
            None,
        )


WINDOW_CATS = {1: ["A", "B"], 2: ["A", "B"]}  # seed_minimal: both windows serve A then B


class QueueMachine(RuleBasedStateMachine):
    @initialize()
    def setup(self) -> None:
        self.tmp = tempfile.mkdtemp()
        self.db = Database(f"sqlite:///{Path(self.tmp) / 'q.db'}")
        migrate.upgrade(self.db.engine)
        seed_minimal(self.db)
        with self.db.write_session() as s:
            for win in s.query(m.Window):
                win.status = WindowStatus.IDLE
        self.model = Model()
        self.now = dt.datetime.now(dt.UTC).replace(hour=3)  # 11:00 in the hall
        self.appointments = 0

    def teardown(self) -> None:
        if hasattr(self, "db"):
            self.db.dispose()

    def tick(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=7)
        self.model.clock += 1
        return self.now

    @rule(category=st.sampled_from(["A", "B"]), priority=st.booleans(), appointment=st.booleans())
    def issue(self, category: str, priority: bool, appointment: bool) -> None:
        code = None
        now = self.tick()
        with self.db.write_session() as s:
            if appointment:
                self.appointments += 1
                code = f"Y{self.appointments:04d}"
                cat = s.query(m.Category).filter_by(prefix=category).one()
                s.add(
                    m.Appointment(
                        code=code,
                        category_id=cat.id,
                        day=local_today(now),
                        slot_start=now,
                        slot_end=now + dt.timedelta(minutes=30),
                    )
                )
                s.flush()
            got = q.issue_ticket(s, CFG, category, priority=priority, appointment_code=code, now=now)
            tid = got.ticket.id
            ahead = got.waiting_ahead
        t = MTicket(tid, category, priority, appointment, self.model.clock)
        self.model.tickets[tid] = t
        key = (not priority, not appointment, t.order)
        assert ahead == sum(
            1
            for o in self.model.waiting(category)
            if o.id != tid and (not o.priority, not o.appointment, o.order) <= key
        )

    @rule(window=st.sampled_from([1, 2]))
    def call_next(self, window: int) -> None:
        expected = (
            None
            if (window in self.model.paused or self.model.current(window))
            else self.model.next_for(window, WINDOW_CATS[window])
        )
        try:
            with self.db.write_session() as s:
                got = q.call_next(s, window, None, now=self.tick())
                got_id = got.id if got else None
        except q.QueueError as exc:
            assert exc.code in ("window_paused", "window_busy")
            assert window in self.model.paused or self.model.current(window) is not None
            return
        assert got_id == (expected.id if expected else None)
        if expected:
            expected.status, expected.window = "called", window

    def _called_or_serving(self, status: str) -> list[MTicket]:
        return [t for t in self.model.tickets.values() if t.status == status]

    @precondition(lambda self: any(t.status == "called" for t in self.model.tickets.values()))
    @rule(data=st.data())
    def recall(self, data: st.DataObject) -> None:
        t = data.draw(st.sampled_from(self._called_or_serving("called")))
        try:
            with self.db.write_session() as s:
                q.recall(s, CFG, t.id, t.window)
            assert t.recalls < CFG.recall_limit
            t.recalls += 1
        except q.QueueError as exc:
            assert exc.code == "recall_limit" and t.recalls >= CFG.recall_limit

    @precondition(lambda self: any(t.status == "called" for t in self.model.tickets.values()))
    @rule(data=st.data())
    def no_show(self, data: st.DataObject) -> None:
        t = data.draw(st.sampled_from(self._called_or_serving("called")))
        with self.db.write_session() as s:
            q.no_show(s, t.id, t.window)
        t.status, t.window = "no_show", None

    @precondition(lambda self: any(t.status == "no_show" for t in self.model.tickets.values()))
    @rule(data=st.data())
    def come_back(self, data: st.DataObject) -> None:
        t = data.draw(st.sampled_from(self._called_or_serving("no_show")))
        waiting = self.model.waiting(t.category)
        with self.db.write_session() as s:
            q.come_back(s, CFG, t.id, now=self.tick())
        k = CFG.noshow_requeue_after
        t.priority, t.appointment = False, False
        t.status = "waiting"
        # behind the K-th waiting ticket: exactly K go before it
        t.order = waiting[k - 1].order + 1e-6 if 0 < k <= len(waiting) else self.model.clock + 0.5
        with self.db.read_session() as s:
            row = s.get(m.Ticket, t.id)
            assert row is not None and not row.priority
            t.appointment = row.appointment_id is not None

    @precondition(lambda self: any(t.status in ("called", "serving") for t in self.model.tickets.values()))
    @rule(data=st.data())
    def finish(self, data: st.DataObject) -> None:
        t = data.draw(
            st.sampled_from([x for x in self.model.tickets.values() if x.status in ("called", "serving")])
        )
        with self.db.write_session() as s:
            q.finish(s, t.id, t.window)
        t.status, t.window = "done", None

    @precondition(lambda self: any(t.status in ("waiting", "called") for t in self.model.tickets.values()))
    @rule(data=st.data())
    def transfer(self, data: st.DataObject) -> None:
        t = data.draw(
            st.sampled_from([x for x in self.model.tickets.values() if x.status in ("waiting", "called")])
        )
        target = "B" if t.category == "A" else "A"
        with self.db.write_session() as s:
            new = q.transfer(s, CFG, t.id, t.window, category=target)
            new_id = new.id
        t.status, t.window = "transferred", None
        self.model.tickets[new_id] = MTicket(new_id, target, t.priority, t.appointment, t.order)

    @rule(window=st.sampled_from([1, 2]))
    def pause_or_resume(self, window: int) -> None:
        try:
            with self.db.write_session() as s:
                if window in self.model.paused:
                    q.set_window_status(s, window, WindowStatus.IDLE)
                else:
                    q.set_window_status(s, window, WindowStatus.PAUSED)
        except q.QueueError as exc:
            assert exc.code == "window_busy" and self.model.current(window) is not None
            return
        self.model.paused ^= {window}

    @invariant()
    def same_statuses_and_one_ticket_per_window(self) -> None:
        if not hasattr(self, "db"):
            return
        with self.db.read_session() as s:
            rows = {t.id: t for t in s.query(m.Ticket)}
        assert {k: v.status for k, v in self.model.tickets.items()} == {
            k: v.status.value for k, v in rows.items()
        }
        busy = [t.window_number for t in rows.values() if t.status.value in ("called", "serving")]
        assert len(busy) == len(set(busy)), "a window holds two tickets"


QueueMachine.TestCase.settings = settings(
    max_examples=40,
    stateful_step_count=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
test_queue_rules = QueueMachine.TestCase
