"""Shared helpers: a small valid deck written to a folder, and the built-in deck."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from potential_deck.core.deck import load as decks
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Deck, Session

DECK_TOML = """\
id = "test-deck"
version = "1.0"
languages = ["nl", "en"]
default_agenda = ["begin", "praten", "doen"]

[name]
nl = "Testdeck"
en = "Test deck"
"""


def make_card(
    card_id: str,
    kind: str = "dialogue",
    minutes: str | int = 10,
    *,
    extra: str = "",
    langs: tuple[str, ...] = ("nl", "en"),
    title: str | None = None,
    questions: int = 2,
) -> str:
    """The TOML of one card; `extra` is added as top-level lines before the language tables."""
    lines = [f'id = "{card_id}"', f'kind = "{kind}"', f"minutes = {minutes}"]
    if extra:
        lines.append(extra.rstrip("\n"))
    for lang in langs:
        heading = title if title is not None else f"{card_id} title ({lang})"
        qs = ", ".join(f'"{lang} question {n}?"' for n in range(1, questions + 1))
        lines += [
            "",
            f"[{lang}]",
            f'title = "{heading}"',
            f'intro = "{card_id} intro ({lang})"',
            f"questions = [{qs}]",
        ]
    return "\n".join(lines) + "\n"


VALID_CARDS: dict[str, str] = {
    "01-begin.toml": make_card("begin", "start", 10),
    "02-praten.toml": make_card("praten", "dialogue", 15, extra='dimensions = ["gender"]'),
    "03-luisteren.toml": make_card("luisteren", "dialogue", 20),
    "04-doen.toml": make_card("doen", "action", 5, extra='values = ["working-with-others"]'),
}


def make_deck(folder: Path, cards: dict[str, str] | None = None, deck_toml: str | None = DECK_TOML) -> Path:
    """A deck folder with `deck.toml` (unless None) and the given card files (default: valid)."""
    folder.mkdir(parents=True, exist_ok=True)
    if deck_toml is not None:
        (folder / "deck.toml").write_text(deck_toml, encoding="utf-8")
    for name, text in (VALID_CARDS if cards is None else cards).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def card_toml() -> Callable[..., str]:
    """`make_card`: the TOML text of one card, valid unless told otherwise."""
    return make_card


@pytest.fixture
def write_deck() -> Callable[..., Path]:
    """`make_deck`: write a deck folder (valid unless given other cards or deck.toml)."""
    return make_deck


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    """A small valid deck folder: one start, two dialogue and one action card."""
    return make_deck(tmp_path / "deck")


@pytest.fixture
def small_deck(deck_dir: Path) -> Deck:
    """The small valid deck, loaded."""
    return decks.load(deck_dir)


@pytest.fixture(scope="session")
def builtin() -> Deck:
    """The deck that ships with the app."""
    return decks.load(builtin_deck())


NOW = dt.datetime(2025, 3, 14, 15, 30, 0)


def item_texts(session: Session) -> list[str]:
    """The harvest's growth opportunities, as their texts, in their order."""
    return [item.text for item in session.harvest.items]


@pytest.fixture
def session(small_deck: Deck) -> Session:
    """A fresh session on the small deck's default agenda (begin, praten, doen)."""
    return new_session(small_deck, team="Team Zon", now=NOW)


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """`potential-deck ARGS` as a user runs it: a fresh interpreter, no stdin, output captured."""
    return subprocess.run(
        [sys.executable, "-m", "potential_deck", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture
def cli_process() -> Callable[..., subprocess.CompletedProcess[str]]:
    """`run_cli`: the real command in a fresh process."""
    return run_cli


_HOLD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from potential_deck.core.session.lock import acquire
    acquire(Path(sys.argv[1]))
    print("held", flush=True)
    time.sleep(60)
    """
)


def hold_in_child(session: Path) -> subprocess.Popen[str]:
    """Another potential-deck (a child process) holding the session's lock; kill it when done."""
    child = subprocess.Popen([sys.executable, "-c", _HOLD, str(session)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "held"
    return child
