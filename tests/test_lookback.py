"""Looking back: filling a new session from the team's earlier ones, deciding, what became of steps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.session.models import Collaboration, Session, Step, StepStatus
from potential_deck.core.year import lookback
from potential_deck.core.year.lookback import decide, fill, planned, threads
from potential_deck.core.year.trajectory import team_year

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

TEAM = "Basisschool De Linde"


def meeting(
    month: int, day: int = 12, *, question: str = "", steps: tuple[str, ...] = (), done: tuple[str, ...] = ()
) -> Session:
    s = h.empty(TEAM, when=dt.datetime(2026, month, day, 14, 0))
    s.harvest.question = question
    s.harvest.steps = [
        Step(what=what, who="Lotte", due=dt.date(2026, month, 28), form=Collaboration.CO_TEACHING, hours=2)
        for what in steps
    ]
    s.harvest.steps += [Step(what=what, status=StepStatus.DONE) for what in done]
    return s


def files(*sessions: Session) -> list[tuple[Path | None, Session]]:
    return [(Path(f"{s.date.isoformat()}-de-linde.toml"), s) for s in sessions]


def whats(session: Session) -> list[str]:
    return [review.what for review in session.lookback.steps]


@pytest.fixture
def two() -> list[tuple[Path | None, Session]]:
    """October: three open steps and one done; November: one more open step."""
    return files(
        meeting(
            10,
            question="Hoe benutten we thuistalen?",
            steps=("Woordmuur", "Bevraging", "Co-teaching"),
            done=("Boeken",),
        ),
        meeting(11, question="Hoe betrekken we ouders?", steps=("Oudercafé",)),
    )


def test_a_new_session_looks_back_on_every_open_step_of_every_earlier_session(two) -> None:
    new = meeting(12)
    assert fill(new, two) == 4
    assert whats(new) == ["Woordmuur", "Bevraging", "Co-teaching", "Oudercafé"]
    first = new.lookback.steps[0]
    assert (first.who, first.due, first.form, first.hours) == (
        "Lotte",
        dt.date(2026, 10, 28),
        Collaboration.CO_TEACHING,
        2,
    )
    assert first.origin is not None
    assert (first.origin.session, first.origin.date, first.origin.file) == (
        two[0][1].id,
        dt.date(2026, 10, 12),
        "2026-10-12-de-linde.toml",
    )
    assert all(review.status == StepStatus.OPEN for review in new.lookback.steps)


def test_last_times_question_is_the_latest_one_asked(two) -> None:
    new = meeting(12)
    fill(new, reversed(two))
    assert (new.lookback.question, new.lookback.question_date) == (
        "Hoe betrekken we ouders?",
        dt.date(2026, 11, 12),
    )
    quiet = meeting(12, day=1)  # the last meeting chose no question: the one before it counts
    fill(quiet, [*two, *files(meeting(11, day=20))])
    assert quiet.lookback.question == "Hoe betrekken we ouders?"


def test_filling_twice_adds_nothing_and_keeps_the_decisions(two) -> None:
    new = meeting(12)
    fill(new, two)
    decide(new, 0, StepStatus.DONE)
    assert fill(new, two) == 0
    assert len(new.lookback.steps) == 4 and new.lookback.steps[0].status == StepStatus.DONE


def test_done_closes_the_step_on_the_meetings_day(two) -> None:
    new = meeting(12)
    fill(new, two)
    decide(new, 1, StepStatus.DONE)
    review = new.lookback.steps[1]
    assert (review.status, review.settled) == (StepStatus.DONE, dt.date(2026, 12, 12))
    year = team_year([*two, *files(new)])
    assert "Bevraging" not in [s.what for s in year.open_steps]
    assert next(s for s in year.steps if s.what == "Bevraging").done


def test_dropped_closes_the_step(two) -> None:
    new = meeting(12)
    fill(new, two)
    decide(new, 2, StepStatus.DROPPED)
    year = team_year([*two, *files(new)])
    step = next(s for s in year.steps if s.what == "Co-teaching")
    assert step.status == StepStatus.DROPPED and not step.is_open


def test_carried_over_lives_on_in_the_new_plan_with_its_origin(two) -> None:
    new = meeting(12)
    fill(new, two)
    decide(new, 0, StepStatus.CARRIED, new_due=dt.date(2027, 1, 15))
    copy = new.harvest.steps[-1]
    assert (copy.what, copy.due, copy.status) == ("Woordmuur", dt.date(2027, 1, 15), StepStatus.OPEN)
    assert copy.origin == new.lookback.steps[0].origin and copy.id == new.lookback.steps[0].id
    year = team_year([*two, *files(new)])
    step = next(s for s in year.open_steps if s.what == "Woordmuur")
    assert step.due == dt.date(2027, 1, 15) and step.origin.date == dt.date(2026, 10, 12)
    assert step.status == StepStatus.CARRIED


def test_carried_twice_keeps_its_first_origin(two) -> None:
    december = meeting(12)
    fill(december, two)
    decide(december, 0, StepStatus.CARRIED, new_due=dt.date(2027, 1, 15))
    january = meeting(1, day=20)
    january.date = dt.date(2027, 1, 20)
    fill(january, [*two, *files(december)])
    review = next(r for r in january.lookback.steps if r.what == "Woordmuur")
    assert review.origin is not None and review.origin.date == dt.date(2026, 10, 12)
    assert review.due == dt.date(2027, 1, 15)  # the date it was carried to
    decide(january, january.lookback.steps.index(review), StepStatus.CARRIED, new_due=dt.date(2027, 2, 20))
    assert january.harvest.steps[-1].origin == review.origin
    step = next(s for s in team_year([*two, *files(december, january)]).steps if s.what == "Woordmuur")
    assert step.times_carried == 2 and step.due == dt.date(2027, 2, 20)
    assert step.origin.date == dt.date(2026, 10, 12)


def test_changing_carried_over_to_done_takes_the_copy_out_of_the_plan(two) -> None:
    new = meeting(12)
    fill(new, two)
    decide(new, 0, StepStatus.CARRIED, new_due=dt.date(2027, 1, 15))
    decide(new, 0, StepStatus.CARRIED, new_due=dt.date(2027, 1, 22))
    assert [s.due for s in new.harvest.steps] == [dt.date(2027, 1, 22)]
    decide(new, 0, StepStatus.DONE)
    assert new.harvest.steps == [] and new.lookback.steps[0].new_due is None
    decide(new, 0, StepStatus.OPEN)
    assert new.lookback.steps[0].settled is None


def test_a_carried_step_marked_done_at_the_later_harvest_is_closed(two) -> None:
    new = meeting(12)
    fill(new, two)
    decide(new, 0, StepStatus.CARRIED, new_due=dt.date(2027, 1, 15))
    harvest.toggle_step(new, 0)
    assert "Woordmuur" not in [s.what for s in team_year([*two, *files(new)]).open_steps]


def test_what_the_team_learned_is_kept_with_the_decision(two) -> None:
    new = meeting(12)
    fill(new, two)
    decide(new, 0, StepStatus.DONE)
    assert lookback.set_learned(new, 0, "  De kinderen lazen elkaars talen voor. ") is True
    assert lookback.set_learned(new, 0, "De kinderen lazen elkaars talen voor.") is False
    step = next(s for s in team_year([*two, *files(new)]).steps if s.what == "Woordmuur")
    assert step.events[-1].learned == "De kinderen lazen elkaars talen voor."


def test_open_steps_across_any_number_of_sessions() -> None:
    sessions = [meeting(1 + i % 12, day=1 + i // 12, steps=(f"stap {i}",)) for i in range(24)]
    last = meeting(12, day=28)
    fill(last, files(*sessions))
    assert len(last.lookback.steps) == 24
    for index, review in enumerate(last.lookback.steps):
        if int(review.what.split()[1]) % 2 == 0:
            decide(last, index, StepStatus.DONE)
    year = team_year(files(*sessions, last))
    assert len(year.open_steps) == 12
    assert all(int(s.what.split()[1]) % 2 == 1 for s in year.open_steps)


def test_the_latest_decision_counts_by_the_day_it_was_settled(two) -> None:
    """October's step is carried in December; in January someone ticks it in October's plan."""
    new = meeting(12)
    fill(new, two)
    decide(new, 0, StepStatus.CARRIED, new_due=dt.date(2027, 1, 15))
    october = two[0][1]
    october.harvest.steps[0].status = StepStatus.DONE
    october.harvest.steps[0].settled = dt.date(2027, 1, 10)
    step = next(s for s in threads(planned(s, p) for p, s in [*two, *files(new)]) if s.what == "Woordmuur")
    assert step.done


def test_a_renamed_file_keeps_its_steps_together(two) -> None:
    new = meeting(12)
    fill(new, two)
    decide(new, 0, StepStatus.DONE)
    renamed = [(Path("iets-anders.toml"), s) for _, s in two]
    year = team_year([*renamed, *files(new)])
    assert "Woordmuur" not in [s.what for s in year.open_steps]
    assert len([s for s in year.steps if s.what == "Woordmuur"]) == 1
