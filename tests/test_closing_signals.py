"""Closing the window saves: the real app in a pseudo-terminal gets SIGTERM or SIGHUP right after
the facilitator typed (and saw) a few words; they are in the file, the lock is gone, no temporary
file is left, and the app ends by itself."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from potential_deck.core.session.lock import lock_path
from potential_deck.core.session.store import SessionStore, read
from pty_app import Terminal

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pseudo-terminal")


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_closing_signal_saves_what_was_typed_releases_the_lock_and_leaves_no_temporary_file(
    tmp_path: Path, name: str
) -> None:
    number = getattr(signal, name)
    env = {**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}
    sessions = tmp_path / "sessions"
    term = Terminal(["run", "--team", "Venster", "--sessions", str(sessions)], env)
    try:
        term.wait_for(b"notities")
        term.wait_until_typing()
        term.type("wat net getypt werd")
        term.wait_until_shown("wat net getypt werd")  # read and drawn; not yet saved (debounce)
        if number == signal.SIGHUP:
            term.hang_up()  # the window closes
        else:
            term.signal(number)
        assert term.wait_exit(timeout=30) == 128 + number
    finally:
        term.kill()
    listed = SessionStore(sessions).list()
    assert len(listed) == 1 and listed[0].error is None
    path = listed[0].path
    session = read(path)
    assert session.cards[session.agenda[0]].free.endswith("wat net getypt werd")
    assert not lock_path(path).exists(), "the lock was released"
    assert not [p.name for p in sessions.iterdir() if p.name.endswith(".tmp")]
