"""The accounts list: type-ahead search, filters, sorting in SQL, and a lazy model that scales
to 100,000 rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.enums import AccountStatus, Tier
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.services.lists import AccountQuery
from kamdesk.ui.context import Context, creation, deletion
from kamdesk.ui.forms import FormDialog
from kamdesk.ui.models import ID_ROLE, AccountColumn, AccountTableModel
from kamdesk.ui.page import Page
from kamdesk.ui.printing import BatchPrintDialog
from kamdesk.ui.record_fields import account_fields

TYPING_PAUSE_MS = 0
"""Search runs once the keys already typed are handled: keystrokes queued behind a search
are taken together, so typing never waits on a search per letter."""


class AccountsPage(Page):
    printable = True

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.search.setObjectName("account-search")
        self.search.setPlaceholderText(_("Search: name, pinyin, initials or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.tier = QComboBox()
        self.tier.addItem(_("All tiers"), None)
        for tier in Tier:
            self.tier.addItem(_("Tier {t}").format(t=tier.value), tier)
        self.status = QComboBox()
        self.status.addItem(_("Any status"), None)
        for status in AccountStatus:
            self.status.addItem(label(status), status)
        self.region = QComboBox()
        self.owner = QComboBox()
        self.overdue = QCheckBox(_("Overdue visits"))
        self.key_only = QCheckBox(_("Key accounts"))
        self.count = QLabel()
        new = QPushButton(_("New account…"))
        new.clicked.connect(self.new_record)

        self.model = AccountTableModel(ctx.wb)
        self.view = QTableView()
        self.view.setObjectName("accounts")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(
            AccountColumn.NAME, Qt.SortOrder.AscendingOrder
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(AccountColumn.NAME, QHeaderView.ResizeMode.Stretch)
        # Fixed widths: sizing columns to their contents would read every fetched row per paint.
        for column, width in ((AccountColumn.TIER, 44), (AccountColumn.KEY, 40)):
            header.resizeSection(column, width)
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (self.tier, self.status, self.region, self.owner):
            filters.addWidget(widget, 1)
        filters.addWidget(self.overdue)
        filters.addWidget(self.key_only)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        print_button = QPushButton(_("Print…"))
        print_button.setObjectName("accounts-print")
        print_button.setToolTip(_("Dossiers or service plans of many accounts (Ctrl+P)"))
        print_button.clicked.connect(self.print_document)
        footer.addWidget(print_button)
        footer.addWidget(new)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(footer)

        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self.pause.start)
        self.search.returnPressed.connect(self._enter)
        for combo in (self.tier, self.status, self.region, self.owner):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.overdue.toggled.connect(self.apply_filters)
        self.key_only.toggled.connect(self.apply_filters)
        self._load_choices()
        self.apply_filters()

    def title(self) -> str:
        return _("Accounts")

    def _load_choices(self) -> None:
        owners, regions = self.ctx.wb.account_choices()
        for combo, everything, items in (
            (self.region, _("All regions"), regions),
            (self.owner, _("All owners"), owners),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for item in items:
                combo.addItem(item, item)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def current_query(self) -> AccountQuery:
        return replace(
            self.model.query,
            text=self.search.text(),
            tier=self.tier.currentData(),
            status=self.status.currentData(),
            region=self.region.currentData() or "",
            owner=self.owner.currentData() or "",
            overdue_only=self.overdue.isChecked(),
            key_only=self.key_only.isChecked(),
        )

    def apply_filters(self) -> None:
        self.pause.stop()
        query = self.current_query()
        self.model.set_query(query)
        self.count.setText(_("{n} accounts").format(n=self.model.total))

    def refresh(self) -> None:
        self._load_choices()
        selected = self.selected_id()
        self.model.reload()
        self.count.setText(_("{n} accounts").format(n=self.model.total))
        if selected:
            row = self.model.row_of(selected)
            if row >= 0:
                self.view.selectRow(row)

    def listed_ids(self) -> list[str]:
        """Every account the list shows with its current filters, in its order."""
        return self.ctx.wb.account_ids(self.current_query())

    def print_dialog(self) -> BatchPrintDialog:
        return BatchPrintDialog(
            self.ctx.wb, self.ctx.settings, self.listed_ids, self.selected_id(), date.today(), self
        )

    def print_document(self) -> None:
        """Print dossiers or plans of many accounts (File → Print, Ctrl+P)."""
        self.print_dialog().exec()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def selected_id(self) -> str | None:
        index = self.view.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ctx.notifier.open_account.emit(str(index.data(ID_ROLE)))

    def _enter(self) -> None:
        """Enter in the search box opens the first match."""
        self.apply_filters()
        if self.model.rowCount() > 0:
            self.view.selectRow(0)
            self._open(self.model.index(0, AccountColumn.NAME))

    def new_record(self) -> None:
        wb = self.ctx.wb

        def submit(values: dict[str, object]) -> object:
            change = creation(
                self.ctx, _("New account"), lambda: wb.accounts.create(**values), wb.accounts
            )
            return self.ctx.commit(change)

        dialog = FormDialog(
            self, _("New account"), account_fields(), submit, {"status": AccountStatus.ACTIVE}
        )
        if dialog.exec() and dialog.result_value is not None:
            self.ctx.notifier.open_account.emit(dialog.result_value.id)

    def delete_selected(self) -> None:
        record_id = self.selected_id()
        if not record_id:
            return
        name = self.model.rows[self.view.currentIndex().row()].name
        answer = QMessageBox.question(
            self,
            _("Delete account"),
            _("Delete {name} with its contacts, visits and issues? (Ctrl+Z brings it back)").format(
                name=name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.ctx.run(
                self,
                deletion(self.ctx, _("Delete {n}").format(n=name), self.ctx.wb.accounts, record_id),
            )
