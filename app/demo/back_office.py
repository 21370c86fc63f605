"""Cases for the back office to show (screenshots, tests, the demo): accepted at window 1 by a real
counter (local first, pushed), then a few steps taken by the departments over the cases API — a 联办件
waiting for both departments, one returned for correction, one in a special step, one 上报, a 告知承诺
with its 核查 task and a 容缺 case."""

from __future__ import annotations

import dataclasses
from typing import Any

from app.config import Settings


def back_office_cases(base: str, settings: Settings, *, name: str = "counter-backoffice") -> dict[str, str]:
    """Case numbers by role: joint, correction, paused, reported, commitment, deferred."""
    from app.counter.service import ApplicantIn, CounterService
    from app.demo.day import StaffSession, publish_next_year
    from app.domain.acceptance import Decision, MaterialCheck
    from app.domain.clock import local_today
    from app.sync.terminal import enroll, open_terminal

    publish_next_year(base)
    enroll(settings, base, "counter", name, admin_user="admin", admin_password="admin")
    term = open_terminal(settings, name)
    try:
        term.engine.sync_once()
        svc = CounterService(term, settings, window=1, documents_dir=settings.resolved_data_dir() / "documents")
        svc.login("clerk01", "clerk")

        def full(item: Any) -> list[MaterialCheck]:
            return [
                dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
                for c in svc.checklist(item)
            ]

        joint = svc.search_items("企业设立登记")[0]
        change = svc.search_items("企业变更登记")[0]
        people = [("张三", "11010519491231002X"), ("李四", "440524188001010014"), ("王芳", "36070219920315002X"),
                  ("赵强", "110101199003074258"), ("钱多", "11010119900307803X"), ("孙丽", "110101199003070134")]
        out: dict[str, str] = {}
        for key, (who, id_number) in zip(("joint", "correction", "paused", "reported"), people, strict=False):
            got = svc.accept(ApplicantIn(who, id_number, phone="13812345678"), joint, full(joint), Decision.ACCEPT,
                             print_documents=False)
            out[key] = got.case_number
        checks = full(change)
        checks[-1] = dataclasses.replace(checks[-1], originals_received=0, copies_received=0, promise=True)
        got = svc.accept(ApplicantIn(*people[4]), change, checks, Decision.ACCEPT, print_documents=False)
        out["commitment"] = got.case_number
        checks = full(joint)
        i = next(n for n, c in enumerate(checks) if c.deferrable)
        promised = svc.calendar().add_working_days(local_today(), 3)
        checks[i] = dataclasses.replace(checks[i], originals_received=0, copies_received=0, deferred_until=promised)
        got = svc.accept(ApplicantIn(*people[5]), joint, checks, Decision.DEFER, print_documents=False)
        out["deferred"] = got.case_number
        term.engine.sync_once()
        scjg = StaffSession(base, "bo_scjg", "backoffice")
        swj = StaffSession(base, "bo_swj", "backoffice")
        tasks: dict[tuple[str, str], dict[str, Any]] = {
            (t["case_number"], t["department_code"]): t for t in scjg.get("/cases/tasks")
        }
        tasks.update({(t["case_number"], t["department_code"]): t for t in swj.get("/cases/tasks")})

        def task(key: str, dept: str = "SCJG") -> dict[str, Any]:
            return tasks[(out[key], dept)]

        swj.post(f"/cases/{task('joint')['case_id']}/tasks/{task('joint', 'SWJ')['id']}/decide",
                 decision="approve", opinion="税务信息确认无误，同意")
        scjg.post(f"/cases/{task('joint')['case_id']}/tasks/{task('joint')['id']}/opinion", text="材料齐全，拟同意")
        scjg.post(f"/cases/{task('correction')['case_id']}/tasks/{task('correction')['id']}/return",
                  missing=["公司章程（全体股东签字）", "住所使用证明（加盖公章）"], opinion="章程缺股东签字")
        scjg.post(f"/cases/{task('paused')['case_id']}/pause", reason="现场踏勘")
        scjg.post(f"/cases/{task('reported')['case_id']}/tasks/{task('reported')['id']}/report",
                  receiver="市市场监督管理局", opinion="涉及外资，报市局审核")
        return out
    finally:
        term.close()
