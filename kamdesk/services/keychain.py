"""Keeping an unlocked archive's data key in the system keyring for a while.

While an archive is unlocked its data key waits in the keyring (macOS Keychain, Windows
Credential Manager, the Secret Service on Linux) under this archive's id, with the time it
expires: each use moves that time on by the idle limit (`security.lock_after_minutes`), so the
desktop and the command line share one unlock, and an idle archive locks itself. Locking deletes
the entry. Where no keyring is available (a server, a container), the key lives only in the
memory of the program that was given the passphrase — nothing weaker is ever used.
"""

from __future__ import annotations

import base64
import json
import logging
import time
from typing import Any

from kamdesk.storage.database import Archive

log = logging.getLogger(__name__)

SERVICE = "kamdesk"


def _entry(archive: Archive) -> str | None:
    spec = archive.sealer.spec
    return f"{archive.installation_id}:{spec.key_id}" if spec is not None else None


def _keyring() -> Any | None:
    try:
        import keyring
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
        return keyring
    except Exception as exc:  # a broken backend must never stop the archive from opening
        log.info("no keyring: %s", exc)
        return None


def remember(archive: Archive, minutes: float) -> bool:
    """Keep the unlocked archive's data key for `minutes` of idleness; False with no keyring."""
    entry, store = _entry(archive), _keyring()
    if entry is None or store is None or not archive.sealer.unlocked or minutes <= 0:
        return False
    value = json.dumps(
        {
            "key": base64.b64encode(archive.sealer.data_key).decode("ascii"),
            "until": time.time() + minutes * 60,
        }
    )
    try:
        store.set_password(SERVICE, entry, value)
        return True
    except Exception as exc:
        log.info("keyring refused the key: %s", exc)
        return False


def recall(archive: Archive, minutes: float) -> bool:
    """Unlock `archive` from the keyring if it was unlocked recently; moves the expiry on."""
    entry, store = _entry(archive), _keyring()
    if entry is None or store is None:
        return False
    try:
        stored = store.get_password(SERVICE, entry)
    except Exception as exc:
        log.info("keyring unreadable: %s", exc)
        return False
    if not stored:
        return False
    try:
        data = json.loads(stored)
        until, key = float(data["until"]), base64.b64decode(data["key"])
    except (ValueError, KeyError, TypeError):
        forget(archive)
        return False
    if until < time.time():
        forget(archive)
        return False
    try:
        archive.sealer.use_key(key)
    except Exception:
        forget(archive)
        return False
    remember(archive, minutes)
    return True


def forget(archive: Archive) -> None:
    """Delete the archive's data key from the keyring (locking it everywhere)."""
    entry, store = _entry(archive), _keyring()
    if entry is None or store is None:
        return
    try:
        store.delete_password(SERVICE, entry)
    except Exception as exc:  # not there, or the keyring went away: nothing to forget
        log.debug("keyring delete: %s", exc)
