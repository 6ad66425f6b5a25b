"""Exporting from the desktop: contacts to vCard and the Excel report, from the File menu,
written in the background; a failure is a sentence."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from kamdesk.interchange.vcard import read_file
from kamdesk.ui import export_dialog
from kamdesk.ui.context import Context
from kamdesk.ui.export_dialog import (
    ContactsExportDialog,
    ReportDialog,
    export_contacts,
    export_report,
)
from kamdesk.ui.main_window import MainWindow
from tests.conftest import SENSITIVE_VALUES, Customer
from tests.ui.waiting import wait_until


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    main.setCentralWidget(QWidget())
    qtbot.addWidget(main)
    return main


def save_to(monkeypatch: pytest.MonkeyPatch, target: Path | None) -> list[tuple[str, Path]]:
    """Answer the save dialog with `target`; returns what it was asked."""
    asked: list[tuple[str, Path]] = []

    def answer(parent: object, title: str, suggested: Path, suffix: str) -> Path | None:
        asked.append((title, suggested))
        return target

    monkeypatch.setattr(export_dialog, "ask_save_path", answer)
    return asked


def test_contacts_of_every_account_are_written_without_sensitive_fields(
    ctx: Context,
    rich_customer: Customer,
    window: QMainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "通讯录.vcf"
    asked = save_to(monkeypatch, target)
    op = export_contacts(window, ctx, ask=lambda dialog: True)
    assert op is not None
    wait_until(lambda: "written to" in window.statusBar().currentMessage())
    assert window.statusBar().currentMessage() == f"3 contacts written to {target}"
    assert asked[0][1].name == "contacts.vcf"
    assert sorted(c.name for c in read_file(target)) == ["单田芳", "曾国华", "欧阳娜娜"]
    text = target.read_text(encoding="utf-8")
    assert not [v for v in SENSITIVE_VALUES if v in text]
    assert ctx.settings.value(export_dialog.FOLDER_KEY) == str(tmp_path)


def test_the_open_account_alone_and_sensitive_fields_when_asked(
    ctx: Context,
    rich_customer: Customer,
    window: QMainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = ctx.wb.accounts.create(name="广州南方食品有限公司")
    ctx.wb.contacts.create(account_id=other.id, name="区志强")
    target = tmp_path / "恒瑞.vcf"
    asked = save_to(monkeypatch, target)

    def choose(dialog: ContactsExportDialog) -> bool:
        assert dialog.which.currentText() == "Only 苏州恒瑞精密机械有限公司"
        dialog.sensitive.setChecked(True)
        return True

    export_contacts(window, ctx, rich_customer.account.id, ask=choose)
    wait_until(lambda: target.exists() and "written" in window.statusBar().currentMessage())
    assert asked[0][1].name == "苏州恒瑞精密机械有限公司.vcf"
    assert "区志强" not in target.read_text(encoding="utf-8")
    assert SENSITIVE_VALUES[0] in target.read_text(encoding="utf-8")


def test_cancelling_either_question_writes_nothing(
    ctx: Context, customer: Customer, window: QMainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = save_to(monkeypatch, None)
    assert export_contacts(window, ctx, ask=lambda dialog: False) is None
    assert asked == []
    assert export_contacts(window, ctx, ask=lambda dialog: True) is None
    assert export_report(window, ctx, ask=lambda dialog: True) is None
    assert len(asked) == 2


def test_the_report_of_the_period_chosen_is_written_in_the_background(
    ctx: Context,
    rich_customer: Customer,
    window: QMainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "报告.xlsx"
    asked = save_to(monkeypatch, target)

    def choose(dialog: ReportDialog) -> bool:
        dialog.year.setValue(2026)
        dialog.quarter.setCurrentIndex(dialog.quarter.findData(4))
        return True

    export_report(window, ctx, ask=choose)
    wait_until(lambda: window.statusBar().currentMessage() == f"Saved {target}")
    assert asked[0][1].name == "kamdesk-report-2026Q4.xlsx"
    book = load_workbook(target)
    assert book.sheetnames == [
        "Accounts",
        "Tiers",
        "Visits 2026 Q4",
        "Open issues",
        "Plan fulfilment 2026 Q4",
    ]


def test_the_report_dialog_offers_this_year_and_the_whole_year(qtbot: QtBot) -> None:
    from datetime import date

    dialog = ReportDialog(date(2026, 11, 23))
    qtbot.addWidget(dialog)
    assert dialog.period() == (2026, None)
    dialog.quarter.setCurrentIndex(2)
    assert dialog.period() == (2026, 2)


def test_a_failed_export_is_a_sentence_and_leaves_no_file(
    ctx: Context,
    customer: Customer,
    window: QMainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "missing folder" / "报告.xlsx"
    save_to(monkeypatch, target)
    shown: list[str] = []
    with patch.object(QMessageBox, "exec", lambda box: shown.append(box.text())):
        export_report(window, ctx, ask=lambda dialog: True)
        wait_until(lambda: shown != [])
    assert shown[0].startswith(f"cannot write {target}: ")
    assert not target.exists()


def test_the_file_menu_offers_import_and_both_exports(
    ctx: Context,
    rich_customer: Customer,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    file_menu = main.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    for wanted in (
        "&Import contacts (vCard, CSV)…",
        "&Export contacts (vCard)…",
        "Export &Excel report…",
    ):
        assert wanted in texts
    action = next(a for a in file_menu.actions() if a.text() == "Export &Excel report…")  # type: ignore[union-attr]
    target = tmp_path / "菜单.xlsx"
    save_to(monkeypatch, target)
    with patch.object(ReportDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted):
        action.trigger()
    wait_until(lambda: target.exists())
    contacts = next(a for a in file_menu.actions() if a.text() == "&Export contacts (vCard)…")  # type: ignore[union-attr]
    vcf = tmp_path / "菜单.vcf"
    save_to(monkeypatch, vcf)
    main.open_account(rich_customer.account.id)
    with patch.object(ContactsExportDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted):
        contacts.trigger()
    wait_until(lambda: vcf.exists())
    assert len(read_file(vcf)) == 3
    QApplication.processEvents()
