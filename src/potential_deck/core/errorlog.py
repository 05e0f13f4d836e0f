"""Unexpected errors are written down privately, never shown: a traceback can hold notes.

Each error gets a file of its own in the log folder (`locations.log_dir`), readable by its
owner only (0600, in a 0700 folder); the app and the command say where it is, in the
facilitator's language, and nothing else.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from potential_deck.core.choices import Lang
from potential_deck.core.locations import log_dir
from potential_deck.core.session.store import write_new
from potential_deck.core.text.i18n import t


def write(details: str, *, folder: Path | None = None) -> Path | None:
    """Write `details` to a new private log file; its path (None when it cannot be written)."""
    folder = folder or log_dir()
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 100):
        path = folder / f"error-{stamp}-{os.getpid()}{f'-{n}' if n > 1 else ''}.log"
        try:
            write_new(path, details)
        except FileExistsError:
            continue
        except OSError:
            return None
        return path
    return None


def write_exception(exc: BaseException, *, folder: Path | None = None) -> Path | None:
    """Write an exception with its traceback to a new private log file; its path (or None)."""
    return write("".join(traceback.format_exception(exc)), folder=folder)


def report(lang: Lang, details: str, kind: str) -> Path | None:
    """Write `details` to a private log file and tell the facilitator where (on standard error),
    in their language, without any of the details; the log file's path (None: not written)."""
    log = write(details)
    if log is not None:
        message = t(lang, "error.unexpected", log=str(log))
    else:
        message = t(lang, "error.unexpected_nolog", kind=kind)
    with contextlib.suppress(OSError, ValueError):
        print(f"potential-deck: {message}", file=sys.stderr)
    return log
