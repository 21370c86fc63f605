"""Safe defaults: no device URL is assumed; using a missing device names it and says how to set it."""

from __future__ import annotations

import pytest

from app.cli.main import main
from app.config import Settings
from app.errors import ConfigError


def test_no_device_is_assumed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for key in ("IDCARD_URL", "TICKET_PRINTER_URL", "RECEIPT_PRINTER_URL"):
        monkeypatch.delenv(f"HALL_DEVICES__{key}", raising=False)
    d = Settings().devices
    assert d.idcard_url is None and d.ticket_printer_url is None and d.receipt_printer_url is None
    with pytest.raises(ConfigError, match=r"ticket printer.*devices.ticket_printer_url.*HALL_DEVICES__TICKET_PRINTER_URL"):
        d.require("ticket_printer_url")


def test_a_command_without_its_device_says_which_and_how(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("HALL_DEVICES__TICKET_PRINTER_URL", raising=False)
    monkeypatch.setenv("HALL_CONFIG", str(tmp_path / "hall.toml"))
    (tmp_path / "hall.toml").write_text("", encoding="utf-8")
    assert main(["print", "test-ticket"]) != 0
    err = capsys.readouterr().err
    assert "未配置取号小票打印机" in err and "devices.ticket_printer_url" in err
    assert not list(tmp_path.glob("*.png"))  # nothing "printed" into a simulator folder
