"""The data model's promises: portable ids, change stamps, sensitivity labels on every field."""

import pytest

from kamdesk.domain.enums import Sensitivity
from kamdesk.storage.models import SYNCED_MODELS, Base, Contact, sensitivity_of


@pytest.mark.parametrize("model", SYNCED_MODELS, ids=lambda m: m.__tablename__)
def test_every_synchronised_table_has_a_uuid_key_timestamps_tombstone_and_stamps(
    model: type,
) -> None:
    columns = model.__table__.columns
    assert [c.key for c in model.__table__.primary_key.columns] == ["id"]
    assert columns["id"].type.length == 36
    for name in (
        "created_at",
        "updated_at",
        "deleted_at",
        "deleted_batch",
        "created_hlc",
        "field_hlc",
    ):
        assert name in columns


DERIVED_OR_INTERNAL = {
    "search_keys",
    "standing_cache",
    "meta",
    "settings",
    "visit_contacts",
    "sync_peers",  # exchange bookkeeping: never exported as records
    "sync_packages",
    "sync_conflicts",
}


def test_every_column_of_every_table_carries_a_sensitivity_label() -> None:
    for table in Base.metadata.sorted_tables:
        model = next(m for m in Base.registry.mappers if m.local_table is table).class_
        for column in table.columns:
            if table.name in DERIVED_OR_INTERNAL:
                continue
            assert "sensitivity" in column.info, f"{table.name}.{column.key}"
            assert isinstance(sensitivity_of(model, column.key), Sensitivity)


@pytest.mark.parametrize("field", ["health_notes", "income_range", "family_members", "children"])
def test_health_income_and_family_are_sensitive(field: str) -> None:
    assert sensitivity_of(Contact, field) is Sensitivity.SENSITIVE


@pytest.mark.parametrize("field", ["phones", "emails", "wechat_id", "hometown", "hobbies"])
def test_private_contact_details_are_personal(field: str) -> None:
    assert sensitivity_of(Contact, field) is Sensitivity.PERSONAL


@pytest.mark.parametrize("field", ["name", "title", "level", "attitude", "strength"])
def test_working_facts_are_normal(field: str) -> None:
    assert sensitivity_of(Contact, field) is Sensitivity.NORMAL
