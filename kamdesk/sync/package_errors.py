"""Every way an exchange package can be refused, each a `PackageError` with a sentence for the
user (see `kamdesk.sync.package` for the file format they guard)."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING

from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _
from kamdesk.sync.keys import PublicCard

if TYPE_CHECKING:
    from kamdesk.sync.package import Manifest


class PackageError(KamdeskError):
    """A package cannot be written or read as asked; nothing was imported or left behind."""


class EncryptionRequired(PackageError):
    """Neither a recipient nor a passphrase was given: nothing leaves unencrypted."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "a package is never written unencrypted: to send it to headquarters, ask HQ "
                "for its public key file (it begins with 'kamdesk-public-key') and choose it "
                "as the recipient; for a handover, give a passphrase and tell it to the other "
                "manager by phone"
            )
        )


class PackageWriteError(PackageError):
    """The file could not be written (disk full, no permission); no file took its name."""

    def __init__(self, path: Path, error: OSError) -> None:
        self.errno = error.errno
        if error.errno == errno.ENOSPC:
            text = _("the disk is full, so {p} was not written; free some space and export again")
        else:
            text = _("cannot write {p}: {e}; nothing was saved under that name")
        super().__init__(text.format(p=path, e=error.strerror or error))


class PackageUnreadable(PackageError):
    """The file cannot be read at all (missing, no permission)."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(_("cannot read {p}: {e}").format(p=path, e=error.strerror or error))


class NotAPackage(PackageError):
    """Empty, random, a plain zip, or an age file that holds something else."""

    def __init__(self) -> None:
        super().__init__(_("this file is not a kamdesk exchange package"))


class PackageTruncated(PackageError):
    """The file ends early: an unfinished copy or download."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "the package file is incomplete (cut short, perhaps by an unfinished copy or "
                "download); ask the sender for the file again"
            )
        )


class PackageDamaged(PackageError):
    """The file has its full length but age's authentication refuses it."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "the package file is damaged or was altered after it was written; ask the "
                "sender for a new copy"
            )
        )


class NotAddressedToUs(PackageError):
    """Encrypted to other installations' keys only."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "this package was not encrypted for this installation; ask the sender to "
                "export it again to this installation's public key"
            )
        )


class PassphraseRequired(PackageError):
    """A passphrase package, and no passphrase was given: ask the user for it."""

    def __init__(self) -> None:
        super().__init__(
            _("this package is protected by a passphrase; enter the passphrase the sender gave you")
        )


class WrongPassphrase(PackageError):
    def __init__(self) -> None:
        super().__init__(_("the passphrase is wrong; check it with the sender"))


class NeedsInstallationKey(PackageError):
    """A passphrase was given for a package sealed to installation keys (none of ours)."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "this package is locked to an installation's key, not to a passphrase; open "
                "it on the installation it was sent to"
            )
        )


class PackageUnsigned(PackageError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "the package carries no signature, so its sender cannot be confirmed; it was "
                "not imported"
            )
        )


class BadSignature(PackageError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "the package's signature does not match its contents: it was altered or "
                "forged; it was not imported"
            )
        )


def _who(card: PublicCard) -> str:
    return f"{card.name} ({card.installation_id})" if card.name else card.installation_id


class UnknownSender(PackageError):
    """Validly signed by an installation the caller does not know. `card` holds its id,
    name and keys so the user can be asked whether to trust it (compare the fingerprint)."""

    def __init__(self, card: PublicCard, manifest: Manifest) -> None:
        self.card = card
        self.manifest = manifest
        super().__init__(
            _(
                "the package comes from an installation this archive does not know: {who}, "
                "key fingerprint {f}; compare the fingerprint with the sender by phone before "
                "trusting it"
            ).format(who=_who(card), f=card.fingerprint)
        )


class SenderKeyMismatch(PackageError):
    """Signed by a key other than the one registered for the installation it names."""

    def __init__(self, card: PublicCard, registered: PublicCard, manifest: Manifest) -> None:
        self.card = card
        self.registered = registered
        self.manifest = manifest
        super().__init__(
            _(
                "the package names {who} as its sender but is signed by a different key "
                "(fingerprint {f}; the registered key is {r}); do not import it unless that "
                "installation really has a new key"
            ).format(who=_who(registered), f=card.fingerprint, r=registered.fingerprint)
        )


class PackageTooNew(PackageError):
    """A newer package format, or a schema the caller cannot read."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "this package was made by a newer kamdesk; update kamdesk first, then import "
                "it again"
            )
        )


class ManifestInvalid(PackageError):
    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(
            _("the package's manifest is unreadable or incomplete (at '{k}')").format(k=key)
        )


class PayloadDigestMismatch(PackageError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "the package's records do not match the digest in its signed manifest; it was "
                "not imported"
            )
        )


class CountsMismatch(PackageError):
    def __init__(self, table: str, declared: int, found: int) -> None:
        super().__init__(
            _(
                "the package's manifest announces {d} records of '{t}' but the package holds {n}"
            ).format(d=declared, t=table, n=found)
        )


class InvalidUtf8(PackageError):
    def __init__(self, line: int) -> None:
        self.line = line
        super().__init__(
            _("line {n} of the package's records is not valid UTF-8 text").format(n=line)
        )


class NotAJsonObject(PackageError):
    def __init__(self, line: int) -> None:
        self.line = line
        super().__init__(_("line {n} of the package's records is not a JSON object").format(n=line))


class RecordIncomplete(PackageError):
    def __init__(self, line: int) -> None:
        self.line = line
        super().__init__(
            _("line {n} of the package's records has no 'table' or no 'id'").format(n=line)
        )


class DuplicateRecord(PackageError):
    def __init__(self, line: int, table: str, record_id: object, first: int) -> None:
        self.line = line
        super().__init__(
            _("line {n} of the package's records repeats {t} {i} from line {f}").format(
                n=line, t=table, i=record_id, f=first
            )
        )


class UnsafeMemberName(PackageError):
    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                "the package holds a file with an unsafe name ('{f}'); absolute paths, '..', "
                "backslashes and drive letters are refused"
            ).format(f=name)
        )


class UnexpectedMember(PackageError):
    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                "the package holds an unexpected file ('{f}'); a package holds only "
                "manifest.json, records.jsonl and signature"
            ).format(f=name)
        )


class DuplicateMember(PackageError):
    def __init__(self, name: str) -> None:
        super().__init__(_("the package holds '{f}' twice").format(f=name))


class LinkMember(PackageError):
    def __init__(self, name: str) -> None:
        super().__init__(
            _("the package holds a symbolic link ('{f}'); links are refused").format(f=name)
        )


class EncryptedMember(PackageError):
    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                "the package holds a password-protected zip entry ('{f}'); kamdesk never "
                "writes those"
            ).format(f=name)
        )


class UnsupportedCompression(PackageError):
    def __init__(self, name: str) -> None:
        super().__init__(
            _("the package holds '{f}' compressed in a way kamdesk never writes").format(f=name)
        )


class PackageMalformed(PackageError):
    """Decrypted fine, but a zip entry is broken (bad CRC, bad deflate data)."""

    def __init__(self, name: str) -> None:
        super().__init__(
            _(
                "the package's '{f}' is malformed (a broken zip entry); ask the sender to "
                "export it again"
            ).format(f=name)
        )


class PackageTooLarge(PackageError):
    """A possible decompression bomb, or a package beyond the size limit; the sentence says
    which."""


def _size(n: int) -> str:
    return f"{n / 1024**2:.0f} MB" if n >= 1024**2 else f"{n} bytes"
