"""Importing contacts from a vCard (.vcf) or CSV file: choose it, see what each contact will
become (for a CSV file, also which column is which field, which the user may change), then import
in the background as one undoable change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from kamdesk.i18n import _
from kamdesk.interchange.contacts_csv import (
    ColumnMap,
    Field,
    Table,
    field_label,
    is_vcard,
    propose,
    read_table_file,
    to_cards,
)
from kamdesk.interchange.vcard import Card, CardPlan, Known, Outcome, Plan, Unit, plan, read_file
from kamdesk.services.importing import ImportResult, redo_import, snapshot, undo_import
from kamdesk.services.importing import import_contacts as write_import
from kamdesk.ui.context import Change, Context
from kamdesk.ui.errors import show_error
from kamdesk.ui.ops import Op, Progress

FOLDER_KEY = "import/folder"
"""The folder the last contacts file was chosen from."""

REPLAN_PAUSE_MS = 250
"""The preview follows the account typed in after this pause."""

Index = QModelIndex | QPersistentModelIndex

PROBLEM_COLOUR = QColor("#c0392b")
DUPLICATE_COLOUR = QColor("#7f8c8d")


@dataclass(frozen=True)
class Loaded:
    """A contacts file as read: its cards, and for a CSV file its table and column mapping."""

    cards: list[Card]
    known: Known
    table: Table | None = None
    mapping: ColumnMap = ()


def import_contacts(parent: QWidget, ctx: Context) -> None:
    """Ask for a .vcf or .csv file, read it in the background, then show the import preview."""
    folder = str(ctx.settings.value(FOLDER_KEY, "") or "")
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import contacts"),
        folder,
        _(
            "Contacts (*.vcf *.vcard *.csv *.txt);;vCard files (*.vcf *.vcard);;"
            "CSV files (*.csv *.txt);;All files (*)"
        ),
    )
    if not chosen:
        return
    path = Path(chosen)
    ctx.settings.setValue(FOLDER_KEY, str(path.parent))
    wb = ctx.wb

    def work(progress: Progress) -> Loaded:
        if is_vcard(path):
            return Loaded(read_file(path, progress), snapshot(wb))
        table = read_table_file(path)
        mapping = propose(table.headers)
        return Loaded(to_cards(table, mapping, progress), snapshot(wb), table, mapping)

    def ready(loaded: Loaded) -> None:
        ImportDialog(
            parent, ctx, path, loaded.cards, loaded.known, loaded.table, loaded.mapping
        ).open()

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

    def __init__(self, parent: QWidget | None = None, unit: Unit = Unit.CARD) -> None:
        super().__init__(parent)
        self.entries: list[CardPlan] = []
        self.unit = unit

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
        first = _("Row") if self.unit is Unit.ROW else _("Card")
        headers = [first, _("Name"), _("Company"), _("Account"), _("Outcome"), _("Details")]
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


class MappingColumn(IntEnum):
    HEADER = 0
    EXAMPLE = 1
    FIELD = 2


EXAMPLE_ROWS = 20
"""A column's example is its first value in this many rows."""


class ColumnMapping(QTableWidget):
    """One row per column of a CSV file: its header, an example value, and the contact field
    it goes to, chosen in a combo box."""

    changed = Signal()

    def __init__(self, table: Table, mapping: ColumnMap, parent: QWidget | None = None) -> None:
        super().__init__(len(table.headers), len(MappingColumn), parent)
        self.setObjectName("import-columns")
        self.setHorizontalHeaderLabels([_("Column"), _("Example"), _("Imported as")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(MappingColumn.EXAMPLE, QHeaderView.ResizeMode.Stretch)
        self.combos: list[QComboBox] = []
        for column, field in enumerate(mapping):
            example = next(
                (cells[column] for _n, cells in table.rows[:EXAMPLE_ROWS] if cells[column]), ""
            )
            self.setItem(column, MappingColumn.HEADER, QTableWidgetItem(table.header(column)))
            shown = QTableWidgetItem(example.replace("\n", " ⏎ "))
            shown.setToolTip(example)
            self.setItem(column, MappingColumn.EXAMPLE, shown)
            combo = QComboBox()
            for choice in Field:
                combo.addItem(field_label(choice), choice)
            combo.setCurrentIndex(combo.findData(field))
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
            self.setCellWidget(column, MappingColumn.FIELD, combo)
            self.combos.append(combo)
        self.resizeColumnToContents(MappingColumn.HEADER)
        self.resizeColumnToContents(MappingColumn.FIELD)

    def mapping(self) -> ColumnMap:
        return tuple(Field(combo.currentData()) for combo in self.combos)

    def choose(self, column: int, field: Field) -> None:
        """Take `column` as `field`, as the user does with the combo box."""
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(field))


class ImportDialog(QDialog):
    """The preview of an import, with Import and Cancel; the import runs as an Op. For a CSV
    file the columns are shown above it, and a change of field reads the rows again."""

    def __init__(
        self,
        parent: QWidget | None,
        ctx: Context,
        path: Path,
        cards: Sequence[Card],
        known: Known,
        table: Table | None = None,
        mapping: ColumnMap = (),
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(_("Import contacts from {f}").format(f=path.name))
        self.ctx = ctx
        self.cards = list(cards)
        self.known = known
        self.table = table
        self.mapping = mapping
        self.rows = table is not None  # a CSV file: rows rather than cards
        self.reading = 0  # rows being read again for a changed mapping (the latest wins)
        self.generation = 0
        self.plan = plan(self.cards, known)
        self.imported: ImportResult | None = None
        self.columns: ColumnMapping | None = None
        if table is not None:
            self.columns = ColumnMapping(table, mapping)
            self.columns.changed.connect(self.remap)

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

        self.model = PreviewModel(self, Unit.ROW if self.rows else Unit.CARD)
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

        self.skip_bad = QCheckBox(
            _("Skip the rows with problems and import the others")
            if self.rows
            else _("Skip the cards with problems and import the others")
        )
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
        if self.columns is not None:
            box = QGroupBox(_("Columns of the file"))
            QVBoxLayout(box).addWidget(self.columns)
            layout.addWidget(box, 1)
        layout.addLayout(chooser)
        layout.addWidget(self.view, 2 if self.columns is not None else 1)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(900, 720 if self.columns is not None else 560)

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
        counts = {
            "new_accounts": len(self.plan.new_accounts),
            "old_accounts": len(self.plan.existing_accounts),
            "new": self.plan.new_contacts,
            "dup": self.plan.duplicates,
            "bad": len(self.plan.problems),
        }
        if self.rows:
            text = _(
                "{rows} rows. Accounts: {new_accounts} new, {old_accounts} existing. "
                "Contacts: {new} new, {dup} duplicates skipped. Problems: {bad}."
            ).format(rows=len(self.cards), **counts)
        else:
            text = _(
                "{cards} cards. Accounts: {new_accounts} new, {old_accounts} existing. "
                "Contacts: {new} new, {dup} duplicates skipped. Problems: {bad}."
            ).format(cards=len(self.cards), **counts)
        self.summary.setText(text)
        self.skip_bad.setVisible(bool(self.plan.problems))
        self._update_buttons()

    def remap(self) -> None:
        """Read the rows again in the background with the fields now chosen; the preview
        follows, and Import waits for it."""
        if self.table is None or self.columns is None:
            return
        table, mapping = self.table, self.columns.mapping()
        self.generation += 1
        self.reading += 1
        generation = self.generation
        self._update_buttons()

        def work(progress: Progress) -> list[Card]:
            return to_cards(table, mapping, progress)

        def done(cards: list[Card]) -> None:
            if not isValid(self):  # the dialog was closed meanwhile
                return
            self.reading -= 1
            if generation == self.generation:
                self.mapping, self.cards = mapping, cards
                self.replan()
            else:
                self._update_buttons()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self.reading -= 1
                self._failed(exc)

        Op(self, _("Reading the rows again…"), work).on_success(done).on_failure(failed).run()

    def _typing(self) -> None:
        """Until the preview catches up, Import stays open: it judges the cards again first."""
        self.pause.start()
        self.import_button.setEnabled(True)

    def can_import(self) -> bool:
        blocked = bool(self.plan.problems) and not self.skip_bad.isChecked()
        return self.plan.new_contacts > 0 and not blocked and not self.reading

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(self.can_import())
        if self.reading:
            self.hint.setText(_("Reading the rows again with the columns as now chosen…"))
        elif self.plan.problems and not self.skip_bad.isChecked() and self.rows:
            self.hint.setText(
                _(
                    "Nothing is imported while rows have problems: correct them in the file or "
                    "in the columns above, or skip them."
                )
            )
        elif self.plan.problems and not self.skip_bad.isChecked():
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
