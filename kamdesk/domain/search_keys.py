"""The keys under which an account or contact can be found: characters, pinyin, initials, phone.

A record is found when the query is a prefix of one of its keys. Keys are the suffixes of what
they come from, so a prefix match on a suffix is a substring match on the original; each key
says whether it starts at the beginning (`inner` 0) or later (`inner` 1), which is the rank.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from kamdesk.domain.pinyin import initials, readings
from kamdesk.domain.validation import phone_digits

MAX_KEY = 48
"""Longer suffixes are cut: nobody types more than this to find a name."""

PHONE_TAILS = (8, 4)
"""Besides from its start, a phone number is found from its last 8 digits (a mobile without its
3-digit prefix, a landline without its area code) and its last 4 digits."""

Key = tuple[int, str]


def normalize(text: str) -> str:
    """Fold width and case and drop spaces, the same way for keys and queries."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch.isalnum() or _is_cjk(ch))


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def _suffixes(text: str, *, starts: Iterable[int] | None = None) -> set[Key]:
    positions = range(len(text)) if starts is None else starts
    return {(1 if i else 0, text[i : i + MAX_KEY]) for i in positions if i < len(text)}


def name_keys(name: str, *, person: bool) -> set[Key]:
    """Keys for a name: its characters, its pinyin and its pinyin initials."""
    text = normalize(name)
    if not text:
        return set()
    keys = _suffixes(text)
    for rank, syllables in enumerate(readings(name, person=person)):
        full = "".join(syllables)
        heads = initials(syllables)
        if rank == 0:
            bounds, at = [], 0
            for syllable in syllables:
                bounds.append(at)
                at += len(syllable)
            keys |= _suffixes(full, starts=bounds)
            keys |= _suffixes(heads)
        else:  # other readings of heteronyms: whole-name keys, ranked after real prefixes
            keys.add((1, full[:MAX_KEY]))
            keys.add((1, heads[:MAX_KEY]))
    return keys


def phone_keys(phone: str) -> set[Key]:
    """Keys for a phone number: its digits from the start, the last 8 and the last 4."""
    digits = phone_digits(phone)
    if not digits:
        return set()
    starts = {0, *(len(digits) - tail for tail in PHONE_TAILS if len(digits) > tail)}
    return _suffixes(digits, starts=starts)


def account_keys(name: str, short_name: str) -> set[Key]:
    """Every key of an account."""
    return name_keys(name, person=False) | name_keys(short_name, person=False)


def contact_keys(name: str, phones: Iterable[str]) -> set[Key]:
    """Every key of a contact."""
    keys = name_keys(name, person=True)
    for phone in phones:
        keys |= phone_keys(phone)
    return keys


def query_text(query: str) -> str:
    """What a typed query is matched as: digits for something shaped like a phone number."""
    stripped = query.strip()
    if stripped and all(ch.isdigit() or ch in "+-() " for ch in stripped):
        digits = phone_digits(stripped)
        if digits:
            return digits
    return normalize(stripped)
