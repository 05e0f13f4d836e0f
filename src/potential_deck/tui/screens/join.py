"""The join screen (F7): how participants join, who did, what they sent, the vote (issue 17).

The facilitator's own view of joining, never the room's: the QR code and the address with its
code, a plain warning when other computers can reach it, the contributions from the room
(with the name given, or "anonymous"), each of which can be hidden from the room (`h`), the
vote from phones (`v`, at the harvest), the QR code shown large to the room (F8), and
stopping (`s`: the code ends). Escape or F7 goes back to the meeting.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from potential_deck.core.choices import Lang
from potential_deck.core.room import contributions
from potential_deck.core.session.models import Session
from potential_deck.core.text.i18n import t
from potential_deck.tui.keys import JOIN_COMMANDS, Command, bindings
from potential_deck.tui.screens.base import AppScreen
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.widgets.join_badge import QRCode
from potential_deck.tui.widgets.keybar import KeyBar


class JoinScreen(AppScreen[None]):
    """Joining from phones, for the facilitator (see the module)."""

    CSS_PATH = "join.tcss"
    KEYS = JOIN_COMMANDS
    BINDINGS: ClassVar = bindings(JOIN_COMMANDS)
    AUTO_FOCUS = "#join-items"

    def compose(self) -> ComposeResult:
        with Horizontal(id="join-main"):
            with Vertical(id="join-code"):
                yield QRCode(id="join-qr")
            with Vertical(id="join-info"):
                yield Static(id="join-heading")
                yield Static(id="join-how")
                yield Static(id="join-warning")
                yield Static(id="join-counts")
                yield Static(id="join-vote")
                yield Static(id="join-list-heading")
                yield OptionList(id="join-items")
        yield Static(id="join-message")
        yield KeyBar()

    @property
    def lang(self) -> Lang:
        session = self._session()
        return session.language if session is not None else self.host.lang

    def _session(self) -> Session | None:
        joining = self.host.joining
        screen = joining.card_screen() if joining is not None else None
        return screen.session if screen is not None else None

    def on_mount(self) -> None:
        self.query_one(KeyBar).lang = self.lang
        self.host.room_changed_signal.subscribe(self, self.show)
        self.show()
        self.keys_ready()

    def command_enabled(self, command: Command) -> bool:
        if command.id in {"join_hide", "join_vote", "join_room", "join_stop"}:
            return self.host.joining is not None and self._session() is not None
        return True

    # --- showing -------------------------------------------------------------------------

    def show(self, _what: str = "") -> None:
        """Draw everything from the open session and the joining service as they are now."""
        lang, joining, session = self.lang, self.host.joining, self._session()
        self.query_one("#join-heading", Static).update(f"[b]{escape(t(lang, 'join.title'))}[/b]")
        qr_code = self.query_one(QRCode)
        qr_code.display = joining is not None
        if joining is None or session is None:
            self.query_one("#join-how", Static).update(escape(t(lang, "join.off")))
            for name in ("#join-warning", "#join-counts", "#join-vote", "#join-list-heading"):
                self.query_one(name, Static).update("")
            self.query_one(OptionList).clear_options()
            self.refresh_bindings()
            return
        qr_code.draw(joining.url)
        self.query_one("#join-how", Static).update(
            escape(t(lang, "join.how", url=joining.plan.base_url, code=joining.code))
        )
        warning = "join.network" if joining.plan.network else "join.loopback"
        self.query_one("#join-warning", Static).update(escape(t(lang, warning)))
        desk = joining.desk
        counts = t(lang, "join.status", people=len(desk.participants), sent=desk.contributions)
        self.query_one("#join-counts", Static).update(escape(counts))
        self.query_one("#join-vote", Static).update(escape(self._vote_state(session)))
        self.query_one("#join-list-heading", Static).update(f"[b]{escape(t(lang, 'join.list'))}[/b]")
        self._list(session)
        self.refresh_bindings()

    def _vote_state(self, session: Session) -> str:
        lang = self.lang
        if session.live.stage == "cards":
            return t(lang, "join.vote_needs_harvest")
        voted = contributions.voters(session)
        if session.room.vote_open:
            return t(lang, "join.vote_state_open", voters=voted, dots=session.harvest.dots_per_person)
        return t(lang, "join.vote_state_closed", voters=voted)

    def _list(self, session: Session) -> None:
        """The contributions from the room, newest first, each with who sent it and its state."""
        lang = self.lang
        items = self.query_one(OptionList)
        highlighted = items.highlighted
        items.clear_options()
        found = [(index, item) for index, item in enumerate(session.harvest.items) if item.room is not None]
        for index, item in reversed(found):
            assert item.room is not None
            line = Text(item.text)
            who = item.room.by or t(lang, "join.anonymous_mark")
            line.append(f"  — {who}", style="italic")
            if item.hidden:
                line.stylize("dim strike")
                line.append(f"  [{t(lang, 'join.hidden_mark')}]", style="bold")
            items.add_option(Option(line, id=str(index)))
        if not found:
            items.add_option(Option(t(lang, "join.none"), id="none", disabled=True))
        elif highlighted is not None:
            items.highlighted = min(highlighted, len(found) - 1)
        else:
            items.highlighted = 0

    def say(self, text: str) -> None:
        self.query_one("#join-message", Static).update(escape(text))

    # --- actions -------------------------------------------------------------------------

    def _chosen(self) -> int | None:
        items = self.query_one(OptionList)
        if items.highlighted is None:
            return None
        option = items.get_option_at_index(items.highlighted)
        return int(option.id) if option.id and option.id.isdigit() else None

    def action_hide(self) -> None:
        """Hide the chosen contribution from the room and the phones, or show it again."""
        session, index = self._session(), self._chosen()
        joining = self.host.joining
        if session is None or index is None or joining is None or index >= len(session.harvest.items):
            return
        item = session.harvest.items[index]
        contributions.set_hidden(session, index, not item.hidden)
        screen = joining.card_screen()
        history = self.host.harvest_history(screen.path, session) if screen is not None else None
        if history is not None:  # a step of the harvest's history: undo shows it again
            history.commit(session, "hidden" if item.hidden else "shown", text=item.text)
        self.say(t(self.lang, "join.hidden" if item.hidden else "join.shown", text=item.text))
        joining.changed("hidden")

    def action_vote(self) -> None:
        """Open or close the vote from phones (at the harvest only)."""
        session, joining = self._session(), self.host.joining
        if session is None or joining is None:
            return
        if session.live.stage == "cards":
            self.say(t(self.lang, "join.vote_needs_harvest"))
            return
        contributions.set_vote_open(session, not session.room.vote_open)
        self.say(t(self.lang, "join.vote_opened" if session.room.vote_open else "join.vote_closed"))
        joining.changed("vote")

    def action_join_room(self) -> None:
        """F8: the QR code large on the room's screen, or only the join line."""
        joining = self.host.joining
        screen = joining.card_screen() if joining is not None else None
        if screen is not None:
            screen.action_join_room()

    def action_stop(self) -> None:
        """Stop joining: the code ends now."""
        self.host.end_joining()
        self.say(t(self.lang, "join.stopped"))
        self.show()

    def action_back(self) -> None:
        self.dismiss()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))
