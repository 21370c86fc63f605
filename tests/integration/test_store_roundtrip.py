"""Every entity of the model is written and read back unchanged, on SQLite and on PostgreSQL,
through the Alembic-migrated schema."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from app.domain.clock import utcnow
from app.domain.ids import new_id
from app.domain.states import CaseStatus, ItemKind, Role, TerminalKind, TicketStatus, WindowStatus
from app.store import models as m
from app.store.migrate import current_revision, head_revision

T0 = dt.datetime(2025, 9, 30, 1, 2, 3, 456000, tzinfo=dt.UTC)


def build_graph() -> list[m.Base]:
    dept = m.Department(code="SCJG", name="市场监督管理局", short_name="市场监管")
    cat = m.Category(prefix="A", name="企业开办", description="设立、变更、注销", sort_order=1)
    item = m.ServiceItem(
        code="11350521MB1C12345X4000111003000",
        name="企业设立登记",
        department=dept,
        category=cat,
        co_department_codes=["SW"],
        kind=ItemKind.JOINT,
        legal_basis="《市场主体登记管理条例》第三条",
        conditions="名称经自主申报",
        process=["受理", "审查", "决定"],
        legal_days=15,
        promised_days=3,
        special_steps=[{"name": "现场核查", "max_days": 5}],
        fee_charged=True,
        fee_standard="工本费 10 元",
        fee_basis="某文件",
        location="一楼A区",
        hours="工作日",
        visits=1,
        consult_phone="0591-1234567",
        complaint_phone="12345",
        delivery=["window", "express"],
        online=True,
        faq=[{"q": "要带公章吗", "a": "不需要"}],
        status="active",
    )
    mat = m.Material(
        item=item,
        position=0,
        name="公司登记申请书",
        originals=1,
        copies=2,
        required=False,
        required_note="委托办理的提供",
        deferrable=True,
        form="both",
        source="申请人自备",
        sample="样表",
    )
    staff = m.Staff(
        username="clerk01",
        full_name="王小明",
        role=Role.CLERK,
        password_hash="scrypt$x",
        window_number=1,
        id_number_hash="h" * 64,
        is_demo=True,
    )
    county = m.Site(id=new_id(), code="H01", name="章贡区政务服务中心", level="county", items=["A1"], phone="0797-1")
    window = m.Window(
        number=1, name="1号窗口", kind="comprehensive", status=WindowStatus.PAUSED, status_since=T0, site_id=county.id
    )
    wc = m.WindowCategory(category=cat, position=0)
    window.categories.append(wc)
    term = m.Terminal(
        name="kiosk-1",
        kind=TerminalKind.KIOSK,
        status="approved",
        credential_hash="c",
        tag=7,
        approved_at=T0,
        last_seen_at=T0,
        health={"printer": "paper_near_end"},
    )
    cal_y = m.CalendarYear(year=2030, source="admin", entered_by="admin")
    cal_d = m.CalendarDay(day=dt.date(2030, 10, 1), is_workday=False, name="国庆节", source="admin")
    setting = m.Setting(key="queue.recall_limit", value={"v": 3})
    notice = m.Notice(text="今日下午系统升级", audience="screens", ends_at=T0 + dt.timedelta(hours=3))
    appt = m.Appointment(
        code="Y20250930001",
        category_id=None,
        applicant_name_masked="王*明",
        id_number_hash="a" * 64,
        day=dt.date(2025, 9, 30),
        slot_start=T0,
        slot_end=T0 + dt.timedelta(minutes=30),
    )
    appt.source, appt.id_number_masked, appt.phone_masked, appt.phone_enc = "public", "110101********002X", "138****5678", b"x"
    appt.phone_hash, appt.manage_token, appt.language, appt.reminded_at = "p" * 64, "t" * 22, "en", T0
    appt.cancelled_at, appt.reschedules, appt.holds_place = T0, 1, True
    plan = m.BookingPlan(category_id=None, slot_minutes=20, per_window=3, days_ahead=5, cutoff_minutes=30, active=True)
    slot = m.AppointmentSlot(category_id=None, slot_start=T0, booked=2)
    hold = m.BookingHold(
        token="h" * 22, category_id=None, day=dt.date(2025, 9, 30), slot_start=T0, slot_end=T0 + dt.timedelta(minutes=30),
        name_masked="王*明", id_number_hash="a" * 64, id_number_masked="110101********002X", phone_enc=b"y",
        phone_hash="p" * 64, phone_masked="138****5678", client="127.0.0.1", language="zh_CN", code_hash="c" * 64,
        tries=1, expires_at=T0,
    )
    ticket = m.Ticket(
        category_id=None,
        service_day=dt.date(2025, 9, 30),
        seq=23,
        number="A023",
        status=TicketStatus.SERVING,
        priority=True,
        id_number_hash="b" * 64,
        source="lease",
        issued_at=T0,
        queue_at=T0,
        window_number=1,
        called_at=T0,
        started_at=T0,
        recall_count=2,
    )
    tev = m.TicketEvent(
        kind="called",
        from_status="waiting",
        to_status="called",
        window_number=1,
        at=T0,
        detail={"walk_s": 30},
    )
    appl = m.Applicant(
        kind="person",
        name="李四",
        id_type="resident",
        id_number_enc=b"\x00\x01cipher",
        id_number_hash="c" * 64,
        id_number_masked="110101********1234",
        phone_enc=b"p",
        phone_masked="138****5678",
        address_enc=b"addr",
        origin_terminal_id=uuid.uuid4(),
    )
    case = m.Case(
        case_number="H01-C01-20250930-0001",
        item=item,
        applicant=appl,
        window_number=1,
        status=CaseStatus.DEFERRED,
        decision="deferred",
        received_on=dt.date(2025, 9, 30),
        accepted_at=T0,
        due_date=dt.date(2025, 10, 14),
        legal_due_date=dt.date(2025, 10, 31),
        deferral_due=dt.date(2025, 10, 9),
        delivery_method="express",
        tracking_number="SF123",
        sms_consent_version="2026-12",
        sms_consent_at=T0,
        agent_kind="entrusted",
        authorisation="授权委托书",
        authorised_until=dt.date(2025, 12, 31),
    )
    project = m.AgencyProject(
        id=new_id(), code="XM2025-0001", name="年产10万吨饲料项目", company="赣州某饲料有限公司",
        credit_code="91360702MA35XXXX0X", target_days=37,
    )
    stage = m.AgencyStage(
        project_id=project.id, position=0, name="立项用地规划许可", status="done",
        started_on=dt.date(2025, 9, 1), done_on=dt.date(2025, 9, 12), case_number="H01-C01-20250901-0001", note="并联审批",
    )
    cmat = m.CaseMaterial(
        case=case,
        position=0,
        name="公司登记申请书",
        originals_received=1,
        copies_received=0,
        state="deferred",
        promised_date=dt.date(2025, 10, 9),
        note="承诺补交",
    )
    ctr = m.CaseTransition(
        from_status=None, to_status="deferred", actor_id=uuid.uuid4(), at=T0, reason="容缺受理",
        step="dispatch", task_id=uuid.uuid4(), clock_days=2, detail={"missing": ["公司章程"]},
    )
    task = m.CaseTask(
        kind="approve", lead=True, status="reported", due_date=dt.date(2025, 10, 14), opinion="同意",
        receiver="市市场监督管理局", decided_at=T0, created_at=T0, updated_at=T0,
    )
    pause = m.CasePause(reason="现场核查", first_day=dt.date(2025, 10, 9), last_day=dt.date(2025, 10, 10))
    rating = m.Rating(
        window_number=1, level=2, reasons=["等候时间长"], comment="太慢", channel="pad", rated_at=T0
    )
    rect = m.Rectification(
        deadline=dt.date(2025, 10, 20),
        measures="增开窗口",
        callback_at=T0,
        callback_result="群众表示认可",
        appeal_reason=None,
    )
    feedback = m.Feedback(
        kind="complaint",
        topic="等候时间长",
        text="等候时间长；设施环境",
        phone_enc=b"\x00sealed",
        phone_masked="138****5678",
        window_number=3,
        status="open",
        origin_terminal_id=uuid.uuid4(),
        created_at=T0,
    )
    audit = m.AuditEvent(
        terminal_id=uuid.uuid4(),
        seq=1,
        at=T0,
        actor="clerk01",
        action="case.accept",
        object_type="case",
        object_id="x",
        detail={"k": 1},
        prev_hash="0" * 64,
        hash="f" * 64,
    )
    replication = [
        m.Counter(name="change_log", value=41),
        m.ChangeLog(
            seq=41, entity="service_item", entity_id="x", op="upsert", data={"name": "企业设立登记"}, at=T0
        ),
        m.ProcessedOp(
            op_id=uuid.uuid4(), terminal_id=uuid.uuid4(), kind="case.create", status="applied", at=T0
        ),
        m.Conflict(
            terminal_id=uuid.uuid4(),
            op_id=uuid.uuid4(),
            kind="case.transition",
            entity_id="c",
            reason="current status is approved",
            payload={"to": "accepted"},
            at=T0,
        ),
        m.OutboxOp(
            kind="rating.create", payload={"level": 5}, created_at=T0, attempts=2, last_error="timeout"
        ),
        m.SyncState(key="pull_cursor", value=41),
        m.ReplicaRow(entity="service_item", entity_id="x", seq=41, data={"name": "企业设立登记"}),
        m.NumberLease(
            terminal_id=uuid.uuid4(),
            category_id=None,
            service_day=dt.date(2025, 9, 30),
            first_seq=901,
            last_seq=950,
            next_seq=903,
        ),
    ]
    return [
        m.LoginFailure(id=1, key="login:clerk01@127.0.0.1"),
        dept,
        cat,
        item,
        mat,
        staff,
        county,
        window,
        wc,
        term,
        cal_y,
        cal_d,
        setting,
        notice,
        appt,
        plan,
        slot,
        hold,
        ticket,
        tev,
        m.TicketContact(
            ticket_id=None,
            phone_enc=b"sealed-phone",
            phone_masked="138****5678",
            consent_version="2026-12",
            consent_at=T0,
            turn_soon_at=T0 + dt.timedelta(minutes=9),
            created_at=T0,
        ),
        m.NotifyMessage(
            key="turn_soon:x",
            event="turn_soon",
            language="zh_CN",
            phone_enc=b"sealed-phone",
            phone_masked="138****5678",
            params={"number": "A012", "ahead": "3"},
            status="failed",
            attempts=3,
            next_attempt_at=T0,
            lease_until=T0,
            expires_at=T0 + dt.timedelta(minutes=30),
            channel="aliyun",
            provider_ref="biz-1",
            last_error="refused by aliyun: isv.MOBILE_NUMBER_ILLEGAL",
            created_at=T0,
            sent_at=T0,
            updated_at=T0,
        ),
        m.RateHit(id=1, key="code-phone:abc", at=T0),
        appl,
        case,
        cmat,
        ctr,
        task,
        pause,
        rating,
        rect,
        feedback,
        audit,
        project,
        stage,
        *replication,
    ]


def _wire(objs: list[m.Base]) -> None:
    by_type = {type(o): o for o in objs}
    cat, ticket, case, staff = by_type[m.Category], by_type[m.Ticket], by_type[m.Case], by_type[m.Staff]
    by_type[m.Appointment].category_id = cat.id  # type: ignore[attr-defined]
    ticket.category_id = cat.id  # type: ignore[attr-defined]
    for cls in (m.BookingPlan, m.AppointmentSlot, m.BookingHold):
        by_type[cls].category_id = cat.id  # type: ignore[attr-defined]
    by_type[m.BookingHold].appointment_id = by_type[m.Appointment].id  # type: ignore[attr-defined]
    ticket.appointment_id = by_type[m.Appointment].id  # type: ignore[attr-defined]
    ticket.staff_id = staff.id  # type: ignore[attr-defined]
    by_type[m.TicketEvent].ticket_id = ticket.id  # type: ignore[attr-defined]
    by_type[m.TicketContact].ticket_id = ticket.id  # type: ignore[attr-defined]
    case.ticket_id = ticket.id  # type: ignore[attr-defined]
    for cls in (m.CaseTransition, m.CasePause, m.CaseTask):
        by_type[cls].case_id = case.id  # type: ignore[attr-defined]
    by_type[m.CaseTask].department_id = by_type[m.Department].id  # type: ignore[attr-defined]
    by_type[m.CaseTask].decided_by = staff.id  # type: ignore[attr-defined]
    rating = by_type[m.Rating]
    rating.ticket_id, rating.case_id, rating.staff_id = ticket.id, case.id, staff.id  # type: ignore[attr-defined]
    by_type[m.Rectification].rating_id = rating.id  # type: ignore[attr-defined]
    by_type[m.Window].staff_id = staff.id  # type: ignore[attr-defined]
    by_type[m.AgencyProject].agent_id = staff.id  # type: ignore[attr-defined]
    case.agent_id = by_type[m.Applicant].id  # type: ignore[attr-defined]
    by_type[m.NumberLease].category_id = cat.id  # type: ignore[attr-defined]
    by_type[m.NumberLease].category_id = cat.id  # type: ignore[attr-defined]


def _columns(obj: m.Base) -> dict[str, Any]:
    return {a.key: getattr(obj, a.key) for a in inspect(type(obj)).column_attrs}


def test_migrated_to_head(migrated_db) -> None:  # type: ignore[no-untyped-def]
    assert current_revision(migrated_db.engine) == head_revision()


def test_every_entity_round_trips(migrated_db) -> None:  # type: ignore[no-untyped-def]
    objs = build_graph()
    mapped = {mp.class_ for mp in m.Base.registry.mappers}
    assert {type(o) for o in objs} == mapped, "a new entity needs a place in this round-trip test"
    # ids are assigned at construction time by the default only on flush: give them now so we can wire
    for o in objs:
        if "id" in inspect(type(o)).columns and getattr(o, "id", None) is None:
            o.id = new_id()  # type: ignore[attr-defined]
    _wire(objs)
    with migrated_db.write_session() as s:
        for o in objs:  # in dependency order: foreign keys set by id are not known to the unit of work
            s.add(o)
            s.flush()
    expected = {type(o): _columns(o) for o in objs}
    with migrated_db.read_session() as s:
        for cls, cols in expected.items():
            loaded = s.scalars(select(cls)).all()
            assert len(loaded) == 1, cls
            got = _columns(loaded[0])
            diff = {k: (cols[k], got[k]) for k in cols if cols[k] != got[k]}
            assert not diff, f"{cls.__name__} changed on the way: {diff}"
            for value in got.values():
                if isinstance(value, dt.datetime):
                    assert value.tzinfo is not None, f"{cls.__name__} lost the time zone"


def test_ticket_number_unique_per_category_and_day(migrated_db) -> None:  # type: ignore[no-untyped-def]
    with migrated_db.write_session() as s:
        cat = m.Category(prefix="B", name="不动产")
        s.add(cat)
        s.flush()
        s.add(m.Ticket(category_id=cat.id, service_day=dt.date(2025, 9, 30), seq=1, number="B001"))
        s.add(m.Ticket(category_id=cat.id, service_day=dt.date(2025, 10, 9), seq=1, number="B001"))
        cat_id = cat.id
    with pytest.raises(IntegrityError), migrated_db.write_session() as s:
        s.add(m.Ticket(category_id=cat_id, service_day=dt.date(2025, 9, 30), seq=1, number="B001"))


def test_constraints_hold(migrated_db) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(IntegrityError), migrated_db.write_session() as s:
        s.add(m.Rating(level=6, rated_at=utcnow()))
    with pytest.raises(IntegrityError), migrated_db.write_session() as s:
        d = m.Department(code="X", name="x", short_name="x")
        s.add(d)
        s.flush()
        s.add(
            m.ServiceItem(
                code="c", name="n", department_id=d.id, kind=ItemKind.PROMISED, legal_days=5, promised_days=9
            )
        )
    # foreign keys are enforced on SQLite too
    with pytest.raises(IntegrityError), migrated_db.write_session() as s:
        s.add(m.Material(item_id=uuid.uuid4(), name="x"))


def test_backoffice_role_and_downgrade(migrated_db) -> None:  # type: ignore[no-untyped-def]
    """0007: department staff (`backoffice`) are a role the database accepts; an unknown role is refused;
    the migration goes down and up again."""
    from sqlalchemy import text

    from app.store import migrate

    with migrated_db.write_session() as s:
        dept = m.Department(code="SWJ", name="税务局", short_name="税务")
        s.add(dept)
        s.flush()
        s.add(m.Staff(username="bo1", full_name="后台", role=Role.BACKOFFICE, department_id=dept.id))
    with pytest.raises(IntegrityError), migrated_db.write_session() as s:
        s.execute(text("INSERT INTO staff (id, username, full_name, role, active, is_demo, updated_at) "
                       "VALUES ('00000000000000000000000000000001', 'x', 'x', 'boss', true, false, CURRENT_TIMESTAMP)"))
    with migrated_db.write_session() as s:
        s.execute(text("DELETE FROM staff"))
        s.execute(text("DELETE FROM departments"))
    migrate.downgrade(migrated_db.engine, "0006_hall_setup")
    migrate.upgrade(migrated_db.engine)
    assert current_revision(migrated_db.engine) == head_revision()
