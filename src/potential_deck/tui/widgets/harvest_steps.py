"""The five steps of the harvest as panes: their layout, what they tell the screen, how they redraw.

`STEPS` is the one place that says which pane is which step, in order (PageDown and PageUp go
through them; the tab's number and id come from it). Each pane:

- draws itself from the session and its reactives (the cursor, and on step 1 the item marked
  for a merge and whether every wording shows), which the screen binds to its own view state
  (`data_bind`); a pane redraws what it lists only while it is on show (long lists take a
  while), and otherwise when it is next shown (`outdated`, `draw_if_stale`);
- names its focus targets: `main` has the keyboard when the step is shown, `list` after
  Escape leaves a field;
- tells the screen what happened in it through messages declared inside it
  (`ItemsPane.ItemChosen`, `QuestionPane.QuestionChanged`, ...), handled there as
  `on_items_pane_item_chosen` and so on.

The panes change nothing in the session: the screen does, through `core.harvest.rules`. Only the
learning question takes text; every other step is a list where single letters are commands
(their key line is made from `tui.keys`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal, get_args

from rich.cells import cell_len
from rich.markup import escape
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import DataTable, Label, SelectionList, Static, TabPane, TextArea
from textual.widgets.selection_list import Selection

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.report.view import view
from potential_deck.core.room.contributions import total
from potential_deck.core.session.models import Deck, Lang, Session
from potential_deck.core.session.notes import tagged_lines
from potential_deck.core.text.i18n import day, t
from potential_deck.tui.keys import HARVEST_COMMANDS, Where
from potential_deck.tui.widgets.changed_only import update
from potential_deck.tui.widgets.harvest_tables import (
    ItemsTable,
    LinesTable,
    StepsTable,
    VotesTable,
    overview,
)
from potential_deck.tui.widgets.key_scroll import KeyScroll
from potential_deck.tui.widgets.marked_list import MarkedSelectionList
from potential_deck.tui.widgets.note_area import NoteArea

Part = Literal["items", "steps", "lines", "dots", "budget", "question", "links"]
"""A part of the harvest that a change touches (`HarvestStep.SHOWS`: which steps list it)."""


CANCEL_MERGE = frozenset({"cancel_merge"})
"""The command that cancels a merge (on step 1's key line only while a merge is going on)."""

SEPARATOR = " · "
"""Between two keys of a step's key line."""


def key_entries(lang: Lang, part: str, leave_out: frozenset[str] = frozenset()) -> list[str]:
    """The keys of one step with their meaning, for the line under its introduction ('a Nieuw',
    'Enter e Bewerken', …); the commands whose id is in `leave_out` are not named."""
    return [
        f"{command.bar_keys(Where.LIST, lang)} {command.words(lang)}"
        for command in HARVEST_COMMANDS
        if command.on
        and part in command.on
        and command.id not in leave_out
        and (command.letters or command.keys or command.display)
    ]


def wrapped(entries: list[str], width: int) -> str:
    """`entries` joined by ' · ' in lines of at most `width` cells, broken only between two
    entries (a line that goes on ends with ' ·'): a key never leaves its meaning."""
    lines: list[str] = []
    line = ""
    for number, entry in enumerate(entries, 1):
        joined = f"{line}{SEPARATOR}{entry}" if line else entry
        room = width if number == len(entries) else width - len(SEPARATOR.rstrip())
        if line and cell_len(joined) > room:
            lines.append(line + SEPARATOR.rstrip())
            line = entry
        else:
            line = joined
    return "\n".join([*lines, line])


class KeyLine(Static):
    """A step's key line: on as many lines as it needs, each key with its meaning on one line."""

    def __init__(self, entries: list[str], *, classes: str = "") -> None:
        super().__init__(SEPARATOR.join(entries), markup=False, classes=classes)
        self.entries = entries

    def show(self, entries: list[str]) -> None:
        """Name `entries` from now on."""
        self.entries = entries
        update(self, wrapped(entries, self.size.width) if self.size.width else SEPARATOR.join(entries))

    def on_resize(self, event: events.Resize) -> None:
        update(self, wrapped(self.entries, event.size.width))


def _move(table: DataTable[Text], row: int) -> None:
    """Put `table`'s cursor on `row` (as far as it has rows)."""
    if table.row_count:
        table.move_cursor(row=max(0, min(row, table.row_count - 1)), animate=False)


class HarvestStep(TabPane):
    """A numbered step with, for the four steps, a line saying what it is for and its keys."""

    NAME: ClassVar[str] = ""
    """The step's id (`harvest.tab.<NAME>` is its title; `tui.keys` names it in `on`)."""
    SHOWS: ClassVar[frozenset[Part]] = frozenset()
    """What of the session this step lists: a change to it makes the step redraw."""

    def __init__(self, session: Session, lang: Lang, deck: Deck) -> None:
        number = TABS.index(self.NAME) + 1
        super().__init__(f"{number} {t(lang, f'harvest.tab.{self.NAME}')}", id=self.NAME)
        self.session = session
        self.lang = lang
        self.deck = deck
        self.stale = True
        """Whether what this step lists changed since it was last drawn."""

    def intro(self) -> ComposeResult:
        yield Static(t(self.lang, f"harvest.intro.{self.NAME}"), classes="intro", markup=False)
        yield KeyLine(key_entries(self.lang, self.NAME, self.resting()), classes="keys")

    def resting(self) -> frozenset[str]:
        """The commands its key line leaves out now: they act only for a while."""
        return frozenset()

    # --- focus -----------------------------------------------------------------------------

    @property
    def main(self) -> Widget:
        """What has the keyboard when this step is shown."""
        raise NotImplementedError

    @property
    def escape_to(self) -> Widget:
        """This step's list, where Escape in a field goes."""
        return self.main

    # --- drawing ---------------------------------------------------------------------------

    def draw(self) -> None:
        """Redraw what this step lists from the session."""
        raise NotImplementedError

    def outdated(self) -> None:
        """What this step lists changed: it is redrawn when the screen next draws it."""
        self.stale = True

    def draw_if_stale(self) -> None:
        """Redraw if something this step lists changed since it was drawn."""
        if self.stale:
            self.stale = False
            self.draw()

    def _view_changed(self) -> None:
        """A reactive of the view changed: redraw once the current message is handled (several
        changes in one go cost one drawing), at once if on show, else when shown."""
        self.stale = True
        if self.display:
            self.call_next(self.draw_if_stale)


class ItemsPane(HarvestStep):
    """Step 1: the growth opportunities, and under them the meeting's strengths and challenges
    (shown when there are any), each tagged with a core value by the team."""

    NAME = "items"
    SHOWS = frozenset[Part]({"items", "lines", "dots"})

    item_row: reactive[int] = reactive(0, init=False)
    """The item the cursor is on when the list is drawn."""
    line_row: reactive[int] = reactive(0, init=False)
    """The strength or challenge the second list's cursor is on when it is drawn."""
    merging: reactive[int | None] = reactive(None, init=False)
    """The item marked for a merge (drawn `⇢`), if any."""
    all_wordings: reactive[bool] = reactive(False, init=False)
    """Whether merged items list every wording they hold."""

    @dataclass
    class ItemChosen(Message):
        """Enter on a growth opportunity."""

        index: int

    @dataclass
    class ItemHighlighted(Message):
        """The cursor moved to another growth opportunity."""

        index: int

    def compose(self) -> ComposeResult:
        yield from self.intro()
        yield ItemsTable(id="items-table")
        with Vertical(id="lines-part"):
            yield Static(t(self.lang, "harvest.lines"), classes="list-label", markup=False)
            yield LinesTable(id="lines-table")

    @property
    def main(self) -> ItemsTable:
        return self.query_one(ItemsTable)

    @property
    def lines(self) -> LinesTable:
        """The list of strengths and challenges."""
        return self.query_one(LinesTable)

    @property
    def lines_shown(self) -> bool:
        """Whether the meeting has strengths or challenges to tag (their list is shown)."""
        return bool(self.query_one("#lines-part").display)

    def draw(self) -> None:
        self.main.show(
            self.session,
            self.deck,
            self.lang,
            cursor=self.item_row,
            marked=self.merging,
            all_wordings=self.all_wordings,
        )
        part = self.query_one("#lines-part")
        part.display = bool(tagged_lines(self.session))
        if part.display:
            self.lines.show(self.session, self.deck, self.lang, cursor=self.line_row)

    def watch_item_row(self, row: int) -> None:
        _move(self.main, row)

    def watch_line_row(self, row: int) -> None:
        _move(self.lines, row)

    def resting(self) -> frozenset[str]:
        # Escape cancels a merge only while one is going on (`HarvestScreen.command_enabled`)
        return frozenset() if self.merging is not None else CANCEL_MERGE

    def watch_merging(self) -> None:
        self.query_one(KeyLine).show(key_entries(self.lang, self.NAME, self.resting()))
        self._view_changed()

    def watch_all_wordings(self) -> None:
        self._view_changed()

    @on(DataTable.RowSelected, "ItemsTable")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.ItemChosen(event.cursor_row))

    @on(DataTable.RowHighlighted, "ItemsTable")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.ItemHighlighted(event.cursor_row))


class VotesPane(HarvestStep):
    """Step 2: the dots available and given, the items with their dots."""

    NAME = "votes"
    SHOWS = frozenset[Part]({"items", "budget"})

    item_row: reactive[int] = reactive(0, init=False)
    """The item the cursor is on when the list is drawn."""

    def compose(self) -> ComposeResult:
        yield from self.intro()
        yield Static(id="budget")
        yield VotesTable(id="votes-table")

    @property
    def main(self) -> VotesTable:
        return self.query_one(VotesTable)

    def draw(self) -> None:
        self.main.show(self.session, self.lang, cursor=self.item_row)
        self.show_budget()

    def watch_item_row(self, row: int) -> None:
        _move(self.main, row)

    def show_votes(self, index: int) -> None:
        """Redraw one item's dots and the budget (quick while counting)."""
        self.main.show_votes(index, total(self.session, self.session.harvest.items[index]))
        self.show_budget()

    def show_budget(self) -> None:
        """Dots given against dots available (red when more were given)."""
        lang, dots = self.lang, harvest.dot_budget(self.session)
        text = t(
            lang,
            "harvest.budget",
            given=dots.given,
            available=dots.available,
            people=dots.voters,
            dots=dots.per_person,
        )
        budget = self.query_one("#budget", Static)
        budget.update(escape(text + (f"  {t(lang, 'harvest.over_budget')}" if dots.over else "")))
        budget.set_class(dots.over, "-over")


class QuestionPane(HarvestStep):
    """Step 3: the question, written together in a large field of several lines that grows with
    it (all of it in view), and the items it comes from: beside it in a wide window, below it
    in a narrow one (the screen's `-wide` / `-narrow` class)."""

    NAME = "question"
    SHOWS = frozenset[Part]({"items"})

    @dataclass
    class QuestionChanged(Message):
        """The question's text changed (typed, pasted, or its own undo)."""

        text: str

    @dataclass
    class LinkToggled(Message):
        """A growth opportunity was linked to the question or unlinked (Space, Enter, `l`)."""

        index: int

    def compose(self) -> ComposeResult:
        yield from self.intro()
        with Horizontal(id="question-row"):
            question = NoteArea(
                self.session.harvest.question,
                id="question-input",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=t(self.lang, "harvest.question_placeholder"),
            )
            question.show_line_numbers = False
            yield question
            with Vertical(id="links-part"):
                yield Label(t(self.lang, "harvest.links"), classes="list-label")
                yield MarkedSelectionList[int](id="links")

    def on_mount(self) -> None:
        area = self.main
        area.move_cursor(area.document.end)  # typing goes on where the question ends

    @property
    def main(self) -> NoteArea:
        return self.query_one(NoteArea)

    @property
    def escape_to(self) -> SelectionList[int]:
        return self.links

    @property
    def links(self) -> MarkedSelectionList[int]:
        """The growth opportunities the question comes from."""
        links: MarkedSelectionList[int] = self.query_one(MarkedSelectionList)
        return links

    def draw(self) -> None:
        area = self.main
        question = self.session.harvest.question
        if area.text != question:  # undo or redo changed it
            area.replace(question, area.document.start, area.document.end)
            area.move_cursor(area.document.end)
        links = self.links
        items = self.session.harvest.items
        linked = set(self.session.harvest.question_items)
        highlighted = links.highlighted or 0
        links.clear_options()
        links.add_options([Selection(escape(item.text), i, i in linked) for i, item in enumerate(items)])
        links.note = "" if items else t(self.lang, "harvest.links_none")
        links.highlighted = min(highlighted, len(items) - 1) if items else None

    def write(self, key: events.Key) -> None:
        """A letter typed on this step outside the field: into the question, where it was meant."""
        self.screen.set_focus(self.main)
        self.main.post_message(events.Key(key.key, key.character))

    def toggle_link(self) -> None:
        """Link the highlighted item to the question, or unlink it."""
        links = self.links
        if links.highlighted is not None:
            links.toggle(links.get_option_at_index(links.highlighted).value)

    @on(TextArea.Changed)
    def _question_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.QuestionChanged(event.text_area.text))

    @on(SelectionList.SelectionToggled)
    def _link_toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        event.stop()
        self.post_message(self.LinkToggled(event.selection.value))


class PlanPane(HarvestStep):
    """Step 4: the steps (what, who, by when) and the next meeting."""

    NAME = "plan"
    SHOWS = frozenset[Part]({"steps"})

    step_row: reactive[int] = reactive(0, init=False)
    """The step the cursor is on when the plan is drawn."""

    @dataclass
    class StepChosen(Message):
        """Enter on a step of the plan."""

        index: int

    def compose(self) -> ComposeResult:
        yield from self.intro()
        yield StepsTable(id="steps-table")
        yield Static(id="next-meeting")

    @property
    def main(self) -> StepsTable:
        return self.query_one(StepsTable)

    def draw(self) -> None:
        self.main.show(self.session, self.lang, cursor=self.step_row)
        date = self.session.harvest.next_meeting
        if date:
            line = t(self.lang, "summary.next_meeting", date=day(date))
        else:
            line = t(self.lang, "harvest.no_meeting")
        self.query_one("#next-meeting", Static).update(escape(line))

    def watch_step_row(self, row: int) -> None:
        _move(self.main, row)

    @on(DataTable.RowSelected, "StepsTable")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.StepChosen(event.cursor_row))


class OverviewPane(HarvestStep):
    """The summary of the session and the chart of growth opportunities per core value."""

    NAME = "overview"
    SHOWS = frozenset[Part](get_args(Part))

    def compose(self) -> ComposeResult:
        with KeyScroll(id="overview-scroll"):  # every arrow of a burst scrolls its line
            yield Static(id="overview-text")

    @property
    def main(self) -> VerticalScroll:
        return self.query_one(KeyScroll)

    def draw(self) -> None:
        session = self.session
        if session.language != self.lang:  # the screen's language, as the rest of the harvest
            session = session.model_copy(update={"language": self.lang})
        width = self.main.size.width or self.app.size.width
        self.query_one("#overview-text", Static).update(overview(view(session, self.deck), width - 4))


STEPS: tuple[type[HarvestStep], ...] = (ItemsPane, VotesPane, QuestionPane, PlanPane, OverviewPane)
"""The steps in order: the one place that says which pane is which step."""
TABS = tuple(step.NAME for step in STEPS)
"""The steps' ids in order (PageDown and PageUp step through them)."""
