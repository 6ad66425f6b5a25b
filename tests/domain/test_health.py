"""Churn signals: each rule fires alone on an otherwise healthy account, with its reason."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from kamdesk import i18n
from kamdesk.domain.cadence import CadenceDays, cadence
from kamdesk.domain.enums import Attitude, BillingCycle, BuyingRole, ContactLevel, Tier
from kamdesk.domain.health import (
    Assessor,
    ContactFacts,
    HealthFacts,
    People,
    Signal,
    assess,
    people,
)

TODAY = date(2025, 6, 15)
A_DAYS = CadenceDays(30, 182, 91)
OWNER = ContactFacts("单田芳", ContactLevel.OWNER, BuyingRole.DECISION_MAKER, Attitude.SUPPORTER, 4)


def healthy(**changes: Any) -> HealthFacts:
    """A tier-A account with steady profit, recent visits and a strong tie to its owner."""
    facts = HealthFacts(
        latest_year=2024,
        profit_latest=1_000_000,
        profit_previous=1_000_000,
        cadence=cadence(
            Tier.A, A_DAYS, date(2025, 6, 1), date(2025, 3, 1), date(2025, 6, 1), TODAY
        ),
        satisfaction_recent=4.5,
        ratings_recent=3,
        satisfaction_earlier=4.5,
        ratings_earlier=5,
        billing_cycle=BillingCycle.ANNUAL,
        contacts=(OWNER,),
    )
    return replace(facts, **changes)


def codes(facts: HealthFacts, drop: float = 0.20) -> list[str]:
    return [s.code for s in assess(facts, drop).signals]


def test_a_healthy_account_has_no_signal_and_score_zero() -> None:
    health = assess(healthy(), 0.20)
    assert health.signals == () and health.score == 0


def test_a_profit_fall_of_the_setting_or_more_is_a_signal() -> None:
    # 1,000,000 → 800,000 is exactly −20%: it counts; −19% does not
    assert codes(healthy(profit_latest=800_000)) == ["profit_fall"]
    assert codes(healthy(profit_latest=810_000)) == []
    signal = assess(healthy(profit_latest=800_000), 0.20).signals[0]
    assert signal.severity == 2
    assert signal.text == (
        "gross profit fell 20%: 1,000,000 in 2023 → 800,000 in 2024 (signal at 20%)"
    )


def test_a_fall_of_twice_the_setting_or_into_loss_is_most_severe() -> None:
    assert assess(healthy(profit_latest=600_000), 0.20).score == 3
    assert assess(healthy(profit_latest=-1), 0.20).score == 3


def test_no_figures_for_a_year_is_not_a_fall() -> None:
    assert codes(healthy(profit_latest=None)) == []
    assert codes(healthy(profit_previous=0, profit_latest=0)) == []


def test_an_overdue_visit_grows_more_severe_with_each_missed_interval() -> None:
    # tier A visits every 30 days; last visit 2025-04-01 → due 2025-05-01 → 45 days overdue
    late = cadence(Tier.A, A_DAYS, date(2025, 4, 1), date(2025, 3, 1), date(2025, 6, 1), TODAY)
    health = assess(healthy(cadence=late), 0.20)
    assert [s.code for s in health.signals] == ["visit_overdue"]
    assert health.signals[0].severity == 2  # 45 // 30 = one whole interval missed
    assert health.signals[0].text == "no visit for 75 days, every 30 days is due: 45 days overdue"


def test_an_account_never_visited_is_flagged_gently() -> None:
    never = cadence(Tier.A, A_DAYS, None, None, None, TODAY)
    health = assess(healthy(cadence=never), 0.20)
    assert [(s.code, s.severity) for s in health.signals] == [("visit_overdue", 1)]


def test_executive_and_on_site_rhythms_have_their_own_signals() -> None:
    plan = cadence(Tier.A, A_DAYS, date(2025, 6, 1), date(2024, 6, 1), date(2025, 1, 1), TODAY)
    assert codes(healthy(cadence=plan)) == ["executive_overdue", "maintenance_overdue"]


def test_open_issues_past_due_are_a_signal() -> None:
    assert codes(healthy(issues_days_past_due=(10,))) == ["issues_past_due"]
    assert assess(healthy(issues_days_past_due=(10,)), 0.2).score == 1
    assert assess(healthy(issues_days_past_due=(10, 40)), 0.2).score == 2
    assert assess(healthy(issues_days_past_due=(120,)), 0.2).score == 3
    text = assess(healthy(issues_days_past_due=(10, 40)), 0.2).signals[0].text
    assert text == "open issues past due: 2, the oldest 40 days late"


def test_falling_satisfaction_needs_a_half_point_drop_and_enough_ratings() -> None:
    assert codes(healthy(satisfaction_recent=4.0)) == ["satisfaction_fall"]
    assert codes(healthy(satisfaction_recent=4.1)) == []
    assert codes(healthy(satisfaction_recent=2.0, ratings_recent=1)) == []
    assert assess(healthy(satisfaction_recent=3.5), 0.2).score == 2
    assert assess(healthy(satisfaction_recent=2.0), 0.2).score == 3


@pytest.mark.parametrize(
    ("before", "now", "severity"),
    [
        (BillingCycle.ANNUAL, BillingCycle.QUARTERLY, 1),
        (BillingCycle.QUARTERLY, BillingCycle.MONTHLY, 1),
        (BillingCycle.ANNUAL, BillingCycle.MONTHLY, 2),
        (BillingCycle.MONTHLY, BillingCycle.ANNUAL, 0),
    ],
)
def test_a_shorter_billing_cycle_is_a_signal_one_step_at_a_time(
    before: BillingCycle, now: BillingCycle, severity: int
) -> None:
    facts = healthy(billing_cycle=now, billing_cycle_before=before)
    assert assess(facts, 0.2).score == severity
    if severity:
        assert codes(facts) == ["billing_shortened"]


def test_a_decision_maker_without_relationship_is_a_signal() -> None:
    buyer = ContactFacts("欧阳娜娜", ContactLevel.MANAGER, BuyingRole.DECISION_MAKER, None, 1)
    health = assess(healthy(contacts=(OWNER, buyer)), 0.2)
    assert [s.code for s in health.signals] == ["decision_maker_cold"]
    assert "欧阳娜娜" in health.signals[0].text
    unknown = buyer._replace(strength=None)
    assert codes(healthy(contacts=(OWNER, unknown))) == ["decision_maker_cold"]


def test_a_decision_maker_who_opposes_us_is_the_most_severe() -> None:
    rival = ContactFacts("曾国华", ContactLevel.VP, BuyingRole.DECISION_MAKER, Attitude.OPPONENT, 3)
    health = assess(healthy(contacts=(OWNER, rival)), 0.2)
    assert [(s.code, s.severity) for s in health.signals] == [("decision_maker_opponent", 3)]


def test_no_decision_maker_on_record_is_a_signal() -> None:
    owner = OWNER._replace(buying_role=BuyingRole.INFLUENCER)
    assert codes(healthy(contacts=(owner,))) == ["no_decision_maker"]


def test_nobody_strong_at_owner_or_vp_level_leaves_the_top_uncovered() -> None:
    weak_owner = OWNER._replace(buying_role=BuyingRole.INFLUENCER, strength=2)
    director = ContactFacts("欧阳娜娜", ContactLevel.DIRECTOR, BuyingRole.DECISION_MAKER, None, 5)
    assert codes(healthy(contacts=(weak_owner, director))) == ["top_uncovered"]
    strong_vp = ContactFacts("曾国华", ContactLevel.VP, None, None, 3)
    assert codes(healthy(contacts=(weak_owner, director, strong_vp))) == []


def test_the_score_is_the_sum_of_severities_and_signals_come_most_severe_first() -> None:
    facts = healthy(profit_latest=800_000, issues_days_past_due=(5,), contacts=())
    health = assess(facts, 0.2)
    severities = [s.severity for s in health.signals]
    assert severities == sorted(severities, reverse=True)
    assert health.score == sum(severities) == 2 + 1 + 1 + 2  # profit, issue, no DM, top


def test_one_assessor_for_many_accounts_gives_what_assess_gives_each() -> None:
    late = cadence(Tier.A, A_DAYS, date(2025, 3, 1), None, date(2025, 1, 2), TODAY)
    cold = ContactFacts("欧阳娜娜", ContactLevel.DIRECTOR, BuyingRole.DECISION_MAKER, None, 1)
    opponent = cold._replace(name="曾国华", attitude=Attitude.OPPONENT, strength=3)
    accounts = [
        healthy(),
        healthy(profit_latest=500_000, cadence=late, issues_days_past_due=(40, 3)),
        healthy(cadence=late, contacts=(cold, opponent)),
        healthy(
            satisfaction_recent=2.5,
            billing_cycle=BillingCycle.MONTHLY,
            billing_cycle_before=BillingCycle.ANNUAL,
            contacts=(),
        ),
        healthy(profit_latest=500_000, cadence=late, issues_days_past_due=(40, 3)),
        healthy(cadence=late, contacts=(cold, opponent)),
    ]
    assessor = Assessor(0.2)
    found = [assessor(facts) for facts in accounts]
    assert found == [assess(facts, 0.2) for facts in accounts]
    first = {s.code: s for s in found[1].signals}
    again = {s.code: s for s in found[4].signals}
    assert again["issues_past_due"] is first["issues_past_due"]  # made once, then shared


def test_people_are_summed_up_with_names_in_the_order_they_were_entered() -> None:
    cold = ContactFacts("欧阳娜娜", ContactLevel.MANAGER, BuyingRole.DECISION_MAKER, None, None)
    rival = ContactFacts("曾国华", ContactLevel.VP, BuyingRole.DECISION_MAKER, Attitude.OPPONENT, 1)
    strong_vp = ContactFacts("单田芳", ContactLevel.VP, BuyingRole.USER, None, 3)
    summed = people([cold, strong_vp, rival])
    assert summed == People(True, True, ("欧阳娜娜", "曾国华"), ("曾国华",))
    assert people([]) == People(False, False, (), ())
    health = assess(healthy(contacts=(cold, strong_vp, rival)), 0.2)
    texts = {s.code: s.text for s in health.signals}
    assert texts["decision_maker_cold"] == (
        "no relationship with decision maker 欧阳娜娜、曾国华 (strength unknown or ≤ 1)"
    )
    assert texts["decision_maker_opponent"] == "decision maker 曾国华 opposes us"


def test_people_summed_up_elsewhere_count_instead_of_the_contacts() -> None:
    given = People(True, False, (), ("曾国华",))
    codes_given = codes(healthy(contacts=(OWNER,), people=given))
    assert codes_given == ["decision_maker_opponent", "top_uncovered"]
    assert codes(healthy(contacts=(), people=people([OWNER]))) == []


def test_a_signal_keeps_the_words_of_the_language_it_was_made_in() -> None:
    message = "executive visit {o} days overdue (every {e} days)"
    late = cadence(Tier.A, A_DAYS, date(2025, 6, 1), date(2024, 6, 1), date(2025, 6, 1), TODAY)
    i18n.install(i18n.CatalogueTranslations({message: "高层拜访逾期 {o} 天（每 {e} 天一次）"}))
    try:
        [signal] = assess(healthy(cadence=late), 0.2).signals
    finally:
        i18n.install(i18n.catalogue("en"))
    assert signal.text == "高层拜访逾期 197 天（每 182 天一次）"  # 2024-06-01 + 182 days


def test_a_signal_without_facts_reads_its_sentence_as_it_is() -> None:
    assert Signal("x", 1, "a {brace} kept as written").text == "a {brace} kept as written"
    assert Signal("x", 1, "{n} days", (("n", 3),)).text == "3 days"


def test_every_signal_reads_as_it_did_when_texts_were_written_at_once() -> None:
    changed = date(2025, 3, 1)
    facts = healthy(
        billing_cycle=BillingCycle.MONTHLY,
        billing_cycle_before=BillingCycle.ANNUAL,
        billing_cycle_changed_on=changed,
        satisfaction_recent=2.25,
        issues_days_past_due=(12, 95),
        contacts=(OWNER._replace(buying_role=BuyingRole.INFLUENCER, strength=2),),
    )
    texts = {s.code: s.text for s in assess(facts, 0.2).signals}
    assert texts == {
        "billing_shortened": (
            "billing cycle shortened from annual to monthly on 2025-03-01:"
            " the customer commits less"
        ),
        "satisfaction_fall": (
            "satisfaction fell from 4.5 (5 visits, 180–730 days ago)"
            " to 2.2 (3 visits, last 180 days)"
        ),
        "issues_past_due": "open issues past due: 2, the oldest 95 days late",
        "no_decision_maker": "no contact is marked decision maker",
        "top_uncovered": "nobody at owner or VP level with a relationship strength of 3 or more",
    }
