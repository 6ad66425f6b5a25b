"""The command line: the same services as the desktop, no Qt, errors as one line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kamdesk import __version__
from kamdesk.cli import agenda, archive, backup, engine, hq, interchange, printing, security, sync
from kamdesk.cli.common import Parser, fail
from kamdesk.domain.errors import KamdeskError
from kamdesk.i18n import _

COMMAND_GROUPS = (archive, engine, agenda, interchange, printing, sync, backup, security, hq)
"""Modules that each add their commands with `register(commands)`."""


def build_parser() -> argparse.ArgumentParser:
    """Every command and option of `kamdesk`."""
    parser = Parser(
        prog="kamdesk",
        description=_("Workbench for key account managers: the customer archive."),
    )
    parser.add_argument("--version", action="version", version=f"kamdesk {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=_("archive file (default: $KAMDESK_DB or the user data folder)"),
    )
    parser.set_defaults(handler=archive.start)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except KamdeskError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail(_("interrupted; nothing was changed"), 130)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug or an environment fault: one line, not a traceback
        if os.environ.get("KAMDESK_DEBUG"):
            raise
        import logging

        from kamdesk.services.paths import start_log

        written = start_log()
        logging.getLogger("kamdesk.cli").error("unexpected error", exc_info=exc)
        details = _(" (details in {p})").format(p=written) if written else ""
        return fail(_("unexpected error: {e}").format(e=_describe(exc)) + details, 70)


def _describe(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
