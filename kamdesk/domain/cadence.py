"""How often each account must be seen, by tier: next due dates and days overdue.

Three rhythms, each a number of days per tier from the settings (0 = not required):
- visit: any entry of the visit log counts (on site, call, WeChat, dinner, event, executive) —
  "if you have nothing to show, at least show up often";
- executive: a visit of kind `executive` (our leadership meets theirs);
- maintenance: an `on_site` visit — someone of ours at the customer's site. Every on-site visit
  counts, whatever its purpose says, so the rule does not depend on how a purpose is worded.
The next due date is the last such visit plus the interval; an account never visited is due
today. Overdue days are the days past the due date (0 when not yet due).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from kamdesk.domain.enums import Tier
from kamdesk.domain.settings import EXECUTIVE_DAYS, MAINTENANCE_DAYS, VISIT_DAYS
from kamdesk.i18n import _

VISIT, EXECUTIVE, MAINTENANCE = "visit", "executive", "maintenance"


class Due(NamedTuple):
    """One rhythm of one account: when it is next due and how late it is (a tuple: made in bulk)."""

    kind: str  # visit, executive or maintenance
    tier: Tier
    every_days: int  # 0 = not required for this tier
    last: date | None
    next_due: date | None  # None when not required
    overdue_days: int

    @property
    def explanation(self) -> str:
        """How the due date was found, in words (written only when asked for)."""
        what = _kind_label(self.kind)
        if self.next_due is None:
            return _("tier {t}: no {what} required").format(t=self.tier.value, what=what)
        if self.last is None:
            return _("no {what} yet → due today").format(what=what)
        text = _("last {what} {d} + every {n} days (tier {t}) → due {due}").format(
            what=what,
            d=self.last.isoformat(),
            n=self.every_days,
            t=self.tier.value,
            due=self.next_due.isoformat(),
        )
        if self.overdue_days:
            text += _(", {n} days overdue").format(n=self.overdue_days)
        return text


class Cadence(NamedTuple):
    """The three rhythms of one account."""

    visit: Due
    executive: Due
    maintenance: Due


@dataclass(frozen=True)
class CadenceDays:
    """Days between visits of each kind for one tier (0 = not required)."""

    visit: int
    executive: int
    maintenance: int


def days_for(tier: Tier, settings: Mapping[str, Any]) -> CadenceDays:
    """The cadence of a tier from the settings values (SettingsService.values())."""
    letter = tier.value
    return CadenceDays(
        int(settings[VISIT_DAYS[letter].key]),
        int(settings[EXECUTIVE_DAYS[letter].key]),
        int(settings[MAINTENANCE_DAYS[letter].key]),
    )


def due(kind: str, tier: Tier, every_days: int, last: date | None, today: date) -> Due:
    """When a rhythm is next due and how many days it is overdue."""
    if every_days <= 0:
        return Due(kind, tier, 0, last, None, 0)
    if last is None:
        return Due(kind, tier, every_days, None, today, 0)
    next_due = last + timedelta(days=every_days)
    overdue = (today - next_due).days
    return Due(kind, tier, every_days, last, next_due, overdue if overdue > 0 else 0)


def cadence(
    tier: Tier,
    days: CadenceDays,
    last_visit: date | None,
    last_executive: date | None,
    last_maintenance: date | None,
    today: date,
) -> Cadence:
    """The three rhythms of an account of `tier`, given its last visits of each kind."""
    return Cadence(
        due(VISIT, tier, days.visit, last_visit, today),
        due(EXECUTIVE, tier, days.executive, last_executive, today),
        due(MAINTENANCE, tier, days.maintenance, last_maintenance, today),
    )


class Planner:
    """cadence() for many accounts on one day; equal rhythms are worked out once.

    Accounts of one tier last seen on the same day share their (immutable) Due: across
    thousands of accounts there are only as many distinct ones as distinct last-visit days.
    """

    def __init__(self, today: date) -> None:
        self.today = today
        self._dues: dict[tuple[str, Tier, int, date | None], Due] = {}

    def cadence(
        self,
        tier: Tier,
        days: CadenceDays,
        last_visit: date | None,
        last_executive: date | None,
        last_maintenance: date | None,
    ) -> Cadence:
        """The same as cadence(tier, days, …, today)."""
        return Cadence(
            self._due(VISIT, tier, days.visit, last_visit),
            self._due(EXECUTIVE, tier, days.executive, last_executive),
            self._due(MAINTENANCE, tier, days.maintenance, last_maintenance),
        )

    def _due(self, kind: str, tier: Tier, every_days: int, last: date | None) -> Due:
        key = (kind, tier, every_days, last)
        found = self._dues.get(key)
        if found is None:
            found = self._dues[key] = due(kind, tier, every_days, last, self.today)
        return found


def _kind_label(kind: str) -> str:
    if kind == VISIT:
        return _("visit")
    if kind == EXECUTIVE:
        return _("executive visit")
    if kind == MAINTENANCE:
        return _("maintenance (on-site) visit")
    return kind
