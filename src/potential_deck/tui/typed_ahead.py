"""Keys typed ahead stay off the terminal: they show in the app's note field, nowhere else.

A terminal echoes what is typed until a program takes its keys (Textual does, a fifth of a
second or more after launch). So a note typed at launch ("the start of a note about a pupil")
was printed on the terminal's own screen below the command: the room saw it while the app
started, and again after the app had ended (the app draws on a screen of its own, and leaving it
shows the terminal's screen as it was). `typed_ahead_unseen` turns the echo off as soon as the
app is asked for, erases the line the keys typed before that were echoed on, and gives the
terminal its echo back when the app has ended. The keys themselves wait for the app, as before.

POSIX terminals only (termios). Elsewhere nothing is done: a Windows console shows no key before
a program reads it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

ERASE_LINE = "\r\x1b[2K"
"""To the start of the line, and clear it: the keys echoed before the echo was off."""


@contextlib.contextmanager
def typed_ahead_unseen() -> Iterator[None]:
    """While the app runs (and starts): no echo of typed keys on the terminal; then as before."""
    try:
        import termios
    except ImportError:  # not a POSIX system
        yield
        return
    try:
        fd = sys.stdin.fileno()
        if not sys.stdin.isatty():
            raise OSError("not a terminal")
        saved = termios.tcgetattr(fd)
    except (OSError, ValueError, termios.error):  # no terminal (a pipe, a test, a service)
        yield
        return
    quiet = list(saved)
    quiet[3] = saved[3] & ~(termios.ECHO | termios.ECHONL)  # the local modes
    try:
        termios.tcsetattr(fd, termios.TCSANOW, quiet)
    except termios.error:
        yield
        return
    with contextlib.suppress(OSError, ValueError):
        if sys.stdout.isatty():
            sys.stdout.write(ERASE_LINE)
            sys.stdout.flush()
    try:
        yield
    finally:
        with contextlib.suppress(termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, saved)
