"""One owner for an open session file: links, odd files, modes, another writer, damage, restore."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from potential_deck.core.session import lock, session_file, store
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CardRecord, Deck, Session
from potential_deck.core.session.seal import END, HEADER
from potential_deck.core.session.session_file import TooLarge, open_file, restore
from potential_deck.core.session.store import SessionFileError, SessionStore, previous_version

NOW = dt.datetime(2026, 11, 23, 14, 30)


@pytest.fixture(autouse=True)
def _close_everything() -> object:
    yield
    session_file.close_all()


def _session(deck: Deck, notes: str = "Wat werkte: samen lezen.") -> Session:
    session = new_session(deck, team="De Linde", now=NOW)
    session.cards[session.agenda[0]] = CardRecord(free=notes)
    return session


@pytest.fixture
def saved(tmp_path: Path, small_deck: Deck) -> Path:
    """A session file written by this version of the app (sealed: HEADER ... END)."""
    return SessionStore(tmp_path / "sessions").create(_session(small_deck))


def _text(deck: Deck, notes: str = "Nieuwe notitie") -> str:
    return store.to_toml(_session(deck, notes))


# --- links and odd files -----------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_a_symbolic_link_stays_a_link_and_the_file_it_names_is_written(
    saved: Path, tmp_path: Path, small_deck: Deck
) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(saved)
    opened, _ = open_file(link)
    opened.write(_text(small_deck, "door de link"))
    assert link.is_symlink(), "the link was replaced by a plain file"
    assert "door de link" in saved.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_at_once_never_opened(tmp_path: Path) -> None:
    pipe = tmp_path / "pijp.toml"
    os.mkfifo(pipe)
    result: list[BaseException] = []

    def attempt() -> None:
        try:
            open_file(pipe)
        except BaseException as exc:
            result.append(exc)

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=5)
    assert not worker.is_alive(), "opening a named pipe hung"
    assert isinstance(result[0], SessionFileError) and result[0].kind == "not_regular"
    assert "not a regular file" in str(result[0])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_reading_a_named_pipe_for_export_or_summary_never_hangs(tmp_path: Path) -> None:
    pipe = tmp_path / "pijp.toml"
    os.mkfifo(pipe)
    with pytest.raises(SessionFileError, match="not a regular file"):
        store.read(pipe)


def test_a_session_with_a_second_name_is_refused_with_what_to_do(saved: Path, tmp_path: Path) -> None:
    os.link(saved, tmp_path / "tweede-naam.toml")
    with pytest.raises(SessionFileError) as refused:
        open_file(saved)
    assert refused.value.kind == "linked"
    assert "second name" in str(refused.value) and "make a copy" in str(refused.value)
    assert lock.holder(saved) is None and not lock.lock_path(saved).exists(), "nothing left behind"


def test_a_read_only_session_is_refused_and_left_exactly_as_it_was(saved: Path) -> None:
    saved.chmod(0o400)
    before = (saved.read_bytes(), saved.stat().st_mtime_ns)
    with pytest.raises(SessionFileError) as refused:
        open_file(saved)
    assert refused.value.kind == "read_only" and "read-only" in str(refused.value)
    assert (saved.read_bytes(), saved.stat().st_mtime_ns) == before
    assert stat.S_IMODE(saved.stat().st_mode) == 0o400, "its mode was not touched"


def test_a_file_larger_than_the_limit_gets_words_not_a_freeze(tmp_path: Path) -> None:
    huge = tmp_path / "groot.toml"
    with open(huge, "wb") as handle:
        handle.truncate(33 * 1024 * 1024)  # sparse: instant
    with pytest.raises(SessionFileError) as refused:
        store.read(huge)
    assert refused.value.kind == "too_large"
    assert "33 MB" in str(refused.value) and "32 MB" in str(refused.value)


def test_a_session_grown_past_the_limit_is_not_written(saved: Path, small_deck: Deck) -> None:
    opened, _ = open_file(saved)
    before = saved.read_bytes()
    with pytest.raises(TooLarge):
        opened.write(_text(small_deck, "x" * (33 * 1024 * 1024)))
    assert saved.read_bytes() == before


# --- modes ---------------------------------------------------------------------------------------


def test_writing_keeps_the_mode_the_user_chose(saved: Path, small_deck: Deck) -> None:
    saved.chmod(0o640)
    opened, _ = open_file(saved)
    opened.write(_text(small_deck))
    assert stat.S_IMODE(saved.stat().st_mode) == 0o640


def test_folders_and_files_the_app_creates_are_private(tmp_path: Path, small_deck: Deck) -> None:
    old = os.umask(0o022)
    try:
        path = SessionStore(tmp_path / "a" / "sessions").create(_session(small_deck))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_existing_folder_is_never_chmodded(tmp_path: Path, small_deck: Deck) -> None:
    folder = tmp_path / "sessions"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    SessionStore(folder).create(_session(small_deck))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755


# --- another writer ------------------------------------------------------------------------------


def test_another_programs_change_is_kept_beside_and_ours_is_saved(saved: Path, small_deck: Deck) -> None:
    opened, _ = open_file(saved, wait=0)
    theirs = _text(small_deck, "Versie van een collega via OneDrive")
    saved.write_text(theirs, encoding="utf-8")  # a sync tool brings another version
    written = opened.write(_text(small_deck, "Onze notities"))
    assert written.kept is not None
    assert written.kept.read_text(encoding="utf-8") == theirs
    assert "elders gewijzigd" in written.kept.name and written.kept.suffix == ".toml"
    assert "Onze notities" in saved.read_text(encoding="utf-8")
    listed = [item.path for item in SessionStore(saved.parent).list()]
    assert written.kept in listed, "the home screen lists the other version as a session of its own"


def test_our_own_writes_are_not_taken_for_another_writer(saved: Path, small_deck: Deck) -> None:
    opened, _ = open_file(saved)
    assert opened.write(_text(small_deck, "een")).kept is None
    assert opened.write(_text(small_deck, "twee")).kept is None
    assert sorted(p.name for p in saved.parent.glob("*.toml")) == [saved.name]


# --- damage and the previous version -------------------------------------------------------------


def _cut_at_a_line_break(path: Path) -> None:
    """What a copy or sync tool that gave up leaves: still valid TOML, the end gone."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("[cards.")], encoding="utf-8")


def test_a_file_cut_short_is_recognised_before_anything_writes_over_it(saved: Path) -> None:
    _cut_at_a_line_break(saved)
    damaged = saved.read_bytes()
    with pytest.raises(SessionFileError) as refused:
        open_file(saved)
    assert refused.value.kind == "damaged" and "cut short" in str(refused.value)
    assert saved.read_bytes() == damaged
    assert not lock.lock_path(saved).exists()


def test_a_file_written_before_the_end_line_existed_still_opens(tmp_path: Path, small_deck: Deck) -> None:
    old = tmp_path / "oud.toml"
    text = store.to_toml(_session(small_deck))
    old.write_text(text.removeprefix(HEADER + "\n").replace(END + "\n", ""), encoding="utf-8")
    _, session = open_file(old)
    assert session.team == "De Linde"


def test_the_previous_good_version_is_kept_private_and_restored(saved: Path, small_deck: Deck) -> None:
    opened, _ = open_file(saved)
    opened.write(_text(small_deck, "Laatste woorden van de bijeenkomst"))
    opened.close()
    previous = previous_version(saved)
    assert previous.name.startswith(".") and stat.S_IMODE(previous.stat().st_mode) == 0o600
    _cut_at_a_line_break(saved)
    kept = restore(saved)
    assert "Laatste woorden van de bijeenkomst" in saved.read_text(encoding="utf-8")
    assert kept is not None and kept.name.startswith(".") and "damaged" in kept.name
    assert store.read(saved).team == "De Linde"


def test_restore_refuses_to_undo_a_file_that_reads_fine(saved: Path, small_deck: Deck) -> None:
    opened, _ = open_file(saved)
    opened.write(_text(small_deck, "nieuw"))
    before = saved.read_bytes()  # the previous version is the one read when it was opened
    opened.close()
    store.write(saved, _session(small_deck, "nog nieuwer"))
    with pytest.raises(SessionFileError, match="--force"):
        restore(saved)
    assert saved.read_bytes() != before
    restore(saved, force=True)
    assert "nieuw" in saved.read_text(encoding="utf-8")


def test_restore_of_an_open_session_is_refused(saved: Path) -> None:
    open_file(saved)
    with pytest.raises(SessionFileError, match="open"):
        restore(saved)


# --- odd files, plainly said ---------------------------------------------------------------------


def test_a_utf8_byte_order_mark_is_accepted(saved: Path) -> None:
    saved.write_bytes(b"\xef\xbb\xbf" + saved.read_bytes())
    assert store.read(saved).team == "De Linde"


def test_a_latin1_file_is_said_to_be_not_utf8_with_what_to_do(tmp_path: Path, small_deck: Deck) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(store.to_toml(_session(small_deck, "café")).encode("latin-1"))
    with pytest.raises(SessionFileError) as refused:
        store.read(path)
    assert refused.value.kind == "encoding"
    assert "not UTF-8" in str(refused.value) and "save it again" in str(refused.value)
    assert "codec" not in str(refused.value)


@pytest.mark.parametrize(
    ("content", "kind"),
    [("", "empty"), ("[project]\nname = 'iets'\nversion = '1.0'\n", "not_session")],
    ids=["empty", "pyproject"],
)
def test_a_file_that_is_not_a_session_is_said_to_be_so(tmp_path: Path, content: str, kind: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SessionFileError) as refused:
        store.read(path)
    assert refused.value.kind == kind
    assert "not a potential-deck session" in str(refused.value)
    assert "Field required" not in str(refused.value)


# --- portable fallbacks --------------------------------------------------------------------------


def test_without_hard_links_a_new_session_still_never_replaces_another(
    tmp_path: Path, small_deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_: object) -> None:
        raise OSError(1, "Operation not permitted")  # FAT/exFAT USB sticks

    monkeypatch.setattr(store.os, "link", no_links)
    sessions = SessionStore(tmp_path)
    first = sessions.create(_session(small_deck))
    before = first.read_bytes()
    second = sessions.create(_session(small_deck))
    assert second.name.endswith("-2.toml") and first.read_bytes() == before
    assert store.read(second).team == "De Linde"
    assert not list(tmp_path.glob(".*.tmp"))


def test_without_fchmod_the_mode_is_set_by_path(
    tmp_path: Path, small_deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(store.os, "fchmod")  # Windows before Python 3.13
    path = tmp_path / "s.toml"
    store.write(path, _session(small_deck))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
