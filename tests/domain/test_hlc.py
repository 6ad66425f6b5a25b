"""The hybrid logical clock keeps edits in order even when wall clocks are wrong."""

from kamdesk.domain.hlc import HybridClock, Stamp


def fixed(ms: int):
    return lambda: ms


def test_stamps_from_one_clock_always_increase_even_if_the_wall_clock_stalls() -> None:
    clock = HybridClock("a", wall=fixed(1000))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 5


def test_a_clock_set_back_in_time_still_issues_later_stamps() -> None:
    clock = HybridClock("a", last=Stamp(5000, 3, "a"), wall=fixed(1000))
    assert clock.now() > Stamp(5000, 3, "a")


def test_receiving_a_stamp_from_a_fast_laptop_moves_this_clock_past_it() -> None:
    clock = HybridClock("a", wall=fixed(1000))
    remote = Stamp(9000, 7, "b")
    assert clock.receive(remote) > remote
    assert clock.now() > remote


def test_encoded_stamps_sort_as_the_stamps_do() -> None:
    stamps = [Stamp(999, 12, "b"), Stamp(1000, 2, "a"), Stamp(1000, 10, "a"), Stamp(1000, 10, "b")]
    encoded = [s.encode() for s in stamps]
    assert sorted(encoded) == encoded
    assert [Stamp.decode(e) for e in encoded] == stamps
