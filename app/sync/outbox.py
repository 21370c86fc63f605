"""The transactional outbox: a domain write and the operation that replicates it commit together.

Personal fields (ID number, phone, address) never sit in the outbox in clear: they are sealed with the
terminal's data key and unsealed only in memory, at push time. Once the center has the op, its payload
is emptied, so nothing personal lingers on the terminal."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import models as m
from app.store.crypto import FieldCipher

SEALED = "_sealed"


def enqueue(
    session: Session,
    kind: str,
    payload: dict[str, Any],
    *,
    cipher: FieldCipher | None = None,
    sealed: Iterable[str] = (),
) -> uuid.UUID:
    body = dict(payload)
    to_seal = [k for k in sealed if body.get(k) is not None]
    if to_seal:
        if cipher is None:
            raise ValueError("sealing personal fields needs the terminal's cipher")
        body[SEALED] = {k: (cipher.encrypt(str(body.pop(k))) or b"").decode() for k in to_seal}
    op = m.OutboxOp(kind=kind, payload=body)
    session.add(op)
    session.flush()
    return op.op_id


def unseal(payload: dict[str, Any], cipher: FieldCipher | None) -> dict[str, Any]:
    body = dict(payload)
    sealed = body.pop(SEALED, None)
    if sealed:
        if cipher is None:
            raise ValueError("unsealing personal fields needs the terminal's cipher")
        for key, token in sealed.items():
            body[key] = cipher.decrypt(token.encode())
    return body


def pending(session: Session, limit: int) -> list[m.OutboxOp]:
    return list(
        session.scalars(
            select(m.OutboxOp).where(m.OutboxOp.status == "pending").order_by(m.OutboxOp.op_id).limit(limit)
        )
    )


def counts(session: Session) -> dict[str, int]:
    rows = session.execute(select(m.OutboxOp.status, func.count()).group_by(m.OutboxOp.status)).all()
    return {status: int(n) for status, n in rows}
