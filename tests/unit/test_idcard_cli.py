"""`hall idcard` in-process (app.cli.main.main) and as real processes: output, masking, exit codes, and
the simulated reader served over TCP by `hall idcard sim`, read back through socket://."""

from __future__ import annotations

import json
import logging
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.main import main

HALL = [sys.executable, "-m", "app.cli.main"]  # run from the checkout under test (cwd=ROOT)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _restore_hall_logging() -> Iterator[None]:
    """main() sets up the `hall` loggers with a console handler on this test's (captured) stderr: put the
    handlers back afterwards, so later tests' threads do not log into a closed stream."""
    root = logging.getLogger("hall")
    handlers, level, propagate = root.handlers[:], root.level, root.propagate
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    root.propagate = propagate


def test_read_prints_the_fields_with_the_number_masked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["idcard", "read", "--port", "sim://cli?card=zhangsan"]) == 0
    out = capsys.readouterr().out
    for line in ("证件类型：居民身份证", "姓名：张三", "性别：男", "民族：汉", "出生日期：1949-12-31",
                 "住址：北京市朝阳区建国路88号", "证件号码：110105********002X", "有效期止：2035-03-01",
                 "照片(WLT)字节：1024"):  # fmt: skip
        assert line in out.splitlines()
    assert "11010519491231002X" not in out and "指纹" not in out


def test_long_term_validity_and_a_residence_permit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["idcard", "read", "--port", "sim://cli?card=wangfang"]) == 0
    assert "有效期止：长期" in capsys.readouterr().out
    assert main(["idcard", "read", "--port", "sim://cli?card=chen_j"]) == 0
    out = capsys.readouterr().out
    assert (
        "证件类型：港澳台居民居住证" in out
        and "通行证号码：H12345678" in out
        and "证件号码：810000********0021" in out
    )


def test_json_reveal_fingerprint_and_extra_address(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["idcard", "read", "--port", "sim://cli?card=smith_i", "--json", "--reveal"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["english_name"] == "SMITH, JOHN" and data["id_number"] == "USA310080060101"
    assert data["card_type"] == "I" and data["nationality"] == "USA" and "fingerprint_bytes" not in data
    argv = [
        "idcard",
        "read",
        "--port",
        "sim://cli?card=zhangsan",
        "--json",
        "--fingerprint",
        "--extra-address",
    ]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["id_number"] == "110105********002X" and data["fingerprint_bytes"] == 1024
    assert data["extra_address"] == "北京市海淀区中关村大街27号"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sim://cli-f?card=none", "no card on the reader"),
        ("sim://cli-f?card=lisi&fault=timeout", "did not answer in time"),
        ("sim://cli-f?card=lisi&fault=bad_checksum", "checksum mismatch"),
        ("sim://cli-f?card=lisi&fault=no_sam", "SAM module failed its self-check"),
        ("sim://cli-f?card=lisi&fault=remove_mid_read", "moved or removed"),
        ("sim://cli-f?card=lisi&sw3=3001:31", "card authentication failed"),
        ("sim://cli-f?card=nobody", "unknown demo card"),
        ("/dev/does-not-exist-ttyUSB9", "cannot open the reader"),
    ],
)
def test_failures_exit_4_with_one_clear_line(
    url: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["idcard", "read", "--port", url, "--timeout", "0.3"]) == 4
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("hall idcard read: ")


def test_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["idcard", "status", "--port", "sim://cli-st"]) == 0
    assert "SAM 正常；SAM 编号 05.01-20101218-0052026363-1405060838" in capsys.readouterr().out
    assert main(["idcard", "status", "--port", "sim://cli-st?fault=no_sam"]) == 4
    assert "SAM status: the SAM module failed its self-check" in capsys.readouterr().err


def test_the_default_port_comes_from_the_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "hall.toml"
    config.write_text('[devices]\nidcard_url = "sim://from-settings?card=lisi"\n', encoding="utf-8")
    assert main(["--config", str(config), "idcard", "read"]) == 0
    assert "姓名：李四" in capsys.readouterr().out


def test_bad_arguments_are_refused_by_argparse() -> None:
    with pytest.raises(SystemExit) as info:
        main(["idcard", "read", "--timeout", "0"])
    assert info.value.code == 2


def test_as_real_processes_sim_server_and_reads_over_tcp() -> None:
    """`hall idcard sim` serves a reader on a free port; `hall idcard read --port socket://…` reads it in
    another process; failures exit non-zero with one line and no traceback; Ctrl-C stops the server."""
    server = subprocess.Popen(
        [*HALL, "idcard", "sim", "--listen", "127.0.0.1:0", "--card", "lisi"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()
        assert "simulated ID-card reader at socket://127.0.0.1:" in banner
        url = banner.split(" at ")[1].split()[0]
        ok = subprocess.run(
            [*HALL, "idcard", "read", "--port", url],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert ok.returncode == 0, ok.stderr
        assert "姓名：李四" in ok.stdout and "证件号码：440524********0014" in ok.stdout
        assert "440524188001010014" not in ok.stdout + ok.stderr
        status = subprocess.run(
            [*HALL, "idcard", "status", "--port", url],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert status.returncode == 0 and "SAM 正常" in status.stdout
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(10)
    assert server.returncode == 0
    failed = subprocess.run(
        [*HALL, "idcard", "read", "--port", url, "--timeout", "0.5"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert failed.returncode == 4 and failed.stdout == ""
    assert "cannot open the reader at socket://" in failed.stderr and "Traceback" not in failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1
