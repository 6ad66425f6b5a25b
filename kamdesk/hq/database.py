"""The HQ database: connecting, creating and upgrading it, HQ's own keys and the managers it
trusts.

The schema is the archive's, made by the same Alembic migrations, then adapted where
PostgreSQL differs from SQLite in what the merge relies on: whole numbers as BIGINT (SQLite's
integers are 64-bit) and foreign keys checked at commit when a merge asks for it (as SQLite's
``PRAGMA defer_foreign_keys`` does). HQ's key pair (Ed25519 and age, as on a laptop) is kept in
the `meta` table, so whoever can read that table can open packages sent to HQ: give the
database's role to HQ staff only.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    Integer,
    Table,
    create_engine,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from kamdesk.domain.errors import SchemaTooNew
from kamdesk.domain.hlc import HybridClock, Stamp
from kamdesk.hq import HqError, require_driver
from kamdesk.hq.tables import HQ_METADATA, vector
from kamdesk.i18n import _
from kamdesk.storage.migrations import HEAD, KNOWN_REVISIONS
from kamdesk.storage.models import SYNCED_MODELS, Meta, SyncPackage, SyncPeer
from kamdesk.sync.keys import InstallationKeys, PublicCard
from kamdesk.sync.records import archive_vector

KEYS_META = "sync_keys"
"""The same meta key a laptop keeps its keys under."""
MARK_META = "hq_database"
CLOCK_META = "hlc_last"
DEFAULT_NAME = "HQ"
MERGE_LOCK = 0x6B616D6465736B01
"""The advisory lock every merge holds until it commits: merges run one at a time."""
SETUP_LOCK = 0x6B616D6465736B02


@dataclass(frozen=True)
class ManagerRow:
    """A manager's installation HQ takes packages from."""

    installation_id: str
    name: str
    fingerprint: str
    registered_at: datetime


def database_url(text_url: str) -> URL:
    """The SQLAlchemy URL for a PostgreSQL URL as people write it (postgresql://…)."""
    try:
        url = make_url(text_url.strip())
    except (ArgumentError, ValueError):
        raise HqError(
            _(
                "'{u}' is not a database URL; give one like postgresql://user@host/kamdesk_hq"
            ).format(u=text_url)
        ) from None
    if url.drivername.split("+")[0] not in ("postgresql", "postgres"):
        raise HqError(
            _("the HQ database is PostgreSQL: give a URL like postgresql://user@host/kamdesk_hq")
        )
    return url.set(drivername="postgresql+psycopg")


class HqDatabase:
    """An open HQ database."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._keys: InstallationKeys | None = None
        self._installation_id: str | None = None

    # opening ----------------------------------------------------------------------------------
    @classmethod
    def connect(cls, text_url: str) -> HqDatabase:
        """Connect without looking at the schema (see `open` and `create`)."""
        require_driver()
        url = database_url(text_url)
        engine = create_engine(url, pool_pre_ping=True)
        _bind_whole_numbers_wide(engine)
        database = cls(url, engine)
        try:
            with engine.connect() as connection:
                connection.execute(select(1))
        except DBAPIError as exc:
            engine.dispose()
            raise HqError(
                _("cannot connect to {db}: {e}").format(db=database.label, e=_first_line(exc))
            ) from None
        return database

    @classmethod
    def open(cls, text_url: str) -> HqDatabase:
        """An HQ database made by `create`, at the schema this kamdesk writes."""
        database = cls.connect(text_url)
        try:
            with database.engine.connect() as connection:
                database._check_schema(connection)
        except BaseException:
            database.close()
            raise
        return database

    @classmethod
    def create(cls, text_url: str, name: str | None = None) -> HqDatabase:
        """Make the HQ database in an empty PostgreSQL database (or bring an older one up to
        date) and HQ's keys the first time; `name` is what managers see on HQ's key."""
        database = cls.connect(text_url)
        try:
            database._set_up(name)
        except BaseException:
            database.close()
            raise
        return database

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> HqDatabase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def label(self) -> str:
        """The database as shown to people: its URL without the password."""
        return self.url.set(drivername="postgresql").render_as_string(hide_password=True)

    @contextmanager
    def merging(self) -> Iterator[Connection]:
        """One transaction that holds the merge lock: other merges wait until it commits."""
        with self.engine.begin() as connection:
            connection.execute(select(func.pg_advisory_xact_lock(MERGE_LOCK)))
            yield connection

    # schema -----------------------------------------------------------------------------------
    def _check_schema(self, connection: Connection) -> None:
        revision = _revision(connection)
        if revision is None or _meta(connection, MARK_META) is None:
            raise HqError(
                _(
                    "{db} is not an HQ database yet; set it up with: kamdesk hq init --url URL"
                ).format(db=self.label)
            )
        if revision not in KNOWN_REVISIONS:
            raise SchemaTooNew(
                _("{db} was upgraded by a newer kamdesk (schema {r}); update kamdesk").format(
                    db=self.label, r=revision
                )
            )
        if revision != HEAD:
            raise HqError(
                _(
                    "{db} has an older schema ({r}); bring it up to date with: "
                    "kamdesk hq init --url URL"
                ).format(db=self.label, r=revision)
            )

    def _set_up(self, name: str | None) -> None:
        from alembic import command

        from kamdesk.storage.migrations import alembic_config

        with self.engine.begin() as connection:
            connection.execute(select(func.pg_advisory_xact_lock(SETUP_LOCK)))
            revision = _revision(connection)
            if revision is None and _tables(connection):
                raise HqError(
                    _(
                        "{db} already holds tables that are not kamdesk's; give HQ an empty "
                        "database (createdb kamdesk_hq)"
                    ).format(db=self.label)
                )
            if revision is not None and revision not in KNOWN_REVISIONS:
                raise SchemaTooNew(
                    _("{db} was upgraded by a newer kamdesk (schema {r}); update kamdesk").format(
                        db=self.label, r=revision
                    )
                )
            config: Any = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            HQ_METADATA.create_all(connection)
            _adapt(connection)
            if connection.execute(select(vector.c.installation_id).limit(1)).first() is None:
                kept = archive_vector(connection)  # records that came before the vector did
                if kept:
                    connection.execute(
                        insert(vector),
                        [{"installation_id": n, "stamp": s} for n, s in kept.items()],
                    )
            _put_meta(connection, MARK_META, "1")
            stored = _meta(connection, KEYS_META)
            installation_id = _meta(connection, "installation_id")
            assert installation_id is not None  # the first migration writes it
            if stored is None:
                keys = InstallationKeys.generate(installation_id, name or DEFAULT_NAME)
                _put_meta(connection, KEYS_META, keys.to_secret_text())
            elif name:
                keys = InstallationKeys.from_secret_text(stored)
                if keys.name != name:
                    renamed = dataclasses.replace(keys, name=name.strip())
                    _put_meta(connection, KEYS_META, renamed.to_secret_text())
        self._keys = None

    # identity -----------------------------------------------------------------------------------
    @property
    def installation_id(self) -> str:
        if self._installation_id is None:
            with self.engine.connect() as connection:
                found = _meta(connection, "installation_id")
            if found is None:
                raise HqError(_("the HQ database has no installation id; run kamdesk hq init"))
            self._installation_id = found
        return self._installation_id

    def keys(self) -> InstallationKeys:
        """HQ's key pair: it opens packages sealed to HQ."""
        if self._keys is None:
            with self.engine.connect() as connection:
                stored = _meta(connection, KEYS_META)
            if stored is None:
                raise HqError(_("the HQ database has no keys yet; run kamdesk hq init"))
            self._keys = InstallationKeys.from_secret_text(stored)
        return self._keys

    def public_card(self) -> PublicCard:
        return self.keys().public()

    def set_name(self, name: str) -> PublicCard:
        """The name managers see on HQ's key (e.g. "总部")."""
        renamed = dataclasses.replace(self.keys(), name=name.strip())
        with self.engine.begin() as connection:
            _put_meta(connection, KEYS_META, renamed.to_secret_text())
        self._keys = renamed
        return renamed.public()

    def clock(self, connection: Connection) -> HybridClock:
        """HQ's clock as last saved (read inside the merge lock)."""
        last = _meta(connection, CLOCK_META)
        return HybridClock(self.installation_id, Stamp.decode(last) if last else None)

    def save_clock(self, connection: Connection, clock: HybridClock) -> None:
        _put_meta(connection, CLOCK_META, clock.last.encode())

    # managers -----------------------------------------------------------------------------------
    def register(self, card: PublicCard, *, replace: bool = False) -> ManagerRow:
        """Trust packages signed by `card` (a manager's public key file)."""
        if card.installation_id == self.installation_id:
            raise HqError(_("that is this installation's own key"))
        peers = _peers()
        with self.engine.begin() as connection:
            row = connection.execute(
                select(peers).where(peers.c.installation_id == card.installation_id)
            ).first()
            if row is not None and not replace:
                known = PublicCard.from_text(row.card)
                if not known.same_keys(card):
                    raise HqError(
                        _(
                            "{who} is already registered with a different key (fingerprint "
                            "{old}); check with them by phone, then register again with replace"
                        ).format(who=row.name or row.installation_id, old=known.fingerprint)
                    )
            values = {"name": card.name, "card": card.to_text(), "is_hq": False, "sent": {}}
            moment = datetime.utcnow().replace(microsecond=0)
            statement = pg_insert(peers).values(
                installation_id=card.installation_id, registered_at=moment, **values
            )
            connection.execute(
                statement.on_conflict_do_update(
                    index_elements=[peers.c.installation_id],
                    set_={"name": card.name, "card": card.to_text()},
                )
            )
            registered = connection.execute(
                select(peers.c.registered_at).where(peers.c.installation_id == card.installation_id)
            ).scalar_one()
        return ManagerRow(card.installation_id, card.name, card.fingerprint, registered)

    def managers(self) -> list[ManagerRow]:
        peers = _peers()
        with self.engine.connect() as connection:
            rows = connection.execute(select(peers).order_by(peers.c.name, peers.c.installation_id))
            return [
                ManagerRow(
                    r.installation_id,
                    r.name,
                    PublicCard.from_text(r.card).fingerprint,
                    r.registered_at,
                )
                for r in rows
            ]

    def card_of(self, installation_id: str) -> PublicCard | None:
        """The key registered for a manager, or None."""
        peers = _peers()
        with self.engine.connect() as connection:
            card = connection.execute(
                select(peers.c.card).where(peers.c.installation_id == installation_id)
            ).scalar()
        return PublicCard.from_text(card) if card is not None else None

    def applied(self, package_id: str, connection: Connection | None = None) -> bool:
        """Whether the package was consolidated before."""
        packages = _table(SyncPackage.__table__)
        query = select(packages.c.package_id).where(packages.c.package_id == package_id)
        if connection is not None:
            return connection.execute(query).first() is not None
        with self.engine.connect() as own:
            return own.execute(query).first() is not None


class _WideInteger(BigInteger):
    """A whole number as the driver sends it to HQ: cast to BIGINT, as wide as the column."""

    render_bind_cast = True


def _bind_whole_numbers_wide(engine: Engine) -> None:
    """psycopg's dialect casts every Integer parameter to INTEGER (32-bit); HQ's whole-number
    columns are BIGINT (see `_adapt`), so parameters are cast to BIGINT instead."""
    dialect: Any = engine.dialect
    dialect.colspecs = {**type(dialect).colspecs, Integer: _WideInteger}


def _revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return str(found) if found is not None else None


def _tables(connection: Connection) -> list[str]:
    return list(inspect(connection).get_table_names())


def _adapt(connection: Connection) -> None:
    """Where PostgreSQL differs from SQLite in what the merge relies on (idempotent)."""
    quote = connection.dialect.identifier_preparer.quote
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    types = {
        (table, column): kind
        for table, column, kind in connection.execute(
            text(
                "SELECT table_name, column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = :schema"
            ),
            {"schema": schema},
        )
    }
    wide = [_table(model.__table__) for model in SYNCED_MODELS] + [_table(SyncPackage.__table__)]
    for table in wide:  # SQLite's integers are 64-bit: so are HQ's
        for column in table.columns:
            if isinstance(column.type, Integer) and types.get((table.name, column.name)) == (
                "integer"
            ):
                connection.execute(
                    text(
                        f"ALTER TABLE {quote(table.name)} "
                        f"ALTER COLUMN {quote(column.name)} TYPE BIGINT"
                    )
                )
    immediate = connection.execute(
        text(
            "SELECT t.relname, c.conname FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid "
            "JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE c.contype = 'f' AND NOT c.condeferrable AND n.nspname = :schema"
        ),
        {"schema": schema},
    ).all()
    for table_name, constraint in immediate:  # a merge defers them (kamdesk.sync.merge)
        connection.execute(
            text(
                f"ALTER TABLE {quote(table_name)} ALTER CONSTRAINT {quote(constraint)} "
                "DEFERRABLE INITIALLY IMMEDIATE"
            )
        )


def _meta(connection: Connection, key: str) -> str | None:
    meta = _table(Meta.__table__)
    found = connection.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
    return str(found) if found is not None else None


def _put_meta(connection: Connection, key: str, value: str) -> None:
    meta = _table(Meta.__table__)
    statement = pg_insert(meta).values(key=key, value=value)
    connection.execute(
        statement.on_conflict_do_update(index_elements=[meta.c.key], set_={"value": value})
    )


def _peers() -> Table:
    return _table(SyncPeer.__table__)


def _table(table: Any) -> Table:
    assert isinstance(table, Table)
    return table


def _first_line(exc: BaseException) -> str:
    text_of = str(getattr(exc, "orig", None) or exc).strip()
    return text_of.splitlines()[0] if text_of else type(exc).__name__
