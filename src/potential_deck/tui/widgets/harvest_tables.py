"""What the harvest screen shows: its tables and the overview, drawn from the session (the
overview from its report, `tui.widgets.report_rich`).

Each table's `show(...)` rebuilds its rows from the session (row i is harvest item or step i)
and keeps the cursor where it was asked to be; column widths follow the table's width so
long texts wrap instead of being cut off. The column of source cards is the exception: it
stays on one line (cut with `…` where it does not fit), so a narrow window shows as many
growth opportunities as it can.
"""

from __future__ import annotations

import textwrap

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual.widgets import DataTable

from potential_deck.core.harvest.rules import can_split, wordings
from potential_deck.core.report.contents import report_of
from potential_deck.core.report.sections import SectionId
from potential_deck.core.report.view import ReportSource
from potential_deck.core.room.contributions import totals
from potential_deck.core.session.models import CoreValue, Deck, HarvestItem, Lang, Session
from potential_deck.core.session.notes import tagged_lines
from potential_deck.core.text.i18n import day, t
from potential_deck.tui.widgets.report_rich import rich_report

DOT = "●"
MAX_SHOWN_DOTS = 10
MERGED = "⊕"
"""Marks a growth opportunity that holds others (merged); `w` shows their wordings."""
WORDING = "↳"


def short_value(lang: Lang, value: CoreValue | None) -> str:
    """A core value's short name, for a table column."""
    return t(lang, f"harvest.short.{value.value}" if value else "harvest.short.none")


def _lines(text: str, width: int) -> int:
    """How many lines `text` wraps to in `width` cells (as DataTable wraps, word by word)."""
    return sum(max(1, len(textwrap.wrap(line, width) or [""])) for line in text.splitlines() or [""])


class _HarvestTable(DataTable[Text]):
    """A row-cursor table that rebuilds itself and re-fits its columns when resized."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._args: tuple[object, ...] | None = None
        self._kwargs: dict[str, object] = {}
        self._built_width = -1

    def _available(self) -> int:
        width = self.size.width or self.app.size.width
        return max(width - 4, 40)

    def _rebuild(self, columns: list[tuple[str, str, int]], rows: list[list[Text]], cursor: int) -> None:
        """Columns as (key, label, width); row i gets key `str(i)` and the height its text needs."""
        self._built_width = self.size.width
        self.clear(columns=True)
        for key, label, width in columns:
            self.add_column(Text(label, style="bold"), width=width, key=key)
        widths = [width for _, _, width in columns]
        for index, cells in enumerate(rows):
            height = max(
                1 if cell.no_wrap else _lines(cell.plain, width)
                for cell, width in zip(cells, widths, strict=True)
            )
            self.add_row(*cells, height=height, key=str(index))
        if rows:
            self.move_cursor(row=max(0, min(cursor, len(rows) - 1)), animate=False)

    def _remember(self, *args: object, **kwargs: object) -> None:
        """What `show` was last called with, to redraw after a resize."""
        self._args, self._kwargs = args, kwargs

    def on_resize(self) -> None:
        if self._args is not None and self.size.width != self._built_width:
            kwargs = {**self._kwargs, "cursor": self.cursor_row}
            self.show(*self._args, **kwargs)  # type: ignore[attr-defined]

    @staticmethod
    def _cards_width(total: int, fixed: list[int], cells: list[Text], label: str) -> int:
        """The width of the source cards' column: as wide as its longest cell (titles whole when
        they fit), but the text column keeps at least two fifths of the table."""
        longest = max([cell_len(label), *(cell_len(cell.plain) for cell in cells)])
        room = total - sum(fixed) - 2 * (len(fixed) + 2) - max(24, total * 2 // 5)
        return min(longest, max(14, room))

    @staticmethod
    def _fit(total: int, fixed: list[int]) -> int:
        """The width left for the flexible column: `total` less the fixed columns and padding."""
        padding = 2 * (len(fixed) + 1)
        return max(total - sum(fixed) - padding, 16)


class ItemsTable(_HarvestTable):
    """Step 1: every growth opportunity with its dots, core value and source cards.

    A merged item is marked `⊕`; with `all_wordings` its row lists the wordings it holds.
    """

    def show(
        self,
        session: Session,
        deck: Deck,
        lang: Lang,
        *,
        cursor: int,
        marked: int | None = None,
        all_wordings: bool = False,
    ) -> None:
        """Rows for `session`'s harvest items; `marked` is the item chosen for a merge."""
        self._remember(session, deck, lang, cursor=cursor, marked=marked, all_wordings=all_wordings)
        total = self._available()
        votes, value = 7, min(24, max(12, total // 5))
        found = [sources(item, deck, lang) for item in session.harvest.items]
        cards = self._cards_width(total, [votes, value], found, t(lang, "harvest.col.cards"))
        text_width = self._fit(total, [votes, value, cards])
        columns = [
            ("votes", t(lang, "harvest.col.votes"), votes),
            ("text", t(lang, "harvest.col.text"), text_width),
            ("value", t(lang, "harvest.col.value"), value),
            ("cards", t(lang, "harvest.col.cards"), cards),
        ]
        rows = []
        dots = totals(session)  # by hand and from phones (issue 17)
        for index, item in enumerate(session.harvest.items):
            text = item_text(item, all_wordings)
            if index == marked:
                text = Text.assemble("⇢ ", text, style="bold reverse")
            rows.append([votes_cell(dots[index]), text, value_cell(lang, item.value), found[index]])
        self._rebuild(columns, rows, cursor)

    def show_votes(self, index: int, votes: int) -> None:
        """Redraw one item's dots only."""
        self.update_cell(str(index), "votes", votes_cell(votes))


def item_text(item: HarvestItem, all_wordings: bool = False) -> Text:
    """An item's wording, marked `⊕` when it is a merge (with the wordings it holds, if asked);
    dim when it is hidden from the room."""
    if not can_split(item):
        return Text(item.text, style="dim italic" if item.hidden else "")
    text = Text(f"{MERGED} {item.text}", style="dim italic" if item.hidden else "")
    if all_wordings:
        for wording in wordings(item)[1:]:
            text.append(f"\n  {WORDING} {wording}", style="italic")
    return text


def votes_cell(votes: int) -> Text:
    """An item's dots (by hand and from phones) as a number."""
    return Text(str(votes), justify="right")


def one_line(text: Text) -> Text:
    """`text` kept on one line in its cell, cut with `…` where the column is too narrow."""
    text.no_wrap, text.overflow = True, "ellipsis"
    return text


def sources(item: HarvestItem, deck: Deck, lang: Lang) -> Text:
    """The titles of the cards an item came from, 'from the room' with the name given (or
    'anonymous'), or 'added by the team'; 'hidden' when the room does not see it. On one line."""
    if item.room is not None:
        who = item.room.by or t(lang, "join.anonymous_mark")
        found = Text(t(lang, "join.harvest_from", who=who), style="italic")
    elif not item.cards:
        found = Text(t(lang, "harvest.own"), style="italic dim")
    else:
        found = Text(", ".join(deck.card(c).text(lang).title if deck.has(c) else c for c in item.cards))
    if item.hidden:
        found.append(f" · {t(lang, 'join.hidden_short')}", style="bold")
    return one_line(found)


class LinesTable(_HarvestTable):
    """Step 1, below the items: the meeting's strengths and challenges, each with the core value
    the team gave it ('none yet' until it does; `v` gives one)."""

    def show(self, session: Session, deck: Deck, lang: Lang, *, cursor: int) -> None:
        """Rows for the strengths and challenges on `session`'s cards (`notes.tagged_lines`)."""
        self._remember(session, deck, lang, cursor=cursor)
        total = self._available()
        kind, value = 11, min(24, max(12, total // 5))
        lines = tagged_lines(session)
        titles = [
            one_line(
                Text(deck.card(line.card_id).text(lang).title if deck.has(line.card_id) else line.card_id)
            )
            for line in lines
        ]
        cards = self._cards_width(total, [kind, value], titles, t(lang, "harvest.col.cards"))
        columns = [
            ("kind", t(lang, "harvest.col.kind"), kind),
            ("text", t(lang, "harvest.col.line"), self._fit(total, [kind, value, cards])),
            ("value", t(lang, "harvest.col.value"), value),
            ("cards", t(lang, "harvest.col.cards"), cards),
        ]
        rows = [
            [
                Text(t(lang, f"harvest.line.{line.field}")),
                Text(line.text),
                value_cell(lang, line.value),
                title,
            ]
            for line, title in zip(lines, titles, strict=True)
        ]
        self._rebuild(columns, rows, cursor)


def value_cell(lang: Lang, value: CoreValue | None) -> Text:
    """A core value's short name, or 'none yet' in italics."""
    return Text(short_value(lang, value), style="" if value else "italic")


class VotesTable(_HarvestTable):
    """Step 2: the items with their dots drawn, for counting the votes."""

    def show(self, session: Session, lang: Lang, *, cursor: int) -> None:
        """Rows for `session`'s harvest items with their votes."""
        self._remember(session, lang, cursor=cursor)
        total = self._available()
        votes, value = 16, min(24, max(12, total // 5))
        columns = [
            ("votes", t(lang, "harvest.col.votes"), votes),
            ("text", t(lang, "harvest.col.text"), self._fit(total, [votes, value])),
            ("value", t(lang, "harvest.col.value"), value),
        ]
        dots = totals(session)  # by hand and from phones (issue 17)
        rows = [
            [dots_cell(dots[index]), item_text(item), value_cell(lang, item.value)]
            for index, item in enumerate(session.harvest.items)
        ]
        self._rebuild(columns, rows, cursor)

    def show_votes(self, index: int, votes: int) -> None:
        """Redraw one item's dots only (quick while counting)."""
        self.update_cell(str(index), "votes", dots_cell(votes))


def dots_cell(votes: int) -> Text:
    """An item's dots (by hand and from phones) as a number and drawn (up to ten)."""
    drawn = DOT * min(votes, MAX_SHOWN_DOTS) + ("+" if votes > MAX_SHOWN_DOTS else "")
    return Text(f"{votes:>3} {drawn}", style="bold")


class StepsTable(_HarvestTable):
    """Step 4: the plan: done, what, who, by when, the form of collaboration, planned hours."""

    def show(self, session: Session, lang: Lang, *, cursor: int) -> None:
        """Rows for `session`'s steps."""
        self._remember(session, lang, cursor=cursor)
        total = self._available()
        done, who, due, form, hours = 6, min(20, max(10, total // 7)), 12, min(22, max(12, total // 7)), 7
        columns = [
            ("done", t(lang, "harvest.col.done"), done),
            ("what", t(lang, "harvest.col.what"), self._fit(total, [done, who, due, form, hours])),
            ("who", t(lang, "harvest.col.who"), who),
            ("due", t(lang, "harvest.col.due"), due),
            ("form", t(lang, "harvest.col.form"), form),
            ("hours", t(lang, "harvest.col.hours"), hours),
        ]
        rows = [
            [
                Text("✓" if step.done else "·", justify="center"),
                Text(step.what, style="strike dim" if step.done else ""),
                Text(step.who),
                Text(day(step.due)),
                Text(t(lang, f"form.{step.form.value}") if step.form else "–"),
                Text(planned_hours(step.hours, lang), justify="right"),
            ]
            for step in session.harvest.steps
        ]
        self._rebuild(columns, rows, cursor)


def planned_hours(hours: float, lang: Lang) -> str:
    """A step's planned hours for a table cell ('1,5 u' / '1.5 h'; '–' for none)."""
    if not hours:
        return "–"
    text = f"{hours:g}"
    return t(lang, "hours.value", hours=text.replace(".", ",") if lang == "nl" else text)


OVERVIEW: tuple[SectionId, ...] = ("question", "priorities", "remarks", "steps", "time")
"""The sections of the report the overview shows: the meeting's, without its notes per card."""


def overview(source: ReportSource, width: int) -> RenderableType:
    """Step 5: the session's report (`contents.report_of`): its question, priorities (with the
    chart per core value), remarks, step plan and time."""
    return rich_report(report_of(source), OVERVIEW, width)
