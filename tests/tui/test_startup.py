"""`potential-deck run` and `resume`: everything the first screen needs is made before the window
opens, and the first screen takes keys from its first frame (keys typed earlier wait, in order).

The app is built exactly as the command line builds it (`launch.build_app`).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from conftest import VALID_CARDS, make_card, make_deck
from potential_deck.cli import build_parser
from potential_deck.core.errors import UserError
from potential_deck.core.session.lock import lock_path
from potential_deck.core.session.store import read
from potential_deck.tui import launch
from potential_deck.tui.screens.card import CardScreen

from .helpers import plain, shown_text


@pytest.fixture
def held_deck(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The app's deck loads only once the returned event is set (it is loading meanwhile)."""
    import threading

    from potential_deck.tui.app import PotentialDeckApp

    go_on = threading.Event()
    real_load = PotentialDeckApp.deck.fget  # type: ignore[attr-defined]

    def slow_deck(app):  # type: ignore[no-untyped-def]
        go_on.wait(10)
        return real_load(app)

    monkeypatch.setattr(PotentialDeckApp, "deck", property(slow_deck))
    return go_on


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POTENTIAL_DECK_CONFIG", str(tmp_path / "settings.toml"))


async def settled(app, pilot, done, limit: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until `done()` holds (AssertionError after `limit` seconds). What loads behind the first
    frame is started after a refresh: waiting for the workers alone can come before it started."""
    deadline = time.monotonic() + limit
    while not done():
        assert time.monotonic() < deadline, "not settled in time"
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)


async def on_the_second_card(app, pilot, screen: CardScreen) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Wait until the session is loaded and a PageDown held for it has run; the first two cards."""
    await settled(app, pilot, lambda: screen.is_open and screen.session.live.position == 1)
    for _ in range(5):  # what the held keys do after the card change
        await pilot.pause(0.02)
    assert screen.is_open and screen.session.live.position == 1
    return screen.session.agenda[0], screen.session.agenda[1]


def run_args(tmp_path: Path, *extra: str) -> argparse.Namespace:
    """The arguments of `potential-deck run --team "De Klimop"` into a fresh sessions folder."""
    return build_parser().parse_args(
        ["run", "--team", "De Klimop", "--sessions", str(tmp_path / "s"), *extra]
    )


async def test_run_draws_its_first_card_at_once_then_saves_and_locks_the_session(tmp_path: Path) -> None:
    app = launch.build_app(run_args(tmp_path))
    assert not list((tmp_path / "s").glob("*.toml")), "nothing is loaded or saved before the window opens"
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CardScreen)
        title = plain(screen.query_one("#card-title", Static).content)
        assert title == "Diversiteit in onze school: wat zien we?"
        assert "De Klimop" in shown_text(app) and "kaart 1 van 5" in shown_text(app)
        assert isinstance(app.focused, TextArea), "the first note field has focus from the first frame"
        await settled(app, pilot, lambda: screen.is_open)
        assert screen.is_open
        files = sorted((tmp_path / "s").glob("*.toml"))
        assert files == [screen.path] and read(files[0]).team == "De Klimop"
        assert lock_path(files[0]).exists()
        await pilot.press(*"eerste indruk", "pagedown")
        await pilot.pause()
        assert screen.session.live.position == 1
        assert "Meer talen in de klas" in shown_text(app)
    saved = read(screen.path)
    assert saved.cards[saved.agenda[0]].free == "eerste indruk"
    assert not lock_path(screen.path).exists()


async def test_words_and_commands_given_while_the_session_loads_all_land_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typing goes into the notes from the first frame; a PageDown typed before the session is
    there waits for it, and so do the keys after it."""
    import threading

    release = threading.Event()
    real = launch._load_new

    def slow(args, app):  # type: ignore[no-untyped-def]
        release.wait(10)  # the session is still loading while the keys come
        return real(args, app)

    monkeypatch.setattr(launch, "_load_new", slow)
    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CardScreen)
        await pilot.press(*"vroeg", "pagedown", *"later")
        assert not screen.is_open
        assert screen.query_one("#note-free", TextArea).text == "vroeg", "typed at once"
        release.set()
        first, second = await on_the_second_card(app, pilot, screen)
        assert screen.session.cards[first].free == "vroeg"
        assert screen.query_one("#note-free", TextArea).text == "later"
    saved = read(screen.path)
    assert saved.cards[first].free == "vroeg" and saved.cards[second].free == "later"


async def test_keys_typed_before_the_first_screen_is_ready_land_in_order(tmp_path: Path) -> None:
    """Type-ahead: keys sent before the app has even started are held, then typed into the notes."""
    from textual import events

    app = launch.build_app(run_args(tmp_path))
    for char in "vroeg":
        app.post_message(events.Key(char, char))  # in the app's queue before it runs
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*" en laat")
        assert app.screen.query_one("#note-free", TextArea).text == "vroeg en laat"
        assert app.keys_waiting == 0


async def test_keys_typed_ahead_are_in_the_note_field_before_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The screen's first layout comes after its `on_mount`: what was typed at launch is in the
    field by then, so the first frame shows it (not a frame or three later)."""
    from textual import events

    at_mount_end: list[str] = []
    mount = CardScreen.on_mount

    async def recording_mount(self: CardScreen) -> None:
        await mount(self)
        at_mount_end.append(self.query_one("#note-free", TextArea).text)

    monkeypatch.setattr(CardScreen, "on_mount", recording_mount)
    app = launch.build_app(run_args(tmp_path))
    for char in "vroeg":
        app.post_message(events.Key(char, char))
    async with app.run_test(size=(100, 30)):
        assert at_mount_end == ["vroeg"]


async def test_type_ahead_with_a_page_down_in_it_lands_in_order(tmp_path: Path) -> None:
    """Keys typed before the app runs, a PageDown among them: the words before it on the first
    card, the words after it on the second, once the session is there."""
    from textual import events

    app = launch.build_app(run_args(tmp_path))
    for key in [*"vroeg", "pagedown", *"laat"]:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CardScreen)
        first, second = await on_the_second_card(app, pilot, screen)
        assert screen.session.cards[first].free == "vroeg"
        assert screen.query_one("#note-free", TextArea).text == "laat"
        assert app.keys_waiting == 0
    assert read(screen.path).cards[second].free == "laat"


async def test_an_english_run_is_english_from_the_first_frame(tmp_path: Path) -> None:
    app = launch.build_app(run_args(tmp_path, "--lang", "en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        title = plain(app.screen.query_one("#card-title", Static).content)
        assert title == "Diversity in our school: what do we see?"
        assert "card 1 of 5" in shown_text(app)
        assert "kaart" not in shown_text(app).lower()


async def test_a_deck_broken_beyond_the_first_card_is_reported_and_nothing_is_saved(tmp_path: Path) -> None:
    cards = {**VALID_CARDS, "04-doen.toml": make_card("doen", "action", 500)}  # too many minutes
    deck = make_deck(tmp_path / "deck", cards)
    app = launch.build_app(run_args(tmp_path, "--deck", str(deck)))
    async with app.run_test(size=(100, 30)) as pilot:
        assert plain(app.screen.query_one("#card-title", Static).content) == "begin title (nl)"
        for _ in range(100):
            if app.startup_error is not None:
                break
            await pilot.pause(0.02)
    assert isinstance(app.startup_error, UserError) and app.return_code == 1
    message = str(app.startup_error)
    assert f"the deck in {deck} cannot be used" in message and "04-doen.toml:3: card doen: minutes" in message
    assert not list((tmp_path / "s").glob("*.toml"))


def test_a_deck_that_cannot_be_read_is_reported_before_the_window_opens(tmp_path: Path) -> None:
    deck = make_deck(tmp_path / "deck", {**VALID_CARDS, "01-begin.toml": 'id = "begin"\nkind = '})
    with pytest.raises(UserError, match=r"01-begin.toml:2: invalid TOML"):
        launch.build_app(run_args(tmp_path, "--deck", str(deck)))


def test_a_sessions_folder_that_cannot_be_made_is_reported_before_the_window_opens(tmp_path: Path) -> None:
    blocker = tmp_path / "s"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(UserError, match=r"s: this is a file, not a folder; give the sessions folder"):
        launch.build_app(run_args(tmp_path))


async def test_home_from_a_run_closes_the_session_and_lists_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from potential_deck.tui.screens.home import HomeScreen

    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CardScreen)
        assert len(app.screen_stack) == 1, "the card is the app's first screen"
        await app.workers.wait_for_complete()  # the session is loaded and opened after the first frame
        for _ in range(100):
            if screen.is_open:
                break
            await pilot.pause(0.02)
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
    ("saved", "theme", "background", "dark"),
    [
        ("potential-dark", "potential-dark", "#000000", True),
        ("", "potential-light", "#FFFFFF", False),
        ("nord", "nord", "#2E3440", True),  # one of Textual's themes, chosen in the palette
        ("bogus", "potential-light", "#FFFFFF", False),  # a name no longer known: the default
    ],
)
async def test_the_remembered_theme_is_there_from_the_first_frame_and_can_change(
    tmp_path: Path, saved: str, theme: str, background: str, dark: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chosen before Textual builds its stylesheet: the CSS is parsed once at start-up, not a
    second time for the theme (13-39 ms on a busy machine)."""
    from textual.css.stylesheet import Stylesheet

    from potential_deck.core.settings import DARK_THEME, LIGHT_THEME

    reparsed: list[bool] = []
    reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda self: (reparsed.append(True), reparse(self))[1])
    if saved:
        (tmp_path / "settings.toml").write_text(f'theme = "{saved}"\n', encoding="utf-8")
    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == theme and reparsed == []
        assert app.has_class("-dark-mode") is dark and app.has_class("-light-mode") is not dark
        assert app.has_class(f"-theme-{app.theme}")
        assert app.screen.styles.background.hex == background
        other = LIGHT_THEME if dark else DARK_THEME
        app.theme = other
        await pilot.pause()
        assert app.screen.styles.background.hex == ("#FFFFFF" if dark else "#000000")
        assert app.has_class("-dark-mode") is not dark
    assert f'theme = "{other}"' in (tmp_path / "settings.toml").read_text(encoding="utf-8")


async def test_quitting_while_the_session_loads_saves_what_was_typed_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    release = threading.Event()
    real = launch._load_new

    def slow(args, app):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real(args, app)

    monkeypatch.setattr(launch, "_load_new", slow)
    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"net op tijd", "ctrl+q")
        assert app.is_running, "quitting waits for the session, so the words are saved"
        release.set()
        for _ in range(100):
            if not app.is_running:
                break
            await pilot.pause(0.02)
    files = list((tmp_path / "s").glob("*.toml"))
    assert len(files) == 1
    saved = read(files[0])
    assert saved.cards[saved.agenda[0]].free == "net op tijd"


async def test_run_for_a_team_that_met_before_looks_back_first(tmp_path: Path) -> None:
    import datetime as dt

    from potential_deck.core.deck.load import load
    from potential_deck.core.locations import builtin_deck
    from potential_deck.core.session.meeting import new_session
    from potential_deck.core.session.models import Step
    from potential_deck.core.session.store import SessionStore
    from potential_deck.tui.screens.lookback import LookBackScreen

    earlier = new_session(load(builtin_deck()), team="De Klimop", now=dt.datetime(2026, 10, 20, 15, 0))
    earlier.harvest.steps = [Step(what="Ouderavond plannen", who="Lies")]
    SessionStore(tmp_path / "s").create(earlier)
    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            if isinstance(app.screen, LookBackScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, LookBackScreen)
        await pilot.pause()
        from textual.widgets import DataTable

        row = app.screen.query_one(DataTable).get_row_at(0)
        assert any("Ouderavond plannen" in str(cell) for cell in row)


def home_args(tmp_path: Path, *extra: str) -> argparse.Namespace:
    """The arguments of `potential-deck` (the home screen) on a fresh sessions folder."""
    return build_parser().parse_args(["--sessions", str(tmp_path / "s"), *extra])


def test_home_on_a_deck_that_cannot_be_read_is_refused_before_the_window_opens(tmp_path: Path) -> None:
    deck = make_deck(tmp_path / "deck", {**VALID_CARDS, "01-begin.toml": 'id = "begin"\nkind = '})
    with pytest.raises(UserError, match=r"01-begin.toml:2: invalid TOML"):
        launch.build_app(home_args(tmp_path, "--deck", str(deck)))


async def test_home_opens_before_the_deck_is_validated_and_the_new_session_form_says_what_is_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cards = {**VALID_CARDS, "04-doen.toml": make_card("doen", "action", 500)}  # too many minutes
    deck = make_deck(tmp_path / "deck", cards)
    from potential_deck.tui.screens.new_session import NewSessionScreen

    app = launch.build_app(home_args(tmp_path, "--deck", str(deck)))  # no UserError: the list first
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"De Klimop")
        form = app.screen
        assert isinstance(form, NewSessionScreen), "the form opens while the deck loads"
        await settled(app, pilot, lambda: bool(plain(form.query_one("#deck-error", Static).content)))
        problem = plain(form.query_one("#deck-error", Static).content)
        assert "04-doen.toml:3: card doen: minutes" in problem, "said beside the deck field"
        assert form.query_one("#team", Input).value == "De Klimop", "typing went on meanwhile"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and not list((tmp_path / "s").glob("*.toml")), "nothing starts"
        assert "04-doen.toml" in plain(form.query_one("#form-error", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code is None, "the home screen stays: other sessions can still be opened"


def test_the_garbage_collector_rests_while_the_app_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`potential-deck run` stops the collector before the app is imported and built; it is on
    again when the command ends, however it ends."""
    import gc

    from potential_deck import cli

    during: list[bool] = []

    def fake_launch(args: argparse.Namespace) -> int:
        during.append(gc.isenabled())
        raise UserError("the deck cannot be used")

    monkeypatch.setattr(launch, "launch", fake_launch)
    assert gc.isenabled()
    status = cli.main(["run", "--team", "De Klimop", "--sessions", str(tmp_path / "s")])
    assert status == 1 and during == [False]
    assert gc.isenabled()


async def test_the_app_starts_the_garbage_collector_after_its_first_frame(tmp_path: Path) -> None:
    import gc

    app = launch.build_app(run_args(tmp_path))
    gc.unfreeze()  # what earlier apps of this test run froze
    gc.disable()  # as `cli.cmd_app` leaves it
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled(), "on again once the first frame is drawn"
            assert gc.get_freeze_count() > 0, "what start-up made is kept out of the rounds"
    finally:
        gc.unfreeze()
        gc.enable()


async def test_n_at_launch_opens_the_form_before_the_deck_and_the_known_teams_are_there(
    tmp_path: Path, held_deck
) -> None:
    """The form shows at once; what is typed meanwhile stays; when the deck and the known teams
    come, the agenda shows and a known team typed in part is offered."""
    from potential_deck.core.deck.load import load
    from potential_deck.core.locations import builtin_deck
    from potential_deck.core.session.meeting import new_session
    from potential_deck.core.session.store import SessionStore
    from potential_deck.tui.screens.new_session import NewSessionScreen
    from potential_deck.tui.widgets.agenda_list import AgendaList

    from .conftest import FIXED_NOW

    earlier = new_session(
        load(builtin_deck()), team="Basisschool De Linde", now=FIXED_NOW, facilitator="Lotte"
    )
    SessionStore(tmp_path / "s").create(earlier)
    app = launch.build_app(home_args(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", *"De Lin")
        form = app.screen
        assert isinstance(form, NewSessionScreen) and form.deck is None
        assert not form.query(AgendaList) and "De kaarten worden geladen" in shown_text(app)
        assert form.query_one("#team", Input).value == "De Lin"
        await pilot.press("ctrl+up")  # moving an agenda card while there is none yet: nothing
        assert app.screen is form
        held_deck.set()
        await settled(app, pilot, lambda: form.deck is not None and bool(form.query(AgendaList)))
        assert form.deck is not None and form.query(AgendaList), "the agenda shows"
        from textual.widgets import OptionList

        offered = form.query_one("#known", OptionList)
        assert offered.display and offered.option_count == 1, "the known team is offered"
        assert offered.get_option_at_index(0).id == "Basisschool De Linde"
        await pilot.press("enter")  # picks it: the form is filled in for that team
        await pilot.pause()
        assert form.query_one("#team", Input).value == "Basisschool De Linde"
        assert form.query_one("#facilitator", Input).value == "Lotte"


async def test_a_start_asked_for_before_the_deck_is_there_goes_ahead_when_it_is(
    tmp_path: Path, held_deck
) -> None:

    from potential_deck.tui.screens.card import CardScreen as Cards
    from potential_deck.tui.screens.new_session import NewSessionScreen

    app = launch.build_app(home_args(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", *"De Klimop", "ctrl+s")
        assert isinstance(app.screen, NewSessionScreen), "waits for the deck"
        held_deck.set()
        await settled(app, pilot, lambda: isinstance(app.screen, Cards) and app.screen.is_open)
        assert isinstance(app.screen, Cards) and app.screen.session.team == "De Klimop"


async def test_the_first_screen_wears_its_own_stylesheet(tmp_path: Path) -> None:
    """Textual reads no CSS_PATH of the first screen (`get_default_screen`): the home screen
    opened at launch looked unlike the one opened later. The app reads those files itself."""
    from potential_deck.tui.screens.home import HomeScreen

    app = launch.build_app(home_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#home-title").region.x == 2, "home.tcss: the page's padding"
    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CardScreen)
        assert screen.query_one("#topbar").region.height == 1, "card.tcss: a one-line top bar"
        assert screen.query_one("#note-free").region.height > 6, "a tall window: the fields share it"
        await pilot.press("f5")  # projection
        await pilot.pause()
        assert screen.projection and screen.query_one("#side").region.width == 26, "projection's layout"


def test_the_home_screen_draws_its_list_without_the_card_screen(tmp_path: Path) -> None:
    """What keeps the home screen's first frame fast: the card screen (its note fields, Textual's
    TextArea, the models) is imported when a session opens, not before the list shows."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from potential_deck.cli import build_parser\n"
        "from potential_deck.tui import launch\n"
        f"args = build_parser().parse_args(['--sessions', {str(tmp_path / 's')!r}])\n"
        "app = launch.build_app(args)\n"
        "seen = []\n"
        "async def look():\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        seen.append('potential_deck.tui.screens.card' in sys.modules)\n"
        "        seen.append(type(app.screen).__name__)\n"
        "import asyncio\n"
        "asyncio.run(look())\n"
        "print(seen)\n"
    )
    env = {**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "settings.toml")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.strip() == "[False, 'HomeScreen']", out.stderr[-2000:]


async def test_a_word_typed_at_launch_looks_up_the_bindings_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Working out the screen's active bindings takes ~0.5 ms: a word typed ahead is handed on
    with one look at them, not one a key (the keys only queue up in the field meanwhile)."""
    from textual import events

    from potential_deck.tui.key_order import OrderedKeysApp

    looked: list[int] = []
    binding_of = OrderedKeysApp._binding_of

    def recording(self, event, bindings=None):  # type: ignore[no-untyped-def]
        looked.append(id(bindings))
        return binding_of(self, event, bindings)

    monkeypatch.setattr(OrderedKeysApp, "_binding_of", recording)
    app = launch.build_app(run_args(tmp_path))
    for char in "vroeg":
        app.post_message(events.Key(char, char))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#note-free", TextArea).text == "vroeg"
    assert len(looked) == 5 and len(set(looked)) == 1 and looked[0] != id(None)


async def test_each_part_of_the_first_card_is_styled_once_before_the_first_frame(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A class added after a widget was styled restyles it and all its parts again (the card
    view's kind did so for 7 widgets at start-up, the timer's state for 3): the first screen's
    widgets get their classes when they are made. Only the note field that takes focus is
    styled again before the first frame (its :focus look)."""
    from textual.css.stylesheet import Stylesheet

    styled: list[object] = []
    update_nodes = Stylesheet.update_nodes

    def recording(self, nodes, animate=False):  # type: ignore[no-untyped-def]
        nodes = list(nodes)
        styled.extend(nodes)
        return update_nodes(self, nodes, animate)

    monkeypatch.setattr(Stylesheet, "update_nodes", recording)
    app = launch.build_app(run_args(tmp_path))
    before_first_frame: list[object] = []
    app.call_after_refresh(lambda: before_first_frame.extend(styled))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        focused = app.focused
    twice = {node for node in before_first_frame if before_first_frame.count(node) > 1}
    assert before_first_frame and twice == {focused}, sorted(map(str, twice))


async def test_ctrl_q_quits_after_going_home_from_the_first_card(tmp_path: Path) -> None:
    """`run`, then back to the home screen: the first card screen stays under it, closed. Ctrl+Q
    waited for that screen's session to load, which it never would again: the app did not quit."""
    from potential_deck.tui.screens.home import HomeScreen

    app = launch.build_app(run_args(tmp_path))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CardScreen)
        await settled(app, pilot, lambda: screen.is_open)
        await app.action_home()
        await settled(app, pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("ctrl+q")
        await settled(app, pilot, lambda: not app.is_running, limit=5.0)
    assert not app.is_running
