"""Archive commands: start, demo, search, show, list, add, delete, restore, check."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kamdesk import __version__
from kamdesk.cli.common import month_day, open_workbench
from kamdesk.domain.enums import AccountStatus, AnniversaryKind, ContactLevel
from kamdesk.domain.errors import FieldProblem, ValidationError
from kamdesk.i18n import _

if TYPE_CHECKING:
    from kamdesk.services.queries import AccountRow, ContactRow
    from kamdesk.services.workbench import Workbench

__all__ = ["register", "start"]

SAMPLE_ACCOUNTS = 60
"""How many sample accounts a brand-new default archive starts with."""


def register(commands: Any) -> None:
    """Add the archive commands to the `kamdesk` parser."""
    demo = commands.add_parser("demo", help=_("fill an empty archive with sample data"))
    demo.add_argument("--accounts", type=int, default=SAMPLE_ACCOUNTS, metavar="N")
    demo.add_argument("--seed", type=int, default=2024, metavar="S")
    demo.set_defaults(handler=_demo)

    search = commands.add_parser(
        "search", help=_("find accounts and contacts by name, pinyin, initials or phone")
    )
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int, default=20, metavar="N")
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=_search)

    show = commands.add_parser("show", help=_("everything about one account"))
    show.add_argument("account", metavar="ACCOUNT", help=_("id or exact name"))
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)

    listing = commands.add_parser("list", help=_("list accounts or contacts"))
    listing.add_argument("what", choices=["accounts", "contacts"])
    listing.add_argument("--status", choices=AccountStatus.values())
    listing.add_argument("--owner", default="")
    listing.add_argument("--place", default="", help=_("city or region"))
    listing.add_argument("--key", action="store_true", help=_("key accounts only"))
    listing.add_argument("--account", metavar="ACCOUNT", help=_("contacts of one account"))
    listing.add_argument("--limit", type=int, default=200, metavar="N")
    listing.add_argument("--offset", type=int, default=0, metavar="N")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=_list)

    add = commands.add_parser("add", help=_("add an account, contact or anniversary"))
    add.set_defaults(handler=_add)
    kinds = add.add_subparsers(dest="record", metavar="KIND", required=True, parser_class=type(add))
    account = kinds.add_parser("account", help=_("a customer company"))
    account.add_argument("name", metavar="NAME")
    account.add_argument("--short-name", default="")
    account.add_argument("--industry", default="")
    account.add_argument("--region", default="")
    account.add_argument("--city", default="")
    account.add_argument("--owner", default="")
    account.add_argument("--status", choices=AccountStatus.values(), default="active")
    account.add_argument("--json", action="store_true")
    contact = kinds.add_parser("contact", help=_("a person at an account"))
    contact.add_argument("account", metavar="ACCOUNT")
    contact.add_argument("name", metavar="NAME")
    contact.add_argument("--title", default="")
    contact.add_argument("--phone", action="append", default=[], metavar="P")
    contact.add_argument("--email", action="append", default=[], metavar="E")
    contact.add_argument("--level", choices=ContactLevel.values())
    contact.add_argument("--json", action="store_true")
    day = kinds.add_parser("anniversary", help=_("a birthday or other day of a contact"))
    day.add_argument("contact", metavar="CONTACT")
    day.add_argument("--kind", required=True, choices=AnniversaryKind.values())
    when = day.add_mutually_exclusive_group(required=True)
    when.add_argument("--solar", type=month_day, metavar="MM-DD")
    when.add_argument("--lunar", type=month_day, metavar="MM-DD")
    day.add_argument("--leap", action="store_true", help=_("the lunar month is a leap month"))
    day.add_argument("--year", type=int, metavar="Y")
    day.add_argument("--family-member", default="", metavar="WHO")
    day.add_argument("--lead-days", type=int, default=7, metavar="N")
    day.add_argument("--json", action="store_true")

    delete = commands.add_parser(
        "delete", help=_("{v} an account or contact").format(v=_("delete (restorable)"))
    )
    delete.add_argument("what", choices=["account", "contact"])
    delete.add_argument("ref", metavar="ID_OR_NAME")
    delete.set_defaults(handler=_delete_or_restore)
    restore = commands.add_parser(
        "restore",
        help=_("bring back an account or contact, or the whole archive from a backup"),
        description=_(
            "kamdesk restore account|contact ID_OR_NAME brings back a deleted record; "
            "kamdesk restore BACKUP puts a backup in place of the archive (see kamdesk backups)."
        ),
    )
    restore.add_argument("what", metavar="account|contact|BACKUP")
    restore.add_argument("ref", nargs="?", metavar="ID_OR_NAME")
    restore.add_argument("--yes", action="store_true", help=_("do not ask before restoring"))
    restore.set_defaults(handler=_restore)

    summary = commands.add_parser(
        "status", help=_("the archive in one line (creating the default one with sample data)")
    )
    summary.set_defaults(handler=status)

    check = commands.add_parser("check", help=_("check the archive's integrity"))
    check.add_argument("--rebuild-search", action="store_true", help=_("recompute search keys"))
    check.set_defaults(handler=_check)


def start(args: argparse.Namespace) -> int:
    """No command: open the desktop on the archive (a brand-new default one gets sample data)."""
    from kamdesk.services.paths import default_archive_path

    path = (args.db or default_archive_path()).expanduser()
    if not _has_display():
        print(_("No display here; showing the archive instead of the desktop."))
        return status(args)
    try:
        from kamdesk.ui.app import run
    except ImportError as exc:  # no Qt here (a minimal install): the text summary
        print(_("The desktop cannot start here ({e}); showing the archive instead.").format(e=exc))
        return status(args)
    return run(path, sample_data=not path.exists() and args.db is None)


def _has_display() -> bool:
    """Whether a window can open: always on Windows and macOS, on Linux with X11 or Wayland
    (or a Qt platform chosen by hand, such as offscreen)."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def status(args: argparse.Namespace) -> int:
    """The archive in one line, seeding a brand-new default one with sample data."""
    from kamdesk.services.paths import default_archive_path

    path = (args.db or default_archive_path()).expanduser()
    fresh = not path.exists()
    with open_workbench(args, write=True) as wb:
        if fresh and args.db is None:
            print(_("Creating your archive at {p} with sample data…").format(p=path))
            _fill(wb, SAMPLE_ACCOUNTS, 2024)
        counts = wb.accounts.count()
        print(_("kamdesk {v} — archive {p}: {n} accounts").format(v=__version__, p=path, n=counts))
    print(
        _("Try: kamdesk list accounts · kamdesk search zs · kamdesk show ACCOUNT · kamdesk --help")
    )
    return 0


def _fill(wb: Workbench, accounts: int, seed: int) -> None:
    from kamdesk.services.demo import fill

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

    summary = fill(wb.archive, accounts, seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        _(
            "Sample data: {a} accounts, {c} contacts, {v} visits, {i} issues, "
            "{d} anniversaries, {p} preferences"
        ).format(
            a=summary.accounts,
            c=summary.contacts,
            v=summary.visits,
            i=summary.issues,
            d=summary.anniversaries,
            p=summary.preferences,
        )
    )


def _demo(args: argparse.Namespace) -> int:
    if args.accounts < 1:
        raise ValidationError([FieldProblem("--accounts", _("at least 1"))])
    with open_workbench(args, write=True) as wb:
        _fill(wb, args.accounts, args.seed)
    return 0


def _search(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table
    from kamdesk.services.serialize import row_dict

    with open_workbench(args, write=False) as wb:
        hits = wb.search(args.text, limit=args.limit)
    if args.json:
        emit_json([row_dict(h) for h in hits])
    elif hits:
        kinds = {"account": _("account"), "contact": _("contact")}
        table(
            [_("kind"), _("name"), _("account"), _("detail"), "id"],
            [
                (
                    kinds[h.kind],
                    h.name,
                    "" if h.kind == "account" else h.account_name,
                    h.detail,
                    h.id[:8],
                )
                for h in hits
            ],
        )
    else:
        print(_("nothing matches {t}").format(t=args.text), file=sys.stderr)
    return 0


def _show(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, show_account
    from kamdesk.services.queries import overview
    from kamdesk.services.serialize import plain, record_dict

    with open_workbench(args, write=False) as wb:
        with wb.archive.reading() as session:
            view = overview(session, wb.accounts.resolve_in(session, args.account))
        standing = wb.engine.standing(view.account.id)
        points = wb.points.balance(view.account.id)
        level = wb.points.level(points)
    if args.json:
        emit_json(
            {
                "account": record_dict(view.account),
                "standing": {
                    "tier": standing.tier.value,
                    "tier_explanation": standing.tier_explanation,
                    "next_visit_due": plain(standing.next_visit_due),
                    "visit_overdue_days": standing.visit_overdue_days,
                    "risk_score": standing.risk_score,
                },
                "points": {"balance": points, "level": level},
                "years": [record_dict(y) for y in view.years],
                "contacts": [record_dict(c) for c in view.contacts],
                "preferences": [record_dict(p) for p in view.preferences],
                "anniversaries": [record_dict(x) for x in view.anniversaries],
                "recent_visits": [record_dict(v) for v in view.recent_visits],
                "open_issues": [record_dict(i) for i in view.open_issues],
            }
        )
    else:
        show_account(view)
        print("\n" + _("Standing"))
        print("  " + _("tier {t}: {e}").format(t=standing.tier.value, e=standing.tier_explanation))
        if standing.next_visit_due:
            due = _("next visit due {d}").format(d=standing.next_visit_due.isoformat())
            if standing.visit_overdue_days:
                due += " " + _("({n} days overdue)").format(n=standing.visit_overdue_days)
            print("  " + due)
        print("  " + _("risk score {n}").format(n=standing.risk_score))
        for signal in standing.risk_signals:
            print("    · " + signal.text)
        print("  " + _("loyalty points {n:,}").format(n=points) + (f" ({level})" if level else ""))
    return 0


def _list(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json
    from kamdesk.services.queries import AccountFilter, account_rows, contact_rows
    from kamdesk.services.serialize import row_dict

    with open_workbench(args, write=False) as wb, wb.archive.reading() as session:
        if args.what == "accounts":
            where = AccountFilter(
                AccountStatus(args.status) if args.status else None,
                args.owner,
                args.place,
                args.key,
            )
            accounts = account_rows(session, where, offset=args.offset, limit=args.limit)
            contacts = []
        else:
            account_id = wb.accounts.resolve_in(session, args.account).id if args.account else None
            contacts = contact_rows(session, account_id, offset=args.offset, limit=args.limit)
            accounts = []
    if args.json:
        emit_json([row_dict(r) for r in (accounts or contacts)])
    elif args.what == "accounts":
        _print_accounts(accounts)
    else:
        _print_contacts(contacts)
    return 0


def _print_accounts(rows: Sequence[AccountRow]) -> None:
    from kamdesk.cli.output import table

    table(
        [_("name"), _("city"), _("status"), _("owner"), _("key"), _("contacts"),
         _("last visit"), _("open issues"), "id"],
        [
            (r.name, r.city, r.status, r.owner, r.is_key_account, r.contacts,
             r.last_visit, r.open_issues or "", r.id[:8])
            for r in rows
        ],
    )  # fmt: skip


def _print_contacts(rows: Sequence[ContactRow]) -> None:
    from kamdesk.cli.output import table

    table(
        [_("name"), _("account"), _("title"), _("level"), _("phone"), "♥", "id"],
        [(r.name, r.account_name, r.title, r.level, r.phone, r.strength, r.id[:8]) for r in rows],
    )


def _add(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json
    from kamdesk.services.serialize import record_dict

    record: Any
    with open_workbench(args, write=True) as wb:
        if args.record == "account":
            record = wb.accounts.create(
                name=args.name,
                short_name=args.short_name,
                industry=args.industry,
                region=args.region,
                city=args.city,
                owner=args.owner,
                status=args.status,
            )
        elif args.record == "contact":
            record = wb.contacts.create(
                account_id=wb.accounts.resolve(args.account).id,
                name=args.name,
                title=args.title,
                phones=args.phone,
                emails=args.email,
                level=args.level,
            )
        else:
            lunar = args.lunar is not None
            month, day = args.lunar if lunar else args.solar
            record = wb.anniversaries.create(
                contact_id=wb.contacts.resolve(args.contact).id,
                kind=args.kind,
                calendar="lunar" if lunar else "solar",
                month=month,
                day=day,
                leap_month=args.leap,
                year=args.year,
                family_member=args.family_member,
                lead_days=args.lead_days,
            )
    if args.json:
        emit_json(record_dict(record))
    else:
        print(_("added {k} {i}").format(k=args.record, i=record.id))
    return 0


def _delete_or_restore(args: argparse.Namespace) -> int:
    with open_workbench(args, write=True) as wb:
        service = wb.accounts if args.what == "account" else wb.contacts
        if args.command == "delete":
            target = service.resolve(args.ref)
            service.delete(target.id)
            print(_("deleted {n}; undo with: kamdesk restore {w} {i}").format(
                n=target.name, w=args.what, i=target.id))  # fmt: skip
        else:
            restored = service.restore(args.ref)
            print(_("restored {n}").format(n=restored.name))
    return 0


def _restore(args: argparse.Namespace) -> int:
    """A deleted account or contact back, or the archive from a backup file."""
    if args.what in ("account", "contact"):
        if args.ref is None:
            raise ValidationError([FieldProblem("ID_OR_NAME", _("name the record to bring back"))])
        return _delete_or_restore(args)
    from pathlib import Path

    from kamdesk.cli.backup import restore_backup

    args.backup = Path(args.what)
    return restore_backup(args)


def _check(args: argparse.Namespace) -> int:
    with open_workbench(args, write=args.rebuild_search) as wb:
        if args.rebuild_search:
            print(_("search keys rebuilt: {n}").format(n=wb.rebuild_search()))
        report = wb.check()
    for label, problems in (
        (_("integrity"), report.integrity),
        (_("foreign keys"), report.foreign_keys),
        (_("search keys missing for"), report.search_index),
    ):
        status = _("ok") if not problems else "; ".join(problems[:20])
        print(f"{label}: {status}")
    if not report.ok:
        print(_("problems found; try: kamdesk check --rebuild-search"), file=sys.stderr)
    return 0 if report.ok else 1
