"""The small tables of the account and contact pages: one model holding the rows a page read,
columns declared once, and a tab with New / Edit / Delete that go through the undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import _
from kamdesk.storage.models import Contact
from kamdesk.ui.context import Context, deletion
from kamdesk.ui.forms import Field, Kind
from kamdesk.ui.models import ID_ROLE

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Scope:
    """Whose records a tab shows: an account, and on a contact page the person it is about."""

    account_id: str
    contacts: tuple[Contact, ...] = ()  # the account's live contacts, owner first
    contact_id: str | None = None

    def people(self) -> list[tuple[str, str]]:
        """(name, id) of the account's contacts, for a person pick list."""
        return [(c.name, c.id) for c in self.contacts]

    def name_of(self, contact_id: str | None) -> str:
        if not contact_id:
            return ""
        return next((c.name for c in self.contacts if c.id == contact_id), "")


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column of a table: its header and how a row shows in it."""

    header: str
    text: Callable[[R], str]
    tip: Callable[[R], str] | None = None
    colour: Callable[[R], QColor | None] | None = None
    centred: bool = False
    stretch: bool = False


class RecordModel(QAbstractTableModel, Generic[R]):
    """Rows already read by the page (a page's lists are short), shown by declared columns."""

    def __init__(self, columns: Sequence[Column[R]]) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[R] = []

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ID_ROLE:
            return record_id(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.centred:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def row_of(self, wanted: str) -> int:
        return next((n for n, row in enumerate(self.rows) if record_id(row) == wanted), -1)

    def texts(self, column: int) -> list[str]:
        """What a column shows, top to bottom (what a user reads)."""
        return [self.columns[column].text(row) for row in self.rows]


def record_id(row: Any) -> str:
    return str(row.id)


class RecordTable(QTableView):
    """A read-only table of records: whole rows selected, Enter or double-click opens one."""

    opened = Signal(str)

    def __init__(self, model: RecordModel[Any], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        for number, column in enumerate(model.columns):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column.stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(number, mode)
        self.activated.connect(self._open)
        self.doubleClicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(str(index.data(ID_ROLE)))

    def selected_id(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None

    def select_id(self, wanted: str | None) -> None:
        model = self.model()
        assert isinstance(model, RecordModel)
        row = model.row_of(wanted) if wanted else -1
        if row >= 0:
            self.selectRow(row)


class RecordsTab(QWidget, Generic[R]):
    """A table with New… / Edit… / Delete; subclasses say which dialog and which service."""

    def __init__(
        self, ctx: Context, name: str, new_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.scope = Scope("")
        self.model: RecordModel[R] = RecordModel(self.columns())
        self.table = RecordTable(self.model, name)
        self.table.opened.connect(lambda _id: self.edit_selected())
        self.note = QLabel()
        self.note.setStyleSheet("color: #7f8c8d")
        self.new_button = QPushButton(new_text)
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete"))
        self.new_button.clicked.connect(self.new_record)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.note, 1)
        for button in (self.new_button, self.edit_button, self.delete_button):
            self.buttons.addWidget(button)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        part = QWidget()
        column = QVBoxLayout(part)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addLayout(self.buttons)
        self.arrange(part)
        self._selection_changed()

    def arrange(self, table_part: QWidget) -> None:
        """Lay out the table with its buttons (a tab may add more around it)."""
        QVBoxLayout(self).addWidget(table_part)

    # what subclasses say ---------------------------------------------------------------------
    def columns(self) -> list[Column[R]]:
        raise NotImplementedError

    def service(self) -> Any:
        raise NotImplementedError

    def describe(self, record: R) -> str:
        """A few words naming a record in a question or on the undo stack."""
        raise NotImplementedError

    def new_dialog(self) -> QDialog | None:
        return None

    def edit_dialog(self, record: R) -> QDialog | None:
        return None

    # ours ------------------------------------------------------------------------------------
    def set_rows(self, scope: Scope, rows: Sequence[R]) -> None:
        selected = self.table.selected_id()
        self.scope = scope
        self.model.set_rows(rows)
        self.table.select_id(selected)
        self._selection_changed()

    def selected(self) -> R | None:
        wanted = self.table.selected_id()
        row = self.model.row_of(wanted) if wanted else -1
        return self.model.rows[row] if row >= 0 else None

    def new_record(self) -> None:
        dialog = self.new_dialog()
        if dialog is not None:
            dialog.exec()

    def edit_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        dialog = self.edit_dialog(record)
        if dialog is not None:
            dialog.exec()

    def delete_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        what = self.describe(record)
        answer = QMessageBox.question(
            self,
            _("Delete"),
            _("Delete {what}? (Ctrl+Z brings it back)").format(what=what),
        )
        if answer == QMessageBox.StandardButton.Yes:
            change = deletion(
                self.ctx, _("Delete {what}").format(what=what), self.service(), record_id(record)
            )
            self.ctx.run(self, change)

    def _selection_changed(self) -> None:
        chosen = self.table.selected_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)


def number_fields(fields: Sequence[Field]) -> set[str]:
    return {f.name for f in fields if f.kind is Kind.NUMBER}


def without_blank_numbers(values: dict[str, Any], fields: Sequence[Field]) -> dict[str, Any]:
    """A new record's values with empty number boxes left out, so their defaults apply."""
    numbers = number_fields(fields)
    return {k: v for k, v in values.items() if not (k in numbers and isinstance(v, str) and not v)}


@dataclass
class Snapshot:
    """The values of a record's form fields, to prefill a dialog and undo an edit."""

    values: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, record: Any, fields: Sequence[Field]) -> Snapshot:
        return cls({f.name: getattr(record, f.name) for f in fields})

    def old(self, changed: dict[str, Any]) -> dict[str, Any]:
        """What to write back to undo `changed`."""
        return {name: self.values.get(name) for name in changed}
