"""The harvest in the smallest window (80x24) and larger: the step dialog with an error shown,
the step keys broken only between two keys, and the key bar keeping undo and Escape."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input

from potential_deck.tui.screens.dialogs import StepPrompt
from potential_deck.tui.widgets.harvest_steps import KeyLine, key_entries, wrapped
from potential_deck.tui.widgets.keybar import KeyBar

from .helpers import quit_app, shown_text
from .test_harvest import go_to_step, noted_session, open_harvest


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_step_dialog_fits_the_window_with_a_date_error_shown(make_app, deck, size):
    """Its buttons and its bottom border stay in the window; nothing scrolls outside the box."""
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=size) as pilot:
        await open_harvest(pilot)
        await go_to_step(pilot, 4)
        await pilot.press("a", *"Boeken kiezen", "tab", *"Lies", "tab", *"31/02/2027", "enter")
        dialog = app.screen
        assert isinstance(dialog, StepPrompt)
        assert "„31/02/2027” is geen datum" in shown_text(app)
        box = dialog.query_one("#prompt-box")
        width, height = size
        assert box.region.y >= 0 and box.region.bottom <= height and box.region.right <= width
        assert box.max_scroll_y == 0, "nothing hidden inside the box"
        for button in dialog.query(Button):
            assert box.region.y < button.region.y and button.region.bottom <= box.region.bottom - 1
        fields = list(dialog.query(Input))
        assert len(fields) == 4 and all(field.outer_size.height == 3 for field in fields)
        assert app.focused is dialog.query_one("#prompt-due")
        await quit_app(pilot)


def test_a_key_line_breaks_only_between_two_keys() -> None:
    entries = ["a Add", "Enter e Edit", "s Split", "Esc Cancel", "x Strike out"]
    assert wrapped(entries, 80) == "a Add · Enter e Edit · s Split · Esc Cancel · x Strike out"
    assert wrapped(entries, 32) == "a Add · Enter e Edit · s Split ·\nEsc Cancel · x Strike out"
    assert wrapped(entries, 31) == "a Add · Enter e Edit ·\ns Split · Esc Cancel ·\nx Strike out"
    for width in range(14, 80):  # the longest key with its " ·" takes 14
        lines = wrapped(entries, width).split("\n")
        assert all(len(line) <= width for line in lines), width
        assert " · ".join(line.removesuffix(" ·") for line in lines) == " · ".join(entries)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_step_keys_keep_each_key_with_its_meaning_at_80_columns(make_app, deck, lang):
    app = make_app(session=noted_session(deck, lang=lang))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_harvest(pilot)
        keys = screen.query_one("#items", expect_type=None).query_one(KeyLine)
        lines = str(keys.content).split("\n")
        assert len(lines) == 2 and keys.size.height == 2, "two lines, drawn as they are broken"
        assert all(len(line) <= keys.size.width for line in lines)
        for entry in key_entries(lang, "items"):
            assert any(entry in line for line in lines), entry
        await quit_app(pilot)


@pytest.mark.parametrize(
    ("lang", "listed", "typing"),
    [
        ("nl", ["PgDn Volgende stap", "PgUp Vorige stap", "u Ongedaan maken", "? Toetsen", "Ctrl+Q Stoppen"],
         ["PgDn Volgende stap", "PgUp Vorige stap", "Esc Uit veld", "F1 Toetsen", "Ctrl+Q Stoppen"]),
        ("en", ["PgDn Next step", "PgUp Previous step", "u Undo", "? Keys", "Ctrl+Q Quit"],
         ["PgDn Next step", "PgUp Previous step", "Esc Leave field", "F1 Keys", "Ctrl+Q Quit"]),
    ],
)  # fmt: skip
async def test_the_key_bar_keeps_undo_and_leaving_the_field_at_80_columns(
    make_app, deck, lang, listed, typing
):
    app = make_app(session=noted_session(deck, lang=lang))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_harvest(pilot)
        bar = screen.query_one(KeyBar)

        def shown() -> str:
            return " ".join(str(bar.content).split())

        assert shown() == " ".join(listed)
        await go_to_step(pilot, 3)  # the question's field has the keyboard
        assert shown() == " ".join(typing)
        assert len(str(bar.content)) <= bar.size.width
        await quit_app(pilot)
