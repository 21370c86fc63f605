"""The notifier's outbox (issue 18), on SQLite and PostgreSQL: enqueue in the caller's transaction,
idempotent by key, the phone sealed; the sender worker through the file channel, with retries, back-off,
permanent refusals and expiry; the SMS-code rate limit shared by two center processes."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select, text

from app import notify
from app.config import CodeLimits, NotifySettings
from app.domain.phone import InvalidPhone
from app.notify.channels import FileChannel, Outgoing, Refused, Result, Retry, Sent, read_file_channel
from app.notify.report import outbox_state
from app.notify.worker import SenderWorker, backoff
from app.store import models as m
from app.store.crypto import FieldCipher
from app.store.db import Database

PHONE = "13812345678"


@pytest.fixture
def cipher(migrated_db: Database) -> FieldCipher:
    c = FieldCipher(FieldCipher.new_key())
    notify.bind_cipher(migrated_db.engine, c)
    return c


def _enqueue(db: Database, key: str = "turn_soon:t1", **kw: object) -> bool:
    with db.write_session() as s:
        return notify.enqueue(
            s,
            event=str(kw.get("event", "turn_soon")),
            phone=str(kw.get("phone", PHONE)),
            params=kw.get("params", {"number": "A012", "ahead": 3}),  # type: ignore[arg-type]
            key=key,
            language=str(kw.get("language", "zh_CN")),
        )


def _rows(db: Database) -> list[m.NotifyMessage]:
    with db.read_session() as s:
        return list(s.scalars(select(m.NotifyMessage).order_by(m.NotifyMessage.created_at)))


def test_enqueue_is_idempotent_by_key_and_seals_the_phone(migrated_db: Database, cipher: FieldCipher) -> None:
    assert _enqueue(migrated_db, phone="+86 138-1234-5678") is True
    assert _enqueue(migrated_db, params={"number": "A099", "ahead": 1}) is False  # same key: no-op
    (row,) = _rows(migrated_db)
    assert row.params == {"number": "A012", "ahead": "3"}
    assert row.phone_masked == "138****5678" and row.status == "waiting"
    assert PHONE.encode() not in row.phone_enc and cipher.decrypt(row.phone_enc) == PHONE
    with migrated_db.read_session() as s:  # nowhere in the row's text either
        dump = " ".join(str(v) for v in s.execute(text("SELECT * FROM notify_messages")).one())
    assert PHONE not in dump
    assert row.expires_at is not None and row.expires_at - row.created_at == dt.timedelta(minutes=30)


def test_enqueue_follows_the_callers_transaction(migrated_db: Database, cipher: FieldCipher) -> None:
    with pytest.raises(RuntimeError), migrated_db.write_session() as s:
        notify.enqueue(s, event="turn_soon", phone=PHONE, params={"number": "A1", "ahead": 2}, key="k-rolled-back")
        raise RuntimeError("the caller's work failed")
    assert _rows(migrated_db) == []
    with migrated_db.write_session() as s:  # two in one transaction, the second a repeat of the first
        assert notify.enqueue(s, event="turn_soon", phone=PHONE, params={"number": "A1", "ahead": 2}, key="k")
        assert not notify.enqueue(s, event="turn_soon", phone=PHONE, params={"number": "A1", "ahead": 2}, key="k")
    assert len(_rows(migrated_db)) == 1


def test_enqueue_refuses_what_cannot_be_sent(migrated_db: Database, cipher: FieldCipher) -> None:
    with pytest.raises(notify.UnknownEvent):
        _enqueue(migrated_db, event="lottery_win")
    with pytest.raises(ValueError, match="missing parameters ahead"):
        _enqueue(migrated_db, params={"number": "A1"})
    with pytest.raises(InvalidPhone):
        _enqueue(migrated_db, phone="0591-87654321")  # a landline gets no SMS
    assert _rows(migrated_db) == []


def test_every_template_renders_in_both_languages_and_fits_two_sms() -> None:
    assert {"booking_code", "appointment_booked", "appointment_tomorrow", "turn_soon", "case_accepted",
            "correction_needed", "result_ready", "deferral_due"} <= notify.EVENTS
    for tpl in notify.TEMPLATES.values():
        sample = {p: "测试事项名称" if p == "item" else "X" * 6 for p in tpl.params}
        zh, en = tpl.render(sample, "zh_CN"), tpl.render(sample, "en")
        assert "{" not in zh and "{" not in en
        assert len(zh) + len("【某某县政务服务中心】") <= 134, (tpl.event, len(zh))  # two SMS of 67
        assert tpl.en.isascii() and not tpl.zh_CN.isascii(), tpl.event  # each language in its own words
    assert notify.TEMPLATES["turn_soon"].render({"number": "A012", "ahead": 3}) == (
        "您的A012号前面还有3位，即将叫号，请及时返回大厅留意叫号。"
    )


def _worker(db: Database, cipher: FieldCipher, channel: object, clock: list[dt.datetime], **rules: object) -> SenderWorker:
    settings = NotifySettings(retry_base_seconds=10, retry_max_seconds=80, retry_jitter=0, **rules)  # type: ignore[arg-type]
    return SenderWorker(db, cipher, settings, channel, clock=lambda: clock[0])  # type: ignore[arg-type]


def test_worker_delivers_through_the_file_channel(migrated_db: Database, cipher: FieldCipher, tmp_path, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="hall.notify")
    _enqueue(migrated_db)
    _enqueue(migrated_db, key="booked:1", event="case_accepted", language="en",
             params={"item": "企业设立登记", "case_number": "H01-2026-0001", "due": "2026-12-10"})
    clock = [dt.datetime.now(dt.UTC)]
    worker = _worker(migrated_db, cipher, FileChannel(tmp_path / "sms"), clock)
    assert worker.round() == 2
    assert worker.round() == 0  # nothing twice
    lines = read_file_channel(tmp_path / "sms")
    assert [ln["event"] for ln in lines] == ["turn_soon", "case_accepted"]
    assert lines[0]["phone"] == PHONE and lines[0]["text"] == "您的A012号前面还有3位，即将叫号，请及时返回大厅留意叫号。"
    assert str(lines[1]["text"]).startswith("Your application for 企业设立登记 has been accepted")
    assert {r.status for r in _rows(migrated_db)} == {"sent"}
    assert all(r.channel == "file" and r.sent_at for r in _rows(migrated_db))
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "138****5678" in logged and PHONE not in logged


@dataclass
class Scripted:
    """A channel that answers from a script (then Sent), recording every attempt."""

    script: list[Result]
    name: str = "scripted"
    seen: list[Outgoing] = field(default_factory=list)

    def send(self, message: Outgoing) -> Result:
        self.seen.append(message)
        if self.script:
            r = self.script.pop(0)
            if isinstance(r, Exception):
                raise r
            return r
        return Sent("ok-1")


def test_retries_back_off_and_nothing_is_lost(migrated_db: Database, cipher: FieldCipher) -> None:
    _enqueue(migrated_db)
    t0 = dt.datetime.now(dt.UTC)
    clock = [t0]
    channel = Scripted([Retry("HTTP 503"), ConnectionError("refused"), Retry("timeout")])  # type: ignore[list-item]
    worker = _worker(migrated_db, cipher, channel, clock)
    waits = []
    for _ in range(3):
        assert worker.round() == 1
        (row,) = _rows(migrated_db)
        assert row.status == "waiting" and row.last_error
        waits.append((row.next_attempt_at - clock[0]).total_seconds())
        assert worker.round() == 0  # not due yet
        clock[0] = row.next_attempt_at
    assert waits == pytest.approx([10, 20, 40], abs=0.01)  # exponential
    assert worker.round() == 1
    (row,) = _rows(migrated_db)
    assert row.status == "sent" and row.attempts == 4 and row.provider_ref == "ok-1"
    assert [msg.attempt for msg in channel.seen] == [1, 2, 3, 4]


def test_backoff_is_capped_and_spread() -> None:
    rules = NotifySettings(retry_base_seconds=30, retry_max_seconds=1800, retry_jitter=0.1)
    assert backoff(1, rules, lambda: 0.5) == 30 and backoff(20, rules, lambda: 0.5) == 1800
    assert backoff(1, rules, lambda: 0.0) == pytest.approx(27) and backoff(1, rules, lambda: 1.0) == pytest.approx(33)


def test_a_refusal_is_recorded_not_retried(migrated_db: Database, cipher: FieldCipher) -> None:
    _enqueue(migrated_db)
    clock = [dt.datetime.now(dt.UTC)]
    worker = _worker(migrated_db, cipher, Scripted([Refused("isv.MOBILE_NUMBER_ILLEGAL 13812345678")]), clock)
    assert worker.round() == 1
    (row,) = _rows(migrated_db)
    assert row.status == "failed" and "MOBILE_NUMBER_ILLEGAL" in (row.last_error or "")
    assert PHONE not in (row.last_error or "")  # the provider's words are masked too
    clock[0] += dt.timedelta(days=1)
    assert worker.round() == 0


def test_expired_and_exhausted_messages_fail_with_the_reason(migrated_db: Database, cipher: FieldCipher) -> None:
    _enqueue(migrated_db, key="late")
    clock = [dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)]  # a 「快到号」 SMS two hours late
    channel = Scripted([])
    assert _worker(migrated_db, cipher, channel, clock).round() == 1
    assert channel.seen == [] and _rows(migrated_db)[0].last_error.startswith("expired")  # type: ignore[union-attr]
    _enqueue(migrated_db, key="flaky", event="result_ready", params={"item": "x", "case_number": "y"})
    clock = [dt.datetime.now(dt.UTC)]
    worker = _worker(migrated_db, cipher, Scripted([Retry("down")] * 5), clock, max_attempts=2)
    worker.round()
    clock[0] += dt.timedelta(minutes=5)
    worker.round()
    row = next(r for r in _rows(migrated_db) if r.key == "flaky")
    assert row.status == "failed" and row.last_error.startswith("gave up after 2 attempts")  # type: ignore[union-attr]
    state = outbox_state(migrated_db.read_session().__enter__())
    assert state["counts"]["failed"] == 2


def test_a_crashed_senders_lease_runs_out(migrated_db: Database, cipher: FieldCipher) -> None:
    _enqueue(migrated_db)
    clock = [dt.datetime.now(dt.UTC)]
    first = _worker(migrated_db, cipher, Scripted([]), clock, lease_seconds=60)
    assert len(first.claim()) == 1  # claimed, then the process died before sending
    second = _worker(migrated_db, cipher, Scripted([]), clock, lease_seconds=60)
    assert second.round() == 0  # the lease holds
    clock[0] += dt.timedelta(seconds=61)
    assert second.round() == 1
    assert _rows(migrated_db)[0].status == "sent"


def test_sms_code_limits_are_shared_by_two_processes(migrated_db: Database, cipher: FieldCipher) -> None:
    other = Database(migrated_db.url)  # a second center process on the same database
    notify.bind_cipher(other.engine, cipher)
    limits = CodeLimits(phone_per_minute=1, phone_per_hour=3, phone_per_day=4, ip_per_hour=5, ip_per_day=6)
    t0 = dt.datetime.now(dt.UTC)

    def ask(db: Database, phone: str, ip: str, at: dt.datetime) -> notify.Allowance:
        with db.write_session() as s:
            return notify.allow_sms_code(s, phone=phone, ip=ip, limits=limits, now=at)

    try:
        assert ask(migrated_db, PHONE, "10.0.0.1", t0).allowed
        refused = ask(other, PHONE, "10.0.0.1", t0 + dt.timedelta(seconds=20))
        assert (refused.allowed, refused.reason, refused.retry_after_s) == (False, "phone_per_minute", 40)
        assert ask(other, PHONE, "10.0.0.1", t0 + dt.timedelta(minutes=2)).allowed
        assert ask(migrated_db, PHONE, "10.0.0.2", t0 + dt.timedelta(minutes=4)).allowed
        assert ask(other, PHONE, "10.0.0.3", t0 + dt.timedelta(minutes=6)).reason == "phone_per_hour"
        for i in range(3):  # other phones from one address
            assert ask(migrated_db, f"1390000000{i}", "10.0.0.1", t0 + dt.timedelta(minutes=10 + 2 * i)).allowed
        assert ask(other, "13900000009", "10.0.0.1", t0 + dt.timedelta(minutes=20)).reason == "ip_per_hour"
        # a refusal counts nothing; the hour passes
        assert ask(migrated_db, PHONE, "10.0.0.4", t0 + dt.timedelta(minutes=70)).allowed
        assert ask(migrated_db, PHONE, "10.0.0.4", t0 + dt.timedelta(minutes=140)).reason == "phone_per_day"
        with migrated_db.read_session() as s:
            keys = s.scalars(select(m.RateHit.key)).all()
        assert keys and not any(PHONE in k or "10.0.0" in k for k in keys)  # keyed hashes only
    finally:
        other.dispose()


def test_rolled_back_code_is_not_counted(migrated_db: Database, cipher: FieldCipher) -> None:
    with pytest.raises(RuntimeError), migrated_db.write_session() as s:
        assert notify.allow_sms_code(s, phone=PHONE, ip="10.0.0.1").allowed
        raise RuntimeError("the code could not be queued")
    with migrated_db.write_session() as s:
        assert notify.allow_sms_code(s, phone=PHONE, ip="10.0.0.1").allowed
