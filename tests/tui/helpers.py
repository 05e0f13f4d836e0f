"""Small helpers for reading what the app shows."""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static


def plain(renderable: object) -> str:
    """The text of a Static's content, whatever it holds."""
    if isinstance(renderable, str):
        return renderable
    if hasattr(renderable, "plain"):
        return str(renderable.plain)
    console = Console(width=200, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


def shown_text(app: App[object]) -> str:
    """Every visible Static's text on the current screen, joined: what a person can read."""
    return "\n".join(plain(w.content) for w in app.screen.query(Static) if w.display)


async def palette_searched(pilot: Pilot[object]) -> None:
    """Wait until the command palette has searched what was typed into it.

    The palette searches in a worker and fills its list when that ends: waiting for the workers
    (rather than sleeping a guess) means `Enter` picks from the whole list, however busy the machine.
    """
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def change_saved(pilot: Pilot[object]) -> None:
    """Wait until what the app saves after its next frame is written.

    A card change draws the new card first and saves after that frame (`call_after_refresh`),
    in a thread. Callbacks after a refresh run in the order they were asked for, so once one of
    ours has run, the save has been started; then its worker is awaited. No sleeping.
    """
    import asyncio

    app = pilot.app
    drawn = asyncio.Event()
    app.screen.call_after_refresh(drawn.set)
    app.screen.refresh()
    await drawn.wait()
    await app.workers.wait_for_complete()


async def quit_app(pilot: Pilot[object]) -> None:
    """Press Ctrl+Q to end the app at the end of a test.

    Pilot's `press` waits for Textual's animator after each key, and the animator stops with the
    app without saying it is done: a Ctrl+Q that ended the app while a scroll or the harvest's
    tab underline was still moving left `press` waiting for ever (about 1 run in 12 on a busy
    machine). The app itself quits at once; only the test's wait needs the animations over first.
    """
    await pilot.wait_for_scheduled_animations()
    await pilot.press("ctrl+q")


async def key_burst(pilot: Pilot[object], *keys: str) -> None:
    """Send `keys` in one burst, as fast typing or a held key does: all in the app's queue before
    the app handles the first. Then wait until they are handled and any scroll has ended."""
    from textual import events

    for key in keys:
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
