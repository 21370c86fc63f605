"""Kiosk start-up: from launching `hall kiosk` to the interactive home page, and its peak memory.
Target (issue 6): under 2 s, under 250 MB RSS. Run by hand: `python tests/perf/bench_kiosk_startup.py`."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.center.embedded import EmbeddedCenter
from app.config import Settings
from app.sync.terminal import enroll, open_terminal
from tests.perf.result import emit

RUNS = 5


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="bench-kiosk-"))
    center_settings = Settings(data_dir=tmp / "center", keyring_file=tmp / "center" / "k.cfg")
    center = EmbeddedCenter(center_settings).start()
    kiosk = Settings(data_dir=tmp / "kiosk", keyring_file=tmp / "kiosk" / "secrets.cfg")
    enroll(kiosk, center.url, "kiosk", "bench-kiosk", admin_user="admin", admin_password="admin")
    term = open_terminal(kiosk, "bench-kiosk")
    term.engine.sync_once()
    term.close()
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HALL_DATA_DIR=str(tmp / "kiosk"),
        HALL_KEYRING_FILE=str(tmp / "kiosk" / "secrets.cfg"),
        HALL_DEVICES__TICKET_PRINTER_URL=f"sim://{tmp / 'prints'}",
        HALL_DEVICES__VOICE_BACKEND="none",
        HALL_DEVICES__IDCARD_URL=os.environ.get("BENCH_IDCARD_URL", "sim://bench"),
    )
    times, rss = [], []
    try:
        for _ in range(RUNS):
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "app.cli.main", "kiosk", "--name", "bench-kiosk", "--no-supervise",
                 "--windowed", "--exit-when-ready"],
                env=env, capture_output=True, text=True, timeout=60, check=False,
            )
            if proc.returncode != 0:
                raise SystemExit(f"kiosk failed to start:\n{proc.stderr[-3000:]}")
            out = proc.stdout
            line = next(x for x in out.splitlines() if x.startswith("{"))
            times.append(time.perf_counter() - t0)
            rss.append(json.loads(line)["max_rss_mb"])
    finally:
        center.close()
    bare = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", "from PySide6.QtWidgets import QApplication, QLabel; a = QApplication([]); "
             "w = QLabel('x'); w.show(); a.processEvents()"],
            env=env, check=True, timeout=60,
        )  # fmt: skip
        bare.append(time.perf_counter() - t0)
    print(f"kiosk start-up to interactive home page over {RUNS} runs (process launch included):")
    print(f"  median {statistics.median(times):.2f} s, worst {max(times):.2f} s   (target < 2 s)")
    print(f"  peak RSS median {statistics.median(rss):.0f} MB, worst {max(rss):.0f} MB   (target < 250 MB)")
    emit("kiosk start-up to the interactive home page", f"median {statistics.median(times):.2f} s, worst {max(times):.2f} s", "< 2 s", f"a bare PySide6 window: median {statistics.median(bare):.2f} s")
    emit("kiosk peak memory", f"{max(rss):.0f} MB RSS", "< 250 MB", "")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
