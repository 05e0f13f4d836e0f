"""The harvest in the smallest window (80x24) and larger: the step dialog with an error shown,
the step keys broken only between two keys, and the key bar keeping undo and Escape; one line
per growth opportunity, column headers whole, Escape named only while a merge is going on."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from textual.widgets import Button, DataTable, Input

from potential_deck.core.session.models import Opportunity, Step
from potential_deck.core.session.notes import set_note
from potential_deck.tui.screens.dialogs import StepPrompt
from potential_deck.tui.widgets.harvest_steps import CANCEL_MERGE, KeyLine, key_entries, wrapped
from potential_deck.tui.widgets.keybar import KeyBar

from .helpers import quit_app, shown_text
from .test_harvest import go_to_step, noted_session, open_harvest, screen_words


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
        for entry in key_entries(lang, "items", CANCEL_MERGE):  # no merge going on
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


def many_opportunities(deck, lang="nl"):
    """Eight growth opportunities on three cards, one with a long title."""
    session = noted_session(deck, lang=lang)
    for card_id in session.agenda[:3]:
        session.record(card_id).growth = [Opportunity(text=f"Kans {card_id[:6]} {n}") for n in range(3)]
    session.record(session.agenda[0]).growth.pop()
    return session


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_each_opportunity_takes_one_line_at_80_columns_its_card_cut_with_an_ellipsis(
    make_app, deck, lang
):
    session = many_opportunities(deck, lang)
    titles = [deck.card(card_id).text(lang).title for card_id in session.agenda[:3]]
    app = make_app(session=session, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_harvest(pilot)
        table = app.screen.query_one("#items-table", DataTable)
        assert table.row_count == 8
        assert [table.rows[key].height for key in table.rows] == [1] * 8
        shown = screen_words(app)
        for n in range(3):
            assert f"Kans {session.agenda[1][:6]} {n}" in shown, "every opportunity on screen"
        cut = [title for title in titles if title not in shown]
        assert cut and all(title[:8] in shown for title in cut)
        assert "…" in shown
        await quit_app(pilot)


async def test_the_card_titles_show_whole_in_a_wide_window(make_app, deck):
    session = many_opportunities(deck)
    titles = [deck.card(card_id).nl.title for card_id in session.agenda[:3]]
    app = make_app(session=session)
    async with app.run_test(size=(160, 45)) as pilot:
        await open_harvest(pilot)
        shown = screen_words(app)
        assert all(title in shown for title in titles), titles
        await quit_app(pilot)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
async def test_every_column_header_of_the_harvest_fits_its_column(make_app, deck, lang, size):
    session = noted_session(deck, lang=lang)
    set_note(session.record(session.agenda[1]), "strengths", "We luisteren goed")
    session.harvest.steps = [Step(what="Boeken kiezen", who="Lies")]
    app = make_app(session=session, lang=lang)
    async with app.run_test(size=size) as pilot:
        await open_harvest(pilot)
        for _step in range(4):
            for table in app.screen.shown_step.query(DataTable):
                if not table.display or not table.columns:
                    continue
                for column in table.columns.values():
                    label = column.label.plain
                    assert cell_len(label) <= column.width, f"{label!r} in {column.width} cells"
                    assert label in screen_words(app), label
            await pilot.press("pagedown")
        await quit_app(pilot)


@pytest.mark.parametrize(("lang", "cancel"), [("nl", "Esc Annuleren"), ("en", "Esc Cancel")])
async def test_the_step_keys_name_escape_only_while_a_merge_is_going_on(make_app, deck, lang, cancel):
    app = make_app(session=noted_session(deck, lang=lang))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_harvest(pilot)
        keys = screen.query_one("#items", expect_type=None).query_one(KeyLine)

        def named() -> bool:
            return cancel in " ".join(str(keys.content).split())

        assert not named()
        await pilot.press("m")
        assert named()
        await pilot.press("escape")
        assert not named() and screen.merging is None
        await pilot.press("m", "down", "m")  # merged: no merge going on any more
        assert len(screen.session.harvest.items) == 2 and not named()
        await quit_app(pilot)
