"""Solar dates named the lunar way, as the calendar page shows them."""

from datetime import date

import pytest

from kamdesk.domain.lunar import LunarDay, lunar_day


def test_mid_autumn_2025_is_the_fifteenth_of_the_eighth_month() -> None:
    assert lunar_day(date(2025, 10, 6)) == LunarDay(2025, 8, 15, False, "八月", "十五", "")


def test_a_day_in_the_leap_second_month_of_2023_says_so() -> None:
    found = lunar_day(date(2023, 3, 22))
    assert (found.month, found.leap) == (2, True)
    assert (found.month_name, found.day_name) == ("闰二月", "初一")


def test_spring_festival_and_a_solar_term() -> None:
    assert lunar_day(date(2025, 1, 29)).month_name == "正月"
    assert lunar_day(date(2025, 4, 4)).solar_term == "清明"


def test_dates_outside_the_tables_are_refused() -> None:
    with pytest.raises(ValueError, match="between 1901 and 2099"):
        lunar_day(date(2100, 3, 1))
