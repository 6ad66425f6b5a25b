"""The calendar page: days with agenda items marked, the chosen day listed with its lunar name,
and the calendar file export that any calendar program reads back."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from unittest.mock import patch

from icalendar import Calendar
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from kamdesk.services.agenda import ANNIVERSARY, FESTIVAL, VISIT_DUE
from kamdesk.ui.agenda_view import day_heading
from kamdesk.ui.calendar_page import CalendarPage, calendar_items, cell_text, month_window
from kamdesk.ui.context import Context
from kamdesk.ui.fmt import qdate
from tests.conftest import Customer
from tests.ui.waiting import arrives

TODAY = date(2025, 10, 1)
MID_AUTUMN = date(2025, 10, 6)  # lunar 08-15 of 2025


def shown(ctx: Context, qtbot: QtBot) -> CalendarPage:
    page = CalendarPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with arrives(qtbot, page.loaded):
        page.show()
    return page


def test_a_month_window_covers_the_grid_around_it() -> None:
    assert month_window(2025, 10) == (date(2025, 9, 24), 52)
    assert month_window(2025, 12) == (date(2025, 11, 24), 52)


def test_cells_name_festivals_solar_terms_and_lunar_days() -> None:
    assert cell_text(MID_AUTUMN) == "中秋节"
    assert cell_text(date(2025, 4, 4)) == "清明节"
    assert cell_text(date(2025, 4, 20)) == "谷雨"
    assert cell_text(date(2025, 10, 21)) == "九月"  # the first of the ninth lunar month
    assert cell_text(date(2025, 10, 10)) == "十九"


def test_a_marked_day_lists_its_items_with_the_lunar_date(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    ctx.wb.anniversaries.create(
        contact_id=customer.vp.id, kind="birthday", calendar="lunar", month=8, day=15
    )
    page = shown(ctx, qtbot)
    assert page.calendar.is_marked(MID_AUTUMN)
    assert page.calendar.counts[MID_AUTUMN] == 2  # 曾国华's birthday and 中秋节
    assert not page.calendar.is_marked(date(2025, 10, 7))
    page.calendar.setSelectedDate(qdate(MID_AUTUMN))
    kinds = [page.tree.item_of(row).kind for row in page.tree.rows()]
    assert kinds == [ANNIVERSARY, FESTIVAL]
    assert page.tree.rows()[0].text(1) == "曾国华 birthday (lunar 08-15)"
    assert "八月十五" in page.heading.text() and "中秋节" in page.heading.text()
    page.calendar.setSelectedDate(qdate(date(2025, 10, 7)))
    assert page.day_stack.currentWidget() is page.nothing
    assert page.calendar.grab().width() > 0  # the cells paint their counts and lunar days


def test_turning_the_month_reads_that_month(ctx: Context, customer: Customer, qtbot: QtBot) -> None:
    ctx.wb.accounts.update(customer.account.id, renewal_date="2025-12-15")
    page = shown(ctx, qtbot)
    assert date(2025, 12, 15) not in page.calendar.counts
    with arrives(qtbot, page.loaded):
        page.calendar.setCurrentPage(2025, 12)
    assert page.calendar.counts[date(2025, 12, 15)] == 1
    assert page.calendar.is_marked(date(2025, 12, 25))  # 圣诞节


def test_cadence_visits_are_due_from_today_on_not_on_past_days(
    ctx: Context, customer: Customer
) -> None:
    today = date(2025, 10, 15)  # the account was never visited: a visit is due today
    ctx.wb.anniversaries.create(contact_id=customer.buyer.id, kind="birthday", month=10, day=2)
    items = calendar_items(ctx.wb, *month_window(2025, 10), today)
    due = [(i.on, i.kind) for i in items if i.kind in (VISIT_DUE, ANNIVERSARY)]
    assert due == [(date(2025, 10, 2), ANNIVERSARY), (today, VISIT_DUE)]
    assert not any(i.overdue for i in items)


def test_day_heading_names_the_lunar_day_and_festival() -> None:
    heading = day_heading(MID_AUTUMN)
    assert "lunar 八月十五" in heading and heading.endswith("中秋节")


def test_export_writes_an_ics_file_that_reads_back_with_the_event(
    ctx: Context, customer: Customer, qtbot: QtBot, tmp_path: Path
) -> None:
    ctx.wb.anniversaries.create(
        contact_id=customer.owner.id, kind="birthday", calendar="lunar", month=8, day=15,
        year=1968, lead_days=3,
    )  # fmt: skip
    page = shown(ctx, qtbot)
    box = page.export_box
    box.years.setValue(2)
    chosen = str(tmp_path / "客户纪念日")
    with (
        patch.object(QFileDialog, "getSaveFileName", return_value=(chosen, "")),
        arrives(qtbot, box.exported) as done,
    ):
        box.button.click()
    target = tmp_path / "客户纪念日.ics"
    assert done == [(2, str(target))]
    assert str(target) in box.result.text()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    dates = sorted(e.decoded("dtstart") for e in events)
    assert dates == [MID_AUTUMN, date(2026, 9, 25)]  # lunar 08-15 of 2025 and 2026
    assert all("单田芳" in str(e["summary"]) for e in events)
    assert ctx.settings.value("calendar/folder") == str(tmp_path)


def test_cancelling_the_file_dialog_writes_nothing(
    ctx: Context, customer: Customer, qtbot: QtBot, tmp_path: Path
) -> None:
    page = shown(ctx, qtbot)
    with patch.object(QFileDialog, "getSaveFileName", return_value=("", "")):
        page.export_box.button.click()
    assert page.export_box.result.text() == "" and list(tmp_path.glob("*.ics")) == []
