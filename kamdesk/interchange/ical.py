"""Anniversaries and planned follow-ups as an iCalendar (.ics) file for phones and Outlook.

Choices (docs/agenda.md says why):
- every event is all-day (VALUE=DATE), summaries are UTF-8 Chinese as typed;
- a solar day is one yearly event (RRULE:FREQ=YEARLY) with UID `{anniversary id}@kamdesk`;
- a lunar day, and a solar 29 February, is one event per year for the next N years, UID
  `{anniversary id}-{year}@kamdesk` (the lunar year for lunar days), so a later export updates
  the same events instead of adding copies; 29 February falls on 28 February in common years,
  as in the agenda;
- a follow-up planned from today on is one event, UID `{visit id}-follow-up@kamdesk`;
- the name of a family member is sensitive: left out unless `include_sensitive`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kamdesk.domain.calendar_days import Recurring, occurrence
from kamdesk.domain.enums import CalendarKind
from kamdesk.domain.lunar import LAST_YEAR
from kamdesk.domain.settings import CALENDAR_YEARS
from kamdesk.i18n import _
from kamdesk.services.agenda import anniversary_title, day_label, rule_text, whose
from kamdesk.services.settings import SettingsService
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Account, Anniversary, Contact, Visit

if TYPE_CHECKING:
    from kamdesk.services.workbench import Workbench

PRODID = "-//kamdesk//kamdesk agenda//ZH"
UID_DOMAIN = "kamdesk"


def write_calendar(
    source: Archive | Workbench,
    path: Path | str,
    today: date,
    years: int | None = None,
    *,
    include_sensitive: bool = False,
) -> int:
    """Write the calendar file (whole or not at all); returns how many events it holds.

    `years`: how many years of lunar (and 29 February) dates, from this year on; default the
    CALENDAR_YEARS setting.
    """
    archive = source if isinstance(source, Archive) else source.archive
    if years is None:
        years = int(SettingsService(archive).get(CALENDAR_YEARS))
    years = max(1, years)
    stamp = datetime.now(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "kamdesk")
    with archive.reading() as session:
        events = _anniversary_events(session, today, years, include_sensitive)
        events += _follow_up_events(session, today)
    for event in events:
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    _replace(Path(path), calendar.to_ical())
    return len(events)


def _anniversary_events(
    session: Session, today: date, years: int, include_sensitive: bool
) -> list[Event]:
    person = aliased(Contact)
    rows = session.execute(
        select(
            Anniversary.id,
            Anniversary.kind,
            Anniversary.calendar,
            Anniversary.month,
            Anniversary.day,
            Anniversary.leap_month,
            Anniversary.family_member,
            Anniversary.lead_days,
            Anniversary.contact_id,
            person.name,
            Account.name,
            Account.short_name,
        )
        .join(Account, Account.id == Anniversary.account_id)
        .outerjoin(person, person.id == Anniversary.contact_id)
        .where(Anniversary.deleted_at.is_(None), Account.deleted_at.is_(None))
        .where((Anniversary.contact_id.is_(None)) | (person.deleted_at.is_(None)))
        .order_by(Anniversary.created_hlc, Anniversary.id)
    ).all()
    first, last = today.year, min(today.year + years - 1, LAST_YEAR)
    events = []
    for rid, kind, cal, month, day, leap, member, lead, contact_id, contact, account, short in rows:
        if contact_id and contact is None:
            continue  # its contact row is missing
        if member and not include_sensitive:
            member = _("family member")
        lunar = cal == CalendarKind.LUNAR
        title = anniversary_title(whose(contact, member, short or account), kind)
        if lunar:
            title += f" ({day_label(True, month, day, bool(leap))})"
        about = [account]
        if lead:
            about.append(_("remind {n} days ahead").format(n=lead))
        recurring = Recurring(CalendarKind(cal), month, day, bool(leap))
        if not lunar and not (month == 2 and day == 29):
            event = _event(f"{rid}@{UID_DOMAIN}", date(first, month, day), title, about, lead)
            event.add("rrule", {"freq": "yearly"})
            events.append(event)
            continue
        # Lunar year first - 1 can fall in January of `first`; keep what falls in the span.
        for year in range(first - 1 if lunar else first, last + 1):
            found = occurrence(recurring, year)
            if not first <= found.date.year <= last:
                continue
            rule = rule_text(found.rule, lunar, month, day, found.date)
            notes = [*about, rule] if rule else about
            events.append(_event(f"{rid}-{year}@{UID_DOMAIN}", found.date, title, notes, lead))
    return events


def _follow_up_events(session: Session, today: date) -> list[Event]:
    rows = session.execute(
        select(Visit.id, Visit.follow_up_on, Visit.purpose, Visit.next_steps, Account.name)
        .join(Account, Account.id == Visit.account_id)
        .where(Visit.deleted_at.is_(None), Account.deleted_at.is_(None))
        .where(Visit.follow_up_on >= today)
        .order_by(Visit.follow_up_on, Visit.id)
    ).all()
    events = []
    for rid, when, purpose, next_steps, account in rows:
        assert when is not None  # the query asks for a follow-up day
        title = _("follow up: {a}").format(a=account)
        notes = [p for p in (next_steps, purpose) if p]
        events.append(_event(f"{rid}-follow-up@{UID_DOMAIN}", when, title, notes, 0))
    return events


def _event(uid: str, on: date, summary: str, notes: Sequence[str], lead: int) -> Event:
    """An all-day event, with a reminder `lead` days before when lead > 0."""
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", on)
    event.add("dtend", on + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    if notes:
        event.add("description", "\n".join(notes))
    if lead > 0:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(days=-lead))
        event.add_component(alarm)
    return event


def _replace(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then swap it in."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        with open(partial, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
