"""Greetings sent to contacts: suggestions from the built-in texts, the log, and repeat warnings."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.enums import AnniversaryKind, GreetingChannel
from kamdesk.domain.errors import FieldProblem, NotFound, ValidationError
from kamdesk.domain.greeting_templates import TEMPLATES, occasion_key, placeholders, render
from kamdesk.i18n import _
from kamdesk.services.records import RecordService, blank, require
from kamdesk.storage.models import Account, Anniversary, Contact, Greeting

REPEAT_OCCASION_DAYS = 60
"""A second greeting for the same occasion within this many days earns a warning."""


def same_text(text: str) -> str:
    """A text as compared for repeats: all white space (also full-width) removed."""
    return "".join(text.split())


class GreetingService(RecordService[Greeting]):
    """Suggest a greeting, log one as sent, and list what a contact has received."""

    model = Greeting
    noun = "greeting"

    def suggest(self, contact_id: str, occasion: str, *, today: date | None = None) -> str:
        """A built-in text for the occasion, filled in, that this person has not had yet.

        Texts whose placeholders cannot all be filled (e.g. {years} with no start year) are
        skipped; when every text was sent before, the one sent longest ago comes back.
        """
        key = occasion_key(occasion)
        if key not in TEMPLATES:
            known = ", ".join(TEMPLATES)
            message = _("no greetings for {o}; choose one of: {k}").format(o=occasion, k=known)
            raise ValidationError([FieldProblem("occasion", message)])
        today = today or date.today()
        with self.archive.reading() as session:
            contact = _live_contact(session, contact_id)
            account = session.get(Account, contact.account_id)
            values = _values(contact, account, key, today)
            since = None if "years" in values else _start_year(session, contact, key)
            if since is not None and today.year > since:
                values["years"] = today.year - since
            sent = {
                same_text(text): when
                for text, when in session.execute(
                    select(Greeting.text, Greeting.sent_on)
                    .where(Greeting.contact_id == contact.id, Greeting.deleted_at.is_(None))
                    .order_by(Greeting.sent_on)
                )
            }
        usable = [t for t in TEMPLATES[key] if placeholders(t) <= values.keys()]
        texts = [render(t, values) for t in usable or TEMPLATES[key][:1]]
        fresh = [t for t in texts if same_text(t) not in sent]
        if fresh:
            return fresh[0]
        return min(texts, key=lambda t: sent[same_text(t)])

    def log(
        self,
        contact_id: str,
        occasion: str,
        channel: str | GreetingChannel,
        text: str,
        sent_on: date | None = None,
    ) -> tuple[Greeting, list[str]]:
        """Record a greeting as sent; returns it and warnings (same text or occasion before)."""
        sent_on = sent_on or date.today()
        with self.archive.writing() as session:
            contact = _live_contact(session, contact_id)
            key = occasion_key(occasion)
            warnings = _repeats(session, contact, key, text, sent_on)
            greeting: Greeting = self.create_in(
                session,
                {
                    "contact_id": contact.id,
                    "occasion": key,
                    "channel": channel,
                    "text": text.strip(),
                    "sent_on": sent_on,
                },
            )
            return greeting, warnings

    def history(self, contact_id: str) -> list[Greeting]:
        """Greetings a contact has received, newest first."""
        with self.archive.reading() as session:
            contact = _live_contact(session, contact_id)
            return list(
                session.scalars(
                    select(Greeting)
                    .where(Greeting.contact_id == contact.id, Greeting.deleted_at.is_(None))
                    .order_by(Greeting.sent_on.desc(), Greeting.created_hlc.desc())
                )
            )

    def _prepare(self, session: Session, values: dict[str, Any], record: Any) -> None:
        if values.get("contact_id"):
            contact = _live_contact(session, values["contact_id"])
            values["contact_id"] = contact.id
            if record is None:
                values.setdefault("account_id", contact.account_id)
        if record is None:
            account = session.get(Account, values.get("account_id") or "")
            if account is None or account.is_deleted:
                raise NotFound(_("no account with id {i}").format(i=values.get("account_id")))

    def _check(self, session: Session, values: Mapping[str, Any], record: Any) -> None:
        problems = []
        if blank(values.get("occasion")):
            problems.append(FieldProblem("occasion", _("say what the greeting is for")))
        if values.get("channel") is None:
            problems.append(FieldProblem("channel", _("say how it was sent")))
        if values.get("sent_on") is None:
            problems.append(FieldProblem("sent_on", _("say when it was sent")))
        contact_id = values.get("contact_id")
        if contact_id:
            contact = session.get(Contact, contact_id)
            if contact is not None and contact.account_id != values.get("account_id"):
                message = _("{n} works at another account").format(n=contact.name)
                problems.append(FieldProblem("contact_id", message))
        require(problems)


def _live_contact(session: Session, contact_id: str) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.is_deleted:
        raise NotFound(_("no contact with id {i}").format(i=contact_id))
    return contact


def _values(contact: Contact, account: Account | None, key: str, today: date) -> dict[str, Any]:
    """What the placeholders stand for; {years} only where it is known."""
    values: dict[str, Any] = {"name": contact.name, "title": contact.title or ""}
    if account is not None:
        values["company"] = account.short_name or account.name
        since = account.cooperation_since
        if key == "cooperation" and since is not None and today.year > since.year:
            values["years"] = today.year - since.year
    return values


def _start_year(session: Session, contact: Contact, key: str) -> int | None:
    """The year an anniversary of this kind began, from the contact's (or account's) days."""
    kind = "birthday" if key == "lunar_birthday" else key
    if kind not in AnniversaryKind.values():
        return None
    owner = (
        Anniversary.account_id == contact.account_id
        if kind in ("company_founding", "cooperation")
        else Anniversary.contact_id == contact.id
    )
    return session.scalar(
        select(Anniversary.year)
        .where(owner, Anniversary.kind == kind, Anniversary.deleted_at.is_(None))
        .where(Anniversary.year.is_not(None), Anniversary.family_member == "")
        .limit(1)
    )


def _repeats(session: Session, contact: Contact, key: str, text: str, on: date) -> list[str]:
    earlier = session.execute(
        select(Greeting.text, Greeting.occasion, Greeting.sent_on)
        .where(Greeting.contact_id == contact.id, Greeting.deleted_at.is_(None))
        .order_by(Greeting.sent_on.desc())
    ).all()
    warnings = []
    wanted = same_text(text)
    if wanted:
        same = [when for old, _occasion, when in earlier if same_text(old) == wanted]
        if same:
            warnings.append(
                _("the same text was sent to {n} on {d}").format(n=contact.name, d=same[0])
            )
    window = timedelta(days=REPEAT_OCCASION_DAYS)
    recent = [when for _old, occ, when in earlier if occ == key and abs(when - on) <= window]
    if recent:
        warnings.append(
            _("{n} already had a {o} greeting on {d}").format(n=contact.name, o=key, d=recent[0])
        )
    return warnings
