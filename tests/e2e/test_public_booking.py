"""Booking an appointment from the phone (issue 18), end to end in a real headless chromium at 360 px: the
browser walks `hall public` (which reads only the center's API) from the service to the day, the time and
the details; the SMS code is read from the notifier's file channel (where a real SMS would go); the
confirmation shows the appointment code and masked data only; the booking is cancelled (the place comes
back), booked again in English and moved to another time. Screenshots of every step in both languages."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select

from app.config import Settings
from app.domain.clock import local_today
from app.notify import read_file_channel
from app.store import models as m
from tests.e2e.test_public_pages import browser, fits, shot
from tests.support.center import CenterServer, seed_minimal
from tests.support.public import PublicServer

NAME, ID, PHONE = "张三丰", "11010519491231002X", "13812345678"


def _weekdays(n: int, start: int) -> list[dt.date]:
    out, d = list[dt.date](), local_today() + dt.timedelta(days=start)
    while len(out) < n:
        if d.weekday() < 5:
            out.append(d)
        d += dt.timedelta(days=1)
    return out


@pytest.fixture
def hall(pg_url: str, tmp_path: Path) -> Any:
    center = CenterServer(pg_url, tmp_path / "center")
    center.settings = Settings(data_dir=tmp_path / "center")
    center.settings.notify.channel, center.settings.notify.file_dir = "file", tmp_path / "sms"
    center.settings.notify.code_limits.phone_per_minute = 0  # the test books again within the minute
    with center:
        seed_minimal(center.db)
        today = local_today()
        with center.db.write_session() as s:
            for year in (today.year, today.year + 1):  # every weekday a working day, whatever the real date
                s.add(m.CalendarYear(year=year, source="admin", entered_by="admin"))
            cat = s.scalar(select(m.Category).where(m.Category.prefix == "A"))
            assert cat is not None
            cat.hours = "09:00-12:00,13:30-17:30"
        login = httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"})
        r = httpx.put(
            f"{center.url}/api/v1/booking/plans/A",
            json={"slot_minutes": 30, "per_window": 1, "days_ahead": 7, "cutoff_minutes": 60},
            headers={"Authorization": f"Bearer {login.json()['token']}"},
        )
        assert r.status_code == 200, r.text
        with PublicServer(center.url) as public:
            yield center, public, tmp_path / "sms"


def sms_code(sms: Path, phone: str, seen: int, timeout: float = 15.0) -> str:
    """The code of the newest booking_code SMS to `phone` after the first `seen` ones."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        codes = [x for x in read_file_channel(sms) if x["event"] == "booking_code" and x["phone"] == phone] if sms.exists() else []
        if len(codes) > seen:
            return str(codes[-1]["params"]["code"])  # type: ignore[index]
        time.sleep(0.1)
    raise AssertionError("no SMS code reached the file channel")


def by_id(driver: Any, element_id: str) -> Any:
    return driver.find_element("id", element_id)


def go(driver: Any, element_id: str) -> None:
    """Click a link or a submit button and wait until the next page has replaced this one."""

    from selenium.common.exceptions import WebDriverException

    old = driver.find_element("tag name", "html")
    by_id(driver, element_id).click()

    def gone(d: Any) -> bool:
        try:
            return bool(ec.staleness_of(old)(d))
        except WebDriverException:  # chromium may say "node does not belong to the document": stale too
            return True

    WebDriverWait(driver, 15).until(gone)
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")


def text_of(driver: Any) -> str:
    return str(driver.execute_script("return document.body.innerText"))


def no_personal_data(driver: Any) -> None:
    html = driver.page_source
    assert ID not in html and ID[-6:] not in html and PHONE not in html and NAME not in html


def fill_details(driver: Any) -> None:
    by_id(driver, "name").send_keys(NAME)
    by_id(driver, "id_number").send_keys(ID.lower())  # a lower-case x is fine
    by_id(driver, "phone").send_keys(PHONE)
    by_id(driver, "consent").click()


def test_book_cancel_rebook_and_move_an_appointment(hall: Any) -> None:
    center, public, sms = hall
    d1, d2 = _weekdays(2, start=2)
    driver = browser()
    try:
        # ---------------------------------------------------------------- 中文: book
        driver.get(f"{public.url}/b")
        assert "预约办事" in driver.title and "企业设立登记" in text_of(driver)
        fits(driver)
        shot(driver, "book-1-services-zh")
        go(driver, "item-ITEM-001")
        assert "选择日期" in text_of(driver) and "企业设立登记（企业开办）" in text_of(driver)
        assert "item=ITEM-001" in by_id(driver, "lang").get_attribute("href")  # English keeps the chosen item
        fits(driver)
        shot(driver, "book-2-days-zh")
        go(driver, f"day-{d1.isoformat()}")
        assert "选择时段" in text_of(driver) and "余2个" in by_id(driver, "slot-0900").text
        fits(driver)
        shot(driver, "book-3-slots-zh")
        go(driver, "slot-0900")
        fill_details(driver)
        fits(driver)
        shot(driver, "book-4-details-zh")
        go(driver, "send")
        assert "验证码已发送至138****5678" in text_of(driver)
        fits(driver)
        code = sms_code(sms, PHONE, 0)
        wrong = "000000" if code != "000000" else "111111"
        by_id(driver, "code").send_keys(wrong)
        go(driver, "confirm")
        assert "验证码不正确，还可以尝试4次" in by_id(driver, "error").text
        shot(driver, "book-5-code-wrong-zh")
        by_id(driver, "code").send_keys(code)
        go(driver, "confirm")
        assert by_id(driver, "state").text == "预约成功"
        appt_code = by_id(driver, "code").text
        assert len(appt_code) == 8 and appt_code.isdigit()
        page = text_of(driver)
        assert "张*丰" in page and "110105********002X" in page and "138****5678" in page and "09:00–09:30" in page
        no_personal_data(driver)
        fits(driver)
        shot(driver, "book-6-booked-zh")
        manage_url = driver.current_url
        assert "/a/" in manage_url
        booked = [x for x in read_file_channel(sms) if x["event"] == "appointment_booked"] or None
        deadline = time.monotonic() + 10
        while not booked and time.monotonic() < deadline:
            time.sleep(0.1)
            booked = [x for x in read_file_channel(sms) if x["event"] == "appointment_booked"]
        assert booked and appt_code in str(booked[0]["text"])
        # the place is taken: one left of two
        slots = httpx.get(f"{center.url}/api/v1/public/booking/A/slots", params={"day": d1.isoformat()}).json()["slots"]
        assert slots[0]["free"] == 1

        # ---------------------------------------------------------------- cancel
        go(driver, "cancel")
        assert "确定取消该预约吗" in text_of(driver)
        shot(driver, "book-7-cancel-ask-zh")
        go(driver, "cancel-yes")
        assert by_id(driver, "state").text == "该预约已取消。"
        fits(driver)
        shot(driver, "book-8-cancelled-zh")
        slots = httpx.get(f"{center.url}/api/v1/public/booking/A/slots", params={"day": d1.isoformat()}).json()["slots"]
        assert slots[0]["free"] == 2  # the place is back
        driver.get(manage_url)  # the link still answers, and says cancelled
        assert by_id(driver, "state").text == "该预约已取消。"

        # ---------------------------------------------------------------- English: book again
        driver.get(manage_url.split("?")[0] + "?lang=en")
        go(driver, "again")
        assert "Choose a day" in text_of(driver)
        fits(driver)
        shot(driver, "book-2-days-en")
        go(driver, f"day-{d1.isoformat()}")
        fits(driver)
        shot(driver, "book-3-slots-en")
        go(driver, "slot-0930")
        fill_details(driver)
        fits(driver)
        shot(driver, "book-4-details-en")
        go(driver, "send")
        assert "A 6-digit code was sent to 138****5678" in text_of(driver)
        shot(driver, "book-5-code-en")
        by_id(driver, "code").send_keys(sms_code(sms, PHONE, 1))
        go(driver, "confirm")
        assert by_id(driver, "state").text == "Your appointment is booked"
        assert "09:30–10:00" in text_of(driver) and "Starting a business" in text_of(driver)
        second = by_id(driver, "code").text
        assert second != appt_code
        no_personal_data(driver)
        fits(driver)
        shot(driver, "book-6-booked-en")

        # ---------------------------------------------------------------- move it to another day
        go(driver, "reschedule")
        assert f"Choose the new time for appointment {second}" in text_of(driver)
        go(driver, f"day-{d2.isoformat()}")
        go(driver, "slot-1400")
        assert by_id(driver, "state").text == "The appointment has been moved."
        assert "14:00–14:30" in text_of(driver) and by_id(driver, "code").text == second
        fits(driver)
        shot(driver, "book-9-moved-en")
        day1 = httpx.get(f"{center.url}/api/v1/public/booking/A/slots", params={"day": d1.isoformat()}).json()["slots"]
        day2 = httpx.get(f"{center.url}/api/v1/public/booking/A/slots", params={"day": d2.isoformat()}).json()["slots"]
        assert day1[1]["free"] == 2 and [x["free"] for x in day2 if x["time"] == "14:00"] == [1]

        # ---------------------------------------------------------------- 中文 again: the moved booking
        driver.get(driver.current_url.split("?")[0] + "?lang=zh_CN")
        assert "14:00–14:30" in text_of(driver) and "改约其他时段" in text_of(driver)
        shot(driver, "book-9-moved-zh")
        # a slot taken meanwhile: someone else books the last place while this form is open
        driver.get(f"{public.url}/b/A/{d2.isoformat()}/1400")
        fill_details(driver)
        other_phone = "13912345678"
        api = httpx.Client(base_url=f"{center.url}/api/v1/public")
        start = next(x for x in day2 if x["time"] == "14:00")["start"]
        hold = api.post("/booking/holds", json={"category": "A", "start": start, "name": "李四", "id_number": "110101199003071233",
                                                "phone": other_phone, "consent": True}).json()["hold"]
        assert api.post(f"/booking/holds/{hold}/confirm", json={"code": sms_code(sms, other_phone, 0)}).status_code == 201
        go(driver, "send")
        assert by_id(driver, "error").text == "该时段刚刚约满，请选择其他时段。"
        assert "已约满" in by_id(driver, "slot-1400").text and "余2个" in by_id(driver, "slot-1430").text
        fits(driver)
        shot(driver, "book-10-slot-taken-zh")
    finally:
        driver.quit()
    with center.db.read_session() as s:
        statuses = sorted(a.status for a in s.scalars(select(m.Appointment)))
    assert statuses == ["booked", "booked", "cancelled"]
