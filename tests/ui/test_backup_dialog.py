"""File → Back up now and File → Restore…: the list of backups, and a restore that reopens the
archive in the same window with every page built on the restored file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.storage.backups import BEFORE_RESTORE, backup_folder, list_backups, make_backup, scan
from kamdesk.ui.backup_dialog import BackupDialog, Column
from kamdesk.ui.context import Context
from kamdesk.ui.main_window import MainWindow
from tests.conftest import Customer
from tests.ui.waiting import wait_until


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What information boxes said (they are not shown)."""
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: said.append(text))
    return said


@pytest.fixture
def window(ctx: Context, qtbot: QtBot) -> Iterator[MainWindow]:
    first = ctx.wb
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    yield w
    if ctx.wb is not first:  # the workbench a restore opened (the fixture closes the first)
        ctx.wb.close()


def test_back_up_now_makes_a_copy_and_says_where(
    window: MainWindow, customer: Customer, told: list[str]
) -> None:
    window.back_up_now()
    wait_until(lambda: bool(told))
    [row] = scan(backup_folder(window.ctx.wb.archive.path))
    assert row.reason == "manual"
    assert str(row.path) in told[0]


def test_the_dialog_lists_each_backup_with_its_date_reason_and_counts(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    folder = backup_folder(ctx.wb.archive.path)
    make_backup(ctx.wb.archive, folder, "daily", now=datetime(2026, 11, 20, 8, 5))
    dialog = BackupDialog(list_backups(folder), folder, None)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    cells = [dialog.table.item(0, c).text() for c in Column]
    assert cells[Column.REASON] == "start of the day"
    assert cells[Column.ACCOUNTS : Column.VISITS + 1] == ["1", "3", "0"]
    assert "2026" in cells[Column.TAKEN] or "26" in cells[Column.TAKEN]
    assert not dialog.restore_button.isEnabled()
    dialog.select(0)
    assert dialog.restore_button.isEnabled()
    assert dialog.chosen() is dialog.rows[0]


def test_restore_replaces_the_archive_and_reopens_it_in_the_same_window(
    window: MainWindow,
    ctx: Context,
    customer: Customer,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = ctx.wb
    path: Path = old.archive.path
    folder = backup_folder(path)
    good = make_backup(old.archive, folder, "manual", now=datetime.now() - timedelta(hours=3))
    old.accounts.create(name="误建的客户")
    window.show_page("accounts")
    listed: list[list[Path]] = []

    def choose(dialog: BackupDialog) -> int:
        listed.append([r.path for r in dialog.rows])
        dialog.select([r.path for r in dialog.rows].index(good.path))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(BackupDialog, "exec", choose)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    window.restore_backup()
    wait_until(lambda: bool(told))

    assert listed == [[good.path]]
    assert ctx.wb is not old
    assert [a.name for a in ctx.wb.accounts.list()] == ["苏州恒瑞精密机械有限公司"]
    assert "The archive is back as it was" in told[0]
    [before] = [r for r in scan(folder) if r.reason == BEFORE_RESTORE]
    assert before.path.name in told[0]
    assert window.current_key() == "today"
    window.show_page("accounts")
    assert window.pages["accounts"].model.wb is ctx.wb  # type: ignore[attr-defined]
    assert ctx.undo.count() == 0


def test_a_failed_restore_says_why_and_keeps_working_on_the_archive_as_it_was(
    window: MainWindow,
    ctx: Context,
    customer: Customer,
    told: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old = ctx.wb
    folder = backup_folder(old.archive.path)
    bad = make_backup(old.archive, folder, "manual", now=datetime.now() - timedelta(hours=3))
    bad.path.write_bytes(b"\0" * bad.size)  # the backup's disk failed
    shown: list[str] = []

    def choose(dialog: BackupDialog) -> int:
        dialog.select(0)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(BackupDialog, "exec", choose)
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    window.restore_backup()
    wait_until(lambda: bool(shown))

    assert "kamdesk archive" in shown[0] or "integrity" in shown[0]
    assert ctx.wb is not old and ctx.wb.accounts.count() == 1
    assert told == []


def test_the_sync_page_shows_where_the_backups_are_and_how_many(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    from kamdesk.ui.sync_page import SyncPage

    folder = backup_folder(ctx.wb.archive.path)
    make_backup(ctx.wb.archive, folder, "manual")
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert page.backups.text() == f"{folder} (1)"
