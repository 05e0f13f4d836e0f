"""The section model of a report: what a report says, in order, without saying how it looks.

A `Report` is a title, a few header lines, an ordered tuple of blocks and a footer. Blocks are
headings, paragraphs, lists, tables, a chart, a progress bar and groups of blocks (a card's
notes, a coloured note field). Text inside a list item or a table cell is a tuple of `Span`s:
plain text, and the few kinds of aside a report uses (a card title after a remark, a core
value after an opportunity, "in the question" after a priority).

Every string here is plain text exactly as a reader should read it: nothing is escaped or
marked up. Escaping is the renderer's job and each renderer does it in one place for every
block (`core.report.markdown`, `core.report.html`); so no section can forget it. What a
session's report holds, in which order and language, and what it leaves out is decided once,
in `core.report.contents`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from potential_deck.core.choices import FieldColour, Lang, StepStatus

SpanKind = Literal["text", "strong", "tag", "mark", "aside", "detail"]
"""How a piece of inline text reads.

- ``text``: plain text.
- ``strong``: emphasised (the totals of a table).
- ``tag``: a label such as a core value or a step's form; after other text it reads as an aside.
- ``mark``: a remark on what precedes it, highlighted ("in the learning question").
- ``aside``: a remark on what precedes it, in parentheses (the card a remark comes from).
- ``detail``: details of what precedes it, in parentheses (who, by when).
"""


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of inline text."""

    text: str
    kind: SpanKind = "text"


Inline = tuple[Span, ...]
"""The text of a list item or a table cell."""


def plain(text: str) -> Inline:
    """Plain text as inline text."""
    return (Span(text),)


SectionId = Literal["lookback", "question", "priorities", "remarks", "steps", "notes", "time", "year"]
"""The sections of a session's report, in their order; a renderer picks some by these ids."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading; level 2 starts a section, 3 a part of one. `number` counts the cards.

    `id` names the section a heading starts (its blocks run to the next heading with an id).
    """

    text: str
    level: int = 2
    number: int | None = None
    id: SectionId | None = None


@dataclass(frozen=True, slots=True)
class Subheading:
    """A small heading inside a section (above a chart, a list, a quoted question)."""

    text: str


@dataclass(frozen=True, slots=True)
class Label:
    """The name of the text after it (a note field's label, 'Strengths')."""

    text: str


ParagraphStyle = Literal["plain", "text", "note", "question"]
"""``plain`` a sentence of the report; ``text`` a person's note, every line break kept;
``note`` a remark of the report about itself ('no steps yet'); ``question`` the learning question."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of text (several lines for `text` and `question`)."""

    text: str
    style: ParagraphStyle = "plain"


@dataclass(frozen=True, slots=True)
class Items:
    """A bulleted list."""

    items: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Column:
    """A table's column: its heading, and whether it holds numbers (aligned right).

    `state` marks the column that says in words what a checklist's `Table.checks` say per row
    (done: yes/no); a renderer that marks the rows themselves may leave it out.
    """

    text: str
    numeric: bool = False
    state: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """A table: rows of cells, one per column; `total` is a last row that sums the others.

    `checks`, when given, makes the table a checklist: the state of each row (a step plan).
    """

    columns: tuple[Column, ...]
    rows: tuple[tuple[Inline, ...], ...]
    total: tuple[Inline, ...] | None = None
    checks: tuple[StepStatus, ...] = ()


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a chart: its label, its value, the value as written, its colour (#rrggbb)."""

    label: str
    value: float
    shown: str
    colour: str


@dataclass(frozen=True, slots=True)
class Chart:
    """A bar chart, titled; a renderer without pictures lists each bar's label and value."""

    title: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Progress:
    """Progress towards a goal, in percent (may pass 100)."""

    percent: int


@dataclass(frozen=True, slots=True)
class Group:
    """Blocks that belong together: one card's notes (`card`), or a note field (`field`) with
    the colour the card gives it."""

    kind: Literal["card", "field"]
    blocks: tuple[Block, ...]
    colour: FieldColour | None = None


Block = Heading | Subheading | Label | Paragraph | Items | Table | Chart | Progress | Group


@dataclass(frozen=True, slots=True)
class Report:
    """A whole report: the title, lines under it (who, which deck), the blocks, the footer.

    `name` is the session's short name ('team · session of date'), for a screen or a terminal
    that shows the report without the export's title.
    """

    lang: Lang
    title: str
    meta: tuple[str, ...]
    blocks: tuple[Block, ...]
    footer: str
    name: str = ""

    def sections(self, *ids: SectionId) -> tuple[Section, ...]:
        """The report's sections with these ids (all of them when none is given), in its order."""
        found: list[Section] = []
        for block in self.blocks:
            if isinstance(block, Heading) and block.id is not None:
                found.append(Section(block.id, (block,)))
            elif found:
                found[-1] = Section(found[-1].id, (*found[-1].blocks, block))
        return tuple(section for section in found if not ids or section.id in ids)


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a report: its id and its blocks, its heading first."""

    id: SectionId
    blocks: tuple[Block, ...]


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block, groups' blocks included, in reading order (groups before their blocks)."""
    for block in blocks:
        yield block
        if isinstance(block, Group):
            yield from walk(block.blocks)


def texts(report: Report) -> Iterator[str]:
    """Every text of a report, in reading order: what a reader can read in any rendering."""
    yield report.title
    yield from report.meta
    for block in walk(report.blocks):
        match block:
            case Heading() | Subheading() | Label() | Paragraph():
                yield block.text
            case Items():
                yield from (span.text for item in block.items for span in item)
            case Table():
                yield from (column.text for column in block.columns)
                for row in (*block.rows, *((block.total,) if block.total else ())):
                    yield from (span.text for cell in row for span in cell)
            case Chart():
                yield block.title
                yield from (text for bar in block.bars for text in (bar.label, bar.shown))
    yield report.footer
