"""The service plan (服务计划) of one account for a year or a quarter, as a neutral document."""

from __future__ import annotations

from kamdesk.documents.model import (
    Block,
    Bullets,
    Column,
    Cover,
    Document,
    Heading,
    KeyValues,
    PageSize,
    Paragraph,
    Table,
    Tone,
)
from kamdesk.i18n import _
from kamdesk.services.plans import (
    DONE,
    DUE,
    KINDS,
    MISSED,
    PLANNED,
    PlanItem,
    ServicePlan,
    kind_label,
    status_label,
)

TONES: dict[str, Tone] = {DONE: "good", MISSED: "warning", DUE: "strong", PLANNED: "body"}


def plan_document(
    plan: ServicePlan, *, page_size: PageSize = "A4", printed_by: str = ""
) -> Document:
    """The plan as a printable document; after the fact it compares plan and actual."""
    name = plan.account_name or _("(no name)")
    title = _("Service plan {p}: {n}").format(p=plan.period, n=name)
    facts = (
        (_("Account"), name),
        (_("Tier"), plan.tier.value),
        (_("Owner"), plan.owner or "—"),
        (_("Period"), f"{plan.start.isoformat()} – {plan.end.isoformat()}"),
        (_("Printed on"), plan.today.isoformat()),
    )
    cover = Cover(
        _("Service plan"),
        f"{name} · {plan.period}",
        facts,
        _("INTERNAL"),
        "muted",
        _("What the account's tier calls for in this period, and what has been done so far."),
    )
    blocks: list[Block] = [Heading(_("Summary"))]
    summary = [(_("Items planned"), str(len(plan.items)))]
    if plan.after_the_fact:
        summary += [
            (status_label(DONE), str(plan.count(DONE))),
            (status_label(MISSED), str(plan.count(MISSED))),
            (status_label(DUE), str(plan.count(DUE))),
        ]
    summary.append((status_label(PLANNED), str(plan.count(PLANNED))))
    blocks.append(KeyValues(tuple(summary)))
    blocks.append(
        Paragraph(_("Rules of tier {t} (from the settings)").format(t=plan.tier.value), "strong")
    )
    blocks.append(Bullets(plan.rules))
    blocks.append(Heading(_("Plan")))
    blocks.append(_table(plan.items, plan.after_the_fact))
    if plan.after_the_fact:
        blocks.append(Heading(_("Plan against actual by kind")))
        rows = []
        for kind in KINDS:
            mine = [i for i in plan.items if i.kind == kind]
            if not mine:
                continue
            done = sum(1 for i in mine if i.status == DONE)
            missed = sum(1 for i in mine if i.status == MISSED)
            rows.append((kind_label(kind), str(len(mine)), str(done), str(missed)))
        blocks.append(
            Table(
                (
                    Column(_("Kind"), 1.5),
                    Column(_("Planned"), 1, "right"),
                    Column(status_label(DONE), 1, "right"),
                    Column(status_label(MISSED), 1, "right"),
                ),
                tuple(rows),
            )
        )
    return Document(
        title=title,
        blocks=tuple(blocks),
        cover=cover,
        header=_("Service plan · {n} · {p}").format(n=name, p=plan.period),
        footer=_("Printed {d} by kamdesk").format(d=plan.today.isoformat()),
        page_label=_("Page {page} of {pages}"),
        author=printed_by or plan.owner,
        subject=_("Service plan"),
        page_size=page_size,
        keywords=(name, plan.period, "kamdesk"),
    )


def _table(items: tuple[PlanItem, ...], after_the_fact: bool) -> Table:
    columns = [
        Column(_("Date"), 0.8),
        Column(_("Kind"), 0.8),
        Column(_("What"), 2.6),
        Column(_("Owner"), 0.8),
        Column(_("Status"), 0.7),
    ]
    if after_the_fact:
        columns.append(Column(_("Done on"), 0.8))
    rows = []
    for item in items:
        when = item.due.isoformat()
        if item.window_start != item.due and item.kind not in ("greeting", "festival"):
            when = _("by {d}").format(d=item.due.isoformat())
        row = [when, kind_label(item.kind), item.what, item.owner, status_label(item.status)]
        if after_the_fact:
            row.append(item.done_on.isoformat() if item.done_on else "")
        rows.append(tuple(row))
    return Table(
        tuple(columns),
        tuple(rows),
        tuple(TONES[i.status] for i in items),
        empty=_("The tier calls for nothing in this period."),
    )
