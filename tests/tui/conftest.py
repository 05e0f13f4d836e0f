"""Fixtures for the app: a fake clock, a sessions folder in tmp_path, an app factory."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import textual.app

from potential_deck.core.deck.load import Deck, load
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Lang, Session
from potential_deck.core.session.store import SessionStore
from potential_deck.tui.app import PotentialDeckApp
from potential_deck.tui.autosave import DEBOUNCE

FIXED_NOW = dt.datetime(2026, 11, 23, 14, 30, 0, tzinfo=dt.UTC)


async def _key_handled(min_sleep: float = 0.0, max_sleep: float = 1.0) -> None:
    """Textual's `wait_for_idle` in slices of 5 ms instead of 20: idle once a slice passes with the
    process using under a twentieth of it (Textual's rule, on a finer grain).

    Pilot's `press` calls `wait_for_idle` twice after every key, and a slice of 20 ms in which the
    key is handled is never idle: each key cost 40 to 80 ms of sleep, most of a harvest test's time.
    Only `press` is given this one (Pilot's `pause` keeps Textual's), and `press` still ends with
    Pilot's exact wait until the screen has handled every message it was sent.
    """
    start = time.monotonic()
    while True:
        cpu = time.process_time()
        await asyncio.sleep(_KEY_SLICE)
        elapsed = time.monotonic() - start
        if elapsed >= max_sleep or (elapsed > min_sleep and time.process_time() - cpu < _KEY_SLICE / 20):
            return


_KEY_SLICE = 0.005
textual.app.wait_for_idle = _key_handled  # what `Pilot.press` waits with between keys (textual 8)

AT_ONCE = 0.001
"""The autosave delay a test injects when it waits for an autosave instead of sleeping out the
app's debounce: a millisecond, over before Pilot next looks (a Textual timer cannot be 0)."""


class FakeClock:
    """A clock the test moves by hand: tests never sleep."""

    def __init__(self, start: float = 1000.0) -> None:
        self.value = start

    def __call__(self) -> float:
        return self.value

    def advance(self, seconds: float) -> None:
        self.value += seconds


@pytest.fixture(scope="session")
def deck() -> Deck:
    return load(builtin_deck())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


MakeApp = Callable[..., PotentialDeckApp]


@pytest.fixture
def make_app(deck: Deck, store: SessionStore, clock: FakeClock, tmp_path: Path) -> MakeApp:
    """An app on the built-in deck; with `team=...` it opens a new session on its first card.

    A test that waits for an autosave passes `autosave_delay=AT_ONCE`."""

    def factory(
        *,
        team: str | None = None,
        lang: Lang = "nl",
        session: Session | None = None,
        participants: list[str] | None = None,
        autosave_delay: float = DEBOUNCE,
    ) -> PotentialDeckApp:
        app = PotentialDeckApp(
            deck=deck,
            deck_path=builtin_deck(),
            store=store,
            settings_path=tmp_path / "settings.toml",
            lang=lang,
            clock=clock,
            wall=lambda: 1_800_000_000.0 + clock.value,
            now=lambda: FIXED_NOW,
            autosave_delay=autosave_delay,
        )
        if team is not None and session is None:
            session = new_session(
                deck,
                team=team,
                now=FIXED_NOW,
                language=lang,
                participants=participants or [],
                deck_path=str(builtin_deck()),
            )
        if session is not None:
            app.set_initial(session, store.create(session))
        return app

    return factory
