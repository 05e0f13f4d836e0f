"""Crash safety: the real app in a pseudo-terminal, typed into and killed with SIGKILL, again and again.

After every kill the session file must parse, hold every word typed more than a second before the
kill, and the session list must show that one session and no temporary file. Each round resumes
the session the previous round left (so the stale lock of a killed app is taken over too).
Set CRASH_KILLS to change the number of kills (default 50).
"""

from __future__ import annotations

import fcntl
import os
import pty
import random
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from potential_deck.core.store import SessionStore, read

KILLS = int(os.environ.get("CRASH_KILLS", "50"))
GRACE = 1.0
"""What a crash may lose: the words typed in the last second."""


class Terminal:
    """The app running in a pseudo-terminal of 100×30, its output drained as it comes."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the app
            os.execvpe(sys.executable, [sys.executable, "-m", "potential_deck", *args], env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.output = b""

    def drain(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    return

    def wait_for(self, marker: bytes, timeout: float = 15.0) -> None:
        end = time.monotonic() + timeout
        while marker not in self.output:
            if time.monotonic() > end:
                raise AssertionError(f"the app did not show {marker!r} within {timeout} s")
            self.drain(0.05)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pseudo-terminal")
def test_sigkill_at_random_moments_loses_at_most_the_last_second(tmp_path: Path) -> None:
    rng = random.Random(20261123)
    env = {**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}
    sessions = tmp_path / "sessions"
    kept: list[str] = []  # words typed more than GRACE before their round's kill
    path: Path | None = None
    for round_no in range(KILLS):
        if path is None:
            args = ["run", "--team", "Crash Test", "--sessions", str(sessions)]
        else:
            args = ["resume", str(path), "--sessions", str(sessions)]
        term = Terminal(args, env)
        try:
            term.wait_for(b"notities")  # typing goes into the first note field from the start
            end = time.monotonic() + rng.uniform(0.2, 2.0)
            typed: list[tuple[float, str]] = []
            word = 0
            while time.monotonic() < end:
                chunk = f"r{round_no}w{word} "
                term.type(chunk)
                typed.append((time.monotonic(), chunk))
                word += 1
                term.drain(rng.uniform(0.02, 0.12))
            killed_at = time.monotonic()
        finally:
            term.kill()
        files = list(SessionStore(sessions).list())
        assert len(files) == 1 and files[0].error is None, f"round {round_no}: {files}"
        path = files[0].path
        session = read(path)
        record = session.cards.get(session.agenda[0])
        notes = record.free if record else ""
        kept += [chunk for when, chunk in typed if when < killed_at - GRACE]
        lost = [chunk for chunk in kept if chunk not in notes]
        assert not lost, (
            f"round {round_no}: words typed more than {GRACE} s before the kill were lost: {lost[:5]}"
        )
