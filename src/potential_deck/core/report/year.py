"""The parts of a session's exports about the team's year: the look back, the step plan's forms
and hours, activities logged, and (given the team's year) its open steps and contact hours.

As sections of the report (`core.report.sections`, called from `core.report.contents`), so
Markdown and HTML render them as they render the rest; and as JSON (called from `export.to_json`).
"""

from __future__ import annotations

from typing import Any

from potential_deck.core.choices import Lang
from potential_deck.core.report.chart import form_rows
from potential_deck.core.report.sections import (
    Bar,
    Block,
    Chart,
    Column,
    Heading,
    Items,
    Paragraph,
    Progress,
    Span,
    Subheading,
    Table,
    plain,
)
from potential_deck.core.report.summary import PlannedStep
from potential_deck.core.report.text import decision_text, fate_text, hours_text, number, origin_text
from potential_deck.core.report.view import ReportSource
from potential_deck.core.session.models import Activity, Origin
from potential_deck.core.text.i18n import day, form_label, t
from potential_deck.core.year.contact_hours import ContactHours
from potential_deck.core.year.lookback import StepThread


def step_extra(step: PlannedStep | StepThread, lang: Lang) -> str:
    """Form, hours and origin of a step, as one plain line ('' when it has none)."""
    parts = []
    if step.form:
        parts.append(form_label(lang, step.form))
    if step.hours:
        parts.append(hours_text(lang, step.hours))
    if step.origin is not None:
        parts.append(origin_text(lang, step.origin.date))
    return " · ".join(parts)


# --- sections ------------------------------------------------------------------------------------


def lookback_blocks(data: ReportSource) -> list[Block]:
    """Looking back: last time's question and what the team decided about each step."""
    lang, back = data.lang, data.summary.lookback
    if back.empty:
        return []
    out: list[Block] = [Heading(t(lang, "lookback.title"))]
    if back.question:
        out += [
            Subheading(t(lang, "lookback.question", date=day(back.question_date))),
            Paragraph(back.question, "question"),
        ]
    if not back.steps:
        return [*out, Paragraph(t(lang, "lookback.no_steps"), "note")]
    heads = ("lookback.col.step", "lookback.col.from", "lookback.col.decision", "lookback.col.learned")
    rows = []
    for item in back.steps:
        step = item.step
        what = " · ".join(part for part in (step.what, step.who, day(step.due)) if part)
        origin = day(step.origin.date) if step.origin else ""
        decision = decision_text(item.decision, item.new_due, lang)
        rows.append((plain(what), plain(origin), plain(decision), plain(item.learned)))
    return [*out, Table(tuple(Column(t(lang, head)) for head in heads), tuple(rows))]


def activity_blocks(data: ReportSource) -> list[Block]:
    """Activities logged by hand in this session file."""
    lang = data.lang
    if not data.summary.activities:
        return []
    items = tuple(plain(activity_text(a, lang)) for a in data.summary.activities)
    return [Subheading(t(lang, "year.activities")), Items(items)]


def team_blocks(data: ReportSource) -> list[Block]:
    """The team's open steps (with where they came from), what became of its steps, and its
    contact hours; nothing unless the team's year is known."""
    year = data.year
    if year is None:
        return []
    lang = data.lang
    out: list[Block] = [
        Heading(t(lang, "summary.year", team=year.team)),
        Heading(t(lang, "summary.open_steps"), 3),
    ]
    if not year.open_steps:
        out.append(Paragraph(t(lang, "summary.no_open_steps"), "note"))
    else:
        steps = []
        for step in year.open_steps:
            details = " · ".join(part for part in (step.who, day(step.due), step_extra(step, lang)) if part)
            steps.append((Span(step.what), *((Span(details, "detail"),) if details else ())))
        out.append(Items(tuple(steps)))
    out.append(Heading(t(lang, "year.steps_fate"), 3))
    if year.steps:
        out.append(Items(tuple((Span(step.what), Span(f": {fate_text(step, lang)}")) for step in year.steps)))
    else:
        out.append(Paragraph(t(lang, "year.no_steps"), "note"))
    return out + hours_blocks(year.hours, lang)


def hours_blocks(hours: ContactHours, lang: Lang) -> list[Block]:
    """Contact hours: the progress against some twenty, by source, per form."""
    title = t(lang, "summary.contact_hours", hours=number(lang, hours.total), percent=hours.percent)
    sources = (
        ("hours.meetings", hours.meetings),
        ("hours.steps", hours.steps),
        ("hours.activities", hours.activities),
    )
    out: list[Block] = [
        Heading(title, 3),
        Progress(hours.percent),
        Paragraph(t(lang, "summary.hours_note"), "note"),
        Table(
            (Column(t(lang, "hours.by_source")), Column("", numeric=True)),
            tuple((plain(t(lang, key)), plain(hours_text(lang, value, 1))) for key, value in sources),
        ),
        Subheading(t(lang, "hours.by_form")),
    ]
    if hours.per_form:
        bars = tuple(
            Bar(label, value, hours_text(lang, value, 1), colour)
            for label, value, colour in form_rows(hours.per_form, lang)
        )
        out.append(Chart(t(lang, "hours.chart"), bars))
    else:
        out.append(Paragraph(t(lang, "hours.none"), "note"))
    return [*out, Paragraph(t(lang, "hours.meeting_form"), "note")]


def activity_text(activity: Activity, lang: Lang) -> str:
    """An activity as one line: date · form · hours · who · note."""
    parts = [day(activity.date), form_label(lang, activity.form), hours_text(lang, activity.hours)]
    return " · ".join([*parts, *(text for text in (activity.who, activity.note) if text)])


# --- JSON ----------------------------------------------------------------------------------------


def _origin(origin: Origin | None) -> dict[str, str] | None:
    if origin is None:
        return None
    return {"session": origin.session, "date": origin.date.isoformat(), "file": origin.file}


def json_step(step: PlannedStep) -> dict[str, Any]:
    """The keys a step has besides what, who, due and done."""
    return {
        "form": step.form.value if step.form else None,
        "hours": step.hours,
        "status": step.status.value,
        "origin": _origin(step.origin),
    }


def json_year(data: ReportSource) -> dict[str, Any]:
    """`lookback`, `activities` and (given the team's year) `team_year`, for the JSON export."""
    s = data.summary
    back = s.lookback
    result: dict[str, Any] = {
        "lookback": {
            "question": back.question,
            "question_date": back.question_date.isoformat() if back.question_date else None,
            "steps": [
                {
                    "what": i.step.what,
                    "who": i.step.who,
                    "due": i.step.due.isoformat() if i.step.due else None,
                    "origin": _origin(i.step.origin),
                    "decision": i.decision.value,
                    "new_due": i.new_due.isoformat() if i.new_due else None,
                    "learned": i.learned,
                }
                for i in back.steps
            ],
        },
        "activities": [
            {
                "id": a.id,
                "date": a.date.isoformat(),
                "form": a.form.value,
                "hours": a.hours,
                "who": a.who,
                "note": a.note,
            }
            for a in s.activities
        ],
    }
    year = data.year
    result["team_year"] = None
    if year is not None:
        hours = year.hours
        result["team_year"] = {
            "sessions": len(year.sessions),
            "open_steps": [
                {
                    "what": st.what,
                    "who": st.who,
                    "due": st.due.isoformat() if st.due else None,
                    "form": st.form.value if st.form else None,
                    "hours": st.hours,
                    "status": st.status.value,
                    "origin": _origin(st.origin),
                }
                for st in year.open_steps
            ],
            "contact_hours": {
                "total": round(hours.total, 2),
                "meetings": round(hours.meetings, 2),
                "steps": round(hours.steps, 2),
                "activities": round(hours.activities, 2),
                "target": hours.target,
                "per_form": {(f.value if f else "none"): round(h, 2) for f, h in hours.per_form},
            },
        }
    return result
