"""Closing the window saves: SIGTERM and SIGHUP write what was typed, release the lock, then exit.

Closing a terminal window sends SIGHUP; a logout or `kill` sends SIGTERM. Either way every open
session is written at once (what the app has received of the typing: keys already read are
handled first), closed (its spare copy kept, its lock released, no temporary file left) and the
app exits with 128 + the signal's number — within EXIT_GRACE seconds even when the terminal is
gone and Textual cannot give it back. When a session cannot be written then (a full disk), a
copy goes to the rescue folder (`locations.rescue_dir`) and the error log says where.

Portability: Windows has no SIGHUP. There SIGTERM and SIGBREAK (Ctrl+Break) are caught the same
way; closing the console window sends CTRL_CLOSE_EVENT, which Python's `signal` module does not
deliver, so that case is not covered (autosave has written all but the last 0.4 s by then).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

from textual.app import App

from potential_deck.core import errorlog
from potential_deck.core.locations import rescue_dir
from potential_deck.core.session import session_file

SIGNALS = ("SIGTERM", "SIGHUP", "SIGBREAK")
"""The signals that mean 'the window is closing', where the platform has them."""


@contextlib.contextmanager
def saving_on_signals(app: App[Any]) -> Iterator[None]:
    """While the app runs, a closing signal saves and ends it (the handlers are put back after)."""
    handler = _handler(app)
    previous: dict[int, Any] = {}
    for name in SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        with contextlib.suppress(OSError, ValueError):  # not the main thread, or not allowed here
            previous[number] = signal.signal(number, handler)
    try:
        yield
    finally:
        for number, old in previous.items():
            with contextlib.suppress(OSError, ValueError, TypeError):
                signal.signal(number, old)


def _handler(app: App[Any]) -> Callable[[int, FrameType | None], None]:
    def on_signal(number: int, _frame: FrameType | None) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            loop = None
        if loop is None or not app.is_running:  # before the app runs or after it ended
            session_file.close_all()
            raise SystemExit(128 + number)
        loop.call_soon_threadsafe(asyncio.ensure_future, save_and_exit(app, number))

    return on_signal


EXIT_GRACE = 2.0
"""Seconds the app gets to give the terminal back after a closing signal, before it just ends."""
SETTLE_ROUNDS = 8
"""Hops a typed key takes before it is in the session (key, text area, notes panel, screen)."""
SETTLE_TIMEOUT = 2.0


async def settle(app: App[Any]) -> None:
    """Let the app handle what it has already received (keys typed just before the signal)."""
    loop = asyncio.get_running_loop()
    with contextlib.suppress(Exception):
        async with asyncio.timeout(SETTLE_TIMEOUT):
            for _ in range(SETTLE_ROUNDS):
                handled = []
                for node in (app, *app.screen.walk_children(with_self=True)):
                    done = loop.create_future()
                    if node.call_later(done.set_result, None):
                        handled.append(done)
                await asyncio.gather(*handled)


async def save_and_exit(app: App[Any], number: int) -> None:
    """Write every open session (or a rescue copy), close them, and end the app."""
    from potential_deck.tui.screens.base import SessionScreen

    for _ in range(int(SETTLE_TIMEOUT / 0.05)):  # a session still loading (`run`, `resume`)
        if not any(getattr(screen, "loading_session", False) for screen in app.screen_stack):
            break
        await asyncio.sleep(0.05)
    await settle(app)
    for screen in app.screen_stack:
        if isinstance(screen, SessionScreen) and screen.is_open and screen.flush() is not None:
            _rescue(screen)
    session_file.close_all()
    app.exit(return_code=128 + number)
    # With the window gone, Textual may wait for ever to give the terminal back; everything is
    # saved and closed by now, so the process ends regardless once EXIT_GRACE has passed.
    watchdog = threading.Timer(EXIT_GRACE, os._exit, (128 + number,))
    watchdog.daemon = True  # a prompt exit does not wait for it
    watchdog.start()


def _rescue(screen: Any) -> None:
    """A copy of a session that could not be saved where it lives, and a note in the error log."""
    saver = screen.autosaver
    text, stem, copy = saver.text_now(), saver.path.name.removesuffix(".toml"), None
    for n in range(1, 100):
        name = f"{stem}.toml" if n == 1 else f"{stem}-{n}.toml"
        try:
            copy = session_file.write_copy(rescue_dir() / name, text, name)
        except FileExistsError:
            continue
        except OSError:
            pass
        break
    errorlog.write(
        f"The window closed while {saver.path} could not be saved ({saver.failed}).\n"
        + (f"A copy of the session was written to {copy}.\n" if copy else "No copy could be written.\n")
    )
