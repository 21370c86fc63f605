"""What a hall's operations team watches: readiness (the database answers, the schema is current) and
Prometheus metrics (`GET /api/v1/metrics`, text format).

The hall's figures (tickets issued and waiting per category, calls, push ops applied and rejected,
terminals online) are read from the database at scrape time, so every center process sharing one
PostgreSQL reports the same truth. Request latency (call-next among it) is measured by this process:
with several processes, scrape each one (or sum them in Prometheus)."""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Iterator
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select, text
from starlette.types import ASGIApp, Receive, Scope, Send

from app.center.context import CenterContext
from app.center.deps import ctx
from app.domain.clock import local_today, utcnow
from app.domain.states import TicketStatus
from app.store import migrate
from app.store import models as m
from app.store.db import Database

router = APIRouter(prefix="/api/v1", tags=["operations"])

# a terminal counts as online when it was heard from within this many seconds (health reports every 30 s)
ONLINE_WITHIN_S = 120
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0)


class HallCollector(Collector):
    """The hall's figures, read from the database on each scrape."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def collect(self) -> Iterator[Any]:
        today = local_today()
        issued = GaugeMetricFamily(
            "hall_tickets_issued_today", "Tickets issued today, by category", labels=["category"]
        )
        waiting = GaugeMetricFamily("hall_tickets_waiting", "Tickets waiting now, by category", labels=["category"])
        called = GaugeMetricFamily(
            "hall_tickets_called_today", "Tickets called to a window today, by category", labels=["category"]
        )
        ops = CounterMetricFamily(
            "hall_push_ops", "Operations pushed by terminals, by outcome", labels=["status"]
        )
        online = GaugeMetricFamily(
            "hall_terminals_online", f"Terminals heard from within {ONLINE_WITHIN_S} s, by kind", labels=["kind"]
        )
        with self.db.read_session() as s:
            label = m.Category.prefix + " " + m.Category.name
            for name, n_issued, n_waiting, n_called in s.execute(
                select(
                    label,
                    func.count(m.Ticket.id),
                    func.count(m.Ticket.id).filter(m.Ticket.status == TicketStatus.WAITING),
                    func.count(m.Ticket.called_at),
                )
                .join(m.Ticket, m.Ticket.category_id == m.Category.id)
                .where(m.Ticket.service_day == today)
                .group_by(label)
            ):
                issued.add_metric([name], n_issued)
                waiting.add_metric([name], n_waiting)
                called.add_metric([name], n_called)
            for status, n in s.execute(
                select(m.ProcessedOp.status, func.count()).group_by(m.ProcessedOp.status)
            ):
                ops.add_metric([status], n)
            since = utcnow() - dt.timedelta(seconds=ONLINE_WITHIN_S)
            for kind, n in s.execute(
                select(m.Terminal.kind, func.count())
                .where(m.Terminal.status == "approved", m.Terminal.last_seen_at >= since)
                .group_by(m.Terminal.kind)
            ):
                online.add_metric([str(kind.value if hasattr(kind, "value") else kind)], n)
        yield from (issued, waiting, called, ops, online)


class Metrics:
    """One registry per center app: the database collector and this process's request latencies."""

    def __init__(self, db: Database) -> None:
        self.registry = CollectorRegistry()
        self.registry.register(HallCollector(db))
        self.latency = Histogram(
            "hall_http_request_seconds",
            "Time to answer a request in this process, by route (call-next is POST …/call-next)",
            ["method", "route"],
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )

    def middleware(self, app: ASGIApp) -> ASGIApp:
        """A plain ASGI middleware timing every HTTP request by its route (not Starlette's
        `BaseHTTPMiddleware`, which costs a task group and a stream per request)."""

        async def timed(scope: Scope, receive: Receive, send: Send) -> None:
            if scope["type"] != "http":
                await app(scope, receive, send)
                return
            start = time.perf_counter()
            try:
                await app(scope, receive, send)
            finally:
                path = getattr(scope.get("route"), "path", None)
                if path is not None:  # unknown paths are not labelled (no unbounded label values)
                    self.latency.labels(scope["method"], path).observe(time.perf_counter() - start)

        return timed


class _Timed:
    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = metrics.middleware(app)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)


def install(app: FastAPI, db: Database) -> None:
    metrics = Metrics(db)
    app.state.metrics = metrics
    app.add_middleware(_Timed, metrics=metrics)
    app.include_router(router)


@functools.cache
def _head() -> str | None:
    return migrate.head_revision()


@router.get("/ready", responses={503: {"description": "the database does not answer or is not migrated"}})
def ready(c: CenterContext = Depends(ctx)) -> Response:
    """Readiness for a load balancer: the database answers and its schema is the newest this center knows."""
    try:
        with c.db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current = migrate.current_revision(c.db.engine)
    except Exception as exc:  # any database failure means "not ready"; say which
        return JSONResponse({"ready": False, "reason": f"database: {type(exc).__name__}"}, status_code=503)
    head = _head()
    if current != head:
        return JSONResponse(
            {"ready": False, "reason": f"schema at {current}, this center needs {head}"}, status_code=503
        )
    return JSONResponse({"ready": True, "database": c.db.dialect, "schema": current})


@router.get("/metrics", response_class=Response, responses={200: {"content": {CONTENT_TYPE_LATEST: {}}}})
def metrics(request: Request) -> Response:
    """Prometheus metrics (text exposition format). No personal data; no auth, like /health: expose it on
    the internal network only."""
    registry: CollectorRegistry = request.app.state.metrics.registry
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
