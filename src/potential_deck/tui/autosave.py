"""Autosave for the open session: debounced while typing, at once on navigation, in order.

A plain copy of the session is taken on the event loop (the session is not thread-safe);
turning it into TOML and writing the file, which may block on fsync, run in a thread
worker. A sequence number makes sure an older snapshot never replaces a newer one. Every
write goes through the session's `SessionFile` (`core.session.session_file`), which notices another
program's change to the file and keeps that version beside it.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from textual.dom import DOMNode
from textual.timer import Timer as TextualTimer

from potential_deck.core.session.session_file import SessionFile, cause
from potential_deck.core.session.store import data_to_toml, session_data

if TYPE_CHECKING:
    from potential_deck.core.session.models import Session

DEBOUNCE = 0.4
"""Seconds of quiet typing before a save: well inside the one second a crash may lose."""


class Saved(NamedTuple):
    """What a save did: when it wrote, or why it could not (a `session_file.cause` word);
    and where another program's version of the file was kept, if it had changed."""

    when: datetime | None
    failed: str | None = None
    kept: Path | None = None


class Autosaver:
    """Saves `session()` into `file` for the screen `owner`; `saved` reports each write."""

    def __init__(
        self,
        owner: DOMNode,
        file: SessionFile,
        session: Callable[[], Session],
        saved: Callable[[datetime | None, str | None, Path | None], None],
        now: Callable[[], datetime],
        delay: float = DEBOUNCE,
    ) -> None:
        self.owner = owner
        self.now = now
        self.delay = delay
        """Seconds of quiet before a save (DEBOUNCE; tests inject their own)."""
        self.file = file
        self.session = session
        self.saved = saved
        self._timer: TextualTimer | None = None
        self._lock = threading.Lock()
        self._seq = 0
        self._written = 0
        self.dirty = False
        self.last_saved: datetime | None = None
        """When the file last held everything (None: not since the screen opened)."""
        self.failed: str | None = None
        """Why the last write failed (None: it did not)."""

    @property
    def path(self) -> Path:
        """The session file (as the user named it)."""
        return self.file.path

    def touch(self) -> None:
        """Something changed: save after a short quiet spell (at most `delay` late)."""
        self.dirty = True
        if self._timer is None:
            self._timer = self.owner.set_timer(self.delay, self.save_soon)

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

    def flush(self) -> Saved | None:
        """Save now and wait for it (on quit and when leaving the screen); None: a newer save won."""
        self._cancel()
        data, seq = self._snapshot()
        result = self._write(data_to_toml(data), seq)
        if result is not None:
            self.saved(*result)
        return result

    def text_now(self) -> str:
        """The session as a session file's text, now (for a copy written elsewhere)."""
        return data_to_toml(session_data(self.session()))

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

    def _write(self, text: str, seq: int) -> Saved | None:
        """Write one snapshot unless a newer one is already on disk."""
        with self._lock:
            if seq <= self._written:
                return None
            try:
                written = self.file.write(text)
            except OSError as exc:
                self.dirty = True
                self.failed = cause(exc)
                return Saved(None, self.failed)
            self._written = seq
            self.failed = None
            self.last_saved = self.now()
        return Saved(self.last_saved, None, written.kept)
