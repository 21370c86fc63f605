"""Channels deliver one message each: `send(message) -> Result`. A result is `Sent` (with the provider's
reference), `Retry` (the provider is down, busy or answered 5xx: nothing is lost, the worker tries again
with back-off) or `Refused` (a permanent refusal — a bad number, an unapproved template, the phone on the
provider's blacklist: recorded as failed with the reason, never retried). A channel that raises counts as
`Retry`. The SMS channels of the providers' SDKs live in app.notify.aliyun and app.notify.tencent."""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from app.domain.clock import local_now
from app.notify.templates import template

log = logging.getLogger("hall.notify")


@dataclass(frozen=True)
class Outgoing:
    """What a channel gets: the phone in clear (only here, in memory), the event, its params, the text."""

    id: str
    key: str
    event: str
    phone: str
    phone_masked: str
    params: dict[str, str]
    language: str
    attempt: int  # 1 for the first try

    @property
    def text(self) -> str:
        return template(self.event).render(self.params, self.language)


@dataclass(frozen=True)
class Sent:
    ref: str | None = None


@dataclass(frozen=True)
class Retry:
    reason: str


@dataclass(frozen=True)
class Refused:
    reason: str


Result = Sent | Retry | Refused


class Channel(Protocol):
    name: str

    def send(self, message: Outgoing) -> Result: ...


@dataclass
class FileChannel:
    """The demo's and the tests' SMS: each message is one JSON line appended to `<dir>/sms-YYYY-MM-DD.jsonl`
    (the hall's local day), with the phone in full as a real SMS would carry it — the directory is the
    center's own, like its database."""

    directory: Path
    name: str = "file"
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def send(self, message: Outgoing) -> Result:
        now = local_now()
        line = json.dumps(
            {
                "at": now.isoformat(timespec="seconds"),
                "id": message.id,
                "key": message.key,
                "event": message.event,
                "phone": message.phone,
                "language": message.language,
                "params": message.params,
                "text": message.text,
            },
            ensure_ascii=False,
        )
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            path = self.directory / f"sms-{now:%Y-%m-%d}.jsonl"
            with self._lock, open(path, "a", encoding="utf-8") as fh:
                fh.write(line + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:  # a full or unplugged disk: try again later
            return Retry(f"cannot write {self.directory}: {exc}")
        return Sent(f"file:{message.id}")


@dataclass
class NullChannel:
    """No channel configured: nothing is sent and the messages wait (the manager sees them waiting)."""

    name: str = "none"

    def send(self, message: Outgoing) -> Result:
        return Retry("no SMS channel is configured (notify.channel in hall.toml)")


def read_file_channel(directory: Path) -> list[dict[str, object]]:
    """Every message the file channel wrote in `directory`, oldest first (for the demo and tests)."""
    out: list[dict[str, object]] = []
    for path in sorted(directory.glob("sms-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line))
    return out
