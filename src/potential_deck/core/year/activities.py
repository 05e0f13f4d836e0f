"""Activities logged by hand for the contact hours: where they are kept, adding and removing them.

An activity (a class visit, co-teaching, a network day) is kept in a session file of its team:
the latest session dated on or before the activity (else the team's first session). So it
travels with the team's files (copies, back-ups, the sessions folder of another laptop), is
read, migrated, anonymised and exported like everything else, and counts in the summary of
the team's year. A session open in another app is never written to: its lock is taken first.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from potential_deck.core.choices import Collaboration, Lang
from potential_deck.core.errors import UserError
from potential_deck.core.harvest.rules import parse_date, parse_hours
from potential_deck.core.session import lock, store
from potential_deck.core.session.models import Activity, Session
from potential_deck.core.session.store import SessionStore
from potential_deck.core.text.i18n import t
from potential_deck.core.year.teams import team_key

Entry = tuple[Path, Session]


def team_sessions(folder: Path, team: str) -> list[Entry]:
    """The readable sessions of `team` (its exact name, any accents or case) in `folder`."""
    wanted = team_key(team)
    return [
        (item.path, item.session)
        for item in SessionStore(folder).list()
        if item.heading is not None and team_key(item.heading.team) == wanted and item.session is not None
    ]


def home_for(entries: Sequence[Entry], when: dt.date) -> Path | None:
    """Where an activity on `when` is kept: the latest session on or before it, else the first."""
    if not entries:
        return None
    ordered = sorted(entries, key=lambda e: (e[1].date, e[1].created.timestamp(), e[0].name))
    before = [entry for entry in ordered if entry[1].date <= when]
    return (before[-1] if before else ordered[0])[0]


def team_activities(entries: Iterable[Entry]) -> list[tuple[Activity, Path]]:
    """Every activity logged for the team, by date, each once, with the file it is kept in."""
    found: dict[str, tuple[Activity, Path]] = {}
    for path, session in entries:
        for activity in session.activities:
            found.setdefault(activity.id, (activity, path))
    return sorted(found.values(), key=lambda pair: (pair[0].date, pair[1].name))


class ActivityProblem(ValueError):
    """What is wrong with a typed activity (the message, in the user's language) and in which
    field: `date` or `hours`."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


def typed_activity(
    *, date: str, hours: str, form: Collaboration, who: str, note: str, lang: Lang
) -> Activity:
    """An activity from what was typed: the day (dd/mm/yyyy), the hours ('1,5', '1:30'), the
    form, who took part and a note (white space tidied). ActivityProblem, in `lang`, naming
    the field that is wrong and what to do."""
    try:
        when = parse_date(date, lang)
    except ValueError as exc:
        raise ActivityProblem("date", str(exc)) from None
    if when is None:
        raise ActivityProblem("date", t(lang, "activity.date_required"))
    try:
        amount = parse_hours(hours, lang)
    except ValueError as exc:
        raise ActivityProblem("hours", str(exc)) from None
    return Activity(date=when, form=form, hours=amount, who=who.strip(), note=" ".join(note.split()))


def log(
    folder: Path,
    team: str,
    activity: Activity,
    *,
    lang: Lang = "en",
    into: Path | None = None,
    now: dt.datetime | None = None,
) -> Path:
    """Keep `activity` in a session of `team` in `folder` (or in the session file `into`).

    The file it went into; UserError (in `lang`) when the team has no session there, or the
    session is open in another app.
    """
    if into is None:
        into = home_for(team_sessions(folder, team), activity.date)
        if into is None:
            raise UserError(t(lang, "activity.no_session", team=team, folder=str(folder)))

    def add(session: Session) -> None:
        session.activities = [*session.activities, activity]

    _change(into, add, lang, now)
    return into


def remove(
    folder: Path, team: str, activity_id: str, *, lang: Lang = "en", now: dt.datetime | None = None
) -> tuple[Activity, Path]:
    """Take the activity `activity_id` out of the team's session that keeps it; it and its file.

    UserError (in `lang`) when no session of the team keeps it.
    """
    for activity, path in team_activities(team_sessions(folder, team)):
        if activity.id == activity_id:

            def drop(session: Session) -> None:
                session.activities = [a for a in session.activities if a.id != activity_id]

            _change(path, drop, lang, now)
            return activity, path
    raise UserError(t(lang, "activity.not_found", id=activity_id, team=team))


def _change(path: Path, change: Callable[[Session], None], lang: Lang, now: dt.datetime | None) -> None:
    """Read the session at `path` afresh, apply `change`, write it back, under its lock."""
    owner = lock.holder(path)
    ours = owner is not None and owner.pid == os.getpid()  # this app has it open: it stays open
    try:
        held = lock.acquire(path)
    except lock.SessionLocked as exc:
        since = exc.owner.since[11:16]
        detail = t(lang, "home.locked_since", time=since) if since else ""
        raise UserError(t(lang, "activity.locked", file=path.name, since=detail)) from None
    try:
        session = store.read(path)
        change(session)
        session.updated = now or dt.datetime.now().astimezone().replace(microsecond=0)
        store.write(path, session)
    finally:
        if not ours:
            held.release()
