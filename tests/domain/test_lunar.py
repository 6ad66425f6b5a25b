"""Which lunar dates exist: a leap month only where the year has one, day 30 in long months."""

import pytest

from kamdesk.domain.lunar import days_in_month, leap_month_of, lunar_date_problem


def test_2023_has_a_leap_second_month_and_2024_has_none() -> None:
    assert leap_month_of(2023) == 2
    assert leap_month_of(2024) == 0


@pytest.mark.parametrize(
    ("month", "day", "leap", "year"),
    [(8, 15, False, None), (2, 29, True, 2023), (1, 1, False, 1901), (12, 30, False, None)],
)
def test_real_lunar_dates_are_accepted(month: int, day: int, leap: bool, year: int | None) -> None:
    assert lunar_date_problem(month, day, leap, year) is None


@pytest.mark.parametrize(
    ("month", "day", "leap", "year", "words"),
    [
        (2, 10, True, 2024, "no leap month"),
        (3, 10, True, 2023, "leap month after month 2"),
        (2, 30, True, 2023, "only 29 days"),
        (13, 1, False, None, "1 to 12"),
        (1, 31, False, None, "1 to 30"),
        (5, 1, False, 1850, "between"),
    ],
)
def test_impossible_lunar_dates_are_refused_with_a_reason(
    month: int, day: int, leap: bool, year: int | None, words: str
) -> None:
    problem = lunar_date_problem(month, day, leap, year)
    assert problem is not None and words in problem


def test_a_lunar_month_has_29_or_30_days() -> None:
    lengths = {days_in_month(2025, m, False) for m in range(1, 13)}
    assert lengths == {29, 30}
