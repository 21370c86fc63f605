"""A counter terminal against a real center with the demo hall: enrolled, synced, with a sim:// receipt
printer writing PNGs and its PDF notices in a folder of the test."""

from __future__ import annotations

from pathlib import Path

from app.config import Settings
from app.counter.service import CounterService
from app.sync.terminal import Terminal, enroll, open_terminal
from printers.escpos.printer import EscposPrinter


def counter_terminal(center_url: str, tmp: Path, name: str = "counter-3") -> tuple[Settings, Terminal]:
    settings = Settings(data_dir=tmp / name, keyring_file=tmp / name / "secrets.cfg", hall_name="示范政务服务中心")
    enroll(settings, center_url, "counter", name, admin_user="admin", admin_password="admin")
    term = open_terminal(settings, name)
    term.engine.sync_once()
    return settings, term


def counter_service(term: Terminal, settings: Settings, tmp: Path, window: int = 3, paper: str = "ok") -> CounterService:
    printer = EscposPrinter(f"sim://{tmp / 'receipts'}?paper={paper}", width_mm=80)
    return CounterService(term, settings, window=window, receipt_printer=printer, documents_dir=tmp / "documents")
