"""Auto-restart after a crash: `hall kiosk` runs the kiosk in a child process and starts it again when it
dies, unless it crashes too often (then it stops, so a broken install does not spin). An exit with code 0
(the administrator left with the PIN) ends the supervisor too. Qt-free."""

from __future__ import annotations

import logging
import subprocess
import time
from collections.abc import Callable, Sequence

log = logging.getLogger("hall.kiosk")


def supervise(
    command: Sequence[str],
    *,
    limit: int = 5,
    window_s: float = 600.0,
    pause_s: float = 2.0,
    run: Callable[[Sequence[str]], int] | None = None,
) -> int:
    """Run `command` until it exits with 0; restart it after a crash, at most `limit` times in `window_s`."""
    run = run or (lambda cmd: subprocess.call(list(cmd)))
    crashes: list[float] = []
    while True:
        code = run(command)
        if code == 0:
            return 0
        now = time.monotonic()
        crashes = [t for t in crashes if now - t < window_s] + [now]
        log.error("kiosk exited with code %s (%d crash(es) in %.0f s)", code, len(crashes), window_s)
        if len(crashes) > limit:
            log.critical("kiosk crashed %d times in %.0f s: giving up; see the log", len(crashes), window_s)
            return code or 1
        time.sleep(pause_s)
