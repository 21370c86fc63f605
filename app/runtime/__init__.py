"""The terminal runtime (Qt-free), used by the kiosk, the counter and the screen: one serialized executor
for everything that touches the cache or the terminal's state, a small pool for pure network reads, the
sync loop woken by every local commit made through the executor, and the terminal's state published as
immutable snapshots. `ui/runtime_bridge.py` turns the snapshots into Qt signals."""

from app.runtime.executor import SerialExecutor
from app.runtime.runtime import TerminalRuntime
from app.runtime.state import DeviceHealth, StateStore, TerminalState, TicketRef
from app.runtime.sync_loop import SyncLoop

__all__ = [
    "DeviceHealth",
    "SerialExecutor",
    "StateStore",
    "SyncLoop",
    "TerminalRuntime",
    "TerminalState",
    "TicketRef",
]
