"""The passphrase in the desktop: the lock screen at start and after idle time, protecting an
archive from the banner, and nothing of the archive on screen while it is locked."""

from __future__ import annotations

import time
from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.services.workbench import Workbench
from kamdesk.ui.context import Context
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.security import PassphraseDialog

PASS = "青山绿水 2026!"


def field_archive(path: Path, *, protected: bool) -> None:
    with Workbench.open(path) as wb:
        account = wb.accounts.create(name="苏州恒瑞精密机械有限公司", city="苏州")
        wb.contacts.create(account_id=account.id, name="单田芳", health_notes="高血压")
        if protected:
            wb.security.protect(PASS)
            wb.security.lock()


def opened_window(path: Path, qsettings: QSettings, qtbot: QtBot) -> MainWindow:
    w = MainWindow(Context(None, qsettings), path)
    qtbot.addWidget(w)
    w.show()
    with patch.object(QMessageBox, "warning") as told:
        w.open_archive()
        qtbot.waitUntil(lambda: w.ctx.is_open, timeout=20_000)
    assert not told.called
    return w


def settle(w: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: w._standings_op is None, timeout=20_000)


def test_a_locked_archive_shows_only_the_lock_screen_until_the_passphrase(
    tmp_path: Path, qsettings: QSettings, qtbot: QtBot
) -> None:
    path = tmp_path / "field.kamdesk"
    field_archive(path, protected=True)
    w = opened_window(path, qsettings, qtbot)
    try:
        assert w.lock_screen is not None and w.frame.currentWidget() is w.lock_screen
        assert not w.nav.isEnabled() and not w.pages  # no page was built, nothing shown
        assert not any(a.isEnabled() for a in w.archive_actions)

        w.lock_screen.passphrase.setText("wrong passphrase")
        w.lock_screen.unlock()
        assert w.lock_screen.message.text() == "wrong passphrase"
        assert w.frame.currentWidget() is w.lock_screen

        with qtbot.waitSignal(w.opened, timeout=20_000):
            w.lock_screen.passphrase.setText(PASS)
            w.lock_screen.unlock()
        assert w.frame.currentIndex() == 0 and w.nav.isEnabled()
        assert w.current_key() == "today"
        assert w.lock_action.isVisible() and not w.banner.isVisible()
        settle(w, qtbot)
    finally:
        w.ctx.wb.close()


def test_idle_time_locks_the_archive_and_forgets_the_key(
    tmp_path: Path, qsettings: QSettings, qtbot: QtBot, memory_keyring: object
) -> None:
    path = tmp_path / "field.kamdesk"
    field_archive(path, protected=True)
    with Workbench.open(path) as wb:  # unlocked a moment ago elsewhere: no passphrase asked
        wb.security.unlock(PASS)
        wb.settings.set("security.lock_after_minutes", 5)
    w = opened_window(path, qsettings, qtbot)
    try:
        qtbot.waitUntil(lambda: w.current_key() == "today", timeout=20_000)
        settle(w, qtbot)
        w.idle.check(now=time.monotonic() + 4 * 60)
        assert w.frame.currentIndex() == 0  # not idle long enough
        w.idle.check(now=time.monotonic() + 5 * 60 + 1)
        assert w.lock_screen is not None and w.frame.currentWidget() is w.lock_screen
        assert w.ctx.wb.security.needs_unlock
        assert memory_keyring.entries == {}  # type: ignore[attr-defined]
        assert not w.nav.isEnabled()

        w.lock_screen.passphrase.setText(PASS)
        w.lock_screen.unlock()
        assert w.frame.currentIndex() == 0 and w.nav.isEnabled()
    finally:
        w.ctx.wb.close()


def test_the_banner_protects_an_unprotected_archive(
    tmp_path: Path, qsettings: QSettings, qtbot: QtBot
) -> None:
    path = tmp_path / "field.kamdesk"
    field_archive(path, protected=False)
    w = opened_window(path, qsettings, qtbot)
    try:
        qtbot.waitUntil(lambda: w.current_key() == "today", timeout=20_000)
        settle(w, qtbot)
        assert w.banner.isVisible() and not w.lock_action.isVisible()

        def typed(dialog: PassphraseDialog) -> int:
            dialog.first.setText(PASS)
            dialog.second.setText(PASS)
            dialog.accept()
            return QDialog.DialogCode.Accepted

        with (
            patch.object(PassphraseDialog, "exec", typed),
            patch.object(QMessageBox, "information") as told,
        ):
            w.banner.protect_requested.emit()
            qtbot.waitUntil(lambda: told.called, timeout=30_000)
        assert w.ctx.wb.security.status().protected
        assert not w.banner.isVisible() and w.lock_action.isVisible()
        assert "高血压".encode() not in path.read_bytes()

        w.lock_action.trigger()
        assert w.frame.currentWidget() is w.lock_screen
    finally:
        w.ctx.wb.close()


@pytest.mark.parametrize(
    ("first", "second", "problem"),
    [
        ("short", "short", "the passphrase needs at least 8 characters"),
        (PASS, PASS + "x", "the two passphrases differ"),
    ],
)
def test_the_passphrase_dialog_says_what_is_wrong(
    qtbot: QtBot, first: str, second: str, problem: str
) -> None:
    dialog = PassphraseDialog("t", "intro", ask_current=False)
    qtbot.addWidget(dialog)
    dialog.first.setText(first)
    dialog.second.setText(second)
    dialog.accept()
    assert dialog.message.text() == problem
    assert dialog.result() != QDialog.DialogCode.Accepted
