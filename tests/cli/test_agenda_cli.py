"""The agenda commands as a manager types them: readable output, JSON, one-line errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kamdesk.cli import main
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer

LAST_YEAR = date.today().year - 1  # a finished year whose points have not expired yet


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def filled(archive_path: Path, customer: Customer, wb: Workbench) -> Customer:
    wb.anniversaries.create(contact_id=customer.owner.id, kind="birthday", month=9, day=17)
    wb.anniversaries.create(
        contact_id=customer.vp.id, kind="birthday", calendar="lunar", month=8, day=15
    )
    wb.years.set_year(customer.account.id, LAST_YEAR, revenue=5_000_000, gross_profit=900_000)
    wb.close()  # the CLI opens the archive itself
    return customer


def test_agenda_lists_the_days_of_the_window(
    filled: Customer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "agenda", "--from", "2025-09-15", "--days", "30")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].startswith("2025-09-15") and "visit due" in lines[1]  # never visited
    assert any(line.startswith("2025-09-17") and "单田芳 birthday" in line for line in lines)
    assert any("国庆节" in line for line in lines)
    assert any(line.startswith("2025-10-06") and "曾国华" in line for line in lines)


def test_agenda_json_gives_every_field(
    filled: Customer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "agenda", "--from", "2025-09-15", "--days", "3", "--json")
    items = json.loads(out)
    assert [i["kind"] for i in items] == ["visit_due", "anniversary"]
    item = items[1]
    assert code == 0 and item["on"] == "2025-09-17" and item["kind"] == "anniversary"
    assert item["contact_id"] == filled.owner.id and item["overdue"] is False


def test_a_bad_window_is_one_line_error(
    filled: Customer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "agenda", "--days", "0")
    assert code == 1 and err.count("\n") == 1 and "1 to 366" in err


def test_calendar_writes_an_ics_file(
    filled: Customer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "kam.ics"
    code, out, _err = run(capsys, "calendar", "-o", str(target), "--years", "2")
    assert code == 0 and "3 events" in out
    assert "单田芳 birthday" in target.read_text(encoding="utf-8")


def test_greet_uses_a_suggestion_and_warns_on_a_repeat_on_stderr(
    filled: Customer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "greet", "单田芳", "--occasion", "mid-autumn")
    assert code == 0 and "单田芳" in out and err == ""
    text = out.strip()
    code, out, err = run(
        capsys, "greet", "单田芳", "--occasion", "birthday", "--text", text, "--date", "2030-01-01"
    )
    assert code == 0 and out.strip() == text
    assert "warning: the same text was sent to 单田芳" in err
    code, out, _err = run(capsys, "greetings", "单田芳", "--json")
    history = json.loads(out)
    assert [g["occasion"] for g in history] == ["birthday", "mid_autumn"]


def test_greetings_of_an_unknown_contact_is_an_error(
    filled: Customer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "greetings", "无此人")
    assert code == 1 and "无此人" in err


def test_points_earn_redeem_and_show_the_ledger(
    filled: Customer, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "points", "恒瑞精密", "--earn-year", str(LAST_YEAR))
    assert code == 0 and "500 points" in out and "silver" in out and "+500" in out
    code, out, err = run(capsys, "points", "恒瑞精密", "--earn-year", str(LAST_YEAR), "--json")
    data = json.loads(out)
    assert data["balance"] == 500 and len(data["ledger"]) == 1 and "no new points" in err
    code, out, _err = run(capsys, "points", "恒瑞精密", "--redeem", "200", "--reason", "中秋礼盒")
    assert code == 0 and "300 points" in out
    code, _out, err = run(capsys, "points", "恒瑞精密", "--redeem", "301", "--reason", "太多")
    assert code == 1 and "only 300 points" in err


def test_redeem_needs_a_reason(filled: Customer, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "points", "恒瑞精密", "--redeem", "1")
    assert code == 1 and "--reason" in err


def test_read_commands_work_while_another_kamdesk_writes(
    filled: Customer, archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workbench.open(archive_path, write=True):
        code, _out, _err = run(capsys, "agenda", "--from", date(2025, 9, 1).isoformat())
        assert code == 0
        code, _out, _err = run(capsys, "points", "恒瑞精密")
        assert code == 0
