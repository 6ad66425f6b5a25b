"""What an account is worth: ABC tiers by profit, lifetime value, quadrant, key-account review.

Pure functions over plain numbers, no database. Every result carries an explanation a manager
can read, so a score never appears without the arithmetic behind it (docs/engine.md).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from string import Formatter
from typing import NamedTuple

from kamdesk.domain.enums import Tier
from kamdesk.i18n import _

TIER_ORDER = (Tier.A, Tier.B, Tier.C)
"""Best first; `min_tier` B admits A and B."""


class TierResult(NamedTuple):
    """Where one account falls in the Pareto ranking by gross profit (a tuple: made in bulk)."""

    tier: Tier
    rank: int  # 1 = most profit
    profit: int
    share: float  # of the total positive profit
    cumulative: float  # share of this account and every account above it
    explanation: str


def _ratio(value: float) -> Fraction:
    """A setting like 0.8 as the exact fraction it means (4/5), so thresholds compare exactly."""
    return Fraction(value).limit_denominator(1_000_000)


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
    head = _("No. {rank}, gross profit {p:,}, {s:.1%} of the total, cumulative {c:.1%}; ")
    shares = {"a": a_share, "b": b_share}  # the same in every explanation: formatted once
    explain_a = _bound(head + _("the accounts above it make {m:.1%} < {a:.0%} → A"), shares)
    explain_b = _bound(
        head + _("the accounts above it make {m:.1%}, from {a:.0%} to under {b:.0%} → B"), shares
    )
    explain_c = _bound(head + _("the accounts above it make {m:.1%} ≥ {b:.0%} → C"), shares)
    no_profit = _("No. {rank}, gross profit {p:,}: no profit → C").format
    results: dict[str, TierResult] = {}
    before = 0
    for rank, account in enumerate(order, start=1):
        profit = profits[account]
        if profit <= 0 or total == 0:
            cumulative = before / total if total else 0.0
            results[account] = TierResult(
                Tier.C, rank, profit, 0.0, cumulative, no_profit(rank=rank, p=profit)
            )
            continue
        if before * a_den < a_num:
            tier, explain = Tier.A, explain_a
        elif before * b_den < b_num:
            tier, explain = Tier.B, explain_b
        else:
            tier, explain = Tier.C, explain_c
        share, cumulative = profit / total, (before + profit) / total
        text = explain(rank=rank, p=profit, s=share, c=cumulative, m=before / total)
        results[account] = TierResult(tier, rank, profit, share, cumulative, text)
        before += profit
    return results


def _bound(template: str, fixed: Mapping[str, object]) -> Callable[..., str]:
    """`template.format` with the fields named in `fixed` already filled in.

    The result of calling it with the other fields is `template.format(**fixed, **others)`.
    A template that converts one of them, reaches into it or nests a format spec is formatted
    whole each time instead.
    """
    parts = []
    for literal, field, spec, conversion in Formatter().parse(template):
        parts.append(_escaped(literal))
        if field is None:
            continue
        nested = "{" in (spec or "")
        if nested or (_root(field) in fixed and (conversion or field not in fixed)):
            return functools.partial(template.format, **fixed)
        if field in fixed:
            parts.append(_escaped(format(fixed[field], spec or "")))
        else:
            conversion = "!" + conversion if conversion else ""
            parts.append("{" + field + conversion + (":" + spec if spec else "") + "}")
    return "".join(parts).format


def _root(field: str) -> str:
    """The argument a replacement field names: "a" for "a", "a.real" and "a[0]"."""
    return field.split(".", 1)[0].split("[", 1)[0]


def _escaped(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


class Estimate(NamedTuple):
    """A computed amount (whole yuan) and how it was computed (a tuple: made in bulk)."""

    value: int
    explanation: str


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
    """lifetime_value(…, expected_years, …) for many accounts: the sentence is prepared once."""
    explain = _bound(
        _(
            "(average gross profit {avg:,} over {n} years − cost to serve {cost:,} a year)"
            " × {years:g} further years − development cost {dev:,} = {v:,}"
        ),
        {"years": expected_years},
    )

    def estimate(
        yearly_profit: Sequence[int], cost_to_serve_per_year: int, development_cost: int
    ) -> Estimate:
        average = round(sum(yearly_profit) / len(yearly_profit)) if yearly_profit else 0
        value = round((average - cost_to_serve_per_year) * expected_years - development_cost)
        text = explain(
            avg=average,
            n=len(yearly_profit),
            cost=cost_to_serve_per_year,
            dev=development_cost,
            v=value,
        )
        return Estimate(value, text)

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
