"""The agenda as the desktop shows it (Today and Calendar): items grouped by kind with counts,
overdue ones marked, and one click to do the thing each item asks for — log a greeting, log a
visit, open the account. Also `Latest`, which reads in the background and keeps only the
newest answer."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)
from shiboken6 import isValid

from kamdesk.domain.calendar_days import festivals_between
from kamdesk.domain.enums import VisitKind
from kamdesk.domain.errors import KamdeskError
from kamdesk.domain.lunar import FIRST_YEAR, LAST_YEAR, lunar_day
from kamdesk.i18n import _
from kamdesk.services.agenda import (
    ANNIVERSARY,
    FESTIVAL,
    FOLLOW_UP,
    ISSUE_DUE,
    KINDS,
    RENEWAL,
    VISIT_DUE,
    AgendaItem,
)
from kamdesk.ui.context import Change, Context
from kamdesk.ui.errors import sentence
from kamdesk.ui.fmt import day, qdate
from kamdesk.ui.forms import FormDialog
from kamdesk.ui.greeting_dialog import GreetingDialog
from kamdesk.ui.ops import Op, Progress
from kamdesk.ui.record_fields import visit_fields

log = logging.getLogger("kamdesk.ui")

OVERDUE = QColor("#c0392b")
LINK = QColor("#1f6fb2")
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
"""The position of a row's AgendaItem in the tree's list."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
"""The kind of the items under a group heading."""

READ_AT_ONCE_ACCOUNTS = 1000
"""Up to this many accounts a page's first read happens before it is shown (about 0.1 s);
larger archives are read in the background while the page says so."""
EXPANDED_UP_TO = 50
"""Groups with more items than this start folded, so every heading and its count is seen."""

GREET, VISIT, OPEN = "greet", "visit", "open"

FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)
"""The lunar tables, and so the agenda, cover these years."""

Today = Callable[[], date]
"""Gives today's date; tests pass a fixed one."""


def kind_title(kind: str) -> str:
    """The heading of a group of agenda items."""
    titles = {
        ANNIVERSARY: _("Anniversaries"),
        FESTIVAL: _("Festivals"),
        RENEWAL: _("Contract renewals"),
        FOLLOW_UP: _("Follow-ups due"),
        VISIT_DUE: _("Visits due"),
        ISSUE_DUE: _("Issues due"),
    }
    return titles.get(kind, kind)


def day_heading(on: date) -> str:
    """The chosen day in words: its date, weekday, lunar date and festivals."""
    written = QLocale().toString(qdate(on), QLocale.FormatType.LongFormat)
    parts = [written]
    if FIRST_DAY <= on <= LAST_DAY:
        lunar = lunar_day(on)
        parts.append(_("lunar {m}{d}").format(m=lunar.month_name, d=lunar.day_name))
        if lunar.solar_term:
            parts.append(lunar.solar_term)
        parts += [festival.name_zh for _on, festival in festivals_between(on, on)]
    return " · ".join(parts)


def when_text(on: date, today: date) -> str:
    """The date and how far it is from today: '2025/10/6 · in 3 days'."""
    gap = (on - today).days
    if gap == 0:
        near = _("today")
    elif gap == 1:
        near = _("tomorrow")
    elif gap > 1:
        near = _("in {n} days").format(n=gap)
    else:
        near = _("{n} days ago").format(n=-gap)
    return f"{day(on)} · {near}"


class Latest(QObject):
    """Runs loads off the GUI thread and delivers only the newest one's result, so a quick
    second refresh never shows the first one's older figures."""

    delivered = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._generation = 0
        self.busy = False

    def run(self, work: Callable[[], object], *, now: bool = False) -> None:
        """Read with `work` in the thread pool; `now`: on this thread, delivered before return
        (a page's first read of a small archive, so it never shows up empty)."""
        self._generation += 1
        generation = self._generation
        self.busy = True

        def current() -> bool:  # the page may be gone, or a newer load under way
            return isValid(self) and generation == self._generation

        def done(result: object) -> None:
            if current():
                self.busy = False
                self.delivered.emit(result)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, KamdeskError):
                log.error("a read for a page failed", exc_info=exc)
            if current():
                self.busy = False
                self.failed.emit(sentence(exc))

        if now:
            try:
                result = work()
            except Exception as exc:
                failed(exc)
            else:
                done(result)
            return

        def job(_progress: Progress) -> object:
            return work()

        Op(None, "", job, modal=False).on_success(done).on_failure(failed).run()


def read_at_once(ctx: Context) -> bool:
    """Whether a page's first read may block: the archive is small enough to read at once."""
    return ctx.wb.accounts.count() <= READ_AT_ONCE_ACCOUNTS


# actions ---------------------------------------------------------------------------------------


class AgendaActions:
    """What can be done about an agenda item, and doing it."""

    def __init__(self, ctx: Context, parent: QWidget, today: Today) -> None:
        self.ctx = ctx
        self.parent = parent
        self.today = today

    def available(self, item: AgendaItem) -> list[tuple[str, str]]:
        """(action, label) pairs, the main one first."""
        found: list[tuple[str, str]] = []
        if item.kind in (ANNIVERSARY, FESTIVAL):
            found.append((GREET, _("Log greeting…")))
        if item.kind in (FOLLOW_UP, VISIT_DUE) and item.account_id:
            found.append((VISIT, _("Log visit…")))
        if item.account_id:
            found.append((OPEN, _("Open account")))
        return found

    def primary(self, item: AgendaItem) -> tuple[str, str] | None:
        found = self.available(item)
        return found[0] if found else None

    def run(self, action: str, item: AgendaItem) -> None:
        if action == GREET:
            self.log_greeting(item)
        elif action == VISIT:
            self.log_visit(item)
        elif action == OPEN and item.account_id:
            self.ctx.notifier.open_account.emit(item.account_id)

    def log_greeting(self, item: AgendaItem) -> GreetingDialog:
        dialog = GreetingDialog(self.ctx, self.parent, item, self.today())
        dialog.open()
        return dialog

    def log_visit(self, item: AgendaItem) -> None:
        """The account page's own New visit where there is one, else a short visit form."""
        account_id = item.account_id
        if account_id is None:
            return
        page = getattr(self.parent.window(), "account_page", None)
        if page is not None and hasattr(page, "new_visit"):
            self.ctx.notifier.open_account.emit(account_id)
            page.new_visit()
            return
        dialog = self.visit_dialog(item)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def visit_dialog(self, item: AgendaItem) -> FormDialog:
        account_id = item.account_id
        assert account_id is not None
        wb = self.ctx.wb
        made: dict[str, str] = {}

        def submit(values: dict[str, Any]) -> object:
            given = {k: v for k, v in values.items() if v not in (None, "", [])}

            def do() -> object:
                if "id" in made:
                    return wb.visits.restore(made["id"])
                visit = wb.visits.log(account_id, (), **given)
                made["id"] = visit.id
                return visit

            def undo() -> object:
                return wb.visits.delete(made["id"])

            text = _("Log visit: {a}").format(a=item.title)
            return self.ctx.commit(Change(text, do, undo, self.ctx.notifier))

        return FormDialog(
            self.parent,
            _("New visit — {what}").format(what=item.title),
            visit_fields(),
            submit,
            {"kind": VisitKind.ON_SITE},
        )


# the list ---------------------------------------------------------------------------------------


class AgendaColumn(IntEnum):
    WHEN = 0
    WHAT = 1
    DETAIL = 2
    ACTION = 3


class AgendaTree(QTreeWidget):
    """Agenda items grouped by kind with counts; clicking the action column does it."""

    def __init__(self, actions: AgendaActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.handler = actions
        self.items: list[AgendaItem] = []
        self.setColumnCount(len(AgendaColumn))
        self.setHeaderLabels([_("When"), _("What"), _("Detail"), _("Action")])
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(AgendaColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AgendaColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        widest = "⚠ " + when_text(date(2026, 12, 30), date(2027, 12, 31))  # a long date, 366 days
        metrics = self.fontMetrics()
        header.resizeSection(AgendaColumn.WHEN, metrics.horizontalAdvance(widest) + 48)
        header.resizeSection(
            AgendaColumn.ACTION, metrics.horizontalAdvance(_("Log greeting…")) + 24
        )
        self.itemClicked.connect(self._clicked)
        self.itemDoubleClicked.connect(self._double_clicked)
        self.customContextMenuRequested.connect(self._menu)

    def show_items(self, items: Sequence[AgendaItem], today: date) -> None:
        """Replace the rows: one group per kind in agenda order, overdue first, then by date.

        The selected item and each group's folding stay as they were when the list is read
        again (after a change, say), so the manager does not lose their place.
        """
        chosen = self.selected()
        folding = {
            str(group.data(0, KIND_ROLE)): group.isExpanded()
            for n in range(self.topLevelItemCount())
            if (group := self.topLevelItem(n)) is not None
        }
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            order = sorted(range(len(items)), key=lambda i: (not items[i].overdue, items[i].on))
            self.items = [items[i] for i in order]
            groups: dict[str, list[int]] = {}
            for index, item in enumerate(self.items):
                groups.setdefault(item.kind, []).append(index)
            bold = QFont(self.font())
            bold.setBold(True)
            underline = QFont(self.font())
            underline.setUnderline(True)
            for kind in sorted(groups, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS)):
                members = groups[kind]
                late = sum(1 for i in members if self.items[i].overdue)
                heading = f"{kind_title(kind)} ({len(members)})"
                if late:
                    heading = _("{kind} ({n}, {late} overdue)").format(
                        kind=kind_title(kind), n=len(members), late=late
                    )
                group = QTreeWidgetItem(self, [heading])
                group.setData(0, KIND_ROLE, kind)
                group.setFirstColumnSpanned(True)
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                for index in members:
                    row = self._row(group, index, today, underline)
                    if chosen is not None and self.items[index] == chosen:
                        self.setCurrentItem(row)
                group.setExpanded(folding.get(kind, len(members) <= EXPANDED_UP_TO))
        finally:
            self.setUpdatesEnabled(True)

    def _row(
        self, group: QTreeWidgetItem, index: int, today: date, link_font: QFont
    ) -> QTreeWidgetItem:
        item = self.items[index]
        main = self.handler.primary(item)
        when = when_text(item.on, today)
        if item.overdue:
            when = "⚠ " + when
        row = QTreeWidgetItem(group, [when, item.title, item.detail, main[1] if main else ""])
        row.setData(AgendaColumn.WHEN, ITEM_ROLE, index)
        row.setToolTip(AgendaColumn.DETAIL, item.detail)
        row.setToolTip(AgendaColumn.WHAT, item.title)
        if item.overdue:
            row.setToolTip(AgendaColumn.WHEN, _("Overdue"))
            for column in (AgendaColumn.WHEN, AgendaColumn.WHAT):
                row.setForeground(column, QBrush(OVERDUE))
        if main:
            row.setForeground(AgendaColumn.ACTION, QBrush(LINK))
            row.setFont(AgendaColumn.ACTION, link_font)
        return row

    def item_of(self, row: QTreeWidgetItem | None) -> AgendaItem | None:
        if row is None:
            return None
        index = row.data(AgendaColumn.WHEN, ITEM_ROLE)
        return self.items[index] if isinstance(index, int) else None

    def selected(self) -> AgendaItem | None:
        return self.item_of(self.currentItem())

    def rows(self) -> list[QTreeWidgetItem]:
        """Every item row (not the group headings), top to bottom."""
        found: list[QTreeWidgetItem] = []
        for number in range(self.topLevelItemCount()):
            group = self.topLevelItem(number)
            if group is not None:
                found += [c for n in range(group.childCount()) if (c := group.child(n))]
        return found

    def _clicked(self, row: QTreeWidgetItem, column: int) -> None:
        item = self.item_of(row)
        if item is not None and column == AgendaColumn.ACTION:
            main = self.handler.primary(item)
            if main:
                self.handler.run(main[0], item)

    def _double_clicked(self, row: QTreeWidgetItem, column: int) -> None:
        item = self.item_of(row)
        if item is not None and column != AgendaColumn.ACTION and item.account_id:
            self.handler.run(OPEN, item)

    def _menu(self, where: QPoint) -> None:
        item = self.item_of(self.itemAt(where))
        if item is None:
            return
        menu = QMenu(self)
        for action, text in self.handler.available(item):
            menu.addAction(text).setData(action)
        chosen = menu.exec(self.viewport().mapToGlobal(where))
        if chosen is not None:
            self.handler.run(str(chosen.data()), item)


class ActionButtons(QWidget):
    """Buttons for the actions of the selected agenda item."""

    def __init__(self, tree: AgendaTree, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = tree
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for action, text in (
            (GREET, _("Log greeting…")),
            (VISIT, _("Log visit…")),
            (OPEN, _("Open account")),
        ):
            button = QPushButton(text)
            button.setEnabled(False)
            button.clicked.connect(lambda _checked=False, a=action: self._run(a))
            row.addWidget(button)
            self.buttons[action] = button
        row.addStretch(1)
        tree.currentItemChanged.connect(self.update_buttons)

    def update_buttons(self) -> None:
        item = self.tree.selected()
        allowed = {a for a, _text in self.tree.handler.available(item)} if item else set()
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed)

    def _run(self, action: str) -> None:
        item = self.tree.selected()
        if item is not None:
            self.tree.handler.run(action, item)
