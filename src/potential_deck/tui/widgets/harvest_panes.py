"""The five steps of the harvest as panes: their layout, and `show(...)` to redraw from the session.

The panes hold no state of their own. Only the learning question takes text; every other step
is a list where single letters are commands (their key line is made from `tui.keys`).
"""

from __future__ import annotations

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Label, SelectionList, Static, TabPane
from textual.widgets.selection_list import Selection

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.report.summary import summarize
from potential_deck.core.room.contributions import total
from potential_deck.core.session.models import Deck, Lang, Session
from potential_deck.core.session.notes import tagged_lines
from potential_deck.core.text.i18n import day, t
from potential_deck.tui.keys import HARVEST_COMMANDS, Where
from potential_deck.tui.widgets.harvest_views import (
    ItemsTable,
    LinesTable,
    StepsTable,
    VotesTable,
    overview,
)
from potential_deck.tui.widgets.marked_list import MarkedSelectionList
from potential_deck.tui.widgets.note_area import NoteArea

TABS = ("items", "votes", "question", "plan", "overview")
"""The panes in order (PageDown and PageUp step through them)."""


def key_line(lang: Lang, part: str) -> str:
    """The keys of one step, as a line under its introduction ('a Nieuw · e Bewerken · …')."""
    return " · ".join(
        f"{command.bar_keys(Where.LIST, lang)} {command.words(lang)}"
        for command in HARVEST_COMMANDS
        if command.on and part in command.on and (command.letters or command.keys or command.display)
    )


class _Pane(TabPane):
    """A numbered pane with, for the four steps, a line saying what it is for and its keys."""

    NAME = ""

    def __init__(self, session: Session, lang: Lang) -> None:
        number = TABS.index(self.NAME) + 1
        super().__init__(f"{number} {t(lang, f'harvest.tab.{self.NAME}')}", id=self.NAME)
        self.session = session
        self.lang = lang

    def intro(self) -> ComposeResult:
        yield Static(t(self.lang, f"harvest.intro.{self.NAME}"), classes="intro", markup=False)
        yield Static(key_line(self.lang, self.NAME), classes="keys", markup=False)


class ItemsPane(_Pane):
    """Step 1: the growth opportunities, and under them the meeting's strengths and challenges
    (shown when there are any), each tagged with a core value by the team."""

    NAME = "items"

    def compose(self) -> ComposeResult:
        yield from self.intro()
        yield ItemsTable(id="items-table")
        with Vertical(id="lines-part"):
            yield Static(t(self.lang, "harvest.lines"), classes="list-label", markup=False)
            yield LinesTable(id="lines-table")

    def show(self, deck: Deck, cursor: int, marked: int | None, all_wordings: bool, line: int) -> None:
        self.query_one(ItemsTable).show(
            self.session, deck, self.lang, cursor=cursor, marked=marked, all_wordings=all_wordings
        )
        part = self.query_one("#lines-part")
        part.display = bool(tagged_lines(self.session))
        if part.display:
            self.query_one(LinesTable).show(self.session, deck, self.lang, cursor=line)


class VotesPane(_Pane):
    """Step 2: the dots available and given, the items with their dots."""

    NAME = "votes"

    def compose(self) -> ComposeResult:
        yield from self.intro()
        yield Static(id="budget")
        yield VotesTable(id="votes-table")

    def show(self, cursor: int) -> None:
        self.query_one(VotesTable).show(self.session, self.lang, cursor=cursor)
        self.show_budget()

    def show_votes(self, index: int) -> None:
        """Redraw one item's dots and the budget (quick while counting)."""
        self.query_one(VotesTable).show_votes(index, total(self.session, self.session.harvest.items[index]))
        self.show_budget()

    def show_budget(self) -> None:
        """Dots given against dots available (red when more were given)."""
        session, lang = self.session, self.lang
        given, available = harvest.dots_given(session), harvest.dots_budget(session)
        text = t(
            lang,
            "harvest.budget",
            given=given,
            available=available,
            people=harvest.voters(session),
            dots=session.harvest.dots_per_person,
        )
        over = given > available
        budget = self.query_one("#budget", Static)
        budget.update(escape(text + (f"  {t(lang, 'harvest.over_budget')}" if over else "")))
        budget.set_class(over, "-over")


class QuestionPane(_Pane):
    """Step 3: the question, written together in a large field of several lines that grows with
    it (all of it in view), and the items it comes from: beside it in a wide window, below it
    in a narrow one (the screen's `-wide` / `-narrow` class)."""

    NAME = "question"

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

    def show(self) -> None:
        area = self.query_one("#question-input", NoteArea)
        question = self.session.harvest.question
        if area.text != question:  # undo or redo changed it
            area.replace(question, area.document.start, area.document.end)
            area.move_cursor(area.document.end)
        links: SelectionList[int] = self.query_one("#links", SelectionList)
        items = self.session.harvest.items
        linked = set(self.session.harvest.question_items)
        highlighted = links.highlighted or 0
        links.clear_options()
        links.add_options([Selection(escape(item.text), i, i in linked) for i, item in enumerate(items)])
        links.highlighted = min(highlighted, len(items) - 1) if items else None


class PlanPane(_Pane):
    """Step 4: the steps (what, who, by when) and the next meeting."""

    NAME = "plan"

    def compose(self) -> ComposeResult:
        yield from self.intro()
        yield StepsTable(id="steps-table")
        yield Static(id="next-meeting")

    def show(self, cursor: int) -> None:
        self.query_one(StepsTable).show(self.session, self.lang, cursor=cursor)
        date = self.session.harvest.next_meeting
        if date:
            line = t(self.lang, "summary.next_meeting", date=day(date))
        else:
            line = t(self.lang, "harvest.no_meeting")
        self.query_one("#next-meeting", Static).update(escape(line))


class OverviewPane(_Pane):
    """The summary of the session and the chart of growth opportunities per core value."""

    NAME = "overview"

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="overview-scroll"):
            yield Static(id="overview-text")

    def show(self, deck: Deck) -> None:
        summary = summarize(self.session, deck, self.lang)
        width = self.query_one("#overview-scroll").size.width or self.app.size.width
        self.query_one("#overview-text", Static).update(overview(summary, self.lang, width - 4))
