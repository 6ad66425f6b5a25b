"""Unexpected errors: a short sentence with details to copy on screen, the traceback in the
rotating log file; a user's mistake is a plain sentence and is not logged as a fault."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from unittest.mock import patch

import pytest
from PySide6.QtWidgets import QMessageBox

from kamdesk.domain.errors import KamdeskError
from kamdesk.services.paths import LOG_COPIES, start_log
from kamdesk.ui.errors import show_error


@pytest.fixture
def log_file(tmp_path: Path, qapp: object) -> Iterator[Path]:
    path = start_log(tmp_path / "logs")
    assert path is not None
    yield path
    logger = logging.getLogger("kamdesk")
    for handler in list(logger.handlers):
        if getattr(handler, "baseFilename", "") == str(path):
            logger.removeHandler(handler)
            handler.close()


def shown(exc: BaseException) -> QMessageBox:
    boxes: list[QMessageBox] = []
    with patch.object(QMessageBox, "exec", lambda box: boxes.append(box) or 0):
        show_error(None, exc)
    return boxes[0]


def failing() -> None:
    {}["missing"]  # a bug on purpose


def test_a_bug_shows_a_sentence_with_details_and_its_traceback_goes_to_the_log(
    log_file: Path,
) -> None:
    try:
        failing()
    except KeyError as exc:
        box = shown(exc)
    assert "Traceback" not in box.text() and "KeyError" in box.text()
    assert "in failing" in box.detailedText()
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR kamdesk.ui: unexpected error" in logged and "in failing" in logged


def test_a_refusal_is_a_sentence_and_not_logged_as_a_fault(log_file: Path) -> None:
    box = shown(KamdeskError("没有这个客户"))
    assert box.text() == "没有这个客户" and box.detailedText() == ""
    assert "没有这个客户" not in log_file.read_text(encoding="utf-8")


def test_the_log_rotates_and_is_set_up_once(log_file: Path) -> None:
    assert start_log(log_file.parent) == log_file
    handlers = [
        h
        for h in logging.getLogger("kamdesk").handlers
        if getattr(h, "baseFilename", "") == str(log_file)
    ]
    assert len(handlers) == 1
    handlers[0].maxBytes = 2000  # type: ignore[attr-defined]
    for n in range(200):
        logging.getLogger("kamdesk.test").warning("line %d %s", n, "x" * 50)
    files = sorted(log_file.parent.glob("kamdesk.log*"))
    assert len(files) == LOG_COPIES + 1
