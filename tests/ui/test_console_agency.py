"""The console's 帮办代办 page (issue 21) against a real center, in Chinese and English: a project registered
from the page, its first stage started and finished with a case number, the next stage started; the row
shows the stage under way and the working days against the target, tinted by the supervision light; a step
out of order is said in the manager's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.center.seed import seed_demo
from app.demo.day import publish_next_year
from app.domain.catalog import load_catalog
from app.sync.client import CenterClient
from tests.support.center import CenterServer
from ui.fonts import install_fonts
from ui.i18n import install_language
from ui.screen.console import ManagerConsole


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_projects_through_their_stages_from_the_console(qtbot, qapp, sqlite_url, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    zh = language == "zh_CN"
    install_fonts(qapp)
    install_language(qapp, language)
    try:
        with CenterServer(sqlite_url, tmp_path / "c") as center:
            with center.db.write_session() as s:
                seed_demo(s, load_catalog())
            publish_next_year(center.url)
            client = CenterClient(center.url)
            client.token = str(client.login_staff("manager", "manager").token)
            console = ManagerConsole(client, hall_name="测试中心", wait_warning_min=30, export_dir=tmp_path / "out")
            qtbot.addWidget(console)
            page = console.agency
            console.tabs.setCurrentWidget(page)

            def waited(do) -> None:  # type: ignore[no-untyped-def]
                with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "agency"):
                    do()

            page.name.setText("年产10万吨饲料加工项目")
            page.company.setText("赣州某饲料有限公司")
            page.agent.setText("clerk01")
            page.target.setValue(37)
            waited(page.create)
            assert page.table.rowCount() == 1 and page.note.isHidden(), page.note.text()
            assert page.table.item(0, 4).text() == ("未开始" if zh else "Not started")
            page.table.selectRow(0)
            page.finish_current()  # nothing under way yet: said, nothing sent
            assert ("没有办理中的阶段" if zh else "No stage of this project is under way") in page.note.text()
            waited(page.start_next)
            assert page.table.item(0, 4).text() == ("立项用地规划许可" if zh else "Project approval, land use and planning permits")
            assert page.table.item(0, 5).text().endswith("/ 37")
            assert page.table.item(0, 0).background().color().name() in ("#e6f4ea", "#fef7e0", "#fce8e6")
            page.case_number.setText("H01-20261208-01-0001")
            waited(page.finish_current)
            waited(page.start_next)
            assert page.table.item(0, 4).text() == ("工程建设许可" if zh else "Construction project permit")
            stages = page.table.item(0, 6).text()
            assert ("立项用地规划许可（已办结）" if zh else "Project approval, land use and planning permits (done)") in stages
            got = client.call("GET", "/agency/projects")[0]
            assert got["stages"][0]["case_number"] == "H01-20261208-01-0001"
            assert [s["status"] for s in got["stages"]] == ["done", "active", "pending", "pending"]
            console.resize(1440, 900)
            console.grab().save(str(tmp_path / f"console-agency-{language}.png"))
    finally:
        install_language(qapp, "zh_CN")


def test_the_overview_shows_each_windows_site_and_the_sites_summed(qtbot, qapp, sqlite_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """县、乡、村: windows at the county center and at a village point; the overview names each window's site
    and sums the sites' windows (open ones and serving ones); a hall without sites shows no site table."""
    from sqlalchemy import select

    from app.demo.day import StaffSession
    from app.store import models as m

    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "c") as center:
        with center.db.write_session() as s:
            seed_demo(s, load_catalog())
        client = CenterClient(center.url)
        client.token = str(client.login_staff("manager", "manager").token)
        console = ManagerConsole(client, hall_name="测试中心", wait_warning_min=30, export_dir=tmp_path / "out")
        qtbot.addWidget(console)
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "overview"):
            console.refresh_overview()
        assert console.sites.isHidden()
        with center.db.write_session() as s:
            county = m.Site(code="H01", name="章贡区政务服务中心", level="county")
            s.add(county)
            s.flush()
            village = m.Site(code="C01", name="火燃村代办点", level="village", parent_id=county.id)
            s.add(village)
            s.flush()
            for w in s.scalars(select(m.Window)):
                w.site_id = village.id if w.number == 12 else county.id
        StaffSession(center.url, "clerk03", "clerk", 3).post("/windows/3/open")
        with qtbot.waitSignal(console.refreshed, timeout=10_000, check_params_cb=lambda p: p == "overview"):
            console.refresh_overview()
        assert console.windows.item(0, 5).text() == "章贡区政务服务中心"
        assert console.windows.item(11, 5).text() == "火燃村代办点"
        rows = {console.sites.item(r, 0).text(): [console.sites.item(r, c).text() for c in (1, 2, 3)] for r in range(console.sites.rowCount())}
        assert rows == {"章贡区政务服务中心": ["11", "1", "0"], "火燃村代办点": ["1", "0", "0"]}
        assert console.sites.isVisibleTo(console)
        console.resize(1440, 900)
        console.grab().save(str(tmp_path / "console-sites.png"))
