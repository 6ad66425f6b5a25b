"""Table models for the accounts and contacts lists: they hold plain rows, fetch a page at a
time as the view scrolls, and hand sorting and filtering to SQL (a proxy model would only see
the rows fetched so far)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.services.lists import (
    AccountListRow,
    AccountQuery,
    AccountSort,
    ContactListRow,
    ContactQuery,
    ContactSort,
)
from kamdesk.services.workbench import Workbench
from kamdesk.ui.fmt import day

PAGE = 200
"""Rows fetched per step; a screenful is ~40."""

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The record id of a row."""

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
Query = TypeVar("Query")

TIER_COLOURS = {"A": QColor("#c0392b"), "B": QColor("#d68910"), "C": QColor("#7f8c8d")}
OVERDUE = QColor("#c0392b")


class _LazyModel(QAbstractTableModel, Generic[Row, Query]):
    """Rows for the current query, fetched `PAGE` at a time."""

    def __init__(self, query: Query) -> None:
        super().__init__()
        self.query = query
        self.rows: list[Row] = []
        self.exhausted = False
        self.total = 0  # rows the query has in all, known after set_query / reload
        self.loaded = False  # set_query has run: until then a sort only changes the query

    # what subclasses say ---------------------------------------------------------------------
    def _fetch(self, offset: int, limit: int) -> Sequence[Row]:
        raise NotImplementedError

    def _first(self, limit: int) -> tuple[Sequence[Row], int]:
        """The first rows and the total (subclasses answer both with one search)."""
        raise NotImplementedError

    def _headers(self) -> Sequence[str]:
        raise NotImplementedError

    def _display(self, row: Row, column: int) -> str:
        raise NotImplementedError

    def _id(self, row: Row) -> str:
        return str(getattr(row, "id"))  # noqa: B009 - rows are dataclasses with an id

    # Qt's model interface -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.columns

    columns = 0
    """How many columns the subclass shows."""

    _ROLES = frozenset(
        {
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ToolTipRole,
            ID_ROLE,
        }
    )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self._ROLES or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == ID_ROLE:
            return self._id(row)
        return self._decorate(row, index.column(), role)

    def _decorate(self, row: Row, column: int, role: int) -> Any:
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self.exhausted:
            return
        page = list(self._fetch(len(self.rows), PAGE))
        self.exhausted = len(page) < PAGE
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    # ours ---------------------------------------------------------------------------------------
    def resort(self, query: Query) -> None:
        """The view's sort changed: show `query`; before the first load, only remember it (a
        page setting up its view sorts before it has set its filters)."""
        if self.loaded:
            self.set_query(query)
        else:
            self.query = query

    def set_query(self, query: Query) -> None:
        """Show the rows of `query` from the top."""
        self.query = query
        self.loaded = True
        rows, total = self._first(PAGE)
        self.beginResetModel()
        self.rows = list(rows)
        self.total = total
        self.exhausted = len(self.rows) < PAGE
        self.endResetModel()

    def reload(self) -> None:
        """Fetch again after the archive changed, keeping as many rows as were loaded."""
        wanted = max(len(self.rows), PAGE)
        rows, total = self._first(wanted)
        self.beginResetModel()
        self.rows = list(rows)
        self.total = total
        self.exhausted = len(self.rows) < wanted
        self.endResetModel()

    def row_of(self, record_id: str) -> int:
        """The row showing `record_id` among those fetched, or -1."""
        for number, row in enumerate(self.rows):
            if self._id(row) == record_id:
                return number
        return -1


class AccountColumn(IntEnum):
    TIER = 0
    KEY = 1
    NAME = 2
    OWNER = 3
    CITY = 4
    LAST_VISIT = 5
    NEXT_DUE = 6
    OPEN_ISSUES = 7


ACCOUNT_SORTS = {
    AccountColumn.TIER: AccountSort.TIER,
    AccountColumn.NAME: AccountSort.NAME,
    AccountColumn.OWNER: AccountSort.OWNER,
    AccountColumn.CITY: AccountSort.CITY,
    AccountColumn.LAST_VISIT: AccountSort.LAST_VISIT,
    AccountColumn.NEXT_DUE: AccountSort.NEXT_DUE,
    AccountColumn.OPEN_ISSUES: AccountSort.OPEN_ISSUES,
}


class AccountTableModel(_LazyModel[AccountListRow, AccountQuery]):
    """The accounts list."""

    columns = len(AccountColumn)

    def __init__(self, wb: Workbench, query: AccountQuery | None = None) -> None:
        super().__init__(query or AccountQuery())
        self.wb = wb

    def _fetch(self, offset: int, limit: int) -> Sequence[AccountListRow]:
        return self.wb.account_page(self.query, offset=offset, limit=limit)

    def _first(self, limit: int) -> tuple[Sequence[AccountListRow], int]:
        return self.wb.account_first_page(self.query, limit=limit)

    def _headers(self) -> Sequence[str]:
        return (
            _("Tier"),
            _("Key"),
            _("Account"),
            _("Owner"),
            _("City"),
            _("Last visit"),
            _("Next visit due"),
            _("Open issues"),
        )

    def _display(self, row: AccountListRow, column: int) -> str:
        match column:
            case AccountColumn.TIER:
                return row.tier.value if row.tier else "–"
            case AccountColumn.KEY:
                return "★" if row.is_key_account else ""
            case AccountColumn.NAME:
                return row.name
            case AccountColumn.OWNER:
                return row.owner
            case AccountColumn.CITY:
                return row.city
            case AccountColumn.LAST_VISIT:
                return day(row.last_visit)
            case AccountColumn.NEXT_DUE:
                text = day(row.next_visit_due)
                if row.overdue_days > 0:
                    text += " " + _("({n} days overdue)").format(n=row.overdue_days)
                return text
            case AccountColumn.OPEN_ISSUES:
                return str(row.open_issues) if row.open_issues else ""
        return ""

    def _decorate(self, row: AccountListRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == AccountColumn.TIER and row.tier:
                return QBrush(QColor("white"))
            if column == AccountColumn.NEXT_DUE and row.overdue_days > 0:
                return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.BackgroundRole and column == AccountColumn.TIER and row.tier:
            return QBrush(TIER_COLOURS[row.tier.value])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            AccountColumn.TIER,
            AccountColumn.KEY,
            AccountColumn.OPEN_ISSUES,
        ):
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == AccountColumn.KEY and row.is_key_account:
                return _("Key account")
            if column == AccountColumn.TIER and row.tier is None:
                return _("Not ranked yet")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = ACCOUNT_SORTS.get(AccountColumn(column)) if column in ACCOUNT_SORTS else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.resort(replace(self.query, sort=key, descending=descending))


class ContactColumn(IntEnum):
    NAME = 0
    ACCOUNT = 1
    TITLE = 2
    LEVEL = 3
    ATTITUDE = 4
    STRENGTH = 5
    PHONE = 6


CONTACT_SORTS = {
    ContactColumn.NAME: ContactSort.NAME,
    ContactColumn.ACCOUNT: ContactSort.ACCOUNT,
    ContactColumn.TITLE: ContactSort.TITLE,
    ContactColumn.LEVEL: ContactSort.LEVEL,
    ContactColumn.STRENGTH: ContactSort.STRENGTH,
}


class ContactTableModel(_LazyModel[ContactListRow, ContactQuery]):
    """The contacts list, across accounts or within one."""

    columns = len(ContactColumn)

    def __init__(self, wb: Workbench, query: ContactQuery | None = None) -> None:
        super().__init__(query or ContactQuery())
        self.wb = wb

    def _fetch(self, offset: int, limit: int) -> Sequence[ContactListRow]:
        return self.wb.contact_page(self.query, offset=offset, limit=limit)

    def _first(self, limit: int) -> tuple[Sequence[ContactListRow], int]:
        return self.wb.contact_first_page(self.query, limit=limit)

    def _headers(self) -> Sequence[str]:
        return (
            _("Name"),
            _("Account"),
            _("Title"),
            _("Level"),
            _("Attitude"),
            _("Strength"),
            _("Phone"),
        )

    def _display(self, row: ContactListRow, column: int) -> str:
        match column:
            case ContactColumn.NAME:
                return row.name
            case ContactColumn.ACCOUNT:
                return row.account_name
            case ContactColumn.TITLE:
                return row.title
            case ContactColumn.LEVEL:
                return label(row.level)
            case ContactColumn.ATTITUDE:
                return label(row.attitude)
            case ContactColumn.STRENGTH:
                return "●" * row.strength if row.strength else ""
            case ContactColumn.PHONE:
                return row.phone
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = CONTACT_SORTS.get(ContactColumn(column)) if column in CONTACT_SORTS else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.resort(replace(self.query, sort=key, descending=descending))
