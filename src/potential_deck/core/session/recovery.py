"""What a crash or a deletion leaves in a sessions folder, tidied when the folder is next opened.

A temporary file (`.NAME.toml.XXXX.tmp`) is a save on its way: written whole, then renamed
over the session file in one step. A crash can leave one behind; it is never the only copy
of anything the facilitator was told was saved:

- a whole one (it ends with `seal.END`) newer than its session file, or whose session file is
  gone, is the save the crash interrupted: it is finished (renamed into place), not removed;
- any other is removed: a half-written one (the session file holds the save before it), an
  older one, or one already linked to a session (`SessionStore.create` crashed after naming it).

Nothing is touched while another app holds the session open (it may be saving right now), and a
new session's temporary file (`.STEM.new.XXXX.tmp`) only once it is a minute old. The spare copy
an opening app writes (`..NAME.toml.previous.XXXX.tmp`) goes once no app holds its session.

Hidden copies of a session (`.NAME.toml.previous`, `.NAME.toml.damaged-…`) go when the session
file itself is gone: a session the facilitator deletes leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import time
from pathlib import Path

from potential_deck.core.session import lock
from potential_deck.core.session.seal import HEADER, is_whole

NEW_SESSION_AGE = 60.0
"""Seconds before a new session's temporary file counts as left over (another app may be naming it)."""

_SAVING = re.compile(r"^\.(?P<name>.+\.toml)\.[A-Za-z0-9_]+\.tmp$")
_CANDIDATE = re.compile(r"^\.\.(?P<name>.+\.toml)\.previous\.[A-Za-z0-9_]+\.tmp$")
"""A copy `session_file.claim` writes while it holds the session's lock (see `SessionFile.load`)."""
_COPY = re.compile(r"^\.(?P<name>.+\.toml)\.(previous|damaged-[0-9-]+)$")


def tidy(folder: Path, *, now: float | None = None) -> None:
    """Tidy what crashes and deletions left in `folder` (quietly: a tidy that cannot is skipped)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    names = {entry.name for entry in entries}
    clock = time.time() if now is None else now
    for entry in entries:
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            if match := _CANDIDATE.match(entry.name):
                if lock.holder(folder / match["name"]) is None:  # its app is gone: a spare copy
                    path.unlink()
            elif match := _SAVING.match(entry.name):
                _tidy_save(path, folder / match["name"])
            elif entry.name.startswith(".") and entry.name.endswith(".tmp"):
                _tidy_new(path, clock)
            elif (match := _COPY.match(entry.name)) and match["name"] not in names:
                path.unlink()


def _tidy_save(tmp: Path, session: Path) -> None:
    info = os.stat(tmp, follow_symlinks=False)
    if not stat.S_ISREG(info.st_mode) or lock.holder(session) is not None:
        return
    if info.st_nlink == 1 and _whole(tmp):
        try:
            current = os.stat(session)
        except FileNotFoundError:
            current = None
        if current is None or current.st_mtime_ns < info.st_mtime_ns:
            os.replace(tmp, session)  # finish the save the crash interrupted
            return
    tmp.unlink()


def _tidy_new(tmp: Path, now: float) -> None:
    info = os.stat(tmp, follow_symlinks=False)
    if stat.S_ISREG(info.st_mode) and (info.st_nlink > 1 or now - info.st_mtime > NEW_SESSION_AGE):
        tmp.unlink()


def _whole(path: Path) -> bool:
    """Whether a temporary file holds a whole session file (HEADER ... END)."""
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return text.startswith(HEADER) and is_whole(text)
