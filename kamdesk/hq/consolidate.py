"""Consolidating managers' packages into the HQ database, each all or nothing.

A package is opened and checked outside any transaction (decryption, signature, registered
sender, records), so several consolidations decrypt side by side. Its merge then runs in one
transaction holding an advisory lock (`HqDatabase.merging`): merges take turns, each sees
everything committed before it, and a package two runs both hold is merged once and found
"already applied" by the other. The merge is the laptop's own (kamdesk.sync.merge): validate,
plan, apply, with HQ's clock and vector (kept in `hq_vector`, see kamdesk.hq.tables). Any
refusal rolls the package's transaction back and leaves the database as it was; the other
packages still go in.

Every record keeps its owner: the manager's installation that made its latest change, among
those that sent it (see `owner_claim`). A package that refers to records another package of
the same run brings is tried again after the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError

from kamdesk.domain.errors import KamdeskError
from kamdesk.domain.hlc import Stamp
from kamdesk.hq.database import HqDatabase
from kamdesk.hq.tables import owners, vector
from kamdesk.i18n import _
from kamdesk.storage.migrations import KNOWN_REVISIONS
from kamdesk.storage.models import SyncConflict, SyncPackage
from kamdesk.sync import merge
from kamdesk.sync.package import Manifest, Package, read_package
from kamdesk.sync.package_errors import PackageError, UnknownSender
from kamdesk.sync.records import Vector, advance, node_of

APPLIED, ALREADY_APPLIED, REFUSED = "applied", "already applied", "refused"
MERGE_CHUNK = 5000
LARGEST = 2**63
"""Whole numbers are stored as BIGINT, as SQLite stores them."""


@dataclass(frozen=True)
class Outcome:
    """What consolidating one package file did."""

    path: Path
    status: str  # APPLIED, ALREADY_APPLIED or REFUSED
    sender: str = ""  # the manager's name, or installation id
    package_id: str = ""
    reason: str = ""  # why it was refused
    summary: dict[str, int] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return self.status == REFUSED


def consolidate(
    database: HqDatabase,
    paths: Iterable[Path],
    *,
    reported: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Merge each package file, in its own transaction; the outcomes in the order given.
    `reported(outcome)` is called as each package is settled."""
    outcomes: dict[int, Outcome] = {}
    waiting: list[tuple[int, Path, Outcome]] = []

    def settle(index: int, outcome: Outcome) -> None:
        outcomes[index] = outcome
        if reported is not None:
            reported(outcome)

    for index, path in enumerate(paths):
        outcome, dangling = _consolidate_one(database, Path(path))
        if dangling:
            waiting.append((index, Path(path), outcome))
        else:
            settle(index, outcome)
    progress = True
    while waiting and progress:  # another package of this run may have brought what they need
        progress, still = False, []
        for index, path, _before in waiting:
            outcome, dangling = _consolidate_one(database, path)
            if dangling:
                still.append((index, path, outcome))
            else:
                settle(index, outcome)
                progress = True
        waiting = still
    for index, _path, outcome in waiting:
        settle(index, outcome)
    return [outcomes[index] for index in sorted(outcomes)]


def _consolidate_one(database: HqDatabase, path: Path) -> tuple[Outcome, bool]:
    """The outcome of one package, and whether it only lacks records it refers to."""
    try:
        package = read_package(
            path,
            known_senders=database.card_of,
            schema_supported=lambda version: version in KNOWN_REVISIONS,
            identities=[database.keys()],
            skip_records=lambda manifest: database.applied(manifest.package_id),
        )
    except UnknownSender as exc:
        hint = _("to trust it, register its key file: kamdesk hq keys --register FILE")
        who = exc.card.name or exc.card.installation_id
        return Outcome(path, REFUSED, who, exc.manifest.package_id, f"{exc}; {hint}"), False
    except PackageError as exc:
        return Outcome(path, REFUSED, reason=str(exc)), False
    manifest = package.manifest
    sender = manifest.sender_name or manifest.sender
    done = Outcome(path, ALREADY_APPLIED, sender, manifest.package_id)
    if database.applied(manifest.package_id):
        return done, False
    try:
        with database.merging() as connection:
            if database.applied(manifest.package_id, connection):
                return done, False
            summary = merge_package(database, connection, package, path)
    except merge.DanglingReferences as exc:
        return Outcome(path, REFUSED, sender, manifest.package_id, str(exc)), True
    except KamdeskError as exc:
        return Outcome(path, REFUSED, sender, manifest.package_id, str(exc)), False
    except DBAPIError as exc:
        reason = _("the database refused the package: {e}").format(e=_first_line(exc))
        return Outcome(path, REFUSED, sender, manifest.package_id, reason), False
    return Outcome(path, APPLIED, sender, manifest.package_id, summary=summary), False


def merge_package(
    database: HqDatabase, connection: Connection, package: Package, path: Path
) -> dict[str, int]:
    """Merge a checked package inside the caller's merge transaction; returns the counts."""
    manifest, records = package.manifest, package.records
    merge.validate(connection, records)
    problems = _unstorable(records)
    if problems:
        raise merge.PackageInvalid(problems[: merge.MAX_PROBLEMS], len(problems))
    clock = database.clock(connection)
    latest = max(
        (s for r in records for s in (r["created_hlc"], *r["stamps"].values())), default=None
    )
    if latest is not None:  # HQ's next stamps come after everything the package holds
        clock.receive(Stamp.decode(latest))
    theirs, ours = _vector(manifest.extra.get("seen")), held_vector(connection)
    issued: list[str] = []

    def stamp() -> str:
        issued.append(clock.now().encode())
        return issued[-1]

    total = merge.Plan()
    for start in range(0, len(records), MERGE_CHUNK):
        part = merge.plan(
            connection,
            records[start : start + MERGE_CHUNK],
            theirs=theirs,
            ours=ours,
            stamp=stamp,
        )
        merge.apply(connection, part)
        total.add(part)
    moment = datetime.utcnow().replace(microsecond=0)
    summary = {
        "new": sum(total.new.values()),
        "changed": sum(total.changed.values()),
        "deleted": sum(total.deleted.values()),
        "unchanged": total.unchanged,
        "conflicts": len(total.conflicts),
    }
    if total.conflicts:
        connection.execute(
            insert(_table(SyncConflict.__table__)),
            [
                {
                    "table_name": c.table,
                    "record_id": c.record_id,
                    "field": c.field,
                    "kept_value": c.kept,
                    "kept_stamp": c.kept_stamp,
                    "other_value": c.other,
                    "other_stamp": c.other_stamp,
                    "package_id": manifest.package_id,
                    "found_at": moment,
                    "resolved_at": None,
                    "resolution": "",
                }
                for c in total.conflicts
            ],
        )
    connection.execute(
        insert(_table(SyncPackage.__table__)).values(
            package_id=manifest.package_id,
            direction="in",
            kind=manifest.kind,
            peer=manifest.sender,
            sequence=manifest.sequence,
            created_at=manifest.created_at.replace(tzinfo=None),
            handled_at=moment,
            file_name=str(path),
            summary=summary,
        )
    )
    _claim(connection, records, manifest)
    received = (s for r in records for s in (r["created_hlc"], *r["stamps"].values()))
    _keep_vector(connection, ours, advance(ours, [*received, *issued]))
    database.save_clock(connection, clock)
    return summary


def held_vector(connection: Connection) -> Vector:
    """HQ's vector as kept in `hq_vector` (see kamdesk.hq.tables)."""
    return dict(connection.execute(select(vector.c.installation_id, vector.c.stamp)).all())


def _keep_vector(connection: Connection, before: Vector, after: Vector) -> None:
    moved = [{"installation_id": n, "stamp": s} for n, s in after.items() if before.get(n) != s]
    if moved:
        statement = pg_insert(vector)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[vector.c.installation_id],
                set_={"stamp": statement.excluded.stamp},
            ),
            moved,
        )


def owner_claim(record: Mapping[str, Any], sender: str) -> tuple[str, bool, str]:
    """How strongly a package from `sender` claims `record`: the latest change stamp it carries,
    then whether `sender` made that change itself, then the sender's id. The highest claim owns
    the record, so the owner is the same whatever order the packages come in."""
    latest = max((record["created_hlc"], *record["stamps"].values()))
    return latest, node_of(latest) == sender, sender


def _claim(
    connection: Connection, records: Sequence[Mapping[str, Any]], manifest: Manifest
) -> None:
    by_table: dict[str, list[Mapping[str, Any]]] = {}
    for record in records:
        by_table.setdefault(record["table"], []).append(record)
    rows = []
    for table, batch in by_table.items():
        held: dict[str, tuple[str, bool, str]] = {}
        for start in range(0, len(batch), 500):
            ids = [r["id"] for r in batch[start : start + 500]]
            query = select(owners.c.record_id, owners.c.claim, owners.c.installation_id).where(
                owners.c.table_name == table, owners.c.record_id.in_(ids)
            )
            for record_id, claim, owner in connection.execute(query):
                held[record_id] = (claim, node_of(claim) == owner, owner)
        for record in batch:
            claim = owner_claim(record, manifest.sender)
            before = held.get(record["id"])
            if before is None or claim > before:
                rows.append(
                    {
                        "table_name": table,
                        "record_id": record["id"],
                        "installation_id": manifest.sender,
                        "claim": claim[0],
                        "package_id": manifest.package_id,
                    }
                )
    if rows:
        statement = pg_insert(owners)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=[owners.c.table_name, owners.c.record_id],
                set_={
                    "installation_id": statement.excluded.installation_id,
                    "claim": statement.excluded.claim,
                    "package_id": statement.excluded.package_id,
                },
            ),
            rows,
        )


def _unstorable(records: Sequence[Mapping[str, Any]]) -> list[str]:
    """Values PostgreSQL cannot hold though SQLite could: whole numbers beyond 64 bits."""
    problems = []
    for record in records:
        for name, value in record.get(merge.COLUMNS, record["values"]).items():
            number = isinstance(value, int) and not isinstance(value, bool)
            if number and not -LARGEST <= value < LARGEST:
                problems.append(
                    _("{t} {i}: {f}: the number is too large to store").format(
                        t=record["table"], i=record["id"], f=name
                    )
                )
    return problems


def _vector(value: Any) -> Vector:
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}


def _table(table: Any) -> Table:
    assert isinstance(table, Table)
    return table


def _first_line(exc: BaseException) -> str:
    text_of = str(getattr(exc, "orig", None) or exc).strip()
    return text_of.splitlines()[0] if text_of else type(exc).__name__
