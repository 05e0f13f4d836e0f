"""Clean text in and out: control characters never reach a terminal or an export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from potential_deck.cli import main
from potential_deck.core.deck import load as decks
from potential_deck.core.report.export import FORMATS, render
from potential_deck.core.session import store
from potential_deck.core.text.clean import clean, is_clean, neutralize

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

WIPE = "\x1b[2J\x1b[3J"  # clears the screen and the scroll-back
TITLE = "\x1b]0;gehackt\x07"  # sets the window title
CSI_C1 = "\x9b2J"  # the one-byte CSI some terminals obey
BIDI = "\u202e"  # right-to-left override: shows text backwards
HOSTILE = f"A{WIPE}B{TITLE}C{CSI_C1}D{BIDI}E\ud800F\ufffeG"


def test_clean_removes_every_unsafe_character() -> None:
    assert clean(HOSTILE) == "A[2J[3JB]0;gehacktC2JDEFG"
    assert is_clean(clean(HOSTILE))


def test_clean_keeps_text_newlines_tabs_and_joiners() -> None:
    text = "Zoë\tzegt:\n- 👩🏽‍🏫 co\u00adteaching, \u200dزاد"
    assert clean(text) == text


def test_clean_makes_every_line_end_a_newline() -> None:
    assert clean("een\r\ntwee\rdrie\n") == "een\ntwee\ndrie\n"


def test_neutralize_shows_what_was_there_harmlessly() -> None:
    out = neutralize(HOSTILE + "\r\n\t")
    assert out.startswith("A␛[2J␛[3JB␛]0;gehackt␇C\ufffd2JD\ufffdE\ufffdF\ufffdG")
    assert out.endswith("␍\n\t")
    assert is_clean(out.replace("\n", "").replace("\t", ""))


# --- in: files read are clean -------------------------------------------------------------


def _hostile_file(folder: Path) -> Path:
    """A session file whose team, notes, question and a step hold escape sequences."""
    session = h.filled()
    session.team = f"De Linde{TITLE}"
    session.record("superheld").free = f"voor{WIPE}na"
    session.harvest.question = f"Hoe{CSI_C1} kunnen we{BIDI} …?"
    session.harvest.steps[0].who = f"Lotte{WIPE}"
    path = folder / "sessie.toml"
    path.write_text(store.to_toml(session), encoding="utf-8")  # TOML escapes them as \u001b
    assert "\\u001b[2J" in path.read_text(encoding="utf-8")
    return path


def test_a_session_file_is_clean_once_read(tmp_path: Path) -> None:
    session = store.read(_hostile_file(tmp_path))
    assert session.team == "De Linde]0;gehackt"
    assert session.record("superheld").free == "voor[2J[3Jna"
    assert is_clean(json.dumps(session.model_dump(mode="json"), ensure_ascii=False))


@pytest.mark.parametrize(
    "command",
    [
        ["summary"],
        ["export"],
        ["export", "--format", "json"],
        ["export", "--format", "toml"],
        ["export", "--anonymize"],
    ],
)
def test_no_escape_reaches_the_terminal_from_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = _hostile_file(tmp_path)
    assert main([*command, str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out and BIDI not in out
    assert "\\u001b" not in out  # nor escaped inside JSON or TOML strings


def test_a_deck_file_is_clean_once_read(tmp_path: Path, write_deck, card_toml) -> None:  # type: ignore[no-untyped-def]
    cards = {
        "01-begin.toml": card_toml("begin", "start", 10, title="Begin\\u001b[2J hier"),
        "02-praten.toml": card_toml("praten", "dialogue", 15),
        "03-doen.toml": card_toml("doen", "action", 5),
    }
    folder = write_deck(tmp_path / "deck", cards)
    loaded = decks.load(folder)
    assert loaded.cards[0].nl.title == "Begin[2J hier"


# --- out: every export format, whatever the session holds -------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_export_neutralises_what_a_session_still_holds(fmt: str) -> None:
    session = h.filled()  # made in memory: never went through a file
    session.record("superheld").free = f"voor{WIPE}na{CSI_C1}{BIDI}"
    session.harvest.question = f"Hoe{TITLE}?"
    out = render(session, h.deck(), fmt)
    for raw in ("\x1b", "\x9b", "\x07", BIDI, "\\u001b", "\\u0007", "\\u009b"):
        assert raw not in out, (fmt, raw)
    assert "␛" in out  # shown, so a reader sees something was there
