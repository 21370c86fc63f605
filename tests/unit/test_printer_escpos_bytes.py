"""The ESC/POS bytes of tickets and receipts: GB18030 text in Chinese mode, QR, cut, no full ID number."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from printers.escpos.layout import text_columns, wrap
from printers.escpos.profiles import PrinterProfile, load_profile
from printers.escpos.render_escpos import render_job
from printers.escpos.slips import (
    ReceiptData,
    ReceivedMaterial,
    TicketData,
    build_receipt,
    build_ticket,
    format_wait,
)

ID = "11010519491231002X"
NOW = dt.datetime(2025, 10, 14, 9, 30, 12)
TICKET = TicketData(
    hall_name="宁夏回族自治区某某县政务服务中心",
    number="A023",
    category="企业开办",
    people_ahead=5,
    estimated_wait_minutes=24,
    issued_at=NOW,
    qr_payload="https://hall.example.cn/v/0199d2a4",
    name="张三丰",
    id_number=ID,
)
RECEIPT = ReceiptData(
    hall_name="政务服务中心",
    case_number="H01-20251014-0007",
    item_name="食品经营许可证核发（新办）",
    applicant_name="张三丰",
    applicant_id_number=ID,
    applicant_phone="13812345678",
    materials=(
        ReceivedMaterial("营业执照", 1, 2),
        ReceivedMaterial("经营场所平面布局图及设备布局、工艺流程图", 1, 0, dt.date(2025, 10, 20)),
    ),
    due_date=dt.date(2025, 10, 21),
    window="3号窗口",
    clerk="李四",
    accepted_at=NOW,
    qr_payload="https://hall.example.cn/c/0199d2a5",
)


def gb(text: str) -> bytes:
    return text.encode("gb18030")


def qr_store(payload: str) -> bytes:
    raw = b"1P0" + payload.encode()
    return b"\x1d(k" + len(raw).to_bytes(2, "little") + raw


@pytest.mark.parametrize("width", [58, 80])
def test_ticket_bytes_in_gb18030_mode(width: int) -> None:
    job = render_job(build_ticket(TICKET, width), "gb18030")
    assert job.startswith(b"\x1b@")
    dots = 384 if width == 58 else 576
    assert b"\x1dW" + dots.to_bytes(2, "little") in job
    assert job.index(b"\x1c&") < job.index(gb("企业开办")) < job.rindex(b"\x1c.")
    for text in (
        "排队小票",
        "您的号码",
        "前面等候：5 人",
        "预计等待：约 24 分钟",
        "取号时间：2025-10-14 09:30:12",
        "张*丰",
        "请留意叫号",
    ):
        assert gb(text) in job, text
    assert b"\x1d!\x22\x1bE\x01A023\n" in job  # the big number: 3 x 3, bold
    assert b"\x1ba\x01" + b"\x1d(k\x04\x001A\x32\x00" in job  # centred QR, model 2
    assert qr_store(TICKET.qr_payload) in job
    assert b"\x1d(k\x03\x001Q0" in job  # print the stored symbol
    assert job.rstrip(b"\x1c.").endswith(b"\x1dV\x01")  # partial cut at the end


def test_an_offline_ticket_says_the_count_is_not_known_not_zero() -> None:
    offline = dataclasses.replace(TICKET, people_ahead=None, estimated_wait_minutes=None, tag="离线取号")
    job = render_job(build_ticket(offline, 80), "gb18030")
    assert gb("前面等候：暂不可查") in job and gb("0 人") not in job and gb("预计等待") not in job
    assert gb("【离线取号】") in job


def test_ticket_never_carries_the_full_id_number() -> None:
    for width in (58, 80):
        for mode in ("gb18030", "raster"):
            job = render_job(build_ticket(TICKET, width), mode)
            assert ID.encode() not in job and gb(ID) not in job
            assert b"11010519491231" not in job
    job = render_job(build_ticket(TICKET, 80))
    assert gb("110105********002X") in job


def test_ticket_refuses_an_id_number_in_the_qr_payload() -> None:
    with pytest.raises(ValueError, match="ID number"):
        build_ticket(dataclasses.replace(TICKET, qr_payload=f"https://x/v?id={ID}"))
    with pytest.raises(ValueError, match="required"):
        build_ticket(dataclasses.replace(TICKET, qr_payload=""))


def test_receipt_bytes() -> None:
    job = render_job(build_receipt(RECEIPT, 80))
    for text in (
        "收件回执",
        "办件编号：H01-20251014-0007",
        "事项名称：食品经营许可证核发（新办）",
        "申 请 人：张*丰",
        "证件号码：110105********002X",
        "联系电话：138****5678",
        "原件",
        "复印件",
        "1. 营业执照",
        "（容缺）承诺2025-10-20前补交",
        "承诺办结：2025-10-21",
        "受理窗口：3号窗口",
        "受理人员：李四",
        "受理时间：2025-10-14 09:30",
    ):
        assert gb(text) in job, text
    assert ID.encode() not in job and b"13812345678" not in job and gb("张三丰") not in job
    assert qr_store(RECEIPT.qr_payload) in job
    assert b"\x1dV\x01" in job


def test_every_line_fits_its_paper() -> None:
    for width, columns in ((58, 32), (80, 48)):
        for layout in (build_ticket(TICKET, width), build_receipt(RECEIPT, width)):
            for block in layout.blocks:
                if hasattr(block, "text"):
                    assert text_columns(block.text) * block.width_mul <= columns, block  # type: ignore[union-attr]


def test_raster_mode_sends_images_not_text() -> None:
    job = render_job(build_ticket(TICKET, 58), "raster")
    assert b"\x1c&" not in job
    assert gb("企业开办") not in job and b"A023" not in job
    assert job.count(b"\x1dv0\x00\x30\x00") >= 2  # 48 bytes = 384 dots wide raster bands
    assert qr_store(TICKET.qr_payload) in job  # the default profile still prints QR natively


def test_profile_without_qr_or_cutter() -> None:
    profile = load_profile("POS-5890")
    assert profile == PrinterProfile(name="POS-5890", native_qr=False, cut="none")
    job = render_job(build_ticket(TICKET, 58), "gb18030", profile)
    assert b"\x1d(k" not in job and b"\x1dV" not in job
    assert b"\x1dv0" in job  # the QR as an image
    assert load_profile("TM-T20II").cut == "partial"


def test_unknown_profile_and_mode() -> None:
    with pytest.raises(Exception, match="Unknown printer profile"):
        load_profile("no-such-printer")
    with pytest.raises(ValueError):
        render_job(build_ticket(TICKET), "utf8")  # type: ignore[arg-type]


def test_wrap_by_display_columns() -> None:
    # no line starts with closing punctuation such as ，
    assert wrap("请留意叫号，过号需重新取号", 10) == ["请留意叫", "号，过号需", "重新取号"]
    assert wrap("Wait about 24 minutes", 10) == ["Wait about", "24 minutes"]
    assert wrap("Verylongwordhere", 6) == ["Verylo", "ngword", "here"]
    assert wrap("", 10) == [""]
    assert all(text_columns(x) <= 7 for x in wrap("ABCDEFGHIJK中文ABC", 7))


@pytest.mark.parametrize(
    ("minutes", "text"), [(0, "即将叫号"), (24, "约 24 分钟"), (60, "约 1 小时"), (85, "约 1 小时 25 分钟")]
)
def test_wait_text(minutes: int, text: str) -> None:
    assert format_wait(minutes) == text
