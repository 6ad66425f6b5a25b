"""Setting up the HQ database: the archive's own migrations on PostgreSQL, HQ's keys made once,
the managers it trusts, and plain sentences for the ways it can go wrong."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest
from sqlalchemy import create_engine, inspect, text

from kamdesk.hq import HqError
from kamdesk.hq.database import HqDatabase, database_url
from kamdesk.services.workbench import Workbench
from kamdesk.storage.migrations import HEAD


def test_init_builds_the_archive_schema_from_its_migrations_and_hq_keys_once(
    hq_url: str,
) -> None:
    with HqDatabase.create(hq_url, "总部") as database:
        card = database.public_card()
        with database.engine.connect() as connection:
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                HEAD
            )
            tables = set(inspect(connection).get_table_names())
            revenue = connection.execute(
                text(
                    "SELECT data_type FROM information_schema.columns "
                    "WHERE table_name = 'account_years' AND column_name = 'revenue'"
                )
            ).scalar()
            stiff = connection.execute(
                text("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable")
            ).scalar()
    assert {"accounts", "contacts", "visits", "sync_peers", "hq_owners"} <= tables
    assert revenue == "bigint" and stiff == 0
    assert card.name == "总部"
    with HqDatabase.create(hq_url) as again:  # running init again changes nothing
        assert again.public_card() == card
    with HqDatabase.create(hq_url, "集团总部") as renamed:
        assert renamed.public_card().same_keys(card) and renamed.public_card().name == "集团总部"


def test_a_database_never_set_up_is_not_taken_for_an_hq_database(hq_url: str) -> None:
    with pytest.raises(HqError, match="kamdesk hq init"):
        HqDatabase.open(hq_url)


def test_init_leaves_a_database_that_holds_other_tables_alone(hq_url: str) -> None:
    engine = create_engine(database_url(hq_url))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE payroll (id integer)"))
    with pytest.raises(HqError, match="not kamdesk's"):
        HqDatabase.create(hq_url)
    with engine.connect() as connection:
        assert inspect(connection).get_table_names() == ["payroll"]
    engine.dispose()


def test_only_postgresql_urls_are_taken() -> None:
    assert str(database_url("postgres://hq@db.example/kamdesk_hq")) == (
        "postgresql+psycopg://hq@db.example/kamdesk_hq"
    )
    with pytest.raises(HqError, match="PostgreSQL"):
        database_url("sqlite:///hq.db")
    with pytest.raises(HqError, match="not a database URL"):
        database_url("总部数据库")


def test_a_server_that_cannot_be_reached_is_one_sentence_without_the_password(
    pg_server: str,
) -> None:
    with pytest.raises(HqError, match="cannot connect") as caught:
        HqDatabase.connect("postgresql://hq:s3cret-pw@127.0.0.1:1/kamdesk_hq")
    assert "s3cret-pw" not in str(caught.value) and "\n" not in str(caught.value)


def test_without_the_driver_the_message_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, pg_server: str
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(HqError, match=r"kamdesk\[hq\]"):
        HqDatabase.connect(pg_server)


def test_a_manager_registered_with_one_key_is_not_silently_given_another(
    hq: HqDatabase, field: dict[str, Workbench], tmp_path_factory: pytest.TempPathFactory
) -> None:
    wang = field["a"].sync.public_card()
    assert {m.name for m in hq.managers()} == {"王经理", "李经理", "张经理"}
    other_folder = tmp_path_factory.mktemp("impostor")
    with Workbench.open(other_folder / "x.kamdesk") as impostor:
        forged = impostor.sync.public_card()
    forged = replace(forged, installation_id=wang.installation_id, name="王经理")
    with pytest.raises(HqError, match="already registered with a different key"):
        hq.register(forged)
    assert hq.card_of(wang.installation_id) == wang
    hq.register(forged, replace=True)
    assert hq.card_of(wang.installation_id) == forged
    with pytest.raises(HqError, match="own key"):
        hq.register(hq.public_card())
