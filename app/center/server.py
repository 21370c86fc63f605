"""Running the center: migrate on start, optionally seed the demo hall, serve with uvicorn (TLS optional)."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from app.config import Settings
from app.errors import ConfigError
from app.store import migrate
from app.store.db import Database

log = logging.getLogger("hall.center")


def sample_workbook_path() -> Path:
    from app.paths import resource

    return resource("catalog", "sample-hall.xlsx")


def prepare_database(url: str, *, seed_demo: bool = False, catalog_file: Path | None = None) -> Database:
    """Open, migrate, and (on request) seed the center database."""
    db = Database(url)
    migrate.upgrade(db.engine)
    if seed_demo:
        from app.center.seed import seed_demo as do_seed
        from app.domain.catalog import load_catalog
        from app.workbook.reader import read_workbook

        # the demo hall comes from the sample workbook, through the same reader and import as a real hall's
        if catalog_file is None or catalog_file.suffix == ".xlsx":
            catalog = read_workbook(catalog_file or sample_workbook_path()).catalog
        else:
            catalog = load_catalog(catalog_file)
        with db.write_session() as s:
            do_seed(s, catalog)
    return db


WORKER_DB_ENV, WORKER_SETTINGS_ENV = "_HALL_WORKER_DB", "_HALL_WORKER_SETTINGS"


def worker_app() -> Any:
    """The app of one uvicorn worker process (`hall center --workers N`): database and settings come from
    the parent through the environment; the parent has migrated the database already."""
    from app.center.app import create_app

    settings = Settings.model_validate_json(os.environ[WORKER_SETTINGS_ENV])
    return create_app(Database(os.environ[WORKER_DB_ENV]), settings)


def serve(
    settings: Settings,
    url: str,
    *,
    host: str = "127.0.0.1",
    port: int = 8470,
    seed_demo: bool = False,
    certfile: Path | None = None,
    keyfile: Path | None = None,
    workers: int = 1,
) -> None:
    import uvicorn

    from app.center.app import create_app
    from app.store.crypto import key_from_file

    db = prepare_database(url, seed_demo=seed_demo)
    if workers > 1 and db.dialect != "postgresql":
        raise ConfigError("--workers above 1 needs PostgreSQL (events between processes use LISTEN/NOTIFY)")
    key_from_file(Path(settings.resolved_data_dir()) / "center-data.key")  # made once, before any worker
    app: Any = create_app(db, settings) if workers == 1 else "app.center.server:worker_app"
    if workers > 1:
        os.environ[WORKER_DB_ENV] = url
        os.environ[WORKER_SETTINGS_ENV] = settings.model_dump_json()
    scheme = "https" if certfile else "http"
    log.info(
        "center serving %s://%s:%s on %s",
        scheme,
        host,
        port,
        db.engine.url.render_as_string(hide_password=True),
    )
    print(f"hall center: {scheme}://{host}:{port}/api/v1  (database: {db.dialect})", flush=True)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        workers=workers if workers > 1 else None,
        factory=workers > 1,
        ssl_certfile=str(certfile) if certfile else None,
        ssl_keyfile=str(keyfile) if keyfile else None,
    )
