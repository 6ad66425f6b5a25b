"""Archive records as the plain dictionaries an exchange package carries, and what each peer
has already seen.

A record travels as ``{"table", "id", "created_hlc", "values": {field: value}, "stamps":
{field: stamp}}``: every field it carries, and the hybrid-logical-clock stamp of each field
changed since the record was made (any other field's stamp is the record's `created_hlc`).
The tombstone is the field ``deleted_at`` and a visit's contacts met the field
``contact_ids``, so a delete, a restore and a change of who was met merge like any other
field. ``updated_at`` and the stamp bookkeeping stay local.

A `Vector` maps each installation id to the latest stamp of that installation known somewhere:
what this archive holds, or what a peer has been sent. A record is news to a peer when one of its
stamps is later than the peer's entry for that stamp's installation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, Table, select, text

from kamdesk.domain.enums import Sensitivity
from kamdesk.services.serialize import plain
from kamdesk.storage.models import SYNCED_MODELS, Record, VisitContact, sensitivity_of

TABLES: dict[str, type[Record]] = {model.__tablename__: model for model in SYNCED_MODELS}
LOCAL_FIELDS = frozenset({"id", "updated_at", "created_hlc", "field_hlc"})
VISIT_CONTACTS = "contact_ids"
REFERENCES: dict[str, dict[str, str]] = {
    table: {
        column.key: next(iter(column.foreign_keys)).column.table.name
        for column in model.__table__.columns
        if column.foreign_keys
    }
    for table, model in TABLES.items()
}
"""For each table, its columns that name another record, and that record's table."""

Vector = dict[str, str]
UNKNOWN = ""
"""The stamp of a field this archive has never been sent (a redacted package left it out): it
is not passed on, and any real value sent later wins over it."""


NODE_AT = 21
"""Where the installation id starts in an encoded stamp (13 digits, dot, 6 digits, dot)."""


def node_of(stamp: str) -> str:
    """The installation that issued an encoded stamp (see kamdesk.domain.hlc)."""
    return stamp[NODE_AT:]


def carried_fields(table: str, *, redact: bool) -> list[str]:
    """The fields of `table` a package carries; `redact` leaves out those labelled sensitive."""
    model = TABLES[table]
    fields = [
        column.key
        for column in model.__table__.columns
        if column.key not in LOCAL_FIELDS
        and not (redact and sensitivity_of(model, column.key) is Sensitivity.SENSITIVE)
    ]
    if table == "visits":
        fields.append(VISIT_CONTACTS)
    return fields


def left_out(*, redact: bool) -> dict[str, list[str]]:
    """For each table, the fields a redacted package leaves out (shown before an export)."""
    if not redact:
        return {}
    result = {}
    for table in TABLES:
        kept = set(carried_fields(table, redact=True))
        gone = [f for f in carried_fields(table, redact=False) if f not in kept]
        if gone:
            result[table] = gone
    return result


def is_news(record: Mapping[str, Any], seen: Mapping[str, str]) -> bool:
    """Whether `record` holds a stamp later than what `seen` knows of its installation."""
    for stamp in (record["created_hlc"], *record["stamps"].values()):
        known = seen.get(node_of(stamp))
        if known is None or stamp > known:
            return True
    return False


def cover(vector: Vector, record: Mapping[str, Any]) -> None:
    """Move `vector` forward, in place, to cover the stamps of `record`."""
    for stamp in (record["created_hlc"], *record["stamps"].values()):
        node = stamp[NODE_AT:]
        if stamp > vector.get(node, ""):
            vector[node] = stamp


def advance(vector: Vector, stamps: Iterable[str]) -> Vector:
    """`vector` moved forward to cover `stamps`."""
    result = dict(vector)
    for stamp in stamps:
        node = node_of(stamp)
        if stamp > result.get(node, ""):
            result[node] = stamp
    return result


def read_records(
    connection: Connection,
    *,
    redact: bool,
    accounts: Iterable[str] | None = None,
    newer_than: Mapping[str, str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Every record of the archive as a package carries it, tombstones included.

    `accounts`: only these accounts and what belongs to them. `newer_than`: only records that
    are news to a peer who has seen this vector.
    """
    wanted = set(accounts) if accounts is not None else None
    met = _contacts_met(connection)
    for table, model in TABLES.items():
        fields = carried_fields(table, redact=redact)
        columns = model.__table__
        assert isinstance(columns, Table)
        query = select(columns)
        if wanted is not None:
            link = columns.c.id if table == "accounts" else columns.c.account_id
            query = query.where(link.in_(sorted(wanted)))
        for row in connection.execute(query.order_by(columns.c.id)).mappings():
            record = _record(table, row, fields, met)
            if newer_than is None or is_news(record, newer_than):
                yield record


def _record(
    table: str, row: Any, fields: list[str], met: Mapping[str, list[str]]
) -> dict[str, Any]:
    created = row["created_hlc"]
    field_hlc = row["field_hlc"] or {}
    values = {}
    for name in fields:
        if name == VISIT_CONTACTS:
            values[name] = met.get(row["id"], [])
        else:
            values[name] = plain(row[name])
    stamps = {name: field_hlc[name] for name in fields if field_hlc.get(name, created) != created}
    if "deleted_at" in stamps:  # the batch changes only with the tombstone: it shares its stamp
        stamps["deleted_batch"] = stamps["deleted_at"]
    for name, stamp in list(stamps.items()):
        if stamp == UNKNOWN:
            del stamps[name], values[name]
    return {
        "table": table,
        "id": row["id"],
        "created_hlc": created,
        "values": values,
        "stamps": stamps,
    }


def _contacts_met(connection: Connection) -> dict[str, list[str]]:
    met: dict[str, list[str]] = defaultdict(list)
    link = VisitContact.__table__
    assert isinstance(link, Table)
    query = select(link.c.visit_id, link.c.contact_id).order_by(link.c.visit_id, link.c.contact_id)
    for visit_id, contact_id in connection.execute(query):
        met[visit_id].append(contact_id)
    return met


def archive_vector(connection: Connection) -> Vector:
    """The latest stamp of each installation found in the archive (in SQL: stamps are fixed
    width up to the installation id, which starts at character 22)."""
    if connection.dialect.name == "postgresql":
        return _postgresql_vector(connection)
    parts = []
    for model in SYNCED_MODELS:
        name = model.__tablename__
        parts.append(f"SELECT created_hlc AS s FROM {name}")
        parts.append(f"SELECT j.value FROM {name}, json_each({name}.field_hlc) AS j")
    query = (
        f"SELECT substr(s, {NODE_AT + 1}), max(s) FROM (" + " UNION ALL ".join(parts) + ") "
        f"WHERE s != '' GROUP BY substr(s, {NODE_AT + 1})"
    )
    return {node: stamp for node, stamp in connection.execute(text(query))}


def _postgresql_vector(connection: Connection) -> Vector:
    """`archive_vector` on PostgreSQL: the stamps compared byte by byte (collation "C"), as
    Python and SQLite compare them, whatever the database's own collation."""
    parts = []
    for model in SYNCED_MODELS:
        name = model.__tablename__
        parts.append(f"SELECT created_hlc AS s FROM {name}")
        parts.append(f"SELECT j.value FROM {name}, json_each_text({name}.field_hlc) AS j")
    query = (
        f'SELECT substr(s, {NODE_AT + 1}), max(s COLLATE "C") FROM ('
        + " UNION ALL ".join(parts)
        + f") AS stamps WHERE s != '' GROUP BY substr(s, {NODE_AT + 1})"
    )
    return {node: stamp for node, stamp in connection.execute(text(query))}
