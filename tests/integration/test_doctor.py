"""`hall doctor` against a real center: what is fine, what is missing, and how to fix it."""

from __future__ import annotations

import datetime as dt

from app import doctor
from app.center.embedded import free_port
from app.config import Settings
from tests.support.center import CenterServer


def test_doctor_names_each_problem_and_its_fix(sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with CenterServer(sqlite_url, tmp_path / "center") as center:
        settings = Settings(
            center_url=center.url,
            keyring_file=tmp_path / "secrets.cfg",
            devices={"ticket_printer_url": f"sim://{tmp_path}", "receipt_printer_url": f"tcp://127.0.0.1:{free_port()}"},
        )
        checks = doctor.check_center(settings) + doctor.check_keyring(settings) + doctor.check_devices(settings)
    assert any(c.area == "center" and c.level == "ok" and c.what.startswith(f"{center.url} reachable") for c in checks)
    assert any(c.area == "center" and c.level == "ok" and "clock within" in c.what for c in checks)
    assert any(c.area == "keyring" and c.level == "ok" and c.what.endswith("secrets.cfg") for c in checks)
    lines = "\n".join(c.line() for c in checks)
    assert "[FAIL] devices: no ID-card reader configured" in lines and "HALL_DEVICES__IDCARD_URL" in lines
    assert "[WARN] devices: ticket printer is a simulator" in lines
    assert "[FAIL] devices: receipt printer at tcp://127.0.0.1:" in lines


def test_doctor_on_a_center_that_is_not_there() -> None:
    settings = Settings(center_url=f"http://127.0.0.1:{free_port()}")
    (check,) = doctor.check_center(settings)
    assert check.level == "fail" and "start `hall center`" in check.fix
    (plain,) = doctor.check_tls("http://center.hall.example:8470")  # no request is sent
    assert plain.level == "warn" and "not TLS" in plain.what
    assert doctor.check_tls("https://center.hall.example:8470") == []


def test_doctor_asks_for_next_years_calendar() -> None:
    december = dt.date(2026, 12, 1)
    assert doctor.check_calendar({2026}, december)[0].level == "fail"
    assert doctor.check_calendar({2026}, dt.date(2026, 6, 1))[0].level == "warn"
    assert doctor.check_calendar({2026, 2027}, december)[0].level == "ok"
    assert "2026" in doctor.check_calendar({2025}, december)[0].what


def test_doctor_draws_a_sample_paper_and_names_a_missing_font(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    (ok,) = doctor.check_papers()
    assert ok.level == "ok" and "受理通知书" in ok.what
    import printers.report_pdf as report_pdf

    monkeypatch.setattr(report_pdf, "FONT", "doctor-missing-font")  # not registered yet: the file is read
    monkeypatch.setattr(report_pdf, "cjk_font_path", lambda: tmp_path / "no-such-font.ttc")
    (bad,) = doctor.check_papers()
    assert bad.level == "fail" and "cannot be drawn" in bad.what and "resources/fonts" in bad.fix


def test_doctor_names_a_missing_translation(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert not [c for c in doctor.check_settings(Settings(language="zh_CN"), None) if c.level == "fail"]
    monkeypatch.setattr(doctor, "resource", lambda *parts: tmp_path.joinpath(*parts))  # a bundle without it
    (bad,) = [c for c in doctor.check_settings(Settings(language="zh_CN"), None) if c.level == "fail"]
    assert "would show English" in bad.what and "hall_zh_CN.qm" in bad.fix
    assert not [c for c in doctor.check_settings(Settings(language="en"), None) if c.level == "fail"]
