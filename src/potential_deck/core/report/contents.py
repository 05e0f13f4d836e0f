"""What a session's report holds: its sections in order, built once from a `ReportSource`.

Every rule of what the Markdown and HTML exports (and the HTML preview in the app) say lives
here: which sections there are and in which order, their words in the session's language,
what is left out when anonymised (the facilitator's name) and when there is nothing to say.
The renderers (`core.report.markdown`, `core.report.html`, `core.report.plain`, and the app's
`tui.widgets.report_rich`) only render the `Report`, or the sections of it they pick by id.
"""

from __future__ import annotations

from dataclasses import replace

from potential_deck import __version__
from potential_deck.core.report import year as team_year
from potential_deck.core.report.chart import value_rows
from potential_deck.core.report.sections import (
    Bar,
    Block,
    Chart,
    Column,
    Group,
    Heading,
    Inline,
    Items,
    Label,
    Paragraph,
    Report,
    SectionId,
    Span,
    Subheading,
    Table,
    plain,
)
from potential_deck.core.report.summary import CardNotes, CardTime, format_duration, whole_minutes
from potential_deck.core.report.view import ReportSource
from potential_deck.core.text.i18n import day, kind_label, t, value_label


def report_of(data: ReportSource) -> Report:
    """The session's report: look back, question, priorities, remarks, plan, notes, time, year."""
    lang, s = data.lang, data.summary
    question: list[Block] = [
        Heading(t(lang, "summary.question")),
        Paragraph(s.question, "question") if s.question else _note(data, "summary.no_question"),
    ]
    sections: list[tuple[SectionId, list[Block]]] = [
        ("lookback", team_year.lookback_blocks(data)),
        ("question", question),
        ("priorities", priority_blocks(data)),
        ("remarks", remark_blocks(data)),
        ("steps", step_blocks(data)),
        ("notes", note_blocks(data)),
        ("time", time_blocks(data)),
        ("year", team_year.team_blocks(data)),
    ]
    return Report(
        lang=lang,
        title=t(lang, "export.title", team=s.team, date=day(s.date)),
        meta=tuple(header_lines(data)),
        blocks=tuple(block for id, blocks in sections for block in _named(id, blocks)),
        footer=t(lang, "export.footer", version=__version__),
        name=t(lang, "summary.heading", team=s.team, date=day(s.date)),
    )


def _named(id: SectionId, blocks: list[Block]) -> list[Block]:
    """A section's blocks, its heading carrying the section's id."""
    if blocks and isinstance(blocks[0], Heading):  # every section starts with its heading
        return [replace(blocks[0], id=id), *blocks[1:]]
    return blocks


def header_lines(data: ReportSource) -> list[str]:
    """Facilitator (never when anonymised), people present, deck and the anonymisation note."""
    lang, session = data.lang, data.session
    lines = []
    people = []
    if session.facilitator and not data.anonymized:
        people.append(t(lang, "export.facilitator", name=session.facilitator))
    if session.people_count:
        people.append(t(lang, "export.participants", count=session.people_count))
    if people:
        lines.append(" · ".join(people))
    lines.append(t(lang, "export.deck", name=data.deck_name, version=data.deck_version))
    if data.anonymized:
        lines.append(t(lang, "export.anonymized" if data.names_known else "export.anonymized_unknown"))
    return lines


def _note(data: ReportSource, key: str) -> Paragraph:
    return Paragraph(t(data.lang, key), "note")


def priority_blocks(data: ReportSource) -> list[Block]:
    """The growth opportunities by votes, and how many there are per core value (a chart)."""
    lang, s = data.lang, data.summary
    out: list[Block] = [Heading(t(lang, "summary.priorities"))]
    if not s.priorities:
        return [*out, _note(data, "summary.no_items")]
    if not s.harvested:
        out.append(_note(data, "summary.not_harvested"))
    rows = []
    for item in s.priorities:
        text: Inline = (Span(item.text),)
        if item.in_question:
            text += (Span(t(lang, "summary.in_question"), "mark"),)
        rows.append(
            (
                plain(str(item.rank)),
                text,
                plain(str(item.votes)),
                (Span(value_label(lang, item.value), "tag"),),
                plain(", ".join(card.title for card in item.cards)),
            )
        )
    columns = (
        Column("#", numeric=True),
        Column(t(lang, "export.col.opportunity")),
        Column(t(lang, "export.col.votes"), numeric=True),
        Column(t(lang, "export.col.value")),
        Column(t(lang, "export.col.cards")),
    )
    bars = tuple(Bar(label, n, str(n), colour) for label, n, colour in value_rows(s.counts, lang))
    return [
        *out,
        Table(columns, tuple(rows)),
        Subheading(t(lang, "summary.by_value")),
        Chart(t(lang, "export.chart"), bars),
    ]


def remark_blocks(data: ReportSource) -> list[Block]:
    """Strengths and challenges under the core value the team gave them."""
    lang, s = data.lang, data.summary
    out: list[Block] = [Heading(t(lang, "summary.remarks"))]
    if not s.remarks:
        return [*out, _note(data, "summary.no_remarks")]
    for group in s.remarks:
        out.append(Heading(value_label(lang, group.value), 3))
        for key, remarks in (("field.strengths", group.strengths), ("field.challenges", group.challenges)):
            if remarks:
                items = tuple((Span(r.text), Span(r.card.title, "aside")) for r in remarks)
                out += [Label(t(lang, key)), Items(items)]
    return out


def step_blocks(data: ReportSource) -> list[Block]:
    """The step plan, the next meeting and the activities logged."""
    lang, s = data.lang, data.summary
    out: list[Block] = [Heading(t(lang, "summary.steps"))]
    if not s.steps:
        out.append(_note(data, "summary.no_steps"))
    else:
        rows = []
        for step in s.steps:
            extra = team_year.step_extra(step, lang)
            what: Inline = (Span(step.what), *((Span(extra, "tag"),) if extra else ()))
            done = t(lang, "export.yes" if step.done else "export.no")
            rows.append((what, plain(step.who), plain(day(step.due)), plain(done)))
        columns = tuple(
            Column(t(lang, f"export.col.{c}"), state=c == "done") for c in ("what", "who", "due", "done")
        )
        out.append(Table(columns, tuple(rows), checks=tuple(step.status for step in s.steps)))
    if s.next_meeting:
        out.append(Paragraph(t(lang, "summary.next_meeting", date=day(s.next_meeting))))
    return out + team_year.activity_blocks(data)


def note_blocks(data: ReportSource) -> list[Block]:
    """Every card's notes, numbered, with the time it took."""
    lang, s = data.lang, data.summary
    out: list[Block] = [Heading(t(lang, "export.notes"))]
    if not s.notes:
        return [*out, _note(data, "export.no_notes")]
    times = {row.card.id: row for row in s.times}
    for number, notes in enumerate(s.notes, start=1):
        out.append(Group("card", tuple(_card(data, number, notes, times[notes.card.id]))))
    return out


def _card(data: ReportSource, number: int, notes: CardNotes, row: CardTime) -> list[Block]:
    lang = data.lang
    kind = kind_label(lang, notes.card.kind) if notes.card.kind else notes.card.id
    spent, planned = format_duration(lang, row.spent), format_duration(lang, row.planned)
    out: list[Block] = [
        Heading(notes.card.title, 3, number),
        Paragraph(t(lang, "export.card_time", kind=kind, spent=spent, planned=planned), "note"),
    ]
    if notes.empty:
        out.append(_note(data, "export.no_notes"))
    if notes.free:
        out += [Label(t(lang, "field.free")), Paragraph(notes.free, "text")]
    for note in notes.fields:
        field = (Label(note.label), Paragraph(note.text, "text"))
        out += [Group("field", field, note.colour)] if note.colour is not None else field
    if notes.growth:
        items = tuple(
            (Span(text), *((Span(value_label(lang, value), "tag"),) if value else ()))
            for text, value in notes.growth
        )
        out += [Label(t(lang, "export.growth")), Items(items)]
    return out


def time_blocks(data: ReportSource) -> list[Block]:
    """Planned and spent time per card, the look back's and the harvest's time, and the total.

    Each row is rounded to the minute, and the totals are the sums of the rows as shown, so
    the columns add up (rounding the total on its own could say 3 min under rows of 1 and 1).
    Only the agenda's cards are planned: a card taken up besides it shows "–" there.
    """
    lang, s = data.lang, data.summary
    rows: list[tuple[str, float | None, float]] = []
    if s.lookback_spent:
        rows.append((t(lang, "lookback.title"), None, s.lookback_spent))
    rows += [(row.card.title, row.planned if row.on_agenda else None, row.spent) for row in s.times]
    if s.harvest_spent:
        rows.append((t(lang, "harvest.title"), None, s.harvest_spent))
    planned = sum(whole_minutes(seconds) for _, seconds, _ in rows if seconds is not None) * 60
    spent = sum(whole_minutes(seconds) for _, _, seconds in rows) * 60
    total = (
        (Span(t(lang, "summary.total"), "strong"),),
        plain(format_duration(lang, planned)),
        (Span(format_duration(lang, spent), "strong"),),
    )
    cells = tuple(
        (
            plain(title),
            plain("–" if seconds is None else format_duration(lang, seconds)),
            plain(format_duration(lang, used)),
        )
        for title, seconds, used in rows
    )
    columns = (
        Column(t(lang, "export.col.card")),
        Column(t(lang, "export.col.planned"), numeric=True),
        Column(t(lang, "export.col.spent"), numeric=True),
    )
    return [Heading(t(lang, "summary.time")), Table(columns, cells, total)]
