"""The item's 事项类型 (which decides the notices' legal wording) travels through the catalog file and the
hall workbook, and an unknown type is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.catalog import _item_type, load_catalog
from app.workbook.reader import read_workbook
from app.workbook.writer import write_workbook


def test_the_workbook_keeps_the_item_type(tmp_path: Path) -> None:
    cat = load_catalog()
    types = {i.code: i.item_type for i in cat.items}
    assert types[next(i.code for i in cat.items if i.name == "职工基本养老保险关系转移接续")] == "公共服务"
    assert types[next(i.code for i in cat.items if i.name == "食品经营许可")] == "行政许可"
    back = read_workbook(write_workbook(cat, tmp_path / "hall.xlsx")).catalog
    assert {i.code: i.item_type for i in back.items} == types


def test_an_unknown_item_type_is_refused() -> None:
    with pytest.raises(ValueError, match="item_type"):
        _item_type("行政处罚许可")
