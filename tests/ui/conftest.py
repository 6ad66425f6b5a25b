"""GUI fixtures: a Context over the test's archive, with settings kept in the test's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from kamdesk.services.workbench import Workbench
from kamdesk.ui.context import Context


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "kamdesk.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def ctx(wb: Workbench, qsettings: QSettings) -> Iterator[Context]:
    """The desktop's shared services over the test's (empty) archive."""
    context = Context(wb, qsettings)
    yield context
    context.undo.clear()
