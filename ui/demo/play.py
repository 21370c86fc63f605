"""One terminal's part of the scripted demo day, run in its own process (offscreen) by
`app.demo.hall_day.DemoHall`: it uses the real widgets, the real terminal cache, the simulated reader (real
GA 467 bytes) and the simulated printers, writes its screenshots and prints one JSON report line."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.config import Settings
from app.sync.terminal import open_terminal


def _shoot(widget: Any, out: Path, name: str) -> str:
    path = out / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    return path.name


def play_kiosk(settings: Settings, out: Path, *, appointment: str | None, offline: bool) -> dict[str, Any]:
    from app.devices.idcard.sim import get_sim
    from kiosk.backend import KioskBackend
    from kiosk.reader import start_reader
    from kiosk.shell import KioskShell
    from kiosk.tour import settle, tap, type_keys
    from printers.escpos.printer import EscposPrinter

    term = open_terminal(settings, "kiosk-1")
    printer = EscposPrinter(settings.devices.ticket_printer_url, width_mm=80)
    backend = KioskBackend(term, hall_name=settings.hall_name, printer=printer, public_url=settings.public_url)
    online = backend.sync()
    shell = KioskShell(backend, settings.kiosk, hall_name=settings.hall_name)
    shell.resize(1080, 1920)
    shell.show()
    reader = start_reader("sim://demo-kiosk?card=none", shell.card)
    device = get_sim("demo-kiosk")
    shots: list[str] = []
    tickets: list[str] = []

    def take(category_name: str, card: str | None, phone: str = "") -> str:
        shell.open("ticket")
        settle(shell)
        tap(shell, category_name)
        if card is not None:
            device.place(card)
            deadline = time.monotonic() + 10
            while shell.page.flow.state == "card" and time.monotonic() < deadline:  # type: ignore[attr-defined]
                settle(shell)
                time.sleep(0.02)
            settle(shell)
            device.remove()
            time.sleep(0.4)  # the poller sees the card lifted
        elif shell.page.flow.state == "card":  # type: ignore[attr-defined]
            tap(shell, QCoreApplication.translate("TicketPage", "Continue without ID card"))
        settle(shell)
        if shell.page.flow.state == "phone":  # type: ignore[attr-defined]  # 「快到号时短信提醒」 (kiosk.sms_reminder)
            if phone and not offline:
                type_keys(shell, phone)
                tap(shell, "☐ " + QCoreApplication.translate("TicketPage", "I agree"))
                tap(shell, QCoreApplication.translate("TicketPage", "Remind me by SMS"))
            else:
                tap(shell, QCoreApplication.translate("TicketPage", "No reminder, take the ticket"))
            settle(shell)
        flow = shell.page.flow  # type: ignore[attr-defined]
        if flow.ticket is not None:
            tickets.append(flow.ticket.number)
        return str(flow.state)

    try:
        if offline:
            shell.second()
            take("企业开办", None)
            shots.append(_shoot(shell, out, "kiosk-offline-ticket"))
            return {"online": online, "tickets": tickets, "offline_tickets": len(tickets), "shots": shots}
        backend.ensure_leases()
        shots.append(_shoot(shell, out, "kiosk-home"))
        take("企业开办", "zhangsan", phone="13812345678")  # with the SMS reminder: the demo's file channel
        shots.append(_shoot(shell, out, "kiosk-ticket-zhangsan"))
        for card in ("lisi", None, None):
            take("企业开办", card)
        for card in ("wangfang", None):
            take("社保医保", card)
        state = take("企业开办", "zhangsan")  # the same card again: the one-ticket rule, in plain words
        shots.append(_shoot(shell, out, "kiosk-refused"))
        if appointment:
            shell.open("checkin")
            settle(shell)
            shell.page.flow.enter_code(appointment)  # type: ignore[attr-defined]
            shell.page.refresh()
            settle(shell)
            tickets.append(shell.page.flow.ticket.number)  # type: ignore[attr-defined]
            shots.append(_shoot(shell, out, "kiosk-checkin"))
        shell.open("guides")
        settle(shell)
        shell.page.flow.search("qysl")  # type: ignore[attr-defined]
        shell.page.flow.open_item(shell.page.flow.items[0].code)  # type: ignore[attr-defined]
        shell.page.render()
        settle(shell)
        shell.page.work(shell.page.flow.print_)  # type: ignore[attr-defined]
        settle(shell)
        shots.append(_shoot(shell, out, "kiosk-guide"))
        shell.open("complaint")
        flow = shell.page.flow  # type: ignore[attr-defined]
        flow.toggle("等候时间长")
        flow.next()
        flow.submit("13912345678")
        backend.sync()
        return {"online": online, "tickets": tickets, "refused": state == "refused", "shots": shots}
    finally:
        reader.stop()
        shell.allow_close = True
        shell.close()
        term.close()


def play_counter(settings: Settings, out: Path, *, window: int, name: str, offline: bool) -> dict[str, Any]:
    from app.domain.acceptance import Decision
    from ui.counter.cli import card_reader
    from ui.counter.script import open_counter, run_counter_script, settle

    shots_dir = out / "screenshots"
    documents = out / "documents"
    if window == 1 and not offline:
        got = run_counter_script(
            settings.center_url,
            settings,
            shots_dir,
            window=1,
            name=name,
            read_card=card_reader("sim://demo-counter?card=zhangsan"),
            printer_url=settings.devices.receipt_printer_url,
            documents=documents,
        )
        return {"cases": got["cases"], "documents": len(got["documents"]), "shots": got["shots"]}
    win, customer, svc = open_counter(
        settings.center_url, settings, shots_dir, window=window, name=name,
        printer_url=settings.devices.receipt_printer_url, documents=documents,
    )  # fmt: skip
    try:
        win.user.setText(f"clerk{window:02d}")
        win.password.setText("clerk")
        win.login()
        settle(win)
        cases: list[str] = []
        if offline:
            win.call_next()
            settle(win)
            message = win.message.text()
        else:
            win.call_next()
            settle(win)
            message = win.message.text()
        win.name_edit.setText("赵强")
        win.id_edit.setText("360702198811230010")
        win.search.setText("个体工商户注册登记" if window == 1 else "养老保险关系转移")
        settle(win)
        win.choose_item(win.results[0])
        win.receive_all()
        win.decide(Decision.ACCEPT)
        settle(win)
        if win.last is not None:
            cases.append(win.last.case_number)
        if not offline:
            win.finish()
            settle(win)
            customer.level_buttons[5].click()
            settle(win)
        win.refresh_status()
        settle(win)
        tag = f"counter-{window}{'-offline' if offline else ''}"
        shot = _shoot(win, out, tag)
        return {"cases": cases, "call_message": message, "status": win.status.text(), "shots": [shot]}
    finally:
        win.shutdown()
        svc.term.close()


def play_screen(settings: Settings, out: Path, suffix: str) -> dict[str, Any]:
    from app.sync.client import CenterClient
    from app.views.queue_board import QueueBoard
    from ui.screen.board import BoardWidget

    client = CenterClient(settings.center_url)
    client.token = str(client.login_staff("manager", "manager").token)
    board = QueueBoard()
    board.apply({"type": "snapshot", "data": client.call("GET", "/queue")})
    board.connected = True
    w = BoardWidget(settings.hall_name)
    w.set_board(board)
    shot = _shoot(w, out, f"screen-{suffix}")
    client.close()
    return {"waiting": sum(board.waiting.values()), "shots": [shot]}


def play_console(settings: Settings, out: Path, suffix: str) -> dict[str, Any]:
    from app.sync.client import CenterClient
    from ui.screen.console import ManagerConsole

    client = CenterClient(settings.center_url)
    client.token = str(client.login_staff("manager", "manager").token)
    console = ManagerConsole(client, hall_name=settings.hall_name, wait_warning_min=30, export_dir=out / "documents")
    loaded = console.load_all()
    shots = []
    pages = ("overview", "supervision", "ratings", "statistics", "feedback", "conflicts")
    for i, name in zip((0, 1, 2, 3, 5, 6), pages, strict=True):
        console.tabs.setCurrentIndex(i)
        shots.append(_shoot(console, out, f"console-{name}-{suffix}"))
    client.close()
    return {"pages": sorted(loaded), "shots": shots}
