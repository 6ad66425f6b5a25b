"""File → Back up now and File → Restore…: a checked copy into the backups folder, and putting
one back. Restoring closes the archive, replaces the file, opens it again and hands the new
workbench to the window, which builds its pages anew (nothing keeps the old file open)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import _
from kamdesk.services.workbench import Workbench
from kamdesk.storage.backups import (
    BackupRow,
    backup_folder,
    list_backups,
    make_backup,
    restore,
    rotate,
)
from kamdesk.ui.context import Context
from kamdesk.ui.errors import sentence, show_error
from kamdesk.ui.fmt import moment
from kamdesk.ui.ops import Op, Progress


class Column(IntEnum):
    TAKEN = 0
    REASON = 1
    ACCOUNTS = 2
    CONTACTS = 3
    VISITS = 4
    SIZE = 5


def column_titles() -> list[str]:
    return [_("Taken"), _("Reason"), _("Accounts"), _("Contacts"), _("Visits"), _("Size")]


class BackupDialog(QDialog):
    """The backups of the archive, newest first; Restore puts the chosen one back."""

    def __init__(self, rows: Sequence[BackupRow], folder: Path, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        self.setWindowTitle(_("Restore a backup"))
        self.resize(720, 420)
        note = QLabel(
            _(
                "Backups in {f}. Restoring replaces the archive with the chosen backup; the "
                "archive as it is now is backed up first, so a restore can itself be undone."
            ).format(f=folder)
        )
        note.setWordWrap(True)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(len(self.rows), len(Column))
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels(column_titles())
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for number, row in enumerate(self.rows):
            for column, text in enumerate(cells(row)):
                item = QTableWidgetItem(text)
                if column >= Column.ACCOUNTS:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                item.setToolTip(str(row.path))
                self.table.setItem(number, column, item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            _("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        if self.rows:
            layout.addWidget(self.table, 1)
        else:
            self.table.hide()
            layout.addWidget(QLabel(_("There are no backups yet.")))
        layout.addWidget(self.buttons)

    def chosen(self) -> BackupRow | None:
        selected = self.table.selectionModel().selectedRows()
        return self.rows[selected[0].row()] if selected else None

    def select(self, number: int) -> None:
        self.table.selectRow(number)

    def _selected(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)


def cells(row: BackupRow) -> list[str]:
    """What the dialog shows of one backup, in `Column` order."""
    locale = QLocale()
    counts = row.counts
    numbers = (
        [locale.toString(n) for n in (counts.accounts, counts.contacts, counts.visits)]
        if counts is not None
        else [_("unreadable")] + [""] * 2
    )
    return [moment(row.taken_at), row.reason_text, *numbers, locale.formattedDataSize(row.size)]


def back_up_now(parent: QWidget, ctx: Context) -> None:
    """A checked copy into the backups folder (then the old ones are thinned out)."""
    archive = ctx.wb.archive

    def work(_progress: Progress) -> BackupRow:
        row = make_backup(archive)
        rotate(row.path.parent, row.taken_at, stem=archive.path.stem)
        return row

    def done(row: BackupRow) -> None:
        QMessageBox.information(
            parent,
            _("Back up now"),
            _("The archive was backed up to\n{p}").format(p=row.path),
        )

    Op(parent, _("Backing up…"), work).on_success(done).run()


@dataclass(frozen=True)
class Outcome:
    """After a restore: the archive opened again, the backup of the state before, and the
    error if the restore did not happen (the archive is then as it was)."""

    wb: Workbench
    before: BackupRow | None
    error: BaseException | None


def restore_backup(parent: QWidget, ctx: Context, reopened: Callable[[], None]) -> None:
    """Choose a backup and restore it; `reopened` runs once the window holds the archive
    opened again (whether or not the restore succeeded)."""
    path = ctx.wb.archive.path
    folder = backup_folder(path)

    def listed(rows: list[BackupRow]) -> None:
        dialog = BackupDialog(rows, folder, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen = dialog.chosen()
        if chosen is None or not _confirm(parent, chosen):
            return
        _run_restore(parent, ctx, chosen, reopened)

    Op(
        parent, _("Reading the backups…"), lambda _p: list_backups(folder, stem=path.stem)
    ).on_success(listed).run()


def _confirm(parent: QWidget, row: BackupRow) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Restore a backup"),
        _(
            "Replace the archive with the backup of {t} ({r})? Changes made since then are "
            "no longer in the archive; the archive as it is now is backed up first."
        ).format(t=moment(row.taken_at), r=row.reason_text),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def _run_restore(
    parent: QWidget, ctx: Context, chosen: BackupRow, reopened: Callable[[], None]
) -> None:
    # Background reads end and their results are delivered before the file is closed.
    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.processEvents()
    old = ctx.wb
    path = old.archive.path

    def work(_progress: Progress) -> Outcome:
        old.close()
        try:
            before = restore(path, chosen.path)
        except Exception as exc:  # the archive is as it was: open it again, then say why
            return Outcome(Workbench.open(path), None, exc)
        return Outcome(Workbench.open(path), before, None)

    def done(outcome: Outcome) -> None:
        ctx.attach(outcome.wb)
        reopened()
        ctx.notifier.changed.emit()
        if outcome.error is not None:
            show_error(parent, outcome.error)
            return
        QMessageBox.information(
            parent,
            _("Restore a backup"),
            _("The archive is back as it was on {t}.").format(t=moment(chosen.taken_at))
            + (
                "\n"
                + _("The state before the restore is kept as the backup {n}.").format(
                    n=outcome.before.path.name
                )
                if outcome.before is not None
                else ""
            ),
        )

    def failed(exc: BaseException) -> None:
        QMessageBox.critical(
            parent,
            _("Restore a backup"),
            sentence(exc) + "\n" + _("Close kamdesk and start it again."),
        )

    Op(parent, _("Restoring the backup…"), work).on_success(done).on_failure(failed).run()
