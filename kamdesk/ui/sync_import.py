"""The import of a package: a dry run first (asking for a passphrase, or whether to trust an
unknown sender, when needed), its summary, then the merge through `Op`, as `kamdesk import`
does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from kamdesk.i18n import _
from kamdesk.sync.package_errors import (
    PassphraseRequired,
    SenderKeyMismatch,
    UnknownSender,
    WrongPassphrase,
)
from kamdesk.sync.records import TABLES
from kamdesk.sync.service import ImportResult
from kamdesk.ui import errors
from kamdesk.ui.context import Context
from kamdesk.ui.files import ask_open_path, last_folder, tell
from kamdesk.ui.fmt import moment
from kamdesk.ui.ops import Op, Progress
from kamdesk.ui.sync_dialogs import (
    FOLDER_KEY,
    PACKAGE_SUFFIX,
    _buttons,
    _note,
    kind_title,
    register_card,
    table_title,
)

# asking -----------------------------------------------------------------------------------------


def ask_passphrase(parent: QWidget | None, message: str) -> str | None:
    """The passphrase the user types (None when cancelled). Tests replace this function."""
    text, ok = QInputDialog.getText(parent, _("Passphrase"), message, QLineEdit.EchoMode.Password)
    return text if ok and text else None


# import -------------------------------------------------------------------------------------------


class ImportSummaryDialog(QDialog):
    """What a package would change, from its dry run: Import or Cancel."""

    def __init__(self, result: ImportResult, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import {f}").format(f=path.name))
        self.setObjectName("import-summary")
        self.dry_run = result
        manifest = result.manifest
        form = QFormLayout(self)
        form.addRow(_("From"), QLabel(manifest.sender_name or manifest.sender))
        form.addRow(_("Kind"), QLabel(kind_title(manifest.kind)))
        form.addRow(_("Created"), QLabel(_("{t} (UTC)").format(t=moment(manifest.created_at))))
        self.note = _note(name="import-note")
        if result.already_applied:
            self.note.setText(
                _(
                    "Already applied: this package was imported before. Importing it again "
                    "would change nothing."
                )
            )
            form.addRow(self.note)
            form.addRow(_buttons(self, None))
            return
        s = result.summary()
        self.note.setText(
            _("{new} new, {changed} changed, {deleted} deleted, {c} conflicts.").format(
                new=s["new"], changed=s["changed"], deleted=s["deleted"], c=s["conflicts"]
            )
        )
        form.addRow(self.note)
        tables = [t for t in TABLES if result.new[t] or result.changed[t] or result.deleted[t]]
        self.table = QTableWidget(len(tables), 4)
        self.table.setObjectName("import-counts")
        self.table.setHorizontalHeaderLabels([_("Records"), _("New"), _("Changed"), _("Deleted")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, table in enumerate(tables):
            cells = (table_title(table), result.new[table], result.changed[table])
            for column, value in enumerate((*cells, result.deleted[table])):
                self.table.setItem(row, column, QTableWidgetItem(str(value)))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        form.addRow(self.table)
        if result.conflicts:
            form.addRow(
                _note(
                    _(
                        "Where a field was changed on both sides, the later edit is kept and the "
                        "other value is listed under Conflicts for you to decide."
                    )
                )
            )
        form.addRow(_note(_("Nothing has been written yet.")))
        form.addRow(_buttons(self, _("Import")))
        self.resize(520, 420)


class ImportFlow:
    """Check a package with a dry run (asking for a passphrase or to trust its sender when it
    must), show what it would change, and on Import merge it in the background."""

    def __init__(
        self,
        parent: QWidget,
        ctx: Context,
        path: Path,
        done: Callable[[ImportResult], None] | None = None,
    ) -> None:
        self.parent = parent
        self.ctx = ctx
        self.path = path
        self.done = done
        self.passphrase: str | None = None

    def check(self) -> Op[ImportResult]:
        sync, path, passphrase = self.ctx.wb.sync, self.path, self.passphrase

        def work(_progress: Progress) -> ImportResult:
            return sync.import_package(path, passphrase=passphrase, dry_run=True)

        label = _("Checking {f}…").format(f=path.name)
        op = Op(self.parent, label, work).on_success(self._checked)
        return op.on_failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, PassphraseRequired | WrongPassphrase):
            passphrase = ask_passphrase(self.parent, errors.sentence(exc))
            if passphrase is not None:
                self.passphrase = passphrase
                self.check()
            return
        if isinstance(exc, UnknownSender | SenderKeyMismatch):
            intro = errors.sentence(exc) + "\n\n" + _("Trust this sender and go on?")
            if register_card(self.parent, self.ctx, exc.card, intro) is not None:
                self.check()
            return
        errors.show_error(self.parent, exc)

    def _checked(self, result: ImportResult) -> None:
        dialog = ImportSummaryDialog(result, self.path, self.parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if not accepted or result.already_applied:
            return
        sync, path, passphrase = self.ctx.wb.sync, self.path, self.passphrase

        def work(progress: Progress) -> ImportResult:
            return sync.import_package(path, passphrase=passphrase, progress=progress)

        label = _("Importing {f}…").format(f=path.name)
        Op(self.parent, label, work).on_success(self._imported).run()

    def _imported(self, result: ImportResult) -> None:
        self.ctx.notifier.changed.emit()
        s = result.summary()
        tell(
            self.parent,
            _("Imported {f}: {new} new, {changed} changed, {c} conflicts").format(
                f=self.path.name, new=s["new"], changed=s["changed"], c=s["conflicts"]
            ),
        )
        if self.done is not None:
            self.done(result)


def import_package(
    parent: QWidget, ctx: Context, done: Callable[[ImportResult], None] | None = None
) -> ImportFlow | None:
    """Pick a package file and start its import (a dry run first)."""
    path = ask_open_path(
        parent, _("Import a package"), last_folder(ctx.settings, FOLDER_KEY), PACKAGE_SUFFIX
    )
    if path is None:
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    flow = ImportFlow(parent, ctx, path, done)
    flow.check()
    return flow
