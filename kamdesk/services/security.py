"""Protection of sensitive fields as the desktop and the command line use it: protect, unlock,
lock, change or reset the passphrase (rules in docs/security.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kamdesk.domain.settings import LOCK_AFTER_MINUTES
from kamdesk.i18n import _
from kamdesk.services import keychain
from kamdesk.services.settings import SettingsService
from kamdesk.storage import protection
from kamdesk.storage.database import Archive
from kamdesk.storage.sealing import ArchiveLocked

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class SecurityStatus:
    protected: bool
    unlocked: bool
    recovery_for: str
    """Who can reset a forgotten passphrase (headquarters' name and key), or empty."""
    lock_after_minutes: int


class SecurityService:
    """The passphrase that protects this archive's sensitive fields."""

    def __init__(self, archive: Archive, settings: SettingsService) -> None:
        self.archive = archive
        self.settings = settings

    @property
    def lock_after(self) -> int:
        return int(self.settings.get(LOCK_AFTER_MINUTES))

    def status(self) -> SecurityStatus:
        sealer = self.archive.sealer
        spec = sealer.spec
        return SecurityStatus(
            protected=sealer.protected,
            unlocked=sealer.unlocked,
            recovery_for=spec.recovery_for if spec and spec.recovery else "",
            lock_after_minutes=self.lock_after,
        )

    @property
    def needs_unlock(self) -> bool:
        return self.archive.sealer.protected and not self.archive.sealer.unlocked

    def recall(self) -> bool:
        """Unlock from the keyring if this archive was unlocked recently (True if unlocked)."""
        if not self.needs_unlock:
            return True
        return keychain.recall(self.archive, self._keep_minutes())

    def unlock(self, passphrase: str) -> None:
        """Unlock with the passphrase (WrongPassphrase if it is not right)."""
        self.archive.sealer.unlock(passphrase)
        keychain.remember(self.archive, self._keep_minutes())

    def touch(self) -> None:
        """The archive is in use: move the keyring entry's expiry on."""
        if self.archive.sealer.protected and self.archive.sealer.unlocked:
            keychain.remember(self.archive, self._keep_minutes())

    def lock(self) -> None:
        """Forget the data key here and in the keyring."""
        keychain.forget(self.archive)
        self.archive.sealer.lock()

    def protect(self, passphrase: str, *, progress: Progress | None = None) -> SecurityStatus:
        """Protect the sensitive fields with `passphrase`. If headquarters' key is registered, it
        can reset a forgotten passphrase."""
        recipient, holder = self._recovery_holder()
        protection.protect(
            self.archive,
            passphrase,
            recovery_recipient=recipient,
            recovery_for=holder,
            progress=progress,
        )
        keychain.remember(self.archive, self._keep_minutes())
        return self.status()

    def change_passphrase(self, old: str, new: str) -> None:
        protection.change_passphrase(self.archive, old, new)
        keychain.remember(self.archive, self._keep_minutes())

    def reset_passphrase(self, recovery_identity: str, new: str) -> None:
        """A new passphrase, with headquarters' recovery key (its age identity text)."""
        protection.reset_passphrase(self.archive, recovery_identity, new)
        keychain.remember(self.archive, self._keep_minutes())

    def add_recovery(self) -> str:
        """Let headquarters' registered key reset the passphrase; returns who holds it."""
        if self.needs_unlock:
            raise ArchiveLocked(_("the archive is locked: unlock it with your passphrase first"))
        recipient, holder = self._recovery_holder()
        if not recipient:
            raise protection.ProtectionError(
                _("no headquarters key is registered; register it first (kamdesk keys --register)")
            )
        protection.add_recovery(self.archive, recipient, holder)
        return holder

    def _recovery_holder(self) -> tuple[str, str]:
        from kamdesk.sync.service import SyncService

        found = SyncService(self.archive).hq_card()
        if found is None:
            return "", ""
        hq, card = found
        return card.age_recipient, f"{hq.name or _('headquarters')} ({hq.fingerprint})"

    def _keep_minutes(self) -> float:
        minutes = self.lock_after
        return minutes if minutes > 0 else 12 * 60  # "only when closed": a working day at most
