"""An installation's keys and the public card a manager e-mails: text forms, fingerprints,
signatures, and a clear refusal for every malformed card."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import pytest

from kamdesk.sync.keys import InstallationKeys, KeyFileError, PublicCard


@pytest.fixture(scope="module")
def manager() -> InstallationKeys:
    return InstallationKeys.generate("laptop-wang-01", name="王经理")


def test_a_public_card_survives_its_text_form(manager: InstallationKeys) -> None:
    card = manager.public()
    text = card.to_text()
    assert text.splitlines()[0] == "kamdesk-public-key 1"
    assert "name: 王经理" in text
    assert f"age: {card.age_recipient}" in text
    assert PublicCard.from_text(text) == card


def test_the_fingerprint_is_eight_groups_of_hex_over_both_keys(manager: InstallationKeys) -> None:
    card = manager.public()
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", card.fingerprint)
    other = InstallationKeys.generate("laptop-wang-01", name="王经理").public()
    assert other.fingerprint != card.fingerprint
    renamed = PublicCard(card.installation_id, card.signing_key, card.age_recipient, "HQ")
    assert renamed.fingerprint == card.fingerprint
    assert renamed.same_keys(card) and not other.same_keys(card)


def test_a_card_survives_an_email_client(manager: InstallationKeys) -> None:
    card = manager.public()
    lines = card.to_text().splitlines()
    mangled = (
        "\ufeff\r\n# forwarded by 王经理\r\n"
        + "\r\n".join(f"  {line}   " for line in lines)
        + "\r\nsent-from: a newer kamdesk\r\n\r\n"
    )
    assert PublicCard.from_text(mangled) == card


def test_a_card_without_a_name_or_fingerprint_line_is_read(manager: InstallationKeys) -> None:
    card = manager.public()
    text = "\n".join(
        [
            "kamdesk-public-key 1",
            f"installation: {card.installation_id}",
            f"signing: {card.signing_key_b64}",
            f"age: {card.age_recipient}",
        ]
    )
    read = PublicCard.from_text(text)
    assert read.name == ""
    assert read.same_keys(card)
    assert "name:" not in read.to_text()


def test_the_secret_text_gives_back_the_same_installation(manager: InstallationKeys) -> None:
    text = manager.to_secret_text()
    assert text.splitlines()[0] == "kamdesk-secret-key 1"
    again = InstallationKeys.from_secret_text(text)
    assert again.public() == manager.public()
    signature = again.sign("合同金额 1,200,000 元".encode())
    assert manager.public().verify(signature, "合同金额 1,200,000 元".encode())


def test_signatures_fail_for_other_data_and_other_keys(manager: InstallationKeys) -> None:
    signature = manager.sign(b"manifest")
    assert manager.public().verify(signature, b"manifest")
    assert not manager.public().verify(signature, b"manifesT")
    assert not manager.public().verify(b"\0" * 64, b"manifest")
    assert not InstallationKeys.generate("hq").public().verify(signature, b"manifest")


def test_secrets_stay_out_of_repr(manager: InstallationKeys) -> None:
    shown = repr(manager)
    assert "laptop-wang-01" in shown
    assert "AGE-SECRET-KEY" not in shown
    seed = manager.to_secret_text().split("signing: ")[1].split()[0]
    assert seed not in shown


def _card_text(manager: InstallationKeys, **lines: str | None) -> str:
    card = manager.public()
    fields: dict[str, str | None] = {
        "installation": card.installation_id,
        "name": card.name,
        "signing": card.signing_key_b64,
        "age": card.age_recipient,
    }
    fields.update(lines)
    body = [f"{key}: {value}" for key, value in fields.items() if value is not None]
    return "\n".join(["kamdesk-public-key 1", *body]) + "\n"


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda m: "", "empty"),
        (lambda m: "   \n\n", "empty"),
        (lambda m: "Hi HQ, my key is attached.\n", "not a kamdesk key file"),
        (lambda m: m.to_secret_text(), "secret key"),
        (lambda m: m.public().to_text().replace("key 1", "key 2", 1), "newer kamdesk"),
        (lambda m: _card_text(m, age=None), "no 'age' line"),
        (lambda m: _card_text(m, signing=None), "no 'signing' line"),
        (lambda m: _card_text(m, installation=None), "no 'installation' line"),
        (lambda m: _card_text(m, signing="not base64!"), "signing key is not valid"),
        (
            lambda m: _card_text(m, signing=base64.b64encode(b"\1" * 31).decode()),
            "signing key is not valid",
        ),
        (lambda m: _card_text(m, age="age1notakey"), "age key is not valid"),
        (lambda m: _card_text(m, age="AGE-SECRET-KEY-1XYZ"), "age key is not valid"),
        (lambda m: _card_text(m, installation="../etc"), "installation id"),
        (lambda m: _card_text(m, name="王" * 101), "installation name"),
        (lambda m: _card_text(m) + "age: age1x\n", "twice"),
        (lambda m: _card_text(m) + "just some words\n", "line 6"),
        (lambda m: _card_text(m) + "fingerprint: 0000 0000\n", "fingerprint"),
    ],
)
def test_a_malformed_card_is_refused_with_a_reason(
    manager: InstallationKeys, make: Callable[[InstallationKeys], str], expected: str
) -> None:
    with pytest.raises(KeyFileError, match=re.escape(expected)):
        PublicCard.from_text(make(manager))


def test_a_card_whose_key_was_swapped_fails_its_own_fingerprint(
    manager: InstallationKeys,
) -> None:
    other = InstallationKeys.generate("hq").public()
    text = (
        manager.public().to_text().replace(manager.public().signing_key_b64, other.signing_key_b64)
    )
    with pytest.raises(KeyFileError, match="fingerprint"):
        PublicCard.from_text(text)


def test_a_damaged_secret_text_is_refused(manager: InstallationKeys) -> None:
    text = manager.to_secret_text()
    with pytest.raises(KeyFileError, match="age key is not valid"):
        InstallationKeys.from_secret_text(text.replace("AGE-SECRET-KEY-1", "AGE-SECRET-KEY-2"))
    with pytest.raises(KeyFileError, match="not a kamdesk key file"):
        InstallationKeys.from_secret_text(manager.public().to_text())
