"""What the account and contact pages read: one snapshot each, visits with the people met."""

from datetime import date

import pytest

from kamdesk.domain.calendar_days import RULE_LEAP_TO_ORDINARY
from kamdesk.domain.enums import IssueStatus
from kamdesk.domain.errors import NotFound
from kamdesk.services.account_view import (
    account_dossier,
    contact_dossier,
    issue_age,
    this_year,
    visits_with,
)
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer


def test_the_account_dossier_holds_people_top_down_and_visits_newest_first(
    wb: Workbench, customer: Customer
) -> None:
    aid = customer.account.id
    wb.visits.log(aid, [customer.buyer.id, customer.owner.id], occurred_at="2025-03-01 10:00")
    wb.visits.log(aid, [customer.vp.id], occurred_at="2025-06-01 15:30", purpose="技术交流")
    found = account_dossier(wb.archive, aid)
    assert [c.name for c in found.contacts] == ["单田芳", "曾国华", "欧阳娜娜"]
    assert [v.visit.purpose for v in found.visits] == ["技术交流", ""]
    assert [m.name for m in found.visits[1].met] == ["单田芳", "欧阳娜娜"]


def test_a_deleted_contact_is_not_listed_among_the_people_met(
    wb: Workbench, customer: Customer
) -> None:
    aid = customer.account.id
    wb.visits.log(aid, [customer.vp.id, customer.buyer.id])
    wb.contacts.delete(customer.buyer.id)
    (line,) = account_dossier(wb.archive, aid).visits
    assert [m.name for m in line.met] == ["曾国华"]


def test_open_issues_come_before_resolved_ones(wb: Workbench, customer: Customer) -> None:
    aid = customer.account.id
    wb.issues.create(account_id=aid, description="交货延期", raised_on="2025-01-05")
    wb.issues.create(
        account_id=aid,
        description="发票错误",
        raised_on="2025-02-01",
        status="resolved",
        resolved_on="2025-02-10",
    )
    wb.issues.create(account_id=aid, description="噪音超标", raised_on="2024-12-01")
    found = account_dossier(wb.archive, aid).issues
    assert [i.description for i in found] == ["交货延期", "噪音超标", "发票错误"]


def test_a_deleted_account_has_no_dossier(wb: Workbench, customer: Customer) -> None:
    wb.accounts.delete(customer.account.id)
    with pytest.raises(NotFound):
        account_dossier(wb.archive, customer.account.id)
    with pytest.raises(NotFound):
        contact_dossier(wb.archive, customer.vp.id)


def test_the_contact_dossier_has_the_visits_that_person_was_at(
    wb: Workbench, customer: Customer
) -> None:
    aid = customer.account.id
    wb.visits.log(aid, [customer.vp.id, customer.buyer.id], purpose="年度商务谈判")
    wb.visits.log(aid, [customer.owner.id], purpose="拜访董事长")
    wb.preferences.create(contact_id=customer.vp.id, category="drink", value="普洱茶")
    found = contact_dossier(wb.archive, customer.vp.id)
    assert [v.visit.purpose for v in found.visits] == ["年度商务谈判"]
    assert [m.name for m in found.visits[0].met] == ["曾国华", "欧阳娜娜"]
    assert [c.name for c in found.colleagues] == ["单田芳", "欧阳娜娜"]
    assert found.manager is not None and found.manager.name == "单田芳"
    assert [p.value for p in found.preferences] == ["普洱茶"]
    assert [v.visit.purpose for v in visits_with(wb.archive, customer.owner.id)] == ["拜访董事长"]


def test_issue_age_runs_to_today_while_open_and_to_the_resolution_after(
    wb: Workbench, customer: Customer
) -> None:
    aid = customer.account.id
    still_open = wb.issues.create(account_id=aid, description="漏油", raised_on="2025-05-01")
    done = wb.issues.create(
        account_id=aid,
        description="缺件",
        raised_on="2025-05-01",
        status="closed",
        resolved_on="2025-05-11",
    )
    assert issue_age(still_open, date(2025, 6, 1)) == 31
    assert issue_age(done, date(2025, 6, 1)) == 10
    assert done.status is IssueStatus.CLOSED


def test_a_leap_month_birthday_falls_on_the_ordinary_month_in_other_years(
    wb: Workbench, customer: Customer
) -> None:
    born = wb.anniversaries.create(
        contact_id=customer.vp.id,
        kind="birthday",
        calendar="lunar",
        month=2,
        day=10,
        leap_month=True,
        year=2023,
    )
    in_2023 = this_year(born, 2023)
    in_2024 = this_year(born, 2024)
    assert in_2023 is not None and in_2023.date == date(2023, 3, 31) and in_2023.rule is None
    assert in_2024 is not None and in_2024.date == date(2024, 3, 19)
    assert in_2024.rule == RULE_LEAP_TO_ORDINARY
    assert this_year(born, 2200) is None
