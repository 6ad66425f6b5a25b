"""The Overview tab of the account page: the dossier texts, the value figures, and the engine's
view of the account (tier, lifetime value, cadence, churn signals), each with its reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.value import quadrant_label
from kamdesk.i18n import _
from kamdesk.services.account_view import AccountDossier
from kamdesk.services.engine import Standing
from kamdesk.services.points import GOLD, SILVER
from kamdesk.ui.fmt import amount, day
from kamdesk.ui.forms import Kind
from kamdesk.ui.record_fields import account_fields

MUTED = "color: #7f8c8d"
SEVERITY_COLOURS = {1: "#b9770e", 2: "#d35400", 3: "#c0392b"}


def _text(text: str = "", *, muted: bool = False, name: str = "") -> QLabel:
    found = QLabel(text)
    found.setTextFormat(Qt.TextFormat.PlainText)
    found.setWordWrap(True)
    found.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        found.setStyleSheet(MUTED)
    if name:
        found.setObjectName(name)
    return found


def clear(layout: QLayout) -> None:
    """Remove (and delete) every widget of a layout."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setParent(None)
            widget.deleteLater()


def severity_words(severity: int) -> str:
    return {1: _("watch"), 2: _("act"), 3: _("act now")}.get(severity, str(severity))


def level_words(level: str) -> str:
    return {SILVER: _("silver"), GOLD: _("gold")}.get(level, _("no member level yet"))


class OverviewTab(QWidget):
    """Read-only: the page's Edit… and Set tier… buttons change what it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.setObjectName("edit-account")
        self.tier_button = QPushButton(_("Set tier…"))
        self.tier_button.setObjectName("set-tier")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.tier_button)

        self.dossier: dict[str, QLabel] = {}
        texts = QGroupBox(_("Dossier"))
        column = QVBoxLayout(texts)
        for spec in account_fields():
            if spec.kind is not Kind.LONG_TEXT:
                continue
            heading = QLabel(spec.label)
            heading.setStyleSheet("font-weight: bold")
            shown = _text(name=f"dossier-{spec.name}")
            self.dossier[spec.name] = shown
            column.addWidget(heading)
            column.addWidget(shown)
        column.addStretch(1)

        value = QGroupBox(_("Value"))
        value_layout = QVBoxLayout(value)
        self.years = QGridLayout()
        self.years.setHorizontalSpacing(18)
        value_layout.addLayout(self.years)
        money = QFormLayout()
        self.cost_to_serve = _text()
        self.potential = _text()
        self.development_cost = _text()
        self.key_account = _text(name="key-account")
        money.addRow(_("Yearly cost to serve"), self.cost_to_serve)
        money.addRow(_("Potential (yearly)"), self.potential)
        money.addRow(_("Development cost"), self.development_cost)
        money.addRow(_("Key account"), self.key_account)
        value_layout.addLayout(money)

        engine = QGroupBox(_("Standing"))
        facts = QFormLayout(engine)
        self.standing_note = _text(_("Working out tier, value and risk…"), muted=True)
        self.tier = _text(name="tier")
        self.tier_why = _text(muted=True)
        self.rank = _text()
        self.lifetime = _text(name="lifetime")
        self.lifetime_why = _text(muted=True)
        self.quadrant = _text()
        self.last_visit = _text()
        self.next_visit = _text(name="next-visit")
        self.next_executive = _text()
        self.next_maintenance = _text()
        self.risk = _text(name="risk")
        self.signals = QVBoxLayout()
        facts.addRow(self.standing_note)
        facts.addRow(_("Tier"), self.tier)
        facts.addRow("", self.tier_why)
        facts.addRow(_("Rank"), self.rank)
        facts.addRow(_("Lifetime value"), self.lifetime)
        facts.addRow("", self.lifetime_why)
        facts.addRow(_("Quadrant"), self.quadrant)
        facts.addRow(_("Last visit"), self.last_visit)
        facts.addRow(_("Next visit due"), self.next_visit)
        facts.addRow(_("Executive visit due"), self.next_executive)
        facts.addRow(_("On-site visit due"), self.next_maintenance)
        facts.addRow(_("Risk score"), self.risk)
        facts.addRow(self.signals)

        points = QGroupBox(_("Loyalty points"))
        points_layout = QFormLayout(points)
        self.balance = _text(name="points")
        self.member_level = _text()
        points_layout.addRow(_("Balance"), self.balance)
        points_layout.addRow(_("Member level"), self.member_level)

        right = QVBoxLayout()
        right.addWidget(value)
        right.addWidget(engine)
        right.addWidget(points)
        right.addStretch(1)
        content = QWidget()
        grid = QHBoxLayout(content)
        grid.addWidget(texts, 3)
        grid.addLayout(right, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)

    # filling in --------------------------------------------------------------------------------
    def show_dossier(self, dossier: AccountDossier, balance: int, level: str) -> None:
        account = dossier.account
        for name, shown in self.dossier.items():
            text = (getattr(account, name) or "").strip()
            shown.setText(text or _("(nothing recorded yet)"))
            shown.setStyleSheet("" if text else MUTED)
        self._show_years(dossier)
        self.cost_to_serve.setText(amount(account.cost_to_serve))
        self.potential.setText(amount(account.potential))
        self.development_cost.setText(amount(account.development_cost))
        if account.is_key_account:
            reason = account.key_account_reason or _("no reason recorded")
            self.key_account.setText("★ " + _("yes: {r}").format(r=reason))
        else:
            self.key_account.setText(_("no"))
        self.balance.setText(amount(balance))
        self.member_level.setText(level_words(level))

    def _show_years(self, dossier: AccountDossier) -> None:
        clear(self.years)
        if not dossier.years:
            self.years.addWidget(_text(_("No yearly figures recorded yet."), muted=True), 0, 0)
            return
        for column, heading in enumerate((_("Year"), _("Revenue"), _("Gross profit"), _("Margin"))):
            label = QLabel(heading)
            label.setStyleSheet("font-weight: bold")
            self.years.addWidget(label, 0, column)
        for row, year in enumerate(reversed(dossier.years), start=1):
            margin = f"{year.gross_profit / year.revenue:.1%}" if year.revenue else "–"
            cells = (str(year.year), amount(year.revenue), amount(year.gross_profit), margin)
            for column, text in enumerate(cells):
                cell = _text(text)
                if column:
                    cell.setAlignment(Qt.AlignmentFlag.AlignRight)
                self.years.addWidget(cell, row, column)

    def show_standing_pending(self) -> None:
        self.standing_note.setText(_("Working out tier, value and risk…"))
        self.standing_note.show()

    def show_standing_problem(self, text: str) -> None:
        self.standing_note.setText(text)
        self.standing_note.show()

    def show_standing(self, standing: Standing) -> None:
        self.standing_note.hide()
        tier = standing.tier.value
        if standing.overridden:
            tier += " " + _("(set by hand; computed {c})").format(c=standing.computed_tier.value)
        self.tier.setText(tier)
        self.tier_why.setText(standing.tier_explanation)
        self.rank.setText(_("No. {n}").format(n=standing.rank))
        self.lifetime.setText(amount(standing.lifetime_value))
        self.lifetime_why.setText(standing.lifetime_explanation)
        self.quadrant.setText(quadrant_label(standing.quadrant))
        self.last_visit.setText(day(standing.last_visit) or _("never"))
        due = day(standing.next_visit_due) or _("not required")
        if standing.visit_overdue_days:
            due += " " + _("({n} days overdue)").format(n=standing.visit_overdue_days)
            self.next_visit.setStyleSheet("color: #c0392b")
        else:
            self.next_visit.setStyleSheet("")
        self.next_visit.setText(due)
        self.next_executive.setText(day(standing.next_executive_due) or _("not required"))
        self.next_maintenance.setText(day(standing.next_maintenance_due) or _("not required"))
        self.risk.setText(str(standing.risk_score))
        clear(self.signals)
        if not standing.risk_signals:
            self.signals.addWidget(
                _text(_("No churn signals: nothing the archive shows is worrying."), muted=True)
            )
        for signal in standing.risk_signals:
            line = _text(f"● {severity_words(signal.severity)}: {signal.text}")
            line.setObjectName(f"signal-{signal.code}")
            line.setStyleSheet(f"color: {SEVERITY_COLOURS.get(signal.severity, '#c0392b')}")
            self.signals.addWidget(line)

    def texts(self) -> list[str]:
        """Every text the tab shows (what a user reads)."""
        return [label.text() for label in self.findChildren(QLabel) if label.text()]
