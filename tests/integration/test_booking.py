"""Appointments booked from the phone (issue 18), at the center on SQLite and PostgreSQL: slots from the
opening hours, the working-day calendar and the windows; capacity under concurrency; SMS codes; cancel,
reschedule; the no-show rule; rate limits; the reminder the day before; the kiosk's check-in.

The tests run at any instant (HALL_TEST_CLOCK): the days they book are counted from the hall's today, and
the calendar of this year and the next is entered as the admin's (every weekday a working day) with a
holiday and a make-up Saturday (调休) put where the test needs them."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from app.center import booking as b
from app.center.booking_watch import BookingWatch
from app.config import Settings
from app.domain.clock import HALL_TZ, local_today
from app.store import models as m
from tests.support.center import CenterServer, seed_minimal

ID1 = "11010519491231002X"
ID2 = "110101199003071236"[:17]
ID3 = "44030519991231001"
PHONE1, PHONE2, PHONE3 = "13812345678", "13912345678", "13712345670"


def _valid(id17: str) -> str:
    from app.domain.idnumber import check_digit

    return id17 + check_digit(id17)


ID2, ID3 = _valid(ID2), _valid(ID3)


def _admin_calendar(c: CenterServer, days: list[tuple[dt.date, bool, str]] = ()) -> None:  # type: ignore[assignment]
    today = local_today()
    with c.db.write_session() as s:
        for year in (today.year, today.year + 1):
            s.add(m.CalendarYear(year=year, source="admin", entered_by="admin"))
        for day, work, name in days:
            s.add(m.CalendarDay(day=day, is_workday=work, name=name, source="admin"))


def _weekdays(n: int, start: int = 1) -> list[dt.date]:
    today, out = local_today(), list[dt.date]()
    d = today + dt.timedelta(days=start)
    while len(out) < n:
        if d.weekday() < 5:
            out.append(d)
        d += dt.timedelta(days=1)
    return out


@pytest.fixture
def center(db_url: str, tmp_path: Any) -> Any:
    c = CenterServer(db_url, tmp_path / "center")
    c.settings = Settings(data_dir=tmp_path / "center")
    c.settings.booking.per_client_per_hour = 1000
    c.settings.notify.code_limits.phone_per_minute = 0  # the tests ask for codes faster than a person would
    c.settings.notify.code_limits.ip_per_hour = 0
    c.settings.notify.code_limits.ip_per_day = 0
    c.settings.notify.channel, c.settings.notify.file_dir = "file", tmp_path / "sms"
    with c:
        seed_minimal(c.db)
        with c.db.write_session() as s:
            for cat in s.scalars(select(m.Category)):
                cat.hours = "09:00-12:00,13:30-17:30"
        yield c


def _manager(c: CenterServer) -> httpx.Client:
    login = httpx.post(f"{c.url}/api/v1/auth/login", json={"username": "manager", "password": "manager"}).json()
    return httpx.Client(base_url=f"{c.url}/api/v1", headers={"Authorization": f"Bearer {login['token']}"})


def _anon(c: CenterServer) -> httpx.Client:
    return httpx.Client(base_url=f"{c.url}/api/v1/public", timeout=30)


def _plan(c: CenterServer, prefix: str = "A", **plan: Any) -> dict[str, Any]:
    body = {"slot_minutes": 30, "per_window": 1, "days_ahead": 10, "cutoff_minutes": 60, **plan}
    r = _manager(c).put(f"/booking/plans/{prefix}", json=body)
    assert r.status_code == 200, r.text
    return dict(r.json())


def sms_code(c: CenterServer, phone: str) -> str:
    """The newest booking code sent to this phone, read from the notifier's outbox."""
    with c.db.read_session() as s:
        for msg in s.scalars(
            select(m.NotifyMessage).where(m.NotifyMessage.event == "booking_code").order_by(m.NotifyMessage.created_at.desc())
        ):
            if c.cipher.decrypt(msg.phone_enc) == phone:
                return str(msg.params["code"])
    raise AssertionError(f"no booking code for {phone}")


def _messages(c: CenterServer, event: str) -> list[Any]:
    with c.db.read_session() as s:
        return list(s.scalars(select(m.NotifyMessage).where(m.NotifyMessage.event == event)))


def _hold(c: CenterServer, start: str, *, id_number: str = ID1, phone: str = PHONE1, **extra: Any) -> httpx.Response:
    body = {"category": "A", "start": start, "name": "张三丰", "id_number": id_number, "phone": phone,
            "consent": True, "client": "198.51.100.7", **extra}
    return _anon(c).post("/booking/holds", json=body)


def _book(c: CenterServer, start: str, *, id_number: str = ID1, phone: str = PHONE1) -> dict[str, Any]:
    r = _hold(c, start, id_number=id_number, phone=phone)
    assert r.status_code == 201, r.text
    got = _anon(c).post(f"/booking/holds/{r.json()['hold']}/confirm", json={"code": sms_code(c, phone)})
    assert got.status_code == 201, got.text
    return dict(got.json())


def _slots(c: CenterServer, day: dt.date, prefix: str = "A") -> list[dict[str, Any]]:
    r = _anon(c).get(f"/booking/{prefix}/slots", params={"day": day.isoformat()})
    assert r.status_code == 200, r.text
    return list(r.json()["slots"])


# ------------------------------------------------------------------ plans and slots


def test_only_a_manager_sets_plans_and_an_unplanned_category_is_not_bookable(center: CenterServer) -> None:
    _admin_calendar(center)
    body = {"slot_minutes": 30, "per_window": 2, "days_ahead": 7, "cutoff_minutes": 60}
    assert httpx.put(f"{center.url}/api/v1/booking/plans/A", json=body).status_code == 401
    clerk = httpx.post(f"{center.url}/api/v1/auth/login", json={"username": "clerk01", "password": "clerk", "window": 1})
    r = httpx.put(f"{center.url}/api/v1/booking/plans/A", json=body,
                  headers={"Authorization": f"Bearer {clerk.json()['token']}"})
    assert r.status_code == 403
    assert _anon(center).get("/booking/A/days").json()["error"] == "not_bookable"
    assert _anon(center).get("/booking/categories").json()["categories"] == []
    got = _plan(center, per_window=2, days_ahead=7)
    assert got["plan"]["per_window"] == 2 and got["windows"] == 2
    cats = _anon(center).get("/booking/categories").json()["categories"]
    assert [x["category"] for x in cats] == ["A"] and cats[0]["items"] == [{"code": "ITEM-001", "name": "企业设立登记"}]
    assert _manager(center).put("/booking/plans/A", json={**body, "slot_minutes": 1}).status_code == 422
    assert _manager(center).put("/booking/plans/Z", json=body).status_code == 404
    plans = _manager(center).get("/booking/plans").json()
    assert {p["category"]: bool(p["plan"]) for p in plans} == {"A": True, "B": False}


def test_slots_come_from_hours_calendar_and_windows(center: CenterServer) -> None:
    d1, d2 = _weekdays(2, start=2)
    today = local_today()
    saturday = next(today + dt.timedelta(days=n) for n in range(2, 11) if (today + dt.timedelta(days=n)).weekday() == 5)
    sunday = saturday + dt.timedelta(days=1)
    _admin_calendar(center, [(d1, False, "测试节"), (saturday, True, "测试节")])
    _plan(center, per_window=3)
    days = {d["day"]: d for d in _anon(center).get("/booking/A/days").json()["days"]}
    assert len(days) == 11  # today and ten days ahead
    assert days[d1.isoformat()]["open"] is False and days[d1.isoformat()]["holiday"] == "测试节"
    assert days[sunday.isoformat()]["open"] is False
    assert days[saturday.isoformat()]["open"] is True  # 调休: a working Saturday
    assert days[d2.isoformat()]["free"] == 14 * 3 * 2  # 6 + 8 slots × 3 places × 2 windows
    slots = _slots(center, d2)
    assert [x["time"] for x in slots][:7] == ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:30"]
    assert slots[-1]["end_time"] == "17:30" and all(x["capacity"] == 6 and x["bookable"] for x in slots)
    # a window switched off serves no appointments; a window that stops serving A neither
    with center.db.write_session() as s:
        s.scalar(select(m.Window).where(m.Window.number == 2)).active = False  # type: ignore[union-attr]
    assert _slots(center, d2)[0]["capacity"] == 3
    with center.db.write_session() as s:
        w1 = s.scalar(select(m.Window).where(m.Window.number == 1))
        assert w1 is not None
        w1.categories = [wc for wc in w1.categories if wc.position != 0]  # only B left
    assert _slots(center, d2)[0]["capacity"] == 0 and not _slots(center, d2)[0]["bookable"]
    # the ticket cut-off: no slot starts in the minutes before closing when no ticket is issued
    with center.db.write_session() as s:
        cat = s.scalar(select(m.Category).where(m.Category.prefix == "A"))
        assert cat is not None
        cat.hours, cat.cutoff_minutes = "09:00-12:00", 30
        s.scalar(select(m.Window).where(m.Window.number == 2)).active = True  # type: ignore[union-attr]
    assert [x["time"] for x in _slots(center, d2)][-1] == "11:00"  # 11:30 falls in the cut-off
    assert _slots(center, d2)[0]["capacity"] == 3  # window 2 again; window 1 still serves only B


def test_booking_cancel_frees_the_place_and_reschedule_moves_it(center: CenterServer) -> None:
    _admin_calendar(center)
    d1, d2 = _weekdays(2, start=2)
    _plan(center)  # one place per window: 2 per slot
    first = _slots(center, d1)[0]
    booked = _book(center, first["start"])
    assert len(booked["code"]) == 8 and booked["status"] == "booked"
    assert booked["id_number_masked"] == "110105********002X" and booked["phone_masked"] == "138****5678"
    assert booked["name_masked"] == "张*丰" and booked["can_cancel"] and booked["can_reschedule"]
    assert ID1 not in str(booked) and PHONE1 not in str(booked) and "张三丰" not in str(booked)
    assert _slots(center, d1)[0]["free"] == 1
    [msg] = _messages(center, "appointment_booked")
    assert msg.params["code"] == booked["code"] and msg.params["time"] == "09:00"
    page = _anon(center).get(f"/appointments/{booked['token']}").json()
    assert page["code"] == booked["code"] and page["category_name"] == "企业开办"
    # reschedule to another day: the old place is free, the new one taken
    other = _slots(center, d2)[3]
    moved = _anon(center).post(f"/appointments/{booked['token']}/reschedule", json={"start": other["start"]})
    assert moved.status_code == 200, moved.text
    assert moved.json()["day"] == d2.isoformat() and moved.json()["time"] == other["time"]
    assert _slots(center, d1)[0]["free"] == 2 and _slots(center, d2)[3]["free"] == 1
    assert len(_messages(center, "appointment_booked")) == 2  # the new time is sent too
    # a time that is no slot: refused, the booking stands
    nowhere = dt.datetime.fromisoformat(other["start"]) + dt.timedelta(minutes=10)
    bad = _anon(center).post(f"/appointments/{booked['token']}/reschedule", json={"start": nowhere.isoformat()})
    assert bad.status_code == 404 and bad.json()["error"] == "no_such_slot"
    assert _anon(center).get(f"/appointments/{booked['token']}").json()["time"] == other["time"]
    # a second move beyond the hall's limit is refused, and the page no longer offers it
    center.settings.booking.reschedule_limit = 1
    again = _anon(center).post(f"/appointments/{booked['token']}/reschedule", json={"start": first["start"]})
    assert again.status_code == 409 and again.json()["error"] == "reschedule_limit"
    assert _anon(center).get(f"/appointments/{booked['token']}").json()["can_reschedule"] is False
    # cancel frees the place; a second cancel answers the same; the page says cancelled
    r = _anon(center).post(f"/appointments/{booked['token']}/cancel")
    assert r.status_code == 200 and r.json()["status"] == "cancelled" and not r.json()["can_cancel"]
    assert _slots(center, d2)[3]["free"] == 2
    assert _anon(center).post(f"/appointments/{booked['token']}/cancel").json()["status"] == "cancelled"
    again = _anon(center).post(f"/appointments/{booked['token']}/reschedule", json={"start": first["start"]})
    assert again.status_code == 409 and again.json()["error"] == "cannot_reschedule"
    with center.db.read_session() as s:
        assert s.scalar(select(func.sum(m.AppointmentSlot.booked))) == 0
    assert _anon(center).get("/appointments/" + "x" * 22).status_code == 404
    # the manager's list of the day: masked forms only
    day = _manager(center).get("/booking/appointments", params={"day": d2.isoformat()}).json()
    assert [a["status"] for a in day["appointments"]] == ["cancelled"] and day["counts"] == {"cancelled": 1}
    assert day["appointments"][0]["phone_masked"] == "138****5678" and PHONE1 not in str(day)


def test_the_last_place_goes_to_one_of_two_at_once(center: CenterServer) -> None:
    _admin_calendar(center)
    [d1] = _weekdays(1, start=2)
    _plan(center, per_window=1)
    with center.db.write_session() as s:  # one window left: one place per slot
        s.scalar(select(m.Window).where(m.Window.number == 2)).active = False  # type: ignore[union-attr]
    slot = _slots(center, d1)[0]
    holds = []
    for id_number, phone in ((ID1, PHONE1), (ID2, PHONE2), (ID3, PHONE3)):
        r = _hold(center, slot["start"], id_number=id_number, phone=phone)
        assert r.status_code == 201, r.text
        holds.append((r.json()["hold"], sms_code(center, phone)))
    answers: list[httpx.Response] = []
    barrier = threading.Barrier(len(holds))

    def confirm(hold: str, code: str) -> None:
        barrier.wait()
        answers.append(_anon(center).post(f"/booking/holds/{hold}/confirm", json={"code": code}))

    threads = [threading.Thread(target=confirm, args=h) for h in holds]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    codes = sorted(r.status_code for r in answers)
    assert codes == [201, 409, 409], [r.text for r in answers]
    assert {r.json()["error"] for r in answers if r.status_code == 409} <= {"slot_taken", "day_full"}
    assert "slot_taken" in {r.json()["error"] for r in answers if r.status_code == 409}
    with center.db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(m.Appointment).where(m.Appointment.status == "booked")) == 1
        assert s.scalar(select(m.AppointmentSlot.booked)) == 1
    assert _slots(center, d1)[0]["free"] == 0 and not _slots(center, d1)[0]["bookable"]
    late = _hold(center, slot["start"], id_number=_valid("44030519991231005"), phone="13612345678")
    assert late.status_code == 409 and late.json()["error"] == "slot_taken"


def test_take_place_is_atomic_under_threads(center: CenterServer) -> None:
    """Straight at the database: twelve threads, three places: three take one, nine get none."""
    with center.db.read_session() as s:
        cat_id = s.scalar(select(m.Category.id).where(m.Category.prefix == "A"))
    start = dt.datetime(2030, 1, 2, 1, 0, tzinfo=dt.UTC)
    got: list[bool] = []
    barrier = threading.Barrier(12)

    def one() -> None:
        barrier.wait()
        for _ in range(20):
            try:
                with center.db.write_session() as s:
                    got.append(b.take_place(s, cat_id, start, 3))  # type: ignore[arg-type]
                return
            except Exception as exc:  # SQLite: a writer that waited too long for the lock tries again
                if "locked" not in str(exc):
                    raise

    threads = [threading.Thread(target=one) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(got) == [False] * 9 + [True] * 3
    with center.db.read_session() as s:
        assert s.scalar(select(m.AppointmentSlot.booked)) == 3


def test_codes_wrong_expired_and_too_many_tries(center: CenterServer) -> None:
    _admin_calendar(center)
    [d1] = _weekdays(1, start=2)
    _plan(center)
    slot = _slots(center, d1)[0]
    hold = _hold(center, slot["start"]).json()["hold"]
    code = sms_code(center, PHONE1)
    wrong = "000000" if code != "000000" else "111111"
    r = _anon(center).post(f"/booking/holds/{hold}/confirm", json={"code": wrong})
    assert r.status_code == 422 and r.json()["error"] == "code_wrong" and r.json()["params"]["left"] == 4
    for _ in range(3):
        _anon(center).post(f"/booking/holds/{hold}/confirm", json={"code": wrong})
    r = _anon(center).post(f"/booking/holds/{hold}/confirm", json={"code": wrong})
    assert r.status_code == 429 and r.json()["error"] == "too_many_tries"
    r = _anon(center).post(f"/booking/holds/{hold}/confirm", json={"code": code})  # even the right one now
    assert r.status_code == 429 and r.json()["error"] == "too_many_tries"
    # an expired code
    hold = _hold(center, slot["start"], id_number=ID2, phone=PHONE2).json()["hold"]
    with center.db.write_session() as s:
        row = s.scalar(select(m.BookingHold).where(m.BookingHold.token == hold))
        assert row is not None
        row.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)
    r = _anon(center).post(f"/booking/holds/{hold}/confirm", json={"code": sms_code(center, PHONE2)})
    assert r.status_code == 410 and r.json()["error"] == "code_expired"
    assert _anon(center).post("/booking/holds/" + "y" * 22 + "/confirm", json={"code": "1"}).status_code == 404
    # a confirmed hold answers the same appointment again (a resent form), never a second one
    hold = _hold(center, slot["start"], id_number=ID3, phone=PHONE3).json()["hold"]
    one = _anon(center).post(f"/booking/holds/{hold}/confirm", json={"code": sms_code(center, PHONE3)}).json()
    two = _anon(center).post(f"/booking/holds/{hold}/confirm", json={"code": "whatever"}).json()
    assert one["code"] == two["code"]
    with center.db.read_session() as s:
        assert s.scalar(select(func.count()).select_from(m.Appointment)) == 1


def test_input_is_checked_before_any_code_is_sent(center: CenterServer) -> None:
    _admin_calendar(center)
    [d1] = _weekdays(1, start=2)
    _plan(center)
    start = _slots(center, d1)[0]["start"]
    bad_id = _hold(center, start, id_number="110105194912310021")  # wrong check character
    assert bad_id.status_code == 422 and bad_id.json()["error"] == "invalid_id_number"
    assert _hold(center, start, phone="12345").json()["error"] in ("invalid_phone", "invalid_request")
    assert _hold(center, start, phone="23812345678").json()["error"] == "invalid_phone"
    assert _hold(center, start, consent=False).json()["error"] == "consent_required"
    off = _hold(center, (dt.datetime.fromisoformat(start) + dt.timedelta(minutes=10)).isoformat())
    assert off.status_code == 404 and off.json()["error"] == "no_such_slot"
    far = (local_today() + dt.timedelta(days=20)).isoformat() + "T09:00:00+08:00"
    assert _hold(center, far).json()["error"] == "day_not_bookable"
    assert _hold(center, start, category="B").json()["error"] == "not_bookable"
    assert _hold(center, start, item="NOPE").json()["error"] == "unknown_item"
    assert _messages(center, "booking_code") == []  # nothing was sent for any of them


def test_rate_limits_per_id_phone_and_client(center: CenterServer) -> None:
    _admin_calendar(center)
    [d1] = _weekdays(1, start=2)
    center.settings.booking.per_id_per_day = 2
    center.settings.booking.per_phone_per_day = 3
    center.settings.booking.per_client_per_hour = 5
    _plan(center)
    start = _slots(center, d1)[0]["start"]
    phones = iter(f"1381234{n:04d}" for n in range(100))
    ids = iter(_valid(f"44030519800101{n:03d}") for n in range(100, 200))
    here, there, elsewhere = "198.51.100.7", "203.0.113.1", "203.0.113.9"
    # per ID number: two requests a day
    assert _hold(center, start, phone=next(phones), client=here).status_code == 201
    assert _hold(center, start, phone=next(phones), client=here).status_code == 201
    r = _hold(center, start, phone=next(phones), client=here)
    assert r.status_code == 429 and r.json()["error"] == "rate_limited"
    # per phone: three requests a day, whoever asks
    for _ in range(3):
        assert _hold(center, start, id_number=next(ids), phone="13900000000", client=there).status_code == 201
    r = _hold(center, start, id_number=next(ids), phone="13900000000", client=there)
    assert r.status_code == 429 and r.json()["error"] == "rate_limited"
    # per client address: five requests an hour (two made above)
    for _ in range(3):
        assert _hold(center, start, id_number=next(ids), phone=next(phones), client=here).status_code == 201
    r = _hold(center, start, id_number=next(ids), phone=next(phones), client=here)
    assert r.status_code == 429 and r.json()["error"] == "rate_limited"
    assert _hold(center, start, id_number=next(ids), phone=next(phones), client=elsewhere).status_code == 201


def test_sms_codes_are_limited_per_phone_by_the_notifier(center: CenterServer) -> None:
    _admin_calendar(center)
    [d1] = _weekdays(1, start=2)
    center.settings.notify.code_limits.phone_per_minute = 1
    _plan(center)
    start = _slots(center, d1)[0]["start"]
    assert _hold(center, start).status_code == 201
    r = _hold(center, start, id_number=ID2)  # another booking, the same phone, within the minute
    assert r.status_code == 429 and r.json()["error"] == "code_rate_limited" and r.json()["params"]["seconds"] >= 1
    assert len(_messages(center, "booking_code")) == 1
    assert _hold(center, start, id_number=ID2, phone=PHONE2).status_code == 201


def test_no_show_rule_blocks_booking(center: CenterServer) -> None:
    _admin_calendar(center)
    [d1] = _weekdays(1, start=2)
    center.settings.booking.noshow_count = 2
    center.settings.booking.noshow_window_days = 30
    center.settings.booking.noshow_block_days = 14
    _plan(center)
    start = _slots(center, d1)[0]["start"]
    today = local_today()
    with center.db.write_session() as s:
        cat = s.scalar(select(m.Category).where(m.Category.prefix == "A"))
        assert cat is not None
        hashed = b.id_number_hash(s, ID1)
        for n, back in enumerate((3, 10)):
            t0 = dt.datetime.combine(today - dt.timedelta(days=back), dt.time(9), HALL_TZ)
            s.add(m.Appointment(code=f"9000000{n}", category_id=cat.id, id_number_hash=hashed, day=t0.date(),
                                slot_start=t0, slot_end=t0 + dt.timedelta(minutes=30), status="booked"))
    # the watch marks past booked appointments missed
    BookingWatch(center.db, center.settings, center.cipher).sweep()
    with center.db.read_session() as s:
        assert set(s.scalars(select(m.Appointment.status))) == {"missed"}
    r = _hold(center, start)
    assert r.status_code == 403 and r.json()["error"] == "booking_blocked"
    assert r.json()["params"]["until"] == (today - dt.timedelta(days=3) + dt.timedelta(days=14)).isoformat()
    assert _hold(center, start, id_number=ID2, phone=PHONE2).status_code == 201  # someone else books
    center.settings.booking.noshow_count = 3
    assert _hold(center, start).status_code == 201


def test_the_reminder_goes_once_the_day_before(center: CenterServer) -> None:
    _admin_calendar(center)
    [d1] = _weekdays(1, start=2)
    _plan(center)
    booked = _book(center, _slots(center, d1)[2]["start"])
    eve = dt.datetime.combine(d1 - dt.timedelta(days=1), dt.time(8, 59), HALL_TZ)
    early = BookingWatch(center.db, center.settings, center.cipher, clock=lambda: eve.astimezone(dt.UTC))
    assert early.sweep()["reminded"] == 0  # before remind_from (09:00)
    later = eve + dt.timedelta(minutes=2)
    watch = BookingWatch(center.db, center.settings, center.cipher, clock=lambda: later.astimezone(dt.UTC))
    assert watch.sweep()["reminded"] == 1
    assert watch.sweep()["reminded"] == 0  # once per appointment
    [msg] = _messages(center, "appointment_tomorrow")
    assert msg.params["code"] == booked["code"] and msg.params["date"] == d1.isoformat()
    assert msg.params["time"] == "10:00"


def test_the_kiosk_checks_in_a_booked_appointment_by_code_and_by_id_card(center: CenterServer, tmp_path: Any) -> None:
    """The existing kiosk flow (CheckInFlow over an enrolled kiosk terminal) finds the phone's booking by its
    code and by the ID card, and shows the booked slot. The clock is set to a Tuesday morning of 2026 (the
    package calendar knows it), so the check-in is on the appointment's own day whatever the real date."""
    import time_machine

    from kiosk.flows.ticket import CheckInFlow
    from tests.support.kiosk import kiosk_backend, kiosk_terminal

    with time_machine.travel(dt.datetime(2026, 12, 8, 0, 0, tzinfo=dt.UTC), tick=True):  # 08:00 in the hall
        _plan(center, cutoff_minutes=30)
        day = dt.date(2026, 12, 8)
        slots = _slots(center, day)
        assert slots[0]["time"] == "09:00" and slots[0]["bookable"]
        one = _book(center, slots[2]["start"])  # 10:00
        two = _book(center, slots[2]["start"], id_number=ID2, phone=PHONE2)
        _settings, term = kiosk_terminal(center.url, tmp_path)
    try:
        with time_machine.travel(dt.datetime(2026, 12, 8, 1, 55, tzinfo=dt.UTC), tick=True):  # 09:55
            backend = kiosk_backend(term, tmp_path / "prints")
            flow = CheckInFlow(backend)
            flow.enter_code(one["code"])
            flow.issue()
            assert flow.state == "printing" and flow.ticket is not None and flow.ticket.appointment
            assert flow.ticket.appointment_slot == "10:00–10:30"  # what the kiosk's page shows
            flow.print_()
            card = CheckInFlow(backend)
            card.card_read(ID2, "李四")
            card.issue()
            assert card.state == "printing" and card.ticket is not None and card.ticket.category == "A"
            again = CheckInFlow(backend)
            again.enter_code(one["code"])
            again.issue()
            assert again.state == "refused"
    finally:
        term.close()
    with center.db.read_session() as s:
        got = {a.code: a.status for a in s.scalars(select(m.Appointment))}
    assert got == {one["code"]: "checked_in", two["code"]: "checked_in"}
    assert _anon(center).get(f"/appointments/{one['token']}").json()["can_cancel"] is False
