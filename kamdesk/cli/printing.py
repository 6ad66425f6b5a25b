"""Printing commands: `kamdesk dossier` and `kamdesk plan`, to PDF or Word."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kamdesk.cli.common import open_workbench
from kamdesk.i18n import LANGUAGES, _, speaking

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add `kamdesk dossier` and `kamdesk plan` to the `kamdesk` parser."""
    where = _(
        "with several accounts, PATH is a folder that gets one file each, or one combined file "
        "when it ends in .pdf"
    )
    dossier = commands.add_parser(
        "dossier",
        help=_("print the customer dossier of accounts (PDF or Word)"),
        description=_("Print the customer dossier (客户档案) of each account named; {w}.").format(
            w=where
        ),
    )
    dossier.add_argument("accounts", nargs="+", metavar="ACCOUNT", help=_("name, short name or id"))
    _common(dossier)
    dossier.add_argument(
        "--shareable",
        action="store_true",
        help=_("leave out every field labelled sensitive (health, income, family)"),
    )
    dossier.set_defaults(handler=_dossier)

    plan = commands.add_parser(
        "plan",
        help=_("print the service plan of accounts for a year or a quarter"),
        description=_("Print the service plan (服务计划) of each account named; {w}.").format(
            w=where
        ),
    )
    plan.add_argument("accounts", nargs="+", metavar="ACCOUNT", help=_("name, short name or id"))
    plan.add_argument("--year", type=int, required=True, metavar="Y")
    plan.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), metavar="Q")
    _common(plan)
    plan.set_defaults(handler=_plan)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("pdf", "docx"), default="pdf")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="PATH")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument(
        "--language",
        choices=LANGUAGES,
        default=LANGUAGES[0],
        help=_("language of the document's headings and labels (default: %(default)s)"),
    )


def _dossier(args: argparse.Namespace) -> int:
    from kamdesk.services.printing import Printer, PrintJob

    with open_workbench(args, write=False) as wb, speaking(args.language):
        ids = Printer(wb).account_ids(args.accounts)
        job = PrintJob(tuple(ids), shareable=args.shareable, page_size=args.page_size)
        printables = job.build(wb, date.today())
    return _write(printables, args)


def _plan(args: argparse.Namespace) -> int:
    from kamdesk.services.printing import Printer, PrintJob

    with open_workbench(args, write=False) as wb, speaking(args.language):
        ids = Printer(wb).account_ids(args.accounts)
        job = PrintJob(tuple(ids), args.year, args.quarter, page_size=args.page_size)
        printables = job.build(wb, date.today())
    return _write(printables, args)


def _write(printables: list[Any], args: argparse.Namespace) -> int:
    from kamdesk.services.printing import write

    def progress(done: int, total: int) -> None:
        if total > 1 and sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    written = write(printables, args.format, args.output, progress=progress)
    if len(printables) > 1 and sys.stderr.isatty():
        print(file=sys.stderr)
    for path in written:
        print(path)
    if len(written) == 1 and len(printables) > 1:
        print(
            _("{n} documents combined into {p}").format(n=len(printables), p=written[0]),
            file=sys.stderr,
        )
    return 0
