"""A scripted walk through every kiosk page (normal and elderly mode), tapping the way a citizen would.
Used by `hall kiosk --screenshots DIR`, by the pytest-qt tests and by the offscreen demo day."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QPushButton

from kiosk.shell import KioskShell
from ui.i18n import hall_text

DEMO_CARDS = {"normal": ("11010519491231002X", "张三"), "elderly": ("440524188001010014", "李四")}


def settle(shell: KioskShell, timeout_s: float = 15.0) -> None:
    """Let background steps finish and their pages re-render."""
    deadline = time.monotonic() + timeout_s
    app = QCoreApplication.instance()
    assert app is not None
    while True:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not shell.busy:
            app.processEvents()
            if not shell.busy:
                return
        if time.monotonic() > deadline:
            raise TimeoutError(f"kiosk still busy on {shell.page.key}")
        time.sleep(0.01)


def tap(shell: KioskShell, text: str) -> None:
    """Press the visible button whose text starts with `text` (as a finger would)."""
    settle(shell)
    visible = [b for b in shell.page.findChildren(QPushButton) if b.isVisibleTo(shell.page)]
    exact = [b for b in visible if b.text() == text]
    for b in exact or [b for b in visible if b.text().split("\n")[0].startswith(text)]:
        b.click()
        settle(shell)
        return
    shown = [b.text() for b in shell.page.findChildren(QPushButton) if b.isVisibleTo(shell.page)]
    raise LookupError(f"no button {text!r} on {shell.page.key}: {shown}")


def type_keys(shell: KioskShell, keys: str) -> None:
    for k in keys:
        tap(shell, k)


class Tour:
    def __init__(self, shell: KioskShell, shoot: Callable[[str], None]) -> None:
        self.shell, self.shoot = shell, shoot

    def run(self, suffix: str, *, case: tuple[str, str] | None, visit_number: str | None) -> list[str]:
        sh, shots = self.shell, []
        card = DEMO_CARDS.get(suffix, DEMO_CARDS["normal"])

        def shot(name: str) -> None:
            settle(sh)
            shots.append(f"{name}-{suffix}")
            self.shoot(f"{name}-{suffix}")

        shot("home")
        sh.open("ticket")
        shot("ticket-category")
        first = sh.page.flow.categories[0]  # type: ignore[attr-defined]
        tap(sh, hall_text(first.name, first.name_en, "category"))
        shot("ticket-card")
        sh.card.placed.emit(*card)
        settle(sh)
        if sh.page.flow.state == "phone":  # 「快到号时短信提醒」 offered (kiosk.sms_reminder)
            shot("ticket-phone")
            if suffix == "normal":
                type_keys(sh, "13812345678")
                tap(sh, "☐ " + QCoreApplication.translate("TicketPage", "I agree"))
                tap(sh, QCoreApplication.translate("TicketPage", "Remind me by SMS"))
            else:
                tap(sh, QCoreApplication.translate("TicketPage", "No reminder, take the ticket"))
        shot("ticket-done")
        sh.open("ticket")
        settle(sh)
        tap(sh, hall_text(first.name, first.name_en, "category"))
        sh.card.placed.emit(*card)  # same ID, same category: the one-ticket rule
        settle(sh)
        if sh.page.flow.state == "phone":
            tap(sh, QCoreApplication.translate("TicketPage", "No reminder, take the ticket"))
        shot("ticket-refused")
        sh.open("checkin")
        shot("checkin")
        type_keys(sh, "1234")
        shot("checkin-code")
        sh.open("progress")
        shot("progress")
        if case is not None:
            sh.page.flow.lookup(*case)  # type: ignore[attr-defined]
            sh.page.render()
            shot("progress-result")
        sh.open("guides")
        shot("guides")
        type_keys(sh, "QYSL")
        tap(sh, QCoreApplication.translate("GuidePage", "Search"))
        shot("guides-results")
        first_item = sh.page.flow.items[0]  # type: ignore[attr-defined]
        tap(sh, hall_text(first_item.name, first_item.name_en)[:8])
        shot("guides-detail")
        sh.open("rating")
        shot("rating")
        if visit_number is not None:
            sh.page.flow.find(visit_number)  # type: ignore[attr-defined]
            sh.page.render()
            shot("rating-levels")
            sh.page.flow.choose(2)  # type: ignore[attr-defined]
            sh.page.render()
            shot("rating-reasons")
        sh.open("complaint")
        shot("complaint")
        sh.page.flow.toggle("等候时间长")  # type: ignore[attr-defined]
        sh.page.flow.next()  # type: ignore[attr-defined]
        sh.page.render()
        keyboard = sh.page.keyboard  # type: ignore[attr-defined]
        if not keyboard.chinese:  # the English UI starts with letters: pinyin is one tap away
            keyboard.mode_key.click()
        for ch in "dengdai":  # pinyin on the on-screen keys: 等待 in the candidate row
            keyboard.keys[ch].click()
        shot("complaint-note")
        keyboard.choose(0)
        sh.page.flow.note_done()  # type: ignore[attr-defined]
        sh.page.render()
        shot("complaint-phone")
        sh.go_home()
        return shots


def shoot_to(shell: KioskShell, out: Path) -> Callable[[str], None]:
    out.mkdir(parents=True, exist_ok=True)

    def shoot(name: str) -> None:
        path = out / f"kiosk-{name}.png"
        shell.grab().save(str(path))
        print(path)

    return shoot
