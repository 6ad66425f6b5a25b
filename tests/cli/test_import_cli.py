"""`kamdesk import contacts FILE.vcf`: counts on stdout, problems by card, one-line errors."""

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
    code, out, err = run(capsys, "import", "contacts", path, "--dry-run", "--account", "个人")
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
    code, out, err = run(capsys, "import", "contacts", path, "--account", "个人")
    assert (code, err) == (0, "")
    assert "contacts: 3 new, 0 duplicates skipped" in out and "birthdays: 1" in out
    assert names(archive_path) == ["区志强", "查晓雯", "王五"]
    code, out, _ = run(capsys, "import", "contacts", path, "--account", "个人")
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
    code, out, err = run(capsys, "import", "contacts", path)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "card 3 (王五): no company (ORG); choose an account for such contacts",
        "card 4 (赵六): birthday 1990-13-01: month must be 1 to 12",
        "kamdesk: error: 2 of the cards have problems; nothing was imported "
        "(fix them, or --skip-bad)",
    ]
    assert names(archive_path) == []


def test_dry_run_with_problems_fails_so_scripts_can_stop(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, BOOK + BROKEN)
    code, out, err = run(capsys, "import", "contacts", path, "--dry-run")
    assert code == 1 and "problems: 2" in out and "kamdesk: error:" in err


def test_skip_bad_imports_the_good_cards(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, BOOK + BROKEN)
    code, out, err = run(capsys, "import", "contacts", path, "--skip-bad")
    assert code == 0
    assert "skipped card 4 (赵六): birthday 1990-13-01: month must be 1 to 12" in err
    assert "problems: 2" in out
    assert names(archive_path) == ["区志强", "查晓雯"]


def test_contacts_without_org_join_an_existing_account_by_short_name(
    archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "account", "苏州恒瑞精密机械有限公司", "--short-name", "恒瑞精密")
    path = write(tmp_path, BOOK)
    code, out, _ = run(capsys, "import", "contacts", path, "--account", "恒瑞精密")
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
    code, out, err = run(capsys, "import", "contacts", str(path))
    assert code == 1 and out == ""
    assert err.startswith("kamdesk: error: x.vcf ") and message in err
    assert len(err.splitlines()) == 1


def test_a_missing_or_oversized_file_is_refused_with_a_sentence(
    archive_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, _, err = run(capsys, "import", "contacts", str(tmp_path / "nowhere.vcf"))
    assert code == 1 and "cannot be read" in err and "Traceback" not in err
    monkeypatch.setattr(vcard, "MAX_BYTES", 100)
    code, _, err = run(capsys, "import", "contacts", write(tmp_path, BOOK))
    assert code == 1 and "is larger than" in err


def test_import_needs_a_kind_and_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "import")
    assert stopped.value.code == 2
