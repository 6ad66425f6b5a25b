"""The accounts list: search as you type, filters and sorting done in SQL, undoable edits."""

from __future__ import annotations

from unittest.mock import patch

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.domain.enums import Tier
from kamdesk.services.workbench import Workbench
from kamdesk.ui.accounts_page import AccountsPage
from kamdesk.ui.context import Context
from kamdesk.ui.models import AccountColumn, AccountTableModel


def names(page: AccountsPage) -> list[str]:
    return [row.name for row in page.model.rows]


def make(wb: Workbench) -> None:
    a = wb.accounts.create(name="苏州恒瑞精密机械有限公司", city="苏州", owner="李静")
    wb.contacts.create(account_id=a.id, name="张建国", phones=["13812345678"])
    wb.accounts.create(name="杭州丰源陶瓷股份有限公司", city="杭州", owner="王磊")
    wb.accounts.create(name="南方食品有限公司", city="广州", owner="王磊", status="dormant")


def test_search_finds_an_account_by_a_contacts_initials_and_phone(
    ctx: Context, qtbot: QtBot
) -> None:
    make(ctx.wb)
    page = AccountsPage(ctx)
    qtbot.addWidget(page)
    assert len(names(page)) == 3
    qtbot.keyClicks(page.search, "zjg")
    qtbot.waitUntil(lambda: names(page) == ["苏州恒瑞精密机械有限公司"])
    page.search.setText("5678")
    qtbot.waitUntil(lambda: names(page) == ["苏州恒瑞精密机械有限公司"])
    assert page.count.text() == "1 accounts"


def test_filters_and_header_clicks_are_answered_by_sql(ctx: Context, qtbot: QtBot) -> None:
    make(ctx.wb)
    page = AccountsPage(ctx)
    qtbot.addWidget(page)
    page.owner.setCurrentIndex(page.owner.findData("王磊"))
    assert sorted(names(page)) == ["南方食品有限公司", "杭州丰源陶瓷股份有限公司"]
    page.view.sortByColumn(AccountColumn.CITY, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["杭州丰源陶瓷股份有限公司", "南方食品有限公司"]


def test_tier_filter_uses_the_engines_last_ranking(ctx: Context, qtbot: QtBot) -> None:
    make(ctx.wb)
    big = ctx.wb.accounts.resolve("杭州丰源陶瓷股份有限公司")
    ctx.wb.years.create(account_id=big.id, year=2025, revenue=9_000_000, gross_profit=2_000_000)
    ctx.wb.engine.refresh_cache()
    page = AccountsPage(ctx)
    qtbot.addWidget(page)
    page.tier.setCurrentIndex(page.tier.findData(Tier.A))
    assert names(page) == ["杭州丰源陶瓷股份有限公司"]


def test_deleting_an_account_can_be_undone(ctx: Context, qtbot: QtBot) -> None:
    make(ctx.wb)
    page = AccountsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.view.selectRow(0)
    first = names(page)[0]
    with patch.object(QMessageBox, "question", return_value=QMessageBox.StandardButton.Yes):
        page.delete_selected()
    assert first not in names(page) and ctx.wb.accounts.count() == 2
    ctx.undo.undo()
    assert first in names(page) and ctx.wb.accounts.count() == 3


def test_the_lazy_model_passes_qt_model_checks(ctx: Context, qtmodeltester: object) -> None:
    make(ctx.wb)
    model = AccountTableModel(ctx.wb)
    model.fetchMore()
    qtmodeltester.check(model)  # type: ignore[attr-defined]
