"""Agenda commands: agenda, calendar, greet, greetings, points."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from kamdesk.cli.common import open_workbench
from kamdesk.domain.enums import GreetingChannel
from kamdesk.domain.errors import FieldProblem, ValidationError
from kamdesk.i18n import _

__all__ = ["register"]


def _day(text: str) -> date:
    """An argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("'{t}' is not YYYY-MM-DD").format(t=text)) from None


def register(commands: Any) -> None:
    """Add the agenda commands to the `kamdesk` parser."""
    agenda = commands.add_parser("agenda", help=_("what is coming up: days, renewals, follow-ups"))
    agenda.add_argument("--days", type=int, metavar="N", help=_("how many days (default: setting)"))
    agenda.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD")
    agenda.add_argument("--json", action="store_true")
    agenda.set_defaults(handler=_agenda)

    cal = commands.add_parser("calendar", help=_("write anniversaries and follow-ups to .ics"))
    cal.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.ics")
    cal.add_argument("--years", type=int, metavar="N", help=_("years of lunar dates"))
    cal.add_argument(
        "--include-sensitive", action="store_true", help=_("include family members' names")
    )
    cal.set_defaults(handler=_calendar)

    greet = commands.add_parser("greet", help=_("log a greeting sent to a contact"))
    greet.add_argument("contact", metavar="CONTACT", help=_("id or exact name"))
    greet.add_argument("--occasion", required=True, metavar="O")
    greet.add_argument("--channel", choices=GreetingChannel.values(), default="wechat")
    greet.add_argument("--text", metavar="T", help=_("what was sent (default: a suggestion)"))
    greet.add_argument("--date", dest="sent_on", type=_day, metavar="YYYY-MM-DD")
    greet.add_argument("--json", action="store_true")
    greet.set_defaults(handler=_greet)

    greetings = commands.add_parser("greetings", help=_("greetings a contact has received"))
    greetings.add_argument("contact", metavar="CONTACT", help=_("id or exact name"))
    greetings.add_argument("--json", action="store_true")
    greetings.set_defaults(handler=_greetings)

    points = commands.add_parser("points", help=_("an account's loyalty points"))
    points.add_argument("account", metavar="ACCOUNT", help=_("id or exact name"))
    points.add_argument("--earn-year", type=int, metavar="Y", help=_("earn points for Y"))
    points.add_argument("--redeem", type=int, metavar="N", help=_("use N points"))
    points.add_argument("--reason", default="", metavar="R")
    points.add_argument("--json", action="store_true")
    points.set_defaults(handler=_points)


def _agenda(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table
    from kamdesk.services.serialize import row_dict

    with open_workbench(args, write=False) as wb:
        items = wb.agenda.agenda(args.start or date.today(), args.days)
    if args.json:
        emit_json([row_dict(i) for i in items])
    elif items:
        table(
            [_("date"), _("kind"), _("what"), _("detail")],
            [(("! " if i.overdue else "") + i.on.isoformat(), i.kind, i.title, i.detail)
             for i in items],
            cap=60,
        )  # fmt: skip
    else:
        print(_("nothing on the agenda"), file=sys.stderr)
    return 0


def _calendar(args: argparse.Namespace) -> int:
    from kamdesk.interchange.ical import write_calendar

    if args.years is not None and args.years < 1:
        raise ValidationError([FieldProblem("--years", _("at least 1"))])
    with open_workbench(args, write=False) as wb:
        count = write_calendar(
            wb, args.output, date.today(), args.years, include_sensitive=args.include_sensitive
        )
    print(_("{n} events written to {p}").format(n=count, p=args.output))
    return 0


def _greet(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json
    from kamdesk.services.serialize import record_dict

    with open_workbench(args, write=True) as wb:
        contact = wb.contacts.resolve(args.contact)
        service = wb.greetings
        text = args.text if args.text is not None else service.suggest(contact.id, args.occasion)
        greeting, warnings = service.log(
            contact.id, args.occasion, args.channel, text, args.sent_on
        )
    for warning in warnings:
        print(_("warning: {w}").format(w=warning), file=sys.stderr)
    if args.json:
        emit_json({**record_dict(greeting), "warnings": warnings})
    else:
        print(greeting.text)
    return 0


def _greetings(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table
    from kamdesk.services.serialize import record_dict

    with open_workbench(args, write=False) as wb:
        contact = wb.contacts.resolve(args.contact)
        history = wb.greetings.history(contact.id)
    if args.json:
        emit_json([record_dict(g) for g in history])
    elif history:
        table(
            [_("sent"), _("occasion"), _("channel"), _("text")],
            [(g.sent_on, g.occasion, g.channel, g.text) for g in history],
            cap=60,
        )
    else:
        print(_("no greetings sent to {n} yet").format(n=contact.name), file=sys.stderr)
    return 0


def _points(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table
    from kamdesk.services.serialize import record_dict

    if args.redeem is not None and not args.reason.strip():
        raise ValidationError([FieldProblem("--reason", _("say what the points are used for"))])
    changing = args.earn_year is not None or args.redeem is not None
    with open_workbench(args, write=changing) as wb:
        account = wb.accounts.resolve(args.account)
        service = wb.points
        if args.earn_year is not None:
            earned = service.earn_for_year(account.id, args.earn_year)
            if earned is None:
                print(_("no new points for {y}").format(y=args.earn_year), file=sys.stderr)
        if args.redeem is not None:
            service.redeem(account.id, args.redeem, args.reason)
        balance = service.balance(account.id)
        level = service.level(balance)
        ledger = service.ledger(account.id)
    if args.json:
        emit_json(
            {
                "account_id": account.id,
                "balance": balance,
                "level": level,
                "ledger": [record_dict(e) for e in ledger],
            }
        )
        return 0
    levels = {"": _("none"), "silver": _("silver"), "gold": _("gold")}
    print(_("{a}: {b} points, level {l}").format(a=account.name, b=balance, l=levels[level]))
    if ledger:
        table(
            [_("date"), _("kind"), _("points"), _("reason"), _("expires")],
            [(e.entry_on, e.kind, f"{e.points:+,}", e.reason, e.expires_on) for e in ledger],
        )
    return 0
