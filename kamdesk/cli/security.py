"""Passphrase commands: protect the sensitive fields, unlock, lock, change or reset the
passphrase (see docs/security.md)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from kamdesk.cli.common import open_workbench
from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _

__all__ = ["ask_passphrase", "register"]

PASSPHRASE_ENV = "KAMDESK_PASSPHRASE_FILE"


def register(commands: Any) -> None:
    """Add `protect`, `unlock`, `lock`, `passphrase`, `reset-passphrase` and `recovery`."""
    protect = commands.add_parser(
        "protect",
        help=_("protect the sensitive fields with a passphrase"),
        description=_(
            "Seal family, children, health, income, family members' names and preferences on "
            "disk, in backups and in the log, with a key only your passphrase opens. If "
            "headquarters' key is registered, headquarters can reset a forgotten passphrase; "
            "otherwise it cannot be recovered."
        ),
    )
    _file_option(protect, "--passphrase-file", _("read the new passphrase from this file"))
    protect.set_defaults(handler=_protect)

    unlock = commands.add_parser(
        "unlock",
        help=_("unlock a protected archive (it locks itself again after the idle time)"),
    )
    _file_option(unlock, "--passphrase-file", _("read the passphrase from this file"))
    unlock.set_defaults(handler=_unlock)

    lock = commands.add_parser("lock", help=_("lock the archive now, here and in the desktop"))
    lock.set_defaults(handler=_lock)

    change = commands.add_parser("passphrase", help=_("change the passphrase"))
    _file_option(change, "--old-file", _("read the current passphrase from this file"))
    _file_option(change, "--new-file", _("read the new passphrase from this file"))
    change.set_defaults(handler=_change)

    reset = commands.add_parser(
        "reset-passphrase",
        help=_("set a new passphrase with headquarters' recovery key"),
        description=_(
            "For a forgotten passphrase: headquarters' secret key file (its age identity, "
            "AGE-SECRET-KEY-1…) opens the recovery copy of this archive's key."
        ),
    )
    reset.add_argument("--recovery-key", type=Path, required=True, metavar="FILE")
    _file_option(reset, "--new-file", _("read the new passphrase from this file"))
    reset.set_defaults(handler=_reset)

    recovery = commands.add_parser(
        "recovery",
        help=_("let headquarters' registered key reset a forgotten passphrase"),
    )
    recovery.set_defaults(handler=_recovery)


def _file_option(parser: argparse.ArgumentParser, flag: str, help_text: str) -> None:
    parser.add_argument(flag, type=Path, metavar="FILE", help=help_text)


def _read_file(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KamdeskError(_("cannot read {p}: {e}").format(p=path, e=exc)) from exc
    return text.rstrip("\r\n")


def ask_passphrase(prompt: str, file: Path | None = None, *, twice: bool = False) -> str:
    """A passphrase from `file`, $KAMDESK_PASSPHRASE_FILE, or typed at the terminal."""
    if file is None and os.environ.get(PASSPHRASE_ENV):
        file = Path(os.environ[PASSPHRASE_ENV])
    if file is not None:
        return _read_file(file)
    if not sys.stdin.isatty():
        raise KamdeskError(
            _("a passphrase is needed: give --passphrase-file or set {e}").format(e=PASSPHRASE_ENV)
        )
    first = getpass.getpass(prompt)
    if twice and getpass.getpass(_("Once more: ")) != first:
        raise KamdeskError(_("the two passphrases differ; nothing was changed"))
    return first


def _protect(args: argparse.Namespace) -> int:
    with open_workbench(args, write=True) as wb:
        passphrase = ask_passphrase(_("New passphrase: "), args.passphrase_file, twice=True)
        status = wb.security.protect(passphrase)
    print(_("sensitive fields are protected; backups beside the archive were sealed too"))
    if status.recovery_for:
        print(_("a forgotten passphrase can be reset by {h}").format(h=status.recovery_for))
    else:
        print(
            _(
                "no headquarters key is registered: a forgotten passphrase cannot be recovered "
                "(register it and run `kamdesk recovery` to change that)"
            )
        )
    return 0


def _unlock(args: argparse.Namespace) -> int:
    with open_workbench(args, write=False, unlock=False) as wb:
        if not wb.security.status().protected:
            print(_("this archive is not protected by a passphrase"))
            return 0
        if not wb.security.recall():
            wb.security.unlock(ask_passphrase(_("Passphrase: "), args.passphrase_file))
        minutes = wb.security.lock_after
    print(_("unlocked; locks again after {n} minutes without use").format(n=minutes or 720))
    return 0


def _lock(args: argparse.Namespace) -> int:
    with open_workbench(args, write=False, unlock=False) as wb:
        wb.security.lock()
    print(_("locked"))
    return 0


def _change(args: argparse.Namespace) -> int:
    with open_workbench(args, write=True, unlock=False) as wb:
        old = ask_passphrase(_("Current passphrase: "), args.old_file)
        new = ask_passphrase(_("New passphrase: "), args.new_file, twice=True)
        wb.security.change_passphrase(old, new)
    print(_("passphrase changed"))
    return 0


def _reset(args: argparse.Namespace) -> int:
    identity = next(
        (
            word
            for word in _read_file(args.recovery_key).split()
            if word.startswith("AGE-SECRET-KEY-")
        ),
        "",
    )
    if not identity:
        raise KamdeskError(
            _("{p} holds no secret key (AGE-SECRET-KEY-1…)").format(p=args.recovery_key)
        )
    with open_workbench(args, write=True, unlock=False) as wb:
        new = ask_passphrase(_("New passphrase: "), args.new_file, twice=True)
        wb.security.reset_passphrase(identity, new)
    print(_("a new passphrase is set"))
    return 0


def _recovery(args: argparse.Namespace) -> int:
    with open_workbench(args, write=True) as wb:
        holder = wb.security.add_recovery()
    print(_("a forgotten passphrase can now be reset by {h}").format(h=holder))
    return 0
