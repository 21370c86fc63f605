"""SMS through Aliyun (阿里云短信服务, Dysmsapi 2017-05-25) with its own Python SDK
(`alibabacloud_dysmsapi20170525`, signed requests of the ACS3-HMAC-SHA256 kind).

hall.toml names the sign (`notify.aliyun.sign_name`) and, per event, the approved template code
(`notify.aliyun.templates`, e.g. booking_code = "SMS_460000001"); the template's variables carry the
names of app.notify.templates (`${code}`, `${number}` …). The access keys come from the keyring.

What the answer means for the message: `OK` is sent (the BizId kept); a refusal of the message itself
(a bad number, a blacklisted one, a template variable too long, the day's limit for that number, a
template or sign not approved) is permanent; everything about the provider or the account (5xx, no
answer, flow control, an unpaid account, wrong keys while an admin fixes them) is retried with back-off."""

from __future__ import annotations

import json
import logging
from typing import Any

from alibabacloud_dysmsapi20170525 import models as sms_models
from alibabacloud_dysmsapi20170525.client import Client
from alibabacloud_tea_openapi import utils_models as open_api_models
from darabonba.runtime import RuntimeOptions

from app.config import AliyunSmsSettings
from app.notify.channels import Outgoing, Refused, Result, Retry, Sent

log = logging.getLogger("hall.notify.aliyun")

# codes of a message that no retry can send (https://help.aliyun.com/zh/sms/developer-reference/api-error-codes)
PERMANENT = frozenset(
    {
        "isv.MOBILE_NUMBER_ILLEGAL",
        "isv.MOBILE_COUNT_OVER_LIMIT",
        "isv.BLACK_KEY_CONTROL_LIMIT",
        "isv.PARAM_LENGTH_LIMIT",
        "isv.PARAM_NOT_SUPPORT_URL",
        "isv.INVALID_JSON_PARAM",
        "isv.INVALID_PARAMETERS",
        "isv.TEMPLATE_MISSING_PARAMETERS",
        "isv.TEMPLATE_PARAMS_ILLEGAL",
        "isv.SMS_TEMPLATE_ILLEGAL",
        "isv.SMS_SIGNATURE_ILLEGAL",
        "isv.SMS_SIGN_ILLEGAL",
        "isv.SMS_CONTENT_ILLEGAL",
        "isv.DAY_LIMIT_CONTROL",
        "isv.DENY_IP_RANGE",
        "isv.EXTEND_CODE_ERROR",
        "isv.DOMESTIC_NUMBER_NOT_SUPPORTED",
        "MissingPhoneNumbers",
        "MissingTemplateCode",
        "MissingSignName",
        "InvalidParameter",
    }
)


def classify(code: str, message: str) -> Result:
    reason = f"{code}: {message}"
    return Refused(reason) if code in PERMANENT else Retry(reason)


class AliyunSmsChannel:
    name = "aliyun"

    def __init__(self, rules: AliyunSmsSettings, key_id: str, key_secret: str, *, timeout_s: float = 10.0) -> None:
        self.rules = rules
        config = open_api_models.Config(
            access_key_id=key_id,
            access_key_secret=key_secret,
            endpoint=rules.endpoint or "dysmsapi.aliyuncs.com",
            protocol=rules.protocol.upper(),
            region_id=rules.region,
            connect_timeout=int(timeout_s * 1000),
            read_timeout=int(timeout_s * 1000),
        )
        self.client = Client(config)
        self.timeout_ms = int(timeout_s * 1000)

    def send(self, message: Outgoing) -> Result:
        template_code = self.rules.templates.get(message.event)
        if not template_code or not self.rules.sign_name:
            return Retry(f"notify.aliyun.sign_name or notify.aliyun.templates.{message.event} is not set in hall.toml")
        request = sms_models.SendSmsRequest(
            phone_numbers=message.phone,
            sign_name=self.rules.sign_name,
            template_code=template_code,
            template_param=json.dumps(message.params, ensure_ascii=False),
            out_id=message.id,
        )
        runtime = RuntimeOptions(autoretry=False, connect_timeout=self.timeout_ms, read_timeout=self.timeout_ms)
        try:
            response = self.client.send_sms_with_options(request, runtime)
        except Exception as exc:
            return _from_exception(exc)
        body: Any = response.body
        code, text = str(body.code or ""), str(body.message or "")
        if code == "OK":
            return Sent(str(body.biz_id or body.request_id or ""))
        return classify(code, text)


def _from_exception(exc: Exception) -> Result:
    """The SDK raises for HTTP 4xx/5xx (with the provider's code) and for no answer at all."""
    status = getattr(exc, "status_code", None)
    code = str(getattr(exc, "code", "") or "")
    message = str(getattr(exc, "message", "") or exc)
    if isinstance(status, int) and 400 <= status < 500 and code in PERMANENT:
        return Refused(f"HTTP {status} {code}: {message}")
    where = f"HTTP {status} " if status else ""
    return Retry(f"{where}{code or type(exc).__name__}: {message}"[:500])
