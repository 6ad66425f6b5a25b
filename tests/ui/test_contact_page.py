"""The contact page: one person's details (private ones marked), days, visits and greetings."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from unittest.mock import patch

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.domain.calendar_days import Recurring, occurrence
from kamdesk.domain.enums import CalendarKind
from kamdesk.ui.contact_page import ContactPage
from kamdesk.ui.context import Context
from kamdesk.ui.fmt import day
from kamdesk.ui.forms import SENSITIVE_MARK
from kamdesk.ui.ops import Op
from tests.conftest import Customer


@pytest.fixture(autouse=True)
def background_work_finishes(qtbot: QtBot) -> Iterator[None]:
    yield
    qtbot.waitUntil(lambda: not Op.running, timeout=10_000)


def open_page(ctx: Context, qtbot: QtBot, contact_id: str) -> ContactPage:
    page = ContactPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.show_contact(contact_id)
    return page


def heading_of(page: ContactPage, name: str) -> QLabel:
    found = page.details_form.labelForField(page.details[name])
    assert isinstance(found, QLabel)
    return found


def test_the_header_names_the_person_and_opens_their_account(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.vp.id)
    assert page.name.text() == "曾国华"
    assert page.role.text() == "副总经理"
    assert page.account.text() == "苏州恒瑞精密机械有限公司"
    with qtbot.waitSignal(ctx.notifier.open_account) as opened:
        page.account.click()
    assert opened.args == [customer.account.id]


def test_every_detail_is_shown_and_private_ones_are_marked(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    ctx.wb.contacts.update(
        customer.vp.id,
        strength=4,
        attitude="supporter",
        hometown="浙江绍兴",
        health_notes="痛风，忌海鲜啤酒",
        our_owner="李静",
    )
    page = open_page(ctx, qtbot, customer.vp.id)
    assert page.detail_text("reports_to_id") == "单田芳 (董事长)"
    assert page.detail_text("phones") == "139-0000-1111"
    assert page.detail_text("attitude") == "supporter"
    assert page.detail_text("strength") == "●●●●○ (4/5)"
    assert page.detail_text("health_notes") == "痛风，忌海鲜啤酒"
    assert page.detail_text("children") == "—"
    health = heading_of(page, "health_notes")
    assert health.text().startswith(SENSITIVE_MARK)
    assert "Sensitive" in health.toolTip()
    assert heading_of(page, "hometown").toolTip() == "Personal detail"
    assert not heading_of(page, "title").text().startswith(SENSITIVE_MARK)


def test_the_persons_days_show_this_years_date(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    ctx.wb.anniversaries.create(
        contact_id=customer.owner.id, kind="birthday", calendar="lunar", month=12, day=30
    )
    ctx.wb.anniversaries.create(contact_id=customer.vp.id, kind="birthday", month=5, day=1)
    page = open_page(ctx, qtbot, customer.owner.id)
    found = occurrence(Recurring(CalendarKind.LUNAR, 12, 30), date.today().year)
    mark = " *" if found.rule else ""
    assert page.anniversaries.model.texts(2) == ["lunar 腊月三十"]
    assert page.anniversaries.model.texts(3) == [day(found.date) + mark]


def test_editing_the_person_can_be_undone(ctx: Context, qtbot: QtBot, customer: Customer) -> None:
    page = open_page(ctx, qtbot, customer.buyer.id)
    dialog = page.edit_dialog()
    assert dialog is not None
    wechat = dialog.form.editor("wechat_id")
    assert isinstance(wechat, QLineEdit)
    wechat.setText("nana_hr")
    dialog.save()
    assert page.detail_text("wechat_id") == "nana_hr"
    ctx.undo.undo()
    assert page.detail_text("wechat_id") == "—"


def test_a_preference_added_here_belongs_to_this_person(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.buyer.id)
    page.tabs.setCurrentWidget(page.preferences)
    dialog = page.preferences.new_dialog()
    assert dialog is not None
    value = dialog.form.editor("value")
    assert isinstance(value, QLineEdit)
    value.setText("瑜伽")
    category = dialog.form.editor("category")
    category.setCurrentIndex(category.findData("sport"))  # type: ignore[attr-defined]
    dialog.save()
    assert page.preferences.model.texts(0) == ["欧阳娜娜"]
    assert ctx.wb.preferences.list(contact_id=customer.buyer.id)[0].value == "瑜伽"
    page.preferences.table.selectRow(0)
    with patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes):
        page.delete_selected()
    assert page.preferences.model.texts(0) == []


def test_greetings_received_are_listed_newest_first(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    ctx.wb.greetings.log(customer.owner.id, "mid_autumn", "wechat", "中秋快乐", date(2024, 9, 17))
    ctx.wb.greetings.log(customer.owner.id, "birthday", "card", "生日快乐", date(2025, 3, 2))
    page = open_page(ctx, qtbot, customer.owner.id)
    assert page.greetings.texts(3) == ["生日快乐", "中秋快乐"]
    assert page.greetings.texts(1) == ["birthday", "Mid-Autumn Festival"]
    assert page.tabs.tabText(page.tabs.indexOf(page.greetings_table)) == "Greetings (2)"


def test_a_deleted_contact_says_so(ctx: Context, qtbot: QtBot, customer: Customer) -> None:
    page = open_page(ctx, qtbot, customer.buyer.id)
    ctx.wb.contacts.delete(customer.buyer.id)
    page.refresh()
    assert page.stack.currentWidget() is page.gone
    assert "no longer in the archive" in page.gone.text()
