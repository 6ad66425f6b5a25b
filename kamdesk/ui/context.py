"""What every page is given: the workbench, the undo stack and the change notifier."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from kamdesk.ui.errors import show_error

if TYPE_CHECKING:  # imported when the archive opens, after the window is on screen
    from kamdesk.services.workbench import Workbench


class Notifier(QObject):
    """One signal after any change to the archive, so each screen refreshes if it cares."""

    changed = Signal()
    open_account = Signal(str)  # account id
    open_contact = Signal(str)  # contact id
    lock_requested = Signal()  # lock the archive now (the window shows its lock screen)


class Context:
    """The open archive and the desktop's shared services.

    At start-up the window is shown before the archive is open (`wb` None); `attach` hands it
    the archive once it is.
    """

    def __init__(
        self, wb: Workbench | None, settings: QSettings, parent: QObject | None = None
    ) -> None:
        self._wb = wb
        self.settings = settings
        self.notifier = Notifier(parent)
        self.undo = QUndoStack(parent)

    @property
    def wb(self) -> Workbench:
        if self._wb is None:
            raise RuntimeError("the archive is not open yet")
        return self._wb

    @property
    def is_open(self) -> bool:
        return self._wb is not None

    def attach(self, wb: Workbench) -> None:
        self._wb = wb

    def commit(self, command: Change) -> Any:
        """Do `command` now and put it on the undo stack; errors propagate, nothing is kept."""
        command.apply()
        self.undo.push(command)
        self.notifier.changed.emit()
        return command.result

    def run(self, parent: QWidget | None, command: Change) -> bool:
        """Like `commit`, but a failure is shown to the user as a sentence."""
        try:
            self.commit(command)
        except Exception as exc:
            show_error(parent, exc)
            return False
        return True


class Change(QUndoCommand):
    """An undoable change: `do` and `undo` call services; the first `redo` is already done."""

    def __init__(
        self,
        text: str,
        do: Callable[[], Any],
        undo: Callable[[], Any],
        notifier: Notifier,
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._notifier = notifier
        self._done = False
        self.result: Any = None

    def apply(self) -> None:
        self.result = self._do()
        self._done = True

    def redo(self) -> None:
        if self._done:  # pushed right after apply(): nothing more to do
            return
        self._guarded(self._do)
        self._done = True

    def undo(self) -> None:
        self._guarded(self._undo)
        self._done = False

    def _guarded(self, step: Callable[[], Any]) -> None:
        try:
            step()
        except Exception as exc:  # e.g. the record was changed since: say so, keep the stack usable
            show_error(None, exc)
            self.setObsolete(True)
        self._notifier.changed.emit()


def creation(ctx: Context, text: str, create: Callable[[], Any], service: Any) -> Change:
    """Undoable create: undo deletes the new record, redo brings the same record back."""
    made: dict[str, str] = {}

    def do() -> Any:
        if "id" in made:
            return service.restore(made["id"])
        record = create()
        made["id"] = record.id
        return record

    return Change(text, do, lambda: service.delete(made["id"]), ctx.notifier)


def edit(
    ctx: Context, text: str, service: Any, record_id: str, old: dict[str, Any], new: dict[str, Any]
) -> Change:
    """Undoable update of the fields in `new`; undo writes back their `old` values."""
    return Change(
        text,
        lambda: service.update(record_id, **new),
        lambda: service.update(record_id, **old),
        ctx.notifier,
    )


def deletion(ctx: Context, text: str, service: Any, record_id: str) -> Change:
    """Undoable delete (the record and what hangs on it); undo restores exactly that."""
    return Change(
        text,
        lambda: service.delete(record_id),
        lambda: service.restore(record_id),
        ctx.notifier,
    )
