"""SMS through Tencent Cloud (腾讯云短信, SMS API 2021-01-11) with its own Python SDK
(`tencentcloud-sdk-python-sms` on `tencentcloud-sdk-python-common`, requests signed TC3-HMAC-SHA256).

hall.toml names the SMS application (`notify.tencent.sdk_app_id`), the sign (`sign_name`) and, per event,
the approved template id (`templates`, e.g. booking_code = "1234567"); Tencent's templates number their
variables ({1}, {2} …) in the order of app.notify.templates' `params`. The keys (SecretId, SecretKey)
come from the keyring.

The answer: `Ok` in the number's SendStatus is sent (its SerialNo kept); a refusal of the message itself
(a wrong number, a blacklisted one, a parameter too long, the number's daily limit, a template or sign not
approved) is permanent; the provider's or the account's troubles (5xx, no answer, a 30-second or hourly
limit of the number, an empty SMS package, failed authentication while an admin fixes the keys) are
retried with back-off."""

from __future__ import annotations

import logging

from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.common.profile.client_profile import ClientProfile
from tencentcloud.common.profile.http_profile import HttpProfile
from tencentcloud.sms.v20210111 import models, sms_client

from app.config import TencentSmsSettings
from app.notify.channels import Outgoing, Refused, Result, Retry, Sent

log = logging.getLogger("hall.notify.tencent")

# https://cloud.tencent.com/document/product/382/55981 (SendSms error codes)
PERMANENT = frozenset(
    {
        "InvalidParameterValue.IncorrectPhoneNumber",
        "InvalidParameterValue.TemplateParameterFormatError",
        "InvalidParameterValue.TemplateParameterLengthLimit",
        "InvalidParameterValue.ContentLengthLimit",
        "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter",
        "InvalidParameterValue.MissingSignatureList",
        "InvalidParameterValue.SdkAppIdNotExist",
        "InvalidParameterValue.SignatureIdNotExist",
        "InvalidParameterValue.TemplateIdNotExist",
        "InvalidParameter",
        "FailedOperation.PhoneNumberInBlacklist",
        "FailedOperation.TemplateIncorrectOrUnapproved",
        "FailedOperation.SignatureIncorrectOrUnapproved",
        "FailedOperation.ContainSensitiveWord",
        "FailedOperation.MissingTemplateToModify",
        "FailedOperation.TemplateParamSetNotMatchApprovedTemplate",
        "LimitExceeded.PhoneNumberDailyLimit",
        "LimitExceeded.PhoneNumberSameContentDailyLimit",
        "LimitExceeded.PhoneNumberCountLimit",
        "UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber",
        "UnsupportedOperation.UnsupportedRegion",
        "UnauthorizedOperation.SmsSdkAppIdVerifyFail",
    }
)


def classify(code: str, message: str) -> Result:
    reason = f"{code}: {message}"
    return Refused(reason) if code in PERMANENT else Retry(reason)


class TencentSmsChannel:
    name = "tencent"

    def __init__(self, rules: TencentSmsSettings, key_id: str, key_secret: str, *, timeout_s: float = 10.0) -> None:
        self.rules = rules
        http = HttpProfile(
            protocol=rules.protocol,
            endpoint=rules.endpoint or "sms.tencentcloudapi.com",
            reqTimeout=max(1, round(timeout_s)),
        )
        self.client = sms_client.SmsClient(
            credential.Credential(key_id, key_secret), rules.region, ClientProfile(httpProfile=http)
        )

    def send(self, message: Outgoing) -> Result:
        template_id = self.rules.templates.get(message.event)
        if not template_id or not self.rules.sign_name or not self.rules.sdk_app_id:
            return Retry(
                f"notify.tencent.sdk_app_id, sign_name or templates.{message.event} is not set in hall.toml"
            )
        from app.notify.templates import template

        request = models.SendSmsRequest()
        request.PhoneNumberSet = [f"+86{message.phone}"]
        request.SmsSdkAppId = self.rules.sdk_app_id
        request.SignName = self.rules.sign_name
        request.TemplateId = template_id
        request.TemplateParamSet = [message.params.get(p, "") for p in template(message.event).params]
        request.SessionContext = message.id
        try:
            response = self.client.SendSms(request)
        except TencentCloudSDKException as exc:
            code, text = str(exc.get_code() or ""), str(exc.get_message() or "")
            if code in ("ServerNetworkError", "ClientNetworkError"):
                return Retry(f"{code}: {text}"[:500])
            return classify(code, text)
        except Exception as exc:  # the SDK turns most errors into its own; anything else: try again
            return Retry(f"{type(exc).__name__}: {exc}"[:500])
        statuses = response.SendStatusSet or []
        if not statuses:
            return Retry(f"no send status in the answer (request {response.RequestId})")
        status = statuses[0]
        if str(status.Code) == "Ok":
            return Sent(str(status.SerialNo or response.RequestId or ""))
        return classify(str(status.Code), str(status.Message or ""))
