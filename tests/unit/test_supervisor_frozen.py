"""The supervisor restarts the frozen build too (it runs `hall` itself, not `python -m`), and does not
restart after a usage or settings error."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from kiosk.supervisor import child_command, supervise


def test_the_frozen_build_is_started_as_itself(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    hall = tmp_path / "hall"
    runs = tmp_path / "runs"
    # a stand-in for the frozen `hall`: like PyInstaller's, it refuses `-m`; it crashes once, then exits
    hall.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ]; then echo "hall: error: unrecognized arguments: -m" >&2; exit 2; fi\n'
        f'n=$(cat {runs} 2>/dev/null || echo 0); echo $((n + 1)) > {runs}\n'
        '[ "$n" -ge 1 ] && exit 0\n'
        "kill -9 $$\n"
    )
    hall.chmod(hall.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(hall))
    cmd = child_command(["kiosk", "--windowed"])
    assert cmd == [str(hall), "kiosk", "--windowed"]
    assert supervise(cmd, limit=5, pause_s=0) == 0
    assert runs.read_text().strip() == "2"  # killed once, started again


def test_not_frozen_it_runs_the_cli_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert child_command(["kiosk"]) == [sys.executable, "-m", "app.cli.main", "kiosk"]


@pytest.mark.parametrize("code", [2, 3])
def test_usage_and_settings_errors_are_not_restarted(code: int) -> None:
    runs: list[int] = []

    def run(_cmd: object) -> int:
        runs.append(1)
        return code

    assert supervise(["kiosk"], limit=5, pause_s=0, run=run) == code
    assert runs == [1]


def test_a_bad_settings_file_gives_one_line_and_its_exit_code(tmp_path: Path) -> None:
    import subprocess

    bad = tmp_path / "hall.toml"
    bad.write_text('[kiosk]\nidle_timeout_s = "soon"\n')
    env = dict(os.environ, HALL_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-m", "app.cli.main", "--config", str(bad), "kiosk", "--no-supervise"],
        capture_output=True, text=True, env=env, timeout=60,
    )
    assert done.returncode == 3
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "kiosk.idle_timeout_s" in lines[0] and "Traceback" not in done.stderr
    # the supervisor, given that child, stops at once with the same code
    assert supervise([sys.executable, "-m", "app.cli.main", "--config", str(bad), "center"], pause_s=0) == 3
