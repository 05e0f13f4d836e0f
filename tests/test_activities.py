"""Activities logged by hand: where they are kept, the lock, the CLI, and the summary counting them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import hold_in_child
from potential_deck.cli import main
from potential_deck.core.errors import UserError
from potential_deck.core.session import store
from potential_deck.core.session.models import Activity, Collaboration
from potential_deck.core.session.store import SessionStore
from potential_deck.core.year import activities

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

TEAM = "Basisschool De Linde"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Two De Linde sessions (October, November) and one of another team."""
    sessions = SessionStore(tmp_path / "sessions")
    for team, month in ((TEAM, 10), (TEAM, 11), ("Sint-Jozef", 11)):
        sessions.create(h.empty(team, when=dt.datetime(2026, month, 12, 14, 0)))
    return sessions.folder


def _visit(day: dt.date, hours: float = 2.0) -> Activity:
    return Activity(date=day, form=Collaboration.CLASS_VISIT, hours=hours, who="An, Jan")


def test_an_activity_goes_into_the_latest_session_on_or_before_its_date(folder: Path) -> None:
    path = activities.log(folder, TEAM, _visit(dt.date(2026, 10, 30)))
    assert path.name == "2026-10-12-basisschool-de-linde.toml"
    assert [a.hours for a in store.read(path).activities] == [2.0]
    later = activities.log(folder, "basisschool de linde", _visit(dt.date(2027, 1, 12)))
    assert later.name == "2026-11-12-basisschool-de-linde.toml"


def test_an_activity_before_the_first_session_goes_into_the_first(folder: Path) -> None:
    path = activities.log(folder, TEAM, _visit(dt.date(2026, 9, 1)))
    assert path.name == "2026-10-12-basisschool-de-linde.toml"


def test_a_team_without_sessions_is_told_what_to_do(folder: Path) -> None:
    with pytest.raises(UserError, match=r"has no session in .*start a session first"):
        activities.log(folder, "Nergens", _visit(dt.date(2026, 10, 30)))


def test_a_session_open_in_another_app_is_not_written(folder: Path) -> None:
    path = folder / "2026-11-12-basisschool-de-linde.toml"
    before = path.read_bytes()
    holder = hold_in_child(path)
    try:
        with pytest.raises(UserError, match="open in another potential-deck"):
            activities.log(folder, TEAM, _visit(dt.date(2027, 1, 12)))
    finally:
        holder.kill()
        holder.wait()
    assert path.read_bytes() == before


def test_the_lock_is_given_back_after_logging(folder: Path) -> None:
    path = activities.log(folder, TEAM, _visit(dt.date(2027, 1, 12)))
    assert not (path.parent / f".{path.name}.lock").exists()


def test_removing_an_activity(folder: Path) -> None:
    visit = _visit(dt.date(2027, 1, 12))
    activities.log(folder, TEAM, visit)
    removed, path = activities.remove(folder, TEAM, visit.id)
    assert removed.id == visit.id and store.read(path).activities == []
    with pytest.raises(UserError, match="No activity"):
        activities.remove(folder, TEAM, visit.id)


def test_cli_add_list_and_the_summary_counts_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "activity",
                "add",
                "--sessions",
                str(folder),
                "--team",
                "De Linde",
                "--date",
                "12/01/2027",
                "--form",
                "co-teaching",
                "--hours",
                "1,5",
                "--who",
                "An, Jan",
                "--note",
                "rekenles  samen",
            ]
        )
        == 0
    )
    assert "logged for Basisschool De Linde" in capsys.readouterr().err
    assert main(["activity", "list", "--sessions", str(folder)]) == 0
    listed = capsys.readouterr().out
    assert "Basisschool De Linde: 1 activity, 1.5 h" in listed
    assert "12/01/2027 · co-teaching · 1.5 h · An, Jan · rekenles samen" in listed
    assert main(["summary", str(folder), "--team", "linde"]) == 0
    out = capsys.readouterr().out
    assert "12/01/2027 · co-teaching · 1,5 u · An, Jan · rekenles samen" in out
    assert re.search(r"Zelf ingevoerde activiteiten +1,5 u", out)
    assert "co-teaching  " in out.split("Contacturen per samenwerkingsvorm")[1]


def test_cli_remove_by_id(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    visit = _visit(dt.date(2027, 1, 12))
    activities.log(folder, TEAM, visit)
    assert main(["activity", "remove", visit.id, "--team", "Linde", "--sessions", str(folder)]) == 0
    assert "removed" in capsys.readouterr().err
    assert main(["activity", "list", "--sessions", str(folder)]) == 0
    assert "no activities logged yet" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--team", "Nergens"], "no team 'Nergens'"),
        (["--team", "De Linde", "--hours", "veel"], "is not a number of hours"),
        (["--team", "De Linde", "--hours", "0"], "is not a number of hours"),
        (["--team", "De Linde", "--date", "31/02/2027"], "is not a date"),
        (["--team", "basisschool"], "matches several teams"),
    ],
)
def test_cli_mistakes_are_one_clear_message(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    SessionStore(folder).create(h.empty("Basisschool Zonnebloem", when=dt.datetime(2026, 11, 1)))
    base = {"--date": "12/01/2027", "--form": "class-visit", "--hours": "2"}
    given = dict(zip(args[::2], args[1::2], strict=True))
    argv = ["activity", "add", "--sessions", str(folder)]
    for key, value in {**base, **given}.items():
        argv += [key, value]
    before = {p.name: p.read_bytes() for p in folder.glob("*.toml")}
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert {p.name: p.read_bytes() for p in folder.glob("*.toml")} == before


# --- an activity from what was typed (core.year.activities.typed_activity) ------------------------


def _typed(**given: str) -> Activity:
    values = {"date": "12/01/2027", "hours": "1,5", "who": "", "note": "", **given}
    return activities.typed_activity(form=Collaboration.CLASS_VISIT, lang="en", **values)


def test_a_typed_activity_reads_the_day_and_the_hours() -> None:
    activity = _typed()
    assert (activity.date, activity.hours) == (dt.date(2027, 1, 12), 1.5)


def test_a_typed_activity_tidies_white_space_in_who_and_the_note() -> None:
    activity = _typed(who="  An, Jan ", note=" 4A \n  lezen ")
    assert (activity.who, activity.note) == ("An, Jan", "4A lezen")


def test_a_typed_activity_without_a_day_names_the_date_field() -> None:
    with pytest.raises(activities.ActivityProblem, match="Fill in a date") as caught:
        _typed(date=" ")
    assert caught.value.field == "date"


def test_a_typed_activity_with_a_wrong_number_of_hours_names_the_hours_field() -> None:
    with pytest.raises(activities.ActivityProblem, match="is not a number of hours") as caught:
        _typed(hours="veel")
    assert caught.value.field == "hours"
