"""Messages to citizens' phones (issue 18): one notifier with pluggable channels.

The rest of the product calls, inside its own database transaction,

    from app import notify
    notify.enqueue(session, event="turn_soon", phone=phone, params={...}, key=f"turn_soon:{ticket.id}")

which writes the message to the center's outbox (`notify_messages`, phone sealed) and returns False when
a message with that key exists already. The sender worker (app.notify.worker, started by the center's
lifespan) delivers it through the channel of `notify.channel` (file, aliyun, tencent) with retries and
back-off. `allow_sms_code(session, phone=…, ip=…)` is the rate limit of SMS verification codes.
Qt-free; no FastAPI."""

from app.notify.channels import FileChannel, Outgoing, Refused, Retry, Sent, read_file_channel
from app.notify.limits import Allowance, allow, allow_sms_code
from app.notify.outbox import bind_cipher, enqueue
from app.notify.templates import EVENTS, TEMPLATES, UnknownEvent

__all__ = [
    "EVENTS",
    "TEMPLATES",
    "Allowance",
    "FileChannel",
    "Outgoing",
    "Refused",
    "Retry",
    "Sent",
    "UnknownEvent",
    "allow",
    "allow_sms_code",
    "bind_cipher",
    "enqueue",
    "read_file_channel",
]
