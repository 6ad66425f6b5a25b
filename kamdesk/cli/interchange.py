"""Exchange commands: contacts in from a vCard or CSV file, contacts out to vCard, and the
Excel report for people who do not run kamdesk."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.cli.common import fail, open_workbench
from kamdesk.i18n import _

if TYPE_CHECKING:
    from kamdesk.interchange.contacts_csv import ColumnMap, Table
    from kamdesk.interchange.vcard import Plan
    from kamdesk.services.workbench import Workbench

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add `import-contacts`, `export-contacts` and `report` to the `kamdesk` parser."""
    contacts = commands.add_parser(
        "import-contacts",
        help=_("contacts from a vCard (.vcf) or CSV file: a phone's address book, Outlook, Excel"),
        description=_(
            "Import contacts from a vCard file or a CSV file saved by Excel, Outlook or Google "
            "Contacts. The company names the account (an existing one by name or short name, "
            "else a new one); contacts already in the archive are skipped."
        ),
    )
    contacts.add_argument("file", type=Path, metavar="FILE")
    contacts.add_argument(
        "--dry-run", action="store_true", help=_("only show what would be imported")
    )
    contacts.add_argument(
        "--account",
        default="",
        metavar="NAME",
        help=_("account for contacts without a company; created if it does not exist"),
    )
    contacts.add_argument(
        "--skip-bad",
        action="store_true",
        help=_("import the good contacts, skip those with problems"),
    )
    contacts.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help=_(
            "CSV only: take the column HEADER as FIELD (name, family_name, given_name, "
            "company, department, title, phone, email, birthday, wechat_id, notes, or ignore); "
            "repeat for more columns"
        ),
    )
    contacts.set_defaults(handler=_import_contacts)

    export = commands.add_parser(
        "export-contacts",
        help=_("write contacts to a vCard 3.0 file for phones and mail programs"),
        description=_(
            "Write the contacts of every account, or of the accounts named, to a vCard 3.0 "
            "file (UTF-8). Fields labelled sensitive are left out unless asked for."
        ),
    )
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.vcf")
    export.add_argument(
        "--account",
        dest="accounts",
        action="extend",
        nargs="+",
        default=[],
        metavar="ACCOUNT",
        help=_("only the contacts of these accounts (name, short name or id)"),
    )
    export.add_argument(
        "--include-sensitive",
        action="store_true",
        help=_("also write the fields labelled sensitive (family, children, health, income)"),
    )
    export.set_defaults(handler=_export_contacts)

    report = commands.add_parser(
        "report",
        help=_("an Excel report of accounts, tiers, visits, open issues and plans"),
        description=_(
            "Write an Excel workbook for people who do not run kamdesk: accounts, tiers, the "
            "visits of the period, open issues and plan fulfilment. No sensitive field is in it."
        ),
    )
    report.add_argument("--format", choices=("xlsx",), default="xlsx")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    report.add_argument("--year", type=int, metavar="Y", help=_("default: this year"))
    report.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), metavar="Q")
    report.set_defaults(handler=_report)


# import-contacts -------------------------------------------------------------------------------


def _import_contacts(args: argparse.Namespace) -> int:
    from kamdesk.interchange import contacts_csv, vcard
    from kamdesk.services.importing import import_contacts, preview

    table: Table | None = None
    mapping: ColumnMap = ()
    if contacts_csv.is_vcard(args.file):
        if args.map:
            return fail(_("--map is for CSV files; {f} is a vCard file").format(f=args.file.name))
        cards = vcard.read_file(args.file)
    else:
        table = contacts_csv.read_table_file(args.file)
        mapping = contacts_csv.remap(table, contacts_csv.propose(table.headers), args.map)
        contacts_csv.check_mapping(table, mapping)
        cards = contacts_csv.to_cards(table, mapping)
    with open_workbench(args, write=not args.dry_run) as wb:
        plan = preview(wb, cards, args.account)
        _report_problems(plan, skipping=args.skip_bad)
        blocked = bool(plan.problems) and not args.skip_bad
        if args.dry_run:
            if table is not None:
                _print_mapping(table, mapping)
            _print_counts(plan)
            print(_("dry run: nothing was changed"), file=sys.stderr)
            return _refusal(plan) if blocked else 0
        if blocked:
            return _refusal(plan)
        result = import_contacts(wb, cards, args.account, skip_bad=args.skip_bad)
    _print_counts(result.plan)
    print(_("birthdays: {n}").format(n=result.birthdays))
    return 0


def _print_mapping(table: Table, mapping: ColumnMap) -> None:
    from kamdesk.interchange.contacts_csv import Field, field_label

    print(_("columns:"))
    for column, field in enumerate(mapping):
        shown = field.value if field is not Field.IGNORE else field_label(field)
        print(f"  {table.header(column)} → {shown}")


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
        _(
            "{n} of the contacts have problems; nothing was imported (fix them, or --skip-bad)"
        ).format(n=len(plan.problems))
    )


# export-contacts -------------------------------------------------------------------------------


def _export_contacts(args: argparse.Namespace) -> int:
    from kamdesk.interchange.vcard_out import export_contacts

    with open_workbench(args, write=False) as wb:
        ids = _account_ids(wb, args.accounts) if args.accounts else None
        count = export_contacts(wb, args.output, ids, include_sensitive=args.include_sensitive)
    print(_("{n} contacts written to {p}").format(n=count, p=args.output))
    return 0


def _account_ids(wb: Workbench, refs: Sequence[str]) -> list[str]:
    ids: list[str] = []
    for ref in refs:
        account = wb.accounts.resolve(ref)
        if account.id not in ids:
            ids.append(account.id)
    return ids


# report ----------------------------------------------------------------------------------------


def _report(args: argparse.Namespace) -> int:
    from kamdesk.interchange.excel import write_report

    with open_workbench(args, write=False) as wb:
        summary = write_report(wb, args.output, args.year, args.quarter, today=date.today())
    print(
        _(
            "{p} written: {a} accounts, {v} visits in {period}, {i} open issues, {r} plan lines"
        ).format(
            p=summary.path,
            a=summary.accounts,
            v=summary.visits,
            period=summary.period.label,
            i=summary.open_issues,
            r=summary.plan_rows,
        )
    )
    return 0
