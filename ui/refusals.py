"""Refused records in words, for the counter's list and the manager's console: the kind of record, why it
was refused, and the table both show them in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from app.views import refused as rv
from app.views.refused import RefusedRow, Why
from ui.tables import read_only_table


def kind_words(kind: str) -> str:
    words = {
        "ticket.offline": QCoreApplication.translate("Refusals", "Ticket issued offline"),
        "applicant.create": QCoreApplication.translate("Refusals", "Applicant"),
        "case.create": QCoreApplication.translate("Refusals", "Case accepted"),
        "case.transition": QCoreApplication.translate("Refusals", "Step of a case"),
        "rating.create": QCoreApplication.translate("Refusals", "Rating"),
        "audit.append": QCoreApplication.translate("Refusals", "Audit record"),
        "feedback.create": QCoreApplication.translate("Refusals", "Complaint or suggestion"),
        "terminal.health": QCoreApplication.translate("Refusals", "Device report"),
    }
    return words.get(kind, kind)


def why_words(why: Why) -> str:
    if why.code == rv.TOO_LONG:
        text = QCoreApplication.translate("Refusals", "A value is too long (at most %1 characters)")
        text = text.replace("%1", why.limit or "?")
        return f"{text}: {why.field}" if why.field else text
    words = {
        rv.UNKNOWN: QCoreApplication.translate("Refusals", "It names something the center does not know"),
        rv.TAKEN: QCoreApplication.translate("Refusals", "The center already has another record with this number"),
        rv.AUDIT: QCoreApplication.translate("Refusals", "It does not fit this counter's audit records at the center"),
        rv.NOT_ALLOWED: QCoreApplication.translate("Refusals", "The record's state at the center does not allow it"),
        rv.DAMAGED: QCoreApplication.translate("Refusals", "Damaged on this terminal: it was never sent"),
    }
    return words.get(why.code, QCoreApplication.translate("Refusals", "The center could not apply it"))


def refused_table(*, with_terminal: bool) -> QTableWidget:
    headers = [
        QCoreApplication.translate("Refusals", "Record"),
        QCoreApplication.translate("Refusals", "Which"),
        QCoreApplication.translate("Refusals", "When"),
        QCoreApplication.translate("Refusals", "Why"),
        QCoreApplication.translate("Refusals", "The center's words"),
    ]
    if with_terminal:
        headers.insert(0, QCoreApplication.translate("Refusals", "Terminal"))
    return read_only_table(headers)


def fill_refused(table: QTableWidget, rows: list[RefusedRow], *, with_terminal: bool) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        cells = [kind_words(row.kind), row.subject, row.when, why_words(row.why), row.reason]
        if with_terminal:
            cells.insert(0, row.terminal)
        for c, value in enumerate(cells):
            item = QTableWidgetItem(value)
            item.setToolTip(row.reason)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
