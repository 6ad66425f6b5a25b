"""Every data setting declared once: key, type, default, limits and a translatable label.

Values live in the archive's `settings` table (services/settings.py); a key that was never set
has its default. Rules of the relationship engine (tiers, cadence, key-account criteria, points)
read them from here, so the desktop, the CLI and printed plans agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kamdesk.i18n import _


@dataclass(frozen=True)
class Setting:
    """One declared setting."""

    key: str
    kind: type
    default: Any
    label: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    def parse(self, raw: Any) -> Any:
        """The value `raw` (text or a value) means for this setting, or ValueError saying why."""
        try:
            if self.kind is bool:
                value: Any = _boolean(raw)
            elif isinstance(raw, str):
                value = self.kind(raw.strip())
            else:
                value = self.kind(raw)
        except (TypeError, ValueError):
            raise ValueError(
                _("{k} takes a {t}, not '{v}'").format(k=self.key, t=self.kind.__name__, v=raw)
            ) from None
        if self.minimum is not None and value < self.minimum:
            raise ValueError(_("{k} is at least {m}").format(k=self.key, m=self.minimum))
        if self.maximum is not None and value > self.maximum:
            raise ValueError(_("{k} is at most {m}").format(k=self.key, m=self.maximum))
        if self.choices and value not in self.choices:
            allowed = ", ".join(self.choices)
            raise ValueError(_("{k} is one of: {a}").format(k=self.key, a=allowed))
        return value


def _boolean(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in {"1", "true", "yes", "on", "是"}:
        return True
    if text in {"0", "false", "no", "off", "否"}:
        return False
    raise ValueError(raw)


REGISTRY: dict[str, Setting] = {}


def declare(setting: Setting) -> Setting:
    """Add a setting to the registry (each key once)."""
    if setting.key in REGISTRY:
        raise ValueError(f"setting {setting.key} declared twice")
    setting.parse(setting.default)  # a default must satisfy its own limits
    REGISTRY[setting.key] = setting
    return setting


TIER_A_SHARE = declare(
    Setting(
        "tiers.a_share", float, 0.80, _("Tier A: accounts making this share of profit"), 0.3, 0.99
    )
)
TIER_B_SHARE = declare(
    Setting("tiers.b_share", float, 0.95, _("Tiers A+B: accounts making this share"), 0.4, 1.0)
)
LIFETIME_YEARS = declare(
    Setting("value.expected_years", float, 5.0, _("Expected further years of cooperation"), 0, 50)
)
VISIT_DAYS = {
    tier: declare(Setting(f"cadence.{tier}.visit_days", int, days, label, 1, 730))
    for tier, days, label in (
        ("A", 30, _("Tier A: days between visits")),
        ("B", 91, _("Tier B: days between visits")),
        ("C", 182, _("Tier C: days between visits")),
    )
}
EXECUTIVE_DAYS = {
    tier: declare(Setting(f"cadence.{tier}.executive_days", int, days, label, 0, 1460))
    for tier, days, label in (
        ("A", 182, _("Tier A: days between executive visits (0 = none)")),
        ("B", 365, _("Tier B: days between executive visits (0 = none)")),
        ("C", 0, _("Tier C: days between executive visits (0 = none)")),
    )
}
MAINTENANCE_DAYS = {
    tier: declare(Setting(f"cadence.{tier}.maintenance_days", int, days, label, 0, 730))
    for tier, days, label in (
        ("A", 91, _("Tier A: days between maintenance visits (0 = none)")),
        ("B", 0, _("Tier B: days between maintenance visits (0 = none)")),
        ("C", 0, _("Tier C: days between maintenance visits (0 = none)")),
    )
}
KEY_MIN_TIER = declare(
    Setting("key.min_tier", str, "A", _("Key accounts: lowest tier"), choices=("A", "B", "C"))
)
KEY_MIN_YEARS = declare(
    Setting("key.min_years", int, 3, _("Key accounts: years of cooperation at least"), 0, 50)
)
KEY_MIN_MARGIN = declare(
    Setting("key.min_margin", float, 0.15, _("Key accounts: gross margin at least"), 0, 1)
)
KEY_RANGE_LOW = declare(
    Setting("key.range_low", int, 5, _("Warn when a manager has fewer key accounts"), 0, 1000)
)
KEY_RANGE_HIGH = declare(
    Setting("key.range_high", int, 25, _("Warn when a manager has more key accounts"), 1, 1000)
)
PROFIT_DROP = declare(
    Setting("risk.profit_drop", float, 0.20, _("Churn risk: a yearly profit fall of"), 0.01, 1)
)
LOCK_AFTER_MINUTES = declare(
    Setting(
        "security.lock_after_minutes",
        int,
        15,
        _("Lock a protected archive after minutes idle (0 = only when closed)"),
        0,
        1440,
    )
)
AGENDA_DAYS = declare(Setting("agenda.days", int, 30, _("Agenda: days ahead"), 1, 366))
POINTS_PER_10K = declare(
    Setting("points.per_10k", int, 1, _("Points earned per 10,000 of revenue"), 0, 10000)
)
POINTS_EXPIRE_MONTHS = declare(
    Setting("points.expire_months", int, 24, _("Points expire after months (0 = never)"), 0, 240)
)
SILVER_AT = declare(
    Setting("points.silver_at", int, 500, _("Points balance for silver level"), 0, 10**9)
)
GOLD_AT = declare(
    Setting("points.gold_at", int, 2000, _("Points balance for gold level"), 0, 10**9)
)
CALENDAR_YEARS = declare(
    Setting("calendar.years_ahead", int, 3, _("Calendar export: years of lunar dates"), 1, 30)
)
SURVEYS_PER_YEAR = {
    tier: declare(Setting(f"plan.{tier}.surveys_per_year", int, count, label, 0, 12))
    for tier, count, label in (
        ("A", 2, _("Tier A: satisfaction surveys a year")),
        ("B", 1, _("Tier B: satisfaction surveys a year")),
        ("C", 1, _("Tier C: satisfaction surveys a year")),
    )
}
REVIEWS_PER_YEAR = {
    tier: declare(Setting(f"plan.{tier}.reviews_per_year", int, count, label, 0, 12))
    for tier, count, label in (
        ("A", 4, _("Tier A: review meetings a year")),
        ("B", 1, _("Tier B: review meetings a year")),
        ("C", 0, _("Tier C: review meetings a year")),
    )
}
