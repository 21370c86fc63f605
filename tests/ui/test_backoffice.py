"""The back office (`hall backoffice`) against a real center with cases accepted by a real counter: a
clerk's account is refused, department staff log in, see their work list by light, open a 联办件 whose
co-department already approved, approve it (the case is decided) and save the decision notice; a case
returned for correction cannot be decided; a special step ends with the clock restarted; a 告知承诺's
核查 task is answered. Every label in Chinese."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.center.seed import seed_demo
from app.config import Settings
from app.demo.back_office import back_office_cases
from app.domain.catalog import load_catalog
from app.sync.client import CenterClient
from tests.support.center import CenterServer
from ui.backoffice.window import BackOfficeWindow
from ui.fonts import install_fonts
from ui.i18n import install_language


def _open(qtbot, w: BackOfficeWindow, number: str, kind: str = "approve") -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, t in enumerate(w.tasks) if t["case_number"] == number and t["kind"] == kind)
    w.open_task(row)
    qtbot.waitUntil(lambda: w.case is not None and w.case["case_number"] == number and not w.pending, timeout=10_000)


def test_back_office_decides(qtbot, qapp, sqlite_url, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    install_fonts(qapp)
    install_language(qapp, "zh_CN")
    with CenterServer(sqlite_url, tmp_path / "c") as center:
        with center.db.write_session() as s:
            seed_demo(s, load_catalog())
        numbers = back_office_cases(center.url, Settings(data_dir=tmp_path / "t", keyring_file=tmp_path / "t" / "k.cfg"))
        client = CenterClient(center.url)
        w = BackOfficeWindow(client, hall_name="测试中心", papers_dir=tmp_path / "papers")
        qtbot.addWidget(w)
        assert w.login_button.text() == "登录"

        w.user_edit.setText("clerk01")
        w.password_edit.setText("clerk")
        w.do_login()
        qtbot.waitUntil(lambda: "不是后台审批人员" in w.status.text(), timeout=10_000)
        assert w.stack.currentWidget() is w.login_page

        w.user_edit.setText("bo_scjg")
        w.password_edit.setText("backoffice")
        w.login_button.click()
        qtbot.waitUntil(lambda: w.stack.currentWidget() is w.list_page and bool(w.tasks) and not w.pending, timeout=10_000)
        assert {t["department_code"] for t in w.tasks} == {"SCJG"}
        lights = [t["light"] for t in w.tasks]
        order = {"red": 0, "yellow": 1, "green": 2, "grey": 3}
        assert lights == sorted(lights, key=order.__getitem__)  # most urgent first
        assert "grey" in lights  # the case in a special step
        assert w.task_table.item(0, 3).text().endswith("**")  # applicants masked

        # the 联办件: 税务 has approved; 市场监管 approves: decided, decision notice saved
        _open(qtbot, w, numbers["joint"])
        assert w.case_tasks.rowCount() == 2 and "牵头" in w.case_tasks.item(0, 0).text()
        assert "110105********002X" in w.case_info.text()
        assert w.buttons["approve"].isEnabled() and not w.buttons["resume"].isEnabled()
        assert w.buttons["verify_ok"].isHidden() or not w.buttons["verify_ok"].isVisibleTo(w)  # an approval task
        w.opinion_edit.setPlainText("符合条件，准予登记")
        w.buttons["approve"].click()
        qtbot.waitUntil(lambda: w.case is not None and w.case["status"] == "approved" and not w.pending, timeout=10_000)
        assert not w.buttons["approve"].isEnabled() and w.buttons["decision_pdf"].isEnabled()
        steps = [w.history_table.item(r, 1).text() for r in range(w.history_table.rowCount())]
        assert steps[-2:] == ["准予", "审批办结"]
        w.buttons["decision_pdf"].click()
        pdf = tmp_path / "papers" / f"{numbers['joint']}-审批决定书.pdf"
        qtbot.waitUntil(pdf.exists, timeout=10_000)
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        assert "准予行政许可决定书" in text and "符合条件，准予登记" in text

        # returned for correction: no decision until the corrected materials arrive
        w.back_to_list()
        qtbot.waitUntil(lambda: not w.pending, timeout=10_000)
        _open(qtbot, w, numbers["correction"])
        assert "待补正" in w.case_info.text() and not w.buttons["approve"].isEnabled()

        # the special step ends: the clock runs again
        w.back_to_list()
        qtbot.waitUntil(lambda: not w.pending, timeout=10_000)
        _open(qtbot, w, numbers["paused"])
        assert w.buttons["resume"].isEnabled() and not w.buttons["pause"].isEnabled()
        w.buttons["resume"].click()
        qtbot.waitUntil(lambda: w.case is not None and w.case["status"] == "accepted" and not w.pending, timeout=10_000)
        assert w.buttons["pause"].isEnabled()

        # 核查 of a 告知承诺
        w.back_to_list()
        qtbot.waitUntil(lambda: not w.pending, timeout=10_000)
        _open(qtbot, w, numbers["commitment"], "verify")
        assert w.buttons["verify_ok"].isEnabled() and not w.buttons["approve"].isEnabled()
        # a 核查 task offers only its own actions: no 准予 / 不予许可 / 退回补正 / 上报 to press
        for key in ("approve", "deny", "return", "report"):
            assert not w.buttons[key].isVisibleTo(w), key
        assert w.buttons["verify_ok"].isVisibleTo(w) and w.buttons["verify_bad"].isVisibleTo(w)
        assert not w.missing_edit.isVisibleTo(w) and w.opinion_edit.isVisibleTo(w)
        w.buttons["verify_bad"].click()  # no opinion: refused with the reason, nothing changes
        qtbot.waitUntil(lambda: "核查情况" in w.status.text(), timeout=10_000)
        w.buttons["verify_ok"].click()
        qtbot.waitUntil(
            lambda: w.case is not None and any(t["status"] == "verified" for t in w.case["tasks"]) and not w.pending,
            timeout=10_000,
        )
        client.close()
