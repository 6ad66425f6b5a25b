"""Records and rows as plain JSON-ready dictionaries (for --json, exports and tests)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import Enum
from typing import Any

from kamdesk.domain.enums import Sensitivity
from kamdesk.storage.models import Record, sensitivity_of


def plain(value: Any) -> Any:
    """A JSON-ready form of a stored value."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def record_dict(record: Record, *, leave_out: Sensitivity | None = None) -> dict[str, Any]:
    """All fields of a record, leaving out those labelled `leave_out` (e.g. sensitive)."""
    model = type(record)
    result: dict[str, Any] = {}
    for column in model.__table__.columns:
        if leave_out is not None and sensitivity_of(model, column.key) == leave_out:
            continue
        result[column.key] = plain(getattr(record, column.key))
    return result


def row_dict(row: Any) -> dict[str, Any]:
    """A list row (a dataclass) as a dictionary."""
    return {k: plain(v) for k, v in dataclasses.asdict(row).items()}
