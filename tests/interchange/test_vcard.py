"""Reading phone address books (.vcf) and planning an import, with no archive involved."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamdesk.interchange import vcard
from kamdesk.interchange.vcard import (
    Birthday,
    Card,
    Known,
    KnownAccount,
    KnownContact,
    Outcome,
    VCardFileError,
    plan,
    read_cards,
    read_file,
)


def vcf(*cards: str) -> bytes:
    """A file of cards, each given as lines joined by newlines; written with CRLF."""
    text = "".join(
        "BEGIN:VCARD\r\n" + card.strip("\n").replace("\n", "\r\n") + "\r\nEND:VCARD\r\n"
        for card in cards
    )
    return text.encode("utf-8")


ZHANG_30 = """VERSION:3.0
N:张;建国;;;
FN:张建国
ORG:苏州恒瑞精密机械有限公司;采购部
TITLE:采购总监
TEL;TYPE=CELL:138 1234 5678
TEL;TYPE=WORK,VOICE:0512-6666 7777
TEL;TYPE=HOME:+86 138 1234 5678
EMAIL;TYPE=INTERNET:zhangjg@hengrui.cn
EMAIL:ZhangJG@hengrui.cn
BDAY:1975-08-09
NOTE:爱喝龙井, 不吃辣\\n周末钓鱼
X-WECHAT:zjg_1975"""


def test_a_chinese_30_card_fills_the_contact_columns() -> None:
    [card] = read_cards(vcf(ZHANG_30))
    assert card.problems == ()
    assert (card.number, card.name, card.company) == (1, "张建国", "苏州恒瑞精密机械有限公司")
    assert card.fields == {
        "title": "采购总监",
        "department": "采购部",
        "phones": ["138 1234 5678", "0512-6666 7777"],  # +86 138… is the same number
        "emails": ["zhangjg@hengrui.cn"],
        "wechat_id": "zjg_1975",
        "notes": "爱喝龙井, 不吃辣\n周末钓鱼",  # an unescaped comma does not cut the note
    }
    assert card.birthday == Birthday(8, 9, 1975)


def test_a_name_from_n_alone_is_family_then_given_with_no_space_in_chinese() -> None:
    cards = read_cards(vcf("VERSION:3.0\nN:欧阳;娜娜;;;", "VERSION:3.0\nN:Smith;John;Paul;Dr.;"))
    assert [c.name for c in cards] == ["欧阳娜娜", "John Paul Smith"]


def test_quoted_printable_21_values_with_soft_line_breaks_are_decoded() -> None:
    card = """VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E;=E5=9B=9B;;;
ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=AD=E5=B7=9E=E4=B8=B0=E6=BA=90=E9=99=B6=
=E7=93=B7
NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=AC=AC=E4=B8=80=E8=A1=8C=0D=0A=E7=AC=AC=E4=BA=8C=E8=A1=8C
TEL;CELL;VOICE:13912345678"""
    [read] = read_cards(vcf(card))
    assert (read.name, read.company) == ("李四", "杭州丰源陶瓷")
    assert read.fields["notes"] == "第一行\n第二行"
    assert read.fields["phones"] == ["13912345678"]


def test_gbk_files_from_chinese_phones_and_utf8_with_bom_read_the_same() -> None:
    text = "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=GBK:曾;国华\r\nORG:恒瑞精密\r\nEND:VCARD\r\n"
    gbk = read_cards(text.encode("gb18030"))
    bom = read_cards(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert [(c.name, c.company, c.problems) for c in gbk + bom] == [("曾国华", "恒瑞精密", ())] * 2


def test_quoted_printable_in_gb2312_is_read_as_gb18030() -> None:
    encoded = "".join(f"={b:02X}" for b in "单田芳".encode("gb18030"))
    [card] = read_cards(vcf(f"VERSION:2.1\nFN;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:{encoded}"))
    assert card.name == "单田芳" and card.problems == ()


def test_folded_lines_are_joined() -> None:
    card = "VERSION:3.0\nFN:区志强\nNOTE:客户很重视交期，每次拜访前先\n 确认库存；喜欢\n\t聊足球"
    [read] = read_cards(vcf(card))
    assert read.fields["notes"] == "客户很重视交期，每次拜访前先确认库存；喜欢聊足球"


def test_version_40_phone_uris_and_birthdays_without_a_year() -> None:
    card = """VERSION:4.0
FN:王磊
TEL;VALUE=uri;TYPE="cell,voice":tel:+86-139-1111-2222
TEL;VALUE=uri;TYPE=work:tel:+86-512-6666-7777;ext=123
EMAIL:mailto:wanglei@fengyuan.cn
BDAY:--0315"""
    [read] = read_cards(vcf(card))
    assert read.problems == ()
    assert read.fields["phones"] == ["+86-139-1111-2222", "+86-512-6666-7777 ext 123"]
    assert read.fields["emails"] == ["wanglei@fengyuan.cn"]
    assert read.birthday == Birthday(3, 15, None)


@pytest.mark.parametrize(
    ("bday", "expected"),
    [
        ("19680917", Birthday(9, 17, 1968)),
        ("1968-09-17T00:00:00Z", Birthday(9, 17, 1968)),
        ("--09-17", Birthday(9, 17, None)),
        ("--0229", Birthday(2, 29, None)),
    ],
)
def test_birthday_forms(bday: str, expected: Birthday) -> None:
    [card] = read_cards(vcf(f"VERSION:3.0\nFN:查晓雯\nBDAY:{bday}"))
    assert card.birthday == expected and card.problems == ()


def test_apples_no_year_birthday_keeps_only_month_and_day() -> None:
    [card] = read_cards(vcf("VERSION:3.0\nFN:查晓雯\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-05-03"))
    assert card.birthday == Birthday(5, 3, None) and card.problems == ()


def test_every_problem_of_a_card_is_reported_with_its_number_and_name() -> None:
    bad = """VERSION:3.0
FN:欧阳娜娜
TEL:12-34
TEL:138 1234 5678
EMAIL:nana at hengrui
BDAY:1990-02-30"""
    cards = read_cards(vcf("VERSION:3.0\nFN:单田芳", bad, "VERSION:3.0\nTEL:13912345678"))
    assert cards[0].problems == ()
    assert cards[1].label() == "card 2 (欧阳娜娜)"
    assert cards[1].problems == (
        "phone '12-34' should have 5 to 15 digits",
        "'nana at hengrui' is not an e-mail address (name@example.com)",
        "birthday 1990-02-30: month 2 has only 28 days",
    )
    assert cards[2].label() == "card 3" and cards[2].problems == ("no name (FN or N)",)


@pytest.mark.parametrize(
    ("bday", "problem"),
    [
        ("someday", "birthday 'someday' is not a date (YYYY-MM-DD or --MMDD)"),
        ("--1301", "birthday --1301: month must be 1 to 12"),
        ("1850-01-01", "birthday 1850-01-01: the year must be from 1900 to this year"),
    ],
)
def test_a_birthday_that_is_no_real_date_is_a_problem(bday: str, problem: str) -> None:
    [card] = read_cards(vcf(f"VERSION:3.0\nFN:曾国华\nBDAY:{bday}"))
    assert card.problems == (problem,) and card.birthday is None


def test_too_long_values_are_problems_the_services_would_raise() -> None:
    [card] = read_cards(vcf(f"VERSION:3.0\nFN:曾国华\nTITLE:{'总' * 101}\nORG:{'公' * 201}"))
    assert card.problems == (
        "title: at most 100 characters",
        "company (ORG): at most 200 characters",
    )


def test_a_broken_card_is_reported_and_the_others_still_read() -> None:
    data = vcf(
        "VERSION:3.0\nFN:单田芳", "VERSION:3.0\nFN:曾国华\nthis line has no colon", "FN:欧阳娜娜"
    )
    cards = read_cards(data)
    assert [c.name for c in cards] == ["单田芳", "曾国华", "欧阳娜娜"]
    assert cards[1].problems == ("line 8 cannot be read",)  # counted in the file
    assert cards[0].problems == cards[2].problems == ()


def test_a_card_cut_off_before_end_is_a_problem() -> None:
    data = vcf("VERSION:3.0\nFN:单田芳") + b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\xe6\x9b\xbe\r\n"
    cards = read_cards(data)
    assert cards[1].problems == ("the card is cut off (no END:VCARD)",)
    assert cards[1].name == "曾"


def test_a_card_in_no_known_encoding_is_a_problem() -> None:
    data = vcf("VERSION:3.0\nFN:单田芳") + b"BEGIN:VCARD\r\nFN:\xff\xfe\xff\r\nEND:VCARD\r\n"
    cards = read_cards(data)
    assert cards[1].problems == ("the text is neither UTF-8 nor GB18030 (GBK)",)


def test_photos_are_skipped_even_when_their_lines_are_not_indented() -> None:
    card = """VERSION:2.1
FN:单田芳
PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD
/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwc

TEL:13812345678"""
    [read] = read_cards(vcf(card))
    assert read.problems == () and read.fields["phones"] == ["13812345678"]


def test_an_embedded_agent_card_does_not_mix_into_its_owner() -> None:
    card = "VERSION:2.1\nFN:单田芳\nAGENT:\nBEGIN:VCARD\nFN:秘书小王\nTEL:13900000000\nEND:VCARD"
    [read] = read_cards(vcf(card))
    assert read.name == "单田芳" and "phones" not in read.fields


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "contacts.vcf is empty"),
        (b"  \r\n", "contacts.vcf is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "contacts.vcf is not a text file"),
        ("姓名,电话\n张三,13812345678\n".encode(), "contacts.vcf holds no contact cards"),
    ],
)
def test_a_file_that_is_no_vcard_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(VCardFileError, match=message):
        read_cards(data, name="contacts.vcf")


def test_utf16_exports_are_read() -> None:
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:区志强\r\nEND:VCARD\r\n"
    [card] = read_cards(text.encode("utf-16"))
    assert card.name == "区志强"


def test_files_over_the_size_limit_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.vcf"
    path.write_bytes(vcf("VERSION:3.0\nFN:单田芳") * 10)
    monkeypatch.setattr(vcard, "MAX_BYTES", 200)
    with pytest.raises(VCardFileError, match=r"^big\.vcf is larger than"):
        read_file(path)


def test_a_missing_file_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(VCardFileError, match="cannot be read: No such file or directory"):
        read_file(tmp_path / "nowhere.vcf")


def test_reading_reports_progress_per_card() -> None:
    seen: list[tuple[int, int]] = []
    read_cards(vcf("FN:甲", "FN:乙"), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 2), (1, 2), (2, 2)]


# planning ---------------------------------------------------------------------------------------

HENGRUI = KnownAccount("a1", "苏州恒瑞精密机械有限公司", "恒瑞精密")
KNOWN = Known(
    [HENGRUI, KnownAccount("a2", "杭州丰源陶瓷股份有限公司", "")],
    [
        KnownContact("c1", "a1", "单田芳", ("13812345678",)),
        KnownContact("c2", "a2", "王磊", ("0571-8888 9999",)),
    ],
)


def card(number: int, name: str, company: str = "", *phones: str) -> Card:
    fields = {"phones": list(phones)} if phones else {}
    return Card(number, name, company, fields, None, ())


def outcomes(the_plan: vcard.Plan) -> list[tuple[str, Outcome, str]]:
    return [(e.card.name, e.outcome, e.account) for e in the_plan.cards]


def test_a_contact_already_at_the_account_or_with_a_known_phone_is_a_duplicate() -> None:
    result = plan(
        [
            card(1, "单田芳", "恒瑞精密"),  # same account (by short name), same name
            card(2, "王小磊", "某公司", "+86 571 8888 9999"),  # 王磊's phone, other company
            card(3, "曾国华", "苏州恒瑞精密机械有限公司", "139-0000-1111"),
        ],
        KNOWN,
    )
    assert outcomes(result) == [
        ("单田芳", Outcome.DUPLICATE, HENGRUI.name),
        ("王小磊", Outcome.DUPLICATE, "某公司"),
        ("曾国华", Outcome.NEW, HENGRUI.name),
    ]
    assert result.cards[0].reason == "单田芳 is already at 苏州恒瑞精密机械有限公司"
    assert result.cards[1].reason == "the phone number of 王磊 (杭州丰源陶瓷股份有限公司)"
    assert result.cards[2].account_id == "a1" and result.new_accounts == ()
    assert result.existing_accounts == ("a1",)
    assert (result.new_contacts, result.duplicates, result.problems) == (1, 2, [])


def test_each_distinct_company_becomes_one_new_account() -> None:
    result = plan(
        [
            card(1, "区志强", "广州南方食品有限公司"),
            card(2, "查晓雯", "广州南方食品有限公司 "),
            card(3, "Li Lei", "ACME（中国）"),
            card(4, "Han Meimei", "acme(中国)"),  # width and case folded
        ],
        KNOWN,
    )
    assert result.new_accounts == ("广州南方食品有限公司", "ACME（中国）")
    assert [e.account for e in result.cards] == [
        "广州南方食品有限公司",
        "广州南方食品有限公司",
        "ACME（中国）",
        "ACME（中国）",
    ]
    assert all(e.new_account for e in result.cards)


def test_the_same_person_twice_in_a_file_is_imported_once() -> None:
    result = plan(
        [
            card(1, "区志强", "南方食品", "13900001111"),
            card(2, "区志强", "南方食品"),
            card(3, "区生", "别的公司", "139 0000 1111"),
        ],
        KNOWN,
    )
    assert [e.outcome for e in result.cards] == [Outcome.NEW, Outcome.DUPLICATE, Outcome.DUPLICATE]
    assert result.cards[2].reason == "the same person as card 1 (区志强)"
    assert result.new_accounts == ("南方食品",)  # 别的公司 gets no contact, so no account


def test_cards_without_org_need_an_account_to_go_to() -> None:
    cards = [card(1, "王五"), card(2, "赵六", "恒瑞精密")]
    without = plan(cards, KNOWN)
    assert without.cards[0].outcome is Outcome.PROBLEM
    assert without.cards[0].reason == "no company (ORG); choose an account for such contacts"
    assert plan(cards, KNOWN, "恒瑞精密").cards[0].account_id == "a1"
    assert plan(cards, KNOWN, "a2").cards[0].account == "a2"  # too short for an id: a new name
    by_id = plan(cards, KNOWN, "a2" * 4)  # no account has that id either
    assert by_id.cards[0].account_id is None
    fresh = plan(cards, KNOWN, "我的通讯录")
    assert fresh.cards[0].new_account and fresh.new_accounts == ("我的通讯录",)


def test_the_default_account_may_be_named_by_id_prefix() -> None:
    known = Known([KnownAccount("3f2a9c1e-0000-4000-8000-000000000001", "西安秦岭装备", "")], [])
    result = plan([card(1, "王五")], known, "3f2a9c1e")
    assert result.cards[0].account == "西安秦岭装备" and result.cards[0].account_id is not None


def test_a_short_name_shared_by_two_accounts_is_a_problem_not_a_guess() -> None:
    known = Known(
        [KnownAccount("a1", "恒瑞精密（苏州）", "恒瑞"), KnownAccount("a2", "恒瑞医药", "恒瑞")],
        [],
    )
    [entry] = plan([card(1, "张三", "恒瑞")], known).cards
    assert entry.outcome is Outcome.PROBLEM
    assert entry.reason == "恒瑞 could be any of: 恒瑞精密（苏州）、恒瑞医药"


def test_cards_with_problems_are_planned_as_problems_and_counted() -> None:
    broken = Card(2, "曾国华", "恒瑞精密", {}, None, ("line 5 cannot be read",))
    result = plan([card(1, "张三", "恒瑞精密"), broken], KNOWN)
    assert [e.outcome for e in result.cards] == [Outcome.NEW, Outcome.PROBLEM]
    assert result.problems[0].reason == "line 5 cannot be read"
