"""`hall backoffice`: the back office for department staff (后台分类审批), against the center's cases API."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.config import Settings


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "backoffice",
        help="the departments' back office: work list, opinions, decisions",
        description="Department staff (role backoffice, with a department) see their department's tasks by "
        "deadline light, read a case (applicant masked, materials, notices, history), write an opinion and "
        "decide: 准予 / 不予许可 (decision notice PDF), 退回补正, 特殊环节 start/end, 上报, 核查 of a 告知承诺.",
    )
    p.add_argument("--center", metavar="URL", help="center URL (default: settings)")
    p.add_argument("--user", help="log in at once as this user (password: $HALL_BACKOFFICE_PASSWORD or asked)")
    p.add_argument(
        "--screenshots",
        type=Path,
        metavar="DIR",
        help="write a PNG of every back-office screen against a live demo hall and exit (offscreen)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.screenshots:
        return screenshots(args.screenshots, settings)
    import getpass
    import os

    from PySide6.QtWidgets import QApplication

    from app.sync.client import CenterClient
    from ui.backoffice.window import BackOfficeWindow
    from ui.fonts import install_fonts
    from ui.i18n import install_language

    center = (args.center or settings.center_url).rstrip("/")
    client = CenterClient(center, ca_file=settings.center_ca_file)
    app = QApplication.instance() or QApplication(sys.argv)
    install_fonts(app)  # type: ignore[arg-type]
    install_language(app, settings.language)  # type: ignore[arg-type]
    window = BackOfficeWindow(client, hall_name=settings.hall_name, papers_dir=settings.resolved_data_dir() / "papers")
    if args.user:
        password = os.environ.get("HALL_BACKOFFICE_PASSWORD") or getpass.getpass(f"password of {args.user}: ")
        got = client.login_staff(args.user, password)
        window.use_token(got.token, got.name)
    window.show()
    code = app.exec()
    client.close()
    return int(code)


def screenshots(out: Path, settings: Settings) -> int:
    """The login, the work list by light, and a case in each state the back office meets (a 联办件 with
    the co-department's approval, returned for correction, in a special step, 上报, a 告知承诺 with its
    核查 task, decided with its notice), against a live embedded demo hall."""
    from PySide6.QtWidgets import QApplication

    from app.demo.back_office import back_office_cases
    from app.sync.client import CenterClient
    from ui.backoffice.window import BackOfficeWindow
    from ui.offscreen import demo_hall_offscreen

    out.mkdir(parents=True, exist_ok=True)
    with demo_hall_offscreen(settings, "hall-backoffice-") as (center, demo_settings):
        app = QApplication.instance()
        assert app is not None
        numbers = back_office_cases(center.url, demo_settings)
        client = CenterClient(center.url)
        w = BackOfficeWindow(client, hall_name=settings.hall_name, papers_dir=out / "papers")
        w.resize(1400, 860)
        w.show()

        def settle() -> None:
            import time

            deadline = time.monotonic() + 20
            app.processEvents()
            while w.pending and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.02)
            app.processEvents()

        def shot(name: str) -> None:
            settle()
            w.grab().save(str(out / f"backoffice-{name}.png"))
            print(out / f"backoffice-{name}.png")

        w.user_edit.setText("bo_scjg")
        shot("login")
        w.password_edit.setText("backoffice")
        w.do_login()
        shot("worklist")

        def open_number(key: str) -> None:
            row = next(i for i, t in enumerate(w.tasks) if t["case_number"] == numbers[key] and t["kind"] == "approve")
            w.open_task(row)

        for key in ("joint", "correction", "paused", "reported"):
            open_number(key)
            shot(f"case-{key}")
        row = next(i for i, t in enumerate(w.tasks) if t["case_number"] == numbers["commitment"] and t["kind"] == "verify")
        w.open_task(row)
        shot("case-commitment-verify")
        # decided, then the 核查 finds the commitment untrue: the finding stays for the department's follow-up
        assert w.case is not None
        verify_id = w.task_pick.currentData()
        approve_id = next(t["id"] for t in w.case["tasks"] if t["kind"] == "approve")
        w.task_pick.setCurrentIndex(w.task_pick.findData(approve_id))
        w.act("approve")
        settle()
        w.task_pick.setCurrentIndex(w.task_pick.findData(verify_id))
        w.opinion_edit.setPlainText("授权委托书与本人签名不符")
        w.act("verify_bad")
        shot("case-commitment-check-failed")
        open_number("joint")
        settle()
        w.opinion_edit.setPlainText("符合条件，准予登记")
        w.act("approve")
        shot("case-decided")
        w.act("decision_pdf")
        shot("case-decision-pdf")
        w.back_to_list()
        w.show_closed.setCurrentIndex(1)
        shot("worklist-all")
        client.close()
    return 0
