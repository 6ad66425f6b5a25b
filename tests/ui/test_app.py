"""`kamdesk` with no command: the desktop opens, a brand-new default archive gets sample data."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from kamdesk.cli import main
from kamdesk.services.workbench import Workbench
from kamdesk.ui.main_window import MainWindow


@pytest.fixture
def private_settings(tmp_path: Path) -> Iterator[None]:
    """Keep QSettings() of the app under test out of the real user's folder."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    hook = sys.excepthook
    yield
    sys.excepthook = hook


def quit_when(check: object, app: QApplication) -> QTimer:
    """Poll until `check()` holds, then close every window (30 s at most)."""
    timer = QTimer()
    waited = {"ms": 0}

    def poll() -> None:
        waited["ms"] += 100
        if check() or waited["ms"] > 30_000:  # type: ignore[operator]
            timer.stop()
            app.closeAllWindows()
            app.quit()

    timer.timeout.connect(poll)
    timer.start(100)
    return timer


def windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_first_start_opens_the_window_and_loads_sample_data(
    archive_path: Path, qapp: QApplication, private_settings: None
) -> None:
    seen: list[int] = []

    def loaded() -> bool:
        found = windows()
        if found and not found[0].ctx.wb.archive.path.exists():
            return False
        count = found[0].ctx.wb.accounts.count() if found else 0
        seen.append(count)
        return count == 60 and found[0]._standings_op is None

    timer = quit_when(loaded, qapp)
    assert main([]) == 0
    timer.stop()
    assert 60 in seen
    with Workbench.open(archive_path, write=False) as wb:
        assert wb.accounts.count() == 60


def test_an_archive_open_elsewhere_for_writing_is_refused_with_a_sentence(
    archive_path: Path, qapp: QApplication, private_settings: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "kamdesk.ui.app.QMessageBox.warning", lambda _p, _t, text: shown.append(text)
    )
    with Workbench.open(archive_path):
        assert main([]) == 1
    assert shown and "open for writing in another kamdesk" in shown[0]
