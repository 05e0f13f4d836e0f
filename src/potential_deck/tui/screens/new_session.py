"""The new-session form: team (known teams offered), date, people, language, deck and the agenda.

Typing part of a team's name lists the known teams it matches (`core.year.teams`; ↓ goes into the
list, Enter picks); the input also completes a name typed from its start (→ accepts). A known
team fills in the facilitator, the participants and the number of people from its last session,
and offers the next-meeting date it agreed then. Every command key here is one that cannot be
text (Enter, Escape, Ctrl+S, arrows): the form is mostly text fields.
"""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import (
    Button,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from potential_deck.core.deck import load as decks
from potential_deck.core.harvest.rules import parse_date
from potential_deck.core.session import meeting
from potential_deck.core.session.models import Deck, Lang, Session
from potential_deck.core.session.store import ListedSession
from potential_deck.core.text.i18n import day, t
from potential_deck.core.year import lookback, teams
from potential_deck.tui.keys import NEW_SESSION_COMMANDS, Where, bindings
from potential_deck.tui.screens.base import AppScreen
from potential_deck.tui.screens.dialogs import field
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.widgets.agenda_list import AgendaList
from potential_deck.tui.widgets.keybar import KeyBar
from potential_deck.tui.widgets.marked_list import MarkedRadioButton

MAX_SHOWN = 5
"""Known teams listed under the team field at most."""


class TeamInput(Input):
    """The team field: ↓ goes into the list of known teams it matches."""

    BINDINGS = [Binding("down", "into_known", "Known teams", show=False)]

    class IntoKnown(Message):
        """↓ was pressed in the team field."""

    def action_into_known(self) -> None:
        self.post_message(self.IntoKnown())


class NewSessionScreen(AppScreen[None]):
    """Asks what a session needs, then starts it (with a look back for a returning team)."""

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
        self.listed: list[ListedSession] = []
        self.known: list[teams.KnownTeam] = []
        self.team: teams.KnownTeam | None = None
        """The known team the form is filled in for (None: a new team)."""
        self._filled: dict[str, str] = {}
        """What the form filled in from the known team, per field (kept when the user changed it)."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        self.listed = self.host.store.list()
        self.known = teams.known_teams(self.listed)
        today = self.host.now().date()
        with VerticalScroll(id="form"):
            yield Static(
                f"[b]{t(lang, 'new.title')}[/b] · {escape(self.deck.info.name.get(lang, self.deck.info.id))}",
                id="form-title",
            )
            yield Label(t(lang, "new.team"))
            names = [team.name for team in self.known]
            yield TeamInput(
                id="team", suggester=SuggestFromList(names, case_sensitive=False), select_on_focus=False
            )
            yield OptionList(id="known")
            yield Static(id="previous")
            yield Label(t(lang, "new.date"))
            with Horizontal(id="date-row"):
                yield field(day(today), id="date", placeholder="dd/mm/yyyy")
                yield Button("", id="use-agreed")
            yield Label(t(lang, "new.facilitator"))
            yield field(id="facilitator")
            yield Label(t(lang, "new.people"))
            yield Input(
                id="people", type="integer", placeholder=t(lang, "new.people_hint"), select_on_focus=False
            )
            yield Label(t(lang, "new.participants"))
            yield field(id="participants")
            yield Label(t(lang, "new.language"))
            with RadioSet(id="language"):
                yield MarkedRadioButton("Nederlands", value=lang == "nl", id="lang-nl")
                yield MarkedRadioButton("English", value=lang == "en", id="lang-en")
            yield Label(t(lang, "new.deck"))
            yield field(str(self.host.deck_path), id="deck")
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
        self.query_one("#known").display = False
        self.query_one("#previous").display = False
        self.query_one("#use-agreed").display = False
        self.set_focus(
            self.query_one("#team", Input), scroll_visible=False
        )  # the title and label stay in view
        self.keys_ready()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    def action_move(self, step: int) -> None:
        """Move the highlighted card of the agenda up or down (when the agenda has focus)."""
        agenda = self.query_one(AgendaList)
        if self.focused is agenda:
            agenda.move(step)

    # --- the team ---------------------------------------------------------------------------

    @on(Input.Changed, "#team")
    def _team_changed(self, event: Input.Changed) -> None:
        typed = event.value.strip()
        exact = next((k for k in self.known if teams.team_key(k.name) == teams.team_key(typed)), None)
        if typed and exact is not None:
            self._choose(exact)
        elif self.team is not None:
            self._choose(None)
        matches = teams.ranked(typed, [k.name for k in self.known])[:MAX_SHOWN] if typed else []
        shown = self.query_one("#known", OptionList)
        shown.clear_options()
        if matches and exact is None:
            by_name = {k.name: k for k in self.known}
            shown.add_options(
                Option(
                    escape(
                        t(
                            self.lang,
                            "new.known_line",
                            team=name,
                            count=by_name[name].sessions,
                            date=day(by_name[name].last_date),
                        )
                    ),
                    id=name,
                )
                for name in matches
            )
            shown.highlighted = 0
        shown.display = bool(matches) and exact is None

    @on(TeamInput.IntoKnown)
    def _into_known(self) -> None:
        known = self.query_one("#known", OptionList)
        if known.display:
            known.focus()

    @on(Input.Submitted, "#team")
    def _team_submitted(self) -> None:
        """Enter in the team field picks the best match of the list, if one is shown."""
        known = self.query_one("#known", OptionList)
        if known.display and known.option_count:
            self._pick(known.get_option_at_index(known.highlighted or 0).id)
        else:
            self.query_one("#date", Input).focus()

    @on(OptionList.OptionSelected, "#known")
    def _known_selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option.id)

    def _pick(self, name: str | None) -> None:
        if name is None:
            return
        team_input = self.query_one("#team", Input)
        team_input.value = name  # Input.Changed then fills the form in for this team
        self.query_one("#date", Input).focus()

    def _choose(self, team: teams.KnownTeam | None) -> None:
        """Fill the form in for a known team (None: a new team): people, date, what comes first."""
        if team is self.team:
            return
        self.team = team
        values = {
            "facilitator": team.facilitator if team else "",
            "participants": ", ".join(team.participants) if team else "",
            "people": str(team.people) if team and team.people else "",
        }
        for name, value in values.items():
            widget = self.query_one(f"#{name}", Input)
            if widget.value in ("", self._filled.get(name, "")):
                widget.value = value
                self._filled[name] = value
        agreed = self.query_one("#use-agreed", Button)
        agreed.display = bool(team and team.next_meeting)
        if team is not None and team.next_meeting:
            agreed.label = t(self.lang, "new.use_agreed", date=day(team.next_meeting))
        if team is not None:
            self.query_one(f"#lang-{team.language}", RadioButton).value = True
        previous = self.query_one("#previous", Static)
        previous.update(escape(self._returning(team)) if team else "")
        previous.display = team is not None

    def _returning(self, team: teams.KnownTeam) -> str:
        """What the facilitator sees about a returning team (the look back comes first)."""
        lang = self.lang
        earlier = self._earlier(team.name)
        lines = [t(lang, "new.returning", count=team.sessions, date=day(team.last_date))]
        question = next(
            (
                s.harvest.question.strip()
                for _, s in sorted(earlier, key=lambda e: (e[1].date, e[1].created.timestamp()), reverse=True)
                if s.harvest.question.strip()
            ),
            "",
        )
        if question:
            lines.append(t(lang, "new.returning_question", question=question))
        if team.next_meeting:
            lines.append(t(lang, "new.agreed", date=day(team.next_meeting)))
        steps = lookback.open_steps(lookback.planned(s, p, i) for i, (p, s) in enumerate(earlier))
        lines.append(
            t(lang, "new.returning_steps", count=len(steps)) if steps else t(lang, "new.returning_none")
        )
        return "\n".join(lines)

    def _earlier(self, team: str) -> list[tuple[Path, Session]]:
        """The readable sessions of `team` in the sessions folder."""
        key = teams.team_key(team)
        return [
            (item.path, item.session)
            for item in self.listed
            if item.heading is not None
            and teams.team_key(item.heading.team) == key
            and item.session is not None
        ]  # the list keeps headings: whole sessions read here

    @on(Button.Pressed, "#use-agreed")
    def _use_agreed(self) -> None:
        if self.team is not None and self.team.next_meeting:
            self.query_one("#date", Input).value = day(self.team.next_meeting)

    # --- deck and agenda ------------------------------------------------------------------------

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
        self.host.use_deck(deck, Path(event.value).expanduser())
        await self.query_one(AgendaList).remove()
        await self.query_one("#form").mount(
            AgendaList(deck, self.lang, meeting.default_agenda(deck)), before="#total"
        )
        self.query_one("#form-title", Static).update(
            f"[b]{t(self.lang, 'new.title')}[/b] · {escape(deck.info.name.get(self.lang, deck.info.id))}"
        )
        self._update_total()

    # --- starting -------------------------------------------------------------------------------

    def _refuse(self, message: str, widget_id: str) -> None:
        self.query_one("#form-error", Static).update(escape(message))
        self.notify(message, severity="error", markup=False)
        self.query_one(f"#{widget_id}").focus()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        team = self.query_one("#team", Input).value.strip()
        agenda = self.query_one(AgendaList).agenda
        if not team:
            self._refuse(t(self.lang, "new.team_required"), "team")
            return
        try:
            date = parse_date(self.query_one("#date", Input).value, self.lang)
        except ValueError as exc:
            self._refuse(str(exc), "date")
            return
        people_text = self.query_one("#people", Input).value.strip()
        people = int(people_text) if people_text.isdigit() else -1 if people_text else 0
        if not 0 <= people <= 1000:
            self._refuse(t(self.lang, "new.bad_people"), "people")
            return
        if not agenda:
            self._refuse(t(self.lang, "new.agenda_empty"), "agenda")
            return
        language: Lang = "en" if self.query_one("#lang-en", RadioButton).value else "nl"
        self.host.start_session(
            team=team,
            facilitator=self.query_one("#facilitator", Input).value,
            participants=meeting.parse_participants(self.query_one("#participants", Input).value),
            language=language,
            agenda=agenda,
            date=date,
            people=people,
            earlier=self._earlier(team),
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
