"""Greetings: a fresh suggestion each time, a log with ids and stamps, warnings on repeats."""

from __future__ import annotations

from datetime import date

import pytest

from kamdesk.domain.errors import NotFound, ValidationError
from kamdesk.domain.greeting_templates import TEMPLATES, occasion_key, render
from kamdesk.services.greetings import GreetingService
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer


@pytest.fixture
def greetings(wb: Workbench) -> GreetingService:
    return GreetingService(wb.archive)


def test_every_occasion_has_several_templates_and_all_render_without_braces_left() -> None:
    values = {"name": "单田芳", "title": "董事长", "company": "恒瑞精密", "years": 10}
    for occasion in ("birthday", "lunar_birthday", "wedding", "child_birthday",
                     "company_founding", "cooperation", "spring_festival", "lantern_festival",
                     "dragon_boat", "mid_autumn", "double_ninth", "new_year", "national_day",
                     "teachers_day"):  # fmt: skip
        assert len(TEMPLATES[occasion]) >= 2, occasion
        for template in TEMPLATES[occasion]:
            assert "{" not in render(template, values)


def test_rendering_keeps_braces_in_values_and_leaves_a_missing_placeholder_alone() -> None:
    values = {"company": "{{x}}", "name": "{title}"}
    text = render("{company}成立{years}周年，{name}{title}", values)
    assert text == "{{x}}成立{years}周年，{title}{title}"
    assert render("odd { braces } {{name}}", {"name": "张三"}) == "odd { braces } {张三}"


def test_occasions_are_matched_loosely() -> None:
    assert occasion_key(" Mid-Autumn ") == "mid_autumn"
    assert occasion_key("lantern") == "lantern_festival"


def test_a_suggestion_is_addressed_to_the_person(
    greetings: GreetingService, customer: Customer
) -> None:
    text = greetings.suggest(customer.owner.id, "mid_autumn")
    assert "单田芳董事长" in text and "{" not in text


def test_the_next_suggestion_is_one_the_person_has_not_had(
    greetings: GreetingService, customer: Customer
) -> None:
    first = greetings.suggest(customer.owner.id, "spring_festival")
    greetings.log(customer.owner.id, "spring_festival", "wechat", first, date(2024, 2, 10))
    second = greetings.suggest(customer.owner.id, "spring_festival")
    assert second != first
    greetings.log(customer.owner.id, "spring_festival", "sms", second, date(2025, 1, 29))
    third = greetings.suggest(customer.owner.id, "spring_festival")
    assert third not in (first, second)
    greetings.log(customer.owner.id, "spring_festival", "card", third, date(2026, 2, 17))
    assert greetings.suggest(customer.owner.id, "spring_festival") == first  # sent longest ago


def test_years_are_filled_in_only_when_known(
    wb: Workbench, greetings: GreetingService, customer: Customer
) -> None:
    assert "{years}" not in greetings.suggest(customer.owner.id, "cooperation")
    wb.accounts.update(customer.account.id, cooperation_since=date(2015, 4, 1))
    texts = {greetings.suggest(customer.owner.id, "cooperation", today=date(2025, 4, 1))}
    assert any("合作10年" in t for t in texts)


def test_an_unknown_occasion_cannot_be_suggested_but_can_be_logged(
    greetings: GreetingService, customer: Customer
) -> None:
    with pytest.raises(ValidationError, match="promotion"):
        greetings.suggest(customer.vp.id, "promotion")
    greeting, warnings = greetings.log(customer.vp.id, "promotion", "gift", "恭喜高升！")
    assert greeting.occasion == "promotion" and warnings == []


def test_a_logged_greeting_has_an_id_stamps_and_the_contacts_account(
    greetings: GreetingService, customer: Customer
) -> None:
    greeting, warnings = greetings.log(
        customer.buyer.id, "Dragon Boat", "wechat", "端午安康！", date(2025, 5, 31)
    )
    assert warnings == []
    assert greeting.id and greeting.created_hlc
    assert greeting.account_id == customer.account.id
    assert (greeting.occasion, greeting.channel, greeting.sent_on) == (
        "dragon_boat", "wechat", date(2025, 5, 31),
    )  # fmt: skip


def test_sending_the_same_text_again_warns_even_with_different_spaces(
    greetings: GreetingService, customer: Customer
) -> None:
    greetings.log(customer.owner.id, "mid_autumn", "wechat", "中秋快乐，阖家团圆！",
                  date(2025, 9, 17))  # fmt: skip
    _greeting, warnings = greetings.log(
        customer.owner.id, "birthday", "sms", " 中秋快乐， 阖家团圆！\u3000", date(2026, 9, 25)
    )
    assert warnings == ["the same text was sent to 单田芳 on 2025-09-17"]


def test_a_second_greeting_for_the_same_occasion_soon_after_warns(
    greetings: GreetingService, customer: Customer
) -> None:
    greetings.log(customer.vp.id, "birthday", "wechat", "生日快乐！", date(2025, 3, 1))
    _g, warnings = greetings.log(customer.vp.id, "birthday", "gift", "", date(2025, 3, 2))
    assert warnings == ["曾国华 already had a birthday greeting on 2025-03-01"]


def test_history_is_newest_first_and_only_that_persons(
    greetings: GreetingService, customer: Customer
) -> None:
    greetings.log(customer.vp.id, "new_year", "wechat", "元旦快乐", date(2025, 1, 1))
    greetings.log(customer.vp.id, "spring_festival", "card", "新春快乐", date(2025, 1, 29))
    greetings.log(customer.owner.id, "new_year", "wechat", "元旦快乐", date(2025, 1, 1))
    history = greetings.history(customer.vp.id)
    assert [g.text for g in history] == ["新春快乐", "元旦快乐"]


def test_a_bad_channel_or_a_deleted_contact_is_refused(
    wb: Workbench, greetings: GreetingService, customer: Customer
) -> None:
    with pytest.raises(ValidationError, match="channel"):
        greetings.log(customer.vp.id, "birthday", "pigeon", "生日快乐")
    wb.contacts.delete(customer.vp.id)
    with pytest.raises(NotFound):
        greetings.log(customer.vp.id, "birthday", "wechat", "生日快乐")
