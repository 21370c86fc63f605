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


def accepted_case(term: Terminal, number: str, id_number: str, *, window: int, due_in_days: int) -> None:
    """A case accepted at this terminal (as a counter would), for the kiosk's progress lookups."""
    import datetime as dt
    import uuid

    from sqlalchemy import select

    from app.domain.clock import local_today
    from app.domain.states import CaseStatus
    from app.store import models as m
    from app.sync.local_records import CaseIn, LocalRecorder

    rec = LocalRecorder(term.cipher, uuid.UUID(term.identity.terminal_id), f"clerk{window:02d}")
    with term.cache.db.write_session() as s:
        item = s.scalars(select(m.ServiceItem).where(m.ServiceItem.promised_days > 0)).first()
        assert item is not None, "the catalog was not pulled"
        rec.add_case(
            s,
            CaseIn(
                case_number=number,
                item_id=item.id,
                applicant_id=rec.add_applicant(s, name="张三", id_number=id_number),
                status=CaseStatus.ACCEPTED,
                decision="accept",
                received_on=local_today(),
                due_date=local_today() + dt.timedelta(days=due_in_days),
                window_number=window,
            ),
        )
