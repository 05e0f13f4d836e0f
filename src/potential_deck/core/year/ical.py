"""An iCalendar file (RFC 5545) of a session's dates: the next meeting and the open steps' due dates.

All-day events (`DTSTART;VALUE=DATE`, the day after as `DTEND`), so no time zone is needed;
CRLF line endings; lines folded at 75 octets without splitting a character; text escaped
(`\\`, `;`, `,`, newlines). Each event's UID stays the same when the file is made again (a
step's UID follows it when it is carried over), so importing a newer file updates the events
instead of adding them twice. Outlook, Google Calendar and Apple Calendar import it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from potential_deck import __version__
from potential_deck.core.session.models import Session, StepStatus
from potential_deck.core.text.clean import neutralize
from potential_deck.core.text.i18n import t
from potential_deck.core.year.lookback import step_key

CRLF = "\r\n"
LIMIT = 75
"""Octets per line, CRLF not counted (RFC 5545, 3.1)."""
DOMAIN = "potential-deck"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One all-day event."""

    uid: str
    day: dt.date
    summary: str
    description: str = ""


def escape(text: str) -> str:
    """TEXT as RFC 5545 writes it (3.3.11): backslash, semicolon, comma and newlines escaped.

    Any other control character is shown as a visible symbol (`clean_text.neutralize`), so a
    calendar never carries one to the program that reads it.
    """
    text = neutralize(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets (UTF-8), joined by CRLF + space."""
    parts: list[str] = []
    current, size, limit = "", 0, LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, LIMIT - 1  # continuation lines begin with a space
        current += char
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def session_events(session: Session) -> list[CalendarEvent]:
    """The next meeting and every open step with a due date: the plan's, and the look back's
    steps not decided yet (a step carried over is in the plan with its new date)."""
    lang = session.language
    events = []
    if session.harvest.next_meeting:
        events.append(
            CalendarEvent(
                uid=f"{session.id}-next-meeting@{DOMAIN}",
                day=session.harvest.next_meeting,
                summary=t(lang, "ical.meeting", team=session.team),
                description=t(lang, "ical.meeting_about", question=session.harvest.question.strip())
                if session.harvest.question.strip()
                else "",
            )
        )
    open_steps = [s for s in session.harvest.steps if s.status in (StepStatus.OPEN, StepStatus.CARRIED)]
    open_steps += [r for r in session.lookback.steps if r.status == StepStatus.OPEN]
    seen = set()
    for step in open_steps:
        key = step_key(step, session.id)
        if step.due is None or key in seen:
            continue
        seen.add(key)
        who = t(lang, "ical.who", who=step.who) if step.who else ""
        events.append(
            CalendarEvent(
                uid=f"{key[0]}-{key[1]}@{DOMAIN}",
                day=step.due,
                summary=t(lang, "ical.step", what=step.what),
                description="\n".join(
                    part for part in (who, t(lang, "ical.team", team=session.team)) if part
                ),
            )
        )
    return events


def calendar(events: list[CalendarEvent], *, name: str, stamp: dt.datetime) -> str:
    """The iCalendar text of `events`; `stamp` (the time it is made) becomes each DTSTAMP."""
    utc = stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp
    dtstamp = utc.strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//potential-deck//potential-deck {__version__}//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{event.day + dt.timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{escape(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def session_calendar(session: Session, stamp: dt.datetime) -> str:
    """The iCalendar file of a session's dates (see `session_events`)."""
    name = t(session.language, "ical.name", team=session.team)
    return calendar(session_events(session), name=name, stamp=stamp)
