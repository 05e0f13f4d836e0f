"""Session files written before schema 2 load, migrate and summarise as they did.

The files in tests/fixtures/schema1 were written by `core.session.store` of the version before schema 2
(see their README), with that version's JSON exports and folder summary beside them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from potential_deck.cli import main
from potential_deck.core.harvest import rules as harvest
from potential_deck.core.report.export import render
from potential_deck.core.session import store
from potential_deck.core.session.migrate import SCHEMA_VERSION, migrate
from potential_deck.core.session.models import StepStatus
from potential_deck.core.session.store import ReadCache, SessionStore

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

FIXTURES = Path(__file__).parent / "fixtures" / "schema1"
OCTOBER = FIXTURES / "2026-10-12-basisschool-de-linde.toml"
NOVEMBER = FIXTURES / "2026-11-16-basisschool-de-linde.toml"
ENGLISH = FIXTURES / "2026-11-20-sint-jozefschool.toml"
ALL = (OCTOBER, NOVEMBER, ENGLISH)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the schema-1 sessions (the originals stay as they were written)."""
    target = tmp_path / "sessions"
    target.mkdir()
    for path in ALL:
        shutil.copy(path, target / path.name)
    return target


def test_the_fixtures_are_schema_1_files() -> None:
    for path in ALL:
        assert path.read_text(encoding="utf-8").startswith("schema_version = 1\n")
    assert SCHEMA_VERSION == 2


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_a_schema_1_file_loads_as_schema_2(path: Path) -> None:
    session = store.read(path)
    assert session.schema_version == 2
    assert session.id


def test_people_is_the_number_of_names_when_there_were_names() -> None:
    assert store.read(OCTOBER).people == 6
    assert store.read(NOVEMBER).people == 0  # no names: not known
    assert store.read(ENGLISH).people == 2


def test_done_becomes_a_status_and_every_step_gets_an_id() -> None:
    steps = store.read(OCTOBER).harvest.steps
    assert [s.status for s in steps] == [StepStatus.OPEN] * 3 + [StepStatus.DONE]
    assert [s.id for s in steps] == ["s1", "s2", "s3", "s4"]
    assert steps[3].done and steps[3].settled is None  # the day it was done is not known


def test_the_migrated_id_is_the_same_every_time_the_file_is_read() -> None:
    assert store.read(OCTOBER).id == store.read(OCTOBER).id
    assert store.read(OCTOBER).id != store.read(NOVEMBER).id


def test_reading_never_rewrites_an_old_file(folder: Path) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    SessionStore(folder).list()
    assert main(["summary", str(folder)]) == 0
    assert {p.name: p.read_bytes() for p in folder.glob("*.toml")} == before


def test_a_migrated_session_saves_and_reads_back_the_same(tmp_path: Path) -> None:
    session = store.read(OCTOBER)
    store.write(tmp_path / "again.toml", session)
    assert store.read(tmp_path / "again.toml") == session


def test_a_cached_copy_made_by_the_older_version_is_read_from_the_file_again(folder: Path) -> None:
    """The older version's read cache held whole sessions as JSON; the cache now keeps headings
    only (issue 12): an old entry is not one, so the file is read (and migrated) again."""
    path = folder / OCTOBER.name
    info = path.stat()
    old = json.loads(json.dumps(migrate_to_1(store.read(OCTOBER))))
    cache = folder / store.CACHE_NAME
    cache.write_text(
        json.dumps({path.name: [info.st_mtime_ns, info.st_size, json.dumps(old)]}), encoding="utf-8"
    )
    assert ReadCache(folder).heading(path) == store.Heading.of(store.read(path))
    listed = {item.path.name: item for item in store.SessionStore(folder).list()}
    session = listed[path.name].session
    assert session is not None and session.people == 6 and session.id == store.read(OCTOBER).id


def migrate_to_1(session: Any) -> dict[str, Any]:
    """What the older version's cache held: schema 1 data without the new fields."""
    data: dict[str, Any] = session.model_dump(mode="json")
    for key in ("id", "people", "lookback", "activities"):
        data.pop(key)
    data["schema_version"] = 1
    return data


def test_the_dot_budget_counts_the_people_present() -> None:
    october, november = store.read(OCTOBER), store.read(NOVEMBER)
    assert harvest.dots_budget(october) == 3 * 6
    assert harvest.dots_budget(november) == 3  # nobody counted: at least one person
    november.people = 6
    assert harvest.dots_budget(november) == 3 * 6


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_the_json_export_says_what_the_older_version_said(path: Path) -> None:
    """Every key and value of the v1 export is still there (new keys may be added)."""
    old = json.loads(path.with_name(path.stem + ".v1-export.json").read_text(encoding="utf-8"))
    new = json.loads(render(store.read(path), h.deck(), "json"))
    assert old.pop("session_schema_version") == 1 and new.pop("session_schema_version") == 2
    assert _contained(_without_deck_words(old), _without_deck_words(new)) == []


def _without_deck_words(data: Any) -> Any:
    """`data` without what comes from the deck, not the session: card titles and the deck's name
    (the built-in deck's words may change between versions; the session's never do)."""
    if isinstance(data, dict):
        return {
            k: _without_deck_words(v)
            for k, v in data.items()
            if k != "title" and not (k == "name" and "version" in data)
        }
    if isinstance(data, list):
        return [_without_deck_words(v) for v in data]
    return data


def _contained(old: Any, new: Any, where: str = "") -> list[str]:
    """Where `old` is not found in `new` (dicts may have more keys in `new`)."""
    if isinstance(old, dict):
        if not isinstance(new, dict):
            return [where]
        return [
            p
            for k in old
            for p in (_contained(old[k], new[k], f"{where}.{k}") if k in new else [f"{where}.{k} missing"])
        ]
    if isinstance(old, list):
        if not isinstance(new, list) or len(old) != len(new):
            return [where]
        return [
            p
            for i, (a, b) in enumerate(zip(old, new, strict=True))
            for p in _contained(a, b, f"{where}[{i}]")
        ]
    return [] if old == new else [f"{where}: {old!r} != {new!r}"]


def _sections(text: str) -> dict[str, list[str]]:
    """A summary's sections by heading (the line above a line of dashes)."""
    lines = text.splitlines()
    found: dict[str, list[str]] = {}
    current = None
    for i, line in enumerate(lines):
        if i + 1 < len(lines) and lines[i + 1] and set(lines[i + 1]) <= {"-", "="} and line:
            current = line
            found[current] = []
        elif current is not None and line and set(line) - {"-", "="}:
            found[current].append(line)
    return found


@pytest.mark.parametrize(
    "heading",
    [
        "Het traject van Basisschool De Linde",
        "Sessies",
        "Leervragen doorheen de tijd",
        "Groeimogelijkheden die terugkomen",
        "Groeimogelijkheden per kernwaarde",
        "Sint-Jozefschool: the year so far",
        "Sessions",
        "Learning questions over time",
    ],
)
def test_the_folder_summary_keeps_what_it_said(
    folder: Path, heading: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", str(folder)]) == 0
    now = _sections(capsys.readouterr().out)
    before = _sections((FIXTURES / "v1-summary.txt").read_text(encoding="utf-8"))
    assert heading in before
    assert _plural_blind(now[heading]) == _plural_blind(before[heading])


def _plural_blind(lines: list[str]) -> list[str]:
    """Lines with a count's noun left out: "3 kaart(en)" then, "3 kaarten" now (real plurals)."""
    unit = re.compile(r"(\d+) (?:kaart\(en\)|kaarten|kaart|card\(s\)|cards|card)")
    return [unit.sub(r"\1 #", line) for line in lines]


def test_the_summary_counts_the_same_meeting_hours(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(folder), "--team", "De Linde"]) == 0
    out = capsys.readouterr().out
    assert "Contacturen: 1,4 van ongeveer 20" in (FIXTURES / "v1-summary.txt").read_text("utf-8")
    assert "Contacturen: 1,4 u, richtpunt een twintigtal (7%)" in out


def test_the_older_versions_open_steps_of_october_are_no_longer_lost(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The v1 summary listed only November's step; October's three were open too."""
    assert main(["summary", str(folder), "--team", "De Linde"]) == 0
    open_part = capsys.readouterr().out.split("Open stappen van het team")[1].split("\n\n")[0]
    for what in (
        "Woordmuur in elke klas",
        "Bevraging bij ouders over thuistalen",
        "Co-teaching in het vierde leerjaar",
        "Oudercafé plannen",
    ):
        assert what in open_part
    assert "Leesboeken" not in open_part  # done in October


def test_a_hand_written_schema_1_step_with_a_bad_done_is_reported(tmp_path: Path) -> None:
    text = OCTOBER.read_text(encoding="utf-8").replace("done = false", 'done = "nee"', 1)
    data = migrate(__import__("tomllib").loads(text))
    assert data["harvest"]["steps"][0]["done"] == "nee"
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(store.SessionFileError) as caught:
        store.read(path)
    header = text.splitlines().index("[[harvest.steps]]") + 1
    assert caught.value.line == header
    assert "the 1st [[harvest.steps]]: done must be true or false" in str(caught.value)
    assert "nee" not in str(caught.value), "never a value from the file"
