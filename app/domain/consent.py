"""The consents a citizen gives for SMS, each with a version: what is recorded with the phone is the
version of the text that was shown (and when it was given), so a later change of wording never changes
what someone agreed to. A new wording gets a new version; old versions stay here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Consent:
    version: str
    zh_CN: str
    en: str

    def text(self, language: str = "zh_CN") -> str:
        return self.en if language == "en" else self.zh_CN


# 取号 at the kiosk: 「快到号时短信提醒」
TICKET_SMS = Consent(
    "ticket-sms-1",
    "本人同意大厅使用上述手机号码发送本次排队的叫号提醒短信。号码加密保存，仅用于本次提醒，不作他用。",
    "I agree that the hall sends queue reminders for this ticket by SMS to this number. The number is kept "
    "encrypted and used for this reminder only.",
)

# 受理 at the counter: messages about the case (受理, 补正, 办结, 容缺 materials due)
CASE_SMS = Consent(
    "case-sms-1",
    "申请人同意通过所留手机号码接收本办件受理、补正、办结及容缺补交材料提醒短信。",
    "The applicant agrees to receive SMS about this case (acceptance, corrections, completion, materials "
    "due) at the phone number given.",
)

CONSENTS = {c.version: c for c in (TICKET_SMS, CASE_SMS)}


def known(version: str | None) -> bool:
    return version in CONSENTS
