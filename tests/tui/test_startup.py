"""`potential-deck run`: the first card is drawn before the session loads, then all works as usual.

The app is built exactly as the command line builds it (`launch.build_app`); `_open_new`, which
validates the deck and saves the new session after the first frame, is watched to see what the
screen showed when it ran.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from conftest import VALID_CARDS, make_card, make_deck
from potential_deck import launch
from potential_deck.cli import build_parser
from potential_deck.core.errors import UserError
from potential_deck.core.lock import lock_path
from potential_deck.core.store import read
from potential_deck.tui.card_screen import CardScreen
from potential_deck.tui.widgets.notes_panel import NotesPanel

from .helpers import plain, shown_text


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POTENTIAL_DECK_CONFIG", str(tmp_path / "settings.toml"))


def run_args(tmp_path: Path, *extra: str) -> argparse.Namespace:
    """The arguments of `potential-deck run --team "De Klimop"` into a fresh sessions folder."""
    return build_parser().parse_args(
        ["run", "--team", "De Klimop", "--sessions", str(tmp_path / "s"), *extra]
    )


def watch_open(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Record what the screen showed when the session was loaded."""
    seen: dict[str, object] = {}
    real = launch._open_new

    def spy(args, app):  # type: ignore[no-untyped-def]
        screen = app.screen
        seen["title"] = plain(screen.query_one("#card-title", Static).content)
        seen["where"] = plain(screen.query_one("#where", Static).content)
        seen["notes"] = len(screen.query(NotesPanel))
        seen["files"] = sorted(Path(args.sessions).glob("*.toml"))
        seen["calls"] = seen.get("calls", 0) + 1  # type: ignore[operator]
        return real(args, app)

    monkeypatch.setattr(launch, "_open_new", spy)
    return seen


async def test_run_draws_the_first_card_then_loads_and_saves_the_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = watch_open(monkeypatch)
    app = launch.build_app(run_args(tmp_path))
    assert "calls" not in seen, "nothing is loaded before the app runs"
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert seen["calls"] == 1
        assert seen["title"] == "Diversiteit in onze school: wat zien we?"
        assert "De Klimop" in str(seen["where"]) and "kaart 1 van 5" in str(seen["where"])
        assert seen["notes"] == 0 and seen["files"] == [], "drawn before the note fields and the file"
        screen = app.screen
        assert isinstance(screen, CardScreen) and screen.is_open
        assert lock_path(screen.path).exists()
        assert read(screen.path).team == "De Klimop"
        screen.query_one("#note-free", TextArea).focus()
        await pilot.press(*"eerste indruk", "pagedown")
        await pilot.pause()
        assert screen.session.live.position == 1
        assert "Meer talen in de klas" in shown_text(app)
    saved = read(screen.path)
    assert saved.cards[saved.agenda[0]].free == "eerste indruk"
    assert not lock_path(screen.path).exists()


async def test_an_english_run_is_english_from_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = watch_open(monkeypatch)
    app = launch.build_app(run_args(tmp_path, "--lang", "en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert seen["title"] == "Diversity in our school: what do we see?"
        assert "card 1 of 5" in str(seen["where"])
        assert "kaart" not in shown_text(app).lower()


async def test_a_deck_broken_beyond_the_first_card_is_reported_and_nothing_is_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = {**VALID_CARDS, "04-doen.toml": make_card("doen", "action", 500)}  # too many minutes
    deck = make_deck(tmp_path / "deck", cards)
    seen = watch_open(monkeypatch)
    app = launch.build_app(run_args(tmp_path, "--deck", str(deck)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert seen["title"] == "begin title (nl)", "the first card could be drawn"
    assert isinstance(app.startup_error, UserError)
    message = str(app.startup_error)
    assert f"the deck in {deck} cannot be used" in message and "04-doen.toml:3: card doen: minutes" in message
    assert app.return_code == 1
    assert not (tmp_path / "s").exists() or not list((tmp_path / "s").glob("*.toml"))


def test_a_deck_that_cannot_be_read_is_reported_before_the_window_opens(tmp_path: Path) -> None:
    deck = make_deck(tmp_path / "deck", {**VALID_CARDS, "01-begin.toml": 'id = "begin"\nkind = '})
    with pytest.raises(UserError, match=r"01-begin.toml:2: invalid TOML"):
        launch.build_app(run_args(tmp_path, "--deck", str(deck)))


def test_a_sessions_folder_that_cannot_be_made_is_reported_before_the_window_opens(tmp_path: Path) -> None:
    blocker = tmp_path / "s"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(UserError, match=r"cannot save a session in .* choose another folder"):
        launch.build_app(run_args(tmp_path))


async def test_keys_before_the_session_loads_are_refused_not_crashing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: dict[str, bool | None] = {}
    real = launch._open_new

    def spy(args, app):  # type: ignore[no-untyped-def]
        screen = app.screen
        for action in ("next", "timer", "blank", "projection", "quit"):
            checks[action] = screen.check_action(action, ())
        return real(args, app)

    monkeypatch.setattr(launch, "_open_new", spy)
    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.check_action("next", ()) is True
    assert checks == {"next": False, "timer": False, "blank": False, "projection": False, "quit": True}


async def test_home_from_a_run_closes_the_session_and_lists_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from potential_deck.tui.home import HomeScreen

    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CardScreen)
        assert len(app.screen_stack) == 1, "the card is the app's first screen"
        await app.action_home()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert not lock_path(screen.path).exists()
        assert "De Klimop" in str(app.screen.query_one("DataTable").get_row_at(0))
        assert not screen.is_open, "the first screen stays under the home screen, closed"
        before = screen.path.read_text(encoding="utf-8")
        screen.session.team = "changed after closing"
        screen.save_now()
        screen.flush()
        await pilot.pause()
        assert screen.path.read_text(encoding="utf-8") == before, "a closed card no longer saves"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen) and app.screen is not screen and app.screen.is_open
        assert app.screen.session.team == "De Klimop"


@pytest.mark.parametrize(
    ("saved", "background", "dark"), [("potential-dark", "#000000", True), ("", "#FFFFFF", False)]
)
async def test_the_remembered_theme_is_there_from_the_first_frame_and_can_change(
    tmp_path: Path, saved: str, background: str, dark: bool
) -> None:
    from potential_deck.core.settings import DARK_THEME, LIGHT_THEME

    if saved:
        (tmp_path / "settings.toml").write_text(f'theme = "{saved}"\n', encoding="utf-8")
    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == (saved or LIGHT_THEME)
        assert app.has_class("-dark-mode") is dark and app.has_class("-light-mode") is not dark
        assert app.screen.styles.background.hex == background
        other = LIGHT_THEME if dark else DARK_THEME
        app.theme = other
        await pilot.pause()
        assert app.screen.styles.background.hex == ("#FFFFFF" if dark else "#000000")
        assert app.has_class("-dark-mode") is not dark
    assert f'theme = "{other}"' in (tmp_path / "settings.toml").read_text(encoding="utf-8")
