"""Forms keep what was typed, show problems beside their field and treat blank amounts as none."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.ui.context import Context, creation
from kamdesk.ui.forms import FormDialog
from kamdesk.ui.record_fields import account_fields


def dialog(ctx: Context, qtbot: QtBot) -> FormDialog:
    def submit(values: dict[str, Any]) -> object:
        make = creation(ctx, "new", lambda: ctx.wb.accounts.create(**values), ctx.wb.accounts)
        return ctx.commit(make)

    form = FormDialog(None, "New account", account_fields(), submit, {"status": "active"})
    qtbot.addWidget(form)
    return form


def line(form: FormDialog, name: str) -> QLineEdit:
    editor = form.form.editor(name)
    assert isinstance(editor, QLineEdit)
    return editor


def test_a_new_account_with_blank_amounts_saves_them_as_zero(ctx: Context, qtbot: QtBot) -> None:
    form = dialog(ctx, qtbot)
    line(form, "name").setText("南方食品有限公司")
    form.save()
    assert form.result() == FormDialog.DialogCode.Accepted
    account = ctx.wb.accounts.resolve("南方食品有限公司")
    assert account.cost_to_serve == 0 and account.potential == 0


def test_a_bad_amount_is_explained_beside_its_field_and_nothing_is_saved(
    ctx: Context, qtbot: QtBot
) -> None:
    form = dialog(ctx, qtbot)
    line(form, "name").setText("南方食品有限公司")
    line(form, "potential").setText("很多")
    form.save()
    message = form.form.rows["potential"].message
    assert not message.isHidden() and "很多" in message.text()
    assert line(form, "name").text() == "南方食品有限公司"  # what was typed stays
    assert ctx.wb.accounts.count() == 0 and ctx.undo.count() == 0


def test_a_missing_name_is_refused_and_saving_after_fixing_it_works(
    ctx: Context, qtbot: QtBot
) -> None:
    form = dialog(ctx, qtbot)
    form.save()
    assert not form.form.rows["name"].message.isHidden()
    line(form, "name").setText("杭州丰源陶瓷股份有限公司")
    form.save()
    assert ctx.wb.accounts.count() == 1 and ctx.undo.count() == 1


def test_cancel_asks_before_throwing_away_what_was_typed(
    ctx: Context, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    form = dialog(ctx, qtbot)
    form.show()
    line(form, "name").setText("南方食品")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: answers.pop(0))
    form.reject()
    assert form.isVisible() and line(form, "name").text() == "南方食品"
    form.reject()
    assert not form.isVisible() and ctx.wb.accounts.count() == 0
