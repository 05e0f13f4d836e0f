"""The HTML export: one self-contained page that prints well to PDF from a browser.

Inline CSS (with a print stylesheet), the chart as inline SVG, no scripts, no links, no
fonts or images from anywhere. The markup is XHTML-compatible, so after its `<!DOCTYPE html>`
line it parses as XML. `html_page(report)` renders the section model (`core.report.sections`)
and nothing else; every text of every block goes through `esc`, here only.
"""

from __future__ import annotations

import html

from potential_deck.core.deck.fields import COLOUR_HEX
from potential_deck.core.report.chart import svg_bars
from potential_deck.core.report.sections import (
    Block,
    Chart,
    Group,
    Heading,
    Inline,
    Items,
    Label,
    Paragraph,
    Progress,
    Report,
    Subheading,
    Table,
)
from potential_deck.core.text.clean import neutralize

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


def html_page(report: Report) -> str:
    """The whole HTML document."""
    title = esc(report.title)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{report.lang}">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{title}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{title}</h1>",
        *(f'<p class="meta">{esc(line)}</p>' for line in report.meta),
        "</header>",
        "<main>",
        *_blocks(report.blocks),
        "</main>",
        f"<footer><p>{esc(report.footer)}</p></footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


_PARAGRAPH_CLASS = {
    "plain": "",
    "text": ' class="text"',
    "note": ' class="note"',
    "question": ' class="question"',
}


def _blocks(blocks: tuple[Block, ...]) -> list[str]:
    out: list[str] = []
    for block in blocks:
        out += _block(block)
    return out


def _block(block: Block) -> list[str]:
    match block:
        case Heading(text=text, level=level, number=number):
            return [f"<h{level}>{f'{number}. ' if number is not None else ''}{esc(text)}</h{level}>"]
        case Subheading(text=text):
            return [f"<h3>{esc(text)}</h3>"]
        case Label(text=text):
            return [f"<p><strong>{esc(text)}</strong></p>"]
        case Paragraph(text=text, style=style):
            return [f"<p{_PARAGRAPH_CLASS[style]}>{esc(text)}</p>"]
        case Items(items=items):
            return ["<ul>", *(f"<li>{_inline(item)}</li>" for item in items), "</ul>"] if items else []
        case Table():
            return _table(block)
        case Chart(title=title, bars=bars):
            shown = {bar.value: bar.shown for bar in bars}
            svg = svg_bars(
                [(bar.label, bar.value, bar.colour) for bar in bars], title=title, shown=shown.__getitem__
            )
            return ["<figure>", svg, f"<figcaption>{esc(title)}</figcaption>", "</figure>"]
        case Progress(percent=percent):
            return [f'<p><progress max="100" value="{min(percent, 100)}">{percent}%</progress></p>']
        case Group(kind="card", blocks=blocks):
            return ['<section class="card">', *_blocks(blocks), "</section>"]
        case Group(blocks=blocks, colour=colour) if colour is not None:
            return [f'<div class="field field-{colour.value}">', *_blocks(blocks), "</div>"]
        case Group(blocks=blocks):
            return _blocks(blocks)
    return []


def _inline(spans: Inline, *, total: bool = False) -> str:
    """Inline text as HTML; in a total row (bold as a whole) emphasis needs no tag of its own."""
    out = []
    for index, span in enumerate(spans):
        text = esc(span.text)
        if span.kind == "text" or (span.kind == "strong" and total):
            out.append(text)
        elif span.kind == "strong":
            out.append(f"<strong>{text}</strong>")
        elif span.kind == "tag":
            out.append(f'{" " if index else ""}<span class="tag">{text}</span>')
        elif span.kind == "mark":
            out.append(f' <span class="mark">({text})</span>')
        else:  # an aside, details
            out.append(f" <em>({text})</em>")
    return "".join(out)


def _table(table: Table) -> list[str]:
    numeric = [column.numeric for column in table.columns]

    def cells(tag: str, row: list[str]) -> str:
        return "".join(
            f'<{tag} class="num">{c}</{tag}>' if num else f"<{tag}>{c}</{tag}>"
            for c, num in zip(row, numeric, strict=True)
        )

    out = [
        "<table>",
        f"<thead><tr>{cells('th', [esc(column.text) for column in table.columns])}</tr></thead>",
        "<tbody>",
    ]
    out += [f"<tr>{cells('td', [_inline(cell) for cell in row])}</tr>" for row in table.rows]
    if table.total is not None:
        out.append(
            f'<tr class="total">{cells("td", [_inline(cell, total=True) for cell in table.total])}</tr>'
        )
    return [*out, "</tbody>", "</table>"]
