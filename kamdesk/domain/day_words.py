"""Recurring days in words, as a Chinese calendar writes them: 农历 闰二月初十, and why this
year's date moved. Shared by the desktop and the printed documents."""

from __future__ import annotations

from kamdesk.domain.calendar_days import (
    RULE_FEB29_TO_FEB28,
    RULE_LAST_DAY_OF_MONTH,
    RULE_LEAP_TO_ORDINARY,
)
from kamdesk.domain.enums import CalendarKind
from kamdesk.domain.labels import label
from kamdesk.i18n import _

MONTH_NAMES = (
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
)
_DIGITS = "一二三四五六七八九十"


def day_name(day: int) -> str:
    """初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十."""
    if day <= 10:
        return "初" + _DIGITS[day - 1]
    if day < 20:
        return "十" + _DIGITS[day - 11]
    if day == 20:
        return "二十"
    if day < 30:
        return "廿" + _DIGITS[day - 21]
    return "三十"


def lunar_name(month: int, day: int, leap: bool = False) -> str:
    """闰二月初十."""
    return ("闰" if leap else "") + MONTH_NAMES[month - 1] + day_name(day)


def written(calendar: CalendarKind, month: int, day: int, leap: bool, year: int | None) -> str:
    """A recurring day as it was entered: 农历 闰二月初十 (1968), or 1968-03-08 / 03-08."""
    if calendar == CalendarKind.LUNAR:
        text = f"{label(CalendarKind.LUNAR)} {lunar_name(month, day, leap)}"
        return f"{text} ({year})" if year else text
    return f"{year}-{month:02d}-{day:02d}" if year else f"{month:02d}-{day:02d}"


def rule_note(rule: str | None) -> str:
    """Why this year's date differs from the day as written, or ''."""
    if rule == RULE_LEAP_TO_ORDINARY:
        return _("no such leap month this year: kept on the ordinary month")
    if rule == RULE_LAST_DAY_OF_MONTH:
        return _("the month has 29 days this year: kept on the 29th")
    if rule == RULE_FEB29_TO_FEB28:
        return _("not a leap year: kept on 28 February")
    return ""
