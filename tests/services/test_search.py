"""Finding accounts and contacts the way a manager types: characters, pinyin, initials, phone."""

import pytest

from kamdesk.services.workbench import Workbench
from tests.conftest import Customer


def names(wb: Workbench, query: str) -> list[str]:
    return [hit.name for hit in wb.search(query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("单", "单田芳"),  # one character
        ("田芳", "单田芳"),  # two characters, inside the name
        ("欧阳娜娜", "欧阳娜娜"),  # four characters
        ("shantianfang", "单田芳"),  # full pinyin, surname read shan
        ("shant", "单田芳"),  # pinyin prefix
        ("stf", "单田芳"),  # initials
        ("zengguohua", "曾国华"),  # 曾 read zeng
        ("zgh", "曾国华"),
        ("ouyang", "欧阳娜娜"),
        ("oynn", "欧阳娜娜"),
        ("5678", "单田芳"),  # last digits of a phone
        ("1390000", "曾国华"),  # phone written with dashes, found by digits
        ("恒瑞", "苏州恒瑞精密机械有限公司"),  # company name fragment
        ("hengrui", "苏州恒瑞精密机械有限公司"),
        ("szhr", "苏州恒瑞精密机械有限公司"),
    ],
)
def test_search_finds_people_and_companies(
    wb: Workbench, customer: Customer, query: str, expected: str
) -> None:
    assert expected in names(wb, query)


@pytest.mark.parametrize(
    ("surname", "reading"),
    [
        ("单", "shan"),
        ("曾", "zeng"),
        ("仇", "qiu"),
        ("区", "ou"),
        ("解", "xie"),
        ("朴", "piao"),
        ("查", "zha"),
    ],
)
def test_heteronym_surnames_are_found_by_their_surname_reading(
    wb: Workbench, customer: Customer, surname: str, reading: str
) -> None:
    person = wb.contacts.create(account_id=customer.account.id, name=f"{surname}小明")
    hits = wb.search(f"{reading}xiaoming")
    assert hits and hits[0].id == person.id


def test_exact_matches_come_before_prefix_and_substring_matches(
    wb: Workbench, customer: Customer
) -> None:
    account = customer.account.id
    wb.contacts.create(account_id=account, name="李明")
    wb.contacts.create(account_id=account, name="李明华")
    wb.contacts.create(account_id=account, name="王李明")
    assert names(wb, "李明")[:3] == ["李明", "李明华", "王李明"]


def test_a_contact_hit_names_its_account(wb: Workbench, customer: Customer) -> None:
    hit = wb.search("stf")[0]
    assert hit.kind == "contact"
    assert hit.account_name == "苏州恒瑞精密机械有限公司"
    assert "董事长" in hit.detail


def test_renamed_contacts_are_found_by_the_new_name_only(wb: Workbench, customer: Customer) -> None:
    wb.contacts.update(customer.buyer.id, name="欧阳菲菲")
    assert "欧阳菲菲" in names(wb, "oyff")
    assert names(wb, "oynn") == []


def test_deleted_records_are_not_found_until_restored(wb: Workbench, customer: Customer) -> None:
    wb.accounts.delete(customer.account.id)
    assert names(wb, "恒瑞") == [] and names(wb, "stf") == []
    wb.accounts.restore(customer.account.id)
    assert "单田芳" in names(wb, "stf")


def test_a_changed_phone_number_is_searchable_and_the_old_one_is_not(
    wb: Workbench, customer: Customer
) -> None:
    wb.contacts.update(customer.owner.id, phones=["18600001234"])
    assert names(wb, "1860000") == ["单田芳"]  # from the start
    assert names(wb, "00001234") == ["单田芳"]  # the last 8 digits
    assert names(wb, "13812345678") == []


def test_search_results_are_limited_and_distinct(wb: Workbench, customer: Customer) -> None:
    for i in range(30):
        wb.contacts.create(account_id=customer.account.id, name=f"张{'伟芳明华强'[i % 5]}{i}")
    hits = wb.search("张", limit=10)
    assert len(hits) == 10
    assert len({h.id for h in hits}) == 10


def test_queries_that_match_nothing_or_nothing_at_all_return_no_hits(
    wb: Workbench, customer: Customer
) -> None:
    assert wb.search("xyzxyz") == []
    assert wb.search("   ") == []
    assert wb.search("!!") == []
