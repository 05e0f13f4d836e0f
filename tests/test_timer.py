"""Timer arithmetic from explicit clock readings: no sleeping, no drift."""

from __future__ import annotations

import random

import pytest

from potential_deck.core.session.models import TimerSnapshot
from potential_deck.core.session.timer import Timer, card_budget, clock_face, display, followed_elapsed

T0 = 1_000.0  # an arbitrary monotonic clock reading


def test_for_minutes_makes_a_paused_timer_with_that_budget() -> None:
    timer = Timer.for_minutes(10)
    assert timer.budget == 600
    assert not timer.running
    assert timer.elapsed(T0) == 0


def test_a_card_budget_is_the_saved_one_when_there_is_one() -> None:
    assert card_budget(420, 10) == 420


def test_a_card_budget_is_the_cards_minutes_when_none_was_saved() -> None:
    assert card_budget(0, 10) == 600


def test_a_paused_timer_does_not_count() -> None:
    timer = Timer.for_minutes(10)
    assert timer.elapsed(T0 + 500) == 0


def test_a_running_timer_counts_from_its_start() -> None:
    timer = Timer.for_minutes(10).start(T0)
    assert timer.running
    assert timer.elapsed(T0 + 42) == 42


def test_pause_keeps_what_was_counted_and_stops_counting() -> None:
    timer = Timer.for_minutes(10).start(T0).pause(T0 + 30)
    assert not timer.running
    assert timer.elapsed(T0 + 30) == 30
    assert timer.elapsed(T0 + 1_000) == 30


def test_resume_adds_to_what_was_counted_before() -> None:
    timer = Timer.for_minutes(10).start(T0).pause(T0 + 30).start(T0 + 100)
    assert timer.elapsed(T0 + 110) == 40


def test_starting_a_running_timer_does_not_restart_it() -> None:
    timer = Timer.for_minutes(10).start(T0).start(T0 + 50)
    assert timer.elapsed(T0 + 60) == 60


def test_pausing_a_paused_timer_changes_nothing() -> None:
    timer = Timer.for_minutes(10).start(T0).pause(T0 + 30)
    assert timer.pause(T0 + 90) == timer


def test_toggle_starts_then_pauses() -> None:
    timer = Timer.for_minutes(10).toggle(T0)
    assert timer.running
    timer = timer.toggle(T0 + 25)
    assert not timer.running
    assert timer.elapsed(T0 + 99) == 25


def test_a_clock_going_backwards_never_counts_negative_time() -> None:
    timer = Timer.for_minutes(10).start(T0)
    assert timer.elapsed(T0 - 5) == 0


def test_add_minute_adds_sixty_seconds_of_budget_and_keeps_the_count() -> None:
    timer = Timer.for_minutes(10).start(T0).add_minute()
    assert timer.budget == 660
    assert timer.running
    assert timer.remaining(T0 + 600) == 60


def test_reset_goes_back_to_full_budget_paused() -> None:
    timer = Timer.for_minutes(10).add_minute().start(T0).reset()
    assert not timer.running
    assert timer.elapsed(T0 + 100) == 0
    assert timer.budget == 660  # added minutes stay: reset clears the count, not the budget


def test_remaining_counts_down_to_zero_and_stops_there() -> None:
    timer = Timer.for_minutes(1).start(T0)
    assert timer.remaining(T0 + 20) == 40
    assert timer.remaining(T0 + 60) == 0
    assert timer.remaining(T0 + 90) == 0


def test_overtime_is_zero_until_the_budget_is_used_then_counts_up() -> None:
    timer = Timer.for_minutes(1).start(T0)
    assert timer.overtime(T0 + 59) == 0
    assert timer.overtime(T0 + 75) == 15


def test_is_over_from_the_moment_the_budget_is_used() -> None:
    timer = Timer.for_minutes(1).start(T0)
    assert not timer.is_over(T0 + 59.9)
    assert timer.is_over(T0 + 60)


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [(0, False), (539, False), (540, True), (570, True), (599.5, True), (600, False), (700, False)],
)
def test_in_last_minute(elapsed: float, expected: bool) -> None:
    timer = Timer.for_minutes(10).start(T0)
    assert timer.in_last_minute(T0 + elapsed) is expected


def test_display_of_a_fresh_timer_is_the_full_budget_idle() -> None:
    assert display(Timer.for_minutes(10), T0) == ("10:00", "idle")


def test_display_while_running() -> None:
    timer = Timer.for_minutes(10).start(T0)
    assert display(timer, T0 + 1) == ("9:59", "running")


def test_display_rounds_a_partial_second_up_while_counting_down() -> None:
    timer = Timer.for_minutes(10).start(T0)
    assert display(timer, T0 + 0.25) == ("10:00", "running")


def test_display_paused_midway_is_idle() -> None:
    timer = Timer.for_minutes(10).start(T0).pause(T0 + 150)
    assert display(timer, T0 + 999) == ("7:30", "idle")


def test_display_in_the_last_minute() -> None:
    timer = Timer.for_minutes(10).start(T0)
    assert display(timer, T0 + 541) == ("0:59", "last")


def test_display_over_time_shows_a_plus_and_counts_up() -> None:
    timer = Timer.for_minutes(10).start(T0)
    assert display(timer, T0 + 605) == ("+0:05", "over")
    assert display(timer, T0 + 725.9) == ("+2:05", "over")


def test_display_at_exactly_zero_is_over() -> None:
    timer = Timer.for_minutes(1).start(T0)
    assert display(timer, T0 + 60) == ("+0:00", "over")


@pytest.mark.parametrize(
    ("seconds", "face"), [(0, "0:00"), (59, "0:59"), (60, "1:00"), (61.2, "1:02"), (3600, "60:00")]
)
def test_clock_face(seconds: float, face: str) -> None:
    assert clock_face(seconds) == face


def test_snapshot_records_budget_elapsed_running_and_wall_time() -> None:
    snap = Timer.for_minutes(5).start(T0).snapshot(T0 + 12, wall=1_700_000_000.0)
    assert snap == TimerSnapshot(budget=300, elapsed=12, running=True, at=1_700_000_000.0)


def test_snapshot_round_trip_keeps_running_from_now() -> None:
    timer = Timer.for_minutes(5).add_minute().start(T0)
    snap = timer.snapshot(T0 + 12, wall=1_700_000_000.0)
    restored = Timer.from_snapshot(snap, now=50.0, keep_running=True)
    assert restored.budget == 360
    assert restored.running
    assert restored.elapsed(50.0) == 12
    assert restored.elapsed(58.0) == 20


def test_snapshot_round_trip_paused_unless_asked_to_keep_running() -> None:
    snap = Timer.for_minutes(5).start(T0).snapshot(T0 + 12, wall=0.0)
    restored = Timer.from_snapshot(snap, now=50.0, keep_running=False)
    assert not restored.running
    assert restored.elapsed(500.0) == 12


def test_snapshot_of_a_paused_timer_stays_paused_when_restored() -> None:
    snap = Timer.for_minutes(5).start(T0).pause(T0 + 7).snapshot(T0 + 30, wall=0.0)
    assert not snap.running
    restored = Timer.from_snapshot(snap, now=0.0, keep_running=True)
    assert not restored.running
    assert restored.elapsed(100.0) == 7


def test_followed_elapsed_adds_wall_time_while_running() -> None:
    snap = TimerSnapshot(budget=600, elapsed=30.0, running=True, at=1_700_000_000.0)
    assert followed_elapsed(snap, 1_700_000_045.0) == 75.0


def test_followed_elapsed_adds_nothing_while_paused() -> None:
    snap = TimerSnapshot(budget=600, elapsed=30.0, running=False, at=1_700_000_000.0)
    assert followed_elapsed(snap, 1_700_000_045.0) == 30.0


def test_followed_elapsed_ignores_a_wall_clock_behind_the_snapshot() -> None:
    snap = TimerSnapshot(budget=600, elapsed=30.0, running=True, at=1_700_000_000.0)
    assert followed_elapsed(snap, 1_699_999_990.0) == 30.0


def test_many_start_pause_cycles_do_not_drift() -> None:
    rng = random.Random(20250314)
    timer = Timer.for_minutes(45)
    now = 123_456.0
    counted = 0.0
    for _ in range(5_000):
        run = rng.randint(1, 400) / 4  # quarter seconds: exact in binary floating point
        gap = rng.randint(0, 400) / 4
        timer = timer.start(now)
        now += run
        counted += run
        timer = timer.pause(now)
        now += gap
    assert timer.elapsed(now) == counted
    assert timer.overtime(now) == counted - 45 * 60
