"""One declaration per command (`tui.keys`): both languages, and no key that can be text where
text can be typed."""

from __future__ import annotations

import re

import pytest

from potential_deck.core.choices import Lang
from potential_deck.core.session.meeting import new_session
from potential_deck.tui.keys import ALL, LETTERS_SUFFIX, TEXT_PLACES, Command, Where, bindings, key_name
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.dialogs import TextPrompt
from potential_deck.tui.screens.harvest import HarvestScreen
from potential_deck.tui.screens.home import HomeScreen
from potential_deck.tui.screens.join import JoinScreen
from potential_deck.tui.screens.lookback import LookBackScreen
from potential_deck.tui.screens.new_session import NewSessionScreen
from potential_deck.tui.screens.year import YearScreen
from potential_deck.tui.widgets.keybar import KeyBar

from .conftest import FIXED_NOW
from .helpers import quit_app

NOT_TEXT = {
    "escape",
    "tab",
    "shift+tab",
    "pageup",
    "pagedown",
    "home",
    "end",
    "insert",
    "delete",
    "backspace",
    "up",
    "down",
    "left",
    "right",
    *(f"f{n}" for n in range(1, 25)),
}
"""Key names that never type a character."""

SCREENS = {
    "card": CardScreen,
    "harvest": HarvestScreen,
    "home": HomeScreen,
    "new_session": NewSessionScreen,
    "lookback": LookBackScreen,
    "year": YearScreen,
    "dialog": TextPrompt,
    "join": JoinScreen,
}
COMMANDS = [(screen, command) for screen, commands in ALL.items() for command in commands]
IDS = [f"{screen}:{command.id}" for screen, command in COMMANDS]


ONE_LINE_FIELDS = {"dialog"}
"""Screens whose fields are all one line: Enter is no text there (it keeps what was typed)."""


def can_be_text(key: str, screen: str = "") -> bool:
    """Whether a Textual key name can put a character into a field (Enter: a new line)."""
    if re.match(r"^(ctrl|alt|super|meta)\+", key):
        return False
    if key == "enter" and screen in ONE_LINE_FIELDS:
        return False
    return key not in NOT_TEXT


def keys_of(names: str) -> list[str]:
    return [name.strip() for name in names.split(",") if name.strip()]


@pytest.mark.parametrize(("screen", "command"), COMMANDS, ids=IDS)
def test_every_command_speaks_both_languages(screen: str, command: Command) -> None:
    for pair in (command.label, command.help):
        nl, en = pair
        assert nl.strip() and en.strip(), f"{screen}:{command.id} lacks a language"
    assert command.help[0] != command.help[1], f"{screen}:{command.id}: the Dutch help is the English one"


@pytest.mark.parametrize(("screen", "command"), COMMANDS, ids=IDS)
def test_no_key_that_can_be_text_is_a_command_where_text_can_be_typed(screen: str, command: Command) -> None:
    if command.where & TEXT_PLACES:
        typed = [key for key in keys_of(command.keys) if can_be_text(key, screen)]
        assert typed == [], f"{screen}:{command.id} binds {typed} where text can be typed"
    for letter in keys_of(command.letters):
        assert can_be_text(letter) or letter in {"left", "right", "up", "down"}, (
            f"{screen}:{command.id}: {letter!r} needs no 'letters' slot: put it in keys"
        )
    assert command.where - TEXT_PLACES or not command.letters, (
        f"{screen}:{command.id} has letters but applies only where text can be typed"
    )


@pytest.mark.parametrize(("screen", "cls"), SCREENS.items())
def test_each_screen_binds_exactly_its_declared_commands(screen: str, cls: type) -> None:
    declared = bindings(ALL[screen])
    assert [(b.key, b.action, b.id) for b in cls.BINDINGS] == [(b.key, b.action, b.id) for b in declared]
    ids = {b.id.removesuffix(LETTERS_SUFFIX) for b in cls.BINDINGS if b.id}
    assert ids <= {command.id for command in ALL[screen]}


@pytest.mark.parametrize(("screen", "command"), COMMANDS, ids=IDS)
def test_each_command_has_an_action_its_screen_runs(screen: str, command: Command) -> None:
    cls = SCREENS[screen]
    action = command.action.split("(")[0]
    if action.startswith("app."):
        return
    assert hasattr(cls, f"action_{action}"), f"{cls.__name__} has no action_{action} for {command.id}"


def test_keys_are_named_as_people_read_them() -> None:
    assert key_name("pagedown") == "PgDn" and key_name("ctrl+t") == "Ctrl+T" and key_name("f5") == "F5"
    assert key_name("full_stop") == "." and key_name("question_mark") == "?"
    assert key_name("shift+tab") == "Shift+Tab"


@pytest.mark.parametrize(("screen", "command"), COMMANDS, ids=IDS)
def test_every_key_is_written_the_same_way(screen: str, command: Command) -> None:
    """As Ctrl+T and F5 are: a named key and each part of a combination start with a capital
    (a letter to type stays as it is typed: t, U)."""
    for lang in ("nl", "en"):
        for name in command.all_keys(lang).split("  "):
            for part in name.split("+") if len(name) > 1 else ():
                assert not part[:1].islower(), f"{screen}:{command.id} writes {name!r}"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("screen", sorted(ALL))
def test_every_essential_hint_fits_a_key_bar_of_80_columns(screen: str, lang: Lang) -> None:
    """Wherever the keyboard is and whatever part of the screen has it: the essential hints
    (`KeyBar.ESSENTIAL`) all fit in the 78 cells an 80-column bar has."""
    bar = KeyBar()
    commands = ALL[screen]
    for where in Where:
        for part in {"", *(part for command in commands for part in command.on)}:
            hints = [
                (command.id, command.bar_keys(where, lang), command.words(lang))
                for command in commands
                if command.show and command.applies(where, part)
            ]
            shown, _ = bar.fitting(hints, 78)
            essential = [hint for hint in hints if hint[0] in KeyBar.ESSENTIAL]
            assert [hint for hint in essential if hint not in shown] == [], (where, part)


@pytest.mark.parametrize(("lang", "steer"), [("nl", "Esc Sturen"), ("en", "Esc Steer")])
async def test_the_card_screens_bar_says_how_to_steer_at_80_columns(make_app, lang: Lang, steer: str) -> None:
    app = make_app(team="De Linde", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        bar = app.screen.query_one(KeyBar)
        for _ in range(2):  # the first card, and one with a previous card (PgUp) too
            await pilot.pause()
            shown = " ".join(str(bar.content).split())
            assert steer in shown and "Ctrl+T" in shown and "F1" in shown, shown
            assert len(str(bar.content)) <= bar.size.width
            await pilot.press("pagedown")
        assert "PgUp" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, CardScreen) and app.screen.steering
        await quit_app(pilot)


async def test_the_home_screens_bar_shows_the_language_switch_at_80_columns(make_app, store, deck) -> None:
    store.create(new_session(deck, team="Basisschool De Linde", now=FIXED_NOW))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        def shown() -> str:
            return " ".join(str(app.screen.query_one(KeyBar).content).split())

        assert "l English" in shown()
        await pilot.press("l")
        await pilot.pause()
        assert "l Nederlands" in shown() and "n New session" in shown()
        await quit_app(pilot)
