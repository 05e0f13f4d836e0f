"""Contact hours that add up: meetings in the app, completed steps, activities logged by hand.

- Meetings: the time each session was on the facilitator's screen (cards, harvest, look back);
  they count as the form 'team meeting'.
- Steps: a step marked done (at its harvest or in a later look back) adds its planned hours,
  once, however often it was carried over.
- Activities: collaboration logged by hand (a class visit, a network day), each counted once.

The target: the teacher educators in the Flexio project stressed that effective professional
development needs an extended, intensive trajectory over a long enough period, with at least
some twenty contact hours (`TARGET_HOURS`). It is shown as a guide, not as a rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from potential_deck.core.session.models import Activity, Collaboration
from potential_deck.core.year.lookback import StepThread

TARGET_HOURS = 20.0
"""'Minstens een twintigtal contacturen': what the Flexio teacher educators named (see above)."""

MEETING_FORM = Collaboration.TEAM_MEETING
"""The form a meeting held with the app counts as."""

FORM_ORDER: tuple[Collaboration | None, ...] = (*Collaboration, None)
"""The order forms are listed in; None: a step done without a form chosen."""


@dataclass(frozen=True, slots=True)
class ContactHours:
    """A team's contact hours by source and by form, against the target."""

    meetings: float
    steps: float
    activities: float
    per_form: tuple[tuple[Collaboration | None, float], ...]
    """Hours per form with any hours, in `FORM_ORDER`."""
    target: float = TARGET_HOURS

    @property
    def total(self) -> float:
        """All contact hours."""
        return self.meetings + self.steps + self.activities

    @property
    def progress(self) -> float:
        """The hours as a fraction of the target, from 0.0 to 1.0 (capped)."""
        if self.target <= 0:
            return 1.0
        return min(self.total / self.target, 1.0)

    @property
    def percent(self) -> int:
        """The hours as a whole percentage of the target (may pass 100)."""
        return round(self.total / self.target * 100) if self.target > 0 else 100


def contact_hours(
    meeting_seconds: Iterable[float],
    steps: Iterable[StepThread],
    activities: Iterable[Activity],
    target: float = TARGET_HOURS,
) -> ContactHours:
    """The contact hours of a team: its meetings' seconds, its steps' threads, its activities.

    Activities with the same id (one activity found in two files) count once.
    """
    forms: dict[Collaboration | None, float] = dict.fromkeys(FORM_ORDER, 0.0)
    meetings = sum(meeting_seconds) / 3600
    forms[MEETING_FORM] += meetings
    done = 0.0
    for thread in steps:
        if thread.done and thread.hours > 0:
            done += thread.hours
            forms[thread.form] += thread.hours
    logged = 0.0
    seen: set[str] = set()
    for activity in activities:
        if activity.id in seen:
            continue
        seen.add(activity.id)
        logged += activity.hours
        forms[activity.form] += activity.hours
    per_form = tuple((form, hours) for form, hours in forms.items() if hours > 0)
    return ContactHours(meetings, done, logged, per_form, target)
