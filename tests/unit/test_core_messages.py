"""The core's and the center's messages to people (issue 19): hall set-up, settings, the workbook, the
printers, the ID-card reader, opening hours, the sync client — each a catalogue message in both languages,
and the `hall` command speaks the configured language, else the shell's."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest

from app.center.hall_init import PasswordPolicyError, check_password_policy
from app.config import DeviceSettings
from app.domain.opening import HoursError, parse_hours
from app.domain.workdays import UnknownCalendarYear
from app.errors import ConfigError, HallError
from app.i18n.cli import language_from
from app.sync.client import CenterNonsense
from app.workbook.reader import CellError, WorkbookError
from printers.escpos.errors import CoverOpen, CutShort, PaperOut, PrinterOffline
from printers.escpos.printer import _stopped
from printers.escpos.status import parse_status
from tests.support.lang import en, zh

CJK = re.compile(r"[\u4e00-\u9fff]")
ROOT = Path(__file__).resolve().parents[2]
# a refused record's reason is stored in the conflicts table as text (the console shows the half of its language:
# ui.i18n.split_legacy); a code there would need a column of its own
STORED = {"realname.py"}


def both(text: object) -> tuple[str, str]:
    """Chinese and English of a message; the English holds no Chinese."""
    chinese, english = zh(text), en(text)
    assert CJK.search(chinese), chinese
    assert not CJK.search(english), english
    return chinese, english


def test_password_and_hall_set_up() -> None:
    with pytest.raises(PasswordPolicyError) as err:
        check_password_policy("short1", "chief")
    assert both(err.value) == ("密码不符合要求：至少 10 个字符。", "The password does not meet the rules: at least 10 characters.")
    with pytest.raises(PasswordPolicyError) as err:
        check_password_policy("chief12345abc", "chief")
    assert "常见密码或包含用户名" in both(err.value)[0]
    from app.i18n.messages import msg

    assert both(HallError(msg("init.bad_hall_code", value="h-1")))[0] == "大厅代码“h-1”应为 1–8 个大写字母或数字。"


def test_a_missing_device_names_it_in_either_language() -> None:
    with pytest.raises(ConfigError) as err:
        DeviceSettings().require("ticket_printer_url")
    chinese, english = both(err.value)
    assert chinese.startswith("未配置取号小票打印机：") and "HALL_DEVICES__TICKET_PRINTER_URL" in chinese
    assert english.startswith("No ticket printer is configured: set devices.ticket_printer_url in hall.toml")


def test_opening_hours_calendar_and_sync_errors() -> None:
    with pytest.raises(HoursError) as hours:
        parse_hours("9-12")
    assert both(hours.value.args[0]) == ("时间段“9-12”应写作 09:00-12:00。", "The time range 9-12 must look like 09:00-12:00.")
    with pytest.raises(HoursError) as overlap:
        parse_hours("09:00-12:00,11:00-13:00")
    assert "重叠" in both(overlap.value.args[0])[0]
    assert "2031年的节假日安排尚未发布" in both(UnknownCalendarYear(2031))[0]
    nonsense = CenterNonsense("http://center", "an HTML page")
    assert both(nonsense)[0].startswith("中心的应答无法识别（an HTML page，来自 http://center）")


def test_printer_errors_and_states() -> None:
    assert both(PaperOut())[0] == "打印机缺纸，请更换纸卷。"
    assert both(CoverOpen())[1] == "The printer's cover is open: close it."
    assert both(PrinterOffline())[0] == "打印机离线或无响应。"
    stopped = _stopped(parse_status(0x1A, 0x32, 0x12, 0x72))
    assert stopped is not None
    assert both(CutShort(stopped))[0] == "打印中途缺纸，票据没有打完，视为未打印。"


def test_workbook_problems_in_either_language() -> None:
    from app.i18n.messages import msg

    cell = CellError("事项", 3, "A", "事项编码", msg("workbook.duplicate", what=msg("workbook.what.item"), value="X1", row=2))
    assert str(cell) == "事项!A3（事项编码）：事项编码“X1”重复（第 2 行已有）"  # the workbook's own language
    error = WorkbookError(Path("hall.xlsx"), [cell, CellError("", None, None, None, msg("workbook.file_not_found"))])
    chinese, english = zh(error), en(error)
    assert chinese.splitlines() == ["hall.xlsx：工作簿有 2 处错误，未写入任何数据：", "事项!A3（事项编码）：事项编码“X1”重复（第 2 行已有）", "文件：文件不存在"]
    assert english.splitlines()[0] == "hall.xlsx: 2 problem(s), nothing was written:"
    assert english.splitlines()[2] == "file: file not found"
    assert english.splitlines()[1] == "事项!A3 (事项编码): item code X1 appears twice (row 2 has it already)"  # sheet names are the book's


@pytest.mark.parametrize(
    ("configured", "env", "expected"),
    [
        ("en", {"LANG": "zh_CN.UTF-8"}, "en"),  # the settings win
        ("zh_CN", {"LANG": "en_US.UTF-8"}, "zh_CN"),
        (None, {"LANG": "en_GB.UTF-8"}, "en"),
        (None, {"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL before LANG
        (None, {"LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"}, "en"),  # C names no language: look further
        (None, {"LANG": "C.UTF-8"}, "zh_CN"),
        (None, {"LANG": "fr_FR.UTF-8"}, "zh_CN"),
        (None, {}, "zh_CN"),
    ],
)
def test_the_commands_language(configured: str | None, env: dict[str, str], expected: str) -> None:
    assert language_from(configured, env) == expected




def test_no_chinese_slash_english_strings_left_in_the_core() -> None:
    """The old "中文 / English" messages are gone from the core, the center and the printers (docstrings aside)."""
    found = []
    for folder in ("app", "printers"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docs = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
                    and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                    if CJK.search(node.value) and re.search(r" / [A-Za-z]", node.value) and path.name not in STORED:
                        found.append(f"{path.relative_to(ROOT)}: {node.value[:70]!r}")
    assert not found, "\n".join(found)


def test_a_date_is_not_in_the_messages_params_by_accident() -> None:  # the month/day message in both languages
    from app.i18n.messages import msg

    day = dt.date(2026, 12, 9)
    m = msg("date.month_day", month=day.month, day=day.day)
    assert (zh(m), en(m)) == ("12月9日", "12/9")
