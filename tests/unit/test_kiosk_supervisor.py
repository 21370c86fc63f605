"""The kiosk is restarted after a crash (a real child process that dies), stops after an admin exit, and
gives up when it crashes too often."""

from __future__ import annotations

import sys
from pathlib import Path

from kiosk.supervisor import supervise


def test_a_crashing_kiosk_is_restarted_until_it_exits_cleanly(tmp_path: Path) -> None:
    counter = tmp_path / "runs"
    script = (
        "import pathlib, sys\n"
        f"p = pathlib.Path({str(counter)!r})\n"
        "n = int(p.read_text()) if p.exists() else 0\n"
        "p.write_text(str(n + 1))\n"
        "sys.exit(0 if n == 2 else -11 % 256)\n"  # crash twice (as a segfault would), then admin exit
    )
    code = supervise([sys.executable, "-c", script], limit=5, pause_s=0)
    assert code == 0 and counter.read_text() == "3"


def test_it_gives_up_after_too_many_crashes() -> None:
    runs: list[int] = []

    def run(_cmd: object) -> int:
        runs.append(1)
        return 1  # a crash (2 and 3 are usage and settings errors: never restarted)

    assert supervise(["kiosk"], limit=2, pause_s=0, run=run) == 1
    assert len(runs) == 3
