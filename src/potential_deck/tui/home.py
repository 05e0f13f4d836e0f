"""The home screen: start a new session, or open one from the sessions folder."""

from __future__ import annotations

from pathlib import Path

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.command import Provider
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Button, DataTable, Static

from potential_deck.core.i18n import day, t
from potential_deck.core.models import Lang, Session
from potential_deck.core.store import Listed
from potential_deck.tui.app_screen import AppScreen
from potential_deck.tui.keybar import KeyBar
from potential_deck.tui.keys import HOME_COMMANDS, bindings
from potential_deck.tui.modals import HelpScreen


def where(session: Session, lang: Lang) -> str:
    """How far a session got, in words."""
    if session.live.stage == "done":
        return t(lang, "home.done")
    if session.live.stage == "harvest":
        return t(lang, "home.at_harvest")
    n = min(session.live.position + 1, len(session.agenda))
    return t(lang, "home.progress", n=n, total=len(session.agenda))


class HomeScreen(AppScreen[None]):
    """New session, or resume or open one: newest first, with team, date and progress."""

    CSS_PATH = "home.tcss"

    KEYS = HOME_COMMANDS
    BINDINGS = bindings(HOME_COMMANDS)
    COMMANDS = {lambda: _year_commands()}

    lang: reactive[Lang] = reactive("nl", recompose=True)  # type: ignore[assignment]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.set_reactive(HomeScreen.lang, lang)
        self.listed: list[Listed] = []

    def compose(self) -> ComposeResult:
        lang = self.lang
        self.listed = self.papp.store.list()
        with Vertical(id="home"):
            yield Static(t(lang, "app.title"), id="home-title")
            yield Static(t(lang, "home.subtitle"), id="home-subtitle")
            yield Button(t(lang, "home.new"), id="new", variant="primary")
            table: DataTable[str] = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            table.add_columns(
                t(lang, "home.col.date"),
                t(lang, "home.col.team"),
                t(lang, "home.col.where"),
                t(lang, "home.col.file"),
            )
            for index, item in enumerate(self.listed):
                if item.session:
                    s = item.session
                    table.add_row(
                        day(s.date), escape(s.team), where(s, lang), item.path.name, key=str(index)
                    )
                else:
                    table.add_row(
                        "?", f"[red]{t(lang, 'home.broken')}[/red]", "", item.path.name, key=str(index)
                    )
            if self.listed:
                yield Static(f"{t(lang, 'home.resume')} / {t(lang, 'home.past')}", id="sessions-label")
                yield table
            else:
                yield Static(
                    escape(t(lang, "home.none", folder=str(self.papp.store.folder))), id="sessions-label"
                )
            yield Static(id="home-error")
        bar = KeyBar()
        bar.lang = lang
        yield bar

    def on_mount(self) -> None:
        if self.listed:
            self.set_focus(self.query_one(DataTable))
        self.keys_ready()
        self.run_worker(self.papp.preload_deck, thread=True, exit_on_error=False)  # for the form

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        self.papp.open_new_session(self.lang)

    def action_language(self) -> None:
        self.lang = "en" if self.lang == "nl" else "nl"
        self.papp.remember_language(self.lang)

    def action_open(self) -> None:
        """Open the highlighted session (Enter on the list does the same)."""
        table = self.query("#sessions").results(DataTable)
        found = next(table, None)
        if found is not None and found.row_count:
            found.action_select_cursor()

    def action_year(self) -> None:
        """The year of the highlighted session's team."""
        from potential_deck.tui.year import open_year

        table = next(self.query("#sessions").results(DataTable), None)
        if table is None or not table.row_count:
            return
        item = self.listed[table.cursor_row]
        if item.session is not None:
            open_year(self, item.session.team)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        item = self.listed[int(str(event.row_key.value))]
        if item.session is None:
            error = item.error
            where = t(self.lang, "home.at_line", line=error.line) if error and error.line else ""
            detail = error.problem if error else ""
            message = t(self.lang, "home.broken_detail", file=item.path.name, where=where, detail=detail)
            self.query_one("#home-error", Static).update(f"[red]{escape(message)}[/red]")
            self.notify(message, severity="error", timeout=10)
            return
        self.papp.open_session(item.session, Path(item.path))


def _year_commands() -> type[Provider]:
    """'The year of TEAM' for each known team, loaded when the palette first opens."""
    from potential_deck.tui.year import YearCommands

    return YearCommands
