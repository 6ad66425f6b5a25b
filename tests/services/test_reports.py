"""Report figures checked by hand on a small archive: Pareto order and shares, tier totals,
visits against the cadence plan, issue resolution times, and the archive summary."""

from __future__ import annotations

from datetime import date

import pytest

from kamdesk.domain.enums import IssueSeverity, Tier
from kamdesk.services.reports import (
    archive_summary,
    pareto,
    resolution_times,
    tier_distribution,
    visits_vs_plan,
)
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer

PROFITS = {
    "苏州恒瑞精密机械有限公司": 500_000,
    "杭州丰源陶瓷股份有限公司": 300_000,
    "南方食品有限公司": 100_000,
    "青岛海润物流有限公司": 50_000,
    "成都天府茶业有限公司": 30_000,
    "大连北星船舶配件厂": 20_000,
}


def book(wb: Workbench, year: int = 2025) -> dict[str, str]:
    """Six accounts with the docs' 50/30/10/5/3/2 profits, and one with no figures."""
    ids = {}
    for name, profit in PROFITS.items():
        account = wb.accounts.create(name=name)
        wb.years.create(account_id=account.id, year=year, revenue=profit * 4, gross_profit=profit)
        ids[name] = account.id
    ids["沈阳新兴机电"] = wb.accounts.create(name="沈阳新兴机电").id
    return ids


def test_pareto_ranks_by_profit_and_accumulates_the_shares(wb: Workbench) -> None:
    book(wb)
    report = pareto(wb.archive, 2025)
    assert report.total == 1_000_000 and (report.a_share, report.b_share) == (0.8, 0.95)
    assert [r.name for r in report.rows] == [*PROFITS, "沈阳新兴机电"]
    assert [r.rank for r in report.rows] == [1, 2, 3, 4, 5, 6, 7]
    assert [round(r.share, 3) for r in report.rows] == [0.5, 0.3, 0.1, 0.05, 0.03, 0.02, 0.0]
    assert [round(r.cumulative, 3) for r in report.rows] == [0.5, 0.8, 0.9, 0.95, 0.98, 1, 1]
    # above each: 0%, 50%, 80%, 90%, 95%, 98%, 100% -> the one that crosses 80% is still A
    assert "".join(r.tier.value for r in report.rows) == "AABBCCC"


def test_a_hand_set_tier_is_the_tier_in_use_and_counts_there(wb: Workbench) -> None:
    ids = book(wb)
    wb.engine.set_tier(ids["成都天府茶业有限公司"], "B", "集团新签框架协议")
    report = pareto(wb.archive, 2025)
    tea = next(r for r in report.rows if r.name == "成都天府茶业有限公司")
    assert (tea.tier, tea.tier_in_use, tea.set_by_hand) == (Tier.C, Tier.B, True)
    a, b, c = tier_distribution(report)
    assert (a.tier, a.accounts, a.gross_profit) == (Tier.A, 2, 800_000)
    assert (b.accounts, b.gross_profit) == (3, 180_000)
    assert (c.accounts, c.gross_profit) == (2, 20_000)
    assert a.account_share == pytest.approx(2 / 7) and a.profit_share == pytest.approx(0.8)
    assert c.profit_share == pytest.approx(0.02)


def test_an_empty_archive_has_an_empty_pareto_and_zero_tiers(wb: Workbench) -> None:
    report = pareto(wb.archive, 2025)
    assert report.rows == () and report.total == 0
    assert [(t.accounts, t.account_share, t.profit_share) for t in tier_distribution(report)] == [
        (0, 0.0, 0.0)
    ] * 3


def test_visits_are_counted_per_month_against_the_cadence_plan(wb: Workbench) -> None:
    big = wb.accounts.create(name="苏州恒瑞精密机械有限公司")
    small = wb.accounts.create(name="南方食品有限公司")
    wb.years.create(account_id=big.id, year=2024, revenue=900_000, gross_profit=300_000)
    for when in ("2025-01-06 09:30", "2025-01-27 14:00", "2025-03-05 10:00", "2025-03-20 10:00"):
        wb.visits.log(big.id, [], occurred_at=when, kind="on_site")
    wb.visits.log(small.id, [], occurred_at="2025-02-11 15:00", kind="phone")
    gone = wb.visits.log(small.id, [], occurred_at="2025-01-15 15:00", kind="phone")
    wb.visits.delete(gone.id)
    wb.visits.log(big.id, [], occurred_at="2024-12-30 10:00")  # the year before

    months = visits_vs_plan(wb.archive, 2025, today=date(2025, 3, 10))

    jan, feb, mar, apr = months[:4]
    # big is A by its 2024 profit (every 30 days), small has none: C (every 182 days)
    assert jan.planned == pytest.approx(31 / 30 + 31 / 182)
    assert feb.planned == pytest.approx(28 / 30 + 28 / 182)
    assert (jan.visits, feb.visits, mar.visits, apr.visits) == (2, 1, 1, None)
    assert jan.visits_by_tier == {Tier.A: 2, Tier.B: 0, Tier.C: 0}
    assert feb.visits_by_tier[Tier.C] == 1 and feb.planned_by_tier[Tier.A] == pytest.approx(28 / 30)
    assert jan.ratio == pytest.approx(2 / (31 / 30 + 31 / 182))
    assert (jan.complete, mar.complete, apr.complete) == (True, False, False)
    assert apr.ratio is None and len(months) == 12


def test_the_plan_follows_the_cadence_settings(wb: Workbench) -> None:
    wb.accounts.create(name="南方食品有限公司")  # no profit: tier C
    wb.settings.set("cadence.C.visit_days", "31")
    months = visits_vs_plan(wb.archive, 2025, today=date(2026, 1, 5))
    assert months[0].planned == pytest.approx(1.0) and months[1].planned == pytest.approx(28 / 31)
    assert all(m.complete for m in months) and months[11].visits == 0


def test_resolution_times_per_month_and_severity_with_what_is_open(
    wb: Workbench, customer: Customer
) -> None:
    account = customer.account.id

    def issue(raised: str, severity: str, status: str = "open", resolved: str = "") -> None:
        wb.issues.create(
            account_id=account, raised_on=raised, severity=severity, status=status,
            resolved_on=resolved or None, description=f"交货延期 {raised}",
        )  # fmt: skip

    issue("2025-01-02", "high", "resolved", "2025-01-12")  # 10 days, January
    issue("2025-01-20", "medium", "closed", "2025-01-24")  # 4 days, January
    issue("2024-12-20", "high", "resolved", "2025-02-10")  # 52 days, February
    issue("2024-11-02", "low", "resolved", "2024-11-30")  # resolved the year before
    issue("2025-02-01", "critical")
    issue("2025-02-03", "medium", "in_progress")

    report = resolution_times(wb.archive, 2025)

    jan, feb, mar = report.by_month[:3]
    assert (jan.resolved, jan.median_days, jan.mean_days) == (2, 7.0, 7.0)
    assert (feb.resolved, feb.median_days, feb.mean_days) == (1, 52.0, 52.0)
    assert (mar.resolved, mar.median_days, mar.mean_days) == (0, None, None)
    high = report.by_severity[IssueSeverity.HIGH]
    assert (high.resolved, high.median_days, high.mean_days) == (2, 31.0, 31.0)
    assert report.by_severity[IssueSeverity.LOW].resolved == 0
    assert report.open_by_severity == {
        IssueSeverity.LOW: 0,
        IssueSeverity.MEDIUM: 1,
        IssueSeverity.HIGH: 0,
        IssueSeverity.CRITICAL: 1,
    }
    assert report.open_now == 2


def test_the_archive_summary_counts_live_and_deleted_records(
    wb: Workbench, customer: Customer
) -> None:
    wb.contacts.delete(customer.buyer.id)
    summary = archive_summary(wb.archive)
    assert summary.path == wb.archive.path and summary.size_bytes > 0
    assert summary.installation_id == wb.archive.installation_id
    assert summary.live["accounts"] == 1 and summary.live["contacts"] == 2
    assert summary.deleted["contacts"] == 1 and summary.deleted["accounts"] == 0
    assert summary.last_change is not None and summary.last_change.year >= 2024
