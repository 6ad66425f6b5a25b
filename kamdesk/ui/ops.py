"""Long work off the GUI thread: one helper runs a function in the background with a progress
dialog and Cancel, then calls back on the GUI thread and announces what changed."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kamdesk.i18n import _

T = TypeVar("T")


class Cancelled(Exception):
    """The user pressed Cancel; the work stopped at a safe point."""


class Progress:
    """Handed to the background function: report progress, and learn about Cancel."""

    def __init__(self, emit: Callable[[int, int], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        """Report `done` of `total`; raises Cancelled once the user has cancelled."""
        if self._cancel.is_set():
            raise Cancelled
        self._emit(done, total)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.progress = Progress(signals.progressed.emit)

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as exc:  # delivered to the GUI thread, shown as a sentence there
            self._deliver(self.signals.failed, exc)
        else:
            self._deliver(self.signals.finished, result)

    @staticmethod
    def _deliver(signal: Any, value: object) -> None:
        # RuntimeError: the application is closing and nobody is left to tell
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


class Op(Generic[T]):
    """`Op(parent, label, work).on_success(cb).run()`: work(progress) runs in the thread pool."""

    running: ClassVar[set[Op[Any]]] = set()  # keeps each op alive until its callbacks have run

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Callable[[Progress], T],
        *,
        modal: bool = True,
    ) -> None:
        self.parent = parent
        self.label = label
        self.signals = _Signals()
        self.job = _Job(work, self.signals)
        self.job.setAutoDelete(False)
        self.dialog: QProgressDialog | None = None
        self.modal = modal
        self._success: Callable[[T], None] = lambda _result: None
        self._failure: Callable[[BaseException], None] | None = None

    def on_success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def on_failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        self._failure = callback
        return self

    def run(self) -> Op[T]:
        if self.modal:
            dialog = QProgressDialog(self.label, _("Cancel"), 0, 0, self.parent)
            dialog.setWindowTitle("kamdesk")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(300)
            dialog.canceled.connect(self.job.progress.cancel)
            self.dialog = dialog
        self.signals.progressed.connect(self._progressed)
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        Op.running.add(self)
        QThreadPool.globalInstance().start(self.job)
        return self

    def cancel(self) -> None:
        self.job.progress.cancel()

    @classmethod
    def finish_all(cls) -> None:
        """At exit: ask every running op to stop and wait until the pool is idle, so no job is
        still reading the archive while it is being closed. The ops stay referenced: their
        queued signals may still be delivered if an event loop runs again."""
        for op in list(cls.running):
            op.cancel()
        QThreadPool.globalInstance().waitForDone()

    def _progressed(self, done: int, total: int) -> None:
        if self.dialog is not None and not self.job.progress.cancelled:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, total))

    def _close(self) -> None:
        Op.running.discard(self)
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None

    def _finished(self, result: T) -> None:
        self._close()
        self._success(result)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if isinstance(exc, Cancelled):
            return
        if self._failure is not None:
            self._failure(exc)
        else:
            from kamdesk.ui.errors import show_error

            show_error(self.parent, exc)
