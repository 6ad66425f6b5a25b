"""Sync: what exists so far — the archive file, its identity and what it holds, and the calendar
export. Exchange packages for headquarters are not in this version, and the page says so
rather than offering buttons that would do nothing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import _
from kamdesk.services.reports import COUNTED_TABLES, ArchiveSummary, archive_summary
from kamdesk.ui.agenda_view import Today
from kamdesk.ui.calendar_page import CalendarExport
from kamdesk.ui.context import Context
from kamdesk.ui.fmt import moment
from kamdesk.ui.page import Page


def table_title(table: str) -> str:
    """The name of a kind of record, as the counts list shows it."""
    titles = {
        "accounts": _("Accounts"),
        "contacts": _("Contacts"),
        "anniversaries": _("Anniversaries"),
        "visits": _("Visits"),
        "customer_issues": _("Issues"),
        "preferences": _("Preferences"),
        "greetings": _("Greetings"),
        "account_years": _("Yearly figures"),
        "point_entries": _("Points entries"),
    }
    return titles.get(table, table)


def size_text(size: int) -> str:
    """A file size as the locale writes it (12.3 MB)."""
    return QLocale().formattedDataSize(size)


class SyncPage(Page):
    def __init__(
        self, ctx: Context, parent: QWidget | None = None, today: Today | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.summary: ArchiveSummary | None = None
        self.path = QLabel()
        self.path.setObjectName("archive-path")
        self.file_size = QLabel()
        self.installation = QLabel()
        self.schema = QLabel()
        self.last_change = QLabel()
        for label in (self.path, self.file_size, self.installation, self.schema, self.last_change):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        facts = QGroupBox(_("This archive"))
        form = QFormLayout(facts)
        form.addRow(_("File"), self.path)
        form.addRow(_("Size"), self.file_size)
        form.addRow(_("Installation id"), self.installation)
        form.addRow(_("Schema version"), self.schema)
        form.addRow(_("Last change"), self.last_change)

        self.counts = QTableWidget(len(COUNTED_TABLES), 3)
        self.counts.setObjectName("record-counts")
        self.counts.setHorizontalHeaderLabels(
            [_("Records"), _("In use"), _("Deleted (restorable)")]
        )
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counts.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.counts.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        held = QGroupBox(_("What it holds"))
        QVBoxLayout(held).addWidget(self.counts)

        calendar = QGroupBox(_("Calendar file"))
        self.export_box = CalendarExport(ctx, today=today or date.today)
        QVBoxLayout(calendar).addWidget(self.export_box)

        self.exchange = QLabel(
            _(
                "Exchange packages for headquarters (sending your archive's changes and "
                "receiving theirs) are not available in this version: nothing is sent or "
                "received from here."
            )
        )
        self.exchange.setObjectName("exchange-note")
        self.exchange.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(facts)
        layout.addWidget(held)
        layout.addWidget(calendar)
        layout.addWidget(self.exchange)
        layout.addStretch(1)
        self.refresh()

    def title(self) -> str:
        return _("Sync")

    def refresh(self) -> None:
        """Read the file's facts and counts again (quick: counts and one meta row)."""
        summary = archive_summary(self.ctx.wb.archive)
        self.summary = summary
        self.path.setText(str(summary.path))
        self.file_size.setText(size_text(summary.size_bytes))
        self.installation.setText(summary.installation_id)
        self.schema.setText(summary.schema)
        self.last_change.setText(
            _("{t} (UTC)").format(t=moment(summary.last_change))
            if summary.last_change
            else _("no changes yet")
        )
        for row, table in enumerate(COUNTED_TABLES):
            cells = (
                table_title(table),
                QLocale().toString(summary.live[table]),
                QLocale().toString(summary.deleted[table]),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.counts.setItem(row, column, cell)
