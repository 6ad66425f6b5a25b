"""The value side of the relationship engine: tiers, lifetime value, cadence and churn risk.

Everything is read in a handful of bulk queries (one per table, grouped by account): the
accounts and their yearly figures on one connection, visits, late issues and people on a second
one meanwhile. Then the pure rules of domain/value.py, domain/cadence.py and domain/health.py run
over plain values. "Latest full year" is the year before `today`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import delete, insert

from kamdesk.domain import cadence as rhythm
from kamdesk.domain.cadence import Cadence, CadenceDays
from kamdesk.domain.enums import (
    Attitude,
    BillingCycle,
    BuyingRole,
    IssueStatus,
    Tier,
    VisitKind,
)
from kamdesk.domain.errors import FieldProblem, ValidationError
from kamdesk.domain.health import (
    COLD,
    EARLIER_DAYS,
    RECENT_DAYS,
    STRONG,
    TOP_LEVELS,
    Assessor,
    HealthFacts,
    People,
    Signal,
)
from kamdesk.domain.settings import (
    KEY_MIN_MARGIN,
    KEY_MIN_TIER,
    KEY_MIN_YEARS,
    KEY_RANGE_HIGH,
    KEY_RANGE_LOW,
    LIFETIME_YEARS,
    PROFIT_DROP,
    TIER_A_SHARE,
    TIER_B_SHARE,
)
from kamdesk.domain.value import (
    Estimate,
    KeyAccountReview,
    KeyCriteria,
    KeyFacts,
    TierResult,
    abc_tiers,
    full_years,
    lifetime_values,
    median,
    quadrant,
)
from kamdesk.domain.value import key_account_review as review_rule
from kamdesk.i18n import _
from kamdesk.services.accounts import AccountService
from kamdesk.services.bulk import collector_paused
from kamdesk.services.records import blank
from kamdesk.services.settings import SettingsService
from kamdesk.storage.database import Archive
from kamdesk.storage.models import StandingCache

__all__ = ["EngineService", "KeyAccountReview", "Signal", "Standing", "TierOverride"]

TIERS = {m.value: m for m in Tier}
CYCLES = {m.value: m for m in BillingCycle}
LIFETIME_BASIS_YEARS = 3
"""Lifetime value averages the gross profit of up to this many latest full years."""


class TierOverride(NamedTuple):
    """A tier set by hand, its reason, and the sentence that says so (in the words of its run)."""

    tier: Tier
    reason: str
    sentence: str  # format fields: t (the tier), r (the reason), c (the computed explanation)

    def explain(self, computed: str) -> str:
        return self.sentence.format(t=self.tier.value, r=self.reason or "—", c=computed)


class Standing(NamedTuple):
    """Where one account stands: tier, value, cadence and churn risk, each explained.

    A tuple, made 20,000 at a time: the explanations are written from the numbers it holds
    when they are asked for, in the language of the run that made it.
    """

    account_id: str
    name: str
    owner: str
    tier: Tier  # effective: the override if set, else computed
    computed_tier: Tier
    rank: int
    gross_profit: int  # latest full year
    lifetime_value: int
    quadrant: str
    last_visit: date | None
    next_visit_due: date | None
    visit_overdue_days: int
    next_executive_due: date | None
    next_maintenance_due: date | None
    risk_score: int
    risk_signals: tuple[Signal, ...]
    ranking: TierResult  # the computed tier and the numbers behind it
    estimate: Estimate  # the lifetime value and the numbers behind it
    override: TierOverride | None  # the tier set by hand (it may equal the computed one)

    @property
    def overridden(self) -> bool:
        """The tier was set by hand."""
        return self.override is not None

    @property
    def tier_explanation(self) -> str:
        """How the tier was found; with the override and its reason when set by hand."""
        computed = self.ranking.explanation
        return computed if self.override is None else self.override.explain(computed)

    @property
    def lifetime_explanation(self) -> str:
        """How the lifetime value was computed."""
        return self.estimate.explanation


class _Base(NamedTuple):
    """The value of one account: what tiers, lifetime value and the key-account rule need."""

    account_id: str
    name: str
    owner: str
    tier: Tier  # effective
    ranking: TierResult
    override: TierOverride | None
    revenue: int
    previous_profit: int | None
    has_latest: bool
    recent_profits: tuple[int, ...]  # gross profit of the lifetime-value basis years
    service_cost: int  # the yearly cost to serve recorded on the account (besides visits)
    development_cost: int
    years: int
    is_key_account: bool
    cycle: BillingCycle | None
    cycle_before: BillingCycle | None
    cycle_changed_on: date | None


class EngineService:
    """Standings of every account, key-account review and hand-set tiers."""

    def __init__(self, archive: Archive, settings: SettingsService) -> None:
        self.archive = archive
        self.settings = settings
        self._accounts = AccountService(archive)

    def standings(self, today: date | None = None) -> list[Standing]:
        """Every live account, by rank (most gross profit in the latest full year first)."""
        return self._standings(today or date.today())

    def standing(self, account_id: str, today: date | None = None) -> Standing:
        """One account's standing (its id or a unique id prefix)."""
        account = self._accounts.get(account_id)
        # Tiers and quadrants are relative to every other account, so all are computed.
        found = self._standings(today or date.today())
        return next(s for s in found if s.account_id == account.id)

    @collector_paused
    def key_account_review(self, today: date | None = None) -> KeyAccountReview:
        """Accounts to make key accounts and key accounts to drop, by the key.* settings."""
        today = today or date.today()
        values = self.settings.values()
        with self.archive.raw_reading() as conn:
            bases = _bases(conn, today, values)
        criteria = KeyCriteria(
            Tier.parse(values[KEY_MIN_TIER.key]),
            int(values[KEY_MIN_YEARS.key]),
            float(values[KEY_MIN_MARGIN.key]),
            int(values[KEY_RANGE_LOW.key]),
            int(values[KEY_RANGE_HIGH.key]),
        )
        facts = [
            KeyFacts(
                b.account_id,
                b.name,
                b.tier,
                b.years,
                b.ranking.profit / b.revenue if b.has_latest and b.revenue > 0 else None,
                b.is_key_account,
            )
            for b in bases
        ]
        return review_rule(facts, criteria)

    def set_tier(self, account_id: str, tier: str | None, reason: str) -> None:
        """Set the tier by hand (a reason is required), or None / "auto" to go back to computed."""
        if tier is None or tier.strip().lower() == "auto":
            self._accounts.update(account_id, tier_override=None, tier_override_reason="")
            return
        try:
            chosen = Tier.parse(tier)
        except ValueError:
            message = _("a tier is A, B or C (or auto), not '{t}'").format(t=tier)
            raise ValidationError([FieldProblem("tier", message)]) from None
        if blank(reason):
            message = _("say why this account's tier is set by hand")
            raise ValidationError([FieldProblem("tier_override_reason", message)])
        self._accounts.update(account_id, tier_override=chosen, tier_override_reason=reason.strip())

    def refresh_cache(self, today: date | None = None) -> list[Standing]:
        """Recompute every standing and store tier, next visit and risk for the lists to sort by."""
        day = today or date.today()
        standings = self._standings(day)
        rows = [
            {
                "account_id": s.account_id,
                "tier": s.tier.value,
                "rank": s.rank,
                "next_visit_due": s.next_visit_due,
                "visit_overdue_days": s.visit_overdue_days,
                "risk_score": s.risk_score,
                "computed_on": day,
            }
            for s in standings
        ]
        with self.archive.writing() as session:
            session.execute(delete(StandingCache))
            if rows:
                session.execute(insert(StandingCache), rows)
        return standings

    # computing ---------------------------------------------------------------------------------

    @collector_paused
    def _standings(self, today: date) -> list[Standing]:
        values = self.settings.values()
        fetch = threading.Event()
        with ThreadPoolExecutor(max_workers=1) as worker:
            pending = worker.submit(self._activity, today, fetch)
            try:
                with self.archive.raw_reading() as conn:
                    bases = _bases(conn, today, values)
            finally:
                fetch.set()
            visits, issues, people = pending.result()
        lifetime_value = lifetime_values(float(values[LIFETIME_YEARS.key]))
        seen_of = [visits.get(b.account_id, _NOT_SEEN) for b in bases]
        estimates = [
            lifetime_value(
                b.recent_profits, b.service_cost + seen.cost_last_year, b.development_cost
            )
            for b, seen in zip(bases, seen_of, strict=True)
        ]
        value_median = median([e.value for e in estimates])
        cost_median = median([b.development_cost for b in bases])
        assess = Assessor(float(values[PROFIT_DROP.key]))
        days = {tier: rhythm.days_for(tier, values) for tier in Tier}
        planner = rhythm.Planner(today)
        latest_year = today.year - 1
        no_issues: tuple[int, ...] = ()
        result = []
        for b, seen, estimate in zip(bases, seen_of, estimates, strict=True):
            plan = planner.cadence(
                b.tier, days[b.tier], seen.last, seen.last_executive, seen.last_maintenance
            )
            ranking = b.ranking
            # Both made 20,000 times: by position, in field order (keywords cost a third more).
            health = assess(
                HealthFacts(
                    latest_year,
                    ranking.profit if b.has_latest else None,  # profit_latest
                    b.previous_profit,
                    plan,
                    issues.get(b.account_id, no_issues),
                    seen.recent,
                    seen.recent_count,
                    seen.earlier,
                    seen.earlier_count,
                    b.cycle,
                    b.cycle_before,
                    b.cycle_changed_on,
                    (),  # contacts: summed up in SQL instead, just below
                    people.get(b.account_id, _NOBODY),
                )
            )
            visit = plan.visit
            result.append(
                Standing(
                    b.account_id,
                    b.name,
                    b.owner,
                    b.tier,
                    ranking.tier,
                    ranking.rank,
                    ranking.profit,
                    estimate.value,
                    quadrant(estimate.value, b.development_cost, value_median, cost_median),
                    visit.last,
                    visit.next_due,
                    visit.overdue_days,
                    plan.executive.next_due,
                    plan.maintenance.next_due,
                    health.score,
                    health.signals,
                    ranking,
                    estimate,
                    b.override,
                )
            )
        return result

    def cadence(self, account_id: str, today: date | None = None) -> Cadence:
        """The three visit rhythms of one account, each with its explanation."""
        today = today or date.today()
        account = self._accounts.get(account_id)
        values = self.settings.values()
        with self.archive.raw_reading() as conn:
            base = next(b for b in _bases(conn, today, values) if b.account_id == account.id)
            seen = _seen_by_account(_visit_rows(conn, today, account.id)).get(account.id)
        return _cadence(base.tier, rhythm.days_for(base.tier, values), seen, today)

    def _activity(self, today: date, fetch: threading.Event) -> _Activity:
        """Visits, late issues and the people who matter, per account, on a second connection.

        The visit and contact scans end in a sort, so the first step of each statement, taken
        as it is executed, does all of its work in SQLite's C code, which lets go of the GIL,
        while the calling thread ranks the accounts. Their rows are read once `fetch` is set,
        when that thread waits for them: reading rows one by one while it runs Python would
        hand the GIL back and forth on every row. The two connections read separate snapshots;
        a change landing between them shows up on the next refresh.
        """
        with self.archive.raw_reading() as conn:
            visits = _visit_rows(conn, today, None)
            people = _people_rows(conn)
            issues = _late_issue_rows(conn, today)
            fetch.wait()
            return _seen_by_account(visits), _days_late(issues, today), _people_of(people)


_Activity = tuple["dict[str, _Seen]", "dict[str, tuple[int, ...]]", "dict[str, People]"]


# the bulk queries --------------------------------------------------------------------------------


def _bases(conn: sqlite3.Connection, today: date, values: Mapping[str, Any]) -> list[_Base]:
    """Tiers, lifetime value and quadrant of every live account, by rank."""
    latest = today.year - 1
    years = range(min(latest - LIFETIME_BASIS_YEARS + 1, latest - 1), latest + 1)
    # One row per account: the account, the revenue of the latest full year, then the gross
    # profit of each year, oldest first; NULL where the year has no row, a sum where it has
    # two (e.g. after a merge).
    profit_of_year = ", ".join(["sum(CASE WHEN year = ? THEN gross_profit END)"] * len(years))
    figures = {
        row[0]: row
        for row in conn.execute(
            "SELECT account_id, sum(CASE WHEN year = ? THEN revenue END), "
            f"{profit_of_year} FROM account_years"
            " WHERE deleted_at IS NULL AND year BETWEEN ? AND ? GROUP BY account_id",
            (latest, *years, years[0], latest),
        )
    }
    rows = conn.execute(
        "SELECT id, name, owner, tier_override, tier_override_reason, billing_cycle,"
        " billing_cycle_before, billing_cycle_changed_on, cost_to_serve, development_cost,"
        " cooperation_since, is_key_account FROM accounts WHERE deleted_at IS NULL"
    ).fetchall()
    none = (None,) * (len(years) + 2)  # (account, revenue, profit of each year)
    profits = {}
    for row in rows:
        profit = figures.get(row[0], none)[-1]
        profits[row[0]] = 0 if profit is None else profit
    tiers = abc_tiers(profits, float(values[TIER_A_SHARE.key]), float(values[TIER_B_SHARE.key]))
    by_hand = _("set to {t} by hand: {r} (computed: {c})")
    by_id = {row[0]: row for row in rows}
    first_basis = 2 + len(years) - LIFETIME_BASIS_YEARS  # where the lifetime-value years begin
    bases = []
    for aid, computed in tiers.items():  # in rank order
        _id, name, owner, override, why, cycle, before, changed, cost, dev, since, key = by_id[aid]
        tier = computed.tier
        by_hand_as = None
        if override:
            tier = TIERS[override]
            by_hand_as = TierOverride(tier, why or "", by_hand)
        known = figures.get(aid, none)
        recent = known[first_basis:]
        if None in recent:
            recent = tuple([p for p in recent if p is not None])
        bases.append(
            _Base(
                aid,
                name,
                owner or "",
                tier,
                computed,
                by_hand_as,
                known[1] or 0,
                known[-2],
                known[-1] is not None,
                recent,
                cost or 0,
                dev or 0,
                full_years(date.fromisoformat(since), today) if since else 0,
                bool(key),
                CYCLES[cycle] if cycle else None,
                CYCLES[before] if before else None,
                date.fromisoformat(changed) if changed else None,
            )
        )
    return bases


class _Seen(NamedTuple):
    """An account's visit history, aggregated (a tuple: one per account, made in bulk)."""

    last: date | None
    last_executive: date | None
    last_maintenance: date | None
    recent: float | None
    recent_count: int
    earlier: float | None
    earlier_count: int
    cost_last_year: int  # visit costs of the last 365 days: part of the cost to serve


_NOT_SEEN = _Seen(None, None, None, None, 0, None, 0, 0)
"""The history of an account never visited."""


def _visit_rows(conn: sqlite3.Connection, today: date, only: str | None) -> sqlite3.Cursor:
    """Last visit of each kind and satisfaction averages, per account, in one grouped scan."""
    recent = (today - timedelta(days=RECENT_DAYS)).isoformat()
    earlier = (today - timedelta(days=EARLIER_DAYS)).isoformat()
    tomorrow = (today + timedelta(days=1)).isoformat()  # visits planned ahead do not count yet
    # The (account, time) index holds every column used here: a scan of it, account by
    # account, groups without reading the wide visit rows. `+occurred_at` compares the stored
    # text as text: the column's numeric affinity would otherwise have SQLite try to read the
    # bound day as a number in every comparison of every row.
    sql = (
        "SELECT account_id, substr(max(occurred_at), 1, 10),"
        " substr(max(CASE WHEN kind = :executive THEN occurred_at END), 1, 10),"
        " substr(max(CASE WHEN kind = :on_site THEN occurred_at END), 1, 10),"
        " avg(CASE WHEN +occurred_at >= :recent THEN satisfaction END),"
        " count(CASE WHEN +occurred_at >= :recent THEN satisfaction END),"
        " avg(CASE WHEN +occurred_at < :recent AND +occurred_at >= :earlier"
        " THEN satisfaction END),"
        " count(CASE WHEN +occurred_at < :recent AND +occurred_at >= :earlier"
        " THEN satisfaction END),"
        " coalesce(sum(CASE WHEN +occurred_at >= :year_ago THEN cost END), 0)"
        " FROM visits WHERE deleted_at IS NULL AND +occurred_at < :tomorrow"
    )
    params: dict[str, Any] = {
        "executive": VisitKind.EXECUTIVE.value,
        "on_site": VisitKind.ON_SITE.value,
        "recent": recent,
        "earlier": earlier,
        "tomorrow": tomorrow,
        "year_ago": (today - timedelta(days=365)).isoformat(),
    }
    if only is not None:
        sql += " AND account_id = :only"
        params["only"] = only
    # Sorting by +account_id (which the index cannot provide) makes the first step do it all.
    sql += " GROUP BY account_id ORDER BY +account_id"
    return conn.execute(sql, params)


def _seen_by_account(rows: Iterable[tuple[Any, ...]]) -> dict[str, _Seen]:
    day = _Days()  # thousands of accounts, a few hundred distinct days
    return {
        aid: _Seen(day[last], day[ex], day[site], r, rn, e, en, int(spent))
        for aid, last, ex, site, r, rn, e, en, spent in rows
    }


class _Days(dict[str | None, date | None]):
    """The day of a stored date-time ('YYYY-MM-DD HH:MM:SS...'; None stays None), read once."""

    def __missing__(self, text: str | None) -> date | None:
        self[text] = day = date.fromisoformat(text[:10]) if text else None
        return day


def _late_issue_rows(conn: sqlite3.Connection, today: date) -> sqlite3.Cursor:
    """Every open issue that is past its due date."""
    return conn.execute(
        "SELECT account_id, due_on FROM customer_issues WHERE deleted_at IS NULL"
        " AND status IN (?, ?) AND due_on < ?",
        (IssueStatus.OPEN.value, IssueStatus.IN_PROGRESS.value, today.isoformat()),
    )


def _days_late(rows: Iterable[tuple[Any, ...]], today: date) -> dict[str, tuple[int, ...]]:
    """Days past due of every late issue, per account."""
    late: dict[str, list[int]] = defaultdict(list)
    for aid, due_on in rows:
        late[aid].append((today - date.fromisoformat(due_on)).days)
    return {aid: tuple(days) for aid, days in late.items()}


def _people_rows(conn: sqlite3.Connection) -> sqlite3.Cursor:
    """The people the relationship rules look at (health.people()), by account, as entered.

    Each row says whether the person is a decision maker and whether they are a strong tie at
    owner or VP level, and gives the name only where a signal needs it: a decision maker not
    reached, or one who opposes us. People who are neither decision makers nor strong at the
    top change nothing and are left out. One pass over the table and a sort (so the first
    step does it all) beat a lookup per person from the account index.
    """
    top = {f"top{i}": level.value for i, level in enumerate(TOP_LEVELS)}
    at_top = f"level IN ({', '.join(':' + mark for mark in top)}) AND strength >= :strong"
    return conn.execute(
        f"SELECT account_id, buying_role = :decider, {at_top},"
        " CASE WHEN buying_role = :decider AND (strength IS NULL OR strength <= :cold)"
        " THEN name END,"
        " CASE WHEN buying_role = :decider AND attitude = :opponent THEN name END"
        " FROM contacts NOT INDEXED WHERE deleted_at IS NULL"
        f" AND (buying_role = :decider OR ({at_top})) ORDER BY account_id, rowid",
        {
            "decider": BuyingRole.DECISION_MAKER.value,
            "strong": STRONG,
            "cold": COLD,
            "opponent": Attitude.OPPONENT.value,
            **top,
        },
    )


_NOBODY = People(False, False, (), ())
"""The people of an account with no decision maker and nobody strong at owner or VP level."""


def _people_of(rows: Iterable[tuple[Any, ...]]) -> dict[str, People]:
    """health.people() of every account with a decision maker or someone strong at the top."""
    shared = {(d, t): People(d, t, (), ()) for d in (False, True) for t in (False, True)}
    found: dict[str, People] = {}
    for aid, persons in groupby(rows, key=itemgetter(0)):  # the rows come by account
        decider = covered = False
        cold: list[str] = []
        opposed: list[str] = []
        for _aid, is_decider, is_covering, cold_name, opposed_name in persons:
            decider = decider or is_decider == 1
            covered = covered or is_covering == 1
            if cold_name is not None:
                cold.append(cold_name)
            if opposed_name is not None:
                opposed.append(opposed_name)
        if cold or opposed:
            found[aid] = People(decider, covered, tuple(cold), tuple(opposed))
        else:
            found[aid] = shared[decider, covered]  # most accounts: one of four, shared
    return found


def _cadence(tier: Tier, days: CadenceDays, seen: _Seen | None, today: date) -> Cadence:
    return rhythm.cadence(
        tier,
        days,
        seen.last if seen else None,
        seen.last_executive if seen else None,
        seen.last_maintenance if seen else None,
        today,
    )
