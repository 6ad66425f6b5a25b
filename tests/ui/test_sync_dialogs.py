"""Exchange from the Sync page: keys registered after the fingerprint is shown, a handover
exported with a passphrase that another archive opens, imports that show their dry run first
(asking for the passphrase or to trust the sender), and the redaction preview for HQ."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from kamdesk.services.workbench import Workbench
from kamdesk.sync.keys import InstallationKeys, PublicCard
from kamdesk.ui import errors, sync_dialogs, sync_export, sync_import
from kamdesk.ui.accounts_page import AccountsPage
from kamdesk.ui.context import Context
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.ops import Op
from kamdesk.ui.sync_dialogs import KeyDialog
from kamdesk.ui.sync_export import ExportDialog
from kamdesk.ui.sync_import import ImportSummaryDialog
from kamdesk.ui.sync_page import SyncPage
from tests.conftest import SENSITIVE_VALUES, Customer
from tests.ui.waiting import arrives, wait_until

PASSPHRASE = "长城-2026-秋天"
Accepted = QDialog.DialogCode.Accepted
Rejected = QDialog.DialogCode.Rejected
SCRYPT_MS = 60_000
"""Time allowed for work that opens or seals a passphrase package: age's scrypt takes about a
second each time, more on a busy machine."""


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Errors are collected instead of shown (a modal box would hang offscreen); at the end no
    background work is left running."""
    shown: list[str] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, exc: shown.append(str(exc)))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail(self.text()))
    yield shown
    wait_until(lambda: not Op.running)


@pytest.fixture
def shown(no_modal_boxes: list[str]) -> list[str]:
    return no_modal_boxes


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Workbench]:
    """Another manager's archive, 李经理's."""
    with Workbench.open(tmp_path / "li.kamdesk") as bench:
        bench.sync.set_name("李经理")
        yield bench


@pytest.fixture
def page(ctx: Context, qtbot: QtBot) -> SyncPage:
    ctx.wb.sync.set_name("王经理")
    shown = SyncPage(ctx)
    qtbot.addWidget(shown)
    shown.resize(1050, 760)
    shown.show()
    return shown


def answer_with(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], answer: Callable[[QDialog], object]
) -> list[QDialog]:
    """Replace `cls.exec` with `answer` (a modal dialog would hang offscreen); returns the
    dialogs shown."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> object:
        seen.append(dialog)
        return answer(dialog)

    monkeypatch.setattr(cls, "exec", run)
    return seen


def southern_customer(wb: Workbench) -> str:
    account = wb.accounts.create(name="广州南方食品有限公司", city="广州", owner="李经理")
    boss = wb.contacts.create(account_id=account.id, name="区志强", title="总经理")
    wb.contacts.create(account_id=account.id, name="麦嘉欣", title="采购", reports_to_id=boss.id)
    wb.visits.create(account_id=account.id, occurred_at="2026-09-03 15:00", purpose="中秋拜访")
    return account.id


# keys -------------------------------------------------------------------------------------------


def test_a_key_file_is_registered_after_its_fingerprint_is_shown(
    page: SyncPage, other: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = other.sync.public_card()
    key = tmp_path / "李经理.pub"
    key.write_text(card.to_text(), encoding="utf-8")
    monkeypatch.setattr(sync_dialogs, "ask_open_path", lambda *args: key)

    def as_hq(dialog: QDialog) -> object:
        assert isinstance(dialog, KeyDialog) and not dialog.replacing
        dialog.hq.setChecked(True)
        return Accepted

    seen = answer_with(monkeypatch, KeyDialog, as_hq)
    page.register_button.click()
    assert [d.fingerprint.text() for d in seen if isinstance(d, KeyDialog)] == [card.fingerprint]
    assert page.peers.texts(0) == ["李经理"]
    assert page.peers.texts(1) == [other.archive.installation_id]
    assert page.peers.texts(2) == [card.fingerprint] and page.peers.texts(3) == ["✓"]


def test_a_different_key_for_a_known_installation_asks_before_replacing(
    page: SyncPage, other: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.ctx.wb.sync.register(other.sync.public_card())
    page.refresh()
    fresh = InstallationKeys.generate(other.archive.installation_id, "李经理").public()
    key = tmp_path / "new.pub"
    key.write_text(fresh.to_text(), encoding="utf-8")
    monkeypatch.setattr(sync_dialogs, "ask_open_path", lambda *args: key)
    seen = answer_with(monkeypatch, KeyDialog, lambda dialog: Rejected)
    page.register_button.click()
    (dialog,) = seen
    assert isinstance(dialog, KeyDialog) and dialog.replacing
    assert other.sync.public_card().fingerprint in dialog.warning.text()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Replace the key" and ok.isDefault()
    assert page.peers.texts(2) == [other.sync.public_card().fingerprint]  # declined: unchanged
    answer_with(monkeypatch, KeyDialog, lambda dialog: Accepted)
    page.register_button.click()
    assert page.peers.texts(2) == [fresh.fingerprint]


def test_a_file_that_is_no_key_is_a_sentence(
    page: SyncPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    key = tmp_path / "notes.txt"
    key.write_text("明天下午三点拜访", encoding="utf-8")
    monkeypatch.setattr(sync_dialogs, "ask_open_path", lambda *args: key)
    page.register_button.click()
    assert len(shown) == 1 and shown[0].startswith("notes.txt is not a kamdesk key file")
    assert page.peers.rows == []


def test_my_name_and_key_file(
    page: SyncPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.name.text() == "王经理"
    page.name.setText("王建国")
    page.name.setModified(True)
    page.save_name.click()
    target = tmp_path / "王建国.pub"
    asked: list[Path] = []

    def save(parent: object, title: str, suggested: Path, suffix: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(sync_dialogs, "ask_save_path", save)
    page.save_key.click()
    card = PublicCard.from_text(target.read_text(encoding="utf-8"))
    assert asked[0].name == "王建国.pub"
    assert card.name == "王建国" and card.fingerprint == page.fingerprint.text()
    assert card.installation_id == page.ctx.wb.archive.installation_id


# export -------------------------------------------------------------------------------------------


def fill_handover(dialog: QDialog, *, passphrase: str, again: str | None = None) -> None:
    assert isinstance(dialog, ExportDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("handover"))
    dialog.seal.setCurrentIndex(dialog.seal.findData(sync_export.PASSPHRASE))
    dialog.passphrase.setText(passphrase)
    dialog.repeat.setText(passphrase if again is None else again)
    wait_until(lambda: dialog.preview is not None)


def test_a_handover_with_a_passphrase_opens_in_the_other_archive(
    page: SyncPage,
    customer: Customer,
    other: Workbench,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.selected_account = lambda: customer.account.id
    target = tmp_path / "交接.kamx"
    asked: list[Path] = []

    def save(parent: object, title: str, suggested: Path, suffix: str) -> Path:
        asked.append(suggested)
        return target

    def hand_over(dialog: QDialog) -> object:
        assert isinstance(dialog, ExportDialog)
        fill_handover(dialog, passphrase="短")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert dialog.problem.text() == "The passphrase needs at least 8 characters."
        assert not ok.isEnabled()
        fill_handover(dialog, passphrase=PASSPHRASE, again=PASSPHRASE + "!")
        assert dialog.problem.text() == "The two passphrases differ." and not ok.isEnabled()
        fill_handover(dialog, passphrase=PASSPHRASE)
        assert dialog.scope.currentData() == "selected"
        assert dialog.scope.currentText() == "The selected account: 苏州恒瑞精密机械有限公司"
        assert dialog.preview is not None and dialog.preview.counts["contacts"] == 3
        assert "Anyone with the passphrase" in dialog.who.text()
        assert ok.isEnabled() and ok.isDefault() and dialog.problem.text() == ""
        ok.click()
        return dialog.result()

    monkeypatch.setattr(sync_export, "ask_save_path", save)
    answer_with(monkeypatch, ExportDialog, hand_over)
    with arrives(None, page.exported, SCRYPT_MS):
        page.export_button.click()
    assert asked[0].name.startswith("苏州恒瑞精密机械有限公司-handover-")
    other.sync.register(page.ctx.wb.sync.public_card())  # trusted after a phone call
    result = other.sync.import_package(target, passphrase=PASSPHRASE)
    assert result.summary()["new"] == 4
    assert other.accounts.get(customer.account.id).name == "苏州恒瑞精密机械有限公司"
    assert sorted(c.name for c in other.contacts.list()) == ["单田芳", "曾国华", "欧阳娜娜"]
    assert page.history.texts(0) == ["Sent"] and page.history.texts(1) == ["Handover"]
    assert page.history.texts(5) == ["4 records"]


def test_the_account_selected_in_the_accounts_list_is_offered_for_a_handover(
    ctx: Context, customer: Customer, qtbot: QtBot
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    accounts = window.page("accounts")
    assert isinstance(accounts, AccountsPage)
    window.show_page("accounts")
    page = window.page("sync")
    assert isinstance(page, SyncPage) and page.selected_account() is None
    accounts.view.selectRow(0)
    assert page.selected_account() == customer.account.id


def test_a_handover_of_chosen_accounts_only_counts_those(
    ctx: Context, customer: Customer, other: Workbench, qtbot: QtBot
) -> None:
    southern = southern_customer(ctx.wb)
    ctx.wb.sync.register(other.sync.public_card())
    dialog = ExportDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("handover"))
    assert dialog.seal.currentText() == "李经理"  # the other manager's key comes first
    dialog.scope.setCurrentIndex(dialog.scope.findData("chosen"))
    assert dialog.problem.text() == "Tick the accounts to hand over."
    dialog.checklist.search.setText("广州")
    assert dialog.checklist.list.count() == 1
    with arrives(qtbot, dialog.previewed):
        dialog.checklist.list.item(0).setCheckState(Qt.CheckState.Checked)
    wait_until(lambda: dialog.preview is not None)
    assert dialog.preview is not None and dialog.preview.counts["contacts"] == 2
    assert dialog.accounts() == [southern] and dialog.problem.text() == ""
    assert "It can be opened by: 李经理, this installation." in dialog.who.text()
    dialog.checklist.search.setText("")  # the tick is kept while the search changes
    assert dialog.checklist.list.count() == 2 and dialog.accounts() == [southern]
    dialog.reject()


def test_the_hq_preview_lists_the_sensitive_fields_it_leaves_out(
    ctx: Context, rich_customer: Customer, other: Workbench, qtbot: QtBot
) -> None:
    ctx.wb.sync.register(other.sync.public_card(), hq=True)
    dialog = ExportDialog(ctx, None)
    qtbot.addWidget(dialog)
    wait_until(lambda: dialog.preview is not None)
    assert dialog.kind_value() == "hq" and dialog.seal.currentText() == "李经理 · HQ"
    rows = {
        dialog.table.item(row, 0).text(): dialog.table.item(row, 2)
        for row in range(dialog.table.rowCount())
    }
    assert "health_notes" in rows["Contacts"].data(Qt.ItemDataRole.UserRole)
    assert rows["Contacts"].text() == "Family, Children, Health, Income range"
    assert rows["Anniversaries"].text() == "Family member"
    dialog.sensitive.setChecked(True)
    wait_until(lambda: dialog.preview is not None)
    left = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    assert set(left) == {"—"}
    dialog.reject()


def test_without_an_hq_key_the_hq_export_says_how_to_get_one(ctx: Context, qtbot: QtBot) -> None:
    dialog = ExportDialog(ctx, None)
    qtbot.addWidget(dialog)
    wait_until(lambda: dialog.preview is not None)
    assert [dialog.seal.itemText(n) for n in range(dialog.seal.count())] == ["A passphrase"]
    assert "No headquarters key is registered" in dialog.who.text()
    dialog.reject()


# import -------------------------------------------------------------------------------------------


def test_an_import_shows_its_dry_run_then_merges_and_says_already_applied_the_second_time(
    page: SyncPage,
    other: Workbench,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    account_id = southern_customer(other)
    other.sync.register(page.ctx.wb.sync.public_card())
    package = tmp_path / "from-li.kamx"
    other.sync.export("handover", package, recipients=[page.ctx.wb.archive.installation_id])
    monkeypatch.setattr(sync_import, "ask_open_path", lambda *args: package)
    trusted = answer_with(monkeypatch, KeyDialog, lambda dialog: Accepted)  # unknown sender

    said: list[tuple[str, list[str]]] = []

    def before_import(dialog: QDialog) -> object:
        assert isinstance(dialog, ImportSummaryDialog)
        assert page.ctx.wb.accounts.count() == 0 or dialog.dry_run.already_applied
        if dialog.dry_run.already_applied:
            said.append((dialog.note.text(), []))
            return Rejected
        tables = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        said.append((dialog.note.text(), tables))
        return Accepted

    answer_with(monkeypatch, ImportSummaryDialog, before_import)
    with arrives(None, page.imported):
        page.import_button.click()
    assert len(trusted) == 1 and "李经理" in page.peers.texts(0)
    assert said == [
        ("4 new, 0 changed, 0 deleted, 0 conflicts.", ["Accounts", "Contacts", "Visits"])
    ]
    assert page.ctx.wb.accounts.get(account_id).name == "广州南方食品有限公司"
    assert page.history.texts(0) == ["Received"] and page.history.texts(2) == ["李经理"]
    assert page.history.texts(5) == ["4 new, 0 changed, 0 deleted, 0 conflicts"]
    page.import_button.click()
    wait_until(lambda: len(said) == 2)
    assert said[1][0].startswith("Already applied: this package was imported before.")
    assert len(page.history.rows) == 1


def test_a_passphrase_is_asked_for_and_asked_again_when_wrong(
    page: SyncPage, other: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    southern_customer(other)
    page.ctx.wb.sync.register(other.sync.public_card())
    package = tmp_path / "交接.kamx"
    other.sync.export("handover", package, passphrase=PASSPHRASE)
    monkeypatch.setattr(sync_import, "ask_open_path", lambda *args: package)
    answers = iter(["不对的口令12345", PASSPHRASE])
    asked: list[str] = []

    def passphrase(parent: object, message: str) -> str:
        asked.append(message)
        return next(answers)

    monkeypatch.setattr(sync_import, "ask_passphrase", passphrase)
    answer_with(monkeypatch, ImportSummaryDialog, lambda dialog: Accepted)
    with arrives(None, page.imported, SCRYPT_MS):
        page.import_button.click()
    assert "protected by a passphrase" in asked[0]
    assert asked[1] == "the passphrase is wrong; check it with the sender"
    assert page.ctx.wb.accounts.count() == 1


def test_cancelling_the_dry_run_writes_nothing(
    page: SyncPage, other: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    southern_customer(other)
    page.ctx.wb.sync.register(other.sync.public_card())
    package = tmp_path / "p.kamx"
    other.sync.export("handover", package, recipients=[page.ctx.wb.sync.public_card()])
    monkeypatch.setattr(sync_import, "ask_open_path", lambda *args: package)
    summaries = answer_with(monkeypatch, ImportSummaryDialog, lambda dialog: Rejected)
    page.import_button.click()
    wait_until(lambda: len(summaries) == 1)
    assert page.ctx.wb.accounts.count() == 0 and page.ctx.wb.sync.history() == []


def test_a_file_that_is_no_package_is_a_sentence(
    page: SyncPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    package = tmp_path / "拜访记录.kamx"
    package.write_bytes("不是交换包".encode() * 100)
    monkeypatch.setattr(sync_import, "ask_open_path", lambda *args: package)
    page.import_button.click()
    wait_until(lambda: bool(shown))
    assert shown == ["this file is not a kamdesk exchange package"]


# conflicts ---------------------------------------------------------------------------------------


def test_a_conflict_is_listed_and_the_other_value_taken_from_the_table(
    page: SyncPage, other: Workbench, tmp_path: Path
) -> None:
    here = page.ctx.wb
    here.sync.register(other.sync.public_card())
    other.sync.register(here.sync.public_card())
    account = here.accounts.create(name="苏州恒瑞精密机械有限公司", city="苏州")
    here.sync.export("handover", tmp_path / "1.kamx", recipients=[other.archive.installation_id])
    other.sync.import_package(tmp_path / "1.kamx")
    here.accounts.update(account.id, city="常州")
    other.accounts.update(account.id, city="无锡")  # later: its clock has seen ours
    other.sync.export("handover", tmp_path / "2.kamx", recipients=[here.archive.installation_id])
    here.sync.import_package(tmp_path / "2.kamx")
    page.refresh()
    assert page.conflicts.texts(0) == ["Accounts · 苏州恒瑞精密机械有限公司"]
    assert page.conflicts.texts(1) == ["City"]
    assert (page.conflicts.texts(2), page.conflicts.texts(3)) == (["无锡"], ["常州"])
    assert page.tabs.tabText(2) == "Conflicts (1)"
    assert not page.take_button.isEnabled()
    page.conflict_table.selectRow(0)
    page.take_button.click()
    assert here.accounts.get(account.id).city == "常州"
    assert page.conflict_note.text() == "No conflicts." and page.conflicts.rows == []
    assert page.tabs.tabText(2) == "Conflicts"


def test_sensitive_values_stay_home_in_a_default_hq_package(
    page: SyncPage,
    rich_customer: Customer,
    other: Workbench,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.ctx.wb.sync.register(other.sync.public_card(), hq=True)
    target = tmp_path / "hq.kamx"
    monkeypatch.setattr(sync_export, "ask_save_path", lambda *args: target)

    def send(dialog: QDialog) -> object:
        assert isinstance(dialog, ExportDialog)
        wait_until(lambda: dialog.preview is not None)
        dialog.accept()
        return dialog.result()

    answer_with(monkeypatch, ExportDialog, send)
    with arrives(None, page.exported):
        page.export_button.click()
    other.sync.register(page.ctx.wb.sync.public_card())
    text = str(other.sync.read(target).records)
    assert rich_customer.owner.name in text
    assert not [v for v in SENSITIVE_VALUES if v in text]
    assert page.history.texts(1) == ["To headquarters"] and page.history.texts(2) == ["李经理"]
