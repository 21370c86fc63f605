"""The two slips the hall prints on a roll: the queue ticket (排队小票) and the receipt (收件回执).

Personal data is masked here, once, before anything reaches bytes: a ticket never carries a full ID
number, and a QR payload that contains an ID or mobile number is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from app.domain.idnumber import mask_id_number, mask_name, mask_phone, redact_text
from printers.escpos.layout import Layout, LayoutBuilder, pad_to, paper_for, text_columns, wrap

DEFAULT_TICKET_NOTICE = "请留意叫号，过号需重新取号。请勿遗失本票。"
DEFAULT_RECEIPT_NOTICE = "请妥善保管本回执，凭回执查询进度、领取办理结果。"


@dataclass(frozen=True)
class TicketData:
    hall_name: str
    number: str
    category: str
    people_ahead: int | None  # None: not known (an offline ticket): printed as 暂不可查, never as 0
    issued_at: dt.datetime
    qr_payload: str
    estimated_wait_minutes: int | None = None
    no_open_window: bool = False  # no window serves the category yet: no wait is promised
    notice: str = DEFAULT_TICKET_NOTICE
    tag: str | None = None  # e.g. 绿色通道, 预约, 离线取号
    name: str | None = None  # real-name ticket: printed masked
    id_number: str | None = None  # printed masked, never in full


@dataclass(frozen=True)
class ReceivedMaterial:
    name: str
    originals: int = 0
    copies: int = 0
    deferred_until: dt.date | None = None  # 容缺: the date the applicant promised to supply it


@dataclass(frozen=True)
class ReceiptData:
    hall_name: str
    case_number: str
    item_name: str
    applicant_name: str
    applicant_id_number: str
    due_date: dt.date | None  # None: not accepted (一次性告知, 不予受理): `result` says what happened
    window: str
    clerk: str
    accepted_at: dt.datetime
    qr_payload: str
    materials: Sequence[ReceivedMaterial] = field(default_factory=tuple)
    applicant_phone: str | None = None
    notice: str = DEFAULT_RECEIPT_NOTICE
    result: str = ""  # e.g. 一次性告知：材料不全，补齐后受理
    agent_name: str = ""  # 帮办代办: who applied on the applicant's behalf (masked when printed)


def _check_payload(payload: str) -> None:
    if not payload:
        raise ValueError("a QR payload is required")
    if redact_text(payload) != payload:
        raise ValueError("the QR payload must not contain an ID number or a mobile number")


def format_wait(minutes: int) -> str:
    if minutes <= 0:
        return "即将叫号"
    if minutes < 60:
        return f"约 {minutes} 分钟"
    hours, rest = divmod(minutes, 60)
    return f"约 {hours} 小时" + (f" {rest} 分钟" if rest else "")


def _qr_module(width_mm: int) -> int:
    return 6 if width_mm == 80 else 5


def build_ticket(data: TicketData, width_mm: int = 80) -> Layout:
    _check_payload(data.qr_payload)
    paper = paper_for(width_mm)
    b = LayoutBuilder(paper, "ticket")
    b.text(data.hall_name, "center", size=1, height=2, bold=True)
    b.text("排队小票", "center")
    b.rule()
    if data.tag:
        b.text(f"【{data.tag}】", "center", bold=True)
    b.text("您的号码", "center")
    size = 3 if text_columns(data.number) * 3 <= paper.columns else 2
    b.text(data.number, "center", size=size, bold=True)
    b.text(data.category, "center", size=1, height=2, bold=True)
    b.rule()
    b.field("前面等候", "暂不可查" if data.people_ahead is None else f"{max(0, data.people_ahead)} 人")
    if data.no_open_window:
        b.field("预计等待", "暂无窗口办理，窗口开放后依次叫号")
    elif data.estimated_wait_minutes is not None:
        b.field("预计等待", format_wait(data.estimated_wait_minutes))
    b.field("取号时间", data.issued_at.strftime("%Y-%m-%d %H:%M:%S"))
    if data.name:
        b.field("姓　　名", mask_name(data.name))
    if data.id_number:
        b.field("证件号码", mask_id_number(data.id_number))
    b.feed()
    b.qr(data.qr_payload, _qr_module(width_mm))
    b.text("扫码查看排队进度", "center")
    b.rule()
    b.text(data.notice)
    b.feed(2)
    b.cut()
    return b.build()


def build_receipt(data: ReceiptData, width_mm: int = 80) -> Layout:
    _check_payload(data.qr_payload)
    paper = paper_for(width_mm)
    b = LayoutBuilder(paper, "receipt")
    b.text(data.hall_name, "center", size=1, height=2, bold=True)
    b.text("收件回执", "center", size=2, bold=True)
    b.rule()
    b.field("办件编号", data.case_number)
    b.field("事项名称", data.item_name)
    b.field("申 请 人", mask_name(data.applicant_name))
    b.field("证件号码", mask_id_number(data.applicant_id_number))
    if data.applicant_phone:
        b.field("联系电话", mask_phone(data.applicant_phone))
    if data.agent_name:
        b.field("代 办 人", mask_name(data.agent_name))
    b.rule()
    _materials(b, data.materials)
    b.rule()
    if data.result:
        b.field("办理结果", data.result)
    if data.due_date is not None:
        b.field("承诺办结", data.due_date.strftime("%Y-%m-%d"))
    b.field("受理窗口", data.window)
    b.field("受理人员", data.clerk)
    b.field("受理时间", data.accepted_at.strftime("%Y-%m-%d %H:%M"))
    b.feed()
    b.qr(data.qr_payload, _qr_module(width_mm))
    b.text("扫码查询办理进度", "center")
    b.rule()
    b.text(data.notice)
    b.feed(2)
    b.cut()
    return b.build()


_COUNTS_W = 12  # " 原件 " (6) + "复印件" (6)


def _materials(b: LayoutBuilder, materials: Sequence[ReceivedMaterial]) -> None:
    columns = b.paper.columns
    name_w = columns - _COUNTS_W
    b.text(
        pad_to("收取材料", name_w) + pad_to("原件", 6, "center") + pad_to("复印件", 6, "center"), bold=True
    )
    if not materials:
        b.text("（无）")
        return
    deferred = []
    for i, m in enumerate(materials, 1):
        prefix = f"{i}. "
        indent = " " * len(prefix)
        lines = wrap(m.name, name_w - len(prefix))
        counts = pad_to(str(m.originals), 6, "center") + pad_to(str(m.copies), 6, "center")
        b.text(pad_to(prefix + lines[0], name_w) + counts)
        for more in lines[1:]:
            b.text(indent + more)
        if m.deferred_until:
            deferred.append(m)
            for more in wrap(f"（容缺）承诺{m.deferred_until:%Y-%m-%d}前补交", columns - len(prefix)):
                b.text(indent + more)
    if deferred:
        b.text(f"容缺材料 {len(deferred)} 项，逾期未补交的，办件将终止办理。")
