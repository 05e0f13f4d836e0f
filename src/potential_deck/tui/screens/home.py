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
from textual.worker import get_current_worker

from potential_deck.core.choices import Lang
from potential_deck.core.session import meeting
from potential_deck.core.session.store import Heading, ListedSession, SessionFileError
from potential_deck.core.text.i18n import day, t
from potential_deck.tui.key_order import OrderedKeysApp
from potential_deck.tui.keys import HOME_COMMANDS, bindings
from potential_deck.tui.screens.base import AppScreen
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.screens.restore import RestoreScreen, can_restore
from potential_deck.tui.widgets.keybar import KeyBar


def where(heading: Heading, lang: Lang) -> str:
    """How far a session got, in words."""
    if heading.stage == "done":
        return t(lang, "home.done")
    if heading.stage == "harvest":
        return t(lang, "home.at_harvest")
    n, total = meeting.progress_at(heading.position, heading.cards)
    return t(lang, "home.progress", n=n, total=total)


class SessionsTable(DataTable[str]):
    """The list of sessions: Enter holds the keys typed after it until the session chosen has
    opened (its card, or the harvest or look back over it), so they land there, not on the list
    (`HomeScreen._open` lets them go)."""

    def action_select_cursor(self) -> None:
        app = self.app
        if isinstance(app, OrderedKeysApp) and self.is_valid_row_index(self.cursor_row):
            app.hold_keys()  # a row is selected: `HomeScreen._open` gets it and lets them go
        super().action_select_cursor()


class HomeScreen(AppScreen[None]):
    """New session, or resume or open one: newest first, with team, date and progress."""

    CSS_PATH = "home.tcss"

    KEYS = HOME_COMMANDS
    BINDINGS = bindings(HOME_COMMANDS)
    COMMANDS = {lambda: _year_commands()}

    lang: reactive[Lang] = reactive("nl", recompose=True)

    def __init__(self, lang: Lang, at: Path | None = None) -> None:
        """`at`: the session the list's cursor starts on (the one just closed), else the first."""
        super().__init__()
        self.set_reactive(HomeScreen.lang, lang)
        self.listed: list[ListedSession] = []
        self._at = at

    def compose(self) -> ComposeResult:
        lang = self.lang
        folder_error = ""
        try:
            # at start-up without the models (validated after the first frame), in full later on
            self.listed = self.host.store.list(check=self.is_mounted)
        except SessionFileError:
            self.listed = []
            folder_error = t(lang, "home.folder_unreadable", folder=str(self.host.store.folder))
        with Vertical(id="home"):
            yield Static(t(lang, "app.title"), id="home-title")
            yield Static(t(lang, "home.subtitle"), id="home-subtitle")
            yield Button(t(lang, "home.new"), id="new", variant="primary")
            table: DataTable[str] = SessionsTable(id="sessions", cursor_type="row", zebra_stripes=True)
            table.add_columns(
                t(lang, "home.col.date"),
                t(lang, "home.col.team"),
                t(lang, "home.col.where"),
                t(lang, "home.col.file"),
            )
            self._fill(table)
            if self.listed:
                yield Static(f"{t(lang, 'home.resume')} / {t(lang, 'home.past')}", id="sessions-label")
                yield table
            elif folder_error:
                yield Static(escape(folder_error), id="sessions-label")
            else:
                yield Static(
                    escape(t(lang, "home.none", folder=str(self.host.store.folder))), id="sessions-label"
                )
            yield Static(id="home-error")
        bar = KeyBar()
        bar.lang = lang
        yield bar

    def _fill(self, table: DataTable[str]) -> None:
        """A row per listed session: its date, team and how far it got, or that it is broken."""
        lang = self.lang
        for index, item in enumerate(self.listed):
            if item.heading:
                h = item.heading
                table.add_row(
                    day(h.date), escape(h.team), where(h, lang), escape(item.path.name), key=str(index)
                )
            else:
                kind = item.error.kind if item.error else ""
                damaged = t(lang, "home.damaged") if can_restore(item.path, kind) else ""
                table.add_row(
                    "?",
                    f"[red]{t(lang, 'home.broken')}[/red]",
                    damaged,
                    escape(item.path.name),
                    key=str(index),
                )

    def on_mount(self) -> None:
        self._focus_list(self._at)
        self.keys_ready()
        # once the list is on screen (loading the models holds the GIL): the deck for the
        # new-session form, then the sessions listed without the models validated in full
        self.call_after_refresh(self.run_worker, self._load_behind, thread=True, exit_on_error=False)

    def _load_behind(self) -> None:
        worker = get_current_worker()
        self.host.preload_deck()
        listed = self.listed
        checked = self.host.store.check(listed, stop=lambda: worker.is_cancelled)
        if checked is not listed and not worker.is_cancelled:
            self.app.call_from_thread(self._checked, listed, checked)

    def _checked(self, before: list[ListedSession], checked: list[ListedSession]) -> None:
        """The sessions listed at first, now validated: a file that turned out broken says so
        and moves down among the broken ones. A cursor still on the first row stays on the first
        row (a quick Enter opens the session listed first, not the broken file that was first);
        one moved to a session, or put on the session just closed, stays on that session."""
        if self.listed is not before:
            return  # listed again meanwhile (a restore, another language)
        self.listed = checked
        table = next(self.query("#sessions").results(DataTable), None)
        if table is None or [(i.path, i.heading) for i in before] == [(i.path, i.heading) for i in checked]:
            return
        row = table.cursor_row
        chosen = 0 <= row < len(before) and (row > 0 or before[0].path == self._at)
        highlighted = before[row].path if chosen else None
        table.clear()
        self._fill(table)
        rows = [item.path for item in checked]
        table.move_cursor(row=rows.index(highlighted) if highlighted in rows else 0)

    def _focus_list(self, at: Path | None) -> None:
        """Give the list the keyboard, its cursor on the session at `at` (else the first)."""
        table = next(self.query("#sessions").results(DataTable), None)
        if table is None:
            return
        rows = [item.path for item in self.listed]
        if at in rows:
            table.move_cursor(row=rows.index(at), animate=False)
        self.set_focus(table)

    def _highlighted(self) -> Path | None:
        table = next(self.query("#sessions").results(DataTable), None)
        if table is None or not 0 <= table.cursor_row < len(self.listed):
            return None
        return self.listed[table.cursor_row].path

    async def recompose(self) -> None:
        """List the folder again (another language, a restore): the list keeps the keyboard and
        its cursor stays on the session it was on."""
        at = self._highlighted()
        await super().recompose()
        self._focus_list(at)

    async def list_again(self, closed: Path | None) -> None:
        """Back from a session: the folder listed afresh, the list's cursor on `closed`."""
        await super().recompose()
        self._focus_list(closed)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        self.host.open_new_session(self.lang)

    def action_language(self) -> None:
        self.lang = "en" if self.lang == "nl" else "nl"
        self.host.remember_language(self.lang)

    def action_open(self) -> None:
        """Open the highlighted session (Enter on the list does the same)."""
        table = self.query("#sessions").results(DataTable)
        found = next(table, None)
        if found is not None and found.row_count:
            found.action_select_cursor()

    def action_year(self) -> None:
        """The year of the highlighted session's team."""
        from potential_deck.tui.screens.year import open_year

        table = next(self.query("#sessions").results(DataTable), None)
        if table is None or not table.row_count:
            return
        item = self.listed[table.cursor_row]
        if item.heading is not None:
            open_year(self, item.heading.team)

    @on(DataTable.RowSelected)
    def _open(self, event: DataTable.RowSelected) -> None:
        try:
            self._open_row(event)
        finally:
            self.host.release_keys()  # held by `SessionsTable` since Enter

    def _open_row(self, event: DataTable.RowSelected) -> None:
        item = self.listed[int(str(event.row_key.value))]
        if not item.checked:  # chosen before the list was validated: this one is, now
            (item,) = self.host.store.check([item])
        if item.heading is None:
            error = item.error
            where = t(self.lang, "home.at_line", line=error.line) if error and error.line else ""
            detail = error.reason if error else ""  # its own advice is said once, in the words around it
            if can_restore(item.path, error.kind if error else ""):
                self.app.push_screen(
                    RestoreScreen(self.lang, item.path, detail), lambda yes: self._restore(item.path, yes)
                )
                return
            message = t(self.lang, "home.broken_detail", file=item.path.name, where=where, detail=detail)
            self.query_one("#home-error", Static).update(f"[red]{escape(message)}[/red]")
            self.notify(message, severity="error", timeout=10, markup=False)
            return
        self.host.open_session(None, Path(item.path))

    async def _restore(self, path: Path, yes: bool | None) -> None:
        """Put back the previous version of a damaged session, then list the folder again."""
        if not yes:
            return
        from potential_deck.core.session import lock, session_file

        try:
            session_file.restore(path, force=False)
        except (SessionFileError, lock.SessionLocked) as exc:
            reason = exc.problem if isinstance(exc, SessionFileError) else str(exc)
            self.notify(
                t(self.lang, "restore.failed", file=path.name, reason=reason),
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self.notify(t(self.lang, "restore.done", file=path.name), markup=False)
        await self.recompose()


def _year_commands() -> type[Provider]:
    """'The year of TEAM' for each known team, loaded when the palette first opens."""
    from potential_deck.tui.screens.year import YearCommands

    return YearCommands
