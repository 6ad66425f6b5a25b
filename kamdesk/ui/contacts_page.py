"""The contacts list across every account: search by name, pinyin, initials or phone."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.enums import ContactLevel
from kamdesk.domain.labels import label
from kamdesk.i18n import _
from kamdesk.ui.accounts_page import TYPING_PAUSE_MS
from kamdesk.ui.context import Context
from kamdesk.ui.models import ID_ROLE, ContactColumn, ContactTableModel
from kamdesk.ui.page import Page


class ContactsPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.search = QLineEdit()
        self.search.setObjectName("contact-search")
        self.search.setPlaceholderText(_("Search: name, pinyin, initials or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.level = QComboBox()
        self.level.addItem(_("All levels"), None)
        for level in ContactLevel:
            self.level.addItem(label(level), level)
        self.count = QLabel()
        self.model = ContactTableModel(ctx.wb)
        self.view = QTableView()
        self.view.setObjectName("contacts")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(
            ContactColumn.NAME, Qt.SortOrder.AscendingOrder
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(
            ContactColumn.ACCOUNT, QHeaderView.ResizeMode.Stretch
        )
        self.view.activated.connect(self._open)
        self.view.doubleClicked.connect(self._open)
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.level, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self.pause.start)
        self.level.currentIndexChanged.connect(self.apply_filters)
        self.apply_filters()

    def title(self) -> str:
        return _("Contacts")

    def apply_filters(self) -> None:
        self.pause.stop()
        query = replace(self.model.query, text=self.search.text(), level=self.level.currentData())
        self.model.set_query(query)
        self.count.setText(_("{n} contacts").format(n=self.model.total))

    def refresh(self) -> None:
        self.model.reload()
        self.count.setText(_("{n} contacts").format(n=self.model.total))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.ctx.notifier.open_contact.emit(str(index.data(ID_ROLE)))
