"""The ids behind the accounts list, as printing many accounts reads them: every matching
account, in the list's order, without the per-row figures."""

from __future__ import annotations

from kamdesk.services.lists import AccountQuery, AccountSort
from kamdesk.services.workbench import Workbench


def test_account_ids_follow_the_lists_filter_and_order(wb: Workbench) -> None:
    names = ["杭州远景科技", "苏州恒瑞精密", "北京华信", "苏州宏达"]
    made = {n: wb.accounts.create(name=n, city=n[:2]).id for n in names}
    every = wb.account_ids(AccountQuery())
    shown = [row.id for row in wb.account_page(AccountQuery(), limit=10)]
    assert every == shown and len(every) == 4
    suzhou = wb.account_ids(AccountQuery(text="苏州", sort=AccountSort.NAME, descending=True))
    assert set(suzhou) == {made["苏州恒瑞精密"], made["苏州宏达"]}
    assert suzhou == [r.id for r in wb.account_page(AccountQuery(text="苏州", descending=True))]
