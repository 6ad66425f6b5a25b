"""Visit rhythms by tier: next due dates, days overdue, and what a tier does not require."""

from datetime import date

from kamdesk.domain.cadence import CadenceDays, Planner, cadence, days_for, due
from kamdesk.domain.enums import Tier
from kamdesk.domain.settings import REGISTRY

TODAY = date(2025, 6, 15)


def test_the_next_visit_is_the_last_one_plus_the_interval() -> None:
    d = due("visit", Tier.A, 30, date(2025, 6, 1), TODAY)
    assert d.next_due == date(2025, 7, 1)
    assert d.overdue_days == 0
    assert d.explanation == "last visit 2025-06-01 + every 30 days (tier A) → due 2025-07-01"


def test_days_past_the_due_date_are_overdue() -> None:
    # 2025-04-01 + 30 days = 2025-05-01; 2025-05-01 → 2025-06-15 is 45 days
    d = due("visit", Tier.A, 30, date(2025, 4, 1), TODAY)
    assert d.next_due == date(2025, 5, 1)
    assert d.overdue_days == 45
    assert d.explanation.endswith(", 45 days overdue")


def test_due_today_is_not_overdue() -> None:
    assert due("visit", Tier.B, 91, date(2025, 3, 16), TODAY).overdue_days == 0


def test_an_account_never_visited_is_due_today() -> None:
    d = due("executive", Tier.A, 182, None, TODAY)
    assert (d.next_due, d.overdue_days) == (TODAY, 0)
    assert d.explanation == "no executive visit yet → due today"


def test_zero_days_means_the_tier_does_not_require_that_kind_of_visit() -> None:
    d = due("maintenance", Tier.C, 0, None, TODAY)
    assert (d.next_due, d.overdue_days) == (None, 0)
    assert "no maintenance (on-site) visit required" in d.explanation


def test_the_three_rhythms_come_from_the_tier_settings() -> None:
    defaults = {key: s.default for key, s in REGISTRY.items()}
    assert days_for(Tier.A, defaults) == CadenceDays(30, 182, 91)
    assert days_for(Tier.C, defaults) == CadenceDays(182, 0, 0)
    plan = cadence(
        Tier.A, CadenceDays(30, 182, 91), date(2025, 6, 1), None, date(2025, 1, 1), TODAY
    )
    assert plan.visit.next_due == date(2025, 7, 1)
    assert plan.executive.next_due == TODAY
    assert plan.maintenance.overdue_days == (TODAY - date(2025, 4, 2)).days


def test_the_planner_gives_what_cadence_gives_for_every_tier_and_history() -> None:
    planner = Planner(TODAY)
    days = {Tier.A: CadenceDays(30, 182, 91), Tier.C: CadenceDays(182, 0, 0)}
    history = [None, date(2025, 6, 15), date(2025, 5, 16), date(2024, 12, 1), date(2019, 2, 28)]
    for tier, every in days.items():
        for last in history:
            for other in history:
                expected = cadence(tier, every, last, other, last, TODAY)
                assert planner.cadence(tier, every, last, other, last) == expected
                assert planner.cadence(tier, every, last, other, last) == expected  # remembered
