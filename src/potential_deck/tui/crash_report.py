"""An unexpected error never shows session content: its details go to a private log file.

When a handler raises, Textual ends the app and prints the traceback, with the values of local
variables (participants' names, notes), on standard error as it exits — on the projector. It
prints through the app's public `error_console` (a Rich Console); `kept_private` gives the app
one that writes into memory instead, and after the app has ended writes what it got to a private
log file (`core.errorlog`) and says where, in the facilitator's language.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any

from rich.console import Console
from textual.app import App

from potential_deck.core import errorlog


@contextlib.contextmanager
def kept_private(app: App[Any]) -> Iterator[None]:
    """Run the app (inside the block) with its error output kept out of sight, then report it."""
    caught = io.StringIO()
    app.error_console = Console(
        file=caught, markup=False, highlight=False, width=120, color_system=None, force_terminal=False
    )
    try:
        yield
    finally:
        details = caught.getvalue()
        if details.strip():
            errorlog.report(getattr(app, "lang", "nl"), details, "error")
