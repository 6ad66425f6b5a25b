"""The closed vocabularies of the archive, stored by their string values."""

from enum import StrEnum


class Choice(StrEnum):
    """A stored choice: the value is what the database keeps and the CLI accepts."""

    @classmethod
    def parse(cls, text: str) -> "Choice":
        """Accept a value case-insensitively, with '-' or ' ' for '_'."""
        key = text.strip().lower().replace("-", "_").replace(" ", "_")
        for member in cls:
            if member.value == key:
                return member
        raise ValueError(text)

    @classmethod
    def values(cls) -> list[str]:
        """All stored values, in declaration order."""
        return [m.value for m in cls]


class AccountStatus(Choice):
    PROSPECT = "prospect"
    ACTIVE = "active"
    DORMANT = "dormant"
    LOST = "lost"


class BillingCycle(Choice):
    ANNUAL = "annual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"


class ContactLevel(Choice):
    """Where a person sits in the customer's organisation, top first."""

    OWNER = "owner"
    VP = "vp"
    DIRECTOR = "director"
    MANAGER = "manager"
    STAFF = "staff"


class BuyingRole(Choice):
    DECISION_MAKER = "decision_maker"
    INFLUENCER = "influencer"
    USER = "user"
    GATEKEEPER = "gatekeeper"
    CHAMPION = "champion"


class Attitude(Choice):
    SUPPORTER = "supporter"
    NEUTRAL = "neutral"
    OPPONENT = "opponent"


class Sensitivity(Choice):
    """How far a field may travel: exports leave out what is labelled sensitive."""

    NORMAL = "normal"
    PERSONAL = "personal"
    SENSITIVE = "sensitive"


class PreferenceCategory(Choice):
    FOOD = "food"
    DRINK = "drink"
    SPORT = "sport"
    GIFT = "gift"
    COMMUNICATION = "communication"
    HOBBY = "hobby"
    TABOO = "taboo"
    OTHER = "other"


class AnniversaryKind(Choice):
    BIRTHDAY = "birthday"
    WEDDING = "wedding"
    CHILD_BIRTHDAY = "child_birthday"
    COMPANY_FOUNDING = "company_founding"
    COOPERATION = "cooperation"
    CUSTOM = "custom"


class CalendarKind(Choice):
    SOLAR = "solar"
    LUNAR = "lunar"


class VisitKind(Choice):
    ON_SITE = "on_site"
    PHONE = "phone"
    WECHAT = "wechat"
    DINNER = "dinner"
    EVENT = "event"
    EXECUTIVE = "executive"


class IssueSeverity(Choice):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class IssueStatus(Choice):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


class Tier(Choice):
    """Pareto value tier: A makes the first 80% of profit, B the next 15%, C the rest."""

    A = "A"
    B = "B"
    C = "C"

    @classmethod
    def parse(cls, text: str) -> "Tier":
        """Accept a or A."""
        return cls(text.strip().upper())


class GreetingChannel(Choice):
    WECHAT = "wechat"
    SMS = "sms"
    PHONE = "phone"
    EMAIL = "email"
    CARD = "card"
    GIFT = "gift"
    VISIT = "visit"


class PointKind(Choice):
    """Movements of the loyalty-points ledger (积分)."""

    EARNED = "earned"
    REDEEMED = "redeemed"
    EXPIRED = "expired"
    ADJUSTED = "adjusted"
