"""Create, update, delete (as a tombstone), restore and fetch any synchronised record.

Each entity service subclasses `RecordService`, adding its own validation and side effects.
Every change runs in one write transaction, stamped by the archive's hybrid logical clock.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar, cast

from sqlalchemy import Column, Connection, select
from sqlalchemy.orm import Session

from kamdesk.domain.errors import Ambiguous, FieldProblem, NotFound, ValidationError
from kamdesk.domain.search_keys import Key, account_keys, contact_keys
from kamdesk.i18n import _
from kamdesk.services.coerce import CoerceError, coerce
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Account, Contact, Record
from kamdesk.storage.search_index import ACCOUNT, CONTACT, key_rows, replace_keys

M = TypeVar("M", bound=Record)

SYSTEM_FIELDS = frozenset(
    {"id", "created_at", "updated_at", "deleted_at", "deleted_batch", "created_hlc", "field_hlc"}
)


def now() -> datetime:
    """The current time as stored in the archive (UTC, naive)."""
    return datetime.utcnow().replace(microsecond=0)


def looks_like_id(text: str) -> bool:
    """Whether `text` is a record id or a prefix of one (8+ hex digits, dashes allowed)."""
    bare = text.strip().lower().replace("-", "")
    return len(bare) >= 8 and all(ch in "0123456789abcdef" for ch in bare)


class RecordService(Generic[M]):
    """The life cycle every synchronised record shares."""

    model: ClassVar[type[Record]]
    noun: ClassVar[str] = "record"

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    # reading -----------------------------------------------------------------------------

    def get(self, record_id: str, *, include_deleted: bool = False) -> M:
        """The record with this id (or unique id prefix)."""
        with self.archive.reading() as session:
            return self._load(session, record_id, include_deleted=include_deleted)

    def _load(self, session: Session, record_id: str, *, include_deleted: bool = False) -> M:
        key = record_id.strip().lower()
        record = session.get(self.model, key)
        if record is None and looks_like_id(key):
            candidates = session.scalars(
                select(self.model).where(self.model.id.startswith(key)).limit(2)
            ).all()
            if len(candidates) > 1:
                raise Ambiguous(
                    _("more than one {noun} has an id starting with {k}").format(
                        noun=self.noun, k=key
                    )
                )
            record = candidates[0] if candidates else None
        if record is None or (record.is_deleted and not include_deleted):
            raise NotFound(_("no {noun} with id {k}").format(noun=self.noun, k=record_id))
        return record  # type: ignore[return-value]

    def list(self, *, include_deleted: bool = False, limit: int = 1000, **equals: Any) -> list[M]:
        """Records whose fields equal the given values (e.g. `account_id=...`), oldest first."""
        columns = self.model.__table__.columns
        unknown = [name for name in equals if name not in columns]
        if unknown:
            problems = [
                FieldProblem(n, _("not a field of a {n}").format(n=self.noun)) for n in unknown
            ]
            raise ValidationError(problems)
        query = select(self.model)
        for name, value in equals.items():
            query = query.where(getattr(self.model, name) == value)
        if not include_deleted:
            query = query.where(self.model.deleted_at.is_(None))
        query = query.order_by(self.model.created_hlc, self.model.id).limit(limit)
        with self.archive.reading() as session:
            return builtins.list(session.scalars(query))

    # writing -----------------------------------------------------------------------------

    def create(self, **fields: Any) -> M:
        """Validate and store a new record; nothing is written if anything is wrong."""
        with self.archive.writing() as session:
            return self.create_in(session, fields)

    def create_in(self, session: Session, fields: Mapping[str, Any]) -> M:
        """`create` as part of a larger write transaction."""
        values = self._coerce(fields, creating=True)
        self._prepare(session, values, None)
        self._check(session, values, None)
        stamp, moment = self.archive.stamp(), now()
        record = self.model(
            **values, created_at=moment, updated_at=moment, created_hlc=stamp, field_hlc={}
        )
        if "id" in fields:  # records made elsewhere keep their identity
            record.id = str(uuid.UUID(str(fields["id"])))
        session.add(record)
        session.flush()
        _swap_keys(session, record, None, self._snapshot(record))  # type: ignore[arg-type]
        return record  # type: ignore[return-value]

    def update(self, record_id: str, **changes: Any) -> M:
        """Change some fields of a record; each changed field gets a fresh change stamp."""
        with self.archive.writing() as session:
            record: M = self._load(session, record_id)
            before = self._snapshot(record)
            values = self._coerce(changes, creating=False)
            self._prepare(session, values, record)
            merged = {**before, **values}
            self._check(session, merged, record)
            changed = {k: v for k, v in values.items() if before.get(k) != v}
            if changed:
                stamp = self.archive.stamp()
                for name, value in changed.items():
                    setattr(record, name, value)
                record.field_hlc = {**record.field_hlc, **dict.fromkeys(changed, stamp)}
                record.updated_at = now()
                session.flush()
                _swap_keys(session, record, before, self._snapshot(record))
            return record

    def delete(self, record_id: str) -> str:
        """Turn a record (and what belongs to it) into tombstones; returns the batch id."""
        with self.archive.writing() as session:
            return self.delete_in(session, record_id)

    def delete_in(self, session: Session, record_id: str) -> str:
        """`delete` as part of a larger write transaction."""
        record: M = self._load(session, record_id)
        batch = str(uuid.uuid4())
        self._tombstone(session, record, batch)
        for model, column in self._dependents_models():
            link = getattr(model, column)
            for child in session.scalars(
                select(model).where(link == record.id, model.deleted_at.is_(None))
            ):
                self._tombstone(session, child, batch)
        session.flush()
        return batch

    def restore(self, record_id: str) -> M:
        """Bring back a deleted record and everything deleted together with it."""
        with self.archive.writing() as session:
            return self.restore_in(session, record_id)

    def restore_in(self, session: Session, record_id: str) -> M:
        """`restore` as part of a larger write transaction."""
        record: M = self._load(session, record_id, include_deleted=True)
        if not record.is_deleted:
            return record
        self._check_restorable(session, record)
        batch, stamp, moment = record.deleted_batch, self.archive.stamp(), now()
        for model in self._restore_models():
            for revived in session.scalars(select(model).where(model.deleted_batch == batch)):
                self._revive(session, revived, stamp, moment)
        session.flush()
        return record

    # hooks for subclasses ----------------------------------------------------------------

    def _prepare(self, session: Session, values: dict[str, Any], record: M | None) -> None:
        """Fill in derived values before validation (e.g. the account of a contact)."""

    def _check(self, session: Session, values: Mapping[str, Any], record: M | None) -> None:
        """Raise ValidationError if `values` (the whole record after the change) are invalid."""

    def _restore_models(self) -> builtins.list[type[Record]]:
        """Tables a delete batch of this kind of record may have touched."""
        return [self.model, *(model for model, _column in self._dependents_models())]

    def _dependents_models(self) -> builtins.list[tuple[type[Record], str]]:
        """Models that hold records deleted together with this kind, and the linking column."""
        return []

    def _check_restorable(self, session: Session, record: M) -> None:
        """Raise if the record cannot come back (e.g. its account is deleted)."""

    # helpers -----------------------------------------------------------------------------

    def _coerce(self, fields: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
        columns = self.model.__table__.columns
        values: dict[str, Any] = {}
        problems: builtins.list[FieldProblem] = []
        for name, raw in fields.items():
            if name == "id" and creating:
                continue
            if name in SYSTEM_FIELDS or name not in columns:
                problems.append(FieldProblem(name, _("not a field of a {n}").format(n=self.noun)))
                continue
            try:
                values[name] = coerce(cast(Column[Any], columns[name]), raw)
            except CoerceError as exc:
                problems.append(FieldProblem(name, str(exc)))
        if problems:
            raise ValidationError(problems)
        return values

    def _snapshot(self, record: M) -> dict[str, Any]:
        return {
            c.key: getattr(record, c.key)
            for c in self.model.__table__.columns
            if c.key not in SYSTEM_FIELDS
        }

    def _tombstone(self, session: Session, record: Record, batch: str) -> None:
        stamp = self.archive.stamp()
        record.deleted_at = now()
        record.deleted_batch = batch
        record.updated_at = record.deleted_at
        record.field_hlc = {**record.field_hlc, "deleted_at": stamp}
        _swap_keys(session, record, _fields(record), None)

    def _revive(self, session: Session, record: Record, stamp: str, moment: datetime) -> None:
        record.deleted_at = None
        record.deleted_batch = None
        record.updated_at = moment
        record.field_hlc = {**record.field_hlc, "deleted_at": stamp}
        _swap_keys(session, record, None, _fields(record))


def _fields(record: Record) -> dict[str, Any]:
    return {c.key: getattr(record, c.key) for c in record.__table__.columns}


def _search_keys(model: type[Record], values: Mapping[str, Any] | None) -> set[Key]:
    if values is None:
        return set()
    if model is Account:
        return account_keys(values["name"], values.get("short_name") or "")
    if model is Contact:
        return contact_keys(values["name"], values.get("phones") or [])
    return set()


def new_key_rows(table: str, rows: Iterable[Mapping[str, Any]]) -> list[dict[str, object]]:
    """Search-key rows for live records of `table` written without the ORM (a merge)."""
    model = {"accounts": Account, "contacts": Contact}.get(table)
    if model is None:
        return []
    kind = ACCOUNT if model is Account else CONTACT
    result: list[dict[str, object]] = []
    for row in rows:
        if row.get("deleted_at") is None:
            result += key_rows(kind, row["id"], _search_keys(model, row))
    return result


def reindex(
    connection: Connection,
    table: str,
    record_id: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> None:
    """Keep the search keys of a record written without the ORM (a merge) in step: `before`
    and `after` are its column values, None when it is absent or deleted."""
    model = {"accounts": Account, "contacts": Contact}.get(table)
    if model is not None:
        kind = ACCOUNT if model is Account else CONTACT
        replace_keys(
            connection,
            kind,
            record_id,
            _search_keys(model, before),
            _search_keys(model, after),
        )


def _swap_keys(
    session: Session,
    record: Record,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> None:
    """Keep the search keys of accounts and contacts in step with their names and phones."""
    model = type(record)
    if model not in (Account, Contact):
        return
    kind = ACCOUNT if model is Account else CONTACT
    replace_keys(
        session.connection(),
        kind,
        record.id,
        _search_keys(model, before),
        _search_keys(model, after),
    )


def live_account(session: Session, account_id: str | None) -> Account:
    """The live account with this id, or NotFound."""
    account = session.get(Account, account_id or "")
    if account is None or account.is_deleted:
        raise NotFound(_("no account with id {i}").format(i=account_id))
    return account


def require(problems: list[FieldProblem]) -> None:
    """Raise ValidationError if any problem was found."""
    if problems:
        raise ValidationError(problems)


def blank(value: Any) -> bool:
    """Whether a value is missing or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())
