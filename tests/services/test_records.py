"""The life of a record: validation, change stamps, tombstones and restore, all or nothing."""

from datetime import date

import pytest
from sqlalchemy import func, select

from kamdesk.domain.enums import AccountStatus, Sensitivity
from kamdesk.domain.errors import Ambiguous, NotFound, ValidationError
from kamdesk.domain.hlc import Stamp
from kamdesk.services.workbench import Workbench
from kamdesk.storage.models import Account, Contact, Preference, Visit, VisitContact
from tests.conftest import Customer


def count(wb: Workbench, model: type) -> int:
    with wb.archive.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_a_new_account_gets_a_uuid_timestamps_and_a_creation_stamp(wb: Workbench) -> None:
    account = wb.accounts.create(name="杭州海川电子有限公司", city="杭州")
    assert len(account.id) == 36 and account.id.count("-") == 4
    assert account.created_at == account.updated_at
    assert Stamp.decode(account.created_hlc).node == wb.archive.installation_id
    assert account.field_hlc == {}
    assert account.status is AccountStatus.ACTIVE


def test_an_update_stamps_exactly_the_fields_that_changed(
    wb: Workbench, customer: Customer
) -> None:
    updated = wb.accounts.update(
        customer.account.id, city="苏州", potential="2,000,000", notes="新厂"
    )
    assert set(updated.field_hlc) == {"potential", "notes"}  # city did not change
    assert updated.potential == 2_000_000
    later = wb.accounts.update(customer.account.id, notes="新厂二期")
    assert later.field_hlc["notes"] > updated.field_hlc["notes"]
    assert later.field_hlc["potential"] == updated.field_hlc["potential"]


def test_invalid_input_is_refused_with_every_reason_and_nothing_written(
    wb: Workbench, customer: Customer
) -> None:
    before = count(wb, Contact)
    with pytest.raises(ValidationError) as caught:
        wb.contacts.create(
            account_id=customer.account.id,
            name=" ",
            strength=7,
            phones=["12"],
            emails=["not-an-email"],
        )
    fields = {p.field for p in caught.value.problems}
    assert fields == {"name", "strength", "phones", "emails"}
    assert count(wb, Contact) == before


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("renewal_date", "2026-02-30", "real date"),
        ("status", "sleeping", "one of"),
        ("potential", "a lot", "whole number"),
        ("color", "red", "not a field"),
        ("id", "x", "not a field"),
    ],
)
def test_bad_values_get_a_sentence_naming_the_field(
    wb: Workbench, customer: Customer, field: str, value: str, words: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        wb.accounts.update(customer.account.id, **{field: value})
    assert field in str(caught.value) and words in str(caught.value)


def test_two_live_accounts_cannot_share_a_name(wb: Workbench, customer: Customer) -> None:
    with pytest.raises(ValidationError, match="already exists"):
        wb.accounts.create(name="苏州恒瑞精密机械有限公司")


def test_a_key_account_needs_a_reason(wb: Workbench, customer: Customer) -> None:
    with pytest.raises(ValidationError, match="key_account_reason"):
        wb.accounts.update(customer.account.id, is_key_account=True)
    marked = wb.accounts.update(
        customer.account.id, is_key_account="yes", key_account_reason="年毛利前 5%，合作 8 年"
    )
    assert marked.is_key_account


def test_reporting_lines_stay_inside_the_account_and_never_loop(
    wb: Workbench, customer: Customer
) -> None:
    with pytest.raises(ValidationError, match="circle"):
        wb.contacts.update(customer.owner.id, reports_to_id=customer.buyer.id)
    other = wb.accounts.create(name="宁波东方物流有限公司")
    stranger = wb.contacts.create(account_id=other.id, name="何力")
    with pytest.raises(ValidationError, match="another account"):
        wb.contacts.update(customer.buyer.id, reports_to_id=stranger.id)


def test_deleting_an_account_tombstones_it_with_everything_that_belongs_to_it(
    wb: Workbench, customer: Customer
) -> None:
    wb.preferences.create(contact_id=customer.owner.id, category="drink", value="普洱茶")
    wb.visits.log(customer.account.id, [customer.owner.id], purpose="年度回顾")
    batch = wb.accounts.delete(customer.account.id)
    with pytest.raises(NotFound):
        wb.accounts.get(customer.account.id)
    gone = wb.contacts.get(customer.vp.id, include_deleted=True)
    assert gone.is_deleted and gone.deleted_batch == batch
    assert "deleted_at" in gone.field_hlc
    assert count(wb, Contact) == 3  # tombstones stay so that sync can carry them


def test_restoring_an_account_brings_back_what_was_deleted_with_it_only(
    wb: Workbench, customer: Customer
) -> None:
    wb.contacts.delete(customer.buyer.id)  # deleted on its own, earlier
    wb.accounts.delete(customer.account.id)
    wb.accounts.restore(customer.account.id)
    assert not wb.contacts.get(customer.owner.id).is_deleted
    assert wb.contacts.get(customer.buyer.id, include_deleted=True).is_deleted


def test_a_contact_cannot_come_back_while_its_account_is_deleted(
    wb: Workbench, customer: Customer
) -> None:
    wb.contacts.delete(customer.vp.id)
    wb.accounts.delete(customer.account.id)
    with pytest.raises(NotFound, match="account"):
        wb.contacts.restore(customer.vp.id)


def test_a_visit_with_a_stranger_is_refused_and_leaves_no_visit(
    wb: Workbench, customer: Customer
) -> None:
    other = wb.accounts.create(name="宁波东方物流有限公司")
    stranger = wb.contacts.create(account_id=other.id, name="何力")
    with pytest.raises(ValidationError, match="not a contact of this account"):
        wb.visits.log(customer.account.id, [customer.owner.id, stranger.id], purpose="拜访")
    assert count(wb, Visit) == 0 and count(wb, VisitContact) == 0


def test_a_visit_remembers_who_was_met(wb: Workbench, customer: Customer) -> None:
    visit = wb.visits.log(
        customer.account.id,
        [customer.owner.id, customer.vp.id],
        kind="dinner",
        occurred_at="2026-11-20 18:30",
        cost=1200,
        satisfaction=5,
        follow_up_on="2026-12-01",
    )
    assert set(wb.visits.contacts_met(visit.id)) == {customer.owner.id, customer.vp.id}
    wb.visits.set_contacts(visit.id, [customer.buyer.id])
    assert wb.visits.contacts_met(visit.id) == [customer.buyer.id]
    assert "contact_ids" in wb.visits.get(visit.id).field_hlc


def test_preferences_of_a_contact_belong_to_its_account(wb: Workbench, customer: Customer) -> None:
    taboo = wb.preferences.create(
        contact_id=customer.vp.id, category="taboo", value="忌讳送钟", likes=False
    )
    assert taboo.account_id == customer.account.id and not taboo.likes
    with pytest.raises(ValidationError, match="category"):
        wb.preferences.create(contact_id=customer.vp.id, category="astrology", value="x")


def test_a_family_members_birthday_is_sensitive_by_default(
    wb: Workbench, customer: Customer
) -> None:
    day = wb.anniversaries.create(
        contact_id=customer.owner.id,
        kind="child_birthday",
        family_member="女儿 小雨",
        month=6,
        day=1,
    )
    assert day.sensitivity is Sensitivity.SENSITIVE


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"calendar": "lunar", "month": 2, "day": 10, "leap_month": True, "year": 2024}, "no leap"),
        ({"calendar": "lunar", "month": 2, "day": 30, "leap_month": True, "year": 2023}, "29 days"),
        ({"calendar": "solar", "month": 2, "day": 29, "year": 2023}, "no 29 February"),
        ({"calendar": "solar", "month": 4, "day": 31}, "only 30 days"),
        ({"calendar": "solar", "month": 5, "day": 1, "leap_month": True}, "only lunar"),
        ({"calendar": "solar", "month": 5, "day": 1, "year": 2999}, "year"),
    ],
)
def test_anniversaries_must_be_days_that_exist(
    wb: Workbench, customer: Customer, fields: dict[str, object], words: str
) -> None:
    with pytest.raises(ValidationError, match=words):
        wb.anniversaries.create(contact_id=customer.owner.id, kind="birthday", **fields)


def test_a_leap_month_lunar_birthday_is_kept_as_entered(wb: Workbench, customer: Customer) -> None:
    day = wb.anniversaries.create(
        contact_id=customer.owner.id,
        kind="birthday",
        calendar="lunar",
        month=2,
        day=29,
        leap_month=True,
        year=2023,
    )
    stored = wb.anniversaries.get(day.id)
    assert (stored.month, stored.day, stored.leap_month, stored.year) == (2, 29, True, 2023)


def test_solar_29_february_without_a_year_is_accepted(wb: Workbench, customer: Customer) -> None:
    day = wb.anniversaries.create(contact_id=customer.owner.id, kind="birthday", month=2, day=29)
    assert (day.month, day.day) == (2, 29)


def test_issues_default_to_raised_today_and_get_a_resolution_date_when_resolved(
    wb: Workbench, customer: Customer
) -> None:
    issue = wb.issues.create(
        account_id=customer.account.id, description="交货延迟三天", responsible="李工"
    )
    assert issue.raised_on == date.today()
    done = wb.issues.update(issue.id, status="resolved", resolution="加急补发")
    assert done.resolved_on == date.today()
    with pytest.raises(ValidationError, match="due before"):
        wb.issues.update(issue.id, due_on="2000-01-01")


def test_yearly_figures_are_one_row_per_year(wb: Workbench, customer: Customer) -> None:
    first = wb.years.set_year(customer.account.id, 2025, 1_000_000, 250_000)
    again = wb.years.set_year(customer.account.id, 2025, 1_200_000, 300_000)
    assert first.id == again.id and again.gross_profit == 300_000


def test_names_and_id_prefixes_resolve_but_shared_names_are_ambiguous(
    wb: Workbench, customer: Customer
) -> None:
    assert wb.accounts.resolve("恒瑞精密").id == customer.account.id
    assert wb.accounts.resolve(customer.account.id[:8]).id == customer.account.id
    other = wb.accounts.create(name="宁波东方物流有限公司")
    wb.contacts.create(account_id=other.id, name="单田芳")
    with pytest.raises(Ambiguous, match="单田芳"):
        wb.contacts.resolve("单田芳")
    with pytest.raises(NotFound):
        wb.accounts.resolve("不存在的公司")


def test_text_keeps_emoji_and_braces_but_drops_control_characters(
    wb: Workbench, customer: Customer
) -> None:
    notes = "客户喜欢🍵，{{不要}}替换\x07" + "长" * 10_000
    account = wb.accounts.update(customer.account.id, notes=notes)
    assert account.notes.startswith("客户喜欢🍵，{{不要}}替换长")
    assert "\x07" not in account.notes and len(account.notes) == 10_014


def test_an_account_page_lists_contacts_from_the_top_down(
    wb: Workbench, customer: Customer
) -> None:
    from kamdesk.services.queries import overview

    with wb.archive.reading() as session:
        account = session.get(Account, customer.account.id)
        assert account is not None
        view = overview(session, account)
    assert [c.name for c in view.contacts] == ["单田芳", "曾国华", "欧阳娜娜"]


def test_a_deleted_preference_stays_as_a_tombstone_until_restored(
    wb: Workbench, customer: Customer
) -> None:
    pref = wb.preferences.create(account_id=customer.account.id, category="gift", value="茶叶")
    wb.preferences.delete(pref.id)
    assert count(wb, Preference) == 1
    assert wb.preferences.restore(pref.id).deleted_at is None


def test_listing_by_field_skips_tombstones_unless_asked(wb: Workbench, customer: Customer) -> None:
    contacts = wb.contacts.list(account_id=customer.account.id)
    assert [c.name for c in contacts] == ["单田芳", "曾国华", "欧阳娜娜"]
    wb.contacts.delete(customer.buyer.id)
    assert len(wb.contacts.list(account_id=customer.account.id)) == 2
    assert len(wb.contacts.list(account_id=customer.account.id, include_deleted=True)) == 3
    with pytest.raises(ValidationError, match="not a field"):
        wb.contacts.list(shoe_size=42)


def test_an_account_cannot_be_restored_over_a_new_one_of_the_same_name(
    wb: Workbench, customer: Customer
) -> None:
    wb.accounts.delete(customer.account.id)
    wb.accounts.create(name="苏州恒瑞精密机械有限公司")
    with pytest.raises(ValidationError, match="now named"):
        wb.accounts.restore(customer.account.id)
