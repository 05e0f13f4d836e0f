"""The real app in a pseudo-terminal, typed into as a person types (for the tests that need timing).

`AppInTerminal(args, env)` starts `python -m potential_deck ARGS` in a 100×30 pseudo-terminal and
drains its output as it comes. `type` writes keys exactly as a terminal sends them (one write, so
a burst arrives as a burst); `wait_for` waits until the screen output contains a text. `lines` is
what a person sees on the terminal now (the output played on a terminal emulator, pyte), and
`resize` changes the terminal's size as dragging its window does.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

import pyte

PAGE_DOWN = "\x1b[6~"
PAGE_UP = "\x1b[5~"
DOWN = "\x1b[B"
UP = "\x1b[A"
TAB = "\t"
CTRL_Q = "\x11"
CTRL_B = "\x02"
CTRL_P = "\x10"
ESCAPE = "\x1b"
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[PX^_].*?\x1b\\|\x1b\][^\x07]*\x07")


def without_size(env: dict[str, str]) -> dict[str, str]:
    """`env` without LINES and COLUMNS, which would override the pseudo-terminal's size (pytest-xdist's
    workers have them, 80×24): the app must see the terminal this harness made."""
    return {name: value for name, value in env.items() if name not in ("LINES", "COLUMNS")}


class AppInTerminal:
    """The app running in a pseudo-terminal of 100×30, its output drained as it comes."""

    def __init__(self, args: list[str], env: dict[str, str], size: tuple[int, int] = (100, 30)) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the app, sized by the terminal alone
            os.execvpe(sys.executable, [sys.executable, "-m", "potential_deck", *args], without_size(env))
        self.pid, self.fd = pid, fd
        width, height = size
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        self.output = b""
        self.status: int | None = None
        self._screen = pyte.Screen(width, height)
        self._stream = pyte.ByteStream(self._screen)

    @property
    def lines(self) -> list[str]:
        """The terminal's lines as a person sees them now (trailing spaces left out)."""
        return [line.rstrip() for line in self._screen.display]

    def resize(self, width: int, height: int) -> None:
        """Give the terminal a new size (the app is told, as when its window is dragged)."""
        self.drain(0.05)
        self._screen.resize(height, width)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))

    def drain(self, seconds: float) -> None:
        """Read what the app draws for `seconds`."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                self.output += chunk
                self._stream.feed(chunk)

    @property
    def text(self) -> str:
        """Everything drawn so far, escape sequences left out (words can be looked for)."""
        return ANSI.sub(b"", self.output).decode("utf-8", "replace")

    def forget(self) -> None:
        """Forget what was drawn so far, so `wait_for` waits for what comes next (the terminal
        itself keeps showing it)."""
        self.drain(0.05)
        self.output = b""

    def wait_for(self, marker: str, timeout: float = 30.0) -> None:
        """Wait until `marker` has been drawn (AssertionError after `timeout` seconds)."""
        end = time.monotonic() + timeout
        while marker not in self.text:
            if time.monotonic() > end:
                raise AssertionError(f"the app did not show {marker!r} within {timeout} s")
            self.drain(0.05)

    def type(self, keys: str) -> None:
        """Send `keys` in one write, as a terminal sends a burst."""
        os.write(self.fd, keys.encode("utf-8"))

    def type_slowly(self, keys: list[str], interval: float) -> None:
        """Send each of `keys` after the other, `interval` seconds apart (a person typing)."""
        for key in keys:
            self.type(key)
            self.drain(interval)

    def quit(self, timeout: float = 30.0) -> int:
        """Ctrl+Q, then wait for the app to end; its exit status."""
        self.type(CTRL_Q)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.drain(0.05)
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = os.waitstatus_to_exitcode(status)
                os.close(self.fd)
                return self.status
        self.kill()
        raise AssertionError(f"the app did not quit within {timeout} s")

    def kill(self) -> None:
        """SIGKILL (a crash), reaped."""
        if self.status is not None:
            return
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        self.status = -9
