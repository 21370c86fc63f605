"""Importing a hall workbook of Liuhe county's size into PostgreSQL (target ≤ 30 s), beside a bare bulk
insert of the same rows: `python tests/perf/bench_import.py` (needs PostgreSQL at 127.0.0.1:5432).

Generates the workbook: 34 departments, 1,305 items, ~5,000 materials, 120 windows, 200 staff."""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psycopg
from sqlalchemy import insert

from app.center.catalog_import import import_catalog
from app.domain import catalog as c
from app.domain.catalog import load_catalog
from app.store import migrate
from app.store import models as m
from app.store.db import Database
from app.workbook.reader import read_workbook
from app.workbook.writer import write_workbook
from tests.perf.result import emit

ADMIN = os.environ.get("HALL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
N_DEPTS, N_ITEMS, N_WINDOWS, N_STAFF = 34, 1305, 120, 200


def liuhe() -> c.Catalog:
    demo = load_catalog()
    depts = tuple(c.Department(f"D{n:02d}", f"六合区第{n}局", f"{n}局") for n in range(N_DEPTS))
    cats = demo.categories
    items = []
    for n in range(N_ITEMS):
        base = demo.items[n % len(demo.items)]
        mats = base.materials * 2
        mats = tuple(dataclasses.replace(mt, name=f"{mt.name}（{k}）") for k, mt in enumerate(mats[: 3 + (n % 5 != 0)]))
        items.append(
            dataclasses.replace(
                base,
                code=f"LH{n:06d}",
                name=f"{base.name}（{n}）",
                department=depts[n % N_DEPTS].code,
                co_departments=(),
                category=cats[n % len(cats)].prefix,
                materials=mats,
            )
        )
    windows = tuple(
        c.Window(n, f"{n}号窗口", "comprehensive", (cats[n % len(cats)].prefix, cats[(n + 1) % len(cats)].prefix))
        for n in range(1, N_WINDOWS + 1)
    )
    staff = tuple(
        c.StaffMember(f"clerk{n:03d}", f"工作人员{n}", "clerk", (n % N_WINDOWS) + 1, depts[n % N_DEPTS].code)
        for n in range(N_STAFF)
    )
    hall = c.Hall("六合区政务服务中心", "LH", "", "", "", "")
    return c.Catalog(hall, depts, cats, windows, staff, tuple(items))


def fresh_db() -> tuple[str, str]:
    name = f"hall_bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return name, f"{base}/{name}"


def drop(name: str) -> None:
    with psycopg.connect(ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def bare_insert(db: Database, cat: c.Catalog) -> None:
    """The same rows with plain executemany INSERTs: no checks, no diff, no change log."""
    with db.write_session() as s:
        dept_ids = {d.code: uuid.uuid4() for d in cat.departments}
        cat_ids = {k.prefix: uuid.uuid4() for k in cat.categories}
        s.execute(insert(m.Department), [{"id": dept_ids[d.code], "code": d.code, "name": d.name, "short_name": d.short_name} for d in cat.departments])
        s.execute(insert(m.Category), [{"id": cat_ids[k.prefix], "prefix": k.prefix, "name": k.name} for k in cat.categories])
        item_rows, mat_rows = [], []
        for it in cat.items:
            iid = uuid.uuid4()
            item_rows.append({"id": iid, "code": it.code, "name": it.name, "department_id": dept_ids[it.department], "category_id": cat_ids[it.category], "kind": it.kind, "legal_days": it.legal_days, "promised_days": it.promised_days, "legal_basis": it.legal_basis, "conditions": it.conditions})
            mat_rows += [{"id": uuid.uuid4(), "item_id": iid, "position": p, "name": mt.name} for p, mt in enumerate(it.materials)]
        s.execute(insert(m.ServiceItem), item_rows)
        s.execute(insert(m.Material), mat_rows)
        win_ids = {w.number: uuid.uuid4() for w in cat.windows}
        s.execute(insert(m.Window), [{"id": win_ids[w.number], "number": w.number, "name": w.name} for w in cat.windows])
        s.execute(insert(m.WindowCategory), [{"window_id": win_ids[w.number], "category_id": cat_ids[p], "position": i} for w in cat.windows for i, p in enumerate(w.categories)])
        s.execute(insert(m.Staff), [{"id": uuid.uuid4(), "username": st.username, "full_name": st.full_name, "role": st.role} for st in cat.staff])


def main() -> None:
    cat = liuhe()
    n_mats = sum(len(i.materials) for i in cat.items)
    with tempfile.TemporaryDirectory() as tmp:
        path = write_workbook(cat, Path(tmp) / "liuhe.xlsx")
        names = []
        try:
            name, url = fresh_db()
            names.append(name)
            db = Database(url)
            migrate.upgrade(db.engine)
            t0 = time.perf_counter()
            parsed = read_workbook(path)
            t_read = time.perf_counter() - t0
            with db.write_session() as s:
                import_catalog(s, parsed.catalog)
            t_import = time.perf_counter() - t0
            t1 = time.perf_counter()
            with db.write_session() as s:
                again = import_catalog(s, read_workbook(path).catalog)
            t_again = time.perf_counter() - t1
            assert again.created == {} and again.updated == {}
            db.dispose()

            name, url = fresh_db()
            names.append(name)
            db = Database(url)
            migrate.upgrade(db.engine)
            t2 = time.perf_counter()
            bare_insert(db, cat)
            t_bare = time.perf_counter() - t2
            db.dispose()
        finally:
            for n in names:
                drop(n)
    print(f"# hall workbook import: {len(cat.departments)} departments, {len(cat.items)} items, {n_mats} materials, "
          f"{len(cat.windows)} windows, {len(cat.staff)} staff; machine: {os.cpu_count()} cores")
    print(f"read and check the workbook: {t_read:.1f} s; read + import into PostgreSQL: {t_import:.1f} s (target ≤ 30 s)")
    print(f"second import of the same workbook (nothing changes): {t_again:.1f} s")
    print(f"bare bulk insert of the same rows (baseline): {t_bare:.1f} s")
    emit(
        f"hall workbook import into PostgreSQL ({len(cat.items)} items, {n_mats} materials)",
        f"{t_import:.1f} s (second import {t_again:.1f} s)",
        "≤ 30 s",
        f"bare bulk insert of the same rows: {t_bare:.1f} s",
    )


if __name__ == "__main__":
    main()
