"""The start page: what is coming up in the next days, grouped by kind, overdue first, each with
the one thing to do about it (log a greeting, log a visit, open the account)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.i18n import _
from kamdesk.services.agenda import MAX_DAYS, AgendaItem
from kamdesk.ui.agenda_view import (
    ActionButtons,
    AgendaActions,
    AgendaTree,
    Latest,
    Today,
    day_heading,
    read_at_once,
)
from kamdesk.ui.context import Context
from kamdesk.ui.page import Page

DAYS_KEY = "today/days"
DEFAULT_DAYS = 14
DAYS_PAUSE_MS = 300
"""The agenda is read again once the days box has stood still this long."""


class TodayPage(Page):
    """Anniversaries, festivals, renewals, follow-ups, visits and issues due in the next N days."""

    loaded = Signal()

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, today: Today | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today
        self._requested = False
        self.heading = QLabel()
        self.heading.setObjectName("today-heading")
        font = self.heading.font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.days = QSpinBox()
        self.days.setObjectName("today-days")
        self.days.setRange(1, MAX_DAYS)
        self.days.setValue(self._remembered_days())
        self.days.setSuffix(_(" days"))
        self.days.setToolTip(_("How many days ahead the list looks"))
        self.summary = QLabel()
        self.handler = AgendaActions(ctx, self, self.today)
        self.tree = AgendaTree(self.handler)
        self.tree.setObjectName("today-agenda")
        self.buttons = ActionButtons(self.tree)
        self.message = QLabel()
        self.message.setObjectName("today-message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.message)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(_("Look ahead")))
        top.addWidget(self.days)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.buttons)

        self.loader = Latest(self)
        self.loader.delivered.connect(self._show)
        self.loader.failed.connect(self._failed)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(DAYS_PAUSE_MS)
        self.pause.timeout.connect(self.refresh)
        self.days.valueChanged.connect(self._days_changed)

    def title(self) -> str:
        return _("Today")

    def _remembered_days(self) -> int:
        try:
            value = int(str(self.ctx.settings.value(DAYS_KEY, DEFAULT_DAYS)))
        except (TypeError, ValueError):
            value = DEFAULT_DAYS
        return min(max(value, 1), MAX_DAYS)

    def _days_changed(self, value: int) -> None:
        self.ctx.settings.setValue(DAYS_KEY, value)
        self.pause.start()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._requested:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the agenda again: in the background, except a small archive's first read."""
        first, self._requested = not self._requested, True
        self.pause.stop()
        start, days = self.today(), self.days.value()
        wb = self.ctx.wb
        self.heading.setText(_("Today, {d}").format(d=day_heading(start)))
        self.summary.setText(_("Reading the agenda…"))

        def work() -> tuple[date, int, bool, list[AgendaItem]]:
            return start, days, wb.accounts.count() == 0, wb.agenda.agenda(start, days)

        self.loader.run(work, now=first and read_at_once(self.ctx))

    def _show(self, result: tuple[date, int, bool, list[AgendaItem]]) -> None:
        start, days, empty, items = result
        if empty:
            self.summary.clear()
            self.message.setText(
                _(
                    "Your archive has no customers yet. Add your first account on the Accounts "
                    "page (Ctrl+N), or load sample data from the File menu: birthdays, "
                    "follow-ups, visits due and open issues will then show up here."
                )
            )
            self.stack.setCurrentWidget(self.message)
            self.tree.show_items([], start)
        elif not items:
            self.summary.clear()
            self.message.setText(_("Nothing on the agenda for the next {n} days.").format(n=days))
            self.stack.setCurrentWidget(self.message)
            self.tree.show_items([], start)
        else:
            late = sum(1 for i in items if i.overdue)
            text = _("{n} things in the next {d} days").format(n=len(items), d=days)
            if late:
                text += " · " + _("{n} overdue").format(n=late)
            self.summary.setText(text)
            self.tree.show_items(items, start)
            self.stack.setCurrentWidget(self.tree)
        self.buttons.update_buttons()
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.summary.setText(_("The agenda could not be read: {e}").format(e=message))
        self.loaded.emit()

    def focus_search(self) -> None:
        self.tree.setFocus()
