"""The messages a hall sends to citizens' phones, one template per event, in Simplified Chinese (the
default) and English. The SMS providers keep their own copy of each template (reviewed and approved
with the hall's sign name, e.g. 【某某县政务服务中心】, which the provider puts in front): what travels to
a provider is the template id from hall.toml and the parameters, in the order `params` names them
(Tencent Cloud takes a list, Aliyun a JSON object); the file channel and the manager's view render the
text here. Keep each short: with the sign name a message should stay within one SMS (70 characters),
two at most."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Template:
    event: str
    params: tuple[str, ...]  # the parameters, in the order the providers' templates number them
    zh_CN: str
    en: str
    ttl: dt.timedelta  # a message not delivered within this is worth nothing any more: failed as expired
    what: str  # for the README and the manager: when it is sent

    def render(self, params: Mapping[str, object], language: str = "zh_CN") -> str:
        text = self.en if language == "en" else self.zh_CN
        return string.Formatter().vformat(text, (), {k: _text(params.get(k)) for k in self.params})


def _text(value: object) -> str:
    return "" if value is None else str(value)


TEMPLATES: dict[str, Template] = {
    t.event: t
    for t in (
        Template(
            "booking_code",
            ("code", "minutes"),
            "您的预约验证码为{code}，{minutes}分钟内有效，请勿泄露给他人。",
            "Your appointment verification code is {code}, valid for {minutes} minutes. Do not share it.",
            dt.timedelta(minutes=10),
            "the SMS code that confirms a booking (the booking page)",
        ),
        Template(
            "appointment_booked",
            ("date", "time", "item", "code"),
            "您已成功预约{date} {time}办理{item}，预约码{code}。请按时携带有效身份证件到大厅取号。",
            "Booked: {item} on {date} at {time}, appointment code {code}. Please bring your ID and take a "
            "ticket at the hall on time.",
            dt.timedelta(days=1),
            "an appointment was booked or rescheduled",
        ),
        Template(
            "appointment_tomorrow",
            ("date", "time", "item", "code"),
            "温馨提示：您预约了明天（{date}）{time}办理{item}，预约码{code}，请按时到场。如不能前往，请提前取消。",
            "Reminder: your appointment for {item} is tomorrow ({date}) at {time}, code {code}. If you cannot "
            "come, please cancel it in advance.",
            dt.timedelta(hours=12),
            "the day before an appointment",
        ),
        Template(
            "turn_soon",
            ("number", "ahead"),
            "您的{number}号前面还有{ahead}位，即将叫号，请及时返回大厅留意叫号。",
            "Ticket {number}: {ahead} ahead of you. Your turn is coming soon; please return to the hall and "
            "watch the screens.",
            dt.timedelta(minutes=30),
            "a waiting ticket reaches the set number ahead (notify.turn_soon_ahead)",
        ),
        Template(
            "case_accepted",
            ("item", "case_number", "due"),
            "您申请的{item}已受理，办件编号{case_number}，承诺办结时间{due}。可扫描受理通知书上的二维码查询进度。",
            "Your application for {item} has been accepted, case number {case_number}, to be completed by "
            "{due}. Scan the QR code on the notice to follow it.",
            dt.timedelta(days=3),
            "a case is accepted (受理)",
        ),
        Template(
            "correction_needed",
            ("item", "case_number"),
            "您申请的{item}（办件编号{case_number}）需补正材料，请按补正材料通知书的要求补齐后到大厅提交。",
            "Your application for {item} (case {case_number}) needs further materials. Please bring them to the "
            "hall as the correction notice lists.",
            dt.timedelta(days=3),
            "materials must be corrected or completed (补正: at the window or returned by the department)",
        ),
        Template(
            "result_ready",
            ("item", "case_number"),
            "您申请的{item}（办件编号{case_number}）已办结，请携带受理通知书和有效身份证件到大厅领取结果。",
            "Your application for {item} (case {case_number}) is complete. Please collect the result at the "
            "hall with the notice and your ID.",
            dt.timedelta(days=3),
            "a case's result is ready to collect (办结)",
        ),
        Template(
            "result_mailed",
            ("item", "case_number", "tracking"),
            "您申请的{item}（办件编号{case_number}）已办结，结果已邮寄，快递单号{tracking}，请注意查收。",
            "Your application for {item} (case {case_number}) is complete; the result was mailed, tracking "
            "number {tracking}.",
            dt.timedelta(days=3),
            "a case's result was mailed (邮寄送达)",
        ),
        Template(
            "deferral_due",
            ("item", "case_number", "due"),
            "您申请的{item}（办件编号{case_number}）容缺受理，所缺材料须于{due}前补交，逾期将终止办理。",
            "Your application for {item} (case {case_number}) was accepted with materials missing: bring them "
            "by {due}, or the case will be terminated.",
            dt.timedelta(days=2),
            "a 容缺 case's promised materials are due (the deferral watch)",
        ),
    )
}
EVENTS = frozenset(TEMPLATES)


class UnknownEvent(ValueError):
    """An event with no template: a programming error, refused at enqueue."""


def template(event: str) -> Template:
    try:
        return TEMPLATES[event]
    except KeyError:
        raise UnknownEvent(f"no message template for the event {event!r}") from None
