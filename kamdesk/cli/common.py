"""Pieces every command shares: the parser class, opening the archive, errors, value types."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn

from kamdesk.i18n import _

if TYPE_CHECKING:
    from kamdesk.services.workbench import Workbench


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def fail(message: str, code: int = 1) -> int:
    """Print an error as one line on stderr and return the exit code."""
    print(f"kamdesk: error: {message}", file=sys.stderr)
    return code


def open_workbench(args: argparse.Namespace, *, write: bool, unlock: bool = True) -> Workbench:
    """The archive named by --db (or the default one), opened for reading or writing.

    A protected archive is unlocked too (unless `unlock` is False): from the keyring if it was
    unlocked recently, else with the passphrase from $KAMDESK_PASSPHRASE_FILE or the terminal.
    """
    from kamdesk.services.paths import default_archive_path
    from kamdesk.services.workbench import Workbench

    wb = Workbench.open(args.db or default_archive_path(), write=write)
    if unlock and wb.archive.sealer.protected:
        try:
            if not wb.security.recall():
                from kamdesk.cli.security import ask_passphrase

                wb.security.unlock(ask_passphrase(_("Passphrase: ")))
        except BaseException:
            wb.close()
            raise
    return wb


def month_day(text: str) -> tuple[int, int]:
    """An argparse type for MM-DD."""
    try:
        month, day = (int(part) for part in text.split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{t}' is not MM-DD").format(t=text)) from None
    return month, day
