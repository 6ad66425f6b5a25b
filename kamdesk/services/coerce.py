"""Turning typed-in values (strings from the CLI, forms or files) into column values."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Integer, String, Text, TypeDecorator
from sqlalchemy.sql.schema import Column

from kamdesk.domain.enums import Choice
from kamdesk.domain.validation import clean_text
from kamdesk.i18n import _

_TRUE = {"1", "true", "yes", "y", "是", "on"}
_FALSE = {"0", "false", "no", "n", "否", "off", ""}


class CoerceError(ValueError):
    """A value that cannot become what the column holds; the message says why."""


def coerce(column: Column[Any], value: Any) -> Any:
    """The value `column` should store for `value`, or CoerceError."""
    kind = column.type
    if isinstance(kind, TypeDecorator):  # e.g. a sealed column: what it stores underneath
        kind = kind.impl_instance
    if value is None or (isinstance(value, str) and value.strip() == "" and column.nullable):
        if not column.nullable:
            raise CoerceError(_("a value is required"))
        return None
    if isinstance(kind, Enum):
        return _choice(kind, value)
    if isinstance(kind, Boolean):
        return _bool(value)
    if isinstance(kind, Integer):
        return _int(value)
    if isinstance(kind, DateTime):
        return _datetime(value)
    if isinstance(kind, Date):
        return _date(value)
    if isinstance(kind, JSON):
        return _list(value)
    if isinstance(kind, String | Text):
        if not isinstance(value, str):
            raise CoerceError(_("text expected"))
        text = clean_text(value).strip()
        limit = getattr(kind, "length", None)
        if limit and len(text) > limit:
            raise CoerceError(_("at most {n} characters").format(n=limit))
        return text
    return value


def _choice(kind: Enum, value: Any) -> Choice:
    enum_class = kind.enum_class
    assert enum_class is not None and issubclass(enum_class, Choice)
    if isinstance(value, enum_class):
        return value
    try:
        return enum_class.parse(str(value))
    except ValueError:
        allowed = ", ".join(enum_class.values())
        raise CoerceError(_("'{v}' is not one of: {a}").format(v=value, a=allowed)) from None


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CoerceError(_("'{v}' is not yes or no").format(v=value))


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise CoerceError(_("a whole number expected"))
    if isinstance(value, int):
        return value
    text = str(value).strip().replace(",", "").replace("_", "")
    try:
        return int(text)
    except ValueError:
        raise CoerceError(_("'{v}' is not a whole number").format(v=value)) from None


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise CoerceError(_("'{v}' is not a real date (YYYY-MM-DD)").format(v=value)) from None


def _datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise CoerceError(
            _("'{v}' is not a real date and time (YYYY-MM-DD HH:MM)").format(v=value)
        ) from None


def _list(value: Any) -> list[str]:
    items = (
        value.replace("；", ";").replace("，", ",").replace(";", ",").split(",")
        if isinstance(value, str)
        else list(value)
    )
    cleaned = [clean_text(str(item)).strip() for item in items]
    return [item for item in cleaned if item]
