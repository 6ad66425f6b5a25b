"""The Today page: what comes up in the next days, grouped with counts, and one click to act."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from kamdesk.services.agenda import ANNIVERSARY, AgendaItem
from kamdesk.ui import agenda_view
from kamdesk.ui.agenda_view import OPEN, VISIT, AgendaColumn
from kamdesk.ui.context import Context
from kamdesk.ui.fmt import day
from kamdesk.ui.forms import FormDialog
from kamdesk.ui.greeting_dialog import GreetingDialog
from kamdesk.ui.today_page import DAYS_KEY, TodayPage
from tests.conftest import Customer
from tests.ui.waiting import arrives

TODAY = date(2025, 10, 1)  # lunar 08-15 of 2025 (中秋) is 6 October


def shown(ctx: Context, qtbot: QtBot) -> TodayPage:
    page = TodayPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    with arrives(qtbot, page.loaded):
        page.show()
    return page


def row_of(page: TodayPage, kind: str) -> tuple[QTreeWidgetItem, AgendaItem]:
    for row in page.tree.rows():
        item = page.tree.item_of(row)
        if item is not None and item.kind == kind:
            return row, item
    raise AssertionError(f"no {kind} on the page")


def lunar_birthday(ctx: Context, customer: Customer) -> None:
    ctx.wb.anniversaries.create(
        contact_id=customer.owner.id, kind="birthday", calendar="lunar", month=8, day=15,
        year=1968,
    )  # fmt: skip


def test_a_lunar_birthday_shows_on_this_years_solar_date(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    lunar_birthday(ctx, customer)
    page = shown(ctx, qtbot)
    row, item = row_of(page, ANNIVERSARY)
    assert item.on == date(2025, 10, 6)
    assert row.text(AgendaColumn.WHEN) == f"{day(date(2025, 10, 6))} · in 5 days"
    assert row.text(AgendaColumn.WHAT) == "单田芳 birthday (lunar 08-15)"
    assert "苏州恒瑞精密机械有限公司" in row.text(AgendaColumn.DETAIL)
    assert "57 years" in row.text(AgendaColumn.DETAIL)
    assert row.text(AgendaColumn.ACTION) == "Log greeting…"
    headings = [page.tree.topLevelItem(n).text(0) for n in range(page.tree.topLevelItemCount())]
    assert headings[0] == "Anniversaries (1)"
    assert "Festivals (2)" in headings  # 国庆节 today, 中秋节 with the birthday


def test_log_greeting_in_one_click_and_the_same_text_again_is_warned_about(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    lunar_birthday(ctx, customer)
    page = shown(ctx, qtbot)
    row, item = row_of(page, ANNIVERSARY)
    cell = page.tree.visualItemRect(row)
    x = page.tree.header().sectionViewportPosition(AgendaColumn.ACTION) + 10
    qtbot.mouseClick(
        page.tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, cell.center().y())
    )
    dialog = page.findChild(GreetingDialog)
    assert dialog is not None and dialog.isVisible()
    first = dialog.text.toPlainText()
    assert first == ctx.wb.greetings.suggest(customer.owner.id, "lunar_birthday", today=TODAY)
    assert "农历生日" in first and dialog.warning.isHidden()
    with arrives(qtbot, page.loaded):
        dialog.save()  # the page reads the agenda again after the change
    [sent] = ctx.wb.greetings.history(customer.owner.id)
    assert (sent.text, sent.occasion, sent.sent_on) == (first, "lunar_birthday", TODAY)
    assert page.tree.selected() == item  # read again, the list keeps the manager's place

    with arrives(qtbot, page.loaded):
        ctx.undo.undo()
    assert ctx.wb.greetings.history(customer.owner.id) == []
    with arrives(qtbot, page.loaded):
        ctx.undo.redo()
    assert [g.id for g in ctx.wb.greetings.history(customer.owner.id)] == [sent.id]

    again = page.handler.log_greeting(item)
    assert again.text.toPlainText() != first  # a text this person has not had yet
    assert "same text" not in again.warning.text()
    again.text.setPlainText(first + "  ")
    assert not again.warning.isHidden()
    assert f"the same text was sent to 单田芳 on {TODAY}" in again.warning.text()
    again.reject()


def test_a_festival_greeting_goes_to_a_contact_found_by_pinyin(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    page = shown(ctx, qtbot)
    national_day = next(
        i for r in page.tree.rows() if (i := page.tree.item_of(r)) and i.title == "国庆节"
    )
    dialog = page.handler.log_greeting(national_day)
    assert dialog.contact_id() is None and dialog.text.toPlainText() == ""
    dialog.finder.setText("zgh")  # 曾国华 by initials
    assert dialog.who.currentText() == "曾国华 — 苏州恒瑞精密机械有限公司"
    assert "国庆" in dialog.text.toPlainText()
    with arrives(qtbot, page.loaded):
        dialog.save()
    [sent] = ctx.wb.greetings.history(customer.vp.id)
    assert (sent.occasion, sent.channel.value) == ("national_day", "wechat")


def test_a_day_of_the_account_lets_one_choose_among_its_people(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    ctx.wb.anniversaries.create(
        account_id=customer.account.id, kind="company_founding", month=10, day=9, year=1998
    )
    page = shown(ctx, qtbot)
    _row, founding = row_of(page, ANNIVERSARY)
    dialog = page.handler.log_greeting(founding)
    people = [dialog.who.itemText(n) for n in range(dialog.who.count())]
    assert people == ["单田芳 董事长", "曾国华 副总经理", "欧阳娜娜 采购经理"]
    assert "27周年" in dialog.text.toPlainText()  # founded 1998, greeted in 2025
    dialog.text.clear()
    dialog.save()
    assert dialog.problem.text() == "Write the text that was sent."
    dialog.reject()


def test_the_number_of_days_is_remembered(ctx: Context, customer: Customer, qtbot: QtBot) -> None:
    page = shown(ctx, qtbot)
    assert page.days.value() == 14
    with arrives(qtbot, page.loaded):
        page.days.setValue(30)
    assert int(ctx.settings.value(DAYS_KEY)) == 30
    assert "in the next 30 days" in page.summary.text()
    again = TodayPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(again)
    assert again.days.value() == 30


def test_overdue_items_come_first_and_are_marked(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    account = customer.account.id
    ctx.wb.issues.create(
        account_id=account, raised_on="2025-09-01", due_on="2025-09-20", severity="high",
        description="两台数控机床主轴异响，客户要求上门检修",
    )  # fmt: skip
    ctx.wb.visits.log(account, [], occurred_at="2025-09-10 10:00", follow_up_on="2025-10-08")
    page = shown(ctx, qtbot)
    issue_row = next(r for r in page.tree.rows() if page.tree.item_of(r).kind == "issue_due")
    assert issue_row.text(AgendaColumn.WHEN).startswith("⚠ ")
    assert "11 days ago" in issue_row.text(AgendaColumn.WHEN)
    assert issue_row.parent().text(0) == "Issues due (1, 1 overdue)"
    assert issue_row.text(AgendaColumn.ACTION) == "Open account"
    follow_row, follow_up = row_of(page, "follow_up")
    assert follow_row.text(AgendaColumn.ACTION) == "Log visit…"
    assert [a for a, _text in page.handler.available(follow_up)] == [VISIT, OPEN]
    assert "1 overdue" in page.summary.text()


def test_log_visit_without_an_account_page_opens_a_visit_form(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    ctx.wb.visits.log(
        customer.account.id, [], occurred_at="2025-09-10 10:00", follow_up_on="2025-10-03"
    )
    page = shown(ctx, qtbot)
    _row, item = row_of(page, "follow_up")
    page.handler.log_visit(item)
    form = page.findChild(FormDialog)
    assert form is not None
    form.form.editor("purpose").setText("回访主轴维修结果")
    with arrives(qtbot, page.loaded):
        form.save()
    visits = ctx.wb.visits.list(account_id=customer.account.id)
    assert [v.purpose for v in visits] == ["", "回访主轴维修结果"]


def test_double_click_opens_the_account(ctx: Context, customer: Customer, qtbot: QtBot) -> None:
    lunar_birthday(ctx, customer)
    page = shown(ctx, qtbot)
    row, _item = row_of(page, ANNIVERSARY)
    with arrives(qtbot, ctx.notifier.open_account) as opened:
        page.tree.itemDoubleClicked.emit(row, AgendaColumn.WHAT)
    assert opened == [(customer.account.id,)]


def test_a_large_archive_is_read_in_the_background(
    ctx: Context, customer: Customer, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    lunar_birthday(ctx, customer)
    monkeypatch.setattr(agenda_view, "READ_AT_ONCE_ACCOUNTS", 0)
    page = TodayPage(ctx, today=lambda: TODAY)
    qtbot.addWidget(page)
    with arrives(qtbot, page.loaded):
        page.show()
        assert page.summary.text() == "Reading the agenda…"
    assert row_of(page, ANNIVERSARY)[1].on == date(2025, 10, 6)


def test_an_empty_archive_says_what_to_do_instead_of_an_empty_list(
    ctx: Context, qtbot: QtBot
) -> None:
    page = shown(ctx, qtbot)
    assert page.stack.currentWidget() is page.message
    assert "no customers yet" in page.message.text()
