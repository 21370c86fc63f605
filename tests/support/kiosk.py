"""A kiosk against a real center: the demo hall on SQLite (embedded uvicorn), an enrolled kiosk terminal
with its own SQLite cache, and a sim:// printer writing PNGs."""

from __future__ import annotations

from pathlib import Path

from app.center.embedded import EmbeddedCenter
from app.config import Settings
from app.sync.terminal import Terminal, enroll, open_terminal
from kiosk.backend import KioskBackend
from printers.escpos.printer import EscposPrinter


def demo_center(tmp: Path) -> EmbeddedCenter:
    return EmbeddedCenter(Settings(data_dir=tmp / "center", keyring_file=tmp / "center" / "k.cfg")).start()


def kiosk_terminal(center_url: str, tmp: Path, name: str = "kiosk-1") -> tuple[Settings, Terminal]:
    settings = Settings(data_dir=tmp / name, keyring_file=tmp / name / "secrets.cfg")
    enroll(settings, center_url, "kiosk", name, admin_user="admin", admin_password="admin")
    term = open_terminal(settings, name)
    term.engine.sync_once()
    return settings, term


def kiosk_backend(term: Terminal, prints: Path, paper: str = "ok") -> KioskBackend:
    printer = EscposPrinter(f"sim://{prints}?paper={paper}", width_mm=80)
    return KioskBackend(term, hall_name="示范政务服务中心", printer=printer)
