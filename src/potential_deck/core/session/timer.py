"""Card timer arithmetic from an injected clock: pure values, no sleeping, no drift.

A `Timer` counts elapsed time as `accumulated` plus, while running, `now - started`.
Every method takes the clock reading `now` (seconds, from any monotonic clock) and
returns a new Timer, so the UI only ever asks "what does it say at this moment?".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the models load after the first card is drawn (see core.deck.first_card)
    from potential_deck.core.session.models import TimerSnapshot

MINUTE = 60
LAST_MINUTE = 60


def card_budget(saved: int, minutes: int) -> int:
    """A card's timer budget in seconds: the one saved for it (`saved`, 0: none yet), else the
    card's own `minutes`."""
    return saved if saved > 0 else minutes * MINUTE


@dataclass(frozen=True, slots=True)
class Timer:
    """A countdown with a budget that counts on as overtime after zero."""

    budget: int
    accumulated: float = 0.0
    started: float | None = None

    @classmethod
    def for_minutes(cls, minutes: int) -> Timer:
        """A fresh, paused timer of `minutes`."""
        return cls(budget=card_budget(0, minutes))

    @property
    def running(self) -> bool:
        """Whether the timer is counting."""
        return self.started is not None

    def elapsed(self, now: float) -> float:
        """Seconds counted at clock reading `now`."""
        if self.started is None:
            return self.accumulated
        return self.accumulated + max(0.0, now - self.started)

    def remaining(self, now: float) -> float:
        """Seconds left before zero; 0 once over time."""
        return max(0.0, self.budget - self.elapsed(now))

    def overtime(self, now: float) -> float:
        """Seconds past zero; 0 while time is left."""
        return max(0.0, self.elapsed(now) - self.budget)

    def is_over(self, now: float) -> bool:
        """Whether the budget is used up."""
        return self.elapsed(now) >= self.budget

    def in_last_minute(self, now: float) -> bool:
        """Whether less than a minute is left (and the budget is not yet used up)."""
        return 0 < self.remaining(now) <= LAST_MINUTE

    def start(self, now: float) -> Timer:
        """Start counting (a running timer stays as it is)."""
        return self if self.running else replace(self, started=now)

    def pause(self, now: float) -> Timer:
        """Stop counting, keeping what was counted."""
        if not self.running:
            return self
        return replace(self, accumulated=self.elapsed(now), started=None)

    def toggle(self, now: float) -> Timer:
        """Start when paused, pause when running."""
        return self.pause(now) if self.running else self.start(now)

    def add_minute(self) -> Timer:
        """One more minute of budget."""
        return replace(self, budget=self.budget + MINUTE)

    def reset(self) -> Timer:
        """Back to the full budget, paused, nothing counted."""
        return replace(self, accumulated=0.0, started=None)

    def snapshot(self, now: float, wall: float) -> TimerSnapshot:
        """The timer as saved at clock reading `now`, wall-clock time `wall`."""
        from potential_deck.core.session.models import TimerSnapshot

        return TimerSnapshot(budget=self.budget, elapsed=self.elapsed(now), running=self.running, at=wall)

    @classmethod
    def from_snapshot(cls, snap: TimerSnapshot, now: float, *, keep_running: bool) -> Timer:
        """A timer from a saved snapshot; paused unless `keep_running` (then it runs from `now`)."""
        started = now if (keep_running and snap.running) else None
        return cls(budget=snap.budget, accumulated=snap.elapsed, started=started)


def followed_elapsed(snap: TimerSnapshot, wall_now: float) -> float:
    """Elapsed seconds of a saved timer as a follower sees it at wall-clock `wall_now`."""
    if not snap.running:
        return snap.elapsed
    return snap.elapsed + max(0.0, wall_now - snap.at)


def clock_face(seconds: float) -> str:
    """`m:ss` for a countdown or an overtime; whole seconds, rounded up while counting down."""
    whole = int(seconds) if seconds == int(seconds) else int(seconds) + 1
    minutes, secs = divmod(max(0, whole), 60)
    return f"{minutes}:{secs:02d}"


def display(timer: Timer, now: float) -> tuple[str, str]:
    """What the timer shows at `now`: its face and its state (`idle`, `running`, `last`, `over`)."""
    if timer.is_over(now) and timer.budget >= 0 and timer.elapsed(now) > 0:
        return "+" + clock_face(int(timer.overtime(now))), "over"
    face = clock_face(timer.remaining(now))
    if timer.in_last_minute(now):
        return face, "last"
    return face, "running" if timer.running else "idle"


def followed(snap: TimerSnapshot) -> Timer:
    """A saved timer as a follower runs it on the wall clock (elapsed as `followed_elapsed`)."""
    return Timer(budget=snap.budget, accumulated=snap.elapsed, started=snap.at if snap.running else None)


def followed_display(snap: TimerSnapshot, wall_now: float) -> tuple[str, str]:
    """What a follower's timer shows at wall-clock `wall_now`: the faces of `display`."""
    return display(followed(snap), wall_now)
