"""Contact hours from the three sources, per form, against some twenty; the words about it."""

from __future__ import annotations

import datetime as dt

import pytest

from potential_deck.core.session.models import Activity, Collaboration, Step, StepStatus, TimerSnapshot
from potential_deck.core.text.i18n import t
from potential_deck.core.year.contact_hours import TARGET_HOURS, contact_hours
from potential_deck.core.year.lookback import decide, fill
from potential_deck.core.year.trajectory import team_year

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


def _meeting(month: int, hours: float = 1.0):  # type: ignore[no-untyped-def]
    s = h.empty(when=dt.datetime(2026, month, 12, 14, 0))
    s.record("superheld").timer = TimerSnapshot(elapsed=hours * 3600)
    return s


def test_meetings_steps_done_and_activities_add_up() -> None:
    october = _meeting(10, hours=1.5)
    october.harvest.steps = [
        Step(what="Co-teaching", form=Collaboration.CO_TEACHING, hours=4, status=StepStatus.DONE),
        Step(what="Lesson study", form=Collaboration.LESSON_STUDY, hours=6),  # open: not counted
    ]
    october.activities = [Activity(date=dt.date(2026, 10, 20), form=Collaboration.CLASS_VISIT, hours=2)]
    november = _meeting(11, hours=2.0)
    year = team_year([october, november])
    hours = year.hours
    assert (hours.meetings, hours.steps, hours.activities) == pytest.approx((3.5, 4.0, 2.0))
    assert hours.total == pytest.approx(9.5) == year.contact_hours
    assert dict(hours.per_form) == pytest.approx(
        {
            Collaboration.CO_TEACHING: 4.0,
            Collaboration.CLASS_VISIT: 2.0,
            Collaboration.TEAM_MEETING: 3.5,
        }
    )
    assert hours.target == TARGET_HOURS == 20
    assert hours.progress == pytest.approx(9.5 / 20) and hours.percent == 48


def test_a_step_done_after_being_carried_over_counts_once() -> None:
    october = _meeting(10, hours=0)
    october.harvest.steps = [Step(what="Klasbezoek", form=Collaboration.CLASS_VISIT, hours=3)]
    november = _meeting(11, hours=0)
    fill(november, [(None, october)])
    decide(november, 0, StepStatus.CARRIED, new_due=dt.date(2026, 12, 1))
    december = _meeting(12, hours=0)
    fill(december, [(None, october), (None, november)])
    decide(december, 0, StepStatus.DONE)
    assert team_year([october, november, december]).hours.steps == pytest.approx(3.0)


def test_a_step_done_without_a_form_is_listed_as_such() -> None:
    done = [Step(what="x", hours=1.5, status=StepStatus.DONE)]
    s = _meeting(10, hours=0)
    s.harvest.steps = done
    assert dict(team_year([s]).hours.per_form) == {None: 1.5}


def test_the_same_activity_in_two_files_counts_once() -> None:
    activity = Activity(date=dt.date(2026, 10, 20), form=Collaboration.LEARNING_NETWORK, hours=3)
    assert contact_hours([], [], [activity, activity.model_copy()]).activities == 3


def test_progress_is_capped_but_the_percentage_is_not() -> None:
    hours = contact_hours([25 * 3600], [], [])
    assert hours.progress == 1.0 and hours.percent == 125


def test_the_target_follows_the_source_and_does_not_contradict_itself() -> None:
    nl, en = t("nl", "summary.hours_note"), t("en", "summary.hours_note")
    assert "minstens een twintigtal contacturen" in nl and "Flexio" in nl
    assert "at least some twenty contact hours" in en and "Flexio" in en
    for text in (
        nl,
        en,
        t("nl", "summary.contact_hours", hours="1", percent=5),
        t("en", "summary.contact_hours", hours="1", percent=5),
    ):
        assert "ongeveer" not in text and "about" not in text
