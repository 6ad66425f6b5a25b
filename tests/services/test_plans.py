"""Service plans: what a tier calls for in a year or a quarter, from the settings, and how
plan compares with what was done."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date

import pytest

from kamdesk.domain.calendar_days import Recurring, occurrences_between
from kamdesk.domain.enums import Tier
from kamdesk.domain.errors import ValidationError
from kamdesk.services.plans import (
    DONE,
    DUE,
    EXECUTIVE,
    FESTIVAL,
    GREETING,
    MAINTENANCE,
    MISSED,
    PLANNED,
    REVIEW,
    SURVEY,
    VISIT,
    windows,
)
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer

TODAY = date(2026, 11, 23)


def test_a_tier_a_year_has_what_the_default_rules_call_for(
    wb: Workbench, customer: Customer
) -> None:
    plan = wb.plans.plan(customer.account.id, 2027, today=TODAY, tier=Tier.A)
    kinds = Counter(item.kind for item in plan.items)
    assert kinds[VISIT] == 12  # every 30 days
    assert kinds[EXECUTIVE] == 2  # every 182 days
    assert kinds[MAINTENANCE] == 4  # every 91 days: quarterly maintenance for the top tier
    assert kinds[SURVEY] == 2
    assert kinds[REVIEW] == 4
    assert kinds[FESTIVAL] == 3  # 春节, 端午, 中秋
    assert {i.status for i in plan.items} == {PLANNED}
    assert [i.due for i in plan.items if i.kind == MAINTENANCE] == [
        date(2027, 3, 31),
        date(2027, 6, 30),
        date(2027, 9, 30),
        date(2027, 12, 31),
    ]
    assert all(i.owner == customer.account.owner for i in plan.items if i.kind == VISIT)


def test_tier_rules_come_from_the_settings(wb: Workbench, customer: Customer) -> None:
    wb.settings.set("cadence.C.visit_days", "60")
    wb.settings.set("plan.C.reviews_per_year", "2")
    plan = wb.plans.plan(customer.account.id, 2027, today=TODAY, tier=Tier.C)
    kinds = Counter(item.kind for item in plan.items)
    assert kinds[VISIT] == 6
    assert kinds[REVIEW] == 2
    assert kinds[EXECUTIVE] == kinds[MAINTENANCE] == 0
    assert any("every 60 days" in rule for rule in plan.rules)


def test_festival_and_lunar_birthday_greetings_fall_on_this_years_dates(
    wb: Workbench, customer: Customer
) -> None:
    wb.anniversaries.create(
        account_id=customer.account.id,
        contact_id=customer.vp.id,
        kind="birthday",
        calendar="lunar",
        month=8,
        day=15,
    )
    plan = wb.plans.plan(customer.account.id, 2027, today=TODAY, tier=Tier.B)
    (birthday,) = [i for i in plan.items if i.kind == GREETING]
    (expected,) = occurrences_between(
        Recurring("lunar", 8, 15), date(2027, 1, 1), date(2027, 12, 31)
    )
    assert birthday.due == expected.date
    assert "曾国华" in birthday.what
    festivals = {i.what.split(" ")[0]: i.due for i in plan.items if i.kind == FESTIVAL}
    assert festivals["春节"] == date(2027, 2, 6)
    assert festivals["中秋节"] == expected.date  # both are lunar 8-15


def test_a_quarter_holds_the_items_whose_window_overlaps_it(
    wb: Workbench, customer: Customer
) -> None:
    plan = wb.plans.plan(customer.account.id, 2027, 2, today=TODAY, tier=Tier.A)
    assert (plan.start, plan.end) == (date(2027, 4, 1), date(2027, 6, 30))
    visits = [i for i in plan.items if i.kind == VISIT]
    assert [i.due.month for i in visits] == [4, 5, 6]
    executive = [i for i in plan.items if i.kind == EXECUTIVE]
    assert [i.due for i in executive] == [date(2027, 6, 30)]  # the first half's visit
    assert all(i.window_end >= plan.start and i.window_start <= plan.end for i in plan.items)


def test_after_the_fact_each_item_is_done_missed_or_due(wb: Workbench, customer: Customer) -> None:
    aid = customer.account.id
    wb.visits.log(aid, [customer.vp.id], occurred_at="2026-01-15 10:00", kind="on_site")
    wb.visits.log(
        aid,
        [customer.owner.id],
        occurred_at="2026-11-03 09:00",
        kind="executive",
        purpose="年度复盘",
        satisfaction=5,
    )
    wb.greetings.log(customer.owner.id, "spring_festival", "wechat", "新春快乐", date(2026, 2, 14))
    plan = wb.plans.plan(aid, 2026, today=TODAY, tier=Tier.A)

    def status(kind: str, month: int) -> tuple[str, date | None]:
        item = next(i for i in plan.items if i.kind == kind and i.due.month == month)
        return item.status, item.done_on

    assert status(VISIT, 1) == (DONE, date(2026, 1, 15))
    assert status(VISIT, 2) == (MISSED, None)
    assert status(VISIT, 11) == (DONE, date(2026, 11, 3))
    assert status(VISIT, 12) == (PLANNED, None)  # December has not begun
    assert status(MAINTENANCE, 3) == (DONE, date(2026, 1, 15))  # on site counts
    assert status(MAINTENANCE, 12) == (DUE, None)  # an executive visit is not on site
    assert status(EXECUTIVE, 12) == (DONE, date(2026, 11, 3))
    assert status(SURVEY, 12) == (DONE, date(2026, 11, 3))  # a satisfaction score recorded
    assert status(REVIEW, 12) == (DONE, date(2026, 11, 3))  # purpose says 复盘
    assert status(REVIEW, 3) == (MISSED, None)
    spring = next(i for i in plan.items if i.kind == FESTIVAL and "春节" in i.what)
    assert (spring.status, spring.done_on) == (DONE, date(2026, 2, 14))
    counts = sum(plan.count(s) for s in (DONE, MISSED, DUE, PLANNED))
    assert counts == len(plan.items)


def test_windows_follow_months_when_they_can() -> None:
    assert windows(2027, 4)[1] == (date(2027, 4, 1), date(2027, 6, 30))
    assert windows(2027, 1) == [(date(2027, 1, 1), date(2027, 12, 31))]
    five = windows(2027, 5)
    assert five[0][0] == date(2027, 1, 1) and five[-1][1] == date(2027, 12, 31)
    assert all(a[1].toordinal() + 1 == b[0].toordinal() for a, b in itertools.pairwise(five))
    assert windows(2027, 0) == []


def test_a_bad_period_is_refused(wb: Workbench, customer: Customer) -> None:
    with pytest.raises(ValidationError):
        wb.plans.plan(customer.account.id, 2027, 5, today=TODAY)
    with pytest.raises(ValidationError):
        wb.plans.plan(customer.account.id, 1800, today=TODAY)
