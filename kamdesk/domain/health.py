"""Churn risk and relationship health of an account: signals, each with a severity and a reason.

The score is the sum of the severities (1 = watch, 2 = act, 3 = act now); 0 means nothing is
wrong that the archive can see. Each rule is in docs/engine.md; the thresholds that are not
settings are the constants below.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from kamdesk.domain.cadence import Cadence
from kamdesk.domain.enums import Attitude, BillingCycle, BuyingRole, ContactLevel
from kamdesk.i18n import _

RECENT_DAYS = 180
"""Satisfaction: ratings of the last 180 days are compared with ..."""
EARLIER_DAYS = 730
"""... the ratings from 180 to 730 days ago."""
MIN_RATINGS = 2
"""Each window needs at least this many rated visits before a fall counts."""
SATISFACTION_FALL = 0.5
"""A fall of the average rating (1–5) by at least this much is a signal."""
STRONG = 3
"""A relationship strength (1–5) of at least this covers a level of the organisation."""
COLD = 1
"""A decision maker at this strength or below (or unknown) counts as not reached."""
TOP_LEVELS = (ContactLevel.OWNER, ContactLevel.VP)
"""The levels one strong relationship must cover."""
CYCLE_MONTHS = {BillingCycle.ANNUAL: 12, BillingCycle.QUARTERLY: 3, BillingCycle.MONTHLY: 1}

PROFIT_FALL = "profit_fall"
VISIT_OVERDUE = "visit_overdue"
EXECUTIVE_OVERDUE = "executive_overdue"
MAINTENANCE_OVERDUE = "maintenance_overdue"
ISSUES_PAST_DUE = "issues_past_due"
SATISFACTION_FALLING = "satisfaction_fall"
BILLING_SHORTENED = "billing_shortened"
NO_DECISION_MAKER = "no_decision_maker"
DECISION_MAKER_COLD = "decision_maker_cold"
DECISION_MAKER_OPPONENT = "decision_maker_opponent"
TOP_UNCOVERED = "top_uncovered"


@dataclass(frozen=True)
class Signal:
    """One reason to worry about an account."""

    code: str
    severity: int  # 1–3
    text: str


class ContactFacts(NamedTuple):
    """What the relationship rules need of one person (a tuple: the engine makes many)."""

    name: str
    level: ContactLevel | None
    buying_role: BuyingRole | None
    attitude: Attitude | None
    strength: int | None


@dataclass(slots=True)
class HealthFacts:
    """Everything the churn rules look at for one account.

    `contacts` needs at least the decision makers and the people at owner and VP level; others
    change nothing. Satisfaction averages are None when the window has no rating.
    """

    latest_year: int
    profit_latest: int | None  # gross profit of the latest full year; None if not recorded
    profit_previous: int | None
    cadence: Cadence
    issues_days_past_due: Sequence[int] = ()  # one entry per open issue past its due date
    satisfaction_recent: float | None = None
    ratings_recent: int = 0
    satisfaction_earlier: float | None = None
    ratings_earlier: int = 0
    billing_cycle: BillingCycle | None = None
    billing_cycle_before: BillingCycle | None = None
    billing_cycle_changed_on: date | None = None
    contacts: Sequence[ContactFacts] = field(default_factory=tuple)


@dataclass(frozen=True)
class Health:
    """The signals of an account and its risk score (the sum of their severities)."""

    score: int
    signals: tuple[Signal, ...]


def assess(facts: HealthFacts, profit_drop: float) -> Health:
    """Every churn signal the facts show, most severe first."""
    signals = _profit(facts, profit_drop)
    signals += _cadence(facts.cadence)
    signals += _issues(facts.issues_days_past_due)
    signals += _satisfaction(facts)
    signals += _billing(facts)
    signals += _people(facts.contacts)
    if len(signals) > 1:
        signals.sort(key=_severity, reverse=True)
    return Health(sum(s.severity for s in signals), tuple(signals))


def _severity(signal: Signal) -> int:
    return signal.severity


def _profit(f: HealthFacts, drop: float) -> list[Signal]:
    """Latest full year against the one before: a fall of at least `drop` (e.g. 20%)."""
    latest, previous = f.profit_latest, f.profit_previous
    if latest is None or previous is None or previous <= 0:
        return []
    change = (latest - previous) / previous
    if change > -drop:
        return []
    severity = 3 if latest <= 0 or change <= -2 * drop else 2
    text = _("gross profit fell {c:.0%}: {p:,} in {y0} → {q:,} in {y1} (signal at {d:.0%})").format(
        c=-change, p=previous, y0=f.latest_year - 1, q=latest, y1=f.latest_year, d=drop
    )
    return [Signal(PROFIT_FALL, severity, text)]


def _cadence(c: Cadence) -> list[Signal]:
    """The visit rhythm: 1 when late, 2 after a whole missed interval, 3 after two or more."""
    signals = []
    visit = c.visit
    if visit.every_days and visit.last is None:
        signals.append(Signal(VISIT_OVERDUE, 1, _("never visited; a visit is due today")))
    elif visit.overdue_days:
        missed = visit.overdue_days // visit.every_days
        severity = 1 if missed == 0 else 2 if missed == 1 else 3
        text = _("no visit for {n} days, every {e} days is due: {o} days overdue").format(
            n=visit.overdue_days + visit.every_days, e=visit.every_days, o=visit.overdue_days
        )
        signals.append(Signal(VISIT_OVERDUE, severity, text))
    if c.executive.overdue_days:
        text = _("executive visit {o} days overdue (every {e} days)").format(
            o=c.executive.overdue_days, e=c.executive.every_days
        )
        signals.append(Signal(EXECUTIVE_OVERDUE, 1, text))
    if c.maintenance.overdue_days:
        text = _("on-site visit {o} days overdue (every {e} days)").format(
            o=c.maintenance.overdue_days, e=c.maintenance.every_days
        )
        signals.append(Signal(MAINTENANCE_OVERDUE, 1, text))
    return signals


def _issues(days_past_due: Sequence[int]) -> list[Signal]:
    """Open issues past due: 1 for one under 30 days late, 3 for three or over 90 days, else 2."""
    if not days_past_due:
        return []
    count, worst = len(days_past_due), max(days_past_due)
    severity = 3 if count >= 3 or worst > 90 else 1 if count == 1 and worst <= 30 else 2
    text = _("open issues past due: {n}, the oldest {d} days late").format(n=count, d=worst)
    return [Signal(ISSUES_PAST_DUE, severity, text)]


def _satisfaction(f: HealthFacts) -> list[Signal]:
    """Average rating of recent visits against earlier ones; a fall of 0.5, 1 or 2 points."""
    recent, earlier = f.satisfaction_recent, f.satisfaction_earlier
    if recent is None or earlier is None:
        return []
    if f.ratings_recent < MIN_RATINGS or f.ratings_earlier < MIN_RATINGS:
        return []
    fall = earlier - recent
    if fall < SATISFACTION_FALL:
        return []
    severity = 3 if fall >= 2 else 2 if fall >= 1 else 1
    text = _(
        "satisfaction fell from {e:.1f} ({ne} visits, {d0}–{d1} days ago) to {r:.1f} "
        "({nr} visits, last {d0} days)"
    ).format(
        e=earlier,
        ne=f.ratings_earlier,
        r=recent,
        nr=f.ratings_recent,
        d0=RECENT_DAYS,
        d1=EARLIER_DAYS,
    )
    return [Signal(SATISFACTION_FALLING, severity, text)]


def _billing(f: HealthFacts) -> list[Signal]:
    """A shorter billing cycle than before (annual → quarterly → monthly): 1 per step."""
    now, before = f.billing_cycle, f.billing_cycle_before
    if now is None or before is None or CYCLE_MONTHS[now] >= CYCLE_MONTHS[before]:
        return []
    steps = list(CYCLE_MONTHS).index(now) - list(CYCLE_MONTHS).index(before)
    when = f.billing_cycle_changed_on.isoformat() if f.billing_cycle_changed_on else "?"
    text = _("billing cycle shortened from {b} to {n} on {d}: the customer commits less").format(
        b=before.value, n=now.value, d=when
    )
    return [Signal(BILLING_SHORTENED, steps, text)]


def _people(contacts: Sequence[ContactFacts]) -> list[Signal]:
    """Decision makers unknown, not reached or opposed; no strong tie at owner or VP level."""
    signals = []
    deciders = [c for c in contacts if c.buying_role is BuyingRole.DECISION_MAKER]
    if not deciders:
        signals.append(Signal(NO_DECISION_MAKER, 1, _("no contact is marked decision maker")))
    cold = [c.name for c in deciders if c.strength is None or c.strength <= COLD]
    if cold:
        text = _("no relationship with decision maker {n} (strength unknown or ≤ {s})").format(
            n="、".join(cold), s=COLD
        )
        signals.append(Signal(DECISION_MAKER_COLD, 2, text))
    opposed = [c.name for c in deciders if c.attitude is Attitude.OPPONENT]
    if opposed:
        text = _("decision maker {n} opposes us").format(n="、".join(opposed))
        signals.append(Signal(DECISION_MAKER_OPPONENT, 3, text))
    strong = [
        c
        for c in contacts
        if c.level in TOP_LEVELS and c.strength is not None and c.strength >= STRONG
    ]
    if not strong:
        text = _("nobody at owner or VP level with a relationship strength of {s} or more").format(
            s=STRONG
        )
        signals.append(Signal(TOP_UNCOVERED, 2, text))
    return signals
