"""The figures behind the reports: Pareto ranking, tiers, visits against plan, issue times, and
what the archive file holds. Plain SQL over the read connection and the engine's own rules, so
the desktop's charts and any later printed report show the same numbers.

Every function takes the open `Archive` and returns frozen rows; none writes.
"""

from __future__ import annotations

import calendar
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from statistics import mean, median

from kamdesk.domain import cadence as rhythm
from kamdesk.domain.enums import IssueSeverity, IssueStatus, Tier
from kamdesk.domain.hlc import Stamp
from kamdesk.domain.settings import TIER_A_SHARE, TIER_B_SHARE
from kamdesk.domain.value import abc_tiers
from kamdesk.services.settings import SettingsService
from kamdesk.storage.database import Archive
from kamdesk.storage.migrations import HEAD

TIERS = tuple(Tier)

# Pareto ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParetoRow:
    """One account in the Pareto ranking of a year's gross profit."""

    rank: int  # 1 = most profit
    account_id: str
    name: str
    gross_profit: int
    share: float  # of the total positive profit (0 for no profit)
    cumulative: float  # share of this account and every account ranked above it
    tier: Tier  # by the Pareto rule
    tier_in_use: Tier  # the hand-set tier where there is one, else `tier`
    set_by_hand: bool


@dataclass(frozen=True)
class ParetoReport:
    """Every live account ranked by the gross profit of `year`, with the tier thresholds."""

    year: int
    a_share: float
    b_share: float
    total: int  # the sum of the positive profits: what the shares are shares of
    rows: tuple[ParetoRow, ...]


def pareto(archive: Archive, year: int) -> ParetoReport:
    """Accounts ranked by gross profit in `year`, cut into A/B/C by the engine's own rule.

    The rule is `domain.value.abc_tiers` (docs/engine.md): the total is the sum of positive
    profits; an account is A while those above it make less than `tiers.a_share`, B likewise up
    to `tiers.b_share`, else C. An account with no figures for the year has a profit of 0.
    """
    settings = SettingsService(archive).values()
    a_share, b_share = float(settings[TIER_A_SHARE.key]), float(settings[TIER_B_SHARE.key])
    with archive.raw_reading() as conn:
        accounts = conn.execute(
            "SELECT id, name, tier_override FROM accounts WHERE deleted_at IS NULL"
        ).fetchall()
        profit_of = dict(
            conn.execute(
                "SELECT y.account_id, sum(y.gross_profit) FROM account_years y"
                " JOIN accounts a ON a.id = y.account_id AND a.deleted_at IS NULL"
                " WHERE y.deleted_at IS NULL AND y.year = ? GROUP BY y.account_id",
                (year,),
            ).fetchall()
        )
    profits = {aid: int(profit_of.get(aid) or 0) for aid, _name, _override in accounts}
    ranked = abc_tiers(profits, a_share, b_share)
    facts = {aid: (name, override) for aid, name, override in accounts}
    rows = []
    for aid, result in sorted(ranked.items(), key=lambda item: item[1].rank):
        name, override = facts[aid]
        rows.append(
            ParetoRow(
                result.rank,
                aid,
                name,
                result.profit,
                result.share,
                result.cumulative,
                result.tier,
                Tier(override) if override else result.tier,
                bool(override),
            )
        )
    total = sum(p for p in profits.values() if p > 0)
    return ParetoReport(year, a_share, b_share, total, tuple(rows))


@dataclass(frozen=True)
class TierRow:
    """How many accounts a tier holds and how much of the profit they make."""

    tier: Tier
    accounts: int
    gross_profit: int
    account_share: float  # of all accounts
    profit_share: float  # of the profit of all accounts (0 when that is not positive)


def tier_distribution(report: ParetoReport) -> list[TierRow]:
    """Accounts and profit per tier in use (hand-set tiers count where they were set)."""
    counts: dict[Tier, int] = dict.fromkeys(TIERS, 0)
    profits: dict[Tier, int] = dict.fromkeys(TIERS, 0)
    for row in report.rows:
        counts[row.tier_in_use] += 1
        profits[row.tier_in_use] += row.gross_profit
    accounts = len(report.rows)
    everything = sum(profits.values())
    return [
        TierRow(
            tier,
            counts[tier],
            profits[tier],
            counts[tier] / accounts if accounts else 0.0,
            profits[tier] / everything if everything > 0 else 0.0,
        )
        for tier in TIERS
    ]


# visits against the cadence --------------------------------------------------------------------


@dataclass(frozen=True)
class MonthPlan:
    """Visits logged in one month against the visits the tier cadence calls for."""

    month: int  # 1 to 12
    visits: int | None  # None for a month that has not begun
    planned: float
    visits_by_tier: dict[Tier, int]
    planned_by_tier: dict[Tier, float]
    complete: bool  # the month is over (else `visits` counts up to today)

    @property
    def ratio(self) -> float | None:
        """Visits as a share of the plan; None when nothing was planned or the month is ahead."""
        if self.visits is None or self.planned <= 0:
            return None
        return self.visits / self.planned


def visits_vs_plan(archive: Archive, year: int, today: date) -> list[MonthPlan]:
    """Each month of `year`: visits logged, and visits the cadence of each account's tier asks.

    The plan is a rate, not a schedule: an account whose tier is to be seen every N days
    (`cadence.<tier>.visit_days`) calls for (days in the month) / N visits that month, so a
    tier-A account at 30 days asks for 31/30 visits in January; the month's plan is the sum
    over every live account. The tier is the one in use during `year`: ranked by gross profit
    of the year before (the latest full year then), or set by hand. Any entry of the visit log
    counts as a visit, as for the cadence itself. Months after `today` have no visits yet; the
    current month counts visits up to today against the whole month's plan.
    """
    values = SettingsService(archive).values()
    every = {tier: rhythm.days_for(tier, values).visit for tier in TIERS}
    tier_of = {row.account_id: row.tier_in_use for row in pareto(archive, year - 1).rows}
    accounts = dict.fromkeys(TIERS, 0)
    for tier in tier_of.values():
        accounts[tier] += 1
    seen: defaultdict[int, dict[Tier, int]] = defaultdict(lambda: dict.fromkeys(TIERS, 0))
    last_day = min(today, date(year, 12, 31))
    if last_day >= date(year, 1, 1):
        with archive.raw_reading() as conn:
            for aid, month, count in conn.execute(
                "SELECT v.account_id, CAST(substr(v.occurred_at, 6, 2) AS INTEGER), count(*)"
                " FROM visits v JOIN accounts a ON a.id = v.account_id AND a.deleted_at IS NULL"
                " WHERE v.deleted_at IS NULL AND v.occurred_at >= ? AND v.occurred_at < ?"
                " GROUP BY v.account_id, 2",
                (f"{year}-01-01", _day_after(last_day)),
            ):
                if aid in tier_of:
                    seen[month][tier_of[aid]] += count
    months = []
    for month in range(1, 13):
        length = calendar.monthrange(year, month)[1]
        planned = {t: accounts[t] * length / every[t] if every[t] else 0.0 for t in TIERS}
        begun = date(year, month, 1) <= today
        by_tier = dict(seen[month]) if begun else dict.fromkeys(TIERS, 0)
        months.append(
            MonthPlan(
                month,
                sum(by_tier.values()) if begun else None,
                sum(planned.values()),
                by_tier,
                planned,
                date(year, month, length) < today,
            )
        )
    return months


def _day_after(day: date) -> str:
    return date.fromordinal(day.toordinal() + 1).isoformat()


# issue resolution -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resolution:
    """Days from raised to resolved for a group of issues."""

    resolved: int
    median_days: float | None  # None when none was resolved
    mean_days: float | None


@dataclass(frozen=True)
class ResolutionReport:
    """How long issues resolved in `year` took, per month of resolution and per severity."""

    year: int
    by_month: tuple[Resolution, ...]  # January first
    by_severity: dict[IssueSeverity, Resolution]
    open_by_severity: dict[IssueSeverity, int]  # open or in progress now, whenever raised

    @property
    def open_now(self) -> int:
        return sum(self.open_by_severity.values())


def resolution_times(archive: Archive, year: int) -> ResolutionReport:
    """Median and mean days open → resolved of the issues resolved in `year`, and what is open.

    An issue counts as resolved when its status is resolved or closed and it has a resolution
    day; its time is that day minus the day it was raised (0 for the same day). It is placed in
    the month it was resolved. Open means status open or in progress, today, of any age.
    """
    finished = (IssueStatus.RESOLVED.value, IssueStatus.CLOSED.value)
    waiting = (IssueStatus.OPEN.value, IssueStatus.IN_PROGRESS.value)
    with archive.raw_reading() as conn:
        done = conn.execute(
            "SELECT i.raised_on, i.resolved_on, i.severity FROM customer_issues i"
            " JOIN accounts a ON a.id = i.account_id AND a.deleted_at IS NULL"
            " WHERE i.deleted_at IS NULL AND i.status IN (?, ?)"
            " AND i.resolved_on BETWEEN ? AND ?",
            (*finished, f"{year}-01-01", f"{year}-12-31"),
        ).fetchall()
        still_open = _open_by_severity(conn, waiting)
    months: defaultdict[int, list[int]] = defaultdict(list)
    severities: defaultdict[str, list[int]] = defaultdict(list)
    for raised, resolved, severity in done:
        end = date.fromisoformat(resolved)
        days = max((end - date.fromisoformat(raised)).days, 0)
        months[end.month].append(days)
        severities[severity].append(days)
    return ResolutionReport(
        year,
        tuple(_resolution(months[m]) for m in range(1, 13)),
        {s: _resolution(severities[s.value]) for s in IssueSeverity},
        still_open,
    )


def _open_by_severity(
    conn: sqlite3.Connection, waiting: tuple[str, str]
) -> dict[IssueSeverity, int]:
    counts = dict(
        conn.execute(
            "SELECT i.severity, count(*) FROM customer_issues i"
            " JOIN accounts a ON a.id = i.account_id AND a.deleted_at IS NULL"
            " WHERE i.deleted_at IS NULL AND i.status IN (?, ?) GROUP BY i.severity",
            waiting,
        ).fetchall()
    )
    return {s: int(counts.get(s.value, 0)) for s in IssueSeverity}


def _resolution(days: list[int]) -> Resolution:
    if not days:
        return Resolution(0, None, None)
    return Resolution(len(days), float(median(days)), float(mean(days)))


# the archive file ------------------------------------------------------------------------------

COUNTED_TABLES = (
    "accounts",
    "contacts",
    "anniversaries",
    "visits",
    "customer_issues",
    "preferences",
    "greetings",
    "account_years",
    "point_entries",
)
"""Tables of synchronised records, in the order the archive summary lists them."""


@dataclass(frozen=True)
class ArchiveSummary:
    """What the archive file is and holds, for the Sync page."""

    path: Path
    size_bytes: int  # the file and its write-ahead log
    installation_id: str
    schema: str
    last_change: datetime | None  # UTC, from the clock's last stamp
    live: dict[str, int]  # table -> records in use
    deleted: dict[str, int]  # table -> tombstones (restorable, kept for sync)


def archive_summary(archive: Archive) -> ArchiveSummary:
    """Path, size, installation id, schema, last change and record counts of the archive."""
    path = archive.path
    size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    live: dict[str, int] = {}
    deleted: dict[str, int] = {}
    with archive.raw_reading() as conn:
        for table in COUNTED_TABLES:  # names from the constant above, never from input
            kept, gone = conn.execute(
                f"SELECT count(*) - count(deleted_at), count(deleted_at) FROM {table}"
            ).fetchone()
            live[table], deleted[table] = int(kept), int(gone)
        row = conn.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()
    last = None
    if row and row[0]:
        wall = Stamp.decode(row[0]).wall_ms
        last = datetime.fromtimestamp(wall / 1000, UTC).replace(tzinfo=None) if wall else None
    return ArchiveSummary(path, size, archive.installation_id, HEAD, last, live, deleted)
