"""`kamdesk` with no command: the desktop opens, a brand-new default archive gets sample data."""

from __future__ import annotations

import gettext
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication

from kamdesk import i18n
from kamdesk.cli import main
from kamdesk.services.workbench import Workbench

# The real start runs the application's event loop to its end; once a QApplication has quit,
# its event loops no longer run, so this part runs in a process of its own.
FIRST_START = """
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from kamdesk.cli import main
from kamdesk.ui.app import make_application
from kamdesk.ui.main_window import MainWindow

app = make_application()
QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, sys.argv[1])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
waited = 0

def poll():
    global waited
    waited += 100
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    ready = found and found[0].ctx.is_open and found[0]._standings_op is None
    if ready and found[0].ctx.wb.accounts.count() == 60:
        print("window ready with", found[0].ctx.wb.accounts.count(), "accounts", flush=True)
        app.closeAllWindows()
    elif waited > 60_000:
        print("gave up waiting", flush=True)
        app.closeAllWindows()

timer = QTimer()
timer.timeout.connect(poll)
timer.start(100)
sys.exit(main([]))
"""


def test_first_start_opens_the_window_and_loads_sample_data(
    archive_path: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "KAMDESK_DB": str(archive_path), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_START, str(tmp_path / "settings")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "window ready with 60 accounts" in result.stdout
    with Workbench.open(archive_path, write=False) as wb:
        assert wb.accounts.count() == 60


@pytest.fixture
def private_settings(tmp_path: Path) -> Iterator[None]:
    """Keep the app's QSettings, language and hooks from leaking into the user or other tests."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    hook, locale = sys.excepthook, QLocale()
    yield
    sys.excepthook = hook
    QLocale.setDefault(locale)
    i18n.install(gettext.NullTranslations())


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
