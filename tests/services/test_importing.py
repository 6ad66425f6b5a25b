"""Importing a phone's address book: one transaction, no duplicates, undoable."""

from __future__ import annotations

from typing import Any

import pytest

from kamdesk.domain.enums import AnniversaryKind, CalendarKind
from kamdesk.interchange.vcard import read_cards
from kamdesk.services.contacts import ContactService
from kamdesk.services.importing import (
    ImportRefused,
    import_contacts,
    preview,
    redo_import,
    undo_import,
)
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer

BOOK = """BEGIN:VCARD
VERSION:3.0
FN:欧阳娜娜
ORG:恒瑞精密
TITLE:采购经理
EMAIL:nana@hengrui.cn
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:邓;丽华;;;
ORG:苏州恒瑞精密机械有限公司;质量部
TITLE:质量经理
TEL;TYPE=CELL:137 0000 2222
BDAY:1982-11-02
NOTE:女儿在读高中
END:VCARD
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=8C=BA;=E5=BF=97=E5=BC=BA;;;
ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B9=BF=E5=B7=9E=E5=8D=97=E6=96=B9=E9=A3=9F=E5=93=81
TEL;CELL:13912345678
BDAY:--0618
X-WECHAT:ouzq_gz
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:查晓雯
ORG:广州南方食品
TEL:020-3888 6666
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:单先生
ORG:别的公司
TEL:+86 138 1234 5678
END:VCARD
""".replace("\n", "\r\n").encode()
"""欧阳娜娜 is already at 恒瑞精密 and 单先生 has 单田芳's phone: both duplicates."""

BROKEN = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\xe7\x8e\x8b\xe4\xba\x94\r\nTEL:12\r\nEND:VCARD\r\n"


def counts(wb: Workbench) -> tuple[int, int, int]:
    return wb.accounts.count(), len(wb.contacts.list()), len(wb.anniversaries.list())


def test_preview_counts_what_the_import_then_writes(wb: Workbench, customer: Customer) -> None:
    cards = read_cards(BOOK)
    planned = preview(wb, cards)
    assert planned.new_accounts == ("广州南方食品",)
    assert (planned.new_contacts, planned.duplicates, len(planned.problems)) == (3, 2, 0)
    assert counts(wb) == (1, 3, 0)  # a preview writes nothing

    result = import_contacts(wb, cards)
    assert counts(wb) == (2, 6, 2)
    assert len(result.contact_ids) == 3 and len(result.account_ids) == 1
    assert result.birthdays == 2


def test_imported_contacts_carry_every_field_and_a_solar_birthday(
    wb: Workbench, customer: Customer
) -> None:
    import_contacts(wb, read_cards(BOOK))
    deng = wb.contacts.resolve("邓丽华")
    assert deng.account_id == customer.account.id
    assert (deng.title, deng.department, deng.phones) == ("质量经理", "质量部", ["137 0000 2222"])
    assert deng.notes == "女儿在读高中"
    [birthday] = wb.anniversaries.list(contact_id=deng.id)
    assert birthday.kind is AnniversaryKind.BIRTHDAY and birthday.calendar is CalendarKind.SOLAR
    assert (birthday.month, birthday.day, birthday.year) == (11, 2, 1982)
    ou = wb.contacts.resolve("区志强")
    assert ou.wechat_id == "ouzq_gz"
    assert wb.accounts.get(ou.account_id).name == "广州南方食品"
    [no_year] = wb.anniversaries.list(contact_id=ou.id)
    assert (no_year.month, no_year.day, no_year.year) == (6, 18, None)
    assert [hit.name for hit in wb.search("qzq")] == ["区志强"]  # 区 read as a surname: Ōu
    assert [hit.name for hit in wb.search("2222")] == ["邓丽华"]


def test_importing_the_same_file_twice_creates_nothing_the_second_time(
    wb: Workbench, customer: Customer
) -> None:
    import_contacts(wb, read_cards(BOOK))
    before = counts(wb)
    again = import_contacts(wb, read_cards(BOOK))
    assert counts(wb) == before
    assert (again.plan.new_contacts, again.plan.duplicates, again.account_ids) == (0, 5, ())
    assert len(again.plan.existing_accounts) == 2


def test_any_problem_refuses_the_whole_import_unless_told_to_skip(
    wb: Workbench, customer: Customer
) -> None:
    cards = read_cards(BOOK + BROKEN)
    with pytest.raises(ImportRefused, match="1 of the cards have problems") as refused:
        import_contacts(wb, cards)
    assert refused.value.plan.problems[0].card.label() == "card 6 (王五)"
    assert counts(wb) == (1, 3, 0)
    result = import_contacts(wb, cards, skip_bad=True)
    assert len(result.contact_ids) == 3 and counts(wb) == (2, 6, 2)


def test_cards_without_org_go_to_the_account_asked_for(wb: Workbench, customer: Customer) -> None:
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\xe7\x8e\x8b\xe4\xba\x94\r\nEND:VCARD\r\n"
    with pytest.raises(ImportRefused):
        import_contacts(wb, read_cards(card))
    result = import_contacts(wb, read_cards(card), "恒瑞精密")
    assert wb.contacts.get(result.contact_ids[0]).account_id == customer.account.id


def test_a_failure_half_way_leaves_the_archive_as_it_was(
    wb: Workbench, customer: Customer, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ContactService.create_in
    calls: list[str] = []

    def second_fails(self: ContactService, session: Any, fields: Any) -> Any:
        calls.append(fields["name"])
        if len(calls) == 2:
            raise OSError("disk full")
        return real(self, session, fields)

    monkeypatch.setattr(ContactService, "create_in", second_fails)
    with pytest.raises(OSError, match="disk full"):
        import_contacts(wb, read_cards(BOOK))
    assert len(calls) == 2
    assert counts(wb) == (1, 3, 0)  # not the new account, not the first contact or birthday
    assert wb.search("广州南方") == []


def test_stopping_through_progress_writes_nothing(wb: Workbench, customer: Customer) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_contacts(wb, read_cards(BOOK), progress=progress)
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4)]  # 1 account + 3 contacts
    assert counts(wb) == (1, 3, 0)


def test_undo_removes_exactly_what_was_created_and_redo_brings_the_same_records_back(
    wb: Workbench, customer: Customer
) -> None:
    result = import_contacts(wb, read_cards(BOOK))
    undo_import(wb, result)
    assert counts(wb) == (1, 3, 0)
    assert wb.search("广州南方") == [] and wb.search("2222") == []
    redo_import(wb, result)
    assert counts(wb) == (2, 6, 2)
    assert {c.id for c in wb.contacts.list()} >= set(result.contact_ids)


def test_undo_tolerates_a_contact_deleted_by_hand_since(wb: Workbench, customer: Customer) -> None:
    result = import_contacts(wb, read_cards(BOOK))
    wb.contacts.delete(result.contact_ids[0])
    undo_import(wb, result)
    assert counts(wb) == (1, 3, 0)
