"""The poison op on both databases (issue 13), through the real counter and the real console against a
real center: a record the center cannot apply is refused alone (the cases written after it reach the
center), the counter shows the clerk how many were refused and lists each with its reason, the manager's
console lists it, and once the manager marks it resolved the counter stops showing it. A phone number too
long for the center is refused at the counter before anything is written."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from app.center.seed import seed_demo
from app.config import Settings
from app.demo.day import publish_next_year
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.domain.clock import local_text
from app.protocol.ops import OpKind, build_payload, wire_payload
from app.store import models as m
from app.sync import outbox
from app.sync.client import CenterClient
from tests.support.center import CenterServer
from ui.counter.script import open_counter, settle, wait_state
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.console import ManagerConsole

ID = "440524188001010014"


@pytest.fixture
def center(db_url, tmp_path, qapp):  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(db_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def _settings(tmp: Path) -> Settings:
    return Settings(data_dir=tmp / "counter", keyring_file=tmp / "counter" / "k.cfg", hall_name="示范政务服务中心")


def _accept(win, phone: str = "13812345678") -> None:  # type: ignore[no-untyped-def]
    win.name_edit.setText("李四")
    win.id_edit.setText(ID)
    win.phone_edit.setText(phone)
    win.search.setText("个体工商户注册登记")
    settle(win)
    win.choose_item(win.results[0])
    win.receive_all()
    win.decide(Decision.ACCEPT)
    settle(win)


def _center_cases(center: CenterServer) -> set[str]:
    with center.db.read_session() as s:
        return set(s.scalars(select(m.Case.case_number)))


def _poison(win) -> uuid.UUID:  # type: ignore[no-untyped-def]
    """A case the protocol accepts but the center's database refuses (it names a clerk the center does not
    know), written on the counter's executor like any of its records."""
    cache = win.svc.term.cache

    def write() -> uuid.UUID:
        with cache.db.write_session() as s:
            applicant_id = s.scalars(select(m.Applicant.id)).first()
            item_id = s.scalars(select(m.ServiceItem.id)).first()
            bad = build_payload(
                OpKind.CASE_CREATE,
                id=uuid.uuid4(),
                case_number="H01-POISON-0001",
                item_id=item_id,
                applicant_id=applicant_id,
                staff_id=uuid.uuid4(),
                status="accepted",
                decision="accept",
                received_on=dt.date(2025, 9, 30),
                created_at=dt.datetime(2025, 9, 30, 2, tzinfo=dt.UTC),
            )
            return outbox.enqueue(s, OpKind.CASE_CREATE.value, wire_payload(bad))

    return win.runtime.submit(write).result(timeout=10)


def test_a_poison_op_is_refused_alone_shown_to_the_clerk_and_resolved_by_the_manager(center, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    win, _customer, svc = open_counter(
        center.url, _settings(tmp_path), tmp_path / "out", window=1, sync_interval=0.5, max_backoff=0.5
    )
    client = CenterClient(center.url)
    try:
        win.user.setText("clerk01")
        win.password.setText("clerk")
        win.login()
        settle(win)
        assert win.pages.currentIndex() == 1, win.login_message.text()

        # a 40-character phone: the clerk is told in words, nothing is written
        before = wait_state(win, lambda st: st.online and st.pending_ops == 0)
        _accept(win, phone="1" * 40)
        assert "联系电话过长" in win.message.text() and win.last is None
        with svc.term.cache.db.read_session() as s:
            assert s.scalars(select(m.Case)).first() is None
        assert win.runtime.state.get().pending_ops == before.pending_ops

        _accept(win)  # a good case first: its applicant reaches the center
        assert win.last is not None
        good = [win.last.case_number]
        wait_state(win, lambda st: st.online and st.pending_ops == 0)
        assert win.refused_bar.isHidden()

        center.stop()  # the bad record and the good ones behind it leave in one push
        try:
            bad_op = _poison(win)
            for _ in range(2):
                _accept(win)
                good.append(win.last.case_number)
            wait_state(win, lambda st: st.synced_once and not st.online and st.pending_ops >= 3)
        finally:
            center.start()
        wait_state(win, lambda st: st.online and st.pending_ops == 0 and st.rejected_ops == 1)
        assert _center_cases(center) == set(good)  # the ops after the bad one applied

        # the clerk sees it, in words, until a manager resolves it
        assert win.refused_bar.isVisible()
        assert "1" in win.refused_text.text() and "拒收" in win.refused_text.text()
        win.grab().save(str(tmp_path / "counter-refused.png"))
        win.refused_button.click()
        settle(win)
        dialog = win.refused_dialog
        assert dialog is not None and dialog.isVisible() and dialog.table.rowCount() == 1
        cells = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
        with svc.term.cache.db.read_session() as s:
            row = s.get(m.OutboxOp, bad_op)
            assert row is not None and row.status == "rejected" and row.last_error
            written = local_text(row.created_at)
            center_words = row.last_error
        assert cells[0] == "受理的办件" and cells[1] == "H01-POISON-0001" and cells[2] == written
        assert cells[3] == "其中有中心不认识的内容（如事项、人员）"
        assert cells[4] == center_words.splitlines()[0] and "foreign key" in cells[4].lower()
        dialog.grab().save(str(tmp_path / "counter-refused-list.png"))

        # the manager's console lists it and marks it resolved
        client.token = str(client.login_staff("manager", "manager").token)
        console = ManagerConsole(client, hall_name="测试中心", wait_warning_min=30, export_dir=tmp_path / "exp")
        qtbot.addWidget(console)
        page = console.conflicts
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.refresh()
        assert page.note.isHidden() and page.table.rowCount() == 1 and page.empty.isHidden()
        with center.db.read_session() as s:
            conflict = s.scalars(select(m.Conflict)).one()
            assert conflict.op_id == bad_op and not conflict.resolved
            at = local_text(conflict.at)
        cells = [page.table.item(0, c).text() for c in range(page.table.columnCount())]
        assert cells[:4] == ["counter-1", "受理的办件", "H01-POISON-0001", at]
        assert cells[4] == "其中有中心不认识的内容（如事项、人员）" and "foreign key" in cells[5].lower()
        console.tabs.setCurrentWidget(page)
        console.grab().save(str(tmp_path / "console-refused.png"))
        page.table.selectRow(0)
        page.resolve_note.setText("已电话告知窗口，重新受理")
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.resolve_button.click()
        assert page.table.rowCount() == 0 and page.note.isHidden() and not page.empty.isHidden()
        with center.db.read_session() as s:
            assert s.get(m.Conflict, conflict.id).resolved  # type: ignore[union-attr]
            audit = s.scalars(select(m.AuditEvent).where(m.AuditEvent.action == "conflict.resolved")).one()
            assert audit.object_id == str(conflict.id) and audit.detail["note"] == "已电话告知窗口，重新受理"
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.include_resolved.setChecked(True)  # still there for the record, greyed
        assert page.table.rowCount() == 1 and page.resolved == {str(conflict.id)}

        # … and the counter stops showing it at its next sync
        wait_state(win, lambda st: st.online and st.rejected_ops == 0)
        settle(win)
        assert win.refused_bar.isHidden()
        assert dialog.table.rowCount() == 0  # the open list follows
        with svc.term.cache.db.read_session() as s:
            row = s.get(m.OutboxOp, bad_op)
            assert row is not None and row.status == "resolved" and row.payload == {}
    finally:
        client.close()
        win.shutdown()
        svc.term.close()
