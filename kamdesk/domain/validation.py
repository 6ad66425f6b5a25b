"""Shape checks for what people type: phones, e-mails, names, ranges."""

from __future__ import annotations

import re

from kamdesk.i18n import _

_PHONE_ALLOWED = re.compile(r"^\+?[0-9 ()\-]+(?:\s*(?:ext\.?|x|转)\s*[0-9]{1,6})?$", re.IGNORECASE)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def phone_digits(phone: str) -> str:
    """The digits of a phone number, without a leading 0086/+86 country code."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if phone.strip().startswith("+86") or digits.startswith("0086"):
        digits = digits[2:] if phone.strip().startswith("+86") else digits[4:]
    return digits


def phone_problem(phone: str) -> str | None:
    """Why a phone number is not plausible, or None."""
    text = phone.strip()
    if not _PHONE_ALLOWED.match(text):
        return _("phone '{p}' may hold only digits, spaces, + ( ) - and an extension").format(
            p=text
        )
    digits = phone_digits(text.split("转")[0])
    if not 5 <= len(digits) <= 15:
        return _("phone '{p}' should have 5 to 15 digits").format(p=text)
    if len(digits) == 11 and digits.startswith("1") and digits[1] not in "3456789":
        return _("mobile number '{p}' does not start like a Chinese mobile (13–19)").format(p=text)
    return None


def email_problem(email: str) -> str | None:
    """Why an e-mail address is not plausible, or None."""
    if not _EMAIL.match(email.strip()):
        return _("'{e}' is not an e-mail address (name@example.com)").format(e=email.strip())
    return None


def clean_text(text: str) -> str:
    """Drop control characters (except tab and newline) that no one means to type."""
    return _CONTROL.sub("", text)
