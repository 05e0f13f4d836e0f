"""The Markdown export: paste-able into a school platform or an e-mail, and safe to render.

`markdown(report)` renders the section model (`core.report.sections`) and nothing else, so
this module is the one place where Markdown is escaped. Every text of every block (a
person's, or the report's own words) goes through `md_text`, `md_line`, `md_cell` or (a
table's heading) `md_inline`, which escape what Markdown would read as markup:
a line starting with ``#``, ``>``, ``-``, ``+``, ``=`` or ``1.`` stays a line of text, ``*``,
``_``, backticks, ``~``, ``[``, ``]``, ``|``, ``\\`` and ``<``/``>`` are shown as themselves, an
HTML entity is not decoded, and leading spaces (an indented code block) become no-break spaces.
Raw HTML in a note (``<script>``) is therefore text in any CommonMark renderer
(`tests/test_export_md.py` renders the export with markdown-it-py to prove it).
"""

from __future__ import annotations

import re

from potential_deck.core.report.sections import (
    Block,
    Chart,
    Group,
    Heading,
    Inline,
    Items,
    Label,
    Paragraph,
    Report,
    Subheading,
    Table,
)

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


def md_inline(text: str) -> str:
    """Text in an inline-only place (a table's heading): only inline markup is escaped."""
    return " ".join(_INLINE.sub(lambda m: "\\" + m.group(), line.strip()) for line in text.splitlines())


def markdown(report: Report) -> str:
    """The report as Markdown: paste-able into a school platform or an e-mail."""
    chunks = [[f"# {md_line(report.title)}"], [f"{md_line(line)}  " for line in report.meta]]
    chunks += [lines for lines in _blocks(report.blocks) if lines]
    chunks.append(["---"])
    chunks.append([f"_{md_cell(report.footer)}_"])
    return "\n\n".join("\n".join(lines) for lines in chunks) + "\n"


def _blocks(blocks: tuple[Block, ...]) -> list[list[str]]:
    out: list[list[str]] = []
    for block in blocks:
        if isinstance(block, Group):
            out += _blocks(block.blocks)
        else:
            out.append(_block(block))
    return out


def _block(block: Block) -> list[str]:
    match block:
        case Heading(text=text, level=level, number=number):
            return [f"{'#' * level} {f'{number}. ' if number is not None else ''}{md_line(text)}"]
        case Subheading(text=text) | Label(text=text):
            return [f"**{md_line(text)}**"]
        case Paragraph(text=text, style="note"):
            return [f"_{md_cell(text)}_"]
        case Paragraph(text=text, style="question"):
            return [md_text(text, "> ")]
        case Paragraph(text=text):
            return [md_text(text)]
        case Items(items=items):
            return [f"- {_inline(item)}" for item in items]
        case Table():
            return _table(block)
        case Chart(bars=bars):  # no pictures: each bar's label and value
            return [f"- {md_cell(bar.label)}: {md_cell(bar.shown)}" for bar in bars]
    return []  # a progress bar: the heading above it says the percentage


def _inline(spans: Inline) -> str:
    out = []
    for index, span in enumerate(spans):
        cell = md_cell(span.text)
        if span.kind == "text" or (span.kind == "tag" and index == 0):
            out.append(cell)
        elif span.kind == "strong":
            out.append(f"**{cell}**")
        elif span.kind == "detail":
            out.append(f" ({cell})")
        else:  # a tag after text, a mark, an aside
            out.append(f" _({cell})_")
    return "".join(out)


def _row(cells: list[str]) -> str:
    return "|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|"


def _table(table: Table) -> list[str]:
    out = [
        _row([md_inline(column.text) for column in table.columns]),
        "|" + "|".join("---:" if column.numeric else "---" for column in table.columns) + "|",
    ]
    out += [_row([_inline(cell) for cell in row]) for row in table.rows]
    if table.total is not None:
        out.append(_row([_inline(cell) for cell in table.total]))
    return out
