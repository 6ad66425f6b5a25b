"""The command line as a manager or a script uses it: clear output, JSON, one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kamdesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(archive_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    """An archive with one account and two contacts, added through the CLI."""
    code, out, _ = run(
        capsys,
        "add",
        "account",
        "广州南方食品有限公司",
        "--short-name",
        "南方食品",
        "--city",
        "广州",
        "--json",
    )
    assert code == 0
    account = json.loads(out)["id"]
    _, out, _ = run(
        capsys,
        "add",
        "contact",
        "南方食品",
        "区志强",
        "--title",
        "采购总监",
        "--phone",
        "13912345678",
        "--level",
        "director",
        "--json",
    )
    contact = json.loads(out)["id"]
    run(capsys, "add", "contact", account, "查晓雯", "--email", "zha@nanfang.cn")
    return {"account": account, "contact": contact}


def test_add_account_with_json_prints_the_new_record_with_its_id(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "add", "account", "西安秦岭装备有限公司", "--city", "西安", "--json"
    )
    record = json.loads(out)
    assert code == 0 and err == ""
    assert record["name"] == "西安秦岭装备有限公司" and record["city"] == "西安"
    assert len(record["id"]) == 36


def test_search_finds_a_contact_by_surname_reading_and_by_phone(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "ouzhiqiang", "--json")
    assert code == 0 and json.loads(out)[0]["id"] == filled["contact"]
    _, out, _ = run(capsys, "search", "5678")
    assert "区志强" in out and "广州南方食品有限公司" in out


def test_search_with_no_match_says_so_on_stderr_and_succeeds(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "search", "完全没有")
    assert code == 0 and out == "" and "nothing matches" in err


def test_list_accounts_and_contacts_in_text_and_json(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "list", "accounts")
    assert "广州南方食品有限公司" in out and "广州" in out
    _, out, _ = run(capsys, "list", "contacts", "--account", "南方食品", "--json")
    rows = json.loads(out)
    assert [r["name"] for r in rows] == ["区志强", "查晓雯"]  # director before people with no level
    assert rows[0]["phone"] == "13912345678"


def test_show_prints_the_account_page(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        capsys,
        "add",
        "anniversary",
        "区志强",
        "--kind",
        "birthday",
        "--lunar",
        "08-15",
        "--year",
        "1975",
    )
    code, out, _ = run(capsys, "show", "广州南方食品有限公司")
    assert code == 0
    for text in ("广州南方食品有限公司", "区志强", "采购总监", "lunar 08-15"):
        assert text in out
    _, out, _ = run(capsys, "show", filled["account"][:8], "--json")
    page = json.loads(out)
    assert page["account"]["id"] == filled["account"]
    assert page["anniversaries"][0]["calendar"] == "lunar"


def test_add_anniversary_accepts_a_leap_lunar_month_only_where_it_exists(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys,
        "add",
        "anniversary",
        "区志强",
        "--kind",
        "birthday",
        "--lunar",
        "02-10",
        "--leap",
        "--year",
        "2023",
        "--json",
    )
    assert code == 0 and json.loads(out)["leap_month"] is True
    code, out, err = run(
        capsys,
        "add",
        "anniversary",
        "区志强",
        "--kind",
        "birthday",
        "--lunar",
        "02-10",
        "--leap",
        "--year",
        "2024",
    )
    assert code == 1 and out == ""
    assert err.strip() == "kamdesk: error: day: lunar year 2024 has no leap month"


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["show", "不存在的公司"], "no account named 不存在的公司"),
        (["add", "contact", "不存在的公司", "张三"], "no account named"),
        (["add", "contact", "南方食品", "张三", "--phone", "12"], "phones: phone '12'"),
        (["add", "contact", "南方食品", "张三", "--email", "zhang@"], "not an e-mail address"),
        (["add", "account", "广州南方食品有限公司"], "already exists"),
        (["add", "account", "  "], "needs a name"),
        (
            ["add", "anniversary", "区志强", "--kind", "birthday", "--solar", "02-30"],
            "only 29 days",
        ),
        (
            ["add", "anniversary", "没有这人", "--kind", "birthday", "--solar", "02-03"],
            "no contact named",
        ),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_a_failing_exit_code(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["add", "anniversary", "区志强", "--kind", "birthday", "--solar", "0230x"],
        ["add", "anniversary", "区志强", "--kind", "party", "--solar", "02-03"],
        ["list", "everything"],
        ["search"],
    ],
)
def test_usage_errors_exit_2_with_one_line(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    _, err = capsys.readouterr()
    assert caught.value.code == 2 and err.count("\n") == 1


def test_a_shared_contact_name_asks_for_an_id(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", "account", "深圳鹏城物流有限公司")
    run(capsys, "add", "contact", "深圳鹏城物流有限公司", "区志强")
    code, _, err = run(
        capsys, "add", "anniversary", "区志强", "--kind", "birthday", "--solar", "05-01"
    )
    assert code == 1 and "several contacts are named 区志强; use an id" in err


def test_delete_then_restore_from_the_command_line(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "delete", "account", "南方食品")
    assert code == 0 and "kamdesk restore account" in out
    assert run(capsys, "search", "nanfang", "--json")[1].strip() == "[]"
    code, out, _ = run(capsys, "restore", "account", filled["account"])
    assert code == 0 and "广州南方食品有限公司" in out
    assert json.loads(run(capsys, "search", "nanfang", "--json")[1])


def test_check_passes_on_a_healthy_archive(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 0 and "integrity: ok" in out and "foreign keys: ok" in out


def test_db_option_picks_the_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "其他" / "客户.kamdesk"
    run(capsys, "--db", str(other), "add", "account", "长沙湘江电子有限公司")
    assert other.exists()
    _, out, _ = run(capsys, "--db", str(other), "list", "accounts", "--json")
    assert [r["name"] for r in json.loads(out)] == ["长沙湘江电子有限公司"]


def test_a_busy_archive_is_a_one_line_error_not_a_traceback(
    filled: dict[str, str], archive_path: Path
) -> None:
    from kamdesk.services.workbench import Workbench

    with Workbench.open(archive_path):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "kamdesk",
                "--db",
                str(archive_path),
                "add",
                "account",
                "新公司",
            ],
            capture_output=True,
            text=True,
        )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "open for writing in another kamdesk" in result.stderr


def test_a_broken_archive_file_is_a_one_line_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.kamdesk"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    result = subprocess.run(
        [sys.executable, "-m", "kamdesk", "--db", str(broken), "list", "accounts"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_first_start_creates_the_default_archive_with_sample_data_once(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "status")
    assert code == 0 and archive_path.exists()
    assert "Sample data: 60 accounts" in out
    code, out, _ = run(capsys, "status")
    assert code == 0 and "Sample data" not in out and "60 accounts" in out


def test_demo_fills_an_empty_archive_and_refuses_a_full_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(tmp_path / "demo.kamdesk")
    code, out, _ = run(capsys, "--db", path, "demo", "--accounts", "12", "--seed", "3")
    assert code == 0 and "12 accounts" in out
    _, out, _ = run(capsys, "--db", path, "list", "accounts", "--json")
    assert len(json.loads(out)) == 12
    code, out, err = run(capsys, "--db", path, "demo", "--accounts", "5")
    assert code == 1 and "already holds 12 accounts" in err


def test_show_includes_tier_next_visit_and_loyalty_points(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "show", "南方食品")
    assert code == 0
    assert "tier C" in out and "next visit due" in out and "loyalty points 0" in out
    _, out, _ = run(capsys, "show", "南方食品", "--json")
    page = json.loads(out)
    assert page["standing"]["tier"] == "C" and page["points"] == {"balance": 0, "level": ""}


def test_adding_an_anniversary_says_what_was_added(
    filled: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "add", "anniversary", "区志强", "--kind", "wedding", "--solar", "10-01"
    )
    assert code == 0 and out.startswith("added anniversary ")


def test_without_a_display_kamdesk_shows_the_archive_as_text(
    archive_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    code, out, _ = run(capsys)
    assert code == 0 and "No display here" in out and "Sample data: 60 accounts" in out
