"""Every choice a person can pick has a readable word, not its stored value."""

from __future__ import annotations

import inspect

from kamdesk.domain import enums
from kamdesk.domain.enums import Attitude, ContactLevel, Tier
from kamdesk.domain.labels import _MESSAGES, choices, label


def test_every_member_of_every_choice_has_a_label() -> None:
    kinds = [
        k
        for _n, k in inspect.getmembers(enums, inspect.isclass)
        if issubclass(k, enums.Choice) and k is not enums.Choice and k is not Tier
    ]
    missing = [
        f"{k.__name__}.{m.value}"
        for k in kinds
        for m in k
        if f"{k.__name__}.{m.value}" not in _MESSAGES
    ]
    assert missing == []


def test_labels_read_as_words_and_tiers_stay_letters() -> None:
    assert label(ContactLevel.VP) == "vice president"
    assert label(Tier.A) == "A"
    assert label(None) == ""
    assert choices(Attitude)[2] == ("opponent", Attitude.OPPONENT)
