"""The terminal's push/pull loop: push the outbox in batches, pull the change log after the stored cursor,
back off while the center is down, and keep a status the UI can show (online / offline since / pending)."""

from __future__ import annotations

import logging
import threading
import uuid
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import text, update

from app.domain.clock import utcnow
from app.errors import CenterUnavailable, DiskFull, HallError
from app.protocol.api import PushOut
from app.store import models as m
from app.store.crypto import FieldCipher
from app.sync import outbox
from app.sync.cache import TerminalCache
from app.sync.client import CenterClient, CenterRefused
from app.sync.materialize import apply_change
from app.sync.numbering import resume_numbering

log = logging.getLogger("hall.sync")
CURSOR = "pull_cursor"
LEGACY_MAX_OPS = 500  # what a center before the bulk push took per request
MAX_PUSH_BYTES = 4 * 1024 * 1024  # of payload per push: well inside the center's request limit (8 MB)
STATUS = "sync_status"


@dataclass
class SyncStatus:
    online: bool = False
    offline_since: str | None = None
    last_sync_at: str | None = None
    last_error: str | None = None
    pending_ops: int = 0
    rejected_ops: int = 0  # rejected by the center or damaged here: never applied, kept for a manager
    cursor: int = 0
    center_seq: int = 0
    rejected: tuple[str, ...] = ()  # the latest of them, "kind: reason"

    def describe(self) -> str:
        if self.online:
            head = "online"
        elif self.offline_since:
            head = f"offline since {self.offline_since}"
        else:
            head = "never synced"
        return (
            f"{head}; pending ops: {self.pending_ops}; rejected ops: {self.rejected_ops}; "
            f"pulled up to change {self.cursor} of {self.center_seq}"
            + (f"; last error: {self.last_error}" if self.last_error and not self.online else "")
            + "".join(f"\n  rejected {line}" for line in self.rejected)
        )


@dataclass
class PushReport:
    applied: int = 0
    duplicate: int = 0
    rejected: int = 0
    retry: int = 0
    damaged: int = 0
    pruned: int = 0


class SyncEngine:
    def __init__(
        self,
        cache: TerminalCache,
        client: CenterClient,
        cipher: FieldCipher | None,
        *,
        batch: int = 500,
        prune_days: float = 7.0,
    ) -> None:
        self.cache, self.client, self.cipher, self.batch = cache, client, cipher, batch
        self.prune_days = prune_days
        self._lock = threading.Lock()  # one sync at a time per terminal

    # ------------------------------------------------------------------ push
    def push_once(self) -> PushReport:
        """Push every pending op. Passes over the outbox in op-id order, batch after batch; while a batch
        is at the center the next one is read and the answer before it written down here, so the
        terminal's work overlaps the center's. A pass that left ops waiting for others (`retry`) after
        some progress is followed by another; one that made no progress ends the round."""
        report = PushReport()
        resume_numbering(self.cache, self.client)
        while True:
            try:
                again = self._push_pass(report)
            except CenterRefused as exc:  # an older center takes fewer ops per push
                if exc.status != 422 or self.batch <= LEGACY_MAX_OPS:
                    raise
                log.warning(
                    "the center refused %d ops in one push: pushing %d at a time", self.batch, LEGACY_MAX_OPS
                )
                self.batch = LEGACY_MAX_OPS
                continue
            if not again:
                break
        if report.applied or report.duplicate:
            with self.cache.db.write_session() as s:
                report.pruned = outbox.prune(s, self.prune_days)
        return report

    def _read(
        self, after: str | None, report: PushReport
    ) -> tuple[list[outbox.ReadyOp], str | None, bool]:
        """The next batch of good ops after `after`, where the one after it starts, and whether more may
        follow; damaged rows on the way are set aside."""
        while True:
            with self.cache.db.read_session() as s:
                ops, damaged, more = outbox.ready(
                    s, self.batch, self.cipher, after=after, max_bytes=MAX_PUSH_BYTES
                )
            if damaged:
                with self.cache.db.write_session() as s:
                    outbox.set_aside(s, damaged)
                for raw_id, reason in damaged.items():
                    log.error("outbox op %s set aside: %s", raw_id, reason)
                report.damaged += len(damaged)
            keys = [op.stored_id for op in ops] + list(damaged)
            if not keys:
                return [], after, False
            after = max(keys)
            if ops or not more:
                return ops, after, more

    def _push_pass(self, report: PushReport) -> bool:
        """One pass over the pending ops; returns whether another pass is worth it (ops left to retry
        after progress)."""
        ops, after, more = self._read(None, report)
        if not ops:
            return False
        progressed = retried = False
        if not more:  # all there is: no read-ahead, no helper thread (the usual small push)
            answer = self.client.push([op.wire() for op in ops])
            progressed, retried = self._note(ops, answer, report)
            return progressed and retried
        client = self.client
        with ThreadPoolExecutor(1, thread_name_prefix="hall-push") as net:  # the network only: not the cache
            wire = [op.wire() for op in ops]
            pending: Future[Any] | None = net.submit(client.send_push, client.push_body(wire))
            while pending is not None:
                # while the center applies this batch: read and encode the next one
                nxt, after, _ = self._read(after, report)
                nxt_wire = [op.wire() for op in nxt]
                body = client.push_body(nxt_wire) if nxt else None
                raw = pending.result()
                pending = net.submit(client.send_push, body) if body is not None else None
                # while the center applies the next one: check this answer and write it down
                moved, waiting = self._note(ops, client.push_answer(wire, raw), report)
                progressed, retried = progressed or moved, retried or waiting
                ops, wire = nxt, nxt_wire
        return progressed and retried

    def _note(self, ops: list[outbox.ReadyOp], answer: PushOut, report: PushReport) -> tuple[bool, bool]:
        """Write down the center's answer to a batch; returns (any op settled, any op to retry)."""
        results = {r.op_id: r for r in answer.results}
        done: list[uuid.UUID] = []
        with self.cache.db.write_session() as s:
            for op in ops:
                r = results.get(op.op_id)
                if r is None:
                    continue
                setattr(report, r.status, getattr(report, r.status) + 1)
                if r.status in ("applied", "duplicate"):
                    done.append(op.op_id)
                elif r.status == "rejected":
                    s.execute(
                        update(m.OutboxOp)
                        .where(m.OutboxOp.op_id == op.op_id)
                        .values(status="rejected", last_error=r.reason)
                    )
                    log.warning("the center rejected %s %s: %s", op.kind, op.op_id, r.reason)
                else:
                    s.execute(
                        update(m.OutboxOp)
                        .where(m.OutboxOp.op_id == op.op_id)
                        .values(attempts=m.OutboxOp.attempts + 1, last_error=r.reason)
                    )
            outbox.mark_applied(s, done)
        statuses = {r.status for r in answer.results}
        return bool(statuses - {"retry"}), "retry" in statuses

    # ------------------------------------------------------------------ pull
    def pull_once(self, limit: int = 1000) -> int:
        """Pull until caught up; changes and the cursor commit together. Returns the number of changes."""
        total = 0
        while True:
            cursor = int(self.cache.get_state(CURSOR, 0))
            answer = self.client.pull(cursor, limit)
            with self.cache.db.write_session() as s:
                s.execute(text("PRAGMA defer_foreign_keys = ON"))  # a batch may name rows later in the batch
                for ch in answer.changes:
                    if apply_change(s, ch.entity, ch.entity_id, ch.op, ch.data):
                        continue
                    key = (ch.entity, ch.entity_id)
                    row = s.get(m.ReplicaRow, key)
                    if ch.op == "delete":
                        if row is not None:
                            s.delete(row)
                    elif row is None:
                        s.add(
                            m.ReplicaRow(entity=ch.entity, entity_id=ch.entity_id, seq=ch.seq, data=ch.data)
                        )
                    elif row.seq < ch.seq:
                        row.seq, row.data = ch.seq, ch.data
                self.cache.set_state(CURSOR, answer.cursor, session=s)
                self.cache.set_state("center_seq", answer.last_seq, session=s)
            total += len(answer.changes)
            if not answer.has_more:
                return total

    # ------------------------------------------------------------------ both, with status
    def sync_once(self) -> SyncStatus:
        with self._lock:
            try:
                self.push_once()
                self.pull_once()
            except CenterUnavailable as exc:
                return self._record(online=False, error=str(exc))
            except HallError as exc:
                return self._record(online=False, error=str(exc))
            return self._record(online=True, error=None)

    def _record(self, *, online: bool, error: str | None) -> SyncStatus:
        now = utcnow().isoformat()
        prev = self.status()
        st = SyncStatus(
            online=online,
            offline_since=None if online else (prev.offline_since or now),
            last_sync_at=now if online else prev.last_sync_at,
            last_error=error,
        )
        state = asdict(st)
        state.pop("rejected", None)
        try:
            self.cache.set_state(STATUS, state)
        except DiskFull as exc:  # the status cannot be kept; say so, keep what is there
            log.error("%s", exc)
            st.last_error = str(exc)
            return st
        return self.status()

    def status(self) -> SyncStatus:
        return read_status(self.cache)


def read_status(cache: TerminalCache) -> SyncStatus:
    raw: dict[str, Any] = cache.get_state(STATUS) or {}
    st = SyncStatus(
        **{k: v for k, v in raw.items() if k in SyncStatus.__dataclass_fields__ and k != "rejected"}
    )
    with cache.db.read_session() as s:
        counts = outbox.counts(s)
        st.rejected = tuple(f"{kind}: {reason}" for kind, reason in outbox.rejected(s, 5))
    st.pending_ops = counts.get("pending", 0)
    st.rejected_ops = counts.get("rejected", 0) + counts.get("damaged", 0)
    st.cursor = int(cache.get_state(CURSOR, 0))
    st.center_seq = int(cache.get_state("center_seq", 0))
    return st
