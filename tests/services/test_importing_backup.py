"""Importing contacts backs a non-empty archive up first."""

from __future__ import annotations

from kamdesk.interchange.vcard import read_cards
from kamdesk.services.importing import import_contacts
from kamdesk.services.workbench import Workbench
from kamdesk.storage.backups import BEFORE_IMPORT, Counts, backup_folder, list_backups
from tests.conftest import Customer

CARD = """BEGIN:VCARD
VERSION:3.0
N:邓;丽华;;;
ORG:苏州恒瑞精密机械有限公司;质量部
TITLE:质量经理
TEL;TYPE=CELL:137 0000 2222
END:VCARD
"""


def test_a_contact_import_leaves_a_before_import_backup(wb: Workbench, customer: Customer) -> None:
    result = import_contacts(wb, read_cards(CARD.encode()))
    assert len(result.contact_ids) == 1
    [row] = list_backups(backup_folder(wb.archive.path))
    assert row.reason == BEFORE_IMPORT
    assert row.counts == Counts(accounts=1, contacts=3, visits=0)
