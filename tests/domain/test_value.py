"""ABC tiers, lifetime value, quadrants and the key-account rule, checked by hand."""

import random
from collections.abc import Mapping
from datetime import date
from fractions import Fraction

import pytest

from kamdesk import i18n
from kamdesk.domain.enums import Tier
from kamdesk.domain.value import (
    INVEST,
    MAINTAIN,
    REVIEW,
    STAR,
    KeyCriteria,
    KeyFacts,
    TierResult,
    abc_tiers,
    full_years,
    key_account_review,
    lifetime_value,
    lifetime_values,
    median,
    quadrant,
    quadrant_label,
)


def tiers_of(results: Mapping[str, TierResult]) -> dict[str, str]:
    return {k: r.tier.value for k, r in results.items()}


def test_fifty_thirty_ten_five_three_two_make_a_a_b_b_c_c() -> None:
    # total 100. Cumulative share of the accounts above each one:
    #   甲 50: above it 0%  < 80% → A (cumulative 50%)
    #   乙 30: above it 50% < 80% → A (cumulative 80%)
    #   丙 10: above it 80%, not < 80%, < 95% → B (cumulative 90%)
    #   丁  5: above it 90% < 95% → B (cumulative 95%)
    #   戊  3: above it 95%, not < 95% → C
    #   己  2: above it 98% → C
    profits = {"甲": 50, "乙": 30, "丙": 10, "丁": 5, "戊": 3, "己": 2}
    result = abc_tiers(profits, 0.80, 0.95)
    assert tiers_of(result) == {"甲": "A", "乙": "A", "丙": "B", "丁": "B", "戊": "C", "己": "C"}
    assert [result[k].rank for k in profits] == [1, 2, 3, 4, 5, 6]
    assert result["丙"].share == pytest.approx(0.10)
    assert result["丙"].cumulative == pytest.approx(0.90)


def test_the_account_that_crosses_the_threshold_is_in_a() -> None:
    # 70 + 20 + 10 = 100. 甲: above 0% → A. 乙: above 70% < 80% → A although 90% with it.
    # 丙: above 90% ≥ 80% and < 95% → B.
    result = abc_tiers({"甲": 70, "乙": 20, "丙": 10}, 0.80, 0.95)
    assert tiers_of(result) == {"甲": "A", "乙": "A", "丙": "B"}


def test_accounts_without_profit_are_c_and_do_not_count_in_the_total() -> None:
    # total counts positive profit only: 100. 甲 makes 100% → A; zero and loss → C.
    result = abc_tiers({"甲": 100, "乙": 0, "丙": -50}, 0.80, 0.95)
    assert tiers_of(result) == {"甲": "A", "乙": "C", "丙": "C"}
    assert result["甲"].share == 1.0
    assert result["丙"].rank == 3
    assert "no profit" in result["丙"].explanation


def test_nobody_with_profit_means_everyone_is_c() -> None:
    result = abc_tiers({"甲": 0, "乙": 0}, 0.80, 0.95)
    assert tiers_of(result) == {"甲": "C", "乙": "C"}


def test_equal_profits_are_ranked_by_id_so_the_result_never_changes() -> None:
    # 40 / 40 / 20: the first 40 (by id "a") → A, the second: above 40% < 80% → A,
    # 20: above 80% → B.
    result = abc_tiers({"c": 20, "b": 40, "a": 40}, 0.80, 0.95)
    assert [result[k].rank for k in ("a", "b", "c")] == [1, 2, 3]
    assert tiers_of(result) == {"a": "A", "b": "A", "c": "B"}


def test_the_explanation_shows_rank_profit_shares_and_rule() -> None:
    # total 6,600,000; above 丙: 1,600,000 + 1,226,000 = 2,826,000 = 42.8%;
    # 丙 1,200,000 = 18.2%; cumulative 4,026,000 = 61.0% → A
    profits = {"甲": 1_600_000, "乙": 1_226_000, "丙": 1_200_000}
    profits |= {"丁": 1_000_000, "戊": 900_000, "己": 674_000}
    assert abc_tiers(profits, 0.80, 0.95)["丙"].explanation == (
        "No. 3, gross profit 1,200,000, 18.2% of the total, cumulative 61.0%; "
        "the accounts above it make 42.8% < 80% → A"
    )


def test_a_share_of_exactly_the_cumulative_profit_is_not_below_it() -> None:
    # 0.8 must compare as 4/5: with 80 of 100 above it the next account is B, never A.
    result = abc_tiers({"甲": 80, "乙": 20}, 0.80, 0.95)
    assert tiers_of(result) == {"甲": "A", "乙": "B"}


def test_lifetime_value_is_average_profit_less_cost_times_years_less_development() -> None:
    # average (1,200,000 + 1,000,000 + 800,000) / 3 = 1,000,000
    # (1,000,000 − 200,000) × 5 − 300,000 = 3,700,000
    estimate = lifetime_value([1_200_000, 1_000_000, 800_000], 5, 200_000, 300_000)
    assert estimate.value == 3_700_000
    assert "average gross profit 1,000,000 over 3 years" in estimate.explanation
    assert "cost to serve 200,000 a year" in estimate.explanation
    assert estimate.explanation.endswith("= 3,700,000")


def test_lifetime_value_without_figures_is_the_cost_it_will_take() -> None:
    # (0 − 50,000) × 2.5 − 100,000 = −225,000
    assert lifetime_value([], 2.5, 50_000, 100_000).value == -225_000


@pytest.mark.parametrize(
    ("value", "cost", "expected"),
    [(900, 10, STAR), (900, 90, INVEST), (100, 10, MAINTAIN), (100, 90, REVIEW), (500, 50, STAR)],
)
def test_quadrant_splits_value_and_development_cost_at_their_medians(
    value: int, cost: int, expected: str
) -> None:
    # medians: value 500, cost 50; at the median value is high and cost is low
    assert quadrant(value, cost, 500, 50) == expected
    assert quadrant_label(expected).startswith(expected)


def test_median_is_the_lower_middle_value() -> None:
    assert median([5, 1, 3]) == 3
    assert median([4, 1, 3, 2]) == 2
    assert median([]) == 0


def test_full_years_counts_only_completed_years() -> None:
    assert full_years(date(2020, 6, 16), date(2025, 6, 15)) == 4
    assert full_years(date(2020, 6, 15), date(2025, 6, 15)) == 5
    assert full_years(None, date(2025, 6, 15)) == 0
    assert full_years(date(2026, 1, 1), date(2025, 6, 15)) == 0


CRITERIA = KeyCriteria(Tier.A, 3, 0.15, 2, 4)


def facts(name: str, tier: str, years: int, margin: float | None, key: bool) -> KeyFacts:
    return KeyFacts(name, name, Tier(tier), years, margin, key)


def test_review_proposes_accounts_meeting_every_criterion_and_drops_those_failing_one() -> None:
    review = key_account_review(
        [
            facts("恒瑞精密", "A", 5, 0.30, False),  # meets all → add
            facts("南方食品", "A", 2, 0.30, False),  # too new → nothing
            facts("秦岭装备", "A", 8, 0.10, True),  # margin too low → drop
            facts("华东电气", "A", 8, 0.20, True),  # fine → stays
            facts("西部物流", "B", 9, 0.40, True),  # tier below A → drop
        ],
        CRITERIA,
    )
    assert [c.name for c in review.add] == ["恒瑞精密"]
    assert "meets every criterion" in review.add[0].reason
    assert "5 years of cooperation (at least 3)" in review.add[0].reason
    assert [c.name for c in review.drop] == ["秦岭装备", "西部物流"]
    assert "gross margin 10.0% (at least 15%)" in review.drop[0].reason
    assert "tier B (at least A)" in review.drop[1].reason
    assert (review.count, review.count_after) == (3, 2)
    assert review.warning == ""


def test_min_tier_b_admits_a_and_b_and_no_revenue_fails_the_margin() -> None:
    criteria = KeyCriteria(Tier.B, 0, 0.15, 0, 10)
    review = key_account_review(
        [facts("甲", "A", 1, 0.2, False), facts("乙", "B", 1, 0.2, False),
         facts("丙", "C", 1, 0.2, False), facts("丁", "A", 1, None, False)],
        criteria,
    )  # fmt: skip
    assert [c.name for c in review.add] == ["甲", "乙"]


def test_review_warns_when_the_number_of_key_accounts_is_out_of_range() -> None:
    review = key_account_review([facts("甲", "A", 5, 0.3, True)], CRITERIA)
    assert review.warning == "1 key accounts now, 1 after this review; the rule is 2 to 4"


def test_equal_profits_rank_by_id_whatever_order_they_come_in() -> None:
    profits = {"c": 50, "a": 50, "d": -5, "b": 50, "e": 0, "f": 80, "g": -5}
    for ordering in (profits, dict(reversed(profits.items()))):
        ranked = abc_tiers(ordering, 0.80, 0.95)
        assert list(ranked) == ["f", "a", "b", "c", "e", "d", "g"]
        assert [r.rank for r in ranked.values()] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("上面的客户占 {m:.1%}（< {a:.0%}）→ A", "上面的客户占 0.0%（< 80%）→ A"),
        ("{{A}} if {m:.0%} < {a!r}", "{A} if 0% < 0.8"),  # a conversion: formatted whole
        ("{a.real:.1f} > {m:{b}}", "0.8 > 0.0"),  # reaching in, a nested spec: the same
    ],
)
def test_tier_explanations_follow_a_translation_whatever_it_does_with_the_shares(
    rule: str, expected: str
) -> None:
    message = "the accounts above it make {m:.1%} < {a:.0%} → A"
    i18n.install(i18n.CatalogueTranslations({message: rule}))
    try:
        [result] = abc_tiers({"甲": 100}, 0.80, 0.95).values()
    finally:
        i18n.install(i18n.catalogue("en"))
    assert result.explanation.endswith(expected)


def test_lifetime_values_for_many_accounts_are_what_lifetime_value_gives_each() -> None:
    estimate = lifetime_values(4.5)
    for profits, cost, development in (((1_200_000, 900_000), 150_000, 0), ((), 0, 80_000),
                                       ((-300_000,), 20_000, 5_000)):  # fmt: skip
        assert estimate(profits, cost, development) == lifetime_value(
            profits, 4.5, cost, development
        )
    assert "× 4.5 further years" in estimate((100,), 0, 0).explanation


def test_every_tier_explanation_states_the_numbers_the_ranking_computed() -> None:
    # Random books: each explanation, written when asked for, says what a hand computation of
    # rank, share, cumulative share and the share above gives (exact fractions, then rounded).
    rng = random.Random(20250616)
    for _book in range(40):
        profits = {f"{i:03d}": rng.choice([0, -5_000, rng.randrange(1, 3_000_000)])
                   for i in range(rng.randrange(1, 60))}  # fmt: skip
        results = abc_tiers(profits, 0.80, 0.95)
        total = sum(p for p in profits.values() if p > 0)
        order = sorted(profits, key=lambda k: (-profits[k], k))
        above = 0
        for rank, key in enumerate(order, start=1):
            profit, result = profits[key], results[key]
            if profit <= 0:
                expected = f"No. {rank}, gross profit {profit:,}: no profit → C"
            else:
                head = (f"No. {rank}, gross profit {profit:,}, {profit / total:.1%} of the total, "
                        f"cumulative {(above + profit) / total:.1%}; ")  # fmt: skip
                m = above / total
                rule = {
                    "A": f"the accounts above it make {m:.1%} < 80% → A",
                    "B": f"the accounts above it make {m:.1%}, from 80% to under 95% → B",
                    "C": f"the accounts above it make {m:.1%} ≥ 95% → C",
                }
                expected = head + rule[result.tier.value]
                share_above = Fraction(above, total)
                cut = "A" if share_above < Fraction(4, 5) else "B"
                assert result.tier == (cut if share_above < Fraction(19, 20) else "C")
                above += profit
            assert (result.rank, result.explanation) == (rank, expected)


def test_results_explain_themselves_in_the_language_they_were_computed_in() -> None:
    lifetime = (
        "(average gross profit {avg:,} over {n} years − cost to serve {cost:,} a year)"
        " × {years:g} further years − development cost {dev:,} = {v:,}"
    )
    no_profit = "No. {rank}, gross profit {p:,}: no profit → C"
    i18n.install(
        i18n.CatalogueTranslations(
            {
                lifetime: "（{n} 年平均毛利 {avg:,}）× {years:g} 年 = {v:,}",
                no_profit: "第 {rank} 名：没有利润",
            }
        )
    )
    try:
        estimate = lifetime_value([1_000_000], 5, 0, 0)
        [tier] = abc_tiers({"甲": 0}, 0.80, 0.95).values()
    finally:
        i18n.install(i18n.catalogue("en"))
    # read after the language changed back: still the words of the moment they were made
    assert estimate.explanation == "（1 年平均毛利 1,000,000）× 5 年 = 5,000,000"
    assert tier.explanation == "第 1 名：没有利润"
    assert lifetime_value([1_000_000], 5, 0, 0).explanation.startswith("(average gross profit")
