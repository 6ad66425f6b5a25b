"""`kamdesk import-contacts FILE`: a vCard or CSV file; counts on stdout, problems by card or
row, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamdesk.interchange import vcard
from kamdesk.services.workbench import Workbench
from tests.cli.test_cli import run

BOOK = """BEGIN:VCARD
VERSION:3.0
FN:区志强
ORG:广州南方食品有限公司
TITLE:采购总监
TEL:13912345678
BDAY:1979-04-01
END:VCARD
BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9F=A5;=E6=99=93=E9=9B=AF;;;
ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=B9=BF=E5=B7=9E=E5=8D=97=E6=96=B9=E9=A3=9F=
=E5=93=81=E6=9C=89=E9=99=90=E5=85=AC=E5=8F=B8
EMAIL:zha@nanfang.cn
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:王五
TEL:13600001111
END:VCARD
"""
BROKEN = "BEGIN:VCARD\nVERSION:3.0\nFN:赵六\nBDAY:1990-13-01\nEND:VCARD\n"


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / "通讯录.vcf"
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return str(path)


def names(archive_path: Path) -> list[str]:
    with Workbench.open(archive_path, write=False) as wb:
        return sorted(c.name for c in wb.contacts.list())


def test_dry_run_prints_the_counts_and_changes_nothing(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, BOOK)
    code, out, err = run(capsys, "import-contacts", path, "--dry-run", "--account", "个人")
    assert code == 0
    assert out.splitlines() == [
        "accounts: 2 new, 0 existing",
        "contacts: 3 new, 0 duplicates skipped",
        "problems: 0",
    ]
    assert "nothing was changed" in err
    assert names(archive_path) == []


def test_import_writes_and_a_second_import_finds_only_duplicates(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, BOOK, "gb18030")  # as a Chinese phone exports it
    code, out, err = run(capsys, "import-contacts", path, "--account", "个人")
    assert (code, err) == (0, "")
    assert "contacts: 3 new, 0 duplicates skipped" in out and "birthdays: 1" in out
    assert names(archive_path) == ["区志强", "查晓雯", "王五"]
    code, out, _ = run(capsys, "import-contacts", path, "--account", "个人")
    assert code == 0
    assert out.splitlines()[:2] == [
        "accounts: 0 new, 2 existing",
        "contacts: 0 new, 3 duplicates skipped",
    ]
    code, out, _ = run(capsys, "list", "contacts", "--account", "广州南方食品有限公司")
    assert "区志强" in out and "查晓雯" in out and "王五" not in out


def test_problems_are_listed_by_card_and_refuse_the_import(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, BOOK + BROKEN)
    code, out, err = run(capsys, "import-contacts", path)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "card 3 (王五): no company (ORG); choose an account for such contacts",
        "card 4 (赵六): birthday 1990-13-01: month must be 1 to 12",
        "kamdesk: error: 2 of the contacts have problems; nothing was imported "
        "(fix them, or --skip-bad)",
    ]
    assert names(archive_path) == []


def test_dry_run_with_problems_fails_so_scripts_can_stop(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, BOOK + BROKEN)
    code, out, err = run(capsys, "import-contacts", path, "--dry-run")
    assert code == 1 and "problems: 2" in out and "kamdesk: error:" in err


def test_skip_bad_imports_the_good_cards(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, BOOK + BROKEN)
    code, out, err = run(capsys, "import-contacts", path, "--skip-bad")
    assert code == 0
    assert "skipped card 4 (赵六): birthday 1990-13-01: month must be 1 to 12" in err
    assert "problems: 2" in out
    assert names(archive_path) == ["区志强", "查晓雯"]


def test_contacts_without_org_join_an_existing_account_by_short_name(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "account", "苏州恒瑞精密机械有限公司", "--short-name", "恒瑞精密")
    path = write(tmp_path, BOOK)
    code, out, _ = run(capsys, "import-contacts", path, "--account", "恒瑞精密")
    assert code == 0 and "accounts: 1 new, 1 existing" in out
    code, out, _ = run(capsys, "list", "contacts", "--account", "恒瑞精密")
    assert "王五" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\x00\x01\x02binary", "is not a text file"),
        (b"name,phone\r\n", "holds no contact cards"),
    ],
)
def test_a_file_that_is_no_vcard_is_one_line_on_stderr(
    archive_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / "x.vcf"
    path.write_bytes(content)
    code, out, err = run(capsys, "import-contacts", str(path))
    assert code == 1 and out == ""
    assert err.startswith("kamdesk: error: x.vcf ") and message in err
    assert len(err.splitlines()) == 1


def test_a_missing_or_oversized_file_is_refused_with_a_sentence(
    archive_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, err = run(capsys, "import-contacts", str(tmp_path / "nowhere.vcf"))
    assert code == 1 and "cannot be read" in err and "Traceback" not in err
    monkeypatch.setattr(vcard, "MAX_BYTES", 100)
    code, _, err = run(capsys, "import-contacts", write(tmp_path, BOOK))
    assert code == 1 and "is larger than" in err


def test_import_contacts_needs_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "import-contacts")
    assert stopped.value.code == 2


def test_the_old_import_contacts_spelling_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:  # `kamdesk import FILE` is the package import
        run(capsys, "import", "contacts", write(tmp_path, BOOK))
    assert stopped.value.code == 2


# CSV files ---------------------------------------------------------------------------------------

SHEET = (
    "客户通讯录\r\n"
    "姓名,单位,职务,手机,邮箱,生日,备注\r\n"
    "区志强,广州南方食品有限公司,采购总监,13912345678,ou@nanfang.cn,1979/4/1,=1+1\r\n"
    "查晓雯,广州南方食品有限公司,采购经理,,zha@nanfang.cn,,\r\n"
    "王五,,,13600001111,,,\r\n"
)


def write_csv(tmp_path: Path, text: str, encoding: str = "gbk", name: str = "通讯录.csv") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_a_csv_saved_by_excel_imports_like_a_vcard(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path, SHEET)
    code, out, err = run(capsys, "import-contacts", path, "--account", "个人", "--dry-run")
    assert code == 0
    assert out.splitlines() == [
        "columns:",
        "  姓名 → name",
        "  单位 → company",
        "  职务 → title",
        "  手机 → phone",
        "  邮箱 → email",
        "  生日 → birthday",
        "  备注 → notes",
        "accounts: 2 new, 0 existing",
        "contacts: 3 new, 0 duplicates skipped",
        "problems: 0",
    ]
    code, out, err = run(capsys, "import-contacts", path, "--account", "个人")
    assert (code, err) == (0, "")
    assert "birthdays: 1" in out
    assert names(archive_path) == ["区志强", "查晓雯", "王五"]
    with Workbench.open(archive_path, write=False) as wb:
        [ou] = [c for c in wb.contacts.list() if c.name == "区志强"]
        assert ou.notes == "=1+1"  # kept as text, never evaluated
    code, out, _ = run(capsys, "import-contacts", path, "--account", "个人")
    assert "contacts: 0 new, 3 duplicates skipped" in out


def test_problems_of_a_csv_are_named_by_the_row_excel_shows(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_csv(tmp_path, SHEET + "赵六,南方,,,,1990-13-01,\r\n", "utf-8-sig")
    code, out, err = run(capsys, "import-contacts", path)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "row 5 (王五): no company; choose an account for such contacts",
        "row 6 (赵六): birthday 1990-13-01: month must be 1 to 12",
        "kamdesk: error: 2 of the contacts have problems; nothing was imported "
        "(fix them, or --skip-bad)",
    ]


def test_map_changes_what_a_column_is_taken_as(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "联系人;客户;备注\r\n单田芳;恒瑞精密;董事长\r\n"
    path = write_csv(tmp_path, text, "utf-8")
    code, out, _ = run(
        capsys,
        "import-contacts",
        path,
        "--map",
        "备注=title",
        "--map",
        "客户=ignore",
        "--dry-run",
        "--account",
        "个人",
    )
    assert code == 0
    assert "  备注 → title" in out and "  客户 → (not imported)" in out
    run(capsys, "import-contacts", path, "--map", "备注=title")
    with Workbench.open(archive_path, write=False) as wb:
        [owner] = wb.contacts.list()
        assert (owner.name, owner.title) == ("单田芳", "董事长")
        assert wb.accounts.get(owner.account_id).name == "恒瑞精密"


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("地址=notes", "has no column '地址'"),
        ("备注=fax", "'fax' is not a field"),
        ("备注", "HEADER=FIELD"),
        ("联系人=ignore", "no column of 通讯录.csv is taken as the name"),
    ],
)
def test_a_bad_mapping_is_one_line_and_nothing_is_read(
    archive_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    mapping: str,
    message: str,
) -> None:
    path = write_csv(tmp_path, "联系人,备注\r\n单田芳,董事长\r\n", "utf-8")
    code, out, err = run(capsys, "import-contacts", path, "--map", mapping)
    assert code == 1 and out == "" and message in err and len(err.splitlines()) == 1
    assert names(archive_path) == []


def test_map_is_refused_for_a_vcard(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "import-contacts", write(tmp_path, BOOK), "--map", "a=name")
    assert code == 1 and "--map is for CSV files" in err


def test_a_vcard_by_content_whatever_its_name(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes(BOOK.encode("utf-8"))
    code, out, _ = run(capsys, "import-contacts", str(path), "--account", "个人", "--dry-run")
    assert code == 0 and "contacts: 3 new" in out and "columns:" not in out


def test_an_unreadable_csv_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "book.csv"
    path.write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "import-contacts", str(path))
    assert code == 1 and out == ""
    assert err == "kamdesk: error: book.csv is not a text file; save the sheet as CSV\n"
