"""The parts of a session's exports about the team's year: the look back, the step plan's forms
and hours, activities logged, and (given the team's year) its open steps and contact hours.

One function per format and section, called from `export.markdown`, `export_html.html_page`
and `export.to_json`; every user text is escaped by the caller's rules (`_cell` for Markdown
tables, `esc` for HTML).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from potential_deck.core.choices import Lang
from potential_deck.core.report.chart import form_rows, svg_bars
from potential_deck.core.report.summary import PlannedStep
from potential_deck.core.report.text import decision_text, fate_text, hours_text, number, origin_text
from potential_deck.core.session.models import Activity, Origin
from potential_deck.core.text.i18n import day, form_label, t
from potential_deck.core.year.contact_hours import ContactHours
from potential_deck.core.year.lookback import StepThread

if TYPE_CHECKING:
    from potential_deck.core.report.export import View

Escape = Callable[[str], str]


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


# --- Markdown ------------------------------------------------------------------------------------


def md_lookback(data: View, cell: Escape) -> list[str]:
    """## Looking back: last time's question and what the team decided about each step."""
    lang, back = data.lang, data.summary.lookback
    if back.empty:
        return []
    out = ["", f"## {t(lang, 'lookback.title')}", ""]
    if back.question:
        out += [
            f"**{t(lang, 'lookback.question', date=day(back.question_date))}**",
            "",
            f"> {cell(back.question)}",
            "",
        ]
    if not back.steps:
        return [*out, f"_{t(lang, 'lookback.no_steps')}_"]
    out.append(
        f"| {t(lang, 'lookback.col.step')} | {t(lang, 'lookback.col.from')} | "
        f"{t(lang, 'lookback.col.decision')} | {t(lang, 'lookback.col.learned')} |"
    )
    out.append("|---|---|---|---|")
    for item in back.steps:
        step = item.step
        what = " · ".join(part for part in (step.what, step.who, day(step.due)) if part)
        origin = day(step.origin.date) if step.origin else ""
        out.append(
            f"| {cell(what)} | {origin or ' '} | "
            f"{cell(decision_text(item.decision, item.new_due, lang))} | {cell(item.learned)} |"
        )
    return out


def md_activities(data: View, cell: Escape) -> list[str]:
    """Activities logged by hand in this session file."""
    lang = data.lang
    if not data.summary.activities:
        return []
    out = ["", f"**{t(lang, 'year.activities')}**", ""]
    return out + [f"- {cell(activity_text(a, lang))}" for a in data.summary.activities]


def md_team(data: View, cell: Escape) -> list[str]:
    """The team's open steps (with where they came from) and contact hours, given its year."""
    year = data.year
    if year is None:
        return []
    lang = data.lang
    out = [
        "",
        f"## {cell(t(lang, 'summary.year', team=year.team))}",
        "",
        f"### {t(lang, 'summary.open_steps')}",
        "",
    ]
    if not year.open_steps:
        out.append(f"_{t(lang, 'summary.no_open_steps')}_")
    for step in year.open_steps:
        details = " · ".join(part for part in (step.who, day(step.due), step_extra(step, lang)) if part)
        out.append(f"- {cell(step.what)}" + (f" ({cell(details)})" if details else ""))
    out += ["", f"### {t(lang, 'year.steps_fate')}", ""]
    out += [f"- {cell(step.what)}: {cell(fate_text(step, lang))}" for step in year.steps]
    if not year.steps:
        out.append(f"_{t(lang, 'year.no_steps')}_")
    out += ["", *md_hours(year.hours, lang, cell), ""]
    return out


def md_hours(hours: ContactHours, lang: Lang, cell: Escape) -> list[str]:
    """Contact hours: progress, by source, per form."""
    title = t(lang, "summary.contact_hours", hours=number(lang, hours.total), percent=hours.percent)
    out = [
        f"### {cell(title)}",
        "",
        f"_{t(lang, 'summary.hours_note')}_",
        "",
        f"| {t(lang, 'hours.by_source')} | |",
        "|---|---:|",
    ]
    for key, value in (
        ("hours.meetings", hours.meetings),
        ("hours.steps", hours.steps),
        ("hours.activities", hours.activities),
    ):
        out.append(f"| {t(lang, key)} | {hours_text(lang, value, 1)} |")
    out += ["", f"**{t(lang, 'hours.by_form')}**", ""]
    out += [f"- {label}: {hours_text(lang, value, 1)}" for label, value, _ in form_rows(hours.per_form, lang)]
    if not hours.per_form:
        out.append(f"_{t(lang, 'hours.none')}_")
    return [*out, "", f"_{t(lang, 'hours.meeting_form')}_"]


def activity_text(activity: Activity, lang: Lang) -> str:
    """An activity as one line: date · form · hours · who · note."""
    parts = [day(activity.date), form_label(lang, activity.form), hours_text(lang, activity.hours)]
    return " · ".join([*parts, *(text for text in (activity.who, activity.note) if text)])


# --- HTML ----------------------------------------------------------------------------------------


def html_lookback(data: View, esc: Escape) -> list[str]:
    """<h2>Looking back</h2>: last time's question and the decisions, as a table."""
    lang, back = data.lang, data.summary.lookback
    if back.empty:
        return []
    out = [f"<h2>{esc(t(lang, 'lookback.title'))}</h2>"]
    if back.question:
        out += [
            f"<h3>{esc(t(lang, 'lookback.question', date=day(back.question_date)))}</h3>",
            f'<p class="question">{esc(back.question)}</p>',
        ]
    if not back.steps:
        return [*out, f'<p class="note">{esc(t(lang, "lookback.no_steps"))}</p>']
    heads = ("lookback.col.step", "lookback.col.from", "lookback.col.decision", "lookback.col.learned")
    out += [
        "<table>",
        "<thead><tr>" + "".join(f"<th>{esc(t(lang, h))}</th>" for h in heads) + "</tr></thead>",
        "<tbody>",
    ]
    for item in back.steps:
        step = item.step
        what = " · ".join(part for part in (step.what, step.who, day(step.due)) if part)
        cells = (
            what,
            day(step.origin.date) if step.origin else "",
            decision_text(item.decision, item.new_due, lang),
            item.learned,
        )
        out.append("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in cells) + "</tr>")
    return [*out, "</tbody>", "</table>"]


def html_activities(data: View, esc: Escape) -> list[str]:
    """Activities logged by hand in this session file."""
    lang = data.lang
    if not data.summary.activities:
        return []
    items = [f"<li>{esc(activity_text(a, lang))}</li>" for a in data.summary.activities]
    return [f"<h3>{esc(t(lang, 'year.activities'))}</h3>", "<ul>", *items, "</ul>"]


def html_team(data: View, esc: Escape) -> list[str]:
    """The team's open steps and contact hours, with a chart per form, given its year."""
    year = data.year
    if year is None:
        return []
    lang, hours = data.lang, year.hours
    out = [
        f"<h2>{esc(t(lang, 'summary.year', team=year.team))}</h2>",
        f"<h3>{esc(t(lang, 'summary.open_steps'))}</h3>",
    ]
    if not year.open_steps:
        out.append(f'<p class="note">{esc(t(lang, "summary.no_open_steps"))}</p>')
    else:
        out.append("<ul>")
        for step in year.open_steps:
            details = " · ".join(p for p in (step.who, day(step.due), step_extra(step, lang)) if p)
            out.append(f"<li>{esc(step.what)}" + (f" <em>({esc(details)})</em>" if details else "") + "</li>")
        out.append("</ul>")
    if year.steps:
        out += [f"<h3>{esc(t(lang, 'year.steps_fate'))}</h3>", "<ul>"]
        out += [f"<li>{esc(step.what)}: {esc(fate_text(step, lang))}</li>" for step in year.steps]
        out.append("</ul>")
    title = t(lang, "summary.contact_hours", hours=number(lang, hours.total), percent=hours.percent)
    out += [
        f"<h3>{esc(title)}</h3>",
        f'<p><progress max="100" value="{min(hours.percent, 100)}">{hours.percent}%</progress></p>',
        f'<p class="note">{esc(t(lang, "summary.hours_note"))}</p>',
        "<table>",
        f'<thead><tr><th>{esc(t(lang, "hours.by_source"))}</th><th class="num"></th></tr></thead>',
        "<tbody>",
    ]
    for key, value in (
        ("hours.meetings", hours.meetings),
        ("hours.steps", hours.steps),
        ("hours.activities", hours.activities),
    ):
        out.append(
            f'<tr><td>{esc(t(lang, key))}</td><td class="num">{esc(hours_text(lang, value, 1))}</td></tr>'
        )
    out += ["</tbody>", "</table>", f"<h3>{esc(t(lang, 'hours.by_form'))}</h3>"]
    if hours.per_form:
        chart_title = t(lang, "hours.chart")
        out += [
            "<figure>",
            svg_bars(
                form_rows(hours.per_form, lang), title=chart_title, shown=lambda h: hours_text(lang, h, 1)
            ),
            f"<figcaption>{esc(chart_title)}</figcaption>",
            "</figure>",
        ]
    else:
        out.append(f'<p class="note">{esc(t(lang, "hours.none"))}</p>')
    return [*out, f'<p class="note">{esc(t(lang, "hours.meeting_form"))}</p>']


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


def json_year(data: View) -> dict[str, Any]:
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
