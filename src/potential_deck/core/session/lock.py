"""One session, one facilitator app: an operating-system lock held for as long as the session is open.

The lock is the hidden file `.NAME.toml.lock` beside the session's real file (links resolved, so
every path that names one file names one lock). The app holds an exclusive OS lock on it —
`flock` on POSIX, `msvcrt.locking` on Windows — and the kernel releases it when the process ends,
however it ends: quit, crash, `kill -9`, left a zombie. Nothing here tests process ids: a reused
pid, another computer or a container with the same host name cannot fool it. What is written
inside (process id, computer, since when) is only for the message a second app shows and for
the audience view, which looks for the session a facilitator has open (`open_sessions`).

Racing openers: exactly one wins. An opener waits up to `WAIT` seconds before it gives up, so a
momentary look by the audience view (`holder`) never refuses a facilitator. Releasing removes the
file; an opener checks after locking that the path still names the file it locked (a releasing
owner may have just removed it) and tries again if not.
"""

from __future__ import annotations

import atexit
import contextlib
import datetime as dt
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

WAIT = 0.5
"""Seconds an opener keeps trying while another process holds the lock (a look, or a release)."""
RETRY = 0.02

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _REGION = 1 << 30
    """The byte Windows locks: far beyond the text, which other processes must still read."""

    def _try_lock(fd: int, *, shared: bool = False) -> bool:
        os.lseek(fd, _REGION, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _REGION, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    _REMOVE_WHILE_HELD = False  # Windows cannot remove a file that is open

else:
    import errno
    import fcntl

    _BUSY = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK}

    def _try_lock(fd: int, *, shared: bool = False) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

    _REMOVE_WHILE_HELD = True


class Owner(NamedTuple):
    """Who holds a session open, as its lock file says (for messages only)."""

    pid: int | None
    host: str
    since: str
    """When it was opened, ISO 8601 with the local offset ('' when unknown)."""


UNKNOWN = Owner(None, "", "")


class SessionLocked(Exception):
    """The session is open in another potential-deck right now."""

    def __init__(self, path: Path, owner: Owner) -> None:
        self.path = path
        self.owner = owner
        who = []
        if owner.host:
            who.append(f"on {owner.host}")
        if owner.since:
            who.append(f"since {owner.since[11:16] or owner.since}")
        where = f" ({', '.join(who)})" if who else ""
        super().__init__(
            f"{path}: this session is already open in another potential-deck{where}. Close it there "
            "first, or show it to the room with 'potential-deck follow'. If that app is really gone "
            "(also on other computers that share this folder), try again: a closed app always lets go."
        )


def lock_path(session_path: Path) -> Path:
    """Where the lock of a session file lives: beside its real file, hidden."""
    real = Path(os.path.realpath(session_path))
    return real.with_name(f".{real.name}.lock")


def session_of(lock: Path) -> Path:
    """The session file a lock file belongs to."""
    return lock.with_name(lock.name[1 : -len(".lock")])


@dataclass(eq=False)
class SessionLock:
    """A held lock; `release()` gives it back (the kernel does so anyway when the process ends)."""

    session: Path
    path: Path
    fd: int | None
    unclosed: Owner | None = None
    """The app that had the session open before ended without letting go (it crashed, was
    killed, the computer lost power): who and since when, read from the lock file it left. A
    closed app removes that file, so None after an ordinary close."""

    @property
    def held(self) -> bool:
        """Whether this lock is still held."""
        return self.fd is not None

    def release(self) -> None:
        """Give the lock back and remove its file (safe to call twice)."""
        fd, self.fd = self.fd, None
        _held.pop(self.path, None)
        if fd is None:
            return
        if _REMOVE_WHILE_HELD:
            with contextlib.suppress(OSError):
                if _same_file(fd, self.path):
                    self.path.unlink()
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)
        if not _REMOVE_WHILE_HELD:  # pragma: no cover - Windows: another opener may hold it now
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> SessionLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


_held: dict[Path, SessionLock] = {}
"""The locks this process holds, by lock file: opening a session twice here reuses its lock."""


def acquire(session_path: Path, *, wait: float = WAIT) -> SessionLock:
    """Hold the lock of a session; SessionLocked when another app holds it (after `wait` seconds)."""
    lock = lock_path(session_path)
    mine = _held.get(lock)
    if mine is not None and mine.held:
        return mine
    deadline = time.monotonic() + wait
    while True:
        fd = _open(lock)
        if _try_lock(fd):
            if _same_file(fd, lock):
                unclosed = _left_behind(fd)
                _write_owner(fd)
                held = SessionLock(session_path, lock, fd, unclosed)
                if not _held:
                    atexit.register(release_all)
                _held[lock] = held
                return held
            _unlock(fd)  # the owner removed it as we locked it: lock the new one
            os.close(fd)
            continue
        os.close(fd)
        if time.monotonic() >= deadline:
            raise SessionLocked(session_path, _read_owner(lock))
        time.sleep(RETRY)


def release(session_path: Path) -> None:
    """Give back this process's lock of a session, if it holds one (another app's is left alone)."""
    held = _held.get(lock_path(session_path))
    if held is not None:
        held.release()


def release_all() -> None:
    """Give back every lock this process holds (at exit, so no lock file stays behind)."""
    for held in list(_held.values()):
        held.release()


def holder(session_path: Path) -> Owner | None:
    """Who holds the session open now (None: nobody), without disturbing them."""
    return _holder_of(lock_path(session_path))


def open_sessions(folder: Path) -> list[tuple[Path, Owner]]:
    """The sessions in `folder` that a facilitator's app holds open now, with their owners."""
    found = []
    try:
        locks = sorted(folder.glob(".*.toml.lock"))
    except OSError:
        return []
    for lock in locks:
        owner = _holder_of(lock)
        if owner is not None:
            found.append((session_of(lock), owner))
    return found


def _holder_of(lock: Path) -> Owner | None:
    try:
        fd = os.open(lock, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return None
    try:
        if _try_lock(fd, shared=True):
            _unlock(fd)
            return None
        return _owner_from(fd)
    finally:
        os.close(fd)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _open(lock: Path) -> int:
    return os.open(lock, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)


def _same_file(fd: int, path: Path) -> bool:
    """Whether `path` still names the file open as `fd`."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    here = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (here.st_dev, here.st_ino)


def _write_owner(fd: int) -> None:
    import json  # here: `run` takes its lock after the first frame, and json is not needed before

    since = dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    data = json.dumps({"pid": os.getpid(), "host": socket.gethostname(), "since": since})
    with contextlib.suppress(OSError):  # the text is for messages only
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data.encode("utf-8"))


def _owner_from(fd: int) -> Owner:
    import json

    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data: Any = json.loads(os.read(fd, 4096).decode("utf-8"))
        pid = data.get("pid")
        return Owner(
            pid if isinstance(pid, int) and not isinstance(pid, bool) else None,
            str(data.get("host", "")),
            str(data.get("since", "")),
        )
    except (OSError, ValueError, AttributeError):
        return UNKNOWN


def _left_behind(fd: int) -> Owner | None:
    """Who wrote the lock file just locked, if an app left it behind (None: a new, empty file)."""
    try:
        if os.fstat(fd).st_size == 0:
            return None
    except OSError:
        return None
    return _owner_from(fd)


def _read_owner(lock: Path) -> Owner:
    try:
        fd = os.open(lock, os.O_RDONLY | _NOFOLLOW)
    except OSError:
        return UNKNOWN
    try:
        return _owner_from(fd)
    finally:
        os.close(fd)
