"""The lunar date picker offers only days that exist and shows where the day falls this year."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from kamdesk.domain.calendar_days import Recurring, occurrence
from kamdesk.domain.enums import CalendarKind
from kamdesk.domain.lunar import days_in_month
from kamdesk.ui.fmt import day
from kamdesk.ui.lunar_picker import (
    LunarChoice,
    LunarDatePicker,
    day_name,
    lunar_name,
    written,
)


def picker(qtbot: QtBot, today: date = date(2025, 3, 1)) -> LunarDatePicker:
    widget = LunarDatePicker(today=today)
    qtbot.addWidget(widget)
    return widget


def choose_month(widget: LunarDatePicker, text: str) -> None:
    index = widget.month.findText(text)
    assert index >= 0, f"{text} is not offered: {widget.month_texts()}"
    widget.month.setCurrentIndex(index)


def test_days_are_written_as_a_chinese_calendar_writes_them() -> None:
    names = [day_name(n) for n in (1, 10, 11, 15, 20, 21, 29, 30)]
    assert names == ["初一", "初十", "十一", "十五", "二十", "廿一", "廿九", "三十"]
    assert lunar_name(2, 10, True) == "闰二月初十"
    assert lunar_name(12, 8) == "腊月初八"
    assert written(CalendarKind.LUNAR, 8, 15, False, 1968) == "lunar 八月十五 (1968)"
    assert written(CalendarKind.SOLAR, 3, 8, False, None) == "03-08"


def test_months_run_from_zhengyue_to_layue(qtbot: QtBot) -> None:
    widget = picker(qtbot)
    widget.year.setValue(2024)  # 2024 has no leap month
    assert widget.month_texts() == [
        "正月",
        "二月",
        "三月",
        "四月",
        "五月",
        "六月",
        "七月",
        "八月",
        "九月",
        "十月",
        "冬月",
        "腊月",
    ]


def test_a_leap_month_is_offered_only_in_a_year_that_has_it(qtbot: QtBot) -> None:
    widget = picker(qtbot)
    widget.year.setValue(2023)
    assert "闰二月" in widget.month_texts() and "闰六月" not in widget.month_texts()
    assert widget.month_texts().index("闰二月") == widget.month_texts().index("二月") + 1
    widget.year.setValue(2025)
    assert "闰六月" in widget.month_texts() and "闰二月" not in widget.month_texts()


def test_a_leap_month_the_new_year_lacks_falls_back_to_the_ordinary_month(qtbot: QtBot) -> None:
    widget = picker(qtbot)
    widget.year.setValue(2023)
    choose_month(widget, "闰二月")
    widget.day.setCurrentIndex(9)
    assert widget.value() == LunarChoice(2, 10, True, 2023)
    widget.year.setValue(2024)
    assert widget.value() == LunarChoice(2, 10, False, 2024)
    assert widget.month.currentText() == "二月"


def test_day_thirty_is_offered_only_in_months_that_have_thirty_days(qtbot: QtBot) -> None:
    widget = picker(qtbot)
    widget.year.setValue(2025)
    short = next(m for m in range(1, 13) if days_in_month(2025, m, False) == 29)
    long = next(m for m in range(1, 13) if days_in_month(2025, m, False) == 30)
    choose_month(widget, widget.month.itemText(widget.month.findData(long)))
    widget.day.setCurrentIndex(29)
    assert widget.day_count() == 30 and widget.day.currentText() == "三十"
    choose_month(widget, widget.month.itemText(widget.month.findData(short)))
    assert widget.day_count() == 29
    assert widget.day.currentText() == "廿九"  # the 30th became the month's last day
    assert widget.value().day == 29


def test_without_a_year_every_day_to_thirty_and_leap_months_of_some_year_are_offered(
    qtbot: QtBot,
) -> None:
    widget = picker(qtbot)
    assert widget.year.year() is None
    assert widget.year.text() == "year unknown"
    assert widget.day_count() == 30
    assert "闰四月" in widget.month_texts()


def test_this_years_solar_date_is_shown_as_the_day_is_picked(qtbot: QtBot) -> None:
    widget = picker(qtbot, today=date(2025, 3, 1))
    with qtbot.waitSignal(widget.changed):
        choose_month(widget, "八月")
    widget.day.setCurrentIndex(14)
    assert widget.resolved.text() == f"This year: {day(date(2025, 10, 6))}"
    widget.set_value(6, 10, True, 2025)  # 闰六月初十 of 2025
    expected = occurrence(Recurring(CalendarKind.LUNAR, 6, 10, True), 2025).date
    assert widget.month.currentText() == "闰六月"
    assert widget.resolved.text() == f"This year: {day(expected)}"


def test_a_leap_day_in_a_year_without_that_leap_month_says_where_it_goes(qtbot: QtBot) -> None:
    widget = picker(qtbot, today=date(2026, 1, 10))
    widget.set_value(2, 10, True, 2023)
    assert widget.resolved.text() == (
        f"This year: {day(date(2026, 3, 28))} — "
        "no such leap month this year: kept on the ordinary month"
    )
