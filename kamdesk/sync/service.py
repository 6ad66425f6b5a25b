"""Exchange by file: this installation's keys, the peers it knows, exporting packages, importing
and merging them, and the conflicts left for a person to decide.

Kinds of export:
- ``hq``: what changed since the last package to headquarters (sensitive fields left out unless
  asked), sealed to HQ's registered public key (and this installation's own, so the sender can
  read its own file);
- ``handover``: given accounts, or the whole archive, to another manager — sealed to that
  manager's key or to a passphrase told by phone;
- ``backup``: the whole archive, sealed to this installation's own key or a passphrase.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kamdesk.domain.errors import KamdeskError, NotFound
from kamdesk.domain.hlc import Stamp
from kamdesk.i18n import _
from kamdesk.services.records import now, reindex
from kamdesk.storage.backups import BEFORE_IMPORT, auto_backup
from kamdesk.storage.database import Archive
from kamdesk.storage.migrations import KNOWN_REVISIONS
from kamdesk.storage.models import Meta, SyncConflict, SyncPackage, SyncPeer
from kamdesk.sync import merge
from kamdesk.sync.keys import InstallationKeys, PublicCard
from kamdesk.sync.package import Manifest, Package, read_package, write_package
from kamdesk.sync.records import (
    TABLES,
    Vector,
    advance,
    archive_vector,
    cover,
    left_out,
    read_records,
)

KEYS_META = "sync_keys"
SEQUENCE_META = "sync_sequence"
EXPORT_KINDS = ("hq", "handover", "backup")
MERGE_CHUNK = 5000
Progress = Callable[[int, int], None]


class SyncError(KamdeskError):
    """An exchange that cannot go ahead; the message says what to do."""


@dataclass(frozen=True)
class PeerRow:
    installation_id: str
    name: str
    fingerprint: str
    is_hq: bool
    registered_at: datetime


@dataclass(frozen=True)
class ExportPreview:
    """What an export would hold, shown before it is written."""

    kind: str
    counts: dict[str, int]
    left_out: dict[str, list[str]]  # table -> fields not included
    recipients: list[str]  # names of who can open it


@dataclass(frozen=True)
class ExportResult:
    path: Path
    manifest: Manifest

    @property
    def records(self) -> int:
        return sum(self.manifest.counts.values())


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do)."""

    manifest: Manifest
    already_applied: bool = False
    dry_run: bool = False
    new: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    unchanged: int = 0
    conflicts: list[merge.Conflict] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "new": sum(self.new.values()),
            "changed": sum(self.changed.values()),
            "deleted": sum(self.deleted.values()),
            "unchanged": self.unchanged,
            "conflicts": len(self.conflicts),
        }


@dataclass(frozen=True)
class ConflictRow:
    id: str
    table: str
    record_id: str
    record_label: str
    field: str
    kept: Any
    other: Any
    found_at: datetime
    resolution: str  # "" while open


@dataclass(frozen=True)
class PackageRow:
    package_id: str
    direction: str
    kind: str
    peer: str
    sequence: int
    created_at: datetime
    handled_at: datetime
    file_name: str
    summary: dict[str, Any]


class SyncService:
    """Packages in and out of one archive."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self._keys: InstallationKeys | None = None

    # keys and peers ---------------------------------------------------------------------------
    def keys(self) -> InstallationKeys:
        """This installation's key pair, made the first time it is needed."""
        if self._keys is None:
            with self.archive.reading() as session:
                stored = session.get(Meta, KEYS_META)
            sealer = self.archive.sealer  # secret keys are sealed when the archive is protected
            if stored is not None:
                self._keys = InstallationKeys.from_secret_text(sealer.open(stored.value))
            else:
                made = InstallationKeys.generate(self.archive.installation_id)
                secret = sealer.seal(made.to_secret_text())
                with self.archive.writing() as session:
                    session.merge(Meta(key=KEYS_META, value=secret))
                self._keys = made
        return self._keys

    def public_card(self) -> PublicCard:
        return self.keys().public()

    def set_name(self, name: str) -> PublicCard:
        """The name others see on this installation's key and packages (e.g. "王经理")."""
        renamed = dataclasses.replace(self.keys(), name=name.strip())
        with self.archive.writing() as session:
            session.merge(
                Meta(key=KEYS_META, value=self.archive.sealer.seal(renamed.to_secret_text()))
            )
        self._keys = renamed
        return renamed.public()

    def register(self, card: PublicCard, *, hq: bool = False, replace: bool = False) -> PeerRow:
        """Trust packages signed by `card` and allow sealing packages to it."""
        if card.installation_id == self.archive.installation_id:
            raise SyncError(_("that is this installation's own key"))
        with self.archive.writing() as session:
            peer = session.get(SyncPeer, card.installation_id)
            known = peer is not None and PublicCard.from_text(peer.card)
            if peer is not None and known and not replace and not known.same_keys(card):
                raise SyncError(
                    _(
                        "{who} is already registered with a different key (fingerprint "
                        "{old}); check with them by phone, then register again with replace"
                    ).format(who=peer.name or peer.installation_id, old=_fingerprint(peer))
                )
            if hq:
                for other in session.scalars(select(SyncPeer).where(SyncPeer.is_hq)):
                    if other.installation_id != card.installation_id:
                        other.is_hq = False
            if peer is None:
                peer = SyncPeer(installation_id=card.installation_id, sent={}, registered_at=now())
                session.add(peer)
            peer.name = card.name
            peer.card = card.to_text()
            peer.is_hq = hq or bool(peer.is_hq)
            session.flush()
            return _peer_row(peer)

    def peers(self) -> list[PeerRow]:
        with self.archive.reading() as session:
            rows = session.scalars(select(SyncPeer).order_by(SyncPeer.name))
            return [_peer_row(p) for p in rows]

    def hq(self) -> PeerRow | None:
        return next((p for p in self.peers() if p.is_hq), None)

    def hq_card(self) -> tuple[PeerRow, PublicCard] | None:
        """Headquarters as registered here, with its public key card; None if not registered."""
        hq = self.hq()
        card = self._card(hq.installation_id) if hq is not None else None
        return (hq, card) if hq is not None and card is not None else None

    def _card(self, installation_id: str) -> PublicCard | None:
        if installation_id == self.archive.installation_id:
            return self.public_card()
        with self.archive.reading() as session:
            peer = session.get(SyncPeer, installation_id)
            return PublicCard.from_text(peer.card) if peer is not None else None

    def _recipient(self, who: str | PublicCard) -> PublicCard:
        """A recipient: a public key card, or a registered peer by installation id or name."""
        if isinstance(who, PublicCard):
            return who
        card = self._card(who)
        if card is None:
            named = [p for p in self.peers() if p.name == who]
            if len(named) == 1:
                card = self._card(named[0].installation_id)
        if card is None:
            raise NotFound(
                _("no registered installation {i}; register its key first").format(i=who)
            )
        return card

    # export -------------------------------------------------------------------------------------
    def preview_export(
        self,
        kind: str,
        *,
        accounts: Sequence[str] | None = None,
        include_sensitive: bool = False,
        recipients: Sequence[str | PublicCard] = (),
        passphrase: str | None = None,
    ) -> ExportPreview:
        """Counts per table, the fields left out, and who could open it."""
        redact, who = self._policy(kind, include_sensitive, recipients, passphrase)
        counts: Counter[str] = Counter(
            record["table"] for record in self._records(kind, accounts, redact=redact)
        )
        return ExportPreview(
            kind, dict(counts), left_out(redact=redact), [c.name or c.installation_id for c in who]
        )

    def export(
        self,
        kind: str,
        path: Path,
        *,
        accounts: Sequence[str] | None = None,
        recipients: Sequence[str | PublicCard] = (),
        passphrase: str | None = None,
        include_sensitive: bool = False,
        progress: Progress | None = None,
    ) -> ExportResult:
        """Write a package; it is sealed (to keys or a passphrase) or not written at all."""
        redact, cards = self._policy(kind, include_sensitive, recipients, passphrase)
        sent: Vector = {}

        def records() -> Iterator[dict[str, Any]]:
            for record in self._records(kind, accounts, redact=redact):
                cover(sent, record)
                yield record

        with self.archive.reading() as session:
            seen = archive_vector(session.connection())
            stored = session.get(Meta, SEQUENCE_META)
        sequence = int(stored.value) + 1 if stored is not None else 1
        extra = {"seen": seen, "redacted": redact, "accounts": list(accounts or [])}
        manifest = write_package(
            path,
            records(),
            keys=self.keys(),
            kind=kind,
            schema_version=_schema(),
            sequence=sequence,
            recipients=[] if passphrase else [*cards, self.public_card()],
            passphrase=passphrase,
            extra=extra,
            progress=progress,
        )
        with self.archive.writing() as session:
            session.merge(Meta(key=SEQUENCE_META, value=str(sequence)))
            if kind == "hq":
                for card in cards:
                    peer = session.get(SyncPeer, card.installation_id)
                    if peer is not None:
                        peer.sent = advance(peer.sent or {}, sent.values())
            session.add(
                SyncPackage(
                    package_id=manifest.package_id,
                    direction="out",
                    kind=kind,
                    peer=", ".join(c.name or c.installation_id for c in cards) or _("passphrase"),
                    sequence=sequence,
                    created_at=manifest.created_at.replace(tzinfo=None),
                    handled_at=now(),
                    file_name=str(path),
                    summary=dict(manifest.counts),
                )
            )
        return ExportResult(path, manifest)

    def _policy(
        self,
        kind: str,
        include_sensitive: bool,
        recipients: Sequence[str | PublicCard],
        passphrase: str | None,
    ) -> tuple[bool, list[PublicCard]]:
        if kind not in EXPORT_KINDS:
            raise SyncError(
                _("unknown kind of export {k!r}; choose one of: {all}").format(
                    k=kind, all=", ".join(EXPORT_KINDS)
                )
            )
        cards = [self._recipient(r) for r in recipients]
        if kind == "hq":
            hq = self.hq()
            if hq is None and not passphrase:
                raise SyncError(
                    _(
                        "no headquarters key is registered, so the package cannot be sealed for "
                        "HQ. Ask headquarters for its public key file (kamdesk-public-key) and "
                        "register it: kamdesk keys --register HQ.pub --hq"
                    )
                )
            if hq is not None and not cards:
                cards = [self._recipient(hq.installation_id)]
        if kind == "handover" and not cards and not passphrase:
            raise SyncError(
                _(
                    "a handover must be sealed for the manager who takes over: give their "
                    "public key file, or a passphrase you tell them by phone"
                )
            )
        return (kind == "hq" and not include_sensitive), cards

    def _records(
        self, kind: str, accounts: Sequence[str] | None, *, redact: bool
    ) -> Iterator[dict[str, Any]]:
        """The records an export of `kind` holds, one at a time (a big archive never sits in
        memory as dictionaries all at once)."""
        with self.archive.reading() as session:
            newer_than: Vector | None = None
            if kind == "hq":
                hq = session.scalars(select(SyncPeer).where(SyncPeer.is_hq)).first()
                newer_than = dict(hq.sent or {}) if hq is not None else {}
            wanted = accounts if kind == "handover" else None
            yield from read_records(
                session.connection(), redact=redact, accounts=wanted, newer_than=newer_than
            )

    # import -------------------------------------------------------------------------------------
    def read(
        self,
        path: Path | bytes,
        *,
        passphrase: str | None = None,
        skip_applied: bool = False,
    ) -> Package:
        """Open and check a package file (nothing is written). `skip_applied`: a package
        imported before comes back with its manifest only."""
        return read_package(
            path,
            known_senders=self._card,
            schema_supported=lambda version: version in KNOWN_REVISIONS,
            identities=[self.keys()],
            passphrase=passphrase,
            skip_records=(lambda m: self._applied(m.package_id)) if skip_applied else None,
        )

    def _applied(self, package_id: str) -> bool:
        with self.archive.reading() as session:
            return session.get(SyncPackage, package_id) is not None

    def import_package(
        self,
        path: Path | bytes,
        *,
        passphrase: str | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Validate everything, then merge the package in one transaction (or, with `dry_run`,
        only count what would change). A package already imported changes nothing. Before
        merging, a non-empty archive is backed up ("before-import")."""
        package = self.read(path, passphrase=passphrase, skip_applied=True)
        manifest = package.manifest
        if progress:
            progress(30, 100)
        if self._applied(manifest.package_id):
            return ImportResult(manifest, already_applied=True, dry_run=dry_run)
        theirs = _vector(manifest.extra.get("seen"))
        if dry_run:
            with self.archive.reading() as session:
                connection = session.connection()
                merge.validate(connection, package.records)
                the_plan = merge.plan(
                    connection,
                    package.records,
                    theirs=theirs,
                    ours=archive_vector(connection),
                    stamp=self.archive.stamp,
                )
            return _result(manifest, the_plan, dry_run=True)
        auto_backup(self.archive, BEFORE_IMPORT)
        with self.archive.writing() as session:
            connection = session.connection()
            merge.validate(connection, package.records)
            if progress:
                progress(50, 100)
            latest = max(
                (s for r in package.records for s in (r["created_hlc"], *r["stamps"].values())),
                default=None,
            )
            if latest is not None:  # our next stamps come after everything the package holds
                self.archive.clock.receive(Stamp.decode(latest))
            ours = archive_vector(connection)
            the_plan = merge.Plan()
            records = package.records
            for start in range(0, len(records), MERGE_CHUNK):  # a part at a time: little memory
                part = merge.plan(
                    connection,
                    records[start : start + MERGE_CHUNK],
                    theirs=theirs,
                    ours=ours,
                    stamp=self.archive.stamp,
                )
                merge.apply(connection, part)
                the_plan.add(part)
                if progress:
                    progress(50 + 45 * (start + MERGE_CHUNK) // max(1, len(records)), 100)
            found = now()
            for conflict in the_plan.conflicts:
                session.add(
                    SyncConflict(
                        table_name=conflict.table,
                        record_id=conflict.record_id,
                        field=conflict.field,
                        kept_value=conflict.kept,
                        kept_stamp=conflict.kept_stamp,
                        other_value=conflict.other,
                        other_stamp=conflict.other_stamp,
                        package_id=manifest.package_id,
                        found_at=found,
                    )
                )
            result = _result(manifest, the_plan, dry_run=False)
            session.add(
                SyncPackage(
                    package_id=manifest.package_id,
                    direction="in",
                    kind=manifest.kind,
                    peer=manifest.sender_name or manifest.sender,
                    sequence=manifest.sequence,
                    created_at=manifest.created_at.replace(tzinfo=None),
                    handled_at=found,
                    file_name=str(path) if isinstance(path, Path) else "",
                    summary=result.summary(),
                )
            )
        if progress:
            progress(100, 100)
        return result

    # conflicts and history ------------------------------------------------------------------
    def conflicts(self, *, open_only: bool = True) -> list[ConflictRow]:
        with self.archive.reading() as session:
            query = select(SyncConflict).order_by(SyncConflict.found_at, SyncConflict.id)
            if open_only:
                query = query.where(SyncConflict.resolved_at.is_(None))
            rows = list(session.scalars(query))
            labels = _labels(session, rows)
            return [
                ConflictRow(
                    c.id,
                    c.table_name,
                    c.record_id,
                    labels.get(c.record_id, c.record_id),
                    c.field,
                    c.kept_value,
                    c.other_value,
                    c.found_at,
                    c.resolution,
                )
                for c in rows
            ]

    def resolve(self, conflict_id: str, *, take_other: bool) -> None:
        """Settle a conflict: keep the value that won, or put the other one back (a new change
        that travels in the next package like any edit)."""
        with self.archive.writing() as session:
            conflict = session.get(SyncConflict, conflict_id)
            if conflict is None:
                raise NotFound(_("no conflict with id {i}").format(i=conflict_id))
            if conflict.resolved_at is not None:
                return
            if take_other:
                _put_back(self.archive, session, conflict)
            conflict.resolved_at = now()
            conflict.resolution = "other" if take_other else "kept"

    def history(self) -> list[PackageRow]:
        with self.archive.reading() as session:
            query = select(SyncPackage).order_by(SyncPackage.handled_at.desc())
            return [
                PackageRow(
                    p.package_id,
                    p.direction,
                    p.kind,
                    p.peer,
                    p.sequence,
                    p.created_at,
                    p.handled_at,
                    p.file_name,
                    dict(p.summary or {}),
                )
                for p in session.scalars(query)
            ]


def _put_back(archive: Archive, session: Any, conflict: SyncConflict) -> None:
    model = TABLES[conflict.table_name]
    record = session.get(model, conflict.record_id)
    if record is None:
        raise NotFound(_("the record of this conflict is gone"))
    before = {c.key: getattr(record, c.key) for c in model.__table__.columns}
    stamp, moment = archive.stamp(), now()
    if conflict.field == merge.DELETED:
        deleting = conflict.other_value is not None
        record.deleted_at = moment if deleting else None
        record.deleted_batch = str(uuid.uuid4()) if deleting else None
        record.field_hlc = {**record.field_hlc, merge.DELETED: stamp}
    else:
        values = merge.column_values(conflict.table_name, {conflict.field: conflict.other_value})
        for name, value in values.items():
            setattr(record, name, value)
        record.field_hlc = {**record.field_hlc, conflict.field: stamp}
    record.updated_at = moment
    session.flush()
    after = {c.key: getattr(record, c.key) for c in model.__table__.columns}
    reindex(
        session.connection(),
        conflict.table_name,
        record.id,
        None if before["deleted_at"] else before,
        None if after["deleted_at"] else after,
    )


def _labels(session: Any, rows: Sequence[SyncConflict]) -> dict[str, str]:
    labels = {}
    for row in rows:
        record = session.get(TABLES[row.table_name], row.record_id)
        name = getattr(record, "name", "") or getattr(record, "title", "") or ""
        if name:
            labels[row.record_id] = name
    return labels


def _result(manifest: Manifest, the_plan: merge.Plan, *, dry_run: bool) -> ImportResult:
    return ImportResult(
        manifest,
        dry_run=dry_run,
        new=the_plan.new,
        changed=the_plan.changed,
        deleted=the_plan.deleted,
        unchanged=the_plan.unchanged,
        conflicts=the_plan.conflicts,
    )


def _vector(value: Any) -> Vector:
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}


def _schema() -> str:
    from kamdesk.storage.migrations import HEAD

    return HEAD


def _peer_row(peer: SyncPeer) -> PeerRow:
    return PeerRow(
        peer.installation_id, peer.name, _fingerprint(peer), peer.is_hq, peer.registered_at
    )


def _fingerprint(peer: SyncPeer) -> str:
    return PublicCard.from_text(peer.card).fingerprint
