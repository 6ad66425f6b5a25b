"""Exchange commands: import contacts from a phone's address book (vCard)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.cli.common import fail, open_workbench
from kamdesk.i18n import _

if TYPE_CHECKING:
    from kamdesk.interchange.vcard import Plan

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add `kamdesk import contacts` to the `kamdesk` parser."""
    importing = commands.add_parser("import", help=_("bring records in from other programs"))
    kinds = importing.add_subparsers(dest="kind", metavar="KIND", required=True)
    contacts = kinds.add_parser(
        "contacts",
        help=_("contacts from a vCard (.vcf) file, e.g. a phone's address book"),
        description=_(
            "Import contacts from a vCard file. ORG names the account (an existing one by name "
            "or short name, else a new one); contacts already in the archive are skipped."
        ),
    )
    contacts.add_argument("file", type=Path, metavar="FILE.vcf")
    contacts.add_argument(
        "--dry-run", action="store_true", help=_("only show what would be imported")
    )
    contacts.add_argument(
        "--account",
        default="",
        metavar="NAME",
        help=_("account for contacts without a company (ORG); created if it does not exist"),
    )
    contacts.add_argument(
        "--skip-bad", action="store_true", help=_("import the good cards, skip those with problems")
    )
    contacts.set_defaults(handler=_import_contacts)


def _import_contacts(args: argparse.Namespace) -> int:
    from kamdesk.interchange.vcard import read_file
    from kamdesk.services.importing import import_contacts, preview

    cards = read_file(args.file)
    with open_workbench(args, write=not args.dry_run) as wb:
        plan = preview(wb, cards, args.account)
        _report_problems(plan, skipping=args.skip_bad)
        blocked = bool(plan.problems) and not args.skip_bad
        if args.dry_run:
            _print_counts(plan)
            print(_("dry run: nothing was changed"), file=sys.stderr)
            return _refusal(plan) if blocked else 0
        if blocked:
            return _refusal(plan)
        result = import_contacts(wb, cards, args.account, skip_bad=args.skip_bad)
    _print_counts(result.plan)
    print(_("birthdays: {n}").format(n=result.birthdays))
    return 0


def _report_problems(plan: Plan, *, skipping: bool) -> None:
    for entry in plan.problems:
        line = (_("skipped {card}: {why}") if skipping else _("{card}: {why}")).format(
            card=entry.card.label(), why=entry.reason
        )
        print(line, file=sys.stderr)


def _print_counts(plan: Plan) -> None:
    print(
        _("accounts: {new} new, {old} existing").format(
            new=len(plan.new_accounts), old=len(plan.existing_accounts)
        )
    )
    print(
        _("contacts: {new} new, {dup} duplicates skipped").format(
            new=plan.new_contacts, dup=plan.duplicates
        )
    )
    print(_("problems: {n}").format(n=len(plan.problems)))


def _refusal(plan: Plan) -> int:
    return fail(
        _("{n} of the cards have problems; nothing was imported (fix them, or --skip-bad)").format(
            n=len(plan.problems)
        )
    )
