"""Dialogs of a team's year: a new date for a step carried over, and an activity logged by hand.

Both check what was typed with the core's rules and stay open, with everything typed still
there, until it is right (or the user cancels with Escape). Enter or Ctrl+S keeps. They are
`prompt.Dialog`s: keys typed as one opens land in its first field, keys typed as it closes wait
for the screen that opened it (`AppScreen.push_dialog`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static

from potential_deck.core.choices import Lang
from potential_deck.core.harvest.rules import parse_date
from potential_deck.core.session.models import Activity, Collaboration
from potential_deck.core.text.i18n import day, form_label, t
from potential_deck.core.year.activities import ActivityProblem, typed_activity
from potential_deck.tui.screens.dialogs import Dialog, field
from potential_deck.tui.widgets.date_field import DateField


class DatePrompt(Dialog[dt.date | None]):
    """Asks for a date (dd/mm/yyyy); closes with it, or with None when cancelled (or left empty)."""

    CSS_PATH = "year.tcss"

    BINDINGS = [Binding("ctrl+s", "keep", "Keep", show=False, priority=True)]

    def __init__(self, title: str, lang: Lang) -> None:
        super().__init__()
        self.title_text = title
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="year-dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield field(placeholder=t(self.lang, "harvest.date_placeholder"), id="date-input")
            yield Static(id="dialog-error", markup=False)
            yield Static(t(self.lang, "lb.field_keys"), classes="dialog-hint")

    @on(Input.Submitted)
    def action_keep(self) -> None:
        try:
            date = parse_date(self.query_one(Input).value, self.lang)
        except ValueError as exc:
            error = self.query_one("#dialog-error", Static)
            error.update(str(exc))
            error.add_class("-shown")
            return
        self.finish(date)

    def action_cancel(self) -> None:
        self.finish(None)


class ActivityDialog(Dialog[Activity | None]):
    """Date, form of collaboration, hours, who and a note; closes with the new Activity.

    Each field has its label beside it, so that fields with a border (as in every dialog) fit a
    24-row window. The keyboard starts in the date (today, replaced by a date typed over it)."""

    CSS_PATH = "year.tcss"
    FIRST = "#activity-date"

    BINDINGS = [Binding("ctrl+s", "keep", "Keep", show=False, priority=True)]

    def __init__(
        self, team: str, today: dt.date, lang: Lang, check: Callable[[Activity], str | None] | None = None
    ) -> None:
        super().__init__()
        self.team = team
        self.today = today
        self.lang = lang
        self.check = check

    def compose(self) -> ComposeResult:
        lang = self.lang
        with VerticalScroll(classes="year-dialog", id="activity-box"):  # scrolls only if it must
            yield Static(t(lang, "activity.title", team=self.team), classes="dialog-title", markup=False)
            with Grid(id="activity-fields"):
                yield Label(t(lang, "activity.date"), classes="dialog-label")
                yield DateField(
                    day(self.today), id="activity-date", placeholder=t(lang, "harvest.date_placeholder")
                )
                yield Label(t(lang, "activity.form"), classes="dialog-label")
                yield Select(
                    [(form_label(lang, form), form) for form in Collaboration],
                    value=Collaboration.CLASS_VISIT,
                    allow_blank=False,
                    id="activity-form",
                )
                for name in ("hours", "who", "note"):
                    yield Label(t(lang, f"activity.{name}"), classes="dialog-label")
                    yield field(id=f"activity-{name}")
            yield Static(id="dialog-error", markup=False)
            yield Static(t(lang, "activity.keys"), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(t(lang, "activity.save"), id="activity-save", variant="primary")
                yield Button(t(lang, "activity.cancel"), id="activity-cancel")

    def _fail(self, message: str, field: str) -> None:
        error = self.query_one("#dialog-error", Static)
        error.update(message)
        error.add_class("-shown")
        self.query_one(f"#{field}").focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#activity-save")
    def action_keep(self) -> None:
        form = self.query_one("#activity-form", Select).value
        try:
            activity = typed_activity(
                date=self.query_one("#activity-date", Input).value,
                hours=self.query_one("#activity-hours", Input).value,
                form=form if isinstance(form, Collaboration) else Collaboration.OTHER,
                who=self.query_one("#activity-who", Input).value,
                note=self.query_one("#activity-note", Input).value,
                lang=self.lang,
            )
        except ActivityProblem as exc:
            self._fail(str(exc), f"activity-{exc.field}")
            return
        problem = self.check(activity) if self.check else None
        if problem:
            self._fail(problem, "activity-hours")
            return
        self.finish(activity)

    @on(Button.Pressed, "#activity-cancel")
    def action_cancel(self) -> None:
        self.finish(None)
