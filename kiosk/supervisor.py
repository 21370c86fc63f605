"""Auto-restart after a crash: `hall kiosk` runs the kiosk in a child process and starts it again when it
dies, unless it crashes too often (then it stops, so a broken install does not spin). An exit with code 0
(the administrator left with the PIN) ends the supervisor too, and so does an exit that a restart cannot
mend: a usage error (2) or a settings error (3, `ConfigError`). Qt-free."""

from __future__ import annotations

import logging
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from app.errors import ConfigError

log = logging.getLogger("hall.kiosk")
USAGE_ERROR = 2  # argparse
NO_RESTART = {0: "a clean exit", USAGE_ERROR: "a usage error", ConfigError.exit_code: "a settings error"}


def child_command(argv: Sequence[str]) -> list[str]:
    """How to start this very `hall` again with `argv`: the frozen executable itself (PyInstaller's
    `hall` takes no `-m`), or this interpreter with the CLI module."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *argv]
    return [sys.executable, "-m", "app.cli.main", *argv]


def supervise(
    command: Sequence[str],
    *,
    limit: int = 5,
    window_s: float = 600.0,
    pause_s: float = 2.0,
    run: Callable[[Sequence[str]], int] | None = None,
) -> int:
    """Run `command` until it exits with 0; restart it after a crash, at most `limit` times in `window_s`.
    A usage or settings error is not a crash: it ends the supervisor with that code at once."""
    run = run or (lambda cmd: subprocess.call(list(cmd)))
    crashes: list[float] = []
    while True:
        code = run(command)
        if code in NO_RESTART:
            if code:
                log.error("kiosk exited with code %s (%s): not restarting", code, NO_RESTART[code])
            return code
        now = time.monotonic()
        crashes = [t for t in crashes if now - t < window_s] + [now]
        log.error("kiosk exited with code %s (%d crash(es) in %.0f s)", code, len(crashes), window_s)
        if len(crashes) > limit:
            log.critical("kiosk crashed %d times in %.0f s: giving up; see the log", len(crashes), window_s)
            return code or 1
        time.sleep(pause_s)
