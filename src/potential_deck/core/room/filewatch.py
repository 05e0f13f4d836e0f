"""Waiting for files in a folder to change: the operating system's file events, else a light poll.

`watch(folder, changed, stop)` blocks (run it in a thread) and calls `changed()` soon after a
session or lock file in `folder` changes, and every `heartbeat` seconds anyway (a network
folder may send no events). It uses `watchfiles` (inotify, FSEvents, ReadDirectoryChangesW)
when it is installed and the folder can be watched, else looks every `POLL` seconds.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

POLL = 0.1
"""Seconds between looks when the folder cannot be watched (the room sees a change within this)."""
HEARTBEAT = 1.0
"""Seconds between looks when nothing was reported: a missed event costs at most this."""
STEP_MS = 5
"""How long watchfiles waits for more events before reporting (a save is a few events)."""

Watch = Callable[[Path, Callable[[], None], threading.Event], None]


def _relevant(_change: Any, path: str) -> bool:
    """Session files and their locks; not the temporary files a save writes first."""
    return path.endswith((".toml", ".lock"))


def poll(folder: Path, changed: Callable[[], None], stop: threading.Event, *, every: float = POLL) -> None:
    """Call `changed()` every `every` seconds until `stop` (the fallback, and for tests)."""
    while not stop.wait(every):
        changed()


def watch(
    folder: Path,
    changed: Callable[[], None],
    stop: threading.Event,
    *,
    heartbeat: float = HEARTBEAT,
    force_polling: bool = False,
) -> None:
    """Call `changed()` soon after a file in `folder` changes, and every `heartbeat` s; until `stop`."""
    try:
        import watchfiles
    except ImportError:  # pragma: no cover - watchfiles is a dependency; a broken install polls
        poll(folder, changed, stop)
        return
    while not stop.is_set():
        if not folder.is_dir():  # not made yet: look again in a while
            if stop.wait(heartbeat):
                return
            changed()
            continue
        try:
            for _changes in watchfiles.watch(
                folder,
                watch_filter=_relevant,
                debounce=int(heartbeat * 1000),
                step=STEP_MS,
                stop_event=stop,
                rust_timeout=int(heartbeat * 1000),
                yield_on_timeout=True,
                recursive=False,
                raise_interrupt=False,
                force_polling=force_polling or None,
                poll_delay_ms=int(POLL * 1000),
                ignore_permission_denied=True,
            ):
                changed()
        except (OSError, RuntimeError):  # the folder went away, or cannot be watched: poll
            if stop.wait(POLL):
                return
            changed()
            if not folder.is_dir():
                continue
            poll_until_gone(folder, changed, stop)


def poll_until_gone(folder: Path, changed: Callable[[], None], stop: threading.Event) -> None:
    """Poll a folder that cannot be watched, until `stop` (or until it is gone: then watch again)."""
    while not stop.wait(POLL):
        changed()
        if not folder.is_dir():
            return
