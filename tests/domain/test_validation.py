"""Phone numbers and e-mail addresses are checked for shape, the way people write them."""

import pytest

from kamdesk.domain.validation import clean_text, email_problem, phone_digits, phone_problem


@pytest.mark.parametrize(
    "phone",
    [
        "13812345678",
        "138 1234 5678",
        "+86 138-1234-5678",
        "021-6888 8888",
        "(0512) 6688-1234 转 806",
        "95588",
    ],
)
def test_numbers_as_people_write_them_are_accepted(phone: str) -> None:
    assert phone_problem(phone) is None


@pytest.mark.parametrize(
    "phone", ["abc", "12", "1381234567890123456", "12012345678", "138-1234-567a"]
)
def test_implausible_numbers_are_refused(phone: str) -> None:
    assert phone_problem(phone) is not None


def test_country_code_is_not_part_of_the_digits() -> None:
    assert phone_digits("+86 138-1234-5678") == "13812345678"
    assert phone_digits("0086 13812345678") == "13812345678"


@pytest.mark.parametrize("email", ["li.lei@example.com", "王@公司.中国"])
def test_plausible_emails_pass(email: str) -> None:
    assert email_problem(email) is None


@pytest.mark.parametrize("email", ["li.lei", "a@b", "a b@example.com", "@example.com"])
def test_implausible_emails_fail(email: str) -> None:
    assert email_problem(email) is not None


def test_control_characters_are_dropped_but_lines_kept() -> None:
    assert clean_text("第一行\n第二行\x00\x1b") == "第一行\n第二行"
