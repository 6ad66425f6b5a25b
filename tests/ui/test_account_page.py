"""The account page: what a manager sees of 苏州恒瑞精密机械 and what they can change, undoably."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from kamdesk.domain.calendar_days import Recurring, occurrence
from kamdesk.domain.enums import AnniversaryKind, CalendarKind, ContactLevel, Tier, VisitKind
from kamdesk.ui.account_page import AccountPage
from kamdesk.ui.account_tables import RecordsTab
from kamdesk.ui.contact_page import ContactPage
from kamdesk.ui.context import Context
from kamdesk.ui.fmt import amount, day
from kamdesk.ui.forms import SENSITIVE_MARK
from kamdesk.ui.ops import Op
from tests.conftest import Customer


@pytest.fixture(autouse=True)
def background_work_finishes(qtbot: QtBot) -> Iterator[None]:
    """No test leaves the engine working on an archive that is about to close."""
    yield
    qtbot.waitUntil(lambda: not Op.running, timeout=10_000)


def open_page(ctx: Context, qtbot: QtBot, account_id: str) -> AccountPage:
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    with qtbot.waitSignal(page.standing_shown, timeout=10_000):
        page.show_account(account_id)
    return page


def texts(tab: RecordsTab[Any], column: int) -> list[str]:
    return tab.model.texts(column)


def choose(combo: object, value: object) -> None:
    assert isinstance(combo, QComboBox)
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def type_into(editor: object, text: str) -> None:
    if isinstance(editor, QPlainTextEdit):
        editor.setPlainText(text)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def test_the_overview_shows_the_dossier_value_and_the_engines_view(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    wb = ctx.wb
    aid = customer.account.id
    wb.accounts.update(
        aid,
        owner="李静",
        business_situation="新建二期厂房，产能翻番",
        decision_process="董事长拍板，副总把关技术",
        is_key_account=True,
        key_account_reason="华东最大的精密机械客户",
        cost_to_serve=120_000,
    )
    wb.years.create(
        account_id=aid, year=date.today().year - 1, revenue=8_000_000, gross_profit=2_000_000
    )
    page = open_page(ctx, qtbot, aid)
    shown = page.overview.texts()
    assert "新建二期厂房，产能翻番" in shown and "董事长拍板，副总把关技术" in shown
    assert "★ yes: 华东最大的精密机械客户" in shown
    assert amount(2_000_000) in shown and amount(120_000) in shown
    assert page.name.text() == "苏州恒瑞精密机械有限公司" and page.star.isVisible()
    assert "李静" in page.facts.text() and "苏州" in page.facts.text()
    assert page.standing is not None and page.badge.text() == f"Tier {page.standing.tier.value}"
    assert page.overview.tier.text() == page.standing.tier.value
    assert page.overview.tier_why.text() == page.standing.tier_explanation
    signals = [s.text for s in page.standing.risk_signals]
    assert signals and all(any(text in t for t in shown) for text in signals)


def test_the_contacts_tab_lists_the_people_and_maps_them_top_down(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    page.tabs.setCurrentWidget(page.contacts)
    assert texts(page.contacts, 0) == ["单田芳", "曾国华", "欧阳娜娜"]
    assert page.tabs.tabText(page.tabs.indexOf(page.contacts)) == "Contacts (3)"
    drawn = page.contacts.map.chart
    owner, vp, buyer = (drawn.box_of(c.id) for c in (customer.owner, customer.vp, customer.buyer))
    assert owner.bottom < vp.top and vp.bottom < buyer.top
    assert drawn.uncovered == tuple(ContactLevel)  # nobody has a strength of 3 or more yet
    table = page.contacts.table
    spot = table.visualRect(page.contacts.model.index(1, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    with qtbot.waitSignal(ctx.notifier.open_contact) as opened:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    assert opened.args == [customer.vp.id]
    box = drawn.box_of(customer.buyer.id)
    with qtbot.waitSignal(ctx.notifier.open_contact) as clicked:
        qtbot.mouseClick(
            page.contacts.map,
            Qt.MouseButton.LeftButton,
            pos=QPoint(int(box.centre_x), int(box.top + 8)),
        )
    assert clicked.args == [customer.buyer.id]


def test_a_new_contact_with_a_lunar_birthday_shows_this_years_date(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    page.tabs.setCurrentWidget(page.contacts)
    dialog = page.contacts.new_dialog()
    assert dialog is not None
    type_into(dialog.form.editor("name"), "冯晓军")
    type_into(dialog.form.editor("title"), "技术总监")
    choose(dialog.form.editor("level"), ContactLevel.DIRECTOR)
    choose(dialog.form.editor("reports_to_id"), customer.vp.id)
    choose(dialog.form.editor("strength"), 4)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "冯晓军" in texts(page.contacts, 0)
    new = ctx.wb.contacts.resolve("冯晓军")
    assert ContactLevel.DIRECTOR not in page.contacts.map.chart.uncovered

    page.tabs.setCurrentWidget(page.anniversaries)
    days = page.anniversaries.new_dialog()
    assert days is not None
    choose(days.who.editor("contact_id"), new.id)
    choose(days.who.editor("kind"), AnniversaryKind.BIRTHDAY)
    days.set_lunar(True)
    days.lunar.year.setValue(1976)
    days.lunar.month.setCurrentIndex(days.lunar.month.findText("八月"))
    days.lunar.day.setCurrentIndex(days.lunar.day.findText("十五"))
    days.save()
    assert days.result() == days.DialogCode.Accepted

    this_year = occurrence(Recurring(CalendarKind.LUNAR, 8, 15), date.today().year).date
    assert texts(page.anniversaries, 0) == ["冯晓军"]
    assert texts(page.anniversaries, 2) == ["lunar 八月十五 (1976)"]
    assert texts(page.anniversaries, 3) == [day(this_year)]
    ctx.undo.undo()
    assert texts(page.anniversaries, 0) == []


def test_a_family_members_day_needs_a_person_and_is_sensitive(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    days = page.anniversaries.new_dialog()
    assert days is not None
    choose(days.who.editor("kind"), AnniversaryKind.CHILD_BIRTHDAY)
    type_into(days.who.editor("family_member"), "女儿 小雨")
    sensitivity = days.more.editor("sensitivity")
    assert isinstance(sensitivity, QComboBox) and sensitivity.currentData() == "sensitive"
    days.solar.set_value(2, 29, None)  # 29 February is offered when the year is unknown
    days.save()
    assert days.result() != days.DialogCode.Accepted
    message = days.who.rows["family_member"].message
    assert message.text() == "a family member's day belongs to a contact"
    assert ctx.wb.anniversaries.list(account_id=customer.account.id) == []
    choose(days.who.editor("contact_id"), customer.vp.id)
    days.save()
    assert days.result() == days.DialogCode.Accepted
    assert texts(page.anniversaries, 0) == [f"{SENSITIVE_MARK} 女儿 小雨 (family of 曾国华)"]
    assert texts(page.anniversaries, 2) == ["02-29"]


def test_a_visit_with_two_contacts_shows_on_the_log_and_on_both_contact_pages(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    page.tabs.setCurrentWidget(page.visits)
    dialog = page.visits.new_dialog()
    assert dialog is not None
    choose(dialog.form.editor("kind"), VisitKind.DINNER)
    type_into(dialog.form.editor("purpose"), "年度合作回顾")
    type_into(dialog.form.editor("summary"), "二期厂房设备需求明确")
    type_into(dialog.form.editor("cost"), "1,800")
    choose(dialog.form.editor("satisfaction"), 5)
    dialog.people[customer.vp.id].setChecked(True)
    dialog.people[customer.buyer.id].setChecked(True)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert texts(page.visits, 2) == ["年度合作回顾"]
    assert texts(page.visits, 3) == ["曾国华、欧阳娜娜"]
    assert texts(page.visits, 5) == ["●●●●●"]
    for person in (customer.vp, customer.buyer):
        contact_page = ContactPage(ctx)
        qtbot.addWidget(contact_page)
        contact_page.show_contact(person.id)
        assert contact_page.visits.model.texts(2) == ["年度合作回顾"]
    owner_page = ContactPage(ctx)
    qtbot.addWidget(owner_page)
    owner_page.show_contact(customer.owner.id)
    assert owner_page.visits.model.texts(2) == []
    qtbot.waitUntil(lambda: not Op.running, timeout=10_000)
    ctx.undo.undo()
    assert texts(page.visits, 2) == []


def test_editing_an_account_field_can_be_undone(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    dialog = page.edit_dialog()
    assert dialog is not None
    type_into(dialog.form.editor("city"), "无锡")
    type_into(dialog.form.editor("company_news"), "获评省级专精特新企业")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert "无锡" in page.facts.text()
    assert page.overview.dossier["company_news"].text() == "获评省级专精特新企业"
    assert ctx.undo.undoText() == "Edit 苏州恒瑞精密机械有限公司"
    ctx.undo.undo()
    assert "苏州" in page.facts.text() and "无锡" not in page.facts.text()
    assert ctx.wb.accounts.get(customer.account.id).company_news == ""


def test_a_refused_edit_keeps_the_dialog_open_with_the_reason(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    dialog = page.edit_dialog()
    assert dialog is not None
    editor = dialog.form.editor("is_key_account")
    editor.setChecked(True)  # type: ignore[attr-defined]
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    message = dialog.form.rows["key_account_reason"].message
    assert message.text() == "say why this is a key account"
    assert ctx.undo.count() == 0


def test_deleting_a_preference_can_be_undone(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    ctx.wb.preferences.create(contact_id=customer.owner.id, category="drink", value="普洱茶")
    ctx.wb.preferences.create(
        account_id=customer.account.id, category="taboo", value="送钟", likes=False
    )
    page = open_page(ctx, qtbot, customer.account.id)
    page.tabs.setCurrentWidget(page.preferences)
    assert texts(page.preferences, 0) == ["单田芳", "the company"]
    assert texts(page.preferences, 3) == ["likes", "dislikes / avoid"]
    page.preferences.table.selectRow(0)
    with patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes):
        page.delete_selected()
    assert texts(page.preferences, 2) == ["送钟"]
    ctx.undo.undo()
    assert texts(page.preferences, 2) == ["普洱茶", "送钟"]


def test_a_new_preference_is_added_in_the_current_tab(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    page.tabs.setCurrentWidget(page.preferences)
    dialog = page.preferences.new_dialog()
    assert dialog is not None
    choose(dialog.form.editor("contact_id"), customer.vp.id)
    choose(dialog.form.editor("category"), "sport")
    type_into(dialog.form.editor("value"), "高尔夫")
    dialog.save()
    assert texts(page.preferences, 2) == ["高尔夫"]
    assert texts(page.preferences, 0) == ["曾国华"]


def test_setting_the_tier_needs_a_reason_and_can_be_undone(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    dialog = page.tier_dialog()
    assert dialog is not None
    choose(dialog.form.editor("tier"), "A")
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.form.rows["tier_override_reason"].message.isVisibleTo(dialog)
    type_into(dialog.form.editor("tier_override_reason"), "战略客户，董事长亲自对接")
    with qtbot.waitSignal(page.standing_shown, timeout=10_000):
        dialog.save()
    assert page.standing is not None and page.standing.tier is Tier.A
    assert page.badge.text() == "Tier A"
    assert "战略客户" in page.overview.tier_why.text()
    with qtbot.waitSignal(page.standing_shown, timeout=10_000):
        ctx.undo.undo()
    assert page.standing is not None and not page.standing.overridden
    assert ctx.wb.accounts.get(customer.account.id).tier_override is None


def test_issues_show_how_many_days_they_have_been_open(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    aid = customer.account.id
    raised = date.fromordinal(date.today().toordinal() - 12)
    ctx.wb.issues.create(account_id=aid, description="主轴异响", raised_on=raised, severity="high")
    ctx.wb.issues.create(
        account_id=aid,
        description="发票抬头错误",
        raised_on="2025-01-01",
        status="resolved",
        resolved_on="2025-01-04",
    )
    page = open_page(ctx, qtbot, aid)
    assert texts(page.issues, 1) == ["主轴异响", "发票抬头错误"]
    assert texts(page.issues, 4) == ["12", "3"]
    assert texts(page.issues, 2) == ["high", "medium"]


def test_a_deleted_account_says_so_and_shows_nothing(
    ctx: Context, qtbot: QtBot, customer: Customer
) -> None:
    page = open_page(ctx, qtbot, customer.account.id)
    ctx.wb.accounts.delete(customer.account.id)
    page.refresh()
    assert page.stack.currentWidget() is page.gone
    assert "no longer in the archive" in page.gone.text()
    assert page.dossier is None
    page.new_record()  # nothing to add to: nothing happens
    page.delete_selected()


def test_each_tab_renders(ctx: Context, qtbot: QtBot, customer: Customer) -> None:
    """Screens of every tab go to $KAMDESK_SCREENS when it names a folder."""
    aid = customer.account.id
    ctx.wb.visits.log(aid, [customer.owner.id], purpose="拜访董事长", satisfaction=4)
    ctx.wb.anniversaries.create(
        contact_id=customer.owner.id, kind="birthday", calendar="lunar", month=8, day=15
    )
    page = open_page(ctx, qtbot, aid)
    folder = os.environ.get("KAMDESK_SCREENS")
    for number in range(page.tabs.count()):
        page.tabs.setCurrentIndex(number)
        qtbot.wait(20)  # let the layout settle before the picture is taken
        image = page.grab()
        assert not image.isNull()
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            image.save(str(Path(folder) / f"account_page_{number}.png"))
