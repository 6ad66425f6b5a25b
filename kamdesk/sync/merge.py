"""Merging records from another installation: field by field, ordered by hybrid logical clock.

For each field a package carries, the later stamp wins, so every archive that has seen the same
changes holds the same values whatever order the packages came in, and a package applied twice
changes nothing. A *true conflict* is a field changed on both sides with neither side having seen
the other's change (judged by the two sides' vectors, see kamdesk.sync.records): the later stamp
still wins, and the other value is recorded so a person can choose. A delete on one side and an
edit the deleting side had not seen on the other keeps the record, flagged the same way.

`validate` checks a whole package before anything is written; `plan` works out every write and
counts them (the dry run); `apply` writes a plan inside the caller's transaction.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Column, Connection, Table, delete, insert, select, text, update

from kamdesk.domain.errors import KamdeskError
from kamdesk.domain.hlc import Stamp
from kamdesk.i18n import _
from kamdesk.services.coerce import CoerceError, coerce
from kamdesk.services.records import new_key_rows, reindex
from kamdesk.services.serialize import plain
from kamdesk.storage.models import SearchKey, VisitContact
from kamdesk.sync.records import (
    REFERENCES,
    TABLES,
    UNKNOWN,
    VISIT_CONTACTS,
    carried_fields,
    node_of,
)

MAX_PROBLEMS = 20
DELETED = "deleted_at"
BATCH = "deleted_batch"  # travels with the tombstone: same stamp, same decision
COLUMNS = "_columns"  # validate() leaves each record's values as stored, for plan() to write


class PackageInvalid(KamdeskError):
    """A package whose records are not all valid; nothing was written."""

    def __init__(self, problems: Sequence[str], total: int) -> None:
        shown = "\n".join(f"- {p}" for p in problems)
        more = (
            _("\n… and {n} more").format(n=total - len(problems)) if total > len(problems) else ""
        )
        super().__init__(
            _("the package has {n} invalid records; nothing was imported:\n{list}{more}").format(
                n=total, list=shown, more=more
            )
        )
        self.problems = list(problems)


class DanglingReferences(PackageInvalid):
    """Well-formed records that refer to records neither in the package nor here (yet: a
    package that brings them may still come)."""


@dataclass(frozen=True)
class Conflict:
    """A field both sides changed without seeing the other's change; `kept` won."""

    table: str
    record_id: str
    field: str  # "deleted_at" for a delete on one side and an edit on the other
    kept: Any
    kept_stamp: str
    other: Any
    other_stamp: str


@dataclass
class Plan:
    """What importing a package would do; `apply` carries it out."""

    new: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    inserts: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    updates: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    met: dict[str, list[str]] = field(default_factory=dict)  # visit id -> contacts met

    @property
    def changes(self) -> int:
        return sum(self.new.values()) + sum(self.changed.values())

    def add(self, part: Plan) -> None:
        """Count in the plan of another part of the same package (its writes are done)."""
        self.new.update(part.new)
        self.changed.update(part.changed)
        self.deleted.update(part.deleted)
        self.unchanged += part.unchanged
        self.conflicts += part.conflicts


# validation ------------------------------------------------------------------------------------


def validate(connection: Connection, records: Sequence[Mapping[str, Any]]) -> None:
    """Raise PackageInvalid unless every record is well formed, every value fits its column,
    no id repeats and every reference names a record in the package or the archive."""
    problems: list[str] = []
    seen: set[tuple[str, str]] = set()
    for number, record in enumerate(records, 1):
        problems += _record_problems(number, record, seen)
    if problems:
        raise PackageInvalid(problems[:MAX_PROBLEMS], len(problems))
    problems = _dangling(connection, records, seen)
    if problems:
        raise DanglingReferences(problems[:MAX_PROBLEMS], len(problems))


def _record_problems(
    number: int, record: Mapping[str, Any], seen: set[tuple[str, str]]
) -> list[str]:
    where = _("record {n}").format(n=number)
    table, record_id = record.get("table"), record.get("id")
    if table not in TABLES:
        return [_("{w}: unknown kind of record {t!r}").format(w=where, t=table)]
    if not isinstance(record_id, str) or not _is_uuid(record_id):
        return [_("{w}: {v!r} is not a record id").format(w=where, v=record_id)]
    where = f"{table} {record_id}"
    if (table, record_id) in seen:
        return [_("{w}: the same record appears twice").format(w=where)]
    seen.add((table, record_id))
    values, stamps = record.get("values"), record.get("stamps")
    if not isinstance(values, dict) or not isinstance(stamps, dict):
        return [_("{w}: values or stamps missing").format(w=where)]
    problems = []
    for stamp in (record.get("created_hlc"), *stamps.values()):
        if not _is_stamp(stamp):
            problems.append(_("{w}: {v!r} is not a change stamp").format(w=where, v=stamp))
    for name in stamps:
        if name not in values:
            problems.append(_("{w}: a change stamp for a field it does not carry").format(w=where))
    known = set(carried_fields(table, redact=False))
    columns = TABLES[table].__table__.columns
    stored: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            problems.append(_("{w}: unknown field {f!r}").format(w=where, f=name))
        elif name == VISIT_CONTACTS:
            if not isinstance(value, list) or not all(
                isinstance(v, str) and _is_uuid(v) for v in value
            ):
                problems.append(_("{w}: contacts met must be a list of ids").format(w=where))
        else:
            try:
                stored[name] = coerce(cast(Column[Any], columns[name]), value)
            except CoerceError as exc:
                problems.append(f"{where}: {name}: {exc}")
    if not problems:
        cast(dict[str, Any], record)[COLUMNS] = stored  # the merge writes these as they are
    return problems


def _dangling(
    connection: Connection, records: Sequence[Mapping[str, Any]], present: set[tuple[str, str]]
) -> list[str]:
    wanted: dict[str, set[str]] = {}
    for record in records:
        values = record["values"]
        targets = [
            (REFERENCES[record["table"]][name], values[name])
            for name in REFERENCES[record["table"]]
            if values.get(name)
        ]
        targets += [("contacts", c) for c in values.get(VISIT_CONTACTS) or []]
        for target_table, target_id in targets:
            if (target_table, target_id) not in present:
                wanted.setdefault(target_table, set()).add(target_id)
    problems = []
    for target_table, ids in wanted.items():
        missing = ids - _existing(connection, target_table, ids)
        problems += [
            _("a record refers to {t} {i}, which is neither in the package nor here").format(
                t=target_table, i=i
            )
            for i in sorted(missing)
        ]
    return problems


def _existing(connection: Connection, table: str, ids: Iterable[str]) -> set[str]:
    columns = _table(table)
    found: set[str] = set()
    chunk: list[str] = []
    for record_id in ids:
        chunk.append(record_id)
        if len(chunk) == 500:
            found |= set(connection.scalars(select(columns.c.id).where(columns.c.id.in_(chunk))))
            chunk = []
    if chunk:
        found |= set(connection.scalars(select(columns.c.id).where(columns.c.id.in_(chunk))))
    return found


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _is_stamp(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return Stamp.decode(value).encode() == value
    except ValueError:
        return False


# planning --------------------------------------------------------------------------------------


def plan(
    connection: Connection,
    records: Sequence[Mapping[str, Any]],
    *,
    theirs: Mapping[str, str],
    ours: Mapping[str, str],
    stamp: Callable[[], str],
) -> Plan:
    """Work out the import of validated `records`. `theirs`: the sender's vector when it made
    the package; `ours`: this archive's vector now; `stamp`: a fresh stamp of this archive's
    clock, for a record kept alive against a delete (a value neither side had)."""
    result = Plan()
    by_table: dict[str, list[Mapping[str, Any]]] = {}
    for record in records:
        by_table.setdefault(record["table"], []).append(record)
    for table, batch in by_table.items():
        local = _load(connection, table, [r["id"] for r in batch])
        for record in batch:
            here = local.get(record["id"])
            if here is None:
                _plan_new(result, table, record)
            else:
                _plan_existing(result, table, record, here, theirs, ours, stamp)
    return result


def _plan_new(result: Plan, table: str, record: Mapping[str, Any]) -> None:
    values = dict(record["values"])
    created = record["created_hlc"]
    if table == "visits":
        result.met[record["id"]] = list(values.pop(VISIT_CONTACTS, []))
    row = dict(record[COLUMNS]) if COLUMNS in record else column_values(table, values)
    absent = [
        name
        for name in carried_fields(table, redact=False)
        if name not in record["values"] and name != VISIT_CONTACTS
    ]
    row.update(
        id=record["id"],
        created_hlc=created,
        field_hlc={
            **{n: s for n, s in record["stamps"].items() if s != created and n != BATCH},
            **dict.fromkeys(absent, UNKNOWN),
        },
        updated_at=datetime.now().replace(microsecond=0),
    )
    row.setdefault("created_at", row["updated_at"])
    result.inserts.setdefault(table, []).append(row)
    result.new[table] += 1


def _plan_existing(
    result: Plan,
    table: str,
    record: Mapping[str, Any],
    here: Mapping[str, Any],
    theirs: Mapping[str, str],
    ours: Mapping[str, str],
    stamp: Callable[[], str],
) -> None:
    incoming, created = record["values"], record["created_hlc"]
    stamps = {name: record["stamps"].get(name, created) for name in incoming}
    mine = here["values"]
    my_stamps = here["stamps"]
    changes: dict[str, Any] = {}
    new_stamps = dict(here["field_hlc"])

    def take(name: str) -> None:
        changes[name] = incoming[name]
        new_stamps[name] = stamps[name]

    for name in incoming:
        if name in (DELETED, BATCH):
            continue
        r, l_ = stamps[name], my_stamps.get(name, here["created_hlc"])
        if r == l_:
            continue
        if incoming[name] == mine.get(name):
            if r > l_:
                new_stamps[name] = r  # same value: agree on the later stamp
            continue
        concurrent = not _knew(theirs, l_) and not _knew(ours, r)
        if r > l_:
            take(name)
        if concurrent:
            winner_is_theirs = r > l_
            result.conflicts.append(
                Conflict(
                    table,
                    record["id"],
                    name,
                    kept=incoming[name] if winner_is_theirs else mine.get(name),
                    kept_stamp=max(r, l_),
                    other=mine.get(name) if winner_is_theirs else incoming[name],
                    other_stamp=min(r, l_),
                )
            )
    deleted = _plan_tombstone(
        result, table, record, here, (theirs, ours, stamp), changes, new_stamps
    )
    if changes or new_stamps != here["field_hlc"]:
        if table == "visits" and VISIT_CONTACTS in changes:
            result.met[record["id"]] = list(changes.pop(VISIT_CONTACTS))
        row = column_values(table, changes)
        row["field_hlc"] = {
            n: s for n, s in new_stamps.items() if s != here["created_hlc"] and n != BATCH
        }
        row["updated_at"] = datetime.now().replace(microsecond=0)
        result.updates.setdefault(table, []).append((record["id"], row))
    if deleted:
        result.deleted[table] += 1
    elif changes:
        result.changed[table] += 1
    else:
        result.unchanged += 1


def _plan_tombstone(
    result: Plan,
    table: str,
    record: Mapping[str, Any],
    here: Mapping[str, Any],
    knowledge: tuple[Mapping[str, str], Mapping[str, str], Callable[[], str]],
    changes: dict[str, Any],
    new_stamps: dict[str, str],
) -> bool:
    """Decide the tombstone; returns whether the record becomes deleted here."""
    theirs, ours, stamp = knowledge
    if DELETED not in record["values"]:
        return False
    incoming = record["values"][DELETED]
    r = record["stamps"].get(DELETED, record["created_hlc"])
    mine = here["values"][DELETED]
    l_ = here["stamps"].get(DELETED, here["created_hlc"])
    if r == l_ or (incoming is None) == (mine is None):
        if r > l_:
            new_stamps[DELETED] = r
        return False
    if incoming is not None:  # deleted there, alive here
        if _knew(ours, r):  # we had seen that delete and brought the record back since
            return False
        unseen = [
            s
            for n, s in here["stamps"].items()
            if n not in (DELETED, BATCH) and not _knew(theirs, s)
        ]
        if unseen:  # changed here without them knowing when they deleted: keep it, flag it
            new_stamps[DELETED] = fresh = stamp()  # later than the delete, so it travels
            result.conflicts.append(
                Conflict(table, record["id"], DELETED, None, fresh, incoming, r)
            )
            return False
        changes[DELETED], changes[BATCH] = incoming, record["values"].get(BATCH)
        new_stamps[DELETED] = max(r, l_)
        return True
    # alive there, deleted here
    if _knew(theirs, l_):  # they had seen our delete and brought the record back since
        changes[DELETED], changes[BATCH] = None, None
        new_stamps[DELETED] = max(r, l_)
        return False
    unseen = [
        s for n, s in record["stamps"].items() if n not in (DELETED, BATCH) and not _knew(ours, s)
    ]
    if unseen:  # changed there without seeing our delete: bring it back, flag it
        changes[DELETED], changes[BATCH] = None, None
        new_stamps[DELETED] = max(r, l_)
        result.conflicts.append(Conflict(table, record["id"], DELETED, None, max(r, l_), mine, l_))
    return False


def _knew(vector: Mapping[str, str], stamp: str) -> bool:
    return stamp == UNKNOWN or stamp <= vector.get(node_of(stamp), "")


def _load(connection: Connection, table: str, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    columns = _table(table)
    fields = carried_fields(table, redact=False)
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for row in connection.execute(select(columns).where(columns.c.id.in_(chunk))).mappings():
            field_hlc = row["field_hlc"] or {}
            created = row["created_hlc"]
            stamps = {n: field_hlc.get(n, created) for n in fields}
            stamps[BATCH] = stamps[DELETED]
            found[row["id"]] = {
                "values": {n: plain(row[n]) for n in fields if n != VISIT_CONTACTS},
                "stamps": stamps,
                "created_hlc": created,
                "field_hlc": dict(field_hlc),
            }
        if table == "visits" and chunk:
            link = _link()
            met: dict[str, list[str]] = {}
            query = select(link.c.visit_id, link.c.contact_id).where(link.c.visit_id.in_(chunk))
            for visit_id, contact_id in connection.execute(query.order_by(link.c.contact_id)):
                met.setdefault(visit_id, []).append(contact_id)
            for visit_id in chunk:
                if visit_id in found:
                    found[visit_id]["values"][VISIT_CONTACTS] = met.get(visit_id, [])
    return found


def column_values(table: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Package values (plain JSON) as the column values SQLAlchemy stores."""
    columns = TABLES[table].__table__.columns
    return {
        name: coerce(cast(Column[Any], columns[name]), value)
        for name, value in values.items()
        if name != VISIT_CONTACTS
    }


# writing ---------------------------------------------------------------------------------------


def apply(connection: Connection, the_plan: Plan) -> None:
    """Write `the_plan` inside the caller's write transaction, search keys included."""
    defer_references(connection)  # contacts may report to later ones
    for table in TABLES:  # parents before children
        columns = _table(table)
        rows = the_plan.inserts.get(table, [])
        shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:  # one executemany per set of columns
            shapes.setdefault(tuple(sorted(row)), []).append(row)
        for same in shapes.values():
            connection.execute(insert(columns), same)
        keys = new_key_rows(table, rows)
        if keys:
            connection.execute(insert(SearchKey), keys)
        for record_id, row in the_plan.updates.get(table, []):
            before = connection.execute(select(columns).where(columns.c.id == record_id))
            old = dict(before.mappings().one())
            connection.execute(update(columns).where(columns.c.id == record_id).values(row))
            reindex(connection, table, record_id, _live(old), _live({**old, **row}))
    link = _link()
    inserted = {row["id"] for row in the_plan.inserts.get("visits", [])}
    links = []
    for visit_id, contacts in the_plan.met.items():
        if visit_id not in inserted:
            connection.execute(delete(link).where(link.c.visit_id == visit_id))
        links += [{"visit_id": visit_id, "contact_id": c} for c in contacts]
    if links:
        connection.execute(insert(link), links)


def defer_references(connection: Connection) -> None:
    """Check references when the transaction commits, not row by row. On PostgreSQL this
    covers the foreign keys made DEFERRABLE (kamdesk.hq does so for its database)."""
    if connection.dialect.name == "sqlite":
        connection.execute(text("PRAGMA defer_foreign_keys=ON"))
    else:
        connection.execute(text("SET CONSTRAINTS ALL DEFERRED"))


def _live(row: Mapping[str, Any]) -> Mapping[str, Any] | None:
    return None if row.get(DELETED) is not None else row


def _table(name: str) -> Table:
    table = TABLES[name].__table__
    assert isinstance(table, Table)
    return table


def _link() -> Table:
    table = VisitContact.__table__
    assert isinstance(table, Table)
    return table
