"""The real app in a pseudo-terminal: typed into, read back as a person sees it, signalled, killed."""

from __future__ import annotations

import fcntl
import os
import pty
import random
import re
import select
import signal
import struct
import sys
import termios
import time

_ESCAPE = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[@-Z\\-_])")


MARK = "§"
"""A key the card screen ignores and a note field shows: proof that the field has the focus."""
_SAFE = "acdefghijklmnopqsuvwxyz"
"""Letters that are no key of the card screen (t, r and b are)."""


def without_size(env: dict[str, str]) -> dict[str, str]:
    """`env` without LINES and COLUMNS, which would override the pseudo-terminal's size (pytest-xdist's
    workers have them, 80×24): the app must see the terminal this harness made."""
    return {name: value for name, value in env.items() if name not in ("LINES", "COLUMNS")}


class Terminal:
    """The app running in a pseudo-terminal of 100×30, its output drained as it comes."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        pid, fd = pty.fork()
        if pid == 0:  # the child: become the app, sized by the terminal alone
            os.execvpe(sys.executable, [sys.executable, "-m", "potential_deck", *args], without_size(env))
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        self.output = b""
        self.status: int | None = None

    def drain(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if self.fd < 0:
                time.sleep(min(left, 0.05))
                continue
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.05))
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:
                    return

    def shown(self) -> str:
        """Everything the app has drawn so far, escape sequences left out (text as a person reads it)."""
        return _ESCAPE.sub(b"", self.output).decode("utf-8", errors="replace")

    def wait_for(self, marker: bytes, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while marker not in self.output:
            if time.monotonic() > end:
                raise AssertionError(f"the app did not show {marker!r} within {timeout} s")
            self.drain(0.05)

    def wait_until_shown(self, text: str, timeout: float = 30.0) -> float:
        """Wait until the app has drawn `text` (so it has read those keys); when it was seen."""
        end = time.monotonic() + timeout
        while text not in self.shown():
            if time.monotonic() > end:
                raise AssertionError(f"the app did not draw {text!r} within {timeout} s")
            self.drain(0.01)
        return time.monotonic()

    def wait_until_typing(self, timeout: float = 30.0) -> None:
        """Wait until a typed key lands in a note field (typing goes there from the start).

        A marker that is no command on the card screen (MARK and letters that steer nothing) is
        typed until the app draws it: from then on the app has taken keys, and what the test
        types next is read in order. The marker is new each time: the notes of a resumed
        session may show an older one already.
        """
        end = time.monotonic() + timeout
        token = MARK + "".join(random.choice(_SAFE) for _ in range(8))
        while token not in self.shown():
            if time.monotonic() > end:
                raise AssertionError(f"the app did not take a typed key within {timeout} s")
            self.type(token)
            self.drain(0.2)

    def type(self, text: str) -> None:
        os.write(self.fd, text.encode())

    def signal(self, number: int) -> None:
        os.kill(self.pid, number)

    def hang_up(self) -> None:
        """Close the window: the terminal side goes away (the kernel sends SIGHUP), and SIGHUP."""
        os.close(self.fd)
        self.fd = -1
        os.kill(self.pid, signal.SIGHUP)

    def wait_exit(self, timeout: float = 30.0) -> int:
        """The app's exit status once it ends by itself (AssertionError if it does not)."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            self.drain(0.05)
        raise AssertionError(f"the app did not end within {timeout} s")

    def kill(self) -> None:
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.status = -signal.SIGKILL
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
