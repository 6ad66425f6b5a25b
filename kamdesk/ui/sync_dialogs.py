"""Exchange packages from the desktop: registering keys, the export dialog with its redaction
preview, and the import that shows a dry run before anything is written. Each mirrors a
command of `kamdesk/cli/sync.py` over the same `SyncService`; long work runs through `Op`."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _
from kamdesk.services.lists import AccountQuery
from kamdesk.sync.keys import KeyFileError, PublicCard
from kamdesk.sync.package import (
    PassphraseRequired,
    SenderKeyMismatch,
    UnknownSender,
    WrongPassphrase,
)
from kamdesk.sync.records import TABLES
from kamdesk.sync.service import ExportPreview, ExportResult, ImportResult, PeerRow
from kamdesk.ui import errors
from kamdesk.ui.context import Context
from kamdesk.ui.files import ask_open_path, ask_save_path, last_folder, tell
from kamdesk.ui.fmt import moment
from kamdesk.ui.ops import Op, Progress

FOLDER_KEY = "sync/folder"
"""The folder a package or key file was last saved to or opened from."""
PACKAGE_SUFFIX = "kamx"
KEY_SUFFIX = "pub"
MIN_PASSPHRASE = 8
CHECKLIST_ROWS = 200
"""Accounts the handover checklist lists at once; the search narrows the rest."""
PREVIEW_PAUSE_MS = 150
"""The preview is counted again once the options have stopped changing this long."""
PASSPHRASE = "\x00passphrase"
"""The "sealed with a passphrase" choice of the recipient box (no installation id looks so)."""
OWN_KEY = ""
"""The "this installation's own key" choice (a backup)."""


# words ------------------------------------------------------------------------------------------


def table_title(table: str) -> str:
    """The name of a kind of record, as counts and previews show it."""
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


def kind_title(kind: str) -> str:
    """A kind of package as the history and the export dialog name it."""
    titles = {
        "hq": _("To headquarters"),
        "handover": _("Handover"),
        "backup": _("Backup"),
        "from-hq": _("From headquarters"),
    }
    return titles.get(kind, kind)


def field_title(table: str, name: str) -> str:
    """A field's label on its form (falls back to the column name)."""
    from kamdesk.ui.record_fields import (
        account_fields,
        contact_fields,
        issue_fields,
        preference_fields,
        visit_fields,
    )

    if name == "deleted_at":
        return _("Deleted")
    if (table, name) == ("anniversaries", "family_member"):
        return _("Family member")
    forms = {
        "accounts": account_fields,
        "contacts": contact_fields,
        "visits": visit_fields,
        "customer_issues": lambda: issue_fields([]),
        "preferences": lambda: preference_fields([]),
    }
    form = forms.get(table)
    labels = {f.name: f.label for f in form()} if form is not None else {}
    return labels.get(name, name)


def value_text(name: str, value: Any) -> str:
    """A stored value of a conflict, in words."""
    if name == "deleted_at":
        return _("deleted") if value else _("not deleted")
    if value is None or value == "" or value == []:
        return _("(empty)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _fixed(label: QLabel) -> QLabel:
    label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _note(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def _buttons(dialog: QDialog, ok_text: str | None) -> QDialogButtonBox:
    """OK (the default, renamed `ok_text`) and Cancel; with no `ok_text`, only Close."""
    if ok_text is None:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(dialog.reject)
        return box
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setDefault(True)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


# asking -----------------------------------------------------------------------------------------


def ask_passphrase(parent: QWidget | None, message: str) -> str | None:
    """The passphrase the user types (None when cancelled). Tests replace this function."""
    text, ok = QInputDialog.getText(parent, _("Passphrase"), message, QLineEdit.EchoMode.Password)
    return text if ok and text else None


# keys -----------------------------------------------------------------------------------------


class KeyDialog(QDialog):
    """Who a key card belongs to, to compare on the phone before trusting it; asks before a
    different key replaces the one registered for the same installation."""

    def __init__(
        self, card: PublicCard, known: PeerRow | None, intro: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Register a key"))
        self.setObjectName("register-key")
        self.card = card
        self.replacing = known is not None and known.fingerprint != card.fingerprint
        self.fingerprint = _fixed(QLabel(card.fingerprint))
        self.fingerprint.setObjectName("key-fingerprint")
        self.hq = QCheckBox(_("This is headquarters' key"))
        self.hq.setChecked(known is not None and known.is_hq)
        form = QFormLayout(self)
        form.addRow(_note(intro))
        form.addRow(_("Name"), QLabel(card.name or _("(no name)")))
        form.addRow(_("Installation id"), _fixed(QLabel(card.installation_id)))
        form.addRow(_("Fingerprint"), self.fingerprint)
        form.addRow(
            _note(
                _(
                    "Compare the fingerprint with its owner by phone: the same 32 characters "
                    "mean the key is really theirs."
                )
            )
        )
        self.warning = _note(name="key-replaces")
        if known is not None and self.replacing:
            self.warning.setText(
                _(
                    "{who} is already registered with a different key (fingerprint {old}). "
                    "Replace it only if they told you they have a new one."
                ).format(who=known.name or known.installation_id, old=known.fingerprint)
            )
            form.addRow(self.warning)
        form.addRow(self.hq)
        form.addRow(_buttons(self, _("Replace the key") if self.replacing else _("Register")))


def register_card(parent: QWidget, ctx: Context, card: PublicCard, intro: str) -> PeerRow | None:
    """Ask to confirm `card`, then register it (None when declined or refused)."""
    known = next(
        (p for p in ctx.wb.sync.peers() if p.installation_id == card.installation_id), None
    )
    dialog = KeyDialog(card, known, intro, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        return ctx.wb.sync.register(card, hq=dialog.hq.isChecked(), replace=dialog.replacing)
    except KamdeskError as exc:
        errors.show_error(parent, exc)
        return None


def register_key_file(parent: QWidget, ctx: Context) -> PeerRow | None:
    """Pick another installation's key file, confirm who it is, register it."""
    path = ask_open_path(
        parent, _("Register a key file"), last_folder(ctx.settings, FOLDER_KEY), KEY_SUFFIX
    )
    if path is None:
        return None
    try:
        card = PublicCard.from_text(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        errors.show_error(parent, exc)
        return None
    except (UnicodeDecodeError, KeyFileError) as exc:
        reason = str(exc) if isinstance(exc, KeyFileError) else _("it is not text")
        problem = _("{p} is not a kamdesk key file: {e}").format(p=path.name, e=reason)
        errors.show_error(parent, KeyFileError(problem))
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    return register_card(
        parent, ctx, card, _("Trust packages signed by this key, and let exports be sealed to it?")
    )


def save_key_file(parent: QWidget, ctx: Context) -> Path | None:
    """Write this installation's public key card where the user says."""
    from kamdesk.interchange.files import replace_atomically

    card = ctx.wb.sync.public_card()
    suggested = last_folder(ctx.settings, FOLDER_KEY) / f"{card.name or 'kamdesk'}.{KEY_SUFFIX}"
    path = ask_save_path(parent, _("Save my key file"), suggested, KEY_SUFFIX)
    if path is None:
        return None

    def write(out: BinaryIO) -> None:
        out.write(card.to_text().encode("utf-8"))

    try:
        replace_atomically(path, write)
    except KamdeskError as exc:
        errors.show_error(parent, exc)
        return None
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    tell(parent, _("Saved {p}; fingerprint {f}").format(p=path, f=card.fingerprint))
    return path


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
