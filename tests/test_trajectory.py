"""A team's year: order, learning questions, recurring opportunities, open steps, hours."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from potential_deck.core.session import store
from potential_deck.core.session.models import CoreValue, Opportunity, Session, Step, TimerSnapshot
from potential_deck.core.session.store import SessionFileError, SessionStore
from potential_deck.core.year.trajectory import (
    TARGET_HOURS,
    read_sessions,
    team_year,
    team_years,
)

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


def _session(
    day: int,
    month: int,
    *,
    team: str = "Basisschool De Linde",
    question: str = "",
    growth: tuple[str, ...] = (),
    steps: tuple[tuple[str, bool], ...] = (),
    hours: float = 1.0,
) -> Session:
    s = h.empty(team, when=dt.datetime(2025, month, day, 9, 0))
    record = s.record("superheld")
    record.growth = [Opportunity(text=text, value=CoreValue.WORKING_WITH_OTHERS) for text in growth]
    record.timer = TimerSnapshot(elapsed=hours * 3600)
    s.harvest.question = question
    s.harvest.steps = [Step(what=what, done=done) for what, done in steps]
    return s


def _three() -> list[Session]:
    """Three sessions of one team, given out of date order."""
    return [
        _session(
            2,
            5,
            question="Hoe kunnen we ouders betrekken?",
            growth=("Meer tijd voor overleg", "Ouders betrekken"),
            steps=(("Bevraging", False), ("Oudercafé", True), ("Evaluatie", False)),
        ),
        _session(
            10,
            1,
            question="Hoe kunnen we thuistalen benutten?",
            growth=("meer  tijd voor OVERLEG", "Thuistalen benutten", "Meer tijd voor overleg"),
            steps=(("Oude stap", False),),
        ),
        _session(14, 3, growth=("Thuistalen benutten", "MEER TIJD VOOR OVERLEG")),
    ]


def test_sessions_in_date_order_and_questions_over_time() -> None:
    year = team_year(_three())
    assert [p.date for p in year.sessions] == [
        dt.date(2025, 1, 10),
        dt.date(2025, 3, 14),
        dt.date(2025, 5, 2),
    ]
    assert year.questions == (
        (dt.date(2025, 1, 10), "Hoe kunnen we thuistalen benutten?"),
        (dt.date(2025, 5, 2), "Hoe kunnen we ouders betrekken?"),
    )
    assert year.last is not None and year.last.date == dt.date(2025, 5, 2)


def test_recurring_opportunities_ignore_case_and_spacing_and_count_sessions() -> None:
    year = team_year(_three())
    found = {r.text.casefold(): r for r in year.recurring}
    overleg = found["meer  tijd voor overleg"]  # as first written (10 January)
    assert overleg.count == 3  # twice in one session counts once
    assert overleg.dates == (dt.date(2025, 1, 10), dt.date(2025, 3, 14), dt.date(2025, 5, 2))
    assert found["thuistalen benutten"].count == 2
    assert "ouders betrekken" not in found  # only in one session
    assert year.recurring[0].count >= year.recurring[-1].count


def test_open_steps_come_from_every_session_with_the_session_they_came_from() -> None:
    year = team_year(_three())
    found = [(s.what, s.origin.date) for s in year.open_steps]
    assert found == [
        ("Oude stap", dt.date(2025, 1, 10)),
        ("Bevraging", dt.date(2025, 5, 2)),
        ("Evaluatie", dt.date(2025, 5, 2)),
    ]


def test_contact_hours_against_the_twenty_hour_target() -> None:
    year = team_year(_three())
    assert year.contact_hours == pytest.approx(3.0)
    assert year.target_hours == TARGET_HOURS == 20
    assert year.progress == pytest.approx(3.0 / 20)
    many = team_year([_session(d, 1, hours=3) for d in range(1, 9)])
    assert many.contact_hours == pytest.approx(24.0)
    assert many.progress == 1.0


def test_counts_per_core_value_over_the_year() -> None:
    year = team_year(_three())
    assert dict(year.counts)[CoreValue.WORKING_WITH_OTHERS] == 6


def test_team_years_match_teams_by_slug() -> None:
    sessions = [
        _session(1, 2, team="Basisschool Zoë"),
        _session(1, 3, team="basisschool  zoe"),
        _session(1, 4, team="Sint-Jozef"),
    ]
    years = team_years(sessions)
    assert [len(y.sessions) for y in years] == [1, 2]  # latest team first
    assert years[0].team == "Sint-Jozef"
    only = team_year(sessions, "BASISSCHOOL ZOË")
    assert len(only.sessions) == 2
    assert team_year(sessions, "Elders").sessions == ()


def test_an_empty_year() -> None:
    year = team_year([])
    assert year.sessions == () and year.last is None and year.open_steps == ()
    assert year.contact_hours == 0 and year.progress == 0


def _save(folder: Path, s: Session) -> Path:
    return SessionStore(folder).create(s)


def test_read_sessions_reports_broken_files_and_goes_on(tmp_path: Path) -> None:
    store.write(tmp_path / "a.toml", _session(1, 1))
    (tmp_path / "b.toml").write_text("not = [toml", encoding="utf-8")
    store.write(tmp_path / "c.toml", _session(1, 2))
    (tmp_path / ".hidden.toml").write_text("x", encoding="utf-8")
    results = list(read_sessions([tmp_path]))
    errors = [r for r in results if isinstance(r, SessionFileError)]
    good = [r for r in results if not isinstance(r, SessionFileError)]
    assert [e.path.name for e in errors] == ["b.toml"]
    assert [p.name for p, _ in good] == ["a.toml", "c.toml"]
    year = team_year(good)
    assert [p.path.name for p in year.sessions if p.path] == ["a.toml", "c.toml"]


def test_a_year_of_a_thousand_sessions_is_one_pass() -> None:
    base = _session(1, 1, growth=("Samen plannen",), steps=(("x", False),))
    sessions = []
    start = dt.date(2020, 1, 1)
    for i in range(1000):
        copy = base.model_copy(deep=True)
        copy.date = start + dt.timedelta(days=i)
        sessions.append(copy)
    year = team_year(reversed(sessions))
    assert len(year.sessions) == 1000
    assert year.recurring[0].count == 1000
    assert year.last is not None and year.last.date == start + dt.timedelta(days=999)
