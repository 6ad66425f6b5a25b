"""What an account is worth: ABC tiers by profit, lifetime value, quadrant, key-account review.

Pure functions over plain numbers, no database. Every result carries an explanation a manager
can read, so a score never appears without the arithmetic behind it (docs/engine.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import NamedTuple

from kamdesk.domain.enums import Tier
from kamdesk.i18n import _

TIER_ORDER = (Tier.A, Tier.B, Tier.C)
"""Best first; `min_tier` B admits A and B."""


class TierRule(NamedTuple):
    """How one ranking cut the tiers, and the sentences that say so (one, shared by every result).

    The sentences are taken in the language of the moment the ranking was made, so a result
    explains itself in those words whenever it is asked.
    """

    a_share: float
    b_share: float
    above_a: str  # format fields: rank, p, s, c, m (the share above it), a, b
    above_b: str
    above_c: str
    no_profit: str  # format fields: rank, p


class TierResult(NamedTuple):
    """Where one account falls in the Pareto ranking by gross profit (a tuple: made in bulk)."""

    tier: Tier
    rank: int  # 1 = most profit
    profit: int
    share: float  # of the total positive profit
    cumulative: float  # share of this account and every account above it
    above: float  # share of the accounts above it
    rule: TierRule

    @property
    def explanation(self) -> str:
        """How the tier was found, in words (written when asked for, from the numbers above)."""
        rule = self.rule
        if self.profit <= 0:
            return rule.no_profit.format(rank=self.rank, p=self.profit)
        if self.tier is Tier.A:
            sentence = rule.above_a
        elif self.tier is Tier.B:
            sentence = rule.above_b
        else:
            sentence = rule.above_c
        return sentence.format(
            rank=self.rank,
            p=self.profit,
            s=self.share,
            c=self.cumulative,
            m=self.above,
            a=rule.a_share,
            b=rule.b_share,
        )


def _ratio(value: float) -> Fraction:
    """A setting like 0.8 as the exact fraction it means (4/5), so thresholds compare exactly."""
    return Fraction(value).limit_denominator(1_000_000)


def tier_rule(a_share: float, b_share: float) -> TierRule:
    """The A and B shares with the sentences of the current language."""
    head = _("No. {rank}, gross profit {p:,}, {s:.1%} of the total, cumulative {c:.1%}; ")
    return TierRule(
        a_share,
        b_share,
        head + _("the accounts above it make {m:.1%} < {a:.0%} → A"),
        head + _("the accounts above it make {m:.1%}, from {a:.0%} to under {b:.0%} → B"),
        head + _("the accounts above it make {m:.1%} ≥ {b:.0%} → C"),
        _("No. {rank}, gross profit {p:,}: no profit → C"),
    )


def abc_tiers(profits: Mapping[str, int], a_share: float, b_share: float) -> dict[str, TierResult]:
    """Rank accounts by profit (ties by id) and cut the cumulative share into A, B and C.

    An account is A while the accounts above it make less than `a_share` of the total profit,
    so the account that crosses the threshold is itself A; B likewise up to `b_share`; the rest
    and every account with no profit (≤ 0) are C. The total counts positive profits only.
    """
    # Most profit first, ties by id: sorted by id, then by profit (a stable sort keeps the id
    # order among equal profits, reversed or not).
    order = sorted(profits)
    order.sort(key=profits.__getitem__, reverse=True)
    total = sum(p for p in profits.values() if p > 0)
    a_limit, b_limit = _ratio(a_share), _ratio(b_share)
    # the shares as exact fractions: `before / total < num / den` is `before * den < num * total`
    a_num, a_den = a_limit.numerator * total, a_limit.denominator
    b_num, b_den = b_limit.numerator * total, b_limit.denominator
    rule = tier_rule(a_share, b_share)
    results: dict[str, TierResult] = {}
    before = 0
    for rank, account in enumerate(order, start=1):
        profit = profits[account]
        if profit <= 0 or total == 0:
            cumulative = before / total if total else 0.0
            results[account] = TierResult(Tier.C, rank, profit, 0.0, cumulative, cumulative, rule)
            continue
        if before * a_den < a_num:
            tier = Tier.A
        elif before * b_den < b_num:
            tier = Tier.B
        else:
            tier = Tier.C
        results[account] = TierResult(
            tier, rank, profit, profit / total, (before + profit) / total, before / total, rule
        )
        before += profit
    return results


class LifetimeRule(NamedTuple):
    """The years a lifetime value looks ahead, and the sentence that explains it (shared)."""

    expected_years: float
    sentence: str  # format fields: avg, n, cost, years, dev, v


class Estimate(NamedTuple):
    """A lifetime value (whole yuan) and the numbers it was computed from (made in bulk)."""

    value: int
    average: int  # average yearly gross profit of the years known
    years_known: int
    cost_to_serve: int  # a year
    development_cost: int
    rule: LifetimeRule

    @property
    def explanation(self) -> str:
        """How the value was computed, in words (written when asked for)."""
        return self.rule.sentence.format(
            avg=self.average,
            n=self.years_known,
            cost=self.cost_to_serve,
            years=self.rule.expected_years,
            dev=self.development_cost,
            v=self.value,
        )


def lifetime_value(
    yearly_profit: Sequence[int],
    expected_years: float,
    cost_to_serve_per_year: int,
    development_cost: int,
) -> Estimate:
    """Profit still to come: (average yearly gross profit − cost to serve) × years − development.

    `yearly_profit` holds the recent full years that are known (the engine passes up to three);
    with none the average is 0. The development cost still to be earned back is subtracted once.
    """
    return lifetime_values(expected_years)(yearly_profit, cost_to_serve_per_year, development_cost)


def lifetime_values(expected_years: float) -> Callable[[Sequence[int], int, int], Estimate]:
    """lifetime_value(…, expected_years, …) for many accounts: the sentence is looked up once."""
    rule = LifetimeRule(
        expected_years,
        _(
            "(average gross profit {avg:,} over {n} years − cost to serve {cost:,} a year)"
            " × {years:g} further years − development cost {dev:,} = {v:,}"
        ),
    )

    def estimate(
        yearly_profit: Sequence[int], cost_to_serve_per_year: int, development_cost: int
    ) -> Estimate:
        known = len(yearly_profit)
        average = round(sum(yearly_profit) / known) if known else 0
        value = round((average - cost_to_serve_per_year) * expected_years - development_cost)
        return Estimate(value, average, known, cost_to_serve_per_year, development_cost, rule)

    return estimate


STAR, INVEST, MAINTAIN, REVIEW = "star", "invest", "maintain", "review"
QUADRANTS = (STAR, INVEST, MAINTAIN, REVIEW)


def quadrant(value: int, development_cost: int, value_median: int, cost_median: int) -> str:
    """Value against development cost, each split at the median of all accounts.

    Value at or above the median is high; development cost at or below the median is low:
    star = high value, low cost; invest = high value, high cost; maintain = low value, low cost;
    review = low value, high cost.
    """
    high_value = value >= value_median
    low_cost = development_cost <= cost_median
    if high_value:
        return STAR if low_cost else INVEST
    return MAINTAIN if low_cost else REVIEW


def quadrant_label(name: str) -> str:
    """The words a manager reads for a quadrant."""
    labels = {
        STAR: _("star: high value, low cost — keep and grow"),
        INVEST: _("invest: high value, high cost — worth the effort"),
        MAINTAIN: _("maintain: low value, low cost — serve efficiently"),
        REVIEW: _("review: low value, high cost — rethink the effort"),
    }
    return labels.get(name, name)


def median(values: Iterable[int]) -> int:
    """The lower median of whole numbers (0 for none), itself one of the values."""
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2] if ordered else 0


# key accounts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFacts:
    """What the key-account rule looks at for one account."""

    account_id: str
    name: str
    tier: Tier  # effective tier
    years: int  # full years of cooperation
    margin: float | None  # gross profit / revenue of the latest full year; None without revenue
    is_key_account: bool


@dataclass(frozen=True)
class KeyCriteria:
    """The key-account rule, from the settings key.*."""

    min_tier: Tier
    min_years: int
    min_margin: float
    range_low: int
    range_high: int


@dataclass(frozen=True)
class KeyChange:
    """An account to make a key account, or a key account to drop, and why."""

    account_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class KeyAccountReview:
    """Candidates to add, members to drop, and a warning when the count is out of range."""

    add: tuple[KeyChange, ...]
    drop: tuple[KeyChange, ...]
    count: int  # key accounts now
    count_after: int  # if every proposal is followed
    warning: str  # "" when both counts are within the range


def full_years(since: date | None, today: date) -> int:
    """Whole years from `since` to `today` (0 when unknown or in the future)."""
    if since is None or since > today:
        return 0
    years = today.year - since.year
    if (today.month, today.day) < (since.month, since.day):
        years -= 1
    return years


def key_account_review(facts: Sequence[KeyFacts], criteria: KeyCriteria) -> KeyAccountReview:
    """Who meets every criterion but is not a key account, and which key accounts no longer do.

    The criteria: tier at least `min_tier`, at least `min_years` full years of cooperation and a
    gross margin of at least `min_margin`. A key account that fails any of them is proposed for
    dropping, with the criteria it fails; the manager decides (a reason is on record either way).
    """
    add: list[KeyChange] = []
    drop: list[KeyChange] = []
    for f in facts:
        passed, failed = _judge(f, criteria)
        if f.is_key_account and failed:
            drop.append(
                KeyChange(f.account_id, f.name, _("fails: {f}").format(f="; ".join(failed)))
            )
        elif not f.is_key_account and not failed:
            reason = _("meets every criterion: {p}").format(p="; ".join(passed))
            add.append(KeyChange(f.account_id, f.name, reason))
    count = sum(1 for f in facts if f.is_key_account)
    after = count + len(add) - len(drop)
    low, high = criteria.range_low, criteria.range_high
    warning = ""
    if not (low <= count <= high and low <= after <= high):
        warning = _(
            "{n} key accounts now, {m} after this review; the rule is {low} to {high}"
        ).format(n=count, m=after, low=low, high=high)
    return KeyAccountReview(tuple(add), tuple(drop), count, after, warning)


def _judge(f: KeyFacts, c: KeyCriteria) -> tuple[list[str], list[str]]:
    """Sentences for the criteria an account meets and those it fails."""
    passed: list[str] = []
    failed: list[str] = []
    tier_ok = TIER_ORDER.index(f.tier) <= TIER_ORDER.index(c.min_tier)
    (passed if tier_ok else failed).append(
        _("tier {t} (at least {m})").format(t=f.tier.value, m=c.min_tier.value)
    )
    (passed if f.years >= c.min_years else failed).append(
        _("{n} years of cooperation (at least {m})").format(n=f.years, m=c.min_years)
    )
    if f.margin is None:
        failed.append(
            _("no revenue last year, so no margin (at least {m:.0%})").format(m=c.min_margin)
        )
    else:
        (passed if f.margin >= c.min_margin else failed).append(
            _("gross margin {g:.1%} (at least {m:.0%})").format(g=f.margin, m=c.min_margin)
        )
    return passed, failed
