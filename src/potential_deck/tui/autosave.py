"""Autosave for the open session: debounced while typing, at once on navigation, in order.

A plain copy of the session is taken on the event loop (the session is not thread-safe);
turning it into TOML and writing the file, which may block on fsync, run in a thread
worker. A sequence number makes sure an older snapshot never replaces a newer one.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.dom import DOMNode
from textual.timer import Timer as TextualTimer

from potential_deck.core.store import atomic_write, data_to_toml, session_data

if TYPE_CHECKING:
    from potential_deck.core.models import Session

DEBOUNCE = 0.4
"""Seconds of quiet typing before a save: well inside the one second a crash may lose."""


class Autosaver:
    """Saves `session()` to `path` for the screen `owner`; `saved` reports each write."""

    def __init__(
        self,
        owner: DOMNode,
        path: Path,
        session: Callable[[], Session],
        saved: Callable[[datetime | None, str | None], None],
        now: Callable[[], datetime],
    ) -> None:
        self.owner = owner
        self.now = now
        self.path = path
        self.session = session
        self.saved = saved
        self._timer: TextualTimer | None = None
        self._lock = threading.Lock()
        self._seq = 0
        self._written = 0
        self.dirty = False

    def touch(self) -> None:
        """Something changed: save after a short quiet spell (at most DEBOUNCE late)."""
        self.dirty = True
        if self._timer is None:
            self._timer = self.owner.set_timer(DEBOUNCE, self.save_soon)

    def save_soon(self) -> None:
        """Save now, writing in a thread."""
        self._cancel()
        data, seq = self._snapshot()
        app = self.owner.app

        def write_and_report() -> None:
            result = self._write(data_to_toml(data), seq)
            if result is not None:
                # RuntimeError: the app has already stopped; the file is written all the same.
                with contextlib.suppress(RuntimeError):
                    app.call_from_thread(self.saved, *result)

        self.owner.run_worker(write_and_report, thread=True, group="autosave", exit_on_error=False)

    def flush(self) -> None:
        """Save now and wait for it (on quit and when leaving the screen)."""
        self._cancel()
        data, seq = self._snapshot()
        result = self._write(data_to_toml(data), seq)
        if result is not None:
            self.saved(*result)

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _snapshot(self) -> tuple[dict[str, Any], int]:
        """A plain copy of the session (cheap); turning it into TOML is left to the writer."""
        session = self.session()
        session.updated = self.now()
        self._seq += 1
        self.dirty = False
        return session_data(session), self._seq

    def _write(self, text: str, seq: int) -> tuple[datetime | None, str | None] | None:
        """Write one snapshot unless a newer one is already on disk; (when, error)."""
        with self._lock:
            if seq <= self._written:
                return None
            try:
                atomic_write(self.path, text)
            except OSError as exc:
                self.dirty = True
                return None, str(exc)
            self._written = seq
        return self.now(), None
