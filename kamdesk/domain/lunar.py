"""Lunar (农历) dates: which ones exist, by a maintained table-based library (borax)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kamdesk.i18n import _

FIRST_YEAR = 1901
LAST_YEAR = 2099


@lru_cache(maxsize=1)
def _leap_months_seen() -> frozenset[int]:
    """Every month number that is a leap month in some year of the supported range."""
    from borax.calendars.lunardate import LCalendars

    return frozenset(LCalendars.leap_month(y) for y in range(FIRST_YEAR, LAST_YEAR + 1)) - {0}


def leap_month_of(year: int) -> int:
    """The leap month of a lunar year, or 0 where the year has none."""
    from borax.calendars.lunardate import LCalendars

    return int(LCalendars.leap_month(year))


def days_in_month(year: int, month: int, leap: bool) -> int:
    """Length (29 or 30) of a lunar month that exists."""
    from borax.calendars.lunardate import LCalendars

    return int(LCalendars.ndays(year, month, int(leap)))


def lunar_date_problem(month: int, day: int, leap: bool, year: int | None) -> str | None:
    """Why a lunar month/day (optionally in a given year) does not exist, or None if it does."""
    if not 1 <= month <= 12:
        return _("lunar month must be 1 to 12")
    if not 1 <= day <= 30:
        return _("lunar day must be 1 to 30")
    if year is None:
        if leap and month not in _leap_months_seen():
            return _("no lunar year between {a} and {b} has a leap month {m}").format(
                a=FIRST_YEAR, b=LAST_YEAR, m=month
            )
        return None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return _("lunar year must be between {a} and {b}").format(a=FIRST_YEAR, b=LAST_YEAR)
    if leap and leap_month_of(year) != month:
        actual = leap_month_of(year)
        if actual:
            return _("lunar year {y} has its leap month after month {a}, not {m}").format(
                y=year, a=actual, m=month
            )
        return _("lunar year {y} has no leap month").format(y=year)
    if day > days_in_month(year, month, leap):
        return _("lunar month {m} of {y} has only 29 days").format(m=month, y=year)
    return None


@dataclass(frozen=True)
class LunarDay:
    """A solar date as the lunar calendar names it, for calendars people read."""

    year: int
    month: int
    day: int
    leap: bool
    month_name: str  # 正月, 闰二月, 腊月
    day_name: str  # 初一, 十五, 三十
    solar_term: str  # the 节气 that begins on this date (清明, 谷雨 …), or ""


def lunar_day(when: date) -> LunarDay:
    """The lunar date of a solar date between 1901 and 2099 (ValueError outside)."""
    if not FIRST_YEAR <= when.year <= LAST_YEAR:
        message = _("lunar year must be between {a} and {b}")
        raise ValueError(message.format(a=FIRST_YEAR, b=LAST_YEAR))
    from borax.calendars.lunardate import LunarDate

    found = LunarDate.from_solar(when)
    return LunarDay(
        int(found.year),
        int(found.month),
        int(found.day),
        bool(found.leap),
        str(found.strftime("%L%M月")),
        str(found.strftime("%D")),
        str(found.term or ""),
    )
