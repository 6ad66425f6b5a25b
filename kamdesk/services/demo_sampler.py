"""Draws the sample archive's rows from one seeded random stream (used by services/demo.py)."""

from __future__ import annotations

import calendar
import math
import random
from bisect import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any, TypeVar

from sqlalchemy import Table

from kamdesk.domain.enums import (
    AccountStatus,
    AnniversaryKind,
    Attitude,
    BillingCycle,
    BuyingRole,
    CalendarKind,
    ContactLevel,
    IssueSeverity,
    IssueStatus,
    PreferenceCategory,
    Sensitivity,
    VisitKind,
)
from kamdesk.domain.lunar import days_in_month, leap_month_of, lunar_date_problem
from kamdesk.domain.pinyin import initials, readings
from kamdesk.domain.search_keys import account_keys, contact_keys
from kamdesk.services import demo_words as W
from kamdesk.storage.models import Base
from kamdesk.storage.search_index import ACCOUNT, CONTACT

Row = dict[str, Any]
T = TypeVar("T")
_UUID_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID_V4 = (0x4000 << 64) | (0x8000 << 48)
TABLES: tuple[Table, ...] = tuple(
    Base.metadata.tables[name]
    for name in (
        "accounts",
        "account_years",
        "contacts",
        "preferences",
        "anniversaries",
        "visits",
        "visit_contacts",
        "customer_issues",
    )
)
"""The record tables the generator writes, parents before children."""
LEVELS = (ContactLevel.VP, ContactLevel.DIRECTOR, ContactLevel.MANAGER, ContactLevel.STAFF)
LEVEL_RANK = {level: rank for rank, level in enumerate(ContactLevel)}
BIRTH_YEARS = {"owner": (1960, 1978), "vp": (1965, 1982), "director": (1970, 1988)}
CITIES = tuple(city for cities in W.REGIONS.values() for city in cities)
REGION_OF = {city: region for region, cities in W.REGIONS.items() for city in cities}
CITY_ODDS = tuple(accumulate(W.CITY_WEIGHTS.get(city, 3) for city in CITIES))
LEVEL_ODDS = tuple(accumulate((15, 35, 30, 20)))
ATTITUDES, ATTITUDE_ODDS = tuple(Attitude), tuple(accumulate((45, 40, 15)))
STRENGTHS, STRENGTH_ODDS = (1, 2, 3, 4, 5), tuple(accumulate((1, 2, 3, 3, 2)))
VISIT_KINDS = tuple(VisitKind(kind) for kind, _weight in W.VISIT_KINDS)
VISIT_ODDS = tuple(accumulate(weight for _kind, weight in W.VISIT_KINDS))
SATISFACTION = (None, 1, 2, 3, 4, 5)
SATISFACTION_ODDS = tuple(accumulate((10, 2, 5, 20, 40, 23)))
SEVERITIES, SEVERITY_ODDS = tuple(IssueSeverity), tuple(accumulate((30, 45, 20, 5)))
VISIT_COST = {"on_site": 800, "dinner": 2500, "event": 6000, "executive": 5000}


@dataclass(frozen=True)
class Plan:
    """What is decided for an account before its rows are drawn: standing and yearly figures."""

    status: AccountStatus
    years: tuple[tuple[int, int, int], ...]  # (year, revenue, gross profit)
    tier: int  # 0 = top 10% by profit ... 3 = bottom 30%
    key: bool


class Sampler:
    """Draws every row from one seeded random stream, relative to one `today`."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.moment = datetime.combine(today, time(8, 0))
        self.hlc = ""
        self.names: set[str] = set()
        self.batch: dict[str, list[Row]] = {}
        self.keys: list[tuple[int, str, str, str]] = []  # search keys of the current round

    # helpers -------------------------------------------------------------------------------

    def uid(self) -> str:
        """A reproducible version-4 UUID (the text of `uuid.UUID(int=..., version=4)`, faster)."""
        h = f"{self.rng.getrandbits(128) & _UUID_KEEP | _UUID_V4:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def one(self, pool: Sequence[T]) -> T:
        """A random element (like `Random.choice`, without its overhead)."""
        return pool[int(self.rng.random() * len(pool))]

    def num(self, low: int, high: int) -> int:
        """A random whole number from `low` to `high` inclusive."""
        return low + int(self.rng.random() * (high - low + 1))

    def weighted(self, pool: Sequence[T], cumulative: Sequence[float]) -> T:
        """A random element of `pool` drawn by cumulative weights."""
        return pool[bisect(cumulative, self.rng.random() * cumulative[-1])]

    def record(self, **values: Any) -> Row:
        """The shared columns of a synchronised record, then `values`."""
        return {
            "id": self.uid(),
            "created_at": self.moment,
            "updated_at": self.moment,
            "deleted_at": None,
            "deleted_batch": None,
            "created_hlc": self.hlc,
            "field_hlc": {},
            **values,
        }

    def pick(self, pool: Sequence[str], **slots: str) -> str:
        """A random template of `pool` with its {slots} filled."""
        return self.one(pool).format(**slots)

    def days_ago(self, low: int, high: int) -> date:
        return self.today - timedelta(days=self.num(low, high))

    def solar_day(self, year: int | None) -> tuple[int, int]:
        """A month and day that exist (29 February only in a leap year or without a year)."""
        month = self.num(1, 12)
        return month, self.num(1, calendar.monthrange(year or 2000, month)[1])

    def add(self, table: str, row: Row) -> Row:
        self.batch[table].append(row)
        return row

    # accounts --------------------------------------------------------------------------------

    def plan(self, count: int) -> list[Plan]:
        """Standing and figures of every account, ranked so tiers follow gross profit (80/20)."""
        rng, year = self.rng, self.today.year
        part = min(1.0, self.today.timetuple().tm_yday / 365)
        drafts: list[tuple[AccountStatus, tuple[tuple[int, int, int], ...]]] = []
        for _i in range(count):
            status = rng.choices(list(AccountStatus), (8, 76, 10, 6))[0]
            base = rng.lognormvariate(math.log(3_000_000), 1.7)
            trend = rng.gauss(0.06, 0.12) - (0.25 if status is AccountStatus.LOST else 0)
            margin = rng.uniform(0.12, 0.35)
            figures = []
            for back in (3, 2, 1, 0):
                revenue = base * (1 + trend) ** -back * rng.lognormvariate(0, 0.08)
                if back == 0:
                    revenue *= 0 if status is AccountStatus.LOST else part
                if status is AccountStatus.PROSPECT:
                    revenue = 0
                profit = revenue * margin * rng.uniform(0.9, 1.1)
                figures.append((year - back, round(revenue), round(profit)))
            drafts.append((status, tuple(figures)))
        order = sorted(range(count), key=lambda i: -drafts[i][1][2][2])
        rank = {index: position for position, index in enumerate(order)}
        keys = max(1, round(count * 0.12))
        plans = []
        for index, (status, years) in enumerate(drafts):
            share = rank[index] / count
            tier = 0 if share < 0.1 else 1 if share < 0.3 else 2 if share < 0.7 else 3
            key = rank[index] < keys and years[2][2] > 0
            plans.append(Plan(status, years, tier, key))
        return plans

    def rows(self, plans: Sequence[Plan]) -> dict[str, list[Row]]:
        """Every row of a run of accounts, by table name."""
        self.batch = {table.name: [] for table in TABLES}
        for plan in plans:
            self.account(plan)
        return self.batch

    def company_name(self, city: str, brand: str, word: str) -> str:
        """A company name not used before in this archive."""
        form = self.one(W.LEGAL_FORMS)
        district = self.one(W.DISTRICTS[city])
        for name in (
            f"{city}{brand}{word}{form}",
            f"{city}{brand}{word}(集团){form}",
            f"{city}{district}{brand}{word}{form}",
            f"{city}{brand}{word}{form}{district}分公司",
        ):
            if name not in self.names:
                self.names.add(name)
                return name
        return self.company_name(city, self.one(W.BRANDS), word)

    def account(self, plan: Plan) -> None:
        rng = self.rng
        city = self.weighted(CITIES, CITY_ODDS)
        industry = self.one(tuple(W.INDUSTRIES))
        brand, word = self.one(W.BRANDS), self.one(W.INDUSTRIES[industry])
        name = self.company_name(city, brand, word)
        product = self.one(W.OUR_PRODUCTS)
        customer = plan.status is not AccountStatus.PROSPECT
        since = self.days_ago(4 * 365, 18 * 365) if customer else None
        last_profit = plan.years[2][2]
        revenue = plan.years[2][1]
        owners = rng.sample(W.OUR_MANAGERS, 1 if rng.random() < 0.8 else 2)
        live = plan.status in (AccountStatus.ACTIVE, AccountStatus.DORMANT)
        slots = {"industry": industry, "product": product, "city": city}
        row = self.add(
            "accounts",
            self.record(
                name=name,
                short_name=brand + word[:2],
                industry=industry,
                region=REGION_OF[city],
                city=city,
                address=f"{city}市{self.one(W.DISTRICTS[city])}{self.one(W.ROADS)}"
                f"{self.num(1, 999)}号{self.one(W.PARKS)}",
                status=plan.status,
                owner="、".join(owners),
                executive_sponsor=self.one(W.OUR_SPONSORS),
                cooperation_since=since,
                renewal_date=self.days_ago(-360, 20) if live else None,
                billing_cycle=self.one(list(BillingCycle)) if customer else None,
                cost_to_serve=int(revenue * rng.uniform(0.02, 0.06)) // 100 * 100 + 20_000,
                potential=int(max(revenue, 500_000) * rng.uniform(0.3, 2.0)) // 10_000 * 10_000,
                development_cost=self.num(2, 20) * 10_000 * (3 if customer else 1),
                is_key_account=plan.key,
                key_account_reason=self.pick(
                    W.KEY_REASONS,
                    years=str(self.today.year - since.year) if since else "多",
                    **slots,
                )
                if plan.key
                else "",
                business_situation=self.pick(
                    W.BUSINESS, size=str(max(1, last_profit // 2_000_000)), **slots
                ),
                technical_situation=self.pick(W.TECHNICAL),
                innovation_goals=self.pick(W.INNOVATION),
                products_in_use="、".join(rng.sample(W.OUR_PRODUCTS, self.num(1, 3)))
                if customer
                else "",
                decision_process="",
                potential_needs=self.pick(W.NEEDS, **slots),
                company_news=self.pick(W.NEWS, year=str(self.today.year - 1), **slots),
                notes=self.pick(W.NOTES, rival=self.one(W.RIVALS)),
            ),
        )
        aid = row["id"]
        if customer:
            for year, revenue_, profit in plan.years:
                self.add(
                    "account_years",
                    self.record(account_id=aid, year=year, revenue=revenue_, gross_profit=profit),
                )
        self.keys += [(i, k, aid, ACCOUNT) for i, k in account_keys(name, row["short_name"])]
        domain = "".join(readings(brand, person=False)[0]) + self.one(W.DOMAIN_ENDINGS)
        contacts = self.contacts(aid, plan, owners[0], domain)
        row["decision_process"] = self.pick(
            W.DECISION, top=contacts[0]["title"], tech=self.one(contacts)["title"]
        )
        self.company_days(aid, since)
        if rng.random() < 0.3:
            category, value, likes, note = self.one(W.ACCOUNT_PREFERENCES)
            self.preference(aid, None, (value, likes, note), PreferenceCategory(category))
        self.visits(aid, plan, owners, contacts, product)
        if customer:
            self.issues(aid, contacts, product)

    def company_days(self, aid: str, since: date | None) -> None:
        """The founding day and, for customers, the day cooperation began."""
        founded = self.num(1985, (since.year if since else self.today.year) - 1)
        month, day = self.solar_day(founded)
        self.anniversary(
            aid, None, AnniversaryKind.COMPANY_FOUNDING, month, day, founded, "公司成立"
        )
        if since is not None:
            kind, note = AnniversaryKind.COOPERATION, "开始合作"
            self.anniversary(aid, None, kind, since.month, since.day, since.year, note)

    # contacts --------------------------------------------------------------------------------

    def person(self) -> tuple[str, int]:
        """A Chinese name and the length of its surname."""
        rng, roll = self.rng, self.rng.random()
        if roll < 0.012:
            surname = self.one(W.COMPOUND_SURNAMES)
        elif roll < 0.06:
            surname = self.one(W.RARE_SURNAMES)
        else:
            surname = W.SURNAMES[int(len(W.SURNAMES) * rng.random() ** 1.7)]
        given = self.one(W.FEMALE_GIVEN if rng.random() < 0.38 else W.MALE_GIVEN)
        return surname + given, len(surname)

    def contacts(self, aid: str, plan: Plan, our_owner: str, domain: str) -> list[Row]:
        """An org chart: one owner at the root, everyone else under someone above them."""
        rng = self.rng
        count = self.num(*((6, 8), (5, 7), (4, 6), (3, 5))[plan.tier])
        below = [self.weighted(LEVELS, LEVEL_ODDS) for _i in range(count - 1)]
        levels = [ContactLevel.OWNER, *sorted(below, key=LEVEL_RANK.__getitem__)]
        made: list[Row] = []
        taken: set[str] = set()
        for level in levels:
            name, cut = self.person()
            while name in taken:
                name, cut = self.person()
            taken.add(name)
            above = [c for c in made if LEVEL_RANK[c["level"]] < LEVEL_RANK[level]]
            boss = None
            if above:
                nearest = [c for c in above if c["level"] == above[-1]["level"]]
                boss = self.one(nearest if rng.random() < 0.75 else above)["id"]
            made.append(self.contact(aid, name, cut, level, boss, our_owner, domain))
        return made

    def contact(
        self,
        aid: str,
        name: str,
        cut: int,
        level: ContactLevel,
        boss: str | None,
        ours: str,
        domain: str,
    ) -> Row:
        rng = self.rng
        title, department = self.one(W.TITLES[level.value])
        phones = [
            self.one(W.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
            for _i in range(2 if rng.random() < 0.15 else 1)
        ]
        syllables = readings(name, person=True)[0]
        family, given = "".join(syllables[:cut]), "".join(syllables[cut:])
        local = self.one(
            (family + given, f"{family}.{given}", f"{given}.{family}", initials(syllables))
        )
        low, high = BIRTH_YEARS.get(level.value, (1975, 1998))
        born = self.num(low, high)
        child = ""
        if rng.random() < 0.55 and born < 1992:
            child = f"{self.one(('女儿', '儿子'))} {self.one(W.CHILD_NAMES)}"
        row = self.add(
            "contacts",
            self.record(
                account_id=aid,
                name=name,
                title=title,
                department=department,
                level=level,
                reports_to_id=boss,
                buying_role=BuyingRole(self.one(W.BUYING_ROLES[level.value])),
                attitude=self.weighted(ATTITUDES, ATTITUDE_ODDS),
                strength=None if rng.random() < 0.1 else self.weighted(STRENGTHS, STRENGTH_ODDS),
                our_owner=ours,
                phones=phones,
                emails=[f"{local}@{domain}"] if rng.random() < 0.85 else [],
                wechat_id=self.one((f"{family}{given}{born % 100}", f"wxid_{local}{born}", ""))
                if rng.random() < 0.8
                else "",
                address="",
                preferred_channel=self.one(W.CHANNELS),
                preferred_time=self.one(W.TIMES),
                hometown=self.one(W.HOMETOWNS),
                education=self.one(W.EDUCATION),
                family_members=self.one(W.FAMILY),
                children=f"{child}，{self.num(born + 24, born + 34)}年生" if child else "",
                hobbies="、".join(rng.sample(W.HOBBIES, self.num(1, 3))),
                health_notes=self.one(W.HEALTH) if rng.random() < 0.12 else "",
                income_range=self.one(W.INCOME) if rng.random() < 0.3 else "",
                notes="",
            ),
        )
        cid = row["id"]
        self.keys += [(i, k, cid, CONTACT) for i, k in contact_keys(name, phones)]
        for category in rng.sample(list(PreferenceCategory), self.num(1, 3)):
            self.preference(aid, cid, self.one(W.PREFERENCES[category.value]), category)
        self.personal_days(aid, cid, born, child, row["children"])
        return row

    def preference(
        self, aid: str, cid: str | None, choice: tuple[str, bool, str], category: PreferenceCategory
    ) -> None:
        value, likes, note = choice
        sensitivity = Sensitivity.PERSONAL if category is PreferenceCategory.TABOO else None
        self.add(
            "preferences",
            self.record(
                account_id=aid,
                contact_id=cid,
                category=category,
                value=value,
                likes=likes,
                note=note,
                learned_on=self.days_ago(0, 700),
                sensitivity=sensitivity or Sensitivity.NORMAL,
            ),
        )

    def personal_days(self, aid: str, cid: str, born: int, child: str, children: str) -> None:
        """Birthday (solar or lunar), wedding day and a child's birthday of a contact."""
        rng = self.rng
        if rng.random() < 0.8:
            year = born if rng.random() < 0.85 else None
            if rng.random() < 0.35:
                self.lunar_birthday(aid, cid, year)
            else:
                month, day = self.solar_day(year)
                self.anniversary(aid, cid, AnniversaryKind.BIRTHDAY, month, day, year)
        if rng.random() < 0.2:
            wed = min(born + self.num(23, 32), self.today.year - 1)
            month, day = self.solar_day(wed)
            self.anniversary(aid, cid, AnniversaryKind.WEDDING, month, day, wed)
        if child and rng.random() < 0.5:
            year = int(children.split("，")[1][:4])
            month, day = self.solar_day(year)
            kind = AnniversaryKind.CHILD_BIRTHDAY
            self.anniversary(aid, cid, kind, month, day, year, "", child, Sensitivity.SENSITIVE)

    def lunar_birthday(self, aid: str, cid: str, year: int | None) -> None:
        """A lunar birthday that exists; now and then in a leap month of a year that has one."""
        rng = self.rng
        month, day, leap = self.num(1, 12), self.num(1, 30), False
        if year is not None and rng.random() < 0.08 and leap_month_of(year):
            month, leap = leap_month_of(year), True
        if year is not None and day > days_in_month(year, month, leap):
            day -= 1
        if lunar_date_problem(month, day, leap, year) is not None:  # never expected; stay safe
            month, day, leap = 1, 1, False
        kind, lunar = AnniversaryKind.BIRTHDAY, CalendarKind.LUNAR
        self.anniversary(
            aid, cid, kind, month, day, year, "农历生日", calendar_kind=lunar, leap=leap
        )

    def anniversary(
        self,
        aid: str,
        cid: str | None,
        kind: AnniversaryKind,
        month: int,
        day: int,
        year: int | None,
        note: str = "",
        member: str = "",
        sensitivity: Sensitivity = Sensitivity.NORMAL,
        *,
        calendar_kind: CalendarKind = CalendarKind.SOLAR,
        leap: bool = False,
    ) -> None:
        self.add(
            "anniversaries",
            self.record(
                account_id=aid,
                contact_id=cid,
                family_member=member,
                kind=kind,
                calendar=calendar_kind,
                month=month,
                day=day,
                leap_month=leap,
                year=year,
                lead_days=self.num(3, 14),
                note=note,
                sensitivity=sensitivity,
            ),
        )

    # engagement ------------------------------------------------------------------------------

    def visits(
        self, aid: str, plan: Plan, owners: list[str], contacts: list[Row], product: str
    ) -> None:
        """Visits of the last two years, more for accounts that earn more."""
        rng = self.rng
        count = self.num(*((20, 30), (11, 17), (7, 10), (2, 4))[plan.tier])
        for _i in range(count):
            kind = self.weighted(VISIT_KINDS, VISIT_ODDS)
            day = self.days_ago(1, 730)
            day -= timedelta(days=max(0, day.weekday() - 4))  # weekends move to Friday
            hour = self.num(18, 19) if kind is VisitKind.DINNER else self.num(9, 17)
            when = datetime.combine(day, time(hour, self.one((0, 15, 30, 45))))
            met = rng.sample(contacts, min(len(contacts), self.num(1, 3)))
            if kind is VisitKind.EXECUTIVE and contacts[0] not in met:
                met[0] = contacts[0]
            lead = met[0]["name"]
            follow = day + timedelta(days=self.num(3, 21)) if rng.random() < 0.3 else None
            support = [self.one(W.OUR_SUPPORT)] if rng.random() < 0.35 else []
            slots = {"product": product, "contact": lead, "rival": self.one(W.RIVALS)}
            base_cost = VISIT_COST.get(kind.value, 0)
            row = self.add(
                "visits",
                self.record(
                    created_at=when,
                    updated_at=when,
                    account_id=aid,
                    occurred_at=when,
                    kind=kind,
                    our_participants=owners[:1] + support,
                    purpose=self.pick(W.PURPOSES[kind.value], title=met[0]["title"], **slots),
                    summary=self.pick(W.SUMMARIES, **slots),
                    needs_learned=self.pick(W.NEEDS_LEARNED, **slots),
                    outcome=self.pick(W.OUTCOMES),
                    next_steps=self.pick(W.NEXT_STEPS, **slots),
                    follow_up_on=follow,
                    cost=int(base_cost * rng.uniform(0.5, 2.0)) // 10 * 10,
                    satisfaction=self.weighted(SATISFACTION, SATISFACTION_ODDS),
                ),
            )
            for person in met:
                self.batch["visit_contacts"].append(
                    {"visit_id": row["id"], "contact_id": person["id"]}
                )

    def issues(self, aid: str, contacts: list[Row], product: str) -> None:
        """Problems raised over two years: most settled, some open and a few overdue."""
        rng = self.rng
        for _i in range(self.num(1, 3)):
            category = self.one(tuple(W.ISSUES))
            description, resolution = self.one(W.ISSUES[category])
            raised = self.days_ago(3, 730)
            age = (self.today - raised).days
            done = rng.random() < (0.92 if age > 120 else 0.45)
            resolved = min(raised + timedelta(days=self.num(1, 45)), self.today)
            status = (
                self.one((IssueStatus.RESOLVED, IssueStatus.CLOSED))
                if done
                else (self.one((IssueStatus.OPEN, IssueStatus.IN_PROGRESS)))
            )
            self.add(
                "customer_issues",
                self.record(
                    account_id=aid,
                    contact_id=self.one(contacts)["id"] if rng.random() < 0.8 else None,
                    raised_on=raised,
                    category=category,
                    severity=self.weighted(SEVERITIES, SEVERITY_ODDS),
                    description=description.format(product=product),
                    responsible=self.one(W.ISSUE_OWNERS),
                    status=status,
                    due_on=None if done else raised + timedelta(days=self.num(7, 60)),
                    resolved_on=resolved if done else None,
                    resolution=resolution if done else "",
                    confirmed_by_customer=done
                    and (status is IssueStatus.CLOSED or rng.random() < 0.5),
                ),
            )
