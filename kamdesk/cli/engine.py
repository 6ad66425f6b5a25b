"""Relationship-engine commands: tiers, tier, review, health, settings."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kamdesk.cli.common import open_workbench
from kamdesk.domain.errors import FieldProblem, ValidationError
from kamdesk.i18n import _

if TYPE_CHECKING:
    from kamdesk.services.engine import Standing

__all__ = ["register"]

SEVERITY_MARKS = {1: "!", 2: "!!", 3: "!!!"}


def register(commands: Any) -> None:
    """Add this group's commands to the `kamdesk` parser."""
    tiers = commands.add_parser(
        "tiers", help=_("accounts ranked by gross profit: ABC tier, lifetime value, risk")
    )
    tiers.add_argument("--json", action="store_true")
    tiers.set_defaults(handler=_tiers)

    tier = commands.add_parser("tier", help=_("set an account's tier by hand, or back to auto"))
    tier.add_argument("account", metavar="ACCOUNT", help=_("id or exact name"))
    tier.add_argument("tier", metavar="A|B|C|auto", choices=["A", "B", "C", "a", "b", "c", "auto"])
    tier.add_argument("--reason", default="", metavar="R", help=_("why (required for A, B or C)"))
    tier.set_defaults(handler=_tier)

    review = commands.add_parser("review", help=_("key accounts to add and to drop, by the rule"))
    review.add_argument("--json", action="store_true")
    review.set_defaults(handler=_review)

    health = commands.add_parser(
        "health", help=_("churn signals of one account, or accounts by risk")
    )
    health.add_argument("account", metavar="ACCOUNT", nargs="?", help=_("id or exact name"))
    health.add_argument("--limit", type=int, default=50, metavar="N", help=_("0 = all"))
    health.add_argument("--json", action="store_true")
    health.set_defaults(handler=_health)

    settings = commands.add_parser("settings", help=_("show or change the engine's settings"))
    settings.add_argument("key", metavar="KEY", nargs="?")
    settings.add_argument("value", metavar="VALUE", nargs="?")
    settings.add_argument("--reset", action="store_true", help=_("back to the default"))
    settings.add_argument("--json", action="store_true")
    settings.set_defaults(handler=_settings)


def _tiers(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table

    with open_workbench(args, write=False) as wb:
        standings = wb.engine.standings()
    shares = _shares(standings)
    if args.json:
        emit_json(
            [
                {**_standing_dict(s), "share": share, "cumulative": cumulative}
                for s, (share, cumulative) in zip(standings, shares, strict=True)
            ]
        )
        return 0
    table(
        [_("rank"), _("name"), _("tier"), _("gross profit"), _("share"), _("cumulative"),
         _("lifetime value"), _("quadrant"), _("overdue"), _("risk")],
        [
            (s.rank, s.name, _tier_mark(s), f"{s.gross_profit:,}", f"{share:.1%}",
             f"{cumulative:.1%}", f"{s.lifetime_value:,}", s.quadrant,
             s.visit_overdue_days or "", s.risk_score or "")
            for s, (share, cumulative) in zip(standings, shares, strict=True)
        ],
    )  # fmt: skip
    if any(s.overridden for s in standings):
        print("\n" + _("* tier set by hand (see kamdesk health ACCOUNT for the reason)"))
    return 0


def _tier(args: argparse.Namespace) -> int:

    with open_workbench(args, write=True) as wb:
        account = wb.accounts.resolve(args.account)
        engine = wb.engine
        engine.set_tier(account.id, None if args.tier == "auto" else args.tier, args.reason)
        standing = engine.standing(account.id)
    print(f"{standing.name}: {_tier_mark(standing)}")
    print("  " + standing.tier_explanation)
    return 0


def _review(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table
    from kamdesk.services.serialize import row_dict

    with open_workbench(args, write=False) as wb:
        review = wb.engine.key_account_review()
    if args.json:
        emit_json(row_dict(review))
        return 0
    print(_("Key accounts: {n} now, {m} if every proposal is followed").format(
        n=review.count, m=review.count_after))  # fmt: skip
    for title, changes in (
        (_("Make key accounts"), review.add),
        (_("Drop as key accounts"), review.drop),
    ):
        print(f"\n{title} ({len(changes)})")
        if changes:
            table([_("name"), _("reason"), "id"], [(c.name, c.reason, c.account_id[:8])
                  for c in changes], cap=120)  # fmt: skip
    if review.warning:
        print("\n" + _("Warning: {w}").format(w=review.warning))
    return 0


def _health(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table

    with open_workbench(args, write=False) as wb:
        engine = wb.engine
        if args.account:
            account = wb.accounts.resolve(args.account)
            standing = engine.standing(account.id)
            plan = engine.cadence(account.id)
        else:
            ranked = sorted(engine.standings(), key=lambda s: (-s.risk_score, s.rank))
    if args.account:
        rhythms = [
            {"kind": d.kind, "every_days": d.every_days, "last": d.last, "next_due": d.next_due,
             "overdue_days": d.overdue_days, "explanation": d.explanation}
            for d in plan
        ]  # fmt: skip
        if args.json:
            from kamdesk.services.serialize import plain

            emit_json({**_standing_dict(standing), "cadence": plain(rhythms)})
            return 0
        _print_health(standing, rhythms)
        return 0
    shown = ranked[: args.limit] if args.limit > 0 else ranked
    if args.json:
        emit_json([_standing_dict(s) for s in shown])
        return 0
    table(
        [_("risk"), _("name"), _("tier"), _("overdue"), _("signals"), "id"],
        [
            (s.risk_score, s.name, _tier_mark(s), s.visit_overdue_days or "",
             "; ".join(x.text for x in s.risk_signals), s.account_id[:8])
            for s in shown
        ],
        cap=80,
    )  # fmt: skip
    return 0


def _print_health(s: Standing, rhythms: Sequence[dict[str, Any]]) -> None:
    print(f"{s.name}  [{_tier_mark(s)}]  " + _("risk score {n}").format(n=s.risk_score))
    print(_("  tier: {t}").format(t=s.tier_explanation))
    print(_("  lifetime value: {v}").format(v=s.lifetime_explanation))
    print(_("  quadrant: {q}").format(q=_quadrant_text(s.quadrant)))
    print("\n" + _("Signals"))
    if not s.risk_signals:
        print("  " + _("none: nothing the archive shows is worrying"))
    for signal in s.risk_signals:
        print(f"  {SEVERITY_MARKS.get(signal.severity, '!'):<3} {signal.text}  ({signal.code})")
    print("\n" + _("Cadence"))
    for rhythm in rhythms:
        due = rhythm["next_due"].isoformat() if rhythm["next_due"] else "—"
        print(f"  {rhythm['kind']:<12} {due:<10}  {rhythm['explanation']}")


def _settings(args: argparse.Namespace) -> int:
    from kamdesk.cli.output import emit_json, table
    from kamdesk.domain.settings import REGISTRY
    from kamdesk.services.serialize import plain

    if args.key is None:
        if args.reset or args.value is not None:
            raise ValidationError([FieldProblem("KEY", _("say which setting"))])
        with open_workbench(args, write=False) as wb:
            values = wb.settings.values()
        if args.json:
            emit_json(
                [
                    {"key": k, "value": plain(values[k]), "default": s.default, "label": s.label}
                    for k, s in REGISTRY.items()
                ]
            )
        else:
            table(
                [_("setting"), _("value"), _("default"), _("what it does")],
                [(k, values[k], s.default, s.label) for k, s in REGISTRY.items()],
                cap=70,
            )
        return 0
    if args.reset and args.value is not None:
        raise ValidationError([FieldProblem("--reset", _("give a value or --reset, not both"))])
    changing = args.reset or args.value is not None
    with open_workbench(args, write=changing) as wb:
        if args.reset:
            value = wb.settings.reset(args.key)
        elif args.value is not None:
            value = wb.settings.set(args.key, args.value)
        else:
            value = wb.settings.get(_declared(args.key))
    if args.json:
        emit_json({"key": args.key, "value": plain(value)})
    else:
        print(f"{args.key} = {value}")
    return 0


def _declared(key: str) -> Any:
    from kamdesk.domain.errors import NotFound
    from kamdesk.domain.settings import REGISTRY

    if key not in REGISTRY:
        raise NotFound(_("there is no setting {k}; `kamdesk settings` lists them").format(k=key))
    return REGISTRY[key]


def _shares(standings: Sequence[Standing]) -> list[tuple[float, float]]:
    """Each account's share of the total gross profit and the cumulative share down to it."""
    total = sum(s.gross_profit for s in standings if s.gross_profit > 0)
    result, running = [], 0
    for s in standings:
        profit = max(s.gross_profit, 0)
        running += profit
        result.append((profit / total, running / total) if total else (0.0, 0.0))
    return result


def _tier_mark(s: Standing) -> str:
    return s.tier.value + ("*" if s.overridden else "")


def _quadrant_text(name: str) -> str:
    from kamdesk.domain.value import quadrant_label

    return quadrant_label(name)


def _standing_dict(s: Standing) -> dict[str, Any]:
    """A standing as JSON: every figure, the explanations and the signals."""
    from kamdesk.services.serialize import plain

    return {
        "account_id": s.account_id,
        "name": s.name,
        "owner": s.owner,
        "tier": s.tier.value,
        "computed_tier": s.computed_tier.value,
        "tier_explanation": s.tier_explanation,
        "rank": s.rank,
        "gross_profit": s.gross_profit,
        "lifetime_value": s.lifetime_value,
        "lifetime_explanation": s.lifetime_explanation,
        "quadrant": s.quadrant,
        "last_visit": plain(s.last_visit),
        "next_visit_due": plain(s.next_visit_due),
        "visit_overdue_days": s.visit_overdue_days,
        "next_executive_due": plain(s.next_executive_due),
        "next_maintenance_due": plain(s.next_maintenance_due),
        "risk_score": s.risk_score,
        "risk_signals": [
            {"code": x.code, "severity": x.severity, "text": x.text} for x in s.risk_signals
        ],
        "overridden": s.overridden,
    }
