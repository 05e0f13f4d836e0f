"""The year view: one team's sessions, questions over time, open steps and contact hours.

Reached from the home screen (`j` on a session of the team, or the palette). `a` logs an
activity by hand (a class visit, co-teaching, ...), kept in a session of the team
(`core.year.activities`); the view then counts it at once. The screen has no text fields: its
letter keys are commands, the dialog's fields take the typing.
"""

from __future__ import annotations

from functools import partial

from rich.markup import escape
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import ProgressBar, Static

from potential_deck.core.choices import Lang
from potential_deck.core.errors import UserError
from potential_deck.core.report.chart import form_rows, text_bars
from potential_deck.core.report.summary import format_duration
from potential_deck.core.report.text import (
    activity_line,
    fate_text,
    hours_text,
    number,
    origin_text,
)
from potential_deck.core.session.models import Activity
from potential_deck.core.text.i18n import day, t
from potential_deck.core.year import activities, teams
from potential_deck.core.year.trajectory import Year, team_year
from potential_deck.tui.commands import ListProvider
from potential_deck.tui.keys import YEAR_COMMANDS, bindings
from potential_deck.tui.language import language_of
from potential_deck.tui.screens.base import AppScreen
from potential_deck.tui.screens.modals import HelpScreen
from potential_deck.tui.screens.year_dialogs import ActivityDialog
from potential_deck.tui.widgets.key_scroll import KeyScroll
from potential_deck.tui.widgets.keybar import KeyBar


class YearScreen(AppScreen[None]):
    """A team's year so far; `a` adds an activity."""

    CSS_PATH = "year.tcss"

    KEYS = YEAR_COMMANDS
    BINDINGS = bindings(YEAR_COMMANDS)

    def __init__(self, team: str, lang: Lang) -> None:
        super().__init__()
        self.team = team
        self.lang = lang
        self.year: Year | None = None

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static(f"[b]{escape(t(lang, 'year.title', team=self.team))}[/b]", id="year-top")
        with KeyScroll(id="year-body"):  # every key its line, however fast
            yield Static(id="year-hours")
            yield ProgressBar(total=100, show_eta=False, show_percentage=False, id="year-progress")
            yield Static(id="year-forms", markup=False)
            yield Static(t(lang, "summary.hours_note"), id="year-note", markup=False)
            yield Static(id="year-text")
        yield Static(t(lang, "year.keys"), id="year-keys")
        bar = KeyBar()
        bar.lang = lang
        yield bar

    def on_mount(self) -> None:
        self.reload()
        self.set_focus(self.query_one("#year-body"))
        self.keys_ready()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self.lang, self.KEYS, self.where))

    def reload(self) -> None:
        """Read the team's sessions again and show its year."""
        key = teams.team_key(self.team)
        entries = [
            (item.path, item.session)
            for item in self.host.store.list()
            if item.heading is not None
            and teams.team_key(item.heading.team) == key
            and item.session is not None
        ]  # the list keeps headings: whole sessions read here
        self.year = year = team_year(entries)
        lang, hours = self.lang, year.hours
        title = t(lang, "summary.contact_hours", hours=number(lang, hours.total), percent=hours.percent)
        self.query_one("#year-hours", Static).update(f"[b]{escape(title)}[/b]")
        self.query_one(ProgressBar).update(total=100, progress=min(hours.percent, 100))
        sources = " · ".join(
            f"{t(lang, key)} {hours_text(lang, value, 1)}"
            for key, value in (
                ("hours.meetings", hours.meetings),
                ("hours.steps", hours.steps),
                ("hours.activities", hours.activities),
            )
        )
        rows = [(label, value) for label, value, _ in form_rows(hours.per_form, lang)]
        forms = text_bars(rows, 24, lambda h: hours_text(lang, h, 1)) or [t(lang, "hours.none")]
        self.query_one("#year-forms", Static).update(
            "\n".join([sources, "", t(lang, "hours.by_form"), *forms, t(lang, "hours.meeting_form")])
        )
        self.query_one("#year-text", Static).update(self._text(year))

    def _text(self, year: Year) -> Text:
        """The sessions, open steps, what became of each step and the activities; headings bold."""
        lang = self.lang
        headings = {
            t(lang, key)
            for key in ("summary.sessions", "summary.open_steps", "year.steps_fate", "year.activities")
        }
        text = Text()
        for line in self._lines(year):
            text.append(line + "\n", style="bold" if line in headings else "")
        return text

    def _lines(self, year: Year) -> list[str]:
        lang = self.lang
        out = ["", t(lang, "summary.sessions")]
        for point in year.sessions:
            question = f" · {point.question}" if point.question else ""
            out.append(
                "  "
                + t(
                    lang,
                    "year.sessions_line",
                    date=day(point.date),
                    cards=point.cards,
                    time=format_duration(lang, point.spent),
                    question=question,
                )
            )
        out += ["", t(lang, "summary.open_steps")]
        if not year.open_steps:
            out.append("  " + t(lang, "summary.no_open_steps"))
        for step in year.open_steps:
            details = " · ".join(part for part in (step.who, day(step.due)) if part)
            out.append(f"  · {step.what}" + (f" ({details})" if details else ""))
            out.append(f"      {origin_text(lang, step.origin.date, step.origin.file)}")
        out += ["", t(lang, "year.steps_fate")]
        if not year.steps:
            out.append("  " + t(lang, "year.no_steps"))
        for step in year.steps:
            out.append(f"  - {step.what}: {fate_text(step, lang)}")
            out += [f"      {t(lang, 'year.learned', text=e.learned)}" for e in step.events if e.learned]
        out += ["", t(lang, "year.activities")]
        if not year.activities:
            out.append("  " + t(lang, "year.no_activities"))
        out += [activity_line(activity, lang) for activity in year.activities]
        return out

    def action_add_activity(self) -> None:
        """Ask for an activity; it is saved when it can be (else the dialog says why)."""
        dialog = ActivityDialog(self.team, self.host.now().date(), self.lang, check=self._save)
        self.push_dialog(dialog, lambda added: self.reload() if added else None)

    def _save(self, activity: Activity) -> str | None:
        try:
            path = activities.log(
                self.host.store.folder, self.team, activity, lang=self.lang, now=self.host.now()
            )
        except (UserError, OSError) as exc:
            return str(exc)
        self.notify(t(self.lang, "activity.saved", file=path.name), markup=False)
        return None

    def action_back(self) -> None:
        self.dismiss(None)


class YearCommands(ListProvider):
    """'The year of TEAM' for every team in the sessions folder (the home screen's palette)."""

    def _commands(self) -> list[tuple[str, str, partial[None]]]:
        screen: AppScreen[None] = self.screen  # type: ignore[assignment]
        lang = language_of(screen, "nl")
        known = teams.known_teams(screen.host.store.list())
        return [
            (
                t(lang, "cmd.year", team=team.name),
                t(lang, "cmd.year_help"),
                partial(open_year, screen, team.name),
            )
            for team in known
        ]


def open_year(screen: AppScreen[None], team: str) -> None:
    """Show the year of `team` over `screen`."""
    screen.app.push_screen(YearScreen(team, language_of(screen, "nl")))
