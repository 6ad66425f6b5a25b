"""The Qt binding itself: a release that leaks references to None would abort kamdesk after a
few hours of use on Python 3.11 (PySide6 6.12.0 did)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot


def test_calls_that_return_nothing_keep_none_alive(qapp: QApplication, qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("张三")
        qapp.processEvents()
    assert sys.getrefcount(None) >= before - 50
