"""Plain-text summaries of a team's year for the terminal, with text bar charts (one session's is
`core.report.plain.session_text`)."""

from __future__ import annotations

import datetime as dt
import textwrap

from potential_deck.core.choices import Lang, StepStatus
from potential_deck.core.report.chart import BLOCK, form_rows, text_bars, value_rows
from potential_deck.core.report.summary import (
    PlannedStep,
    format_duration,
)
from potential_deck.core.session.models import Activity
from potential_deck.core.text.i18n import day, form_label, t
from potential_deck.core.year.contact_hours import ContactHours
from potential_deck.core.year.lookback import StepThread
from potential_deck.core.year.trajectory import Year

INDENT = "  "


def _heading(text: str, underline: str = "-") -> list[str]:
    return ["", text, underline * len(text)]


_MARKS = {StepStatus.OPEN: " ", StepStatus.DONE: "x", StepStatus.CARRIED: ">", StepStatus.DROPPED: "-"}


def _step(step: PlannedStep | StepThread, lang: Lang = "nl") -> str:
    """A step on one line: [x] what · who · due · form · hours (carried: where from)."""
    parts = [step.what]
    if step.who:
        parts.append(step.who)
    if step.due:
        parts.append(day(step.due))
    if step.form:
        parts.append(form_label(lang, step.form))
    if step.hours:
        parts.append(hours_text(lang, step.hours))
    line = f"{INDENT}[{_MARKS[step.status]}] " + " · ".join(parts)
    if step.origin is not None:
        line += f" ({origin_text(lang, step.origin.date, step.origin.file)})"
    return line


def origin_text(lang: Lang, date: dt.date, file: str = "") -> str:
    """'from the session of 12/10/2026' (with its file name when known)."""
    text = t(lang, "year.from_session", date=day(date))
    return f"{text}, {file}" if file else text


def hours_text(lang: Lang, hours: float, digits: int = 2) -> str:
    """Hours as '2 u', '1,5 u' / '2 h', '1.5 h' (at most `digits` decimals, no trailing zeros)."""
    value = f"{hours:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{hours:.0f}"
    return t(lang, "hours.value", hours=value.replace(".", ",") if lang == "nl" else value)


def _lines(prefix: str, text: str) -> list[str]:
    """`text` after `prefix`, its further lines indented to stay under the first."""
    first, *rest = text.splitlines() or [""]
    return [prefix + first, *(" " * len(prefix) + line if line.strip() else "" for line in rest)]


def number(lang: Lang, value: float, digits: int = 1) -> str:
    """A decimal number as the language writes it (3,5 in Dutch, 3.5 in English)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def progress_bar(fraction: float, width: int = 30) -> str:
    """A bar of `width` cells, filled for `fraction` (0..1)."""
    filled = round(max(0.0, min(fraction, 1.0)) * width)
    return BLOCK * filled + "░" * (width - filled)


def year_text(year: Year, lang: Lang, width: int = 30) -> str:
    """A team's year as plain text."""
    out = _heading(t(lang, "summary.year", team=year.team), "=")[1:]
    out += _heading(t(lang, "summary.sessions"))
    for point in year.sessions:
        line = t(
            lang,
            "summary.session_line",
            date=day(point.date),
            cards=point.cards,
            time=format_duration(lang, point.spent),
        )
        out.append(INDENT + line)

    out += _heading(t(lang, "summary.questions"))
    if not year.questions:
        out.append(INDENT + t(lang, "summary.no_question"))
    for when, question in year.questions:
        out += _lines(f"{INDENT}{day(when)}  ", question)

    out += _heading(t(lang, "summary.recurring"))
    if not year.recurring:
        out.append(INDENT + t(lang, "summary.no_recurring"))
    for item in year.recurring:
        dates = ", ".join(day(when) for when in item.dates)
        out.append(
            f"{INDENT}- {item.text}: " + t(lang, "summary.recurring_line", count=item.count, dates=dates)
        )

    out += _heading(t(lang, "summary.open_steps"))
    if not year.open_steps:
        out.append(INDENT + t(lang, "summary.no_open_steps"))
    out += [_step(step, lang) for step in year.open_steps]

    out += _heading(t(lang, "year.steps_fate"))
    if not year.steps:
        out.append(INDENT + t(lang, "year.no_steps"))
    for step in year.steps:
        out.append(f"{INDENT}- {step.what}: {fate_text(step, lang)}")
        out += [f"{INDENT * 3}{t(lang, 'year.learned', text=e.learned)}" for e in step.events if e.learned]

    out += _heading(t(lang, "year.activities"))
    if not year.activities:
        out.append(INDENT + t(lang, "year.no_activities"))
    out += [activity_line(a, lang, with_id=True) for a in year.activities]

    out += _heading(t(lang, "summary.by_value"))
    out += [INDENT + line for line in text_bars(value_rows(year.counts, lang), width)]

    out += hours_lines(year.hours, lang, width)
    return "\n".join(out) + "\n"


def hours_lines(hours: ContactHours, lang: Lang, width: int = 30) -> list[str]:
    """Contact hours: the progress against some twenty, by source, per form, and the source."""
    out = _heading(t(lang, "summary.contact_hours", hours=number(lang, hours.total), percent=hours.percent))
    out.append(INDENT + progress_bar(hours.progress, width))
    out += textwrap.wrap(t(lang, "summary.hours_note"), 88, initial_indent=INDENT, subsequent_indent=INDENT)
    out += _heading(t(lang, "hours.by_source"))
    sources = [
        (t(lang, "hours.meetings"), hours.meetings),
        (t(lang, "hours.steps"), hours.steps),
        (t(lang, "hours.activities"), hours.activities),
    ]
    pad = max(len(label) for label, _ in sources)
    out += [f"{INDENT}{label:<{pad}}  {hours_text(lang, value, 1):>8}" for label, value in sources]
    out += _heading(t(lang, "hours.by_form"))
    if not hours.per_form:
        out.append(INDENT + t(lang, "hours.none"))
    rows = [(label, value) for label, value, _ in form_rows(hours.per_form, lang)]
    out += [INDENT + line for line in text_bars(rows, width, lambda h: hours_text(lang, h, 1))]
    out.append(INDENT + t(lang, "hours.meeting_form"))
    return out


def fate_text(step: StepThread, lang: Lang) -> str:
    """What became of a step: planned on ..., carried over to ..., done ..."""
    parts = [t(lang, "year.planned_on", date=day(step.origin.date))]
    for event in step.events:
        when = day(event.date)
        if event.status == StepStatus.CARRIED:
            parts.append(
                t(lang, "year.event.carried", due=day(event.new_due), date=when)
                if event.new_due
                else t(lang, "year.event.carried_undated", date=when)
            )
        elif event.status in (StepStatus.DONE, StepStatus.DROPPED):
            parts.append(t(lang, f"year.event.{event.status.value}", date=when))
    return " → ".join(parts)


def activity_line(activity: Activity, lang: Lang, *, with_id: bool = False) -> str:
    """An activity on one line: date · form · hours · who · note."""
    parts = [day(activity.date), form_label(lang, activity.form), hours_text(lang, activity.hours)]
    parts += [text for text in (activity.who, activity.note) if text]
    line = f"{INDENT}- " + " · ".join(parts)
    return f"{line}  [{activity.id}]" if with_id else line


def decision_text(decision: StepStatus, new_due: dt.date | None, lang: Lang) -> str:
    """What the team decided about a step it looked back on."""
    if decision == StepStatus.OPEN:
        return t(lang, "lookback.undecided")
    if decision == StepStatus.CARRIED and new_due is not None:
        return t(lang, "lookback.carried_to", date=day(new_due))
    return t(lang, f"status.{decision.value}")
