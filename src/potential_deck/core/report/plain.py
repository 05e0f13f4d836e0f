"""The section model as plain text for a terminal: headings underlined, tables in columns.

`plain_text(report, ids)` renders the sections of a `Report` (`core.report.sections`) that it
is given by id, and nothing else. `session_text(source)` is the terminal summary of one session
(`potential-deck summary FILE`): its report (`contents.report_of`) less the notes per card.
"""

from __future__ import annotations

from potential_deck.core.choices import StepStatus
from potential_deck.core.report.chart import text_bars
from potential_deck.core.report.contents import report_of
from potential_deck.core.report.sections import (
    Block,
    Chart,
    Column,
    Group,
    Heading,
    Inline,
    Items,
    Label,
    Paragraph,
    Progress,
    Report,
    SectionId,
    Subheading,
    Table,
)
from potential_deck.core.report.view import ReportSource

INDENT = "  "
LINE = 88
"""A table wider than this is written a row at a time (`_records`) instead of in columns."""
CHECKS = {StepStatus.OPEN: " ", StepStatus.DONE: "x", StepStatus.CARRIED: ">", StepStatus.DROPPED: "-"}
"""How a checklist row is marked: [ ] open, [x] done, [>] carried over, [-] dropped."""


SUMMARY: tuple[SectionId, ...] = ("lookback", "question", "priorities", "remarks", "steps", "time", "year")
"""The sections of the terminal summary: the report's, less the notes per card."""


def session_text(source: ReportSource, width: int = 30) -> str:
    """The summary of one session as plain text: its report without the notes per card."""
    return plain_text(report_of(source), SUMMARY, width)


def plain_text(report: Report, ids: tuple[SectionId, ...] = (), width: int = 30) -> str:
    """The report's name underlined, then the sections with these `ids` (all when none);
    `width` is the width of a chart's longest bar."""
    name = report.name or report.title
    out = [name, "=" * len(name)]
    for section in report.sections(*ids):
        out += _blocks(section.blocks, width)
    return "\n".join(out) + "\n"


def _blocks(blocks: tuple[Block, ...], width: int) -> list[str]:
    out: list[str] = []
    depth, labelled = 1, False  # under a part's heading (level 3) what follows moves in
    for block in blocks:
        if isinstance(block, Heading | Subheading):
            depth = 2 if isinstance(block, Heading) and block.level > 2 else 1
        out += _block(block, depth + (isinstance(block, Items) and labelled), width)
        labelled = isinstance(block, Label)
    return out


def _block(block: Block, depth: int, width: int) -> list[str]:
    indent = INDENT * depth
    match block:
        case Heading(text=text, level=2) | Subheading(text=text):
            return ["", text, "-" * len(text)]
        case Heading(text=text, number=number):
            return [f"{INDENT}{f'{number}. ' if number is not None else ''}{text}"]
        case Label(text=text):
            return [indent + text]
        case Paragraph(text=text):
            return lines(indent, text)
        case Items(items=items):
            return [f"{indent}- {inline(item)}" for item in items]
        case Table():
            return _table(block)
        case Chart(bars=bars):
            shown = {bar.value: bar.shown for bar in bars}
            rows = [(bar.label, bar.value) for bar in bars]
            return [INDENT + line for line in text_bars(rows, width, shown.__getitem__)]
        case Progress(percent=percent):
            filled = round(max(0, min(percent, 100)) / 100 * width)
            return [INDENT + "█" * filled + "░" * (width - filled)]
        case Group(blocks=blocks):
            return _blocks(blocks, width)
    return []


def lines(prefix: str, text: str) -> list[str]:
    """`text` after `prefix`, its further lines indented to stay under the first."""
    first, *rest = text.splitlines() or [""]
    return [prefix + first, *(" " * len(prefix) + line if line.strip() else "" for line in rest)]


def inline(spans: Inline) -> str:
    """Inline text on one line: a remark, an aside or details after text in parentheses."""
    out = []
    for index, span in enumerate(spans):
        text = " ".join(span.text.split())
        if span.kind in ("text", "strong") or index == 0:
            out.append(text)
        else:
            out.append(f" ({text})")
    return "".join(out)


def _table(table: Table) -> list[str]:
    if table.checks:  # a checklist: its headings, then one line a row, its state as a mark
        keep = [index for index, column in enumerate(table.columns) if not column.state]
        out = [INDENT + "    " + " · ".join(table.columns[index].text for index in keep)]
        for check, row in zip(table.checks, table.rows, strict=True):
            cells = [text for index in keep if (text := inline(row[index]))]
            out.append(f"{INDENT}[{CHECKS[check]}] " + " · ".join(cells))
        return out
    rows = [[inline(cell) for cell in row] for row in table.rows]
    if table.total is not None:
        rows.append([inline(cell) for cell in table.total])
    heads = [column.text for column in table.columns]
    widths = [max(len(text) for text in column) for column in zip(heads, *rows, strict=True)]
    if len(INDENT) + sum(widths) + 2 * (len(widths) - 1) > LINE:
        return _records(table.columns, rows)
    out = []
    for texts in [heads, *rows]:
        cells = [
            text.rjust(size) if column.numeric else text.ljust(size)
            for text, size, column in zip(texts, widths, table.columns, strict=True)
        ]
        out.append((INDENT + "  ".join(cells)).rstrip())
    return out


def _records(columns: tuple[Column, ...], rows: list[list[str]]) -> list[str]:
    """A table too wide for a line: the headings of a row's first cells (up to its first text),
    then per row those cells on one line and the others under it, each after its heading."""
    lead = next((index for index, column in enumerate(columns) if not column.numeric), 0) + 1
    out = [INDENT + "  ".join(column.text for column in columns[:lead] if column.text)]
    for row in rows:
        first = "  ".join(text for text in row[:lead] if text)
        rest = [
            f"{column.text}: {text}" if column.text else text
            for column, text in zip(columns[lead:], row[lead:], strict=True)
            if text
        ]
        out.append(INDENT + first)
        if rest:
            out.append(INDENT * 2 + " · ".join(rest))
    return out
