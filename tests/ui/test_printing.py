"""Printing from the desktop: the account page previews and saves its dossier and plan; the
accounts list prints many accounts into one PDF or a folder."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from kamdesk.services.workbench import Workbench
from kamdesk.ui import printing
from kamdesk.ui.account_page import AccountPage
from kamdesk.ui.accounts_page import AccountsPage
from kamdesk.ui.context import Context
from kamdesk.ui.ops import Op
from kamdesk.ui.printing import BatchPrintDialog, PdfPreview, paint_pages
from tests.conftest import SENSITIVE_VALUES, Customer
from tests.ui.waiting import wait_until

TODAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def background_work_finishes(qtbot: QtBot) -> Iterator[None]:
    yield
    wait_until(lambda: not Op.running, 30_000)


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def pages_of(path: Path) -> int:
    document = pdfium.PdfDocument(path)
    try:
        return len(document)
    finally:
        document.close()


@pytest.fixture
def page(ctx: Context, qtbot: QtBot, rich_customer: Customer) -> AccountPage:
    shown = AccountPage(ctx)
    qtbot.addWidget(shown)
    shown.printing.today = lambda: TODAY
    shown.show()
    shown.show_account(rich_customer.account.id)
    wait_until(lambda: not Op.running)
    return shown


def test_save_dossier_as_pdf_and_as_a_shareable_word_file(
    page: AccountPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "恒瑞.pdf"
    monkeypatch.setattr(printing, "ask_save_path", lambda *args: target)
    page.save_dossier("pdf")
    wait_until(lambda: target.exists() and not Op.running)
    text = pdf_text(target)
    assert "单田芳" in text and SENSITIVE_VALUES[0] in text

    word = tmp_path / "恒瑞.docx"
    monkeypatch.setattr(printing, "ask_save_path", lambda *args: word)
    page.shareable_action.setChecked(True)
    page.save_dossier("docx")
    wait_until(lambda: word.exists() and not Op.running)
    document = docx.Document(io.BytesIO(word.read_bytes()))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "单田芳" in body
    assert all(value not in body for value in SENSITIVE_VALUES)


def test_cancelling_the_file_dialog_writes_nothing(
    page: AccountPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printing, "ask_save_path", lambda *args: None)
    page.save_dossier("pdf")
    assert not Op.running and list(tmp_path.glob("*.pdf")) == []


def test_print_preview_shows_every_page_and_prints_them(
    page: AccountPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PdfPreview, "exec", lambda self: 0)
    page.print_document()
    wait_until(lambda: page.printing.preview is not None)
    preview = page.printing.preview
    assert preview is not None and len(preview.pages) >= 3
    assert preview.pages[0].width() > 1000  # rendered sharp enough to print
    sheet = QPrinter()
    sheet.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    sheet.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pages(sheet, preview.pages) == len(preview.pages)
    assert pages_of(tmp_path / "printed.pdf") == len(preview.pages)


def batch(ctx: Context, qtbot: QtBot, selected: str | None = None) -> BatchPrintDialog:
    listing = AccountsPage(ctx)
    qtbot.addWidget(listing)
    dialog = BatchPrintDialog(ctx.wb, ctx.settings, listing.listed_ids, selected, TODAY, listing)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def two_accounts(wb: Workbench, rich_customer: Customer) -> list[str]:
    other = wb.accounts.create(name="杭州远景科技有限公司", short_name="远景科技")
    wb.contacts.create(account_id=other.id, name="诸葛亮", title="总经理", level="owner")
    # a follow-up promised for next week (Monday 2026-11-30 to Sunday 2026-12-06)
    wb.visits.log(other.id, [], occurred_at="2026-11-10 10:00", follow_up_on="2026-12-02")
    return [rich_customer.account.id, other.id]


def test_a_batch_of_the_whole_list_into_one_pdf(
    ctx: Context,
    qtbot: QtBot,
    two_accounts: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "all.pdf"
    monkeypatch.setattr(printing, "ask_save_path", lambda *args: target)
    dialog = batch(ctx, qtbot)
    dialog.which.setCurrentIndex(dialog.which.findData("listed"))
    dialog.format.setCurrentIndex(0)  # one combined PDF
    dialog.start()
    wait_until(lambda: bool(dialog.written), 30_000)
    text = pdf_text(target)
    assert "苏州恒瑞精密机械有限公司" in text and "杭州远景科技有限公司" in text
    assert "2 documents written" in dialog.summary.text()


def test_a_batch_of_next_weeks_visits_as_word_files_in_a_folder(
    ctx: Context,
    qtbot: QtBot,
    two_accounts: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(printing, "ask_folder", lambda *args: tmp_path / "week")
    dialog = batch(ctx, qtbot)
    dialog.which.setCurrentIndex(dialog.which.findData("due"))
    assert dialog.account_ids() == [two_accounts[1]]
    dialog.format.setCurrentIndex(dialog.format.findData("docx:folder"))
    dialog.start()
    wait_until(lambda: bool(dialog.written), 30_000)
    assert [p.name for p in dialog.written] == ["杭州远景科技有限公司-dossier.docx"]


def test_a_batch_of_service_plans(
    ctx: Context,
    qtbot: QtBot,
    two_accounts: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(printing, "ask_folder", lambda *args: tmp_path / "plans")
    dialog = batch(ctx, qtbot, selected=two_accounts[0])
    dialog.plan.setChecked(True)
    dialog.year.setValue(2027)
    dialog.quarter.setCurrentIndex(dialog.quarter.findData(2))
    dialog.which.setCurrentIndex(dialog.which.findData("selected"))
    dialog.format.setCurrentIndex(dialog.format.findData("pdf:folder"))
    dialog.start()
    wait_until(lambda: bool(dialog.written), 30_000)
    (written,) = dialog.written
    assert "2027-04-01 – 2027-06-30" in pdf_text(written)
