"""Hybrid logical clock stamps: ordered across machines even when their wall clocks disagree."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

_WALL_DIGITS = 13  # milliseconds since 1970 fit in 13 digits until the year 2286
_COUNTER_DIGITS = 6


@dataclass(frozen=True, order=True)
class Stamp:
    """A point in hybrid logical time; comparison orders by (wall, counter, node)."""

    wall_ms: int
    counter: int
    node: str

    def encode(self) -> str:
        """A string that sorts the same way as the stamp itself."""
        return f"{self.wall_ms:0{_WALL_DIGITS}d}.{self.counter:0{_COUNTER_DIGITS}d}.{self.node}"

    @classmethod
    def decode(cls, text: str) -> Stamp:
        """Parse the form written by `encode`."""
        wall, counter, node = text.split(".", 2)
        return cls(int(wall), int(counter), node)


class HybridClock:
    """Issues stamps for one installation (`node`); never goes backwards."""

    def __init__(
        self,
        node: str,
        last: Stamp | None = None,
        wall: Callable[[], int] = lambda: time.time_ns() // 1_000_000,
    ) -> None:
        self.node = node
        self._wall = wall
        self._last = last or Stamp(0, 0, node)

    @property
    def last(self) -> Stamp:
        """The most recent stamp issued or received."""
        return self._last

    def now(self) -> Stamp:
        """A stamp later than every stamp this clock has issued or received."""
        wall = self._wall()
        if wall > self._last.wall_ms:
            stamp = Stamp(wall, 0, self.node)
        else:
            stamp = Stamp(self._last.wall_ms, self._last.counter + 1, self.node)
        self._last = stamp
        return stamp

    def receive(self, remote: Stamp) -> Stamp:
        """Advance past a stamp seen from another installation and return a fresh local stamp."""
        wall = self._wall()
        top = max(wall, self._last.wall_ms, remote.wall_ms)
        if top == self._last.wall_ms == remote.wall_ms:
            counter = max(self._last.counter, remote.counter) + 1
        elif top == self._last.wall_ms:
            counter = self._last.counter + 1
        elif top == remote.wall_ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._last = Stamp(top, counter, self.node)
        return self._last
