"""The harvest's step panes on their own: they tell their host what happened in typed messages,
and redraw themselves when the view state bound into them changes."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import TabbedContent

from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Deck, HarvestItem, Session, Step
from potential_deck.tui.widgets.harvest_steps import HarvestStep, ItemsPane, PlanPane, QuestionPane

from .conftest import FIXED_NOW


def harvest_session(deck: Deck) -> Session:
    session = new_session(deck, team="De Linde", now=FIXED_NOW)
    session.harvest.items = [HarvestItem(text="Ouders betrekken"), HarvestItem(text="Thuistalen zichtbaar")]
    session.harvest.steps = [Step(what="Ouderavond plannen"), Step(what="Lessen bij elkaar bekijken")]
    return session


class Host(App[None]):
    """Holds one step pane, as the harvest screen does, and keeps every message it hears."""

    def __init__(self, pane: HarvestStep) -> None:
        super().__init__()
        self.pane = pane
        self.heard: list[Message] = []

    def compose(self) -> ComposeResult:
        with TabbedContent():
            yield self.pane

    def on_mount(self) -> None:
        self.pane.draw_if_stale()
        self.set_focus(self.pane.main)

    def on_items_pane_item_chosen(self, message: ItemsPane.ItemChosen) -> None:
        self.heard.append(message)

    def on_plan_pane_step_chosen(self, message: PlanPane.StepChosen) -> None:
        self.heard.append(message)

    def on_question_pane_question_changed(self, message: QuestionPane.QuestionChanged) -> None:
        self.heard.append(message)


async def test_enter_on_an_item_tells_which_item_was_chosen(deck):
    app = Host(ItemsPane(harvest_session(deck), "nl", deck))
    async with app.run_test() as pilot:
        await pilot.press("down", "enter")
        assert app.heard == [ItemsPane.ItemChosen(1)]


async def test_enter_on_a_step_tells_which_step_was_chosen(deck):
    app = Host(PlanPane(harvest_session(deck), "nl", deck))
    async with app.run_test() as pilot:
        await pilot.press("enter")
        assert app.heard == [PlanPane.StepChosen(0)]


async def test_typing_the_question_tells_the_text(deck):
    app = Host(QuestionPane(harvest_session(deck), "nl", deck))
    async with app.run_test() as pilot:
        await pilot.press(*"Hoe?")
        assert isinstance(app.heard[-1], QuestionPane.QuestionChanged)
        assert app.heard[-1].text == "Hoe?"


async def test_an_item_marked_for_a_merge_is_drawn_when_the_mark_is_set(deck):
    pane = ItemsPane(harvest_session(deck), "nl", deck)
    app = Host(pane)
    async with app.run_test() as pilot:
        pane.merging = 1
        await pilot.pause()
        texts = [str(pane.main.get_row_at(row)[1]) for row in range(pane.main.row_count)]
        assert texts == ["Ouders betrekken", "⇢ Thuistalen zichtbaar"]
