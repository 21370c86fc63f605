"""What every `--screenshots` run needs: the offscreen Qt application with the shipped font and the
language, and a live demo center (embedded, SQLite in a temporary folder) to take the pictures against."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.config import Settings


@contextmanager
def demo_hall_offscreen(settings: Settings, prefix: str) -> Iterator[tuple[Any, Settings]]:
    """Yields (the running EmbeddedCenter, settings of a demo data folder); the center stops afterwards."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.center.embedded import EmbeddedCenter
    from ui.fonts import install_fonts
    from ui.i18n import install_language

    app = QApplication.instance() or QApplication([])
    install_fonts(app)  # type: ignore[arg-type]
    install_language(app, settings.language)  # type: ignore[arg-type]
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    prints = f"sim://{(tmp / 'prints').as_posix()}"  # the demo's devices are simulators
    demo = Settings(
        data_dir=tmp,
        keyring_file=tmp / "secrets.cfg",
        hall_name=settings.hall_name,
        devices={"idcard_url": "sim://demo", "ticket_printer_url": prints, "receipt_printer_url": prints},
    )
    center = EmbeddedCenter(demo).start()
    try:
        yield center, demo
    finally:
        center.close()
