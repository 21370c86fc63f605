"""Logging (rotating file, masking, crash report) and the settings schema."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.config import Settings, load_settings
from app.errors import ConfigError
from app.logs import setup_logging, write_crash_report


def test_log_file_masks_personal_numbers(tmp_path: Path) -> None:
    log_file = setup_logging(Settings(data_dir=tmp_path), component="test")
    log = logging.getLogger("hall.device.idcard")
    log.info("read card of %s, phone %s", "11010519491231002X", "13812345678")
    log.warning("applicant 110101199003071234 called")
    for h in logging.getLogger("hall").handlers:
        h.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "110105********002X" in text and "138****5678" in text and "110101********1234" in text
    assert "11010519491231002X" not in text and "13812345678" not in text and "110101199003071234" not in text
    assert "hall.device.idcard" in text


def test_crash_report_keeps_the_last_lines(tmp_path: Path) -> None:
    setup_logging(Settings(data_dir=tmp_path), component="crash")
    logging.getLogger("hall.sync").info("last thing before the crash, id 11010519491231002X")
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        path = write_crash_report(type(exc), exc, exc.__traceback__)
    assert path is not None and path.exists()
    body = path.read_text(encoding="utf-8")
    assert "last thing before the crash" in body and "RuntimeError: boom" in body
    assert "11010519491231002X" not in body


def test_settings_file_env_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "hall.toml"
    cfg.write_text('hall_name = "大余县政务服务中心"\n[queue]\nrecall_limit = 2\n', encoding="utf-8")
    s = load_settings(cfg)
    assert (
        s.hall_name == "大余县政务服务中心" and s.queue.recall_limit == 2 and s.queue.noshow_block_count == 3
    )
    monkeypatch.setenv("HALL_QUEUE__RECALL_LIMIT", "5")
    assert load_settings(cfg).queue.recall_limit == 5  # the environment wins over the file
    monkeypatch.delenv("HALL_QUEUE__RECALL_LIMIT")
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "missing.toml")
    cfg.write_text("[queue]\nrecall_limit = -1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="recall_limit"):
        load_settings(cfg)
    cfg.write_text("unknown_key = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_settings(cfg)
