"""How the command line prints: aligned tables that respect Chinese character widths, and JSON."""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

from kamdesk.domain.enums import CalendarKind
from kamdesk.i18n import _
from kamdesk.services.queries import AccountOverview
from kamdesk.storage.models import Anniversary


def width(text: str) -> int:
    """Columns a string takes in a terminal: wide (Chinese) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def fit(text: str, columns: int) -> str:
    """Cut `text` to `columns` terminal columns (with …) and pad it to exactly that width."""
    if width(text) > columns:
        out, used = [], 0
        for ch in text:
            w = width(ch)
            if used + w > columns - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (columns - width(text))


def table(
    headers: Sequence[str], rows: Sequence[Sequence[Any]], out: TextIO | None = None, cap: int = 40
) -> None:
    """Print rows under headers, each column as wide as its widest cell (at most `cap`)."""
    out = out or sys.stdout
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [
        min(cap, max([width(h)] + [width(r[i]) for r in cells])) for i, h in enumerate(headers)
    ]
    print("  ".join(fit(h, w) for h, w in zip(headers, widths, strict=True)).rstrip(), file=out)
    for row in cells:
        print("  ".join(fit(c, w) for c, w in zip(row, widths, strict=True)).rstrip(), file=out)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "★" if value else ""
    if hasattr(value, "value"):
        return str(value.value)
    if hasattr(value, "strftime"):
        return str(value.strftime("%Y-%m-%d"))
    return " ".join(str(value).split())


def emit_json(data: Any, out: TextIO | None = None) -> None:
    """Print data as JSON (UTF-8, Chinese kept readable)."""
    out = out or sys.stdout
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def day_text(a: Anniversary) -> str:
    """An anniversary's day as people write it: 03-15, or 农历 闰二月初十."""
    if a.calendar == CalendarKind.LUNAR:
        leap = _("leap ") if a.leap_month else ""
        text = _("lunar {leap}{m:02d}-{d:02d}").format(leap=leap, m=a.month, d=a.day)
    else:
        text = f"{a.month:02d}-{a.day:02d}"
    return f"{a.year}-{text}" if a.year and a.calendar == CalendarKind.SOLAR else text


def show_account(view: AccountOverview, out: TextIO | None = None) -> None:
    """The account page as text."""
    out = out or sys.stdout
    a = view.account
    names = {c.id: c.name for c in view.contacts}
    key = _("  ★ key account: {r}").format(r=a.key_account_reason) if a.is_key_account else ""
    print(f"{a.name}  ({a.short_name})  [{a.status.value}]{key}", file=out)
    print(f"id {a.id}", file=out)
    facts = [
        (_("industry"), a.industry),
        (_("city"), " ".join(p for p in (a.region, a.city) if p)),
        (_("address"), a.address),
        (_("owner"), a.owner),
        (_("executive sponsor"), a.executive_sponsor),
        (_("cooperating since"), a.cooperation_since),
        (_("contract renewal"), a.renewal_date),
        (_("billing cycle"), a.billing_cycle),
        (_("cost to serve"), f"{a.cost_to_serve:,} + {view.visit_cost:,} in visits"),
        (_("potential"), f"{a.potential:,}"),
        (_("development cost"), f"{a.development_cost:,}"),
    ]
    for label, value in facts:
        if value not in (None, ""):
            print(f"  {fit(label, 18)}{_cell(value)}", file=out)
    if view.years:
        print("\n" + _("Revenue and gross profit"), file=out)
        table(
            [_("year"), _("revenue"), _("gross profit")],
            [(y.year, f"{y.revenue:,}", f"{y.gross_profit:,}") for y in view.years],
            out,
        )
    for label, text in (
        (_("Business situation"), a.business_situation),
        (_("Technical situation"), a.technical_situation),
        (_("Innovation goals"), a.innovation_goals),
        (_("Products in use"), a.products_in_use),
        (_("Decision process"), a.decision_process),
        (_("Potential needs"), a.potential_needs),
        (_("Company news"), a.company_news),
        (_("Notes"), a.notes),
    ):
        if text:
            print(f"\n{label}\n  {text}", file=out)
    if view.contacts:
        print("\n" + _("Contacts"), file=out)
        table(
            [_("name"), _("title"), _("level"), _("reports to"), _("attitude"), "♥", _("phone")],
            [
                (
                    c.name,
                    c.title,
                    c.level,
                    names.get(c.reports_to_id or "", ""),
                    c.attitude,
                    c.strength,
                    (c.phones or [""])[0],
                )
                for c in view.contacts
            ],
            out,
        )
    if view.anniversaries:
        print("\n" + _("Anniversaries"), file=out)
        table(
            [_("whose"), _("kind"), _("day"), _("remind")],
            [
                (
                    names.get(x.contact_id or "", a.short_name or a.name)
                    + (f" · {x.family_member}" if x.family_member else ""),
                    x.kind,
                    day_text(x),
                    _("{n} days ahead").format(n=x.lead_days),
                )
                for x in view.anniversaries
            ],
            out,
        )
    if view.preferences:
        print("\n" + _("Preferences"), file=out)
        table(
            [_("whose"), _("category"), _("likes"), _("what")],
            [
                (names.get(p.contact_id or "", "—"), p.category, "+" if p.likes else "−", p.value)
                for p in view.preferences
            ],
            out,
        )
    print("\n" + _("Recent visits ({n} in all)").format(n=view.visit_count), file=out)
    table(
        [_("when"), _("kind"), _("purpose"), _("follow-up")],
        [(v.occurred_at, v.kind, v.purpose, v.follow_up_on) for v in view.recent_visits],
        out,
    )
    print("\n" + _("Open issues"), file=out)
    table(
        [_("raised"), _("severity"), _("description"), _("responsible"), _("due")],
        [
            (i.raised_on, i.severity, i.description, i.responsible, i.due_on)
            for i in view.open_issues
        ],
        out,
    )
