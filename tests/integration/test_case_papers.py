"""The papers the center draws for a case carry the hall's document numbers (issue 17): the configured
pattern with the kind of each paper (准 / 不准 / 结, 补, 终, 诺) and the hall's yearly sequence of that kind —
the same sequence the counters lease their blocks of, so the center never prints a number a counter
printed. A paper keeps its number when drawn again; two first draws at once give one number."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import subprocess
import threading
from pathlib import Path

import pytest

from app.center.seed import seed_demo
from app.counter.service import ApplicantIn
from app.domain.acceptance import Decision
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from tests.integration.test_cases_center import LI, ZHANG, Api
from tests.support.center import CenterServer
from tests.support.counter import counter_service, counter_terminal


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    from app.demo.day import publish_next_year

    with CenterServer(db_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def text_of(data: bytes | Path, tmp: Path) -> str:
    f = data if isinstance(data, Path) else tmp / "paper.pdf"
    if not isinstance(data, Path):
        f.write_bytes(data)
    out = subprocess.run(["pdftotext", str(f), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)  # a number may break across lines


def numbers(kind: str, text: str) -> list[int]:
    return [int(n) for n in re.findall(rf"H01{kind}〔{local_today().year}〕第(\d{{4}})号", text)]


def _full(svc, item):  # type: ignore[no-untyped-def]
    return [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed)
            for c in svc.checklist(item)]


def test_papers_numbered_in_the_halls_sequences(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    joint = w1.search_items("企业设立登记")[0]
    got = w1.accept(ApplicantIn("张三", ZHANG), joint, _full(w1, joint), Decision.ACCEPT)
    other = w1.accept(ApplicantIn("李四", LI), joint, _full(w1, joint), Decision.ACCEPT)
    counters_own = numbers("补", text_of(w1.request_correction(other.case_id, ["营业执照复印件"]), tmp_path))
    assert counters_own == [1]  # the counter's 补正告知书, from the block of 1–20 it leased
    t1.engine.sync_once()

    scjg, swj = Api(center.url, "bo_scjg", "backoffice"), Api(center.url, "bo_swj", "backoffice")
    tasks = {t["department_code"]: t["id"] for t in scjg.get(f"/cases/{got.case_id}").json()["tasks"]}
    base = f"/cases/{got.case_id}"
    assert scjg.post(f"{base}/tasks/{tasks['SCJG']}/return", {"missing": ["公司章程"]}).status_code == 200
    first = text_of(scjg.get(f"{base}/papers/correction.pdf").content, tmp_path)
    assert numbers("补", first) == [21]  # after the counter's block: never a number a counter printed
    assert f"{got.case_number}号" not in first  # the old 「H01〔2026〕H01-…号」 is gone
    assert numbers("补", text_of(scjg.get(f"{base}/papers/correction.pdf").content, tmp_path)) == [21]  # reprint

    clerk = Api(center.url, "clerk01", "clerk", window=1)
    assert clerk.post(f"{base}/corrected").status_code == 200
    assert swj.post(f"{base}/tasks/{tasks['SWJ']}/decide", {"decision": "approve"}).status_code == 200
    assert scjg.post(f"{base}/tasks/{tasks['SCJG']}/return", {"missing": ["股东会决议"]}).status_code == 200
    second_round = text_of(scjg.get(f"{base}/papers/correction.pdf").content, tmp_path)
    assert numbers("补", second_round) == [22] and "股东会决议" in second_round  # a new notice, a new number
    assert clerk.post(f"{base}/corrected").status_code == 200
    assert scjg.post(f"{base}/tasks/{tasks['SCJG']}/decide", {"decision": "approve"}).json()["status"] == "approved"
    decision = text_of(scjg.get(f"{base}/papers/decision.pdf").content, tmp_path)
    assert numbers("准", decision) == [1]
    assert numbers("准", text_of(swj.get(f"{base}/papers/decision.pdf").content, tmp_path)) == [1]
    assert scjg.get(f"/cases/{other.case_id}/papers/decision.pdf").status_code == 409  # not decided: no number taken
    t1.close()


def test_a_denial_and_a_termination_and_two_first_draws_at_once(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    joint = w1.search_items("企业设立登记")[0]
    denied = w1.accept(ApplicantIn("张三", ZHANG), joint, _full(w1, joint), Decision.ACCEPT)
    checks = _full(w1, joint)
    i = next(n for n, c in enumerate(checks) if c.deferrable)
    promised = w1.calendar().add_working_days(local_today(), 1)
    checks[i] = dataclasses.replace(checks[i], originals_received=0, copies_received=0, deferred_until=promised)
    deferred = w1.accept(ApplicantIn("李四", LI), joint, checks, Decision.DEFER)
    t1.engine.sync_once()

    swj, scjg = Api(center.url, "bo_swj", "backoffice"), Api(center.url, "bo_scjg", "backoffice")
    tasks = {t["department_code"]: t["id"] for t in scjg.get(f"/cases/{denied.case_id}").json()["tasks"]}
    assert swj.post(f"/cases/{denied.case_id}/tasks/{tasks['SWJ']}/decide",
                    {"decision": "deny", "opinion": "欠税未清"}).json()["status"] == "accepted"  # the lead to come
    r = scjg.post(f"/cases/{denied.case_id}/tasks/{tasks['SCJG']}/decide", {"decision": "approve"})
    assert r.json()["status"] == "denied"  # one department's 不予许可 denies the case
    assert numbers("不准", text_of(swj.get(f"/cases/{denied.case_id}/papers/decision.pdf").content, tmp_path)) == [1]

    mgr = Api(center.url, "manager", "manager")
    after = (promised + dt.timedelta(days=1)).isoformat()
    assert mgr.post("/cases/deferrals/sweep", date=after).json()["terminated"] == [deferred.case_number]
    got: list[bytes] = []
    threads = [threading.Thread(target=lambda: got.append(
        Api(center.url, "manager", "manager").get(f"/cases/{deferred.case_id}/papers/termination.pdf").content))
        for _ in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    assert [numbers("终", text_of(pdf, tmp_path)) for pdf in got] == [[1], [1], [1]]
    t1.close()
