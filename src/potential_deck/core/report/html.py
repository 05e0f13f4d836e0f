"""The HTML export: one self-contained page that prints well to PDF from a browser.

Inline CSS (with a print stylesheet), the chart as inline SVG, no scripts, no links, no
fonts or images from anywhere. The markup is XHTML-compatible, so after its `<!DOCTYPE html>`
line it parses as XML; every user text goes through `esc`.
"""

from __future__ import annotations

import html

from potential_deck import __version__
from potential_deck.core.deck.fields import COLOUR_HEX
from potential_deck.core.report import year as export_year
from potential_deck.core.report.chart import svg_bars, value_rows
from potential_deck.core.report.export import View, header_lines
from potential_deck.core.report.summary import format_duration
from potential_deck.core.text.clean import neutralize
from potential_deck.core.text.i18n import day, kind_label, t, value_label

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: #1d1d1d; background: #ffffff; line-height: 1.5;
       max-width: 52rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.7rem; margin: 0 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem;
     border-bottom: 2px solid #1f6f8b; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 0.4rem; }
p.meta { margin: 0.1rem 0; color: #444444; }
p.note { color: #555555; font-style: italic; }
.question { font-size: 1.2rem; margin: 0.5rem 0; padding: 0.6rem 1rem; white-space: pre-wrap;
            border-left: 5px solid #1f6f8b; background: #f1f7f9; }
.text { white-space: pre-wrap; margin: 0.2rem 0 0.8rem; }
table { border-collapse: collapse; width: 100%; margin: 0.4rem 0 1rem; }
th, td { border: 1px solid #c8c8c8; padding: 0.3rem 0.5rem; text-align: left;
         vertical-align: top; }
th { background: #f2f2f2; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
.tag { display: inline-block; font-size: 0.8rem; padding: 0 0.4rem; border-radius: 0.6rem;
       border: 1px solid #999999; color: #333333; white-space: nowrap; }
.mark { font-weight: bold; color: #1f6f8b; }
figure { margin: 0.5rem 0 1rem; }
figcaption { font-size: 0.85rem; color: #555555; }
section.card { border-top: 1px solid #dddddd; padding-top: 0.3rem; }
ul { margin: 0.2rem 0 0.8rem; padding-left: 1.4rem; }
footer { margin-top: 2.5rem; font-size: 0.8rem; color: #666666; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  table, figure, .question, li { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .question { background: none; }
  th { background: none; }
  section.card { break-inside: auto; }
}
""" + "".join(
    f".field-{colour.value} {{ border-left: 6px solid {hex_}; padding-left: 0.6rem; "
    f"margin: 0.4rem 0; print-color-adjust: exact; -webkit-print-color-adjust: exact; }}\n"
    f".field-{colour.value} strong {{ color: {hex_}; }}\n"
    for colour, hex_ in COLOUR_HEX.items()
)
"""CSS of the page; a note field with a colour (BRUG's blue, orange, green) gets a bar in it."""


def esc(text: str) -> str:
    """User text made safe for HTML and XML: escaped, control characters made visible."""
    return html.escape(neutralize(text), quote=True)


def _text(text: str, cls: str = "text") -> str:
    return f'<p class="{cls}">{esc(text)}</p>'


def _note(text: str) -> str:
    return f'<p class="note">{esc(text)}</p>'


def _table(
    heads: list[tuple[str, bool]],
    rows: list[list[tuple[str, bool]]],
    total: list[tuple[str, bool]] | None = None,
) -> list[str]:
    """A table; cells are (already escaped HTML, right-aligned?)."""

    def cells(tag: str, row: list[tuple[str, bool]]) -> str:
        return "".join(f'<{tag} class="num">{c}</{tag}>' if num else f"<{tag}>{c}</{tag}>" for c, num in row)

    out = ["<table>", f"<thead><tr>{cells('th', heads)}</tr></thead>", "<tbody>"]
    out += [f"<tr>{cells('td', row)}</tr>" for row in rows]
    if total:
        out.append(f'<tr class="total">{cells("td", total)}</tr>')
    out += ["</tbody>", "</table>"]
    return out


def html_page(data: View) -> str:
    """The whole HTML document."""
    lang, s = data.lang, data.summary
    title = t(lang, "export.title", team=s.team, date=day(s.date))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{esc(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{esc(title)}</h1>",
        *(f'<p class="meta">{esc(line)}</p>' for line in header_lines(data)),
        "</header>",
        "<main>",
        *export_year.html_lookback(data, esc),
        f"<h2>{esc(t(lang, 'summary.question'))}</h2>",
        f'<p class="question">{esc(s.question)}</p>' if s.question else _note(t(lang, "summary.no_question")),
    ]
    out += _priorities(data)
    out += _remarks(data)
    out += _steps(data)
    out += _notes(data)
    out += _times(data)
    out += export_year.html_team(data, esc)
    out += [
        "</main>",
        f"<footer><p>{esc(t(lang, 'export.footer', version=__version__))}</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


def _priorities(data: View) -> list[str]:
    lang, s = data.lang, data.summary
    out = [f"<h2>{esc(t(lang, 'summary.priorities'))}</h2>"]
    if not s.priorities:
        return [*out, _note(t(lang, "summary.no_items"))]
    if not s.harvested:
        out.append(_note(t(lang, "summary.not_harvested")))
    rows = []
    for item in s.priorities:
        text = esc(item.text)
        if item.in_question:
            text += f' <span class="mark">({esc(t(lang, "summary.in_question"))})</span>'
        rows.append(
            [
                (str(item.rank), True),
                (text, False),
                (str(item.votes), True),
                (f'<span class="tag">{esc(value_label(lang, item.value))}</span>', False),
                (esc(", ".join(c.title for c in item.cards)), False),
            ]
        )
    out += _table(
        [
            ("#", True),
            (esc(t(lang, "export.col.opportunity")), False),
            (esc(t(lang, "export.col.votes")), True),
            (esc(t(lang, "export.col.value")), False),
            (esc(t(lang, "export.col.cards")), False),
        ],
        rows,
    )
    chart_title = t(lang, "export.chart")
    out += [
        f"<h3>{esc(t(lang, 'summary.by_value'))}</h3>",
        "<figure>",
        svg_bars(value_rows(s.counts, lang), title=chart_title),
        f"<figcaption>{esc(chart_title)}</figcaption>",
        "</figure>",
    ]
    return out


def _remarks(data: View) -> list[str]:
    lang, s = data.lang, data.summary
    out = [f"<h2>{esc(t(lang, 'summary.remarks'))}</h2>"]
    if not s.remarks:
        return [*out, _note(t(lang, "summary.no_remarks"))]
    for group in s.remarks:
        out.append(f"<h3>{esc(value_label(lang, group.value))}</h3>")
        for key, items in (("field.strengths", group.strengths), ("field.challenges", group.challenges)):
            if items:
                out.append(f"<p><strong>{esc(t(lang, key))}</strong></p>")
                out.append("<ul>")
                out += [f"<li>{esc(r.text)} <em>({esc(r.card.title)})</em></li>" for r in items]
                out.append("</ul>")
    return out


def _steps(data: View) -> list[str]:
    lang, s = data.lang, data.summary
    out = [f"<h2>{esc(t(lang, 'summary.steps'))}</h2>"]
    if not s.steps:
        out.append(_note(t(lang, "summary.no_steps")))
    else:
        rows = [
            [
                (esc(st.what) + _extra(export_year.step_extra(st, lang)), False),
                (esc(st.who), False),
                (day(st.due), False),
                (esc(t(lang, "export.yes" if st.done else "export.no")), False),
            ]
            for st in s.steps
        ]
        out += _table(
            [(esc(t(lang, f"export.col.{c}")), False) for c in ("what", "who", "due", "done")], rows
        )
    if s.next_meeting:
        next_day = day(s.next_meeting)
        out.append(f"<p>{esc(t(lang, 'summary.next_meeting', date=next_day))}</p>")
    return out + export_year.html_activities(data, esc)


def _extra(text: str) -> str:
    return f' <span class="tag">{esc(text)}</span>' if text else ""


def _notes(data: View) -> list[str]:
    lang, s = data.lang, data.summary
    out = [f"<h2>{esc(t(lang, 'export.notes'))}</h2>"]
    if not s.notes:
        return [*out, _note(t(lang, "export.no_notes"))]
    times = {row.card.id: row for row in s.times}
    for number, notes in enumerate(s.notes, start=1):
        row = times[notes.card.id]
        kind = kind_label(lang, notes.card.kind) if notes.card.kind else notes.card.id
        line = t(
            lang,
            "export.card_time",
            kind=kind,
            spent=format_duration(lang, row.spent),
            planned=format_duration(lang, row.planned),
        )
        out += ['<section class="card">', f"<h3>{number}. {esc(notes.card.title)}</h3>", _note(line)]
        if notes.empty:
            out.append(_note(t(lang, "export.no_notes")))
        if notes.free:
            out += [f"<p><strong>{esc(t(lang, 'field.free'))}</strong></p>", _text(notes.free)]
        for note in notes.fields:
            if note.colour is not None:
                out += [
                    f'<div class="field field-{note.colour.value}">',
                    f"<p><strong>{esc(note.label)}</strong></p>",
                    _text(note.text),
                    "</div>",
                ]
            else:
                out += [f"<p><strong>{esc(note.label)}</strong></p>", _text(note.text)]
        if notes.growth:
            out += [f"<p><strong>{esc(t(lang, 'export.growth'))}</strong></p>", "<ul>"]
            for text, value in notes.growth:
                tag = f' <span class="tag">{esc(value_label(lang, value))}</span>' if value else ""
                out.append(f"<li>{esc(text)}{tag}</li>")
            out.append("</ul>")
        out.append("</section>")
    return out


def _times(data: View) -> list[str]:
    lang, s = data.lang, data.summary
    rows = [
        [
            (esc(row.card.title), False),
            (esc(format_duration(lang, row.planned)), True),
            (esc(format_duration(lang, row.spent)), True),
        ]
        for row in s.times
    ]
    if s.harvest_spent:
        rows.append(
            [
                (esc(t(lang, "harvest.title")), False),
                ("–", True),
                (esc(format_duration(lang, s.harvest_spent)), True),
            ]
        )
    total = [
        (esc(t(lang, "summary.total")), False),
        (esc(format_duration(lang, s.total_planned)), True),
        (esc(format_duration(lang, s.total_spent)), True),
    ]
    return [
        f"<h2>{esc(t(lang, 'summary.time'))}</h2>",
        *_table(
            [
                (esc(t(lang, "export.col.card")), False),
                (esc(t(lang, "export.col.planned")), True),
                (esc(t(lang, "export.col.spent")), True),
            ],
            rows,
            total,
        ),
    ]
