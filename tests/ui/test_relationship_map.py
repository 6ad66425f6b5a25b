"""The relationship map: org chart from the reporting lines, levels flagged where we know nobody
well, line widths from relationship strength, and a click opens the person."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kamdesk.domain.enums import Attitude, ContactLevel
from kamdesk.ui.relationship_map import Box, Person, RelationshipMap, chart
from tests.conftest import Customer


def overlap(a: Box, b: Box) -> bool:
    return not (
        a.left + a.width <= b.left
        or b.left + b.width <= a.left
        or a.bottom <= b.top
        or b.bottom <= a.top
    )


def hengrui(customer: Customer) -> list[Person]:
    return [Person.of(c) for c in (customer.buyer, customer.vp, customer.owner)]


def test_the_owner_is_above_the_vp_who_is_above_the_buyer(customer: Customer) -> None:
    drawn = chart(hengrui(customer))
    owner, vp, buyer = (drawn.box_of(c.id) for c in (customer.owner, customer.vp, customer.buyer))
    assert owner.bottom < vp.top and vp.bottom < buyer.top
    assert (owner.row, vp.row, buyer.row) == (0, 1, 3)  # no director: that row stays empty
    assert {(link.child_id, link.manager_id) for link in drawn.links} == {
        (customer.vp.id, customer.owner.id),
        (customer.buyer.id, customer.vp.id),
    }


def test_every_level_without_a_strong_relationship_is_flagged(customer: Customer) -> None:
    assert chart(hengrui(customer)).uncovered == tuple(ContactLevel)
    people = hengrui(customer)
    people[1] = Person(**{**people[1].__dict__, "strength": 4})  # the VP knows us well
    people[2] = Person(**{**people[2].__dict__, "strength": 2})  # the owner barely
    drawn = chart(people)
    assert drawn.uncovered == (
        ContactLevel.OWNER,
        ContactLevel.DIRECTOR,
        ContactLevel.MANAGER,
        ContactLevel.STAFF,
    )
    vp_band = next(b for b in drawn.bands if b.level is ContactLevel.VP)
    assert vp_band.covered and vp_band.people == 1


def test_line_width_follows_strength_and_an_unknown_strength_is_dashed() -> None:
    people = [
        Person("boss", "王总", level=ContactLevel.OWNER),
        Person("a", "李强", level=ContactLevel.DIRECTOR, strength=5, reports_to_id="boss"),
        Person("b", "赵敏", level=ContactLevel.DIRECTOR, reports_to_id="boss"),
    ]
    links = {link.child_id: link for link in chart(people).links}
    assert (links["a"].width, links["a"].dashed) == (5, False)
    assert (links["b"].width, links["b"].dashed) == (1, True)


def test_people_are_never_drawn_on_top_of_each_other() -> None:
    people = [Person("boss", "王总", level=ContactLevel.OWNER)]
    for n in range(3):
        people.append(Person(f"vp{n}", f"副总{n}", level=ContactLevel.VP, reports_to_id="boss"))
        for m in range(3):
            people.append(
                Person(f"s{n}{m}", f"员工{n}{m}", level=ContactLevel.STAFF, reports_to_id=f"vp{n}")
            )
    # levels set the other way round, no level at all, and a loner with no manager
    people.append(Person("odd", "钱多", level=ContactLevel.OWNER, reports_to_id="s00"))
    people.append(Person("nolevel", "孙立", reports_to_id="vp1"))
    people.append(Person("loner", "周一", level=ContactLevel.MANAGER))
    drawn = chart(people)
    assert len(drawn.boxes) == len(people)
    for a, b in combinations(drawn.boxes, 2):
        assert not overlap(a, b), (a.person.name, b.person.name)
    for link in drawn.links:
        assert drawn.box_of(link.manager_id).bottom < drawn.box_of(link.child_id).top
    assert drawn.box_of("odd").row > drawn.box_of("s00").row  # below their manager anyway
    assert drawn.width >= max(b.left + b.width for b in drawn.boxes)


def test_a_reporting_circle_still_shows_everyone_once() -> None:
    people = [
        Person("a", "甲", level=ContactLevel.DIRECTOR, reports_to_id="b"),
        Person("b", "乙", level=ContactLevel.DIRECTOR, reports_to_id="a"),
    ]
    drawn = chart(people)
    assert sorted(b.person.id for b in drawn.boxes) == ["a", "b"]
    assert len(drawn.links) == 1


def test_clicking_a_person_opens_them(qtbot: QtBot, customer: Customer) -> None:
    widget = RelationshipMap()
    qtbot.addWidget(widget)
    widget.set_people(hengrui(customer))
    widget.show()
    box = widget.chart.box_of(customer.vp.id)
    with qtbot.waitSignal(widget.contact_clicked) as clicked:
        qtbot.mouseClick(
            widget, Qt.MouseButton.LeftButton, pos=QPoint(int(box.centre_x), int(box.top + 10))
        )
    assert clicked.args == [customer.vp.id]
    with qtbot.assertNotEmitted(widget.contact_clicked):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(5, int(widget.height() - 5)))


def test_the_map_paints_every_attitude(qtbot: QtBot) -> None:
    widget = RelationshipMap()
    qtbot.addWidget(widget)
    people = [
        Person("a", "单田芳", "董事长", ContactLevel.OWNER, Attitude.SUPPORTER, 5, "李静"),
        Person("b", "曾国华", "副总", ContactLevel.VP, Attitude.NEUTRAL, 3, "", "a"),
        Person("c", "欧阳娜娜", "采购经理", ContactLevel.MANAGER, Attitude.OPPONENT, 1, "", "b"),
        Person("d", "无名", "", None, None, None, "", "c"),
    ]
    widget.set_people(people)
    widget.resize(widget.sizeHint())
    image = widget.grab().toImage()
    assert image.width() >= widget.chart.width - 1
    supporter = widget.chart.box_of("a")
    colour = image.pixelColor(int(supporter.centre_x), int(supporter.bottom - 4))
    assert colour.name() == "#d5f5e3"  # supporters are green
