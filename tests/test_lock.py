"""One session, two apps: the second is refused; a crashed app's lock is taken over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from potential_deck.core.lock import SessionLocked, acquire, is_stale, lock_path, release


def test_second_app_is_refused_while_the_first_lives(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        acquire(session, pid=holder.pid)
        with pytest.raises(SessionLocked) as err:
            acquire(session)
        assert str(holder.pid) in str(err.value) and "s.toml" in str(err.value)
        assert "already open" in str(err.value)
    finally:
        holder.kill()
        holder.wait()


def test_lock_of_a_killed_app_is_stale_and_taken_over(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    acquire(session, pid=dead.pid)
    assert is_stale(lock_path(session))
    assert acquire(session) == lock_path(session)
    assert not is_stale(lock_path(session))


def test_unreadable_lock_is_stale(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    lock_path(session).write_text("{half")
    assert is_stale(lock_path(session))
    acquire(session)
    assert lock_path(session).exists()


def test_release_removes_only_our_lock(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    acquire(session)
    release(session)
    assert not lock_path(session).exists()
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        acquire(session, pid=holder.pid)
        release(session)
        assert lock_path(session).exists(), "another app's lock is left alone"
    finally:
        holder.kill()
        holder.wait()


def test_lock_file_is_hidden_from_the_session_list(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "s.toml").name.startswith(".")
