"""Real faults for tests: a full disk (a small tmpfs) and a read-only folder (a read-only bind mount).

Tests may run as root, which ignores permission bits, so a read-only folder is made with a
read-only bind mount (EROFS for everyone) and a full disk with a tiny tmpfs filled up (ENOSPC).
Both need mount rights. Where they cannot be made (not root, no mount), `fake=True` gives a
fake instead: the one function every write starts with (`tempfile.mkstemp` in core.session.store, and
the lock file's `os.open` in core.session.lock) raises ENOSPC / EROFS for paths inside the folder;
`Fault.real` says which one a test got.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from potential_deck.core.session import lock, store


@dataclass
class Fault:
    """A folder with a fault: `folder`, and whether the fault is real (a mount) or a fake."""

    folder: Path
    real: bool
    _fill: Any = None

    def fill(self) -> None:
        """Take the last free byte of the disk (a full disk only)."""
        if self._fill is not None:
            self._fill()


def _mount(*args: str) -> bool:
    try:
        return subprocess.run(["mount", *args], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=20, check=False)


def _inside(path: object, folder: Path) -> bool:
    try:
        return Path(os.path.realpath(str(path))).is_relative_to(os.path.realpath(folder))
    except (TypeError, ValueError):
        return False


def _fake(monkeypatch: pytest.MonkeyPatch, folder: Path, number: int) -> None:
    real_mkstemp, real_open = store.tempfile.mkstemp, lock._open

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if _inside(kwargs.get("dir"), folder):
            raise OSError(number, os.strerror(number))
        return real_mkstemp(*args, **kwargs)

    def open_lock(path: Path) -> int:
        if _inside(path, folder):
            raise OSError(number, os.strerror(number), str(path))
        return real_open(path)

    monkeypatch.setattr(store.tempfile, "mkstemp", mkstemp)
    monkeypatch.setattr(lock, "_open", open_lock)


@contextmanager
def full_disk(base: Path, monkeypatch: pytest.MonkeyPatch, *, fake: bool = True) -> Iterator[Fault]:
    """A folder on a small disk; `fill()` leaves it without a free byte. Unmounted after."""
    folder = base / f"disk-{uuid.uuid4().hex[:6]}"
    folder.mkdir()
    if os.geteuid() == 0 and _mount("-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(folder)):

        def fill() -> None:
            with open(folder / "filler", "wb", buffering=0) as filler:
                for size in (65536, 4096, 1):
                    try:
                        while True:
                            filler.write(b"\0" * size)
                    except OSError as exc:
                        assert exc.errno == errno.ENOSPC

        try:
            yield Fault(folder, True, fill)
        finally:
            _umount(folder)
        return
    if not fake:
        pytest.skip("a full disk needs a tmpfs mount (root)")
    yield Fault(folder, False, lambda: _fake(monkeypatch, folder, errno.ENOSPC))


@contextmanager
def read_only(folder: Path, monkeypatch: pytest.MonkeyPatch, *, fake: bool = True) -> Iterator[Fault]:
    """`folder` (filled beforehand) made read-only for everyone, root included, until the block ends."""
    if os.geteuid() == 0 and _mount("--bind", str(folder), str(folder)):
        if _mount("-o", "remount,bind,ro", str(folder)):
            try:
                yield Fault(folder, True)
            finally:
                _umount(folder)
            return
        _umount(folder)
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield Fault(folder, True)
        finally:
            folder.chmod(0o755)
        return
    if not fake:
        pytest.skip("a read-only folder needs a bind mount (root) or an ordinary user")
    _fake(monkeypatch, folder, errno.EROFS)
    yield Fault(folder, False)


def unreadable_folder() -> Path:
    """A folder that exists but that an ordinary user (`nobody`) may not list, in a parent they
    may pass through (0711); remove it with shutil.rmtree."""
    parent = Path(tempfile.mkdtemp(prefix="pd-fault-"))
    parent.chmod(0o711)
    folder = parent / "sessions"
    folder.mkdir(mode=0o700)
    return folder


NOBODY = 65534


def as_nobody(run: Callable[[], int]) -> tuple[int, str]:
    """Run `run` in a forked child that has dropped root for `nobody` (root ignores permission
    bits); its exit status and what it wrote to standard error. Whatever `run` needs must be
    imported before: `nobody` cannot read this Python's own files."""
    if os.geteuid() != 0 or not hasattr(os, "fork"):
        pytest.skip("dropping privileges needs root and fork")
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        status = 70
        try:
            os.dup2(write_end, 2)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            sys.stderr = os.fdopen(2, "w", closefd=False)
            status = run()
            sys.stderr.flush()
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "r", encoding="utf-8", errors="replace") as err:
        text = err.read()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), text


def fake_unreadable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Listing `folder` raises PermissionError (both ways a folder is listed), for in-process tests."""
    real_scandir, real_iterdir = os.scandir, Path.iterdir

    def scandir(path: Any = ".") -> Any:
        if _inside(path, folder) and os.path.realpath(str(path)) == os.path.realpath(folder):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_scandir(path)

    def iterdir(self: Path) -> Any:
        if os.path.realpath(self) == os.path.realpath(folder):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_iterdir(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "iterdir", iterdir)
