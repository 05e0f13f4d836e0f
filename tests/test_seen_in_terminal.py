"""What a person sees on the terminal: the real app in a pseudo-terminal, its output played on a
terminal emulator (pyte), for what only shows there (a line not redrawn after a resize)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import pyte
import pytest

from potential_deck.core.deck.load import load
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import HarvestItem
from potential_deck.core.session.store import SessionStore, read
from terminal import PAGE_DOWN, UP, AppInTerminal

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pseudo-terminal")

QUESTION = "Hoe kunnen we de thuistaal van elke leerling benutten als hefboom voor leren, samen met ouders?"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}


def at_the_harvest_with_a_question(tmp_path: Path) -> Path:
    deck = load(builtin_deck())
    session = new_session(
        deck, team="De Linde", now=dt.datetime(2026, 11, 23, 14, 30), deck_path=str(builtin_deck())
    )
    session.harvest.items = [HarvestItem(text="Thuistaal benutten")]
    session.harvest.question = QUESTION
    session.live.stage = "harvest"
    session.live.position = len(session.agenda)
    return SessionStore(tmp_path / "s").create(session)


def question_lines(app: AppInTerminal) -> list[str]:
    """The learning question as the terminal shows it, one string per screen line (the lines of
    its box, between the box's top edge and its bottom edge)."""
    lines = app.lines
    top = next(i for i, line in enumerate(lines) if line.startswith(" ▊▔"))
    bottom = next(i for i, line in enumerate(lines) if i > top and line.startswith(" ▊▁"))
    inside = (line.strip(" ▊▎") for line in lines[top + 1 : bottom])
    return [line.strip() for line in inside if line.strip()]


def test_a_wrapped_question_shows_whole_after_the_window_is_resized(tmp_path: Path, env) -> None:
    """A projector plugged in resizes the terminal: the question was shown with words missing or
    twice (only the cursor's line was drawn again), until the step was left and entered again."""
    path = at_the_harvest_with_a_question(tmp_path)
    app = AppInTerminal(["resume", str(path), "--sessions", str(tmp_path / "s")], env, size=(80, 24))
    app.wait_for("Thuistaal benutten")
    app.type(UP + PAGE_DOWN + PAGE_DOWN)  # steering the list, then on to step 3, the question
    app.wait_for("hefboom")
    app.drain(0.3)
    assert " ".join(question_lines(app)) == QUESTION
    for width, height in ((100, 30), (80, 24), (110, 32)):  # narrow: the links below the question
        app.resize(width, height)
        app.drain(0.6)
        shown = question_lines(app)
        assert " ".join(shown) == QUESTION, f"at {width}x{height} the terminal shows {shown}"
    assert app.quit() == 0


def test_typing_into_a_question_reopened_goes_on_where_it_ends(tmp_path: Path, env) -> None:
    path = at_the_harvest_with_a_question(tmp_path)
    app = AppInTerminal(["resume", str(path), "--sessions", str(tmp_path / "s")], env)
    app.wait_for("Thuistaal benutten")
    app.type(UP + PAGE_DOWN + PAGE_DOWN)
    app.wait_for("hefboom")
    app.type(" En hoe?")
    app.wait_for("En hoe?")
    assert app.quit() == 0
    assert read(path).harvest.question == QUESTION + " En hoe?"


def main_screen_after(app: AppInTerminal) -> list[str]:
    """What the terminal's own screen shows once the app has ended: what was written before the
    app switched to its screen of its own, and after it switched back."""
    output = app.output
    enter, leave = output.find(b"\x1b[?1049h"), output.rfind(b"\x1b[?1049l")
    assert 0 <= enter < leave, "the app drew on a screen of its own"
    screen = pyte.Screen(100, 30)
    stream = pyte.ByteStream(screen)
    stream.feed(output[:enter])
    stream.feed(output[leave + len(b"\x1b[?1049l") :])
    return [line.rstrip() for line in screen.display if line.strip()]


def test_a_note_typed_at_launch_is_never_printed_on_the_terminal(tmp_path: Path, env) -> None:
    """The terminal echoed keys typed before the app took them: the start of a note (about a
    pupil, say) showed below the command while the app started, and again after it ended."""
    app = AppInTerminal(["run", "--team", "De Linde", "--sessions", str(tmp_path / "s")], env)
    app.type("Prive notitie over Ahmed")  # the moment the app is asked for, as a person types ahead
    app.wait_for("Diversiteit in onze school")
    app.wait_for("Prive notitie over Ahmed")  # in the app's note field
    assert app.quit() == 0
    shown = main_screen_after(app)
    assert not any("Prive" in line or "Ahmed" in line for line in shown), shown
