"""The main window: navigation, shortcuts, remembered state, one window per archive."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.domain.enums import Tier
from kamdesk.services.lists import AccountQuery
from kamdesk.services.workbench import Workbench
from kamdesk.ui.app import ask_running_copy, instance_name, listen
from kamdesk.ui.context import Context
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.resources import FONT_FAMILY, register_font


def window(ctx: Context, qtbot: QtBot) -> MainWindow:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)  # shortcuts need an active window
    return w


def test_navigation_lists_the_six_pages_in_order(ctx: Context, qtbot: QtBot) -> None:
    w = window(ctx, qtbot)
    keys = [w.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.nav.count())]
    assert keys == ["today", "accounts", "contacts", "calendar", "reports", "sync"]
    w.nav.setCurrentRow(2)
    assert w.current_key() == "contacts"


def test_ctrl_f_goes_to_the_search_box_of_the_current_list(ctx: Context, qtbot: QtBot) -> None:
    w = window(ctx, qtbot)
    w.show_page("accounts")
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is w.pages["accounts"].search  # type: ignore[attr-defined]


def test_ctrl_digit_switches_pages_and_back_returns(ctx: Context, qtbot: QtBot) -> None:
    w = window(ctx, qtbot)
    w.show_page("today")
    qtbot.keyClick(w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert w.current_key() == "contacts"
    w.go_back()
    assert w.current_key() == "today"


def test_geometry_and_last_page_are_remembered(
    wb: Workbench, qsettings: QSettings, qtbot: QtBot
) -> None:
    first = MainWindow(Context(wb, qsettings))
    qtbot.addWidget(first)
    first.show()
    first.resize(790, 580)
    first.show_page("contacts")
    first.close()
    second = MainWindow(Context(wb, qsettings))
    qtbot.addWidget(second)
    assert second.current_key() == "contacts"
    assert (second.width(), second.height()) == (790, 580)


def test_sample_data_loads_in_the_background_and_ranks_accounts(ctx: Context, qtbot: QtBot) -> None:
    w = window(ctx, qtbot)
    w.load_sample_data()
    qtbot.waitUntil(lambda: ctx.wb.accounts.count() == 60, timeout=30_000)
    ranked = AccountQuery(tier=Tier.A)
    qtbot.waitUntil(lambda: ctx.wb.account_count(ranked) > 0, timeout=10_000)
    w.show_page("accounts")
    assert w.pages["accounts"].count.text() == "60 accounts"  # type: ignore[attr-defined]


def test_sample_data_is_refused_for_an_archive_with_accounts(ctx: Context, qtbot: QtBot) -> None:
    ctx.wb.accounts.create(name="南方食品有限公司")
    w = window(ctx, qtbot)
    with patch.object(QMessageBox, "information") as told:
        w.load_sample_data()
    assert told.called and ctx.wb.accounts.count() == 1


def test_a_second_copy_finds_the_first_and_brings_it_forward(
    ctx: Context, qtbot: QtBot, tmp_path: Path
) -> None:
    w = window(ctx, qtbot)
    name = instance_name(tmp_path / "x.kamdesk")
    assert not ask_running_copy(name)
    server = listen(name, w)
    w.showMinimized()
    try:
        with qtbot.waitSignal(server.newConnection, timeout=3000):
            assert ask_running_copy(name)
        qtbot.waitUntil(lambda: not w.isMinimized())
    finally:
        server.close()


def test_the_bundled_font_is_registered(qapp: QApplication) -> None:
    assert register_font() == FONT_FAMILY


def test_log_visit_on_today_opens_the_accounts_new_visit(
    ctx: Context, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from kamdesk.services.agenda import VISIT_DUE, AgendaItem
    from kamdesk.ui.account_visits import VisitDialog

    account = ctx.wb.accounts.create(name="南方食品有限公司")
    w = window(ctx, qtbot)
    opened: list[VisitDialog] = []
    monkeypatch.setattr(VisitDialog, "exec", lambda self: opened.append(self) or 0)
    item = AgendaItem(date.today(), VISIT_DUE, "visit due", account.id, None, None, True, "")
    today = w.page("today")
    today.handler.log_visit(item)  # type: ignore[attr-defined]
    assert w.current_key() == "account" and len(opened) == 1
    assert w.account_page.tabs.currentWidget() is w.account_page.visits


def test_the_window_is_up_before_the_archive_opens_and_fills_in_once_it_has(
    tmp_path: Path, qsettings: QSettings, qtbot: QtBot
) -> None:
    path = tmp_path / "field.kamdesk"
    with Workbench.open(path) as wb:
        wb.accounts.create(name="苏州恒瑞精密机械有限公司", city="苏州")
    ctx = Context(None, qsettings)
    w = MainWindow(ctx, path)
    qtbot.addWidget(w)
    w.show()
    assert w.stack.currentWidget() is w.opening
    assert not w.nav.isEnabled()
    assert not any(action.isEnabled() for action in w.archive_actions)
    with (
        patch.object(QMessageBox, "warning") as told,  # a failure would hang on a modal box
        qtbot.waitSignal(w.opened, timeout=20_000),
    ):
        w.open_archive()
    assert not told.called
    try:
        shown = [action for action in w.archive_actions if action.isVisible()]
        assert w.nav.isEnabled() and all(action.isEnabled() for action in shown)
        assert w.current_key() == "today"
        assert ctx.wb.accounts.count() == 1
        qtbot.waitUntil(lambda: w._standings_op is None)
    finally:
        ctx.wb.close()


def test_an_archive_that_cannot_be_opened_is_told_in_a_sentence(
    tmp_path: Path, qsettings: QSettings, qtbot: QtBot
) -> None:
    path = tmp_path / "broken.kamdesk"
    path.write_bytes(b"this is not an archive" * 100)
    w = MainWindow(Context(None, qsettings), path)
    qtbot.addWidget(w)
    w.show()
    with patch.object(QMessageBox, "warning") as told:
        w.open_archive()
        qtbot.waitUntil(lambda: w.open_failed, timeout=20_000)
    assert told.call_args.args[2] == f"{path} is not a kamdesk archive (file is not a database)"
    assert w.opening.text() == told.call_args.args[2]
    assert not w.isVisible()
    assert path.read_bytes() == b"this is not an archive" * 100
