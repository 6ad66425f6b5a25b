"""Writing contacts to a vCard 3.0 file: what each card says, escaping and folding, what is left
out, and that both our reader and vobject read the same people back."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject

from kamdesk.interchange import files
from kamdesk.interchange.files import ExportError
from kamdesk.interchange.vcard import Birthday, read_file
from kamdesk.interchange.vcard_out import (
    ExportedContact,
    card_text,
    escape,
    export_contacts,
    fold,
    name_parts,
)
from kamdesk.services.workbench import Workbench
from tests.conftest import SENSITIVE_VALUES, Customer

LONG_NOTE = "爱喝龙井，不吃辣；周末钓鱼, 下午三点后方便\n" + "二期厂房扩建需要三十台数控机床" * 6


@pytest.fixture
def book(wb: Workbench, rich_customer: Customer) -> Customer:
    """The rich customer, with birthdays of each kind and a second account."""
    c = rich_customer
    aid = c.account.id
    wb.contacts.update(
        c.vp.id,
        department="管理层",
        emails=["zeng@hengrui.cn"],
        wechat_id="zgh_1970",
        notes=LONG_NOTE,
    )
    wb.anniversaries.create(
        account_id=aid, contact_id=c.vp.id, kind="birthday", month=3, day=8, year=1970
    )
    wb.anniversaries.create(
        account_id=aid, contact_id=c.buyer.id, kind="birthday", month=11, day=2, year=None
    )
    other = wb.accounts.create(name="广州南方食品有限公司")
    wb.contacts.create(account_id=other.id, name="John Paul Smith", phones=["+1 415 555 0100"])
    return c


def cards_in(path: Path) -> list[vobject.base.Component]:
    return list(vobject.readComponents(path.read_text(encoding="utf-8")))


def test_every_live_contact_becomes_one_card_read_back_the_same_by_both_readers(
    wb: Workbench, book: Customer, tmp_path: Path
) -> None:
    path = tmp_path / "通讯录.vcf"
    assert export_contacts(wb, path) == 4
    ours = {card.name: card for card in read_file(path)}
    assert sorted(ours) == ["John Paul Smith", "单田芳", "曾国华", "欧阳娜娜"]
    theirs = {card.fn.value: card for card in cards_in(path)}
    assert sorted(theirs) == sorted(ours)
    for name, card in ours.items():
        other = theirs[name]
        phones = [line.value for line in other.contents.get("tel", [])]
        assert card.fields.get("phones", []) == phones
        bday = other.contents.get("bday")
        assert (bday[0].value if bday else None) == (
            None if card.birthday is None else _bday(card.birthday)
        )
    assert ours["曾国华"].birthday == Birthday(3, 8, 1970)
    assert ours["欧阳娜娜"].birthday == Birthday(11, 2, None)
    # 单田芳's birthdays: a lunar one (vCard has none) and his mother's (not his): no BDAY
    assert ours["单田芳"].birthday is None
    vp = ours["曾国华"]
    assert vp.company == "苏州恒瑞精密机械有限公司" and vp.fields["department"] == "管理层"
    assert vp.fields["notes"] == LONG_NOTE and vp.fields["wechat_id"] == "zgh_1970"
    assert theirs["曾国华"].note.value == LONG_NOTE
    assert theirs["欧阳娜娜"].n.value.family == "欧阳"


def _bday(born: Birthday) -> str:
    if born.year is None:
        return f"--{born.month:02d}{born.day:02d}"
    return f"{born.year:04d}-{born.month:02d}-{born.day:02d}"


def test_a_card_says_each_field_in_vcard_30(book: Customer) -> None:
    contact = ExportedContact(
        "a1b2",
        "曾国华",
        "苏州恒瑞精密机械有限公司",
        "管理层",
        "副总经理",
        ("139-0000-1111", "0512-6666 7777"),
        ("zeng@hengrui.cn",),
        "zgh_1970",
        "第一行\n第二行",
        Birthday(3, 8, 1970),
    )
    assert card_text(contact).split("\r\n") == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "PRODID:-//kamdesk//kamdesk contacts//ZH",
        "UID:urn:uuid:a1b2",
        "FN:曾国华",
        "N:曾;国华;;;",
        "ORG:苏州恒瑞精密机械有限公司;管理层",
        "TITLE:副总经理",
        "TEL;TYPE=CELL:139-0000-1111",
        "TEL;TYPE=WORK,VOICE:0512-6666 7777",
        "EMAIL;TYPE=INTERNET:zeng@hengrui.cn",
        "BDAY:1970-03-08",
        "X-WECHAT:zgh_1970",
        "NOTE:第一行\\n第二行",
        "END:VCARD",
        "",
    ]


def test_text_is_escaped() -> None:
    assert escape("a,b;c\\d\r\ne\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_long_lines_fold_at_75_octets_without_cutting_a_character() -> None:
    line = "NOTE:" + "龙井" * 60 + "abc"
    folded = fold(line)
    physical = folded.split("\r\n")
    assert len(physical) > 1
    assert all(len(p.encode("utf-8")) <= 75 for p in physical)
    assert all(p.startswith(" ") for p in physical[1:])
    for piece in physical:
        piece.encode("utf-8").decode("utf-8")  # each piece is whole characters
    assert "".join(p.removeprefix(" ") if i else p for i, p in enumerate(physical)) == line
    assert fold("FN:张三") == "FN:张三"


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("张三", ("张", "三", "")),
        ("欧阳娜娜", ("欧阳", "娜娜", "")),
        ("欧阳", ("欧", "阳", "")),
        ("买买提·艾力", ("艾力", "买买提", "")),
        ("John Paul Smith", ("Smith", "John", "Paul")),
        ("Madonna", ("", "Madonna", "")),
    ],
)
def test_n_splits_the_name_as_its_language_does(name: str, parts: tuple[str, str, str]) -> None:
    assert name_parts(name) == parts


def test_sensitive_fields_are_left_out_unless_asked_for(
    wb: Workbench, book: Customer, tmp_path: Path
) -> None:
    plain, full = tmp_path / "plain.vcf", tmp_path / "full.vcf"
    export_contacts(wb, plain)
    export_contacts(wb, full, include_sensitive=True)
    text = plain.read_text(encoding="utf-8")
    assert not [value for value in SENSITIVE_VALUES if value in text]
    assert "X-KAMDESK" not in text
    owner = next(c for c in cards_in(full) if c.fn.value == "单田芳")
    assert owner.contents["x-kamdesk-health-notes"][0].value == SENSITIVE_VALUES[0]
    assert owner.contents["x-kamdesk-children"][0].value == SENSITIVE_VALUES[3]
    assert SENSITIVE_VALUES[4] not in full.read_text(encoding="utf-8")  # not a contact column


def test_a_birthday_marked_sensitive_goes_only_when_asked_for(
    wb: Workbench, customer: Customer, tmp_path: Path
) -> None:
    wb.anniversaries.create(
        account_id=customer.account.id,
        contact_id=customer.vp.id,
        kind="birthday",
        month=5,
        day=1,
        year=1970,
        sensitivity="sensitive",
    )
    export_contacts(wb, tmp_path / "a.vcf")
    export_contacts(wb, tmp_path / "b.vcf", include_sensitive=True)
    assert "BDAY" not in (tmp_path / "a.vcf").read_text(encoding="utf-8")
    assert "BDAY:1970-05-01" in (tmp_path / "b.vcf").read_text(encoding="utf-8")


def test_only_the_accounts_asked_for_and_never_deleted_contacts(
    wb: Workbench, book: Customer, tmp_path: Path
) -> None:
    wb.contacts.delete(book.buyer.id)
    path = tmp_path / "恒瑞.vcf"
    assert export_contacts(wb, path, [book.account.id]) == 2
    assert [c.name for c in read_file(path)] == ["单田芳", "曾国华"]


def test_a_failed_write_leaves_no_file_and_keeps_an_older_one(
    wb: Workbench, book: Customer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "通讯录.vcf"
    path.write_text("older", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full_disk)
    with pytest.raises(ExportError, match=r"cannot write .*No space left on device"):
        export_contacts(wb, path)
    assert path.read_text(encoding="utf-8") == "older"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
    with pytest.raises(ExportError, match="cannot write"):
        export_contacts(wb, tmp_path / "no such folder" / "x.vcf")
