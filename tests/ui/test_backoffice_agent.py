"""帮办代办 in the back office (issue 21), against a real center and a real counter, in both languages: the
department's case shows the agent beside the applicant — masked, as what they act, on which authorisation."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from app.center.seed import seed_demo
from app.counter.service import AgentIn, ApplicantIn
from app.demo.day import publish_next_year
from app.domain.acceptance import Decision
from app.domain.agency import Agency, AgentKind
from app.domain.catalog import load_catalog
from app.sync.client import CenterClient
from tests.support.center import CenterServer
from tests.support.counter import counter_service, counter_terminal
from tests.ui.test_backoffice import _open
from ui.backoffice.window import BackOfficeWindow
from ui.fonts import install_fonts
from ui.i18n import install_language


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_department_sees_who_applied_for_the_applicant(qtbot, qapp, sqlite_url, tmp_path: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, language)
    try:
        with CenterServer(sqlite_url, tmp_path / "c") as center:
            with center.db.write_session() as s:
                seed_demo(s, load_catalog())
            publish_next_year(center.url)
            settings, term = counter_terminal(center.url, tmp_path, "counter-1")
            w1 = counter_service(term, settings, tmp_path / "w1", window=1)
            w1.login("clerk01", "clerk")
            item = w1.search_items("企业变更登记")[0]
            checks = [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed) for c in w1.checklist(item)]
            agent = AgentIn(ApplicantIn("李四", "440524188001010014"), Agency(AgentKind.ENTRUSTED, "授权委托书"))
            got = w1.accept(ApplicantIn("张三", "11010519491231002X"), item, checks, Decision.ACCEPT, agent=agent)
            term.engine.sync_once()
            w = BackOfficeWindow(CenterClient(center.url), hall_name="测试中心", papers_dir=tmp_path / "papers")
            qtbot.addWidget(w)
            w.user_edit.setText("bo_scjg")
            w.password_edit.setText("backoffice")
            w.login_button.click()
            qtbot.waitUntil(lambda: bool(w.tasks) and not w.pending, timeout=10_000)
            _open(qtbot, w, got.case_number)
            info = w.case_info.text()
            if language == "zh_CN":
                assert "代办人：李**，受托人（证件号码 440524********0014），授权材料：授权委托书" in info
            else:
                assert "Agent: 李**, Entrusted person (ID 440524********0014), authorisation: Letter of entrustment" in info
            assert "440524188001010014" not in info
            w.grab().save(str(tmp_path / f"backoffice-agent-{language}.png"))
            term.close()
    finally:
        install_language(qapp, "zh_CN")
