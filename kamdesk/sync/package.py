"""The exchange package (`.kamx`): records between installations, signed and encrypted.

A package file is an **age** file (binary, not armored), sealed either to one or more X25519
recipients (headquarters' public key, often the sender's own too) or to a passphrase (age's
scrypt mode, for a handover). Inside is a **zip** of exactly three members:

- `records.jsonl` — one JSON object per line, UTF-8, each with a `"table"` (str) and an `"id"`
  (str or int), unique per (table, id); serialised compactly with sorted keys; every line ends
  in a newline. Deflated.
- `manifest.json` — a JSON object: `format` ("kamdesk-package"), `format_version` (1),
  `schema_version`, `kind`, `package_id` (uuid4 hex), `sender` (installation id),
  `sender_name`, `sender_signing_key` (base64 Ed25519), `sender_recipient` (its age
  recipient, so an unknown sender can be offered for trust as a whole card), `sequence`,
  `created_at` (UTC ISO 8601), `counts` ({table: records}), `payload_sha256` (hex digest of
  the exact `records.jsonl` bytes) and `extra` (the caller's free object). Deflated.
- `signature` — the 64-byte Ed25519 signature of the exact `manifest.json` bytes. Stored.

The zip's archive comment pads it to a whole number of 64 KiB, age's chunk size, so every
package's ciphertext is its age header, a 16-byte nonce and whole 65,552-byte chunks. A file
of any other length has been cut short; a file of the right length that age refuses has been
altered. That is how a truncated file is told from a damaged one.

Reading decrypts in memory (age authenticates every chunk), checks the zip's member list
before inflating anything (names, links, encryption, duplicates, declared sizes and ratios),
reads the manifest, verifies the signature with the key the manifest names, asks the caller
whether that sender is known with that key and whether the schema is supported, then inflates
the records under a hard cap and checks digest, UTF-8, JSON, keys and counts. Nothing is ever
written to disk while reading. Every refusal is its own `PackageError` subclass (in
`package_errors.py`) with a sentence for the user. Writing goes to a temporary file beside the
target, fsynced, then renamed.

Known limit: a flipped byte inside this installation's own recipient line of the age header
reads as "not encrypted for this installation" (and, in a passphrase file, as a wrong
passphrase): age cannot tell a damaged key slot from someone else's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
import os
import queue
import re
import stat
import struct
import threading
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence, Sized
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, TypeGuard

import pyrage
from pyrage import x25519

from kamdesk.i18n import _
from kamdesk.interchange.files import replace_atomically
from kamdesk.sync.keys import (
    InstallationKeys,
    KeyFileError,
    PublicCard,
    installation_id_problem,
    name_problem,
)
from kamdesk.sync.package_errors import (
    BadSignature,
    CountsMismatch,
    EncryptionRequired,
    ManifestInvalid,
    NotAPackage,
    PackageTooLarge,
    PackageTooNew,
    PackageUnsigned,
    PackageWriteError,
    PayloadDigestMismatch,
    SenderKeyMismatch,
    UnknownSender,
    _size,
)
from kamdesk.sync.unpack import (
    AGE_CHUNK,
    EOCD,
    EOCD_SIZE,
    MANIFEST,
    MAX_MANIFEST_BYTES,
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    RECORDS,
    SIGNATURE,
    SIGNATURE_BYTES,
    Progress,
    check_members,
    decrypt,
    inflate,
    is_record_id,
    load,
    no_constant,
    parse_records,
    report,
)

FORMAT = "kamdesk-package"
FORMAT_VERSION = 1
SUFFIX = ".kamx"
KINDS = ("hq", "handover", "backup", "from-hq")

_BATCH = 2000
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
_ENCODER = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), sort_keys=True, check_circular=False
)


# --- the manifest ------------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    """What a package says about itself; signed by its sender."""

    schema_version: str
    kind: str
    package_id: str
    sender: str
    sender_name: str
    sender_signing_key: str
    sender_recipient: str
    sequence: int
    created_at: datetime
    counts: dict[str, int]
    payload_sha256: str
    extra: dict[str, Any] = field(default_factory=dict)
    format: str = FORMAT
    format_version: int = FORMAT_VERSION

    @property
    def sender_card(self) -> PublicCard:
        """The sender as the package describes it (verified only against its own signature)."""
        return PublicCard(
            installation_id=self.sender,
            signing_key=base64.b64decode(self.sender_signing_key, validate=True),
            age_recipient=self.sender_recipient,
            name=self.sender_name,
        )

    def to_json(self) -> bytes:
        document = {
            "format": self.format,
            "format_version": self.format_version,
            "schema_version": self.schema_version,
            "kind": self.kind,
            "package_id": self.package_id,
            "sender": self.sender,
            "sender_name": self.sender_name,
            "sender_signing_key": self.sender_signing_key,
            "sender_recipient": self.sender_recipient,
            "sequence": self.sequence,
            "created_at": self.created_at.isoformat(),
            "counts": self.counts,
            "payload_sha256": self.payload_sha256,
            "extra": self.extra,
        }
        text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1)
        return (text + "\n").encode("utf-8")


@dataclass(frozen=True)
class Package:
    manifest: Manifest
    records: list[dict[str, Any]]


def _parse_manifest(raw: bytes) -> Manifest:
    """The manifest, once its format is ours and its version one this code reads."""
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=no_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ManifestInvalid(MANIFEST) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise NotAPackage()
    version = document.get("format_version")
    if not _is_count(version) or version < 1:
        raise ManifestInvalid("format_version")
    if version > FORMAT_VERSION:
        raise PackageTooNew()

    def text(key: str, pattern: re.Pattern[str] | None = None, longest: int = 200) -> str:
        value = document.get(key)
        if not isinstance(value, str) or len(value) > longest:
            raise ManifestInvalid(key)
        if pattern is not None and not pattern.fullmatch(value):
            raise ManifestInvalid(key)
        return value

    schema_version, kind = text("schema_version", longest=64), text("kind", longest=64)
    if not schema_version or not kind:
        raise ManifestInvalid("schema_version" if not schema_version else "kind")
    sequence = document.get("sequence")
    if not _is_count(sequence):
        raise ManifestInvalid("sequence")
    try:
        created_at = datetime.fromisoformat(text("created_at", longest=64))
    except ValueError:
        raise ManifestInvalid("created_at") from None
    if created_at.tzinfo is None:
        raise ManifestInvalid("created_at")
    counts = document.get("counts")
    if not isinstance(counts, dict) or not all(
        isinstance(table, str) and _is_count(n) for table, n in counts.items()
    ):
        raise ManifestInvalid("counts")
    extra = document.get("extra", {})
    if not isinstance(extra, dict):
        raise ManifestInvalid("extra")
    sender, sender_name = text("sender"), text("sender_name")
    if installation_id_problem(sender) is not None:
        raise ManifestInvalid("sender")
    if name_problem(sender_name) is not None:
        raise ManifestInvalid("sender_name")
    signing_key, recipient = text("sender_signing_key"), text("sender_recipient")
    try:
        PublicCard(sender, base64.b64decode(signing_key, validate=True), recipient, sender_name)
    except (KeyFileError, binascii.Error, ValueError):
        raise ManifestInvalid("sender_signing_key") from None
    return Manifest(
        schema_version=schema_version,
        kind=kind,
        package_id=text("package_id", _HEX32),
        sender=sender,
        sender_name=sender_name,
        sender_signing_key=signing_key,
        sender_recipient=recipient,
        sequence=sequence,
        created_at=created_at.astimezone(UTC),
        counts=counts,
        payload_sha256=text("payload_sha256", _HEX64),
        extra=extra,
        format_version=version,
    )


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


# --- writing -----------------------------------------------------------------------------


def write_package(
    path: str | os.PathLike[str],
    records: Iterable[Mapping[str, Any]],
    *,
    keys: InstallationKeys,
    kind: str,
    schema_version: str,
    sequence: int,
    recipients: Sequence[PublicCard] = (),
    passphrase: str | None = None,
    extra: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
) -> Manifest:
    """Write `records` as a package at `path`, signed by `keys`, sealed to `recipients` or
    to `passphrase` (one of the two, never neither). The file appears whole or not at all:
    on any error an existing file under that name is left as it was."""
    if not recipients and not passphrase:
        raise EncryptionRequired()
    if recipients and passphrase:
        raise ValueError("a package is sealed to recipients or to a passphrase, not both")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    if not schema_version or not _is_count(sequence):
        raise ValueError("schema_version must be a non-empty str and sequence an int >= 0")
    target = Path(path)
    sealed_to = list({card.age_recipient: card for card in recipients}.values())
    card = keys.public()
    buffer = io.BytesIO()
    created_at = datetime.now(UTC).replace(microsecond=0)
    with zipfile.ZipFile(buffer, "w") as archive:
        records_info = _member_info(RECORDS, created_at)
        digest, counts = _write_records(archive, records_info, records, progress)
        manifest = Manifest(
            schema_version=schema_version,
            kind=kind,
            package_id=uuid.uuid4().hex,
            sender=keys.installation_id,
            sender_name=keys.name,
            sender_signing_key=card.signing_key_b64,
            sender_recipient=card.age_recipient,
            sequence=sequence,
            created_at=created_at,
            counts=counts,
            payload_sha256=digest,
            extra=dict(extra or {}),
        )
        manifest_bytes = manifest.to_json()
        archive.writestr(_member_info(MANIFEST, created_at), manifest_bytes)
        signature_info = _member_info(SIGNATURE, created_at, zipfile.ZIP_STORED)
        archive.writestr(signature_info, keys.sign(manifest_bytes))
    plain = _pad(buffer.getvalue())
    del buffer
    report(progress, 85)
    if passphrase:
        sealed = pyrage.passphrase.encrypt(plain, passphrase)
    else:
        sealed = pyrage.encrypt(
            plain, [x25519.Recipient.from_str(card.age_recipient) for card in sealed_to]
        )
    del plain
    report(progress, 90)

    def write(out: BinaryIO) -> None:
        _write_all(out.fileno(), sealed)

    replace_atomically(target, write, error=PackageWriteError)
    report(progress, 100)
    return manifest


def _member_info(
    name: str, when: datetime, compression: int = zipfile.ZIP_DEFLATED
) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = compression
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _write_records(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    records: Iterable[Mapping[str, Any]],
    progress: Progress | None,
) -> tuple[str, dict[str, int]]:
    """Serialise `records` into the member `info`; return the payload's digest and counts.

    This thread turns records into JSON lines; a second thread hashes and deflates them. zlib
    and hashlib release the GIL, so on two cores the compression costs almost no extra time."""
    total = len(records) if isinstance(records, Sized) else 0
    digest = hashlib.sha256()
    counts: Counter[str] = Counter()
    seen: set[tuple[str, object]] = set()
    pending: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
    failures: list[BaseException] = []
    size = 0
    with archive.open(info, "w", force_zip64=True) as member:

        def deflate() -> None:
            while (chunk := pending.get()) is not None:
                if failures:
                    continue
                try:
                    digest.update(chunk)
                    member.write(chunk)
                except BaseException as error:  # handed to the caller's thread below
                    failures.append(error)

        def send(lines: list[str]) -> None:
            nonlocal size
            chunk = ("\n".join(lines) + "\n").encode("utf-8")
            size += len(chunk)
            if size > MAX_UNPACKED_BYTES:
                raise PackageTooLarge(
                    _(
                        "the package would be larger than {n}; export fewer accounts at a time"
                    ).format(n=_size(MAX_UNPACKED_BYTES))
                )
            pending.put(chunk)

        worker = threading.Thread(target=deflate, name="kamdesk-package-deflate", daemon=True)
        worker.start()
        try:
            lines: list[str] = []
            done = 0
            for record in records:
                if failures:
                    break
                if not isinstance(record, Mapping):
                    raise ValueError(f"a record is a mapping, not {record!r:.200}")
                table, record_id = record.get("table"), record.get("id")
                if not isinstance(table, str) or not table or not is_record_id(record_id):
                    raise ValueError(f"record without a 'table' or an 'id': {record!r:.200}")
                if (table, record_id) in seen:
                    raise ValueError(f"record {table} {record_id} appears twice")
                seen.add((table, record_id))
                counts[table] += 1
                lines.append(_ENCODER.encode(record if isinstance(record, dict) else dict(record)))
                if len(lines) == _BATCH:
                    send(lines)
                    done += len(lines)
                    lines = []
                    if total:
                        report(progress, min(80, 80 * done // total))
            if lines:
                send(lines)
        finally:
            pending.put(None)
            worker.join()
        if failures:
            raise failures[0]
    return digest.hexdigest(), dict(sorted(counts.items()))


def _pad(zipped: bytes) -> bytes:
    """Fill the zip's (empty) archive comment so its length is a whole number of age chunks."""
    end = len(zipped) - EOCD_SIZE
    if zipped[end : end + 4] != EOCD or zipped[-2:] != b"\0\0":
        raise RuntimeError("the zip does not end in an empty end-of-central-directory record")
    fill = -len(zipped) % AGE_CHUNK
    return zipped[:-2] + struct.pack("<H", fill) + b" " * fill


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[: 8 * 1024**2])
        view = view[written:]


# --- reading -----------------------------------------------------------------------------


def read_package(
    source: str | os.PathLike[str] | bytes,
    *,
    known_senders: Callable[[str], PublicCard | None],
    schema_supported: Callable[[str], bool],
    identities: Sequence[InstallationKeys] = (),
    passphrase: str | None = None,
    progress: Progress | None = None,
    max_bytes: int = MAX_UNPACKED_BYTES,
    max_ratio: int = MAX_RATIO,
    skip_records: Callable[[Manifest], bool] | None = None,
) -> Package:
    """Open a package sealed to one of `identities` or to `passphrase`, check everything, and
    return its manifest and records. `known_senders(installation_id)` gives the card
    registered for a sender, or None; `schema_supported(schema_version)` says whether this
    archive can take records of that schema. Raises a PackageError subclass for every kind of
    bad file; reads in memory and writes nothing."""
    data = load(source, max_bytes)
    report(progress, 5)
    plain = decrypt(data, identities, passphrase)
    del data
    report(progress, 25)
    try:
        archive = zipfile.ZipFile(io.BytesIO(plain))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, struct.error):
        raise NotAPackage() from None
    with archive:
        members = check_members(archive, max_bytes, max_ratio)
        if MANIFEST not in members or RECORDS not in members:
            raise NotAPackage()
        manifest_bytes = inflate(archive, members[MANIFEST], MAX_MANIFEST_BYTES)
        manifest = _parse_manifest(manifest_bytes)
        if SIGNATURE not in members:
            raise PackageUnsigned()
        if members[SIGNATURE].file_size != SIGNATURE_BYTES:
            raise BadSignature()
        signature = inflate(archive, members[SIGNATURE], SIGNATURE_BYTES)
        card = manifest.sender_card
        if len(signature) != SIGNATURE_BYTES or not card.verify(signature, manifest_bytes):
            raise BadSignature()
        registered = known_senders(manifest.sender)
        if registered is None:
            raise UnknownSender(card, manifest)
        if registered.signing_key != card.signing_key:
            raise SenderKeyMismatch(card, registered, manifest)
        if not schema_supported(manifest.schema_version):
            raise PackageTooNew()
        if skip_records is not None and skip_records(manifest):
            return Package(manifest, [])  # e.g. applied before: the signed manifest suffices
        payload = inflate(archive, members[RECORDS], max_bytes)
    del plain
    report(progress, 40)
    if hashlib.sha256(payload).hexdigest() != manifest.payload_sha256:
        raise PayloadDigestMismatch()
    records = parse_records(payload, progress)
    found = Counter(record["table"] for record in records)
    declared = {table: n for table, n in manifest.counts.items() if n}
    for table in sorted(set(found) | set(declared)):
        if found[table] != declared.get(table, 0):
            raise CountsMismatch(table, declared.get(table, 0), found[table])
    report(progress, 100)
    return Package(manifest, records)
