"""Shared fixtures: a fresh archive per test, and a small realistic customer."""

from __future__ import annotations

import os
import tempfile

# Qt must see the offscreen platform before it is first imported (GUI tests come later).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# ... and the log of unexpected errors goes to a scratch folder, not the user's log folder.
os.environ.setdefault("KAMDESK_LOGS", tempfile.mkdtemp(prefix="kamdesk-test-logs-"))

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.backend
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


SENSITIVE_VALUES = (
    "高血压，忌酒",
    "年收入百万以上",
    "妻子李梅在银行工作",
    "儿子单小明读高二",
    "母亲王秀英",
)
"""Values of fields labelled sensitive in `rich_customer`: never in a shareable dossier."""


@pytest.fixture
def rich_customer(wb: Workbench, customer: Customer) -> Customer:
    """The customer with everything a dossier prints: figures, situation, private details
    (some sensitive), preferences, a lunar birthday, visits, a follow-up and an open issue."""
    aid = customer.account.id
    wb.accounts.update(
        aid,
        owner="王建国",
        industry="机械制造",
        business_situation="订单饱满，正在扩建二期厂房。",
        decision_process="采购经理比价，副总拍板，董事长过目大单。",
        potential_needs="想上一套设备预测性维护系统",
        company_news="2026年获评省级专精特新企业",
        cost_to_serve=88000,
    )
    for year, revenue, profit in ((2024, 3_200_000, 800_000), (2025, 4_100_000, 1_150_000)):
        wb.years.create(account_id=aid, year=year, revenue=revenue, gross_profit=profit)
    wb.contacts.update(
        customer.owner.id,
        hobbies="书法、钓鱼",
        health_notes=SENSITIVE_VALUES[0],
        income_range=SENSITIVE_VALUES[1],
        family_members=SENSITIVE_VALUES[2],
        children=SENSITIVE_VALUES[3],
        attitude="supporter",
        strength=4,
        our_owner="王建国",
    )
    wb.preferences.create(
        account_id=aid, contact_id=customer.owner.id, category="drink", value="普洱茶"
    )
    wb.preferences.create(
        account_id=aid, contact_id=customer.owner.id, category="taboo", value="不吃辣", likes=False
    )
    wb.preferences.create(
        account_id=aid,
        contact_id=customer.vp.id,
        category="gift",
        value="私人诊所会员卡",
        sensitivity="sensitive",
    )
    wb.anniversaries.create(
        account_id=aid,
        contact_id=customer.owner.id,
        kind="birthday",
        calendar="lunar",
        month=12,
        day=8,
        year=1962,
    )
    wb.anniversaries.create(
        account_id=aid,
        contact_id=customer.owner.id,
        kind="birthday",
        family_member=SENSITIVE_VALUES[4],
        month=12,
        day=1,
    )
    wb.visits.log(
        aid,
        [customer.vp.id, customer.buyer.id],
        occurred_at="2026-10-20 10:00",
        purpose="季度业务回顾",
        needs_learned="二期厂房需要 30 台数控机床",
        next_steps="下周报价",
        follow_up_on="2026-11-27",
        satisfaction=4,
    )
    wb.issues.create(
        account_id=aid,
        description="主轴异响，客户要求上门检修",
        raised_on="2026-11-01",
        responsible="刘工",
        severity="high",
    )
    return customer


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in memory: tests never touch the real one of the machine they run on."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Each test starts with an empty keyring of its own."""
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
