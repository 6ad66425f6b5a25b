"""Importing contacts on the desktop: choose a file, read the preview, import, undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kamdesk.interchange.vcard import Outcome, read_cards
from kamdesk.services.contacts import ContactService
from kamdesk.services.importing import snapshot
from kamdesk.ui.context import Context
from kamdesk.ui.import_dialog import (
    FOLDER_KEY,
    ImportDialog,
    PreviewColumn,
    PreviewModel,
    import_contacts,
)
from tests.conftest import Customer

BOOK = """BEGIN:VCARD
VERSION:3.0
FN:曾国华
ORG:恒瑞精密
TEL:139-0000-1111
END:VCARD
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E9=82=93;=E4=B8=BD=E5=8D=8E;;;
ORG:苏州恒瑞精密机械有限公司
TITLE:质量经理
TEL;CELL:13700002222
BDAY:1982-11-02
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:区志强
ORG:广州南方食品有限公司
EMAIL:ou@nanfang.cn
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:王五
TEL:13600001111
END:VCARD
"""
"""曾国华 is a duplicate, 王五 has no company: a problem until an account is given."""


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    main.setCentralWidget(QWidget())
    qtbot.addWidget(main)
    return main


@pytest.fixture
def vcf(tmp_path: Path) -> Path:
    path = tmp_path / "手机通讯录.vcf"
    path.write_bytes(BOOK.replace("\n", "\r\n").encode("gb18030"))
    return path


@pytest.fixture
def dialog(
    ctx: Context, customer: Customer, window: QMainWindow, vcf: Path, qtbot: QtBot
) -> Iterator[ImportDialog]:
    """The preview, reached through the file chooser as the user reaches it."""
    with patch.object(QFileDialog, "getOpenFileName", return_value=(str(vcf), "")) as chooser:
        import_contacts(window, ctx)
    assert chooser.call_count == 1
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is not None)
    found = window.findChild(ImportDialog)
    assert found is not None
    yield found
    if isValid(found):  # an import that went through closed and deleted it already
        found.done(0)


def column(dialog: ImportDialog, which: PreviewColumn) -> list[str]:
    model = dialog.model
    return [model.index(row, which).data() for row in range(model.rowCount())]


def test_the_preview_shows_every_card_and_its_outcome(dialog: ImportDialog, vcf: Path) -> None:
    assert dialog.windowTitle() == f"Import contacts from {vcf.name}"
    assert column(dialog, PreviewColumn.NAME) == ["曾国华", "邓丽华", "区志强", "王五"]
    assert column(dialog, PreviewColumn.OUTCOME) == [
        "duplicate, skipped",
        "new contact",
        "new contact",
        "problem",
    ]
    assert column(dialog, PreviewColumn.ACCOUNT) == [
        "苏州恒瑞精密机械有限公司",
        "苏州恒瑞精密机械有限公司",
        "广州南方食品有限公司 (new)",
        "",
    ]
    details = column(dialog, PreviewColumn.DETAIL)
    assert details[0] == "曾国华 is already at 苏州恒瑞精密机械有限公司"
    assert details[1] == "质量经理 · 13700002222 · birthday 1982-11-2"
    assert details[3] == "no company (ORG); choose an account for such contacts"
    assert "Contacts: 2 new, 1 duplicates skipped. Problems: 1." in dialog.summary.text()


def test_problems_keep_import_disabled_until_skipped_or_fixed(
    dialog: ImportDialog, qtbot: QtBot
) -> None:
    assert not dialog.import_button.isEnabled()
    assert "problems" in dialog.hint.text()
    dialog.skip_bad.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.skip_bad.setChecked(False)
    dialog.account.setText("恒瑞精密")  # as typed: the preview follows after a pause
    qtbot.waitUntil(lambda: dialog.plan.problems == [])
    assert column(dialog, PreviewColumn.ACCOUNT)[3] == "苏州恒瑞精密机械有限公司"
    assert dialog.import_button.isEnabled() and dialog.hint.text() == ""


def test_import_runs_in_the_background_and_undo_takes_it_all_back(
    dialog: ImportDialog, ctx: Context, window: QMainWindow, qtbot: QtBot
) -> None:
    dialog.account.setText("个人通讯录")  # a new account for 王五
    changes: list[None] = []
    ctx.notifier.changed.connect(lambda: changes.append(None))
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: window.findChild(ImportDialog) is None)
    assert sorted(c.name for c in ctx.wb.contacts.list()) == [
        "区志强",
        "单田芳",
        "曾国华",
        "欧阳娜娜",
        "王五",
        "邓丽华",
    ]
    assert ctx.wb.accounts.count() == 3 and len(ctx.wb.anniversaries.list()) == 1
    assert changes == [None]
    assert "Imported 3 contacts and 2 new accounts" in window.statusBar().currentMessage()
    assert ctx.undo.undoText() == "Import 3 contacts"

    ctx.undo.undo()
    assert sorted(c.name for c in ctx.wb.contacts.list()) == ["单田芳", "曾国华", "欧阳娜娜"]
    assert ctx.wb.accounts.count() == 1 and ctx.wb.anniversaries.list() == []
    ctx.undo.redo()
    assert len(ctx.wb.contacts.list()) == 6 and ctx.wb.accounts.count() == 3


def test_a_failed_import_is_shown_and_leaves_the_dialog_and_archive_as_they_were(
    dialog: ImportDialog, ctx: Context, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: object, session: object, fields: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ContactService, "create_in", full)
    shown: list[str] = []
    dialog.skip_bad.setChecked(True)
    with patch.object(QMessageBox, "exec", lambda box: shown.append(box.text())):
        dialog.import_button.click()
        qtbot.waitUntil(lambda: shown != [])
    assert shown == ["The file could not be used: No space left on device"]
    assert dialog.isVisible() and dialog.import_button.isEnabled()
    assert ctx.wb.accounts.count() == 1 and len(ctx.wb.contacts.list()) == 3
    assert ctx.undo.count() == 0


def test_nothing_new_leaves_import_disabled(
    ctx: Context, customer: Customer, window: QMainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "again.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:单田芳\nORG:恒瑞精密\nEND:VCARD\n", "utf-8")
    cards = read_cards(path.read_bytes())
    dialog = ImportDialog(window, ctx, path, cards, snapshot(ctx.wb))
    qtbot.addWidget(dialog)
    assert dialog.plan.cards[0].outcome is Outcome.DUPLICATE
    assert not dialog.import_button.isEnabled()
    assert dialog.hint.text() == "There is nothing new to import."


def test_an_unreadable_file_is_a_sentence_and_no_preview(
    ctx: Context, window: QMainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "photo.vcf"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    shown: list[str] = []
    with (
        patch.object(QFileDialog, "getOpenFileName", return_value=(str(path), "")),
        patch.object(QMessageBox, "exec", lambda box: shown.append(box.text())),
    ):
        import_contacts(window, ctx)
        qtbot.waitUntil(lambda: shown != [])
    assert shown == ["photo.vcf is not a text file; choose a vCard (.vcf) export"]
    assert window.findChild(ImportDialog) is None
    assert ctx.settings.value(FOLDER_KEY) == str(tmp_path)


def test_cancelling_the_file_chooser_does_nothing(ctx: Context, window: QMainWindow) -> None:
    with patch.object(QFileDialog, "getOpenFileName", return_value=("", "")):
        import_contacts(window, ctx)
    assert window.findChild(ImportDialog) is None


def test_the_preview_model_passes_qt_model_checks(
    ctx: Context, customer: Customer, vcf: Path, qtmodeltester: object
) -> None:
    from kamdesk.interchange.vcard import plan

    model = PreviewModel()
    model.set_plan(plan(read_cards(vcf.read_bytes()), snapshot(ctx.wb)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
