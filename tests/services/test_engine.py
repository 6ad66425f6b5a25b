"""The engine over a real archive: standings, each churn signal alone, overrides, key review."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from kamdesk import i18n
from kamdesk.domain.enums import Attitude, BuyingRole, ContactLevel
from kamdesk.domain.errors import NotFound, ValidationError
from kamdesk.domain.health import ContactFacts, People, people
from kamdesk.domain.value import abc_tiers
from kamdesk.services.demo import fill
from kamdesk.services.engine import EngineService, Standing, _people_of, _people_rows
from kamdesk.services.workbench import Workbench

TODAY = date(2025, 6, 16)
"""Latest full year 2024; tier-A cadence: visit 30, executive 182, on-site 91 days."""


@dataclass
class Built:
    account: str
    owner: str
    site_visit: str
    executive_visit: str


def engine(wb: Workbench) -> EngineService:
    return EngineService(wb.archive, wb.settings)


def healthy(
    wb: Workbench, name: str = "苏州恒瑞精密机械有限公司", profit: int = 1_000_000
) -> Built:
    """An account with steady profit, a supportive owner who decides, and visits on time."""
    account = wb.accounts.create(
        name=name,
        city="苏州",
        cooperation_since=date(2019, 3, 1),
        billing_cycle="annual",
        cost_to_serve=100_000,
        development_cost=200_000,
    )
    for year in (2022, 2023, 2024):
        wb.years.set_year(account.id, year, profit * 4, profit)
    owner = wb.contacts.create(
        account_id=account.id,
        name="单田芳",
        title="董事长",
        level="owner",
        buying_role="decision_maker",
        attitude="supporter",
        strength=4,
    )
    site = wb.visits.log(account.id, occurred_at=datetime(2025, 6, 10, 10), kind="on_site",
                         purpose="例行拜访")  # fmt: skip
    top = wb.visits.log(account.id, occurred_at=datetime(2025, 3, 1, 15), kind="executive",
                        purpose="高层互访")  # fmt: skip
    return Built(account.id, owner.id, site.id, top.id)


def the(wb: Workbench, built: Built) -> Standing:
    return engine(wb).standing(built.account, TODAY)


def test_a_healthy_account_alone_is_tier_a_with_no_risk(wb: Workbench) -> None:
    s = the(wb, healthy(wb))
    assert (s.tier, s.rank, s.gross_profit) == ("A", 1, 1_000_000)
    assert s.risk_signals == () and s.risk_score == 0
    assert s.last_visit == date(2025, 6, 10)
    assert s.next_visit_due == date(2025, 7, 10)
    assert s.next_executive_due == date(2025, 8, 30)  # 2025-03-01 + 182 days
    assert s.next_maintenance_due == date(2025, 9, 9)  # 2025-06-10 + 91 days
    # (1,000,000 − 100,000) × 5 − 200,000
    assert s.lifetime_value == 4_300_000
    assert s.lifetime_explanation.endswith("= 4,300,000")


def test_visit_costs_of_the_last_twelve_months_are_part_of_the_cost_to_serve(
    wb: Workbench,
) -> None:
    built = healthy(wb)
    wb.visits.log(built.account, occurred_at=datetime(2025, 5, 1, 18), kind="dinner", cost=20_000)
    wb.visits.log(built.account, occurred_at=datetime(2024, 1, 5, 18), kind="dinner", cost=50_000)
    s = the(wb, built)
    # (1,000,000 − (100,000 + 20,000)) × 5 − 200,000: the 2024 dinner is over a year ago
    assert s.lifetime_value == 4_200_000


def fall_in_profit(wb: Workbench, b: Built) -> None:
    wb.years.set_year(b.account, 2024, 3_000_000, 700_000)  # −30% against 2023


def visit_late(wb: Workbench, b: Built) -> None:
    wb.visits.update(b.site_visit, occurred_at=datetime(2025, 4, 1, 10))  # due 05-01: 46 days


def executive_late(wb: Workbench, b: Built) -> None:
    wb.visits.update(b.executive_visit, occurred_at=datetime(2024, 10, 1, 10))  # due 2025-04-01


def on_site_late(wb: Workbench, b: Built) -> None:
    wb.visits.update(b.site_visit, kind="phone")
    wb.visits.log(b.account, occurred_at=datetime(2025, 2, 1, 10), kind="on_site")


def issue_overdue(wb: Workbench, b: Built) -> None:
    wb.issues.create(account_id=b.account, description="控制柜运行异响", raised_on=date(2025, 5, 1),
                     due_on=date(2025, 5, 20), status="in_progress")  # fmt: skip


def satisfaction_drops(wb: Workbench, b: Built) -> None:
    for when, score in (((2024, 5, 6), 5), ((2024, 8, 8), 5), ((2025, 1, 9), 3), ((2025, 4, 2), 3)):
        wb.visits.log(b.account, occurred_at=datetime(*when, 16), kind="phone", satisfaction=score)


def billing_shortened(wb: Workbench, b: Built) -> None:
    wb.accounts.update(b.account, billing_cycle="monthly")


def decision_maker_unreached(wb: Workbench, b: Built) -> None:
    wb.contacts.create(account_id=b.account, name="欧阳娜娜", title="采购总监", level="director",
                       buying_role="decision_maker", strength=1)  # fmt: skip


def decision_maker_opposes(wb: Workbench, b: Built) -> None:
    wb.contacts.create(account_id=b.account, name="曾国华", title="副总经理", level="vp",
                       buying_role="decision_maker", attitude="opponent", strength=3)  # fmt: skip


def top_weak(wb: Workbench, b: Built) -> None:
    wb.contacts.update(b.owner, strength=2)


def nobody_decides(wb: Workbench, b: Built) -> None:
    wb.contacts.update(b.owner, buying_role="influencer")


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (fall_in_profit, "profit_fall"),
        (visit_late, "visit_overdue"),
        (executive_late, "executive_overdue"),
        (on_site_late, "maintenance_overdue"),
        (issue_overdue, "issues_past_due"),
        (satisfaction_drops, "satisfaction_fall"),
        (billing_shortened, "billing_shortened"),
        (decision_maker_unreached, "decision_maker_cold"),
        (decision_maker_opposes, "decision_maker_opponent"),
        (top_weak, "top_uncovered"),
        (nobody_decides, "no_decision_maker"),
    ],
)
def test_each_churn_signal_fires_alone(
    wb: Workbench, change: Callable[[Workbench, Built], None], code: str
) -> None:
    built = healthy(wb)
    change(wb, built)
    s = the(wb, built)
    assert [x.code for x in s.risk_signals] == [code]
    assert s.risk_score == s.risk_signals[0].severity
    assert s.risk_signals[0].text


def test_visit_overdue_days_follow_the_cadence_setting(wb: Workbench) -> None:
    built = healthy(wb)
    visit_late(wb, built)
    assert the(wb, built).visit_overdue_days == 46
    wb.settings.set("cadence.A.visit_days", "90")
    s = the(wb, built)
    assert (s.visit_overdue_days, s.risk_signals) == (0, ())


def test_deleted_visits_and_issues_do_not_count(wb: Workbench) -> None:
    built = healthy(wb)
    issue_overdue(wb, built)
    issue = wb.issues.list(account_id=built.account)[0]
    wb.issues.delete(issue.id)
    wb.visits.delete(built.site_visit)
    s = the(wb, built)
    assert s.last_visit == date(2025, 3, 1)  # the executive visit is now the last one
    assert [x.code for x in s.risk_signals] == ["visit_overdue"]  # 2025-03-01 + 30 days
    assert s.next_maintenance_due == TODAY  # no on-site visit left: due today, not overdue


def profits_archive(wb: Workbench) -> dict[str, str]:
    """Six accounts with 50/30/10/5/3/2 ten-thousands of gross profit in 2024."""
    ids = {}
    for name, profit in (("华东电气", 50), ("南方食品", 30), ("秦岭装备", 10), ("西部物流", 5),
                         ("北方钢构", 3), ("东海船舶", 2)):  # fmt: skip
        account = wb.accounts.create(name=f"{name}有限公司", development_cost=profit * 1_000)
        wb.years.set_year(account.id, 2024, profit * 40_000, profit * 10_000)
        ids[name] = account.id
    wb.accounts.create(name="新客户科技有限公司")  # a prospect without figures: profit 0
    return ids


def test_standings_rank_every_live_account_as_abc_tiers_does(wb: Workbench) -> None:
    ids = profits_archive(wb)
    gone = wb.accounts.create(name="已注销贸易有限公司")
    wb.years.set_year(gone.id, 2024, 9_000_000, 900_000)
    wb.accounts.delete(gone.id)
    standings = engine(wb).standings(TODAY)
    assert [s.rank for s in standings] == list(range(1, 8))
    expected = abc_tiers({s.account_id: s.gross_profit for s in standings}, 0.80, 0.95)
    assert {s.account_id: s.tier for s in standings} == {k: r.tier for k, r in expected.items()}
    tiers = {s.name[:4]: s.tier.value for s in standings}
    assert tiers == {"华东电气": "A", "南方食品": "A", "秦岭装备": "B", "西部物流": "B",
                     "北方钢构": "C", "东海船舶": "C", "新客户科": "C"}  # fmt: skip
    assert gone.id not in {s.account_id for s in standings}
    assert standings[0].account_id == ids["华东电气"]
    assert "No. 1, gross profit 500,000, 50.0% of the total" in standings[0].tier_explanation


def test_the_largest_account_with_the_least_development_cost_is_a_star(wb: Workbench) -> None:
    ids = profits_archive(wb)
    wb.accounts.update(ids["华东电气"], development_cost=0)
    by_id = {s.account_id: s for s in engine(wb).standings(TODAY)}
    assert by_id[ids["华东电气"]].quadrant == "star"
    assert by_id[ids["东海船舶"]].quadrant == "maintain"  # low value, lowest cost but one


def test_a_tier_set_by_hand_needs_a_reason_and_shows_it(wb: Workbench) -> None:
    ids = profits_archive(wb)
    service = engine(wb)
    with pytest.raises(ValidationError, match="say why"):
        service.set_tier(ids["东海船舶"], "A", "  ")
    with pytest.raises(ValidationError, match="a tier is A, B or C"):
        service.set_tier(ids["东海船舶"], "S", "集团战略客户")
    service.set_tier(ids["东海船舶"], "a", "集团战略客户，明年扩产")
    s = service.standing(ids["东海船舶"], TODAY)
    assert (s.tier, s.computed_tier, s.overridden) == ("A", "C", True)
    assert s.tier_explanation.startswith(
        "set to A by hand: 集团战略客户，明年扩产 (computed: No. 6"
    )
    record = wb.accounts.get(ids["东海船舶"])
    assert {"tier_override", "tier_override_reason"} <= set(record.field_hlc)
    service.set_tier(ids["东海船舶"], None, "")
    s = service.standing(ids["东海船舶"], TODAY)
    assert (s.tier, s.overridden) == ("C", False)
    assert wb.accounts.get(ids["东海船舶"]).tier_override_reason == ""


def test_the_cadence_follows_the_tier_set_by_hand(wb: Workbench) -> None:
    built = healthy(wb)
    visit_late(wb, built)
    engine(wb).set_tier(built.account, "C", "只做维护，不再重点投入")
    s = the(wb, built)
    assert s.next_visit_due == date(2025, 9, 30)  # 2025-04-01 + 182 days (tier C)
    assert s.risk_signals == ()


def test_standing_of_an_unknown_account_is_not_found(wb: Workbench) -> None:
    with pytest.raises(NotFound):
        engine(wb).standing("0123456789abcdef", TODAY)


def test_key_account_review_proposes_and_drops_with_reasons(wb: Workbench) -> None:
    ids = profits_archive(wb)
    for name in ("华东电气", "南方食品"):
        wb.accounts.update(ids[name], cooperation_since=date(2018, 1, 1))
    wb.years.set_year(ids["南方食品"], 2024, 3_000_000, 300_000)  # margin 10%: not a key account
    wb.accounts.update(ids["南方食品"], is_key_account=True, key_account_reason="老客户")
    wb.accounts.update(ids["西部物流"], is_key_account=True, key_account_reason="区域标杆")
    review = engine(wb).key_account_review(TODAY)
    assert [c.name for c in review.add] == ["华东电气有限公司"]
    assert "tier A (at least A)" in review.add[0].reason
    assert "7 years of cooperation (at least 3)" in review.add[0].reason
    assert "gross margin 25.0% (at least 15%)" in review.add[0].reason
    dropped = {c.name: c.reason for c in review.drop}
    assert set(dropped) == {"南方食品有限公司", "西部物流有限公司"}
    assert "gross margin 10.0% (at least 15%)" in dropped["南方食品有限公司"]
    assert "tier B (at least A)" in dropped["西部物流有限公司"]
    assert (review.count, review.count_after) == (2, 1)
    assert review.warning == "2 key accounts now, 1 after this review; the rule is 5 to 25"


def test_review_criteria_come_from_the_settings(wb: Workbench) -> None:
    ids = profits_archive(wb)
    wb.settings.set("key.min_tier", "B")
    wb.settings.set("key.min_years", "0")
    wb.settings.set("key.range_low", "0")
    review = engine(wb).key_account_review(TODAY)
    names = {c.name[:4] for c in review.add}
    assert names == {"华东电气", "南方食品", "秦岭装备", "西部物流"}
    assert review.warning == ""
    assert ids


def test_two_live_rows_of_one_year_add_up_and_deleted_or_older_rows_do_not_count(
    wb: Workbench,
) -> None:
    account = wb.accounts.create(name="苏州合并机械有限公司", cost_to_serve=100_000)
    for revenue, profit in ((2_000_000, 300_000), (1_000_000, 200_000)):  # e.g. after a merge
        wb.years.create(account_id=account.id, year=2024, revenue=revenue, gross_profit=profit)
    gone = wb.years.create(account_id=account.id, year=2023, revenue=9_000_000,
                           gross_profit=2_000_000)  # fmt: skip
    wb.years.delete(gone.id)
    wb.years.create(account_id=account.id, year=2021, revenue=1_000_000, gross_profit=900_000)
    s = engine(wb).standing(account.id, TODAY)
    assert (s.gross_profit, s.rank) == (500_000, 1)
    assert "profit_fall" not in {x.code for x in s.risk_signals}  # no live 2023 row to fall from
    # (500,000 − 100,000) × 5: 2021 is before the three years the estimate averages
    assert s.lifetime_value == 2_000_000
    assert s.lifetime_explanation.startswith("(average gross profit 500,000 over 1 years")
    wb.years.create(account_id=account.id, year=2023, revenue=3_000_000, gross_profit=800_000)
    s = engine(wb).standing(account.id, TODAY)
    [fall] = [x for x in s.risk_signals if x.code == "profit_fall"]
    assert "800,000 in 2023 → 500,000 in 2024" in fall.text
    assert s.lifetime_explanation.startswith("(average gross profit 650,000 over 2 years")
    wb.accounts.update(account.id, cooperation_since=date(2015, 1, 1))
    review = engine(wb).key_account_review(TODAY)
    assert "gross margin 16.7% (at least 15%)" in review.add[0].reason  # 500,000 / 3,000,000


def test_people_summed_up_in_sql_are_what_the_rule_makes_of_every_contact(
    wb: Workbench,
) -> None:
    # The engine reads the relationship facts in SQL; they must be exactly what
    # health.people() makes of each account's live contacts, in the order they were entered.
    fill(wb.archive, 40, seed=7)
    odd = wb.accounts.create(name="广州边界案例有限公司")
    cases = [  # name, level, buying role, attitude, strength
        ("冷淡决策", "manager", "decision_maker", None, None),
        ("强硬对手", "vp", "decision_maker", "opponent", 5),
        ("弱关系老板", "owner", None, None, 2),
        ("强关系副总", "vp", "user", "neutral", 3),
        ("一分决策", "director", "decision_maker", "supporter", 1),
        ("二分决策", "staff", "decision_maker", "opponent", 2),
    ]
    for name, level, role, attitude, strength in cases:
        wb.contacts.create(account_id=odd.id, name=name, level=level, buying_role=role,
                           attitude=attitude, strength=strength)  # fmt: skip
    gone = wb.contacts.create(account_id=odd.id, name="已离职决策", buying_role="decision_maker")
    wb.contacts.delete(gone.id)
    levels = {m.value: m for m in ContactLevel}
    roles = {m.value: m for m in BuyingRole}
    attitudes = {m.value: m for m in Attitude}
    with wb.archive.raw_reading() as conn:
        summed = _people_of(_people_rows(conn))
        contacts: dict[str, list[ContactFacts]] = {}
        for aid, name, level, role, attitude, strength in conn.execute(
            "SELECT account_id, name, level, buying_role, attitude, strength FROM contacts"
            " WHERE deleted_at IS NULL ORDER BY rowid"
        ):
            contacts.setdefault(aid, []).append(
                ContactFacts(
                    name, levels.get(level), roles.get(role), attitudes.get(attitude), strength
                )
            )
        accounts = [row[0] for row in conn.execute("SELECT id FROM accounts")]
    assert len(accounts) == 41
    for aid in accounts:
        assert summed.get(aid, people([])) == people(contacts.get(aid, [])), aid
    assert summed[odd.id] == People(True, True, ("冷淡决策", "一分决策"), ("强硬对手", "二分决策"))


def test_standings_explain_themselves_in_the_language_of_their_run(wb: Workbench) -> None:
    ids = profits_archive(wb)
    engine(wb).set_tier(ids["东海船舶"], "A", "集团战略客户")
    by_hand = "set to {t} by hand: {r} (computed: {c})"
    no_profit = "No. {rank}, gross profit {p:,}: no profit → C"
    i18n.install(i18n.CatalogueTranslations({by_hand: "手动设为 {t}：{r}（{c}）",
                                             no_profit: "第 {rank} 名：没有利润"}))  # fmt: skip
    try:
        standings = engine(wb).standings(TODAY)
    finally:
        i18n.install(i18n.catalogue("en"))
    by_name = {s.name[:4]: s for s in standings}
    # read after the language changed back: still the words of the run that made them
    assert by_name["东海船舶"].tier_explanation.startswith("手动设为 A：集团战略客户（No. 6")
    assert by_name["新客户科"].tier_explanation == "第 7 名：没有利润"
    again = {s.name[:4]: s for s in engine(wb).standings(TODAY)}
    assert again["新客户科"].tier_explanation == "No. 7, gross profit 0: no profit → C"
