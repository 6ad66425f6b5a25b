"""The export dialog: the kind of package, what goes in it, who can open it, and a redaction
preview counted off the GUI thread as the options change; then the package is written through
`Op`, as `kamdesk export` does."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import _
from kamdesk.services.lists import AccountQuery
from kamdesk.sync.records import TABLES
from kamdesk.sync.service import ExportPreview, ExportResult
from kamdesk.ui import errors
from kamdesk.ui.context import Context
from kamdesk.ui.files import ask_save_path, last_folder, tell
from kamdesk.ui.ops import Op, Progress
from kamdesk.ui.sync_dialogs import (
    FOLDER_KEY,
    PACKAGE_SUFFIX,
    _buttons,
    _note,
    field_title,
    table_title,
)

MIN_PASSPHRASE = 8
CHECKLIST_ROWS = 200
"""Accounts the handover checklist lists at once; the search narrows the rest."""
PREVIEW_PAUSE_MS = 150
"""The preview is counted again once the options have stopped changing this long."""
PASSPHRASE = "\x00passphrase"
"""The "sealed with a passphrase" choice of the recipient box (no installation id looks so)."""
OWN_KEY = ""
"""The "this installation's own key" choice (a backup)."""


# export -------------------------------------------------------------------------------------------


class AccountChecklist(QWidget):
    """Accounts to tick, found by a search; ticks are kept while the search changes."""

    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: dict[str, str] = {}  # id -> name
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search accounts"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("handover-accounts")
        self.more = _note()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.more)
        self.search.textChanged.connect(self.load)
        self.list.itemChanged.connect(self._ticked)
        self.load()

    def load(self) -> None:
        rows, total = self.ctx.wb.account_first_page(
            AccountQuery(text=self.search.text().strip()), limit=CHECKLIST_ROWS
        )
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}  {row.city}".strip())
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, row.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = row.id in self.chosen
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.more.setText(
            _("{n} of {total} shown; search to find the others").format(n=len(rows), total=total)
            if total > len(rows)
            else ""
        )

    def _ticked(self, item: QListWidgetItem) -> None:
        account_id = str(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen[account_id] = str(item.data(Qt.ItemDataRole.UserRole + 1))
        else:
            self.chosen.pop(account_id, None)
        self.changed.emit()


class ExportDialog(QDialog):
    """The kind of package, what goes in it, who can open it, and — counted as the options
    change — how many records it holds and which fields it leaves out."""

    previewed = Signal()

    def __init__(
        self, ctx: Context, selected: tuple[str, str] | None, parent: QWidget | None = None
    ) -> None:
        """`selected`: (id, name) of the account selected in the accounts list, if any."""
        super().__init__(parent)
        self.setWindowTitle(_("Export a package"))
        self.setObjectName("export-package")
        self.ctx = ctx
        self.selected = selected
        self.peers = ctx.wb.sync.peers()
        self.preview: ExportPreview | None = None
        self.preview_problem = ""
        self._generation = 0
        self.kind = QComboBox()
        for kind, text in (
            ("hq", _("To headquarters")),
            ("handover", _("Handover to another manager")),
            ("backup", _("Backup")),
        ):
            self.kind.addItem(text, kind)
        self.scope = QComboBox()
        if selected is not None:
            self.scope.addItem(_("The selected account: {a}").format(a=selected[1]), "selected")
        self.scope.addItem(_("Chosen accounts"), "chosen")
        self.scope.addItem(_("The whole archive"), "all")
        self.checklist = AccountChecklist(ctx)
        self.seal = QComboBox()
        self.passphrase = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.passphrase, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(_("at least {n} characters").format(n=MIN_PASSPHRASE))
        self.sensitive = QCheckBox(
            _("Include the fields labelled sensitive (family, children, health, income)")
        )
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("export-preview")
        self.table.setHorizontalHeaderLabels([_("Records"), _("In the package"), _("Left out")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.who = _note(name="export-who")
        self.problem = _note(name="export-problem")
        self.problem.setStyleSheet("color: #c0392b")
        self.buttons = _buttons(self, _("Export…"))
        self.form = form = QFormLayout(self)
        form.addRow(_("Kind"), self.kind)
        form.addRow(_("Accounts"), self.scope)
        form.addRow(self.checklist)
        form.addRow(_("Sealed for"), self.seal)
        form.addRow(_("Passphrase"), self.passphrase)
        form.addRow(_("Passphrase again"), self.repeat)
        form.addRow(self.sensitive)
        form.addRow(self.table)
        form.addRow(self.who)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(PREVIEW_PAUSE_MS)
        self.pause.timeout.connect(self.count)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for box in (self.scope, self.seal):
            box.currentIndexChanged.connect(self._options_changed)
        self.sensitive.toggled.connect(self._options_changed)
        self.checklist.changed.connect(self._options_changed)
        for edit in (self.passphrase, self.repeat):
            edit.textChanged.connect(self._validate)
        self.kind.setCurrentIndex(1 if selected is not None else 0)
        self._kind_changed()
        self.resize(640, 640)

    # the options --------------------------------------------------------------------------------
    def kind_value(self) -> str:
        return str(self.kind.currentData())

    def accounts(self) -> list[str] | None:
        """The accounts of a handover; None for the whole archive."""
        if self.kind_value() != "handover":
            return None
        scope = self.scope.currentData()
        if scope == "selected" and self.selected is not None:
            return [self.selected[0]]
        if scope == "chosen":
            return list(self.checklist.chosen)
        return None

    def sealed_with_passphrase(self) -> bool:
        return bool(self.seal.currentData() == PASSPHRASE)

    def options(self) -> dict[str, Any]:
        """The keyword arguments of `SyncService.export` (and of its preview)."""
        chosen = str(self.seal.currentData())
        passphrase = self.passphrase.text() if self.sealed_with_passphrase() else None
        return {
            "accounts": self.accounts(),
            "recipients": [chosen] if chosen not in (PASSPHRASE, OWN_KEY) else [],
            "passphrase": passphrase,
            "include_sensitive": self.kind_value() == "hq" and self.sensitive.isChecked(),
        }

    def problem_text(self) -> str:
        """What stops the export now ("" when nothing does)."""
        if self.kind_value() == "handover" and self.accounts() == []:
            return _("Tick the accounts to hand over.")
        if self.sealed_with_passphrase():
            if len(self.passphrase.text()) < MIN_PASSPHRASE:
                return _("The passphrase needs at least {n} characters.").format(n=MIN_PASSPHRASE)
            if self.passphrase.text() != self.repeat.text():
                return _("The two passphrases differ.")
        return self.preview_problem

    def _kind_changed(self) -> None:
        kind = self.kind_value()
        self.seal.blockSignals(True)
        self.seal.clear()
        if kind == "backup":
            self.seal.addItem(_("This installation's own key"), OWN_KEY)
        for peer in self.peers:
            if kind == "hq" and not peer.is_hq:
                continue
            text = peer.name or peer.installation_id
            self.seal.addItem(f"{text} · {_('HQ')}" if peer.is_hq else text, peer.installation_id)
        self.seal.addItem(_("A passphrase"), PASSPHRASE)
        if kind == "handover":  # another manager's key, else a passphrase
            managers = {p.installation_id for p in self.peers if not p.is_hq}
            found = (n for n in range(self.seal.count()) if self.seal.itemData(n) in managers)
            self.seal.setCurrentIndex(next(found, self.seal.count() - 1))
        self.seal.blockSignals(False)
        self._options_changed()

    def _options_changed(self) -> None:
        kind = self.kind_value()
        handover = kind == "handover"
        self.form.setRowVisible(self.scope, handover)
        self.form.setRowVisible(self.checklist, handover and self.scope.currentData() == "chosen")
        self.form.setRowVisible(self.sensitive, kind == "hq")
        self.form.setRowVisible(self.passphrase, self.sealed_with_passphrase())
        self.form.setRowVisible(self.repeat, self.sealed_with_passphrase())
        self.preview = None
        self.who.setText(_("Counting…"))
        self._validate()
        self.pause.start()

    def _validate(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        ready = not problem and self.preview is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    # the preview --------------------------------------------------------------------------------
    def count(self) -> None:
        """Count what the package would hold, off the GUI thread; a later count wins."""
        self._generation += 1
        generation = self._generation
        kind, options = self.kind_value(), self.options()
        if options["passphrase"] is not None:
            options["passphrase"] = "-"  # the preview needs only to know that one will be given
        if options["accounts"] == []:
            self._show(generation, None, "")
            return
        sync = self.ctx.wb.sync

        def work(_progress: Progress) -> ExportPreview:
            return sync.preview_export(kind, **options)

        Op(self, "", work, modal=False).on_success(
            lambda preview: self._show(generation, preview, "")
        ).on_failure(lambda exc: self._show(generation, None, errors.sentence(exc))).run()

    def _show(self, generation: int, preview: ExportPreview | None, problem: str) -> None:
        if generation != self._generation:  # options changed since, or the dialog is closed
            return
        self.preview, self.preview_problem = preview, problem
        counts = preview.counts if preview is not None else {}
        left = preview.left_out if preview is not None else {}
        tables = [t for t in TABLES if t in counts or t in left]
        self.table.setRowCount(len(tables))
        for row, table in enumerate(tables):
            fields = [field_title(table, f) for f in left.get(table, [])]
            cells = (table_title(table), str(counts.get(table, 0)), ", ".join(fields) or "—")
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setData(Qt.ItemDataRole.UserRole, left.get(table, []))
                self.table.setItem(row, column, cell)
        self.who.setText(self._who(preview) if preview is not None else "")
        self._validate()
        self.previewed.emit()

    def _who(self, preview: ExportPreview) -> str:
        total = sum(preview.counts.values())
        held = (
            _("Nothing has changed since the last package to headquarters.")
            if total == 0 and preview.kind == "hq"
            else _("{n} records in all.").format(n=total)
        )
        if preview.kind == "hq" and not any(p.is_hq for p in self.peers):
            held += " " + _(
                "No headquarters key is registered: register HQ's key file to seal packages "
                "for headquarters alone."
            )
        if self.sealed_with_passphrase():
            opened = _("Anyone with the passphrase can open it.")
        else:
            names = [*preview.recipients, _("this installation")]
            opened = _("It can be opened by: {who}.").format(who=", ".join(names))
        return f"{held} {opened}"

    def accept(self) -> None:
        if self.problem_text() or self.preview is None:
            self._validate()
            return
        super().accept()

    def done(self, result: int) -> None:
        self._generation += 1  # a count still running is ignored when it ends
        self.pause.stop()
        super().done(result)


def suggested_name(kind: str, accounts: Sequence[str] | None, names: dict[str, str]) -> str:
    stem = names[accounts[0]] if accounts and len(accounts) == 1 else "kamdesk"
    return f"{stem}-{kind}-{date.today():%Y%m%d}.{PACKAGE_SUFFIX}"


def export_package(
    parent: QWidget,
    ctx: Context,
    selected: str | None = None,
    done: Callable[[ExportResult], None] | None = None,
) -> Op[ExportResult] | None:
    """Ask what to export and where, then write the package in the background."""
    account = (selected, ctx.wb.accounts.get(selected).name) if selected else None
    dialog = ExportDialog(ctx, account, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        kind, options = dialog.kind_value(), dialog.options()
        names = dict(dialog.checklist.chosen)
    finally:
        dialog.deleteLater()
    if account is not None:
        names[account[0]] = account[1]
    suggested = last_folder(ctx.settings, FOLDER_KEY) / suggested_name(
        kind, options["accounts"], names
    )
    path = ask_save_path(parent, _("Export a package"), suggested, PACKAGE_SUFFIX)
    if path is None:
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    sync = ctx.wb.sync

    def work(progress: Progress) -> ExportResult:
        return sync.export(kind, path, progress=progress, **options)

    def written(result: ExportResult) -> None:
        tell(parent, _("Wrote {p}: {n} records").format(p=path, n=result.records))
        if done is not None:
            done(result)

    label = _("Writing {p}…").format(p=path.name)
    return Op(parent, label, work).on_success(written).run()
