"""A team's year: several sessions of one team read as a trajectory.

Everything is one pass over the sessions (plus sorting the small per-session rows), so a
folder of thousands of session files costs about the time it takes to read them. Sessions
are matched to a team by `store.slugify(team)`, so "Basisschool Zoë" and "basisschool zoe"
are the same team (`core.year.teams` finds a team from part of its name).

The steps are followed across every session of the team (`core.year.lookback`): a step stays
open until a plan or a later look back marks it done or dropped. Contact hours add up the
meetings, the steps done and the activities logged by hand (`core.year.contact_hours`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from potential_deck.core.report.summary import value_counts
from potential_deck.core.session.models import Activity, CoreValue, Lang, Session
from potential_deck.core.session.notes import harvest_list
from potential_deck.core.session.store import SessionFileError, SessionStore, read, slugify
from potential_deck.core.text.compare import text_key
from potential_deck.core.year.contact_hours import TARGET_HOURS as TARGET_HOURS
from potential_deck.core.year.contact_hours import ContactHours, contact_hours
from potential_deck.core.year.lookback import Event, Planned, StepThread, planned, threads


@dataclass(frozen=True, slots=True)
class SessionPoint:
    """One session on the team's timeline."""

    date: dt.date
    team: str
    question: str
    spent: float
    cards: int
    language: Lang = "nl"
    path: Path | None = None
    id: str = ""
    next_meeting: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Recurring:
    """A growth opportunity noted in two or more sessions (text as first written)."""

    text: str
    count: int
    dates: tuple[dt.date, ...]


@dataclass(frozen=True, slots=True)
class Year:
    """A team's trajectory so far."""

    team: str
    sessions: tuple[SessionPoint, ...]
    questions: tuple[tuple[dt.date, str], ...]
    recurring: tuple[Recurring, ...]
    steps: tuple[StepThread, ...]
    """Every step of the team, in order of the session it was first planned in."""
    activities: tuple[Activity, ...]
    """Activities logged by hand, by date (each once)."""
    hours: ContactHours
    last: SessionPoint | None
    counts: tuple[tuple[CoreValue | None, int], ...]
    names: tuple[str, ...] = ()
    """Everyone named in the team's sessions (participants, facilitators): for anonymising."""

    @property
    def open_steps(self) -> tuple[StepThread, ...]:
        """The steps not yet done or dropped, across all the team's sessions."""
        return tuple(step for step in self.steps if step.is_open)

    @property
    def contact_hours(self) -> float:
        """All contact hours: meetings, steps done and activities logged."""
        return self.hours.total

    @property
    def target_hours(self) -> float:
        """The guide the contact hours are shown against."""
        return self.hours.target

    @property
    def progress(self) -> float:
        """Contact hours as a fraction of the target, from 0.0 to 1.0 (capped)."""
        return self.hours.progress


@dataclass(slots=True)
class _Seen:
    """A growth opportunity's text as first written, and the dates of its sessions."""

    text: str
    first: tuple[dt.date, float, int]
    dates: list[dt.date]


@dataclass(slots=True)
class _Tally:
    """What one pass gathers for one team."""

    team: str
    points: list[tuple[tuple[dt.date, float, int], SessionPoint]] = field(default_factory=list)
    seen: dict[str, _Seen] = field(default_factory=dict)
    values: list[CoreValue | None] = field(default_factory=list)
    parts: list[Planned] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    names: dict[str, None] = field(default_factory=dict)

    def add(self, order: int, session: Session, path: Path | None) -> None:
        key = (session.date, session.updated.timestamp(), order)
        point = SessionPoint(
            session.date,
            session.team,
            session.harvest.question.strip(),
            session.total_spent,
            len(session.cards),
            session.language,
            path,
            session.id,
            session.harvest.next_meeting,
        )
        self.points.append((key, point))
        texts: dict[str, str] = {}
        for item in harvest_list(session):
            texts.setdefault(text_key(item.text), item.text)
            self.values.append(item.value)
        for norm, text in texts.items():
            entry = self.seen.get(norm)
            if entry is None:
                self.seen[norm] = _Seen(text, key, [session.date])
                continue
            entry.dates.append(session.date)
            if key < entry.first:
                entry.text, entry.first = text, key
        if session.harvest.steps or session.lookback.steps:
            self.parts.append(planned(session, path, order))
        self.activities.extend(session.activities)
        self.names.update(dict.fromkeys(session.participants))
        if session.facilitator.strip():
            self.names[session.facilitator] = None

    def year(self) -> Year:
        self.points.sort(key=lambda pair: pair[0])
        points = tuple(point for _, point in self.points)
        recurring = [
            Recurring(seen.text, len(seen.dates), tuple(sorted(seen.dates)))
            for seen in self.seen.values()
            if len(seen.dates) >= 2
        ]
        recurring.sort(key=lambda r: (-r.count, r.dates[0], r.text.casefold()))
        steps = tuple(threads(self.parts))
        unique = {activity.id: activity for activity in self.activities}
        activities = tuple(sorted(unique.values(), key=lambda a: a.date))
        return Year(
            team=points[-1].team if points else self.team,
            sessions=points,
            questions=tuple((p.date, p.question) for p in points if p.question),
            recurring=tuple(recurring),
            steps=steps,
            activities=activities,
            hours=contact_hours((p.spent for p in points), steps, activities),
            last=points[-1] if points else None,
            counts=value_counts(self.values),
            names=tuple(self.names),
        )


def team_years(sessions: Iterable[Session | tuple[Path | None, Session]]) -> list[Year]:
    """One Year per team in `sessions` (bare or with their paths), in one pass.

    Teams are listed by their latest session, most recent first.
    """
    tallies: dict[str, _Tally] = {}
    for order, entry in enumerate(sessions):
        path, session = entry if isinstance(entry, tuple) else (None, entry)
        slug = slugify(session.team)
        tally = tallies.get(slug)
        if tally is None:
            tally = tallies[slug] = _Tally(session.team)
        tally.add(order, session, path)
    years = [tally.year() for tally in tallies.values()]
    years.sort(key=lambda y: y.last.date if y.last else dt.date.min, reverse=True)
    return years


def team_year(sessions: Iterable[Session | tuple[Path | None, Session]], team: str | None = None) -> Year:
    """The year of one team: `team` (matched by slug), or all sessions as one team."""
    wanted = slugify(team) if team else None
    tally = _Tally(team or "")
    for order, entry in enumerate(sessions):
        path, session = entry if isinstance(entry, tuple) else (None, entry)
        if wanted is None or slugify(session.team) == wanted:
            tally.add(order, session, path)
    return tally.year()


def session_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Session files named by `paths`: files as given, folders expanded in name order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(SessionStore(path).files())
        else:
            yield path


def read_sessions(paths: Sequence[Path]) -> Iterator[tuple[Path, Session] | SessionFileError]:
    """Each session file under `paths`, read one at a time: (path, session) or its error.

    Nothing is written: a folder that is only read gets no cache or anything else of ours.
    """
    for path in session_files(paths):
        try:
            yield path, read(path)
        except SessionFileError as exc:
            yield exc


def year_until(session: Session, path: Path | None) -> Year:
    """The year of `session`'s team up to and including it, from the folder it is saved in.

    `session` is taken as given (the app's copy may be newer than its file); sessions of the
    team dated after it are left out, and so are files that cannot be read.
    """
    wanted = slugify(session.team)
    mine = (session.date, session.created.timestamp())
    entries: list[tuple[Path | None, Session]] = []
    if path is not None and path.parent.is_dir():
        for entry in read_sessions([path.parent]):
            if isinstance(entry, SessionFileError):
                continue
            other_path, other = entry
            if other.id == session.id or other_path.name == path.name:
                continue
            if slugify(other.team) != wanted or (other.date, other.created.timestamp()) > mine:
                continue
            entries.append((other_path, other))
    entries.append((path, session))
    return team_year(entries)


def anonymized_year(year: Year, replace: Callable[[str], str]) -> Year:
    """`year` with `replace` applied to every text people wrote (questions, steps, activities)."""

    def events(items: tuple[Event, ...]) -> tuple[Event, ...]:
        return tuple(dataclasses.replace(e, learned=replace(e.learned)) for e in items)

    return dataclasses.replace(
        year,
        sessions=tuple(dataclasses.replace(p, question=replace(p.question)) for p in year.sessions),
        questions=tuple((when, replace(text)) for when, text in year.questions),
        recurring=tuple(dataclasses.replace(r, text=replace(r.text)) for r in year.recurring),
        steps=tuple(
            dataclasses.replace(s, what=replace(s.what), who=replace(s.who), events=events(s.events))
            for s in year.steps
        ),
        activities=tuple(
            a.model_copy(update={"who": replace(a.who), "note": replace(a.note)}) for a in year.activities
        ),
        last=dataclasses.replace(year.last, question=replace(year.last.question)) if year.last else None,
    )
