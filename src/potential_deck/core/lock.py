"""One session, one facilitator app: a lock file beside the session, taken over when stale.

The lock is `.NAME.toml.lock` in the session's folder, holding the owner's host and process id.
A lock whose process is gone (a crashed or killed app) is stale and is taken over.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path


class SessionLocked(Exception):
    """The session is open in another app that is still running."""

    def __init__(self, path: Path, pid: int, host: str) -> None:
        self.path = path
        self.pid = pid
        self.host = host
        super().__init__(
            f"{path}: this session is already open in another potential-deck (process {pid} on "
            f"{host}); close it there first, or open the audience view with 'potential-deck follow'"
        )


def lock_path(session_path: Path) -> Path:
    """Where the lock of a session file lives."""
    return session_path.with_name(f".{session_path.name}.lock")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _owner(lock: Path) -> tuple[int, str] | None:
    """The (pid, host) written in a lock file, or None when it cannot be read."""
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
        return int(data["pid"]), str(data["host"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(lock: Path) -> bool:
    """Whether a lock's owner is gone (or the lock is unreadable)."""
    owner = _owner(lock)
    if owner is None:
        return True
    pid, host = owner
    return host == socket.gethostname() and not _alive(pid)


def acquire(session_path: Path, pid: int | None = None) -> Path:
    """Take the lock of a session; SessionLocked when a live app holds it."""
    lock = lock_path(session_path)
    me = json.dumps({"pid": pid or os.getpid(), "host": socket.gethostname()})
    for _ in range(3):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            owner = _owner(lock)
            if owner and owner[0] == (pid or os.getpid()) and owner[1] == socket.gethostname():
                return lock
            if not is_stale(lock):
                assert owner is not None
                raise SessionLocked(session_path, *owner) from None
            lock.unlink(missing_ok=True)
            continue
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(me)
        return lock
    raise SessionLocked(session_path, -1, "unknown")


def release(session_path: Path) -> None:
    """Give the lock back (only if it is ours)."""
    lock = lock_path(session_path)
    owner = _owner(lock)
    if owner and owner[0] == os.getpid() and owner[1] == socket.gethostname():
        lock.unlink(missing_ok=True)
