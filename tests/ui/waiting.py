"""Waiting for a page's background read in tests.

`qtbot.waitSignal` and `qtbot.waitUntil` run nested QEventLoops. Once a test has quit the
application's own event loop (tests/ui/test_app.py runs `kamdesk` and quits it), a nested loop
returns at once for the rest of the session, so timers and results from the thread pool are
never delivered through it. `QTest.qWait` processes events without a nested loop; these
helpers poll with it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtTest import QTest

TIMEOUT_MS = 10_000
STEP_MS = 10


def wait_until(check: Callable[[], bool], timeout: int = TIMEOUT_MS) -> None:
    """Process events until `check()` holds; AssertionError after `timeout` ms."""
    end = time.monotonic() + timeout / 1000
    while not check():
        if time.monotonic() > end:
            raise AssertionError(f"still waiting after {timeout} ms")
        QTest.qWait(STEP_MS)


@contextmanager
def arrives(
    _qtbot: object, signal: Any, timeout: int = TIMEOUT_MS
) -> Iterator[list[tuple[Any, ...]]]:
    """Run the block, then wait until `signal` has been emitted (during or after it).

    Yields the list of the emissions' arguments.
    """
    seen: list[tuple[Any, ...]] = []

    def note(*args: Any) -> None:
        seen.append(args)

    signal.connect(note)
    try:
        yield seen
        wait_until(lambda: bool(seen), timeout)
    finally:
        signal.disconnect(note)
