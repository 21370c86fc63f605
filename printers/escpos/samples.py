"""Sample slips for test prints (`hall print test-ticket`, `hall print test-receipt`): fictitious data."""

from __future__ import annotations

import datetime as dt

from printers.escpos.slips import ReceiptData, ReceivedMaterial, TicketData

SAMPLE_ID_NUMBER = "11010519491231002X"  # the GB 11643 standard's own example number


def sample_ticket(hall_name: str, now: dt.datetime | None = None) -> TicketData:
    now = now or dt.datetime.now().replace(microsecond=0)
    return TicketData(
        hall_name=hall_name,
        number="A023",
        category="企业开办",
        people_ahead=5,
        estimated_wait_minutes=24,
        issued_at=now,
        qr_payload="https://hall.example.cn/v/0199d2a4-7c1e-7b3a-9f00-5a1c2e3d4f60",
        tag="测试打印",
        id_number=SAMPLE_ID_NUMBER,
    )


def sample_receipt(hall_name: str, now: dt.datetime | None = None) -> ReceiptData:
    now = now or dt.datetime.now().replace(microsecond=0)
    return ReceiptData(
        hall_name=hall_name,
        case_number="H01-20251014-0007",
        item_name="食品经营许可证核发（新办）",
        applicant_name="张三丰",
        applicant_id_number=SAMPLE_ID_NUMBER,
        applicant_phone="13812345678",
        materials=(
            ReceivedMaterial("食品经营许可申请书", originals=1, copies=0),
            ReceivedMaterial("营业执照", originals=1, copies=1),
            ReceivedMaterial("法定代表人身份证明", originals=0, copies=1),
            ReceivedMaterial(
                "经营场所平面布局图及设备布局、工艺流程图",
                originals=1,
                copies=0,
                deferred_until=now.date() + dt.timedelta(days=10),
            ),
        ),
        due_date=now.date() + dt.timedelta(days=14),
        window="3号窗口",
        clerk="李四",
        accepted_at=now,
        qr_payload="https://hall.example.cn/c/0199d2a5-1111-7222-8333-944455556666",
    )
