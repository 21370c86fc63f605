"""CI check: the kiosk supervisor restarts the frozen kiosk. Starts `hall kiosk --windowed` of a frozen
terminal bundle (offscreen) against an enrolled kiosk, kills the kiosk child with SIGKILL and waits for the
supervisor to start a new child; prints how long that took. Exit code 1 when no new child comes.

    python tools/check_frozen_supervisor.py dist/hall-terminal/hall DEMO_DIR/hall.toml kiosk-1
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def children(pid: int) -> list[int]:
    """The child processes of `pid` (Linux /proc)."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def live(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_child(pid: int, not_this: int | None, timeout: float) -> int | None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = [c for c in children(pid) if c != not_this and live(c)]
        if found:
            return found[0]
        time.sleep(0.1)
    return None


def main(hall: str, config: str, name: str) -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HALL_CONFIG=config)
    env.pop("HALL_KIOSK_CHILD", None)
    sup = subprocess.Popen([hall, "kiosk", "--windowed", "--name", name], env=env, start_new_session=True)
    try:
        first = wait_child(sup.pid, None, 30)
        if first is None:
            print(f"FAIL: the supervisor (pid {sup.pid}) started no kiosk child", file=sys.stderr)
            return 1
        time.sleep(5)  # let the kiosk come up before it is killed
        if not live(first):
            print(f"FAIL: the first kiosk child {first} died on its own", file=sys.stderr)
            return 1
        os.kill(first, signal.SIGKILL)
        killed = time.monotonic()
        second = wait_child(sup.pid, first, 30)
        if second is None:
            print("FAIL: the supervisor did not start the kiosk again after its child was killed", file=sys.stderr)
            return 1
        print(f"the frozen kiosk was killed (pid {first}) and started again (pid {second}) "
              f"after {time.monotonic() - killed:.1f} s")
        return 0
    finally:
        os.killpg(sup.pid, signal.SIGKILL)  # the supervisor and its child
        sup.wait()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
