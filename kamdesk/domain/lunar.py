"""Lunar (农历) dates: which ones exist, by a maintained table-based library (borax)."""

from __future__ import annotations

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
