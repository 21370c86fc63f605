"""帮办代办 (issue 21), on SQLite and PostgreSQL, through a real center and a real counter cache: a case
applied for by an entrusted person and one by a village 代办员; the window refuses an agent who is the
applicant, an authorisation that ran out, none at all, a wrong agent ID number; the 帮办代办登记表, the
acceptance notice and the receipt name both (masked), the case replicates with its agent, the center's
case shows both, the center's papers name the agent, and the agent's ID card finds the case at any
window (the agent collects for the applicant)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from app.center.seed import seed_demo
from app.counter.service import AgentIn, ApplicantIn
from app.domain.acceptance import Decision
from app.domain.agency import Agency, AgentKind
from app.domain.catalog import load_catalog
from app.domain.clock import local_today
from app.errors import HallError
from app.store import models as m
from tests.integration.test_cases_center import Api, pdf_text
from tests.support.center import CenterServer
from tests.support.counter import counter_service, counter_terminal

ZHANG = "11010519491231002X"
AGENT = "440524188001010014"  # 李四, the entrusted person
VILLAGE_AGENT = "110101199003074477"  # 王五, the village point's 代办员


def text_of(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(out.split())


@pytest.fixture
def center(db_url, tmp_path):  # type: ignore[no-untyped-def]
    from app.demo.day import publish_next_year

    with CenterServer(db_url, tmp_path / "center") as c:
        with c.db.write_session() as s:
            seed_demo(s, load_catalog())
        publish_next_year(c.url)
        yield c


def _full(svc, item):  # type: ignore[no-untyped-def]
    return [dataclasses.replace(c, originals_received=c.originals_needed, copies_received=c.copies_needed) for c in svc.checklist(item)]


def test_cases_applied_for_by_agents(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    w1.login("clerk01", "clerk")
    item = w1.search_items("企业变更登记")[0]
    applicant = ApplicantIn("张三", ZHANG, phone="13812345678")
    until = local_today() + dt.timedelta(days=90)
    entrusted = Agency(AgentKind.ENTRUSTED, "授权委托书", until)

    # what the window refuses, before anything is written
    refusals = [
        (AgentIn(ApplicantIn("张三", ZHANG), entrusted), "agent_is_applicant"),
        (AgentIn(ApplicantIn("李四", AGENT), dataclasses.replace(entrusted, until=local_today() - dt.timedelta(days=1))), "authorisation_expired"),
        (AgentIn(ApplicantIn("李四", AGENT), dataclasses.replace(entrusted, authorisation=" ")), "authorisation_required"),
        (AgentIn(ApplicantIn("李四", "440524188001010015"), entrusted), "invalid_id_number"),
        (AgentIn(ApplicantIn(" ", AGENT), entrusted), "agent_name_required"),
    ]
    for agent, code in refusals:
        with pytest.raises(HallError) as err:
            w1.accept(ApplicantIn("张三", ZHANG), item, _full(w1, item), Decision.ACCEPT, agent=agent)
        assert err.value.message_code == code, (code, err.value.message)
    with t1.cache.db.read_session() as s:
        assert s.scalars(select(m.Case)).first() is None

    agent = AgentIn(ApplicantIn("李四", AGENT, phone="13900001111"), entrusted)
    got = w1.accept(applicant, item, _full(w1, item), Decision.ACCEPT, agent=agent)
    names = [p.name for p in got.documents]
    assert names[0].endswith("帮办代办登记表.pdf") and any(n.endswith("受理通知书.pdf") for n in names)
    record = text_of(got.documents[0])
    assert "帮办代办登记表" in record and "授权委托书" in record and f"至{until:%Y年%m月%d日}" in record
    assert "440524********0014" in record and "110105********002X" in record
    assert AGENT not in record and ZHANG not in record and "139****1111" in record
    assert "委托人（签字/按手印）" in record and "代办人（签字）" in record and "不收取任何费用" not in record
    notice = text_of(next(p for p in got.documents if p.name.endswith("受理通知书.pdf")))
    assert "代办人（受托人）：李四" in notice and "440524********0014" in notice and AGENT not in notice
    assert got.receipt_preview is not None

    # a village point's 代办员 for another villager: free of charge, for this case only
    villager = ApplicantIn("赵六", "110101198001010053")
    village = AgentIn(ApplicantIn("王五", VILLAGE_AGENT), Agency(AgentKind.HALL_AGENT, "代办委托书"))
    got2 = w1.accept(villager, item, _full(w1, item), Decision.ACCEPT, agent=village)
    record2 = text_of(got2.documents[0])
    assert "王五（帮办代办员）" in record2 and "不收取任何费用" in record2 and "本次办理" in record2

    # the counter's own list shows the agent; the cases replicate with their agents
    rows = {r.case_number: r for r in w1.cases()}
    assert rows[got.case_number].agent == "李**" and rows[got2.case_number].agent == "王**"
    t1.engine.sync_once()
    with center.db.read_session() as s:
        case = s.get(m.Case, got.case_id)
        assert case is not None and case.agent is not None
        assert (case.agent_kind, case.authorisation, case.authorised_until) == ("entrusted", "授权委托书", until)
        assert case.agent.id_number_masked == "440524********0014" and case.agent.id_number_enc != AGENT.encode()
        assert case.applicant.id_number_masked == "110105********002X"
        case2 = s.get(m.Case, got2.case_id)
        assert case2 is not None and case2.agent_kind == "hall_agent" and case2.authorised_until is None

    # the center's case shows both, masked; the department's papers name the agent
    scjg = Api(center.url, "bo_scjg", "backoffice")
    detail = scjg.get(f"/cases/{got.case_id}").json()
    assert detail["agent"] == {
        "name": "李四", "id_number": "440524********0014", "phone": "139****1111",
        "kind": "entrusted", "authorisation": "授权委托书", "until": until.isoformat(),
    }
    assert AGENT not in str(detail) and "13900001111" not in str(detail)
    task = next(t for t in scjg.get("/cases/tasks").json() if t["case_number"] == got.case_number)
    assert scjg.post(f"/cases/{got.case_id}/tasks/{task['id']}/decide", {"decision": "approve", "opinion": "同意"}).status_code == 200
    paper = scjg.get(f"/cases/{got.case_id}/papers/decision.pdf")
    assert paper.status_code == 200
    text = "".join(pdf_text(paper.content, tmp_path).split())
    assert "代办人（受托人）：李四" in text and AGENT not in text

    # 出件 at another window: the agent's ID card finds the case they applied for
    s3, t3 = counter_terminal(center.url, tmp_path, "counter-3")
    w3 = counter_service(t3, s3, tmp_path / "w3", window=3)
    w3.login("clerk03", "clerk")
    found = w3.center_case_rows(AGENT)
    assert [r.case_number for r in found] == [got.case_number] and found[0].agent == "李**"
    assert {r.case_number for r in w3.center_case_rows(ZHANG)} == {got.case_number}


def test_a_village_window_accepts_only_its_sites_items(center, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """县、乡、村: a village point's window finds and accepts only the items of its site's list; another item
    is refused with where it is applied for (the township above); a county window keeps every item."""
    from app.center.changelog import publish_reference

    with center.db.write_session() as s:
        item = s.scalar(select(m.ServiceItem).where(m.ServiceItem.name == "个体工商户注册登记"))
        assert item is not None
        town = m.Site(code="XZ01", name="沙石镇便民服务中心", level="township", items=[])
        s.add(town)
        s.flush()
        village = m.Site(code="XZ01-C01", name="火燃村代办点", level="village", parent_id=town.id, items=[item.code])
        s.add(village)
        s.flush()
        window = s.scalar(select(m.Window).where(m.Window.number == 2))
        assert window is not None
        window.site_id = village.id
        for obj in (town, village, window):
            publish_reference(s, obj)
    s2, t2 = counter_terminal(center.url, tmp_path, "village-1")
    w2 = counter_service(t2, s2, tmp_path / "w2", window=2)
    w2.login("clerk02", "clerk")
    assert [i.name for i in w2.search_items("登记")] == ["个体工商户注册登记"]
    other = next(i for i in w2.guides.items if i.name == "企业变更登记")
    with pytest.raises(HallError) as err:
        w2.accept(ApplicantIn("张三", ZHANG), other, _full(w2, other), Decision.ACCEPT)
    assert err.value.message_code == "item_not_at_site"
    assert err.value.params == {"item": "企业变更登记", "site": "火燃村代办点", "parent": "沙石镇便民服务中心"}
    mine = w2.search_items("个体工商户")[0]
    assert w2.accept(ApplicantIn("张三", ZHANG), mine, _full(w2, mine), Decision.ACCEPT).case_number
    s1, t1 = counter_terminal(center.url, tmp_path, "counter-1")
    w1 = counter_service(t1, s1, tmp_path / "w1", window=1)
    assert len(w1.search_items("登记")) > 1  # the county's window: every item
