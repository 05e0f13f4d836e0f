"""One declaration per command (`tui.keys`): both languages, and no key that can be text where
text can be typed."""

from __future__ import annotations

import re

import pytest

from potential_deck.tui.keys import ALL, LETTERS_SUFFIX, TEXT_PLACES, Command, bindings, key_name
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.dialogs import TextPrompt
from potential_deck.tui.screens.harvest import HarvestScreen
from potential_deck.tui.screens.home import HomeScreen
from potential_deck.tui.screens.join import JoinScreen
from potential_deck.tui.screens.lookback import LookBackScreen
from potential_deck.tui.screens.new_session import NewSessionScreen
from potential_deck.tui.screens.year import YearScreen

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
