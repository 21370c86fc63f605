"""`hall idcard read` in-process and as a real process: output, masking, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.cli.main import main


def test_read_prints_masked_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["idcard", "read", "--port", "sim://cli?card=zhangsan"]) == 0
    out = capsys.readouterr().out
    assert "姓名：张三" in out and "证件号码：110105********002X" in out and "11010519491231002X" not in out


def test_reveal_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["idcard", "read", "--port", "sim://cli?card=smith_i", "--json", "--reveal"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["english_name"] == "SMITH, JOHN" and data["id_number"] == "USA310080060101"


def test_failures_exit_non_zero_with_one_clear_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli.main", "idcard", "read", "--port", "sim://p?card=none"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 3
    assert "no card on the reader" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "app.cli.main", "idcard", "read", "--port", "sim://p?card=lisi&fault=timeout", "--timeout", "0.3"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 3 and "did not answer" in proc.stderr


def test_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["idcard", "status", "--port", "sim://st"]) == 0
    assert "SAM ready" in capsys.readouterr().out
