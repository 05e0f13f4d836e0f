"""The new-session form: team, facilitator, participants, language and the agenda."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, SelectionList, Static

from potential_deck.core import deck as decks
from potential_deck.core import meeting
from potential_deck.core.i18n import t
from potential_deck.core.models import Deck, Lang
from potential_deck.tui.app_screen import AppScreen
from potential_deck.tui.keybar import KeyBar
from potential_deck.tui.keys import NEW_SESSION_COMMANDS, Where, bindings
from potential_deck.tui.modals import HelpScreen
from potential_deck.tui.prompt import field
from potential_deck.tui.widgets.agenda_list import AgendaList


class NewSessionScreen(AppScreen[None]):
    """Asks what a session needs, then starts it on its first card."""

    CSS_PATH = "home.tcss"

    KEYS = NEW_SESSION_COMMANDS
    BINDINGS = bindings(NEW_SESSION_COMMANDS)

    @property
    def where(self) -> Where:
        return Where.FORM

    def __init__(self, deck: Deck, lang: Lang) -> None:
        super().__init__()
        self.deck = deck
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(id="form"):
            yield Static(
                f"[b]{t(lang, 'new.title')}[/b] · {escape(self.deck.info.name.get(lang, self.deck.info.id))}",
                id="form-title",
            )
            yield Label(t(lang, "new.team"))
            yield field(id="team")
            yield Static(id="previous")
            yield Label(t(lang, "new.facilitator"))
            yield field(id="facilitator")
            yield Label(t(lang, "new.participants"))
            yield field(id="participants")
            yield Label(t(lang, "new.language"))
            with RadioSet(id="language"):
                yield RadioButton("Nederlands", value=lang == "nl", id="lang-nl")
                yield RadioButton("English", value=lang == "en", id="lang-en")
            yield Label(t(lang, "new.deck"))
            yield field(str(self.papp.deck_path), id="deck")
            yield Static(id="deck-error")
            yield Label(t(lang, "new.agenda"))
            yield AgendaList(self.deck, lang, meeting.default_agenda(self.deck))
            yield Static(id="total")
            yield Static(id="coverage")
            yield Static(id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(t(lang, "new.start"), id="start", variant="primary")
                yield Button(t(lang, "new.cancel"), id="cancel")
        bar = KeyBar()
        bar.lang = lang
        yield bar

    def on_mount(self) -> None:
        self._update_total()
        self.set_focus(self.query_one("#team", Input))
        self.keys_ready()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    def action_move(self, step: int) -> None:
        """Move the highlighted card of the agenda up or down (when the agenda has focus)."""
        agenda = self.query_one(AgendaList)
        if self.focused is agenda:
            agenda.move(step)

    @on(SelectionList.SelectedChanged)
    def _update_total(self) -> None:
        agenda = self.query_one(AgendaList).agenda
        minutes = meeting.planned_minutes(self.deck, agenda)
        self.query_one("#total", Static).update(t(self.lang, "new.total", count=len(agenda), minutes=minutes))
        self.query_one("#coverage", Static).update(escape(self.query_one(AgendaList).coverage()))

    @on(Input.Submitted, "#deck")
    async def _deck_chosen(self, event: Input.Submitted) -> None:
        """Load the deck at the path typed; on success the agenda list shows its cards."""
        problem = self.query_one("#deck-error", Static)
        try:
            deck = decks.load(Path(event.value).expanduser())
        except decks.DeckError as exc:
            shown = "\n".join(str(p) for p in exc.problems[:3])
            more = len(exc.problems) - 3
            extra = "\n" + t(self.lang, "new.deck_more", count=more) if more > 0 else ""
            problem.update(escape(t(self.lang, "new.deck_bad") + "\n" + shown) + extra)
            return
        problem.update("")
        self.deck = deck
        self.papp.use_deck(deck, Path(event.value).expanduser())
        await self.query_one(AgendaList).remove()
        await self.query_one("#form").mount(
            AgendaList(deck, self.lang, meeting.default_agenda(deck)), before="#total"
        )
        self.query_one("#form-title", Static).update(
            f"[b]{t(self.lang, 'new.title')}[/b] · {escape(deck.info.name.get(self.lang, deck.info.id))}"
        )
        self._update_total()

    @on(Input.Changed, "#team")
    def _team_changed(self, event: Input.Changed) -> None:
        self.query_one("#previous", Static).update(self.papp.previous_for_team(event.value, self.lang))

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        team = self.query_one("#team", Input).value.strip()
        agenda = self.query_one(AgendaList).agenda
        error = self.query_one("#form-error", Static)
        if not team:
            error.update(t(self.lang, "new.team_required"))
            self.notify(t(self.lang, "new.team_required"), severity="error")
            self.query_one("#team", Input).focus()
            return
        if not agenda:
            error.update(t(self.lang, "new.agenda_empty"))
            return
        language: Lang = "en" if self.query_one("#lang-en", RadioButton).value else "nl"
        self.papp.start_session(
            team=team,
            facilitator=self.query_one("#facilitator", Input).value,
            participants=meeting.parse_participants(self.query_one("#participants", Input).value),
            language=language,
            agenda=agenda,
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
