"""The section model as Rich renderables for a screen: headings bold, tables as tables, charts
in colour, a step plan as a checklist with done steps struck through.

`rich_report(report, ids, width)` renders the sections of a `Report` (`core.report.sections`)
that it is given by id, and nothing else; the harvest's overview (`harvest_tables.overview`)
is the report's question, priorities, remarks, step plan and time.
"""

from __future__ import annotations

from rich import box
from rich.console import Group as RichGroup
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table as RichTable
from rich.text import Text

from potential_deck.core.choices import StepStatus
from potential_deck.core.report.chart import text_bars
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
    SectionId,
    Subheading,
    Table,
)

CHECKS = {StepStatus.OPEN: "·", StepStatus.DONE: "✓", StepStatus.CARRIED: "→", StepStatus.DROPPED: "–"}
"""How a checklist row is marked: · open, ✓ done (and struck through), → carried over, – dropped."""

_PARAGRAPH = {"plain": "", "text": "", "note": "italic", "question": "bold"}
_SPAN = {"text": "", "strong": "bold", "tag": "dim", "mark": "italic", "aside": "dim", "detail": "dim"}


def rich_report(report: Report, ids: tuple[SectionId, ...] = (), width: int = 80) -> RenderableType:
    """The sections of `report` with these `ids` (all when none), for a screen `width` cells wide."""
    out = _Out(width)
    for section in report.sections(*ids):
        out.blocks(section.blocks)
    return out.done()


def _natural_width(table: Table, keep: list[int]) -> int:
    """The width a table needs to show every cell on one line."""
    rows = [*table.rows, *((table.total,) if table.total else ())]
    widths = [max(len(table.columns[i].text), *(len(inline(row[i]).plain) for row in rows)) for i in keep]
    return sum(widths) + 3 * (len(widths) - 1)


def inline(spans: Inline, style: str = "") -> Text:
    """Inline text: what follows the first piece (a tag, a remark, an aside) in parentheses."""
    text = Text(style=style)
    for index, span in enumerate(spans):
        words = span.text if index == 0 or span.kind in ("text", "strong") else f" ({span.text})"
        text.append(words, style=_SPAN[span.kind])
    return text


class _Out:
    """Renderables in reading order: runs of text as one `Text`, tables as tables."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.parts: list[RenderableType] = []
        self.text = Text()
        self.labelled = False
        self.gap = False

    def line(self, text: Text | str, style: str = "") -> None:
        if self.text:
            self.text.append("\n")
        if self.gap:  # an empty line first (a section's heading, after a table)
            self.text.append("\n")
        self.gap = False
        self.text.append(text if isinstance(text, Text) else Text(text, style=style))

    def flush(self) -> None:
        if self.text:
            self.parts.append(self.text)
            self.text = Text()

    def done(self) -> RenderableType:
        self.flush()
        return RichGroup(*self.parts)

    def blocks(self, blocks: tuple[Block, ...]) -> None:
        for block in blocks:
            self.block(block)

    def block(self, block: Block) -> None:
        labelled, self.labelled = self.labelled, isinstance(block, Label)
        match block:
            case Heading(text=text, level=2):
                self.gap = bool(self.text or self.parts)
                self.line(text, "bold underline")
            case Heading(text=text, number=number):
                self.line(f"{f'{number}. ' if number is not None else ''}{text}", "bold")
            case Subheading(text=text):
                self.line(text, "bold")
            case Label(text=text):
                self.line(f"  {text}", "dim")
            case Paragraph(text=text, style=style):
                self.line(Text(text, style=_PARAGRAPH[style]))
            case Items(items=items):  # under a label, moved in under it
                for item in items:
                    self.indented(Text.assemble("• ", inline(item)), 4 if labelled else 2)
            case Table():
                self.table(block)
            case Chart():
                self.chart(block)
            case Progress(percent=percent):
                filled = round(max(0, min(percent, 100)) / 100 * min(self.width, 40))
                self.line(Text("█" * filled + "░" * (min(self.width, 40) - filled)))
            case Group(blocks=blocks):
                self.blocks(blocks)

    def records(self, table: Table) -> None:
        """A table too wide for the screen: the headings of a row's first cells (up to its first
        text), then per row those cells on one line (in bold) and the others under it, each
        after its heading."""
        columns = table.columns
        lead = next((i for i, column in enumerate(columns) if not column.numeric), 0) + 1
        self.line("  ".join(column.text for column in columns[:lead] if column.text), "bold dim")
        for row in (*table.rows, *((table.total,) if table.total else ())):
            first = Text("  ").join(text for cell in row[:lead] if (text := inline(cell)).plain)
            first.stylize("bold")
            self.line(first)
            rest = [
                Text.assemble(Text(f"{column.text}: " if column.text else "", style="dim"), text)
                for column, cell in zip(columns[lead:], row[lead:], strict=True)
                if (text := inline(cell)).plain
            ]
            if rest:
                self.indented(Text(" · ", style="dim").join(rest), 4)
        self.gap = True

    def indented(self, text: Text, indent: int) -> None:
        """A line moved in, its wrapped lines too."""
        gap, self.gap = self.gap, False
        self.flush()
        self.parts.append(Padding(text, (1 if gap else 0, 0, 0, indent), expand=False))

    def chart(self, chart: Chart) -> None:
        pad = max((len(bar.label) for bar in chart.bars), default=0)
        bar_width = max(8, min(40, self.width - pad - 10))
        shown = {bar.value: bar.shown for bar in chart.bars}
        rows = [(bar.label, bar.value) for bar in chart.bars]
        for line, bar in zip(text_bars(rows, bar_width, shown.__getitem__), chart.bars, strict=True):
            text = Text(line, no_wrap=True, overflow="ellipsis")
            text.highlight_regex("█+", style=bar.colour)
            self.line(text)

    def table(self, table: Table) -> None:
        keep = [i for i, column in enumerate(table.columns) if not (table.checks and column.state)]
        if not table.checks and _natural_width(table, keep) > self.width:
            self.records(table)
            return
        self.flush()
        grid = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        if table.checks:
            grid.add_column("", justify="center", no_wrap=True)
        for i in keep:
            column = table.columns[i]
            grid.add_column(
                column.text, justify="right" if column.numeric else "left", no_wrap=column.numeric
            )
        for index, row in enumerate(table.rows):
            cells = [inline(row[i]) for i in keep]
            if table.checks:
                check = table.checks[index]
                style = "dim strike" if check == StepStatus.DONE else ""
                grid.add_row(Text(CHECKS[check]), *cells, style=style)
            else:
                grid.add_row(*cells)
        if table.total is not None:
            grid.add_row(*(inline(table.total[i]) for i in keep), style="bold")
        self.parts.append(grid)
        self.gap = True
