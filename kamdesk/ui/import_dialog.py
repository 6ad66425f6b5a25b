"""Importing contacts from a vCard (.vcf) file: choose it, see what each card will become,
then import in the background as one undoable change."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import _
from kamdesk.interchange.vcard import Card, CardPlan, Known, Outcome, Plan, plan, read_file
from kamdesk.services.importing import ImportResult, redo_import, snapshot, undo_import
from kamdesk.services.importing import import_contacts as write_import
from kamdesk.ui.context import Change, Context
from kamdesk.ui.errors import show_error
from kamdesk.ui.ops import Op, Progress

FOLDER_KEY = "import/folder"
"""The folder the last vCard file was chosen from."""

REPLAN_PAUSE_MS = 250
"""The preview follows the account typed in after this pause."""

Index = QModelIndex | QPersistentModelIndex

PROBLEM_COLOUR = QColor("#c0392b")
DUPLICATE_COLOUR = QColor("#7f8c8d")


def import_contacts(parent: QWidget, ctx: Context) -> None:
    """Ask for a .vcf file, read it in the background, then show the import preview."""
    folder = str(ctx.settings.value(FOLDER_KEY, "") or "")
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import contacts"),
        folder,
        _("vCard files (*.vcf *.vcard);;All files (*)"),
    )
    if not chosen:
        return
    path = Path(chosen)
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    wb = ctx.wb

    def work(progress: Progress) -> tuple[list[Card], Known]:
        return read_file(path, progress), snapshot(wb)

    def ready(loaded: tuple[list[Card], Known]) -> None:
        cards, known = loaded
        ImportDialog(parent, ctx, path, cards, known).open()

    Op(parent, _("Reading {f}…").format(f=path.name), work).on_success(ready).run()


class PreviewColumn(IntEnum):
    CARD = 0
    NAME = 1
    COMPANY = 2
    ACCOUNT = 3
    OUTCOME = 4
    DETAIL = 5


class PreviewModel(QAbstractTableModel):
    """One row per card of the file: where it goes and what the import does with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[CardPlan] = []

    def set_plan(self, the_plan: Plan) -> None:
        self.beginResetModel()
        self.entries = list(the_plan.cards)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PreviewColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [_("Card"), _("Name"), _("Company"), _("Account"), _("Outcome"), _("Details")]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == PreviewColumn.DETAIL:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if entry.outcome is Outcome.PROBLEM:
                return PROBLEM_COLOUR
            if entry.outcome is Outcome.DUPLICATE:
                return DUPLICATE_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PreviewColumn.CARD:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, entry: CardPlan, column: int) -> str:
        card = entry.card
        if column == PreviewColumn.CARD:
            return str(card.number)
        if column == PreviewColumn.NAME:
            return card.name
        if column == PreviewColumn.COMPANY:
            return card.company
        if column == PreviewColumn.ACCOUNT:
            if entry.new_account:
                return _("{a} (new)").format(a=entry.account)
            return entry.account
        if column == PreviewColumn.OUTCOME:
            return {
                Outcome.NEW: _("new contact"),
                Outcome.DUPLICATE: _("duplicate, skipped"),
                Outcome.PROBLEM: _("problem"),
            }[entry.outcome]
        if column == PreviewColumn.DETAIL:
            return entry.reason if entry.reason else _details(card)
        return ""


def _details(card: Card) -> str:
    """What a new contact brings along: title, phones, e-mails, birthday."""
    parts: list[str] = []
    if title := card.fields.get("title"):
        parts.append(str(title))
    parts += [str(p) for p in card.fields.get("phones", [])]
    parts += [str(e) for e in card.fields.get("emails", [])]
    if card.birthday is not None:
        born = card.birthday
        if born.year is None:
            parts.append(_("birthday {m}-{d}").format(m=born.month, d=born.day))
        else:
            parts.append(_("birthday {y}-{m}-{d}").format(y=born.year, m=born.month, d=born.day))
    return " · ".join(parts)


class ImportDialog(QDialog):
    """The preview of an import, with Import and Cancel; the import runs as an Op."""

    def __init__(
        self,
        parent: QWidget | None,
        ctx: Context,
        path: Path,
        cards: Sequence[Card],
        known: Known,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("Import contacts from {f}").format(f=path.name))
        self.ctx = ctx
        self.cards = list(cards)
        self.known = known
        self.plan = plan(self.cards, known)
        self.imported: ImportResult | None = None

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.account = QLineEdit()
        self.account.setClearButtonEnabled(True)
        self.account.setPlaceholderText(_("an account's name or short name, or a new name"))
        names = sorted({a.name for a in known.accounts} | {a.short_name for a in known.accounts})
        completer = QCompleter([n for n in names if n], self.account)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.account.setCompleter(completer)
        chooser = QFormLayout()
        chooser.addRow(_("Account for contacts without a company:"), self.account)

        self.model = PreviewModel(self)
        self.view = QTableView()
        self.view.setObjectName("import-preview")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PreviewColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PreviewColumn.CARD, QHeaderView.ResizeMode.ResizeToContents)

        self.skip_bad = QCheckBox(_("Skip the cards with problems and import the others"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button: QPushButton = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(chooser)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(900, 560)

        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(REPLAN_PAUSE_MS)
        self.pause.timeout.connect(self.replan)
        self.account.textChanged.connect(self._typing)
        self.skip_bad.toggled.connect(self._update_buttons)
        self.replan()

    def replan(self) -> None:
        """Judge every card again, with the account now typed in for cards without ORG."""
        self.pause.stop()
        self.plan = plan(self.cards, self.known, self.account.text())
        self.model.set_plan(self.plan)
        self.summary.setText(
            _(
                "{cards} cards. Accounts: {new_accounts} new, {old_accounts} existing. "
                "Contacts: {new} new, {dup} duplicates skipped. Problems: {bad}."
            ).format(
                cards=len(self.cards),
                new_accounts=len(self.plan.new_accounts),
                old_accounts=len(self.plan.existing_accounts),
                new=self.plan.new_contacts,
                dup=self.plan.duplicates,
                bad=len(self.plan.problems),
            )
        )
        self.skip_bad.setVisible(bool(self.plan.problems))
        self._update_buttons()

    def _typing(self) -> None:
        """Until the preview catches up, Import stays open: it judges the cards again first."""
        self.pause.start()
        self.import_button.setEnabled(True)

    def can_import(self) -> bool:
        blocked = bool(self.plan.problems) and not self.skip_bad.isChecked()
        return self.plan.new_contacts > 0 and not blocked

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.can_import())
        if self.plan.problems and not self.skip_bad.isChecked():
            self.hint.setText(
                _(
                    "Nothing is imported while cards have problems: correct them in the file, "
                    "or skip them."
                )
            )
        elif self.plan.new_contacts == 0:
            self.hint.setText(_("There is nothing new to import."))
        else:
            self.hint.setText("")

    def start_import(self) -> None:
        """Import in the background; the dialog closes when it is done."""
        self.replan()  # the account typed last counts, even within the pause
        if not self.can_import():
            return
        self.import_button.setEnabled(False)
        wb, cards, account = self.ctx.wb, self.cards, self.account.text()
        skip_bad = self.skip_bad.isChecked()

        def work(progress: Progress) -> ImportResult:
            return write_import(wb, cards, account, skip_bad=skip_bad, progress=progress)

        Op(self, _("Importing contacts…"), work).on_success(self._imported).on_failure(
            self._failed
        ).run()

    def _imported(self, result: ImportResult) -> None:
        self.imported = result
        self.ctx.commit(import_change(self.ctx, result))
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(
                _(
                    "Imported {contacts} contacts and {accounts} new accounts; "
                    "{dup} duplicates skipped (Ctrl+Z undoes the import)"
                ).format(
                    contacts=len(result.contact_ids),
                    accounts=len(result.account_ids),
                    dup=result.plan.duplicates,
                ),
                10_000,
            )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self._update_buttons()


def import_change(ctx: Context, result: ImportResult) -> Change:
    """The import as one undoable change; it was written already, so the first do only
    hands back the result."""
    written = [True]

    def do() -> ImportResult:
        if written:
            written.clear()
        else:
            redo_import(ctx.wb, result)
        return result

    return Change(
        _("Import {n} contacts").format(n=len(result.contact_ids)),
        do,
        lambda: undo_import(ctx.wb, result),
        ctx.notifier,
    )
