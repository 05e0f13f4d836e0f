"""One session, one app: an OS lock that the kernel releases however the holder ends."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sys
from pathlib import Path

import pytest

from conftest import hold_in_child
from potential_deck.core.session import lock
from potential_deck.core.session.lock import SessionLocked, acquire, holder, lock_path, open_sessions


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "2026-11-23-de-linde.toml"
    path.write_text("team = 'De Linde'\n", encoding="utf-8")
    return path


def test_a_second_app_is_refused_while_the_first_holds_the_session(session: Path) -> None:
    child = hold_in_child(session)
    try:
        with pytest.raises(SessionLocked) as refused:
            acquire(session, wait=0)
        message = str(refused.value)
        assert session.name in message and "already open" in message
        assert "try again" in message  # what to do when the other app is really gone
        assert refused.value.owner.pid == child.pid
    finally:
        child.kill()
        child.wait()


@pytest.mark.skipif(sys.platform == "win32", reason="zombies are a POSIX thing")
def test_a_killed_app_left_as_a_zombie_no_longer_holds_the_session(session: Path) -> None:
    child = hold_in_child(session)
    os.kill(child.pid, signal.SIGKILL)
    # not reaped: the process stays a zombie, as in a container without an init process
    for _ in range(200):
        with open(f"/proc/{child.pid}/stat", encoding="ascii") as stat:
            if stat.read().split(") ")[1].startswith("Z"):
                break
        os.sched_yield()
    held = acquire(session, wait=2.0)
    assert held.held
    held.release()
    child.wait()


def test_a_lock_file_naming_a_live_unrelated_process_does_not_hold_the_session(session: Path) -> None:
    # e.g. a process id reused after a reboot, or a lock copied from another computer
    lock_path(session).write_text(json.dumps({"pid": os.getppid(), "host": "elsewhere"}), encoding="utf-8")
    assert holder(session) is None
    held = acquire(session, wait=0)
    assert held.held
    held.release()


def _race(
    session: str, barrier: multiprocessing.synchronize.Barrier, wins: multiprocessing.Queue[str]
) -> None:
    barrier.wait()
    try:
        acquire(Path(session), wait=0.2)
    except SessionLocked:
        wins.put("refused")
        return
    wins.put("won")
    barrier.wait()  # hold the lock until every racer has tried


@pytest.mark.parametrize("round_no", range(5))
def test_racing_openers_exactly_one_wins(session: Path, round_no: int) -> None:
    racers = 6
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(racers)
    wins: multiprocessing.Queue[str] = context.Queue()
    processes = [context.Process(target=_race, args=(str(session), barrier, wins)) for _ in range(racers)]
    for process in processes:
        process.start()
    results = [wins.get(timeout=60) for _ in range(racers)]
    barrier.abort()  # the winner waits on the barrier a second time; let it go
    for process in processes:
        process.join(timeout=60)
    assert results.count("won") == 1, results


def test_release_removes_the_lock_file_and_the_next_opener_gets_it(session: Path) -> None:
    held = acquire(session, wait=0)
    assert lock_path(session).exists()
    held.release()
    assert not lock_path(session).exists()
    again = acquire(session, wait=0)
    assert again.held
    again.release()


def test_release_all_leaves_no_lock_file_behind(session: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text("", encoding="utf-8")
    acquire(session, wait=0)
    acquire(other, wait=0)
    lock.release_all()
    assert not lock_path(session).exists() and not lock_path(other).exists()


def test_a_refused_open_leaves_nothing_of_its_own_behind(session: Path) -> None:
    child = hold_in_child(session)
    try:
        before = sorted(p.name for p in session.parent.iterdir())
        with pytest.raises(SessionLocked):
            acquire(session, wait=0)
        assert sorted(p.name for p in session.parent.iterdir()) == before
    finally:
        child.kill()
        child.wait()
    # the holder's lock file goes with it once a new opener takes over and closes
    acquire(session, wait=1.0).release()
    assert not lock_path(session).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_names_the_same_session(session: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(session)
    assert lock_path(link) == lock_path(session)
    child = hold_in_child(link)
    try:
        with pytest.raises(SessionLocked):
            acquire(session, wait=0)
    finally:
        child.kill()
        child.wait()


def test_holder_and_open_sessions_name_the_session_a_facilitator_has_open(
    session: Path, tmp_path: Path
) -> None:
    closed = tmp_path / "2026-10-01-de-linde.toml"
    closed.write_text("", encoding="utf-8")
    lock_path(closed).write_text("{}", encoding="utf-8")  # left by an app that was killed
    assert holder(session) is None
    child = hold_in_child(session)
    try:
        owner = holder(session)
        assert owner is not None and owner.pid == child.pid and owner.since
        assert [path.name for path, _ in open_sessions(tmp_path)] == [session.name]
    finally:
        child.kill()
        child.wait()
    assert holder(session) is None
    assert open_sessions(tmp_path) == []


def test_opening_the_same_session_twice_in_one_app_reuses_its_lock(session: Path) -> None:
    first = acquire(session, wait=0)
    assert acquire(session, wait=0) is first
    lock.release(session)
    assert not first.held


def test_the_lock_file_is_hidden_from_the_session_list(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "s.toml").name.startswith(".")


def test_a_lock_left_behind_by_an_app_that_did_not_close_says_who_had_it(tmp_path) -> None:
    """A crash, kill -9 or power cut leaves the lock file (the kernel lets go of the lock); the
    next app that opens the session learns who had it and since when, to say so."""
    session = tmp_path / "a.toml"
    session.write_text("x", encoding="utf-8")
    lock.lock_path(session).write_text(
        '{"pid": 4242, "host": "laptop-els", "since": "2026-11-28T14:02:11+01:00"}', encoding="utf-8"
    )
    held = lock.acquire(session)
    try:
        assert held.unclosed == lock.Owner(4242, "laptop-els", "2026-11-28T14:02:11+01:00")
    finally:
        held.release()
    again = lock.acquire(session)  # closed as it should be: nothing to say
    try:
        assert again.unclosed is None
    finally:
        again.release()
