"""The agenda as a manager reads it: the right days, the date rules in words, overdue first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta

import pytest

from kamdesk import i18n
from kamdesk.services.agenda import ANNIVERSARY, FESTIVAL, AgendaItem, AgendaService
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer


def agenda(wb: Workbench, start: date, days: int, **kwargs: object) -> list[AgendaItem]:
    return AgendaService(wb.archive, wb.settings, **kwargs).agenda(start, days)  # type: ignore[arg-type]


def days_of(items: list[AgendaItem], kind: str = ANNIVERSARY) -> list[tuple[date, str]]:
    return [(i.on, i.title) for i in items if i.kind == kind]


def test_a_leap_second_month_birthday_falls_on_the_ordinary_second_month_in_2024(
    wb: Workbench, customer: Customer
) -> None:
    wb.anniversaries.create(
        contact_id=customer.owner.id, kind="birthday", calendar="lunar", month=2, day=10,
        leap_month=True, year=1947,
    )  # fmt: skip
    items = agenda(wb, date(2024, 3, 1), 31)
    [item] = [i for i in items if i.kind == ANNIVERSARY]
    assert item.on == date(2024, 3, 19)  # lunar 2-10 of 2024, which has no leap second month
    assert "单田芳" in item.title and "leap 02-10" in item.title
    assert "no leap month 2 in lunar 2024" in item.detail
    assert "77 years" in item.detail
    assert item.record_id is not None and item.contact_id == customer.owner.id


def test_in_a_year_with_the_leap_month_the_day_stays_in_it(
    wb: Workbench, customer: Customer
) -> None:
    wb.anniversaries.create(
        contact_id=customer.owner.id, kind="birthday", calendar="lunar", month=2, day=10,
        leap_month=True,
    )  # fmt: skip
    [item] = days_of(agenda(wb, date(2023, 3, 1), 31))
    assert item[0] == date(2023, 3, 31)  # 2023 has a leap second month


def test_lunar_30th_in_a_short_month_falls_on_the_29th(wb: Workbench, customer: Customer) -> None:
    wb.anniversaries.create(
        contact_id=customer.vp.id, kind="birthday", calendar="lunar", month=8, day=30
    )
    [item] = [i for i in agenda(wb, date(2025, 10, 1), 30) if i.kind == ANNIVERSARY]
    assert item.on == date(2025, 10, 20)
    assert "day 30 → 29" in item.detail


def test_29_february_falls_on_28_february_in_a_common_year(
    wb: Workbench, customer: Customer
) -> None:
    wb.anniversaries.create(
        contact_id=customer.buyer.id, kind="birthday", calendar="solar", month=2, day=29
    )
    [common] = [i for i in agenda(wb, date(2025, 2, 20), 14) if i.kind == ANNIVERSARY]
    [leap] = [i for i in agenda(wb, date(2024, 2, 20), 14) if i.kind == ANNIVERSARY]
    assert common.on == date(2025, 2, 28) and "no 29 February in 2025" in common.detail
    assert leap.on == date(2024, 2, 29) and "29 February" not in leap.detail


def test_family_members_and_account_days_say_whose_day_it_is(
    wb: Workbench, customer: Customer
) -> None:
    wb.anniversaries.create(
        contact_id=customer.owner.id, kind="child_birthday", month=5, day=3,
        family_member="女儿 小雨",
    )  # fmt: skip
    wb.anniversaries.create(account_id=customer.account.id, kind="company_founding", month=5, day=8)
    titles = [t for _on, t in days_of(agenda(wb, date(2025, 5, 1), 10))]
    assert titles[0].startswith("单田芳's 女儿 小雨 child's birthday")
    assert titles[1].startswith("恒瑞精密 founding day")


def test_items_come_by_date_with_festivals_renewals_and_visits_due(
    wb: Workbench, customer: Customer
) -> None:
    wb.anniversaries.create(contact_id=customer.vp.id, kind="birthday", month=10, day=3)
    wb.accounts.update(customer.account.id, renewal_date=date(2025, 10, 2))
    due = AgendaItem(date(2025, 10, 4), "visit_due", "拜访 恒瑞精密", customer.account.id,
                     None, None, False, "tier A")  # fmt: skip
    asked: list[tuple[date, date]] = []

    def visits_due(first: date, last: date) -> list[AgendaItem]:
        asked.append((first, last))
        return [due]

    items = agenda(wb, date(2025, 10, 1), 7, visits_due=visits_due)
    assert asked == [(date(2025, 10, 1), date(2025, 10, 7))]
    assert [(i.on, i.kind) for i in items] == [
        (date(2025, 10, 1), FESTIVAL),  # 国庆节
        (date(2025, 10, 2), "renewal"),
        (date(2025, 10, 3), ANNIVERSARY),
        (date(2025, 10, 4), "visit_due"),
        (date(2025, 10, 6), FESTIVAL),  # 中秋节, lunar 8-15
    ]
    assert items[0].title == "国庆节" and items[-1].title == "中秋节"


def test_the_window_ends_before_start_plus_days(wb: Workbench, customer: Customer) -> None:
    wb.anniversaries.create(contact_id=customer.vp.id, kind="birthday", month=6, day=11)
    assert days_of(agenda(wb, date(2025, 6, 1), 10)) == []
    assert len(days_of(agenda(wb, date(2025, 6, 1), 11))) == 1


def test_missed_follow_ups_and_issues_come_first_marked_overdue(
    wb: Workbench, customer: Customer
) -> None:
    account = customer.account.id
    wb.visits.log(account, occurred_at=datetime(2025, 5, 1, 10), follow_up_on=date(2025, 5, 20),
                  next_steps="送样品")  # fmt: skip
    wb.visits.log(account, occurred_at=datetime(2025, 5, 2, 10), follow_up_on=date(2025, 6, 5))
    wb.visits.log(account, occurred_at=datetime(2025, 1, 2, 10), follow_up_on=date(2025, 2, 1))
    wb.issues.create(account_id=account, description="交货延迟", raised_on=date(2025, 5, 1),
                     due_on=date(2025, 5, 25))  # fmt: skip
    wb.issues.create(account_id=account, description="已解决的问题", raised_on=date(2025, 5, 1),
                     due_on=date(2025, 5, 26), status="resolved")  # fmt: skip
    items = agenda(wb, date(2025, 6, 1), 14)
    work = [(i.on, i.kind, i.overdue) for i in items if i.kind != FESTIVAL]
    assert work == [
        (date(2025, 5, 20), "follow_up", True),
        (date(2025, 5, 25), "issue_due", True),
        (date(2025, 6, 5), "follow_up", False),
    ]  # the February follow-up is more than 90 days old; the resolved issue is done
    assert "送样品" in items[0].detail


def test_a_later_visit_settles_a_missed_follow_up(wb: Workbench, customer: Customer) -> None:
    account = customer.account.id
    wb.visits.log(account, occurred_at=datetime(2025, 5, 1, 10), follow_up_on=date(2025, 5, 20))
    wb.visits.log(account, occurred_at=datetime(2025, 5, 22, 15))
    assert [i for i in agenda(wb, date(2025, 6, 1), 7) if i.kind == "follow_up"] == []


def test_deleted_records_never_appear(wb: Workbench, customer: Customer) -> None:
    gone = wb.anniversaries.create(contact_id=customer.vp.id, kind="birthday", month=7, day=2)
    wb.anniversaries.create(contact_id=customer.buyer.id, kind="birthday", month=7, day=3)
    wb.anniversaries.create(contact_id=customer.owner.id, kind="birthday", month=7, day=4)
    visit = wb.visits.log(customer.account.id, occurred_at=datetime(2025, 6, 1),
                          follow_up_on=date(2025, 7, 5))  # fmt: skip
    wb.anniversaries.delete(gone.id)
    wb.contacts.delete(customer.buyer.id)
    wb.visits.delete(visit.id)
    titles = [t for _on, t in days_of(agenda(wb, date(2025, 7, 1), 10))]
    assert len(titles) == 1 and titles[0].startswith("单田芳")
    assert [i for i in agenda(wb, date(2025, 7, 1), 10) if i.kind == "follow_up"] == []
    wb.accounts.delete(customer.account.id)
    assert days_of(agenda(wb, date(2025, 7, 1), 10)) == []


def test_the_window_defaults_to_the_agenda_days_setting(wb: Workbench, customer: Customer) -> None:
    wb.anniversaries.create(contact_id=customer.vp.id, kind="birthday", month=3, day=20)
    assert days_of(agenda(wb, date(2025, 3, 1), None)) != []  # type: ignore[arg-type]
    wb.settings.set("agenda.days", 10)
    assert days_of(AgendaService(wb.archive, wb.settings).agenda(date(2025, 3, 1))) == []


def test_a_window_across_spring_festival_finds_lunar_days_of_the_old_lunar_year(
    wb: Workbench, customer: Customer
) -> None:
    wb.anniversaries.create(
        contact_id=customer.owner.id, kind="birthday", calendar="lunar", month=12, day=20
    )
    assert days_of(agenda(wb, date(2025, 1, 10), 30))[0][0] == date(2025, 1, 19)


def test_the_workbench_agenda_lists_visits_the_cadence_calls_for(
    wb: Workbench, customer: Customer
) -> None:
    today = date.today()
    wb.visits.log(customer.account.id, occurred_at=today - timedelta(days=200), purpose="拜访")
    items = [i for i in wb.agenda.agenda(today, 7) if i.kind == "visit_due"]
    assert len(items) == 1  # tier C (no profit on record): a visit every 182 days
    item = items[0]
    assert item.account_id == customer.account.id and item.overdue
    assert "苏州恒瑞精密机械有限公司" in item.title and "18 days overdue" in item.detail


def test_days_on_one_date_come_by_month_and_day_then_in_the_order_entered(
    wb: Workbench, customer: Customer
) -> None:
    # 2024 has no leap second month, so lunar leap 2-10 falls with lunar 2-10 on 19 March; both
    # are month 2, day 10, so they keep the order entered, leap or not.
    for who, leap in ((customer.owner, True), (customer.vp, False), (customer.buyer, True)):
        wb.anniversaries.create(contact_id=who.id, kind="birthday", calendar="lunar", month=2,
                                day=10, leap_month=leap)  # fmt: skip
    on_the_day = [t for on, t in days_of(agenda(wb, date(2024, 3, 19), 1))]
    assert [t.split()[0] for t in on_the_day] == ["单田芳", "曾国华", "欧阳娜娜"]
    # Lunar month 8 of 2025 has 29 days: 8-30 falls on 8-29's date and comes after it.
    wb.anniversaries.create(contact_id=customer.owner.id, kind="wedding", calendar="lunar",
                            month=8, day=30)  # fmt: skip
    wb.anniversaries.create(contact_id=customer.vp.id, kind="wedding", calendar="lunar",
                            month=8, day=29)  # fmt: skip
    on_the_day = [t for on, t in days_of(agenda(wb, date(2025, 10, 20), 1))]
    assert on_the_day == ["曾国华 wedding anniversary (lunar 08-29)",
                          "单田芳 wedding anniversary (lunar 08-30)"]  # fmt: skip
    # 29 February falls on 28 February in 2025, after the 28 February days
    wb.anniversaries.create(contact_id=customer.owner.id, kind="birthday", month=2, day=29)
    wb.anniversaries.create(contact_id=customer.vp.id, kind="birthday", month=2, day=28)
    assert [t.split()[0] for on, t in days_of(agenda(wb, date(2025, 2, 28), 1))] == [
        "曾国华",
        "单田芳",
    ]


def test_solar_lunar_and_leap_days_with_the_same_numbers_are_told_apart(
    wb: Workbench, customer: Customer
) -> None:
    for calendar, leap in (("solar", False), ("lunar", False), ("lunar", True)):
        wb.anniversaries.create(contact_id=customer.owner.id, kind="birthday",
                                calendar=calendar, month=6, day=10, leap_month=leap)  # fmt: skip
    # 2025 has a leap sixth month: lunar 6-10 is 4 July, leap 6-10 is 3 August
    found = {on: title for on, title in days_of(agenda(wb, date(2025, 6, 1), 120))}
    assert found == {
        date(2025, 6, 10): "单田芳 birthday (06-10)",
        date(2025, 7, 4): "单田芳 birthday (lunar 06-10)",
        date(2025, 8, 3): "单田芳 birthday (lunar leap 06-10)",
    }
    assert days_of(agenda(wb, date(2025, 8, 1), 5)) == [
        (date(2025, 8, 3), "单田芳 birthday (lunar leap 06-10)")
    ]


@pytest.fixture
def title_in() -> Iterator[Callable[[str], None]]:
    """Translates an anniversary's title with the given template until the test ends."""

    def use(template: str) -> None:
        i18n.install(i18n.CatalogueTranslations({"{who} {kind} ({day})": template}))

    yield use
    i18n.install(i18n.catalogue("en"))


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{who}{kind}（{day}）", "单田芳birthday（lunar 02-10）"),  # the Chinese catalogue's
        ("{day}: {kind} of {who}, {who}", "lunar 02-10: birthday of 单田芳, 单田芳"),
        ("{who:>5}|{kind}", "  单田芳|birthday"),  # padded: formatted whole, row by row
        ("{who!r} {kind}", "'单田芳' birthday"),
        ("{{who}} {who} {kind}", "{who} 单田芳 birthday"),
    ],
)
def test_anniversary_titles_follow_the_translation_whatever_it_does_with_the_name(
    wb: Workbench,
    customer: Customer,
    title_in: Callable[[str], None],
    template: str,
    expected: str,
) -> None:
    for _ in range(2):  # the second row of a kind and day reuses what the first one prepared
        wb.anniversaries.create(contact_id=customer.owner.id, kind="birthday", calendar="lunar",
                                month=2, day=10)  # fmt: skip
    title_in(template)
    titles = [t for _on, t in days_of(agenda(wb, date(2024, 3, 19), 1))]
    assert titles == [expected, expected]
