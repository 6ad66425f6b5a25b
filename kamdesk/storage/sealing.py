"""Protecting the fields labelled sensitive at rest: sealed with a data key, opened on read.

The data key is 32 random bytes made when the archive is first protected. It never reaches the
disk in the clear:

- it is wrapped (AES-256-GCM) with a key derived from the user's passphrase by scrypt, and the
  wrapped copy, the salt and the scrypt cost are kept in the archive's ``meta`` table under
  ``seal``;
- if headquarters' public key is registered when the archive is protected, a second copy is
  sealed to it with age, so a forgotten passphrase can be reset with headquarters' key file
  (see docs/security.md); without it a forgotten passphrase cannot be recovered.

Each value of a sealed column is stored as ``kd1:`` + base64(nonce ‖ AES-256-GCM ciphertext).
Empty values stay empty, so "has a family member" tests still work without the key. An archive
that was never protected keeps plain values; a protected one that is locked refuses both to read
and to write a sealed column, so nothing is ever written in the clear by mistake.

The sealer of an archive hangs on its engine's dialect (one per engine), which is where the
column type can find it while SQLAlchemy converts values.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Engine, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect

from kamdesk.domain.errors import ArchiveError
from kamdesk.i18n import _

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PREFIX = "kd1:"
SEAL_META = "seal"
MIN_PASSPHRASE = 8
_FIELD_AAD = b"kamdesk sealed field v1"
_WRAP_AAD = b"kamdesk data key v1"
_NONCE = 12
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
"""About 0.3 s and 128 MiB per unlock: slow for a guesser, quick for the user."""


class ArchiveLocked(ArchiveError):
    """A protected archive's sensitive fields were needed while it is locked."""


class WrongPassphrase(ArchiveError):
    """The passphrase (or recovery key) does not open this archive's data key."""


def passphrase_problem(passphrase: str) -> str | None:
    """Why `passphrase` may not protect an archive, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return _("the passphrase needs at least {n} characters").format(n=MIN_PASSPHRASE)
    if len(set(passphrase)) < 4:
        return _("the passphrase is too easy to guess; use several different characters")
    return None


@dataclass(frozen=True)
class SealSpec:
    """What the meta table keeps about the data key (never the key itself)."""

    salt: bytes
    wrapped: bytes
    key_id: str
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    recovery: str = ""
    """The data key sealed with age to headquarters' key (armored), or empty."""
    recovery_for: str = ""
    """Who can recover it: headquarters' name and key fingerprint, shown to the user."""

    def to_text(self) -> str:
        return json.dumps(
            {
                "v": 1,
                "kdf": "scrypt",
                "n": self.n,
                "r": self.r,
                "p": self.p,
                "salt": _b64(self.salt),
                "wrapped": _b64(self.wrapped),
                "key_id": self.key_id,
                "recovery": self.recovery,
                "recovery_for": self.recovery_for,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_text(cls, text: str) -> SealSpec:
        try:
            data = json.loads(text)
            if data.get("v") != 1 or data.get("kdf") != "scrypt":
                raise ValueError("version")
            return cls(
                salt=base64.b64decode(data["salt"]),
                wrapped=base64.b64decode(data["wrapped"]),
                key_id=str(data["key_id"]),
                n=int(data["n"]),
                r=int(data["r"]),
                p=int(data["p"]),
                recovery=str(data.get("recovery", "")),
                recovery_for=str(data.get("recovery_for", "")),
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ArchiveError(
                _("the archive's protection record is damaged or from a newer kamdesk")
            ) from exc


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def key_id(data_key: bytes) -> str:
    """A short public name of a data key (to find it in the keyring, never to derive it)."""
    from hashlib import sha256

    return sha256(b"kamdesk key id" + data_key).hexdigest()[:16]


def derive(
    passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    """The key-encryption key for `passphrase`."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def wrap(
    data_key: bytes, passphrase: str, *, recovery: str = "", recovery_for: str = ""
) -> SealSpec:
    """A fresh spec holding `data_key` wrapped under `passphrase` (new salt each time)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = os.urandom(16)
    nonce = os.urandom(_NONCE)
    wrapped = nonce + AESGCM(derive(passphrase, salt)).encrypt(nonce, data_key, _WRAP_AAD)
    return SealSpec(
        salt=salt,
        wrapped=wrapped,
        key_id=key_id(data_key),
        recovery=recovery,
        recovery_for=recovery_for,
    )


def unwrap(spec: SealSpec, passphrase: str) -> bytes:
    """The data key inside `spec`, or WrongPassphrase."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kek = derive(passphrase, spec.salt, spec.n, spec.r, spec.p)
    nonce, body = spec.wrapped[:_NONCE], spec.wrapped[_NONCE:]
    try:
        return AESGCM(kek).decrypt(nonce, body, _WRAP_AAD)
    except InvalidTag:
        raise WrongPassphrase(_("wrong passphrase")) from None


def seal_for_recovery(data_key: bytes, age_recipient: str) -> str:
    """`data_key` sealed with age to a recovery key holder (armored text)."""
    import pyrage
    from pyrage import x25519

    recipient = x25519.Recipient.from_str(age_recipient)
    sealed = pyrage.encrypt(data_key, [recipient])
    return base64.b64encode(sealed).decode("ascii")


def open_recovery(spec: SealSpec, age_identity: str) -> bytes:
    """The data key from the recovery copy, opened with the holder's age identity."""
    import pyrage
    from pyrage import x25519

    if not spec.recovery:
        raise WrongPassphrase(
            _("this archive has no recovery copy of its key: the passphrase cannot be reset")
        )
    try:
        identity = x25519.Identity.from_str(age_identity.strip())
        data_key: bytes = pyrage.decrypt(base64.b64decode(spec.recovery), [identity])
    except (pyrage.IdentityError, pyrage.DecryptError, ValueError):
        raise WrongPassphrase(
            _("that key file does not hold the recovery key of this archive")
        ) from None
    if key_id(data_key) != spec.key_id:
        raise WrongPassphrase(_("that key file does not hold the recovery key of this archive"))
    return data_key


class Sealer:
    """Seals and opens sensitive values for one archive; knows whether it is protected and
    whether the data key is at hand."""

    def __init__(self, spec: SealSpec | None = None) -> None:
        self.spec = spec
        self._aead: AESGCM | None = None
        self._key: bytes | None = None

    @property
    def protected(self) -> bool:
        return self.spec is not None

    @property
    def unlocked(self) -> bool:
        return self._aead is not None

    @property
    def data_key(self) -> bytes:
        if self._key is None:
            raise self._locked()
        return self._key

    def use_key(self, data_key: bytes) -> None:
        """Hold `data_key` (checked against the archive's key id)."""
        if self.spec is None or key_id(data_key) != self.spec.key_id:
            raise WrongPassphrase(_("that key does not belong to this archive"))
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._key = data_key
        self._aead = AESGCM(data_key)

    def unlock(self, passphrase: str) -> None:
        if self.spec is None:
            return
        self.use_key(unwrap(self.spec, passphrase))

    def lock(self) -> None:
        self._aead = None
        self._key = None

    def seal(self, value: str) -> str:
        if not value or self.spec is None or value.startswith(PREFIX):
            return value
        if self._aead is None:
            raise self._locked()
        nonce = os.urandom(_NONCE)
        body = self._aead.encrypt(nonce, value.encode("utf-8"), _FIELD_AAD)
        return PREFIX + base64.b64encode(nonce + body).decode("ascii")

    def open(self, value: str) -> str:
        if not value.startswith(PREFIX):
            return value
        if self._aead is None:
            raise self._locked()
        from cryptography.exceptions import InvalidTag

        raw = base64.b64decode(value[len(PREFIX) :])
        try:
            return self._aead.decrypt(raw[:_NONCE], raw[_NONCE:], _FIELD_AAD).decode("utf-8")
        except InvalidTag:
            raise ArchiveError(_("a protected field is damaged and cannot be read")) from None

    @staticmethod
    def _locked() -> ArchiveLocked:
        return ArchiveLocked(_("the archive is locked: unlock it with your passphrase first"))


_ATTRIBUTE = "kamdesk_sealer"


def attach(engine: Engine, sealer: Sealer) -> None:
    """Let the sealed columns of `engine`'s statements use `sealer`."""
    setattr(engine.dialect, _ATTRIBUTE, sealer)


def sealer_of(dialect: Dialect) -> Sealer | None:
    return getattr(dialect, _ATTRIBUTE, None)


class Sealed(TypeDecorator[str]):
    """A text column whose non-empty values are sealed when the archive is protected."""

    impl = Text
    cache_ok = True

    def __init__(self, length: int | None = None) -> None:
        super().__init__()
        if length is not None:  # stored as the column was declared before it was sealed
            self.impl = String(length)  # type: ignore[assignment]

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        sealer = sealer_of(dialect)
        if value is None or sealer is None:
            return value
        return sealer.seal(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        sealer = sealer_of(dialect)
        if value is None or sealer is None:
            return value
        return sealer.open(value)


class SealedJSON(TypeDecorator[Any]):
    """A JSON column whose whole value is sealed (as one JSON string) when protected."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        sealer = sealer_of(dialect)
        if value is None or sealer is None or not sealer.protected:
            return value
        return sealer.seal(json.dumps(value, ensure_ascii=False))

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        sealer = sealer_of(dialect)
        if sealer is not None and isinstance(value, str) and value.startswith(PREFIX):
            return json.loads(sealer.open(value))
        return value


def sealed_columns(tables: Iterable[Any]) -> list[tuple[str, str, bool]]:
    """(table, column, is JSON) of every sealed column of `tables`."""
    found = []
    for table in tables:
        for column in table.columns:
            if isinstance(column.type, Sealed | SealedJSON):
                found.append((table.name, column.name, isinstance(column.type, SealedJSON)))
    return found
