"""Session files: names, round trips, atomic private writes, listing, and clear errors."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from potential_deck.core.session import store
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import (
    SCHEMA_VERSION,
    CoreValue,
    Deck,
    HarvestItem,
    Opportunity,
    Session,
    Step,
    TimerSnapshot,
)
from potential_deck.core.session.store import SessionFileError, SessionStore, slugify


def _session(deck: Deck, team: str = "Team Zon", day: int = 14) -> Session:
    return new_session(deck, team=team, now=dt.datetime(2025, 3, day, 9, 15, 30))


def _full_session(deck: Deck) -> Session:
    """A session with something in every part: notes, timers, harvest, plan, live state."""
    session = new_session(
        deck,
        team="Basisschool De Sprong",
        now=dt.datetime(2025, 3, 14, 9, 15, 30, 123456),
        facilitator="Lotte",
        participants=["Jan Peeters", "Amira"],
        language="en",
        deck_path="/decks/test",
    )
    record = session.record("praten")
    record.free = 'Said: "it works"\nsecond line — é ü 🙂\\ backslash'
    record.fields = {"did": "Talked to the parents", "worked": ""}
    record.growth = [
        Opportunity(text="More home languages", value=CoreValue.VALUING_DIVERSITY),
        Opportunity(text="Buddy system"),
    ]
    record.timer = TimerSnapshot(budget=900, elapsed=312.75, running=True, at=1_741_943_730.5)
    session.harvest.items = [
        HarvestItem(text="Buddy system", cards=["praten"], votes=3, absorbed=["buddies"])
    ]
    session.harvest.removed = ["Nothing"]
    session.harvest.question = "How do we welcome every language?"
    session.harvest.question_items = [0]
    session.harvest.steps = [Step(what="Ask the parents", who="Jan", due=dt.date(2025, 4, 1))]
    session.harvest.next_meeting = dt.date(2025, 5, 2)
    session.live.stage = "harvest"
    session.live.position = 3
    session.live.shared_field = "did"
    return session


# --- slugs ------------------------------------------------------------------------------------


def test_slugify_folds_accents() -> None:
    assert slugify("Basisschool Één Café Ñandú") == "basisschool-een-cafe-nandu"


def test_slugify_turns_punctuation_and_spaces_into_single_hyphens() -> None:
    assert slugify("  Sint-Jozef / 't Klavertje (3)!  ") == "sint-jozef-t-klavertje-3"


def test_slugify_of_nothing_usable_gives_the_fallback() -> None:
    assert slugify("") == "session"
    assert slugify("!!! ???") == "session"
    assert slugify("日本", fallback="team") == "team"


def test_slugify_keeps_names_short() -> None:
    slug = slugify("word " * 40)
    assert len(slug) <= 60
    assert not slug.endswith("-")


# --- round trips ------------------------------------------------------------------------------


def test_new_session_round_trips_through_toml_text(small_deck: Deck) -> None:
    session = _session(small_deck)
    assert store.from_toml(store.to_toml(session), Path("x.toml")) == session


def test_full_session_round_trips_through_toml_text(small_deck: Deck) -> None:
    session = _full_session(small_deck)
    assert store.from_toml(store.to_toml(session), Path("x.toml")) == session


def test_written_session_reads_back_equal(tmp_path: Path, small_deck: Deck) -> None:
    session = _full_session(small_deck)
    path = tmp_path / "s.toml"
    store.write(path, session)
    assert store.read(path) == session


def test_toml_text_has_the_schema_version(small_deck: Deck) -> None:
    text = store.to_toml(_session(small_deck))
    assert f"schema_version = {SCHEMA_VERSION}" in text.splitlines()


def test_written_session_file_is_readable_by_its_owner_only(tmp_path: Path, small_deck: Deck) -> None:
    path = tmp_path / "s.toml"
    old_umask = os.umask(0o022)
    try:
        store.write(path, _session(small_deck))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_overwritten_session_file_keeps_the_mode_its_owner_chose(tmp_path: Path, small_deck: Deck) -> None:
    path = tmp_path / "s.toml"
    path.write_text("old")
    path.chmod(0o640)  # shared with the owner's group on purpose
    store.write(path, _session(small_deck))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# --- atomic writes ----------------------------------------------------------------------------


def test_atomic_write_replaces_the_content_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("old")
    store.atomic_write(path, "new")
    assert path.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


def test_atomic_write_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "s.toml"
    store.atomic_write(path, "text")
    assert path.read_text() == "text"


def test_failed_atomic_write_keeps_the_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(b"old content")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        store.atomic_write(path, "new content")
    assert path.read_bytes() == b"old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]


# --- the sessions folder ----------------------------------------------------------------------


def test_new_file_is_named_after_date_and_team(tmp_path: Path, small_deck: Deck) -> None:
    path = SessionStore(tmp_path).create(_session(small_deck, team="Team Zon"))
    assert path == tmp_path / "2025-03-14-team-zon.toml"
    assert sorted(p.name for p in tmp_path.glob("*.t*")) == [path.name], "no temporary file is left"


def test_second_session_same_team_same_day_gets_a_new_name(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    first = sessions.create(_session(small_deck))
    first_bytes = first.read_bytes()
    second = sessions.create(_session(small_deck))
    third = sessions.create(_session(small_deck))
    assert first.name == "2025-03-14-team-zon.toml"
    assert second.name == "2025-03-14-team-zon-2.toml"
    assert third.name == "2025-03-14-team-zon-3.toml"
    assert first.read_bytes() == first_bytes


def test_create_never_reuses_an_existing_file(tmp_path: Path, small_deck: Deck) -> None:
    existing = tmp_path / "2025-03-14-team-zon.toml"
    existing.write_text("someone else's file")
    path = SessionStore(tmp_path).create(_session(small_deck))
    assert path != existing
    assert existing.read_text() == "someone else's file"


def test_created_session_reads_back(tmp_path: Path, small_deck: Deck) -> None:
    session = _session(small_deck)
    path = SessionStore(tmp_path).create(session)
    assert store.read(path) == session


def test_list_of_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert SessionStore(tmp_path / "nowhere").list() == []


def test_list_is_newest_first_by_session_date(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    middle = sessions.create(_session(small_deck, team="B", day=10))
    newest = sessions.create(_session(small_deck, team="C", day=20))
    oldest = sessions.create(_session(small_deck, team="A", day=1))
    # The file changed last is the oldest session: the date decides, not the file time.
    os.utime(oldest, (2_000_000_000, 2_000_000_000))
    assert [item.path for item in sessions.list()] == [newest, middle, oldest]


def test_list_orders_sessions_of_one_day_by_last_change(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    first = sessions.create(_session(small_deck))
    second = sessions.create(_session(small_deck))
    os.utime(first, (1_800_000_000, 1_800_000_000))
    os.utime(second, (1_700_000_000, 1_700_000_000))
    assert [item.path for item in sessions.list()] == [first, second]


def test_list_includes_a_broken_file_with_its_error(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    good = sessions.create(_session(small_deck))
    broken = tmp_path / "2025-03-15-kapot.toml"
    broken.write_bytes(b'team = "half\n')
    listed = {item.path: item for item in sessions.list()}
    assert set(listed) == {good, broken}
    assert listed[good].heading is not None
    assert listed[good].error is None
    assert listed[broken].heading is None
    assert isinstance(listed[broken].error, SessionFileError)
    assert listed[broken].error.path == broken


def test_list_does_not_modify_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "2025-03-15-kapot.toml"
    content = b'schema_version = 1\nteam = "half\n\xff binary tail'
    broken.write_bytes(content)
    before = broken.stat()
    SessionStore(tmp_path).list()
    assert broken.read_bytes() == content
    assert broken.stat().st_mtime_ns == before.st_mtime_ns


def test_list_leaves_out_temporary_and_hidden_files(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    good = sessions.create(_session(small_deck))
    (tmp_path / ".2025-03-14-team-zon.toml.abc123.tmp").write_text("partial")
    (tmp_path / ".hidden.toml").write_text("partial")
    (tmp_path / "notes.txt").write_text("not a session")
    (tmp_path / "folder.toml").mkdir()
    assert [item.path for item in sessions.list()] == [good]


# --- errors -----------------------------------------------------------------------------------


def _error_reading(path: Path, text: str) -> SessionFileError:
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SessionFileError) as caught:
        store.read(path)
    return caught.value


def _valid_text(deck: Deck) -> str:
    return store.to_toml(_session(deck))


def test_invalid_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    error = _error_reading(path, 'schema_version = 1\nteam = "Zon"\ndate = = 2025\n')
    assert error.path == path
    assert error.line == 3
    assert str(error).startswith(f"{path}:3: ")
    assert "not valid TOML" in str(error)


def test_wrong_field_type_names_the_field(tmp_path: Path, small_deck: Deck) -> None:
    text = _valid_text(small_deck).replace('team = "Team Zon"', "team = 42")
    error = _error_reading(tmp_path / "s.toml", text)
    line = text.splitlines().index("team = 42") + 1
    assert str(error).startswith(f"{tmp_path / 's.toml'}:{line}: team is not text: ")


def test_wrong_nested_field_type_names_the_whole_path(tmp_path: Path, small_deck: Deck) -> None:
    text = _valid_text(small_deck).replace("position = 0", 'position = "first"')
    error = _error_reading(tmp_path / "s.toml", text)
    assert "live.position is not a whole number" in str(error)


def test_unknown_top_level_key_is_an_error(tmp_path: Path, small_deck: Deck) -> None:
    text = 'colour = "red"\n' + _valid_text(small_deck)
    error = _error_reading(tmp_path / "s.toml", text)
    assert error.line == 1
    assert "colour is not a field a session has" in str(error)


def test_newer_schema_version_asks_to_update(tmp_path: Path, small_deck: Deck) -> None:
    text = _valid_text(small_deck).replace(
        f"schema_version = {SCHEMA_VERSION}", f"schema_version = {SCHEMA_VERSION + 1}"
    )
    error = _error_reading(tmp_path / "s.toml", text)
    assert "schema_version" in str(error)
    assert "newer" in str(error)
    assert "update potential-deck" in str(error)


@pytest.mark.parametrize("bad", ['"one"', "1.0", "true", "0"])
def test_schema_version_that_is_not_a_whole_number_is_an_error(
    tmp_path: Path, small_deck: Deck, bad: str
) -> None:
    text = _valid_text(small_deck).replace(f"schema_version = {SCHEMA_VERSION}", f"schema_version = {bad}")
    error = _error_reading(tmp_path / "s.toml", text)
    assert "schema_version" in str(error)
    assert "whole number" in str(error)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "gone.toml"
    with pytest.raises(SessionFileError) as caught:
        store.read(path)
    assert caught.value.path == path
    assert "no such session file" in str(caught.value)


def test_reading_a_broken_file_leaves_it_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    error = _error_reading(path, "team = [\n")
    assert path.read_text() == "team = [\n"
    assert "left untouched" in str(error)


def test_read_cache_serves_unchanged_files_and_rereads_changed_ones(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    path = sessions.create(_session(small_deck, team="Team Zon"))
    first = sessions.list()
    cache_file = tmp_path / store.CACHE_NAME
    assert cache_file.exists() and oct(cache_file.stat().st_mode & 0o777) == "0o600"
    assert [item.heading for item in sessions.list()] == [item.heading for item in first]
    changed = store.read(path)
    changed.team = "Team Maan"
    store.write(path, changed)
    assert sessions.list()[0].heading == store.Heading.of(changed), "a changed file is read again"
    path.unlink()
    assert sessions.list() == []
    assert "Team Maan" not in cache_file.read_text(encoding="utf-8"), "entries of removed files are dropped"


def test_broken_cache_is_ignored(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    sessions.create(_session(small_deck))
    (tmp_path / store.CACHE_NAME).write_text("{not json", encoding="utf-8")
    assert sessions.list()[0].heading is not None


def test_cache_never_hides_a_file_that_became_broken(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    path = sessions.create(_session(small_deck))
    sessions.list()
    path.write_text("team = ", encoding="utf-8")
    assert sessions.list()[0].error is not None


def test_an_older_schema_is_migrated_not_dropped(
    tmp_path: Path, small_deck: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Schema 0 stored the team as `school`; the registered migration renames it on load."""
    from potential_deck.core.session import migrate

    def from_0(data: dict[str, Any]) -> dict[str, Any]:
        data["team"] = data.pop("school")
        return data

    monkeypatch.setattr(migrate, "MIGRATIONS", {0: from_0})
    monkeypatch.setattr(migrate, "SCHEMA_VERSION", 1)
    old = store.session_data(_session(small_deck, team="Team Zon"))
    old["school"] = old.pop("team")
    old["schema_version"] = 0
    monkeypatch.setattr(migrate, "FIRST_SCHEMA", 0)
    path = tmp_path / "old.toml"
    path.write_text(store.data_to_toml(old), encoding="utf-8")
    before = path.read_bytes()
    assert store.read(path).team == "Team Zon"
    assert path.read_bytes() == before, "reading never rewrites the file"


def _broken_beyond_its_heading(path: Path) -> str:
    """Make a session file whose heading is fine but one of its other fields is not; its text."""
    text = path.read_text(encoding="utf-8")
    broken = text.replace('shared_field = ""', "shared_field = 7", 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    return broken


def test_a_quick_list_shows_headings_read_without_the_models_then_check_validates_them(
    tmp_path: Path, small_deck: Deck
) -> None:
    sessions = SessionStore(tmp_path)
    good = sessions.create(_session(small_deck, team="Team Zon"))
    odd = sessions.create(_session(small_deck, team="Team Maan", day=20))
    text = _broken_beyond_its_heading(odd)
    quick = {item.path: item for item in sessions.list(check=False)}
    assert quick[good].heading == store.Heading.of(store.read(good)) and not quick[good].checked
    assert quick[odd].heading is not None and quick[odd].heading.team == "Team Maan"
    assert not quick[odd].checked, "not validated yet: the list shows its heading"
    assert not (tmp_path / store.CACHE_NAME).exists() or "Team Maan" not in (
        tmp_path / store.CACHE_NAME
    ).read_text(encoding="utf-8"), "an unvalidated heading is not remembered"
    in_order = sessions.check(sessions.list(check=False))
    assert [item.path for item in in_order] == [good, odd], "newest first, the broken one last"
    before = sessions.list(check=False)
    stopped = sessions.check(before, stop=lambda: True)
    assert any(not item.checked for item in before)
    assert [(i.path, i.checked, i.heading) for i in stopped] == [
        (i.path, i.checked, i.heading) for i in before
    ], "stopped: nothing more is read"
    checked = {item.path: item for item in sessions.check(list(quick.values()))}
    assert checked[good].checked and checked[good].heading == quick[good].heading
    assert checked[odd].heading is None and checked[odd].error is not None
    assert checked[odd].error.kind == "field" and "shared_field" in str(checked[odd].error)
    assert odd.read_text(encoding="utf-8") == text, "checking leaves the file as it was"
    again = {item.path: item for item in sessions.list(check=False)}
    assert again[good].checked, "validated once, the cache serves it"
    assert not again[odd].checked, "a file that is not valid is never remembered as valid"


def test_a_heading_that_is_not_plainly_right_is_read_in_full(tmp_path: Path, small_deck: Deck) -> None:
    sessions = SessionStore(tmp_path)
    path = sessions.create(_session(small_deck))
    path.write_text(
        path.read_text(encoding="utf-8").replace('language = "nl"', 'language = "fr"'), encoding="utf-8"
    )
    (item,) = sessions.list(check=False)
    assert item.heading is None and item.error is not None and "language" in str(item.error)


def test_listing_without_the_models_does_not_load_pydantic(tmp_path: Path, small_deck: Deck) -> None:
    """What makes the home screen's first frame fast: no pydantic before it."""
    import subprocess
    import sys

    sessions = SessionStore(tmp_path)
    sessions.create(_session(small_deck, team="Team Zon"))
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from potential_deck.core.session.store import SessionStore\n"
        f"listed = SessionStore(Path({str(tmp_path)!r})).list(check=False)\n"
        "assert listed[0].heading.team == 'Team Zon', listed\n"
        "print('pydantic' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_quick_heading_knows_the_languages_and_stages_the_model_knows() -> None:
    from typing import get_args

    from potential_deck.core.choices import LANGS, STAGES, Lang, Stage

    assert set(get_args(Lang)) == set(LANGS) and set(get_args(Stage)) == set(STAGES)
