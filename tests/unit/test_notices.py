"""The PDF notices: valid PDFs with the embedded CJK font, the key text, masked ID numbers and phones."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.cli.main import main

FULL_ID, FULL_PHONE = "11010519491231002X", "13812345678"


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def fonts_of(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    assert main(["docs", "sample", "--out", str(out)]) == 0
    return out


@pytest.mark.parametrize(
    ("name", "must"),
    [
        (
            "acceptance-notice.pdf",
            ["受理通知书", "予以受理", "办件编号", "收取材料", "食品经营许可申请书", "（印章）"],
        ),
        ("one-time-notice.pdf", ["一次性告知书", "第三十二条", "全部内容一次性告知", "不再另行要求补正"]),
        ("refusal-notice.pdf", ["不予受理通知书", "行政复议", "六个月内", "人民法院"]),
        ("deferral-commitment.pdf", ["容缺受理承诺书", "补交期限", "终止办理", "承诺人"]),
        ("service-guide.pdf", ["办事指南", "设定依据", "申请材料", "法定办结时限", "可容缺", "监督投诉"]),
    ],
)
def test_each_notice(samples: Path, name: str, must: list[str]) -> None:
    pdf = samples / name
    assert pdf.read_bytes().startswith(b"%PDF")
    text = "".join(text_of(pdf).split())  # lines wrap inside phrases
    for phrase in must:
        assert phrase in text, (name, phrase)
    assert FULL_ID not in text and FULL_PHONE not in text
    if name != "service-guide.pdf":
        assert "110105********002X" in text
    assert "WenQuanYiMicroHei" in fonts_of(pdf)  # the font travels inside the PDF


def test_acceptance_shows_the_due_date_and_masked_phone(samples: Path) -> None:
    text = "".join(text_of(samples / "acceptance-notice.pdf").split())
    assert "138****5678" in text and "承诺办结时限为" in text and "个工作日" in text
