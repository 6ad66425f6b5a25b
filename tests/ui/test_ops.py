"""Background work: results come back on the GUI thread, Cancel stops at a safe point, and the
application does not close the archive under a job that is still running."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from kamdesk.ui.ops import Cancelled, Op, Progress


def test_result_arrives_through_on_success(qtbot: QtBot) -> None:
    got: list[int] = []
    Op(None, "adding", lambda progress: 2 + 3, modal=False).on_success(got.append).run()
    qtbot.waitUntil(lambda: got == [5])
    assert not Op.running


def test_failure_goes_to_on_failure_not_to_a_dialog(qtbot: QtBot) -> None:
    failures: list[BaseException] = []

    def work(progress: Progress) -> None:
        raise ValueError("bad row")

    Op(None, "failing", work, modal=False).on_failure(failures.append).run()
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert str(failures[0]) == "bad row"


def test_finish_all_cancels_and_waits_for_running_jobs(qtbot: QtBot) -> None:
    started = threading.Event()
    stopped: list[str] = []

    def work(progress: Progress) -> None:
        started.set()
        try:
            while True:
                progress(0, 1)
                threading.Event().wait(0.01)
        except Cancelled:
            stopped.append("cancelled")
            raise

    Op(None, "looping", work, modal=False).run()
    assert started.wait(5)
    Op.finish_all()
    # finish_all returned only after the job had seen Cancel and left the pool
    assert stopped == ["cancelled"]
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    qtbot.waitUntil(lambda: not Op.running)  # the Cancelled report still reaches the op
