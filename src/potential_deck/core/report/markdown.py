"""The Markdown export: paste-able into a school platform or an e-mail, and safe to render.

Every text that comes from a person (team, names, notes, the question, steps, card titles)
goes through `md_text`, `md_line` or `md_cell`, which escape what Markdown would read as markup:
a line starting with ``#``, ``>``, ``-``, ``+``, ``=`` or ``1.`` stays a line of text, ``*``,
``_``, backticks, ``~``, ``[``, ``]``, ``|``, ``\\`` and ``<``/``>`` are shown as themselves, an
HTML entity is not decoded, and leading spaces (an indented code block) become no-break spaces.
Raw HTML in a note (``<script>``) is therefore text in any CommonMark renderer
(`tests/test_export_md.py` renders the export with markdown-it-py to prove it).
"""

from __future__ import annotations

import re

from potential_deck import __version__
from potential_deck.core.report import year as export_year
from potential_deck.core.report.export import View, header_lines
from potential_deck.core.report.summary import format_duration
from potential_deck.core.text.i18n import day, kind_label, t, value_label

_INLINE = re.compile(r"[\\`*_\[\]<>|~]|&(?=#?\w+;)")
_LIST_NUMBER = re.compile(r"(\d{1,9})([.)])")
_NBSP = "\u00a0"


def md_line(text: str) -> str:
    """One line of text as Markdown that renders as that text (no heading, list, HTML...)."""
    stripped = text.lstrip(" \t")
    indent = text[: len(text) - len(stripped)].replace("\t", "  ").replace(" ", _NBSP)
    body = _INLINE.sub(lambda m: "\\" + m.group(), stripped.rstrip())
    if body[:1] in ("#", "+", "-", "="):
        body = "\\" + body
    elif (number := _LIST_NUMBER.match(body)) is not None:
        body = f"{number.group(1)}\\{number.group(2)}{body[number.end() :]}"
    return indent + body


def md_text(text: str, prefix: str = "") -> str:
    """Multi-line text as Markdown paragraphs, each line break kept, every line `md_line`.

    `prefix` starts every line (``"> "`` for a quote).
    """
    out = []
    for line in text.strip().splitlines():
        if line.strip():
            out.append(prefix + md_line(line))
        else:
            out.append(prefix.rstrip())
    joined: list[str] = []
    for i, line in enumerate(out):
        hard_break = i + 1 < len(out) and line.strip(" >") and out[i + 1].strip(" >")
        joined.append(line + ("  " if hard_break else ""))
    return "\n".join(joined)


def md_cell(text: str) -> str:
    """Text for a Markdown table cell or list item: one line (breaks as <br>), escaped."""
    lines = [md_line(line.strip()) for line in text.strip().splitlines() if line.strip()]
    return "<br>".join(lines) or " "


def markdown(data: View) -> str:
    """The Markdown export: paste-able into a school platform or an e-mail."""
    lang, s = data.lang, data.summary
    out = [f"# {md_line(t(lang, 'export.title', team=s.team, date=day(s.date)))}", ""]
    out += [f"{md_line(line)}  " for line in header_lines(data)]
    out += export_year.md_lookback(data, md_cell)
    out += ["", f"## {t(lang, 'summary.question')}", ""]
    out.append(md_text(s.question, "> ") if s.question else f"_{t(lang, 'summary.no_question')}_")

    out += ["", f"## {t(lang, 'summary.priorities')}", ""]
    if not s.priorities:
        out.append(f"_{t(lang, 'summary.no_items')}_")
    else:
        if not s.harvested:
            out += [f"_{t(lang, 'summary.not_harvested')}_", ""]
        out.append(
            f"| # | {t(lang, 'export.col.opportunity')} | {t(lang, 'export.col.votes')} | "
            f"{t(lang, 'export.col.value')} | {t(lang, 'export.col.cards')} |"
        )
        out.append("|---:|---|---:|---|---|")
        for item in s.priorities:
            text = md_cell(item.text)
            if item.in_question:
                text += f" _({t(lang, 'summary.in_question')})_"
            cards = md_cell(", ".join(c.title for c in item.cards))
            out.append(
                f"| {item.rank} | {text} | {item.votes} | "
                f"{md_cell(value_label(lang, item.value))} | {cards} |"
            )
        out += ["", f"**{t(lang, 'summary.by_value')}**", ""]
        out += [f"- {value_label(lang, v)}: {n}" for v, n in s.counts]

    out += ["", f"## {t(lang, 'summary.remarks')}", ""]
    if not s.remarks:
        out.append(f"_{t(lang, 'summary.no_remarks')}_")
    for group in s.remarks:
        out += [f"### {value_label(lang, group.value)}", ""]
        for key, items in (("field.strengths", group.strengths), ("field.challenges", group.challenges)):
            if items:
                out += [f"**{t(lang, key)}**", ""]
                out += [f"- {md_cell(r.text)} _({md_cell(r.card.title)})_" for r in items]
                out.append("")

    out += ["", f"## {t(lang, 'summary.steps')}", ""]
    if not s.steps:
        out.append(f"_{t(lang, 'summary.no_steps')}_")
    else:
        out.append(
            f"| {t(lang, 'export.col.what')} | {t(lang, 'export.col.who')} | "
            f"{t(lang, 'export.col.due')} | {t(lang, 'export.col.done')} |"
        )
        out.append("|---|---|---|---|")
        for step in s.steps:
            due = day(step.due) or " "
            done = t(lang, "export.yes" if step.done else "export.no")
            extra = export_year.step_extra(step, lang)
            what = f"{md_cell(step.what)} _({md_cell(extra)})_" if extra else md_cell(step.what)
            out.append(f"| {what} | {md_cell(step.who)} | {due} | {done} |")
    if s.next_meeting:
        out += ["", t(lang, "summary.next_meeting", date=day(s.next_meeting))]
    out += export_year.md_activities(data, md_cell)

    out += ["", f"## {t(lang, 'export.notes')}", ""]
    times = {row.card.id: row for row in s.times}
    if not s.notes:
        out.append(f"_{t(lang, 'export.no_notes')}_")
    for number, notes in enumerate(s.notes, start=1):
        row = times[notes.card.id]
        kind = kind_label(lang, notes.card.kind) if notes.card.kind else notes.card.id
        out += [f"### {number}. {md_line(notes.card.title)}", ""]
        spent, planned = format_duration(lang, row.spent), format_duration(lang, row.planned)
        card_time = t(lang, "export.card_time", kind=kind, spent=spent, planned=planned)
        out += [f"_{md_cell(card_time)}_", ""]
        if notes.empty:
            out += [f"_{t(lang, 'export.no_notes')}_", ""]
        if notes.free:
            out += [f"**{t(lang, 'field.free')}**", "", md_text(notes.free), ""]
        for note in notes.fields:
            out += [f"**{md_line(note.label)}**", "", md_text(note.text), ""]
        if notes.growth:
            out += [f"**{t(lang, 'export.growth')}**", ""]
            out += [
                f"- {md_cell(text)}" + (f" _({value_label(lang, v)})_" if v else "")
                for text, v in notes.growth
            ]
            out.append("")

    out += ["", f"## {t(lang, 'summary.time')}", ""]
    out.append(
        f"| {t(lang, 'export.col.card')} | {t(lang, 'export.col.planned')} | {t(lang, 'export.col.spent')} |"
    )
    out.append("|---|---:|---:|")
    for row in s.times:
        out.append(
            f"| {md_cell(row.card.title)} | {format_duration(lang, row.planned)} | "
            f"{format_duration(lang, row.spent)} |"
        )
    if s.harvest_spent:
        out.append(f"| {t(lang, 'harvest.title')} | – | {format_duration(lang, s.harvest_spent)} |")
    out.append(
        f"| **{t(lang, 'summary.total')}** | {format_duration(lang, s.total_planned)} | "
        f"**{format_duration(lang, s.total_spent)}** |"
    )
    out += export_year.md_team(data, md_cell)
    out += ["", "---", "", f"_{t(lang, 'export.footer', version=__version__)}_", ""]
    return "\n".join(out)
