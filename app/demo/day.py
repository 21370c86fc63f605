"""A scripted stretch of a hall day against a real center through its API: windows open, kiosk tickets,
calls, services, a no-show, a transfer, a bad rating, notices. Used by the screenshots and the demo."""

from __future__ import annotations

import random
from typing import Any

import httpx

DEMO_IDS = ["11010519491231002X", "440524188001010014", "36070219920315002X", "360702198811230010"]


class StaffSession:
    def __init__(self, base: str, user: str, password: str, window: int | None = None) -> None:
        r = httpx.post(
            f"{base}/api/v1/auth/login",
            json={"username": user, "password": password, "window": window},
            timeout=10,
        )
        r.raise_for_status()
        self.token = r.json()["token"]
        self.http = httpx.Client(
            base_url=f"{base}/api/v1", headers={"Authorization": f"Bearer {self.token}"}, timeout=10
        )

    def post(self, path: str, **body: Any) -> Any:
        r = self.http.post(path, json=body or None)
        if r.status_code == 204:
            return None
        r.raise_for_status()
        return r.json()

    def get(self, path: str, **params: Any) -> Any:
        r = self.http.get(path, params=params)
        r.raise_for_status()
        return r.json()


def busy_morning(base: str, *, tickets: int = 60, seed: int = 7) -> dict[str, Any]:
    """Open most windows, issue tickets across categories, serve some, leave a realistic queue."""
    rng = random.Random(seed)
    mgr = StaffSession(base, "manager", "manager")
    snap = mgr.get("/queue")
    prefixes = list(snap["categories"])
    clerks = {
        w["number"]: StaffSession(base, f"clerk{w['number']:02d}", "clerk", w["number"])
        for w in snap["windows"]
    }
    for n, clerk in clerks.items():
        if n != 10:
            clerk.post(f"/windows/{n}/open")
    weights = [8, 5, 5, 3, 2, 2, 6, 1, 3][: len(prefixes)]
    for i in range(tickets):
        prefix = rng.choices(prefixes, weights=weights)[0]
        mgr.post("/tickets", category=prefix, priority=(i % 17 == 5))
    served = no_shows = 0
    for rnd in range(3):
        for n, clerk in clerks.items():
            if n == 10:
                continue
            got = clerk.post(f"/windows/{n}/call-next")
            if not got:
                continue
            t = got["ticket"]
            if rnd == 2:
                continue  # leave them at the windows: the board shows who is being served now
            if rng.random() < 0.08:
                clerk.post(f"/tickets/{t['id']}/no-show")
                no_shows += 1
            else:
                clerk.post(f"/tickets/{t['id']}/start")
                clerk.post(f"/tickets/{t['id']}/finish")
                served += 1
    clerks[10].post("/windows/10/open")
    clerks[10].post("/windows/10/pause")
    mgr.post("/notices", text="今日11:30-12:00系统升级，不动产登记暂停受理，请合理安排时间。")
    mgr.post("/notices", text="60岁以上老年人、残疾人、军人可走绿色通道，请到服务台咨询。")
    return {"served": served, "no_shows": no_shows, "tickets": tickets}


def counter_cases(base: str, settings: Any, *, name: str = "counter-demo") -> dict[str, int]:
    """A counter terminal accepts cases (some already overdue or due soon) and citizens rate them, one
    badly: the supervision lights and the rectification list have something to show."""
    import datetime as dt
    import uuid

    from sqlalchemy import select

    from app.domain.clock import local_today
    from app.domain.states import CaseStatus
    from app.store import models as m
    from app.store.calendar_store import load_calendar
    from app.sync.local_records import CaseIn, LocalRecorder, MaterialIn
    from app.sync.terminal import enroll, open_terminal

    publish_next_year(base)  # due dates of these cases may reach into next year
    enroll(settings, base, "counter", name, admin_user="admin", admin_password="admin")
    term = open_terminal(settings, name)
    try:
        term.engine.sync_once()
        rec = LocalRecorder(term.cipher, uuid.UUID(term.identity.terminal_id), "clerk03")
        today = local_today()
        with term.cache.db.write_session() as s:
            cal = load_calendar(s)
            items = s.scalars(select(m.ServiceItem).where(m.ServiceItem.promised_days > 0).limit(8)).all()
            clerk = s.scalar(select(m.Staff.id).where(m.Staff.username == "clerk03"))  # window 3's clerk
            plan = [(-4, 5), (-1, 4), (1, 2), (1, 5), (3, 4), (6, 5), (9, 4), (12, 5)]
            for i, (item, (due_in, level)) in enumerate(zip(items, plan, strict=False)):
                due = today + dt.timedelta(days=due_in) if due_in < 0 else cal.add_working_days(today, due_in)
                applicant = rec.add_applicant(
                    s,
                    name=["张三", "李四", "王芳", "赵强"][i % 4],
                    id_number=DEMO_IDS[i % len(DEMO_IDS)],
                    phone="13812345678",
                )
                case = rec.add_case(
                    s,
                    CaseIn(
                        case_number=f"H01-{today:%Y%m%d}-{i + 1:04d}",
                        item_id=item.id,
                        applicant_id=applicant,
                        status=CaseStatus.ACCEPTED,
                        decision="accept",
                        received_on=today - dt.timedelta(days=14),
                        due_date=due,
                        window_number=3,
                        staff_id=clerk,
                        materials=[
                            MaterialIn(
                                name=mt.name,
                                originals_received=mt.originals,
                                copies_received=mt.copies,
                                material_id=mt.id,
                            )
                            for mt in item.materials
                        ],
                    ),
                )
                rec.add_rating(
                    s,
                    level=1 if i == 2 else level,
                    case_id=case,
                    window_number=3,
                    staff_id=clerk,
                    reasons=["等候时间长", "一次性告知不清楚"] if i == 2 else [],
                    comment="材料要求前后说法不一致" if i == 2 else None,
                )
        status = term.engine.sync_once()
        return {"cases": len(plan), "pending": status.pending_ops}
    finally:
        term.close()


def provisional_year(year: int) -> list[dict[str, Any]]:
    """A stand-in holiday arrangement for a year whose State Council notice is not out yet (demos and
    tests only): New Year's Day and a Spring Festival week, no make-up working days. A real hall enters the
    published arrangement (`hall calendar`, or the manager console) before the year's dates are counted."""
    import datetime as dt

    days = [{"day": f"{year}-01-01", "is_workday": False, "name": "元旦"}]
    start = dt.date(year, 2, 6)
    days += [
        {"day": (start + dt.timedelta(days=i)).isoformat(), "is_workday": False, "name": "春节"} for i in range(7)
    ]
    return days


def publish_next_year(base: str) -> int | None:
    """Enter next year's calendar as admin when the center does not know it yet; returns the year entered."""
    from app.domain.clock import local_today

    year = local_today().year + 1
    admin = StaffSession(base, "admin", "admin")
    if admin.http.get(f"/calendar/{year}").status_code == 200:
        return None
    r = admin.http.put(f"/calendar/{year}", json={"days": provisional_year(year)})
    r.raise_for_status()
    return year
