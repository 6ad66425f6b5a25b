"""The calendar: a month in which days with agenda items are marked with their count, lunar day
names and festivals are written in the cells, the chosen day's items are listed with the same
one-click actions as Today, and the calendar file (.ics) is exported."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QDate, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QShowEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.calendar_days import festivals_between
from kamdesk.domain.lunar import lunar_day
from kamdesk.domain.settings import CALENDAR_YEARS
from kamdesk.i18n import _
from kamdesk.interchange.ical import write_calendar
from kamdesk.services.agenda import FESTIVAL, AgendaItem, AgendaService
from kamdesk.services.workbench import Workbench
from kamdesk.ui.agenda_view import (
    FIRST_DAY,
    LAST_DAY,
    LINK,
    OVERDUE,
    ActionButtons,
    AgendaActions,
    AgendaTree,
    Latest,
    Today,
    day_heading,
    read_at_once,
)
from kamdesk.ui.context import Context
from kamdesk.ui.errors import show_error
from kamdesk.ui.fmt import qdate
from kamdesk.ui.greeting_dialog import plain_date
from kamdesk.ui.ops import Op, Progress
from kamdesk.ui.page import Page

FOLDER_KEY = "calendar/folder"
MAX_CALENDAR_YEARS = 30


def month_window(year: int, month: int) -> tuple[date, int]:
    """The first day and length of the agenda window a month view needs: a week either side,
    so that the days of the neighbouring months shown in the grid are marked too."""
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    start = max(first - timedelta(days=7), FIRST_DAY)
    end = min(following + timedelta(days=13), LAST_DAY)
    return start, (end - start).days + 1


def calendar_items(wb: Workbench, start: date, days: int, today: date) -> list[AgendaItem]:
    """The agenda of a month view, every item on its own day.

    From today on it is the agenda as Today reads it. Days before today come without the
    cadence's visits due (as of today those are overdue, and Today lists them). Items dated
    before the window (overdue) are left out: they have no day in it.
    """
    end = start + timedelta(days=days - 1)
    items: list[AgendaItem] = []
    if start < today:
        last = min(end, today - timedelta(days=1))
        without_cadence = AgendaService(wb.archive, wb.settings)
        items += without_cadence.agenda(start, (last - start).days + 1)
    if end >= today:
        first = max(start, today)
        items += wb.agenda.agenda(first, (end - first).days + 1)
    return [i for i in items if not i.overdue]


@lru_cache(maxsize=1024)
def cell_text(on: date) -> str:
    """What a day's cell says under its number: a festival, a solar term (节气), the lunar
    month on its first day (八月), otherwise the lunar day (十五)."""
    if not FIRST_DAY <= on <= LAST_DAY:
        return ""
    festivals = festivals_between(on, on)
    if festivals:
        return festivals[0][1].name_zh
    lunar = lunar_day(on)
    if lunar.solar_term:
        return lunar.solar_term
    return lunar.month_name if lunar.day == 1 else lunar.day_name


class AgendaCalendar(QCalendarWidget):
    """A month view whose days with agenda items are bold with their count in a corner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counts: dict[date, int] = {}
        self.festival_days: set[date] = set()
        self.setGridVisible(True)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setDateRange(qdate(FIRST_DAY), qdate(LAST_DAY))
        self.setMinimumSize(460, 380)

    def set_items(self, items: list[AgendaItem]) -> None:
        """Mark the days of `items`: bold with a count, festivals in red."""
        self.counts = dict(Counter(i.on for i in items))
        self.festival_days = {i.on for i in items if i.kind == FESTIVAL}
        self.setDateTextFormat(QDate(), QTextCharFormat())  # forget the old marks
        for on in self.counts:
            mark = QTextCharFormat()
            mark.setFontWeight(QFont.Weight.Bold)
            mark.setForeground(OVERDUE if on in self.festival_days else LINK)
            self.setDateTextFormat(qdate(on), mark)
        self.updateCells()

    def is_marked(self, on: date) -> bool:
        return self.dateTextFormat(qdate(on)).fontWeight() == QFont.Weight.Bold

    def paintCell(self, painter: QPainter, rect: QRect, day: QDate) -> None:
        super().paintCell(painter, rect, day)
        on = plain_date(day)
        painter.save()
        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.75)
        painter.setFont(small)
        line = painter.fontMetrics().height()
        count = self.counts.get(on)
        if count:
            badge = QRectF(rect.right() - line * 1.6, rect.top() + 2, line * 1.5, line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(OVERDUE if on in self.festival_days else LINK)
            painter.drawRoundedRect(badge, line / 2, line / 2)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, str(count))
        if rect.height() >= line * 2.6:
            painter.setPen(self.palette().placeholderText().color())
            below = QRectF(rect.left(), rect.bottom() - line - 2, rect.width(), line)
            painter.drawText(below, Qt.AlignmentFlag.AlignCenter, cell_text(on))
        painter.restore()


class CalendarExport(QWidget):
    """Export calendar (.ics): asks for a file and writes the anniversaries and follow-ups."""

    exported = Signal(int, str)  # events written, file

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, today: Today | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today
        self.button = QPushButton(_("Export calendar (.ics)…"))
        self.button.setObjectName("export-calendar")
        self.button.setToolTip(
            _(
                "Anniversaries (lunar ones as dated events) and planned follow-ups, for Outlook, "
                "Google Calendar or a phone; exporting again updates the same events."
            )
        )
        self.years = QSpinBox()
        self.years.setRange(1, MAX_CALENDAR_YEARS)
        self.years.setValue(int(ctx.wb.settings.get(CALENDAR_YEARS)))
        self.years.setSuffix(_(" years"))
        self.years.setToolTip(_("Lunar days move every year: how many years of them to write"))
        self.sensitive = QCheckBox(_("Include family members' names"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(QLabel(_("Lunar dates for")))
        row.addWidget(self.years)
        row.addWidget(self.sensitive)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.result)
        self.button.clicked.connect(self.export)

    def export(self) -> None:
        folder = Path(str(self.ctx.settings.value(FOLDER_KEY, "") or Path.home()))
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export calendar"),
            str(folder / "kamdesk-calendar.ics"),
            _("iCalendar files (*.ics)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".ics":
            target = target.with_name(target.name + ".ics")
        self.ctx.settings.setValue(FOLDER_KEY, str(target.parent))
        wb, today = self.ctx.wb, self.today()
        years, sensitive = self.years.value(), self.sensitive.isChecked()

        def work(_progress: Progress) -> int:
            return write_calendar(wb, target, today, years, include_sensitive=sensitive)

        def done(count: int) -> None:
            self.button.setEnabled(True)
            self.result.setText(_("{n} events written to {p}").format(n=count, p=target))
            self.exported.emit(count, str(target))

        self.button.setEnabled(False)
        Op(self, _("Writing the calendar…"), work).on_success(done).on_failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self.button.setEnabled(True)
        show_error(self, exc)


class CalendarPage(Page):
    """One month at a time; the chosen day's items below the heading on the right."""

    loaded = Signal()

    def __init__(
        self, ctx: Context, parent: QWidget | None = None, today: Today | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.today = today or date.today
        self._requested = False
        self.items: list[AgendaItem] = []
        self.by_day: dict[date, list[AgendaItem]] = {}
        self.calendar = AgendaCalendar()
        self.calendar.setObjectName("calendar")
        start = self.today()
        self.calendar.setSelectedDate(qdate(start))
        self.calendar.setCurrentPage(start.year, start.month)
        self.heading = QLabel()
        self.heading.setObjectName("calendar-day")
        self.heading.setWordWrap(True)
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.handler = AgendaActions(ctx, self, self.today)
        self.tree = AgendaTree(self.handler)
        self.tree.setObjectName("calendar-agenda")
        self.buttons = ActionButtons(self.tree)
        self.nothing = QLabel()
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setWordWrap(True)
        self.day_stack = QStackedWidget()
        self.day_stack.addWidget(self.tree)
        self.day_stack.addWidget(self.nothing)
        self.status = QLabel()
        self.export_box = CalendarExport(ctx, today=self.today)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.day_stack, 1)
        column.addWidget(self.buttons)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.calendar)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.export_box)

        self.loader = Latest(self)
        self.loader.delivered.connect(self._show)
        self.loader.failed.connect(self._failed)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.refresh())
        self.calendar.selectionChanged.connect(self.show_day)

    def title(self) -> str:
        return _("Calendar")

    def showEvent(self, event: QShowEvent) -> None:
        if not self._requested:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Read the agenda of the month shown (and a week either side) in the background."""
        first, self._requested = not self._requested, True
        start, days = month_window(self.calendar.yearShown(), self.calendar.monthShown())
        wb = self.ctx.wb
        self.status.setText(_("Reading the agenda…"))
        today = self.today()
        self.loader.run(
            lambda: calendar_items(wb, start, days, today), now=first and read_at_once(self.ctx)
        )

    def _show(self, items: list[AgendaItem]) -> None:
        self.items = items
        self.by_day = defaultdict(list)
        for item in self.items:
            self.by_day[item.on].append(item)
        self.calendar.set_items(self.items)
        self.status.clear()
        self.show_day()
        self.loaded.emit()

    def _failed(self, message: str) -> None:
        self.status.setText(_("The agenda could not be read: {e}").format(e=message))
        self.loaded.emit()

    def selected_day(self) -> date:
        return plain_date(self.calendar.selectedDate())

    def show_day(self) -> None:
        """List the chosen day's items."""
        on = self.selected_day()
        self.heading.setText(day_heading(on))
        items = self.by_day.get(on, [])
        self.tree.show_items(items, self.today())
        if items:
            self.day_stack.setCurrentWidget(self.tree)
        else:
            self.nothing.setText(_("Nothing on this day."))
            self.day_stack.setCurrentWidget(self.nothing)
        self.buttons.update_buttons()

    def focus_search(self) -> None:
        self.calendar.setFocus()
