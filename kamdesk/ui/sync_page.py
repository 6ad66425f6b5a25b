"""Sync: the archive file and what it holds, the calendar export, and exchange by file — this
installation's key, the installations it knows, export and import of packages, the conflicts
left to decide and the history of packages sent and received. The dialogs live in
sync_dialogs.py (keys), sync_export.py and sync_import.py; the work is `SyncService`'s, as for
`kamdesk export`, `import` and `keys`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _
from kamdesk.services.reports import COUNTED_TABLES, ArchiveSummary, archive_summary
from kamdesk.storage.backups import backup_folder, scan
from kamdesk.sync.service import ConflictRow, PackageRow, PeerRow
from kamdesk.ui import errors
from kamdesk.ui.account_tables import Column, RecordModel, RecordTable
from kamdesk.ui.agenda_view import Today
from kamdesk.ui.calendar_page import CalendarExport
from kamdesk.ui.context import Context
from kamdesk.ui.fmt import moment
from kamdesk.ui.models import ID_ROLE, Index
from kamdesk.ui.page import Page
from kamdesk.ui.security import ProtectionBox
from kamdesk.ui.sync_dialogs import (
    field_title,
    kind_title,
    register_key_file,
    save_key_file,
    table_title,
    value_text,
)
from kamdesk.ui.sync_export import export_package
from kamdesk.ui.sync_import import import_package

R = TypeVar("R")

__all__ = ["SyncPage", "size_text", "table_title"]


def size_text(size: int) -> str:
    """A file size as the locale writes it (12.3 MB)."""
    return QLocale().formattedDataSize(size)


class KeyedModel(RecordModel[R]):
    """A `RecordModel` whose rows name their key in a field other than `id`."""

    def __init__(self, columns: Sequence[Column[R]], key: Callable[[R], str]) -> None:
        super().__init__(columns)
        self.key = key

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == ID_ROLE and index.isValid() and 0 <= index.row() < len(self.rows):
            return self.key(self.rows[index.row()])
        return super().data(index, role)

    def row_of(self, wanted: str) -> int:
        return next((n for n, row in enumerate(self.rows) if self.key(row) == wanted), -1)


def peer_columns() -> list[Column[PeerRow]]:
    return [
        Column(_("Name"), lambda p: p.name or "—"),
        Column(_("Installation id"), lambda p: p.installation_id),
        Column(_("Fingerprint"), lambda p: p.fingerprint, stretch=True),
        Column(_("HQ"), lambda p: "✓" if p.is_hq else "", centred=True),
    ]


def conflict_columns() -> list[Column[ConflictRow]]:
    return [
        Column(_("Record"), lambda c: f"{table_title(c.table)} · {c.record_label}", stretch=True),
        Column(_("Field"), lambda c: field_title(c.table, c.field)),
        Column(_("Kept value"), lambda c: value_text(c.field, c.kept)),
        Column(_("Other value"), lambda c: value_text(c.field, c.other)),
        Column(_("Found"), lambda c: moment(c.found_at)),
    ]


def package_summary(row: PackageRow) -> str:
    """What a package held (sent) or did (received), in words."""
    s = row.summary
    if row.direction == "in":
        return _("{new} new, {changed} changed, {deleted} deleted, {c} conflicts").format(
            new=s.get("new", 0),
            changed=s.get("changed", 0),
            deleted=s.get("deleted", 0),
            c=s.get("conflicts", 0),
        )
    return _("{n} records").format(n=sum(v for v in s.values() if isinstance(v, int)))


def package_tip(row: PackageRow) -> str:
    lines = [row.file_name, _("package {i}, number {n}").format(i=row.package_id, n=row.sequence)]
    if row.direction == "out":
        lines += [f"{table_title(t)}: {n}" for t, n in sorted(row.summary.items())]
    return "\n".join(line for line in lines if line)


def history_columns() -> list[Column[PackageRow]]:
    return [
        Column(_("Direction"), lambda p: _("Sent") if p.direction == "out" else _("Received")),
        Column(_("Kind"), lambda p: kind_title(p.kind)),
        Column(_("Installation"), lambda p: p.peer),
        Column(_("Created (UTC)"), lambda p: moment(p.created_at)),
        Column(_("Handled (UTC)"), lambda p: moment(p.handled_at)),
        Column(_("Records"), package_summary, tip=package_tip, stretch=True),
    ]


def scrolling(*parts: QWidget) -> QScrollArea:
    """`parts` one above the other in a scroll area, so a small window can still reach all."""
    inner = QWidget()
    layout = QVBoxLayout(inner)
    for part in parts:
        layout.addWidget(part)
    layout.addStretch(1)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(inner)
    return area


class SyncPage(Page):
    imported = Signal(object)  # ImportResult, after a package was merged
    exported = Signal(object)  # ExportResult, after a package was written

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, today: Today | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.summary: ArchiveSummary | None = None
        self.selected_account: Callable[[], str | None] = self._selected_in_accounts
        """The account a handover offers first: the one selected on the accounts page."""
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync-tabs")
        self.tabs.addTab(self._archive_tab(today), _("Archive"))
        self.tabs.addTab(self._exchange_tab(), _("Exchange"))
        self.tabs.addTab(self._conflicts_tab(), _("Conflicts"))
        self.tabs.addTab(self._history_tab(), _("History"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    # building -----------------------------------------------------------------------------------
    def _archive_tab(self, today: Today | None) -> QWidget:
        self.path = QLabel()
        self.path.setObjectName("archive-path")
        self.file_size = QLabel()
        self.installation = QLabel()
        self.schema = QLabel()
        self.last_change = QLabel()
        self.backups = QLabel()
        self.backups.setObjectName("backups-folder")
        for label in (
            self.path,
            self.file_size,
            self.installation,
            self.schema,
            self.last_change,
            self.backups,
        ):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        facts = QGroupBox(_("This archive"))
        form = QFormLayout(facts)
        form.addRow(_("File"), self.path)
        form.addRow(_("Size"), self.file_size)
        form.addRow(_("Installation id"), self.installation)
        form.addRow(_("Schema version"), self.schema)
        form.addRow(_("Last change"), self.last_change)
        form.addRow(_("Backups"), self.backups)

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
        self.export_box = CalendarExport(self.ctx, today=today or date.today)
        QVBoxLayout(calendar).addWidget(self.export_box)
        self.protection = ProtectionBox(self.ctx)
        self.protection.lock_requested.connect(self.ctx.notifier.lock_requested)
        return scrolling(facts, self.protection, held, calendar)

    def _exchange_tab(self) -> QWidget:
        me = QGroupBox(_("This installation"))
        self.name = QLineEdit()
        self.name.setObjectName("installation-name")
        self.name.setPlaceholderText(_("e.g. 王经理 — the name others see on your packages"))
        self.save_name = QPushButton(_("Save"))
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("my-fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_key = QPushButton(_("Save my key file…"))
        self.save_key.setToolTip(
            _(
                "Send this file to headquarters or a colleague so they can seal packages for "
                "you and check yours; read them the fingerprint by phone."
            )
        )
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.save_name)
        form = QFormLayout(me)
        form.addRow(_("Name"), name_row)
        form.addRow(_("Fingerprint"), self.fingerprint)
        form.addRow(self.save_key)

        known = QGroupBox(_("Known installations"))
        self.peers = KeyedModel(peer_columns(), lambda p: p.installation_id)
        self.peer_table = RecordTable(self.peers, "known-installations")
        self.register_button = QPushButton(_("Register a key file…"))
        column = QVBoxLayout(known)
        column.addWidget(self.peer_table)
        column.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignLeft)

        packages = QGroupBox(_("Packages"))
        self.export_button = QPushButton(_("Export…"))
        self.export_button.setObjectName("export-package")
        self.import_button = QPushButton(_("Import…"))
        self.import_button.setObjectName("import-package")
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        about = QLabel(
            _(
                "A package is a signed, encrypted file (.kamx) for headquarters, for the "
                "manager who takes over an account, or as a backup. Importing one shows "
                "what it would change before anything is written."
            )
        )
        about.setWordWrap(True)
        column = QVBoxLayout(packages)
        column.addWidget(about)
        column.addLayout(row)

        self.save_name.clicked.connect(self.rename)
        self.name.returnPressed.connect(self.rename)
        self.save_key.clicked.connect(lambda: save_key_file(self, self.ctx))
        self.register_button.clicked.connect(self.register_key)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.import_file)
        return scrolling(me, known, packages)

    def _conflicts_tab(self) -> QWidget:
        self.conflict_note = QLabel()
        self.conflict_note.setObjectName("conflict-note")
        self.conflict_note.setWordWrap(True)
        self.conflicts = RecordModel(conflict_columns())
        self.conflict_table = RecordTable(self.conflicts, "conflicts")
        self.keep_button = QPushButton(_("Keep"))
        self.keep_button.setToolTip(_("Keep the value the archive has now"))
        self.take_button = QPushButton(_("Take the other"))
        self.take_button.setToolTip(_("Put the other value back (it travels in the next package)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.take_button)
        buttons.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.conflict_note)
        layout.addWidget(self.conflict_table, 1)
        layout.addLayout(buttons)
        self.keep_button.clicked.connect(lambda: self.resolve(take_other=False))
        self.take_button.clicked.connect(lambda: self.resolve(take_other=True))
        self.conflict_table.selectionModel().selectionChanged.connect(self._conflict_selected)
        return tab

    def _history_tab(self) -> QWidget:
        self.history = KeyedModel(history_columns(), lambda p: p.package_id)
        self.history_table = RecordTable(self.history, "package-history")
        self.history_note = QLabel(_("No package has been sent or received yet."))
        self.history_note.setWordWrap(True)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.history_note)
        layout.addWidget(self.history_table, 1)
        return tab

    # reading ----------------------------------------------------------------------------------
    def title(self) -> str:
        return _("Sync")

    def refresh(self) -> None:
        """Read the file's facts and counts, the keys, conflicts and history again (quick:
        counts, a meta row and short lists)."""
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
        folder = backup_folder(summary.path)
        self.backups.setText(f"{folder} ({len(scan(folder, stem=summary.path.stem))})")
        self.protection.refresh()
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
        self.refresh_exchange()

    def refresh_exchange(self) -> None:
        sync = self.ctx.wb.sync
        card = sync.public_card()
        if not self.name.isModified():
            self.name.setText(card.name)
        self.fingerprint.setText(card.fingerprint)
        self.peers.set_rows(sync.peers())
        chosen = self.conflict_table.selected_id()
        rows = sync.conflicts()
        self.conflicts.set_rows(rows)
        self.conflict_table.select_id(chosen)
        self.conflict_note.setText(
            _(
                "Fields changed on both sides since they last agreed. The later edit was kept; "
                "keep it, or take the other value."
            )
            if rows
            else _("No conflicts.")
        )
        self.conflict_table.setVisible(bool(rows))
        self.tabs.setTabText(
            2, _("Conflicts ({n})").format(n=len(rows)) if rows else _("Conflicts")
        )
        packages = sync.history()
        self.history.set_rows(packages)
        self.history_note.setVisible(not packages)
        self._conflict_selected()

    def _selected_in_accounts(self) -> str | None:
        pages = getattr(self.window(), "pages", {})
        listing = pages.get("accounts")
        selected = getattr(listing, "selected_id", None)
        return selected() if callable(selected) else None

    # doing --------------------------------------------------------------------------------------
    def rename(self) -> None:
        try:
            card = self.ctx.wb.sync.set_name(self.name.text())
        except KamdeskError as exc:
            errors.show_error(self, exc)
            return
        self.name.setText(card.name)
        self.name.setModified(False)

    def register_key(self) -> None:
        if register_key_file(self, self.ctx) is not None:
            self.refresh_exchange()

    def export(self) -> None:
        def written(result: object) -> None:
            self.refresh_exchange()
            self.exported.emit(result)

        export_package(self, self.ctx, self.selected_account(), written)

    def import_file(self) -> None:
        import_package(self, self.ctx, self.imported.emit)  # the notifier redraws the page

    def resolve(self, *, take_other: bool) -> None:
        conflict_id = self.conflict_table.selected_id()
        if conflict_id is None:
            return
        try:
            self.ctx.wb.sync.resolve(conflict_id, take_other=take_other)
        except KamdeskError as exc:
            errors.show_error(self, exc)
            return
        self.ctx.notifier.changed.emit()  # the page redraws with everyone else

    def _conflict_selected(self) -> None:
        chosen = self.conflict_table.selected_id() is not None
        self.keep_button.setEnabled(chosen)
        self.take_button.setEnabled(chosen)
