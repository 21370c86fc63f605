"""The demo catalog file, its loader, the pinyin search, and `hall catalog`."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from app.cli.main import main
from app.domain.catalog import default_catalog_path, load_catalog
from app.domain.search import CatalogIndex, full_pinyin, initials_variants
from app.domain.states import ItemKind
from app.domain.textwidth import fit, width
from app.errors import ConfigError

CAT = load_catalog()


def test_demo_catalog_is_a_real_hall() -> None:
    assert len(CAT.items) >= 60
    assert len(CAT.departments) >= 10
    assert len(CAT.windows) == 12
    short = {d.short_name for d in CAT.departments}
    assert {
        "民政",
        "人社",
        "住建",
        "交通运输",
        "水利",
        "农业农村",
        "文旅",
        "应急",
        "市场监管",
        "公安",
    } <= short
    assert {i.kind for i in CAT.items} == set(ItemKind)
    assert sum(any(m.deferrable for m in i.materials) for i in CAT.items) >= 20
    assert {i.status for i in CAT.items} == {"active", "suspended", "cancelled"}
    assert len({i.code for i in CAT.items}) == len(CAT.items)
    for item in CAT.items:
        assert 1 <= len(item.materials) <= 8, item.name
        assert item.promised_days <= item.legal_days or item.legal_days == 0
        if item.kind == ItemKind.JOINT:
            assert item.co_departments, item.name
    for prefix in {c.prefix for c in CAT.categories}:
        assert sum(prefix in w.categories for w in CAT.windows) >= 2
    clerks = [s for s in CAT.staff if s.role == "clerk"]
    assert [s.username for s in clerks] == [f"clerk{n:02d}" for n in range(1, 13)]
    assert all(s.window == int(s.username[-2:]) for s in clerks)


def test_malformed_catalog_names_the_file_and_record(tmp_path: Path) -> None:
    raw = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    raw["items"][3].pop("materials")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.json: item 3 \(.+\) is malformed"):
        load_catalog(bad)
    raw = json.loads(default_catalog_path().read_text(encoding="utf-8"))
    raw["items"][0]["department"] = "NOPE"
    bad.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown department"):
        load_catalog(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid JSON"):
        load_catalog(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_catalog(tmp_path / "missing.json")


def test_pinyin_helpers() -> None:
    assert initials_variants("营业执照")[0] == "yyzz"
    assert set(initials_variants("银行")) == {"yh", "yx"}  # 行: hang / xing
    assert full_pinyin("取水许可") == "qushuixuke"


INDEX = CatalogIndex(CAT.items, {d.code: d.short_name for d in CAT.departments})


def names(query: str, **kw: object) -> list[str]:
    return [i.name for i in INDEX.search(query, **kw)]  # type: ignore[arg-type]


def test_search_ranking() -> None:
    assert names("yyzz")[0].startswith("营业执照")
    assert names("营业执照")[0].startswith("营业执照")
    assert names("qsxk") == ["取水许可"]
    assert names("qushui")[0] == "取水许可"
    assert names("QSXK") == ["取水许可"]  # case and spaces do not matter
    assert names("q s x k") == ["取水许可"]
    code = CAT.items[10].code
    assert names(code) == [CAT.items[10].name]
    bdc = names("bdc")
    assert all(n.startswith("不动产") for n in bdc[:4])  # initials at the start rank first …
    assert "危险化学品经营许可（不带储存）" in bdc[4:]  # … then inside the name (不带储存)
    assert set(names("公安")) == {i.name for i in CAT.items if i.department == "GAJ"}
    assert names("户口")[0] == "户口迁移（市内迁移）"  # a name match ranks above everything else
    assert names("bdc", department="SCJG") == []
    assert names("") == [] and names("zzzzzz") == []


def test_search_is_fast_for_a_thousand_items() -> None:
    many = [item for _ in range(15) for item in CAT.items][:1000]
    index = CatalogIndex(many)
    worst = 0.0
    for query in ("yyzz", "不动产登记", "qushuixuke", "ZR40000"):
        for k in range(1, len(query) + 1):
            t = time.perf_counter()
            index.search(query[:k])
            worst = max(worst, time.perf_counter() - t)
    assert worst < 0.5  # a gross-regression guard only; the figure is in tests/perf/bench_catalog_search.py


def test_text_width() -> None:
    assert width("营业执照A") == 9
    assert width(fit("营业执照遗失补领", 7)) == 7 and fit("营业执照遗失补领", 7).endswith("…")


def test_cli_search_show_departments(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "search", "yyzz"]) == 0
    out = capsys.readouterr().out
    assert "营业执照遗失补领" in out and "事项编码" in out and "即办件" in out
    assert main(["catalog", "search", "yyzz", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found[0]["name"] == "营业执照遗失补领"
    assert main(["catalog", "show", found[0]["code"]]) == 0
    guide = capsys.readouterr().out
    for field in (
        "事项编码",
        "实施主体",
        "设定依据",
        "申请材料",
        "法定办结时限",
        "收费标准",
        "办理地点",
        "监督投诉电话",
    ):
        assert field in guide
    assert main(["catalog", "show", "NOPE"]) == 3
    assert "no service item" in capsys.readouterr().err
    assert main(["catalog", "search", "zzzzzz"]) == 1
    assert main(["catalog", "list-departments"]) == 0
    assert "市场监督管理局" in capsys.readouterr().out
