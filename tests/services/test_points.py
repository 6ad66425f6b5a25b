"""Loyalty points: earned once per year of revenue, redeemed within the balance, expired FIFO."""

from __future__ import annotations

from datetime import date

import pytest

from kamdesk.domain.enums import PointKind
from kamdesk.domain.errors import NotFound, ValidationError
from kamdesk.services.points import PointsService, add_months
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer


@pytest.fixture
def points(wb: Workbench) -> PointsService:
    return PointsService(wb.archive, wb.settings)


@pytest.fixture
def account(wb: Workbench, customer: Customer) -> str:
    wb.years.set_year(customer.account.id, 2022, revenue=3_456_789, gross_profit=500_000)
    wb.years.set_year(customer.account.id, 2023, revenue=1_209_999, gross_profit=200_000)
    return customer.account.id


def test_a_year_earns_points_per_full_10000_of_revenue_once(
    points: PointsService, account: str
) -> None:
    entry = points.earn_for_year(account, 2022)
    assert entry is not None
    assert (entry.kind, entry.points, entry.entry_on) == (PointKind.EARNED, 345, date(2022, 12, 31))
    assert entry.expires_on == date(2024, 12, 31)  # 24 months by default
    assert points.earn_for_year(account, 2022) is None
    assert points.balance(account, date(2023, 6, 1)) == 345


def test_a_revenue_correction_earns_only_the_difference(
    wb: Workbench, points: PointsService, account: str
) -> None:
    points.earn_for_year(account, 2023)
    wb.years.set_year(account, 2023, revenue=1_500_000, gross_profit=200_000)
    extra = points.earn_for_year(account, 2023)
    assert extra is not None and extra.points == 150 - 120
    assert points.balance(account, date(2024, 1, 1)) == 150


def test_the_points_setting_changes_the_rate(
    wb: Workbench, points: PointsService, account: str
) -> None:
    wb.settings.set("points.per_10k", 3)
    entry = points.earn_for_year(account, 2023)
    assert entry is not None and entry.points == 360


def test_a_year_without_revenue_or_not_over_is_refused(points: PointsService, account: str) -> None:
    with pytest.raises(NotFound, match="2019"):
        points.earn_for_year(account, 2019)
    with pytest.raises(ValidationError, match="not over"):
        points.earn_for_year(account, date.today().year)


def test_redeeming_more_than_the_balance_is_refused(points: PointsService, account: str) -> None:
    points.earn_for_year(account, 2023)
    points.redeem(account, 100, "中秋礼品", on=date(2024, 9, 1))
    assert points.balance(account, date(2024, 9, 2)) == 20
    with pytest.raises(ValidationError, match="only 20 points"):
        points.redeem(account, 21, "高尔夫球票", on=date(2024, 9, 2))
    with pytest.raises(ValidationError):
        points.redeem(account, 0, "nothing")


def test_unused_points_expire_oldest_first_and_only_once(
    points: PointsService, account: str
) -> None:
    points.earn_for_year(account, 2022)  # 345, expires 2024-12-31
    points.earn_for_year(account, 2023)  # 120, expires 2025-12-31
    points.redeem(account, 300, "年会赞助", on=date(2024, 6, 1))  # uses the 2022 lot first
    assert points.balance(account, date(2024, 12, 30)) == 165
    assert points.balance(account, date(2025, 1, 1)) == 120  # expired even before expire()
    assert points.expire(date(2025, 1, 1)) == 45
    assert points.expire(date(2025, 1, 1)) == 0
    assert points.balance(account, date(2025, 1, 1)) == 120
    kinds = [(e.kind, e.points, e.entry_on) for e in points.ledger(account)]
    assert kinds[-1] == (PointKind.EXPIRED, -45, date(2024, 12, 31))
    assert points.expire(date(2026, 1, 1)) == 120
    assert points.balance(account, date(2026, 1, 1)) == 0


def test_expired_points_cannot_be_redeemed(points: PointsService, account: str) -> None:
    points.earn_for_year(account, 2022)
    with pytest.raises(ValidationError, match="only 0 points"):
        points.redeem(account, 1, "太晚了", on=date(2025, 3, 1))


def test_no_expiry_when_the_setting_is_zero(
    wb: Workbench, points: PointsService, account: str
) -> None:
    wb.settings.set("points.expire_months", 0)
    entry = points.earn_for_year(account, 2022)
    assert entry is not None and entry.expires_on is None
    assert points.expire(date(2040, 1, 1)) == 0
    assert points.balance(account, date(2040, 1, 1)) == 345


def test_levels_follow_the_settings(wb: Workbench, points: PointsService) -> None:
    assert [points.level(n) for n in (0, 499, 500, 1999, 2000)] == [
        "", "", "silver", "silver", "gold",
    ]  # fmt: skip
    wb.settings.set("points.silver_at", 100)
    assert points.level(100) == "silver"


def test_the_ledger_is_oldest_first(points: PointsService, account: str) -> None:
    points.earn_for_year(account, 2023)
    points.earn_for_year(account, 2022)
    assert [e.entry_on.year for e in points.ledger(account)] == [2022, 2023]


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2022, 12, 31), 24) == date(2024, 12, 31)
