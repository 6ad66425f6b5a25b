"""Words a person reads for each choice (status, level, attitude…), translatable like any text.

Front ends and printed documents show these; the archive and files keep the stable values.
"""

from __future__ import annotations

from kamdesk.domain.enums import Choice
from kamdesk.i18n import _

_MESSAGES: dict[str, str] = {
    # AccountStatus
    "AccountStatus.prospect": "prospect",
    "AccountStatus.active": "active",
    "AccountStatus.dormant": "dormant",
    "AccountStatus.lost": "lost",
    # BillingCycle
    "BillingCycle.annual": "annual",
    "BillingCycle.quarterly": "quarterly",
    "BillingCycle.monthly": "monthly",
    # ContactLevel
    "ContactLevel.owner": "owner / chairman",
    "ContactLevel.vp": "vice president",
    "ContactLevel.director": "director",
    "ContactLevel.manager": "manager",
    "ContactLevel.staff": "staff",
    # BuyingRole
    "BuyingRole.decision_maker": "decision maker",
    "BuyingRole.influencer": "influencer",
    "BuyingRole.user": "user",
    "BuyingRole.gatekeeper": "gatekeeper",
    "BuyingRole.champion": "champion",
    # Attitude
    "Attitude.supporter": "supporter",
    "Attitude.neutral": "neutral",
    "Attitude.opponent": "opponent",
    # Sensitivity
    "Sensitivity.normal": "normal",
    "Sensitivity.personal": "personal",
    "Sensitivity.sensitive": "sensitive",
    # PreferenceCategory
    "PreferenceCategory.food": "food",
    "PreferenceCategory.drink": "drink",
    "PreferenceCategory.sport": "sport",
    "PreferenceCategory.gift": "gift",
    "PreferenceCategory.communication": "communication",
    "PreferenceCategory.hobby": "hobby",
    "PreferenceCategory.taboo": "taboo",
    "PreferenceCategory.other": "other",
    # AnniversaryKind
    "AnniversaryKind.birthday": "birthday",
    "AnniversaryKind.wedding": "wedding anniversary",
    "AnniversaryKind.child_birthday": "child's birthday",
    "AnniversaryKind.company_founding": "company founding day",
    "AnniversaryKind.cooperation": "cooperation anniversary",
    "AnniversaryKind.custom": "other day",
    # CalendarKind
    "CalendarKind.solar": "solar",
    "CalendarKind.lunar": "lunar",
    # VisitKind
    "VisitKind.on_site": "on site",
    "VisitKind.phone": "phone call",
    "VisitKind.wechat": "WeChat",
    "VisitKind.dinner": "dinner",
    "VisitKind.event": "event",
    "VisitKind.executive": "executive visit",
    # IssueSeverity
    "IssueSeverity.low": "low",
    "IssueSeverity.medium": "medium",
    "IssueSeverity.high": "high",
    "IssueSeverity.critical": "critical",
    # IssueStatus
    "IssueStatus.open": "open",
    "IssueStatus.in_progress": "in progress",
    "IssueStatus.resolved": "resolved",
    "IssueStatus.closed": "closed",
    # GreetingChannel
    "GreetingChannel.wechat": "WeChat",
    "GreetingChannel.sms": "SMS",
    "GreetingChannel.phone": "phone",
    "GreetingChannel.email": "e-mail",
    "GreetingChannel.card": "card",
    "GreetingChannel.gift": "gift",
    "GreetingChannel.visit": "in person",
    # PointKind
    "PointKind.earned": "earned",
    "PointKind.redeemed": "redeemed",
    "PointKind.expired": "expired",
    "PointKind.adjusted": "adjusted",
}


def label(choice: Choice | None) -> str:
    """The translated word for `choice`; empty for None, the value itself for tiers."""
    if choice is None:
        return ""
    message = _MESSAGES.get(f"{type(choice).__name__}.{choice.value}")
    return _(message) if message else str(choice.value)


def choices(kind: type[Choice]) -> list[tuple[str, Choice]]:
    """(label, value) pairs of every member of `kind`, in declaration order, for pick lists."""
    return [(label(member), member) for member in kind]
