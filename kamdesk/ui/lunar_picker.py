"""Entering a lunar (农历) day the way a Chinese calendar writes it: 正月…腊月 with 闰 months only
where the chosen year has one, 初一…三十 only as far as that month goes, and this year's solar
date shown as you pick."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from kamdesk.domain.calendar_days import (
    Occurrence,
    Recurring,
    occurrence,
)
from kamdesk.domain.day_words import MONTH_NAMES, day_name, lunar_name, rule_note, written
from kamdesk.domain.enums import CalendarKind
from kamdesk.domain.lunar import (
    FIRST_YEAR,
    LAST_YEAR,
    days_in_month,
    leap_month_of,
    lunar_date_problem,
)
from kamdesk.i18n import _
from kamdesk.ui.fmt import day as day_text

__all__ = [
    "MONTH_NAMES",
    "LunarChoice",
    "LunarDatePicker",
    "day_name",
    "lunar_name",
    "rule_note",
    "written",
]

NO_YEAR = FIRST_YEAR - 1
"""The year box at this value means the year is not known."""


def leap_possible(month: int, year: int | None) -> bool:
    """Whether a 闰 month of this number can be chosen: in that year, or in some year."""
    if year is None:
        return lunar_date_problem(month, 1, True, None) is None
    return leap_month_of(year) == month


def month_length(month: int, leap: bool, year: int | None) -> int:
    """Days to offer for a lunar month: its length in `year`, or 30 when the year is unknown."""
    if year is None:
        return 30
    return days_in_month(year, month, leap)


@dataclass(frozen=True)
class LunarChoice:
    """What the picker holds."""

    month: int
    day: int
    leap: bool
    year: int | None


def _code(month: int, leap: bool) -> int:
    return month + (100 if leap else 0)


class YearBox(QSpinBox):
    """An optional year: the lowest value reads as 'year unknown'."""

    def __init__(self, today: date, lowest: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(lowest, min(LAST_YEAR, today.year + 1))
        self.setSpecialValueText(_("year unknown"))
        self.setValue(lowest)
        self.setToolTip(_("The year it began (a birth year, a wedding year), if known"))

    def year(self) -> int | None:
        return None if self.value() == self.minimum() else self.value()

    def set_year(self, year: int | None) -> None:
        self.setValue(year if year is not None else self.minimum())


class LunarDatePicker(QWidget):
    """Year (optional), lunar month (with 闰 where it exists) and day, and this year's date."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.year = YearBox(self.today, NO_YEAR)
        self.year.setObjectName("lunar-year")
        self.month = QComboBox()
        self.month.setObjectName("lunar-month")
        self.day = QComboBox()
        self.day.setObjectName("lunar-day")
        self.resolved = QLabel()
        self.resolved.setObjectName("lunar-resolved")
        self.resolved.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year, 2)
        row.addWidget(self.month, 2)
        row.addWidget(self.day, 2)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.resolved)
        self._fill_months(1, False)
        self._fill_days(1)
        self.year.valueChanged.connect(self._year_changed)
        self.month.currentIndexChanged.connect(self._month_changed)
        self.day.currentIndexChanged.connect(self._day_changed)
        self._show_resolved()

    # what the picker holds ---------------------------------------------------------------------
    def value(self) -> LunarChoice:
        code = int(self.month.currentData())
        return LunarChoice(code % 100, int(self.day.currentData()), code >= 100, self.year.year())

    def set_value(self, month: int, day: int, leap: bool = False, year: int | None = None) -> None:
        """Show a stored lunar day (a 闰 month the year lacks is shown as the ordinary month)."""
        for widget in (self.year, self.month, self.day):
            widget.blockSignals(True)
        self.year.set_year(year)
        self._fill_months(month, leap)
        self._fill_days(day)
        for widget in (self.year, self.month, self.day):
            widget.blockSignals(False)
        self._show_resolved()
        self.changed.emit()

    def month_texts(self) -> list[str]:
        return [self.month.itemText(i) for i in range(self.month.count())]

    def day_count(self) -> int:
        return self.day.count()

    def this_year(self) -> Occurrence | None:
        """Where the chosen day falls in the current (lunar) year."""
        chosen = self.value()
        if not FIRST_YEAR <= self.today.year <= LAST_YEAR:
            return None
        day = Recurring(CalendarKind.LUNAR, chosen.month, chosen.day, chosen.leap)
        return occurrence(day, self.today.year)

    # keeping the lists right -------------------------------------------------------------------
    def _fill_months(self, month: int, leap: bool) -> None:
        year = self.year.year()
        self.month.blockSignals(True)
        self.month.clear()
        for number, name in enumerate(MONTH_NAMES, start=1):
            self.month.addItem(name, _code(number, False))
            if leap_possible(number, year):
                self.month.addItem("闰" + name, _code(number, True))
                self.month.setItemData(
                    self.month.count() - 1,
                    _("{y} has a leap {m}").format(y=year, m=name)
                    if year
                    else _("a leap month: only some years have it"),
                    Qt.ItemDataRole.ToolTipRole,
                )
        found = self.month.findData(_code(month, leap))
        if found < 0:
            found = self.month.findData(_code(month, False))
        self.month.setCurrentIndex(max(found, 0))
        self.month.blockSignals(False)

    def _fill_days(self, day: int) -> None:
        chosen = int(self.month.currentData())
        length = month_length(chosen % 100, chosen >= 100, self.year.year())
        self.day.blockSignals(True)
        self.day.clear()
        for number in range(1, length + 1):
            self.day.addItem(day_name(number), number)
        self.day.setCurrentIndex(min(max(day, 1), length) - 1)
        self.day.blockSignals(False)

    def _year_changed(self) -> None:
        current = self.value()
        self._fill_months(current.month, current.leap)
        self._fill_days(current.day)
        self._show_resolved()
        self.changed.emit()

    def _month_changed(self) -> None:
        self._fill_days(int(self.day.currentData() or 1))
        self._show_resolved()
        self.changed.emit()

    def _day_changed(self) -> None:
        self._show_resolved()
        self.changed.emit()

    def _show_resolved(self) -> None:
        found = self.this_year()
        if found is None:
            self.resolved.setText("")
            return
        text = _("This year: {d}").format(d=day_text(found.date))
        note = rule_note(found.rule)
        self.resolved.setText(f"{text} — {note}" if note else text)
