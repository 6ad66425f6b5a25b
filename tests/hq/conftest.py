"""A real PostgreSQL server for the HQ tests: the one named by KAMDESK_TEST_PG_URL (a URL of a
role that may create databases), or a throwaway server started for the session from the
installed binaries. Without either the tests are skipped, except where KAMDESK_REQUIRE_PG=1
(CI): there they fail. Each test gets a database of its own."""

from __future__ import annotations

import importlib.util
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from kamdesk.hq.database import HqDatabase
from kamdesk.services.workbench import Workbench


def _load_pgserver() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "kamdesk_test_pgserver", Path(__file__).with_name("pgserver.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _unavailable(reason: str) -> None:
    if os.environ.get("KAMDESK_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL is required here (KAMDESK_REQUIRE_PG=1): {reason}")
    pytest.skip(f"no PostgreSQL server: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL role that may create databases."""
    given = os.environ.get("KAMDESK_TEST_PG_URL")
    if given:
        yield given
        return
    try:
        import psycopg  # noqa: F401 - only to see that it is there
    except ImportError:
        _unavailable("the psycopg driver is not installed (pip install 'kamdesk[hq]')")
    pgserver = _load_pgserver()
    folder = pgserver.binaries()
    if folder is None:
        _unavailable("no initdb/pg_ctl found; install PostgreSQL (.ci/postgres.sh)")
    server = pgserver.TemporaryServer(folder)
    try:
        url = server.start()
    except (RuntimeError, OSError, KeyError) as exc:
        _unavailable(f"could not start a temporary server: {exc}")
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_admin(pg_server: str) -> Iterator[Engine]:
    """An engine on the server's maintenance database, to make and drop databases."""
    admin = create_engine(
        make_url(pg_server).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    yield admin
    admin.dispose()


def _make_database(admin: Engine, like: str | URL | None = None) -> str:
    name = f"kamdesk_hq_{uuid.uuid4().hex[:12]}"
    template = f' TEMPLATE "{make_url(like).database}"' if like else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{template}'))
    return admin.url.set(database=name).render_as_string(hide_password=False)


def _drop_databases(admin: Engine, urls: list[str]) -> None:
    with admin.connect() as connection:
        for url in urls:
            name = make_url(url).database
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
def new_database(pg_admin: Engine) -> Iterator[Callable[..., str]]:
    """A function that makes a database and gives its URL: empty, or a copy of the database
    at the URL `like` (nobody may be connected to that one). Dropped after the test."""
    made: list[str] = []

    def make(like: str | URL | None = None) -> str:
        made.append(_make_database(pg_admin, like))
        return made[-1]

    yield make
    _drop_databases(pg_admin, made)


@pytest.fixture
def hq_url(new_database: Callable[..., str]) -> str:
    """The URL of an empty database for this test."""
    return new_database()


@pytest.fixture(scope="session")
def hq_template(pg_admin: Engine) -> Iterator[str]:
    """An HQ database (总部) with no managers yet, made once: tests start from copies."""
    url = _make_database(pg_admin)
    HqDatabase.create(url, "总部").close()
    yield url
    _drop_databases(pg_admin, [url])


NAMES = {"a": "王经理", "b": "李经理", "c": "张经理"}


@pytest.fixture
def field(tmp_path: Path) -> Iterator[dict[str, Workbench]]:
    """Three managers' archives (王经理, 李经理, 张经理) that know each other's keys."""
    opened = {n: Workbench.open(tmp_path / f"{n}.kamdesk") for n in NAMES}
    for name, bench in opened.items():
        bench.sync.set_name(NAMES[name])
    for bench in opened.values():
        for other in opened.values():
            if other is not bench:
                bench.sync.register(other.sync.public_card())
    yield opened
    for bench in opened.values():
        bench.close()


@pytest.fixture
def hq(
    hq_template: str, new_database: Callable[..., str], field: dict[str, Workbench]
) -> Iterator[HqDatabase]:
    """HQ's database (总部), knowing every manager's key; every manager knows HQ's."""
    database = HqDatabase.open(new_database(like=hq_template))
    for bench in field.values():
        database.register(bench.sync.public_card())
        bench.sync.register(database.public_card(), hq=True)
    yield database
    database.close()
