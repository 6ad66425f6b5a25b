"""Reading an untrusted package file safely: a size cap before anything is parsed, age
decryption that tells a cut-short file from a damaged or wrongly addressed one, zip members
checked for unsafe names, links, encryption, duplicates and zip bombs before any is inflated,
bounded inflation, and the records parsed line by line with a precise message for each fault.

The layout these checks enforce is described in kamdesk.sync.package.
"""

from __future__ import annotations

import copy
import json
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyrage

from kamdesk.i18n import _
from kamdesk.sync.keys import (
    InstallationKeys,
)
from kamdesk.sync.package_errors import (
    DuplicateMember,
    DuplicateRecord,
    EncryptedMember,
    InvalidUtf8,
    LinkMember,
    NeedsInstallationKey,
    NotAddressedToUs,
    NotAJsonObject,
    NotAPackage,
    PackageDamaged,
    PackageError,
    PackageMalformed,
    PackageTooLarge,
    PackageTruncated,
    PackageUnreadable,
    PassphraseRequired,
    RecordIncomplete,
    UnexpectedMember,
    UnsafeMemberName,
    UnsupportedCompression,
    WrongPassphrase,
    _size,
)

MANIFEST = "manifest.json"
RECORDS = "records.jsonl"
SIGNATURE = "signature"
MEMBERS = (MANIFEST, RECORDS, SIGNATURE)

MAX_UNPACKED_BYTES = 2 * 1024**3
"""The most a package may unpack to, all members together."""
MAX_RATIO = 200
"""The most a member larger than RATIO_FLOOR may claim to grow when inflated."""
RATIO_FLOOR = 1024**2
MAX_MANIFEST_BYTES = 1024**2
SIGNATURE_BYTES = 64

Progress = Callable[[int, int], None]
"""Called with (done, total) while a package is written or read; total is 100."""

_AGE_MAGIC = b"age-encryption.org/v1\n"
AGE_CHUNK = 64 * 1024
_AGE_SEALED_CHUNK = AGE_CHUNK + 16
_AGE_NONCE = 16
_AGE_STANZA = re.compile(rb"-> [\x21-\x7e]+(?: [\x21-\x7e]+)*")
_AGE_BODY = re.compile(rb"[A-Za-z0-9+/]{0,64}")
_AGE_MAC = re.compile(rb"--- [A-Za-z0-9+/]{43}")
_AGE_MAX_HEADER = 64 * 1024
EOCD = b"PK\x05\x06"
EOCD_SIZE = 22
_READ_PIECE = 1024**2


def no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_constant=no_constant)


def is_record_id(value: object) -> bool:
    return (isinstance(value, str) and value != "") or (
        isinstance(value, int) and not isinstance(value, bool)
    )


def load(source: str | os.PathLike[str] | bytes, max_bytes: int) -> bytes:
    """The file's bytes, unless it is larger than any package unpacking to `max_bytes`."""
    largest = max_bytes + max_bytes // 256 + 2 * _AGE_SEALED_CHUNK
    too_large = PackageTooLarge(
        _("the package file is larger than {n}; it was refused").format(n=_size(largest))
    )
    if isinstance(source, bytes | bytearray | memoryview):
        if len(source) > largest:
            raise too_large
        return bytes(source)
    path = Path(source)
    try:
        if path.stat().st_size > largest:
            raise too_large
        return path.read_bytes()
    except OSError as error:
        raise PackageUnreadable(path, error) from error


def report(progress: Progress | None, done: int) -> None:
    if progress is not None:
        progress(done, 100)


# --- reading: age ------------------------------------------------------------------------


def _nearly(found: bytes, expected: bytes) -> bool:
    """Whether `found` is `expected` with a byte or two changed: damage, not another format."""
    return (
        len(found) == len(expected)
        and sum(a != b for a, b in zip(found, expected, strict=True)) <= 2
    )


def _age_header(data: bytes) -> tuple[int, list[bytes]]:
    """Where the age header ends and the types of its stanzas; it is plain text, so it is
    read here to tell a passphrase file from a key file and a cut header from a bad one."""
    if not data:
        raise NotAPackage()
    if not data.startswith(_AGE_MAGIC):
        if _AGE_MAGIC.startswith(data):
            raise PackageTruncated()
        if _nearly(data[: len(_AGE_MAGIC)], _AGE_MAGIC):
            raise PackageDamaged()
        raise NotAPackage()
    position, types = len(_AGE_MAGIC), list[bytes]()
    while True:
        end = data.find(b"\n", position, position + _AGE_MAX_HEADER)
        if end < 0:
            if len(data) - position < _AGE_MAX_HEADER:
                raise PackageTruncated()
            raise PackageDamaged()
        line, position = data[position:end], end + 1
        if _AGE_MAC.fullmatch(line) and types:
            return position, types
        if _AGE_STANZA.fullmatch(line):
            types.append(line.split(b" ")[1])
        elif not types or not _AGE_BODY.fullmatch(line):
            raise PackageDamaged()


def decrypt(data: bytes, identities: Sequence[InstallationKeys], passphrase: str | None) -> bytes:
    header_end, types = _age_header(data)
    if any(
        _nearly(kind, known) and kind != known for kind in types for known in (b"X25519", b"scrypt")
    ):
        raise PackageDamaged()
    whole = len(data) - header_end - _AGE_NONCE
    cut = whole < _AGE_SEALED_CHUNK or whole % _AGE_SEALED_CHUNK != 0
    if b"scrypt" in types:
        if not passphrase:
            raise PassphraseRequired()
        try:
            return bytes(pyrage.passphrase.decrypt(data, passphrase))
        except pyrage.DecryptError as error:
            message = str(error).lower()
            if "no matching keys" in message or "decryption failed" in message:
                raise WrongPassphrase() from None
            raise _broken(message, cut) from None
    if b"X25519" not in types:
        raise NotAddressedToUs()
    not_ours = NeedsInstallationKey() if passphrase else NotAddressedToUs()
    if not identities:
        raise not_ours
    try:
        return bytes(pyrage.decrypt(data, [keys.age_identity for keys in identities]))
    except pyrage.DecryptError as error:
        message = str(error).lower()
        if "no matching keys" in message:
            raise not_ours from None
        raise _broken(message, cut) from None


def _broken(message: str, cut: bool) -> PackageError:
    if cut or "truncated" in message or "fill whole buffer" in message:
        return PackageTruncated()
    return PackageDamaged()


# --- reading: zip ------------------------------------------------------------------------

_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_name(name: str) -> bool:
    return (
        not name
        or name.startswith("/")
        or "\\" in name
        or bool(_DRIVE.match(name))
        or ".." in name.split("/")
        or any(ord(char) < 32 for char in name)
    )


def check_members(
    archive: zipfile.ZipFile, max_bytes: int, max_ratio: int
) -> dict[str, zipfile.ZipInfo]:
    """The members by name, once the list is safe to read; nothing is inflated yet."""
    members: dict[str, zipfile.ZipInfo] = {}
    for info in archive.infolist():
        name = info.orig_filename
        if _unsafe_name(name) or _unsafe_name(info.filename):
            raise UnsafeMemberName(name)
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise LinkMember(name)
        if info.flag_bits & 0x1:
            raise EncryptedMember(name)
        if name in members:
            raise DuplicateMember(name)
        if name not in MEMBERS or info.is_dir() or kind not in (0, stat.S_IFREG):
            raise UnexpectedMember(name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise UnsupportedCompression(name)
        members[name] = info
    total = sum(info.file_size for info in members.values())
    if total > max_bytes:
        raise PackageTooLarge(
            _(
                "the package would unpack to more than {n}; it was refused as a possible zip bomb"
            ).format(n=_size(max_bytes))
        )
    for name, info in members.items():
        if info.file_size > RATIO_FLOOR and info.file_size > max_ratio * max(info.compress_size, 1):
            raise PackageTooLarge(
                _(
                    "the package's '{f}' claims to grow more than {r} times when unpacked; it "
                    "was refused as a possible zip bomb"
                ).format(f=name, r=max_ratio)
            )
    return members


def inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """The member's bytes, inflated piece by piece and never past what it declares or
    `limit`: a member whose data inflates beyond its declared size is refused."""
    allowed = min(info.file_size, limit)
    if info.file_size > limit:
        raise PackageTooLarge(
            _("the package's '{f}' is larger than {n}; it was refused").format(
                f=info.orig_filename, n=_size(limit)
            )
        )
    # zipfile stops at the declared size; give it room, so a lie shows as bytes past it.
    roomy = copy.copy(info)
    roomy.file_size = allowed + 2 * _READ_PIECE
    pieces, count = [], 0
    try:
        with archive.open(roomy) as member:
            while piece := member.read(_READ_PIECE):
                count += len(piece)
                if count > allowed:
                    raise PackageTooLarge(
                        _(
                            "the package's '{f}' unpacks to more than it declares; it was "
                            "refused as a possible zip bomb"
                        ).format(f=info.orig_filename)
                    )
                pieces.append(piece)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, struct.error):
        raise PackageMalformed(info.orig_filename) from None
    return b"".join(pieces)


# --- reading: records --------------------------------------------------------------------


def parse_records(payload: bytes, progress: Progress | None) -> list[dict[str, Any]]:
    try:
        text = payload.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidUtf8(payload.count(b"\n", 0, error.start) + 1) from None
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    records: list[dict[str, Any]] = []
    first_seen: dict[tuple[str, object], int] = {}
    step = max(len(lines) // 20, 1)
    for number, line in enumerate(lines, 1):
        try:
            record = _DECODER.decode(line)
        except (ValueError, RecursionError):
            raise NotAJsonObject(number) from None
        if not isinstance(record, dict):
            raise NotAJsonObject(number)
        table, record_id = record.get("table"), record.get("id")
        if not isinstance(table, str) or not table or not is_record_id(record_id):
            raise RecordIncomplete(number)
        key = (table, record_id)
        if key in first_seen:
            raise DuplicateRecord(number, table, record_id, first_seen[key])
        first_seen[key] = number
        records.append(record)
        if number % step == 0:
            report(progress, 40 + 55 * number // len(lines))
    return records
