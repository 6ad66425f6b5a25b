"""Shared fixtures: a fresh archive per test, and a small realistic customer."""

from __future__ import annotations

import os

# Qt must see the offscreen platform before it is first imported (GUI tests come later).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kamdesk.services.workbench import Workbench
from kamdesk.storage.models import Account, Contact


@pytest.fixture
def archive_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where this test's archive lives; also the default archive for the CLI."""
    path = tmp_path / "archive.kamdesk"
    monkeypatch.setenv("KAMDESK_DB", str(path))
    return path


@pytest.fixture
def wb(archive_path: Path) -> Iterator[Workbench]:
    """An open, empty archive."""
    with Workbench.open(archive_path) as bench:
        yield bench


@dataclass
class Customer:
    """苏州恒瑞精密机械: an owner, a VP under him and a buyer under the VP."""

    account: Account
    owner: Contact
    vp: Contact
    buyer: Contact


@pytest.fixture
def customer(wb: Workbench) -> Customer:
    account = wb.accounts.create(
        name="苏州恒瑞精密机械有限公司", short_name="恒瑞精密", city="苏州", region="华东"
    )
    owner = wb.contacts.create(
        account_id=account.id, name="单田芳", title="董事长", level="owner", phones=["13812345678"]
    )
    vp = wb.contacts.create(
        account_id=account.id,
        name="曾国华",
        title="副总经理",
        level="vp",
        reports_to_id=owner.id,
        phones=["139-0000-1111"],
    )
    buyer = wb.contacts.create(
        account_id=account.id,
        name="欧阳娜娜",
        title="采购经理",
        level="manager",
        reports_to_id=vp.id,
        emails=["nana@hengrui.cn"],
    )
    return Customer(account, owner, vp, buyer)
