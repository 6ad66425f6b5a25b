"""Reading contacts from CSV files saved by Excel, Outlook and Google Contacts: decoding,
delimiters, the proposed column mapping, rows to cards, and problems by row."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest

from kamdesk.interchange.contacts_csv import (
    CsvFileError,
    Field,
    MappingError,
    check_mapping,
    is_vcard,
    parse_birthday,
    propose,
    read_table,
    read_table_file,
    remap,
    to_cards,
)
from kamdesk.interchange.vcard import Birthday, Card, Outcome, Unit
from kamdesk.services.importing import import_contacts, preview, undo_import
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer

OUTLOOK = (
    '"First Name","Middle Name","Last Name","Title","Company","Department","Job Title",'
    '"Business Phone","Business Fax","Mobile Phone","E-mail Address","E-mail 2 Address",'
    '"E-mail Display Name","Birthday","Notes"\r\n'
    '"建国","","张","先生","苏州恒瑞精密机械有限公司","采购部","采购总监","0512-6666 7777",'
    '"0512-6666 7778","138 1234 5678","zhangjg@hengrui.cn","","张建国 (zhangjg@hengrui.cn)",'
    '"8/9/1975","爱喝龙井, 不吃辣\r\n周末钓鱼"\r\n'
    '"John","Paul","Smith","Mr.","ACME Ltd.","","CEO","","","+1 415 555 0100",'
    '"john@acme.com","JOHN@acme.com","","0/0/00",""\r\n'
)
GOOGLE = (
    "Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,"
    "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,"
    "Phone 2 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,"
    "Organization 1 - Department,Organization 2 - Name\n"
    "欧阳娜娜,娜娜,,欧阳,--11-02,,* myContacts,* Work,nana@hengrui.cn,Mobile,"
    "139 0000 1111 ::: 137 0000 2222,Work,0512-6666 7777,,恒瑞精密,采购经理,采购部,别的公司\n"
)
CHINESE = (
    "重点客户通讯录（2026）\n"
    "序号,姓名,单位,部门,职务,手机,电子邮箱,生日,微信,备注\n"
    '1,区志强,广州南方食品有限公司,采购部,采购总监,="013912345678",ou@nanfang.cn,'
    "1979年4月1日,ouzq_gz,=1+1\n"
    ",,,,,,,,,\n"
    "2,查晓雯,广州南方食品有限公司,,经理,020-3888 6666,,1985/6/18,,\n"
)


def table_of(text: str, encoding: str = "utf-8-sig", name: str = "通讯录.csv"):  # type: ignore[no-untyped-def]
    return read_table(text.encode(encoding), name=name)


def cards_of(text: str, encoding: str = "utf-8-sig") -> list[Card]:
    table = table_of(text, encoding)
    return to_cards(table, propose(table.headers))


# the file ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8-sig", "utf-8-sig"),  # Excel's "CSV UTF-8"
        ("utf-8", "utf-8"),
        ("gbk", "gb18030"),  # Excel's plain "CSV" on a Chinese Windows
        ("gb18030", "gb18030"),
    ],
)
def test_the_encodings_excel_saves_are_recognised(encoding: str, expected: str) -> None:
    table = table_of(CHINESE, encoding)
    assert table.encoding == expected
    assert table.headers[1:4] == ("姓名", "单位", "部门")


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    text = CHINESE.replace(",", "\t")
    table = read_table(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert (table.encoding, table.delimiter) == ("utf-16", "\t")
    assert [cells[1] for _n, cells in table.rows] == ["区志强", "查晓雯"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_the_delimiter_is_found_from_the_rows(delimiter: str) -> None:
    table = table_of(CHINESE.replace(",", delimiter))
    assert table.delimiter == delimiter
    assert len(table.headers) == 10


def test_excels_sep_line_names_the_delimiter() -> None:
    table = table_of("sep=;\n姓名;公司;手机\n王五;南方食品;13600001111\n")
    assert table.delimiter == ";"
    assert table.headers == ("姓名", "公司", "手机")
    assert table.rows == ((3, ("王五", "南方食品", "13600001111")),)


def test_a_title_row_above_the_header_is_passed_over_and_rows_keep_excels_numbers() -> None:
    table = table_of(CHINESE)
    assert table.header_row == 2
    assert [number for number, _cells in table.rows] == [3, 5]  # row 4 is blank


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b" \r\n,,,\r\n", "is empty"),
        (b"PK\x03\x04\x00\x00binary", "is not a text file"),
        (b"name,phone\r\n\x80\xff,1\r\n", "neither UTF-8 nor GB18030"),
    ],
)
def test_a_file_that_is_no_csv_is_refused_with_a_sentence(content: bytes, message: str) -> None:
    with pytest.raises(CsvFileError, match=message):
        read_table(content, name="x.csv")


def test_a_missing_file_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(CsvFileError, match="cannot be read"):
        read_table_file(tmp_path / "nowhere.csv")


def test_vcard_or_csv_is_told_by_content_then_by_name(tmp_path: Path) -> None:
    card = tmp_path / "phone.txt"
    card.write_bytes(codecs.BOM_UTF8 + b"\r\nBEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n")
    sheet = tmp_path / "book.csv"
    sheet.write_text("姓名,手机\n", encoding="utf-8")
    named = tmp_path / "empty.vcf"
    named.write_bytes(b"name,phone\r\n")
    assert is_vcard(card) and not is_vcard(sheet) and is_vcard(named)
    assert is_vcard(tmp_path / "missing.vcf") and not is_vcard(tmp_path / "missing.csv")


# the proposed mapping ---------------------------------------------------------------------------


def test_outlook_columns_are_recognised_and_its_courtesy_title_left_out() -> None:
    table = table_of(OUTLOOK)
    assert propose(table.headers) == (
        Field.GIVEN_NAME,
        Field.MIDDLE_NAME,
        Field.FAMILY_NAME,
        Field.IGNORE,  # "Title" is 先生 / Mr. beside "Job Title"
        Field.COMPANY,
        Field.DEPARTMENT,
        Field.TITLE,
        Field.PHONE,
        Field.IGNORE,  # a fax is no phone to call
        Field.PHONE,
        Field.EMAIL,
        Field.EMAIL,
        Field.IGNORE,
        Field.BIRTHDAY,
        Field.NOTES,
    )


def test_google_columns_are_recognised_and_a_second_organisation_left_out() -> None:
    mapping = propose(table_of(GOOGLE).headers)
    assert mapping == (
        Field.NAME,
        Field.GIVEN_NAME,
        Field.MIDDLE_NAME,
        Field.FAMILY_NAME,
        Field.BIRTHDAY,
        Field.NOTES,
        Field.IGNORE,
        Field.IGNORE,
        Field.EMAIL,
        Field.IGNORE,
        Field.PHONE,
        Field.IGNORE,
        Field.PHONE,
        Field.IGNORE,
        Field.COMPANY,
        Field.TITLE,
        Field.DEPARTMENT,
        Field.IGNORE,
    )


def test_chinese_headers_are_recognised_whatever_the_width_and_spacing() -> None:
    headers = ("姓 名", "公司名称", "职位", "手机号码", "办公电话", "传真", "E-mail", "出生日期")
    assert propose(headers) == (
        Field.NAME,
        Field.COMPANY,
        Field.TITLE,
        Field.PHONE,
        Field.PHONE,
        Field.IGNORE,
        Field.EMAIL,
        Field.BIRTHDAY,
    )
    assert propose(("ＮＡＭＥ", "Ｅ－ｍａｉｌ", "序号"))[:2] == (Field.NAME, Field.EMAIL)


def test_the_user_changes_the_mapping_by_header_and_field() -> None:
    table = table_of(CHINESE)
    mapping = remap(table, propose(table.headers), ["备注=ignore", "序号=notes", " 微信 = - "])
    assert mapping[0] == Field.NOTES and mapping[8] == Field.IGNORE and mapping[9] == Field.IGNORE
    assert remap(table, mapping, ["单位=company (account)"])[2] == Field.COMPANY  # by its label
    with pytest.raises(MappingError, match="has no column '地址'"):
        remap(table, mapping, ["地址=notes"])
    with pytest.raises(MappingError, match="'fax' is not a field"):
        remap(table, mapping, ["手机=fax"])
    with pytest.raises(MappingError, match="HEADER=FIELD"):
        remap(table, mapping, ["手机"])


def test_a_mapping_without_a_name_column_is_refused_before_reading_rows() -> None:
    table = table_of("编号,电话\n1,13600001111\n")
    with pytest.raises(MappingError, match=r"no column of 通讯录\.csv is taken as the name"):
        check_mapping(table, propose(table.headers))
    check_mapping(table, remap(table, propose(table.headers), ["编号=name"]))


# rows to cards ----------------------------------------------------------------------------------


def test_outlook_rows_become_the_same_cards_as_vcards() -> None:
    zhang, smith = cards_of(OUTLOOK)
    assert zhang.problems == ()
    assert (zhang.number, zhang.unit, zhang.name, zhang.company) == (
        2,
        Unit.ROW,
        "张建国",  # family + given, no space
        "苏州恒瑞精密机械有限公司",
    )
    assert zhang.fields == {
        "title": "采购总监",
        "department": "采购部",
        "phones": ["0512-6666 7777", "138 1234 5678"],
        "emails": ["zhangjg@hengrui.cn"],
        "notes": "爱喝龙井, 不吃辣\n周末钓鱼",
    }
    assert zhang.birthday == Birthday(8, 9, 1975)  # Outlook writes month first
    assert smith.name == "John Paul Smith" and smith.birthday is None  # 0/0/00: none
    assert smith.fields["emails"] == ["john@acme.com"]
    assert smith.label() == "row 3 (John Paul Smith)"


def test_google_rows_split_their_multi_value_cells() -> None:
    [nana] = cards_of(GOOGLE)
    assert (nana.name, nana.company, nana.birthday) == (
        "欧阳娜娜",
        "恒瑞精密",
        Birthday(11, 2, None),
    )
    assert nana.fields["phones"] == ["139 0000 1111", "137 0000 2222", "0512-6666 7777"]
    assert nana.fields["title"] == "采购经理" and nana.fields["department"] == "采购部"


def test_a_chinese_full_name_is_kept_as_it_is() -> None:
    [one] = cards_of("姓名,公司\n欧阳 娜娜,恒瑞\n")
    [two] = cards_of("名,姓,公司\n三,张,恒瑞\n")
    assert (one.name, two.name) == ("欧阳 娜娜", "张三")


def test_cells_are_text_and_never_evaluated() -> None:
    zhang, _zha = cards_of(CHINESE)
    assert zhang.fields["notes"] == "=1+1"
    assert zhang.fields["phones"] == ["013912345678"]  # ="…" unwrapped, leading 0 kept
    [odd] = cards_of('姓名,公司,备注\n"=HYPERLINK(""http://x"",""y"")",@SUM(1),+1\n')
    assert odd.name == '=HYPERLINK("http://x","y")'
    assert (odd.company, odd.fields["notes"]) == ("@SUM(1)", "+1")


def test_problems_are_per_row_and_never_stop_the_reading() -> None:
    text = (
        "姓名,公司,手机,邮箱,生日\n"
        "赵六,南方食品,13600001111,,1990-13-01\n"
        ",南方食品,13600002222,,\n"
        "钱七,南方食品,1.38123E+12,qian@,\n"
        "孙八,南方食品,13600003333,,1980-02-28\n"
    )
    zhao, nobody, qian, sun = cards_of(text)
    assert zhao.problems == ("birthday 1990-13-01: month must be 1 to 12",)
    assert nobody.problems == ("no name",) and nobody.label() == "row 3"
    assert qian.problems == (
        "'qian@' is not an e-mail address (name@example.com)",
        "phone '1.38123E+12' was turned into a number by Excel; format the column as text and "
        "save the file again",
    )
    assert sun.problems == () and sun.birthday == Birthday(2, 28, 1980)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1980-01-15", Birthday(1, 15, 1980)),
        ("1980/1/5", Birthday(1, 5, 1980)),
        ("1980.1.5", Birthday(1, 5, 1980)),
        ("1980年1月5日", Birthday(1, 5, 1980)),
        ("19800115", Birthday(1, 15, 1980)),
        ("1980/1/15 0:00", Birthday(1, 15, 1980)),
        ("1/15/1980", Birthday(1, 15, 1980)),
        ("15-Jan-80", Birthday(1, 15, 1980)),
        ("Jan 15, 1980", Birthday(1, 15, 1980)),
        ("--01-15", Birthday(1, 15, None)),
        ("--0115", Birthday(1, 15, None)),
        ("01-15", Birthday(1, 15, None)),
        ("1月15日", Birthday(1, 15, None)),
        ("0/0/00", None),
    ],
)
def test_birthdays_in_the_ways_excel_and_address_books_write_them(
    written: str, expected: Birthday | None
) -> None:
    assert parse_birthday(written) == (expected, None)


def test_two_digit_years_are_not_in_the_future() -> None:
    this_year = date.today().year % 100
    assert parse_birthday(f"1/1/{this_year:02d}")[0] == Birthday(1, 1, date.today().year)
    later = (this_year + 1) % 100
    born = parse_birthday(f"1/1/{later:02d}")[0]
    assert born is not None and born.year is not None and born.year <= date.today().year


def test_a_file_of_day_first_dates_is_read_day_first() -> None:
    text = "姓名,公司,生日\n甲,乙,15/01/1980\n丙,乙,03/04/1985\n"
    first, second = cards_of(text)
    assert (first.birthday, second.birthday) == (Birthday(1, 15, 1980), Birthday(4, 3, 1985))


def test_a_birthday_that_is_no_date_says_what_was_written() -> None:
    assert parse_birthday("生日快乐") == (
        None,
        "birthday '生日快乐' is not a date (such as 1980-01-15 or 01-15)",
    )
    assert parse_birthday("2/30/1980")[1] == "birthday 2/30/1980: month 2 has only 29 days"


# into the archive -------------------------------------------------------------------------------


def test_duplicates_are_found_as_for_vcards_and_the_import_is_undoable(
    wb: Workbench, customer: Customer
) -> None:
    text = (
        "姓名,公司,手机,生日\n"
        "欧阳娜娜,恒瑞精密,,\n"  # the same name at the same company
        "单先生,别的公司,+86 138 1234 5678,\n"  # 单田芳's phone
        "邓丽华,苏州恒瑞精密机械有限公司,137 0000 2222,1982-11-02\n"
        "王五,,13600001111,\n"  # no company: goes to the account given
    )
    cards = cards_of(text, "gb18030")
    planned = preview(wb, cards, "个人通讯录")
    assert [e.outcome for e in planned.cards] == [
        Outcome.DUPLICATE,
        Outcome.DUPLICATE,
        Outcome.NEW,
        Outcome.NEW,
    ]
    assert planned.new_accounts == ("个人通讯录",)
    result = import_contacts(wb, cards, "个人通讯录")
    assert len(result.contact_ids) == 2 and result.birthdays == 1
    assert wb.contacts.get(result.contact_ids[0]).account_id == customer.account.id
    undo_import(wb, result)
    assert len(wb.contacts.list()) == 3 and wb.accounts.count() == 1


def test_a_row_without_a_company_is_a_problem_until_an_account_is_given(
    wb: Workbench, customer: Customer
) -> None:
    planned = preview(wb, cards_of("姓名,手机\n王五,13600001111\n"))
    assert planned.problems[0].reason == "no company; choose an account for such contacts"
    assert preview(wb, cards_of("姓名,手机\n王五,13600001111\n"), "恒瑞精密").new_contacts == 1
