"""`hall print`: sample ticket and receipt to any printer URL, status, clear errors and exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from app.cli.main import main
from tests.support.escpos_sim import tcp_printer


def test_test_ticket_to_sim_prints_the_png_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "test-ticket", "--printer", f"sim://{tmp_path}", "--width", "58"]) == 0
    out = capsys.readouterr().out.strip()
    path = Path(out)
    assert path.parent == tmp_path and path.exists()
    assert Image.open(path).width == 464


def test_test_receipt_raster_80(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["print", "test-receipt", "--printer", f"sim://{tmp_path}", "--width", "80", "--chinese", "raster"]
    )
    assert code == 0
    assert Image.open(capsys.readouterr().out.strip()).width == 640


def test_paper_out_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "test-ticket", "--printer", f"sim://{tmp_path}?paper=out"]) == 4
    err = capsys.readouterr().err
    assert "错误：打印机缺纸" in err and "out of paper" not in err  # the CLI speaks Chinese by default …


def test_near_end_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "test-ticket", "--printer", f"sim://{tmp_path}?paper=near_end"]) == 0
    captured = capsys.readouterr()
    assert "警告：打印纸即将用完" in captured.err and captured.out.strip().endswith(".png")


def test_the_cli_speaks_english_when_the_shell_does(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["print", "test-ticket", "--printer", f"sim://{tmp_path}?paper=out"]) == 4
    err = capsys.readouterr().err
    assert "error: The printer is out of paper: load a new roll." in err and "缺纸" not in err, err
    assert main(["print", "test-ticket", "--printer", f"sim://{tmp_path}?paper=near_end"]) == 0
    assert "warning: The paper is nearly used up" in capsys.readouterr().err
    monkeypatch.setenv("HALL_LANGUAGE", "zh_CN")  # the configured language wins over the shell's
    assert main(["print", "test-ticket", "--printer", f"sim://{tmp_path}?paper=out"]) == 4
    assert "错误：打印机缺纸" in capsys.readouterr().err


def test_bad_url_and_unavailable_backend(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["print", "test-ticket", "--printer", "lpt://1"]) == 4
    err = capsys.readouterr().err
    assert "unknown scheme" in err and "打印机地址无效" in err
    assert main(["print", "test-ticket", "--printer", "win32://POS-80"]) == 4
    assert "Windows" in capsys.readouterr().err  # win32:// 打印机仅在 Windows 上可用


def test_status_over_tcp(capsys: pytest.CaptureFixture[str]) -> None:
    with tcp_printer({1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1E}) as peer:
        assert main(["print", "status", "--printer", peer.url]) == 0
    assert "纸将用尽" in capsys.readouterr().out
    with tcp_printer({1: 0x1A, 2: 0x32, 3: 0x12, 4: 0x7E}) as peer:
        assert main(["print", "status", "--printer", peer.url]) == 1
    assert "缺纸" in capsys.readouterr().out


def test_file_printer_notes_status_is_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "job.bin"
    assert main(["print", "test-receipt", "--printer", f"file://{target}"]) == 0
    captured = capsys.readouterr()
    assert "此接口无法读取打印机状态" in captured.err
    assert "收件回执".encode("gb18030") in target.read_bytes()
