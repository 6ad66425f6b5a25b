"""The service plan of an account for a year or a quarter, and how it went.

What a tier calls for comes from the settings (domain/settings.py), the same numbers the
standing and the agenda use:

- visits, executive visits and maintenance (on-site) visits: `cadence.<tier>.*_days` gives one
  every N days, so a year holds round(365 / N) of them (at least one when N is set);
- satisfaction surveys and review meetings: `plan.<tier>.surveys_per_year` / `reviews_per_year`;
- greetings: on every live anniversary of the account's live contacts (lunar days resolved to
  the solar date of that year), and at 春节, 端午 and 中秋 to the account's top contacts.

The year is cut into equal windows, one per occurrence: whole months when the count divides 12
(12 → months, 4 → quarters, 2 → halves, 1 → the year), otherwise equal runs of days. Each item is
due by the end of its window. A quarter's plan holds the items whose window overlaps it.

Plan against actual, from the archive:
- a visit item is done by any visit in its window (executive: a visit of kind executive;
  maintenance: an on-site visit) — the cadence rule;
- a survey by a visit in its window that recorded a satisfaction score;
- a review meeting by a visit in its window whose purpose mentions 回顾, 复盘 or "review";
- a greeting by a greeting logged to that person (festivals: to anyone of the account) from
  `GREETING_BEFORE` days before the day to `GREETING_AFTER` days after.
An item not done is *missed* once its window has ended, *due* while today is inside it, else
*planned*.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from kamdesk.domain.cadence import EXECUTIVE, MAINTENANCE, VISIT, days_for
from kamdesk.domain.calendar_days import (
    FESTIVALS,
    Recurring,
    occurrences_between,
)
from kamdesk.domain.enums import ContactLevel, Tier, VisitKind
from kamdesk.domain.errors import FieldProblem, NotFound, ValidationError
from kamdesk.domain.labels import label
from kamdesk.domain.lunar import FIRST_YEAR, LAST_YEAR
from kamdesk.domain.settings import REVIEWS_PER_YEAR, SURVEYS_PER_YEAR
from kamdesk.i18n import _
from kamdesk.services.queries import anniversaries_of, contacts_of
from kamdesk.services.settings import SettingsService
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Account, Contact, Greeting, Visit

GREETING, FESTIVAL, SURVEY, REVIEW = "greeting", "festival", "survey", "review"
KINDS = (VISIT, EXECUTIVE, MAINTENANCE, GREETING, FESTIVAL, SURVEY, REVIEW)

DONE, MISSED, DUE, PLANNED = "done", "missed", "due", "planned"
STATUSES = (DONE, MISSED, DUE, PLANNED)

PLAN_FESTIVALS = ("spring_festival", "dragon_boat", "mid_autumn")
"""The festivals every plan greets on: 春节, 端午, 中秋."""
GREETING_BEFORE, GREETING_AFTER = 10, 3
"""A greeting counts for a day when sent this many days before it to this many days after."""
REVIEW_WORDS = ("回顾", "复盘", "review")
FESTIVAL_CONTACTS = 5
"""Festival greetings go to this many of the account's top contacts (owner first)."""


@dataclass(frozen=True)
class PlanItem:
    """One thing the plan calls for, and what became of it."""

    kind: str  # one of KINDS
    what: str
    due: date  # the day itself for a greeting; the end of its window otherwise
    window_start: date
    window_end: date
    owner: str
    status: str  # one of STATUSES
    done_on: date | None = None
    contact_id: str | None = None


@dataclass(frozen=True)
class ServicePlan:
    """The plan of one account for a year or one quarter of it."""

    account_id: str
    account_name: str
    owner: str
    tier: Tier
    year: int
    quarter: int | None
    start: date
    end: date
    today: date
    items: tuple[PlanItem, ...]
    rules: tuple[str, ...]  # the tier's rules in words, for the printed plan

    @property
    def period(self) -> str:
        if self.quarter is None:
            return _("{y}").format(y=self.year)
        return _("{y} Q{q}").format(y=self.year, q=self.quarter)

    def count(self, status: str) -> int:
        return sum(1 for item in self.items if item.status == status)

    @property
    def after_the_fact(self) -> bool:
        """Some of the period is past, so plan and actual can be compared."""
        return self.today >= self.start


def period_of(year: int, quarter: int | None) -> tuple[date, date]:
    """First and last day of a year or of one of its quarters; ValidationError when invalid."""
    problems = []
    if not FIRST_YEAR <= year <= LAST_YEAR - 1:
        problems.append(
            FieldProblem(
                "year", _("year must be between {a} and {b}").format(a=FIRST_YEAR, b=LAST_YEAR - 1)
            )
        )
    if quarter is not None and not 1 <= quarter <= 4:
        problems.append(FieldProblem("quarter", _("quarter must be 1 to 4")))
    if problems:
        raise ValidationError(problems)
    if quarter is None:
        return date(year, 1, 1), date(year, 12, 31)
    first_month = 3 * (quarter - 1) + 1
    last_month = first_month + 2
    return date(year, first_month, 1), date(
        year, last_month, calendar.monthrange(year, last_month)[1]
    )


def windows(year: int, count: int) -> list[tuple[date, date]]:
    """The year cut into `count` windows: whole months when `count` divides 12, else equal runs
    of days. Empty for 0."""
    if count <= 0:
        return []
    if 12 % count == 0:
        months = 12 // count
        result = []
        for index in range(count):
            first = index * months + 1
            last = first + months - 1
            result.append(
                (date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]))
            )
        return result
    start = date(year, 1, 1)
    days = 366 if calendar.isleap(year) else 365
    cuts = [round(i * days / count) for i in range(count + 1)]
    return [
        (start + timedelta(days=cuts[i]), start + timedelta(days=cuts[i + 1] - 1))
        for i in range(count)
    ]


def per_year(every_days: int) -> int:
    """How many times a year a rhythm of one every `every_days` days comes round (0 = none)."""
    return max(1, round(365 / every_days)) if every_days > 0 else 0


class PlanService:
    """Builds service plans from the archive and its settings."""

    def __init__(
        self, archive: Archive, settings: SettingsService, tiers: Callable[[str], Tier]
    ) -> None:
        """`tiers(account_id)`: the account's tier in use (the engine's standing)."""
        self.archive = archive
        self.settings = settings
        self.tiers = tiers

    def plan(
        self,
        account_id: str,
        year: int,
        quarter: int | None = None,
        *,
        today: date | None = None,
        tier: Tier | None = None,
    ) -> ServicePlan:
        start, end = period_of(year, quarter)
        today = today or date.today()
        values = self.settings.values()
        with self.archive.reading() as session:
            account = session.get(Account, account_id)
            if account is None or account.is_deleted:
                raise NotFound(_("no account with id {i}").format(i=account_id))
            tier = tier or self.tiers(account.id)
            contacts = contacts_of(session, account.id)
            anniversaries = anniversaries_of(session, account.id)
            year_start, year_end = date(year, 1, 1), date(year, 12, 31)
            visits = list(
                session.scalars(
                    select(Visit).where(
                        Visit.account_id == account.id,
                        Visit.deleted_at.is_(None),
                        Visit.occurred_at >= datetime.combine(year_start, datetime.min.time()),
                        Visit.occurred_at
                        < datetime.combine(year_end + timedelta(days=1), datetime.min.time()),
                    )
                )
            )
            greetings = list(
                session.execute(
                    select(Greeting.contact_id, Greeting.occasion, Greeting.sent_on).where(
                        Greeting.account_id == account.id,
                        Greeting.deleted_at.is_(None),
                        Greeting.sent_on >= year_start - timedelta(days=GREETING_BEFORE + 31),
                        Greeting.sent_on <= year_end + timedelta(days=GREETING_AFTER + 31),
                    )
                )
            )
            builder = _Builder(account, tier, values, today, visits, greetings)
            items = builder.visit_items(year) + builder.greeting_items(
                year, contacts, anniversaries
            )
            rules = builder.rules()
            name, owner, aid = account.name, account.owner, account.id
        chosen = [i for i in items if i.window_end >= start and i.window_start <= end]
        chosen.sort(key=lambda i: (i.due, KINDS.index(i.kind), i.what))
        return ServicePlan(
            aid, name, owner, tier, year, quarter, start, end, today, tuple(chosen), rules
        )


class _Builder:
    def __init__(
        self,
        account: Account,
        tier: Tier,
        values: Mapping[str, Any],
        today: date,
        visits: Sequence[Visit],
        greetings: Sequence[Any],
    ) -> None:
        self.account = account
        self.tier = tier
        self.values = values
        self.today = today
        self.visits = sorted(visits, key=lambda v: v.occurred_at)
        self.greetings = list(greetings)
        self.cadence = days_for(tier, values)
        self.surveys = int(values[SURVEYS_PER_YEAR[tier.value].key])
        self.reviews = int(values[REVIEWS_PER_YEAR[tier.value].key])

    def rules(self) -> tuple[str, ...]:
        t = self.tier.value
        lines = []
        for every, words in (
            (self.cadence.visit, _("Tier {t}: a visit every {n} days ({k} a year)")),
            (self.cadence.executive, _("Tier {t}: an executive visit every {n} days ({k} a year)")),
            (
                self.cadence.maintenance,
                _("Tier {t}: an on-site maintenance visit every {n} days ({k} a year)"),
            ),
        ):
            if every > 0:
                lines.append(words.format(t=t, n=every, k=per_year(every)))
        if self.surveys:
            lines.append(_("Tier {t}: {k} satisfaction surveys a year").format(t=t, k=self.surveys))
        if self.reviews:
            lines.append(_("Tier {t}: {k} review meetings a year").format(t=t, k=self.reviews))
        lines.append(_("Greetings on every contact's anniversaries and at 春节, 端午 and 中秋"))
        return tuple(lines)

    # visits, surveys, reviews ---------------------------------------------------------------
    def visit_items(self, year: int) -> list[PlanItem]:
        owner = self.account.owner
        executive_owner = self.account.executive_sponsor or owner
        items: list[PlanItem] = []
        specs: list[tuple[str, int, str, str]] = [
            (VISIT, per_year(self.cadence.visit), _("Visit"), owner),
            (EXECUTIVE, per_year(self.cadence.executive), _("Executive visit"), executive_owner),
            (
                MAINTENANCE,
                per_year(self.cadence.maintenance),
                _("Maintenance visit (on site)"),
                owner,
            ),
            (SURVEY, self.surveys, _("Satisfaction survey"), owner),
            (REVIEW, self.reviews, _("Review meeting"), owner),
        ]
        for kind, count, what, who in specs:
            for number, (first, last) in enumerate(windows(year, count), start=1):
                title = what if count == 1 else f"{what} {number}/{count}"
                done = self._visit_done(kind, first, last)
                items.append(
                    PlanItem(
                        kind, title, last, first, last, who, self._status(done, first, last), done
                    )
                )
        return items

    def _visit_done(self, kind: str, first: date, last: date) -> date | None:
        for visit in self.visits:
            day = visit.occurred_at.date()
            if first <= day <= last and self._counts(kind, visit):
                return day
        return None

    @staticmethod
    def _counts(kind: str, visit: Visit) -> bool:
        if kind == VISIT:
            return True
        if kind == EXECUTIVE:
            return visit.kind == VisitKind.EXECUTIVE
        if kind == MAINTENANCE:
            return visit.kind == VisitKind.ON_SITE
        if kind == SURVEY:
            return visit.satisfaction is not None
        if kind == REVIEW:
            purpose = (visit.purpose or "").lower()
            return any(word in purpose for word in REVIEW_WORDS)
        return False

    def _status(self, done: date | None, first: date, last: date) -> str:
        if done is not None:
            return DONE
        if last < self.today:
            return MISSED
        if first <= self.today:
            return DUE
        return PLANNED

    # greetings ------------------------------------------------------------------------------
    def greeting_items(
        self, year: int, contacts: Sequence[Contact], anniversaries: Sequence[Any]
    ) -> list[PlanItem]:
        items: list[PlanItem] = []
        first, last = date(year, 1, 1), date(year, 12, 31)
        by_id = {c.id: c for c in contacts}
        for anniversary in anniversaries:
            person = by_id.get(anniversary.contact_id) if anniversary.contact_id else None
            if anniversary.contact_id and person is None:
                continue  # the person has left the archive
            try:
                day = Recurring(
                    anniversary.calendar,
                    anniversary.month,
                    anniversary.day,
                    anniversary.leap_month,
                )
            except ValueError:
                continue
            for occurrence in occurrences_between(day, first, last):
                whose = person.name if person is not None else self.account.name
                what = _("Greeting: {who}, {what}").format(who=whose, what=label(anniversary.kind))
                if anniversary.note:
                    what += f" ({anniversary.note})"
                owner = (person.our_owner if person is not None else "") or self.account.owner
                items.append(
                    self._greeting(GREETING, what, occurrence.date, owner, anniversary.contact_id)
                )
        top = [c for c in contacts if c.level in (ContactLevel.OWNER, ContactLevel.VP)]
        top = (top or list(contacts))[:FESTIVAL_CONTACTS]
        names = "、".join(c.name for c in top)
        for festival in FESTIVALS:
            if festival.key not in PLAN_FESTIVALS:
                continue
            for occurrence in occurrences_between(festival.day, first, last):
                what = _("{f} greetings").format(f=festival.name_zh)
                if names:
                    what += _(" to {names}").format(names=names)
                items.append(
                    self._greeting(FESTIVAL, what, occurrence.date, self.account.owner, None)
                )
        return items

    def _greeting(
        self, kind: str, what: str, day: date, owner: str, contact_id: str | None
    ) -> PlanItem:
        first = day - timedelta(days=GREETING_BEFORE)
        last = day + timedelta(days=GREETING_AFTER)
        done = None
        for who, _occasion, sent in self.greetings:
            if first <= sent <= last and (contact_id is None or who == contact_id):
                done = sent if done is None else min(done, sent)
        status = self._status(done, first, last)
        return PlanItem(kind, what, day, first, last, owner, status, done, contact_id)


def kind_label(kind: str) -> str:
    """A plan item's kind in words."""
    words = {
        VISIT: _("visit"),
        EXECUTIVE: _("executive visit"),
        MAINTENANCE: _("maintenance"),
        GREETING: _("greeting"),
        FESTIVAL: _("festival"),
        SURVEY: _("survey"),
        REVIEW: _("review"),
    }
    return words.get(kind, kind)


def status_label(status: str) -> str:
    """A plan item's status in words."""
    words = {DONE: _("done"), MISSED: _("missed"), DUE: _("due now"), PLANNED: _("planned")}
    return words.get(status, status)
