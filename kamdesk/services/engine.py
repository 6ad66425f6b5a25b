"""The value side of the relationship engine: tiers, lifetime value, cadence and churn risk.

Everything is read in a handful of bulk queries (one per table, grouped by account) inside one
read transaction, then the pure rules of domain/value.py, domain/cadence.py and domain/health.py
run over plain values. "Latest full year" is the year before `today`.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from sqlalchemy import delete, insert

from kamdesk.domain import cadence as rhythm
from kamdesk.domain.cadence import Cadence, CadenceDays
from kamdesk.domain.enums import (
    Attitude,
    BillingCycle,
    BuyingRole,
    ContactLevel,
    IssueStatus,
    Tier,
    VisitKind,
)
from kamdesk.domain.errors import FieldProblem, ValidationError
from kamdesk.domain.health import (
    EARLIER_DAYS,
    RECENT_DAYS,
    TOP_LEVELS,
    ContactFacts,
    HealthFacts,
    Signal,
    assess,
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
    KeyAccountReview,
    KeyCriteria,
    KeyFacts,
    abc_tiers,
    full_years,
    lifetime_value,
    median,
    quadrant,
)
from kamdesk.domain.value import key_account_review as review_rule
from kamdesk.i18n import _
from kamdesk.services.accounts import AccountService
from kamdesk.services.records import blank
from kamdesk.services.settings import SettingsService
from kamdesk.storage.database import Archive
from kamdesk.storage.models import StandingCache

__all__ = ["EngineService", "KeyAccountReview", "Signal", "Standing"]

TIERS = {m.value: m for m in Tier}
CYCLES = {m.value: m for m in BillingCycle}
LIFETIME_BASIS_YEARS = 3
"""Lifetime value averages the gross profit of up to this many latest full years."""


@dataclass(frozen=True)
class Standing:
    """Where one account stands: tier, value, cadence and churn risk, each explained."""

    account_id: str
    name: str
    owner: str
    tier: Tier  # effective: the override if set, else computed
    computed_tier: Tier
    tier_explanation: str  # includes the override and its reason when overridden
    rank: int
    gross_profit: int  # latest full year
    lifetime_value: int
    lifetime_explanation: str
    quadrant: str
    last_visit: date | None
    next_visit_due: date | None
    visit_overdue_days: int
    next_executive_due: date | None
    next_maintenance_due: date | None
    risk_score: int
    risk_signals: tuple[Signal, ...]
    overridden: bool = False  # the tier was set by hand (it may equal the computed one)


class _Base(NamedTuple):
    """The value of one account: what tiers, lifetime value and the key-account rule need."""

    account_id: str
    name: str
    owner: str
    tier: Tier
    computed_tier: Tier
    overridden: bool
    tier_explanation: str
    rank: int
    gross_profit: int
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
                b.gross_profit / b.revenue if b.has_latest and b.revenue > 0 else None,
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

    def _standings(self, today: date) -> list[Standing]:
        values = self.settings.values()
        # The activity scans run in SQLite's C code, which lets go of the GIL, so a second
        # read connection does them while this thread ranks the accounts. The two reads are
        # separate snapshots; a change landing between them shows up on the next refresh.
        with ThreadPoolExecutor(max_workers=1) as worker:
            pending = worker.submit(self._activity, today, None)
            with self.archive.raw_reading() as conn:
                bases = _bases(conn, today, values)
            visits, issues, contacts = pending.result()
        expected = float(values[LIFETIME_YEARS.key])
        estimates = {}
        for b in bases:
            seen = visits.get(b.account_id)
            serving = b.service_cost + (seen.cost_last_year if seen else 0)
            estimates[b.account_id] = lifetime_value(
                b.recent_profits, expected, serving, b.development_cost
            )
        value_median = median(e.value for e in estimates.values())
        cost_median = median(b.development_cost for b in bases)
        drop = float(values[PROFIT_DROP.key])
        days = {tier: rhythm.days_for(tier, values) for tier in Tier}
        latest_year = today.year - 1
        result = []
        for b in bases:
            seen = visits.get(b.account_id)
            plan = _cadence(b.tier, days[b.tier], seen, today)
            facts = HealthFacts(
                latest_year=latest_year,
                profit_latest=b.gross_profit if b.has_latest else None,
                profit_previous=b.previous_profit,
                cadence=plan,
                issues_days_past_due=issues.get(b.account_id, ()),
                satisfaction_recent=seen.recent if seen else None,
                ratings_recent=seen.recent_count if seen else 0,
                satisfaction_earlier=seen.earlier if seen else None,
                ratings_earlier=seen.earlier_count if seen else 0,
                billing_cycle=b.cycle,
                billing_cycle_before=b.cycle_before,
                billing_cycle_changed_on=b.cycle_changed_on,
                contacts=contacts.get(b.account_id, ()),
            )
            health = assess(facts, drop)
            result.append(
                Standing(
                    account_id=b.account_id,
                    name=b.name,
                    owner=b.owner,
                    tier=b.tier,
                    computed_tier=b.computed_tier,
                    tier_explanation=b.tier_explanation,
                    rank=b.rank,
                    gross_profit=b.gross_profit,
                    lifetime_value=estimates[b.account_id].value,
                    lifetime_explanation=estimates[b.account_id].explanation,
                    quadrant=quadrant(
                        estimates[b.account_id].value,
                        b.development_cost,
                        value_median,
                        cost_median,
                    ),
                    last_visit=plan.visit.last,
                    next_visit_due=plan.visit.next_due,
                    visit_overdue_days=plan.visit.overdue_days,
                    next_executive_due=plan.executive.next_due,
                    next_maintenance_due=plan.maintenance.next_due,
                    risk_score=health.score,
                    risk_signals=health.signals,
                    overridden=b.overridden,
                )
            )
        return result

    def _activity(self, today: date, only: str | None) -> _Activity:
        with self.archive.raw_reading() as conn:
            return _activity(conn, today, only)

    def cadence(self, account_id: str, today: date | None = None) -> Cadence:
        """The three visit rhythms of one account, each with its explanation."""
        today = today or date.today()
        account = self._accounts.get(account_id)
        values = self.settings.values()
        with self.archive.raw_reading() as conn:
            base = next(b for b in _bases(conn, today, values) if b.account_id == account.id)
            seen = _visits(conn, today, account.id).get(account.id)
        return _cadence(base.tier, rhythm.days_for(base.tier, values), seen, today)


_Activity = tuple["dict[str, _Seen]", "dict[str, tuple[int, ...]]", "dict[str, list[ContactFacts]]"]


def _activity(conn: sqlite3.Connection, today: date, only: str | None) -> _Activity:
    """Visits, late issues and the people who matter, per account."""
    return _visits(conn, today, only), _issues(conn, today, only), _contacts(conn, only)


# the bulk queries --------------------------------------------------------------------------------


def _bases(conn: sqlite3.Connection, today: date, values: Mapping[str, Any]) -> list[_Base]:
    """Tiers, lifetime value and quadrant of every live account, by rank."""
    latest = today.year - 1
    first = latest - LIFETIME_BASIS_YEARS + 1
    figures: dict[str, dict[int, tuple[int, int]]] = defaultdict(dict)
    for aid, year, revenue, profit in conn.execute(
        "SELECT account_id, year, revenue, gross_profit FROM account_years"
        " WHERE deleted_at IS NULL AND year BETWEEN ? AND ?",
        (first, latest),
    ):
        known = figures[aid]
        if year in known:  # two live rows for one year (e.g. after a merge): add them up
            revenue, profit = revenue + known[year][0], profit + known[year][1]
        known[year] = (revenue, profit)
    rows = conn.execute(
        "SELECT id, name, owner, tier_override, tier_override_reason, billing_cycle,"
        " billing_cycle_before, billing_cycle_changed_on, cost_to_serve, development_cost,"
        " cooperation_since, is_key_account FROM accounts WHERE deleted_at IS NULL"
    ).fetchall()
    none: dict[int, tuple[int, int]] = {}
    profits = {}
    for row in rows:
        known = figures.get(row[0], none)
        profits[row[0]] = known[latest][1] if latest in known else 0
    tiers = abc_tiers(profits, float(values[TIER_A_SHARE.key]), float(values[TIER_B_SHARE.key]))
    basis = range(first, latest + 1)
    by_hand = _("set to {t} by hand: {r} (computed: {c})")
    by_id = {row[0]: row for row in rows}
    bases = []
    for aid, computed in tiers.items():  # in rank order
        _id, name, owner, override, why, cycle, before, changed, cost, dev, since, key = by_id[aid]
        explanation = computed.explanation
        tier = computed.tier
        if override:
            tier = TIERS[override]
            explanation = by_hand.format(t=override, r=why or "—", c=explanation)
        known = figures.get(aid, none)
        bases.append(
            _Base(
                aid,
                name,
                owner or "",
                tier,
                computed.tier,
                bool(override),
                explanation,
                computed.rank,
                computed.profit,
                known[latest][0] if latest in known else 0,
                known[latest - 1][1] if latest - 1 in known else None,
                latest in known,
                tuple(known[y][1] for y in basis if y in known),
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


def _visits(conn: sqlite3.Connection, today: date, only: str | None) -> dict[str, _Seen]:
    """Last visit of each kind and satisfaction averages, per account, in one grouped scan."""
    recent = (today - timedelta(days=RECENT_DAYS)).isoformat()
    earlier = (today - timedelta(days=EARLIER_DAYS)).isoformat()
    tomorrow = (today + timedelta(days=1)).isoformat()  # visits planned ahead do not count yet
    # A whole-table scan into a temporary B-tree beats walking the (account, time) index and
    # fetching every row from it: the grouped columns are not in the index.
    source = "visits NOT INDEXED" if only is None else "visits"
    sql = (
        "SELECT account_id, max(occurred_at),"
        " max(CASE WHEN kind = :executive THEN occurred_at END),"
        " max(CASE WHEN kind = :on_site THEN occurred_at END),"
        " avg(CASE WHEN occurred_at >= :recent THEN satisfaction END),"
        " count(CASE WHEN occurred_at >= :recent THEN satisfaction END),"
        " avg(CASE WHEN occurred_at < :recent AND occurred_at >= :earlier THEN satisfaction END),"
        " count(CASE WHEN occurred_at < :recent AND occurred_at >= :earlier THEN satisfaction END),"
        " coalesce(sum(CASE WHEN occurred_at >= :year_ago THEN cost END), 0)"
        f" FROM {source} WHERE deleted_at IS NULL AND occurred_at < :tomorrow"
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
    sql += " GROUP BY account_id"
    return {
        aid: _Seen(_moment(last), _moment(ex), _moment(site), r, rn, e, en, int(spent))
        for aid, last, ex, site, r, rn, e, en, spent in conn.execute(sql, params)
    }


def _issues(conn: sqlite3.Connection, today: date, only: str | None) -> dict[str, tuple[int, ...]]:
    """Days past due of every open issue that is past its due date, per account."""
    sql = (
        "SELECT account_id, due_on FROM customer_issues WHERE deleted_at IS NULL"
        " AND status IN (?, ?) AND due_on < ?"
    )
    params: list[Any] = [IssueStatus.OPEN.value, IssueStatus.IN_PROGRESS.value, today.isoformat()]
    if only is not None:
        sql += " AND account_id = ?"
        params.append(only)
    late: dict[str, list[int]] = defaultdict(list)
    for aid, due_on in conn.execute(sql, params):
        late[aid].append((today - date.fromisoformat(due_on)).days)
    return {aid: tuple(days) for aid, days in late.items()}


def _contacts(conn: sqlite3.Connection, only: str | None) -> dict[str, list[ContactFacts]]:
    """The people the relationship rules look at: decision makers and owner/VP level."""
    levels = [level.value for level in TOP_LEVELS]
    marks = ", ".join("?" * len(levels))
    sql = (
        "SELECT account_id, name, level, buying_role, attitude, strength FROM contacts"
        f" WHERE deleted_at IS NULL AND (buying_role = ? OR level IN ({marks}))"
    )
    params: list[Any] = [BuyingRole.DECISION_MAKER.value, *levels]
    if only is not None:
        sql += " AND account_id = ?"
        params.append(only)
    found: dict[str, list[ContactFacts]] = defaultdict(list)
    level_of = {m.value: m for m in ContactLevel}
    role_of = {m.value: m for m in BuyingRole}
    attitude_of = {m.value: m for m in Attitude}
    for aid, name, level, role, attitude, strength in conn.execute(sql, params):
        found[aid].append(
            ContactFacts(
                name, level_of.get(level), role_of.get(role), attitude_of.get(attitude), strength
            )
        )
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


def _moment(text: str | None) -> date | None:
    """The day of a stored date-time ('YYYY-MM-DD HH:MM:SS...')."""
    return date.fromisoformat(text[:10]) if text else None
