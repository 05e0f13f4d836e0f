"""Known teams of a sessions folder, and finding a team by part of its name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from potential_deck.core.session.store import SessionStore
from potential_deck.core.year.teams import AmbiguousTeam, find, known_teams, rank, ranked

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


@pytest.mark.parametrize(
    ("query", "name", "expected"),
    [
        ("Basisschool De Linde", "basisschool de linde", 0),
        ("De Linde", "Basisschool De Linde", 1),
        ("linde basisschool", "Basisschool De Linde", 2),
        ("De Li", "Basisschool De Linde", 3),
        ("zoe", "Basisschool Zoë", 1),
        ("SINT-JOZEF", "Sint-Jozefschool Gent", 3),
        ("Linde", "Sint-Jozef", None),
        ("", "Basisschool De Linde", None),
    ],
)
def test_rank(query: str, name: str, expected: int | None) -> None:
    assert rank(query, name) == expected


def test_de_linde_finds_basisschool_de_linde() -> None:
    names = ["Sint-Jozef", "Basisschool De Linde", "De Lindeboom"]
    assert find("De Linde", names) == "Basisschool De Linde"
    assert find("de linde", names) == "Basisschool De Linde"


def test_the_closest_name_ranks_first() -> None:
    names = ["Vrije Basisschool De Linde Gent", "Basisschool De Linde", "Linde"]
    assert ranked("Linde", names) == ["Linde", "Basisschool De Linde", "Vrije Basisschool De Linde Gent"]


def test_two_equally_good_teams_are_ambiguous() -> None:
    with pytest.raises(AmbiguousTeam) as caught:
        find("Basisschool", ["Basisschool De Linde", "Basisschool Zonnebloem"])
    assert caught.value.names == ("Basisschool De Linde", "Basisschool Zonnebloem")


def test_no_match_is_none() -> None:
    assert find("Elders", ["Basisschool De Linde"]) is None


def _meeting(folder: Path, team: str, month: int, **fields: object) -> None:
    session = h.empty(team, when=dt.datetime(2026, month, 12, 14, 0))
    for key, value in fields.items():
        setattr(session, key, value)
    SessionStore(folder).create(session)


def test_known_teams_come_with_their_last_sessions_people_and_agreed_date(tmp_path: Path) -> None:
    _meeting(tmp_path, "Basisschool De Linde", 10, facilitator="Els", participants=["A", "B"])
    latest = h.empty(
        "basisschool de linde",
        when=dt.datetime(2026, 11, 16, 14, 0),
        participants=["Lotte", "Jan"],
        facilitator="An Claes",
    )
    latest.people = 6
    latest.harvest.next_meeting = dt.date(2026, 12, 14)
    SessionStore(tmp_path).create(latest)
    _meeting(tmp_path, "Sint-Jozef", 9)
    (tmp_path / "kapot.toml").write_text("team = [", encoding="utf-8")
    teams = known_teams(SessionStore(tmp_path).list())
    assert [t.name for t in teams] == ["basisschool de linde", "Sint-Jozef"]
    linde = teams[0]
    assert (linde.sessions, linde.facilitator, linde.participants, linde.people) == (
        2,
        "An Claes",
        ("Lotte", "Jan"),
        6,
    )
    assert linde.next_meeting == dt.date(2026, 12, 14)
    assert linde.last_date == dt.date(2026, 11, 16)


def test_known_teams_of_an_empty_folder(tmp_path: Path) -> None:
    assert known_teams(SessionStore(tmp_path / "nog-niet").list()) == []
