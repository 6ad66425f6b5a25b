"""Reading and changing the declared settings stored in the archive."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select

from kamdesk.domain.errors import FieldProblem, NotFound, ValidationError
from kamdesk.domain.settings import (
    KEY_RANGE_HIGH,
    KEY_RANGE_LOW,
    REGISTRY,
    TIER_A_SHARE,
    TIER_B_SHARE,
    Setting,
)
from kamdesk.i18n import _
from kamdesk.services.records import now
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Setting as SettingRow

_ORDERED_PAIRS = ((TIER_A_SHARE, TIER_B_SHARE), (KEY_RANGE_LOW, KEY_RANGE_HIGH))
"""Settings that must stay in order: the first below the second."""


class SettingsService:
    """Current values of every declared setting; unknown keys and bad values are refused."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def values(self) -> dict[str, Any]:
        """Every declared key with its current value."""
        with self.archive.reading() as session:
            stored = {row.key: row.value for row in session.scalars(select(SettingRow))}
        result = {}
        for key, setting in REGISTRY.items():
            try:
                result[key] = setting.parse(stored[key]) if key in stored else setting.default
            except ValueError:  # a value from an older or newer rule set: fall back
                result[key] = setting.default
        return result

    def get(self, setting: Setting) -> Any:
        """The current value of one setting."""
        return self.values()[setting.key]

    def set(self, key: str, raw: Any) -> Any:
        """Store a new value (text is parsed); returns the value stored."""
        setting = _declared(key)
        try:
            value = setting.parse(raw)
        except ValueError as exc:
            raise ValidationError([FieldProblem(key, str(exc))]) from None
        merged = {**self.values(), key: value}
        for low, high in _ORDERED_PAIRS:
            if merged[low.key] > merged[high.key]:
                message = _("{a} must not be above {b}").format(a=low.key, b=high.key)
                raise ValidationError([FieldProblem(key, message)])
        with self.archive.writing() as session:
            session.merge(SettingRow(key=key, value=value, updated_at=now()))
        return value

    def reset(self, key: str) -> Any:
        """Go back to the default; returns it."""
        setting = _declared(key)
        with self.archive.writing() as session:
            session.execute(delete(SettingRow).where(SettingRow.key == key))
        return setting.default


def _declared(key: str) -> Setting:
    if key not in REGISTRY:
        raise NotFound(_("there is no setting {k}; `kamdesk settings` lists them").format(k=key))
    return REGISTRY[key]
