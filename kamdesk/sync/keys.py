"""An installation's own key pair, and the public cards of the installations it trades with.

Each installation holds an Ed25519 key that signs its packages (cryptography) and an age X25519
identity that packages sent to it are encrypted to (pyrage). Its `PublicCard` carries the two
public halves in a small text file a manager can e-mail; people compare the card's fingerprint
on the phone before trusting it. Both text forms are versioned, one `field: value` per line:

    kamdesk-public-key 1
    installation: 3f0c9a…
    name: 王经理
    signing: <base64 of the 32-byte Ed25519 public key>
    age: age1…
    fingerprint: 1A2B 3C4D 5E6F 7081 92A3 B4C5 D6E7 F809

The secret form (`kamdesk-secret-key 1`) has the same lines with the private halves and no
fingerprint; it never leaves the archive. Blank lines, `#` comments, a BOM, CRLF line ends and
fields this version does not know are accepted, so a card survives e-mail clients and newer
writers; anything else wrong is a `KeyFileError` that says what.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import x25519

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _

TEXT_VERSION = 1
"""Version of both text forms written here; later versions are refused with a clear message."""

PUBLIC_HEADER = "kamdesk-public-key"
SECRET_HEADER = "kamdesk-secret-key"
MAX_NAME_LENGTH = 100

_INSTALLATION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_FINGERPRINT_DOMAIN = b"kamdesk key fingerprint\x00"


class KeyFileError(KamdeskError):
    """A key text (a public card or the installation's secret keys) cannot be used."""


def installation_id_problem(installation_id: object) -> str | None:
    """Why `installation_id` cannot name an installation, or None when it can."""
    if not isinstance(installation_id, str) or not _INSTALLATION_ID.fullmatch(installation_id):
        return _(
            "an installation id is 1 to 64 letters, digits, dots, dashes or underscores, not '{v}'"
        ).format(v=installation_id)
    return None


def name_problem(name: object) -> str | None:
    """Why `name` cannot be an installation's display name, or None when it can."""
    if (
        not isinstance(name, str)
        or len(name) > MAX_NAME_LENGTH
        or name != name.strip()
        or any(unicodedata.category(char).startswith("C") for char in name)
    ):
        return _("an installation name is one line of at most {n} characters").format(
            n=MAX_NAME_LENGTH
        )
    return None


def _check(problem: str | None) -> None:
    if problem is not None:
        raise KeyFileError(problem)


def _decode_key(value: str, what: str) -> bytes:
    try:
        raw = base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = b""
    if len(raw) != 32:
        raise KeyFileError(_("the {what} key is not valid").format(what=what))
    return raw


@dataclass(frozen=True)
class PublicCard:
    """What others need to know of one installation: who it is and its two public keys."""

    installation_id: str
    signing_key: bytes
    """The raw 32-byte Ed25519 public key that verifies this installation's packages."""
    age_recipient: str
    """The age X25519 recipient ("age1…") that packages for this installation are sealed to."""
    name: str = ""
    """How people call the installation ("王经理", "HQ"); may be empty."""

    def __post_init__(self) -> None:
        _check(installation_id_problem(self.installation_id))
        _check(name_problem(self.name))
        if not isinstance(self.signing_key, bytes) or len(self.signing_key) != 32:
            raise KeyFileError(_("the {what} key is not valid").format(what="signing"))
        if not isinstance(self.age_recipient, str) or not self.age_recipient.startswith("age1"):
            raise KeyFileError(_("the {what} key is not valid").format(what="age"))
        try:
            x25519.Recipient.from_str(self.age_recipient)
        except (pyrage.RecipientError, ValueError):
            raise KeyFileError(_("the {what} key is not valid").format(what="age")) from None

    @property
    def signing_key_b64(self) -> str:
        return base64.b64encode(self.signing_key).decode("ascii")

    @property
    def fingerprint(self) -> str:
        """Eight groups of four hex digits over both keys, short enough to read on the phone."""
        digest = hashlib.sha256(
            _FINGERPRINT_DOMAIN + self.signing_key + b"\x00" + self.age_recipient.encode("ascii")
        ).hexdigest()[:32]
        return " ".join(digest[i : i + 4] for i in range(0, 32, 4)).upper()

    def same_keys(self, other: PublicCard) -> bool:
        """Whether `other` holds the same two keys (names and ids aside)."""
        return (self.signing_key, self.age_recipient) == (other.signing_key, other.age_recipient)

    def verify(self, signature: bytes, data: bytes) -> bool:
        """Whether `signature` is this installation's Ed25519 signature of `data`."""
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_key).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True

    def to_text(self) -> str:
        lines = [f"{PUBLIC_HEADER} {TEXT_VERSION}", f"installation: {self.installation_id}"]
        if self.name:
            lines.append(f"name: {self.name}")
        lines += [
            f"signing: {self.signing_key_b64}",
            f"age: {self.age_recipient}",
            f"fingerprint: {self.fingerprint}",
        ]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_text(cls, text: str) -> PublicCard:
        """Read a card written by `to_text`; a fingerprint line, if present, must match."""
        fields = _read_fields(text, PUBLIC_HEADER)
        card = cls(
            installation_id=_required(fields, "installation"),
            signing_key=_decode_key(_required(fields, "signing"), "signing"),
            age_recipient=_required(fields, "age"),
            name=fields.get("name", ""),
        )
        written = fields.get("fingerprint")
        if written is not None and "".join(written.split()).upper() != "".join(
            card.fingerprint.split()
        ):
            raise KeyFileError(
                _("the fingerprint in the key file does not match its keys; it was altered")
            )
        return card


@dataclass(frozen=True, eq=False)
class InstallationKeys:
    """This installation's private keys: one to sign what it sends, one to open what it gets."""

    installation_id: str
    signing_key: Ed25519PrivateKey = field(repr=False)
    age_identity: Any = field(repr=False)
    """A `pyrage.x25519.Identity`."""
    name: str = ""

    def __post_init__(self) -> None:
        _check(installation_id_problem(self.installation_id))
        _check(name_problem(self.name))

    @classmethod
    def generate(cls, installation_id: str, name: str = "") -> InstallationKeys:
        return cls(installation_id, Ed25519PrivateKey.generate(), x25519.Identity.generate(), name)

    def sign(self, data: bytes) -> bytes:
        return self.signing_key.sign(data)

    def public(self) -> PublicCard:
        return PublicCard(
            installation_id=self.installation_id,
            signing_key=self.signing_key.public_key().public_bytes_raw(),
            age_recipient=str(self.age_identity.to_public()),
            name=self.name,
        )

    def to_secret_text(self) -> str:
        lines = [f"{SECRET_HEADER} {TEXT_VERSION}", f"installation: {self.installation_id}"]
        if self.name:
            lines.append(f"name: {self.name}")
        seed = base64.b64encode(self.signing_key.private_bytes_raw()).decode("ascii")
        lines += [f"signing: {seed}", f"age: {self.age_identity}"]
        return "\n".join(lines) + "\n"

    @classmethod
    def from_secret_text(cls, text: str) -> InstallationKeys:
        fields = _read_fields(text, SECRET_HEADER)
        seed = _decode_key(_required(fields, "signing"), "signing")
        try:
            identity = x25519.Identity.from_str(_required(fields, "age"))
        except (pyrage.IdentityError, ValueError):
            raise KeyFileError(_("the {what} key is not valid").format(what="age")) from None
        return cls(
            installation_id=_required(fields, "installation"),
            signing_key=Ed25519PrivateKey.from_private_bytes(seed),
            age_identity=identity,
            name=fields.get("name", ""),
        )


def _read_fields(text: str, header: str) -> dict[str, str]:
    """The `field: value` lines after the header line, keys in lower case."""
    numbered = [
        (number, line.strip())
        for number, line in enumerate(text.removeprefix("\ufeff").splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not numbered:
        raise KeyFileError(_("the key file is empty"))
    kind, _space, version = numbered[0][1].partition(" ")
    if header == PUBLIC_HEADER and kind == SECRET_HEADER:
        raise KeyFileError(
            _(
                "this is an installation's secret key, which must never leave its computer; "
                "ask for the public key file instead"
            )
        )
    if kind != header or not version.strip().isdigit():
        raise KeyFileError(
            _("this is not a kamdesk key file (its first line should be '{h} {v}')").format(
                h=header, v=TEXT_VERSION
            )
        )
    if int(version) > TEXT_VERSION:
        raise KeyFileError(
            _(
                "this key file was made by a newer kamdesk (version {v}); update kamdesk first"
            ).format(v=int(version))
        )
    fields: dict[str, str] = {}
    for number, line in numbered[1:]:
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or not key:
            raise KeyFileError(
                _("line {n} of the key file is not of the form 'field: value'").format(n=number)
            )
        if key in fields:
            raise KeyFileError(_("the key file has the field '{f}' twice").format(f=key))
        fields[key] = value.strip()
    return fields


def _required(fields: dict[str, str], key: str) -> str:
    value = fields.get(key)
    if not value:
        raise KeyFileError(_("the key file has no '{f}' line").format(f=key))
    return value
