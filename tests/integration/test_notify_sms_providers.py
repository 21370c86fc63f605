"""The SMS channels through the providers' own SDKs (Aliyun's alibabacloud_dysmsapi20170525, Tencent
Cloud's tencentcloud-sdk-python-sms) against local servers that speak each provider's API: real signed
requests on a real socket, the parameters checked as the provider reads them, and the answers a provider
gives — success, a refused number, flow control, a 5xx, a bad signature, no server at all. Then the sender
worker with a provider that is down and comes back: nothing lost, the back-off seen."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app import notify
from app.config import AliyunSmsSettings, NotifySettings, Settings, TencentSmsSettings
from app.notify.aliyun import AliyunSmsChannel
from app.notify.channels import Outgoing, Refused, Retry, Sent
from app.notify.tencent import TencentSmsChannel
from app.notify.worker import SenderWorker
from app.store import models as m
from app.store.crypto import FieldCipher
from app.store.db import Database
from tests.support.sms_providers import AliyunSms, TencentSms

KEY_ID, SECRET = "LTAI5tHallTestKeyId", "hall-test-secret-0123456789"
TEMPLATES = {"turn_soon": "SMS_465000001", "booking_code": "SMS_465000002", "case_accepted": "SMS_465000003"}


def _msg(event: str = "turn_soon", params: dict[str, str] | None = None, phone: str = "13812345678") -> Outgoing:
    return Outgoing("0193a6f2-0000-7000-8000-000000000001", "turn_soon:t1", event, phone, "138****5678",
                    params or {"number": "A012", "ahead": "3"}, "zh_CN", 1)


@pytest.fixture
def aliyun() -> Iterator[AliyunSms]:
    with AliyunSms(KEY_ID, SECRET) as server:
        yield server  # type: ignore[misc]


@pytest.fixture
def tencent() -> Iterator[TencentSms]:
    with TencentSms(KEY_ID, SECRET) as server:
        yield server  # type: ignore[misc]


def _aliyun_channel(server: AliyunSms, secret: str = SECRET) -> AliyunSmsChannel:
    rules = AliyunSmsSettings(sign_name="某某县政务服务中心", templates=TEMPLATES, endpoint=server.endpoint,
                              protocol="http")
    return AliyunSmsChannel(rules, KEY_ID, secret, timeout_s=3)


def _tencent_channel(server: TencentSms, secret: str = SECRET) -> TencentSmsChannel:
    rules = TencentSmsSettings(sign_name="某某县政务服务中心", sdk_app_id="1400000001",
                               templates={"turn_soon": "2000001", "case_accepted": "2000003"},
                               endpoint=server.endpoint, protocol="http")
    return TencentSmsChannel(rules, KEY_ID, secret, timeout_s=3)


# ------------------------------------------------------------------------------------------- Aliyun


def test_aliyun_sends_a_signed_request_with_the_template_and_params(aliyun: AliyunSms) -> None:
    result = _aliyun_channel(aliyun).send(_msg())
    assert isinstance(result, Sent) and result.ref == "100619746936498440^0"
    (seen,) = aliyun.seen
    assert seen.signature_ok, "the SDK's ACS3-HMAC-SHA256 signature checks out on the server"
    assert seen.headers["x-acs-action"] == "SendSms" and seen.headers["x-acs-version"] == "2017-05-25"
    assert seen.query["PhoneNumbers"] == "13812345678"
    assert seen.query["SignName"] == "某某县政务服务中心"
    assert seen.query["TemplateCode"] == "SMS_465000001"
    assert json.loads(seen.query["TemplateParam"]) == {"number": "A012", "ahead": "3"}
    assert seen.query["OutId"] == "0193a6f2-0000-7000-8000-000000000001"


def test_aliyun_answers_map_to_sent_refused_retry(aliyun: AliyunSms) -> None:
    channel = _aliyun_channel(aliyun)
    aliyun.mode = "refuse"
    refused = channel.send(_msg())
    assert isinstance(refused, Refused) and refused.reason.startswith("isv.MOBILE_NUMBER_ILLEGAL")
    aliyun.mode = "limit"  # flow control: later it goes
    assert isinstance(channel.send(_msg()), Retry)
    aliyun.mode = "5xx"
    down = channel.send(_msg())
    assert isinstance(down, Retry) and "503" in down.reason and "ServiceUnavailable" in down.reason
    aliyun.mode = "ok"
    wrong_keys = _aliyun_channel(aliyun, secret="not-the-secret").send(_msg())  # an admin fixes them: kept
    assert isinstance(wrong_keys, Retry) and "SignatureDoesNotMatch" in wrong_keys.reason
    assert [s.signature_ok for s in aliyun.seen] == [True, True, True, False]


def test_aliyun_without_a_template_for_the_event_waits(aliyun: AliyunSms) -> None:
    result = _aliyun_channel(aliyun).send(_msg("result_ready", {"item": "x", "case_number": "y"}))
    assert isinstance(result, Retry) and "templates.result_ready" in result.reason
    assert aliyun.seen == []


# ------------------------------------------------------------------------------------------ Tencent


def test_tencent_sends_a_signed_request_with_the_template_and_params(tencent: TencentSms) -> None:
    result = _tencent_channel(tencent).send(
        _msg("case_accepted", {"item": "企业设立登记", "case_number": "H01-0001", "due": "2026-12-10"})
    )
    assert isinstance(result, Sent) and result.ref.startswith("5000:")
    (seen,) = tencent.seen
    assert seen.signature_ok, "the SDK's TC3-HMAC-SHA256 signature checks out on the server"
    assert seen.headers["x-tc-action"] == "SendSms" and seen.headers["x-tc-version"] == "2021-01-11"
    assert seen.headers["x-tc-region"] == "ap-guangzhou"
    body = seen.json()
    assert body["PhoneNumberSet"] == ["+8613812345678"]
    assert body["SmsSdkAppId"] == "1400000001" and body["SignName"] == "某某县政务服务中心"
    assert body["TemplateId"] == "2000003"
    assert body["TemplateParamSet"] == ["企业设立登记", "H01-0001", "2026-12-10"]  # the order of {1} {2} {3}


def test_tencent_answers_map_to_sent_refused_retry(tencent: TencentSms) -> None:
    channel = _tencent_channel(tencent)
    tencent.mode = "refuse"
    refused = channel.send(_msg())
    assert isinstance(refused, Refused) and "IncorrectPhoneNumber" in refused.reason
    tencent.mode = "limit"
    assert isinstance(channel.send(_msg()), Retry)
    tencent.mode = "5xx"
    down = channel.send(_msg())
    assert isinstance(down, Retry) and down.reason.startswith("ServerNetworkError")
    tencent.mode = "ok"
    wrong_keys = _tencent_channel(tencent, secret="not-the-secret").send(_msg())
    assert isinstance(wrong_keys, Retry) and "AuthFailure.SignatureFailure" in wrong_keys.reason
    assert [s.signature_ok for s in tencent.seen] == [True, True, True, False]


def test_no_server_at_all_is_a_retry(tencent: TencentSms, aliyun: AliyunSms) -> None:
    tencent.stop()
    aliyun.stop()
    assert isinstance(_tencent_channel(tencent).send(_msg()), Retry)
    assert isinstance(_aliyun_channel(aliyun).send(_msg()), Retry)


# --------------------------------------------------------------------- the worker, provider down then up


@pytest.mark.parametrize("provider", ["aliyun", "tencent"])
def test_a_provider_down_then_up_loses_nothing(migrated_db: Database, provider: str) -> None:
    cipher = FieldCipher(FieldCipher.new_key())
    notify.bind_cipher(migrated_db.engine, cipher)
    server = (AliyunSms if provider == "aliyun" else TencentSms)(KEY_ID, SECRET)  # not started: down
    channel = _aliyun_channel(server) if provider == "aliyun" else _tencent_channel(server)  # type: ignore[arg-type]
    phones = ["13800000001", "13900000002", "15000000003"]
    with migrated_db.write_session() as s:
        for i, phone in enumerate(phones):
            assert notify.enqueue(s, event="turn_soon", phone=phone, params={"number": f"A00{i}", "ahead": 3},
                                  key=f"turn_soon:{i}")
    t0 = dt.datetime.now(dt.UTC)
    clock = [t0]
    rules = NotifySettings(retry_base_seconds=20, retry_max_seconds=600, retry_jitter=0)
    worker = SenderWorker(migrated_db, cipher, rules, channel, clock=lambda: clock[0])

    def rows() -> list[m.NotifyMessage]:
        with migrated_db.read_session() as s:
            return list(s.scalars(select(m.NotifyMessage).order_by(m.NotifyMessage.key)))

    gaps = []
    for attempt in (1, 2, 3):  # down: every try fails, each wait twice the one before
        assert worker.round() == 3
        assert {r.status for r in rows()} == {"waiting"} and {r.attempts for r in rows()} == {attempt}
        gaps.append(round((rows()[0].next_attempt_at - clock[0]).total_seconds()))
        assert worker.round() == 0
        clock[0] = max(r.next_attempt_at for r in rows())
    assert gaps == [20, 40, 80]
    server.start()  # up again
    try:
        assert worker.round() == 3
        assert [r.status for r in rows()] == ["sent"] * 3 and all(r.provider_ref for r in rows())
        sent_to = sorted(
            s.query.get("PhoneNumbers") or s.json()["PhoneNumberSet"][0].removeprefix("+86") for s in server.seen
        )
        assert sent_to == phones  # each exactly once
        assert all(s.signature_ok for s in server.seen)
        clock[0] += dt.timedelta(hours=1)
        assert worker.round() == 0
    finally:
        server.stop()


def test_the_factory_reads_the_keys_from_the_keyring(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from app.errors import ConfigError
    from app.notify.credentials import store_provider_keys
    from app.notify.factory import build_channel

    settings = Settings(data_dir=tmp_path, keyring_file=tmp_path / "secrets.cfg",
                        notify=NotifySettings(channel="aliyun"))
    with pytest.raises(ConfigError, match="hall notify keys aliyun"):
        build_channel(settings)
    store_provider_keys(settings, "aliyun", KEY_ID, SECRET)
    channel = build_channel(settings)
    assert isinstance(channel, AliyunSmsChannel)
    assert oct((tmp_path / "secrets.cfg").stat().st_mode & 0o777) == "0o600"
    assert SECRET not in json.dumps(settings.model_dump(mode="json"))  # never in hall.toml's settings
