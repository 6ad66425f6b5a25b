"""Headquarters commands: set up the PostgreSQL database, HQ's keys and the managers it trusts,
consolidate managers' packages, and the Excel report across managers."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from kamdesk.cli.common import Parser
from kamdesk.i18n import _

if TYPE_CHECKING:
    from kamdesk.hq.consolidate import Outcome
    from kamdesk.hq.database import HqDatabase

__all__ = ["register"]

URL_VARIABLE = "KAMDESK_HQ_URL"


def register(commands: Any) -> None:
    """Add `hq` and its commands to the `kamdesk` parser."""
    hq = commands.add_parser(
        "hq",
        help=_("headquarters: consolidate managers' packages into PostgreSQL, report across them"),
        description=_(
            "Headquarters keeps a PostgreSQL database of every manager's packages. Give its "
            "URL with --url or in ${v}; the password is best kept in ~/.pgpass."
        ).format(v=URL_VARIABLE),
    )
    hq.set_defaults(handler=lambda _args: _usage(hq))
    sub = hq.add_subparsers(dest="hq_command", metavar="COMMAND", parser_class=Parser)

    init = sub.add_parser(
        "init",
        help=_("create HQ's database and keys in an empty PostgreSQL database, or upgrade it"),
    )
    _url_option(init)
    init.add_argument("--name", metavar="NAME", help=_("the name managers see on HQ's key"))
    init.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help=_("also write HQ's public key file")
    )
    init.set_defaults(handler=_init)

    keys = sub.add_parser(
        "keys",
        help=_("HQ's public key for managers; register managers' keys"),
        description=_(
            "Without options: show HQ's public key and fingerprint. Managers register it with "
            "kamdesk keys --register HQ.pub --hq; read them the fingerprint by phone."
        ),
    )
    _url_option(keys)
    keys.add_argument("-o", "--output", type=Path, metavar="FILE", help=_("write HQ's key file"))
    keys.add_argument(
        "--register",
        type=Path,
        action="append",
        default=[],
        metavar="KEYFILE",
        help=_("trust packages signed by this manager's key (repeatable)"),
    )
    keys.add_argument(
        "--replace", action="store_true", help=_("replace the key registered for it before")
    )
    keys.add_argument("--list", action="store_true", help=_("list the registered managers"))
    keys.add_argument("--name", metavar="NAME", help=_("the name managers see on HQ's key"))
    keys.add_argument(
        "--write-recovery-key",
        type=Path,
        metavar="FILE",
        help=_(
            "write HQ's secret age key (AGE-SECRET-KEY-1…) to a new file, to reset a manager's "
            "forgotten passphrase (kamdesk reset-passphrase --recovery-key FILE); keep it offline"
        ),
    )
    keys.set_defaults(handler=_keys)

    consolidate = sub.add_parser(
        "consolidate",
        help=_("merge managers' packages (.kamx) into the HQ database"),
        description=_(
            "Each package is checked, then merged in its own transaction: all of it or none. "
            "Several consolidations may run at once. The exit status is 1 if any package was "
            "refused."
        ),
    )
    _url_option(consolidate)
    consolidate.add_argument("packages", type=Path, nargs="+", metavar="PACKAGE")
    consolidate.add_argument("--json", action="store_true", help=_("the outcomes as JSON"))
    consolidate.set_defaults(handler=_consolidate)

    report = sub.add_parser(
        "report",
        help=_("the Excel report across managers"),
        description=_(
            "Managers, accounts with their manager and tier, the visits of the period and the "
            "open issues. No field labelled sensitive is read."
        ),
    )
    _url_option(report)
    report.add_argument("--format", choices=("xlsx",), default="xlsx")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    report.add_argument("--year", type=int, help=_("the year (default: this year)"))
    report.add_argument("--quarter", type=int, choices=(1, 2, 3, 4), help=_("one quarter of it"))
    report.set_defaults(handler=_report)


def _url_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--url",
        default=os.environ.get(URL_VARIABLE),
        metavar="URL",
        help=_("the HQ database, postgresql://user@host/db (default: ${v})").format(v=URL_VARIABLE),
    )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _url(args: argparse.Namespace) -> str:
    if not args.url:
        from kamdesk.hq import HqError

        raise HqError(
            _("give the HQ database: --url postgresql://user@host/db, or set ${v}").format(
                v=URL_VARIABLE
            )
        )
    return str(args.url)


def _open(args: argparse.Namespace) -> HqDatabase:
    from kamdesk.hq.database import HqDatabase

    return HqDatabase.open(_url(args))


def _init(args: argparse.Namespace) -> int:
    from kamdesk.hq.database import HqDatabase

    with HqDatabase.create(_url(args), args.name) as database:
        card = database.public_card()
        print(
            _("HQ database ready at {db}; HQ's key fingerprint {f}").format(
                db=database.label, f=card.fingerprint
            )
        )
    if args.output:
        _write_card(args.output, card.to_text())
        print(_("wrote {p}; fingerprint {f}").format(p=args.output, f=card.fingerprint))
    return 0


def _keys(args: argparse.Namespace) -> int:
    from kamdesk.cli.sync import _card

    with _open(args) as database:
        if args.register:
            for path in args.register:
                manager = database.register(_card(path), replace=args.replace)
                print(
                    _("registered {n} ({i}), fingerprint {f}").format(
                        n=manager.name or "-", i=manager.installation_id, f=manager.fingerprint
                    )
                )
            return 0
        if args.write_recovery_key:
            _write_secret(args.write_recovery_key, f"{database.keys().age_identity}\n")
            print(
                _(
                    "wrote {p}: HQ's secret key; whoever holds it can open packages sent to HQ"
                ).format(p=args.write_recovery_key)
            )
            return 0
        if args.list:
            for manager in database.managers():
                print(f"{manager.installation_id}  {manager.fingerprint}  {manager.name or '-'}")
            return 0
        card = database.set_name(args.name) if args.name else database.public_card()
    if args.output:
        _write_card(args.output, card.to_text())
        print(_("wrote {p}; fingerprint {f}").format(p=args.output, f=card.fingerprint))
        return 0
    print(card.to_text(), end="")
    print(_("fingerprint: {f}").format(f=card.fingerprint))
    return 0


def _write_card(path: Path, text: str) -> None:
    from kamdesk.interchange.files import replace_atomically

    def write(out: BinaryIO) -> None:
        out.write(text.encode("utf-8"))

    replace_atomically(path, write)


def _write_secret(path: Path, text: str) -> None:
    """A new file only its owner may read; an existing file is never overwritten."""
    from kamdesk.hq import HqError

    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise HqError(_("{p} already exists; choose a new file").format(p=path)) from None
    except OSError as exc:
        raise HqError(_("cannot write {p}: {e}").format(p=path, e=exc.strerror)) from None
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())


def _consolidate(args: argparse.Namespace) -> int:
    from kamdesk.hq.consolidate import consolidate

    with _open(args) as database:
        outcomes = consolidate(
            database, args.packages, reported=None if args.json else _print_outcome
        )
    if args.json:
        document = [
            {
                "file": str(o.path),
                "status": o.status,
                "sender": o.sender,
                "package": o.package_id,
                "reason": o.reason,
                **o.summary,
            }
            for o in outcomes
        ]
        print(json.dumps(document, ensure_ascii=False, indent=2))
    refused = sum(1 for o in outcomes if o.refused)
    if not args.json and len(outcomes) > 1:
        print(
            _("{n} packages: {a} applied, {d} already applied, {r} refused").format(
                n=len(outcomes),
                a=sum(1 for o in outcomes if o.status == "applied"),
                d=sum(1 for o in outcomes if o.status == "already applied"),
                r=refused,
            )
        )
    return 1 if refused else 0


def _print_outcome(outcome: Outcome) -> None:
    name = outcome.path.name
    if outcome.status == "applied":
        s = outcome.summary
        print(
            _(
                "applied {f} from {s}: {new} new, {changed} changed, {deleted} deleted, "
                "{c} conflicts"
            ).format(
                f=name,
                s=outcome.sender,
                new=s["new"],
                changed=s["changed"],
                deleted=s["deleted"],
                c=s["conflicts"],
            )
        )
    elif outcome.status == "already applied":
        print(
            _("already applied: {f} (package {i} from {s}); nothing changed").format(
                f=name, i=outcome.package_id, s=outcome.sender
            )
        )
    else:
        print(_("refused {f}: {why}").format(f=name, why=outcome.reason), file=sys.stderr)


def _report(args: argparse.Namespace) -> int:
    from kamdesk.hq.report import write_hq_report

    with _open(args) as database:
        summary = write_hq_report(database, args.output, args.year, args.quarter)
    print(
        _("wrote {p}: {m} managers, {a} accounts, {v} visits in {period}, {i} open issues").format(
            p=summary.path,
            m=summary.managers,
            a=summary.accounts,
            v=summary.visits,
            period=summary.period.label,
            i=summary.open_issues,
        )
    )
    return 0
