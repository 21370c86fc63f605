"""A real center for tests: uvicorn serving the real app on a free loopback port, in a thread."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import uvicorn
from sqlalchemy import select

from app.center.app import create_app
from app.center.embedded import free_port
from app.center.security import hash_password
from app.config import Settings
from app.domain.states import ItemKind, Role
from app.store import migrate
from app.store import models as m
from app.store.crypto import FieldCipher
from app.store.db import Database


class CenterServer:
    """`with CenterServer(db_url, tmp) as center:` — `center.url` is the base URL; `stop()`/`start()` again
    simulate the center going down and coming back on the same port and database."""

    def __init__(
        self, db_url: str, data_dir: Path, port: int | None = None, tls: tuple[Path, Path] | None = None
    ) -> None:
        self.db_url, self.data_dir, self.tls = db_url, data_dir, tls
        self.port = port or free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self.db = Database(db_url)
        migrate.upgrade(self.db.engine)
        self.settings = Settings(data_dir=data_dir)
        self.cipher = FieldCipher(FieldCipher.new_key())
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> CenterServer:
        app = self.app = create_app(self.db, self.settings, cipher=self.cipher)
        ssl = {"ssl_certfile": str(self.tls[0]), "ssl_keyfile": str(self.tls[1])} if self.tls else {}
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on", **ssl
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("center did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            assert self._thread is not None
            self._thread.join(10)
            self._server = None

    def __enter__(self) -> CenterServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
        self.db.dispose()


def seed_minimal(db: Database) -> dict[str, str]:
    """A small hall: one department, two categories, two items, two windows, admin/manager/clerk01 accounts."""
    with db.write_session() as s:
        dept = m.Department(code="SCJG", name="市场监督管理局", short_name="市场监管")
        a = m.Category(prefix="A", name="企业开办", sort_order=1)
        b = m.Category(prefix="B", name="不动产登记", sort_order=2)
        s.add_all([dept, a, b])
        s.flush()
        item = m.ServiceItem(
            code="ITEM-001",
            name="企业设立登记",
            department_id=dept.id,
            category_id=a.id,
            kind=ItemKind.PROMISED,
            legal_days=15,
            promised_days=3,
        )
        item.materials.append(m.Material(name="公司登记申请书", position=0))
        item.materials.append(m.Material(name="租赁合同", position=1, deferrable=True))
        s.add(item)
        for n in (1, 2):
            w = m.Window(number=n, name=f"{n}号窗口")
            w.categories.append(m.WindowCategory(category_id=a.id, position=0))
            w.categories.append(m.WindowCategory(category_id=b.id, position=1))
            s.add(w)
        pw = {
            "admin": hash_password("admin"),
            "manager": hash_password("manager"),
            "clerk": hash_password("clerk"),
        }
        s.add_all(
            [
                m.Staff(
                    username="admin",
                    full_name="管理员",
                    role=Role.ADMIN,
                    password_hash=pw["admin"],
                    is_demo=True,
                ),
                m.Staff(
                    username="manager",
                    full_name="大厅主任",
                    role=Role.MANAGER,
                    password_hash=pw["manager"],
                    is_demo=True,
                ),
                m.Staff(
                    username="clerk01",
                    full_name="王小明",
                    role=Role.CLERK,
                    password_hash=pw["clerk"],
                    window_number=1,
                    is_demo=True,
                ),
            ]
        )
        s.flush()
        from app.center.changelog import publish_reference

        for obj in [dept, a, b, item, *s.scalars(select(m.Window)).all(), *s.scalars(select(m.Staff)).all()]:
            publish_reference(s, obj)
        return {"item_id": str(item.id), "category_a": str(a.id)}
