"""The notices a counter prints, read back from the PDFs (pdftotext), on SQLite and PostgreSQL: the
document number from the configured pattern and the hall's yearly sequence per notice kind, never the
same at two counters; 即办件 当场办结; 容缺 wording and a working-day promise; the legal wording by the
item's type; no line begins with closing punctuation (避头); a notice that fits on one page takes one."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pytest

from app.center.seed import seed_demo
from app.config import NoticeSettings, Settings
from app.counter.service import ApplicantIn, CounterService
from app.demo.day import StaffSession, publish_next_year
from app.domain.acceptance import Decision, MaterialCheck
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from app.sync.terminal import enroll, open_terminal
from printers.escpos.printer import EscposPrinter
from printers.notices import CANNOT_START
from tests.support.center import CenterServer

ZHANG = "11010519491231002X"


def lines_of(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [ln.strip() for ln in out.splitlines() if ln.strip()]


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def check_pdf(pdf: Path) -> str:
    lines = lines_of(pdf)
    bad = [ln for ln in lines if ln[0] in CANNOT_START]
    assert not bad, (pdf.name, bad)
    assert pages_of(pdf) == 1, pdf.name
    return "".join("".join(lines).split())


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    with CenterServer(db_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def _counter(center: CenterServer, tmp: Path, name: str, window: int) -> CounterService:
    settings = Settings(
        data_dir=tmp / name,
        keyring_file=tmp / name / "secrets.cfg",
        hall_name="章贡区政务服务中心",
        notices=NoticeSettings(doc_org="章政服", doc_lease_size=5),
    )
    enroll(settings, center.url, "counter", name, admin_user="admin", admin_password="admin")
    term = open_terminal(settings, name)
    term.engine.sync_once()
    printer = EscposPrinter(f"sim://{tmp / name / 'receipts'}?paper=ok", width_mm=80)
    svc = CounterService(term, settings, window=window, receipt_printer=printer, documents_dir=tmp / name / "docs")
    svc.login("clerk01" if window == 1 else "clerk02", "clerk")
    svc.open_window()
    return svc


def _all_received(checks: list[MaterialCheck]) -> list[MaterialCheck]:
    return [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed) for c in checks]


def _accept(center: CenterServer, svc: CounterService, search: str, decision: Decision = Decision.ACCEPT, category: str = "A", defer: bool = False):  # type: ignore[no-untyped-def]
    StaffSession(center.url, "manager", "manager").post("/tickets", category=category)
    assert svc.call_next() is not None
    svc.start()
    item = next(i for i in svc.search_items(search) if i.name == search)
    checks = _all_received(svc.checklist(item))
    if defer:
        promise = svc.default_deferral_date()
        checks = [
            dataclasses.replace(c, originals_received=0, copies_received=0, deferred_until=promise) if c.deferrable else c
            for c in checks
        ]
    got = svc.accept(ApplicantIn("张三", ZHANG, phone="13812345678"), item, checks, decision)
    svc.finish()
    return item, got


def test_notices_at_two_counters(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one = _counter(center, tmp_path, "counter-1", 1)
    two = _counter(center, tmp_path, "counter-2", 2)
    year = local_today().year
    numbers = []
    # a 承诺件 (行政许可) at window 1, then at window 2: numbers of the same yearly sequence, no collision
    for svc in (one, two, one):
        item, got = _accept(center, svc, "企业变更登记")
        text = check_pdf(got.documents[0])
        found = re.search(r"章政服受〔(\d{4})〕第(\d{4})号", text)
        assert found and int(found.group(1)) == year, text[:200]
        numbers.append(int(found.group(2)))
        assert "申请材料齐全、符合法定形式" in text and "《中华人民共和国行政许可法》第三十二条" in text
        assert f"承诺办结时限为{item.promised_days}个工作日" in text
    assert numbers == [1, 6, 2]  # blocks of 5: counter 1 holds 1–5, counter 2 holds 6–10

    # a 即办件: 当场办结, no "0个工作日", no "当场前"
    _, got = _accept(center, one, "个体工商户注册登记")
    text = check_pdf(got.documents[0])
    assert "当场办结" in text and "0个工作日" not in text and "当场前" not in text

    # a 公共服务 (social insurance transfer) is not accepted under 《行政许可法》
    _, got = _accept(center, two, "职工基本养老保险关系转移接续")  # any ticket: the item is chosen at the window
    text = check_pdf(got.documents[0])
    assert "行政许可法" not in text and "予以受理" in text

    # 容缺: the promise is a working day (never a Sunday), the notice does not claim the materials complete
    promise = one.default_deferral_date()
    assert one.calendar().is_workday(promise) and promise.weekday() != 6 and promise > local_today()
    _, got = _accept(center, one, "企业变更登记", Decision.DEFER, defer=True)
    notice, commitment = (check_pdf(p) for p in got.documents)
    assert "申请材料齐全、符合法定形式" not in notice and "容缺受理" in notice
    assert f"{promise:%Y年%m月%d日}" in notice and f"{promise:%Y年%m月%d日}" in commitment
    assert re.search(r"章政服容〔\d{4}〕第0001号", commitment)
    assert re.search(r"章政服受〔\d{4}〕第0004号", notice)  # counter 1: 1, 2, 3 (即办件), 4

    # the other kinds: 一次性告知 (its own sequence) and 不予受理
    StaffSession(center.url, "manager", "manager").post("/tickets", category="A")
    assert two.call_next() is not None
    two.start()
    small = next(i for i in two.search_items("小餐饮经营许可") if i.name == "小餐饮经营许可")
    checks = two.checklist(small)
    notified = two.accept(ApplicantIn("王芳", "36070219920315002X"), small, checks, Decision.NOTIFY)
    text = check_pdf(notified.documents[0])
    assert re.search(r"章政服告〔\d{4}〕第0001号", text) and "一次性告知" in text
    two.finish()

    # the center is down: counter 1 spends its block (5), then prints tagged offline numbers
    instant = next(i for i in one.search_items("个体工商户注册登记") if i.name == "个体工商户注册登记")
    center.stop()
    try:
        offline = [
            check_pdf(one.accept(ApplicantIn("李四", "440524188001010014"), instant, _all_received(one.checklist(instant)), Decision.ACCEPT).documents[0])
            for _ in range(2)
        ]
    finally:
        center.start()
    tag = one.term.identity.tag
    assert re.search(r"章政服受〔\d{4}〕第0005号", offline[0])
    assert re.search(rf"章政服受〔\d{{4}}〕第{tag:02d}-0001号", offline[1]), offline[1][:200]
    for svc in (one, two):
        svc.term.close()
