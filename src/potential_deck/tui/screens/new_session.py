"""The new-session form: team (known teams offered), date, people, language, deck and the agenda.

Typing part of a team's name lists the known teams it matches (`core.year.teams`; ↓ goes into the
list, Enter picks); the input also completes a name typed from its start (→ accepts). A known
team fills in the facilitator, the participants and the number of people from its last session,
and offers the next-meeting date it agreed then. Every command key here is one that cannot be
text (Enter, Escape, Ctrl+S, arrows): the form is mostly text fields.

Escape leaves the form at once and throws nothing away: a form with something filled in closes
with its `FormDraft`, which the app gives the next form (`n`) until a session starts. Escape in
the list of known teams goes back to the team field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
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

from potential_deck.core.choices import Lang
from potential_deck.core.session import meeting
from potential_deck.core.session.store import ListedSession
from potential_deck.core.text.i18n import day, t
from potential_deck.core.year import teams
from potential_deck.tui.keys import NEW_SESSION_COMMANDS, Where, bindings
from potential_deck.tui.screens.base import AppScreen
from potential_deck.tui.screens.dialogs import field as text_field
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.widgets.agenda_list import AgendaList
from potential_deck.tui.widgets.date_field import DateField
from potential_deck.tui.widgets.keybar import KeyBar
from potential_deck.tui.widgets.marked_list import MarkedRadioButton

if TYPE_CHECKING:  # the models load behind the form (the form shows before they do)
    from potential_deck.core.deck.load import DeckError
    from potential_deck.core.session.models import Deck, Session

MAX_SHOWN = 5
"""Known teams listed under the team field at most."""

TEXT_FIELDS = ("team", "date", "facilitator", "people", "participants", "deck")
"""The form's one-line fields, by id."""


@dataclass
class FormDraft:
    """What was filled in on a form left with Escape: the next form starts with it."""

    values: dict[str, str]
    """What each of `TEXT_FIELDS` held."""
    language: Lang
    agenda: list[str] | None
    """The cards chosen, in order (None: the deck's suggested agenda)."""
    date_untouched: bool = True
    """The date is still the one the form filled in (today): a date typed replaces it."""
    filled: dict[str, str] = field(default_factory=dict)
    """What the form filled in from a known team, per field."""
    focused: str = "team"
    """The field the keyboard was in."""


class TeamInput(Input):
    """The team field: ↓ goes into the list of known teams it matches."""

    BINDINGS = [Binding("down", "into_known", "Known teams", show=False)]

    class IntoKnown(Message):
        """↓ was pressed in the team field."""

    def action_into_known(self) -> None:
        self.post_message(self.IntoKnown())


class NewSessionScreen(AppScreen[FormDraft | None]):
    """Asks what a session needs, then starts it (with a look back for a returning team)."""

    CSS_PATH = "home.tcss"
    AUTO_FOCUS = ""
    """`on_mount` focuses the team field. Textual's own first focus went to the form's scroll
    (restyling the whole form, and again when it lost focus: ~20 ms before the first frame); its
    focus on the team field would scroll the form, with an animation, past the title."""

    KEYS = NEW_SESSION_COMMANDS
    BINDINGS = bindings(NEW_SESSION_COMMANDS)

    @property
    def where(self) -> Where:
        return Where.FORM

    def __init__(self, deck: Deck | None, lang: Lang, draft: FormDraft | None = None) -> None:
        """`deck` None: the deck is still loading; the form shows at once, its agenda and the
        known teams come when the deck is there (typing goes on meanwhile). `draft`: what was
        filled in on the form last left, filled in again."""
        super().__init__()
        self.draft = draft
        self.deck = deck
        self.lang = lang
        self._start_when_ready = False
        self._deck_problem = ""
        """Why the deck cannot be used (empty: it can, or it is still loading)."""
        self.listed: list[ListedSession] = []
        self.known: list[teams.KnownTeam] = []
        self.team: teams.KnownTeam | None = None
        """The known team the form is filled in for (None: a new team)."""
        self._filled: dict[str, str] = {}
        """What the form filled in from the known team, per field (kept when the user changed it)."""

    def compose(self) -> ComposeResult:
        lang = self.lang
        self.listed = self.host.store.list(check=False)
        if self.deck is not None:
            self.known = teams.known_teams(self.listed)
        self.today = day(self.host.now().date())
        draft = self.draft
        with VerticalScroll(id="form"):
            yield Static(self._title(), id="form-title")
            if draft is not None:
                yield Static(t(lang, "new.draft_back"), id="form-draft")
            yield Label(t(lang, "new.team"))
            names = [team.name for team in self.known]
            yield TeamInput(
                draft.values["team"] if draft else "",
                id="team",
                suggester=SuggestFromList(names, case_sensitive=False),
                select_on_focus=False,
            )
            yield OptionList(id="known")
            yield Static(id="previous")
            yield Label(t(lang, "new.date"))
            with Horizontal(id="date-row"):
                yield DateField(
                    self.today,
                    value=None if draft is None or draft.date_untouched else draft.values["date"],
                    id="date",
                    placeholder=t(lang, "harvest.date_placeholder"),
                )
                yield Button("", id="use-agreed")
            yield Label(t(lang, "new.facilitator"))
            yield text_field(draft.values["facilitator"] if draft else "", id="facilitator")
            yield Label(t(lang, "new.people"))
            yield Input(
                draft.values["people"] if draft else "",
                id="people",
                type="integer",
                placeholder=t(lang, "new.people_hint"),
                select_on_focus=False,
            )
            yield Label(t(lang, "new.participants"))
            yield text_field(draft.values["participants"] if draft else "", id="participants")
            yield Label(t(lang, "new.language"))
            chosen = draft.language if draft else lang
            with RadioSet(id="language"):
                yield MarkedRadioButton("Nederlands", value=chosen == "nl", id="lang-nl")
                yield MarkedRadioButton("English", value=chosen == "en", id="lang-en")
            yield Label(t(lang, "new.deck"))
            yield text_field(draft.values["deck"] if draft else str(self.host.deck_path), id="deck")
            yield Static(id="deck-error")
            yield Label(t(lang, "new.agenda"))
            if self.deck is not None:
                yield AgendaList(self.deck, lang, self._agenda_for(self.deck))
            else:
                yield Static(t(lang, "new.deck_loading"), id="agenda-loading")
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
        first: Widget = self.query_one("#team", Input)
        if self.draft is not None:
            first = self._fill_in_again(self.draft)
        # the title and label stay in view; a field further down, left in last time, comes into view
        self.set_focus(first, scroll_visible=first.id != "team")
        self.keys_ready()
        if self.deck is None:  # after the form's first frame: loading the models holds the GIL
            self.call_after_refresh(self.run_worker, self._load_behind, thread=True, exit_on_error=False)

    def _agenda_for(self, deck: Deck) -> list[str]:
        """The agenda of the draft filled in again, if its cards are in `deck`; else the deck's own."""
        kept = self.draft.agenda if self.draft is not None else None
        if kept is not None and all(deck.has(card_id) for card_id in kept):
            return list(kept)
        return meeting.default_agenda(deck)

    def _fill_in_again(self, draft: FormDraft) -> Widget:
        """The known team of the draft, as it was (its fields stay as the draft has them); the
        field the draft was left in, to focus."""
        self._filled = dict(draft.filled)
        typed = draft.values["team"].strip()
        self.team = next((k for k in self.known if teams.team_key(k.name) == teams.team_key(typed)), None)
        if self.team is not None:
            self._show_team(self.team)
        return self.query_one(f"#{draft.focused if draft.focused in TEXT_FIELDS else 'team'}")

    def draft_of_form(self) -> FormDraft | None:
        """What is filled in, if anything differs from a form just opened (None: nothing)."""
        values = {name: self.query_one(f"#{name}", Input).value for name in TEXT_FIELDS}
        date = self.query_one("#date", DateField)
        agenda_list = next(self.query(AgendaList).results(), None)
        agenda = agenda_list.agenda if agenda_list is not None else None
        if agenda is not None and self.deck is not None and agenda == meeting.default_agenda(self.deck):
            agenda = None
        elif agenda is None and self.draft is not None:
            agenda = self.draft.agenda  # (the deck is still loading: the draft's agenda stays)
        language: Lang = "en" if self.query_one("#lang-en", RadioButton).value else "nl"
        blank = {name: "" for name in TEXT_FIELDS} | {"date": self.today, "deck": str(self.host.deck_path)}
        if values == blank and date.untouched and language == self.lang and agenda is None:
            return None
        focused = self.focused
        return FormDraft(
            values=values,
            language=language,
            agenda=agenda,
            date_untouched=date.untouched,
            filled=dict(self._filled),
            focused=focused.id if focused is not None and focused.id in TEXT_FIELDS else "team",
        )

    def _title(self) -> str:
        title = f"[b]{t(self.lang, 'new.title')}[/b]"
        if self.deck is None:
            return title
        return f"{title} · {escape(self.deck.info.name.get(self.lang, self.deck.info.id))}"

    def _load_behind(self) -> None:
        """The deck and the known teams (each one's last session read whole), in a thread."""
        from potential_deck.core.deck.load import DeckError

        try:
            deck = self.host.deck
        except DeckError as exc:
            self.app.call_from_thread(self._deck_failed, exc)
            return
        known = teams.known_teams(self.listed)
        # Textual's `Callable[..., T | Awaitable[T]]`: mypy solves T as Never for an async None
        self.app.call_from_thread(self._ready, deck, known)  # type: ignore[arg-type]

    async def _ready(self, deck: Deck, known: list[teams.KnownTeam]) -> None:
        """The deck is here: the agenda shows; the known teams are offered (for what was typed too)."""
        self.known = known
        team_input = self.query_one("#team", TeamInput)
        team_input.suggester = SuggestFromList([k.name for k in known], case_sensitive=False)
        if self.deck is None:  # (not if another deck was chosen in the form meanwhile)
            await self._use_deck(deck)
        self._offer_known(team_input.value)
        self._start_if_asked()

    def _deck_failed(self, exc: DeckError) -> None:
        """The deck cannot be used: said beside the deck field (another deck can be chosen there)."""
        if self.deck is not None:
            return  # another deck was chosen in the form meanwhile
        self.query_one("#agenda-loading", Static).update("")
        self._show_deck_problem(exc)
        self._start_if_asked()

    def _start_if_asked(self) -> None:
        """Start now if Ctrl+S was pressed while the deck loaded (refused, with why, if it cannot)."""
        if self._start_when_ready:
            self._start_when_ready = False
            self.action_start()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    def action_move(self, step: int) -> None:
        """Move the highlighted card of the agenda up or down (when the agenda has focus)."""
        agenda = self.focused
        if isinstance(agenda, AgendaList):  # (there is none while the deck loads)
            agenda.move(step)

    # --- the team ---------------------------------------------------------------------------

    @on(Input.Changed, "#team")
    def _team_changed(self, event: Input.Changed) -> None:
        self._offer_known(event.value)

    def _offer_known(self, value: str) -> None:
        """The known teams `value` matches, listed under the team field; an exact match fills in."""
        typed = value.strip()
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

    def action_cancel(self) -> None:
        """Escape: from the list of known teams back to the team field; elsewhere back to the
        home screen, what was filled in kept for the next form."""
        if self.focused is self.query_one("#known"):
            self.query_one("#team", Input).focus()
            return
        self.dismiss(self.draft_of_form())

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
        if team is not None:
            self.query_one(f"#lang-{team.language}", RadioButton).value = True
        self._show_team(team)

    def _show_team(self, team: teams.KnownTeam | None) -> None:
        """What the form says about `team` (None: a new team): its agreed date, its year."""
        agreed = self.query_one("#use-agreed", Button)
        agreed.display = bool(team and team.next_meeting)
        if team is not None and team.next_meeting:
            agreed.label = t(self.lang, "new.use_agreed", date=day(team.next_meeting))
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
        from potential_deck.core.year import lookback

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
            self.query_one("#date", DateField).fill(day(self.team.next_meeting))

    # --- deck and agenda ------------------------------------------------------------------------

    @on(SelectionList.SelectedChanged)
    def _update_total(self) -> None:
        if self.deck is None:
            return
        agenda = self.query_one(AgendaList).agenda
        minutes = meeting.planned_minutes(self.deck, agenda)
        self.query_one("#total", Static).update(t(self.lang, "new.total", count=len(agenda), minutes=minutes))
        self.query_one("#coverage", Static).update(escape(self.query_one(AgendaList).coverage()))

    @on(Input.Submitted, "#deck")
    async def _deck_chosen(self, event: Input.Submitted) -> None:
        """Load the deck at the path typed; on success the agenda list shows its cards."""
        from potential_deck.core.deck.load import DeckError, load

        try:
            deck = load(Path(event.value).expanduser())
        except DeckError as exc:
            self._show_deck_problem(exc)
            return
        self.host.use_deck(deck, Path(event.value).expanduser())
        await self._use_deck(deck)

    def _show_deck_problem(self, exc: DeckError) -> None:
        shown = "\n".join(str(p) for p in exc.problems[:3])
        more = len(exc.problems) - 3
        extra = "\n" + t(self.lang, "new.deck_more", count=more) if more > 0 else ""
        self._deck_problem = t(self.lang, "new.deck_bad") + "\n" + shown
        self.query_one("#deck-error", Static).update(escape(self._deck_problem) + extra)

    async def _use_deck(self, deck: Deck) -> None:
        """Show `deck`'s cards in the agenda (the deck's default agenda chosen) and its name."""
        self.query_one("#deck-error", Static).update("")
        self._deck_problem = ""
        self.deck = deck
        for old in [*self.query(AgendaList), *self.query("#agenda-loading")]:
            await old.remove()
        await self.query_one("#form").mount(
            AgendaList(deck, self.lang, self._agenda_for(deck)), before="#total"
        )
        self.query_one("#form-title", Static).update(self._title())
        self._update_total()

    # --- starting -------------------------------------------------------------------------------

    def _refuse(self, message: str, widget_id: str) -> None:
        self.query_one("#form-error", Static).update(escape(message))
        self.notify(message, severity="error", markup=False)
        self.query_one(f"#{widget_id}").focus()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        if self.deck is None and self._deck_problem:
            self._refuse(self._deck_problem, "deck")
            return
        if self.deck is None:  # started before the deck was there: it starts when it is
            self._start_when_ready = True
            return
        from potential_deck.core.harvest.rules import parse_date

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
    def _back(self) -> None:
        self.dismiss(self.draft_of_form())
