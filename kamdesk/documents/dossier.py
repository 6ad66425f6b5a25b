"""The customer dossier (客户档案) of one account, as a neutral document.

Everything comes from one snapshot of the archive (`DossierFacts`). The shareable version is
built from the same facts with every field labelled sensitive left out: the columns marked
SENSITIVE in storage/models.py (family, children, health, income, a family member's name) and
the preferences and anniversaries whose own sensitivity is SENSITIVE. Its cover says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from kamdesk.documents.figures import relationship_map
from kamdesk.documents.model import (
    Block,
    Bullets,
    Column,
    Cover,
    Document,
    Heading,
    KeyValues,
    PageBreak,
    PageSize,
    Paragraph,
    Table,
    Tone,
)
from kamdesk.domain.calendar_days import Recurring, occurrences_between
from kamdesk.domain.day_words import rule_note, written
from kamdesk.domain.enums import (
    Attitude,
    BuyingRole,
    CalendarKind,
    ContactLevel,
    IssueStatus,
    PreferenceCategory,
    Sensitivity,
)
from kamdesk.domain.labels import label
from kamdesk.domain.lunar import FIRST_YEAR, LAST_YEAR
from kamdesk.domain.orgchart import Person, chart, strength_dots
from kamdesk.domain.value import quadrant_label
from kamdesk.i18n import _
from kamdesk.services.account_view import AccountDossier, issue_age
from kamdesk.storage.models import Anniversary, Contact, Preference, is_sensitive

VALUE_YEARS = 3
RECENT_VISITS = 10
KEY_CONTACTS = 8
UPCOMING_DAYS = 365
"""Anniversaries in the key-contact blocks: those of the coming year."""
TALK_DAYS = 60
"""Talking points mention anniversaries of the coming 60 days."""
FOLLOW_UP_DAYS = 90
"""Talking points mention follow-ups promised within the last 90 days."""
OPEN = (IssueStatus.OPEN, IssueStatus.IN_PROGRESS)


@dataclass(frozen=True)
class DossierFacts:
    """What a dossier is built from: the account page's snapshot and the engine's standing."""

    dossier: AccountDossier
    standing: Any | None = None  # services.engine.Standing; None when it could not be computed
    ranked: int = 0  # accounts in the manager's Pareto ranking


def money(value: int | float | None) -> str:
    return "" if value is None else f"{round(value):,}"


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def day_text(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def dossier_document(
    facts: DossierFacts,
    *,
    today: date,
    shareable: bool = False,
    page_size: PageSize = "A4",
    printed_by: str = "",
) -> Document:
    """The dossier of one account; `shareable` leaves out everything labelled sensitive."""
    return _Dossier(facts, today, shareable).document(page_size, printed_by)


class _Dossier:
    def __init__(self, facts: DossierFacts, today: date, shareable: bool) -> None:
        self.facts = facts
        self.d = facts.dossier
        self.account = facts.dossier.account
        self.standing = facts.standing
        self.today = today
        self.shareable = shareable
        self.contacts = list(self.d.contacts)
        self.names = {c.id: c.name for c in self.contacts}
        self.preferences = [p for p in self.d.preferences if self._shown(p)]
        self.anniversaries = [
            a for a in self.d.anniversaries if self._shown(a) and self._person_known(a)
        ]

    # what may be printed ---------------------------------------------------------------------
    def _shown(self, record: Preference | Anniversary) -> bool:
        if not self.shareable:
            return True
        if record.sensitivity is Sensitivity.SENSITIVE:
            return False
        return not (isinstance(record, Anniversary) and record.family_member)

    def _person_known(self, anniversary: Anniversary) -> bool:
        return anniversary.contact_id is None or anniversary.contact_id in self.names

    def _allowed(self, model: Any, field: str) -> bool:
        return not (self.shareable and is_sensitive(model, field))

    # the document ----------------------------------------------------------------------------
    def document(self, page_size: PageSize, printed_by: str) -> Document:
        account = self.account
        name = account.name or _("(no name)")
        blocks: list[Block] = []
        blocks += self.value_summary()
        blocks += self.situation()
        blocks += self.relationships()
        blocks += self.key_contacts()
        blocks += self.recent_visits()
        blocks += self.open_issues()
        blocks += self.talking_points()
        version = _("Shareable copy") if self.shareable else _("Private copy")
        header = _("Customer dossier · {n} · {v}").format(n=name, v=version)
        if not self.shareable:
            header += " · " + _("CONFIDENTIAL")
        return Document(
            title=_("Customer dossier: {n}").format(n=name),
            blocks=tuple(blocks),
            cover=self.cover(name, printed_by),
            header=header,
            footer=_("Printed {d} by kamdesk").format(d=self.today.isoformat()),
            page_label=_("Page {page} of {pages}"),
            author=printed_by or account.owner,
            subject=_("Customer dossier"),
            page_size=page_size,
            keywords=(name, account.short_name, "kamdesk"),
        )

    def cover(self, name: str, printed_by: str) -> Cover:
        account, standing = self.account, self.standing
        facts: list[tuple[str, str]] = [(_("Account"), name)]
        if account.short_name:
            facts.append((_("Short name"), account.short_name))
        if standing is not None:
            tier = standing.tier.value
            if standing.overridden:
                tier = _("{t} (set by hand)").format(t=tier)
            facts.append((_("Tier"), tier))
        elif account.tier_override is not None:
            facts.append((_("Tier"), account.tier_override.value))
        if account.is_key_account:
            key = _("yes")
            if account.key_account_reason:
                key += " — " + account.key_account_reason
        else:
            key = _("no")
        facts.append((_("Key account"), key))
        facts.append((_("Owner"), account.owner or "—"))
        place = " ".join(p for p in (account.region, account.city) if p)
        if place:
            facts.append((_("Region"), place))
        if account.industry:
            facts.append((_("Industry"), account.industry))
        facts.append((_("Printed on"), self.today.isoformat()))
        if printed_by:
            facts.append((_("Printed by"), printed_by))
        if self.shareable:
            mark = _("SHAREABLE COPY")
            note = _(
                "Every field labelled sensitive (family, children, health, income, and sensitive "
                "preferences and anniversaries) has been left out of this copy."
            )
            tone: Tone = "good"
        else:
            mark = _("CONFIDENTIAL")
            note = _(
                "Contains personal and sensitive details of customer contacts. For the account "
                "team only; do not forward or leave behind."
            )
            tone = "warning"
        return Cover(_("Customer dossier"), name, tuple(facts), mark, tone, note)

    # sections --------------------------------------------------------------------------------
    def value_summary(self) -> list[Block]:
        account, standing = self.account, self.standing
        blocks: list[Block] = [Heading(_("Value summary"))]
        years = sorted(self.d.years, key=lambda y: y.year)[-VALUE_YEARS:]
        rows, tones = [], []
        previous = None
        for year in years:
            margin = year.gross_profit / year.revenue if year.revenue else None
            change = ""
            tone: Tone = "body"
            if previous is not None and previous.gross_profit:
                delta = (year.gross_profit - previous.gross_profit) / abs(previous.gross_profit)
                change = f"{delta * 100:+.1f}%"
                tone = "warning" if delta < 0 else "body"
            rows.append(
                (
                    str(year.year),
                    money(year.revenue),
                    money(year.gross_profit),
                    percent(margin),
                    change,
                )
            )
            tones.append(tone)
            previous = year
        blocks.append(
            Table(
                (
                    Column(_("Year"), 0.7),
                    Column(_("Revenue"), 1.2, "right"),
                    Column(_("Gross profit"), 1.2, "right"),
                    Column(_("Margin"), 0.8, "right"),
                    Column(_("Profit vs previous year"), 1.1, "right"),
                ),
                tuple(rows),
                tuple(tones),
                empty=_("No yearly figures recorded."),
            )
        )
        pairs = [(_("Cost to serve (a year)"), money(account.cost_to_serve))]
        if account.potential:
            pairs.append((_("Potential"), money(account.potential)))
        if standing is not None:
            rank = _("{r} of {n}").format(r=standing.rank, n=self.facts.ranked or "?")
            pairs.append((_("Rank in the Pareto (gross profit)"), rank))
            pairs.append((_("Lifetime value"), money(standing.lifetime_value)))
            pairs.append((_("Quadrant"), quadrant_label(standing.quadrant)))
            pairs.append((_("Trend"), self.trend(years)))
            if standing.risk_signals:
                risk = "; ".join(s.text for s in standing.risk_signals)
                pairs.append((_("Churn risk"), f"{standing.risk_score} — {risk}"))
        else:
            pairs.append((_("Trend"), self.trend(years)))
        if account.cooperation_since:
            pairs.append((_("Cooperating since"), day_text(account.cooperation_since)))
        if account.renewal_date:
            pairs.append((_("Renewal"), day_text(account.renewal_date)))
        blocks.append(KeyValues(tuple(pairs)))
        if standing is not None:
            blocks.append(Paragraph(standing.tier_explanation, "muted"))
        return blocks

    @staticmethod
    def trend(years: Sequence[Any]) -> str:
        if len(years) < 2:
            return _("not enough years to tell")
        first, last = years[0], years[-1]
        if not first.gross_profit:
            return _("profit {a} → {b}").format(
                a=money(first.gross_profit), b=money(last.gross_profit)
            )
        change = (last.gross_profit - first.gross_profit) / abs(first.gross_profit)
        if change > 0.05:
            word = _("growing")
        elif change < -0.05:
            word = _("shrinking")
        else:
            word = _("steady")
        return _("{w}: gross profit {c:+.1f}% from {a} to {b}").format(
            w=word, c=change * 100, a=first.year, b=last.year
        )

    def situation(self) -> list[Block]:
        account = self.account
        fields = (
            (_("Business situation"), account.business_situation),
            (_("Technical situation"), account.technical_situation),
            (_("Products in use"), account.products_in_use),
            (_("Innovation goals"), account.innovation_goals),
            (_("Decision process"), account.decision_process),
            (_("Needs"), account.potential_needs),
            (_("Company news"), account.company_news),
            (_("Notes"), account.notes),
        )
        blocks: list[Block] = [Heading(_("Business and technical situation"))]
        written_any = False
        for title, text in fields:
            if text and text.strip():
                blocks += [Heading(title, 2), Paragraph(text.strip())]
                written_any = True
        if not written_any:
            blocks.append(Paragraph(_("Nothing recorded yet."), "muted"))
        return blocks

    def relationships(self) -> list[Block]:
        blocks: list[Block] = [PageBreak(), Heading(_("Relationship map"))]
        if not self.contacts:
            blocks.append(Paragraph(_("No contacts recorded yet."), "muted"))
            return blocks
        people = [Person.of(c) for c in self.contacts]
        drawn = chart(people)
        blocks.append(
            relationship_map(
                people,
                _("Org chart by reporting line; colour: attitude; line width: relationship."),
            )
        )
        gaps = drawn.uncovered
        if gaps:
            words = "、".join(label(level) for level in gaps)
            blocks.append(
                Paragraph(
                    _("No close relationship (strength 3 or more) at: {levels}").format(
                        levels=words
                    ),
                    "warning",
                )
            )
        blocks.append(Heading(_("Contacts"), 2))
        rows = []
        for c in self.contacts:
            rows.append(
                (
                    c.name,
                    c.title,
                    label(c.level),
                    label(c.buying_role),
                    label(c.attitude),
                    strength_dots(c.strength),
                    c.our_owner,
                    "、".join(c.phones or ()),
                )
            )
        tones: list[Tone] = [
            "warning" if c.attitude is Attitude.OPPONENT else "body" for c in self.contacts
        ]
        blocks.append(
            Table(
                (
                    Column(_("Name"), 1.0),
                    Column(_("Title"), 1.3),
                    Column(_("Level"), 0.8),
                    Column(_("Buying role"), 0.9),
                    Column(_("Attitude"), 0.8),
                    Column(_("Strength"), 0.8),
                    Column(_("Our person"), 0.8),
                    Column(_("Phone"), 1.2),
                ),
                tuple(rows),
                tuple(tones),
            )
        )
        return blocks

    def key_people(self) -> list[Contact]:
        top = (ContactLevel.OWNER, ContactLevel.VP, ContactLevel.DIRECTOR)
        chosen = [
            c
            for c in self.contacts
            if c.level in top or c.buying_role in (BuyingRole.DECISION_MAKER, BuyingRole.CHAMPION)
        ]
        return (chosen or self.contacts)[:KEY_CONTACTS]

    def key_contacts(self) -> list[Block]:
        people = self.key_people()
        if not people:
            return []
        blocks: list[Block] = [PageBreak(), Heading(_("Key contacts"))]
        for person in people:
            blocks += self.person_block(person)
        return blocks

    def person_block(self, c: Contact) -> list[Block]:
        title = c.name + (f" — {c.title}" if c.title else "")
        blocks: list[Block] = [Heading(title, 2)]
        pairs: list[tuple[str, str]] = []

        def add(words: str, field: str, value: Any) -> None:
            if value not in (None, "", [], ()) and self._allowed(Contact, field):
                pairs.append((words, value if isinstance(value, str) else str(value)))

        add(_("Department"), "department", c.department)
        add(_("Level"), "level", label(c.level))
        add(_("Buying role"), "buying_role", label(c.buying_role))
        add(_("Attitude"), "attitude", label(c.attitude))
        if c.strength:
            add(_("Relationship"), "strength", f"{strength_dots(c.strength)} {c.strength}/5")
        manager = self.names.get(c.reports_to_id or "")
        if manager:
            pairs.append((_("Reports to"), manager))
        add(_("Our person"), "our_owner", c.our_owner)
        add(_("Phone"), "phones", "、".join(c.phones or ()))
        add(_("WeChat"), "wechat_id", c.wechat_id)
        channel = " ".join(p for p in (c.preferred_channel, c.preferred_time) if p)
        add(_("Best reached"), "preferred_channel", channel)
        add(_("Hometown"), "hometown", c.hometown)
        add(_("Education"), "education", c.education)
        add(_("Hobbies"), "hobbies", c.hobbies)
        add(_("Family"), "family_members", c.family_members)
        add(_("Children"), "children", c.children)
        add(_("Health"), "health_notes", c.health_notes)
        add(_("Income range"), "income_range", c.income_range)
        if pairs:
            blocks.append(KeyValues(tuple(pairs)))
        likes = [p for p in self.preferences if p.contact_id == c.id]
        if likes:
            blocks.append(Paragraph(_("Preferences and taboos"), "strong"))
            blocks.append(Bullets(tuple(self.preference_line(p) for p in likes)))
        days = self.upcoming(a for a in self.anniversaries if a.contact_id == c.id)
        if days:
            blocks.append(Paragraph(_("Coming anniversaries"), "strong"))
            blocks.append(Bullets(tuple(line for _when, line in days)))
        if c.notes and c.notes.strip():
            blocks.append(Paragraph(c.notes.strip(), "muted"))
        return blocks

    @staticmethod
    def preference_line(p: Preference) -> str:
        taboo = p.category is PreferenceCategory.TABOO or not p.likes
        verb = _("avoid") if taboo else _("likes")
        text = f"{label(p.category)} · {verb}: {p.value}"
        return text + (f" ({p.note})" if p.note else "")

    def upcoming(
        self, anniversaries: Iterable[Anniversary], days: int = UPCOMING_DAYS
    ) -> list[tuple[date, str]]:
        """(date, line) for each anniversary in the next `days` days, soonest first."""
        end = self.today + timedelta(days=days - 1)
        if not (self.today.year >= FIRST_YEAR and end.year <= LAST_YEAR):
            return []
        found: list[tuple[date, str]] = []
        for a in anniversaries:
            try:
                day = Recurring(a.calendar, a.month, a.day, a.leap_month)
            except ValueError:
                continue
            for hit in occurrences_between(day, self.today, end)[:1]:
                whose = self.names.get(a.contact_id or "", self.account.name)
                if a.family_member:
                    whose = _("{m} (family of {n})").format(m=a.family_member, n=whose)
                line = _("{d}: {who}, {what} — {written}").format(
                    d=hit.date.isoformat(),
                    who=whose,
                    what=label(a.kind),
                    written=written(a.calendar, a.month, a.day, a.leap_month, a.year),
                )
                if a.year and a.calendar is CalendarKind.SOLAR:
                    line += " " + _("({n} years)").format(n=hit.date.year - a.year)
                note = rule_note(hit.rule)
                if note:
                    line += f" ({note})"
                if a.note:
                    line += f" · {a.note}"
                found.append((hit.date, line))
        found.sort(key=lambda item: item[0])
        return found

    def recent_visits(self) -> list[Block]:
        visits = self.d.visits[:RECENT_VISITS]
        rows = []
        for line in visits:
            v = line.visit
            rows.append(
                (
                    day_text(v.occurred_at),
                    label(v.kind),
                    "、".join(m.name for m in line.met),
                    v.purpose,
                    " / ".join(p for p in (v.outcome, v.next_steps) if p),
                )
            )
        return [
            Heading(_("Recent visits")),
            Table(
                (
                    Column(_("Date"), 0.8),
                    Column(_("Kind"), 0.6),
                    Column(_("Met"), 1.0),
                    Column(_("Purpose"), 1.4),
                    Column(_("Outcome / next steps"), 2.0),
                ),
                tuple(rows),
                empty=_("No visits recorded."),
            ),
        ]

    def open_issues(self) -> list[Block]:
        issues = [i for i in self.d.issues if i.status in OPEN]
        rows: list[tuple[str, ...]] = []
        tones: list[Tone] = []
        for i in issues:
            age = issue_age(i, self.today)
            overdue = i.due_on is not None and i.due_on < self.today
            rows.append(
                (
                    day_text(i.raised_on),
                    label(i.severity),
                    i.description,
                    i.responsible,
                    label(i.status),
                    _("{n} days").format(n=age),
                    day_text(i.due_on),
                )
            )
            tones.append("warning" if overdue else "body")
        return [
            Heading(_("Open issues")),
            Table(
                (
                    Column(_("Raised"), 0.8),
                    Column(_("Severity"), 0.6),
                    Column(_("Issue"), 2.2),
                    Column(_("Responsible"), 0.8),
                    Column(_("Status"), 0.7),
                    Column(_("Open for"), 0.6, "right"),
                    Column(_("Due"), 0.8),
                ),
                tuple(rows),
                tuple(tones),
                empty=_("No open issues."),
            ),
        ]

    def talking_points(self) -> list[Block]:
        points: list[str] = []
        for i in self.d.issues:
            if i.status in OPEN:
                points.append(
                    _("Report on the open issue “{d}” (open {n} days, {r})").format(
                        d=_first_line(i.description),
                        n=issue_age(i, self.today),
                        r=i.responsible or _("nobody responsible yet"),
                    )
                )
        for _when, text in self.upcoming(self.anniversaries, TALK_DAYS):
            points.append(_("Remember: {line}").format(line=text))
        since = self.today - timedelta(days=FOLLOW_UP_DAYS)
        for line in self.d.visits:
            v = line.visit
            if v.follow_up_on is not None and v.follow_up_on >= since and v.next_steps:
                points.append(
                    _("Follow-up promised for {d}: {s}").format(
                        d=v.follow_up_on.isoformat(), s=_first_line(v.next_steps)
                    )
                )
        for line in self.d.visits[:RECENT_VISITS]:
            if line.visit.needs_learned:
                points.append(
                    _("Need learned on {d}: {n}").format(
                        d=day_text(line.visit.occurred_at), n=_first_line(line.visit.needs_learned)
                    )
                )
        if self.account.potential_needs:
            points.append(_("Explore: {n}").format(n=_first_line(self.account.potential_needs)))
        standing = self.standing
        if standing is not None and standing.visit_overdue_days:
            points.append(
                _("The visit is {n} days overdue for tier {t}: agree the next date").format(
                    n=standing.visit_overdue_days, t=standing.tier.value
                )
            )
        blocks: list[Block] = [Heading(_("Suggested talking points for the next visit"))]
        if points:
            blocks.append(Bullets(tuple(points)))
        else:
            blocks.append(Paragraph(_("Nothing pressing: listen for new needs."), "muted"))
        return blocks


def _first_line(text: str, limit: int = 120) -> str:
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line if len(line) <= limit else line[: limit - 1] + "…"
