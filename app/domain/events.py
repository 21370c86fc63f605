"""The one list of event names on the center's event stream. The center publishes only these (the bus
refuses any other name) and every subscriber (queue screen, console, counter, kiosk) matches on them, so
a name can never drift between publisher and listener again. Qt-free and FastAPI-free: terminals import it."""

from __future__ import annotations

from enum import StrEnum


class Event(StrEnum):
    SNAPSHOT = "snapshot"  # the full state, first on every connection and after a resync
    RESYNC = "resync"  # internal: the subscriber should fetch a fresh snapshot
    TICKET_ISSUED = "ticket.issued"
    TICKET_CALLED = "ticket.called"
    TICKET_RECALLED = "ticket.recalled"
    TICKET_NO_SHOW = "ticket.no_show"
    TICKET_REQUEUED = "ticket.requeued"  # a no-show came back
    TICKET_STARTED = "ticket.started"
    TICKET_FINISHED = "ticket.finished"
    TICKET_TRANSFERRED = "ticket.transferred"
    TICKET_CANCELLED = "ticket.cancelled"  # an online ticket replaced by the kiosk's offline one
    WINDOW_STATUS = "window.status"
    CATEGORIES_OPENING = "categories.opening"  # which categories take no ticket now (as the clock passes)
    NOTICE = "notice"
    CASE_STATUS = "case.status"
    TERMINAL_HEALTH = "terminal.health"
    SYNC_CONFLICT = "sync.conflict"
    SYNC_CONFLICT_RESOLVED = "sync.conflict_resolved"  # a manager closed a refused op
    FEEDBACK_CREATED = "feedback.created"
    RATING_CREATED = "rating.created"
    RECTIFICATION_UPDATED = "rectification.updated"
    ACCESS_CHANGED = "access.changed"  # internal between center processes: drop a cached principal
