"""What a crash or a deletion leaves behind is tidied when the folder is next opened; the read
cache keeps no notes; a folder that is only read is never written."""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from conftest import hold_in_child
from faults import fake_unreadable
from potential_deck.core.session import session_file, store
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CardRecord, Deck, Session
from potential_deck.core.session.recovery import tidy
from potential_deck.core.session.store import CACHE_NAME, SessionStore, previous_version
from potential_deck.core.year.trajectory import read_sessions

NOW = dt.datetime(2026, 11, 23, 14, 30)
NOTE = "Amira vertelde over haar klas in het Arabisch"


def _session(deck: Deck, notes: str = NOTE) -> Session:
    session = new_session(deck, team="De Linde", now=NOW, participants=["Amira"])
    session.cards[session.agenda[0]] = CardRecord(free=notes)
    return session


def test_a_half_written_temporary_file_is_removed_when_the_folder_is_listed(
    tmp_path: Path, small_deck: Deck
) -> None:
    path = SessionStore(tmp_path).create(_session(small_deck))
    leftover = tmp_path / f".{path.name}.k1ll3d.tmp"
    leftover.write_text(store.to_toml(_session(small_deck))[:200], encoding="utf-8")
    SessionStore(tmp_path).list()
    assert not leftover.exists()
    assert store.read(path).team == "De Linde", "the session itself is untouched"


def test_a_whole_temporary_file_newer_than_its_session_is_finished_not_removed(
    tmp_path: Path, small_deck: Deck
) -> None:
    path = SessionStore(tmp_path).create(_session(small_deck))
    leftover = tmp_path / f".{path.name}.k1ll3d.tmp"
    leftover.write_text(store.to_toml(_session(small_deck, "het laatste woord")), encoding="utf-8")
    later = time.time() + 5
    os.utime(leftover, (later, later))  # killed between its fsync and its rename
    tidy(tmp_path)
    assert not leftover.exists()
    assert store.read(path).cards[store.read(path).agenda[0]].free == "het laatste woord"


def test_a_temporary_file_of_a_session_open_in_another_app_is_left_alone(
    tmp_path: Path, small_deck: Deck
) -> None:
    path = SessionStore(tmp_path).create(_session(small_deck))
    child = hold_in_child(path)
    try:
        saving = tmp_path / f".{path.name}.b3zig.tmp"
        saving.write_text("half", encoding="utf-8")
        tidy(tmp_path)
        assert saving.exists(), "another app may be renaming it right now"
    finally:
        child.kill()
        child.wait()


def test_a_new_sessions_temporary_file_linked_by_a_crash_is_removed_and_the_session_opens(
    tmp_path: Path, small_deck: Deck
) -> None:
    path = SessionStore(tmp_path).create(_session(small_deck))
    os.link(path, tmp_path / ".2026-11-23-de-linde.new.abc123.tmp")  # killed before the unlink
    _, session = session_file.open_file(path)
    session_file.close(path)
    assert session.team == "De Linde"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


def test_deleting_a_session_deletes_its_hidden_copies_when_the_folder_is_next_listed(
    tmp_path: Path, small_deck: Deck
) -> None:
    path = SessionStore(tmp_path).create(_session(small_deck))
    session_file.open_file(path)
    session_file.close(path)
    assert previous_version(path).exists()
    path.unlink()
    SessionStore(tmp_path).list()
    assert not previous_version(path).exists()
    files = [p for p in tmp_path.iterdir() if p.is_file()]
    assert not any(NOTE in p.read_text(encoding="utf-8", errors="replace") for p in files)


def test_the_read_cache_keeps_no_notes_and_no_participants(tmp_path: Path, small_deck: Deck) -> None:
    SessionStore(tmp_path).create(_session(small_deck))
    listed = SessionStore(tmp_path).list()
    assert listed[0].heading is not None and listed[0].heading.team == "De Linde"
    cache = (tmp_path / CACHE_NAME).read_text(encoding="utf-8")
    assert "De Linde" in cache
    assert NOTE not in cache and "Amira" not in cache


def test_summary_of_a_folder_writes_nothing_into_it(tmp_path: Path, small_deck: Deck) -> None:
    SessionStore(tmp_path).create(_session(small_deck))
    before = sorted(p.name for p in tmp_path.iterdir())
    entries = list(read_sessions([tmp_path]))
    assert len(entries) == 1 and isinstance(entries[0], tuple)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_unreadable_sessions_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_unreadable(monkeypatch, tmp_path)  # root reads any folder: a fake refusal
    with pytest.raises(store.SessionFileError) as caught:
        SessionStore(tmp_path).list()
    assert caught.value.kind == "folder" and "cannot be read" in str(caught.value)


def test_the_spare_copy_of_an_app_killed_while_opening_is_removed_once_no_app_holds_the_session(
    tmp_path: Path, small_deck: Deck
) -> None:
    path = SessionStore(tmp_path).create(_session(small_deck))
    spare = tmp_path / f"..{path.name}.previous.k1ll3d.tmp"
    spare.write_bytes(path.read_bytes())
    child = hold_in_child(path)
    try:
        tidy(tmp_path)
        assert spare.exists(), "the app that holds the session may be about to keep it"
    finally:
        child.kill()
        child.wait()
    SessionStore(tmp_path).list()
    assert not spare.exists()
