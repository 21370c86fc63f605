"""`hall demo` with a real display (Xvfb): the center comes up, and the kiosk, the counter with its
customer window, the queue screen and the manager console open their windows and stay up; SIGTERM ends it
all cleanly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

SCRIPT = r"""
"$PYTHON" -m app.cli.main demo --dir "$DEMO" > "$DEMO.log" 2>&1 &
demo=$!
for _ in $(seq 90); do grep -q "demo hall running" "$DEMO.log" && break; sleep 1; done
sleep 15
xwininfo -root -children > "$DEMO.windows"
kill -TERM $demo
wait $demo
echo "demo exit $?" >> "$DEMO.windows"
"""


@pytest.mark.slow
def test_the_demo_opens_every_terminal_window(tmp_path: Path) -> None:
    for tool in ("xvfb-run", "xwininfo"):
        assert shutil.which(tool), f"{tool} is missing (.ci/apt-packages.txt installs it)"
    demo = tmp_path / "demo"
    env = {k: v for k, v in os.environ.items() if not k.startswith("HALL_")}
    env.update(PYTHON=sys.executable, DEMO=str(demo), QT_QPA_PLATFORM="xcb")
    started = time.monotonic()
    subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1920x1200x24", "bash", "-c", SCRIPT],
        env=env,
        timeout=240,
        check=True,
    )
    log = Path(f"{demo}.log").read_text(encoding="utf-8")
    windows = Path(f"{demo}.windows").read_text(encoding="utf-8")
    assert "demo hall running" in log, log[-2000:]
    for title in ("自助服务终端", "综合受理窗口", "示范政务服务中心", "排队叫号屏", "大厅管理控制台"):
        assert f'"{title}"' in windows, (title, windows)
    assert "demo exit 0" in windows, log[-2000:]
    assert (demo / "data" / "center.db").exists() and time.monotonic() - started < 240
