"""Contacts from CSV files saved by Excel, Outlook or Google Contacts.

No database and no Qt. `read_table` decodes the file (UTF-8 with or without a byte-order mark,
GB18030/GBK, or Excel's UTF-16 "Unicode text") and splits it at Excel's delimiter (`,`, `;` or
tab); `propose` says which column holds which contact field, from Outlook's, Google's and
common Chinese headers; the user may change that; `to_cards` turns each row into the same
`Card` the vCard reader gives, so planning, duplicate detection, the import and its undo are
shared. docs/interchange.md gives the rules.

Cells are text and stay text: nothing is evaluated, so a cell reading `=1+1` is those three
characters. Excel's own way of keeping digits as text, `="0512…"`, is unwrapped.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _
from kamdesk.interchange.vcard import (
    CJK,
    MAX_BYTES,
    Birthday,
    Card,
    Report,
    Unit,
    build_card,
    check_birthday,
    unique_emails,
    unique_phones,
)

HEADER_SEARCH = 10
"""The header is looked for among this many rows at the top (a title row may come first)."""
SNIFF_ROWS = 50
"""Rows read to choose the delimiter."""
REPORT_EVERY = 200
"""Rows between two progress reports."""
DELIMITERS = (",", ";", "\t")


class CsvFileError(KamdeskError):
    """The file cannot be read as a table of contacts: missing, binary, empty, too large."""


class MappingError(KamdeskError):
    """A column mapping names a column the file does not have, or a field that does not exist."""


class Field(StrEnum):
    """What a column of the file holds; IGNORE for a column the import leaves alone."""

    IGNORE = "ignore"
    NAME = "name"
    FAMILY_NAME = "family_name"
    GIVEN_NAME = "given_name"
    MIDDLE_NAME = "middle_name"
    COMPANY = "company"
    DEPARTMENT = "department"
    TITLE = "title"
    PHONE = "phone"
    EMAIL = "email"
    BIRTHDAY = "birthday"
    WECHAT = "wechat_id"
    NOTES = "notes"


def field_label(field: Field) -> str:
    """The field in words, for the mapping table and the command line."""
    return {
        Field.IGNORE: _("(not imported)"),
        Field.NAME: _("name"),
        Field.FAMILY_NAME: _("family name"),
        Field.GIVEN_NAME: _("given name"),
        Field.MIDDLE_NAME: _("middle name"),
        Field.COMPANY: _("company (account)"),
        Field.DEPARTMENT: _("department"),
        Field.TITLE: _("title"),
        Field.PHONE: _("phone"),
        Field.EMAIL: _("e-mail"),
        Field.BIRTHDAY: _("birthday"),
        Field.WECHAT: _("WeChat ID"),
        Field.NOTES: _("note"),
    }[field]


ColumnMap = tuple[Field, ...]
"""The field of each column of a table, in column order."""
FAMILY, GIVEN, MIDDLE = Field.FAMILY_NAME, Field.GIVEN_NAME, Field.MIDDLE_NAME
NAME_FIELDS = frozenset({Field.NAME, FAMILY, GIVEN})
"""A mapping needs one of these: the whole name, or its parts."""


@dataclass(frozen=True)
class Table:
    """A CSV file as read: its header, and the rows below it that hold anything."""

    name: str  # the file's name, for sentences
    headers: tuple[str, ...]
    header_row: int  # the header's row number as Excel shows it (1 for the first line)
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number as Excel shows it, cells)
    encoding: str
    delimiter: str

    def header(self, column: int) -> str:
        """A column's header, or its number in words when the header cell is blank."""
        return self.headers[column] or _("column {n}").format(n=column + 1)


# reading ---------------------------------------------------------------------------------------


def read_table_file(path: Path | str) -> Table:
    """The table of the CSV file at `path`; CsvFileError if it is no such file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise CsvFileError(_too_large(path.name))
        data = path.read_bytes()
    except OSError as exc:
        raise CsvFileError(
            _("{f} cannot be read: {e}").format(f=path, e=exc.strerror or exc)
        ) from None
    return read_table(data, name=path.name)


def read_table(data: bytes, *, name: str = "") -> Table:
    """The table in the bytes of a CSV file."""
    what = name or _("the file")
    if len(data) > MAX_BYTES:
        raise CsvFileError(_too_large(what))
    text, encoding = _decode(data, what)
    if not text.strip():
        raise CsvFileError(_("{f} is empty").format(f=what))
    first_line, _newline, rest = text.partition("\n")
    skipped = 0
    hinted = re.fullmatch(r"sep=(.)\r?", first_line)
    if hinted:  # Excel's own hint line: "sep=;"
        delimiter, text, skipped = hinted.group(1), rest, 1
    else:
        delimiter = _delimiter(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise CsvFileError(
            _("{f} cannot be read as CSV: {e}").format(f=what, e=str(exc).capitalize())
        ) from None
    at = _header_index(records)
    if at is None:
        raise CsvFileError(_("{f} is empty").format(f=what))
    headers = tuple(cell.strip().lstrip("\ufeff") for cell in records[at])
    while headers and not headers[-1]:
        headers = headers[:-1]
    width = len(headers)
    rows = []
    for index in range(at + 1, len(records)):
        cells = tuple(records[index][:width])
        if any(cell.strip() for cell in cells):
            rows.append((index + 1 + skipped, cells + ("",) * (width - len(cells))))
    return Table(what, headers, at + 1 + skipped, tuple(rows), encoding, delimiter)


def _too_large(what: str) -> str:
    return _("{f} is larger than {n} MB; export fewer contacts per file").format(
        f=what, n=MAX_BYTES // (1024 * 1024)
    )


def _decode(data: bytes, what: str) -> tuple[str, str]:
    """The text of the file and its encoding."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeError:
            raise CsvFileError(_("{f} is not readable text").format(f=what)) from None
    if b"\x00" in data:
        raise CsvFileError(_("{f} is not a text file; save the sheet as CSV").format(f=what))
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise CsvFileError(
        _("{f} is neither UTF-8 nor GB18030 (GBK) text; save it from Excel as CSV").format(f=what)
    )


def _delimiter(text: str) -> str:
    """The delimiter that splits the first rows most evenly into the most columns."""
    sample = "\n".join(text.splitlines()[:SNIFF_ROWS])
    best, best_score = ",", (-1.0, 0)
    for candidate in DELIMITERS:
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=candidate) if r]
        except csv.Error:
            continue
        if not rows:
            continue
        widths = [len(r) for r in rows]
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = (widths.count(common) / len(widths), common)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _header_index(records: Sequence[Sequence[str]]) -> int | None:
    """The header row: the first of the top rows that names a known field in two or more
    filled cells, else the first row that holds anything."""
    first = None
    for index, record in enumerate(records[:HEADER_SEARCH]):
        filled = [cell for cell in record if cell.strip()]
        if not filled:
            continue
        if first is None:
            first = index
        if len(filled) >= 2 and any(f is not Field.IGNORE for f in propose(record)):
            return index
    if first is not None:
        return first
    return next((i for i, r in enumerate(records) if any(c.strip() for c in r)), None)


# the proposed mapping --------------------------------------------------------------------------


def header_key(header: str) -> str:
    """A header folded for comparison: width, case, spaces and punctuation ignored."""
    folded = unicodedata.normalize("NFKC", header).casefold()
    return re.sub(r"[\s\-_.:：()（）/#*'\"]+", "", folded)


_HEADERS: tuple[tuple[Field, str], ...] = (
    (
        Field.NAME,
        "name fullname displayname contactname contact 姓名 名字 全名 联系人 联系人姓名 "
        "客户姓名 联系人名称",
    ),
    (Field.FAMILY_NAME, "lastname familyname surname 姓 姓氏"),
    (Field.GIVEN_NAME, "firstname givenname 名"),
    (Field.MIDDLE_NAME, "middlename additionalname 中间名"),
    (
        Field.COMPANY,
        "company companyname organization organisation organizationname organization1name "
        "employer 公司 公司名称 单位 单位名称 工作单位 企业 企业名称 客户 客户名称 所属客户 机构 "
        "组织",
    ),
    (
        Field.DEPARTMENT,
        "department dept organizationdepartment organization1department 部门 所属部门",
    ),
    (
        Field.TITLE,
        "jobtitle position organizationtitle organization1title 职务 职位 职称 头衔 岗位",
    ),
    (
        Field.PHONE,
        "phone telephone tel mobile mobilephone cell cellphone mobilenumber phonenumber 手机 "
        "手机号 手机号码 电话 电话号码 联系电话 联系方式 移动电话 办公电话 座机 固定电话 "
        "商务电话 住宅电话",
    ),
    (
        Field.EMAIL,
        "email emailaddress mail 邮箱 电子邮件 电子邮箱 邮件 邮箱地址 电子邮件地址",
    ),
    (Field.BIRTHDAY, "birthday birthdate dateofbirth dob 生日 出生日期 出生年月 生日日期"),
    (Field.WECHAT, "wechat wechatid weixin 微信 微信号"),
    (Field.NOTES, "notes note remarks comments 备注 附注 说明"),
)
"""Headers (folded by `header_key`) that name a field outright."""
_KNOWN = {name: field for field, names in _HEADERS for name in names.split()}

_PATTERNS: tuple[tuple[re.Pattern[str], Field], ...] = (
    (re.compile(r"^phone\d+value$"), Field.PHONE),  # Google: "Phone 1 - Value"
    (re.compile(r"^email\d+value$"), Field.EMAIL),  # Google: "E-mail 1 - Value"
    (re.compile(r"^email\d*address$"), Field.EMAIL),  # Outlook: "E-mail 2 Address"
    (re.compile(r"^电子邮件\d*地址$"), Field.EMAIL),  # Outlook in Chinese
    (re.compile(r"^(?!.*(?:fax|pager|type|label))[a-z']*phone\d*$"), Field.PHONE),  # Outlook
    (re.compile(r"^(?!.*传真).*(?:电话\d*|手机\d*)$"), Field.PHONE),
)


def propose(headers: Sequence[str]) -> ColumnMap:
    """The field each column most likely holds, from its header (IGNORE when unknown).

    Outlook's "Title" is the courtesy title (Mr., Dr.) beside "Job Title", so it is left out
    when "Job Title" is there; Google's second and later organisations are left out.
    """
    keys = [header_key(h) for h in headers]
    courtesy_title = "jobtitle" in keys or "职务" in keys
    fields = []
    for key in keys:
        field = _KNOWN.get(key)
        if field is None and key == "title":
            field = Field.IGNORE if courtesy_title else Field.TITLE
        if field is None:
            field = next((f for pattern, f in _PATTERNS if pattern.match(key)), Field.IGNORE)
        fields.append(field)
    return tuple(fields)


def remap(table: Table, mapping: ColumnMap, changes: Sequence[str]) -> ColumnMap:
    """`mapping` with each `HEADER=FIELD` of `changes` applied (every column of that header).

    FIELD is a field's key (`phone`), its label, or `ignore` / `-` / nothing to leave the
    column out. MappingError names the unknown header or field.
    """
    fields = list(mapping)
    for change in changes:
        header, equals, wanted = change.rpartition("=")
        if not equals:
            raise MappingError(
                _("a column mapping is HEADER=FIELD, e.g. 手机=phone, not '{m}'").format(m=change)
            )
        field = parse_field(wanted)
        columns = [i for i, h in enumerate(table.headers) if h.strip() == header.strip()]
        if not columns:
            columns = [
                i for i, h in enumerate(table.headers) if header_key(h) == header_key(header)
            ]
        if not columns:
            raise MappingError(
                _("{f} has no column '{h}'; its columns are: {all}").format(
                    f=table.name, h=header, all=", ".join(table.headers)
                )
            )
        for column in columns:
            fields[column] = field
    return tuple(fields)


def parse_field(text: str) -> Field:
    """A field from its key or its label; MappingError lists the fields there are."""
    wanted = text.strip().casefold()
    if wanted in ("", "-"):
        return Field.IGNORE
    for field in Field:
        if wanted in (field.value, field_label(field).casefold()):
            return field
    raise MappingError(
        _("'{t}' is not a field; the fields are: {all}").format(
            t=text, all=", ".join(field.value for field in Field)
        )
    )


# rows to cards ---------------------------------------------------------------------------------

_EXCEL_TEXT = re.compile(r'^="((?:[^"]|"")*)"$')
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?E\+?\d+$", re.IGNORECASE)
_PHONE_SPLIT = re.compile(r"\s*(?::::|[;；,，、/\n|])\s*")
_EMAIL_SPLIT = re.compile(r"\s*(?::::|[;；,，\s])\s*")
_GOOGLE_SPLIT = re.compile(r"\s*:::\s*")


def to_cards(table: Table, mapping: ColumnMap, progress: Report | None = None) -> list[Card]:
    """A card for every row of `table`, its fields taken from the columns as `mapping` says."""
    if len(mapping) != len(table.headers):
        raise MappingError(_("the column mapping does not fit the file's columns"))
    columns: dict[Field, list[int]] = {}
    for column, field in enumerate(mapping):
        if field is not Field.IGNORE:
            columns.setdefault(field, []).append(column)
    day_first = _day_first(
        [cells[c] for _n, cells in table.rows for c in columns.get(Field.BIRTHDAY, [])]
    )
    cards = []
    total = len(table.rows)
    for done, (number, cells) in enumerate(table.rows):
        if progress is not None and done % REPORT_EVERY == 0:
            progress(done, total)
        cards.append(_card(number, cells, columns, day_first))
    if progress is not None:
        progress(total, total)
    return cards


def _text(cell: str) -> str:
    """A cell as text, with Excel's `="…"` unwrapped; never evaluated."""
    text = cell.strip()
    if wrapped := _EXCEL_TEXT.match(text):
        text = wrapped.group(1).replace('""', '"').strip()
    return text


def _card(
    number: int, cells: Sequence[str], columns: dict[Field, list[int]], day_first: bool
) -> Card:
    def values(field: Field) -> list[str]:
        return [text for c in columns.get(field, []) if (text := _text(cells[c]))]

    def first(field: Field) -> str:
        found = values(field)
        return found[0] if found else ""

    problems: list[str] = []
    phones: list[str] = []
    for cell in values(Field.PHONE):
        for phone in _PHONE_SPLIT.split(cell):
            if _SCIENTIFIC.match(phone):
                problems.append(
                    _(
                        "phone '{p}' was turned into a number by Excel; format the column as "
                        "text and save the file again"
                    ).format(p=phone)
                )
            elif phone:
                phones.append(phone)
    emails = [e for cell in values(Field.EMAIL) for e in _EMAIL_SPLIT.split(cell) if e]
    raw: dict[str, Any] = {
        "name": first(Field.NAME)
        or joined_name(*(" ".join(values(f)) for f in (FAMILY, GIVEN, MIDDLE))),
        "title": first(Field.TITLE),
        "department": first(Field.DEPARTMENT),
        "phones": unique_phones(phones),
        "emails": unique_emails(emails),
        "wechat_id": first(Field.WECHAT),
        "notes": "\n".join(values(Field.NOTES)).replace("\r\n", "\n"),
    }
    company = _GOOGLE_SPLIT.split(first(Field.COMPANY))[0]
    birthday: Birthday | None = None
    if written := first(Field.BIRTHDAY):
        birthday, problem = parse_birthday(written, day_first=day_first)
        if problem:
            problems.append(problem)
    return build_card(number, raw, company, birthday, problems, Unit.ROW)


def joined_name(family: str, given: str, middle: str = "") -> str:
    """A name from its parts: Chinese family name first with no space (张 + 三 → 张三), else
    given name first (John Smith)."""
    if CJK.search(family + given + middle):
        return family + middle + given
    return " ".join(part for part in (given, middle, family) if part)


def check_mapping(table: Table, mapping: ColumnMap) -> None:
    """MappingError unless some column gives the name (whole, or family and given name)."""
    if not NAME_FIELDS.intersection(mapping):
        raise MappingError(
            _(
                "no column of {f} is taken as the name; its columns are: {all} "
                "(name one with HEADER=name)"
            ).format(f=table.name, all=", ".join(table.headers))
        )


# birthdays -------------------------------------------------------------------------------------

_NO_DATE = frozenset({"0/0/00", "0/0/0000", "00/00/0000", "0000-00-00", "00-00", "--"})
"""What Outlook and others write for "no birthday"."""
_YEAR_FIRST = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}.*)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_LAST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[ T]\d{1,2}:\d{2}.*)?$")
_NO_YEAR = re.compile(r"^(?:--)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_NO_YEAR_COMPACT = re.compile(r"^--(\d{2})(\d{2})$")
_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        1,
    )
    for name in names.split()
}
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})[-\s]([a-z]+)\.?(?:[-\s,]+(\d{2}|\d{4}))?$")
_MONTH_NAME_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?$")


def _day_first(cells: Sequence[str]) -> bool:
    """Whether the file writes dates day first (15/01/1980): more of its dates can only be
    read that way than month first (1/15/1980, as Outlook writes them)."""
    day_first = month_first = 0
    for cell in cells:
        if found := _YEAR_LAST.match(_text(cell)):
            one, two = int(found.group(1)), int(found.group(2))
            day_first += one > 12 >= two
            month_first += two > 12 >= one
    return day_first > month_first


def parse_birthday(text: str, *, day_first: bool = False) -> tuple[Birthday | None, str | None]:
    """The birthday a cell gives, or why it is no date.

    Read: 1980-01-15, 1980/1/15, 1980.1.15, 1980年1月15日, 19800115, 1/15/1980 (or 15/01/1980
    when `day_first`), two-digit years, 15-Jan-80, Jan 15, 1980; without a year: --01-15,
    --0115, 01-15, 1月15日. Outlook's 0/0/00 is no birthday.
    """
    written = _text(text)
    text = written.lower()
    if not text or text in _NO_DATE:
        return None, None
    year: int | None = None
    month = day = 0
    if found := _YEAR_FIRST.match(text) or _COMPACT.match(text):
        year, month, day = (int(part) for part in found.groups())
    elif found := _YEAR_LAST.match(text):
        one, two, written_year = found.groups()
        month, day = (int(two), int(one)) if day_first else (int(one), int(two))
        year = _full_year(written_year)
    elif found := _NO_YEAR_COMPACT.match(text) or _NO_YEAR.match(text):
        month, day = (int(part) for part in found.groups())
    elif found := _DAY_MONTH_NAME.match(text):
        day, month = int(found.group(1)), _MONTH_NAMES.get(found.group(2), 0)
        year = _full_year(found.group(3)) if found.group(3) else None
    elif found := _MONTH_NAME_DAY.match(text):
        month, day = _MONTH_NAMES.get(found.group(1), 0), int(found.group(2))
        year = int(found.group(3)) if found.group(3) else None
    if not month:
        return None, _("birthday '{v}' is not a date (such as 1980-01-15 or 01-15)").format(
            v=written
        )
    return check_birthday(month, day, year, written)


def _full_year(written: str) -> int:
    """A year as written; two digits are the latest year so written that is not ahead."""
    year = int(written)
    if len(written) > 2:
        return year
    this_year = date.today().year
    year += this_year - this_year % 100
    return year if year <= this_year else year - 100


# which reader ----------------------------------------------------------------------------------


def is_vcard(path: Path | str) -> bool:
    """Whether a contacts file is a vCard file: it begins BEGIN:VCARD, or it is named .vcf.

    A file that cannot be opened counts by its name, so the reader for it says what is wrong.
    """
    path = Path(path)
    try:
        with path.open("rb") as file:
            head = file.read(4096)
    except OSError:
        head = b""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(codecs.BOM_UTF8).lstrip()
    if head[:11].upper() == b"BEGIN:VCARD":
        return True
    return path.suffix.lower() in (".vcf", ".vcard")
