"""Contacts from vCard (.vcf) files: read every card, then plan what an import would do.

No database and no Qt. `read_file`/`read_cards` turn a file into `Card`s, each carrying the
problems the services would refuse it for; `plan` judges every card against a snapshot of the
archive (`Known`): a new contact, a duplicate to skip, or a problem; and names the accounts to
create. docs/interchange.md gives the rules.

vobject reads the lines: folding, quoted-printable soft line breaks, parameters and CHARSET
decoding. Values are unescaped here, because vobject's text values stop at the first unescaped
comma, which vCard 2.1 files (and many 3.0 ones) are full of.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Column
from vobject.base import ContentLine, VObjectError, getLogicalLines, textLineToContentLine

from kamdesk.domain.errors import KamdeskError
from kamdesk.domain.search_keys import normalize
from kamdesk.domain.validation import email_problem, phone_digits, phone_problem
from kamdesk.i18n import _
from kamdesk.services.coerce import CoerceError, coerce
from kamdesk.services.engagement import solar_day_problem
from kamdesk.storage.models import Account, Contact

MAX_BYTES = 20 * 1024 * 1024
"""Larger files are refused: an address book without photos is far smaller."""

Report = Callable[[int, int], None]
"""Called with (done, total) while cards are read or written."""

_BEGIN = re.compile(rb"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_END = re.compile(rb"^[ \t]*END[ \t]*:[ \t]*VCARD[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_GB_CHARSET = re.compile(r"CHARSET=(?:GB2312|GBK|CP936|GB_2312-80)\b", re.IGNORECASE)
_FN_LINE = re.compile(r"^(?:[\w-]+\.)?FN([;:][^\r\n]*)\r?$", re.IGNORECASE | re.MULTILINE)
_AGENT = re.compile(rb"(?:^|\n)[ \t]*(?:[\w-]+\.)?AGENT\b[^\n]*\n[ \t]*$", re.IGNORECASE)
_PROPERTY = re.compile(r"^(?:[\w-]+\.)?([\w-]+)")
_ESCAPE = re.compile(r"\\([nN,;\\])")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
"""A Chinese character: such names are written family name first, with no space."""
_FULL_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_MEDIA = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
"""Pictures and keys are not read; their base64 lines are skipped unseen."""


class VCardFileError(KamdeskError):
    """The file cannot be read as vCards at all: missing, binary, empty, too large."""


@dataclass(frozen=True)
class Birthday:
    """A solar birthday; the year is None when the card gives only month and day."""

    month: int
    day: int
    year: int | None


class Unit(StrEnum):
    """What a `Card` was read from: a vCard, or a row of a CSV file."""

    CARD = "card"
    ROW = "row"


@dataclass(frozen=True)
class Card:
    """One contact as read from a file (a vCard or a CSV row), as contact column values, and
    what is wrong with it."""

    number: int  # 1 for the first card in the file; for a CSV row, the row as Excel numbers it
    name: str
    company: str  # the first component of ORG, or the company column of a CSV row
    fields: Mapping[str, Any]  # other contact columns: title, department, phones, emails, …
    birthday: Birthday | None
    problems: tuple[str, ...]
    unit: Unit = Unit.CARD

    def label(self) -> str:
        """How the card is named in a report: its number and, if known, its name."""
        if self.unit is Unit.ROW:
            if self.name:
                return _("row {n} ({name})").format(n=self.number, name=self.name)
            return _("row {n}").format(n=self.number)
        if self.name:
            return _("card {n} ({name})").format(n=self.number, name=self.name)
        return _("card {n}").format(n=self.number)


# reading -----------------------------------------------------------------------------------------


def read_file(path: Path | str, progress: Report | None = None) -> list[Card]:
    """Every card of the .vcf file at `path`; VCardFileError if it is no vCard file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise VCardFileError(_too_large(path.name))
        data = path.read_bytes()
    except OSError as exc:
        raise VCardFileError(
            _("{f} cannot be read: {e}").format(f=path, e=exc.strerror or exc)
        ) from None
    return read_cards(data, name=path.name, progress=progress)


def read_cards(data: bytes, *, name: str = "", progress: Report | None = None) -> list[Card]:
    """Every card in the bytes of a .vcf file (UTF-8, GB18030/GBK or UTF-16)."""
    what = name or _("the file")
    if len(data) > MAX_BYTES:
        raise VCardFileError(_too_large(what))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeError:
            raise VCardFileError(_("{f} is not readable text").format(f=what)) from None
    data = data.removeprefix(codecs.BOM_UTF8)
    if not data.strip():
        raise VCardFileError(_("{f} is empty").format(f=what))
    if b"\x00" in data:
        raise VCardFileError(
            _("{f} is not a text file; choose a vCard (.vcf) export").format(f=what)
        )
    starts = [m.start() for m in _BEGIN.finditer(data) if not _embedded(data, m.start())]
    if not starts:
        raise VCardFileError(
            _("{f} holds no contact cards (BEGIN:VCARD); is it a vCard (.vcf) file?").format(f=what)
        )
    cards, line, previous = [], 1, 0
    for number, (start, stop) in enumerate(zip(starts, [*starts[1:], len(data)], strict=True), 1):
        if progress is not None:
            progress(number - 1, len(starts))
        line += data.count(b"\n", previous, start)
        previous = start
        cards.append(_read_card(number, data[start:stop], line))
    if progress is not None:
        progress(len(starts), len(starts))
    return cards


def _embedded(data: bytes, start: int) -> bool:
    """Whether the card starting at `start` is the value of an AGENT line (a card in a card)."""
    return bool(_AGENT.search(data, max(0, start - 200), start))


def _too_large(what: str) -> str:
    return _("{f} is larger than {n} MB; export fewer contacts per file").format(
        f=what, n=MAX_BYTES // (1024 * 1024)
    )


def _read_card(number: int, chunk: bytes, first_line: int) -> Card:
    ends = list(_END.finditer(chunk))  # the last one: an embedded card has its own END
    end = ends[-1] if ends else None
    text, undecodable = _decode(chunk[: end.end()] if end else chunk)
    if undecodable:
        return _unreadable(number, text, _("the text is neither UTF-8 nor GB18030 (GBK)"))
    if end is None:
        return _unreadable(number, text, _("the card is cut off (no END:VCARD)"))
    lines: list[ContentLine] = []
    in_media = False
    nested = 0
    for logical, at in getLogicalLines(io.StringIO(_GB_CHARSET.sub("CHARSET=GB18030", text)), True):
        try:
            content = textLineToContentLine(logical, at)
        except (VObjectError, UnicodeError, LookupError, ValueError):
            if in_media:  # a base64 picture continued without indentation
                continue
            where = first_line + max(at, 1) - 1
            return _unreadable(number, text, _("line {n} cannot be read").format(n=where))
        in_media = content.name in _MEDIA
        if content.name == "BEGIN":
            nested += 1
        elif content.name == "END":
            nested -= 1
        elif nested == 1 and not in_media:  # properties of an embedded card (AGENT) are not ours
            lines.append(content)
    return _card(number, lines)


def _decode(chunk: bytes) -> tuple[str, bool]:
    """The text of one card and whether it could not be decoded."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return chunk.decode(encoding), False
        except UnicodeDecodeError:
            continue
    return chunk.decode("utf-8", errors="replace"), True


def _unreadable(number: int, text: str, problem: str) -> Card:
    """A card that cannot be read, named as well as its FN line allows."""
    name = ""
    if match := _FN_LINE.search(text):
        params, _colon, value = match.group(1).partition(":")
        if "QUOTED-PRINTABLE" in params.upper():
            value = codecs.decode(value.encode("utf-8", "replace"), "quopri").decode(
                "utf-8", "replace"
            )
        name = _unescape(value).strip()[:100]
    return Card(number, name, "", {}, None, (problem,))


def _card(number: int, lines: Sequence[ContentLine]) -> Card:
    properties: dict[str, list[ContentLine]] = {}
    for line in lines:
        properties.setdefault(line.name, []).append(line)

    def texts(name: str) -> list[str]:
        return [_unescape(str(line.value)).strip() for line in properties.get(name, [])]

    def first(name: str) -> str:
        return next((value for value in texts(name) if value), "")

    organisation = _parts(properties["ORG"][0].value) if properties.get("ORG") else []
    raw: dict[str, Any] = {
        "name": first("FN") or _name_from_n(properties.get("N", [])),
        "title": first("TITLE"),
        "department": organisation[1] if len(organisation) > 1 else "",
        "phones": unique_phones(texts("TEL")),
        "emails": unique_emails(texts("EMAIL")),
        "wechat_id": first("X-WECHAT"),
        "notes": "\n".join(value for value in texts("NOTE") if value).replace("\r\n", "\n"),
    }
    birthday, problem = _birthday(properties.get("BDAY", []))
    company = organisation[0] if organisation else ""
    return build_card(number, raw, company, birthday, [problem] if problem else [])


def build_card(
    number: int,
    raw: Mapping[str, Any],
    company: str,
    birthday: Birthday | None,
    later_problems: Sequence[str] = (),
    unit: Unit = Unit.CARD,
) -> Card:
    """A card from what a file says, checked with the rules the services apply.

    `raw` holds text for name, title, department, wechat_id and notes, and lists for phones and
    emails; `later_problems` (a birthday that is no date, say) are reported after the others.
    """
    problems: list[str] = []
    values: dict[str, Any] = {}
    labels = field_labels(unit)
    for column, value in raw.items():
        if not value:
            continue
        try:
            values[column] = coerce(_column(Contact, column), value)
        except CoerceError as exc:
            problems.append(f"{labels[column]}: {exc}")
    if not values.get("name"):
        problems.append(_("no name (FN or N)") if unit is Unit.CARD else _("no name"))
    for phone in values.get("phones", []):
        if problem := phone_problem(phone):
            problems.append(problem)
    for email in values.get("emails", []):
        if problem := email_problem(email):
            problems.append(problem)
    if company:
        try:
            company = coerce(_column(Account, "name"), company)
        except CoerceError as exc:
            problems.append(f"{labels['company']}: {exc}")
            company = ""
    problems += later_problems
    name = values.pop("name", "")
    return Card(number, name, company, values, birthday, tuple(problems), unit)


def _column(model: type[Account | Contact], name: str) -> Column[Any]:
    return cast(Column[Any], model.__table__.columns[name])


def field_labels(unit: Unit = Unit.CARD) -> dict[str, str]:
    """How each contact column is named in a card's problems."""
    return {
        "name": _("name"),
        "title": _("title"),
        "department": _("department"),
        "phones": _("phone"),
        "emails": _("e-mail"),
        "wechat_id": _("WeChat ID"),
        "notes": _("note"),
        "company": _("company (ORG)") if unit is Unit.CARD else _("company"),
    }


def _unescape(value: str) -> str:
    """Undo vCard backslash escapes; other backslashes (a 2.1 path, say) stay as written."""
    return _ESCAPE.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _parts(value: str) -> list[str]:
    """The components of a structured value (N, ORG), split at unescaped semicolons."""
    parts = re.split(r"(?<!\\);", str(value))
    return [_unescape(part).strip() for part in parts]


def _name_from_n(lines: Sequence[ContentLine]) -> str:
    """The name from N: Chinese order with no space (张 + 三 → 张三), else given name first."""
    if not lines:
        return ""
    parts = [" ".join(re.split(r"\s*,\s*", part)).strip() for part in _parts(lines[0].value)]
    family, given, additional = [*parts, "", "", ""][:3]
    if CJK.search(family + given):
        return family + given
    return " ".join(part for part in (given, additional, family) if part)


def unique_phones(values: Sequence[str]) -> list[str]:
    """Phone numbers as written, without a `tel:` prefix, each number once."""
    phones, seen = [], set()
    for value in values:
        phone = re.sub(r"^tel:", "", value, flags=re.IGNORECASE)
        phone = re.sub(r";ext=", " ext ", phone, flags=re.IGNORECASE).strip()
        key = phone_key(phone) or phone
        if phone and key not in seen:
            seen.add(key)
            phones.append(phone)
    return phones


def unique_emails(values: Sequence[str]) -> list[str]:
    """E-mail addresses without a `mailto:` prefix, each address once (case aside)."""
    emails, seen = [], set()
    for value in values:
        email = re.sub(r"^mailto:", "", value, flags=re.IGNORECASE).strip()
        if email and email.casefold() not in seen:
            seen.add(email.casefold())
            emails.append(email)
    return emails


def _birthday(lines: Sequence[ContentLine]) -> tuple[Birthday | None, str | None]:
    """The birthday of BDAY (YYYY-MM-DD, YYYYMMDD or --MMDD), or why it is not a real date."""
    if not lines:
        return None, None
    text = _unescape(str(lines[0].value)).strip()
    if not text:
        return None, None
    year: int | None
    if full := _FULL_DATE.match(text):
        year, month, day = (int(part) for part in full.groups())
        omitted = lines[0].params.get("X-APPLE-OMIT-YEAR", [])  # Apple writes 1604 for "no year"
        if omitted and omitted[0].strip() == str(year):
            year = None
    elif partial := _NO_YEAR.match(text):
        year, (month, day) = None, (int(part) for part in partial.groups())
    else:
        return None, _("birthday '{v}' is not a date (YYYY-MM-DD or --MMDD)").format(v=text)
    return check_birthday(month, day, year, text)


def check_birthday(
    month: int, day: int, year: int | None, written: str
) -> tuple[Birthday | None, str | None]:
    """The birthday, or why it is refused: not a real day, or a year before 1900 or ahead.

    `written` is the value as the file has it, for the problem's sentence.
    """
    if problem := solar_day_problem(month, day, year):
        return None, _("birthday {v}: {p}").format(v=written, p=problem)
    if year is not None and not 1900 <= year <= date.today().year:
        return None, _("birthday {v}: the year must be from 1900 to this year").format(v=written)
    return Birthday(month, day, year), None


def phone_key(phone: str) -> str:
    """What makes two phone numbers the same: digits without +86/0086 or a leading 0."""
    return phone_digits(phone).lstrip("0")


# planning ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownAccount:
    id: str
    name: str
    short_name: str


@dataclass(frozen=True)
class KnownContact:
    id: str
    account_id: str
    name: str
    phones: tuple[str, ...]


@dataclass(frozen=True)
class Known:
    """The live accounts and contacts of the archive, as much as judging duplicates needs."""

    accounts: Sequence[KnownAccount]
    contacts: Sequence[KnownContact]


class Outcome(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    PROBLEM = "problem"


@dataclass(frozen=True)
class CardPlan:
    """What the import does with one card."""

    card: Card
    outcome: Outcome
    account: str  # the account's name ("" when none could be chosen)
    account_id: str | None  # None when the import creates the account
    reason: str  # for a duplicate, what it duplicates; for a problem, what is wrong

    @property
    def new_account(self) -> bool:
        return bool(self.account) and self.account_id is None


@dataclass(frozen=True)
class Plan:
    """The outcome of every card, and the accounts the import creates (in file order)."""

    cards: tuple[CardPlan, ...]
    new_accounts: tuple[str, ...]
    existing_accounts: tuple[str, ...]  # ids of the archive's accounts the cards go to

    def of(self, outcome: Outcome) -> list[CardPlan]:
        return [entry for entry in self.cards if entry.outcome is outcome]

    @property
    def new_contacts(self) -> int:
        return len(self.of(Outcome.NEW))

    @property
    def duplicates(self) -> int:
        return len(self.of(Outcome.DUPLICATE))

    @property
    def problems(self) -> list[CardPlan]:
        return self.of(Outcome.PROBLEM)

    @property
    def birthdays(self) -> int:
        return sum(1 for entry in self.of(Outcome.NEW) if entry.card.birthday is not None)


def plan(cards: Sequence[Card], known: Known, default_account: str = "") -> Plan:
    """Judge every card: its account (ORG, else `default_account`), new, duplicate or problem.

    `default_account` is an account's name, short name or id (prefix), or the name of an
    account to create, for the cards without ORG.
    """
    accounts = _AccountIndex(known.accounts)
    names = {(c.account_id, normalize(c.name)): c for c in known.contacts}
    phones: dict[str, KnownContact] = {}
    for contact in known.contacts:
        for phone in contact.phones:
            phones.setdefault(phone_key(phone), contact)
    account_names = {a.id: a.name for a in known.accounts}
    seen_names: dict[tuple[str, str], Card] = {}
    seen_phones: dict[str, Card] = {}
    default = accounts.resolve_default(default_account)
    entries: list[CardPlan] = []
    new_accounts: dict[str, str] = {}
    existing: dict[str, None] = {}
    for card in cards:
        if card.problems:
            entries.append(CardPlan(card, Outcome.PROBLEM, "", None, "; ".join(card.problems)))
            continue
        target, problem = accounts.match(card.company) if card.company else default
        if problem or target is None:
            reason = problem or (
                _("no company (ORG); choose an account for such contacts")
                if card.unit is Unit.CARD
                else _("no company; choose an account for such contacts")
            )
            entries.append(CardPlan(card, Outcome.PROBLEM, "", None, reason))
            continue
        account, account_id = target
        account_key = account_id or "new:" + normalize(account)
        name_key = normalize(card.name)
        keys = [phone_key(p) for p in card.fields.get("phones", [])]
        reason = ""
        if account_id and (same := names.get((account_id, name_key))):
            reason = _("{n} is already at {a}").format(n=same.name, a=account)
        elif twin := next((phones[k] for k in keys if k in phones), None):
            reason = _("the phone number of {n} ({a})").format(
                n=twin.name, a=account_names.get(twin.account_id, "")
            )
        elif earlier := seen_names.get((account_key, name_key)) or next(
            (seen_phones[k] for k in keys if k in seen_phones), None
        ):
            reason = _("the same person as {c}").format(c=earlier.label())
        if account_id:
            existing[account_id] = None
        if reason:
            entries.append(CardPlan(card, Outcome.DUPLICATE, account, account_id, reason))
            continue
        if account_id is None:
            account = new_accounts.setdefault(account_key, account)
        seen_names[(account_key, name_key)] = card
        for key in keys:
            seen_phones.setdefault(key, card)
        entries.append(CardPlan(card, Outcome.NEW, account, account_id, ""))
    return Plan(tuple(entries), tuple(new_accounts.values()), tuple(existing))


Target = tuple[str, str | None]
"""An account's name and id; no id for an account the import creates."""


class _AccountIndex:
    """Existing accounts by folded name and short name; a name beats a short name."""

    def __init__(self, accounts: Sequence[KnownAccount]) -> None:
        self.accounts = accounts
        self.by_name: dict[str, KnownAccount] = {}
        self.by_short: dict[str, list[KnownAccount]] = {}
        for account in accounts:
            self.by_name.setdefault(normalize(account.name), account)
            if short := normalize(account.short_name):
                self.by_short.setdefault(short, []).append(account)

    def match(self, company: str) -> tuple[Target | None, str | None]:
        """The account a company name refers to (new if none), or why it is ambiguous."""
        key = normalize(company)
        if not key:
            return (company, None), None
        if found := self.by_name.get(key):
            return (found.name, found.id), None
        candidates = self.by_short.get(key, [])
        if len(candidates) == 1:
            return (candidates[0].name, candidates[0].id), None
        if candidates:
            names = "、".join(a.name for a in candidates[:5])
            return None, _("{c} could be any of: {a}").format(c=company, a=names)
        return (company, None), None

    def resolve_default(self, ref: str) -> tuple[Target | None, str | None]:
        """The account for cards without ORG: a name, short name, id (prefix) or a new name."""
        ref = ref.strip()
        if not ref:
            return None, None
        bare = ref.lower()
        if len(bare.replace("-", "")) >= 8:
            by_id = [a for a in self.accounts if a.id.startswith(bare)]
            if len(by_id) == 1 and normalize(ref) not in self.by_name:
                return (by_id[0].name, by_id[0].id), None
        return self.match(ref)
