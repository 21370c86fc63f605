"""The center's ASGI application: `create_app(db, settings)`."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, WebSocket, WebSocketDisconnect
from pydantic import BaseModel, Field

from app import __version__
from app.center import (
    routes_access,
    routes_admin,
    routes_agency,
    routes_auth,
    routes_booking,
    routes_calendar,
    routes_cases,
    routes_manager,
    routes_notify,
    routes_ops,
    routes_public,
    routes_queue,
    routes_sync,
    routes_visits,
)
from app.center.access import ACCESS_EVENT
from app.center.api_errors import ApiError, install_error_handlers
from app.center.booking_watch import BookingWatch
from app.center.changelog import publish_reference
from app.center.context import CenterContext, demo_accounts_exist, ensure_id_salt, load_token_secret
from app.center.deferral_watch import DeferralWatch
from app.center.deps import check_current, ctx, principal_from_token, require
from app.center.events import EventBus, OutEvent
from app.center.limits import RequestLimits
from app.center.openapi_truth import declare_errors_lazily
from app.center.opening_watch import OpeningWatch
from app.center.security import Principal
from app.center.snapshot import build_snapshot
from app.config import Settings
from app.domain.events import Event
from app.notify.outbox import bind_cipher
from app.notify.worker import SenderWorker
from app.store import models as m
from app.store.crypto import FieldCipher, key_from_file
from app.store.db import Database

log = logging.getLogger("hall.center")
meta = APIRouter(prefix="/api/v1", tags=["center"])


@meta.get("/health")
def health(c: CenterContext = Depends(ctx)) -> dict[str, Any]:
    """Liveness and what this center is: no auth, no personal data."""
    return {
        "status": "ok",
        "version": __version__,
        "database": c.db.dialect,
        "demo": demo_accounts_exist(c.db),
        "hall": c.settings.hall_name,
        "subscribers": c.bus.subscriber_count,
    }


@meta.get("/snapshot")
def snapshot(
    _: Principal = Depends(require("kiosk", "screen", "counter", "clerk", "manager")),
    c: CenterContext = Depends(ctx),
) -> dict[str, Any]:
    with c.db.read_session() as s:
        return build_snapshot(s)


class NoticeIn(BaseModel):
    text: str = Field(min_length=1, max_length=500)
    audience: str = Field("all", pattern="^(all|screens|kiosks)$")
    minutes: int | None = Field(None, ge=1, le=7 * 24 * 60)


@meta.post("/notices", status_code=201, tags=["manager"])
def broadcast_notice(
    body: NoticeIn, who: Principal = Depends(require("manager")), c: CenterContext = Depends(ctx)
) -> dict[str, Any]:
    """A manager broadcasts a notice to the screens and kiosks (shown at once, replicated for offline)."""
    import datetime as dt
    import uuid

    from app.domain.clock import utcnow

    with c.db.write_session() as s:
        now = utcnow()
        notice = m.Notice(
            text=body.text,
            audience=body.audience,
            starts_at=now,
            ends_at=now + dt.timedelta(minutes=body.minutes) if body.minutes else None,
            created_by=uuid.UUID(who.staff_id) if who.staff_id else None,
        )
        s.add(notice)
        s.flush()
        publish_reference(s, notice)
        data = {"id": str(notice.id), "text": notice.text, "audience": notice.audience}
        c.bus.publish(s, Event.NOTICE, data)
    return data


def create_app(db: Database, settings: Settings, *, cipher: FieldCipher | None = None) -> FastAPI:
    if cipher is None:
        cipher = FieldCipher(key_from_file(Path(settings.resolved_data_dir()) / "center-data.key"))
    bus = EventBus(db)
    ensure_id_salt(db)
    bind_cipher(db.engine, cipher)  # messages to phones (issue 18) are sealed with the same cipher
    context = CenterContext(
        db=db, settings=settings, token_secret=load_token_secret(db), bus=bus, cipher=cipher
    )
    if db.dialect == "postgresql":  # several center processes may share this database: one rate limit
        from app.center.login_limit import SharedLoginRateLimiter

        context.limiter = SharedLoginRateLimiter(db)  # type: ignore[assignment]

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await bus.start()
        if demo_accounts_exist(db):
            log.warning("DEMO ACCOUNTS EXIST (admin/admin, clerkNN/clerk …): never run a real hall like this")
        watch = OpeningWatch(db, bus, interval=settings.queue.opening_recheck_seconds)
        app.state.opening_watch = watch
        watch.start()
        deferrals = DeferralWatch(db, bus, settings.cases)
        app.state.deferral_watch = deferrals
        deferrals.start()
        appointments = BookingWatch(db, settings, cipher)
        app.state.booking_watch = appointments
        appointments.start()
        channel = _channel(settings)
        sender = SenderWorker(db, cipher, settings.notify, channel) if channel is not None else None
        app.state.notify_sender = sender
        if sender is not None:
            sender.start()
        # what starting made (the app, its routes and models, SQLAlchemy's metadata) lives as long as the
        # process: out of the collector's generations, a full collection in a push batch walks only what
        # requests make (about 0.2 s less per collection)
        gc.freeze()
        yield
        await appointments.stop()
        if sender is not None:
            await sender.stop()
        await deferrals.stop()
        await watch.stop()
        await bus.stop()

    app = FastAPI(
        title="Hall center",
        version=__version__,
        lifespan=lifespan,
        description="Center server of the one-stop government service hall.",
    )
    app.state.ctx = context
    install_error_handlers(app)
    app.add_middleware(RequestLimits, max_bytes=context.max_body_bytes)
    # the queue's routes first: a request is matched against the routes in order, and the queue's are
    # the ones a hall calls hundreds of times a minute (no queue path is also another router's)
    app.include_router(routes_queue.router)
    app.include_router(meta)
    app.include_router(routes_auth.router)
    app.include_router(routes_admin.router)  # issue 16: administration
    app.include_router(routes_access.router)
    app.include_router(routes_sync.router)
    app.include_router(routes_calendar.router)
    app.include_router(routes_manager.router)
    app.include_router(routes_notify.router)  # issue 18: the outbox of messages to citizens' phones
    app.include_router(routes_visits.router)
    app.include_router(routes_booking.router)  # issue 18: slot plans and public booking
    app.include_router(routes_cases.router)  # issue 17: cases at the center
    app.include_router(routes_public.router)  # issue 18: the citizens' phone pages (token-only reads)
    app.include_router(routes_agency.router)  # issue 21: 帮办代办 of investment projects
    routes_ops.install(app, db)
    _install_event_stream(app, context)
    routes_public.install_public_stream(app, context)
    declare_errors_lazily(app)
    return app


def _channel(settings: Settings) -> Any:
    """The SMS channel of hall.toml, or None: no channel (`notify.channel = "none"`), or one that cannot be
    built (no keys in the keyring …), which is logged; the messages then wait in the outbox until the
    center starts with a channel."""
    from app.errors import ConfigError
    from app.notify.factory import build_channel

    if settings.notify.channel == "none":
        log.info("notify.channel is none: messages to phones wait in the outbox")
        return None
    try:
        return build_channel(settings)
    except ConfigError as exc:
        log.error("messages to phones wait in the outbox: %s", exc)
        return None


def _install_event_stream(app: FastAPI, c: CenterContext) -> None:
    @app.websocket("/api/v1/events")
    async def events(ws: WebSocket) -> None:
        """Queue events: first `{"type": "snapshot"}` with the full state, then every event as it commits.
        Authenticate with `?token=` (browsers cannot set headers on WebSockets) or a bearer header."""
        token = (
            ws.query_params.get("token")
            or ws.headers.get("authorization", "").removeprefix("Bearer ").strip()
        )
        try:
            principal = await asyncio.to_thread(check_current, principal_from_token(token, c), c)
        except ApiError as exc:
            await ws.close(code=4401 if exc.status == 401 else 4403, reason=exc.message)
            return
        await ws.accept()
        q = c.bus.subscribe()
        closed = asyncio.create_task(_until_closed(ws, q))
        try:
            snap = await asyncio.to_thread(_snapshot, c)
            await ws.send_json({"type": Event.SNAPSHOT, "data": snap})
            while True:
                # wait for the next event (no task per event: the close watcher puts CLOSED in the queue),
                # and wake at least once per cache lifetime to see a change whose notification was lost
                ev: dict[str, Any] | None
                try:
                    async with asyncio.timeout(c.access.ttl_s):
                        ev = await q.get()
                except TimeoutError:
                    ev = None
                if ev is CLOSED or (closed.done() and ev is None):
                    return
                if ev is None or ev["type"] in (ACCESS_EVENT, Event.RESYNC):
                    refusal = await asyncio.to_thread(c.access.check, principal)
                    if refusal is not None:
                        await ws.close(code=4401 if refusal.code in ("access_revoked", "role_changed") else 4403,
                                       reason=refusal.message)
                        return
                if ev is None or ev["type"] == ACCESS_EVENT:
                    continue
                if ev["type"] == Event.RESYNC:
                    await ws.send_json({"type": Event.SNAPSHOT, "data": await asyncio.to_thread(_snapshot, c)})
                elif isinstance(ev, OutEvent):
                    await ws.send_text(ev.text)  # encoded once for every subscriber
                else:
                    await ws.send_json(ev)
        except (WebSocketDisconnect, RuntimeError):
            pass
        finally:
            closed.cancel()
            c.bus.unsubscribe(q)


CLOSED: dict[str, Any] = {"type": "closed"}  # put in a subscriber's queue when its socket goes away


async def _until_closed(ws: WebSocket, q: asyncio.Queue[dict[str, Any]]) -> None:
    """Read (and ignore) what the subscriber sends until it goes away; then wake its sender with CLOSED."""
    try:
        while True:
            msg = await ws.receive()
            if msg["type"] == "websocket.disconnect":
                return
    except (WebSocketDisconnect, RuntimeError):
        return
    finally:
        with contextlib.suppress(asyncio.QueueFull):
            q.put_nowait(CLOSED)


def _snapshot(c: CenterContext) -> dict[str, Any]:
    with c.db.read_session() as s:
        return build_snapshot(s)
