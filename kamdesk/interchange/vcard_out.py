"""Contacts to a vCard 3.0 file (UTF-8) for phones, Outlook and other address books.

Each live contact of the chosen accounts becomes one card: FN and N (a Chinese name split
after its family name, 欧阳 + 娜娜), ORG with the department, TITLE, TEL typed CELL for a Chinese
mobile number and WORK,VOICE otherwise, EMAIL, the WeChat ID as X-WECHAT, a solar birthday of
the contact as BDAY (`--MMDD` without a year) and NOTE. Columns labelled sensitive are left out
unless asked for; then they travel as X-KAMDESK-… lines, which other programs ignore. Text is
escaped and lines are folded at 75 octets without cutting a character in two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.enums import AnniversaryKind, CalendarKind, Sensitivity
from kamdesk.domain.pinyin import COMPOUND_SURNAMES
from kamdesk.domain.validation import clean_text
from kamdesk.interchange.files import replace_atomically
from kamdesk.interchange.vcard import CJK, Birthday, Report, phone_key
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Account, Anniversary, Contact, is_sensitive

if TYPE_CHECKING:
    from kamdesk.services.workbench import Workbench

PRODID = "-//kamdesk//kamdesk contacts//ZH"
LINE_OCTETS = 75
"""Longest line in octets, without its line break (RFC 2425)."""
REPORT_EVERY = 200
_CHINESE_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_TRANSLITERATED = re.compile(r"[·•・]")


@dataclass(frozen=True)
class ExportedContact:
    """What one card says."""

    id: str
    name: str
    company: str
    department: str
    title: str
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    wechat_id: str
    notes: str
    birthday: Birthday | None
    sensitive: tuple[tuple[str, str], ...] = ()  # (column, value), only when asked for


def sensitive_columns() -> list[str]:
    """The contact columns labelled sensitive (family, children, health, income)."""
    return [c.name for c in Contact.__table__.columns if is_sensitive(Contact, c.name)]


def export_contacts(
    source: Archive | Workbench,
    path: Path | str,
    account_ids: Sequence[str] | None = None,
    *,
    include_sensitive: bool = False,
    progress: Report | None = None,
) -> int:
    """Write the live contacts of `account_ids` (None: of every account) to a .vcf file,
    whole or not at all; returns how many cards it holds."""
    archive = source if isinstance(source, Archive) else source.archive
    with archive.reading() as session:
        contacts = read_contacts(session, account_ids, include_sensitive=include_sensitive)
    total = len(contacts)

    def write(out: Any) -> None:
        for done, contact in enumerate(contacts):
            if progress is not None and done % REPORT_EVERY == 0:
                progress(done, total)
            out.write(card_text(contact).encode("utf-8"))
        if progress is not None:
            progress(total, total)

    replace_atomically(Path(path), write)
    return total


def read_contacts(
    session: Session, account_ids: Sequence[str] | None, *, include_sensitive: bool = False
) -> list[ExportedContact]:
    """The contacts to export, by account name and then name, with their own solar birthday."""
    hidden = sensitive_columns()
    extra = [Contact.__table__.columns[name] for name in hidden] if include_sensitive else []
    query = (
        select(
            Contact.id,
            Contact.name,
            Account.name,
            Contact.department,
            Contact.title,
            Contact.phones,
            Contact.emails,
            Contact.wechat_id,
            Contact.notes,
            *extra,
        )
        .join(Account, Account.id == Contact.account_id)
        .where(Contact.deleted_at.is_(None), Account.deleted_at.is_(None))
        .order_by(Account.name, Contact.name, Contact.id)
    )
    if account_ids is not None:
        query = query.where(Contact.account_id.in_(list(account_ids)))
    birthdays = _birthdays(session, include_sensitive)
    found = []
    for row in session.execute(query):
        cid, name, company, department, title, phones, emails, wechat, notes = row[:9]
        private = tuple((c, str(v)) for c, v in zip(hidden, row[9:], strict=False) if v)
        found.append(
            ExportedContact(
                cid,
                name,
                company,
                department or "",
                title or "",
                tuple(phones or ()),
                tuple(emails or ()),
                wechat or "",
                notes or "",
                birthdays.get(cid),
                private,
            )
        )
    return found


def _birthdays(session: Session, include_sensitive: bool) -> dict[str, Birthday]:
    """Each contact's first solar birthday: their own (no family member named), and only if
    the day itself is not marked sensitive, unless asked for."""
    query = (
        select(Anniversary.contact_id, Anniversary.month, Anniversary.day, Anniversary.year)
        .where(
            Anniversary.deleted_at.is_(None),
            Anniversary.contact_id.is_not(None),
            Anniversary.kind == AnniversaryKind.BIRTHDAY,
            Anniversary.calendar == CalendarKind.SOLAR,
            Anniversary.family_member == "",
        )
        .order_by(Anniversary.created_hlc, Anniversary.id)
    )
    if not include_sensitive:
        query = query.where(Anniversary.sensitivity != Sensitivity.SENSITIVE)
    found: dict[str, Birthday] = {}
    for contact_id, month, day, year in session.execute(query):
        if contact_id is not None:
            found.setdefault(contact_id, Birthday(month, day, year))
    return found


# one card --------------------------------------------------------------------------------------


def card_text(contact: ExportedContact) -> str:
    """The vCard of one contact, lines folded, each ending in CRLF."""
    family, given, additional = name_parts(contact.name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"PRODID:{PRODID}",
        f"UID:urn:uuid:{contact.id}",
        f"FN:{escape(contact.name)}",
        "N:" + ";".join(escape(p) for p in (family, given, additional, "", "")),
    ]
    if contact.company or contact.department:
        organisation = [contact.company] + ([contact.department] if contact.department else [])
        lines.append("ORG:" + ";".join(escape(p) for p in organisation))
    if contact.title:
        lines.append(f"TITLE:{escape(contact.title)}")
    for phone in contact.phones:
        kind = "CELL" if _CHINESE_MOBILE.match(phone_key(phone)) else "WORK,VOICE"
        lines.append(f"TEL;TYPE={kind}:{_single_line(phone)}")
    lines += [f"EMAIL;TYPE=INTERNET:{_single_line(email)}" for email in contact.emails]
    if contact.birthday is not None:
        lines.append(f"BDAY:{birthday_text(contact.birthday)}")
    if contact.wechat_id:
        lines.append(f"X-WECHAT:{escape(contact.wechat_id)}")
    if contact.notes:
        lines.append(f"NOTE:{escape(contact.notes)}")
    for column, value in contact.sensitive:
        lines.append(f"{x_name(column)}:{escape(value)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def x_name(column: str) -> str:
    """The property a sensitive column travels as: health_notes → X-KAMDESK-HEALTH-NOTES."""
    return "X-KAMDESK-" + column.upper().replace("_", "-")


def name_parts(name: str) -> tuple[str, str, str]:
    """Family, given and additional names for N.

    Chinese: the family name first (欧阳娜娜 → 欧阳 + 娜娜; a compound surname counts as one);
    a transliterated name with a middle dot is given name first (买买提·艾力 → 艾力 + 买买提).
    Otherwise given names first and the last word is the family name (John Paul Smith).
    """
    name = name.strip()
    if CJK.search(name):
        if _TRANSLITERATED.search(name):
            parts = [part.strip() for part in _TRANSLITERATED.split(name)]
            return parts[-1], parts[0], " ".join(parts[1:-1])
        surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
        return surname, name[len(surname) :], ""
    words = name.split()
    if len(words) < 2:
        return "", name, ""
    return words[-1], words[0], " ".join(words[1:-1])


def birthday_text(birthday: Birthday) -> str:
    """BDAY: YYYY-MM-DD, or --MMDD without a year."""
    if birthday.year is None:
        return f"--{birthday.month:02d}{birthday.day:02d}"
    return f"{birthday.year:04d}-{birthday.month:02d}-{birthday.day:02d}"


def escape(text: str) -> str:
    """A text value: backslash, comma and semicolon escaped, line breaks as \\n."""
    text = clean_text(text).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return re.sub(r"\r\n|\r|\n", r"\\n", text)


def _single_line(text: str) -> str:
    """A phone number or address as one line (they cannot hold line breaks)."""
    return " ".join(clean_text(text).split())


def fold(line: str) -> str:
    """The line folded so no physical line is longer than 75 octets of UTF-8; a continuation
    starts with one space, and a character is never cut in two."""
    if len(line.encode("utf-8")) <= LINE_OCTETS:
        return line
    pieces: list[str] = []
    current: list[str] = []
    used, limit = 0, LINE_OCTETS
    for char in line:
        size = len(char.encode("utf-8"))
        if used + size > limit:
            pieces.append("".join(current))
            current, used, limit = [], 0, LINE_OCTETS - 1  # the leading space counts
        current.append(char)
        used += size
    pieces.append("".join(current))
    return "\r\n ".join(pieces)
