"""A team's year: several sessions of one team read as a trajectory.

Everything is one pass over the sessions (plus sorting the small per-session rows), so a
folder of thousands of session files costs about the time it takes to read them. Sessions
are matched to a team by `store.slugify(team)`, so "Basisschool Zoë" and "basisschool zoe"
are the same team.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from potential_deck.core.models import CoreValue, Lang, Session
from potential_deck.core.notes import gather
from potential_deck.core.store import Listed, SessionFileError, SessionStore, read, slugify
from potential_deck.core.summary import PlannedStep, value_counts

TARGET_HOURS = 20.0
"""Contact hours the sources name as the minimum for effective professional development."""


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
    open_steps: tuple[PlannedStep, ...]
    last: SessionPoint | None
    counts: tuple[tuple[CoreValue | None, int], ...]
    target_hours: float = TARGET_HOURS

    @property
    def contact_hours(self) -> float:
        """Hours spent on cards, over all sessions."""
        return sum(point.spent for point in self.sessions) / 3600

    @property
    def progress(self) -> float:
        """Contact hours as a fraction of the target, from 0.0 to 1.0 (capped)."""
        if self.target_hours <= 0:
            return 1.0
        return min(self.contact_hours / self.target_hours, 1.0)


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
    last_key: tuple[dt.date, float, int] | None = None
    last_steps: tuple[PlannedStep, ...] = ()

    def add(self, order: int, session: Session, path: Path | None) -> None:
        key = (session.date, session.updated.timestamp(), order)
        point = SessionPoint(session.date, session.team, session.harvest.question.strip(),
                             session.total_spent, len(session.cards), session.language, path)
        self.points.append((key, point))
        texts: dict[str, str] = {}
        for item in gather(session):
            texts.setdefault(_key(item.text), item.text)
            self.values.append(item.value)
        for norm, text in texts.items():
            entry = self.seen.get(norm)
            if entry is None:
                self.seen[norm] = _Seen(text, key, [session.date])
                continue
            entry.dates.append(session.date)
            if key < entry.first:
                entry.text, entry.first = text, key
        if self.last_key is None or key > self.last_key:
            self.last_key = key
            self.last_steps = _open_steps(session)

    def year(self) -> Year:
        self.points.sort(key=lambda pair: pair[0])
        points = tuple(point for _, point in self.points)
        recurring = [
            Recurring(seen.text, len(seen.dates), tuple(sorted(seen.dates)))
            for seen in self.seen.values() if len(seen.dates) >= 2
        ]
        recurring.sort(key=lambda r: (-r.count, r.dates[0], r.text.casefold()))
        return Year(
            team=points[-1].team if points else self.team,
            sessions=points,
            questions=tuple((p.date, p.question) for p in points if p.question),
            recurring=tuple(recurring),
            open_steps=self.last_steps,
            last=points[-1] if points else None,
            counts=value_counts(self.values),
        )


def team_years(sessions: Iterable[Session | tuple[Path, Session]]) -> list[Year]:
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


def team_year(sessions: Iterable[Session | tuple[Path, Session]], team: str | None = None) -> Year:
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


@dataclass(frozen=True, slots=True)
class Previous:
    """What a new session of a team sees first: the last session's question and open steps."""

    date: dt.date
    question: str
    open_steps: tuple[PlannedStep, ...]
    path: Path


def previous_for_team(
    listed: Iterable[Listed], team: str, *, exclude: Path | None = None
) -> Previous | None:
    """The team's latest readable session in a `SessionStore.list()`, or None.

    Matched by `slugify(team)`; the latest is the one with the latest date, then the last
    changed. `exclude` leaves out a file (the new session itself, once it is saved).
    """
    wanted = slugify(team)
    best: Listed | None = None
    for item in listed:
        heading = item.heading
        if heading is None or (exclude is not None and _same_file(item.path, exclude)):
            continue
        if slugify(heading.team) != wanted:
            continue
        if best is None or best.heading is None or (heading.date, item.mtime) > (
            best.heading.date, best.mtime
        ):
            best = item
    if best is None:
        return None
    return _previous_of(best.path, best.mtime)


@functools.lru_cache(maxsize=8)
def _previous_of(path: Path, mtime: float) -> Previous | None:
    """The question and open steps of the session at `path` (read once per version: the form
    asks again at every key typed in the team field)."""
    try:
        session = read(path)
    except SessionFileError:
        return None
    return Previous(
        date=session.date,
        question=session.harvest.question.strip(),
        open_steps=_open_steps(session),
        path=path,
    )


def _open_steps(session: Session) -> tuple[PlannedStep, ...]:
    return tuple(
        PlannedStep(s.what, s.who, s.due, s.done) for s in session.harvest.steps if not s.done
    )


def _same_file(path: Path, other: Path) -> bool:
    return path.name == other.name and (path == other or path.resolve() == other.resolve())


def _key(text: str) -> str:
    """Texts that differ only in case and spacing are the same opportunity."""
    return " ".join(text.casefold().split())
