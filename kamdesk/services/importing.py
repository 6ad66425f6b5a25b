"""Importing contacts read from vCard files: preview, then write all of it in one transaction.

The plan is made again inside the write transaction, so what is written is judged against the
archive as it is at that moment; any failure leaves the archive exactly as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.enums import AnniversaryKind, CalendarKind
from kamdesk.domain.errors import KamdeskError, NotFound
from kamdesk.i18n import _
from kamdesk.interchange.vcard import (
    Card,
    Known,
    KnownAccount,
    KnownContact,
    Outcome,
    Plan,
    Report,
    plan,
)
from kamdesk.services.accounts import AccountService
from kamdesk.services.contacts import ContactService
from kamdesk.services.engagement import AnniversaryService
from kamdesk.storage.backups import BEFORE_IMPORT, auto_backup
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Account, Contact

if TYPE_CHECKING:
    from kamdesk.services.workbench import Workbench


class ImportRefused(KamdeskError):
    """Some cards have problems and the import was not told to skip them; nothing was written."""

    def __init__(self, the_plan: Plan) -> None:
        self.plan = the_plan
        count = len(the_plan.problems)
        super().__init__(
            _(
                "{n} of the cards have problems; nothing was imported (fix them, or skip "
                "the cards with problems)"
            ).format(n=count)
        )


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: enough to undo and redo it exactly."""

    plan: Plan
    account_ids: tuple[str, ...]  # accounts the import created
    contact_ids: tuple[str, ...]  # contacts it created, in file order
    birthdays: int


def known(session: Session) -> Known:
    """The archive's live accounts and contacts, as planning an import needs them."""
    accounts = [
        KnownAccount(id_, name, short or "")
        for id_, name, short in session.execute(
            select(Account.id, Account.name, Account.short_name).where(Account.deleted_at.is_(None))
        )
    ]
    contacts = [
        KnownContact(id_, account_id, name, tuple(phones or ()))
        for id_, account_id, name, phones in session.execute(
            select(Contact.id, Contact.account_id, Contact.name, Contact.phones).where(
                Contact.deleted_at.is_(None)
            )
        )
    ]
    return Known(accounts, contacts)


def snapshot(source: Archive | Workbench) -> Known:
    """`known` in a read transaction of its own, for a preview that is planned again later."""
    with _archive(source).reading() as session:
        return known(session)


def preview(source: Archive | Workbench, cards: Sequence[Card], default_account: str = "") -> Plan:
    """What importing `cards` would do now; nothing is written."""
    return plan(cards, snapshot(source), default_account)


def import_contacts(
    source: Archive | Workbench,
    cards: Sequence[Card],
    default_account: str = "",
    *,
    skip_bad: bool = False,
    progress: Report | None = None,
) -> ImportResult:
    """Create the new accounts, contacts and birthdays of `cards`, all or nothing.

    Refuses (ImportRefused) if any card has a problem, unless `skip_bad`. `progress` is called
    with (done, total) and may raise to stop; then nothing is written. A non-empty archive is
    backed up first ("before-import").
    """
    archive = _archive(source)
    accounts, contacts = AccountService(archive), ContactService(archive)
    anniversaries = AnniversaryService(archive)
    auto_backup(archive, BEFORE_IMPORT)
    with archive.writing() as session:
        the_plan = plan(cards, known(session), default_account)
        if the_plan.problems and not skip_bad:
            raise ImportRefused(the_plan)
        todo = the_plan.of(Outcome.NEW)
        total = len(the_plan.new_accounts) + len(todo)
        # Holding the accounts keeps them in the session's identity map for every contact.
        held = [session.get(Account, account_id) for account_id in the_plan.existing_accounts]
        created: dict[str, str] = {}
        for done, name in enumerate(the_plan.new_accounts):
            if progress is not None:
                progress(done, total)
            account = accounts.create_in(session, {"name": name})
            held.append(account)
            created[name] = account.id
        contact_ids, birthdays = [], 0
        for done, entry in enumerate(todo, len(created)):
            if progress is not None:
                progress(done, total)
            card = entry.card
            account_id = entry.account_id or created[entry.account]
            contact = contacts.create_in(
                session, {**card.fields, "name": card.name, "account_id": account_id}
            )
            contact_ids.append(contact.id)
            if card.birthday is not None:
                anniversaries.create_in(
                    session,
                    {
                        "contact_id": contact.id,
                        "kind": AnniversaryKind.BIRTHDAY,
                        "calendar": CalendarKind.SOLAR,
                        "month": card.birthday.month,
                        "day": card.birthday.day,
                        "year": card.birthday.year,
                    },
                )
                birthdays += 1
        if progress is not None:
            progress(total, total)
    return ImportResult(the_plan, tuple(created.values()), tuple(contact_ids), birthdays)


def undo_import(source: Archive | Workbench, result: ImportResult) -> None:
    """Delete what an import created (contacts with their birthdays, then new accounts)."""
    archive = _archive(source)
    accounts, contacts = AccountService(archive), ContactService(archive)
    with archive.writing() as session:
        for service, ids in ((contacts, result.contact_ids), (accounts, result.account_ids)):
            for record_id in ids:
                with suppress(NotFound):  # deleted since by hand: already as the undo wants it
                    service.delete_in(session, record_id)


def redo_import(source: Archive | Workbench, result: ImportResult) -> None:
    """Bring back what `undo_import` deleted: the same records, not copies."""
    archive = _archive(source)
    accounts, contacts = AccountService(archive), ContactService(archive)
    with archive.writing() as session:
        for account_id in result.account_ids:
            accounts.restore_in(session, account_id)
        for contact_id in result.contact_ids:
            contacts.restore_in(session, contact_id)


def _archive(source: Archive | Workbench) -> Archive:
    return source if isinstance(source, Archive) else source.archive
