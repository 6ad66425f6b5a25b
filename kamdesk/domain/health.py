"""Churn risk and relationship health of an account: signals, each with a severity and a reason.

The score is the sum of the severities (1 = watch, 2 = act, 3 = act now); 0 means nothing is
wrong that the archive can see. Each rule is in docs/engine.md; the thresholds that are not
settings are the constants below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

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


class Signal(NamedTuple):
    """One reason to worry about an account (a tuple: made in bulk, shared where equal).

    Its text is written from `sentence` and `facts` when asked for, in the language of the
    moment the signal was made.
    """

    code: str
    severity: int  # 1–3
    sentence: str  # the text as it is when there are no facts; else its format fields
    facts: tuple[tuple[str, Any], ...] = ()  # (field, value)

    @property
    def text(self) -> str:
        """The reason, in words."""
        if not self.facts:
            return self.sentence
        return self.sentence.format(**dict(self.facts))


class ContactFacts(NamedTuple):
    """What the relationship rules need of one person (a tuple: the engine makes many)."""

    name: str
    level: ContactLevel | None
    buying_role: BuyingRole | None
    attitude: Attitude | None
    strength: int | None


class People(NamedTuple):
    """What the relationship rules look at among an account's people, summed up (made in bulk)."""

    decision_maker: bool  # someone is marked decision maker
    top_covered: bool  # someone at owner or VP level has a relationship strength of STRONG or more
    cold: tuple[str, ...]  # decision makers not reached (strength unknown or ≤ COLD), entry order
    opposed: tuple[str, ...]  # decision makers who oppose us, in entry order


def people(contacts: Iterable[ContactFacts]) -> People:
    """The summary of an account's people, in the order they were entered.

    `contacts` needs at least the decision makers and the people at owner and VP level;
    others change nothing.
    """
    any_decider = covered = False
    cold: list[str] = []
    opposed: list[str] = []
    for c in contacts:  # one pass: an account can have many people on record
        if c.buying_role is BuyingRole.DECISION_MAKER:
            any_decider = True
            if c.strength is None or c.strength <= COLD:
                cold.append(c.name)
            if c.attitude is Attitude.OPPONENT:
                opposed.append(c.name)
        if c.level in TOP_LEVELS and c.strength is not None and c.strength >= STRONG:
            covered = True
    return People(any_decider, covered, tuple(cold), tuple(opposed))


@dataclass(slots=True)
class HealthFacts:
    """Everything the churn rules look at for one account.

    `contacts` needs at least the decision makers and the people at owner and VP level; others
    change nothing. `people` is the same summed up (see people()): when given, `contacts` is not
    looked at. Satisfaction averages are None when the window has no rating.
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
    people: People | None = None


class Health(NamedTuple):
    """An account's signals and its risk score, the sum of their severities (made in bulk)."""

    score: int
    signals: tuple[Signal, ...]


def assess(facts: HealthFacts, profit_drop: float) -> Health:
    """Every churn signal the facts show, most severe first."""
    return Assessor(profit_drop)(facts)


class Assessor:
    """assess() for the accounts of one run; a signal in the same words is made only once.

    Across thousands of accounts most signals repeat (the same days overdue, "nobody at owner
    or VP level …"). A Signal is immutable, so the accounts share it.
    """

    def __init__(self, profit_drop: float) -> None:
        self.profit_drop = profit_drop
        self._made: dict[tuple[Any, ...], Signal] = {}

    def __call__(self, facts: HealthFacts) -> Health:
        made = self._made
        signals: list[Signal] = []
        _profit(facts, self.profit_drop, signals)
        _cadence(facts.cadence, signals, made)
        _issues(facts.issues_days_past_due, signals, made)
        _satisfaction(facts, signals, made)
        _billing(facts, signals)
        summed_up = facts.people
        _people(summed_up if summed_up is not None else people(facts.contacts), signals, made)
        if len(signals) > 1:
            signals.sort(key=_severity, reverse=True)
        return Health(sum(s.severity for s in signals), tuple(signals))


def _severity(signal: Signal) -> int:
    return signal.severity


def _once(made: dict[tuple[Any, ...], Signal], make: Callable[..., Signal], *args: Any) -> Signal:
    """make(*args), or the signal it made before from the same arguments."""
    key = (make, *args)
    found = made.get(key)
    if found is None:
        found = made[key] = make(*args)
    return found


def _profit(f: HealthFacts, drop: float, signals: list[Signal]) -> None:
    """Latest full year against the one before: a fall of at least `drop` (e.g. 20%)."""
    latest, previous = f.profit_latest, f.profit_previous
    if latest is None or previous is None or previous <= 0:
        return
    change = (latest - previous) / previous
    if change > -drop:
        return
    severity = 3 if latest <= 0 or change <= -2 * drop else 2
    sentence = _("gross profit fell {c:.0%}: {p:,} in {y0} → {q:,} in {y1} (signal at {d:.0%})")
    facts = (("c", -change), ("p", previous), ("y0", f.latest_year - 1), ("q", latest),
             ("y1", f.latest_year), ("d", drop))  # fmt: skip
    signals.append(Signal(PROFIT_FALL, severity, sentence, facts))


def _cadence(c: Cadence, signals: list[Signal], made: dict[tuple[Any, ...], Signal]) -> None:
    """The visit rhythm: 1 when late, 2 after a whole missed interval, 3 after two or more."""
    visit = c.visit
    if visit.every_days and visit.last is None:
        signals.append(_once(made, _never_visited))
    elif visit.overdue_days:
        signals.append(_once(made, _visit_overdue, visit.overdue_days, visit.every_days))
    if c.executive.overdue_days:
        signals.append(
            _once(made, _executive_overdue, c.executive.overdue_days, c.executive.every_days)
        )
    if c.maintenance.overdue_days:
        signals.append(
            _once(made, _maintenance_overdue, c.maintenance.overdue_days, c.maintenance.every_days)
        )


def _never_visited() -> Signal:
    return Signal(VISIT_OVERDUE, 1, _("never visited; a visit is due today"))


def _visit_overdue(overdue: int, every: int) -> Signal:
    missed = overdue // every
    severity = 1 if missed == 0 else 2 if missed == 1 else 3
    sentence = _("no visit for {n} days, every {e} days is due: {o} days overdue")
    return Signal(
        VISIT_OVERDUE, severity, sentence, (("n", overdue + every), ("e", every), ("o", overdue))
    )


def _executive_overdue(overdue: int, every: int) -> Signal:
    sentence = _("executive visit {o} days overdue (every {e} days)")
    return Signal(EXECUTIVE_OVERDUE, 1, sentence, (("o", overdue), ("e", every)))


def _maintenance_overdue(overdue: int, every: int) -> Signal:
    sentence = _("on-site visit {o} days overdue (every {e} days)")
    return Signal(MAINTENANCE_OVERDUE, 1, sentence, (("o", overdue), ("e", every)))


def _issues(
    days_past_due: Sequence[int], signals: list[Signal], made: dict[tuple[Any, ...], Signal]
) -> None:
    """Open issues past due: 1 for one under 30 days late, 3 for three or over 90 days, else 2."""
    if days_past_due:
        signals.append(_once(made, _issues_late, len(days_past_due), max(days_past_due)))


def _issues_late(count: int, worst: int) -> Signal:
    severity = 3 if count >= 3 or worst > 90 else 1 if count == 1 and worst <= 30 else 2
    sentence = _("open issues past due: {n}, the oldest {d} days late")
    return Signal(ISSUES_PAST_DUE, severity, sentence, (("n", count), ("d", worst)))


def _satisfaction(
    f: HealthFacts, signals: list[Signal], made: dict[tuple[Any, ...], Signal]
) -> None:
    """Average rating of recent visits against earlier ones; a fall of 0.5, 1 or 2 points."""
    recent, earlier = f.satisfaction_recent, f.satisfaction_earlier
    if recent is None or earlier is None:
        return
    if f.ratings_recent < MIN_RATINGS or f.ratings_earlier < MIN_RATINGS:
        return
    if earlier - recent < SATISFACTION_FALL:
        return
    signals.append(
        _once(made, _satisfaction_fell, earlier, f.ratings_earlier, recent, f.ratings_recent)
    )


def _satisfaction_fell(earlier: float, ratings_earlier: int, recent: float, ratings: int) -> Signal:
    fall = earlier - recent
    severity = 3 if fall >= 2 else 2 if fall >= 1 else 1
    sentence = _(
        "satisfaction fell from {e:.1f} ({ne} visits, {d0}–{d1} days ago) to {r:.1f} "
        "({nr} visits, last {d0} days)"
    )
    facts = (("e", earlier), ("ne", ratings_earlier), ("r", recent), ("nr", ratings),
             ("d0", RECENT_DAYS), ("d1", EARLIER_DAYS))  # fmt: skip
    return Signal(SATISFACTION_FALLING, severity, sentence, facts)


def _billing(f: HealthFacts, signals: list[Signal]) -> None:
    """A shorter billing cycle than before (annual → quarterly → monthly): 1 per step."""
    now, before = f.billing_cycle, f.billing_cycle_before
    if now is None or before is None or CYCLE_MONTHS[now] >= CYCLE_MONTHS[before]:
        return
    steps = list(CYCLE_MONTHS).index(now) - list(CYCLE_MONTHS).index(before)
    when = f.billing_cycle_changed_on.isoformat() if f.billing_cycle_changed_on else "?"
    sentence = _("billing cycle shortened from {b} to {n} on {d}: the customer commits less")
    facts = (("b", before.value), ("n", now.value), ("d", when))
    signals.append(Signal(BILLING_SHORTENED, steps, sentence, facts))


def _people(p: People, signals: list[Signal], made: dict[tuple[Any, ...], Signal]) -> None:
    """Decision makers unknown, not reached or opposed; no strong tie at owner or VP level."""
    if not p.decision_maker:
        signals.append(_once(made, _no_decision_maker))
    if p.cold:  # names differ from account to account: nothing to share
        signals.append(_decision_makers_cold("、".join(p.cold)))
    if p.opposed:
        signals.append(_decision_makers_opposed("、".join(p.opposed)))
    if not p.top_covered:
        signals.append(_once(made, _top_uncovered))


def _no_decision_maker() -> Signal:
    return Signal(NO_DECISION_MAKER, 1, _("no contact is marked decision maker"))


def _decision_makers_cold(names: str) -> Signal:
    sentence = _("no relationship with decision maker {n} (strength unknown or ≤ {s})")
    return Signal(DECISION_MAKER_COLD, 2, sentence, (("n", names), ("s", COLD)))


def _decision_makers_opposed(names: str) -> Signal:
    return Signal(DECISION_MAKER_OPPONENT, 3, _("decision maker {n} opposes us"), (("n", names),))


def _top_uncovered() -> Signal:
    sentence = _("nobody at owner or VP level with a relationship strength of {s} or more")
    return Signal(TOP_UNCOVERED, 2, sentence, (("s", STRONG),))
