"""The booking pages of `hall public` without a browser (issue 18): refusals are said in the page's
language with the right status, nothing typed is echoed back, unknown links answer 404 pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.config import Settings
from app.domain.clock import local_today
from app.store import models as m
from tests.support.center import CenterServer, seed_minimal
from tests.support.public import PublicServer

ID, PHONE = "11010519491231002X", "13812345678"


@pytest.fixture
def hall(db_url: str, tmp_path: Any) -> Any:
    center = CenterServer(db_url, tmp_path / "center")
    center.settings = Settings(data_dir=tmp_path / "center")
    center.settings.notify.channel, center.settings.notify.file_dir = "file", tmp_path / "sms"
    center.settings.booking.per_id_per_day = 1
    with center:
        seed_minimal(center.db)
        today = local_today()
        with center.db.write_session() as s:
            for year in (today.year, today.year + 1):
                s.add(m.CalendarYear(year=year, source="admin", entered_by="admin"))
            cat = s.scalar(select(m.Category).where(m.Category.prefix == "A"))
            assert cat is not None
            cat.hours = "09:00-12:00"
            s.add(m.BookingPlan(category_id=cat.id, slot_minutes=60, per_window=1, days_ahead=7, cutoff_minutes=60,
                                active=True))
        with PublicServer(center.url) as public:
            yield center, httpx.Client(base_url=public.url, timeout=30)


def _day() -> dt.date:
    d = local_today() + dt.timedelta(days=2)
    while d.weekday() >= 5:
        d += dt.timedelta(days=1)
    return d


def test_refusals_in_both_languages_and_nothing_echoed(hall: Any) -> None:
    _center, web = hall
    url = f"/b/A/{_day().isoformat()}/0900"
    form = web.get(url)
    assert form.status_code == 200 and 'id="id_number"' in form.text
    bad = web.post(url, data={"name": "张三丰", "id_number": "110105194912310021", "phone": PHONE, "consent": "1"})
    assert bad.status_code == 422 and "身份证号码有误，请核对。" in bad.text
    assert "110105194912310021" not in bad.text and PHONE not in bad.text and "张三丰" not in bad.text
    en = web.post(url + "?lang=en", data={"name": "张三丰", "id_number": ID, "phone": PHONE})
    assert en.status_code == 422 and "Please agree to the SMS about this appointment." in en.text
    phone = web.post(url + "?lang=en", data={"name": "张三丰", "id_number": ID, "phone": "123", "consent": "1"})
    assert phone.status_code == 422 and "Please enter an 11-digit mobile number." in phone.text
    ok = web.post(url, data={"name": "张三丰", "id_number": ID, "phone": PHONE, "consent": "1"})
    assert ok.status_code == 303 and ok.headers["location"].startswith("/h/")
    code_page = web.get(ok.headers["location"])
    assert "验证码已发送至138****5678" in code_page.text and ID not in code_page.text
    wrong = web.post(ok.headers["location"], data={"code": "abc"})
    assert wrong.status_code == 422 and "验证码不正确" in wrong.text
    again = web.post(url, data={"name": "张三丰", "id_number": ID, "phone": "13912345678", "consent": "1"})
    assert again.status_code == 429 and "操作过于频繁，请稍后再试。" in again.text  # one request per ID a day


def test_unknown_links_and_unbookable_services(hall: Any) -> None:
    _center, web = hall
    assert web.get("/b").status_code == 200 and "企业开办" in web.get("/b").text and "不动产登记" not in web.get("/b").text
    assert "Starting a business" in web.get("/b?lang=en").text
    assert web.get("/b/B").status_code == 404  # no plan: not bookable
    assert web.get("/b/Z").status_code == 404
    assert web.get("/b/A/2020-01-01").status_code == 200 and "当天没有可预约的时段" in web.get("/b/A/2020-01-01").text
    assert web.get(f"/b/A/{_day().isoformat()}/0915").status_code == 404  # no such slot
    assert web.get("/a/" + "x" * 22).status_code == 404
    assert web.get("/h/" + "x" * 22).status_code == 404
    assert web.get("/a/short").status_code == 404
    assert web.post("/a/" + "x" * 22 + "/cancel").status_code == 404
