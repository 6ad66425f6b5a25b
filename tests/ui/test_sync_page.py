"""The Sync page shows the archive, its identity and contents and the calendar export, and
offers exchange by file in tabs of its own (the exchange itself: test_sync_dialogs.py)."""

from __future__ import annotations

from pathlib import Path
from unittest.mock import patch

from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from kamdesk.storage.migrations import HEAD
from kamdesk.ui.context import Context, deletion
from kamdesk.ui.sync_page import SyncPage
from tests.conftest import Customer
from tests.ui.waiting import arrives


def texts(page: SyncPage, column: int) -> list[str]:
    return [page.counts.item(row, column).text() for row in range(page.counts.rowCount())]


def test_the_archive_facts_and_record_counts(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    assert page.path.text() == str(ctx.wb.archive.path)
    assert page.installation.text() == ctx.wb.archive.installation_id
    assert page.file_size.text() and page.schema.text() == HEAD
    assert texts(page, 0)[:2] == ["Accounts", "Contacts"]
    assert texts(page, 1)[:2] == ["1", "3"]
    page.show()
    ctx.commit(deletion(ctx, "delete", ctx.wb.contacts, customer.buyer.id))
    assert texts(page, 1)[1] == "2" and texts(page, 2)[1] == "1"  # redrawn after the change


def test_exchange_has_tabs_of_its_own_and_starts_empty(ctx: Context, qtbot: QtBot) -> None:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1050, 760)  # the window at 1200 × 760, less the navigation
    page.show()
    tabs = [page.tabs.tabText(n) for n in range(page.tabs.count())]
    assert tabs == ["Archive", "Exchange", "Conflicts", "History"]
    assert page.fingerprint.text() == ctx.wb.sync.public_card().fingerprint
    assert page.peers.rows == [] and page.history.rows == []
    assert page.conflict_note.text() == "No conflicts."
    buttons = {b.text() for b in page.findChildren(QPushButton)}
    assert {"Save my key file…", "Register a key file…", "Export…", "Import…"} <= buttons
    assert {"Keep", "Take the other"} <= buttons
    assert not page.keep_button.isEnabled()


def test_the_calendar_export_works_from_here_too(
    ctx: Context, customer: Customer, qtbot: QtBot, tmp_path: Path
) -> None:
    ctx.wb.anniversaries.create(contact_id=customer.vp.id, kind="birthday", month=3, day=8)
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    target = tmp_path / "days.ics"
    with (
        patch.object(QFileDialog, "getSaveFileName", return_value=(str(target), "")),
        arrives(qtbot, page.export_box.exported),
    ):
        page.export_box.button.click()
    [event] = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "曾国华 birthday" and event["rrule"]["FREQ"] == ["YEARLY"]
