"""Days that come back every year (birthdays, anniversaries, festivals), solar or lunar."""

from __future__ import annotations

import calendar as _solar_calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from kamdesk.domain.enums import CalendarKind
from kamdesk.domain.lunar import FIRST_YEAR, LAST_YEAR
from kamdesk.i18n import _

RULE_LEAP_TO_ORDINARY = "leap-month-to-ordinary"
RULE_LAST_DAY_OF_MONTH = "day-30-to-29"
RULE_FEB29_TO_FEB28 = "feb-29-to-feb-28"

RULES = """\
How a recurring day is placed in a given year:

1. Solar day: that month and day of the solar year. 29 February falls on 28 February in common
   years (rule "feb-29-to-feb-28").
2. Lunar day: that month and day of lunar year Y, converted to the solar calendar. Lunar year Y
   begins at Spring Festival, so its days fall in solar year Y or early in solar year Y + 1
   (lunar 12-20 of 2024 is 19 January 2025). occurrence() takes the lunar year; windows look at
   lunar years start.year - 1 to end.year so that nothing near New Year is missed. Dates follow
   borax's table (in 2089 and 2097, where a new moon falls within seconds of midnight, other
   libraries start a month one day earlier).
3. Leap-month day: in the leap month where lunar year Y has that leap month; otherwise on the same
   day of the ordinary month of that number (rule "leap-month-to-ordinary").
4. Lunar day 30 in a month that has only 29 days that year falls on the 29th, the last day of the
   month (rule "day-30-to-29"). When rules 3 and 4 both apply, the rule reported is
   "leap-month-to-ordinary" (applied first) and the date is the 29th.
5. Years outside 1901 to 2099 are refused.
"""

# Lunar year FIRST_YEAR - 1 is still inside borax's table (1900 to 2100); windows early in
# FIRST_YEAR need its last months.
_FIRST_TABLE_YEAR = FIRST_YEAR - 1


@dataclass(frozen=True)
class Recurring:
    """A day that comes back every year: solar or lunar month/day, optional leap month."""

    calendar: CalendarKind
    month: int
    day: int
    leap_month: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.calendar, CalendarKind):  # a stored string such as "lunar"
            object.__setattr__(self, "calendar", CalendarKind(self.calendar))
        problem = _recurring_problem(self.calendar, self.month, self.day, self.leap_month)
        if problem is not None:
            raise ValueError(problem)


@dataclass(frozen=True)
class Occurrence:
    """Where a recurring day falls in one year, and which rule moved it if any."""

    date: date
    rule: str | None  # None, or one of the RULE_* constants


@dataclass(frozen=True)
class Festival:
    """A public or traditional festival; `solar_term` names a 节气 whose date borax computes."""

    key: str
    name_zh: str
    name_en: str
    day: Recurring
    solar_term: str | None = None  # when set, `day` is only the usual date


def _recurring_problem(kind: CalendarKind, month: int, day: int, leap: bool) -> str | None:
    if not 1 <= month <= 12:
        return _("month must be 1 to 12")
    if kind == CalendarKind.LUNAR:
        if not 1 <= day <= 30:
            return _("lunar day must be 1 to 30")
        return None
    if leap:
        return _("only a lunar day can be in a leap month")
    longest = _solar_calendar.monthrange(2000, month)[1]  # 2000 is a leap year: 29 February
    if not 1 <= day <= longest:
        return _("day must be 1 to {n} in month {m}").format(n=longest, m=month)
    return None


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(_("year must be between {a} and {b}").format(a=FIRST_YEAR, b=LAST_YEAR))


def _check_window(start: date, end: date) -> None:
    if not (FIRST_YEAR <= start.year <= LAST_YEAR and FIRST_YEAR <= end.year <= LAST_YEAR):
        raise ValueError(
            _("dates must lie in the years {a} to {b}").format(a=FIRST_YEAR, b=LAST_YEAR)
        )


@cache
def _lunar_year_table(year: int) -> tuple[int, dict[tuple[int, bool], tuple[int, int]]]:
    """(leap month or 0, {(month, leap): (ordinal of its first day, its length)}) for a lunar year.

    One borax conversion (lunar 1-1) plus borax's month lengths, computed once per year.
    """
    from borax.calendars.lunardate import LCalendars, LunarDate

    first = LunarDate(year, 1, 1, 0).to_solar_date().toordinal()
    months: dict[tuple[int, bool], tuple[int, int]] = {}
    leap_month = 0
    for month, length, leap in LCalendars.iter_year_month(year):
        months[(int(month), bool(leap))] = (first, int(length))
        if leap:
            leap_month = int(month)
        first += int(length)
    return leap_month, months


def _lunar_in_year(month: int, day: int, leap: bool, year: int) -> tuple[int, str | None]:
    """Ordinal date and rule for a lunar month/day in lunar year `year` (range unchecked)."""
    leap_month, months = _lunar_year_table(year)
    rule = None
    if leap and leap_month != month:
        leap = False
        rule = RULE_LEAP_TO_ORDINARY
    first, length = months[(month, leap)]
    if day > length:
        day = length
        rule = rule or RULE_LAST_DAY_OF_MONTH
    return first + day - 1, rule


def _solar_in_year(month: int, day: int, year: int) -> Occurrence:
    if month == 2 and day == 29 and not _solar_calendar.isleap(year):
        return Occurrence(date(year, 2, 28), RULE_FEB29_TO_FEB28)
    return Occurrence(date(year, month, day), None)


def occurrence(day: Recurring, year: int) -> Occurrence:
    """Where `day` falls in `year`: the solar year for a solar day, the lunar year for a lunar day.

    A lunar day of lunar year Y may fall in January or February of solar year Y + 1.
    """
    _check_year(year)
    if day.calendar == CalendarKind.SOLAR:
        return _solar_in_year(day.month, day.day, year)
    ordinal, rule = _lunar_in_year(day.month, day.day, day.leap_month, year)
    return Occurrence(date.fromordinal(ordinal), rule)


def occurrences_between(day: Recurring, start: date, end: date) -> list[Occurrence]:
    """Every occurrence with start <= date <= end (inclusive), in order; [] if start > end."""
    _check_window(start, end)
    if start > end:
        return []
    if day.calendar == CalendarKind.SOLAR:
        found = (_solar_in_year(day.month, day.day, y) for y in range(start.year, end.year + 1))
        return [o for o in found if start <= o.date <= end]
    low, high = start.toordinal(), end.toordinal()
    result = []
    for year in range(max(start.year - 1, _FIRST_TABLE_YEAR), end.year + 1):
        ordinal, rule = _lunar_in_year(day.month, day.day, day.leap_month, year)
        if low <= ordinal <= high:
            result.append(Occurrence(date.fromordinal(ordinal), rule))
    return result


def resolve_many(days: Iterable[Recurring], start: date, end: date) -> list[tuple[int, Occurrence]]:
    """(index into `days`, occurrence) for every occurrence in the window, by date then index.

    Equal days are resolved once (there are at most 12 * 30 * 2 + 366 distinct ones), so a long
    list costs little more than grouping it.
    """
    _check_window(start, end)
    # Grouping is the cost that grows with the list: key on plain values, because hashing the
    # dataclass (and its enum) runs Python code for every item.
    lunar = CalendarKind.LUNAR
    groups: defaultdict[tuple[bool, int, int, bool], list[int]] = defaultdict(list)
    for index, day in enumerate(days):
        groups[day.calendar is lunar, day.month, day.day, day.leap_month].append(index)
    if start > end:
        return []
    by_date: dict[date, list[tuple[Occurrence, list[int]]]] = {}
    for (is_lunar, month, day_of_month, leap), indexes in groups.items():
        day = Recurring(
            CalendarKind.LUNAR if is_lunar else CalendarKind.SOLAR, month, day_of_month, leap
        )
        for found in occurrences_between(day, start, end):
            by_date.setdefault(found.date, []).append((found, indexes))
    result: list[tuple[int, Occurrence]] = []
    for when in sorted(by_date):
        entries = by_date[when]
        if len(entries) == 1:
            found, indexes = entries[0]
            result.extend([(i, found) for i in indexes])
        else:
            # An index lands at most once on a date, so the tuples compare by index alone.
            result.extend(sorted([(i, found) for found, idx in entries for i in idx]))
    return result


def _lunar(month: int, day: int) -> Recurring:
    return Recurring(CalendarKind.LUNAR, month, day)


def _solar(month: int, day: int) -> Recurring:
    return Recurring(CalendarKind.SOLAR, month, day)


FESTIVALS: tuple[Festival, ...] = (
    Festival("new_year", "元旦", "New Year's Day", _solar(1, 1)),
    Festival("womens_day", "三八妇女节", "International Women's Day", _solar(3, 8)),
    Festival("qingming", "清明节", "Qingming Festival", _solar(4, 5), solar_term="清明"),
    Festival("labour_day", "劳动节", "Labour Day", _solar(5, 1)),
    Festival("teachers_day", "教师节", "Teachers' Day", _solar(9, 10)),
    Festival("national_day", "国庆节", "National Day", _solar(10, 1)),
    Festival("christmas", "圣诞节", "Christmas Day", _solar(12, 25)),
    # Lunar 12-30 falls on 12-29 when the twelfth month is short: always the last day, 除夕.
    Festival("new_years_eve", "除夕", "Chinese New Year's Eve", _lunar(12, 30)),
    Festival("spring_festival", "春节", "Spring Festival", _lunar(1, 1)),
    Festival("lantern_festival", "元宵节", "Lantern Festival", _lunar(1, 15)),
    Festival("dragon_boat", "端午节", "Dragon Boat Festival", _lunar(5, 5)),
    Festival("qixi", "七夕", "Qixi Festival", _lunar(7, 7)),
    Festival("mid_autumn", "中秋节", "Mid-Autumn Festival", _lunar(8, 15)),
    Festival("double_ninth", "重阳节", "Double Ninth Festival", _lunar(9, 9)),
)


@cache
def _solar_term_day(term: str, year: int) -> date:
    from borax.calendars.lunardate import TermUtils

    found: date = TermUtils.nth_term_day(year, term_name=term)
    return found


def festivals_between(start: date, end: date) -> list[tuple[date, Festival]]:
    """Every festival day with start <= date <= end, by date then in FESTIVALS order."""
    _check_window(start, end)
    found: list[tuple[date, int, Festival]] = []
    for order, festival in enumerate(FESTIVALS):
        if festival.solar_term is not None:
            for year in range(start.year, end.year + 1):
                when = _solar_term_day(festival.solar_term, year)
                if start <= when <= end:
                    found.append((when, order, festival))
        else:
            found += [
                (o.date, order, festival) for o in occurrences_between(festival.day, start, end)
            ]
    found.sort(key=lambda item: (item[0], item[1]))
    return [(when, festival) for when, _order, festival in found]
