"""A scripted visit at one counter, driven through the real window (clicks, typed text, shortcuts)
against a live center: login, call, ID card, item search, checklist with one 容缺 material, decision,
rating on the customer window, a refusal, a 一次性告知, the case list. Writes a PNG of every screen.
Used by `hall counter --screenshots` and the offscreen demo day."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop

from app.config import Settings
from app.counter.service import CounterService
from app.demo.day import StaffSession
from app.domain.acceptance import Decision
from app.runtime import TerminalRuntime, TerminalState
from app.sync.terminal import cache_path, enroll, open_terminal
from printers.escpos.printer import EscposPrinter
from ui.counter.customer import CustomerWindow
from ui.counter.window import CounterWindow


def settle(win: CounterWindow, timeout_s: float = 20.0) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    while True:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if win.busy == 0:
            app.processEvents()
            if win.busy == 0:
                return
        if time.monotonic() > deadline:
            raise TimeoutError("counter still busy")
        time.sleep(0.01)


def wait_state(win: CounterWindow, ok: Callable[[TerminalState], bool], timeout_s: float = 20.0) -> TerminalState:
    """Until the runtime's state satisfies `ok` (its snapshots reach the window through the bridge)."""
    app = QCoreApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    win.runtime.wake_sync()
    while True:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        st = win.runtime.state.get()
        if ok(st) and win.state_seen >= st.version:  # … and the window has shown it
            return st
        if time.monotonic() > deadline:
            raise TimeoutError(f"counter state never as expected: {st}")
        time.sleep(0.02)


def open_counter(
    center_url: str,
    settings: Settings,
    out: Path,
    *,
    window: int,
    name: str | None = None,
    read_card: Callable[[], Any] | None = None,
    printer_url: str | None = None,
    documents: Path | None = None,
    sync_interval: float = 5.0,
    max_backoff: float = 30.0,
) -> tuple[CounterWindow, CustomerWindow, CounterService]:
    name = name or f"counter-{window}"
    if not cache_path(settings, name).exists():
        enroll(settings, center_url, "counter", name, admin_user="admin", admin_password="admin")
    term = open_terminal(settings, name)
    term.engine.sync_once()
    printer = EscposPrinter(printer_url or f"sim://{out / 'receipts'}", width_mm=80)
    svc = CounterService(term, settings, window=window, receipt_printer=printer, documents_dir=documents or out / "documents")
    customer = CustomerWindow(window, settings.hall_name)
    runtime = TerminalRuntime(term, sync_interval=sync_interval, max_backoff=max_backoff)
    win = CounterWindow(svc, customer, read_card=read_card, runtime=runtime, owns_runtime=True)
    win.resize(1440, 900)
    customer.resize(1024, 600)
    win.show()
    customer.show()
    return win, customer, svc


def run_counter_script(
    center_url: str,
    settings: Settings,
    out: Path,
    *,
    window: int = 1,
    read_card: Callable[[], Any] | None = None,
    name: str | None = None,
    printer_url: str | None = None,
    documents: Path | None = None,
) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    win, customer, svc = open_counter(
        center_url, settings, out, window=window, read_card=read_card, name=name, printer_url=printer_url, documents=documents
    )
    shots: list[str] = []

    def shot(name: str, widget: Any = None) -> None:
        settle(win)
        path = out / f"counter-{name}.png"
        (widget or win).grab().save(str(path))
        shots.append(path.name)
        print(path)

    shot("login")
    win.user.setText(f"clerk{window:02d}")
    win.password.setText("clerk")
    win.login()
    settle(win)
    kiosk = StaffSession(center_url, "manager", "manager")
    prefix = svc.queue_status()["names"]
    cat = next(iter(prefix))
    for _ in range(3):
        kiosk.post("/tickets", category=cat)
    win.call_next()
    settle(win)
    svc.start()
    shot("called")
    shot("customer-serving", customer)
    if read_card is not None:
        win.read_id_card()
        settle(win)
    else:
        win.name_edit.setText("张三")
        win.id_edit.setText("11010519491231002X")
    win.phone_edit.setText("13812345678")
    win.search.setText("qybg")
    settle(win)
    shot("item-search")
    win.choose_item(win.results[0])
    win.receive_all()
    deferrable = next(i for i, c in enumerate(win.checks) if c.deferrable)
    win.set_received(deferrable, 0, 0)
    win.set_deferred(deferrable, win.svc.default_deferral_date())
    shot("checklist")
    shot("customer-confirm", customer)
    win.decide(Decision.DEFER)
    settle(win)
    accepted = win.last
    shot("accepted")
    win.finish()
    settle(win)
    shot("customer-rating", customer)
    customer.level_buttons[5].click()
    settle(win)
    shot("customer-thanks", customer)
    # a refusal
    win.call_next()
    settle(win)
    win.name_edit.setText("李四")
    win.id_edit.setText("440524188001010014")
    win.search.setText("食品经营许可")
    settle(win)
    win.choose_item(win.results[0])
    win.reason.setText("申请事项依法不需要取得行政许可")
    win.basis.setText("《中华人民共和国行政许可法》第三十二条第一款第（一）项")
    win.decide(Decision.REFUSE)
    settle(win)
    refused = win.last
    win.finish()
    settle(win)
    customer.level_buttons[2].click()
    settle(win)
    # a one-time notice
    win.call_next()
    settle(win)
    win.name_edit.setText("王芳")
    win.id_edit.setText("36070219920315002X")
    win.search.setText("小餐饮")
    settle(win)
    win.choose_item(win.results[0])
    for row in range(1, len(win.checks)):  # only the first material came: the others are told at once
        win.set_received(row, 0, 0)
    win.decide(Decision.NOTIFY)
    settle(win)
    notified = win.last
    win.finish()
    settle(win)
    win.tabs.setCurrentIndex(1)
    win.refresh_cases()
    shot("cases")
    win.tabs.setCurrentIndex(0)
    wait_state(win, lambda st: st.online and st.pending_ops == 0)
    result = {
        "shots": shots,
        "cases": [c.case_number for c in (accepted, refused, notified) if c is not None],
        "documents": [str(p) for c in (accepted, refused, notified) if c is not None for p in c.documents],
    }
    win.shutdown()
    svc.term.close()
    return result
