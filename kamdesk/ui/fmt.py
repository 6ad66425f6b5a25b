"""Dates, times and amounts as the interface language writes them."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def day(value: date | datetime | None) -> str:
    """A short date in the locale's order (2026/11/23 in Chinese, 23/11/2026 in English)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return QLocale().toString(qdate(value), QLocale.FormatType.ShortFormat)


def moment(value: datetime | None) -> str:
    """A short date and time."""
    if value is None:
        return ""
    stamp = QDateTime(qdate(value.date()), QTime(value.hour, value.minute))
    return QLocale().toString(stamp, QLocale.FormatType.ShortFormat)


def amount(value: int | float | None) -> str:
    """A whole amount with the locale's grouping (1,234,567)."""
    if value is None:
        return ""
    return QLocale().toString(round(value))
