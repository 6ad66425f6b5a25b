"""The engine commands as a manager or a script uses them: tiers, tier, review, health, settings."""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kamdesk.cli import main
from kamdesk.services.workbench import Workbench


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def book(archive_path: Path) -> dict[str, str]:
    """Three accounts with last year's profit 600/300/100 thousand, one overdue for a visit."""
    last_year = date.today().year - 1
    ids = {}
    with Workbench.open(archive_path) as wb:
        for name, profit in (("华东电气", 600_000), ("南方食品", 300_000), ("秦岭装备", 100_000)):
            account = wb.accounts.create(name=f"{name}有限公司", short_name=name)
            wb.years.set_year(account.id, last_year, profit * 4, profit)
            wb.contacts.create(account_id=account.id, name="单田芳", level="owner",
                               buying_role="decision_maker", strength=4)  # fmt: skip
            ids[name] = account.id
        recently = datetime.now() - timedelta(days=3)
        for name in ("华东电气", "南方食品"):
            wb.visits.log(ids[name], occurred_at=recently, kind="on_site")
            wb.visits.log(ids[name], occurred_at=recently, kind="executive")
        wb.visits.log(ids["秦岭装备"], occurred_at=datetime.now() - timedelta(days=400))
    return ids


def test_tiers_lists_accounts_by_rank_with_shares(
    book: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "tiers")
    lines = out.splitlines()
    assert code == 0 and err == ""
    assert "rank" in lines[0] and "lifetime value" in lines[0]
    assert lines[1].split()[:4] == ["1", "华东电气有限公司", "A", "600,000"]
    # 600 / 1000 = 60% → A; 300: above it 60% < 80% → A; 100: above it 90% → B
    assert lines[2].split()[:6] == ["2", "南方食品有限公司", "A", "300,000", "30.0%", "90.0%"]
    assert lines[3].split()[2] == "B"


def test_tiers_json_has_every_standing_field_and_the_shares(
    book: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "tiers", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["name"][:4] for r in rows] == ["华东电气", "南方食品", "秦岭装备"]
    assert rows[0]["tier"] == "A" and rows[0]["share"] == 0.6
    assert rows[2]["cumulative"] == 1.0
    assert rows[2]["visit_overdue_days"] > 0
    assert rows[2]["risk_signals"][0]["code"] == "visit_overdue"
    assert "→ B" in rows[2]["tier_explanation"]
    assert list(rows[2]) == [
        "account_id", "name", "owner", "tier", "computed_tier", "tier_explanation", "rank",
        "gross_profit", "lifetime_value", "lifetime_explanation", "quadrant", "last_visit",
        "next_visit_due", "visit_overdue_days", "next_executive_due", "next_maintenance_due",
        "risk_score", "risk_signals", "overridden", "share", "cumulative",
    ]  # fmt: skip
    assert rows[2]["lifetime_explanation"].startswith("(average gross profit 100,000 over 1 years")
    assert list(rows[2]["risk_signals"][0]) == ["code", "severity", "text"]
    assert rows[2]["risk_signals"][0]["text"].endswith("days overdue")
    assert (rows[2]["overridden"], rows[2]["last_visit"][:2]) == (False, "20")


def test_setting_a_tier_by_hand_needs_a_reason_and_is_marked(
    book: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "tier", "秦岭装备", "A")
    assert code == 1 and out == ""
    assert err.startswith("kamdesk: error:") and "say why" in err and len(err.splitlines()) == 1
    code, out, _ = run(capsys, "tier", "秦岭装备", "A", "--reason", "集团战略合作，明年扩产")
    assert code == 0
    assert "秦岭装备有限公司: A*" in out and "集团战略合作，明年扩产" in out
    _, out, _ = run(capsys, "tiers")
    assert "A*" in out.splitlines()[3] and "set by hand" in out
    code, out, _ = run(capsys, "tier", book["秦岭装备"], "auto")
    assert code == 0 and "秦岭装备有限公司: B" in out


def test_tier_of_an_unknown_account_is_a_one_line_error(
    book: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "tier", "没有这家公司", "B", "--reason", "x")
    assert code == 1 and "no account named 没有这家公司" in err


def test_review_shows_candidates_with_reasons_and_the_range_warning(
    book: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "settings", "key.min_years", "0")[0] == 0
    code, out, _ = run(capsys, "review")
    assert code == 0
    assert "Make key accounts (2)" in out and "华东电气有限公司" in out
    assert "meets every criterion" in out
    assert "Warning: 0 key accounts now, 2 after this review; the rule is 5 to 25" in out
    _, out, _ = run(capsys, "review", "--json")
    review = json.loads(out)
    assert [c["name"] for c in review["add"]] == ["华东电气有限公司", "南方食品有限公司"]
    assert review["drop"] == [] and review["count_after"] == 2


def test_health_of_one_account_shows_signals_and_cadence(
    book: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "health", "秦岭装备")
    assert code == 0
    assert out.startswith("秦岭装备有限公司  [B]  risk score 3")
    assert "!!!" in out and "(visit_overdue)" in out
    assert "every 91 days (tier B)" in out
    assert "no executive visit required" not in out  # tier B has executive visits yearly
    _, out, _ = run(capsys, "health", "秦岭装备", "--json")
    data = json.loads(out)
    assert [d["kind"] for d in data["cadence"]] == ["visit", "executive", "maintenance"]
    assert data["cadence"][2]["explanation"] == "tier B: no maintenance (on-site) visit required"


def test_health_without_account_lists_the_riskiest_first(
    book: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "health")
    lines = out.splitlines()
    assert code == 0 and lines[1].split()[:2] == ["3", "秦岭装备有限公司"]
    _, out, _ = run(capsys, "health", "--json", "--limit", "1")
    assert [r["name"] for r in json.loads(out)] == ["秦岭装备有限公司"]


def test_settings_lists_changes_and_resets(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "settings")
    assert code == 0 and "cadence.A.visit_days" in out and "Tier A: days between visits" in out
    assert run(capsys, "settings", "cadence.A.visit_days", "45")[1] == "cadence.A.visit_days = 45\n"
    assert run(capsys, "settings", "cadence.A.visit_days")[1] == "cadence.A.visit_days = 45\n"
    _, out, _ = run(capsys, "settings", "--json")
    row = next(r for r in json.loads(out) if r["key"] == "cadence.A.visit_days")
    assert (row["value"], row["default"]) == (45, 30)
    _, out, _ = run(capsys, "settings", "cadence.A.visit_days", "--reset")
    assert out == "cadence.A.visit_days = 30\n"


def test_settings_refuse_unknown_keys_and_bad_values(
    archive_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "settings", "cadence.X.visit_days", "3")
    assert code == 1 and "there is no setting cadence.X.visit_days" in err
    code, _, err = run(capsys, "settings", "tiers.a_share", "0.99")
    assert code == 1 and "tiers.a_share must not be above tiers.b_share" in err
    code, _, err = run(capsys, "settings", "key.min_years", "5", "--reset")
    assert code == 1 and "not both" in err
