"""Plain-text summaries for the terminal: one session, or a team's year, with text bar charts."""

from __future__ import annotations

from potential_deck.core.chart import BLOCK, text_bars, value_rows
from potential_deck.core.i18n import day, t, value_label
from potential_deck.core.summary import PlannedStep, SessionSummary, format_duration
from potential_deck.core.trajectory import Year
from potential_deck.core.vocab import Lang

INDENT = "  "


def _heading(text: str, underline: str = "-") -> list[str]:
    return ["", text, underline * len(text)]


def _step(step: PlannedStep) -> str:
    parts = [step.what]
    if step.who:
        parts.append(step.who)
    if step.due:
        parts.append(day(step.due))
    return f"{INDENT}[{'x' if step.done else ' '}] " + " · ".join(parts)


def _lines(prefix: str, text: str) -> list[str]:
    """`text` after `prefix`, its further lines indented to stay under the first."""
    first, *rest = text.splitlines() or [""]
    return [prefix + first, *(" " * len(prefix) + line if line.strip() else "" for line in rest)]


def number(lang: Lang, value: float, digits: int = 1) -> str:
    """A decimal number as the language writes it (3,5 in Dutch, 3.5 in English)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def session_text(s: SessionSummary, lang: Lang | None = None, width: int = 30) -> str:
    """The summary of one session as plain text."""
    lang = lang or s.language
    out = _heading(t(lang, "summary.heading", team=s.team, date=day(s.date)), "=")[1:]
    out += _heading(t(lang, "summary.question"))
    out += _lines(INDENT, s.question or t(lang, "summary.no_question"))

    out += _heading(t(lang, "summary.priorities"))
    if not s.priorities:
        out.append(INDENT + t(lang, "summary.no_items"))
    elif not s.harvested:
        out.append(INDENT + t(lang, "summary.not_harvested"))
    rank_width = len(str(len(s.priorities)))
    for item in s.priorities:
        extra = [value_label(lang, item.value)]
        if item.cards:
            extra.append(", ".join(card.title for card in item.cards))
        mark = f" ({t(lang, 'summary.in_question')})" if item.in_question else ""
        out.append(f"{INDENT}{item.rank:>{rank_width}}. [{item.votes}] {item.text}{mark}")
        out.append(f"{INDENT}{' ' * (rank_width + 2)}{' · '.join(extra)}")

    out += _heading(t(lang, "summary.by_value"))
    out += [INDENT + line for line in text_bars(value_rows(s.counts, lang), width)]

    out += _heading(t(lang, "summary.remarks"))
    if not s.remarks:
        out.append(INDENT + t(lang, "summary.no_remarks"))
    for group in s.remarks:
        out.append(INDENT + value_label(lang, group.value))
        for key, items in (("field.strengths", group.strengths),
                           ("field.challenges", group.challenges)):
            if items:
                out.append(INDENT * 2 + t(lang, key))
                out += [f"{INDENT * 3}- {r.text} ({r.card.title})" for r in items]

    out += _heading(t(lang, "summary.steps"))
    if not s.steps:
        out.append(INDENT + t(lang, "summary.no_steps"))
    out += [_step(step) for step in s.steps]
    if s.next_meeting:
        out.append(INDENT + t(lang, "summary.next_meeting", date=day(s.next_meeting)))

    out += _heading(t(lang, "summary.time"))
    harvest = t(lang, "harvest.title")
    labels = [row.card.title for row in s.times] + [t(lang, "summary.total"), harvest]
    label_width = max(len(label) for label in labels)
    for row in s.times:
        spent, planned = format_duration(lang, row.spent), format_duration(lang, row.planned)
        out.append(f"{INDENT}{row.card.title:<{label_width}}  {spent:>10} / {planned}")
    if s.harvest_spent:
        out.append(f"{INDENT}{harvest:<{label_width}}  {format_duration(lang, s.harvest_spent):>10}")
    spent = format_duration(lang, s.total_spent)
    planned = format_duration(lang, s.total_planned)
    out.append(f"{INDENT}{t(lang, 'summary.total'):<{label_width}}  {spent:>10} / {planned}")
    return "\n".join(out) + "\n"


def progress_bar(fraction: float, width: int = 30) -> str:
    """A bar of `width` cells, filled for `fraction` (0..1)."""
    filled = round(max(0.0, min(fraction, 1.0)) * width)
    return BLOCK * filled + "░" * (width - filled)


def year_text(year: Year, lang: Lang, width: int = 30) -> str:
    """A team's year as plain text."""
    out = _heading(t(lang, "summary.year", team=year.team), "=")[1:]
    out += _heading(t(lang, "summary.sessions"))
    for point in year.sessions:
        line = t(lang, "summary.session_line", date=day(point.date), cards=point.cards,
                 time=format_duration(lang, point.spent))
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
        out.append(f"{INDENT}- {item.text}: "
                   + t(lang, "summary.recurring_line", count=item.count, dates=dates))

    if year.last is not None:
        out += _heading(t(lang, "summary.open_steps", date=day(year.last.date)))
        if not year.open_steps:
            out.append(INDENT + t(lang, "summary.no_open_steps"))
        out += [_step(step) for step in year.open_steps]

    out += _heading(t(lang, "summary.by_value"))
    out += [INDENT + line for line in text_bars(value_rows(year.counts, lang), width)]

    out += _heading(t(lang, "summary.contact_hours", hours=number(lang, year.contact_hours),
                       target=number(lang, year.target_hours, 0),
                       percent=round(year.progress * 100)))
    out.append(INDENT + progress_bar(year.progress, width))
    out.append(INDENT + t(lang, "summary.hours_note"))
    return "\n".join(out) + "\n"
