"""The .ics file as calendar programs read it: parsed back with vobject, not icalendar."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import vobject  # type: ignore[import-untyped]

from kamdesk.interchange.ical import write_calendar
from kamdesk.services.workbench import Workbench
from tests.conftest import Customer

TODAY = date(2025, 1, 10)


def events(path: Path) -> dict[str, Any]:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return {event.uid.value: event for event in calendar.vevent_list}


@pytest.fixture
def days(wb: Workbench, customer: Customer) -> dict[str, str]:
    solar = wb.anniversaries.create(contact_id=customer.owner.id, kind="birthday", month=9, day=17)
    lunar = wb.anniversaries.create(
        contact_id=customer.vp.id, kind="birthday", calendar="lunar", month=8, day=15
    )
    leap = wb.anniversaries.create(
        contact_id=customer.vp.id, kind="wedding", calendar="lunar", month=6, day=30,
        leap_month=True,
    )  # fmt: skip
    feb29 = wb.anniversaries.create(contact_id=customer.buyer.id, kind="birthday", month=2, day=29)
    family = wb.anniversaries.create(
        contact_id=customer.owner.id, kind="child_birthday", month=5, day=3,
        family_member="女儿 小雨",
    )  # fmt: skip
    return {"solar": solar.id, "lunar": lunar.id, "leap": leap.id, "feb29": feb29.id,
            "family": family.id}  # fmt: skip


def test_a_solar_day_is_one_yearly_all_day_event(
    wb: Workbench, days: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "kam.ics"
    write_calendar(wb, path, TODAY)
    event = events(path)[f"{days['solar']}@kamdesk"]
    assert event.dtstart.value == date(2025, 9, 17)
    assert not isinstance(event.dtstart.value, datetime)  # all day
    assert event.rrule.value == "FREQ=YEARLY"
    assert event.summary.value == "单田芳 birthday"
    assert list(event.getrruleset())[1] == datetime(2026, 9, 17)


def test_a_lunar_day_is_one_event_per_year_on_its_solar_date(
    wb: Workbench, days: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "kam.ics"
    write_calendar(wb, path, TODAY, years=3)
    found = events(path)
    mid_autumn = {uid: e.dtstart.value for uid, e in found.items() if uid.startswith(days["lunar"])}
    assert mid_autumn == {
        f"{days['lunar']}-2025@kamdesk": date(2025, 10, 6),
        f"{days['lunar']}-2026@kamdesk": date(2026, 9, 25),
        f"{days['lunar']}-2027@kamdesk": date(2027, 9, 15),
    }
    assert not any(hasattr(found[uid], "rrule") for uid in mid_autumn)
    assert found[f"{days['lunar']}-2025@kamdesk"].summary.value == "曾国华 birthday (lunar 08-15)"


def test_leap_month_and_day_30_rules_apply_in_the_file(
    wb: Workbench, days: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "kam.ics"
    write_calendar(wb, path, TODAY, years=2)
    found = events(path)
    leap_2025 = found[f"{days['leap']}-2025@kamdesk"]  # 2025 has a leap sixth month of 29 days
    assert leap_2025.dtstart.value == date(2025, 8, 22)
    ordinary_2026 = found[f"{days['leap']}-2026@kamdesk"]
    assert "no leap month 6 in lunar 2026" in ordinary_2026.description.value


def test_29_february_is_one_event_per_year_on_28_february_in_common_years(
    wb: Workbench, days: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "kam.ics"
    write_calendar(wb, path, TODAY, years=4)
    found = events(path)
    dates = sorted(e.dtstart.value for u, e in found.items() if u.startswith(days["feb29"]))
    assert dates == [date(2025, 2, 28), date(2026, 2, 28), date(2027, 2, 28), date(2028, 2, 29)]


def test_uids_are_the_same_in_a_second_export(
    wb: Workbench, days: dict[str, str], tmp_path: Path
) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    write_calendar(wb, first, TODAY)
    write_calendar(wb.archive, second, TODAY)
    assert events(first).keys() == events(second).keys()
    assert len(events(first)) == 1 + 3 + 3 + 3 + 1  # solar, lunar x3, leap x3, 29 Feb x3, family


def test_family_members_are_left_out_unless_asked_for(
    wb: Workbench, days: dict[str, str], tmp_path: Path
) -> None:
    plain, full = tmp_path / "plain.ics", tmp_path / "full.ics"
    write_calendar(wb, plain, TODAY)
    write_calendar(wb, full, TODAY, include_sensitive=True)
    assert "小雨" not in plain.read_text(encoding="utf-8")
    assert "family member" in events(plain)[f"{days['family']}@kamdesk"].summary.value
    assert "女儿 小雨" in events(full)[f"{days['family']}@kamdesk"].summary.value


def test_planned_follow_ups_are_events_and_past_ones_are_not(
    wb: Workbench, customer: Customer, tmp_path: Path
) -> None:
    ahead = wb.visits.log(customer.account.id, occurred_at=datetime(2025, 1, 5),
                          follow_up_on=date(2025, 1, 20), next_steps="报价")  # fmt: skip
    wb.visits.log(customer.account.id, occurred_at=datetime(2024, 12, 1),
                  follow_up_on=date(2024, 12, 20))  # fmt: skip
    path = tmp_path / "kam.ics"
    assert write_calendar(wb, path, TODAY) == 1
    [event] = events(path).values()
    assert event.uid.value == f"{ahead.id}-follow-up@kamdesk"
    assert event.dtstart.value == date(2025, 1, 20)
    assert "苏州恒瑞精密机械有限公司" in event.summary.value and "报价" in event.description.value


def test_the_file_is_replaced_whole_and_no_temporary_file_is_left(
    wb: Workbench, days: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "kam.ics"
    path.write_text("old", encoding="utf-8")
    write_calendar(wb, path, TODAY)
    assert path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]
