"""The exchange package: what goes in comes out, sealed and signed; every hostile or broken file
is refused with its own error, and neither writing nor reading leaves a stray file behind."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import random
import re
import stat
import struct
import uuid
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pyrage
import pytest
from pyrage import x25519

from kamdesk.sync import package
from kamdesk.sync.keys import InstallationKeys, PublicCard
from kamdesk.sync.package import MANIFEST, RECORDS, SIGNATURE, read_package, write_package
from kamdesk.sync.package_errors import (
    BadSignature,
    CountsMismatch,
    DuplicateMember,
    DuplicateRecord,
    EncryptedMember,
    EncryptionRequired,
    InvalidUtf8,
    LinkMember,
    ManifestInvalid,
    NeedsInstallationKey,
    NotAddressedToUs,
    NotAJsonObject,
    NotAPackage,
    PackageDamaged,
    PackageError,
    PackageTooLarge,
    PackageTooNew,
    PackageTruncated,
    PackageUnsigned,
    PackageWriteError,
    PassphraseRequired,
    PayloadDigestMismatch,
    RecordIncomplete,
    SenderKeyMismatch,
    UnexpectedMember,
    UnknownSender,
    UnsafeMemberName,
    UnsupportedCompression,
    WrongPassphrase,
)

SCHEMA = "0007"
PASSPHRASE = "恒瑞 交接 2026 春"
AGE_MAGIC = b"age-encryption.org/v1\n"
SEALED_CHUNK = 64 * 1024 + 16


@pytest.fixture(scope="module")
def hq() -> InstallationKeys:
    return InstallationKeys.generate("hq", name="总部")


@pytest.fixture(scope="module")
def laptop() -> InstallationKeys:
    return InstallationKeys.generate("laptop-wang", name="王经理")


@pytest.fixture(scope="module")
def known(hq: InstallationKeys, laptop: InstallationKeys) -> dict[str, PublicCard]:
    return {keys.installation_id: keys.public() for keys in (hq, laptop)}


def realistic_records() -> list[dict[str, Any]]:
    """An account with its people, a lunar birthday, a visit with a long note, and enough
    contacts with varied notes that the package spans several age chunks."""
    rng = random.Random(6)
    records: list[dict[str, Any]] = [
        {"table": "accounts", "id": "acc-1", "name": "苏州恒瑞精密机械有限公司", "city": "苏州"},
        {"table": "contacts", "id": "con-1", "name": "单田芳", "title": "董事长", "level": "owner"},
        {
            "table": "anniversaries",
            "id": "ann-1",
            "contact_id": "con-1",
            "calendar": "lunar",
            "month": 12,
            "day": 8,
            "year": 1962,
        },
        {
            "table": "visits",
            "id": 17,
            "purpose": "季度业务回顾",
            "notes": "二期厂房需要 30 台数控机床，下周报价。" * 400,
        },
    ]
    for n in range(2500):
        records.append(
            {
                "table": "contacts",
                "id": f"con-{n + 2}",
                "name": "欧阳" + chr(0x4E00 + rng.randrange(20000)),
                "phones": [f"138{rng.randrange(10**8):08d}"],
                "notes": rng.randbytes(40).hex(),
            }
        )
    return records


RECORDS_WRITTEN = realistic_records()


def jsonl(records: Sequence[dict[str, Any]]) -> bytes:
    lines = [
        json.dumps(r, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for r in records
    ]
    return "".join(line + "\n" for line in lines).encode()


@pytest.fixture(scope="module")
def sealed(
    tmp_path_factory: pytest.TempPathFactory, hq: InstallationKeys, laptop: InstallationKeys
) -> bytes:
    """A package from the laptop to HQ and to itself, as bytes."""
    path = tmp_path_factory.mktemp("sealed") / "to-hq.kamx"
    write_package(
        path,
        RECORDS_WRITTEN,
        keys=laptop,
        kind="hq",
        schema_version=SCHEMA,
        sequence=42,
        recipients=[hq.public(), laptop.public()],
        extra={"since": {"hq": "1732340000000.000000.hq"}},
    )
    return path.read_bytes()


@pytest.fixture(scope="module")
def by_passphrase(tmp_path_factory: pytest.TempPathFactory, laptop: InstallationKeys) -> Path:
    """A handover sealed with a passphrase (scrypt: about a second to make and to open)."""
    path = tmp_path_factory.mktemp("handover") / "handover.kamx"
    write_package(
        path,
        RECORDS_WRITTEN[:4],
        keys=laptop,
        kind="handover",
        schema_version=SCHEMA,
        sequence=1,
        passphrase=PASSPHRASE,
    )
    return path


def read(
    source: Path | bytes,
    identities: Sequence[InstallationKeys],
    known: dict[str, PublicCard],
    **options: Any,
) -> package.Package:
    options.setdefault("schema_supported", lambda version: version == SCHEMA)
    return read_package(source, identities=identities, known_senders=known.get, **options)


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.fixture
def refused(
    tmp_path: Path, hq: InstallationKeys, known: dict[str, PublicCard]
) -> Callable[..., PackageError]:
    """Write `data` into a fresh folder, read it as HQ, and return the error it raised, after
    checking that reading left the folder exactly as it was."""

    def check(data: bytes, error: type[PackageError], **options: Any) -> PackageError:
        path = tmp_path / "incoming.kamx"
        path.write_bytes(data)
        before = listing(tmp_path)
        options.setdefault("identities", [hq])
        identities = options.pop("identities")
        with pytest.raises(error) as raised:
            read(path, identities, known, **options)
        assert listing(tmp_path) == before
        assert path.read_bytes() == data
        assert str(raised.value)
        return raised.value

    return check


# --- building hostile packages by hand ----------------------------------------------------

DROP = object()


def manifest_bytes(payload: bytes, keys: InstallationKeys, **changes: Any) -> bytes:
    counts: dict[str, int] = {}
    for line in payload.split(b"\n"):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("table"), str):
            counts[record["table"]] = counts.get(record["table"], 0) + 1
    card = keys.public()
    document: dict[str, Any] = {
        "format": "kamdesk-package",
        "format_version": 1,
        "schema_version": SCHEMA,
        "kind": "hq",
        "package_id": uuid.uuid4().hex,
        "sender": card.installation_id,
        "sender_name": card.name,
        "sender_signing_key": card.signing_key_b64,
        "sender_recipient": card.age_recipient,
        "sequence": 7,
        "created_at": datetime.now(UTC).isoformat(),
        "counts": counts,
        "payload_sha256": hashlib.sha256(payload).hexdigest(),
        "extra": {},
    }
    document.update(changes)
    document = {key: value for key, value in document.items() if value is not DROP}
    return json.dumps(document, ensure_ascii=False).encode()


Member = tuple[str | zipfile.ZipInfo, bytes]


def members(
    payload: bytes,
    keys: InstallationKeys,
    *,
    signer: InstallationKeys | None = None,
    **changes: Any,
) -> list[Member]:
    """The three members of a package holding `payload`, signed by `signer` (or `keys`)."""
    manifest = manifest_bytes(payload, keys, **changes)
    return [
        (MANIFEST, manifest),
        (RECORDS, payload),
        (SIGNATURE, (signer or keys).sign(manifest)),
    ]


def zipped(entries: Sequence[Member], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def age(plain: bytes, *to: InstallationKeys) -> bytes:
    return pyrage.encrypt(plain, [x25519.Recipient.from_str(k.public().age_recipient) for k in to])


def patch_central(data: bytes, name: str, offset: int, value: int, width: str = "<H") -> bytes:
    """Change one field of `name`'s central directory entry (what zip readers trust)."""
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + length] == name.encode():
            patched = bytearray(data)
            struct.pack_into(width, patched, start + offset, value)
            return bytes(patched)
        start += 4
    raise AssertionError(f"{name} is not in the central directory")


def header_end(data: bytes) -> int:
    return data.index(b"\n", data.index(b"\n--- ") + 1) + 1


# --- round trips ---------------------------------------------------------------------------


def test_hq_gets_back_exactly_the_records_the_laptop_wrote(
    sealed: bytes, hq: InstallationKeys, laptop: InstallationKeys, known: dict[str, PublicCard]
) -> None:
    opened = read(sealed, [hq], known)
    assert opened.records == RECORDS_WRITTEN
    manifest = opened.manifest
    assert (manifest.format, manifest.format_version) == ("kamdesk-package", 1)
    assert (manifest.kind, manifest.schema_version, manifest.sequence) == ("hq", SCHEMA, 42)
    assert (manifest.sender, manifest.sender_name) == ("laptop-wang", "王经理")
    assert manifest.sender_card == laptop.public()
    assert manifest.counts == {"accounts": 1, "anniversaries": 1, "contacts": 2501, "visits": 1}
    assert manifest.payload_sha256 == hashlib.sha256(jsonl(RECORDS_WRITTEN)).hexdigest()
    assert manifest.extra == {"since": {"hq": "1732340000000.000000.hq"}}
    assert re.fullmatch(r"[0-9a-f]{32}", manifest.package_id)
    assert manifest.created_at.utcoffset() == timedelta(0)
    assert datetime.now(UTC) - manifest.created_at < timedelta(minutes=5)


def test_a_package_sealed_to_hq_and_to_itself_opens_on_both(
    sealed: bytes, hq: InstallationKeys, laptop: InstallationKeys, known: dict[str, PublicCard]
) -> None:
    assert read(sealed, [laptop], known).records == read(sealed, [hq], known).records


def test_the_file_is_age_ciphertext_of_whole_chunks_with_nothing_readable(sealed: bytes) -> None:
    assert sealed.startswith(AGE_MAGIC)
    assert sealed.count(b"-> X25519 ") == 2
    assert (len(sealed) - header_end(sealed) - 16) % SEALED_CHUNK == 0
    assert len(sealed) > 2 * SEALED_CHUNK  # several chunks, for the truncation tests
    for clear in ("单田芳", "苏州恒瑞", "records.jsonl", "kamdesk-package"):
        assert clear.encode() not in sealed


def test_a_handover_opens_with_its_passphrase(
    by_passphrase: Path, laptop: InstallationKeys, known: dict[str, PublicCard]
) -> None:
    data = by_passphrase.read_bytes()
    assert b"-> scrypt " in data and b"-> X25519 " not in data
    opened = read(by_passphrase, [], known, passphrase=PASSPHRASE)
    assert opened.records == RECORDS_WRITTEN[:4]
    assert opened.manifest.kind == "handover"


def test_records_can_stream_from_a_generator_and_progress_reaches_the_end(
    tmp_path: Path, hq: InstallationKeys, laptop: InstallationKeys, known: dict[str, PublicCard]
) -> None:
    steps: list[tuple[int, int]] = []
    path = tmp_path / "stream.kamx"
    write_package(
        path,
        (record for record in RECORDS_WRITTEN),
        keys=laptop,
        kind="backup",
        schema_version=SCHEMA,
        sequence=0,
        recipients=[laptop.public()],
        progress=lambda done, total: steps.append((done, total)),
    )
    assert steps[-1] == (100, 100)
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    reading: list[tuple[int, int]] = []
    opened = read(path, [laptop], known, progress=lambda d, t: reading.append((d, t)))
    assert opened.records == RECORDS_WRITTEN
    assert reading[-1] == (100, 100)
    assert listing(tmp_path) == ["stream.kamx"]


def test_an_empty_package_round_trips(
    tmp_path: Path, laptop: InstallationKeys, known: dict[str, PublicCard]
) -> None:
    path = tmp_path / "empty.kamx"
    manifest = write_package(
        path,
        [],
        keys=laptop,
        kind="hq",
        schema_version=SCHEMA,
        sequence=3,
        recipients=[known["hq"]],
    )
    assert manifest.counts == {}
    with pytest.raises(NotAddressedToUs):
        read(path, [laptop], known)


# --- writing: nothing unencrypted, nothing half-written -----------------------------------


def test_without_recipient_or_passphrase_nothing_is_written(
    tmp_path: Path, laptop: InstallationKeys
) -> None:
    for passphrase in (None, ""):
        with pytest.raises(EncryptionRequired, match="public key"):
            write_package(
                tmp_path / "plain.kamx",
                RECORDS_WRITTEN[:2],
                keys=laptop,
                kind="hq",
                schema_version=SCHEMA,
                sequence=1,
                passphrase=passphrase,
            )
    assert listing(tmp_path) == []


def test_a_full_disk_leaves_the_old_file_and_no_partial_one(
    tmp_path: Path, laptop: InstallationKeys, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "to-hq.kamx"
    target.write_bytes(b"last week's package")

    def half_then_full(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(package, "_write_all", half_then_full)
    with pytest.raises(PackageWriteError, match="disk is full") as raised:
        write_package(
            target,
            RECORDS_WRITTEN,
            keys=laptop,
            kind="hq",
            schema_version=SCHEMA,
            sequence=2,
            recipients=[laptop.public()],
        )
    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"last week's package"
    assert listing(tmp_path) == ["to-hq.kamx"]


def test_a_missing_folder_is_a_write_error(tmp_path: Path, laptop: InstallationKeys) -> None:
    with pytest.raises(PackageWriteError, match="cannot write"):
        write_package(
            tmp_path / "gone" / "x.kamx",
            [],
            keys=laptop,
            kind="hq",
            schema_version=SCHEMA,
            sequence=1,
            recipients=[laptop.public()],
        )
    assert listing(tmp_path) == []


def test_a_failing_record_source_leaves_no_file(tmp_path: Path, laptop: InstallationKeys) -> None:
    def records() -> Iterator[dict[str, Any]]:
        yield from RECORDS_WRITTEN[:3000]
        raise RuntimeError("the archive went away")

    with pytest.raises(RuntimeError):
        write_package(
            tmp_path / "x.kamx",
            records(),
            keys=laptop,
            kind="hq",
            schema_version=SCHEMA,
            sequence=1,
            recipients=[laptop.public()],
        )
    with pytest.raises(ValueError, match="table"):
        write_package(
            tmp_path / "x.kamx",
            [{"id": 1}],
            keys=laptop,
            kind="hq",
            schema_version=SCHEMA,
            sequence=1,
            recipients=[laptop.public()],
        )
    assert listing(tmp_path) == []


# --- 1. not a package ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda hq, laptop: b"",
        lambda hq, laptop: random.Random(1).randbytes(5000),
        lambda hq, laptop: zipped(members(jsonl(RECORDS_WRITTEN[:3]), laptop)),
        lambda hq, laptop: age("季度业务回顾".encode(), hq),
        lambda hq, laptop: age(zipped(members(b"", laptop, format="something-else")), hq),
    ],
    ids=["empty", "random", "plain-zip", "age-text", "other-format"],
)
def test_a_file_that_is_no_package_says_so(
    refused: Callable[..., PackageError],
    hq: InstallationKeys,
    laptop: InstallationKeys,
    make: Callable[[InstallationKeys, InstallationKeys], bytes],
) -> None:
    refused(make(hq, laptop), NotAPackage)


# --- 2. truncated, 3. bit-flipped -------------------------------------------------------------


def cut_offsets(data: bytes) -> list[int]:
    end = header_end(data)
    return [10, 40, end - 3, end, end + 8, end + 16 + SEALED_CHUNK, len(data) // 2, len(data) - 1]


def test_a_file_cut_short_anywhere_is_reported_as_truncated(
    sealed: bytes, refused: Callable[..., PackageError]
) -> None:
    for offset in cut_offsets(sealed):
        refused(sealed[:offset], PackageTruncated)


def flip(data: bytes, offset: int) -> bytes:
    changed = bytearray(data)
    changed[offset] ^= 0x04
    return bytes(changed)


def test_a_flipped_byte_is_reported_as_damage(
    sealed: bytes, refused: Callable[..., PackageError]
) -> None:
    end = header_end(sealed)
    for offset in (
        3,
        end - 10,
        end + 3,
        end + 16 + 100,
        end + 16 + SEALED_CHUNK + 5,
        len(sealed) - 1,
    ):
        refused(flip(sealed, offset), PackageDamaged)


def test_no_flipped_byte_anywhere_gets_through(
    sealed: bytes, hq: InstallationKeys, known: dict[str, PublicCard]
) -> None:
    for offset in range(0, len(sealed), len(sealed) // 150):
        with pytest.raises(PackageError):
            read(flip(sealed, offset), [hq], known)


# --- 4. the wrong key or passphrase -----------------------------------------------------------


def test_a_package_for_another_installation_is_not_opened(
    refused: Callable[..., PackageError], laptop: InstallationKeys
) -> None:
    stranger = InstallationKeys.generate("laptop-li")
    refused(age(zipped(members(b"", laptop)), stranger), NotAddressedToUs)


def test_a_passphrase_package_asks_for_the_passphrase(
    by_passphrase: Path, refused: Callable[..., PackageError]
) -> None:
    refused(by_passphrase.read_bytes(), PassphraseRequired)


def test_a_wrong_passphrase_is_named(
    by_passphrase: Path, refused: Callable[..., PackageError]
) -> None:
    refused(by_passphrase.read_bytes(), WrongPassphrase, passphrase="恒瑞 交接 2025 春")


def test_a_passphrase_does_not_open_a_package_locked_to_a_key(
    sealed: bytes, refused: Callable[..., PackageError]
) -> None:
    refused(sealed, NeedsInstallationKey, identities=[], passphrase=PASSPHRASE)
    other = InstallationKeys.generate("laptop-li")
    refused(sealed, NeedsInstallationKey, identities=[other], passphrase=PASSPHRASE)


# --- 5. signatures, 6. senders ----------------------------------------------------------------


def test_an_unsigned_package_is_refused(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    unsigned = members(jsonl(RECORDS_WRITTEN[:3]), laptop)[:2]
    refused(age(zipped(unsigned), hq), PackageUnsigned)


def test_a_signature_that_does_not_fit_is_refused(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    payload = jsonl(RECORDS_WRITTEN[:3])
    forged = members(payload, laptop, signer=InstallationKeys.generate("laptop-wang"))
    refused(age(zipped(forged), hq), BadSignature)
    altered = members(payload, laptop)
    altered[0] = (MANIFEST, altered[0][1].replace(b'"sequence": 7', b'"sequence": 8'))
    refused(age(zipped(altered), hq), BadSignature)
    empty = [*members(payload, laptop)[:2], (SIGNATURE, b"")]
    refused(age(zipped(empty), hq), BadSignature)


def test_an_unknown_sender_is_offered_for_trust_with_its_fingerprint(
    refused: Callable[..., PackageError], hq: InstallationKeys
) -> None:
    stranger = InstallationKeys.generate("laptop-zhao", name="赵经理")
    error = refused(age(zipped(members(jsonl(RECORDS_WRITTEN[:3]), stranger)), hq), UnknownSender)
    assert isinstance(error, UnknownSender)
    assert error.card == stranger.public()
    assert error.manifest.sender == "laptop-zhao"
    assert stranger.public().fingerprint in str(error)
    assert "赵经理" in str(error)


def test_a_known_sender_signing_with_another_key_is_refused(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    impostor = InstallationKeys.generate(laptop.installation_id, name=laptop.name)
    error = refused(age(zipped(members(b"", impostor)), hq), SenderKeyMismatch)
    assert isinstance(error, SenderKeyMismatch)
    assert error.registered == laptop.public()
    assert error.card.signing_key == impostor.public().signing_key
    assert "different key" in str(error)


# --- 7. newer versions -------------------------------------------------------------------------


def test_a_package_from_a_newer_kamdesk_asks_for_an_update(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    newer_format = members(b"", laptop, format_version=2)
    assert "update" in str(refused(age(zipped(newer_format), hq), PackageTooNew))
    newer_schema = members(b"", laptop, schema_version="0008")
    refused(age(zipped(newer_schema), hq), PackageTooNew)


# --- 8. the records themselves -----------------------------------------------------------------

GOOD = jsonl(RECORDS_WRITTEN[:3])


@pytest.mark.parametrize(
    ("payload", "changes", "error", "line"),
    [
        (GOOD, {"payload_sha256": "0" * 64}, PayloadDigestMismatch, None),
        (GOOD, {"counts": {"accounts": 1, "contacts": 2}}, CountsMismatch, None),
        (GOOD, {"counts": {"accounts": 1, "contacts": 1}}, CountsMismatch, None),
        (GOOD + b'{"table":"visits","id":"v1","note":"\xb9\xfa"}\n', {}, InvalidUtf8, 4),
        (GOOD + b"[1, 2]\n", {}, NotAJsonObject, 4),
        (GOOD + b'{"table": "visits", "id": \n', {}, NotAJsonObject, 4),
        (b"\n" + GOOD, {}, NotAJsonObject, 1),
        (GOOD + b'{"table": "visits", "id": NaN}\n', {}, NotAJsonObject, 4),
        (GOOD + b'{"table": "visits"}\n', {}, RecordIncomplete, 4),
        (GOOD + b'{"id": "v1"}\n', {}, RecordIncomplete, 4),
        (GOOD + b'{"table": "visits", "id": true}\n', {}, RecordIncomplete, 4),
        (GOOD + b'{"table": "accounts", "id": "acc-1"}\n', {}, DuplicateRecord, 4),
        (GOOD, {"sequence": "7"}, ManifestInvalid, None),
        (GOOD, {"created_at": "2026-11-23 10:00"}, ManifestInvalid, None),
        (GOOD, {"sender_signing_key": "AAAA"}, ManifestInvalid, None),
        (GOOD, {"package_id": DROP}, ManifestInvalid, None),
    ],
    ids=[
        "digest",
        "counts-too-many",
        "counts-too-few",
        "invalid-utf8",
        "array",
        "broken-json",
        "blank-line",
        "nan",
        "no-id",
        "no-table",
        "boolean-id",
        "duplicate-id",
        "sequence-as-text",
        "naive-time",
        "short-key",
        "no-package-id",
    ],
)
def test_bad_records_or_manifest_fields_are_named(
    refused: Callable[..., PackageError],
    hq: InstallationKeys,
    laptop: InstallationKeys,
    payload: bytes,
    changes: dict[str, Any],
    error: type[PackageError],
    line: int | None,
) -> None:
    raised = refused(age(zipped(members(payload, laptop, **changes)), hq), error)
    if line is not None:
        assert getattr(raised, "line", None) == line
        assert f"line {line}" in str(raised)


def test_a_manifest_that_is_not_json_is_named(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    garbled = [(MANIFEST, b"{not json"), (RECORDS, b""), (SIGNATURE, laptop.sign(b"{not json"))]
    refused(age(zipped(garbled), hq), ManifestInvalid)


# --- 9. hostile zip members --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["../records.jsonl", "/etc/cron.d/x", "C:/Windows/x", "a\\..\\b", "x/../../y", "bell\x07.txt"],
)
def test_a_member_with_an_unsafe_name_is_refused(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys, name: str
) -> None:
    entries = [*members(GOOD, laptop), (name, b"owned")]
    refused(age(zipped(entries), hq), UnsafeMemberName)


def test_unexpected_or_duplicate_members_are_refused(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    refused(age(zipped([*members(GOOD, laptop), ("notes.txt", b"hi")]), hq), UnexpectedMember)
    refused(age(zipped([*members(GOOD, laptop), ("docs/", b"")]), hq), UnexpectedMember)
    twice = [*members(GOOD, laptop), (RECORDS, b"")]
    with pytest.warns(UserWarning, match="Duplicate name"):
        data = age(zipped(twice), hq)
    refused(data, DuplicateMember)


def test_a_symbolic_link_is_refused(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    link = zipfile.ZipInfo(RECORDS)
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    entries = [(name, data) for name, data in members(GOOD, laptop) if name != RECORDS]
    refused(age(zipped([*entries, (link, b"/etc/passwd")]), hq), LinkMember)


def test_an_encrypted_or_oddly_compressed_member_is_refused(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    plain = zipped(members(GOOD, laptop))
    refused(age(patch_central(plain, RECORDS, 8, 0x1), hq), EncryptedMember)
    refused(age(zipped(members(GOOD, laptop), zipfile.ZIP_BZIP2), hq), UnsupportedCompression)


# --- 10. decompression bombs --------------------------------------------------------------------


def test_a_member_that_claims_an_absurd_ratio_is_refused_before_inflating(
    refused: Callable[..., PackageError],
    hq: InstallationKeys,
    laptop: InstallationKeys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inflated: list[str] = []
    inflate = package.inflate

    def spy(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
        inflated.append(info.filename)
        return inflate(archive, info, limit)

    monkeypatch.setattr(package, "inflate", spy)
    bomb = b" " * (20 * 1024**2)
    error = refused(age(zipped(members(bomb, laptop)), hq), PackageTooLarge)
    assert "zip bomb" in str(error)
    assert inflated == []


def test_a_package_larger_than_the_cap_is_refused(
    sealed: bytes, refused: Callable[..., PackageError]
) -> None:
    refused(sealed, PackageTooLarge, max_bytes=len(sealed))
    refused(sealed, PackageTooLarge, max_bytes=1000)


def test_a_member_that_inflates_past_its_declared_size_is_cut_off(
    refused: Callable[..., PackageError], hq: InstallationKeys, laptop: InstallationKeys
) -> None:
    lying = zipped(members(b" " * (3 * 1024**2), laptop))
    lying = patch_central(lying, RECORDS, 24, 1000, "<I")
    error = refused(age(lying, hq), PackageTooLarge)
    assert "more than it declares" in str(error)
