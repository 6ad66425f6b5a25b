"""The relationship map of an account as plain geometry: its org chart from the reporting
lines, each person coloured by their attitude to us, lines as thick as our relationship, and each
level of the organisation where we know nobody well flagged at the side.

`chart(people)` computes the whole picture; the desktop paints it with QPainter
(ui/relationship_map.py) and printed dossiers draw it (documents/figures.py), with the same
colours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from kamdesk.domain.enums import Attitude, ContactLevel
from kamdesk.domain.health import STRONG

BOX_W, BOX_H = 164.0, 78.0
H_GAP, ROW_GAP = 20.0, 48.0
SIDE_W = 164.0
"""The column at the left: each level's name, and its flag when nobody there is close to us."""
MARGIN = 14.0
LEGEND_H = 56.0
MIN_WIDTH = 660.0
"""Room for the legend under a small chart."""

LEVELS = tuple(ContactLevel)
NO_LEVEL_ROW = len(LEVELS)
"""People whose level is not set sit below staff (or below their manager)."""


class _ContactLike(Protocol):
    id: str
    name: str
    title: str
    level: ContactLevel | None
    attitude: Attitude | None
    strength: int | None
    our_owner: str
    reports_to_id: str | None


@dataclass(frozen=True)
class Person:
    """What the map needs of a contact."""

    id: str
    name: str
    title: str = ""
    level: ContactLevel | None = None
    attitude: Attitude | None = None
    strength: int | None = None
    our_owner: str = ""
    reports_to_id: str | None = None

    @classmethod
    def of(cls, contact: _ContactLike) -> Person:
        return cls(
            contact.id,
            contact.name,
            contact.title or "",
            contact.level,
            contact.attitude,
            contact.strength,
            contact.our_owner or "",
            contact.reports_to_id,
        )


@dataclass(frozen=True)
class Box:
    """A person's place on the map."""

    person: Person
    row: int
    left: float
    top: float
    width: float = BOX_W
    height: float = BOX_H

    @property
    def centre_x(self) -> float:
        return self.left + self.width / 2

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.left + self.width and self.top <= y <= self.bottom


@dataclass(frozen=True)
class Link:
    """The line from a person up to their manager: a polyline from the manager down."""

    child_id: str
    manager_id: str
    width: int  # 1–5 from the relationship strength; 1 when unknown
    dashed: bool  # strength unknown
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Band:
    """One row of the map. Rows 0–4 are the organisation's levels, owner first."""

    row: int
    level: ContactLevel | None  # None for rows below staff
    top: float
    height: float
    covered: bool  # someone at this level has a relationship strength of STRONG or more
    people: int  # how many people of this level the account has


@dataclass(frozen=True)
class Chart:
    boxes: tuple[Box, ...]
    links: tuple[Link, ...]
    bands: tuple[Band, ...]
    width: float
    height: float
    legend_top: float

    def box_of(self, person_id: str) -> Box:
        return next(b for b in self.boxes if b.person.id == person_id)

    def box_at(self, x: float, y: float) -> Box | None:
        return next((b for b in self.boxes if b.contains(x, y)), None)

    @property
    def uncovered(self) -> tuple[ContactLevel, ...]:
        """Levels where nobody has a relationship strength of STRONG or more, top first."""
        return tuple(b.level for b in self.bands if b.level is not None and not b.covered)


def covered_levels(people: Iterable[Person]) -> set[ContactLevel]:
    """Levels where at least one person is close to us (strength >= STRONG)."""
    return {
        p.level
        for p in people
        if p.level is not None and p.strength is not None and p.strength >= STRONG
    }


def _order(person: Person) -> tuple[int, str, str]:
    rank = LEVELS.index(person.level) if person.level is not None else NO_LEVEL_ROW
    return rank, person.name, person.id


def _forest(people: Sequence[Person]) -> tuple[list[Person], dict[str, list[Person]]]:
    """Roots and children by manager; a reporting line out of the account or round in a circle
    is cut, so everyone appears exactly once."""
    by_id = {p.id: p for p in people}
    children: dict[str, list[Person]] = {p.id: [] for p in people}
    roots = []
    for person in people:
        boss = person.reports_to_id
        if boss and boss in by_id and boss != person.id:
            children[boss].append(person)
        else:
            roots.append(person)
    for kids in children.values():
        kids.sort(key=_order)
    roots.sort(key=_order)
    seen: set[str] = set()

    def walk(person: Person) -> None:
        stack = [person]
        while stack:
            current = stack.pop()
            if current.id in seen:
                continue
            seen.add(current.id)
            stack.extend(children[current.id])

    for root in roots:
        walk(root)
    for person in sorted(people, key=_order):  # only people in a reporting circle are left
        if person.id not in seen:
            boss = person.reports_to_id or ""
            children[boss] = [c for c in children.get(boss, []) if c.id != person.id]
            roots.append(person)
            walk(person)
    return roots, children


def chart(people: Sequence[Person]) -> Chart:
    """Where every box, line and level band goes.

    Rows follow the levels (owner → staff); a person sits at their level's row but always below
    their manager. Leaves take one slot each from left to right and a manager is centred over
    their people, so boxes never overlap and lines never cross a box.
    """
    roots, children = _forest(people)
    row: dict[str, int] = {}
    slot: dict[str, float] = {}
    next_slot = 0

    def place(person: Person, manager_row: int | None) -> None:
        nonlocal next_slot
        if person.level is not None:
            own = LEVELS.index(person.level)
        else:
            own = NO_LEVEL_ROW if manager_row is None else manager_row + 1
        row[person.id] = own if manager_row is None else max(own, manager_row + 1)
        kids = children.get(person.id, [])
        if not kids:
            slot[person.id] = next_slot
            next_slot += 1
            return
        for kid in kids:
            place(kid, row[person.id])
        slot[person.id] = (slot[kids[0].id] + slot[kids[-1].id]) / 2

    for root in roots:
        place(root, None)

    rows = max([len(LEVELS) - 1, *row.values()]) + 1
    pitch = BOX_H + ROW_GAP

    def top_of(number: int) -> float:
        return number * pitch + ROW_GAP / 2

    boxes = tuple(
        Box(p, row[p.id], SIDE_W + MARGIN + slot[p.id] * (BOX_W + H_GAP), top_of(row[p.id]))
        for p in sorted(people, key=lambda p: (row[p.id], slot[p.id]))
    )
    placed = {b.person.id: b for b in boxes}
    links = []
    for box in boxes:
        boss = box.person.reports_to_id
        if not boss or boss not in placed or box.person not in children.get(boss, []):
            continue
        above = placed[boss]
        turn = above.bottom + ROW_GAP / 2
        strength = box.person.strength
        links.append(
            Link(
                box.person.id,
                boss,
                strength if strength is not None else 1,
                strength is None,
                (
                    (above.centre_x, above.bottom),
                    (above.centre_x, turn),
                    (box.centre_x, turn),
                    (box.centre_x, box.top),
                ),
            )
        )
    covered = covered_levels(people)
    bands = tuple(
        Band(
            number,
            LEVELS[number] if number < len(LEVELS) else None,
            number * pitch,
            pitch,
            number < len(LEVELS) and LEVELS[number] in covered,
            sum(1 for p in people if number < len(LEVELS) and p.level is LEVELS[number]),
        )
        for number in range(rows)
    )
    slots = max(next_slot, 1)
    width = max(SIDE_W + 2 * MARGIN + slots * (BOX_W + H_GAP) - H_GAP, MIN_WIDTH)
    legend_top = rows * pitch
    return Chart(boxes, tuple(links), bands, width, legend_top + LEGEND_H, legend_top)


# colours, shared by the screen and the printed map ------------------------------------------

FILL = {
    Attitude.SUPPORTER: "#d5f5e3",
    Attitude.NEUTRAL: "#fdebd0",
    Attitude.OPPONENT: "#f5b7b1",
    None: "#ffffff",
}
EDGE = {
    Attitude.SUPPORTER: "#1e8449",
    Attitude.NEUTRAL: "#b9770e",
    Attitude.OPPONENT: "#c0392b",
    None: "#7f8c8d",
}
LINE = "#566573"
FLAG = "#c0392b"
MUTED = "#7f8c8d"


def strength_dots(strength: int | None) -> str:
    """Relationship strength 1–5 as ●●●○○ (empty when unknown)."""
    return "●" * strength + "○" * (5 - strength) if strength else ""
