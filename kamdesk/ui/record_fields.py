"""The fields of each record's form, declared once for the dialogs and pages that edit them."""

from __future__ import annotations

from kamdesk.domain.enums import (
    AccountStatus,
    AnniversaryKind,
    Attitude,
    BillingCycle,
    BuyingRole,
    ContactLevel,
    IssueSeverity,
    IssueStatus,
    PreferenceCategory,
    Sensitivity,
    VisitKind,
)
from kamdesk.i18n import _
from kamdesk.ui.forms import Field, Kind, choice_field

PERSONAL = Sensitivity.PERSONAL
SENSITIVE = Sensitivity.SENSITIVE


def account_fields() -> list[Field]:
    return [
        Field("name", _("Company name"), required=True),
        Field("short_name", _("Short name")),
        Field("industry", _("Industry")),
        Field("region", _("Region")),
        Field("city", _("City")),
        Field("address", _("Address")),
        choice_field("status", _("Status"), AccountStatus, required=True),
        Field("owner", _("Our owner")),
        Field("executive_sponsor", _("Executive sponsor")),
        Field("cooperation_since", _("Cooperating since"), Kind.DATE),
        Field("renewal_date", _("Contract renewal"), Kind.DATE),
        choice_field("billing_cycle", _("Billing cycle"), BillingCycle),
        Field("cost_to_serve", _("Yearly cost to serve"), Kind.NUMBER),
        Field("potential", _("Potential (yearly)"), Kind.NUMBER),
        Field("development_cost", _("Development cost"), Kind.NUMBER),
        Field("is_key_account", _("Key account"), Kind.FLAG),
        Field("key_account_reason", _("Why a key account")),
        Field("business_situation", _("Business situation"), Kind.LONG_TEXT),
        Field("technical_situation", _("Technical situation"), Kind.LONG_TEXT),
        Field("innovation_goals", _("Innovation goals"), Kind.LONG_TEXT),
        Field("products_in_use", _("Our products in use"), Kind.LONG_TEXT),
        Field("decision_process", _("Decision process"), Kind.LONG_TEXT),
        Field("potential_needs", _("Potential needs"), Kind.LONG_TEXT),
        Field("company_news", _("Company news"), Kind.LONG_TEXT),
        Field("notes", _("Notes"), Kind.LONG_TEXT),
    ]


def contact_fields(managers: list[tuple[str, str]] | None = None) -> list[Field]:
    """`managers`: (name, id) of the account's other contacts, for the reports-to line."""
    return [
        Field("name", _("Name"), required=True),
        Field("title", _("Title")),
        Field("department", _("Department")),
        choice_field("level", _("Level"), ContactLevel),
        Field("reports_to_id", _("Reports to"), Kind.CHOICE, managers or []),
        choice_field("buying_role", _("Buying role"), BuyingRole),
        choice_field("attitude", _("Attitude to us"), Attitude),
        Field(
            "strength",
            _("Relationship strength"),
            Kind.CHOICE,
            [(str(n), n) for n in range(1, 6)],
            hint=_("1 = barely know each other, 5 = trusted"),
        ),
        Field("our_owner", _("Our person for them")),
        Field(
            "phones", _("Phones"), Kind.LIST, sensitivity=PERSONAL, hint=_("separate with commas")
        ),
        Field("emails", _("E-mails"), Kind.LIST, sensitivity=PERSONAL),
        Field("wechat_id", _("WeChat"), sensitivity=PERSONAL),
        Field("address", _("Address"), sensitivity=PERSONAL),
        Field("preferred_channel", _("Preferred channel")),
        Field("preferred_time", _("Best time to reach")),
        Field("hometown", _("Hometown"), sensitivity=PERSONAL),
        Field("education", _("Education"), sensitivity=PERSONAL),
        Field("hobbies", _("Hobbies"), Kind.LONG_TEXT, sensitivity=PERSONAL),
        Field("family_members", _("Family"), Kind.LONG_TEXT, sensitivity=SENSITIVE),
        Field("children", _("Children"), sensitivity=SENSITIVE),
        Field("health_notes", _("Health"), Kind.LONG_TEXT, sensitivity=SENSITIVE),
        Field("income_range", _("Income range"), sensitivity=SENSITIVE),
        Field("notes", _("Notes"), Kind.LONG_TEXT),
    ]


def preference_fields(people: list[tuple[str, str]]) -> list[Field]:
    """`people`: (name, id) of the account's contacts; blank means the company as a whole."""
    return [
        Field("contact_id", _("Person"), Kind.CHOICE, people),
        choice_field("category", _("Category"), PreferenceCategory, required=True),
        Field("value", _("What"), required=True),
        Field("likes", _("Likes it (unticked: dislikes / avoid)"), Kind.FLAG),
        Field("note", _("Note"), Kind.LONG_TEXT),
        Field("learned_on", _("Learned on"), Kind.DATE),
        choice_field("sensitivity", _("Sensitivity"), Sensitivity, required=True),
    ]


def visit_fields() -> list[Field]:
    return [
        choice_field("kind", _("Kind"), VisitKind, required=True),
        Field("purpose", _("Purpose")),
        Field("summary", _("Summary"), Kind.LONG_TEXT),
        Field("needs_learned", _("Needs learned"), Kind.LONG_TEXT),
        Field("outcome", _("Outcome"), Kind.LONG_TEXT),
        Field("next_steps", _("Next steps"), Kind.LONG_TEXT),
        Field("follow_up_on", _("Follow up on"), Kind.DATE),
        Field("cost", _("Cost"), Kind.NUMBER),
        Field(
            "satisfaction",
            _("Customer satisfaction"),
            Kind.CHOICE,
            [(str(n), n) for n in range(1, 6)],
        ),
        Field("our_participants", _("Our participants"), Kind.LIST),
    ]


def issue_fields(people: list[tuple[str, str]]) -> list[Field]:
    return [
        Field("raised_on", _("Raised on"), Kind.DATE, required=True),
        Field("contact_id", _("Raised by"), Kind.CHOICE, people),
        Field("category", _("Category")),
        choice_field("severity", _("Severity"), IssueSeverity, required=True),
        Field("description", _("Description"), Kind.LONG_TEXT, required=True),
        Field("responsible", _("First responsible")),
        choice_field("status", _("Status"), IssueStatus, required=True),
        Field("due_on", _("Due on"), Kind.DATE),
        Field("resolved_on", _("Resolved on"), Kind.DATE),
        Field("resolution", _("Resolution"), Kind.LONG_TEXT),
        Field("confirmed_by_customer", _("Confirmed by the customer"), Kind.FLAG),
    ]


def anniversary_kind_field() -> Field:
    return choice_field("kind", _("Occasion"), AnniversaryKind, required=True)
