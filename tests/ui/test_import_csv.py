"""Importing a CSV file on the desktop: the proposed columns, changing one, the preview
following it, and the import itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from kamdesk.interchange.contacts_csv import Field, propose, read_table, to_cards
from kamdesk.services.importing import snapshot
from kamdesk.ui.context import Context
from kamdesk.ui.import_dialog import (
    ImportDialog,
    MappingColumn,
    PreviewColumn,
    PreviewModel,
    import_contacts,
)
from tests.conftest import Customer
from tests.ui.waiting import wait_until

SHEET = (
    "姓名,单位,职位,手机,生日,备注\r\n"
    "曾国华,恒瑞精密,副总经理,139-0000-1111,,\r\n"
    "邓丽华,苏州恒瑞精密机械有限公司,质量经理,13700002222,1982/11/2,质量部\r\n"
    "区志强,广州南方食品有限公司,,,1979年4月1日,采购总监\r\n"
)
"""曾国华 is a duplicate; 备注 (notes) holds what is really the department."""


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    main = QMainWindow()
    main.setCentralWidget(QWidget())
    qtbot.addWidget(main)
    return main


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "客户通讯录.csv"
    path.write_bytes(SHEET.encode("gbk"))  # as Excel saves "CSV" on a Chinese Windows
    return path


@pytest.fixture
def dialog(
    ctx: Context, customer: Customer, window: QMainWindow, csv_file: Path, qtbot: QtBot
) -> Iterator[ImportDialog]:
    with patch.object(QFileDialog, "getOpenFileName", return_value=(str(csv_file), "")):
        import_contacts(window, ctx)
    wait_until(lambda: window.findChild(ImportDialog) is not None)
    found = window.findChild(ImportDialog)
    assert found is not None
    yield found
    if isValid(found):
        found.done(0)


def column(dialog: ImportDialog, which: PreviewColumn) -> list[str]:
    model = dialog.model
    return [model.index(row, which).data() for row in range(model.rowCount())]


def fields(dialog: ImportDialog) -> list[str]:
    assert dialog.columns is not None
    return [combo.currentText() for combo in dialog.columns.combos]


def test_the_proposed_columns_are_shown_with_an_example_each(dialog: ImportDialog) -> None:
    columns = dialog.columns
    assert columns is not None and columns.isVisibleTo(dialog)
    headers = [columns.item(r, MappingColumn.HEADER).text() for r in range(columns.rowCount())]
    examples = [columns.item(r, MappingColumn.EXAMPLE).text() for r in range(columns.rowCount())]
    assert headers == ["姓名", "单位", "职位", "手机", "生日", "备注"]
    assert examples == ["曾国华", "恒瑞精密", "副总经理", "139-0000-1111", "1982/11/2", "质量部"]
    assert fields(dialog) == [
        "name",
        "company (account)",
        "title",
        "phone",
        "birthday",
        "note",
    ]
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Row"
    assert column(dialog, PreviewColumn.CARD) == ["2", "3", "4"]
    assert column(dialog, PreviewColumn.OUTCOME) == [
        "duplicate, skipped",
        "new contact",
        "new contact",
    ]
    assert dialog.summary.text().startswith("3 rows. Accounts: 1 new, 1 existing.")


def test_changing_a_column_reads_the_rows_again_and_the_preview_follows(
    dialog: ImportDialog, ctx: Context
) -> None:
    assert dialog.columns is not None
    dialog.columns.choose(5, Field.DEPARTMENT)  # 备注 holds the department
    assert not dialog.import_button.isEnabled()  # until the rows are read again
    wait_until(lambda: dialog.reading == 0)
    assert dialog.mapping[5] == Field.DEPARTMENT
    assert dialog.cards[1].fields["department"] == "质量部"
    assert dialog.import_button.isEnabled()

    dialog.columns.choose(0, Field.IGNORE)  # no name any more: every row is a problem
    wait_until(lambda: dialog.reading == 0)
    assert column(dialog, PreviewColumn.OUTCOME) == ["problem"] * 3
    assert column(dialog, PreviewColumn.DETAIL)[0] == "no name"
    assert not dialog.import_button.isEnabled()
    assert "in the columns above" in dialog.hint.text()

    dialog.columns.choose(0, Field.NAME)
    wait_until(lambda: dialog.reading == 0)
    assert dialog.plan.new_contacts == 2


def test_the_import_writes_what_the_preview_showed_and_is_undoable(
    dialog: ImportDialog, ctx: Context, window: QMainWindow, qtbot: QtBot
) -> None:
    assert dialog.columns is not None
    dialog.columns.choose(5, Field.DEPARTMENT)
    wait_until(lambda: dialog.reading == 0)
    with qtbot.waitSignal(dialog.accepted):
        dialog.import_button.click()
    contacts = {c.name: c for c in ctx.wb.contacts.list()}
    assert contacts["邓丽华"].department == "质量部" and contacts["邓丽华"].title == "质量经理"
    assert "区志强" in contacts and ctx.wb.accounts.count() == 2
    assert len(ctx.wb.anniversaries.list()) == 2
    assert ctx.undo.undoText() == "Import 2 contacts"
    ctx.undo.undo()
    assert sorted(c.name for c in ctx.wb.contacts.list()) == ["单田芳", "曾国华", "欧阳娜娜"]
    assert ctx.wb.accounts.count() == 1 and ctx.wb.anniversaries.list() == []


def test_rows_with_problems_can_be_skipped(
    ctx: Context, customer: Customer, window: QMainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("姓名,公司,生日\n王五,恒瑞精密,1990-13-01\n赵六,恒瑞精密,\n", "utf-8-sig")
    table = read_table(path.read_bytes(), name=path.name)
    mapping = propose(table.headers)
    cards = to_cards(table, mapping)
    dialog = ImportDialog(window, ctx, path, cards, snapshot(ctx.wb), table, mapping)
    qtbot.addWidget(dialog)
    assert dialog.skip_bad.text() == "Skip the rows with problems and import the others"
    assert column(dialog, PreviewColumn.DETAIL)[0] == "birthday 1990-13-01: month must be 1 to 12"
    assert not dialog.import_button.isEnabled()
    dialog.skip_bad.setChecked(True)
    assert dialog.import_button.isEnabled()


def test_a_vcard_dialog_has_no_columns(
    ctx: Context, customer: Customer, window: QMainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    from kamdesk.interchange.vcard import read_cards

    path = tmp_path / "a.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:王五\nORG:恒瑞精密\nEND:VCARD\n", "utf-8")
    dialog = ImportDialog(window, ctx, path, read_cards(path.read_bytes()), snapshot(ctx.wb))
    qtbot.addWidget(dialog)
    assert dialog.columns is None
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Card"


def test_the_row_preview_model_passes_qt_model_checks(
    ctx: Context, customer: Customer, csv_file: Path, qtmodeltester: object
) -> None:
    from kamdesk.interchange.vcard import Unit, plan

    table = read_table(csv_file.read_bytes())
    model = PreviewModel(unit=Unit.ROW)
    model.set_plan(plan(to_cards(table, propose(table.headers)), snapshot(ctx.wb)))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
